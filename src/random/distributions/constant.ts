import type { Sampler } from './sampler.ts';

/** Always the same value: a fixed lead time, a fixed order size. Draws nothing from its stream. */
export class ConstantSampler implements Sampler {
  readonly variance = 0;
  readonly isInteger: boolean;

  constructor(readonly mean: number) {
    if (!Number.isFinite(mean)) throw new RangeError(`constant: expected a finite value, got ${mean}`);
    this.isInteger = Number.isInteger(mean);
  }

  sample(): number {
    return this.mean;
  }
}
