import { describe, expect, it } from 'vitest';
import { PeriodicRsRule } from '../../../src/model/policies/periodicRS.ts';
import { PeriodicRsPolicy as PeriodicRsSpec } from '../../../src/scenario/schema.ts';
import { stateAt } from './stateAt.ts';

/** A stock point as a policy sees it: stock on hand (or backordered), nothing on order. */

describe('(R,S)', () => {
  const rule = new PeriodicRsRule(PeriodicRsSpec.parse({ type: 'periodicRS', reviewPeriod: 7, orderUpTo: 100 }));

  it('orders up to S at every review, however small the gap', () => {
    expect(rule.orderQuantity(stateAt(99))).toBe(1);
    expect(rule.orderQuantity(stateAt(-10))).toBe(110);
  });

  it('does not order (or return) above S', () => {
    expect(rule.orderQuantity(stateAt(120))).toBe(0);
  });

  it('reviews every R days from day 0 unless told', () => {
    expect(rule).toMatchObject({ type: 'periodicRS', reviewPeriod: 7, firstReview: 0, reorderPoint: null, orderUpTo: 100, defaultInitialOnHand: 100 });
    const later = new PeriodicRsRule(PeriodicRsSpec.parse({ type: 'periodicRS', reviewPeriod: 7, orderUpTo: 100, firstReview: 3 }));
    expect(later.firstReview).toBe(3);
  });
});
