import { distributionMean } from '../random/distributions/sampler.ts';
import { normalLoss } from '../math/normal.ts';
import { poissonPmf } from '../theory/discrete.ts';
import { newsvendorNormal, newsvendorPoisson } from '../theory/newsvendor.ts';
import { eoq, eoqWithPlannedBackorders } from '../theory/eoq.ts';
import { baseStockPoisson } from '../theory/baseStockPoisson.ts';
import { optimalRQPoisson, rqPoisson } from '../theory/rqPoisson.ts';
import { periodicReviewNormal } from '../theory/periodicReviewNormal.ts';
import { lostSalesBaseStock, lostSalesBaseStockPoisson, optimalLostSalesBaseStock, type PeriodDemand } from '../theory/lostSalesBaseStock.ts';
import type { Distribution, Scenario } from '../scenario/schema.ts';
import type { StockPointPlan } from '../model/build.ts';
import {
  at,
  constantLeadTime,
  constantOf,
  costsOf,
  laneInto,
  onlyDemand,
  onlyStockPoint,
  policyOf,
  requireUnmet,
  TheoryAssumptionError,
  unitPoissonRate,
  type TheoryComparison,
  type TheoryModelDefinition,
} from './theory.ts';

/**
 * The single-location models of the analytic library, read from scenarios. Each comparison says what
 * the simulation measures and what the formula means, and why an allowance where there is one.
 */

/** A per-period demand the formulas can take: normal far enough from zero, or Poisson. */
function periodDemand(distribution: Distribution, path: string): { kind: 'normal'; mean: number; sd: number } | { kind: 'poisson'; mean: number } {
  if (distribution.type === 'poisson') return { kind: 'poisson', mean: distribution.mean };
  if (distribution.type === 'normal') {
    // the engine truncates demand at zero; 4 sd above zero the truncation moves nothing measurable
    if (distribution.mean < 4 * distribution.sd) throw new TheoryAssumptionError(`${path}.mean`, `assumes normal demand at least 4 sd above zero (truncation at zero ignored); mean ${distribution.mean}, sd ${distribution.sd}`);
    return { kind: 'normal', mean: distribution.mean, sd: distribution.sd };
  }
  throw new TheoryAssumptionError(`${path}.type`, `assumes normal or Poisson demand per period; got ${distribution.type}`);
}

/** A one-day periodic order-up-to rule with zero lead time: every day starts at S. */
function dailyOrderUpTo(scenario: Scenario, plan: StockPointPlan, variantId: string): number {
  const policy = policyOf(plan, variantId, 'periodicRS');
  if (policy.reviewPeriod !== 1) throw new TheoryAssumptionError('stockPoints', `assumes a review every day; variant "${variantId}" reviews every ${policy.reviewPeriod} days`);
  if (constantLeadTime(scenario, plan) !== 0) throw new TheoryAssumptionError(`lanes[${laneInto(scenario, plan).index}].leadTime`, 'assumes orders arrive at once (lead time 0)');
  if (costsOf(scenario, plan).orderingCost !== 0) throw new TheoryAssumptionError('products', 'assumes no ordering cost');
  return policy.orderUpTo;
}

export const newsvendorModel: TheoryModelDefinition = {
  source: 'Zipkin, Foundations of Inventory Management (2000), ch. 9; Silver, Pyke & Thomas (2017), ch. 11',
  variant({ scenario, plans, variantId }) {
    const plan = onlyStockPoint({ scenario, plans, variantId, windowDays: 0 });
    requireUnmet(scenario, plan, 'backorder');
    const level = dailyOrderUpTo(scenario, plan, variantId);
    const { demand, path } = onlyDemand(scenario, plan, 'perPeriod');
    const costs = costsOf(scenario, plan);
    const shape = periodDemand(demand.quantity, `${path}.quantity`);
    const parameters = { underageCost: costs.backorderPerDay, overageCost: costs.holdingPerDay, quantity: level };
    const theory = shape.kind === 'normal' ? newsvendorNormal({ mean: shape.mean, sd: shape.sd, ...parameters }) : newsvendorPoisson({ mean: shape.mean, ...parameters });
    const optimum = shape.kind === 'normal' ? newsvendorNormal({ mean: shape.mean, sd: shape.sd, ...parameters, quantity: undefined }) : newsvendorPoisson({ mean: shape.mean, ...parameters, quantity: undefined });
    const note = 'each day starts at S (the morning order arrives at once and clears the backlog), so each day is one newsvendor period; measured at the end of the day';
    return {
      comparisons: [
        at(plan, { kpi: 'endOfPeriodOnHand', theory: theory.expectedLeftover, note: `E(S - D)+: ${note}` }),
        at(plan, { kpi: 'endOfPeriodBackorders', theory: theory.expectedShortage, note: `E(D - S)+: ${note}` }),
        at(plan, { kpi: 'costPerPeriod', theory: theory.expectedCost, note: 'h E(S - D)+ + b E(D - S)+ per day' }),
        at(plan, { kpi: 'fillRate', theory: theory.fillRate, note: '1 - E(D - S)+ / E[D]: units served from the shelf' }),
        at(plan, { kpi: 'cycleServiceLevel', theory: theory.cycleServiceLevel, note: 'P(D <= S): days with no unit short' }),
      ],
      facts: [
        { label: 'critical ratio b / (b + h)', value: optimum.criticalRatio },
        { label: 'optimal S', value: optimum.quantity },
        { label: 'cost per day at the optimal S', value: optimum.expectedCost },
      ],
    };
  },
};

export const lostSalesZeroLeadTimeModel: TheoryModelDefinition = {
  source: 'Zipkin, Foundations of Inventory Management (2000), ch. 9 (lost sales, zero lead time)',
  variant({ scenario, plans, variantId }) {
    const plan = onlyStockPoint({ scenario, plans, variantId, windowDays: 0 });
    requireUnmet(scenario, plan, 'lost');
    const level = dailyOrderUpTo(scenario, plan, variantId);
    const { demand, path } = onlyDemand(scenario, plan, 'perPeriod');
    const costs = costsOf(scenario, plan);
    const shape = periodDemand(demand.quantity, `${path}.quantity`);
    const demandPerPeriod: PeriodDemand = shape.kind === 'normal' ? { mean: shape.mean, sd: shape.sd } : { table: poissonPmf(shape.mean) };
    const theory = lostSalesBaseStock({ demandPerPeriod, baseStockLevel: level, holdingCostPerUnitPerPeriod: costs.holdingPerDay, lostSaleCost: costs.stockoutPenalty });
    const facts: { label: string; value: number }[] = [];
    if (costs.holdingPerDay > 0 && costs.stockoutPenalty > 0) {
      const optimum = optimalLostSalesBaseStock({ demandPerPeriod, holdingCostPerUnitPerPeriod: costs.holdingPerDay, lostSaleCost: costs.stockoutPenalty });
      facts.push({ label: 'optimal S (critical ratio p / (p + h))', value: optimum.baseStockLevel }, { label: 'cost per day at the optimal S', value: optimum.costPerPeriod });
    }
    return {
      comparisons: [
        at(plan, { kpi: 'endOfPeriodOnHand', theory: theory.expectedOnHandAtPeriodEnd, note: 'E(S - D)+ at the end of each day' }),
        at(plan, { kpi: 'lostSalesUnits', per: 'day', theory: theory.expectedLostPerPeriod, note: 'E(D - S)+ units lost a day' }),
        at(plan, { kpi: 'fillRate', theory: theory.fillRate }),
        at(plan, { kpi: 'cycleServiceLevel', theory: theory.probabilityNoLostSales, note: 'P(D <= S): days that lose nothing' }),
        at(plan, { kpi: 'costPerPeriod', theory: theory.costPerPeriod, note: 'h E(S - D)+ + p E(D - S)+ per day' }),
      ],
      facts,
    };
  },
};

/** Daily demand of a constant size (the EOQ's deterministic demand, in daily lumps). */
function constantDailyDemand(scenario: Scenario, plan: StockPointPlan): number {
  const { demand, path } = onlyDemand(scenario, plan, 'perPeriod');
  return constantOf(demand.quantity, `${path}.quantity`, 'demand per day');
}

/** The EOQ models plan when an order is placed: the scenario's reorder point must be that one. */
function requireReorderPoint(reorderPoint: number, planned: number, dailyDemand: number, variantId: string, what: string): void {
  if (Math.abs(reorderPoint - planned) > dailyDemand) {
    throw new TheoryAssumptionError('stockPoints', `assumes the reorder point is ${what} = ${planned} (within a day's demand); variant "${variantId}" has ${reorderPoint}`);
  }
}

/** Why EOQ comparisons carry an allowance of half a day's demand. */
function lumpNote(dailyDemand: number): string {
  return `the formula has demand flowing continuously; here it comes in lumps of ${dailyDemand} at the start of each day, so the time-average stock level differs from the sawtooth's by at most half a lump`;
}

export const eoqModel: TheoryModelDefinition = {
  source: 'Harris (1913); Zipkin, Foundations of Inventory Management (2000), ch. 3',
  variant({ scenario, plans, variantId, windowDays }) {
    const plan = onlyStockPoint({ scenario, plans, variantId, windowDays });
    const policy = policyOf(plan, variantId, 'rQ');
    const daily = constantDailyDemand(scenario, plan);
    requireReorderPoint(policy.reorderPoint, daily * constantLeadTime(scenario, plan), daily, variantId, 'the demand over the lead time, d L');
    const costs = costsOf(scenario, plan);
    const theory = eoq({ demandPerYear: daily * 365, orderingCost: costs.orderingCost, holdingCostPerUnitPerYear: costs.holdingPerDay * 365, quantity: policy.orderQuantity });
    const optimum = eoq({ demandPerYear: daily * 365, orderingCost: costs.orderingCost, holdingCostPerUnitPerYear: costs.holdingPerDay * 365 });
    const note = lumpNote(daily);
    const oneOrder = 'the window holds a whole number of orders, so the count can be off by one';
    return {
      comparisons: [
        at(plan, { kpi: 'avgOnHand', theory: theory.averageInventory, allowance: daily / 2, note: `Q / 2; ${note}` }),
        at(plan, { kpi: 'holdingCost', per: 'year', theory: theory.holdingCostPerYear, allowance: (costs.holdingPerDay * 365 * daily) / 2, note: `h Q / 2 a year; ${note}` }),
        at(plan, { kpi: 'ordersPlaced', per: 'year', theory: theory.ordersPerYear, allowance: 365 / windowDays, note: `D / Q a year; ${oneOrder}` }),
        at(plan, { kpi: 'orderingCost', per: 'year', theory: theory.orderingCostPerYear, allowance: (costs.orderingCost * 365) / windowDays, note: `K D / Q a year; ${oneOrder}` }),
        at(plan, { kpi: 'fillRate', theory: 1, note: 'orders arrive as the stock runs out: no demand goes short' }),
      ],
      facts: [
        { label: 'EOQ Q*', value: optimum.quantity },
        { label: 'cost per year at Q* (ordering + holding)', value: optimum.costPerYear },
        { label: 'cost per year at this Q', value: theory.costPerYear },
      ],
    };
  },
};

export const eoqPlannedBackordersModel: TheoryModelDefinition = {
  source: 'Hadley & Whitin, Analysis of Inventory Systems (1963), ch. 2; Zipkin (2000), ch. 3',
  variant({ scenario, plans, variantId, windowDays }) {
    const plan = onlyStockPoint({ scenario, plans, variantId, windowDays });
    requireUnmet(scenario, plan, 'backorder');
    const policy = policyOf(plan, variantId, 'rQ');
    const daily = constantDailyDemand(scenario, plan);
    constantLeadTime(scenario, plan);
    const costs = costsOf(scenario, plan);
    const base = { demandPerYear: daily * 365, orderingCost: costs.orderingCost, holdingCostPerUnitPerYear: costs.holdingPerDay * 365, backorderCostPerUnitPerYear: costs.backorderPerDay * 365 };
    const theory = eoqWithPlannedBackorders({ ...base, quantity: policy.orderQuantity });
    const optimum = eoqWithPlannedBackorders(base);
    requireReorderPoint(policy.reorderPoint, daily * constantLeadTime(scenario, plan) - theory.maxBackorders, daily, variantId, 'd L - B, with B = Q h / (h + b) the backlog the formula plans');
    const note = lumpNote(daily);
    return {
      comparisons: [
        at(plan, { kpi: 'avgOnHand', theory: theory.averageInventory, allowance: daily / 2, note: `(Q - B)^2 / 2Q; ${note}` }),
        at(plan, { kpi: 'avgBackorders', theory: theory.averageBackorders, allowance: daily / 2, note: `B^2 / 2Q; ${note}` }),
        at(plan, { kpi: 'ordersPlaced', per: 'year', theory: theory.ordersPerYear, allowance: 365 / windowDays, note: 'D / Q a year; the count can be off by one order in the window' }),
      ],
      facts: [
        { label: 'Q*', value: optimum.quantity },
        { label: 'B* (most units backordered)', value: optimum.maxBackorders },
        { label: 'reorder point for B* (demand over the lead time - B*)', value: daily * constantLeadTime(scenario, plan) - optimum.maxBackorders },
        { label: 'cost per year at the optimum', value: optimum.costPerYear },
      ],
    };
  },
};

/** The KPIs both Poisson continuous-review models predict, with costs where the scenario gives them. */
function poissonStockComparisons(
  plan: StockPointPlan,
  theory: { fillRate: number; readyRate: number; expectedOnHand: number; expectedBackorders: number; expectedInventoryPosition: number },
  costs: { holdingPerDay: number; backorderPerDay: number; stockoutPenalty: number },
  rate: number,
): TheoryComparison[] {
  const comparisons = [
    at(plan, { kpi: 'fillRate', theory: theory.fillRate, note: 'P(a customer finds stock): Poisson arrivals see time averages (PASTA)' }),
    at(plan, { kpi: 'readyRate', theory: theory.readyRate, note: 'P(on hand > 0), time-weighted' }),
    at(plan, { kpi: 'avgOnHand', theory: theory.expectedOnHand, note: 'time-average on hand' }),
    at(plan, { kpi: 'avgBackorders', theory: theory.expectedBackorders, note: 'time-average backorders' }),
    at(plan, { kpi: 'avgInventoryPosition', theory: theory.expectedInventoryPosition, note: 'time-average inventory position' }),
  ];
  if (costs.holdingPerDay > 0) comparisons.push(at(plan, { kpi: 'holdingCost', per: 'day', theory: costs.holdingPerDay * theory.expectedOnHand, note: 'h E[on hand] per day' }));
  // the stockout cost also charges the penalty per unit short: λ (1 - fill rate) units a day go short
  if (costs.backorderPerDay > 0 || costs.stockoutPenalty > 0) {
    comparisons.push(
      at(plan, {
        kpi: 'stockoutCost',
        per: 'day',
        theory: costs.backorderPerDay * theory.expectedBackorders + costs.stockoutPenalty * rate * (1 - theory.fillRate),
        note: 'b E[backorders] + p λ (1 - fill rate) per day',
      }),
    );
  }
  return comparisons;
}

export const baseStockPoissonModel: TheoryModelDefinition = {
  source: 'Zipkin, Foundations of Inventory Management (2000), ch. 6; Axsäter, Inventory Control (2015), ch. 5',
  variant({ scenario, plans, variantId }) {
    const plan = onlyStockPoint({ scenario, plans, variantId, windowDays: 0 });
    requireUnmet(scenario, plan, 'backorder');
    const policy = policyOf(plan, variantId, 'baseStock');
    const rate = unitPoissonRate(scenario, plan);
    const leadTime = constantLeadTime(scenario, plan);
    const costs = costsOf(scenario, plan);
    const theory = baseStockPoisson({ demandPerDay: rate, leadTimeDays: leadTime, baseStockLevel: policy.level });
    return {
      comparisons: [
        ...poissonStockComparisons(plan, theory, costs, rate),
        at(plan, { kpi: 'avgPipeline', theory: rate * leadTime, note: "λ L units in transit (Little's law)" }),
      ],
      facts: [{ label: 'lead-time demand λ L', value: rate * leadTime }],
    };
  },
};

export const rqPoissonModel: TheoryModelDefinition = {
  source: 'Zipkin, Foundations of Inventory Management (2000), ch. 6; Federgruen & Zheng, Operations Research 40(4), 1992',
  variant({ scenario, plans, variantId }) {
    const plan = onlyStockPoint({ scenario, plans, variantId, windowDays: 0 });
    requireUnmet(scenario, plan, 'backorder');
    const policy = policyOf(plan, variantId, 'rQ');
    const rate = unitPoissonRate(scenario, plan);
    const leadTime = constantLeadTime(scenario, plan);
    const costs = costsOf(scenario, plan);
    const parameters = { demandPerDay: rate, leadTimeDays: leadTime, orderingCost: costs.orderingCost, holdingCostPerUnitPerDay: costs.holdingPerDay, backorderCostPerUnitPerDay: costs.backorderPerDay };
    const theory = rqPoisson({ ...parameters, reorderPoint: policy.reorderPoint, orderQuantity: policy.orderQuantity });
    const comparisons = [
      ...poissonStockComparisons(plan, theory, costs, rate),
      at(plan, { kpi: 'ordersPlaced', per: 'day', theory: theory.ordersPerDay, note: 'λ / Q orders a day' }),
    ];
    if (costs.orderingCost > 0) comparisons.push(at(plan, { kpi: 'orderingCost', per: 'day', theory: costs.orderingCost * theory.ordersPerDay, note: 'K λ / Q per day' }));
    const facts: { label: string; value: number | string }[] = [];
    if (costs.orderingCost > 0 && costs.holdingPerDay > 0 && costs.backorderPerDay > 0) {
      const optimum = optimalRQPoisson(parameters);
      facts.push(
        { label: 'cost per day C(r, Q) of this policy', value: theory.costPerDay },
        { label: 'optimal (r, Q) (Federgruen & Zheng)', value: `(${optimum.reorderPoint}, ${optimum.orderQuantity})` },
        { label: 'cost per day at the optimum', value: optimum.costPerDay },
      );
    }
    return { comparisons, facts };
  },
};

export const periodicReviewNormalModel: TheoryModelDefinition = {
  source: 'Silver, Pyke & Thomas, Inventory and Production Management in Supply Chains (2017), ch. 6',
  variant({ scenario, plans, variantId }) {
    const plan = onlyStockPoint({ scenario, plans, variantId, windowDays: 0 });
    requireUnmet(scenario, plan, 'backorder');
    const policy = policyOf(plan, variantId, 'periodicRS');
    const { demand, path } = onlyDemand(scenario, plan, 'perPeriod');
    const shape = periodDemand(demand.quantity, `${path}.quantity`);
    if (shape.kind !== 'normal') throw new TheoryAssumptionError(`${path}.quantity.type`, 'assumes normal daily demand');
    const leadTime = constantLeadTime(scenario, plan);
    const review = policy.reviewPeriod;
    if (!Number.isInteger(review) || !Number.isInteger(leadTime / review)) {
      throw new TheoryAssumptionError('stockPoints', `assumes a whole-day review period and a lead time that is a whole number of review periods (R = ${review}, L = ${leadTime})`);
    }
    const costs = costsOf(scenario, plan);
    const theory = periodicReviewNormal({
      demandPerDay: shape.mean,
      demandSdPerDay: shape.sd,
      reviewPeriodDays: review,
      leadTimeDays: leadTime,
      orderUpToLevel: policy.orderUpTo,
      holdingCostPerUnitPerPeriod: costs.holdingPerDay * review,
      backorderCostPerUnitPerPeriod: costs.backorderPerDay * review,
      orderingCost: costs.orderingCost,
    });
    // the textbook fill rate counts the units short at the end of a cycle, E(D(R+L) - S)+; the units
    // already short at its start, E(D(L) - S)+, are not new shortages, so the exact figure is higher by this
    const carriedOver = leadTime > 0 ? (shape.sd * Math.sqrt(leadTime) * normalLoss((policy.orderUpTo - shape.mean * leadTime) / (shape.sd * Math.sqrt(leadTime)))) / (shape.mean * review) : 0;
    return {
      comparisons: [
        at(plan, { kpi: 'cycleServiceLevel', theory: theory.cycleServiceLevel, note: 'Φ(z): review periods with no unit short (orders arrive at reviews, so a review period is a replenishment cycle)' }),
        at(plan, { kpi: 'fillRate', theory: theory.fillRate, allowance: carriedOver, note: '1 - σ√(R+L) G(z) / (μR); the formula also counts backorders carried in from the previous cycle, E(D(L) - S)+ / (μR), which is the allowance' }),
        at(plan, { kpi: 'endOfPeriodOnHand', theory: theory.expectedOnHandAtPeriodEnd, note: 'E(S - D(R+L))+ at the end of each review period' }),
        at(plan, { kpi: 'endOfPeriodBackorders', theory: theory.expectedBackordersAtPeriodEnd, note: 'E(D(R+L) - S)+ at the end of each review period' }),
        at(plan, { kpi: 'costPerPeriod', theory: theory.costPerPeriod, note: 'h R E[on hand] + b R E[backorders] at the period end + K' }),
      ],
      facts: [
        { label: 'protection interval R + L (days)', value: theory.protectionIntervalDays },
        { label: 'safety factor z', value: theory.z },
      ],
    };
  },
};

export const lostSalesErlangModel: TheoryModelDefinition = {
  source: 'Palm (1938); Zipkin, Foundations of Inventory Management (2000), ch. 7 (Erlang loss)',
  variant({ scenario, plans, variantId }) {
    const plan = onlyStockPoint({ scenario, plans, variantId, windowDays: 0 });
    requireUnmet(scenario, plan, 'lost');
    const policy = policyOf(plan, variantId, 'baseStock');
    const rate = unitPoissonRate(scenario, plan);
    const { lane, source } = laneInto(scenario, plan);
    if (source.type !== 'supplier' || source.capacityPerDay !== undefined || (source.type === 'supplier' && source.servers !== undefined)) {
      throw new TheoryAssumptionError('nodes', `assumes ${plan.node} is supplied by an unlimited supplier whose orders do not queue`);
    }
    // any lead-time distribution: only its mean matters (Palm's theorem)
    let meanLeadTime = distributionMean(lane.leadTime, { nonNegative: true });
    if (source.type === 'supplier' && source.leadTime) meanLeadTime += distributionMean(source.leadTime, { nonNegative: true });
    const costs = costsOf(scenario, plan);
    const theory = lostSalesBaseStockPoisson({ demandPerDay: rate, meanLeadTimeDays: meanLeadTime, baseStockLevel: policy.level, holdingCostPerUnitPerDay: costs.holdingPerDay, lostSaleCost: costs.stockoutPenalty });
    return {
      comparisons: [
        at(plan, { kpi: 'fillRate', theory: theory.fillRate, note: '1 - B(S, λL), Erlang B: a customer finds all S units on order with that probability (PASTA)' }),
        at(plan, { kpi: 'readyRate', theory: theory.readyRate }),
        at(plan, { kpi: 'avgOnHand', theory: theory.expectedOnHand, note: 'S - λL (1 - B)' }),
        at(plan, { kpi: 'lostSalesUnits', per: 'day', theory: theory.lostPerDay, note: 'λ B units lost a day' }),
        at(plan, { kpi: 'ordersPlaced', per: 'day', theory: theory.ordersPerDay, note: 'λ (1 - B): one order per unit sold' }),
      ],
      facts: [
        { label: 'offered load λ L (mean lead time; its distribution does not matter)', value: theory.offeredLoad },
        { label: 'Erlang B(S, λL)', value: theory.fractionLost },
      ],
    };
  },
};
