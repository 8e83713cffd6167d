import type { KpiName } from '../../src/metrics/kpis.ts';
import type { AbcClass, XyzClass } from '../../src/experiment/abcXyz.ts';
import type { Better } from '../charts/kpiMeta.ts';
import type { StockPointRow } from './stockPointRows.ts';
import { locale } from '../i18n/locale.ts';

/** The KPI columns of the per-SKU table, in order (names as src/metrics/kpis.ts KPI_NAMES has them). */
export const TABLE_KPIS = ['fillRate', 'cycleServiceLevel', 'avgOnHand', 'holdingCost', 'lostSalesUnits', 'customersChurned', 'ordersPlaced', 'daysOfSupply'] as const satisfies readonly KpiName[];
export type TableKpi = (typeof TABLE_KPIS)[number];

/** The columns that say which stock point a row is; they sort by their text. */
export const TEXT_COLUMNS = ['node', 'product', 'variant', 'policy', 'abc', 'xyz'] as const;
export type TextColumn = (typeof TEXT_COLUMNS)[number];

export type SortColumn = TextColumn | TableKpi;
export type Direction = 'ascending' | 'descending';

/** What the table shows: the filters (null: any) and the sort (null: the scenario's order, as the CLI prints). */
export interface TableQuery {
  /** matched, case-insensitively, against the location's and product's ids and names */
  search: string;
  node: string | null;
  product: string | null;
  variant: string | null;
  abc: AbcClass | null;
  xyz: XyzClass | null;
  /** only the rows whose mean fill rate is below this fraction (a row without a fill rate is not below it) */
  fillRateBelow: number | null;
  sort: { column: SortColumn; direction: Direction } | null;
}

export const NO_QUERY: TableQuery = { search: '', node: null, product: null, variant: null, abc: null, xyz: null, fillRateBelow: null, sort: null };

export function isKpiColumn(column: SortColumn): column is TableKpi {
  return (TABLE_KPIS as readonly string[]).includes(column);
}

/**
 * The direction of a column's first click: worst first where the KPI has a better direction (fill
 * rate lowest first, holding cost highest first), the lowest first for a neutral KPI, A to Z for text.
 */
export function firstDirection(column: SortColumn, better: Better): Direction {
  return isKpiColumn(column) && better === 'lower' ? 'descending' : 'ascending';
}

/** The sort after a click on `column`: its first direction, or the reverse when it is already sorted by it. */
export function nextSort(current: TableQuery['sort'], column: SortColumn, better: Better): NonNullable<TableQuery['sort']> {
  if (current?.column === column) return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  return { column, direction: firstDirection(column, better) };
}

/** The text a text column sorts by: what the cell shows. */
function textOf(row: StockPointRow, column: TextColumn): string {
  switch (column) {
    case 'node':
      return row.nodeName;
    case 'product':
      return row.productName;
    case 'variant':
      return row.variantName;
    case 'policy':
      return row.policy;
    case 'abc':
      return row.abc;
    case 'xyz':
      return row.xyz;
  }
}

/** names sorted as the page's language sorts them, numbers inside by value ("store 2" before "store 10") */
const collator = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });
/** classes sort A, B, C (X, Y, Z) then '–', which is no class */
const classRank = (value: string) => (value === '–' ? 1 : 0);

/**
 * The rows the table shows, filtered then sorted. KPI columns sort by the mean, rows without one (the
 * KPI does not apply) last in either direction; ties keep the scenario's order, so a sort is stable
 * and the same every time.
 */
export function queryRows(rows: readonly StockPointRow[], query: TableQuery): StockPointRow[] {
  const search = query.search.trim().toLowerCase();
  const shown = rows.filter(
    (row) =>
      (search === '' || row.searchText.includes(search)) &&
      (query.node === null || row.node === query.node) &&
      (query.product === null || row.product === query.product) &&
      (query.variant === null || row.variantId === query.variant) &&
      (query.abc === null || row.abc === query.abc) &&
      (query.xyz === null || row.xyz === query.xyz) &&
      (query.fillRateBelow === null || (row.kpis.fillRate.mean !== null && row.kpis.fillRate.mean < query.fillRateBelow)),
  );
  const sort = query.sort;
  if (sort === null) return shown;
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const { column } = sort;
  if (isKpiColumn(column)) {
    return shown.sort((a, b) => {
      const va = a.kpis[column].mean;
      const vb = b.kpis[column].mean;
      if (va === null || vb === null) return va === vb ? a.index - b.index : va === null ? 1 : -1;
      return sign * (va - vb) || a.index - b.index;
    });
  }
  return shown.sort((a, b) => {
    const ta = textOf(a, column);
    const tb = textOf(b, column);
    if (column === 'abc' || column === 'xyz') {
      const rank = classRank(ta) - classRank(tb);
      if (rank !== 0) return rank;
    }
    return sign * collator.compare(ta, tb) || a.index - b.index;
  });
}
