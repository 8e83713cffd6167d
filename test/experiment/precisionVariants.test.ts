import { describe, expect, it } from 'vitest';
import { runToPrecision, type BatchRunner } from '../../src/experiment/sequential.ts';
import { runReplication } from '../../src/experiment/run.ts';
import { runExperiment } from '../../src/experiment/replicate.ts';
import { studentTQuantile } from '../../src/metrics/studentT.ts';
import { scenarioOf, singleStore } from '../fixtures/scenario.ts';

/**
 * Two variants of very different noise on the fill rate: "steady" holds 1000 units against 3 customers
 * a day (every replication's fill rate is exactly 1, half-width 0 from the first round), "noisy" holds
 * 8 against a lead-time demand of 9 (the fill rate varies from one replication to the next). The
 * steady variant comes first, so a stopping rule that looked at the first variant only would stop at once.
 */
const scenario = scenarioOf({
  ...singleStore({
    policy: { type: 'baseStock', level: 8 },
    leadTime: 3,
    customersPerDay: 3,
    unmetDemand: 'lost',
    horizonDays: 60,
    seed: 'precision-variants',
    variants: [
      { id: 'steady', policies: [{ policy: { type: 'baseStock', level: 1000 } }] },
      { id: 'noisy', policies: [{ policy: { type: 'baseStock', level: 8 } }] },
    ],
  }),
  output: { series: 'none' },
});

const inProcess: BatchRunner = async (tasks) => tasks.map((task) => runReplication(scenario, task.variant, task.replication));

/** The 95% half-width from the replications' own values: t(0.975, n − 1) × sample sd / √n. */
function halfWidthOf(values: number[]): number {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
  return (studentTQuantile(0.975, n - 1) * sd) / Math.sqrt(n);
}

describe('precision mode with several variants of different noise', () => {
  const target = 0.02;

  it('keeps adding replications until every variant’s half-width meets the target, not just the first’s', async () => {
    const outcome = await runToPrecision(scenario, { kpi: 'fillRate', halfWidth: target, initial: 3, cap: 400 }, inProcess);
    const [steady, noisy] = outcome.result.variants;
    const steadyValues = steady.samples.network.fillRate as number[];
    const noisyValues = noisy.samples.network.fillRate as number[];
    // the case is what it says: the steady variant is exact, the noisy one is not
    expect(new Set(steadyValues)).toEqual(new Set([1]));
    expect(halfWidthOf(noisyValues.slice(0, 3))).toBeGreaterThan(target);
    expect(outcome.met).toBe(true);
    expect(outcome.rounds).toBeGreaterThan(1);
    expect(outcome.result.replications).toBeGreaterThan(3);
    // every variant meets the target, by its own replications' values
    expect(halfWidthOf(steadyValues)).toBe(0);
    expect(halfWidthOf(noisyValues)).toBeLessThanOrEqual(target);
    expect(outcome.halfWidth!).toBeCloseTo(halfWidthOf(noisyValues), 9);
  });

  it('stops short of the target only at the cap, and says so', async () => {
    const outcome = await runToPrecision(scenario, { kpi: 'fillRate', halfWidth: 0.001, initial: 3, cap: 12 }, inProcess);
    expect(outcome.met).toBe(false);
    expect(outcome.result.replications).toBe(12);
    expect(halfWidthOf(outcome.result.variants[1].samples.network.fillRate as number[])).toBeGreaterThan(0.001);
  });

  it('gives the same result as a plain run of that many replications', async () => {
    const outcome = await runToPrecision(scenario, { kpi: 'fillRate', halfWidth: target, initial: 3, cap: 400 }, inProcess);
    const plain = runExperiment(scenario, { replications: outcome.result.replications });
    expect(outcome.result.variants.map((v) => v.network)).toEqual(plain.variants.map((v) => v.network));
  });
});
