import type { Policy as PolicySpec } from '../../scenario/schema.ts';
import type { Policy, PolicyState } from './policy.ts';

export type BaseStockSpec = Extract<PolicySpec, { type: 'baseStock' }>;

/**
 * One-for-one base stock S: every drop of the inventory position below S is replaced at once, so the
 * position stays at S (Axsäter, *Inventory Control*, 3rd ed., 2015; Zipkin, *Foundations of
 * Inventory Management*, 2000).
 *
 * `reorderPoint` is null: the rule has no threshold of its own. (With whole units it acts as (s, S)
 * with s = S - 1, but demand here may be fractional, and S - 1 would then mislabel the trigger.)
 */
export class BaseStockRule implements Policy {
  readonly type = 'baseStock';
  readonly reviewPeriod = 0;
  readonly firstReview = 0;
  readonly reorderPoint = null;
  readonly orderUpTo: number;
  /** it orders only below S */
  readonly quietAbove: number;
  readonly defaultInitialOnHand: number;

  constructor(spec: BaseStockSpec) {
    this.orderUpTo = spec.level;
    this.quietAbove = spec.level;
    this.defaultInitialOnHand = Math.max(0, spec.level);
  }

  orderQuantity(state: PolicyState): number {
    const position = state.inventoryPosition;
    return position < this.orderUpTo ? this.orderUpTo - position : 0;
  }
}
