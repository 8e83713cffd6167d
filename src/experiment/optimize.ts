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
  verdict: 'better' | 'tie' | 'alone' | 'infeasible';
  sentence: string;
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
  if (kept.length === 0 || !kept[0].feasible) {
    return { screened, skipped: plan.skipped, confirmed: kept, winner: null, margin: null, verdict: 'infeasible', sentence: `No grid point meets ${describeConstraint(spec)} in the screening runs.` };
  }

  // confirmation: the kept candidates only, on replications the screening did not use
  const keptIds = new Set(kept.map((candidate) => candidate.id));
  const confirmScenario: Scenario = {
    ...plan.scenario,
    variants: plan.scenario.variants.filter((variant) => keptIds.has(variant.id)),
    seed: `${plan.scenario.seed}/confirm`,
  };
  const confirmation = await run(confirmScenario, spec.confirmReplications, 'confirm');
  const confirmed = rank(
    confirmation.variants.map((variant) => {
      const point = plan.points.find((p) => p.id === variant.id)!;
      return candidateOf(point, variant.network, spec);
    }),
  );
  const winner = confirmed[0].feasible ? confirmed[0] : null;
  if (!winner) {
    return { screened, skipped: plan.skipped, confirmed, winner: null, margin: null, verdict: 'infeasible', sentence: `No confirmed candidate meets ${describeConstraint(spec)}.` };
  }
  const runnerUp = confirmed.slice(1).find((candidate) => candidate.feasible);
  if (!runnerUp) {
    return { screened, skipped: plan.skipped, confirmed, winner, margin: null, verdict: 'alone', sentence: `${nameOf(winner)} is the only confirmed candidate that meets ${describeConstraint(spec)}.` };
  }
  const windowDays = scenario.horizonDays - scenario.warmupDays;
  const [comparison] = compareVariants(confirmation, { windowDays, currency: scenario.currency, kpis: [spec.objective], baseline: winner.id }).filter((c) => c.variant.id === runnerUp.id);
  const margin = comparison.differences[0];
  const verdict = margin.significant && margin.mean > 0 ? 'better' : 'tie';
  const sentence =
    verdict === 'better'
      ? `${nameOf(winner)} is best: the runner-up, ${nameOf(runnerUp)}, ${margin.clause} (paired, ${spec.confirmReplications} confirmation replications).`
      : `${nameOf(winner)} and ${nameOf(runnerUp)} tie: the runner-up ${margin.clause}; either will do (${spec.confirmReplications} confirmation replications).`;
  return { screened, skipped: plan.skipped, confirmed, winner, margin, verdict, sentence };
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
