import { describe, expect, it } from 'vitest';
import { drawWindows } from '../../src/model/occurrences.ts';
import { aleaStream, type RandomStream } from '../../src/random/streams.ts';

/** A stream that returns `values` in order, and fails the test if asked for more. */
function scripted(values: number[]): RandomStream {
  let next = 0;
  return () => {
    if (next >= values.length) throw new Error(`the stream was asked for draw ${next + 1}, only ${values.length} scripted`);
    return values[next++];
  };
}

/** The uniform that makes an exponential gap of `days` when the mean gap is one day: 1 − e^−days. */
const gapOf = (days: number) => -Math.expm1(-days);

describe('drawWindows: the windows an occurrence is active in during [0, horizon)', () => {
  it('takes a scheduled window as written when it starts before the horizon, and drops it from the horizon on', () => {
    const scheduled = { type: 'scheduled', start: 4, end: 9 } as const;
    const never = scripted([]);
    expect(drawWindows(scheduled, 10, never)).toEqual([{ start: 4, end: 9 }]);
    // past the horizon, even when it would end inside a longer run
    expect(drawWindows(scheduled, 3, never)).toEqual([]);
    // the horizon is open: a window starting at day 4 of a 4-day run never begins
    expect(drawWindows(scheduled, 4, never)).toEqual([]);
    expect(drawWindows(scheduled, 4.000001, never)).toEqual([{ start: 4, end: 9 }]);
  });

  it('draws random starts as a Poisson process (exponential gaps of 365 / ratePerYear days), each with its drawn duration', () => {
    // ratePerYear 365: a mean gap of one day; gaps of 2, 3 then 10 days: starts at 2 and 5, then 15 >= 10 ends it
    const windows = drawWindows({ type: 'random', ratePerYear: 365, duration: { type: 'constant', value: 0.5 } }, 10, scripted([gapOf(2), gapOf(3), gapOf(10)]));
    expect(windows).toHaveLength(2);
    expect(windows[0].start).toBeCloseTo(2, 12);
    expect(windows[0].end).toBeCloseTo(2.5, 12);
    expect(windows[1].start).toBeCloseTo(5, 12);
    expect(windows[1].end).toBeCloseTo(5.5, 12);
    // the same gaps at half the rate are twice as long: one start, at day 4
    const slower = drawWindows({ type: 'random', ratePerYear: 182.5, duration: { type: 'constant', value: 1 } }, 10, scripted([gapOf(2), gapOf(3)]));
    expect(slower).toHaveLength(1);
    expect(slower[0].start).toBeCloseTo(4, 12);
    expect(slower[0].end).toBeCloseTo(5, 12);
  });

  it('draws nothing in an empty run: a first start at day 0 of a 0-day horizon is not inside it', () => {
    // a gap of exactly 0 (u = 0) lands on the horizon itself
    expect(drawWindows({ type: 'random', ratePerYear: 365, duration: { type: 'constant', value: 1 } }, 0, scripted([0]))).toEqual([]);
  });

  it('never draws a negative duration: a normal duration is drawn from its non-negative part', () => {
    // mean 0, sd 1: without the truncation half the windows would end before they start, and with a
    // clamp at 0 instead, half would last no time at all
    const windows = drawWindows({ type: 'random', ratePerYear: 3650, duration: { type: 'normal', mean: 0, sd: 1 } }, 100, aleaStream('occurrences'));
    expect(windows.length).toBeGreaterThan(800);
    expect(windows.every((w) => w.end > w.start)).toBe(true);
    for (const [i, w] of windows.entries()) {
      expect(w.start).toBeLessThan(100);
      if (i > 0) expect(w.start).toBeGreaterThan(windows[i - 1].start);
    }
  });
});
