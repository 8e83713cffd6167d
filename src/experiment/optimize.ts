import type { KpiName } from '../metrics/kpis.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { ExperimentResult, KpiSummary } from './replicate.ts';
import { compareVariants, type PairedDifference } from './compare.ts';
import { planSweep, sweepRows, type SweepPlan, type SweepRow, type SweepSpec } from './sweep.ts';

/**
 * Simulation optimisation of policy parameters over a grid (Law, Simulation Modeling and Analysis,
 * 5th ed., 2015, ch. 12): screen every grid point with a few replications on common random numbers,
 * keep the best few, confirm them with more replications (new seeds: the confirmation does not reuse
 * the screening's luck), and say whether the winner beats the runner-up with 95% confidence (a paired
 * interval that excludes 0) or whether it is a tie.
 */
export interface OptimizeSpec extends SweepSpec {
  /** the network KPI to minimise (totalCost, or holdingCost under a service floor) */
  objective: KpiName;
  /** a service floor the winner's mean must meet, e.g. { kpi: 'fillRate', atLeast: 0.95 } */
  constraint?: { kpi: KpiName; atLeast: number };
  screenReplications: number;
  confirmReplications: number;
  /** candidates kept for confirmation (at least 2, to have a runner-up) */
  top: number;
}

export interface Candidate {
  id: string;
  values: number[];
  objective: KpiSummary;
  constraint: KpiSummary | null;
  /** the constraint's mean meets the floor */
  feasible: boolean;
}

export interface OptimizeOutcome {
  screened: SweepRow[];
  skipped: SweepPlan['skipped'];
  /** the confirmed candidates, best first */
  confirmed: Candidate[];
  winner: Candidate | null;
  /** the winner against the runner-up on the objective (runner-up - winner), from the confirmation */
  margin: PairedDifference | null;
  verdict: 'better' | 'tie' | 'alone' | 'infeasible' | 'interrupted';
  sentence: string;
  /** false when the run was stopped (Ctrl-C, Cancel): the outcome rests on the replications that finished */
  complete: boolean;
  /** the replications each phase finished (per grid point, per candidate); 0 for a phase not reached */
  replications: { screen: number; confirm: number };
}

/** Runs an experiment of a scenario; the CLI passes one on its worker threads. */
export type ExperimentRunner = (scenario: Scenario, replications: number, phase: 'screen' | 'confirm') => Promise<ExperimentResult>;

export async function optimize(scenario: Scenario, spec: OptimizeSpec, run: ExperimentRunner): Promise<OptimizeOutcome> {
  if (spec.top < 2) throw new RangeError(`optimize: keep at least 2 candidates for confirmation, got ${spec.top}`);
  const plan = planSweep(scenario, spec);
  const screening = await run(plan.scenario, spec.screenReplications, 'screen');
  const screened = sweepRows(plan, screening);
  const ranked = rank(screened.map((row) => candidateOf(row, row.kpis, spec)));
  const kept = ranked.slice(0, spec.top);
  const stopped = (sentence: string, confirmed: Candidate[], confirm = 0): OptimizeOutcome => ({
    ...{ screened, skipped: plan.skipped, confirmed, winner: null, margin: null, verdict: 'interrupted', sentence },
    ...{ complete: false, replications: { screen: screening.replications, confirm } },
  });
  if (!screening.complete) {
    // a screening cut short still ranks the grid on the replications every point finished; it is
    // not confirmed, so it names a lead, not a winner
    if (screening.replications === 0 || kept.length === 0) return stopped('Interrupted before every grid point had a replication: nothing to rank.', []);
    return stopped(`Interrupted while screening: ${nameOf(kept[0])} leads after ${screening.replications} replication${screening.replications === 1 ? '' : 's'} per point, not confirmed.`, kept);
  }
  if (kept.length === 0 || !kept[0].feasible) {
    return { screened, skipped: plan.skipped, confirmed: kept, winner: null, margin: null, verdict: 'infeasible', sentence: `No grid point meets ${describeConstraint(spec)} in the screening runs.`, complete: true, replications: { screen: screening.replications, confirm: 0 } };
  }

  // confirmation: the kept candidates only, on replications the screening did not use
  const keptIds = new Set(kept.map((candidate) => candidate.id));
  const confirmScenario: Scenario = {
    ...plan.scenario,
    variants: plan.scenario.variants.filter((variant) => keptIds.has(variant.id)),
    seed: `${plan.scenario.seed}/confirm`,
  };
  const confirmation = await run(confirmScenario, spec.confirmReplications, 'confirm');
  // a paired interval needs two replications; with fewer the screening's ranking is all there is
  if (!confirmation.complete && confirmation.replications < 2) {
    return stopped(`Interrupted while confirming: ${nameOf(kept[0])} led the screening, not confirmed.`, kept, confirmation.replications);
  }
  const replications = confirmation.replications;
  const finished = { screen: screening.replications, confirm: replications };
  const partly = confirmation.complete ? '' : `, interrupted: ${replications} of ${spec.confirmReplications}`;
  const confirmed = rank(
    confirmation.variants.map((variant) => {
      const point = plan.points.find((p) => p.id === variant.id)!;
      return candidateOf(point, variant.network, spec);
    }),
  );
  const winner = confirmed[0].feasible ? confirmed[0] : null;
  if (!winner) {
    return { screened, skipped: plan.skipped, confirmed, winner: null, margin: null, verdict: 'infeasible', sentence: `No confirmed candidate meets ${describeConstraint(spec)}.`, complete: confirmation.complete, replications: finished };
  }
  const runnerUp = confirmed.slice(1).find((candidate) => candidate.feasible);
  if (!runnerUp) {
    return { screened, skipped: plan.skipped, confirmed, winner, margin: null, verdict: 'alone', sentence: `${nameOf(winner)} is the only confirmed candidate that meets ${describeConstraint(spec)}.`, complete: confirmation.complete, replications: finished };
  }
  const windowDays = scenario.horizonDays - scenario.warmupDays;
  const [comparison] = compareVariants(confirmation, { windowDays, currency: scenario.currency, kpis: [spec.objective], baseline: winner.id }).filter((c) => c.variant.id === runnerUp.id);
  const margin = comparison.differences[0];
  const verdict = margin.significant && margin.mean > 0 ? 'better' : 'tie';
  const sentence =
    verdict === 'better'
      ? `${nameOf(winner)} is best: the runner-up, ${nameOf(runnerUp)}, ${margin.clause} (paired, ${replications} confirmation replications${partly}).`
      : `${nameOf(winner)} and ${nameOf(runnerUp)} tie: the runner-up ${margin.clause}; either will do (${replications} confirmation replications${partly}).`;
  return { screened, skipped: plan.skipped, confirmed, winner, margin, verdict, sentence, complete: confirmation.complete, replications: finished };
}

function candidateOf(point: { id: string; values: number[] }, kpis: Record<KpiName, KpiSummary>, spec: OptimizeSpec): Candidate {
  const constraint = spec.constraint ? kpis[spec.constraint.kpi] : null;
  const feasible = spec.constraint === undefined || (constraint!.mean !== null && constraint!.mean >= spec.constraint.atLeast);
  return { id: point.id, values: point.values, objective: kpis[spec.objective], constraint, feasible };
}

/** Feasible first, then by the objective's mean (lowest first); points without the objective last. */
function rank(candidates: Candidate[]): Candidate[] {
  const key = (candidate: Candidate) => candidate.objective.mean ?? Infinity;
  return [...candidates].sort((a, b) => Number(b.feasible) - Number(a.feasible) || key(a) - key(b) || a.id.localeCompare(b.id));
}

function nameOf(candidate: Candidate): string {
  return candidate.id.replace(/_/g, ', ').replace(/:/g, ' = ');
}

function describeConstraint(spec: OptimizeSpec): string {
  return spec.constraint ? `${spec.constraint.kpi} ≥ ${spec.constraint.atLeast}` : 'the objective';
}
