import type { RandomStream } from '../streams.ts';
import type { Sampler } from './sampler.ts';

/**
 * Each whole number from min to max (both included) equally likely, by inverse transform:
 * min + floor((max - min + 1) U). A. M. Law (2015), Simulation Modeling and Analysis, 5th ed., ch. 8.
 * With N = max - min + 1 values, the variance is (N^2 - 1) / 12.
 */
export class DiscreteUniformSampler implements Sampler {
  readonly mean: number;
  readonly variance: number;
  readonly isInteger = true;
  private readonly valueCount: number;

  constructor(
    private readonly min: number,
    max: number,
    private readonly stream: RandomStream,
  ) {
    if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) {
      throw new RangeError(`discreteUniform: expected whole numbers with max >= min, got min ${min}, max ${max}`);
    }
    this.valueCount = max - min + 1;
    this.mean = (min + max) / 2;
    this.variance = (this.valueCount * this.valueCount - 1) / 12;
  }

  sample(): number {
    return this.min + Math.floor(this.valueCount * this.stream());
  }
}
