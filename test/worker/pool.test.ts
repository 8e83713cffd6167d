import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/parse.ts';
import type { ScenarioInput, Scenario } from '../../src/scenario/schema.ts';
import { runExperiment, summarize, tasksOf } from '../../src/experiment/replicate.ts';
import { runReplication } from '../../src/experiment/run.ts';
import { createSimApi, type RunTasksRequest } from '../../src/worker/api.ts';
import { runOnPool, type SimEndpoint } from '../../src/worker/pool.ts';

/** One store, two policy variants compared on the same seeds, short horizon: milliseconds per run. */
const input: ScenarioInput = {
  version: 1,
  name: 'pool test',
  horizonDays: 120,
  warmupDays: 10,
  replications: 5,
  seed: 'pool',
  products: [{ id: 'widget', unitCost: 10, price: 15, holdingCost: { perUnitPerDay: 0.01 }, unmetDemand: 'backorder' }],
  nodes: [
    { id: 'supplier', type: 'supplier' },
    { id: 'store', type: 'store' },
  ],
  lanes: [{ from: 'supplier', to: 'store', leadTime: { type: 'discreteUniform', min: 1, max: 3 } }],
  stockPoints: [{ node: 'store', product: 'widget', policy: { type: 'baseStock', level: 12 } }],
  demand: [{ type: 'arrivals', node: 'store', product: 'widget', customersPerDay: 4 }],
  variants: [
    { id: 'base-stock', policies: [] },
    { id: 'sS', policies: [{ policy: { type: 'sS', reorderPoint: 8, orderUpTo: 20 } }] },
  ],
};

function scenario(): Scenario {
  const parsed = parseScenario(structuredClone(input));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.scenario;
}

/** `count` engines called in this thread, as the pool would call workers. */
const endpoints = (count: number): SimEndpoint[] => Array.from({ length: count }, () => createSimApi());

describe('runOnPool', () => {
  it('gives the same experiment, byte for byte, as runExperiment, for any number of endpoints', async () => {
    const s = scenario();
    const expected = JSON.stringify(runExperiment(s));
    for (const count of [1, 2, 3]) {
      const response = await runOnPool(endpoints(count), { scenario: s, tasks: tasksOf(s) });
      expect(response.ok).toBe(true);
      if (!response.ok) return;
      expect(response.complete).toBe(true);
      expect(response.results).toHaveLength(10);
      expect(JSON.stringify(summarize(s, response.results, response.complete))).toBe(expected);
    }
  });

  it('hands each batch of results to onResults as it comes back, every result once', async () => {
    const s = scenario();
    const tasks = tasksOf(s);
    const seen: string[] = [];
    const response = await runOnPool(endpoints(2), { scenario: s, tasks }, { maxBatch: 1, onResults: (results) => seen.push(...results.map((r) => `${r.variant}#${r.replication}`)) });
    expect(response.ok).toBe(true);
    expect(seen.sort()).toEqual(tasks.map((t) => `${['base-stock', 'sS'][t.variant]}#${t.replication}`).sort());
  });

  it('returns results in task order and reports progress up to the total', async () => {
    const s = scenario();
    const tasks = tasksOf(s);
    const progress: number[] = [];
    const response = await runOnPool(endpoints(2), { scenario: s, tasks, series: false }, { onProgress: (done, total) => progress.push(done / total) });
    if (!response.ok) throw new Error('expected results');
    expect(response.results.map((r) => [r.replication, r.variant])).toEqual(tasks.map((t) => [t.replication, s.variants[t.variant].id]));
    expect(response.results.every((r) => r.series === null)).toBe(true);
    expect(progress).toHaveLength(tasks.length);
    expect(progress.at(-1)).toBe(1);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  });

  it('stops handing out tasks when cancelled and keeps what finished', async () => {
    const s = scenario();
    const tasks = tasksOf(s);
    let done = 0;
    const response = await runOnPool(
      endpoints(2),
      { scenario: s, tasks },
      { onProgress: (d) => (done = d), isCancelled: () => done >= 3 },
    );
    if (!response.ok) throw new Error('expected results');
    expect(response.complete).toBe(false);
    expect(response.results.length).toBeGreaterThanOrEqual(3);
    expect(response.results.length).toBeLessThan(tasks.length);
    for (const result of response.results) {
      const variant = s.variants.findIndex((v) => v.id === result.variant);
      expect(result).toEqual(runReplication(s, variant, result.replication));
    }
    // the merged experiment keeps whole replications only (both variants on the same seeds)
    const merged = summarize(s, response.results, response.complete);
    expect(merged.complete).toBe(false);
    expect(merged.replications).toBe(Math.floor(response.results.length / 2));
  });

  it('hands nothing out when cancelled before it starts', async () => {
    const s = scenario();
    const response = await runOnPool(endpoints(2), { scenario: s, tasks: tasksOf(s) }, { isCancelled: () => true });
    expect(response).toEqual({ ok: true, results: [], complete: false });
  });

  it('gives more tasks to the endpoint that finishes first', async () => {
    const s = scenario();
    const calls = [0, 0];
    const api = createSimApi();
    const timed = (index: number, delayMs: number): SimEndpoint => ({
      async runTasks(request: RunTasksRequest, onTaskDone) {
        calls[index] += request.tasks.length;
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        return api.runTasks(request, onTaskDone);
      },
    });
    const response = await runOnPool([timed(0, 1), timed(1, 40)], { scenario: s, tasks: tasksOf(s) }, { maxBatch: 1 });
    expect(response.ok && response.complete).toBe(true);
    expect(calls[0] + calls[1]).toBe(10);
    expect(calls[0]).toBeGreaterThan(calls[1]);
  });

  it('returns an invalid scenario as issues, not an exception', async () => {
    const response = await runOnPool(endpoints(2), { scenario: { ...input, horizonDays: -1 }, tasks: [{ variant: 0, replication: 0 }] });
    expect(response).toEqual({ ok: false, issues: [{ path: 'horizonDays', message: expect.stringContaining('positive') }] });
  });

  it('rejects when an endpoint throws', async () => {
    const s = scenario();
    const broken: SimEndpoint = { runTasks: () => Promise.reject(new Error('worker died')) };
    await expect(runOnPool([createSimApi(), broken], { scenario: s, tasks: tasksOf(s) })).rejects.toThrow('worker died');
  });
});
