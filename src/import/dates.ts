import { quoted } from '../scenario/issues.ts';
import type { Cell } from './table.ts';
import type { DateProblem, RowDetail } from './importReport.ts';

/**
 * Dates as planners' files write them: ISO (2024-03-05, with or without a time), day first
 * (05/03/2024, 05.03.2024, as in Europe) or month first (03/05/2024, as in the US), with an optional
 * time (transaction rows: 3/5/2024 8:26); XLSX date cells. A day-first or month-first column is read
 * one way for the whole file: a value whose first number is over 12 says day first, one whose second
 * is over 12 says month first; when no value says (every day is 1 to 12), the import asks
 * (`--date-format dmy|mdy`), never guesses. Years have four digits (05/03/24 could be 1924). A time
 * of midnight (2024-03-05 00:00:00) is no time: the file is still one row per day. A number in an
 * XLSX date column is Excel's serial day number (a date cell without a date format).
 */
export type DateFormat = 'iso' | 'dmy' | 'mdy';

/** A calendar day as a whole number of days since 1970-01-01 (UTC), so days subtract. */
export type DayNumber = number;

const ISO = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const SLASHED = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/** The day number of a calendar date, or null when the date does not exist (31 April). */
export function dayNumber(year: number, month: number, day: number): DayNumber | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1900 || year > 2200) return null;
  const time = Date.UTC(year, month - 1, day);
  const check = new Date(time);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return Math.round(time / 86_400_000);
}

/** The ISO text of a day number. */
export function isoDay(day: DayNumber): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** Monday 0 … Sunday 6 of a day number (1970-01-01 was a Thursday). */
export function weekdayOf(day: DayNumber): number {
  return (((day + 3) % 7) + 7) % 7;
}

/** What a column of dates holds: the format it is read in, whether it has times (transaction rows), or why it cannot be read. */
export interface DateColumn {
  format: DateFormat | 'ambiguous' | 'mixed';
  withTime: boolean;
}

/** Reads the format of a column from its cells (see the comment at the top). */
export function dateFormatOf(cells: Iterable<Cell>): DateColumn {
  let iso = false;
  let slashed = false;
  let dayFirst = false;
  let monthFirst = false;
  let withTime = false;
  for (const cell of cells) {
    if (cell instanceof Date) {
      iso = true;
      if (cell.getUTCHours() !== 0 || cell.getUTCMinutes() !== 0) withTime = true;
      continue;
    }
    if (typeof cell !== 'string') continue;
    const text = cell.trim();
    const isoMatch = ISO.exec(text);
    if (isoMatch) {
      iso = true;
      if (isoMatch[4] !== undefined && !isMidnight(isoMatch[4], isoMatch[5], isoMatch[6])) withTime = true;
      continue;
    }
    const match = SLASHED.exec(text);
    if (!match) continue;
    slashed = true;
    if (match[4] !== undefined && !isMidnight(match[4], match[5], match[6])) withTime = true;
    if (Number(match[1]) > 12) dayFirst = true;
    if (Number(match[2]) > 12) monthFirst = true;
  }
  if (iso && slashed) return { format: 'mixed', withTime };
  if (!slashed) return { format: 'iso', withTime };
  if (dayFirst && monthFirst) return { format: 'mixed', withTime };
  if (dayFirst) return { format: 'dmy', withTime };
  if (monthFirst) return { format: 'mdy', withTime };
  return { format: 'ambiguous', withTime };
}

/** The day of a cell read in `format`, or why it is not a date. */
export function readDay(cell: Cell, format: DateFormat): DayNumber | string {
  const day = readDayOrProblem(cell, format);
  return typeof day === 'number' ? day : day.reason;
}

/** readDay, with why a date does not read as facts beside its reason (the web words them). */
export function readDayOrProblem(cell: Cell, format: DateFormat): DayNumber | { reason: string; detail: RowDetail & { kind: 'badDate' } } {
  const problem = (reason: string, kind: DateProblem, got: string | null = null, order: 'dmy' | 'mdy' | null = null) => ({ reason, detail: { kind: 'badDate' as const, problem: kind, got, order } });
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return problem('expected a date, got an invalid date cell', 'invalidCell');
    return dayNumber(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate()) ?? problem('expected a date between 1900 and 2200', 'outOfRange');
  }
  if (cell === null || (typeof cell === 'string' && cell.trim() === '')) return problem('expected a date, got an empty cell', 'empty');
  if (typeof cell === 'number') {
    // an XLSX date cell without a date format holds Excel's serial day number (25569 is 1970-01-01)
    const day = Math.floor(cell) - EXCEL_EPOCH;
    if (Number.isFinite(cell) && day >= FIRST_DAY && day <= LAST_DAY) return day;
    return problem(`expected a date, got the number ${cell}`, 'number', String(cell));
  }
  const text = cell.trim();
  const iso = ISO.exec(text);
  if (iso) return dayNumber(Number(iso[1]), Number(iso[2]), Number(iso[3])) ?? problem(`expected a date that exists, got ${quoted(text, 30)}`, 'notExisting', quoted(text, 30));
  const match = SLASHED.exec(text);
  if (match && format !== 'iso') {
    const [a, b] = [Number(match[1]), Number(match[2])];
    const [day, month] = format === 'dmy' ? [a, b] : [b, a];
    return dayNumber(Number(match[3]), month, day) ?? problem(`expected a date that exists, read ${format === 'dmy' ? 'day first' : 'month first'} as the file's other dates are, got ${quoted(text, 30)}`, 'notExisting', quoted(text, 30), format);
  }
  if (/^\d{1,2}[/.-]\d{1,2}[/.-]\d{2}\b/.test(text)) return problem(`expected a date with a four-digit year, got ${quoted(text, 30)} (a two-digit year could be 19xx or 20xx)`, 'twoDigitYear', quoted(text, 30));
  return problem(`expected a date (2024-03-05, 05/03/2024 or 03/05/2024), got ${quoted(text, 30)}`, 'notADate', quoted(text, 30));
}

/** Excel's serial number of 1970-01-01 (its day 1 is 1900-01-01, counting the 1900 leap day that never was). */
const EXCEL_EPOCH = 25569;
const FIRST_DAY = -25567; // 1900-01-01
const LAST_DAY = 84005; // 2199-12-31

/** A time of 00:00 (or 00:00:00): a date written with a midnight time is a day, not a moment in it. */
function isMidnight(hours: string, minutes: string, seconds: string | undefined): boolean {
  return Number(hours) === 0 && Number(minutes) === 0 && (seconds === undefined || Number(seconds) === 0);
}
