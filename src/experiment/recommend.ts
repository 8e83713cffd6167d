import type { Policy, Scenario, Variant } from '../scenario/schema.ts';
import { scenarioForVariant } from '../scenario/variantSettings.ts';
import { buildSimulation, planStockPoints, variantsOf } from '../model/build.ts';
import type { PolicyContext } from '../model/policies/policy.ts';
import { standardNormalLoss } from '../model/policies/serviceTarget.ts';
import { normalQuantile } from '../math/normal.ts';
import type { KpiName } from '../metrics/kpis.ts';
import type { ExperimentResult, KpiSummary } from './replicate.ts';
import { compareVariants, type PairedDifference } from './compare.ts';

/**
 * The cheapest parameters of a policy that keep each stock point (or each product) at a service
 * target with 95% confidence (issue 15), for a planner's whole range at once:
 *
 * 1. Analytic start, per customer-facing stock point, from the demand, lead time and costs its policy
 *    is sized from (build.ts PolicyContext): lead-time demand of mean d L and standard deviation
 *    sqrt(L var_d + d² var_L); a lot size Q from the EOQ sqrt(2 K d / h) (a week of demand when there
 *    is no ordering cost); a safety factor z0 from the target: Φ⁻¹(α) for a cycle service level, and
 *    for a fill rate β the z with σ G(z) = Q (1 − β) (Silver, Pyke & Thomas 2017, ch. 6; base stock:
 *    Q = one day of demand; periodic (R, S): the protection interval R + L, R = Q / d days).
 * 2. Search by simulation on common random numbers: a ladder of safety factors z0 + offset, each one
 *    variant in which every stock point takes its own level at that offset (levels in whole units).
 *    Stock points in different independent parts do not interact, so one run of the whole range
 *    measures every stock point at once: the search costs a few runs of the network, not a few per SKU.
 *    A second, finer ladder tries the whole levels between each point's choice and the rung below.
 * 3. Choice: the cheapest rung (by the objective's mean at that stock point) whose target KPI's
 *    lower 95% bound (mean − half-width) meets the target; none: the target cannot be met by this
 *    policy here, said with the best rung reached.
 * 4. Confirmation on fresh seeds (the scenario's seed with ":confirm"): today's policies against the
 *    recommendation, paired, so the service and cost both ways and the total change come with
 *    intervals that the search's luck does not flatter.
 * 5. One repair round: a choice whose confirmed lower bound misses the target sat at the edge of the
 *    search's interval (on a 1,000-SKU range, about one in eight); it moves up to the next level tried,
 *    and the whole recommendation is confirmed again on other fresh seeds (":confirm-2"), whose figures
 *    are reported. A point still short is marked so.
 *
 * Limits: stock points that share a supplier's or warehouse's capacity, customers or an online zone
 * (one independent part) influence one another, and the ladder moves them together, so a choice for
 * one is measured beside its neighbours' rung, not their final choice; the confirmation measures the
 * final combination. Only customer-facing stock points are set; the points above keep their policies.
 */
export type RecommendPolicy = 'sS' | 'rQ' | 'RS' | 'baseStock';

export interface RecommendSpec {
  /** a service KPI and the level it must reach with 95% confidence, e.g. { kpi: 'fillRate', atLeast: 0.95 } */
  target: { kpi: KpiName; atLeast: number };
  policy: RecommendPolicy;
  /** minimised among the parameters meeting the target (default totalCost) */
  objective: KpiName;
  by: 'stockPoint' | 'product';
  /** replications of each rung of the search (common random numbers) */
  searchReplications: number;
  /** replications of the confirmation, on fresh seeds */
  confirmReplications: number;
}

/** What runs an experiment (the CLI's worker threads, the app's workers, this thread in tests). */
export type ExperimentRunner = (scenario: Scenario, phase: string) => Promise<ExperimentResult>;

export interface RecommendedRow {
  node: string;
  product: string;
  current: Policy;
  recommended: Policy | null;
  /** the target KPI today and with the recommendation, on the confirmation's fresh seeds */
  serviceNow: KpiSummary;
  serviceRecommended: KpiSummary | null;
  costNow: KpiSummary;
  costRecommended: KpiSummary | null;
  /** met: confirmed; notConfirmed: chosen in the search, short of the target on fresh seeds; cannotMeet: no rung met it */
  status: 'met' | 'notConfirmed' | 'cannotMeet';
  /** when the target cannot be met: the best the search reached, in words (English, as the CLI prints it) */
  why?: string;
  /** the same as facts, for a page to word in its language */
  whyFacts?: CannotMeetFacts;
}

/** What keeps a stock point from its target, as far as the scenario says. */
export type TargetLimit =
  | { kind: 'sourceCapacity'; source: string; capacityPerDay: number; demandPerDay: number }
  | { kind: 'leadTime'; leadTimeDays: number; windowDays: number }
  | { kind: 'customersLeave' }
  | { kind: 'policyReach' };

/** Why a target cannot be met: the best rung the search reached, and what limits it. */
export interface CannotMeetFacts {
  bestLevel: number;
  kpi: KpiName;
  reached: KpiSummary | null;
  limit: TargetLimit;
}

/** A warning as facts: an objective that rewards not selling, for these products. */
export interface RewardsNotSelling {
  kind: 'rewardsNotSelling';
  objective: KpiName;
  products: string[];
}

export interface RecommendOutcome {
  spec: RecommendSpec;
  rows: RecommendedRow[];
  /** the network's objective, recommended minus today, paired over the confirmation's replications */
  totalChange: PairedDifference | null;
  /** the variant that applies the recommendation (its id "recommended"), to add to the scenario */
  variant: Variant;
  /** the scenario with that variant added after today's */
  scenario: Scenario;
  /** the warnings in English (the CLI's), and as facts (a page words them) */
  warnings: string[];
  warningFacts: RewardsNotSelling[];
  /** runs made, by phase */
  runs: { search: number; refine: number; confirm: number };
  /** stock points raised a step after the first confirmation found them short (then all confirmed again) */
  raised: number;
}

/** The safety-factor offsets of the ladder around the analytic start. */
const RUNGS = [-1, -0.5, 0, 0.5, 1, 1.5, 2, 3, 4];
/** the finer ladder's extra rungs at most */
const REFINE_RUNGS = 4;
/** how many rungs the search runs, and the finer ladder at most: what a progress bar plans for */
export const SEARCH_RUNGS = RUNGS.length;
export const MAX_REFINE_RUNGS = REFINE_RUNGS;

interface Target {
  index: number;
  node: string;
  product: string;
  current: Policy;
  context: PolicyContext;
  /** lot size (s, S gap, r, Q's Q), review period for (R, S) */
  lot: number;
  review: number;
  /** mean and standard deviation of demand over the protection interval */
  mean: number;
  sd: number;
  z0: number;
}

/**
 * Recommends, per customer-facing stock point (or product), the cheapest parameters of `spec.policy`
 * that meet `spec.target` with 95% confidence, confirmed on fresh seeds (the steps above). Each
 * experiment runs through `runExperiment` (the CLI's worker threads, the app's Web Workers, or
 * `(scenario) => Promise.resolve(runExperiment(scenario))` in this thread). The outcome holds the
 * scenario with a "recommended" variant added. Throws a RangeError when no stock point sells to
 * customers.
 */
export async function recommend(scenario: Scenario, spec: RecommendSpec, runExperiment: ExperimentRunner): Promise<RecommendOutcome> {
  const base = variantsOf(scenario)[0];
  const baseScenario = scenarioForVariant(scenario, base);
  const simulation = buildSimulation(baseScenario, base, 'recommend');
  const plans = planStockPoints(baseScenario, base);
  const targets: Target[] = simulation.stockPoints
    .filter((point) => point.customerFacing)
    .map((point) => analyticStart(point.index, point.node, point.productId, plans[point.index].policy, point.policyContext!, spec));
  if (targets.length === 0) throw new RangeError('recommend: the scenario has no stock point where customers buy');
  const warningFacts = objectiveWarningFacts(baseScenario, spec, targets);
  const warnings = warningFacts.map(warningText);
  // each target's source node (supplier or warehouse), for saying why a target cannot be met
  const sourceOf = new Map(targets.map((target) => [target.index, baseScenario.lanes[simulation.stockPoints[target.index].supply.lane].from]));

  // the ladder: one variant per rung, every target at its own level
  const levelsOf = (target: Target, offsets: number[]) => offsets.map((offset) => Math.max(0, Math.ceil(target.mean + (target.z0 + offset) * target.sd)));
  const tried = targets.map((target) => levelsOf(target, RUNGS).map((level) => ({ level, service: null as KpiSummary | null, cost: null as KpiSummary | null })));
  const runRung = async (levels: number[], phase: string) => {
    const variant: Variant = {
      id: 'candidate',
      policies: [...base.policies, ...targets.map((target, t) => ({ node: target.node, product: target.product, policy: policyAt(spec.policy, target, levels[t]) }))],
      set: base.set,
    };
    const result = await runExperiment({ ...scenario, replications: spec.searchReplications, variants: [variant] }, phase);
    return result.variants[0];
  };
  for (let rung = 0; rung < RUNGS.length; rung++) {
    const summary = await runRung(tried.map((list) => list[rung].level), `search ${rung + 1}/${RUNGS.length}`);
    targets.forEach((target, t) => {
      tried[t][rung].service = summary.stockPoints[target.index].kpis[spec.target.kpi];
      tried[t][rung].cost = summary.stockPoints[target.index].kpis[spec.objective];
    });
  }

  // the finer ladder: whole levels between each point's first rung meeting the target and the one below
  const meets = (summary: KpiSummary | null) => summary !== null && summary.mean !== null && summary.mean - (summary.halfWidth ?? 0) >= spec.target.atLeast;
  const between = targets.map((_, t) => {
    const first = tried[t].findIndex((candidate) => meets(candidate.service));
    if (first <= 0) return [];
    const low = tried[t][first - 1].level;
    const high = tried[t][first].level;
    const levels: number[] = [];
    for (let k = 1; k <= REFINE_RUNGS; k++) levels.push(Math.round(low + ((high - low) * k) / (REFINE_RUNGS + 1)));
    return [...new Set(levels.filter((level) => level > low && level < high))];
  });
  const refineRungs = Math.max(0, ...between.map((levels) => levels.length));
  for (let k = 0; k < refineRungs; k++) {
    // a point with fewer levels to try repeats its last (its figures are taken once)
    const levels = targets.map((_, t) => between[t][Math.min(k, between[t].length - 1)] ?? tried[t][0].level);
    const summary = await runRung(levels, `refine ${k + 1}/${refineRungs}`);
    targets.forEach((target, t) => {
      if (k >= between[t].length) return;
      tried[t].push({ level: levels[t], service: summary.stockPoints[target.index].kpis[spec.target.kpi], cost: summary.stockPoints[target.index].kpis[spec.objective] });
    });
  }

  // the choice per stock point, or per product (one safety factor for all its locations)
  const chosen: (number | null)[] = targets.map((_, t) => {
    const feasible = tried[t].filter((candidate) => meets(candidate.service));
    if (feasible.length === 0) return null;
    return feasible.reduce((best, candidate) => ((candidate.cost?.mean ?? Infinity) < (best.cost?.mean ?? Infinity) ? candidate : best)).level;
  });
  if (spec.by === 'product') {
    const products = [...new Set(targets.map((target) => target.product))];
    for (const product of products) {
      const members = targets.map((target, t) => ({ target, t })).filter(({ target }) => target.product === product);
      // the lowest rung at which every location meets the target (rungs are common to the product)
      const rung = RUNGS.findIndex((_, r) => members.every(({ t }) => meets(tried[t][r].service)));
      for (const { t } of members) chosen[t] = rung < 0 ? null : tried[t][rung].level;
    }
  }

  const variantOf = (levels: (number | null)[]): Variant => ({
    id: 'recommended',
    name: 'Recommended',
    description: `The cheapest ${spec.policy} parameters meeting ${spec.target.kpi} >= ${spec.target.atLeast} with 95% confidence (stocklab recommend)`,
    policies: [
      ...base.policies,
      ...targets.flatMap((target, t) => (levels[t] === null ? [] : [{ node: target.node, product: target.product, policy: policyAt(spec.policy, target, levels[t]!) }])),
    ],
    set: base.set,
  });
  const today: Variant = { ...base, id: base.id === 'recommended' ? 'today' : base.id };
  const confirm = (variant: Variant, seed: string, phase: string) =>
    runExperiment({ ...scenario, seed, replications: spec.confirmReplications, variants: [today, variant] }, phase);
  let recommendedVariant = variantOf(chosen);
  let confirmed = await confirm(recommendedVariant, `${scenario.seed}:confirm`, 'confirm');

  // one repair round: a choice short of the target on the fresh seeds sat at the edge of the search's
  // interval; it moves up to the next level tried (the product's next rung with --by product), and
  // everything is confirmed again on other fresh seeds, whose figures are the ones reported
  const short = targets.map((target, t) => chosen[t] !== null && !meets(confirmed.variants[1].stockPoints[target.index].kpis[spec.target.kpi]));
  let raised = 0;
  if (short.some(Boolean)) {
    if (spec.by === 'product') {
      for (const product of new Set(targets.filter((_, t) => short[t]).map((target) => target.product))) {
        const members = targets.map((target, t) => ({ target, t })).filter(({ target }) => target.product === product);
        const rung = RUNGS.findIndex((_, r) => tried[members[0].t][r].level === chosen[members[0].t]);
        if (rung < 0 || rung + 1 >= RUNGS.length) continue;
        for (const { t } of members) chosen[t] = tried[t][rung + 1].level;
        raised += members.length;
      }
    } else {
      targets.forEach((target, t) => {
        if (!short[t]) return;
        const above = tried[t].map((candidate) => candidate.level).filter((level) => level > chosen[t]!);
        chosen[t] = above.length > 0 ? Math.min(...above) : chosen[t]! + Math.max(1, Math.ceil(0.5 * target.sd));
        raised++;
      });
    }
    if (raised > 0) {
      recommendedVariant = variantOf(chosen);
      confirmed = await confirm(recommendedVariant, `${scenario.seed}:confirm-2`, 'confirm again');
    }
  }
  const [now, after] = confirmed.variants;
  const totalChange =
    compareVariants(confirmed, { baseline: today.id, kpis: [spec.objective], windowDays: scenario.horizonDays - scenario.warmupDays, currency: scenario.currency ?? '' })[0]?.differences[0] ?? null;

  const rows: RecommendedRow[] = targets.map((target, t) => {
    const serviceNow = now.stockPoints[target.index].kpis[spec.target.kpi];
    const costNow = now.stockPoints[target.index].kpis[spec.objective];
    if (chosen[t] === null) {
      const best = tried[t].reduce((a, b) => ((b.service?.mean ?? -Infinity) > (a.service?.mean ?? -Infinity) ? b : a));
      return {
        node: target.node,
        product: target.product,
        current: target.current,
        recommended: null,
        serviceNow,
        serviceRecommended: null,
        costNow,
        costRecommended: null,
        status: 'cannotMeet',
        ...cannotMeet({ bestLevel: best.level, kpi: spec.target.kpi, reached: best.service, limit: limitOf(target, baseScenario, sourceOf.get(target.index) ?? null) }),
      };
    }
    const serviceRecommended = after.stockPoints[target.index].kpis[spec.target.kpi];
    return {
      node: target.node,
      product: target.product,
      current: target.current,
      recommended: policyAt(spec.policy, target, chosen[t]!),
      serviceNow,
      serviceRecommended,
      costNow,
      costRecommended: after.stockPoints[target.index].kpis[spec.objective],
      status: meets(serviceRecommended) ? 'met' : 'notConfirmed',
    };
  });
  const runs = { search: RUNGS.length * spec.searchReplications, refine: refineRungs * spec.searchReplications, confirm: (raised > 0 ? 4 : 2) * spec.confirmReplications };
  return { spec, rows, totalChange, variant: recommendedVariant, scenario: { ...scenario, variants: [today, recommendedVariant] }, warnings, warningFacts, runs, raised };
}

/**
 * Why a stock point's target is out of reach, from what the scenario says: a source that cannot ship
 * the demand, a lead time as long as the measured window, customers who leave, or else the policy's reach.
 */
function limitOf(target: Target, scenario: Scenario, source: string | null): TargetLimit {
  const node = scenario.nodes.find((candidate) => candidate.id === source);
  const capacity = node && (node.type === 'supplier' || node.type === 'warehouse') ? node.capacityPerDay : undefined;
  const demand = target.context.demandPerDay.mean;
  const windowDays = scenario.horizonDays - scenario.warmupDays;
  if (source !== null && capacity !== undefined && capacity < demand) return { kind: 'sourceCapacity', source, capacityPerDay: capacity, demandPerDay: demand };
  if (target.context.leadTime.mean >= windowDays) return { kind: 'leadTime', leadTimeDays: target.context.leadTime.mean, windowDays };
  if (scenario.customers.some((base) => base.node === target.node)) return { kind: 'customersLeave' };
  return { kind: 'policyReach' };
}

/** A row's why, as facts and in English. */
function cannotMeet(facts: CannotMeetFacts): { why: string; whyFacts: CannotMeetFacts } {
  return { why: cannotMeetText(facts), whyFacts: facts };
}

/** Why a target cannot be met, in English (the CLI's words; the app words the facts itself). */
export function cannotMeetText(facts: CannotMeetFacts): string {
  const limit = facts.limit;
  const because =
    limit.kind === 'sourceCapacity'
      ? `${limit.source} can ship ${limit.capacityPerDay} a day for everything it supplies, below this stock point's demand of ${limit.demandPerDay.toFixed(2)} a day alone: no stocking level makes up for it`
      : limit.kind === 'leadTime'
        ? `the lead time (${limit.leadTimeDays.toFixed(1)} days) is as long as the measured window (${limit.windowDays} days): what is ordered arrives too late to count`
        : limit.kind === 'customersLeave'
          ? 'customers who leave after a stockout take their demand with them, and the source\'s lead times and capacity limit what any level can keep on the shelf'
          : 'lead times, the source\'s capacity or shared customers limit what any level can keep on the shelf, or the target is beyond what this policy gives here';
  return `the highest level tried, ${facts.bestLevel}, reached ${facts.kpi} ${formatSummary(facts.reached)}; ${because}`;
}

function analyticStart(index: number, node: string, product: string, current: Policy, context: PolicyContext, spec: RecommendSpec): Target {
  const d = context.demandPerDay.mean;
  const varD = context.demandPerDay.variance;
  const L = context.leadTime.mean;
  const varL = context.leadTime.variance;
  const h = context.holdingCostPerUnitPerDay;
  const K = context.orderingCost;
  // the EOQ, or a week of demand without an ordering cost (or a holding cost) to weigh
  const eoq = K > 0 && h > 0 ? Math.sqrt((2 * K * d) / h) : 7 * d;
  const lot = Math.max(1, Math.ceil(spec.policy === 'baseStock' ? 1 : eoq));
  const review = spec.policy === 'RS' ? Math.max(1, Math.round(lot / Math.max(d, 1e-9))) : 0;
  const span = L + review;
  const mean = d * span;
  const sd = Math.sqrt(span * varD + d * d * varL);
  // expected units short per cycle allowed by a fill rate: the share 1 − β of what a cycle sells
  const perCycle = spec.policy === 'baseStock' ? Math.max(d, 1e-9) : spec.policy === 'RS' ? d * review : lot;
  let z0 = 0;
  if (spec.target.kpi === 'fillRate' && sd > 0) z0 = lossInverse((perCycle * (1 - spec.target.atLeast)) / sd);
  else if (spec.target.atLeast > 0 && spec.target.atLeast < 1) z0 = normalQuantile(spec.target.atLeast);
  return { index, node, product, current, context, lot, review, mean, sd: sd > 0 ? sd : Math.max(0.5, 0.1 * mean), z0 };
}

/** z with G(z) = loss (bisection: G decreases), clamped to [-4, 6]. */
function lossInverse(loss: number): number {
  let low = -4;
  let high = 6;
  for (let i = 0; i < 60; i++) {
    const middle = 0.5 * (low + high);
    if (standardNormalLoss(middle) > loss) low = middle;
    else high = middle;
  }
  return 0.5 * (low + high);
}

/** The policy of `type` at reorder (or order-up-to) level `level` for `target`. */
export function policyAt(type: RecommendPolicy, target: Pick<Target, 'lot' | 'review'>, level: number): Policy {
  switch (type) {
    case 'sS':
      return { type: 'sS', reorderPoint: level, orderUpTo: level + target.lot };
    case 'rQ':
      return { type: 'rQ', reorderPoint: level, orderQuantity: target.lot };
    case 'baseStock':
      return { type: 'baseStock', level };
    case 'RS':
      return { type: 'periodicRS', reviewPeriod: target.review, orderUpTo: level, firstReview: 0 };
  }
}

/**
 * An objective that rewards not selling: a cost to minimise where customer demand that is not met is
 * lost and costs nothing (no stockout penalty, and no customer base charging the lifetime value of
 * those who leave after a stockout): the cheapest policy then stocks nothing. The products where it
 * holds, as facts.
 */
export function objectiveWarningFacts(scenario: Scenario, spec: Pick<RecommendSpec, 'objective'>, points: ReadonlyArray<{ node: string; product: string }>): RewardsNotSelling[] {
  if (spec.objective === 'profit' || spec.objective === 'revenue' || !spec.objective.endsWith('Cost')) return [];
  const entryOf = (node: string, product: string) => scenario.stockPoints.find((entry) => [entry.node].flat().includes(node) && [entry.product].flat().includes(product));
  const products = [
    ...new Set(
      points
        .filter(({ node, product }) => {
          const spec = scenario.products.find((p) => p.id === product)!;
          const unmet = entryOf(node, product)?.unmetDemand ?? spec.unmetDemand;
          // customers who leave after a stockout cost their lifetime value (churnCost): not free then
          const base = scenario.customers.find((customers) => customers.node === node);
          const churnCosts = base !== undefined && base.churn.onStockout > 0 && base.lifetimeValue > 0;
          return unmet === 'lost' && spec.stockoutPenalty === 0 && !churnCosts;
        })
        .map(({ product }) => product),
    ),
  ];
  return products.length === 0 ? [] : [{ kind: 'rewardsNotSelling', objective: spec.objective, products }];
}

/** The warning in English, with the fix (the CLI's words). */
export function warningText(facts: RewardsNotSelling): string {
  const free = facts.products;
  const named = free.length <= 3 ? free.join(', ') : `${free.slice(0, 3).join(', ')} and ${free.length - 3} more`;
  return (
    `${facts.objective} rewards not selling for ${named}: demand not met is lost and costs nothing (no stockoutPenalty), so stocking less always looks cheaper. ` +
    'Give the products a stockoutPenalty (the margin lost per unit short), or compare costs only among parameters that meet a service target.'
  );
}

/** The warnings in English. */
export function objectiveWarnings(scenario: Scenario, spec: Pick<RecommendSpec, 'objective'>, points: ReadonlyArray<{ node: string; product: string }>): string[] {
  return objectiveWarningFacts(scenario, spec, points).map(warningText);
}

function formatSummary(summary: KpiSummary | null): string {
  if (summary === null || summary.mean === null) return '(not measured)';
  return summary.halfWidth === null ? summary.mean.toFixed(3) : `${summary.mean.toFixed(3)} ± ${summary.halfWidth.toFixed(3)}`;
}
