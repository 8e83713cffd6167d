import { quoted } from '../scenario/issues.ts';
import type { Cell } from './table.ts';

/**
 * Dates as planners' files write them: ISO (2024-03-05, with or without a time), day first
 * (05/03/2024, 05.03.2024, as in Europe) or month first (03/05/2024, as in the US), with an optional
 * time (transaction rows: 3/5/2024 8:26); XLSX date cells. A day-first or month-first column is read
 * one way for the whole file: a value whose first number is over 12 says day first, one whose second
 * is over 12 says month first; when no value says (every day is 1 to 12), the import asks
 * (`--date-format dmy|mdy`), never guesses. Years have four digits (05/03/24 could be 1924).
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
      if (isoMatch[4] !== undefined) withTime = true;
      continue;
    }
    const match = SLASHED.exec(text);
    if (!match) continue;
    slashed = true;
    if (match[4] !== undefined) withTime = true;
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
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return 'expected a date, got an invalid date cell';
    return dayNumber(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate()) ?? 'expected a date between 1900 and 2200';
  }
  if (cell === null || (typeof cell === 'string' && cell.trim() === '')) return 'expected a date, got an empty cell';
  if (typeof cell === 'number') return `expected a date, got the number ${cell}`;
  const text = cell.trim();
  const iso = ISO.exec(text);
  if (iso) return dayNumber(Number(iso[1]), Number(iso[2]), Number(iso[3])) ?? `expected a date that exists, got ${quoted(text, 30)}`;
  const match = SLASHED.exec(text);
  if (match && format !== 'iso') {
    const [a, b] = [Number(match[1]), Number(match[2])];
    const [day, month] = format === 'dmy' ? [a, b] : [b, a];
    return dayNumber(Number(match[3]), month, day) ?? `expected a date that exists, read ${format === 'dmy' ? 'day first' : 'month first'} as the file's other dates are, got ${quoted(text, 30)}`;
  }
  if (/^\d{1,2}[/.-]\d{1,2}[/.-]\d{2}\b/.test(text)) return `expected a date with a four-digit year, got ${quoted(text, 30)} (a two-digit year could be 19xx or 20xx)`;
  return `expected a date (2024-03-05, 05/03/2024 or 03/05/2024), got ${quoted(text, 30)}`;
}
