import { AnchorAndAdjustEstimates, type Distribution, type IdList, type PolicyType, type Scenario } from './schema.ts';
import { clip, listOf, type GraphRule, type IssueDetail, type ScenarioIssue } from './issues.ts';

/** Policies that review continuously (reviewPeriod 0 in the engine): every other reviews periodically. */
const CONTINUOUS_POLICIES: ReadonlySet<PolicyType> = new Set(['sS', 'rQ', 'baseStock', 'echelonBaseStock', 'serviceTarget']);
const ANCHOR_AND_ADJUST_ESTIMATE_NAMES = AnchorAndAdjustEstimates.options;

/** The ids an IdList names, as an array. */
export function idsOf(list: IdList): string[] {
  return typeof list === 'string' ? [list] : list;
}

/** A lane's id: its own, or "from->to". */
export function laneId(lane: { id?: string; from: string; to: string }): string {
  return lane.id ?? `${lane.from}->${lane.to}`;
}

export function stockPointKey(node: string, product: string): string {
  return `${node}/${product}`;
}

/**
 * What a demand stream's random streams are named after: its stock point's key, and for a segment
 * "<node>/<product>#<segment>" ("#" is in no id, so no segment's name meets another's). An entry
 * without a segment keeps the stock point's key, so its draws are those it had before segments existed.
 */
export function demandStreamKey(node: string, product: string, segment: string | undefined): string {
  return segment === undefined ? stockPointKey(node, product) : `${stockPointKey(node, product)}#${segment}`;
}

/**
 * Checks what the schema cannot: that every reference names something that exists, that ids are
 * unique, that the sourcing graph has no cycle, and that quantities which cannot be negative are not
 * drawn from distributions that can. Returns every problem found, each at its field.
 */
export function checkReferences(scenario: Scenario): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const report = (path: string, message: string, detail?: IssueDetail) => issues.push(detail === undefined ? { path, message } : { path, message, detail });
  const known = (ids: Iterable<string>) => `(known: ${listOf(ids) || 'none'})`;
  // a reference to an id the scenario does not define, with its facts for the web (ScenarioIssue.detail)
  const unknown = (path: string, what: 'node' | 'product' | 'lane', name: string, ids: Iterable<string>) => {
    const all = [...ids];
    const detail: IssueDetail = { kind: 'unknownReference', what, name, known: all.slice(0, 10).map((id) => clip(id, 60)), more: Math.max(0, all.length - 10) };
    issues.push({ path, message: `unknown ${what} "${name}" ${known(all)}`, detail });
  };

  if (scenario.warmupDays >= scenario.horizonDays) {
    report('warmupDays', `expected a warm-up shorter than horizonDays (${scenario.horizonDays}), got ${scenario.warmupDays}`, { kind: 'warmupTooLong', horizonDays: scenario.horizonDays, warmupDays: scenario.warmupDays });
  }

  const products = uniqueIds(scenario.products, 'products', report);
  const nodes = new Map<string, Scenario['nodes'][number]>();
  scenario.nodes.forEach((node, i) => {
    if (nodes.has(node.id)) report(`nodes[${i}].id`, `duplicate node id "${node.id}"`, { kind: 'duplicateId', name: node.id });
    nodes.set(node.id, node);
  });
  uniqueIds(scenario.variants, 'variants', report);

  // lanes
  const lanes = new Map<string, { from: string; to: string }>();
  const inbound = new Map<string, string[]>();
  scenario.lanes.forEach((lane, i) => {
    const id = laneId(lane);
    if (lanes.has(id)) report(`lanes[${i}]`, `duplicate lane "${id}" (give one of them its own id)`, graph('duplicateLane', { lane: id }));
    else if ([...lanes.values()].some((other) => other.from === lane.from && other.to === lane.to)) {
      report(`lanes[${i}]`, `a second lane from "${lane.from}" to "${lane.to}"; a stock point could not tell them apart (use one lane)`, graph('secondLane', { from: lane.from, to: lane.to }));
    }
    lanes.set(id, lane);
    for (const end of ['from', 'to'] as const) {
      if (!nodes.has(lane[end])) unknown(`lanes[${i}].${end}`, 'node', lane[end], nodes.keys());
    }
    if (lane.from === lane.to) report(`lanes[${i}].to`, `a lane cannot go from a node to itself ("${lane.to}")`, graph('laneToItself', { node: lane.to }));
    if (nodes.get(lane.to)?.type === 'supplier') report(`lanes[${i}].to`, `a lane cannot lead into a supplier ("${lane.to}")`, graph('laneIntoSupplier', { node: lane.to }));
    checkNonNegative(lane.leadTime, `lanes[${i}].leadTime`, 'lead time', report);
    const sources = inbound.get(lane.to) ?? [];
    if (!sources.includes(lane.from)) inbound.set(lane.to, [...sources, lane.from]);
  });
  scenario.nodes.forEach((node, i) => {
    if (node.type === 'supplier' && node.leadTime) checkNonNegative(node.leadTime, `nodes[${i}].leadTime`, 'lead time', report);
    if (node.type === 'supplier' && node.servers !== undefined && !node.leadTime) {
      report(`nodes[${i}].servers`, `servers process orders for the supplier's leadTime (the processing time per order), which "${node.id}" does not give`, graph('serversWithoutLeadTime', { node: node.id }));
    }
  });

  // stock points
  const stockPoints = new Map<string, { source: string | undefined }>();
  scenario.stockPoints.forEach((entry, i) => {
    for (const node of idsOf(entry.node)) {
      const path = `stockPoints[${i}].node`;
      const found = nodes.get(node);
      if (!found) {
        unknown(path, 'node', node, nodes.keys());
        continue;
      }
      if (found.type === 'supplier') {
        report(path, `"${node}" is a supplier; suppliers hold no stock point (they ship from unlimited or capacity-limited supply)`, graph('supplierHoldsNoStock', { node }));
        continue;
      }
      if (found.type === 'zone') {
        report(path, `"${node}" is an online zone; it holds no stock (its orders are shipped from the warehouses its fulfilment entry names)`, graph('zoneHoldsNoStock', { node }));
        continue;
      }
      for (const product of idsOf(entry.product)) {
        if (!products.has(product)) {
          unknown(`stockPoints[${i}].product`, 'product', product, products);
          continue;
        }
        const key = stockPointKey(node, product);
        if (stockPoints.has(key)) report(`stockPoints[${i}]`, `stock point ${key} is defined twice`, graph('stockPointTwice', { key }));
        let source = entry.source;
        const sources = inbound.get(node) ?? [];
        if (source === undefined) {
          if (sources.length === 1) source = sources[0];
          else if (sources.length > 1) {
            report(`stockPoints[${i}].source`, `node "${node}" has several inbound lanes (from ${sources.join(', ')}); say which one it orders from`, graph('severalInboundLanes', { node, sources: sources.join(', ') }));
          } else {
            report(`stockPoints[${i}]`, `node "${node}" has no inbound lane to be replenished through; add a lane into "${node}"`, graph('noInboundLane', { node }));
          }
        } else if (!nodes.has(source)) {
          unknown(`stockPoints[${i}].source`, 'node', source, nodes.keys());
          source = undefined;
        } else if (!sources.includes(source)) {
          report(`stockPoints[${i}].source`, `no lane from "${source}" to "${node}" (lanes into "${node}" come from: ${sources.join(', ') || 'none'})`, graph('noLaneFromSource', { source, node, sources: sources.join(', ') }));
          source = undefined;
        }
        stockPoints.set(key, { source });
      }
    }
  });
  // an upstream point must stock the product, and sourcing must not loop
  scenario.stockPoints.forEach((entry, i) => {
    for (const node of idsOf(entry.node)) {
      for (const product of idsOf(entry.product)) {
        const source = stockPoints.get(stockPointKey(node, product))?.source;
        if (source === undefined || nodes.get(source)?.type === 'supplier') continue;
        if (!stockPoints.has(stockPointKey(source, product))) {
          report(`stockPoints[${i}].source`, `"${node}" orders ${product} from "${source}", which has no stock point for ${product}; add one or order from a supplier`, graph('sourceWithoutStockPoint', { node, product, source }));
          continue;
        }
        const seen = new Set([node]);
        let current: string | undefined = source;
        while (current !== undefined && nodes.get(current)?.type !== 'supplier') {
          if (seen.has(current)) {
            report(`stockPoints[${i}].source`, `sourcing of ${product} loops: ${[...seen, current].join(' -> ')}`, graph('sourcingLoop', { product, loop: [...seen, current].join(' -> ') }));
            break;
          }
          seen.add(current);
          current = stockPoints.get(stockPointKey(current, product))?.source;
        }
      }
    }
  });

  // allocation: ranks name nodes the point supplies; fair shares are partial shipments
  scenario.stockPoints.forEach((entry, i) => {
    const allocation = entry.allocation;
    if (allocation === undefined || allocation.type === 'fifo') return;
    const path = `stockPoints[${i}].allocation`;
    if (allocation.type === 'fairShare') {
      if ((entry.shortageShipping ?? scenario.shortageShipping) === 'complete') {
        report(`${path}.type`, 'a fair share ships part of each order; it needs shortageShipping "partial" here (got "complete")', graph('fairShareNeedsPartial', {}));
      }
      return;
    }
    const supplied = new Set<string>();
    for (const [key, { source }] of stockPoints) {
      const [node, product] = key.split('/');
      if (source !== undefined && idsOf(entry.node).includes(source) && idsOf(entry.product).includes(product)) supplied.add(node);
    }
    for (const node of Object.keys(allocation.rank)) {
      if (!supplied.has(node)) report(`${path}.rank.${node}`, `"${node}" orders nothing from this stock point (nodes it supplies: ${listOf(supplied) || 'none'})`, graph('rankOfUnsupplied', { node, supplied: listOf(supplied) }));
    }
  });

  // demand
  /** per stock point (or zone and product): the demand entries naming it, for the segment checks */
  const entriesOfKey = new Map<string, number[]>();
  const demandNodes = new Set<string>();
  scenario.demand.forEach((entry, i) => {
    for (const node of idsOf(entry.node)) {
      if (!nodes.has(node)) {
        unknown(`demand[${i}].node`, 'node', node, nodes.keys());
        continue;
      }
      demandNodes.add(node);
      for (const product of idsOf(entry.product)) {
        if (!products.has(product)) {
          unknown(`demand[${i}].product`, 'product', product, products);
          continue;
        }
        const key = stockPointKey(node, product);
        if (nodes.get(node)?.type === 'zone') {
          if (entry.type === 'arrivals' && entry.delivery !== undefined) report(`demand[${i}].delivery`, `orders in an online zone ("${node}") are delivered as its fulfilment entry says: remove "delivery" here`, graph('zoneDemandDelivery', { node }));
          if (entry.type !== 'arrivals') report(`demand[${i}].type`, `demand in an online zone ("${node}") is a stream of orders: expected "arrivals", got "${entry.type}"`, graph('zoneDemandIsArrivals', { node, type: entry.type }));
        } else if (!stockPoints.has(key)) report(`demand[${i}]`, `demand for ${product} at "${node}" needs a stock point ${key}`, graph('demandWithoutStockPoint', { product, node, key }));
        const entries = entriesOfKey.get(key);
        if (entries === undefined) entriesOfKey.set(key, [i]);
        else if (entries[entries.length - 1] !== i) entries.push(i);
      }
    }
    if (entry.type === 'arrivals') checkNonNegative(entry.quantity, `demand[${i}].quantity`, 'an order quantity', report);
    if (entry.type === 'perPeriod') checkNonNegative(entry.quantity, `demand[${i}].quantity`, 'daily demand', report);
    if ((entry.type === 'arrivals' || entry.type === 'orders') && entry.delivery !== undefined) checkNonNegative(entry.delivery.leadTime, `demand[${i}].delivery.leadTime`, 'a delivery lead time', report);
    if (entry.type === 'orders') {
      checkNonNegative(entry.size, `demand[${i}].size`, 'an order size', report);
      if (entry.ordersPerDay !== undefined) {
        checkNonNegative(entry.ordersPerDay, `demand[${i}].ordersPerDay`, 'a count of orders', report);
        const notWhole = notWholeNumbers(entry.ordersPerDay);
        if (notWhole !== null) report(`demand[${i}].ordersPerDay${notWhole.at}`, `a count of orders per day is a whole number: expected a distribution of whole numbers (poisson, negativeBinomial, discreteUniform, or constant and empirical with whole values), got "${notWhole.type}"`, graph('orderCountNotWhole', { type: notWhole.type }));
      }
    }
    entry.shocks.forEach((shock, j) => checkOccurrence(shock.occurrence, `demand[${i}].shocks[${j}].occurrence`, report));
  });

  // several entries at one stock point are segments: each names its own (they seed its random streams)
  const needSegment = new Set<number>();
  for (const [key, entries] of entriesOfKey) {
    if (entries.length < 2) continue;
    const listed = entries.map((j) => `demand[${j}]`).join(', ');
    const bySegment = new Map<string, number>();
    for (const j of entries) {
      const segment = scenario.demand[j].segment;
      if (segment === undefined) {
        if (!needSegment.has(j)) report(`demand[${j}].segment`, `demand for ${key} has several entries (${listed}): give each a "segment" id`, graph('segmentNeeded', { key, entries: listed }));
        needSegment.add(j);
        continue;
      }
      const other = bySegment.get(segment);
      if (other !== undefined) report(`demand[${j}].segment`, `duplicate segment "${segment}" for ${key} (also in demand[${other}])`, graph('segmentTwice', { key, segment, other: `demand[${other}]` }));
      else bySegment.set(segment, j);
    }
  }

  // names that seed random streams must be unique
  const shockNames = new Set<string>();
  scenario.demand.forEach((entry, i) => {
    shockNames.clear();
    entry.shocks.forEach((shock, j) => {
      const name = shock.name ?? String(j);
      if (shockNames.has(name)) report(`demand[${i}].shocks[${j}].name`, `duplicate shock name "${name}" in this demand entry`, graph('duplicateShock', { name }));
      shockNames.add(name);
    });
  });
  const disruptionNames = new Set<string>();
  scenario.disruptions.forEach((disruption, i) => {
    const name = disruption.name ?? `${disruption.type}#${i}`;
    if (disruptionNames.has(name)) report(`disruptions[${i}].name`, `duplicate disruption name "${name}"`, graph('duplicateDisruption', { name }));
    disruptionNames.add(name);
  });

  // a service-target policy without an order quantity needs what the economic order quantity needs
  const productById = new Map(scenario.products.map((p) => [p.id, p]));
  const checkServiceTarget = (policy: Scenario['stockPoints'][number]['policy'], path: string, entries: ReadonlyArray<{ product: string; orderingCost?: number }>) => {
    if (policy.type !== 'serviceTarget' || policy.orderQuantity !== undefined) return;
    for (const { product, orderingCost } of entries) {
      const found = productById.get(product);
      if (!found) continue;
      const holding = 'perUnitPerDay' in found.holdingCost ? found.holdingCost.perUnitPerDay : found.holdingCost.annualRate * found.unitCost;
      if ((orderingCost ?? found.orderingCost) === 0) {
        report(`${path}.orderQuantity`, `a serviceTarget policy for ${product} needs orderQuantity when the ordering cost is 0 (the economic order quantity would be 0)`, graph('serviceTargetNoOrderingCost', { product }));
        return;
      }
      if (holding === 0) {
        report(`${path}.orderQuantity`, `a serviceTarget policy for ${product} needs orderQuantity when the holding cost is 0 (the economic order quantity would be infinite)`, graph('serviceTargetNoHoldingCost', { product }));
        return;
      }
    }
  };
  // a schedule's orders fall within the horizon (one that does not would never be placed)
  const checkSchedule = (policy: Scenario['stockPoints'][number]['policy'], path: string) => {
    if (policy.type !== 'schedule') return;
    policy.orders.forEach((order, k) => {
      if (order.day >= scenario.horizonDays) {
        report(`${path}.orders[${k}].day`, `expected a day before the horizon (${scenario.horizonDays} days), got ${order.day}: this order would never be placed`, graph('scheduleBeyondHorizon', { day: order.day, horizonDays: scenario.horizonDays }));
      }
    });
  };
  // an anchoring-and-adjustment rule needs each of its four parameters, given or from named estimates
  const checkAnchorAndAdjust = (policy: Scenario['stockPoints'][number]['policy'], path: string) => {
    if (policy.type !== 'anchorAndAdjust' || policy.estimates !== undefined) return;
    const words = { smoothing: 'theta', stockAdjustment: 'alpha_S', supplyLineWeight: 'beta', desiredStock: "S'" } as const;
    const known = listOf(ANCHOR_AND_ADJUST_ESTIMATE_NAMES);
    for (const [field, symbol] of Object.entries(words)) {
      if (policy[field as keyof typeof words] === undefined) {
        report(`${path}.${field}`, `expected ${field} (${symbol}), or estimates that give it (known: ${known})`, graph('anchorAndAdjustParameter', { field, symbol, known }));
      }
    }
  };
  // scripted orders replace the orders of periodic reviews: periods that make sense, apart, on a periodic policy
  const checkScriptedOrdersPolicy = (policy: Scenario['stockPoints'][number]['policy'], path: string, scriptedPath: string) => {
    if (CONTINUOUS_POLICIES.has(policy.type)) {
      report(
        scriptedPath,
        `scripted orders replace the orders of periodic reviews, and a ${policy.type} policy (at ${path}) reviews continuously: give a periodic policy (periodicRS, passThrough, anchorAndAdjust...)`,
        graph('scriptedOrdersNeedPeriodic', { policy: policy.type, at: path }),
      );
    }
  };
  scenario.stockPoints.forEach((entry, i) => {
    checkServiceTarget(entry.policy, `stockPoints[${i}].policy`, idsOf(entry.product).map((product) => ({ product, orderingCost: entry.orderingCost })));
    checkSchedule(entry.policy, `stockPoints[${i}].policy`);
    checkAnchorAndAdjust(entry.policy, `stockPoints[${i}].policy`);
    if (entry.scriptedOrders.length === 0) return;
    checkScriptedOrdersPolicy(entry.policy, `stockPoints[${i}].policy`, `stockPoints[${i}].scriptedOrders`);
    const periods = entry.scriptedOrders.map((period, k) => ({ ...period, k }));
    for (const { fromDay, untilDay, k } of periods) {
      if (!(untilDay > fromDay)) report(`stockPoints[${i}].scriptedOrders[${k}].untilDay`, `expected untilDay after fromDay (${fromDay}), got ${untilDay}`, graph('scriptedPeriodEmpty', { fromDay, untilDay }));
    }
    const sorted = periods.filter((period) => period.untilDay > period.fromDay).sort((a, b) => a.fromDay - b.fromDay || a.k - b.k);
    for (let j = 1; j < sorted.length; j++) {
      if (sorted[j].fromDay < sorted[j - 1].untilDay) {
        const [later, earlier] = [sorted[j], sorted[j - 1]];
        report(
          `stockPoints[${i}].scriptedOrders[${later.k}].fromDay`,
          `scripted periods overlap: [${later.fromDay}, ${later.untilDay}) starts before [${earlier.fromDay}, ${earlier.untilDay}) (scriptedOrders[${earlier.k}]) ends`,
          graph('scriptedPeriodsOverlap', { fromDay: later.fromDay, untilDay: later.untilDay, otherFromDay: earlier.fromDay, otherUntilDay: earlier.untilDay, other: `scriptedOrders[${earlier.k}]` }),
        );
      }
    }
  });
  scenario.variants.forEach((variant, i) => {
    variant.policies.forEach((override, j) => {
      const matched = scenario.stockPoints.flatMap((entry) =>
        idsOf(entry.node)
          .filter((node) => override.node === undefined || idsOf(override.node).includes(node))
          .flatMap(() => idsOf(entry.product).filter((product) => override.product === undefined || idsOf(override.product).includes(product)))
          .map((product) => ({ product, orderingCost: entry.orderingCost })),
      );
      checkServiceTarget(override.policy, `variants[${i}].policies[${j}].policy`, matched);
      checkSchedule(override.policy, `variants[${i}].policies[${j}].policy`);
      checkAnchorAndAdjust(override.policy, `variants[${i}].policies[${j}].policy`);
      // a variant's policy at a point with scripted orders must review periodically too
      scenario.stockPoints.forEach((entry, k) => {
        if (entry.scriptedOrders.length === 0) return;
        const nodeMatches = override.node === undefined || idsOf(entry.node).some((node) => idsOf(override.node!).includes(node));
        const productMatches = override.product === undefined || idsOf(entry.product).some((product) => idsOf(override.product!).includes(product));
        if (nodeMatches && productMatches) checkScriptedOrdersPolicy(override.policy, `variants[${i}].policies[${j}].policy`, `stockPoints[${k}].scriptedOrders`);
      });
    });
  });

  // customers
  const customerNodes = new Set<string>();
  scenario.customers.forEach((base, i) => {
    if (!nodes.has(base.node)) unknown(`customers[${i}].node`, 'node', base.node, nodes.keys());
    else if (!demandNodes.has(base.node)) report(`customers[${i}].node`, `no demand is defined at "${base.node}", so its customers would buy nothing`, graph('customersWithoutDemand', { node: base.node }));
    if (customerNodes.has(base.node)) report(`customers[${i}].node`, `customers of "${base.node}" are defined twice`, graph('customersTwice', { node: base.node }));
    customerNodes.add(base.node);
  });

  // disruptions
  scenario.disruptions.forEach((disruption, i) => {
    const path = `disruptions[${i}]`;
    checkOccurrence(disruption.occurrence, `${path}.occurrence`, report);
    if (disruption.type === 'supplierOutage') {
      const node = nodes.get(disruption.node);
      if (!node) unknown(`${path}.node`, 'node', disruption.node, nodes.keys());
      else if (node.type !== 'supplier') report(`${path}.node`, `"${disruption.node}" is a ${node.type}, not a supplier (use capacityLoss for a warehouse)`, graph('outageNotSupplier', { node: disruption.node, type: node.type }));
    } else if (disruption.type === 'capacityLoss') {
      const node = nodes.get(disruption.node);
      if (!node) unknown(`${path}.node`, 'node', disruption.node, nodes.keys());
      else if (node.type === 'store' || node.type === 'zone' || node.capacityPerDay === undefined) {
        report(`${path}.node`, `"${disruption.node}" has no capacityPerDay to lose; give it one`, graph('noCapacityToLose', { node: disruption.node }));
      }
    } else if (disruption.type === 'deliveryDelay') {
      const node = nodes.get(disruption.zone);
      if (!node) unknown(`${path}.zone`, 'node', disruption.zone, nodes.keys());
      else if (node.type !== 'zone') report(`${path}.zone`, `"${disruption.zone}" is a ${node.type}, not an online zone (use leadTimeMultiplier for lanes)`, graph('notAZone', { node: disruption.zone, type: node.type }));
    } else {
      disruption.lanes.forEach((lane, j) => {
        if (!lanes.has(lane)) unknown(`${path}.lanes[${j}]`, 'lane', lane, lanes.keys());
      });
    }
  });

  checkPerishables(scenario, nodes, report);

  // online zones: each with demand is served by one fulfilment entry, from warehouses stocking its products
  const served = new Set<string>();
  scenario.fulfilment.forEach((entry, i) => {
    const path = `fulfilment[${i}]`;
    const zone = nodes.get(entry.zone);
    if (!zone) unknown(`${path}.zone`, 'node', entry.zone, nodes.keys());
    else if (zone.type !== 'zone') report(`${path}.zone`, `"${entry.zone}" is a ${zone.type}, not an online zone (a node of type "zone")`, graph('fulfilmentNotZone', { node: entry.zone, type: zone.type }));
    if (served.has(entry.zone)) report(`${path}.zone`, `"${entry.zone}" has two fulfilment entries; give it one, listing its warehouses nearest first`, graph('fulfilmentTwice', { node: entry.zone }));
    served.add(entry.zone);
    const zoneProducts = scenario.demand.filter((demand) => idsOf(demand.node).includes(entry.zone)).flatMap((demand) => idsOf(demand.product));
    const warehouses = new Set<string>();
    entry.from.forEach((source, j) => {
      const at = `${path}.from[${j}]`;
      const node = nodes.get(source.warehouse);
      if (!node) unknown(`${at}.warehouse`, 'node', source.warehouse, nodes.keys());
      else if (node.type !== 'warehouse') report(`${at}.warehouse`, `"${source.warehouse}" is a ${node.type}; online orders ship from warehouses`, graph('shipsFromWarehouses', { node: source.warehouse, type: node.type }));
      else {
        const missing = zoneProducts.filter((product) => !stockPoints.has(stockPointKey(source.warehouse, product)));
        if (missing.length > 0) report(`${at}.warehouse`, `"${source.warehouse}" has no stock point for ${missing[0]}, which "${entry.zone}" orders`, graph('warehouseLacksProduct', { node: source.warehouse, product: missing[0], zone: entry.zone }));
      }
      if (warehouses.has(source.warehouse)) report(`${at}.warehouse`, `"${source.warehouse}" is listed twice`, graph('warehouseListedTwice', { node: source.warehouse }));
      warehouses.add(source.warehouse);
      checkNonNegative(source.pickPackDays, `${at}.pickPackDays`, 'a pick-and-pack time', report);
      checkNonNegative(source.transitDays, `${at}.transitDays`, 'a transit time', report);
      if (source.expressTransitDays) {
        checkNonNegative(source.expressTransitDays, `${at}.expressTransitDays`, 'a transit time', report);
        if (!entry.express) report(`${at}.expressTransitDays`, 'an express transit applies to the express option; give the zone an express entry (share, transitDays, pricePremium)', graph('expressWithoutEntry', {}));
      }
    });
    if (entry.tolerance) checkNonNegative(entry.tolerance, `${path}.tolerance`, 'a tolerance', report);
    if (entry.express) checkNonNegative(entry.express.transitDays, `${path}.express.transitDays`, 'a transit time', report);
  });
  scenario.nodes.forEach((node, i) => {
    if (node.type === 'zone' && demandNodes.has(node.id) && !served.has(node.id)) report(`nodes[${i}]`, `online zone "${node.id}" has demand but no fulfilment entry naming the warehouses that serve it`, graph('zoneWithoutFulfilment', { node: node.id }));
  });
  scenario.lanes.forEach((lane, i) => {
    for (const end of ['from', 'to'] as const) {
      if (nodes.get(lane[end])?.type === 'zone') report(`lanes[${i}].${end}`, `"${lane[end]}" is an online zone; deliveries to it are set in its fulfilment entry, not by lanes`, graph('laneToZone', { node: lane[end] }));
    }
  });

  // recalls
  scenario.recalls.forEach((recall, i) => {
    const path = `recalls[${i}]`;
    const node = nodes.get(recall.supplier);
    if (!node) unknown(`${path}.supplier`, 'node', recall.supplier, nodes.keys());
    else if (node.type !== 'supplier') report(`${path}.supplier`, `"${recall.supplier}" is a ${node.type}, not a supplier; a recall names the supplier whose lots it covers`, graph('recallNotSupplier', { node: recall.supplier, type: node.type }));
    const shipped = new Set(
      scenario.stockPoints.flatMap((entry) =>
        idsOf(entry.node).flatMap((point) => {
          const source = entry.source ?? scenario.lanes.find((lane) => lane.to === point)?.from;
          return source === recall.supplier ? idsOf(entry.product) : [];
        }),
      ),
    );
    if (recall.product !== undefined) {
      idsOf(recall.product).forEach((product) => {
        if (!products.has(product)) unknown(`${path}.product`, 'product', product, products);
        else if (node?.type === 'supplier' && !shipped.has(product)) report(`${path}.product`, `"${recall.supplier}" ships no "${product}" to any stock point, so there is nothing to recall`, graph('recallProductNotShipped', { node: recall.supplier, product }));
      });
    } else if (node?.type === 'supplier' && shipped.size === 0) {
      report(`${path}.supplier`, `"${recall.supplier}" ships to no stock point, so there is nothing to recall`, graph('recallShipsNothing', { node: recall.supplier }));
    }
  });

  // variants
  scenario.variants.forEach((variant, i) => {
    variant.policies.forEach((override, j) => {
      const path = `variants[${i}].policies[${j}]`;
      const overrideNodes = override.node === undefined ? undefined : idsOf(override.node);
      const overrideProducts = override.product === undefined ? undefined : idsOf(override.product);
      overrideNodes?.forEach((node) => {
        if (!nodes.has(node)) unknown(`${path}.node`, 'node', node, nodes.keys());
      });
      overrideProducts?.forEach((product) => {
        if (!products.has(product)) unknown(`${path}.product`, 'product', product, products);
      });
      const matches = [...stockPoints.keys()].some((key) => {
        const [node, product] = key.split('/');
        return (!overrideNodes || overrideNodes.includes(node)) && (!overrideProducts || overrideProducts.includes(product));
      });
      if (!matches) report(path, 'this override matches no stock point', graph('overrideMatchesNothing', {}));
    });
  });

  return issues;
}

/** Shelf life, markdown, damage by storage class, issuing discipline: each used where it can act. */
function checkPerishables(scenario: Scenario, nodes: Map<string, Scenario['nodes'][number]>, report: Report): void {
  const storageClasses = new Set([...nodes.values()].flatMap((node) => (node.type === 'warehouse' || node.type === 'store' ? [node.storageClass] : [])));
  const recalled = new Set(
    scenario.recalls.flatMap((recall) =>
      recall.product !== undefined ? idsOf(recall.product) : scenario.stockPoints.flatMap((entry) => idsOf(entry.product)),
    ),
  );
  const inLots = new Set(scenario.products.filter((product) => product.shelfLifeDays !== undefined || recalled.has(product.id)).map((p) => p.id));
  scenario.products.forEach((product, i) => {
    const path = `products[${i}]`;
    if (product.markdown && product.shelfLifeDays === undefined) report(`${path}.markdown`, 'a markdown applies near the expiry date; give the product a shelfLifeDays', graph('markdownNeedsShelfLife', {}));
    else if (product.markdown && product.price === undefined) report(`${path}.markdown`, 'a markdown lowers the price; give the product a price', graph('markdownNeedsPrice', {}));
    else if (product.markdown && product.shelfLifeDays !== undefined && product.markdown.withinDays >= product.shelfLifeDays) {
      report(`${path}.markdown.withinDays`, `expected fewer days than the shelf life (${product.shelfLifeDays}), got ${product.markdown.withinDays}: every unit would be marked down`, graph('markdownTooLong', { shelfLifeDays: product.shelfLifeDays, withinDays: product.markdown.withinDays }));
    }
    for (const storageClass of Object.keys(product.damagePerDay ?? {})) {
      if (!storageClasses.has(storageClass)) report(`${path}.damagePerDay.${storageClass}`, `no warehouse or store has storageClass "${storageClass}" (known: ${listOf(storageClasses)})`, graph('unknownStorageClass', { storageClass, known: listOf(storageClasses) }));
    }
    if (product.endOfLife && !Number.isInteger(product.endOfLife.day)) report(`${path}.endOfLife.day`, `expected a whole day (demand ends at the start of that day), got ${product.endOfLife.day}`, graph('endOfLifeWholeDay', { day: product.endOfLife.day }));
  });
  scenario.stockPoints.forEach((entry, i) => {
    if (entry.issuing === undefined) return;
    const plain = idsOf(entry.product).filter((product) => !inLots.has(product));
    if (plain.length > 0) report(`stockPoints[${i}].issuing`, `issuing applies to products held in lots (with shelfLifeDays, or covered by a recall); "${plain[0]}" is not`, graph('issuingNeedsLots', { product: plain[0] }));
  });
}

function uniqueIds(items: ReadonlyArray<{ id: string }>, field: string, report: Report): Set<string> {
  const ids = new Set<string>();
  items.forEach((item, i) => {
    if (ids.has(item.id)) report(`${field}[${i}].id`, `duplicate id "${item.id}"`, { kind: 'duplicateId', name: item.id });
    ids.add(item.id);
  });
  return ids;
}

function checkOccurrence(occurrence: Scenario['disruptions'][number]['occurrence'], path: string, report: Report) {
  if (occurrence.type === 'random') checkNonNegative(occurrence.duration, `${path}.duration`, 'a duration', report);
}

/** Quantities that cannot be negative may use a normal (truncated at zero) but not a distribution whose support is negative. */
function checkNonNegative(spec: Distribution, path: string, what: string, report: Report) {
  if (spec.type === 'intermittent') return checkNonNegative(spec.size, `${path}.size`, what, report);
  const lowest = (() => {
    switch (spec.type) {
      case 'constant':
        return spec.value;
      case 'uniform':
      case 'discreteUniform':
      case 'triangular':
        return spec.min;
      case 'empirical':
        return Math.min(...spec.values);
      default:
        return 0; // normal is truncated at zero; the others are non-negative by nature
    }
  })();
  if (lowest < 0) report(path, `${what} cannot be negative, but this distribution can draw ${lowest}`, graph('negativeDraw', { what, lowest }));
  if (spec.type === 'normal' && spec.mean < 0) report(`${path}.mean`, `${what} cannot be negative; expected a mean >= 0, got ${spec.mean}`, graph('negativeMean', { what, mean: spec.mean }));
}

/** Where a distribution may draw other than whole numbers (the path below it, and the offending type), or null. */
function notWholeNumbers(spec: Distribution): { at: string; type: string } | null {
  switch (spec.type) {
    case 'intermittent': {
      const inner = notWholeNumbers(spec.size);
      return inner === null ? null : { at: `.size${inner.at}`, type: inner.type };
    }
    case 'poisson':
    case 'negativeBinomial':
    case 'discreteUniform':
      return null;
    case 'constant':
      return Number.isInteger(spec.value) ? null : { at: '.value', type: 'constant' };
    case 'empirical':
      return spec.values.every(Number.isInteger) ? null : { at: '.values', type: 'empirical' };
    default:
      return { at: '', type: spec.type };
  }
}

type Report = (path: string, message: string, detail?: IssueDetail) => void;

/** A graph check's facts (IssueDetail `graph`): the names and numbers its message gives, by rule. */
function graph(rule: GraphRule, facts: Readonly<Record<string, string | number>>): IssueDetail {
  return { kind: 'graph', rule, facts };
}
