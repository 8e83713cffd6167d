import type { Policy as PolicySpec } from '../../scenario/schema.ts';
import type { Policy, PolicyState } from './policy.ts';

export type RqSpec = Extract<PolicySpec, { type: 'rQ' }>;

/**
 * Units an (r, Q) rule orders at inventory position `position`: nothing above r; at or below r, the
 * fewest whole lots of Q that lift the position strictly above r. One lot is the usual case; several
 * when a large demand (or a long outage) pushed the position more than Q below r.
 *
 * Shared with the service-target rule, which is an (r, Q) rule with computed parameters.
 */
export function lotsToOrder(position: number, reorderPoint: number, lotSize: number): number {
  if (position > reorderPoint) return 0;
  // smallest whole n with position + n * Q > r, i.e. n > (r - position) / Q
  return (Math.floor((reorderPoint - position) / lotSize) + 1) * lotSize;
}

/**
 * Continuous-review (r, Q): when the inventory position falls to r or below, order lots of Q until it
 * is above r again (Silver, Pyke & Thomas, *Inventory and Production Management in Supply Chains*,
 * 4th ed., 2017, ch. 6; Axsäter, *Inventory Control*, 3rd ed., 2015). Ordering several lots when
 * needed is the form often written (r, nQ); with one lot per order the position could stay below r.
 * Trigger `position <= r`, as for (s, S).
 *
 * `orderUpTo` reports r + Q: the highest position the rule ever restores, a useful upper line on a
 * stock chart, though the rule never orders "up to" it as an (s, S) rule would.
 */
export class RqRule implements Policy {
  readonly type = 'rQ';
  readonly reviewPeriod = 0;
  readonly firstReview = 0;
  readonly reorderPoint: number;
  readonly lotSize: number;
  readonly orderUpTo: number;
  readonly quietAbove: number;
  readonly defaultInitialOnHand: number;

  constructor(spec: RqSpec) {
    this.reorderPoint = spec.reorderPoint;
    this.lotSize = spec.orderQuantity;
    this.orderUpTo = spec.reorderPoint + spec.orderQuantity;
    this.quietAbove = spec.reorderPoint;
    this.defaultInitialOnHand = Math.max(0, this.orderUpTo);
  }

  orderQuantity(state: PolicyState): number {
    return lotsToOrder(state.inventoryPosition, this.reorderPoint, this.lotSize);
  }
}
