import { describe, expect, it } from 'vitest';
import { EchelonBaseStockRule } from '../../../src/model/policies/echelonBaseStock.ts';
import { EchelonBaseStockPolicy } from '../../../src/scenario/schema.ts';
import { buildSimulation, variantsOf } from '../../../src/model/build.ts';
import { runReplication } from '../../../src/experiment/run.ts';
import { replicationSeed } from '../../../src/random/streams.ts';
import type { Scenario } from '../../../src/scenario/schema.ts';
import { scenarioOf, twoEchelon } from '../../fixtures/scenario.ts';
import { stateAt } from './stateAt.ts';

const rule = new EchelonBaseStockRule(EchelonBaseStockPolicy.parse({ type: 'echelonBaseStock', level: 30 }));

describe('echelon base stock: the rule', () => {
  it('orders up to S on the echelon position, whatever the installation position says', () => {
    expect(rule.orderQuantity({ ...stateAt(50), echelonInventoryPosition: 27 })).toBe(3);
    expect(rule.orderQuantity({ ...stateAt(-5), echelonInventoryPosition: 30 })).toBe(0);
    expect(rule.orderQuantity({ ...stateAt(0), echelonInventoryPosition: 31 })).toBe(0);
  });

  it('is asked after every demand below it (no quiet threshold of its own) and starts empty', () => {
    expect(rule).toMatchObject({ type: 'echelonBaseStock', reviewPeriod: 0, reorderPoint: null, orderUpTo: 30, quietAbove: Infinity, defaultInitialOnHand: 0, usesEchelonPosition: true });
  });
});

/**
 * supplier -> dc -> stores with stochastic transit times, one-for-one base stock at the stores. The
 * dc's echelon position is its own inventory position plus the stores' (units it owes a store are
 * subtracted from its own position and counted in the store's), so echelon base stock S at the dc is
 * installation base stock S - sum of the stores' levels (Axsäter, *Inventory Control*, 3rd ed., 2015,
 * ch. 10): the two runs must be the same, number for number.
 */
function network(stores: string[], dcPolicy: Scenario['stockPoints'][number]['policy'], storePolicy: Scenario['stockPoints'][number]['policy']): Scenario {
  const scenario = scenarioOf(twoEchelon({ stores, warehousePolicy: dcPolicy, storePolicy, customersPerDay: 2, horizonDays: 300, warmupDays: 30, seed: 'echelon' }));
  // the same start for both: the installation levels on hand
  scenario.stockPoints[0] = { ...scenario.stockPoints[0], initialOnHand: 6 };
  scenario.stockPoints[1] = { ...scenario.stockPoints[1], initialOnHand: 5 };
  return scenario;
}

describe('echelon base stock in a network', () => {
  it.each([[['store-1']], [['store-1', 'store-2']]])('equals installation base stock S - sum of the levels below (stores %j)', (stores) => {
    const echelonLevel = 6 + 5 * stores.length;
    const echelon = runReplication(network(stores, { type: 'echelonBaseStock', level: echelonLevel }, { type: 'baseStock', level: 5 }), 0, 0);
    const installation = runReplication(network(stores, { type: 'baseStock', level: 6 }, { type: 'baseStock', level: 5 }), 0, 0);
    expect(echelon.stockPoints.map((point) => point.kpis)).toEqual(installation.stockPoints.map((point) => point.kpis));
    expect(echelon.events).toBe(installation.events);
    expect(echelon.stockPoints[0].kpis.ordersPlaced).toBeGreaterThan(100);
  });

  it('keeps the echelon position at S after every event: the dc position plus the stores\' positions', () => {
    const scenario = network(['store-1', 'store-2'], { type: 'echelonBaseStock', level: 16 }, { type: 'baseStock', level: 5 });
    const simulation = buildSimulation(scenario, variantsOf(scenario)[0], replicationSeed(scenario.seed, 0));
    const [dc, ...stores] = simulation.stockPoints;
    simulation.start();
    const dcOnHand = new Set<number>();
    for (let step = 0; step < 3000 && simulation.env.step(); step++) {
      if (simulation.env.now === 0) continue;
      expect(dc.echelonInventoryPosition).toBeCloseTo(16, 9);
      expect(dc.inventoryPosition + stores.reduce((sum, store) => sum + store.inventoryPosition, 0)).toBeCloseTo(16, 9);
      dcOnHand.add(dc.onHand);
    }
    // the stock itself moves: the dc runs out and is refilled
    expect(dcOnHand.has(0)).toBe(true);
    expect(dcOnHand.size).toBeGreaterThan(3);
  });
});
