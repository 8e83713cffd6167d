import { describe, expect, it } from 'vitest';
import { runReplication } from '../../src/experiment/run.ts';
import { buildSimulation, variantsOf } from '../../src/model/build.ts';
import { EventKind } from '../../src/model/eventKinds.ts';
import type { Simulation } from '../../src/model/simulation.ts';
import { replicationSeed } from '../../src/random/streams.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { scenarioOf } from '../fixtures/scenario.ts';
import { recordArrivals, recordShipments } from '../fixtures/observe.ts';

const DUST = 1e-9;

function simulationOf(scenario: Scenario): Simulation {
  return buildSimulation(scenario, variantsOf(scenario)[0], replicationSeed(scenario.seed, 0));
}

/** Quantities of the returns (negative orders) shipped back to an upstream stock point. */
function recordReturns(simulation: Simulation): number[] {
  const env = simulation.env;
  const returns: number[] = [];
  const schedule = env.schedule.bind(env);
  env.schedule = (time, kind, target, value, priority) => {
    if (kind === EventKind.returnReceipt) returns.push(value ?? 0);
    return schedule(time, kind, target, value, priority);
  };
  return returns;
}

describe('disruptions in force at time 0', () => {
  it('a supplier outage starting at time 0 holds the very first order: nothing on hand before day 21', () => {
    // base stock 10, nothing on hand, lead time 1, outage over [0, 20). The first look at time 0 orders
    // 10, but the outage already holds it; it leaves when the outage ends at 20 and arrives at 21.
    // (The first look used to run before the outage started: shipped at 0, on hand from day 1.)
    const scenario = scenarioOf({
      version: 1,
      name: 'outage at 0',
      horizonDays: 30,
      seed: 'o',
      products: [{ id: 'w', unitCost: 1, holdingCost: { perUnitPerDay: 0 }, unmetDemand: 'backorder' }],
      nodes: [
        { id: 'sup', type: 'supplier' },
        { id: 'st', type: 'store' },
      ],
      lanes: [{ from: 'sup', to: 'st', leadTime: { type: 'constant', value: 1 } }],
      stockPoints: [{ node: 'st', product: 'w', policy: { type: 'baseStock', level: 10 }, initialOnHand: 0 }],
      demand: [],
      disruptions: [{ type: 'supplierOutage', node: 'sup', occurrence: { type: 'scheduled', start: 0, end: 20 } }],
    });
    const simulation = simulationOf(scenario);
    const shipments = recordShipments(simulation);
    simulation.run();
    expect(shipments).toEqual([{ to: 0, leftAt: 20, arrivesAt: 21, quantity: 10 }]);

    const run = runReplication(scenario, 0, 0);
    // day d's on hand is recorded at the end of the day (time d + 1, before receipts at that time)
    expect(run.series!.network.onHand).toEqual([...Array<number>(21).fill(0), ...Array<number>(9).fill(10)]);
    expect(run.stockPoints[0].counters.ordersPlaced).toBe(1);
  });
});

describe('cycle service level: one cycle per order received in full', () => {
  it('an (r, Q) order split into several shipments by supplier capacity closes one cycle', () => {
    // (r, Q) = (5, 10), 15 on hand at the start (r + Q), 1 unit of demand a day, lead time 1, supplier
    // capacity 4 a day. The position reaches 5 after the demand of day 9, 19, ..., 99: 10 orders.
    // Each leaves as 4 (at t), 4 (at the day boundary t + 1) and 2 (at t + 2), received at t + 1,
    // t + 2, t + 3, so the order of t completes at t + 3. The orders of 9..89 complete (the last at
    // 92); the order of 99 does not (its first 4 units land at 100, the horizon). Cycles: 9, not the
    // 27 receipts in the window (28 when the one at the horizon was counted too). Stock never runs
    // out (on hand is 5 when each order is placed), so every cycle is a good one.
    const scenario = scenarioOf({
      version: 1,
      name: 'split orders',
      horizonDays: 100,
      seed: 's',
      products: [{ id: 'w', unitCost: 1, holdingCost: { perUnitPerDay: 0 }, unmetDemand: 'backorder' }],
      nodes: [
        { id: 'sup', type: 'supplier', capacityPerDay: 4 },
        { id: 'st', type: 'store' },
      ],
      lanes: [{ from: 'sup', to: 'st', leadTime: { type: 'constant', value: 1 } }],
      stockPoints: [{ node: 'st', product: 'w', policy: { type: 'rQ', reorderPoint: 5, orderQuantity: 10 } }],
      demand: [{ type: 'perPeriod', node: 'st', product: 'w', quantity: { type: 'constant', value: 1 } }],
    });
    const simulation = simulationOf(scenario);
    const shipments = recordShipments(simulation);
    simulation.run();
    const receivedInWindow = shipments.filter((shipment) => shipment.arrivesAt < 100);
    expect(receivedInWindow.length).toBe(27);
    expect(receivedInWindow.slice(0, 3).map((s) => [s.leftAt, s.arrivesAt, s.quantity])).toEqual([
      [9, 10, 4],
      [10, 11, 4],
      [11, 12, 2],
    ]);

    const run = runReplication(scenario, 0, 0);
    const counters = run.stockPoints[0].counters;
    expect(counters.ordersPlaced).toBe(10);
    expect(counters.cycles).toBe(9);
    expect(counters.cyclesWithStockout).toBe(0);
    expect(run.stockPoints[0].kpis.cycleServiceLevel).toBe(1);
  });
});

describe('rounding dust is not an order or a shipment', () => {
  it('fractional demand under base stock releases exactly one order per customer, none below a billionth', () => {
    // Base stock replaces each demand at once: every customer's (gamma, fractional) purchase lowers the
    // position by its size and is reordered, and nothing else moves the position. So there is one
    // order per customer. Summing fractional quantities left positions like 10.299999999999999
    // against a level of 10.3, and the next receipt or arrival ordered the 1.8e-15 difference: here
    // 2059 orders for 1792 customers, 267 of them shipments of dust, each paying the ordering and
    // shipment costs.
    const scenario = scenarioOf({
      version: 1,
      name: 'fractional demand',
      horizonDays: 365,
      seed: 's',
      products: [{ id: 'w', unitCost: 1, holdingCost: { perUnitPerDay: 0 }, unmetDemand: 'backorder', orderingCost: 10 }],
      nodes: [
        { id: 'sup', type: 'supplier' },
        { id: 'st', type: 'store' },
      ],
      lanes: [{ from: 'sup', to: 'st', leadTime: { type: 'uniform', min: 1, max: 3 }, costPerShipment: 5 }],
      stockPoints: [{ node: 'st', product: 'w', policy: { type: 'baseStock', level: 10.3 } }],
      demand: [{ type: 'arrivals', node: 'st', product: 'w', customersPerDay: 5, quantity: { type: 'gamma', mean: 1.7, sd: 1.1 } }],
    });
    const simulation = simulationOf(scenario);
    const arrivals = recordArrivals(simulation);
    const shipments = recordShipments(simulation);
    simulation.run();
    const customers = arrivals().length;
    expect(customers).toBeGreaterThan(1500);
    const counters = simulation.stockPoints[0].counters;
    expect(counters.ordersPlaced).toBe(customers);
    expect(counters.orderingCost).toBe(10 * customers);
    expect(shipments.length).toBe(customers); // unlimited supplier: each order leaves whole, at once
    expect(shipments.filter((shipment) => shipment.quantity < DUST)).toEqual([]);
  });

  it('forecast stores that may return stock, under a base-stock warehouse: no dust receipt or return', () => {
    // The same dust at the warehouse (base stock 60 against fractional store orders) used to send 22
    // shipments of less than a billionth of a unit in this year.
    const forecast = { type: 'forecast', method: { type: 'movingAverage', periods: 2 }, reviewPeriod: 1, safetyFactor: 1, allowReturns: true } as const;
    const stores = ['s1', 's2'];
    const scenario = scenarioOf({
      version: 1,
      name: 'returns',
      horizonDays: 365,
      seed: 's',
      products: [{ id: 'w', unitCost: 10, price: 15, holdingCost: { perUnitPerDay: 0.01 }, unmetDemand: 'backorder', orderingCost: 10 }],
      nodes: [{ id: 'sup', type: 'supplier' }, { id: 'dc', type: 'warehouse' }, ...stores.map((id) => ({ id, type: 'store' as const }))],
      lanes: [
        { from: 'sup', to: 'dc', leadTime: { type: 'uniform', min: 4, max: 8 }, costPerShipment: 5 },
        ...stores.map((to) => ({ from: 'dc', to, leadTime: { type: 'uniform' as const, min: 1, max: 3 }, costPerShipment: 5 })),
      ],
      stockPoints: [
        { node: 'dc', product: 'w', policy: { type: 'baseStock', level: 60 } },
        { node: stores, product: 'w', policy: forecast },
      ],
      demand: [{ type: 'arrivals', node: stores, product: 'w', customersPerDay: 3, quantity: { type: 'gamma', mean: 1.7, sd: 1.1 } }],
    });
    const simulation = simulationOf(scenario);
    const shipments = recordShipments(simulation);
    const returns = recordReturns(simulation);
    simulation.run();
    expect(shipments.length).toBeGreaterThan(500);
    expect(returns.length).toBeGreaterThan(50); // the stores do return stock
    expect(shipments.filter((shipment) => shipment.quantity < DUST)).toEqual([]);
    expect(returns.filter((quantity) => quantity < DUST)).toEqual([]);
  });

  it('a capacity share like 1 - 0.7 leaves no sliver of capacity to ship 3.6e-15 units', () => {
    // Supplier capacity 100 a day, a 70% capacity loss for the whole run: 100 * (1 - 0.7) =
    // 30.000000000000004 a day. Lead time 2, 50 per shipment. Stores a, b, c (level 10, 10 a day) and
    // d (level 5, 5 a day) start full; per-period demand empties them at time 0 and each reorders it.
    // Time 0: a, b, c ship 10 each (30 used); d's 5 waits (the 4e-15 left is dust, and d used to get
    // a shipment of 3.6e-15 units, paying 50 for it). Day boundary 1: d's 5 leaves; the day's
    // demand at 1 is reordered: a and b ship 10, c ships the 5 left and waits for 5; d waits.
    const stores = ['a', 'b', 'c', 'd'];
    const size = (node: string) => (node === 'd' ? 5 : 10);
    const scenario = scenarioOf({
      version: 1,
      name: 'capacity share',
      horizonDays: 2,
      seed: 's',
      products: [{ id: 'w', unitCost: 1, holdingCost: { perUnitPerDay: 0 }, unmetDemand: 'backorder' }],
      nodes: [{ id: 'sup', type: 'supplier', capacityPerDay: 100 }, ...stores.map((id) => ({ id, type: 'store' as const }))],
      lanes: stores.map((to) => ({ from: 'sup', to, leadTime: { type: 'constant' as const, value: 2 }, costPerShipment: 50 })),
      stockPoints: stores.map((node) => ({ node, product: 'w', policy: { type: 'baseStock' as const, level: size(node) }, initialOnHand: size(node) })),
      demand: stores.map((node) => ({ type: 'perPeriod' as const, node, product: 'w', quantity: { type: 'constant' as const, value: size(node) } })),
      disruptions: [{ type: 'capacityLoss', node: 'sup', fraction: 0.7, occurrence: { type: 'scheduled', start: 0, end: 100 } }],
    });
    const simulation = simulationOf(scenario);
    const shipments = recordShipments(simulation);
    simulation.run();
    const before = (time: number) =>
      shipments.filter((shipment) => shipment.leftAt < time).map((shipment) => [shipment.leftAt, stores[shipment.to], Math.round(shipment.quantity * 1e6) / 1e6]);
    expect(before(2)).toEqual([
      [0, 'a', 10],
      [0, 'b', 10],
      [0, 'c', 10],
      [1, 'd', 5],
      [1, 'a', 10],
      [1, 'b', 10],
      [1, 'c', 5],
    ]);
    expect(shipments.filter((shipment) => shipment.quantity < DUST)).toEqual([]);
    // every shipment paid for is a real one: transport cost = 50 x shipments, store by store
    stores.forEach((_, index) => {
      expect(simulation.stockPoints[index].counters.transportCost).toBe(50 * shipments.filter((shipment) => shipment.to === index).length);
    });
  });
});
