/**
 * The bullwhip effect of an order-up-to policy fed by a demand forecast: Var(orders)/Var(demand).
 *
 * The model of F. Chen, Z. Drezner, J. K. Ryan & D. Simchi-Levi (2000), "Quantifying the bullwhip
 * effect in a simple supply chain: the impact of forecasting, lead times, and information",
 * Management Science 46(3), 436–443. Demand is AR(1), D_t = μ + ρ D_{t−1} + ε_t (|ρ| < 1, ε i.i.d.).
 * In each period t the retailer first orders q_t, raising its inventory position to
 * y_t = L·D̂_t + z·σ̂_t, where D̂_t is the forecast of one period's demand from D_{t−1}, D_{t−2}, ...;
 * then it sees and fills the period's demand D_t. So q_t = y_t − y_{t−1} + D_{t−1}. In their timing
 * an order placed at the end of period t is received at the start of period t + L, so y_t covers L
 * periods of demand: their L is the transit time PLUS the review period. In Stocklab's terms, with
 * lead time ℓ days and a review every R days, a period is R days and L = (ℓ + R)/R, matching the
 * ℓ + R days of forecast demand the engine's order-up-to level covers; with daily review L = ℓ + 1.
 */

export interface MovingAverageBullwhipParameters {
  /** Chen et al.'s L: the periods of demand the order-up-to level covers (lead time + review period) */
  leadTimePeriods: number;
  /** p: the forecast is the mean of the last p periods' demand */
  movingAveragePeriods: number;
  /** ρ: the lag-1 autocorrelation of the AR(1) demand, in (−1, 1); 0 for i.i.d. demand */
  demandAutocorrelation?: number;
}

export interface ExponentialSmoothingBullwhipParameters {
  /** L, as for bullwhipLowerBound */
  leadTimePeriods: number;
  /** α in (0, 1]: F_t = α D_{t−1} + (1 − α) F_{t−1} */
  smoothingFactor: number;
}

function checkLeadTime(leadTimePeriods: number): void {
  if (!(leadTimePeriods >= 0 && leadTimePeriods < Infinity)) {
    throw new RangeError(`leadTimePeriods must be a finite number >= 0, got ${leadTimePeriods}`);
  }
}

/**
 * Var(q)/Var(D) >= 1 + (2L/p + 2L²/p²)(1 − ρ^p), Chen, Drezner, Ryan & Simchi-Levi (2000),
 * with a p-period moving-average forecast.
 *
 * It holds with equality when the safety-stock term z·σ̂_t is constant (z = 0, or a known σ): then
 * q_t = (1 + L/p) D_{t−1} − (L/p) D_{t−p−1}, whose variance is exactly this, for i.i.d. (ρ = 0) and
 * AR(1) demand alike. Re-estimating σ each period only adds variance, hence "lower bound".
 */
export function bullwhipLowerBound({
  leadTimePeriods,
  movingAveragePeriods,
  demandAutocorrelation = 0,
}: MovingAverageBullwhipParameters): number {
  checkLeadTime(leadTimePeriods);
  if (!(Number.isInteger(movingAveragePeriods) && movingAveragePeriods >= 1)) {
    throw new RangeError(`movingAveragePeriods must be an integer >= 1, got ${movingAveragePeriods}`);
  }
  if (!(demandAutocorrelation > -1 && demandAutocorrelation < 1)) {
    throw new RangeError(`demandAutocorrelation must be in (-1, 1), got ${demandAutocorrelation}`);
  }
  const ratio = leadTimePeriods / movingAveragePeriods;
  return 1 + (2 * ratio + 2 * ratio * ratio) * (1 - demandAutocorrelation ** movingAveragePeriods);
}

/**
 * Var(q)/Var(D) = 1 + 2αL + 2α²L²/(2 − α) for i.i.d. demand and an exponential-smoothing forecast
 * with constant safety stock: F. Chen, J. K. Ryan & D. Simchi-Levi (2000), "The impact of exponential
 * smoothing forecasts on the bullwhip effect", Naval Research Logistics 47(4), 269–286 (i.i.d.
 * demand). Derivation, for checking: q_t = D_{t−1} + L(F_t − F_{t−1}) = (1 + αL) D_{t−1} − αL F_{t−1}
 * with F_{t−1} independent of D_{t−1} and Var(F) = α Var(D)/(2 − α).
 */
export function exponentialSmoothingBullwhip({
  leadTimePeriods,
  smoothingFactor: alpha,
}: ExponentialSmoothingBullwhipParameters): number {
  checkLeadTime(leadTimePeriods);
  if (!(alpha > 0 && alpha <= 1)) throw new RangeError(`smoothingFactor must be in (0, 1], got ${alpha}`);
  const L = leadTimePeriods;
  return 1 + 2 * alpha * L + (2 * alpha * alpha * L * L) / (2 - alpha);
}
