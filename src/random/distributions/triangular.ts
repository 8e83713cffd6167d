import type { RandomStream } from '../streams.ts';
import type { Sampler } from './sampler.ts';

/**
 * Triangular on [min, max] with the given mode, by inverse transform: below the mode's share of the
 * probability F(mode) = (mode - min) / (max - min), X = min + sqrt(U (max - min)(mode - min)); above,
 * X = max - sqrt((1 - U)(max - min)(max - mode)). Mean (min + mode + max) / 3, variance
 * (min² + mode² + max² - min mode - min max - mode max) / 18. A. M. Law (2015), Simulation Modeling
 * and Analysis, 5th ed., ch. 6 and 8.
 */
export class TriangularSampler implements Sampler {
  readonly mean: number;
  readonly variance: number;
  readonly isInteger = false;
  private readonly modeProbability: number;
  private readonly lowerScale: number;
  private readonly upperScale: number;

  constructor(
    private readonly min: number,
    mode: number,
    private readonly max: number,
    private readonly stream: RandomStream,
  ) {
    if (!(min <= mode && mode <= max && min < max)) {
      throw new RangeError(`triangular: expected min <= mode <= max and min < max, got ${min}, ${mode}, ${max}`);
    }
    const width = max - min;
    this.modeProbability = (mode - min) / width;
    this.lowerScale = width * (mode - min);
    this.upperScale = width * (max - mode);
    this.mean = (min + mode + max) / 3;
    this.variance = (min * min + mode * mode + max * max - min * mode - min * max - mode * max) / 18;
  }

  sample(): number {
    const u = this.stream();
    return u < this.modeProbability
      ? this.min + Math.sqrt(u * this.lowerScale)
      : this.max - Math.sqrt((1 - u) * this.upperScale);
  }
}
