import type { KpiName } from '../metrics/kpis.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { RunResult } from './run.ts';
import { summarize, type ExperimentResult, type Task } from './replicate.ts';
import { variantsOf } from '../model/build.ts';

/**
 * "Precision" mode: replications are added until the 95% half-width of a chosen network KPI is under
 * a target for every variant, or a cap is reached (sequential stopping; Law, Simulation Modeling and
 * Analysis, 5th ed., 2015, §9.4.1). Each round asks for as many replications as the current spread
 * says the target needs, since the half-width shrinks as 1/sqrt(n): n' = n (h / target)^2, plus 10%,
 * at least one more. Replications keep their numbers and seeds, so a precise run extends a short one
 * and the variants stay on common random numbers.
 */
export interface PrecisionTarget {
  kpi: KpiName;
  /** the largest acceptable 95% half-width, in the KPI's unit (a rate as a fraction: 0.002 = 0.2 points) */
  halfWidth: number;
  /** replications to start with (at least 2) */
  initial: number;
  /** replications never to exceed */
  cap: number;
}

export interface PrecisionOutcome {
  result: ExperimentResult;
  /** the target was met (false: the cap stopped it, or a variant never had the KPI) */
  met: boolean;
  /** the largest half-width over the variants at the end */
  halfWidth: number | null;
  rounds: number;
}

/** Runs replications [from, to) of every variant, in any order. */
export type BatchRunner = (tasks: Task[]) => Promise<RunResult[]>;

/**
 * Runs `target.initial` replications of every variant, then rounds of more through `runBatch`, until
 * the KPI's 95% half-width meets the target for every variant or `target.cap` is reached;
 * `onRound` hears each round's replications and half-width. The result is the same, to the byte, as
 * a plain experiment of that many replications.
 */
export async function runToPrecision(scenario: Scenario, target: PrecisionTarget, runBatch: BatchRunner, onRound?: (replications: number, halfWidth: number | null) => void): Promise<PrecisionOutcome> {
  if (!(target.halfWidth > 0)) throw new RangeError(`runToPrecision: the target half-width must be > 0, got ${target.halfWidth}`);
  const variants = variantsOf(scenario).length;
  const results: RunResult[] = [];
  let done = 0;
  let wanted = Math.min(Math.max(2, target.initial), target.cap);
  let rounds = 0;
  for (;;) {
    const tasks: Task[] = [];
    for (let replication = done; replication < wanted; replication++) for (let variant = 0; variant < variants; variant++) tasks.push({ variant, replication });
    results.push(...(await runBatch(tasks)));
    done = wanted;
    rounds++;
    const result = summarize(scenario, results, true);
    const halfWidth = widest(result, target.kpi);
    onRound?.(done, halfWidth);
    if (halfWidth !== null && halfWidth <= target.halfWidth) return { result, met: true, halfWidth, rounds };
    if (done >= target.cap || halfWidth === null) return { result, met: false, halfWidth, rounds };
    wanted = nextReplications(done, halfWidth, target.halfWidth, target.cap);
  }
}

/** The replications the current half-width says the target needs, with 10% to spare, within the cap. */
export function nextReplications(current: number, halfWidth: number, target: number, cap: number): number {
  const ratio = halfWidth / target;
  const needed = Math.ceil(current * ratio * ratio * 1.1);
  return Math.min(cap, Math.max(current + 1, needed));
}

/** The widest 95% half-width of a network KPI over the variants (null when one has none). */
function widest(result: ExperimentResult, kpi: KpiName): number | null {
  let worst = 0;
  for (const variant of result.variants) {
    const halfWidth = variant.network[kpi].halfWidth;
    if (halfWidth === null) return null;
    worst = Math.max(worst, halfWidth);
  }
  return worst;
}
