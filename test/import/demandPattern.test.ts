import { describe, expect, it } from 'vitest';
import { findPattern, monthOf } from '../../src/import/demandPattern.ts';
import { dayNumber } from '../../src/import/dates.ts';

describe('monthOf', () => {
  it('agrees with the calendar on every day from 1900 to 2200', () => {
    for (let day = dayNumber(1900, 1, 1)!; day <= dayNumber(2200, 12, 31)!; day++) {
      if (monthOf(day) !== new Date(day * 86_400_000).getUTCMonth()) throw new Error(`day ${day}: ${monthOf(day)}`);
    }
    expect(monthOf(dayNumber(2024, 2, 29)!)).toBe(1);
    expect(monthOf(dayNumber(2024, 3, 1)!)).toBe(2);
  });
});

describe('findPattern: kept only where it earns its parameters (AIC)', () => {
  const start = dayNumber(2024, 1, 1)!; // a Monday
  const days = (n: number) => Array.from({ length: n }, (_, i) => start + i);

  it('keeps a strong weekly pattern, as each weekday’s mean over the overall mean', () => {
    // 10 weeks: 2 on Mondays to Thursdays, 8 on Fridays, 4 at weekends (with a little noise)
    const d = days(70);
    const values = d.map((_, i) => [2, 2, 2, 2, 8, 4, 4][i % 7] + (i % 3 === 0 ? 1 : 0));
    const pattern = findPattern(values, d, 70);
    const mean = values.reduce((a, b) => a + b, 0) / 70;
    const friday = values.filter((_, i) => i % 7 === 4).reduce((a, b) => a + b, 0) / 10;
    expect(pattern.weekly![4]).toBeCloseTo(friday / mean, 12);
    expect(pattern.yearly).toBeNull();
    expect(pattern.notes).toEqual(['weekly pattern: kept (lower AIC than a flat week)', 'yearly pattern: not sought (70 days of history; it needs two years)']);
  });

  it('finds none in demand that does not depend on the weekday, and none sought in a short history', () => {
    const d = days(70);
    // a cycle of 5 days: no weekday stands out over 10 weeks
    const flat = findPattern(d.map((_, i) => [3, 5, 4, 6, 2][i % 5]), d, 70);
    expect(flat.weekly).toBeNull();
    expect(flat.notes[0]).toBe('weekly pattern: none (a flat week has the lower AIC)');
    expect(findPattern([1, 2, 3], days(3), 3).notes[0]).toBe('weekly pattern: not sought (3 days, 3 of them open with known demand; it needs 8 weeks)');
  });

  it('seeks a yearly pattern with two years, keeping a summer peak', () => {
    const d = days(731);
    const values = d.map((day) => (monthOf(day) >= 5 && monthOf(day) <= 7 ? 9 : 3) + (day % 2));
    const pattern = findPattern(values, d, 731);
    expect(pattern.yearly).not.toBeNull();
    expect(pattern.yearly![6]).toBeGreaterThan(2 * pattern.yearly![0]);
  });
});
