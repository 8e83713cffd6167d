import { availableParallelism } from 'node:os';
import { tasksOf } from '../experiment/replicate.ts';
import { variantsOf } from '../model/build.ts';
import { idsOf } from '../scenario/references.ts';
import type { Scenario } from '../scenario/schema.ts';
import { parseArgs, positiveNumber, seedValue, wholeNumberAtLeast, type OptionSpec } from './args.ts';
import { runExperimentOnThreads } from './experimentOnThreads.ts';
import { formatExperiment } from './format.ts';
import { formatTheory } from './formatTheory.ts';
import { checkTheory, theoryOf } from '../experiment/theory.ts';
import { loadScenario, type ScenarioOverrides } from './loadScenario.ts';
import { createProgressLine } from './progress.ts';
import { startThreadPool, type ThreadPool } from './threadPool.ts';
import type { ProgressLine } from './progress.ts';
import type { ExperimentResult } from '../experiment/replicate.ts';
import { compareVariants } from '../experiment/compare.ts';
import { runToPrecision } from '../experiment/sequential.ts';
import { KPI_NAMES, type KpiName } from '../metrics/kpis.ts';
import { runTasksOnThreads } from './experimentOnThreads.ts';
import { formatComparisonCsv, formatComparisons } from './formatComparisons.ts';
import { DEFAULT_SWEEP_KPI, parseValues, planSweep, sweepRows, type SweepAxis, type SweepPlan } from '../experiment/sweep.ts';
import { formatSweep, formatSweepCsv } from './formatSweep.ts';
import { optimize, type OptimizeSpec } from '../experiment/optimize.ts';
import { formatOptimization } from './formatOptimization.ts';
import { DEFAULT_SENSITIVITY_KPI, perturb, SENSITIVITY_INPUTS, tornado } from '../experiment/sensitivity.ts';
import { formatTornado } from './formatTornado.ts';
import { parseScenario } from '../scenario/parse.ts';

/** --kpis fillRate,holdingCost */
function kpiList(text: string): KpiName[] | { error: string } {
  const names = text.split(',').map((name) => name.trim()).filter((name) => name !== '');
  const unknown = names.filter((name) => !(KPI_NAMES as readonly string[]).includes(name));
  if (names.length === 0) return { error: 'expected KPI names separated by commas' };
  if (unknown.length > 0) return { error: `unknown KPI ${unknown.map((name) => `"${name}"`).join(', ')} (known: ${KPI_NAMES.join(', ')})` };
  return names as KpiName[];
}

/** --precision fillRate=0.002 */
function precisionTarget(text: string): { kpi: KpiName; halfWidth: number } | { error: string } {
  const match = /^([A-Za-z]+)=(.+)$/.exec(text.trim());
  if (!match) return { error: 'expected KPI=HALFWIDTH, e.g. fillRate=0.002' };
  const kpi = kpiList(match[1]);
  if ('error' in kpi) return kpi;
  const halfWidth = Number(match[2]);
  if (!(halfWidth > 0 && halfWidth < Infinity)) return { error: 'expected a half-width > 0 after "="' };
  return { kpi: kpi[0], halfWidth };
}

export const USAGE = `Usage: stocklab <command> [options]

Commands:
  run <scenario.json>        run every replication of every policy variant; print network KPIs
  validate <scenario.json>   check a scenario file; print every problem at its field

  sweep <scenario.json>      run a grid of one or two policy parameters at a product's stock points;
                             the chosen KPI over the grid and the service-vs-holding-cost frontier
  optimize <scenario.json>   find the grid point that minimises a KPI (under a service floor): screen
                             the grid, confirm the best few, say if the winner beats the runner-up
  sensitivity <scenario.json>  move each input (demand, its variability, lead times, churn, holding
                             cost) by -x% and +x% in turn; a KPI's response, largest first (tornado)
  compare <scenario.json>    compare the policy variants pairwise on common random numbers: each
                             KPI's paired difference with its 95% interval, and a sentence per pair

Options of run:
  --replications N   replications per variant (default: the scenario's "replications")
  --seed S           experiment seed, a whole number or a string (default: the scenario's "seed")
  --days D           horizon in days (default: the scenario's "horizonDays")
  --workers N        worker threads (default: available CPUs, at most one per run)
  --json             print the full experiment result as JSON on stdout, nothing else
  -h, --help         show this help

Options of compare (and --replications, --seed, --days, --workers, --json as for run):
  --baseline ID      compare every variant to this one (default: every pair)
  --kpis K1,K2       the KPIs to compare (default: every KPI that applies)
  --precision KPI=H  add replications until KPI's 95% half-width is at most H for every variant
                     (a rate as a fraction: fillRate=0.002 is 0.2 points)
  --max-replications N   the cap for --precision (default 1000)
  --csv              print the paired differences as CSV

Options of sweep (and --replications, --seed, --days, --workers, --json as for run):
  --product ID       the product whose stock points' policies are swept (required)
  --node ID          only the stock point at this node
  --param NAME=FROM:TO:STEP   a policy parameter and its values (or NAME=V1,V2,...); once or twice
  --kpi KPI          the KPI shown on the grid (default totalCost)
  --from VARIANT     the variant whose policies the sweep starts from (default the first)
  --csv              print every grid point's KPIs as CSV

Options of optimize (and --product, --node, --param, --from as for sweep; --replications, --seed,
--days, --workers, --json as for run):
  --objective KPI    the network KPI to minimise (default totalCost)
  --constraint KPI>=VALUE   a floor the winner must meet, e.g. fillRate>=0.95
  --replications N   replications per grid point in the screening (default: the scenario's)
  --confirm-replications N  replications for each kept candidate (default 4 x the screening's)
  --top N            candidates kept for confirmation (default 3)

Options of sensitivity (and --replications, --seed, --days, --workers, --json as for run):
  --by PERCENT       how far each input moves, down and up (default 20)
  --kpi KPI          the network KPI read (default totalCost)
  --variant ID       the policy variant analysed (default the first)

Exit status: 0 done, 1 internal error, 2 bad usage or invalid scenario, 130 interrupted (Ctrl-C).
`;

/** Exit statuses. */
export const EXIT = { ok: 0, internal: 1, usage: 2, interrupted: 130 } as const;

const RUN_OPTIONS: Record<string, OptionSpec> = {
  replications: { read: wholeNumberAtLeast(1), placeholder: 'N' },
  seed: { read: seedValue, placeholder: 'S' },
  days: { read: positiveNumber, placeholder: 'D' },
  workers: { read: wholeNumberAtLeast(1), placeholder: 'N' },
  json: { boolean: true },
  help: { boolean: true },
};
const VALIDATE_OPTIONS: Record<string, OptionSpec> = { help: { boolean: true } };
const COMPARE_OPTIONS: Record<string, OptionSpec> = {
  ...RUN_OPTIONS,
  csv: { boolean: true },
  baseline: { read: (text) => text, placeholder: 'ID' },
  kpis: { read: kpiList, placeholder: 'K1,K2' },
  precision: { read: precisionTarget, placeholder: 'KPI=H' },
  'max-replications': { read: wholeNumberAtLeast(2), placeholder: 'N' },
};
const SWEEP_OPTIONS: Record<string, OptionSpec> = {
  ...RUN_OPTIONS,
  csv: { boolean: true },
  product: { read: (text) => text, placeholder: 'ID' },
  node: { read: (text) => text, placeholder: 'ID' },
  param: { read: sweepAxis, placeholder: 'NAME=FROM:TO:STEP', repeatable: true },
  kpi: { read: (text) => kpiList(text), placeholder: 'KPI' },
  from: { read: (text) => text, placeholder: 'VARIANT' },
};

const OPTIMIZE_OPTIONS: Record<string, OptionSpec> = {
  ...RUN_OPTIONS,
  product: { read: (text) => text, placeholder: 'ID' },
  node: { read: (text) => text, placeholder: 'ID' },
  param: { read: sweepAxis, placeholder: 'NAME=FROM:TO:STEP', repeatable: true },
  from: { read: (text) => text, placeholder: 'VARIANT' },
  objective: { read: (text) => kpiList(text), placeholder: 'KPI' },
  constraint: { read: serviceFloor, placeholder: 'KPI>=VALUE' },
  'confirm-replications': { read: wholeNumberAtLeast(2), placeholder: 'N' },
  top: { read: wholeNumberAtLeast(2), placeholder: 'N' },
};

const SENSITIVITY_OPTIONS: Record<string, OptionSpec> = {
  ...RUN_OPTIONS,
  by: { read: positiveNumber, placeholder: 'PERCENT' },
  kpi: { read: (text) => kpiList(text), placeholder: 'KPI' },
  variant: { read: (text) => text, placeholder: 'ID' },
};

/** --constraint fillRate>=0.95 */
function serviceFloor(text: string): { kpi: KpiName; atLeast: number } | { error: string } {
  const match = /^([A-Za-z]+)>=(.+)$/.exec(text.trim());
  if (!match) return { error: 'expected KPI>=VALUE, e.g. fillRate>=0.95' };
  const kpi = kpiList(match[1]);
  if ('error' in kpi) return kpi;
  const atLeast = Number(match[2]);
  if (!Number.isFinite(atLeast)) return { error: 'expected a number after ">="' };
  return { kpi: kpi[0], atLeast };
}

/** --param reorderPoint=20:80:10 or --param level=5,8,13 */
function sweepAxis(text: string): SweepAxis | { error: string } {
  const match = /^([A-Za-z]+)=(.+)$/.exec(text.trim());
  if (!match) return { error: 'expected NAME=FROM:TO:STEP or NAME=V1,V2,...' };
  const values = parseValues(match[2]);
  return 'error' in values ? values : { parameter: match[1], values };
}

const out = (text: string) => process.stdout.write(text);
const err = (text: string) => process.stderr.write(text);

/** The CLI: runs the command in `argv` (without node and script) and resolves to the exit status. */
export async function main(argv: ReadonlyArray<string>): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') {
    out(USAGE);
    return EXIT.ok;
  }
  if (command === undefined) return usageError('expected a command');
  if (command === 'run') return runCommand(rest);
  if (command === 'validate') return validateCommand(rest);
  if (command === 'compare') return compareCommand(rest);
  if (command === 'sweep') return sweepCommand(rest);
  if (command === 'optimize') return optimizeCommand(rest);
  if (command === 'sensitivity') return sensitivityCommand(rest);
  return usageError(`unknown command "${command}"`);
}

function usageError(message: string): number {
  err(`stocklab: ${message}\n\n${USAGE}`);
  return EXIT.usage;
}

/** A command's bad argument: the problem alone, without the whole usage text. */
function argumentError(message: string): number {
  err(`stocklab: ${message}\n(stocklab --help shows the usage)\n`);
  return EXIT.usage;
}

/** Parses a command's arguments; expects exactly one scenario file. */
function commandArgs(name: string, argv: ReadonlyArray<string>, spec: Record<string, OptionSpec>) {
  const parsed = parseArgs(argv, spec);
  if (!parsed.ok) return { exit: argumentError(`${name}: ${parsed.error}`) };
  if (parsed.options.get('help')) {
    out(USAGE);
    return { exit: EXIT.ok };
  }
  if (parsed.positionals.length !== 1) {
    const got = parsed.positionals.length === 0 ? 'none' : parsed.positionals.map((p) => JSON.stringify(p)).join(', ');
    return { exit: argumentError(`${name}: expected one scenario file, got ${got}`) };
  }
  return { file: parsed.positionals[0], options: parsed.options };
}

function validateCommand(argv: ReadonlyArray<string>): number {
  const args = commandArgs('validate', argv, VALIDATE_OPTIONS);
  if (args.exit !== undefined) return args.exit;
  const loaded = loadScenario(args.file);
  if (!loaded.ok) {
    err(loaded.lines.join('\n') + '\n');
    return EXIT.usage;
  }
  const points = countStockPoints(loaded.scenario);
  const variants = variantsOf(loaded.scenario).length;
  out(`${args.file}: valid (${points} stock ${points === 1 ? 'point' : 'points'}, ${variants} ${variants === 1 ? 'variant' : 'variants'})\n`);
  return EXIT.ok;
}

function countStockPoints(scenario: Scenario): number {
  return scenario.stockPoints.reduce((sum, entry) => sum + idsOf(entry.node).length * idsOf(entry.product).length, 0);
}

/** The scenario a command runs, with the command line's overrides; problems are printed. */
function loadForCommand(file: string, options: Map<string, unknown>): Scenario | null {
  const overrides: ScenarioOverrides = {
    replications: options.get('replications') as number | undefined,
    seed: options.get('seed') as string | number | undefined,
    horizonDays: options.get('days') as number | undefined,
  };
  const loaded = loadScenario(file, overrides);
  if (loaded.ok) return loaded.scenario;
  err(loaded.lines.join('\n') + '\n');
  const given = ['replications', 'seed', 'days'].filter((flag) => options.has(flag));
  if (given.length > 0) err(`(checked with ${given.map((flag) => `--${flag} ${String(options.get(flag))}`).join(', ')} from the command line)\n`);
  return null;
}

/**
 * Runs `body` with a pool of worker threads and a progress line on stderr, and shuts the pool down in
 * every case; an engine error is an internal error (exit 1). Ctrl-C stops at once (exit 130), unless
 * the command keeps partial results (`graceful`): then the first Ctrl-C lets the runs under way finish
 * and `isCancelled` turns true, so the body can report what it has; a second one quits at once.
 */
async function onThreadPool(
  workers: number,
  unit: string,
  body: (pool: ThreadPool, progress: ProgressLine, isCancelled: () => boolean) => Promise<number>,
  graceful = false,
): Promise<number> {
  const progress = createProgressLine(process.stderr, unit);
  const pool = startThreadPool(workers);
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
    return await body(pool, progress, () => cancelled);
  } catch (error) {
    progress.clear();
    err(`stocklab: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT.internal;
  } finally {
    process.off('SIGINT', interrupt);
    await pool.terminate();
  }
}

async function runCommand(argv: ReadonlyArray<string>): Promise<number> {
  const args = commandArgs('run', argv, RUN_OPTIONS);
  if (args.exit !== undefined) return args.exit;
  const scenario = loadForCommand(args.file, args.options);
  if (!scenario) return EXIT.usage;
  const tasks = tasksOf(scenario).length;
  const workers = Math.min((args.options.get('workers') as number | undefined) ?? availableParallelism(), tasks);
  const variants = variantsOf(scenario).length;
  const start = performance.now();
  return onThreadPool(workers, variants === 1 ? 'replications' : 'runs', async (pool, progress) => {
    const result = await runExperimentOnThreads(pool, scenario, { onProgress: (done, total) => progress.update(done, total) });
    const wallSeconds = (performance.now() - start) / 1000;
    progress.clear();
    const theory = theoryOf(scenario);
    const checks = theory?.ok ? checkTheory(theory, result, scenario.horizonDays - scenario.warmupDays) : null;
    if (args.options.get('json')) {
      const withTheory = theory?.ok ? { ...result, theory: { model: theory.model, source: theory.source, checks, facts: theory.variants.map(({ variant, facts }) => ({ variant, facts })) } } : result;
      out(JSON.stringify(withTheory) + '\n');
    } else {
      out(formatExperiment(result, { wallSeconds, workers, currency: scenario.currency }));
      if (theory?.ok && checks) out(formatTheory(theory, checks, result));
    }
    // warnings go to stderr in both modes, so --json output stays one JSON document
    for (const warning of result.warnings) err(`${args.file}: warning: ${warning}\n`);
    return EXIT.ok;
  });
}

async function compareCommand(argv: ReadonlyArray<string>): Promise<number> {
  const args = commandArgs('compare', argv, COMPARE_OPTIONS);
  if (args.exit !== undefined) return args.exit;
  const scenario = loadForCommand(args.file, args.options);
  if (!scenario) return EXIT.usage;
  const variants = variantsOf(scenario);
  if (variants.length < 2) return argumentError(`compare: ${args.file} has ${variants.length} policy variant; comparing needs at least two (add "variants")`);
  const baseline = args.options.get('baseline') as string | undefined;
  if (baseline !== undefined && !variants.some((variant) => variant.id === baseline)) {
    return argumentError(`compare: --baseline: no variant "${baseline}" (variants: ${variants.map((variant) => variant.id).join(', ')})`);
  }
  const kpis = args.options.get('kpis') as KpiName[] | undefined;
  const precision = args.options.get('precision') as { kpi: KpiName; halfWidth: number } | undefined;
  const cap = (args.options.get('max-replications') as number | undefined) ?? 1000;
  const format = args.options.get('json') ? 'json' : args.options.get('csv') ? 'csv' : 'table';
  const workers = Math.min((args.options.get('workers') as number | undefined) ?? availableParallelism(), tasksOf(scenario).length);
  const start = performance.now();
  return onThreadPool(
    workers,
    'runs',
    async (pool, progress, isCancelled) => {
      let result: ExperimentResult;
      let precisionNote: string | null = null;
      if (precision) {
        const outcome = await runToPrecision(
          scenario,
          { ...precision, initial: scenario.replications, cap },
          async (tasks) => runTasksOnThreads(pool, scenario, tasks, (done, total) => progress.update(done, total), isCancelled),
          (replications, halfWidth) => {
            progress.clear();
            err(`precision: ${replications} replications, ${precision.kpi} half-width ${halfWidth === null ? 'n/a' : halfWidth.toPrecision(3)} (target ${precision.halfWidth})\n`);
          },
        );
        // a Ctrl-C stops the rounds: what finished is kept, and said to be partial
        result = { ...outcome.result, complete: outcome.result.complete && !isCancelled() };
        precisionNote = outcome.met
          ? `precision: ${precision.kpi} known to ±${outcome.halfWidth!.toPrecision(2)} (target ±${precision.halfWidth}) with ${result.replications} replications`
          : `precision: stopped at ${result.replications} replications (--max-replications ${cap}); ${precision.kpi} known to ±${outcome.halfWidth === null ? 'n/a' : outcome.halfWidth.toPrecision(2)}, target ±${precision.halfWidth} not met`;
      } else {
        result = await runExperimentOnThreads(pool, scenario, { series: false, isCancelled, onProgress: (done, total) => progress.update(done, total) });
      }
      progress.clear();
      if (!result.complete && result.replications < 2) {
        err(`stocklab: interrupted with ${result.replications} replication${result.replications === 1 ? '' : 's'} done; a comparison needs at least two\n`);
        return EXIT.interrupted;
      }
      const comparisons = compareVariants(result, { windowDays: scenario.horizonDays - scenario.warmupDays, currency: scenario.currency, kpis, baseline });
      const wallSeconds = (performance.now() - start) / 1000;
      if (format === 'json') out(JSON.stringify({ scenario: result.scenario, seed: result.seed, replications: result.replications, precision: precisionNote, comparisons }) + '\n');
      else if (format === 'csv') out(formatComparisonCsv(result, comparisons));
      else out(formatComparisons(result, comparisons, { wallSeconds, workers, currency: scenario.currency, precision: precisionNote }));
      if (!result.complete) {
        err(`stocklab: interrupted; the comparison above uses the ${result.replications} replications every variant finished\n`);
        return EXIT.interrupted;
      }
      return EXIT.ok;
    },
    true,
  );
}

/** The grid of `sweep` and `optimize`: --product and one or two --param; or the usage error, printed. */
function gridArgs(command: string, options: Map<string, unknown>, purpose: string): { product: string; axes: SweepAxis[] } | { exit: number } {
  const product = options.get('product') as string | undefined;
  const axes = (options.get('param') as SweepAxis[] | undefined) ?? [];
  if (product === undefined) return { exit: argumentError(`${command}: --product is required (the product whose policies are ${purpose})`) };
  if (axes.length === 0 || axes.length > 2) return { exit: argumentError(`${command}: expected --param once or twice, got ${axes.length}`) };
  return { product, axes };
}

async function sweepCommand(argv: ReadonlyArray<string>): Promise<number> {
  const args = commandArgs('sweep', argv, SWEEP_OPTIONS);
  if (args.exit !== undefined) return args.exit;
  const grid = gridArgs('sweep', args.options, 'swept');
  if ('exit' in grid) return grid.exit;
  const { product, axes } = grid;
  const loaded = loadForCommand(args.file, args.options);
  if (!loaded) return EXIT.usage;
  let plan: SweepPlan;
  try {
    plan = planSweep(loaded, { product, node: args.options.get('node') as string | undefined, axes, from: args.options.get('from') as string | undefined });
  } catch (error) {
    if (error instanceof RangeError) return argumentError(error.message);
    throw error;
  }
  const kpi = ((args.options.get('kpi') as KpiName[] | undefined) ?? [DEFAULT_SWEEP_KPI])[0];
  const scenario = plan.scenario;
  const workers = Math.min((args.options.get('workers') as number | undefined) ?? availableParallelism(), tasksOf(scenario).length);
  const start = performance.now();
  return onThreadPool(
    workers,
    'runs',
    async (pool, progress, isCancelled) => {
      const result = await runExperimentOnThreads(pool, scenario, { series: false, isCancelled, onProgress: (done, total) => progress.update(done, total) });
      progress.clear();
      if (result.replications === 0) {
        err('stocklab: interrupted before any replication of every grid point finished; nothing to report\n');
        return EXIT.interrupted;
      }
      const rows = sweepRows(plan, result);
      const wallSeconds = (performance.now() - start) / 1000;
      if (args.options.get('json')) out(JSON.stringify({ scenario: result.scenario, seed: result.seed, replications: result.replications, axes, kpi, rows, skipped: plan.skipped, complete: result.complete }) + '\n');
      else if (args.options.get('csv')) out(formatSweepCsv(axes, rows));
      else out(formatSweep(result, axes, rows, plan.skipped, { kpi, currency: loaded.currency, wallSeconds, workers }));
      if (!result.complete) {
        err(`stocklab: interrupted; the grid above has the ${result.replications} replications every point finished\n`);
        return EXIT.interrupted;
      }
      return EXIT.ok;
    },
    true,
  );
}

async function optimizeCommand(argv: ReadonlyArray<string>): Promise<number> {
  const args = commandArgs('optimize', argv, OPTIMIZE_OPTIONS);
  if (args.exit !== undefined) return args.exit;
  const grid = gridArgs('optimize', args.options, 'optimised');
  if ('exit' in grid) return grid.exit;
  const { product, axes } = grid;
  const scenario = loadForCommand(args.file, args.options);
  if (!scenario) return EXIT.usage;
  const objective = ((args.options.get('objective') as KpiName[] | undefined) ?? ['totalCost'])[0];
  const screenReplications = scenario.replications;
  const spec: OptimizeSpec = {
    product,
    node: args.options.get('node') as string | undefined,
    axes,
    from: args.options.get('from') as string | undefined,
    objective,
    constraint: args.options.get('constraint') as { kpi: KpiName; atLeast: number } | undefined,
    screenReplications,
    confirmReplications: (args.options.get('confirm-replications') as number | undefined) ?? Math.max(4 * screenReplications, 10),
    top: (args.options.get('top') as number | undefined) ?? 3,
  };
  try {
    planSweep(scenario, spec);
  } catch (error) {
    if (error instanceof RangeError) return argumentError(error.message);
    throw error;
  }
  const workers = (args.options.get('workers') as number | undefined) ?? availableParallelism();
  const start = performance.now();
  return onThreadPool(workers, 'runs', async (pool, progress) => {
    const outcome = await optimize(scenario, spec, async (candidate, replications, phase) => {
      progress.clear();
      err(`${phase === 'screen' ? 'screening' : 'confirming'} ${variantsOf(candidate).length} candidates × ${replications} replications\n`);
      return runExperimentOnThreads(pool, candidate, { replications, series: false, onProgress: (done, total) => progress.update(done, total) });
    });
    progress.clear();
    const theory = theoryOf(scenario);
    const facts = theory?.ok ? theory.variants[0].facts.filter((fact) => /optim|EOQ|Q\*|S\*/i.test(fact.label)) : [];
    const wallSeconds = (performance.now() - start) / 1000;
    if (args.options.get('json')) out(JSON.stringify({ scenario: scenario.name, seed: scenario.seed, spec, ...outcome, screened: outcome.screened.map(({ id, values, frontier, kpis }) => ({ id, values, frontier, objective: kpis[objective], constraint: spec.constraint ? kpis[spec.constraint.kpi] : null })), theory: facts }) + '\n');
    else out(formatOptimization(scenario, spec, outcome, facts, { wallSeconds, currency: scenario.currency }));
    return EXIT.ok;
  });
}

async function sensitivityCommand(argv: ReadonlyArray<string>): Promise<number> {
  const args = commandArgs('sensitivity', argv, SENSITIVITY_OPTIONS);
  if (args.exit !== undefined) return args.exit;
  const loaded = loadForCommand(args.file, args.options);
  if (!loaded) return EXIT.usage;
  const percent = (args.options.get('by') as number | undefined) ?? 20;
  if (percent >= 100) return argumentError('sensitivity: --by must be under 100 (an input cannot fall by 100% or more)');
  const kpi = ((args.options.get('kpi') as KpiName[] | undefined) ?? [DEFAULT_SENSITIVITY_KPI])[0];
  const variantId = args.options.get('variant') as string | undefined;
  const variants = variantsOf(loaded);
  const variant = variantId === undefined ? variants[0] : variants.find((candidate) => candidate.id === variantId);
  if (!variant) return argumentError(`sensitivity: --variant: no variant "${variantId}" (variants: ${variants.map((v) => v.id).join(', ')})`);
  // one variant only: the analysis is about the inputs, not the policies
  const scenario: Scenario = { ...loaded, variants: [variant] };
  const workers = Math.min((args.options.get('workers') as number | undefined) ?? availableParallelism(), scenario.replications);
  const start = performance.now();
  return onThreadPool(workers, 'replications', async (pool, progress) => {
    const runOne = async (candidate: Scenario) => (await runExperimentOnThreads(pool, candidate, { series: false, onProgress: (done, total) => progress.update(done, total) })).variants[0].network[kpi];
    const baseline = await runOne(scenario);
    const bars = [];
    const skipped: string[] = [];
    for (const input of SENSITIVITY_INPUTS) {
      const low = perturb(scenario, input, 1 - percent / 100);
      const high = perturb(scenario, input, 1 + percent / 100);
      if (!low || !high) {
        skipped.push(`${input} (not in this scenario)`);
        continue;
      }
      const lowChecked = parseScenario(low);
      const highChecked = parseScenario(high);
      if (!lowChecked.ok || !highChecked.ok) {
        skipped.push(`${input} (moved by ${percent}% it is no longer valid: ${(!lowChecked.ok ? lowChecked.issues : !highChecked.ok ? highChecked.issues : [])[0]?.message})`);
        continue;
      }
      progress.clear();
      err(`sensitivity: ${input} -${percent}% and +${percent}%\n`);
      bars.push({ input, low: await runOne(lowChecked.scenario), high: await runOne(highChecked.scenario) });
    }
    progress.clear();
    const sorted = tornado(bars);
    const wallSeconds = (performance.now() - start) / 1000;
    if (args.options.get('json')) out(JSON.stringify({ scenario: loaded.name, variant: variant.id, kpi, percent, baseline, bars: sorted, skipped }) + '\n');
    else out(formatTornado(loaded, variant.name ?? variant.id, kpi, percent, baseline, sorted, skipped, wallSeconds));
    return EXIT.ok;
  });
}
