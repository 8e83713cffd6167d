import type { RandomStream } from '../streams.ts';
import type { Sampler } from './sampler.ts';
import { exp, log } from '../../math/libm.ts';

/** Below this mean, inversion (its cost grows with the mean); from it on, PTRS (constant cost). */
const TRANSFORMED_REJECTION_FROM = 30;

/** ln k! for k < 10; the Stirling series takes over from 10 */
const LOG_FACTORIAL = [
  0, 0, 0.6931471805599453, 1.791759469228055, 3.1780538303479458, 4.787491742782046, 6.579251212010101,
  8.525161361065415, 10.60460290274525, 12.801827480081469,
];

/**
 * ln k! for a whole k >= 0: a table below 10, then Stirling's series to the 1/k⁵ term (Abramowitz &
 * Stegun 6.1.41), whose error is below 1e-10 from k = 10.
 */
function logFactorial(k: number): number {
  if (k < 10) return LOG_FACTORIAL[k];
  const inverse = 1 / k;
  const inverseSquared = inverse * inverse;
  return (
    (k + 0.5) * log(k) - k + 0.5 * log(2 * Math.PI) +
    inverse * (1 / 12 - inverseSquared * (1 / 360 - inverseSquared / 1260))
  );
}

/**
 * Poisson with the given mean (>= 0; mean 0 always gives 0).
 *
 * - mean < 30: inversion by sequential search, one uniform per draw, summing the probabilities
 *   p(k) = p(k - 1) mean / k from p(0) = exp(-mean) until they pass U (L. Devroye (1986), Non-Uniform
 *   Random Variate Generation, ch. III and X). One uniform per draw, monotone in U.
 * - mean >= 30: PTRS, W. Hörmann (1993), "The transformed rejection method for generating Poisson
 *   random variables", Insurance: Mathematics and Economics 12(1), 39–45 (constants as printed there).
 *
 * `setMean` re-parameterises the sampler in place, so the negative binomial can draw a new mean for
 * every value without allocating.
 */
export class PoissonSampler implements Sampler {
  readonly isInteger = true;
  private currentMean = 0;
  private probabilityOfZero = 1;
  // PTRS constants
  private logMean = 0;
  private a = 0;
  private b = 0;
  private logInverseAlpha = 0;
  private vR = 0;

  constructor(
    mean: number,
    private readonly stream: RandomStream,
  ) {
    if (!(mean >= 0 && mean < Infinity)) throw new RangeError(`poisson: expected a mean >= 0, got ${mean}`);
    this.setMean(mean);
  }

  get mean(): number {
    return this.currentMean;
  }

  get variance(): number {
    return this.currentMean;
  }

  setMean(mean: number): void {
    this.currentMean = mean;
    if (mean < TRANSFORMED_REJECTION_FROM) {
      this.probabilityOfZero = exp(-mean);
      return;
    }
    this.logMean = log(mean);
    this.b = 0.931 + 2.53 * Math.sqrt(mean);
    this.a = -0.059 + 0.02483 * this.b;
    this.logInverseAlpha = log(1.1239 + 1.1328 / (this.b - 3.4));
    this.vR = 0.9277 - 3.6224 / (this.b - 2);
  }

  sample(): number {
    return this.currentMean < TRANSFORMED_REJECTION_FROM ? this.byInversion() : this.byTransformedRejection();
  }

  private byInversion(): number {
    const u = this.stream();
    let k = 0;
    let probability = this.probabilityOfZero;
    let cumulative = probability;
    while (u >= cumulative) {
      k++;
      probability *= this.currentMean / k;
      const next = cumulative + probability;
      // In rounding, the sum can stop just short of 1 above U; the remaining mass is below 1e-16.
      if (next === cumulative) break;
      cumulative = next;
    }
    return k;
  }

  private byTransformedRejection(): number {
    const mean = this.currentMean;
    for (;;) {
      const u = this.stream() - 0.5;
      const v = this.stream();
      const us = 0.5 - Math.abs(u);
      const k = Math.floor(((2 * this.a) / us + this.b) * u + mean + 0.43);
      if (us >= 0.07 && v <= this.vR) return k;
      if (k < 0 || (us < 0.013 && v > us)) continue;
      const logHat = log(v) + this.logInverseAlpha - log(this.a / (us * us) + this.b);
      if (logHat <= -mean + k * this.logMean - logFactorial(k)) return k;
    }
  }
}
