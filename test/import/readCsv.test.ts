import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../src/import/readCsv.ts';
import { ImportError, MAX_BYTES, MAX_COLUMNS, MAX_ROWS } from '../../src/import/table.ts';

/**
 * readCsv turns bytes into a Table: separator chosen on the first two rows, BOM dropped, rows keep the
 * line they start on (header = row 1, as a spreadsheet or an editor numbers them), and anything that
 * is not UTF-8 CSV text is refused with what to do. Every fixture is built here, byte by byte.
 */

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const BOM = [0xef, 0xbb, 0xbf];
const withBom = (text: string): Uint8Array => new Uint8Array([...BOM, ...utf8(text)]);

/** The ImportError a read throws (fails the test when it does not throw one). */
function errorOf(read: () => unknown): ImportError {
  try {
    read();
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('expected an ImportError, the file was read');
}

describe('readCsv: spreadsheet exports', () => {
  it('reads a French Excel "CSV UTF-8" export: BOM dropped, semicolons, decimal commas kept as text, CRLF', () => {
    const table = readCsv('ventes.csv', withBom('Date;Article;Magasin;Quantité vendue;Prix\r\n05/03/2024;A1;Paris;6,5;2,50\r\n06/03/2024;A1;Paris;3;2,50\r\n'));
    expect(table.file).toBe('ventes.csv');
    expect(table.format).toBe('csv');
    expect(table.separator).toBe(';');
    // the BOM must not stick to the first column's name, or "Date" would not be recognised
    expect(table.header).toEqual(['Date', 'Article', 'Magasin', 'Quantité vendue', 'Prix']);
    expect(table.header[0].charCodeAt(0)).toBe('D'.charCodeAt(0));
    // the comma inside 6,5 is not a separator here: the row has five fields
    expect(table.rows).toEqual([
      ['05/03/2024', 'A1', 'Paris', '6,5', '2,50'],
      ['06/03/2024', 'A1', 'Paris', '3', '2,50'],
    ]);
    expect(table.rowNumbers).toEqual([2, 3]);
  });

  it('reads a German export separated by semicolons', () => {
    const table = readCsv('absatz.csv', utf8('Datum;Artikel;Menge\n01.02.2024;4711;12\n02.02.2024;4711;7,5\n'));
    expect(table.separator).toBe(';');
    expect(table.header).toEqual(['Datum', 'Artikel', 'Menge']);
    expect(table.rows).toEqual([
      ['01.02.2024', '4711', '12'],
      ['02.02.2024', '4711', '7,5'],
    ]);
  });

  it('reads an English comma-separated file with quoted fields and doubled quotes', () => {
    const table = readCsv('sales.csv', utf8('date,sku,name,units\n2024-03-01,A,"Mug, large",2\n2024-03-02,B,"The ""best"" mug",3\n'));
    expect(table.separator).toBe(',');
    expect(table.rows).toEqual([
      ['2024-03-01', 'A', 'Mug, large', '2'],
      ['2024-03-02', 'B', 'The "best" mug', '3'],
    ]);
  });

  it('reads a tab-separated file', () => {
    const table = readCsv('sales.tsv', utf8('date\tsku\tunits\n2024-03-01\tA\t1,5\n'));
    expect(table.separator).toBe('\t');
    expect(table.rows).toEqual([['2024-03-01', 'A', '1,5']]);
  });
});

describe('readCsv: choosing the separator on the first two rows', () => {
  it('takes the semicolon over a decimal comma that only appears in the second row (`date;units` over `1;12,5`)', () => {
    const table = readCsv('a.csv', utf8('date;units\n1;12,5\n'));
    expect(table.separator).toBe(';');
    expect(table.rows).toEqual([['1', '12,5']]);
  });

  it('prefers a separator found as often in both rows over one more frequent in the header only', () => {
    // the header holds two commas inside a column name but one semicolon; the data row agrees with the semicolon
    const table = readCsv('a.csv', utf8('Date;Units (pcs, boxes, pallets)\n2024-01-01;5\n'));
    expect(table.separator).toBe(';');
    expect(table.header).toEqual(['Date', 'Units (pcs, boxes, pallets)']);
  });

  it('ignores separators inside quotes when counting', () => {
    // the quoted "1,5" must not make the comma disagree between the rows
    const table = readCsv('a.csv', utf8('date,sku,units\n2024-01-01,A,"1,5"\n'));
    expect(table.separator).toBe(',');
    expect(table.rows).toEqual([['2024-01-01', 'A', '1,5']]);
  });

  it('breaks a tie by tab, then semicolon, then comma', () => {
    expect(readCsv('a.csv', utf8('a;b,c\n1;2,3\n')).separator).toBe(';');
    expect(readCsv('a.csv', utf8('a,b\tc\n1,2\t3\n')).separator).toBe('\t');
  });

  it('reads a first row with no separator as one column, so a later "12,5" stays one field', () => {
    const table = readCsv('units.csv', utf8('units\n12,5\n3\n'));
    expect(table.separator).toBeUndefined();
    expect(table.header).toEqual(['units']);
    expect(table.rows).toEqual([['12,5'], ['3']]);
  });
});

describe('readCsv: rows keep their number in the file', () => {
  it('counts a quoted line break, blank lines and CRLF so later rows keep the right row number', () => {
    // line 1 header; the row on lines 2-3 holds a line break; line 4 is blank; line 5 a row;
    // lines 6-8 one row with CRLF breaks inside quotes; line 9 a row
    const text = 'date,sku,note,units\n2024-03-01,A,"two\nlines",1\n\n2024-03-02,A,x,2\n2024-03-03,B,"a\r\nb\r\nc",3\n2024-03-04,B,y,4\n';
    const table = readCsv('a.csv', utf8(text));
    expect(table.rows.map((row) => row[2])).toEqual(['two\nlines', 'x', 'a\r\nb\r\nc', 'y']);
    expect(table.rowNumbers).toEqual([2, 5, 6, 9]);
  });

  it('numbers rows of a CRLF file with blank lines above the header as the editor does', () => {
    const table = readCsv('a.csv', utf8('\r\n\r\ndate,units\r\n2024-01-01,1\r\n2024-01-02,2\r\n'));
    expect(table.header).toEqual(['date', 'units']);
    expect(table.rowNumbers).toEqual([4, 5]);
  });

  it('keeps a short row as written (the reader of each column says what is missing) and trims the header names', () => {
    // table.ts: "a CSV row as long as it was written: shorter or longer than the header"
    const table = readCsv('a.csv', utf8(' date , sku ,units\n2024-01-01,A\n'));
    expect(table.header).toEqual(['date', 'sku', 'units']);
    expect(table.rows).toEqual([['2024-01-01', 'A']]);
  });

  it('keeps a long row\'s extra fields (the demand reader reports them)', () => {
    const table = readCsv('a.csv', utf8('date,sku,units\n2024-01-01,A,6,5\n'));
    expect(table.rows).toEqual([['2024-01-01', 'A', '6', '5']]);
  });

  it('reads a formula-looking cell as plain text, never evaluated', () => {
    const table = readCsv('a.csv', utf8('date,sku,units\n2024-01-01,=1+1,2\n'));
    expect(table.rows[0][1]).toBe('=1+1');
  });

  it('reads a file with a header only as a table with no rows', () => {
    const table = readCsv('a.csv', utf8('date,sku,units\n'));
    expect(table.header).toEqual(['date', 'sku', 'units']);
    expect(table.rows).toEqual([]);
    expect(table.rowNumbers).toEqual([]);
  });
});

describe('readCsv: files that are not UTF-8 CSV text are refused with what to do', () => {
  it('refuses an empty file', () => {
    const error = errorOf(() => readCsv('empty.csv', new Uint8Array(0)));
    expect(error.message).toBe('empty.csv: the file is empty');
    expect(error.file).toBe('empty.csv');
  });

  it('refuses a file of blank lines', () => {
    expect(errorOf(() => readCsv('blank.csv', utf8('\n \r\n\t\n'))).message).toBe('blank.csv: the file holds no rows (only blank lines)');
  });

  it('refuses UTF-16 text (little- and big-endian, with their byte order marks), naming the format to save as', () => {
    const text = 'date,units\n2024-01-01,1\n';
    const le = new Uint8Array(2 + 2 * text.length);
    const be = new Uint8Array(2 + 2 * text.length);
    le.set([0xff, 0xfe]);
    be.set([0xfe, 0xff]);
    for (let i = 0; i < text.length; i++) {
      le[2 + 2 * i] = text.charCodeAt(i);
      be[3 + 2 * i] = text.charCodeAt(i);
    }
    for (const bytes of [le, be]) {
      const message = errorOf(() => readCsv('unicode.txt', bytes)).message;
      expect(message).toContain('UTF-16');
      expect(message).toContain('CSV UTF-8');
    }
  });

  it('refuses UTF-16 without a byte order mark as not text (its NUL bytes)', () => {
    const text = 'date,units\n2024-01-01,1\n';
    const bytes = new Uint8Array(2 * text.length);
    for (let i = 0; i < text.length; i++) bytes[2 * i] = text.charCodeAt(i);
    // the first NUL follows "d", on the first line
    expect(errorOf(() => readCsv('u.csv', bytes)).message).toBe('u.csv: the file is not CSV text: it holds NUL characters (the first in row 1)');
  });

  it('refuses a Latin-1 export (é as the single byte 0xE9), naming the row that holds it', () => {
    // "Café" in row 3 written as Windows-1252 / Latin-1
    const bytes = new Uint8Array([...utf8('date,sku,units\n2024-01-01,Tea,1\n2024-01-02,Caf'), 0xe9, ...utf8(',2\n')]);
    const message = errorOf(() => readCsv('ansi.csv', bytes)).message;
    expect(message).toContain('ansi.csv: the file is not UTF-8 text: the bytes at row 3 are not UTF-8');
    expect(message).toContain('CSV UTF-8');
    expect(message).toContain('iconv -f WINDOWS-1252 -t UTF-8');
  });

  it('names the row of the first invalid byte even after valid multi-byte characters', () => {
    // "é" and "€" well formed (rows 2 and 3), then a lone 0xE9 in row 4
    const bytes = new Uint8Array([...utf8('date,sku,units\n2024-01-01,Thé,1\n2024-01-02,5€,1\n2024-01-03,Caf'), 0xe9, ...utf8(',2\n2024-01-04,x,1\n')]);
    expect(errorOf(() => readCsv('a.csv', bytes)).message).toContain('the bytes at row 4 are not UTF-8');
  });

  // BUG (readCsv.ts, firstInvalidUtf8): it checks only the lead byte's range and that continuation bytes are
  // 10xxxxxx, not the narrower second-byte ranges UTF-8 sets (E0 needs A0-BF, ED 80-9F, F0 90-BF, F4 80-8F).
  // TextDecoder refuses an encoded surrogate (CESU-8, as some Java and Oracle exports write emoji) or an
  // overlong form, but firstInvalidUtf8 finds nothing wrong, returns bytes.length, and the message names the
  // line after the last one instead of the row that holds the bad bytes.
  it('names the right row for an encoded surrogate (CESU-8) or an overlong sequence', () => {
    const surrogate = new Uint8Array([...utf8('date,sku,units\n2024-03-01,A,1\n2024-03-02,'), 0xed, 0xa0, 0xbd, 0xed, 0xb8, 0x80, ...utf8(',2\n2024-03-03,B,3\n2024-03-04,B,3\n')]);
    expect(errorOf(() => readCsv('cesu.csv', surrogate)).message).toContain('the bytes at row 3 are not UTF-8');
    const overlong = new Uint8Array([...utf8('date,sku,units\n2024-03-01,A,1\n2024-03-02,'), 0xe0, 0x80, 0xaf, ...utf8(',2\n2024-03-03,B,3\n')]);
    expect(errorOf(() => readCsv('overlong.csv', overlong)).message).toContain('the bytes at row 3 are not UTF-8');
  });

  it('refuses a workbook renamed .csv, saying to name it .xlsx', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Sheet1').addRow(['date', 'units']);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const message = errorOf(() => readCsv('sales.csv', bytes)).message;
    expect(message).toBe('sales.csv: the file is a workbook (XLSX, a zip archive), not CSV text: name it .xlsx, or save the sheet as CSV UTF-8');
  });

  it('refuses NUL characters inside otherwise UTF-8 text, naming their row', () => {
    expect(errorOf(() => readCsv('a.csv', utf8('date,units\n2024-01-01,1\n2024-01-02,\u00002\n'))).message).toBe('a.csv: the file is not CSV text: it holds NUL characters (the first in row 3)');
  });

  it('refuses a quoted field that is never closed, naming the row it starts on', () => {
    expect(errorOf(() => readCsv('a.csv', utf8('sku,name\nA,ok\nB,"broken\nC,x\n'))).message).toBe('a.csv: row 3: a quoted field is not closed (a quote inside a quoted field is written twice: "")');
  });

  it('refuses a first row that names no column', () => {
    expect(errorOf(() => readCsv('a.csv', utf8(' , ,\n1,2,3\n'))).message).toBe('a.csv: row 1, the first row, names no column: the first row must be a header (date, sku, units, ...)');
  });

  it('refuses a row with more than MAX_COLUMNS fields, naming it', () => {
    const wide = new Array(MAX_COLUMNS + 1).fill('1').join(',');
    const narrow = new Array(MAX_COLUMNS).fill('c').join(',');
    // the header is as wide as allowed and reads; the data row (row 2) is one field over
    expect(errorOf(() => readCsv('wide.csv', utf8(`${narrow}\n${wide}\n`))).message).toBe('wide.csv: row 2 has more than 10,000 fields; Stocklab reads files of at most 10,000 columns');
    expect(readCsv('ok.csv', utf8(`${narrow}\n${narrow}\n`)).header).toHaveLength(MAX_COLUMNS);
  });

  it('refuses a file over MAX_BYTES before decoding it', () => {
    const message = errorOf(() => readCsv('huge.csv', new Uint8Array(MAX_BYTES + 1))).message;
    expect(message).toBe('huge.csv: the file is 100.0 MB; Stocklab reads files of at most 100 MB: split it by year or by SKU range');
  });

  it('reads exactly MAX_ROWS data rows', () => {
    const table = readCsv('max.csv', utf8('u\n' + '1\n'.repeat(MAX_ROWS)));
    expect(table.rows).toHaveLength(MAX_ROWS);
    expect(table.rowNumbers[MAX_ROWS - 1]).toBe(MAX_ROWS + 1);
  });

  // a regression test: the first version stopped keeping rows past the millionth and never threw, so the
  // rest of the file was dropped without a word
  it('refuses a file with more than MAX_ROWS data rows instead of silently dropping the rest', () => {
    const message = errorOf(() => readCsv('big.csv', utf8('u\n' + '1\n'.repeat(MAX_ROWS + 1)))).message;
    expect(message).toBe('big.csv: the file has more than 1,000,000 rows; split it (by year or by SKU range) and import the parts');
  });
});

describe('readCsv: progress and cancelling', () => {
  it('reports progress every 50,000 rows as a growing fraction of the text', () => {
    const fractions: number[] = [];
    readCsv('a.csv', utf8('u\n' + '1\n'.repeat(100_000)), { onProgress: (f) => fractions.push(f) });
    expect(fractions).toHaveLength(2);
    expect(fractions[0]).toBeGreaterThan(0.45);
    expect(fractions[0]).toBeLessThan(0.55);
    expect(fractions[1]).toBeGreaterThan(fractions[0]);
    expect(fractions[1]).toBeLessThanOrEqual(1);
  });

  it('stops with "cancelled" when asked to', () => {
    expect(errorOf(() => readCsv('a.csv', utf8('u\n1\n2\n'), { isCancelled: () => true })).message).toBe('a.csv: cancelled');
  });
});
