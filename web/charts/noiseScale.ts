import * as d3 from 'd3';

/**
 * Scales that never turn noise into a difference (issue 16, shared/UX.md: "scales and colour domains
 * account for the intervals"). Pure functions of means and 95% half-widths, so the rules are tested
 * apart from the drawing (test/web/noiseScale.test.ts).
 */

/** A mean with its 95% half-width (null: one replication, no interval). */
export interface Estimate {
  mean: number;
  halfWidth: number | null;
}

/**
 * An axis never spans fewer than this many of the largest 95% half-width. Two points whose intervals
 * just touch (means 2 half-widths apart, the edge of "could be the same") are then at most a third of
 * the axis apart, and one whisker covers at most a third of it: an axis spread over the means alone
 * (940–960 filling the plot) would put two points that are within each other's noise at opposite edges.
 */
export const MIN_SPAN_HALF_WIDTHS = 6;

/** Room left on each side of the whiskers, as a share of the span they cover. */
const PAD = 0.08;

/**
 * The domain of an axis showing estimates with whiskers: it covers every whisker (mean ± half-width)
 * with a little room, and spans at least MIN_SPAN_HALF_WIDTHS × the largest half-width, widened about
 * the whiskers' middle. Kept within [lower, upper] (rates in [0, 1], costs ≥ 0) when the data are,
 * by sliding the window rather than shrinking it. Without any interval (one replication) it pads the
 * means' extent by 12% (or a little around a single value).
 */
export function intervalDomain(estimates: Estimate[], lower = -Infinity, upper = Infinity): [number, number] {
  const values = estimates.flatMap((e) => (e.halfWidth === null ? [e.mean] : [e.mean - e.halfWidth, e.mean + e.halfWidth]));
  if (values.length === 0) return [0, 1];
  const [min, max] = d3.extent(values) as [number, number];
  const widest = Math.max(0, ...estimates.map((e) => e.halfWidth ?? 0));
  const span = max - min;
  let from: number;
  let to: number;
  if (widest > 0) {
    const wanted = Math.max(span * (1 + 2 * PAD), MIN_SPAN_HALF_WIDTHS * widest);
    const middle = (min + max) / 2;
    [from, to] = [middle - wanted / 2, middle + wanted / 2];
  } else {
    const pad = span > 0 ? span * 0.12 : Math.abs(max) * 0.05 || 1;
    [from, to] = [min - pad, max + pad];
  }
  // slide inside the bounds the data respect, then cut what still does not fit
  if (min >= lower && from < lower) [from, to] = [lower, to + (lower - from)];
  if (max <= upper && to > upper) [from, to] = [from - (to - upper), upper];
  if (min >= lower) from = Math.max(lower, from);
  if (max <= upper) to = Math.min(upper, to);
  return from === to ? [from - 1, to + 1] : [from, to];
}

/**
 * The fewest colour steps a heatmap's colours span, each one typical half-width wide: a spread within
 * the noise then takes a quarter of the ramp at most, never all of it.
 */
export const MIN_COLOR_SPAN_STEPS = 4;
/** Above this many steps of one half-width, the colours are continuous (the noise is small beside the spread). */
export const MAX_COLOR_STEPS = 12;

export interface NoiseColorScale {
  /** the values the colours span, low to high */
  domain: [number, number];
  /** the cells' typical 95% half-width (the median); null when no cell has an interval */
  noise: number | null;
  /** the colour steps' edges, low to high (domain included); null when the colours are continuous */
  steps: number[] | null;
  /** where a value sits on the colour ramp, 0 (low) to 1 (high) */
  position: (value: number) => number;
}

/**
 * The colour rule of the sweep heatmap. A colour ramp spread over the cells' means alone makes any
 * spread look large: 946 to 960 EUR with ± 15 EUR intervals would run from the darkest to the lightest
 * colour. So, with h the cells' typical (median) 95% half-width:
 * - the colours span max(spread of the means, MIN_COLOR_SPAN_STEPS × h): a spread within the noise
 *   uses only part of the ramp;
 * - they change in steps of h, counted from the best cell (the lowest for a cost, the highest for a
 *   service; the lowest for a neutral KPI): cells within h of the best share its colour, so the eye
 *   sees no difference that the intervals do not support;
 * - past MAX_COLOR_STEPS steps the spread dwarfs the noise and the ramp is continuous over the means.
 * With no interval (one replication) the ramp is continuous over the means, as before.
 */
export function noiseColorScale(estimates: Estimate[], better: 'higher' | 'lower' | null): NoiseColorScale {
  const means = estimates.map((e) => e.mean);
  let [low, high] = (means.length > 0 ? d3.extent(means) : [0, 1]) as [number, number];
  const widths = estimates.flatMap((e) => (e.halfWidth !== null && e.halfWidth > 0 ? [e.halfWidth] : []));
  const noise = widths.length > 0 ? d3.median(widths)! : null;
  const continuous = (from: number, to: number, noiseValue: number | null): NoiseColorScale => {
    if (from === to) [from, to] = [from - 1, to + 1];
    return { domain: [from, to], noise: noiseValue, steps: null, position: (v) => clamp01((v - from) / (to - from)) };
  };
  if (noise === null) return continuous(low, high, null);
  const spread = high - low;
  const count = Math.max(MIN_COLOR_SPAN_STEPS, Math.ceil(spread / noise - 1e-9));
  if (count > MAX_COLOR_STEPS) return continuous(low, high, noise);
  // the steps counted from the best end; the span is whole steps
  const span = count * noise;
  if (better === 'higher') low = high - span;
  else high = low + span;
  const steps = d3.range(count + 1).map((k) => low + k * noise);
  steps[count] = high;
  const position = (v: number): number => {
    // the step a value falls in, counted from the best end, each step one colour (its middle)
    const fromBest = Math.min(count - 1, Math.floor((better === 'higher' ? high - v : v - low) / noise + 1e-9));
    const k = better === 'higher' ? count - 1 - fromBest : fromBest;
    return clamp01((Math.max(0, k) + 0.5) / count);
  };
  return { domain: [low, high], noise, steps, position };
}

const clamp01 = (value: number): number => Math.min(1, Math.max(0, value));
