import { Policy, type Scenario, type Variant } from '../scenario/schema.ts';
import { scenarioForVariant } from '../scenario/variantSettings.ts';
import { fromZodIssues, type ScenarioIssue } from '../scenario/issues.ts';
import { planStockPoints, variantsOf } from '../model/build.ts';
import type { KpiName } from '../metrics/kpis.ts';
import { runExperiment, type ExperimentOptions, type ExperimentResult, type KpiSummaries } from './replicate.ts';

/**
 * A sweep over one or two policy parameters on a grid: every grid point is a policy variant (the
 * parameters set on the policy each targeted stock point already has), and all of them run on the
 * same replications, so they are compared on common random numbers. The result lists each point's
 * KPIs and the Pareto frontier of service against holding cost.
 */
export interface SweepAxis {
  /** a numeric field of the targeted policies: reorderPoint, orderUpTo, level, orderQuantity, reviewPeriod, safetyFactor... */
  parameter: string;
  values: number[];
}

export interface SweepSpec {
  /** the stock points whose policy is swept: every point of the product, or one node's */
  product: string;
  node?: string;
  /** one or two axes */
  axes: SweepAxis[];
  /** the variant whose policies the sweep starts from (default the first) */
  from?: string;
}

export interface SweepPoint {
  /** the variant's id, e.g. "reorderPoint:40_orderUpTo:120" */
  id: string;
  /** the parameters' values, in the order of the axes */
  values: number[];
}

export interface SweepPlan {
  scenario: Scenario;
  points: SweepPoint[];
  /**
   * grid points left out, with why (an (s, S) with S <= s, say): `reason` in English, as the CLI prints
   * it; `issues`, the problems as facts, only when planSweep is asked for `details` (the web words them)
   */
  skipped: { values: number[]; reason: string; issues?: ScenarioIssue[] }[];
}

/** The scenario whose variants are the grid's points, or an error naming the bad part of the spec. */
export function planSweep(scenario: Scenario, spec: SweepSpec, options: { details?: boolean } = {}): SweepPlan {
  if (spec.axes.length < 1 || spec.axes.length > 2) throw new RangeError(`sweep: expected one or two parameters, got ${spec.axes.length}`);
  for (const axis of spec.axes) {
    if (axis.values.length === 0 || axis.values.some((value) => !Number.isFinite(value))) throw new RangeError(`sweep: ${axis.parameter}: expected finite values`);
  }
  const base = spec.from === undefined ? variantsOf(scenario)[0] : variantsOf(scenario).find((variant) => variant.id === spec.from);
  if (!base) throw new RangeError(`sweep: no variant "${spec.from}" (variants: ${variantsOf(scenario).map((v) => v.id).join(', ')})`);
  // the base variant's own stock points: its `set` may change them (another warehouse network)
  const targets = planStockPoints(scenarioForVariant(scenario, base), base).filter((plan) => plan.product === spec.product && (spec.node === undefined || plan.node === spec.node));
  if (targets.length === 0) throw new RangeError(`sweep: no stock point of product "${spec.product}"${spec.node === undefined ? '' : ` at node "${spec.node}"`}`);
  for (const axis of spec.axes) {
    const without = targets.filter((plan) => typeof (plan.policy as Record<string, unknown>)[axis.parameter] !== 'number');
    if (without.length > 0) {
      const fields = Object.keys(targets[0].policy).filter((key) => typeof (targets[0].policy as Record<string, unknown>)[key] === 'number');
      throw new RangeError(`sweep: the ${without[0].policy.type} policy at ${without[0].key} has no numeric "${axis.parameter}" (it has: ${fields.join(', ')})`);
    }
  }

  const grid: number[][] = spec.axes.length === 1 ? spec.axes[0].values.map((value) => [value]) : spec.axes[0].values.flatMap((a) => spec.axes[1].values.map((b) => [a, b]));
  const points: SweepPoint[] = [];
  const variants: Variant[] = [];
  const skipped: SweepPlan['skipped'] = [];
  for (const values of grid) {
    // an id the scenario format accepts (letters, digits, _ . : -), and a name for people
    const id = spec.axes.map((axis, i) => `${axis.parameter}:${values[i]}`).join('_');
    const name = spec.axes.map((axis, i) => `${axis.parameter} = ${values[i]}`).join(', ');
    const policies = [];
    let reason: string | null = null;
    let issues: ScenarioIssue[] = [];
    for (const plan of targets) {
      const candidate = { ...plan.policy, ...Object.fromEntries(spec.axes.map((axis, i) => [axis.parameter, values[i]])) };
      const checked = Policy.safeParse(candidate);
      if (!checked.success) {
        reason = checked.error.issues.map((issue) => `${issue.path.join('.') || 'policy'}: ${issue.message}`).join('; ');
        if (options.details) issues = fromZodIssues(checked.error.issues);
        break;
      }
      policies.push({ node: plan.node, product: plan.product, policy: checked.data });
    }
    if (reason !== null) {
      skipped.push(options.details ? { values, reason, issues } : { values, reason });
      continue;
    }
    // the base variant's other overrides stay; the sweep's come last, so they win at the targeted points
    variants.push({ id, name, policies: [...base.policies, ...policies], set: base.set });
    points.push({ id, values });
  }
  if (variants.length === 0) throw new RangeError(`sweep: every grid point is an invalid policy (${skipped[0]?.reason})`);
  return { scenario: { ...scenario, variants }, points, skipped };
}

export interface SweepRow extends SweepPoint {
  kpis: KpiSummaries;
  /** on the Pareto frontier of service (fill rate, higher) against holding cost (lower) */
  frontier: boolean;
}

/** Each grid point's network KPIs, and which points no other beats on both service and holding cost. */
export function sweepRows(plan: SweepPlan, result: ExperimentResult): SweepRow[] {
  const rows = plan.points.map((point) => {
    const variant = result.variants.find((v) => v.id === point.id)!;
    return { ...point, kpis: variant.network, frontier: false };
  });
  const frontier = paretoFrontier(rows.map((row) => ({ service: row.kpis.fillRate.mean, cost: row.kpis.holdingCost.mean })));
  frontier.forEach((index) => (rows[index].frontier = true));
  return rows;
}

/**
 * A whole sweep in the calling thread: the grid planned (planSweep), every point run on the same random
 * days (runExperiment, or `run`: a worker pool's, say), and one row per point with its KPIs and whether
 * it is on the service-cost frontier. What `stocklab sweep` prints, as data.
 */
export function sweep(
  scenario: Scenario,
  spec: SweepSpec,
  options: ExperimentOptions & { run?: (scenario: Scenario, options: ExperimentOptions) => ExperimentResult } = {},
): { plan: SweepPlan; result: ExperimentResult; rows: SweepRow[] } {
  const { run = runExperiment, ...experiment } = options;
  const plan = planSweep(scenario, spec);
  const result = run(plan.scenario, experiment);
  return { plan, result, rows: sweepRows(plan, result) };
}

/**
 * Indices of the non-dominated points (higher service, lower cost; a point is dominated when another
 * is at least as good on both and better on one), sorted by cost. Points without both figures are
 * left out.
 */
export function paretoFrontier(points: { service: number | null; cost: number | null }[]): number[] {
  const candidates = points
    .map((point, index) => ({ ...point, index }))
    .filter((point): point is { service: number; cost: number; index: number } => point.service !== null && point.cost !== null)
    .sort((a, b) => a.cost - b.cost || b.service - a.service);
  const frontier: number[] = [];
  let best = -Infinity;
  for (const point of candidates) {
    if (point.service > best) {
      frontier.push(point.index);
      best = point.service;
    }
  }
  return frontier;
}

/** How a grid's values are typed: how one number is read, and how a list is cut into numbers. */
export interface ValueNotation {
  readNumber(text: string): number | null;
  splitList(text: string): string[];
}

/** The CLI's notation: JavaScript numbers ("12.5", "1e3"), lists cut at commas ("5,8,13"). */
export const PLAIN_NOTATION: ValueNotation = {
  readNumber(text) {
    const trimmed = text.trim();
    const value = trimmed === '' ? NaN : Number(trimmed);
    return Number.isFinite(value) ? value : null;
  },
  splitList: (text) => text.split(','),
};

/** The most values one axis of a grid may have. */
export const MAX_AXIS_VALUES = 1000;

/** Why a grid's values could not be read. */
export type ValuesProblem = { kind: 'range' } | { kind: 'tooMany'; count: number; most: number } | { kind: 'list' };

/**
 * A grid axis's values as typed: "FROM:TO:STEP" ("20:80:10" -> [20, 30, ..., 80]) or a list ("5,8,13"
 * -> [5, 8, 13]), each number read in `notation` (the CLI's by default; the French app's reads "2,5"
 * and lists "2,5 ; 5"). An empty item is no number: "5,,8" is refused, not read as 5, 0, 8.
 */
export function readValues(text: string, notation: ValueNotation = PLAIN_NOTATION): number[] | { problem: ValuesProblem } {
  const trimmed = text.trim();
  const range = trimmed.split(':');
  if (range.length === 3) {
    const [from, to, step] = range.map((part) => notation.readNumber(part));
    if (from === null || to === null || step === null || !(step > 0) || to < from) return { problem: { kind: 'range' } };
    const count = Math.floor((to - from) / step + 1e-9) + 1;
    if (count > MAX_AXIS_VALUES) return { problem: { kind: 'tooMany', count, most: MAX_AXIS_VALUES } };
    // each value computed from the start, so no rounding error accumulates along the grid
    return Array.from({ length: count }, (_, i) => Number((from + i * step).toPrecision(12)));
  }
  const values = trimmed === '' ? [null] : notation.splitList(trimmed).map((part) => notation.readNumber(part));
  if (values.some((value) => value === null)) return { problem: { kind: 'list' } };
  return values as number[];
}

/** The CLI's reading of a grid's values (readValues in its notation), with its problems in words. */
export function parseValues(text: string): number[] | { error: string } {
  const values = readValues(text);
  if (Array.isArray(values)) return values;
  const { problem } = values;
  if (problem.kind === 'range') return { error: `expected FROM:TO:STEP with TO >= FROM and STEP > 0, got "${text}"` };
  if (problem.kind === 'tooMany') return { error: `"${text}" makes ${problem.count} values; at most ${problem.most}` };
  return { error: `expected FROM:TO:STEP or numbers separated by commas, got "${text}"` };
}

/** The KPI a sweep reports on its grid, when the user does not choose one. */
export const DEFAULT_SWEEP_KPI: KpiName = 'totalCost';
