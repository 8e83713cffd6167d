import { quoted } from '../scenario/issues.ts';
import { describeRoles, detectRoles, rolesOf, foldName, type ColumnMap, type Role } from './columnRoles.ts';
import { dateFormatOf, isoDay, readDayOrProblem, type DateFormat, type DayNumber } from './dates.ts';
import { addLine, count, type ImportReport, type RowDetail, type RowNote } from './importReport.ts';
import { decimalMarkOf, readNumber, type DecimalMark } from './numbers.ts';
import { cellText, ImportError, type Cell, type Table } from './table.ts';

/**
 * A demand file read into one daily series per SKU and location. Two layouts:
 *
 * - **long**: one row per date, SKU (and location) with the units (and a price): a daily sales file,
 *   or transaction rows (invoice lines, receipts) that are added up per day;
 * - **wide**: a date column and one column per SKU (or SKU × location, named `SKU@location` or
 *   `SKU|location`), one row per day.
 *
 * The layout is long when the file has a SKU column and a units column, wide otherwise.
 */
export interface HistoryOptions {
  /** columns by role, where their names are not recognised (`{ units: 'Menge' }`) */
  mapping?: Partial<Record<Role, string>>;
  /** how to read 05/03/2024, when no date in the file says */
  dateFormat?: Exclude<DateFormat, 'iso'>;
  /** the decimal mark, when the numbers do not say */
  decimal?: DecimalMark;
  /**
   * negative quantities (returns, cancellations): left out of demand (`ignore`, the default),
   * subtracted from the day's demand (`net`, never below 0), or counted as returns for the returns
   * model (`returns`)
   */
  negatives?: 'ignore' | 'net' | 'returns';
  /** the location of every row when the file has no location column (default `store`) */
  location?: string;
  /** whether rows are transactions to add up per day, or one row per day (default: transactions when the file has times or an invoice column) */
  rows?: 'daily' | 'transactions';
  /** keep rows repeated exactly (default: each repeat is reported and left out) */
  keepDuplicates?: boolean;
}

export interface SeriesHistory {
  sku: string;
  location: string;
  /** units demanded per day, day i being `startDay + i` */
  units: Float64Array;
  /** units returned per day (negative quantities, with `negatives: 'returns'`) */
  returned: Float64Array;
  /** days whose demand is not known: out of stock (sales are not demand) or a missing cell */
  censored: Uint8Array;
  /** revenue and units of the rows with a price, for the average price */
  revenue: number;
  pricedUnits: number;
  /** the product's name, where the file gives one */
  name?: string;
}

export interface DemandHistory {
  file: string;
  layout: 'long' | 'wide';
  transactions: boolean;
  startDay: DayNumber;
  days: number;
  series: SeriesHistory[];
}

/** The most SKU-location × day cells held in memory (8 bytes each, three arrays): 20 million is about 400 MB. */
export const MAX_SERIES_CELLS = 20_000_000;

/** Stock columns named like these are flags (yes: out of stock); others are levels (0 or less: out of stock). */
const FLAG_NAMES = new Set(['stockout', 'outofstock', 'rupture', 'enrupture']);
const OUT_OF_STOCK_WORDS = new Set(['yes', 'y', 'true', 'x', 'oui', 'o', 'ja', '1', 'out', 'outofstock', 'rupture']);
const IN_STOCK_WORDS = new Set(['no', 'n', 'false', 'non', 'nein', '0', '', 'in', 'instock']);

export function readDemandHistory(table: Table, report: ImportReport, options: HistoryOptions = {}): DemandHistory {
  const { roles, problems } = detectRoles(table.header, options.mapping);
  if (problems.length > 0) throw new ImportError(table.file, problems.join('; '));
  if (roles.date === undefined) {
    throw new ImportError(table.file, `no date column: none of the columns (${table.header.slice(0, 12).map((name) => quoted(name, 30)).join(', ')}) is named like one (date, day, jour, InvoiceDate, …); name it with --map date=COLUMN`);
  }
  // rows with nothing in them (a spreadsheet's formatted empty rows: ;;;) hold no data: one line says how many
  const blank = table.rows.map((row) => row.every((cell) => cellText(cell).trim() === ''));
  const empty = blank.filter(Boolean).length;
  if (empty > 0) {
    table = { ...table, rows: table.rows.filter((_, i) => !blank[i]), rowNumbers: table.rowNumbers.filter((_, i) => !blank[i]) };
    addLine(report, `${table.file}: ${empty.toLocaleString('en')} empty row${empty === 1 ? '' : 's'} (every cell blank) left out`, { kind: 'emptyRows', file: table.file, rows: empty });
  }
  if (table.rows.length === 0) throw new ImportError(table.file, 'the file has a header but no rows of data', { kind: 'headerNoRows' });
  if (roles.sku !== undefined && roles.units === undefined) {
    throw new ImportError(table.file, `a SKU column (${quoted(table.header[roles.sku], 30)}) but no units column: none of the columns (${table.header.slice(0, 12).map((name) => quoted(name, 30)).join(', ')}) is named like one (units, quantity, qty, ventes, …); name it with --map units=COLUMN`);
  }
  const layout = roles.sku !== undefined && roles.units !== undefined ? 'long' : 'wide';
  if (layout === 'long') {
    addLine(report, `${table.file}: long layout (one row per date and SKU), ${table.rows.length.toLocaleString('en')} rows; columns: ${describeRoles(table.header, roles)}`, { kind: 'longLayout', file: table.file, rows: table.rows.length, columns: rolesOf(table.header, roles) });
  }

  // the date format, once for the file
  const format = dateFormatOf(table.rows.map((row) => row[roles.date!]));
  let dateFormat: DateFormat;
  if (format.format === 'mixed') {
    throw new ImportError(table.file, `the dates in column ${quoted(table.header[roles.date], 30)} are written in several ways (ISO and day/month, or day first in some rows and month first in others); write them one way`, {
      kind: 'datesMixed',
      column: quoted(table.header[roles.date], 30),
    });
  } else if (format.format === 'ambiguous') {
    if (!options.dateFormat) {
      throw new ImportError(table.file, `the dates in column ${quoted(table.header[roles.date], 30)} (such as ${quoted(cellText(table.rows[0][roles.date]), 20)}) could be day first or month first: no day in the file is over 12. Say which: --date-format dmy (05/03/2024 is 5 March) or --date-format mdy (it is 3 May)`);
    }
    dateFormat = options.dateFormat;
  } else {
    dateFormat = format.format;
    if (options.dateFormat && format.format !== 'iso' && options.dateFormat !== format.format) {
      throw new ImportError(table.file, `--date-format ${options.dateFormat} was given, but the file's dates are ${format.format === 'dmy' ? 'day first (a first number over 12)' : 'month first (a second number over 12)'}`);
    }
  }
  const transactions = options.rows ? options.rows === 'transactions' : format.withTime || roles.invoice !== undefined;

  // the decimal mark, once for the file, from its number columns
  const numberColumns = layout === 'long' ? [roles.units!, ...(roles.price !== undefined ? [roles.price] : [])] : wideColumns(table, roles);
  const detected = decimalMarkOf(
    (function* () {
      for (const row of table.rows) for (const column of numberColumns) yield row[column];
    })(),
    table.separator,
  );
  if (detected === 'ambiguous' && !options.decimal) {
    throw new ImportError(table.file, 'the numbers are written with a decimal comma in some cells (6,5) and a decimal point in others (6.5); say which mark the file uses: --decimal comma or --decimal point');
  }
  const decimal: DecimalMark = options.decimal ?? (detected === 'ambiguous' ? 'point' : detected);
  if (decimal === 'comma') addLine(report, `${table.file}: numbers read with a decimal comma (6,5 is six and a half)`, { kind: 'decimalComma', file: table.file });

  // the days each row falls on; rows without a date are rejected here
  const days = new Int32Array(table.rows.length);
  let startDay = Infinity;
  let endDay = -Infinity;
  const usable = new Uint8Array(table.rows.length);
  table.rows.forEach((row, i) => {
    const day = readDayOrProblem(row[roles.date!], dateFormat);
    if (typeof day !== 'number') {
      reject(report, table, i, table.header[roles.date!], day.reason, day.detail);
      return;
    }
    days[i] = day;
    usable[i] = 1;
    if (day < startDay) startDay = day;
    if (day > endDay) endDay = day;
  });
  if (!Number.isFinite(startDay)) throw new ImportError(table.file, 'no row has a date that can be read; nothing to import', { kind: 'noReadableDate' });
  const span = endDay - startDay + 1;

  const history = layout === 'long' ? readLong(table, roles, report, options, decimal, transactions, days, usable, startDay, span) : readWide(table, roles, report, decimal, days, usable, startDay, span, options.location ?? 'store');
  addLine(report, `${table.file}: ${history.length} SKU-location series over ${span} days, ${isoDay(startDay)} to ${isoDay(endDay)}${transactions ? ' (transaction rows added up per day)' : ''}`, {
    kind: 'series',
    file: table.file,
    series: history.length,
    days: span,
    from: isoDay(startDay),
    to: isoDay(endDay),
    transactions,
  });
  return { file: table.file, layout, transactions, startDay, days: span, series: history };
}

function reject(report: ImportReport, table: Table, i: number, column: string | undefined, reason: string, detail?: RowDetail): void {
  report.notes.push(noteOf(report, { file: table.file, row: table.rowNumbers[i], column, status: 'rejected', reason }, detail));
  count(report, 'rejectedRows');
}

function remark(report: ImportReport, table: Table, i: number, column: string | undefined, reason: string, detail?: RowDetail): void {
  report.notes.push(noteOf(report, { file: table.file, row: table.rowNumbers[i], column, status: 'kept', reason }, detail));
  count(report, 'remarks');
}

/** The note, with its facts when the report asks for them. */
function noteOf(report: ImportReport, note: RowNote, detail: RowDetail | undefined): RowNote {
  return report.details && detail !== undefined ? { ...note, detail } : note;
}

function newSeries(sku: string, location: string, span: number): SeriesHistory {
  return { sku, location, units: new Float64Array(span), returned: new Float64Array(span), censored: new Uint8Array(span), revenue: 0, pricedUnits: 0 };
}

/** Refuses, in words, a history that would not fit in memory. */
function checkSize(file: string, series: number, span: number): void {
  if (series * span > MAX_SERIES_CELLS) {
    throw new ImportError(file, `${series.toLocaleString('en')} SKU-location series over ${span.toLocaleString('en')} days is ${(series * span).toLocaleString('en')} days of history, more than the ${MAX_SERIES_CELLS.toLocaleString('en')} Stocklab holds in memory; import fewer SKUs or a shorter period`, { kind: 'tooMuchHistory', series, days: span, max: MAX_SERIES_CELLS });
  }
}

function readLong(table: Table, roles: ColumnMap, report: ImportReport, options: HistoryOptions, decimal: DecimalMark, transactions: boolean, days: Int32Array, usable: Uint8Array, startDay: number, span: number): SeriesHistory[] {
  // the series by SKU then location (no key string per row), and each series' rows by day, to find
  // exact repeats and second rows among the few rows of one SKU on one day
  const series = new Map<string, Map<string, SeriesHistory>>();
  const rowsByDay = new Map<SeriesHistory, Map<number, number[]>>();
  const units = new Float64Array(table.rows.length);
  let seriesCount = 0;
  const negatives = options.negatives ?? 'ignore';
  const defaultLocation = options.location ?? 'store';
  const unitsName = table.header[roles.units!];
  const stockIsFlag = roles.stock !== undefined && FLAG_NAMES.has(foldName(table.header[roles.stock]));
  let negativeRows = 0;
  let negativeUnits = 0;
  let duplicates = 0;
  // a day whose row could not be read is unknown for its SKU, not a day without demand
  const unknownDays: { sku: string; location: string; day: number }[] = [];
  const censor = (sku: string, location: string, day: number) => unknownDays.push({ sku, location, day });
  const sameCells = (a: Cell[], b: Cell[]) => a.length === b.length && a.every((cell, k) => cellText(cell) === cellText(b[k]));
  table.rows.forEach((row, i) => {
    if (!usable[i]) return;
    const sku = cellText(row[roles.sku!]).trim();
    if (sku === '') return reject(report, table, i, table.header[roles.sku!], 'expected a SKU, got an empty cell', { kind: 'emptyCell', expected: 'sku' });
    const location = roles.location === undefined ? defaultLocation : cellText(row[roles.location]).trim();
    if (location === '') return reject(report, table, i, table.header[roles.location!], 'expected a location, got an empty cell', { kind: 'emptyCell', expected: 'location' });
    const value = readNumber(row[roles.units!], decimal);
    if (value === null) {
      const text = cellText(row[roles.units!]).trim();
      censor(sku, location, days[i] - startDay);
      const decimalComma = decimal === 'point' && /^\d+,\d+$/.test(text);
      return reject(
        report,
        table,
        i,
        unitsName,
        text === '' ? 'expected a quantity, got an empty cell (write 0 for a day without sales)' : `expected a number, got ${quoted(text, 30)}${decimalComma ? ' (a decimal comma in a file read with decimal points: --decimal comma)' : ''}`,
        text === '' ? { kind: 'emptyCell', expected: 'quantity' } : { kind: 'notANumber', got: quoted(text, 30), decimalComma, dayLeftOut: false },
      );
    }
    if (row.length > table.header.length && table.separator === ',' && row.slice(table.header.length).some((cell) => cellText(cell).trim() !== '')) {
      censor(sku, location, days[i] - startDay);
      return reject(report, table, i, undefined, `the row has ${row.length} fields where the header has ${table.header.length}: a decimal comma (6,5) splits a number in two in a comma-separated file`, { kind: 'tooManyFields', fields: row.length, header: table.header.length });
    }
    units[i] = value;
    let bySku = series.get(sku);
    if (!bySku) {
      bySku = new Map();
      series.set(sku, bySku);
    }
    let entry = bySku.get(location);
    if (!entry) {
      checkSize(table.file, ++seriesCount, span);
      entry = newSeries(sku, location, span);
      bySku.set(location, entry);
      rowsByDay.set(entry, new Map());
    }
    const day = days[i] - startDay;
    const byDay = rowsByDay.get(entry)!;
    const before = byDay.get(day) ?? [];
    const repeat = before.find((prior) => sameCells(table.rows[prior], row));
    if (repeat !== undefined && !options.keepDuplicates) {
      duplicates++;
      return reject(report, table, i, undefined, `a repeat of row ${table.rowNumbers[repeat]} (every cell the same); left out (--keep-duplicates keeps repeats)`, { kind: 'repeatRow', of: table.rowNumbers[repeat] });
    }
    // a negative quantity is a return or a cancellation, not the day's demand: never a second row for the day;
    // a repeat kept on purpose (--keep-duplicates) adds up; any other second row of a daily file is a conflict
    if (!transactions && value >= 0 && repeat === undefined) {
      const first = before.find((prior) => units[prior] >= 0);
      if (first !== undefined) {
        return reject(
          report,
          table,
          i,
          undefined,
          `a second row for ${isoDay(days[i])}, SKU ${quoted(sku, 30)}${roles.location === undefined ? '' : `, location ${quoted(location, 30)}`} (the first is row ${table.rowNumbers[first]}); a daily file has one row per day: remove one, or, if the rows are sales to add up, import with --rows transactions`,
          { kind: 'secondRow', day: isoDay(days[i]), sku: quoted(sku, 30), location: roles.location === undefined ? null : quoted(location, 30), first: table.rowNumbers[first] },
        );
      }
    }
    before.push(i);
    if (before.length === 1) byDay.set(day, before);
    if (roles.name !== undefined && entry.name === undefined) {
      const name = cellText(row[roles.name]).trim();
      if (name !== '') entry.name = name;
    }
    if (value < 0) {
      negativeRows++;
      negativeUnits += -value;
      if (negatives === 'net') entry.units[day] += value;
      else if (negatives === 'returns') entry.returned[day] += -value;
      return;
    }
    if (roles.stock !== undefined) {
      const out = outOfStock(row[roles.stock], decimal, stockIsFlag);
      if (out === null) {
        const got = quoted(cellText(row[roles.stock]), 20);
        remark(report, table, i, table.header[roles.stock], `expected ${stockIsFlag ? 'an out-of-stock flag (yes or no, 1 or 0)' : 'a stock level (a number)'}, got ${got}; the day is taken as in stock`, { kind: 'badStock', flag: stockIsFlag, got });
      }
      else if (out) entry.censored[day] = 1;
    }
    entry.units[day] += value;
    if (roles.price !== undefined && value > 0) {
      const priceCell = row[roles.price];
      const price = readNumber(priceCell, decimal);
      if (price !== null && price > 0) {
        entry.revenue += price * value;
        entry.pricedUnits += value;
      } else if (cellText(priceCell).trim() !== '') {
        remark(report, table, i, table.header[roles.price], `expected a price > 0, got ${quoted(cellText(priceCell), 20)}; the units count, the price does not`, { kind: 'badPrice', got: quoted(cellText(priceCell), 20) });
      }
    }
  });
  let censored = 0;
  for (const { sku, location, day } of unknownDays) {
    const entry = series.get(sku)?.get(location);
    if (entry && !entry.censored[day]) {
      entry.censored[day] = 1;
      censored++;
    }
  }
  if (censored > 0) {
    addLine(report, `${table.file}: ${censored.toLocaleString('en')} day${censored === 1 ? '' : 's'} of a SKU with a rejected row ${censored === 1 ? 'is' : 'are'} taken as unknown for that SKU, not as ${censored === 1 ? 'a day' : 'days'} without demand`, { kind: 'unknownDays', file: table.file, days: censored });
  }
  // netted days never go below 0: a return does not make negative demand
  const all = [...series.values()].flatMap((bySku) => [...bySku.values()]);
  if (negatives === 'net') for (const entry of all) for (let d = 0; d < span; d++) if (entry.units[d] < 0) entry.units[d] = 0;
  if (negativeRows > 0) {
    const how = negatives === 'ignore' ? 'left out of demand (--negatives net subtracts them, --negatives returns feeds them to the returns model)' : negatives === 'net' ? 'subtracted from their day\'s demand (never below 0)' : 'counted as returns';
    addLine(report, `${table.file}: ${negativeRows.toLocaleString('en')} row${negativeRows === 1 ? '' : 's'} with a negative quantity (returns, cancellations; ${negativeUnits.toLocaleString('en')} units): ${how}`, { kind: 'negativeRows', file: table.file, rows: negativeRows, units: negativeUnits, how: negatives });
    count(report, 'negativeRows', negativeRows);
  }
  if (duplicates > 0) addLine(report, `${table.file}: ${duplicates.toLocaleString('en')} row${duplicates === 1 ? '' : 's'} repeated exactly, left out (listed below)`, { kind: 'repeatedRows', file: table.file, rows: duplicates });
  return all;
}

/** The wide layout's value columns: every column but the date and the other recognised roles. */
function wideColumns(table: Table, roles: ColumnMap): number[] {
  const taken = new Set(Object.values(roles));
  return table.header.flatMap((_, i) => (taken.has(i) ? [] : [i]));
}

function readWide(table: Table, roles: ColumnMap, report: ImportReport, decimal: DecimalMark, days: Int32Array, usable: Uint8Array, startDay: number, span: number, defaultLocation: string): SeriesHistory[] {
  const columns = wideColumns(table, roles).filter((column) => {
    const numbers = table.rows.some((row) => readNumber(row[column], decimal) !== null);
    if (!numbers) addLine(report, `${table.file}: column ${quoted(table.header[column], 40)} holds no numbers: not a SKU's demand, left out`, { kind: 'columnWithoutNumbers', file: table.file, column: quoted(table.header[column], 40) });
    else if (table.header[column] === '') addLine(report, `${table.file}: column ${column + 1} holds numbers but has no name in the header: left out (name it with its SKU to import it)`, { kind: 'columnWithoutName', file: table.file, column: column + 1 });
    return numbers && table.header[column] !== '';
  });
  if (columns.length === 0) throw new ImportError(table.file, 'no column of numbers beside the date: a wide file has one column of daily units per SKU (or a long file: columns date, sku, units)');
  addLine(report, `${table.file}: wide layout (a column per SKU), ${columns.length} series, ${table.rows.length.toLocaleString('en')} rows`, { kind: 'wideLayout', file: table.file, series: columns.length, rows: table.rows.length });
  checkSize(table.file, columns.length, span);
  const series = columns.map((column) => {
    const name = table.header[column];
    const cut = name.search(/[@|]/);
    return newSeries(cut > 0 ? name.slice(0, cut).trim() : name, cut > 0 ? name.slice(cut + 1).trim() : defaultLocation, span);
  });
  const seen = new Map<number, number>();
  table.rows.forEach((row, i) => {
    if (!usable[i]) return;
    const day = days[i] - startDay;
    const before = seen.get(day);
    if (before !== undefined) {
      return reject(report, table, i, table.header[roles.date!], `a second row for ${isoDay(days[i])} (the first is row ${table.rowNumbers[before]}); a wide file has one row per day`, { kind: 'secondRow', day: isoDay(days[i]), sku: null, location: null, first: table.rowNumbers[before] });
    }
    seen.set(day, i);
    columns.forEach((column, k) => {
      const value = readNumber(row[column], decimal);
      const text = cellText(row[column]).trim();
      if (value === null || value < 0) {
        // one SKU's bad cell does not cost the other SKUs their day: that day is unknown for this SKU
        series[k].censored[day] = 1;
        remark(
          report,
          table,
          i,
          table.header[column],
          value === null ? (text === '' ? 'an empty cell: the day is left out of this SKU\'s history (write 0 for a day without sales)' : `expected a number, got ${quoted(text, 30)}; the day is left out of this SKU's history`) : `a negative quantity (${text}); the day is left out of this SKU's history`,
          value === null ? (text === '' ? { kind: 'emptyWideCell' } : { kind: 'notANumber', got: quoted(text, 30), decimalComma: false, dayLeftOut: true }) : { kind: 'negativeWideCell', text },
        );
        return;
      }
      series[k].units[day] += value;
    });
  });
  // days with no row at all are unknown in a wide file (one row per day is its layout)
  for (let d = 0; d < span; d++) if (!seen.has(d)) for (const entry of series) entry.censored[d] = 1;
  const missing = span - seen.size;
  if (missing > 0) {
    addLine(report, `${table.file}: ${missing} day${missing === 1 ? '' : 's'} between the first and the last ${missing === 1 ? 'has' : 'have'} no row: ${missing === 1 ? 'its' : 'their'} demand is taken as unknown, not 0`, { kind: 'missingDays', file: table.file, days: missing });
  }
  return series;
}

/**
 * Whether a stock cell says the SKU was out of stock that day: a level of 0 or less, or a flag (yes, x,
 * 1, oui, …), as the column's name says; null when the cell says nothing readable.
 */
function outOfStock(cell: Cell, decimal: DecimalMark, flag: boolean): boolean | null {
  if (!flag) {
    const level = readNumber(cell, decimal);
    return level === null ? null : level <= 0;
  }
  const word = foldName(cellText(cell));
  if (OUT_OF_STOCK_WORDS.has(word)) return true;
  if (IN_STOCK_WORDS.has(word)) return false;
  return null;
}
