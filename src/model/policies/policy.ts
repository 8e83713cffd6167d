import type { Policy as PolicySpec } from '../../scenario/schema.ts';

/**
 * What a policy sees of its stock point when it decides. The stock point itself implements this
 * (no object is built per decision).
 */
export interface PolicyState {
  readonly now: number;
  readonly onHand: number;
  /** units owed to customers or downstream points */
  readonly backorders: number;
  /** units ordered and not yet received (in transit or backordered upstream) */
  readonly onOrder: number;
  /** onHand + onOrder - backorders */
  readonly inventoryPosition: number;
  /**
   * onOrder + every unit at or below this point (on hand here and at the points it supplies, directly
   * or not, and in transit to them) - units customers there are owed
   */
  readonly echelonInventoryPosition: number;
  /** units demanded since the previous review (periodic policies; reset by the stock point after each review) */
  readonly demandSinceReview: number;
}

/**
 * What a policy may know of its environment when it is created: the demand it faces and the lead time
 * of its supply, from the scenario's distributions (not from observed data), and its costs.
 */
export interface PolicyContext {
  /** demand per day at the stock point (customer demand, or the sum of downstream points' demand) */
  demandPerDay: { mean: number; variance: number };
  /** replenishment lead time in days, supplier processing included */
  leadTime: { mean: number; variance: number };
  holdingCostPerUnitPerDay: number;
  orderingCost: number;
  /** units on hand at time 0 as the scenario gives them (its initialOnHand); absent when it does not say */
  initialOnHand?: number;
}

/**
 * A stocking policy: one small module per policy in this folder, behind this interface.
 *
 * Continuous-review policies (`reviewPeriod === 0`) are asked after every change of the inventory
 * position; periodic ones only at their reviews (firstReview, firstReview + reviewPeriod, ...), or, for
 * a policy with `nextReviewAfter`, at firstReview and then at the times it gives.
 */
export interface Policy {
  readonly type: PolicySpec['type'];
  /**
   * days between reviews; 0 for continuous review. A policy with `nextReviewAfter` reviews when that
   * says: its reviewPeriod is the cycle its reviews repeat over (Infinity when they do not), which the
   * end-of-period measures use.
   */
  readonly reviewPeriod: number;
  /** day of the first review (periodic policies) */
  readonly firstReview: number;
  /** reorder point for charts and reports, or null when the policy has none */
  readonly reorderPoint: number | null;
  /** order-up-to level for charts and reports, or null when the policy has none */
  readonly orderUpTo: number | null;
  /** units on hand at time 0 when the scenario does not say */
  readonly defaultInitialOnHand: number;
  /**
   * A continuous-review policy orders nothing while the inventory position is above this (Infinity
   * when there is no such bound). Most demands leave the position well above it, so the hot path
   * skips asking the policy then.
   */
  readonly quietAbove: number;
  /** the policy reads the echelon inventory position: ask it after demand anywhere below this point */
  readonly usesEchelonPosition?: boolean;
  /**
   * Periodic policies whose reviews are not evenly spaced (a schedule): the time of the review after
   * the one at `now` (Infinity for none). Absent: now + reviewPeriod.
   */
  nextReviewAfter?(now: number): number;
  /**
   * Units to order now, before case-pack and minimum-order rounding: 0 for no order; negative only for
   * policies that allow returns upstream.
   */
  orderQuantity(state: PolicyState): number;
}
