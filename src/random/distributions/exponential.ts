import type { RandomStream } from '../streams.ts';
import type { Sampler } from './sampler.ts';
import { exponentialGap } from '../../math/libm.ts';

/**
 * Exponential with the given rate (events per time unit): the gaps of a Poisson process, used for
 * interarrival times. Inverse transform X = -ln(1 - U) / rate; 1 - U lies in (0, 1], so X is finite.
 * A. M. Law (2015), Simulation Modeling and Analysis, 5th ed., ch. 8.
 */
export class ExponentialSampler implements Sampler {
  readonly mean: number;
  readonly variance: number;
  readonly isInteger = false;

  constructor(
    readonly rate: number,
    private readonly stream: RandomStream,
  ) {
    if (!(rate > 0 && rate < Infinity)) throw new RangeError(`exponential: expected a rate > 0, got ${rate}`);
    this.mean = 1 / rate;
    this.variance = this.mean * this.mean;
  }

  /** The exponential with the given mean (time units between events). */
  static withMean(mean: number, stream: RandomStream): ExponentialSampler {
    if (!(mean > 0 && mean < Infinity)) throw new RangeError(`exponential: expected a mean > 0, got ${mean}`);
    return new ExponentialSampler(1 / mean, stream);
  }

  sample(): number {
    return exponentialGap(this.stream()) * this.mean;
  }
}
