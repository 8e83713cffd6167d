import type { Policy as PolicySpec } from '../../scenario/schema.ts';
import type { Policy, PolicyContext, PolicyState } from './policy.ts';

export type PassThroughSpec = Extract<PolicySpec, { type: 'passThrough' }>;

/**
 * Pass-through (lot-for-lot by period, "order what was demanded"): every R days, order exactly the
 * units demanded since the previous review. Under backorders the inventory position then comes back at
 * every review to where it started, so this is a periodic base-stock policy whose level is the initial
 * inventory position (the stock on hand at time 0); what it adds is that the level is set by the
 * starting stock instead of being written down.
 *
 * Every unit demanded is ordered, sold or not: under lost sales each lost unit is ordered too and the
 * position rises by it (a base-stock or (R, S) policy keeps its level there).
 */
export class PassThroughRule implements Policy {
  readonly type = 'passThrough';
  readonly reviewPeriod: number;
  readonly firstReview: number;
  readonly reorderPoint = null;
  /** the level the position returns to at each review: the initial inventory position */
  readonly orderUpTo: number;
  /**
   * when the scenario gives no initialOnHand: the mean demand over the lead time and one review period,
   * rounded up to a whole unit (about half the reviews' periods then end short; give initialOnHand for
   * more service)
   */
  readonly defaultInitialOnHand: number;
  /** periodic: asked at reviews only */
  readonly quietAbove = Infinity;

  constructor(spec: PassThroughSpec, context: PolicyContext) {
    this.reviewPeriod = spec.reviewPeriod;
    this.firstReview = spec.firstReview;
    this.defaultInitialOnHand = Math.ceil(context.demandPerDay.mean * (context.leadTime.mean + spec.reviewPeriod) - 1e-9);
    this.orderUpTo = context.initialOnHand ?? this.defaultInitialOnHand;
  }

  orderQuantity(state: PolicyState): number {
    return state.demandSinceReview;
  }
}
