import { KPI_KINDS, KPI_NAMES, type KpiKind, type KpiName } from '../metrics/kpis.ts';
import type { ExperimentResult, KpiSummary } from '../experiment/replicate.ts';
import { CHURN_CAUSES, type ChurnCause } from '../model/customerBase.ts';
import { recallGroups, zoneGroups, type RecallFigure, type ZoneFigure } from '../experiment/outcomeGroups.ts';

/** Units shown after the KPI's name, where the value is not a plain quantity or money. */
const UNIT_LABELS: Partial<Record<KpiKind, string>> = { days: 'days', perYear: 'per year' };

export interface TableHeader {
  /** wall time of the whole run, seconds */
  wallSeconds: number;
  workers: number;
  /** where the runs ran, said instead of the worker threads (a queue on Redis: `the queue at URL`) */
  where?: string;
  currency: string;
  /** the replications asked for, said beside those finished when the run was interrupted */
  planned?: number;
}

/**
 * The readable report of an experiment: a header line, then one row per KPI that applies to some
 * variant (in KPI_NAMES order), one column per variant, each cell `mean ± 95% half-width`.
 */
export function formatExperiment(result: ExperimentResult, header: TableHeader): string {
  const lines = [headerLine(result, header)];
  if (!result.complete) lines.push(`${result.replications} of ${header.planned ?? '?'} replications: interrupted (the figures below are those of the replications every variant finished)`);
  const variants = result.variants;
  const names = KPI_NAMES.filter((name) => variants.some((variant) => variant.network[name].mean !== null));
  const rows = names.map((name) => [UNIT_LABELS[KPI_KINDS[name]] ? `${name} (${UNIT_LABELS[KPI_KINDS[name]]})` : name, ...variants.map((v) => formatCell(name, v.network[name], header.currency))]);
  lines.push('', ...formatTable(['network KPI', ...variants.map((v) => v.name)], rows));
  lines.push(...customerLines(result, header.currency));
  lines.push('', 'mean ± 95% confidence half-width over replications (Student t); definitions: docs/KPIS.md');
  return lines.join('\n') + '\n';
}

/**
 * What customers lived through, where the scenario models it: the customers lost by cause, each
 * online zone's orders, and each recall's reach. Counts over the measured window, per variant.
 */
function customerLines(result: ExperimentResult, currency: string): string[] {
  const variants = result.variants;
  const count = (summary: KpiSummary) => formatCell('customersChurned', summary, currency);
  const lines: string[] = [];
  const churned = variants.some((variant) => CHURN_CAUSES.some((cause) => (variant.customers.churnedBy[cause].mean ?? 0) > 0));
  if (churned) {
    const rows = CHURN_CAUSES.map((cause) => [`  after ${CAUSE_LABELS[cause]}`, ...variants.map((variant) => count(variant.customers.churnedBy[cause]))]);
    lines.push('', ...formatTable(['customers lost, by cause', ...variants.map((v) => v.name)], rows));
  }
  // a variant whose `set` leaves a zone or recall out shows '-' there
  const cell = (summary: KpiSummary | null) => (summary === null ? '-' : count(summary));
  for (const zone of zoneGroups(result)) {
    const rows = ZONE_ROWS.map(([key, label]) => [`  ${label}`, ...zone.byVariant.map((figures) => cell(figures?.[key] ?? null))]);
    lines.push('', ...formatTable([`online zone ${zone.name}: orders`, ...variants.map((v) => v.name)], rows));
  }
  for (const recall of recallGroups(result)) {
    const rows = RECALL_ROWS.map(([key, label]) => [`  ${label}`, ...recall.byVariant.map((figures) => cell(figures?.[key] ?? null))]);
    const title = recall.nth === null ? recall.name : `${recall.name} (no. ${recall.nth} of that name)`;
    lines.push('', ...formatTable([`recall ${title}`, ...variants.map((v) => v.name)], rows));
  }
  return lines;
}

const CAUSE_LABELS: Record<ChurnCause, string> = { stockout: 'a stockout', backorder: 'a backorder', late: 'a late delivery', abandoned: 'an abandoned cart' };
const ZONE_ROWS = [
  ['orders', 'placed'],
  ['abandoned', 'abandoned at the promise'],
  ['delivered', 'delivered'],
  ['onTime', 'on time'],
  ['late', 'late'],
  ['notified', 'told of a delay early'],
  ['express', 'express'],
] as const satisfies ReadonlyArray<readonly [ZoneFigure, string]>;
const RECALL_ROWS = [
  ['unitsRemoved', 'units removed'],
  ['unitsSold', 'units sold before'],
  ['customersReached', 'customers reached'],
] as const satisfies ReadonlyArray<readonly [RecallFigure, string]>;

/** Where the runs ran, for a header: `2 worker threads`, or `the queue at redis://...`. */
export function ranOn(header: { workers: number; where?: string }): string {
  return header.where ?? `${header.workers} worker ${plural(header.workers, 'thread')}`;
}

/** The first line of every report: the scenario, replications, seed, horizon, warm-up and wall time. */
export function headerLine(result: ExperimentResult, header: TableHeader): string {
  const seed = typeof result.seed === 'string' ? JSON.stringify(result.seed) : String(result.seed);
  return [
    result.scenario,
    `${result.replications} ${plural(result.replications, 'replication')}`,
    `seed ${seed}`,
    `horizon ${formatNumber(result.horizonDays, 0)} days`,
    `warm-up ${formatNumber(result.warmupDays, 0)} days`,
    `wall time ${formatSeconds(header.wallSeconds)} on ${ranOn(header)}`,
  ].join(' | ');
}

/** `85.4% ± 0.3%`, `12,345 EUR ± 210 EUR`, `1,234.5 ± 12.0`; the half-width sets the decimals shown. */
export function formatCell(name: KpiName, summary: KpiSummary, currency: string): string {
  if (summary.mean === null) return '-';
  const rate = KPI_KINDS[name] === 'ratio';
  const scale = rate ? 100 : 1;
  const mean = summary.mean * scale;
  // a half-width at rounding-noise level (a KPI that does not vary) shows as 0
  const raw = summary.halfWidth === null ? null : summary.halfWidth * scale;
  const halfWidth = raw !== null && raw <= 1e-9 * Math.max(1, Math.abs(mean)) ? 0 : raw;
  const digits = decimalsFor(mean, halfWidth, rate);
  const unit = rate ? '%' : KPI_KINDS[name] === 'money' ? ` ${currency}` : '';
  const value = `${formatNumber(mean, digits)}${unit}`;
  return halfWidth === null ? value : `${value} ± ${formatNumber(halfWidth, digits)}${unit}`;
}

/**
 * Decimals: enough to show the half-width to two significant digits (at most 3), none for large
 * values without a half-width; rates get at least one.
 */
function decimalsFor(mean: number, halfWidth: number | null, rate: boolean): number {
  let digits: number;
  if (halfWidth !== null && halfWidth > 0) digits = Math.ceil(-Math.log10(halfWidth)) + 1;
  else if (Number.isInteger(mean)) digits = 0;
  else digits = Math.abs(mean) >= 100 ? 0 : Math.abs(mean) >= 1 ? 2 : 3;
  return Math.min(3, Math.max(rate ? 1 : 0, digits));
}

/** Thousands separators and a fixed number of decimals, the same in every locale. */
export function formatNumber(value: number, digits: number): string {
  const text = value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
}

export function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${seconds.toFixed(seconds < 10 ? 2 : 1)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${Math.round(seconds - minutes * 60)} s`;
}

/** Columns padded to their widest cell: the first left-aligned, the others right-aligned. */
export function formatTable(head: string[], rows: string[][]): string[] {
  const all = [head, ...rows];
  const widths = head.map((_, c) => Math.max(...all.map((row) => [...row[c]].length)));
  const line = (row: string[]) =>
    row
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c])))
      .join('  ')
      .trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
}

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}
