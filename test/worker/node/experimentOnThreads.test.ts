import { describe, expect, it } from 'vitest';
import { runExperimentOnThreads } from '../../../src/worker/node/experimentOnThreads.ts';
import { loadScenario } from '../../../src/cli/loadScenario.ts';
import { WorkerOutOfMemory, type ThreadPool } from '../../../src/worker/node/threadPool.ts';
import { createSimApi } from '../../../src/worker/api.ts';
import type { RunTasksRequest } from '../../../src/worker/api.ts';

const loaded = loadScenario('scenarios/01-newsvendor.json', { replications: 12, horizonDays: 60 });
if (!loaded.ok) throw new Error(loaded.lines.join('\n'));
const scenario = loaded.scenario;

/**
 * Two endpoints: a working one, and one that runs out of memory (its call never returns, the pool's
 * `failure` rejects) once the working one has returned `batchesFirst` batches.
 */
function poolWithOneDying(batchesFirst: number) {
  const api = createSimApi();
  const returned: { variant: string; replication: number }[] = [];
  let batches = 0;
  let fail: (error: Error) => void = () => {};
  const failure = new Promise<never>((_, reject) => (fail = reject));
  failure.catch(() => {});
  let dyingCalled = false;
  const working = {
    async runTasks(request: RunTasksRequest, onTaskDone?: (done: number) => void) {
      const response = await api.runTasks(request, onTaskDone);
      if (response.ok) returned.push(...response.results.map((run) => ({ variant: run.variant, replication: run.replication })));
      if (++batches === batchesFirst && dyingCalled) setTimeout(() => fail(new WorkerOutOfMemory(64)), 0);
      return response;
    },
  };
  const dying = {
    runTasks() {
      dyingCalled = true;
      return new Promise<never>(() => {});
    },
  };
  const pool = { endpoints: [working, dying], failure, memoryLimitMb: 64, terminate: async () => {} } as unknown as ThreadPool;
  return { pool, returned };
}

describe('runExperimentOnThreads when a worker runs out of memory', () => {
  it('keeps the replications finished elsewhere, marked incomplete, for a caller that keeps partial results', async () => {
    const { pool, returned } = poolWithOneDying(3);
    const result = await runExperimentOnThreads(pool, scenario, { series: false, isCancelled: () => false });
    expect(result.complete).toBe(false);
    const perReplication = new Map<number, number>();
    for (const run of returned) perReplication.set(run.replication, (perReplication.get(run.replication) ?? 0) + 1);
    const whole = [...perReplication.values()].filter((count) => count === 2).length;
    expect(whole).toBeGreaterThan(0);
    expect(result.replications).toBe(whole);
    expect(result.replications).toBeLessThan(12);
  });

  it('rejects with the out-of-memory error for a caller that keeps nothing partial', async () => {
    const { pool } = poolWithOneDying(1);
    await expect(runExperimentOnThreads(pool, scenario, { series: false })).rejects.toBeInstanceOf(WorkerOutOfMemory);
  });
});
