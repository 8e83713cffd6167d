import type { Scenario, Variant } from '../scenario/schema.ts';
import { stockPointKey } from '../scenario/references.ts';
import { Simulation } from './simulation.ts';
import { LotRegistry } from './lots.ts';
import { productCareOf, productsInLots } from './productCare.ts';
import { buildOnlineRoutes } from './processes/onlineFulfilment.ts';
import type { StockPoint } from './stockPoint.ts';
import { buildStockPoints } from './buildStockPoints.ts';
import { createBuildContext, type BuildContext } from './processes/buildContext.ts';
import { buildDemandStreams } from './processes/customerDemand.ts';
import { buildCustomerBases } from './processes/customerChurn.ts';
import { demandStatistics, linkEchelonReviewers } from './processes/replenishment.ts';
import { setAllocationRules } from './processes/echelonAllocation.ts';
import { buildLanes, GatesAndStages } from './processes/shipping.ts';
import { buildDisruptions } from './processes/disruptions.ts';
import { buildRecalls, recalledProductsOf } from './processes/recalls.ts';
import { warningSource, warningText, type ModelWarning } from './warnings.ts';

export { planStockPoints, type StockPointPlan } from './stockPointPlans.ts';

/** Per-stock-point series are recorded by default up to this many stock points. */
export const AUTO_SERIES_LIMIT = 50;

/** The variants a scenario compares: its own, or one "baseline" made of the stock points' policies. */
export function variantsOf(scenario: Scenario): Variant[] {
  return scenario.variants.length > 0 ? scenario.variants : [{ id: 'baseline', name: 'Baseline', policies: [], set: [] }];
}

/**
 * Wires a validated scenario into a runnable simulation for one replication of one variant. All
 * randomness is drawn from streams named after what they drive, seeded by `seed`.
 */
export interface BuildOptions {
  /** keep each stock point's daily roll-up figures and series (an independent part run alone, src/experiment/parts.ts) */
  keepPointDays?: boolean;
}

/**
 * Each process's builder sits beside the process (src/model/processes/); this calls them in turn.
 * The order matters where builders share a numbering: shipping gates are numbered in the order they
 * are first asked for (stock points' suppliers and warehouses, then disruptions, then recalls).
 */
export function buildSimulation(scenario: Scenario, variant: Variant, seed: string, options: BuildOptions = {}): Simulation {
  const context = createBuildContext(scenario, variant, seed);
  const { horizon, demandEntries } = context;
  const { lanes, laneIndex, laneByEnds } = buildLanes(scenario);
  const network = new GatesAndStages(context.nodeById);
  // demand statistics per stock point, for policies that set levels from them
  const demandStats = demandStatistics(context);
  const recalledProducts = recalledProductsOf(context);
  const inLots = productsInLots(scenario, recalledProducts);
  const lotRegistry = new LotRegistry();
  const customerBases = buildCustomerBases(scenario, context.streams);
  const baseOfNode = new Map(customerBases.map((base) => [base.node, base]));

  const { stockPoints, pointTable } = buildStockPoints(context, {
    lanes,
    laneByEnds,
    network,
    demandStats,
    baseOfNode,
    careOf: (plan) => productCareOf(context, plan, inLots, recalledProducts),
    lots: lotRegistry,
  });
  setAllocationRules(stockPoints, context.plans);
  linkEchelonReviewers(stockPoints);

  const { zones, routes, routeOf } = buildOnlineRoutes(context, baseOfNode);
  const { demandStreams, streamTable } = buildDemandStreams(context, baseOfNode);
  // customers order one order at a time at a stock point (not an online zone's): the order KPIs apply there
  for (const stream of demandStreams) {
    if (stream.stockPoint < 0 || (stream.kind !== 'arrivals' && stream.kind !== 'orders')) continue;
    stockPoints[stream.stockPoint].takesOrders = true;
    if (stream.delivery !== null) stockPoints[stream.stockPoint].deliversOrders = true;
  }
  const disruptions = buildDisruptions(context, network, laneIndex);
  const recalls = buildRecalls(context, network, recalledProducts);
  const warningFacts = modelWarnings(context, stockPoints);

  const seriesMode = scenario.output.series;
  return new Simulation({
    warnings: warningFacts.map(warningText),
    warningSources: warningFacts.map(warningSource),
    warningFacts,
    keepPointDays: options.keepPointDays ?? false,
    bullwhipPeriodDays: scenario.bullwhipPeriodDays,
    products: scenario.products.length,
    horizon,
    warmup: scenario.warmupDays,
    stockPoints,
    pointTable,
    demandStreams,
    streamTable,
    customerBases,
    gates: network.gates,
    stages: network.stages,
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

/**
 * Problems found while wiring the model, each once, as facts (src/model/warnings.ts words them): the
 * stock points' policies in stock point order, then their bullwhip periods in stock point order, then
 * the demand entries' histories in demand order.
 */
function modelWarnings(context: BuildContext, stockPoints: StockPoint[]): ModelWarning[] {
  const { demandEntries, days } = context;
  const warnings: ModelWarning[] = [];
  for (const point of stockPoints) {
    const reorderPoint = point.policy.reorderPoint;
    // with lost sales and no downstream orders to owe, the position never falls below 0
    if (point.policy.type === 'serviceTarget' && point.customerFacing && !point.backorderCustomers && point.gate < 0 && reorderPoint !== null && reorderPoint < 0) {
      warnings.push({ kind: 'neverOrders', node: point.node, product: point.productId, reorderPoint });
    }
  }
  // a point that orders every k days, measured per shorter period, shows the batching of its orders
  // as bullwhip (the Beer Game's retailer facing daily demand reads hundreds per day and about 5 per
  // week: test/validation/beerGame.test.ts)
  const period = context.scenario.bullwhipPeriodDays;
  for (const point of stockPoints) {
    const cycle = point.policy.reviewPeriod;
    if (Number.isFinite(cycle) && cycle > period) {
      warnings.push({ kind: 'bullwhipPeriod', node: point.node, product: point.productId, reviewPeriodDays: cycle, bullwhipPeriodDays: period, suggestedPeriodDays: Math.ceil(cycle) });
    }
  }
  for (const { entry, node, product } of demandEntries) {
    if (entry.type === 'history' && (entry.series as number[]).length < days) {
      warnings.push({ kind: 'historyReplayed', node, product, segment: entry.segment ?? null, historyDays: (entry.series as number[]).length, horizonDays: days });
    }
  }
  return warnings;
}
