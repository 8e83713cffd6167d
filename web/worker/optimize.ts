import type { Scenario } from '../../src/scenario/schema.ts';
import type { KpiName } from '../../src/metrics/kpis.ts';
import type { SweepAxis } from '../../src/experiment/sweep.ts';
import { optimize, type OptimizeOutcome, type OptimizeSpec } from '../../src/experiment/optimize.ts';
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
  outcome: OptimizeOutcome;
  request: OptimizeRequest;
  screenReplications: number;
  confirmReplications: number;
}

export type OptimizeRunOutcome = { ok: true; view: OptimizeView } | { ok: false; cancelled: true } | { ok: false; cancelled: false; error: string };

/** Candidates kept for confirmation. */
export const OPTIMIZE_TOP = 3;

/** Confirmation replications: 4× the screening's, at least 10 (as the CLI's default, with a floor). */
export function confirmReplicationsFor(screen: number): number {
  return Math.max(10, 4 * screen);
}

class Cancelled extends Error {}

/**
 * Runs optimize() with `scenario.replications` as the screening's replications. A cancel stops the
 * phase under way and keeps nothing: half a screening cannot pick a winner.
 */
export async function runOptimize(scenario: Scenario, request: OptimizeRequest, onProgress: (done: number, total: number) => void, signal: AbortSignal): Promise<OptimizeRunOutcome> {
  const screenReplications = scenario.replications;
  const confirmReplications = confirmReplicationsFor(screenReplications);
  const spec: OptimizeSpec = { ...request, screenReplications, confirmReplications, top: OPTIMIZE_TOP };
  let screenTotal = 0;
  let confirmTotal = 0;
  try {
    const outcome = await optimize(scenario, spec, async (grid, replications, phase) => {
      if (phase === 'screen') {
        // the confirmation's size is known once the grid is: the kept candidates times its replications
        confirmTotal = Math.min(OPTIMIZE_TOP, grid.variants.length) * confirmReplications;
      }
      const run = await runScenario(
        { ...grid, replications },
        (done, total) => {
          if (phase === 'screen') {
            screenTotal = total;
            onProgress(done, total + confirmTotal);
          } else onProgress(screenTotal + done, screenTotal + total);
        },
        signal,
      );
      if (signal.aborted) throw new Cancelled();
      if (!run.ok) throw new Error('error' in run ? run.error : run.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '));
      if (!run.result.complete) throw new Cancelled();
      return run.result;
    });
    return { ok: true, view: { outcome, request, screenReplications, confirmReplications } };
  } catch (error) {
    if (error instanceof Cancelled || signal.aborted) return { ok: false, cancelled: true };
    return { ok: false, cancelled: false, error: error instanceof Error ? error.message.replace(/^(sweep|optimize): /, '') : String(error) };
  }
}
