import { describe, expect, it } from 'vitest';
import { CustomerBase } from '../../src/model/customerBase.ts';
import { cumulativeProfile } from '../../src/model/demandProfile.ts';
import { DemandStream, STREAM_FIELD, STREAM_ROW_WIDTH, nextSteadyArrival, type DemandKind } from '../../src/model/demandStream.ts';
import { ConstantSampler } from '../../src/random/distributions/constant.ts';
import { UniformSampler } from '../../src/random/distributions/uniform.ts';
import type { Sampler } from '../../src/random/distributions/sampler.ts';

/**
 * An Alea state whose first draw is exactly 1/2: with s0 = 0 and c = 2^31 the step computes
 * t = 2^31 * 2^-32 = 0.5. The first interarrival gap is then -ln(1 - 1/2) = ln 2 unit exposures.
 */
const HALF_FIRST = () => new Float64Array([0, 0, 0, 2 ** 31]);
const LN2 = Math.log(2);
/** An Alea state whose first draw is exactly 0 (t = 0): a gap of no exposure at all. */
const ZERO_FIRST = () => new Float64Array([0, 0, 0, 0]);

/** A customer base of `initial` customers, `active` of them still active (its draws are never used here). */
function base(initial: number, active = initial): CustomerBase {
  const never = () => {
    throw new Error('no draw expected');
  };
  const customers = new CustomerBase(0, 'store', initial, 0, 0, 0, 0, 0, 0, never, never);
  customers.active = active;
  return customers;
}

interface StreamOptions {
  kind?: DemandKind;
  ratePerDay?: number;
  quantity?: Sampler | null;
  history?: number[] | null;
  profile?: number[] | null;
  customers?: CustomerBase | null;
  days?: number;
  gapState?: Float64Array;
  row?: Float64Array;
}

function stream(options: StreamOptions = {}): DemandStream {
  const days = options.days ?? 10;
  const profile = options.profile ? Float64Array.from(options.profile) : null;
  const history = options.history ?? null;
  return new DemandStream(
    0,
    options.kind ?? 'arrivals',
    0,
    0,
    options.ratePerDay ?? 1,
    options.quantity === undefined ? (history ? null : new ConstantSampler(1)) : options.quantity,
    history,
    profile,
    cumulativeProfile(profile, days),
    options.gapState ?? HALF_FIRST(),
    options.customers ?? null,
    days,
    options.row,
  );
}

describe('a demand stream, as constructed', () => {
  it('has no pending arrival yet, and the order quantity when it is a constant', () => {
    const s = stream({ quantity: new ConstantSampler(3) });
    expect(s.pendingArrival).toBe(-1);
    expect(s.pendingTime).toBe(Infinity);
    expect(s.fixedQuantity).toBe(3);
    expect(s.meanQuantity).toBe(3);
    s.pendingArrival = 17;
    expect(s.pendingArrival).toBe(17);
  });

  it('a constant quantity of zero is still a constant quantity (0), not "varies" (-1)', () => {
    expect(stream({ quantity: new ConstantSampler(0) }).fixedQuantity).toBe(0);
  });

  it('a varying quantity has no fixed quantity; its mean is the distribution mean', () => {
    const s = stream({ quantity: new UniformSampler(1, 3, () => 0.5) });
    expect(s.fixedQuantity).toBe(-1);
    expect(s.meanQuantity).toBe(2);
    expect(s.steady).toBe(false);
  });

  it('a history stream has as mean quantity the average of its series', () => {
    // (2 + 4 + 9) / 3 = 5
    const s = stream({ kind: 'history', history: [2, 4, 9], quantity: null });
    expect(s.meanQuantity).toBe(5);
    expect(s.fixedQuantity).toBe(-1);
  });

  it('is steady only for arrivals at a flat rate of a constant positive quantity', () => {
    expect(stream({ quantity: new ConstantSampler(2) }).steady).toBe(true);
    expect(stream({ quantity: new ConstantSampler(0) }).steady).toBe(false);
    expect(stream({ quantity: new ConstantSampler(2), profile: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1] }).steady).toBe(false);
    expect(stream({ kind: 'perPeriod', quantity: new ConstantSampler(2) }).steady).toBe(false);
  });

  it('writes its row of the stream table: the pending arrival, the rate with the base factor, the fixed quantity', () => {
    const table = new Float64Array(2 * STREAM_ROW_WIDTH);
    // 4 customers a day written, 30 of 40 customers active: 3 a day
    const s = stream({ ratePerDay: 4, customers: base(40, 30), quantity: new ConstantSampler(2), row: table.subarray(STREAM_ROW_WIDTH) });
    const row = Array.from(table.subarray(STREAM_ROW_WIDTH));
    expect(row.slice(0, 4)).toEqual([0, 0, 0, 2 ** 31]);
    expect(row[STREAM_FIELD.pendingArrival]).toBe(-1);
    expect(row[STREAM_FIELD.pendingTime]).toBe(Infinity);
    expect(row[STREAM_FIELD.rate]).toBe(3);
    expect(row[STREAM_FIELD.fixedQuantity]).toBe(2);
    expect(Array.from(table.subarray(0, STREAM_ROW_WIDTH))).toEqual(new Array(STREAM_ROW_WIDTH).fill(0));
    s.pendingTime = 5;
    expect(table[STREAM_ROW_WIDTH + STREAM_FIELD.pendingTime]).toBe(5);
  });
});

describe('daily quantities (per-period and history streams)', () => {
  it('replays the history, repeating it past its end, times the day multiplier and the base factor', () => {
    // days 0..4 of the series [2, 4, 6] are 2, 4, 6, 2, 4; multipliers 1, 1, 1, 0.5, 2; base at half
    const s = stream({ kind: 'history', history: [2, 4, 6], quantity: null, profile: [1, 1, 1, 0.5, 2], days: 5, customers: base(10, 5) });
    expect([0, 1, 2, 3, 4].map((day) => s.dayQuantity(day))).toEqual([1, 2, 3, 0.5, 4]);
  });

  it('draws a per-period quantity from its distribution, flat and with the full base', () => {
    const draws = [0.25, 0.75];
    let i = 0;
    const s = stream({ kind: 'perPeriod', quantity: new UniformSampler(0, 8, () => draws[i++]) });
    expect([s.dayQuantity(0), s.dayQuantity(1)]).toEqual([2, 6]);
  });
});

describe('arrival times', () => {
  it('flat rate: the next arrival is a unit exponential gap divided by the rate after now', () => {
    const s = stream({ ratePerDay: 4 });
    // ln 2 / 4 after 1.5
    expect(s.nextArrival(1.5)).toBeCloseTo(1.5 + LN2 / 4, 12);
    expect(s.pendingTime).toBeCloseTo(1.5 + LN2 / 4, 12);
  });

  it('flat rate scaled by the customer base: a quarter of the base left, a quarter of the rate', () => {
    const s = stream({ ratePerDay: 4, customers: base(100, 25) });
    expect(s.nextArrival(0)).toBeCloseTo(LN2, 12);
  });

  it('no active customers: never another arrival', () => {
    const s = stream({ ratePerDay: 4, customers: base(100, 0) });
    expect(s.nextArrival(2)).toBe(Infinity);
    expect(s.pendingTime).toBe(Infinity);
  });

  it('seasonal rate: the integrated rate from now reaches the draw, skipping a day without demand', () => {
    // exposure ln 2 = 0.6931 from 0.5: day 0 (x0.5) gives 0.25 by its end, day 1 (x0) nothing, day 2
    // (x2) the remaining 0.4431 after 0.4431 / 2 of a day
    const s = stream({ profile: [0.5, 0, 2, 1], days: 4 });
    expect(s.nextArrival(0.5)).toBeCloseTo(2 + (LN2 - 0.25) / 2, 12);
  });

  it('seasonal rate: an arrival whose exposure is not reached before the last day never comes', () => {
    // a rate of 0.1 over 3 days of x1 gives 0.3 < ln 2
    const s = stream({ ratePerDay: 0.1, profile: [1, 1, 1], days: 3 });
    expect(s.nextArrival(0)).toBe(Infinity);
  });

  it('seasonal rate, arrival within the current day', () => {
    // rate 1 x 4 on day 1: from 1.25 the exposure ln 2 is reached after ln 2 / 4 < 0.75 days
    const s = stream({ profile: [1, 4, 1], days: 3 });
    expect(s.nextArrival(1.25)).toBeCloseTo(1.25 + LN2 / 4, 12);
  });

  it('the steady fast path on the row makes the same draw and the same arithmetic as nextArrival', () => {
    const table = new Float64Array(2 * STREAM_ROW_WIDTH);
    stream({ ratePerDay: 4, customers: base(40, 20), row: table.subarray(STREAM_ROW_WIDTH) });
    // rate 4 x 20/40 = 2: ln 2 / 2 after 3
    const time = nextSteadyArrival(table, STREAM_ROW_WIDTH, 3);
    expect(time).toBeCloseTo(3 + LN2 / 2, 12);
    expect(table[STREAM_ROW_WIDTH + STREAM_FIELD.pendingTime]).toBe(time);
    const general = stream({ ratePerDay: 4, customers: base(40, 20) });
    expect(general.nextArrival(3)).toBe(time);
  });

  it('the steady fast path with a rate of zero: never', () => {
    const table = new Float64Array(STREAM_ROW_WIDTH);
    stream({ ratePerDay: 4, customers: base(40, 0), row: table });
    expect(nextSteadyArrival(table, 0, 3)).toBe(Infinity);
    expect(table[STREAM_FIELD.pendingTime]).toBe(Infinity);
  });
});

describe('a draw of zero exposure (a uniform of exactly 0)', () => {
  it('flat rate: the arrival is now', () => {
    expect(stream({ ratePerDay: 4, gapState: ZERO_FIRST() }).nextArrival(1.5)).toBe(1.5);
  });

  it('flat rate without active customers: still never (not 0 / 0)', () => {
    expect(stream({ ratePerDay: 4, customers: base(10, 0), gapState: ZERO_FIRST() }).nextArrival(1.5)).toBe(Infinity);
  });

  it('seasonal rate, now in a day without demand: when demand resumes', () => {
    const s = stream({ profile: [1, 0, 2], days: 3, gapState: ZERO_FIRST() });
    expect(s.nextArrival(1.5)).toBe(2);
  });

  it('the steady fast path without active customers: never (not 0 / 0)', () => {
    const table = new Float64Array(STREAM_ROW_WIDTH);
    stream({ ratePerDay: 4, customers: base(40, 0), row: table, gapState: ZERO_FIRST() });
    expect(nextSteadyArrival(table, 0, 3)).toBe(Infinity);
  });

  it('the last customers leaving at the very time of the pending arrival: no arrival', () => {
    const customers = base(10, 10);
    const s = stream({ ratePerDay: 1, customers });
    s.pendingTime = 2;
    customers.active = 0;
    expect(s.rescheduledArrival(2, 1)).toBe(Infinity);
  });
});

describe('rescheduling the pending arrival when the base changes size', () => {
  it('flat rate: the exposure left is carried over to the new rate (half the customers, twice the wait)', () => {
    const customers = base(40, 40);
    const s = stream({ ratePerDay: 2, customers });
    s.pendingTime = 3;
    customers.active = 20;
    // old rate 2 x 1: exposure 2 x (3 - 1) = 4 left at 1; new rate 1: 1 + 4 = 5
    expect(s.rescheduledArrival(1, 1)).toBe(5);
    expect(s.pendingTime).toBe(5);
    // and the row's rate follows the base
    const table = new Float64Array(STREAM_ROW_WIDTH);
    const t = stream({ ratePerDay: 2, customers: base(40, 40), row: table });
    t.pendingTime = 3;
    t.customers!.active = 20;
    t.rescheduledArrival(1, 1);
    expect(table[STREAM_FIELD.rate]).toBe(1);
  });

  it('flat rate: a base that doubles halves the wait left (the old rate is the written rate times the old factor)', () => {
    const customers = base(40, 40);
    const s = stream({ ratePerDay: 2, customers });
    s.pendingTime = 3;
    // the base was at half (20 of 40): old rate 2 x 0.5 = 1, exposure 1 x (3 - 1) = 2; new rate 2: 1 + 1
    expect(s.rescheduledArrival(1, 0.5)).toBe(2);
  });

  it('flat rate: a pending arrival drawn past the last day is carried over too, and may come sooner', () => {
    // 10 days; at 9 the pending arrival lies at 10.5, beyond the run; the base quadruples (10 to 40
    // active): the exposure left, 1 x 1.5, is reached at the new rate 4 after 1.5 / 4 days: 9.375
    const customers = base(10, 10);
    const s = stream({ ratePerDay: 1, customers, days: 10 });
    s.pendingTime = 10.5;
    customers.active = 40;
    expect(s.rescheduledArrival(9, 1)).toBe(9.375);
  });

  it('seasonal rate: the exposure left is measured with the day multipliers', () => {
    const customers = base(10, 10);
    const s = stream({ ratePerDay: 2, customers, profile: [1, 2, 4, 1], days: 4 });
    s.pendingTime = 2.5;
    customers.active = 20;
    // exposure from 0.5 to 2.5 under rate 2: 2 x (0.5 x 1 + 1 x 2 + 0.5 x 4) = 9; at rate 4: day 0 gives
    // 4 x 0.5 = 2 (7 left), day 1 (x2) holds 8 >= 7: reached after 7 / 8 of day 1
    expect(s.rescheduledArrival(0.5, 1)).toBe(1 + 7 / 8);
  });

  it('an arrival that ends exactly where a day without demand begins stays there', () => {
    const customers = base(10, 10);
    const s = stream({ ratePerDay: 2, customers, profile: [1, 0, 1], days: 3 });
    s.pendingTime = 1;
    // the base is unchanged: exposure 2 x 0.5 = 1 is exactly what day 0 holds from 0.5
    expect(s.rescheduledArrival(0.5, 1)).toBe(1);
  });

  it('a base that had no customers draws afresh instead of carrying an exposure over', () => {
    const customers = base(10, 0);
    const s = stream({ ratePerDay: 4, customers });
    // nothing pending (a rate of zero draws no arrival time); one customer comes
    customers.active = 10;
    // fresh draw ln 2 at rate 4 from 2
    expect(s.rescheduledArrival(2, 0)).toBeCloseTo(2 + LN2 / 4, 12);
  });

  it('seasonal: a pending arrival beyond the last day is drawn afresh (its exposure is unknown)', () => {
    const customers = base(10, 10);
    const s = stream({ ratePerDay: 1, customers, profile: [1, 1, 1, 1], days: 4 });
    s.pendingTime = 4; // drawn past the horizon's last day
    customers.active = 20;
    // fresh draw: ln 2 at rate 2 from 1
    expect(s.rescheduledArrival(1, 1)).toBeCloseTo(1 + LN2 / 2, 12);
  });

  it('the last customers leaving: no more arrivals', () => {
    const customers = base(10, 10);
    const s = stream({ ratePerDay: 1, customers });
    s.pendingTime = 3;
    customers.active = 0;
    expect(s.rescheduledArrival(1, 1)).toBe(Infinity);
  });
});

describe('expected units per customer (demand lost to churn)', () => {
  it('is zero without a customer base', () => {
    expect(stream({ ratePerDay: 3 }).expectedUnitsPerCustomer(0, 10)).toBe(0);
  });

  it('arrivals: rate x mean quantity x days left / initial customers, with seasonality', () => {
    const s = stream({ ratePerDay: 6, quantity: new ConstantSampler(2), customers: base(4, 3), profile: [1, 2, 3, 1], days: 4 });
    // from 0.5 to 2.5: 0.5 x 1 + 2 + 0.5 x 3 = 4 multiplier-days; 6 x 2 x 4 / 4 = 12
    expect(s.expectedUnitsPerCustomer(0.5, 2.5)).toBe(12);
    // to the end: 0.5 + 2 + 3 + 1 = 6.5; 6 x 2 x 6.5 / 4 = 19.5; the end may lie beyond the last day
    expect(s.expectedUnitsPerCustomer(0.5, 7)).toBe(19.5);
  });

  it("per-period demand: today's demand happened at the start of the day, so counting starts tomorrow", () => {
    const s = stream({ kind: 'perPeriod', quantity: new ConstantSampler(5), customers: base(10), days: 10 });
    // from 3.4: days 4..9, 6 days of 5 units over 10 customers
    expect(s.expectedUnitsPerCustomer(3.4, 10)).toBe(3);
    // on the last day nothing is left
    expect(s.expectedUnitsPerCustomer(9.2, 10)).toBe(0);
    expect(s.expectedUnitsPerCustomer(9, 10)).toBe(0);
  });

  it('per-period demand: a stretch within one day, after its start, holds no demand (not a negative amount)', () => {
    const s = stream({ kind: 'perPeriod', quantity: new ConstantSampler(5), customers: base(10), days: 10 });
    expect(s.expectedUnitsPerCustomer(8.5, 8.75)).toBe(0);
  });

  it('arrivals at the end: nothing left', () => {
    const s = stream({ ratePerDay: 6, customers: base(4) });
    expect(s.expectedUnitsPerCustomer(10, 10)).toBe(0);
    // a negative start counts from 0 (multiplier-days clamp to the run)
    expect(s.expectedUnitsPerCustomer(-1, 2)).toBe(3);
  });
});
