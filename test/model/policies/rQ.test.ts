import { describe, expect, it } from 'vitest';
import { lotsToOrder, RqRule } from '../../../src/model/policies/rQ.ts';
import { RqPolicy as RqSpec } from '../../../src/scenario/schema.ts';
import { stateAt } from './stateAt.ts';

/** A stock point as a policy sees it: stock on hand (or backordered), nothing on order. */

const rule = new RqRule(RqSpec.parse({ type: 'rQ', reorderPoint: 20, orderQuantity: 50 }));

describe('(r,Q)', () => {
  it('orders one lot when the position falls to r', () => {
    expect(rule.orderQuantity(stateAt(20))).toBe(50);
    expect(rule.orderQuantity(stateAt(0))).toBe(50);
  });

  it('orders two lots when the position falls far below r', () => {
    // one lot would leave the position at -30 + 50 = 20, not above r
    expect(rule.orderQuantity(stateAt(-30))).toBe(100);
    expect(rule.orderQuantity(stateAt(-31))).toBe(100);
  });

  it('does not order above r', () => {
    expect(rule.orderQuantity(stateAt(21))).toBe(0);
  });

  it('always lifts the position strictly above r with the fewest lots', () => {
    for (const position of [-200, -80.5, -30, 19.99, 20]) {
      const order = lotsToOrder(position, 20, 50);
      expect(position + order).toBeGreaterThan(20);
      expect(position + order - 50).toBeLessThanOrEqual(20);
    }
  });

  it('reports r + Q as its order-up-to line and starts there', () => {
    expect(rule).toMatchObject({ type: 'rQ', reviewPeriod: 0, reorderPoint: 20, lotSize: 50, orderUpTo: 70, defaultInitialOnHand: 70 });
  });
});
