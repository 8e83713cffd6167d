import { describe, expect, it } from 'vitest';
import { nextReplications, runToPrecision } from '../../src/experiment/sequential.ts';
import { runReplication } from '../../src/experiment/run.ts';
import { runExperiment } from '../../src/experiment/replicate.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { scenarioOf, singleStore } from '../fixtures/scenario.ts';

const scenario: Scenario = { ...scenarioOf(singleStore({ policy: { type: 'baseStock', level: 10 }, customersPerDay: 3, horizonDays: 200 })), replications: 4 };
const inProcess = async (tasks: { variant: number; replication: number }[]) => tasks.map((task) => runReplication(scenario, task.variant, task.replication, { series: false }));

describe('precision mode: replications until a half-width target', () => {
  it('asks for the replications the spread says are needed (n (h/target)^2, 10% spare), more than now, within the cap', () => {
    expect(nextReplications(10, 0.02, 0.01, 1000)).toBe(44);
    expect(nextReplications(10, 0.0101, 0.01, 1000)).toBe(12);
    expect(nextReplications(10, 0.5, 0.01, 300)).toBe(300);
  });

  it('stops once the target is met, with the same result as running that many replications at once', async () => {
    const rounds: number[] = [];
    const outcome = await runToPrecision(scenario, { kpi: 'fillRate', halfWidth: 0.01, initial: 4, cap: 500 }, inProcess, (replications) => rounds.push(replications));
    expect(outcome.met).toBe(true);
    expect(outcome.halfWidth!).toBeLessThanOrEqual(0.01);
    expect(rounds[0]).toBe(4);
    expect(rounds.length).toBeGreaterThan(1);
    const direct = runExperiment({ ...scenario, output: { series: 'none' } }, { replications: outcome.result.replications });
    expect(outcome.result.variants[0].network).toEqual(direct.variants[0].network);
  });

  it('stops at the cap and says the target was not met', async () => {
    const outcome = await runToPrecision(scenario, { kpi: 'fillRate', halfWidth: 1e-6, initial: 3, cap: 8 }, inProcess);
    expect(outcome).toMatchObject({ met: false });
    expect(outcome.result.replications).toBe(8);
  });
});
