import { describe, expect, it } from 'vitest';
import { SsRule } from '../../../src/model/policies/sS.ts';
import { SsPolicy as SsSpec } from '../../../src/scenario/schema.ts';
import { stateAt } from './stateAt.ts';

/** A stock point as a policy sees it: stock on hand (or backordered), nothing on order. */

const rule = new SsRule(SsSpec.parse({ type: 'sS', reorderPoint: 20, orderUpTo: 100 }));

describe('(s,S)', () => {
  it('orders up to S when the position falls to s', () => {
    expect(rule.orderQuantity(stateAt(20))).toBe(80);
  });

  it('orders up to S from below s, backorders included', () => {
    expect(rule.orderQuantity(stateAt(7))).toBe(93);
    expect(rule.orderQuantity(stateAt(-5))).toBe(105);
  });

  it('does not order above s', () => {
    expect(rule.orderQuantity(stateAt(20.5))).toBe(0);
    expect(rule.orderQuantity(stateAt(100))).toBe(0);
  });

  it('reviews continuously, reports s and S, and starts full', () => {
    expect(rule).toMatchObject({ type: 'sS', reviewPeriod: 0, reorderPoint: 20, orderUpTo: 100, defaultInitialOnHand: 100 });
  });
});
