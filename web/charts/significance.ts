import type { KpiSummary } from '../../src/experiment/replicate.ts';

/**
 * When one variant is *significantly* better than another on a KPI, for the "best" marks (the KPI
 * table's stars): a mark only where the difference is more than the noise (shared/UX.md, issue 16).
 * Pure functions, tested in test/web/significance.test.ts.
 */

/** One variant's figure for one KPI: the mean, its 95% half-width, and when known each replication's value. */
export interface Figure {
  mean: number | null;
  halfWidth: number | null;
  /**
   * each replication's value by replication number; the variants of a run share their seeds, so the
   * same number is the same random days in every variant (common random numbers) and values pair up
   */
  samples?: ReadonlyMap<number, number>;
}

/** The 0.975 quantile of Student's t with the given degrees of freedom, or null when unknown. */
export type TQuantile = (degreesOfFreedom: number) => number | null;

/**
 * The t quantiles the engine used, read back from its summaries: a 95% half-width is t(0.975, n − 1)
 * sd / √n (src/metrics/studentT.ts), so t = half-width √n / sd for any summary with n ≥ 2 and sd > 0.
 * The web app imports only types from the engine; this gives the paired test exactly the engine's
 * quantile for the replication counts the run has, and null (no paired test) for any other count.
 */
export function quantilesFrom(summaries: Iterable<KpiSummary>): TQuantile {
  const byDf = new Map<number, number>();
  for (const s of summaries) {
    if (s.n >= 2 && s.sd !== null && s.sd > 0 && s.halfWidth !== null && s.halfWidth > 0 && !byDf.has(s.n - 1)) {
      byDf.set(s.n - 1, (s.halfWidth * Math.sqrt(s.n)) / s.sd);
    }
  }
  return (df) => byDf.get(df) ?? null;
}

/** The values of replications present in both, in pairs. */
function pairs(a: ReadonlyMap<number, number>, b: ReadonlyMap<number, number>): [number, number][] {
  const out: [number, number][] = [];
  for (const [replication, value] of a) {
    const other = b.get(replication);
    if (other !== undefined) out.push([value, other]);
  }
  return out;
}

/**
 * Whether `a` is better than `b` (in the `better` direction) beyond the 95% noise:
 * - paired, when both carry each replication's values and at least 2 replications pair up with a known
 *   t quantile: the 95% interval of the mean paired difference excludes 0 (common random numbers make
 *   this much sharper than comparing the two intervals, and it is what the comparison table reports);
 * - otherwise, conservatively, the two 95% intervals do not overlap (a non-overlap is significant; an
 *   overlap may still hide a real difference, so a mark may be missing, never wrong);
 * - never without an interval (one replication), nor for equal means.
 */
export function significantlyBetter(a: Figure, b: Figure, better: 'higher' | 'lower', t: TQuantile): boolean {
  if (a.mean === null || b.mean === null || a.mean === b.mean) return false;
  const sign = better === 'higher' ? 1 : -1;
  if (a.samples && b.samples) {
    const paired = pairs(a.samples, b.samples);
    const quantile = paired.length >= 2 ? t(paired.length - 1) : null;
    if (quantile !== null) {
      const differences = paired.map(([x, y]) => sign * (x - y));
      const m = differences.length;
      const mean = differences.reduce((sum, d) => sum + d, 0) / m;
      const variance = differences.reduce((sum, d) => sum + (d - mean) ** 2, 0) / (m - 1);
      return mean - (quantile * Math.sqrt(variance)) / Math.sqrt(m) > 0;
    }
  }
  if (a.halfWidth === null || b.halfWidth === null) return false;
  return sign * (a.mean - b.mean) > a.halfWidth + b.halfWidth;
}

/**
 * The columns of a row to mark "best": the one with the best mean, and only when it is significantly
 * better (significantlyBetter) than every other variant with a value; none for a neutral KPI, fewer
 * than two values, or a tie for the best mean. `withheld(best, other)` vetoes the mark against one
 * variant it beats (a cost lower only because less was sold: see kpiTable.ts).
 */
export function significantBest(
  figures: Figure[],
  better: 'higher' | 'lower' | null,
  t: TQuantile,
  withheld: (best: number, other: number) => boolean = () => false,
): Set<number> {
  const present = figures.flatMap((f, i) => (f.mean === null ? [] : [{ mean: f.mean, i }]));
  if (better === null || present.length < 2) return new Set();
  const sign = better === 'higher' ? 1 : -1;
  const top = present.reduce((a, b) => (sign * (b.mean - a.mean) > 0 ? b : a));
  const others = present.filter((p) => p.i !== top.i);
  if (others.some((p) => p.mean === top.mean)) return new Set();
  const all = others.every((p) => significantlyBetter(figures[top.i], figures[p.i], better, t) && !withheld(top.i, p.i));
  return all ? new Set([top.i]) : new Set();
}

/** A replication-number → value map from a variant's samples (null values left out). */
export function sampleMap(replications: readonly number[], values: readonly (number | null)[] | undefined): Map<number, number> | undefined {
  if (!values) return undefined;
  const map = new Map<number, number>();
  replications.forEach((replication, k) => {
    const value = values[k];
    if (value !== null && value !== undefined && Number.isFinite(value)) map.set(replication, value);
  });
  return map;
}

/** A grid point's service (higher is better) and cost (lower is better). */
export interface TradeOff {
  service: Figure;
  cost: Figure;
}

/**
 * For each point, whether another point beats it beyond the noise: significantly more service and
 * significantly less cost (significantlyBetter on both; with summaries alone, 95% intervals apart on
 * both axes). The frontier of means (src/experiment/sweep.ts) is exact for the means only; a point off
 * it that no point beats beyond the noise may be as good, and the sweep's frontier chart says so.
 */
export function beatenBeyondNoise(points: TradeOff[], t: TQuantile): boolean[] {
  return points.map((p, i) =>
    points.some((q, j) => j !== i && significantlyBetter(q.service, p.service, 'higher', t) && significantlyBetter(q.cost, p.cost, 'lower', t)),
  );
}
