import type { Environment } from '../../kernel/environment.ts';
import { EventKind, Priority } from '../eventKinds.ts';
import type { StockPoint } from '../stockPoint.ts';
import type { ModelTables } from './modelTables.ts';

/**
 * End of life: on a product's last day of demand its points order nothing more and sell off what they
 * hold at the salvage value (counted as obsolete), and whatever reaches them later.
 */
export class EndOfLife {
  private readonly env: Environment;
  private readonly horizon: number;
  private readonly stockPoints: StockPoint[];

  constructor(
    tables: ModelTables,
    /** per product: the day its demand ends (Infinity: never) */
    private readonly endOfLifeDays: number[],
  ) {
    this.env = tables.env;
    this.horizon = tables.horizon;
    this.stockPoints = tables.stockPoints;
  }

  /** Each product's end of life within the run. */
  start(): void {
    this.endOfLifeDays.forEach((day, product) => {
      if (day < this.horizon) this.env.schedule(day, EventKind.endOfLife, product, 0, Priority.normal);
    });
  }

  /** The product's demand ends: its points order nothing more and sell off what they hold. */
  onEndOfLife(product: number): void {
    for (const point of this.stockPoints) {
      if (point.product !== product) continue;
      point.ended = true;
      point.accrue(this.env.now);
      this.sellOff(point);
    }
  }

  /** Every unit on `point`'s shelf is sold off at the salvage value (counted as obsolete). */
  sellOff(point: StockPoint): void {
    const units = point.onHand;
    point.phantom = 0;
    if (units <= 0) return;
    point.onHand = 0;
    point.lots?.clear();
    point.counters.obsoleteUnits += units;
  }
}
