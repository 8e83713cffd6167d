/**
 * `npm run bench -- --redis`: experiments on the queue (BullMQ on Redis, issue 20), timed on this
 * machine, and projected to several.
 *
 * It starts a Redis of its own (test/fixtures/redisServer.ts: Debian's redis-server on a free port of
 * 127.0.0.1, never 6379, no persistence), then times the same experiment three ways:
 *   1. locally, on a pool of 1 worker thread (the engine path every queue job takes);
 *   2. on the queue, with 1 `stocklab worker --concurrency 1` process;
 *   3. on the queue, with 2 such processes;
 * checks that both queue results are the local result byte for byte (JSON.stringify), and derives the
 * queue's overhead per job, (1-worker wall - local wall) / jobs, with the CPU each process spent
 * (Redis, the command, the workers) to say where it goes. Before each timing, a short warm-up
 * experiment (30 days, another seed) starts the worker threads and compiles the engine in them, so the
 * figures are the steady state a long experiment sees, not thread start-up. With --repeat N, N rounds
 * of the three timings (so a busy spell of the host falls on all three alike), the fastest of each kept.
 *
 * Every process it starts (the workers, Redis) is stopped at the end, on an error and on Ctrl-C.
 *
 *   npm run bench -- --redis [--scenario F] [--days D] [--replications N] [--tasks-per-job N]
 *                            [--cores C] [--no-stock-points] [--repeat N] [--json]
 */
import { readFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { Redis } from 'ioredis';
import { loadScenario } from '../src/cli/loadScenario.ts';
import { formatNumber, formatSeconds } from '../src/cli/format.ts';
import { summarize, tasksOf } from '../src/experiment/replicate.ts';
import { runExperimentOnQueue } from '../src/queue/experimentOnQueue.ts';
import { decodeBytes, encode, encodeBytes } from '../src/queue/codec.ts';
import { rangesOf } from '../src/queue/ranges.ts';
import type { Scenario } from '../src/scenario/schema.ts';
import { runExperimentOnThreads } from '../src/worker/node/experimentOnThreads.ts';
import { startThreadPool } from '../src/worker/node/threadPool.ts';
import { startRedisServer, type RedisServer } from '../test/fixtures/redisServer.ts';
import { startWorkerProcess, type WorkerProcess } from '../test/queue/queueProcesses.ts';

const WARMUP_DAYS = 30;
/** Redis' network, for the projection's third bound: 1 Gbit/s */
const NETWORK_BYTES_PER_SECOND = 125e6;
const MACHINES = [1, 2, 4, 8, 16, 32];

export interface QueueBenchOptions {
  file: string;
  /** the scenario's horizon, days (default: the file's) */
  days?: number;
  replications: number;
  tasksPerJob: number;
  /** cores per machine in the projection */
  cores: number;
  /** keep each stock point's KPIs in the results (default true, as `stocklab run --redis` does) */
  stockPoints?: boolean;
  /** rounds of the three timings (local, 1 worker, 2 workers); the fastest of each is kept (default 1) */
  repeats?: number;
  progress(text: string): void;
}

/** CPU seconds (user + system) spent during a timing, by whom. */
export interface CpuSeconds {
  /** Redis' main thread (INFO cpu): the serial part every job goes through */
  redis: number;
  /** this process: the command's side (enqueue, follow, decode, merge) */
  command: number;
  /** the worker processes, all their threads (/proc/PID/stat); null off Linux */
  workers: number | null;
}

export interface QueueTiming {
  workerProcesses: number;
  wallSeconds: number;
  replicationsPerSecond: number;
  /** jobs each worker process ran, from its log */
  jobsPerWorker: number[];
  /** a job's time on its worker thread, as the workers log it (to 0.1 s): mean, s */
  jobOnWorkerSeconds: number | null;
  cpuSeconds: CpuSeconds;
  /** the same bytes as the local run's JSON */
  identical: boolean;
}

export interface ProjectionRow {
  machines: number;
  cores: number;
  replicationsPerSecond: number;
  /** of the ideal (every core running replications, no overhead) */
  efficiency: number;
  limitedBy: 'workers' | 'Redis and the command' | "Redis' network";
}

export interface QueueBench {
  scenario: string;
  horizonDays: number;
  stockPoints: boolean;
  /** rounds of the three timings; the fastest of each is kept */
  repeats: number;
  /** the host's 1-minute load average before and after: above the cores, other work shared them */
  loadAverage: { before: number; after: number };
  replications: number;
  tasksPerJob: number;
  jobs: number;
  machineCores: number;
  cpuModel: string;
  /** the encoded scenario each job carries (base64), and the results of the first job in V8's format, bytes */
  scenarioBytesPerJob: number;
  resultBytesPerJob: number;
  local: { wallSeconds: number; replicationsPerSecond: number; jobSeconds: number; cpuSeconds: number };
  workers1: QueueTiming;
  workers2: QueueTiming;
  speedup: number;
  overheadPerJob: {
    /** (1-worker queue wall - local wall) / jobs */
    wallMs: number;
    /** as a % of a job's run time (local wall / jobs) */
    percentOfJob: number;
    /** (1 worker's CPU - the local run's CPU) / jobs, ms: the worker's side, less noisy than wall */
    workerCpuMs: number | null;
    /** Redis' and the command's CPU per job, ms (1 worker): the serial cost */
    serialCpuMs: number;
    /** of which decoding a job's results (V8's deserializer) in the command, ms */
    decodeMs: number;
    /** and merging a job's results (summarize; the command does it once for all, as a local run does), ms */
    mergeMs: number;
  };
  projection: { model: string; coresPerMachine: number; rows: ProjectionRow[] };
}

export async function benchQueue(options: QueueBenchOptions): Promise<QueueBench> {
  const scenario = load(options.file, options.days);
  const warmup: Scenario = { ...scenario, horizonDays: Math.min(WARMUP_DAYS, scenario.horizonDays), warmupDays: 0, seed: 'warm-up' };
  const jobs = rangesOf(options.replications, options.tasksPerJob).length;
  const { progress } = options;
  const stockPoints = options.stockPoints ?? true;
  const repeats = options.repeats ?? 1;
  const loadBefore = loadavg()[0];

  const pool = startThreadPool(1);
  let redis: RedisServer | null = null;
  const workers: WorkerProcess[] = [];
  const stopAll = async () => {
    await Promise.all(workers.splice(0).map((worker) => stopWorker(worker)));
    await redis?.stop();
    redis = null;
    await pool.terminate();
  };
  // Ctrl-C or a kill: the workers and Redis go too (the fixtures' exit hooks SIGKILL them as a last resort)
  const onSignal = (signal: NodeJS.Signals) => {
    process.stderr.write(`bench: ${signal}: stopping the workers and Redis\n`);
    void stopAll().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    // the local run, on 1 worker thread (the engine path of every queue job): the reference for the
    // bytes and for the overhead
    await runExperimentOnThreads(pool, warmup, { replications: 2, series: false });
    let localJson: string | null = null;
    const timeLocal = async (): Promise<QueueBench['local']> => {
      progress(`local: ${options.replications} replications on 1 worker thread...\n`);
      const cpu = process.cpuUsage();
      const start = performance.now();
      const result = await runExperimentOnThreads(pool, scenario, { replications: options.replications, series: false, stockPoints });
      const wallSeconds = (performance.now() - start) / 1000;
      const used = process.cpuUsage(cpu);
      localJson ??= JSON.stringify(result);
      return { wallSeconds, replicationsPerSecond: options.replications / wallSeconds, jobSeconds: wallSeconds / jobs, cpuSeconds: (used.user + used.system) / 1e6 };
    };

    redis = await startRedisServer();
    const url = redis.url;
    const server = redis;
    /** The experiment on `count` worker processes (started, or the extra ones stopped, and warmed up first). */
    const time = async (count: number): Promise<QueueTiming> => {
      while (workers.length > count) await stopWorker(workers.pop()!);
      while (workers.length < count) workers.push(await startWorkerProcess(url, '--concurrency', '1'));
      // enough short jobs that every worker process takes one (its thread starts and compiles the
      // engine) while the others are busy
      await runExperimentOnQueue(url, warmup, { replications: 3 * count, tasksPerJob: 1, series: false });
      progress(`queue: ${options.replications} replications as ${jobs} jobs on ${count} worker process${count === 1 ? '' : 'es'}...\n`);
      const logged = workers.map((worker) => jobTimes(worker.log()).length);
      const before = await cpuNow(server, workers);
      const start = performance.now();
      const result = await runExperimentOnQueue(url, scenario, { replications: options.replications, tasksPerJob: options.tasksPerJob, series: false, stockPoints });
      const wallSeconds = (performance.now() - start) / 1000;
      const after = await cpuNow(server, workers);
      const times = workers.map((worker, i) => jobTimes(worker.log()).slice(logged[i]));
      const allTimes = times.flat();
      return {
        workerProcesses: count,
        wallSeconds,
        replicationsPerSecond: options.replications / wallSeconds,
        jobsPerWorker: times.map((each) => each.length),
        jobOnWorkerSeconds: allTimes.length === 0 ? null : allTimes.reduce((sum, t) => sum + t, 0) / allTimes.length,
        cpuSeconds: {
          redis: after.redis - before.redis,
          command: after.command - before.command,
          workers: after.workers === null || before.workers === null ? null : after.workers - before.workers,
        },
        identical: JSON.stringify(result) === localJson,
      };
    };

    // rounds of the three ways, so a busy spell of the host falls on all three alike; the fastest of each
    // is kept (noise only ever adds time)
    const rounds: { local: QueueBench['local']; workers1: QueueTiming; workers2: QueueTiming }[] = [];
    for (let round = 0; round < repeats; round++) {
      if (repeats > 1) progress(`round ${round + 1} of ${repeats}\n`);
      rounds.push({ local: await timeLocal(), workers1: await time(1), workers2: await time(2) });
    }
    const fastestOf = <T extends { wallSeconds: number }>(each: T[]): T => each.reduce((best, timing) => (timing.wallSeconds < best.wallSeconds ? timing : best));
    const localTiming = fastestOf(rounds.map((r) => r.local));
    const workers1 = { ...fastestOf(rounds.map((r) => r.workers1)), identical: rounds.every((r) => r.workers1.identical) };
    const workers2 = { ...fastestOf(rounds.map((r) => r.workers2)), identical: rounds.every((r) => r.workers2.identical) };

    // what a job returns through Redis: the first job's results, encoded as a worker does (untimed)
    const firstJob = tasksOf(scenario, options.replications).slice(0, Math.min(options.tasksPerJob, options.replications));
    const response = await pool.endpoints[0].runTasks({ scenario, tasks: firstJob, series: false, stockPoints });
    if (!response.ok) throw new Error('the worker thread rejected the scenario');
    // as the worker stores them: V8's bytes under a key of their own (src/queue/queueWorker.ts)
    const encoded = encodeBytes(response.results);
    const resultBytesPerJob = encoded.length;
    // the part of the command's CPU that only turns a job's results back into objects (fastest of 3)
    let decodeMs = Infinity;
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      decodeBytes(encoded);
      decodeMs = Math.min(decodeMs, performance.now() - start);
    }
    // and the part that merges them (summarize, once at the end: its cost grows with the replications)
    const mergeStart = performance.now();
    summarize(scenario, response.results, true);
    const mergeMs = performance.now() - mergeStart;

    const jobSeconds = localTiming.wallSeconds / jobs;
    const wallMs = ((workers1.wallSeconds - localTiming.wallSeconds) / jobs) * 1000;
    const serialCpuMs = ((workers1.cpuSeconds.redis + workers1.cpuSeconds.command) / jobs) * 1000;
    const workerCpuMs = workers1.cpuSeconds.workers === null ? null : ((workers1.cpuSeconds.workers - localTiming.cpuSeconds) / jobs) * 1000;
    const scenarioBytesPerJob = encode(scenario).length;
    return {
      scenario: options.file,
      horizonDays: scenario.horizonDays,
      stockPoints,
      repeats,
      loadAverage: { before: loadBefore, after: loadavg()[0] },
      replications: options.replications,
      tasksPerJob: options.tasksPerJob,
      jobs,
      machineCores: availableParallelism(),
      cpuModel: cpus()[0]?.model ?? 'unknown',
      scenarioBytesPerJob,
      resultBytesPerJob,
      local: localTiming,
      workers1,
      workers2,
      speedup: workers1.wallSeconds / workers2.wallSeconds,
      overheadPerJob: { wallMs, percentOfJob: (wallMs / 1000 / jobSeconds) * 100, workerCpuMs, serialCpuMs, decodeMs, mergeMs },
      projection: project({
        jobSeconds,
        overheadSeconds: Math.max(0, wallMs) / 1000,
        serialSeconds: serialCpuMs / 1000,
        networkSeconds: (scenarioBytesPerJob + resultBytesPerJob) / NETWORK_BYTES_PER_SECOND,
        tasksPerJob: options.tasksPerJob,
        cores: options.cores,
      }),
    };
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await stopAll();
  }
}

/**
 * The projection to N machines of c cores, each running `stocklab worker --concurrency c`:
 *   a job costs its run time R plus the queue's overhead o on a worker (in parallel across workers),
 *   and a serial cost s in Redis and the command (one thread each, every job goes through them), and
 *   its bytes b (scenario in, results out) cross Redis' network link:
 *   jobs/s = min(N c / (R + o), 1 / s, link / b); replications/s = jobs/s x tasks per job.
 * Not modelled: the network's round trips (a LAN adds about a millisecond per job to o), machines of
 * other speeds, and experiments of fewer jobs than cores (the commands size jobs at about 5 s each).
 */
export function project(input: { jobSeconds: number; overheadSeconds: number; serialSeconds: number; networkSeconds: number; tasksPerJob: number; cores: number }): QueueBench['projection'] {
  const { jobSeconds: R, overheadSeconds: o, serialSeconds: s, networkSeconds: b, tasksPerJob, cores } = input;
  const rows = MACHINES.map((machines): ProjectionRow => {
    const workers = machines * cores;
    const bounds: [number, ProjectionRow['limitedBy']][] = [
      [workers / (R + o), 'workers'],
      [s > 0 ? 1 / s : Infinity, 'Redis and the command'],
      [b > 0 ? 1 / b : Infinity, "Redis' network"],
    ];
    const [jobsPerSecond, limitedBy] = bounds.reduce((least, bound) => (bound[0] < least[0] ? bound : least));
    const ideal = (workers / R) * tasksPerJob;
    return { machines, cores: workers, replicationsPerSecond: jobsPerSecond * tasksPerJob, efficiency: (jobsPerSecond * tasksPerJob) / ideal, limitedBy };
  });
  return {
    model:
      'jobs/s = min(N·c / (R + o), 1 / s, 1 Gbit/s / b): R a job\'s run time (local 1-thread wall / jobs), o the queue\'s overhead per job on a worker ((1-worker queue wall - local wall) / jobs, at least 0), ' +
      's the serial cost per job (CPU of Redis and of the command per job, 1 worker), b the bytes per job (scenario in, results out); replications/s = jobs/s × tasks per job',
    coresPerMachine: cores,
    rows,
  };
}

export function queueReport(bench: QueueBench): string {
  const { local, workers1: one, workers2: two, overheadPerJob: overhead } = bench;
  const seconds = (value: number) => formatSeconds(value);
  const rate = (value: number) => `${formatNumber(value, 2)} replications/s`;
  const cpu = (timing: QueueTiming) =>
    `CPU: Redis ${seconds(timing.cpuSeconds.redis)}, command ${seconds(timing.cpuSeconds.command)}${timing.cpuSeconds.workers === null ? '' : `, workers ${seconds(timing.cpuSeconds.workers)}`}`;
  const busy = (timing: QueueTiming) =>
    timing.cpuSeconds.workers === null ? '' : ` (${formatNumber(((timing.cpuSeconds.redis + timing.cpuSeconds.command + timing.cpuSeconds.workers) / timing.wallSeconds / bench.machineCores) * 100, 0)}% of the ${bench.machineCores} cores)`;
  const lines = [
    `bench (queue, BullMQ on Redis): ${bench.scenario}, ${bench.horizonDays} days${bench.stockPoints ? '' : ', stock points\' KPIs not kept'}`,
    `${bench.replications} replications, ${bench.tasksPerJob} per job: ${bench.jobs} jobs; series off; ${bench.repeats === 1 ? 'each way timed once' : `the fastest of ${bench.repeats} rounds`}`,
    `this machine: ${bench.machineCores} cores (${bench.cpuModel}); load average ${formatNumber(bench.loadAverage.before, 1)} before, ${formatNumber(bench.loadAverage.after, 1)} after${Math.max(bench.loadAverage.before, bench.loadAverage.after) > bench.machineCores ? ' (other work shared the cores: the wall times, and what is derived from them, are not reliable)' : ''}`,
    `each job carries the scenario (${formatNumber(bench.scenarioBytesPerJob / 1024, 0)} KiB encoded) and returns ${formatNumber(bench.resultBytesPerJob / 1024, 0)} KiB of results (V8's format)`,
    `  local, 1 worker thread       ${seconds(local.wallSeconds)}  ${rate(local.replicationsPerSecond)}  (a job's run time ${seconds(local.jobSeconds)})`,
    `  queue, 1 worker process      ${seconds(one.wallSeconds)}  ${rate(one.replicationsPerSecond)}  jobs ${one.jobsPerWorker.join('')}; ${cpu(one)}${busy(one)}`,
    `  queue, 2 worker processes    ${seconds(two.wallSeconds)}  ${rate(two.replicationsPerSecond)}  jobs ${two.jobsPerWorker.join(' + ')}; ${cpu(two)}${busy(two)}`,
    `  speed-up, 2 vs 1 workers     ${formatNumber(bench.speedup, 2)}x  (goal: at least 1.9x)`,
    `  result                       ${one.identical && two.identical ? 'byte-identical to the local run (JSON.stringify), with 1 and with 2 workers' : `DIFFERS from the local run (1 worker: ${one.identical ? 'same' : 'differs'}, 2 workers: ${two.identical ? 'same' : 'differs'})`}`,
    `queue overhead per job (1 worker):`,
    `  wall, (queue - local) / jobs ${formatNumber(overhead.wallMs, 1)} ms = ${formatNumber(overhead.percentOfJob, 2)}% of a job's run time (goal: under 2%)${overhead.wallMs < 0 ? '; below zero: the host\'s noise exceeds the overhead' : ''}`,
    ...(overhead.workerCpuMs === null ? [] : [`  the worker's CPU, (queue - local) / jobs  ${formatNumber(overhead.workerCpuMs, 1)} ms`]),
    `  Redis' and the command's CPU / jobs      ${formatNumber(overhead.serialCpuMs, 1)} ms (the serial part; of it, decoding a job's results ${formatNumber(overhead.decodeMs, 1)} ms, merging them ${formatNumber(overhead.mergeMs, 1)} ms)`,
    ...(one.jobOnWorkerSeconds === null ? [] : [`  a job on its worker thread (its log)     ${seconds(one.jobOnWorkerSeconds)} (1 worker), ${two.jobOnWorkerSeconds === null ? '?' : seconds(two.jobOnWorkerSeconds)} (2 workers)`]),
    `projection to N machines of ${bench.projection.coresPerMachine} cores (a worker with --concurrency ${bench.projection.coresPerMachine} on each):`,
    `  ${bench.projection.model}`,
    '  machines  cores  replications/s  efficiency  limited by',
    ...bench.projection.rows.map(
      (row) => `  ${String(row.machines).padStart(8)}  ${String(row.cores).padStart(5)}  ${formatNumber(row.replicationsPerSecond, 1).padStart(14)}  ${`${formatNumber(row.efficiency * 100, 1)}%`.padStart(10)}  ${row.limitedBy}`,
    ),
    `  (an experiment needs at least as many jobs as cores: the commands make jobs of about 5 s each)`,
  ];
  return lines.join('\n') + '\n';
}

function load(file: string, days: number | undefined): Scenario {
  const loaded = loadScenario(file, days === undefined ? {} : { horizonDays: days });
  if (!loaded.ok) throw new Error(`${file}:\n${loaded.lines.join('\n')}`);
  return loaded.scenario;
}

/** The run time of each job a worker process reported done so far (one log line each: `done in 1.4 s`), s. */
function jobTimes(log: string): number[] {
  return [...log.matchAll(/: done in ([\d.]+) s/g)].map((match) => Number(match[1]));
}

/** SIGTERM (no job is under way once an experiment ended); SIGKILL if it has not left within 10 s. */
async function stopWorker(worker: WorkerProcess): Promise<void> {
  const timer = setTimeout(() => void worker.stop('SIGKILL'), 10_000);
  try {
    await worker.stop('SIGTERM');
  } finally {
    clearTimeout(timer);
  }
}

/** The CPU seconds spent so far by Redis' main thread, this process and the worker processes. */
async function cpuNow(redis: RedisServer, workers: WorkerProcess[]): Promise<CpuSeconds> {
  const client = new Redis(redis.url, { maxRetriesPerRequest: 1 });
  try {
    const info = await client.info('cpu');
    const field = (name: string) => Number(new RegExp(`^${name}:([\\d.]+)`, 'm').exec(info)?.[1] ?? NaN);
    const main = field('used_cpu_user_main_thread') + field('used_cpu_sys_main_thread');
    const own = process.cpuUsage();
    return { redis: Number.isFinite(main) ? main : field('used_cpu_user') + field('used_cpu_sys'), command: (own.user + own.system) / 1e6, workers: workersCpu(workers) };
  } finally {
    client.disconnect();
  }
}

/** user + system CPU of the processes, all their threads, from /proc (Linux); null elsewhere. */
function workersCpu(workers: WorkerProcess[]): number | null {
  let ticks = 0;
  try {
    for (const worker of workers) {
      const stat = readFileSync(`/proc/${worker.child.pid}/stat`, 'utf8');
      // the fields after the command name (in parentheses, which may hold spaces): utime is the 14th field
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    }
  } catch {
    return null;
  }
  return ticks / 100; // USER_HZ, 100 on Linux
}
