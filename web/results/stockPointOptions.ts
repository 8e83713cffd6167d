/**
 * What the stock-point picker lists (stockPointPicker.ts), apart from the DOM: the stock points that
 * match what was typed, grouped by location or by product, and capped so that a scenario of 10,000
 * stock points never puts 10,000 options in the page. Pure, so it is tested in Node.
 */

/** A stock point as the picker knows it: its index in the variant's stock points, ids and names. */
export interface PickerPoint {
  index: number;
  node: string;
  product: string;
  nodeName: string;
  productName: string;
}

export type GroupBy = 'location' | 'product';

export interface OptionGroup {
  /** the location's or product's id */
  key: string;
  /** its name (the id when it has none) */
  name: string;
  points: PickerPoint[];
}

export interface PickerList {
  groups: OptionGroup[];
  /** options in the groups (at most the limit) */
  shown: number;
  /** stock points matching the search, shown or not */
  matched: number;
}

/** A point with the lower-case text its search looks in, computed once per scenario, not per keystroke. */
export interface IndexedPoint extends PickerPoint {
  haystack: string;
}

/** The options a picker shows at most at once: enough to scroll, few enough to draw at a keystroke. */
export const OPTION_LIMIT = 100;

/** Stock points (node and product ids, in the variant's order) with the scenario's names. */
export function pickerPoints(points: readonly { node: string; product: string }[], nodeNames: ReadonlyMap<string, string>, productNames: ReadonlyMap<string, string>): IndexedPoint[] {
  return points.map((point, index) => {
    const nodeName = nodeNames.get(point.node) ?? point.node;
    const productName = productNames.get(point.product) ?? point.product;
    // ids and names of both, so "store-03 sku-12" and "Lille beans" both find it
    const haystack = `${point.node}\u0000${nodeName}\u0000${point.product}\u0000${productName}`.toLowerCase();
    return { index, node: point.node, product: point.product, nodeName, productName, haystack };
  });
}

/** Whether a point matches a search: every word typed is part of its location's or product's id or name. */
export function matches(point: IndexedPoint, words: readonly string[]): boolean {
  return words.every((word) => point.haystack.includes(word));
}

export function searchWords(query: string): string[] {
  return query.toLowerCase().split(/\s+/).filter((word) => word.length > 0);
}

/**
 * The options for a search: the matching points grouped by location or by product (groups in the
 * order of their first point, points in the scenario's order within a group), and the first `limit`
 * of them in that order kept (a group cut short keeps its first points).
 */
export function pickerList(points: readonly IndexedPoint[], query: string, groupBy: GroupBy, limit = OPTION_LIMIT): PickerList {
  const words = searchWords(query);
  const groups: OptionGroup[] = [];
  let matched = 0;
  let shown = 0;
  // grouping first, capping after: the groups must take the points in their own order, so "by
  // product" shows the first product's every location before the second product
  const byGroup = new Map<string, IndexedPoint[]>();
  for (const point of points) {
    if (words.length > 0 && !matches(point, words)) continue;
    matched++;
    const key = groupBy === 'location' ? point.node : point.product;
    const list = byGroup.get(key);
    if (list) list.push(point);
    else byGroup.set(key, [point]);
  }
  for (const [key, list] of byGroup) {
    if (shown >= limit) break;
    const kept = list.slice(0, limit - shown);
    shown += kept.length;
    const first = list[0];
    groups.push({ key, name: groupBy === 'location' ? first.nodeName : first.productName, points: kept });
  }
  return { groups, shown, matched };
}

/** What a chosen point reads as: names, location first ("Brand shop / Capsules, box of 10"). */
export function pointName(point: PickerPoint): string {
  return `${point.nodeName} / ${point.productName}`;
}

/** Its ids, as the inventory chart's caption and the command line name it ("shop / capsules"). */
export function pointIds(point: PickerPoint): string {
  return `${point.node} / ${point.product}`;
}
