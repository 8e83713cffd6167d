import { summarize, tasksOf, type ExperimentResult, type Task } from '../experiment/replicate.ts';
import type { RunResult } from '../experiment/run.ts';
import type { Scenario } from '../scenario/schema.ts';
import { formatIssues } from '../scenario/parse.ts';
import { runOnPool } from '../worker/pool.ts';
import type { ThreadPool } from './threadPool.ts';

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
 * Rejects if a worker dies or the engine throws.
 */
export async function runExperimentOnThreads(pool: ThreadPool, scenario: Scenario, options: ThreadRunOptions = {}): Promise<ExperimentResult> {
  const tasks = tasksOf(scenario, options.replications);
  const response = await Promise.race([
    runOnPool(pool.endpoints, { scenario, tasks, series: options.series, stockPoints: options.stockPoints }, { onProgress: options.onProgress, isCancelled: options.isCancelled }),
    pool.failure,
  ]);
  if (!response.ok) {
    // the scenario was valid here; a worker that disagrees is a bug, not bad input
    throw new Error(`a worker rejected the scenario:\n${formatIssues('scenario', response.issues).join('\n')}`);
  }
  return summarize(scenario, response.results, response.complete);
}

/** Runs the given tasks (replications of variants) on the pool's threads; their results, in any order. */
export async function runTasksOnThreads(
  pool: ThreadPool,
  scenario: Scenario,
  tasks: Task[],
  onProgress?: (done: number, total: number) => void,
  isCancelled?: () => boolean,
): Promise<RunResult[]> {
  const response = await Promise.race([runOnPool(pool.endpoints, { scenario, tasks, series: false }, { onProgress, isCancelled }), pool.failure]);
  if (!response.ok) throw new Error(`a worker rejected the scenario:\n${formatIssues('scenario', response.issues).join('\n')}`);
  return response.results;
}
