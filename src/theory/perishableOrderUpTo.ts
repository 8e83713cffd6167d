/**
 * The classic periodic-review perishable model, evaluated exactly: a fixed shelf life of m periods,
 * order up to S at the start of each period with zero lead time (the order arrives at once, fresh,
 * with m periods to live), the period's demand D served first in first out (oldest units first),
 * demand that finds no stock lost, and at the end of the period the units that have reached the end
 * of their life outdated (written off) before the period's end is read (Nahmias, "Perishable
 * inventory theory: a review", Operations Research 30(4), 1982, sections 2-3; Nahmias & Pierskalla,
 * "Optimal ordering policies for a product that perishes in two periods subject to stochastic
 * demand", Naval Research Logistics Quarterly 20(2), 1973, for m = 2; Fries, "Optimal ordering policy
 * for a perishable commodity with fixed lifetime", Operations Research 23(1), 1975, and Nahmias,
 * "Optimal ordering policies for perishable inventory - II", Operations Research 23(4), 1975, for
 * lost sales).
 *
 * No closed form exists beyond m = 1 (the newsvendor), so the model is evaluated as a Markov chain on
 * the stock by remaining life, as Nahmias's review describes: the state at the start of a period,
 * before ordering, is x = (x_1, ..., x_{m-1}), x_j the units with j periods of life left (x_1: the
 * oldest, which outdate at the end of this period unless sold). The order is S - (x_1 + ... + x_{m-1})
 * (never negative: what is left is at most S), so every period starts with S units, and lost sales are
 * (D - S)+ whatever the ages; the ages decide only how many units outdate. The states with
 * x_1 + ... + x_{m-1} <= S are C(S + m - 1, m - 1); the stationary distribution is solved exactly (a
 * linear system, Gaussian elimination), and every measure is its expectation over one period:
 *
 * - outdated per period: E[(x_1 - D)+], the oldest units left when the period ends;
 * - end-of-period on hand after outdating: E[units left with life after the period];
 * - end-of-period on hand before outdating: the two added;
 * - lost per period: E[(D - S)+]; sold: E[min(D, S)];
 * - cost per period: h x on hand after outdating + p x lost + w x outdated + K x P(an order is placed),
 *   h the holding cost per unit per period, p the penalty per lost sale, w the cost per unit outdated
 *   (unit cost plus disposal), K the fixed cost per order.
 */
import { cdfAt, lossAbove, tableMean } from './discrete.ts';
import { requireSteps } from './range.ts';

export interface PerishableOrderUpToInput {
  /** P(D = k), k = 0.. (e.g. poissonPmf): the demand of one period */
  demandPerPeriod: Float64Array;
  /** S: the order-up-to level, a whole number >= 0 */
  orderUpTo: number;
  /** m: the periods a unit lives from its receipt, a whole number >= 1 */
  shelfLifePeriods: number;
  holdingCostPerUnitPerPeriod?: number;
  lostSaleCost?: number;
  /** cost of a unit outdated (its unit cost plus any disposal cost) */
  outdatingCostPerUnit?: number;
  /** fixed cost per order placed */
  orderingCost?: number;
}

export interface PerishableOrderUpToResult {
  orderUpTo: number;
  shelfLifePeriods: number;
  /** the Markov chain's states: C(S + m - 1, m - 1) */
  states: number;
  expectedDemandPerPeriod: number;
  /** units outdated at the end of a period */
  expectedOutdatedPerPeriod: number;
  /** on hand at the end of a period, after outdating (units still sellable) */
  expectedOnHandAtPeriodEnd: number;
  /** on hand at the end of a period before outdating: the figure read before outdating */
  expectedOnHandBeforeOutdating: number;
  /** E(D - S)+ */
  expectedLostPerPeriod: number;
  /** 1 - E(D - S)+ / E[D] */
  fillRate: number;
  /** P(D <= S) */
  probabilityNoLostSales: number;
  /** P(an order is placed): P(the units left with life are fewer than S) */
  orderProbability: number;
  /** the mean order size: E[S - units left with life] = sold + outdated */
  expectedOrderPerPeriod: number;
  costPerPeriod: number;
  /** the stationary distribution of the start-of-period ages, each state oldest first */
  stationary: { stock: number[]; probability: number }[];
}

/** The stationary measures of order-up-to S with shelf life m, FIFO issuing and lost sales. */
export function perishableOrderUpTo(input: PerishableOrderUpToInput): PerishableOrderUpToResult {
  const fn = 'perishableOrderUpTo';
  const table = input.demandPerPeriod;
  checkTable(fn, table);
  const level = input.orderUpTo;
  const life = input.shelfLifePeriods;
  if (!(Number.isInteger(level) && level >= 0)) throw new RangeError(`${fn}: orderUpTo must be a whole number >= 0, got ${level}`);
  if (!(Number.isInteger(life) && life >= 1)) throw new RangeError(`${fn}: shelfLifePeriods must be a whole number >= 1, got ${life}`);
  const holding = nonNegative(fn, 'holdingCostPerUnitPerPeriod', input.holdingCostPerUnitPerPeriod ?? 0);
  const penalty = nonNegative(fn, 'lostSaleCost', input.lostSaleCost ?? 0);
  const outdatingCost = nonNegative(fn, 'outdatingCostPerUnit', input.outdatingCostPerUnit ?? 0);
  const orderingCost = nonNegative(fn, 'orderingCost', input.orderingCost ?? 0);

  const count = combinations(level + life - 1, life - 1);
  // building the transitions (states x demands x life) and solving the system (states³)
  requireSteps(count * count * count + count * (level + 1) * life, { id: 'perishableChain', states: count });
  const states = enumerate(life - 1, level);
  const index = new Map(states.map((state, i) => [state.join(','), i]));
  const n = states.length;

  // demand 0..S-1 individually; S or more takes everything (no units left, none outdated)
  const probability = (d: number) => (d < table.length ? table[d] : 0);
  const atLeastLevel = Math.max(0, 1 - cdfAt(table, level - 1));

  // transitions P[i][j], and per state the expected outdating and units left after a period
  const transition = Array.from({ length: n }, () => new Float64Array(n));
  const outdatedFrom = new Float64Array(n);
  const leftFrom = new Float64Array(n);
  const empty = index.get(new Array(life - 1).fill(0).join(','))!;
  for (let i = 0; i < n; i++) {
    const held = states[i];
    const order = level - held.reduce((sum, units) => sum + units, 0);
    const stock = [...held, order];
    for (let d = 0; d < level; d++) {
      const p = probability(d);
      if (p === 0) continue;
      // first in, first out: the oldest units go first
      const left = stock.slice();
      let demand = d;
      for (let age = 0; age < left.length && demand > 0; age++) {
        const taken = Math.min(left[age], demand);
        left[age] -= taken;
        demand -= taken;
      }
      const outdated = left[0];
      const next = left.slice(1);
      transition[i][index.get(next.join(','))!] += p;
      outdatedFrom[i] += p * outdated;
      leftFrom[i] += p * next.reduce((sum, units) => sum + units, 0);
    }
    transition[i][empty] += atLeastLevel;
  }

  const pi = stationary(transition);
  let outdated = 0;
  let onHand = 0;
  let orderProbability = 0;
  let orderSize = 0;
  for (let i = 0; i < n; i++) {
    outdated += pi[i] * outdatedFrom[i];
    onHand += pi[i] * leftFrom[i];
    const held = states[i].reduce((sum, units) => sum + units, 0);
    if (held < level) orderProbability += pi[i];
    orderSize += pi[i] * (level - held);
  }
  const mean = tableMean(table);
  const lost = lossAbove(table, level);
  return {
    orderUpTo: level,
    shelfLifePeriods: life,
    states: n,
    expectedDemandPerPeriod: mean,
    expectedOutdatedPerPeriod: outdated,
    expectedOnHandAtPeriodEnd: onHand,
    expectedOnHandBeforeOutdating: onHand + outdated,
    expectedLostPerPeriod: lost,
    fillRate: mean > 0 ? 1 - lost / mean : 1,
    probabilityNoLostSales: cdfAt(table, level),
    orderProbability,
    expectedOrderPerPeriod: orderSize,
    costPerPeriod: holding * onHand + penalty * lost + outdatingCost * outdated + orderingCost * orderProbability,
    stationary: states.map((stock, i) => ({ stock, probability: pi[i] })),
  };
}

/** Every vector of `length` whole numbers >= 0 summing to at most `most`, in lexicographic order. */
function enumerate(length: number, most: number): number[][] {
  if (length === 0) return [[]];
  const out: number[][] = [];
  for (let first = 0; first <= most; first++) for (const rest of enumerate(length - 1, most - first)) out.push([first, ...rest]);
  return out;
}

/**
 * C(n, k): the state count, checked against the range before any state is built. Infinity once it
 * passes 10¹², far beyond the range (the partial products C(n - k + i, i) only grow), so a shelf life
 * or a level of 10¹⁵ costs no more than a few steps.
 */
function combinations(n: number, k: number): number {
  const smaller = Math.min(k, n - k);
  let result = 1;
  for (let i = 1; i <= smaller; i++) {
    result = (result * (n - smaller + i)) / i;
    if (result > 1e12) return Infinity;
  }
  return Math.round(result);
}

/**
 * The stationary distribution of a finite chain with one recurrent class: pi (P - I) = 0 with the
 * probabilities summing to 1, by Gaussian elimination with partial pivoting (the last balance equation,
 * implied by the others, replaced by the sum).
 */
function stationary(transition: Float64Array[]): Float64Array {
  const n = transition.length;
  // rows: equations; a[r][c] is the coefficient of pi_c in equation r
  const a = Array.from({ length: n }, (_, r) => {
    const row = new Float64Array(n + 1);
    for (let c = 0; c < n; c++) row[c] = transition[c][r] - (r === c ? 1 : 0);
    return row;
  });
  a[n - 1].fill(1);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) pivot = r;
    [a[col], a[pivot]] = [a[pivot], a[col]];
    const lead = a[col][col];
    if (Math.abs(lead) < 1e-300) throw new RangeError('perishableOrderUpTo: the chain has more than one recurrent class');
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const factor = a[r][col] / lead;
      if (factor === 0) continue;
      for (let c = col; c <= n; c++) a[r][c] -= factor * a[col][c];
    }
  }
  const pi = new Float64Array(n);
  for (let r = 0; r < n; r++) pi[r] = Math.max(0, a[r][n] / a[r][r]);
  const total = pi.reduce((sum, p) => sum + p, 0);
  for (let r = 0; r < n; r++) pi[r] /= total;
  return pi;
}

function checkTable(fn: string, table: Float64Array): void {
  let total = 0;
  for (const p of table) {
    if (!(p >= 0)) throw new RangeError(`${fn}: demandPerPeriod must hold probabilities >= 0, got ${p}`);
    total += p;
  }
  if (Math.abs(total - 1) > 1e-9 * Math.max(1, table.length / 1000)) throw new RangeError(`${fn}: demandPerPeriod must sum to 1, got ${total}`);
}

function nonNegative(fn: string, name: string, value: number): number {
  if (!(value >= 0 && value < Infinity)) throw new RangeError(`${fn}: ${name} must be a finite number >= 0, got ${value}`);
  return value;
}
