/**
 * What the CLI's commands share: exit statuses, output, usage errors, their argument parsing, loading
 * the scenario with the command line's overrides, the worker-thread pool with its progress line and
 * Ctrl-C, and the readers of options several commands take.
 */
import type { Scenario } from '../scenario/schema.ts';
import { KPI_NAMES, type KpiName } from '../metrics/kpis.ts';
import { parseValues, type SweepAxis } from '../experiment/sweep.ts';
import { parseArgs, positiveNumber, seedValue, wholeNumberAtLeast, type OptionSpec } from './args.ts';
import { loadScenario, type ScenarioOverrides } from './loadScenario.ts';
import { createProgressLine, type ProgressLine } from './progress.ts';
import { availableMemoryMb, MIN_WORKER_MEMORY_MB, startThreadPool, WorkerOutOfMemory, type ThreadPool } from '../worker/node/index.ts';
import { USAGE } from './usage.ts';
import { argumentError, err, EXIT, failureExit, out } from './output.ts';
import { ALLOW_LARGE, refusedAsTooLarge } from './runBudgetCheck.ts';
import { redisUrl } from '../queue/redisUrl.ts';
import type { BudgetOptions } from '../experiment/runBudget.ts';

export { argumentError, err, EXIT, out, usageError } from './output.ts';

export const RUN_OPTIONS: Record<string, OptionSpec> = {
  replications: { read: wholeNumberAtLeast(1), placeholder: 'N' },
  seed: { read: seedValue, placeholder: 'S' },
  days: { read: positiveNumber, placeholder: 'D' },
  workers: { read: wholeNumberAtLeast(1), placeholder: 'N' },
  json: { boolean: true },
  [ALLOW_LARGE]: { boolean: true },
  'allow-files-outside': { boolean: true },
  memory: { read: memoryLimit, placeholder: 'MB' },
  redis: { read: redisUrl, placeholder: 'URL' },
  'tasks-per-job': { read: wholeNumberAtLeast(1), placeholder: 'N' },
  help: { boolean: true },
};

/** --memory MB: each worker thread's heap limit. */
function memoryLimit(text: string): number | { error: string } {
  const value = wholeNumberAtLeast(MIN_WORKER_MEMORY_MB)(text);
  if (typeof value !== 'number') return { error: `expected a whole number of megabytes >= ${MIN_WORKER_MEMORY_MB}` };
  const available = availableMemoryMb();
  return value <= available ? value : { error: `expected at most ${available} MB, the memory this machine has` };
}

/** How many worker threads a command runs, and each one's heap limit (--memory, or a default). */
export interface ThreadSettings {
  workers: number;
  memoryMb?: number;
}

/** The thread settings of a command's options, for `workers` threads. */
export function threadSettings(options: Map<string, unknown>, workers: number): ThreadSettings {
  return { workers, memoryMb: options.get('memory') as number | undefined };
}


/** Parses a command's arguments; expects exactly one scenario file. */
export function commandArgs(name: string, argv: ReadonlyArray<string>, spec: Record<string, OptionSpec>) {
  const parsed = parseArgs(argv, spec);
  if (!parsed.ok) return { exit: argumentError(`${name}: ${parsed.error}`) };
  if (parsed.options.get('help')) {
    out(USAGE);
    return { exit: EXIT.ok };
  }
  if (parsed.options.has('tasks-per-job') && !parsed.options.has('redis')) return { exit: argumentError(`${name}: --tasks-per-job sizes the jobs of the queue: give it with --redis URL`) };
  if (parsed.positionals.length !== 1) {
    const got = parsed.positionals.length === 0 ? 'none' : parsed.positionals.map((p) => JSON.stringify(p)).join(', ');
    return { exit: argumentError(`${name}: expected one scenario file, got ${got}`) };
  }
  return { file: parsed.positionals[0], options: parsed.options };
}

/**
 * The scenario a command runs, with the command line's overrides; problems are printed, and so is a
 * run too large for this machine (src/experiment/runBudget.ts, unless --allow-large), checked with
 * `budget` (null: the command checks what it runs itself, a sweep its grid).
 */
export function loadForCommand(file: string, options: Map<string, unknown>, budget: BudgetOptions | null = {}): Scenario | null {
  const overrides: ScenarioOverrides = {
    replications: options.get('replications') as number | undefined,
    seed: options.get('seed') as string | number | undefined,
    horizonDays: options.get('days') as number | undefined,
  };
  const loaded = loadScenario(file, overrides, { allowFilesOutside: options.get('allow-files-outside') === true });
  if (loaded.ok) return budget !== null && refusedAsTooLarge(file, loaded.scenario, options, budget) ? null : loaded.scenario;
  err(loaded.lines.join('\n') + '\n');
  const given = ['replications', 'seed', 'days'].filter((flag) => options.has(flag));
  if (given.length > 0) err(`(checked with ${given.map((flag) => `--${flag} ${String(options.get(flag))}`).join(', ')} from the command line)\n`);
  return null;
}

/** --kpis fillRate,holdingCost */
export function kpiList(text: string): KpiName[] | { error: string } {
  const names = text.split(',').map((name) => name.trim()).filter((name) => name !== '');
  const unknown = names.filter((name) => !(KPI_NAMES as readonly string[]).includes(name));
  if (names.length === 0) return { error: 'expected KPI names separated by commas' };
  if (unknown.length > 0) return { error: `unknown KPI ${unknown.map((name) => `"${name}"`).join(', ')} (known: ${KPI_NAMES.join(', ')})` };
  return names as KpiName[];
}

/** --precision fillRate=0.002 */
export function precisionTarget(text: string): { kpi: KpiName; halfWidth: number } | { error: string } {
  const match = /^([A-Za-z]+)=(.+)$/.exec(text.trim());
  if (!match) return { error: 'expected KPI=HALFWIDTH, e.g. fillRate=0.002' };
  const kpi = kpiList(match[1]);
  if ('error' in kpi) return kpi;
  const halfWidth = Number(match[2]);
  if (!(halfWidth > 0 && halfWidth < Infinity)) return { error: 'expected a half-width > 0 after "="' };
  return { kpi: kpi[0], halfWidth };
}

/** --constraint fillRate>=0.95 */
export function serviceFloor(text: string): { kpi: KpiName; atLeast: number } | { error: string } {
  const match = /^([A-Za-z]+)>=(.+)$/.exec(text.trim());
  if (!match) return { error: 'expected KPI>=VALUE, e.g. fillRate>=0.95' };
  const kpi = kpiList(match[1]);
  if ('error' in kpi) return kpi;
  const atLeast = Number(match[2]);
  if (!Number.isFinite(atLeast)) return { error: 'expected a number after ">="' };
  return { kpi: kpi[0], atLeast };
}

/** --param reorderPoint=20:80:10 or --param level=5,8,13 */
export function sweepAxis(text: string): SweepAxis | { error: string } {
  const match = /^([A-Za-z]+)=(.+)$/.exec(text.trim());
  if (!match) return { error: 'expected NAME=FROM:TO:STEP or NAME=V1,V2,...' };
  const values = parseValues(match[2]);
  return 'error' in values ? values : { parameter: match[1], values };
}

/** The grid of `sweep` and `optimize`: --product and one or two --param; or the usage error, printed. */
export function gridArgs(command: string, options: Map<string, unknown>, purpose: string): { product: string; axes: SweepAxis[] } | { exit: number } {
  const product = options.get('product') as string | undefined;
  const axes = (options.get('param') as SweepAxis[] | undefined) ?? [];
  if (product === undefined) return { exit: argumentError(`${command}: --product is required (the product whose policies are ${purpose})`) };
  if (axes.length === 0 || axes.length > 2) return { exit: argumentError(`${command}: expected --param once or twice, got ${axes.length}`) };
  return { product, axes };
}

/**
 * Runs `body` with a pool of worker threads and a progress line on stderr, and shuts the pool down in
 * every case; an engine error is an internal error (exit 1). Ctrl-C stops at once (exit 130), unless
 * the command keeps partial results (`graceful`): then the first Ctrl-C lets the runs under way finish
 * and `isCancelled` turns true, so the body can report what it has; a second one quits at once.
 *
 * A worker that runs out of memory ends the command with one line saying so and what to change
 * (exit 1); a graceful command first reports what finished, as after a Ctrl-C.
 */
export async function onThreadPool(
  threads: number | ThreadSettings,
  unit: string,
  body: (pool: ThreadPool, progress: ProgressLine, isCancelled: () => boolean) => Promise<number>,
  graceful = false,
): Promise<number> {
  const { workers, memoryMb } = typeof threads === 'number' ? { workers: threads, memoryMb: undefined } : threads;
  const progress = createProgressLine(process.stderr, unit);
  const pool = startThreadPool(workers, memoryMb);
  let outOfMemory: WorkerOutOfMemory | null = null;
  // no new runs once a worker has run out: the others finish theirs and the body reports them
  pool.failure.catch((error: unknown) => {
    if (error instanceof WorkerOutOfMemory) outOfMemory = error;
  });
  const memoryLine = (error: WorkerOutOfMemory) => {
    progress.clear();
    err(
      `stocklab: ${error.message}: try fewer replications (--replications), a shorter horizon (--days) or fewer stock points, ` +
        `or a larger limit per worker thread with --memory MB (this machine has ${availableMemoryMb()} MB for ${workers} worker thread${workers === 1 ? '' : 's'} and the main one)\n`,
    );
    return EXIT.internal;
  };
  let cancelled = false;
  const quit = () => {
    progress.clear();
    err('stocklab: interrupted\n');
    void pool.terminate().finally(() => process.exit(EXIT.interrupted));
  };
  const interrupt = () => {
    if (!graceful || cancelled) return quit();
    cancelled = true;
    progress.clear();
    err('stocklab: stopping after the runs under way, to report what is done (Ctrl-C again to quit now)\n');
  };
  process.on('SIGINT', interrupt);
  try {
    const status = await body(pool, progress, () => cancelled || outOfMemory !== null);
    return outOfMemory ? memoryLine(outOfMemory) : status;
  } catch (error) {
    if (error instanceof WorkerOutOfMemory) return memoryLine(error);
    progress.clear();
    // a run that holds more events at once than the engine can, or stopped at its event limit
    // (src/experiment/run.ts EventStorm), is about the scenario, said in words by the model
    return failureExit(error, ['TooManyPendingEvents', 'EventStorm']);
  } finally {
    process.off('SIGINT', interrupt);
    await pool.terminate();
  }
}
