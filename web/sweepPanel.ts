import type { KpiName } from '../src/metrics/kpis.ts';
import type { SweepAxis } from '../src/experiment/sweep.ts';
import type { SweepTarget, SweepView } from './worker/sweep.ts';
import { sweep as text } from './i18n/en/sweep.ts';
import { chartSection, fill, heading, select } from './dashboard.ts';
import { renderHeatmap } from './charts/heatmap.ts';
import { renderSweepFrontier } from './charts/sweepFrontier.ts';
import { KPI_LIST, kpiMeta } from './charts/kpiMeta.ts';
import { createAlertLine, createResultsArea, createRunButton } from './panelResults.ts';

/** What the form asks for: the engine's SweepSpec (src/experiment/sweep.ts) without `from` (the first variant). */
export interface SweepRequest {
  product: string;
  node?: string;
  axes: SweepAxis[];
}

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
  /** "20:80:10" or "5,8,13" (src/experiment/sweep.ts parseValues, through worker/sweep.ts) */
  parseValues(text: string): number[] | { error: string };
}

/** More grid points than this make a slow run and an unreadable grid. */
export const MAX_SWEEP_POINTS = 400;
/** The KPI the grid is coloured by unless the user picks another (the engine's DEFAULT_SWEEP_KPI). */
const DEFAULT_KPI: KpiName = 'totalCost';
const ALL = '';
const NONE = '';

/**
 * The sweep section (#sweep), after the KPI table: a form (product, stock point, one or two policy
 * parameters with their values) whose "Run sweep" asks the shell to run the grid (main.ts, through the
 * same worker pool, progress bar and Cancel as Run), and the results: the chosen KPI over the grid
 * (web/charts/heatmap.ts), the grid points on the service / holding cost chart with their frontier
 * (web/charts/sweepFrontier.ts), and the grid points left out as invalid policies.
 */
export function createSweepPanel(root: HTMLElement, options: SweepPanelOptions): SweepPanel {
  let targets: SweepTarget[] = [];
  let currency: string | undefined;
  let view: SweepView | null = null;
  let enabled = false;
  let kpi: KpiName = DEFAULT_KPI;
  /** the user chose "none" for parameter 2 (kept across edits of the scenario) */
  let secondNone = false;
  /** per axis, what was prefilled and for which stock point and parameter: a value the user did not touch follows the scenario */
  const prefilled: { key: string; text: string }[] = [
    { key: '', text: '' },
    { key: '', text: '' },
  ];

  const form = document.createElement('form');
  form.className = 'sweep-form';
  form.noValidate = true;
  const where = document.createElement('div');
  where.className = 'sweep-row';
  const productSelect = select(where, text.product, 'sweep-product', () => {
    fillNodes();
    fillParameters();
  });
  const nodeSelect = select(where, text.node, 'sweep-node', () => fillParameters());
  const axisRows = [1, 2].map((n) => axisRow(n));
  const actions = document.createElement('div');
  actions.className = 'sweep-row';
  const runButton = createRunButton('sweep-run', text.run);
  actions.append(runButton);
  const error = createAlertLine('sweep-error', 'sweep-error');
  form.append(where, ...axisRows.map((row) => row.element), actions, error);

  const {
    results,
    caption,
    charts: [heatmapElement, frontierElement],
    skipped,
  } = createResultsArea(['sweep-heatmap', 'sweep-frontier'], 'sweep-skipped');
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
    const request = readForm();
    if (request) options.onRun(request);
  });

  /** A parameter select and its values field, with the field's own error message. */
  function axisRow(n: number) {
    const element = document.createElement('div');
    element.className = 'sweep-row';
    const parameter = select(element, text.parameter(n), `sweep-param-${n}`, () => {
      if (n === 2) secondNone = parameter.value === NONE;
      prefill(n - 1);
      if (n === 1) syncSecond();
    });
    const label = document.createElement('label');
    const span = document.createElement('span');
    span.textContent = text.values(n);
    const input = document.createElement('input');
    input.type = 'text';
    input.id = `sweep-values-${n}`;
    input.placeholder = text.valuesPlaceholder;
    input.title = text.valuesHint;
    input.spellcheck = false;
    input.autocomplete = 'off';
    input.size = 16;
    const message = document.createElement('span');
    message.className = 'field-error';
    message.id = `sweep-values-${n}-error`;
    message.hidden = true;
    input.setAttribute('aria-describedby', message.id);
    input.addEventListener('input', () => setFieldError(n - 1, null));
    label.append(span, input);
    element.append(label, message);
    return { element, parameter, input, message };
  }

  function setFieldError(index: number, message: string | null): void {
    const row = axisRows[index];
    row.message.hidden = message === null;
    row.message.textContent = message ?? '';
    if (message === null) row.input.removeAttribute('aria-invalid');
    else row.input.setAttribute('aria-invalid', 'true');
  }

  /** The stock points the form targets: the product's, at the chosen node or all of them. */
  function chosen(): SweepTarget[] {
    return targets.filter((t) => t.product === productSelect.value && (nodeSelect.value === ALL || t.node === nodeSelect.value));
  }

  /** The numeric fields every targeted policy has, with the first one's values. */
  function fields(): [string, number][] {
    const chosenTargets = chosen();
    if (chosenTargets.length === 0) return [];
    return chosenTargets[0].fields.filter(([name]) => chosenTargets.every((t) => t.fields.some(([other]) => other === name)));
  }

  function keep(element: HTMLSelectElement, options: [string, string][], fallback: string): void {
    const previous = element.options.length > 0 ? element.value : null;
    fill(element, options);
    element.value = previous !== null && options.some(([value]) => value === previous) ? previous : fallback;
  }

  function fillNodes(): void {
    const nodes = targets.filter((t) => t.product === productSelect.value);
    const options: [string, string][] = [[ALL, text.allNodes], ...nodes.map((t): [string, string] => [t.node, `${t.node} (${t.policyType})`])];
    // one stock point: "all" is the same; several: the first, whose policy the fields come from
    keep(nodeSelect, options, nodes.length === 1 ? ALL : (nodes[0]?.node ?? ALL));
  }

  function fillParameters(): void {
    const available = fields();
    const names: [string, string][] = available.map(([name]) => [name, name]);
    keep(axisRows[0].parameter, names, names[0]?.[0] ?? '');
    syncSecond();
    axisRows.forEach((row, i) => {
      // another stock point or parameter, or values the user has not changed: prefill from the scenario
      if (prefilled[i].key !== prefillKey(i) || row.input.value === prefilled[i].text || row.input.value.trim() === '') prefill(i);
    });
    error.hidden = true;
    if (targets.length === 0) showError(text.noStockPoints);
    else if (available.length === 0) showError(text.noParameters);
    update();
  }

  /** Parameter 2: none, or any field but parameter 1's (the second field by default). */
  function syncSecond(): void {
    const first = axisRows[0].parameter.value;
    const others = fields().filter(([name]) => name !== first);
    const second = axisRows[1].parameter;
    const previous = second.value;
    fill(second, [[NONE, text.none], ...others.map(([name]): [string, string] => [name, name])]);
    second.value = others.some(([name]) => name === previous) ? previous : secondNone ? NONE : (others[0]?.[0] ?? NONE);
    if (second.value !== previous) prefill(1);
    update();
  }

  /** The values field of an axis: about ±50% around the current value, in 5 steps. */
  function prefill(index: number): void {
    const row = axisRows[index];
    setFieldError(index, null);
    const field = fields().find(([name]) => name === row.parameter.value);
    row.input.value = field ? aroundValue(field[1]) : '';
    prefilled[index] = { key: prefillKey(index), text: row.input.value };
    update();
  }

  function prefillKey(index: number): string {
    return `${productSelect.value}|${nodeSelect.value}|${axisRows[index].parameter.value}`;
  }

  function update(): void {
    const second = axisRows[1].parameter.value !== NONE;
    axisRows[1].input.disabled = !second;
    axisRows[0].parameter.disabled = axisRows[0].parameter.options.length === 0;
    runButton.disabled = !enabled || axisRows[0].parameter.value === '';
  }

  function readForm(): SweepRequest | null {
    const axes: SweepAxis[] = [];
    let ok = true;
    axisRows.forEach((row, i) => {
      const parameter = row.parameter.value;
      if (parameter === '' || (i === 1 && parameter === NONE)) return;
      const values = options.parseValues(row.input.value);
      if (!Array.isArray(values)) {
        setFieldError(i, `${values.error}. ${text.valuesHint}.`);
        ok = false;
        return;
      }
      setFieldError(i, null);
      axes.push({ parameter, values: [...new Set(values)] });
    });
    if (!ok) {
      showError(null);
      return null;
    }
    if (axes.length === 0) {
      showError(text.noParameters);
      return null;
    }
    if (axes.length === 2 && axes[0].parameter === axes[1].parameter) {
      showError(text.sameParameter);
      return null;
    }
    const count = axes.reduce((product, axis) => product * axis.values.length, 1);
    if (count > MAX_SWEEP_POINTS) {
      showError(text.tooMany(count, MAX_SWEEP_POINTS));
      return null;
    }
    showError(null);
    return { product: productSelect.value, node: nodeSelect.value === ALL ? undefined : nodeSelect.value, axes };
  }

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
      item.textContent = `${text.pointName(parameters, point.values)}: ${point.reason}`;
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
      targets = next;
      currency = nextCurrency;
      const products = [...new Set(targets.map((t) => t.product))];
      keep(
        productSelect,
        products.map((p) => [p, p]),
        products[0] ?? '',
      );
      productSelect.disabled = products.length === 0;
      fillNodes();
      fillParameters();
    },
    setEnabled(next) {
      enabled = next;
      update();
    },
    show(next) {
      view = next;
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

/** "FROM:TO:STEP" spanning about half to one and a half times `value` in 5 values (integers stay integers). */
export function aroundValue(value: number): string {
  if (value === 0) return '0:4:1';
  const magnitude = Math.abs(value);
  if (Number.isInteger(value)) {
    const step = Math.max(1, Math.round(magnitude / 4));
    const from = Math.max(value > 0 ? 1 : -Infinity, value - 2 * step);
    return `${from}:${from + 4 * step}:${step}`;
  }
  const step = Number((magnitude / 4).toPrecision(2));
  const from = Number((value - 2 * step).toPrecision(6));
  const to = Number((from + 4 * step).toPrecision(6));
  return `${from}:${to}:${step}`;
}
