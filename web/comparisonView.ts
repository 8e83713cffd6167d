import type { VariantComparison } from '../src/experiment/compare.ts';
import type { KpiName } from '../src/metrics/kpis.ts';
import { app, charts, sentences } from './i18n/strings.ts';
import { kpiMeta } from './charts/kpiMeta.ts';
import { tableScroll } from './tableScroll.ts';

/**
 * The KPIs the comparison table shows for each pair, in the engine's order (the sentence names the
 * headline ones). A KPI appears only where it applies to both variants of the pair (the comparison
 * holds no difference otherwise): online delivery promises, abandoned carts and their vouchers with
 * online zones, expired units and their cost with perishables.
 */
export const SHOWN = [
  'fillRate',
  'cycleServiceLevel',
  'onTimeDelivery',
  'abandonedCarts',
  'avgOnHand',
  'expiredUnits',
  'holdingCost',
  'stockoutCost',
  'expiryCost',
  'voucherCost',
  'totalCost',
  'profit',
  'customersChurned',
] as const satisfies ReadonlyArray<KpiName>;

/**
 * Each variant against the first, as a consultant would say it: the sentence of src/experiment/compare.ts,
 * then the paired differences of the main KPIs with their 95% intervals. Hidden with one variant.
 */
export function renderComparisons(container: HTMLElement, comparisons: ReadonlyArray<VariantComparison & { currency?: string }>): void {
  container.replaceChildren();
  container.hidden = comparisons.length === 0;
  if (comparisons.length === 0) return;
  const title = document.createElement('h2');
  title.textContent = app.comparisonTitle;
  const help = document.createElement('p');
  help.className = 'chart-help';
  help.textContent = app.comparisonHelp(comparisons[0].baseline.name, comparisons[0].windowDays);
  container.append(title, help);
  for (const comparison of comparisons) {
    const sentence = document.createElement('p');
    sentence.className = 'comparison-sentence';
    // worded here in the page's language from the engine's facts (web/worker/client.ts adds the currency)
    const currency = comparison.currency ?? charts.units.money;
    sentence.textContent = sentences.comparison(comparison, currency);
    const table = document.createElement('table');
    table.className = 'comparison-table';
    const head = table.createTHead().insertRow();
    for (const text of [`${comparison.variant.name} − ${comparison.baseline.name}`, app.comparisonDifference, app.comparisonSignificant]) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.textContent = text;
      head.append(th);
    }
    const body = table.createTBody();
    // rows in SHOWN's order; a KPI that applies to neither variant has no difference, so no row
    const byKpi = new Map(comparison.differences.map((d) => [d.kpi, d]));
    for (const difference of SHOWN.flatMap((kpi) => byKpi.get(kpi) ?? [])) {
      const row = body.insertRow();
      row.dataset.kpi = difference.kpi;
      row.insertCell().textContent = kpiMeta(difference.kpi).label;
      row.insertCell().textContent = sentences.comparisonDifference(difference, currency, comparison.windowDays);
      const significant = row.insertCell();
      significant.textContent = difference.significant ? app.yes : app.no;
      significant.className = difference.significant ? 'agrees' : '';
    }
    container.append(sentence, tableScroll(table.querySelector('th')?.textContent ?? '', table));
  }
}
