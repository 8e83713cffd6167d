import type { Environment } from '../../kernel/environment.ts';
import { EventKind, Priority } from '../eventKinds.ts';
import type { RandomStream } from '../../random/streams.ts';
import type { RecordAccuracy, StockPoint } from '../stockPoint.ts';
import type { StockPointPlan } from '../stockPointPlans.ts';
import type { RandomStreams } from '../../random/streams.ts';
import { binomial } from '../../random/distributions/binomial.ts';
import type { ModelTables } from './modelTables.ts';
import type { Processes } from './processes.ts';
import type { Replenishment } from './replenishment.ts';

/**
 * Losses on the shelf, day by day: damage (units hit with the product's daily probability, and the
 * record knows), and shrinkage (units vanish and the record does not know until a count finds the
 * gap). The day boundary (dayBoundary.ts) calls in only for points with damage or record visibility
 * settings.
 */
export class DamageAndVisibility {
  private readonly env: Environment;
  private readonly stockPoints: StockPoint[];
  private replenishment!: Replenishment;

  constructor(tables: ModelTables) {
    this.env = tables.env;
    this.stockPoints = tables.stockPoints;
  }

  connect(processes: Processes): void {
    this.replenishment = processes.replenishment;
  }

  /** The day's damage at `point`: each unit on hand is hit with the product's daily probability (see hitOnShelf). */
  damage(point: StockPoint): void {
    const damaged = this.hitOnShelf(point, point.care.damagePerDay, point.care.damage!);
    if (damaged === 0) return;
    point.counters.damagedUnits += damaged;
    this.replenishment.positionFell(point);
  }

  /**
   * Removes from `point`'s shelf the units an event of daily probability `probability` per unit hits
   * today (damage, shrinkage), wherever they sit in its lots; returns how many. Each whole unit on the
   * shelf is hit independently; a fractional remainder (the 0.5 of 3.5 units on hand) is hit whole or
   * not at all, with the same probability, so that p × on hand units are hit on average and what
   * leaves the lots is exactly what leaves the shelf. Whole stock draws as it always did.
   */
  private hitOnShelf(point: StockPoint, probability: number, draws: RandomStream): number {
    const onHand = point.onHand;
    const whole = Math.floor(onHand + 1e-9);
    const wholeHit = binomial(whole, probability, draws);
    const remainder = onHand - whole;
    const remainderHit = remainder > 1e-9 && probability > 0 && draws() < probability ? remainder : 0;
    if (wholeHit === 0 && remainderHit === 0) return 0;
    if (point.lots !== null) point.lots.removeAtPositions(wholeHit, draws, remainderHit);
    // whole is onHand to rounding (2.9999999999 units hold 3 whole ones): never below an empty shelf
    const hit = Math.min(wholeHit + remainderHit, onHand);
    point.onHand = onHand - hit;
    return hit;
  }

  /**
   * The day's shrinkage at `point`: units vanish from the shelf and the record does not know, so the
   * policy still counts them. A count (every `countEveryDays`, daily with real-time visibility) finds
   * the gap; its result reaches the record after `countDelayDays`.
   */
  shrinkAndCount(point: StockPoint, day: number): void {
    const visibility = point.visibility!;
    const shrunk = this.hitOnShelf(point, visibility.shrinkagePerDay, visibility.draws);
    if (shrunk > 0) {
      point.phantom += shrunk;
      point.counters.shrunkUnits += shrunk;
    }
    // what earlier counts found is already on its way to the record
    const gap = point.phantom - visibility.foundInFlight;
    if (day % visibility.countEveryDays !== 0 || gap <= 1e-9) return;
    if (visibility.countDelayDays === 0) return this.onCountResult(point.index, gap);
    visibility.foundInFlight += gap;
    this.env.schedule(this.env.now + visibility.countDelayDays, EventKind.countResult, point.index, gap, Priority.normal);
  }

  /** A count found `gap` units the record had and the shelf did not: the record drops them, and the policy sees the truth. */
  onCountResult(index: number, gap: number): void {
    const point = this.stockPoints[index];
    const visibility = point.visibility!;
    if (visibility.countDelayDays > 0) visibility.foundInFlight -= gap;
    point.accrue(this.env.now);
    // losses after the count are still unknown; what it found may already be cleared (end of life)
    point.phantom = Math.max(0, point.phantom - gap);
    this.replenishment.positionFell(point);
  }
}

/** How `plan`'s stock record drifts from its shelf and how counts put it right, if it says (else null). */
export function recordAccuracyOf(plan: StockPointPlan, streams: RandomStreams): RecordAccuracy | null {
  const visibility = plan.entry.visibility;
  if (!visibility) return null;
  return {
    shrinkagePerDay: visibility.shrinkagePerDay,
    countEveryDays: visibility.realTime ? 1 : (visibility.countEveryDays ?? Infinity),
    countDelayDays: visibility.realTime ? 0 : visibility.countDelayDays,
    foundInFlight: 0,
    draws: streams.stream(`shrinkage:${plan.key}`),
  };
}
