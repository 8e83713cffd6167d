import type { Environment } from '../../kernel/environment.ts';
import { EventKind, Priority } from '../eventKinds.ts';
import type { StockPoint } from '../stockPoint.ts';
import { NO_CARE } from '../productCare.ts';
import { FIELD } from '../counters.ts';
import type { LotList } from '../lots.ts';
import { stockPointKey } from '../../scenario/references.ts';
import { dailyDemandMoments } from '../demandMoments.ts';
import { upstreamOf, type BuildContext } from './buildContext.ts';
import type { ModelTables } from './modelTables.ts';
import type { Processes } from './processes.ts';
import type { EchelonAllocation } from './echelonAllocation.ts';
import type { LotsAndExpiry } from './lotsAndExpiry.ts';
import type { Shipping } from './shipping.ts';
import type { UpstreamReturns } from './upstreamReturns.ts';

/**
 * Orders smaller than this are rounding dust of fractional demand (an inventory position of
 * 9.999999999999998 against a level of 10), not decisions: they would each pay a fixed ordering cost.
 */
const ORDER_EPSILON = 1e-9;

/**
 * Replenishment: stock points review their position (continuously, or every review period) and
 * order under their policies, from a supplier (through its shipping gate) or from the point above
 * (echelonAllocation.ts); orders arrive as receipts. Counts replenishment cycles and review periods
 * for the cycle service level.
 */
export class Replenishment {
  private readonly env: Environment;
  private readonly horizon: number;
  private readonly stockPoints: StockPoint[];
  private allocation!: EchelonAllocation;
  private shipping!: Shipping;
  private lots!: LotsAndExpiry;
  private upstreamReturns!: UpstreamReturns;

  constructor(private readonly tables: ModelTables) {
    this.env = tables.env;
    this.horizon = tables.horizon;
    this.stockPoints = tables.stockPoints;
  }

  connect(processes: Processes): void {
    this.allocation = processes.allocation;
    this.shipping = processes.shipping;
    this.lots = processes.lots;
    this.upstreamReturns = processes.upstreamReturns;
  }

  /**
   * `point`'s first review: an event, so that disruptions starting at time 0 are in force when it
   * orders (under continuous review, the first look at time 0).
   */
  scheduleFirstReview(point: StockPoint): void {
    const first = point.policy.reviewPeriod > 0 ? point.policy.firstReview : 0;
    if (first < this.horizon) this.env.schedule(first, EventKind.review, point.index, 0, point.reviewPriority);
  }

  /**
   * What is on its way to `point` at time 0 (its initial pipeline): shipments in transit, received on
   * their days, and orders travelling upstream, seen by the supplier on theirs. Both are on order from
   * time 0, and are noted as orders (shipments first: they arrive first) so that the orders placed in
   * the run are complete when their own units arrive.
   */
  startInitialPipeline(point: StockPoint, shipments: readonly { day: number; quantity: number }[], orders: readonly { day: number; quantity: number }[]): void {
    const byDay = (list: readonly { day: number; quantity: number }[]) => [...list].sort((a, b) => a.day - b.day);
    point.accrue(this.env.now);
    for (const { day, quantity } of byDay(shipments)) {
      point.onOrder += quantity;
      point.pipeline += quantity;
      point.initialInTransit += quantity;
      point.recordOrder(quantity);
      if (point.servesOnline) point.expectIncoming(day, quantity);
      this.env.schedule(day, EventKind.receipt, point.index, quantity, Priority.normal);
    }
    for (const { day, quantity } of byDay(orders)) {
      point.onOrder += quantity;
      point.ordersInTransit += quantity;
      point.recordOrder(quantity);
      this.env.schedule(day, EventKind.orderArrival, point.index, quantity, Priority.orderArrival);
    }
  }

  reviewContinuous(point: StockPoint): void {
    if (point.inventoryPosition > point.quietAbove || point.ended) return;
    const quantity = point.policy.orderQuantity(point);
    if (quantity > ORDER_EPSILON || quantity < -ORDER_EPSILON) this.placeOrder(point, quantity);
  }

  /** The position fell (demand, expiry, damage, a recall...): the policy may order, and so may points above reading the echelon. */
  positionFell(point: StockPoint): void {
    if (point.policy.reviewPeriod === 0) this.reviewContinuous(point);
    for (const above of point.echelonReviewers) this.reviewContinuous(above);
  }

  onReview(index: number): void {
    const point = this.stockPoints[index];
    if (point.policy.reviewPeriod === 0) return this.reviewContinuous(point); // the first look, at time 0
    point.accrue(this.env.now);
    // a review period is a replenishment cycle for the cycle service level: it runs from one review
    // to the next. What came before the first review is in no review period: it is forgotten.
    if (this.env.now > point.policy.firstReview) this.closeReviewPeriod(point);
    else point.cycleHadStockout = false;
    let quantity = point.ended ? 0 : point.policy.orderQuantity(point);
    // a scripted period's order replaces the policy's (which has still observed the review)
    if (point.scriptedOrders.length > 0 && !point.ended) quantity = point.scriptedQuantityAt(this.env.now) ?? quantity;
    point.reviewStartDemand = point.counters.demandUnits;
    if (quantity > ORDER_EPSILON || quantity < -ORDER_EPSILON) this.placeOrder(point, quantity);
    const policy = point.policy;
    const next = policy.nextReviewAfter === undefined ? this.env.now + policy.reviewPeriod : policy.nextReviewAfter(this.env.now);
    if (next < this.horizon) this.env.schedule(next, EventKind.review, index, 0, point.reviewPriority);
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
    if (start !== null && this.env.now === this.tables.windowStart) {
      start[FIELD.cycles]++;
      if (short) start[FIELD.cyclesWithStockout]++;
    }
  }

  /** At the horizon: the review period of each periodic-review point still open ends there. */
  closeLastReviewPeriods(): void {
    for (const point of this.stockPoints) {
      const policy = point.policy;
      // reviews ran at firstReview, firstReview + R, ... before the horizon: the last one opened a period
      if (policy.reviewPeriod > 0 && policy.firstReview < this.horizon) this.closeReviewPeriod(point);
    }
  }

  /** Releases an order of `quantity` (negative: a return upstream) from `point` to its supply. */
  private placeOrder(point: StockPoint, requested: number): void {
    const now = this.env.now;
    if (requested < 0) return this.upstreamReturns.returnUpstream(point, -requested);
    const quantity = point.roundOrder(requested);
    // rounded to the nearest case pack, an order may come to nothing
    if (!(quantity > ORDER_EPSILON)) return;
    point.accrue(now);
    point.onOrder += quantity;
    point.recordOrder(quantity);
    const c = point.counters;
    c.orderedUnits += quantity;
    c.ordersPlaced++;
    c.orderingCost += point.orderingCost;
    if (point.orderDelayDays > 0) {
      // the order travels to the supplier (on order here already), which sees it when it arrives
      point.ordersInTransit += quantity;
      this.env.schedule(now + point.orderDelayDays, EventKind.orderArrival, point.index, quantity, Priority.orderArrival);
      return;
    }
    this.deliverOrder(point, quantity);
  }

  /** An order of `quantity` from stock point `index` that travelled upstream reaches its supplier. */
  onOrderArrival(index: number, quantity: number): void {
    const point = this.stockPoints[index];
    point.ordersInTransit -= quantity;
    // an empty mail bag holds nothing: no rounding dust left behind
    if (Math.abs(point.ordersInTransit) < 1e-9) point.ordersInTransit = 0;
    this.deliverOrder(point, quantity);
  }

  /** `point`'s order reaches its supply: the point above owes or ships it, a supplier's gate lets it through. */
  private deliverOrder(point: StockPoint, quantity: number): void {
    const supply = point.supply;
    if (supply.upstream >= 0) this.allocation.downstreamOrder(this.stockPoints[supply.upstream], quantity, point.index);
    else this.shipping.send(supply.supplier, quantity, point.index);
  }

  onReceipt(index: number, quantity: number): void {
    this.receive(this.stockPoints[index], quantity, null);
  }

  /** A shipment of `quantity` reaches `point`: from a supplier (a new lot), or `pieces` of lots. */
  receive(point: StockPoint, quantity: number, pieces: LotList | null): void {
    point.accrue(this.env.now);
    point.pipeline -= quantity;
    point.onOrder -= quantity;
    point.put(quantity);
    if (point.servesOnline) point.crossOffIncoming(quantity);
    if (point.lots !== null) {
      if (pieces !== null) this.lots.shelve(point, pieces);
      else this.lots.addLot(point, quantity);
    }
    if (point.care !== NO_CARE) this.lots.purgeShelf(point);
    if (point.supply.supplier >= 0) point.counters.purchaseCost += quantity * point.unitCost;
    // under continuous review a cycle ends when an order has arrived in full (a split order closes one)
    const completed = point.recordReplenishment(quantity);
    point.counters.replenishedUnits += quantity;
    point.counters.ordersReceived += completed;
    if (point.policy.reviewPeriod === 0) for (let i = 0; i < completed; i++) this.closeCycle(point);
    this.allocation.serveBacklog(point);
    if (point.policy.reviewPeriod === 0) this.reviewContinuous(point);
  }
}

/**
 * Demand statistics per stock point, for policies that set levels from them: a point's own customers'
 * demand (an online zone's goes to its nearest warehouse), and upstream points face the sum of their
 * downstream points' demand (independent streams add variances).
 */
export function demandStatistics(context: BuildContext): { mean: number; variance: number }[] {
  const { plans, planIndex, demandEntries, fulfilmentOf } = context;
  const demandStats = plans.map(() => ({ mean: 0, variance: 0 }));
  /** the stock point a demand entry's statistics go to: its own, or an online zone's nearest warehouse's */
  const servingKey = (node: string, product: string) => {
    const fulfilment = fulfilmentOf.get(node);
    return fulfilment ? stockPointKey(fulfilment.from[0].warehouse, product) : stockPointKey(node, product);
  };
  for (const { entry, node, product } of demandEntries) {
    const stats = demandStats[planIndex.get(servingKey(node, product))!];
    const moments = dailyDemandMoments(entry)!;
    stats.mean += moments.mean;
    stats.variance += moments.variance;
  }
  // upstream points face the sum of their downstream points' demand (independent streams add variances)
  const depth = (i: number): number => {
    const upstream = upstreamOf(context, i);
    return upstream === undefined ? 0 : 1 + depth(upstream);
  };
  const byDepth = plans.map((_, i) => i).sort((a, b) => depth(b) - depth(a));
  for (const i of byDepth) {
    const upstream = upstreamOf(context, i);
    if (upstream !== undefined) {
      demandStats[upstream].mean += demandStats[i].mean;
      demandStats[upstream].variance += demandStats[i].variance;
    }
  }
  return demandStats;
}

/** Which points above each point read the echelon position (so they are asked after demand here). */
export function linkEchelonReviewers(stockPoints: StockPoint[]): void {
  for (const point of stockPoints) {
    for (let above = point.supply.upstream; above >= 0; above = stockPoints[above].supply.upstream) {
      if (stockPoints[above].policy.usesEchelonPosition) point.echelonReviewers.push(stockPoints[above]);
    }
  }
}
