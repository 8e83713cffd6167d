/**
 * Periodic review (s, S) policies with discrete i.i.d. demand per period, full backlogging, a fixed
 * ordering cost and linear holding and backorder costs: the exact long-run cost of a given policy
 * and the optimal policy by the algorithm of Y.-S. Zheng & A. Federgruen (1991), "Finding optimal
 * (s, S) policies is about as simple as evaluating a single policy", Operations Research 39(4),
 * 654–665, who build on A. Federgruen & P. Zipkin (1984), "An efficient algorithm for computing
 * optimal (s, S) policies", Operations Research 32(6), 1268–1285. Textbook treatments of the same
 * renewal-reward cost: Zipkin, *Foundations of Inventory Management* (2000); Axsäter, *Inventory
 * Control* (3rd ed., 2015), ch. 5.
 *
 * Timing (the usual textbook one): at the start of each period the inventory position
 * (on hand + on order − backorders) is reviewed; if it is <= s an order brings it up to S. An order
 * placed at the start of period t arrives at the start of period t + L, before that period's
 * demand. Holding cost h and backorder cost p are charged per unit on the END-OF-PERIOD net
 * inventory. With inventory position y after ordering in period t, the net inventory at the end of
 * period t + L is y − D_{L+1}, D_{L+1} the demand of the L + 1 periods t..t+L, so the expected
 * holding and backorder cost attributable to that review is
 *   G(y) = E[h (y − D_{L+1})+ + p (D_{L+1} − y)+].
 * All costs are per period (one review per period).
 */
import { convolve, tableMean, shortfallBelow } from './discrete.ts';
import { requireSteps, StepBudget } from './range.ts';

export interface PeriodicSSCostParameters {
  /** P(D = k), k = 0.., the demand of one period */
  demand: Float64Array;
  /** s: order when the inventory position at a review is <= s (integer) */
  reorderPoint: number;
  /** S: order up to this inventory position (integer > s) */
  orderUpTo: number;
  /** L: an order placed at the start of period t arrives at the start of period t + L */
  leadTimePeriods: number;
  /** K, per order */
  orderingCost: number;
  /** h, per unit of end-of-period on hand per period */
  holdingCost: number;
  /** p, per unit of end-of-period backorders per period */
  backorderCost: number;
}

export interface PeriodicSSCostResult {
  /** c(s, S), the long-run expected cost per period */
  costPerPeriod: number;
  /** long-run average end-of-period on hand */
  expectedOnHand: number;
  /** long-run average end-of-period backorders */
  expectedBackorders: number;
  /** 1 / M(S − s), the long-run fraction of periods in which an order is placed */
  ordersPerPeriod: number;
}

export type OptimalPeriodicSSParameters = Omit<PeriodicSSCostParameters, 'reorderPoint' | 'orderUpTo'>;

export interface OptimalPeriodicSSResult extends PeriodicSSCostResult {
  reorderPoint: number;
  orderUpTo: number;
}

/** tolerance on the total probability of a demand table (tables are cut at a 1e-12 tail) */
const TABLE_MASS_TOLERANCE = 1e-6;

function checkCost(name: string, value: number): void {
  if (!(value >= 0 && value < Infinity)) throw new RangeError(`${name} must be a finite number >= 0, got ${value}`);
}

function checkDemand(demand: Float64Array): void {
  if (!(demand instanceof Float64Array) || demand.length === 0) {
    throw new RangeError('demand must be a non-empty Float64Array of probabilities P(D = k)');
  }
  let total = 0;
  for (let k = 0; k < demand.length; k++) {
    if (!(demand[k] >= 0)) throw new RangeError(`demand[${k}] must be a probability >= 0, got ${demand[k]}`);
    total += demand[k];
  }
  if (Math.abs(total - 1) > TABLE_MASS_TOLERANCE) throw new RangeError(`demand must sum to 1, got ${total}`);
  // with no demand at all the inventory position never falls and an (s, S) cycle never ends
  if (demand[0] >= 1 - 1e-12) throw new RangeError(`demand must have P(D = 0) < 1, got ${demand[0]}`);
}

function checkCommon(parameters: OptimalPeriodicSSParameters): void {
  checkDemand(parameters.demand);
  const { leadTimePeriods } = parameters;
  if (!(Number.isInteger(leadTimePeriods) && leadTimePeriods >= 0)) {
    throw new RangeError(`leadTimePeriods must be an integer >= 0, got ${leadTimePeriods}`);
  }
  checkCost('orderingCost', parameters.orderingCost);
  checkCost('holdingCost', parameters.holdingCost);
  checkCost('backorderCost', parameters.backorderCost);
}

/**
 * The pieces the (s, S) formulas are written in, for one demand table and lead time: the renewal
 * mass m, its partial sums M, and the one-period expected costs G, on hand H and backorders B of an
 * inventory position y. Everything is memoised because the Zheng–Federgruen search evaluates many
 * neighbouring policies.
 */
function model(parameters: OptimalPeriodicSSParameters) {
  const { demand, leadTimePeriods, holdingCost, backorderCost } = parameters;
  // the L convolutions below cost about n² L² / 2 steps for a table of n values
  requireSteps((demand.length * demand.length * leadTimePeriods * (leadTimePeriods + 1)) / 2, { id: 'periodicSSLeadTime', periods: leadTimePeriods });
  // every memo miss and every sum over S - s levels below is counted, so a policy with S - s of 10¹⁵
  // or a search that wanders off stops with OutsideAnalyticRange instead of running for hours
  const budget = new StepBudget({ id: 'periodicSSFormulas' });
  let leadTimeDemand = demand; // D_{L+1}
  for (let i = 0; i < leadTimePeriods; i++) leadTimeDemand = convolve(leadTimeDemand, demand);
  const leadTimeMean = tableMean(leadTimeDemand);

  const onHandMemo = new Map<number, number>();
  /** H(y) = E[(y − D_{L+1})+] */
  const onHand = (y: number): number => {
    if (y <= 0) return 0;
    let value = onHandMemo.get(y);
    if (value === undefined) {
      budget.spend(Math.min(y, leadTimeDemand.length));
      value = shortfallBelow(leadTimeDemand, y);
      onHandMemo.set(y, value);
    }
    return value;
  };
  /** B(y) = E[(D_{L+1} − y)+] = E[D_{L+1}] − y + H(y) */
  const backorders = (y: number): number => Math.max(0, leadTimeMean - y + onHand(y));
  const G = (y: number): number => holdingCost * onHand(y) + backorderCost * backorders(y);

  // m(0) = 1/(1 − p0) counts the periods spent at cumulative demand 0, zero-demand periods included
  // (Zheng & Federgruen eq. 2a–2b); m(j) = Σ_{l=1..j} p_l m(j − l) / (1 − p0).
  const p0 = demand[0];
  const renewalMass: number[] = [1 / (1 - p0)];
  const renewalSum: number[] = [0]; // M(j) = Σ_{i<j} m(i)
  const extendTo = (j: number): void => {
    for (let n = renewalMass.length; n <= j; n++) {
      budget.spend(Math.min(n, demand.length - 1) + 1);
      let sum = 0;
      for (let l = 1; l <= Math.min(n, demand.length - 1); l++) sum += demand[l] * renewalMass[n - l];
      renewalMass.push(sum / (1 - p0));
    }
    for (let n = renewalSum.length; n <= j + 1; n++) renewalSum.push(renewalSum[n - 1] + renewalMass[n - 1]);
  };
  const m = (j: number): number => (extendTo(j), renewalMass[j]);
  const M = (j: number): number => (extendTo(j), renewalSum[j]);

  /** c(s, S) = [K + Σ_{j=0}^{S−s−1} m(j) G(S − j)] / M(S − s) (Zheng & Federgruen eq. 3 and 5) */
  // a level of the sums below costs about 25 elementary steps (two memo lookups and the arithmetic)
  const cost = (s: number, S: number): number => {
    budget.spend(25 * (S - s));
    let sum = parameters.orderingCost;
    for (let j = 0; j < S - s; j++) sum += m(j) * G(S - j);
    return sum / M(S - s);
  };
  /** the same renewal-reward average of any per-review quantity f(y) */
  const average = (s: number, S: number, f: (y: number) => number): number => {
    budget.spend(25 * (S - s));
    let sum = 0;
    for (let j = 0; j < S - s; j++) sum += m(j) * f(S - j);
    return sum / M(S - s);
  };
  const leadTimeCdfReaches = (ratio: number): number => {
    // y* = the smallest y with P(D_{L+1} <= y) >= p/(h + p), the minimiser of G
    let cumulative = 0;
    for (let y = 0; y < leadTimeDemand.length; y++) {
      cumulative += leadTimeDemand[y];
      if (cumulative >= ratio) return y;
    }
    return leadTimeDemand.length - 1;
  };
  return { G, onHand, backorders, cost, average, M, leadTimeCdfReaches };
}

function evaluate(pieces: ReturnType<typeof model>, s: number, S: number): PeriodicSSCostResult {
  return {
    costPerPeriod: pieces.cost(s, S),
    expectedOnHand: pieces.average(s, S, pieces.onHand),
    expectedBackorders: pieces.average(s, S, pieces.backorders),
    ordersPerPeriod: 1 / pieces.M(S - s),
  };
}

/**
 * The long-run expected cost per period c(s, S) of a periodic review (s, S) policy, and its average
 * end-of-period on hand, backorders and order frequency, by renewal reward over the cycles between
 * orders (Zheng & Federgruen 1991, eq. 3).
 */
export function periodicSSCost(parameters: PeriodicSSCostParameters): PeriodicSSCostResult {
  checkCommon(parameters);
  const { reorderPoint: s, orderUpTo: S } = parameters;
  if (!Number.isInteger(s)) throw new RangeError(`reorderPoint must be an integer, got ${s}`);
  if (!(Number.isInteger(S) && S > s)) {
    throw new RangeError(`orderUpTo must be an integer above reorderPoint ${s}, got ${S}`);
  }
  return evaluate(model(parameters), s, S);
}

/**
 * The optimal (s, S) policy by Zheng & Federgruen's algorithm (1991, p. 659), which rests on
 * their bounds s* < y* <= S* and S* <= max{y >= y* : G(y) <= c*}, y* the minimiser of G:
 *
 *   Step 0: s := y*, S0 := y*; repeat s := s − 1 until c(s, S0) <= G(s); c0 := c(s, S0); S := S0 + 1.
 *   Step 1: while G(S) <= c0:
 *             if c(s, S) < c0 then S0 := S; while c(s, S0) <= G(s + 1) do s := s + 1; c0 := c(s, S0)
 *             S := S + 1
 *   Return (s, S0) with cost c0.
 *
 * Both costs must be > 0, or G has no minimum and no policy is optimal.
 */
export function optimalPeriodicSS(parameters: OptimalPeriodicSSParameters): OptimalPeriodicSSResult {
  checkCommon(parameters);
  const { holdingCost: h, backorderCost: p } = parameters;
  if (!(h > 0)) throw new RangeError(`optimalPeriodicSS: holdingCost must be > 0, got ${h}`);
  if (!(p > 0)) throw new RangeError(`optimalPeriodicSS: backorderCost must be > 0, got ${p}`);
  const pieces = model(parameters);
  const { G, cost } = pieces;

  const yStar = pieces.leadTimeCdfReaches(p / (h + p));
  let s = yStar;
  let orderUpTo = yStar;
  do s--;
  while (cost(s, orderUpTo) > G(s));
  let best = cost(s, orderUpTo);
  for (let S = orderUpTo + 1; G(S) <= best; S++) {
    if (cost(s, S) < best) {
      orderUpTo = S;
      while (cost(s, orderUpTo) <= G(s + 1)) s++;
      best = cost(s, orderUpTo);
    }
  }
  return { reorderPoint: s, orderUpTo, ...evaluate(pieces, s, orderUpTo) };
}
