import type { Distribution } from '../../scenario/schema.ts';
import type { RandomStream } from '../streams.ts';
import { ConstantSampler } from './constant.ts';
import { DiscreteUniformSampler } from './discreteUniform.ts';
import { EmpiricalSampler } from './empirical.ts';
import { ExponentialSampler } from './exponential.ts';
import { GammaSampler } from './gamma.ts';
import { IntermittentSampler } from './intermittent.ts';
import { LognormalSampler } from './lognormal.ts';
import { NegativeBinomialSampler } from './negativeBinomial.ts';
import { NonNegativeNormalSampler, NormalSampler } from './normal.ts';
import { PoissonSampler } from './poisson.ts';
import { TriangularSampler } from './triangular.ts';
import { UniformSampler } from './uniform.ts';

/**
 * Draws from one distribution. Samplers are classes with numeric fields and allocate nothing per draw;
 * `mean` and `variance` are exact (those of the truncated variable for a non-negative normal), for
 * planning formulas and for checking simulated output against theory.
 */
export interface Sampler {
  sample(): number;
  readonly mean: number;
  readonly variance: number;
  /** every draw is a whole number */
  readonly isInteger: boolean;
}

export interface SamplerOptions {
  /**
   * The quantity cannot be negative (demand, lead time). A normal is then truncated at zero; a
   * distribution that can otherwise draw negative values is an error.
   */
  nonNegative?: boolean;
}

/** The sampler for a scenario distribution, drawing from `stream`. Creating it draws nothing. */
export function createSampler(spec: Distribution, stream: RandomStream, options: SamplerOptions = {}): Sampler {
  const nonNegative = options.nonNegative === true;
  switch (spec.type) {
    case 'constant':
      if (nonNegative) requireNonNegative(spec, spec.value);
      return new ConstantSampler(spec.value);
    case 'uniform':
      if (nonNegative) requireNonNegative(spec, spec.min);
      return new UniformSampler(spec.min, spec.max, stream);
    case 'discreteUniform':
      if (nonNegative) requireNonNegative(spec, spec.min);
      return new DiscreteUniformSampler(spec.min, spec.max, stream);
    case 'normal':
      return nonNegative ? new NonNegativeNormalSampler(spec.mean, spec.sd, stream) : new NormalSampler(spec.mean, spec.sd, stream);
    case 'lognormal':
      return new LognormalSampler(spec.mean, spec.sd, stream);
    case 'gamma':
      return new GammaSampler(spec.mean, spec.sd, stream);
    case 'poisson':
      return new PoissonSampler(spec.mean, stream);
    case 'exponential':
      return ExponentialSampler.withMean(spec.mean, stream);
    case 'negativeBinomial':
      return new NegativeBinomialSampler(spec.mean, spec.sd, stream);
    case 'triangular':
      if (nonNegative) requireNonNegative(spec, spec.min);
      return new TriangularSampler(spec.min, spec.mode, spec.max, stream);
    case 'empirical': {
      const sampler = new EmpiricalSampler(spec.values, spec.weights, stream);
      if (nonNegative) requireNonNegative(spec, sampler.min);
      return sampler;
    }
    case 'intermittent':
      return new IntermittentSampler(spec.probability, createSampler(spec.size, stream, options), stream);
    default:
      throw new Error(`unknown distribution type "${(spec satisfies never as { type: string }).type}"`);
  }
}

/** The mean of a scenario distribution (of the truncated variable when a normal is made non-negative). */
export function distributionMean(spec: Distribution, options?: SamplerOptions): number {
  return createSampler(spec, noDraws, options).mean;
}

/** The variance of a scenario distribution (of the truncated variable when a normal is made non-negative). */
export function distributionVariance(spec: Distribution, options?: SamplerOptions): number {
  return createSampler(spec, noDraws, options).variance;
}

/** Moments come from the parameters; a sampler that drew while being created would be a bug. */
function noDraws(): number {
  throw new Error('a sampler drew a random number while being created');
}

function requireNonNegative(spec: Distribution, lowest: number): void {
  if (lowest < 0) {
    throw new Error(
      `${spec.type} distribution can draw negative values (down to ${lowest}), but this quantity cannot be negative`,
    );
  }
}
