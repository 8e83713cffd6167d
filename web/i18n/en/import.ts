import type { Policy } from '../../../src/scenario/schema.ts';
import type { DemandClass } from '../../../src/import/classifyDemand.ts';
import type { FilePreview } from '../../../src/import/preview.ts';

/**
 * The Import data wizard's user-facing strings in English (web/import/): the files, the mapping and
 * its questions, the options (the CLI's, `stocklab import`), the progress, the report and the fit
 * chart. The import's own report lines and reasons come from the engine (src/import/), in English.
 */
const number = (x: number) => x.toLocaleString('en');
const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);
const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export const importStrings = {
  /** the left panel's button */
  openButton: 'Import data…',
  openButtonHint: 'Make a scenario from your sales history (CSV or XLSX) and, optionally, a SKU master and a locations file',
  title: 'Import data',
  close: 'Close the import',
  privacy: 'Your files are read in this browser only: nothing is uploaded.',

  filesTitle: '1. Files',
  demandLabel: 'Sales history (CSV or XLSX)',
  demandHint: 'One row per date and SKU (with a location and the units sold), or a date column and one column per SKU. Choose a file or drop it here.',
  masterLabel: 'SKU master (optional)',
  masterHint: 'One row per SKU: name, unit cost, price, lead time, supplier, policy… Where it is silent, the defaults below are used.',
  locationsLabel: 'Locations (optional)',
  locationsHint: 'One row per location: its id, its kind (store or warehouse), the warehouse that supplies it (empty: the SKU’s supplier) and, optionally, the lead time in days from that warehouse.',
  chosen: (name: string, bytes: number) => `${name} (${size(bytes)})`,
  cannotRead: (error: string) => `This file cannot be imported: ${error}`,

  mappingTitle: '2. Columns and options',
  mappingHelp: 'Check what each column holds (the role above it); the import reads only the columns given a role.',
  sheetLabel: 'Sheet',
  sheetHint: (count: number) => `This workbook has ${count} sheets: choose the one that holds the sales.`,
  cannotReadSheet: (error: string) => `This sheet cannot be imported: ${error}. Choose another sheet.`,
  roleOf: (column: string) => `What column “${column}” holds`,
  roleNone: '(not used)',
  roles: {
    date: 'Date',
    sku: 'SKU',
    location: 'Location',
    units: 'Units sold',
    price: 'Price',
    stock: 'Stock or out of stock',
    name: 'Product name',
    invoice: 'Invoice or receipt',
  },
  previewCaption: (shown: number, total: number) => `The first ${number(shown)} of ${number(total)} rows`,
  layout: (layout: FilePreview['layout'], rows: number, sheet?: string) =>
    `${sheet ? `Sheet “${sheet}”, ` : ''}${number(rows)} rows. ` +
    (layout === 'long'
      ? 'Long layout: one row per date and SKU, units in one column.'
      : layout === 'wide'
        ? 'Wide layout: a date column and one column of daily units per SKU (or SKU@location); every column without a role is read as a SKU.'
        : 'No date column: choose the column that holds the dates.'),
  dateQuestion: (example: string) => `Every day in this file is 12 or less, so its dates can be read two ways. ${example} is:`,
  dateReading: (date: Date) => `${date.getUTCDate()} ${months[date.getUTCMonth()]} ${date.getUTCFullYear()}`,
  datesMixed: 'The date column mixes formats (day first in some rows, month first in others): correct the file, then choose it again.',
  decimalQuestion: (example: string) => `This file writes decimals both with a comma and with a point. Does ${example} mean ${example.replace(',', '.')}?`,
  decimalComma: (example: string) => `Yes: the comma is the decimal mark, and a point only groups thousands (cells such as ${example.replace(',', '.')} are then set aside, each in the report)`,
  decimalPoint: (example: string) => `No: the decimal mark is a point, and a comma only groups thousands (cells such as ${example} are then set aside, each in the report)`,

  optionsTitle: 'Options (as stocklab import)',
  options: {
    negatives: 'Negative quantities',
    negativesChoices: { ignore: 'left out of demand (default)', net: 'subtracted from their day', returns: 'counted as returns' },
    demand: 'Demand',
    demandChoices: { fit: 'fit a model to each history (default)', replay: 'replay the histories as they are' },
    unmet: 'Demand that cannot be served',
    unmetChoices: { lost: 'is lost (default)', backorder: 'waits (backorder)' },
    rows: 'Rows of the file',
    rowsChoices: { auto: 'as the file says (times or an invoice column: transactions)', daily: 'one per day and SKU (a second is reported)', transactions: 'transactions, added up per day' },
    location: 'Location when the file has none',
    leadTime: 'Lead time when the master has none',
    days: 'days',
    service: 'Cycle service target',
    holdingRate: 'Yearly holding rate',
    costShare: 'Unit cost as a share of the price',
    name: 'Scenario name',
    namePlaceholder: 'Imported from the file',
    keepDuplicates: 'Keep rows repeated exactly (default: reported and left out)',
    warehouse: 'Warehouse supplying every store',
    warehousePlaceholder: 'none: the supplier',
    warehouseHint: 'A locations file says which warehouse supplies each store; this one supplies the stores it leaves to the supplier.',
    transferDays: 'Days from a warehouse to a store',
    scenarioTitle: 'The scenario',
    currency: 'Currency',
    horizonDays: 'Horizon',
    replications: 'Replications',
    seed: 'Seed',
    defaultsNote: 'An empty field takes the default shown in it.',
  },
  optionProblems: {
    positive: 'Expected a number of days above 0, such as 7.',
    percent: 'Expected a percentage between 0 and 100, such as 95.',
    rate: 'Expected a yearly rate between 0 and 10, such as 0.25.',
    share: 'Expected a share between 0 and 1, such as 0.6.',
    id: 'Expected a name with letters or digits, such as store.',
    currency: 'Expected a currency of at most 12 characters, such as EUR or €.',
    horizon: 'Expected a whole number of days from 1 to 36,500, such as 365.',
    replications: 'Expected a whole number of replications from 1 to 100,000, such as 20.',
    seed: 'Expected a seed: a whole number, or a text of at most 200 characters.',
  },
  fixOptions: 'Some options need correcting (see above).',
  importButton: 'Import',
  cannotImport: (error: string) => `The import stopped: ${error}`,

  progressLabel: 'Import progress',
  cancel: 'Cancel',
  cancelled: 'Cancelled: nothing was imported. Change what you need and start again.',
  stepPreview: (file: string) => `Reading ${file}…`,
  stepPreparing: 'Starting…',
  /** a step of the import as the engine names it (src/import/importFiles.ts) */
  stepName: (step: string) => (step === 'fitting demand' ? 'fitting a demand model to each SKU and location' : step),
  step: (index: number, total: number, name: string, seconds: number) => `Step ${index} of ${total}: ${name} (${seconds.toFixed(0)} s)`,
  imported: (seconds: number) => `Imported in ${seconds.toFixed(1)} s.`,
  tooLarge: (file: string, bytes: number, limit: number) =>
    `${file}: the file is ${(bytes / 2 ** 20).toFixed(1)} MB; Stocklab reads files of at most ${limit / 2 ** 20} MB: split it by year or by SKU range`,
  unreadable: "the import's result could not be read back from its worker (it may be too large for the browser)",

  reportTitle: '3. Report',
  noteCounts: (rejected: number, kept: number) =>
    rejected + kept === 0 ? 'Every row was used.' : `${number(rejected)} row${rejected === 1 ? '' : 's'} rejected, ${number(kept)} used with a remark.`,
  downloadReport: 'Download report (CSV)',
  downloadFits: 'Download fits (CSV)',
  reportFileName: (file: string) => `${file.replace(/\.[^.]+$/, '')}-import-report.csv`,
  fitsFileName: (file: string) => `${file.replace(/\.[^.]+$/, '')}-fits.csv`,
  notesCaption: 'Rows set aside or used with a remark',
  noteColumns: { file: 'File', row: 'Row', column: 'Column', status: 'Status', reason: 'Reason' },
  noteStatus: { rejected: 'rejected', kept: 'used' },
  skusCaption: 'Per SKU and location: choose a SKU to see its fit',
  skuColumns: { sku: 'SKU', location: 'Location', class: 'Demand class', model: 'Model', why: 'Why', policy: 'Policy', replay: 'Replay' },
  replayOf: (sku: string) => `Replay the history of ${sku} (at every location) instead of its fitted model`,
  replayedMark: 'replayed',
  replayAllNote: 'Every history is replayed (the Demand option): there is no fit to replace.',
  replayHelp: 'Tick Replay for a SKU to replay its history as it is instead of its fitted model, at every location, then Import again.',
  replayPending: (count: number) =>
    count === 0 ? 'No SKU is marked for replay any more: Import again to fit them all.' : `${number(count)} SKU${count === 1 ? '' : 's'} marked for replay: Import again to apply.`,
  replayApply: 'Import again',
  showFitOf: (sku: string, location: string) => `Show the fit of ${sku} at ${location}`,
  classes: { smooth: 'smooth', erratic: 'erratic', intermittent: 'intermittent', lumpy: 'lumpy' } satisfies Record<DemandClass, string>,
  models: {
    poisson: 'Poisson',
    negativeBinomial: 'negative binomial',
    normal: 'normal (rounded)',
    intermittent: 'intermittent (Croston)',
    empirical: 'empirical',
    constant: 'constant',
    replay: 'history replayed',
    none: 'none (never sold)',
    warehouse: 'warehouse (supplies stores)',
  } as Record<string, string>,
  /** a model's name; one the import learns later shows as its id until named here */
  modelName(model: string): string {
    return importStrings.models[model] ?? model;
  },
  policy: (policy: Policy | null, source: 'master' | 'textbook' | null) => {
    if (!policy) return '–';
    const words =
      policy.type === 'sS'
        ? `(s, S) = (${number(policy.reorderPoint)}, ${number(policy.orderUpTo)})`
        : policy.type === 'rQ'
          ? `(r, Q) = (${number(policy.reorderPoint)}, ${number(policy.orderQuantity)})`
          : policy.type === 'baseStock'
            ? `base stock ${number(policy.level)}`
            : policy.type;
    return `${words}${source === 'textbook' ? ', textbook rule' : source === 'master' ? ', from the master' : ''}`;
  },
  previousPage: 'Previous',
  nextPage: 'Next',
  pageRange: (from: number, to: number, total: number) => `${number(from)}–${number(to)} of ${number(total)}`,

  readingHistory: 'Reading the history for the chart…',
  noHistory: 'The history of this SKU could not be read for the chart.',
  replayedNote: 'This history is replayed as it is in the scenario: there is no fitted model to compare.',
  patternNote: 'The model was fitted with the weekly or yearly pattern divided out, which the scenario puts back day by day: it is narrower than the raw history.',
  chartTitle: (sku: string, location: string) => `Daily demand of ${sku} at ${location}: history and fitted model`,
  chartCaption: (sku: string, location: string, days: number) => `${sku} at ${location} · ${number(days)} open days with known demand`,
  legendHistory: 'History: share of days',
  legendModel: (model: string) => `Model: ${model}`,
  axisShare: 'Share of days',
  axisUnits: 'Units demanded in a day',
  binRange: (from: number, to: number) => `${number(from)}–${number(to)}`,
  binTooltip: (units: string, share: string, days: number, model: string | null) => [
    `${units} units`,
    `History: ${share} of days (${number(days)} day${days === 1 ? '' : 's'})`,
    ...(model === null ? [] : [`Model: ${model}`]),
  ],

  openScenario: 'Open the scenario',
  optionsChanged: 'The files or options changed since this import: Import again to apply them (Open loads the scenario of the report shown).',
  nothingUsable: 'Nothing usable remains: no SKU with demand could be read. See the report above, change the columns or options, and import again.',
  /** the status line once an imported scenario is open */
  opened: (name: string) => `Opened “${name}”.`,
};
