import { detectRoles } from '../import/columnRoles.ts';
import { dateFormatOf, readDay } from '../import/dates.ts';
import { decimalMarkOf, readNumber } from '../import/numbers.ts';
import { readCsvText } from '../import/readCsv.ts';
import { cellText, ImportError, type Cell, type Table } from '../import/table.ts';
import { listOf, quoted } from './issues.ts';

/**
 * A scenario's daily demand history read from a CSV file (`"series": { "csv": "sales.csv", ... }`),
 * through the same reader as `stocklab import` (papaparse: separators, quotes, BOM; the decimal mark
 * decided once per file, so `6,5` in a semicolon file is six and a half). Two ways to point at it:
 *
 * - `column` (or none: the last column): that column's values, one per row, one row per day, in the
 *   file's order; the first row is a header when it holds a name (`date,demand`), data otherwise;
 * - `sku` (and `location` where the file has several): a long file of rows (date, sku, location,
 *   units), the rows of that SKU added up per date, every date from the file's first to its last
 *   (so every SKU read from one file covers the same days), days without a row 0.
 *
 * A file is parsed once however many histories read it (`CsvFiles`). Whatever in it is unclear is
 * refused with its row and column, never guessed at or skipped.
 */
export interface HistoryRequest {
  csv: string;
  column?: string;
  sku?: string;
  location?: string;
}

/** The largest value a CSV history may hold: a million million units a day. */
export const CSV_MAX_VALUE = 1e12;

/** The largest CSV file read (bytes), as the import's. */
export { MAX_BYTES as CSV_MAX_BYTES } from '../import/table.ts';

/** Files read so far, by path: each is read and parsed once. */
export class CsvFiles {
  private readonly tables = new Map<string, Table | { error: string }>();
  constructor(private readonly readFile: (path: string) => string) {}

  /** The parsed file, or why it cannot be read (the reader's message, or the CSV's first problem). */
  table(path: string): Table | { error: string } {
    let table = this.tables.get(path);
    if (table === undefined) {
      try {
        table = readCsvText(path, this.readFile(path));
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        // an ImportError starts with the file's name, which the caller's message gives already
        table = { error: error instanceof ImportError ? message.slice(path.length + 2) : message };
      }
      this.tables.set(path, table);
    }
    return table;
  }
}

/** The daily values `request` points at in `table`, or the first problem. */
export function historyOf(table: Table, request: HistoryRequest): { values: number[] } | { error: string } {
  return request.sku === undefined ? columnOf(table, request.column) : skuOf(table, request);
}

/** Words a spreadsheet writes for a missing or broken value: never a column's name. */
const NOT_A_NAME = /^(infinity|inf|nan|null|none|na|n\/a|#n\/a|#value!|#ref!|#div\/0!|#num!|#name\?|#null!)$/i;

/** A column name (not a value): not empty, not starting like a number, not a word for a missing value. */
function isName(field: string): boolean {
  const text = field.trim();
  return text !== '' && !/^[\d+\-.]/.test(text) && !NOT_A_NAME.test(text);
}

/** One column's values, a row a day. */
function columnOf(table: Table, column: string | undefined): { values: number[] } | { error: string } {
  // the first row is a header only when it names something and holds no value
  const notName = table.header.find((field) => field !== '' && !isName(field));
  const hasHeader = notName === undefined && table.header.some((field) => field !== '');
  const rows: Cell[][] = hasHeader ? table.rows : [table.header, ...table.rows];
  const rowNumbers = hasHeader ? table.rowNumbers : [firstRowNumber(table), ...table.rowNumbers];
  const width = table.header.length;
  let index: number;
  if (column === undefined) index = width - 1;
  else if (!hasHeader) {
    const why = notName === undefined ? 'its first row holds no names' : `${quoted(notName, 40)} in its first row is a value, not a column name (a name does not start with a digit, a sign or a point)`;
    return { error: `a column ${quoted(column)} was asked for, but the file has no header row: ${why}; add a header row naming the columns, or leave out "column" to read the last column` };
  } else {
    const matches = table.header.flatMap((name, i) => (name === column ? [i] : []));
    if (matches.length > 1) return { error: `column ${quoted(column)} appears ${matches.length} times in the header (columns ${listOf(matches.map((i) => String(i + 1)))}); rename all but one, so that the history is read from the column meant` };
    if (matches.length === 0) {
      const caseOnly = table.header.find((name) => name.toLowerCase() === column.toLowerCase());
      return { error: `no column ${quoted(column)} (columns: ${listOf(table.header, 10, (name) => quoted(name, 40))})${caseOnly === undefined ? '' : `; column names are case-sensitive: did you mean ${quoted(caseOnly, 40)}?`}` };
    }
    index = matches[0];
  }
  const name = hasHeader ? `column ${quoted(table.header[index], 40)}` : `column ${index + 1}`;
  const lastRow = rowNumbers[rowNumbers.length - 1] ?? 0;
  const blank = (table.blankLines ?? []).find((line) => line < lastRow);
  if (blank !== undefined) return { error: `row ${blank} is blank, between rows of data: a daily history needs a value on every row (write 0 for a day without demand), or delete the line` };
  if (rows.length === 0) return { error: `the file has a header (row ${firstRowNumber(table)}) but no rows of data` };
  const decimal = decimalMarkOf(
    rows.map((row) => row[index]),
    table.separator,
  );
  if (decimal === 'ambiguous') return { error: `${name} holds numbers with a decimal comma (6,5) and others with a decimal point (6.5); write them one way` };
  const values: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (row.length !== width) return { error: widthMessage(rowNumbers[i], row.length, width, table.separator, hasHeader) };
    const value = valueOf(row[index], decimal, `row ${rowNumbers[i]}, ${name}`);
    if (typeof value === 'string') return { error: value };
    values.push(value);
  }
  return { values };
}

/** The rows of one SKU (and location) of a long file, added up per date over the file's dates. */
function skuOf(table: Table, request: HistoryRequest): { values: number[] } | { error: string } {
  const { roles } = detectRoles(table.header, request.column === undefined ? {} : { units: request.column });
  const columns = `columns: ${listOf(table.header, 10, (name) => quoted(name, 40))}`;
  if (roles.date === undefined) return { error: `"sku" reads a long file (date, sku, units), but no column is named like a date (date, day, jour, …; ${columns})` };
  if (roles.sku === undefined) return { error: `"sku" reads a long file (date, sku, units), but no column is named like a SKU (sku, article, item, …; ${columns})` };
  if (roles.units === undefined) return { error: `"sku" reads a long file (date, sku, units), but no column is named like units (units, quantity, qty, …; ${columns}); name it with "column"` };
  if (request.location !== undefined && roles.location === undefined) return { error: `"location" was given, but no column is named like a location (location, store, site, …; ${columns})` };
  const dates = dateFormatOf(table.rows.map((row) => row[roles.date!]));
  if (dates.format === 'ambiguous' || dates.format === 'mixed') {
    return { error: `the dates in column ${quoted(table.header[roles.date], 40)} ${dates.format === 'mixed' ? 'are written in several ways' : 'could be day first or month first'}; write them as ISO dates (2024-03-05), or turn the file into a scenario with stocklab import, which asks` };
  }
  const decimal = decimalMarkOf(
    table.rows.map((row) => row[roles.units!]),
    table.separator,
  );
  if (decimal === 'ambiguous') return { error: `column ${quoted(table.header[roles.units], 40)} holds numbers with a decimal comma (6,5) and others with a decimal point (6.5); write them one way` };
  let first = Infinity;
  let last = -Infinity;
  const days: number[] = [];
  for (let i = 0; i < table.rows.length; i++) {
    const day = readDay(table.rows[i][roles.date], dates.format);
    if (typeof day === 'string') return { error: `row ${table.rowNumbers[i]}, column ${quoted(table.header[roles.date], 40)}: ${day}` };
    days.push(day);
    first = Math.min(first, day);
    last = Math.max(last, day);
  }
  const values = new Array<number>(last - first + 1).fill(0);
  const locations = new Set<string>();
  let found = false;
  for (let i = 0; i < table.rows.length; i++) {
    const row = table.rows[i];
    if (cellText(row[roles.sku]).trim() !== request.sku) continue;
    const location = roles.location === undefined ? '' : cellText(row[roles.location]).trim();
    locations.add(location);
    if (request.location !== undefined && location !== request.location) continue;
    const value = valueOf(row[roles.units], decimal, `row ${table.rowNumbers[i]}, column ${quoted(table.header[roles.units], 40)}`);
    if (typeof value === 'string') return { error: value };
    values[days[i] - first] += value;
    found = true;
  }
  if (locations.size === 0) return { error: `no row for SKU ${quoted(request.sku!)} in column ${quoted(table.header[roles.sku], 40)}` };
  if (request.location === undefined && locations.size > 1) return { error: `SKU ${quoted(request.sku!)} has rows at ${locations.size} locations (${listOf([...locations], 6, (name) => quoted(name, 30))}); say which with "location"` };
  if (!found) return { error: `no row for SKU ${quoted(request.sku!)} at location ${quoted(request.location!)} (its locations: ${listOf([...locations], 6, (name) => quoted(name, 30))})` };
  return { values };
}

/** A day's demand from a cell, or why it is not one. */
function valueOf(cell: Cell, decimal: 'point' | 'comma', where: string): number | string {
  const text = cellText(cell).trim();
  if (text === '') return `${where}: expected a number, got an empty field (write 0 for a day without demand)`;
  const value = readNumber(cell, decimal);
  if (value === null) return `${where}: expected a number${decimal === 'comma' ? ' (with a decimal comma, as the file writes them)' : ''}, got ${quoted(text, 60)}`;
  if (value < 0) return `${where}: expected a number >= 0 (a demand cannot be negative), got ${quoted(text, 30)}`;
  if (value > CSV_MAX_VALUE) return `${where}: expected a number <= 1e12 (a million million), got ${quoted(text, 30)}`;
  return value;
}

function widthMessage(row: number, got: number, width: number, separator: Table['separator'], hasHeader: boolean): string {
  const names: Record<string, string> = { ',': 'commas', ';': 'semicolons', '\t': 'tabs' };
  const by = separator === undefined ? '' : ` (fields separated by ${names[separator]})`;
  const hint = separator === ',' && got > width ? '; a decimal comma (12,5) splits a number in two in a comma-separated file: write 12.5' : '';
  return `row ${row} has ${got} field${got === 1 ? '' : 's'} where the ${hasHeader ? 'header' : 'first row'} has ${width}${by}: every row needs one field per column${hint}`;
}

/** The file row of the header (the first row that is not blank). */
function firstRowNumber(table: Table): number {
  return table.headerRow ?? 1;
}
