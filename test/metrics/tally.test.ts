import { describe, expect, it } from 'vitest';
import { Tally } from '../../src/metrics/tally.ts';
import { RandomStreams } from '../../src/random/streams.ts';

function tallyOf(values: readonly number[]): Tally {
  const tally = new Tally();
  for (const x of values) tally.add(x);
  return tally;
}

describe('Tally', () => {
  it('gives count, mean, sample variance, sd, min and max of the values added', () => {
    // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, squared deviations sum to 32, so sample variance 32 / 7
    const tally = tallyOf([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(tally.count).toBe(8);
    expect(tally.mean).toBe(5);
    expect(tally.variance).toBeCloseTo(32 / 7, 14);
    expect(tally.sd).toBeCloseTo(Math.sqrt(32 / 7), 14);
    expect([tally.min, tally.max]).toEqual([2, 9]);
  });

  it('keeps its precision for values with a large common offset (where sum of squares minus n mean² fails)', () => {
    const tally = tallyOf([1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16]);
    expect(tally.variance).toBeCloseTo(30, 9);
  });

  it('reports NaN for statistics that need more values than it has', () => {
    const empty = new Tally();
    expect([empty.count, empty.mean, empty.variance, empty.min, empty.max]).toEqual([0, NaN, NaN, NaN, NaN]);
    const one = tallyOf([3]);
    expect([one.mean, one.variance, one.sd, one.min, one.max]).toEqual([3, NaN, NaN, 3, 3]);
  });

  it('merging two tallies equals adding all their values to one', () => {
    const stream = new RandomStreams('tally').stream('values');
    const values = Array.from({ length: 1000 }, () => 50 + 20 * stream());
    const sequential = tallyOf(values);
    const merged = tallyOf(values.slice(0, 337));
    merged.merge(tallyOf(values.slice(337)));
    expect(merged.count).toBe(sequential.count);
    expect(merged.mean).toBeCloseTo(sequential.mean, 12);
    expect(merged.variance).toBeCloseTo(sequential.variance, 11);
    expect([merged.min, merged.max]).toEqual([sequential.min, sequential.max]);
  });

  it('merging into or from an empty tally copies the other', () => {
    const values = [1, 5, 6];
    const intoEmpty = new Tally();
    intoEmpty.merge(tallyOf(values));
    const fromEmpty = tallyOf(values);
    fromEmpty.merge(new Tally());
    for (const tally of [intoEmpty, fromEmpty]) {
      expect([tally.count, tally.mean, tally.variance, tally.min, tally.max]).toEqual([3, 4, 7, 1, 6]);
    }
  });

  it('reset forgets every value', () => {
    const tally = tallyOf([1, 2, 3]);
    tally.reset();
    tally.add(10);
    expect([tally.count, tally.mean, tally.min, tally.max]).toEqual([1, 10, 10, 10]);
  });
});
