import type { Policy as PolicySpec } from '../../scenario/schema.ts';
import type { Policy, PolicyState } from './policy.ts';

export type PeriodicRsSpec = Extract<PolicySpec, { type: 'periodicRS' }>;

/**
 * Periodic review (R, S), also called order-up-to: every R days, order whatever lifts the inventory
 * position back to S (Silver, Pyke & Thomas, *Inventory and Production Management in Supply Chains*,
 * 4th ed., 2017, ch. 6). Never returns stock: above S it orders nothing.
 */
export class PeriodicRsRule implements Policy {
  readonly type = 'periodicRS';
  readonly reviewPeriod: number;
  readonly firstReview: number;
  readonly reorderPoint = null;
  readonly orderUpTo: number;
  readonly defaultInitialOnHand: number;
  /** periodic: asked at reviews only */
  readonly quietAbove = Infinity;

  constructor(spec: PeriodicRsSpec) {
    this.reviewPeriod = spec.reviewPeriod;
    this.firstReview = spec.firstReview;
    this.orderUpTo = spec.orderUpTo;
    this.defaultInitialOnHand = Math.max(0, spec.orderUpTo);
  }

  orderQuantity(state: PolicyState): number {
    const position = state.inventoryPosition;
    return position < this.orderUpTo ? this.orderUpTo - position : 0;
  }
}
