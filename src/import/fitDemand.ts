import type { Distribution } from '../scenario/schema.ts';
import { logGamma } from '../math/logGamma.ts';
import { exp, log, log1p } from '../math/libm.ts';
import { normalCdf } from '../math/normal.ts';

/**
 * A daily demand distribution fitted to a history, chosen by Akaike's information criterion:
 * AIC = 2k - 2 ln L, k the parameters, L the likelihood of the days observed (H. Akaike (1974), "A new
 * look at the statistical model identification", IEEE Transactions on Automatic Control 19(6),
 * 716-723). The candidates, for whole-unit histories:
 *
 * - **Poisson** (k = 1): mean = the sample mean;
 * - **negative binomial** (k = 2, when the variance exceeds the mean): mean = the sample mean, size r by
 *   maximum likelihood (golden-section search on ln r);
 * - **normal** (k = 2): mean and sd of the sample, its likelihood that of the normal rounded to whole
 *   units (the mass below ½ on 0);
 * - **intermittent** (k = 3, when some days have no demand): Croston's model, demand on a day with
 *   probability p (the share of days with demand), its size lognormal with the mean and sd of the
 *   non-zero days (rounded to whole units for the likelihood, sizes below 1½ on 1);
 * - **empirical** (k = the distinct values less one): the days' values as they came.
 *
 * The one with the lowest AIC is chosen: more parameters must buy enough likelihood. A history that
 * is not in whole units (kilograms) has no discrete likelihood: it gets the normal, or the
 * intermittent model when at least 30% of its days have no demand.
 */
export type FittedModel = 'poisson' | 'negativeBinomial' | 'normal' | 'intermittent' | 'empirical' | 'constant';

export interface Candidate {
  model: FittedModel;
  distribution: Distribution;
  /** parameters estimated */
  parameters: number;
  logLikelihood: number;
  aic: number;
}

/**
 * Why a model was chosen: the same demand every day (`value`), a history not in whole units (Croston's
 * model when `zeroPercent`% of days have none, else the normal), the lowest AIC (the chosen's and the
 * others', best first), or the only model that applies.
 */
export type FitWhy =
  | { kind: 'constant'; value: number }
  | { kind: 'notWhole'; intermittent: boolean; zeroPercent: number }
  | { kind: 'aic'; aic: number; others: { model: FittedModel; aic: number }[] }
  | { kind: 'only' };

export interface DemandFit {
  chosen: Candidate;
  /** every candidate tried, best first */
  candidates: Candidate[];
  /** why the chosen one, in a sentence */
  reason: string;
  /** the same, as facts (the web words them in the page's language) */
  why: FitWhy;
  mean: number;
  sd: number;
  days: number;
}

/** Fits `sample` (daily demand, ≥ 0, on the days observed). Needs at least one day with demand. */
export function fitDemand(sample: ArrayLike<number>): DemandFit {
  const n = sample.length;
  let sum = 0;
  let zeros = 0;
  let whole = true;
  for (let i = 0; i < n; i++) {
    const x = sample[i];
    sum += x;
    if (x === 0) zeros++;
    if (!Number.isInteger(x)) whole = false;
  }
  if (n === 0 || sum <= 0) throw new RangeError('fitDemand: expected a history with some demand');
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (sample[i] - mean) ** 2;
  const variance = squares / n; // maximum likelihood
  const sd = Math.sqrt(variance);
  const summary = { mean, sd: n > 1 ? Math.sqrt(squares / (n - 1)) : 0, days: n };

  if (variance === 0) {
    const chosen: Candidate = { model: 'constant', distribution: { type: 'constant', value: mean }, parameters: 1, logLikelihood: 0, aic: 2 };
    return { chosen, candidates: [chosen], reason: `the same demand (${round(mean)}) every day`, why: { kind: 'constant', value: mean }, ...summary };
  }
  const positives: number[] = [];
  for (let i = 0; i < n; i++) if (sample[i] > 0) positives.push(sample[i]);

  if (!whole) {
    const useIntermittent = zeros >= 0.3 * n && positives.length >= 2;
    const distribution = useIntermittent ? intermittentOf(positives, n) : ({ type: 'normal', mean, sd } as const);
    const chosen: Candidate = { model: useIntermittent ? 'intermittent' : 'normal', distribution, parameters: useIntermittent ? 3 : 2, logLikelihood: NaN, aic: NaN };
    return {
      chosen,
      candidates: [chosen],
      reason: `the history is not in whole units, so no discrete likelihood compares models: ${useIntermittent ? `${Math.round((100 * zeros) / n)}% of days without demand, so Croston's intermittent model` : 'the normal, with the history\'s mean and sd'}`,
      why: { kind: 'notWhole', intermittent: useIntermittent, zeroPercent: Math.round((100 * zeros) / n) },
      ...summary,
    };
  }

  // the values and how often each came, so each likelihood is a sum over distinct values
  const counts = new Map<number, number>();
  for (let i = 0; i < n; i++) counts.set(sample[i], (counts.get(sample[i]) ?? 0) + 1);
  const values = [...counts.keys()];
  let logFactorials = 0;
  for (const [x, c] of counts) logFactorials += c * logGamma(x + 1);

  const candidates: Candidate[] = [];
  const add = (model: FittedModel, distribution: Distribution, parameters: number, logLikelihood: number) => {
    if (Number.isFinite(logLikelihood)) candidates.push({ model, distribution, parameters, logLikelihood, aic: 2 * parameters - 2 * logLikelihood });
  };

  // Poisson
  add('poisson', { type: 'poisson', mean }, 1, sum * log(mean) - n * mean - logFactorials);

  // negative binomial, when over-dispersed
  if (variance > mean) {
    const logLikelihood = (r: number) => {
      let total = 0;
      for (const [x, c] of counts) total += c * (logGamma(x + r) - logGamma(r));
      return total - logFactorials + n * r * log(r / (r + mean)) + sum * log(mean / (r + mean));
    };
    const r = exp(goldenMaximum((t) => logLikelihood(exp(t)), log(1e-3), log(1e6)));
    add('negativeBinomial', { type: 'negativeBinomial', mean, sd: Math.sqrt(mean + (mean * mean) / r) }, 2, logLikelihood(r));
  }

  // normal, rounded to whole units
  {
    let total = 0;
    for (const [x, c] of counts) {
      const upper = normalCdf((x + 0.5 - mean) / sd);
      const lower = x === 0 ? 0 : normalCdf((x - 0.5 - mean) / sd);
      total += c * log(Math.max(upper - lower, 1e-300));
    }
    add('normal', { type: 'normal', mean, sd }, 2, total);
  }

  // Croston's intermittent model with lognormal sizes
  if (zeros > 0 && positives.length >= 2) {
    const distribution = intermittentOf(positives, n);
    const size = distribution.size as { mean: number; sd: number };
    const p = positives.length / n;
    let total = zeros * log(1 - p) + positives.length * log(p);
    if (size.sd === 0) {
      // every size the same: the likelihood of the sizes is 1
    } else {
      const sigma2 = log1p((size.sd * size.sd) / (size.mean * size.mean));
      const sigma = Math.sqrt(sigma2);
      const mu = log(size.mean) - sigma2 / 2;
      const cdf = (x: number) => (x <= 0 ? 0 : normalCdf((log(x) - mu) / sigma));
      for (const [x, c] of counts) {
        if (x === 0) continue;
        const mass = cdf(x + 0.5) - (x === 1 ? 0 : cdf(x - 0.5));
        total += c * log(Math.max(mass, 1e-300));
      }
    }
    add('intermittent', distribution, 3, total);
  }

  // empirical
  {
    let total = 0;
    for (const c of counts.values()) total += c * log(c / n);
    const sorted = [...values].sort((a, b) => a - b);
    add('empirical', { type: 'empirical', values: sorted, weights: sorted.map((x) => counts.get(x)!) }, Math.max(1, values.length - 1), total);
  }

  candidates.sort((a, b) => a.aic - b.aic);
  const [chosen, next] = candidates;
  const reason = next
    ? `lowest AIC (${round(chosen.aic)}; next ${LABELS[next.model]} ${round(next.aic)}${candidates.length > 2 ? `, ${candidates.slice(2).map((c) => `${LABELS[c.model]} ${round(c.aic)}`).join(', ')}` : ''})`
    : 'the only model that applies';
  const why: FitWhy = next ? { kind: 'aic', aic: chosen.aic, others: candidates.slice(1).map((c) => ({ model: c.model, aic: c.aic })) } : { kind: 'only' };
  return { chosen, candidates, reason, why, ...summary };
}

export const LABELS: Record<FittedModel, string> = {
  poisson: 'Poisson',
  negativeBinomial: 'negative binomial',
  normal: 'normal',
  intermittent: 'intermittent (Croston)',
  empirical: 'empirical',
  constant: 'constant',
};

/** Croston's model with p the share of days with demand and lognormal sizes of the non-zero days' mean and sd. */
function intermittentOf(positives: number[], days: number): Distribution & { type: 'intermittent' } {
  const mean = positives.reduce((a, b) => a + b, 0) / positives.length;
  const sd = Math.sqrt(positives.reduce((a, x) => a + (x - mean) ** 2, 0) / Math.max(1, positives.length - 1));
  return { type: 'intermittent', probability: positives.length / days, size: sd > 0 ? { type: 'lognormal', mean, sd } : { type: 'constant', value: mean } };
}

/** The argument in [low, high] where `f` (unimodal there) is largest, by golden-section search. */
function goldenMaximum(f: (x: number) => number, low: number, high: number): number {
  const ratio = (Math.sqrt(5) - 1) / 2;
  let a = low;
  let b = high;
  let c = b - ratio * (b - a);
  let d = a + ratio * (b - a);
  let fc = f(c);
  let fd = f(d);
  for (let i = 0; i < 80 && b - a > 1e-7; i++) {
    if (fc > fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - ratio * (b - a);
      fc = f(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + ratio * (b - a);
      fd = f(d);
    }
  }
  return (a + b) / 2;
}

function round(x: number): string {
  return x.toLocaleString('en', { maximumFractionDigits: 1 });
}
