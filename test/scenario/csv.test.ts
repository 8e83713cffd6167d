import { describe, expect, it } from 'vitest';
import { CSV_MAX_VALUE, readCsvColumn, readDecimal } from '../../src/scenario/csv.ts';

describe('readDecimal', () => {
  it('reads decimal numbers as a spreadsheet writes them', () => {
    expect(['12', ' 12 ', '+3', '-3', '12.5', '12.', '.5', '0.25', '1e3', '1.5E-2', '007'].map(readDecimal)).toEqual([12, 12, 3, -3, 12.5, 12, 0.5, 0.25, 1000, 0.015, 7]);
  });

  it('refuses what Number() would read but a person did not mean as a decimal number', () => {
    for (const text of ['0x10', '0X1f', '0b11', '0o17', 'Infinity', '-Infinity', 'NaN', '', ' ', '1_000', '1,5', '12 units', '1e', 'e5', '.', '-', '+-1', '١٢']) {
      expect([text, readDecimal(text)]).toEqual([text, null]);
    }
  });
});

describe('readCsvColumn', () => {
  it('reads a named column of a file with a header, quoted fields understood', () => {
    expect(readCsvColumn('day,"qty, units"\n1,4\n2,"5.5"\n3,1e2\n', 'qty, units')).toEqual({ values: [4, 5.5, 100] });
  });

  it('refuses a hexadecimal value, naming the row and the column', () => {
    const text = ['day,qty', ...Array.from({ length: 12 }, (_, i) => `${i + 1},4`), '13,0x10', '14,5'].join('\n');
    expect(readCsvColumn(text, 'qty')).toEqual({ error: 'row 14, column "qty": expected a decimal number, got "0x10"' });
  });

  it('refuses Infinity and values beyond 1e12, keeps 1e12 itself', () => {
    expect(readCsvColumn('qty\n1\nInfinity\n', 'qty')).toEqual({ error: 'row 3, column "qty": expected a decimal number, got "Infinity"' });
    expect(readCsvColumn('qty\n1e300\n', 'qty')).toEqual({ error: 'row 2, column "qty": expected a number <= 1e12 (a million million), got "1e300"' });
    expect(readCsvColumn('qty\n1.0000001e12\n', 'qty')).toMatchObject({ error: expect.stringMatching(/^row 2, column "qty": expected a number <= 1e12/) });
    expect(readCsvColumn('qty\n1e12\n', 'qty')).toEqual({ values: [CSV_MAX_VALUE] });
  });

  it('refuses a negative demand', () => {
    expect(readCsvColumn('qty\n3\n-2\n', 'qty')).toEqual({ error: 'row 3, column "qty": expected a number >= 0 (a demand cannot be negative), got "-2"' });
  });

  it('reads the last column of a file without a header, and names columns by number there', () => {
    expect(readCsvColumn('1;4\n2;5\n', undefined)).toEqual({ values: [4, 5] });
    expect(readCsvColumn('1,4\n2,0x5\n', undefined)).toEqual({ error: 'row 2, column 2: expected a decimal number, got "0x5"' });
  });

  it('treats a hexadecimal first row as data to refuse, not as a header to skip', () => {
    expect(readCsvColumn('0x10\n5\n', undefined)).toEqual({ error: 'row 1, column 1: expected a decimal number, got "0x10"' });
  });

  it('says when a row is shorter than the header', () => {
    expect(readCsvColumn('day,qty\n1,4\n2\n', 'qty')).toEqual({ error: 'row 3, column "qty": expected a decimal number, got "" (the row is shorter than the header)' });
  });
});
