import { csvText } from '../experiment/analysisExports.ts';

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
  reason: string;
}

export interface ImportReport {
  /** summary lines, in the order the steps ran */
  lines: string[];
  notes: RowNote[];
  /** counts by kind, for tests and the wizard */
  counts: Record<string, number>;
}

export function emptyReport(): ImportReport {
  return { lines: [], notes: [], counts: {} };
}

export function count(report: ImportReport, kind: string, by = 1): void {
  report.counts[kind] = (report.counts[kind] ?? 0) + by;
}

/** The notes as CSV (file, row, column, status, reason), for the downloadable report. */
export function reportCsv(report: ImportReport): string {
  const lines = ['file,row,column,status,reason', ...report.notes.map((note) => [csvText(note.file), String(note.row), csvText(note.column ?? ''), note.status, csvText(note.reason)].join(','))];
  return lines.join('\n') + '\n';
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
