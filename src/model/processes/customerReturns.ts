import type { Environment } from '../../kernel/environment.ts';
import { EventKind, Priority } from '../eventKinds.ts';
import type { StockPoint } from '../stockPoint.ts';
import { NO_CARE } from '../productCare.ts';
import { CONSIGNMENT, type Consignments } from '../lots.ts';
import { binomial } from '../../random/distributions/binomial.ts';
import type { ModelTables } from './modelTables.ts';
import type { Processes } from './processes.ts';
import type { CustomerSale } from './customerSale.ts';
import type { EchelonAllocation } from './echelonAllocation.ts';
import type { LotsAndExpiry } from './lotsAndExpiry.ts';
import type { Replenishment } from './replenishment.ts';

/**
 * Customer returns, for products with `returns`: some of the units a sale took come back to the point
 * that sold them after a delay; a share is reconditioned and restocked, the rest scrapped, and the
 * price is refunded.
 */
export class CustomerReturns {
  private readonly env: Environment;
  private readonly stockPoints: StockPoint[];
  private sale!: CustomerSale;
  private lots!: LotsAndExpiry;
  private allocation!: EchelonAllocation;
  private replenishment!: Replenishment;

  constructor(
    tables: ModelTables,
    private readonly consignments: Consignments,
  ) {
    this.env = tables.env;
    this.stockPoints = tables.stockPoints;
  }

  connect(processes: Processes): void {
    this.sale = processes.sale;
    this.lots = processes.lots;
    this.allocation = processes.allocation;
    this.replenishment = processes.replenishment;
  }

  /** Some of the units just sold will come back, after a delay. */
  sendReturns(point: StockPoint, quantity: number): void {
    const returns = point.care.returns!;
    const whole = Math.floor(quantity + 1e-9);
    let returned = binomial(whole, returns.fraction, returns.decisions);
    // a fractional remainder (continuous demand) comes back whole or not at all
    if (quantity - whole > 1e-9 && returns.decisions() < returns.fraction) returned += quantity - whole;
    if (returned <= 0) return;
    const id = this.consignments.open(point.index, CONSIGNMENT.customerReturn);
    // the units that come back are the first pieces of the sale
    if (point.lots !== null) this.sale.ofLots.sold.take(returned, 'fifo', this.consignments.list(id));
    this.env.schedule(this.env.now + returns.delay.sample(), EventKind.customerReturn, id, returned, Priority.normal);
  }

  /** Returned units reach the point that sold them: a share is reconditioned and restocked, the rest scrapped. */
  onCustomerReturn(id: number, quantity: number): void {
    const point = this.stockPoints[this.consignments.destination(id)];
    const returns = point.care.returns!;
    point.accrue(this.env.now);
    const whole = Math.floor(quantity + 1e-9);
    let restocked = binomial(whole, returns.restockShare, returns.decisions);
    if (quantity - whole > 1e-9 && returns.decisions() < returns.restockShare) restocked += quantity - whole;
    const scrapped = quantity - restocked;
    const c = point.counters;
    c.customerReturnedUnits += quantity;
    c.restockedUnits += restocked;
    c.scrappedUnits += scrapped;
    c.returnsCost += restocked * returns.reconditionCostPerUnit + scrapped * returns.scrapCostPerUnit;
    if (point.price !== null) c.refunds += quantity * point.price;
    if (restocked > 0) {
      point.onHand += restocked;
      if (point.lots !== null) {
        const pieces = this.consignments.list(id);
        pieces.take(pieces.total - restocked, 'lifo', null);
        this.lots.shelve(point, pieces);
      }
      if (point.care !== NO_CARE) this.lots.purgeShelf(point);
      this.allocation.serveBacklog(point);
      if (point.policy.reviewPeriod === 0) this.replenishment.reviewContinuous(point);
    }
    this.consignments.close(id);
  }
}
