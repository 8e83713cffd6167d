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

/**
 * The grid point of `spec` that minimises its objective (under its service floor), screened then
 * confirmed (see OptimizeSpec), each phase run by `run`: the CLI passes its worker threads, a script
 * may pass `(scenario, replications) => Promise.resolve(runExperiment(scenario, { replications }))`.
 * Throws a RangeError naming the bad part of a spec the scenario does not fit (planSweep's).
 */
export async function optimize(scenario: Scenario, spec: OptimizeSpec, run: ExperimentRunner): Promise<OptimizeOutcome> {
  return (await optimizeTold(scenario, spec, run)).outcome;
}

/**
 * optimize(), with what its sentence says as facts beside the outcome (the outcome is what the CLI's
 * JSON gives, so the facts stay out of it): the web words them in the page's language. `details`
 * gives each grid point left out the facts of its problems too (planSweep's), for the same reason.
 */
export async function optimizeTold(scenario: Scenario, spec: OptimizeSpec, run: ExperimentRunner, options: { details?: boolean } = {}): Promise<{ outcome: OptimizeOutcome; story: OptimizeStory }> {
  if (spec.top < 2) throw new RangeError(`optimize: keep at least 2 candidates for confirmation, got ${spec.top}`);
  const plan = planSweep(scenario, spec, options);
  const screening = await run(plan.scenario, spec.screenReplications, 'screen');
  const screened = sweepRows(plan, screening);
  const ranked = rank(screened.map((row) => candidateOf(row, row.kpis, spec)));
  const kept = ranked.slice(0, spec.top);
  // the outcome's keys in this order, as the CLI's JSON has always given them
  const outcome = (fields: Omit<OptimizeOutcome, 'screened' | 'skipped' | 'sentence'>, story: OptimizeStory) => ({
    outcome: {
      ...{ screened, skipped: plan.skipped, confirmed: fields.confirmed, winner: fields.winner, margin: fields.margin, verdict: fields.verdict },
      ...{ sentence: optimizeSentence(story), complete: fields.complete, replications: fields.replications },
    },
    story,
  });
  const stopped = (story: OptimizeStory, confirmed: Candidate[], confirm = 0) =>
    outcome({ confirmed, winner: null, margin: null, verdict: 'interrupted', complete: false, replications: { screen: screening.replications, confirm } }, story);
  if (!screening.complete) {
    // a screening cut short still ranks the grid on the replications every point finished; it is
    // not confirmed, so it names a lead, not a winner
    if (screening.replications === 0 || kept.length === 0) return stopped({ kind: 'nothingRanked' }, []);
    return stopped({ kind: 'screeningInterrupted', leader: nameOf(kept[0]), replications: screening.replications }, kept);
  }
  const constraint = spec.constraint ?? null;
  if (kept.length === 0 || !kept[0].feasible) {
    return outcome({ confirmed: kept, winner: null, margin: null, verdict: 'infeasible', complete: true, replications: { screen: screening.replications, confirm: 0 } }, { kind: 'infeasible', phase: 'screen', constraint });
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
    return stopped({ kind: 'confirmingInterrupted', leader: nameOf(kept[0]) }, kept, confirmation.replications);
  }
  const replications = confirmation.replications;
  const finished = { screen: screening.replications, confirm: replications };
  const complete = confirmation.complete;
  const confirmed = rank(
    confirmation.variants.map((variant) => {
      const point = plan.points.find((p) => p.id === variant.id)!;
      return candidateOf(point, variant.network, spec);
    }),
  );
  const winner = confirmed[0].feasible ? confirmed[0] : null;
  if (!winner) {
    return outcome({ confirmed, winner: null, margin: null, verdict: 'infeasible', complete, replications: finished }, { kind: 'infeasible', phase: 'confirm', constraint });
  }
  const runnerUp = confirmed.slice(1).find((candidate) => candidate.feasible);
  if (!runnerUp) {
    return outcome({ confirmed, winner, margin: null, verdict: 'alone', complete, replications: finished }, { kind: 'alone', winner: nameOf(winner), constraint });
  }
  const windowDays = scenario.horizonDays - scenario.warmupDays;
  const [comparison] = compareVariants(confirmation, { windowDays, currency: scenario.currency, kpis: [spec.objective], baseline: winner.id }).filter((c) => c.variant.id === runnerUp.id);
  const margin = comparison.differences[0];
  const verdict = margin.significant && margin.mean > 0 ? 'better' : 'tie';
  const story: OptimizeStory = { kind: verdict, winner: nameOf(winner), runnerUp: nameOf(runnerUp), margin, replications, planned: spec.confirmReplications, complete };
  return outcome({ confirmed, winner, margin, verdict, complete, replications: finished }, story);
}

/**
 * What an optimisation's sentence says, as facts: the web words it in the page's language
 * (web/i18n/{en,fr}/sentences.ts), the CLI in English (optimizeSentence). Candidates are named by
 * their parameters ("reorderPoint = 20, orderUpTo = 60"); `constraint` null: the objective alone.
 */
export type OptimizeStory =
  | { kind: 'nothingRanked' }
  | { kind: 'screeningInterrupted'; leader: string; replications: number }
  | { kind: 'confirmingInterrupted'; leader: string }
  | { kind: 'infeasible'; phase: 'screen' | 'confirm'; constraint: OptimizeSpec['constraint'] | null }
  | { kind: 'alone'; winner: string; constraint: OptimizeSpec['constraint'] | null }
  | {
      kind: 'better' | 'tie';
      winner: string;
      runnerUp: string;
      /** the runner-up against the winner on the objective (its clause in English) */
      margin: PairedDifference;
      /** confirmation replications finished, of `planned` */
      replications: number;
      planned: number;
      complete: boolean;
    };

/**
 * The verdict in one English sentence; `marginClause` is the runner-up's difference in words
 * (the margin's own English clause unless another is given).
 */
export function optimizeSentence(story: OptimizeStory, marginClause?: string): string {
  switch (story.kind) {
    case 'nothingRanked':
      return 'Interrupted before every grid point had a replication: nothing to rank.';
    case 'screeningInterrupted':
      return `Interrupted while screening: ${story.leader} leads after ${story.replications} replication${story.replications === 1 ? '' : 's'} per point, not confirmed.`;
    case 'confirmingInterrupted':
      return `Interrupted while confirming: ${story.leader} led the screening, not confirmed.`;
    case 'infeasible':
      return story.phase === 'screen' ? `No grid point meets ${describeConstraint(story.constraint)} in the screening runs.` : `No confirmed candidate meets ${describeConstraint(story.constraint)}.`;
    case 'alone':
      return `${story.winner} is the only confirmed candidate that meets ${describeConstraint(story.constraint)}.`;
    default: {
      const clause = marginClause ?? story.margin.clause;
      const partly = story.complete ? '' : `, interrupted: ${story.replications} of ${story.planned}`;
      return story.kind === 'better'
        ? `${story.winner} is best: the runner-up, ${story.runnerUp}, ${clause} (paired, ${story.replications} confirmation replications${partly}).`
        : `${story.winner} and ${story.runnerUp} tie: the runner-up ${clause}; either will do (${story.replications} confirmation replications${partly}).`;
    }
  }
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

function describeConstraint(constraint: OptimizeSpec['constraint'] | null): string {
  return constraint ? `${constraint.kpi} ≥ ${constraint.atLeast}` : 'the objective';
}
