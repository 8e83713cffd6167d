import type { Task } from '../experiment/replicate.ts';
import { estimateRun } from '../experiment/runBudget.ts';
import { chunkPlan, planParts } from '../experiment/parts.ts';
import { variantsOf } from '../model/build.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { JobUnit } from './queueJob.ts';
import { rangesOf } from './ranges.ts';

export interface JobPlanOptions {
  /** a fixed number of tasks per job (no parts), instead of jobs sized by their estimated time */
  tasksPerJob?: number;
  /** about how long a job should run on one core, s (default DEFAULT_JOB_SECONDS) */
  jobSeconds?: number;
  /** record daily series (as the run will): part of the time estimate */
  series?: boolean;
}

/**
 * A job should last seconds: BullMQ's round trip per job is about a millisecond (shared/NOTES.md), so
 * 5 s keeps the queue's share near 0.02%, and a job lost with a dead worker costs 5 s to run again.
 */
export const DEFAULT_JOB_SECONDS = 5;
/**
 * An experiment is cut into at least this many jobs when each can still last MIN_JOB_SECONDS (or the
 * seconds asked per job, if fewer), so a few machines share even a short one.
 */
export const MIN_JOBS = 16;
export const MIN_JOB_SECONDS = 0.5;
/** Jobs an experiment may have at most: each holds its scenario in Redis until the experiment ends. */
export const MAX_JOBS = 5_000;
/**
 * With fewer tasks than this, each estimated to run longer than two jobs should, a task's replication
 * is split into its independent parts (src/experiment/parts.ts), so that a fleet's workers share even
 * one replication of a very large network.
 */
export const PARTS_BELOW_TASKS = 32;
/** At most this many part jobs per task: a chunk of parts costs its own cut and build (parts.ts chunkPlan). */
export const MAX_CHUNKS = 64;

/**
 * The jobs of an experiment: consecutive ranges of its tasks sized by the time the run budget
 * estimates for them (src/experiment/runBudget.ts: arithmetic on the scenario, no run), or the
 * independent parts of few long replications. Depends on nothing but the scenario, the tasks and the
 * options, never on the workers or the machine, so a restarted command plans the same job ids.
 */
export function planJobs(scenario: Scenario, tasks: ReadonlyArray<Task>, options: JobPlanOptions = {}): JobUnit[] {
  if (options.tasksPerJob !== undefined) return rangesOf(tasks.length, options.tasksPerJob).map((range) => ({ kind: 'tasks', ...range }));
  const jobSeconds = options.jobSeconds ?? DEFAULT_JOB_SECONDS;
  if (!(jobSeconds > 0 && Number.isFinite(jobSeconds))) throw new Error(`planJobs: expected seconds per job > 0, got ${jobSeconds}`);
  const secondsPerTask = estimateRun(scenario, { replications: 1, series: options.series }).seconds / variantsOf(scenario).length;
  if (tasks.length < PARTS_BELOW_TASKS && secondsPerTask >= 2 * jobSeconds) return partJobs(scenario, tasks, Math.min(MAX_CHUNKS, Math.ceil(secondsPerTask / jobSeconds)));
  let perJob = Math.max(1, Math.floor(jobSeconds / secondsPerTask));
  if (Math.ceil(tasks.length / perJob) < MIN_JOBS) perJob = Math.max(Math.ceil(tasks.length / MIN_JOBS), Math.ceil(Math.min(MIN_JOB_SECONDS, jobSeconds) / secondsPerTask));
  perJob = Math.max(1, Math.min(perJob, tasks.length), Math.ceil(tasks.length / MAX_JOBS));
  return rangesOf(tasks.length, perJob).map((range) => ({ kind: 'tasks', ...range }));
}

/** Each task's replication as `chunks` jobs of its parts; a task whose variant does not fall apart, one job. */
function partJobs(scenario: Scenario, tasks: ReadonlyArray<Task>, chunks: number): JobUnit[] {
  const counts = new Map<number, number>();
  const countOf = (variant: number) => {
    let count = counts.get(variant);
    if (count === undefined) {
      const plan = chunkPlan(planParts(scenario, variant), chunks);
      count = plan.apart ? plan.parts.length : 0;
      counts.set(variant, count);
    }
    return count;
  };
  return tasks.flatMap((task, index): JobUnit[] => {
    const count = countOf(task.variant);
    if (count < 2) return [{ kind: 'tasks', start: index, end: index + 1 }];
    return Array.from({ length: count }, (_, part) => ({ kind: 'parts', task: index, variant: task.variant, replication: task.replication, chunks, parts: [part] }));
  });
}
