/**
 * A small dense simplex for linear programs of the form
 *
 *   minimise c·x  subject to  A x ≤ b,  x ≥ 0,  with b ≥ 0,
 *
 * so that x = 0 is a feasible starting vertex (every slack basic) and no first phase is needed. Built
 * for the Beer Game's full-information bound (src/classroom/fullInformation.ts: a few hundred rows and
 * columns); a tableau in one Float64Array, Dantzig's rule (the most negative reduced cost) with
 * Bland's rule (the lowest index) after a run of degenerate pivots, which cannot cycle (Bland 1977).
 *
 * Reference: Chvátal, V. (1983), Linear Programming, chapters 2–3 (the tableau, the ratio test,
 * Bland's anti-cycling rule).
 */

export type SimplexResult =
  | { status: 'optimal'; x: number[]; objective: number; pivots: number }
  | { status: 'unbounded'; pivots: number }
  | { status: 'iterationLimit'; pivots: number };

const EPSILON = 1e-9;
/** degenerate pivots in a row before switching to Bland's rule */
const DEGENERATE_RUN = 50;

/**
 * Solves min c·x, A x ≤ b, x ≥ 0 (A given by rows, b ≥ 0). Throws on inconsistent sizes or a negative
 * right-hand side (the caller's mistake, not an outcome).
 */
export function minimiseSimplex(c: readonly number[], rows: readonly (readonly number[])[], b: readonly number[], maxPivots = 50_000): SimplexResult {
  const n = c.length;
  const m = rows.length;
  if (b.length !== m) throw new Error(`simplex: ${m} rows but ${b.length} right-hand sides`);
  const width = n + m + 1;
  const rhs = n + m;
  // rows 0..m-1: the constraints with their slacks; row m: reduced costs (the objective row)
  const t = new Float64Array((m + 1) * width);
  for (let i = 0; i < m; i++) {
    const row = rows[i];
    if (row.length !== n) throw new Error(`simplex: row ${i} has ${row.length} coefficients, expected ${n}`);
    if (!(b[i] >= 0)) throw new Error(`simplex: b[${i}] = ${b[i]} must be ≥ 0 (x = 0 must be feasible)`);
    for (let j = 0; j < n; j++) t[i * width + j] = row[j];
    t[i * width + n + i] = 1;
    t[i * width + rhs] = b[i];
  }
  const objective = m * width;
  for (let j = 0; j < n; j++) t[objective + j] = c[j];
  const basis = Array.from({ length: m }, (_, i) => n + i);

  let pivots = 0;
  let degenerate = 0;
  while (pivots < maxPivots) {
    // entering column
    let entering = -1;
    if (degenerate < DEGENERATE_RUN) {
      let most = -EPSILON;
      for (let j = 0; j < n + m; j++) {
        if (t[objective + j] < most) {
          most = t[objective + j];
          entering = j;
        }
      }
    } else {
      for (let j = 0; j < n + m; j++) {
        if (t[objective + j] < -EPSILON) {
          entering = j;
          break;
        }
      }
    }
    if (entering < 0) break;
    // leaving row: the ratio test, ties to the lowest basic index (Bland)
    let leaving = -1;
    let best = Infinity;
    for (let i = 0; i < m; i++) {
      const a = t[i * width + entering];
      if (a > EPSILON) {
        const ratio = t[i * width + rhs] / a;
        if (ratio < best - EPSILON || (ratio <= best + EPSILON && leaving >= 0 && basis[i] < basis[leaving])) {
          best = Math.min(best, ratio);
          leaving = i;
        }
      }
    }
    if (leaving < 0) return { status: 'unbounded', pivots };
    degenerate = best <= EPSILON ? degenerate + 1 : 0;
    pivot(t, width, m, leaving, entering);
    basis[leaving] = entering;
    pivots++;
  }
  if (pivots >= maxPivots) return { status: 'iterationLimit', pivots };
  const x = new Array<number>(n).fill(0);
  for (let i = 0; i < m; i++) if (basis[i] < n) x[basis[i]] = Math.max(0, t[i * width + rhs]);
  return { status: 'optimal', x, objective: c.reduce((sum, cj, j) => sum + cj * x[j], 0), pivots };
}

function pivot(t: Float64Array, width: number, m: number, row: number, column: number): void {
  const at = row * width;
  const value = t[at + column];
  for (let j = 0; j < width; j++) t[at + j] /= value;
  t[at + column] = 1;
  // the pivot row's non-zero columns (the Beer Game's rows are sparse)
  const nonZero: number[] = [];
  for (let j = 0; j < width; j++) if (t[at + j] !== 0) nonZero.push(j);
  for (let i = 0; i <= m; i++) {
    if (i === row) continue;
    const base = i * width;
    const factor = t[base + column];
    if (factor === 0) continue;
    for (const j of nonZero) t[base + j] -= factor * t[at + j];
    t[base + column] = 0;
  }
}
