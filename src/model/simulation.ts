import { Environment } from '../kernel/environment.ts';
import type { RandomStream } from '../random/streams.ts';
import { EventKind, Priority } from './eventKinds.ts';
import { CUSTOMER, CUSTOMER_UNITS } from './backorderQueue.ts';
import { policyMayOrder, sellFromShelf, type StockPoint } from './stockPoint.ts';
import { NO_CARE } from './productCare.ts';
import { CAUSE } from './customerBase.ts';
import { ONLINE_BASE, type OnlineRoute, type ZoneTally } from './onlineOrders.ts';
import { OnlineFulfilment } from './onlineFulfilment.ts';
import { DailySeries, RollupDaily } from './dailySeries.ts';
import { SaleOfLots } from './saleOfLots.ts';
import { nextSteadyArrival, STREAM_FIELD, STREAM_ROW_WIDTH, type DemandStream } from './demandStream.ts';
import { FIELD, POINT_ROW_WIDTH } from './counters.ts';
import type { CustomerBase } from './customerBase.ts';
import type { ShippingGate } from './shippingGate.ts';
import type { ProductionStage } from './productionStage.ts';
import type { TimeWindow } from './occurrences.ts';
import { exponentialGap } from '../math/libm.ts';
import { CONSIGNMENT, Consignments, LotList, type LotRegistry, type PieceSink } from './lots.ts';
import { binomial } from '../random/distributions/binomial.ts';
import { TooManyPendingEvents } from '../kernel/eventQueue.ts';

/**
 * Orders smaller than this are rounding dust of fractional demand (an inventory position of
 * 9.999999999999998 against a level of 10), not decisions: they would each pay a fixed ordering cost.
 */
const ORDER_EPSILON = 1e-9;

/** A lane as the simulation uses it. */
export interface LaneState {
  id: string;
  costPerUnit: number;
  costPerShipment: number;
  /** product of the lead-time multipliers in force */
  leadTimeMultiplier: number;
}

/** A disruption window and what it does while in force. */
export type DisruptionEffect =
  | { type: 'outage'; gate: number }
  | { type: 'leadTime'; lanes: number[]; multiplier: number }
  | { type: 'capacity'; gate: number; share: number }
  | { type: 'delivery'; zone: number; multiplier: number };

export interface DisruptionWindow extends TimeWindow {
  name: string;
  effect: DisruptionEffect;
}

/** A recall as the simulation runs it: which lots it covers is decided when each lot is born. */
export interface RecallPlan {
  name: string;
  /** the supplier's shipping gate */
  supplier: number;
  /** product indices covered */
  products: ReadonlySet<number>;
  receivedFrom: number;
  receivedTo: number;
  announcedOn: number;
}

/** What a recall found when it was announced. */
export interface RecallOutcome {
  name: string;
  /** units removed from shelves then, and arriving later (in transit or returned) */
  unitsRemoved: number;
  /** customer purchases that included units of its lots, before the announcement */
  customersReached: number;
  /** units of its lots sold before the announcement */
  unitsSold: number;
}

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
  /** per warning, what it is about: `point:<node>/<product>` or `demand:<node>/<product>` (to merge parts' warnings in order) */
  warningSources: string[];
}

/**
 * The supply chain model on the event kernel: customers arrive and buy, stock points order under
 * their policies, suppliers and warehouses ship through lanes, customers leave after bad
 * experiences. One instance runs one replication.
 *
 * The hot path (a customer arrival served from stock) allocates nothing: events are integers in the
 * kernel's typed arrays, and the numbers it touches are rows of two tables (stock points, demand
 * streams) that it indexes without fetching the objects (see rowTable.ts).
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
  private windowStart = 0;
  private readonly periodDemandStreams: DemandStream[];
  private readonly pointTable: Float64Array;
  private readonly streamTable: Float64Array;
  /** per demand stream: 1 when it is steady (see DemandStream.steady) */
  private readonly steadyStream: Uint8Array;
  /** per demand stream: the index of its stock point */
  private readonly streamPoint: Int32Array;
  private readonly shipNow: (quantity: number, to: number) => void;
  /** a finished order held at a supplier with servers leaves (the outage, or the loss of all capacity, is over) */
  private readonly shipHeld: (quantity: number, to: number) => void;
  readonly lots: LotRegistry;
  private readonly consignments: Consignments;
  readonly recalls: RecallPlan[];
  readonly recallOutcomes: RecallOutcome[];
  /** bit r set once recall r is announced: its units are removed wherever they turn up */
  private announcedRecalls = 0;
  private readonly endOfLifeDays: number[];
  /** counts what a customer sale takes from lots: markdowns, recalled lots reached */
  private readonly sale: SaleOfLots;
  private readonly streamRoute: Int32Array;
  readonly zones: ZoneTally[];
  /** online orders: choosing warehouses, promising dates, delivering */
  private readonly online: OnlineFulfilment;

  /** daily series: index = day (recorded at the end of the day) */
  readonly series: DailySeries;
  readonly rollupDaily: RollupDaily;

  constructor(parts: SimulationParts) {
    this.horizon = parts.horizon;
    this.warnings = parts.warnings;
    this.warningSources = parts.warningSources;
    this.warmup = parts.warmup;
    this.days = Math.ceil(parts.horizon);
    this.stockPoints = parts.stockPoints;
    this.demandStreams = parts.demandStreams;
    this.customerBases = parts.customerBases;
    this.gates = parts.gates;
    this.stages = parts.stages;
    this.lanes = parts.lanes;
    this.disruptions = parts.disruptions;
    this.periodDemandStreams = parts.demandStreams.filter((s) => s.kind !== 'arrivals');
    this.pointTable = parts.pointTable;
    this.streamTable = parts.streamTable;
    // the fast path does not ask points above about their echelon position, nor sells from lots or
    // sends returns on their way
    this.steadyStream = Uint8Array.from(parts.demandStreams, (stream) => {
      if (stream.stockPoint < 0) return 0;
      const point = parts.stockPoints[stream.stockPoint];
      return stream.steady && point.echelonReviewers.length === 0 && point.lots === null && point.care.returns === null ? 1 : 0;
    });
    this.streamPoint = Int32Array.from(parts.demandStreams, (stream) => stream.stockPoint);
    this.series = new DailySeries(parts.recordSeries ? this.days : 0, parts.stockPoints.length, parts.seriesPerStockPoint, parts.customerBases.length);
    this.rollupDaily = new RollupDaily(parts.products, parts.keepPointDays ?? false, parts.stockPoints.length);
    this.env = new Environment(this.dispatch, Math.max(1024, parts.demandStreams.length * 4));
    this.shipNow = (quantity, to) => this.dispatchShipment(quantity, to);
    this.shipHeld = (quantity, to) => this.ship(quantity, to, 0, 0);
    this.lots = parts.lots;
    this.consignments = new Consignments(parts.lots);
    this.recalls = parts.recalls;
    this.recallOutcomes = parts.recalls.map((recall) => ({ name: recall.name, unitsRemoved: 0, customersReached: 0, unitsSold: 0 }));
    this.endOfLifeDays = parts.endOfLifeDays;
    this.sale = new SaleOfLots(parts.lots, this.recallOutcomes, new LotList(parts.lots));
    this.streamRoute = Int32Array.from(parts.streamRoutes);
    this.zones = parts.zones;
    this.online = new OnlineFulfilment(
      {
        env: this.env,
        stockPoints: this.stockPoints,
        customerBases: this.customerBases,
        sell: (point, quantity, customers) => this.sell(point, quantity, customers),
        positionFell: (point) => this.positionFell(point),
        disappoint: (point, base, customers, probability, cause) => this.disappoint(point, base, customers, probability, cause),
        loseCustomers: (point, base, leaving, cause) => this.loseCustomers(point, base, leaving, cause),
      },
      parts.routes,
      parts.zones,
    );
  }

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
   * step through a replication event by event with `env.step()`.
   */
  start(): void {
    const env = this.env;
    // the first day boundary records day 0 at time 1
    if (this.days >= 1) env.schedule(1, EventKind.dayBoundary, 1, 0, Priority.dayBoundary);
    if (this.warmup > 0) env.schedule(this.warmup, EventKind.warmupEnd, 0, 0, Priority.warmupEnd);
    for (const stream of this.demandStreams) {
      if (stream.kind === 'arrivals') this.scheduleArrival(stream);
    }
    if (this.periodDemandStreams.length > 0) env.schedule(0, EventKind.periodDemand, 0, 0, Priority.periodDemand);
    for (const base of this.customerBases) this.scheduleNewCustomer(base);
    this.disruptions.forEach((window, index) => {
      if (window.start < this.horizon) env.schedule(window.start, EventKind.disruptionStart, index, 0, Priority.normal);
    });
    // first reviews are events, so that disruptions starting at time 0 are in force when they order
    for (const point of this.stockPoints) {
      const first = point.policy.reviewPeriod > 0 ? point.policy.firstReview : 0;
      if (first < this.horizon) env.schedule(first, EventKind.review, point.index, 0, Priority.review);
      // the initial stock of a product in lots is one lot, as if received from its supply at time 0
      if (point.lots !== null && point.onHand > 0) this.addLot(point, point.onHand);
    }
    this.recalls.forEach((recall, index) => {
      if (recall.announcedOn < this.horizon) env.schedule(recall.announcedOn, EventKind.recall, index, 0, Priority.normal);
    });
    this.endOfLifeDays.forEach((day, product) => {
      if (day < this.horizon) env.schedule(day, EventKind.endOfLife, product, 0, Priority.normal);
    });
    env.schedule(this.horizon, EventKind.horizon, 0, 0, Priority.horizon);
  }

  // ----------------------------------------------------------------------------------------------
  // dispatch

  private readonly dispatch = (kind: number, target: number, value: number): void => {
    switch (kind) {
      case EventKind.customerArrival:
        return this.onCustomerArrival(target);
      case EventKind.receipt:
        return this.onReceipt(target, value);
      case EventKind.dayBoundary:
        this.countShared('dayBoundary');
        return this.onDayBoundary(target);
      case EventKind.review:
        return this.onReview(target);
      case EventKind.periodDemand:
        this.countShared('periodDemand');
        return this.onPeriodDemand();
      case EventKind.warmupEnd:
        this.countShared('warmupEnd');
        return this.onWarmupEnd();
      case EventKind.disruptionStart:
        this.countShared(`disruptionStart:${this.disruptions[target].name}@${this.disruptions[target].start}`);
        return this.onDisruption(target, true);
      case EventKind.disruptionEnd:
        this.countShared(`disruptionEnd:${this.disruptions[target].name}@${this.disruptions[target].start}`);
        return this.onDisruption(target, false);
      case EventKind.newCustomer:
        return this.onNewCustomer(target);
      case EventKind.returnReceipt:
        return this.onReturnReceipt(target, value);
      case EventKind.processingDone:
        return this.onProcessingDone(target, value);
      case EventKind.consignmentArrival:
        return this.onConsignmentArrival(target, value);
      case EventKind.lotExpiry:
        return this.onLotExpiry(target);
      case EventKind.customerReturn:
        return this.onCustomerReturn(target, value);
      case EventKind.recall:
        this.countShared(`recall:${this.recalls[target].name}`);
        return this.onRecall(target);
      case EventKind.endOfLife:
        this.countShared(`endOfLife:${target}`);
        return this.onEndOfLife(target);
      case EventKind.countResult:
        return this.onCountResult(target, value);
      case EventKind.onlineDelivery:
        return this.online.onDelivery(target);
      case EventKind.promiseCheck:
        return this.online.onPromiseCheck(target, value);
      case EventKind.allocation:
        return this.onAllocation(target);
      case EventKind.horizon:
        this.countShared('horizon');
        this.recordPartialLastDay();
        this.closeLastReviewPeriods();
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

  // ----------------------------------------------------------------------------------------------
  // customer demand

  private scheduleArrival(stream: DemandStream): void {
    const next = stream.nextArrival(this.env.now);
    stream.pendingArrival = next <= this.horizon ? this.env.schedule(next, EventKind.customerArrival, stream.index, 0, Priority.normal) : -1;
  }

  private onCustomerArrival(streamIndex: number): void {
    if (this.steadyStream[streamIndex] === 1) return this.onSteadyArrival(streamIndex);
    const stream = this.demandStreams[streamIndex];
    stream.pendingArrival = -1;
    // schedule the successor first: it takes over the fired event's slot in the queue
    this.scheduleArrival(stream);
    const quantity = stream.fixedQuantity >= 0 ? stream.fixedQuantity : stream.quantity!.sample();
    if (quantity <= 0) return;
    const route = this.streamRoute[streamIndex];
    if (route >= 0) this.online.order(route, quantity, stream.customers);
    else this.customerDemand(this.stockPoints[stream.stockPoint], quantity, 1, stream.customers);
  }

  /**
   * `onCustomerArrival` for a steady stream, on the tables: the same draws and the same changes, but
   * a sale from the shelf (most arrivals) reads no object, so it costs no cache misses beyond the two
   * rows. Anything else (a short shelf, a queue) goes down the general path.
   */
  private onSteadyArrival(streamIndex: number): void {
    const streams = this.streamTable;
    const at = streamIndex * STREAM_ROW_WIDTH;
    const env = this.env;
    const now = env.now;
    const next = nextSteadyArrival(streams, at, now);
    // the successor takes over the fired event's slot in the queue
    streams[at + STREAM_FIELD.pendingArrival] = next <= this.horizon ? env.schedule(next, EventKind.customerArrival, streamIndex, 0, Priority.normal) : -1;
    const quantity = streams[at + STREAM_FIELD.fixedQuantity];
    const point = this.streamPoint[streamIndex];
    const row = point * POINT_ROW_WIDTH;
    if (!sellFromShelf(this.pointTable, row, now, quantity)) {
      return this.customerDemand(this.stockPoints[point], quantity, 1, this.demandStreams[streamIndex].customers);
    }
    if (policyMayOrder(this.pointTable, row)) this.reviewContinuous(this.stockPoints[point]);
  }

  private onPeriodDemand(): void {
    const now = this.env.now;
    const day = Math.round(now);
    for (const stream of this.periodDemandStreams) {
      const quantity = stream.dayQuantity(day);
      // each unit of per-period demand counts as one customer's purchase for churn decisions
      if (quantity > 0) this.customerDemand(this.stockPoints[stream.stockPoint], quantity, 0, stream.customers);
    }
    if (day + 1 < this.horizon) this.env.schedule(day + 1, EventKind.periodDemand, 0, 0, Priority.periodDemand);
  }

  /**
   * A customer order of `quantity` units at `point` (`customers` = 1), or a day's demand
   * (`customers` = 0: each unit is one customer's purchase). Served from the shelf when there is no
   * queue; what is short is lost or backordered, and the customers it was short for may leave.
   */
  private customerDemand(point: StockPoint, quantity: number, customers: number, base: CustomerBase | null): void {
    const now = this.env.now;
    point.accrue(now);
    const c = point.counters;
    c.demandUnits += quantity;
    const served = point.backlog.length === 0 ? Math.min(point.onHand, quantity) : 0;
    if (served > 0) {
      this.sell(point, served, customers);
      c.filledImmediatelyUnits += served;
    }
    const short = quantity - served;
    if (short > 1e-9) {
      point.cycleHadStockout = true;
      c.stockoutPenalties += short * point.stockoutPenalty;
      const disappointed = customers > 0 ? customers : Math.ceil(short - 1e-9);
      if (point.backorderCustomers) {
        // the order (or each unit of a day's demand) is delivered, and its wait counted, when filled
        point.owe(short, customers > 0 ? CUSTOMER : CUSTOMER_UNITS, now);
        c.backorderedUnits += short;
        if (customers === 0) c.deliveredOrders += served;
        if (base) this.disappoint(point, base, disappointed, base.churnOnBackorder, CAUSE.backorder);
      } else {
        // what could be served was delivered at once; the rest is lost
        c.lostUnits += short;
        c.deliveredOrders += customers > 0 ? (served > 0 ? customers : 0) : served;
        if (base) this.disappoint(point, base, disappointed, base.churnOnStockout, CAUSE.stockout);
      }
    } else {
      c.deliveredOrders += customers > 0 ? customers : quantity;
      // a shortfall of rounding dust (the shelf held 2.9999999999 of 3 units) is no stockout: the
      // order counts as served, and the dust it did not get is written off as lost, so units balance
      if (short > 0) c.lostUnits += short;
    }
    if (point.policy.reviewPeriod === 0) this.reviewContinuous(point);
    // the demand lowered the echelon position of every point above
    for (const above of point.echelonReviewers) this.reviewContinuous(above);
  }

  /** `customers` customers had a bad experience at `point`; some leave and their demand goes with them. */
  private disappoint(point: StockPoint, base: CustomerBase, customers: number, probability: number, cause: number): void {
    this.loseCustomers(point, base, base.decideDepartures(customers, probability), cause);
  }

  /** `leaving` customers of `base` leave for good, because of `cause` (CAUSE); their demand goes with them. */
  private loseCustomers(point: StockPoint, base: CustomerBase, leaving: number, cause: number): void {
    if (leaving === 0) return;
    const now = this.env.now;
    const oldFactor = base.demandFactor;
    base.active -= leaving;
    let expected = 0;
    for (const streamIndex of base.demandStreams) expected += this.demandStreams[streamIndex].expectedUnitsPerCustomer(now, this.horizon);
    const c = point.counters;
    c.customersChurned += leaving;
    c.demandLostToChurn += leaving * expected;
    c.churnCost += leaving * base.lifetimeValue;
    if (now >= this.windowStart) {
      base.churned += leaving;
      base.churnedBy[cause] += leaving;
      base.demandLostToChurn += leaving * expected;
    }
    this.rescheduleArrivals(base, oldFactor);
  }

  /** The base changed size (its demand factor was `oldFactor`), so its arrival rates changed. */
  private rescheduleArrivals(base: CustomerBase, oldFactor: number): void {
    const now = this.env.now;
    for (const streamIndex of base.demandStreams) {
      const stream = this.demandStreams[streamIndex];
      if (stream.kind !== 'arrivals') continue;
      if (stream.pendingArrival >= 0 && this.env.isPending(stream.pendingArrival)) this.env.cancel(stream.pendingArrival);
      const next = stream.rescheduledArrival(now, oldFactor);
      stream.pendingArrival = next <= this.horizon ? this.env.schedule(next, EventKind.customerArrival, stream.index, 0, Priority.normal) : -1;
    }
  }

  private scheduleNewCustomer(base: CustomerBase): void {
    if (base.newPerDay <= 0) return;
    const next = this.env.now + exponentialGap(base.arrivals()) / base.newPerDay;
    if (next <= this.horizon) this.env.schedule(next, EventKind.newCustomer, base.index, 0, Priority.normal);
  }

  private onNewCustomer(baseIndex: number): void {
    const base = this.customerBases[baseIndex];
    const oldFactor = base.demandFactor;
    base.active += 1;
    this.scheduleNewCustomer(base);
    this.rescheduleArrivals(base, oldFactor);
  }

  // ----------------------------------------------------------------------------------------------
  // replenishment

  private reviewContinuous(point: StockPoint): void {
    if (point.inventoryPosition > point.quietAbove || point.ended) return;
    const quantity = point.policy.orderQuantity(point);
    if (quantity > ORDER_EPSILON || quantity < -ORDER_EPSILON) this.placeOrder(point, quantity);
  }

  private onReview(index: number): void {
    const point = this.stockPoints[index];
    if (point.policy.reviewPeriod === 0) return this.reviewContinuous(point); // the first look, at time 0
    point.accrue(this.env.now);
    // a review period is a replenishment cycle for the cycle service level: it runs from one review
    // to the next. What came before the first review is in no review period: it is forgotten.
    if (this.env.now > point.policy.firstReview) this.closeReviewPeriod(point);
    else point.cycleHadStockout = false;
    const quantity = point.ended ? 0 : point.policy.orderQuantity(point);
    point.reviewStartDemand = point.counters.demandUnits;
    if (quantity > ORDER_EPSILON || quantity < -ORDER_EPSILON) this.placeOrder(point, quantity);
    const next = this.env.now + point.policy.reviewPeriod;
    if (next < this.horizon) this.env.schedule(next, EventKind.review, index, 0, Priority.review);
  }

  private closeCycle(point: StockPoint): void {
    point.counters.cycles++;
    if (point.cycleHadStockout) point.counters.cyclesWithStockout++;
    point.cycleHadStockout = false;
  }

  /**
   * A review period of `point` ends now, at a review or at the horizon. It counts in the window when
   * it overlaps it, as a whole: the period that ends at the warm-up's end (its review runs just after
   * the snapshot) lies in the warm-up, so the snapshot takes it in.
   */
  private closeReviewPeriod(point: StockPoint): void {
    const short = point.cycleHadStockout;
    this.closeCycle(point);
    const start = point.windowStart;
    if (start !== null && this.env.now === this.windowStart) {
      start[FIELD.cycles]++;
      if (short) start[FIELD.cyclesWithStockout]++;
    }
  }

  /** At the horizon: the review period of each periodic-review point still open ends there. */
  private closeLastReviewPeriods(): void {
    for (const point of this.stockPoints) {
      const policy = point.policy;
      // reviews ran at firstReview, firstReview + R, ... before the horizon: the last one opened a period
      if (policy.reviewPeriod > 0 && policy.firstReview < this.horizon) this.closeReviewPeriod(point);
    }
  }

  /** Releases an order of `quantity` (negative: a return upstream) from `point` to its supply. */
  private placeOrder(point: StockPoint, requested: number): void {
    const now = this.env.now;
    if (requested < 0) return this.returnUpstream(point, -requested);
    const quantity = point.roundOrder(requested);
    point.accrue(now);
    point.onOrder += quantity;
    point.recordOrder(quantity);
    const c = point.counters;
    c.orderedUnits += quantity;
    c.ordersPlaced++;
    c.orderingCost += point.orderingCost;
    const supply = point.supply;
    if (supply.upstream >= 0) this.downstreamOrder(this.stockPoints[supply.upstream], quantity, point.index);
    else this.gates[supply.supplier].send(quantity, point.index, this.shipNow);
  }

  /**
   * Units leave for stock point `to` over its lane: they arrive after processing and transit. At a
   * supplier with servers, the order first waits for a server (`onProcessingDone` ships it). An
   * outage at the supplier, or a capacity loss of its whole capacity, holds an order that finishes
   * processing during it until it ends.
   */
  private dispatchShipment(quantity: number, to: number): void {
    const supply = this.stockPoints[to].supply;
    if (supply.stage >= 0) {
      const server = this.stages[supply.stage].arrive(quantity, to);
      if (server >= 0) this.startProcessing(supply.stage, server, to);
      return;
    }
    if (supply.processing === null) return this.ship(quantity, to, 0, 0);
    const processing = supply.processing.sample();
    const ready = this.env.now + processing;
    this.ship(quantity, to, processing, this.gates[supply.supplier].leaveAfterOutages(ready) - ready);
  }

  /** `server` of production stage `stage` starts on an order for stock point `to`. */
  private startProcessing(stage: number, server: number, to: number): void {
    const processing = this.stockPoints[to].supply.processing!;
    this.env.schedule(this.env.now + processing.sample(), EventKind.processingDone, stage, server, Priority.normal);
  }

  /**
   * A server has processed its order: the order leaves (or, during an outage at the supplier or a loss
   * of its whole capacity, is held until it ends), and the server takes the next in line.
   */
  private onProcessingDone(stageIndex: number, server: number): void {
    const stage = this.stages[stageIndex];
    const quantity = stage.quantityAt(server);
    const to = stage.destinationAt(server);
    if (stage.finish(server)) this.startProcessing(stageIndex, server, stage.destinationAt(server));
    if (this.gates[this.stockPoints[to].supply.supplier].stopped) stage.hold(quantity, to);
    else this.ship(quantity, to, 0, 0);
  }

  /**
   * Units leave for stock point `to` over its lane after `processing` days at a supplier without
   * servers, then `held` days held there by an outage (or a loss of all capacity), then the transit time.
   */
  private ship(quantity: number, to: number, processing: number, held: number): void {
    const now = this.env.now;
    const point = this.stockPoints[to];
    const supply = point.supply;
    const lane = this.lanes[supply.lane];
    const delay = supply.leadTime.sample() * lane.leadTimeMultiplier + processing + held;
    // a promise to an online customer counts on the shipment's expected arrival, not its actual one
    // (nor on an outage that had not started when the order left the gate)
    if (point.servesOnline) point.expectIncoming(now + supply.leadTime.mean * lane.leadTimeMultiplier + processing, quantity);
    point.accrue(now);
    point.pipeline += quantity;
    point.counters.transportCost += lane.costPerShipment + lane.costPerUnit * quantity;
    if (point.inbound !== null && supply.upstream >= 0) {
      // the units the upstream point took for this one travel as they are, lots and all
      const consignment = this.consignments.open(to, CONSIGNMENT.delivery);
      point.inbound.take(quantity, 'fifo', this.consignments.list(consignment));
      this.env.schedule(now + delay, EventKind.consignmentArrival, consignment, quantity, Priority.normal);
      return;
    }
    this.env.schedule(now + delay, EventKind.receipt, to, quantity, Priority.normal);
  }

  private onReceipt(index: number, quantity: number): void {
    this.receive(this.stockPoints[index], quantity, null);
  }

  /** A shipment of `quantity` reaches `point`: from a supplier (a new lot), or `pieces` of lots. */
  private receive(point: StockPoint, quantity: number, pieces: LotList | null): void {
    point.accrue(this.env.now);
    point.pipeline -= quantity;
    point.onOrder -= quantity;
    point.put(quantity);
    if (point.servesOnline) point.crossOffIncoming(quantity);
    if (point.lots !== null) {
      if (pieces !== null) this.shelve(point, pieces);
      else this.addLot(point, quantity);
    }
    if (point.care !== NO_CARE) this.purgeShelf(point);
    if (point.supply.supplier >= 0) point.counters.purchaseCost += quantity * point.unitCost;
    // under continuous review a cycle ends when an order has arrived in full (a split order closes one)
    const completed = point.recordReplenishment(quantity);
    if (point.policy.reviewPeriod === 0) for (let i = 0; i < completed; i++) this.closeCycle(point);
    this.serveBacklog(point);
    if (point.policy.reviewPeriod === 0) this.reviewContinuous(point);
  }

  /** An order from downstream point `from` reaches upstream point `point`. */
  private downstreamOrder(point: StockPoint, quantity: number, from: number): void {
    const now = this.env.now;
    point.accrue(now);
    const c = point.counters;
    c.demandUnits += quantity;
    c.internalDemandUnits += quantity;
    if (point.allocation !== null) {
      // under an allocation rule the order waits for the instant's allocation, with the others placed now
      point.owe(quantity, from, now, 1);
      this.scheduleAllocation(point);
      if (point.policy.reviewPeriod === 0) this.reviewContinuous(point);
      return;
    }
    const canShip = point.backlog.length === 0 && (point.shipComplete ? point.onHand >= quantity : point.onHand > 0);
    const shipped = canShip ? Math.min(point.onHand, quantity) : 0;
    if (shipped > 0) {
      this.issueTo(point, shipped, from);
      c.filledImmediatelyUnits += shipped;
      c.internalFilledImmediatelyUnits += shipped;
      this.shipFromWarehouse(point, shipped, from);
    }
    const short = quantity - shipped;
    if (short > 0) {
      // a downstream point's order waits; the customer penalty is charged where customers are short
      // (rounding dust is owed too, or the point below would wait for it for ever, but is no stockout)
      if (short > 1e-9) point.cycleHadStockout = true;
      c.backorderedUnits += short;
      point.owe(short, from, now);
    }
    if (point.policy.reviewPeriod === 0) this.reviewContinuous(point);
  }

  private shipFromWarehouse(point: StockPoint, quantity: number, to: number): void {
    this.gates[point.gate].send(quantity, to, this.shipNow);
  }

  /** Serves what `point` owes, first come first served, from what it has on hand. */
  private serveBacklog(point: StockPoint): void {
    if (point.allocation !== null) return this.scheduleAllocation(point);
    const now = this.env.now;
    const backlog = point.backlog;
    while (backlog.length > 0 && point.onHand > 1e-9) {
      const owed = backlog.frontQuantity();
      const requester = backlog.frontRequester();
      if (requester >= 0 && point.shipComplete && point.onHand + 1e-9 < owed) break;
      const part = Math.min(owed, point.onHand);
      const since = backlog.frontSince();
      if (requester >= 0) this.issueTo(point, part, requester);
      else this.sell(point, part, requester === CUSTOMER || requester <= ONLINE_BASE ? 1 : 0);
      point.serveOwed(part);
      this.owedPartFilled(point, requester, part, owed, since, now);
    }
  }

  /**
   * Counts `part` of an owed entry (`owed` units, waiting since `since`) as filled from backorder and
   * sends it on: a downstream point's part ships, an online order's part leaves once the order is
   * complete, a customer's order is delivered when filled in full. Shared by first come first served
   * (serveBacklog) and the other allocation rules (allocate).
   */
  private owedPartFilled(point: StockPoint, requester: number, part: number, owed: number, since: number, now: number): void {
    const c = point.counters;
    c.filledFromBackorderUnits += part;
    if (requester === CUSTOMER) {
      c.customerFilledFromBackorderUnits += part;
      if (part >= owed - 1e-9) {
        c.deliveredOrders++;
        c.totalWaitDays += now - since;
      }
    } else if (requester === CUSTOMER_UNITS) {
      c.customerFilledFromBackorderUnits += part;
      c.deliveredOrders += part;
      c.totalWaitDays += part * (now - since);
    } else if (requester <= ONLINE_BASE) {
      // an online order's part leaves once it is complete; it is delivered (and counted) later
      c.customerFilledFromBackorderUnits += part;
      this.online.partServed(point, ONLINE_BASE - requester, part, part >= owed - 1e-9);
    } else {
      this.shipFromWarehouse(point, part, requester);
    }
  }

  /** Asks for an allocation at `point` at the current instant, after everything else at it (once). */
  private scheduleAllocation(point: StockPoint): void {
    if (point.allocationPending || point.backlog.length === 0) return;
    point.allocationPending = true;
    this.env.schedule(this.env.now, EventKind.allocation, point.index, 0, Priority.allocation);
  }

  private onAllocation(index: number): void {
    const point = this.stockPoints[index];
    point.allocationPending = false;
    point.accrue(this.env.now);
    this.allocate(point);
    if (point.policy.reviewPeriod === 0) this.reviewContinuous(point);
  }

  /**
   * Shares what `point` has on hand among those it owes, by its allocation rule, once every order of
   * the instant is in (so orders placed at the same instant are not served in the order placed):
   *
   * - fairShare: each is served the same fraction of what it is owed, on hand / total owed (capped at
   *   1), in fractional units; the last share takes exactly what is left, so units are conserved;
   * - priority: in rank order (lower first; unranked after every rank), first come first served within
   *   a rank; under shortageShipping "complete" a downstream order that cannot be shipped in full stops
   *   the allocation there, as the front of a first-come-first-served line does.
   *
   * An order placed at this instant and served at once counts as filled immediately; what it is not
   * served is backordered, as under first come, first served.
   */
  private allocate(point: StockPoint): void {
    const now = this.env.now;
    const backlog = point.backlog;
    const count = backlog.length;
    const rule = point.allocation!;
    const shares = new Float64Array(count);
    const order: number[] = [];
    for (let i = 0; i < count; i++) order.push(i);
    let left = point.onHand;
    if (rule.type === 'fairShare') {
      let owed = 0;
      let last = -1;
      for (let i = 0; i < count; i++) {
        owed += backlog.quantityAt(i);
        if (backlog.quantityAt(i) > 0) last = i;
      }
      const fraction = owed <= left ? 1 : left / owed;
      for (let i = 0; i < count && left > 1e-12; i++) {
        const quantity = backlog.quantityAt(i);
        shares[i] = Math.min(quantity, i === last ? left : quantity * fraction, left);
        left -= shares[i];
      }
    } else {
      const rank = (i: number) => {
        const requester = backlog.requesterAt(i);
        return requester >= 0 ? (rule.rankOfPoint.get(requester) ?? Infinity) : rule.customerRank;
      };
      const ranks = order.map(rank);
      order.sort((a, b) => (ranks[a] === ranks[b] ? a - b : ranks[a] < ranks[b] ? -1 : 1));
      for (const i of order) {
        if (left <= 1e-9) break;
        const quantity = backlog.quantityAt(i);
        if (backlog.requesterAt(i) >= 0 && point.shipComplete && left + 1e-9 < quantity) break;
        shares[i] = Math.min(quantity, left);
        left -= shares[i];
      }
    }
    const c = point.counters;
    for (const i of order) {
      const owed = backlog.quantityAt(i);
      const requester = backlog.requesterAt(i);
      const part = shares[i];
      if (backlog.freshAt(i)) {
        // an order of this instant (from a downstream point): filled at once as far as it is served
        if (part > 0) {
          this.issueTo(point, part, requester);
          c.filledImmediatelyUnits += part;
          c.internalFilledImmediatelyUnits += part;
        }
        const short = owed - part;
        if (short > 0) {
          if (short > 1e-9) point.cycleHadStockout = true;
          c.backorderedUnits += short;
        }
        point.serveOwedAt(i, part);
        if (part > 0) this.shipFromWarehouse(point, part, requester);
        continue;
      }
      if (part <= 0) continue;
      const since = backlog.sinceAt(i);
      if (requester >= 0) this.issueTo(point, part, requester);
      else this.sell(point, part, requester === CUSTOMER || requester <= ONLINE_BASE ? 1 : 0);
      point.serveOwedAt(i, part);
      this.owedPartFilled(point, requester, part, owed, since, now);
    }
    point.compactOwed();
  }

  /** A negative order: units go back to the supply (a supplier takes them, an upstream point restocks them). */
  private returnUpstream(point: StockPoint, requested: number): void {
    const now = this.env.now;
    const quantity = Math.min(requested, point.onHand);
    if (quantity <= 0) return;
    point.accrue(now);
    point.onHand -= quantity;
    point.counters.orderedUnits -= quantity;
    point.counters.returnedUnits += quantity;
    const supply = point.supply;
    const lane = this.lanes[supply.lane];
    point.counters.transportCost += lane.costPerShipment + lane.costPerUnit * quantity;
    // a supplier takes the units back for good; an upstream point restocks them, lots and all
    const consignment = point.lots !== null && supply.upstream >= 0 ? this.consignments.open(supply.upstream, CONSIGNMENT.returnUpstream) : -1;
    point.lots?.take(quantity, point.issuing, consignment >= 0 ? this.consignments.list(consignment) : null);
    if (supply.upstream >= 0) {
      const delay = supply.leadTime.sample() * lane.leadTimeMultiplier;
      if (consignment >= 0) this.env.schedule(now + delay, EventKind.consignmentArrival, consignment, quantity, Priority.normal);
      else this.env.schedule(now + delay, EventKind.returnReceipt, supply.upstream, quantity, Priority.normal);
    }
  }

  private onReturnReceipt(index: number, quantity: number, pieces: LotList | null = null): void {
    const point = this.stockPoints[index];
    point.accrue(this.env.now);
    point.put(quantity);
    if (point.lots !== null && pieces !== null) this.shelve(point, pieces);
    if (point.care !== NO_CARE) this.purgeShelf(point);
    this.serveBacklog(point);
    if (point.policy.reviewPeriod === 0) this.reviewContinuous(point);
  }

  // ----------------------------------------------------------------------------------------------
  // days, warm-up, disruptions

  /** At time `day`: record day `day - 1`, open day `day`. */
  private onDayBoundary(day: number): void {
    const now = this.env.now;
    const recordedDay = day - 1;
    const inWindow = recordedDay >= this.windowStart - 1e-9;
    const series = this.series;
    for (const point of this.stockPoints) {
      point.accrue(now);
      if (point.care.damagePerDay > 0) this.damage(point);
      if (point.visibility !== null) this.shrinkAndCount(point, day);
      point.closeDay();
      if (inWindow) {
        // only whole days of the window, as for the roll-ups (a fractional warm-up splits a day)
        const c = point.counters;
        c.bullwhipDays++;
        c.dailyOrderSum += point.lastDayOrdered;
        c.dailyOrderSumSquares += point.lastDayOrdered * point.lastDayOrdered;
        c.dailyDemandSum += point.lastDayDemand;
        c.dailyDemandSumSquares += point.lastDayDemand * point.lastDayDemand;
      }
      const policy = point.policy;
      if (policy.reviewPeriod > 0 && Number.isInteger(policy.reviewPeriod) && (day - policy.firstReview) % policy.reviewPeriod === 0 && day > policy.firstReview) {
        this.endOfPeriod(point);
      }
      series.recordStockPoint(recordedDay, point);
    }
    if (inWindow) this.rollupDaily.closeDay(this.stockPoints);
    series.recordCustomers(recordedDay, this.customerBases);
    if (this.zones.length > 0) series.recordOnline(recordedDay, this.zones);
    // a new day's capacity; at the horizon there is no new day to ship in
    for (let g = 0; g < this.gates.length && day < this.horizon; g++) {
      const gate = this.gates[g];
      gate.usedToday = 0;
      if (gate.hasWaiting) gate.release(this.shipNow);
    }
    if (day + 1 <= this.days) this.env.schedule(day + 1, EventKind.dayBoundary, day + 1, 0, Priority.dayBoundary);
  }

  /**
   * At the horizon. A fractional horizon ends inside a day: that partial day is recorded as it stands
   * (its demand, sales, orders and receipts so far, the levels now), so the daily series covers the
   * whole run. Damage, shrinkage, counts, end-of-period measures and the bullwhip's daily sums stay
   * with whole days (day boundaries).
   */
  private recordPartialLastDay(): void {
    if (!(this.horizon < this.days)) return;
    const now = this.env.now;
    const day = this.days - 1;
    const series = this.series;
    for (const point of this.stockPoints) {
      point.accrue(now);
      point.closeDay();
      series.recordStockPoint(day, point);
    }
    series.recordCustomers(day, this.customerBases);
    if (this.zones.length > 0) series.recordOnline(day, this.zones);
  }

  /** End of a review period: the textbook's end-of-period state and cost. */
  private endOfPeriod(point: StockPoint): void {
    const period = point.policy.reviewPeriod;
    const backorders = point.backorders;
    const c = point.counters;
    c.periods++;
    c.endOfPeriodOnHandSum += point.onHand;
    c.endOfPeriodBackordersSum += backorders;
    c.periodCostSum +=
      point.holdingCostPerDay * period * point.onHand +
      (point.customerFacing ? point.backorderCostPerDay * period * backorders : 0) +
      point.stockoutPenalty * (c.lostUnits - point.periodStartLost) +
      point.orderingCost * (c.ordersPlaced - point.periodStartOrders);
    point.periodStartLost = c.lostUnits;
    point.periodStartOrders = c.ordersPlaced;
  }

  private onWarmupEnd(): void {
    const now = this.env.now;
    this.windowStart = now;
    const windowDays = this.horizon - now;
    for (const point of this.stockPoints) point.startWindow(now, windowDays);
    for (const base of this.customerBases) {
      base.churned = 0;
      base.churnedBy.fill(0);
      base.demandLostToChurn = 0;
    }
    this.series.restartOnline(this.zones);
    for (const zone of this.zones) zone.reset();
    this.rollupDaily.restart();
  }

  private onDisruption(index: number, starting: boolean): void {
    const window = this.disruptions[index];
    const effect = window.effect;
    switch (effect.type) {
      case 'outage':
        this.gates[effect.gate].outages += starting ? 1 : -1;
        break;
      case 'capacity':
        this.gates[effect.gate].applyCapacityShare(effect.share, starting);
        break;
      case 'delivery':
        this.online.delay(effect.zone, effect.multiplier, starting);
        break;
      case 'leadTime':
        for (const lane of effect.lanes) {
          if (starting) this.lanes[lane].leadTimeMultiplier *= effect.multiplier;
          else this.lanes[lane].leadTimeMultiplier /= effect.multiplier;
        }
        break;
    }
    if (starting) {
      if (window.end <= this.horizon) this.env.schedule(window.end, EventKind.disruptionEnd, index, 0, Priority.normal);
    } else if (effect.type === 'outage' || effect.type === 'capacity') {
      const gate = this.gates[effect.gate];
      // what servers finished during the outage (or the loss of all capacity) leaves first, in the
      // order it finished, once nothing stops the node any more
      if (!gate.stopped) {
        for (const stage of this.stages) if (stage.node === gate.node && stage.heldUnits > 0) stage.releaseHeld(this.shipHeld);
      }
      if (gate.hasWaiting) gate.release(this.shipNow);
    }
  }

  // ----------------------------------------------------------------------------------------------
  // lots, expiry, damage, end of life, customer returns, recalls

  /** Units leave `point`'s shelf for customers (`customers` = 1: one order; 0: each unit is one). */
  private sell(point: StockPoint, quantity: number, customers: number): void {
    point.take(quantity);
    if (point.lots === null && point.care.returns === null) return;
    const sale = this.sale;
    if (point.lots !== null) {
      sale.begin(point, this.env.now);
      point.lots.take(quantity, point.issuing, sale);
      sale.end(customers);
    }
    if (point.care.returns !== null) this.sendReturns(point, quantity);
  }

  /** Units leave `point`'s shelf for stock point `to` (its lots wait in `to`'s inbound list until shipped). */
  private issueTo(point: StockPoint, quantity: number, to: number): void {
    point.take(quantity);
    if (point.lots !== null) point.lots.take(quantity, point.issuing, this.stockPoints[to].inbound);
  }

  /** A new lot of `quantity` from `point`'s supplier, received now, on its shelf. */
  private addLot(point: StockPoint, quantity: number): void {
    const now = this.env.now;
    const supplier = point.supply.supplier;
    let recalls = 0;
    for (let r = 0; r < this.recalls.length; r++) {
      const recall = this.recalls[r];
      if (recall.supplier === supplier && recall.products.has(point.product) && now >= recall.receivedFrom && now < recall.receivedTo) recalls |= 1 << r;
    }
    const lot = this.lots.create(supplier, now, point.care.shelfLifeDays, recalls, quantity);
    point.lots!.piece(lot, quantity);
    this.scheduleExpiry(point, lot);
  }

  /** Moves `pieces` onto `point`'s shelf (the units are already counted in its on hand). */
  private shelve(point: StockPoint, pieces: LotList): void {
    for (let i = 0; i < pieces.pieces; i++) this.scheduleExpiry(point, pieces.lotAt(i));
    pieces.drainInto(point.lots!);
  }

  private scheduleExpiry(point: StockPoint, lot: number): void {
    const expiry = this.lots.expiresAt[lot];
    // a lot already past its date is purged at once by the caller (purgeShelf)
    if (expiry > this.env.now && expiry < this.horizon) this.env.schedule(expiry, EventKind.lotExpiry, point.index, 0, Priority.normal);
  }

  /**
   * After units reach `point`'s shelf: a product whose demand has ended is sold off; units past their
   * date expire; units of recalls already announced are removed.
   */
  private purgeShelf(point: StockPoint): void {
    if (point.ended) return this.sellOff(point);
    if (point.lots === null) return;
    const expired = point.lots.expire(this.env.now);
    if (expired > 0) {
      point.onHand -= expired;
      point.counters.expiredUnits += expired;
    }
    if (this.announcedRecalls !== 0) this.removeRecalled(point, this.announcedRecalls);
  }

  private onLotExpiry(index: number): void {
    const point = this.stockPoints[index];
    point.accrue(this.env.now);
    const expired = point.lots!.expire(this.env.now);
    if (expired <= 0) return;
    point.onHand -= expired;
    point.counters.expiredUnits += expired;
    this.positionFell(point);
  }

  /** The position fell (demand, expiry, damage, a recall...): the policy may order, and so may points above reading the echelon. */
  private positionFell(point: StockPoint): void {
    if (point.policy.reviewPeriod === 0) this.reviewContinuous(point);
    for (const above of point.echelonReviewers) this.reviewContinuous(above);
  }

  /** A consignment of lot pieces arrives: a delivery, or a return from a point below. */
  private onConsignmentArrival(id: number, quantity: number): void {
    const consignments = this.consignments;
    const point = this.stockPoints[consignments.destination(id)];
    if (consignments.kind(id) === CONSIGNMENT.delivery) this.receive(point, quantity, consignments.list(id));
    else this.onReturnReceipt(point.index, quantity, consignments.list(id));
    consignments.close(id);
  }

  /** The day's damage at `point`: each unit on hand is hit with the product's daily probability (see hitOnShelf). */
  private damage(point: StockPoint): void {
    const damaged = this.hitOnShelf(point, point.care.damagePerDay, point.care.damage!);
    if (damaged === 0) return;
    point.counters.damagedUnits += damaged;
    this.positionFell(point);
  }

  /**
   * Removes from `point`'s shelf the units an event of daily probability `probability` per unit hits
   * today (damage, shrinkage), wherever they sit in its lots; returns how many. Each whole unit on the
   * shelf is hit independently; a fractional remainder (the 0.5 of 3.5 units on hand) is hit whole or
   * not at all, with the same probability, so that p × on hand units are hit on average and what
   * leaves the lots is exactly what leaves the shelf. Whole stock draws as it always did.
   */
  private hitOnShelf(point: StockPoint, probability: number, draws: RandomStream): number {
    const onHand = point.onHand;
    const whole = Math.floor(onHand + 1e-9);
    const wholeHit = binomial(whole, probability, draws);
    const remainder = onHand - whole;
    const remainderHit = remainder > 1e-9 && probability > 0 && draws() < probability ? remainder : 0;
    if (wholeHit === 0 && remainderHit === 0) return 0;
    if (point.lots !== null) point.lots.removeAtPositions(wholeHit, draws, remainderHit);
    // whole is onHand to rounding (2.9999999999 units hold 3 whole ones): never below an empty shelf
    const hit = Math.min(wholeHit + remainderHit, onHand);
    point.onHand = onHand - hit;
    return hit;
  }

  /**
   * The day's shrinkage at `point`: units vanish from the shelf and the record does not know, so the
   * policy still counts them. A count (every `countEveryDays`, daily with real-time visibility) finds
   * the gap; its result reaches the record after `countDelayDays`.
   */
  private shrinkAndCount(point: StockPoint, day: number): void {
    const visibility = point.visibility!;
    const shrunk = this.hitOnShelf(point, visibility.shrinkagePerDay, visibility.draws);
    if (shrunk > 0) {
      point.phantom += shrunk;
      point.counters.shrunkUnits += shrunk;
    }
    // what earlier counts found is already on its way to the record
    const gap = point.phantom - visibility.foundInFlight;
    if (day % visibility.countEveryDays !== 0 || gap <= 1e-9) return;
    if (visibility.countDelayDays === 0) return this.onCountResult(point.index, gap);
    visibility.foundInFlight += gap;
    this.env.schedule(this.env.now + visibility.countDelayDays, EventKind.countResult, point.index, gap, Priority.normal);
  }

  /** A count found `gap` units the record had and the shelf did not: the record drops them, and the policy sees the truth. */
  private onCountResult(index: number, gap: number): void {
    const point = this.stockPoints[index];
    const visibility = point.visibility!;
    if (visibility.countDelayDays > 0) visibility.foundInFlight -= gap;
    point.accrue(this.env.now);
    // losses after the count are still unknown; what it found may already be cleared (end of life)
    point.phantom = Math.max(0, point.phantom - gap);
    this.positionFell(point);
  }

  /** Some of the units just sold will come back, after a delay. */
  private sendReturns(point: StockPoint, quantity: number): void {
    const returns = point.care.returns!;
    const whole = Math.floor(quantity + 1e-9);
    let returned = binomial(whole, returns.fraction, returns.decisions);
    // a fractional remainder (continuous demand) comes back whole or not at all
    if (quantity - whole > 1e-9 && returns.decisions() < returns.fraction) returned += quantity - whole;
    if (returned <= 0) return;
    const id = this.consignments.open(point.index, CONSIGNMENT.customerReturn);
    // the units that come back are the first pieces of the sale
    if (point.lots !== null) this.sale.sold.take(returned, 'fifo', this.consignments.list(id));
    this.env.schedule(this.env.now + returns.delay.sample(), EventKind.customerReturn, id, returned, Priority.normal);
  }

  /** Returned units reach the point that sold them: a share is reconditioned and restocked, the rest scrapped. */
  private onCustomerReturn(id: number, quantity: number): void {
    const point = this.stockPoints[this.consignments.destination(id)];
    const returns = point.care.returns!;
    point.accrue(this.env.now);
    const whole = Math.floor(quantity + 1e-9);
    let restocked = binomial(whole, returns.restockShare, returns.decisions);
    if (quantity - whole > 1e-9 && returns.decisions() < returns.restockShare) restocked += quantity - whole;
    const scrapped = quantity - restocked;
    const c = point.counters;
    c.customerReturnedUnits += quantity;
    c.restockedUnits += restocked;
    c.scrappedUnits += scrapped;
    c.returnsCost += restocked * returns.reconditionCostPerUnit + scrapped * returns.scrapCostPerUnit;
    if (point.price !== null) c.refunds += quantity * point.price;
    if (restocked > 0) {
      point.onHand += restocked;
      if (point.lots !== null) {
        const pieces = this.consignments.list(id);
        pieces.take(pieces.total - restocked, 'lifo', null);
        this.shelve(point, pieces);
      }
      if (point.care !== NO_CARE) this.purgeShelf(point);
      this.serveBacklog(point);
      if (point.policy.reviewPeriod === 0) this.reviewContinuous(point);
    }
    this.consignments.close(id);
  }

  private onRecall(index: number): void {
    const bit = 1 << index;
    this.announcedRecalls |= bit;
    const products = this.recalls[index].products;
    for (const point of this.stockPoints) {
      if (point.lots === null || !products.has(point.product)) continue;
      point.accrue(this.env.now);
      if (this.removeRecalled(point, bit) > 0) this.positionFell(point);
    }
  }

  /** Removes the units of the recalls in `mask` from `point`'s shelf; returns how many. */
  private removeRecalled(point: StockPoint, mask: number): number {
    const recalls = this.lots.recalls;
    const removed = point.lots!.removeWhere((lot) => (recalls[lot] & mask) !== 0, this.recallCount);
    if (removed <= 0) return 0;
    point.onHand -= removed;
    point.counters.recalledUnits += removed;
    return removed;
  }

  /** Adds each removed piece to the outcome of the recalls its lot falls in. */
  private readonly recallCount: PieceSink = {
    piece: (lot, quantity) => {
      const recalls = this.lots.recalls[lot];
      for (let r = 0; r < this.recalls.length; r++) if ((recalls & (1 << r)) !== 0) this.recallOutcomes[r].unitsRemoved += quantity;
    },
  };

  /** The product's demand ends: its points order nothing more and sell off what they hold. */
  private onEndOfLife(product: number): void {
    for (const point of this.stockPoints) {
      if (point.product !== product) continue;
      point.ended = true;
      point.accrue(this.env.now);
      this.sellOff(point);
    }
  }

  /** Every unit on `point`'s shelf is sold off at the salvage value (counted as obsolete). */
  private sellOff(point: StockPoint): void {
    const units = point.onHand;
    point.phantom = 0;
    if (units <= 0) return;
    point.onHand = 0;
    point.lots?.clear();
    point.counters.obsoleteUnits += units;
  }

  private finish(): void {
    for (const point of this.stockPoints) point.accrue(this.horizon);
  }


}

export type { RandomStream };

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
