import { describe, expect, it } from 'vitest';
import type { Policy } from '../../../src/model/policies/policy.ts';
import { FixedQuantityRule } from '../../../src/model/policies/fixedQuantity.ts';
import { FixedQuantityPolicy } from '../../../src/scenario/schema.ts';
import { stateAt } from './stateAt.ts';

describe('fixed quantity every T days (TQ)', () => {
  const rule = new FixedQuantityRule(FixedQuantityPolicy.parse({ type: 'fixedQuantity', reviewPeriod: 5, orderQuantity: 20 }));

  it('orders Q at every review, whatever the position', () => {
    for (const position of [-40, 0, 19, 20, 500]) expect((rule as Policy).orderQuantity(stateAt(position, 7))).toBe(20);
  });

  it('reviews every T days from day 0 unless told, with no level to chart, and starts with one order on hand', () => {
    expect(rule).toMatchObject({ type: 'fixedQuantity', reviewPeriod: 5, firstReview: 0, reorderPoint: null, orderUpTo: null, defaultInitialOnHand: 20, quietAbove: Infinity });
    expect((rule as Policy).nextReviewAfter).toBeUndefined();
    expect(new FixedQuantityRule(FixedQuantityPolicy.parse({ type: 'fixedQuantity', reviewPeriod: 5, orderQuantity: 20, firstReview: 2 })).firstReview).toBe(2);
  });
});
