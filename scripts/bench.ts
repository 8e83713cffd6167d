/**
 * Speed benchmark on scenarios/bench/retail-1000.json (bench-A of shared/NOTES.md): one replication
 * in this thread, then 20 replications on 1 and on 2 worker threads, through the same pool as the CLI.
 *
 * npm run bench                  readable report
 * npm run bench -- --json        one JSON object on stdout, nothing else
 * npm run bench -- --quick       the single replication only
 * npm run bench -- --scenario F  another scenario file
 * npm run bench -- --repeat N    time the single replication N times (default 3) and report the fastest
 * npm run bench -- --import      the import benchmark instead (scripts/benchImport.ts): 1,000 SKUs x 2 years
 *                                of daily sales imported, fitted and run, in Node and Chromium
 * npm run bench -- --recommend   the recommendation benchmark instead: stocklab recommend on a range of
 *                                1,000 SKUs (scripts/rangeScenario.ts), fill rate 95%, on 2 workers
 *                                (--skus N, --workers N)
 * npm run bench -- --sweep       the sweep benchmark instead: a 20 x 20 grid of (s, S) for one SKU of
 *                                bench-A, 10 replications per point, on 1 and on 2 workers
 *                                (--grid N for N x N, --replications N, --days D to scale it down,
 *                                --workers N to time on N threads only)
 * npm run bench -- --redis       the queue benchmark instead (scripts/benchQueue.ts): an experiment on
 *                                BullMQ and Redis (its own redis-server on a free port) with 1 and 2
 *                                `stocklab worker` processes against the local run, the overhead per
 *                                job, the projection to N machines (--replications N, --tasks-per-job N,
 *                                --days D, --scenario F, --cores C per machine in the projection,
 *                                --no-stock-points to keep only network and product KPIs,
 *                                --repeat N to time each way N times and keep the fastest)
 *
 * Why the fastest of a few: the replication is deterministic (the same events every time), so the
 * spread between repeats is the host's noise (other tenants, frequency changes), which only ever
 * adds time; the minimum is the best estimate of what the code costs. Every repeat is listed.
 */
import { resourceUsage } from 'node:process';
import { fileURLToPath } from 'node:url';
import { runReplication } from '../src/experiment/run.ts';
import { parseArgs, wholeNumberAtLeast } from '../src/cli/args.ts';
import { loadScenario } from '../src/cli/loadScenario.ts';
import { startThreadPool } from '../src/worker/node/threadPool.ts';
import { runExperimentOnThreads } from '../src/worker/node/experimentOnThreads.ts';
import { formatNumber, formatSeconds } from '../src/cli/format.ts';
import type { Scenario } from '../src/scenario/schema.ts';
import { planSweep } from '../src/experiment/sweep.ts';
import { recommend, type RecommendSpec } from '../src/experiment/recommend.ts';
import { parseScenario } from '../src/scenario/parse.ts';
import { rangeScenario } from './rangeScenario.ts';
import { recommendInChromium } from './benchRecommendBrowser.ts';
import { benchImport, importReport } from './benchImport.ts';
import { timeHandLoop, timeKernelAlone, type HandLoop, type KernelAlone } from './benchKernel.ts';
import { benchQueue, queueReport } from './benchQueue.ts';

const DEFAULT_SCENARIO = fileURLToPath(new URL('../scenarios/bench/retail-1000.json', import.meta.url));
/** the JIT warm-up run covers this many days of the scenario before the timed replication */
const WARMUP_DAYS = 30;

interface SingleReplication {
  /** the fastest repeat */
  wallSeconds: number;
  /** every repeat's wall time, in the order they ran */
  wallSecondsEach: number[];
  /** CPU time of this thread's process over the replication (readable report only: on a busy machine it is the fairer figure) */
  cpuSeconds?: number;
  events: number;
  eventsPerSecond: number;
  peakMemoryMiB: number;
  fillRate: number | null;
}

interface ParallelRun {
  replications: number;
  wallSeconds: number;
}

interface SweepBench {
  grid: [number, number];
  replicationsPerPoint: number;
  days: number;
  runs: number;
  workers1?: { wallSeconds: number };
  workers2?: { wallSeconds: number };
}

export interface BenchResult {
  replication: SingleReplication;
  /** bench-A's model on the bare kernel (scripts/benchKernel.ts): the floor under the engine; default scenario only */
  kernelAlone?: KernelAlone;
  /** the hand-written loop of ../shared/bench, side by side (calendar queue); default scenario only, when it is there */
  handLoop?: HandLoop | null;
  workers1?: ParallelRun;
  workers2?: ParallelRun;
  /** one replication on 1 and on 2 worker threads: on 2 it runs as chunks of its independent parts (src/experiment/parts.ts) */
  single1?: ParallelRun;
  single2?: ParallelRun;
  /** the same on a pool already running (threads started, engine loaded and compiled by a first replication): the speed-up a sweep or the app sees */
  warmSingle1?: { wallSeconds: number };
  warmSingle2?: { wallSeconds: number };
}

function fail(message: string): never {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(2);
}

function load(file: string, horizonDays?: number): Scenario {
  const loaded = loadScenario(file, horizonDays === undefined ? {} : { horizonDays });
  if (!loaded.ok) fail(`\n${loaded.lines.join('\n')}`);
  return loaded.scenario;
}

/**
 * One replication (variant 0, replication 0, series off) after a short warm-up run of the same model,
 * timed `repeats` times; the fastest repeat is reported.
 */
function timeOneReplication(file: string, repeats: number): SingleReplication {
  runReplication({ ...load(file), horizonDays: WARMUP_DAYS, warmupDays: 0 }, 0, 0, { series: false });
  const scenario = load(file);
  const wallSecondsEach: number[] = [];
  let fastest = { wallSeconds: Infinity, cpuSeconds: 0, run: null as ReturnType<typeof runReplication> | null };
  for (let repeat = 0; repeat < repeats; repeat++) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    const run = runReplication(scenario, 0, 0, { series: false });
    const wallSeconds = (performance.now() - start) / 1000;
    const cpu = process.cpuUsage(cpuStart);
    wallSecondsEach.push(wallSeconds);
    if (fastest.run !== null && run.events !== fastest.run.events) throw new Error('two repeats of the same replication differ: the engine is not deterministic');
    if (wallSeconds < fastest.wallSeconds) fastest = { wallSeconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, run };
  }
  const { wallSeconds, cpuSeconds, run } = fastest as { wallSeconds: number; cpuSeconds: number; run: ReturnType<typeof runReplication> };
  return {
    wallSeconds,
    wallSecondsEach,
    cpuSeconds,
    events: run.events,
    eventsPerSecond: run.events / wallSeconds,
    // peak resident set of the process so far (KiB): parse, warm-up and this replication, no worker yet
    peakMemoryMiB: resourceUsage().maxRSS / 1024,
    fillRate: run.network.kpis.fillRate,
  };
}

/**
 * One replication on a pool already running: the threads are started and a first replication (seed
 * "warm-up") loads and compiles the engine in them; then replication 0 of the scenario's seed is timed.
 */
async function timeWarmReplication(file: string, workers: number): Promise<{ wallSeconds: number }> {
  const scenario = load(file);
  const pool = startThreadPool(workers);
  try {
    await runExperimentOnThreads(pool, { ...scenario, seed: 'warm-up' }, { replications: 1, series: false });
    const start = performance.now();
    const result = await runExperimentOnThreads(pool, scenario, { replications: 1, series: false });
    if (!result.complete) throw new Error('the run stopped before the replication finished');
    return { wallSeconds: (performance.now() - start) / 1000 };
  } finally {
    await pool.terminate();
  }
}

/** Replications on `workers` threads, timed from starting the threads to the merged result. */
async function timeOnThreads(file: string, workers: number, replications: number): Promise<ParallelRun> {
  const scenario = load(file);
  const start = performance.now();
  const pool = startThreadPool(workers);
  try {
    const result = await runExperimentOnThreads(pool, scenario, { replications });
    if (!result.complete) throw new Error('the run stopped before every replication finished');
  } finally {
    await pool.terminate();
  }
  return { replications, wallSeconds: (performance.now() - start) / 1000 };
}

function report(result: BenchResult, file: string): string {
  const r = result.replication;
  const lines = [
    `bench: ${file}`,
    `one replication (in this thread, series off, after a ${WARMUP_DAYS}-day warm-up run for the JIT; fastest of ${r.wallSecondsEach.length}):`,
    `  events        ${formatNumber(r.events, 0)}`,
    `  wall time     ${formatSeconds(r.wallSeconds)}${r.cpuSeconds === undefined ? '' : ` (CPU ${formatSeconds(r.cpuSeconds)})`}; every repeat: ${r.wallSecondsEach.map(formatSeconds).join(', ')}`,
    `  events/s      ${formatNumber(r.eventsPerSecond / 1e6, 2)} M`,
    `  peak memory   ${formatNumber(r.peakMemoryMiB, 0)} MiB (process max RSS)`,
    `  fill rate     ${r.fillRate === null ? '-' : `${formatNumber(r.fillRate * 100, 2)}%`}`,
  ];
  const { kernelAlone: kernel, handLoop: hand } = result;
  if (kernel) {
    lines.push(
      "where the time goes (bench-A's model, fastest of the repeats, side by side):",
      `  the engine                        ${formatSeconds(r.wallSeconds)}${hand ? `  (${formatNumber(r.wallSeconds / hand.wallSeconds, 2)}x the hand loop)` : ''}`,
      `  its kernel alone, minimal handler ${formatSeconds(kernel.wallSeconds)}${hand ? `  (${formatNumber(kernel.wallSeconds / hand.wallSeconds, 2)}x)` : ''}; fill rate ${formatNumber(kernel.fillRate * 100, 2)}%, ${formatNumber(kernel.events, 0)} events`,
      hand
        ? `  the hand-written loop             ${formatSeconds(hand.wallSeconds)}  (../shared/bench/handtuned_bench.cjs --bench A --queue cq; fill rate ${formatNumber(hand.fillRate * 100, 2)}%)`
        : '  the hand-written loop             not run (../shared/bench/handtuned_bench.cjs is not beside the checkout)',
    );
  }
  const { workers1: one, workers2: two } = result;
  if (one && two) {
    lines.push(
      `${one.replications} replications through the worker pool (thread start-up included):`,
      `  1 worker      ${formatSeconds(one.wallSeconds)}`,
      `  2 workers     ${formatSeconds(two.wallSeconds)}  (speed-up ${formatNumber(one.wallSeconds / two.wallSeconds, 2)}x)`,
    );
  }
  const { single1, single2 } = result;
  if (single1 && single2) {
    lines.push(
      'one replication through the worker pool (thread start-up and parsing included; on 2 workers it runs as chunks of its independent parts):',
      `  1 worker      ${formatSeconds(single1.wallSeconds)}`,
      `  2 workers     ${formatSeconds(single2.wallSeconds)}  (speed-up ${formatNumber(single1.wallSeconds / single2.wallSeconds, 2)}x)`,
    );
  }
  const { warmSingle1, warmSingle2 } = result;
  if (warmSingle1 && warmSingle2) {
    lines.push(
      'one replication on a pool already running (threads started and the engine compiled by a first replication):',
      `  1 worker      ${formatSeconds(warmSingle1.wallSeconds)}`,
      `  2 workers     ${formatSeconds(warmSingle2.wallSeconds)}  (speed-up ${formatNumber(warmSingle1.wallSeconds / warmSingle2.wallSeconds, 2)}x)`,
    );
  }
  return lines.join('\n') + '\n';
}

/**
 * The sweep benchmark: an N x N grid of (s, S) = (reorderPoint, orderUpTo) for the first SKU of the
 * scenario (every store's stock point of it), each grid point a variant, `replications` each, every
 * run keeping only network and product figures; timed through the CLI's pool on 1 and 2 threads.
 */
async function timeSweep(
  file: string,
  options: { grid: number; replications: number; days?: number; workers: number[]; progress: (text: string) => void },
): Promise<SweepBench> {
  const scenario = load(file, options.days);
  const product = scenario.products[0].id;
  const steps = (from: number, step: number) => Array.from({ length: options.grid }, (_, i) => from + i * step);
  const plan = planSweep(scenario, { product, axes: [{ parameter: 'reorderPoint', values: steps(20, 5) }, { parameter: 'orderUpTo', values: steps(150, 5) }] });
  const runs = plan.points.length * options.replications;
  const time = async (workers: number) => {
    options.progress(`sweep: ${plan.points.length} grid points x ${options.replications} replications (${runs} runs) on ${workers} worker thread${workers === 1 ? '' : 's'}...\n`);
    const start = performance.now();
    const pool = startThreadPool(workers);
    let reported = 0;
    // an hour-long run says how far it is, every 5% of the runs
    const onProgress = (done: number, total: number) => {
      if (done * 20 < (reported + 1) * total) return;
      reported = Math.floor((done * 20) / total);
      const seconds = (performance.now() - start) / 1000;
      options.progress(`  ${done} / ${total} runs, ${formatSeconds(seconds)} so far, about ${formatSeconds((seconds * (total - done)) / done)} left\n`);
    };
    try {
      const result = await runExperimentOnThreads(pool, plan.scenario, { replications: options.replications, series: false, stockPoints: false, onProgress });
      if (!result.complete) throw new Error('the sweep stopped before every run finished');
    } finally {
      await pool.terminate();
    }
    return { wallSeconds: (performance.now() - start) / 1000 };
  };
  const bench: SweepBench = { grid: [options.grid, options.grid], replicationsPerPoint: options.replications, days: plan.scenario.horizonDays, runs };
  if (options.workers.includes(1)) bench.workers1 = await time(1);
  if (options.workers.includes(2)) bench.workers2 = await time(2);
  return bench;
}

function sweepReport(sweep: SweepBench, file: string): string {
  return [
    `bench (sweep): ${file}`,
    `grid ${sweep.grid[0]} x ${sweep.grid[1]} of (s, S) for one SKU, ${sweep.replicationsPerPoint} replications per point, ${formatNumber(sweep.days, 0)} days: ${formatNumber(sweep.runs, 0)} runs`,
    ...(sweep.workers1 ? [`  1 worker      ${formatSeconds(sweep.workers1.wallSeconds)}`] : []),
    ...(sweep.workers2
      ? [`  2 workers     ${formatSeconds(sweep.workers2.wallSeconds)}${sweep.workers1 ? `  (speed-up ${formatNumber(sweep.workers1.wallSeconds / sweep.workers2.wallSeconds, 2)}x)` : ''}`]
      : []),
  ].join('\n') + '\n';
}

interface RecommendBench {
  skus: number;
  searchReplications: number;
  confirmReplications: number;
  workers: number;
  wallSeconds: number;
  runs: number;
  met: number;
  notConfirmed: number;
  cannotMeet: number;
  /** the network's total cost, recommended minus today, over the measured window (mean, 95% half-width) */
  totalChange: { mean: number; halfWidth: number | null } | null;
}

/**
 * The recommendation benchmark: `stocklab recommend --target fillRate>=0.95 --policy sS` on a range of
 * `skus` SKUs (scripts/rangeScenario.ts), through the CLI's pool on `workers` threads, timed from
 * starting the threads to the confirmed recommendation.
 */
async function timeRecommend(options: { skus: number; workers: number; progress: (text: string) => void }): Promise<RecommendBench> {
  const parsed = parseScenario(rangeScenario(options.skus));
  if (!parsed.ok) throw new Error('the range scenario does not parse');
  const spec: RecommendSpec = { target: { kpi: 'fillRate', atLeast: 0.95 }, policy: 'sS', objective: 'totalCost', by: 'stockPoint', searchReplications: 10, confirmReplications: 20 };
  const start = performance.now();
  const pool = startThreadPool(options.workers);
  try {
    const outcome = await recommend(parsed.scenario, spec, async (candidate, phase) => {
      options.progress(`  ${phase}: ${candidate.replications} replications, ${formatSeconds((performance.now() - start) / 1000)} so far\n`);
      return runExperimentOnThreads(pool, candidate, { series: false });
    });
    const count = (status: string) => outcome.rows.filter((row) => row.status === status).length;
    return {
      skus: options.skus,
      searchReplications: spec.searchReplications,
      confirmReplications: spec.confirmReplications,
      workers: options.workers,
      wallSeconds: (performance.now() - start) / 1000,
      runs: outcome.runs.search + outcome.runs.refine + outcome.runs.confirm,
      met: count('met'),
      notConfirmed: count('notConfirmed'),
      cannotMeet: count('cannotMeet'),
      totalChange: outcome.totalChange && { mean: outcome.totalChange.mean, halfWidth: outcome.totalChange.halfWidth },
    };
  } finally {
    await pool.terminate();
  }
}

function recommendReport(bench: RecommendBench): string {
  const change = bench.totalChange;
  return [
    `bench (recommend): a range of ${formatNumber(bench.skus, 0)} SKUs (scripts/rangeScenario.ts), fillRate >= 0.95, (s, S), by stock point`,
    `  ${bench.runs} runs of the range (search ${bench.searchReplications} replications a rung, confirmation ${bench.confirmReplications}) on ${bench.workers} worker thread${bench.workers === 1 ? '' : 's'}: ${formatSeconds(bench.wallSeconds)}`,
    `  ${bench.met} SKUs meet the target confirmed, ${bench.notConfirmed} short on fresh seeds, ${bench.cannotMeet} cannot meet it`,
    ...(change ? [`  total cost, recommended minus today: ${formatNumber(change.mean, 0)} ± ${change.halfWidth === null ? '-' : formatNumber(change.halfWidth, 0)} over the window`] : []),
  ].join('\n') + '\n';
}

async function main(argv: string[]): Promise<void> {
  const args = parseArgs(argv, {
    json: { boolean: true },
    quick: { boolean: true },
    scenario: { placeholder: 'FILE' },
    replications: { read: wholeNumberAtLeast(1), placeholder: 'N' },
    repeat: { read: wholeNumberAtLeast(1), placeholder: 'N' },
    sweep: { boolean: true },
    recommend: { boolean: true },
    import: { boolean: true },
    skus: { read: wholeNumberAtLeast(1), placeholder: 'N' },
    'no-browser': { boolean: true },
    grid: { read: wholeNumberAtLeast(1), placeholder: 'N' },
    days: { read: wholeNumberAtLeast(1), placeholder: 'D' },
    workers: { read: wholeNumberAtLeast(1), placeholder: 'N' },
    redis: { boolean: true },
    'tasks-per-job': { read: wholeNumberAtLeast(1), placeholder: 'N' },
    cores: { read: wholeNumberAtLeast(1), placeholder: 'C' },
    'no-stock-points': { boolean: true },
    help: { boolean: true },
  });
  if (!args.ok) fail(args.error);
  if (args.options.get('help') || args.positionals.length > 0) {
    process.stdout.write('Usage: npm run bench -- [--json] [--quick] [--scenario FILE] [--replications N] [--repeat N]\n       npm run bench -- --sweep [--grid N] [--replications N] [--days D] [--workers N] [--json]\n       npm run bench -- --import [--skus N] [--days D] [--replications N] [--no-browser] [--json]\n       npm run bench -- --recommend [--skus N] [--workers N] [--no-browser] [--json]\n       npm run bench -- --redis [--scenario FILE] [--days D] [--replications N] [--tasks-per-job N] [--cores C] [--no-stock-points] [--repeat N] [--json]\n');
    return;
  }
  const file = (args.options.get('scenario') as string | undefined) ?? DEFAULT_SCENARIO;
  const replications = (args.options.get('replications') as number | undefined) ?? 20;
  const json = args.options.get('json') === true;
  const progress = (text: string) => {
    if (!json) process.stderr.write(text);
  };

  if (args.options.get('redis')) {
    const bench = await benchQueue({
      file,
      days: args.options.get('days') as number | undefined,
      replications: (args.options.get('replications') as number | undefined) ?? 24,
      tasksPerJob: (args.options.get('tasks-per-job') as number | undefined) ?? 2,
      cores: (args.options.get('cores') as number | undefined) ?? 8,
      stockPoints: args.options.get('no-stock-points') !== true,
      repeats: (args.options.get('repeat') as number | undefined) ?? 1,
      progress,
    });
    if (json) process.stdout.write(JSON.stringify({ queue: bench }, null, 2) + '\n');
    else process.stdout.write(queueReport(bench));
    return;
  }

  if (args.options.get('import')) {
    const bench = await benchImport({
      skus: (args.options.get('skus') as number | undefined) ?? 1000,
      days: (args.options.get('days') as number | undefined) ?? 730,
      replications,
      browser: args.options.get('no-browser') !== true,
      progress,
    });
    if (json) process.stdout.write(JSON.stringify({ import: bench }, null, 2) + '\n');
    else process.stdout.write(importReport(bench));
    return;
  }

  if (args.options.get('recommend')) {
    const skus = (args.options.get('skus') as number | undefined) ?? 1000;
    const bench = await timeRecommend({ skus, workers: (args.options.get('workers') as number | undefined) ?? 2, progress });
    // the Node figure stands whatever happens in the browser
    const chromium =
      args.options.get('no-browser') === true
        ? { skipped: '--no-browser' }
        : await recommendInChromium(skus, progress).catch((error: unknown) => ({ skipped: `failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` }));
    if (json) process.stdout.write(JSON.stringify({ recommend: { ...bench, chromium } }, null, 2) + '\n');
    else {
      process.stdout.write(recommendReport(bench));
      process.stdout.write(
        'skipped' in chromium
          ? `  Chromium: skipped (${chromium.skipped})\n`
          : `  Chromium (the Recommend panel, ${chromium.workers} Web Workers): ${formatSeconds(chromium.wallSeconds)}; ${chromium.summary}\n`,
      );
    }
    return;
  }

  if (args.options.get('sweep')) {
    const sweep = await timeSweep(file, {
      grid: (args.options.get('grid') as number | undefined) ?? 20,
      replications: (args.options.get('replications') as number | undefined) ?? 10,
      days: args.options.get('days') as number | undefined,
      // an hour per worker count at full size: --workers 1 or 2 times only that one
      workers: args.options.has('workers') ? [args.options.get('workers') as number] : [1, 2],
      progress,
    });
    if (json) process.stdout.write(JSON.stringify({ sweep }, null, 2) + '\n');
    else process.stdout.write(sweepReport(sweep, file));
    return;
  }

  progress('timing one replication (fastest of the repeats)...\n');
  const repeats = (args.options.get('repeat') as number | undefined) ?? 3;
  const result: BenchResult = { replication: timeOneReplication(file, repeats) };
  if (file === DEFAULT_SCENARIO) {
    progress("timing bench-A's model on the bare kernel, and the hand-written loop...\n");
    result.kernelAlone = timeKernelAlone(repeats);
    result.handLoop = timeHandLoop(repeats);
  }
  if (!args.options.get('quick')) {
    progress(`timing ${replications} replications on 1 worker thread...\n`);
    result.workers1 = await timeOnThreads(file, 1, replications);
    progress(`timing ${replications} replications on 2 worker threads...\n`);
    result.workers2 = await timeOnThreads(file, 2, replications);
    progress('timing one replication on 1 worker thread, then on 2 (as its independent parts)...\n');
    result.single1 = await timeOnThreads(file, 1, 1);
    result.single2 = await timeOnThreads(file, 2, 1);
    result.warmSingle1 = await timeWarmReplication(file, 1);
    result.warmSingle2 = await timeWarmReplication(file, 2);
  }
  if (json) {
    const { cpuSeconds: _, ...replication } = result.replication;
    process.stdout.write(JSON.stringify({ ...result, replication }, null, 2) + '\n');
  } else {
    process.stdout.write(report(result, file));
  }
}

await main(process.argv.slice(2));
