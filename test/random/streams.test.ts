import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { aleaNext, aleaState, aleaStream, RandomStreams, replicationSeed } from '../../src/random/streams.ts';

describe('random streams', () => {
  it("draws exactly seedrandom.alea's numbers for the same seed", () => {
    const reference = seedrandom.alea('stocklab-seed');
    const stream = aleaStream('stocklab-seed');
    for (let i = 0; i < 100_000; i++) expect(stream()).toBe(reference());
  });

  it('steps the same numbers in place, at any offset of a shared array', () => {
    const reference = seedrandom.alea('in-place');
    const shared = new Float64Array(10);
    shared.set(aleaState('in-place'), 3);
    for (let i = 0; i < 10_000; i++) expect(aleaNext(shared, 3)).toBe(reference());
    expect(shared[0]).toBe(0);
    expect(shared[7]).toBe(0);
  });

  it('gives a named stream the same numbers whatever other streams were asked for first', () => {
    const alone = new RandomStreams('s').stream('demand:store-1:beans');
    const crowded = new RandomStreams('s');
    crowded.stream('leadTime:dc->store-1:beans');
    crowded.stream('churn:store-1');
    const same = crowded.stream('demand:store-1:beans');
    for (let i = 0; i < 1000; i++) expect(same()).toBe(alone());
  });

  it('gives different names unrelated numbers', () => {
    const streams = new RandomStreams('s');
    const a = streams.stream('demand:store-1:sku-1');
    const b = streams.stream('demand:store-1:sku-2');
    const n = 20_000;
    let sumA = 0;
    let sumB = 0;
    let sumAB = 0;
    let sumA2 = 0;
    let sumB2 = 0;
    for (let i = 0; i < n; i++) {
      const x = a();
      const y = b();
      sumA += x;
      sumB += y;
      sumAB += x * y;
      sumA2 += x * x;
      sumB2 += y * y;
    }
    const correlation = (sumAB / n - (sumA / n) * (sumB / n)) / Math.sqrt((sumA2 / n - (sumA / n) ** 2) * (sumB2 / n - (sumB / n) ** 2));
    // the sample correlation of independent streams has sd 1/sqrt(n) = 0.007; 4 sd
    expect(Math.abs(correlation)).toBeLessThan(4 / Math.sqrt(n));
  });

  it('refuses a name asked for twice (two sources sharing a stream would break common random numbers)', () => {
    const streams = new RandomStreams('s');
    streams.stream('x');
    expect(() => streams.stream('x')).toThrow(/requested twice/);
  });

  it('derives replication seeds from the experiment seed and the index only', () => {
    expect(replicationSeed('exp', 3)).toBe(replicationSeed('exp', 3));
    expect(replicationSeed('exp', 3)).not.toBe(replicationSeed('exp', 4));
    expect(replicationSeed(1, 0)).not.toBe(replicationSeed(2, 0));
  });
});
