import { describe, expect, it } from 'vitest';
import { formatParameter, parameterFormat } from '../../web/charts/parameterFormat.ts';

describe('policy parameters and levels, rounded as a planner writes them', () => {
  it('writes levels from 100 up as whole numbers with separators, never 1,624.20943212', () => {
    expect(formatParameter(1624.20943212)).toBe('1,624');
    expect(formatParameter(250)).toBe('250');
  });

  it('keeps three significant digits below 100 and drops trailing zeros', () => {
    expect(formatParameter(12.5)).toBe('12.5');
    expect(formatParameter(1.644853)).toBe('1.64');
    expect(formatParameter(0.25)).toBe('0.25');
    expect(formatParameter(6)).toBe('6');
    expect(formatParameter(0)).toBe('0');
    expect(formatParameter(-1.5)).toBe('−1.5');
  });

  it('adds digits along a grid only until values that differ read differently', () => {
    expect([6, 8, 10].map(parameterFormat([6, 8, 10]))).toEqual(['6', '8', '10']);
    expect([1624.2, 1624.4].map(parameterFormat([1624.2, 1624.4]))).toEqual(['1,624.2', '1,624.4']);
    expect([1.645, 1.65].map(parameterFormat([1.645, 1.65]))).toEqual(['1.645', '1.65']);
  });
});
