import type { Distribution } from '../../src/scenario/schema.ts';

/**
 * The probability of each whole number of units a day, 0 … upTo, under a fitted daily demand model,
 * for the import wizard's fit chart. Continuous models are rounded to whole units as the import's fit
 * rounds them for its likelihood (src/import/fitDemand.ts), so the chart shows what was compared:
 *
 * - normal: the mass of [k − ½, k + ½), all of it below ½ on 0;
 * - intermittent (Croston): 0 with probability 1 − p; with p a size, lognormal rounded (everything
 *   below 1½ on 1) or constant (rounded, at least 1);
 * - Poisson, negative binomial (mean and sd; size r = mean² / (sd² − mean)): by the recurrence on
 *   their probabilities, in logs so a large mean does not underflow;
 * - empirical: its weights, normalised; constant: all on its value, rounded.
 *
 * Null for a model the import never fits (a uniform, a gamma…): the chart then shows the history alone.
 */
export function demandPmf(distribution: Distribution, upTo: number): number[] | null {
  const n = Math.max(0, Math.floor(upTo));
  const masses = new Array<number>(n + 1).fill(0);
  const put = (k: number, mass: number) => {
    if (k >= 0 && k <= n) masses[k] += mass;
  };
  switch (distribution.type) {
    case 'poisson':
      return poisson(distribution.mean, n);
    case 'negativeBinomial': {
      const { mean, sd } = distribution;
      if (!(sd * sd > mean)) return poisson(mean, n); // not over-dispersed: the Poisson is its limit
      const r = (mean * mean) / (sd * sd - mean);
      const q = mean / (r + mean);
      let logP = r * Math.log(r / (r + mean));
      for (let k = 0; k <= n; k++) {
        if (k > 0) logP += Math.log(((k - 1 + r) / k) * q);
        masses[k] = Math.exp(logP);
      }
      return masses;
    }
    case 'normal':
      return roundedContinuous((x) => normalCdf((x - distribution.mean) / distribution.sd), 0, n);
    case 'intermittent': {
      const p = distribution.probability;
      put(0, 1 - p);
      const size = distribution.size;
      if (size.type === 'lognormal') {
        const sigma2 = Math.log1p((size.sd * size.sd) / (size.mean * size.mean));
        const sigma = Math.sqrt(sigma2);
        const mu = Math.log(size.mean) - sigma2 / 2;
        const cdf = (x: number) => (x <= 0 ? 0 : sigma === 0 ? (x >= size.mean ? 1 : 0) : normalCdf((Math.log(x) - mu) / sigma));
        const sizes = roundedContinuous(cdf, 1, n);
        sizes.forEach((mass, k) => put(k, p * mass));
        return masses;
      }
      if (size.type === 'constant') {
        put(Math.max(1, Math.round(size.value)), p);
        return masses;
      }
      return null;
    }
    case 'empirical': {
      // no weights: the values are equally likely
      const weights = distribution.weights ?? distribution.values.map(() => 1);
      const total = weights.reduce((a, b) => a + b, 0);
      distribution.values.forEach((value, i) => put(Math.round(value), weights[i] / total));
      return masses;
    }
    case 'constant':
      put(Math.round(distribution.value), 1);
      return masses;
    default:
      return null;
  }
}

/** Poisson probabilities 0 … n, in logs: P(0) = e^−m, P(k) = P(k − 1) m / k. */
function poisson(mean: number, n: number): number[] {
  const masses = new Array<number>(n + 1).fill(0);
  if (mean <= 0) {
    masses[0] = 1;
    return masses;
  }
  let logP = -mean;
  for (let k = 0; k <= n; k++) {
    if (k > 0) logP += Math.log(mean / k);
    masses[k] = Math.exp(logP);
  }
  return masses;
}

/**
 * A continuous variable's cdf rounded to whole units 0 … n: k takes [k − ½, k + ½), the lowest
 * (`lowest`) everything below its upper edge.
 */
function roundedContinuous(cdf: (x: number) => number, lowest: number, n: number): number[] {
  const masses = new Array<number>(n + 1).fill(0);
  for (let k = lowest; k <= n; k++) masses[k] = cdf(k + 0.5) - (k === lowest ? 0 : cdf(k - 0.5));
  return masses;
}

/**
 * The standard normal cdf, Φ(x) = erfc(−x/√2) / 2, erfc by the Chebyshev fit of Numerical Recipes
 * (W. H. Press et al. (2007), Numerical Recipes, 3rd ed., §6.2.2: fractional error below 1.2e-7),
 * ample for a chart; the engine's own (src/math/normal.ts) is not for the page to import.
 */
export function normalCdf(x: number): number {
  return erfc(-x / Math.SQRT2) / 2;
}

function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}
