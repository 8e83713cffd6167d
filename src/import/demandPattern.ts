import { log } from '../math/libm.ts';
import { weekdayOf, type DayNumber } from './dates.ts';

/**
 * Weekly and yearly patterns of a SKU's demand, kept only where the history is long enough and the
 * pattern earns its parameters: a pattern of g groups (7 weekdays, 12 months) is kept when its AIC,
 * with normal errors around each group's mean, beats a single mean: n ln(σ²₁ / σ²_g) > 2 (g - 1),
 * σ² being the maximum-likelihood residual variances (Akaike 1974, as in fitDemand.ts). A weekly
 * pattern needs 8 weeks of open days; a yearly one two years of history (with one year, a season
 * cannot be told from a trend).
 *
 * Multipliers are each group's mean over the overall mean (closed days left out): the scenario's
 * `seasonality.weekly` (Monday first) and `seasonality.yearly` (January first).
 */
export const MIN_WEEKS_FOR_WEEKLY = 8;
export const MIN_DAYS_FOR_YEARLY = 730;

export interface DemandPattern {
  weekly: number[] | null;
  yearly: number[] | null;
  /** why each pattern was kept or not, for the report */
  notes: string[];
}

/** The pattern of `values` observed on `days` (open days with known demand). */
export function findPattern(values: ArrayLike<number>, days: ArrayLike<DayNumber>, spanDays: number): DemandPattern {
  const notes: string[] = [];
  const n = values.length;
  let weekly: number[] | null = null;
  let yearly: number[] | null = null;
  if (spanDays >= 7 * MIN_WEEKS_FOR_WEEKLY && n >= 28) {
    weekly = groupPattern(values, days, 7, weekdayOf);
    notes.push(weekly ? 'weekly pattern: kept (lower AIC than a flat week)' : 'weekly pattern: none (a flat week has the lower AIC)');
  } else notes.push(`weekly pattern: not sought (${spanDays} days, ${n} of them open with known demand; it needs ${MIN_WEEKS_FOR_WEEKLY} weeks)`);
  if (spanDays >= MIN_DAYS_FOR_YEARLY) {
    yearly = groupPattern(values, days, 12, monthOf);
    notes.push(yearly ? 'yearly pattern: kept (lower AIC than a flat year)' : 'yearly pattern: none (a flat year has the lower AIC)');
  } else notes.push(`yearly pattern: not sought (${spanDays} days of history; it needs two years)`);
  return { weekly, yearly, notes };
}

/**
 * 0 (January) … 11 of a day number, by arithmetic rather than a Date per call (a fit asks it of every
 * day of every SKU): H. Hinnant's civil_from_days (chrono-Compatible Low-Level Date Algorithms).
 */
export function monthOf(day: DayNumber): number {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shifted = Math.floor((5 * dayOfYear + 2) / 153); // 0 is March
  return shifted < 10 ? shifted + 2 : shifted - 10;
}

/** Each group's mean over the overall mean when the grouping earns its AIC, else null. */
function groupPattern(values: ArrayLike<number>, days: ArrayLike<DayNumber>, groups: number, groupOf: (day: DayNumber) => number): number[] | null {
  const n = values.length;
  const sums = new Array<number>(groups).fill(0);
  const counts = new Array<number>(groups).fill(0);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const g = groupOf(days[i]);
    sums[g] += values[i];
    counts[g]++;
    total += values[i];
  }
  const mean = total / n;
  if (mean <= 0) return null;
  const used = counts.filter((c) => c > 0).length;
  if (used < 2) return null;
  let flat = 0;
  let grouped = 0;
  for (let i = 0; i < n; i++) {
    const g = groupOf(days[i]);
    flat += (values[i] - mean) ** 2;
    grouped += (values[i] - sums[g] / counts[g]) ** 2;
  }
  if (grouped <= 0) return sums.map((s, g) => (counts[g] > 0 ? s / counts[g] / mean : 1));
  const gain = n * log(flat / grouped);
  if (!(gain > 2 * (used - 1))) return null;
  // a group never observed (a weekday always closed) gets 1 here; closed days are set apart
  return sums.map((s, g) => (counts[g] > 0 ? s / counts[g] / mean : 1));
}
