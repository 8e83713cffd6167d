/**
 * Where a command's runs run: on this machine's worker threads (the default), or as jobs of the queue
 * on Redis (--redis URL), taken by `stocklab worker` processes on any machines. The commands are
 * written once against `ExperimentBackend`; both give the same results, byte for byte.
 */
import { summarize, tasksOf, type ExperimentResult, type Task } from '../experiment/replicate.ts';
import type { RunResult } from '../experiment/run.ts';
import type { Scenario } from '../scenario/schema.ts';
import { runExperimentOnThreads, runTasksOnThreads } from '../worker/node/index.ts';
import type { ProgressLine } from './progress.ts';
import { onThreadPool, type ThreadSettings } from './commandKit.ts';
import { onQueue, QueueInterrupted } from './queueKit.ts';
import { err } from './output.ts';

export interface BackendRunOptions {
  replications?: number;
  /** record daily series (default: as the scenario's `output.series` says) */
  series?: boolean;
  /**
   * keep each stock point's KPIs (default true); a command that reads only the network's (a sweep, a
   * comparison) says false: the same network figures, a tenth of the results on a thousand stock points
   */
  stockPoints?: boolean;
  onProgress?(done: number, total: number): void;
  /** polled while the runs run: once true, no new run starts and what finished is kept */
  isCancelled?(): boolean;
}

export interface ExperimentBackend {
  /** where the runs ran, for the report's header (undefined: the worker threads, counted there) */
  where: string | undefined;
  /** every replication of every variant, merged: the bytes of `runExperiment` */
  experiment(scenario: Scenario, options?: BackendRunOptions): Promise<ExperimentResult>;
  /** the given tasks without series, their results (the first ones, in task order, when cancelled) */
  tasks(scenario: Scenario, tasks: Task[], onProgress?: (done: number, total: number) => void, isCancelled?: () => boolean): Promise<RunResult[]>;
}

/**
 * Runs `body` with the backend the command line asks for: worker threads (onThreadPool), or the queue
 * at --redis URL (onQueue), with --tasks-per-job N when given. `graceful`: the command keeps partial
 * results after a first Ctrl-C (on the queue, a command that does not is interrupted once the jobs not
 * started are removed, exit 130).
 */
export function onBackend(
  options: Map<string, unknown>,
  threads: ThreadSettings,
  unit: string,
  body: (backend: ExperimentBackend, progress: ProgressLine, isCancelled: () => boolean) => Promise<number>,
  graceful = false,
): Promise<number> {
  const url = options.get('redis') as string | undefined;
  if (url === undefined) {
    return onThreadPool(threads, unit, (pool, progress, isCancelled) =>
      body(
        {
          where: undefined,
          experiment: (scenario, run = {}) => runExperimentOnThreads(pool, scenario, run),
          tasks: (scenario, tasks, onProgress, isCancelled) => runTasksOnThreads(pool, scenario, tasks, onProgress, isCancelled),
        },
        progress,
        isCancelled,
      ),
    graceful);
  }
  const tasksPerJob = options.get('tasks-per-job') as number | undefined;
  return onQueue(url, unit, async (progress, interrupted) => {
    const { openQueueClient } = await import('../queue/queueClient.ts');
    const client = await openQueueClient(url);
    // the queue's own Ctrl-C, or the body's reason to stop
    const stopWhen = (isCancelled: (() => boolean) | undefined) => () => interrupted() || (isCancelled?.() ?? false);
    const onNoWorker = () => {
      progress.clear();
      err(`stocklab: no worker is taking jobs from the queue at ${url}; start one on any machine with: stocklab worker --redis ${url} (waiting; Ctrl-C to stop)\n`);
    };
    const ran = (outcome: { complete: boolean }) => {
      if (!graceful && !outcome.complete) throw new QueueInterrupted();
    };
    try {
      return await body(
        {
          where: `the queue at ${url}`,
          async experiment(scenario, run = {}) {
            const outcome = await client.runTasks(scenario, tasksOf(scenario, run.replications), { series: run.series, stockPoints: run.stockPoints, tasksPerJob, onProgress: run.onProgress, isCancelled: stopWhen(run.isCancelled), onNoWorker });
            ran(outcome);
            return summarize(scenario, outcome.results, outcome.complete);
          },
          async tasks(scenario, tasks, onProgress, isCancelled) {
            const outcome = await client.runTasks(scenario, tasks, { series: false, tasksPerJob, onProgress, isCancelled: stopWhen(isCancelled), onNoWorker });
            ran(outcome);
            return outcome.results;
          },
        },
        progress,
        interrupted,
      );
    } finally {
      await client.close();
    }
  });
}
