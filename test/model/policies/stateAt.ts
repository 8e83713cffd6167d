import type { PolicyState } from '../../../src/model/policies/policy.ts';

/**
 * A stock point as a policy sees it, with the given inventory position: on hand when positive,
 * backorders when negative, nothing on order.
 */
export function stateAt(inventoryPosition: number, demandSinceReview = 0): PolicyState {
  return {
    now: 0,
    onHand: Math.max(0, inventoryPosition),
    backorders: Math.max(0, -inventoryPosition),
    onOrder: 0,
    inventoryPosition,
    echelonInventoryPosition: inventoryPosition,
    demandSinceReview,
  };
}
