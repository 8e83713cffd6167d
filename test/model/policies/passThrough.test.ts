import { describe, expect, it } from 'vitest';
import { PassThroughRule } from '../../../src/model/policies/passThrough.ts';
import type { PolicyContext } from '../../../src/model/policies/policy.ts';
import { PassThroughPolicy } from '../../../src/scenario/schema.ts';
import { stateAt } from './stateAt.ts';

const context: PolicyContext = { demandPerDay: { mean: 4.5, variance: 9 }, leadTime: { mean: 4, variance: 0 }, holdingCostPerUnitPerDay: 0.1, orderingCost: 0 };

describe('pass-through (order what was demanded)', () => {
  it('orders the demand since the previous review, whatever the position', () => {
    const rule = new PassThroughRule(PassThroughPolicy.parse({ type: 'passThrough' }), context);
    expect(rule.orderQuantity(stateAt(3, 9))).toBe(9);
    expect(rule.orderQuantity(stateAt(-10, 2.5))).toBe(2.5);
    expect(rule.orderQuantity(stateAt(50, 0))).toBe(0);
  });

  it('its level is the initial stock the scenario gives', () => {
    const rule = new PassThroughRule(PassThroughPolicy.parse({ type: 'passThrough', reviewPeriod: 7, firstReview: 1 }), { ...context, initialOnHand: 30 });
    expect(rule).toMatchObject({ type: 'passThrough', reviewPeriod: 7, firstReview: 1, reorderPoint: null, orderUpTo: 30, quietAbove: Infinity });
  });

  it('without one, the mean demand over lead time + review period, rounded up to a unit', () => {
    // 4.5 a day over 4 + 1 days = 22.5 -> 23; over 4 + 2 days = 27 exactly
    expect(new PassThroughRule(PassThroughPolicy.parse({ type: 'passThrough' }), context)).toMatchObject({ orderUpTo: 23, defaultInitialOnHand: 23 });
    expect(new PassThroughRule(PassThroughPolicy.parse({ type: 'passThrough', reviewPeriod: 2 }), context)).toMatchObject({ orderUpTo: 27, defaultInitialOnHand: 27 });
  });
});
