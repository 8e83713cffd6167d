import type { Policy as PolicySpec } from '../../scenario/schema.ts';
import type { Policy, PolicyState } from './policy.ts';

export type EchelonBaseStockSpec = Extract<PolicySpec, { type: 'echelonBaseStock' }>;

/**
 * Echelon base stock: order up to S on the *echelon* inventory position, what this point has on order
 * plus every unit at or below it (on hand here and at the points it supplies, directly or not, and in
 * transit between them) minus what customers down there are owed. Clark & Scarf (1960) showed that
 * this policy is optimal for a serial system; the optimal levels come from the Chen–Zheng recursion
 * (src/theory/serialBaseStock.ts; Zipkin, *Foundations of Inventory Management*, 2000, ch. 8).
 *
 * Continuous review: the simulation asks it whenever the echelon position moves, that is at every
 * customer demand at or below this point and after its own orders. At a point that supplies no other
 * point the echelon and installation positions coincide, and the rule is plain base stock.
 */
export class EchelonBaseStockRule implements Policy {
  readonly type = 'echelonBaseStock';
  readonly reviewPeriod = 0;
  readonly firstReview = 0;
  readonly reorderPoint = null;
  readonly orderUpTo: number;
  /** its trigger is the echelon position, not this point's own: always ask */
  readonly quietAbove = Infinity;
  readonly defaultInitialOnHand: number;
  readonly usesEchelonPosition = true;

  constructor(spec: EchelonBaseStockSpec) {
    this.orderUpTo = spec.level;
    // the echelon's stock starts here; the points below bring their own
    this.defaultInitialOnHand = 0;
  }

  orderQuantity(state: PolicyState): number {
    const position = state.echelonInventoryPosition;
    return position < this.orderUpTo ? this.orderUpTo - position : 0;
  }
}
