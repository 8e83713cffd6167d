import { describe, expect, it } from 'vitest';
import { buildSimulation, variantsOf } from '../../src/model/build.ts';
import type { Simulation } from '../../src/model/simulation.ts';
import { replicationSeed } from '../../src/random/streams.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { loadScenarioFile, scenarioOf, shortened, singleStore, twoEchelon } from '../fixtures/scenario.ts';

/**
 * Steady arrival streams (constant rate, constant quantity) are served by a fast path that works on
 * the simulation's tables instead of the objects. It must change nothing: the same run, number for
 * number, as the general path, which the test forces by clearing the steady flags.
 */
function build(scenario: Scenario, variantIndex: number): Simulation {
  return buildSimulation(scenario, variantsOf(scenario)[variantIndex], replicationSeed(scenario.seed, 0));
}

function forceGeneralPath(simulation: Simulation): void {
  (simulation as unknown as { demand: { steadyStream: Uint8Array } }).demand.steadyStream.fill(0);
}

function state(simulation: Simulation) {
  return {
    events: simulation.env.eventsProcessed,
    points: simulation.stockPoints.map((point) => Array.from(point.counters.values)),
    backlogs: simulation.stockPoints.map((point) => point.backlog.length),
    customers: simulation.customerBases.map((base) => [base.active, base.churned, base.demandLostToChurn]),
  };
}

function retailBench(): Scenario {
  const loaded = loadScenarioFile('scenarios/bench/retail-1000.json');
  if (!loaded.ok) throw new Error('scenarios/bench/retail-1000.json does not parse');
  return shortened(loaded.scenario, 40, 1);
}

const cases: [string, () => Scenario, number][] = [
  ['lost sales, (s,S), churn on stockout', () => scenarioOf(singleStore({ policy: { type: 'sS', reorderPoint: 4, orderUpTo: 12 }, unmetDemand: 'lost', customersPerDay: 5, customers: [{ node: 'store', initial: 300, churn: { onStockout: 0.37 }, newPerDay: 1 }] })), 0],
  ['backorders, base stock, two units per customer', () => scenarioOf(singleStore({ policy: { type: 'baseStock', level: 9 }, quantity: { type: 'constant', value: 2 } })), 0],
  ['periodic review', () => scenarioOf(singleStore({ policy: { type: 'periodicRS', reviewPeriod: 5, orderUpTo: 30 } })), 0],
  [
    'two echelons with churn and outages, second variant',
    () =>
      scenarioOf(
        twoEchelon({
          horizonDays: 150,
          warmupDays: 20,
          customers: [{ node: 'store-1', initial: 200, churn: { onStockout: 0.3, onBackorder: 0.1 }, newPerDay: 0.5 }],
          disruptions: [{ type: 'supplierOutage', node: 'supplier', occurrence: { type: 'random', ratePerYear: 6, duration: { type: 'uniform', min: 2, max: 6 } } }],
          variants: [
            { id: 'as-is', policies: [] },
            { id: 'bigger-dc', policies: [{ node: 'dc', policy: { type: 'sS', reorderPoint: 60, orderUpTo: 120 } }] },
          ],
        }),
      ),
    1,
  ],
  ['the 1,000-point bench scenario (40 days)', retailBench, 0],
];

describe('steady arrivals: the fast path changes nothing', () => {
  it.each(cases)('%s', (_name, make, variantIndex) => {
    const scenario = make();
    const fast = build(scenario, variantIndex);
    const general = build(scenario, variantIndex);
    expect(fast.demandStreams.some((stream) => stream.steady)).toBe(true);
    forceGeneralPath(general);
    fast.run();
    general.run();
    expect(state(fast)).toEqual(state(general));
  });

  it('a stream whose quantity varies, or whose rate follows a season, is not steady', () => {
    const varying = build(scenarioOf(singleStore({ policy: { type: 'baseStock', level: 9 }, quantity: { type: 'poisson', mean: 2 } })), 0);
    expect(varying.demandStreams[0].steady).toBe(false);
    const seasonal = scenarioOf(singleStore({ policy: { type: 'baseStock', level: 9 } }));
    seasonal.demand[0] = { ...seasonal.demand[0], seasonality: { weekly: [1, 1, 1, 1, 1, 1.5, 2] } } as Scenario['demand'][number];
    expect(build(seasonal, 0).demandStreams[0].steady).toBe(false);
  });
});
