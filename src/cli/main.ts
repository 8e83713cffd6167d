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
import { startThreadPool } from './threadPool.ts';

export const USAGE = `Usage: stocklab <command> [options]

Commands:
  run <scenario.json>        run every replication of every policy variant; print network KPIs
  validate <scenario.json>   check a scenario file; print every problem at its field

Options of run:
  --replications N   replications per variant (default: the scenario's "replications")
  --seed S           experiment seed, a whole number or a string (default: the scenario's "seed")
  --days D           horizon in days (default: the scenario's "horizonDays")
  --workers N        worker threads (default: available CPUs, at most one per run)
  --json             print the full experiment result as JSON on stdout, nothing else
  -h, --help         show this help

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

async function runCommand(argv: ReadonlyArray<string>): Promise<number> {
  const args = commandArgs('run', argv, RUN_OPTIONS);
  if (args.exit !== undefined) return args.exit;
  const overrides: ScenarioOverrides = {
    replications: args.options.get('replications') as number | undefined,
    seed: args.options.get('seed') as string | number | undefined,
    horizonDays: args.options.get('days') as number | undefined,
  };
  const loaded = loadScenario(args.file, overrides);
  if (!loaded.ok) {
    err(loaded.lines.join('\n') + '\n');
    const given = ['replications', 'seed', 'days'].filter((flag) => args.options.has(flag));
    if (given.length > 0) err(`(checked with ${given.map((flag) => `--${flag} ${String(args.options.get(flag))}`).join(', ')} from the command line)\n`);
    return EXIT.usage;
  }
  const scenario = loaded.scenario;
  const tasks = tasksOf(scenario).length;
  const workers = Math.min((args.options.get('workers') as number | undefined) ?? availableParallelism(), tasks);
  const variants = variantsOf(scenario).length;
  const progress = createProgressLine(process.stderr, variants === 1 ? 'replications' : 'runs');

  const start = performance.now();
  const pool = startThreadPool(workers);
  const interrupt = () => {
    progress.clear();
    err('stocklab: interrupted\n');
    void pool.terminate().finally(() => process.exit(EXIT.interrupted));
  };
  process.once('SIGINT', interrupt);
  try {
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
  } catch (error) {
    progress.clear();
    err(`stocklab: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT.internal;
  } finally {
    process.off('SIGINT', interrupt);
    await pool.terminate();
  }
}
