import type { Scenario } from '../../src/scenario/schema.ts';
import type { KpiName } from '../../src/metrics/kpis.ts';
import type { KpiSummary } from '../../src/experiment/replicate.ts';
import { variantsOf } from '../../src/model/build.ts';
import { parseScenario } from '../../src/scenario/parse.ts';
import { perturb, SENSITIVITY_INPUTS, tornado, variantAlone, type SensitivityInput, type TornadoBar } from '../../src/experiment/sensitivity.ts';
import { tornadoCsv, tornadoJson } from '../../src/experiment/analysisExports.ts';
import { STOCKLAB_VERSION } from '../version.ts';
import { pageCsvDialect, type CsvDialect } from '../charts/csvDialect.ts';
import { runScenario } from './client.ts';

/**
 * The web app's side of a one-at-a-time sensitivity analysis (src/experiment/sensitivity.ts), as the
 * CLI's `sensitivity` command runs it: one variant, the baseline and each input at -x% and +x%, every
 * run on the same seed, through the same worker pool as Run (worker/client.ts). The page's modules
 * outside web/worker/ only import types from src, so the engine's code is called here.
 */

export type { SensitivityInput, TornadoBar };

export interface SensitivityRequest {
  /** the variant's id */
  variant: string;
  kpi: KpiName;
  /** how far each input moves, in percent (1–90) */
  percent: number;
}

export interface SensitivitySkipped {
  input: SensitivityInput;
  reason: 'notInScenario' | 'invalid' | 'cancelled';
  /** the first problem of the moved scenario (reason 'invalid') */
  message?: string;
}

export interface SensitivityView {
  /** the scenario's name and the seed every run used (what an export needs to be reproduced) */
  scenario: string;
  seed: string | number;
  variantId: string;
  /** the variant's name */
  variant: string;
  kpi: KpiName;
  percent: number;
  baseline: KpiSummary;
  /** sorted by swing, largest first */
  bars: TornadoBar[];
  skipped: SensitivitySkipped[];
  replications: number;
  /** the inputs that could be moved (bars plus those cancelled) */
  planned: number;
  complete: boolean;
}

export type SensitivityOutcome = { ok: true; view: SensitivityView | null } | { ok: false; error: string };

/** The scenario's policy variants (the pseudo-variant "Baseline" when it has none). */
export function sensitivityVariants(scenario: Scenario): { id: string; name: string }[] {
  return variantsOf(scenario).map((variant) => ({ id: variant.id, name: variant.name ?? variant.id }));
}

/**
 * Runs the baseline and every movable input at -x% and +x% one after the other, reporting the
 * overall progress (runs of all of them). A cancel keeps the inputs whose two runs both finished;
 * with the baseline unfinished nothing is kept (view null).
 */
export async function runSensitivity(
  scenario: Scenario,
  request: SensitivityRequest,
  onProgress: (done: number, total: number) => void,
  signal: AbortSignal,
): Promise<SensitivityOutcome> {
  const variant = variantsOf(scenario).find((candidate) => candidate.id === request.variant) ?? variantsOf(scenario)[0];
  const base: Scenario = variantAlone(scenario, variant);
  const factor = request.percent / 100;
  const skipped: SensitivitySkipped[] = [];
  const planned: { input: SensitivityInput; low: Scenario; high: Scenario }[] = [];
  for (const input of SENSITIVITY_INPUTS) {
    const low = perturb(base, input, 1 - factor);
    const high = perturb(base, input, 1 + factor);
    if (!low || !high) {
      skipped.push({ input, reason: 'notInScenario' });
      continue;
    }
    const lowChecked = parseScenario(low);
    const highChecked = parseScenario(high);
    if (!lowChecked.ok || !highChecked.ok) {
      const issues = !lowChecked.ok ? lowChecked.issues : !highChecked.ok ? highChecked.issues : [];
      skipped.push({ input, reason: 'invalid', message: issues[0] ? `${issues[0].path}: ${issues[0].message}` : undefined });
      continue;
    }
    planned.push({ input, low: lowChecked.scenario, high: highChecked.scenario });
  }

  const perRun = base.replications;
  const total = perRun * (1 + 2 * planned.length);
  let offset = 0;
  /** one run's KPI, or null when it was cancelled before every replication finished */
  const runOne = async (candidate: Scenario): Promise<{ ok: true; kpi: KpiSummary | null } | { ok: false; error: string }> => {
    const outcome = await runScenario(candidate, (done) => onProgress(offset + done, total), signal);
    offset += perRun;
    if (!outcome.ok) return { ok: false, error: 'error' in outcome ? outcome.error : outcome.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ') };
    const result = outcome.result;
    return { ok: true, kpi: result.complete && !signal.aborted ? result.variants[0].network[request.kpi] : null };
  };

  onProgress(0, total);
  const baseline = await runOne(base);
  if (!baseline.ok) return baseline;
  if (baseline.kpi === null) return { ok: true, view: null };
  const bars: Omit<TornadoBar, 'swing'>[] = [];
  for (const { input, low, high } of planned) {
    if (signal.aborted) {
      skipped.push({ input, reason: 'cancelled' });
      continue;
    }
    const lowRun = await runOne(low);
    if (!lowRun.ok) return lowRun;
    const highRun = lowRun.kpi === null ? ({ ok: true, kpi: null } as const) : await runOne(high);
    if (!highRun.ok) return highRun;
    if (lowRun.kpi === null || highRun.kpi === null) skipped.push({ input, reason: 'cancelled' });
    else bars.push({ input, low: lowRun.kpi, high: highRun.kpi });
  }
  return {
    ok: true,
    view: {
      scenario: scenario.name,
      seed: scenario.seed,
      variantId: variant.id,
      variant: variant.name ?? variant.id,
      kpi: request.kpi,
      percent: request.percent,
      baseline: baseline.kpi,
      bars: tornado(bars),
      skipped,
      replications: perRun,
      planned: planned.length,
      complete: bars.length === planned.length,
    },
  };
}

/**
 * The tornado as CSV: a row per input moved (largest swing first, as drawn) after what reproduces
 * it (scenario, seed, replications, complete — false after a cancel — and the Stocklab version), in
 * the page language's dialect (web/charts/csvDialect.ts: ";" and decimal commas in French).
 */
export function sensitivityViewCsv(view: SensitivityView, dialect: CsvDialect = pageCsvDialect): string {
  return tornadoCsv({ id: view.variantId, name: view.variant }, view.kpi, view.percent, view.baseline, view.bars, context(view), dialect);
}

/**
 * The analysis as `stocklab sensitivity --json` gives it, `skipped` in the panel's words, plus the
 * seed, replications, whether it finished and the Stocklab version.
 */
export function sensitivityViewJson(view: SensitivityView, skipped: string[]): string {
  const { seed, replications, complete, stocklabVersion } = context(view);
  return `${JSON.stringify({ ...tornadoJson(view.scenario, view.variantId, view.kpi, view.percent, view.baseline, view.bars, skipped), seed, replications, complete, stocklabVersion })}\n`;
}

function context(view: SensitivityView) {
  return { scenario: view.scenario, seed: view.seed, replications: view.replications, complete: view.complete, stocklabVersion: STOCKLAB_VERSION };
}
