/**
 * Base stock with lost sales, two exact cases.
 *
 * (a) Periodic review with zero lead time: each period starts at S (the order placed at its start
 * arrives at once), demand D of the period is served from stock, the excess is lost. The periods are
 * independent, so each is a newsvendor: end-of-period on hand (S - D)+, lost (D - S)+, and with a
 * holding cost h per unit left at the end of a period and a penalty p per lost sale the optimal S is
 * the critical fractile p / (p + h) (Bijvank & Vis, "Lost-sales inventory theory: a review", European
 * Journal of Operational Research 215(1), 2011; purchase costs are proportional to sales here, so
 * they do not move S).
 *
 * (b) Continuous review, one-for-one, Poisson demand of rate lambda a day, lead times independent with
 * any distribution of mean L days. A demand that finds no stock is lost and triggers no order, so the
 * units on order behave as the busy servers of an Erlang loss system M/G/S/S with offered load
 * a = lambda L, whose distribution is Poisson(a) truncated to 0..S whatever the lead-time distribution
 * (Palm 1938; Feeney & Sherbrooke, "The (S - 1, S) inventory policy under compound Poisson demand",
 * Management Science 12(5), 1966; Hadley & Whitin, *Analysis of Inventory Systems*, 1963). By PASTA the
 * fraction of demand lost is Erlang B(S, a), and E[on hand] = S - a (1 - B).
 */
import { cdfAt, lossAbove, shortfallBelow, tableMean } from './discrete.ts';
import { erlangB } from './queues.ts';
import { smallestQuantileAtLeast } from './newsvendor.ts';
import { normalCdf, normalLoss, normalQuantile } from '../math/normal.ts';

/** A period's demand: a table of P(D = k), k = 0.. (e.g. poissonPmf), or a normal mean and sd. */
export type PeriodDemand = { table: Float64Array } | { mean: number; sd: number };

export interface LostSalesBaseStockResult {
  baseStockLevel: number;
  expectedDemandPerPeriod: number;
  /** E(S - D)+ */
  expectedOnHandAtPeriodEnd: number;
  /** E(D - S)+ */
  expectedLostPerPeriod: number;
  /** 1 - E(D - S)+ / E[D] */
  fillRate: number;
  /** P(D <= S): the probability that a period loses nothing */
  probabilityNoLostSales: number;
  /** h E(S - D)+ + p E(D - S)+ (0 for the costs not given) */
  costPerPeriod: number;
}

/** (a): the measures of base stock S with lost sales and zero lead time, per period. */
export function lostSalesBaseStock(input: {
  demandPerPeriod: PeriodDemand;
  baseStockLevel: number;
  holdingCostPerUnitPerPeriod?: number;
  lostSaleCost?: number;
}): LostSalesBaseStockResult {
  const fn = 'lostSalesBaseStock';
  const holding = nonNegative(fn, 'holdingCostPerUnitPerPeriod', input.holdingCostPerUnitPerPeriod ?? 0);
  const penalty = nonNegative(fn, 'lostSaleCost', input.lostSaleCost ?? 0);
  return periodMeasures(fn, input.demandPerPeriod, input.baseStockLevel, holding, penalty);
}

/** (a): the cost-minimising S, the smallest with P(D <= S) >= p / (p + h) (mean + z sd if normal). */
export function optimalLostSalesBaseStock(input: {
  demandPerPeriod: PeriodDemand;
  holdingCostPerUnitPerPeriod: number;
  lostSaleCost: number;
}): LostSalesBaseStockResult & { criticalRatio: number } {
  const fn = 'optimalLostSalesBaseStock';
  const holding = positive(fn, 'holdingCostPerUnitPerPeriod', input.holdingCostPerUnitPerPeriod);
  const penalty = positive(fn, 'lostSaleCost', input.lostSaleCost);
  const criticalRatio = penalty / (penalty + holding);
  const demand = input.demandPerPeriod;
  const level =
    'table' in demand
      ? smallestQuantileAtLeast(demand.table, criticalRatio)
      : demand.mean + demand.sd * normalQuantile(criticalRatio);
  return { ...periodMeasures(fn, demand, level, holding, penalty), criticalRatio };
}

export interface LostSalesBaseStockPoissonResult {
  /** a = lambda L */
  offeredLoad: number;
  /** Erlang B(S, a): the fraction of demand lost */
  fractionLost: number;
  /** 1 - B */
  fillRate: number;
  /** P(on hand > 0) = 1 - P(S units on order) = 1 - B */
  readyRate: number;
  /** a (1 - B): the carried load, by Little's law */
  expectedOnOrder: number;
  /** S - a (1 - B) */
  expectedOnHand: number;
  /** lambda B */
  lostPerDay: number;
  /** lambda (1 - B): one order per unit sold */
  ordersPerDay: number;
  /** h E[on hand] + p lambda B (0 for the costs not given) */
  costPerDay: number;
}

/** (b): continuous-review lost-sales base stock S with Poisson demand and any lead-time distribution. */
export function lostSalesBaseStockPoisson(input: {
  demandPerDay: number;
  meanLeadTimeDays: number;
  baseStockLevel: number;
  holdingCostPerUnitPerDay?: number;
  lostSaleCost?: number;
}): LostSalesBaseStockPoissonResult {
  const fn = 'lostSalesBaseStockPoisson';
  const rate = nonNegative(fn, 'demandPerDay', input.demandPerDay);
  const offeredLoad = rate * nonNegative(fn, 'meanLeadTimeDays', input.meanLeadTimeDays);
  const level = input.baseStockLevel;
  if (!(Number.isInteger(level) && level >= 0)) throw new RangeError(`${fn}: baseStockLevel must be an integer >= 0, got ${level}`);
  const holding = nonNegative(fn, 'holdingCostPerUnitPerDay', input.holdingCostPerUnitPerDay ?? 0);
  const penalty = nonNegative(fn, 'lostSaleCost', input.lostSaleCost ?? 0);
  const fractionLost = erlangB(level, offeredLoad);
  const expectedOnOrder = offeredLoad * (1 - fractionLost);
  const expectedOnHand = level - expectedOnOrder;
  return {
    offeredLoad,
    fractionLost,
    fillRate: 1 - fractionLost,
    readyRate: 1 - fractionLost,
    expectedOnOrder,
    expectedOnHand,
    lostPerDay: rate * fractionLost,
    ordersPerDay: rate * (1 - fractionLost),
    costPerDay: holding * expectedOnHand + penalty * rate * fractionLost,
  };
}

function periodMeasures(
  fn: string,
  demand: PeriodDemand,
  level: number,
  holding: number,
  penalty: number,
): LostSalesBaseStockResult {
  let mean: number;
  let onHand: number;
  let lost: number;
  let noLoss: number;
  if ('table' in demand) {
    mean = checkedTableMean(fn, demand.table);
    if (!(Number.isInteger(level) && level >= 0)) throw new RangeError(`${fn}: baseStockLevel must be an integer >= 0, got ${level}`);
    onHand = shortfallBelow(demand.table, level);
    lost = lossAbove(demand.table, level);
    noLoss = cdfAt(demand.table, level);
  } else {
    mean = positive(fn, 'demandPerPeriod.mean', demand.mean);
    const sd = positive(fn, 'demandPerPeriod.sd', demand.sd);
    if (!Number.isFinite(level)) throw new RangeError(`${fn}: baseStockLevel must be a finite number, got ${level}`);
    // the normal is not truncated at 0, as in the textbook formulas: fine while mean >> sd
    const z = (level - mean) / sd;
    lost = sd * normalLoss(z);
    onHand = level - mean + lost;
    noLoss = normalCdf(z);
  }
  return {
    baseStockLevel: level,
    expectedDemandPerPeriod: mean,
    expectedOnHandAtPeriodEnd: onHand,
    expectedLostPerPeriod: lost,
    fillRate: 1 - lost / mean,
    probabilityNoLostSales: noLoss,
    costPerPeriod: holding * onHand + penalty * lost,
  };
}

function checkedTableMean(fn: string, table: Float64Array): number {
  let total = 0;
  for (const p of table) {
    if (!(p >= 0)) throw new RangeError(`${fn}: demandPerPeriod.table must hold probabilities >= 0, got ${p}`);
    total += p;
  }
  // rounding in a table's values and their sum grows with its length: 1e-9 per thousand entries (a
  // Poisson table of mean 5e5, a million entries, sums to 1 - 3.3e-9)
  if (Math.abs(total - 1) > 1e-9 * Math.max(1, table.length / 1000)) throw new RangeError(`${fn}: demandPerPeriod.table must sum to 1, got ${total}`);
  return positive(fn, 'the mean of demandPerPeriod.table', tableMean(table));
}

function positive(fn: string, name: string, value: number): number {
  if (!(value > 0 && value < Infinity)) throw new RangeError(`${fn}: ${name} must be a finite number > 0, got ${value}`);
  return value;
}

function nonNegative(fn: string, name: string, value: number): number {
  if (!(value >= 0 && value < Infinity)) throw new RangeError(`${fn}: ${name} must be a finite number >= 0, got ${value}`);
  return value;
}
