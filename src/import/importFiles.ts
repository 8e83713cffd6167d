import { formatIssues, parseScenario } from '../scenario/parse.ts';
import type { ScenarioInput } from '../scenario/schema.ts';
import { buildScenario, type BuildOptions, type SeriesSummary } from './buildScenario.ts';
import { findClosedDays } from './closedDays.ts';
import { readDemandHistory, type HistoryOptions } from './demandHistory.ts';
import { addLine, emptyReport, type ImportReport } from './importReport.ts';
import { readCsv } from './readCsv.ts';
import { readXlsx } from './readXlsx.ts';
import { readSkuMaster, type SkuFacts } from './skuMaster.ts';
import { readLocations } from './locations.ts';
import { ImportError, type Table } from './table.ts';

/** A file as the import receives it: its name (for messages and its format) and its bytes. */
export interface ImportFile {
  name: string;
  bytes: Uint8Array;
}

export interface ImportOptions extends HistoryOptions, BuildOptions {
  /** the sheet of an XLSX demand file (default: the first with data) */
  sheet?: string;
  /** the demand file already read (the wizard's preview read it): it is not read again */
  demandTable?: Table;
  /** give the report's row notes their facts (RowNote.detail), for a page that words them in another language */
  details?: boolean;
}

export interface ImportResult {
  /** the scenario, or null when nothing usable remains */
  scenario: ScenarioInput | null;
  summaries: SeriesSummary[];
  report: ImportReport;
}

/**
 * A planner's files to a scenario: the demand history (required), a SKU master and a locations file
 * (optional). The same
 * in the CLI (`stocklab import`) and the web app's wizard (in a worker). A file that cannot be read
 * at all throws an ImportError naming it; rows that cannot be used are in the report. The scenario is
 * checked by the same validation as any scenario file before it is returned.
 */
export async function importFiles(demand: ImportFile, master: ImportFile | undefined, options: ImportOptions = {}, locationsFile?: ImportFile): Promise<ImportResult> {
  const report = emptyReport();
  if (options.details) report.details = true;
  options.onProgress?.(`reading ${demand.name}`);
  const table = options.demandTable ?? (await readTable(demand, options.sheet, (fraction) => options.onProgress?.(`reading ${demand.name}: ${Math.round(fraction * 100)}%`)));
  const history = readDemandHistory(table, report, options);
  let facts = new Map<string, SkuFacts>();
  if (master) {
    options.onProgress?.(`reading ${master.name}`);
    facts = readSkuMaster(await readTable(master), report, { decimal: options.decimal });
    const unknown = [...facts.keys()].filter((sku) => !history.series.some((series) => series.sku === sku));
    if (unknown.length > 0) {
      addLine(report, `${master.name}: ${unknown.length} SKUs of the master have no demand history, left out (${unknown.slice(0, 5).join(', ')}${unknown.length > 5 ? ', …' : ''})`, { kind: 'masterUnknown', file: master.name, count: unknown.length, shown: unknown.slice(0, 5) });
    }
  }
  let locations = options.locations;
  if (locationsFile) {
    options.onProgress?.(`reading ${locationsFile.name}`);
    locations = readLocations(await readTable(locationsFile), report);
    const missing = [...new Set(history.series.map((series) => series.location))].filter((location) => !locations!.has(location));
    if (missing.length > 0) {
      addLine(report, `${locationsFile.name}: ${missing.length} location${missing.length === 1 ? '' : 's'} of the demand file ${missing.length === 1 ? 'is' : 'are'} not in it: taken as stores${options.warehouse ? ` supplied by ${options.warehouse}` : ' supplied by the SKU\'s supplier'} (${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''})`, {
        kind: 'locationsMissing',
        file: locationsFile.name,
        count: missing.length,
        shown: missing.slice(0, 5),
        warehouse: options.warehouse || null,
      });
    }
  }
  options.onProgress?.('fitting demand');
  const closed = findClosedDays(history);
  const { scenario, summaries } = buildScenario(history, closed, facts, report, { ...options, locations });
  if (scenario.stockPoints.length === 0) {
    addLine(report, 'nothing usable remains: no SKU with demand could be read', { kind: 'nothingUsable' });
    return { scenario: null, summaries, report };
  }
  options.onProgress?.('checking the scenario');
  const parsed = parseScenario(scenario);
  if (!parsed.ok) throw new Error(`the import built an invalid scenario (a bug): ${formatIssues('imported scenario', parsed.issues).slice(0, 5).join('; ')}`);
  return { scenario, summaries, report };
}

/** A file's table: XLSX by its name or its zip signature, CSV otherwise (`onProgress`: the share of a CSV read). */
export async function readTable(file: ImportFile, sheet?: string, onProgress?: (fraction: number) => void): Promise<Table> {
  const zip = file.bytes[0] === 0x50 && file.bytes[1] === 0x4b;
  if (/\.xlsx$/i.test(file.name) || zip) return readXlsx(file.name, file.bytes, sheet);
  if (/\.xls$/i.test(file.name)) throw new ImportError(file.name, 'an old Excel workbook (.xls); open it in a spreadsheet and save it as .xlsx or as CSV UTF-8', { kind: 'xls' });
  return readCsv(file.name, file.bytes, { onProgress });
}
