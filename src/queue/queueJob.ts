import type { Task } from '../experiment/replicate.ts';

/** The BullMQ queue the commands add replication jobs to and `stocklab worker` takes them from. */
export const QUEUE_NAME = 'stocklab-replications';

/**
 * What one job runs: a range of the experiment's tasks (whole replications of variants, in canonical
 * order), or some of the independent parts of one task's replication (a very large network run by
 * several workers at once; the command merges the parts' runs into the whole run's bytes).
 */
export type JobWork =
  | { kind: 'tasks'; start: number; end: number; tasks: Task[] }
  | {
      kind: 'parts';
      /** the task's index in the experiment */
      task: number;
      variant: number;
      replication: number;
      /** the parts are those of `chunkPlan(planParts(scenario, variant), chunks)` */
      chunks: number;
      parts: number[];
    };

/**
 * One job, with what a worker needs to run it alone and to check it should. The version and the hash
 * come first in what a worker reads: a job of another version may carry work of another shape.
 */
export interface QueueJob {
  /** the Stocklab version that enqueued the job (ENGINE_VERSION); a worker of another refuses it */
  engineVersion: string;
  /** the experiment's id (experimentIdOf): the same experiment, restarted, has the same */
  experimentId: string;
  /**
   * the Redis key holding the validated scenario, `encode`d: stored once per experiment, not in each
   * job (a sweep's scenario of 400 variants is half a megabyte, and an experiment may have thousands of jobs)
   */
  scenarioKey: string;
  /** sha256 of the encoded scenario: the worker checks it before running */
  scenarioHash: string;
  work: JobWork;
  series?: boolean;
  stockPoints?: boolean;
}

/**
 * The job id of a unit of work: `<experimentId>-<start>-<end>` for a range of tasks,
 * `<experimentId>-<task>p<first>-<last>` for parts of one task. Deterministic, so a restarted command
 * adds no duplicate (BullMQ ignores a job added under an id it has); not `:`, which BullMQ rejects.
 */
export function jobIdOf(experimentId: string, work: JobUnit): string {
  if (work.kind === 'parts') return `${experimentId}-${work.task}p${work.parts[0]}-${work.parts[work.parts.length - 1]}`;
  return `${experimentId}-${work.start}-${work.end}`;
}

/** A job's work without the tasks it lists (they follow from the range): what the plan and the ids need. */
export type JobUnit = { kind: 'tasks'; start: number; end: number } | Extract<JobWork, { kind: 'parts' }>;

/**
 * The keys beside BullMQ's own, under its prefix: an experiment's scenario (stored once, read by every
 * job), the commands waiting for it, and each job's results (stored by the worker as bytes, not as the
 * job's return value, which BullMQ writes twice, into the job and into its event stream, as JSON text).
 */
export const queueKeys = {
  scenario: (queueName: string, experimentId: string) => `bull:${queueName}:scenario:${experimentId}`,
  holders: (queueName: string, experimentId: string) => `bull:${queueName}:holders:${experimentId}`,
  result: (queueName: string, jobId: string) => `bull:${queueName}:result:${jobId}`,
  /** BullMQ's own lock on a job: its worker's token while the lock holds (bullmq's moveToActive script) */
  lock: (queueName: string, jobId: string) => `bull:${queueName}:${jobId}:lock`,
};

/**
 * How long an experiment's results, jobs and scenario stay in Redis when no command collects them (all
 * killed, none run again): a week, then Redis drops them. A command that ends removes them at once.
 */
export const ORPHAN_SECONDS = 7 * 24 * 3600;
