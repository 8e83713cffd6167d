import { describe, expect, it } from 'vitest';
import { dateFormatOf, dayNumber, isoDay, readDay, weekdayOf } from '../../src/import/dates.ts';

/**
 * Day numbers worked out by hand: 1970-01-01 is day 0; 2024-01-01 is 54 years later with 13 leap days
 * (1972 … 2020), 54 × 365 + 13 = 19723; 2024-03-05 adds 31 (January) + 29 (February) + 4 = 19787.
 */
const JAN_1_2024 = 19723;
const MAR_5_2024 = 19787;

describe('dayNumber and isoDay', () => {
  it('numbers days from 1970-01-01', () => {
    expect(dayNumber(1970, 1, 1)).toBe(0);
    expect(dayNumber(1969, 12, 31)).toBe(-1);
    expect(dayNumber(2024, 1, 1)).toBe(JAN_1_2024);
    expect(dayNumber(2024, 3, 5)).toBe(MAR_5_2024);
    // 2000 is a leap year: 30 × 365 + 7 leap days (1972 … 1996) + 31 + 28 = 11016
    expect(dayNumber(2000, 2, 29)).toBe(11016);
  });

  it('refuses days that do not exist and years out of 1900-2200', () => {
    expect(dayNumber(2024, 4, 31)).toBeNull();
    expect(dayNumber(2023, 2, 29)).toBeNull();
    expect(dayNumber(2100, 2, 29)).toBeNull(); // 2100 is not a leap year
    expect(dayNumber(2024, 2, 29)).toBe(JAN_1_2024 + 31 + 28);
    expect(dayNumber(2024, 13, 1)).toBeNull();
    expect(dayNumber(2024, 0, 1)).toBeNull();
    expect(dayNumber(2024, 1, 0)).toBeNull();
    expect(dayNumber(1899, 12, 31)).toBeNull();
    expect(dayNumber(2201, 1, 1)).toBeNull();
  });

  it('writes a day number back as ISO text', () => {
    expect(isoDay(MAR_5_2024)).toBe('2024-03-05');
    expect(isoDay(-1)).toBe('1969-12-31');
  });
});

describe('weekdayOf: Monday 0 … Sunday 6', () => {
  it('knows 1970-01-01 was a Thursday and 2024-01-01 a Monday', () => {
    expect(weekdayOf(0)).toBe(3);
    expect(weekdayOf(JAN_1_2024)).toBe(0);
    expect(weekdayOf(MAR_5_2024)).toBe(1); // a Tuesday
    expect(weekdayOf(MAR_5_2024 + 5)).toBe(6); // Sunday 10 March 2024
    expect(weekdayOf(JAN_1_2024 + 359)).toBe(2); // Christmas 2024 was a Wednesday
  });

  it('stays in 0-6 before 1970', () => {
    expect(weekdayOf(-1)).toBe(2); // Wednesday 31 December 1969
    expect(weekdayOf(-7)).toBe(3);
  });
});

describe('dateFormatOf: one reading for the whole column', () => {
  it('reads ISO dates, with or without a time', () => {
    expect(dateFormatOf(['2024-03-05', '2024-03-06'])).toEqual({ format: 'iso', withTime: false });
    expect(dateFormatOf(['2024-03-05T08:26:00Z', '2024-03-06'])).toEqual({ format: 'iso', withTime: true });
  });

  it('takes a first number over 12 as day first', () => {
    expect(dateFormatOf(['05/03/2024', '13/03/2024'])).toEqual({ format: 'dmy', withTime: false });
    expect(dateFormatOf(['05.03.2024', '31.12.2024'])).toEqual({ format: 'dmy', withTime: false });
  });

  it('takes a second number over 12 as month first, and sees transaction times', () => {
    expect(dateFormatOf(['3/5/2024 8:26', '3/13/2024 17:45'])).toEqual({ format: 'mdy', withTime: true });
  });

  it('is ambiguous when every number is 12 or less', () => {
    expect(dateFormatOf(['05/03/2024', '06/03/2024', '12/12/2024'])).toEqual({ format: 'ambiguous', withTime: false });
  });

  it('is mixed when some rows are day first and others month first, or ISO beside day/month', () => {
    expect(dateFormatOf(['13/03/2024', '03/13/2024']).format).toBe('mixed');
    expect(dateFormatOf(['2024-03-05', '13/03/2024']).format).toBe('mixed');
  });

  it('reads XLSX date cells as ISO, with a time only when the cell has one', () => {
    expect(dateFormatOf([new Date(Date.UTC(2024, 2, 5))])).toEqual({ format: 'iso', withTime: false });
    expect(dateFormatOf([new Date(Date.UTC(2024, 2, 5, 8, 26))])).toEqual({ format: 'iso', withTime: true });
  });

  it('lets cells that are not dates (text, numbers, two-digit years, empty) decide nothing', () => {
    expect(dateFormatOf(['hello', 12, null, '05/03/24', '', '13/03/2024'])).toEqual({ format: 'dmy', withTime: false });
  });
});

describe('readDay', () => {
  it('reads ISO dates whatever the file\'s format, with or without a time or offset', () => {
    expect(readDay('2024-03-05', 'iso')).toBe(MAR_5_2024);
    expect(readDay('2024/03/05', 'dmy')).toBe(MAR_5_2024);
    expect(readDay('2024-3-5', 'mdy')).toBe(MAR_5_2024);
    expect(readDay(' 2024-03-05 08:26:00 ', 'iso')).toBe(MAR_5_2024);
    // the day as written, not shifted to UTC
    expect(readDay('2024-03-05T23:30:00-05:00', 'iso')).toBe(MAR_5_2024);
  });

  it('reads day-first and month-first dates as the file says', () => {
    expect(readDay('05/03/2024', 'dmy')).toBe(MAR_5_2024);
    expect(readDay('05.03.2024', 'dmy')).toBe(MAR_5_2024);
    expect(readDay('03/05/2024', 'mdy')).toBe(MAR_5_2024);
    expect(readDay('3/5/2024 8:26', 'mdy')).toBe(MAR_5_2024);
    expect(readDay('05/03/2024', 'mdy')).toBe(JAN_1_2024 + 31 + 29 + 31 + 30 + 2); // 3 May 2024
  });

  it('says a date does not exist (31/04/2024), naming the reading used', () => {
    expect(readDay('31/04/2024', 'dmy')).toBe('expected a date that exists, read day first as the file\'s other dates are, got "31/04/2024"');
    expect(readDay('04/31/2024', 'mdy')).toBe('expected a date that exists, read month first as the file\'s other dates are, got "04/31/2024"');
    expect(readDay('2024-02-30', 'dmy')).toBe('expected a date that exists, got "2024-02-30"');
  });

  it('asks for four-digit years', () => {
    expect(readDay('05/03/24', 'dmy')).toBe('expected a date with a four-digit year, got "05/03/24" (a two-digit year could be 19xx or 20xx)');
    expect(readDay('3/5/24 8:26', 'mdy')).toBe('expected a date with a four-digit year, got "3/5/24 8:26" (a two-digit year could be 19xx or 20xx)');
  });

  it('says what was expected for text, empty cells and numbers', () => {
    expect(readDay('tomorrow', 'dmy')).toBe('expected a date (2024-03-05, 05/03/2024 or 03/05/2024), got "tomorrow"');
    expect(readDay(null, 'dmy')).toBe('expected a date, got an empty cell');
    expect(readDay('  ', 'iso')).toBe('expected a date, got an empty cell');
    // an XLSX date cell without a date format holds Excel's serial day: 45356 is 2024-03-05
    expect(readDay(45356, 'iso')).toBe(dayNumber(2024, 3, 5));
    expect(readDay(1e9, 'iso')).toBe('expected a date, got the number 1000000000');
  });

  it('reads XLSX date cells by their UTC calendar day', () => {
    expect(readDay(new Date(Date.UTC(2024, 2, 5, 8, 26)), 'iso')).toBe(MAR_5_2024);
    expect(readDay(new Date(Number.NaN), 'iso')).toBe('expected a date, got an invalid date cell');
    expect(readDay(new Date(Date.UTC(1850, 0, 1)), 'iso')).toBe('expected a date between 1900 and 2200');
  });
});
