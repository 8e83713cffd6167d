import type { Scenario } from '../scenario/schema.ts';
import { idsOf, stockPointKey } from '../scenario/references.ts';
import { dailyDemandMoments } from '../model/demandMoments.ts';

/**
 * ABC and XYZ classes of the stock points, for the web app's per-SKU results table: which stock
 * points carry the revenue (ABC), and how erratic their daily demand is (XYZ). Both are properties of
 * the stock point, read from the scenario's demand model, not from a run: the same in every policy
 * variant, so a policy that loses sales cannot demote an item, and "the A items below 95%" means the
 * same rows whichever variant one looks at.
 */

/** A: the top of the revenue; B: the next; C: the rest; '–': no revenue of its own (no price, or no customers). */
export type AbcClass = 'A' | 'B' | 'C' | '–';
/** X: steady daily demand; Y: variable; Z: erratic; '–': no customer demand of its own to measure. */
export type XyzClass = 'X' | 'Y' | 'Z' | '–';

/**
 * The ABC convention: ranked by revenue, the stock points that bring the cumulative share up to 80%
 * are A, those up to 95% B, the rest C: the Pareto A-B-C classification by annual dollar usage
 * (demand × unit value; Silver, Pyke & Thomas, *Inventory and Production Management in Supply
 * Chains*), the value here being the selling price, as issue 14 asks for revenue.
 */
export const ABC_SHARES = { A: 0.8, B: 0.95 } as const;

/**
 * The XYZ convention on the coefficient of variation (sd / mean) of daily demand: X below 0.5, Y from
 * 0.5 to 1.0, Z above 1.0, the thresholds practitioners' XYZ analyses commonly use (and issue 14
 * fixes).
 */
export const XYZ_LIMITS = { X: 0.5, Y: 1.0 } as const;

/** The mean and variance of one stock point's daily customer demand, as the scenario writes it. */
export interface DemandMoments {
  mean: number;
  variance: number;
}

/** What the classes are made of, per stock point. */
export interface StockPointClass {
  abc: AbcClass;
  xyz: XyzClass;
  /** expected revenue per day: mean daily demand × price (null: no price, or no customer demand here) */
  revenuePerDay: number | null;
  /** coefficient of variation of daily demand (null: no customer demand here, or a mean of 0) */
  cv: number | null;
}

/**
 * Each stock point's daily customer demand, by `stockPointKey(node, product)`, computed as the engine
 * does for its service-target policies (src/model/build.ts): `arrivals` is a compound Poisson process
 * (mean λ·E[q], variance λ·E[q²]; with one unit per customer the CV is 1/√λ), `perPeriod` the moments of
 * its quantity distribution, a `history` its sample mean and variance (n − 1). Seasonality, trend,
 * shocks and churn are left out: they are planned swings, and XYZ measures the randomness around the
 * plan. Entries for the same stock point add (independent streams: variances add). An online zone's
 * demand goes to the stock point of its nearest warehouse, which serves it. A stock point that only
 * restocks others (a warehouse) has no entry: its demand is other stock points' orders, not customers'.
 * A history still read from a CSV file (not yet replaced by its numbers) is left out.
 */
export function demandMoments(scenario: Pick<Scenario, 'demand' | 'fulfilment'>): Map<string, DemandMoments> {
  const nearestWarehouse = new Map(scenario.fulfilment.map((entry) => [entry.zone, entry.from[0]?.warehouse]));
  const moments = new Map<string, DemandMoments>();
  for (const entry of scenario.demand) {
    const entryMoments = dailyDemandMoments(entry);
    if (entryMoments === null) continue;
    const { mean, variance } = entryMoments;
    for (const node of idsOf(entry.node)) {
      const servedFrom = nearestWarehouse.get(node) ?? node;
      for (const product of idsOf(entry.product)) {
        const key = stockPointKey(servedFrom, product);
        const sum = moments.get(key) ?? { mean: 0, variance: 0 };
        moments.set(key, { mean: sum.mean + mean, variance: sum.variance + variance });
      }
    }
  }
  return moments;
}

/** The XYZ class of a coefficient of variation (null: no demand to measure). */
export function xyzClass(cv: number | null): XyzClass {
  if (cv === null || !Number.isFinite(cv)) return '–';
  if (cv < XYZ_LIMITS.X) return 'X';
  return cv <= XYZ_LIMITS.Y ? 'Y' : 'Z';
}

/**
 * The ABC classes of values of revenue, in the order given (null: no revenue, '–'). Ranked from the
 * largest, a stock point is A while the share of revenue before it is under 80% (so the first one is
 * always A, even when it alone makes 90%), B while under 95%, C after; ties keep their order. When
 * nothing sells at a price (total 0), every priced stock point is C.
 */
export function abcClasses(revenues: readonly (number | null)[]): AbcClass[] {
  const classes: AbcClass[] = revenues.map((revenue) => (revenue === null ? '–' : 'C'));
  const total = revenues.reduce<number>((sum, revenue) => sum + (revenue ?? 0), 0);
  if (!(total > 0)) return classes;
  const ranked = revenues.flatMap((revenue, i) => (revenue === null ? [] : [{ revenue, i }])).sort((a, b) => b.revenue - a.revenue || a.i - b.i);
  let before = 0;
  for (const { revenue, i } of ranked) {
    const share = before / total;
    classes[i] = share < ABC_SHARES.A ? 'A' : share < ABC_SHARES.B ? 'B' : 'C';
    before += revenue;
  }
  return classes;
}

/**
 * The ABC and XYZ class of each of the scenario's stock points, by `stockPointKey(node, product)`.
 * ABC ranks the expected revenue per day (mean daily demand × the product's price) of the stock
 * points that have customers and a price; the others are '–'.
 */
export function stockPointClasses(scenario: Pick<Scenario, 'demand' | 'fulfilment' | 'products' | 'stockPoints'>): Map<string, StockPointClass> {
  const moments = demandMoments(scenario);
  const price = new Map(scenario.products.map((product) => [product.id, product.price]));
  // an entry may name several nodes and products: one stock point per pair, each counted once
  const points = [...new Map(scenario.stockPoints.flatMap((entry) => idsOf(entry.node).flatMap((node) => idsOf(entry.product).map((product) => [stockPointKey(node, product), product] as const)))).entries()];
  const keys = points.map(([key]) => key);
  const facts = points.map(([key, product]) => {
    const demand = moments.get(key);
    const unitPrice = price.get(product);
    return {
      revenuePerDay: demand !== undefined && unitPrice !== undefined ? demand.mean * unitPrice : null,
      cv: demand !== undefined && demand.mean > 0 ? Math.sqrt(demand.variance) / demand.mean : null,
    };
  });
  const abc = abcClasses(facts.map((fact) => fact.revenuePerDay));
  return new Map(keys.map((key, i) => [key, { abc: abc[i], xyz: xyzClass(facts[i].cv), ...facts[i] }]));
}
