import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { recommend, type RecommendPolicy, type RecommendSpec } from '../../experiment/recommend.ts';
import { recommendationCsv, recommendationJson, recommendationMasterCsv } from '../../experiment/recommendExports.ts';
import type { KpiName } from '../../metrics/kpis.ts';
import { wholeNumberAtLeast, type OptionSpec } from '../args.ts';
import { onBackend } from '../backend.ts';
import { formatRecommendation } from '../formatRecommend.ts';
import { refusedAsTooLarge } from '../runBudgetCheck.ts';
import { argumentError, commandArgs, err, EXIT, kpiList, loadForCommand, out, serviceFloor, threadSettings, RUN_OPTIONS } from '../commandKit.ts';

const POLICIES: Record<string, RecommendPolicy> = { ss: 'sS', rq: 'rQ', rs: 'RS', basestock: 'baseStock' };

const RECOMMEND_OPTIONS: Record<string, OptionSpec> = {
  ...RUN_OPTIONS,
  csv: { boolean: true },
  target: { read: serviceFloor, placeholder: 'KPI>=VALUE' },
  policy: {
    read: (text) => POLICIES[text.toLowerCase()] ?? { error: `expected sS, rQ, RS or baseStock, got "${text}"` },
    placeholder: 'sS|rQ|RS|baseStock',
  },
  objective: { read: (text) => kpiList(text), placeholder: 'KPI' },
  by: { read: (text) => (text === 'stock-point' || text === 'product' ? text : { error: `expected stock-point or product, got "${text}"` }), placeholder: 'stock-point|product' },
  'confirm-replications': { read: wholeNumberAtLeast(2), placeholder: 'N' },
  'master-csv': { read: (text) => text, placeholder: 'FILE' },
  out: { read: (text) => text, placeholder: 'FILE' },
};

/** The search's replications per rung when the scenario asks for more: enough for intervals, few enough for a range. */
const DEFAULT_SEARCH_REPLICATIONS = 10;

export async function recommendCommand(argv: ReadonlyArray<string>): Promise<number> {
  const args = commandArgs('recommend', argv, RECOMMEND_OPTIONS);
  if (args.exit !== undefined) return args.exit;
  const target = args.options.get('target') as { kpi: KpiName; atLeast: number } | undefined;
  if (target === undefined) return argumentError('recommend: --target is required, e.g. --target fillRate>=0.95');
  if (!(target.atLeast > 0 && target.atLeast < 1) && ['fillRate', 'cycleServiceLevel', 'readyRate'].includes(target.kpi)) {
    return argumentError(`recommend: --target ${target.kpi}>=${target.atLeast}: expected a share between 0 and 1 (0.95 for 95%)`);
  }
  const scenario = loadForCommand(args.file, args.options, null);
  if (!scenario) return EXIT.usage;
  const searchReplications = (args.options.get('replications') as number | undefined) ?? Math.min(scenario.replications, DEFAULT_SEARCH_REPLICATIONS);
  if (searchReplications < 2) return argumentError('recommend: --replications must be at least 2 (the search needs intervals)');
  const spec: RecommendSpec = {
    target,
    policy: (args.options.get('policy') as RecommendPolicy | undefined) ?? 'sS',
    objective: ((args.options.get('objective') as KpiName[] | undefined) ?? ['totalCost'])[0],
    by: args.options.get('by') === 'product' ? 'product' : 'stockPoint',
    searchReplications,
    confirmReplications: (args.options.get('confirm-replications') as number | undefined) ?? Math.max(2 * searchReplications, 10),
  };
  if (refusedAsTooLarge(args.file, scenario, args.options, { series: false, replications: spec.searchReplications * 13 + spec.confirmReplications * 2 })) return EXIT.usage;
  const workers = (args.options.get('workers') as number | undefined) ?? availableParallelism();
  const start = performance.now();
  return onBackend(args.options, threadSettings(args.options, workers), 'runs', async (backend, progress, isCancelled) => {
    let outcome;
    try {
      outcome = await recommend({ ...scenario, output: { ...scenario.output, series: 'none' } }, spec, async (candidate, phase) => {
        if (isCancelled()) throw new Interrupted();
        progress.clear();
        err(`${phase}: ${candidate.replications} replications\n`);
        const result = await backend.experiment(candidate, { series: false, isCancelled, onProgress: (done, total) => progress.update(done, total) });
        if (!result.complete) throw new Interrupted();
        return result;
      });
    } catch (error) {
      if (error instanceof Interrupted) {
        progress.clear();
        err('stocklab: interrupted; a recommendation needs every phase, so there is nothing to report\n');
        return EXIT.interrupted;
      }
      if (error instanceof RangeError) return argumentError(error.message);
      throw error;
    }
    progress.clear();
    const wallSeconds = (performance.now() - start) / 1000;
    const master = args.options.get('master-csv') as string | undefined;
    if (master !== undefined) writeFileSync(master, recommendationMasterCsv(outcome));
    const file = args.options.get('out') as string | undefined;
    if (file !== undefined) writeFileSync(file, JSON.stringify({ ...outcome.scenario, output: scenario.output }, null, 2) + '\n');
    if (args.options.get('json')) out(JSON.stringify(recommendationJson(outcome)) + '\n');
    else if (args.options.get('csv')) out(recommendationCsv(outcome));
    else out(formatRecommendation(scenario, outcome, { wallSeconds }));
    for (const warning of outcome.warnings) if (args.options.get('json') || args.options.get('csv')) err(`warning: ${warning}\n`);
    return EXIT.ok;
  }, true);
}

/** The run was stopped (Ctrl-C): a recommendation needs every phase. */
class Interrupted extends Error {}
