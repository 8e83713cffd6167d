import { describe, expect, it } from 'vitest';
import { buildSimulation, variantsOf } from '../../src/model/build.ts';
import type { Simulation } from '../../src/model/simulation.ts';
import { replicationSeed } from '../../src/random/streams.ts';
import type { ScenarioInput } from '../../src/scenario/schema.ts';
import { scenarioOf } from '../fixtures/scenario.ts';

/**
 * Time integrals (unit-days on hand, in the pipeline) are advanced before every change of stock
 * (StockPoint.accrue). Day boundaries advance every point, so a change at a whole time would hide a
 * missed advance; these scenarios change stock between boundaries (fractional lead times, shelf
 * lives, return delays, announcement days) and check the unit-days by hand.
 */
function simulate(input: ScenarioInput): Simulation {
  const scenario = scenarioOf(input);
  const simulation = buildSimulation(scenario, variantsOf(scenario)[0], replicationSeed(scenario.seed, 0));
  simulation.run();
  return simulation;
}

type PolicyInput = ScenarioInput['stockPoints'][number]['policy'];
const never: PolicyInput = { type: 'periodicRS', reviewPeriod: 1, orderUpTo: 0, firstReview: 1000 };

function store(policy: PolicyInput, initialOnHand: number, series: number[], horizon: number, leadTime: number, product: Partial<ScenarioInput['products'][number]> = {}): ScenarioInput {
  return {
    version: 1,
    name: 'integrals',
    horizonDays: horizon,
    seed: 'integrals',
    products: [{ id: 'w', unitCost: 1, price: 2, holdingCost: { perUnitPerDay: 0 }, unmetDemand: 'lost', ...product }],
    nodes: [
      { id: 'sup', type: 'supplier' },
      { id: 'st', type: 'store' },
    ],
    lanes: [{ from: 'sup', to: 'st', leadTime: { type: 'constant', value: leadTime } }],
    stockPoints: [{ node: 'st', product: 'w', policy, initialOnHand }],
    demand: series.length > 0 ? [{ type: 'history', node: 'st', product: 'w', series }] : [],
  };
}

describe('unit-days on hand and in the pipeline, with changes between day boundaries', () => {
  it('a receipt half a day after the order', () => {
    // (R, S) = (1, 4) from 0, 4 on hand, demand 2 a day, lead time 0.5. On hand: 2 over [0, 1); at 1
    // order 2, demand 2: 0 until the receipt at 1.5, then 2; the same on day 2. 2 + 1 + 1 = 4 unit-days;
    // in the pipeline 2 units over [1, 1.5) and [2, 2.5): 2 unit-days
    const c = simulate(store({ type: 'periodicRS', reviewPeriod: 1, orderUpTo: 4 }, 4, [2, 2, 2], 3, 0.5)).stockPoints[0].counters;
    expect(c.areaOnHand).toBe(4);
    expect(c.areaPipeline).toBe(2);
  });

  it("a store's order reaching the warehouse at a review half-way through a day", () => {
    // the dc holds 10; the store reviews at 0.5 (from nothing, up to 2) and the dc ships 2 at once:
    // dc 10 x 0.5 + 8 x 1.5 = 17 unit-days over the horizon of 2
    const input = store({ type: 'periodicRS', reviewPeriod: 1, orderUpTo: 2, firstReview: 0.5 }, 0, [], 2, 0);
    input.nodes.push({ id: 'dc', type: 'warehouse' });
    input.lanes = [
      { from: 'sup', to: 'dc', leadTime: { type: 'constant', value: 1 } },
      { from: 'dc', to: 'st', leadTime: { type: 'constant', value: 0 } },
    ];
    input.stockPoints.push({ node: 'dc', product: 'w', policy: never, initialOnHand: 10 });
    const [st, dc] = simulate(input).stockPoints;
    expect(dc.counters.areaOnHand).toBe(17);
    expect(st.counters.areaOnHand).toBe(3);
  });

  it('units a store returns reaching its warehouse half-way through a day', () => {
    // forecast store (daily reviews from day 1, last period's demand, may return), lane dc -> store 0.5
    // days: target 1 x (0.5 + 1) = 1.5. 10 on hand, 9 at 1: 7.5 go back, reaching the dc at 1.5; at 2
    // the store orders 1, which the dc ships. dc: 7.5 over [1.5, 2), 6.5 over [2, 3): 10.25 unit-days
    const input = store({ type: 'forecast', method: { type: 'movingAverage', periods: 1 }, reviewPeriod: 1, allowReturns: true }, 10, [1, 1, 1], 3, 0);
    input.nodes.push({ id: 'dc', type: 'warehouse' });
    input.lanes = [
      { from: 'sup', to: 'dc', leadTime: { type: 'constant', value: 1 } },
      { from: 'dc', to: 'st', leadTime: { type: 'constant', value: 0.5 } },
    ];
    input.stockPoints.push({ node: 'dc', product: 'w', policy: never, initialOnHand: 0 });
    const [st, dc] = simulate(input).stockPoints;
    expect(st.counters.returnedUnits).toBe(7.5);
    expect(dc.counters.areaOnHand).toBe(10.25);
  });

  it('a lot expiring half-way through a day', () => {
    // 4 units with a shelf life of 2.5 days: 10 unit-days
    const c = simulate(store(never, 4, [], 4, 1, { shelfLifeDays: 2.5 })).stockPoints[0].counters;
    expect(c.expiredUnits).toBe(4);
    expect(c.areaOnHand).toBe(10);
  });

  it('customer returns restocked half a day after the sale', () => {
    // 10 on hand, 3 sold at 0 and back on the shelf at 0.5: 7 x 0.5 + 10 x 1.5 = 18.5 unit-days
    const c = simulate(
      store(never, 10, [3, 0], 2, 1, { returns: { fraction: 1, afterDays: { type: 'constant', value: 0.5 }, restockShare: 1 } }),
    ).stockPoints[0].counters;
    expect(c.restockedUnits).toBe(3);
    expect(c.areaOnHand).toBe(18.5);
  });

  it('a recall announced half-way through a day', () => {
    // the initial lot of 4 (received at 0) is recalled at 1.5: 6 unit-days
    const input = store(never, 4, [], 3, 1);
    input.recalls = [{ name: 'r', supplier: 'sup', receivedFrom: 0, receivedTo: 1, announcedOn: 1.5 }];
    const c = simulate(input).stockPoints[0].counters;
    expect(c.recalledUnits).toBe(4);
    expect(c.areaOnHand).toBe(6);
  });

  it('damage at a day boundary: the day before counts with the units still there', () => {
    // 3 units, all damaged at the boundary of 1: 3 unit-days over a horizon of 2
    const c = simulate(store(never, 3, [], 2, 1, { damagePerDay: { ambient: 1 } })).stockPoints[0].counters;
    expect(c.damagedUnits).toBe(3);
    expect(c.areaOnHand).toBe(3);
  });

  it('shrinkage at a day boundary: the same', () => {
    const input = store(never, 3, [], 2, 1);
    input.stockPoints[0].visibility = { shrinkagePerDay: 1 };
    const c = simulate(input).stockPoints[0].counters;
    expect(c.shrunkUnits).toBe(3);
    expect(c.areaOnHand).toBe(3);
  });
});
