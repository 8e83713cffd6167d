import type { Seasonality } from '../scenario/schema.ts';
import type { TimeWindow } from './occurrences.ts';

/**
 * The demand rate multiplier of each day: weekly and yearly seasonality, linear trend and shocks,
 * multiplied together. Demand is piecewise constant over a day; a shock affects the days whose start
 * falls in its window [start, end). Returns null when every multiplier is 1, so the hot path can
 * take its fast branch.
 */
export function buildDemandProfile(
  days: number,
  seasonality: Seasonality | undefined,
  trendPerYear: number,
  shocks: ReadonlyArray<{ multiplier: number; windows: TimeWindow[] }>,
  /** the product's demand ends on this day (days from it on have none) */
  endDay = Infinity,
): Float64Array | null {
  const flat =
    !seasonality?.weekly && !seasonality?.yearly && trendPerYear === 0 && shocks.every((s) => s.windows.length === 0 || s.multiplier === 1) && !(endDay < days);
  if (flat) return null;
  const profile = new Float64Array(days);
  for (let day = 0; day < days; day++) {
    let multiplier = 1;
    if (seasonality?.weekly) multiplier *= seasonality.weekly[day % 7];
    if (seasonality?.yearly) multiplier *= seasonality.yearly[Math.floor(((day % 365) * 12) / 365)];
    multiplier *= Math.max(0, 1 + (trendPerYear * day) / 365);
    profile[day] = multiplier;
  }
  for (let day = Math.max(0, Math.ceil(endDay)); day < days; day++) profile[day] = 0;
  for (const shock of shocks) {
    for (const window of shock.windows) {
      for (let day = Math.max(0, Math.ceil(window.start)); day < Math.min(days, window.end); day++) profile[day] *= shock.multiplier;
    }
  }
  return profile;
}

/** cumulative[d] = sum of profile[0..d-1]: expected demand over whole days in O(1). */
export function cumulativeProfile(profile: Float64Array | null, days: number): Float64Array {
  const cumulative = new Float64Array(days + 1);
  for (let day = 0; day < days; day++) cumulative[day + 1] = cumulative[day] + (profile ? profile[day] : 1);
  return cumulative;
}
