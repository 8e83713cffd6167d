import type { ExperimentResult } from '../../src/experiment/replicate.ts';
import { breakdownCsv } from '../../src/experiment/breakdown.ts';
import { csvText } from '../../src/experiment/analysisExports.ts';

/**
 * The per-SKU table's rows as CSV: the lines `stocklab run --by stock-point --csv` writes
 * (`breakdownCsv`, so the app and the CLI have the same columns and cells), only those of the rows
 * shown and in the order shown, with two columns after `replications`, as the analysis panels' files
 * have them: `complete` (false after a cancel: the figures of the replications that finished) and
 * `stocklabVersion`. `shown` holds the rows' indexes in breakdownRows' order.
 */
export function shownRowsCsv(result: ExperimentResult, shown: readonly number[], stocklabVersion: string): string {
  const [head, ...lines] = csvRecords(breakdownCsv(result, 'stock-point'));
  const withRun = (record: string, extra: string[]) => {
    const fields = csvFields(record);
    // scenario, seed, replications lead every line
    return [...fields.slice(0, 3), ...extra, ...fields.slice(3)].join(',');
  };
  const run = [String(result.complete), csvText(stocklabVersion)];
  return [withRun(head, ['complete', 'stocklabVersion']), ...shown.map((index) => withRun(lines[index], run))].join('\n') + '\n';
}

/**
 * The records of CSV text (RFC 4180), each as written (quotes kept): a line break inside quotes (a
 * name written over two lines) belongs to its field, not a new record. The last line break ends the
 * last record.
 */
export function csvRecords(text: string): string[] {
  const records: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (c === '\n' && !quoted) {
      records.push(text.slice(start, text[i - 1] === '\r' ? i - 1 : i));
      start = i + 1;
    }
  }
  if (start < text.length) records.push(text.slice(start));
  return records;
}

/** The fields of one CSV record, each as written (quotes kept), so they join back to the same text. */
export function csvFields(record: string): string[] {
  const fields: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < record.length; i++) {
    const c = record[i];
    if (c === '"') quoted = !quoted;
    else if (c === ',' && !quoted) {
      fields.push(record.slice(start, i));
      start = i + 1;
    }
  }
  fields.push(record.slice(start));
  return fields;
}
