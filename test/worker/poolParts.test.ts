import { describe, expect, it } from 'vitest';
import { runReplication } from '../../src/experiment/run.ts';
import { runExperiment, summarize, tasksOf } from '../../src/experiment/replicate.ts';
import { createSimApi, type RunPartsRequest, type RunVariantsRequest } from '../../src/worker/api.ts';
import { planSweep } from '../../src/experiment/sweep.ts';
import { runOnPool, type SimEndpoint } from '../../src/worker/pool.ts';
import { loadScenarioFile, shortened } from '../fixtures/scenario.ts';

/** `count` engines in this thread, counting the part chunks each runs and the merges each makes. */
function endpoints(count: number) {
  const chunksRun: number[] = new Array(count).fill(0);
  let merges = 0;
  const list: SimEndpoint[] = Array.from({ length: count }, (_, e) => {
    const api = createSimApi();
    return {
      runTasks: api.runTasks,
      partsOf: api.partsOf,
      mergeParts: (request: Parameters<typeof api.mergeParts>[0]) => {
        merges++;
        return api.mergeParts(request);
      },
      runParts: (request: RunPartsRequest, onPartDone?: (done: number) => void) => {
        chunksRun[e] += request.parts.length;
        return api.runParts(request, onPartDone);
      },
    };
  });
  return { list, chunksRun, merges: () => merges };
}

/** `count` engines in this thread, counting the variants each runs through runVariants. */
function sharingEndpoints(count: number) {
  const variantsRun: number[] = new Array(count).fill(0);
  const list: SimEndpoint[] = Array.from({ length: count }, (_, e) => {
    const api = createSimApi();
    return {
      runTasks: api.runTasks,
      sharingOf: api.sharingOf,
      runVariants: (request: RunVariantsRequest, onVariantDone?: (done: number) => void) => {
        variantsRun[e] += request.variants.length;
        return api.runVariants(request, onVariantDone);
      },
    };
  });
  return { list, variantsRun };
}

function load(file: string, horizonDays: number, replications: number) {
  const loaded = loadScenarioFile(file);
  if (!loaded.ok) throw new Error(`${file} does not parse`);
  return shortened(loaded.scenario, horizonDays, replications);
}

describe('the pool runs a replication as its independent parts on every endpoint', () => {
  it('gives bench-A (1,000 parts, one replication, 60 days) the bytes of the whole run on 1, 2 and 3 endpoints', async () => {
    const scenario = load('scenarios/bench/retail-1000.json', 60, 1);
    const whole = JSON.stringify(runReplication(scenario, 0, 0));
    // merged on an endpoint (the scenario as data only), then here (the caller gives it validated)
    for (const [count, parsed] of [[1, false], [2, false], [3, false], [2, true]] as const) {
      const { list, chunksRun, merges } = endpoints(count);
      const progress: number[] = [];
      const response = await runOnPool(list, { scenario, tasks: tasksOf(scenario), ...(parsed ? { parsed: scenario } : {}) }, { onProgress: (done) => progress.push(done) });
      if (count > 1) expect(merges()).toBe(parsed ? 0 : 1);
      if (!response.ok) throw new Error('invalid');
      expect(response.complete).toBe(true);
      expect(JSON.stringify(response.results[0])).toBe(whole);
      if (count === 1) expect(chunksRun).toEqual([0]);
      else {
        // every endpoint ran chunks of the one replication, and progress rose through fractions to 1
        expect(chunksRun.every((chunks) => chunks > 0)).toBe(true);
        expect(progress.some((done) => done > 0 && done < 1)).toBe(true);
        expect(progress.at(-1)).toBe(1);
      }
    }
  });

  it('gives the experiment of a gallery scenario with two parts the bytes of runExperiment (fewer replications than endpoints)', async () => {
    // three variants, so three tasks: on four endpoints each runs as its two parts
    const scenario = load('scenarios/06-winter-clothing.json', 120, 1);
    const { list, chunksRun } = endpoints(4);
    const response = await runOnPool(list, { scenario, tasks: tasksOf(scenario) });
    if (!response.ok) throw new Error('invalid');
    expect(chunksRun.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    expect(JSON.stringify(summarize(scenario, response.results, response.complete))).toBe(JSON.stringify(runExperiment(scenario)));
  });

  it('runs whole replications when told not to split, or when the scenario is one part', async () => {
    const scenario = load('scenarios/06-winter-clothing.json', 60, 1);
    const off = endpoints(2);
    await runOnPool(off.list, { scenario, tasks: tasksOf(scenario) }, { parts: false });
    expect(off.chunksRun).toEqual([0, 0]);
    const single = load('scenarios/01-newsvendor.json', 60, 1);
    const one = endpoints(2);
    const response = await runOnPool(one.list, { scenario: single, tasks: tasksOf(single) });
    expect(one.chunksRun).toEqual([0, 0]);
    if (!response.ok) throw new Error('invalid');
    expect(JSON.stringify(response.results)).toBe(JSON.stringify(tasksOf(single).map((task) => runReplication(single, task.variant, task.replication))));
  });

  it('keeps nothing of a replication cancelled before its parts are all back', async () => {
    const scenario = load('scenarios/bench/retail-1000.json', 30, 1);
    const { list } = endpoints(2);
    let calls = 0;
    const response = await runOnPool(list, { scenario, tasks: tasksOf(scenario) }, { isCancelled: () => ++calls > 2 });
    if (!response.ok) throw new Error('invalid');
    expect(response.complete).toBe(false);
    expect(response.results).toEqual([]);
  });
});

describe('the pool runs variants that differ in one SKU sharing the run of the other stock points', () => {
  it("gives a sweep of bench-A's first SKU (3 x 3 grid, 2 replications, 45 days) the bytes of runExperiment on 1, 2 and 3 endpoints", async () => {
    const base = load('scenarios/bench/retail-1000.json', 45, 2);
    const { scenario } = planSweep(base, { product: 'sku-001', axes: [{ parameter: 'reorderPoint', values: [40, 60, 80] }, { parameter: 'orderUpTo', values: [150, 200, 250] }] });
    const expected = JSON.stringify(runExperiment(scenario));
    for (const count of [1, 2, 3]) {
      const { list, variantsRun } = sharingEndpoints(count);
      const progress: number[] = [];
      const response = await runOnPool(list, { scenario, tasks: tasksOf(scenario) }, { onProgress: (done) => progress.push(done) });
      if (!response.ok) throw new Error('invalid');
      expect(JSON.stringify(summarize(scenario, response.results, response.complete))).toBe(expected);
      // every variant of every replication ran through the shared path, spread over every endpoint
      expect(variantsRun.reduce((a, b) => a + b, 0)).toBe(18);
      expect(variantsRun.every((n) => n > 0)).toBe(true);
      expect(progress.at(-1)).toBe(18);
    }
  });
});
