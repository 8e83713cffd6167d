import type { RandomStream } from '../streams.ts';
import type { Sampler } from './sampler.ts';

/**
 * One of the listed values, with probability proportional to its weight (equal weights when none are
 * given), such as observed order sizes. Inversion for a discrete distribution: the first value whose
 * cumulative weight exceeds U times the total, found by binary search (L. Devroye (1986),
 * Non-Uniform Random Variate Generation, ch. III). Values of weight 0 are never drawn.
 */
export class EmpiricalSampler implements Sampler {
  readonly mean: number;
  readonly variance: number;
  readonly isInteger: boolean;
  /** the smallest value that can be drawn (positive weight) */
  readonly min: number;
  private readonly values: Float64Array;
  private readonly cumulative: Float64Array;
  private readonly total: number;
  /** the search never goes past the last value of positive weight, even if U * total rounds up */
  private readonly lastDrawable: number;

  constructor(
    values: readonly number[],
    weights: readonly number[] | undefined,
    private readonly stream: RandomStream,
  ) {
    if (values.length === 0) throw new RangeError('empirical: expected at least one value');
    if (weights !== undefined && weights.length !== values.length) {
      throw new RangeError(`empirical: expected as many weights as values, got ${weights.length} weights for ${values.length} values`);
    }
    this.values = Float64Array.from(values);
    this.cumulative = new Float64Array(values.length);
    let total = 0;
    let lastDrawable = -1;
    for (let i = 0; i < values.length; i++) {
      const weight = weights === undefined ? 1 : weights[i];
      if (!(weight >= 0 && weight < Infinity)) throw new RangeError(`empirical: expected weights >= 0, got ${weight} at index ${i}`);
      if (weight > 0) lastDrawable = i;
      total += weight;
      this.cumulative[i] = total;
    }
    if (lastDrawable < 0) throw new RangeError('empirical: expected at least one positive weight');
    this.total = total;
    this.lastDrawable = lastDrawable;

    let mean = 0;
    let min = Infinity;
    let isInteger = true;
    for (let i = 0; i < values.length; i++) {
      const weight = weights === undefined ? 1 : weights[i];
      if (weight === 0) continue;
      mean += (weight / total) * values[i];
      min = Math.min(min, values[i]);
      isInteger &&= Number.isInteger(values[i]);
    }
    let variance = 0;
    for (let i = 0; i < values.length; i++) {
      const weight = weights === undefined ? 1 : weights[i];
      variance += (weight / total) * (values[i] - mean) ** 2;
    }
    this.mean = mean;
    this.variance = variance;
    this.min = min;
    this.isInteger = isInteger;
  }

  sample(): number {
    const target = this.stream() * this.total;
    let low = 0;
    let high = this.lastDrawable;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.cumulative[middle] > target) high = middle;
      else low = middle + 1;
    }
    return this.values[low];
  }
}
