import type { Scenario, Variant } from '../scenario/schema.ts';
import { replicationSeed } from '../random/streams.ts';
import { addCounters, computeKpis, emptyCounters, type KpiCounters, type Kpis } from '../metrics/kpis.ts';
import { buildSimulation, variantsOf, type BuildOptions } from '../model/build.ts';
import { scenarioForVariant } from '../scenario/variantSettings.ts';
import type { LedgerCounts } from '../model/stockPoint.ts';
import type { StageMeasures } from '../model/productionStage.ts';
import { DAILY_LEVELS, ONLINE_LEVELS, type DailyLevelName, type OnlineLevelName } from '../model/dailySeries.ts';
import type { RecallOutcome, Simulation } from '../model/simulation.ts';
import { CHURN_CAUSES, type ChurnCause } from '../model/customerBase.ts';
import { EventLimitExceeded } from '../kernel/environment.ts';
import { estimateRun } from './runBudget.ts';

export interface StockPointResult {
  node: string;
  product: string;
  policy: string;
  /** the policy's levels at the end of the run, for charts (null where the policy has none) */
  reorderPoint: number | null;
  orderUpTo: number | null;
  kpis: Kpis;
  counters: KpiCounters;
}

export interface GroupResult {
  kpis: Kpis;
  counters: KpiCounters;
}

/** Units accounted over the whole run at one stock point, and where they are at the end. */
export interface StockPointLedger extends LedgerCounts {
  node: string;
  product: string;
  onHand: number;
  backorders: number;
  onOrder: number;
  pipeline: number;
  /** units on the shelf as lots (products held in lots; always equal to onHand), else null */
  inLots: number | null;
}

/** A replication's daily series: each level of DAILY_LEVELS, one value per day. */
export type DailyLevels = Record<DailyLevelName, number[]>;

export interface RunSeries {
  days: number;
  network: DailyLevels;
  /** per stock point, in the order of `stockPoints` (absent when the scenario records network totals only) */
  stockPoints: DailyLevels[] | null;
  activeCustomers: { node: string; values: number[] }[];
  networkActiveCustomers: number[];
  /** online orders per day over all zones (null without online zones) */
  online: Record<OnlineLevelName, number[]> | null;
}

export interface CustomerBaseResult {
  node: string;
  initial: number;
  active: number;
  churned: number;
  /** the window's departures by what made them leave */
  churnedBy: Record<ChurnCause, number>;
  demandLostToChurn: number;
}

/** An online zone's orders in the measured window. */
export interface ZoneResult {
  zone: string;
  /** orders placed (abandoned carts included) */
  orders: number;
  abandoned: number;
  delivered: number;
  onTime: number;
  /** delivered within the promised window */
  accurate: number;
  late: number;
  /** customers told of a delay before it happened */
  notified: number;
  /** late deliveries whose customer had been told */
  lateNotified: number;
  express: number;
  /** days from order to delivery, summed over delivered orders */
  waitDays: number;
}

/** Everything one replication of one variant produced. */
export interface RunResult {
  variant: string;
  replication: number;
  seed: string;
  windowDays: number;
  events: number;
  network: GroupResult;
  products: (GroupResult & { product: string })[];
  stockPoints: StockPointResult[];
  customerBases: CustomerBaseResult[];
  /** units still waiting at each shipping node for capacity or the end of an outage */
  awaitingDispatch: { node: string; units: number }[];
  /** units of orders waiting for or in process at each supplier's production stage (servers), or finished and held there by an outage */
  inProduction: { node: string; units: number }[];
  /** each production stage's queue in the measured window, in node order (the network's queueWait, queueLength, waitProbability and utilisation add them up) */
  stages: StageMeasures[];
  /** each recall of the scenario: units removed, and the customers its lots had reached before */
  recalls: RecallOutcome[];
  /** each online zone's orders in the measured window */
  zones: ZoneResult[];
  ledgers: StockPointLedger[];
  series: RunSeries | null;
  /** modelling problems worth a look, each once, with the fix */
  warnings: string[];
}

export interface RunOptions {
  /** leave the daily series out (they are large for big networks) */
  series?: boolean;
  /**
   * leave out each stock point's KPIs and ledger (default: keep them); a sweep of hundreds of variants
   * over a large network needs only the network's and products' figures, and would not fit in memory
   */
  stockPoints?: boolean;
}

/** Runs replication `replication` of variant `variantIndex`: (scenario, seed) -> RunResult. */
export function runReplication(scenario: Scenario, variantIndex: number, replication: number, options: RunOptions = {}): RunResult {
  const { result } = runSimulationOf(scenario, variantIndex, replication, options);
  return options.stockPoints === false ? { ...result, stockPoints: [], ledgers: [] } : result;
}

/**
 * Builds and runs replication `replication` of variant `variantIndex`, and gives the simulation as it
 * ended beside its result (an independent part run alone reads more of it: src/experiment/parts.ts).
 */
export function runSimulationOf(
  scenario: Scenario,
  variantIndex: number,
  replication: number,
  options: RunOptions = {},
  buildOptions: BuildOptions = {},
  /** the variant's name in messages (a part run alone runs its variant's policies as its baseline) */
  variantName?: string,
): { simulation: Simulation; result: RunResult } {
  const { simulation, variant, seed, expected } = prepareReplication(scenario, variantIndex, replication, buildOptions);
  try {
    simulation.run();
  } catch (error) {
    throw stormOrError(error, variantName ?? variant.id, replication, expected);
  }
  return { simulation, result: collect(scenario, simulation, variant.id, replication, seed, options.series ?? true) };
}

/** A replication built and ready to run, with its event limits set, as runSimulationOf runs it. */
export interface PreparedReplication {
  simulation: Simulation;
  variant: Variant;
  seed: string;
  /** the run budget's events per replication (what the event limits are set from) */
  expected: number;
}

/** Builds replication `replication` of variant `variantIndex` and sets its event limits, without running it. */
export function prepareReplication(scenario: Scenario, variantIndex: number, replication: number, buildOptions: BuildOptions = {}): PreparedReplication {
  const variant = variantsOf(scenario)[variantIndex];
  if (!variant) throw new Error(`variant index ${variantIndex} is out of range (scenario has ${variantsOf(scenario).length})`);
  const seed = replicationSeed(scenario.seed, replication);
  const simulation = buildSimulation(scenarioForVariant(scenario, variant), variant, seed, buildOptions);
  const expected = expectedEvents(scenario);
  simulation.env.eventLimit = eventLimitFor(expected);
  simulation.env.pendingLimit = pendingLimitFor(expected);
  return { simulation, variant, seed, expected };
}

/** What a run that threw says: an event storm in words (its limit reached), else the error itself. */
export function stormOrError(error: unknown, variantName: string, replication: number, expected: number): unknown {
  if (!(error instanceof EventLimitExceeded)) return error;
  const stopped =
    error.what === 'processed'
      ? `the run stopped after ${error.limit.toLocaleString('en')} events on day ${Math.floor(error.at)}`
      : `the run stopped with more than ${error.limit.toLocaleString('en')} events pending at once on day ${Math.floor(error.at)}`;
  return new EventStorm(
    `variant "${variantName}", replication ${replication}: ${stopped}, ` +
      `while the scenario's figures come to about ${Math.round(expected).toLocaleString('en')} a replication: something in it makes events without end ` +
      '(orders, returns or reviews feeding one another within an instant, returns that come back and are resold in ever smaller shares, ' +
      'a review period of a tiny fraction of a day, demand multipliers compounding); check the scenario near that day',
  );
}

/** A replication's result from its simulation once run to the horizon (what runReplication returns). */
export function collectResult(scenario: Scenario, simulation: Simulation, variant: string, replication: number, seed: string, options: RunOptions = {}): RunResult {
  const result = collect(scenario, simulation, variant, replication, seed, options.series ?? true);
  return options.stockPoints === false ? { ...result, stockPoints: [], ledgers: [] } : result;
}

/**
 * A replication stopped at its event limit. The name travels across workers (comlink keeps an error's
 * name and message), so the CLI and the app say the message alone: it is about the scenario, not a bug.
 */
export class EventStorm extends Error {
  override readonly name = 'EventStorm';
}

/**
 * The most events a replication may take, against an event storm that would never return (events
 * scheduling one another without end, within an instant or ever closer together): far more than the
 * run budget estimates (src/experiment/runBudget.ts, which errs on the slow side: 1.2-2.5x the real
 * count on the gallery), so a scenario the budget describes never meets it, and at least 2 million
 * events (under a second), so small scenarios have ample room. A large run allowed past the budget
 * (--allow-large) has a large estimate, and so a large limit.
 *
 * A storm that multiplies (each event scheduling several: fractional shares of returned units resold
 * to every waiting customer, each share coming back) is caught sooner by the events pending at once,
 * which in an ordinary run stay far below the events of the whole run (every pending event was
 * scheduled by a processed one or at the start, and is itself counted by the budget); without that
 * limit the queue grows by millions and each event gets slower, so the run would take minutes and
 * gigabytes before reaching the limit on events processed.
 */
const EVENT_LIMIT_FACTOR = 20;
const EVENT_LIMIT_FLOOR = 2_000_000;
const PENDING_LIMIT_FLOOR = 1_000_000;

function eventLimitFor(expectedEvents: number): number {
  return Math.max(EVENT_LIMIT_FLOOR, EVENT_LIMIT_FACTOR * expectedEvents);
}

function pendingLimitFor(expectedEvents: number): number {
  return Math.max(PENDING_LIMIT_FLOOR, EVENT_LIMIT_FACTOR * expectedEvents);
}

/** The budget's events per replication, once per scenario object (a worker runs many replications of one). */
const expectedByScenario = new WeakMap<Scenario, number>();
function expectedEvents(scenario: Scenario): number {
  let expected = expectedByScenario.get(scenario);
  if (expected === undefined) expectedByScenario.set(scenario, (expected = estimateRun(scenario, { replications: 1 }).eventsPerRun));
  return expected;
}

function collect(scenario: Scenario, simulation: Simulation, variant: string, replication: number, seed: string, withSeries: boolean): RunResult {
  const windowDays = scenario.horizonDays - scenario.warmupDays;
  const pointCounters = simulation.stockPoints.map((point) => point.windowCounters());
  const stockPoints: StockPointResult[] = simulation.stockPoints.map((point, i) => ({
    node: point.node,
    product: point.productId,
    policy: point.policy.type,
    reorderPoint: point.policy.reorderPoint,
    orderUpTo: point.policy.orderUpTo,
    kpis: computeKpis(pointCounters[i]),
    counters: pointCounters[i],
  }));

  const products = scenario.products.map((product, index) => {
    const counters = emptyCounters(windowDays);
    simulation.stockPoints.forEach((point, i) => {
      if (point.product === index) addCounters(counters, pointCounters[i]);
    });
    setDailySums(counters, simulation.rollupDaily.sums, index);
    counters.activeCustomers = null;
    return { product: product.id, counters, kpis: computeKpis(counters) };
  });

  const networkCounters = emptyCounters(windowDays);
  for (const counters of pointCounters) addCounters(networkCounters, counters);
  const stages = inNodeOrder(scenario, simulation.stages).map((stage) => stage.windowMeasures());
  addStageMeasures(networkCounters, stages);
  setDailySums(networkCounters, simulation.rollupDaily.sums, scenario.products.length);
  networkCounters.activeCustomers = simulation.customerBases.length > 0 ? simulation.customerBases.reduce((sum, base) => sum + base.active, 0) : null;

  const ledgers = simulation.stockPoints.map((point) => ({
    node: point.node,
    product: point.productId,
    ...point.ledger(),
    onHand: point.onHand,
    backorders: point.backorders,
    onOrder: point.onOrder,
    pipeline: point.pipeline,
    inLots: point.lots === null ? null : point.lots.total,
  }));

  return {
    variant,
    replication,
    seed,
    windowDays,
    events: simulation.env.eventsProcessed,
    network: { counters: networkCounters, kpis: computeKpis(networkCounters) },
    products,
    stockPoints,
    customerBases: simulation.customerBases.map((base) => ({
      node: base.node,
      initial: base.initial,
      active: base.active,
      churned: base.churned,
      churnedBy: Object.fromEntries(CHURN_CAUSES.map((cause, k) => [cause, base.churnedBy[k]])) as Record<ChurnCause, number>,
      demandLostToChurn: base.demandLostToChurn,
    })),
    awaitingDispatch: inNodeOrder(scenario, simulation.gates).map((gate) => ({ node: gate.node, units: sumInOrder(gate.waitingByDestination(simulation.stockPoints.length)) })),
    inProduction: inNodeOrder(scenario, simulation.stages).map((stage) => ({ node: stage.node, units: stage.unitsInside })),
    stages,
    recalls: simulation.recallOutcomes.map((outcome) => ({ ...outcome })),
    zones: simulation.zones.map((zone) => ({
      zone: zone.zone,
      orders: zone.orders,
      abandoned: zone.abandoned,
      delivered: zone.delivered,
      onTime: zone.onTime,
      accurate: zone.accurate,
      late: zone.late,
      notified: zone.notified,
      lateNotified: zone.lateNotified,
      express: zone.express,
      waitDays: zone.waitDays,
    })),
    ledgers,
    series: withSeries && simulation.series.network.onHand.length > 0 ? seriesOf(simulation) : null,
    warnings: simulation.warnings,
  };
}

/** The production stages' queues into a network's counters (in node order, so a merge of parts adds them alike). */
export function addStageMeasures(counters: KpiCounters, stages: readonly StageMeasures[]): void {
  for (const stage of stages) {
    counters.stageArrivals += stage.arrivals;
    counters.stageWaited += stage.waited;
    counters.stageStarts += stage.starts;
    counters.stageWaitDays += stage.waitDays;
    counters.stageAreaQueue += stage.areaQueue;
    counters.stageAreaBusy += stage.areaBusy;
    counters.stageServerDays += stage.servers * counters.windowDays;
  }
}

/**
 * Gates and production stages in the order of the scenario's nodes (build.ts makes them in the order
 * first needed, which a part run alone would not reproduce).
 */
export function inNodeOrder<T extends { node: string }>(scenario: Scenario, items: readonly T[]): T[] {
  const order = new Map(scenario.nodes.map((node, i) => [node.id, i]));
  return [...items].sort((a, b) => order.get(a.node)! - order.get(b.node)!);
}

/** Adds up `values` from the first, in order (the order a merge of parts repeats). */
export function sumInOrder(values: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i];
  return total;
}

export function setDailySums(counters: KpiCounters, sums: Float64Array, group: number): void {
  const base = group * 5;
  counters.bullwhipDays = sums[base];
  counters.dailyOrderSum = sums[base + 1];
  counters.dailyOrderSumSquares = sums[base + 2];
  counters.dailyDemandSum = sums[base + 3];
  counters.dailyDemandSumSquares = sums[base + 4];
}

function seriesOf(simulation: Simulation): RunSeries {
  const s = simulation.series;
  const levels = (pick: (level: DailyLevelName) => Float64Array): DailyLevels => {
    const out = {} as DailyLevels;
    for (const level of DAILY_LEVELS) out[level] = Array.from(pick(level));
    return out;
  };
  return {
    days: s.days,
    network: levels((level) => s.network[level]),
    stockPoints: s.perStockPoint ? simulation.stockPoints.map((point) => levels((level) => s.perPoint[level][point.index])) : null,
    activeCustomers: simulation.customerBases.map((base) => ({ node: base.node, values: Array.from(s.activeCustomers[base.index]) })),
    networkActiveCustomers: Array.from(s.networkActiveCustomers),
    online: simulation.zones.length > 0 ? (Object.fromEntries(ONLINE_LEVELS.map((level) => [level, Array.from(s.online[level])])) as Record<OnlineLevelName, number[]>) : null,
  };
}
