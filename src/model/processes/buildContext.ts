import type { Demand, Fulfilment, Node, Scenario, Variant } from '../../scenario/schema.ts';
import { idsOf, stockPointKey } from '../../scenario/references.ts';
import { RandomStreams } from '../../random/streams.ts';
import { planStockPoints, type StockPointPlan } from '../stockPointPlans.ts';

/** One demand entry for one (node, product) it names. */
export interface DemandEntry {
  entry: Demand;
  node: string;
  product: string;
}

/**
 * What every process's builder reads: the scenario, the replication's random streams (named after
 * what they drive, seeded by the replication's seed), and the indices the scenario's ids map to.
 */
export interface BuildContext {
  readonly scenario: Scenario;
  readonly streams: RandomStreams;
  readonly horizon: number;
  readonly days: number;
  readonly productIndex: ReadonlyMap<string, number>;
  readonly nodeById: ReadonlyMap<string, Node>;
  /** the stock points, in the order the scenario lists them (index = stock point index) */
  readonly plans: StockPointPlan[];
  readonly planIndex: ReadonlyMap<string, number>;
  /** per stock point: the node it orders from */
  readonly sources: string[];
  /** every (entry, node, product) the scenario's demand names, in its order (index = demand stream index) */
  readonly demandEntries: DemandEntry[];
  /**
   * online zones hold no stock: their orders are shipped from the warehouses their fulfilment entry
   * names (nearest first), whose stock points face these customers
   */
  readonly zoneIds: string[];
  readonly zoneIndex: ReadonlyMap<string, number>;
  readonly fulfilmentOf: ReadonlyMap<string, Fulfilment>;
}

export function createBuildContext(scenario: Scenario, variant: Variant, seed: string): BuildContext {
  const plans = planStockPoints(scenario, variant);
  // sources: the node each stock point orders from
  const sourceOf = (plan: StockPointPlan): string => {
    if (plan.entry.source !== undefined) return plan.entry.source;
    const inbound = scenario.lanes.filter((lane) => lane.to === plan.node);
    return inbound[0].from; // references.ts guarantees exactly one
  };
  const zoneIds = scenario.nodes.filter((node) => node.type === 'zone').map((node) => node.id);
  return {
    scenario,
    streams: new RandomStreams(seed),
    horizon: scenario.horizonDays,
    days: Math.ceil(scenario.horizonDays),
    productIndex: new Map(scenario.products.map((p, i) => [p.id, i])),
    nodeById: new Map(scenario.nodes.map((n) => [n.id, n])),
    plans,
    planIndex: new Map(plans.map((plan, i) => [plan.key, i])),
    sources: plans.map(sourceOf),
    demandEntries: scenario.demand.flatMap((entry) => idsOf(entry.node).flatMap((node) => idsOf(entry.product).map((product) => ({ entry, node, product })))),
    zoneIds,
    zoneIndex: new Map(zoneIds.map((id, i) => [id, i])),
    fulfilmentOf: new Map(scenario.fulfilment.map((entry) => [entry.zone, entry])),
  };
}

/** The stock point upstream of stock point `i` (the same product at the node it orders from), if any. */
export function upstreamOf(context: BuildContext, i: number): number | undefined {
  return context.planIndex.get(stockPointKey(context.sources[i], context.plans[i].product));
}
