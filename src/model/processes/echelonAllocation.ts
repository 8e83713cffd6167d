import type { Environment } from '../../kernel/environment.ts';
import { EventKind, Priority } from '../eventKinds.ts';
import { CUSTOMER, CUSTOMER_UNITS } from '../backorderQueue.ts';
import type { StockPoint } from '../stockPoint.ts';
import type { StockPointPlan } from '../stockPointPlans.ts';
import { ONLINE_BASE } from '../onlineOrders.ts';
import type { OnlineFulfilment } from './onlineFulfilment.ts';
import { ORDER_BASE, type CustomerDelivery } from './customerDelivery.ts';
import type { ModelTables } from './modelTables.ts';
import type { Processes } from './processes.ts';
import type { CustomerSale } from './customerSale.ts';
import type { Replenishment } from './replenishment.ts';
import type { Shipping } from './shipping.ts';

/**
 * What a stock point owes and how it shares what it has: orders from the points it supplies (shipped
 * at once, or owed), backordered customers and online orders waiting at it; its backlog served first
 * come, first served, or by its allocation rule (fair share, priority) once every order of the instant
 * is in. Only points that are owed something (or supply others) do any work here.
 */
export class EchelonAllocation {
  private readonly env: Environment;
  private readonly stockPoints: StockPoint[];
  private replenishment!: Replenishment;
  private shipping!: Shipping;
  private sale!: CustomerSale;
  private online!: OnlineFulfilment;
  private delivery!: CustomerDelivery;

  constructor(tables: ModelTables) {
    this.env = tables.env;
    this.stockPoints = tables.stockPoints;
  }

  connect(processes: Processes): void {
    this.replenishment = processes.replenishment;
    this.shipping = processes.shipping;
    this.sale = processes.sale;
    this.online = processes.online;
    this.delivery = processes.delivery;
  }

  /** Units leave `point`'s shelf for stock point `to` (its lots wait in `to`'s inbound list until shipped). */
  private issueTo(point: StockPoint, quantity: number, to: number): void {
    point.take(quantity);
    if (point.lots !== null) point.lots.take(quantity, point.issuing, this.stockPoints[to].inbound);
  }

  /** An order from downstream point `from` reaches upstream point `point`. */
  downstreamOrder(point: StockPoint, quantity: number, from: number): void {
    const now = this.env.now;
    point.accrue(now);
    const c = point.counters;
    c.demandUnits += quantity;
    c.internalDemandUnits += quantity;
    if (point.allocation !== null) {
      // under an allocation rule the order waits for the instant's allocation, with the others placed now
      point.owe(quantity, from, now, 1);
      this.scheduleAllocation(point);
      if (point.policy.reviewPeriod === 0) this.replenishment.reviewContinuous(point);
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
    if (point.policy.reviewPeriod === 0) this.replenishment.reviewContinuous(point);
  }

  private shipFromWarehouse(point: StockPoint, quantity: number, to: number): void {
    this.shipping.send(point.gate, quantity, to);
  }

  /** Serves what `point` owes, first come first served, from what it has on hand. */
  serveBacklog(point: StockPoint): void {
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
      else this.sale.sell(point, part, requester === CUSTOMER || requester <= ONLINE_BASE ? 1 : 0);
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
    if (requester === CUSTOMER || requester <= ORDER_BASE) {
      c.customerFilledFromBackorderUnits += part;
      if (part >= owed - 1e-9) {
        c.deliveredOrders++;
        c.deliveredOrdersOffFastPath++;
        c.totalWaitDays += now - since;
        // the order is complete: it ships to its customer (with delivery terms, after a lead time)
        if (requester === CUSTOMER) this.delivery.ship(point, -1, since, owed, true);
        else this.delivery.waitingServed(point, requester, since);
      }
    } else if (requester === CUSTOMER_UNITS) {
      c.customerFilledFromBackorderUnits += part;
      c.deliveredOrders += part;
      c.deliveredOrdersOffFastPath += part;
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

  onAllocation(index: number): void {
    const point = this.stockPoints[index];
    point.allocationPending = false;
    point.accrue(this.env.now);
    this.allocate(point);
    if (point.policy.reviewPeriod === 0) this.replenishment.reviewContinuous(point);
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
      else this.sale.sell(point, part, requester === CUSTOMER || requester <= ONLINE_BASE ? 1 : 0);
      point.serveOwedAt(i, part);
      this.owedPartFilled(point, requester, part, owed, since, now);
    }
    point.compactOwed();
  }
}

/** Allocation rules other than first come, first served, with ranks by the requesting point's index. */
export function setAllocationRules(stockPoints: StockPoint[], plans: StockPointPlan[]): void {
  for (const point of stockPoints) {
    const allocation = plans[point.index].entry.allocation;
    if (allocation === undefined || allocation.type === 'fifo') continue;
    const rankOfPoint = new Map<number, number>();
    const customerRank = allocation.type === 'priority' ? (allocation.customerRank ?? Infinity) : Infinity;
    if (allocation.type === 'priority') {
      for (const below of point.downstream) {
        const rank = allocation.rank[below.node];
        if (rank !== undefined) rankOfPoint.set(below.index, rank);
      }
    }
    point.allocation = { type: allocation.type, rankOfPoint, customerRank };
  }
}
