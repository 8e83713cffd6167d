import type { Scenario, Variant } from '../../src/scenario/schema.ts';
import type { KpiName } from '../../src/metrics/kpis.ts';
import { MAX_REFINE_RUNGS, SEARCH_RUNGS, recommend, type RecommendOutcome, type RecommendPolicy, type RecommendSpec } from '../../src/experiment/recommend.ts';
import { recommendationCsv, recommendationJson, recommendationMasterCsv } from '../../src/experiment/recommendExports.ts';
import { STOCKLAB_VERSION } from '../version.ts';
import { pageCsvDialect, type CsvDialect } from '../charts/csvDialect.ts';
import { runScenario } from './client.ts';

/**
 * The web app's side of `stocklab recommend` (src/experiment/recommend.ts): for each customer-facing
 * stock point (or product), the cheapest parameters of a policy meeting a service target with 95%
 * confidence, searched and confirmed on the same worker pool as Run (worker/client.ts). The page's
 * modules outside web/worker/ only import types from src, so the engine's code is called here.
 */

export interface RecommendRequest {
  target: { kpi: KpiName; atLeast: number };
  policy: RecommendPolicy;
  by: 'stockPoint' | 'product';
  objective: KpiName;
}

export interface RecommendView {
  /** the scenario's name and the seed the search ran on (what an export needs to be reproduced) */
  scenario: string;
  seed: string | number;
  outcome: RecommendOutcome;
  /** the scenario's currency and measured window (horizon − warm-up), which money is named with */
  currency: string;
  windowDays: number;
  request: RecommendRequest;
}

export type RecommendRunOutcome = { ok: true; view: RecommendView } | { ok: false; cancelled: true } | { ok: false; cancelled: false; error: string };

/** Where a recommendation is: a rung of the search, of the finer ladder, or the confirmation. */
export type RecommendPhase = { kind: 'search' | 'refine'; step: number; of: number } | { kind: 'confirm' };

/** The search's rungs and the finer ladder's at most, as the engine runs them: what the progress bar plans for. */
export { SEARCH_RUNGS };

/** Replications of each rung of the search: the top bar's, at least 2 (the choice needs intervals), as the CLI's --replications. */
export function searchReplicationsFor(replications: number): number {
  return Math.max(2, replications);
}

/** Replications of the confirmation on fresh seeds: twice the search's, at least 10 (the CLI's default). */
export function confirmReplicationsFor(search: number): number {
  return Math.max(2 * search, 10);
}

/**
 * The scenarios a recommendation runs, for the page's size check before it starts: a rung of the
 * search (one variant) and the confirmation (today and the recommendation), without daily series.
 */
export function recommendRunsToCheck(scenario: Scenario): Array<{ scenario: Scenario; replications: number }> {
  const search = searchReplicationsFor(scenario.replications);
  const base: Variant = scenario.variants[0] ?? { id: 'baseline', policies: [], set: [] };
  const quiet: Scenario = { ...scenario, output: { ...scenario.output, series: 'none' } };
  return [
    { scenario: { ...quiet, variants: [base] }, replications: search },
    { scenario: { ...quiet, variants: [base, { ...base, id: 'recommended' }] }, replications: confirmReplicationsFor(search) },
  ];
}

/** A run stopped by Cancel: a recommendation needs every phase, so there is nothing to report. */
class Cancelled extends Error {}

const PHASE = /^(search|refine) (\d+)\/(\d+)$/;

/**
 * Runs recommend() with the top bar's replications for the search (at least 2) and twice as many (at
 * least 10) for the confirmation, without daily series (as the CLI: only the summaries are read).
 * Progress counts runs over every phase: the search's 9 rungs, the finer ladder (planned at its most,
 * 4 rungs, until its size is known) and the confirmation's 2 variants. A cancel reports nothing.
 */
export async function runRecommend(scenario: Scenario, request: RecommendRequest, onProgress: (done: number, total: number, phase: RecommendPhase) => void, signal: AbortSignal): Promise<RecommendRunOutcome> {
  const searchReplications = searchReplicationsFor(scenario.replications);
  const confirmReplications = confirmReplicationsFor(searchReplications);
  const spec: RecommendSpec = { ...request, searchReplications, confirmReplications };
  const confirmRuns = 2 * confirmReplications;
  let refineRungs = MAX_REFINE_RUNGS;
  // confirmations run so far: a second one follows when some choices fell short (the engine's repair round)
  let confirmations = 0;
  // runs finished in the phases before the one under way
  let before = 0;
  try {
    const outcome = await recommend({ ...scenario, output: { ...scenario.output, series: 'none' } }, spec, async (candidate, label) => {
      if (signal.aborted) throw new Cancelled();
      const match = PHASE.exec(label);
      const phase: RecommendPhase = match ? { kind: match[1] as 'search' | 'refine', step: Number(match[2]), of: Number(match[3]) } : { kind: 'confirm' };
      if (phase.kind === 'refine') refineRungs = phase.of;
      if (phase.kind === 'confirm') {
        // the finer ladder's size is known once it is done (it may have had no rung)
        if (confirmations === 0) refineRungs = before / searchReplications - SEARCH_RUNGS;
        confirmations++;
      }
      const planned = (SEARCH_RUNGS + refineRungs) * searchReplications + confirmRuns * Math.max(1, confirmations);
      onProgress(before, planned, phase);
      const run = await runScenario(candidate, (done) => onProgress(before + done, planned, phase), signal);
      if (signal.aborted) throw new Cancelled();
      if (!run.ok) throw new Error('error' in run ? run.error : run.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '));
      before += candidate.replications * candidate.variants.length;
      return run.result;
    });
    const windowDays = scenario.horizonDays - scenario.warmupDays;
    return { ok: true, view: { scenario: scenario.name, seed: scenario.seed, outcome, currency: scenario.currency, windowDays, request } };
  } catch (error) {
    if (signal.aborted || error instanceof Cancelled) return { ok: false, cancelled: true };
    return { ok: false, cancelled: false, error: error instanceof Error ? error.message.replace(/^recommend: /, '') : String(error) };
  }
}

/** The recommendation as `stocklab recommend --csv` gives it, one row per stock point, in the page language's dialect. */
export function recommendViewCsv(view: RecommendView, dialect: CsvDialect = pageCsvDialect): string {
  return recommendationCsv(view.outcome, dialect);
}

/** The recommended parameters in the SKU master's columns (`stocklab recommend --master-csv`), in the page language's dialect. */
export function recommendViewMasterCsv(view: RecommendView, dialect: CsvDialect = pageCsvDialect): string {
  return recommendationMasterCsv(view.outcome, dialect);
}

/** The recommendation as `stocklab recommend --json` gives it, with what reproduces it (scenario, seed) and the Stocklab version. */
export function recommendViewJson(view: RecommendView): string {
  return `${JSON.stringify({ scenario: view.scenario, seed: view.seed, ...(recommendationJson(view.outcome) as object), stocklabVersion: STOCKLAB_VERSION })}\n`;
}
