import { summarize, tasksOf, type ExperimentResult, type Task } from '../../experiment/replicate.ts';
import type { RunResult } from '../../experiment/run.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { formatIssues } from '../../scenario/parse.ts';
import { runOnPool, type PoolRequest, type PoolResponse } from '../pool.ts';
import { WorkerOutOfMemory, type ThreadPool } from './threadPool.ts';

export interface ThreadRunOptions {
  replications?: number;
  /** record daily series (default true: as the scenario's `output.series` says) */
  series?: boolean;
  /** keep each stock point's KPIs (default true) */
  stockPoints?: boolean;
  onProgress?(done: number, total: number): void;
  /** polled between batches: when true, no new batch starts and the replications finished are kept */
  isCancelled?(): boolean;
}

/**
 * Runs every replication of every variant on the pool's worker threads and merges the results in
 * canonical order: the same ExperimentResult, byte for byte, as `runExperiment` in one thread.
 * Rejects if a worker dies or the engine throws; except that a caller keeping partial results (it
 * passes `isCancelled`) gets those finished when a worker runs out of memory, as after a Ctrl-C
 * (`complete` false), and `onThreadPool` says why.
 */
export async function runExperimentOnThreads(pool: ThreadPool, scenario: Scenario, options: ThreadRunOptions = {}): Promise<ExperimentResult> {
  const tasks = tasksOf(scenario, options.replications);
  const { results, complete } = await runKeepingFinished(pool, { scenario, parsed: scenario, tasks, series: options.series, stockPoints: options.stockPoints }, options.onProgress, options.isCancelled);
  return summarize(scenario, results, complete);
}

/** Runs the given tasks (replications of variants) on the pool's threads; their results, in any order. */
export async function runTasksOnThreads(
  pool: ThreadPool,
  scenario: Scenario,
  tasks: Task[],
  onProgress?: (done: number, total: number) => void,
  isCancelled?: () => boolean,
): Promise<RunResult[]> {
  return (await runKeepingFinished(pool, { scenario, parsed: scenario, tasks, series: false }, onProgress, isCancelled)).results;
}

async function runKeepingFinished(
  pool: ThreadPool,
  request: PoolRequest,
  onProgress: ((done: number, total: number) => void) | undefined,
  isCancelled: (() => boolean) | undefined,
): Promise<{ results: RunResult[]; complete: boolean }> {
  const finished: RunResult[] = [];
  let response: PoolResponse;
  try {
    response = await Promise.race([runOnPool(pool.endpoints, request, { onProgress, isCancelled, onResults: (results) => finished.push(...results) }), pool.failure]);
  } catch (error) {
    // the dead worker's call never returns: keep what the others handed back so far
    if (error instanceof WorkerOutOfMemory && isCancelled) return { results: finished, complete: false };
    throw error;
  }
  if (!response.ok) {
    // the scenario was valid here; a worker that disagrees is a bug, not bad input
    throw new Error(`a worker rejected the scenario:\n${formatIssues('scenario', response.issues).join('\n')}`);
  }
  return { results: response.results, complete: response.complete };
}
