import type { Environment } from '../../kernel/environment.ts';
import { EventKind, Priority } from '../eventKinds.ts';
import type { StockPoint } from '../stockPoint.ts';
import { NO_CARE } from '../productCare.ts';
import { CONSIGNMENT, type LotList } from '../lots.ts';
import type { ModelTables } from './modelTables.ts';
import type { Processes } from './processes.ts';
import type { EchelonAllocation } from './echelonAllocation.ts';
import type { LotsAndExpiry } from './lotsAndExpiry.ts';
import type { Replenishment } from './replenishment.ts';
import type { LaneState } from './shipping.ts';

/**
 * Returns upstream: a policy's negative order sends units back over the lane, to a supplier that takes
 * them for good, or to the point above, which restocks them (lots and all).
 */
export class UpstreamReturns {
  private readonly env: Environment;
  private readonly stockPoints: StockPoint[];
  private replenishment!: Replenishment;
  private allocation!: EchelonAllocation;
  private lots!: LotsAndExpiry;

  constructor(
    tables: ModelTables,
    private readonly lanes: LaneState[],
  ) {
    this.env = tables.env;
    this.stockPoints = tables.stockPoints;
  }

  connect(processes: Processes): void {
    this.replenishment = processes.replenishment;
    this.allocation = processes.allocation;
    this.lots = processes.lots;
  }

  /** A negative order: units go back to the supply (a supplier takes them, an upstream point restocks them). */
  returnUpstream(point: StockPoint, requested: number): void {
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
    const consignments = this.lots.consignments;
    const consignment = point.lots !== null && supply.upstream >= 0 ? consignments.open(supply.upstream, CONSIGNMENT.returnUpstream) : -1;
    point.lots?.take(quantity, point.issuing, consignment >= 0 ? consignments.list(consignment) : null);
    if (supply.upstream >= 0) {
      const delay = supply.leadTime.sample() * lane.leadTimeMultiplier;
      if (consignment >= 0) this.env.schedule(now + delay, EventKind.consignmentArrival, consignment, quantity, Priority.normal);
      else this.env.schedule(now + delay, EventKind.returnReceipt, supply.upstream, quantity, Priority.normal);
    }
  }

  onReturnReceipt(index: number, quantity: number, pieces: LotList | null = null): void {
    const point = this.stockPoints[index];
    point.accrue(this.env.now);
    point.put(quantity);
    if (point.lots !== null && pieces !== null) this.lots.shelve(point, pieces);
    if (point.care !== NO_CARE) this.lots.purgeShelf(point);
    this.allocation.serveBacklog(point);
    if (point.policy.reviewPeriod === 0) this.replenishment.reviewContinuous(point);
  }
}
