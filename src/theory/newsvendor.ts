/**
 * The single-period newsvendor: order Q before a random demand D, pay the overage cost co on each unit
 * left over and the underage cost cu on each unit short. The expected cost co E(Q - D)+ + cu E(D - Q)+
 * is convex in Q and is minimised where P(D <= Q) first reaches the critical ratio cu / (cu + co)
 * (Nahmias, *Production and Operations Analysis*, 6th ed., 2009, §5.3; Silver, Pyke & Thomas,
 * *Inventory and Production Management in Supply Chains*, 4th ed., 2017, ch. 11; Zipkin,
 * *Foundations of Inventory Management*, 2000, ch. 6).
 */
import { cdfAt, lossAbove, poissonPmf, shortfallBelow } from './discrete.ts';
import { normalCdf, normalLoss, normalQuantile } from '../math/normal.ts';

export interface NewsvendorResult {
  /** cu / (cu + co) */
  criticalRatio: number;
  /** the quantity evaluated: the one given, or the optimal one */
  quantity: number;
  /** co E(Q - D)+ + cu E(D - Q)+ */
  expectedCost: number;
  /** E(Q - D)+ */
  expectedLeftover: number;
  /** E(D - Q)+, the expected shortage (lost sales) */
  expectedShortage: number;
  /** E min(D, Q) = E[D] - E(D - Q)+ */
  expectedSales: number;
  /** 1 - E(D - Q)+ / E[D], the fraction of demand served */
  fillRate: number;
  /** P(D <= Q), the probability of no shortage */
  cycleServiceLevel: number;
}

export interface NewsvendorCosts {
  /** cost of each unit of demand short (e.g. price - cost) */
  underageCost: number;
  /** cost of each unit left over (e.g. cost - salvage value) */
  overageCost: number;
  /** the quantity to evaluate; the optimal one if omitted */
  quantity?: number;
}

/**
 * Newsvendor with normal demand N(mean, sd²): Q* = mean + z sd with z = Φ⁻¹(cu / (cu + co)); the
 * shortage is sd G(z) with G the standard normal loss function, the leftover Q - mean + sd G(z).
 */
export function newsvendorNormal(input: { mean: number; sd: number } & NewsvendorCosts): NewsvendorResult & { z: number } {
  const { mean, sd } = input;
  if (!(mean > 0 && mean < Infinity)) throw new RangeError(`newsvendorNormal: mean must be a finite number > 0, got ${mean}`);
  if (!(sd > 0 && sd < Infinity)) throw new RangeError(`newsvendorNormal: sd must be a finite number > 0, got ${sd}`);
  const criticalRatio = checkedRatio('newsvendorNormal', input);
  const quantity = input.quantity ?? mean + sd * normalQuantile(criticalRatio);
  if (!Number.isFinite(quantity)) throw new RangeError(`newsvendorNormal: quantity must be a finite number, got ${quantity}`);
  const z = (quantity - mean) / sd;
  const expectedShortage = sd * normalLoss(z);
  const expectedLeftover = quantity - mean + expectedShortage; // E(Q - D)+ = Q - E[D] + E(D - Q)+
  return {
    ...measures(input, criticalRatio, quantity, mean, expectedLeftover, expectedShortage, normalCdf(z)),
    z,
  };
}

/**
 * Newsvendor with Poisson demand of the given mean: Q* is the smallest integer with P(D <= Q) >= cu /
 * (cu + co) (the cost's increment from Q to Q + 1 is (cu + co) P(D <= Q) - cu).
 */
export function newsvendorPoisson(input: { mean: number } & NewsvendorCosts): NewsvendorResult {
  const { mean } = input;
  if (!(mean > 0 && mean < Infinity)) throw new RangeError(`newsvendorPoisson: mean must be a finite number > 0, got ${mean}`);
  const criticalRatio = checkedRatio('newsvendorPoisson', input);
  const table = poissonPmf(mean);
  const quantity = input.quantity ?? smallestQuantileAtLeast(table, criticalRatio);
  if (!(Number.isInteger(quantity) && quantity >= 0)) {
    throw new RangeError(`newsvendorPoisson: quantity must be an integer >= 0, got ${quantity}`);
  }
  return measures(
    input,
    criticalRatio,
    quantity,
    mean,
    shortfallBelow(table, quantity),
    lossAbove(table, quantity),
    cdfAt(table, quantity),
  );
}

/** The smallest integer x with P(D <= x) >= probability (the end of the table if the tail is needed). */
export function smallestQuantileAtLeast(table: Float64Array, probability: number): number {
  let cumulative = 0;
  for (let x = 0; x < table.length; x++) {
    cumulative += table[x];
    if (cumulative >= probability) return x;
  }
  return table.length; // beyond the table P(D <= x) = 1 to within its cut-off
}

function checkedRatio(fn: string, { underageCost, overageCost }: NewsvendorCosts): number {
  if (!(underageCost > 0 && underageCost < Infinity)) {
    throw new RangeError(`${fn}: underageCost must be a finite number > 0, got ${underageCost}`);
  }
  if (!(overageCost > 0 && overageCost < Infinity)) {
    throw new RangeError(`${fn}: overageCost must be a finite number > 0, got ${overageCost}`);
  }
  return underageCost / (underageCost + overageCost);
}

function measures(
  { underageCost, overageCost }: NewsvendorCosts,
  criticalRatio: number,
  quantity: number,
  mean: number,
  expectedLeftover: number,
  expectedShortage: number,
  cycleServiceLevel: number,
): NewsvendorResult {
  return {
    criticalRatio,
    quantity,
    expectedCost: overageCost * expectedLeftover + underageCost * expectedShortage,
    expectedLeftover,
    expectedShortage,
    expectedSales: mean - expectedShortage,
    fillRate: 1 - expectedShortage / mean,
    cycleServiceLevel,
  };
}
