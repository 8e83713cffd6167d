import type { RandomStream } from '../streams.ts';
import type { Sampler } from './sampler.ts';

/**
 * Croston's model of intermittent demand: each draw is 0 with probability 1 - p, else a draw of the
 * size distribution (J. D. Croston (1972), "Forecasting and stock control for intermittent demands",
 * Operational Research Quarterly 23(3), 289-303). With S the size, E[X] = p E[S] and
 * Var[X] = p E[S²] - (p E[S])² = p Var[S] + p (1 - p) E[S]².
 *
 * The occurrence is decided by one uniform draw from the stream, then the size from the same stream,
 * so a day without demand uses one number and a day with demand one more than its size needs.
 */
export class IntermittentSampler implements Sampler {
  readonly mean: number;
  readonly variance: number;
  readonly isInteger: boolean;

  constructor(
    private readonly probability: number,
    private readonly size: Sampler,
    private readonly stream: RandomStream,
  ) {
    if (!(probability > 0 && probability <= 1)) throw new RangeError(`intermittent: expected a probability in (0, 1], got ${probability}`);
    this.mean = probability * size.mean;
    this.variance = probability * size.variance + probability * (1 - probability) * size.mean * size.mean;
    this.isInteger = size.isInteger;
  }

  sample(): number {
    return this.stream() < this.probability ? this.size.sample() : 0;
  }
}
