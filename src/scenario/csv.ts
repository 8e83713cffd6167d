/**
 * Reads one numeric column of a small CSV file (a daily demand history). The file is data: it is
 * split into fields, never evaluated. Quoted fields with commas and doubled quotes are understood;
 * the first row is a header when any of its fields is not a number.
 *
 * Values are decimal numbers only, as a planner's spreadsheet writes them: an optional sign, digits
 * with an optional fraction (`12`, `12.5`, `.5`), and an optional exponent (`1.2e3`). Anything else
 * (`0x10`, `0b1`, `Infinity`, `1_000`, `12 units`) is refused rather than read the way JavaScript's
 * Number() would read it, and so are negative values (a demand) and values beyond
 * `CSV_MAX_VALUE` (a typo such as `1e300` would otherwise overflow every total it enters).
 */

/** The largest value a CSV history may hold: a million million units a day. */
export const CSV_MAX_VALUE = 1e12;

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** A decimal number as a CSV field writes it (surrounding spaces allowed), or null. */
export function readDecimal(field: string): number | null {
  const text = field.trim();
  return DECIMAL.test(text) ? Number(text) : null;
}

/** The values of `column` (by header name; the last column when none is named), or the first problem, with its row and column. */
export function readCsvColumn(text: string, column: string | undefined): { values: number[] } | { error: string } {
  const rows = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map(splitCsvLine);
  if (rows.length === 0) return { error: 'the file is empty' };
  // loose on purpose: a first row of `0x10` is data to refuse, not a header to skip
  const hasHeader = rows[0].some((field) => field.trim() === '' || !Number.isFinite(Number(field)));
  const header = hasHeader ? rows[0] : undefined;
  let index: number;
  if (column === undefined) index = rows[0].length - 1;
  else if (header) {
    index = header.findIndex((name) => name.trim() === column);
    if (index < 0) return { error: `no column "${column}" (columns: ${header.map((h) => h.trim()).join(', ')})` };
  } else {
    return { error: `a column "${column}" was asked for but the file has no header row` };
  }
  const columnName = header ? `column ${JSON.stringify(header[index].trim())}` : `column ${index + 1}`;
  const values: number[] = [];
  for (let r = hasHeader ? 1 : 0; r < rows.length; r++) {
    const field = rows[r][index];
    const where = `row ${r + 1}, ${columnName}`;
    const value = field === undefined ? null : readDecimal(field);
    if (value === null) return { error: `${where}: expected a decimal number, got ${JSON.stringify(field ?? '')}${field === undefined ? ' (the row is shorter than the header)' : ''}` };
    if (value < 0) return { error: `${where}: expected a number >= 0 (a demand cannot be negative), got ${JSON.stringify(field)}` };
    if (value > CSV_MAX_VALUE) return { error: `${where}: expected a number <= 1e12 (a million million), got ${JSON.stringify(field)}` };
    values.push(value);
  }
  if (values.length === 0) return { error: 'the file has a header but no data rows' };
  return { values };
}

function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',' || char === ';' || char === '\t') {
      fields.push(field);
      field = '';
    } else field += char;
  }
  fields.push(field);
  return fields;
}
