import { describe, expect, it } from 'vitest';
import { CsvFiles, CSV_MAX_VALUE, historyOf, type HistoryRequest } from '../../src/scenario/csvHistory.ts';
import { MAX_ROWS } from '../../src/import/table.ts';
import { parseScenario } from '../../src/scenario/parse.ts';
import { csvHistoryScenario } from '../fixtures/csvScenario.ts';
import type { ScenarioInput } from '../../src/scenario/schema.ts';

/** The values `request` reads from CSV `text`, or the message of the first problem. */
function read(text: string, request: Omit<HistoryRequest, 'csv'> = {}): number[] | string {
  const table = new CsvFiles(() => text).table('h.csv');
  if ('error' in table) return table.error;
  const result = historyOf(table, { csv: 'h.csv', ...request });
  return 'error' in result ? result.error : result.values;
}

describe('a CSV history by column: one row a day', () => {
  it('reads a named column of a file with a header, quoted fields understood', () => {
    expect(read('day,"qty, units"\n1,4\n2,"5.5"\n3,1e2\n', { column: 'qty, units' })).toEqual([4, 5.5, 100]);
  });

  it('reads the last column without "column", and a file without a header row', () => {
    expect(read('date,demand\n2024-01-01,4\n')).toEqual([4]);
    expect(read('1;4\n2;5\n')).toEqual([4, 5]);
    expect(read('2024-01-01,4\n2024-01-02,5\n')).toEqual([4, 5]);
    expect(read(',demand\n0,4\n1,5\n')).toEqual([4, 5]); // a spreadsheet's unnamed index column
    // columns of a file without a header are named by number
    expect(read('1,4\n2,0x5\n')).toBe('row 2, column 2: expected a number, got "0x5"');
  });

  it('reads a decimal comma in a semicolon file as a French or German spreadsheet writes it, and a point elsewhere', () => {
    expect(read('date;demand\n2024-01-01;12,5\n2024-01-02;3\n')).toEqual([12.5, 3]);
    expect(read('date\tdemand\n2024-01-01\t1.250,5\n')).toEqual([1250.5]);
    expect(read('date,demand\n2024-01-01,"1,250"\n2024-01-02,3.5\n')).toEqual([1250, 3.5]);
    expect(read('date;demand\n2024-01-01;12,5\n2024-01-02;3.5\n')).toBe('column "demand" holds numbers with a decimal comma (6,5) and others with a decimal point (6.5); write them one way');
  });

  it('refuses what is not a demand, naming the row and the column', () => {
    const text = ['day,qty', ...Array.from({ length: 12 }, (_, i) => `${i + 1},4`), '13,0x10', '14,5'].join('\n');
    expect(read(text, { column: 'qty' })).toBe('row 14, column "qty": expected a number, got "0x10"');
    expect(read('qty\n1\nInfinity\n')).toBe('row 3, column "qty": expected a number, got "Infinity"');
    expect(read('qty\n1e300\n')).toBe('row 2, column "qty": expected a number <= 1e12 (a million million), got "1e300"');
    expect(read('qty\n1e12\n')).toEqual([CSV_MAX_VALUE]);
    expect(read('qty\n3\n-2\n')).toBe('row 3, column "qty": expected a number >= 0 (a demand cannot be negative), got "-2"');
    expect(read('day,qty\n1,3\n2,\n')).toBe('row 3, column "qty": expected a number, got an empty field (write 0 for a day without demand)');
    for (const text of ['1_000', '12 units', 'NaN', '0b11', '١٢']) expect(read(`qty\n${text}\n`)).toBe(`row 2, column "qty": expected a number, got "${text}"`);
  });

  it('treats a first row holding a value as data to read or refuse, never a header to skip', () => {
    expect(read('0x10\n5\n')).toBe('row 1, column 1: expected a number, got "0x10"');
    expect(read('12 units\n5\n')).toBe('row 1, column 1: expected a number, got "12 units"');
    expect(read('2024-01-01,4\n', { column: 'qty' })).toBe(
      'a column "qty" was asked for, but the file has no header row: "2024-01-01" in its first row is a value, not a column name (a name does not start with a digit, a sign or a point); add a header row naming the columns, or leave out "column" to read the last column',
    );
    expect(read('date,demand\n')).toBe('the file has a header (row 1) but no rows of data');
  });

  it('holds every row to the header’s width', () => {
    expect(read('day,qty\n1,4\n2\n', { column: 'qty' })).toBe('row 3 has 1 field where the header has 2 (fields separated by commas): every row needs one field per column');
    expect(read('date,demand\n2024-01-01,4,9\n')).toBe('row 2 has 3 fields where the header has 2 (fields separated by commas): every row needs one field per column; a decimal comma (12,5) splits a number in two in a comma-separated file: write 12.5');
  });

  it('names the file’s own rows, blank lines counted, and refuses a blank line between rows (a missing day)', () => {
    expect(read('\n\ndemand\n5\nx\n')).toBe('row 5, column "demand": expected a number, got "x"');
    expect(read('demand\r\n5\r\nx\r\n')).toBe('row 3, column "demand": expected a number, got "x"');
    expect(read('demand\n5\n6\n\n\n')).toEqual([5, 6]);
    expect(read('\uFEFFdate,demand\n1,5\n', { column: 'date' })).toEqual([1]);
    expect(read('demand\n5\n  \n7\n')).toBe('row 3 is blank, between rows of data: a daily history needs a value on every row (write 0 for a day without demand), or delete the line');
    // a quoted line break does not shift the rows after it
    expect(read('note,qty\n"two\nlines",4\nx,y\n', { column: 'qty' })).toBe('row 4, column "qty": expected a number, got "y"');
  });

  it('quotes names and values from the file with control characters escaped, and keeps messages short', () => {
    const hostile = read('a\x1b]0;pwned\x07\x1b[2J,b\n1,2\n', { column: 'qty' });
    expect(hostile).toBe('no column "qty" (columns: "a\\u001b]0;pwned\\u0007\\u001b[2J", "b")');
    expect(read('\u009b2J\u202eevil,b\n1,2\n', { column: 'qty' })).toBe('no column "qty" (columns: "\\u009b2J\\u202eevil", "b")');
    const wide = Array.from({ length: 25 }, (_, i) => `name${i}${'x'.repeat(100)}`).join(',');
    const many = read(`${wide}\n${Array(25).fill(1).join(',')}\n`, { column: 'qty' });
    expect(many).toMatch(/^no column "qty" \(columns: "name0x+…", .* and 15 more\)$/);
    expect(String(many).length).toBeLessThan(600);
    expect(read('Date,Demand\n1,2\n', { column: 'demand' })).toBe('no column "demand" (columns: "Date", "Demand"); column names are case-sensitive: did you mean "Demand"?');
    expect(read('qty,day,qty\n1,2,3\n', { column: 'qty' })).toBe('column "qty" appears 2 times in the header (columns 1, 3); rename all but one, so that the history is read from the column meant');
    expect(read(`qty\n\x1b[2J${'9'.repeat(200)}\n`)).toBe(`row 2, column "qty": expected a number, got "\\u001b[2J${'9'.repeat(55)}…"`);
  });

  it('refuses a broken quote, binary files and files too long, in words', () => {
    expect(read('day,qty\n1,4\n2,"5\n3,6\n')).toBe('row 3: a quoted field is not closed (a quote inside a quoted field is written twice: "")');
    expect(read('PK\u0003\u0004\u0014\u0000')).toBe('the file is not CSV text: it holds NUL characters (the first in row 1)');
    expect(read('')).toBe('the file is empty');
    expect(read(`qty\n${'1\n'.repeat(MAX_ROWS + 1)}`)).toBe('the file has more than 1,000,000 rows; split it (by year or by SKU range) and import the parts');
  });
});

describe('a CSV history by SKU: the rows of one SKU of a long file', () => {
  const long = ['date,sku,store,units', '2024-01-01,a,north,3', '2024-01-01,a,north,2', '2024-01-01,b,north,9', '2024-01-03,a,north,4', '2024-01-04,b,south,1', '2024-01-02,a,south,7'].join('\n');

  it('adds a SKU’s rows up per date, every date of the file, 0 where it has none', () => {
    expect(read(long, { sku: 'a', location: 'north' })).toEqual([5, 0, 4, 0]);
    expect(read(long, { sku: 'a', location: 'south' })).toEqual([0, 7, 0, 0]);
    expect(read(long, { sku: 'b', location: 'north' })).toEqual([9, 0, 0, 0]);
  });

  it('asks for the location when the SKU has rows at several, and names what is missing', () => {
    expect(read(long, { sku: 'a' })).toBe('SKU "a" has rows at 2 locations ("north", "south"); say which with "location"');
    expect(read(long, { sku: 'c' })).toBe('no row for SKU "c" in column "sku"');
    expect(read(long, { sku: 'b', location: 'east' })).toBe('no row for SKU "b" at location "east" (its locations: "north", "south")');
    expect(read('date,sku,units\n2024-01-01,a,3\n', { sku: 'a' })).toEqual([3]);
    expect(read('date,units\n2024-01-01,3\n', { sku: 'a' })).toMatch(/^"sku" reads a long file \(date, sku, units\), but no column is named like a SKU/);
  });

  it('reads French column names and decimal commas; refuses ambiguous dates and bad units at their row', () => {
    expect(read('Jour;Article;Quantité\n2024-01-01;a;1,5\n2024-01-02;a;2\n', { sku: 'a' })).toEqual([1.5, 2]);
    expect(read('date,sku,units\n01/02/2024,a,3\n', { sku: 'a' })).toBe('the dates in column "date" could be day first or month first; write them as ISO dates (2024-03-05), or turn the file into a scenario with stocklab import, which asks');
    expect(read('date,sku,units\n2024-01-01,a,3\n2024-01-02,a,-1\n', { sku: 'a' })).toBe('row 3, column "units": expected a number >= 0 (a demand cannot be negative), got "-1"');
    expect(read('date,sku,qté vendue\n2024-01-01,a,3\n', { sku: 'a', column: 'qté vendue' })).toEqual([3]);
  });

  it('parses a file once, however many histories read it', () => {
    let reads = 0;
    const files = new CsvFiles(() => {
      reads++;
      return long;
    });
    for (let i = 0; i < 4; i++) files.table('long.csv');
    expect(reads).toBe(1);
  });

  it('as a scenario: each history from the same file, the file read once', () => {
    let reads = 0;
    const input = csvHistoryScenario('long.csv') as ScenarioInput;
    // a second store, so that each store's demand comes from its own rows of the one file
    input.nodes.push({ id: 'store-2', type: 'store' });
    input.lanes!.push({ from: 'supplier', to: 'store-2', leadTime: { type: 'constant', value: 2 } });
    input.stockPoints.push({ ...input.stockPoints[0], node: 'store-2' });
    const first = input.demand![0] as { series: unknown };
    first.series = { csv: 'long.csv', sku: 'a', location: 'north' };
    input.demand!.push({ ...(input.demand![0] as object), node: 'store-2', series: { csv: 'long.csv', sku: 'a', location: 'south' } } as never);
    const parsed = parseScenario(input, {
      readFile: () => {
        reads++;
        return long;
      },
    });
    expect(parsed.ok && parsed.scenario.demand.map((d) => (d.type === 'history' ? d.series : null))).toEqual([
      [5, 0, 4, 0],
      [0, 7, 0, 0],
    ]);
    expect(reads).toBe(1);
    expect(parseScenario({ ...input, demand: [{ ...(input.demand![0] as object), series: { csv: 'long.csv', location: 'north' } }] }, { readFile: () => long })).toMatchObject({
      ok: false,
      issues: [{ path: 'demand[0].series.location', message: 'expected "sku" with "location" (a location picks rows of a long file, by SKU)' }],
    });
  });
});
