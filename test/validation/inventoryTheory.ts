/**
 * Closed forms of the single-location models with Poisson demand and backorders, for checking the
 * simulation against theory.
 *
 * Base stock S, unit Poisson demand of rate lambda, constant lead time L (Zipkin, *Foundations of
 * Inventory Management*, 2000, ch. 6, the one-for-one model; Axsäter, *Inventory Control*, 3rd ed.,
 * 2015, ch. 5): the units on order at time t are the demand of (t - L, t], D ~ Poisson(lambda L), so
 * on hand = (S - D)+ and backorders = (D - S)+. An arriving customer is served from stock exactly when
 * D <= S - 1, and Poisson arrivals see time averages (PASTA), so
 *   fill rate = P(D <= S - 1),  E[on hand] = sum over d < S of (S - d) p(d),  E[backorders] = E[(D - S)+].
 *
 * (r, Q) with unit demand: the inventory position is uniform on r+1, ..., r+Q and independent of the
 * lead-time demand, so each measure is the average of the base-stock measure over S = r+1..r+Q
 * (Zipkin 2000, ch. 6; Axsäter 2015, ch. 5).
 */

export interface StockMeasures {
  fillRate: number;
  avgOnHand: number;
  avgBackorders: number;
}

/** P(D = 0..n) for D ~ Poisson(mean), by the recurrence p(k) = p(k - 1) mean / k. */
export function poissonPmf(mean: number, n: number): number[] {
  const p = [Math.exp(-mean)];
  for (let k = 1; k <= n; k++) p.push((p[k - 1] * mean) / k);
  return p;
}

/** Base stock S against Poisson(leadTimeDemand) lead-time demand. */
export function baseStockPoisson(level: number, leadTimeDemand: number): StockMeasures {
  const p = poissonPmf(leadTimeDemand, Math.max(level, 0));
  let cdfBelowLevel = 0; // P(D <= S - 1)
  let expectedOnHand = 0; // sum over d < S of (S - d) p(d)
  for (let d = 0; d < level; d++) {
    cdfBelowLevel += p[d];
    expectedOnHand += (level - d) * p[d];
  }
  return {
    fillRate: cdfBelowLevel,
    avgOnHand: expectedOnHand,
    // E[(D - S)+] = E[D] - S + E[(S - D)+]
    avgBackorders: leadTimeDemand - level + expectedOnHand,
  };
}

/** (r, Q): the base-stock measures averaged over S = r+1..r+Q. */
export function rqPoisson(reorderPoint: number, lotSize: number, leadTimeDemand: number): StockMeasures {
  const sum: StockMeasures = { fillRate: 0, avgOnHand: 0, avgBackorders: 0 };
  for (let level = reorderPoint + 1; level <= reorderPoint + lotSize; level++) {
    const m = baseStockPoisson(level, leadTimeDemand);
    sum.fillRate += m.fillRate / lotSize;
    sum.avgOnHand += m.avgOnHand / lotSize;
    sum.avgBackorders += m.avgBackorders / lotSize;
  }
  return sum;
}
