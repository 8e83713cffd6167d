import type { Demand, Distribution, Scenario, TheoryModel, Policy } from '../scenario/schema.ts';
import { idsOf } from '../scenario/references.ts';
import { planStockPoints, variantsOf, type StockPointPlan } from '../model/build.ts';
import { scenarioForVariant } from '../scenario/variantSettings.ts';
import type { KpiName } from '../metrics/kpis.ts';
import type { ExperimentResult, KpiSummary } from './replicate.ts';
import { studentTQuantile } from '../metrics/studentT.ts';
import { theoryModels } from './theoryModels.ts';
import { OutsideAnalyticRange, type RangeReason } from '../theory/range.ts';
import { outsideRangeMessage, theoryNoteText, type TheoryNote } from './theoryNotes.ts';

/**
 * The analytic side of a scenario that names a theory model (`theory.model`, scenarios/theory/): for
 * each policy variant, the closed-form value of the KPIs the model predicts, read from the scenario's
 * own parameters, so that `stocklab run` can show simulation and theory side by side.
 *
 * Each model checks that the scenario meets its assumptions (one stock point, Poisson arrivals of
 * single units, a constant lead time...) and says which field breaks one; nothing is guessed.
 */

/** One KPI the model predicts, at one stock point (or the network). */
export interface TheoryComparison {
  kpi: KpiName;
  /** the stock point, as "node/product"; null for the network */
  stockPoint: string | null;
  /** the closed-form value, in the unit of the KPI read as `per` says */
  theory: number;
  /**
   * how the simulated KPI is read: as reported, or divided by the measured window's days (a cost
   * or a count per day), or per 365 days
   */
  per: 'window' | 'day' | 'year';
  /**
   * where the simulation and the formula measure slightly different things, the most they can
   * differ by for that reason (documented in `note`); 0 where they measure the same thing
   */
  allowance: number;
  /** what is compared, and why any allowance */
  note: string;
  /**
   * the note as facts (src/experiment/theoryNotes.ts), for a page that words it in another language;
   * checkTheory keeps it only when asked (`details`), so the CLI's output is `note` alone
   */
  noteFacts?: TheoryNote;
}

export interface TheoryVariant {
  variant: string;
  comparisons: TheoryComparison[];
  /** other figures of the model worth showing (the optimal parameters, say), as label and value */
  facts: { label: string; value: number | string }[];
  /**
   * null, or why this variant's closed form was not computed: its parameters lie outside the range
   * where the formulas finish in a moment (src/theory/range.ts), in words; its comparisons and facts
   * are then empty
   */
  outsideRange: string | null;
  /** null, or why outside the range as facts (src/theory/range.ts), for a page that words it in another language */
  outsideRangeReason: RangeReason | null;
}

export interface TheoryProblem {
  path: string;
  message: string;
}

export type ScenarioTheory =
  | { ok: true; model: TheoryModel; source: string; variants: TheoryVariant[] }
  | { ok: false; problems: TheoryProblem[] };

/** What a model needs to compute its side of one variant. */
export interface ModelInput {
  scenario: Scenario;
  variantId: string;
  plans: StockPointPlan[];
  /** the measured window in days */
  windowDays: number;
}

export interface TheoryModelDefinition {
  /** the book or paper the formulas come from */
  source: string;
  /** the model's comparisons and facts for one variant; throws TheoryAssumptionError when the scenario does not fit */
  variant(input: ModelInput): Omit<TheoryVariant, 'variant' | 'outsideRange' | 'outsideRangeReason'>;
}

/** The scenario breaks an assumption of its theory model, at `path`. */
export class TheoryAssumptionError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

export { outsideRangeMessage };

/**
 * The theory of a scenario that names a model, or the problems that stop it; null when it names none.
 * Returns within a fraction of a second whatever the parameters: a variant whose closed form would
 * take longer (an order quantity of 10¹⁵, a lead time of 10⁶ days) is reported `outsideRange`.
 */
export function theoryOf(scenario: Scenario): ScenarioTheory | null {
  if (!scenario.theory) return null;
  const model = scenario.theory.model;
  const definition = theoryModels[model];
  const variants: TheoryVariant[] = [];
  try {
    for (const variant of variantsOf(scenario)) {
      // the variant as it runs, its `set` entries applied (a shelf life set per variant, say)
      const own = scenarioForVariant(scenario, variant);
      const plans = planStockPoints(own, variant);
      try {
        const computed = definition.variant({ scenario: own, variantId: variant.id, plans, windowDays: scenario.horizonDays - scenario.warmupDays });
        variants.push({ variant: variant.id, ...computed, outsideRange: null, outsideRangeReason: null });
      } catch (error) {
        if (!(error instanceof OutsideAnalyticRange)) throw error;
        variants.push({ variant: variant.id, comparisons: [], facts: [], outsideRange: outsideRangeMessage(model, error.message), outsideRangeReason: error.reason });
      }
    }
  } catch (error) {
    if (error instanceof TheoryAssumptionError) return { ok: false, problems: [{ path: error.path, message: `the ${model} model: ${error.message}` }] };
    if (error instanceof RangeError) return { ok: false, problems: [{ path: 'theory.model', message: `the ${model} model: ${error.message}` }] };
    throw error;
  }
  return { ok: true, model, source: definition.source, variants };
}

/** One comparison with its simulated side. */
export interface TheoryCheck extends TheoryComparison {
  variant: string;
  /** the simulated mean and its 95% half-width */
  simulated: { mean: number; halfWidth: number | null; n: number } | null;
  /** |mean - theory| <= 95% half-width + allowance (false without a half-width) */
  agrees: boolean;
  /**
   * the half-width at the level that makes all of the scenario's comparisons hold together with 95%
   * confidence (Bonferroni: each at 1 - 0.05 / comparisons)
   */
  jointHalfWidth: number | null;
  /** |mean - theory| <= joint half-width + allowance */
  agreesJointly: boolean;
}

/**
 * Reads each comparison's KPI from the experiment and says whether theory lies in its interval.
 *
 * With many comparisons, some 95% intervals miss their true value by chance (one in twenty), and KPIs
 * of one run move together (a replication with more demand has less stock everywhere). So each check
 * is also given at the joint level: all the scenario's intervals cover their values at once with 95%
 * confidence (Bonferroni), which is what "the simulation agrees with the theory" should mean.
 *
 * `details`: keep each note's facts (`noteFacts`), for a page that words them in another language. Off
 * by default: the CLI and everything else see the English `note` only.
 */
export function checkTheory(theory: Extract<ScenarioTheory, { ok: true }>, result: ExperimentResult, windowDays: number, options: { details?: boolean } = {}): TheoryCheck[] {
  const comparisons = theory.variants.reduce((sum, variant) => sum + variant.comparisons.length, 0);
  const checks: TheoryCheck[] = [];
  for (const variantTheory of theory.variants) {
    const variant = result.variants.find((v) => v.id === variantTheory.variant);
    for (const comparison of variantTheory.comparisons) {
      let summary: KpiSummary | undefined;
      if (variant) {
        if (comparison.stockPoint === null) summary = variant.network[comparison.kpi];
        else summary = variant.stockPoints.find((point) => `${point.node}/${point.product}` === comparison.stockPoint)?.kpis[comparison.kpi];
      }
      const scale = comparison.per === 'window' ? 1 : comparison.per === 'day' ? 1 / windowDays : 365 / windowDays;
      const simulated =
        summary && summary.mean !== null ? { mean: summary.mean * scale, halfWidth: summary.halfWidth === null ? null : summary.halfWidth * scale, n: summary.n } : null;
      const within = (halfWidth: number | null) =>
        simulated !== null && halfWidth !== null && Math.abs(simulated.mean - comparison.theory) <= halfWidth + comparison.allowance + 1e-9 * Math.max(1, Math.abs(comparison.theory));
      const jointHalfWidth =
        simulated === null || simulated.halfWidth === null || simulated.n < 2
          ? null
          : (simulated.halfWidth * studentTQuantile(1 - 0.025 / comparisons, simulated.n - 1)) / studentTQuantile(0.975, simulated.n - 1);
      const { noteFacts, ...english } = comparison;
      checks.push({ ...english, ...(options.details && noteFacts !== undefined ? { noteFacts } : {}), variant: variantTheory.variant, simulated, agrees: within(simulated?.halfWidth ?? null), jointHalfWidth, agreesJointly: within(jointHalfWidth) });
    }
  }
  return checks;
}

/**
 * A comparison at `plan`'s stock point (null: the network): the KPI as reported, no allowance, unless
 * `fields` say otherwise; its note given as facts (src/experiment/theoryNotes.ts), by default that the
 * simulation measures what the formula predicts.
 */
export function at(
  plan: StockPointPlan | null,
  fields: Pick<TheoryComparison, 'kpi' | 'theory'> & Partial<Pick<TheoryComparison, 'per' | 'allowance'>> & { note?: TheoryNote },
): TheoryComparison {
  const { note = { id: 'same' }, ...rest } = fields;
  // the keys in the order the CLI's JSON has always had them
  return { stockPoint: plan === null ? null : plan.key, per: 'window', allowance: 0, note: theoryNoteText(note), ...rest, noteFacts: note };
}

// ------------------------------------------------------------------------------------------------
// readers shared by the models: each checks one assumption and names the field that breaks it

/** The scenario's only stock point. */
export function onlyStockPoint(input: ModelInput): StockPointPlan {
  if (input.plans.length !== 1) throw new TheoryAssumptionError('stockPoints', `describes one stock point; this scenario has ${input.plans.length}`);
  return input.plans[0];
}

/** A constant value, or a problem at `path`. */
export function constantOf(distribution: Distribution, path: string, what: string): number {
  if (distribution.type !== 'constant') throw new TheoryAssumptionError(path, `assumes a constant ${what}; got a ${distribution.type} distribution`);
  return distribution.value;
}

/** The lane into `plan`'s node from its source, with its index. */
export function laneInto(scenario: Scenario, plan: StockPointPlan): { lane: Scenario['lanes'][number]; index: number; source: Scenario['nodes'][number] } {
  const inbound = scenario.lanes.map((lane, index) => ({ lane, index })).filter(({ lane }) => lane.to === plan.node && (plan.entry.source === undefined || lane.from === plan.entry.source));
  if (inbound.length !== 1) throw new TheoryAssumptionError('lanes', `assumes one lane into ${plan.node}; found ${inbound.length}`);
  const source = scenario.nodes.find((node) => node.id === inbound[0].lane.from)!;
  return { ...inbound[0], source };
}

/** The replenishment lead time of a point supplied by a supplier: the lane's plus the supplier's processing, both constant. */
export function constantLeadTime(scenario: Scenario, plan: StockPointPlan): number {
  const { lane, index, source } = laneInto(scenario, plan);
  if (source.type !== 'supplier') throw new TheoryAssumptionError(`lanes[${index}].from`, `assumes ${plan.node} is supplied by a supplier; "${source.id}" is a ${source.type}`);
  let leadTime = constantOf(lane.leadTime, `lanes[${index}].leadTime`, 'lead time');
  if (source.leadTime) {
    const nodeIndex = scenario.nodes.indexOf(source);
    if (source.type === 'supplier' && source.servers !== undefined) throw new TheoryAssumptionError(`nodes[${nodeIndex}].servers`, 'assumes orders do not queue at the supplier');
    leadTime += constantOf(source.leadTime, `nodes[${nodeIndex}].leadTime`, 'processing time');
  }
  if (source.capacityPerDay !== undefined) {
    throw new TheoryAssumptionError(`nodes[${scenario.nodes.indexOf(source)}].capacityPerDay`, 'assumes an unlimited supplier');
  }
  return leadTime;
}

/** The only demand entry, of the given kind, flat (no seasonality, trend or shocks), with no customer base. */
export function onlyDemand<K extends Demand['type']>(scenario: Scenario, plan: StockPointPlan, type: K): { demand: Extract<Demand, { type: K }>; path: string } {
  const entries = scenario.demand
    .map((demand, index) => ({ demand, index }))
    .filter(({ demand }) => idsOf(demand.node).includes(plan.node) && idsOf(demand.product).includes(plan.product));
  if (entries.length !== 1) throw new TheoryAssumptionError('demand', `assumes one demand entry at ${plan.node}/${plan.product}; found ${entries.length}`);
  const { demand, index } = entries[0];
  const path = `demand[${index}]`;
  if (demand.type !== type) throw new TheoryAssumptionError(`${path}.type`, `assumes ${type} demand; got ${demand.type}`);
  if (demand.seasonality) throw new TheoryAssumptionError(`${path}.seasonality`, 'assumes stationary demand (no seasonality)');
  if (demand.trendPerYear !== 0) throw new TheoryAssumptionError(`${path}.trendPerYear`, 'assumes stationary demand (no trend)');
  if (demand.shocks.length > 0) throw new TheoryAssumptionError(`${path}.shocks`, 'assumes stationary demand (no shocks)');
  if (scenario.customers.some((base) => base.node === plan.node)) {
    throw new TheoryAssumptionError('customers', `assumes demand that does not react to service (no customer base at ${plan.node})`);
  }
  if (scenario.disruptions.length > 0) throw new TheoryAssumptionError('disruptions', 'assumes no disruptions');
  return { demand: demand as Extract<Demand, { type: K }>, path };
}

/** Poisson arrivals of customers buying one unit each: their rate per day. */
export function unitPoissonRate(scenario: Scenario, plan: StockPointPlan): number {
  const { demand, path } = onlyDemand(scenario, plan, 'arrivals');
  if (demand.quantity.type !== 'constant' || demand.quantity.value !== 1) throw new TheoryAssumptionError(`${path}.quantity`, 'assumes each customer buys exactly one unit');
  return demand.customersPerDay;
}

/** The product and costs of a stock point, per unit per day. */
export function costsOf(scenario: Scenario, plan: StockPointPlan) {
  const product = scenario.products.find((p) => p.id === plan.product)!;
  const holding = plan.entry.holdingCost ?? product.holdingCost;
  return {
    product,
    holdingPerDay: 'perUnitPerDay' in holding ? holding.perUnitPerDay : (holding.annualRate * product.unitCost) / 365,
    backorderPerDay: product.backorderCostPerDay,
    stockoutPenalty: product.stockoutPenalty,
    orderingCost: plan.entry.orderingCost ?? product.orderingCost,
    unmetDemand: plan.entry.unmetDemand ?? product.unmetDemand,
  };
}

/** The point's policy, which must be of one of the given types. */
export function policyOf<T extends Policy['type']>(plan: StockPointPlan, variantId: string, ...types: T[]): Extract<Policy, { type: T }> {
  if (!(types as string[]).includes(plan.policy.type)) {
    throw new TheoryAssumptionError('stockPoints', `assumes a ${types.join(' or ')} policy at ${plan.key}; variant "${variantId}" has ${plan.policy.type}`);
  }
  return plan.policy as Extract<Policy, { type: T }>;
}

/** Requires the unmet-demand rule the model assumes. */
export function requireUnmet(scenario: Scenario, plan: StockPointPlan, rule: 'lost' | 'backorder'): void {
  if (costsOf(scenario, plan).unmetDemand !== rule) {
    throw new TheoryAssumptionError('products', `assumes unmet demand is ${rule === 'lost' ? 'lost' : 'backordered'} at ${plan.key}`);
  }
}
