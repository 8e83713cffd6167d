import type { Policy as PolicySpec } from '../../scenario/schema.ts';
import type { Policy } from './policy.ts';

export type FixedQuantitySpec = Extract<PolicySpec, { type: 'fixedQuantity' }>;

/**
 * Fixed quantity at fixed intervals (the TQ or periodic fixed-quantity policy): every T days, order Q
 * units, whatever the stock. It keeps no level: when Q / T differs from the demand rate, stock builds
 * up or the backlog grows without bound, which is what the policy is there to show against the
 * policies that look at the inventory position (Silver, Pyke & Thomas, *Inventory and Production
 * Management in Supply Chains*, 4th ed., 2017, ch. 6, on periodic review).
 */
export class FixedQuantityRule implements Policy {
  readonly type = 'fixedQuantity';
  readonly reviewPeriod: number;
  readonly firstReview: number;
  readonly reorderPoint = null;
  readonly orderUpTo = null;
  /** one order's worth */
  readonly defaultInitialOnHand: number;
  /** periodic: asked at reviews only */
  readonly quietAbove = Infinity;
  private readonly quantity: number;

  constructor(spec: FixedQuantitySpec) {
    this.reviewPeriod = spec.reviewPeriod;
    this.firstReview = spec.firstReview;
    this.quantity = spec.orderQuantity;
    this.defaultInitialOnHand = spec.orderQuantity;
  }

  orderQuantity(): number {
    return this.quantity;
  }
}
