import { describe, expect, it } from 'vitest';
import type { PolicyState } from '../../../src/model/policies/policy.ts';
import { ScheduleRule } from '../../../src/model/policies/schedule.ts';
import { SchedulePolicy } from '../../../src/scenario/schema.ts';
import { stateAt } from './stateAt.ts';

const at = (now: number): PolicyState => ({ ...stateAt(10), now });
const rule = (spec: unknown) => new ScheduleRule(SchedulePolicy.parse(spec));

/** Walks the reviews as the replenishment process does: first review, then nextReviewAfter each. */
function reviews(policy: ScheduleRule, horizon: number): [number, number][] {
  const seen: [number, number][] = [];
  for (let now = policy.firstReview; now < horizon; now = policy.nextReviewAfter(now)) seen.push([now, policy.orderQuantity(at(now))]);
  return seen;
}

describe('a fixed order schedule', () => {
  it('reviews on its days, orders their quantities, then stops', () => {
    const once = rule({ type: 'schedule', orders: [{ day: 2, quantity: 5 }, { day: 3.5, quantity: 0 }, { day: 9, quantity: 8 }] });
    expect(once).toMatchObject({ type: 'schedule', firstReview: 2, reviewPeriod: Infinity, reorderPoint: null, orderUpTo: null, defaultInitialOnHand: 8, quietAbove: Infinity });
    expect(reviews(once, 1000)).toEqual([
      [2, 5],
      [3.5, 0],
      [9, 8],
    ]);
    expect(once.nextReviewAfter(9)).toBe(Infinity);
  });

  it('repeats every N days: day_i + k N', () => {
    const weekly = rule({ type: 'schedule', orders: [{ day: 1, quantity: 7 }, { day: 4, quantity: 12 }], repeatEveryDays: 7 });
    expect(weekly.reviewPeriod).toBe(7);
    expect(reviews(weekly, 24)).toEqual([
      [1, 7],
      [4, 12],
      [8, 7],
      [11, 12],
      [15, 7],
      [18, 12],
      [22, 7],
    ]);
  });

  it('a single order repeating: every N days from its day', () => {
    expect(reviews(rule({ type: 'schedule', orders: [{ day: 0, quantity: 3 }], repeatEveryDays: 2.5 }), 10).map(([day]) => day)).toEqual([0, 2.5, 5, 7.5]);
  });

  it('orders nothing at a time it does not name, and finds the entry when a review is skipped', () => {
    const weekly = rule({ type: 'schedule', orders: [{ day: 1, quantity: 7 }, { day: 4, quantity: 12 }], repeatEveryDays: 7 });
    expect(weekly.orderQuantity(at(2))).toBe(0);
    // a stock point past its end of life is not asked: the next ask still finds its day
    expect(weekly.orderQuantity(at(11))).toBe(12);
    expect(weekly.nextReviewAfter(11)).toBe(15);
  });
});
