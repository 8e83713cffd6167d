import type { Scenario } from '../../src/scenario/schema.ts';
import type { KpiName } from '../../src/metrics/kpis.ts';
import type { RunResult } from '../../src/experiment/run.ts';
import { summarize, type Task } from '../../src/experiment/replicate.ts';
import { variantsOf } from '../../src/model/build.ts';
import { runToPrecision } from '../../src/experiment/sequential.ts';
import { openWorkerPool, startTheory, viewOf, type RunOutcome } from './client.ts';

/**
 * The web app's precision mode (src/experiment/sequential.ts), as `stocklab compare --precision` runs
 * it: rounds of replications on one worker pool (worker/client.ts) until the 95% half-width of a
 * network KPI is at most a target for every variant, or a cap is reached. The first round has the
 * scenario's replications (at least 2). Replications keep their numbers and seeds, so the result is
 * the one a plain run with as many replications gives, to the byte. The page's modules outside
 * web/worker/ only import types from src, so the engine's code is called here.
 */

export interface PrecisionRequest {
  kpi: KpiName;
  /** the largest acceptable 95% half-width, in the engine's unit (a rate as a fraction: 0.002 = 0.2 points) */
  halfWidth: number;
  /** replications never to exceed */
  cap: number;
}

/** How a precision run ended, for the status line and the exported view. */
export interface PrecisionSummary {
  request: PrecisionRequest;
  /** the target was met (false: the cap stopped it, the KPI has no interval, or it was cancelled) */
  met: boolean;
  /** the widest half-width over the variants at the end (null: the KPI does not apply, or nothing finished) */
  halfWidth: number | null;
  rounds: number;
  variants: number;
  cancelled: boolean;
}

/** Where a precision run is: round `round` plans `total` replications in all, `done` of them finished. */
export interface PrecisionProgress {
  round: number;
  done: number;
  total: number;
}

export type PrecisionOutcome = (RunOutcome & { ok: true; precision: PrecisionSummary }) | (RunOutcome & { ok: false });

/** Stops the rounds when Cancel is pressed; what finished is kept by the caller. */
class Cancelled extends Error {}

/** Stops the rounds when the pool cannot run the scenario (its issues) or a worker fails. */
class PoolFailed extends Error {
  constructor(readonly outcome: RunOutcome & { ok: false }) {
    super('error' in outcome ? outcome.error : 'the scenario has problems');
  }
}

/**
 * Runs `scenario` in rounds until the target is met or the cap stops it. Progress counts whole
 * replications of the round's planned total (the replications of earlier rounds included). Cancel
 * stops at once and keeps the complete replications of every round (a partial result, as Run's).
 */
export async function runPrecision(scenario: Scenario, request: PrecisionRequest, onProgress: (progress: PrecisionProgress) => void, signal: AbortSignal): Promise<PrecisionOutcome> {
  const variants = variantsOf(scenario).length;
  const pool = openWorkerPool(request.cap * variants);
  const theory = startTheory(scenario);
  // asked first, so the first worker answers before its first run
  const warnings = pool.warnings(scenario);
  const kept: RunResult[] = [];
  let round = 0;
  const runBatch = async (tasks: Task[]): Promise<RunResult[]> => {
    round++;
    const from = tasks[0].replication;
    const total = tasks[tasks.length - 1].replication + 1;
    onProgress({ round, done: from, total });
    const outcome = await pool.run(scenario, tasks, (done) => onProgress({ round, done: from + Math.floor(done / variants), total }), signal);
    if (!outcome.ok) throw new PoolFailed(outcome);
    kept.push(...outcome.results);
    if (!outcome.complete) throw new Cancelled();
    return outcome.results;
  };
  try {
    const outcome = await runToPrecision(scenario, { ...request, initial: scenario.replications }, runBatch);
    const summary: PrecisionSummary = { request, met: outcome.met, halfWidth: outcome.halfWidth, rounds: outcome.rounds, variants, cancelled: false };
    return { ...(await viewOf(scenario, outcome.result, theory, signal, warnings)), precision: summary };
  } catch (error) {
    if (error instanceof Cancelled || signal.aborted) {
      const result = summarize(scenario, kept, false);
      const summary: PrecisionSummary = { request, met: false, halfWidth: widest(result.variants.map((variant) => variant.network[request.kpi].halfWidth)), rounds: round, variants, cancelled: true };
      return { ...(await viewOf(scenario, result, theory, signal, warnings)), precision: summary };
    }
    if (error instanceof PoolFailed) return error.outcome;
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  } finally {
    pool.close();
    theory.stop();
  }
}

function widest(halfWidths: (number | null)[]): number | null {
  if (halfWidths.length === 0 || halfWidths.some((value) => value === null)) return null;
  return Math.max(...(halfWidths as number[]));
}
