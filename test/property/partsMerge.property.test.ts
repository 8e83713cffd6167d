import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventStorm, runReplication } from '../../src/experiment/run.ts';
import { planParts, runPart } from '../../src/experiment/parts.ts';
import { variantsOf } from '../../src/model/build.ts';
import { parseScenario } from '../../src/scenario/parse.ts';
import type { ScenarioInput } from '../../src/scenario/schema.ts';
import { expectSame } from '../fixtures/partsMerge.ts';
import { FUZZ_SEED, fuzzRuns } from './fuzzSettings.ts';
import { validScenarioArbitrary } from './validScenarios.ts';

/**
 * A replication run as its independent parts and merged (src/experiment/parts.ts) is the whole run,
 * byte for byte, on generated scenarios: every feature that moves units, fractional quantities
 * (test/property/validScenarios.ts). `npm run fuzz -- --runs N` makes a longer search.
 */
describe('a replication run as its independent parts and merged', () => {
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
    ['without capacities, servers, customer bases and recalls (so that they fall apart)', decoupled, Math.ceil(fuzzRuns(60) / 6)],
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
      { numRuns: fuzzRuns(60), seed: FUZZ_SEED + 1 },
    );
    // the comparison means something only if many of them fall apart
    expect(split).toBeGreaterThanOrEqual(atLeastSplit);
  });
});
