import { describe, expect, it } from 'vitest';
import { optimize, type OptimizeSpec } from '../../src/experiment/optimize.ts';
import { runExperiment } from '../../src/experiment/replicate.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { newsvendorNormal } from '../../src/theory/newsvendor.ts';
import { loadScenarioFile } from '../fixtures/scenario.ts';

const inProcess = async (scenario: Scenario, replications: number) => runExperiment({ ...scenario, output: { series: 'none' } }, { replications });

function newsvendor(horizonDays: number): Scenario {
  const loaded = loadScenarioFile('scenarios/theory/newsvendor-normal.json');
  if (!loaded.ok) throw new Error('newsvendor-normal.json does not parse');
  return { ...loaded.scenario, horizonDays, warmupDays: 0, variants: [] };
}

/** theory/newsvendor-normal: demand N(100, 20), holding 1, backorder 4 a unit left over or short each day. */
const costAt = (quantity: number) => newsvendorNormal({ mean: 100, sd: 20, underageCost: 4, overageCost: 1, quantity }).expectedCost;

describe('the optimiser’s verdict on known cases', () => {
  it('"better" when the winner is far cheaper: S = 117 against S = 60 (theory: about 28 against 160 a day)', async () => {
    expect(costAt(60) - costAt(117)).toBeGreaterThan(100); // the case is what it says
    const spec: OptimizeSpec = { product: 'paper', axes: [{ parameter: 'orderUpTo', values: [60, 117] }], objective: 'costPerPeriod', screenReplications: 3, confirmReplications: 8, top: 2 };
    const outcome = await optimize(newsvendor(200), spec, inProcess);
    expect(outcome.winner!.values).toEqual([117]);
    expect(outcome.verdict).toBe('better');
    // the paired margin (runner-up − winner) excludes 0
    const margin = outcome.margin!;
    expect(margin.significant).toBe(true);
    expect(margin.mean - margin.halfWidth!).toBeGreaterThan(0);
    // and the confirmed costs are the closed form's, within their intervals
    for (const candidate of outcome.confirmed) {
      expect(Math.abs(candidate.objective.mean! - costAt(candidate.values[0]))).toBeLessThan(2 * candidate.objective.halfWidth!);
    }
    expect(outcome.sentence).toMatch(/^orderUpTo = 117 is best: the runner-up, orderUpTo = 60, /);
  });

  it('"tie" when the two points give identical results: S = 400 and S = 500 never backorder a unit of N(100, 20) demand', async () => {
    const spec: OptimizeSpec = { product: 'paper', axes: [{ parameter: 'orderUpTo', values: [400, 500] }], objective: 'avgBackorders', screenReplications: 3, confirmReplications: 8, top: 2 };
    const outcome = await optimize(newsvendor(200), spec, inProcess);
    expect(outcome.confirmed.map((candidate) => candidate.objective.mean)).toEqual([0, 0]);
    expect(outcome.margin!.mean).toBe(0);
    expect(outcome.verdict).toBe('tie');
    expect(outcome.sentence).toMatch(/ tie: /);
  });
});
