import { describe, expect, it } from 'vitest';
import { canShift, fitWindow, presetOf, shiftWindow, snapWindow, windowAround } from '../../web/charts/timeWindow.ts';

describe('the inventory chart window (web/charts/timeWindow.ts)', () => {
  it('centres a preset on a day, kept inside the run; the whole run when it covers it', () => {
    expect(windowAround(365, 30, 182.5)).toEqual([168, 198]);
    expect(windowAround(365, 30, 2)).toEqual([0, 30]);
    expect(windowAround(365, 30, 364)).toEqual([335, 365]);
    expect(windowAround(60, 90, 30)).toBeNull();
  });

  it('moves by half a window earlier or later and stops at the ends', () => {
    expect(shiftWindow(365, [100, 130], 1)).toEqual([115, 145]);
    expect(shiftWindow(365, [100, 130], -1)).toEqual([85, 115]);
    expect(shiftWindow(365, [5, 35], -1)).toEqual([0, 30]);
    expect(shiftWindow(365, [340, 365], 1)).toEqual([340, 365]);
    expect(canShift(365, [0, 30], -1)).toBe(false);
    expect(canShift(365, [0, 30], 1)).toBe(true);
    expect(canShift(365, [335, 365], 1)).toBe(false);
    expect(canShift(365, null, 1)).toBe(false);
  });

  it('snaps a brushed range to whole days, at least 3 days, and the whole run to null', () => {
    expect(snapWindow(365, 10.4, 40.6)).toEqual([10, 41]);
    expect(snapWindow(365, 40.6, 10.4)).toEqual([10, 41]);
    expect(snapWindow(365, 100.2, 100.9)).toEqual([99, 102]);
    expect(snapWindow(365, -0.2, 365.3)).toBeNull();
  });

  it('names the preset a window matches, and keeps a window valid for a shorter run', () => {
    expect(presetOf(null)).toBeNull();
    expect(presetOf([10, 40])).toBe(30);
    expect(presetOf([10, 41])).toBe('custom');
    expect(fitWindow(100, [300, 330])).toEqual([70, 100]);
    expect(fitWindow(20, [0, 30])).toBeNull();
  });
});
