import { describe, expect, it } from 'vitest';
import { optimize, type OptimizeSpec } from '../../src/experiment/optimize.ts';
import { runExperiment } from '../../src/experiment/replicate.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { newsvendorNormal } from '../../src/theory/newsvendor.ts';
import { loadScenarioFile } from '../fixtures/scenario.ts';

const inProcess = async (scenario: Scenario, replications: number) => runExperiment({ ...scenario, output: { series: 'none' } }, { replications });

function theoryScenario(path: string, horizonDays: number): Scenario {
  const loaded = loadScenarioFile(path);
  if (!loaded.ok) throw new Error(`${path} does not parse`);
  return { ...loaded.scenario, horizonDays, warmupDays: 0, variants: [] };
}

describe('simulation optimisation: screen a grid, confirm the best, say whether the winner is better', () => {
  it('finds the newsvendor optimum (critical ratio) within the statistical tolerance', async () => {
    const scenario = theoryScenario('scenarios/theory/newsvendor-normal.json', 400);
    const spec: OptimizeSpec = {
      product: 'paper',
      axes: [{ parameter: 'orderUpTo', values: [96, 102, 108, 114, 117, 120, 126, 132] }],
      objective: 'costPerPeriod',
      screenReplications: 6,
      confirmReplications: 20,
      top: 3,
    };
    const outcome = await optimize(scenario, spec, inProcess);
    const optimum = newsvendorNormal({ mean: 100, sd: 20, underageCost: 4, overageCost: 1 });
    expect(outcome.winner).not.toBeNull();
    // the cost curve is flat near S* = 116.83: the winner is S* or a neighbour whose cost is within the interval
    const winner = outcome.winner!.values[0];
    expect(Math.abs(winner - optimum.quantity)).toBeLessThanOrEqual(6);
    const winnerCost = newsvendorNormal({ mean: 100, sd: 20, underageCost: 4, overageCost: 1, quantity: winner }).expectedCost;
    expect(winnerCost - optimum.expectedCost).toBeLessThan(outcome.winner!.objective.halfWidth! * 2);
    expect(['better', 'tie']).toContain(outcome.verdict);
    expect(outcome.confirmed).toHaveLength(3);
    expect(outcome.screened).toHaveLength(8);
  });

  it('minimises holding cost under a fill-rate floor, and says when no point meets it', async () => {
    const scenario = theoryScenario('scenarios/theory/newsvendor-normal.json', 300);
    const spec: OptimizeSpec = {
      product: 'paper',
      axes: [{ parameter: 'orderUpTo', values: [100, 110, 120, 130, 140] }],
      objective: 'holdingCost',
      constraint: { kpi: 'fillRate', atLeast: 0.98 },
      screenReplications: 5,
      confirmReplications: 10,
      top: 2,
    };
    const outcome = await optimize(scenario, spec, inProcess);
    // the cheapest level whose fill rate reaches 98% (1 - sigma G(z) / mu >= 0.98 near S = 118)
    expect(outcome.winner!.values).toEqual([120]);
    expect(outcome.winner!.constraint!.mean!).toBeGreaterThanOrEqual(0.98);
    const impossible = await optimize(scenario, { ...spec, constraint: { kpi: 'fillRate', atLeast: 0.99999 } }, inProcess);
    expect(impossible).toMatchObject({ verdict: 'infeasible', winner: null });
    expect(impossible.sentence).toBe('No grid point meets fillRate ≥ 0.99999 in the screening runs.');
  });

  it('confirms on new seeds, not the screening ones', async () => {
    const seeds: (string | number)[] = [];
    const scenario = theoryScenario('scenarios/theory/newsvendor-normal.json', 50);
    await optimize(scenario, { product: 'paper', axes: [{ parameter: 'orderUpTo', values: [110, 120] }], objective: 'costPerPeriod', screenReplications: 2, confirmReplications: 2, top: 2 }, async (s, replications) => {
      seeds.push(s.seed);
      return inProcess(s, replications);
    });
    expect(seeds).toEqual([scenario.seed, `${scenario.seed}/confirm`]);
  });
});
