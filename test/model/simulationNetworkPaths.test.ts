import { describe, expect, it } from 'vitest';
import { EventKind } from '../../src/model/eventKinds.ts';
import type { Scenario, ScenarioInput } from '../../src/scenario/schema.ts';
import { scenarioOf } from '../fixtures/scenario.ts';
import { buildFirstVariant, RARE, runWithArrivals } from '../fixtures/scriptedArrivals.ts';

type PointInput = ScenarioInput['stockPoints'][number];

/**
 * supplier -> dc -> store, constant lead times (supplier lane `supplierLead`, default 100 days: what
 * the dc orders does not come within these runs), daily demand replayed at the dc and the store.
 */
function network(options: {
  dc: Omit<PointInput, 'node' | 'product'>;
  store: Omit<PointInput, 'node' | 'product'>;
  dcSeries?: number[];
  storeSeries?: number[];
  horizon: number;
  supplierLead?: number;
  product?: Partial<ScenarioInput['products'][number]>;
}): Scenario {
  return scenarioOf({
    version: 1,
    name: 'network paths',
    horizonDays: options.horizon,
    seed: 'network-paths',
    products: [{ id: 'w', unitCost: 1, holdingCost: { perUnitPerDay: 0 }, unmetDemand: 'lost', ...options.product }],
    nodes: [
      { id: 'sup', type: 'supplier' },
      { id: 'dc', type: 'warehouse' },
      { id: 'st', type: 'store' },
    ],
    lanes: [
      { from: 'sup', to: 'dc', leadTime: { type: 'constant', value: options.supplierLead ?? 100 } },
      { from: 'dc', to: 'st', leadTime: { type: 'constant', value: 1 } },
    ],
    stockPoints: [
      { node: 'dc', product: 'w', ...options.dc },
      { node: 'st', product: 'w', ...options.store },
    ],
    demand: [
      ...(options.dcSeries ? [{ type: 'history' as const, node: 'dc', product: 'w', series: options.dcSeries }] : []),
      ...(options.storeSeries ? [{ type: 'history' as const, node: 'st', product: 'w', series: options.storeSeries }] : []),
    ],
  });
}

describe('customers at a warehouse wait behind the orders it owes', () => {
  it('a store’s order that cannot ship in full (shortageShipping complete) keeps the shelf from the customers who come after it', () => {
    // The store (base stock 5, nothing on hand) orders 5 from the dc at time 0. The dc holds 3 and
    // ships only whole orders: the 5 are owed, first in line. On day 1 customers ask the dc for 2:
    // the 3 units on the shelf are the store's turn, so the customers get nothing (lost sales).
    const simulation = buildFirstVariant(
      network({
        dc: { policy: { type: 'baseStock', level: 0 }, initialOnHand: 3, shortageShipping: 'complete' },
        store: { policy: { type: 'baseStock', level: 5 }, initialOnHand: 0 },
        dcSeries: [0, 2, 0],
        horizon: 3,
      }),
    );
    simulation.run();
    const dc = simulation.stockPoints[0];
    const counters = dc.windowCounters();
    expect(dc.onHand).toBe(3);
    expect(dc.backorders).toBe(5);
    expect(counters.customerDemandUnits).toBe(2);
    expect(counters.filledImmediatelyUnits).toBe(0);
    expect(counters.lostUnits).toBe(2);
  });
});

describe('a day without per-period demand costs no event', () => {
  it('a scenario whose demand is all customer arrivals schedules no daily-demand event', () => {
    const scenario = scenarioOf({
      version: 1,
      name: 'arrivals only',
      horizonDays: 5,
      seed: 'arrivals-only',
      products: [{ id: 'w', unitCost: 1, holdingCost: { perUnitPerDay: 0 }, unmetDemand: 'lost' }],
      nodes: [
        { id: 'sup', type: 'supplier' },
        { id: 'st', type: 'store' },
      ],
      lanes: [{ from: 'sup', to: 'st', leadTime: { type: 'constant', value: 1 } }],
      stockPoints: [{ node: 'st', product: 'w', policy: { type: 'baseStock', level: 5 } }],
      demand: [{ type: 'arrivals', node: 'st', product: 'w', customersPerDay: 3 }],
    });
    const simulation = buildFirstVariant(scenario);
    const env = simulation.env;
    const schedule = env.schedule.bind(env);
    const kinds: number[] = [];
    env.schedule = (time, kind, target, value, priority) => {
      kinds.push(kind);
      return schedule(time, kind, target, value, priority);
    };
    simulation.run();
    expect(kinds).toContain(EventKind.customerArrival);
    expect(kinds).not.toContain(EventKind.periodDemand);
  });
});

describe('lots shipped between stock points travel in the order they were issued', () => {
  it('a warehouse issuing the newest lot first sends it first: the store, selling first in first out, sells it first', () => {
    // Shelf life 10 days. The dc starts with 1 unit (lot A, received at 0, expires at 10) and base
    // stock 2: it orders 1 at time 0, received at 1 (lot B, expires at 11). The store (periodic review
    // from day 2, order-up-to 2, nothing on hand) orders 2 at time 2; the dc issues last in, first out:
    // B, then A. They arrive at the store at 3 in that order, and the store's one customer (day 3)
    // takes the first, B. A is left, and expires at 10, before the horizon (10.5).
    const simulation = buildFirstVariant(
      network({
        dc: { policy: { type: 'baseStock', level: 2 }, initialOnHand: 1, issuing: 'lifo' },
        store: { policy: { type: 'periodicRS', reviewPeriod: 20, orderUpTo: 2, firstReview: 2 }, initialOnHand: 0 },
        storeSeries: [0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0],
        supplierLead: 1,
        horizon: 10.5,
        product: { shelfLifeDays: 10 },
      }),
    );
    simulation.run();
    const store = simulation.stockPoints[1].windowCounters();
    expect(store.demandUnits).toBe(1);
    expect(store.filledImmediatelyUnits).toBe(1);
    expect(store.expiredUnits).toBe(1);
    expect(simulation.stockPoints[1].onHand).toBe(0);
  });
});

describe('customers of one unit each, at a constant rate (the steady streams)', () => {
  it('at a warehouse under echelon base stock, each sale at the store below lowers the echelon position, and the warehouse orders', () => {
    // dc: echelon base stock 8, 3 on hand; store: (s, S) = (0, 5), 5 on hand. Echelon position of the
    // dc = 3 + 5 = 8: no order at first. Customers buy 1 unit at the store at 0.5 and 1.5: the store
    // stays above its reorder point (4, then 3) and does not order, but each sale lowers the echelon
    // position to 7, then (after the dc's order of 1) 7 again: the dc orders 1 unit each time.
    const simulation = buildFirstVariant(
      scenarioOf({
        version: 1,
        name: 'echelon after a sale',
        horizonDays: 3,
        seed: 'echelon-sale',
        products: [{ id: 'w', unitCost: 1, holdingCost: { perUnitPerDay: 0 }, unmetDemand: 'lost' }],
        nodes: [
          { id: 'sup', type: 'supplier' },
          { id: 'dc', type: 'warehouse' },
          { id: 'st', type: 'store' },
        ],
        lanes: [
          { from: 'sup', to: 'dc', leadTime: { type: 'constant', value: 100 } },
          { from: 'dc', to: 'st', leadTime: { type: 'constant', value: 1 } },
        ],
        stockPoints: [
          { node: 'dc', product: 'w', policy: { type: 'echelonBaseStock', level: 8 }, initialOnHand: 3 },
          { node: 'st', product: 'w', policy: { type: 'sS', reorderPoint: 0, orderUpTo: 5 }, initialOnHand: 5 },
        ],
        demand: [{ type: 'arrivals', node: 'st', product: 'w', customersPerDay: RARE }],
      }),
    );
    expect(simulation.demandStreams[0].steady).toBe(true);
    runWithArrivals(simulation, [0.5, 1.5]);
    const [dc, store] = simulation.stockPoints;
    expect(store.windowCounters().filledImmediatelyUnits).toBe(2);
    expect(store.windowCounters().ordersPlaced).toBe(0);
    expect(dc.windowCounters().ordersPlaced).toBe(2);
    expect(dc.onOrder).toBe(2);
  });

  it('at a store holding lots, a sale takes its units from the lots: only what is left expires', () => {
    // shelf life 5: the 3 units on hand at time 0 are one lot, expiring at 5. Customers buy 1 unit at
    // 1 and at 2 (nothing is reordered within the run: lead time 100, base stock 0). At 5 the one unit
    // left expires.
    const simulation = buildFirstVariant(
      scenarioOf({
        version: 1,
        name: 'steady sales from lots',
        horizonDays: 6,
        seed: 'steady-lots',
        products: [{ id: 'w', unitCost: 1, holdingCost: { perUnitPerDay: 0 }, unmetDemand: 'lost', shelfLifeDays: 5 }],
        nodes: [
          { id: 'sup', type: 'supplier' },
          { id: 'st', type: 'store' },
        ],
        lanes: [{ from: 'sup', to: 'st', leadTime: { type: 'constant', value: 100 } }],
        stockPoints: [{ node: 'st', product: 'w', policy: { type: 'baseStock', level: 0 }, initialOnHand: 3 }],
        demand: [{ type: 'arrivals', node: 'st', product: 'w', customersPerDay: RARE }],
      }),
    );
    expect(simulation.demandStreams[0].steady).toBe(true);
    runWithArrivals(simulation, [1, 2]);
    const store = simulation.stockPoints[0];
    expect(store.windowCounters().filledImmediatelyUnits).toBe(2);
    expect(store.windowCounters().expiredUnits).toBe(1);
    expect(store.onHand).toBe(0);
  });
});
