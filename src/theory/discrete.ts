import { MAX_TABLE_LENGTH, OutsideAnalyticRange, requireSteps } from './range.ts';
/**
 * Discrete demand distributions as probability tables, and the loss functions inventory formulas are
 * written in (Zipkin, *Foundations of Inventory Management*, 2000, appendix C; Axsäter, *Inventory
 * Control*, 3rd ed., 2015, ch. 5).
 *
 * A table `p` holds P(D = k) for k = 0..p.length - 1; it is cut where the remaining tail mass is
 * below `TAIL`, which is far below any Monte Carlo resolution.
 */

/** probability mass left beyond the end of a table */
export const TAIL = 1e-12;

/** P(D = k) for D ~ Poisson(mean), k = 0.. until the tail beyond is below TAIL. */
export function poissonPmf(mean: number): Float64Array {
  if (!(mean >= 0 && mean < Infinity)) throw new RangeError(`poissonPmf: the mean must be a finite number >= 0, got ${mean}`);
  const values: number[] = [];
  // work in logs so a large mean (exp(-mean) underflows beyond 745) still gives a correct table
  if (mean === 0) return Float64Array.of(1);
  // the loop below stops by this length at the latest; beyond MAX_TABLE_LENGTH it would fill memory for minutes
  const longest = Math.ceil(mean + 50 * Math.sqrt(mean + 1) + 100) + 1;
  if (longest > MAX_TABLE_LENGTH) {
    throw new OutsideAnalyticRange({ kind: 'poissonTable', mean, length: longest, limit: MAX_TABLE_LENGTH });
  }
  const logMean = Math.log(mean);
  let logP = -mean;
  let cumulative = 0;
  for (let k = 0; ; k++) {
    if (k > 0) logP += logMean - Math.log(k);
    const p = Math.exp(logP);
    values.push(p);
    cumulative += p;
    if (k >= mean && 1 - cumulative < TAIL) break;
    if (k > mean + 50 * Math.sqrt(mean + 1) + 100) break;
  }
  return Float64Array.from(values);
}

/** The distribution of the sum of two independent discrete variables (tables `a` and `b`). */
export function convolve(a: Float64Array, b: Float64Array): Float64Array {
  if (a.length + b.length - 1 > MAX_TABLE_LENGTH) {
    throw new OutsideAnalyticRange({ kind: 'sumTable', length: a.length + b.length - 1, limit: MAX_TABLE_LENGTH });
  }
  requireSteps(a.length * b.length, { id: 'convolution' });
  const out = new Float64Array(a.length + b.length - 1);
  for (let i = 0; i < a.length; i++) {
    if (a[i] === 0) continue;
    for (let j = 0; j < b.length; j++) out[i + j] += a[i] * b[j];
  }
  return out;
}

/** E[D] of a table. */
export function tableMean(p: Float64Array): number {
  let mean = 0;
  for (let k = 1; k < p.length; k++) mean += k * p[k];
  return mean;
}

/** P(D <= x) for an integer x (0 below the table, 1 beyond it). */
export function cdfAt(p: Float64Array, x: number): number {
  if (x < 0) return 0;
  let sum = 0;
  for (let k = 0; k <= Math.min(x, p.length - 1); k++) sum += p[k];
  return Math.min(1, sum);
}

/** First-order loss E[(D - x)+] for an integer x. */
export function lossAbove(p: Float64Array, x: number): number {
  // E[(D - x)+] = E[D] - x + E[(x - D)+]
  return tableMean(p) - x + shortfallBelow(p, x);
}

/** E[(x - D)+] for an integer x: what is left of x after D (expected leftover). */
export function shortfallBelow(p: Float64Array, x: number): number {
  let sum = 0;
  for (let k = 0; k < Math.min(x, p.length); k++) sum += (x - k) * p[k];
  return sum;
}
