import type { KpiName } from '../src/metrics/kpis.ts';
import type { SweepTarget } from './worker/sweep.ts';
import type { OptimizeRequest, OptimizeView } from './worker/optimize.ts';
import { optimize as text, sweep as sweepText, parameterLabel, sentences } from './i18n/strings.ts';
import { fill, heading, select, textInput } from './dashboard.ts';
import { KPI_LIST, kpiMeta } from './charts/kpiMeta.ts';
import { createAlertLine, createResultsArea, createRunButton } from './panelResults.ts';
import { createGridForm } from './gridForm.ts';
import { parseDecimal } from './i18n/numberFormat.ts';

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
  /** the results as files (worker/optimize.ts optimizeViewCsv, optimizeViewJson) */
  files: { csv(view: OptimizeView): string; json(view: OptimizeView): string };
}

const DEFAULT_OBJECTIVE: KpiName = 'totalCost';
const FLOOR_KPIS: KpiName[] = ['fillRate', 'cycleServiceLevel'];

/**
 * The optimise section (#optimize), after the sensitivity analysis: the sweep's form (product, stock
 * point, one or two parameters with their values: web/gridForm.ts) plus the objective and an optional
 * service floor; "Run optimisation" asks the shell to screen and confirm the grid (main.ts, through
 * the worker pool, progress bar and Cancel as Run). The results: the verdict in a sentence, the
 * confirmed candidates with the winner marked (after a cancel, what finished: the screening's
 * leaders or the confirmation so far), the grid points left out, and every screened point and
 * confirmed candidate as CSV and JSON.
 */
export function createOptimizePanel(root: HTMLElement, options: OptimizePanelOptions): OptimizePanel {
  let currency: string | undefined;
  let view: OptimizeView | null = null;

  const form = document.createElement('form');
  form.className = 'sweep-form';
  form.noValidate = true;
  const goal = document.createElement('div');
  goal.className = 'sweep-row';
  const objectiveSelect = select(goal, text.objective, 'optimize-objective', () => undefined);
  const floorSelect = select(goal, text.floorKpi, 'optimize-floor-kpi', () => undefined);
  const floorInput = textInput(goal, text.floorValue, 'optimize-floor', { size: 6, title: text.floorHint, placeholder: text.floorPlaceholder });
  const actions = document.createElement('div');
  actions.className = 'sweep-row';
  const runButton = createRunButton('optimize-run', text.run);
  actions.append(runButton);
  const error = createAlertLine('optimize-error', 'sweep-error');
  const grid = createGridForm({ prefix: 'optimize', runButton, parseValues: options.parseValues, showError });
  form.append(...grid.rows, goal, actions, error);

  const { results, caption, skipped } = createResultsArea([], 'optimize-skipped', {
    name: 'optimize',
    what: text.exportWhat,
    csv: () => (view ? options.files.csv(view) : null),
    json: () => (view ? options.files.json(view) : null),
    source: () => (view ? { name: view.scenario, seed: view.seed } : null),
  });
  const sentence = document.createElement('p');
  sentence.id = 'optimize-sentence';
  sentence.className = 'optimize-sentence';
  // when no grid point meets the floor: which way to widen the grid, and a button that does it
  const advice = document.createElement('p');
  advice.id = 'optimize-advice';
  advice.className = 'optimize-advice';
  advice.hidden = true;
  const table = document.createElement('table');
  table.id = 'optimize-table';
  table.className = 'optimize-table';
  caption.after(sentence, advice, table);
  root.replaceChildren(heading(text.title, text.help), form, results);
  root.querySelector('h2')!.id = 'optimize-title';
  fillKpiSelects();

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const request = readForm();
    if (request) options.onRun(request);
  });

  function fillKpiSelects(): void {
    const objective = objectiveSelect.value || DEFAULT_OBJECTIVE;
    fill(objectiveSelect, KPI_LIST.map((name) => [name, kpiMeta(name, currency).label]));
    objectiveSelect.value = objective;
    const floor = floorSelect.value || FLOOR_KPIS[0];
    fill(floorSelect, FLOOR_KPIS.map((name) => [name, kpiMeta(name, currency).label]));
    floorSelect.value = floor;
  }

  function readForm(): OptimizeRequest | null {
    const where = grid.read();
    if (!where) return null;
    let constraint: OptimizeRequest['constraint'];
    const floorText = floorInput.value.trim();
    if (floorText !== '') {
      let value = parseDecimal(floorText.replace(/%$/, '')) ?? NaN;
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
    return { ...where, objective: objectiveSelect.value as KpiName, constraint };
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
    // the candidates' figures come from the confirmation when it reached 2 replications, else from the screening
    tableCaption.textContent = outcome.replications.confirm >= 2 ? text.tableCaption : text.tableCaptionScreening;
    const head = document.createElement('thead');
    const headRow = head.insertRow();
    for (const parameter of parameters) cell(headRow, parameterLabel(parameter), true).scope = 'col';
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

  /**
   * No grid point met the floor: the closest one, and either the values to try beyond the grid's edge
   * it sits on (a button puts them in the parameter's values field and runs) or why widening will not help.
   */
  function drawAdvice(view: OptimizeView): void {
    const given = view.advice;
    advice.replaceChildren();
    advice.hidden = given === null || !view.request.constraint;
    if (given === null || !view.request.constraint) return;
    const parameters = view.request.axes.map((axis) => axis.parameter);
    const floor = kpiMeta(view.request.constraint.kpi, currency);
    const closest = sweepText.pointName(parameters, given.closest.values);
    const reached = `${floor.label} ${floor.format(given.closest.mean)}`;
    if (given.kind === 'inside') {
      advice.textContent = text.inside(closest, reached);
      return;
    }
    const values = given.axes[given.axis].values;
    advice.append(text.widen(closest, reached, parameterLabel(given.parameter), given.direction, values.join(', ')), ' ');
    const button = document.createElement('button');
    button.type = 'button';
    button.id = 'optimize-widen';
    button.textContent = text.widenButton(parameterLabel(given.parameter));
    button.addEventListener('click', () => {
      const input = root.querySelector<HTMLInputElement>(`#optimize-values-${given.axis + 1}`);
      if (!input) return;
      input.value = values.join(', ');
      // an edit the user could have made: the field no longer follows the scenario
      input.dispatchEvent(new Event('input', { bubbles: true }));
      form.requestSubmit();
    });
    advice.append(button);
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
      item.textContent = `${sweepText.pointName(parameters, point.values)}: ${sentences.sweepSkipped(point)}`;
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
      currency = nextCurrency;
      fillKpiSelects();
      grid.setTargets(next);
    },
    setEnabled(next) {
      grid.setEnabled(next);
    },
    show(next) {
      view = next;
      results.hidden = view === null;
      if (!view) {
        sentence.textContent = '';
        advice.replaceChildren();
        advice.hidden = true;
        table.replaceChildren();
        skipped.replaceChildren();
        return;
      }
      const finished = view.outcome.complete ? null : view.outcome.replications;
      caption.textContent = text.caption(view.screenReplications, view.confirmReplications, sweepText.where(view.request.product, view.request.node), finished);
      sentence.textContent = sentences.optimizeVerdict(view.story, view.currency, view.windowDays);
      drawAdvice(view);
      drawTable(view);
      drawSkipped(view);
    },
    showError,
  };
}
