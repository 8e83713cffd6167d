import { describe, expect, it } from 'vitest';
import { confidenceHalfWidth, studentTQuantile } from '../../src/metrics/studentT.ts';

describe('studentTQuantile', () => {
  // Two-sided 95% critical values as printed in t tables (4 decimals)
  it.each([
    [1, 12.7062],
    [2, 4.3027],
    [9, 2.2622],
    [29, 2.0452],
    [1000, 1.9623],
  ])('t(0.975, %d) matches the table value %d to 1e-4', (degreesOfFreedom, table) => {
    expect(Math.abs(studentTQuantile(0.975, degreesOfFreedom) - table)).toBeLessThan(1e-4);
  });

  // Reference values from scipy.stats.t.ppf (scipy 1.17)
  it.each([
    [0.975, 3, 3.1824463052837078],
    [0.975, 5, 2.5705818356363146],
    [0.995, 9, 3.249835541592126],
    [0.95, 29, 1.6991270265334972],
    [0.995, 1000, 2.580754698065951],
    [0.995, 1, 63.656741162871526],
    [0.95, 2, 2.9199855803537242],
  ])('t(%d, %d) is within 1e-5 relative of scipy', (p, degreesOfFreedom, reference) => {
    expect(Math.abs(studentTQuantile(p, degreesOfFreedom) / reference - 1)).toBeLessThan(1e-5);
  });

  it('is symmetric about 0, with the median at 0', () => {
    expect(studentTQuantile(0.025, 9)).toBeCloseTo(-studentTQuantile(0.975, 9), 12);
    expect(studentTQuantile(0.5, 4)).toBe(0);
  });

  it('approaches the normal quantile as the degrees of freedom grow', () => {
    expect(studentTQuantile(0.975, 1e7)).toBeCloseTo(1.959963984540054, 6);
  });

  it('rejects probabilities outside (0, 1) and degrees of freedom <= 0', () => {
    expect(() => studentTQuantile(1, 5)).toThrow(RangeError);
    expect(() => studentTQuantile(0.9, 0)).toThrow(RangeError);
  });
});

describe('confidenceHalfWidth', () => {
  it('is t(0.975, n - 1) sd / sqrt(n) at the default 95% level', () => {
    // t(0.975, 9) = 2.262157162798205 (scipy)
    expect(confidenceHalfWidth(2, 10)).toBeCloseTo((2.262157162798205 * 2) / Math.sqrt(10), 5);
  });

  it('uses the requested level', () => {
    // t(0.95, 29) = 1.6991270265334972 (scipy), sd 3, n 30
    expect(confidenceHalfWidth(3, 30, 0.9)).toBeCloseTo((1.6991270265334972 * 3) / Math.sqrt(30), 6);
  });

  it('is null with fewer than two observations instead of NaN', () => {
    expect(confidenceHalfWidth(0, 1)).toBeNull();
    expect(confidenceHalfWidth(Number.NaN, 0)).toBeNull();
  });
});
