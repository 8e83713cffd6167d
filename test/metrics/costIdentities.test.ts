import { describe, expect, it } from 'vitest';
import { runReplication, type RunResult } from '../../src/experiment/run.ts';
import { runExperiment } from '../../src/experiment/replicate.ts';
import { buildSimulation, variantsOf } from '../../src/model/build.ts';
import { replicationSeed } from '../../src/random/streams.ts';
import type { Kpis } from '../../src/metrics/kpis.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { scenarioOf, twoEchelon } from '../fixtures/scenario.ts';
import { recordShipments } from '../fixtures/observe.ts';

/** Every cost docs/KPIS.md counts in totalCost. */
const COSTS = [
  'holdingCost',
  'orderingCost',
  'purchaseCost',
  'transportCost',
  'stockoutCost',
  'expiryCost',
  'damageCost',
  'obsolescenceCost',
  'recallCost',
  'returnsCost',
  'shrinkageCost',
  'voucherCost',
  'churnCost',
] as const satisfies ReadonlyArray<keyof Kpis>;

/**
 * supplier -> dc -> two stores with every money KPI of the contract in play: lane costs, ordering cost,
 * stockout penalty, a price, and customers who leave after a stockout (lifetime value 40).
 */
function costly(seed: string): Scenario {
  const input = twoEchelon({
    seed,
    horizonDays: 150,
    warmupDays: 20,
    unmetDemand: 'lost',
    storePolicy: { type: 'sS', reorderPoint: 3, orderUpTo: 9 },
    customers: ['store-1', 'store-2'].map((node) => ({ node, initial: 500, churn: { onStockout: 0.3 }, lifetimeValue: 40 })),
  });
  return scenarioOf({
    ...input,
    products: input.products.map((product) => ({ ...product, orderingCost: 20, stockoutPenalty: 2 })),
    lanes: (input.lanes ?? []).map((lane) => ({ ...lane, costPerUnit: 0.5, costPerShipment: 7 })),
  });
}

const sumOfCosts = (kpis: Kpis) => COSTS.reduce((total, name) => total + (kpis[name] ?? 0), 0);

/** Each level of a replication: the network, each product, each stock point. */
function levels(run: RunResult): [string, Kpis][] {
  return [['network', run.network.kpis], ...run.products.map((p): [string, Kpis] => [`product ${p.product}`, p.kpis]), ...run.stockPoints.map((s): [string, Kpis] => [`${s.node}/${s.product}`, s.kpis])];
}

describe('the costs add up to totalCost, and profit is revenue − totalCost, at every level', () => {
  const runs = [0, 1, 2].map((replication) => runReplication(costly('costs'), 0, replication));

  it('exercises every cost the scenario can have (churn included), so each term is tested', () => {
    for (const run of runs) {
      for (const name of ['holdingCost', 'orderingCost', 'purchaseCost', 'transportCost', 'stockoutCost', 'churnCost'] as const) expect(run.network.kpis[name]).toBeGreaterThan(0);
    }
  });

  it('in every replication, at the network, each product and each stock point', () => {
    for (const run of runs) {
      for (const [level, kpis] of levels(run)) {
        const total = sumOfCosts(kpis);
        expect(kpis.totalCost, `${level}, replication ${run.replication}`).toBeCloseTo(total, 6);
        expect(kpis.profit, `${level}, replication ${run.replication}`).toBeCloseTo(kpis.revenue! - total, 6);
      }
    }
  });

  it('in the experiment means (a mean of sums is the sum of means)', () => {
    const result = runExperiment(costly('costs'), { replications: 3 });
    const network = result.variants[0].network;
    const meanTotal = COSTS.reduce((total, name) => total + (network[name].mean ?? 0), 0);
    expect(network.totalCost.mean!).toBeCloseTo(meanTotal, 6);
    expect(network.profit.mean!).toBeCloseTo(network.revenue.mean! - meanTotal, 6);
    // the stores' churn costs are what their customers were worth: churned × lifetime value
    expect(result.variants[0].network.churnCost.mean!).toBeCloseTo(network.customersChurned.mean! * 40, 6);
  });
});

describe('purchaseCost counts units received from suppliers only', () => {
  it('the dc pays unit cost × units received from the supplier in the run; the stores, supplied by the dc, pay nothing', () => {
    const scenario = { ...costly('purchase'), warmupDays: 0 };
    const simulation = buildSimulation(scenario, variantsOf(scenario)[0], replicationSeed(scenario.seed, 0));
    const shipments = recordShipments(simulation);
    simulation.run();
    const points = simulation.stockPoints;
    const dc = points.findIndex((point) => point.node === 'dc');
    // received in the window [0, horizon): a shipment arriving at the horizon is not received
    const receivedByDc = shipments.filter((s) => s.to === dc && s.arrivesAt < scenario.horizonDays).reduce((sum, s) => sum + s.quantity, 0);
    expect(receivedByDc).toBeGreaterThan(0);
    expect(points[dc].counters.purchaseCost).toBeCloseTo(10 * receivedByDc, 6);
    const stores = points.filter((point) => point.node.startsWith('store'));
    expect(stores).toHaveLength(2);
    for (const store of stores) {
      // the stores did receive units (from the dc)
      expect(shipments.some((s) => points[s.to] === store && s.arrivesAt < scenario.horizonDays)).toBe(true);
      expect(store.counters.purchaseCost).toBe(0);
    }
    const run = runReplication(scenario, 0, 0);
    expect(run.network.kpis.purchaseCost).toBeCloseTo(10 * receivedByDc, 6);
  });
});
