import { describe, expect, it } from 'vitest';
import { runReplication, type RunResult } from '../../src/experiment/run.ts';
import { buildSimulation, variantsOf } from '../../src/model/build.ts';
import { replicationSeed } from '../../src/random/streams.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { scenarioOf, singleStore, type SingleStoreOptions } from '../fixtures/scenario.ts';
import { recordShipments, type Shipment } from '../fixtures/observe.ts';

/**
 * Policies in the running model. From an unlimited supplier, every order leaves at once as one
 * shipment, so the shipments recorded from the model's receipt events are the orders: their times
 * and quantities. The run's results come from `runReplication` on the same seed (the same run: see
 * determinism.test.ts), and its order count and ledger confirm that the recorded orders are all of them.
 */
function run(scenario: Scenario): { result: RunResult; orders: Shipment[] } {
  const simulation = buildSimulation(scenario, variantsOf(scenario)[0], replicationSeed(scenario.seed, 0));
  const orders = recordShipments(simulation);
  simulation.run();
  const result = runReplication(scenario, 0, 0);
  expectOrdersAreAllOrders(result, orders);
  return { result, orders };
}

const store = (options: SingleStoreOptions) => scenarioOf(singleStore({ horizonDays: 150, ...options }));

/** The recorded orders are all the orders placed, and add up to what the ledger says was ordered (received + still on order). */
function expectOrdersAreAllOrders(result: RunResult, orders: Shipment[]): void {
  expect(orders.length).toBe(result.stockPoints[0].counters.ordersPlaced);
  const ledger = result.ledgers[0];
  expect(orders.reduce((sum, order) => sum + order.quantity, 0)).toBeCloseTo(ledger.received + ledger.onOrder, 9);
}

const series = (result: RunResult) => result.series!.stockPoints![0];

describe('(s, S), continuous review', () => {
  it.each(['backorder', 'lost'] as const)('never leaves the inventory position at or below s at the end of a day (%s)', (unmetDemand) => {
    const s = 6;
    const S = 15;
    const { result, orders } = run(
      store({ policy: { type: 'sS', reorderPoint: s, orderUpTo: S }, unmetDemand, quantity: { type: 'discreteUniform', min: 1, max: 4 }, leadTime: { type: 'uniform', min: 2, max: 5 } }),
    );
    const position = series(result).position;
    expect(position.length).toBe(150);
    for (const [day, value] of position.entries()) {
      if (!(value > s && value <= S)) expect.fail(`day ${day}: inventory position ${value} outside (${s}, ${S}]`);
    }
    expect(orders.length).toBeGreaterThan(30);
  });

  it('orders exactly S - s each time when demand comes one unit at a time', () => {
    // the position falls one unit at a time, so the rule triggers at exactly s and orders S - s
    const { orders } = run(store({ policy: { type: 'sS', reorderPoint: 4, orderUpTo: 11 } }));
    expect(new Set(orders.map((order) => order.quantity))).toEqual(new Set([7]));
  });
});

describe('(R, S), periodic review', () => {
  const R = 7;
  const S = 40;
  const scenario = store({ policy: { type: 'periodicRS', reviewPeriod: R, orderUpTo: S }, customersPerDay: 0.4, leadTime: 2 });

  it('orders only at reviews, once for each review that finds the position below S', () => {
    const { result, orders } = run(scenario);
    const demand = series(result).demand;
    expect(orders.every((order) => order.leftAt % R === 0)).toBe(true);
    // the review at day kR finds the position S minus the previous period's demand (the position is S
    // after every review); the one at day 0 finds it at S
    const reviews: { day: number; demand: number }[] = [];
    for (let day = R; day < 150; day += R) reviews.push({ day, demand: demand.slice(day - R, day).reduce((a, b) => a + b, 0) });
    const reviewsBelowS = reviews.filter((review) => review.demand > 0);
    expect(reviewsBelowS.length).toBeLessThan(reviews.length); // some periods had no demand at all
    expect(orders.map((order) => [order.leftAt, order.quantity])).toEqual(reviewsBelowS.map((review) => [review.day, review.demand]));
  });

  it('keeps the position at S minus the demand since the last review, every day', () => {
    const { result } = run(scenario);
    const demand = series(result).demand;
    const position = series(result).position;
    let sinceReview = 0;
    for (let day = 0; day < 150; day++) {
      if (day % R === 0) sinceReview = 0;
      sinceReview += demand[day];
      expect(position[day], `day ${day}`).toBe(S - sinceReview);
    }
  });
});

describe('order rounding', () => {
  it.each([
    ['(s, S)', { type: 'sS', reorderPoint: 10, orderUpTo: 20 }],
    ['base stock', { type: 'baseStock', level: 14 }],
    ['(R, S)', { type: 'periodicRS', reviewPeriod: 3, orderUpTo: 30 }],
    ['(r, Q) with Q not a multiple', { type: 'rQ', reorderPoint: 8, orderQuantity: 10 }],
  ] as const)('orders whole case packs of 12 under %s, even for fractional demand', (_name, policy) => {
    const { orders } = run(store({ policy, casePack: 12, quantity: { type: 'gamma', mean: 1.3, sd: 0.9 } }));
    expect(orders.length).toBeGreaterThan(5);
    for (const order of orders) {
      const packs = order.quantity / 12;
      if (Math.abs(packs - Math.round(packs)) > 1e-9 || packs < 1 - 1e-9) expect.fail(`order of ${order.quantity} at ${order.leftAt} is not whole packs`);
    }
  });

  it('raises every order to the minimum order quantity', () => {
    // one-for-one base stock would order a unit at a time; with a minimum of 8 it orders 8
    const { orders } = run(store({ policy: { type: 'baseStock', level: 10 }, minOrderQuantity: 8 }));
    expect(orders.length).toBeGreaterThan(20);
    expect(orders.every((order) => order.quantity >= 8)).toBe(true);
    expect(new Set(orders.map((order) => order.quantity))).toEqual(new Set([8]));
  });

  it('applies the minimum first, then rounds up to whole case packs', () => {
    const { orders } = run(store({ policy: { type: 'baseStock', level: 10 }, minOrderQuantity: 8, casePack: 5 }));
    expect(new Set(orders.map((order) => order.quantity))).toEqual(new Set([10]));
  });
});
