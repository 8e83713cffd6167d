import type { Scenario } from '../scenario/schema.ts';
import type { Simulation } from '../model/simulation.ts';
import type { StockPoint } from '../model/stockPoint.ts';
import { collectResult, prepareReplication, stormOrError, type RunResult } from './run.ts';

/**
 * One replication stepped through day by day, for the app's "Step through" panel and for teaching:
 * the simulation of (scenario, variant, replication) built as runReplication builds it, run by the
 * kernel to the end of one day at a time, and read at each day's end: every stock point's levels
 * (on hand, backorders, inventory position, in transit, on order) and what happened there that day,
 * as records (sold, short, lost, ordered, received...).
 *
 * Nothing is added to the run: the day's records are differences of the stock points' cumulative
 * counters between two day ends (src/model/counters.ts), and the pause is the day boundary's own
 * `stopAfterDay` check (one comparison a day, Infinity in an ordinary run). The events and their order
 * are the ordinary run's, so a replication stepped to its end gives the bytes of runReplication
 * (test/experiment/stepper.test.ts checks it on gallery scenarios).
 */

/** What can happen at a stock point in a day, in the order the words say them. */
export const HAPPENING_KINDS = [
  'sold',
  'short',
  'lost',
  'backordered',
  'left',
  'abandoned',
  'shipped',
  'dispatched',
  'ordered',
  'received',
  'expired',
  'damaged',
  'obsolete',
  'recalled',
  'shrunk',
  'returned',
] as const;
export type HappeningKind = (typeof HAPPENING_KINDS)[number];

/**
 * One thing that happened at a stock point in a day:
 * - `sold`: units customers took away or were delivered (from the shelf or from backorder);
 * - `short`: units customers asked for that the shelf could not give at once (`count`: customers);
 * - `lost`: units of those lost (lost sales); `backordered`: units of those the customers wait for;
 * - `left`: customers who left for good after a bad experience here (`quantity` is customers);
 * - `abandoned`: online carts abandoned over the promise (`quantity` is orders);
 * - `shipped`: units this point sent to the stock points it supplies;
 * - `dispatched`: units that left for this point from its source (a supplier or a stock point);
 * - `ordered`: units ordered from its source (`count`: orders placed); `received`: units of orders received;
 * - `expired`, `damaged`, `obsolete` (sold off at end of life), `recalled`, `shrunk` (vanished unrecorded),
 *   `returned` (brought back by customers): units.
 */
export interface Happening {
  /** the stock point's index in StepperInfo.points */
  point: number;
  kind: HappeningKind;
  /** units (customers for `left`, orders for `abandoned`) */
  quantity: number;
  /** customers (`short`) or orders (`ordered`) it concerns; null where not counted */
  count: number | null;
}

/** A stock point's levels at an instant. */
export interface PointLevels {
  onHand: number;
  backorders: number;
  /** recorded on hand + on order − backorders: what its policy decides on */
  position: number;
  /** units shipped to it and not yet received */
  pipeline: number;
  /** units ordered and not yet received */
  onOrder: number;
}

/** A day as it ended. */
export interface StepDay {
  /** 0-based, as the daily series count days */
  day: number;
  /** the whole day lies in the warm-up (the KPIs do not count it) */
  warmup: boolean;
  /** per stock point, at the end of the day */
  levels: PointLevels[];
  /** active customers of each customer base at the end of the day */
  activeCustomers: number[];
  happenings: Happening[];
}

/** A stock point as the stepper names it. */
export interface StepperPoint {
  node: string;
  product: string;
  /** the node its replenishment comes from (a supplier's or the upstream stock point's) */
  from: string | null;
  /** customers' demand arrives here */
  customerFacing: boolean;
  /** the policy's type (baseStock, sS...) */
  policy: string;
  reorderPoint: number | null;
  orderUpTo: number | null;
}

/** What a stepper runs, and where it starts. */
export interface StepperInfo {
  variant: string;
  replication: number;
  seed: string;
  /** days of the run (the last may be partial, with a fractional horizon) */
  days: number;
  horizonDays: number;
  warmupDays: number;
  points: StepperPoint[];
  /** the node of each customer base */
  customerBases: string[];
  /** the levels at time 0, before anything happens */
  initial: PointLevels[];
}

/** cumulative figures read at a day's end, per stock point (FIGURES order) */
const FIGURES = 20;
const F = {
  customerDemand: 0,
  customerFilledAtOnce: 1,
  sold: 2,
  shipped: 3,
  lost: 4,
  customerBackordered: 5,
  customersShort: 6,
  churned: 7,
  ordered: 8,
  ordersPlaced: 9,
  replenished: 10,
  pipeline: 11,
  expired: 12,
  damaged: 13,
  obsolete: 14,
  recalled: 15,
  shrunk: 16,
  returned: 17,
  abandoned: 18,
} as const;

/** below this a difference is rounding dust, not a happening */
const DUST = 1e-9;

export class Stepper {
  readonly info: StepperInfo;
  private readonly simulation: Simulation;
  private readonly variantId: string;
  private readonly expected: number;
  private readonly before: Float64Array;
  private readonly now: Float64Array;
  private lastDay = -1;
  private result: RunResult | null = null;

  constructor(
    private readonly scenario: Scenario,
    variantIndex: number,
    readonly replication: number,
  ) {
    const prepared = prepareReplication(scenario, variantIndex, replication);
    this.simulation = prepared.simulation;
    this.variantId = prepared.variant.id;
    this.expected = prepared.expected;
    const simulation = this.simulation;
    const points = simulation.stockPoints;
    this.info = {
      variant: prepared.variant.id,
      replication,
      seed: prepared.seed,
      days: simulation.days,
      horizonDays: simulation.horizon,
      warmupDays: simulation.warmup,
      points: points.map((point) => ({
        node: point.node,
        product: point.productId,
        from: sourceNode(simulation, point),
        customerFacing: point.customerFacing,
        policy: point.policy.type,
        reorderPoint: point.policy.reorderPoint,
        orderUpTo: point.policy.orderUpTo,
      })),
      customerBases: simulation.customerBases.map((base) => base.node),
      initial: points.map(levelsOf),
    };
    this.before = new Float64Array(points.length * FIGURES);
    this.now = new Float64Array(points.length * FIGURES);
    this.read(this.before);
  }

  /** the last day run to its end (-1 before the first) */
  get day(): number {
    return this.lastDay;
  }

  /** the replication has run to its horizon */
  get over(): boolean {
    return this.simulation.isOver;
  }

  /**
   * Runs on to the end of day `day` (at most the last), one day at a time, and gives each day as it
   * ended; `onDay` is called after each (progress, or a cancel check that throws). Nothing when
   * `day` is already behind.
   */
  stepTo(day: number, onDay?: (step: StepDay) => void): StepDay[] {
    const target = Math.min(Math.floor(day), this.info.days - 1);
    const steps: StepDay[] = [];
    while (this.lastDay < target && !this.over) {
      const next = this.lastDay + 1;
      try {
        this.simulation.runToDay(next);
      } catch (error) {
        throw stormOrError(error, this.variantId, this.replication, this.expected);
      }
      const step = this.dayEnded(this.over ? this.info.days - 1 : next);
      steps.push(step);
      onDay?.(step);
    }
    return steps;
  }

  /** the next day */
  step(): StepDay | null {
    return this.stepTo(this.lastDay + 1)[0] ?? null;
  }

  /** The replication's result once it is over (runReplication's, to the byte), else null. */
  runResult(): RunResult | null {
    if (!this.over) return null;
    this.result ??= collectResult(this.scenario, this.simulation, this.variantId, this.replication, this.info.seed);
    return this.result;
  }

  private dayEnded(day: number): StepDay {
    this.lastDay = day;
    this.read(this.now);
    const points = this.simulation.stockPoints;
    const happenings: Happening[] = [];
    const was = this.before;
    const is = this.now;
    for (let i = 0; i < points.length; i++) {
      const at = i * FIGURES;
      const delta = (figure: number) => is[at + figure] - was[at + figure];
      const add = (kind: HappeningKind, quantity: number, count: number | null = null) => {
        if (quantity > DUST) happenings.push({ point: i, kind, quantity: tidy(quantity), count: count === null ? null : tidy(count) });
      };
      const short = delta(F.customerDemand) - delta(F.customerFilledAtOnce);
      add('sold', delta(F.sold));
      add('short', short, delta(F.customersShort));
      add('lost', delta(F.lost));
      add('backordered', delta(F.customerBackordered));
      add('left', delta(F.churned));
      add('abandoned', delta(F.abandoned));
      add('shipped', delta(F.shipped));
      // units that left for this point: into its pipeline, less what arrived from it
      add('dispatched', delta(F.pipeline) + delta(F.replenished));
      add('ordered', delta(F.ordered), delta(F.ordersPlaced));
      add('received', delta(F.replenished));
      add('expired', delta(F.expired));
      add('damaged', delta(F.damaged));
      add('obsolete', delta(F.obsolete));
      add('recalled', delta(F.recalled));
      add('shrunk', delta(F.shrunk));
      add('returned', delta(F.returned));
    }
    this.before.set(this.now);
    return {
      day,
      warmup: day + 1 <= this.info.warmupDays,
      levels: points.map(levelsOf),
      activeCustomers: this.simulation.customerBases.map((base) => base.active),
      happenings,
    };
  }

  /** every stock point's cumulative figures now, into `into` */
  private read(into: Float64Array): void {
    const points = this.simulation.stockPoints;
    for (let i = 0; i < points.length; i++) {
      const c = points[i].counters;
      const at = i * FIGURES;
      const customerAtOnce = c.filledImmediatelyUnits - c.internalFilledImmediatelyUnits;
      into[at + F.customerDemand] = c.demandUnits - c.internalDemandUnits;
      into[at + F.customerFilledAtOnce] = customerAtOnce;
      into[at + F.sold] = customerAtOnce + c.customerFilledFromBackorderUnits;
      into[at + F.shipped] = c.internalFilledImmediatelyUnits + c.filledFromBackorderUnits - c.customerFilledFromBackorderUnits;
      into[at + F.lost] = c.lostUnits;
      into[at + F.customerBackordered] = c.customerBackorderedUnits;
      into[at + F.customersShort] = c.customersShort;
      into[at + F.churned] = c.customersChurned;
      into[at + F.ordered] = c.orderedUnits;
      into[at + F.ordersPlaced] = c.ordersPlaced;
      into[at + F.replenished] = c.replenishedUnits;
      into[at + F.pipeline] = points[i].pipeline;
      into[at + F.expired] = c.expiredUnits;
      into[at + F.damaged] = c.damagedUnits;
      into[at + F.obsolete] = c.obsoleteUnits;
      into[at + F.recalled] = c.recalledUnits;
      into[at + F.shrunk] = c.shrunkUnits;
      into[at + F.returned] = c.customerReturnedUnits;
      into[at + F.abandoned] = c.abandonedCarts;
    }
  }
}

function levelsOf(point: StockPoint): PointLevels {
  return {
    onHand: tidy(point.onHand),
    backorders: tidy(point.backorders),
    position: tidy(point.inventoryPosition),
    pipeline: tidy(point.pipeline),
    onOrder: tidy(point.onOrder),
  };
}

/** The node a stock point's replenishment comes from: its upstream stock point's, or its supplier's. */
function sourceNode(simulation: Simulation, point: StockPoint): string | null {
  const supply = point.supply;
  if (supply.upstream >= 0) return simulation.stockPoints[supply.upstream].node;
  if (supply.supplier >= 0) return simulation.gates[supply.supplier]?.node ?? null;
  return null;
}

/** a figure without the float noise of sums and differences (12 significant digits) */
function tidy(value: number): number {
  return Math.abs(value) < DUST ? 0 : Number(value.toPrecision(12));
}
