import { describe, expect, it } from 'vitest';
import { workerFailure } from '../../web/worker/client.ts';

describe('workerFailure', () => {
  it('says in words that the run needs more memory, keeping the browser\'s own words', () => {
    for (const [raw, detail] of [
      ['Uncaught RangeError: Array buffer allocation failed', 'Array buffer allocation failed'],
      ['Array buffer allocation failed', 'Array buffer allocation failed'],
      ['RangeError: Invalid typed array length: 10000000000', 'Invalid typed array length: 10000000000'],
      ['Invalid array length', 'Invalid array length'],
      ['Invalid string length', 'Invalid string length'],
      ['out of memory', 'out of memory'],
    ]) {
      expect(workerFailure(raw)).toBe(`the run needs more memory than the browser gives a worker (${detail}): try fewer replications, a shorter horizon, fewer stock points, or "output": { "series": "none" }`);
    }
  });

  it('says a worker stopped when the browser gives no message, and passes other errors on', () => {
    expect(workerFailure('')).toBe('a worker stopped unexpectedly (the browser may have run out of memory)');
    expect(workerFailure(undefined)).toBe('a worker stopped unexpectedly (the browser may have run out of memory)');
    expect(workerFailure('Uncaught Error: broken invariant at day 3')).toBe('Error: broken invariant at day 3');
  });
});
