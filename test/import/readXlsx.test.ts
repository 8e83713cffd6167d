import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dayNumber } from '../../src/import/dates.ts';
import { readDemandHistory } from '../../src/import/demandHistory.ts';
import { emptyReport } from '../../src/import/importReport.ts';
import { MAX_XLSX_BYTES, MAX_XLSX_UNPACKED_BYTES, readXlsx, unpackedSize } from '../../src/import/readXlsx.ts';
import { ImportError } from '../../src/import/table.ts';

/**
 * Workbooks are built here with exceljs and read back: cells keep their types (numbers, dates), a
 * formula gives its cached result, rich text its text, an error cell its code. The zip-bomb guard is
 * checked on archives whose central directory is patched by hand.
 */

async function bytesOf(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

async function errorOf(read: () => Promise<unknown>): Promise<ImportError> {
  try {
    await read();
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('expected an ImportError, the workbook was read');
}

/** A workbook with an empty first sheet, a "Sales" sheet of every kind of cell, and a "Notes" sheet. */
async function salesWorkbook(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Empty');
  const sales = workbook.addWorksheet('Sales');
  sales.addRow(['Date', 'SKU', 'Units', 'Price', 'Promo']);
  sales.addRow([new Date(Date.UTC(2024, 2, 5)), 'A', 6.5, { formula: 'C2*2', result: 13 }, true]);
  sales.addRow([new Date(Date.UTC(2024, 2, 6, 8, 26)), { richText: [{ text: 'B' }, { text: '-1', font: { bold: true } }] }, { error: '#N/A' }, { formula: 'C2+1' }, false]);
  // row 4 left empty: skipped, but the next row keeps its number 5
  sales.getCell('A5').value = '2024-03-07';
  sales.getCell('B5').value = { text: 'C', hyperlink: 'https://example.com/C' };
  sales.getCell('C5').value = 3;
  const notes = workbook.addWorksheet('Notes');
  notes.addRow(['note']);
  notes.addRow(['hello']);
  return bytesOf(workbook);
}

/** The central directory's entries: offset of each record, its declared sizes and where its data lies. */
function centralDirectory(bytes: Uint8Array): { record: number; method: number; compressed: number; size: number; local: number }[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.length - 22; i >= 0; i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('no end of central directory');
  const entries: { record: number; method: number; compressed: number; size: number; local: number }[] = [];
  let offset = view.getUint32(end + 16, true);
  for (let n = view.getUint16(end + 10, true); n > 0; n--) {
    entries.push({ record: offset, method: view.getUint16(offset + 10, true), compressed: view.getUint32(offset + 20, true), size: view.getUint32(offset + 24, true), local: view.getUint32(offset + 42, true) });
    offset += 46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return entries;
}

/** A zip archive built by hand: one stored (uncompressed) entry, its central directory record and the end record. */
function storedZip(name: string, data: Uint8Array): Uint8Array {
  const nameBytes = new TextEncoder().encode(name);
  const local = new Uint8Array(30 + nameBytes.length + data.length);
  const lv = new DataView(local.buffer);
  lv.setUint32(0, 0x04034b50, true);
  lv.setUint16(4, 20, true);
  lv.setUint32(18, data.length, true);
  lv.setUint32(22, data.length, true);
  lv.setUint16(26, nameBytes.length, true);
  local.set(nameBytes, 30);
  local.set(data, 30 + nameBytes.length);
  const central = new Uint8Array(46 + nameBytes.length);
  const cv = new DataView(central.buffer);
  cv.setUint32(0, 0x02014b50, true);
  cv.setUint16(4, 20, true);
  cv.setUint16(6, 20, true);
  cv.setUint32(20, data.length, true);
  cv.setUint32(24, data.length, true);
  cv.setUint16(28, nameBytes.length, true);
  cv.setUint32(42, 0, true); // its local header is at the start
  central.set(nameBytes, 46);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, 1, true);
  ev.setUint16(10, 1, true);
  ev.setUint32(12, central.length, true);
  ev.setUint32(16, local.length, true);
  const zip = new Uint8Array(local.length + central.length + end.length);
  zip.set(local, 0);
  zip.set(central, local.length);
  zip.set(end, local.length + central.length);
  return zip;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('readXlsx: cells keep their meaning', () => {
  it('reads the first sheet holding data, with numbers, dates, formula results, rich text and error codes', async () => {
    const table = await readXlsx('sales.xlsx', await salesWorkbook());
    expect(table.format).toBe('xlsx');
    expect(table.sheet).toBe('Sales'); // "Empty" comes first but holds nothing
    expect(table.header).toEqual(['Date', 'SKU', 'Units', 'Price', 'Promo']);
    expect(table.rows).toEqual([
      [new Date(Date.UTC(2024, 2, 5)), 'A', 6.5, 13, 'true'],
      [new Date(Date.UTC(2024, 2, 6, 8, 26)), 'B-1', '#N/A', null, 'false'], // a formula with no cached result is empty
      ['2024-03-07', 'C', 3, null, null],
    ]);
    // spreadsheet row numbers: header row 1, the empty row 4 skipped
    expect(table.rowNumbers).toEqual([2, 3, 5]);
  });

  it('reads the sheet named', async () => {
    const table = await readXlsx('sales.xlsx', await salesWorkbook(), 'Notes');
    expect(table.sheet).toBe('Notes');
    expect(table.header).toEqual(['note']);
    expect(table.rows).toEqual([['hello']]);
  });

  it('refuses an unknown sheet name, listing the sheets', async () => {
    const error = await errorOf(async () => readXlsx('sales.xlsx', await salesWorkbook(), 'Ventes'));
    expect(error.message).toBe('sales.xlsx: no sheet "Ventes" (sheets: "Empty", "Sales", "Notes")');
  });

  it('refuses a workbook without data in any sheet', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('One');
    workbook.addWorksheet('Two');
    const error = await errorOf(async () => readXlsx('empty.xlsx', await bytesOf(workbook)));
    expect(error.message).toBe('empty.xlsx: the workbook holds no data in any sheet');
  });

  it('takes the first non-empty row as the header, rows keeping their sheet numbers', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Data');
    sheet.getCell('A1').value = '   '; // a blank text cell: no data
    sheet.getRow(3).values = ['date', 'sku', 'units'];
    sheet.getRow(4).values = [new Date(Date.UTC(2024, 0, 1)), 'A', 1];
    sheet.getRow(5).values = [new Date(Date.UTC(2024, 0, 2)), 'A']; // short: padded with null
    const table = await readXlsx('a.xlsx', await bytesOf(workbook));
    expect(table.header).toEqual(['date', 'sku', 'units']);
    expect(table.rows).toEqual([
      [new Date(Date.UTC(2024, 0, 1)), 'A', 1],
      [new Date(Date.UTC(2024, 0, 2)), 'A', null],
    ]);
    expect(table.rowNumbers).toEqual([4, 5]);
  });

  it('imports a workbook\'s sales with no decimal or date-format question, rejecting an error cell by its row', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Ventes');
    sheet.addRow(['Date', 'Article', 'Quantité']);
    // 05/03 and 06/03 would be ambiguous as text; date cells are not
    sheet.addRow([new Date(Date.UTC(2024, 2, 5)), 'A', 6.5]);
    sheet.addRow([new Date(Date.UTC(2024, 2, 6)), 'A', { error: '#N/A' }]);
    sheet.addRow([new Date(Date.UTC(2024, 2, 7)), 'A', { formula: '1+1', result: 2 }]);
    const report = emptyReport();
    const history = readDemandHistory(await readXlsx('ventes.xlsx', await bytesOf(workbook)), report);
    expect(history.startDay).toBe(dayNumber(2024, 3, 5));
    expect(history.transactions).toBe(false);
    expect(Array.from(history.series[0].units)).toEqual([6.5, 0, 2]);
    expect(report.notes).toEqual([{ file: 'ventes.xlsx', row: 3, column: 'Quantité', status: 'rejected', reason: 'expected a number, got "#N/A"' }]);
    expect(report.lines.some((line) => line.includes('decimal comma'))).toBe(false);
  });

  it('adds up transaction rows whose date cells carry a time, a numeric SKU read as its text', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Receipts');
    sheet.addRow(['InvoiceDate', 'StockCode', 'Quantity']);
    sheet.addRow([new Date(Date.UTC(2024, 2, 5, 8, 26)), 4711, 2]);
    sheet.addRow([new Date(Date.UTC(2024, 2, 5, 9, 1)), 4711, 3]);
    sheet.addRow([new Date(Date.UTC(2024, 2, 6, 17, 45)), 4711, 1]);
    const report = emptyReport();
    const history = readDemandHistory(await readXlsx('receipts.xlsx', await bytesOf(workbook)), report);
    expect(history.transactions).toBe(true);
    expect(history.series.map((s) => s.sku)).toEqual(['4711']);
    expect(Array.from(history.series[0].units)).toEqual([5, 1]);
    expect(report.notes).toEqual([]);
  });

  it('refuses bytes that are not a zip archive, saying to name CSV text .csv', async () => {
    const error = await errorOf(() => readXlsx('sales.xlsx', new TextEncoder().encode('date,units\n2024-01-01,1\n')));
    expect(error.message).toBe('sales.xlsx: the file is not an XLSX workbook (not a zip archive); if it is CSV text, name it .csv');
  });

  it('refuses a workbook cut short (no zip directory)', async () => {
    const bytes = await salesWorkbook();
    const error = await errorOf(() => readXlsx('cut.xlsx', bytes.slice(0, bytes.length - 100)));
    expect(error.message).toBe('cut.xlsx: the workbook is damaged (its zip directory is missing: a file cut short?)');
  });

  it('refuses a workbook over MAX_XLSX_BYTES on disk', async () => {
    const error = await errorOf(() => readXlsx('big.xlsx', new Uint8Array(MAX_XLSX_BYTES + 1)));
    expect(error.message).toBe('big.xlsx: the workbook is 50.0 MB; Stocklab reads workbooks of at most 50 MB: save the sheet as CSV (up to 100 MB), or split it');
  });
});

describe('unpackedSize: the zip-bomb guard reads the central directory before anything is unpacked', () => {
  it('equals the bytes a real workbook\'s entries actually unpack to', async () => {
    const bytes = await salesWorkbook();
    const entries = centralDirectory(bytes);
    expect(entries.length).toBeGreaterThan(5);
    // unpack every entry independently (node's zlib), from its local header
    let actual = 0;
    for (const entry of entries) {
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      const start = entry.local + 30 + view.getUint16(entry.local + 26, true) + view.getUint16(entry.local + 28, true);
      const data = bytes.subarray(start, start + entry.compressed);
      actual += entry.method === 8 ? inflateRawSync(data).length : data.length;
    }
    expect(unpackedSize(bytes)).toBe(actual);
  });

  it('reads a hand-built archive: the stored entry\'s size', () => {
    const data = new TextEncoder().encode('hello, workbook');
    expect(unpackedSize(storedZip('a.txt', data))).toBe(15);
  });

  it('says a zip64 size (0xFFFFFFFF) is too large', () => {
    const zip = storedZip('a.txt', new Uint8Array(4));
    new DataView(zip.buffer).setUint32(centralDirectory(zip)[0].record + 24, 0xffffffff, true); // its uncompressed size field
    expect(centralDirectory(zip)[0].size).toBe(0xffffffff);
    expect(unpackedSize(zip)).toBe('the workbook is a zip64 archive (over 4 GB unpacked); save the sheet as CSV, or split it');
  });

  it('says a directory that points at no record is broken', () => {
    const zip = storedZip('a.txt', new Uint8Array(4));
    const view = new DataView(zip.buffer);
    view.setUint32(zip.length - 22 + 16, 3, true); // the directory "starts" inside the local header
    expect(unpackedSize(zip)).toBe('the workbook is damaged (its zip directory is broken)');
  });

  it('refuses a workbook whose directory declares more than 300 MB, without unpacking it', async () => {
    const bytes = await salesWorkbook();
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const entries = centralDirectory(bytes);
    // one entry declares 301 MiB, the others nothing: 301 MiB in all
    entries.forEach((entry, i) => view.setUint32(entry.record + 24, i === 0 ? 301 * 2 ** 20 : 0, true));
    expect(unpackedSize(bytes)).toBe(301 * 2 ** 20);
    const load = vi.spyOn(Object.getPrototypeOf(new ExcelJS.Workbook().xlsx) as { load: (...args: unknown[]) => unknown }, 'load');
    const error = await errorOf(() => readXlsx('bomb.xlsx', bytes));
    expect(error.message).toBe('bomb.xlsx: the workbook unpacks to 301 MB, more than the 300 MB Stocklab unpacks; save the sheet as CSV, or split it');
    expect(load).not.toHaveBeenCalled();
  });

  it('unpacks a workbook declaring exactly the limit (the guard is "more than 300 MB")', async () => {
    const bytes = await salesWorkbook();
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const entries = centralDirectory(bytes);
    entries.forEach((entry, i) => view.setUint32(entry.record + 24, i === 0 ? MAX_XLSX_UNPACKED_BYTES : 0, true));
    const load = vi.spyOn(Object.getPrototypeOf(new ExcelJS.Workbook().xlsx) as { load: (...args: unknown[]) => unknown }, 'load');
    // past the guard, the unpacker finds the sizes false and the workbook is refused as unreadable
    const error = await errorOf(() => readXlsx('edge.xlsx', bytes));
    expect(load).toHaveBeenCalledTimes(1);
    expect(error.message).toMatch(/^edge\.xlsx: the workbook cannot be read \(/);
  });

  it('does not read a workbook whose directory under-declares its sizes (the unpacker checks them)', async () => {
    const bytes = await salesWorkbook();
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (const entry of centralDirectory(bytes)) view.setUint32(entry.record + 24, 1, true);
    const error = await errorOf(() => readXlsx('lying.xlsx', bytes));
    expect(error.message).toMatch(/^lying\.xlsx: the workbook cannot be read \(.*\); open it in a spreadsheet and save it again as \.xlsx, or as CSV UTF-8$/);
  });
});
