import type { Scenario } from '../scenario/schema.ts';
import { idsOf, laneId, stockPointKey } from '../scenario/references.ts';
import { planStockPoints } from './build.ts';

/**
 * The independent parts of a scenario (issue 15): groups of stock points that share nothing a run
 * carries from one to another, so that each part of a replication can run as its own task, with the
 * same numbers for its stock points as the run of the whole network. That holds because every random
 * stream is named after what it drives (build.ts and the builders beside each process), so a stock
 * point draws the same numbers whoever else is simulated beside it; what couples two stock points is
 * shared state that one changes and the other reads, or a shared draw. Found with a union-find over the
 * stock points, one rule per coupling.
 *
 * The model runs as a set of processes, one per file in processes/ (processes.ts lists them): a part
 * is a set of stock points together with the processes they use, and each coupling below is a process
 * whose state two points share (named with its file).
 *
 * Stock points are numbered as build.ts numbers them (`planStockPoints`: each `stockPoints` entry in
 * the order written, its nodes in order, and for each node its products in order; node-major).
 *
 * COUPLINGS: each joins the stock points it names, and is recorded in the part's `why`.
 *
 * - `replenishment`: a stock point ordering from a warehouse orders from that warehouse's stock point
 *   of the same product (buildStockPoints.ts `supply.upstream`; processes/replenishment.ts `placeOrder`
 *   → processes/echelonAllocation.ts `downstreamOrder`, `serveBacklog`, `shipFromWarehouse`).
 *   Everything between echelons rides on this link, so it covers: shortage shipping, allocation among
 *   the points it supplies (echelonAllocation.ts `setAllocationRules`, `allocate`; ranks name only
 *   points it supplies), echelon base stock (replenishment.ts `linkEchelonReviewers`: the points above
 *   on the same chain; policies/ read the echelon position of the points below), orders that go
 *   negative and return stock upstream (processes/upstreamReturns.ts `returnUpstream`,
 *   `onReturnReceipt`), lots travelling with shipments and returns (`issueTo`, `inbound`, consignments:
 *   processes/lotsAndExpiry.ts), and the demand statistics that size policies (replenishment.ts
 *   `demandStatistics`, summed up the chain).
 * - `supplierCapacity`: a supplier with `capacityPerDay` ships every product to every stock point it
 *   supplies through one shipping gate whose daily capacity and first-come-first-served queue they
 *   share (processes/shipping.ts `GatesAndStages.gateFor`, `openDay`; shippingGate.ts `send`, `release`).
 * - `productionStage`: a supplier with `servers` (and a `leadTime`) processes every order for every
 *   point it supplies on the same servers, first come, first served (processes/shipping.ts `stageFor`,
 *   `dispatchShipment`, `onProcessingDone`; productionStage.ts).
 * - `warehouseCapacity`: a warehouse with `capacityPerDay` ships to every point that orders from it,
 *   all products, through one gate (buildStockPoints.ts `gateFor(plan.node)` when the point
 *   `shipsDownstream`; processes/echelonAllocation.ts `shipFromWarehouse`). Its own stock points are already joined by replenishment.
 * - `customerBase`: a customer base drives every demand stream at its node (processes/customerDemand.ts
 *   `buildDemandStreams`, `base.demandStreams`); a customer who leaves after a stockout of one product
 *   takes their demand for every product there (customerDemand.ts `customerDemand` →
 *   processes/customerChurn.ts `disappoint` → `loseCustomers` → `rescheduleArrivals`; `onNewCustomer`). Joins the stock points the node's demand is served from (for
 *   an online zone's base: the warehouses serving the zone).
 * - `onlineZone`: a zone's orders for a product go to whichever of its warehouses the rule picks
 *   (processes/onlineFulfilment.ts `buildOnlineRoutes`, `routes`), and every product of a zone shares the zone's tally
 *   (onlineFulfilment.ts `tally.*`, a sum accumulated in event order, which a merge of separate runs
 *   could not reproduce to the last bit), its delivery delays (`zoneDelay`) and its customer base
 *   (`tally.base`). Joins every warehouse stock point of every product the zone orders.
 * - `recall`: a recall puts every stock point of its products in lots (processes/recalls.ts
 *   `recalledProductsOf`; productCare.ts `productsInLots`, `recallable`; also the products of a recall
 *   naming none: every product its supplier ships), visits them all when announced (recalls.ts
 *   `onRecall`) and adds what each finds, sells and removes to one outcome in event order
 *   (`recallCount`, saleOfLots.ts). Joins every stock point of the recalled products, wherever supplied
 *   from: which points hold lots depends on the recall, and a point holding lots draws damage and
 *   shrinkage differently (processes/damageAndVisibility.ts `hitOnShelf`).
 * - `randomDisruption`: a disruption with a `random` occurrence is drawn once per replication, from the
 *   stream `disruption:<name>` (processes/disruptions.ts `buildDisruptions`), and that one draw acts on every point it applies to: the
 *   points supplied by the node of a `supplierOutage` or `capacityLoss`, those supplied over a lane of a
 *   `leadTimeMultiplier`, those serving the zone of a `deliveryDelay` (disruptions.ts `onDisruption`).
 *   As the issue defines a part, these are joined. This is the safe side, not a need: the stream is
 *   named, so a part built with the disruption under the same name redraws the same windows (a test
 *   shows a point run apart agrees); dropping this rule would let a random outage at a supplier
 *   without capacity stop merging everything it supplies.
 *
 * NOT COUPLINGS (checked, and why):
 *
 * - A lane shared by several products (supplier -> store for every SKU): a lane holds no state but its
 *   lead-time multiplier (processes/shipping.ts `LaneState`), and its lead times are drawn per lane and product
 *   (`leadTime:<lane>:<product>`), so a point's draws do not depend on the others'. Only a random
 *   `leadTimeMultiplier` on it couples (above).
 * - A supplier or warehouse without `capacityPerDay` or `servers`: its gate never holds a shipment back
 *   except during an outage, after which everything waiting leaves at once (shippingGate.ts
 *   `available` is 0 or Infinity); the order in which two points' shipments leave changes only the
 *   kernel's tie-breaking counter, whose order within a part is unchanged. A supplier's processing time
 *   without servers is drawn per point (`processing:<supplier>:<point>`) and `leaveAfterOutages` reads
 *   only the outage windows.
 * - A scheduled disruption (`scheduled` occurrence): its windows are data, the same in any run; it
 *   couples only through the capacity or zone it acts on, which the rules above join. It is listed in
 *   every part it acts on.
 * - A demand entry over several nodes or products: buildContext.ts expands it into one stream per (node,
 *   product), each with its own streams (`quantity:`, `arrivals:`, `shock:<node>/<product>:<name>`, with
 *   `#<segment>` after the pair for a segment), so no stream feeds two stock points (several entries for
 *   the same pair must be segments with distinct ids, references.ts).
 *   A random demand shock is drawn per (node, product) too, not once per entry: it couples nothing. (If
 *   shocks are ever drawn once per entry, they become a coupling.)
 * - End of life (processes/endOfLife.ts `onEndOfLife`): every point of the product ends on a fixed day, each on
 *   its own; the product's cost data and damage by storage class are per point as well.
 * - Customer returns come back to the point that sold (processes/customerReturns.ts `sendReturns`,
 *   `onCustomerReturn`); damage, shrinkage and counts draw per point (`damage:`, `shrinkage:`,
 *   `returns:`; processes/damageAndVisibility.ts).
 * - The day boundary, the per-period demand event, warm-up and horizon (processes/dayBoundary.ts,
 *   customerDemand.ts `onPeriodDemand`) are global events that do the
 *   same for each point, whoever else runs. The network and per-product totals (rollups, series) are
 *   sums over points: a merge of parts must recompute them from the points' own numbers in stock point
 *   order, not add up the parts' totals (floating-point sums in another order may differ in the last
 *   bit). Likewise the run's event count and its event budget are the whole run's, not a part's.
 *
 * VARIANTS: a variant's `policies` cannot change coupling (a policy reads its own point and, echelon
 * base stock, the points below it on its chain, joined already), but its `set` entries can: they may
 * change any field but the shared ones (variantSettings.ts `SHARED`), e.g. which warehouses serve a
 * zone, a node's capacity, a point's source, the customers or the disruptions. So call this on the
 * variant's scenario (`scenarioForVariant`); a runner that runs every variant of a part on common random
 * numbers needs parts valid for all of them (the join of the variants' partitions).
 *
 * BUILDING A PART ALONE (test/model/independentParts.test.ts `scenarioOfPart` does it, and its
 * points' counters equal the whole run's to the bit): keep every product, node and lane; keep its
 * stock points and the (node, product) pairs of its demand entries, in order; keep the customer bases,
 * fulfilment entries, recalls and disruptions it lists, giving disruptions and recalls the names they
 * had (an unnamed one is named by its index: `<type>#<i>`, which seeds the disruption's stream, and
 * `recall#<i>`, which labels the recall's outcome).
 *
 * A part lists what its stock points use, so that it can be built alone. The things that couple
 * (customer bases, zones and their fulfilment entries, recalls, random disruptions) belong to exactly
 * one part; the things that do not (products, nodes, lanes, scheduled disruptions, a demand entry over
 * several pairs) may appear in several. A thing touching no stock point (a zone with no demand) is in no
 * part.
 */

/** What joins stock points into one part. */
export type CouplingRule =
  | 'replenishment'
  | 'supplierCapacity'
  | 'productionStage'
  | 'warehouseCapacity'
  | 'customerBase'
  | 'onlineZone'
  | 'recall'
  | 'randomDisruption';

/** One coupling that joined stock points that were apart until then. */
export interface Coupling {
  rule: CouplingRule;
  /** the stock points it joins (indexes, ascending) */
  stockPoints: number[];
  /** in words: "shop/beans and shop/ground share the customer base of shop" */
  text: string;
}

export interface IndependentPart {
  /** its stock points' indexes, in build.ts's order (ascending) */
  stockPoints: number[];
  /** the same stock points as "node/product" */
  keys: string[];
  /** nodes holding its stock points, the nodes they order from, and the online zones it serves */
  nodes: string[];
  products: string[];
  /** lane ids its stock points are supplied over */
  lanes: string[];
  /** indexes into scenario.customers */
  customerBases: number[];
  /** online zones whose orders it serves */
  zones: string[];
  /** indexes into scenario.fulfilment */
  fulfilment: number[];
  /** indexes into scenario.recalls */
  recalls: number[];
  /** indexes into scenario.disruptions acting on its stock points (a random one is in one part only) */
  disruptions: number[];
  /** indexes into scenario.demand feeding its stock points or its zones */
  demand: number[];
  /** the couplings that made it one part, in the order applied (empty for a lone stock point) */
  why: Coupling[];
}

/** Union-find over 0..n-1, union by size with path halving. */
class DisjointSets {
  private readonly parent: Int32Array;
  private readonly size: Int32Array;

  constructor(n: number) {
    this.parent = Int32Array.from({ length: n }, (_, i) => i);
    this.size = new Int32Array(n).fill(1);
  }

  find(i: number): number {
    const parent = this.parent;
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  /** Joins the sets of a and b; false when they were one already. */
  union(a: number, b: number): boolean {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return false;
    if (this.size[ra] < this.size[rb]) [ra, rb] = [rb, ra];
    this.parent[rb] = ra;
    this.size[ra] += this.size[rb];
    return true;
  }
}

/** "a, b and c", or "a, b, c and 7 more" beyond four names. */
function namesOf(names: string[]): string {
  if (names.length <= 4) return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;
}

const unique = <T>(values: Iterable<T>): T[] => [...new Set(values)];

/**
 * The independent parts of `scenario` (a variant's scenario, see above): every stock point in exactly
 * one part, parts in the order of their first stock point.
 */
export function independentParts(scenario: Scenario): IndependentPart[] {
  // policies do not matter here (see VARIANTS): the order of stock points is the same for every variant
  const plans = planStockPoints(scenario, { id: 'baseline', policies: [], set: [] });
  const pointIndex = new Map(plans.map((plan, i) => [plan.key, i]));
  const nodeById = new Map(scenario.nodes.map((node) => [node.id, node]));

  // the node each point orders from (buildContext.ts sourceOf), and the lane it is supplied over
  const firstInbound = new Map<string, string>();
  for (const lane of scenario.lanes) if (!firstInbound.has(lane.to)) firstInbound.set(lane.to, lane.from);
  const laneByEnds = new Map(scenario.lanes.map((lane) => [`${lane.from}->${lane.to}`, laneId(lane)]));
  const sources = plans.map((plan) => plan.entry.source ?? firstInbound.get(plan.node)!);
  const laneOf = plans.map((plan, i) => laneByEnds.get(`${sources[i]}->${plan.node}`)!);
  const suppliedBy = new Map<string, number[]>();
  const suppliedOver = new Map<string, number[]>();
  const pointsOfProduct = new Map<string, number[]>();
  const add = (map: Map<string, number[]>, key: string, i: number) => {
    const list = map.get(key);
    if (list) list.push(i);
    else map.set(key, [i]);
  };
  plans.forEach((plan, i) => {
    add(suppliedBy, sources[i], i);
    add(suppliedOver, laneOf[i], i);
    add(pointsOfProduct, plan.product, i);
  });

  // demand, expanded as buildContext.ts expands it; an online zone's orders are served by its warehouses
  const fulfilmentOf = new Map(scenario.fulfilment.map((entry, i) => [entry.zone, i]));
  const demandPairs = scenario.demand.flatMap((entry, i) =>
    idsOf(entry.node).flatMap((node) => idsOf(entry.product).map((product) => ({ entry: i, node, product }))),
  );
  /** the stock points serving demand for `product` at `node`: its own, or its zone's warehouses' */
  const servingPoints = (node: string, product: string): number[] => {
    const fulfilment = fulfilmentOf.get(node);
    const keys = fulfilment !== undefined ? scenario.fulfilment[fulfilment].from.map((source) => stockPointKey(source.warehouse, product)) : [stockPointKey(node, product)];
    return keys.flatMap((key) => (pointIndex.has(key) ? [pointIndex.get(key)!] : []));
  };
  const demandAt = new Map<string, number[]>();
  for (const { node, product } of demandPairs) for (const i of servingPoints(node, product)) add(demandAt, node, i);

  const sets = new DisjointSets(plans.length);
  const why: Coupling[] = [];
  /** Joins `points` (any order, repeats allowed), recording why when it joined anything. */
  const join = (rule: CouplingRule, points: number[], reason: (names: string) => string) => {
    const members = unique(points).sort((a, b) => a - b);
    let joined = false;
    for (let k = 1; k < members.length; k++) if (sets.union(members[0], members[k])) joined = true;
    if (joined) why.push({ rule, stockPoints: members, text: reason(namesOf(members.map((i) => plans[i].key))) });
  };

  // replenishment from an upstream stock point of the same product
  plans.forEach((plan, i) => {
    const upstream = pointIndex.get(stockPointKey(sources[i], plan.product));
    if (nodeById.get(sources[i])?.type !== 'supplier' && upstream !== undefined) {
      join('replenishment', [upstream, i], () => `${plans[upstream].key} replenishes ${plan.key}`);
    }
  });

  // shared capacity: suppliers' and warehouses' capacity per day, suppliers' servers
  for (const node of scenario.nodes) {
    const supplied = suppliedBy.get(node.id) ?? [];
    if (node.type === 'supplier' && node.capacityPerDay !== undefined) {
      join('supplierCapacity', supplied, (names) => `${names} share the shipping capacity of supplier ${node.id} (${node.capacityPerDay} a day)`);
    }
    if (node.type === 'supplier' && node.servers !== undefined && node.leadTime !== undefined) {
      join('productionStage', supplied, (names) => `${names} wait for the same ${node.servers} server${node.servers === 1 ? '' : 's'} of supplier ${node.id}`);
    }
    if (node.type === 'warehouse' && node.capacityPerDay !== undefined) {
      join('warehouseCapacity', supplied, (names) => `${names} share the shipping capacity of warehouse ${node.id} (${node.capacityPerDay} a day)`);
    }
  }

  // customer bases: a customer lost over one product takes their demand for all
  scenario.customers.forEach((base) => {
    join('customerBase', demandAt.get(base.node) ?? [], (names) => `${names} share the customer base of ${base.node}`);
  });

  // online zones: every warehouse point of every product a zone orders
  scenario.fulfilment.forEach((entry) => {
    join('onlineZone', demandAt.get(entry.zone) ?? [], (names) => `${names} serve the online zone ${entry.zone}`);
  });

  // recalls: every stock point of the recalled products (processes/recalls.ts recalledProductsOf)
  const recalledProducts = scenario.recalls.map((recall) =>
    recall.product !== undefined ? idsOf(recall.product) : unique((suppliedBy.get(recall.supplier) ?? []).map((i) => plans[i].product)),
  );
  const recallNames = scenario.recalls.map((recall, r) => recall.name ?? `recall#${r}`);
  recalledProducts.forEach((products, r) => {
    join('recall', products.flatMap((product) => pointsOfProduct.get(product) ?? []), (names) => `${names} hold lots of ${products.join(', ')} that recall "${recallNames[r]}" covers`);
  });

  // disruptions: what each acts on; a random one joins it all (one draw)
  const disruptionNames = scenario.disruptions.map((disruption, i) => disruption.name ?? `${disruption.type}#${i}`);
  const actsOn = scenario.disruptions.map((disruption): number[] => {
    switch (disruption.type) {
      case 'supplierOutage':
      case 'capacityLoss':
        return suppliedBy.get(disruption.node) ?? [];
      case 'leadTimeMultiplier':
        return unique(disruption.lanes.flatMap((lane) => suppliedOver.get(lane) ?? []));
      case 'deliveryDelay':
        return demandAt.get(disruption.zone) ?? [];
    }
  });
  scenario.disruptions.forEach((disruption, i) => {
    if (disruption.occurrence.type !== 'random') return;
    join('randomDisruption', actsOn[i], (names) => `${names} are hit by the same random draw of disruption "${disruptionNames[i]}"`);
  });

  // the parts, in the order of their first stock point
  const partOfRoot = new Map<number, number>();
  const partOf = plans.map((_, i) => {
    const root = sets.find(i);
    if (!partOfRoot.has(root)) partOfRoot.set(root, partOfRoot.size);
    return partOfRoot.get(root)!;
  });
  const parts: IndependentPart[] = [...partOfRoot.keys()].map(() => ({
    stockPoints: [],
    keys: [],
    nodes: [],
    products: [],
    lanes: [],
    customerBases: [],
    zones: [],
    fulfilment: [],
    recalls: [],
    disruptions: [],
    demand: [],
    why: [],
  }));
  plans.forEach((plan, i) => {
    const part = parts[partOf[i]];
    part.stockPoints.push(i);
    part.keys.push(plan.key);
    part.nodes.push(plan.node, sources[i]);
    part.products.push(plan.product);
    part.lanes.push(laneOf[i]);
  });
  /** The parts `points` fall in (each once, ascending). */
  const partsOf = (points: number[]) => unique(points.map((i) => partOf[i])).sort((a, b) => a - b);
  scenario.customers.forEach((base, b) => {
    for (const p of partsOf(demandAt.get(base.node) ?? [])) parts[p].customerBases.push(b);
  });
  scenario.fulfilment.forEach((entry, f) => {
    for (const p of partsOf(demandAt.get(entry.zone) ?? [])) {
      parts[p].fulfilment.push(f);
      parts[p].zones.push(entry.zone);
      parts[p].nodes.push(entry.zone);
    }
  });
  recalledProducts.forEach((products, r) => {
    for (const p of partsOf(products.flatMap((product) => pointsOfProduct.get(product) ?? []))) parts[p].recalls.push(r);
  });
  actsOn.forEach((points, d) => {
    for (const p of partsOf(points)) parts[p].disruptions.push(d);
  });
  for (const { entry, node, product } of demandPairs) {
    for (const p of partsOf(servingPoints(node, product))) parts[p].demand.push(entry);
  }
  for (const coupling of why) parts[partOf[coupling.stockPoints[0]]].why.push(coupling);
  for (const part of parts) {
    part.nodes = unique(part.nodes);
    part.products = unique(part.products);
    part.lanes = unique(part.lanes);
    part.zones = unique(part.zones);
    part.demand = unique(part.demand);
  }
  return parts;
}
