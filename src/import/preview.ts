import { detectRoles, ROLES, type Role } from './columnRoles.ts';
import { dateFormatOf, type DateColumn } from './dates.ts';
import { readTable, type ImportFile } from './importFiles.ts';
import { decimalMarkOf, type DecimalMark } from './numbers.ts';
import { cellText, type Table } from './table.ts';

/**
 * What the import wizard shows before importing: the file's columns, its first rows, the role each
 * column was recognised in, the layout this gives, and the questions the file leaves open (how to
 * read its dates, its decimal mark), so the user answers them before the import, never after a
 * silent guess.
 */
export interface FilePreview {
  file: string;
  format: 'csv' | 'xlsx';
  separator?: string;
  sheet?: string;
  /** XLSX: the workbook's sheets */
  sheets?: string[];
  header: string[];
  /** the first rows, as text, each with its row number in the file */
  rows: { row: number; cells: string[] }[];
  rowCount: number;
  /** the column of each recognised role (index into header) */
  roles: Partial<Record<Role, number>>;
  layout: 'long' | 'wide' | 'no date column';
  /** how the date column reads: a format, or 'ambiguous' (ask) or 'mixed' (an error) */
  dates: DateColumn | null;
  /** the decimal mark of the number columns, or 'ambiguous' (ask) */
  decimal: DecimalMark | 'ambiguous';
}

/** The preview of a file, with `mapping` (a role's column name; '' for none) applied over the detected roles. */
export async function previewFile(file: ImportFile, mapping: Partial<Record<Role, string>> = {}, sheet?: string, rows = 20): Promise<FilePreview> {
  return previewTable(await readTable(file, sheet), file.name, mapping, rows);
}

/** The preview of a file already read (the wizard reads a file once, then previews it at each change of mapping). */
export function previewTable(table: Table, name: string, mapping: Partial<Record<Role, string>> = {}, rows = 20): FilePreview {
  const { roles } = detectRoles(table.header, mapping);
  const layout = roles.date === undefined ? 'no date column' : roles.sku !== undefined && roles.units !== undefined ? 'long' : 'wide';
  const taken = new Set(Object.values(roles));
  const numberColumns = layout === 'long' ? [roles.units!, ...(roles.price !== undefined ? [roles.price] : [])] : table.header.flatMap((_, i) => (taken.has(i) ? [] : [i]));
  const decimal = decimalMarkOf(
    (function* () {
      for (const row of table.rows) for (const column of numberColumns) yield row[column];
    })(),
    table.separator,
  );
  return {
    file: name,
    format: table.format,
    separator: table.separator,
    sheet: table.sheet,
    sheets: table.sheets,
    header: table.header,
    rows: table.rows.slice(0, rows).map((cells, i) => ({ row: table.rowNumbers[i], cells: cells.map(cellText) })),
    rowCount: table.rows.length,
    roles: Object.fromEntries(ROLES.filter((role) => roles[role] !== undefined).map((role) => [role, roles[role]!])),
    layout,
    dates: roles.date === undefined ? null : dateFormatOf(table.rows.map((row) => row[roles.date!])),
    decimal,
  };
}
