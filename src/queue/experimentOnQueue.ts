import { Queue, QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import { summarize, tasksOf, type ExperimentResult, type Task } from '../experiment/replicate.ts';
import type { RunResult } from '../experiment/run.ts';
import type { Scenario } from '../scenario/schema.ts';
import { decode, encode, sha256 } from './codec.ts';
import { ENGINE_VERSION } from './engineVersion.ts';
import { jobIdOf, QUEUE_NAME, type QueueJob } from './queueJob.ts';
import { rangesOf, type TaskRange } from './ranges.ts';

export interface QueueRunOptions {
  replications?: number;
  /** record daily series (default true: as the scenario's `output.series` says) */
  series?: boolean;
  /** keep each stock point's KPIs (default true) */
  stockPoints?: boolean;
  /** called as tasks finish, on any worker, with (done, total) */
  onProgress?(done: number, total: number): void;
  /**
   * polled while the jobs run: once true, the jobs not yet started are removed, those under way finish,
   * and the replications finished are kept (`complete` false)
   */
  isCancelled?(): boolean;
  /** tasks per job (default: as few as keep the experiment within DEFAULT_MAX_JOBS jobs) */
  tasksPerJob?: number;
  /** the queue (default QUEUE_NAME); the workers take from the same */
  queueName?: string;
  /** how often the jobs' states are read besides the queue's events, ms (default 1000) */
  pollMs?: number;
}

/** A job failed for good (refused by a worker of another version, a broken invariant): its reason. */
export class QueueJobFailed extends Error {
  constructor(readonly jobId: string, readonly reason: string) {
    super(`job ${jobId} failed: ${reason}`);
    this.name = 'QueueJobFailed';
  }
}

/**
 * The experiment's id: a hash of what decides its results (engine version, scenario, tasks, ranges,
 * options), so a restarted command finds the jobs it added before and the ranges already run.
 */
export function experimentIdOf(scenarioHash: string, tasks: ReadonlyArray<Task>, ranges: ReadonlyArray<TaskRange>, series: boolean | undefined, stockPoints: boolean | undefined): string {
  return sha256(JSON.stringify({ engine: ENGINE_VERSION, scenarioHash, tasks, ranges, series: series ?? null, stockPoints: stockPoints ?? null })).slice(0, 16);
}

/**
 * Runs every replication of every variant as jobs of a BullMQ queue on Redis at `url`, each job a range
 * of the experiment's tasks in canonical order (`tasksOf`), run by `stocklab worker` processes on any
 * number of machines; the results are kept by range and merged with the local path's `summarize`, so
 * the ExperimentResult is the same bytes as `runExperiment` and `runExperimentOnThreads`, whatever
 * the number of workers, the order they finish in, or a worker that dies (its job runs again).
 *
 * Job ids are deterministic (`<experimentId>-<start>-<end>`): a restarted command adds no duplicate and
 * collects what already finished. A job lost with Redis (restarted without persistence) is added
 * again. Every job of the experiment is removed from Redis at the end, whatever the outcome. Rejects
 * with `QueueJobFailed` when a job fails for good (a worker of another version refuses it).
 */
export async function runExperimentOnQueue(url: string, scenario: Scenario, options: QueueRunOptions = {}): Promise<ExperimentResult> {
  const tasks = tasksOf(scenario, options.replications);
  const ranges = rangesOf(tasks.length, options.tasksPerJob);
  const encoded = encode(scenario);
  const scenarioHash = sha256(encoded);
  const experimentId = experimentIdOf(scenarioHash, tasks, ranges, options.series, options.stockPoints);
  const ids = ranges.map((range) => jobIdOf(experimentId, range.start, range.end));
  const indexOf = new Map(ids.map((id, i) => [id, i]));
  const jobOf = (i: number): { name: string; data: QueueJob; opts: { jobId: string; removeOnComplete: false; removeOnFail: false } } => ({
    name: 'replications',
    data: {
      experimentId,
      scenario: encoded,
      scenarioHash,
      engineVersion: ENGINE_VERSION,
      start: ranges[i].start,
      end: ranges[i].end,
      tasks: tasks.slice(ranges[i].start, ranges[i].end),
      series: options.series,
      stockPoints: options.stockPoints,
    },
    opts: { jobId: ids[i], removeOnComplete: false, removeOnFail: false },
  });

  const queueName = options.queueName ?? QUEUE_NAME;
  const connection = new Redis(url, { maxRetriesPerRequest: null });
  const eventsConnection = new Redis(url, { maxRetriesPerRequest: null });
  // the events stream carries each job's return value: keep it short, the results are read from the jobs
  const queue = new Queue<QueueJob, string>(queueName, { connection, streams: { events: { maxLen: 100 } } });
  const events = new QueueEvents(queueName, { connection: eventsConnection });
  // connection errors are retried by ioredis (Redis restarted); the jobs' states are the truth
  queue.on('error', () => {});
  events.on('error', () => {});

  const byRange: (RunResult[] | undefined)[] = new Array(ranges.length);
  const doneIn = new Array<number>(ranges.length).fill(0);
  const pending = new Set<number>(ranges.map((_, i) => i));
  let failure: QueueJobFailed | null = null;
  let wake: (() => void) | null = null;
  const nudge = () => wake?.();
  const dirty = new Set<number>();

  const reportProgress = () => options.onProgress?.(doneIn.reduce((sum, done) => sum + done, 0), tasks.length);
  const collect = (i: number, returnvalue: string) => {
    if (!pending.has(i)) return;
    const results = decode<RunResult[]>(returnvalue);
    if (results.length !== ranges[i].end - ranges[i].start) throw new Error(`job ${ids[i]} returned ${results.length} results for ${ranges[i].end - ranges[i].start} tasks`);
    byRange[i] = results;
    doneIn[i] = results.length;
    pending.delete(i);
    reportProgress();
  };

  events.on('progress', ({ jobId, data }) => {
    const i = indexOf.get(jobId);
    if (i === undefined || !pending.has(i) || typeof data !== 'number') return;
    doneIn[i] = Math.min(data, ranges[i].end - ranges[i].start - 1);
    reportProgress();
  });
  events.on('completed', ({ jobId }) => {
    const i = indexOf.get(jobId);
    if (i === undefined) return;
    dirty.add(i);
    nudge();
  });
  events.on('failed', ({ jobId }) => {
    const i = indexOf.get(jobId);
    if (i === undefined) return;
    dirty.add(i);
    nudge();
  });

  /** Reads a range's job: collects its results, notes its failure, adds it again if Redis lost it. */
  const check = async (i: number, cancelled: boolean) => {
    const state = await queue.getJobState(ids[i]);
    if (state === 'completed') {
      const job = await queue.getJob(ids[i]);
      if (job?.returnvalue != null) collect(i, job.returnvalue);
    } else if (state === 'failed') {
      const job = await queue.getJob(ids[i]);
      failure ??= new QueueJobFailed(ids[i], job?.failedReason ?? 'no reason given');
      pending.delete(i);
    } else if (state === 'unknown') {
      if (cancelled) pending.delete(i);
      else await queue.addBulk([jobOf(i)]);
    } else if (cancelled && state !== 'active') {
      // not started: removed; a worker that took it meanwhile holds its lock and remove() says 0
      if ((await queue.remove(ids[i])) === 1) pending.delete(i);
    }
  };

  try {
    await events.waitUntilReady();
    await queue.waitUntilReady();
    // already finished (a restarted command): collected by the first sweep below, not added again
    await queue.addBulk(ranges.map((_, i) => jobOf(i)));
    const pollMs = options.pollMs ?? 1000;
    let sweepAt = 0;
    while (pending.size > 0) {
      const cancelled = failure !== null || (options.isCancelled?.() ?? false);
      const now = performance.now();
      // on cancellation, the last ranges first: the workers take the first waiting, so what finishes
      // stays the first ranges, as on the threads
      const toCheck = cancelled ? [...pending].reverse() : now >= sweepAt ? [...pending] : [...dirty].filter((i) => pending.has(i));
      if (now >= sweepAt) sweepAt = now + pollMs;
      dirty.clear();
      for (const i of toCheck) await check(i, cancelled);
      if (pending.size === 0) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(pollMs, 250));
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = null;
    }
    if (failure !== null) throw failure;
    // the first ranges up to the first missing: a cancelled experiment is a plain run of fewer
    // replications (summarize then keeps the whole ones), never one with holes
    const missing = byRange.findIndex((range) => range === undefined);
    const results = (missing < 0 ? byRange : byRange.slice(0, missing)).flatMap((range) => range ?? []);
    return summarize(scenario, results, results.length === tasks.length);
  } finally {
    // the experiment's jobs leave Redis, whatever happened (a job still locked by a dead worker stays
    // until its lock expires: removed by a later run of the same experiment)
    await Promise.all(ids.map((id) => queue.remove(id).catch(() => 0)));
    // and the events that carried their results (another experiment's listener misses none: it reads
    // its jobs' states too)
    await connection.xtrim(queue.keys.events, 'MAXLEN', 0).catch(() => 0);
    await events.close().catch(() => {});
    await queue.close().catch(() => {});
    connection.disconnect();
    eventsConnection.disconnect();
  }
}
