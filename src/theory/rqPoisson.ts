/**
 * Continuous-review (r, Q) with Poisson unit demand of rate lambda a day, constant lead time L days and
 * full backordering (Zipkin, *Foundations of Inventory Management*, 2000, ch. 6; Axsäter, *Inventory
 * Control*, 3rd ed., 2015, ch. 5). With unit demand every order is placed exactly at r, so the
 * inventory position is uniform on r + 1..r + Q and independent of the lead-time demand
 * D ~ Poisson(lambda L); each long-run measure is the base-stock measure averaged over S = r + 1..r + Q,
 * and the cost per day is
 *   C(r, Q) = (K lambda + sum over y = r + 1..r + Q of G(y)) / Q,   G(y) = h E(y - D)+ + b E(D - y)+.
 */
import { cdfAt, lossAbove, poissonPmf, shortfallBelow } from './discrete.ts';
import { smallestQuantileAtLeast } from './newsvendor.ts';
import { requireSteps, StepBudget } from './range.ts';

export interface RQPoissonCosts {
  orderingCost?: number;
  holdingCostPerUnitPerDay?: number;
  backorderCostPerUnitPerDay?: number;
}

export interface RQPoissonResult {
  reorderPoint: number;
  orderQuantity: number;
  leadTimeDemandMean: number;
  /** (1/Q) sum of P(D <= S - 1) */
  fillRate: number;
  /** the fraction of time with stock on hand; equal to the fill rate by PASTA */
  readyRate: number;
  /** (1/Q) sum of P(D <= S) */
  probabilityNoBackorders: number;
  /** (1/Q) sum of E(S - D)+ */
  expectedOnHand: number;
  /** (1/Q) sum of E(D - S)+ */
  expectedBackorders: number;
  /** r + (Q + 1) / 2 */
  expectedInventoryPosition: number;
  /** lambda / Q */
  ordersPerDay: number;
  /** C(r, Q), with 0 for the costs not given */
  costPerDay: number;
}

/** The long-run measures and cost of (r, Q) (see the module comment). */
export function rqPoisson(
  input: { demandPerDay: number; leadTimeDays: number; reorderPoint: number; orderQuantity: number } & RQPoissonCosts,
): RQPoissonResult {
  const fn = 'rqPoisson';
  const { reorderPoint: r, orderQuantity: q, demandPerDay } = input;
  if (!Number.isInteger(r)) throw new RangeError(`${fn}: reorderPoint must be an integer, got ${r}`);
  if (!(Number.isInteger(q) && q >= 1)) throw new RangeError(`${fn}: orderQuantity must be an integer >= 1, got ${q}`);
  const table = leadTimeDemand(fn, input);
  const costs = checkedCosts(fn, input, false);
  // each of the Q levels reads the whole table (four sums)
  requireSteps(4 * q * table.length, { id: 'rqLevels', quantity: q });
  let fillRate = 0;
  let probabilityNoBackorders = 0;
  let expectedOnHand = 0;
  let expectedBackorders = 0;
  for (let level = r + 1; level <= r + q; level++) {
    fillRate += cdfAt(table, level - 1);
    probabilityNoBackorders += cdfAt(table, level);
    expectedOnHand += shortfallBelow(table, level);
    expectedBackorders += lossAbove(table, level);
  }
  return {
    reorderPoint: r,
    orderQuantity: q,
    leadTimeDemandMean: demandPerDay * input.leadTimeDays,
    fillRate: fillRate / q,
    readyRate: fillRate / q,
    probabilityNoBackorders: probabilityNoBackorders / q,
    expectedOnHand: expectedOnHand / q,
    expectedBackorders: expectedBackorders / q,
    expectedInventoryPosition: r + (q + 1) / 2,
    ordersPerDay: demandPerDay / q,
    costPerDay:
      (costs.ordering * demandPerDay + costs.holding * expectedOnHand + costs.backorder * expectedBackorders) / q,
  };
}

/**
 * The exact optimal (r, Q) by the algorithm of Federgruen & Zheng (1992), "An efficient algorithm for
 * computing an optimal (r, Q) policy in continuous review stochastic inventory systems", *Operations
 * Research* 40(4), 808–813. G is convex, so for each Q the best r + 1..r + Q are the Q cheapest
 * consecutive levels around the minimiser of G, and the set for Q + 1 is the set for Q plus the cheaper
 * of its two neighbours, G(r) or G(r + Q + 1). The cost C*(Q) = (K lambda + H(Q)) / Q, with H(Q) the sum
 * of those Q values of G, falls exactly while the added value is below C*(Q); the added values never
 * decrease, so the first Q where the next one is not below C*(Q) is optimal.
 */
export function optimalRQPoisson(input: {
  demandPerDay: number;
  leadTimeDays: number;
  orderingCost: number;
  holdingCostPerUnitPerDay: number;
  backorderCostPerUnitPerDay: number;
}): RQPoissonResult {
  const fn = 'optimalRQPoisson';
  const table = leadTimeDemand(fn, input);
  const { ordering, holding, backorder } = checkedCosts(fn, input, true);
  const g = (y: number) => holding * shortfallBelow(table, y) + backorder * lossAbove(table, y);
  const fixedPerDay = ordering * input.demandPerDay;

  // Q = 1: the single level that minimises G, the base-stock optimum
  const best = smallestQuantileAtLeast(table, backorder / (backorder + holding));
  let r = best - 1;
  let q = 1;
  let sum = g(best);
  const budget = new StepBudget({ id: 'rqSearch' });
  for (;;) {
    budget.spend(6 * table.length);
    const left = g(r);
    const right = g(r + q + 1);
    const next = Math.min(left, right);
    if (next >= (fixedPerDay + sum) / q) break;
    if (left <= right) r -= 1;
    sum += next;
    q += 1;
  }
  return rqPoisson({ ...input, reorderPoint: r, orderQuantity: q });
}

function leadTimeDemand(fn: string, { demandPerDay, leadTimeDays }: { demandPerDay: number; leadTimeDays: number }) {
  if (!(demandPerDay >= 0 && demandPerDay < Infinity)) {
    throw new RangeError(`${fn}: demandPerDay must be a finite number >= 0, got ${demandPerDay}`);
  }
  if (!(leadTimeDays >= 0 && leadTimeDays < Infinity)) {
    throw new RangeError(`${fn}: leadTimeDays must be a finite number >= 0, got ${leadTimeDays}`);
  }
  return poissonPmf(demandPerDay * leadTimeDays);
}

/** The three costs, 0 where absent; `required` demands h, b > 0 and K >= 0 (an optimum must exist). */
function checkedCosts(fn: string, input: RQPoissonCosts, required: boolean) {
  const check = (name: keyof RQPoissonCosts, positive: boolean): number => {
    const value = input[name];
    if (value === undefined && !required) return 0;
    const ok = value !== undefined && (positive ? value > 0 : value >= 0) && value < Infinity;
    if (!ok) throw new RangeError(`${fn}: ${name} must be a finite number ${positive ? '>' : '>='} 0, got ${value}`);
    return value;
  };
  return {
    ordering: check('orderingCost', false),
    holding: check('holdingCostPerUnitPerDay', required),
    backorder: check('backorderCostPerUnitPerDay', required),
  };
}
