import { availableParallelism } from 'node:os';
import { tasksOf } from '../../experiment/replicate.ts';
import { DEFAULT_SWEEP_KPI, planSweep, sweepRows, type SweepPlan } from '../../experiment/sweep.ts';
import type { KpiName } from '../../metrics/kpis.ts';
import type { OptionSpec } from '../args.ts';
import { onBackend } from '../backend.ts';
import { formatSweep } from '../formatSweep.ts';
import { sweepCsv, sweepJson } from '../../experiment/analysisExports.ts';
import { refusedAsTooLarge } from '../runBudgetCheck.ts';
import { argumentError, commandArgs, err, EXIT, gridArgs, kpiList, loadForCommand, out, threadSettings, RUN_OPTIONS, sweepAxis } from '../commandKit.ts';

const SWEEP_OPTIONS: Record<string, OptionSpec> = {
  ...RUN_OPTIONS,
  csv: { boolean: true },
  product: { read: (text) => text, placeholder: 'ID' },
  node: { read: (text) => text, placeholder: 'ID' },
  param: { read: sweepAxis, placeholder: 'NAME=FROM:TO:STEP', repeatable: true },
  kpi: { read: (text) => kpiList(text), placeholder: 'KPI' },
  from: { read: (text) => text, placeholder: 'VARIANT' },
};

export async function sweepCommand(argv: ReadonlyArray<string>): Promise<number> {
  const args = commandArgs('sweep', argv, SWEEP_OPTIONS);
  if (args.exit !== undefined) return args.exit;
  const grid = gridArgs('sweep', args.options, 'swept');
  if ('exit' in grid) return grid.exit;
  const { product, axes } = grid;
  // the grid is what runs: checked below once it is planned
  const loaded = loadForCommand(args.file, args.options, null);
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
  if (refusedAsTooLarge(args.file, scenario, args.options, { series: false })) return EXIT.usage;
  const workers = Math.min((args.options.get('workers') as number | undefined) ?? availableParallelism(), tasksOf(scenario).length);
  const start = performance.now();
  return onBackend(
    args.options,
    threadSettings(args.options, workers),
    'runs',
    async (backend, progress, isCancelled) => {
      const result = await backend.experiment(scenario, { series: false, stockPoints: false, isCancelled, onProgress: (done, total) => progress.update(done, total) });
      progress.clear();
      if (result.replications === 0) {
        err('stocklab: interrupted before any replication of every grid point finished; nothing to report\n');
        return EXIT.interrupted;
      }
      const rows = sweepRows(plan, result);
      const wallSeconds = (performance.now() - start) / 1000;
      if (args.options.get('json')) out(JSON.stringify(sweepJson(result, axes, kpi, rows, plan.skipped)) + '\n');
      else if (args.options.get('csv')) out(sweepCsv(axes, rows));
      else out(formatSweep(result, axes, rows, plan.skipped, { kpi, currency: loaded.currency, wallSeconds, workers, where: backend.where }));
      if (!result.complete) {
        err(`stocklab: interrupted; the grid above has the ${result.replications} replications every point finished\n`);
        return EXIT.interrupted;
      }
      return EXIT.ok;
    },
    true,
  );
}
