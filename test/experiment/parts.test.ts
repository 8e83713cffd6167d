import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventStorm, runReplication } from '../../src/experiment/run.ts';
import { mergeParts, planParts, runPart, type PartRun } from '../../src/experiment/parts.ts';
import { variantsOf } from '../../src/model/build.ts';
import { parseScenario } from '../../src/scenario/parse.ts';
import type { Scenario, ScenarioInput } from '../../src/scenario/schema.ts';
import { validScenarioArbitrary } from '../property/validScenarios.ts';
import { loadScenarioFile, scenarioFiles, shortened } from '../fixtures/scenario.ts';

/**
 * A replication run as its independent parts, each alone, and merged, gives the whole run's result
 * byte for byte (issue 15): compared as JSON text (every number to the last bit; NaN and -0 would
 * show as null and 0, so the counters are compared with Object.is too).
 */
function mergedAndWhole(scenario: Scenario, variantIndex: number, replication: number, order: 'forward' | 'backward' = 'forward') {
  const plan = planParts(scenario, variantIndex);
  const indexes = plan.parts.map((_, p) => p);
  if (order === 'backward') indexes.reverse();
  const runs: PartRun[] = indexes.map((p) => runPart(scenario, variantIndex, replication, p, plan));
  return { plan, merged: mergeParts(scenario, variantIndex, plan, runs), whole: runReplication(scenario, variantIndex, replication) };
}

function expectSame(scenario: Scenario, variantIndex: number, replication: number, order: 'forward' | 'backward' = 'forward') {
  const { plan, merged, whole } = mergedAndWhole(scenario, variantIndex, replication, order);
  expect(JSON.stringify(merged)).toBe(JSON.stringify(whole));
  merged.stockPoints.forEach((point, i) => {
    for (const [name, value] of Object.entries(point.counters)) expect(Object.is(value, (whole.stockPoints[i].counters as unknown as Record<string, unknown>)[name])).toBe(true);
  });
  return plan;
}

describe('a replication run as its independent parts and merged', () => {
  it.each(scenarioFiles().filter((file) => !file.includes('/bench/')))('is the whole run, byte for byte: %s (every variant, replications 0 and 1)', (file) => {
    const loaded = loadScenarioFile(file);
    if (!loaded.ok) throw new Error(`${file} does not parse`);
    const scenario = shortened(loaded.scenario, Math.min(loaded.scenario.horizonDays, 400), 2);
    variantsOf(scenario).forEach((_, v) => {
      expectSame(scenario, v, 0);
      expectSame(scenario, v, 1, 'backward');
    });
  });

  it('is the whole run of bench-A (1,000 stock points, 1,000 parts; 90 days), byte for byte', () => {
    const loaded = loadScenarioFile('scenarios/bench/retail-1000.json');
    if (!loaded.ok) throw new Error('bench-A does not parse');
    const plan = expectSame(shortened(loaded.scenario, 90, 1), 0, 0);
    expect(plan.parts.length).toBe(1000);
    expect(plan.apart).toBe(true);
  });

  /**
   * The generated scenarios, and the same without what most often joins everything into one part
   * (capacities, servers, customer bases, capacity losses, recalls): few generated networks fall apart
   * as generated (2 in 50), these do more often (about 1 in 4).
   */
  const decoupled = validScenarioArbitrary.map((input): ScenarioInput => {
    const inLots = new Set(input.products.filter((product) => product.shelfLifeDays !== undefined).map((product) => product.id));
    return {
      ...input,
      nodes: input.nodes.map((node) => {
        const { capacityPerDay: _capacity, servers: _servers, ...rest } = node as typeof node & { capacityPerDay?: number; servers?: number };
        return rest as typeof node;
      }),
      customers: [],
      recalls: [],
      disruptions: (input.disruptions ?? []).filter((disruption) => disruption.type !== 'capacityLoss'),
      stockPoints: input.stockPoints.map((point) => {
        if (typeof point.product === 'string' && inLots.has(point.product)) return point;
        const { issuing: _issuing, ...rest } = point;
        return rest;
      }),
    };
  });

  it.each([
    ['as generated', validScenarioArbitrary, 0],
    ['without capacities, servers, customer bases and recalls (so that they fall apart)', decoupled, 10],
  ] as const)('is the whole run on generated scenarios, %s (every feature that moves units, fractional quantities)', (_, arbitrary, atLeastSplit) => {
    let split = 0;
    fc.assert(
      fc.property(arbitrary, (input) => {
        const parsed = parseScenario(input);
        if (!parsed.ok) return;
        const scenario = parsed.scenario;
        variantsOf(scenario).forEach((_, v) => {
          // a scenario whose events never end stops with an EventStorm, whole or in parts
          const storms = (run: () => unknown) => {
            try {
              run();
              return false;
            } catch (error) {
              if (error instanceof EventStorm) return true;
              throw error;
            }
          };
          if (storms(() => runReplication(scenario, v, 0))) {
            const plan = planParts(scenario, v);
            expect(storms(() => plan.parts.forEach((_, p) => runPart(scenario, v, 0, p, plan)))).toBe(true);
            return;
          }
          const plan = expectSame(scenario, v, 0);
          if (plan.parts.length > 1) split++;
        });
      }),
      { numRuns: 60, seed: 20261207 },
    );
    // the comparison means something only if many of them fall apart
    expect(split).toBeGreaterThanOrEqual(atLeastSplit);
  });
});
