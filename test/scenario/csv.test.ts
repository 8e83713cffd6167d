import { describe, expect, it } from 'vitest';
import { CSV_MAX_ROWS, CSV_MAX_VALUE, readCsvColumn, readDecimal } from '../../src/scenario/csv.ts';

describe('readDecimal', () => {
  it('reads decimal numbers as a spreadsheet writes them', () => {
    expect(['12', ' 12 ', '+3', '-3', '12.5', '12.', '.5', '0.25', '1e3', '1.5E-2', '007'].map(readDecimal)).toEqual([12, 12, 3, -3, 12.5, 12, 0.5, 0.25, 1000, 0.015, 7]);
  });

  it('refuses what Number() would read but a person did not mean as a decimal number', () => {
    for (const text of ['0x10', '0X1f', '0b11', '0o17', 'Infinity', '-Infinity', 'NaN', '', ' ', '1_000', '1,5', '12 units', '1e', 'e5', '.', '-', '+-1', '١٢']) {
      expect([text, readDecimal(text)]).toEqual([text, null]);
    }
  });
});

describe('readCsvColumn', () => {
  it('reads a named column of a file with a header, quoted fields understood', () => {
    expect(readCsvColumn('day,"qty, units"\n1,4\n2,"5.5"\n3,1e2\n', 'qty, units')).toEqual({ values: [4, 5.5, 100] });
  });

  it('refuses a hexadecimal value, naming the row and the column', () => {
    const text = ['day,qty', ...Array.from({ length: 12 }, (_, i) => `${i + 1},4`), '13,0x10', '14,5'].join('\n');
    expect(readCsvColumn(text, 'qty')).toEqual({ error: 'row 14, column "qty": expected a decimal number, got "0x10"' });
  });

  it('refuses Infinity and values beyond 1e12, keeps 1e12 itself', () => {
    expect(readCsvColumn('qty\n1\nInfinity\n', 'qty')).toEqual({ error: 'row 3, column "qty": expected a decimal number, got "Infinity"' });
    expect(readCsvColumn('qty\n1e300\n', 'qty')).toEqual({ error: 'row 2, column "qty": expected a number <= 1e12 (a million million), got "1e300"' });
    expect(readCsvColumn('qty\n1.0000001e12\n', 'qty')).toMatchObject({ error: expect.stringMatching(/^row 2, column "qty": expected a number <= 1e12/) });
    expect(readCsvColumn('qty\n1e12\n', 'qty')).toEqual({ values: [CSV_MAX_VALUE] });
  });

  it('refuses a negative demand', () => {
    expect(readCsvColumn('qty\n3\n-2\n', 'qty')).toEqual({ error: 'row 3, column "qty": expected a number >= 0 (a demand cannot be negative), got "-2"' });
  });

  it('reads the last column of a file without a header, and names columns by number there', () => {
    expect(readCsvColumn('1;4\n2;5\n', undefined)).toEqual({ values: [4, 5] });
    expect(readCsvColumn('1,4\n2,0x5\n', undefined)).toEqual({ error: 'row 2, column 2: expected a decimal number, got "0x5"' });
  });

  it('treats a hexadecimal first row as data to refuse, not as a header to skip', () => {
    expect(readCsvColumn('0x10\n5\n', undefined)).toEqual({
      error: 'row 1, column 1: expected a decimal number, got "0x10" (the first row is read as data, not as a header, because "0x10" is not a column name: a name does not start with a digit, a sign or a point)',
    });
  });

  it('says when a row is shorter than the header', () => {
    expect(readCsvColumn('day,qty\n1,4\n2\n', 'qty')).toEqual({ error: 'row 3 has 1 field where the header (row 1) has 2 (fields separated by commas, as in row 1): every row needs one field per column' });
  });
});

describe('readCsvColumn on hostile and ambiguous files', () => {
  const message = (text: string, column?: string) => {
    const result = readCsvColumn(text, column);
    return 'error' in result ? result.error : result.values;
  };

  it('quotes header names with control characters escaped, and cuts the list of columns (1)', () => {
    const hostile = message('a\x1b]0;pwned\x07\x1b[2J,b\n1,2\n', 'qty');
    expect(hostile).toBe('no column "qty" (columns: "a\\u001b]0;pwned\\u0007\\u001b[2J", "b")');
    expect(hostile).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    // C1 controls (U+009B is a terminal's CSI) and bidirectional overrides, which JSON leaves raw
    expect(message('\u009b2J\u202eevil,b\n1,2\n', 'qty')).toBe('no column "qty" (columns: "\\u009b2J\\u202eevil", "b")');
    const wide = Array.from({ length: 25 }, (_, i) => `name${i}${'x'.repeat(100)}`).join(',');
    const many = message(`${wide}\n${Array(25).fill(1).join(',')}\n`, 'qty');
    expect(many).toMatch(/^no column "qty" \(columns: "name0x+…", .* and 15 more\)$/);
    expect(String(many).length).toBeLessThan(600);
    expect(message('Date,Demand\n1,2\n', 'demand')).toBe('no column "demand" (columns: "Date", "Demand"); column names are case-sensitive: did you mean "Demand"?');
    expect(message('qty,day,qty\n1,2,3\n', 'qty')).toBe('column "qty" appears 2 times in the header (columns 1, 3); rename all but one, so that the history is read from the column meant');
  });

  it('quotes a value from the file with control characters escaped and cut short', () => {
    expect(message(`qty\n\x1b[2J${'9'.repeat(200)}\n`)).toBe(`row 2, column "qty": expected a decimal number, got "\\u001b[2J${'9'.repeat(55)}…"`);
  });

  it('reads a first row as a header only when it holds names, never dropping a row of data (2)', () => {
    expect(message('date,demand\n2024-01-01,4\n')).toEqual([4]);
    expect(message(',demand\n0,4\n1,5\n')).toEqual([4, 5]); // a spreadsheet's unnamed index column
    expect(message('"qty, units"\n4\n')).toEqual([4]);
    expect(message('2024-01-01,4\n2024-01-02,5\n')).toEqual([4, 5]);
    expect(message('store-3,4\nstore-3,5\n')).toEqual([4, 5]);
    const why = (got: string) => `(the first row is read as data, not as a header, because ${got} is not a column name: a name does not start with a digit, a sign or a point)`;
    expect(message('1_000\n5\n')).toBe(`row 1, column 1: expected a decimal number, got "1_000" ${why('"1_000"')}`);
    expect(message('Infinity\n5\n')).toBe(`row 1, column 1: expected a decimal number, got "Infinity" ${why('"Infinity"')}`);
    expect(message('12 units\n5\n')).toBe(`row 1, column 1: expected a decimal number, got "12 units" ${why('"12 units"')}`);
    expect(message('n/a\n5\n')).toBe(`row 1, column 1: expected a decimal number, got "n/a" ${why('"n/a"')}`);
    expect(message('#N/A\n5\n')).toBe(`row 1, column 1: expected a decimal number, got "#N/A" ${why('"#N/A"')}`);
    expect(message('2024-01-01,12 units\n')).toBe(`row 1, column 2: expected a decimal number, got "12 units" ${why('"2024-01-01"')}`);
    expect(message(',\n1,2\n')).toBe('row 1, column 2: expected a decimal number, got an empty field (write 0 for a day without demand)');
    expect(message('2024-01-01,4\n', 'qty')).toBe(
      'a column "qty" was asked for, but the file has no header row: "2024-01-01" in row 1 is a value, not a column name (a name does not start with a digit, a sign or a point); add a header row naming the columns, or leave out "column" to read the last column',
    );
    expect(message('date,demand\n')).toBe('the file has a header (row 1) but no rows of data');
    expect(message('\n  \n')).toBe('the file is empty');
  });

  it('takes one separator from the first row and holds every row to its width (3)', () => {
    expect(message('date;demand\n2024-01-01;12.5\n')).toEqual([12.5]);
    expect(message('date\tdemand\n2024-01-01\t12.5\n')).toEqual([12.5]);
    expect(message('date;"demand, units"\n2024-01-01;3\n', 'demand, units')).toEqual([3]);
    // the one found as often in the second row as in the first; else the most frequent, a tie going to tab, then semicolon, then comma
    expect(message('date;demand, units\n2024-01-01;3\n', 'demand, units')).toEqual([3]);
    expect(message('date,store,demand;units\n2024-01-01,s1,3\n', 'demand;units')).toEqual([3]);
    expect(message('date,demand;units\n2024-01-01,3\n', 'demand;units')).toEqual([3]);
    expect(message('a,b,c;d\n1,2,3;4\n')).toBe('row 2, column "c;d": expected a decimal number, got "3;4"');
    expect(message('date;demand,units\n2024-01-01;3;4\n')).toBe('row 2 has 3 fields where the header (row 1) has 2 (fields separated by semicolons, as in row 1): every row needs one field per column');
    expect(message('date,demand\n2024-01-01,4,9\n')).toBe(
      'row 2 has 3 fields where the header (row 1) has 2 (fields separated by commas, as in row 1): every row needs one field per column; a decimal comma (12,5) splits a number in two in a comma-separated file: write 12.5',
    );
    expect(message('1;4\n2;5;6\n')).toBe('row 2 has 3 fields where the first row (row 1) has 2 (fields separated by semicolons, as in row 1): every row needs one field per column');
  });

  it('never reads a decimal comma as a whole number: it is refused with the fix (3)', () => {
    const comma = (got: string) =>
      `expected a number with a decimal point, got "${got}": a comma in a number may be a decimal comma (12,5) or a thousands separator (1,250), and Stocklab does not guess which; write 12.5 or 1250`;
    expect(message('date;demand\n2024-01-01;12,5\n')).toBe(`row 2, column "demand": ${comma('12,5')}`);
    expect(message('date\tdemand\n2024-01-01\t3,25\n')).toBe(`row 2, column "demand": ${comma('3,25')}`);
    expect(message('date;demand\n2024-01-01;1.250,5\n')).toBe(`row 2, column "demand": ${comma('1.250,5')}`);
    expect(message('date,demand\n2024-01-01,"1,250"\n')).toBe(`row 2, column "demand": ${comma('1,250')}`);
    expect(message('demand\n12,5\n')).toBe(`row 2, column "demand": ${comma('12,5')}`);
    expect(message('demand\n4;5\n')).toBe('row 2, column "demand": expected a decimal number, got "4;5" (the first row has no comma, semicolon or tab, so the file is read as one column)');
  });

  it("names the file's own line numbers, blank lines counted (4)", () => {
    expect(message('\n\ndemand\n5\nx\n')).toBe('row 5, column "demand": expected a decimal number, got "x"');
    expect(message('demand\r\n5\r\nx\r\n')).toBe('row 3, column "demand": expected a decimal number, got "x"');
    expect(message('demand\r5\rx\r')).toBe('row 3, column "demand": expected a decimal number, got "x"');
    expect(message('demand\n5\n6\n\n\n')).toEqual([5, 6]);
    expect(message('\uFEFFdate,demand\n1,5\n', 'date')).toEqual([1]);
  });

  it('refuses a blank line between rows: a missing day, and skipping it would shift every later day (4)', () => {
    const blank = (row: number) => `row ${row} is blank, between rows of data: a daily history needs a value on every row (write 0 for a day without demand), or delete the line`;
    expect(message('demand\n\n\n5\nx\n')).toBe(blank(2));
    expect(message('demand\n5\n  \n7\n')).toBe(blank(3));
  });

  it('refuses an unterminated quote, or text after a closing quote, at its row and column (5)', () => {
    const open = (row: number, column: number, at: number) =>
      `row ${row}, column ${column}: a quoted field is not closed (its quote opens at character ${at}); a quote must close on its own line, and a quote inside a quoted field is written twice ("")`;
    expect(message('day,qty\n1,4\n2,"5\n3,6\n')).toBe(open(3, 2, 3));
    expect(message('"day,qty\n1,4\n')).toBe(open(1, 1, 1));
    expect(message('day,qty\n1,"4"5\n')).toBe('row 2, column 2: expected a comma or the end of the line after the closing quote, got "5"; a quote inside a quoted field is written twice ("")');
    expect(message('day,"qty ""units"""\n1, "4" \n', 'qty "units"')).toEqual([4]);
    expect(message('size 12" box\n4\n')).toEqual([4]); // a quote inside an unquoted field is text
  });

  it('refuses binary files (a workbook, UTF-16 text) as not CSV', () => {
    expect(message('PK\u0003\u0004\u0014\u0000\u0006\u0000')).toBe(
      'the file is not CSV text: it holds NUL characters (the first in row 1), as a workbook (.xlsx, .xls) or a UTF-16 "Unicode text" file does; save the sheet as CSV (UTF-8)',
    );
  });

  it(`refuses more than ${CSV_MAX_ROWS.toLocaleString('en')} rows, in words (6)`, () => {
    const rows = `qty\n${'1\n'.repeat(CSV_MAX_ROWS - 1)}`;
    const read = readCsvColumn(rows, 'qty');
    expect('values' in read && read.values.length).toBe(CSV_MAX_ROWS - 1);
    const tooMany =
      'the file has more than 1,000,000 rows; Stocklab reads daily histories of at most 1,000,000 rows, header and blank lines included (over 2,700 years of days): keep the days the run needs';
    expect(message(`${rows}1\n2\n`, 'qty')).toBe(tooMany);
    expect(message(`qty\n1\n${'\n'.repeat(CSV_MAX_ROWS)}`, 'qty')).toBe(tooMany);
  });

  it('refuses rows too long or too wide to be a daily history, in words', () => {
    expect(message(`a,b\n1,${'9'.repeat(1_000_000)}\n`)).toBe('row 2 is longer than 1,000,000 characters (1,000,002); a row of a daily history holds a few fields, so this is not one');
    expect(message(`a${',a'.repeat(10_000)}\n`)).toBe('row 1 has more than 10,000 fields; Stocklab reads CSV files of at most 10,000 columns');
    expect(message(`a${',a'.repeat(9_999)}\n${'1,'.repeat(9_999)}5\n`)).toEqual([5]);
  });

  it('keeps every message under 300 characters (what a scenario problem shows), whatever the file holds', () => {
    const long = 'x'.repeat(5000);
    const files = [`${long}\n1x\n`, `a,b${long}\n1,${long}\n`, `a;b\n1;"${long}\n`, `a;b\n1;"${long}"${long}\n`, `${long},\n1\n`, `1,${long}\n`, `a\n${long},5\n`, `${long}9\n`];
    for (const text of files) {
      const result = message(text, text.startsWith('a,') ? 'b' : undefined);
      expect([text.slice(0, 12), typeof result === 'string' ? result.length <= 300 || result : 'read']).toEqual([text.slice(0, 12), true]);
    }
  });
});
