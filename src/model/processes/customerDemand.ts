import type { Environment } from '../../kernel/environment.ts';
import { EventKind, Priority } from '../eventKinds.ts';
import { CUSTOMER, CUSTOMER_UNITS } from '../backorderQueue.ts';
import { policyMayOrder, sellFromShelf, type StockPoint } from '../stockPoint.ts';
import { CAUSE, type CustomerBase } from '../customerBase.ts';
import { DemandStream, nextSteadyArrival, STREAM_FIELD, STREAM_ROW_WIDTH } from '../demandStream.ts';
import { demandStreamKey, stockPointKey } from '../../scenario/references.ts';
import { createSampler } from '../../random/distributions/sampler.ts';
import { buildDemandProfile, cumulativeProfile } from '../demandProfile.ts';
import { drawWindows } from '../occurrences.ts';
import { RowTable } from '../rowTable.ts';
import { meanOrdersPerDay } from '../demandMoments.ts';
import type { BuildContext } from './buildContext.ts';
import { POINT_ROW_WIDTH } from '../counters.ts';
import type { OnlineFulfilment } from './onlineFulfilment.ts';
import type { CustomerDelivery, DeliveryTerms } from './customerDelivery.ts';
import type { ModelTables } from './modelTables.ts';
import type { Processes } from './processes.ts';
import type { CustomerChurn } from './customerChurn.ts';
import type { CustomerSale } from './customerSale.ts';
import type { Replenishment } from './replenishment.ts';

/**
 * Customer demand: customers arrive one by one (arrival streams) or as a day's quantity (per-period
 * and history streams) and buy at their stock point, or order online (onlineFulfilment.ts). What the
 * shelf cannot serve is lost or backordered, and the customers it was short for may leave
 * (customerChurn.ts).
 *
 * The hot path (a customer arrival served from stock) allocates nothing: events are integers in the
 * kernel's typed arrays, and the numbers it touches are rows of two tables (stock points, demand
 * streams) that it indexes without fetching the objects (see rowTable.ts).
 */
export class CustomerDemand {
  private readonly env: Environment;
  private readonly horizon: number;
  private readonly stockPoints: StockPoint[];
  private readonly demandStreams: DemandStream[];
  private readonly pointTable: Float64Array;
  private readonly streamTable: Float64Array;
  private readonly periodDemandStreams: DemandStream[];
  /** per demand stream: 1 when it is steady (see DemandStream.steady) */
  private readonly steadyStream: Uint8Array;
  /** per demand stream: the index of its stock point */
  private readonly streamPoint: Int32Array;
  /** per demand stream: its route (online zone demand), or -1 */
  private readonly streamRoute: Int32Array;
  private replenishment!: Replenishment;
  private churn!: CustomerChurn;
  private sale!: CustomerSale;
  private online!: OnlineFulfilment;
  private delivery!: CustomerDelivery;

  constructor(tables: ModelTables, streamRoutes: number[]) {
    this.env = tables.env;
    this.horizon = tables.horizon;
    this.stockPoints = tables.stockPoints;
    this.demandStreams = tables.demandStreams;
    this.pointTable = tables.pointTable;
    this.streamTable = tables.streamTable;
    this.periodDemandStreams = tables.demandStreams.filter((s) => s.kind !== 'arrivals');
    // the fast path does not ask points above about their echelon position, nor sells from lots or
    // sends returns on their way
    this.steadyStream = Uint8Array.from(tables.demandStreams, (stream) => {
      if (stream.stockPoint < 0) return 0;
      const point = tables.stockPoints[stream.stockPoint];
      return stream.steady && point.echelonReviewers.length === 0 && point.lots === null && point.care.returns === null ? 1 : 0;
    });
    this.streamPoint = Int32Array.from(tables.demandStreams, (stream) => stream.stockPoint);
    this.streamRoute = Int32Array.from(streamRoutes);
  }

  connect(processes: Processes): void {
    this.replenishment = processes.replenishment;
    this.churn = processes.churn;
    this.sale = processes.sale;
    this.online = processes.online;
    this.delivery = processes.delivery;
  }

  /** The first arrival of each arrival stream, and the first day's per-period demand. */
  start(): void {
    for (const stream of this.demandStreams) {
      if (stream.kind === 'arrivals') this.scheduleArrival(stream);
    }
    if (this.periodDemandStreams.length > 0) this.env.schedule(0, EventKind.periodDemand, 0, 0, Priority.periodDemand);
  }

  private scheduleArrival(stream: DemandStream): void {
    const next = stream.nextArrival(this.env.now);
    stream.pendingArrival = next <= this.horizon ? this.env.schedule(next, EventKind.customerArrival, stream.index, 0, Priority.normal) : -1;
  }

  onCustomerArrival(streamIndex: number): void {
    if (this.steadyStream[streamIndex] === 1) return this.onSteadyArrival(streamIndex);
    const stream = this.demandStreams[streamIndex];
    stream.pendingArrival = -1;
    // schedule the successor first: it takes over the fired event's slot in the queue
    this.scheduleArrival(stream);
    const quantity = stream.fixedQuantity >= 0 ? stream.fixedQuantity : stream.quantity!.sample();
    if (quantity <= 0) return;
    const route = this.streamRoute[streamIndex];
    if (route >= 0) this.online.order(route, quantity, stream.customers);
    else this.customerDemand(this.stockPoints[stream.stockPoint], quantity, 1, stream.customers, streamIndex);
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
      return this.customerDemand(this.stockPoints[point], quantity, 1, this.demandStreams[streamIndex].customers, streamIndex);
    }
    if (policyMayOrder(this.pointTable, row)) this.replenishment.reviewContinuous(this.stockPoints[point]);
  }

  onPeriodDemand(): void {
    const now = this.env.now;
    const day = Math.round(now);
    for (const stream of this.periodDemandStreams) {
      if (stream.kind === 'orders') {
        this.dayOfOrders(stream, day);
        continue;
      }
      const quantity = stream.dayQuantity(day);
      // each unit of per-period demand counts as one customer's purchase for churn decisions
      if (quantity > 0) this.customerDemand(this.stockPoints[stream.stockPoint], quantity, 0, stream.customers, stream.index);
    }
    if (day + 1 < this.horizon) this.env.schedule(day + 1, EventKind.periodDemand, 0, 0, Priority.periodDemand);
  }

  /** The day's customer orders of an `orders` stream, one after another, each one customer's (an order of size 0 is none). */
  private dayOfOrders(stream: DemandStream, day: number): void {
    const orders = stream.dayOrders(day);
    const point = this.stockPoints[stream.stockPoint];
    for (let k = 0; k < orders; k++) {
      const size = stream.fixedQuantity >= 0 ? stream.fixedQuantity : stream.quantity!.sample();
      if (size > 0) this.customerDemand(point, size, 1, stream.customers, stream.index);
    }
  }

  /**
   * A customer order of `quantity` units at `point` (`customers` = 1), or a day's demand
   * (`customers` = 0: each unit is one customer's purchase). Served from the shelf when there is no
   * queue; what is short is lost or backordered, and the customers it was short for may leave. An
   * order (`customers` = 1) of demand stream `stream` ships to its customer when complete, or with
   * what the shelf could give when the rest is lost (customerDelivery.ts).
   */
  private customerDemand(point: StockPoint, quantity: number, customers: number, base: CustomerBase | null, stream: number): void {
    const now = this.env.now;
    point.accrue(now);
    const c = point.counters;
    c.demandUnits += quantity;
    if (customers > 0) c.customerOrders++;
    const served = point.backlog.length === 0 ? Math.min(point.onHand, quantity) : 0;
    if (served > 0) {
      this.sale.sell(point, served, customers);
      c.filledImmediatelyUnits += served;
    }
    const short = quantity - served;
    if (short > 1e-9) {
      point.cycleHadStockout = true;
      c.stockoutPenalties += short * point.stockoutPenalty;
      const disappointed = customers > 0 ? customers : Math.ceil(short - 1e-9);
      c.customersShort += disappointed;
      if (point.backorderCustomers) {
        // the order (or each unit of a day's demand) is delivered, and its wait counted, when filled;
        // an order with delivery terms waits under its own requester, which says how it is delivered
        const requester = customers === 0 ? CUSTOMER_UNITS : this.demandStreams[stream].delivery !== null ? this.delivery.waiting(stream, quantity) : CUSTOMER;
        point.owe(short, requester, now);
        c.backorderedUnits += short;
        c.customerBackorderedUnits += short;
        if (customers === 0) {
          c.deliveredOrders += served;
          c.deliveredOrdersOffFastPath += served;
        }
        if (base) this.churn.disappoint(point, base, disappointed, base.churnOnBackorder, CAUSE.backorder);
      } else {
        // what could be served was delivered at once; the rest is lost
        c.lostUnits += short;
        c.deliveredOrders += customers > 0 ? (served > 0 ? customers : 0) : served;
        c.deliveredOrdersOffFastPath += customers > 0 ? (served > 0 ? customers : 0) : served;
        // the order ships what it got, incomplete, or is lost outright
        if (customers > 0) {
          if (served > 0) this.delivery.ship(point, stream, now, served, false);
          else this.delivery.lost(point);
        }
        if (base) this.churn.disappoint(point, base, disappointed, base.churnOnStockout, CAUSE.stockout);
      }
    } else {
      c.deliveredOrders += customers > 0 ? customers : quantity;
      c.deliveredOrdersOffFastPath += customers > 0 ? customers : quantity;
      if (customers > 0) this.delivery.ship(point, stream, now, quantity, true);
      // a shortfall of rounding dust (the shelf held 2.9999999999 of 3 units) is no stockout: the
      // order counts as served, and the dust it did not get is written off as lost, so units balance
      if (short > 0) c.lostUnits += short;
    }
    if (point.policy.reviewPeriod === 0) this.replenishment.reviewContinuous(point);
    // the demand lowered the echelon position of every point above
    for (const above of point.echelonReviewers) this.replenishment.reviewContinuous(above);
  }
}

/** The demand streams, one per demand entry and (node, product) it names; their hot numbers in one table. */
export function buildDemandStreams(context: BuildContext, baseOfNode: ReadonlyMap<string, CustomerBase>): { demandStreams: DemandStream[]; streamTable: Float64Array } {
  const { scenario, streams, horizon, days, demandEntries, planIndex, productIndex } = context;
  const streamTable = new RowTable(demandEntries.length, STREAM_ROW_WIDTH);
  const demandStreams = demandEntries.map(({ entry, node, product }, i) => {
    // the random streams' names: the stock point's, and the segment's where the entry names one
    const key = demandStreamKey(node, product, entry.segment);
    const shocks = entry.shocks.map((shock, j) => ({
      multiplier: shock.multiplier,
      windows: drawWindows(shock.occurrence, horizon, streams.stream(`shock:${key}:${shock.name ?? j}`)),
    }));
    const endOfLife = scenario.products.find((p) => p.id === product)!.endOfLife?.day ?? Infinity;
    const profile = buildDemandProfile(days, entry.seasonality, entry.trendPerYear, shocks, endOfLife);
    const base = baseOfNode.get(node) ?? null;
    base?.demandStreams.push(i);
    // an order's size (orders) is drawn as an arrival's quantity; the day's count of orders from its own stream
    const spec = entry.type === 'history' ? null : entry.type === 'orders' ? entry.size : entry.quantity;
    const quantity = spec === null ? null : createSampler(spec, streams.stream(`quantity:${key}`), { nonNegative: true });
    const terms = entry.type === 'history' || entry.type === 'perPeriod' ? undefined : entry.delivery;
    let delivery: DeliveryTerms | null = null;
    if (terms !== undefined) {
      const leadTime = createSampler(terms.leadTime, streams.stream(`delivery:${key}`), { nonNegative: true });
      delivery = { leadTime, costPerOrder: terms.costPerOrder, costPerUnit: terms.costPerUnit, dueDays: terms.dueDays ?? leadTime.mean };
    }
    const counts = entry.type === 'orders' && entry.ordersPerDay !== undefined ? createSampler(entry.ordersPerDay, streams.stream(`orders:${key}`), { nonNegative: true }) : null;
    return new DemandStream(
      i,
      entry.type,
      planIndex.get(stockPointKey(node, product)) ?? -1,
      productIndex.get(product)!,
      entry.type === 'arrivals' ? entry.customersPerDay : entry.type === 'orders' ? meanOrdersPerDay(entry) : 1,
      quantity,
      entry.type === 'history' ? (entry.series as number[]) : entry.type === 'orders' ? (entry.history ?? null) : null,
      profile,
      cumulativeProfile(profile, days),
      streams.state(`arrivals:${key}`),
      base,
      days,
      streamTable.row(i),
      counts,
      delivery,
    );
  });
  return { demandStreams, streamTable: streamTable.data };
}
