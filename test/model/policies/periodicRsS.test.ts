import { describe, expect, it } from 'vitest';
import { PeriodicRsSRule } from '../../../src/model/policies/periodicRsS.ts';
import { PeriodicRsSPolicy as PeriodicRsSSpec } from '../../../src/scenario/schema.ts';
import { stateAt } from './stateAt.ts';

/** A stock point as a policy sees it: stock on hand (or backordered), nothing on order. */

const rule = new PeriodicRsSRule(PeriodicRsSSpec.parse({ type: 'periodicRsS', reviewPeriod: 7, reorderPoint: 30, orderUpTo: 100 }));

describe('(R,s,S)', () => {
  it('orders up to S at a review when the position is at or below s', () => {
    expect(rule.orderQuantity(stateAt(30))).toBe(70);
    expect(rule.orderQuantity(stateAt(12))).toBe(88);
  });

  it('does not order above s', () => {
    expect(rule.orderQuantity(stateAt(31))).toBe(0);
    expect(rule.orderQuantity(stateAt(99))).toBe(0);
  });

  it('reports R, s and S and starts at S', () => {
    expect(rule).toMatchObject({ type: 'periodicRsS', reviewPeriod: 7, firstReview: 0, reorderPoint: 30, orderUpTo: 100, defaultInitialOnHand: 100 });
  });
});
