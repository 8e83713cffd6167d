import type { Policy, PolicyState } from './policies/policy.ts';
import type { Sampler } from '../random/distributions/sampler.ts';
import { BackorderQueue } from './backorderQueue.ts';
import type { KpiCounters } from '../metrics/kpis.ts';
import { Counters, FIELD } from './counters.ts';

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
  /** levels and counters, cumulative from time 0 */
  readonly counters = new Counters();
  /** the same numbers, indexed directly by the accessors below */
  private readonly numbers = this.counters.values;
  /** the counters at the end of the warm-up (null: the window starts at 0) */
  windowStart: Float64Array | null = null;
  /** length of the measured window in days */
  windowDays: number;
  /** the policy orders nothing while the inventory position is above this (a copy kept at hand) */
  readonly quietAbove: number;

  // the day that just closed
  lastDayDemand = 0;
  lastDayCustomerDemand = 0;
  lastDaySales = 0;
  lastDayOrdered = 0;
  // marks for the current day, review and period (cumulative counters at their start)
  private dayStartDemand = 0;
  private dayStartInternalDemand = 0;
  private dayStartIssued = 0;
  private dayStartOrdered = 0;
  reviewStartDemand = 0;
  periodStartLost = 0;
  periodStartOrders = 0;

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
  ) {
    this.numbers[FIELD.onHand] = initialOnHand;
    this.quietAbove = policy.quietAbove;
    this.windowDays = windowDays;
  }

  get backorders(): number {
    return this.numbers[FIELD.backorders];
  }

  get inventoryPosition(): number {
    const n = this.numbers;
    return n[FIELD.onHand] + n[FIELD.onOrder] - n[FIELD.backorders];
  }

  /** `quantity` units are owed to `requester` from `since` (first come, first served). */
  owe(quantity: number, requester: number, since: number): void {
    this.backlog.push(quantity, requester, since);
    this.numbers[FIELD.backorders] += quantity;
  }

  /** `quantity` units of what the first in line is owed are served. */
  serveOwed(quantity: number): void {
    this.backlog.serveFront(quantity);
    // an empty line owes nothing: no rounding dust left behind
    this.numbers[FIELD.backorders] = this.backlog.length === 0 ? 0 : this.numbers[FIELD.backorders] - quantity;
  }

  /** Units demanded since the last review (what a forecast-driven policy observes). */
  get demandSinceReview(): number {
    return this.counters.demandUnits - this.reviewStartDemand;
  }

  /** Advances the time integrals to `now`. Call before every change of stock, order or backlog. */
  accrue(now: number): void {
    const n = this.numbers;
    const elapsed = now - n[FIELD.lastAccrual];
    if (elapsed > 0) {
      const onHand = n[FIELD.onHand];
      const backorders = n[FIELD.backorders];
      n[FIELD.areaOnHand] += onHand * elapsed;
      n[FIELD.areaPosition] += (onHand + n[FIELD.onOrder] - backorders) * elapsed;
      n[FIELD.areaPipeline] += n[FIELD.pipeline] * elapsed;
      n[FIELD.areaBackorders] += backorders * elapsed;
      if (onHand > 1e-9) n[FIELD.daysInStock] += elapsed;
      n[FIELD.lastAccrual] = now;
    }
    n[FIELD.now] = now;
  }

  /** Closes the day: its demand, sales and orders become the `lastDay` figures, and a new day starts. */
  closeDay(): void {
    const c = this.counters;
    const issued = c.issuedUnits;
    this.lastDayDemand = c.demandUnits - this.dayStartDemand;
    this.lastDayCustomerDemand = this.lastDayDemand - (c.internalDemandUnits - this.dayStartInternalDemand);
    this.lastDaySales = issued - this.dayStartIssued;
    this.lastDayOrdered = c.orderedUnits - this.dayStartOrdered;
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

  /** Rounds a positive order up to the minimum order quantity, then to a whole number of case packs. */
  roundOrder(quantity: number): number {
    if (quantity <= 0) return quantity;
    let rounded = Math.max(quantity, this.minOrderQuantity);
    if (this.casePack !== 1) rounded = Math.ceil(rounded / this.casePack - 1e-9) * this.casePack;
    return rounded;
  }
}
