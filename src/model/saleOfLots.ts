import type { LotList, LotRegistry, PieceSink } from './lots.ts';
import type { RecallOutcome } from './simulation.ts';
import type { StockPoint } from './stockPoint.ts';

/**
 * What a customer sale takes from lots, piece by piece: units near their expiry sold at a markdown,
 * and the units of lots a recall will cover (so the recall can say how many customers they reached).
 * The pieces of the last sale are kept in `sold`, where returns take the units that come back.
 */
export class SaleOfLots implements PieceSink {
  private point: StockPoint | null = null;
  private now = 0;
  /** recalls whose lots this sale took units of, and how many */
  private recallMask = 0;
  private recallUnits = 0;

  constructor(
    private readonly registry: LotRegistry,
    private readonly outcomes: RecallOutcome[],
    readonly sold: LotList,
  ) {}

  begin(point: StockPoint, now: number): void {
    this.point = point;
    this.now = now;
    this.recallMask = 0;
    this.recallUnits = 0;
    this.sold.clear();
  }

  piece(lot: number, quantity: number): void {
    const point = this.point!;
    const markdown = point.care.markdown;
    if (markdown !== null && this.registry.expiresAt[lot] - this.now <= markdown.withinDays) {
      point.counters.markdownUnits += quantity;
      if (point.price !== null) point.counters.markdownDiscount += quantity * point.price * markdown.discount;
    }
    const recalls = this.registry.recalls[lot];
    if (recalls !== 0) {
      this.recallMask |= recalls;
      this.recallUnits += quantity;
    }
    this.sold.piece(lot, quantity);
  }

  /** `customers` = 1: the sale was one customer's order; 0: each unit was one customer's. */
  end(customers: number): void {
    if (this.recallMask === 0) return;
    for (let r = 0; r < this.outcomes.length; r++) {
      if ((this.recallMask & (1 << r)) === 0) continue;
      this.outcomes[r].customersReached += customers > 0 ? customers : this.recallUnits;
      this.outcomes[r].unitsSold += this.recallUnits;
    }
  }
}
