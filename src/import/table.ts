/**
 * A planner's file as rows of cells, whatever it came as (CSV text or an XLSX sheet): what every later
 * step of the import reads. Rows keep their number in the file, so a problem is reported where the
 * planner will look for it.
 */

/** A cell: text as written (CSV, or an XLSX text cell), a number or a date (XLSX), or nothing. */
export type Cell = string | number | Date | null;

export interface Table {
  /** the file's name, as messages name it */
  file: string;
  format: 'csv' | 'xlsx';
  /** the column names (the first row), trimmed */
  header: string[];
  /** the data rows (a CSV row as long as it was written: shorter or longer than the header; an XLSX row padded with null) */
  rows: Cell[][];
  /** the row number, in the file, of each data row (a spreadsheet's row, an editor's line) */
  rowNumbers: number[];
  /** CSV: the field separator; XLSX: the sheet read */
  separator?: ',' | ';' | '\t';
  sheet?: string;
  /** XLSX: every sheet of the workbook, for a choice */
  sheets?: string[];
  /** the header's row number in the file (the first row that is not blank) */
  headerRow?: number;
  /** CSV: the lines after the header that were blank (left out of `rows`) */
  blankLines?: number[];
}

/**
 * A problem that stops a file from being read at all (empty, not text, too large): in words, naming the
 * file; with its facts (`detail`) for the common ones, so a page words it in its language.
 */
export class ImportError extends Error {
  constructor(
    readonly file: string,
    message: string,
    readonly detail?: ImportErrorDetail,
  ) {
    super(`${file}: ${message}`);
    this.name = 'ImportError';
  }
}

/** The common reasons a file cannot be read at all, as facts (sizes in MB as the message rounds them; sheets and columns quoted). */
export type ImportErrorDetail =
  | { kind: 'tooLarge'; megabytes: string; max: number; workbook: boolean }
  | { kind: 'empty' }
  | { kind: 'blankOnly' }
  | { kind: 'workbookAsCsv' }
  | { kind: 'utf16' }
  | { kind: 'notUtf8'; row: number }
  | { kind: 'nul'; row: number }
  | { kind: 'xls' }
  | { kind: 'tooManyRows'; max: number; sheet: string | null }
  | { kind: 'tooManyColumns'; max: number; row: number | null; sheet: string | null }
  | { kind: 'noHeader'; row: number }
  | { kind: 'noSheet'; sheet: string; sheets: string[] }
  | { kind: 'noData' }
  | { kind: 'emptySheet'; sheet: string }
  | { kind: 'unpacksTooLarge'; megabytes: string; max: number }
  | { kind: 'headerNoRows' }
  | { kind: 'noReadableDate' }
  | { kind: 'datesMixed'; column: string }
  | { kind: 'tooMuchHistory'; series: number; days: number; max: number };

/** The most data rows read from one file: ten years of daily rows for 270 SKU-locations, or a year of a busy shop's receipts. */
export const MAX_ROWS = 1_000_000;

/** The most columns a file may have (a wide file: one column per SKU or SKU × location). */
export const MAX_COLUMNS = 10_000;

/** The largest file read (bytes). */
export const MAX_BYTES = 100 * 1024 * 1024;

/** A cell as text for a message: cut short, control characters escaped. */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? 'an invalid date' : cell.toISOString().slice(0, 10);
  return String(cell);
}
