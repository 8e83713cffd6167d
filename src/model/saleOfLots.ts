import type { LotList, LotRegistry, PieceSink } from './lots.ts';
import type { RecallOutcome } from './processes/recalls.ts';
import type { StockPoint } from './stockPoint.ts';

/**
 * What a customer sale takes from lots, piece by piece: units near their expiry sold at a markdown,
 * and the units of lots a recall will cover (so the recall can say how many customers they reached).
 * The pieces of the last sale are kept in `sold`, where returns take the units that come back.
 */
export class SaleOfLots implements PieceSink {
  private point: StockPoint | null = null;
  private now = 0;
  /** recalls whose lots this sale took units of (bit r for recall r), and how many of each's */
  private recallMask = 0;
  private readonly recallUnits: Float64Array;

  constructor(
    private readonly registry: LotRegistry,
    private readonly outcomes: RecallOutcome[],
    readonly sold: LotList,
  ) {
    this.recallUnits = new Float64Array(outcomes.length);
  }

  begin(point: StockPoint, now: number): void {
    this.point = point;
    this.now = now;
    if (this.recallMask !== 0) this.recallUnits.fill(0);
    this.recallMask = 0;
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
      // a lot may be covered by several recalls, and one sale may take lots of different recalls:
      // each recall counts only the units of its own lots
      this.recallMask |= recalls;
      for (let r = 0; r < this.outcomes.length; r++) if ((recalls & (1 << r)) !== 0) this.recallUnits[r] += quantity;
    }
    this.sold.piece(lot, quantity);
  }

  /** `customers` = 1: the sale was one customer's order; 0: each unit was one customer's. */
  end(customers: number): void {
    if (this.recallMask === 0) return;
    for (let r = 0; r < this.outcomes.length; r++) {
      if ((this.recallMask & (1 << r)) === 0) continue;
      this.outcomes[r].customersReached += customers > 0 ? customers : this.recallUnits[r];
      this.outcomes[r].unitsSold += this.recallUnits[r];
    }
  }
}
