import { describe, expect, it } from 'vitest';
import { BaseStockRule } from '../../../src/model/policies/baseStock.ts';
import { BaseStockPolicy as BaseStockSpec } from '../../../src/scenario/schema.ts';
import { stateAt } from './stateAt.ts';

/** A stock point as a policy sees it: stock on hand (or backordered), nothing on order. */

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
