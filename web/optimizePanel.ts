import type { KpiName } from '../src/metrics/kpis.ts';
import type { SweepAxis } from '../src/experiment/sweep.ts';
import type { SweepTarget } from './worker/sweep.ts';
import type { OptimizeRequest, OptimizeView } from './worker/optimize.ts';
import { optimize as text } from './i18n/en/optimize.ts';
import { sweep as sweepText } from './i18n/en/sweep.ts';
import { fill, heading, select } from './dashboard.ts';
import { KPI_LIST, kpiMeta } from './charts/kpiMeta.ts';
import { createAlertLine, createResultsArea, createRunButton } from './panelResults.ts';
import { aroundValue, MAX_SWEEP_POINTS } from './sweepPanel.ts';

export interface OptimizePanel {
  /** the scenario's stock points (worker/sweep.ts sweepTargets); keeps the choices that still apply */
  setTargets(targets: SweepTarget[], currency?: string): void;
  setEnabled(enabled: boolean): void;
  show(view: OptimizeView | null): void;
  /** a problem or a notice (a cancel) under the form; null clears it */
  showError(message: string | null): void;
}

export interface OptimizePanelOptions {
  onRun(request: OptimizeRequest): void;
  parseValues(text: string): number[] | { error: string };
}

const DEFAULT_OBJECTIVE: KpiName = 'totalCost';
const FLOOR_KPIS: KpiName[] = ['fillRate', 'cycleServiceLevel'];
const ALL = '';
const NONE = '';

/**
 * The optimise section (#optimize), after the sensitivity analysis: the sweep's form (product, stock
 * point, one or two parameters with their values) plus the objective and an optional service floor;
 * "Run optimisation" asks the shell to screen and confirm the grid (main.ts, through the worker pool,
 * progress bar and Cancel as Run). The results: the verdict in a sentence, the confirmed candidates
 * with the winner marked, and the grid points left out.
 */
export function createOptimizePanel(root: HTMLElement, options: OptimizePanelOptions): OptimizePanel {
  let targets: SweepTarget[] = [];
  let currency: string | undefined;
  let enabled = false;
  /** per axis, the values last prefilled: a field the user did not touch follows the scenario */
  const prefilled = ['', ''];

  const form = document.createElement('form');
  form.className = 'sweep-form';
  form.noValidate = true;
  const where = document.createElement('div');
  where.className = 'sweep-row';
  const productSelect = select(where, sweepText.product, 'optimize-product', () => {
    fillNodes();
    fillParameters();
  });
  const nodeSelect = select(where, sweepText.node, 'optimize-node', () => fillParameters());
  const axisRows = [1, 2].map((n) => axisRow(n));
  const goal = document.createElement('div');
  goal.className = 'sweep-row';
  const objectiveSelect = select(goal, text.objective, 'optimize-objective', () => undefined);
  const floorSelect = select(goal, text.floorKpi, 'optimize-floor-kpi', () => undefined);
  const floorLabel = document.createElement('label');
  const floorSpan = document.createElement('span');
  floorSpan.textContent = text.floorValue;
  const floorInput = document.createElement('input');
  floorInput.type = 'text';
  floorInput.id = 'optimize-floor';
  floorInput.placeholder = text.floorPlaceholder;
  floorInput.title = text.floorHint;
  floorInput.size = 6;
  floorInput.autocomplete = 'off';
  floorLabel.append(floorSpan, floorInput);
  goal.append(floorLabel);
  const actions = document.createElement('div');
  actions.className = 'sweep-row';
  const runButton = createRunButton('optimize-run', text.run);
  actions.append(runButton);
  const error = createAlertLine('optimize-error', 'sweep-error');
  form.append(where, ...axisRows.map((row) => row.element), goal, actions, error);

  const { results, caption, skipped } = createResultsArea([], 'optimize-skipped');
  const sentence = document.createElement('p');
  sentence.id = 'optimize-sentence';
  sentence.className = 'optimize-sentence';
  const table = document.createElement('table');
  table.id = 'optimize-table';
  table.className = 'optimize-table';
  caption.after(sentence, table);
  root.replaceChildren(heading(text.title, text.help), form, results);
  root.querySelector('h2')!.id = 'optimize-title';
  fillKpiSelects();

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const request = readForm();
    if (request) options.onRun(request);
  });

  function axisRow(n: number) {
    const element = document.createElement('div');
    element.className = 'sweep-row';
    const parameter = select(element, sweepText.parameter(n), `optimize-param-${n}`, () => {
      if (n === 1) syncSecond();
      prefill(n - 1);
    });
    const label = document.createElement('label');
    const span = document.createElement('span');
    span.textContent = sweepText.values(n);
    const input = document.createElement('input');
    input.type = 'text';
    input.id = `optimize-values-${n}`;
    input.placeholder = sweepText.valuesPlaceholder;
    input.title = sweepText.valuesHint;
    input.spellcheck = false;
    input.autocomplete = 'off';
    input.size = 16;
    label.append(span, input);
    element.append(label);
    return { element, parameter, input };
  }

  function fillKpiSelects(): void {
    const objective = objectiveSelect.value || DEFAULT_OBJECTIVE;
    fill(objectiveSelect, KPI_LIST.map((name) => [name, kpiMeta(name, currency).label]));
    objectiveSelect.value = objective;
    const floor = floorSelect.value || FLOOR_KPIS[0];
    fill(floorSelect, FLOOR_KPIS.map((name) => [name, kpiMeta(name, currency).label]));
    floorSelect.value = floor;
  }

  function chosen(): SweepTarget[] {
    return targets.filter((t) => t.product === productSelect.value && (nodeSelect.value === ALL || t.node === nodeSelect.value));
  }

  function fields(): [string, number][] {
    const chosenTargets = chosen();
    if (chosenTargets.length === 0) return [];
    return chosenTargets[0].fields.filter(([name]) => chosenTargets.every((t) => t.fields.some(([other]) => other === name)));
  }

  function keep(element: HTMLSelectElement, choices: [string, string][], fallback: string): boolean {
    const previous = element.options.length > 0 ? element.value : null;
    fill(element, choices);
    element.value = previous !== null && choices.some(([value]) => value === previous) ? previous : fallback;
    return element.value !== previous;
  }

  function fillNodes(): void {
    const nodes = targets.filter((t) => t.product === productSelect.value);
    const choices: [string, string][] = [[ALL, sweepText.allNodes], ...nodes.map((t): [string, string] => [t.node, `${t.node} (${t.policyType})`])];
    keep(nodeSelect, choices, nodes.length === 1 ? ALL : (nodes[0]?.node ?? ALL));
  }

  function fillParameters(): void {
    const names: [string, string][] = fields().map(([name]) => [name, name]);
    const changed = keep(axisRows[0].parameter, names, names[0]?.[0] ?? '');
    syncSecond();
    axisRows.forEach((row, i) => {
      if ((i === 0 && changed) || row.input.value === prefilled[i] || row.input.value.trim() === '') prefill(i);
    });
    update();
  }

  function syncSecond(): void {
    const first = axisRows[0].parameter.value;
    const others = fields().filter(([name]) => name !== first);
    const second = axisRows[1].parameter;
    const previous = second.options.length > 0 ? second.value : null;
    fill(second, [[NONE, sweepText.none], ...others.map(([name]): [string, string] => [name, name])]);
    second.value = previous !== null && (previous === NONE || others.some(([name]) => name === previous)) ? previous : (others[0]?.[0] ?? NONE);
    if (second.value !== previous || axisRows[1].input.value.trim() === '') prefill(1);
    update();
  }

  /** The values field of an axis: as the sweep's, about ±50% around the current value in 5 steps. */
  function prefill(index: number): void {
    const row = axisRows[index];
    const field = fields().find(([name]) => name === row.parameter.value);
    row.input.value = field ? aroundValue(field[1]) : '';
    prefilled[index] = row.input.value;
    update();
  }

  function update(): void {
    axisRows[1].input.disabled = axisRows[1].parameter.value === NONE;
    runButton.disabled = !enabled || axisRows[0].parameter.value === '';
  }

  function readForm(): OptimizeRequest | null {
    const axes: SweepAxis[] = [];
    for (const [i, row] of axisRows.entries()) {
      const parameter = row.parameter.value;
      if (parameter === '' || (i === 1 && parameter === NONE)) continue;
      const values = options.parseValues(row.input.value);
      if (!Array.isArray(values)) {
        showError(`${sweepText.values(i + 1)}: ${values.error}. ${sweepText.valuesHint}.`);
        return null;
      }
      axes.push({ parameter, values: [...new Set(values)] });
    }
    if (axes.length === 0) {
      showError(sweepText.noParameters);
      return null;
    }
    if (axes.length === 2 && axes[0].parameter === axes[1].parameter) {
      showError(sweepText.sameParameter);
      return null;
    }
    const count = axes.reduce((product, axis) => product * axis.values.length, 1);
    if (count > MAX_SWEEP_POINTS) {
      showError(sweepText.tooMany(count, MAX_SWEEP_POINTS));
      return null;
    }
    let constraint: OptimizeRequest['constraint'];
    const floorText = floorInput.value.trim();
    if (floorText !== '') {
      let value = Number(floorText.replace(/%$/, ''));
      if (value > 1 && value <= 100) value /= 100;
      if (!(value >= 0 && value <= 1)) {
        floorInput.setAttribute('aria-invalid', 'true');
        showError(text.floorInvalid);
        return null;
      }
      constraint = { kpi: floorSelect.value as KpiName, atLeast: value };
    }
    floorInput.removeAttribute('aria-invalid');
    showError(null);
    return { product: productSelect.value, node: nodeSelect.value === ALL ? undefined : nodeSelect.value, axes, objective: objectiveSelect.value as KpiName, constraint };
  }

  function cell(row: HTMLTableRowElement, content: string, header = false): HTMLTableCellElement {
    const element = document.createElement(header ? 'th' : 'td');
    element.textContent = content;
    row.append(element);
    return element;
  }

  function drawTable(view: OptimizeView): void {
    const { outcome, request } = view;
    const parameters = request.axes.map((axis) => axis.parameter);
    const objective = kpiMeta(request.objective, currency);
    const floor = request.constraint ? kpiMeta(request.constraint.kpi, currency) : null;
    const tableCaption = document.createElement('caption');
    tableCaption.textContent = text.tableCaption;
    const head = document.createElement('thead');
    const headRow = head.insertRow();
    for (const parameter of parameters) cell(headRow, parameter, true).scope = 'col';
    cell(headRow, objective.labelWithUnit, true).scope = 'col';
    if (floor && request.constraint) {
      cell(headRow, `${floor.labelWithUnit} ≥ ${floor.format(request.constraint.atLeast)}`, true).scope = 'col';
      cell(headRow, text.floorMet, true).scope = 'col';
    }
    cell(headRow, text.winner, true).scope = 'col';
    const body = document.createElement('tbody');
    for (const candidate of outcome.confirmed) {
      const row = body.insertRow();
      const isWinner = outcome.winner?.id === candidate.id;
      row.className = isWinner ? 'optimize-candidate winner' : 'optimize-candidate';
      candidate.values.forEach((value) => cell(row, String(value)));
      const mean = candidate.objective.mean;
      cell(row, mean === null ? '—' : objective.formatWithHalfWidth(mean, candidate.objective.halfWidth));
      if (floor) {
        const c = candidate.constraint;
        cell(row, c?.mean == null ? '—' : floor.formatWithHalfWidth(c.mean, c.halfWidth));
        cell(row, candidate.feasible ? text.yes : text.no);
      }
      const mark = cell(row, isWinner ? text.winnerMark : '');
      if (isWinner) mark.className = 'winner-mark';
    }
    table.replaceChildren(tableCaption, head, body);
  }

  function drawSkipped(view: OptimizeView): void {
    skipped.replaceChildren();
    if (view.outcome.skipped.length === 0) return;
    const title = document.createElement('p');
    title.textContent = text.skippedTitle(view.outcome.skipped.length);
    const list = document.createElement('ul');
    const parameters = view.request.axes.map((axis) => axis.parameter);
    for (const point of view.outcome.skipped) {
      const item = document.createElement('li');
      item.textContent = `${sweepText.pointName(parameters, point.values)}: ${point.reason}`;
      list.append(item);
    }
    skipped.append(title, list);
  }

  function showError(message: string | null): void {
    error.hidden = message === null;
    error.textContent = message ?? '';
  }

  return {
    setTargets(next, nextCurrency) {
      targets = next;
      currency = nextCurrency;
      const products = [...new Set(targets.map((t) => t.product))];
      keep(productSelect, products.map((p) => [p, p]), products[0] ?? '');
      productSelect.disabled = products.length === 0;
      fillKpiSelects();
      fillNodes();
      fillParameters();
    },
    setEnabled(next) {
      enabled = next;
      update();
    },
    show(view) {
      results.hidden = view === null;
      if (!view) {
        sentence.textContent = '';
        table.replaceChildren();
        skipped.replaceChildren();
        return;
      }
      caption.textContent = text.caption(view.screenReplications, view.confirmReplications, sweepText.where(view.request.product, view.request.node));
      sentence.textContent = view.outcome.sentence;
      drawTable(view);
      drawSkipped(view);
    },
    showError,
  };
}
