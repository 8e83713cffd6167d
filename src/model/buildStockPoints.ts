import { stockPointKey } from '../scenario/references.ts';
import { createSampler, distributionMean, distributionVariance } from '../random/distributions/sampler.ts';
import { createPolicy } from './policies/createPolicy.ts';
import type { PolicyContext } from './policies/policy.ts';
import { StockPoint, type Supply } from './stockPoint.ts';
import { POINT_ROW_WIDTH } from './counters.ts';
import { RowTable } from './rowTable.ts';
import type { CustomerBase } from './customerBase.ts';
import { LotList, type LotRegistry } from './lots.ts';
import type { ProductCare } from './productCare.ts';
import type { StockPointPlan } from './stockPointPlans.ts';
import type { BuildContext } from './processes/buildContext.ts';
import type { GatesAndStages, LaneState } from './processes/shipping.ts';
import { recordAccuracyOf } from './processes/damageAndVisibility.ts';
import { Priority } from './eventKinds.ts';

/** What the stock points are built from, besides the scenario: the other builders' results. */
export interface StockPointInputs {
  lanes: LaneState[];
  /** lane index by its ends, `from->to` */
  laneByEnds: ReadonlyMap<string, number>;
  network: GatesAndStages;
  /** per stock point: its demand's mean and variance per day (replenishment.ts `demandStatistics`) */
  demandStats: { mean: number; variance: number }[];
  baseOfNode: ReadonlyMap<string, CustomerBase>;
  careOf: (plan: StockPointPlan) => ProductCare;
  lots: LotRegistry;
}

/**
 * The stock points, their numbers in one table: each with its supply (a supplier's gate, processing
 * and production stage, or the point above), its policy (set from its demand and lead time), costs,
 * customers, product care, record visibility and lots. Then the network's shape as the points see it:
 * whom each supplies.
 */
export function buildStockPoints(context: BuildContext, inputs: StockPointInputs): { stockPoints: StockPoint[]; pointTable: Float64Array } {
  const { scenario, streams, horizon, plans, planIndex, sources, nodeById, productIndex, demandEntries, fulfilmentOf } = context;
  const { lanes, laneByEnds, network, demandStats, baseOfNode } = inputs;
  const customerFacing = new Set(demandEntries.map((d) => stockPointKey(d.node, d.product)));
  // warehouses' stock points serving online zones, and the zone's customer base
  const onlineBase = new Map<string, CustomerBase | undefined>();
  for (const { node, product } of demandEntries) {
    for (const source of fulfilmentOf.get(node)?.from ?? []) {
      const key = stockPointKey(source.warehouse, product);
      customerFacing.add(key);
      if (!onlineBase.get(key)) onlineBase.set(key, baseOfNode.get(node));
    }
  }

  const pointTable = new RowTable(plans.length, POINT_ROW_WIDTH);
  const stockPoints = plans.map((plan, i) => {
    const product = scenario.products.find((p) => p.id === plan.product)!;
    const sourceNode = nodeById.get(sources[i])!;
    const lane = laneByEnds.get(`${sources[i]}->${plan.node}`)!;
    const leadTimeSpec = scenario.lanes[lane].leadTime;
    const supply: Supply = {
      supplier: -1,
      upstream: -1,
      lane,
      leadTime: createSampler(leadTimeSpec, streams.stream(`leadTime:${lanes[lane].id}:${plan.product}`), { nonNegative: true }),
      processing: null,
      stage: -1,
    };
    let leadMean = distributionMean(leadTimeSpec, { nonNegative: true });
    let leadVariance = distributionVariance(leadTimeSpec, { nonNegative: true });
    if (sourceNode.type === 'supplier') {
      supply.supplier = network.gateFor(sourceNode.id);
      if (sourceNode.leadTime) {
        supply.processing = createSampler(sourceNode.leadTime, streams.stream(`processing:${sourceNode.id}:${plan.key}`), { nonNegative: true });
        if (sourceNode.servers !== undefined) supply.stage = network.stageFor(sourceNode.id, sourceNode.servers);
        leadMean += distributionMean(sourceNode.leadTime, { nonNegative: true });
        leadVariance += distributionVariance(sourceNode.leadTime, { nonNegative: true });
      }
    } else {
      supply.upstream = planIndex.get(stockPointKey(sourceNode.id, plan.product))!;
    }

    const holdingCost = plan.entry.holdingCost ?? product.holdingCost;
    const holdingCostPerDay = 'perUnitPerDay' in holdingCost ? holdingCost.perUnitPerDay : (holdingCost.annualRate * product.unitCost) / 365;
    const orderingCost = plan.entry.orderingCost ?? product.orderingCost;
    const context: PolicyContext = {
      demandPerDay: demandStats[i],
      leadTime: { mean: leadMean, variance: leadVariance },
      holdingCostPerUnitPerDay: holdingCostPerDay,
      orderingCost,
      ...(plan.entry.initialOnHand === undefined ? {} : { initialOnHand: plan.entry.initialOnHand }),
    };
    const policy = createPolicy(plan.policy, context);
    const shipsDownstream = plans.some((_, j) => sources[j] === plan.node && plans[j].product === plan.product);
    const base = baseOfNode.get(plan.node) ?? onlineBase.get(plan.key);
    const facing = customerFacing.has(plan.key);
    const point = new StockPoint(
      i,
      plan.node,
      productIndex.get(plan.product)!,
      plan.product,
      policy,
      supply,
      Math.max(0, plan.entry.initialOnHand ?? policy.defaultInitialOnHand),
      product.unitCost,
      product.price ?? null,
      holdingCostPerDay,
      orderingCost,
      product.stockoutPenalty,
      product.backorderCostPerDay,
      (plan.entry.unmetDemand ?? product.unmetDemand) === 'backorder',
      (plan.entry.shortageShipping ?? scenario.shortageShipping) === 'complete',
      plan.entry.casePack,
      plan.entry.minOrderQuantity,
      shipsDownstream ? network.gateFor(plan.node) : -1,
      facing && base ? base.index : -1,
      facing,
      horizon,
      pointTable.row(i),
    );
    point.care = inputs.careOf(plan);
    point.servesOnline = onlineBase.has(plan.key);
    point.expectedLeadDays = leadMean;
    point.policyContext = context;
    point.visibility = recordAccuracyOf(plan, streams);
    point.issuing = plan.entry.issuing ?? 'fifo';
    point.orderDelayDays = scenario.lanes[lane].orderDelayDays;
    point.roundsToNearest = plan.entry.orderRounding === 'nearest';
    point.reviewPriority = plan.entry.reviewTiming === 'afterDemand' ? Priority.reviewAfterDemand : Priority.review;
    point.backlogCostPerDay = plan.entry.backlogCostPerDay;
    point.scriptedOrders = Float64Array.from(
      [...plan.entry.scriptedOrders].sort((a, b) => a.fromDay - b.fromDay).flatMap((period) => [period.fromDay, period.untilDay, period.quantity]),
    );
    const pipeline = plan.entry.initialPipeline;
    if (pipeline !== undefined && (pipeline.shipments.length > 0 || pipeline.orders.length > 0)) point.initialPipeline = pipeline;
    point.tracksTransit = point.initialPipeline !== null || point.orderDelayDays > 0;
    if (point.care.lots) {
      point.lots = new LotList(inputs.lots);
      if (supply.upstream >= 0) point.inbound = new LotList(inputs.lots);
    }
    return point;
  });

  // the network's shape as the points see it: whom each supplies
  for (const point of stockPoints) {
    if (point.supply.upstream >= 0) stockPoints[point.supply.upstream].downstream.push(point);
  }
  return { stockPoints, pointTable: pointTable.data };
}
