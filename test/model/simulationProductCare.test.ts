import { describe, expect, it } from 'vitest';
import { buildSimulation, variantsOf } from '../../src/model/build.ts';
import type { Simulation } from '../../src/model/simulation.ts';
import { replicationSeed } from '../../src/random/streams.ts';
import type { ScenarioInput } from '../../src/scenario/schema.ts';
import { scenarioOf } from '../fixtures/scenario.ts';
import { recordShipments } from '../fixtures/observe.ts';

type PolicyInput = ScenarioInput['stockPoints'][number]['policy'];
type ProductInput = ScenarioInput['products'][number];
type StockPointInput = ScenarioInput['stockPoints'][number];

interface StoreOptions {
  policy: PolicyInput;
  initialOnHand: number;
  series?: number[];
  horizon: number;
  leadTime?: number;
  product?: Partial<ProductInput>;
  point?: Partial<StockPointInput>;
  recalls?: ScenarioInput['recalls'];
  unmetDemand?: 'lost' | 'backorder';
}

/**
 * One store, product `w` (unit cost 4, price 10), one supplier over a lane of constant lead time
 * (default 1), daily demand replayed from `series` (history). Deterministic unless a probability
 * strictly between 0 and 1 is set.
 */
function store(options: StoreOptions): ScenarioInput {
  return {
    version: 1,
    name: 'care',
    horizonDays: options.horizon,
    seed: 'care',
    products: [{ id: 'w', unitCost: 4, price: 10, holdingCost: { perUnitPerDay: 0 }, unmetDemand: options.unmetDemand ?? 'lost', ...options.product }],
    nodes: [
      { id: 'sup', type: 'supplier' },
      { id: 'st', type: 'store' },
    ],
    lanes: [{ from: 'sup', to: 'st', leadTime: { type: 'constant', value: options.leadTime ?? 1 } }],
    stockPoints: [{ node: 'st', product: 'w', policy: options.policy, initialOnHand: options.initialOnHand, ...options.point }],
    demand: options.series ? [{ type: 'history', node: 'st', product: 'w', series: options.series }] : [],
    recalls: options.recalls ?? [],
  };
}

function simulate(input: ScenarioInput, before?: (simulation: Simulation) => void): Simulation {
  const scenario = scenarioOf(input);
  const simulation = buildSimulation(scenario, variantsOf(scenario)[0], replicationSeed(scenario.seed, 0));
  before?.(simulation);
  simulation.run();
  return simulation;
}

/** the shipments of the last run that recorded them */
let shipments: ReturnType<typeof recordShipments> = [];

/** never orders: a periodic review whose first review lies past every horizon used here */
const never: PolicyInput = { type: 'periodicRS', reviewPeriod: 1, orderUpTo: 0, firstReview: 1000 };

describe('expiry of lots on the shelf', () => {
  it('units expire at their date; the shelf fell, so a continuous-review policy reorders then', () => {
    // 5 units at time 0, shelf life 3: they expire at 3; (s, S) = (1, 5) orders 5 at 3, received at 4
    const simulation = simulate(store({ policy: { type: 'sS', reorderPoint: 1, orderUpTo: 5 }, initialOnHand: 5, horizon: 6, product: { shelfLifeDays: 3 } }), (s) => {
      shipments = recordShipments(s);
    });
    const point = simulation.stockPoints[0];
    expect(point.counters.expiredUnits).toBe(5);
    expect(shipments.map((s) => [s.leftAt, s.quantity])).toEqual([[3, 5]]);
    expect(point.onHand).toBe(5);
    expect(point.lots!.total).toBe(5);
  });
});

describe('damage in storage (docs/SCENARIO.md: Damage)', () => {
  it('at probability 1 every unit on hand is hit, the half unit of 3.5 whole, and the policy reorders', () => {
    const simulation = simulate(
      store({ policy: { type: 'sS', reorderPoint: 0, orderUpTo: 2 }, initialOnHand: 3.5, horizon: 2, product: { damagePerDay: { ambient: 1 } } }),
      (s) => {
        shipments = recordShipments(s);
      },
    );
    const point = simulation.stockPoints[0];
    // boundary 1: 3.5 units hit; the position 0 is at s = 0: order 2 at time 1, due at 2, the horizon
    // (not received in the run)
    expect(point.counters.damagedUnits).toBe(3.5);
    expect(shipments.map((s) => [s.leftAt, s.quantity])).toEqual([[1, 2]]);
    expect(point.onHand).toBe(0);
    expect(point.pipeline).toBe(2);
  });

  it('a shelf short of whole units by rounding dust loses exactly what it holds, never more', () => {
    const onHand = 3 - 1e-10;
    const point = simulate(store({ policy: never, initialOnHand: onHand, horizon: 1, product: { damagePerDay: { ambient: 1 } } })).stockPoints[0];
    expect(point.counters.damagedUnits).toBe(onHand);
    expect(point.onHand).toBe(0);
  });

  it('a fractional remainder is hit whole when its draw is below the probability, spared when not', () => {
    // 2.5 units at p = 0.5: the two whole units by geometric skipping (a first draw of 0.999 puts the
    // first hit at unit floor(ln 0.001 / ln 0.5) = 9, past the 2 units: none hit), then one draw for the half
    const hitWith = (remainderDraw: number) => {
      const draws = [0.999, remainderDraw];
      return simulate(store({ policy: never, initialOnHand: 2.5, horizon: 1, product: { damagePerDay: { ambient: 0.5 } } }), (s) => {
        s.stockPoints[0].care = { ...s.stockPoints[0].care, damage: () => draws.shift() ?? 0.999 };
      }).stockPoints[0];
    };
    const hit = hitWith(0.4);
    expect(hit.counters.damagedUnits).toBe(0.5);
    expect(hit.onHand).toBe(2);
    const spared = hitWith(0.5);
    expect(spared.counters.damagedUnits).toBe(0);
    expect(spared.onHand).toBe(2.5);
  });

  it('in lots, the units hit leave the lots too', () => {
    const point = simulate(store({ policy: never, initialOnHand: 4, horizon: 1, product: { damagePerDay: { ambient: 1 }, shelfLifeDays: 50 } })).stockPoints[0];
    expect(point.counters.damagedUnits).toBe(4);
    expect(point.lots!.total).toBe(0);
  });
});

describe('shrinkage and counts (docs/SCENARIO.md: Stock visibility)', () => {
  it('units vanish unrecorded; a count every 2 days reports after 1 day, and only then does the policy reorder', () => {
    // (s, S) = (1, 5), 5 on hand, everything on the shelf vanishes at each boundary (probability 1).
    // boundary 1: 5 vanish (the record still has them: position 5, no order); boundary 2: a count
    // finds 5, its result reaches the record at 3; then the position is 0: order 5, received at 4.
    // boundary 5: those 5 vanish; boundary 6 counts them, result due at 7, past the horizon.
    const simulation = simulate(
      store({
        policy: { type: 'sS', reorderPoint: 1, orderUpTo: 5 },
        initialOnHand: 5,
        horizon: 6,
        point: { visibility: { shrinkagePerDay: 1, countEveryDays: 2, countDelayDays: 1 } },
      }),
      (s) => {
        shipments = recordShipments(s);
      },
    );
    const point = simulation.stockPoints[0];
    expect(point.counters.shrunkUnits).toBe(10);
    expect(shipments.map((s) => [s.leftAt, s.quantity])).toEqual([[3, 5]]);
    expect(point.onHand).toBe(0);
    expect(point.phantom).toBe(5);
    expect(point.visibility!.foundInFlight).toBe(5);
    expect(point.inventoryPosition).toBe(5);
  });

  it('a count without delay corrects the record at once, at the boundary of its day', () => {
    // count every 2 days, no delay: the 5 units lost at boundary 1 are found at boundary 2, ordered then
    const simulation = simulate(
      store({
        policy: { type: 'sS', reorderPoint: 1, orderUpTo: 5 },
        initialOnHand: 5,
        horizon: 3,
        point: { visibility: { shrinkagePerDay: 1, countEveryDays: 2, countDelayDays: 0 } },
      }),
      (s) => {
        shipments = recordShipments(s);
      },
    );
    expect(shipments.map((s) => [s.leftAt, s.quantity])).toEqual([[2, 5]]);
    expect(simulation.stockPoints[0].phantom).toBe(0);
    expect(simulation.stockPoints[0].visibility!.foundInFlight).toBe(0);
  });

  it('never counted: the phantom stock stays and the policy never reorders', () => {
    const simulation = simulate(
      store({ policy: { type: 'sS', reorderPoint: 1, orderUpTo: 5 }, initialOnHand: 5, horizon: 4, point: { visibility: { shrinkagePerDay: 1 } } }),
      (s) => {
        shipments = recordShipments(s);
      },
    );
    expect(shipments).toEqual([]);
    expect(simulation.stockPoints[0].phantom).toBe(5);
  });

  it('a count that finds what earlier counts already found, still on its way, reports nothing new', () => {
    // count every day with a delay of 2: boundary 1 loses 5 and finds them (result at 3); boundary 2
    // finds nothing new (the 5 are in flight); at 3 the record learns of 5, and the store orders 5
    const simulation = simulate(
      store({
        policy: { type: 'sS', reorderPoint: 1, orderUpTo: 5 },
        initialOnHand: 5,
        horizon: 3.5,
        leadTime: 10,
        point: { visibility: { shrinkagePerDay: 1, countEveryDays: 1, countDelayDays: 2 } },
      }),
      (s) => {
        shipments = recordShipments(s);
      },
    );
    const point = simulation.stockPoints[0];
    expect(shipments.map((s) => [s.leftAt, s.quantity])).toEqual([[3, 5]]);
    expect(point.phantom).toBe(0);
    expect(point.visibility!.foundInFlight).toBe(0);
  });
});

describe('customer returns (docs/SCENARIO.md: Returns)', () => {
  const returning = (restockShare: number, series: number[], unmetDemand: 'lost' | 'backorder' = 'lost', initialOnHand = 10) =>
    store({
      policy: never,
      initialOnHand,
      horizon: 4,
      series,
      unmetDemand,
      product: { returns: { fraction: 1, afterDays: { type: 'constant', value: 2 }, restockShare, reconditionCostPerUnit: 3, scrapCostPerUnit: 7 } },
    });

  it('every unit of a 2.5-unit sale comes back after 2 days, the half unit whole; restocked, reconditioned and refunded', () => {
    const point = simulate(returning(1, [2.5, 0, 0, 0])).stockPoints[0];
    const c = point.counters;
    expect(c.customerReturnedUnits).toBe(2.5);
    expect(c.restockedUnits).toBe(2.5);
    expect(c.scrappedUnits).toBe(0);
    expect(c.returnsCost).toBe(7.5);
    expect(c.refunds).toBe(25);
    expect(point.onHand).toBe(10);
  });

  it('with a restock share of 0 every returned unit is scrapped, at its scrap cost, and none goes back on the shelf', () => {
    const point = simulate(returning(0, [2.5, 0, 0, 0])).stockPoints[0];
    const c = point.counters;
    expect(c.customerReturnedUnits).toBe(2.5);
    expect(c.restockedUnits).toBe(0);
    expect(c.scrappedUnits).toBe(2.5);
    expect(c.returnsCost).toBe(17.5);
    expect(c.refunds).toBe(25);
    expect(point.onHand).toBe(7.5);
  });

  it('restocked units serve the customers waiting on backorder', () => {
    // 10 on hand, day 0 asks 12: 10 sold, 2 owed. At 2 the 10 come back and are restocked: the 2 owed
    // are served from them (their own return is due at 4, the horizon)
    const point = simulate(returning(1, [12, 0, 0, 0], 'backorder')).stockPoints[0];
    expect(point.counters.filledFromBackorderUnits).toBe(2);
    expect(point.backorders).toBe(0);
    expect(point.onHand).toBe(8);
  });

  it('returned units of a product in lots go back on the shelf in their lot', () => {
    const input = returning(1, [3, 0, 0, 0]);
    input.products[0].shelfLifeDays = 50;
    const point = simulate(input).stockPoints[0];
    expect(point.onHand).toBe(10);
    expect(point.lots!.total).toBe(10);
    expect(point.lots!.pieces).toBe(1);
  });

  it('of a product in lots, only the restocked share goes back in lots', () => {
    const input = returning(0, [3, 0, 0, 0]);
    input.products[0].shelfLifeDays = 50;
    const point = simulate(input).stockPoints[0];
    expect(point.onHand).toBe(7);
    expect(point.lots!.total).toBe(7);
  });
});

describe("the end of a product's life (docs/SCENARIO.md: End of life)", () => {
  it('sells off what is on hand at its day and what arrives later, and no longer orders', () => {
    // (R, S) every day from 0 with S = 6, 4 on hand, lead time 2: at 0 orders 2 (due at 2); demand 1 a
    // day; at 1 orders 1 (due at 3). The product ends at the start of day 2: the 2 on hand are sold
    // off, and so are the 2 arriving at 2 and the 1 at 3; no order after day 1.
    const simulation = simulate(
      store({ policy: { type: 'periodicRS', reviewPeriod: 1, orderUpTo: 6 }, initialOnHand: 4, horizon: 5, leadTime: 2, series: [1, 1, 1, 1, 1], product: { endOfLife: { day: 2, salvageValue: 1 } } }),
      (s) => {
        shipments = recordShipments(s);
      },
    );
    const point = simulation.stockPoints[0];
    expect(shipments.map((s) => [s.leftAt, s.quantity])).toEqual([
      [0, 2],
      [1, 1],
    ]);
    expect(point.counters.obsoleteUnits).toBe(5);
    expect(point.onHand).toBe(0);
    expect(point.ended).toBe(true);
  });

  it('clears stock the record still counts but the shelf lost', () => {
    // 5 units vanish at boundary 1 (never counted); the product ends at 2: nothing on the shelf to sell
    // off, and the record forgets the phantom units
    const point = simulate(
      store({ policy: never, initialOnHand: 5, horizon: 3, product: { endOfLife: { day: 2 } }, point: { visibility: { shrinkagePerDay: 1 } } }),
    ).stockPoints[0];
    expect(point.counters.obsoleteUnits).toBe(0);
    expect(point.phantom).toBe(0);
  });

  it('ends only the product whose day it is', () => {
    const input = store({ policy: never, initialOnHand: 5, horizon: 3, product: { endOfLife: { day: 1 } } });
    input.products.push({ id: 'v', unitCost: 4, holdingCost: { perUnitPerDay: 0 } });
    input.stockPoints.push({ node: 'st', product: 'v', policy: never, initialOnHand: 7 });
    const [w, v] = simulate(input).stockPoints;
    expect([w.counters.obsoleteUnits, w.onHand, w.ended]).toEqual([5, 0, true]);
    expect([v.counters.obsoleteUnits, v.onHand, v.ended]).toEqual([0, 7, false]);
  });
});

describe('recalls (docs/SCENARIO.md: Recalls)', () => {
  // (R, S) = (1, 2) from 0, lead time 0, 2 units at time 0 (one lot), demand 1 a day: from day 1 on,
  // each review orders 1, received at once as a new lot, and the day's demand takes the older unit
  // (FIFO): after day t's demand the shelf holds the lot received at t.
  const daily: PolicyInput = { type: 'periodicRS', reviewPeriod: 1, orderUpTo: 2 };
  const recallOf = (receivedFrom: number, receivedTo: number, announcedOn: number) =>
    store({ policy: daily, initialOnHand: 2, horizon: 7, leadTime: 0, series: [1, 1, 1, 1, 1, 1, 1], recalls: [{ name: 'r', supplier: 'sup', receivedFrom, receivedTo, announcedOn }] });

  it('covers the lots received in [receivedFrom, receivedTo): the units of lots 2 and 3 were sold before it', () => {
    const simulation = simulate(recallOf(2, 4, 6));
    // at 6 (before the review) the shelf holds the lot of time 5: not covered
    expect(simulation.recallOutcomes[0]).toEqual({ name: 'r', unitsRemoved: 0, customersReached: 2, unitsSold: 2 });
    expect(simulation.stockPoints[0].counters.recalledUnits).toBe(0);
  });

  it('removes the covered units still on the shelf when it is announced', () => {
    // at 4 the shelf holds the lot of time 3 (1 unit), covered: removed; the review then orders 2
    const simulation = simulate(recallOf(2, 4, 4));
    expect(simulation.recallOutcomes[0]).toEqual({ name: 'r', unitsRemoved: 1, customersReached: 1, unitsSold: 1 });
    const point = simulation.stockPoints[0];
    expect(point.counters.recalledUnits).toBe(1);
    expect(point.onHand).toBe(1);
    expect(point.lots!.total).toBe(1);
  });

  it('the initial stock is a lot received at time 0', () => {
    const simulation = simulate(recallOf(0, 1, 1));
    // the lot of time 0 held 2: one sold on day 0, the other still on the shelf at 1
    expect(simulation.recallOutcomes[0]).toEqual({ name: 'r', unitsRemoved: 1, customersReached: 1, unitsSold: 1 });
  });

  it('after the announcement a continuous-review policy reorders what was removed', () => {
    const input = store({ policy: { type: 'sS', reorderPoint: 1, orderUpTo: 4 }, initialOnHand: 4, horizon: 3, recalls: [{ name: 'r', supplier: 'sup', receivedFrom: 0, receivedTo: 1, announcedOn: 2 }] });
    simulate(input, (s) => {
      shipments = recordShipments(s);
    });
    expect(shipments.map((s) => [s.leftAt, s.quantity])).toEqual([[2, 4]]);
  });

  it('covers only the products it names', () => {
    const input = store({ policy: never, initialOnHand: 3, horizon: 3, recalls: [{ name: 'r', supplier: 'sup', product: 'w', receivedFrom: 0, receivedTo: 1, announcedOn: 2 }] });
    input.products.push({ id: 'v', unitCost: 4, holdingCost: { perUnitPerDay: 0 }, shelfLifeDays: 100 });
    input.stockPoints.push({ node: 'st', product: 'v', policy: never, initialOnHand: 5 });
    const [w, v] = simulate(input).stockPoints;
    expect([w.counters.recalledUnits, w.onHand]).toEqual([3, 0]);
    expect([v.counters.recalledUnits, v.onHand]).toEqual([0, 5]);
  });

  it('the second recall of the list covers its lots as the first does', () => {
    // recall a covers nothing held; recall b (second in the list) covers the lot of time 0: 3 units
    const input = store({
      policy: never,
      initialOnHand: 3,
      horizon: 4,
      recalls: [
        { name: 'a', supplier: 'sup', receivedFrom: 1, receivedTo: 2, announcedOn: 2 },
        { name: 'b', supplier: 'sup', receivedFrom: 0, receivedTo: 1, announcedOn: 3 },
      ],
    });
    const simulation = simulate(input);
    expect(simulation.recallOutcomes.map((o) => o.unitsRemoved)).toEqual([0, 3]);
    expect(simulation.stockPoints[0].counters.recalledUnits).toBe(3);
  });

  it('two recalls: each counts the units of its own lots', () => {
    const input = store({
      policy: never,
      initialOnHand: 3,
      horizon: 4,
      recalls: [
        { name: 'a', supplier: 'sup', receivedFrom: 0, receivedTo: 1, announcedOn: 3 },
        { name: 'b', supplier: 'sup', receivedFrom: 1, receivedTo: 2, announcedOn: 3 },
      ],
    });
    const simulation = simulate(input);
    expect(simulation.recallOutcomes.map((o) => o.unitsRemoved)).toEqual([3, 0]);
  });
});

describe('counts and the end of life together', () => {
  it("a count's result arriving after the end of life finds the phantom stock already cleared: the record never goes below the shelf", () => {
    // 5 vanish at boundary 1 and a daily count finds them, the result due at 3; the product ends at 2
    // (the record forgets the phantom units); at 3 the result finds nothing left to drop
    const point = simulate(
      store({ policy: never, initialOnHand: 5, horizon: 4, product: { endOfLife: { day: 2 } }, point: { visibility: { shrinkagePerDay: 1, countEveryDays: 1, countDelayDays: 2 } } }),
    ).stockPoints[0];
    expect(point.phantom).toBe(0);
    expect(point.inventoryPosition).toBe(0);
  });
});

describe('customer returns decided by draws (scripted)', () => {
  /** a store selling `series`, every return after `delays` (in turn), the return decisions from `draws` */
  const scripted = (series: number[], fraction: number, restockShare: number, draws: number[], delays: number[] = [1, 1, 1, 1]) =>
    simulate(
      store({
        policy: never,
        initialOnHand: 10,
        horizon: series.length,
        series,
        product: { returns: { fraction, afterDays: { type: 'uniform', min: 0, max: 3 }, restockShare } },
      }),
      (s) => {
        shipments = recordShipments(s);
        const care = s.stockPoints[0].care;
        const delay = { ...care.returns!.delay, sample: () => delays.shift()! };
        care.returns = { ...care.returns!, decisions: () => draws.shift() ?? 0.999, delay };
      },
    ).stockPoints[0];

  it('the half unit of a 0.5-unit sale comes back when its draw is below the fraction, not when equal', () => {
    // no whole unit; one draw decides the half unit: 0.49 < 0.5 comes back (and is restocked: share 1)
    expect(scripted([0.5, 0, 0], 0.5, 1, [0.49]).counters.customerReturnedUnits).toBe(0.5);
    expect(scripted([0.5, 0, 0], 0.5, 1, [0.5]).counters.customerReturnedUnits).toBe(0);
  });

  it('the half unit returned is restocked when its draw is below the restock share, scrapped when equal', () => {
    // the first draw brings the half unit back, the second decides its restocking
    const restocked = scripted([0.5, 0, 0], 1, 0.5, [0, 0.49]);
    expect([restocked.counters.restockedUnits, restocked.counters.scrappedUnits]).toEqual([0.5, 0]);
    const scrapped = scripted([0.5, 0, 0], 1, 0.5, [0, 0.5]);
    expect([scrapped.counters.restockedUnits, scrapped.counters.scrappedUnits]).toEqual([0, 0.5]);
  });

  it('a sale none of whose units come back draws no return delay', () => {
    // day 0 sells 1 unit, which stays (its draw 0.999: the first hit of probability 0.5 falls at unit 9);
    // day 1 sells 1 unit, which comes back (draw 0: a hit at unit 0; then 0.999 ends the count). Its
    // delay is the first drawn, 0.5: restocked at 1.5, so 9 are on hand from then to the horizon of 3
    const point = scripted([1, 1, 0], 0.5, 1, [0.999, 0, 0.999, 0.999], [0.5, 5]);
    expect(point.counters.customerReturnedUnits).toBe(1);
    expect(point.onHand).toBe(9);
    // on hand: 9 over [0, 1), 8 over [1, 1.5), 9 over [1.5, 3)
    expect(point.counters.areaOnHand).toBe(9 + 4 + 13.5);
  });
});

describe('recalls and suppliers', () => {
  it("a recall covers its supplier's lots only, not the same product received from another supplier", () => {
    // store st buys w from sup, store other from sup2; the recall names sup: only st's 3 units go
    const input = store({ policy: never, initialOnHand: 3, horizon: 3, recalls: [{ name: 'r', supplier: 'sup', receivedFrom: 0, receivedTo: 1, announcedOn: 2 }] });
    input.nodes.push({ id: 'sup2', type: 'supplier' }, { id: 'other', type: 'store' });
    input.lanes!.push({ from: 'sup2', to: 'other', leadTime: { type: 'constant', value: 1 } });
    input.stockPoints.push({ node: 'other', product: 'w', policy: never, initialOnHand: 4 });
    const [st, other] = simulate(input).stockPoints;
    expect([st.counters.recalledUnits, st.onHand]).toEqual([3, 0]);
    expect([other.counters.recalledUnits, other.onHand]).toEqual([0, 4]);
  });
});

describe('whole units are drawn one by one, with no fractional remainder', () => {
  it('damage: 2 units on hand at probability 0.5, spared by one draw (the first hit falls at unit 9)', () => {
    // geometric skipping over the 2 units takes one draw, 0.999: no hit; the next draw (0.1) is not used
    const draws = [0.999, 0.1];
    const point = simulate(store({ policy: never, initialOnHand: 2, horizon: 1, product: { damagePerDay: { ambient: 0.5 } } }), (s) => {
      s.stockPoints[0].care = { ...s.stockPoints[0].care, damage: () => draws.shift() ?? 0.999 };
    }).stockPoints[0];
    expect(point.counters.damagedUnits).toBe(0);
    expect(point.onHand).toBe(2);
  });

  it('returns and restocking: a sale of 2 units decided unit by unit, no remainder draw', () => {
    const run = (fraction: number, restockShare: number, draws: number[]) =>
      simulate(
        store({ policy: never, initialOnHand: 10, horizon: 3, series: [2, 0, 0], product: { returns: { fraction, afterDays: { type: 'constant', value: 1 }, restockShare } } }),
        (s) => {
          const care = s.stockPoints[0].care;
          care.returns = { ...care.returns!, decisions: () => draws.shift() ?? 0.999 };
        },
      ).stockPoints[0].counters;
    // fraction 0.5: one draw (0.999) puts the first return past the 2 units: none comes back
    expect(run(0.5, 1, [0.999, 0.1]).customerReturnedUnits).toBe(0);
    // fraction 1: both come back (no draw); restock share 0.5: one draw (0.999), none restocked
    const restock = run(1, 0.5, [0.999, 0.1]);
    expect([restock.customerReturnedUnits, restock.restockedUnits, restock.scrappedUnits]).toEqual([2, 0, 2]);
  });
});

describe('the position of a point above falls with stock lost below it', () => {
  it('an echelon base-stock warehouse reorders what its store loses to damage', () => {
    // dc (echelon base stock 10, 5 on hand) supplies a store (periodic, reviewing only at 100) holding
    // 5 in a chilled room where everything is damaged each day: at boundary 1 the store loses 5, the
    // dc's echelon position falls to 5, and it orders 5 at once
    const input = store({ policy: { type: 'periodicRS', reviewPeriod: 1, orderUpTo: 0, firstReview: 100 }, initialOnHand: 5, horizon: 2, product: { damagePerDay: { chilled: 1 } } });
    input.nodes = [
      { id: 'sup', type: 'supplier' },
      { id: 'dc', type: 'warehouse' },
      { id: 'st', type: 'store', storageClass: 'chilled' },
    ];
    input.lanes = [
      { from: 'sup', to: 'dc', leadTime: { type: 'constant', value: 3 } },
      { from: 'dc', to: 'st', leadTime: { type: 'constant', value: 1 } },
    ];
    input.stockPoints.unshift({ node: 'dc', product: 'w', policy: { type: 'echelonBaseStock', level: 10 }, initialOnHand: 5 });
    simulate(input, (s) => {
      shipments = recordShipments(s);
    });
    expect(shipments.filter((s) => s.to === 0).map((s) => [s.leftAt, s.quantity])).toEqual([[1, 5]]);
  });
});

describe('returned units and the shelf they come back to', () => {
  it('units of a recall announced since the sale are removed when they come back (docs/SCENARIO.md: Recalls)', () => {
    // 5 units of the lot of time 0 (covered by a recall announced at 2); 2 sold on day 0, both back at
    // 3 and restocked: removed on arrival
    const input = store({
      policy: never,
      initialOnHand: 5,
      horizon: 4,
      series: [2, 0, 0, 0],
      product: { returns: { fraction: 1, afterDays: { type: 'constant', value: 3 }, restockShare: 1 } },
      recalls: [{ name: 'r', supplier: 'sup', receivedFrom: 0, receivedTo: 1, announcedOn: 2 }],
    });
    const simulation = simulate(input);
    const point = simulation.stockPoints[0];
    // 3 removed from the shelf at 2, the 2 returned at 3
    expect(point.counters.recalledUnits).toBe(5);
    expect(point.onHand).toBe(0);
    expect(simulation.recallOutcomes[0]).toMatchObject({ unitsRemoved: 5, unitsSold: 2 });
  });

  it('at the end of life the lots are emptied with the shelf', () => {
    const point = simulate(store({ policy: never, initialOnHand: 5, horizon: 3, product: { shelfLifeDays: 100, endOfLife: { day: 1 } } })).stockPoints[0];
    expect(point.counters.obsoleteUnits).toBe(5);
    expect(point.lots!.total).toBe(0);
    expect(point.lots!.pieces).toBe(0);
  });
});

describe('a restock that finds expired lots on the shelf', () => {
  it('a continuous-review store reorders when the units written off at a restock leave its position at the reorder point', () => {
    // shelf life 1, (s, S) = (1, 3), lead time 1, 3 units at 0 (lot of 0, expiring at 1), every unit sold
    // comes back 2 days later and is restocked. Day 0 sells 2: position 1, order 2 (lot of 1, expiring at 2).
    // At 1 the last unit of the lot of 0 expires (position 2: no order); the 2 arrive. At 2 the return
    // of 2 units (of the lot of 0, past its date) comes in before the lot of 1's expiry event: restocked,
    // then every unit on the shelf is past its date and written off (4): position 0, order 3 at 2
    simulate(
      store({
        policy: { type: 'sS', reorderPoint: 1, orderUpTo: 3 },
        initialOnHand: 3,
        horizon: 3,
        series: [2, 0, 0],
        product: { shelfLifeDays: 1, returns: { fraction: 1, afterDays: { type: 'constant', value: 2 }, restockShare: 1 } },
      }),
      (s) => {
        shipments = recordShipments(s);
      },
    );
    expect(shipments.map((s) => [s.leftAt, s.quantity])).toEqual([
      [0, 2],
      [2, 3],
    ]);
  });
});

describe('events between reviews do not make a periodic policy order', () => {
  it('units expiring between reviews leave a periodic store waiting for its next review', () => {
    // (R, S) = (100, 10) reviewing at 0 only (position 10: no order); the 10 units expire at 2
    simulate(store({ policy: { type: 'periodicRS', reviewPeriod: 100, orderUpTo: 10, firstReview: 0 }, initialOnHand: 10, horizon: 3, product: { shelfLifeDays: 2 } }), (s) => {
      shipments = recordShipments(s);
    });
    expect(shipments).toEqual([]);
  });

  it('a restock of returned units leaves a periodic store waiting for its next review', () => {
    // (R, S) = (100, 10) reviewing at 0 only, 10 on hand; days 0 and 1 sell 3 and 2; day 0's 3 come back
    // at 1.5 and are restocked (8 on hand, below S): no order until the review of 100
    simulate(
      store({
        policy: { type: 'periodicRS', reviewPeriod: 100, orderUpTo: 10, firstReview: 0 },
        initialOnHand: 10,
        horizon: 3,
        series: [3, 2, 0],
        product: { returns: { fraction: 1, afterDays: { type: 'constant', value: 1.5 }, restockShare: 1 } },
      }),
      (s) => {
        shipments = recordShipments(s);
      },
    );
    expect(shipments).toEqual([]);
  });
});

describe('a recall in a network with products not held in lots', () => {
  it('passes over the stock points of products it does not cover', () => {
    // w is covered (so held in lots); v has no shelf life and no recall: not in lots, untouched
    const input = store({ policy: never, initialOnHand: 3, horizon: 3, recalls: [{ name: 'r', supplier: 'sup', product: 'w', receivedFrom: 0, receivedTo: 1, announcedOn: 2 }] });
    input.products.push({ id: 'v', unitCost: 4, holdingCost: { perUnitPerDay: 0 } });
    input.stockPoints.push({ node: 'st', product: 'v', policy: never, initialOnHand: 5 });
    const [w, v] = simulate(input).stockPoints;
    expect(v.lots).toBeNull();
    expect([w.counters.recalledUnits, w.onHand]).toEqual([3, 0]);
    expect([v.counters.recalledUnits, v.onHand]).toEqual([0, 5]);
  });
});
