import { describe, expect, it } from 'vitest';
import { runReplication, type RunResult } from '../../src/experiment/run.ts';
import { buildSimulation, variantsOf } from '../../src/model/build.ts';
import { replicationSeed } from '../../src/random/streams.ts';
import type { Distribution, Scenario, ScenarioInput } from '../../src/scenario/schema.ts';
import { scenarioOf, singleStore } from '../fixtures/scenario.ts';
import { recordShipments, type Shipment } from '../fixtures/observe.ts';

/**
 * The fixed-quantity (TQ), schedule and pass-through policies in the running model. From an unlimited
 * supplier every order leaves at once as one shipment, so the recorded shipments are the orders. The
 * expected trajectories are worked out by hand from the textbook timing (src/model/eventKinds.ts): at
 * each whole day t, arrivals are received, then reviews order, then the day's demand takes its units.
 */
function run(scenario: Scenario): { result: RunResult; orders: Shipment[] } {
  const simulation = buildSimulation(scenario, variantsOf(scenario)[0], replicationSeed(scenario.seed, 0));
  const orders = recordShipments(simulation);
  simulation.run();
  const result = runReplication(scenario, 0, 0);
  expect(orders.length).toBe(result.stockPoints[0].counters.ordersPlaced);
  return { result, orders };
}

type PolicyInput = ScenarioInput['stockPoints'][number]['policy'];

/** One store, an unlimited supplier with a constant lead time, a constant demand every day, backorders. */
function constantDemandStore(options: { policy: PolicyInput; demandPerDay: number; leadTime: number; initialOnHand: number; horizonDays: number }): Scenario {
  return scenarioOf({
    version: 1,
    name: 'constant demand',
    horizonDays: options.horizonDays,
    seed: 'constant',
    products: [{ id: 'widget', unitCost: 10, holdingCost: { perUnitPerDay: 0.01 }, unmetDemand: 'backorder' }],
    nodes: [
      { id: 'supplier', type: 'supplier' },
      { id: 'store', type: 'store' },
    ],
    lanes: [{ from: 'supplier', to: 'store', leadTime: { type: 'constant', value: options.leadTime } }],
    stockPoints: [{ node: 'store', product: 'widget', policy: options.policy, initialOnHand: options.initialOnHand }],
    demand: [{ type: 'perPeriod', node: 'store', product: 'widget', quantity: { type: 'constant', value: options.demandPerDay } }],
  });
}

const series = (result: RunResult) => result.series!.stockPoints![0];

describe('fixed quantity at fixed intervals (TQ)', () => {
  // Q = 20 every T = 5 days from day 0, lead time 2, demand 5 a day, 10 on hand at the start: Q / T = 4 a
  // day is less than demand, so the stock runs down by 5 units a cycle into backorders.
  const scenario = constantDemandStore({ policy: { type: 'fixedQuantity', reviewPeriod: 5, orderQuantity: 20 }, demandPerDay: 5, leadTime: 2, initialOnHand: 10, horizonDays: 30 });

  it('orders Q on days 0, T, 2T... whatever the stock', () => {
    const { orders } = run(scenario);
    expect(orders.map((order) => [order.leftAt, order.quantity, order.arrivesAt])).toEqual([0, 5, 10, 15, 20, 25].map((day) => [day, 20, day + 2]));
  });

  it('gives the net stock worked out by hand: 10 + 20 per arrival so far - 5 per day', () => {
    const { result } = run(scenario);
    // end of day t: arrivals on days 2, 7, 12... (before that day's demand)
    // day:       0  1   2   3  4  5   6   7  8  9  10   11  12 13  14   15   16  17  18   19
    const net = [5, 0, 15, 10, 5, 0, -5, 10, 5, 0, -5, -10, 5, 0, -5, -10, -15, 0, -5, -10];
    expect([...series(result).onHand.slice(0, 20)]).toEqual(net.map((n) => Math.max(0, n)));
    expect([...series(result).backorders.slice(0, 20)]).toEqual(net.map((n) => Math.max(0, -n)));
    // the same rule over the whole horizon: A(t) arrivals by day t
    for (let t = 0; t < 30; t++) {
      const arrivals = t < 2 ? 0 : Math.floor((t - 2) / 5) + 1;
      const expected = 10 + 20 * arrivals - 5 * (t + 1);
      expect(series(result).onHand[t] - series(result).backorders[t], `day ${t}`).toBe(expected);
    }
    expect(result.stockPoints[0]).toMatchObject({ policy: 'fixedQuantity', reorderPoint: null, orderUpTo: null });
  });

  it('starts at firstReview', () => {
    const later = constantDemandStore({ policy: { type: 'fixedQuantity', reviewPeriod: 7, orderQuantity: 3, firstReview: 4 }, demandPerDay: 1, leadTime: 0, initialOnHand: 5, horizonDays: 30 });
    expect(run(later).orders.map((order) => order.leftAt)).toEqual([4, 11, 18, 25]);
  });
});

describe('a fixed order schedule', () => {
  it('orders the given quantities on the given days, once, and then no more', () => {
    const scenario = constantDemandStore({
      policy: { type: 'schedule', orders: [{ day: 0, quantity: 5 }, { day: 2.5, quantity: 3 }, { day: 10, quantity: 8 }] },
      demandPerDay: 1,
      leadTime: 1,
      initialOnHand: 0,
      horizonDays: 40,
    });
    const { orders } = run(scenario);
    expect(orders.map((order) => [order.leftAt, order.quantity])).toEqual([
      [0, 5],
      [2.5, 3],
      [10, 8],
    ]);
  });

  it('repeats every N days; a quantity of 0 orders nothing that day', () => {
    const scenario = constantDemandStore({
      policy: { type: 'schedule', orders: [{ day: 1, quantity: 7 }, { day: 3, quantity: 0 }, { day: 4, quantity: 12 }], repeatEveryDays: 7 },
      demandPerDay: 2,
      leadTime: 3,
      initialOnHand: 20,
      horizonDays: 30,
    });
    const { result, orders } = run(scenario);
    // days 1 and 4 of each week of 7 days starting on day 0: 1, 4, 8, 11, 15, 18, 22, 25, 29
    expect(orders.map((order) => [order.leftAt, order.quantity])).toEqual([1, 4, 8, 11, 15, 18, 22, 25, 29].map((day) => [day, (day - 1) % 7 === 0 ? 7 : 12]));
    // 19 units a week against 14 demanded: net stock 20 + received - 2 (t + 1), receipts 3 days after each order
    for (let t = 0; t < 30; t++) {
      const received = orders.filter((order) => order.arrivesAt <= t).reduce((sum, order) => sum + order.quantity, 0);
      expect(series(result).onHand[t] - series(result).backorders[t], `day ${t}`).toBe(20 + received - 2 * (t + 1));
    }
  });

  it('end-of-period measures: one cycle of a repeating schedule is a period, a schedule that runs once has none', () => {
    // 10 units on day 0 of each 5-day cycle, 2 a day demanded, lead time 0: every cycle ends with 10 - 5 × 2 = 0 on hand
    const weekly = constantDemandStore({ policy: { type: 'schedule', orders: [{ day: 0, quantity: 10 }], repeatEveryDays: 5 }, demandPerDay: 2, leadTime: 0, initialOnHand: 0, horizonDays: 30 });
    const kpis = run(weekly).result.stockPoints[0].kpis;
    expect([kpis.endOfPeriodOnHand, kpis.endOfPeriodBackorders]).toEqual([0, 0]);
    // with 12 ordered, 2 more are left at the end of each cycle: 2, 4, ..., 12 at the ends of days 4, 9, ..., 29
    // (read at the boundaries 5, 10, ..., 30), a mean of 42 / 6 = 7
    const more = constantDemandStore({ policy: { type: 'schedule', orders: [{ day: 0, quantity: 12 }], repeatEveryDays: 5 }, demandPerDay: 2, leadTime: 0, initialOnHand: 0, horizonDays: 30 });
    expect(run(more).result.stockPoints[0].kpis.endOfPeriodOnHand).toBe(7);
    const once = constantDemandStore({ policy: { type: 'schedule', orders: [{ day: 0, quantity: 10 }] }, demandPerDay: 2, leadTime: 0, initialOnHand: 0, horizonDays: 30 });
    expect(run(once).result.stockPoints[0].kpis.endOfPeriodOnHand).toBeNull();
  });

  it('a weekly schedule starting on a later day repeats from there', () => {
    const scenario = constantDemandStore({ policy: { type: 'schedule', orders: [{ day: 10, quantity: 4 }], repeatEveryDays: 7 }, demandPerDay: 0, leadTime: 0, initialOnHand: 0, horizonDays: 40 });
    expect(run(scenario).orders.map((order) => order.leftAt)).toEqual([10, 17, 24, 31, 38]);
  });
});

describe('pass-through (order what was demanded)', () => {
  const poisson = (mean: number): Distribution => ({ type: 'poisson', mean });

  it.each([1, 3])('orders at each review exactly the demand since the previous one, so the position is back at the initial stock (R = %i)', (R) => {
    const scenario = scenarioOf(singleStore({ policy: { type: 'passThrough', reviewPeriod: R }, initialOnHand: 12, customersPerDay: 3, quantity: poisson(1.5), leadTime: 4, horizonDays: 120 }));
    const { result, orders } = run(scenario);
    const demand = series(result).demand;
    const position = series(result).position;
    // the review at day kR (k >= 1) orders the demand of days kR - R .. kR - 1; the one at day 0 finds none
    const expected: [number, number][] = [];
    for (let day = R; day < 120; day += R) {
      const since = demand.slice(day - R, day).reduce((a, b) => a + b, 0);
      if (since > 0) expected.push([day, since]);
    }
    expect(orders.map((order) => [order.leftAt, order.quantity])).toEqual(expected);
    expect(orders.length).toBeGreaterThan(20);
    // at the end of day t the position is 12 minus the demand since the last review (inclusive of day t)
    for (let day = 0; day < 120; day++) {
      const lastReview = day - (day % R);
      const since = demand.slice(lastReview, day + 1).reduce((a, b) => a + b, 0);
      expect(position[day], `day ${day}`).toBe(12 - since);
    }
    expect(result.stockPoints[0]).toMatchObject({ policy: 'passThrough', reorderPoint: null, orderUpTo: 12 });
  });

  it('without initialOnHand, starts at the mean demand over lead time + review period, rounded up', () => {
    // 3 customers a day buying 1.5 units on average: 4.5 a day over 4 + 1 days = 22.5, so 23
    const scenario = scenarioOf(singleStore({ policy: { type: 'passThrough' }, customersPerDay: 3, quantity: poisson(1.5), leadTime: 4, horizonDays: 30 }));
    const { result } = run(scenario);
    expect(result.stockPoints[0].orderUpTo).toBe(23);
    expect(series(result).position[0] + series(result).demand[0]).toBe(23);
  });
});
