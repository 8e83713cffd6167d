import { describe, expect, it } from 'vitest';
import { planSweep } from '../../src/experiment/sweep.ts';
import { parseScenario } from '../../src/scenario/parse.ts';
import type { ScenarioInput } from '../../src/scenario/schema.ts';
import { scenarioOf, singleStore } from '../fixtures/scenario.ts';

const storeWith = (policy: ScenarioInput['stockPoints'][number]['policy']) => ({ ...scenarioOf(singleStore({ policy, customersPerDay: 3, horizonDays: 100, initialOnHand: 10 })), replications: 2 });

describe('sweeps over the fixed-quantity, schedule and pass-through parameters (any numeric field of the policy)', () => {
  it('fixedQuantity: Q across, T down, each point a valid variant', () => {
    const plan = planSweep(storeWith({ type: 'fixedQuantity', reviewPeriod: 7, orderQuantity: 21 }), {
      product: 'widget',
      axes: [
        { parameter: 'reviewPeriod', values: [5, 7] },
        { parameter: 'orderQuantity', values: [15, 21] },
      ],
    });
    expect(plan.points.map((point) => point.id)).toEqual(['reviewPeriod:5_orderQuantity:15', 'reviewPeriod:5_orderQuantity:21', 'reviewPeriod:7_orderQuantity:15', 'reviewPeriod:7_orderQuantity:21']);
    expect(plan.scenario.variants[1].policies[0].policy).toEqual({ type: 'fixedQuantity', reviewPeriod: 5, orderQuantity: 21, firstReview: 0 });
    expect(parseScenario(plan.scenario).ok).toBe(true);
  });

  it('passThrough: its review period', () => {
    const plan = planSweep(storeWith({ type: 'passThrough' }), { product: 'widget', axes: [{ parameter: 'reviewPeriod', values: [1, 2, 7] }] });
    expect(plan.scenario.variants.map((variant) => variant.policies[0].policy)).toEqual([1, 2, 7].map((reviewPeriod) => ({ type: 'passThrough', reviewPeriod, firstReview: 0 })));
  });

  it("schedule: its cycle, a cycle too short for the schedule's days left out with the reason", () => {
    const plan = planSweep(storeWith({ type: 'schedule', orders: [{ day: 0, quantity: 10 }, { day: 4, quantity: 12 }], repeatEveryDays: 7 }), {
      product: 'widget',
      axes: [{ parameter: 'repeatEveryDays', values: [3, 7, 14] }],
    });
    expect(plan.points.map((point) => point.values)).toEqual([[7], [14]]);
    expect(plan.skipped.map((point) => point.values)).toEqual([[3]]);
    expect(plan.skipped[0].reason).toMatch(/repeatEveryDays: expected repeatEveryDays greater than the days from the first order to the last/);
    // the orders themselves are a list, not a number: not a sweep parameter
    expect(() => planSweep(storeWith({ type: 'schedule', orders: [{ day: 0, quantity: 10 }] }), { product: 'widget', axes: [{ parameter: 'orders', values: [1] }] })).toThrow(/has no numeric "orders"/);
  });
});
