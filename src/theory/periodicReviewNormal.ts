/**
 * Periodic-review order-up-to (R, S) with normal demand, backorders and a constant lead time (Silver,
 * Pyke & Thomas, *Inventory and Production Management in Supply Chains*, 4th ed., 2017, ch. 6;
 * Snyder & Shen, *Fundamentals of Supply Chain Theory*, 2nd ed., 2019, ch. 4, for R = 1).
 *
 * Timing (the textbook one): the demand of each day is N(mu, sigma²), independent across days; every R
 * days the inventory position is raised to S; an order placed at a review arrives L days later, before
 * that day's demand; costs are charged on the net inventory at the end of each review period.
 *
 * Protection interval: an order placed at t is the last to arrive until t + R + L, so the chance of no
 * stockout in a replenishment cycle is P(D(R + L) <= S) = Φ(z), z = (S - mu (R + L)) / (sigma sqrt(R + L)),
 * and Silver, Pyke & Thomas's fill rate is 1 - sigma sqrt(R + L) G(z) / (mu R), with G the normal loss
 * function (it counts the backlog carried into a cycle again, so it is slightly low when service is poor).
 *
 * Period ends: at the end of the review period in which the order placed at t arrives, every order
 * placed up to t has arrived and none placed later, so the net inventory is S - D(w) with
 * w = R (floor(L / R) + 1) days. When L is a multiple of R (the textbook case, e.g. R = 1) w = R + L,
 * the protection interval; otherwise the order arrives inside a review period and w < R + L.
 */
import { normalCdf, normalLoss } from '../math/normal.ts';

export interface PeriodicReviewNormalInput {
  /** mean demand per day, mu */
  demandPerDay: number;
  /** standard deviation of a day's demand, sigma */
  demandSdPerDay: number;
  reviewPeriodDays: number;
  leadTimeDays: number;
  /** S */
  orderUpToLevel: number;
  /** charged on the stock on hand at the end of each review period */
  holdingCostPerUnitPerPeriod?: number;
  /** charged on the backlog at the end of each review period */
  backorderCostPerUnitPerPeriod?: number;
  /** per order; one order per review (normal demand is never exactly 0) */
  orderingCost?: number;
}

export interface PeriodicReviewNormalResult {
  /** R + L */
  protectionIntervalDays: number;
  /** (S - mu (R + L)) / (sigma sqrt(R + L)) */
  z: number;
  /** S - mu (R + L) */
  safetyStock: number;
  /** Φ(z): probability of no stockout in a replenishment cycle */
  cycleServiceLevel: number;
  /** 1 - sigma sqrt(R + L) G(z) / (mu R) (Silver, Pyke & Thomas 2017, ch. 6) */
  fillRate: number;
  /** w = R (floor(L / R) + 1): the demand window behind the period-end net inventory */
  periodEndWindowDays: number;
  /** E(S - D(w))+ */
  expectedOnHandAtPeriodEnd: number;
  /** E(D(w) - S)+ */
  expectedBackordersAtPeriodEnd: number;
  /** h E(on hand) + b E(backorders) + K, per review period (0 for the costs not given) */
  costPerPeriod: number;
}

/** The measures of (R, S) under the timing of the module comment. */
export function periodicReviewNormal(input: PeriodicReviewNormalInput): PeriodicReviewNormalResult {
  const fn = 'periodicReviewNormal';
  const mu = positive(fn, 'demandPerDay', input.demandPerDay);
  const sigma = positive(fn, 'demandSdPerDay', input.demandSdPerDay);
  const review = positive(fn, 'reviewPeriodDays', input.reviewPeriodDays);
  const lead = nonNegative(fn, 'leadTimeDays', input.leadTimeDays);
  const level = input.orderUpToLevel;
  if (!Number.isFinite(level)) throw new RangeError(`${fn}: orderUpToLevel must be a finite number, got ${level}`);
  const holding = nonNegative(fn, 'holdingCostPerUnitPerPeriod', input.holdingCostPerUnitPerPeriod ?? 0);
  const backorder = nonNegative(fn, 'backorderCostPerUnitPerPeriod', input.backorderCostPerUnitPerPeriod ?? 0);
  const ordering = nonNegative(fn, 'orderingCost', input.orderingCost ?? 0);

  const protection = review + lead;
  const sdProtection = sigma * Math.sqrt(protection);
  const z = (level - mu * protection) / sdProtection;

  // the tolerance keeps L = 3 R from flooring to 2 when L / R is computed as 2.9999999999999996
  const window = review * (Math.floor(lead / review + 1e-9) + 1);
  const sdWindow = sigma * Math.sqrt(window);
  const expectedBackordersAtPeriodEnd = sdWindow * normalLoss((level - mu * window) / sdWindow);
  // E(S - D)+ = S - E[D] + E(D - S)+
  const expectedOnHandAtPeriodEnd = level - mu * window + expectedBackordersAtPeriodEnd;

  return {
    protectionIntervalDays: protection,
    z,
    safetyStock: level - mu * protection,
    cycleServiceLevel: normalCdf(z),
    fillRate: 1 - (sdProtection * normalLoss(z)) / (mu * review),
    periodEndWindowDays: window,
    expectedOnHandAtPeriodEnd,
    expectedBackordersAtPeriodEnd,
    costPerPeriod: holding * expectedOnHandAtPeriodEnd + backorder * expectedBackordersAtPeriodEnd + ordering,
  };
}

function positive(fn: string, name: string, value: number): number {
  if (!(value > 0 && value < Infinity)) throw new RangeError(`${fn}: ${name} must be a finite number > 0, got ${value}`);
  return value;
}

function nonNegative(fn: string, name: string, value: number): number {
  if (!(value >= 0 && value < Infinity)) throw new RangeError(`${fn}: ${name} must be a finite number >= 0, got ${value}`);
  return value;
}
