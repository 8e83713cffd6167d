import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../src/scenario/schema.ts';
import { simulateRecorded } from '../fixtures/dcTwoStores.ts';

type PolicyInput = ScenarioInput['stockPoints'][number]['policy'];

/** One store and its supplier; lane of constant lead time `leadTime`, 2 per shipment and 0.5 per unit. */
function store(policy: PolicyInput, initialOnHand: number, series: number[], horizon: number, leadTime: number, extra: Partial<ScenarioInput> = {}): ScenarioInput {
  return {
    version: 1,
    name: 'flows',
    horizonDays: horizon,
    seed: 'flows',
    products: [{ id: 'w', unitCost: 1, holdingCost: { perUnitPerDay: 0 }, unmetDemand: 'lost' }],
    nodes: [
      { id: 'sup', type: 'supplier' },
      { id: 'st', type: 'store' },
    ],
    lanes: [{ from: 'sup', to: 'st', leadTime: { type: 'constant', value: leadTime }, costPerShipment: 2, costPerUnit: 0.5 }],
    stockPoints: [{ node: 'st', product: 'w', policy, initialOnHand }],
    demand: [{ type: 'history', node: 'st', product: 'w', series }],
    ...extra,
  };
}

// forecast by the last period's demand, reviewed daily (first review on day 1), may return stock;
// with lead time L the target is that forecast x (L + 1)
const returning: PolicyInput = { type: 'forecast', method: { type: 'movingAverage', periods: 1 }, reviewPeriod: 1, allowReturns: true };

describe('returns upstream (a forecast policy allowed to return stock)', () => {
  it('sends the excess above the target back to the supplier, paying the lane, and counts it as negative ordering', () => {
    // demand 1 a day, L = 1: target 2. 10 on hand, 9 at the review of day 1: 7 go back; at 2 the
    // position is 1: order 1 (due at 3, the horizon). Transport: the return 2 + 0.5 x 7, the order 2 + 0.5
    const { simulation, shipments } = simulateRecorded(store(returning, 10, [1, 1, 1], 3, 1));
    const point = simulation.stockPoints[0];
    const c = point.counters;
    expect(c.returnedUnits).toBe(7);
    expect(c.orderedUnits).toBe(1 - 7);
    expect(c.transportCost).toBe(5.5 + 2.5);
    expect(shipments.map((s) => [s.leftAt, s.quantity])).toEqual([[2, 1]]);
    expect(point.onHand).toBe(0);
  });

  it('cannot return what is not on the shelf: with nothing on hand a position above the target returns nothing and costs nothing', () => {
    // history 6, 0, 0, 0 (mean 1.5), L = 3: nothing on hand, day 0's 6 lost; at 1 the forecast is 6,
    // the target 24: order 24 (due at 4). At 2 the forecast is 0: 24 to return, none on the shelf.
    const { simulation } = simulateRecorded(store(returning, 0, [6, 0, 0, 0], 4, 3));
    const c = simulation.stockPoints[0].counters;
    expect(c.returnedUnits).toBe(0);
    expect(c.orderedUnits).toBe(24);
    expect(c.transportCost).toBe(2 + 0.5 * 24);
  });

  it('a store returns to its warehouse, which restocks the units after the lane lead time', () => {
    // supplier -> dc (never orders, starts empty) -(1 day)-> store: the store's 7 returned at 1 reach the
    // dc at 2, before the store's review of 2, whose order of 1 the dc ships from them
    const input = store(returning, 10, [1, 1, 1], 3, 1);
    input.nodes.push({ id: 'dc', type: 'warehouse' });
    input.lanes = [
      { from: 'sup', to: 'dc', leadTime: { type: 'constant', value: 1 } },
      { from: 'dc', to: 'st', leadTime: { type: 'constant', value: 1 } },
    ];
    input.stockPoints.push({ node: 'dc', product: 'w', policy: { type: 'periodicRS', reviewPeriod: 1, orderUpTo: 0, firstReview: 100 }, initialOnHand: 0 });
    const { simulation, shipments } = simulateRecorded(input);
    const [st, dc] = simulation.stockPoints;
    expect(st.counters.returnedUnits).toBe(7);
    expect(dc.counters.receivedUnits).toBe(7);
    expect(dc.counters.purchaseCost).toBe(0);
    expect(shipments.filter((s) => s.to === st.index).map((s) => [s.leftAt, s.quantity])).toEqual([[2, 1]]);
    expect(dc.onHand).toBe(6);
  });

  it('units returned to a warehouse keep their lots', () => {
    const input = store(returning, 10, [1, 1, 1], 3, 1);
    input.products[0].shelfLifeDays = 100;
    input.nodes.push({ id: 'dc', type: 'warehouse' });
    input.lanes = [
      { from: 'sup', to: 'dc', leadTime: { type: 'constant', value: 1 } },
      { from: 'dc', to: 'st', leadTime: { type: 'constant', value: 1 } },
    ];
    input.stockPoints.push({ node: 'dc', product: 'w', policy: { type: 'periodicRS', reviewPeriod: 1, orderUpTo: 0, firstReview: 100 }, initialOnHand: 0 });
    const { simulation } = simulateRecorded(input);
    const [st, dc] = simulation.stockPoints;
    expect(dc.onHand).toBe(6);
    expect(dc.lots!.total).toBe(6);
    expect(st.lots!.total).toBe(st.onHand);
    // a return is no replenishment of the dc: nothing was on order or in its pipeline
    expect([dc.onOrder, dc.pipeline]).toEqual([0, 0]);
  });
});

describe('lots travelling from a warehouse to a store', () => {
  /** supplier -(0)-> dc (5 on hand, never orders) -(3 days)-> store, which orders 5 at time 0 */
  const chain = (product: Partial<ScenarioInput['products'][number]>, recalls: ScenarioInput['recalls'] = []): ScenarioInput => ({
    version: 1,
    name: 'lots in transit',
    horizonDays: 5,
    seed: 'lots',
    products: [{ id: 'w', unitCost: 1, holdingCost: { perUnitPerDay: 0 }, ...product }],
    nodes: [
      { id: 'sup', type: 'supplier' },
      { id: 'dc', type: 'warehouse' },
      { id: 'st', type: 'store' },
    ],
    lanes: [
      { from: 'sup', to: 'dc', leadTime: { type: 'constant', value: 0 } },
      { from: 'dc', to: 'st', leadTime: { type: 'constant', value: 3 } },
    ],
    stockPoints: [
      { node: 'dc', product: 'w', policy: { type: 'periodicRS', reviewPeriod: 1, orderUpTo: 0, firstReview: 100 }, initialOnHand: 5 },
      { node: 'st', product: 'w', policy: { type: 'periodicRS', reviewPeriod: 100, orderUpTo: 5, firstReview: 0 }, initialOnHand: 0 },
    ],
    demand: [],
    recalls,
  });

  it('arrive with the date they left the supplier with, go on the shelf, and expire there at that date', () => {
    const fresh = simulateRecorded(chain({ shelfLifeDays: 10 })).simulation.stockPoints[1];
    expect(fresh.onHand).toBe(5);
    expect(fresh.lots!.total).toBe(5);
    expect(fresh.counters.expiredUnits).toBe(0);
    // shelf life 4: the dc's lot of time 0 arrives at 3 and expires on the store's shelf at 4
    const ageing = simulateRecorded(chain({ shelfLifeDays: 4 })).simulation.stockPoints[1];
    expect(ageing.counters.expiredUnits).toBe(5);
    expect(ageing.onHand).toBe(0);
  });

  it('a lot that arrives past its date is written off on arrival', () => {
    const { simulation } = simulateRecorded(chain({ shelfLifeDays: 2 }));
    const st = simulation.stockPoints[1];
    expect(st.counters.receivedUnits).toBe(5);
    expect(st.counters.expiredUnits).toBe(5);
    expect(st.onHand).toBe(0);
    expect(st.lots!.total).toBe(0);
  });

  it('a continuous-review store whose delivery arrives expired reorders at once', () => {
    // the store runs (s, S) = (1, 5) from nothing: it orders 5 at 0, which arrive at 3 past their date
    // (the dc's lot of time 0, shelf life 2) and are written off: the position is 0 again, so it orders
    // 5 more at 3 (which the dc, now empty, owes)
    const input = chain({ shelfLifeDays: 2 });
    input.stockPoints[1].policy = { type: 'sS', reorderPoint: 1, orderUpTo: 5 };
    const { simulation } = simulateRecorded(input);
    const [dc, st] = simulation.stockPoints;
    expect(st.counters.expiredUnits).toBe(5);
    expect(st.counters.ordersPlaced).toBe(2);
    expect(st.onOrder).toBe(5);
    expect(dc.backorders).toBe(5);
  });

  it('units of a recall announced while they travel are removed when they arrive', () => {
    const { simulation } = simulateRecorded(chain({}, [{ name: 'r', supplier: 'sup', receivedFrom: 0, receivedTo: 1, announcedOn: 1 }]));
    const st = simulation.stockPoints[1];
    expect(st.counters.recalledUnits).toBe(5);
    expect(st.onHand).toBe(0);
    expect(simulation.recallOutcomes[0].unitsRemoved).toBe(5);
  });
});

describe('lead-time multipliers (docs/SCENARIO.md: Disruptions)', () => {
  it('multiply the transit of shipments dispatched while in force, and no longer once they end', () => {
    // (R, S) daily with S = 10, 10 on hand and demand 1 a day: an order of 1 at each review from day 1.
    // Lane 2 days, x3 over [1, 3): the orders of 1 and 2 take 6 days, those of 3 and 4 take 2 again
    const input = store({ type: 'periodicRS', reviewPeriod: 1, orderUpTo: 10 }, 10, [1, 1, 1, 1, 1], 5, 2, {
      disruptions: [{ type: 'leadTimeMultiplier', lanes: ['sup->st'], multiplier: 3, occurrence: { type: 'scheduled', start: 1, end: 3 } }],
    });
    const { shipments } = simulateRecorded(input);
    expect(shipments.map((s) => [s.leftAt, s.arrivesAt - s.leftAt])).toEqual([
      [1, 6],
      [2, 6],
      [3, 2],
      [4, 2],
    ]);
  });

  it('overlapping multipliers multiply', () => {
    // x3 over [1, 3) and x0.5 over [2, 4): 6, 3 (x1.5), 1 (x0.5), then 2 days
    const input = store({ type: 'periodicRS', reviewPeriod: 1, orderUpTo: 10 }, 10, [1, 1, 1, 1, 1], 5, 2, {
      disruptions: [
        { type: 'leadTimeMultiplier', lanes: ['sup->st'], multiplier: 3, occurrence: { type: 'scheduled', start: 1, end: 3 } },
        { type: 'leadTimeMultiplier', lanes: ['sup->st'], multiplier: 0.5, occurrence: { type: 'scheduled', start: 2, end: 4 } },
      ],
    });
    const { shipments } = simulateRecorded(input);
    expect(shipments.map((s) => [s.leftAt, s.arrivesAt - s.leftAt])).toEqual([
      [1, 6],
      [2, 3],
      [3, 1],
      [4, 2],
    ]);
  });
});

describe('returns reaching a warehouse', () => {
  /**
   * supplier -> dc (empty, never orders) -> stores r and b, lanes dc -> store 1 day. Store r runs a
   * forecast policy allowed to return (demand 1 a day, 10 on hand: it sends 7 back at its review of
   * day 1, reaching the dc at 2). Store b orders 5 from the dc at 0, which the dc owes.
   */
  const withReturns = (options: { horizon?: number; shelfLifeDays?: number; multiplier?: number; dcUpTo?: number } = {}): ScenarioInput => ({
    version: 1,
    name: 'returns to a warehouse',
    horizonDays: options.horizon ?? 3,
    seed: 'returns',
    products: [{ id: 'w', unitCost: 1, holdingCost: { perUnitPerDay: 0 }, unmetDemand: 'lost', ...(options.shelfLifeDays ? { shelfLifeDays: options.shelfLifeDays } : {}) }],
    nodes: [
      { id: 'sup', type: 'supplier' },
      { id: 'dc', type: 'warehouse' },
      { id: 'r', type: 'store' },
      { id: 'b', type: 'store' },
    ],
    lanes: [
      { from: 'sup', to: 'dc', leadTime: { type: 'constant', value: 1 } },
      { from: 'dc', to: 'r', leadTime: { type: 'constant', value: 1 } },
      { from: 'dc', to: 'b', leadTime: { type: 'constant', value: 1 } },
    ],
    stockPoints: [
      { node: 'dc', product: 'w', policy: { type: 'periodicRS', reviewPeriod: 1, orderUpTo: options.dcUpTo ?? 0, firstReview: 100 }, initialOnHand: 0 },
      { node: 'r', product: 'w', policy: returning, initialOnHand: 10 },
      { node: 'b', product: 'w', policy: { type: 'periodicRS', reviewPeriod: 100, orderUpTo: 5, firstReview: 0 }, initialOnHand: 0 },
    ],
    demand: [{ type: 'history', node: 'r', product: 'w', series: [1, 1, 1, 1, 1, 1] }],
    disruptions: options.multiplier ? [{ type: 'leadTimeMultiplier', lanes: ['dc->r'], multiplier: options.multiplier, occurrence: { type: 'scheduled', start: 0, end: 10 } }] : [],
  });

  it('serve the orders the warehouse owes: b gets its 5 when the 7 come back', () => {
    const { simulation, shipments } = simulateRecorded(withReturns());
    expect(shipments.filter((s) => s.to === 2).map((s) => [s.leftAt, s.quantity])).toEqual([[2, 5]]);
    const dc = simulation.stockPoints[0];
    expect(dc.counters.filledFromBackorderUnits).toBe(5);
    expect(dc.backorders).toBe(0);
  });

  it('a periodic warehouse receiving a return waits for its review to order', () => {
    // the dc orders up to 20 but reviews only at 100: the return of 2 gives it no occasion to order
    const { simulation } = simulateRecorded(withReturns({ dcUpTo: 20 }));
    expect(simulation.stockPoints[0].counters.ordersPlaced).toBe(0);
  });

  it('returned units past their date are written off when they reach the warehouse', () => {
    // shelf life 1.5: the store's lot of time 0 expires at 1.5, the units on their way included
    const { simulation } = simulateRecorded(withReturns({ shelfLifeDays: 1.5 }));
    const dc = simulation.stockPoints[0];
    expect(dc.counters.receivedUnits).toBe(7);
    expect(dc.counters.expiredUnits).toBe(7);
    expect(dc.onHand).toBe(0);
    expect(dc.lots!.total).toBe(0);
  });

  it('travel the lane at its lead time times the multiplier in force', () => {
    // x3 on dc -> r: the 7 sent at 1 reach the dc at 4, not before the horizon of 3.5
    expect(simulateRecorded(withReturns({ horizon: 3.5, multiplier: 3 })).simulation.stockPoints[0].counters.receivedUnits).toBe(0);
    expect(simulateRecorded(withReturns({ horizon: 4.5, multiplier: 3 })).simulation.stockPoints[0].counters.receivedUnits).toBe(7);
  });
});

describe('outages at two suppliers with servers', () => {
  it("the end of one supplier's outage releases its own held orders, not those another supplier holds", () => {
    // Stores sa and sb, each ordering 6 at time 1 (periodic, up to 6, from nothing) from its own
    // supplier (one server, 2 days' processing), lanes of 1 day. Both orders finish at 3, inside the
    // outages: sup-a's [2, 5), sup-b's [2, 8). sa's leaves at 5 (received at 6), sb's at 8 (at 9).
    const input: ScenarioInput = {
      version: 1,
      name: 'two outages',
      horizonDays: 10,
      seed: 'two-outages',
      products: [{ id: 'w', unitCost: 1, holdingCost: { perUnitPerDay: 0 } }],
      nodes: [
        { id: 'sup-a', type: 'supplier', leadTime: { type: 'constant', value: 2 }, servers: 1 },
        { id: 'sup-b', type: 'supplier', leadTime: { type: 'constant', value: 2 }, servers: 1 },
        { id: 'sa', type: 'store' },
        { id: 'sb', type: 'store' },
      ],
      lanes: [
        { from: 'sup-a', to: 'sa', leadTime: { type: 'constant', value: 1 } },
        { from: 'sup-b', to: 'sb', leadTime: { type: 'constant', value: 1 } },
      ],
      stockPoints: [{ node: ['sa', 'sb'], product: 'w', policy: { type: 'periodicRS', reviewPeriod: 100, orderUpTo: 6, firstReview: 1 }, initialOnHand: 0 }],
      demand: [],
      disruptions: [
        { type: 'supplierOutage', node: 'sup-a', occurrence: { type: 'scheduled', start: 2, end: 5 } },
        { type: 'supplierOutage', node: 'sup-b', occurrence: { type: 'scheduled', start: 2, end: 8 } },
      ],
    };
    const { shipments } = simulateRecorded(input);
    expect(shipments.map((s) => [s.to, s.leftAt, s.arrivesAt, s.quantity])).toEqual([
      [0, 5, 6, 6],
      [1, 8, 9, 6],
    ]);
  });
});
