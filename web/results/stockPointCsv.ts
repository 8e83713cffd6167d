import type { ExperimentResult } from '../../src/experiment/replicate.ts';
import { breakdownTable } from '../../src/experiment/breakdown.ts';
import { csvFile, type CsvDialect } from '../../src/experiment/csv.ts';
import { pageCsvDialect } from '../charts/csvDialect.ts';

/**
 * The per-SKU table's rows as CSV: the lines `stocklab run --by stock-point --csv` writes
 * (`breakdownTable`, so the app and the CLI have the same columns and cells), only those of the rows
 * shown and in the order shown, with two columns after `replications`, as the analysis panels' files
 * have them: `complete` (false after a cancel: the figures of the replications that finished) and
 * `stocklabVersion`. `shown` holds the rows' indexes in breakdownRows' order. Written in the page
 * language's dialect (web/charts/csvDialect.ts): ";" and decimal commas in French.
 */
export function shownRowsCsv(result: ExperimentResult, shown: readonly number[], stocklabVersion: string, dialect: CsvDialect = pageCsvDialect): string {
  const { head, rows } = breakdownTable(result, 'stock-point');
  // scenario, seed, replications lead every line; the run's two columns follow them
  const withRun = <T,>(record: readonly T[], extra: T[]) => [...record.slice(0, 3), ...extra, ...record.slice(3)];
  return csvFile(
    withRun(head, ['complete', 'stocklabVersion']),
    shown.map((index) => withRun(rows[index], [result.complete, stocklabVersion])),
    dialect,
  );
}
