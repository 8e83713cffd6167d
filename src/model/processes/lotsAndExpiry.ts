import type { Environment } from '../../kernel/environment.ts';
import { EventKind, Priority } from '../eventKinds.ts';
import type { StockPoint } from '../stockPoint.ts';
import { CONSIGNMENT, type Consignments, type LotList, type LotRegistry } from '../lots.ts';
import type { ModelTables } from './modelTables.ts';
import type { Processes } from './processes.ts';
import type { EndOfLife } from './endOfLife.ts';
import type { Recalls } from './recalls.ts';
import type { Replenishment } from './replenishment.ts';
import type { UpstreamReturns } from './upstreamReturns.ts';

/**
 * Lots and expiry, for products held in lots (a shelf life, or a recall that covers them): each
 * receipt from a supplier is a new lot, pieces of lots travel between points as consignments, and a
 * lot expires from a shelf on its date. After units reach a shelf it is purged of what must not stay
 * there (expired units, recalled lots, a product whose demand has ended). Points without lots never
 * come here.
 */
export class LotsAndExpiry {
  private readonly env: Environment;
  private readonly horizon: number;
  private readonly stockPoints: StockPoint[];
  private replenishment!: Replenishment;
  private upstreamReturns!: UpstreamReturns;
  private recalls!: Recalls;
  private endOfLife!: EndOfLife;

  constructor(
    tables: ModelTables,
    /** every lot of the replication (products held in lots) */
    readonly registry: LotRegistry,
    /** lot pieces on their way: deliveries, returns upstream, customer returns */
    readonly consignments: Consignments,
  ) {
    this.env = tables.env;
    this.horizon = tables.horizon;
    this.stockPoints = tables.stockPoints;
  }

  connect(processes: Processes): void {
    this.replenishment = processes.replenishment;
    this.upstreamReturns = processes.upstreamReturns;
    this.recalls = processes.recalls;
    this.endOfLife = processes.endOfLife;
  }

  /** A new lot of `quantity` from `point`'s supplier, received now, on its shelf. */
  addLot(point: StockPoint, quantity: number): void {
    const now = this.env.now;
    const supplier = point.supply.supplier;
    const recalls = this.recalls.covering(supplier, point.product, now);
    const lot = this.registry.create(supplier, now, point.care.shelfLifeDays, recalls, quantity);
    point.lots!.piece(lot, quantity);
    this.scheduleExpiry(point, lot);
  }

  /** Moves `pieces` onto `point`'s shelf (the units are already counted in its on hand). */
  shelve(point: StockPoint, pieces: LotList): void {
    for (let i = 0; i < pieces.pieces; i++) this.scheduleExpiry(point, pieces.lotAt(i));
    pieces.drainInto(point.lots!);
  }

  private scheduleExpiry(point: StockPoint, lot: number): void {
    const expiry = this.registry.expiresAt[lot];
    // a lot already past its date is purged at once by the caller (purgeShelf)
    if (expiry > this.env.now && expiry < this.horizon) this.env.schedule(expiry, EventKind.lotExpiry, point.index, 0, Priority.normal);
  }

  /**
   * After units reach `point`'s shelf: a product whose demand has ended is sold off; units past their
   * date expire; units of recalls already announced are removed.
   */
  purgeShelf(point: StockPoint): void {
    if (point.ended) return this.endOfLife.sellOff(point);
    if (point.lots === null) return;
    const expired = point.lots.expire(this.env.now);
    if (expired > 0) {
      point.onHand -= expired;
      point.counters.expiredUnits += expired;
    }
    this.recalls.removeAnnounced(point);
  }

  /**
   * At a day boundary, before the day that ended is recorded (DayBoundary): writes off the units of
   * `point` whose shelf life ends at this instant, so the day's and the period's end are after outdating.
   * The policy hears of it at the lot's own expiry event, later in the instant (onLotExpiry), where it
   * always has. Returns the units written off.
   */
  outdateAtBoundary(point: StockPoint): number {
    const now = this.env.now;
    const expired = point.lots!.expire(now);
    if (expired <= 0) return 0;
    point.onHand -= expired;
    point.counters.expiredUnits += expired;
    point.outdatedAt = now;
    return expired;
  }

  onLotExpiry(index: number): void {
    const point = this.stockPoints[index];
    const now = this.env.now;
    point.accrue(now);
    const expired = point.lots!.expire(now);
    if (expired > 0) {
      point.onHand -= expired;
      point.counters.expiredUnits += expired;
    } else if (point.outdatedAt === now) {
      // written off at the day boundary of this instant: the first of its lots' events tells the policy
      point.outdatedAt = NaN;
    } else return;
    this.replenishment.positionFell(point);
  }

  /** A consignment of lot pieces arrives: a delivery, or a return from a point below. */
  onConsignmentArrival(id: number, quantity: number): void {
    const consignments = this.consignments;
    const point = this.stockPoints[consignments.destination(id)];
    if (consignments.kind(id) === CONSIGNMENT.delivery) this.replenishment.receive(point, quantity, consignments.list(id));
    else this.upstreamReturns.onReturnReceipt(point.index, quantity, consignments.list(id));
    consignments.close(id);
  }
}
