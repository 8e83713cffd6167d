import { describe, expect, it } from 'vitest';
import { BaseStockRule } from '../../../src/model/policies/baseStock.ts';
import { BaseStockPolicy as BaseStockSpec } from '../../../src/scenario/schema.ts';
import type { PolicyState } from '../../../src/model/policies/policy.ts';

/** A stock point as a policy sees it: stock on hand (or backordered), nothing on order. */
function stateAt(inventoryPosition: number, demandSinceReview = 0): PolicyState {
  return {
    now: 0,
    onHand: Math.max(0, inventoryPosition),
    backorders: Math.max(0, -inventoryPosition),
    onOrder: 0,
    inventoryPosition,
    demandSinceReview,
  };
}

const rule = new BaseStockRule(BaseStockSpec.parse({ type: 'baseStock', level: 40 }));

describe('base stock', () => {
  it('replaces each unit of demand at once', () => {
    expect(rule.orderQuantity(stateAt(39))).toBe(1);
    expect(rule.orderQuantity(stateAt(37.5))).toBe(2.5);
  });

  it('does not order at or above S', () => {
    expect(rule.orderQuantity(stateAt(40))).toBe(0);
    expect(rule.orderQuantity(stateAt(45))).toBe(0);
  });

  it('has no reorder point and starts at S', () => {
    expect(rule).toMatchObject({ type: 'baseStock', reviewPeriod: 0, reorderPoint: null, orderUpTo: 40, defaultInitialOnHand: 40 });
  });
});
