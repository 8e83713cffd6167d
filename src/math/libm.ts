/**
 * The elementary functions the engine uses, computed the same way on every JavaScript engine.
 *
 * Why: ECMAScript leaves Math.log, Math.exp, Math.pow, Math.sin... "implementation-approximated", and
 * engines differ in the last bit (Node 20's V8 and Chromium 156's give different Math.log for a few
 * percent of inputs). A replication drawn in a browser worker must equal the same replication drawn
 * by the CLI, to the byte, so the engine cannot call them. These are the fdlibm algorithms (Sun
 * Microsystems, 1993; the ones V8 itself long used), in plain double arithmetic, whose results IEEE 754
 * fixes exactly: + - * / and sqrt are correctly rounded everywhere.
 *
 * `log` and `exp` are fdlibm's e_log.c and e_exp.c (error below 1 ulp); the test checks them bit for
 * bit against Node 20's Math.log and Math.exp, which are the same algorithms. The others are built on
 * them (`log1p`, `expm1`, `pow`) or are fdlibm's kernels for |x| <= pi/4 (`sin`, `cos` on [0, pi/2]),
 * accurate to a few ulps, which is all the engine needs of them.
 */

// the two 32-bit words of a double, through one shared buffer (typed arrays are the fastest way to
// reach them in V8); which word is high depends on the platform's byte order
const words = new Float64Array(1);
const halves = new Int32Array(words.buffer);
const HIGH = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
const LOW = 1 - HIGH;
function highWord(x: number): number {
  words[0] = x;
  return halves[HIGH];
}
function withHighWord(x: number, high: number): number {
  words[0] = x;
  halves[HIGH] = high;
  return words[0];
}

const LN2_HI = 6.93147180369123816490e-1;
const LN2_LO = 1.90821492927058770002e-10;
const TWO54 = 1.8014398509481984e16;
const LG1 = 6.666666666666735130e-1;
const LG2 = 3.999999999940941908e-1;
const LG3 = 2.857142874366239149e-1;
const LG4 = 2.222219843214978396e-1;
const LG5 = 1.818357216161805012e-1;
const LG6 = 1.531383769920937332e-1;
const LG7 = 1.479819860511658591e-1;

/** The natural logarithm (fdlibm e_log.c). */
export function log(x: number): number {
  words[0] = x;
  let hx = halves[HIGH];
  let k = 0;
  if (hx < 0x00100000) {
    if (((hx & 0x7fffffff) | halves[LOW]) === 0) return -Infinity; // log(+-0)
    if (hx < 0) return NaN; // log(negative)
    // subnormal: scale up
    k -= 54;
    x *= TWO54;
    words[0] = x;
    hx = halves[HIGH];
  }
  if (hx >= 0x7ff00000) return x + x; // Infinity or NaN
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  const i = (hx + 0x95f64) & 0x100000;
  // normalise x or x/2 (`words` still holds x)
  halves[HIGH] = hx | (i ^ 0x3ff00000);
  x = words[0];
  k += i >> 20;
  const f = x - 1.0;
  if ((0x000fffff & (2 + hx)) < 3) {
    // |f| < 2^-20
    if (f === 0) return k === 0 ? 0 : k * LN2_HI + k * LN2_LO;
    const r = f * f * (0.5 - 0.33333333333333333 * f);
    return k === 0 ? f - r : k * LN2_HI - (r - k * LN2_LO - f);
  }
  const s = f / (2.0 + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  const r = t2 + t1;
  if (((hx - 0x6147a) | (0x6b851 - hx)) > 0) {
    const hfsq = 0.5 * f * f;
    return k === 0 ? f - (hfsq - s * (hfsq + r)) : k * LN2_HI - (hfsq - (s * (hfsq + r) + k * LN2_LO) - f);
  }
  return k === 0 ? f - s * (f - r) : k * LN2_HI - (s * (f - r) - k * LN2_LO - f);
}

const EXP_OVERFLOW = 7.09782712893383973096e2;
const EXP_UNDERFLOW = -7.45133219101941108420e2;
const INV_LN2 = 1.44269504088896338700;
const TWO_M1000 = 9.33263618503218878990e-302;
const P1 = 1.66666666666666019037e-1;
const P2 = -2.77777777770155933842e-3;
const P3 = 6.61375632143793436117e-5;
const P4 = -1.65339022054652515390e-6;
const P5 = 4.13813679705723846039e-8;

/** e to the x (fdlibm e_exp.c). */
export function exp(x: number): number {
  let hx = highWord(x);
  const negative = hx < 0;
  hx &= 0x7fffffff;
  if (hx >= 0x40862e42) {
    // |x| >= 709.78...
    if (hx >= 0x7ff00000) {
      if (((hx & 0xfffff) | halves[LOW]) !== 0) return x + x; // NaN (`words` still holds x)
      return negative ? 0 : x; // exp(-Infinity) = 0, exp(Infinity) = Infinity
    }
    if (x > EXP_OVERFLOW) return Infinity;
    if (x < EXP_UNDERFLOW) return 0;
  }
  let hi = 0;
  let lo = 0;
  let k = 0;
  if (hx > 0x3fd62e42) {
    // |x| > ln2 / 2: reduce to x - k ln2
    if (hx < 0x3ff0a2b2) {
      // and |x| < 1.5 ln2
      hi = negative ? x + LN2_HI : x - LN2_HI;
      lo = negative ? -LN2_LO : LN2_LO;
      k = negative ? -1 : 1;
    } else {
      k = Math.trunc(INV_LN2 * x + (negative ? -0.5 : 0.5));
      hi = x - k * LN2_HI; // exact here
      lo = k * LN2_LO;
    }
    x = hi - lo;
  } else if (hx < 0x3e300000) {
    // |x| < 2^-28
    return 1 + x;
  }
  const t = x * x;
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((x * c) / (c - 2.0) - x);
  const y = 1 - (lo - (x * c) / (2.0 - c) - hi);
  // multiply by 2^k through the exponent field
  if (k >= -1021) return withHighWord(y, highWord(y) + (k << 20));
  return withHighWord(y, highWord(y) + ((k + 1000) << 20)) * TWO_M1000;
}

/** log(1 + x), accurate for small x: log(u) corrected by the rounding of u = 1 + x (Goldberg 1991). */
export function log1p(x: number): number {
  const u = 1 + x;
  if (u === 1) return x;
  return (log(u) * x) / (u - 1);
}

/** exp(x) - 1, accurate for small x (Kahan's correction of exp(x) - 1). */
export function expm1(x: number): number {
  const u = exp(x);
  if (u === 1) return x;
  const um1 = u - 1;
  if (um1 === -1) return -1;
  if (!Number.isFinite(u)) return u;
  return (um1 * x) / log(u);
}

/** x to the y for x > 0 (exp(y log x)); x = 0 gives 0 for y > 0. Not for negative bases. */
export function pow(x: number, y: number): number {
  if (y === 0) return 1;
  if (x === 0 && y > 0) return 0;
  if (!(x > 0)) throw new RangeError(`pow: expected a positive base, got ${x}`);
  return exp(y * log(x));
}

const S1 = -1.66666666666666324348e-1;
const S2 = 8.33333333332248946124e-3;
const S3 = -1.98412698298579493134e-4;
const S4 = 2.75573137070700676789e-6;
const S5 = -2.50507602534068634195e-8;
const S6 = 1.58969099521155010221e-10;
const C1 = 4.16666666666666019037e-2;
const C2 = -1.38888888888741095749e-3;
const C3 = 2.48015872894767294178e-5;
const C4 = -2.75573143513906633035e-7;
const C5 = 2.08757232129817482790e-9;
const C6 = -1.13596475577881948265e-11;
const PIO2_HI = 1.57079632673412561417;
const PIO2_LO = 6.07710050650619224932e-11;

/** sin on [-pi/4, pi/4] (fdlibm k_sin.c with no tail). */
function kernelSin(x: number): number {
  if (Math.abs(x) < 7.450580596923828e-9) return x;
  const z = x * x;
  const v = z * x;
  const r = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)));
  return x + v * (S1 + z * r);
}

/** cos on [-pi/4, pi/4] (fdlibm k_cos.c with no tail). */
function kernelCos(x: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix < 0x3e400000) return 1;
  const z = x * x;
  const r = z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6)))));
  if (ix < 0x3fd33333) return 1 - (0.5 * z - z * r);
  const qx = ix > 0x3fe90000 ? 0.28125 : withHighWord(0, ix - 0x00200000);
  return 1 - qx - (0.5 * z - qx - z * r);
}

/** sin(x) and cos(x) for x in [0, pi/2] (the engine needs no more): the kernels, after x -> pi/2 - x above pi/4. */
export function sinCosQuarterTurn(x: number): { sin: number; cos: number } {
  if (!(x >= 0 && x <= PIO2_HI + PIO2_LO)) throw new RangeError(`sinCosQuarterTurn: expected x in [0, pi/2], got ${x}`);
  if (x <= 0.7853981633974483) return { sin: kernelSin(x), cos: kernelCos(x) };
  const rest = PIO2_HI - x + PIO2_LO;
  return { sin: kernelCos(rest), cos: kernelSin(rest) };
}

// -log(1 - u) for the exponential gaps of Poisson processes, the engine's hottest call: a table of 128
// logarithms and a short series instead of fdlibm's division (Tang's table-driven method, 1990),
// accurate to about 1e-16 absolute, and the same bits everywhere because the table itself is computed
// with `log` above. Near u = 0 (1 - u near 1, where the table's cancellation would cost relative
// accuracy) it uses `log` itself.
const GAP_TABLE_SIZE = 128;
const inverseCentre = new Float64Array(GAP_TABLE_SIZE);
const logCentre = new Float64Array(GAP_TABLE_SIZE);
for (let i = 0; i < GAP_TABLE_SIZE; i++) {
  const centre = 1 + (i + 0.5) / GAP_TABLE_SIZE;
  inverseCentre[i] = 1 / centre;
  logCentre[i] = log(centre);
}

/** -log(1 - u) for u in [0, 1): an exponential draw of mean 1 from a uniform one. */
export function exponentialGap(u: number): number {
  const x = 1 - u;
  if (x > 0.96875) return 0 - log(x); // 0 - rather than -: a gap of +0, not -0, at u = 0
  words[0] = x;
  const hx = halves[HIGH];
  const k = (hx >> 20) - 1023;
  const i = (hx >> 13) & (GAP_TABLE_SIZE - 1);
  // x = 2^k m with m in [1, 2); m / centre_i is within 2^-8 of 1
  halves[HIGH] = (hx & 0x000fffff) | 0x3ff00000;
  const r = words[0] * inverseCentre[i] - 1;
  const r2 = r * r;
  const series = r - r2 * 0.5 + r2 * r * (0.3333333333333333 - r * 0.25 + r2 * (0.2 - r * 0.16666666666666666));
  return -(k * LN2_HI + logCentre[i] + (k * LN2_LO + series));
}
