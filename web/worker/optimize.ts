import type { Scenario } from '../../src/scenario/schema.ts';
import type { KpiName } from '../../src/metrics/kpis.ts';
import type { SweepAxis } from '../../src/experiment/sweep.ts';
import { optimizeTold, type OptimizeOutcome, type OptimizeSpec, type OptimizeStory } from '../../src/experiment/optimize.ts';
import { optimizationCsv, optimizationJson } from '../../src/experiment/analysisExports.ts';
import { adviseWiderGrid, type GridAdvice } from '../../src/experiment/widenGrid.ts';
import { STOCKLAB_VERSION } from '../version.ts';
import { pageCsvDialect, type CsvDialect } from '../charts/csvDialect.ts';
import { runScenario } from './client.ts';

/**
 * The web app's side of simulation optimisation (src/experiment/optimize.ts), as the CLI's `optimize`
 * command runs it: screen the grid, confirm the best few, on the same worker pool as Run
 * (worker/client.ts). The page's modules outside web/worker/ only import types from src, so the
 * engine's code is called here.
 */

export interface OptimizeRequest {
  product: string;
  node?: string;
  axes: SweepAxis[];
  objective: KpiName;
  constraint?: { kpi: KpiName; atLeast: number };
}

export interface OptimizeView {
  /** the scenario's name and the seed the screening ran on (what an export needs to be reproduced) */
  scenario: string;
  seed: string | number;
  outcome: OptimizeOutcome;
  /** what the outcome's sentence says, as facts the page words in its language (web/i18n sentences) */
  story: OptimizeStory;
  /** the scenario's currency and measured window (horizon − warm-up), which the verdict's margin names */
  currency: string;
  windowDays: number;
  request: OptimizeRequest;
  spec: OptimizeSpec;
  screenReplications: number;
  confirmReplications: number;
  /** when no grid point met the floor: which way to widen the grid (src/experiment/widenGrid.ts) */
  advice: GridAdvice | null;
}

export type OptimizeRunOutcome = { ok: true; view: OptimizeView } | { ok: false; cancelled: true } | { ok: false; cancelled: false; error: string };

/** Candidates kept for confirmation. */
export const OPTIMIZE_TOP = 3;

/** Confirmation replications: 4× the screening's, at least 10 (as the CLI's default, with a floor). */
export function confirmReplicationsFor(screen: number): number {
  return Math.max(10, 4 * screen);
}

/**
 * Runs optimize() with `scenario.replications` as the screening's replications. A cancel stops the
 * phase under way and keeps what finished, as `stocklab optimize` does on Ctrl-C: stopped while
 * screening, the grid ranked on the replications every point finished (a leader, not confirmed);
 * stopped while confirming, the candidates on the confirmation's replications (compared when there
 * are at least 2). The outcome says it is incomplete; with no replication of every grid point there
 * is nothing to keep (`cancelled`).
 */
export async function runOptimize(scenario: Scenario, request: OptimizeRequest, onProgress: (done: number, total: number, phase: 'screen' | 'confirm') => void, signal: AbortSignal): Promise<OptimizeRunOutcome> {
  const screenReplications = scenario.replications;
  const confirmReplications = confirmReplicationsFor(screenReplications);
  const spec: OptimizeSpec = { ...request, screenReplications, confirmReplications, top: OPTIMIZE_TOP };
  let screenTotal = 0;
  let confirmTotal = 0;
  try {
    const { outcome, story } = await optimizeTold(scenario, spec, async (grid, replications, phase) => {
      if (phase === 'screen') {
        // the confirmation's size is known once the grid is: the kept candidates times its replications
        confirmTotal = Math.min(OPTIMIZE_TOP, grid.variants.length) * confirmReplications;
      }
      const run = await runScenario(
        { ...grid, replications },
        (done, total) => {
          if (phase === 'screen') {
            screenTotal = total;
            onProgress(done, total + confirmTotal, phase);
          } else onProgress(screenTotal + done, screenTotal + total, phase);
        },
        signal,
      );
      if (!run.ok) throw new Error('error' in run ? run.error : run.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '));
      // after a cancel, the replications that finished (optimize() says the outcome is interrupted)
      return run.result;
    }, { details: true });
    if (!outcome.complete && outcome.confirmed.length === 0) return { ok: false, cancelled: true };
    const windowDays = scenario.horizonDays - scenario.warmupDays;
    return { ok: true, view: { scenario: scenario.name, seed: scenario.seed, outcome, story, currency: scenario.currency, windowDays, request, spec, screenReplications, confirmReplications, advice: outcome.complete ? adviseWiderGrid(spec, outcome) : null } };
  } catch (error) {
    if (signal.aborted) return { ok: false, cancelled: true };
    return { ok: false, cancelled: false, error: error instanceof Error ? error.message.replace(/^(sweep|optimize): /, '') : String(error) };
  }
}

/**
 * The optimisation as CSV, in `stocklab optimize --csv`'s columns (a row per screened grid point,
 * then per confirmed candidate) after what reproduces it (scenario, seed, complete, the Stocklab
 * version; each row has its own replications), in the page language's dialect.
 */
export function optimizeViewCsv(view: OptimizeView, dialect: CsvDialect = pageCsvDialect): string {
  return optimizationCsv(view.spec, view.outcome, { scenario: view.scenario, seed: view.seed, replications: view.screenReplications, complete: view.outcome.complete, stocklabVersion: STOCKLAB_VERSION }, dialect);
}

/** The optimisation as `stocklab optimize --json` gives it (without the theory's optimum), plus the Stocklab version. */
export function optimizeViewJson(view: OptimizeView): string {
  return `${JSON.stringify({ ...optimizationJson(view.scenario, view.seed, view.spec, view.outcome), stocklabVersion: STOCKLAB_VERSION })}\n`;
}
