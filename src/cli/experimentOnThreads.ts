import { summarize, tasksOf, type ExperimentResult } from '../experiment/replicate.ts';
import type { Scenario } from '../scenario/schema.ts';
import { formatIssues } from '../scenario/parse.ts';
import { runOnPool } from '../worker/pool.ts';
import type { ThreadPool } from './threadPool.ts';

export interface ThreadRunOptions {
  replications?: number;
  /** record daily series (default true: as the scenario's `output.series` says) */
  series?: boolean;
  onProgress?(done: number, total: number): void;
}

/**
 * Runs every replication of every variant on the pool's worker threads and merges the results in
 * canonical order: the same ExperimentResult, byte for byte, as `runExperiment` in one thread.
 * Rejects if a worker dies or the engine throws.
 */
export async function runExperimentOnThreads(pool: ThreadPool, scenario: Scenario, options: ThreadRunOptions = {}): Promise<ExperimentResult> {
  const tasks = tasksOf(scenario, options.replications);
  const response = await Promise.race([
    runOnPool(pool.endpoints, { scenario, tasks, series: options.series }, { onProgress: options.onProgress }),
    pool.failure,
  ]);
  if (!response.ok) {
    // the scenario was valid here; a worker that disagrees is a bug, not bad input
    throw new Error(`a worker rejected the scenario:\n${formatIssues('scenario', response.issues).join('\n')}`);
  }
  return summarize(scenario, response.results, response.complete);
}
