import type { RandomStream } from '../streams.ts';
import { log, log1p } from '../../math/libm.ts';

/**
 * How many of `trials` independent events of probability `p` happen: units damaged on a shelf today,
 * units of a sale that come back. By geometric skipping (Devroye, Non-Uniform Random Variate
 * Generation, 1986, X.4.3): the gaps between successes are geometric, so the cost is one draw per
 * success plus one, where the rarer outcome is counted (p above one half counts the failures).
 * `trials` is a whole number >= 0.
 */
export function binomial(trials: number, p: number, stream: RandomStream): number {
  if (trials <= 0 || p <= 0) return 0;
  if (p >= 1) return trials;
  const rare = p <= 0.5 ? p : 1 - p;
  const logMiss = log1p(-rare);
  let count = 0;
  // position of the next rare outcome among the trials (0-based); 1 - u is in (0, 1]
  let position = Math.floor(log(1 - stream()) / logMiss);
  while (position < trials) {
    count++;
    position += 1 + Math.floor(log(1 - stream()) / logMiss);
  }
  return p <= 0.5 ? count : trials - count;
}
