import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile } from '../../src/math/normal.ts';

// Reference values from scipy.stats.norm (scipy 1.17)
describe('normalQuantile', () => {
  it.each([
    [1e-12, -7.034483825301131],
    [0.001, -3.090232306167813],
    [0.025, -1.9599639845400545],
    [0.3, -0.5244005127080409],
    [0.5, 0],
    [0.8, 0.8416212335729143],
    [0.975, 1.959963984540054],
    [0.999999, 4.753424308817087],
  ])('Φ⁻¹(%d) is within 1e-9 of scipy', (p, reference) => {
    expect(Math.abs(normalQuantile(p) - reference)).toBeLessThan(1e-9);
  });

  it('is infinite at 0 and 1 and rejects values outside [0, 1]', () => {
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(() => normalQuantile(1.5)).toThrow(RangeError);
  });
});

describe('normalCdf', () => {
  it.each([
    [-2, 0.022750131948179195],
    [-1, 0.15865525393145707],
    [0, 0.5],
    [0.5, 0.6914624612740131],
    [1.96, 0.9750021048517795],
    [3, 0.9986501019683699],
  ])('Φ(%d) is within 1e-7 of scipy', (x, reference) => {
    expect(Math.abs(normalCdf(x) - reference)).toBeLessThan(1e-7);
  });

  it.each([
    [-5, 2.866515718791933e-7],
    [-10, 7.61985302416047e-24],
    [-30, 4.906713927147908e-198],
  ])('keeps relative precision in the far lower tail: Φ(%d) within 1e-12 relative of scipy', (x, reference) => {
    expect(Math.abs(normalCdf(x) / reference - 1)).toBeLessThan(1e-12);
  });

  it('inverts normalQuantile', () => {
    for (const p of [1e-300, 1e-20, 1e-6, 0.01, 0.2, 0.5, 0.7, 0.99, 0.999999]) {
      expect(Math.abs(normalCdf(normalQuantile(p)) / p - 1)).toBeLessThan(1e-12);
    }
  });
});
