import { availableParallelism } from 'node:os';
import { planStockPoints, variantsOf } from '../../model/build.ts';
import { scenarioForVariant } from '../../scenario/variantSettings.ts';
import { objectiveWarnings } from '../../experiment/recommend.ts';
import { optimize, type OptimizeSpec } from '../../experiment/optimize.ts';
import { planSweep } from '../../experiment/sweep.ts';
import { theoryOf } from '../../experiment/theory.ts';
import type { KpiName } from '../../metrics/kpis.ts';
import { wholeNumberAtLeast, type OptionSpec } from '../args.ts';
import { onBackend } from '../backend.ts';
import { formatOptimization } from '../formatOptimization.ts';
import { optimizationCsv, optimizationJson } from '../../experiment/analysisExports.ts';
import { refusedAsTooLarge } from '../runBudgetCheck.ts';
import { argumentError, commandArgs, err, EXIT, gridArgs, kpiList, loadForCommand, out, threadSettings, RUN_OPTIONS, serviceFloor, sweepAxis } from '../commandKit.ts';

const OPTIMIZE_OPTIONS: Record<string, OptionSpec> = {
  ...RUN_OPTIONS,
  csv: { boolean: true },
  product: { read: (text) => text, placeholder: 'ID' },
  node: { read: (text) => text, placeholder: 'ID' },
  param: { read: sweepAxis, placeholder: 'NAME=FROM:TO:STEP', repeatable: true },
  from: { read: (text) => text, placeholder: 'VARIANT' },
  objective: { read: (text) => kpiList(text), placeholder: 'KPI' },
  constraint: { read: serviceFloor, placeholder: 'KPI>=VALUE' },
  'confirm-replications': { read: wholeNumberAtLeast(2), placeholder: 'N' },
  top: { read: wholeNumberAtLeast(2), placeholder: 'N' },
};

export async function optimizeCommand(argv: ReadonlyArray<string>): Promise<number> {
  const args = commandArgs('optimize', argv, OPTIMIZE_OPTIONS);
  if (args.exit !== undefined) return args.exit;
  const grid = gridArgs('optimize', args.options, 'optimised');
  if ('exit' in grid) return grid.exit;
  const { product, axes } = grid;
  // the grid is what runs: checked below once it is planned
  const scenario = loadForCommand(args.file, args.options, null);
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
    // the screening runs the whole grid; the confirmation a few candidates, more times each
    const grid = planSweep(scenario, spec).scenario;
    if (refusedAsTooLarge(args.file, grid, args.options, { series: false })) return EXIT.usage;
    const confirmation = { ...grid, variants: grid.variants.slice(0, spec.top) };
    if (refusedAsTooLarge(args.file, confirmation, args.options, { series: false, replications: spec.confirmReplications })) return EXIT.usage;
  } catch (error) {
    if (error instanceof RangeError) return argumentError(error.message);
    throw error;
  }
  // a cost minimised without a service floor, where unmet demand is lost and costs nothing: stocking
  // nothing wins (docs/SCENARIO.md's smallest scenario named a reorder point of 0 best)
  if (spec.constraint === undefined) {
    const base = spec.from === undefined ? variantsOf(scenario)[0] : variantsOf(scenario).find((variant) => variant.id === spec.from)!;
    const points = planStockPoints(scenarioForVariant(scenario, base), base).filter((plan) => plan.product === spec.product && (spec.node === undefined || plan.node === spec.node));
    for (const warning of objectiveWarnings(scenario, spec, points)) err(`warning: ${warning} Here: --constraint fillRate>=0.95, or stocklab recommend.\n`);
  }
  const workers = (args.options.get('workers') as number | undefined) ?? availableParallelism();
  const start = performance.now();
  return onBackend(args.options, threadSettings(args.options, workers), 'runs', async (backend, progress, isCancelled) => {
    const outcome = await optimize(scenario, spec, async (candidate, replications, phase) => {
      progress.clear();
      if (!isCancelled()) err(`${phase === 'screen' ? 'screening' : 'confirming'} ${variantsOf(candidate).length} candidates × ${replications} replications\n`);
      return backend.experiment(candidate, { replications, series: false, stockPoints: false, isCancelled, onProgress: (done, total) => progress.update(done, total) });
    });
    progress.clear();
    const theory = theoryOf(scenario);
    const facts = theory?.ok ? theory.variants[0].facts.filter((fact) => /optim|EOQ|Q\*|S\*/i.test(fact.label)) : [];
    const wallSeconds = (performance.now() - start) / 1000;
    if (args.options.get('json')) out(JSON.stringify(optimizationJson(scenario.name, scenario.seed, spec, outcome, facts)) + '\n');
    else if (args.options.get('csv')) out(optimizationCsv(spec, outcome));
    else out(formatOptimization(scenario, spec, outcome, facts, { wallSeconds, currency: scenario.currency }));
    if (!outcome.complete) {
      err('stocklab: interrupted; the ranking above rests on the replications that finished\n');
      return EXIT.interrupted;
    }
    return EXIT.ok;
  }, true);
}
