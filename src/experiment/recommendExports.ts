import type { Policy } from '../scenario/schema.ts';
import { csvFile, ENGLISH_CSV, type CsvDialect } from './csv.ts';
import type { KpiSummary } from './replicate.ts';
import type { RecommendOutcome } from './recommend.ts';

/** The numeric parameters a recommendation reports, in this order, each current and recommended. */
const PARAMETERS = ['reorderPoint', 'orderUpTo', 'orderQuantity', 'level', 'reviewPeriod'] as const;

const numberOf = (policy: Policy | null, name: string): number | null => {
  const value = policy === null ? undefined : (policy as Record<string, unknown>)[name];
  return typeof value === 'number' ? value : null;
};

/**
 * The recommendation as CSV, one row per stock point: node, product, status, policy types, each
 * parameter now and recommended, and the target KPI and the objective both ways (mean and 95%
 * half-width, on the confirmation's fresh seeds).
 */
export function recommendationCsv(outcome: RecommendOutcome, dialect: CsvDialect = ENGLISH_CSV): string {
  const { kpi } = outcome.spec.target;
  const objective = outcome.spec.objective;
  const head = [
    'node',
    'product',
    'status',
    'policyNow',
    'policyRecommended',
    ...PARAMETERS.flatMap((name) => [`${name}Now`, `${name}Recommended`]),
    `${kpi}Now`,
    `${kpi}NowHalfWidth`,
    `${kpi}Recommended`,
    `${kpi}RecommendedHalfWidth`,
    `${objective}Now`,
    `${objective}NowHalfWidth`,
    `${objective}Recommended`,
    `${objective}RecommendedHalfWidth`,
  ];
  const pair = (summary: KpiSummary | null) => [summary?.mean ?? null, summary?.halfWidth ?? null];
  const rows = outcome.rows.map((row) => [
    row.node,
    row.product,
    row.status,
    row.current.type,
    row.recommended?.type ?? null,
    ...PARAMETERS.flatMap((name) => [numberOf(row.current, name), numberOf(row.recommended, name)]),
    ...pair(row.serviceNow),
    ...pair(row.serviceRecommended),
    ...pair(row.costNow),
    ...pair(row.costRecommended),
  ]);
  return csvFile(head, rows, dialect);
}

/**
 * The recommended parameters in the SKU master's columns (src/import/skuMaster.ts reads them back:
 * sku, policy and its parameters), one row per stock point with its location, so they go back into
 * the planner's system or into `stocklab import --master`. Stock points without a recommendation
 * (the target cannot be met) are left out.
 */
export function recommendationMasterCsv(outcome: RecommendOutcome, dialect: CsvDialect = ENGLISH_CSV): string {
  const head = ['sku', 'location', 'policy', ...PARAMETERS];
  const rows = outcome.rows
    .filter((row) => row.recommended !== null)
    .map((row) => [row.product, row.node, row.recommended!.type, ...PARAMETERS.map((name) => numberOf(row.recommended, name))]);
  return csvFile(head, rows, dialect);
}

/** The recommendation as JSON: the spec, every row, the total change, the warnings and the variant. */
export function recommendationJson(outcome: RecommendOutcome): unknown {
  const { scenario: _scenario, ...rest } = outcome;
  return rest;
}
