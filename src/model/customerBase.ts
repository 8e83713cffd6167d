import type { RandomStream } from '../random/streams.ts';

/**
 * The customers of one store. Active customers generate its demand: every demand stream at the store
 * runs at (active / initial) times its written rate. A customer who meets a stockout leaves for good
 * with probability `churnOnStockout`; one whose order is backordered with `churnOnBackorder`; new
 * customers arrive as a Poisson process. A departure removes that customer's expected future demand,
 * reported as `demandLostToChurn`.
 */
/** What made customers leave, in the order of `CustomerBase.churnedBy`. */
export const CHURN_CAUSES = ['stockout', 'backorder', 'late', 'abandoned'] as const;
export type ChurnCause = (typeof CHURN_CAUSES)[number];
export const CAUSE = { stockout: 0, backorder: 1, late: 2, abandoned: 3 } as const;

export class CustomerBase {
  active: number;
  /** customers who left in the measured window */
  churned = 0;
  /** of them, by what made them leave (CHURN_CAUSES order) */
  readonly churnedBy = new Float64Array(4);
  /** expected units the window's churned customers would have bought before the window ends */
  demandLostToChurn = 0;
  /** indices of the demand streams this base drives */
  readonly demandStreams: number[] = [];

  constructor(
    readonly index: number,
    readonly node: string,
    readonly initial: number,
    readonly churnOnStockout: number,
    readonly churnOnBackorder: number,
    /** online orders: leaving after a late delivery, after abandoning a cart over the promise */
    readonly churnOnLate: number,
    readonly churnOnAbandon: number,
    readonly newPerDay: number,
    readonly lifetimeValue: number,
    /** churn decisions */
    readonly decisions: RandomStream,
    /** arrivals of new customers */
    readonly arrivals: RandomStream,
  ) {
    this.active = initial;
  }

  /** Scale applied to the written demand rates. */
  get demandFactor(): number {
    return this.active / this.initial;
  }

  /** How many of `count` disappointed customers leave (each with `probability`, capped by those active). */
  decideDepartures(count: number, probability: number): number {
    if (probability <= 0 || count <= 0) return 0;
    let leaving = 0;
    for (let i = 0; i < count && leaving < this.active; i++) if (this.decisions() < probability) leaving++;
    return leaving;
  }
}
