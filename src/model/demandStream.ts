import { aleaNext } from '../random/streams.ts';
import type { Sampler } from '../random/distributions/sampler.ts';
import type { CustomerBase } from './customerBase.ts';
import { exponentialGap } from '../math/libm.ts';
import type { DeliveryTerms } from './processes/customerDelivery.ts';

export type DemandKind = 'arrivals' | 'perPeriod' | 'history' | 'orders';

/**
 * Customer demand for one product at one stock point, in one of three forms:
 * - arrivals: a Poisson process of customers (rate customersPerDay x day multiplier x customer-base
 *   factor), each buying a drawn quantity;
 * - perPeriod: one draw per day, at the start of the day;
 * - history: a daily series replayed (and repeated when the horizon is longer);
 * - orders: a count of customer orders each day (drawn, or replayed from a history of counts), each
 *   of a drawn size, at the start of the day.
 *
 * Interarrival times and quantities come from separate streams, so that changing the quantity
 * distribution leaves the arrival times unchanged (and vice versa).
 */
export class DemandStream {
  /**
   * The numbers each arrival touches, side by side (layout: STREAM_FIELD): the interarrival
   * generator's state, the pending arrival's event handle and time, the current rate and the fixed
   * quantity. It is this stream's row of the simulation's table of streams.
   */
  private readonly hot: Float64Array;
  /** arrivals at a constant rate, of a constant positive quantity: `nextSteadyArrival` applies */
  readonly steady: boolean;

  get pendingArrival(): number {
    return this.hot[HOT.pendingArrival];
  }
  /** handle of the pending arrival event, or -1 */
  set pendingArrival(handle: number) {
    this.hot[HOT.pendingArrival] = handle;
  }
  /** time of the next arrival as last drawn (it may lie beyond the horizon, unscheduled) */
  get pendingTime(): number {
    return this.hot[HOT.pendingTime];
  }
  set pendingTime(time: number) {
    this.hot[HOT.pendingTime] = time;
  }
  /** the order quantity when it is a constant (the common "one unit per customer"), else -1 */
  readonly fixedQuantity: number;
  /** mean units per customer order (arrivals) or per day before multipliers (others) */
  readonly meanQuantity: number;

  constructor(
    readonly index: number,
    readonly kind: DemandKind,
    readonly stockPoint: number,
    readonly product: number,
    /** customers per day (arrivals); 1 for the other kinds */
    readonly ratePerDay: number,
    readonly quantity: Sampler | null,
    readonly history: ReadonlyArray<number> | null,
    /** day multipliers, or null when flat */
    readonly profile: Float64Array | null,
    /** cumulative[d] = sum of multipliers of days before d */
    readonly cumulative: Float64Array,
    /** the state of the interarrival times' random stream */
    gapState: Float64Array,
    readonly customers: CustomerBase | null,
    readonly days: number,
    /** this stream's row in the simulation's table of streams (STREAM_ROW_WIDTH numbers) */
    row: Float64Array = new Float64Array(STREAM_ROW_WIDTH),
    /** orders: the day's count of orders when drawn (else `history` holds the counts) */
    readonly counts: Sampler | null = null,
    /** how its orders reach their customers, or null: carried away when served */
    readonly delivery: DeliveryTerms | null = null,
  ) {
    this.hot = row;
    this.hot.set(gapState, HOT.gapState);
    this.hot[HOT.pendingArrival] = -1;
    this.hot[HOT.pendingTime] = Infinity;
    // orders: `quantity` draws an order's size, and `ratePerDay` is the mean count of orders a day
    this.meanQuantity = quantity !== null ? quantity.mean : history!.reduce((sum, value) => sum + value, 0) / history!.length;
    this.fixedQuantity = quantity !== null && quantity.variance === 0 && quantity.mean >= 0 ? quantity.mean : -1;
    this.hot[HOT.fixedQuantity] = this.fixedQuantity;
    this.hot[HOT.rate] = this.currentRate();
    this.steady = kind === 'arrivals' && profile === null && this.fixedQuantity > 0 && delivery === null;
  }

  /** Customers per day now: the written rate times the customer base's demand factor. */
  private currentRate(): number {
    return this.ratePerDay * (this.customers ? this.customers.demandFactor : 1);
  }


  /** Units demanded on day `day` (perPeriod and history). */
  dayQuantity(day: number): number {
    const base = this.kind === 'history' ? this.history![day % this.history!.length] : this.quantity!.sample();
    const multiplier = this.profile ? this.profile[day] : 1;
    const factor = this.customers ? this.customers.demandFactor : 1;
    return base * multiplier * factor;
  }

  /**
   * Orders on day `day` (orders): the day's count, drawn or replayed, times the day's multiplier and the
   * customer base's factor, rounded to the nearest whole order (half up) when these are not 1.
   */
  dayOrders(day: number): number {
    const base = this.counts !== null ? this.counts.sample() : this.history![day % this.history!.length];
    const multiplier = this.profile ? this.profile[day] : 1;
    const factor = this.customers ? this.customers.demandFactor : 1;
    const scaled = base * multiplier * factor;
    return scaled === base ? base : Math.floor(scaled + 0.5);
  }

  /**
   * Time of the next customer arrival after `now`, or Infinity. The rate is piecewise constant over
   * days, so the next arrival is where the integrated rate reaches a unit exponential draw.
   */
  nextArrival(now: number): number {
    const time = this.arrivalAfter(now, exponentialGap(aleaNext(this.hot, HOT.gapState)));
    this.hot[HOT.pendingTime] = time;
    return time;
  }

  /**
   * The pending arrival's time after the customer base changed size (the rate was `oldFactor` times the
   * written one). Rather than a fresh draw, the exposure left until the pending arrival under the old
   * rate is carried over to the new rate: the same arrival, sooner or later. This is exact (what is left
   * of an exponential is exponential) and keeps the stream's draws in step with a variant whose base
   * did not change, so policies compared on common random numbers keep seeing the same customers.
   */
  rescheduledArrival(now: number, oldFactor: number): number {
    const pending = this.pendingTime;
    const oldRate = this.ratePerDay * oldFactor;
    if (oldRate <= 0 || !(pending < Infinity) || (this.profile !== null && pending >= this.days)) return this.nextArrival(now);
    const exposure = oldRate * (this.profile === null ? pending - now : this.integratedMultiplier(pending) - this.integratedMultiplier(now));
    this.pendingTime = this.arrivalAfter(now, exposure);
    return this.pendingTime;
  }

  /** Where the integrated rate from `now` reaches `exposure`, at the current rate, or Infinity. */
  private arrivalAfter(now: number, exposure: number): number {
    // every change of the base's size reschedules through here, which keeps the row's rate current
    const rate = this.currentRate();
    this.hot[HOT.rate] = rate;
    if (rate <= 0) return Infinity;
    let remaining = exposure;
    const profile = this.profile;
    if (profile === null) return now + remaining / rate;
    let time = now;
    for (;;) {
      const day = Math.floor(time);
      if (day >= this.days) return Infinity;
      const dayRate = rate * profile[day];
      const dayEnd = day + 1;
      if (dayRate > 0) {
        const capacity = dayRate * (dayEnd - time);
        if (remaining <= capacity) return time + remaining / dayRate;
        remaining -= capacity;
      }
      time = dayEnd;
    }
  }

  /** Expected units that one customer of the base would demand here between `time` and `end`. */
  expectedUnitsPerCustomer(time: number, end: number): number {
    if (!this.customers) return 0;
    // a day's per-period demand happens at the start of the day: today's is already behind us
    const from = this.kind === 'arrivals' ? time : Math.floor(time) + 1;
    if (from >= end) return 0;
    const mass = this.integratedMultiplier(end) - this.integratedMultiplier(from);
    return (this.ratePerDay * this.meanQuantity * mass) / this.customers.initial;
  }

  private integratedMultiplier(time: number): number {
    const clamped = Math.min(Math.max(time, 0), this.days);
    const day = Math.floor(clamped);
    if (day >= this.days) return this.cumulative[this.days];
    const multiplier = this.profile ? this.profile[day] : 1;
    return this.cumulative[day] + multiplier * (clamped - day);
  }
}

/** Layout of a stream's row (`DemandStream.hot`). */
export const STREAM_FIELD = { gapState: 0, pendingArrival: 4, pendingTime: 5, rate: 6, fixedQuantity: 7 } as const;
const HOT = STREAM_FIELD;
/** Numbers per stream row (one 64-byte cache line). */
export const STREAM_ROW_WIDTH = 8;

/**
 * The next arrival of a steady stream (`DemandStream.steady`) whose row starts at `table[at]`, worked
 * on the table without touching the DemandStream object: the same draw and the same arithmetic as
 * `nextArrival` with a flat profile.
 */
export function nextSteadyArrival(table: Float64Array, at: number, now: number): number {
  const gap = exponentialGap(aleaNext(table, at + HOT.gapState));
  const rate = table[at + HOT.rate];
  const time = rate > 0 ? now + gap / rate : Infinity;
  table[at + HOT.pendingTime] = time;
  return time;
}
