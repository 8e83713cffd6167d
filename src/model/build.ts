import type { Policy as PolicySpec, Scenario, Variant } from '../scenario/schema.ts';
import { idsOf, laneId, stockPointKey } from '../scenario/references.ts';
import { RandomStreams } from '../random/streams.ts';
import { createSampler, distributionMean, distributionVariance } from '../random/distributions/sampler.ts';
import { createPolicy } from './policies/createPolicy.ts';
import type { PolicyContext } from './policies/policy.ts';
import { StockPoint, type Supply } from './stockPoint.ts';
import { DemandStream, STREAM_ROW_WIDTH } from './demandStream.ts';
import { POINT_ROW_WIDTH } from './counters.ts';
import { RowTable } from './rowTable.ts';
import { CustomerBase } from './customerBase.ts';
import { ShippingGate } from './shippingGate.ts';
import { ProductionStage } from './productionStage.ts';
import { buildDemandProfile, cumulativeProfile } from './demandProfile.ts';
import { drawWindows } from './occurrences.ts';
import { Simulation, type DisruptionWindow, type LaneState, type RecallPlan } from './simulation.ts';
import { LotList, LotRegistry } from './lots.ts';
import { NO_CARE, type ProductCare } from './productCare.ts';
import { ZoneTally, type FulfilmentCandidate, type OnlineRoute } from './onlineOrders.ts';

/** Per-stock-point series are recorded by default up to this many stock points. */
export const AUTO_SERIES_LIMIT = 50;

/** The variants a scenario compares: its own, or one "baseline" made of the stock points' policies. */
export function variantsOf(scenario: Scenario): Variant[] {
  return scenario.variants.length > 0 ? scenario.variants : [{ id: 'baseline', name: 'Baseline', policies: [], set: [] }];
}

/** One entry per (node, product) stock point, in the order the scenario lists them. */
export interface StockPointPlan {
  key: string;
  node: string;
  product: string;
  entry: Scenario['stockPoints'][number];
  policy: PolicySpec;
}

/** Expands the scenario's stock point entries and applies a variant's policy overrides (later overrides win). */
export function planStockPoints(scenario: Scenario, variant: Variant): StockPointPlan[] {
  const plans: StockPointPlan[] = [];
  for (const entry of scenario.stockPoints) {
    for (const node of idsOf(entry.node)) {
      for (const product of idsOf(entry.product)) {
        let policy = entry.policy;
        for (const override of variant.policies) {
          const nodeMatches = override.node === undefined || idsOf(override.node).includes(node);
          const productMatches = override.product === undefined || idsOf(override.product).includes(product);
          if (nodeMatches && productMatches) policy = override.policy;
        }
        plans.push({ key: stockPointKey(node, product), node, product, entry, policy });
      }
    }
  }
  return plans;
}

/**
 * Wires a validated scenario into a runnable simulation for one replication of one variant. All
 * randomness is drawn from streams named after what they drive, seeded by `seed`.
 */
export interface BuildOptions {
  /** keep each stock point's daily roll-up figures and series (an independent part run alone, src/experiment/parts.ts) */
  keepPointDays?: boolean;
}

export function buildSimulation(scenario: Scenario, variant: Variant, seed: string, options: BuildOptions = {}): Simulation {
  const streams = new RandomStreams(seed);
  const horizon = scenario.horizonDays;
  const days = Math.ceil(horizon);
  const productIndex = new Map(scenario.products.map((p, i) => [p.id, i]));
  const nodeById = new Map(scenario.nodes.map((n) => [n.id, n]));
  const plans = planStockPoints(scenario, variant);
  const planIndex = new Map(plans.map((plan, i) => [plan.key, i]));

  // lanes
  const laneIndex = new Map<string, number>();
  const laneByEnds = new Map<string, number>();
  const lanes: LaneState[] = scenario.lanes.map((lane, i) => {
    laneIndex.set(laneId(lane), i);
    laneByEnds.set(`${lane.from}->${lane.to}`, i);
    return { id: laneId(lane), costPerUnit: lane.costPerUnit, costPerShipment: lane.costPerShipment, leadTimeMultiplier: 1 };
  });

  // sources: the node each stock point orders from
  const sourceOf = (plan: StockPointPlan): string => {
    if (plan.entry.source !== undefined) return plan.entry.source;
    const inbound = scenario.lanes.filter((lane) => lane.to === plan.node);
    return inbound[0].from; // references.ts guarantees exactly one
  };

  // production stages: one per supplier with servers
  const stages: ProductionStage[] = [];
  const stageFor = (nodeId: string, servers: number): number => {
    const found = stages.findIndex((stage) => stage.node === nodeId);
    if (found >= 0) return found;
    stages.push(new ProductionStage(nodeId, servers));
    return stages.length - 1;
  };

  // shipping gates: one per supplier and per node that ships to other stock points
  const gates: ShippingGate[] = [];
  const gateOfNode = new Map<string, number>();
  const gateFor = (nodeId: string): number => {
    let gate = gateOfNode.get(nodeId);
    if (gate === undefined) {
      const node = nodeById.get(nodeId)!;
      gate = gates.length;
      gates.push(new ShippingGate(nodeId, node.type === 'supplier' || node.type === 'warehouse' ? (node.capacityPerDay ?? Infinity) : Infinity));
      gateOfNode.set(nodeId, gate);
    }
    return gate;
  };

  // demand statistics per stock point, for policies that set levels from them
  const demandStats = plans.map(() => ({ mean: 0, variance: 0 }));
  const demandEntries = scenario.demand.flatMap((entry) =>
    idsOf(entry.node).flatMap((node) => idsOf(entry.product).map((product) => ({ entry, node, product }))),
  );
  // online zones hold no stock: their orders are shipped from the warehouses their fulfilment entry
  // names (nearest first), whose stock points face these customers
  const zoneIds = scenario.nodes.filter((node) => node.type === 'zone').map((node) => node.id);
  const zoneIndex = new Map(zoneIds.map((id, i) => [id, i]));
  const fulfilmentOf = new Map(scenario.fulfilment.map((entry) => [entry.zone, entry]));
  /** the stock point a demand entry's statistics go to: its own, or an online zone's nearest warehouse's */
  const servingKey = (node: string, product: string) => {
    const fulfilment = fulfilmentOf.get(node);
    return fulfilment ? stockPointKey(fulfilment.from[0].warehouse, product) : stockPointKey(node, product);
  };
  for (const { entry, node, product } of demandEntries) {
    const stats = demandStats[planIndex.get(servingKey(node, product))!];
    if (entry.type === 'arrivals') {
      const mean = distributionMean(entry.quantity, { nonNegative: true });
      const variance = distributionVariance(entry.quantity, { nonNegative: true });
      // compound Poisson: mean rate*E[q], variance rate*E[q^2]
      stats.mean += entry.customersPerDay * mean;
      stats.variance += entry.customersPerDay * (variance + mean * mean);
    } else if (entry.type === 'perPeriod') {
      stats.mean += distributionMean(entry.quantity, { nonNegative: true });
      stats.variance += distributionVariance(entry.quantity, { nonNegative: true });
    } else {
      const series = entry.series as number[];
      const mean = series.reduce((a, b) => a + b, 0) / series.length;
      stats.mean += mean;
      stats.variance += series.length > 1 ? series.reduce((a, b) => a + (b - mean) ** 2, 0) / (series.length - 1) : 0;
    }
  }
  // upstream points face the sum of their downstream points' demand (independent streams add variances)
  const sources = plans.map(sourceOf);
  const depth = (i: number): number => {
    const upstream = planIndex.get(stockPointKey(sources[i], plans[i].product));
    return upstream === undefined ? 0 : 1 + depth(upstream);
  };
  const byDepth = plans.map((_, i) => i).sort((a, b) => depth(b) - depth(a));
  for (const i of byDepth) {
    const upstream = planIndex.get(stockPointKey(sources[i], plans[i].product));
    if (upstream !== undefined) {
      demandStats[upstream].mean += demandStats[i].mean;
      demandStats[upstream].variance += demandStats[i].variance;
    }
  }

  // products held in lots: those with a shelf life, and those a recall covers (every product the
  // recalled supplier ships when the recall names none)
  const suppliedBy = (supplier: string) => new Set(plans.filter((_, i) => sources[i] === supplier).map((plan) => plan.product));
  const recalledProducts = scenario.recalls.map((recall) => new Set(recall.product !== undefined ? idsOf(recall.product) : suppliedBy(recall.supplier)));
  const inLots = new Set(scenario.products.filter((product) => product.shelfLifeDays !== undefined || recalledProducts.some((set) => set.has(product.id))).map((p) => p.id));
  const careOf = (plan: StockPointPlan): ProductCare => {
    const product = scenario.products.find((p) => p.id === plan.product)!;
    const node = nodeById.get(plan.node)!;
    const damagePerDay = product.damagePerDay && (node.type === 'warehouse' || node.type === 'store') ? (product.damagePerDay[node.storageClass] ?? 0) : 0;
    const recallable = recalledProducts.some((set) => set.has(product.id));
    if (!inLots.has(product.id) && damagePerDay === 0 && !product.endOfLife && !product.returns) return NO_CARE;
    const returns = product.returns;
    return {
      lots: inLots.has(product.id),
      shelfLifeDays: product.shelfLifeDays ?? Infinity,
      disposalCostPerUnit: product.disposalCostPerUnit,
      markdown: product.markdown ?? null,
      damagePerDay,
      damage: damagePerDay > 0 ? streams.stream(`damage:${plan.key}`) : null,
      endOfLifeDay: product.endOfLife?.day ?? Infinity,
      salvageValue: product.endOfLife?.salvageValue ?? 0,
      returns: returns
        ? {
            fraction: returns.fraction,
            delay: createSampler(returns.afterDays, streams.stream(`returnDelay:${plan.key}`), { nonNegative: true }),
            restockShare: returns.restockShare,
            reconditionCostPerUnit: returns.reconditionCostPerUnit,
            scrapCostPerUnit: returns.scrapCostPerUnit,
            decisions: streams.stream(`returns:${plan.key}`),
          }
        : null,
      recallable,
    };
  };
  const lotRegistry = new LotRegistry();

  // customer bases
  const customerBases = scenario.customers.map(
    (base, i) =>
      new CustomerBase(
        i,
        base.node,
        base.initial,
        base.churn.onStockout,
        base.churn.onBackorder,
        base.churn.onLate,
        base.churn.onAbandon,
        base.newPerDay,
        base.lifetimeValue,
        streams.stream(`churn:${base.node}`),
        streams.stream(`newCustomers:${base.node}`),
      ),
  );
  const baseOfNode = new Map(customerBases.map((base) => [base.node, base]));
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

  // stock points, their numbers in one table
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
      supply.supplier = gateFor(sourceNode.id);
      if (sourceNode.leadTime) {
        supply.processing = createSampler(sourceNode.leadTime, streams.stream(`processing:${sourceNode.id}:${plan.key}`), { nonNegative: true });
        if (sourceNode.servers !== undefined) supply.stage = stageFor(sourceNode.id, sourceNode.servers);
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
      shipsDownstream ? gateFor(plan.node) : -1,
      facing && base ? base.index : -1,
      facing,
      horizon,
      pointTable.row(i),
    );
    point.care = careOf(plan);
    point.servesOnline = onlineBase.has(plan.key);
    point.expectedLeadDays = leadMean;
    point.policyContext = context;
    const visibility = plan.entry.visibility;
    if (visibility) {
      point.visibility = {
        shrinkagePerDay: visibility.shrinkagePerDay,
        countEveryDays: visibility.realTime ? 1 : (visibility.countEveryDays ?? Infinity),
        countDelayDays: visibility.realTime ? 0 : visibility.countDelayDays,
        foundInFlight: 0,
        draws: streams.stream(`shrinkage:${plan.key}`),
      };
    }
    point.issuing = plan.entry.issuing ?? 'fifo';
    if (point.care.lots) {
      point.lots = new LotList(lotRegistry);
      if (supply.upstream >= 0) point.inbound = new LotList(lotRegistry);
    }
    return point;
  });

  // the network's shape as the points see it: whom each supplies, and which points above read the
  // echelon position (so they are asked after demand here)
  for (const point of stockPoints) {
    if (point.supply.upstream >= 0) stockPoints[point.supply.upstream].downstream.push(point);
  }
  // allocation rules other than first come, first served, with ranks by the requesting point's index
  for (const point of stockPoints) {
    const allocation = plans[point.index].entry.allocation;
    if (allocation === undefined || allocation.type === 'fifo') continue;
    const rankOfPoint = new Map<number, number>();
    const customerRank = allocation.type === 'priority' ? (allocation.customerRank ?? Infinity) : Infinity;
    if (allocation.type === 'priority') {
      for (const below of point.downstream) {
        const rank = allocation.rank[below.node];
        if (rank !== undefined) rankOfPoint.set(below.index, rank);
      }
    }
    point.allocation = { type: allocation.type, rankOfPoint, customerRank };
  }
  for (const point of stockPoints) {
    for (let above = point.supply.upstream; above >= 0; above = stockPoints[above].supply.upstream) {
      if (stockPoints[above].policy.usesEchelonPosition) point.echelonReviewers.push(stockPoints[above]);
    }
  }

  // online routes: how each (zone, product) with demand is served
  const zones = zoneIds.map((id) => new ZoneTally(id, baseOfNode.get(id)?.index ?? -1));
  const routes: OnlineRoute[] = [];
  const routeOf = new Map<string, number>();
  for (const { node, product } of demandEntries) {
    const fulfilment = fulfilmentOf.get(node);
    const key = stockPointKey(node, product);
    if (!fulfilment || routeOf.has(key)) continue;
    const candidates: FulfilmentCandidate[] = fulfilment.from.map((source) => {
      const tag = `${node}:${source.warehouse}:${product}`;
      const pickPack = createSampler(source.pickPackDays, streams.stream(`pickPack:${tag}`), { nonNegative: true });
      const transit = createSampler(source.transitDays, streams.stream(`transit:${tag}`), { nonNegative: true });
      const expressTransitDays = source.expressTransitDays ?? fulfilment.express?.transitDays;
      const expressTransit = fulfilment.express && expressTransitDays ? createSampler(expressTransitDays, streams.stream(`expressTransit:${tag}`), { nonNegative: true }) : null;
      return {
        point: planIndex.get(stockPointKey(source.warehouse, product))!,
        pickPack,
        transit,
        expressTransit,
        expectedDays: pickPack.mean + transit.mean,
        expectedExpressDays: pickPack.mean + (expressTransit ?? transit).mean,
        costPerUnit: source.costPerUnit,
        costPerShipment: source.costPerShipment,
      };
    });
    routeOf.set(key, routes.length);
    routes.push({
      index: routes.length,
      zone: zoneIndex.get(node)!,
      product: productIndex.get(product)!,
      rule: fulfilment.rule,
      candidates,
      promiseBufferDays: fulfilment.promiseBufferDays,
      promiseWindowDays: fulfilment.promiseWindowDays,
      tolerance: fulfilment.tolerance ? createSampler(fulfilment.tolerance, streams.stream(`tolerance:${key}`), { nonNegative: true }) : null,
      expressShare: fulfilment.express?.share ?? 0,
      expressPremium: fulfilment.express?.pricePremium ?? 0,
      decisions: streams.stream(`orderChoices:${key}`),
      proactive: fulfilment.communication?.proactive ?? false,
      churnIfNotified: fulfilment.communication?.churnIfNotified ?? 0,
      voucherCost: fulfilment.communication?.voucherCost ?? 0,
    });
  }

  // demand streams, their hot numbers in one table
  const streamTable = new RowTable(demandEntries.length, STREAM_ROW_WIDTH);
  const demandStreams = demandEntries.map(({ entry, node, product }, i) => {
    const key = stockPointKey(node, product);
    const shocks = entry.shocks.map((shock, j) => ({
      multiplier: shock.multiplier,
      windows: drawWindows(shock.occurrence, horizon, streams.stream(`shock:${key}:${shock.name ?? j}`)),
    }));
    const endOfLife = scenario.products.find((p) => p.id === product)!.endOfLife?.day ?? Infinity;
    const profile = buildDemandProfile(days, entry.seasonality, entry.trendPerYear, shocks, endOfLife);
    const base = baseOfNode.get(node) ?? null;
    base?.demandStreams.push(i);
    const quantity =
      entry.type === 'history' ? null : createSampler(entry.quantity, streams.stream(`quantity:${key}`), { nonNegative: true });
    return new DemandStream(
      i,
      entry.type,
      planIndex.get(key) ?? -1,
      productIndex.get(product)!,
      entry.type === 'arrivals' ? entry.customersPerDay : 1,
      quantity,
      entry.type === 'history' ? (entry.series as number[]) : null,
      profile,
      cumulativeProfile(profile, days),
      streams.state(`arrivals:${key}`),
      base,
      days,
      streamTable.row(i),
    );
  });

  // disruptions, drawn once per replication (the same for every variant)
  const disruptions: DisruptionWindow[] = [];
  scenario.disruptions.forEach((disruption, i) => {
    const name = disruption.name ?? `${disruption.type}#${i}`;
    const windows = drawWindows(disruption.occurrence, horizon, streams.stream(`disruption:${name}`));
    // a node that may be stopped has its gate whether or not a window was drawn, so the run's list of
    // gates is the scenario's and not the draw's (a part run alone lists the same, src/experiment/parts.ts)
    if (disruption.type === 'supplierOutage' || disruption.type === 'capacityLoss') gateFor(disruption.node);
    for (const window of windows) {
      if (disruption.type === 'supplierOutage') {
        disruptions.push({ ...window, name, effect: { type: 'outage', gate: gateFor(disruption.node) } });
        gates[gateFor(disruption.node)].addOutage(window.start, window.end);
      } else if (disruption.type === 'capacityLoss') {
        disruptions.push({ ...window, name, effect: { type: 'capacity', gate: gateFor(disruption.node), share: 1 - disruption.fraction } });
        // nothing ships: what finishes processing meanwhile is held, as in an outage
        if (disruption.fraction === 1) gates[gateFor(disruption.node)].addOutage(window.start, window.end);
      } else if (disruption.type === 'deliveryDelay') {
        disruptions.push({ ...window, name, effect: { type: 'delivery', zone: zoneIndex.get(disruption.zone)!, multiplier: disruption.multiplier } });
      } else {
        disruptions.push({ ...window, name, effect: { type: 'leadTime', lanes: disruption.lanes.map((id) => laneIndex.get(id)!), multiplier: disruption.multiplier } });
      }
    }
  });

  const recalls: RecallPlan[] = scenario.recalls.map((recall, i) => ({
    name: recall.name ?? `recall#${i}`,
    supplier: gateFor(recall.supplier),
    products: new Set([...recalledProducts[i]].map((id) => productIndex.get(id)!)),
    receivedFrom: recall.receivedFrom,
    receivedTo: recall.receivedTo,
    announcedOn: recall.announcedOn,
  }));

  const warnings: string[] = [];
  const warningSources: string[] = [];
  for (const point of stockPoints) {
    const reorderPoint = point.policy.reorderPoint;
    // with lost sales and no downstream orders to owe, the position never falls below 0
    if (point.policy.type === 'serviceTarget' && point.customerFacing && !point.backorderCustomers && point.gate < 0 && reorderPoint !== null && reorderPoint < 0) {
      warningSources.push(`point:${stockPointKey(point.node, point.productId)}`);
      warnings.push(
        `${point.node}/${point.productId}: the serviceTarget policy's reorder point is ${reorderPoint.toFixed(2)}; with lost sales the inventory position never falls below 0, so it never orders. Raise the target or give a smaller orderQuantity.`,
      );
    }
  }
  for (const { entry, node, product } of demandEntries) {
    if (entry.type === 'history' && (entry.series as number[]).length < days) {
      warningSources.push(`demand:${stockPointKey(node, product)}`);
      warnings.push(`demand for ${node}/${product}: the history has ${(entry.series as number[]).length} days and the horizon ${days}; it is replayed from the start when it runs out.`);
    }
  }

  const seriesMode = scenario.output.series;
  return new Simulation({
    warnings,
    warningSources,
    keepPointDays: options.keepPointDays ?? false,
    products: scenario.products.length,
    horizon,
    warmup: scenario.warmupDays,
    stockPoints,
    pointTable: pointTable.data,
    demandStreams,
    streamTable: streamTable.data,
    customerBases,
    gates,
    stages,
    lanes,
    disruptions,
    lots: lotRegistry,
    recalls,
    endOfLifeDays: scenario.products.map((product) => product.endOfLife?.day ?? Infinity),
    routes,
    streamRoutes: demandEntries.map(({ node, product }) => routeOf.get(stockPointKey(node, product)) ?? -1),
    zones,
    recordSeries: seriesMode !== 'none',
    // a part run alone keeps its points' series whenever series are recorded: the merge adds them up
    seriesPerStockPoint: seriesMode === 'all' || (seriesMode === 'auto' && stockPoints.length <= AUTO_SERIES_LIMIT) || (options.keepPointDays === true && seriesMode !== 'none'),
  });
}
