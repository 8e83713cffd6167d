import type { ExperimentResult } from '../experiment/replicate.ts';
import { windowPhrase, type VariantComparison } from '../experiment/compare.ts';
import { formatSeconds, formatTable, ranOn } from './format.ts';
import { csvText } from '../experiment/csv.ts';

export interface ComparisonHeader {
  wallSeconds: number;
  workers: number;
  /** where the runs ran, said instead of the worker threads (format.ts ranOn) */
  where?: string;
  currency: string;
  precision: string | null;
}

/**
 * `stocklab compare` as text: a header, then per pair of variants its sentence and a table of every
 * KPI's paired difference (variant - baseline) with its 95% half-width, marked where significant.
 */
export function formatComparisons(result: ExperimentResult, comparisons: VariantComparison[], header: ComparisonHeader): string {
  const lines = [
    `${result.scenario} | ${result.replications} replications on common random numbers | seed ${JSON.stringify(result.seed)} | wall time ${formatSeconds(header.wallSeconds)} on ${ranOn(header)}`,
  ];
  if (header.precision) lines.push(header.precision);
  for (const comparison of comparisons) {
    lines.push('', comparison.sentence, '');
    const rows = comparison.differences.map((difference) => [difference.kpi, difference.text, difference.significant ? 'yes' : '']);
    lines.push(...formatTable([`${comparison.variant.name} − ${comparison.baseline.name}`, 'paired difference', 'significant'], rows));
  }
  // money is over the measured window, as `stocklab run` gives it: one number for one difference
  const window = comparisons.length > 0 ? windowPhrase(comparisons[0].windowDays) : 'over the measured window';
  lines.push(
    '',
    'paired difference: the mean over replications of (variant − baseline) on the same random days, with its 95%',
    'half-width (Student t); significant: the interval excludes 0; rates in percentage points;',
    `money ${window} (horizon − warm-up), as \`stocklab run\` reports each variant's KPIs.`,
  );
  return lines.join('\n') + '\n';
}

/** The paired differences as CSV, one row per pair and KPI. */
export function formatComparisonCsv(result: ExperimentResult, comparisons: VariantComparison[]): string {
  const rows = [['scenario', 'seed', 'replications', 'baseline', 'variant', 'kpi', 'mean', 'sd', 'halfWidth', 'n', 'significant']];
  for (const comparison of comparisons) {
    for (const d of comparison.differences) {
      rows.push([result.scenario, String(result.seed), String(result.replications), comparison.baseline.id, comparison.variant.id, d.kpi, String(d.mean), d.sd === null ? '' : String(d.sd), d.halfWidth === null ? '' : String(d.halfWidth), String(d.n), String(d.significant)]);
    }
  }
  return rows.map((row) => row.map(csvCell).join(',')).join('\n') + '\n';
}

/** Numbers as they are; text (names from a shared scenario file) through csvText, guarded against formulas. */
function csvCell(text: string): string {
  return text !== '' && Number.isFinite(Number(text)) ? text : csvText(text);
}
