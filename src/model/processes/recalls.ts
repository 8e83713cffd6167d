import type { Environment } from '../../kernel/environment.ts';
import { EventKind, Priority } from '../eventKinds.ts';
import type { StockPoint } from '../stockPoint.ts';
import { idsOf } from '../../scenario/references.ts';
import type { BuildContext } from './buildContext.ts';
import type { GatesAndStages } from './shipping.ts';
import type { LotRegistry, PieceSink } from '../lots.ts';
import type { ModelTables } from './modelTables.ts';
import type { Processes } from './processes.ts';
import type { Replenishment } from './replenishment.ts';

/** A recall as the simulation runs it: which lots it covers is decided when each lot is born. */
export interface RecallPlan {
  name: string;
  /** the supplier's shipping gate */
  supplier: number;
  /** product indices covered */
  products: ReadonlySet<number>;
  receivedFrom: number;
  receivedTo: number;
  announcedOn: number;
}

/** What a recall found when it was announced. */
export interface RecallOutcome {
  name: string;
  /** units removed from shelves then, and arriving later (in transit or returned) */
  unitsRemoved: number;
  /** customer purchases that included units of its lots, before the announcement */
  customersReached: number;
  /** units of its lots sold before the announcement */
  unitsSold: number;
}

/**
 * Recalls: a lot a recalled supplier ships in the recall's window is marked at birth (bit r of its
 * recall mask); when recall r is announced its units leave every shelf, and later wherever they turn
 * up (a delivery, a return). What each sale took of its lots is counted by saleOfLots.ts.
 */
export class Recalls {
  private readonly env: Environment;
  private readonly horizon: number;
  private readonly stockPoints: StockPoint[];
  readonly recallOutcomes: RecallOutcome[];
  /** bit r set once recall r is announced: its units are removed wherever they turn up */
  private announcedRecalls = 0;
  private replenishment!: Replenishment;

  constructor(
    tables: ModelTables,
    readonly recalls: RecallPlan[],
    private readonly lots: LotRegistry,
  ) {
    this.env = tables.env;
    this.horizon = tables.horizon;
    this.stockPoints = tables.stockPoints;
    this.recallOutcomes = recalls.map((recall) => ({ name: recall.name, unitsRemoved: 0, customersReached: 0, unitsSold: 0 }));
  }

  connect(processes: Processes): void {
    this.replenishment = processes.replenishment;
  }

  /** Each recall's announcement. */
  start(): void {
    this.recalls.forEach((recall, index) => {
      if (recall.announcedOn < this.horizon) this.env.schedule(recall.announcedOn, EventKind.recall, index, 0, Priority.normal);
    });
  }

  /** The recall mask of a lot of `product` received now from `supplier`: bit r for each recall r covering it. */
  covering(supplier: number, product: number, now: number): number {
    let recalls = 0;
    for (let r = 0; r < this.recalls.length; r++) {
      const recall = this.recalls[r];
      if (recall.supplier === supplier && recall.products.has(product) && now >= recall.receivedFrom && now < recall.receivedTo) recalls |= 1 << r;
    }
    return recalls;
  }

  onRecall(index: number): void {
    const bit = 1 << index;
    this.announcedRecalls |= bit;
    const products = this.recalls[index].products;
    for (const point of this.stockPoints) {
      if (point.lots === null || !products.has(point.product)) continue;
      point.accrue(this.env.now);
      if (this.removeRecalled(point, bit) > 0) this.replenishment.positionFell(point);
    }
  }

  /** Units just reached `point`'s shelf: those of recalls already announced are removed. */
  removeAnnounced(point: StockPoint): void {
    if (this.announcedRecalls !== 0) this.removeRecalled(point, this.announcedRecalls);
  }

  /** Removes the units of the recalls in `mask` from `point`'s shelf; returns how many. */
  private removeRecalled(point: StockPoint, mask: number): number {
    const recalls = this.lots.recalls;
    const removed = point.lots!.removeWhere((lot) => (recalls[lot] & mask) !== 0, this.recallCount);
    if (removed <= 0) return 0;
    point.onHand -= removed;
    point.counters.recalledUnits += removed;
    return removed;
  }

  /** Adds each removed piece to the outcome of the recalls its lot falls in. */
  private readonly recallCount: PieceSink = {
    piece: (lot, quantity) => {
      const recalls = this.lots.recalls[lot];
      for (let r = 0; r < this.recalls.length; r++) if ((recalls & (1 << r)) !== 0) this.recallOutcomes[r].unitsRemoved += quantity;
    },
  };
}

/**
 * Per recall: the products it covers (every product the recalled supplier ships when the recall names
 * none). Products held in lots are those with a shelf life, and those a recall covers.
 */
export function recalledProductsOf(context: BuildContext): Set<string>[] {
  const { scenario, plans, sources } = context;
  const suppliedBy = (supplier: string) => new Set(plans.filter((_, i) => sources[i] === supplier).map((plan) => plan.product));
  return scenario.recalls.map((recall) => new Set(recall.product !== undefined ? idsOf(recall.product) : suppliedBy(recall.supplier)));
}

export function buildRecalls(context: BuildContext, network: GatesAndStages, recalledProducts: Set<string>[]): RecallPlan[] {
  return context.scenario.recalls.map((recall, i) => ({
    name: recall.name ?? `recall#${i}`,
    supplier: network.gateFor(recall.supplier),
    products: new Set([...recalledProducts[i]].map((id) => context.productIndex.get(id)!)),
    receivedFrom: recall.receivedFrom,
    receivedTo: recall.receivedTo,
    announcedOn: recall.announcedOn,
  }));
}
