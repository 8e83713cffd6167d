import type { Demand } from '../scenario/schema.ts';
import { distributionMean, distributionVariance } from '../random/distributions/sampler.ts';

/**
 * Mean and variance of one demand entry's units per day at one stock point, before multipliers, for
 * policies and classifications that set levels from them; null for a history still naming a CSV file.
 *
 * - arrivals: compound Poisson, mean rate × E[q], variance rate × E[q²];
 * - perPeriod: the daily distribution's;
 * - history: the series' mean and sample variance;
 * - orders: a random sum of N orders a day of independent sizes X (Wald, and the law of total
 *   variance): mean E[N] E[X], variance E[N] Var[X] + Var[N] E[X]², with N's moments those of
 *   `ordersPerDay` or of the history of counts.
 */
export function dailyDemandMoments(entry: Demand): { mean: number; variance: number } | null {
  if (entry.type === 'arrivals') {
    const mean = distributionMean(entry.quantity, { nonNegative: true });
    const variance = distributionVariance(entry.quantity, { nonNegative: true });
    return { mean: entry.customersPerDay * mean, variance: entry.customersPerDay * (variance + mean * mean) };
  }
  if (entry.type === 'perPeriod') return { mean: distributionMean(entry.quantity, { nonNegative: true }), variance: distributionVariance(entry.quantity, { nonNegative: true }) };
  if (entry.type === 'history') return Array.isArray(entry.series) ? seriesMoments(entry.series) : null;
  const count = entry.history !== undefined ? seriesMoments(entry.history) : { mean: distributionMean(entry.ordersPerDay!, { nonNegative: true }), variance: distributionVariance(entry.ordersPerDay!, { nonNegative: true }) };
  const size = { mean: distributionMean(entry.size, { nonNegative: true }), variance: distributionVariance(entry.size, { nonNegative: true }) };
  return { mean: count.mean * size.mean, variance: count.mean * size.variance + count.variance * size.mean * size.mean };
}

/** Mean orders per day of an `orders` entry, before multipliers. */
export function meanOrdersPerDay(entry: Extract<Demand, { type: 'orders' }>): number {
  return entry.history !== undefined ? seriesMoments(entry.history).mean : distributionMean(entry.ordersPerDay!, { nonNegative: true });
}

function seriesMoments(series: ReadonlyArray<number>): { mean: number; variance: number } {
  const mean = series.reduce((a, b) => a + b, 0) / series.length;
  return { mean, variance: series.length > 1 ? series.reduce((a, b) => a + (b - mean) ** 2, 0) / (series.length - 1) : 0 };
}
