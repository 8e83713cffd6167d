import type { Environment } from '../../kernel/environment.ts';
import type { Sampler } from '../../random/distributions/sampler.ts';
import { EventKind, Priority } from '../eventKinds.ts';
import type { DemandStream } from '../demandStream.ts';
import type { StockPoint } from '../stockPoint.ts';
import type { ModelTables } from './modelTables.ts';

/** How a demand entry's orders reach their customers (`delivery` on an arrivals or orders entry). */
export interface DeliveryTerms {
  leadTime: Sampler;
  costPerOrder: number;
  costPerUnit: number;
  /** days from the order to its due date */
  dueDays: number;
}

/**
 * Backorder requesters at or below this encode a customer order with delivery terms, waiting at its
 * stock point: requester = ORDER_BASE - slot (online orders use ONLINE_BASE - id, above this range).
 */
export const ORDER_BASE = -1_000_000_000;

/**
 * Customer orders on their way to the customer, and what they count (docs/KPIS.md `customerOrders`,
 * `orderFillRate`, `avgDeliveryDays`, `deliveriesReceived`): an order placed at a stock point by an
 * arrivals or orders entry ships when complete (or, with lost sales, with what the shelf could give),
 * and reaches its customer at once (no delivery terms) or a lead-time draw later, paying the delivery
 * cost into the point's transportCost when it ships.
 *
 * State: the orders with delivery terms waiting in a backlog, in reusable slots (their stream and size;
 * the backlog keeps their order time). Events: a delivery reaching its customer. Counts: the point's
 * orders placed, settled (delivered, or lost outright), on time in full, delivered, and days to deliver.
 * Orders served at once by the fast path (customerDemand.ts `onSteadyArrival`) are counted there as
 * delivered orders, and derived when reported (counters.ts `windowSince`).
 */
export class CustomerDelivery {
  private readonly env: Environment;
  private readonly stockPoints: StockPoint[];
  private readonly demandStreams: DemandStream[];
  private readonly slotStream: number[] = [];
  private readonly slotQuantity: number[] = [];
  private readonly freeSlots: number[] = [];

  constructor(tables: ModelTables) {
    this.env = tables.env;
    this.stockPoints = tables.stockPoints;
    this.demandStreams = tables.demandStreams;
  }

  /** The backorder requester for an order of `quantity` units of `stream` (with delivery terms) that waits. */
  waiting(stream: number, quantity: number): number {
    const slot = this.freeSlots.length > 0 ? this.freeSlots.pop()! : this.slotStream.length;
    this.slotStream[slot] = stream;
    this.slotQuantity[slot] = quantity;
    return ORDER_BASE - slot;
  }

  /** The waiting order `requester` is served in full (it was placed at `orderedAt`): it ships. */
  waitingServed(point: StockPoint, requester: number, orderedAt: number): void {
    const slot = ORDER_BASE - requester;
    const stream = this.slotStream[slot];
    const quantity = this.slotQuantity[slot];
    this.freeSlots.push(slot);
    this.ship(point, stream, orderedAt, quantity, true);
  }

  /**
   * An order of `stream` (-1: an order without delivery terms), placed at `orderedAt`, ships `units`
   * now (`complete`: all it asked for): delivered at once without delivery terms, else paid for and on
   * its way.
   */
  ship(point: StockPoint, stream: number, orderedAt: number, units: number, complete: boolean): void {
    const terms = stream >= 0 ? this.demandStreams[stream].delivery : null;
    const now = this.env.now;
    if (terms === null) return this.settled(point, complete && now <= orderedAt + 1e-9);
    point.counters.transportCost += terms.costPerOrder + terms.costPerUnit * units;
    const arrival = now + Math.max(0, terms.leadTime.sample());
    this.env.schedule(arrival, EventKind.customerDelivery, 2 * stream + (complete ? 1 : 0), orderedAt, Priority.normal);
  }

  /** An order of which nothing could be served (lost sales): settled, not on time in full, never delivered. */
  lost(point: StockPoint): void {
    point.counters.orderOutcomes++;
  }

  /** An order with delivery terms reaches its customer: delivered, and settled on time in full or not. */
  onDelivery(target: number, orderedAt: number): void {
    const stream = this.demandStreams[target >> 1];
    const point = this.stockPoints[stream.stockPoint];
    const now = this.env.now;
    point.counters.customerDeliveries++;
    point.counters.deliveryDays += now - orderedAt;
    this.settled(point, (target & 1) === 1 && now <= orderedAt + stream.delivery!.dueDays + 1e-9);
  }

  /**
   * An order is settled (an order without delivery terms when it is served complete, or with what it
   * got): on time in full when complete by its due date. Orders carried away are not deliveries
   * (`deliveriesReceived`, `avgDeliveryDays` count only orders travelling to their customers).
   */
  private settled(point: StockPoint, onTimeInFull: boolean): void {
    point.counters.orderOutcomes++;
    if (onTimeInFull) point.counters.ordersOnTimeInFull++;
  }
}
