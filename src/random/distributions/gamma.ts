import type { RandomStream } from '../streams.ts';
import { StandardNormal } from './normal.ts';
import type { Sampler } from './sampler.ts';
import { log, pow } from '../../math/libm.ts';

/**
 * Gamma given its mean and sd: shape k = mean² / sd², scale θ = sd² / mean.
 *
 * G. Marsaglia and W. W. Tsang (2000), "A simple method for generating gamma variables", ACM
 * Transactions on Mathematical Software 26(3), 363–372: for k >= 1, with d = k - 1/3 and
 * c = 1 / sqrt(9d), accept d (1 + cZ)³ by a squeeze, then a log test. For k < 1, the same paper's
 * boost: Gamma(k) = Gamma(k + 1) U^(1/k).
 */
export class GammaSampler implements Sampler {
  readonly variance: number;
  readonly isInteger = false;
  private readonly scale: number;
  private readonly d: number;
  private readonly c: number;
  /** 1 / shape when the shape is below 1 (boost), otherwise 0 */
  private readonly boostExponent: number;
  private readonly normal: StandardNormal;

  constructor(
    readonly mean: number,
    sd: number,
    private readonly stream: RandomStream,
  ) {
    if (!(mean > 0 && mean < Infinity) || !(sd > 0 && sd < Infinity)) {
      throw new RangeError(`gamma: expected mean > 0 and sd > 0, got mean ${mean}, sd ${sd}`);
    }
    const shape = (mean * mean) / (sd * sd);
    this.scale = (sd * sd) / mean;
    this.variance = sd * sd;
    this.boostExponent = shape < 1 ? 1 / shape : 0;
    this.d = (shape < 1 ? shape + 1 : shape) - 1 / 3;
    this.c = 1 / Math.sqrt(9 * this.d);
    this.normal = new StandardNormal(stream);
  }

  sample(): number {
    let value = this.scale * this.standardGamma();
    // 1 - U lies in (0, 1], so the boost never turns a draw into exactly 0 by itself.
    if (this.boostExponent !== 0) value *= pow(1 - this.stream(), this.boostExponent);
    return value;
  }

  /** A Gamma(d + 1/3, 1) draw. */
  private standardGamma(): number {
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = this.normal.next();
        v = 1 + this.c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = this.stream();
      const xSquared = x * x;
      if (u < 1 - 0.0331 * xSquared * xSquared) return this.d * v;
      if (log(u) < 0.5 * xSquared + this.d * (1 - v + log(v))) return this.d * v;
    }
  }
}
