import { csvFile, ENGLISH_CSV, type CsvDialect } from '../experiment/csv.ts';

/**
 * What an import did with every row: the rows it could not use (rejected, each with its file, row,
 * column and reason), the rows it used with a remark (a price it could not read, a negative quantity
 * set aside), and the summary lines. Nothing is dropped without a line here.
 */
export interface RowNote {
  file: string;
  /** the row in the file (1-based, as a spreadsheet numbers it) */
  row: number;
  /** the column's name, where one cell is at fault */
  column?: string;
  /** rejected: the row is not used; kept: used, with this remark */
  status: 'rejected' | 'kept';
  /** in English, as the CLI's report gives it */
  reason: string;
  /**
   * What `reason` says, as facts, for the common notes of a demand file: the web words them in the
   * page's language (web/i18n/fr/sentences.ts). Only when the report asks (`ImportReport.details`).
   */
  detail?: RowDetail;
}

/**
 * The common row notes of a demand file, as facts. Texts the user wrote are quoted as in `reason`
 * (`"abc"`); rows are numbered as in the file; a day is ISO (2024-03-05).
 */
export type RowDetail =
  /** a cell that must be filled is empty: the SKU, the location, or the quantity (write 0 for no sales) */
  | { kind: 'emptyCell'; expected: 'sku' | 'location' | 'quantity' }
  /** a quantity that is not a number; `decimalComma`: it reads as one with a decimal comma; `dayLeftOut`: a wide file's cell, the day left out of its SKU */
  | { kind: 'notANumber'; got: string; decimalComma: boolean; dayLeftOut: boolean }
  /** a comma-separated row with more fields than the header (a decimal comma split a number) */
  | { kind: 'tooManyFields'; fields: number; header: number }
  /** an exact repeat of an earlier row */
  | { kind: 'repeatRow'; of: number }
  /** a second row for a day in a daily file (long: for this SKU and location, both quoted; wide: for the day) */
  | { kind: 'secondRow'; day: string; sku: string | null; location: string | null; first: number }
  /** a wide file's empty cell, or negative quantity (as written): the day left out of that SKU's history */
  | { kind: 'emptyWideCell' }
  | { kind: 'negativeWideCell'; text: string }
  /** a stock cell that is not an out-of-stock flag (`flag`) or a stock level: the day is taken as in stock */
  | { kind: 'badStock'; flag: boolean; got: string }
  /** a price that is not a number > 0: the units count, the price does not */
  | { kind: 'badPrice'; got: string }
  /** a date that cannot be read (src/import/dates.ts readDay): `got` quoted as in `reason`, null for an empty or invalid cell */
  | { kind: 'badDate'; problem: DateProblem; got: string | null; order: 'dmy' | 'mdy' | null }
  /** a master's or a locations file's second row for a SKU or location (`name` quoted): the first is used */
  | { kind: 'secondEntry'; what: 'sku' | 'location'; name: string }
  /** a SKU master's value that does not read (`field` as the master's column role, `got` quoted): not used */
  | { kind: 'badMasterValue'; field: string; got: string }
  /** a SKU master's policy that cannot be used (`policy` quoted as written): the textbook rule instead */
  | { kind: 'badPolicy'; policy: string; problem: PolicyProblem }
  /** a locations file's kind that is neither store nor warehouse (`got` quoted) */
  | { kind: 'badLocationKind'; got: string }
  /** a locations file's lead time that is not a number of days >= 0 (`got` quoted): not used */
  | { kind: 'badLocationLeadTime'; got: string }
  /** a warehouse supplied by another (one level of warehouses is imported), or a store supplied by a location that is not a warehouse (both quoted) */
  | { kind: 'warehouseSupplied'; location: string; by: string }
  | { kind: 'notAWarehouse'; by: string };

/** why a date does not read: an invalid date cell, outside 1900-2199, empty, a number that is no date, a day that does not exist (read in `order` when slashed), a two-digit year, not a date */
export type DateProblem = 'invalidCell' | 'outOfRange' | 'empty' | 'number' | 'notExisting' | 'twoDigitYear' | 'notADate';

/** why a master's policy cannot be used: a parameter column missing, orderUpTo not above reorderPoint, a parameter that must be > 0, a name not known */
export type PolicyProblem =
  | { kind: 'needs'; field: string }
  | { kind: 'orderUpToBelow'; reorderPoint: number; orderUpTo: number }
  | { kind: 'notPositive'; field: 'orderQuantity' | 'reviewPeriod' }
  | { kind: 'unknown' };

/**
 * What a summary line of the report says, as facts (the web words them in the page's language).
 * Files are named as in the line; lists of names are the first few shown, with `count` all of them.
 */
export type LineDetail =
  | { kind: 'emptyRows'; file: string; rows: number }
  | { kind: 'longLayout'; file: string; rows: number; columns: { role: string; name: string; column: number }[] }
  | { kind: 'wideLayout'; file: string; series: number; rows: number }
  | { kind: 'decimalComma'; file: string }
  | { kind: 'series'; file: string; series: number; days: number; from: string; to: string; transactions: boolean }
  | { kind: 'unknownDays'; file: string; days: number }
  | { kind: 'negativeRows'; file: string; rows: number; units: number; how: 'ignore' | 'net' | 'returns' }
  | { kind: 'repeatedRows'; file: string; rows: number }
  | { kind: 'columnWithoutNumbers'; file: string; column: string }
  | { kind: 'columnWithoutName'; file: string; column: number }
  | { kind: 'missingDays'; file: string; days: number }
  | { kind: 'closedDays'; weekdays: number[]; holidays: string[]; sellingShare: number | null }
  | { kind: 'demandClasses'; classes: { name: string; count: number }[] }
  | { kind: 'demandModels'; models: { model: string; count: number }[]; replayed: number }
  | { kind: 'neverSold'; series: number }
  | { kind: 'leadTimeAssumed'; stockPoints: number; days: number }
  | { kind: 'costFromPrice'; skus: number; percent: number }
  | { kind: 'returnsAssumed'; skus: number; days: number }
  | { kind: 'noCost'; skus: number }
  | { kind: 'textbookPolicy'; stockPoints: number; percent: number }
  | { kind: 'masterColumns'; file: string; rows: number; found: string[] }
  | { kind: 'masterUnknown'; file: string; count: number; shown: string[] }
  | { kind: 'locations'; file: string; locations: number; warehouses: number; supplied: number }
  | { kind: 'locationsMissing'; file: string; count: number; shown: string[]; warehouse: string | null }
  | { kind: 'nothingUsable' };

export interface ImportReport {
  /** summary lines, in the order the steps ran */
  lines: string[];
  /** what each line says, as facts, at the line's index (null: none); only when `details` is asked */
  lineDetails?: (LineDetail | null)[];
  notes: RowNote[];
  /** counts by kind, for tests and the wizard */
  counts: Record<string, number>;
  /** give notes their `detail` (the web's wizard asks; the CLI's report does without) */
  details?: boolean;
}

export function emptyReport(): ImportReport {
  return { lines: [], notes: [], counts: {} };
}

/** Adds a summary line, with its facts when the report asks for them. */
export function addLine(report: ImportReport, line: string, detail: LineDetail): void {
  report.lines.push(line);
  if (!report.details) return;
  const details = (report.lineDetails ??= []);
  while (details.length < report.lines.length - 1) details.push(null);
  details.push(detail);
}

export function count(report: ImportReport, kind: string, by = 1): void {
  report.counts[kind] = (report.counts[kind] ?? 0) + by;
}

/** The notes as CSV (file, row, column, status, reason), for the downloadable report. */
export function reportCsv(report: ImportReport, dialect: CsvDialect = ENGLISH_CSV): string {
  return csvFile(['file', 'row', 'column', 'status', 'reason'], report.notes.map((note) => [note.file, note.row, note.column ?? '', note.status, note.reason]), dialect);
}

/** The report as text: the summary, then the first `most` notes and how many more there are. */
export function reportText(report: ImportReport, most = 50): string {
  const lines = [...report.lines];
  const rejected = report.notes.filter((note) => note.status === 'rejected').length;
  if (report.notes.length > 0) {
    lines.push('', `${rejected} row${rejected === 1 ? '' : 's'} rejected, ${report.notes.length - rejected} kept with a remark:`);
    for (const note of report.notes.slice(0, most)) lines.push(`  ${note.file}: row ${note.row}${note.column ? `, column ${note.column}` : ''}: ${note.status}: ${note.reason}`);
    if (report.notes.length > most) lines.push(`  … and ${report.notes.length - most} more (--report FILE writes them all as CSV)`);
  }
  return lines.join('\n') + '\n';
}
