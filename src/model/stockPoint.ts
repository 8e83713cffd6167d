import type { Policy, PolicyState } from './policies/policy.ts';
import type { Sampler } from '../random/distributions/sampler.ts';
import { BackorderQueue } from './backorderQueue.ts';
import type { KpiCounters } from '../metrics/kpis.ts';
import { WindowCounters } from './windowCounters.ts';

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

/**
 * Units accounted over the whole run (warm-up included), for conservation checks:
 *   initialOnHand + received = issued + returned + onHand
 *   demanded = filledImmediately + filledFromBackorder + lost + still on backorder
 */
export class Ledger {
  received = 0;
  issued = 0;
  returned = 0;
  demanded = 0;
  filledImmediately = 0;
  filledFromBackorder = 0;
  lost = 0;
  constructor(readonly initialOnHand: number) {}
}

/**
 * One (node, product) holding stock under a policy: its physical stock, what it owes, what it has on
 * order, and the counters its KPIs come from. The simulation moves units; every change of stock goes
 * through `take` and `put`, the two places a lot-based inventory (FIFO/FEFO/LIFO) will hook into.
 *
 * Time integrals (on hand, position, pipeline, backorders, time in stock) are advanced by `accrue`
 * before every change, in O(1) and without allocation.
 */
export class StockPoint implements PolicyState {
  now = 0;
  onHand: number;
  onOrder = 0;
  /** units shipped to this point and not yet received */
  pipeline = 0;
  readonly backlog = new BackorderQueue();
  demandSinceReview = 0;

  /** counters of the measured window */
  window = new WindowCounters();
  readonly ledger: Ledger;
  /** length of the measured window in days */
  windowDays: number;
  readonly priceOrZero: number;

  // per-day accumulators, cleared at each day boundary
  dayDemand = 0;
  dayCustomerDemand = 0;
  daySales = 0;
  dayOrdered = 0;
  // per-period accumulators for end-of-period cost (periodic policies)
  periodLost = 0;
  periodOrders = 0;

  /** a stockout happened in the current replenishment cycle */
  cycleHadStockout = false;
  private lastAccrual = 0;

  constructor(
    readonly index: number,
    readonly node: string,
    readonly product: number,
    readonly productId: string,
    readonly policy: Policy,
    readonly supply: Supply,
    initialOnHand: number,
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
    this.onHand = initialOnHand;
    this.priceOrZero = price ?? 0;
    this.windowDays = windowDays;
    this.ledger = new Ledger(initialOnHand);
  }

  get backorders(): number {
    return this.backlog.total;
  }

  get inventoryPosition(): number {
    return this.onHand + this.onOrder - this.backlog.total;
  }

  /** Advances the time integrals to `now`. Call before every change of stock, order or backlog. */
  accrue(now: number): void {
    const elapsed = now - this.lastAccrual;
    if (elapsed > 0) {
      const w = this.window;
      const onHand = this.onHand;
      w.areaOnHand += onHand * elapsed;
      w.areaPosition += (onHand + this.onOrder - this.backlog.total) * elapsed;
      w.areaPipeline += this.pipeline * elapsed;
      w.areaBackorders += this.backlog.total * elapsed;
      if (onHand > 1e-9) w.daysInStock += elapsed;
      this.lastAccrual = now;
    }
    this.now = now;
  }

  /** Removes units from the shelf (sale or shipment). */
  take(quantity: number): void {
    this.onHand -= quantity;
    this.ledger.issued += quantity;
    this.window.issuedUnits += quantity;
    this.daySales += quantity;
  }

  /** Puts received units on the shelf. */
  put(quantity: number): void {
    this.onHand += quantity;
    this.ledger.received += quantity;
  }

  /** Starts a new measured window at `now` (end of warm-up): the state stays, the counters restart. */
  restartWindow(now: number, windowDays: number): void {
    this.accrue(now);
    this.window = new WindowCounters();
    this.windowDays = windowDays;
    this.periodLost = 0;
    this.periodOrders = 0;
  }

  /** The window's counters in reporting form (call after the run, once accrued to the horizon). */
  counters(): KpiCounters {
    return this.window.toKpiCounters(
      this.windowDays,
      { unitCost: this.unitCost, holdingCostPerDay: this.holdingCostPerDay },
      { revenue: this.price !== null, customers: this.customerBase >= 0 },
    );
  }

  /** Rounds a positive order up to the minimum order quantity, then to a whole number of case packs. */
  roundOrder(quantity: number): number {
    if (quantity <= 0) return quantity;
    let rounded = Math.max(quantity, this.minOrderQuantity);
    if (this.casePack !== 1) rounded = Math.ceil(rounded / this.casePack - 1e-9) * this.casePack;
    return rounded;
  }

}
