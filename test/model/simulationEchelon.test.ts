import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../src/scenario/schema.ts';
import { dcTwoStores, simulateRecorded } from '../fixtures/dcTwoStores.ts';

type PolicyInput = ScenarioInput['stockPoints'][number]['policy'];

interface ChainOptions {
  dcPolicy: PolicyInput;
  dcOnHand: number;
  storePolicy: PolicyInput;
  storeOnHand: number;
  shortageShipping?: 'partial' | 'complete';
  /** the store's daily demand (history), if any */
  series?: number[];
  horizon?: number;
}

/**
 * supplier -> dc -> store, constant lead times 2 (supplier to dc) and 1 (dc to store), unit cost 4.
 * The dc is listed first, so at an instant where both review the dc orders first. Deterministic.
 */
function chain(options: ChainOptions): ScenarioInput {
  return {
    version: 1,
    name: 'chain',
    horizonDays: options.horizon ?? 5,
    seed: 'chain',
    shortageShipping: options.shortageShipping ?? 'partial',
    products: [{ id: 'w', unitCost: 4, price: 10, holdingCost: { perUnitPerDay: 0 }, unmetDemand: 'backorder' }],
    nodes: [
      { id: 'sup', type: 'supplier' },
      { id: 'dc', type: 'warehouse' },
      { id: 'st', type: 'store' },
    ],
    lanes: [
      { from: 'sup', to: 'dc', leadTime: { type: 'constant', value: 2 } },
      { from: 'dc', to: 'st', leadTime: { type: 'constant', value: 1 } },
    ],
    stockPoints: [
      { node: 'dc', product: 'w', policy: options.dcPolicy, initialOnHand: options.dcOnHand },
      { node: 'st', product: 'w', policy: options.storePolicy, initialOnHand: options.storeOnHand },
    ],
    demand: options.series ? [{ type: 'history', node: 'st', product: 'w', series: options.series }] : [],
  };
}

// The dc reviews every 3 days from 0 up to 10; the store orders up to 5 (base stock) from nothing.
// At time 0 the dc (3 on hand) orders 7, due at 2; then the store orders 5 from the dc.
const dcEveryThree: PolicyInput = { type: 'periodicRS', reviewPeriod: 3, orderUpTo: 10, firstReview: 0 };
const storeBaseStock: PolicyInput = { type: 'baseStock', level: 5 };

describe("a downstream point's order at a warehouse (partial shipping)", () => {
  it('ships the 3 units on hand at once, owes 2 and ships them when its own order arrives', () => {
    const { simulation, shipments } = simulateRecorded(chain({ dcPolicy: dcEveryThree, dcOnHand: 3, storePolicy: storeBaseStock, storeOnHand: 0 }));
    const [dc, st] = simulation.stockPoints;
    expect(shipments.filter((s) => s.to === st.index).map((s) => [s.leftAt, s.arrivesAt, s.quantity])).toEqual([
      [0, 1, 3],
      [2, 3, 2],
    ]);
    const c = dc.counters;
    expect(c.demandUnits).toBe(5);
    expect(c.internalDemandUnits).toBe(5);
    expect(c.filledImmediatelyUnits).toBe(3);
    expect(c.internalFilledImmediatelyUnits).toBe(3);
    expect(c.backorderedUnits).toBe(2);
    expect(c.filledFromBackorderUnits).toBe(2);
    // orders from downstream points are not customers: no customer units filled, no customer delivered
    expect(c.customerFilledFromBackorderUnits).toBe(0);
    expect(c.deliveredOrders).toBe(0);
    expect(dc.backorders).toBe(0);
    expect(st.onHand).toBe(5);
    expect([st.onOrder, st.pipeline]).toEqual([0, 0]);
  });

  it('the review period in which the warehouse fell short counts as a stockout cycle; the next does not', () => {
    // periods [0, 3) (short of 2 at time 0) and [3, 5) (closed at the horizon, nothing asked)
    const { simulation } = simulateRecorded(chain({ dcPolicy: dcEveryThree, dcOnHand: 3, storePolicy: storeBaseStock, storeOnHand: 0 }));
    const c = simulation.stockPoints[0].counters;
    expect(c.cycles).toBe(2);
    expect(c.cyclesWithStockout).toBe(1);
  });

  it('purchase cost is paid where units come from a supplier, not again at the store supplied by the warehouse', () => {
    // the dc receives 7 at time 2 (its order of time 3, 5 units, arrives at 5 = the horizon: not received)
    const { simulation } = simulateRecorded(chain({ dcPolicy: dcEveryThree, dcOnHand: 3, storePolicy: storeBaseStock, storeOnHand: 0 }));
    const [dc, st] = simulation.stockPoints;
    expect(dc.counters.receivedUnits).toBe(7);
    expect(dc.counters.purchaseCost).toBe(28);
    expect(st.counters.receivedUnits).toBe(5);
    expect(st.counters.purchaseCost).toBe(0);
  });

  it('what the warehouse receives while owing less than it got: it ships the part owed and keeps the rest', () => {
    const { simulation } = simulateRecorded(chain({ dcPolicy: dcEveryThree, dcOnHand: 3, storePolicy: storeBaseStock, storeOnHand: 0 }));
    // 3 + 7 received - 3 - 2 shipped
    expect(simulation.stockPoints[0].onHand).toBe(5);
  });
});

describe('complete shipping: a downstream order leaves only whole', () => {
  it('with 3 of 5 units on hand nothing leaves at once; the whole 5 leave when the warehouse has them', () => {
    const { simulation, shipments } = simulateRecorded(
      chain({ dcPolicy: dcEveryThree, dcOnHand: 3, storePolicy: storeBaseStock, storeOnHand: 0, shortageShipping: 'complete' }),
    );
    const [dc, st] = simulation.stockPoints;
    expect(shipments.filter((s) => s.to === st.index).map((s) => [s.leftAt, s.quantity])).toEqual([[2, 5]]);
    expect(dc.counters.filledImmediatelyUnits).toBe(0);
    expect(dc.counters.backorderedUnits).toBe(5);
    expect(dc.counters.filledFromBackorderUnits).toBe(5);
    expect(dc.onHand).toBe(5);
  });

  it('an order the warehouse holds all but rounding dust of leaves when stock comes in, and owes nothing after', () => {
    // the dc holds 3 less a ten-billionth and orders up to 5 less a ten-billionth at 0 (2 units, due at
    // 2); the store's 5 wait. At 2 the dc holds 5 to within a billionth: the order leaves whole, rather
    // than wait for ever for the dust
    const { simulation, shipments } = simulateRecorded(
      chain({ dcPolicy: { type: 'periodicRS', reviewPeriod: 100, orderUpTo: 5 - 1e-10, firstReview: 0 }, dcOnHand: 3 - 1e-10, storePolicy: storeBaseStock, storeOnHand: 0, shortageShipping: 'complete' }),
    );
    const toStore = shipments.filter((s) => s.to === 1);
    expect(toStore.map((s) => s.leftAt)).toEqual([2]);
    expect(toStore[0].quantity).toBeCloseTo(5, 8);
    expect(simulation.stockPoints[0].backlog.length).toBe(0);
    expect(simulation.stockPoints[0].backorders).toBe(0);
  });

  it('an order for exactly what is on hand ships at once', () => {
    const { simulation, shipments } = simulateRecorded(
      chain({ dcPolicy: dcEveryThree, dcOnHand: 5, storePolicy: storeBaseStock, storeOnHand: 0, shortageShipping: 'complete' }),
    );
    const st = simulation.stockPoints[1];
    expect(shipments.filter((s) => s.to === st.index).map((s) => [s.leftAt, s.quantity])).toEqual([[0, 5]]);
    expect(simulation.stockPoints[0].counters.filledImmediatelyUnits).toBe(5);
    expect(simulation.stockPoints[0].counters.backorderedUnits).toBe(0);
  });

  it('a receipt that does not cover the order at the front of the line ships nothing', () => {
    // the dc starts empty and orders 4 at time 0 (due at 2); the store's order of 5 waits. At 2 the dc
    // has 4 < 5: under complete shipping nothing leaves; its review at 3 orders 5 more, due at 5 (the
    // horizon), so the store gets nothing. Under partial shipping the 4 leave at 2.
    const dcPolicy: PolicyInput = { type: 'periodicRS', reviewPeriod: 3, orderUpTo: 4, firstReview: 0 };
    const complete = simulateRecorded(chain({ dcPolicy, dcOnHand: 0, storePolicy: storeBaseStock, storeOnHand: 0, shortageShipping: 'complete' }));
    expect(complete.shipments.filter((s) => s.to === 1)).toEqual([]);
    expect(complete.simulation.stockPoints[0].onHand).toBe(4);
    expect(complete.simulation.stockPoints[0].backorders).toBe(5);
    const partial = simulateRecorded(chain({ dcPolicy, dcOnHand: 0, storePolicy: storeBaseStock, storeOnHand: 0 }));
    expect(partial.shipments.filter((s) => s.to === 1).map((s) => [s.leftAt, s.quantity])).toEqual([[2, 4]]);
    expect(partial.simulation.stockPoints[0].backorders).toBe(1);
  });
});

describe("customers' backorders filled from a receipt", () => {
  it('each unit of a day’s demand is one customer order, delivered when filled, waiting from its day', () => {
    // The dc holds 10 and never reviews within the horizon. The store starts empty and orders up to 2
    // every 4 days from time 0: at 0 it orders 2 (shipped at once, arriving at 1). Day 0's demand of 3
    // (after the review) is owed, since 0. At 1 the 2 units arrive: 2 orders delivered, each having
    // waited 1 day; 1 unit is still owed at the horizon.
    const { simulation } = simulateRecorded(
      chain({
        dcPolicy: { type: 'periodicRS', reviewPeriod: 100, orderUpTo: 0, firstReview: 50 },
        dcOnHand: 10,
        storePolicy: { type: 'periodicRS', reviewPeriod: 4, orderUpTo: 2, firstReview: 0 },
        storeOnHand: 0,
        series: [3, 0, 0, 0],
        horizon: 4,
      }),
    );
    const c = simulation.stockPoints[1].counters;
    expect(c.backorderedUnits).toBe(3);
    expect(c.filledFromBackorderUnits).toBe(2);
    expect(c.customerFilledFromBackorderUnits).toBe(2);
    expect(c.deliveredOrders).toBe(2);
    expect(c.totalWaitDays).toBe(2);
    expect(simulation.stockPoints[1].backorders).toBe(1);
  });
});

/** supplier -(2)-> dc -(1)-> stores a and b, each ordering up to `upTo` once, at time 0 (after the dc's review) */
function twoStores(dcPolicy: PolicyInput, dcOnHand: number, upTo: [number, number], extra: Partial<ScenarioInput['stockPoints'][number]> = {}, shortageShipping: 'partial' | 'complete' = 'partial'): ScenarioInput {
  return dcTwoStores({ name: 'two stores', horizonDays: 5, dcPolicy, dcOnHand, storeUpTo: upTo, dc: extra, shortageShipping });
}

describe('first come, first served at a warehouse', () => {
  it('orders served in full leave nothing owed behind them: the next order ships at once too', () => {
    // the dc (never ordering) holds 10; a orders 2, then b orders 3: both leave at 0
    const { simulation, shipments } = simulateRecorded(twoStores({ type: 'periodicRS', reviewPeriod: 100, orderUpTo: 0, firstReview: 50 }, 10, [2, 3]));
    expect(shipments.filter((s) => s.to > 0).map((s) => [s.leftAt, s.to, s.quantity])).toEqual([
      [0, 1, 2],
      [0, 2, 3],
    ]);
    const dc = simulation.stockPoints[0];
    expect(dc.backlog.length).toBe(0);
    expect(dc.counters.filledImmediatelyUnits).toBe(5);
  });

  it('under complete shipping a later order that would fit does not pass an earlier one waiting', () => {
    // the dc (never ordering) holds 6; a orders 8 (cannot leave whole: owed), then b orders 4: b waits
    // behind a, though 6 would cover it
    const { simulation, shipments } = simulateRecorded(twoStores({ type: 'periodicRS', reviewPeriod: 100, orderUpTo: 0, firstReview: 50 }, 6, [8, 4], {}, 'complete'));
    expect(shipments.filter((s) => s.to > 0)).toEqual([]);
    const dc = simulation.stockPoints[0];
    expect(dc.onHand).toBe(6);
    expect(dc.backorders).toBe(12);
  });

  it('an order short by rounding dust owes the dust but is no stockout (docs/SCENARIO.md: Demand)', () => {
    // the dc holds 5 less a ten-billionth and reviews every 3 days (ordering nothing: order-up-to 0);
    // a orders 5: all but the dust leaves; both review periods ([0, 3) and [3, 5)) are without stockout
    const { simulation } = simulateRecorded(twoStores({ type: 'periodicRS', reviewPeriod: 3, orderUpTo: 0, firstReview: 0 }, 5 - 1e-10, [5, 0]));
    const dc = simulation.stockPoints[0];
    expect(dc.counters.filledImmediatelyUnits).toBe(5 - 1e-10);
    expect(dc.backorders).toBeGreaterThan(0);
    expect(dc.backorders).toBeLessThan(1e-9);
    expect([dc.counters.cycles, dc.counters.cyclesWithStockout]).toEqual([2, 0]);
  });
});

describe('a continuous-review warehouse', () => {
  it("reorders when a store's order takes its position to the reorder point", () => {
    // (s, S) = (5, 20), 12 on hand (position 12 at its first look, at 0: no order). a orders 4 (position
    // 8, no order), then b orders 3: position 5, at s: order 15
    const { simulation, shipments } = simulateRecorded(twoStores({ type: 'sS', reorderPoint: 5, orderUpTo: 20 }, 12, [4, 3]));
    expect(shipments.filter((s) => s.to === 0).map((s) => [s.leftAt, s.quantity])).toEqual([[0, 15]]);
    expect(simulation.stockPoints[0].counters.ordersPlaced).toBe(1);
  });
});

describe('a continuous-review warehouse under an allocation rule', () => {
  it('reviews its position after each order it takes, not once for the instant', () => {
    // (s, S) = (10, 20), 12 on hand, fair share. a's order of 2 takes the position to 10: order 10
    // (position 20); b's order of 2 leaves it at 18, above s: no second order. One review for the two
    // orders together would find 8 and order 12.
    const { simulation } = simulateRecorded(twoStores({ type: 'sS', reorderPoint: 10, orderUpTo: 20 }, 12, [2, 2], { allocation: { type: 'fairShare' } }));
    const dc = simulation.stockPoints[0];
    expect(dc.counters.ordersPlaced).toBe(1);
    expect(dc.counters.orderedUnits).toBe(10);
  });
});

describe('a store listed before its warehouse (stock point 0) is served as a downstream point', () => {
  /**
   * The store comes first in the file, so it is stock point 0 and orders (5, base stock from nothing)
   * before the dc reviews. The dc, empty, owes the 5, then orders up to 4: 9 units, which its supplier
   * ships 3 a day (capacity): 3 reach the dc at 2, 3 at 3, 3 at 4.
   */
  const storeFirst = (shortageShipping: 'partial' | 'complete', shelfLifeDays?: number) => {
    const input = chain({ dcPolicy: { type: 'periodicRS', reviewPeriod: 100, orderUpTo: 4, firstReview: 0 }, dcOnHand: 0, storePolicy: storeBaseStock, storeOnHand: 0, shortageShipping });
    input.stockPoints = [input.stockPoints[1], input.stockPoints[0]];
    input.nodes[0] = { id: 'sup', type: 'supplier', capacityPerDay: 3 };
    if (shelfLifeDays !== undefined) input.products[0].shelfLifeDays = shelfLifeDays;
    return simulateRecorded(input);
  };

  it('partial shipping: 3 units leave at 2 and the 2 owed at 3', () => {
    const { simulation, shipments } = storeFirst('partial');
    expect(shipments.filter((s) => s.to === 0).map((s) => [s.leftAt, s.quantity])).toEqual([
      [2, 3],
      [3, 2],
    ]);
    // shipped to the store, not sold to customers
    expect(simulation.stockPoints[1].counters.customerFilledFromBackorderUnits).toBe(0);
  });

  it('the units shipped carry their lots to the store', () => {
    // received at 3 and 4: 5 units in lots on the store's shelf
    const store = storeFirst('partial', 100).simulation.stockPoints[0];
    expect(store.onHand).toBe(5);
    expect(store.lots!.total).toBe(5);
  });

  it('complete shipping: nothing leaves at 2 (3 of 5), the whole 5 at 3', () => {
    const { shipments } = storeFirst('complete');
    expect(shipments.filter((s) => s.to === 0).map((s) => [s.leftAt, s.quantity])).toEqual([[3, 5]]);
  });
});

describe("a warehouse's end-of-period cost (docs/KPIS.md, costPerPeriod)", () => {
  it('charges no backorder cost on what it owes stores: that cost applies where customers buy', () => {
    // the dc (R = 2 from 0, up to 0: orders nothing) holds 3 and owes the store 2 of its 5 from time 0;
    // holding 0.5 and backorder cost 1.5 a unit-day. Periods end at 2 and 4 with 0 on hand and 2 owed:
    // no holding, and no backorder cost at a point without customers
    const input = chain({ dcPolicy: { type: 'periodicRS', reviewPeriod: 2, orderUpTo: 0, firstReview: 0 }, dcOnHand: 3, storePolicy: storeBaseStock, storeOnHand: 0 });
    input.products[0] = { ...input.products[0], holdingCost: { perUnitPerDay: 0.5 }, backorderCostPerDay: 1.5 };
    const c = simulateRecorded(input).simulation.stockPoints[0].counters;
    expect(c.periods).toBe(2);
    expect(c.endOfPeriodBackordersSum).toBe(4);
    expect(c.periodCostSum).toBe(0);
  });
});

describe('shipping capacity at the horizon', () => {
  it('no new day starts at the horizon: what waits for capacity then still waits', () => {
    // the supplier ships 1 unit a day; the dc orders 3 at 0 (lead time 2): 1 leaves at 0, 1 at the
    // boundary of 1; at 2, the horizon, the third is still waiting (and the first not yet received)
    const input = chain({ dcPolicy: { type: 'periodicRS', reviewPeriod: 100, orderUpTo: 3, firstReview: 0 }, dcOnHand: 0, storePolicy: storeBaseStock, storeOnHand: 0, horizon: 2 });
    input.nodes[0] = { id: 'sup', type: 'supplier', capacityPerDay: 1 };
    const { simulation, shipments } = simulateRecorded(input);
    expect(shipments.filter((s) => s.to === 0).map((s) => [s.leftAt, s.quantity])).toEqual([
      [0, 1],
      [1, 1],
    ]);
    expect(simulation.gates[0].waitingUnits).toBe(1);
    expect(simulation.stockPoints[0].pipeline).toBe(2);
  });
});

describe('an order a warehouse can ship nothing of', () => {
  it('sends no empty shipment, even behind shipments waiting for capacity', () => {
    // the dc (never ordering) holds 6 and ships 2 units a day: a orders 6 (2 leave at 0, 2 at 1, 2 at
    // 2); b's 4 find nothing on hand and are owed. Nothing else leaves, and b pays no shipment.
    const input = twoStores({ type: 'periodicRS', reviewPeriod: 100, orderUpTo: 0, firstReview: 50 }, 6, [6, 4]);
    input.nodes[1] = { id: 'dc', type: 'warehouse', capacityPerDay: 2 };
    input.lanes![2] = { ...input.lanes![2], costPerShipment: 1 };
    const { simulation, shipments } = simulateRecorded(input);
    expect(shipments.filter((s) => s.to > 0).map((s) => [s.leftAt, s.to, s.quantity])).toEqual([
      [0, 1, 2],
      [1, 1, 2],
      [2, 1, 2],
    ]);
    expect(simulation.stockPoints[2].counters.transportCost).toBe(0);
    expect(simulation.stockPoints[0].backorders).toBe(4);
  });
});
