import type ExcelJS from 'exceljs';
import { quoted, listOf } from '../scenario/issues.ts';
import { ImportError, MAX_COLUMNS, MAX_ROWS, type Cell, type Table } from './table.ts';

/** The largest workbook read (bytes on disk). */
export const MAX_XLSX_BYTES = 50 * 1024 * 1024;

/**
 * The most bytes a workbook may unpack to. An XLSX file is a zip archive: a small file can unpack to
 * gigabytes (a "zip bomb"), so the sizes its directory declares are added up before anything is
 * unpacked. 300 MB holds a sheet of about three million cells.
 */
export const MAX_XLSX_UNPACKED_BYTES = 300 * 1024 * 1024;

/**
 * Reads one sheet of an XLSX workbook (exceljs): the sheet named `sheet`, or the first sheet that
 * holds data. Numbers stay numbers and dates stay dates (no text round trip, so no decimal-comma
 * question); a formula gives its cached result; rich text its plain text; an error cell (#N/A) its
 * code as text, which the import then reports where a number was expected.
 */
export async function readXlsx(file: string, bytes: Uint8Array, sheet?: string): Promise<Table> {
  if (bytes.length > MAX_XLSX_BYTES) throw new ImportError(file, `the workbook is ${(bytes.length / 2 ** 20).toFixed(1)} MB; Stocklab reads workbooks of at most ${MAX_XLSX_BYTES / 2 ** 20} MB: save the sheet as CSV (up to 100 MB), or split it`, {
      kind: 'tooLarge',
      megabytes: (bytes.length / 2 ** 20).toFixed(1),
      max: MAX_XLSX_BYTES / 2 ** 20,
      workbook: true,
    });
  const unpacked = unpackedSize(bytes);
  if (typeof unpacked === 'string') throw new ImportError(file, unpacked);
  if (unpacked > MAX_XLSX_UNPACKED_BYTES) {
    throw new ImportError(file, `the workbook unpacks to ${(unpacked / 2 ** 20).toFixed(0)} MB, more than the ${MAX_XLSX_UNPACKED_BYTES / 2 ** 20} MB Stocklab unpacks; save the sheet as CSV, or split it`, { kind: 'unpacksTooLarge', megabytes: (unpacked / 2 ** 20).toFixed(0), max: MAX_XLSX_UNPACKED_BYTES / 2 ** 20 });
  }
  // loaded on the first workbook only: exceljs is large, and its dependencies install process
  // handlers (a SIGINT listener) that every stocklab command would otherwise carry from start-up
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    // exceljs's types ask for a Node Buffer; an ArrayBuffer is what it reads in Node and the browser alike
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch (error) {
    throw new ImportError(file, `the workbook cannot be read (${error instanceof Error ? error.message.slice(0, 120) : 'unknown error'}); open it in a spreadsheet and save it again as .xlsx, or as CSV UTF-8`);
  }
  const sheets = workbook.worksheets;
  const chosen = sheet === undefined ? sheets.find((s) => s.actualRowCount > 0) : sheets.find((s) => s.name === sheet);
  if (!chosen) {
    if (sheet !== undefined) throw new ImportError(file, `no sheet ${quoted(sheet)} (sheets: ${listOf(sheets.map((s) => s.name), 10, (name) => quoted(name))})`, { kind: 'noSheet', sheet: quoted(sheet), sheets: sheets.slice(0, 10).map((s) => quoted(s.name)) });
    throw new ImportError(file, 'the workbook holds no data in any sheet', { kind: 'noData' });
  }
  if (chosen.actualRowCount > MAX_ROWS + 1) throw new ImportError(file, `sheet ${quoted(chosen.name)} has more than ${MAX_ROWS.toLocaleString('en')} rows; split it`, { kind: 'tooManyRows', max: MAX_ROWS, sheet: quoted(chosen.name) });
  if (chosen.actualColumnCount > MAX_COLUMNS) throw new ImportError(file, `sheet ${quoted(chosen.name)} has more than ${MAX_COLUMNS.toLocaleString('en')} columns`, { kind: 'tooManyColumns', max: MAX_COLUMNS, row: null, sheet: quoted(chosen.name) });

  let header: string[] | null = null;
  let firstRow = 1;
  const rows: Cell[][] = [];
  const rowNumbers: number[] = [];
  chosen.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values: Cell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      values[column - 1] = cellValue(cell.value);
    });
    if (values.every((value) => value === null || value === undefined || (typeof value === 'string' && value.trim() === ''))) return;
    if (header === null) {
      firstRow = rowNumber;
      header = Array.from(values, (value) => (value === null || value === undefined ? '' : value instanceof Date ? value.toISOString().slice(0, 10) : String(value).trim()));
      return;
    }
    rows.push(Array.from({ length: Math.max(header.length, values.length) }, (_, i) => values[i] ?? null));
    rowNumbers.push(rowNumber);
  });
  if (header === null) throw new ImportError(file, `sheet ${quoted(chosen.name)} is empty`, { kind: 'emptySheet', sheet: quoted(chosen.name) });
  const names: string[] = header;
  for (const row of rows) while (row.length < names.length) row.push(null);
  return { file, format: 'xlsx', header: names, rows, rowNumbers, sheet: chosen.name, sheets: sheets.map((s) => s.name), headerRow: firstRow };
}

/** An exceljs cell value as a Cell. */
function cellValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('result' in value) return value.result === undefined ? null : cellValue(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('error' in value) return String(value.error);
  }
  return null;
}

/**
 * The bytes the archive's entries unpack to, as its central directory declares them (read without
 * unpacking), or why the file is not a readable archive.
 */
export function unpackedSize(bytes: Uint8Array): number | string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 22 || view.getUint32(0, true) !== 0x04034b50) return 'the file is not an XLSX workbook (not a zip archive); if it is CSV text, name it .csv';
  // the end-of-central-directory record: its signature within the last 64 KiB + 22 bytes
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return 'the workbook is damaged (its zip directory is missing: a file cut short?)';
  const entries = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) return 'the workbook is damaged (its zip directory is broken)';
    const size = view.getUint32(offset + 24, true);
    if (size === 0xffffffff) return 'the workbook is a zip64 archive (over 4 GB unpacked); save the sheet as CSV, or split it';
    total += size;
    offset += 46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return total;
}
