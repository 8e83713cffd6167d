import type { RandomStream } from '../streams.ts';
import { log, log1p } from '../../math/libm.ts';

/**
 * Below this many expected rare outcomes (trials × the rarer of p and 1 - p), binomial counts them
 * one by one by geometric skipping; from it on, by transformed rejection (BTRS), whose cost does not
 * grow with the trials. The gallery's draws never come near it (at most 0.4 expected), so ordinary
 * scenarios draw exactly as before.
 */
export const SKIPPING_LIMIT = 100;

/**
 * How many of `trials` independent events of probability `p` happen: units damaged on a shelf today,
 * units of a sale that come back. `trials` is a whole number >= 0.
 *
 * - Up to SKIPPING_LIMIT expected rare outcomes: by geometric skipping (Devroye, Non-Uniform Random
 *   Variate Generation, 1986, X.4.3): the gaps between successes are geometric, so the cost is one
 *   draw per success plus one, where the rarer outcome is counted (p above one half counts the
 *   failures).
 * - Beyond: by BTRS, transformed rejection with squeeze (W. Hörmann, "The generation of binomial
 *   random variates", J. Statist. Comput. Simul. 46, 1993, 101-110; valid for trials × p >= 10),
 *   exact, about 1.15 pairs of uniforms a draw on average whatever the trials (10^10 units on a shelf
 *   cost as little as 100).
 */
export function binomial(trials: number, p: number, stream: RandomStream): number {
  if (trials <= 0 || p <= 0) return 0;
  if (p >= 1) return trials;
  const rare = p <= 0.5 ? p : 1 - p;
  if (trials * rare >= SKIPPING_LIMIT) {
    const count = transformedRejection(trials, rare, stream);
    return p <= 0.5 ? count : trials - count;
  }
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

/** Hörmann's BTRS for p <= 1/2 and trials × p >= 10 (the constants are his, section 3). */
function transformedRejection(n: number, p: number, stream: RandomStream): number {
  const q = 1 - p;
  const spq = Math.sqrt(n * p * q);
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const vr = 0.92 - 4.2 / b;
  const r = p / q;
  const alpha = (2.83 + 5.1 / b) * spq;
  const m = Math.floor((n + 1) * p);
  // the log of the mode's probability, up to terms that cancel in the comparison below
  const modeTerm = (m + 0.5) * log((m + 1) / (r * (n - m + 1))) + stirlingTail(m) + stirlingTail(n - m);
  for (;;) {
    const u = stream() - 0.5;
    let v = stream();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + c);
    if (k < 0 || k > n) continue;
    // the squeeze: accepted without a logarithm about 86% of the time
    if (us >= 0.07 && v <= vr) return k;
    v = log((v * alpha) / (a / (us * us) + b));
    const bound = modeTerm + (n + 1) * log((n - m + 1) / (n - k + 1)) + (k + 0.5) * log((r * (n - k + 1)) / (k + 1)) - stirlingTail(k) - stirlingTail(n - k);
    if (v <= bound) return k;
  }
}

/** log(k!) - [(k + 1/2) log(k + 1) - (k + 1) + log(2π)/2]: exact below 10, Stirling's series above. */
const STIRLING_TAILS = [
  0.08106146679532733, 0.04134069595540946, 0.027677925684997717, 0.02079067210376584, 0.01664469118982126, 0.013876128823072875, 0.011896709945893313,
  0.010411265261973668, 0.00925546218270945, 0.008330563433359472,
];
function stirlingTail(k: number): number {
  if (k <= 9) return STIRLING_TAILS[k];
  const next = k + 1;
  const square = next * next;
  return (1 / 12 - (1 / 360 - 1 / 1260 / square) / square) / next;
}
