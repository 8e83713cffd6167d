import { describe, expect, it } from 'vitest';
import { buildSimulation, variantsOf } from '../../src/model/build.ts';
import { runReplication } from '../../src/experiment/run.ts';
import type { PieceSink } from '../../src/model/lots.ts';
import { replicationSeed } from '../../src/random/streams.ts';
import type { Scenario, ScenarioInput } from '../../src/scenario/schema.ts';
import { scenarioOf, singleStore, twoEchelon } from '../fixtures/scenario.ts';

/**
 * A store selling 10 units a day, reviewed weekly up to 100 with no lead time, of a product that keeps
 * 5 days: each week 50 units sell (days 0-4 of the week), 50 expire at day 5, and days 5 and 6 lose
 * 20 sales. Units sold within 2 days of their expiry (days 3 and 4) go at half price.
 */
function weeklyPerishable(): ScenarioInput {
  const input = singleStore({ policy: { type: 'periodicRS', reviewPeriod: 7, orderUpTo: 100 }, leadTime: 0, unmetDemand: 'lost', horizonDays: 70 });
  input.products[0] = {
    ...input.products[0],
    unitCost: 1,
    price: 2,
    shelfLifeDays: 5,
    disposalCostPerUnit: 0.1,
    markdown: { withinDays: 2, discount: 0.5 },
  };
  input.demand = [{ type: 'perPeriod', node: 'store', product: 'widget', quantity: { type: 'constant', value: 10 } }];
  return input;
}

describe('perishable stock in lots', () => {
  it('writes off exactly what outlives its shelf life, at its cost plus disposal, and marks down what is sold near its date', () => {
    const run = runReplication(scenarioOf(weeklyPerishable()), 0, 0, { series: false });
    const kpis = run.network.kpis;
    // 10 weeks: lots received at days 0, 7, ..., 63 each lose 50 units at days 5, 12, ..., 68
    expect(kpis.expiredUnits).toBe(500);
    expect(kpis.expiryCost).toBeCloseTo(500 * (1 + 0.1), 9);
    expect(kpis.lostSalesUnits).toBe(200);
    expect(kpis.fillRate).toBeCloseTo(500 / 700, 12);
    expect(kpis.markdownUnits).toBe(200);
    expect(kpis.revenue).toBeCloseTo(500 * 2 - 200 * 2 * 0.5, 9);
    expect(kpis.totalCost).toBeCloseTo(kpis.holdingCost! + kpis.purchaseCost! + 550, 9);
  });

  it('without a shelf life the same store wastes nothing, and expiry KPIs do not apply', () => {
    const input = weeklyPerishable();
    delete input.products[0].shelfLifeDays;
    delete input.products[0].markdown;
    const run = runReplication(scenarioOf(input), 0, 0, { series: false });
    expect(run.network.kpis.expiredUnits).toBeNull();
    expect(run.network.kpis.expiryCost).toBeNull();
    expect(run.network.kpis.lostSalesUnits).toBe(0);
  });

  /**
   * Lots reach the stores out of expiry order: a LIFO warehouse ships its newest lot before older
   * ones, and small store orders over widely varying transit times overtake each other.
   */
  function crossingLots(): ScenarioInput {
    const input = twoEchelon({ customersPerDay: 3, warehousePolicy: { type: 'sS', reorderPoint: 30, orderUpTo: 90 }, storePolicy: { type: 'rQ', reorderPoint: 12, orderQuantity: 4 } });
    input.products[0] = { ...input.products[0], shelfLifeDays: 12 };
    input.stockPoints[0].issuing = 'lifo';
    input.stockPoints[1].issuing = 'fefo';
    for (const lane of input.lanes!.slice(1)) lane.leadTime = { type: 'uniform', min: 0.5, max: 8 };
    return input;
  }

  it('FEFO at a store never issues a later-expiring unit while an earlier-expiring one is on its shelf, in a whole run', () => {
    const scenario = scenarioOf(crossingLots());
    const simulation = buildSimulation(scenario, variantsOf(scenario)[0], replicationSeed(scenario.seed, 0));
    const expiresAt = simulation.lots.expiresAt;
    let checkedTakes = 0;
    let outOfOrderShelves = 0;
    for (const point of simulation.stockPoints.filter((p) => p.node.startsWith('store'))) {
      const lots = point.lots!;
      const take = lots.take.bind(lots);
      lots.take = (quantity, discipline, sink) => {
        const taken: number[] = [];
        const spy: PieceSink = { piece: (lot, part) => (taken.push(expiresAt[lot]), sink?.piece(lot, part)) };
        const shelf = Array.from({ length: lots.pieces }, (_, i) => expiresAt[lots.lotAt(i)]);
        if (shelf.some((expiry, i) => i > 0 && expiry < shelf[i - 1])) outOfOrderShelves++;
        const removed = take(quantity, discipline, spy);
        const left = Array.from({ length: lots.pieces }, (_, i) => expiresAt[lots.lotAt(i)]);
        if (taken.length > 0 && left.length > 0) expect(Math.max(...taken)).toBeLessThanOrEqual(Math.min(...left));
        checkedTakes++;
        return removed;
      };
    }
    simulation.run();
    expect(checkedTakes).toBeGreaterThan(500);
    // the check had something to catch: shelves whose arrival order was not their expiry order
    expect(outOfOrderShelves).toBeGreaterThan(10);
  });

  it('issuing disciplines set by variants are compared on the same demand, and change what expires', () => {
    const input = crossingLots();
    input.variants = (['fefo', 'fifo', 'lifo'] as const).map((issuing) => ({ id: issuing, set: [{ path: '/stockPoints/1/issuing', value: issuing }] }));
    const scenario = scenarioOf(input);
    const runs = [0, 1, 2].map((variant) => runReplication(scenario, variant, 0, { series: false }));
    const demand = runs.map((run) => run.network.counters.customerDemandUnits);
    expect(new Set(demand).size).toBe(1);
    expect(new Set(runs.map((run) => run.network.kpis.expiredUnits)).size).toBe(3);
  });
});

describe('damage in storage', () => {
  it('shrinks an idle shelf as theory says: each unit survives d days with probability (1 - p)^d', () => {
    const input = singleStore({ policy: { type: 'baseStock', level: 0 }, initialOnHand: 1000, horizonDays: 50 });
    input.products[0] = { ...input.products[0], damagePerDay: { chilled: 0.01 } };
    input.nodes[1] = { id: 'store', type: 'store', storageClass: 'chilled' };
    input.demand = [];
    const scenario = scenarioOf(input);
    const replications = 40;
    const left = Array.from({ length: replications }, (_, r) => runReplication(scenario, 0, r, { series: false }).ledgers[0].onHand);
    const survival = 0.99 ** 50;
    const mean = left.reduce((a, b) => a + b, 0) / replications;
    // binomial(1000, survival) per replication: the standard error of the mean is known exactly
    const standardError = Math.sqrt((1000 * survival * (1 - survival)) / replications);
    expect(Math.abs(mean - 1000 * survival)).toBeLessThan(3 * standardError);
    const run = runReplication(scenario, 0, 0, { series: false });
    expect(run.network.kpis.damagedUnits).toBe(1000 - run.ledgers[0].onHand);
    expect(run.network.kpis.damageCost).toBe(10 * run.network.kpis.damagedUnits!);
  });

  it("a store of another storage class does not see that class's rate", () => {
    const input = singleStore({ policy: { type: 'baseStock', level: 0 }, initialOnHand: 100, horizonDays: 20 });
    input.products[0] = { ...input.products[0], damagePerDay: { chilled: 0.2 } };
    input.nodes.push({ id: 'cold-room', type: 'warehouse', storageClass: 'chilled' });
    input.demand = [];
    const run = runReplication(scenarioOf(input), 0, 0, { series: false });
    expect(run.ledgers[0].onHand).toBe(100);
    expect(run.network.kpis.damagedUnits).toBeNull();
  });
});

describe('customer returns', () => {
  it('bring back the share of units sold the scenario sets; each is restocked or scrapped, refunded and costed', () => {
    const input = singleStore({ policy: { type: 'sS', reorderPoint: 20, orderUpTo: 60 }, customersPerDay: 8, horizonDays: 300 });
    input.products[0] = {
      ...input.products[0],
      returns: { fraction: 0.25, afterDays: { type: 'constant', value: 0 }, restockShare: 0.6, reconditionCostPerUnit: 1.5, scrapCostPerUnit: 0.5 },
    };
    const run = runReplication(scenarioOf(input), 0, 0, { series: false });
    const [ledger] = run.ledgers;
    const sold = run.network.counters.deliveredUnits;
    const returned = run.network.kpis.returnedUnits!;
    expect(Math.abs(returned - 0.25 * sold)).toBeLessThan(3 * Math.sqrt(sold * 0.25 * 0.75));
    expect(Math.abs(ledger.restocked - 0.6 * returned)).toBeLessThan(3 * Math.sqrt(returned * 0.6 * 0.4));
    expect(ledger.restocked + ledger.scrapped).toBe(returned);
    expect(run.network.kpis.returnsCost).toBeCloseTo(1.5 * ledger.restocked + 0.5 * ledger.scrapped, 9);
    expect(run.network.kpis.revenue).toBeCloseTo(15 * (sold - returned), 9);
  });
});

describe('recalls', () => {
  function recalled(): Scenario {
    const input = twoEchelon({ customersPerDay: 2, horizonDays: 120 });
    input.recalls = [{ name: 'batch 7', supplier: 'supplier', receivedFrom: 30, receivedTo: 60, announcedOn: 60 }];
    return scenarioOf(input);
  }

  it('remove exactly the units of the recalled lots from every stock point, and count the customers they reached', () => {
    const scenario = recalled();
    const simulation = buildSimulation(scenario, variantsOf(scenario)[0], replicationSeed(scenario.seed, 0));
    simulation.run();
    const lots = simulation.lots;
    const inWindow = lots.receivedAt.map((at, lot) => lots.supplier[lot] >= 0 && at >= 30 && at < 60);
    expect(inWindow.filter(Boolean).length).toBeGreaterThanOrEqual(2);
    // every lot the window names, and no other, carries the recall
    lots.recalls.forEach((mask, lot) => expect(mask !== 0).toBe(inWindow[lot]));
    const born = lots.quantity.reduce((sum, quantity, lot) => sum + (inWindow[lot] ? quantity : 0), 0);
    const [outcome] = simulation.recallOutcomes;
    // no expiry, damage or returns here, and the horizon leaves time for every shipment to arrive:
    // each unit of those lots was either sold before the announcement or removed
    expect(outcome.unitsSold + outcome.unitsRemoved).toBe(born);
    expect(outcome.unitsRemoved).toBeGreaterThan(0);
    // one unit per customer in this scenario
    expect(outcome.customersReached).toBe(outcome.unitsSold);
    for (const point of simulation.stockPoints) {
      for (let i = 0; i < point.lots!.pieces; i++) expect(lots.recalls[point.lots!.lotAt(i)]).toBe(0);
    }
    const run = runReplication(scenario, 0, 0, { series: false });
    expect(run.recalls).toEqual([{ name: 'batch 7', unitsRemoved: outcome.unitsRemoved, customersReached: outcome.customersReached, unitsSold: outcome.unitsSold }]);
    expect(run.network.kpis.recalledUnits).toBe(outcome.unitsRemoved);
    expect(run.network.kpis.recallCost).toBe(10 * outcome.unitsRemoved);
  });
});

describe("the end of a product's life", () => {
  it('stops its demand and its orders, and sells off every unit left or arriving later at the salvage value', () => {
    const input = twoEchelon({ horizonDays: 150 });
    input.products[0] = { ...input.products[0], endOfLife: { day: 100, salvageValue: 4 } };
    const scenario = scenarioOf({ ...input, output: { series: 'all' } });
    const run = runReplication(scenario, 0, 0);
    const series = run.series!.network;
    expect(series.demand.slice(100).every((units) => units === 0)).toBe(true);
    expect(series.demand.slice(90, 100).some((units) => units > 0)).toBe(true);
    expect(series.ordered.slice(100).every((units) => units === 0)).toBe(true);
    expect(series.onHand.slice(100).every((units) => units === 0)).toBe(true);
    const obsolete = run.network.kpis.obsoleteUnits!;
    expect(obsolete).toBeGreaterThan(0);
    expect(run.network.kpis.obsolescenceCost).toBeCloseTo(obsolete * (10 - 4), 9);
    expect(run.ledgers.every((ledger) => ledger.pipeline === 0)).toBe(true);
  });

  it('split in two, count the same units sold as one recall over both windows (a day\'s sale may take lots of both)', () => {
    // 3 units a day in one lump, base stock 4, lead time 1: each morning's sale takes the end of one
    // day's lot and the start of the next, so some sales span the lots of both halves of the window
    const input: ScenarioInput = {
      version: 1,
      name: 'split recall',
      horizonDays: 20,
      seed: 'split',
      products: [{ id: 'p', unitCost: 1, holdingCost: { perUnitPerDay: 0 }, unmetDemand: 'lost' }],
      nodes: [{ id: 'supplier', type: 'supplier' }, { id: 'shop', type: 'store' }],
      lanes: [{ from: 'supplier', to: 'shop', leadTime: { type: 'constant', value: 1 } }],
      stockPoints: [{ node: 'shop', product: 'p', policy: { type: 'baseStock', level: 4 } }],
      demand: [{ type: 'perPeriod', node: 'shop', product: 'p', quantity: { type: 'constant', value: 3 } }],
      recalls: [{ name: 'whole', supplier: 'supplier', receivedFrom: 0, receivedTo: 10, announcedOn: 15 }],
    };
    const sold = (recalls: NonNullable<ScenarioInput['recalls']>) =>
      runReplication(scenarioOf({ ...input, recalls }), 0, 0, { series: false }).recalls.map((r) => r.unitsSold);
    const [whole] = sold(input.recalls!);
    const halves = sold([
      { name: 'first', supplier: 'supplier', receivedFrom: 0, receivedTo: 5, announcedOn: 15 },
      { name: 'second', supplier: 'supplier', receivedFrom: 5, receivedTo: 10, announcedOn: 15 },
    ]);
    expect(whole).toBeGreaterThan(20);
    expect(halves[0]).toBeGreaterThan(0);
    expect(halves[1]).toBeGreaterThan(0);
    expect(halves[0] + halves[1]).toBe(whole);
  });
});

