import { KPI_KINDS, type KpiName } from '../metrics/kpis.ts';
import { confidenceHalfWidth } from '../metrics/studentT.ts';
import { Tally } from '../metrics/tally.ts';
import type { ExperimentResult } from './replicate.ts';
import type { Scenario } from '../scenario/schema.ts';

/**
 * Policy variants compared pairwise on common random numbers. Every variant runs replication k on the
 * same seed, so it meets the same customers and lead times; the difference of a KPI between two
 * variants in replication k is free of most of the noise both share. The mean of those paired
 * differences, with its own Student t interval, is far narrower than the difference of two
 * independent means (Law, Simulation Modeling and Analysis, 5th ed., 2015, §10.2, "paired-t").
 */
export interface PairedDifference {
  kpi: KpiName;
  /** mean over replications of (variant - baseline), in the KPI's unit; money over the measured window, as `run` reports it */
  mean: number;
  sd: number | null;
  /** 95% half-width (Student t, n - 1 degrees of freedom); null with fewer than 2 replications */
  halfWidth: number | null;
  /** replications where the KPI applied to both */
  n: number;
  /** the interval excludes 0 */
  significant: boolean;
  /** "raises fill rate by 3.1 points (±0.4)" */
  clause: string;
  /** "+7.43 points ± 0.12" */
  text: string;
}

export interface VariantComparison {
  baseline: { id: string; name: string };
  variant: { id: string; name: string };
  differences: PairedDifference[];
  /** "Compared with Lean, Generous raises fill rate by 7.43 points (±0.12), ... and lowers total cost by 22,515 EUR over the 351-day window (±940)." */
  sentence: string;
  /** the measured window (horizonDays − warmupDays) the money differences cover */
  windowDays: number;
  /** the KPIs its sentence names, in order, where they apply to both (`headlineFor`) */
  headline: KpiName[];
}

export interface CompareOptions {
  /** length of the measured window (horizonDays − warmupDays), named beside every money figure */
  windowDays: number;
  currency: string;
  /** the KPIs to compare (default: every KPI that applies to both) */
  kpis?: KpiName[];
  /** compare every variant to this one only (default: every pair, in the scenario's order) */
  baseline?: string;
  /** the KPIs a sentence names (default HEADLINE; `headlineFor(scenario)` adds the order fill rate where customers place orders) */
  headline?: KpiName[];
}

/**
 * the KPIs a sentence names, in this order, when they apply: on-time delivery only with online zones,
 * the wait for a server only with suppliers' servers, expired units only with perishables (null
 * otherwise, so other sentences are unchanged)
 */
export const HEADLINE: KpiName[] = ['fillRate', 'onTimeDelivery', 'queueWait', 'holdingCost', 'expiredUnits', 'totalCost', 'customersChurned'];

/**
 * The headline for a scenario: HEADLINE, and the order fill rate after the fill rate where customers
 * place orders the fill rate does not describe, an `orders` entry or orders delivered to their
 * customers (`delivery`). Walk-ins who carry their purchase away also have an order fill rate, but
 * there it tells nearly what the fill rate tells, so their sentences stay as they were.
 */
export function headlineFor(scenario: Pick<Scenario, 'demand'>): KpiName[] {
  const placesOrders = scenario.demand.some((entry) => entry.type === 'orders' || (entry.type === 'arrivals' && entry.delivery !== undefined));
  return placesOrders ? ['fillRate', 'orderFillRate', ...HEADLINE.slice(1)] : HEADLINE;
}

/** Paired differences between variants of one experiment, with a plain sentence per pair. */
export function compareVariants(result: ExperimentResult, options: CompareOptions): VariantComparison[] {
  const variants = result.variants;
  const pairs: [number, number][] = [];
  const baselineIndex = options.baseline === undefined ? -1 : variants.findIndex((variant) => variant.id === options.baseline);
  if (options.baseline !== undefined && baselineIndex < 0) {
    throw new RangeError(`compareVariants: no variant "${options.baseline}" (variants: ${variants.map((v) => v.id).join(', ')})`);
  }
  if (baselineIndex >= 0) variants.forEach((_, i) => i !== baselineIndex && pairs.push([baselineIndex, i]));
  else for (let i = 0; i < variants.length; i++) for (let j = i + 1; j < variants.length; j++) pairs.push([i, j]);

  const headline = options.headline ?? HEADLINE;
  return pairs.map(([a, b]) => {
    const baseline = variants[a];
    const variant = variants[b];
    if (baseline.samples.replications.join() !== variant.samples.replications.join()) {
      throw new Error(`compareVariants: ${baseline.id} and ${variant.id} did not run the same replications, so they cannot be paired`);
    }
    const names = (options.kpis ?? (Object.keys(baseline.samples.network) as KpiName[])).filter((kpi) =>
      baseline.samples.network[kpi].some((value, k) => value !== null && variant.samples.network[kpi][k] !== null),
    );
    const differences = names.map((kpi) => pairedDifference(kpi, baseline.samples.network[kpi], variant.samples.network[kpi], options));
    return {
      baseline: { id: baseline.id, name: baseline.name },
      variant: { id: variant.id, name: variant.name },
      differences,
      sentence: comparisonSentence(baseline.name, variant.name, differences, headline),
      windowDays: options.windowDays,
      headline,
    };
  });
}

function pairedDifference(kpi: KpiName, baseline: (number | null)[], variant: (number | null)[], options: CompareOptions): PairedDifference {
  // money stays over the measured window, as every KPI is (docs/KPIS.md): annualising it here made
  // the same difference read 23,413 EUR in the comparison and 22,515 EUR between the KPI cards
  const tally = new Tally();
  baseline.forEach((value, k) => {
    const other = variant[k];
    if (value !== null && other !== null) tally.add(other - value);
  });
  const n = tally.count;
  const sd = n >= 2 ? tally.sd : null;
  const halfWidth = sd === null ? null : confidenceHalfWidth(sd, n);
  const mean = tally.mean;
  const significant = halfWidth !== null && Math.abs(mean) > halfWidth;
  return { kpi, mean, sd, halfWidth, n, significant, clause: clauseOf(kpi, mean, halfWidth, significant, options.currency, options.windowDays), text: differenceText(kpi, mean, halfWidth, options.currency, options.windowDays) };
}

/**
 * "raises fill rate by 3.1 points (±0.4)", "lowers total cost by 5,450 EUR over the 365-day window (±1,280)",
 * "leaves holding cost unchanged within the noise (+4 EUR ±5 over the 365-day window)": the difference
 * shown to the precision its interval supports. A money figure names its window, so it is not read as
 * a yearly one.
 */
export function clauseOf(kpi: KpiName, mean: number, halfWidth: number | null, significant: boolean, currency: string, windowDays: number): string {
  const kind = KPI_KINDS[kpi];
  const { scale, digits } = differencePrecision(kpi, mean, halfWidth);
  const unit = kind === 'ratio' ? ' points' : kind === 'money' ? ` ${currency}` : kind === 'days' ? ' days' : '';
  const number = (value: number) => format(value * scale, digits);
  const label = labelOf(kpi);
  const window = kind === 'money' ? ` ${windowPhrase(windowDays)}` : '';
  const interval = halfWidth === null ? '' : ` (±${number(halfWidth)})`;
  if (!significant) {
    const signed = `${mean >= 0 ? '+' : '−'}${number(Math.abs(mean))}${unit}`;
    return `leaves ${label} unchanged within the noise (${signed}${halfWidth === null ? '' : ` ±${number(halfWidth)}`}${window})`;
  }
  return `${mean > 0 ? 'raises' : 'lowers'} ${label} by ${number(Math.abs(mean))}${unit}${window}${interval}`;
}

/** "+7.43 points ± 0.12", "−22,515 EUR ± 940 over the 351-day window": a paired difference with its interval, for tables. */
export function differenceText(kpi: KpiName, mean: number, halfWidth: number | null, currency: string, windowDays: number): string {
  const kind = KPI_KINDS[kpi];
  const { scale, digits } = differencePrecision(kpi, mean, halfWidth);
  const unit = kind === 'ratio' ? ' points' : kind === 'money' ? ` ${currency}` : kind === 'days' ? ' days' : '';
  const sign = mean > 0 ? '+' : mean < 0 ? '−' : '';
  const interval = halfWidth === null ? '' : ` ± ${format(halfWidth * scale, digits)}`;
  return `${sign}${format(Math.abs(mean) * scale, digits)}${unit}${interval}${kind === 'money' ? ` ${windowPhrase(windowDays)}` : ''}`;
}

/** "over the 351-day window": the time base of every money figure a comparison gives. */
export function windowPhrase(windowDays: number): string {
  return `over the ${windowDays.toLocaleString('en-US', { maximumFractionDigits: 2 })}-day window`;
}

/**
 * How a paired difference is written, in any language: rates in percentage points (scale 100), and
 * the decimals its interval supports. Exported so the web's French sentences (web/i18n/fr/sentences.ts)
 * round exactly as these English ones do.
 */
export function differencePrecision(kpi: KpiName, mean: number, halfWidth: number | null): { scale: number; digits: number } {
  const scale = KPI_KINDS[kpi] === 'ratio' ? 100 : 1;
  return { scale, digits: decimalsFor(halfWidth === null ? null : halfWidth * scale, mean * scale) };
}

/** Decimals that show a half-width to two significant digits (at most 4), or 2 without one. */
function decimalsFor(halfWidth: number | null, value: number): number {
  if (halfWidth !== null && halfWidth > 0) return Math.max(0, Math.min(4, Math.ceil(-Math.log10(halfWidth)) + 1));
  return Math.abs(value) >= 100 ? 0 : 2;
}

function format(value: number, digits: number): string {
  const text = value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return /^-?0(\.0*)?$/.test(text) ? text.replace('-', '') : text;
}

/**
 * The sentence for one pair: the headline KPIs that apply, in plain words. Takes each KPI's clause
 * as given, so the web can rebuild it from the facts with clauses of its own (web/i18n/en/sentences.ts).
 */
export function comparisonSentence(baseline: string, name: string, differences: ReadonlyArray<Pick<PairedDifference, 'kpi' | 'clause'>>, headline: readonly KpiName[] = HEADLINE): string {
  const byKpi = new Map(differences.map((difference) => [difference.kpi, difference]));
  const clauses = headline.map((kpi) => byKpi.get(kpi)).filter((difference) => difference !== undefined).map((difference) => difference.clause);
  if (clauses.length === 0) return `Compared with ${baseline}, ${name}: no headline KPI applies to both.`;
  const last = clauses.pop()!;
  return `Compared with ${baseline}, ${name} ${clauses.length > 0 ? `${clauses.join(', ')} and ${last}` : last}.`;
}

/** fillRate -> "fill rate", avgOnHand -> "average on hand", onTimeDelivery -> "on-time delivery" */
export function labelOf(kpi: KpiName): string {
  const words = kpi.replace(/([A-Z])/g, ' $1').toLowerCase().replace(/^avg /, 'average ');
  return words.replace('customers churned', 'customers lost').replace('end of period', 'end-of-period').replace('on time', 'on-time').replace('queue wait', 'wait for a server');
}
