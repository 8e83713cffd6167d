import type { Policy as PolicySpec } from '../../scenario/schema.ts';
import type { Policy, PolicyContext, PolicyState } from './policy.ts';

export type ForecastSpec = Extract<PolicySpec, { type: 'forecast' }>;

/**
 * Smoothing constant for the forecast errors' mean square: fixed and slow (about the last 20
 * periods' weight) so that safety stock does not swing with every period, whatever the demand
 * forecast's own alpha or window.
 */
const ERROR_SMOOTHING = 0.1;

/**
 * Forecast-driven order-up-to, reviewed every R days: the target is the demand forecast over the risk
 * period L + R plus a safety stock, and each review orders up to it.
 *
 *   target = forecastPerDay * (L + R) + safetyFactor * sigmaPerDay * sqrt(L + R)
 *
 * with L the mean lead time from the context (Silver, Pyke & Thomas, *Inventory and Production
 * Management in Supply Chains*, 4th ed., 2017, ch. 4 for the forecasts and their errors, ch. 6 for the
 * order-up-to level). The sqrt(L + R) scaling treats daily errors as independent, the usual textbook
 * approximation; it understates risk when forecast errors are autocorrelated.
 *
 * At each review the rule observes `demandSinceReview` (R days of demand; the stock point resets it
 * after the review, so `orderQuantity` must be called exactly once per review) and updates:
 * - the forecast per day: a moving average of the last p periods' demand per day, or exponential
 *   smoothing with alpha. Both start from the context's mean demand, so the first target is sensible
 *   (the moving-average window starts full of that mean, and forgets it after p reviews);
 * - the forecast error: the exponentially smoothed square of (period demand - R * previous forecast),
 *   started at R * the context's daily variance; sigmaPerDay = sqrt(that / R). Mean squared error
 *   rather than 1.25 * MAD, so no normality is assumed. A bias (a trend or a step the forecast has not
 *   caught up with) counts as error, raising safety stock while it lasts.
 *
 * The first review is one period after day 0, so every observation covers a full period.
 */
export class ForecastRule implements Policy {
  readonly type = 'forecast';
  readonly reviewPeriod: number;
  readonly firstReview: number;
  readonly reorderPoint = null;
  readonly defaultInitialOnHand: number;
  /** periodic: asked at reviews only */
  readonly quietAbove = Infinity;

  private readonly riskPeriod: number;
  private readonly safetyFactor: number;
  private readonly allowReturns: boolean;
  /** exponential smoothing constant; unused for a moving average */
  private readonly alpha: number;
  /** the last p periods' demand per day (moving average), or null for exponential smoothing */
  private readonly window: Float64Array | null;
  private windowNext = 0;
  private forecast: number;
  private meanSquaredError: number;
  private target: number;

  constructor(spec: ForecastSpec, context: PolicyContext) {
    this.reviewPeriod = spec.reviewPeriod;
    this.firstReview = spec.reviewPeriod;
    this.riskPeriod = context.leadTime.mean + spec.reviewPeriod;
    this.safetyFactor = spec.safetyFactor;
    this.allowReturns = spec.allowReturns;
    this.forecast = context.demandPerDay.mean;
    this.meanSquaredError = spec.reviewPeriod * context.demandPerDay.variance;
    if (spec.method.type === 'movingAverage') {
      this.alpha = 0;
      this.window = new Float64Array(spec.method.periods).fill(context.demandPerDay.mean);
    } else {
      this.alpha = spec.method.alpha;
      this.window = null;
    }
    this.target = this.targetLevel();
    this.defaultInitialOnHand = Math.max(0, this.target);
  }

  /** the current order-up-to level; it moves with the forecast */
  get orderUpTo(): number {
    return this.target;
  }

  /** the current forecast of demand per day */
  get forecastPerDay(): number {
    return this.forecast;
  }

  /** the current estimate of the standard deviation of one day's forecast error */
  get sigmaPerDay(): number {
    return Math.sqrt(this.meanSquaredError / this.reviewPeriod);
  }

  orderQuantity(state: PolicyState): number {
    const periodDemand = state.demandSinceReview;
    const error = periodDemand - this.reviewPeriod * this.forecast;
    this.meanSquaredError += ERROR_SMOOTHING * (error * error - this.meanSquaredError);

    const observedPerDay = periodDemand / this.reviewPeriod;
    const window = this.window;
    if (window === null) {
      this.forecast += this.alpha * (observedPerDay - this.forecast);
    } else {
      window[this.windowNext] = observedPerDay;
      this.windowNext = (this.windowNext + 1) % window.length;
      // summed afresh each review (p is small) so no rounding drift builds up over long runs
      let sum = 0;
      for (let i = 0; i < window.length; i++) sum += window[i];
      this.forecast = sum / window.length;
    }

    this.target = this.targetLevel();
    const order = this.target - state.inventoryPosition;
    return order > 0 || this.allowReturns ? order : 0;
  }

  private targetLevel(): number {
    return this.forecast * this.riskPeriod + this.safetyFactor * this.sigmaPerDay * Math.sqrt(this.riskPeriod);
  }
}
