import type { KpiName } from '../metrics/kpis.ts';
import type { ExperimentResult } from '../experiment/replicate.ts';
import { breakdownRows, type BreakdownRow } from '../experiment/breakdown.ts';
import { formatCell, formatTable, headerLine, type TableHeader } from './format.ts';

/**
 * The KPIs of `stocklab run --by`'s readable table: a planner's first look at each SKU (service,
 * stock, cost, what was lost). --csv and --json carry every KPI.
 */
export const BREAKDOWN_TABLE_KPIS: readonly KpiName[] = ['fillRate', 'cycleServiceLevel', 'avgOnHand', 'daysOfSupply', 'holdingCost', 'lostSalesUnits', 'customersChurned', 'ordersPlaced', 'totalCost'];

/**
 * The readable report of `stocklab run --by stock-point|product`: the header line, then per variant
 * a table with one row per stock point (or product) and the columns of BREAKDOWN_TABLE_KPIS that
 * apply to some row, each cell `mean ± 95% half-width`.
 */
export function formatBreakdown(result: ExperimentResult, by: 'stock-point' | 'product', header: TableHeader): string {
  const lines = [headerLine(result, header)];
  if (!result.complete) lines.push(`${result.replications} of ${header.planned ?? '?'} replications: interrupted (the figures below are those of the replications every variant finished)`);
  const rows = breakdownRows(result, by);
  const kpis = BREAKDOWN_TABLE_KPIS.filter((name) => rows.some((row) => row.kpis[name].mean !== null));
  const label = (row: BreakdownRow) => (by === 'product' ? row.product! : `${row.node} / ${row.product}`);
  for (const variant of result.variants) {
    const table = rows.filter((row) => row.variant === variant.id).map((row) => [label(row), ...kpis.map((name) => formatCell(name, row.kpis[name], header.currency))]);
    const title = `${variant.name}: ${by === 'product' ? 'per product' : 'per stock point (node / product)'}`;
    lines.push('', ...formatTable([title, ...kpis], table));
  }
  lines.push('', 'mean ± 95% confidence half-width over replications (Student t), over the measured window; definitions: docs/KPIS.md');
  return lines.join('\n') + '\n';
}
