import { normalCdf, normalDensity, normalQuantile } from '../../math/normal.ts';
import type { RandomStream } from '../streams.ts';
import type { Sampler } from './sampler.ts';
import { log } from '../../math/libm.ts';

/**
 * Standard normal deviates by Marsaglia's polar method: G. Marsaglia and T. A. Bray (1964), "A convenient
 * method for generating normal variables", SIAM Review 6(3), 260–264. Each accepted point of the unit
 * disc gives two independent deviates; the second is kept in a field (not a closure variable, which V8
 * would box) and returned by the next call.
 */
export class StandardNormal {
  private spare = 0;
  private hasSpare = false;

  constructor(private readonly stream: RandomStream) {}

  next(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * this.stream() - 1;
      v = 2 * this.stream() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const factor = Math.sqrt((-2 * log(s)) / s);
    this.spare = v * factor;
    this.hasSpare = true;
    return u * factor;
  }
}

/** Normal with the given mean and standard deviation (see StandardNormal for the method). */
export class NormalSampler implements Sampler {
  readonly variance: number;
  readonly isInteger = false;
  private readonly normal: StandardNormal;

  constructor(
    readonly mean: number,
    private readonly sd: number,
    stream: RandomStream,
  ) {
    if (!Number.isFinite(mean) || !(sd >= 0 && sd < Infinity)) {
      throw new RangeError(`normal: expected a finite mean and sd >= 0, got mean ${mean}, sd ${sd}`);
    }
    this.variance = sd * sd;
    this.normal = new StandardNormal(stream);
  }

  sample(): number {
    return this.mean + this.sd * this.normal.next();
  }
}

/**
 * A normal(location, scale) conditioned on being >= 0, for quantities that cannot be negative (demand,
 * lead times) but that a planner describes by a mean and sd.
 *
 * `mean` and `variance` are those of the truncated variable, not the parameters: with α = -location /
 * scale and λ = φ(α) / (1 - Φ(α)) (the inverse Mills ratio), mean = location + scale λ and
 * variance = scale² (1 + α λ - λ²) (N. L. Johnson, S. Kotz and N. Balakrishnan (1994), Continuous
 * Univariate Distributions, vol. 1, 2nd ed., ch. 13, truncated normal).
 *
 * Drawing: while location >= 0, at least half of the normal draws are kept, so negatives are simply
 * drawn again (rejection; when negatives are rare the draws are those of the untruncated normal).
 * Below that, rejection would need 1 / P(X >= 0) draws per value (740 at location = -3 scale), so the
 * value is drawn by inversion on the kept range: X = location - scale Φ⁻¹(P(X >= 0) (1 - U)), one
 * uniform per value at any truncation (L. Devroye (1986), Non-Uniform Random Variate Generation,
 * ch. II, inversion).
 */
export class NonNegativeNormalSampler implements Sampler {
  readonly mean: number;
  readonly variance: number;
  readonly isInteger = false;
  /** P(X >= 0) before truncation, computed as a lower tail so it keeps its precision when tiny */
  private readonly keptProbability: number;
  private readonly byInversion: boolean;
  private readonly normal: StandardNormal;

  constructor(
    private readonly location: number,
    private readonly scale: number,
    private readonly stream: RandomStream,
  ) {
    if (!Number.isFinite(location) || !(scale >= 0 && scale < Infinity)) {
      throw new RangeError(`normal: expected a finite mean and sd >= 0, got mean ${location}, sd ${scale}`);
    }
    this.normal = new StandardNormal(stream);
    if (scale === 0) {
      if (location < 0) throw new Error(`normal(mean ${location}, sd 0) is always negative, but this quantity cannot be negative`);
      this.keptProbability = 1;
      this.byInversion = false;
      this.mean = location;
      this.variance = 0;
      return;
    }
    this.keptProbability = normalCdf(location / scale);
    if (this.keptProbability === 0) {
      throw new Error(
        `normal(mean ${location}, sd ${scale}) truncated at zero: the mean is ${-location / scale} sd below zero, ` +
          'so essentially no value is >= 0; describe this quantity with a distribution of non-negative values',
      );
    }
    const alpha = -location / scale;
    const lambda = normalDensity(alpha) / this.keptProbability;
    this.byInversion = location < 0;
    if (lambda === 0) {
      // zero lies so many sd below the mean (a tiny sd: 1e-300) that φ(α) underflows: the truncation
      // changes nothing, and α λ would be -∞ × 0 = NaN
      this.mean = location;
      this.variance = scale * scale;
      return;
    }
    this.mean = location + scale * lambda;
    this.variance = Math.max(0, scale * scale * (1 + alpha * lambda - lambda * lambda));
  }

  sample(): number {
    if (this.byInversion) {
      // Rounding could leave the smallest values a hair below zero.
      return Math.max(0, this.location - this.scale * normalQuantile(this.keptProbability * (1 - this.stream())));
    }
    let x: number;
    do x = this.location + this.scale * this.normal.next();
    while (x < 0);
    return x;
  }
}
