import type { Role } from '../../src/import/columnRoles.ts';
import type { FilePreview } from '../../src/import/preview.ts';

/**
 * The mapping step's logic, apart from the page: the role of each column as the preview detected it,
 * a role moved to another column (a role belongs to one column at most), and the mapping the import
 * receives. The mapping names every role, a column's name or '' for none, so what the import reads is
 * exactly what the selects show, never a detection the user undid.
 */
export type ColumnRoles = (Role | null)[];

/** The role of each column of the preview (null: not used). */
export function columnRolesOf(preview: Pick<FilePreview, 'header' | 'roles'>): ColumnRoles {
  const columns: ColumnRoles = preview.header.map(() => null);
  for (const [role, index] of Object.entries(preview.roles) as [Role, number][]) columns[index] = role;
  return columns;
}

/** `role` given to column `index` (null: none), taken from any other column that had it. */
export function assignRole(columns: ColumnRoles, index: number, role: Role | null): ColumnRoles {
  return columns.map((current, i) => (i === index ? role : role !== null && current === role ? null : current));
}

/** The mapping for the import: every role in `roles`, a column's name or '' for none. */
export function mappingOf(header: readonly string[], columns: ColumnRoles, roles: readonly Role[]): Partial<Record<Role, string>> {
  const mapping: Partial<Record<Role, string>> = {};
  for (const role of roles) {
    const index = columns.indexOf(role);
    mapping[role] = index >= 0 ? header[index] : '';
  }
  return mapping;
}

/**
 * The two readings of a slashed date (`05/03/2024`, `05.03.2024`, with or without a time) for the
 * dates question: day first and month first, as dates; null when the text is not such a date or one
 * reading does not exist.
 */
export function dateReadings(text: string): { dmy: Date; mdy: Date } | null {
  const match = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b/.exec(text);
  if (!match) return null;
  const [a, b, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const make = (day: number, month: number) => {
    const date = new Date(Date.UTC(year, month - 1, day));
    return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : null;
  };
  const dmy = make(a, b);
  const mdy = make(b, a);
  return dmy && mdy ? { dmy, mdy } : null;
}

/** The first cell of `column` in the preview's rows that `accept` takes, for a question's example. */
export function exampleCell(preview: Pick<FilePreview, 'rows'>, column: number | undefined, accept: (text: string) => boolean): string | null {
  if (column === undefined) return null;
  for (const row of preview.rows) {
    const text = row.cells[column] ?? '';
    if (accept(text)) return text.trim();
  }
  return null;
}
