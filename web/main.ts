import type { ExperimentResult, KpiSummary } from '../src/experiment/replicate.ts';
import type { KpiName } from '../src/metrics/kpis.ts';
import { runScenario } from './worker/client.ts';

/**
 * A first, plain face for the engine: pick a shipped scenario, run it on Web Workers, read the
 * network KPIs per policy variant with their 95% confidence half-widths. (The full app — editor,
 * charts, exports — is the web app issue.)
 */
const files = import.meta.glob<{ default: { name: string; description?: string; replications?: number; seed?: string | number } }>(
  '../scenarios/[0-9]*.json',
  { eager: true },
);
// data files the gallery's scenarios refer to (CSV histories), as text
const dataFiles = import.meta.glob<string>('../scenarios/data/*', { eager: true, query: '?raw', import: 'default' });
const readFile = (path: string): string => {
  const text = dataFiles[`../scenarios/${path.replace(/^\.\//, '')}`];
  if (text === undefined) throw new Error('no such file in the gallery');
  return text;
};
const DEFAULT_SCENARIO = '../scenarios/04-coffee-brand.json';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const select = $<HTMLSelectElement>('scenario');
const replicationsInput = $<HTMLInputElement>('replications');
const seedInput = $<HTMLInputElement>('seed');
const runButton = $<HTMLButtonElement>('run');
const cancelButton = $<HTMLButtonElement>('cancel');
const progress = $<HTMLProgressElement>('progress');
const status = $('status');
const problems = $('problems');
const results = $('results');
const description = $('description');

for (const path of Object.keys(files).sort()) {
  const option = document.createElement('option');
  option.value = path;
  option.textContent = files[path].default.name;
  select.append(option);
}
select.value = files[DEFAULT_SCENARIO] ? DEFAULT_SCENARIO : Object.keys(files).sort()[0];

const RATES = new Set<KpiName>(['fillRate', 'cycleServiceLevel', 'readyRate', 'onTimeDelivery']);
const SHOWN: KpiName[] = ['fillRate', 'cycleServiceLevel', 'readyRate', 'lostSalesUnits', 'avgOnHand', 'avgBackorders', 'ordersPlaced', 'holdingCost', 'orderingCost', 'stockoutCost', 'churnCost', 'totalCost', 'revenue', 'profit', 'activeCustomers', 'customersChurned', 'demandLostToChurn'];
const percentFormat = new Intl.NumberFormat('en', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
const numberFormat = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });
const percent = (value: number) => percentFormat.format(value);
const number = (value: number) => numberFormat.format(value);

function cell(name: KpiName, summary: KpiSummary): string {
  if (summary.mean === null) return '—';
  const show = RATES.has(name) ? percent : number;
  const halfWidth = summary.halfWidth === null ? '' : ` <span class="hw">± ${show(summary.halfWidth)}</span>`;
  return `${show(summary.mean)}${halfWidth}`;
}

function render(result: ExperimentResult): void {
  const rows = SHOWN.filter((name) => result.variants.some((v) => v.network[name].mean !== null));
  const head = `<tr><th>KPI (network)</th>${result.variants.map((v) => `<th>${escape(v.name)}</th>`).join('')}</tr>`;
  const body = rows.map((name) => `<tr><td>${name}</td>${result.variants.map((v) => `<td>${cell(name, v.network[name])}</td>`).join('')}</tr>`).join('');
  results.innerHTML = `<p>${result.replications} replications, seed ${escape(String(result.seed))}, ${result.horizonDays} days (warm-up ${result.warmupDays}); mean ± 95% half-width.</p><table>${head}${body}</table>`;
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

let controller: AbortController | null = null;

function loadSelected(): void {
  const scenario = files[select.value].default;
  description.textContent = scenario.description ?? '';
  replicationsInput.value = String(scenario.replications ?? 10);
  seedInput.value = String(scenario.seed ?? 1);
}

async function run(): Promise<void> {
  controller?.abort();
  controller = new AbortController();
  const replications = Number(replicationsInput.value);
  problems.hidden = true;
  if (!Number.isInteger(replications) || replications < 1) {
    problems.hidden = false;
    problems.textContent = `Replications: expected a whole number of at least 1, got "${replicationsInput.value}".`;
    return;
  }
  runButton.disabled = true;
  cancelButton.disabled = false;
  const started = performance.now();
  progress.value = 0;
  status.textContent = 'Running…';
  const outcome = await runScenario(
    files[select.value].default,
    { replications, seed: seedInput.value === '' ? undefined : seedInput.value, readFile },
    (done, total) => {
      progress.value = done / total;
      const elapsed = (performance.now() - started) / 1000;
      status.textContent = `${done} / ${total} runs, ${Math.max(0, (elapsed / done) * (total - done)).toFixed(1)} s left`;
    },
    controller.signal,
  );
  runButton.disabled = false;
  cancelButton.disabled = true;
  if (!outcome.ok) {
    problems.hidden = false;
    problems.textContent = `${outcome.issues.length} problem(s) in the scenario:\n${outcome.issues.map((i) => `${i.path}: ${i.message}`).join('\n')}`;
    status.textContent = '';
    return;
  }
  status.textContent = outcome.result.complete ? `Done in ${((performance.now() - started) / 1000).toFixed(1)} s` : 'Cancelled: showing the replications that finished';
  if (outcome.result.replications > 0) render(outcome.result);
}

select.addEventListener('change', () => {
  loadSelected();
  void run();
});
runButton.addEventListener('click', () => void run());
cancelButton.addEventListener('click', () => controller?.abort());
loadSelected();
void run();
