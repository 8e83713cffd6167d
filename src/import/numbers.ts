import type { Cell } from './table.ts';

/**
 * Numbers as spreadsheets export them. A CSV file says nothing about its decimal mark, so it is
 * decided once per file from the numbers it holds, never per cell:
 *
 * - numbers with a comma that no thousands separator would leave (`6,5`, `12,25`) make it a decimal
 *   comma, as French and German Excel write; a point then separates thousands (`1.250,5`), as may a
 *   space (`1 250,5`); so does `1,250` in a file separated by semicolons or tabs with no decimal point;
 * - otherwise the decimal mark is a point, and a comma may only separate thousands in groups of three
 *   (`1,250.5`);
 * - a file whose numbers show both readings (`6,5` in one cell, `6.5` in another) is a question the
 *   import asks (`--decimal comma|point`), never guesses.
 *
 * XLSX cells hold numbers, not text: no question there.
 */
export type DecimalMark = 'point' | 'comma';

const POINT = /^[+-]?(\d+|\d{1,3}(,\d{3})+)(\.\d*)?$|^[+-]?\.\d+$/;
const COMMA = /^[+-]?(\d+|\d{1,3}([. \u00a0\u202f]\d{3})+)(,\d*)?$|^[+-]?,\d+$/;
const PLAIN = /^[+-]?\d+$/;
const EXPONENT = /^[+-]?(\d+\.?\d*|\.\d+)[eE][+-]?\d+$/;

/** A number in a cell, read with the file's decimal mark, or null when the cell holds no number. */
export function readNumber(cell: Cell, decimal: DecimalMark): number | null {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  if (typeof cell !== 'string') return null;
  const text = cell.trim();
  if (text === '') return null;
  if (EXPONENT.test(text)) return Number(text);
  if (decimal === 'point') return POINT.test(text) ? Number(text.replace(/,/g, '')) : null;
  return COMMA.test(text) ? Number(text.replace(/[. \u00a0\u202f]/g, '').replace(',', '.')) : null;
}

/**
 * The decimal mark of a file's number columns (see above): `cells` are a sample of them (every cell
 * of the units and price columns). 'ambiguous' when both readings appear.
 */
export function decimalMarkOf(cells: Iterable<Cell>, separator: ',' | ';' | '\t' | undefined): DecimalMark | 'ambiguous' {
  let decimalComma = false; // 6,5 or 12,25: a comma no thousands separator would leave
  let groupComma = false; // 1,250: a thousands separator, or a decimal comma with three decimals
  let points = false;
  for (const cell of cells) {
    if (typeof cell !== 'string') continue;
    const text = cell.trim();
    if (text === '' || PLAIN.test(text)) continue;
    if (/^[+-]?\d{1,3}([. \u00a0\u202f]\d{3})+,\d+$/.test(text)) decimalComma = true; // 1.250,5 or 1 250,5
    else if (/^[+-]?\d{1,3},\d{3}$/.test(text)) groupComma = true;
    else if (/^[+-]?\d*,\d+$/.test(text)) decimalComma = true;
    else if (/^[+-]?[\d,]*\.\d+$/.test(text)) points = true;
  }
  if (decimalComma && points) return 'ambiguous';
  if (decimalComma) return 'comma';
  // 1,250 alone: a thousands separator in a comma-separated file (where such a number comes quoted)
  // or beside decimal points; a decimal comma in a semicolon- or tab-separated file without points
  if (groupComma && !points && separator !== ',') return 'comma';
  return 'point';
}
