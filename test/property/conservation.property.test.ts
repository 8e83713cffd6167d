import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatIssues, parseScenario } from '../../src/scenario/parse.ts';
import { EventStorm } from '../../src/experiment/run.ts';
import { runAndCheckConservation, stepwiseProblems } from '../fixtures/conservation.ts';
import { FUZZ_SEED, fuzzRuns } from './fuzzSettings.ts';
import { validScenarioArbitrary } from './validScenarios.ts';

/**
 * Generated valid scenarios run and conserve units: every identity of test/fixtures/conservation.ts
 * (stock, lots, customer returns, demand, levels, between echelons), fractional units included, in
 * every variant at the end of the run, and each stock point's after every event of the first variant's.
 *
 * Sized for `npm test` (150 cases of 20 to 120 days, a few seconds) on the suites' fixed seed, so a
 * failure is reproducible; `npm run fuzz -- --runs N [--seed S]` makes a longer search (fuzzSettings.ts).
 * A failure is shrunk to a small scenario, printed as JSON with the identities it breaks.
 */
const RUNS = fuzzRuns(150);
const SEED = FUZZ_SEED;

describe('generated valid scenarios', () => {
  it(
    `run and conserve units exactly (${RUNS} cases, seed ${SEED})`,
    () => {
      // a few generated scenarios make events without end (every unit sold comes back and is resold in
      // ever smaller fair shares); stopping them with an EventStorm in words is the right outcome, as
      // long as it stays rare and stops them quickly (test/experiment/eventStorm.test.ts)
      let storms = 0;
      fc.assert(
        fc.property(validScenarioArbitrary, (input) => {
          const parsed = parseScenario(input);
          if (!parsed.ok) throw new Error(`the generator made an invalid scenario:\n${formatIssues('generated', parsed.issues).join('\n')}`);
          let problems: string[];
          try {
            problems = runAndCheckConservation(parsed.scenario, 1).problems;
          } catch (error) {
            if (!(error instanceof EventStorm)) throw error;
            storms++;
            return;
          }
          // and after every event of the first variant's run, not only at its end
          if (problems.length === 0) problems.push(...stepwiseProblems(parsed.scenario, 0, 0));
          if (problems.length > 0) throw new Error(`units not conserved:\n${problems.join('\n')}`);
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: false },
      );
      expect(storms).toBeLessThanOrEqual(Math.ceil(RUNS / 50));
    },
    // about 20 ms a case on a busy machine, and shrinking a failure
    60_000 + RUNS * 200,
  );

  it('cover every feature that moves units (checked on 300 samples of the same seed)', () => {
    const samples = fc.sample(validScenarioArbitrary, { numRuns: 300, seed: SEED });
    const share = (test: (input: (typeof samples)[number]) => boolean) => samples.filter(test).length / samples.length;
    const anyPoint = (test: (point: (typeof samples)[number]['stockPoints'][number]) => boolean) => (input: (typeof samples)[number]) => input.stockPoints.some(test);
    const anyProduct = (test: (product: (typeof samples)[number]['products'][number]) => boolean) => (input: (typeof samples)[number]) => input.products.some(test);
    const fractional = (value: number | undefined) => value !== undefined && !Number.isInteger(value);
    const coverage = {
      shelfLife: share(anyProduct((product) => product.shelfLifeDays !== undefined)),
      recall: share((input) => (input.recalls ?? []).length > 0),
      shrinkage: share(anyPoint((point) => (point.visibility?.shrinkagePerDay ?? 0) > 0)),
      shrinkageInLots: share((input) => input.stockPoints.some((point) => (point.visibility?.shrinkagePerDay ?? 0) > 0 && point.issuing !== undefined)),
      damage: share(anyProduct((product) => product.damagePerDay !== undefined)),
      returns: share(anyProduct((product) => product.returns !== undefined)),
      endOfLife: share(anyProduct((product) => product.endOfLife !== undefined)),
      fractionalSupplierCapacity: share((input) => input.nodes.some((node) => node.type === 'supplier' && fractional(node.capacityPerDay))),
      fractionalCasePack: share(anyPoint((point) => fractional(point.casePack))),
      online: share((input) => (input.fulfilment ?? []).length > 0),
      multiEchelon: share((input) => input.nodes.some((node) => node.type === 'warehouse') && input.nodes.some((node) => node.type === 'store')),
      backorders: share(anyProduct((product) => product.unmetDemand === 'backorder')),
      lostSales: share(anyProduct((product) => product.unmetDemand === 'lost')),
      variants: share((input) => (input.variants ?? []).length > 0),
    };
    for (const [feature, seen] of Object.entries(coverage)) expect(seen, feature).toBeGreaterThan(0.05);
  });
});
