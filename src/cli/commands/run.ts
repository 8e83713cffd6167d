import { availableParallelism } from 'node:os';
import { tasksOf } from '../../experiment/replicate.ts';
import { variantsOf } from '../../model/build.ts';
import { checkTheory, theoryOf } from '../../experiment/theory.ts';
import { formatExperiment } from '../format.ts';
import { formatTheory } from '../formatTheory.ts';
import { formatBreakdown } from '../formatBreakdown.ts';
import { breakdownCsv, breakdownJson, type Breakdown } from '../../experiment/breakdown.ts';
import type { OptionSpec } from '../args.ts';
import type { ExperimentResult } from '../../experiment/replicate.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { onBackend } from '../backend.ts';
import { argumentError, commandArgs, err, EXIT, loadForCommand, out, threadSettings, RUN_OPTIONS } from '../commandKit.ts';

const { help, ...SHARED_OPTIONS } = RUN_OPTIONS;
/** run's options: those it shares with the other commands, then its own, --help last (as the usage lists them) */
const RUN_COMMAND_OPTIONS: Record<string, OptionSpec> = {
  ...SHARED_OPTIONS,
  by: { read: breakdownLevel, placeholder: 'stock-point|product' },
  csv: { boolean: true },
  help,
};

/** --by: the level the KPIs are reported at. */
function breakdownLevel(text: string): Exclude<Breakdown, 'network'> | { error: string } {
  return text === 'stock-point' || text === 'product' ? text : { error: 'expected stock-point or product' };
}

export async function runCommand(argv: ReadonlyArray<string>): Promise<number> {
  const args = commandArgs('run', argv, RUN_COMMAND_OPTIONS);
  if (args.exit !== undefined) return args.exit;
  if (args.options.get('json') && args.options.get('csv')) return argumentError('run: --json and --csv each print the whole result; give one of them');
  const scenario = loadForCommand(args.file, args.options);
  if (!scenario) return EXIT.usage;
  const tasks = tasksOf(scenario).length;
  const workers = Math.min((args.options.get('workers') as number | undefined) ?? availableParallelism(), tasks);
  const variants = variantsOf(scenario).length;
  const start = performance.now();
  const unit = variants === 1 ? 'replications' : 'runs';
  // Ctrl-C lets the runs under way finish and reports the replications every variant finished, marked
  // incomplete (as compare, sweep and optimize do); a second Ctrl-C quits at once. The scenario was
  // validated above: with --redis, nothing is enqueued for a bad one
  return onBackend(args.options, threadSettings(args.options, workers), unit, async (backend, progress, isCancelled) => {
    const result = await backend.experiment(scenario, { isCancelled, onProgress: (done, total) => progress.update(done, total) });
    const wallSeconds = (performance.now() - start) / 1000;
    progress.clear();
    return report(args, scenario, result, wallSeconds, { workers, where: backend.where });
  }, true);
}

/** Prints the experiment as the options ask; the exit status (interrupted when incomplete). */
function report(args: { file: string; options: Map<string, unknown> }, scenario: Scenario, result: ExperimentResult, wallSeconds: number, ran: { workers: number; where?: string }): number {
  const { workers, where } = ran;
  if (result.replications === 0) {
    err('stocklab: interrupted before every variant finished a replication; nothing to report\n');
    return EXIT.interrupted;
  }
  const theory = theoryOf(scenario);
  const checks = theory?.ok ? checkTheory(theory, result, scenario.horizonDays - scenario.warmupDays) : null;
  const by = args.options.get('by') as Exclude<Breakdown, 'network'> | undefined;
  if (args.options.get('csv')) out(breakdownCsv(result, by ?? 'network'));
  else if (by !== undefined && args.options.get('json')) out(breakdownJson(result, by));
  else if (by !== undefined) out(formatBreakdown(result, by, { wallSeconds, workers, where, currency: scenario.currency, planned: scenario.replications }));
  else if (args.options.get('json')) {
    const withTheory = theory?.ok ? { ...result, theory: { model: theory.model, source: theory.source, checks, facts: theory.variants.map(({ variant, facts }) => ({ variant, facts })), outsideRange: theory.variants.filter((v) => v.outsideRange !== null).map(({ variant, outsideRange }) => ({ variant, message: outsideRange })) } } : result;
    out(JSON.stringify(withTheory) + '\n');
  } else {
    out(formatExperiment(result, { wallSeconds, workers, where, currency: scenario.currency, planned: scenario.replications }));
    if (theory?.ok && checks) out(formatTheory(theory, checks, result));
  }
  // warnings go to stderr in both modes, so --json output stays one JSON document
  for (const warning of result.warnings) err(`${args.file}: warning: ${warning}\n`);
  if (!result.complete) {
    err(`stocklab: interrupted; ${result.replications} of ${scenario.replications} replications finished, and the results above are theirs ("complete": false in --json)\n`);
    return EXIT.interrupted;
  }
  return EXIT.ok;
}
