import type { KpiName } from '../src/metrics/kpis.ts';
import type { SweepTarget, SweepView } from './worker/sweep.ts';
import { sweep as text, sentences } from './i18n/strings.ts';
import { chartSection, fill, heading, markDownloadSource, select } from './dashboard.ts';
import { renderHeatmap } from './charts/heatmap.ts';
import { renderSweepFrontier } from './charts/sweepFrontier.ts';
import { KPI_LIST, kpiMeta } from './charts/kpiMeta.ts';
import { createAlertLine, createResultsArea, createRunButton } from './panelResults.ts';
import { createGridForm, type GridRequest } from './gridForm.ts';

/** What the form asks for: the engine's SweepSpec (src/experiment/sweep.ts) without `from` (the first variant). */
export type SweepRequest = GridRequest;

export interface SweepPanel {
  /** the scenario's stock points (worker/sweep.ts sweepTargets), after every valid edit; keeps the choices that still apply */
  setTargets(targets: SweepTarget[], currency?: string): void;
  /** a run or sweep under way (the form's button is off), or no valid scenario */
  setEnabled(enabled: boolean): void;
  show(view: SweepView | null): void;
  /** a problem with the request, in words, under the form; null clears it */
  showError(message: string | null): void;
}

export interface SweepPanelOptions {
  onRun(request: SweepRequest): void;
  /** "20:80:10" or "5,8,13" ("5 ; 8 ; 13" in French: worker/sweep.ts parseValues) */
  parseValues(text: string): number[] | { error: string };
  /** the results as files (worker/sweep.ts sweepViewCsv, sweepViewJson): the JSON names the KPI shown */
  files: { csv(view: SweepView): string; json(view: SweepView, kpi: KpiName): string };
}

/** The KPI the grid is coloured by unless the user picks another (the engine's DEFAULT_SWEEP_KPI). */
const DEFAULT_KPI: KpiName = 'totalCost';

/**
 * The sweep section (#sweep), after the KPI table: a form (product, stock point, one or two policy
 * parameters with their values: web/gridForm.ts) whose "Run sweep" asks the shell to run the grid
 * (main.ts, through the same worker pool, progress bar and Cancel as Run), and the results: the
 * chosen KPI over the grid (web/charts/heatmap.ts), the grid points on the service / holding cost
 * chart with their frontier (web/charts/sweepFrontier.ts), the grid points left out as invalid
 * policies, and the grid points' KPIs as CSV and JSON.
 */
export function createSweepPanel(root: HTMLElement, options: SweepPanelOptions): SweepPanel {
  let currency: string | undefined;
  let view: SweepView | null = null;
  let kpi: KpiName = DEFAULT_KPI;

  const form = document.createElement('form');
  form.className = 'sweep-form';
  form.noValidate = true;
  const actions = document.createElement('div');
  actions.className = 'sweep-row';
  const runButton = createRunButton('sweep-run', text.run);
  actions.append(runButton);
  const error = createAlertLine('sweep-error', 'sweep-error');
  const grid = createGridForm({ prefix: 'sweep', runButton, parseValues: options.parseValues, showError });
  form.append(...grid.rows, actions, error);

  const {
    results,
    caption,
    charts: [heatmapElement, frontierElement],
    skipped,
  } = createResultsArea(['sweep-heatmap', 'sweep-frontier'], 'sweep-skipped', {
    name: 'sweep',
    what: text.exportWhat,
    csv: () => (view ? options.files.csv(view) : null),
    json: () => (view ? options.files.json(view, kpi) : null),
    source: () => (view ? { name: view.scenario, seed: view.seed } : null),
  });
  root.replaceChildren(heading(text.title, text.help), form, results);
  root.querySelector('h2')!.id = 'sweep-title';

  const heatmap = chartSection(heatmapElement, 'sweep-heatmap', text.heatmapTitle, text.heatmapHelp, 'h3');
  const frontier = chartSection(frontierElement, 'sweep-frontier', text.frontierTitle, text.frontierHelp, 'h3');
  const kpiSelect = select(heatmap.controls, text.kpi, 'sweep-kpi', (value) => {
    kpi = value as KpiName;
    drawHeatmap();
  });
  fillKpis(KPI_LIST);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const request = grid.read();
    if (request) options.onRun(request);
  });

  function fillKpis(names: KpiName[]): void {
    fill(
      kpiSelect,
      names.map((name) => [name, kpiMeta(name, currency).label]),
    );
    if (!names.includes(kpi)) kpi = names.includes(DEFAULT_KPI) ? DEFAULT_KPI : names[0];
    kpiSelect.value = kpi;
  }

  function drawHeatmap(): void {
    if (!view || view.rows.length === 0) return heatmap.clear();
    const shown = view;
    heatmap.setHelp(shown.axes.length >= 2 ? text.heatmapHelp : text.lineHelp);
    heatmap.draw(() => renderHeatmap(heatmap.body, shown.rows, shown.axes, { kpi, currency }));
  }

  function drawFrontier(): void {
    if (!view || view.rows.length === 0) return frontier.clear();
    const shown = view;
    frontier.draw(() => renderSweepFrontier(frontier.body, shown.rows, { parameters: shown.axes.map((axis) => axis.parameter), currency }));
  }

  function drawSkipped(): void {
    skipped.replaceChildren();
    if (!view || view.skipped.length === 0) return;
    const title = document.createElement('p');
    title.textContent = text.skippedTitle(view.skipped.length);
    const list = document.createElement('ul');
    const parameters = view.axes.map((axis) => axis.parameter);
    for (const point of view.skipped) {
      const item = document.createElement('li');
      item.textContent = `${text.pointName(parameters, point.values)}: ${sentences.sweepSkipped(point)}`;
      list.append(item);
    }
    skipped.append(title, list);
  }

  function showError(message: string | null): void {
    error.hidden = message === null;
    error.textContent = message ?? '';
  }

  // redraw the charts when the section changes width (not height: drawing changes it)
  let lastWidth = root.clientWidth;
  let frame = 0;
  new ResizeObserver(() => {
    if (root.clientWidth === lastWidth) return;
    lastWidth = root.clientWidth;
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => {
      drawHeatmap();
      drawFrontier();
    });
  }).observe(root);

  return {
    setTargets(next, nextCurrency) {
      currency = nextCurrency;
      grid.setTargets(next);
    },
    setEnabled(next) {
      grid.setEnabled(next);
    },
    show(next) {
      view = next;
      if (view) markDownloadSource(root, view.scenario, view.seed);
      results.hidden = view === null || view.rows.length === 0;
      if (!view || view.rows.length === 0) {
        heatmap.clear();
        frontier.clear();
        skipped.replaceChildren();
        return;
      }
      caption.textContent = text.caption(view.replications, view.complete, text.where(view.product, view.node));
      fillKpis(KPI_LIST.filter((name) => view!.rows.some((row) => row.kpis[name]?.mean != null)));
      drawHeatmap();
      drawFrontier();
      drawSkipped();
    },
    showError,
  };
}
