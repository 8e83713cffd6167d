import type { Scenario } from '../../src/scenario/schema.ts';
import type { ExperimentResult } from '../../src/experiment/replicate.ts';
import type { KpiName, Kpis } from '../../src/metrics/kpis.ts';
import { daySentence, stepperStrings as text } from '../i18n/strings.ts';
import { numberLocale } from '../i18n/numberFormat.ts';
import type { StepNames } from '../i18n/dayWords.ts';
import { createStepperSession, type DayLog, type Happening, type HappeningKind, type StepDay, type StepOutcome, type StepperInfo, type StepperKpis } from '../worker/stepper.ts';
import { kpiMeta, splitWithHalfWidth } from '../charts/kpiMeta.ts';
import { renderNetwork } from '../charts/networkDiagram.ts';
import { fill, heading, markDownloadSource, select, wholeNumberInput } from '../dashboard.ts';

/**
 * The "Step through" panel (issue 18): one replication of a variant, day by day, in a worker of its
 * own (web/worker/stepper.ts). Next day, Play at a chosen speed, Pause, go to a day, back to the start,
 * to the end (a long jump shows its progress and Cancel stops it). The day is announced (aria-live,
 * quiet while playing); each stock point's on hand, backorders, inventory position, in transit and on
 * order at the end of the day, with bars; the network diagram with the lanes that shipped that day
 * drawn thick and their units; the day's happenings in words, and the log of the days run, filtered
 * by stock point and by kind. At the end, the replication's headline KPIs beside the run's (the
 * dashboard keeps replication 1 of each variant in full): the same numbers.
 */
export interface StepperPanel {
  /** the scenario a Start would open (the editor's with the top bar's seed), or null while it has problems */
  setScenario(scenario: Scenario | null): void;
  /** the run on the dashboard (for the network diagram and the comparison at the end) */
  setResult(result: { value: ExperimentResult; scenario: Scenario } | null): void;
}

/** which kinds each choice of the log's "What" filter keeps */
const KIND_GROUPS: Record<Exclude<keyof typeof text.kindGroups, 'all'>, HappeningKind[]> = {
  sales: ['sold', 'short', 'lost', 'backordered'],
  customers: ['left', 'abandoned'],
  orders: ['ordered'],
  shipments: ['shipped', 'dispatched', 'received'],
  losses: ['expired', 'damaged', 'obsolete', 'recalled', 'shrunk', 'returned'],
};
const SPEEDS = [1, 2, 5, 10, 30];
/** days of log kept on the page, and entries shown */
const LOG_KEPT = 4000;
const LOG_SHOWN = 100;
const ROWS_SHOWN = 200;
const HEADLINE: KpiName[] = ['fillRate', 'holdingCost', 'totalCost', 'customersChurned'];

export function createStepperPanel(root: HTMLElement): StepperPanel {
  const session = createStepperSession();
  let scenario: Scenario | null = null;
  let run: { value: ExperimentResult; scenario: Scenario } | null = null;
  /** what is open: the scenario, variant and replication, and what the engine said it runs */
  let opened: { scenario: Scenario; text: string; variant: number; replication: number; info: StepperInfo; names: StepNames; labels: string[] } | null = null;
  let shown: StepDay | null = null;
  let log: DayLog[] = [];
  let over = false;
  let kpis: StepperKpis | null = null;
  let busy: AbortController | null = null;
  let playing = false;
  /** the log's sentences by day, for the filter `key` (emptied when the days are run again) */
  let sentenceCache: { key: string; sentences: Map<number, string> } = { key: '', sentences: new Map() };
  /** the scenario has changed since the replication was opened (said until Start opens it again) */
  let stale = false;
  /** per stock point, the largest level seen so far (the bars' scale) */
  let scale: number[] = [];

  // ----------------------------------------------------------------------------------------------
  // the panel's parts

  const title = document.createElement('h2');
  title.id = 'stepper-title';
  title.textContent = text.title;
  const help = document.createElement('p');
  help.className = 'chart-help';
  help.textContent = text.help;

  const form = document.createElement('div');
  form.className = 'chart-controls stepper-form';
  const variantSelect = select(form, text.variant, 'stepper-variant', () => undefined);
  const replicationInput = wholeNumberInput(form, text.replication, 'stepper-replication', { min: 1, value: 1 });
  const startButton = button(form, text.open, 'stepper-start', () => void open());
  startButton.classList.add('primary');

  const controls = document.createElement('div');
  controls.className = 'chart-controls stepper-controls';
  controls.setAttribute('role', 'group');
  controls.setAttribute('aria-label', text.controls);
  const restartButton = button(controls, text.restart, 'stepper-restart', () => void restart());
  const stepButton = button(controls, text.step, 'stepper-step', () => void goTo(currentDay() + 1));
  const playButton = button(controls, text.play, 'stepper-play', () => (playing ? pause() : void play()));
  playButton.setAttribute('aria-pressed', 'false');
  const speedSelect = select(controls, text.speed, 'stepper-speed', () => undefined);
  fill(
    speedSelect,
    SPEEDS.map((speed) => [String(speed), text.speedOption(speed)]),
  );
  speedSelect.value = '5';
  const dayInput = wholeNumberInput(controls, text.goToDay, 'stepper-day', { min: 1, value: 1 });
  dayInput.setAttribute('aria-describedby', 'stepper-day-error');
  const goButton = button(controls, text.go, 'stepper-go', () => void goToTyped());
  dayInput.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') void goToTyped();
  });
  const endButton = button(controls, text.toEnd, 'stepper-end', () => void goTo(Infinity));
  const cancelButton = button(controls, text.cancel, 'stepper-cancel', () => busy?.abort());
  cancelButton.hidden = true;
  const dayError = document.createElement('span');
  dayError.id = 'stepper-day-error';
  dayError.className = 'field-error';
  dayError.hidden = true;
  controls.append(dayError);

  const progress = document.createElement('progress');
  progress.id = 'stepper-progress';
  progress.className = 'stepper-progress';
  progress.hidden = true;
  progress.setAttribute('aria-label', text.title);

  const dayLine = document.createElement('p');
  dayLine.id = 'stepper-day-shown';
  dayLine.className = 'stepper-day';
  dayLine.setAttribute('aria-live', 'polite');
  dayLine.setAttribute('aria-atomic', 'true');
  dayLine.textContent = text.notOpen;
  const today = document.createElement('p');
  today.id = 'stepper-today';
  today.className = 'stepper-today';
  const notice = document.createElement('p');
  notice.className = 'stepper-notice';
  notice.hidden = true;

  const grid = document.createElement('div');
  grid.className = 'stepper-grid';
  const levelsBlock = document.createElement('div');
  levelsBlock.className = 'stepper-levels';
  const networkBlock = document.createElement('div');
  networkBlock.className = 'stepper-network chart-block';
  const networkBody = document.createElement('div');
  networkBody.className = 'chart-body';
  networkBlock.append(heading(text.networkTitle, text.networkHelp, 'h3'), networkBody);
  grid.append(levelsBlock, networkBlock);

  const logBlock = document.createElement('div');
  logBlock.className = 'stepper-log';
  const logControls = document.createElement('div');
  logControls.className = 'chart-controls';
  const logPoint = select(logControls, text.logPoint, 'stepper-log-point', () => drawLog());
  const logKind = select(logControls, text.logKind, 'stepper-log-kind', () => drawLog());
  fill(
    logKind,
    (Object.keys(text.kindGroups) as (keyof typeof text.kindGroups)[]).map((key) => [key, text.kindGroups[key]]),
  );
  const logNote = document.createElement('p');
  logNote.className = 'chart-help';
  const logList = document.createElement('ol');
  logList.id = 'stepper-log';
  logList.className = 'stepper-log-list';
  // it scrolls in its box: the keyboard reaches it too
  logList.tabIndex = 0;
  logList.setAttribute('aria-label', text.logTitle);
  logBlock.append(heading(text.logTitle, '', 'h3'), logControls, logNote, logList);
  logBlock.querySelector('.chart-help')?.remove();

  const endBlock = document.createElement('div');
  endBlock.id = 'stepper-end-kpis';
  endBlock.className = 'stepper-end';
  endBlock.hidden = true;

  const body = document.createElement('div');
  body.className = 'stepper-body';
  body.hidden = true;
  body.append(controls, progress, dayLine, today, grid, logBlock, endBlock);
  root.replaceChildren(title, help, form, notice, body);
  // the live day line sits outside the hidden body until a replication is open
  form.after(dayLine);
  setEnabled();

  // the network diagram follows the panel's width
  let lastWidth = networkBody.clientWidth;
  new ResizeObserver(() => {
    if (networkBody.clientWidth === lastWidth) return;
    lastWidth = networkBody.clientWidth;
    drawNetwork();
  }).observe(networkBlock);

  // ----------------------------------------------------------------------------------------------
  // opening, stepping, playing

  function currentDay(): number {
    return shown?.day ?? -1;
  }

  async function open(): Promise<void> {
    if (!scenario || busy) return;
    pause();
    const variant = Number(variantSelect.value) || 0;
    const replication = Math.min(Math.max(1, Math.round(Number(replicationInput.value) || 1)), scenario.replications) - 1;
    replicationInput.value = String(replication + 1);
    const chosen = scenario;
    busy = new AbortController();
    setEnabled();
    const outcome = await session.open(chosen, variant, replication);
    busy = null;
    if (!outcome.ok) {
      opened = null;
      body.hidden = true;
      say(text.failed(outcome.error));
      setEnabled();
      return;
    }
    const info = outcome.info;
    opened = { scenario: chosen, text: JSON.stringify(chosen), variant, replication, info, names: namesOf(chosen, info), labels: labelsOf(chosen, info) };
    markDownloadSource(root, chosen.name, chosen.seed);
    reset();
    body.hidden = false;
    dayInput.max = String(info.days);
    fill(logPoint, [['all', text.allPoints], ...opened.labels.map((label, i): [string, string] => [String(i), label])]);
    drawNetwork();
    stale = false;
    clearNotice();
    showDay();
    setEnabled();
  }

  function reset(): void {
    shown = null;
    log = [];
    sentenceCache = { key: '', sentences: new Map() };
    over = false;
    kpis = null;
    scale = opened ? opened.info.initial.map((levels) => Math.max(1, Math.abs(levels.onHand), Math.abs(levels.position))) : [];
  }

  async function restart(): Promise<void> {
    if (!opened || busy) return;
    pause();
    busy = new AbortController();
    setEnabled();
    const outcome = await session.open(opened.scenario, opened.variant, opened.replication);
    busy = null;
    if (!outcome.ok) say(text.failed(outcome.error));
    reset();
    showDay();
    setEnabled();
  }

  async function goToTyped(): Promise<void> {
    if (!opened) return;
    const day = Number(dayInput.value);
    const valid = Number.isInteger(day) && day >= 1 && day <= opened.info.days;
    dayError.hidden = valid;
    dayError.textContent = valid ? '' : text.badDay(opened.info.days);
    dayInput.setAttribute('aria-invalid', String(!valid));
    if (valid) await goTo(day - 1);
  }

  /** to the end of day `day` (0-based; Infinity: the last), forwards or back */
  async function goTo(day: number): Promise<void> {
    if (!opened || busy) return;
    const target = Math.min(day, opened.info.days - 1);
    if (target === currentDay() || (over && target >= currentDay())) return;
    if (target < 0) return restart();
    const controller = new AbortController();
    busy = controller;
    const long = target - currentDay() > 1 || target < currentDay();
    if (long) {
      // the progress is in the bar; the day reached is announced once, at the end
      dayLine.setAttribute('aria-live', 'off');
      progress.hidden = false;
      progress.max = opened.info.days;
      progress.value = Math.max(0, currentDay() + 1);
      cancelButton.hidden = false;
    }
    setEnabled();
    const days = opened.info.days;
    const outcome = await session.stepTo(target, (reached) => {
      if (busy !== controller) return;
      progress.value = reached + 1;
      dayLine.textContent = text.running(reached + 1, days);
    }, controller.signal);
    busy = null;
    progress.hidden = true;
    cancelButton.hidden = true;
    if (long && !playing) dayLine.setAttribute('aria-live', 'polite');
    apply(outcome);
    setEnabled();
    if (long) cancelButton.blur();
  }

  function apply(outcome: StepOutcome): void {
    if (!outcome.ok) {
      pause();
      showDay();
      say(outcome.cancelled ? text.cancelled : text.failed(outcome.error));
      return;
    }
    if (outcome.restarted) {
      log = [];
      sentenceCache = { key: '', sentences: new Map() };
    }
    log.push(...outcome.log);
    if (log.length > LOG_KEPT) log.splice(0, log.length - LOG_KEPT);
    if (outcome.last) shown = outcome.last;
    over = outcome.over;
    kpis = outcome.kpis;
    if (over) pause();
    clearNotice();
    showDay();
  }

  async function play(): Promise<void> {
    if (!opened || busy || over) return;
    playing = true;
    playButton.textContent = text.pause;
    playButton.setAttribute('aria-pressed', 'true');
    // a screen reader would hear every day: the day line is announced again on Pause
    dayLine.setAttribute('aria-live', 'off');
    setEnabled();
    while (playing && !over && opened) {
      const started = performance.now();
      await goTo(currentDay() + 1);
      const wait = 1000 / Number(speedSelect.value) - (performance.now() - started);
      if (playing && wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  function pause(): void {
    if (!playing) return;
    playing = false;
    playButton.textContent = text.play;
    playButton.setAttribute('aria-pressed', 'false');
    dayLine.setAttribute('aria-live', 'polite');
    setEnabled();
    // announced once, where it stopped
    if (opened) showDay();
  }

  function setEnabled(): void {
    const ready = opened !== null;
    startButton.disabled = scenario === null || busy !== null;
    variantSelect.disabled = replicationInput.disabled = scenario === null;
    restartButton.disabled = !ready || busy !== null || playing || currentDay() < 0;
    stepButton.disabled = goButton.disabled = endButton.disabled = !ready || busy !== null || playing || over;
    dayInput.disabled = !ready || playing;
    playButton.disabled = !ready || (over && !playing);
  }

  function say(message: string): void {
    notice.textContent = message;
    notice.hidden = false;
  }

  /** no message but the one that stays while true: the scenario changed since Start */
  function clearNotice(): void {
    if (stale) say(text.stale);
    else notice.hidden = true;
  }

  // ----------------------------------------------------------------------------------------------
  // drawing the day

  function showDay(): void {
    if (!opened) return;
    const { info } = opened;
    if (shown === null) {
      dayLine.textContent = text.beforeStart(info.days);
      today.textContent = '';
      dayInput.value = '1';
    } else {
      const notes = [shown.warmup ? text.warmup : null, over ? text.over : null].filter((note) => note !== null);
      dayLine.textContent = `${text.dayShown(shown.day + 1, info.days)}${notes.length > 0 ? ` (${notes.join('; ')})` : ''}`;
      today.textContent = daySentence(shown.day + 1, shown.happenings, opened.names);
      if (document.activeElement !== dayInput) dayInput.value = String(Math.min(info.days, shown.day + 2));
    }
    drawLevels();
    markLanes();
    drawLog();
    drawEnd();
  }

  function drawLevels(): void {
    if (!opened) return;
    const levels = shown?.levels ?? opened.info.initial;
    const table = document.createElement('table');
    table.className = 'stepper-levels-table';
    const caption = document.createElement('caption');
    caption.textContent = text.levelsCaption;
    table.append(caption);
    const head = table.createTHead().insertRow();
    for (const label of [text.point, text.onHand, text.backorders, text.position, text.pipeline, text.onOrder]) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.textContent = label;
      head.append(th);
    }
    const rows = table.createTBody();
    const format = numberLocale.format(',.2~f');
    levels.slice(0, ROWS_SHOWN).forEach((level, i) => {
      scale[i] = Math.max(scale[i] ?? 1, Math.abs(level.onHand), Math.abs(level.position));
      const row = rows.insertRow();
      row.dataset.point = String(i);
      const th = document.createElement('th');
      th.scope = 'row';
      th.textContent = opened!.labels[i];
      row.append(th);
      row.append(barCell(format(level.onHand), level.onHand / scale[i], 'on-hand'));
      cell(row, format(level.backorders));
      row.append(barCell(format(level.position), level.position / scale[i], 'position'));
      cell(row, format(level.pipeline));
      cell(row, format(level.onOrder));
    });
    const customers = shown?.activeCustomers ?? [];
    const extra = document.createElement('p');
    extra.className = 'chart-help';
    extra.textContent = customers.map((count, i) => text.activeCustomers(nodeName(opened!.scenario, opened!.info.customerBases[i]), count)).join(' · ');
    const title = document.createElement('h3');
    title.textContent = text.levelsTitle;
    const scroll = document.createElement('div');
    scroll.className = 'table-scroll';
    scroll.tabIndex = 0;
    scroll.setAttribute('role', 'region');
    scroll.setAttribute('aria-label', text.levelsTitle);
    scroll.append(table);
    levelsBlock.replaceChildren(title, scroll, ...(customers.length > 0 ? [extra] : []));
  }

  function drawNetwork(): void {
    if (!opened) return;
    if (!run || run.value.variants.length === 0) {
      const note = document.createElement('p');
      note.className = 'chart-note';
      note.textContent = text.networkNeedsRun;
      networkBody.replaceChildren(note);
      return;
    }
    renderNetwork(networkBody, opened.scenario, run.value, { variant: Math.min(opened.variant, run.value.variants.length - 1) });
    markLanes();
  }

  /** the lanes that shipped on the day shown, thick, with the units shipped and ordered over them */
  function markLanes(): void {
    if (!opened) return;
    const flows = new Map<string, { shipped: number; ordered: number }>();
    for (const happening of shown?.happenings ?? []) {
      if (happening.kind !== 'dispatched' && happening.kind !== 'ordered') continue;
      const point = opened.info.points[happening.point];
      if (point.from === null) continue;
      const key = `${point.from}\u0000${point.node}`;
      const flow = flows.get(key) ?? { shipped: 0, ordered: 0 };
      if (happening.kind === 'dispatched') flow.shipped += happening.quantity;
      else flow.ordered += happening.quantity;
      flows.set(key, flow);
    }
    const format = numberLocale.format(',.2~f');
    const svg = 'http://www.w3.org/2000/svg';
    // receipts: under each place's box, the units it received that day
    const received = new Map<string, number>();
    for (const happening of shown?.happenings ?? []) {
      if (happening.kind === 'received') {
        const node = opened.info.points[happening.point].node;
        received.set(node, (received.get(node) ?? 0) + happening.quantity);
      }
    }
    for (const box of networkBody.querySelectorAll<SVGGElement>('g.network-node[data-node]')) {
      box.querySelector('.node-flow')?.remove();
      const units = received.get(box.dataset.node ?? '');
      const rect = box.querySelector('rect.node-box');
      box.classList.toggle('node-receiving', units !== undefined);
      if (units === undefined || !rect) continue;
      const note = document.createElementNS(svg, 'text');
      note.setAttribute('class', 'node-flow halo');
      note.setAttribute('x', '10');
      note.setAttribute('y', String(Number(rect.getAttribute('height') ?? 0) + 16));
      note.textContent = text.nodeReceived(format(units));
      box.append(note);
    }
    for (const lane of networkBody.querySelectorAll<SVGGElement>('g.lane[data-from][data-to]')) {
      const flow = flows.get(`${lane.dataset.from}\u0000${lane.dataset.to}`);
      lane.classList.toggle('lane-busy', flow !== undefined && flow.shipped > 0);
      lane.classList.toggle('lane-ordered', flow !== undefined && flow.ordered > 0);
      for (const old of lane.querySelectorAll('.lane-flow, .lane-glow')) old.remove();
      const label = lane.querySelector<SVGTextElement>('.lane-label');
      const path = lane.querySelector<SVGPathElement>('.lane-path');
      if (!flow || !label || !path) continue;
      // a wide light stroke under the lane (the arrow's own stroke keeps its width, so its head its size)
      const glow = document.createElementNS(svg, 'path');
      glow.setAttribute('class', 'lane-glow');
      glow.setAttribute('d', path.getAttribute('d') ?? '');
      lane.insertBefore(glow, path);
      // the units over the lead-time label: shipped, else ordered; both in its tooltip
      const flowText = document.createElementNS(svg, 'text');
      flowText.setAttribute('class', 'lane-flow halo');
      flowText.setAttribute('x', label.getAttribute('x') ?? '0');
      flowText.setAttribute('y', String(Number(label.getAttribute('y') ?? 0) - 17));
      flowText.setAttribute('dy', '0.35em');
      flowText.setAttribute('text-anchor', 'middle');
      flowText.textContent = flow.shipped > 0 ? text.laneShipped(format(flow.shipped)) : text.laneOrdered(format(flow.ordered));
      const title = document.createElementNS(svg, 'title');
      title.textContent = text.laneFlow(format(flow.shipped), format(flow.ordered));
      flowText.append(title);
      lane.append(flowText);
    }
  }

  function drawLog(): void {
    if (!opened) return;
    if (log.length === 0) {
      logNote.textContent = text.logEmpty;
      logList.replaceChildren();
      return;
    }
    const point = logPoint.value === 'all' ? null : Number(logPoint.value);
    const group = logKind.value as keyof typeof text.kindGroups;
    const kinds = group === 'all' ? null : new Set<HappeningKind>(KIND_GROUPS[group]);
    const keep = (happening: Happening) => (point === null || happening.point === point) && (kinds === null || kinds.has(happening.kind));
    const everything = point === null && kinds === null;
    // a day's sentence is made once per filter (playing adds a day at the top; the rest stay)
    const key = `${logPoint.value}/${group}`;
    if (sentenceCache.key !== key) sentenceCache = { key, sentences: new Map() };
    const items: HTMLLIElement[] = [];
    let matching = 0;
    for (let k = log.length - 1; k >= 0; k--) {
      const day = log[k];
      const happenings = everything ? day.happenings : day.happenings.filter(keep);
      if (!everything && happenings.length === 0) continue;
      matching++;
      if (items.length >= LOG_SHOWN) continue;
      const li = document.createElement('li');
      li.dataset.day = String(day.day + 1);
      if (day.warmup) {
        const tag = document.createElement('span');
        tag.className = 'stepper-tag';
        tag.textContent = text.logWarmup;
        li.append(tag, ' ');
      }
      let sentence = sentenceCache.sentences.get(day.day);
      if (sentence === undefined) sentenceCache.sentences.set(day.day, (sentence = daySentence(day.day + 1, happenings, opened.names)));
      li.append(sentence);
      items.push(li);
    }
    logNote.textContent = matching === 0 ? text.logNoMatch : text.logShowing(items.length, matching);
    logList.replaceChildren(...items);
  }

  function drawEnd(): void {
    if (!opened || !over || !kpis) {
      endBlock.hidden = true;
      endBlock.replaceChildren();
      return;
    }
    const stepped = kpis.network;
    const currency = opened.scenario.currency;
    const headline = opened.scenario.headline ?? HEADLINE;
    // the run's own replication 1 of this variant, when the dashboard shows this scenario's run
    const same = run !== null && withoutReplications(run.scenario) === withoutReplications(opened.scenario);
    const first = same && opened.replication === 0 ? run!.value.firstRuns.find((result) => result.variant === opened!.info.variant) ?? null : null;
    const theRun: Kpis | null = first?.network.kpis ?? null;
    const table = document.createElement('table');
    table.className = 'stepper-end-table';
    const head = table.createTHead().insertRow();
    for (const label of [text.endKpi, text.endStepped, ...(theRun ? [text.endRun(opened.replication + 1)] : [])]) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.textContent = label;
      head.append(th);
    }
    const rows = table.createTBody();
    const shownValue = (name: KpiName, value: number | null) => {
      if (value === null) return '—';
      const meta = kpiMeta(name, currency);
      const mean = splitWithHalfWidth(meta.kind, value, null).mean;
      return meta.kind === 'money' && currency ? `${mean} ${meta.unit}` : mean;
    };
    for (const name of headline) {
      if (stepped[name] === null && (theRun?.[name] ?? null) === null) continue;
      const row = rows.insertRow();
      row.dataset.kpi = name;
      const th = document.createElement('th');
      th.scope = 'row';
      th.textContent = kpiMeta(name, currency).label;
      row.append(th);
      cell(row, shownValue(name, stepped[name])).dataset.stepped = '';
      if (theRun) cell(row, shownValue(name, theRun[name]));
    }
    const verdict = document.createElement('p');
    verdict.className = 'stepper-verdict';
    verdict.textContent = theRun ? (JSON.stringify(theRun) === JSON.stringify(stepped) ? text.endSame : text.endDiffers) : text.endNoRun(opened.replication + 1);
    endBlock.replaceChildren(heading(text.endTitle, '', 'h3'), table, verdict);
    endBlock.querySelector('.chart-help')?.remove();
    endBlock.hidden = false;
  }

  return {
    setScenario(next) {
      scenario = next;
      const variants = next === null ? [] : next.variants.length > 0 ? next.variants.map((variant) => variant.name ?? variant.id) : [run?.value.variants[0]?.name ?? text.variant];
      const previous = variantSelect.value;
      fill(
        variantSelect,
        variants.map((name, i): [string, string] => [String(i), name]),
      );
      // the variant chosen stays chosen while the scenario has it (none chosen yet: the first)
      variantSelect.value = previous !== '' && Number(previous) < variants.length ? previous : '0';
      if (next) replicationInput.max = String(next.replications);
      // what is open no longer matches the scenario: say so (Start opens it again)
      stale = opened !== null && next !== null && JSON.stringify(next) !== opened.text;
      if (opened) clearNotice();
      setEnabled();
    },
    setResult(next) {
      run = next;
      if (opened) {
        drawNetwork();
        drawEnd();
      }
    },
  };
}

/** the scenario without its replications (a run's replication 1 does not depend on how many there were) */
function withoutReplications(scenario: Scenario): string {
  return JSON.stringify({ ...scenario, replications: 0 });
}

function nodeName(scenario: Scenario, id: string): string {
  return scenario.nodes.find((node) => node.id === id)?.name ?? id;
}

/** each stock point as a person reads it: "Brand shop · Whole beans 250 g" */
function labelsOf(scenario: Scenario, info: StepperInfo): string[] {
  const products = new Map(scenario.products.map((product) => [product.id, product.name ?? product.id]));
  return info.points.map((point) => `${nodeName(scenario, point.node)} · ${products.get(point.product) ?? point.product}`);
}

/** the names the day's sentences use */
function namesOf(scenario: Scenario, info: StepperInfo): StepNames {
  const products = new Map(scenario.products.map((product) => [product.id, product.name ?? product.id]));
  const held = new Set(info.points.map((point) => `${point.node}\u0000${point.product}`));
  return {
    points: info.points.map((point) => ({
      node: nodeName(scenario, point.node),
      product: products.get(point.product) ?? point.product,
      from: point.from === null ? null : nodeName(scenario, point.from),
      fromHoldsStock: point.from !== null && held.has(`${point.from}\u0000${point.product}`),
    })),
  };
}

function button(parent: HTMLElement, label: string, id: string, onClick: () => void): HTMLButtonElement {
  const element = document.createElement('button');
  element.type = 'button';
  element.id = id;
  element.textContent = label;
  element.addEventListener('click', onClick);
  parent.append(element);
  return element;
}

function cell(row: HTMLTableRowElement, content: string): HTMLTableCellElement {
  const td = row.insertCell();
  td.textContent = content;
  return td;
}

/** a number with a bar under it, its length the share of the row's scale (a negative position: none) */
function barCell(value: string, share: number, kind: 'on-hand' | 'position'): HTMLTableCellElement {
  const td = document.createElement('td');
  td.className = 'stepper-bar-cell';
  const number = document.createElement('span');
  number.textContent = value;
  const track = document.createElement('span');
  track.className = 'stepper-bar-track';
  track.setAttribute('aria-hidden', 'true');
  const bar = document.createElement('span');
  bar.className = `stepper-bar stepper-bar-${kind}`;
  // set through the CSSOM: the page's Content-Security-Policy allows no inline style attribute
  bar.style.width = `${Math.max(0, Math.min(1, share)) * 100}%`;
  track.append(bar);
  td.append(number, track);
  return td;
}
