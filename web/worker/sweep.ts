import type { Scenario } from '../../src/scenario/schema.ts';
import { planStockPoints, variantsOf } from '../../src/model/build.ts';
import { planSweep, readValues, sweepRows, type SweepAxis, type SweepPlan, type SweepRow, type SweepSpec } from '../../src/experiment/sweep.ts';
import type { KpiName } from '../../src/metrics/kpis.ts';
import { sweepCsv, sweepJson } from '../../src/experiment/analysisExports.ts';
import { STOCKLAB_VERSION } from '../version.ts';
import { locale, type Locale } from '../i18n/locale.ts';
import { inputNumber, parseDecimal } from '../i18n/numberFormat.ts';
import { sweep as text } from '../i18n/strings.ts';
import { pageCsvDialect, type CsvDialect } from '../charts/csvDialect.ts';
import { runScenario } from './client.ts';

/**
 * The web app's side of a parameter sweep (src/experiment/sweep.ts): what can be swept in a scenario,
 * and running a sweep's grid through the same worker pool as Run (worker/client.ts). The page's
 * modules outside web/worker/ only import types from src, so the engine's sweep code is called here.
 */

/** A stock point the sweep can target, with the numeric fields of its policy in the first variant. */
export interface SweepTarget {
  node: string;
  product: string;
  policyType: string;
  /** the policy's numeric fields and their current values, in the policy's order */
  fields: [string, number][];
}

/** Every stock point of the scenario as the sweep sees it: the first variant's policies (the sweep starts from it). */
export function sweepTargets(scenario: Scenario): SweepTarget[] {
  const base = variantsOf(scenario)[0];
  return planStockPoints(scenario, base).map((plan) => ({
    node: plan.node,
    product: plan.product,
    policyType: plan.policy.type,
    fields: Object.entries(plan.policy).filter((entry): entry is [string, number] => typeof entry[1] === 'number'),
  }));
}

/**
 * Values as a values field of the grid takes them, in a language (the page's by default): "5, 8, 12.5"
 * in English, "5 ; 8 ; 12,5" in French (what parseValues reads back).
 */
export function valuesText(values: readonly number[], language: Locale = locale): string {
  return values.map((value) => inputNumber(value, language)).join(language === 'en' ? ', ' : ' ; ');
}

/**
 * A values field of the sweep's or optimiser's grid, read in a language (the page's by default), as
 * the CLI reads `--param` (src/experiment/sweep.ts readValues): "FROM:TO:STEP" (20:80:10) or a list of
 * numbers. English lists them with commas (5,8,13), as the CLI does; French, whose decimal mark is the
 * comma, with semicolons or spaces (5 ; 8 ; 13, 2,5 7,5 12,5). Each number is read as
 * web/i18n/numberFormat.ts parseDecimal reads it: a decimal point in both languages, a decimal comma
 * in French, the minus sign −. The error is in the page's language, without a final full stop.
 */
export function parseValues(typed: string, language: Locale = locale): number[] | { error: string } {
  const values = readValues(typed, {
    readNumber: (part) => parseDecimal(part, language),
    // French: semicolons when there are any (then "1 000" is one number), else spaces
    splitList: (list) => (language === 'en' ? list.split(',') : list.includes(';') ? list.split(';') : list.split(/\s+/)),
  });
  if (Array.isArray(values)) return values;
  const { problem } = values;
  return { error: problem.kind === 'range' ? text.badRange(typed) : problem.kind === 'tooMany' ? text.tooManyValues(typed, problem.count, problem.most) : text.badValues(typed) };
}

export interface SweepView {
  /** the scenario's name and the seed the grid ran on (what an export needs to be reproduced) */
  scenario: string;
  seed: string | number;
  rows: SweepRow[];
  axes: SweepAxis[];
  skipped: SweepPlan['skipped'];
  product: string;
  node?: string;
  /** replications behind every point (fewer than asked after a cancel) */
  replications: number;
  complete: boolean;
}

export type SweepOutcome = { ok: true; view: SweepView } | { ok: false; error: string };

/** The grid's scenario (one variant per grid point), or an error naming the bad part of the spec. */
export function planGrid(scenario: Scenario, spec: SweepSpec): { ok: true; plan: SweepPlan } | { ok: false; error: string } {
  try {
    // with the facts of each point left out, so the panel says why in the page's language
    return { ok: true, plan: planSweep(scenario, spec, { details: true }) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message.replace(/^sweep: /, '') : String(error) };
  }
}

/**
 * Runs every grid point of a planned sweep on the pool (worker/client.ts), on common random numbers,
 * and summarizes each point's KPIs and the frontier. A cancel keeps the replications complete so far,
 * as Run does.
 */
export async function runSweep(plan: SweepPlan, spec: SweepSpec, onProgress: (done: number, total: number) => void, signal: AbortSignal): Promise<SweepOutcome> {
  const outcome = await runScenario(plan.scenario, onProgress, signal);
  if (!outcome.ok) {
    const error = 'error' in outcome ? outcome.error : outcome.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
    return { ok: false, error };
  }
  const result = outcome.result;
  return {
    ok: true,
    view: {
      scenario: plan.scenario.name,
      seed: plan.scenario.seed,
      rows: result.replications > 0 ? sweepRows(plan, result) : [],
      axes: spec.axes,
      skipped: plan.skipped,
      product: spec.product,
      node: spec.node,
      replications: result.replications,
      complete: result.complete,
    },
  };
}

/**
 * The sweep's grid points as CSV, in `stocklab sweep --csv`'s columns after what reproduces them
 * (scenario, seed, replications, complete — false after a cancel — and the Stocklab version), in
 * the page language's dialect (web/charts/csvDialect.ts: ";" and decimal commas in French).
 */
export function sweepViewCsv(view: SweepView, dialect: CsvDialect = pageCsvDialect): string {
  return sweepCsv(view.axes, view.rows, { scenario: view.scenario, seed: view.seed, replications: view.replications, complete: view.complete, stocklabVersion: STOCKLAB_VERSION }, dialect);
}

/** The sweep as `stocklab sweep --json` gives it (with `kpi`, the KPI shown on the grid), plus where it was swept and the Stocklab version. */
export function sweepViewJson(view: SweepView, kpi: KpiName): string {
  return `${JSON.stringify({ ...sweepJson(view, view.axes, kpi, view.rows, view.skipped), product: view.product, node: view.node ?? null, stocklabVersion: STOCKLAB_VERSION })}\n`;
}
