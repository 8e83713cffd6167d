/**
 * Numbers typed and written in the page's language (web/i18n/numberFormat.ts, issue 16): French reads
 * and writes a decimal comma and groups thousands with (narrow) no-break spaces; both languages read a
 * decimal point. Node tests run in English, so French is asked for explicitly.
 */
import { describe, expect, it } from 'vitest';
import { parseValues as engineParseValues } from '../../src/experiment/sweep.ts';
import { formatDateTime, formatNumber, inputNumber, moneyUnit, parseDecimal } from '../../web/i18n/numberFormat.ts';
import { parseValues, valuesText } from '../../web/worker/sweep.ts';
import { aroundValue } from '../../web/gridForm.ts';

describe('parseDecimal', () => {
  it('French: a decimal comma or point, thousands grouped by spaces (no-break ones too), the minus sign −', () => {
    expect(parseDecimal('0,5', 'fr')).toBe(0.5);
    expect(parseDecimal('0.5', 'fr')).toBe(0.5);
    expect(parseDecimal(',5', 'fr')).toBe(0.5);
    expect(parseDecimal('1 234,5', 'fr')).toBe(1234.5);
    expect(parseDecimal('1\u202f234\u202f567', 'fr')).toBe(1234567);
    expect(parseDecimal('1\u00a0234', 'fr')).toBe(1234);
    expect(parseDecimal('\u22122,25', 'fr')).toBe(-2.25);
    expect(parseDecimal('-2,25', 'fr')).toBe(-2.25);
    expect(parseDecimal(' 95 ', 'fr')).toBe(95);
    expect(parseDecimal('1,5e3', 'fr')).toBe(1500);
  });

  it('French: a comma is never a thousands separator, and badly grouped or doubled marks are not numbers', () => {
    expect(parseDecimal('1,234', 'fr')).toBe(1.234);
    expect(parseDecimal('1 23', 'fr')).toBeNull();
    expect(parseDecimal('1,2,3', 'fr')).toBeNull();
    expect(parseDecimal('1.234,5', 'fr')).toBeNull();
    expect(parseDecimal('5 8 13', 'fr')).toBeNull();
  });

  it('English: a decimal point, commas only between groups of three digits', () => {
    expect(parseDecimal('0.5', 'en')).toBe(0.5);
    expect(parseDecimal('1,200', 'en')).toBe(1200);
    expect(parseDecimal('1,234,567.25', 'en')).toBe(1234567.25);
    expect(parseDecimal('\u22123', 'en')).toBe(-3);
    expect(parseDecimal('-2e3', 'en')).toBe(-2000);
    expect(parseDecimal('1,5', 'en')).toBeNull();
    expect(parseDecimal('0,5', 'en')).toBeNull();
  });

  it('not a number: empty, words, hexadecimal, Infinity, two minus signs', () => {
    for (const language of ['en', 'fr'] as const) {
      for (const text of ['', '  ', 'abc', '0x10', 'Infinity', '--1', '1e', '.', ',', '1e999']) expect(parseDecimal(text, language), `${language} ${JSON.stringify(text)}`).toBeNull();
    }
  });

  it('the page’s language is English in Node', () => {
    expect(parseDecimal('1,5')).toBeNull();
    expect(parseDecimal('1.5')).toBe(1.5);
  });
});

describe('numbers and dates written for the page', () => {
  it('inputNumber writes every digit with the language’s decimal mark, as parseDecimal reads it back', () => {
    expect(inputNumber(12.5, 'fr')).toBe('12,5');
    expect(inputNumber(-0.125, 'fr')).toBe('-0,125');
    expect(inputNumber(1234.5, 'fr')).toBe('1234,5');
    expect(inputNumber(12.5, 'en')).toBe('12.5');
    for (const value of [0.1 + 0.2, -1234.5678, 1e-7, 42]) {
      expect(parseDecimal(inputNumber(value, 'fr'), 'fr')).toBe(value);
      expect(parseDecimal(inputNumber(value, 'en'), 'en')).toBe(value);
    }
  });

  it('formatNumber uses Intl for the language: "1 234,5" in French, "1,234.5" in English', () => {
    expect(formatNumber(1234.5, undefined, 'fr')).toBe('1\u202f234,5');
    expect(formatNumber(1234.5, undefined, 'en')).toBe('1,234.5');
    expect(formatNumber(0.953, { style: 'percent', maximumFractionDigits: 1 }, 'fr')).toBe('95,3\u00a0%');
  });

  it('formatDateTime: English as before the French interface, French day first, both in UTC to the minute', () => {
    const when = new Date(Date.UTC(2026, 11, 6, 20, 37, 59));
    expect(formatDateTime(when, 'en')).toBe('2026-12-06 20:37');
    expect(formatDateTime(when, 'fr')).toBe('06/12/2026 20:37');
  });
});

describe('the grid’s values fields (parseValues)', () => {
  it('French: decimal commas in ranges, lists separated by semicolons or spaces', () => {
    expect(parseValues('20:80:20', 'fr')).toEqual([20, 40, 60, 80]);
    expect(parseValues('0,5:1,5:0,25', 'fr')).toEqual([0.5, 0.75, 1, 1.25, 1.5]);
    expect(parseValues('0.5:1.5:0.5', 'fr')).toEqual([0.5, 1, 1.5]);
    expect(parseValues('5 ; 8 ; 13', 'fr')).toEqual([5, 8, 13]);
    expect(parseValues('5;8;13', 'fr')).toEqual([5, 8, 13]);
    expect(parseValues('2,5 7,5  12,5', 'fr')).toEqual([2.5, 7.5, 12.5]);
    expect(parseValues('1 000 ; 2 500,5', 'fr')).toEqual([1000, 2500.5]);
    expect(parseValues('\u22122,5 ; 0', 'fr')).toEqual([-2.5, 0]);
  });

  it('French: commas as list separators, an empty field or a backwards range are errors', () => {
    for (const text of ['5,8,13', '', '5 ; ; 8', '80:20:10', '0:1:0', 'a ; b']) expect(parseValues(text, 'fr'), text).toHaveProperty('error');
  });

  it('English: the CLI’s grammar, values and messages (src/experiment/sweep.ts parseValues)', () => {
    for (const text of ['20:80:10', '5,8,13', ' 5, 8.5 , 13 ', '0.5:1.5:0.25', '-3:3:1.5']) expect(parseValues(text, 'en'), text).toEqual(engineParseValues(text));
    for (const text of ['80:20:10', '1:2:0', '0:100000:1', 'a,b', '', '5;8']) expect(parseValues(text, 'en'), text).toEqual(engineParseValues(text));
  });

  it('an empty item is an error, in the app as in the CLI (which once read it as 0)', () => {
    expect(engineParseValues('5,,8')).toEqual({ error: 'expected FROM:TO:STEP or numbers separated by commas, got "5,,8"' });
    expect(parseValues('5,,8', 'en')).toEqual(engineParseValues('5,,8'));
    expect(parseValues('5 ;; 8', 'fr')).toHaveProperty('error');
    expect(engineParseValues('5,8,')).toHaveProperty('error');
  });

  it('a range more than 1000 values long is refused with its count', () => {
    const outcome = parseValues('0:2000:1', 'fr');
    expect(outcome).toHaveProperty('error');
    expect((outcome as { error: string }).error).toContain('2001');
  });

  it('the prefilled range around a value is written as the language reads it back', () => {
    expect(aroundValue(12.5, 'fr')).toBe('6,3:18,7:3,1');
    expect(aroundValue(12.5, 'en')).toBe('6.3:18.7:3.1');
    expect(aroundValue(40, 'fr')).toBe('20:60:10');
    expect(parseValues(aroundValue(12.5, 'fr'), 'fr')).toEqual(parseValues(aroundValue(12.5, 'en'), 'en'));
  });

  it('values written for a field (valuesText) read back as the same values', () => {
    expect(valuesText([5, 8, 12.5], 'fr')).toBe('5 ; 8 ; 12,5');
    expect(valuesText([5, 8, 12.5], 'en')).toBe('5, 8, 12.5');
    for (const language of ['en', 'fr'] as const) expect(parseValues(valuesText([-1.5, 1234.25, 0.1 + 0.2], language), language)).toEqual([-1.5, 1234.25, 0.1 + 0.2]);
  });
});

describe('money’s unit (moneyUnit)', () => {
  it('English keeps the currency as the scenario writes it; French writes the symbol Intl gives for an ISO code', () => {
    expect(moneyUnit('EUR', 'en')).toBe('EUR');
    expect(moneyUnit('EUR', 'fr')).toBe('€');
    expect(moneyUnit('USD', 'fr')).toBe('$US');
    expect(moneyUnit('GBP', 'fr')).toBe('£GB');
  });

  it('a currency that is no ISO code is written as it is, in both languages', () => {
    for (const currency of ['credits', 'eur', 'EURO', '', '€']) {
      expect(moneyUnit(currency, 'fr')).toBe(currency);
      expect(moneyUnit(currency, 'en')).toBe(currency);
    }
  });
});
