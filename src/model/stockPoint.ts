import type { Policy, PolicyContext, PolicyState } from './policies/policy.ts';
import type { Sampler } from '../random/distributions/sampler.ts';
import type { RandomStream } from '../random/streams.ts';
import { BackorderQueue } from './backorderQueue.ts';
import type { KpiCounters } from '../metrics/kpis.ts';
import { Counters, FIELD, POINT_ROW_WIDTH } from './counters.ts';
import type { IssuingDiscipline, LotList } from './lots.ts';
import { NO_CARE, type ProductCare } from './productCare.ts';
import { Priority } from './eventKinds.ts';

const NO_SCRIPT = new Float64Array(0);

/** Where a stock point's replenishment comes from, and how long it takes. */
export interface Supply {
  /** a supplier's gate index, or -1 */
  supplier: number;
  /** the upstream stock point's index, or -1 */
  upstream: number;
  lane: number;
  /** transit time over the lane (its own random stream) */
  leadTime: Sampler;
  /** the supplier's processing time before shipping, if it has one */
  processing: Sampler | null;
  /** the supplier's production stage (servers) that processing waits for, or -1: processed at once */
  stage: number;
}

/** How the stock record drifts from the shelf, and how counts put it right. */
export interface RecordAccuracy {
  shrinkagePerDay: number;
  /** days between counts (Infinity: never counted) */
  countEveryDays: number;
  countDelayDays: number;
  /** units counts have found whose results have not reached the record yet */
  foundInFlight: number;
  /** which units vanish */
  draws: RandomStream;
}

/**
 * An allocation rule other than first come, first served: `fairShare`, or `priority` with the rank of
 * each requester (a downstream point's index; customers as one class), lower first.
 */
export interface AllocationRule {
  type: 'fairShare' | 'priority';
  /** rank by downstream stock point index (absent: after every rank) */
  rankOfPoint: Map<number, number>;
  customerRank: number;
}

/** Units accounted over the whole run (warm-up included), for conservation checks. */
export interface LedgerCounts {
  initialOnHand: number;
  received: number;
  /** taken from the shelf: sold, or shipped downstream */
  issued: number;
  returned: number;
  demanded: number;
  filledImmediately: number;
  filledFromBackorder: number;
  lost: number;
  // units leaving the shelf other than by issue, and coming back to it from customers
  expired: number;
  damaged: number;
  obsolete: number;
  recalled: number;
  shrunk: number;
  /** units customers brought back, and of them those put back on the shelf and those scrapped */
  customerReturned: number;
  restocked: number;
  scrapped: number;
  /**
   * units shipped to it before time 0 (its initial pipeline's shipments): they enter the run on their
   * way. Present only at points with an initial pipeline or a delayed lane (as ordersInTransit).
   */
  initialInTransit?: number;
  /** units it has ordered that have not reached its supplier yet (orders travelling upstream, see a lane's orderDelayDays) */
  ordersInTransit?: number;
}

/**
 * One (node, product) holding stock under a policy: its physical stock, what it owes, what it has on
 * order, and the counters its KPIs come from. The simulation moves units; every change of stock goes
 * through `take` and `put`, the two places a lot-based inventory (FIFO/FEFO/LIFO) will hook into.
 *
 * Time integrals (on hand, position, pipeline, backorders, time in stock) are advanced by `accrue`
 * before every change, in O(1) and without allocation. Per-day, per-review and per-period figures
 * are differences of the cumulative counters between two marks.
 */
export class StockPoint implements PolicyState {
  /** who is owed what, first come first served (the total is the `backorders` level) */
  readonly backlog = new BackorderQueue();
  /** the stock points this one supplies (set once the network is wired) */
  readonly downstream: StockPoint[] = [];
  /** points at or above this one whose policy reads the echelon position: asked after demand here */
  readonly echelonReviewers: StockPoint[] = [];
  /** levels and counters, cumulative from time 0 */
  readonly counters: Counters;
  /** the same numbers (this point's row of the simulation's table), indexed by the accessors below */
  private readonly numbers: Float64Array;
  /** the counters at the end of the warm-up (null: the window starts at 0) */
  windowStart: Float64Array | null = null;
  /** length of the measured window in days */
  windowDays: number;
  /** the policy orders nothing while the inventory position is above this (a copy kept at hand) */
  readonly quietAbove: number;
  /** expiry, markdown, damage, end of life, returns, recalls (see productCare.ts) */
  care: ProductCare = NO_CARE;
  /** the demand, lead time and costs the point's policy was sized from (read by the recommendation, src/experiment/recommend.ts) */
  policyContext: PolicyContext | null = null;
  /** the shelf as lots, for a product held in lots (its total is always `onHand`); else null */
  lots: LotList | null = null;
  /** units an upstream point has taken for this one and not yet shipped (products in lots) */
  inbound: LotList | null = null;
  issuing: IssuingDiscipline = 'fifo';
  /** the product's demand has ended here: the policy orders nothing more */
  ended = false;
  /** shrinkage and stock counts (see the scenario's visibility), or null: the record is exact */
  visibility: RecordAccuracy | null = null;
  /**
   * How it shares what it has among those it owes: first come first served (null), or a rule whose
   * allocations run once per instant, after every order of that instant is in (see processes/echelonAllocation.ts).
   */
  allocation: AllocationRule | null = null;
  /** an allocation is scheduled at the current instant */
  allocationPending = false;
  /** it ships online orders to customers in zones */
  servesOnline = false;
  /** customers order here one order at a time (an arrivals or orders entry): the order KPIs apply */
  takesOrders = false;
  /** some of them are delivered to their customers (an entry with `delivery`): the delivery KPIs apply */
  deliversOrders = false;
  /** expected days from ordering to receipt (transit and supplier processing means) */
  expectedLeadDays = 0;
  /** days an order takes to reach its supplier before the supplier sees it (its lane's orderDelayDays) */
  orderDelayDays = 0;
  /** units ordered and travelling to the supplier (placed, not yet seen there) */
  ordersInTransit = 0;
  /** units of its initial pipeline's shipments (in transit at time 0) */
  initialInTransit = 0;
  /** it has an initial pipeline or a delayed lane: its ledger says what is on its way (initialInTransit, ordersInTransit) */
  tracksTransit = false;
  /** what is on its way at time 0 (the scenario's initialPipeline), started with the run; null: nothing */
  initialPipeline: { shipments: readonly { day: number; quantity: number }[]; orders: readonly { day: number; quantity: number }[] } | null = null;
  /** round orders to the nearest whole number of case packs instead of up (orderRounding "nearest") */
  roundsToNearest = false;
  /** the priority of its reviews within an instant: before the day's demand, or after it (reviewTiming) */
  reviewPriority: number = Priority.review;
  /** cost per unit owed per day to anyone (its backlogCostPerDay) */
  backlogCostPerDay = 0;
  /** scripted periods, as [fromDay, untilDay, quantity] triples in increasing order (see scriptedQuantityAt) */
  scriptedOrders: Float64Array = NO_SCRIPT;
  // shipments on their way here, as expected at dispatch (points serving online orders: promises)
  private readonly incomingAt: number[] = [];
  private readonly incomingUnits: number[] = [];
  private incomingHead = 0;

  // the day that just closed
  lastDayDemand = 0;
  lastDayCustomerDemand = 0;
  lastDaySales = 0;
  lastDayOrdered = 0;
  lastDayReceived = 0;
  /** customer and downstream demand not met from the shelf at once (lost or backordered) */
  lastDayShort = 0;
  // marks for the current day, review and period (cumulative counters at their start)
  private dayStartDemand = 0;
  private dayStartInternalDemand = 0;
  private dayStartIssued = 0;
  private dayStartOrdered = 0;
  private dayStartReceived = 0;
  private dayStartFilledImmediately = 0;
  reviewStartDemand = 0;
  periodStartLost = 0;
  periodStartOrders = 0;
  /** expired units (cumulative) at the start of the current period */
  periodStartExpired = 0;
  /** the instant of the last day boundary that wrote off units here (NaN once the policy has heard of it) */
  outdatedAt = NaN;

  get now(): number {
    return this.numbers[FIELD.now];
  }
  set now(value: number) {
    this.numbers[FIELD.now] = value;
  }
  get onHand(): number {
    return this.numbers[FIELD.onHand];
  }
  set onHand(value: number) {
    this.numbers[FIELD.onHand] = value;
  }
  /** units ordered and not yet received (in transit or backordered upstream) */
  get onOrder(): number {
    return this.numbers[FIELD.onOrder];
  }
  set onOrder(value: number) {
    this.numbers[FIELD.onOrder] = value;
  }
  /** units shipped to this point and not yet received */
  get pipeline(): number {
    return this.numbers[FIELD.pipeline];
  }
  set pipeline(value: number) {
    this.numbers[FIELD.pipeline] = value;
  }

  // the bullwhip period under way (a scenario's bullwhipPeriodDays of several days): its sums so far
  bullwhipPeriodOrdered = 0;
  bullwhipPeriodDemand = 0;
  bullwhipPeriodDaysIn = 0;

  /** a stockout happened in the current replenishment cycle */
  cycleHadStockout = false;
  // replenishment orders in the order they were placed, as cumulative-ordered thresholds: an order is
  // complete once the units received for orders reach its threshold, however it was split in transit
  private readonly orderThresholds: number[] = [];
  private orderHead = 0;
  private orderedTotal = 0;
  private replenishedTotal = 0;

  constructor(
    readonly index: number,
    readonly node: string,
    readonly product: number,
    readonly productId: string,
    readonly policy: Policy,
    readonly supply: Supply,
    readonly initialOnHand: number,
    readonly unitCost: number,
    readonly price: number | null,
    readonly holdingCostPerDay: number,
    readonly orderingCost: number,
    readonly stockoutPenalty: number,
    readonly backorderCostPerDay: number,
    readonly backorderCustomers: boolean,
    readonly shipComplete: boolean,
    readonly casePack: number,
    readonly minOrderQuantity: number,
    /** index of the node's shipping gate when it ships to downstream points, else -1 */
    readonly gate: number,
    /** the customer base whose demand this point serves, or -1 */
    readonly customerBase: number,
    /** customers' demand arrives here (not only downstream points' orders) */
    readonly customerFacing: boolean,
    windowDays: number,
    /** this point's row in the simulation's table of stock points (POINT_ROW_WIDTH numbers, zeros) */
    row: Float64Array = new Float64Array(POINT_ROW_WIDTH),
  ) {
    this.counters = new Counters(row);
    this.numbers = row;
    this.numbers[FIELD.onHand] = initialOnHand;
    this.quietAbove = policy.quietAbove;
    this.numbers[FIELD.askPolicyAtOrBelow] = policy.reviewPeriod === 0 ? policy.quietAbove : -Infinity;
    this.windowDays = windowDays;
  }

  get backorders(): number {
    return this.numbers[FIELD.backorders];
  }

  /** units on hand as the stock record has them: the shelf plus losses no count has found yet */
  get recordedOnHand(): number {
    return this.numbers[FIELD.onHand] + this.numbers[FIELD.phantom];
  }

  /** units the record shows that are not on the shelf */
  get phantom(): number {
    return this.numbers[FIELD.phantom];
  }
  set phantom(value: number) {
    this.numbers[FIELD.phantom] = value;
  }

  /** recorded on hand + on order - backorders: what the policy decides on */
  get inventoryPosition(): number {
    const n = this.numbers;
    return n[FIELD.onHand] + n[FIELD.phantom] + n[FIELD.onOrder] - n[FIELD.backorders];
  }

  /** units owed to downstream stock points (the rest of `backorders` is owed to customers) */
  get internalBackorders(): number {
    return this.numbers[FIELD.internalBackorders];
  }

  /**
   * Units on order plus the echelon's stock: on hand here and below, in transit between here and the
   * points below, minus what customers here and below are owed. Units this point owes a point below
   * are in neither place (not yet shipped), so they count once, in the echelon's demand.
   */
  get echelonInventoryPosition(): number {
    return this.onOrder + this.echelonStock();
  }

  private echelonStock(): number {
    let stock = this.recordedOnHand - (this.backorders - this.internalBackorders);
    for (const point of this.downstream) stock += point.pipeline + point.echelonStock();
    return stock;
  }

  /** `quantity` units are owed to `requester` from `since` (`fresh`: an order not yet allocated, see `allocation`). */
  owe(quantity: number, requester: number, since: number, fresh = 0): void {
    this.backlog.push(quantity, requester, since, fresh);
    this.numbers[FIELD.backorders] += quantity;
    if (requester >= 0) this.numbers[FIELD.internalBackorders] += quantity;
    this.numbers[FIELD.waiting] = this.backlog.length;
  }

  /** `quantity` units of what the first in line is owed are served. */
  serveOwed(quantity: number): void {
    const internal = this.backlog.frontRequester() >= 0;
    this.backlog.serveFront(quantity);
    // an empty line owes nothing: no rounding dust left behind
    this.numbers[FIELD.backorders] = this.backlog.length === 0 ? 0 : this.numbers[FIELD.backorders] - quantity;
    if (this.backlog.length === 0) this.numbers[FIELD.internalBackorders] = 0;
    else if (internal) this.numbers[FIELD.internalBackorders] -= quantity;
    this.numbers[FIELD.waiting] = this.backlog.length;
  }

  /** `quantity` units of what the i-th in line is owed are served (an allocation rule); then `compactOwed`. */
  serveOwedAt(i: number, quantity: number): void {
    if (this.backlog.requesterAt(i) >= 0) this.numbers[FIELD.internalBackorders] -= quantity;
    this.backlog.serveAt(i, quantity);
    this.numbers[FIELD.backorders] -= quantity;
  }

  /** After `serveOwedAt`: those served in full leave the line. */
  compactOwed(): void {
    this.backlog.compact();
    if (this.backlog.length === 0) {
      // an empty line owes nothing: no rounding dust left behind
      this.numbers[FIELD.backorders] = 0;
      this.numbers[FIELD.internalBackorders] = 0;
    }
    this.numbers[FIELD.waiting] = this.backlog.length;
  }

  /** Units demanded since the last review (what a forecast-driven policy observes). */
  get demandSinceReview(): number {
    return this.counters.demandUnits - this.reviewStartDemand;
  }

  /** Advances the time integrals to `now`. Call before every change of stock, order or backlog. */
  accrue(now: number): void {
    accrueRow(this.numbers, 0, now);
  }

  /** Closes the day: its demand, sales and orders become the `lastDay` figures, and a new day starts. */
  closeDay(): void {
    const c = this.counters;
    const issued = c.issuedUnits;
    this.lastDayDemand = c.demandUnits - this.dayStartDemand;
    this.lastDayCustomerDemand = this.lastDayDemand - (c.internalDemandUnits - this.dayStartInternalDemand);
    this.lastDaySales = issued - this.dayStartIssued;
    this.lastDayOrdered = c.orderedUnits - this.dayStartOrdered;
    this.lastDayReceived = c.receivedUnits - this.dayStartReceived;
    this.lastDayShort = this.lastDayDemand - (c.filledImmediatelyUnits - this.dayStartFilledImmediately);
    this.dayStartReceived = c.receivedUnits;
    this.dayStartFilledImmediately = c.filledImmediatelyUnits;
    this.dayStartDemand = c.demandUnits;
    this.dayStartInternalDemand = c.internalDemandUnits;
    this.dayStartIssued = issued;
    this.dayStartOrdered = c.orderedUnits;
  }

  /** Removes units from the shelf (sale or shipment); the caller counts them as served. */
  take(quantity: number): void {
    this.onHand -= quantity;
  }

  /** Puts received units on the shelf. */
  put(quantity: number): void {
    this.onHand += quantity;
    this.counters.receivedUnits += quantity;
  }

  /** Starts the measured window at `now` (end of warm-up): the state stays, the counters are marked. */
  startWindow(now: number, windowDays: number): void {
    this.accrue(now);
    this.windowStart = this.counters.snapshot();
    this.windowDays = windowDays;
  }

  /** The window's counters in reporting form (call after the run, once accrued to the horizon). */
  windowCounters(): KpiCounters {
    return this.counters.windowSince(this.windowStart, this.windowDays, {
      unitCost: this.unitCost,
      holdingCostPerDay: this.holdingCostPerDay,
      backorderCostPerDay: this.backorderCostPerDay,
      price: this.price,
      customerFacing: this.customerFacing,
      hasCustomers: this.customerBase >= 0,
      care: this.care,
      shrinks: this.visibility !== null,
      servesOnline: this.servesOnline,
      backlogCostPerDay: this.backlogCostPerDay,
      backorders: this.backorderCustomers || this.downstream.length > 0 || this.servesOnline,
      customersWait: (this.customerFacing && this.backorderCustomers) || this.servesOnline,
      takesOrders: this.takesOrders,
      deliversOrders: this.deliversOrders,
    });
  }

  /** Whole-run accounting of units. */
  ledger(): LedgerCounts {
    const c = this.counters;
    return {
      initialOnHand: this.initialOnHand,
      received: c.receivedUnits,
      issued: c.issuedUnits,
      returned: c.returnedUnits,
      demanded: c.demandUnits,
      filledImmediately: c.filledImmediatelyUnits,
      filledFromBackorder: c.filledFromBackorderUnits,
      lost: c.lostUnits,
      expired: c.expiredUnits,
      damaged: c.damagedUnits,
      obsolete: c.obsoleteUnits,
      recalled: c.recalledUnits,
      shrunk: c.shrunkUnits,
      customerReturned: c.customerReturnedUnits,
      restocked: c.restockedUnits,
      scrapped: c.scrappedUnits,
      // only where orders or shipments can be on their way other than as orders placed in the run, so
      // other ledgers keep their shape
      ...(this.tracksTransit ? { initialInTransit: this.initialInTransit, ordersInTransit: this.ordersInTransit } : {}),
    };
  }

  /** Notes a replenishment order of `quantity` units. */
  recordOrder(quantity: number): void {
    this.orderedTotal += quantity;
    this.orderThresholds.push(this.orderedTotal);
  }

  /** Notes units received for orders; returns how many orders are now complete (0, 1, or more). */
  recordReplenishment(quantity: number): number {
    this.replenishedTotal += quantity;
    const thresholds = this.orderThresholds;
    let completed = 0;
    while (this.orderHead < thresholds.length && this.replenishedTotal >= thresholds[this.orderHead] - 1e-9) {
      this.orderHead++;
      completed++;
    }
    if (this.orderHead > 64 && this.orderHead * 2 > thresholds.length) {
      thresholds.splice(0, this.orderHead);
      this.orderHead = 0;
    }
    return completed;
  }

  /** A shipment of `quantity` left for this point, expected at `at`. */
  expectIncoming(at: number, quantity: number): void {
    this.incomingAt.push(at);
    this.incomingUnits.push(quantity);
  }

  /** Units arrived: the earliest expected shipments are crossed off. */
  crossOffIncoming(quantity: number): void {
    let left = quantity;
    while (left > 1e-9 && this.incomingHead < this.incomingAt.length) {
      const part = Math.min(left, this.incomingUnits[this.incomingHead]);
      this.incomingUnits[this.incomingHead] -= part;
      left -= part;
      if (this.incomingUnits[this.incomingHead] <= 1e-9) this.incomingHead++;
    }
    if (this.incomingHead > 64 && this.incomingHead * 2 > this.incomingAt.length) {
      this.incomingAt.splice(0, this.incomingHead);
      this.incomingUnits.splice(0, this.incomingHead);
      this.incomingHead = 0;
    }
  }

  /**
   * When this point expects to be able to ship `units` more units, after what it owes: now if the shelf
   * holds them, else the expected arrival of the shipment that covers them, else a whole replenishment
   * lead time from now (the units are not ordered yet).
   */
  expectedAvailability(units: number, now: number): number {
    let short = this.backorders + units - this.onHand;
    if (short <= 1e-9) return now;
    for (let i = this.incomingHead; i < this.incomingAt.length; i++) {
      short -= this.incomingUnits[i];
      if (short <= 1e-9) return Math.max(now, this.incomingAt[i]);
    }
    return now + this.expectedLeadDays;
  }

  /**
   * Rounds a positive order up to the minimum order quantity, then to a whole number of case packs: up
   * (with a case pack of 1, not at all), or to the nearest, halves up (orderRounding "nearest": the Beer
   * Game's whole cases; the result may be 0, an order not placed).
   */
  roundOrder(quantity: number): number {
    if (quantity <= 0) return quantity;
    let rounded = Math.max(quantity, this.minOrderQuantity);
    // the billionth keeps 7.4999999999 (rounding dust of 7.5) from rounding down, as ceil's keeps 3.0000000001 from rounding up
    if (this.roundsToNearest) rounded = Math.floor(rounded / this.casePack + 0.5 + 1e-9) * this.casePack;
    else if (this.casePack !== 1) rounded = Math.ceil(rounded / this.casePack - 1e-9) * this.casePack;
    return rounded;
  }

  /** The quantity scripted for a review at `now` (scriptedOrders: fromDay <= now < untilDay), or null: the policy decides. */
  scriptedQuantityAt(now: number): number | null {
    const script = this.scriptedOrders;
    for (let i = 0; i < script.length; i += 3) {
      if (now >= script[i] && now < script[i + 1]) return script[i + 2];
    }
    return null;
  }
}

/**
 * Advances the time integrals of the stock point whose numbers start at `table[at]` to `now`.
 * `StockPoint.accrue` and the fast path below share it, so both add exactly the same amounts.
 */
function accrueRow(table: Float64Array, at: number, now: number): void {
  const elapsed = now - table[at + FIELD.lastAccrual];
  if (elapsed > 0) {
    const onHand = table[at + FIELD.onHand];
    const backorders = table[at + FIELD.backorders];
    table[at + FIELD.areaOnHand] += onHand * elapsed;
    table[at + FIELD.areaPosition] += (onHand + table[at + FIELD.onOrder] - backorders) * elapsed;
    table[at + FIELD.areaPipeline] += table[at + FIELD.pipeline] * elapsed;
    table[at + FIELD.areaBackorders] += backorders * elapsed;
    if (onHand > 1e-9) table[at + FIELD.daysInStock] += elapsed;
    if (backorders <= 1e-9) table[at + FIELD.daysWithoutBackorders] += elapsed;
    table[at + FIELD.lastAccrual] = now;
  }
  table[at + FIELD.now] = now;
}

/**
 * The common case of a customer order, worked on the table of stock points without touching the
 * StockPoint object: when nobody is waiting and the shelf holds `quantity`, sells it (the same
 * changes as `accrue`, `take` and the counters of an order served at once) and returns true;
 * otherwise changes nothing and returns false, and the caller takes the general path.
 *
 * It bypasses `take`, so a point whose shelf is more than a number (lots with expiry dates) must not
 * be sold to through it.
 */
export function sellFromShelf(table: Float64Array, at: number, now: number, quantity: number): boolean {
  if (table[at + FIELD.waiting] !== 0 || table[at + FIELD.onHand] < quantity) return false;
  accrueRow(table, at, now);
  table[at + FIELD.demandUnits] += quantity;
  table[at + FIELD.onHand] -= quantity;
  table[at + FIELD.filledImmediatelyUnits] += quantity;
  table[at + FIELD.deliveredOrders] += 1;
  return true;
}

/** True when the continuous-review policy of the point at `table[at]` may want to order now. */
export function policyMayOrder(table: Float64Array, at: number): boolean {
  return table[at + FIELD.onHand] + table[at + FIELD.phantom] + table[at + FIELD.onOrder] - table[at + FIELD.backorders] <= table[at + FIELD.askPolicyAtOrBelow];
}
