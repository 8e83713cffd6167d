import { Environment } from '../kernel/environment.ts';
import { EventKind, Priority } from './eventKinds.ts';
import type { StockPoint } from './stockPoint.ts';
import type { OnlineRoute, ZoneTally } from './onlineOrders.ts';
import { OnlineFulfilment } from './processes/onlineFulfilment.ts';
import type { DailySeries, RollupDaily } from './dailySeries.ts';
import type { DemandStream } from './demandStream.ts';
import type { CustomerBase } from './customerBase.ts';
import type { ShippingGate } from './shippingGate.ts';
import type { ProductionStage } from './productionStage.ts';
import { Consignments, type LotRegistry } from './lots.ts';
import { TooManyPendingEvents } from '../kernel/eventQueue.ts';
import { ModelTables } from './processes/modelTables.ts';
import type { Processes } from './processes/processes.ts';
import { CustomerDemand } from './processes/customerDemand.ts';
import { CustomerDelivery } from './processes/customerDelivery.ts';
import { CustomerChurn } from './processes/customerChurn.ts';
import { CustomerSale } from './processes/customerSale.ts';
import { Replenishment } from './processes/replenishment.ts';
import { EchelonAllocation } from './processes/echelonAllocation.ts';
import { UpstreamReturns } from './processes/upstreamReturns.ts';
import { Shipping, type LaneState } from './processes/shipping.ts';
import { LotsAndExpiry } from './processes/lotsAndExpiry.ts';
import { DamageAndVisibility } from './processes/damageAndVisibility.ts';
import { CustomerReturns } from './processes/customerReturns.ts';
import { Recalls, type RecallOutcome, type RecallPlan } from './processes/recalls.ts';
import { EndOfLife } from './processes/endOfLife.ts';
import { Disruptions, type DisruptionWindow } from './processes/disruptions.ts';
import { DayBoundary } from './processes/dayBoundary.ts';
import type { ModelWarning } from './warnings.ts';

export type { LaneState } from './processes/shipping.ts';
export type { DisruptionEffect, DisruptionWindow } from './processes/disruptions.ts';
export type { RecallOutcome, RecallPlan } from './processes/recalls.ts';

/** What build.ts wires together for one replication of one variant. */
export interface SimulationParts {
  /** problems found while wiring the model, each once, with the fix */
  warnings: string[];
  /** number of products (for roll-ups) */
  products: number;
  horizon: number;
  warmup: number;
  stockPoints: StockPoint[];
  /** the stock points' rows (POINT_ROW_WIDTH numbers each, in index order) */
  pointTable: Float64Array;
  demandStreams: DemandStream[];
  /** the demand streams' rows (STREAM_ROW_WIDTH numbers each, in index order) */
  streamTable: Float64Array;
  customerBases: CustomerBase[];
  gates: ShippingGate[];
  /** suppliers' production stages with a number of servers */
  stages: ProductionStage[];
  lanes: LaneState[];
  disruptions: DisruptionWindow[];
  /** every lot of the replication (products held in lots) */
  lots: LotRegistry;
  recalls: RecallPlan[];
  /** per product: the day its demand ends (Infinity: never) */
  endOfLifeDays: number[];
  /** how each (online zone, product) is served */
  routes: OnlineRoute[];
  /** per demand stream: its route (online zone demand), or -1 */
  streamRoutes: number[];
  /** per online zone: what its orders met */
  zones: ZoneTally[];
  /** record per-stock-point daily series */
  seriesPerStockPoint: boolean;
  recordSeries: boolean;
  /** keep each stock point's daily roll-up figures (an independent part run alone, for the merge) */
  keepPointDays?: boolean;
  /** whole days summed into one period of the bullwhip ratio (the scenario's bullwhipPeriodDays; default 1) */
  bullwhipPeriodDays?: number;
  /** per warning, what it is about: `point:<node>/<product>` or `demand:<node>/<product>` (to merge parts' warnings in order) */
  warningSources: string[];
  /** the warnings as facts (src/model/warnings.ts), in the same order: a page words them in its language */
  warningFacts: ModelWarning[];
}

/**
 * The supply chain model on the event kernel: customers arrive and buy, stock points order under
 * their policies, suppliers and warehouses ship through lanes, customers leave after bad
 * experiences. One instance runs one replication.
 *
 * This class owns the kernel and the shared tables (modelTables.ts) and dispatches each event, an
 * integer kind, to the process that handles it; each process lives in its own file under processes/
 * (processes.ts lists them). A process a scenario does not use schedules nothing and is never called.
 *
 * The hot path (a customer arrival served from stock, processes/customerDemand.ts `onSteadyArrival`)
 * allocates nothing: events are integers in the kernel's typed arrays, and the numbers it touches are
 * rows of two tables (stock points, demand streams) that it indexes without fetching the objects (see
 * rowTable.ts).
 */
export class Simulation {
  readonly env: Environment;
  readonly days: number;
  readonly stockPoints: StockPoint[];
  readonly demandStreams: DemandStream[];
  readonly customerBases: CustomerBase[];
  readonly gates: ShippingGate[];
  readonly stages: ProductionStage[];
  readonly lanes: LaneState[];
  readonly disruptions: DisruptionWindow[];
  readonly horizon: number;
  readonly warmup: number;
  readonly warnings: string[];
  readonly warningSources: string[];
  /** the warnings as facts, in the order of `warnings` (each of which is its `warningText`) */
  readonly warningFacts: ModelWarning[];
  readonly lots: LotRegistry;
  readonly recalls: RecallPlan[];
  readonly recallOutcomes: RecallOutcome[];
  readonly zones: ZoneTally[];
  /** daily series: index = day (recorded at the end of the day) */
  readonly series: DailySeries;
  readonly rollupDaily: RollupDaily;

  // the processes, one per file (processes/)
  private readonly demand: CustomerDemand;
  private readonly churn: CustomerChurn;
  private readonly replenishment: Replenishment;
  private readonly allocation: EchelonAllocation;
  private readonly upstreamReturns: UpstreamReturns;
  private readonly shipping: Shipping;
  private readonly lotsAndExpiry: LotsAndExpiry;
  private readonly shelfLosses: DamageAndVisibility;
  private readonly customerReturns: CustomerReturns;
  private readonly recallProcess: Recalls;
  private readonly endOfLife: EndOfLife;
  private readonly disruptionProcess: Disruptions;
  private readonly dayBoundary: DayBoundary;
  /** online orders: choosing warehouses, promising dates, delivering */
  private readonly online: OnlineFulfilment;
  /** customer orders shipped to their customers */
  private readonly delivery: CustomerDelivery;

  constructor(parts: SimulationParts) {
    this.horizon = parts.horizon;
    this.warnings = parts.warnings;
    this.warningSources = parts.warningSources;
    this.warningFacts = parts.warningFacts;
    this.warmup = parts.warmup;
    this.stockPoints = parts.stockPoints;
    this.demandStreams = parts.demandStreams;
    this.customerBases = parts.customerBases;
    this.gates = parts.gates;
    this.stages = parts.stages;
    this.lanes = parts.lanes;
    this.disruptions = parts.disruptions;
    this.lots = parts.lots;
    this.recalls = parts.recalls;
    this.zones = parts.zones;
    this.env = new Environment(this.dispatch, Math.max(1024, parts.demandStreams.length * 4));
    const tables = new ModelTables(this.env, parts.horizon, parts.stockPoints, parts.pointTable, parts.demandStreams, parts.streamTable);
    const consignments = new Consignments(parts.lots);

    this.demand = new CustomerDemand(tables, parts.streamRoutes);
    this.delivery = new CustomerDelivery(tables);
    this.churn = new CustomerChurn(tables, parts.customerBases);
    this.recallProcess = new Recalls(tables, parts.recalls, parts.lots);
    this.recallOutcomes = this.recallProcess.recallOutcomes;
    const sale = new CustomerSale(tables, parts.lots, this.recallOutcomes);
    this.replenishment = new Replenishment(tables);
    this.allocation = new EchelonAllocation(tables);
    this.upstreamReturns = new UpstreamReturns(tables, parts.lanes);
    this.shipping = new Shipping(tables, parts.gates, parts.stages, parts.lanes, consignments);
    this.lotsAndExpiry = new LotsAndExpiry(tables, parts.lots, consignments);
    this.shelfLosses = new DamageAndVisibility(tables);
    this.customerReturns = new CustomerReturns(tables, consignments);
    this.endOfLife = new EndOfLife(tables, parts.endOfLifeDays);
    this.disruptionProcess = new Disruptions(tables, parts.disruptions);
    this.dayBoundary = new DayBoundary(
      tables,
      {
        warmup: parts.warmup,
        products: parts.products,
        recordSeries: parts.recordSeries,
        seriesPerStockPoint: parts.seriesPerStockPoint,
        keepPointDays: parts.keepPointDays ?? false,
        bullwhipPeriodDays: parts.bullwhipPeriodDays ?? 1,
      },
      parts.customerBases,
      parts.zones,
    );
    this.days = this.dayBoundary.days;
    this.series = this.dayBoundary.series;
    this.rollupDaily = this.dayBoundary.rollupDaily;
    const replenishment = this.replenishment;
    const churn = this.churn;
    this.online = new OnlineFulfilment(
      {
        env: this.env,
        stockPoints: this.stockPoints,
        customerBases: this.customerBases,
        sell: (point, quantity, customers) => sale.sell(point, quantity, customers),
        positionFell: (point) => replenishment.positionFell(point),
        disappoint: (point, base, customers, probability, cause) => churn.disappoint(point, base, customers, probability, cause),
        loseCustomers: (point, base, leaving, cause) => churn.loseCustomers(point, base, leaving, cause),
      },
      parts.routes,
      parts.zones,
    );

    const processes: Processes = {
      demand: this.demand,
      churn: this.churn,
      sale,
      replenishment: this.replenishment,
      allocation: this.allocation,
      upstreamReturns: this.upstreamReturns,
      shipping: this.shipping,
      lots: this.lotsAndExpiry,
      shelfLosses: this.shelfLosses,
      customerReturns: this.customerReturns,
      recalls: this.recallProcess,
      endOfLife: this.endOfLife,
      disruptions: this.disruptionProcess,
      days: this.dayBoundary,
      online: this.online,
      delivery: this.delivery,
    };
    this.demand.connect(processes);
    sale.connect(processes);
    this.replenishment.connect(processes);
    this.allocation.connect(processes);
    this.upstreamReturns.connect(processes);
    this.lotsAndExpiry.connect(processes);
    this.shelfLosses.connect(processes);
    this.customerReturns.connect(processes);
    this.recallProcess.connect(processes);
    this.disruptionProcess.connect(processes);
    this.dayBoundary.connect(processes);
  }

  /** `start` has been called (by `run` or `runToDay`) */
  private started = false;
  /** the horizon event has run: the replication is over */
  private ended = false;

  /** Runs the replication to the horizon. */
  run(): void {
    this.start();
    try {
      this.env.run(this.horizon);
    } catch (error) {
      if (error instanceof TooManyPendingEvents) throw tooManyPending(error);
      throw error;
    }
    this.finish();
  }

  /**
   * Schedules the first events (arrivals, reviews, day boundaries...); `run` calls it. Call it alone to
   * step through a replication event by event with `env.step()`. The order is the order of the
   * events' ties: keep it.
   */
  start(): void {
    this.started = true;
    // the first day boundary records day 0 at time 1
    this.dayBoundary.start();
    this.demand.start();
    this.churn.start();
    this.disruptionProcess.start();
    // first reviews are events, so that disruptions starting at time 0 are in force when they order
    for (const point of this.stockPoints) {
      this.replenishment.scheduleFirstReview(point);
      // the initial stock of a product in lots is one lot, as if received from its supply at time 0
      if (point.lots !== null && point.onHand > 0) this.lotsAndExpiry.addLot(point, point.onHand);
    }
    for (const point of this.stockPoints) {
      const pipeline = point.initialPipeline;
      if (pipeline !== null) this.replenishment.startInitialPipeline(point, pipeline.shipments, pipeline.orders);
    }
    this.recallProcess.start();
    this.endOfLife.start();
    this.env.schedule(this.horizon, EventKind.horizon, 0, 0, Priority.horizon);
  }

  /**
   * Runs on until day `day` (0-based) has been recorded at its end, or to the horizon; returns true once
   * the replication is over (then its state is as `run` leaves it). Calls `start` the first time. The
   * events and their order are those of `run`, which only never pauses, so a replication stepped
   * through day by day ends with the same numbers, to the bit (src/experiment/stepper.ts).
   */
  runToDay(day: number): boolean {
    if (!this.started) this.start();
    if (this.ended) return true;
    // the last day is recorded at the horizon: run on to it rather than pause just before
    this.dayBoundary.stopAfterDay = day >= this.days - 1 ? Infinity : day;
    try {
      this.env.run(this.horizon);
    } catch (error) {
      if (error instanceof TooManyPendingEvents) throw tooManyPending(error);
      throw error;
    } finally {
      this.dayBoundary.stopAfterDay = Infinity;
    }
    if (this.ended) this.finish();
    return this.ended;
  }

  /** the replication has run to its horizon */
  get isOver(): boolean {
    return this.ended;
  }

  // ----------------------------------------------------------------------------------------------
  // dispatch: one switch on the event's integer kind, to the process that handles it

  private readonly dispatch = (kind: number, target: number, value: number): void => {
    switch (kind) {
      case EventKind.customerArrival:
        return this.demand.onCustomerArrival(target);
      case EventKind.receipt:
        return this.replenishment.onReceipt(target, value);
      case EventKind.dayBoundary:
        this.countShared('dayBoundary');
        return this.dayBoundary.onDayBoundary(target);
      case EventKind.review:
        return this.replenishment.onReview(target);
      case EventKind.periodDemand:
        this.countShared('periodDemand');
        return this.demand.onPeriodDemand();
      case EventKind.warmupEnd:
        this.countShared('warmupEnd');
        return this.dayBoundary.onWarmupEnd();
      case EventKind.disruptionStart:
        this.countShared(`disruptionStart:${this.disruptions[target].name}@${this.disruptions[target].start}`);
        return this.disruptionProcess.onDisruption(target, true);
      case EventKind.disruptionEnd:
        this.countShared(`disruptionEnd:${this.disruptions[target].name}@${this.disruptions[target].start}`);
        return this.disruptionProcess.onDisruption(target, false);
      case EventKind.newCustomer:
        return this.churn.onNewCustomer(target);
      case EventKind.returnReceipt:
        return this.upstreamReturns.onReturnReceipt(target, value);
      case EventKind.processingDone:
        return this.shipping.onProcessingDone(target, value);
      case EventKind.consignmentArrival:
        return this.lotsAndExpiry.onConsignmentArrival(target, value);
      case EventKind.lotExpiry:
        return this.lotsAndExpiry.onLotExpiry(target);
      case EventKind.customerReturn:
        return this.customerReturns.onCustomerReturn(target, value);
      case EventKind.recall:
        this.countShared(`recall:${this.recalls[target].name}`);
        return this.recallProcess.onRecall(target);
      case EventKind.endOfLife:
        this.countShared(`endOfLife:${target}`);
        return this.endOfLife.onEndOfLife(target);
      case EventKind.countResult:
        return this.shelfLosses.onCountResult(target, value);
      case EventKind.onlineDelivery:
        return this.online.onDelivery(target);
      case EventKind.promiseCheck:
        return this.online.onPromiseCheck(target, value);
      case EventKind.allocation:
        return this.allocation.onAllocation(target);
      case EventKind.customerDelivery:
        return this.delivery.onDelivery(target, value);
      case EventKind.orderArrival:
        return this.replenishment.onOrderArrival(target, value);
      case EventKind.horizon:
        this.countShared('horizon');
        this.ended = true;
        this.dayBoundary.recordPartialLastDay();
        this.replenishment.closeLastReviewPeriods();
        return this.env.stop();
      default:
        throw new Error(`unknown event kind ${kind} at time ${this.env.now}`);
    }
  };

  /**
   * Events that are not any one stock point's: the day boundary, per-period demand, warm-up and
   * horizon, each disruption window, recall and end of life. Each independent part run alone
   * (src/experiment/parts.ts) processes its own copy of those its points take part in, so a merge
   * counts the whole run's events as the parts' own events plus one copy of each of these. Keyed by
   * what they are (kind and name), counted per key; rare events (a few a day), so counting costs nothing.
   */
  readonly sharedEvents = new Map<string, number>();

  private countShared(key: string): void {
    this.sharedEvents.set(key, (this.sharedEvents.get(key) ?? 0) + 1);
  }

  private finish(): void {
    for (const point of this.stockPoints) point.accrue(this.horizon);
    for (const stage of this.stages) stage.accrue(this.horizon);
  }
}

/** What piles up when too many events are pending at once, and the fields behind it (TooManyPendingEvents). */
const PENDING_CAUSES: Record<number, string> = {
  [EventKind.receipt]: 'orders in transit (too many orders under way at once: lower the demand, customersPerDay and its multipliers, or the lanes\' lead times, or order in larger quantities)',
  [EventKind.consignmentArrival]: 'shipments in transit (lower the demand, customersPerDay and its multipliers, or the lanes\' lead times)',
  [EventKind.processingDone]: 'orders in production (lower the demand or the production stage\'s processing time)',
  [EventKind.customerReturn]: "customer returns on their way back (lower the demand or the product's returns.afterDays)",
  [EventKind.lotExpiry]: "lots waiting to expire (order less often, or shorten the product's shelfLifeDays)",
  [EventKind.onlineDelivery]: 'parts of online orders on their way (lower the demand or the transit days)',
  [EventKind.promiseCheck]: 'online orders waiting for their promised date (lower the demand or the promise window)',
  [EventKind.countResult]: "stock counts on their way to the record (lower countDelayDays)",
  [EventKind.orderArrival]: "orders travelling to their suppliers (lower the demand, order in larger quantities, or shorten the lanes' orderDelayDays)",
};

/** The kernel's full-queue error, in the model's words; keeps its name so the CLI prints the message alone. */
function tooManyPending(error: TooManyPendingEvents): Error {
  const cause = PENDING_CAUSES[error.kind] ?? 'events of one kind';
  const words = new Error(
    `the run stopped on day ${Math.floor(error.at)}: more than ${error.limit.toLocaleString('en-US')} events were pending at once, the most a run can hold; ` +
      `${error.kindCount.toLocaleString('en-US')} of them ${cause}`,
  );
  words.name = error.name;
  return words;
}
