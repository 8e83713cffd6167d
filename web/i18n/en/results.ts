import { policyTypeLabels } from './names.ts';
import type { AbcClass, XyzClass } from '../../../src/experiment/abcXyz.ts';

/**
 * The per-SKU results table's user-facing strings in English (web/results/): its heading, column
 * headers, filters, the row count, the CSV export and what a click on a row says. KPI labels and
 * units are the charts' (web/i18n/en/charts.ts), so a KPI reads the same in every table.
 */
export const results = {
  title: 'Results per stock point',
  help: 'Every stock point (a product at a location) in every policy variant, with its KPIs as mean ± 95% confidence half-width over replications: sort by a column to find the ones that fall short, and click a row to see its inventory over time.',

  columns: {
    node: 'Location',
    product: 'Product',
    variant: 'Variant',
    policy: 'Policy',
    abc: 'ABC',
    xyz: 'XYZ',
  },
  columnHints: {
    node: 'The stock point’s location (node)',
    product: 'The product held there',
    variant: 'The policy variant',
    policy: 'The stock point’s replenishment policy in this variant',
    abc: 'ABC class by expected revenue (mean daily demand × price): A, the stock points making the first 80% of revenue; B, the next 15%; C, the rest; –, no price or no customers of its own',
    xyz: 'XYZ class by the variability of daily demand (coefficient of variation, from the scenario’s demand model): X below 0.5, Y 0.5 to 1.0, Z above 1.0; –, no customers of its own',
  },
  /** a KPI header's tooltip: what it is, its id, and what a click does */
  kpiHint: (label: string, id: string, better: 'higher' | 'lower' | null) =>
    `${label} (${id}). Click to sort ${better === null ? 'from the lowest' : 'worst first'}, again for the reverse.`,
  textHint: (label: string) => `${label}. Click to sort A to Z, again for Z to A.`,

  /** the policy types' names: the dictionary's (web/i18n/en/names.ts) */
  policies: policyTypeLabels,
  policyLevels: (reorderPoint: string | null, orderUpTo: string | null) =>
    [reorderPoint === null ? null : `reorder point ${reorderPoint}`, orderUpTo === null ? null : `order-up-to level ${orderUpTo}`].filter((part) => part !== null).join(', '),

  abcClasses: { A: 'A', B: 'B', C: 'C', '–': '–' } satisfies Record<AbcClass, string>,
  xyzClasses: { X: 'X', Y: 'Y', Z: 'Z', '–': '–' } satisfies Record<XyzClass, string>,
  classHint: (revenue: string | null, cv: string | null) =>
    [revenue === null ? 'no revenue of its own' : `expected revenue ${revenue} a day`, cv === null ? 'no customer demand of its own' : `coefficient of variation of daily demand ${cv}`].join('; '),

  // filters
  search: 'Search',
  searchPlaceholder: 'Location or product',
  all: 'All',
  filterNode: 'Location',
  filterProduct: 'Product',
  filterVariant: 'Variant',
  filterAbc: 'ABC class',
  filterXyz: 'XYZ class',
  belowTarget: 'Fill rate below',
  belowTargetUnit: '%',
  belowTargetHint: 'Show only the stock points whose mean fill rate is below this target',
  badTarget: 'Expected a percentage from 0 to 100.',
  rowCount: (shown: number, total: number) => (shown === total ? `${total.toLocaleString('en')} rows` : `${shown.toLocaleString('en')} of ${total.toLocaleString('en')} rows`),
  noRows: 'No stock point matches these filters.',
  caption: (replications: number) => `Mean ± 95% half-width over ${replications} replication${replications === 1 ? '' : 's'}; rates in %, their half-widths in percentage points.`,

  // export
  exportCsv: 'Rows shown as CSV',
  exportHint: (shown: number) =>
    `Downloads the ${shown.toLocaleString('en')} row${shown === 1 ? '' : 's'} shown (after the filters, in this order) as stocklab run --by stock-point --csv writes them, with the scenario, seed, replications and Stocklab version`,

  // a row's inventory chart
  rowHint: (point: string, variant: string) => `${point} · ${variant}: click to see its inventory over time`,
  showingChart: (point: string, variant: string) => `Inventory over time shows ${point} in ${variant}.`,
  // "auto" records each stock point's series up to 50 stock points (src/model/build.ts AUTO_SERIES_LIMIT)
  noSeries: (point: string) =>
    `No inventory chart for ${point}: daily series are recorded per stock point only up to 50 stock points (output.series “auto”), so this run kept the network totals only. Set output.series to “all” to record every stock point.`,
  noSeriesAtAll: (point: string) => `No inventory chart for ${point}: this scenario records no daily series per stock point (output.series “network” or “none”).`,
};
