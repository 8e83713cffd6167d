import { writeFileSync } from 'node:fs';
import { parseArgs, positiveNumber, seedValue, wholeNumberAtLeast, type OptionSpec } from '../args.ts';
import { argumentError, err, EXIT, out } from '../commandKit.ts';
import { readBoundedBytes, readErrorMessage } from '../loadScenario.ts';
import { USAGE } from '../usage.ts';
import { importFiles, type ImportFile, type ImportOptions } from '../../import/importFiles.ts';
import { reportCsv, reportText } from '../../import/importReport.ts';
import { fitsCsv, fitsText } from '../../import/fitReport.ts';
import { ImportError, MAX_BYTES } from '../../import/table.ts';
import { ROLES, type Role } from '../../import/columnRoles.ts';

const choice =
  <T extends string>(...values: T[]) =>
  (text: string): T | { error: string } =>
    (values as string[]).includes(text) ? (text as T) : { error: `expected ${values.join(' or ')}` };

const fraction = (low: number, high: number, what: string) => (text: string) => {
  const value = Number(text);
  return /^\s*[\d.]+\s*$/.test(text) && value > low && value < high ? value : { error: `expected ${what}` };
};

const IMPORT_OPTIONS: Record<string, OptionSpec> = {
  demand: { read: (text) => text, placeholder: 'FILE' },
  master: { read: (text) => text, placeholder: 'FILE' },
  locations: { read: (text) => text, placeholder: 'FILE' },
  warehouse: { read: (text) => text, placeholder: 'NAME' },
  'transfer-days': { read: positiveNumber, placeholder: 'DAYS' },
  out: { read: (text) => text, placeholder: 'FILE' },
  report: { read: (text) => text, placeholder: 'FILE' },
  fits: { read: (text) => text, placeholder: 'FILE' },
  map: { read: mapping, placeholder: 'ROLE=COLUMN', repeatable: true },
  sheet: { read: (text) => text, placeholder: 'NAME' },
  'date-format': { read: choice('dmy', 'mdy'), placeholder: 'dmy|mdy' },
  decimal: { read: choice('comma', 'point'), placeholder: 'comma|point' },
  negatives: { read: choice('ignore', 'net', 'returns'), placeholder: 'ignore|net|returns' },
  rows: { read: choice('daily', 'transactions'), placeholder: 'daily|transactions' },
  'keep-duplicates': { boolean: true },
  location: { read: (text) => text, placeholder: 'NAME' },
  'demand-model': { read: choice('fit', 'replay'), placeholder: 'fit|replay' },
  replay: { read: (text) => text.split(',').map((sku) => sku.trim()).filter(Boolean), placeholder: 'SKU1,SKU2' },
  service: { read: fraction(0, 1, 'a cycle service target between 0 and 1, such as 0.95'), placeholder: 'P' },
  'lead-time': { read: positiveNumber, placeholder: 'DAYS' },
  'holding-rate': { read: fraction(0, 10, 'a yearly holding rate such as 0.25'), placeholder: 'R' },
  'cost-share': { read: fraction(0, 1, 'a share of the price between 0 and 1, such as 0.6'), placeholder: 'S' },
  unmet: { read: choice('lost', 'backorder'), placeholder: 'lost|backorder' },
  currency: { read: (text) => text, placeholder: 'CODE' },
  name: { read: (text) => text, placeholder: 'TEXT' },
  days: { read: positiveNumber, placeholder: 'D' },
  replications: { read: wholeNumberAtLeast(1), placeholder: 'N' },
  seed: { read: seedValue, placeholder: 'S' },
  help: { boolean: true },
};

/** --map ROLE=COLUMN: which column holds a role the header does not name as expected. */
function mapping(text: string): [Role, string] | { error: string } {
  const at = text.indexOf('=');
  const role = text.slice(0, Math.max(0, at)) as Role;
  if (at < 0 || !ROLES.includes(role)) return { error: `expected ROLE=COLUMN, ROLE one of ${ROLES.join(', ')} (an empty COLUMN: the file has none)` };
  return [role, text.slice(at + 1)];
}

/**
 * `stocklab import --demand FILE [--master FILE] [--locations FILE] [--out scenario.json]`: a planner's files to a
 * scenario. The scenario goes to --out (or stdout), the import report to stdout (stderr when the
 * scenario takes stdout); exit 2 when a file cannot be read or nothing usable remains.
 */
export async function importCommand(argv: ReadonlyArray<string>): Promise<number> {
  const parsed = parseArgs(argv, IMPORT_OPTIONS);
  if (!parsed.ok) return argumentError(`import: ${parsed.error}`);
  const options = parsed.options;
  if (options.get('help')) {
    out(USAGE);
    return EXIT.ok;
  }
  if (parsed.positionals.length > 0) return argumentError(`import: the files are given with --demand (and --master), got ${parsed.positionals.map((p) => JSON.stringify(p)).join(', ')}`);
  const demandPath = options.get('demand') as string | undefined;
  if (demandPath === undefined) return argumentError('import: expected --demand FILE, the demand history (CSV or XLSX)');
  const read = (path: string): ImportFile | null => {
    try {
      return { name: path, bytes: new Uint8Array(readBoundedBytes(path, MAX_BYTES, 'data files')) };
    } catch (error) {
      err(`${path}: cannot read: ${readErrorMessage(error, 'a CSV or XLSX file')}\n`);
      return null;
    }
  };
  const demand = read(demandPath);
  if (!demand) return EXIT.usage;
  const masterPath = options.get('master') as string | undefined;
  const master = masterPath === undefined ? undefined : read(masterPath);
  if (master === null) return EXIT.usage;
  const locationsPath = options.get('locations') as string | undefined;
  const locations = locationsPath === undefined ? undefined : read(locationsPath);
  if (locations === null) return EXIT.usage;

  const maps = (options.get('map') as [Role, string][] | undefined) ?? [];
  const importOptions: ImportOptions = {
    mapping: Object.fromEntries(maps),
    sheet: options.get('sheet') as string | undefined,
    dateFormat: options.get('date-format') as ImportOptions['dateFormat'],
    decimal: options.get('decimal') as ImportOptions['decimal'],
    negatives: options.get('negatives') as ImportOptions['negatives'],
    rows: options.get('rows') as ImportOptions['rows'],
    keepDuplicates: options.get('keep-duplicates') === true,
    location: options.get('location') as string | undefined,
    demand: options.get('demand-model') as ImportOptions['demand'],
    replay: new Set((options.get('replay') as string[] | undefined) ?? []),
    serviceTarget: options.get('service') as number | undefined,
    leadTimeDays: options.get('lead-time') as number | undefined,
    holdingRate: options.get('holding-rate') as number | undefined,
    costShare: options.get('cost-share') as number | undefined,
    unmetDemand: options.get('unmet') as ImportOptions['unmetDemand'],
    currency: options.get('currency') as string | undefined,
    name: options.get('name') as string | undefined,
    horizonDays: options.get('days') as number | undefined,
    replications: options.get('replications') as number | undefined,
    seed: options.get('seed') === undefined ? undefined : String(options.get('seed')),
    warehouse: options.get('warehouse') as string | undefined,
    transferDays: options.get('transfer-days') as number | undefined,
  };
  // the step under way, on a terminal only (logs and pipes stay clean); Ctrl-C stops the command
  const started = performance.now();
  const terminal = process.stderr.isTTY === true;
  importOptions.onProgress = (step) => {
    if (terminal) process.stderr.write(`\r\x1b[K${step}… (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  };
  let result;
  try {
    result = await importFiles(demand, master, importOptions, locations);
    if (terminal) process.stderr.write('\r\x1b[K');
  } catch (error) {
    if (error instanceof ImportError) {
      err(`${error.message}\n`);
      return EXIT.usage;
    }
    throw error;
  }
  const outPath = options.get('out') as string | undefined;
  const reportTo = outPath === undefined ? err : out;
  reportTo(reportText(result.report));
  if (result.summaries.length > 0) reportTo('\n' + fitsText(result.summaries));
  const reportPath = options.get('report') as string | undefined;
  const fitsPath = options.get('fits') as string | undefined;
  try {
    if (reportPath !== undefined) writeFileSync(reportPath, reportCsv(result.report));
    if (fitsPath !== undefined) writeFileSync(fitsPath, fitsCsv(result.summaries));
    if (result.scenario === null) return EXIT.usage;
    const json = JSON.stringify(result.scenario, null, 2) + '\n';
    if (outPath === undefined) out(json);
    else {
      writeFileSync(outPath, json);
      out(`scenario written to ${outPath} (${result.scenario.stockPoints.length} stock points); run it with: stocklab run ${outPath} --by stock-point\n`);
    }
  } catch (error) {
    err(`stocklab: cannot write: ${readErrorMessage(error, 'a file')}\n`);
    return EXIT.internal;
  }
  return EXIT.ok;
}
