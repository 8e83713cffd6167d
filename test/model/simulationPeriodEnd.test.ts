import { describe, expect, it } from 'vitest';
import { runReplication } from '../../src/experiment/run.ts';
import { buildSimulation, variantsOf } from '../../src/model/build.ts';
import type { Simulation } from '../../src/model/simulation.ts';
import { replicationSeed } from '../../src/random/streams.ts';
import type { ScenarioInput } from '../../src/scenario/schema.ts';
import { scenarioOf } from '../fixtures/scenario.ts';

type PolicyInput = ScenarioInput['stockPoints'][number]['policy'];

interface StoreOptions {
  policy: PolicyInput;
  initialOnHand: number;
  /** daily demand, replayed as a history from day 0 */
  series: number[];
  horizon: number;
  warmup?: number;
  unmetDemand?: 'lost' | 'backorder';
  customers?: ScenarioInput['customers'];
}

/**
 * One store buying from one supplier over a lane of constant lead time 0, daily demand replayed from
 * `series` (history demand, at the start of each day after the review). Holding 0.5 per unit-day,
 * ordering cost 3, stockout penalty 2, backorder cost 1.5 per unit-day. Deterministic: nothing is drawn.
 */
function store(options: StoreOptions): ScenarioInput {
  return {
    version: 1,
    name: 'period end',
    horizonDays: options.horizon,
    warmupDays: options.warmup ?? 0,
    seed: 'period-end',
    products: [
      {
        id: 'w',
        unitCost: 1,
        holdingCost: { perUnitPerDay: 0.5 },
        orderingCost: 3,
        stockoutPenalty: 2,
        backorderCostPerDay: 1.5,
        unmetDemand: options.unmetDemand ?? 'lost',
      },
    ],
    nodes: [
      { id: 'sup', type: 'supplier' },
      { id: 'st', type: 'store' },
    ],
    lanes: [{ from: 'sup', to: 'st', leadTime: { type: 'constant', value: 0 } }],
    stockPoints: [{ node: 'st', product: 'w', policy: options.policy, initialOnHand: options.initialOnHand }],
    demand: [{ type: 'history', node: 'st', product: 'w', series: options.series }],
    customers: options.customers ?? [],
  };
}

function simulate(input: ScenarioInput): Simulation {
  const scenario = scenarioOf(input);
  const simulation = buildSimulation(scenario, variantsOf(scenario)[0], replicationSeed(scenario.seed, 0));
  simulation.run();
  return simulation;
}

const everyTwoDays: PolicyInput = { type: 'periodicRS', reviewPeriod: 2, orderUpTo: 4, firstReview: 0 };

describe('end-of-period measures of a periodic review (docs/KPIS.md, costPerPeriod)', () => {
  // Demand 1, 1, 5, 0, 1, 2 over days 0..5, (R = 2, S = 4) reviewing at 0, 2, 4, receipts at once.
  // Periods end at the day boundaries 2, 4 and 6 (read before that instant's receipts):
  //  - day 0..1: no order at 0 (position 4), on hand 4 - 1 - 1 = 2 at time 2;
  //  - review at 2 orders 2 (on hand 4), day 2 asks 5: 4 sold, 1 short; day 3 asks 0: on hand 0 at 4;
  //  - review at 4 orders 4 (lost sales) or 4 + 1 owed (backorders); days 4, 5 ask 1 + 2: on hand 1 at 6.
  it('lost sales: 3 periods, on hand 2, 0, 1 at their ends, costs 2, 5 and 4', () => {
    const point = simulate(store({ policy: everyTwoDays, initialOnHand: 4, series: [1, 1, 5, 0, 1, 2], horizon: 6 })).stockPoints[0];
    const c = point.counters;
    expect(c.periods).toBe(3);
    expect(c.endOfPeriodOnHandSum).toBe(3);
    expect(c.endOfPeriodBackordersSum).toBe(0);
    // period 1: holding 0.5 x 2 days x 2 units = 2, nothing lost, no order;
    // period 2: nothing on hand, 1 unit lost x 2 + the order of time 2 x 3 = 5;
    // period 3: 0.5 x 2 x 1 = 1, nothing lost, the order of time 4 x 3 = 4
    expect(c.periodCostSum).toBe(11);
    const kpis = runReplication(scenarioOf(store({ policy: everyTwoDays, initialOnHand: 4, series: [1, 1, 5, 0, 1, 2], horizon: 6 })), 0, 0).stockPoints[0].kpis;
    expect(kpis.endOfPeriodOnHand).toBe(1);
    expect(kpis.costPerPeriod).toBeCloseTo(11 / 3, 12);
  });

  it('backorders: the unit owed at the end of the second period costs 1.5 x 2 days; its penalty is not a period cost', () => {
    const point = simulate(store({ policy: everyTwoDays, initialOnHand: 4, series: [1, 1, 5, 0, 1, 2], horizon: 6, unmetDemand: 'backorder' })).stockPoints[0];
    const c = point.counters;
    expect(c.periods).toBe(3);
    expect(c.endOfPeriodOnHandSum).toBe(3);
    expect(c.endOfPeriodBackordersSum).toBe(1);
    // 2 + (1.5 x 2 x 1 + the order of time 2 x 3) + (0.5 x 2 x 1 + the order of time 4 x 3) = 2 + 6 + 4
    expect(c.periodCostSum).toBe(12);
  });

  it('no period ends at the first review itself: first review on day 2, periods end at 4 and 6 only', () => {
    // review at 2 (position 4 - 1 - 1 = 2: orders 2), review at 4; the boundary at 2 is the first review's day
    const point = simulate(store({ policy: { type: 'periodicRS', reviewPeriod: 2, orderUpTo: 4, firstReview: 2 }, initialOnHand: 4, series: [1, 1, 5, 0, 1, 2], horizon: 6 })).stockPoints[0];
    expect(point.counters.periods).toBe(2);
    // on hand at 4: 0 (as above); at 6: 1
    expect(point.counters.endOfPeriodOnHandSum).toBe(1);
  });

  it('periods end every R days counted from the first review: R = 3 from day 1 ends at 4 and 7', () => {
    const point = simulate(store({ policy: { type: 'periodicRS', reviewPeriod: 3, orderUpTo: 4, firstReview: 1 }, initialOnHand: 4, series: [0], horizon: 8 })).stockPoints[0];
    expect(point.counters.periods).toBe(2);
  });

  it('a review period that is not a whole number of days has no end-of-period measures', () => {
    const point = simulate(store({ policy: { type: 'periodicRS', reviewPeriod: 1.5, orderUpTo: 4, firstReview: 0 }, initialOnHand: 4, series: [1, 1, 1, 1, 1, 1], horizon: 6 })).stockPoints[0];
    expect(point.counters.periods).toBe(0);
    expect(point.counters.periodCostSum).toBe(0);
  });

  it('a continuous-review point has none either', () => {
    const point = simulate(store({ policy: { type: 'sS', reorderPoint: 1, orderUpTo: 4 }, initialOnHand: 4, series: [1, 1, 1, 1, 1, 1], horizon: 6 })).stockPoints[0];
    expect(point.counters.periods).toBe(0);
  });
});

describe("the bullwhip ratio's daily sums cover the whole days of the window", () => {
  // Same run as above (lost sales): orders per day 0, 0, 2, 0, 4, 0; demand 1, 1, 5, 0, 1, 2.
  it('without a warm-up: six days', () => {
    const c = simulate(store({ policy: everyTwoDays, initialOnHand: 4, series: [1, 1, 5, 0, 1, 2], horizon: 6 })).stockPoints[0].counters;
    expect(c.bullwhipDays).toBe(6);
    expect(c.dailyOrderSum).toBe(6);
    expect(c.dailyOrderSumSquares).toBe(4 + 16);
    expect(c.dailyDemandSum).toBe(10);
    expect(c.dailyDemandSumSquares).toBe(1 + 1 + 25 + 0 + 1 + 4);
  });

  it('with a warm-up of 2 days: days 2..5 only, for the stock point and the network roll-up', () => {
    // the point's counters run from time 0 (six days) and the window is their difference with the
    // snapshot at 2 (days 0 and 1); the network's daily sums start again at the end of the warm-up
    const run = runReplication(scenarioOf(store({ policy: everyTwoDays, initialOnHand: 4, series: [1, 1, 5, 0, 1, 2], horizon: 6, warmup: 2 })), 0, 0);
    for (const c of [run.stockPoints[0].counters, run.network.counters]) {
      expect(c.bullwhipDays).toBe(4);
      expect(c.dailyOrderSum).toBe(6);
      expect(c.dailyOrderSumSquares).toBe(20);
      expect(c.dailyDemandSum).toBe(8);
      expect(c.dailyDemandSumSquares).toBe(25 + 0 + 1 + 4);
    }
  });

  it('with a warm-up of 1.5 days the split day 1 counts nowhere: days 2..5 again', () => {
    const run = runReplication(scenarioOf(store({ policy: everyTwoDays, initialOnHand: 4, series: [1, 1, 5, 0, 1, 2], horizon: 6, warmup: 1.5 })), 0, 0);
    for (const c of [run.stockPoints[0].counters, run.network.counters]) {
      expect(c.bullwhipDays).toBe(4);
      expect(c.dailyOrderSum).toBe(6);
      expect(c.dailyDemandSum).toBe(8);
      expect(c.dailyDemandSumSquares).toBe(30);
    }
  });
});

describe('the end of the warm-up', () => {
  it('starts the window there: its length is the horizon less the warm-up', () => {
    const run = runReplication(scenarioOf(store({ policy: everyTwoDays, initialOnHand: 4, series: [1, 1, 5, 0, 1, 2], horizon: 6, warmup: 2 })), 0, 0);
    expect(run.stockPoints[0].counters.windowDays).toBe(4);
  });

  it("clears the customer base's departures, by cause, and the demand they took, counted during the warm-up", () => {
    // nothing on hand and nothing arriving (lead time 0 but order-up-to 0): day 0's unit is lost and the
    // only customer leaves for sure (onStockout 1), inside the warm-up of 1 day
    const input = store({ policy: { type: 'periodicRS', reviewPeriod: 1, orderUpTo: 0 }, initialOnHand: 0, series: [1], horizon: 4, customers: [{ node: 'st', initial: 1, churn: { onStockout: 1 } }] });
    const withoutWarmup = simulate(input).customerBases[0];
    expect([withoutWarmup.active, withoutWarmup.churned, withoutWarmup.churnedBy[0], withoutWarmup.demandLostToChurn]).toEqual([0, 1, 1, 3]);
    const base = simulate({ ...input, warmupDays: 1 }).customerBases[0];
    expect(base.active).toBe(0);
    expect(base.churned).toBe(0);
    expect(Array.from(base.churnedBy)).toEqual([0, 0, 0, 0]);
    expect(base.demandLostToChurn).toBe(0);
  });
});

describe('the daily series of customers', () => {
  // two customers; day 0's unit is lost (nothing on hand, nothing ordered) and one customer leaves
  const churning = (horizon: number) =>
    store({ policy: { type: 'periodicRS', reviewPeriod: 1, orderUpTo: 0 }, initialOnHand: 0, series: [1, 0, 0, 0], horizon, customers: [{ node: 'st', initial: 2, churn: { onStockout: 1 } }] });

  it('records the active customers at the end of each day', () => {
    const simulation = simulate(churning(4));
    expect(Array.from(simulation.series.activeCustomers[0])).toEqual([1, 1, 1, 1]);
  });

  it('records them for a partial last day too', () => {
    // horizon 3.5: four rows, the last one [3, 3.5)
    const simulation = simulate(churning(3.5));
    expect(Array.from(simulation.series.activeCustomers[0])).toEqual([1, 1, 1, 1]);
  });
});

describe('the partial last day of a fractional horizon (docs/KPIS.md, daily series)', () => {
  it("holds that day's own flows, not the day before's", () => {
    // demand 1, 2, 3, 4 on days 0..3, 10 on hand, nothing ordered; horizon 3.5: row 3 covers [3, 3.5),
    // with day 3's demand (at its start) of 4 and the 10 - 1 - 2 - 3 - 4 = 0 left on hand
    const simulation = simulate(store({ policy: { type: 'periodicRS', reviewPeriod: 1, orderUpTo: 0, firstReview: 100 }, initialOnHand: 10, series: [1, 2, 3, 4], horizon: 3.5 }));
    expect(Array.from(simulation.series.network.demand)).toEqual([1, 2, 3, 4]);
    expect(Array.from(simulation.series.network.onHand)).toEqual([9, 7, 4, 0]);
  });
});
