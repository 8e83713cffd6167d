import type { RandomStream } from '../streams.ts';
import { StandardNormal } from './normal.ts';
import type { Sampler } from './sampler.ts';
import { exp, log, log1p } from '../../math/libm.ts';

/**
 * Lognormal given the mean and sd of the variable itself (not of its logarithm), as planners quote
 * lead times. X = exp(μ + σ Z) with σ² = ln(1 + sd² / mean²) and μ = ln(mean) - σ² / 2, so that
 * E[X] = exp(μ + σ² / 2) = mean and Var[X] = mean² (exp(σ²) - 1) = sd² (N. L. Johnson, S. Kotz and
 * N. Balakrishnan (1994), Continuous Univariate Distributions, vol. 1, 2nd ed., ch. 14).
 */
export class LognormalSampler implements Sampler {
  readonly variance: number;
  readonly isInteger = false;
  private readonly logLocation: number;
  private readonly logScale: number;
  private readonly normal: StandardNormal;

  constructor(
    readonly mean: number,
    sd: number,
    stream: RandomStream,
  ) {
    if (!(mean > 0 && mean < Infinity) || !(sd >= 0 && sd < Infinity)) {
      throw new RangeError(`lognormal: expected mean > 0 and sd >= 0, got mean ${mean}, sd ${sd}`);
    }
    const logVariance = log1p((sd * sd) / (mean * mean));
    this.logScale = Math.sqrt(logVariance);
    this.logLocation = log(mean) - logVariance / 2;
    this.variance = sd * sd;
    this.normal = new StandardNormal(stream);
  }

  sample(): number {
    return exp(this.logLocation + this.logScale * this.normal.next());
  }
}
