import { describe, expect, it } from 'vitest';
import { EventKind } from '../../src/model/eventKinds.ts';
import type { Simulation } from '../../src/model/simulation.ts';
import type { ScenarioInput } from '../../src/scenario/schema.ts';
import { dcTwoStores, reviewOnceAtZero, simulateRecorded } from '../fixtures/dcTwoStores.ts';
import { scenarioOf } from '../fixtures/scenario.ts';
import { buildFirstVariant, RARE, runWithArrivals } from '../fixtures/scriptedArrivals.ts';

// Survivors of StrykerJS's first run of src/model/simulation.ts that the earlier tests did not kill
// (docs/mutation/model.md, "the report's survivors not explained before (session 7)").

type Allocation = NonNullable<ScenarioInput['stockPoints'][number]['allocation']>;

/**
 * maker -(2 days)-> dc. The dc starts empty and reviews once, at 0 (periodic, next review past the
 * horizon of 10), ordering up to `upTo`: `upTo` units, due at 2, all in one lot of the maker's covered
 * by a recall announced at the horizon (so the recall only counts what was sold). Customers order
 * `quantity` each, only when a test schedules them (rate RARE): online customers of zone city
 * (served by the dc, no picking time, 1 day in transit) or, with `at: 'dc'`, customers at the dc.
 */
function recalledDc(options: { upTo: number; quantity: number; at: 'city' | 'dc'; allocation?: Allocation }): ScenarioInput {
  return {
    version: 1,
    name: 'survivors',
    horizonDays: 10,
    seed: 'survivors',
    products: [{ id: 'shoe', unitCost: 1, holdingCost: { perUnitPerDay: 0 }, unmetDemand: 'backorder' }],
    nodes: [
      { id: 'maker', type: 'supplier' },
      { id: 'dc', type: 'warehouse' },
      { id: 'city', type: 'zone' },
    ],
    lanes: [{ from: 'maker', to: 'dc', leadTime: { type: 'constant', value: 2 } }],
    stockPoints: [
      {
        node: 'dc',
        product: 'shoe',
        policy: reviewOnceAtZero(options.upTo),
        initialOnHand: 0,
        ...(options.allocation ? { allocation: options.allocation } : {}),
      },
    ],
    demand: [{ type: 'arrivals', node: options.at, product: 'shoe', customersPerDay: RARE, quantity: { type: 'constant', value: options.quantity } }],
    fulfilment: [{ zone: 'city', from: [{ warehouse: 'dc', pickPackDays: { type: 'constant', value: 0 }, transitDays: { type: 'constant', value: 1 } }] }],
    recalls: [{ name: 'r', supplier: 'maker', receivedFrom: 0, receivedTo: 10, announcedOn: 10 }],
  };
}

/** runs `input` with one customer arriving at 0.5 (the dc is empty then: the order waits for the lot due at 2) */
function oneCustomerAtHalf(input: ScenarioInput): Simulation {
  const simulation = buildFirstVariant(scenarioOf(input));
  runWithArrivals(simulation, [0.5]);
  return simulation;
}

describe('an online order served from backorder (first come, first served)', () => {
  it('is one customer reached by the recalled lot, however many units it holds, and counts its units as filled from backorder', () => {
    // the first online order of the run (id 0: requester ONLINE_BASE - 0 = ONLINE_BASE) of 3 units waits
    // at the empty dc; at 2 the 3 units received (the recalled lot) serve it in full: one sale of 3 units
    // to one customer (unitsSold 3, customersReached 1; were each unit one customer it would be 3),
    // 3 units filled from backorder, and the order leaves complete, delivered at 2 + 0 + 1 = 3
    const simulation = oneCustomerAtHalf(recalledDc({ upTo: 3, quantity: 3, at: 'city' }));
    expect(simulation.recallOutcomes[0]).toMatchObject({ unitsSold: 3, customersReached: 1 });
    const c = simulation.stockPoints[0].counters;
    expect(c.backorderedUnits).toBe(3);
    expect(c.customerFilledFromBackorderUnits).toBe(3);
    expect(simulation.zones[0].orders).toBe(1);
    expect(simulation.zones[0].delivered).toBe(1);
  });

  it('served in part, it does not leave: 2 of its 3 units received, nothing is delivered', () => {
    // as above, the dc orders only 2: at 2 the order gets 2 of its 3 units and keeps waiting for the
    // last one, which never comes (no further review): it is never delivered, 1 unit stays owed
    const simulation = oneCustomerAtHalf(recalledDc({ upTo: 2, quantity: 3, at: 'city' }));
    expect(simulation.stockPoints[0].counters.customerFilledFromBackorderUnits).toBe(2);
    expect(simulation.stockPoints[0].backorders).toBe(1);
    expect(simulation.zones[0].delivered).toBe(0);
  });

  it('an order of 20 million units filled in full leaves (complete to rounding, even where 1e-9 is below the precision)', () => {
    // 2e7 lies in [2^24, 2^25), where doubles are 2^-28 (3.7e-9) apart: 2e7 - 1e-9 rounds to 2e7 itself,
    // so the test "served >= owed - 1e-9" must hold at equality. At 2 the 2e7 units received serve the
    // order in full; delivered at 3
    expect(2e7 - 1e-9).toBe(2e7);
    const simulation = oneCustomerAtHalf(recalledDc({ upTo: 2e7, quantity: 2e7, at: 'city' }));
    expect(simulation.stockPoints[0].counters.customerFilledFromBackorderUnits).toBe(2e7);
    expect(simulation.zones[0].delivered).toBe(1);
  });
});

describe("a customer's order of 20 million units filled from backorder in full", () => {
  it('is one delivered order (complete to rounding, even where 1e-9 is below the precision)', () => {
    // a customer at the dc orders 2e7 at 0.5 (a customer order: requester CUSTOMER), owed in full; the
    // 2e7 units received at 2 fill it: one delivered order, which waited 2 - 0.5 = 1.5 days
    const simulation = oneCustomerAtHalf(recalledDc({ upTo: 2e7, quantity: 2e7, at: 'dc' }));
    const c = simulation.stockPoints[0].counters;
    expect(c.customerFilledFromBackorderUnits).toBe(2e7);
    expect(c.deliveredOrders).toBe(1);
    expect(c.totalWaitDays).toBe(1.5);
  });
});

describe('orders sold from an allocation reach one customer each', () => {
  it('an online order of 3 units served by fair share is one customer reached', () => {
    // as the first test, with the dc under fair share: at 2 the allocation (the order alone in line)
    // gives it the 3 units received, one sale to one customer
    const simulation = oneCustomerAtHalf(recalledDc({ upTo: 3, quantity: 3, at: 'city', allocation: { type: 'fairShare' } }));
    expect(simulation.recallOutcomes[0]).toMatchObject({ unitsSold: 3, customersReached: 1 });
    expect(simulation.zones[0].delivered).toBe(1);
  });

  it("a customer's order of 3 units at the warehouse served by priority is one customer reached", () => {
    // a customer at the dc orders 3 at 0.5 (requester CUSTOMER) and waits; at 2 the allocation gives it
    // the 3 units received: one sale to one customer, one order delivered
    const simulation = oneCustomerAtHalf(recalledDc({ upTo: 3, quantity: 3, at: 'dc', allocation: { type: 'priority', rank: {}, customerRank: 0 } }));
    expect(simulation.recallOutcomes[0]).toMatchObject({ unitsSold: 3, customersReached: 1 });
    expect(simulation.stockPoints[0].counters.deliveredOrders).toBe(1);
  });
});

describe('allocation events', () => {
  it('orders placed at the same instant ask for one allocation between them', () => {
    // dcTwoStores under fair share: the dc holds 6 and orders 3 at 0 (up to 9, due at 2); stores a and b
    // order 4 and 8 at 0. Both orders at 0 share one allocation event at 0; the receipt at 2 asks for
    // one more (3 still owed): 2 allocation events in all
    const input = dcTwoStores({ name: 'allocation events', horizonDays: 4, dcPolicy: reviewOnceAtZero(9), dcOnHand: 6, storeUpTo: [4, 8], dc: { allocation: { type: 'fairShare' } } });
    const simulation = buildFirstVariant(scenarioOf(input));
    const allocationsAt: number[] = [];
    const env = simulation.env;
    const schedule = env.schedule.bind(env);
    env.schedule = (time, kind, target, value, priority) => {
      if (kind === EventKind.allocation) allocationsAt.push(time);
      return schedule(time, kind, target, value, priority);
    };
    simulation.run();
    expect(allocationsAt).toEqual([0, 2]);
  });

  it('under priority and complete shipping, the store listed first (stock point 0) waits whole too', () => {
    // stores a (stock point 0) and b (1) listed before the dc (2); a ranked first. a orders 8, b 4 at 0;
    // the dc holds 6: a's 8 cannot leave whole, which stops the allocation (b waits behind it). The dc
    // then reviews: position 6 - 12 = -6, it orders 15 (up to 9), due at 2: 21 on hand, a's 8 and b's 4 leave
    const input = dcTwoStores({
      name: 'complete first',
      horizonDays: 4,
      dcPolicy: reviewOnceAtZero(9),
      dcOnHand: 6,
      storeUpTo: [8, 4],
      dc: { allocation: { type: 'priority', rank: { a: 0, b: 1 } } },
      shortageShipping: 'complete',
    });
    input.stockPoints = [input.stockPoints[1], input.stockPoints[2], input.stockPoints[0]];
    const { simulation, shipments } = simulateRecorded(input);
    const fromDc = shipments.filter((s) => s.to !== 2).map((s) => [s.leftAt, s.to === 0 ? 'a' : 'b', s.quantity]);
    expect(fromDc).toEqual([
      [2, 'a', 8],
      [2, 'b', 4],
    ]);
    expect(simulation.stockPoints[2].onHand).toBe(9);
  });
});

describe('customer returns of whole units', () => {
  it('a whole unit coming back draws only its binomial restock decision, so later returns keep their draws', () => {
    // one store, 10 on hand, never orders; it sells 1 unit on day 0 (at 0) and 1 on day 1 (at 1); every
    // unit sold comes back (fraction 1: binomial(1, 1) draws nothing) after 0.5 days; half are restocked.
    // Restocking binomial(1, 0.5) draws u, hit when u < 0.5, and after a hit one more draw (the next
    // position, past the single trial). Draws: return at 0.5: 0 (hit), 0.999 (end): restocked; return
    // at 1.5: 0.999 (no hit): scrapped. A whole unit has no fractional remainder to draw for.
    const draws = [0, 0.999, 0.999, 0, 0.999];
    const input: ScenarioInput = {
      version: 1,
      name: 'returns',
      horizonDays: 3,
      seed: 'returns',
      products: [
        {
          id: 'w',
          unitCost: 4,
          price: 10,
          holdingCost: { perUnitPerDay: 0 },
          unmetDemand: 'lost',
          returns: { fraction: 1, afterDays: { type: 'uniform', min: 0, max: 3 }, restockShare: 0.5 },
        },
      ],
      nodes: [
        { id: 'sup', type: 'supplier' },
        { id: 'st', type: 'store' },
      ],
      lanes: [{ from: 'sup', to: 'st', leadTime: { type: 'constant', value: 1 } }],
      stockPoints: [{ node: 'st', product: 'w', policy: { type: 'periodicRS', reviewPeriod: 1, orderUpTo: 0, firstReview: 1000 }, initialOnHand: 10 }],
      demand: [{ type: 'history', node: 'st', product: 'w', series: [1, 1, 0] }],
    };
    const simulation = buildFirstVariant(scenarioOf(input));
    const care = simulation.stockPoints[0].care;
    care.returns = { ...care.returns!, decisions: () => draws.shift() ?? 0.999, delay: { ...care.returns!.delay, sample: () => 0.5 } };
    simulation.run();
    const c = simulation.stockPoints[0].counters;
    expect([c.customerReturnedUnits, c.restockedUnits, c.scrappedUnits]).toEqual([2, 1, 1]);
    // 10 - 1 at 0, + 1 at 0.5, - 1 at 1, scrapped at 1.5
    expect(simulation.stockPoints[0].onHand).toBe(9);
  });
});

describe('the dust tolerances at their exact thresholds', () => {
  it('an order short by exactly 1e-9 units (first come, first served) owes the dust but is no stockout', () => {
    // the dc holds 1e-9 and orders nothing (up to 0); store a orders 2e-9 at 0 (up to 2e-9 from an empty
    // shelf: above the 1e-9 an order must exceed), b nothing. The dc ships its 1e-9 and owes
    // 2e-9 - 1e-9, which is exactly 1e-9 in floating point (2e-9 is 2 x 1e-9): dust, not a stockout.
    // Its review period [0, 4) closes at the horizon without a stockout
    expect(2e-9 - 1e-9).toBe(1e-9);
    const { simulation } = simulateRecorded(dcTwoStores({ name: 'dust', horizonDays: 4, dcPolicy: reviewOnceAtZero(0), dcOnHand: 1e-9, storeUpTo: [2e-9, 0] }));
    const c = simulation.stockPoints[0].counters;
    expect(c.filledImmediatelyUnits).toBe(1e-9);
    expect(c.backorderedUnits).toBe(1e-9);
    expect([c.cycles, c.cyclesWithStockout]).toEqual([1, 0]);
  });

  it('an order short by exactly 1e-9 units under fair share is no stockout either', () => {
    // as above under fair share: a alone is owed 2e-9, its share (the last) is the 1e-9 on hand
    const { simulation } = simulateRecorded(
      dcTwoStores({ name: 'dust', horizonDays: 4, dcPolicy: reviewOnceAtZero(0), dcOnHand: 1e-9, storeUpTo: [2e-9, 0], dc: { allocation: { type: 'fairShare' } } }),
    );
    const c = simulation.stockPoints[0].counters;
    expect(c.filledImmediatelyUnits).toBe(1e-9);
    expect(c.backorderedUnits).toBe(1e-9);
    expect([c.cycles, c.cyclesWithStockout]).toEqual([1, 0]);
  });

  it('a warehouse holding only crumbs (below 1e-12 units) under fair share ships none of them', () => {
    // the dc holds 1e-13 and orders nothing; a orders 1 at 0: the share loop stops before it starts (less
    // than 1e-12 left), so a gets nothing, no shipment leaves, and the whole unit is owed
    const { simulation, shipments } = simulateRecorded(
      dcTwoStores({ name: 'crumbs', horizonDays: 4, dcPolicy: reviewOnceAtZero(0), dcOnHand: 1e-13, storeUpTo: [1, 0], dc: { allocation: { type: 'fairShare' } } }),
    );
    expect(shipments.filter((s) => s.to > 0)).toEqual([]);
    expect(simulation.stockPoints[0].onHand).toBe(1e-13);
    expect(simulation.stockPoints[0].counters.backorderedUnits).toBe(1);
  });

  it('a sale of exactly 1e-9 units has no fractional remainder to send back', () => {
    // one store, 10 on hand, never orders; day 0 sells 1e-9 units (per-period demand). Whole units:
    // floor(1e-9 + 1e-9) = 0; the remainder 1e-9 - 0 is not above 1e-9: nothing comes back, although
    // every unit sold would (fraction 1) and every draw is 0
    const input: ScenarioInput = {
      version: 1,
      name: 'dust sale',
      horizonDays: 3,
      seed: 'dust sale',
      products: [
        {
          id: 'w',
          unitCost: 4,
          price: 10,
          holdingCost: { perUnitPerDay: 0 },
          unmetDemand: 'lost',
          returns: { fraction: 1, afterDays: { type: 'constant', value: 0.5 }, restockShare: 1 },
        },
      ],
      nodes: [
        { id: 'sup', type: 'supplier' },
        { id: 'st', type: 'store' },
      ],
      lanes: [{ from: 'sup', to: 'st', leadTime: { type: 'constant', value: 1 } }],
      stockPoints: [{ node: 'st', product: 'w', policy: { type: 'periodicRS', reviewPeriod: 1, orderUpTo: 0, firstReview: 1000 }, initialOnHand: 10 }],
      demand: [{ type: 'history', node: 'st', product: 'w', series: [1e-9, 0, 0] }],
    };
    const simulation = buildFirstVariant(scenarioOf(input));
    const care = simulation.stockPoints[0].care;
    care.returns = { ...care.returns!, decisions: () => 0 };
    simulation.run();
    const c = simulation.stockPoints[0].counters;
    expect(c.demandUnits).toBe(1e-9);
    expect(c.customerReturnedUnits).toBe(0);
    expect(simulation.stockPoints[0].onHand).toBe(10 - 1e-9);
  });

  it('a periodic review whose policy asks for exactly -1e-9 units returns nothing', () => {
    // store a reviews once at 0 (dcTwoStores); its policy is replaced by one asking -1e-9 (a return of
    // rounding dust, at the ORDER_EPSILON threshold, not beyond it): no order, no return
    const input = dcTwoStores({ name: 'dust return', horizonDays: 4, dcPolicy: reviewOnceAtZero(0), dcOnHand: 0, storeUpTo: [0, 0] });
    input.stockPoints[1].initialOnHand = 5;
    const simulation = buildFirstVariant(scenarioOf(input));
    simulation.stockPoints[1].policy.orderQuantity = () => -1e-9;
    simulation.run();
    const c = simulation.stockPoints[1].counters;
    expect([c.ordersPlaced, c.returnedUnits]).toEqual([0, 0]);
    expect(simulation.stockPoints[1].onHand).toBe(5);
  });
});

describe('a return reaching a warehouse at the instant one of its lots expires', () => {
  it('the continuous-review warehouse reviews after the return receipt, which wrote the expired lot off', () => {
    // sup -(3)-> dc -(5)-> a; product with a shelf life of 2 days, held in lots. The dc (s = 0, S = 4,
    // continuous) starts empty and orders 4 at 0, received at 3 as a lot expiring at 5 (its expiry
    // event is scheduled at 3). Store a starts with 1 unit (a lot expiring at 2) and at its one review,
    // at 0, its policy (replaced) asks -1: it sends its unit back, arriving at 0 + 5 = 5, an event
    // scheduled at 0, so it runs before the lot's expiry event at the same instant. The return receipt
    // puts the unit on the dc's shelf, and purging the shelf writes off both the returned unit (past
    // its date) and the dc's lot (due now): on hand 0, position 0 <= s, and the dc orders 4 at once.
    // The expiry event that follows finds nothing left to expire (and does not review).
    const input = dcTwoStores({ name: 'return at expiry', horizonDays: 7, dcPolicy: { type: 'sS', reorderPoint: 0, orderUpTo: 4 }, dcOnHand: 0, storeUpTo: [0, 0] });
    input.products[0].shelfLifeDays = 2;
    input.lanes = [
      { from: 'sup', to: 'dc', leadTime: { type: 'constant', value: 3 } },
      { from: 'dc', to: 'a', leadTime: { type: 'constant', value: 5 } },
      { from: 'dc', to: 'b', leadTime: { type: 'constant', value: 1 } },
    ];
    input.stockPoints[1].initialOnHand = 1;
    const simulation = buildFirstVariant(scenarioOf(input));
    simulation.stockPoints[1].policy.orderQuantity = () => -1;
    const receipts: number[][] = [];
    const env = simulation.env;
    const schedule = env.schedule.bind(env);
    env.schedule = (time, kind, target, value, priority) => {
      if (kind === EventKind.receipt && target === 0) receipts.push([env.now, value ?? 0]);
      return schedule(time, kind, target, value, priority);
    };
    simulation.run();
    const dc = simulation.stockPoints[0];
    expect(simulation.stockPoints[1].counters.returnedUnits).toBe(1);
    // [time ordered, units]: at 0 and at 5
    expect(receipts).toEqual([
      [0, 4],
      [5, 4],
    ]);
    expect(dc.counters.expiredUnits).toBe(5);
    expect(dc.counters.ordersPlaced).toBe(2);
  });
});

describe('complete shipping of large orders (where 1e-9 is below the precision)', () => {
  // the dc starts empty and orders 2e7 at 0 (up to 2e7, due at 2); store a orders 2e7 at 0, which the dc
  // cannot ship whole then: it waits. At 2 the dc holds exactly the 2e7 owed, and the order leaves
  // whole (arriving at 3). 2e7 + 1e-9 rounds to 2e7 (doubles there are 2^-28 apart), so "on hand + 1e-9
  // < owed" must stay strict for it to leave.
  const bigOrder = (allocation?: Allocation) =>
    simulateRecorded(
      dcTwoStores({
        name: 'big order',
        horizonDays: 4,
        dcPolicy: reviewOnceAtZero(2e7),
        dcOnHand: 0,
        storeUpTo: [2e7, 0],
        shortageShipping: 'complete',
        ...(allocation ? { dc: { allocation } } : {}),
      }),
    );

  it('first come, first served: the order leaves when the dc holds exactly what it owes', () => {
    expect(2e7 + 1e-9).toBe(2e7);
    const { simulation, shipments } = bigOrder();
    expect(shipments.filter((s) => s.to > 0).map((s) => [s.leftAt, s.quantity])).toEqual([[2, 2e7]]);
    expect(simulation.stockPoints[1].onHand).toBe(2e7);
  });

  it('priority: the order leaves when the dc holds exactly what it owes', () => {
    const { simulation, shipments } = bigOrder({ type: 'priority', rank: { a: 0 } });
    expect(shipments.filter((s) => s.to > 0).map((s) => [s.leftAt, s.quantity])).toEqual([[2, 2e7]]);
    expect(simulation.stockPoints[1].onHand).toBe(2e7);
  });
});
