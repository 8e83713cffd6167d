/**
 * The fitted models' probabilities of whole units a day (web/import/demandPmf.ts), against values
 * worked by hand: the Poisson's e^−m m^k / k!, the negative binomial's C(k + r − 1, k) p^r (1 − p)^k,
 * and Φ differences for the rounded normal and lognormal (Φ from Python's math.erfc).
 */
import { describe, expect, test } from 'vitest';
import { demandPmf, normalCdf } from '../../web/import/demandPmf.ts';

const close = (actual: number[] | null, expected: number[], digits = 6) => {
  expect(actual).not.toBeNull();
  expect(actual!.length).toBe(expected.length);
  actual!.forEach((value, k) => expect(value, `P(${k})`).toBeCloseTo(expected[k], digits));
};

describe('demandPmf', () => {
  test('Poisson of mean 2: e^−2 2^k / k!', () => {
    close(demandPmf({ type: 'poisson', mean: 2 }, 3), [0.1353352832, 0.2706705665, 0.2706705665, 0.1804470443]);
  });

  test('a Poisson of mean 900 keeps its mass (no underflow of e^−900)', () => {
    const pmf = demandPmf({ type: 'poisson', mean: 900 }, 1200)!;
    expect(pmf.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    // the mode is at the mean: P(900) ≈ 1 / √(2π·900)
    expect(pmf[900]).toBeCloseTo(1 / Math.sqrt(2 * Math.PI * 900), 4);
  });

  test('negative binomial of mean 2 and sd 2 (r = 2, p = ½): 0.25, 0.25, 0.1875, 0.125', () => {
    close(demandPmf({ type: 'negativeBinomial', mean: 2, sd: 2 }, 3), [0.25, 0.25, 0.1875, 0.125]);
  });

  test('normal of mean 1 and sd 1 rounded to whole units, the mass below ½ on 0', () => {
    close(demandPmf({ type: 'normal', mean: 1, sd: 1 }, 2), [0.3085375387, 0.3829249225, 0.2417303375]);
  });

  test('intermittent with lognormal sizes (μ = 0, σ = 1) on half the days: sizes below 1½ on 1', () => {
    const size = { type: 'lognormal' as const, mean: Math.exp(0.5), sd: 2.1611974158950877 };
    close(demandPmf({ type: 'intermittent', probability: 0.5, size }, 2), [0.5, 0.3287160847, 0.0814053083]);
  });

  test('intermittent with a constant size: 1 − p on 0, p on the size rounded', () => {
    close(demandPmf({ type: 'intermittent', probability: 0.25, size: { type: 'constant', value: 3.2 } }, 4), [0.75, 0, 0, 0.25, 0]);
  });

  test('empirical: its weights normalised; constant: all on its value rounded', () => {
    close(demandPmf({ type: 'empirical', values: [0, 2], weights: [1, 3] }, 2), [0.25, 0, 0.75]);
    close(demandPmf({ type: 'empirical', values: [1, 3] }, 3), [0, 0.5, 0, 0.5]);
    close(demandPmf({ type: 'constant', value: 2.6 }, 3), [0, 0, 0, 1]);
  });

  test('a model the import never fits has no probabilities here', () => {
    expect(demandPmf({ type: 'uniform', min: 0, max: 3 }, 3)).toBeNull();
  });

  test('normalCdf within 1.2e-7 of Φ at a few points', () => {
    // Φ(0) = ½, Φ(1.96) = 0.9750021049, Φ(−3) = 0.0013498980
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021049, 7);
    expect(normalCdf(-3)).toBeCloseTo(0.001349898, 7);
  });
});
