import { describe, expect, it } from 'vitest';
import { runReplication } from '../../src/experiment/run.ts';
import type { ScenarioInput } from '../../src/scenario/schema.ts';
import { scenarioOf } from '../fixtures/scenario.ts';

type PolicyInput = ScenarioInput['stockPoints'][number]['policy'];

/**
 * One store of a product that keeps 2 days, buying over a lane of lead time 0, daily demand replayed
 * from `series`. Unit cost 1, disposal 0.5 (1.5 a unit outdated), holding 0.5 per unit-day, ordering
 * cost 3, stockout penalty 2, lost sales. Deterministic.
 */
function perishableStore(policy: PolicyInput, series: number[], horizon: number, warmup = 0): ScenarioInput {
  return {
    version: 1,
    name: 'perishable period end',
    horizonDays: horizon,
    warmupDays: warmup,
    seed: 'perishable-period-end',
    products: [{ id: 'w', unitCost: 1, holdingCost: { perUnitPerDay: 0.5 }, orderingCost: 3, stockoutPenalty: 2, unmetDemand: 'lost', shelfLifeDays: 2, disposalCostPerUnit: 0.5 }],
    nodes: [
      { id: 'sup', type: 'supplier' },
      { id: 'st', type: 'store' },
    ],
    lanes: [{ from: 'sup', to: 'st', leadTime: { type: 'constant', value: 0 } }],
    stockPoints: [{ node: 'st', product: 'w', policy, initialOnHand: 4 }],
    demand: [{ type: 'history', node: 'st', product: 'w', series }],
  };
}

const daily: PolicyInput = { type: 'periodicRS', reviewPeriod: 1, orderUpTo: 4, firstReview: 0 };

describe('perishables: the end of a period is after outdating (issue 17, docs/KPIS.md)', () => {
  // Demand 1, 1, 1, 0, 0 over days 0..4; S = 4 every morning; the initial 4 units expire at 2, each
  // order of time t at t + 2. FIFO. The day boundary at t writes off what expires at t, then reads:
  //  t=1: 3 left (the initial lot), nothing outdated; the review orders 1 (lot B, to 3), day 1 sells 1 of the initial lot;
  //  t=2: the initial lot's 2 are outdated, 1 left (B); orders 3 (lot C, to 4), day 2 sells B's unit;
  //  t=3: lot B is gone (sold), 3 left; orders 1 (lot D, to 5), no demand on day 3;
  //  t=4: lot C's 3 are outdated, 1 left (D); orders 3 (lot E, to 6), no demand on day 4;
  //  t=5 (the horizon): lot D's unit is outdated at the horizon, 3 left.
  const result = () => runReplication(scenarioOf(perishableStore(daily, [1, 1, 1, 0, 0], 5)), 0, 0);

  it('reads on hand after the write-off, and keeps the reading before it under its own name', () => {
    const kpis = result().stockPoints[0].kpis;
    // (3 + 1 + 3 + 1 + 3) / 5 periods, and before outdating (3 + 3 + 3 + 4 + 4) / 5: the old figure
    expect(kpis.endOfPeriodOnHand).toBeCloseTo(11 / 5, 12);
    expect(kpis.endOfPeriodOnHandBeforeOutdating).toBeCloseTo(17 / 5, 12);
  });

  it('counts the units outdated per period, the horizon’s included, as expiredUnits does', () => {
    const { kpis } = result().stockPoints[0];
    expect(kpis.outdatedPerPeriod).toBeCloseTo((0 + 2 + 0 + 3 + 1) / 5, 12);
    expect(kpis.expiredUnits).toBe(6);
    expect(kpis.expiryCost).toBe(9);
  });

  it('costs each period: holding on what is left, the order placed in it, and its outdating', () => {
    const { kpis } = result().stockPoints[0];
    // t=1: 0.5 x 3 = 1.5; t=2: 0.5 x 1 + the order of t=1 (3) + 2 x 1.5 = 6.5; t=3: 0.5 x 3 + 3 = 4.5;
    // t=4: 0.5 x 1 + 3 + 3 x 1.5 = 8; t=5: 0.5 x 3 + 3 + 1 x 1.5 = 6
    expect(kpis.costPerPeriod).toBeCloseTo((1.5 + 6.5 + 4.5 + 8 + 6) / 5, 12);
  });

  it('charges holding up to the expiry instant and not beyond: the time integral is unchanged', () => {
    const { kpis } = result().stockPoints[0];
    // on hand over each day: 3, 3, 3, 4, 4 (an order and the day's demand come at the start of the day)
    expect(kpis.avgOnHand).toBeCloseTo(17 / 5, 12);
    expect(kpis.holdingCost).toBeCloseTo(0.5 * 17, 12);
  });

  it('records the day’s end after the write-off in the daily series', () => {
    expect(result().series!.network.onHand).toEqual([3, 1, 3, 1, 3]);
  });

  it('puts the units expiring at the end of the warm-up in the warm-up, as that boundary’s period is', () => {
    const kpis = runReplication(scenarioOf(perishableStore(daily, [1, 1, 1, 0, 0], 5, 2)), 0, 0).stockPoints[0].kpis;
    // periods ending at 3, 4, 5; the 2 units outdated at t=2 belong to the warm-up
    expect(kpis.expiredUnits).toBe(4);
    expect(kpis.outdatedPerPeriod).toBeCloseTo((0 + 3 + 1) / 3, 12);
    expect(kpis.endOfPeriodOnHand).toBeCloseTo((3 + 1 + 3) / 3, 12);
  });

  it('tells a continuous-review policy of units outdated at a boundary, in the same instant', () => {
    // s = 2, S = 4, no demand: the initial 4 expire at 2, the policy orders 4 at once (lead time 0)
    const run = runReplication(scenarioOf(perishableStore({ type: 'sS', reorderPoint: 2, orderUpTo: 4 }, [0, 0, 0], 3)), 0, 0);
    const { kpis } = run.stockPoints[0];
    expect(kpis.expiredUnits).toBe(4);
    expect(kpis.ordersPlaced).toBe(1);
    // the end of day 1 is read after the write-off and before the order that follows it
    expect(run.series!.network.onHand).toEqual([4, 0, 4]);
    // no review periods: no end-of-period measures, perishable or not
    expect([kpis.outdatedPerPeriod, kpis.endOfPeriodOnHandBeforeOutdating, kpis.endOfPeriodOnHand]).toEqual([null, null, null]);
  });

  it('reports no outdating figures for a product without a shelf life', () => {
    const input = perishableStore(daily, [1, 1, 1, 0, 0], 5);
    delete input.products[0].shelfLifeDays;
    const { kpis } = runReplication(scenarioOf(input), 0, 0).stockPoints[0];
    expect(kpis.endOfPeriodOnHand).not.toBeNull();
    expect([kpis.outdatedPerPeriod, kpis.endOfPeriodOnHandBeforeOutdating, kpis.expiredUnits]).toEqual([null, null, null]);
  });
});
