import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/experiment/replicate.ts';
import { runReplication, type RunResult } from '../../src/experiment/run.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { scenarioOf, singleStore } from '../fixtures/scenario.ts';

/**
 * Issue 13: a run cancelled part-way has finished some replications for some variants only. The
 * summary must use only the replications every variant finished, so variants stay compared on the same
 * seeds. Hand-made per-variant results (one real run cloned, its fill rate set by hand), given out of
 * order: lean finished replications 0, 1, 2 and 4; generous 0, 1 and 3. Only 0 and 1 are whole.
 */
const scenario: Scenario = scenarioOf(
  singleStore({
    policy: { type: 'sS', reorderPoint: 4, orderUpTo: 12 },
    horizonDays: 20,
    variants: [
      { id: 'lean', policies: [{ policy: { type: 'sS', reorderPoint: 4, orderUpTo: 12 } }] },
      { id: 'generous', policies: [{ policy: { type: 'sS', reorderPoint: 9, orderUpTo: 20 } }] },
    ],
  }),
);
const template = runReplication(scenario, 0, 0);

function made(variant: string, replication: number, fillRate: number): RunResult {
  const run = structuredClone(template);
  run.variant = variant;
  run.replication = replication;
  run.network.kpis.fillRate = fillRate;
  run.events = 1000 + replication;
  return run;
}

const partial: RunResult[] = [
  made('generous', 3, 0.2),
  made('lean', 4, 0.1),
  made('lean', 1, 0.8),
  made('generous', 1, 0.85),
  made('lean', 2, 0.5),
  made('generous', 0, 0.95),
  made('lean', 0, 0.9),
];

describe('summarize after a cancelled run: only the replications every variant finished', () => {
  const result = summarize(scenario, partial, false);

  it('counts 2 whole replications, for the experiment and for each variant', () => {
    expect(result.complete).toBe(false);
    expect(result.replications).toBe(2);
    expect(result.variants.map((variant) => [variant.id, variant.replications, variant.samples.replications])).toEqual([
      ['lean', 2, [0, 1]],
      ['generous', 2, [0, 1]],
    ]);
  });

  it('averages each variant over replications 0 and 1 only: lean (0.9 + 0.8) / 2, generous (0.95 + 0.85) / 2', () => {
    const [lean, generous] = result.variants;
    expect(lean.samples.network.fillRate).toEqual([0.9, 0.8]);
    expect(generous.samples.network.fillRate).toEqual([0.95, 0.85]);
    expect(lean.network.fillRate.n).toBe(2);
    expect(lean.network.fillRate.mean).toBeCloseTo(0.85, 12);
    expect(generous.network.fillRate.mean).toBeCloseTo(0.9, 12);
    // sample sd of two values a, b: |a - b| / sqrt(2)
    expect(lean.network.fillRate.sd).toBeCloseTo(0.1 / Math.SQRT2, 12);
    expect(lean.events).toBe(1000 + 1001);
    expect(generous.events).toBe(1000 + 1001);
  });

  it('keeps nothing when no replication is whole, and everything when all are', () => {
    const none = summarize(scenario, [made('lean', 0, 0.9), made('generous', 1, 0.85)], false);
    expect(none.replications).toBe(0);
    expect(none.variants.map((variant) => variant.replications)).toEqual([0, 0]);
    expect(none.firstRuns).toEqual([]);
    const whole = summarize(scenario, partial.filter((run) => run.replication <= 1), true);
    expect(whole.variants.map((variant) => variant.network.fillRate.mean)).toEqual(result.variants.map((variant) => variant.network.fillRate.mean));
  });
});
