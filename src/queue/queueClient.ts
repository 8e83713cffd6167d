import { randomUUID } from 'node:crypto';
import { Queue, QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import type { Task } from '../experiment/replicate.ts';
import type { RunResult } from '../experiment/run.ts';
import { chunkPlan, mergeParts, planParts, type PartRun } from '../experiment/parts.ts';
import type { Scenario } from '../scenario/schema.ts';
import { decodeBytes, encode, sha256 } from './codec.ts';
import { ENGINE_VERSION } from './engineVersion.ts';
import { planJobs, type JobPlanOptions } from './jobPlan.ts';
import { jobIdOf, ORPHAN_SECONDS, QUEUE_NAME, queueKeys, type JobUnit, type QueueJob } from './queueJob.ts';

export interface QueueTaskOptions extends Omit<JobPlanOptions, 'series'> {
  /** record daily series (default true: as the scenario's `output.series` says) */
  series?: boolean;
  /** keep each stock point's KPIs (default true) */
  stockPoints?: boolean;
  /** called as the jobs progress, on any worker, with (done, total) in tasks (a part done counts as its share of its task) */
  onProgress?(done: number, total: number): void;
  /**
   * polled while the jobs run: once true, the jobs not yet started are removed (unless another command
   * waits for the same experiment), those under way finish, and the first tasks finished are kept
   */
  isCancelled?(): boolean;
  /** how often the jobs' states are read besides the queue's events, ms (default 1000) */
  pollMs?: number;
  /** called once when no worker has taken a job NO_WORKER_NOTICE_MS after they were added, and none is connected */
  onNoWorker?(): void;
}

export interface QueueClientOptions {
  /** the queue (default QUEUE_NAME); the workers take from the same */
  queueName?: string;
}

/** The tasks finished: the first ones, in task order, up to the first not finished. */
export interface QueueTasksOutcome {
  results: RunResult[];
  complete: boolean;
}

/** A command's connection to the queue: runs tasks as jobs, as many times as it needs, then closes. */
export interface QueueClient {
  runTasks(scenario: Scenario, tasks: ReadonlyArray<Task>, options?: QueueTaskOptions): Promise<QueueTasksOutcome>;
  close(): Promise<void>;
}

/** A job failed for good (refused by a worker of another version, a broken invariant): its reason. */
export class QueueJobFailed extends Error {
  constructor(readonly jobId: string, readonly reason: string) {
    super(`job ${jobId} failed: ${reason}`);
    this.name = 'QueueJobFailed';
  }
}

/**
 * A command holds each experiment it waits for in a sorted set, scored by when it last said so; one
 * whose connection to Redis is gone (killed: the kernel closes its socket) no longer holds it. Where
 * Redis refuses CLIENT LIST (some hosted ones), one silent for HOLDER_SILENT_MS no longer does.
 */
const HOLDER_RENEW_MS = 5_000;
const HOLDER_SILENT_MS = 60_000;
const HOLDER_NAME_PREFIX = 'stocklab-command-';
/** A command whose jobs nobody has taken this long after adding them looks for workers, and says if there are none. */
const NO_WORKER_NOTICE_MS = 5_000;
/** Jobs whose states a command reads at once when it looks at them all. */
const CHECKS_AT_ONCE = 256;

/**
 * The experiment's id: a hash of what decides its results (engine version, scenario, tasks, jobs,
 * options), so a restarted command finds the jobs it added before and what already ran.
 */
export function experimentIdOf(scenarioHash: string, tasks: ReadonlyArray<Task>, units: ReadonlyArray<JobUnit>, series: boolean | undefined, stockPoints: boolean | undefined): string {
  return sha256(JSON.stringify({ engine: ENGINE_VERSION, scenarioHash, tasks, units, series: series ?? null, stockPoints: stockPoints ?? null })).slice(0, 16);
}

/**
 * Opens a connection to the queue on Redis at `url`. Each `runTasks` adds the tasks as jobs (planned
 * by `planJobs`: ranges of tasks sized by their estimated time, or the independent parts of a few long
 * replications), follows them (the queue's events, and every job's state each `pollMs`), and returns
 * the results by task, merged from the parts where a task ran as parts, the bytes of the local run.
 *
 * Job ids are deterministic (jobIdOf, under the experiment's hash): a restarted command adds no
 * duplicate and collects what already finished; a job Redis lost (restarted without persistence) is
 * added again. Two commands running the same experiment at once share its jobs: each holds it in a
 * Redis sorted set, and the last one to finish removes the jobs, whatever the outcome. Rejects with
 * `QueueJobFailed` when a job fails for good (a worker of another version refuses it).
 */
export async function openQueueClient(url: string, options: QueueClientOptions = {}): Promise<QueueClient> {
  const queueName = options.queueName ?? QUEUE_NAME;
  const connection = new Redis(url, { maxRetriesPerRequest: null });
  const eventsConnection = new Redis(url, { maxRetriesPerRequest: null });
  // the events stream carries each job's return value: keep it short, the results are read from the jobs
  const queue = new Queue<QueueJob, string>(queueName, { connection, streams: { events: { maxLen: 100 } } });
  const events = new QueueEvents(queueName, { connection: eventsConnection });
  // connection errors are retried by ioredis (Redis restarted); the jobs' states are the truth
  queue.on('error', () => {});
  events.on('error', () => {});
  const holder = randomUUID();
  // its name tells the other commands this one is alive (CLIENT LIST); ioredis names it again on reconnecting
  const holderConnection = new Redis(url, { maxRetriesPerRequest: null, connectionName: `${HOLDER_NAME_PREFIX}${holder}` });
  holderConnection.on('error', () => {});
  await events.waitUntilReady();
  await queue.waitUntilReady();
  const nowMs = async () => {
    const [seconds, micros] = await holderConnection.time();
    return Number(seconds) * 1000 + Math.floor(Number(micros) / 1000);
  };
  /** The commands connected now, by their holder ids; null where Redis refuses CLIENT LIST. */
  const connectedHolders = async (): Promise<Set<string> | null> => {
    try {
      const list = String(await holderConnection.client('LIST'));
      return new Set([...list.matchAll(new RegExp(`name=${HOLDER_NAME_PREFIX}(\\S+)`, 'g'))].map((match) => match[1]));
    } catch {
      return null;
    }
  };

  const runTasks = async (scenario: Scenario, tasks: ReadonlyArray<Task>, taskOptions: QueueTaskOptions = {}): Promise<QueueTasksOutcome> => {
    const units = planJobs(scenario, tasks, taskOptions);
    const encoded = encode(scenario);
    const scenarioHash = sha256(encoded);
    const experimentId = experimentIdOf(scenarioHash, tasks, units, taskOptions.series, taskOptions.stockPoints);
    const holdersKey = queueKeys.holders(queueName, experimentId);
    const scenarioKey = queueKeys.scenario(queueName, experimentId);
    const ids = units.map((unit) => jobIdOf(experimentId, unit));
    const indexOf = new Map(ids.map((id, i) => [id, i]));
    const jobOf = (i: number) => {
      const unit = units[i];
      return {
        name: 'replications',
        data: {
          engineVersion: ENGINE_VERSION,
          experimentId,
          scenarioKey,
          scenarioHash,
          work: unit.kind === 'tasks' ? { ...unit, tasks: tasks.slice(unit.start, unit.end) } : unit,
          series: taskOptions.series,
          stockPoints: taskOptions.stockPoints,
        } satisfies QueueJob,
        // tried again when a worker finds no scenario (Redis restarted: the command stores it again);
        // kept until the command removes them, or a week if none does (every command killed)
        opts: { jobId: ids[i], removeOnComplete: { age: ORPHAN_SECONDS }, removeOnFail: { age: ORPHAN_SECONDS }, attempts: 5, backoff: { type: 'fixed', delay: 1000 } },
      };
    };

    // what a unit reports progress in (tasks, or parts), and what it is worth in tasks
    const stepsOf = (unit: JobUnit) => (unit.kind === 'tasks' ? unit.end - unit.start : unit.parts.length);
    const weightOf = (unit: JobUnit) => (unit.kind === 'tasks' ? unit.end - unit.start : unit.parts.length / countOfTask(unit.task));
    const partCounts = new Map<number, number>();
    for (const unit of units) if (unit.kind === 'parts') partCounts.set(unit.task, (partCounts.get(unit.task) ?? 0) + unit.parts.length);
    const countOfTask = (task: number) => partCounts.get(task)!;

    const byTask: (RunResult | undefined)[] = new Array(tasks.length);
    const partRuns = new Map<number, PartRun[]>();
    const stepsDone = new Array<number>(units.length).fill(0);
    const pending = new Set<number>(units.map((_, i) => i));
    let failure: QueueJobFailed | null = null;
    let wake: (() => void) | null = null;
    const dirty = new Set<number>();

    // tasks done, a unit's steps counting as their share of its weight; kept as a sum, not added up again at each event
    let tasksDone = 0;
    const setSteps = (i: number, steps: number) => {
      tasksDone += (weightOf(units[i]) * (steps - stepsDone[i])) / stepsOf(units[i]);
      stepsDone[i] = steps;
      // parts' shares (1/12 ...) summed in floating point: rounded so that a finished task counts as 1
      taskOptions.onProgress?.(Math.round(tasksDone * 1e9) / 1e9, tasks.length);
    };
    const collect = (i: number, bytes: Buffer) => {
      if (!pending.has(i)) return;
      const unit = units[i];
      if (unit.kind === 'tasks') {
        const results = decodeBytes<RunResult[]>(bytes);
        if (results.length !== unit.end - unit.start) throw new Error(`job ${ids[i]} returned ${results.length} results for ${unit.end - unit.start} tasks`);
        results.forEach((result, k) => (byTask[unit.start + k] = result));
      } else {
        const runs = decodeBytes<PartRun[]>(bytes);
        if (runs.length !== unit.parts.length) throw new Error(`job ${ids[i]} returned ${runs.length} part runs for ${unit.parts.length} parts`);
        const ran = [...(partRuns.get(unit.task) ?? []), ...runs];
        partRuns.set(unit.task, ran);
        if (ran.length === countOfTask(unit.task)) {
          // the whole replication, merged here as runApart (src/worker/pool.ts) merges it: the same bytes
          const plan = chunkPlan(planParts(scenario, unit.variant), unit.chunks);
          byTask[unit.task] = mergeParts(scenario, unit.variant, plan, ran, { series: taskOptions.series ?? true, stockPoints: taskOptions.stockPoints ?? true });
          partRuns.delete(unit.task);
        }
      }
      pending.delete(i);
      setSteps(i, stepsOf(unit));
    };

    const onProgress = ({ jobId, data }: { jobId: string; data: unknown }) => {
      const i = indexOf.get(jobId);
      if (i === undefined || !pending.has(i) || typeof data !== 'number') return;
      setSteps(i, Math.min(data, stepsOf(units[i]) - 1));
    };
    const onSettled = ({ jobId }: { jobId: string }) => {
      const i = indexOf.get(jobId);
      if (i === undefined) return;
      dirty.add(i);
      wake?.();
    };
    events.on('progress', onProgress);
    events.on('completed', onSettled);
    events.on('failed', onSettled);

    /** Whether another command still waits for this experiment (then it removes the jobs when done). */
    const othersHold = async () => {
      const connected = await connectedHolders();
      if (connected === null) await holderConnection.zremrangebyscore(holdersKey, '-inf', (await nowMs()) - HOLDER_SILENT_MS);
      const others = (await holderConnection.zrange(holdersKey, 0, -1)).filter((other) => other !== holder);
      const gone = connected === null ? [] : others.filter((other) => !connected.has(other));
      if (gone.length > 0) await holderConnection.zrem(holdersKey, ...gone);
      return others.length > gone.length;
    };
    let renewedAt = -Infinity;
    const hold = async () => {
      await holderConnection.zadd(holdersKey, await nowMs(), holder);
      await holderConnection.pexpire(holdersKey, HOLDER_SILENT_MS);
      renewedAt = performance.now();
    };

    /** Reads a job: collects its results, notes its failure, adds it again if Redis lost it. */
    const check = async (i: number, cancelled: boolean, shared: boolean) => {
      const state = await queue.getJobState(ids[i]);
      if (state === 'completed') {
        const job = await queue.getJob(ids[i]);
        if (job?.returnvalue == null) return;
        const bytes = await holderConnection.getBuffer(queueKeys.result(queueName, ids[i]));
        if (bytes !== null && sha256(bytes) === job.returnvalue) collect(i, bytes);
        else if (!cancelled) {
          // its results lost (Redis restarted between the two, or they expired): run it again
          await queue.remove(ids[i]);
          await holderConnection.set(scenarioKey, encoded, 'EX', ORPHAN_SECONDS);
          await queue.addBulk([jobOf(i)]);
        } else pending.delete(i);
      } else if (state === 'failed') {
        const job = await queue.getJob(ids[i]);
        failure ??= new QueueJobFailed(ids[i], job?.failedReason ?? 'no reason given');
        pending.delete(i);
      } else if (state === 'unknown') {
        if (cancelled) pending.delete(i);
        else {
          // lost with Redis: its scenario too
          await holderConnection.set(scenarioKey, encoded, 'EX', ORPHAN_SECONDS);
          await queue.addBulk([jobOf(i)]);
        }
      } else if (cancelled && shared) {
        // another command waits for this job: left to it
        pending.delete(i);
      } else if (cancelled && state !== 'active') {
        // not started: removed; a worker that took it meanwhile holds its lock and remove() says 0
        if ((await queue.remove(ids[i])) === 1) pending.delete(i);
      }
    };

    try {
      await hold();
      await holderConnection.set(scenarioKey, encoded, 'EX', ORPHAN_SECONDS);
      // already finished (a restarted command): collected by the first sweep below, not added again
      await queue.addBulk(units.map((_, i) => jobOf(i)));
      const pollMs = taskOptions.pollMs ?? 1000;
      const addedAt = performance.now();
      let lookedForWorkers = taskOptions.onNoWorker === undefined;
      let sweepAt = 0;
      let shared: boolean | null = null;
      while (pending.size > 0) {
        const cancelled = failure !== null || (taskOptions.isCancelled?.() ?? false);
        if (cancelled && shared === null) shared = await othersHold();
        const now = performance.now();
        if (now - renewedAt >= HOLDER_RENEW_MS) await hold();
        // on cancellation, the last jobs first: the workers take the first waiting, so what finishes
        // stays the first tasks, as on the threads
        const toCheck = cancelled ? [...pending].reverse() : now >= sweepAt ? [...pending] : [...dirty].filter((i) => pending.has(i));
        if (!lookedForWorkers && now - addedAt >= NO_WORKER_NOTICE_MS) {
          lookedForWorkers = true;
          // BullMQ finds its workers by their connections' names (CLIENT LIST, which a hosted Redis may refuse: then nothing is said)
          const untouched = stepsDone.every((steps) => steps === 0) && pending.size === units.length;
          if (untouched && (await queue.getWorkersCount().catch(() => 1)) === 0) taskOptions.onNoWorker!();
        }
        if (now >= sweepAt) sweepAt = now + pollMs;
        dirty.clear();
        if (cancelled) for (const i of toCheck) await check(i, cancelled, shared === true);
        else {
          // a few hundred reads at once on the one connection (Redis answers them in a stream): a
          // sweep of thousands of jobs then takes milliseconds, not a round trip each
          for (let from = 0; from < toCheck.length; from += CHECKS_AT_ONCE) await Promise.all(toCheck.slice(from, from + CHECKS_AT_ONCE).map((i) => check(i, false, false)));
        }
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
      // the first tasks up to the first missing: a cancelled experiment is a plain run of fewer tasks,
      // never one with holes
      const missing = byTask.findIndex((result) => result === undefined);
      const results = (missing < 0 ? byTask : byTask.slice(0, missing)) as RunResult[];
      return { results, complete: results.length === tasks.length };
    } finally {
      events.off('progress', onProgress);
      events.off('completed', onSettled);
      events.off('failed', onSettled);
      // the experiment's jobs leave Redis when no other command waits for them (a job still locked by a
      // dead worker stays until its lock expires: removed by a later run of the same experiment)
      await holderConnection.zrem(holdersKey, holder).catch(() => 0);
      if (!(await othersHold().catch(() => true))) {
        await Promise.all(ids.map((id) => queue.remove(id).catch(() => 0)));
        await holderConnection.del(holdersKey, scenarioKey, ...ids.map((id) => queueKeys.result(queueName, id))).catch(() => 0);
      }
    }
  };

  return {
    runTasks,
    async close() {
      // the events that carried the results (another command's listener misses none: it reads its jobs' states too)
      await connection.xtrim(queue.keys.events, 'MAXLEN', 0).catch(() => 0);
      await events.close().catch(() => {});
      await queue.close().catch(() => {});
      connection.disconnect();
      eventsConnection.disconnect();
      holderConnection.disconnect();
    },
  };
}
