import type { ExperimentResult, KpiSummaries } from '../../src/experiment/replicate.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { breakdownRows } from '../../src/experiment/breakdown.ts';
import { stockPointClasses, type AbcClass, type XyzClass } from '../../src/experiment/abcXyz.ts';
import { stockPointKey } from '../../src/scenario/references.ts';

/**
 * One row of the per-SKU results table: a stock point in a policy variant, in the order and with the
 * figures of `breakdownRows(result, 'stock-point')` (what `stocklab run --by stock-point` prints), plus
 * what the table needs to show, filter and link it: the names people read, its ABC and XYZ classes,
 * and where its inventory chart is.
 */
export interface StockPointRow {
  /** its position in breakdownRows' order (and its line in the CSV) */
  index: number;
  variantIndex: number;
  /** its index in the variant's stock points (and daily series) */
  pointIndex: number;
  variantId: string;
  variantName: string;
  node: string;
  nodeName: string;
  product: string;
  productName: string;
  policy: string;
  reorderPoint: number | null;
  orderUpTo: number | null;
  abc: AbcClass;
  xyz: XyzClass;
  revenuePerDay: number | null;
  cv: number | null;
  kpis: KpiSummaries;
  /** node and product, ids and names, lower-cased: what the search box matches */
  searchText: string;
}

/**
 * The rows of a result, classes from the scenario's demand model. A stock point a variant adds (its
 * `set` changing the network) is not in the scenario's demand model: its classes are '–'.
 */
export function stockPointRows(result: ExperimentResult, scenario: Pick<Scenario, 'demand' | 'fulfilment' | 'products' | 'stockPoints' | 'nodes'>): StockPointRow[] {
  const classes = stockPointClasses(scenario);
  const nodeName = new Map(scenario.nodes.map((node) => [node.id, node.name ?? node.id]));
  const productName = new Map(scenario.products.map((product) => [product.id, product.name ?? product.id]));
  const variantIndex = new Map(result.variants.map((variant, i) => [variant.id, i]));
  const counted = new Map<string, number>();
  return breakdownRows(result, 'stock-point').map((row, index): StockPointRow => {
    const node = row.node!;
    const product = row.product!;
    const v = variantIndex.get(row.variant)!;
    const pointIndex = counted.get(row.variant) ?? 0;
    counted.set(row.variant, pointIndex + 1);
    const facts = classes.get(stockPointKey(node, product));
    const names = { nodeName: nodeName.get(node) ?? node, productName: productName.get(product) ?? product };
    return {
      index,
      variantIndex: v,
      pointIndex,
      variantId: row.variant,
      variantName: result.variants[v].name,
      node,
      product,
      ...names,
      policy: row.policy!,
      reorderPoint: row.reorderPoint ?? null,
      orderUpTo: row.orderUpTo ?? null,
      abc: facts?.abc ?? '–',
      xyz: facts?.xyz ?? '–',
      revenuePerDay: facts?.revenuePerDay ?? null,
      cv: facts?.cv ?? null,
      kpis: row.kpis,
      searchText: [node, names.nodeName, product, names.productName].join('\n').toLowerCase(),
    };
  });
}
