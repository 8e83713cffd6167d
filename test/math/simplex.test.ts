import { describe, expect, it } from 'vitest';
import { minimiseSimplex } from '../../src/math/simplex.ts';

describe('minimiseSimplex', () => {
  it("solves Chvátal's first example (max 5x1 + 4x2 + 3x3: 13 at (2, 0, 1))", () => {
    // Chvátal (1983), Linear Programming, chapter 2
    const result = minimiseSimplex([-5, -4, -3], [[2, 3, 1], [4, 1, 2], [3, 4, 2]], [5, 11, 8]);
    expect(result.status).toBe('optimal');
    if (result.status !== 'optimal') return;
    expect(result.objective).toBeCloseTo(-13, 12);
    expect(result.x.map((x) => Number(x.toFixed(12)))).toEqual([2, 0, 1]);
  });

  it('stays at x = 0 when nothing pays, and says when the program is unbounded', () => {
    const zero = minimiseSimplex([1, 2], [[1, 1]], [3]);
    expect(zero).toMatchObject({ status: 'optimal', x: [0, 0], objective: 0 });
    expect(minimiseSimplex([-1, 0], [[0, 1]], [1]).status).toBe('unbounded');
  });

  it('does not cycle on a degenerate program (Beale 1955, as Chvátal gives it)', () => {
    // min -10x1 + 57x2 + 9x3 + 24x4: Dantzig's rule with the wrong tie-breaking cycles; the optimum is -1 at (1, 0, 1, 0)
    const result = minimiseSimplex(
      [-10, 57, 9, 24],
      [
        [0.5, -5.5, -2.5, 9],
        [0.5, -1.5, -0.5, 1],
        [1, 0, 0, 0],
      ],
      [0, 0, 1],
    );
    expect(result.status).toBe('optimal');
    if (result.status === 'optimal') expect(result.objective).toBeCloseTo(-1, 12);
  });

  it('refuses a negative right-hand side', () => {
    expect(() => minimiseSimplex([1], [[1]], [-1])).toThrow(/must be ≥ 0/);
  });
});
