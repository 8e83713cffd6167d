import type { Scenario } from '../scenario/schema.ts';
import { demandStreamKey, idsOf, stockPointKey } from '../scenario/references.ts';
import { scenarioForVariant } from '../scenario/variantSettings.ts';
import { AUTO_SERIES_LIMIT, planStockPoints, variantsOf } from '../model/build.ts';
import { independentParts, type IndependentPart } from '../model/independentParts.ts';
import { RollupDaily, DAILY_LEVELS, type DailyLevelName } from '../model/dailySeries.ts';
import { addCounters, computeKpis, emptyCounters } from '../metrics/kpis.ts';
import { addStageMeasures, inNodeOrder, runSimulationOf, setDailySums, type DailyLevels, type RunOptions, type RunResult, type RunSeries } from './run.ts';

/**
 * A replication run as its independent parts (src/model/independentParts.ts), each built and run
 * alone, then merged into the result of the whole network, byte for byte (issue 15): so the parts of
 * one replication can run on every core, and a sweep that moves one stock point re-runs only its part.
 *
 * Why the merge can be exact. Each part is the scenario cut down to the part's stock points and what
 * they use (`partScenario`); every random stream is named after what it drives, and the events of a
 * part keep their relative order (the kernel breaks ties by time, priority and the order they were
 * scheduled, and a part schedules its events in the same order as the whole does), so each stock
 * point's own figures are the whole run's to the bit. Figures over several points are sums, which
 * floating point makes depend on the order of the terms: the merge adds the points' own figures in
 * the whole network's stock point order, as the whole run does (network and product counters, the
 * roll-ups' daily totals, the network's daily series, the units awaiting dispatch at each node). Events
 * that belong to no stock point (day boundaries, warm-up, horizon, per-period demand, disruption
 * windows, recalls, end of life) happen in every part that takes part in them; the merge counts one
 * copy of each (Simulation.sharedEvents).
 *
 * What it cannot merge: the online orders' daily series when online zones fall in two or more parts
 * (the whole run adds all zones' tallies in event order); such a scenario runs whole
 * (`canRunApart`). The test test/experiment/parts.test.ts compares the merge with the whole run on every
 * gallery scenario, bench-A and generated scenarios.
 */

/** A part's run, plain data (it crosses to and from workers). */
export interface PartRun {
  /** the part's index among the replication's parts */
  part: number;
  /** the part's own run: its stock points in the whole network's relative order */
  result: RunResult;
  /** days of the window closed (the length of each point's row below) */
  windowDaysClosed: number;
  /**
   * per stock point of the part (in result order), a row of `windowDaysClosed`: units ordered from
   * suppliers per day of the window (NaN: not supplied by one). Flat typed arrays, so crossing to and
   * from a worker is a copy of bytes, not of a thousand arrays.
   */
  dayOrders: Float64Array;
  /** the same for customer demand (NaN: not customer-facing) */
  dayDemand: Float64Array;
  /** per daily level, per stock point of the part a row of `result.series.days` (null when series are not recorded) */
  pointSeries: Record<DailyLevelName, Float64Array> | null;
  /** per node with a gate: units waiting to leave for each of the part's stock points */
  awaiting: { node: string; units: number[] }[];
  /** events that belong to no stock point, by what they are (Simulation.sharedEvents) */
  sharedEvents: [string, number][];
  /** per warning of the result: `point:<key>` or `demand:<key>` */
  warningSources: string[];
}

/** The scenario a variant runs, its parts, and whether they can run apart. */
export interface PartPlan {
  /** the variant's scenario (scenarioForVariant) */
  scenario: Scenario;
  parts: IndependentPart[];
  /** false when the parts' results could not be merged to the bit (see above): run the whole */
  apart: boolean;
}

/** The parts of variant `variantIndex` of `scenario`. */
export function planParts(scenario: Scenario, variantIndex: number): PartPlan {
  const variant = variantsOf(scenario)[variantIndex];
  if (!variant) throw new Error(`variant index ${variantIndex} is out of range (scenario has ${variantsOf(scenario).length})`);
  const variantScenario = scenarioForVariant(scenario, variant);
  const parts = withOrphans(variantScenario, independentParts(variantScenario));
  return { scenario: variantScenario, parts, apart: parts.length > 1 && canRunApart(variantScenario, parts) };
}

/**
 * Disruptions and recalls that act on no stock point are in no part, yet the whole run processes
 * their events (and a disruption's windows are drawn all the same): the first part takes them, which
 * changes none of its figures and keeps the run's event count.
 */
function withOrphans(scenario: Scenario, parts: IndependentPart[]): IndependentPart[] {
  if (parts.length === 0) return parts;
  const orphans = (count: number, listed: (part: IndependentPart) => number[]) => {
    const taken = new Set(parts.flatMap(listed));
    return Array.from({ length: count }, (_, i) => i).filter((i) => !taken.has(i));
  };
  const disruptions = orphans(scenario.disruptions.length, (part) => part.disruptions);
  const recalls = orphans(scenario.recalls.length, (part) => part.recalls);
  if (disruptions.length === 0 && recalls.length === 0) return parts;
  const [first, ...rest] = parts;
  const ascending = (a: number, b: number) => a - b;
  return [{ ...first, disruptions: [...first.disruptions, ...disruptions].sort(ascending), recalls: [...first.recalls, ...recalls].sort(ascending) }, ...rest];
}

/**
 * The plan's parts joined into `count` chunks of about equal numbers of stock points, each chunk
 * consecutive parts (a union of independent parts is independent of the rest, and runs and merges as
 * one part). Running a thousand one-SKU parts costs each its own cut, build and day boundaries (about
 * 2.5 ms each on bench-A, twice the whole run in all); a few chunks cost nothing beside their runs.
 */
export function chunkPlan(plan: PartPlan, count: number): PartPlan {
  const chunks = Math.max(1, Math.min(Math.floor(count), plan.parts.length));
  if (chunks === plan.parts.length) return plan;
  const total = plan.parts.reduce((sum, part) => sum + part.stockPoints.length, 0);
  const groups: IndependentPart[][] = [];
  let current: IndependentPart[] = [];
  let taken = 0;
  plan.parts.forEach((part, p) => {
    current.push(part);
    taken += part.stockPoints.length;
    const left = plan.parts.length - p - 1;
    // close the chunk at its share of the stock points, leaving at least one part per chunk to come
    if (groups.length < chunks - 1 && (taken >= (total * (groups.length + 1)) / chunks || left === chunks - groups.length - 1)) {
      groups.push(current);
      current = [];
    }
  });
  if (current.length > 0) groups.push(current);
  const parts = groups.map(joinParts);
  return { ...plan, parts, apart: parts.length > 1 && canRunApart(plan.scenario, parts) };
}

/** Independent parts as one: every list the union of theirs, in ascending (scenario) order. */
export function joinParts(parts: readonly IndependentPart[]): IndependentPart {
  if (parts.length === 1) return parts[0];
  const points = parts.flatMap((part) => part.stockPoints.map((point, k) => [point, part.keys[k]] as const)).sort((a, b) => a[0] - b[0]);
  const union = <T>(pick: (part: IndependentPart) => T[]) => [...new Set(parts.flatMap(pick))];
  const ascending = (a: number, b: number) => a - b;
  return {
    stockPoints: points.map(([point]) => point),
    keys: points.map(([, key]) => key),
    nodes: union((part) => part.nodes),
    products: union((part) => part.products),
    lanes: union((part) => part.lanes),
    customerBases: union((part) => part.customerBases).sort(ascending),
    zones: union((part) => part.zones),
    fulfilment: union((part) => part.fulfilment).sort(ascending),
    recalls: union((part) => part.recalls).sort(ascending),
    disruptions: union((part) => part.disruptions).sort(ascending),
    demand: union((part) => part.demand).sort(ascending),
    why: parts.flatMap((part) => part.why),
  };
}

/** Whether the parts' results merge to the whole run's bit for bit (see above). */
export function canRunApart(scenario: Scenario, parts: readonly IndependentPart[]): boolean {
  if (scenario.output.series === 'none') return true;
  return parts.filter((part) => part.zones.length > 0).length <= 1;
}

/**
 * `scenario` (a variant's scenario) cut down to `part`: every product, node and lane, so that indexes
 * of products and nodes are the whole's; the part's stock points, each with the policy the variant
 * gives it; the demand of its stock points and zones, its customer bases, fulfilment entries, recalls
 * and disruptions, in the scenario's order. Disruptions and recalls keep the names they had (an
 * unnamed one is named by its index, which seeds its stream and labels its outcome).
 */
export function partScenario(scenario: Scenario, variantIndex: number, part: IndependentPart): Scenario {
  const variant = variantsOf(scenario)[variantIndex];
  const plans = planStockPoints(scenario, variant);
  const keys = new Set(part.keys);
  const zones = new Set(part.zones);
  const products = new Set(part.products);
  const stockPoints = part.stockPoints.map((i) => ({ ...plans[i].entry, node: plans[i].node, product: plans[i].product, policy: plans[i].policy }));
  const demand = part.demand.flatMap((d) => {
    const entry = scenario.demand[d];
    return idsOf(entry.node).flatMap((node) =>
      idsOf(entry.product)
        .filter((product) => keys.has(stockPointKey(node, product)) || (zones.has(node) && products.has(product)))
        .map((product) => ({ ...entry, node, product })),
    );
  });
  // built as the parsed scenario it is: a subset of a valid scenario, each thing it keeps with what it
  // refers to (tests parse every gallery part again and find it unchanged, test/experiment/parts.test.ts);
  // parsing it again cost a millisecond a part, the whole run's time again for bench-A's 1,000 parts
  const cut: Scenario = {
    ...scenario,
    variants: [],
    stockPoints,
    demand,
    customers: part.customerBases.map((b) => scenario.customers[b]),
    fulfilment: part.fulfilment.map((f) => scenario.fulfilment[f]),
    recalls: part.recalls.map((r) => ({ ...scenario.recalls[r], name: scenario.recalls[r].name ?? `recall#${r}` })),
    disruptions: part.disruptions.map((d) => ({ ...scenario.disruptions[d], name: scenario.disruptions[d].name ?? `${scenario.disruptions[d].type}#${d}` })),
  };
  delete cut.theory;
  return cut;
}

/** Runs part `partIndex` of replication `replication` of variant `variantIndex`. */
export function runPart(
  scenario: Scenario,
  variantIndex: number,
  replication: number,
  partIndex: number,
  plan: PartPlan = planParts(scenario, variantIndex),
  options: { series?: boolean } = {},
): PartRun {
  const part = plan.parts[partIndex];
  if (!part) throw new Error(`part index ${partIndex} is out of range (variant ${variantIndex} has ${plan.parts.length})`);
  const cut = partScenario(plan.scenario, variantIndex, part);
  const variant = variantsOf(scenario)[variantIndex];
  const { simulation, result } = runSimulationOf(cut, 0, replication, { series: options.series ?? true }, { keepPointDays: true }, variant.id);
  const points = simulation.stockPoints;
  const pointDays = simulation.rollupDaily.pointDays!;
  const windowDaysClosed = pointDays.orders.length > 0 ? pointDays.orders[0].length : 0;
  const series = simulation.series;
  return {
    part: partIndex,
    // the points' series travel once, in pointSeries
    result: { ...result, variant: variant.id, series: result.series && { ...result.series, stockPoints: null } },
    windowDaysClosed,
    dayOrders: flat(pointDays.orders, windowDaysClosed),
    dayDemand: flat(pointDays.demand, windowDaysClosed),
    pointSeries:
      (options.series ?? true) && series.network.onHand.length > 0
        ? (Object.fromEntries(DAILY_LEVELS.map((level) => [level, flat(points.map((point) => series.perPoint[level][point.index]), series.days)])) as Record<DailyLevelName, Float64Array>)
        : null,
    awaiting: simulation.gates.map((gate) => ({ node: gate.node, units: Array.from(gate.waitingByDestination(points.length)) })),
    sharedEvents: [...simulation.sharedEvents],
    warningSources: [...simulation.warningSources],
  };
}

/**
 * The result of the whole network from its parts' runs (every part of the plan, in any order): the
 * same bytes as runReplication on the whole (test/experiment/parts.test.ts).
 */
export function mergeParts(scenario: Scenario, variantIndex: number, plan: PartPlan, runs: readonly PartRun[], options: RunOptions = {}): RunResult {
  const whole = plan.scenario;
  const variant = variantsOf(scenario)[variantIndex];
  const byPart = new Map(runs.map((run) => [run.part, run]));
  if (byPart.size !== plan.parts.length || plan.parts.some((_, p) => !byPart.has(p))) {
    throw new Error(`merging a replication of ${plan.parts.length} parts from ${runs.length} part results`);
  }
  const firstRun = byPart.get(0)!;
  const first = firstRun.result;
  const windowDays = first.windowDays;

  // every stock point of the whole, in order: [part run, index in it]. A part lists its stock points'
  // indexes in the whole (ascending), so their union in index order is the whole's order
  const located: [PartRun, number][] = [];
  const keys: string[] = [];
  for (const run of byPart.values()) {
    const part = plan.parts[run.part];
    part.stockPoints.forEach((point, i) => {
      located[point] = [run, i];
      keys[point] = part.keys[i];
    });
  }
  // (a hole would be a stock point in no part: `some` skips holes, so count them)
  for (let i = 0; i < keys.length; i++) if (located[i] === undefined) throw new Error(`merging parts that do not cover stock point ${i}`);
  const stockPoints = located.map(([run, i]) => run.result.stockPoints[i]);
  const pointCounters = stockPoints.map((point) => point.counters);
  const productIndex = new Map(whole.products.map((product, i) => [product.id, i]));
  const pointProducts = stockPoints.map((point) => productIndex.get(point.product)!);

  const sums = RollupDaily.sumsOf(
    whole.products.length,
    pointProducts,
    located.map(([run, i]) => run.dayOrders.subarray(i * run.windowDaysClosed, (i + 1) * run.windowDaysClosed)),
    located.map(([run, i]) => run.dayDemand.subarray(i * run.windowDaysClosed, (i + 1) * run.windowDaysClosed)),
    firstRun.windowDaysClosed,
    whole.bullwhipPeriodDays,
  );

  // each product's counters add its points' in stock point order, as the whole run does
  const productCounters = whole.products.map(() => emptyCounters(windowDays));
  pointCounters.forEach((c, i) => addCounters(productCounters[pointProducts[i]], c));
  const products = whole.products.map((product, index) => {
    const counters = productCounters[index];
    setDailySums(counters, sums, index);
    counters.activeCustomers = null;
    return { product: product.id, counters, kpis: computeKpis(counters) };
  });

  // customer bases, in the scenario's order: each is in one part
  const baseOwner = new Map<number, [PartRun, number]>();
  for (const run of byPart.values()) plan.parts[run.part].customerBases.forEach((b, k) => baseOwner.set(b, [run, k]));
  const customerBases = whole.customers.map((_, b) => {
    const [run, k] = baseOwner.get(b)!;
    return run.result.customerBases[k];
  });

  const networkCounters = emptyCounters(windowDays);
  for (const counters of pointCounters) addCounters(networkCounters, counters);
  setDailySums(networkCounters, sums, whole.products.length);
  networkCounters.activeCustomers = customerBases.length > 0 ? customerBases.reduce((sum, base) => sum + base.active, 0) : null;

  // units awaiting dispatch at each node with a gate: the whole run's gates are those of the parts and
  // of every outage or capacity loss (the whole run makes one for each, drawn windows or not)
  const gateNodes = new Set<string>();
  for (const run of byPart.values()) for (const gate of run.awaiting) gateNodes.add(gate.node);
  for (const disruption of whole.disruptions) if (disruption.type === 'supplierOutage' || disruption.type === 'capacityLoss') gateNodes.add(disruption.node);
  for (const recall of whole.recalls) gateNodes.add(recall.supplier);
  const awaitingDispatch = inNodeOrder(whole, [...gateNodes].map((node) => ({ node }))).map(({ node }) => {
    let units = 0;
    for (const [run, i] of located) units += run.awaiting.find((gate) => gate.node === node)?.units[i] ?? 0;
    return { node, units };
  });
  const inProduction = inNodeOrder(
    whole,
    [...byPart.values()].flatMap((run) => run.result.inProduction),
  );
  // a stage serves the stock points of one part (they share its servers), so each is in one run
  const stages = inNodeOrder(
    whole,
    [...byPart.values()].flatMap((run) => run.result.stages),
  );
  addStageMeasures(networkCounters, stages);

  const recalls = whole.recalls.map((recall, r) => {
    const name = recall.name ?? `recall#${r}`;
    for (const run of byPart.values()) {
      if (plan.parts[run.part].recalls.includes(r)) return { ...run.result.recalls.find((outcome) => outcome.name === name)!, name: recall.name ?? `recall#${r}` };
    }
    return { name, unitsRemoved: 0, customersReached: 0, unitsSold: 0 };
  });

  // each part lists every zone of the scenario; a zone's orders are in the part serving it (or none)
  const zones = first.zones.map((zone, z) => {
    for (const run of byPart.values()) if (plan.parts[run.part].zones.includes(zone.zone)) return run.result.zones[z];
    return zone;
  });

  // events: each part's own, plus one copy of each event that belongs to no stock point
  const shared = new Map<string, number>();
  let events = 0;
  for (const run of byPart.values()) {
    events += run.result.events;
    for (const [key, count] of run.sharedEvents) {
      events -= count;
      shared.set(key, count);
    }
  }
  for (const count of shared.values()) events += count;

  // warnings, as the whole run gives them (build.ts modelWarnings): the stock points' policies in stock
  // point order, then their bullwhip periods in stock point order, then the demand entries' in demand order
  const order = new Map<string, number>();
  for (const key of keys) order.set(`point:${key}`, order.size);
  for (const key of keys) order.set(`bullwhip:${key}`, order.size);
  for (const entry of whole.demand) for (const node of idsOf(entry.node)) for (const product of idsOf(entry.product)) order.set(`demand:${demandStreamKey(node, product, entry.segment)}`, order.size);
  const warnings = [...byPart.values()]
    .flatMap((run) => run.result.warnings.map((text, k) => ({ text, source: run.warningSources[k] })))
    .map(({ text, source }) => ({ text, rank: order.get(source) ?? order.size }))
    .sort((a, b) => a.rank - b.rank)
    .map(({ text }) => text);

  const result: RunResult = {
    variant: variant.id,
    replication: first.replication,
    seed: first.seed,
    windowDays,
    events,
    network: { counters: networkCounters, kpis: computeKpis(networkCounters) },
    products,
    stockPoints,
    customerBases,
    awaitingDispatch,
    inProduction,
    stages,
    recalls,
    zones,
    ledgers: located.map(([run, i]) => run.result.ledgers[i]),
    series: (options.series ?? true) && first.series !== null ? mergedSeries(whole, keys.length, located, customerBases.length, byPart, plan) : null,
    warnings,
  };
  return options.stockPoints === false ? { ...result, stockPoints: [], ledgers: [] } : result;
}

function mergedSeries(whole: Scenario, pointCount: number, located: [PartRun, number][], baseCount: number, byPart: Map<number, PartRun>, plan: PartPlan): RunSeries {
  const first = byPart.get(0)!.result.series!;
  const days = first.days;
  const network = {} as DailyLevels;
  for (const level of DAILY_LEVELS) {
    const values = new Float64Array(days);
    for (const [run, i] of located) {
      const own = run.pointSeries![level];
      for (let day = 0; day < days; day++) values[day] += own[i * days + day];
    }
    network[level] = Array.from(values);
  }
  const mode = whole.output.series;
  const perStockPoint = mode === 'all' || (mode === 'auto' && pointCount <= AUTO_SERIES_LIMIT);
  const baseOwner = new Map<number, [PartRun, number]>();
  for (const run of byPart.values()) plan.parts[run.part].customerBases.forEach((b, k) => baseOwner.set(b, [run, k]));
  const activeCustomers = Array.from({ length: baseCount }, (_, b) => {
    const [run, k] = baseOwner.get(b)!;
    return run.result.series!.activeCustomers[k];
  });
  const networkActiveCustomers = new Float64Array(days);
  for (let day = 0; day < days; day++) {
    let total = 0;
    for (const base of activeCustomers) total += base.values[day];
    networkActiveCustomers[day] = total;
  }
  const zoned = [...byPart.values()].find((run) => plan.parts[run.part].zones.length > 0);
  return {
    days,
    network,
    stockPoints: perStockPoint
      ? located.map(([run, i]) => Object.fromEntries(DAILY_LEVELS.map((level) => [level, Array.from(run.pointSeries![level].subarray(i * days, (i + 1) * days))])) as DailyLevels)
      : null,
    activeCustomers,
    networkActiveCustomers: Array.from(networkActiveCustomers),
    online: (zoned ?? byPart.get(0)!).result.series!.online,
  };
}

/** Rows of equal length, one after the other in one array. */
function flat(rows: ArrayLike<number>[], length: number): Float64Array {
  const out = new Float64Array(rows.length * length);
  rows.forEach((row, i) => out.set(row, i * length));
  return out;
}
