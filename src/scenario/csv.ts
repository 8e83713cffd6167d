/**
 * Reads one numeric column of a small CSV file (a daily demand history). The file is data: it is
 * split into fields, never evaluated. Quoted fields with commas and doubled quotes are understood;
 * the first row is a header when any of its fields is not a number.
 */
export function readCsvColumn(text: string, column: string | undefined): { values: number[] } | { error: string } {
  const rows = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map(splitCsvLine);
  if (rows.length === 0) return { error: 'the file is empty' };
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
  const values: number[] = [];
  for (let r = hasHeader ? 1 : 0; r < rows.length; r++) {
    const field = rows[r][index];
    const value = field === undefined ? NaN : Number(field.trim());
    if (field === undefined || field.trim() === '' || !Number.isFinite(value) || value < 0) {
      return { error: `row ${r + 1}: expected a number >= 0 in column ${column ?? index + 1}, got ${JSON.stringify(field ?? '')}` };
    }
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
