/**
 * Continuous-review base stock (one-for-one, (S - 1, S)) with Poisson unit demand of rate lambda a day,
 * constant lead time L days and full backordering (Zipkin, *Foundations of Inventory Management*, 2000,
 * ch. 6; Axsäter, *Inventory Control*, 3rd ed., 2015, ch. 5). Each demand triggers an order, so the units
 * on order at time t are the demand of (t - L, t], D ~ Poisson(lambda L), and the inventory position
 * stays at S: on hand = (S - D)+ and backorders = (D - S)+.
 */
import { cdfAt, lossAbove, poissonPmf, shortfallBelow } from './discrete.ts';
import { smallestQuantileAtLeast } from './newsvendor.ts';

export interface BaseStockPoissonInput {
  demandPerDay: number;
  leadTimeDays: number;
  baseStockLevel: number;
  holdingCostPerUnitPerDay?: number;
  backorderCostPerUnitPerDay?: number;
}

export interface BaseStockPoissonResult {
  baseStockLevel: number;
  /** lambda L, also the expected number of units on order (Little's law) */
  leadTimeDemandMean: number;
  /** P(D <= S - 1): a customer is served from stock iff fewer than S are on order when it arrives (PASTA) */
  fillRate: number;
  /** P(on hand > 0) = P(D <= S - 1), the fraction of time in stock */
  readyRate: number;
  /** P(D <= S), the fraction of time without backorders */
  probabilityNoBackorders: number;
  /** E(S - D)+ */
  expectedOnHand: number;
  /** E(D - S)+ */
  expectedBackorders: number;
  /** S: on hand + on order - backorders never moves */
  expectedInventoryPosition: number;
  /** h E(S - D)+ + b E(D - S)+ (0 for the costs not given) */
  costPerDay: number;
}

/** The long-run measures of base stock S (see the module comment). */
export function baseStockPoisson(input: BaseStockPoissonInput): BaseStockPoissonResult {
  const fn = 'baseStockPoisson';
  const { baseStockLevel: level } = input;
  if (!Number.isInteger(level)) throw new RangeError(`${fn}: baseStockLevel must be an integer, got ${level}`);
  const table = leadTimeDemand(fn, input);
  const holding = costOrZero(fn, 'holdingCostPerUnitPerDay', input.holdingCostPerUnitPerDay);
  const backorder = costOrZero(fn, 'backorderCostPerUnitPerDay', input.backorderCostPerUnitPerDay);
  return measuresAt(table, level, input.demandPerDay * input.leadTimeDays, holding, backorder);
}

/**
 * The cost-minimising base stock: the cost per day G(S) = h E(S - D)+ + b E(D - S)+ rises by
 * (h + b) P(D <= S) - b from S to S + 1, so the optimum is the smallest S >= 0 with
 * P(D <= S) >= b / (b + h) (Zipkin 2000, ch. 6; Axsäter 2015, ch. 5).
 */
export function optimalBaseStockPoisson(input: {
  demandPerDay: number;
  leadTimeDays: number;
  holdingCostPerUnitPerDay: number;
  backorderCostPerUnitPerDay: number;
}): BaseStockPoissonResult & { criticalRatio: number } {
  const fn = 'optimalBaseStockPoisson';
  const table = leadTimeDemand(fn, input);
  const holding = positiveCost(fn, 'holdingCostPerUnitPerDay', input.holdingCostPerUnitPerDay);
  const backorder = positiveCost(fn, 'backorderCostPerUnitPerDay', input.backorderCostPerUnitPerDay);
  const criticalRatio = backorder / (backorder + holding);
  const level = smallestQuantileAtLeast(table, criticalRatio);
  return { ...measuresAt(table, level, input.demandPerDay * input.leadTimeDays, holding, backorder), criticalRatio };
}

function measuresAt(
  table: Float64Array,
  level: number,
  leadTimeDemandMean: number,
  holding: number,
  backorder: number,
): BaseStockPoissonResult {
  const inStock = cdfAt(table, level - 1);
  const expectedOnHand = shortfallBelow(table, level);
  const expectedBackorders = lossAbove(table, level);
  return {
    baseStockLevel: level,
    leadTimeDemandMean,
    fillRate: inStock,
    readyRate: inStock,
    probabilityNoBackorders: cdfAt(table, level),
    expectedOnHand,
    expectedBackorders,
    expectedInventoryPosition: level,
    costPerDay: holding * expectedOnHand + backorder * expectedBackorders,
  };
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

function costOrZero(fn: string, name: string, value: number | undefined): number {
  if (value === undefined) return 0;
  if (!(value >= 0 && value < Infinity)) throw new RangeError(`${fn}: ${name} must be a finite number >= 0, got ${value}`);
  return value;
}

function positiveCost(fn: string, name: string, value: number): number {
  if (!(value > 0 && value < Infinity)) throw new RangeError(`${fn}: ${name} must be a finite number > 0, got ${value}`);
  return value;
}
