import { describe, expect, it } from 'vitest';
import { ForecastRule } from '../../../src/model/policies/forecast.ts';
import { ForecastPolicy as ForecastSpec } from '../../../src/scenario/schema.ts';
import { stateAt } from './stateAt.ts';

/**
 * 10 a day (variance 4 a day), lead time 2 days, reviewed every R = 2 days: the risk period L + R is
 * 4 days. The forecast error is kept per review period (R days) and scaled to one day for sigma
 * (docs/SCENARIO.md: "the root of the exponentially smoothed mean square of the period errors, scaled to one day").
 */
function everyTwoDays(safetyFactor: number): ForecastRule {
  const spec = ForecastSpec.parse({ type: 'forecast', method: { type: 'exponentialSmoothing', alpha: 0.5 }, reviewPeriod: 2, safetyFactor });
  return new ForecastRule(spec, {
    demandPerDay: { mean: 10, variance: 4 },
    leadTime: { mean: 2, variance: 0 },
    holdingCostPerUnitPerDay: 0.1,
    orderingCost: 0,
  });
}

describe('forecast with a review period longer than a day: sigma is per day', () => {
  it('starts at the daily standard deviation of demand, whatever R', () => {
    // the period error's mean square starts at R × daily variance = 8, so one day's sigma is sqrt(8 / 2) = 2
    const policy = everyTwoDays(1);
    expect(policy.sigmaPerDay).toBe(2);
    // target = 10 × 4 + 1 × 2 × sqrt(4) = 44
    expect(policy.orderUpTo).toBe(44);
  });

  it('scales the smoothed period error to one day after each review', () => {
    const policy = everyTwoDays(1);
    // 24 units over the 2-day period against a forecast of 2 × 10 = 20: error 4, mean square
    // 8 + 0.1 × (16 − 8) = 8.8 per period, 4.4 per day; the forecast becomes 10 + 0.5 × (12 − 10) = 11
    const order = policy.orderQuantity(stateAt(30, 24));
    expect(policy.forecastPerDay).toBe(11);
    expect(policy.sigmaPerDay).toBeCloseTo(Math.sqrt(4.4), 12);
    // target 11 × 4 + sqrt(4.4) × 2 = 48.195..., position 30
    expect(order).toBeCloseTo(44 + 2 * Math.sqrt(4.4) - 30, 12);
  });
});
