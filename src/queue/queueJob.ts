import type { Task } from '../experiment/replicate.ts';

/** The BullMQ queue the commands add replication jobs to and `stocklab worker` takes them from. */
export const QUEUE_NAME = 'stocklab-replications';

/**
 * One job: a range of an experiment's tasks (replications of variants, in canonical order), with what a
 * worker needs to run them alone and to check it should.
 */
export interface QueueJob {
  /** the experiment's id (experimentIdOf): the same experiment, restarted, has the same */
  experimentId: string;
  /** the validated scenario, `encode`d */
  scenario: string;
  /** sha256 of `scenario`: the worker checks it before running */
  scenarioHash: string;
  /** the Stocklab version that enqueued the job (ENGINE_VERSION); a worker of another refuses it */
  engineVersion: string;
  /** the range: tasks[start, end) of the experiment */
  start: number;
  end: number;
  /** the range's tasks, in canonical order */
  tasks: Task[];
  series?: boolean;
  stockPoints?: boolean;
}

/**
 * The job id of a range: `<experimentId>-<start>-<end>`. Deterministic, so a restarted command adds no
 * duplicate (BullMQ ignores a job added under an id it has); not `:`, which BullMQ rejects in ids.
 */
export function jobIdOf(experimentId: string, start: number, end: number): string {
  return `${experimentId}-${start}-${end}`;
}
