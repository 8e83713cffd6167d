/** The fit chart's bins (web/import/fitBins.ts): the history's shares and the model's mass per bin. */
import { describe, expect, test } from 'vitest';
import { fitBins, niceWidth } from '../../web/import/fitBins.ts';

describe('fitBins', () => {
  test('small counts: one bin per unit, shares of days, the model out to its 99.5th percentile', () => {
    // 10 days: 4 with 0 units, 4 with 1, 2 with 3
    const bins = fitBins({ values: [0, 1, 3], days: [4, 4, 2] }, { type: 'constant', value: 1 });
    expect(bins.map((b) => [b.from, b.to, b.days, b.observed, b.model])).toEqual([
      [0, 0, 4, 0.4, 0],
      [1, 1, 4, 0.4, 1],
      [2, 2, 0, 0, 0],
      [3, 3, 2, 0.2, 0],
    ]);
  });

  test('the bins reach past the history where the model has mass there', () => {
    const bins = fitBins({ values: [0, 1], days: [5, 5] }, { type: 'poisson', mean: 3 });
    // Poisson(3): P(X ≤ 9) ≈ 0.9989 ≥ 0.995, P(X ≤ 8) ≈ 0.9962 ≥ 0.995, P(X ≤ 7) ≈ 0.9881
    expect(bins[bins.length - 1].to).toBe(8);
    expect(bins.reduce((a, b) => a + (b.model ?? 0), 0)).toBeGreaterThan(0.995);
  });

  test('large values: 0 alone, then bins of a nice width from 1', () => {
    const bins = fitBins({ values: [0, 10, 95], days: [1, 1, 2] }, null, 12);
    // 95 units over 11 bins after 0: width 10 (95 / 11 ≈ 8.6, rounded up to 10)
    expect(bins.slice(0, 3).map((b) => [b.from, b.to])).toEqual([
      [0, 0],
      [1, 10],
      [11, 20],
    ]);
    expect(bins[1].days).toBe(1);
    expect(bins.find((b) => b.from <= 95 && 95 <= b.to)!.observed).toBe(0.5);
    expect(bins.every((b) => b.model === null)).toBe(true);
  });

  test('units not whole are rounded to the nearest unit', () => {
    const bins = fitBins({ values: [0.4, 1.6], days: [1, 3] }, null);
    expect(bins.map((b) => b.days)).toEqual([1, 0, 3]);
  });

  test('niceWidth: 1, 2, 5, 10, 20, 50…', () => {
    expect([0.5, 1, 1.5, 3, 8.6, 11, 49, 51].map(niceWidth)).toEqual([1, 1, 2, 5, 10, 20, 50, 100]);
  });
});
