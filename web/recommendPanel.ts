import type { KpiName } from '../src/metrics/kpis.ts';
import type { Policy } from '../src/scenario/schema.ts';
import type { RecommendPolicy, RecommendedRow } from '../src/experiment/recommend.ts';
import type { KpiSummary } from '../src/experiment/replicate.ts';
import type { RecommendRequest, RecommendView } from './worker/recommend.ts';
import { parameterLabel, policyTypeLabel, recommend as text, sentences } from './i18n/strings.ts';
import { fill, heading, select, textInput } from './dashboard.ts';
import { KPI_LIST, kpiMeta } from './charts/kpiMeta.ts';
import { createAlertLine, createResultsArea, createRunButton } from './panelResults.ts';
import { formatNumber, parseDecimal } from './i18n/numberFormat.ts';
import { downloadName, downloadText } from './charts/export.ts';
import { tableScroll } from './tableScroll.ts';

export interface RecommendPanel {
  /** the scenario's currency, which the objective's money is named with */
  setCurrency(currency?: string): void;
  setEnabled(enabled: boolean): void;
  show(view: RecommendView | null): void;
  /** a problem or a notice (a cancel) under the form; null clears it */
  showError(message: string | null): void;
}

export interface RecommendPanelOptions {
  onRun(request: RecommendRequest): void;
  /** puts the recommendation's variant into the scenario being edited; false when it could not */
  onAddVariant(view: RecommendView): boolean;
  /** the results as files (worker/recommend.ts recommendViewCsv, recommendViewMasterCsv, recommendViewJson) */
  files: { csv(view: RecommendView): string; masterCsv(view: RecommendView): string; json(view: RecommendView): string };
}

const TARGET_KPIS: KpiName[] = ['fillRate', 'cycleServiceLevel', 'readyRate'];
const DEFAULT_LEVEL = '95';
/** no policy or no figure (a stock point without a recommendation): a dash, in every language */
const NONE = '—';
const DEFAULT_OBJECTIVE: KpiName = 'totalCost';
/** the policies recommend() sizes, with the scenario's policy type each one writes (for its label) */
const POLICIES: Array<[RecommendPolicy, string]> = [
  ['sS', 'sS'],
  ['rQ', 'rQ'],
  ['RS', 'periodicRS'],
  ['baseStock', 'baseStock'],
];

/**
 * The Recommend section (#recommend), after the optimisation: the command line's `stocklab recommend`
 * in the page. The form (target KPI and level, policy, one choice per stock point or per product, the
 * objective) asks the shell to run it (main.ts, through the worker pool, progress bar and Cancel as
 * Run). The results: how many stock points meet the target and the total change of the objective
 * with its interval, the engine's warnings, a table of today against the recommendation per stock
 * point (confirmed on fresh seeds), the files (CSV, the SKU master's CSV, JSON), and a button that
 * adds the recommendation to the scenario as a variant, so Run compares both on common random numbers.
 */
export function createRecommendPanel(root: HTMLElement, options: RecommendPanelOptions): RecommendPanel {
  let currency: string | undefined;
  let view: RecommendView | null = null;
  let enabled = false;

  const form = document.createElement('form');
  form.className = 'sweep-form';
  form.noValidate = true;
  const goal = document.createElement('div');
  goal.className = 'sweep-row';
  const kpiSelect = select(goal, text.targetKpi, 'recommend-target-kpi', () => undefined);
  const levelInput = textInput(goal, text.level, 'recommend-level', { size: 5, title: text.levelHint, value: DEFAULT_LEVEL, inputMode: 'decimal' });
  levelInput.setAttribute('aria-describedby', 'recommend-error');
  const how = document.createElement('div');
  how.className = 'sweep-row';
  const policySelect = select(how, text.policy, 'recommend-policy', () => undefined);
  fill(policySelect, POLICIES.map(([value, type]) => [value, policyTypeLabel(type)]));
  const bySelect = select(how, text.by, 'recommend-by', () => undefined);
  fill(bySelect, [
    ['stockPoint', text.byStockPoint],
    ['product', text.byProduct],
  ]);
  const objectiveSelect = select(how, text.objective, 'recommend-objective', () => undefined);
  const actions = document.createElement('div');
  actions.className = 'sweep-row';
  const runButton = createRunButton('recommend-run', text.run);
  actions.append(runButton);
  const error = createAlertLine('recommend-error', 'sweep-error');
  form.append(goal, how, actions, error);

  const { results, caption } = createResultsArea([], 'recommend-skipped', {
    name: 'recommend',
    what: text.exportWhat,
    csv: () => (view ? options.files.csv(view) : null),
    json: () => (view ? options.files.json(view) : null),
    source: () => (view ? { name: view.scenario, seed: view.seed } : null),
  });
  // the SKU master's CSV beside the panel's CSV and JSON
  const masterButton = document.createElement('button');
  masterButton.type = 'button';
  masterButton.id = 'recommend-export-master';
  masterButton.textContent = text.exportMaster;
  masterButton.title = text.exportMasterHint;
  masterButton.addEventListener('click', () => {
    if (view) downloadText(options.files.masterCsv(view), downloadName({ name: view.scenario, seed: view.seed }, 'recommend-master', 'csv'), 'text/csv');
  });
  results.querySelector('.panel-exports')!.append(masterButton);

  const summary = document.createElement('p');
  summary.id = 'recommend-sentence';
  summary.className = 'optimize-sentence';
  const change = document.createElement('p');
  change.id = 'recommend-change';
  change.className = 'recommend-change';
  const warnings = document.createElement('ul');
  warnings.id = 'recommend-warnings';
  warnings.className = 'recommend-warnings';
  warnings.hidden = true;
  const variantRow = document.createElement('div');
  variantRow.className = 'recommend-variant';
  const addButton = document.createElement('button');
  addButton.type = 'button';
  addButton.id = 'recommend-add-variant';
  addButton.textContent = text.addVariant;
  addButton.title = text.addVariantHint;
  const variantNote = document.createElement('p');
  variantNote.id = 'recommend-variant-note';
  variantNote.setAttribute('role', 'status');
  variantNote.className = 'recommend-variant-note';
  variantRow.append(addButton, variantNote);
  const table = document.createElement('table');
  table.id = 'recommend-table';
  table.className = 'recommend-table';
  const scroll = tableScroll(text.title, table);
  caption.after(summary, change, warnings, variantRow, scroll);
  root.replaceChildren(heading(text.title, text.help), form, results);
  root.querySelector('h2')!.id = 'recommend-title';
  fillKpiSelects();

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const request = readForm();
    if (request) options.onRun(request);
  });
  levelInput.addEventListener('input', () => {
    levelInput.removeAttribute('aria-invalid');
    showError(null);
  });
  addButton.addEventListener('click', () => {
    if (!view) return;
    variantNote.textContent = options.onAddVariant(view) ? text.variantAdded : text.variantNotAdded;
  });

  function fillKpiSelects(): void {
    const kpi = kpiSelect.value || TARGET_KPIS[0];
    fill(kpiSelect, TARGET_KPIS.map((name) => [name, kpiMeta(name, currency).label]));
    kpiSelect.value = kpi;
    const objective = objectiveSelect.value || DEFAULT_OBJECTIVE;
    fill(objectiveSelect, KPI_LIST.map((name) => [name, kpiMeta(name, currency).label]));
    objectiveSelect.value = objective;
  }

  /** The level as a share: "95", "95 %" and "0.95" (or "0,95" in French) are all 95%. */
  function readLevel(): number | null {
    let value = parseDecimal(levelInput.value.trim().replace(/\s*%$/, '')) ?? NaN;
    if (value >= 1 && value < 100) value /= 100;
    return value > 0 && value < 1 ? value : null;
  }

  function readForm(): RecommendRequest | null {
    const level = readLevel();
    if (level === null) {
      levelInput.setAttribute('aria-invalid', 'true');
      showError(text.levelInvalid);
      levelInput.focus();
      return null;
    }
    levelInput.removeAttribute('aria-invalid');
    showError(null);
    return {
      target: { kpi: kpiSelect.value as KpiName, atLeast: level },
      policy: policySelect.value as RecommendPolicy,
      by: bySelect.value === 'product' ? 'product' : 'stockPoint',
      objective: objectiveSelect.value as KpiName,
    };
  }

  function showError(message: string | null): void {
    error.hidden = message === null;
    error.textContent = message ?? '';
  }

  /** "fill rate ≥ 95.0%": the target as the sentences name it */
  function targetText(request: RecommendRequest): string {
    const meta = kpiMeta(request.target.kpi, currency);
    return `${meta.label.charAt(0).toLowerCase()}${meta.label.slice(1)} ≥ ${meta.format(request.target.atLeast)}`;
  }

  function cell(row: HTMLTableRowElement, content: string, header = false): HTMLTableCellElement {
    const element = document.createElement(header ? 'th' : 'td');
    element.textContent = content;
    row.append(element);
    return element;
  }

  function summaryText(kpi: KpiName, summary: KpiSummary | null): string {
    if (summary === null || summary.mean === null) return NONE;
    return kpiMeta(kpi, currency).formatWithHalfWidth(summary.mean, summary.halfWidth);
  }

  function statusOf(row: RecommendedRow): string {
    if (row.status === 'met') return text.met;
    if (row.status === 'notConfirmed') return text.notConfirmed;
    return row.whyFacts ? text.statusWhy(text.cannotMeet, text.cannotMeetWhy(row.whyFacts)) : text.cannotMeet;
  }

  function drawTable(view: RecommendView): void {
    const { spec } = view.outcome;
    const target = kpiMeta(spec.target.kpi, currency);
    const objective = kpiMeta(spec.objective, currency);
    const tableCaption = document.createElement('caption');
    tableCaption.textContent = text.tableCaption(spec.confirmReplications, view.windowDays);
    const head = document.createElement('thead');
    const headRow = head.insertRow();
    for (const title of [
      text.stockPoint,
      text.today,
      text.recommended,
      text.kpiToday(target.labelWithUnit),
      text.kpiRecommended(target.labelWithUnit),
      text.kpiToday(objective.labelWithUnit),
      text.kpiRecommended(objective.labelWithUnit),
      text.status,
    ]) {
      cell(headRow, title, true).scope = 'col';
    }
    const body = document.createElement('tbody');
    for (const row of view.outcome.rows) {
      const line = body.insertRow();
      line.className = `recommend-row ${row.status}`;
      line.dataset.node = row.node;
      line.dataset.product = row.product;
      cell(line, `${row.node} / ${row.product}`, true).scope = 'row';
      cell(line, policyText(row.current));
      cell(line, policyText(row.recommended));
      cell(line, summaryText(spec.target.kpi, row.serviceNow));
      cell(line, summaryText(spec.target.kpi, row.serviceRecommended));
      cell(line, summaryText(spec.objective, row.costNow));
      cell(line, summaryText(spec.objective, row.costRecommended));
      const status = cell(line, statusOf(row));
      status.className = `recommend-status ${row.status}`;
      if (row.status === 'notConfirmed') status.title = text.notConfirmedHint;
    }
    table.replaceChildren(tableCaption, head, body);
  }

  function drawSentences(view: RecommendView): void {
    const rows = view.outcome.rows;
    const count = (status: RecommendedRow['status']) => rows.filter((row) => row.status === status).length;
    summary.textContent = text.summary(count('met'), rows.length, targetText(view.request), count('notConfirmed'), count('cannotMeet'));
    const total = view.outcome.totalChange;
    // the change with its interval: a difference the interval does not confirm is said to be noise
    change.textContent = total ? text.change(sentences.comparisonClause(total, view.currency, view.windowDays), total.significant) : text.noChange;
    warnings.replaceChildren(
      ...view.outcome.warningFacts.map((facts) => {
        const item = document.createElement('li');
        item.textContent = text.warning(facts);
        return item;
      }),
    );
    warnings.hidden = view.outcome.warningFacts.length === 0;
  }

  return {
    setCurrency(next) {
      currency = next;
      fillKpiSelects();
    },
    setEnabled(next) {
      enabled = next;
      runButton.disabled = !next;
      addButton.disabled = !next || !view || !view.outcome.rows.some((row) => row.recommended !== null);
    },
    show(next) {
      view = next;
      results.hidden = view === null;
      variantNote.textContent = '';
      if (!view) {
        summary.textContent = '';
        change.textContent = '';
        warnings.replaceChildren();
        warnings.hidden = true;
        table.replaceChildren();
        return;
      }
      const { runs, spec } = view.outcome;
      caption.textContent = text.caption(runs.search / spec.searchReplications, runs.refine / spec.searchReplications, spec.searchReplications, spec.confirmReplications, view.outcome.raised);
      drawSentences(view);
      drawTable(view);
      // nothing to add when no stock point has a recommendation
      addButton.disabled = !enabled || !view.outcome.rows.some((row) => row.recommended !== null);
    },
    showError,
  };
}

/** A policy and its parameters in the textbook's letters: "(s, S): s 10, S 30", "Base stock: S 12". */
function policyText(policy: Policy | null): string {
  if (policy === null) return NONE;
  const n = (value: number) => formatNumber(value);
  const label = policyTypeLabel(policy.type);
  switch (policy.type) {
    case 'sS':
      return text.policyWithParameters(label, text.reorderAndOrderUpTo(n(policy.reorderPoint), n(policy.orderUpTo)));
    case 'rQ':
      return text.policyWithParameters(label, text.reorderAndQuantity(n(policy.reorderPoint), n(policy.orderQuantity)));
    case 'baseStock':
      return text.policyWithParameters(label, text.baseStockLevel(n(policy.level)));
    case 'periodicRS':
      return text.policyWithParameters(label, text.reviewAndOrderUpTo(policy.reviewPeriod, n(policy.orderUpTo)));
    default: {
      // another type today (forecast, service target, …): its numeric parameters by their names
      const parameters = Object.entries(policy as Record<string, unknown>)
        .filter((entry): entry is [string, number] => typeof entry[1] === 'number')
        .map(([name, value]) => `${parameterLabel(name)} ${n(value)}`);
      return parameters.length > 0 ? text.policyWithParameters(label, parameters.join(', ')) : label;
    }
  }
}
