/**
 * The worker API's import methods as the wizard calls them (src/worker/api.ts): the demand file is
 * read once, by its preview, whether the import names the sheet the preview read or leaves it to
 * the default, and a re-import (SKUs marked for replay) only fits again; another sheet is read anew;
 * the locations file goes through to the import.
 */
import { describe, expect, test, vi } from 'vitest';
import ExcelJS from 'exceljs';

// the reads the API asks for, counted (importFiles' own reads of a master or locations file are
// inside its module, not through this export)
const reads = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/import/importFiles.ts', async (original) => {
  const actual = await original<typeof import('../../src/import/importFiles.ts')>();
  return {
    ...actual,
    readTable: (...args: Parameters<typeof actual.readTable>) => {
      reads.count++;
      return actual.readTable(...args);
    },
  };
});

const { createSimApi } = await import('../../src/worker/api.ts');

async function workbook(): Promise<ArrayBuffer> {
  const book = new ExcelJS.Workbook();
  for (const [name, store] of [['Sales', 'north'], ['Other', 'south']] as const) {
    const sheet = book.addWorksheet(name);
    sheet.addRow(['Date', 'SKU', 'Store', 'Units']);
    for (let day = 0; day < 40; day++) for (const sku of ['A-1', 'B-2']) sheet.addRow([new Date(Date.UTC(2024, 0, 1 + day)), sku, store, (day * (sku === 'A-1' ? 3 : 7)) % 9]);
  }
  return (await book.xlsx.writeBuffer()) as ArrayBuffer;
}

/** A file as the page sends it: a fresh copy of the bytes each time (they are transferred, so detached, after a call). */
const file = (name: string, bytes: ArrayBuffer | string) => ({ name, bytes: typeof bytes === 'string' ? (new TextEncoder().encode(bytes).buffer as ArrayBuffer) : bytes.slice(0) });

describe('the import methods of the worker API', () => {
  test('a file is read once for its preview and its imports; another sheet is read anew', async () => {
    const api = createSimApi();
    const bytes = await workbook();
    reads.count = 0;
    const preview = await api.previewImport(file('book.xlsx', bytes), {});
    expect(preview.ok && [preview.preview.sheet, preview.preview.sheets]).toEqual(['Sales', ['Sales', 'Other']]);
    // the wizard names the sheet its preview read
    const first = await api.importData(file('book.xlsx', bytes), undefined, { sheet: 'Sales' });
    const again = await api.importData(file('book.xlsx', bytes), undefined, { sheet: 'Sales', replay: ['B-2'] });
    expect(reads.count).toBe(1);
    expect(first.ok && first.result.summaries.map((s) => `${s.sku}@${s.location}`)).toEqual(['A-1@north', 'B-2@north']);
    expect(again.ok && again.result.summaries.map((s) => `${s.sku}:${s.model === 'replay'}`)).toEqual(['A-1:false', 'B-2:true']);

    const other = await api.previewImport(file('book.xlsx', bytes), {}, 'Other');
    expect(reads.count).toBe(2);
    const otherImport = await api.importData(file('book.xlsx', bytes), undefined, { sheet: 'Other' });
    expect(reads.count).toBe(2);
    expect(other.ok && other.preview.sheet).toBe('Other');
    expect(otherImport.ok && otherImport.result.summaries.map((s) => s.location)).toEqual(['south', 'south']);
  });

  test('the locations file, last, makes the warehouse', async () => {
    const api = createSimApi();
    const sales = ['date,sku,store,units', ...Array.from({ length: 40 }, (_, day) => `${new Date(Date.UTC(2024, 0, 1 + day)).toISOString().slice(0, 10)},A-1,north,${day % 4}`)].join('\n');
    const answer = await api.importData(file('sales.csv', sales), undefined, {}, undefined, file('sites.csv', 'id,kind,supplied by\nnorth,store,DC\nDC,warehouse,\n'));
    expect(answer.ok).toBe(true);
    if (!answer.ok) return;
    expect(answer.result.report.lines).toContain('sites.csv: 2 locations, 1 warehouse; 1 stores supplied by a warehouse');
    expect(answer.result.scenario?.nodes?.find((node) => node.id === 'DC')?.type).toBe('warehouse');
  });
});
