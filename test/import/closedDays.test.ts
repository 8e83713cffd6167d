import { describe, expect, it } from 'vitest';
import { describeClosedDays, findClosedDays } from '../../src/import/closedDays.ts';
import { dayNumber, isoDay, weekdayOf } from '../../src/import/dates.ts';
import { readDemandHistory, type DemandHistory, type SeriesHistory } from '../../src/import/demandHistory.ts';
import { emptyReport } from '../../src/import/importReport.ts';
import { readCsv } from '../../src/import/readCsv.ts';

/**
 * Closed days are days with no sale of any SKU anywhere; a weekday closed in at least 80% of (at least
 * 4) weeks is a weekly pattern, the other closed days holidays; nothing is taken as closed when the
 * range sells on fewer than 60% of its days. Histories are generated here day by day.
 */

const JAN_1_2024 = dayNumber(2024, 1, 1)!; // a Monday
const CHRISTMAS_2024 = dayNumber(2024, 12, 25)!; // a Wednesday

function series(sku: string, days: number, sells: (d: number) => number, censoredDays: number[] = []): SeriesHistory {
  const units = new Float64Array(days);
  for (let d = 0; d < days; d++) units[d] = sells(d);
  const censored = new Uint8Array(days);
  for (const d of censoredDays) censored[d] = 1;
  return { sku, location: 'store', units, returned: new Float64Array(days), censored, revenue: 0, pricedUnits: 0 };
}

function history(startDay: number, days: number, list: SeriesHistory[]): DemandHistory {
  return { file: 'h.csv', layout: 'long', transactions: false, startDay, days, series: list };
}

describe('findClosedDays', () => {
  it('finds a shop closed on Sundays and on Christmas Day over 2024, selling every other day', () => {
    const days = 366; // 2024 is a leap year
    const open = (d: number) => (weekdayOf(JAN_1_2024 + d) === 6 || JAN_1_2024 + d === CHRISTMAS_2024 ? 0 : 1);
    const found = findClosedDays(history(JAN_1_2024, days, [series('A', days, open)]));
    expect(found.skipped).toBeUndefined();
    expect(found.weekdays).toEqual([6]);
    expect(found.holidays).toEqual([CHRISTMAS_2024]);
    expect(isoDay(found.holidays[0])).toBe('2024-12-25');
    // 2024 starts on a Monday: 52 Sundays (7 Jan … 29 Dec), plus Christmas
    expect(found.closed.reduce((a, b) => a + b, 0)).toBe(53);
    expect(found.closed[6]).toBe(1); // Sunday 7 January
    expect(found.closed[0]).toBe(0);
    expect(describeClosedDays(found)).toBe('closed days (no sale of any SKU): closed on Sundays (a weekly pattern); 1 other closed day (a calendar): 2024-12-25; left out of the fit, and modelled as closed');
  });

  it('finds the same from a daily CSV that simply has no rows on closed days', () => {
    // two SKUs, day-first dates; A sells on even days, B on odd days, neither on Sundays nor on Christmas
    const lines = ['Date;Article;Quantité'];
    for (let d = 0; d < 366; d++) {
      const day = JAN_1_2024 + d;
      if (weekdayOf(day) === 6 || day === CHRISTMAS_2024) continue;
      const [y, m, dd] = isoDay(day).split('-');
      lines.push(`${dd}/${m}/${y};${d % 2 === 0 ? 'A' : 'B'};1`);
    }
    const imported = readDemandHistory(readCsv('ventes.csv', new TextEncoder().encode(lines.join('\n'))), emptyReport());
    expect(imported.startDay).toBe(JAN_1_2024);
    expect(imported.days).toBe(366);
    const found = findClosedDays(imported);
    expect(found.weekdays).toEqual([6]);
    expect(found.holidays).toEqual([CHRISTMAS_2024]);
  });

  it('needs no sale of any SKU: a day one SKU sells on is open', () => {
    const days = 28;
    // A sells Monday to Saturday; B sells only on the second Sunday (day 13)
    const a = series('A', days, (d) => (d % 7 === 6 ? 0 : 2));
    const b = series('B', days, (d) => (d === 13 ? 1 : 0));
    const found = findClosedDays(history(JAN_1_2024, days, [a, b]));
    expect(Array.from(found.closed).flatMap((c, d) => (c ? [d] : []))).toEqual([6, 20, 27]);
    // Sundays closed in 3 of 4 weeks: 75%, short of the 80% a weekly habit needs, so they are holidays
    expect(found.weekdays).toEqual([]);
    expect(found.holidays).toEqual([JAN_1_2024 + 6, JAN_1_2024 + 20, JAN_1_2024 + 27]);
  });

  it('counts a censored day (out of stock, a missing cell) as open, not closed', () => {
    const days = 14;
    const a = series('A', days, (d) => (d === 3 ? 0 : 1), [3]);
    const found = findClosedDays(history(JAN_1_2024, days, [a]));
    expect(found.closed[3]).toBe(0);
    expect(found.holidays).toEqual([]);
    expect(describeClosedDays(found)).toBe('closed days: none (every day sold something)');
  });

  it('takes a weekday closed in 4 of 5 weeks (80%) as weekly, its open week not a holiday', () => {
    const days = 35; // five weeks from a Monday
    // Saturdays (days 5, 12, 19, 26, 33) and Sundays (6, 13, 20, 27, 34) closed, except Saturday day 19
    const sells = (d: number) => (d % 7 === 6 || (d % 7 === 5 && d !== 19) ? 0 : 1);
    const found = findClosedDays(history(JAN_1_2024, days, [series('A', days, sells)]));
    expect(found.weekdays).toEqual([5, 6]);
    expect(found.holidays).toEqual([]);
    expect(describeClosedDays(found)).toContain('closed on Saturdays and Sundays (a weekly pattern)');
  });

  it('does not call a weekday seen in fewer than 4 weeks a weekly habit', () => {
    const days = 21; // three weeks: three Sundays, all closed
    const found = findClosedDays(history(JAN_1_2024, days, [series('A', days, (d) => (d % 7 === 6 ? 0 : 1))]));
    expect(found.weekdays).toEqual([]);
    expect(found.holidays).toEqual([JAN_1_2024 + 6, JAN_1_2024 + 13, JAN_1_2024 + 20]);
  });

  it('skips a range that sells on 40% of its days, saying why, and closes nothing', () => {
    const days = 10;
    const found = findClosedDays(history(JAN_1_2024, days, [series('A', days, (d) => (d < 4 ? 1 : 0))]));
    expect(found.skipped).toBe('the range sells on 40% of its days, fewer than 60%: a day without sales may be a quiet day rather than a closed one, so no day is taken as closed');
    expect(Array.from(found.closed)).toEqual(new Array(10).fill(0));
    expect(found.weekdays).toEqual([]);
    expect(found.holidays).toEqual([]);
    expect(describeClosedDays(found)).toBe(`closed days: none found; ${found.skipped}`);
  });

  it('runs when the range sells on exactly 60% of its days', () => {
    const days = 10;
    const found = findClosedDays(history(JAN_1_2024, days, [series('A', days, (d) => (d < 6 ? 1 : 0))]));
    expect(found.skipped).toBeUndefined();
    expect(found.holidays).toEqual([6, 7, 8, 9].map((d) => JAN_1_2024 + d));
  });

  it('lists at most 8 holidays in the report line', () => {
    const days = 100;
    // closed on days 1, 11, 21, …, 91: ten closed days on varying weekdays
    const found = findClosedDays(history(JAN_1_2024, days, [series('A', days, (d) => (d % 10 === 1 ? 0 : 1))]));
    expect(found.holidays).toHaveLength(10);
    const line = describeClosedDays(found);
    expect(line).toContain('10 other closed days (a calendar): 2024-01-02, 2024-01-12,');
    expect(line).toContain(', …; left out of the fit');
    expect(line).not.toContain(isoDay(JAN_1_2024 + 81));
  });
});
