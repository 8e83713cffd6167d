import type { Environment } from '../../kernel/environment.ts';
import type { StockPoint } from '../stockPoint.ts';
import { SaleOfLots } from '../saleOfLots.ts';
import { LotList, type LotRegistry } from '../lots.ts';
import type { RecallOutcome } from './recalls.ts';
import type { ModelTables } from './modelTables.ts';
import type { Processes } from './processes.ts';
import type { CustomerReturns } from './customerReturns.ts';

/**
 * Units leave a shelf for customers (a purchase, a backorder filled, an online order's part). A point
 * without lots or returns does nothing more; one with lots counts what the sale took from them
 * (markdowns, recalled lots reached: saleOfLots.ts), and one with returns sends some units back.
 */
export class CustomerSale {
  private readonly env: Environment;
  /** counts what a customer sale takes from lots: markdowns, recalled lots reached */
  readonly ofLots: SaleOfLots;
  private customerReturns!: CustomerReturns;

  constructor(tables: ModelTables, lots: LotRegistry, recallOutcomes: RecallOutcome[]) {
    this.env = tables.env;
    this.ofLots = new SaleOfLots(lots, recallOutcomes, new LotList(lots));
  }

  connect(processes: Processes): void {
    this.customerReturns = processes.customerReturns;
  }

  /** Units leave `point`'s shelf for customers (`customers` = 1: one order; 0: each unit is one). */
  sell(point: StockPoint, quantity: number, customers: number): void {
    point.take(quantity);
    if (point.lots === null && point.care.returns === null) return;
    const sale = this.ofLots;
    if (point.lots !== null) {
      sale.begin(point, this.env.now);
      point.lots.take(quantity, point.issuing, sale);
      sale.end(customers);
    }
    if (point.care.returns !== null) this.customerReturns.sendReturns(point, quantity);
  }
}
