import { describe, expect, it } from 'vitest';
import { detectRoles } from '../../src/import/columnRoles.ts';
import { dateFormatOf } from '../../src/import/dates.ts';
import { readDemandHistory, type HistoryOptions } from '../../src/import/demandHistory.ts';
import { emptyReport } from '../../src/import/importReport.ts';
import { readCsv } from '../../src/import/readCsv.ts';

function importCsv(text: string, options: HistoryOptions = {}) {
  const report = emptyReport();
  const history = readDemandHistory(readCsv('s.csv', new TextEncoder().encode(text)), report, options);
  return { history, report, series: (sku: string) => history.series.find((s) => s.sku === sku)! };
}

describe('demand files as spreadsheets really write them', () => {
  it('a date with a midnight time is a day: a second row for it is a conflict, not a sale to add', () => {
    expect(dateFormatOf(['2024-03-01 00:00:00', '2024-03-02 00:00'])).toEqual({ format: 'iso', withTime: false });
    expect(dateFormatOf(['2024-03-01 08:26'])).toEqual({ format: 'iso', withTime: true });
    const { history, report } = importCsv('date,sku,units\n2024-03-01 00:00:00,A,5\n2024-03-01 00:00:00,A,7\n');
    expect(history.transactions).toBe(false);
    expect(report.notes[0]).toMatchObject({ row: 3, status: 'rejected' });
    expect(report.notes[0].reason).toMatch(/^a second row for 2024-03-01/);
  });

  it('a trailing separator (an empty extra field) does not reject the row', () => {
    const { series, report } = importCsv('date,sku,units\n2024-03-01,A,5,\n2024-03-02,A,6,\n');
    expect(Array.from(series('A').units)).toEqual([5, 6]);
    expect(report.notes).toEqual([]);
  });

  it('rows with nothing in them (;;;) are one line of the report, not a rejection each', () => {
    const { series, report } = importCsv('date;sku;units\n2024-03-01;A;5\n;;\n;;\n2024-03-02;A;6\n');
    expect(Array.from(series('A').units)).toEqual([5, 6]);
    expect(report.notes).toEqual([]);
    expect(report.lines).toContain('s.csv: 2 empty rows (every cell blank) left out');
  });

  it('--keep-duplicates keeps an exact repeat in a daily file too (it adds up), while a different second row is still refused', () => {
    const text = 'date,sku,units\n2024-03-01,A,5\n2024-03-01,A,5\n2024-03-01,A,4\n';
    const kept = importCsv(text, { keepDuplicates: true });
    expect(kept.series('A').units[0]).toBe(10);
    expect(kept.report.notes.map((note) => note.row)).toEqual([4]);
    const dropped = importCsv(text);
    expect(dropped.series('A').units[0]).toBe(5);
    expect(dropped.report.notes.map((note) => note.row)).toEqual([3, 4]);
  });

  it('a SKU column without a units column is refused with the fix, not read as a wide file', () => {
    expect(() => importCsv('date,sku,qty_sold\n2024-03-01,A,5\n')).toThrow('a SKU column ("sku") but no units column: none of the columns ("date", "sku", "qty_sold") is named like one (units, quantity, qty, ventes, …); name it with --map units=COLUMN');
    expect(Array.from(importCsv('date,sku,qty_sold\n2024-03-01,A,5\n', { mapping: { units: 'qty_sold' } }).series('A').units)).toEqual([5]);
  });

  it('a rejected row leaves its day unknown for its SKU (censored), not a day without demand', () => {
    const { series, report } = importCsv('date,sku,units\n2024-03-01,A,5\n2024-03-02,A,lots\n2024-03-03,A,6\n');
    expect(Array.from(series('A').censored)).toEqual([0, 1, 0]);
    expect(report.lines).toContain('s.csv: 1 day of a SKU with a rejected row is taken as unknown for that SKU, not as a day without demand');
  });

  it('a column the user maps to one role is not taken by another role’s detection, and two roles cannot share one', () => {
    expect(detectRoles(['date', 'sku', 'units', 'qty'], { stock: 'units' }).roles).toMatchObject({ stock: 2, units: 3 });
    expect(detectRoles(['date', 'sku', 'units'], { stock: 'units', units: 'units' }).problems).toEqual(['the stock column "units" is already the units column; a column holds one thing']);
  });
});
