import { summarize, tasksOf, type ExperimentResult } from '../experiment/replicate.ts';
import type { Scenario } from '../scenario/schema.ts';
import { openQueueClient, type QueueClientOptions, type QueueTaskOptions } from './queueClient.ts';

export interface QueueRunOptions extends QueueTaskOptions, QueueClientOptions {
  replications?: number;
}

/**
 * Runs every replication of every variant as jobs of a BullMQ queue on Redis at `url`, run by
 * `stocklab worker` processes on any number of machines (src/queue/queueClient.ts), and merges the
 * results with the local path's `summarize`: the ExperimentResult is the same bytes as
 * `runExperiment` and `runExperimentOnThreads`, whatever the number of workers, the order they finish
 * in, or a worker that dies (its job runs again). Cancelled (`isCancelled`), it is a plain run of the
 * replications every variant finished (`complete` false).
 */
export async function runExperimentOnQueue(url: string, scenario: Scenario, options: QueueRunOptions = {}): Promise<ExperimentResult> {
  const client = await openQueueClient(url, options);
  try {
    const { results, complete } = await client.runTasks(scenario, tasksOf(scenario, options.replications), options);
    return summarize(scenario, results, complete);
  } finally {
    await client.close();
  }
}
