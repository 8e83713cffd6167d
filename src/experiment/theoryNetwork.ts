import { lossAbove, poissonPmf } from '../theory/discrete.ts';
import { optimalPeriodicSS, periodicSSCost } from '../theory/periodicSS.ts';
import { bullwhipLowerBound, exponentialSmoothingBullwhip } from '../theory/bullwhip.ts';
import { makeToStockMM1, mmc, optimalMakeToStockMM1 } from '../theory/queues.ts';
import { evaluateSerialBaseStock, optimalSerialBaseStock } from '../theory/serialBaseStock.ts';
import type { Scenario } from '../scenario/schema.ts';
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
import type { TheoryNote } from './theoryNotes.ts';

/**
 * The periodic (s,S), bullwhip, queueing and serial multi-echelon models of the analytic library, read
 * from scenarios.
 */

export const periodicSSModel: TheoryModelDefinition = {
  source: 'Zheng & Federgruen, Operations Research 39(4), 1991; Zipkin (2000), ch. 9',
  variant({ scenario, plans, variantId }) {
    const plan = onlyStockPoint({ scenario, plans, variantId, windowDays: 0 });
    requireUnmet(scenario, plan, 'backorder');
    const policy = policyOf(plan, variantId, 'periodicRsS', 'passThrough');
    if (policy.reviewPeriod !== 1) throw new TheoryAssumptionError('stockPoints', `assumes a review every day (one period); variant "${variantId}" reviews every ${policy.reviewPeriod} days`);
    // pass-through orders each day the previous day's demand: with whole units, the (S - 1, S) policy
    // whose S is the initial stock (the position never leaves S at a review under backorders)
    const level = policy.type === 'passThrough' ? passThroughLevel(plan) : null;
    const reorderPoint = level === null ? (policy as { reorderPoint: number }).reorderPoint : level - 1;
    const orderUpTo = level === null ? (policy as { orderUpTo: number }).orderUpTo : level;
    if (!Number.isInteger(reorderPoint) || !Number.isInteger(orderUpTo)) throw new TheoryAssumptionError('stockPoints', 'assumes whole-number s and S (discrete demand)');
    const { demand, path } = onlyDemand(scenario, plan, 'perPeriod');
    if (demand.quantity.type !== 'poisson') throw new TheoryAssumptionError(`${path}.quantity.type`, 'assumes Poisson demand per period');
    const leadTime = constantLeadTime(scenario, plan);
    if (!Number.isInteger(leadTime)) throw new TheoryAssumptionError(`lanes[${laneInto(scenario, plan).index}].leadTime`, 'assumes a whole number of periods of lead time');
    const costs = costsOf(scenario, plan);
    const parameters = { demand: poissonPmf(demand.quantity.mean), leadTimePeriods: leadTime, orderingCost: costs.orderingCost, holdingCost: costs.holdingPerDay, backorderCost: costs.backorderPerDay };
    const theory = periodicSSCost({ ...parameters, reorderPoint, orderUpTo });
    const optimum = optimalPeriodicSS(parameters);
    const comparisons = [
      at(plan, { kpi: 'costPerPeriod', theory: theory.costPerPeriod, note: { id: 'periodicSSCost' } }),
      at(plan, { kpi: 'endOfPeriodOnHand', theory: theory.expectedOnHand, note: { id: 'periodicSSEndOfDay' } }),
      at(plan, { kpi: 'endOfPeriodBackorders', theory: theory.expectedBackorders, note: { id: 'periodicSSEndOfDay' } }),
      at(plan, { kpi: 'ordersPlaced', per: 'day', theory: theory.ordersPerPeriod, note: { id: 'periodicSSOrders' } }),
    ];
    if (level !== null) {
      // a base stock: a day starts with S - D(L) net (the demand of the L days before it is on order),
      // so the units short on a day are what it adds to the backlog, E(D(L+1) - S)+ - E(D(L) - S)+
      // (Axsäter, Inventory Control, 3rd ed., 2015, ch. 5, periodic review base stock)
      const mean = demand.quantity.mean;
      const shortPerDay = lossAbove(poissonPmf(mean * (leadTime + 1)), level) - (leadTime > 0 ? lossAbove(poissonPmf(mean * leadTime), level) : Math.max(0, -level));
      comparisons.push(
        at(plan, { kpi: 'fillRate', theory: 1 - shortPerDay / mean, note: { id: 'passThroughFillRate' } }),
        // the day's demand comes at its start: the stock on hand all day is the end-of-day stock
        at(plan, { kpi: 'avgOnHand', theory: theory.expectedOnHand, note: { id: 'passThroughOnHand' } }),
      );
    }
    return {
      comparisons,
      facts: [
        { label: 'optimal (s, S) (Zheng & Federgruen)', value: `(${optimum.reorderPoint}, ${optimum.orderUpTo})` },
        { label: 'cost per day at the optimum', value: optimum.costPerPeriod },
      ],
    };
  },
};

/** A pass-through's level: the initial stock, which the scenario must give as a whole number. */
function passThroughLevel(plan: StockPointPlan): number {
  const initial = plan.entry.initialOnHand;
  if (initial === undefined || !Number.isInteger(initial)) {
    throw new TheoryAssumptionError('stockPoints', `assumes the pass-through's level, the initialOnHand at ${plan.key}, is given as a whole number; got ${initial ?? 'none'}`);
  }
  return initial;
}

export const bullwhipModel: TheoryModelDefinition = {
  source: 'Chen, Drezner, Ryan & Simchi-Levi, Management Science 46(3), 2000; Chen, Ryan & Simchi-Levi, Naval Research Logistics 47(4), 2000',
  variant({ scenario, plans, variantId }) {
    const plan = onlyStockPoint({ scenario, plans, variantId, windowDays: 0 });
    const policy = policyOf(plan, variantId, 'forecast');
    if (policy.reviewPeriod !== 1) throw new TheoryAssumptionError('stockPoints', `assumes a review every day; variant "${variantId}" reviews every ${policy.reviewPeriod} days`);
    if (policy.safetyFactor !== 0) throw new TheoryAssumptionError('stockPoints', 'assumes a constant safety stock (safetyFactor 0); a re-estimated one only adds variance');
    if (!policy.allowReturns) throw new TheoryAssumptionError('stockPoints', 'assumes orders may be negative (allowReturns), as in the linear model');
    const { demand, path } = onlyDemand(scenario, plan, 'perPeriod');
    if (demand.quantity.type === 'normal' && demand.quantity.mean < 4 * demand.quantity.sd) throw new TheoryAssumptionError(`${path}.quantity`, 'assumes demand that is never truncated at zero (mean at least 4 sd)');
    const leadTime = constantLeadTime(scenario, plan);
    const covered = leadTime + policy.reviewPeriod;
    const theory =
      policy.method.type === 'movingAverage'
        ? bullwhipLowerBound({ leadTimePeriods: covered, movingAveragePeriods: policy.method.periods })
        : exponentialSmoothingBullwhip({ leadTimePeriods: covered, smoothingFactor: policy.method.alpha });
    const note: TheoryNote =
      policy.method.type === 'movingAverage' ? { id: 'bullwhipMovingAverage', periods: policy.method.periods, covered } : { id: 'bullwhipSmoothing', alpha: policy.method.alpha, covered };
    return {
      comparisons: [at(plan, { kpi: 'bullwhipRatio', theory, note })],
      facts: [{ label: 'periods covered by the order-up-to level L', value: covered }],
    };
  },
};

/** The supplier feeding `plan` as a queue: its server count and exponential processing rate. */
function stationOf(scenario: Scenario, plan: StockPointPlan): { servers: number; serviceRate: number } {
  const { lane, index, source } = laneInto(scenario, plan);
  const nodeIndex = scenario.nodes.indexOf(source);
  if (source.type !== 'supplier' || source.servers === undefined) throw new TheoryAssumptionError(`nodes[${nodeIndex}].servers`, `assumes ${plan.node} is supplied by a supplier with servers`);
  if (!source.leadTime || source.leadTime.type !== 'exponential') throw new TheoryAssumptionError(`nodes[${nodeIndex}].leadTime`, 'assumes exponential processing times');
  if (source.capacityPerDay !== undefined) throw new TheoryAssumptionError(`nodes[${nodeIndex}].capacityPerDay`, 'assumes no daily shipping cap');
  if (constantOf(lane.leadTime, `lanes[${index}].leadTime`, 'transit time') !== 0) throw new TheoryAssumptionError(`lanes[${index}].leadTime`, 'assumes processed orders reach the stock point at once (transit time 0)');
  return { servers: source.servers, serviceRate: 1 / source.leadTime.mean };
}

/**
 * The station's own queue, measured at the network (the stage is no stock point's), and the orders
 * in it as the stock point's pipeline: Wq, Lq, P(wait) and ρ of the M/M/c queue, and L.
 */
function queueComparisons(plan: StockPointPlan, theory: ReturnType<typeof mmc>): TheoryComparison[] {
  return [
    at(null, { kpi: 'queueWait', theory: theory.expectedWaitInQueue, note: { id: 'queueWaitInQueue' } }),
    at(null, { kpi: 'queueLength', theory: theory.expectedNumberInQueue, note: { id: 'queueNumberInQueue' } }),
    at(null, { kpi: 'waitProbability', theory: theory.probabilityOfWaiting, note: { id: 'queueErlangC' } }),
    at(null, { kpi: 'utilisation', theory: theory.utilisation, note: { id: 'queueUtilisation' } }),
    at(plan, { kpi: 'avgPipeline', theory: theory.expectedNumberInSystem, note: { id: 'queueInSystem' } }),
  ];
}

export const queueMMcModel: TheoryModelDefinition = {
  source: 'Erlang C; Gross & Harris, Fundamentals of Queueing Theory, ch. 2',
  variant({ scenario, plans, variantId }) {
    const plan = onlyStockPoint({ scenario, plans, variantId, windowDays: 0 });
    requireUnmet(scenario, plan, 'backorder');
    const policy = policyOf(plan, variantId, 'baseStock');
    if (policy.level !== 0) throw new TheoryAssumptionError('stockPoints', 'assumes make-to-order: base stock level 0, so every customer order is one job at the station');
    const rate = unitPoissonRate(scenario, plan);
    const station = stationOf(scenario, plan);
    const theory = mmc({ arrivalRate: rate, serviceRate: station.serviceRate, servers: station.servers });
    return {
      comparisons: [
        at(plan, { kpi: 'avgCustomerWait', theory: theory.expectedTimeInSystem, note: { id: 'mmcWait' } }),
        at(plan, { kpi: 'avgBackorders', theory: theory.expectedNumberInSystem, note: { id: 'mmcBackorders' } }),
        ...queueComparisons(plan, theory),
      ],
      facts: [
        { label: 'utilisation ρ = λ / cμ', value: theory.utilisation },
        { label: 'P(wait) (Erlang C)', value: theory.probabilityOfWaiting },
        { label: 'Wq, days waiting for a server', value: theory.expectedWaitInQueue },
      ],
    };
  },
};

export const makeToStockMM1Model: TheoryModelDefinition = {
  source: 'Buzacott & Shanthikumar, Stochastic Models of Manufacturing Systems (1993), ch. 4',
  variant({ scenario, plans, variantId }) {
    const plan = onlyStockPoint({ scenario, plans, variantId, windowDays: 0 });
    requireUnmet(scenario, plan, 'backorder');
    const policy = policyOf(plan, variantId, 'baseStock');
    const rate = unitPoissonRate(scenario, plan);
    const station = stationOf(scenario, plan);
    if (station.servers !== 1) throw new TheoryAssumptionError('nodes', 'assumes one production server');
    const parameters = { demandPerDay: rate, productionPerDay: station.serviceRate };
    const theory = makeToStockMM1({ ...parameters, baseStock: policy.level });
    const costs = costsOf(scenario, plan);
    const facts: { label: string; value: number }[] = [{ label: 'utilisation ρ = λ / μ', value: rate / station.serviceRate }];
    if (costs.holdingPerDay > 0 && costs.backorderPerDay > 0) {
      const optimum = optimalMakeToStockMM1({ ...parameters, holdingCostPerUnitPerDay: costs.holdingPerDay, backorderCostPerUnitPerDay: costs.backorderPerDay });
      facts.push({ label: 'optimal base stock S*', value: optimum.baseStock }, { label: 'cost per day at S*', value: optimum.costPerDay });
    }
    return {
      comparisons: [
        at(plan, { kpi: 'fillRate', theory: theory.fillRate, note: { id: 'makeToStockFillRate' } }),
        at(plan, { kpi: 'avgBackorders', theory: theory.expectedBackorders, note: { id: 'makeToStockBackorders' } }),
        at(plan, { kpi: 'avgOnHand', theory: theory.expectedOnHand, note: { id: 'makeToStockOnHand' } }),
        ...queueComparisons(plan, mmc({ arrivalRate: rate, serviceRate: station.serviceRate, servers: 1 })),
      ],
      facts,
    };
  },
};

/** The chain from the customer-facing point up to the supplier: stage 1 first. */
function serialStages(scenario: Scenario, plans: StockPointPlan[]): StockPointPlan[] {
  const facing = plans.filter((plan) => scenario.demand.some((demand) => [demand.node].flat().includes(plan.node)));
  if (facing.length !== 1) throw new TheoryAssumptionError('demand', `assumes customer demand at exactly one stock point (stage 1); found ${facing.length}`);
  const chain = [facing[0]];
  for (;;) {
    // a chain can hold each stock point once: a longer one has come round a loop of lanes
    if (chain.length > plans.length) throw new TheoryAssumptionError('lanes', 'assumes a serial chain; the lanes upstream of stage 1 form a loop');
    const { source } = laneInto(scenario, chain[chain.length - 1]);
    if (source.type === 'supplier') break;
    const upstream = plans.find((plan) => plan.node === source.id && plan.product === facing[0].product);
    if (!upstream) throw new TheoryAssumptionError('stockPoints', `no stock point at ${source.id} for ${facing[0].product}`);
    chain.push(upstream);
  }
  if (chain.length !== plans.length) throw new TheoryAssumptionError('stockPoints', `assumes a serial chain; ${plans.length - chain.length} stock points are off the chain`);
  return chain;
}

export const serialBaseStockModel: TheoryModelDefinition = {
  source: 'Clark & Scarf (1960); Chen & Zheng, Management Science 40(11), 1994; Gallego & Zipkin, M&SOM 1(1), 1999; Zipkin (2000), ch. 8',
  variant({ scenario, plans, variantId }) {
    const chain = serialStages(scenario, plans);
    const stage1 = chain[0];
    requireUnmet(scenario, stage1, 'backorder');
    const rate = unitPoissonRate(scenario, stage1);
    const installationCosts = chain.map((plan) => costsOf(scenario, plan).holdingPerDay);
    const stages = chain.map((plan, j) => {
      const { lane, index, source } = laneInto(scenario, plan);
      if ((source.type === 'supplier' || source.type === 'warehouse') && source.capacityPerDay !== undefined) throw new TheoryAssumptionError(`nodes[${scenario.nodes.indexOf(source)}].capacityPerDay`, 'assumes unlimited shipping');
      if (source.type === 'supplier' && source.leadTime) throw new TheoryAssumptionError(`nodes[${scenario.nodes.indexOf(source)}].leadTime`, 'assumes no supplier processing time (put it in the lane)');
      const echelonHolding = installationCosts[j] - (j + 1 < chain.length ? installationCosts[j + 1] : 0);
      if (echelonHolding < 0) throw new TheoryAssumptionError('stockPoints', `assumes holding costs that do not fall downstream; ${plan.key} holds for less than ${chain[j + 1].key}`);
      return { leadTimeDays: constantOf(lane.leadTime, `lanes[${index}].leadTime`, 'transit time'), echelonHoldingCostPerUnitPerDay: echelonHolding };
    });
    const levels = chain.map((plan) => policyOf(plan, variantId, 'echelonBaseStock').level);
    const parameters = { demandPerDay: rate, stages, backorderCostPerUnitPerDay: costsOf(scenario, stage1).backorderPerDay };
    const theory = evaluateSerialBaseStock({ ...parameters, echelonLevels: levels });
    const optimum = optimalSerialBaseStock(parameters);
    const comparisons: TheoryComparison[] = [
      at(stage1, { kpi: 'fillRate', theory: theory.fillRate, note: { id: 'serialFillRate' } }),
      at(stage1, { kpi: 'avgBackorders', theory: theory.expectedBackorders, note: { id: 'serialBackorders' } }),
      ...chain.map((plan, j) => at(plan, { kpi: 'avgOnHand', theory: theory.stages[j].expectedOnHand, note: { id: 'serialOnHand', stage: j + 1 } })),
      at(null, { kpi: 'holdingCost', per: 'day', theory: theory.costPerDay - parameters.backorderCostPerUnitPerDay * theory.expectedBackorders, note: { id: 'serialHolding' } }),
      at(null, {
        kpi: 'stockoutCost',
        per: 'day',
        theory: parameters.backorderCostPerUnitPerDay * theory.expectedBackorders + costsOf(scenario, stage1).stockoutPenalty * rate * (1 - theory.fillRate),
        note: { id: 'serialStockoutCost' },
      }),
    ];
    return {
      comparisons,
      facts: [
        { label: 'echelon levels in force (stage 1 first)', value: theory.echelonLevels.join(', ') },
        { label: 'cost per day of these levels (on-hand holding + backorders)', value: theory.costPerDay },
        { label: 'optimal echelon levels (Chen–Zheng)', value: optimum.echelonLevels.join(', ') },
        { label: 'cost per day at the optimum', value: optimum.costPerDay },
        { label: 'in-transit holding, the same for every policy', value: optimum.pipelineHoldingCostPerDay },
      ],
    };
  },
};
