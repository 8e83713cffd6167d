import { listOf, quoted } from './issues.ts';

/**
 * Reads one numeric column of a CSV file (a daily demand history). The file is data: it is split into
 * fields, never evaluated, and whatever in it is unclear is refused with its row and column, never
 * guessed at or skipped.
 *
 * - **Separator**: one per file, chosen on the first two rows (outside quotes): of tab, semicolon and
 *   comma, the one found as often in the second row as in the first (`date;demand` over `1;12,5`:
 *   semicolon), else the most frequent in the first, a tie going to tab, then semicolon, then comma;
 *   a first row with none of them makes a one-column file. Every row must then have as many fields as
 *   the first.
 * - **Quotes**: a field may be quoted (`"qty, units"`, a quote inside written twice: `""`); the quote
 *   must close on the same line, and only spaces may follow it before the separator. A quote inside an
 *   unquoted field is an ordinary character.
 * - **Header**: the first row is a header when it holds at least one name and every field is a name or
 *   empty. A name does not start with a digit, a sign or a point and is not `Infinity`, `NaN`, `n/a`,
 *   `null` or a spreadsheet error (`#N/A`…); so `date,demand` and `,demand` are headers, while a first
 *   row of `12`, `1_000`, `12 units`, `Infinity` or `2024-01-01,5` is data, read (or refused) like any
 *   other row, never dropped.
 * - **Rows** are the file's lines, numbered as an editor or a spreadsheet numbers them. Blank lines
 *   before the first row and after the last are ignored; a blank line between rows is refused (in a
 *   one-column sheet it is a day with no value, and skipping it would shift every later day).
 * - **Values** are decimal numbers as a planner's spreadsheet writes them: an optional sign, digits
 *   with an optional fraction (`12`, `12.5`, `.5`), and an optional exponent (`1.2e3`). Anything else
 *   (`0x10`, `0b1`, `Infinity`, `1_000`, `12 units`, an empty field) is refused rather than read the
 *   way JavaScript's Number() would read it. A decimal comma (`12,5`) is refused with the advice to
 *   write a decimal point: a comma between digits may as well be a thousands separator (`1,250`), and
 *   Stocklab does not guess which. Negative values (a demand) and values beyond `CSV_MAX_VALUE` (a
 *   typo such as `1e300` would overflow every total it enters) are refused.
 * - **Size**: at most `CSV_MAX_ROWS` rows (lines, blank ones included), `CSV_MAX_COLUMNS` fields and
 *   `CSV_MAX_ROW_CHARS` characters a row, so that no file keeps the reader busy for long (the reader of
 *   the file, e.g. the CLI, also caps its bytes at `CSV_MAX_BYTES`); a file holding NUL characters (a
 *   workbook, a UTF-16 text) is refused as not CSV.
 *
 * Every text from the file that a message quotes is cut short and has its control characters escaped,
 * so a hostile header cannot send commands to the terminal that prints the message.
 */

/** The largest value a CSV history may hold: a million million units a day. */
export const CSV_MAX_VALUE = 1e12;

/** The most rows a CSV history may have: a million days is over 2,700 years of daily demand. */
export const CSV_MAX_ROWS = 1_000_000;

/** The most fields a row may have. */
export const CSV_MAX_COLUMNS = 10_000;

/** The longest row (characters): 10,000 fields of 100 characters. */
export const CSV_MAX_ROW_CHARS = 1_000_000;

/** The largest CSV file read (bytes): ten times a million rows of `2024-01-01,12.5`. */
export const CSV_MAX_BYTES = 100 * 1024 * 1024;

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** A decimal number as a CSV field writes it (surrounding spaces allowed), or null. */
export function readDecimal(field: string): number | null {
  const text = field.trim();
  return DECIMAL.test(text) ? Number(text) : null;
}

type Separator = ',' | ';' | '\t';

const SEPARATOR_NAMES: Record<Separator, string> = { ',': 'commas', ';': 'semicolons', '\t': 'tabs' };

/** Words a spreadsheet writes for a missing or broken value: never a column's name. */
const NOT_A_NAME = /^(infinity|inf|nan|null|none|na|n\/a|#n\/a|#value!|#ref!|#div\/0!|#num!|#name\?|#null!)$/i;

/** A number written with a comma (`12,5`, `1,250`, `1.250,5`): a decimal comma or a thousands separator. */
const COMMA_NUMBER = /^[+-]?[\d.]*\d[\d.]*,[\d.,]*$|^[+-]?,\d+$/;

/** The values of `column` (by header name; the last column when none is named), or the first problem, with its row and column. */
export function readCsvColumn(text: string, column: string | undefined): { values: number[] } | { error: string } {
  if (text.startsWith('\uFEFF')) text = text.slice(1); // the byte order mark of Excel's "CSV UTF-8"
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    const row = lineOf(text, nul);
    return { error: `the file is not CSV text: it holds NUL characters (the first in row ${row}), as a workbook (.xlsx, .xls) or a UTF-16 "Unicode text" file does; save the sheet as CSV (UTF-8)` };
  }

  const lineEnd = /\r\n|\r|\n/g;
  let start = 0;
  let line = 0;
  let separator: Separator | null = null;
  let width = 0;
  let first: { line: number; fields: string[] } | undefined;
  let header: string[] | undefined;
  let index = 0;
  let columnName = '';
  let blankAfter = 0; // the first blank line since the last row, or 0
  const values: number[] = [];

  while (start < text.length) {
    line++;
    const end = lineEnd.exec(text);
    const content = text.slice(start, end ? end.index : text.length);
    start = end ? end.index + end[0].length : text.length;
    if (line > CSV_MAX_ROWS) {
      return { error: `the file has more than ${CSV_MAX_ROWS.toLocaleString('en')} rows; Stocklab reads daily histories of at most ${CSV_MAX_ROWS.toLocaleString('en')} rows, header and blank lines included (over 2,700 years of days): keep the days the run needs` };
    }
    if (content.length > CSV_MAX_ROW_CHARS) {
      return { error: `row ${line} is longer than ${CSV_MAX_ROW_CHARS.toLocaleString('en')} characters (${content.length.toLocaleString('en')}); a row of a daily history holds a few fields, so this is not one` };
    }
    if (content.trim() === '') {
      if (first && blankAfter === 0) blankAfter = line;
      continue;
    }
    if (blankAfter > 0) {
      return { error: `row ${blankAfter} is blank, between rows of data: a daily history needs a value on every row (write 0 for a day without demand), or delete the line` };
    }

    if (!first) {
      separator = separatorOf(content, nextRow(text, start));
      const fields = splitRow(content, separator, line);
      if (typeof fields === 'string') return { error: fields };
      first = { line, fields };
      width = fields.length;
      const notName = fields.find((field) => field.trim() !== '' && !isName(field));
      const hasName = fields.some((field) => field.trim() !== '');
      if (notName === undefined && hasName) header = fields.map((field) => field.trim());
      const chosen = chooseColumn(header, column, width, line, notName);
      if (typeof chosen === 'string') return { error: chosen };
      index = chosen;
      columnName = header ? `column ${shown(header[index], 40)}` : `column ${index + 1}`;
      if (header) continue;
    }

    const fields = splitRow(content, separator, line);
    if (typeof fields === 'string') return { error: fields };
    if (fields.length !== width) return { error: widthMessage(line, fields.length, width, separator, first.line, header !== undefined) };
    const field = fields[index];
    const where = `row ${line}, ${columnName}`;
    const value = readDecimal(field);
    if (value === null) return { error: `${where}: ${notDecimalMessage(field, separator)}${line === first.line ? firstRowHint(first.fields) : ''}` };
    if (value < 0) return { error: `${where}: expected a number >= 0 (a demand cannot be negative), got ${shown(field.trim())}` };
    if (value > CSV_MAX_VALUE) return { error: `${where}: expected a number <= 1e12 (a million million), got ${shown(field.trim())}` };
    values.push(value);
  }

  if (!first) return { error: 'the file is empty' };
  if (values.length === 0) return { error: `the file has a header (row ${first.line}) but no rows of data` };
  return { values };
}

/** The column to read: its index, or why it cannot be found. */
function chooseColumn(header: string[] | undefined, column: string | undefined, width: number, line: number, notName: string | undefined): number | string {
  if (column === undefined) return width - 1;
  if (!header) {
    const why = notName === undefined ? `row ${line} holds no names` : `${shown(notName.trim(), 40)} in row ${line} is a value, not a column name (a name does not start with a digit, a sign or a point)`;
    return `a column ${shown(column)} was asked for, but the file has no header row: ${why}; add a header row naming the columns, or leave out "column" to read the last column`;
  }
  const matches = header.flatMap((name, i) => (name === column ? [i] : []));
  if (matches.length === 1) return matches[0];
  if (matches.length > 1) {
    return `column ${shown(column)} appears ${matches.length} times in the header (columns ${listOf(matches.map((i) => String(i + 1)))}); rename all but one, so that the history is read from the column meant`;
  }
  const caseOnly = header.find((name) => name.toLowerCase() === column.toLowerCase());
  const hint = caseOnly === undefined ? '' : `; column names are case-sensitive: did you mean ${shown(caseOnly, 40)}?`;
  return `no column ${shown(column)} (columns: ${listOf(header, 10, (name) => shown(name, 40))})${hint}`;
}

/** Why a field is not a decimal number, and what to write instead. */
function notDecimalMessage(field: string, separator: Separator | null): string {
  const text = field.trim();
  if (text === '') return 'expected a decimal number, got an empty field (write 0 for a day without demand)';
  if (COMMA_NUMBER.test(text)) {
    return `expected a number with a decimal point, got ${shown(text)}: a comma in a number may be a decimal comma (12,5) or a thousands separator (1,250), and Stocklab does not guess which; write 12.5 or 1250`;
  }
  if (separator === null && /[,;\t]/.test(text)) {
    return `expected a decimal number, got ${shown(text)} (the first row has no comma, semicolon or tab, so the file is read as one column)`;
  }
  return `expected a decimal number, got ${shown(text)}`;
}

/** Why the first row was read as data, for a refusal in that row. */
function firstRowHint(fields: string[]): string {
  const notName = fields.find((field) => field.trim() !== '' && !isName(field));
  if (notName === undefined) return '';
  return ` (the first row is read as data, not as a header, because ${shown(notName.trim(), 30)} is not a column name: a name does not start with a digit, a sign or a point)`;
}

function widthMessage(line: number, got: number, width: number, separator: Separator | null, firstLine: number, hasHeader: boolean): string {
  const reference = hasHeader ? `the header (row ${firstLine})` : `the first row (row ${firstLine})`;
  const by = separator === null ? '' : ` (fields separated by ${SEPARATOR_NAMES[separator]}, as in row ${firstLine})`;
  const hint = separator === ',' && got > width ? '; a decimal comma (12,5) splits a number in two in a comma-separated file: write 12.5' : '';
  return `row ${line} has ${got} field${got === 1 ? '' : 's'} where ${reference} has ${width}${by}: every row needs one field per column${hint}`;
}

/** A column name (not a value): not empty, not starting like a number, not a word for a missing value. */
function isName(field: string): boolean {
  const text = field.trim();
  return text !== '' && !/^[\d+\-.]/.test(text) && !NOT_A_NAME.test(text);
}

/**
 * The separator of a file, from its first two rows: of tab, semicolon and comma (outside quotes), those
 * found in the first row as often as in the second, or all found in the first when none is; of them,
 * the most frequent in the first row, a tie going to tab, then semicolon, then comma. Null (one
 * column) when the first row has none.
 */
function separatorOf(first: string, second: string | undefined): Separator | null {
  const inFirst = separatorCounts(first);
  const inSecond = second === undefined ? undefined : separatorCounts(second);
  const found = SEPARATORS.filter((candidate) => inFirst[candidate] > 0);
  const agreeing = found.filter((candidate) => inSecond !== undefined && inSecond[candidate] === inFirst[candidate]);
  let best: Separator | null = null;
  for (const candidate of agreeing.length > 0 ? agreeing : found) {
    if (best === null || inFirst[candidate] > inFirst[best]) best = candidate;
  }
  return best;
}

const SEPARATORS: readonly Separator[] = ['\t', ';', ','];

function separatorCounts(line: string): Record<Separator, number> {
  const counts: Record<Separator, number> = { '\t': 0, ';': 0, ',': 0 };
  let inQuotes = false;
  for (const char of line) {
    if (char === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (char === '\t' || char === ';' || char === ',')) counts[char]++;
  }
  return counts;
}

/** The line starting at `offset`, if the text goes on. */
function nextRow(text: string, offset: number): string | undefined {
  if (offset >= text.length) return undefined;
  const end = /\r\n|\r|\n/g;
  end.lastIndex = offset;
  const found = end.exec(text);
  const stop = found ? found.index : text.length;
  return stop - offset > CSV_MAX_ROW_CHARS ? undefined : text.slice(offset, stop); // a row that long is refused on its turn
}

/** The fields of one line, or a message naming the row and column of a broken quote. */
function splitRow(line: string, separator: Separator | null, row: number): string[] | string {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    let j = i;
    while (line[j] === ' ') j++;
    if (line[j] === '"') {
      const opened = j;
      let field = '';
      j++;
      for (;;) {
        const close = line.indexOf('"', j);
        if (close < 0) {
          return `row ${row}, column ${fields.length + 1}: a quoted field is not closed (its quote opens at character ${opened + 1}); a quote must close on its own line, and a quote inside a quoted field is written twice ("")`;
        }
        field += line.slice(j, close);
        if (line[close + 1] === '"') {
          field += '"';
          j = close + 2;
        } else {
          j = close + 1;
          break;
        }
      }
      while (line[j] === ' ') j++;
      if (j < line.length && line[j] !== separator) {
        return `row ${row}, column ${fields.length + 1}: expected ${separator === null ? 'the end of the line' : `a ${SEPARATOR_NAMES[separator].slice(0, -1)} or the end of the line`} after the closing quote, got ${shown(line.slice(j, j + 20))}; a quote inside a quoted field is written twice ("")`;
      }
      fields.push(field);
    } else {
      const next = separator === null ? -1 : line.indexOf(separator, i);
      j = next < 0 ? line.length : next;
      fields.push(line.slice(i, j));
    }
    if (j >= line.length) return fields;
    if (fields.length >= CSV_MAX_COLUMNS) return `row ${row} has more than ${CSV_MAX_COLUMNS.toLocaleString('en')} fields; Stocklab reads CSV files of at most ${CSV_MAX_COLUMNS.toLocaleString('en')} columns`;
    i = j + 1; // past the separator
  }
}

/** The 1-based line of the character at `offset`. */
function lineOf(text: string, offset: number): number {
  const before = text.slice(0, offset);
  return (before.match(/\r\n|\r|\n/g)?.length ?? 0) + 1;
}

/**
 * A text from the file, quoted for a message: cut to `max` characters, control characters escaped (as
 * `quoted` in issues.ts does), and also the C1 controls (U+007F–U+009F, which JSON leaves raw and some
 * terminals obey) and the bidirectional overrides (which reorder what a terminal shows).
 */
export function shown(text: string, max = 60): string {
  return quoted(text, max).replace(/[\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
