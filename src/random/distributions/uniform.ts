import type { RandomStream } from '../streams.ts';
import type { Sampler } from './sampler.ts';

/**
 * Continuous uniform on [min, max), by inverse transform: min + (max - min) U.
 * A. M. Law (2015), Simulation Modeling and Analysis, 5th ed., ch. 8 (moments: ch. 6).
 */
export class UniformSampler implements Sampler {
  readonly mean: number;
  readonly variance: number;
  readonly isInteger = false;
  private readonly width: number;

  constructor(
    private readonly min: number,
    max: number,
    private readonly stream: RandomStream,
  ) {
    if (!(max > min)) throw new RangeError(`uniform: expected max > min, got min ${min}, max ${max}`);
    this.width = max - min;
    this.mean = (min + max) / 2;
    this.variance = (this.width * this.width) / 12;
  }

  sample(): number {
    return this.min + this.width * this.stream();
  }
}
