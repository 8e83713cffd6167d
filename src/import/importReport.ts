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
  | { kind: 'badPrice'; got: string };

export interface ImportReport {
  /** summary lines, in the order the steps ran */
  lines: string[];
  notes: RowNote[];
  /** counts by kind, for tests and the wizard */
  counts: Record<string, number>;
  /** give notes their `detail` (the web's wizard asks; the CLI's report does without) */
  details?: boolean;
}

export function emptyReport(): ImportReport {
  return { lines: [], notes: [], counts: {} };
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
