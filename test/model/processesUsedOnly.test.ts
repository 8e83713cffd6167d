import { describe, expect, it } from 'vitest';
import { buildSimulation, variantsOf } from '../../src/model/build.ts';
import type { Simulation } from '../../src/model/simulation.ts';
import { replicationSeed } from '../../src/random/streams.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { scenarioOf, singleStore } from '../fixtures/scenario.ts';

/**
 * The model runs as processes, one per file (src/model/processes/), and a stock point pays only for
 * the processes it uses: a point without lots, returns, record visibility, damage, recalls, end of
 * life, disruptions, returns upstream or customer churn never calls into those processes.
 */
const OPTIONAL_PROCESSES = ['lotsAndExpiry', 'customerReturns', 'shelfLosses', 'recallProcess', 'endOfLife', 'upstreamReturns', 'disruptionProcess', 'churn', 'online'];

function build(scenario: Scenario): Simulation {
  return buildSimulation(scenario, variantsOf(scenario)[0], replicationSeed(scenario.seed, 0));
}

/** Wraps every method of each named process (but start and connect) so that its calls are recorded. */
function watch(simulation: Simulation, names: string[]): string[] {
  const calls: string[] = [];
  for (const name of names) {
    const process = (simulation as unknown as Record<string, Record<string, unknown>>)[name];
    const prototype = Object.getPrototypeOf(process) as object;
    for (const method of Object.getOwnPropertyNames(prototype)) {
      const descriptor = Object.getOwnPropertyDescriptor(prototype, method)!;
      if (method === 'constructor' || method === 'start' || method === 'connect' || typeof descriptor.value !== 'function') continue;
      const original = descriptor.value as (...args: unknown[]) => unknown;
      process[method] = function (this: unknown, ...args: unknown[]) {
        calls.push(`${name}.${method}`);
        return original.apply(this, args);
      };
    }
  }
  return calls;
}

describe('processes a stock point does not use', () => {
  it('are never called for a plain store: no lots, returns, visibility, damage, recalls, churn or disruptions', () => {
    const simulation = build(scenarioOf(singleStore({ policy: { type: 'sS', reorderPoint: 4, orderUpTo: 12 }, unmetDemand: 'lost', customersPerDay: 5 })));
    const calls = watch(simulation, OPTIONAL_PROCESSES);
    simulation.run();
    expect(simulation.stockPoints[0].counters.demandUnits).toBeGreaterThan(0);
    expect(calls).toEqual([]);
  });

  it('are called once a point uses them (the watch sees calls): a product with a shelf life runs lots and expiry', () => {
    const scenario = scenarioOf(singleStore({ policy: { type: 'sS', reorderPoint: 4, orderUpTo: 12 }, unmetDemand: 'lost', customersPerDay: 5 }));
    scenario.products[0].shelfLifeDays = 10;
    const simulation = build(scenario);
    const calls = watch(simulation, OPTIONAL_PROCESSES);
    simulation.run();
    expect(calls).toContain('lotsAndExpiry.addLot');
    expect(calls).toContain('lotsAndExpiry.onLotExpiry');
    expect(calls.filter((call) => !call.startsWith('lotsAndExpiry.') && !call.startsWith('recallProcess.'))).toEqual([]);
  });
});
