/**
 * Stocklab's library API (`import ... from 'stocklab'`): the functions the command line and the web
 * app call, and the types of what they return. It runs anywhere JavaScript does (Node, a browser, a
 * Web Worker) and uses the calling thread; the worker pools that spread replications over threads are
 * `stocklab/worker`.
 *
 * A scenario is data (a JSON file, the format of schema/scenario.schema.json): {@link parseScenario}
 * validates it into a {@link Scenario}, with defaults filled in, or says what is wrong, field by
 * field. {@link runExperiment} runs every replication of every policy variant and summarises the
 * KPIs with 95% confidence intervals; {@link compareVariants} (also `compare`), {@link sweep}, {@link optimize}
 * and {@link recommend} build on experiments.
 *
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * import { compareVariants, parseScenarioText, runExperiment } from 'stocklab';
 *
 * const parsed = parseScenarioText(readFileSync('scenario.json', 'utf8'));
 * if (!parsed.ok) throw new Error(parsed.issues.map((issue) => `${issue.path}: ${issue.message}`).join('\n'));
 * const result = runExperiment(parsed.scenario, { replications: 20 });
 * for (const variant of result.variants) console.log(variant.name, variant.network.fillRate.mean);
 * ```
 *
 * Semantic versioning: what this module and `stocklab/worker` export, and the scenario format, are
 * the public API (CHANGELOG.md); deep imports into dist/ are not.
 *
 * @packageDocumentation
 */

// ---- scenarios: validate data into a scenario, or every problem at its field

export { parseScenario, parseScenarioText, formatIssues, type ParseOptions, type ParseResult, type ScenarioIssue } from './scenario/parse.ts';
export {
  Scenario,
  SCENARIO_VERSION,
  type ScenarioInput,
  type Product,
  type Node,
  type Lane,
  type StockPoint,
  type Policy,
  type PolicyType,
  type Demand,
  type Distribution,
  type CustomerBase,
  type Disruption,
  type Fulfilment,
  type Recall,
  type Variant,
} from './scenario/schema.ts';
export { variantsOf } from './model/build.ts';
export { warningText, type ModelWarning, type NeverOrders, type BullwhipPeriod, type HistoryReplayed } from './model/warnings.ts';

// ---- experiments: replications of every variant, summarised with 95% confidence intervals

export {
  runExperiment,
  summarize,
  tasksOf,
  type ExperimentOptions,
  type ExperimentResult,
  type VariantSummary,
  type KpiSummary,
  type KpiSummaries,
  type MeanSeries,
  type Task,
} from './experiment/replicate.ts';
export { runReplication, type RunOptions, type RunResult, type RunSeries, type StockPointResult } from './experiment/run.ts';
export { KPI_NAMES, type KpiName, type Kpis } from './metrics/kpis.ts';

// ---- what experiments answer: compare variants, sweep and optimise parameters, recommend policies

export { compareVariants, headlineFor, type CompareOptions, type PairedDifference, type VariantComparison } from './experiment/compare.ts';
/** `compareVariants` under the short name the docs use: paired differences between variants on the same random days. */
export { compareVariants as compare } from './experiment/compare.ts';
export { sweep, planSweep, sweepRows, paretoFrontier, type SweepAxis, type SweepPlan, type SweepPoint, type SweepRow, type SweepSpec } from './experiment/sweep.ts';
export { optimize, type Candidate, type OptimizeOutcome, type OptimizeSpec, type ExperimentRunner as OptimizeRunner } from './experiment/optimize.ts';
export {
  recommend,
  type RecommendedRow,
  type RecommendOutcome,
  type RecommendPolicy,
  type RecommendSpec,
  type ExperimentRunner as RecommendRunner,
} from './experiment/recommend.ts';
export { perturb, tornado, variantAlone, SENSITIVITY_INPUTS, type SensitivityInput, type TornadoBar } from './experiment/sensitivity.ts';
export { runToPrecision, type BatchRunner, type PrecisionOutcome, type PrecisionTarget } from './experiment/sequential.ts';
export { theoryOf, checkTheory, type ScenarioTheory, type TheoryCheck } from './experiment/theory.ts';
export { checkRunBudget, estimateRun, type BudgetOptions, type RunEstimate } from './experiment/runBudget.ts';
