/**
 * The standard normal distribution function and its inverse, for confidence intervals and for drawing
 * from a truncated normal by inversion.
 */

import { exp, log } from './libm.ts';

/** terms of the continued fraction for the tail: enough for double precision from |x| = 4 on */
const TAIL_FRACTION_TERMS = 30;

// Hart's algorithm 5666, lowest degree first
const HART_NUMERATOR = [
  220.206867912376, 221.213596169931, 112.079291497871, 33.912866078383, 6.37396220353165, 0.700383064443688,
  0.0352624965998911,
];
const HART_DENOMINATOR = [
  440.413735824752, 793.826512519948, 637.333633378831, 296.564248779674, 86.7807322029461, 16.064177579207,
  1.75566716318264, 0.0883883476483184,
];

// AS 241 (PPND16), lowest degree first, as printed in the paper
const CENTRAL_NUMERATOR = [
  3.387132872796366608, 133.14166789178437745, 1971.5909503065514427, 13731.693765509461125,
  45921.953931549871457, 67265.770927008700853, 33430.575583588128105, 2509.0809287301226727,
];
const CENTRAL_DENOMINATOR = [
  1, 42.313330701600911252, 687.1870074920579083, 5394.1960214247511077, 21213.794301586595867,
  39307.89580009271061, 28729.085735721942674, 5226.495278852854561,
];
const NEAR_NUMERATOR = [
  1.42343711074968357734, 4.6303378461565452959, 5.7694972214606914055, 3.64784832476320460504,
  1.27045825245236838258, 0.24178072517745061177, 0.0227238449892691845833, 7.7454501427834140764e-4,
];
const NEAR_DENOMINATOR = [
  1, 2.05319162663775882187, 1.6763848301838038494, 0.68976733498510000455, 0.14810397642748007459,
  0.0151986665636164571966, 5.475938084995344946e-4, 1.05075007164441684324e-9,
];
const FAR_NUMERATOR = [
  6.6579046435011037772, 5.4637849111641143699, 1.7848265399172913358, 0.29656057182850489123,
  0.026532189526576123093, 0.0012426609473880784386, 2.71155556874348757815e-5, 2.01033439929228813265e-7,
];
const FAR_DENOMINATOR = [
  1, 0.59983220655588793769, 0.13692988092273580531, 0.0148753612908506148525, 7.868691311456132591e-4,
  1.8463183175100546818e-5, 1.4215117583164458887e-7, 2.04426310338993978564e-15,
];

/** Horner's rule; coefficients lowest degree first. */
function polynomial(coefficients: readonly number[], x: number): number {
  let value = 0;
  for (let i = coefficients.length - 1; i >= 0; i--) value = value * x + coefficients[i];
  return value;
}

/**
 * Φ(x), the standard normal distribution function. It keeps its relative precision in the lower tail
 * (relative error below 3e-13), so `normalCdf(-x)` is a good upper-tail probability even where
 * `1 - normalCdf(x)` rounds to 0.
 *
 * For |x| < 4, Hart's double precision algorithm 5666 (Hart et al. 1968, Computer Approximations,
 * Wiley) as given by G. West (2005), "Better approximations to cumulative normal functions", Wilmott
 * Magazine, 70–76: the density times a rational function. Beyond, where that rational function loses
 * relative accuracy (5e-10 at x = -6), Laplace's continued fraction (Abramowitz & Stegun 26.2.14),
 * whose 30 terms converge to double precision for |x| >= 4. Errors measured against mpmath;
 * test/metrics/normal.test.ts pins values from scipy.
 *
 * @example normalCdf(1.959963984540054) // 0.975
 */
export function normalCdf(x: number): number {
  const z = Math.abs(x);
  let tail: number; // Φ(-|x|)
  if (z < 4) {
    tail = (exp(-0.5 * z * z) * polynomial(HART_NUMERATOR, z)) / polynomial(HART_DENOMINATOR, z);
  } else {
    // z + 1/(z + 2/(z + 3/(z + ...))), evaluated from its last term
    let fraction = z;
    for (let k = TAIL_FRACTION_TERMS; k >= 1; k--) fraction = z + k / fraction;
    tail = normalDensity(z) / fraction;
  }
  return x > 0 ? 1 - tail : tail;
}

/** The standard normal density φ(x). */
export function normalDensity(x: number): number {
  return exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
}

/**
 * Φ⁻¹(p), the standard normal quantile, accurate to about 1 part in 1e16.
 *
 * M. J. Wichura (1988), "Algorithm AS 241: The percentage points of the normal distribution",
 * Applied Statistics 37(3), 477–484 (PPND16): rational functions of q = p - 0.5 near the centre and of
 * r = sqrt(-ln(min(p, 1 - p))) in the tails. Returns -Infinity at 0 and Infinity at 1.
 *
 * @example normalQuantile(0.975) // 1.959963984540054
 */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`normalQuantile: expected a probability in [0, 1], got ${p}`);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * polynomial(CENTRAL_NUMERATOR, r)) / polynomial(CENTRAL_DENOMINATOR, r);
  }
  const r = Math.sqrt(-log(q < 0 ? p : 1 - p));
  const z =
    r <= 5
      ? polynomial(NEAR_NUMERATOR, r - 1.6) / polynomial(NEAR_DENOMINATOR, r - 1.6)
      : polynomial(FAR_NUMERATOR, r - 5) / polynomial(FAR_DENOMINATOR, r - 5);
  return q < 0 ? -z : z;
}

/**
 * The standard normal first-order loss function G(z) = E[(Z - z)+] = phi(z) - z (1 - Phi(z)), the
 * expected shortage per unit of sd beyond z (Silver, Pyke & Thomas, *Inventory and Production
 * Management in Supply Chains*, 4th ed., 2017, appendix III; Zipkin 2000, appendix C).
 */
export function normalLoss(z: number): number {
  return normalDensity(z) - z * (1 - normalCdf(z));
}
