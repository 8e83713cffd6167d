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
  // Overlapping windows of a shock multiply (a day in two windows of a ×3 shock has ×9). The windows
  // covering each day are counted in one pass over the windows and one over the days (a difference
  // array), so 10^5 windows of 30 days cost no more than their number; a day in k windows is then
  // multiplied k times, as a window at a time did (the same result to the bit), by squaring beyond
  // EXACT_REPEATS (where demand is beyond any real use anyway).
  const covering = shocks.some((shock) => shock.multiplier !== 1 && shock.windows.length > 0) ? new Float64Array(days + 1) : null;
  for (const shock of shocks) {
    if (shock.multiplier === 1 || shock.windows.length === 0 || covering === null) continue;
    covering.fill(0);
    for (const window of shock.windows) {
      const first = Math.max(0, Math.ceil(window.start));
      const end = Math.min(days, Math.ceil(window.end));
      if (first >= end) continue;
      covering[first]++;
      covering[end]--;
    }
    let k = 0;
    for (let day = 0; day < days; day++) {
      k += covering[day];
      if (k <= 0) continue;
      if (k <= EXACT_REPEATS) for (let j = 0; j < k; j++) profile[day] *= shock.multiplier;
      else profile[day] *= power(shock.multiplier, k);
    }
  }
  return profile;
}

/** Up to this many windows over a day, its multiplier is applied once per window (as it always was). */
const EXACT_REPEATS = 64;

/** base^k for a whole k >= 1 by squaring, in plain multiplications (the same on every engine, unlike Math.pow). */
function power(base: number, k: number): number {
  let result = 1;
  let square = base;
  for (let e = k; e > 0; e = Math.floor(e / 2)) {
    if (e % 2 === 1) result *= square;
    square *= square;
  }
  return result;
}

/** cumulative[d] = sum of profile[0..d-1]: expected demand over whole days in O(1). */
export function cumulativeProfile(profile: Float64Array | null, days: number): Float64Array {
  const cumulative = new Float64Array(days + 1);
  for (let day = 0; day < days; day++) cumulative[day + 1] = cumulative[day] + (profile ? profile[day] : 1);
  return cumulative;
}
