import type { LineDetail } from './importReport.ts';
import { isoDay, weekdayOf, type DayNumber } from './dates.ts';
import type { DemandHistory } from './demandHistory.ts';

/**
 * Days the business was closed: no sale of any SKU anywhere. They are not days of zero demand (a
 * shop shut on Sundays has no Sunday customers to lose), so the fit leaves them out and the scenario
 * models them as closed: a weekday closed in most weeks becomes a weekly pattern (that weekday's
 * demand multiplier 0), the other closed days a calendar (holidays).
 *
 * A range that sells on few days (one slow SKU) cannot tell a closed day from a day without sales, so
 * the detection only runs when the whole range sells on at least `MIN_SELLING_SHARE` of its days.
 */
export const MIN_SELLING_SHARE = 0.6;

/** A weekday counts as closed every week when it is closed in at least this share of the weeks observed. */
export const WEEKLY_CLOSED_SHARE = 0.8;

export interface ClosedDays {
  /** per day of the history: 1 when closed */
  closed: Uint8Array;
  /** weekdays closed every week, Monday 0 … Sunday 6 */
  weekdays: number[];
  /** other closed days (holidays), as day numbers */
  holidays: DayNumber[];
  /** why the detection did not run, when it did not */
  skipped?: string;
  /** then: the share of its days the range sells on (%, rounded) */
  sellingShare?: number;
}

export function findClosedDays(history: DemandHistory): ClosedDays {
  const { days, startDay } = history;
  const selling = new Uint8Array(days);
  for (const series of history.series) for (let d = 0; d < days; d++) if (series.units[d] > 0 || series.censored[d]) selling[d] = 1;
  let sellingDays = 0;
  for (let d = 0; d < days; d++) sellingDays += selling[d];
  const closed = new Uint8Array(days);
  if (sellingDays < MIN_SELLING_SHARE * days) {
    const share = Math.round((100 * sellingDays) / days);
    return { closed, weekdays: [], holidays: [], sellingShare: share, skipped: `the range sells on ${share}% of its days, fewer than ${MIN_SELLING_SHARE * 100}%: a day without sales may be a quiet day rather than a closed one, so no day is taken as closed` };
  }
  for (let d = 0; d < days; d++) closed[d] = selling[d] ? 0 : 1;

  const seen = new Array<number>(7).fill(0);
  const shut = new Array<number>(7).fill(0);
  for (let d = 0; d < days; d++) {
    const weekday = weekdayOf(startDay + d);
    seen[weekday]++;
    shut[weekday] += closed[d];
  }
  // a weekday seen in fewer than 4 weeks says nothing about a weekly habit
  const weekdays = seen.flatMap((n, weekday) => (n >= 4 && shut[weekday] >= WEEKLY_CLOSED_SHARE * n ? [weekday] : []));
  const holidays: DayNumber[] = [];
  for (let d = 0; d < days; d++) if (closed[d] && !weekdays.includes(weekdayOf(startDay + d))) holidays.push(startDay + d);
  return { closed, weekdays, holidays };
}

const WEEKDAY_NAMES = ['Mondays', 'Tuesdays', 'Wednesdays', 'Thursdays', 'Fridays', 'Saturdays', 'Sundays'];

/** The report's line about closed days. */
export function describeClosedDays(found: ClosedDays): string {
  if (found.skipped) return `closed days: none found; ${found.skipped}`;
  const parts: string[] = [];
  if (found.weekdays.length > 0) parts.push(`closed on ${found.weekdays.map((w) => WEEKDAY_NAMES[w]).join(' and ')} (a weekly pattern)`);
  if (found.holidays.length > 0) {
    const shown = found.holidays.slice(0, 8).map(isoDay).join(', ');
    parts.push(`${found.holidays.length} other closed day${found.holidays.length === 1 ? '' : 's'} (a calendar): ${shown}${found.holidays.length > 8 ? ', …' : ''}`);
  }
  return parts.length === 0 ? 'closed days: none (every day sold something)' : `closed days (no sale of any SKU): ${parts.join('; ')}; left out of the fit, and modelled as closed`;
}

/** The facts of that line (the web words them in the page's language). */
export function closedDaysDetail(found: ClosedDays): LineDetail {
  return { kind: 'closedDays', weekdays: found.weekdays, holidays: found.holidays.map(isoDay), sellingShare: found.skipped ? (found.sellingShare ?? 0) : null };
}
