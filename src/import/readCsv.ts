import Papa from 'papaparse';
import { ImportError, MAX_BYTES, MAX_COLUMNS, MAX_ROWS, type Cell, type Table } from './table.ts';

/**
 * Reads a CSV file as a planner's spreadsheet writes it: UTF-8 with or without a byte order mark
 * (Excel's "CSV UTF-8"), fields separated by commas, semicolons (French and German Excel) or tabs,
 * quoted fields (papaparse does the splitting: quotes, doubled quotes, line breaks inside quotes).
 *
 * The separator is chosen on the first two rows, outside quotes: of tab, semicolon and comma, those
 * found as often in the second row as in the first (`date;units` over `1;12,5`: the semicolon, though
 * the comma also appears in the second row), else any in the first; of them the most frequent in the
 * first row, a tie going to tab, then semicolon, then comma. A first row with none of them is one
 * column. This is stricter than papaparse's own guess, which needs many rows and is misled by a
 * decimal comma.
 *
 * The file is data: split into fields, never evaluated. Text that is not UTF-8 (a Windows-1252 export,
 * UTF-16 "Unicode text", a workbook renamed .csv) is refused with what to do, never read as garbled
 * names.
 */
export function readCsv(file: string, bytes: Uint8Array, options: { onProgress?: (fraction: number) => void; isCancelled?: () => boolean } = {}): Table {
  if (bytes.length > MAX_BYTES) throw new ImportError(file, `the file is ${(bytes.length / 2 ** 20).toFixed(1)} MB; Stocklab reads files of at most ${MAX_BYTES / 2 ** 20} MB: split it by year or by SKU range`, { kind: 'tooLarge', megabytes: (bytes.length / 2 ** 20).toFixed(1), max: MAX_BYTES / 2 ** 20, workbook: false });
  if (bytes.length === 0) throw new ImportError(file, 'the file is empty', { kind: 'empty' });
  if (isZip(bytes)) throw new ImportError(file, 'the file is a workbook (XLSX, a zip archive), not CSV text: name it .xlsx, or save the sheet as CSV UTF-8', { kind: 'workbookAsCsv' });
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new ImportError(file, 'the file is UTF-16 text (Excel\'s "Unicode text"); save it as "CSV UTF-8 (comma delimited)"', { kind: 'utf16' });
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    throw new ImportError(file, `the file is not UTF-8 text: the bytes at row ${lineAt(bytes, at)} are not UTF-8 (a Windows "ANSI" or Latin-1 export, where é is one byte); save it as "CSV UTF-8" (Excel: Save As, CSV UTF-8), or convert it (iconv -f WINDOWS-1252 -t UTF-8)`, { kind: 'notUtf8', row: lineAt(bytes, at) });
  }
  return readCsvText(file, text, options);
}

/** Reads CSV text already decoded (a scenario's history file, read by the CLI as UTF-8): see readCsv. */
export function readCsvText(file: string, text: string, options: { onProgress?: (fraction: number) => void; isCancelled?: () => boolean } = {}): Table {
  if (text.length === 0) throw new ImportError(file, 'the file is empty', { kind: 'empty' });
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const nul = text.indexOf('\u0000');
  if (nul >= 0) throw new ImportError(file, `the file is not CSV text: it holds NUL characters (the first in row ${lineOfText(text, nul)})`, { kind: 'nul', row: lineOfText(text, nul) });
  if (text.trim() === '') throw new ImportError(file, 'the file holds no rows (only blank lines)', { kind: 'blankOnly' });

  const separator = separatorOf(text);
  const records: string[][] = [];
  const lines: number[] = [];
  let line = 1; // the line the next record starts on
  let consumed = 0;
  let broken: string | null = null;
  let tooWide: number | null = null;
  let tooLong = false;
  const blankLines: number[] = [];
  Papa.parse<string[]>(text, {
    // one column: a separator the text cannot hold (NUL was refused above), so a later "12,5" stays one field
    delimiter: separator ?? '\u0000',
    skipEmptyLines: false,
    step: (result, parser) => {
      const end = result.meta.cursor;
      const start = line;
      line += countLineBreaks(text, consumed, end);
      consumed = end;
      const fields = result.data;
      if (result.errors.length > 0 && broken === null) {
        const error = result.errors[0];
        broken = error.code === 'MissingQuotes' ? `row ${start}: a quoted field is not closed (a quote inside a quoted field is written twice: "")` : `row ${start}: ${error.message}`;
        parser.abort();
        return;
      }
      if (fields.length > MAX_COLUMNS) {
        tooWide = start;
        parser.abort();
        return;
      }
      if (fields.length === 1 && fields[0].trim() === '') {
        if (records.length > 0) blankLines.push(start); // a blank line after the header: a reader may refuse it
        return;
      }
      if (records.length > MAX_ROWS) {
        // the header and MAX_ROWS rows are in: one more is a file too long, refused rather than cut
        tooLong = true;
        parser.abort();
        return;
      }
      records.push(fields);
      lines.push(start);
      if (options.onProgress && records.length % 50_000 === 0) options.onProgress(end / text.length);
      if (options.isCancelled?.()) parser.abort();
    },
  });
  if (options.isCancelled?.()) throw new ImportError(file, 'cancelled');
  if (broken !== null) throw new ImportError(file, broken);
  if (tooWide !== null) throw new ImportError(file, `row ${tooWide} has more than ${MAX_COLUMNS.toLocaleString('en')} fields; Stocklab reads files of at most ${MAX_COLUMNS.toLocaleString('en')} columns`, { kind: 'tooManyColumns', max: MAX_COLUMNS, row: tooWide, sheet: null });
  if (tooLong) throw new ImportError(file, `the file has more than ${MAX_ROWS.toLocaleString('en')} rows; split it (by year or by SKU range) and import the parts`, { kind: 'tooManyRows', max: MAX_ROWS, sheet: null });

  const header = records[0].map((name) => name.trim());
  if (header.every((name) => name === '')) throw new ImportError(file, `row ${lines[0]}, the first row, names no column: the first row must be a header (date, sku, units, ...)`, { kind: 'noHeader', row: lines[0] });
  // rows keep their own length: a reader that needs every row as wide as the header says so at the row
  const rows: Cell[][] = records.slice(1);
  return { file, format: 'csv', header, rows, rowNumbers: lines.slice(1), separator: separator ?? undefined, blankLines, headerRow: lines[0] };
}

type Separator = ',' | ';' | '\t';
const SEPARATORS: readonly Separator[] = ['\t', ';', ','];

/** The separator of the file (see readCsv), or null for one column. */
function separatorOf(text: string): Separator | null {
  const [first, second] = firstRows(text);
  const inFirst = counts(first);
  const inSecond = second === undefined ? undefined : counts(second);
  const found = SEPARATORS.filter((s) => inFirst[s] > 0);
  const agreeing = found.filter((s) => inSecond !== undefined && inSecond[s] === inFirst[s]);
  let best: Separator | null = null;
  for (const candidate of agreeing.length > 0 ? agreeing : found) if (best === null || inFirst[candidate] > inFirst[best]) best = candidate;
  return best;
}

/** The first two non-blank lines (a header over a quoted line break is rare enough to ignore here). */
function firstRows(text: string): [string, string | undefined] {
  const rows: string[] = [];
  let start = 0;
  while (rows.length < 2 && start < text.length) {
    const match = /\r\n|\r|\n/g;
    match.lastIndex = start;
    const found = match.exec(text);
    const end = found ? found.index : text.length;
    const line = text.slice(start, Math.min(end, start + 1_000_000));
    if (line.trim() !== '') rows.push(line);
    start = found ? end + found[0].length : text.length;
  }
  return [rows[0] ?? '', rows[1]];
}

function counts(line: string): Record<Separator, number> {
  const found: Record<Separator, number> = { '\t': 0, ';': 0, ',': 0 };
  let inQuotes = false;
  for (const char of line) {
    if (char === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (char === '\t' || char === ';' || char === ',')) found[char]++;
  }
  return found;
}

function countLineBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) n++;
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) n++;
  }
  return n;
}

function lineOfText(text: string, offset: number): number {
  return countLineBreaks(text, 0, offset) + 1;
}

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** The offset of the first byte that breaks UTF-8 (the Unicode Standard's table 3-7 of well-formed sequences). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const need = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i;
    // the second byte's narrower ranges: no overlong form, no encoded surrogate (CESU-8), nothing past U+10FFFF
    const second = bytes[i + 1];
    if ((b === 0xe0 && second < 0xa0) || (b === 0xed && second > 0x9f) || (b === 0xf0 && second < 0x90) || (b === 0xf4 && second > 0x8f)) return i;
    i += need + 1;
  }
  return bytes.length;
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let n = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 10) n++;
  return n;
}
