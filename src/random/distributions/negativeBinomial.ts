import type { RandomStream } from '../streams.ts';
import { GammaSampler } from './gamma.ts';
import { PoissonSampler } from './poisson.ts';
import type { Sampler } from './sampler.ts';

/**
 * Negative binomial given its mean and sd (sd² > mean): over-dispersed counts, such as demand that is
 * burstier than Poisson.
 *
 * Drawn as a gamma–Poisson mixture (L. Devroye (1986), Non-Uniform Random Variate Generation, ch. X):
 * a Poisson whose mean Λ is itself gamma distributed with shape r = mean² / (sd² - mean). By the law of
 * total variance, Var[X] = E[Λ] + Var[Λ], so Λ has mean `mean` and variance sd² - mean.
 */
export class NegativeBinomialSampler implements Sampler {
  readonly variance: number;
  readonly isInteger = true;
  private readonly rate: GammaSampler;
  private readonly count: PoissonSampler;

  constructor(
    readonly mean: number,
    sd: number,
    stream: RandomStream,
  ) {
    if (!(mean > 0 && mean < Infinity) || !(sd * sd > mean && sd < Infinity)) {
      throw new RangeError(`negativeBinomial: expected mean > 0 and sd² > mean, got mean ${mean}, sd ${sd}`);
    }
    this.variance = sd * sd;
    this.rate = new GammaSampler(mean, Math.sqrt(sd * sd - mean), stream);
    this.count = new PoissonSampler(mean, stream);
  }

  sample(): number {
    this.count.setMean(this.rate.sample());
    return this.count.sample();
  }
}
