import { describe, expect, it } from 'vitest';
import { binomial, SKIPPING_LIMIT } from '../../src/random/distributions/binomial.ts';
import { RandomStreams, type RandomStream } from '../../src/random/streams.ts';
import { log, log1p } from '../../src/math/libm.ts';

function streamNamed(name: string): RandomStream {
  return new RandomStreams('test-seed').stream(name);
}

/** The method binomial used for every draw before BTRS (geometric skipping), as it was. */
function skippingAsBefore(trials: number, p: number, stream: RandomStream): number {
  if (trials <= 0 || p <= 0) return 0;
  if (p >= 1) return trials;
  const rare = p <= 0.5 ? p : 1 - p;
  const logMiss = log1p(-rare);
  let count = 0;
  let position = Math.floor(log(1 - stream()) / logMiss);
  while (position < trials) {
    count++;
    position += 1 + Math.floor(log(1 - stream()) / logMiss);
  }
  return p <= 0.5 ? count : trials - count;
}

/** Z standard errors: a correct sampler fails a check with probability about 6e-5 (seeded draws: a pass is stable). */
const Z = 4;

function moments(values: number[]): { mean: number; variance: number } {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1);
  return { mean, variance };
}

describe('binomial', () => {
  it('draws exactly as before (geometric skipping, the same uniforms) below SKIPPING_LIMIT expected rare outcomes', () => {
    const cases: [number, number][] = [
      [38, 0.01],
      [1, 0.4],
      [150, 0.5],
      [1000, 0.05],
      [1000, 0.95],
      [3, 0.999],
      [1e10, 1e-9],
    ];
    for (const [trials, p] of cases) {
      expect(trials * Math.min(p, 1 - p)).toBeLessThan(SKIPPING_LIMIT);
      const now = streamNamed(`same ${trials} ${p}`);
      const before = streamNamed(`same ${trials} ${p}`);
      for (let i = 0; i < 500; i++) expect(binomial(trials, p, now)).toBe(skippingAsBefore(trials, p, before));
      // and the stream is left where it was
      expect(now()).toBe(before());
    }
  });

  it.each([
    [200, 0.5],
    [250, 0.4],
    [10_000, 0.01],
    [1e6, 0.9],
    [1e10, 0.3],
    [1e15, 0.01],
  ])('binomial(%d, %d) above the limit has the mean and variance n p and n p (1 - p), and stays in 0..n', (trials, p) => {
    const stream = streamNamed(`moments ${trials} ${p}`);
    const draws = 20_000;
    const values = Array.from({ length: draws }, () => binomial(trials, p, stream));
    expect(values.every((k) => Number.isInteger(k) && k >= 0 && k <= trials)).toBe(true);
    const mean = trials * p;
    const variance = trials * p * (1 - p);
    const sample = moments(values);
    expect(Math.abs(sample.mean - mean)).toBeLessThan(Z * Math.sqrt(variance / draws));
    // the sample variance's standard error is about variance × sqrt(2 / draws) for a near-normal count
    expect(Math.abs(sample.variance - variance)).toBeLessThan(Z * variance * Math.sqrt(2 / (draws - 1)));
  });

  it('BTRS draws each count of binomial(250, 0.4) as often as its probability (each cell within 4.5 sd)', () => {
    const trials = 250;
    const p = 0.4;
    const draws = 100_000;
    const stream = streamNamed('cells');
    const counts = new Array<number>(trials + 1).fill(0);
    for (let i = 0; i < draws; i++) counts[binomial(trials, p, stream)]++;
    // the exact probabilities by the recurrence P(k+1) = P(k) (n - k) p / ((k + 1) q), from the log of P(0)
    const probabilities = new Array<number>(trials + 1);
    probabilities[0] = Math.exp(trials * Math.log1p(-p));
    for (let k = 0; k < trials; k++) probabilities[k + 1] = (probabilities[k] * (trials - k) * p) / ((k + 1) * (1 - p));
    let cells = 0;
    for (let k = 0; k <= trials; k++) {
      const expected = draws * probabilities[k];
      if (expected < 20) continue;
      cells++;
      expect(Math.abs(counts[k] - expected)).toBeLessThan(4.5 * Math.sqrt(expected * (1 - probabilities[k])));
    }
    expect(cells).toBeGreaterThan(40);
  });

  it('costs a few uniforms whatever the trials: 10^12 units at 1% use no more uniforms than 10^4', () => {
    let used = 0;
    const inner = streamNamed('cost');
    const counting: RandomStream = () => {
      used++;
      return inner();
    };
    for (let i = 0; i < 1000; i++) binomial(1e12, 0.01, counting);
    // about 2.3 a draw on average (Hörmann: 1.15 pairs)
    expect(used).toBeLessThan(4 * 1000);
  });
});
