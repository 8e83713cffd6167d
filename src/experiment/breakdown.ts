/**
 * Results per stock point or per product: the engine counts every KPI at each stock point and each
 * product anyway (VariantSummary.stockPoints / .products); this lays them out as rows, one per
 * variant and stock point (or product, or the whole network), for `stocklab run --by` and the web
 * app's exports. A planner's question is which SKUs fall short, not only what the network does.
 */
import { KPI_NAMES } from '../metrics/kpis.ts';
import type { ExperimentResult, KpiSummaries } from './replicate.ts';
import { csvFile, ENGLISH_CSV, type CsvCell, type CsvDialect } from './csv.ts';

/** The level results are broken down to. */
export type Breakdown = 'network' | 'stock-point' | 'product';

/** One row of a breakdown: a variant's stock point, product, or whole network. */
export interface BreakdownRow {
  variant: string;
  /** the stock point's node (stock points only) */
  node?: string;
  /** the product (stock points and products) */
  product?: string;
  /** the stock point's policy type, and its reorder point and order-up-to level where it has them (stock points only) */
  policy?: string;
  reorderPoint?: number | null;
  orderUpTo?: number | null;
  kpis: KpiSummaries;
}

/** The rows of `result` at level `by`, variant by variant, each in the scenario's order. */
export function breakdownRows(result: ExperimentResult, by: Breakdown): BreakdownRow[] {
  return result.variants.flatMap((variant): BreakdownRow[] => {
    if (by === 'network') return [{ variant: variant.id, kpis: variant.network }];
    if (by === 'product') return variant.products.map(({ product, kpis }) => ({ variant: variant.id, product, kpis }));
    return variant.stockPoints.map(({ node, product, policy, reorderPoint, orderUpTo, kpis }) => ({ variant: variant.id, node, product, policy, reorderPoint, orderUpTo, kpis }));
  });
}

/** The columns that say which stock point (or product) a row is, at each level. */
const KEY_COLUMNS = {
  network: [],
  product: ['product'],
  'stock-point': ['node', 'product', 'policy', 'reorderPoint', 'orderUpTo'],
} as const satisfies Record<Breakdown, ReadonlyArray<keyof BreakdownRow>>;

/**
 * The rows as CSV, one per variant and stock point (or product, or the network), led by the scenario,
 * seed and replications; every KPI that applies to some row is two columns, its mean and its 95%
 * half-width (`fillRateHalfWidth`), empty where it does not apply. Rates are fractions, money is in
 * the scenario's currency over the measured window.
 */
export function breakdownCsv(result: ExperimentResult, by: Breakdown, dialect: CsvDialect = ENGLISH_CSV): string {
  const { head, rows } = breakdownTable(result, by);
  return csvFile(head, rows, dialect);
}

/** breakdownCsv's header and cells, one row per breakdownRows row in its order (the web app writes a subset). */
export function breakdownTable(result: ExperimentResult, by: Breakdown): { head: string[]; rows: CsvCell[][] } {
  const rows = breakdownRows(result, by);
  const kpis = KPI_NAMES.filter((name) => rows.some((row) => row.kpis[name].mean !== null));
  const keys: ReadonlyArray<keyof BreakdownRow> = KEY_COLUMNS[by];
  const head = ['scenario', 'seed', 'replications', 'variant', ...keys, ...kpis.flatMap((name) => [name, `${name}HalfWidth`])];
  const cell = (value: unknown): CsvCell => (value === null || value === undefined || typeof value === 'number' || typeof value === 'boolean' ? value : String(value));
  return {
    head,
    rows: rows.map((row) => [result.scenario, String(result.seed), result.replications, row.variant, ...keys.map((key) => cell(row[key])), ...kpis.flatMap((name) => [row.kpis[name].mean, row.kpis[name].halfWidth])]),
  };
}

/** The rows as one JSON document, with what identifies the run. */
export function breakdownJson(result: ExperimentResult, by: Breakdown): string {
  const { scenario, seed, replications, horizonDays, warmupDays, complete, warnings } = result;
  return JSON.stringify({ scenario, seed, replications, horizonDays, warmupDays, complete, warnings, by, rows: breakdownRows(result, by) }) + '\n';
}
