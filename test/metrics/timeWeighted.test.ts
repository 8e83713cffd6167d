import { describe, expect, it } from 'vitest';
import { TimeWeighted } from '../../src/metrics/timeWeighted.ts';

describe('TimeWeighted', () => {
  it('integrates a step-after level (hand-computed example)', () => {
    // level 5 on [0, 2), 3 on [2, 5), 7 on [5, 6]: area 10 + 9 + 7 = 26
    const stock = new TimeWeighted(0, 5);
    stock.update(2, 3);
    stock.add(5, 4);
    expect(stock.level).toBe(7);
    expect(stock.area(5)).toBe(19);
    expect(stock.area(6)).toBe(26);
    expect(stock.average(6)).toBeCloseTo(26 / 6, 14);
  });

  it('averages from a start time other than 0', () => {
    // level 2 on [10, 14), 6 on [14, 20]: area 8 + 36 = 44 over 10 time units
    const stock = new TimeWeighted(10, 2);
    stock.update(14, 6);
    expect(stock.average(20)).toBeCloseTo(4.4, 14);
  });

  it('restart at the end of warm-up keeps the level and drops the area so far', () => {
    const stock = new TimeWeighted(0, 5);
    stock.update(2, 3);
    stock.restart(4);
    expect(stock.level).toBe(3);
    expect(stock.area(4)).toBe(0);
    stock.update(6, 1); // 3 on [4, 6), then 1
    expect(stock.area(8)).toBe(8);
    expect(stock.average(8)).toBe(2);
  });

  it('averages to the current level when no time has passed', () => {
    expect(new TimeWeighted(3, 9).average(3)).toBe(9);
  });

  it('several changes at the same time count only the last', () => {
    const stock = new TimeWeighted(0, 1);
    stock.update(2, 100);
    stock.update(2, 4);
    expect(stock.area(3)).toBe(6);
  });

  it('throws when time goes backwards', () => {
    const stock = new TimeWeighted(0, 1);
    stock.update(5, 2);
    expect(() => stock.update(4, 3)).toThrow('time went backwards: asked for time 4 after a change at time 5');
    expect(() => stock.restart(1)).toThrow(/time went backwards/);
  });
});
