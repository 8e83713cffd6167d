import type { Sampler } from '../random/distributions/sampler.ts';
import type { RandomStream } from '../random/streams.ts';

/**
 * Online orders: a customer in a zone orders a product; a warehouse chosen by the zone's rule ships
 * it after picking and packing, over a transit time; the customer was promised a date at order time
 * (from stock, processing and transit, and from the expected replenishment date when the warehouse
 * is short) and may have abandoned the cart when the promise was beyond their tolerance.
 */

/** A warehouse that may serve a zone: its stock point for the product, and the delivery to the zone. */
export interface FulfilmentCandidate {
  point: number;
  pickPack: Sampler;
  transit: Sampler;
  /** transit of the express option from this warehouse, if offered */
  expressTransit: Sampler | null;
  /** expected pick-and-pack plus transit: what a promise counts on */
  expectedDays: number;
  expectedExpressDays: number;
  costPerUnit: number;
  costPerShipment: number;
}

/** How one zone is served with one product. */
export interface OnlineRoute {
  index: number;
  zone: number;
  product: number;
  rule: 'nearest' | 'nearestOnly' | 'cheapest' | 'split';
  /** nearest first */
  candidates: FulfilmentCandidate[];
  promiseBufferDays: number;
  promiseWindowDays: number;
  /** days a customer accepts waiting, or null: everyone accepts */
  tolerance: Sampler | null;
  expressShare: number;
  expressPremium: number;
  /** customers choosing express, and whether a late customer leaves */
  decisions: RandomStream;
  proactive: boolean;
  churnIfNotified: number;
  voucherCost: number;
}

/** What happens to a zone's orders, for the customer view (whole run and measured window). */
export class ZoneTally {
  orders = 0;
  abandoned = 0;
  delivered = 0;
  onTime = 0;
  /** delivered within the promised window (neither late nor more than the window early) */
  accurate = 0;
  late = 0;
  notified = 0;
  /** late deliveries whose customer had been told beforehand */
  lateNotified = 0;
  waitDays = 0;
  express = 0;

  constructor(
    readonly zone: string,
    /** the customer base of the zone, or -1 */
    readonly base: number,
  ) {}

  reset(): void {
    this.orders = this.abandoned = this.delivered = this.onTime = this.accurate = this.late = this.notified = this.lateNotified = this.waitDays = this.express = 0;
  }
}

/**
 * The orders under way, in reusable slots (an order's parts are shipped separately under the split
 * rule; it is delivered when its last part arrives). A slot's serial number tells a stale event
 * (a check scheduled for an order long delivered) from one for the slot's current order.
 */
export class OnlineOrders {
  route: number[] = [];
  quantity: number[] = [];
  orderedAt: number[] = [];
  promisedBy: number[] = [];
  express: boolean[] = [];
  notified: boolean[] = [];
  /** parts not yet delivered */
  partsPending: number[] = [];
  /** parts not yet shipped */
  partsUnshipped: number[] = [];
  /** the stock point whose KPIs the order counts in (the warehouse of its first part) */
  home: number[] = [];
  /** the uniform that decides whether the customer leaves if the delivery is late (drawn at order time) */
  churnDraw: number[] = [];
  serial: number[] = [];
  private readonly free: number[] = [];
  private nextSerial = 0;

  open(route: number, quantity: number, now: number, promisedBy: number, express: boolean, home: number, churnDraw: number): number {
    const id = this.free.length > 0 ? this.free.pop()! : this.route.length;
    this.route[id] = route;
    this.quantity[id] = quantity;
    this.orderedAt[id] = now;
    this.promisedBy[id] = promisedBy;
    this.express[id] = express;
    this.notified[id] = false;
    this.partsPending[id] = 0;
    this.partsUnshipped[id] = 0;
    this.home[id] = home;
    this.churnDraw[id] = churnDraw;
    this.serial[id] = this.nextSerial++;
    return id;
  }

  close(id: number): void {
    this.free.push(id);
  }
}

/** Backorder requesters at or below this encode an online order: requester = ONLINE_BASE - order id. */
export const ONLINE_BASE = -3;
