import { describe, expect, it } from 'vitest';
import { runReplication, type RunResult } from '../../src/experiment/run.ts';
import { buildSimulation, variantsOf } from '../../src/model/build.ts';
import { replicationSeed } from '../../src/random/streams.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { loadScenarioFile, scenarioFiles, scenarioOf, shortened, twoEchelon } from '../fixtures/scenario.ts';
import { recordShipments } from '../fixtures/observe.ts';

/** A scenario that touches most of the model: two echelons, churn, new customers, outages, a capacity. */
const busy = scenarioOf(
  twoEchelon({
    horizonDays: 150,
    warmupDays: 20,
    supplierCapacityPerDay: 12,
    customers: [{ node: 'store-1', initial: 200, churn: { onStockout: 0.3, onBackorder: 0.1 }, newPerDay: 0.5 }],
    disruptions: [{ type: 'supplierOutage', node: 'supplier', occurrence: { type: 'random', ratePerYear: 6, duration: { type: 'uniform', min: 2, max: 6 } } }],
    variants: [
      { id: 'as-is', policies: [] },
      { id: 'bigger-dc', policies: [{ node: 'dc', policy: { type: 'sS', reorderPoint: 60, orderUpTo: 120 } }] },
    ],
  }),
);

function baseStockFile(): Scenario {
  const result = loadScenarioFile('scenarios/02-base-stock-poisson.json');
  if (!result.ok) throw new Error('scenarios/02-base-stock-poisson.json does not parse');
  return shortened(result.scenario, 300, 2);
}

describe('same scenario and seed: the same run', () => {
  it.each([
    ['scenarios/02-base-stock-poisson.json (300 days)', baseStockFile],
    ['a two-echelon scenario with churn, outages and a capacity', () => busy],
  ])('%s gives a deep-equal RunResult and identical JSON', (_name, make) => {
    const scenario = make();
    const first = runReplication(scenario, 0, 1);
    const second = runReplication(scenario, 0, 1);
    expect(second).toEqual(first);
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    expect(first.events).toBeGreaterThan(1000);
  });

  it('gives a different run for a different scenario seed or replication', () => {
    const scenario = baseStockFile();
    const reference = runReplication(scenario, 0, 0);
    const otherSeed = runReplication({ ...scenario, seed: 'another-seed' }, 0, 0);
    const otherReplication = runReplication(scenario, 0, 1);
    for (const other of [otherSeed, otherReplication]) {
      expect(other.network.counters.demandUnits).not.toBe(reference.network.counters.demandUnits);
      expect(other.series!.network.demand).not.toEqual(reference.series!.network.demand);
      expect(JSON.stringify(other.network)).not.toBe(JSON.stringify(reference.network));
    }
  });
});

describe('common random numbers: variants of a scenario see the same randomness', () => {
  /** customer-facing stock points' daily demand (store-1 and store-2 are points 1 and 2) */
  const storeDemand = (run: RunResult) => run.series!.stockPoints!.slice(1).map((levels) => levels.demand);

  it('two policy variants see identical customer demand, day by day (no churn)', () => {
    const scenario = scenarioOf(
      twoEchelon({
        horizonDays: 200,
        variants: [
          { id: 'sS', policies: [] },
          { id: 'base-stock', policies: [{ policy: { type: 'baseStock', level: 14 } }] },
          { id: 'weekly', policies: [{ node: ['store-1', 'store-2'], policy: { type: 'periodicRS', reviewPeriod: 7, orderUpTo: 35 } }] },
        ],
      }),
    );
    const runs = [0, 1, 2].map((variant) => runReplication(scenario, variant, 0));
    const [reference, ...others] = runs;
    for (const run of others) {
      expect(storeDemand(run)).toEqual(storeDemand(reference));
      expect(run.network.counters.customerDemandUnits).toBe(reference.network.counters.customerDemandUnits);
      // the variants do differ: otherwise the test would prove nothing
      expect(run.network.kpis.avgOnHand).not.toBe(reference.network.kpis.avgOnHand);
    }
    expect(reference.network.counters.customerDemandUnits).toBeGreaterThan(1000);
  });

  // every scenario file that compares variants and has no customer base (churn would make demand
  // depend on service): each stock point's customer demand is the same in every variant
  const comparable = scenarioFiles().flatMap((path) => {
    const result = loadScenarioFile(path);
    return result.ok && result.scenario.variants.length >= 2 && result.scenario.customers.length === 0 ? [{ path, scenario: result.scenario }] : [];
  });
  it('finds scenario files to compare (a guard: an empty list would register no test below)', () => {
    expect(comparable.length).toBeGreaterThanOrEqual(5);
  });
  it.each(comparable)('every variant of $path sees the same customer demand (120 days)', ({ scenario }) => {
    const short = shortened(scenario, 120, 1);
    const runs = variantsOf(short).map((_, variant) => runReplication(short, variant, 0));
    const demandOf = (run: RunResult) => ({
      units: run.stockPoints.map((point) => point.counters.customerDemandUnits),
      daily: run.series?.stockPoints?.filter((_, i) => run.stockPoints[i].counters.customerDemandUnits > 0).map((levels) => levels.demand) ?? null,
    });
    for (const run of runs.slice(1)) expect(demandOf(run)).toEqual(demandOf(runs[0]));
    expect(runs[0].network.counters.customerDemandUnits).toBeGreaterThan(0);
  });

  it('a policy variant does not change the lead times drawn: the k-th shipment on a lane takes the same time', () => {
    // Each lane has its own lead-time stream per product, drawn once per shipment, so the k-th
    // shipment's transit time is the k-th draw whatever the policy; only how many shipments there are
    // differs. Transit times are observed from the receipt events the model schedules at dispatch.
    const scenario = busy;
    const transitTimes = (variantIndex: number) => {
      const simulation = buildSimulation(scenario, variantsOf(scenario)[variantIndex], replicationSeed(scenario.seed, 0));
      const shipments = recordShipments(simulation);
      simulation.run();
      return simulation.stockPoints.map((_, point) =>
        shipments.filter((shipment) => shipment.to === point).map((shipment) => shipment.arrivesAt - shipment.leftAt),
      );
    };
    const asIs = transitTimes(0);
    const biggerDc = transitTimes(1);
    expect(biggerDc.map((times) => times.length)).not.toEqual(asIs.map((times) => times.length));
    for (let point = 0; point < asIs.length; point++) {
      const common = Math.min(asIs[point].length, biggerDc[point].length);
      expect(common).toBeGreaterThan(10);
      // arrivesAt - leftAt recovers the draw up to the rounding of now + delay
      const largestDifference = Math.max(...asIs[point].slice(0, common).map((time, k) => Math.abs(time - biggerDc[point][k])));
      expect(largestDifference).toBeLessThan(1e-9);
    }
  });
});

describe('named streams: adding a store leaves the others alone', () => {
  const withStores = (stores: string[]) => scenarioOf({ ...twoEchelon({ stores, horizonDays: 150 }), seed: 'named-streams' });

  it('a new store with its own demand leaves the other stores’ demand series unchanged', () => {
    const before = runReplication(withStores(['store-1', 'store-2']), 0, 0);
    // the new store is listed first, so indices shift: streams are named, not numbered
    const after = runReplication(withStores(['store-0', 'store-1', 'store-2', 'store-3']), 0, 0);
    const demandOf = (run: RunResult, node: string) => run.series!.stockPoints![run.stockPoints.findIndex((p) => p.node === node)].demand;
    for (const node of ['store-1', 'store-2']) expect(demandOf(after, node)).toEqual(demandOf(before, node));
    expect(demandOf(after, 'store-0')).not.toEqual(demandOf(after, 'store-1'));
  });

  it('a new store supplied on its own leaves an independent store’s whole result unchanged', () => {
    // store-a and store-b share only the (unlimited) supplier: nothing links them
    const single = (stores: string[]): Scenario =>
      scenarioOf({
        version: 1,
        name: 'independent stores',
        horizonDays: 150,
        seed: 'independent',
        products: [{ id: 'widget', unitCost: 10, price: 15, holdingCost: { perUnitPerDay: 0.01 }, unmetDemand: 'lost' }],
        nodes: [{ id: 'supplier', type: 'supplier' }, ...stores.map((id) => ({ id, type: 'store' as const }))],
        lanes: stores.map((to) => ({ from: 'supplier', to, leadTime: { type: 'uniform' as const, min: 2, max: 6 } })),
        stockPoints: [{ node: stores, product: 'widget', policy: { type: 'sS', reorderPoint: 10, orderUpTo: 25 } }],
        demand: [{ type: 'arrivals', node: stores, product: 'widget', customersPerDay: 4 }],
        customers: stores.map((node) => ({ node, initial: 100, churn: { onStockout: 0.2, onBackorder: 0 } })),
      });
    const alone = runReplication(single(['store-a']), 0, 0);
    const withNeighbour = runReplication(single(['store-b', 'store-a']), 0, 0);
    const a = withNeighbour.stockPoints.find((point) => point.node === 'store-a')!;
    expect(a.counters).toEqual(alone.stockPoints[0].counters);
    expect(a.kpis).toEqual(alone.stockPoints[0].kpis);
    expect(withNeighbour.series!.stockPoints![1]).toEqual(alone.series!.stockPoints![0]);
    expect(withNeighbour.customerBases[1]).toEqual(alone.customerBases[0]);
  });
});
