import type { Policy as PolicySpec } from '../../scenario/schema.ts';
import type { Policy, PolicyState } from './policy.ts';

export type ScheduleSpec = Extract<PolicySpec, { type: 'schedule' }>;

/**
 * A fixed order schedule: orders of given quantities on given days, whatever the stock, optionally
 * repeated every N days (a weekly schedule written once). Its reviews are its order days: the
 * replenishment process asks `nextReviewAfter` where it would add the review period.
 *
 * The days of the k-th cycle are day_i + k N, computed the same way for scheduling and for looking up
 * the quantity, so a review's time matches its entry exactly. A cursor walks the schedule as time goes
 * on (reviews come in time order): each call is O(1) amortised.
 */
export class ScheduleRule implements Policy {
  readonly type = 'schedule';
  /** the schedule's cycle, N; Infinity when it runs once (no review period: reviews follow the days) */
  readonly reviewPeriod: number;
  readonly firstReview: number;
  readonly reorderPoint = null;
  readonly orderUpTo = null;
  /** the largest order of the schedule: one delivery's worth */
  readonly defaultInitialOnHand: number;
  /** periodic: asked at reviews only */
  readonly quietAbove = Infinity;

  private readonly days: Float64Array;
  private readonly quantities: Float64Array;
  /** the cursor: entry `index` of cycle `cycle` is the first entry not yet passed */
  private index = 0;
  private cycle = 0;

  constructor(spec: ScheduleSpec) {
    this.days = Float64Array.from(spec.orders, (order) => order.day);
    this.quantities = Float64Array.from(spec.orders, (order) => order.quantity);
    this.reviewPeriod = spec.repeatEveryDays ?? Infinity;
    this.firstReview = this.days[0];
    this.defaultInitialOnHand = Math.max(...this.quantities);
  }

  /** the time of the entry under the cursor (Infinity past the end of a schedule that runs once) */
  private cursorTime(): number {
    if (this.cycle === 0) return this.days[this.index];
    return this.days[this.index] + this.cycle * this.reviewPeriod;
  }

  /** moves the cursor past every entry before `now` (or at it, when `inclusive`) */
  private advance(now: number, inclusive: boolean): void {
    const days = this.days;
    for (;;) {
      if (this.cycle > 0 && this.reviewPeriod === Infinity) return;
      const time = this.cursorTime();
      if (time > now || (!inclusive && time === now)) return;
      if (++this.index === days.length) {
        this.index = 0;
        this.cycle++;
      }
    }
  }

  /** the next order day after `now`, Infinity when the schedule has ended */
  nextReviewAfter(now: number): number {
    this.advance(now, true);
    return this.cycle > 0 && this.reviewPeriod === Infinity ? Infinity : this.cursorTime();
  }

  /** the quantity scheduled at `now`; 0 at a time the schedule does not name */
  orderQuantity(state: PolicyState): number {
    this.advance(state.now, false);
    if (this.cycle > 0 && this.reviewPeriod === Infinity) return 0;
    return this.cursorTime() === state.now ? this.quantities[this.index] : 0;
  }
}
