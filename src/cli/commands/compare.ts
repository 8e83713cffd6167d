import { availableParallelism } from 'node:os';
import { tasksOf, type ExperimentResult } from '../../experiment/replicate.ts';
import { variantsOf } from '../../model/build.ts';
import { compareVariants, headlineFor } from '../../experiment/compare.ts';
import { runToPrecision } from '../../experiment/sequential.ts';
import type { KpiName } from '../../metrics/kpis.ts';
import { wholeNumberAtLeast, type OptionSpec } from '../args.ts';
import { onBackend } from '../backend.ts';
import { formatComparisonCsv, formatComparisons } from '../formatComparisons.ts';
import { argumentError, commandArgs, err, EXIT, kpiList, loadForCommand, out, threadSettings, precisionTarget, RUN_OPTIONS } from '../commandKit.ts';

const COMPARE_OPTIONS: Record<string, OptionSpec> = {
  ...RUN_OPTIONS,
  csv: { boolean: true },
  baseline: { read: (text) => text, placeholder: 'ID' },
  kpis: { read: kpiList, placeholder: 'K1,K2' },
  precision: { read: precisionTarget, placeholder: 'KPI=H' },
  'max-replications': { read: wholeNumberAtLeast(2), placeholder: 'N' },
};

export async function compareCommand(argv: ReadonlyArray<string>): Promise<number> {
  const args = commandArgs('compare', argv, COMPARE_OPTIONS);
  if (args.exit !== undefined) return args.exit;
  // with --precision, up to --max-replications may run
  const precisionCap = args.options.get('precision') === undefined ? undefined : ((args.options.get('max-replications') as number | undefined) ?? 1000);
  const scenario = loadForCommand(args.file, args.options, { replications: precisionCap });
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
  return onBackend(
    args.options,
    threadSettings(args.options, workers),
    'runs',
    async (backend, progress, isCancelled) => {
      let result: ExperimentResult;
      let precisionNote: string | null = null;
      if (precision) {
        const outcome = await runToPrecision(
          scenario,
          { ...precision, initial: scenario.replications, cap },
          async (tasks) => backend.tasks(scenario, tasks, (done, total) => progress.update(done, total), isCancelled),
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
        result = await backend.experiment(scenario, { series: false, stockPoints: false, isCancelled, onProgress: (done, total) => progress.update(done, total) });
      }
      progress.clear();
      if (!result.complete && result.replications < 2) {
        err(`stocklab: interrupted with ${result.replications} replication${result.replications === 1 ? '' : 's'} done; a comparison needs at least two\n`);
        return EXIT.interrupted;
      }
      const comparisons = compareVariants(result, { windowDays: scenario.horizonDays - scenario.warmupDays, currency: scenario.currency, kpis, baseline, headline: headlineFor(scenario) });
      const wallSeconds = (performance.now() - start) / 1000;
      if (format === 'json') out(JSON.stringify({ scenario: result.scenario, seed: result.seed, replications: result.replications, precision: precisionNote, comparisons }) + '\n');
      else if (format === 'csv') out(formatComparisonCsv(result, comparisons));
      else out(formatComparisons(result, comparisons, { wallSeconds, workers, where: backend.where, currency: scenario.currency, precision: precisionNote }));
      if (!result.complete) {
        err(`stocklab: interrupted; the comparison above uses the ${result.replications} replications every variant finished\n`);
        return EXIT.interrupted;
      }
      return EXIT.ok;
    },
    true,
  );
}
