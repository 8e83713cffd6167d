/**
 * How Stocklab writes CSV, in one place for every file it writes (the CLI's --csv output, the web
 * app's downloads, the import's reports): RFC 4180 records, text protected against spreadsheet
 * formulas, numbers with every digit JavaScript gives, and a dialect. English spreadsheets read ","
 * between fields and "12.5"; French Excel splits a file on ";" and reads "12,5" as a number (given
 * ",", it puts each line in one cell). Only numbers take the decimal mark: identifiers, names and
 * true/false are written as they are, and headers keep their machine names (fillRate, seed).
 */
export interface CsvDialect {
  separator: ',' | ';';
  decimal: '.' | ',';
}

/** The CLI's dialect, and the English app's. */
export const ENGLISH_CSV: CsvDialect = { separator: ',', decimal: '.' };
/** The French app's. */
export const FRENCH_CSV: CsvDialect = { separator: ';', decimal: ',' };

/** a cell of a CSV row: text, a number, true/false, or empty (null, undefined) */
export type CsvCell = string | number | boolean | null | undefined;

/** A field as RFC 4180 writes it: in quotes (quotes doubled) when it holds the separator, a quote or a line break; else as it is. */
export function csvQuote(field: string, dialect: CsvDialect = ENGLISH_CSV): string {
  return field.includes(dialect.separator) || /["\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

/**
 * A text field: one starting with = + - @ or a tab gets an apostrophe first, so a spreadsheet shows
 * it rather than running it as a formula (names come from scenario files people share); then quoted
 * as csvQuote says.
 */
export function csvText(value: string, dialect: CsvDialect = ENGLISH_CSV): string {
  return csvQuote(/^[=+\-@\t\r]/.test(value) ? `'${value}` : value, dialect);
}

/** A number field: every digit JavaScript gives, with the dialect's decimal mark; empty for null, NaN or ±Infinity. */
export function csvNumber(value: number | null | undefined, dialect: CsvDialect = ENGLISH_CSV): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  const text = String(value);
  return dialect.decimal === '.' ? text : text.replace('.', dialect.decimal);
}

/** One record: numbers through csvNumber, text through csvText, true/false as words, null and undefined empty. */
export function csvRow(cells: readonly CsvCell[], dialect: CsvDialect = ENGLISH_CSV): string {
  return cells
    .map((cell) => (typeof cell === 'number' ? csvNumber(cell, dialect) : typeof cell === 'boolean' ? String(cell) : cell === null || cell === undefined ? '' : csvText(cell, dialect)))
    .join(dialect.separator);
}

/** A header and rows as a file: one record per line, "\n" after each (the CLI's files; the results CSV uses CRLF itself). */
export function csvFile(head: readonly string[], rows: readonly (readonly CsvCell[])[], dialect: CsvDialect = ENGLISH_CSV): string {
  return [head.map((name) => csvText(name, dialect)).join(dialect.separator), ...rows.map((row) => csvRow(row, dialect))].join('\n') + '\n';
}
