import { describe, expect, it } from 'vitest';
import { runReplication } from '../../src/experiment/run.ts';
import { buildSimulation, variantsOf } from '../../src/model/build.ts';
import type { Simulation } from '../../src/model/simulation.ts';
import { replicationSeed } from '../../src/random/streams.ts';
import type { ScenarioInput } from '../../src/scenario/schema.ts';
import { scenarioOf, singleStore } from '../fixtures/scenario.ts';
import { recordArrivals } from '../fixtures/observe.ts';

function build(input: ScenarioInput): Simulation {
  const scenario = scenarioOf(input);
  return buildSimulation(scenario, variantsOf(scenario)[0], replicationSeed(scenario.seed, 0));
}

describe("a customer's order on backorder is delivered when filled in full (docs/KPIS.md, avgCustomerWait)", () => {
  it('an order of 3 filled one unit a day is one order delivered, when its last unit comes in', () => {
    // Base stock 0, nothing on hand, lead time 1; the supplier ships at most 1 unit a day. Rare
    // customers (0.05 a day over 20 days; this seed has exactly one) order 3: the customer arriving at
    // a is owed 3, the store orders 3 at once; 1 unit leaves at a, the others at the boundaries
    // ceil(a) and ceil(a) + 1, arriving a day later each. The order is delivered with the third unit,
    // at ceil(a) + 2, and waited ceil(a) + 2 - a days; the two parts before it deliver nothing.
    const input = singleStore({
      policy: { type: 'baseStock', level: 0 },
      initialOnHand: 0,
      leadTime: 1,
      customersPerDay: 0.05,
      quantity: { type: 'constant', value: 3 },
      horizonDays: 20,
      seed: 'one-order-3',
    });
    input.nodes[0] = { id: 'supplier', type: 'supplier', capacityPerDay: 1 };
    const simulation = build(input);
    const arrivals = recordArrivals(simulation);
    simulation.run();
    const times = arrivals();
    const c = simulation.stockPoints[0].counters;
    // preconditions: one customer, early enough for the three units to arrive in the run
    expect(times.length).toBe(1);
    const a = times[0];
    expect(Math.ceil(a) + 2).toBeLessThan(20);
    expect(c.demandUnits).toBe(3);
    expect(c.filledFromBackorderUnits).toBe(3);
    expect(c.customerFilledFromBackorderUnits).toBe(3);
    expect(c.deliveredOrders).toBe(1);
    expect(c.totalWaitDays).toBeCloseTo(Math.ceil(a) + 2 - a, 9);
  });
});

describe('recalled units sold from backorder count the customers they reached', () => {
  // A store in lots (every lot from the supplier in [0, 20) is covered by a recall announced at 20,
  // the horizon: it only counts what was sold), nothing on hand, lead time 1, backorders.
  const recalled = (demand: ScenarioInput['demand'], policy: ScenarioInput['stockPoints'][number]['policy']): ScenarioInput => ({
    version: 1,
    name: 'recall reach',
    horizonDays: 20,
    seed: 'one-order-3',
    products: [{ id: 'widget', unitCost: 1, holdingCost: { perUnitPerDay: 0 }, unmetDemand: 'backorder' }],
    nodes: [
      { id: 'supplier', type: 'supplier' },
      { id: 'store', type: 'store' },
    ],
    lanes: [{ from: 'supplier', to: 'store', leadTime: { type: 'constant', value: 1 } }],
    stockPoints: [{ node: 'store', product: 'widget', policy, initialOnHand: 0 }],
    demand,
    recalls: [{ name: 'r', supplier: 'supplier', receivedFrom: 0, receivedTo: 20, announcedOn: 20 }],
  });

  it("per-period demand: each unit of a day's demand filled from a recalled lot is one customer reached", () => {
    // 3 units on day 0, owed; (R, S) = (100, 3) from 0 ordered 3 before them, received at 1, which fill
    // the 3 owed: 3 units sold, 3 customers (the demand repeats: 3 a day, but nothing more arrives)
    const simulation = build(
      recalled([{ type: 'history', node: 'store', product: 'widget', series: [3, ...Array(19).fill(0)] }], { type: 'periodicRS', reviewPeriod: 100, orderUpTo: 3, firstReview: 0 }),
    );
    simulation.run();
    expect(simulation.recallOutcomes[0]).toMatchObject({ unitsSold: 3, customersReached: 3 });
  });

  it("a customer's order of 3 filled from a recalled lot is one customer reached", () => {
    const simulation = build(
      recalled([{ type: 'arrivals', node: 'store', product: 'widget', customersPerDay: 0.05, quantity: { type: 'constant', value: 3 } }], { type: 'baseStock', level: 0 }),
    );
    const arrivals = recordArrivals(simulation);
    simulation.run();
    // precondition: the seed's one customer, early enough for the 3 units ordered then to arrive
    expect(arrivals().length).toBe(1);
    expect(arrivals()[0]).toBeLessThan(19);
    expect(simulation.recallOutcomes[0]).toMatchObject({ unitsSold: 3, customersReached: 1 });
  });
});

describe('online orders and the warm-up', () => {
  /**
   * One warehouse with ample stock, fixed pick-pack 0.5 and transit 1: an order placed at a is
   * delivered at a + 1.5. Warm-up 10: the window's orders are those placed in [10, horizon), its
   * deliveries those of orders placed in [8.5, horizon - 1.5).
   */
  const onlineWindow = (horizon: number): ScenarioInput => ({
    version: 1,
    name: 'online window',
    horizonDays: horizon,
    warmupDays: 10,
    seed: 'online-window',
    products: [{ id: 'shoe', unitCost: 1, holdingCost: { perUnitPerDay: 0 }, unmetDemand: 'backorder' }],
    nodes: [
      { id: 'maker', type: 'supplier' },
      { id: 'dc', type: 'warehouse' },
      { id: 'city', type: 'zone' },
    ],
    lanes: [{ from: 'maker', to: 'dc', leadTime: { type: 'constant', value: 1 } }],
    stockPoints: [{ node: 'dc', product: 'shoe', policy: { type: 'sS', reorderPoint: 50, orderUpTo: 100 }, initialOnHand: 100 }],
    demand: [{ type: 'arrivals', node: 'city', product: 'shoe', customersPerDay: 3 }],
    fulfilment: [{ zone: 'city', from: [{ warehouse: 'dc', pickPackDays: { type: 'constant', value: 0.5 }, transitDays: { type: 'constant', value: 1 } }] }],
  });

  it.each([20, 19.5])("the zones' tallies and the online daily series start again at the end of the warm-up (horizon %s)", (horizon) => {
    const input = onlineWindow(horizon);
    const simulation = build(input);
    const arrivals = recordArrivals(simulation);
    simulation.run();
    const times = arrivals();
    const zone = simulation.zones[0];
    expect(zone.orders).toBe(times.filter((t) => t >= 10).length);
    expect(zone.delivered).toBe(times.filter((t) => t >= 8.5 && t < horizon - 1.5).length);
    expect(zone.delivered).toBeGreaterThan(10);
    const delivered = Array.from(simulation.series.online.delivered);
    expect(delivered.length).toBe(20);
    for (const perDay of delivered) expect(perDay).toBeGreaterThanOrEqual(0);
    // rows 10..19 hold the window's deliveries day by day (row 19 of horizon 19.5: [19, 19.5))
    expect(delivered.slice(10).reduce((a, b) => a + b, 0)).toBe(zone.delivered);
    expect(runReplication(scenarioOf(input), 0, 0).zones[0].delivered).toBe(zone.delivered);
  });
});

describe("online promises and the warehouse's receipts", () => {
  it('a shipment received no longer counts as on its way: orders waiting for stock are promised a whole lead time', () => {
    // The warehouse keeps nothing (base stock 0): each order waits for the unit it orders then, which
    // arrives 2 days later (constant); picking and transit take no time. Each order is promised the
    // end of the day of now + 2 and delivered at now + 2: on time, every one. Were received shipments
    // still counted as on their way, later orders would be promised too early, and be late.
    const input: ScenarioInput = {
      version: 1,
      name: 'promises',
      horizonDays: 30,
      seed: 'promises',
      products: [{ id: 'shoe', unitCost: 1, holdingCost: { perUnitPerDay: 0 }, unmetDemand: 'backorder' }],
      nodes: [
        { id: 'maker', type: 'supplier' },
        { id: 'dc', type: 'warehouse' },
        { id: 'city', type: 'zone' },
      ],
      lanes: [{ from: 'maker', to: 'dc', leadTime: { type: 'constant', value: 2 } }],
      stockPoints: [{ node: 'dc', product: 'shoe', policy: { type: 'baseStock', level: 0 }, initialOnHand: 0 }],
      demand: [{ type: 'arrivals', node: 'city', product: 'shoe', customersPerDay: 2 }],
      fulfilment: [{ zone: 'city', from: [{ warehouse: 'dc', pickPackDays: { type: 'constant', value: 0 }, transitDays: { type: 'constant', value: 0 } }] }],
    };
    const zone = runReplication(scenarioOf(input), 0, 0).zones[0];
    expect(zone.delivered).toBeGreaterThan(30);
    expect(zone.late).toBe(0);
    expect(zone.onTime).toBe(zone.delivered);
  });
});
