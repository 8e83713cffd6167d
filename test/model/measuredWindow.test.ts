import { describe, expect, it } from 'vitest';
import { runReplication } from '../../src/experiment/run.ts';
import { buildSimulation, variantsOf } from '../../src/model/build.ts';
import { replicationSeed } from '../../src/random/streams.ts';
import type { ScenarioInput } from '../../src/scenario/schema.ts';
import { scenarioOf } from '../fixtures/scenario.ts';
import { recordShipments } from '../fixtures/observe.ts';

type PolicyInput = ScenarioInput['stockPoints'][number]['policy'];

/**
 * One store, 10 units of per-period demand a day, constant lead time 2, unit cost 1 (so purchaseCost
 * counts the units received from the supplier), 40 on hand at the start; horizon 10, warm-up 5.
 */
function tenADay(policy: PolicyInput) {
  return scenarioOf({
    version: 1,
    name: 'measured window',
    horizonDays: 10,
    warmupDays: 5,
    seed: 'window',
    products: [{ id: 'w', unitCost: 1, holdingCost: { perUnitPerDay: 0 }, unmetDemand: 'backorder' }],
    nodes: [
      { id: 'sup', type: 'supplier' },
      { id: 'st', type: 'store' },
    ],
    lanes: [{ from: 'sup', to: 'st', leadTime: { type: 'constant', value: 2 } }],
    stockPoints: [{ node: 'st', product: 'w', policy, initialOnHand: 40 }],
    demand: [{ type: 'perPeriod', node: 'st', product: 'w', quantity: { type: 'constant', value: 10 } }],
  });
}

describe('the measured window is [warm-up, horizon)', () => {
  // At each whole day t: receipts (priority normal), then reviews, then the day's demand of 10.
  // - periodicRS (R = 1, S = 40, first review 0): the review at 0 sees position 40 and orders nothing;
  //   the reviews at 1..9 each order the 10 units sold the day before, which arrive at 3..11.
  // - baseStock 40: every demand of 10 is reordered at once, at 0..9, arriving at 2..11.
  // Either way the receipts inside [5, 10) are those at 5, 6, 7, 8, 9: 50 units, exactly the 50 units
  // demanded on days 5..9. The shipment landing at exactly 10 (ordered at 8) is outside the window;
  // counting it gave 60. The receipt and the demand at 5, the warm-up time, are inside (without
  // them: 40). Orders in the window: those at 5..9, 5 of them.
  // Whole run: periodicRS receives at 3..9 (70 units), baseStock at 2..9 (80 units); the orders of 8
  // and 9 (20 units) are still on order at the end.
  it.each([
    ['periodicRS (R = 1)', { type: 'periodicRS', reviewPeriod: 1, orderUpTo: 40, firstReview: 0 } as PolicyInput, 70],
    ['baseStock', { type: 'baseStock', level: 40 } as PolicyInput, 80],
  ])('%s: units received in the window equal the demand (50); a receipt at the horizon is not counted', (_name, policy, receivedInRun) => {
    const scenario = tenADay(policy);

    // precondition: one shipment does land exactly at the horizon
    const simulation = buildSimulation(scenario, variantsOf(scenario)[0], replicationSeed(scenario.seed, 0));
    const shipments = recordShipments(simulation);
    simulation.run();
    expect(shipments.filter((shipment) => shipment.arrivesAt === 10).map((s) => s.quantity)).toEqual([10]);

    const run = runReplication(scenario, 0, 0);
    const counters = run.stockPoints[0].counters;
    expect(counters.windowDays).toBe(5);
    expect(counters.demandUnits).toBe(50);
    expect(counters.purchaseCost).toBe(50);
    expect(counters.ordersPlaced).toBe(5);
    expect(run.ledgers[0].received).toBe(receivedInRun);
    expect(run.ledgers[0].onOrder).toBe(20);
    expect(run.ledgers[0].onHand).toBe(40 + receivedInRun - 100);
  });

  it('with a fractional warm-up, a single stock point’s bullwhip ratio is the network’s', () => {
    // warm-up 17.5, horizon 100: the whole days in the window are 18..99, 82 of them. The roll-ups
    // always counted those; the point also counted day 17, half of it warm-up (83 days), so its
    // ratio (14.32) differed from the network's (14.60) though the network is that one point.
    const scenario = scenarioOf({
      version: 1,
      name: 'fractional warm-up',
      horizonDays: 100,
      warmupDays: 17.5,
      seed: 's',
      products: [{ id: 'w', unitCost: 1, holdingCost: { perUnitPerDay: 0 }, unmetDemand: 'backorder' }],
      nodes: [
        { id: 'sup', type: 'supplier' },
        { id: 'st', type: 'store' },
      ],
      lanes: [{ from: 'sup', to: 'st', leadTime: { type: 'constant', value: 2 } }],
      stockPoints: [{ node: 'st', product: 'w', policy: { type: 'sS', reorderPoint: 10, orderUpTo: 30 } }],
      demand: [{ type: 'arrivals', node: 'st', product: 'w', customersPerDay: 5 }],
    });
    const run = runReplication(scenario, 0, 0);
    const point = run.stockPoints[0];
    expect(run.windowDays).toBe(82.5);
    expect(point.counters.bullwhipDays).toBe(82);
    expect(run.network.counters.bullwhipDays).toBe(82);
    expect(point.kpis.bullwhipRatio).not.toBeNull();
    expect(point.kpis.bullwhipRatio!).toBeCloseTo(run.network.kpis.bullwhipRatio!, 12);
  });
});
