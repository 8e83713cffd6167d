import { describe, expect, it } from 'vitest';
import { decode, encode } from '../../src/queue/codec.ts';
import { rangesOf } from '../../src/queue/ranges.ts';
import { jobIdOf } from '../../src/queue/queueJob.ts';

describe('what crosses Redis', () => {
  it('keeps NaN, ±Infinity, -0, undefined and typed arrays, which JSON would not', () => {
    const value = { nan: NaN, inf: Infinity, minusInf: -Infinity, minusZero: -0, missing: undefined, levels: new Float64Array([1.5, NaN]), list: [null, 2] };
    const back = decode<typeof value>(encode(value));
    expect(back).toEqual(value);
    expect(Object.is(back.minusZero, -0)).toBe(true);
    expect('missing' in back).toBe(true);
    expect(back.levels).toBeInstanceOf(Float64Array);
  });
});

describe('rangesOf', () => {
  it('splits the tasks into consecutive ranges covering each once', () => {
    expect(rangesOf(5, 2)).toEqual([{ start: 0, end: 2 }, { start: 2, end: 4 }, { start: 4, end: 5 }]);
    const ranges = rangesOf(1000, 16);
    expect(ranges.length).toBe(63);
    expect(ranges.flatMap(({ start, end }) => Array.from({ length: end - start }, (_, i) => start + i))).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    expect(rangesOf(0, 3)).toEqual([]);
    expect(() => rangesOf(4, 0)).toThrow('expected a whole number of tasks per job >= 1, got 0');
  });

  it('names each job without the colon BullMQ rejects, a range by its tasks and parts by their task', () => {
    expect(jobIdOf('0123456789abcdef', { kind: 'tasks', start: 4, end: 8 })).toBe('0123456789abcdef-4-8');
    expect(jobIdOf('0123456789abcdef', { kind: 'parts', task: 3, variant: 1, replication: 1, chunks: 8, parts: [5] })).toBe('0123456789abcdef-3p5-5');
  });
});
