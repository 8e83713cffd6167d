import { distributionMean } from '../random/distributions/sampler.ts';
import { normalLoss } from '../math/normal.ts';
import { poissonPmf } from '../theory/discrete.ts';
import { newsvendorNormal, newsvendorPoisson } from '../theory/newsvendor.ts';
import { eoq, eoqWithPlannedBackorders } from '../theory/eoq.ts';
import { baseStockPoisson } from '../theory/baseStockPoisson.ts';
import { optimalRQPoisson, rqPoisson } from '../theory/rqPoisson.ts';
import { periodicReviewNormal } from '../theory/periodicReviewNormal.ts';
import { lostSalesBaseStock, lostSalesBaseStockPoisson, optimalLostSalesBaseStock, type PeriodDemand } from '../theory/lostSalesBaseStock.ts';
import { perishableOrderUpTo } from '../theory/perishableOrderUpTo.ts';
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
    return {
      comparisons: [
        at(plan, { kpi: 'endOfPeriodOnHand', theory: theory.expectedLeftover, note: { id: 'newsvendorLeftover' } }),
        at(plan, { kpi: 'endOfPeriodBackorders', theory: theory.expectedShortage, note: { id: 'newsvendorShortage' } }),
        at(plan, { kpi: 'costPerPeriod', theory: theory.expectedCost, note: { id: 'newsvendorCost' } }),
        at(plan, { kpi: 'fillRate', theory: theory.fillRate, note: { id: 'newsvendorFillRate' } }),
        at(plan, { kpi: 'cycleServiceLevel', theory: theory.cycleServiceLevel, note: { id: 'newsvendorCycle' } }),
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
        at(plan, { kpi: 'endOfPeriodOnHand', theory: theory.expectedOnHandAtPeriodEnd, note: { id: 'lostSalesLeftover' } }),
        at(plan, { kpi: 'lostSalesUnits', per: 'day', theory: theory.expectedLostPerPeriod, note: { id: 'lostSalesLost' } }),
        at(plan, { kpi: 'fillRate', theory: theory.fillRate }),
        at(plan, { kpi: 'cycleServiceLevel', theory: theory.probabilityNoLostSales, note: { id: 'lostSalesCycle' } }),
        at(plan, { kpi: 'costPerPeriod', theory: theory.costPerPeriod, note: { id: 'lostSalesCost' } }),
      ],
      facts,
    };
  },
};

export const perishableOrderUpToModel: TheoryModelDefinition = {
  source:
    'Nahmias, "Perishable inventory theory: a review", Operations Research 30(4), 1982; Nahmias & Pierskalla (1973); Fries (1975) and Nahmias (1975) for lost sales: a Markov chain of the stock by remaining life, solved exactly',
  variant({ scenario, plans, variantId }) {
    const plan = onlyStockPoint({ scenario, plans, variantId, windowDays: 0 });
    requireUnmet(scenario, plan, 'lost');
    const level = dailyOrderUpTo(scenario, plan, variantId);
    if (!Number.isInteger(level)) throw new TheoryAssumptionError('stockPoints', `assumes a whole order-up-to level; variant "${variantId}" has ${level}`);
    const { demand, path } = onlyDemand(scenario, plan, 'perPeriod');
    if (demand.quantity.type !== 'poisson') throw new TheoryAssumptionError(`${path}.quantity.type`, `assumes Poisson demand per period; got ${demand.quantity.type}`);
    const costs = costsOf(scenario, plan);
    const product = costs.product;
    const productPath = `products[${scenario.products.indexOf(product)}]`;
    const life = product.shelfLifeDays;
    if (life === undefined || !Number.isInteger(life)) throw new TheoryAssumptionError(`${productPath}.shelfLifeDays`, `assumes a shelf life of a whole number of days; got ${life ?? 'none'}`);
    if ((plan.entry.issuing ?? 'fifo') === 'lifo') throw new TheoryAssumptionError('stockPoints', 'assumes the oldest units are sold first (fifo or fefo issuing)');
    for (const feature of ['damagePerDay', 'endOfLife', 'returns'] as const) {
      if (product[feature] !== undefined) throw new TheoryAssumptionError(`${productPath}.${feature}`, 'assumes units leave only by sale or outdating');
    }
    const outdatingCost = product.unitCost + product.disposalCostPerUnit;
    const theory = perishableOrderUpTo({
      demandPerPeriod: poissonPmf(demand.quantity.mean),
      orderUpTo: level,
      shelfLifePeriods: life,
      holdingCostPerUnitPerPeriod: costs.holdingPerDay,
      lostSaleCost: costs.stockoutPenalty,
      outdatingCostPerUnit: outdatingCost,
      orderingCost: costs.orderingCost,
    });
    return {
      comparisons: [
        at(plan, { kpi: 'outdatedPerPeriod', theory: theory.expectedOutdatedPerPeriod, note: { id: 'perishableOutdated', states: theory.states } }),
        at(plan, { kpi: 'expiredUnits', per: 'day', theory: theory.expectedOutdatedPerPeriod, note: { id: 'perishableExpired' } }),
        at(plan, { kpi: 'endOfPeriodOnHand', theory: theory.expectedOnHandAtPeriodEnd, note: { id: 'perishableOnHand' } }),
        at(plan, { kpi: 'endOfPeriodOnHandBeforeOutdating', theory: theory.expectedOnHandBeforeOutdating, note: { id: 'perishableBeforeOutdating' } }),
        at(plan, { kpi: 'lostSalesUnits', per: 'day', theory: theory.expectedLostPerPeriod, note: { id: 'lostSalesLost' } }),
        at(plan, { kpi: 'fillRate', theory: theory.fillRate }),
        at(plan, { kpi: 'ordersPlaced', per: 'day', theory: theory.orderProbability, note: { id: 'perishableOrders' } }),
        at(plan, { kpi: 'costPerPeriod', theory: theory.costPerPeriod, note: { id: 'perishableCost' } }),
      ],
      facts: [
        { label: 'shelf life m (days)', value: life },
        { label: 'states of the Markov chain', value: theory.states },
        { label: 'cost per unit outdated (unit cost + disposal)', value: outdatingCost },
        { label: 'mean order a day (units sold + outdated)', value: theory.expectedOrderPerPeriod },
      ],
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
    return {
      comparisons: [
        at(plan, { kpi: 'avgOnHand', theory: theory.averageInventory, allowance: daily / 2, note: { id: 'eoqOnHand', lump: daily } }),
        at(plan, { kpi: 'holdingCost', per: 'year', theory: theory.holdingCostPerYear, allowance: (costs.holdingPerDay * 365 * daily) / 2, note: { id: 'eoqHolding', lump: daily } }),
        at(plan, { kpi: 'ordersPlaced', per: 'year', theory: theory.ordersPerYear, allowance: 365 / windowDays, note: { id: 'eoqOrders' } }),
        at(plan, { kpi: 'orderingCost', per: 'year', theory: theory.orderingCostPerYear, allowance: (costs.orderingCost * 365) / windowDays, note: { id: 'eoqOrderingCost' } }),
        at(plan, { kpi: 'fillRate', theory: 1, note: { id: 'eoqFillRate' } }),
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
    return {
      comparisons: [
        at(plan, { kpi: 'avgOnHand', theory: theory.averageInventory, allowance: daily / 2, note: { id: 'plannedOnHand', lump: daily } }),
        at(plan, { kpi: 'avgBackorders', theory: theory.averageBackorders, allowance: daily / 2, note: { id: 'plannedBackorders', lump: daily } }),
        at(plan, { kpi: 'ordersPlaced', per: 'year', theory: theory.ordersPerYear, allowance: 365 / windowDays, note: { id: 'plannedOrders' } }),
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
  theory: { fillRate: number; readyRate: number; probabilityNoBackorders: number; expectedOnHand: number; expectedBackorders: number; expectedInventoryPosition: number },
  costs: { holdingPerDay: number; backorderPerDay: number; stockoutPenalty: number },
  rate: number,
): TheoryComparison[] {
  const comparisons = [
    at(plan, { kpi: 'fillRate', theory: theory.fillRate, note: { id: 'poissonFillRate' } }),
    at(plan, { kpi: 'readyRate', theory: theory.readyRate, note: { id: 'poissonReadyRate' } }),
    at(plan, { kpi: 'noBackorderRate', theory: theory.probabilityNoBackorders, note: { id: 'poissonNoBackorders' } }),
    at(plan, { kpi: 'waitingDemandShare', theory: 1 - theory.fillRate, note: { id: 'poissonWaitingShare' } }),
    at(plan, { kpi: 'avgOnHand', theory: theory.expectedOnHand, note: { id: 'poissonOnHand' } }),
    at(plan, { kpi: 'avgBackorders', theory: theory.expectedBackorders, note: { id: 'poissonBackorders' } }),
    at(plan, { kpi: 'avgInventoryPosition', theory: theory.expectedInventoryPosition, note: { id: 'poissonPosition' } }),
  ];
  if (costs.holdingPerDay > 0) comparisons.push(at(plan, { kpi: 'holdingCost', per: 'day', theory: costs.holdingPerDay * theory.expectedOnHand, note: { id: 'poissonHolding' } }));
  // the stockout cost also charges the penalty per unit short: λ (1 - fill rate) units a day go short
  if (costs.backorderPerDay > 0 || costs.stockoutPenalty > 0) {
    comparisons.push(
      at(plan, {
        kpi: 'stockoutCost',
        per: 'day',
        theory: costs.backorderPerDay * theory.expectedBackorders + costs.stockoutPenalty * rate * (1 - theory.fillRate),
        note: { id: 'poissonStockoutCost' },
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
        at(plan, { kpi: 'avgPipeline', theory: rate * leadTime, note: { id: 'baseStockPipeline' } }),
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
      at(plan, { kpi: 'ordersPlaced', per: 'day', theory: theory.ordersPerDay, note: { id: 'rqOrders' } }),
    ];
    if (costs.orderingCost > 0) comparisons.push(at(plan, { kpi: 'orderingCost', per: 'day', theory: costs.orderingCost * theory.ordersPerDay, note: { id: 'rqOrderingCost' } }));
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
        at(plan, { kpi: 'cycleServiceLevel', theory: theory.cycleServiceLevel, note: { id: 'reviewCycle' } }),
        at(plan, { kpi: 'fillRate', theory: theory.fillRate, allowance: carriedOver, note: { id: 'reviewFillRate' } }),
        at(plan, { kpi: 'endOfPeriodOnHand', theory: theory.expectedOnHandAtPeriodEnd, note: { id: 'reviewOnHand' } }),
        at(plan, { kpi: 'endOfPeriodBackorders', theory: theory.expectedBackordersAtPeriodEnd, note: { id: 'reviewBackorders' } }),
        at(plan, { kpi: 'costPerPeriod', theory: theory.costPerPeriod, note: { id: 'reviewCost' } }),
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
        at(plan, { kpi: 'fillRate', theory: theory.fillRate, note: { id: 'erlangFillRate' } }),
        at(plan, { kpi: 'readyRate', theory: theory.readyRate }),
        at(plan, { kpi: 'avgOnHand', theory: theory.expectedOnHand, note: { id: 'erlangOnHand' } }),
        at(plan, { kpi: 'lostSalesUnits', per: 'day', theory: theory.lostPerDay, note: { id: 'erlangLost' } }),
        at(plan, { kpi: 'ordersPlaced', per: 'day', theory: theory.ordersPerDay, note: { id: 'erlangOrders' } }),
      ],
      facts: [
        { label: 'offered load λ L (mean lead time; its distribution does not matter)', value: theory.offeredLoad },
        { label: 'Erlang B(S, λL)', value: theory.fractionLost },
      ],
    };
  },
};
