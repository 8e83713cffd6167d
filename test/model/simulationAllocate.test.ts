import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../src/scenario/schema.ts';
import { dcTwoStores, reviewOnceAtZero, simulateRecorded } from '../fixtures/dcTwoStores.ts';
import type { Shipment } from '../fixtures/observe.ts';

type Allocation = NonNullable<ScenarioInput['stockPoints'][number]['allocation']>;

/**
 * supplier -(2 days)-> dc -(1 day)-> stores a and b. The dc holds 6 and reviews once, at 0, ordering
 * up to 9: 3 units, due at 2. Store a orders 4 and store b 8 at time 0 (order-up-to 4 and 8 from an
 * empty shelf, reviewing at 0 only), after the dc's review. No customer demand. Deterministic.
 */
function network(allocation: Allocation, shortageShipping: 'partial' | 'complete' = 'partial', dcPolicyUpTo = 9, storeUpTo: [number, number] = [4, 8]): ScenarioInput {
  return dcTwoStores({ name: 'allocation', horizonDays: 4, dcPolicy: reviewOnceAtZero(dcPolicyUpTo), dcOnHand: 6, storeUpTo, dc: { allocation }, shortageShipping });
}

/** [time it left, store (a or b), units] of every shipment from the dc */
const fromDc = (shipments: Shipment[]) => shipments.filter((s) => s.to > 0).map((s) => [s.leftAt, s.to === 1 ? 'a' : 'b', s.quantity]);

describe('fair share: each is served the same fraction of what it is owed', () => {
  it('6 on hand for orders of 4 and 8: half each at once (2 and 4); the 3 received at 2 halve what is left (1 and 2)', () => {
    const { simulation, shipments } = simulateRecorded(network({ type: 'fairShare' }));
    expect(fromDc(shipments)).toEqual([
      [0, 'a', 2],
      [0, 'b', 4],
      [2, 'a', 1],
      [2, 'b', 2],
    ]);
    const dc = simulation.stockPoints[0];
    const c = dc.counters;
    expect(c.demandUnits).toBe(12);
    expect(c.internalDemandUnits).toBe(12);
    // the orders of the instant count as filled at once for the share they got then (docs/KPIS.md)
    expect(c.filledImmediatelyUnits).toBe(6);
    expect(c.internalFilledImmediatelyUnits).toBe(6);
    expect(c.backorderedUnits).toBe(6);
    expect(c.filledFromBackorderUnits).toBe(3);
    expect(dc.backorders).toBe(3);
    expect(dc.internalBackorders).toBe(3);
    expect(dc.onHand).toBe(0);
  });

  it('a warehouse holding enough serves every order in full at once: no stockout in its period', () => {
    // the dc starts with 13 (and orders nothing: 13 is above its order-up-to 12); owed 12, the
    // fraction is capped at 1: each order leaves whole, 1 unit stays
    const input = network({ type: 'fairShare' }, 'partial', 12);
    input.stockPoints[0].initialOnHand = 13;
    const { simulation, shipments } = simulateRecorded(input);
    expect(fromDc(shipments)).toEqual([
      [0, 'a', 4],
      [0, 'b', 8],
    ]);
    const dc = simulation.stockPoints[0];
    expect(dc.counters.backorderedUnits).toBe(0);
    expect(dc.onHand).toBe(1);
    // nobody is left in line
    expect(dc.backlog.length).toBe(0);
    expect(dc.backorders).toBe(0);
    // the review period [0, 4) closes at the horizon without a stockout
    expect([dc.counters.cycles, dc.counters.cyclesWithStockout]).toEqual([1, 0]);
  });

  it('the last share takes exactly what is left: 1 unit for orders of 1 and 2 leaves nothing behind, however 1/3 rounds', () => {
    // the dc starts with 1 and orders nothing (order-up-to 0); fraction 1/3: a gets 1/3, b the rest.
    // 1/3 + 2 x (1/3) is not 1 in floating point, so b's share must be computed as what is left
    const input = network({ type: 'fairShare' }, 'partial', 0, [1, 2]);
    input.stockPoints[0].initialOnHand = 1;
    const { simulation, shipments } = simulateRecorded(input);
    expect(fromDc(shipments)).toEqual([
      [0, 'a', 1 / 3],
      [0, 'b', 1 - 1 / 3],
    ]);
    expect(simulation.stockPoints[0].onHand).toBe(0);
  });

  it('a period in which orders were served short is a stockout cycle', () => {
    const { simulation } = simulateRecorded(network({ type: 'fairShare' }));
    const c = simulation.stockPoints[0].counters;
    expect([c.cycles, c.cyclesWithStockout]).toEqual([1, 1]);
  });
});

describe('priority: lower rank first, unranked after every rank', () => {
  it('b ranked first gets all 6 at once and the 2 it is still owed first at 2; a gets the 1 left', () => {
    const { simulation, shipments } = simulateRecorded(network({ type: 'priority', rank: { b: 0, a: 1 } }));
    expect(fromDc(shipments)).toEqual([
      [0, 'b', 6],
      [2, 'b', 2],
      [2, 'a', 1],
    ]);
    const c = simulation.stockPoints[0].counters;
    expect(c.filledImmediatelyUnits).toBe(6);
    expect(c.backorderedUnits).toBe(6);
  });

  it('a store with no rank comes after the ranked one', () => {
    const { shipments } = simulateRecorded(network({ type: 'priority', rank: { b: 5 } }));
    expect(fromDc(shipments)).toEqual([
      [0, 'b', 6],
      [2, 'b', 2],
      [2, 'a', 1],
    ]);
  });

  it('a ranked first gets its 4, b the 2 left, then the 3 received', () => {
    const { shipments } = simulateRecorded(network({ type: 'priority', rank: { a: 0, b: 1 } }));
    expect(fromDc(shipments)).toEqual([
      [0, 'a', 4],
      [0, 'b', 2],
      [2, 'b', 3],
    ]);
  });

  it('under complete shipping an order that cannot leave whole stops the allocation there', () => {
    // b (first) is owed 8 and the dc has 6: nothing leaves, not even a's 4. At 2 the dc has 9: b's 8
    // leave, and the 1 left does not cover a's 4
    const { simulation, shipments } = simulateRecorded(network({ type: 'priority', rank: { b: 0, a: 1 } }, 'complete'));
    expect(fromDc(shipments)).toEqual([[2, 'b', 8]]);
    const dc = simulation.stockPoints[0];
    expect(dc.onHand).toBe(1);
    expect(dc.backorders).toBe(4);
    expect(dc.counters.filledImmediatelyUnits).toBe(0);
  });
});

describe("priority and the warehouse's own customers", () => {
  /**
   * The dc sells to customers too (3 units on day 0) and supplies store a (4 units ordered at 0). It
   * starts empty, orders 5 at 0 (due at 2): at 0 the store's order and the customers' 3 units are
   * owed. At 2 the 5 units are shared by rank.
   */
  const withCustomers = (customerRank: number): ScenarioInput => {
    const input = network({ type: 'priority', rank: { a: 1 }, customerRank }, 'partial', 5, [4, 0]);
    input.stockPoints[0].initialOnHand = 0;
    input.demand = [{ type: 'history', node: 'dc', product: 'w', series: [3, 0, 0, 0] }];
    return input;
  };

  it('customers ranked before the store are served first: 3 units to them, the 2 left to the store', () => {
    const { simulation, shipments } = simulateRecorded(withCustomers(0));
    expect(fromDc(shipments)).toEqual([[2, 'a', 2]]);
    const c = simulation.stockPoints[0].counters;
    // each unit of per-period demand is one customer's order, delivered at 2 after waiting 2 days
    expect(c.customerFilledFromBackorderUnits).toBe(3);
    expect(c.deliveredOrders).toBe(3);
    expect(c.totalWaitDays).toBe(6);
  });

  it('customers ranked after the store wait for what the store leaves: 4 to the store, 1 to them', () => {
    const { simulation, shipments } = simulateRecorded(withCustomers(2));
    expect(fromDc(shipments)).toEqual([[2, 'a', 4]]);
    const c = simulation.stockPoints[0].counters;
    expect(c.customerFilledFromBackorderUnits).toBe(1);
    expect(c.deliveredOrders).toBe(1);
    expect(simulation.stockPoints[0].backorders).toBe(2);
  });
});

describe('priority details', () => {
  it("under complete shipping customers' backorders are still served in part (only downstream orders wait whole)", () => {
    // as above with customers first, but the dc orders 2 and ships only whole orders: at 2 the
    // customers' 3 units get the 2 received, the store's order of 4 nothing
    const input = network({ type: 'priority', rank: { a: 1 }, customerRank: 0 }, 'complete', 2, [4, 0]);
    input.stockPoints[0].initialOnHand = 0;
    input.demand = [{ type: 'history', node: 'dc', product: 'w', series: [3, 0, 0, 0] }];
    const { simulation, shipments } = simulateRecorded(input);
    expect(fromDc(shipments)).toEqual([]);
    const c = simulation.stockPoints[0].counters;
    expect(c.customerFilledFromBackorderUnits).toBe(2);
    expect(c.deliveredOrders).toBe(2);
    expect(simulation.stockPoints[0].backorders).toBe(5);
  });

  it('units a store listed first (stock point 0) is owed leave later with their lots', () => {
    // stores before the dc, b ranked first: at 0 b gets the 6, a nothing; the dc orders 15 (due at 2),
    // from which a's 4 and b's 2 leave at 2, arriving at 3, in lots (shelf life 100)
    const input = network({ type: 'priority', rank: { b: 0, a: 1 } });
    input.stockPoints = [input.stockPoints[1], input.stockPoints[2], input.stockPoints[0]];
    input.products[0].shelfLifeDays = 100;
    const [a, b] = simulateRecorded(input).simulation.stockPoints;
    expect([a.onHand, a.lots!.total]).toEqual([4, 4]);
    expect([b.onHand, b.lots!.total]).toEqual([8, 8]);
  });

  it('ranks the store listed first in the file (stock point 0) by its own rank', () => {
    // the stores listed before the dc: a is stock point 0. a ranked first gets its 4, b the 2 left. The
    // dc now reviews after the stores' orders: position 6 - 12, it orders 15, and b gets its 6 at 2
    const input = network({ type: 'priority', rank: { a: 0, b: 1 } });
    input.stockPoints = [input.stockPoints[1], input.stockPoints[2], input.stockPoints[0]];
    const { shipments } = simulateRecorded(input);
    const dcShipments = shipments.filter((s) => s.to !== 2).map((s) => [s.leftAt, s.to === 0 ? 'a' : 'b', s.quantity]);
    expect(dcShipments).toEqual([
      [0, 'a', 4],
      [0, 'b', 2],
      [2, 'b', 6],
    ]);
  });
});

describe('allocation details', () => {
  /**
   * With the dc shipping 2 units a day at a cost per shipment, `input` ships b's units two a day on
   * days 0 to 3 and nothing to a: no empty shipment, whose cost would show in the dc's transport cost.
   */
  function expectOnlyFullShipmentsToB(input: ReturnType<typeof network>): void {
    input.nodes[1] = { id: 'dc', type: 'warehouse', capacityPerDay: 2 };
    input.lanes![1] = { ...input.lanes![1], costPerShipment: 1 };
    const { simulation, shipments } = simulateRecorded(input);
    expect(fromDc(shipments)).toEqual([
      [0, 'b', 2],
      [1, 'b', 2],
      [2, 'b', 2],
      [3, 'b', 2],
    ]);
    expect(simulation.stockPoints[1].counters.transportCost).toBe(0);
  }

  it('an order of the instant allocated nothing sends no empty shipment, even behind shipments waiting for capacity', () => {
    // the dc ships 2 units a day. b (ranked first) gets the 6: 2 leave at 0, 2 at 1, 2 at 2; a gets
    // nothing at 0. At 2, of the 3 received, b's 2 and a's 1 join the line; b's leave at 3.
    expectOnlyFullShipmentsToB(network({ type: 'priority', rank: { b: 0, a: 1 } }));
  });

  it('an order waiting from before that is allocated nothing sends no empty shipment either', () => {
    // as above, but the dc orders 2 (up to 8): at 2 b's 2 owed take them all, a's 4 get nothing; the
    // horizon is 5, so the line is worked off to its end (b's 2 at 3, then nothing)
    const input = network({ type: 'priority', rank: { b: 0, a: 1 } }, 'partial', 8);
    input.horizonDays = 5;
    expectOnlyFullShipmentsToB(input);
  });

  it("recalled units the warehouse's customers get from the allocation reach one customer per unit (per-period demand)", () => {
    // as in the priority test with customers first: the 5 units received at 2 come in a recalled lot;
    // the customers' 3 units are sold from it, the store's 2 are shipped (not sold)
    const input = network({ type: 'priority', rank: { a: 1 }, customerRank: 0 }, 'partial', 5, [4, 0]);
    input.stockPoints[0].initialOnHand = 0;
    input.demand = [{ type: 'history', node: 'dc', product: 'w', series: [3, 0, 0, 0] }];
    input.recalls = [{ name: 'r', supplier: 'sup', receivedFrom: 0, receivedTo: 4, announcedOn: 4 }];
    const { simulation } = simulateRecorded(input);
    expect(simulation.recallOutcomes[0]).toMatchObject({ unitsSold: 3, customersReached: 3 });
  });

  it('an order short only by rounding dust under fair share is no stockout', () => {
    // the dc holds 6 less a ten-billionth and orders nothing; a alone orders 6: it gets all but the dust
    const input = network({ type: 'fairShare' }, 'partial', 0, [6, 0]);
    input.stockPoints[0].initialOnHand = 6 - 1e-10;
    const { simulation } = simulateRecorded(input);
    const c = simulation.stockPoints[0].counters;
    expect(c.filledImmediatelyUnits).toBe(6 - 1e-10);
    expect([c.cycles, c.cyclesWithStockout]).toEqual([1, 0]);
  });
});
