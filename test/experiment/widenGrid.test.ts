import { describe, expect, it } from 'vitest';
import { optimize, type OptimizeSpec } from '../../src/experiment/optimize.ts';
import { runExperiment } from '../../src/experiment/replicate.ts';
import { adviseWiderGrid, extended } from '../../src/experiment/widenGrid.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { loadScenarioFile } from '../fixtures/scenario.ts';

const inProcess = async (scenario: Scenario, replications: number) => runExperiment({ ...scenario, output: { series: 'none' } }, { replications });

function newsvendor(): Scenario {
  const loaded = loadScenarioFile('scenarios/theory/newsvendor-normal.json');
  if (!loaded.ok) throw new Error('newsvendor-normal.json does not parse');
  return { ...loaded.scenario, horizonDays: 200, warmupDays: 0, variants: [] };
}

/** Demand N(100, 20) a period: an order-up-to S serves about Φ((S − 100)/20) of periods in full. */
const spec = (values: number[], atLeast: number): OptimizeSpec => ({
  product: 'paper',
  axes: [{ parameter: 'orderUpTo', values }],
  objective: 'costPerPeriod',
  constraint: { kpi: 'fillRate', atLeast },
  screenReplications: 3,
  confirmReplications: 10,
  top: 2,
});

describe('which way to widen a grid whose points all miss the floor', () => {
  it('a fill-rate floor above every grid point: extend the order-up-to level upwards, from the edge, at the same step', async () => {
    const wanted = spec([80, 90, 100], 0.99);
    const outcome = await optimize(newsvendor(), wanted, inProcess);
    expect(outcome.verdict).toBe('infeasible');
    const advice = adviseWiderGrid(wanted, outcome);
    expect(advice).toMatchObject({ kind: 'widen', parameter: 'orderUpTo', direction: 'up', closest: { values: [100] } });
    if (advice?.kind !== 'widen') throw new Error('expected a widening');
    expect(advice.axes).toEqual([{ parameter: 'orderUpTo', values: [100, 110, 120, 130] }]);
    // and the advice leads somewhere: the widened grid meets the floor
    const next = await optimize(newsvendor(), { ...wanted, axes: advice.axes }, inProcess);
    expect(next.winner).not.toBeNull();
    expect(next.winner!.constraint!.mean).toBeGreaterThanOrEqual(0.99);
  });

  it('a floor no value can meet from inside the grid is said to be inside, not widened', () => {
    const wanted = spec([80, 90, 100], 0.99);
    const row = (value: number, fill: number) => ({ id: `p${value}`, name: `${value}`, values: [value], frontier: false, kpis: { fillRate: { mean: fill, sd: 0, halfWidth: 0, n: 3 } } as never });
    const outcome = { screened: [row(80, 0.9), row(90, 0.95), row(100, 0.93)], skipped: [], confirmed: [], winner: null, margin: null, verdict: 'infeasible' as const, sentence: '', complete: true, replications: { screen: 3, confirm: 0 } };
    expect(adviseWiderGrid(wanted, outcome)).toEqual({ kind: 'inside', closest: { values: [90], mean: 0.95 } });
    // a grid that met its floor needs no advice
    expect(adviseWiderGrid(wanted, { ...outcome, verdict: 'better' })).toBeNull();
  });

  it('extends whole numbers by whole steps, fractions by their spacing, and never below zero', () => {
    expect(extended([10, 20, 30, 40], 'up')).toEqual([40, 50, 60, 70, 80]);
    expect(extended([10, 20, 30], 'down')).toEqual([0, 10]);
    expect(extended([1.5, 1.75, 2], 'up')).toEqual([2, 2.25, 2.5, 2.75]);
    expect(extended([7], 'up')).toEqual([7, 11, 15, 19]);
    expect(extended([0, 5], 'down')).toEqual([]);
  });
});
