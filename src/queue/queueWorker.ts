import { Worker, UnrecoverableError, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import * as Comlink from 'comlink';
import { formatIssues } from '../scenario/parse.ts';
import { startThreadPool, type ThreadPool } from '../worker/node/threadPool.ts';
import { decode, encodeBytes, sha256 } from './codec.ts';
import { ENGINE_VERSION } from './engineVersion.ts';
import { ORPHAN_SECONDS, QUEUE_NAME, queueKeys, type QueueJob } from './queueJob.ts';
import { runOnPool } from '../worker/pool.ts';

export interface QueueWorkerOptions {
  /** jobs run at once, each on a worker thread of its own (default 1) */
  concurrency?: number;
  /** each worker thread's heap limit, MB (default: the pool's) */
  memoryMb?: number;
  /**
   * BullMQ's lock on a job, ms (default 30 s): renewed by this process's main thread while the job runs
   * in a worker thread; a worker that dies or freezes loses it, and the job runs again elsewhere
   */
  lockDurationMs?: number;
  /** how often stalled jobs (their lock lost) are looked for, ms (default: BullMQ's, 30 s) */
  stalledIntervalMs?: number;
  /** the queue (default QUEUE_NAME); the commands add to the same */
  queueName?: string;
  /** one line per job done, refused or failed */
  onLog?(line: string): void;
}

export interface QueueWorker {
  /** Waits for the jobs under way, then stops (a second call, or `force`, stops at once). */
  close(force?: boolean): Promise<void>;
  /** Rejects when a worker thread fails (then the process should end: its jobs run again elsewhere). */
  failure: Promise<never>;
}

/**
 * Takes replication jobs from the queue on Redis at `url` and runs each in a worker thread of the
 * Node pool (src/worker/node/threadPool.ts), the same engine path as a local run; the main thread stays
 * free to renew BullMQ's locks, however long a replication runs. A job of another Stocklab version, or
 * whose scenario does not match its hash, is refused: it fails at once, not retried, with a message
 * saying why (the command that enqueued it reports it).
 */
export async function startQueueWorker(url: string, options: QueueWorkerOptions = {}): Promise<QueueWorker> {
  const concurrency = options.concurrency ?? 1;
  const queueName = options.queueName ?? QUEUE_NAME;
  if (!(Number.isSafeInteger(concurrency) && concurrency >= 1)) throw new Error(`startQueueWorker: expected a whole number of jobs at once >= 1, got ${concurrency}`);
  const pool: ThreadPool = startThreadPool(concurrency, options.memoryMb);
  const free = [...pool.endpoints];
  let poolFailed = false;
  pool.failure.catch(() => (poolFailed = true));
  const log = options.onLog ?? (() => {});

  // the scenarios of the last few experiments, read from Redis once each (checked against their hash);
  // the results written there too
  const scenarioConnection = new Redis(url, { maxRetriesPerRequest: null });
  scenarioConnection.on('error', () => {});
  const scenarios = new Map<string, unknown>();
  const scenarioOf = async (data: QueueJob): Promise<{ scenario: unknown } | { missing: true } | { damaged: true }> => {
    const key = `${data.scenarioKey}\u0000${data.scenarioHash}`;
    if (scenarios.has(key)) return { scenario: scenarios.get(key) };
    const encoded = await scenarioConnection.get(data.scenarioKey);
    if (encoded === null) return { missing: true };
    if (sha256(encoded) !== data.scenarioHash) return { damaged: true };
    const scenario = decode(encoded);
    if (scenarios.size >= 4) scenarios.delete(scenarios.keys().next().value!);
    scenarios.set(key, scenario);
    return { scenario };
  };

  /**
   * Stores a job's results only while this worker still holds the job's lock, in one step: a worker
   * frozen past its lock, thawed, would otherwise write results after the experiment was cleaned up.
   */
  const storeIfLocked = (jobId: string, token: string, bytes: Buffer): Promise<number> =>
    scenarioConnection.eval(
      "if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('SET', KEYS[2], ARGV[2], 'EX', ARGV[3]) return 1 end return 0",
      2,
      queueKeys.lock(queueName, jobId),
      queueKeys.result(queueName, jobId),
      token,
      bytes,
      ORPHAN_SECONDS,
    ) as Promise<number>;

  const run = async (job: Job<QueueJob, string>, token?: string): Promise<string> => {
    const data = job.data;
    // the version first: a job of another version may carry work of another shape
    if (data.engineVersion !== ENGINE_VERSION) {
      const message = `refused by a worker of another Stocklab version: the job needs Stocklab ${data.engineVersion}, this worker runs ${ENGINE_VERSION} (scenario sha256 ${String(data.scenarioHash).slice(0, 12)}); run workers of the command's version`;
      log(`job ${job.id}: ${message}`);
      throw new UnrecoverableError(message);
    }
    const work = data.work;
    const what = `job ${job.id} (${work.kind === 'tasks' ? `tasks ${work.start}-${work.end - 1}` : `part ${work.parts.join(', ')} of ${work.chunks} of task ${work.task}`} of experiment ${data.experimentId})`;
    const stored = await scenarioOf(data);
    if ('missing' in stored) {
      // Redis restarted and lost it: the command stores it again, and the job is tried again
      const message = `its scenario is not in Redis (${data.scenarioKey}); trying again`;
      log(`${what}: ${message}`);
      throw new Error(message);
    }
    if ('damaged' in stored) {
      const message = `refused: the scenario does not match its hash (sha256 ${data.scenarioHash.slice(0, 12)}); it was damaged on its way`;
      log(`${what}: ${message}`);
      throw new UnrecoverableError(message);
    }
    const scenario = stored.scenario;
    const endpoint = free.pop();
    if (endpoint === undefined) throw new Error(`startQueueWorker: no free worker thread for ${what} (more jobs at once than threads)`);
    const started = performance.now();
    let reported = 0;
    const onDone = (done: number) => {
      if (done <= reported) return;
      reported = done;
      void job.updateProgress(done).catch(() => {});
    };
    try {
      let returned: Buffer;
      try {
        returned = await runWork(data, scenario, endpoint, onDone);
      } catch (error) {
        // the engine stopped the run (an event storm, a broken invariant): the same on any worker, so
        // not tried again; a dead thread (out of memory) ends this process instead, and its job runs elsewhere
        if (poolFailed || error instanceof UnrecoverableError) throw error;
        const message = error instanceof Error ? error.message : String(error);
        log(`${what}: failed: ${message}`);
        throw new UnrecoverableError(message);
      }
      // the results as bytes under their own key; the job returns their hash, which the command checks
      if ((await storeIfLocked(job.id!, token!, returned)) !== 1) {
        log(`${what}: lost its lock (frozen or cut off too long): its results are dropped, the job runs elsewhere`);
        throw new Error('lost its lock before storing its results');
      }
      log(`${what}: done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      return sha256(returned);
    } finally {
      free.push(endpoint);
    }
  };

  /** Runs a job's work on a worker thread: its results (or part runs), encoded. */
  const runWork = async (data: QueueJob, scenario: unknown, endpoint: (typeof pool.endpoints)[number], onDone: (done: number) => void): Promise<Buffer> => {
    const work = data.work;
    if (work.kind === 'tasks') {
      // through the pool's scheduling on this one thread: a range holding several variants of a
      // replication runs their common stock points once (runSharing), with the same bytes
      const response = await Promise.race([runOnPool([endpoint], { scenario, tasks: work.tasks, series: data.series, stockPoints: data.stockPoints }, { onProgress: onDone }), pool.failure]);
      if (!response.ok) throw new UnrecoverableError(`the worker rejected the scenario:\n${formatIssues('scenario', response.issues).join('\n')}`);
      if (!response.complete || response.results.length !== work.tasks.length) throw new Error(`a worker thread returned ${response.results.length} results for ${work.tasks.length} tasks`);
      return encodeBytes(response.results);
    } else {
      const onPartDone = Comlink.proxy(onDone);
      const response = await Promise.race([endpoint.runParts({ scenario, variant: work.variant, chunks: work.chunks, replication: work.replication, parts: work.parts, series: data.series }, onPartDone), pool.failure]);
      if (!response.ok) throw new UnrecoverableError(`the worker rejected the scenario:\n${formatIssues('scenario', response.issues).join('\n')}`);
      if (response.runs.length !== work.parts.length) throw new Error(`a worker thread returned ${response.runs.length} part runs for ${work.parts.length} parts`);
      return encodeBytes(response.runs);
    }
  };

  const connection = new Redis(url, { maxRetriesPerRequest: null });
  const worker = new Worker<QueueJob, string>(queueName, run, {
    connection,
    concurrency,
    lockDuration: options.lockDurationMs ?? 30_000,
    ...(options.stalledIntervalMs !== undefined ? { stalledInterval: options.stalledIntervalMs } : {}),
    // a job whose worker died runs again; one that stalls this often is a fault, reported as failed
    maxStalledCount: 5,
  });
  worker.on('failed', (job, error) => {
    if (job && !(error instanceof UnrecoverableError)) log(`job ${job.id}: failed: ${error.message}`);
  });
  // connection errors (Redis restarted) are retried by ioredis; say so rather than crash
  worker.on('error', (error) => log(`queue: ${error.message}`));
  await worker.waitUntilReady();

  let closing: Promise<void> | null = null;
  return {
    failure: pool.failure,
    close(force = false) {
      if (closing !== null && !force) return closing;
      closing = (async () => {
        await worker.close(force);
        await pool.terminate();
        connection.disconnect();
        scenarioConnection.disconnect();
      })();
      return closing;
    },
  };
}
