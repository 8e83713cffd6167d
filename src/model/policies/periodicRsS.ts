import type { Policy as PolicySpec } from '../../scenario/schema.ts';
import type { Policy, PolicyState } from './policy.ts';

export type PeriodicRsSSpec = Extract<PolicySpec, { type: 'periodicRsS' }>;

/**
 * Periodic review (R, s, S): every R days, if the inventory position is at or below s, order up to S;
 * otherwise wait for the next review (Silver, Pyke & Thomas, *Inventory and Production Management in
 * Supply Chains*, 4th ed., 2017, ch. 6). Same `<= s` trigger as the continuous (s, S) rule.
 */
export class PeriodicRsSRule implements Policy {
  readonly type = 'periodicRsS';
  readonly reviewPeriod: number;
  readonly firstReview: number;
  readonly reorderPoint: number;
  readonly orderUpTo: number;
  readonly defaultInitialOnHand: number;
  /** periodic: asked at reviews only */
  readonly quietAbove = Infinity;

  constructor(spec: PeriodicRsSSpec) {
    this.reviewPeriod = spec.reviewPeriod;
    this.firstReview = spec.firstReview;
    this.reorderPoint = spec.reorderPoint;
    this.orderUpTo = spec.orderUpTo;
    this.defaultInitialOnHand = Math.max(0, spec.orderUpTo);
  }

  orderQuantity(state: PolicyState): number {
    const position = state.inventoryPosition;
    return position <= this.reorderPoint ? this.orderUpTo - position : 0;
  }
}
