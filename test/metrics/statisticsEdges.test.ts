import { describe, expect, it } from 'vitest';
import { Tally } from '../../src/metrics/tally.ts';
import { confidenceHalfWidth, studentTQuantile } from '../../src/metrics/studentT.ts';

/**
 * Edges of the streaming tally and of Student's t quantiles that the first mutation run found
 * untested (docs/MUTATION.md).
 */

describe('Tally edges', () => {
  it('min and max follow values added in any order, not only rising ones', () => {
    const tally = new Tally();
    for (const x of [5, 9, 2, 7, 3]) tally.add(x);
    expect([tally.min, tally.max]).toEqual([2, 9]);
  });

  it('merging an empty tally into an empty one leaves it empty and usable', () => {
    const tally = new Tally();
    tally.merge(new Tally());
    expect([tally.count, tally.mean, tally.variance]).toEqual([0, NaN, NaN]);
    tally.add(4);
    tally.add(8);
    expect([tally.count, tally.mean, tally.variance]).toEqual([2, 6, 8]);
  });
});

// Reference values: scipy.stats.t.ppf (scipy 1.17.1), to the relative error the algorithm is measured
// at (src/metrics/studentT.ts: at most 1.6e-5, worst at 3 degrees of freedom near p = 0.936).
describe('studentTQuantile in both branches of Hill’s algorithm', () => {
  it.each([
    // central probabilities: the expansion about the normal quantile (with its correction below 5 degrees of freedom)
    [0.75, 3, 0.7648923284043444],
    [0.6, 4, 0.2707222947075976],
    [0.9, 4, 1.533206274058944],
    [0.75, 5, 0.7266868438004226],
    [0.7, 6, 0.5533809235515184],
    [0.5005, 3, 0.0013603500825971116],
    [0.935, 3, 2.0719446716160967],
    [0.936, 3, 2.088171787956071],
    [0.979, 4, 2.9492661545639227],
    [0.9865, 5, 3.0951902880761155],
    // far tails: the expansion in the tail probability
    [0.999, 3, 10.214531852407383],
    [0.99999, 3, 47.92772837600671],
    [0.9999, 4, 13.033671720896821],
    [0.99999, 8, 8.907026870848961],
    [0.99, 3, 4.540702858568132],
    [0.956, 3, 2.496213894396785],
  ])('t(%d, %d) is within 1.6e-5 relative of scipy', (p, degreesOfFreedom, reference) => {
    expect(Math.abs(studentTQuantile(p, degreesOfFreedom) / reference - 1)).toBeLessThan(1.6e-5);
    expect(Math.abs(studentTQuantile(1 - p, degreesOfFreedom) / -reference - 1)).toBeLessThan(1.6e-5);
  });

  it('puts the median at exactly 0 for every degrees of freedom (cot(π/2) is 6e-17 in floating point)', () => {
    for (const degreesOfFreedom of [1, 2, 3, 4, 30]) expect(studentTQuantile(0.5, degreesOfFreedom), String(degreesOfFreedom)).toBe(0);
  });

  it('refuses, in words, probabilities outside (0, 1) and degrees of freedom that are not whole and positive', () => {
    for (const p of [0, -0.1, 1, 1.5, Number.NaN]) expect(() => studentTQuantile(p, 5), String(p)).toThrow(/expected a probability in \(0, 1\), got/);
    // 1.5 would be 1.2% off (the expansion is not made for fractions below 3), 4.5 is refused alike
    for (const degreesOfFreedom of [0, -2, 0.5, 1.5, 4.5, Number.NaN, Infinity]) {
      expect(() => studentTQuantile(0.9, degreesOfFreedom), String(degreesOfFreedom)).toThrow(/expected a whole number of degrees of freedom >= 1, got/);
    }
  });
});

describe('confidenceHalfWidth edges', () => {
  it('exists from two observations: t(0.975, 1) sd / sqrt(2)', () => {
    // t(0.975, 1) = tan(0.475 π) = 12.706204736174694 (scipy)
    expect(confidenceHalfWidth(1, 2)).toBeCloseTo(12.706204736174694 / Math.SQRT2, 9);
  });

  it('refuses, in words, levels outside (0, 1)', () => {
    for (const level of [0, -0.5, 1, 1.5, Number.NaN]) expect(() => confidenceHalfWidth(1, 10, level), String(level)).toThrow(/expected a level in \(0, 1\), got/);
  });
});
