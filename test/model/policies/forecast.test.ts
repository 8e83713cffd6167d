import { describe, expect, it } from 'vitest';
import { ForecastRule } from '../../../src/model/policies/forecast.ts';
import type { PolicyContext } from '../../../src/model/policies/policy.ts';
import { stateAt } from './stateAt.ts';
import { ForecastPolicy as ForecastSpec } from '../../../src/scenario/schema.ts';

/** A stock point at a review: its inventory position and the demand seen since the last review. */

/** 10 a day (sd 2), lead time 2 days: with R = 1 the risk period L + R is 3 days */
const context: PolicyContext = {
  demandPerDay: { mean: 10, variance: 4 },
  leadTime: { mean: 2, variance: 0 },
  holdingCostPerUnitPerDay: 0.1,
  orderingCost: 0,
};

function rule(spec: unknown): ForecastRule {
  return new ForecastRule(ForecastSpec.parse(spec), context);
}

describe('forecast', () => {
  it('starts from the context: target = mean * (L + R) + k * sd * sqrt(L + R)', () => {
    const plain = rule({ type: 'forecast', method: { type: 'movingAverage', periods: 3 } });
    expect(plain).toMatchObject({ type: 'forecast', reviewPeriod: 1, firstReview: 1, reorderPoint: null, orderUpTo: 30, defaultInitialOnHand: 30 });
    expect(plain.sigmaPerDay).toBe(2);
    const safe = rule({ type: 'forecast', method: { type: 'movingAverage', periods: 3 }, safetyFactor: 2 });
    expect(safe.orderUpTo).toBeCloseTo(30 + 2 * 2 * Math.sqrt(3), 12);
  });

  it('moving average over p reviews tracks a step change in demand after p periods', () => {
    const policy = rule({ type: 'forecast', method: { type: 'movingAverage', periods: 3 } });
    // demand steps from 10 to 20 a day; the window forgets the old level one review at a time
    expect(policy.orderQuantity(stateAt(20, 20))).toBeCloseTo(((20 + 10 + 10) / 3) * 3 - 20, 12);
    expect(policy.forecastPerDay).toBeCloseTo(40 / 3, 12);
    policy.orderQuantity(stateAt(20, 20));
    expect(policy.forecastPerDay).toBeCloseTo(50 / 3, 12);
    expect(policy.orderQuantity(stateAt(20, 20))).toBeCloseTo(20 * 3 - 20, 12);
    expect(policy.forecastPerDay).toBeCloseTo(20, 12);
    expect(policy.orderUpTo).toBeCloseTo(60, 12);
    // and stays there
    policy.orderQuantity(stateAt(60, 20));
    expect(policy.forecastPerDay).toBeCloseTo(20, 12);
  });

  it('exponential smoothing moves the forecast alpha of the way to each observation', () => {
    const policy = rule({ type: 'forecast', method: { type: 'exponentialSmoothing', alpha: 0.5 } });
    policy.orderQuantity(stateAt(30, 20));
    expect(policy.forecastPerDay).toBe(15);
    policy.orderQuantity(stateAt(30, 20));
    expect(policy.forecastPerDay).toBe(17.5);
  });

  it('observes demand per day over the review period', () => {
    const policy = rule({ type: 'forecast', method: { type: 'exponentialSmoothing', alpha: 1 }, reviewPeriod: 7 });
    expect(policy.firstReview).toBe(7);
    policy.orderQuantity(stateAt(0, 84));
    expect(policy.forecastPerDay).toBe(12);
    // risk period L + R = 9 days
    expect(policy.orderUpTo).toBe(108);
  });

  it('smooths the squared forecast error into sigma', () => {
    const policy = rule({ type: 'forecast', method: { type: 'exponentialSmoothing', alpha: 0.5 } });
    // error 16 - 10 = 6: mean square 4 + 0.1 * (36 - 4) = 7.2
    policy.orderQuantity(stateAt(30, 16));
    expect(policy.sigmaPerDay).toBeCloseTo(Math.sqrt(7.2), 12);
    // error 13 - 13 = 0: 7.2 * 0.9 = 6.48
    policy.orderQuantity(stateAt(30, 13));
    expect(policy.sigmaPerDay).toBeCloseTo(Math.sqrt(6.48), 12);
  });

  it('returns stock (a negative order) above the target only when allowReturns', () => {
    const keep = rule({ type: 'forecast', method: { type: 'movingAverage', periods: 1 } });
    const send = rule({ type: 'forecast', method: { type: 'movingAverage', periods: 1 }, allowReturns: true });
    // demand 10 keeps the target at 30; the position is 45
    expect(keep.orderQuantity(stateAt(45, 10))).toBe(0);
    expect(send.orderQuantity(stateAt(45, 10))).toBe(-15);
    // below the target both order the same
    expect(keep.orderQuantity(stateAt(25, 10))).toBe(5);
    expect(send.orderQuantity(stateAt(25, 10))).toBe(5);
  });
});
