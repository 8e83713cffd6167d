import { describe, expect, it } from 'vitest';
import { decimalMarkOf, readNumber } from '../../src/import/numbers.ts';

/**
 * The decimal mark is decided once per file (decimalMarkOf), then every cell is read with it
 * (readNumber): a cell never decides for itself, so "1,250" cannot be 1.25 in one row and 1250 in the next.
 */

describe('readNumber with a decimal point', () => {
  it.each([
    ['6.5', 6.5],
    ['12', 12],
    ['-3', -3],
    ['+4', 4],
    ['.5', 0.5],
    ['5.', 5],
    [' 7 ', 7],
    ['1,250.5', 1250.5],
    ['1,250', 1250],
    ['12,345,678', 12345678],
    ['1e3', 1000],
    ['2.5E-1', 0.25],
  ])('reads %j as %d', (text, expected) => {
    expect(readNumber(text, 'point')).toBe(expected);
  });

  it.each(['6,5', '1,25', '1,2345', '1.250,5', '1 250', 'abc', '12kg', '--3', '1.2.3'])('reads %j as no number', (text) => {
    expect(readNumber(text, 'point')).toBeNull();
  });
});

describe('readNumber with a decimal comma', () => {
  it.each([
    ['6,5', 6.5],
    ['12,25', 12.25],
    ['2,50', 2.5],
    ['-1,5', -1.5],
    [',5', 0.5],
    ['12', 12],
    ['1.250,5', 1250.5],
    ['1.250', 1250],
    ['1 250,5', 1250.5],
    ['1\u00a0250,5', 1250.5], // a no-break space, as French Excel writes thousands
    ['1\u202f250,5', 1250.5], // a narrow no-break space
    ['-1.250.000,75', -1250000.75],
  ])('reads %j as %d', (text, expected) => {
    expect(readNumber(text, 'comma')).toBe(expected);
  });

  it.each(['6.5', '1.25', '1,250.5', '6,5,5', 'x', '1.25,5'])('reads %j as no number', (text) => {
    expect(readNumber(text, 'comma')).toBeNull();
  });
});

describe('readNumber: cells that are not text', () => {
  it('keeps a finite number (an XLSX cell) as it is, whatever the mark', () => {
    expect(readNumber(6.5, 'comma')).toBe(6.5);
    expect(readNumber(-2, 'point')).toBe(-2);
  });

  it('reads NaN, infinities, dates, nulls and blank text as no number', () => {
    expect(readNumber(Number.NaN, 'point')).toBeNull();
    expect(readNumber(Number.POSITIVE_INFINITY, 'point')).toBeNull();
    expect(readNumber(new Date(Date.UTC(2024, 0, 1)), 'point')).toBeNull();
    expect(readNumber(null, 'point')).toBeNull();
    expect(readNumber('   ', 'comma')).toBeNull();
  });
});

describe('decimalMarkOf: the file decides once', () => {
  it('says comma when a comma leaves other than three digits (6,5 or 12,25)', () => {
    expect(decimalMarkOf(['3', '6,5', '4'], ';')).toBe('comma');
    expect(decimalMarkOf(['12,25'], ',')).toBe('comma');
    expect(decimalMarkOf(['-0,5'], '\t')).toBe('comma');
  });

  it('says point for decimal points, and for a file of whole numbers', () => {
    expect(decimalMarkOf(['6.5', '3'], ',')).toBe('point');
    expect(decimalMarkOf(['1,250.5', '2'], ';')).toBe('point');
    expect(decimalMarkOf(['1', '2', '', null, 3], ';')).toBe('point');
    expect(decimalMarkOf([], undefined)).toBe('point');
  });

  it('reads 1,250 alone as a decimal comma in a semicolon or tab file, as thousands in a comma file', () => {
    expect(decimalMarkOf(['1,250'], ';')).toBe('comma');
    expect(decimalMarkOf(['1,250'], '\t')).toBe('comma');
    expect(decimalMarkOf(['1,250'], ',')).toBe('point');
    // beside decimal points, the comma separates thousands even in a semicolon file
    expect(decimalMarkOf(['1,250', '6.5'], ';')).toBe('point');
  });

  it('is ambiguous when one cell has a decimal comma and another a decimal point', () => {
    expect(decimalMarkOf(['6,5', '6.5'], ';')).toBe('ambiguous');
    expect(decimalMarkOf(['6.5', '3', '6,5'], ',')).toBe('ambiguous');
  });

  it('ignores cells that are not text (XLSX numbers hold no mark)', () => {
    expect(decimalMarkOf([6.5, 1250, '6,5'], ';')).toBe('comma');
  });

  it('takes a comma beside point thousands as a decimal comma (6,5 with 1.250,5)', () => {
    expect(decimalMarkOf(['6,5', '1.250,5'], ';')).toBe('comma');
  });

  // a regression test: the first version matched none of its patterns on these, so a French file whose only
  // non-whole numbers carry a thousands separator was read with a decimal point, each such cell lost
  it('takes 1.250,5 or 1 250,5 alone as a decimal comma with thousands separators', () => {
    expect(decimalMarkOf(['1.250,5', '3'], ';')).toBe('comma');
    expect(decimalMarkOf(['1 250,5'], ';')).toBe('comma');
  });
});
