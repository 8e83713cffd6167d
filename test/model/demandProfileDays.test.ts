import { describe, expect, it } from 'vitest';
import { buildDemandProfile } from '../../src/model/demandProfile.ts';

type Shock = { multiplier: number; windows: { start: number; end: number }[] };

/** The day multipliers as a plain array (null: every day has multiplier 1, the fast path). */
function profileOf(days: number, options: { weekly?: number[]; yearly?: number[]; trend?: number; shocks?: Shock[]; endDay?: number }): number[] | null {
  const seasonality = options.weekly || options.yearly ? { weekly: options.weekly, yearly: options.yearly } : undefined;
  const profile = buildDemandProfile(days, seasonality, options.trend ?? 0, options.shocks ?? [], options.endDay);
  return profile === null ? null : Array.from(profile);
}

/** `count` copies of the window [start, end). */
function windows(count: number, start: number, end: number): { start: number; end: number }[] {
  return Array.from({ length: count }, () => ({ start, end }));
}

describe('demand profile: the rate multiplier of each day (docs/SCENARIO.md: Demand, Day 0 is a Monday and 1 January)', () => {
  it('is the fast path (null) when no multiplier differs from 1', () => {
    expect(profileOf(10, {})).toBeNull();
    // a shock of multiplier 1, or one that never occurs, changes no day
    expect(profileOf(10, { shocks: [{ multiplier: 1, windows: [{ start: 2, end: 5 }] }] })).toBeNull();
    expect(profileOf(10, { shocks: [{ multiplier: 3, windows: [] }] })).toBeNull();
    // demand that ends at the end of the horizon (or later) ends no day within it
    expect(profileOf(10, { endDay: 10 })).toBeNull();
    expect(profileOf(10, { endDay: 15 })).toBeNull();
  });

  it('weekly seasonality: day d has the multiplier of weekday d mod 7', () => {
    const weekly = [1, 2, 3, 4, 5, 6, 0.5];
    // days 0..9: Mon..Sun, then Mon, Tue, Wed again
    expect(profileOf(10, { weekly })).toEqual([1, 2, 3, 4, 5, 6, 0.5, 1, 2, 3]);
  });

  it('yearly seasonality: months of 365/12 days, January first, repeating every 365 days', () => {
    const yearly = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
    const profile = profileOf(400, { yearly })!;
    // day d is in month floor(d × 12 / 365): day 30 → 360/365 (January), day 31 → 372/365 (February),
    // day 364 → 4368/365 = 11.97 (December), day 365 → a new January, day 396 = 365 + 31 → February
    expect([profile[0], profile[30], profile[31], profile[60], profile[61], profile[364], profile[365], profile[396]]).toEqual([1, 1, 2, 2, 3, 12, 1, 2]);
  });

  it('linear trend: the multiplier is 1 + trend × day / 365, never below 0', () => {
    const growing = profileOf(10, { trend: 0.73 })!;
    // 0.73 / 365 = 0.002 a day
    growing.forEach((value, day) => expect(value).toBeCloseTo(1 + 0.002 * day, 12));
    const shrinking = profileOf(5, { trend: -365 / 2 })!;
    // 1 − day / 2: 1, 0.5, 0, then clamped at 0 (not −0.5, −1)
    expect(shrinking).toEqual([1, 0.5, 0, 0, 0]);
  });

  it('seasonality and trend multiply together', () => {
    const profile = profileOf(8, { weekly: [2, 1, 1, 1, 1, 1, 1], trend: 365 })!;
    // trend 365: 1 + day; weekly: ×2 on Mondays (days 0 and 7)
    expect(profile).toEqual([2, 2, 3, 4, 5, 6, 7, 16]);
  });

  it('no demand from the end day on (a day that starts at or after it), the days before unchanged', () => {
    expect(profileOf(8, { endDay: 5 })).toEqual([1, 1, 1, 1, 1, 0, 0, 0]);
    // the end falls within day 4: day 4 starts before it and keeps its demand
    expect(profileOf(8, { endDay: 4.5 })).toEqual([1, 1, 1, 1, 1, 0, 0, 0]);
  });

  it('a shock multiplies the days whose start falls in its window [start, end)', () => {
    expect(profileOf(10, { shocks: [{ multiplier: 3, windows: [{ start: 3, end: 6 }] }] })).toEqual([1, 1, 1, 3, 3, 3, 1, 1, 1, 1]);
    // [2.5, 6.2): days 3, 4, 5 and 6 start inside it; day 2 started before it
    expect(profileOf(10, { shocks: [{ multiplier: 3, windows: [{ start: 2.5, end: 6.2 }] }] })).toEqual([1, 1, 1, 3, 3, 3, 3, 1, 1, 1]);
    // [2.2, 2.8) holds no day's start: no day changes (but the shock exists, so the profile is built)
    expect(profileOf(5, { shocks: [{ multiplier: 3, windows: [{ start: 2.2, end: 2.8 }] }] })).toEqual([1, 1, 1, 1, 1]);
  });

  it('a shock running past the horizon covers the days up to the last one', () => {
    expect(profileOf(10, { shocks: [{ multiplier: 2, windows: [{ start: 8, end: 20 }] }] })).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 2, 2]);
    expect(profileOf(4, { shocks: [{ multiplier: 2, windows: [{ start: 0, end: 4 }] }] })).toEqual([2, 2, 2, 2]);
  });

  it('an inert shock next to an active one does not stop the active one', () => {
    const shocks = [
      { multiplier: 1, windows: [{ start: 0, end: 10 }] },
      { multiplier: 5, windows: [] },
      { multiplier: 2, windows: [{ start: 1, end: 3 }] },
    ];
    expect(profileOf(5, { shocks })).toEqual([1, 2, 2, 1, 1]);
  });

  it('overlapping windows of one shock multiply; different shocks multiply', () => {
    // ×3 in [0, 5) and [3, 8): days 3 and 4 are in both (×9)
    expect(profileOf(10, { shocks: [{ multiplier: 3, windows: [{ start: 0, end: 5 }, { start: 3, end: 8 }] }] })).toEqual([3, 3, 3, 9, 9, 3, 3, 3, 1, 1]);
    // ×2 in [0, 4) and ×0.5 in [2, 6): 2, 2, 1, 1, 0.5, 0.5
    const shocks = [
      { multiplier: 2, windows: [{ start: 0, end: 4 }] },
      { multiplier: 0.5, windows: [{ start: 2, end: 6 }] },
    ];
    expect(profileOf(7, { shocks })).toEqual([2, 2, 1, 1, 0.5, 0.5, 1]);
  });

  it('shocks multiply the seasonal and trend multipliers of their days', () => {
    const profile = profileOf(4, { weekly: [1, 2, 3, 4, 1, 1, 1], shocks: [{ multiplier: 10, windows: [{ start: 1, end: 3 }] }] });
    expect(profile).toEqual([1, 20, 30, 4]);
  });

  it('up to 64 windows over a day, the multiplier is applied once per window, to the bit (as a window at a time did)', () => {
    for (const count of [4, 64]) {
      const profile = profileOf(3, { shocks: [{ multiplier: 1.1, windows: windows(count, 1, 2) }] })!;
      // applying the shock window after window: ((1 × 1.1) × 1.1) × ...; with 1.1 this differs in the last
      // bits from the same power computed by squaring, (1.1²)² for 4 windows
      let windowByWindow = 1;
      for (let j = 0; j < count; j++) windowByWindow *= 1.1;
      expect(profile[1], `${count} windows`).toBe(windowByWindow);
      expect(profile[0]).toBe(1);
      expect(profile[2]).toBe(1);
    }
  });

  it('beyond 64 windows over a day, the multiplier is still raised to the number of windows', () => {
    // 2^k is exact in floating point however it is computed
    for (const count of [65, 70, 100, 127]) {
      const profile = profileOf(3, { shocks: [{ multiplier: 2, windows: windows(count, 1, 2) }] })!;
      expect(profile[1], `${count} windows`).toBe(2 ** count);
      expect(profile[2]).toBe(1);
    }
    // and for a multiplier that is not a power of two, up to rounding
    const profile = profileOf(2, { shocks: [{ multiplier: 1.01, windows: windows(100, 0, 1) }] })!;
    expect(profile[0] / Math.exp(100 * Math.log(1.01))).toBeCloseTo(1, 12);
  });
});
