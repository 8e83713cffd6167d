import type { Distribution } from '../../src/scenario/schema.ts';
import { demandPmf } from './demandPmf.ts';

/**
 * A SKU's history against its fitted model, as the bars and points of the wizard's fit chart: the
 * share of days with each number of units (0, 1, 2… or, past `maxBins` values, bins of 2, 5, 10…
 * units) and the model's probability of the same bin. Days with no demand keep a bin of their own
 * whatever the width, since how often nothing sells is what tells the models apart (Croston's
 * intermittent model, the Poisson). Histories not in whole units are rounded to them, as the fit's
 * likelihood rounds its models.
 */
export interface FitBin {
  /** the bin's units, both ends included */
  from: number;
  to: number;
  /** days of the history in the bin, and their share of all its days */
  days: number;
  observed: number;
  /** the model's probability of the bin; null without a model */
  model: number | null;
}

/** The model's mass past the last bin, at most this: the bins reach the 99.5th percentile. */
const TAIL = 0.005;

export function fitBins(counts: { values: readonly number[]; days: readonly number[] }, distribution: Distribution | null, maxBins = 30): FitBin[] {
  const total = counts.days.reduce((a, b) => a + b, 0);
  const byUnits = new Map<number, number>();
  counts.values.forEach((value, i) => {
    const units = Math.max(0, Math.round(value));
    byUnits.set(units, (byUnits.get(units) ?? 0) + counts.days[i]);
  });
  const observedMax = Math.max(0, ...byUnits.keys());
  // the model's probabilities far enough out to find its 99.5th percentile, which may lie past the history
  const reach = Math.min(100_000, Math.max(20, observedMax * 3));
  const pmf = distribution ? demandPmf(distribution, reach) : null;
  let upTo = observedMax;
  if (pmf) {
    let cumulative = 0;
    for (let k = 0; k < pmf.length; k++) {
      cumulative += pmf[k];
      if (cumulative >= 1 - TAIL) {
        upTo = Math.max(upTo, k);
        break;
      }
    }
  }
  const width = upTo + 1 <= maxBins ? 1 : niceWidth(upTo / (maxBins - 1));
  const bins: FitBin[] = [];
  const add = (from: number, to: number) => {
    let days = 0;
    let model = 0;
    for (let k = from; k <= to; k++) {
      days += byUnits.get(k) ?? 0;
      if (pmf && k < pmf.length) model += pmf[k];
    }
    bins.push({ from, to, days, observed: total > 0 ? days / total : 0, model: pmf ? model : null });
  };
  add(0, 0);
  for (let from = 1; from <= upTo; from += width) add(from, from + width - 1);
  return bins;
}

/** The smallest of 1, 2, 5, 10, 20, 50… at least `raw`. */
export function niceWidth(raw: number): number {
  if (!(raw > 1)) return 1;
  for (let power = 1; ; power *= 10) for (const step of [1, 2, 5]) if (step * power >= raw) return step * power;
}
