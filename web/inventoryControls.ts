import type { RunSeries } from '../src/experiment/run.ts';
import type { Scenario } from '../src/scenario/schema.ts';
import { charts as text } from './i18n/strings.ts';
import { canShift, centreOf, fitWindow, presetOf, shiftWindow, windowAround, WINDOW_PRESETS, type DayWindow } from './charts/timeWindow.ts';
import { runOneReplication, type OneReplicationOutcome } from './worker/client.ts';
import { fill, select, wholeNumberInput } from './dashboard.ts';
import { numberLocale } from './i18n/numberFormat.ts';

/** a day number as the chart's axis writes it, in the page's language: 1,094 or 1 094 */
const dayNumber = numberLocale.format(',d');

/**
 * The inventory chart's own controls beside its stock point, variant and mode: the replication shown
 * in single mode (1..N, a number field) and the days shown (a window selector: whole run, 90, 30 or
 * 7 days, with Earlier / Later buttons moving the window by half its span). All of them are plain
 * form controls, so the keyboard reaches them; the chart's brush (inventoryChart.ts) sets the same
 * window with the pointer and reports it back through `brushed`.
 */
export interface InventoryControls {
  /** the replication shown in single mode, 0-based */
  readonly replication: number;
  /** the days shown (null: the whole run) */
  readonly window: DayWindow | null;
  /** a new result: its run length and replications (the replication and window kept where they still fit) */
  reset(days: number, replications: number): void;
  /** the mode shown: the replication field only in single mode */
  showMode(mode: 'single' | 'mean'): void;
  /** the window the brush chose (no redraw: the chart has drawn it) */
  brushed(window: DayWindow | null): void;
}

export function createInventoryControls(parent: HTMLElement, onChange: () => void): InventoryControls {
  let days = 0;
  let replications = 1;
  let replication = 0;
  let window: DayWindow | null = null;

  const replicationInput = wholeNumberInput(parent, text.replicationPick, 'inventory-replication', { min: 1, value: 1 });
  const replicationLabel = replicationInput.parentElement!;
  // hidden by display (the controls' labels are flex boxes, which the hidden attribute alone does not hide)
  replicationLabel.style.display = 'none';
  replicationInput.addEventListener('change', () => {
    const typed = Math.round(Number(replicationInput.value));
    const next = Number.isFinite(typed) ? Math.min(replications, Math.max(1, typed)) - 1 : replication;
    replicationInput.value = String(next + 1);
    if (next === replication) return;
    replication = next;
    onChange();
  });

  const windowSelect = select(parent, text.windowPick, 'inventory-window', (value) => {
    if (value === 'custom') return;
    window = value === 'whole' ? null : windowAround(days, Number(value), centreOf(days, window));
    update();
    onChange();
  });

  const shiftButton = (direction: -1 | 1) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.id = direction < 0 ? 'inventory-earlier' : 'inventory-later';
    button.textContent = direction < 0 ? text.windowEarlier : text.windowLater;
    button.setAttribute('aria-label', direction < 0 ? text.windowEarlierLabel : text.windowLaterLabel);
    button.addEventListener('click', () => {
      window = shiftWindow(days, window, direction);
      update();
      onChange();
    });
    return button;
  };
  const earlier = shiftButton(-1);
  const later = shiftButton(1);
  const status = document.createElement('span');
  status.className = 'inventory-window-status';
  status.setAttribute('aria-live', 'polite');
  parent.append(earlier, later, status);

  function update(): void {
    const presets = WINDOW_PRESETS.filter((span) => span < days);
    const preset = presetOf(window);
    const options: [string, string][] = [['whole', text.windowWhole], ...presets.map((span): [string, string] => [String(span), text.windowDays(span)])];
    if (preset === 'custom') options.push(['custom', text.windowCustom]);
    fill(windowSelect, options);
    windowSelect.value = preset === null ? 'whole' : String(preset);
    earlier.disabled = !canShift(days, window, -1);
    later.disabled = !canShift(days, window, 1);
    // days counted from 0 on the axis: the window [start, end) is days start to end - 1
    status.textContent = window ? text.windowStatus(dayNumber(window[0]), dayNumber(window[1] - 1)) : '';
  }

  return {
    get replication() {
      return replication;
    },
    get window() {
      return window;
    },
    reset(runDays, runReplications) {
      days = runDays;
      replications = Math.max(1, runReplications);
      replication = Math.min(replication, replications - 1);
      replicationInput.max = String(replications);
      replicationInput.value = String(replication + 1);
      replicationInput.title = text.replicationPickHelp(replications);
      window = fitWindow(days, window);
      update();
    },
    showMode(mode) {
      replicationLabel.style.display = mode === 'single' ? '' : 'none';
    },
    brushed(next) {
      window = next;
      update();
    },
  };
}

/**
 * The daily series of replications run again for the single view, kept for the result shown (a
 * person flicking between replications waits once for each). Replication 0 needs no run: the
 * experiment keeps it whole. `clear` forgets them and stops the run under way (a new result).
 */
export function createReplicationRuns() {
  const cache = new Map<string, RunSeries | null>();
  let pending: { key: string; controller: AbortController; outcome: Promise<OneReplicationOutcome | null> } | null = null;
  return {
    cached(variant: number, replication: number): RunSeries | null | undefined {
      return cache.get(`${variant}/${replication}`);
    },
    /** runs it again in a worker; the outcome of a run superseded by another (or by `clear`) is null */
    run(scenario: Scenario, variant: number, replication: number): Promise<OneReplicationOutcome | null> {
      const key = `${variant}/${replication}`;
      // asked again while under way (a redraw on resize): the same run
      if (pending?.key === key) return pending.outcome;
      pending?.controller.abort();
      const controller = new AbortController();
      const outcome = runOneReplication(scenario, variant, replication, controller.signal).then((done) => {
        if (controller.signal.aborted) return null;
        pending = null;
        if (done.ok) cache.set(key, done.series);
        return done;
      });
      pending = { key, controller, outcome };
      return outcome;
    },
    clear(): void {
      pending?.controller.abort();
      pending = null;
      cache.clear();
    },
  };
}
