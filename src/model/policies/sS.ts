import type { Policy as PolicySpec } from '../../scenario/schema.ts';
import type { Policy, PolicyState } from './policy.ts';

export type SsSpec = Extract<PolicySpec, { type: 'sS' }>;

/**
 * Continuous-review (s, S): when the inventory position falls to s or below, order up to S.
 *
 * The trigger is `position <= s`, as in Silver, Pyke & Thomas, *Inventory and Production Management
 * in Supply Chains*, 4th ed., 2017, ch. 6, so with unit demand an (s, S) point orders exactly when
 * its position reaches s, and (s, S) with s = S - 1 is base stock.
 */
export class SsRule implements Policy {
  readonly type = 'sS';
  readonly reviewPeriod = 0;
  readonly firstReview = 0;
  readonly reorderPoint: number;
  readonly orderUpTo: number;
  readonly quietAbove: number;
  readonly defaultInitialOnHand: number;

  constructor(spec: SsSpec) {
    this.reorderPoint = spec.reorderPoint;
    this.orderUpTo = spec.orderUpTo;
    this.quietAbove = spec.reorderPoint;
    // on-hand stock cannot be negative, whatever S the user chose
    this.defaultInitialOnHand = Math.max(0, spec.orderUpTo);
  }

  orderQuantity(state: PolicyState): number {
    const position = state.inventoryPosition;
    return position <= this.reorderPoint ? this.orderUpTo - position : 0;
  }
}
