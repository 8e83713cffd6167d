import { describe, expect, it } from 'vitest';
import { normalCdf, normalDensity, normalQuantile } from '../../src/math/normal.ts';
import { ExponentialSampler } from '../../src/random/distributions/exponential.ts';
import { createSampler, distributionMean, distributionVariance, type Sampler, type SamplerOptions } from '../../src/random/distributions/sampler.ts';
import { RandomStreams } from '../../src/random/streams.ts';
import type { Distribution } from '../../src/scenario/schema.ts';

const DRAWS = 20_000;
/**
 * Every tolerance is Z standard errors of the statistic under the stated distribution. A correct
 * sampler fails one check with probability about 6e-5 (two-sided, normal approximation); the draws
 * are seeded, so a pass is stable.
 */
const Z = 4;
/** significance level of the goodness-of-fit tests, for the same reason */
const ALPHA = 1e-4;

function streamNamed(name: string) {
  return new RandomStreams('test-seed').stream(name);
}

function draw(sampler: Sampler, n = DRAWS): Float64Array {
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = sampler.sample();
  return values;
}

function sampleMoments(values: Float64Array): { mean: number; variance: number } {
  let mean = 0;
  for (const x of values) mean += x;
  mean /= values.length;
  let squares = 0;
  for (const x of values) squares += (x - mean) ** 2;
  return { mean, variance: squares / (values.length - 1) };
}

/**
 * Kolmogorov–Smirnov: the largest gap between the empirical and the stated distribution function, and
 * the gap that a correct sampler exceeds with probability ALPHA (asymptotic, P(√n D > c) ≈ 2 exp(-2c²)).
 */
function kolmogorovSmirnov(values: Float64Array, cdf: (x: number) => number): { distance: number; critical: number } {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  let distance = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(sorted[i]);
    distance = Math.max(distance, f - i / n, (i + 1) / n - f);
  }
  return { distance, critical: Math.sqrt(Math.log(2 / ALPHA) / 2 / n) };
}

/**
 * Pearson's chi-square for a distribution on whole numbers: consecutive values pooled into bins of
 * expected count >= 5, values outside [lowest, highest] counted in the edge bins. The critical value
 * is the 1 - ALPHA quantile of chi-square (Wilson–Hilferty approximation).
 */
function chiSquare(
  values: Float64Array,
  probability: (k: number) => number,
  lowest: number,
  highest: number,
): { statistic: number; critical: number; coveredProbability: number } {
  const n = values.length;
  const binStarts: number[] = [];
  const expected: number[] = [];
  let pending = 0;
  let start = lowest;
  let coveredProbability = 0;
  for (let k = lowest; k <= highest; k++) {
    coveredProbability += probability(k);
    pending += n * probability(k);
    if (pending >= 5) {
      binStarts.push(start);
      expected.push(pending);
      pending = 0;
      start = k + 1;
    }
  }
  expected[expected.length - 1] += pending;
  const observed = new Array<number>(expected.length).fill(0);
  for (const x of values) {
    let bin = binStarts.length - 1;
    while (bin > 0 && x < binStarts[bin]) bin--;
    observed[bin]++;
  }
  let statistic = 0;
  for (let i = 0; i < expected.length; i++) statistic += (observed[i] - expected[i]) ** 2 / expected[i];
  const df = expected.length - 1;
  const z = normalQuantile(1 - ALPHA);
  const critical = df * (1 - 2 / (9 * df) + z * Math.sqrt(2 / (9 * df))) ** 3;
  return { statistic, critical, coveredProbability };
}

function poissonProbability(mean: number): (k: number) => number {
  return (k) => {
    let p = Math.exp(-mean);
    for (let i = 1; i <= k; i++) p *= mean / i;
    return p;
  };
}

/** failures before the r-th success, success probability p = mean / variance, r = mean² / (variance - mean) */
function negativeBinomialProbability(mean: number, variance: number): (k: number) => number {
  const p = mean / variance;
  const r = (mean * mean) / (variance - mean);
  return (k) => {
    let probability = p ** r;
    for (let i = 1; i <= k; i++) probability *= ((i - 1 + r) / i) * (1 - p);
    return probability;
  };
}

/**
 * Moments of a normal(location, scale) conditioned on >= 0, from the truncated standard normal's raw
 * moments E[Z^k | Z >= α] = (k - 1) E[Z^(k-2) | Z >= α] + α^(k-1) φ(α) / (1 - Φ(α)) (integration by
 * parts), independently of the closed form the sampler uses.
 */
function truncatedNormalMoments(location: number, scale: number) {
  const alpha = -location / scale;
  const ratio = normalDensity(alpha) / normalCdf(-alpha);
  const m1 = ratio;
  const m2 = 1 + alpha * ratio;
  const m3 = 2 * m1 + alpha ** 2 * ratio;
  const m4 = 3 * m2 + alpha ** 3 * ratio;
  return {
    mean: location + scale * m1,
    variance: scale ** 2 * (m2 - m1 ** 2),
    fourthCentralMoment: scale ** 4 * (m4 - 4 * m3 * m1 + 6 * m2 * m1 ** 2 - 3 * m1 ** 4),
  };
}

interface MomentCase {
  name: string;
  spec: Distribution;
  options?: SamplerOptions;
  /** moments from the parameters, by the textbook formulas, not by the code under test */
  mean: number;
  variance: number;
  /** E[(X - mean)^4], which sets the standard error of the sample variance */
  fourthCentralMoment: number;
}

const lognormalW = 1 + 5 ** 2 / 10 ** 2; // exp(σ²) for mean 10, sd 5
const triangularVariance = (1 + 9 + 100 - 3 - 10 - 30) / 18; // min 1, mode 3, max 10
const negativeBinomialKurtosis = (mean: number, variance: number) => {
  const p = mean / variance;
  const r = (mean * mean) / (variance - mean);
  return 3 + 6 / r + (p * p) / (r * (1 - p)); // (non-excess) kurtosis of the negative binomial
};
const empiricalValues = [1, 2, 5, 10];
const empiricalWeights = [1, 0, 2, 1];
const empiricalMean = (1 * 1 + 2 * 5 + 1 * 10) / 4;
const empiricalCentral = (power: number) =>
  empiricalValues.reduce((sum, x, i) => sum + (empiricalWeights[i] / 4) * (x - empiricalMean) ** power, 0);

const momentCases: MomentCase[] = [
  { name: 'constant 7', spec: { type: 'constant', value: 7 }, mean: 7, variance: 0, fourthCentralMoment: 0 },
  { name: 'uniform(2, 10)', spec: { type: 'uniform', min: 2, max: 10 }, mean: 6, variance: 64 / 12, fourthCentralMoment: 8 ** 4 / 80 },
  {
    // N = 6 equally likely values: variance (N² - 1) / 12, fourth moment (N² - 1)(3N² - 7) / 240
    name: 'discreteUniform(3, 8)',
    spec: { type: 'discreteUniform', min: 3, max: 8 },
    mean: 5.5,
    variance: 35 / 12,
    fourthCentralMoment: (35 * 101) / 240,
  },
  { name: 'normal(100, 15)', spec: { type: 'normal', mean: 100, sd: 15 }, mean: 100, variance: 225, fourthCentralMoment: 3 * 15 ** 4 },
  {
    name: 'non-negative normal(10, 10), drawn by rejection',
    spec: { type: 'normal', mean: 10, sd: 10 },
    options: { nonNegative: true },
    ...truncatedNormalMoments(10, 10),
  },
  {
    name: 'non-negative normal(-20, 10), drawn by inversion',
    spec: { type: 'normal', mean: -20, sd: 10 },
    options: { nonNegative: true },
    ...truncatedNormalMoments(-20, 10),
  },
  {
    name: 'non-negative normal(-50, 10), 5 sd below zero',
    spec: { type: 'normal', mean: -50, sd: 10 },
    options: { nonNegative: true },
    ...truncatedNormalMoments(-50, 10),
  },
  {
    // kurtosis w⁴ + 2w³ + 3w² - 3 with w = exp(σ²) = 1 + sd²/mean²
    name: 'lognormal(mean 10, sd 5)',
    spec: { type: 'lognormal', mean: 10, sd: 5 },
    mean: 10,
    variance: 25,
    fourthCentralMoment: 25 ** 2 * (lognormalW ** 4 + 2 * lognormalW ** 3 + 3 * lognormalW ** 2 - 3),
  },
  // gamma kurtosis 3 + 6 / shape
  { name: 'gamma(mean 10, sd 5), shape 4', spec: { type: 'gamma', mean: 10, sd: 5 }, mean: 10, variance: 25, fourthCentralMoment: 25 ** 2 * (3 + 6 / 4) },
  { name: 'gamma(mean 1, sd 2), shape 0.25', spec: { type: 'gamma', mean: 1, sd: 2 }, mean: 1, variance: 4, fourthCentralMoment: 4 ** 2 * (3 + 6 / 0.25) },
  // Poisson fourth central moment λ + 3λ²
  { name: 'poisson(4), by inversion', spec: { type: 'poisson', mean: 4 }, mean: 4, variance: 4, fourthCentralMoment: 4 + 3 * 4 ** 2 },
  { name: 'poisson(29.9), by inversion', spec: { type: 'poisson', mean: 29.9 }, mean: 29.9, variance: 29.9, fourthCentralMoment: 29.9 + 3 * 29.9 ** 2 },
  { name: 'poisson(30), by PTRS', spec: { type: 'poisson', mean: 30 }, mean: 30, variance: 30, fourthCentralMoment: 30 + 3 * 30 ** 2 },
  { name: 'poisson(500), by PTRS', spec: { type: 'poisson', mean: 500 }, mean: 500, variance: 500, fourthCentralMoment: 500 + 3 * 500 ** 2 },
  {
    name: 'negativeBinomial(mean 5, sd 4)',
    spec: { type: 'negativeBinomial', mean: 5, sd: 4 },
    mean: 5,
    variance: 16,
    fourthCentralMoment: 16 ** 2 * negativeBinomialKurtosis(5, 16),
  },
  {
    name: 'negativeBinomial(mean 100, sd 20), Poisson means >= 30',
    spec: { type: 'negativeBinomial', mean: 100, sd: 20 },
    mean: 100,
    variance: 400,
    fourthCentralMoment: 400 ** 2 * negativeBinomialKurtosis(100, 400),
  },
  // triangular kurtosis 2.4 (excess -0.6)
  {
    name: 'triangular(1, 3, 10)',
    spec: { type: 'triangular', min: 1, mode: 3, max: 10 },
    mean: 14 / 3,
    variance: triangularVariance,
    fourthCentralMoment: 2.4 * triangularVariance ** 2,
  },
  {
    name: 'triangular(0, 0, 6), mode at the minimum',
    spec: { type: 'triangular', min: 0, mode: 0, max: 6 },
    mean: 2,
    variance: 36 / 18,
    fourthCentralMoment: 2.4 * 2 ** 2,
  },
  {
    name: 'empirical [1, 2, 5, 10] weighted [1, 0, 2, 1]',
    spec: { type: 'empirical', values: empiricalValues, weights: empiricalWeights },
    mean: empiricalMean,
    variance: empiricalCentral(2),
    fourthCentralMoment: empiricalCentral(4),
  },
  {
    name: 'empirical [3, 4, 4, 8] unweighted',
    spec: { type: 'empirical', values: [3, 4, 4, 8] },
    mean: 4.75,
    variance: (1.75 ** 2 + 0.75 ** 2 * 2 + 3.25 ** 2) / 4,
    fourthCentralMoment: (1.75 ** 4 + 0.75 ** 4 * 2 + 3.25 ** 4) / 4,
  },
  {
    // 0 with probability 0.7, else 2 or 6 equally: 0 w.p. 0.7, 2 w.p. 0.15, 6 w.p. 0.15
    name: 'intermittent(0.3) of empirical [2, 6], Croston',
    spec: { type: 'intermittent', probability: 0.3, size: { type: 'empirical', values: [2, 6] } },
    mean: 1.2,
    variance: 0.15 * 4 + 0.15 * 36 - 1.2 ** 2,
    fourthCentralMoment: 0.7 * 1.2 ** 4 + 0.15 * 0.8 ** 4 + 0.15 * 4.8 ** 4,
  },
  {
    // always a size: the size distribution itself
    name: 'intermittent(1) of poisson(4)',
    spec: { type: 'intermittent', probability: 1, size: { type: 'poisson', mean: 4 } },
    mean: 4,
    variance: 4,
    fourthCentralMoment: 4 + 3 * 4 ** 2,
  },
];

describe('distribution moments', () => {
  describe.each(momentCases)('$name', ({ name, spec, options, mean, variance, fourthCentralMoment }) => {
    it('reports the mean and variance of its parameters', () => {
      const sampler = createSampler(spec, streamNamed(name), options);
      expect(sampler.mean).toBeCloseTo(mean, 10);
      expect(sampler.variance).toBeCloseTo(variance, 10);
      expect(distributionMean(spec, options)).toBe(sampler.mean);
      expect(distributionVariance(spec, options)).toBe(sampler.variance);
    });

    it(`gives a sample mean and variance within ${Z} standard errors of them over ${DRAWS} draws`, () => {
      const sample = sampleMoments(draw(createSampler(spec, streamNamed(name), options)));
      // standard error of the sample variance: sqrt((μ4 - σ⁴) / n), to order 1/n
      expect(Math.abs(sample.mean - mean)).toBeLessThanOrEqual(Z * Math.sqrt(variance / DRAWS));
      expect(Math.abs(sample.variance - variance)).toBeLessThanOrEqual(Z * Math.sqrt((fourthCentralMoment - variance ** 2) / DRAWS));
    });

    it('repeats the same sequence from the same seed', () => {
      const first = draw(createSampler(spec, new RandomStreams('repeat').stream(name), options), 1000);
      const second = draw(createSampler(spec, new RandomStreams('repeat').stream(name), options), 1000);
      expect(second).toEqual(first);
    });
  });

  it('non-negative normal moments match scipy.stats.truncnorm (scipy 1.17)', () => {
    const moments = (mean: number, sd: number) => {
      const sampler = createSampler({ type: 'normal', mean, sd }, streamNamed(`scipy ${mean}`), { nonNegative: true });
      return [sampler.mean, sampler.variance];
    };
    const [mean1, variance1] = moments(10, 10);
    expect(mean1).toBeCloseTo(12.875999709391785, 10);
    expect(variance1).toBeCloseTo(62.968628577660546, 10);
    const [mean2, variance2] = moments(-20, 10);
    expect(mean2).toBeCloseTo(3.7321553282284015, 10);
    expect(variance2).toBeCloseTo(11.427910041408328, 10);
    const [mean3, variance3] = moments(-50, 10);
    expect(mean3).toBeCloseTo(1.8650396712585149, 9);
    expect(variance3).toBeCloseTo(3.2696434617061843, 8);
  });

  it('exponential with rate 0.5 or mean 2 has mean 2, variance 4 and matches them in draws', () => {
    const byRate = new ExponentialSampler(0.5, streamNamed('exponential'));
    const byMean = ExponentialSampler.withMean(2, streamNamed('exponential by mean'));
    for (const sampler of [byRate, byMean]) {
      expect(sampler.mean).toBeCloseTo(2, 12);
      expect(sampler.variance).toBeCloseTo(4, 12);
      const sample = sampleMoments(draw(sampler));
      // exponential fourth central moment 9σ⁴
      expect(Math.abs(sample.mean - 2)).toBeLessThanOrEqual(Z * Math.sqrt(4 / DRAWS));
      expect(Math.abs(sample.variance - 4)).toBeLessThanOrEqual(Z * Math.sqrt((9 * 16 - 16) / DRAWS));
    }
  });
});

describe('distribution shapes', () => {
  const continuousCases: { name: string; sampler: () => Sampler; cdf: (x: number) => number }[] = [
    { name: 'uniform(2, 10)', sampler: () => createSampler({ type: 'uniform', min: 2, max: 10 }, streamNamed('ks uniform')), cdf: (x) => (x - 2) / 8 },
    { name: 'normal(100, 15)', sampler: () => createSampler({ type: 'normal', mean: 100, sd: 15 }, streamNamed('ks normal')), cdf: (x) => normalCdf((x - 100) / 15) },
    ...[10, -20, -50].map((mean) => ({
      name: `non-negative normal(${mean}, 10)`,
      sampler: () => createSampler({ type: 'normal', mean, sd: 10 }, streamNamed(`ks normal ${mean}`), { nonNegative: true }),
      cdf: (x: number) => (normalCdf((x - mean) / 10) - normalCdf(-mean / 10)) / normalCdf(mean / 10),
    })),
    {
      name: 'lognormal(mean 10, sd 5)',
      sampler: () => createSampler({ type: 'lognormal', mean: 10, sd: 5 }, streamNamed('ks lognormal')),
      cdf: (x) => normalCdf((Math.log(x) - (Math.log(10) - Math.log(1.25) / 2)) / Math.sqrt(Math.log(1.25))),
    },
    {
      // shape 4, scale 2.5: Erlang, F(x) = 1 - e^(-y) (1 + y + y²/2 + y³/6) with y = x / 2.5
      name: 'gamma(mean 10, sd 5)',
      sampler: () => createSampler({ type: 'gamma', mean: 10, sd: 5 }, streamNamed('ks gamma')),
      cdf: (x) => {
        const y = x / 2.5;
        return 1 - Math.exp(-y) * (1 + y + y ** 2 / 2 + y ** 3 / 6);
      },
    },
    {
      // shape 1/2, scale 2: a chi-square with one degree of freedom, F(x) = 2Φ(√x) - 1
      name: 'gamma(mean 1, sd √2), shape 0.5',
      sampler: () => createSampler({ type: 'gamma', mean: 1, sd: Math.SQRT2 }, streamNamed('ks gamma half')),
      cdf: (x) => 2 * normalCdf(Math.sqrt(x)) - 1,
    },
    {
      name: 'triangular(1, 3, 10)',
      sampler: () => createSampler({ type: 'triangular', min: 1, mode: 3, max: 10 }, streamNamed('ks triangular')),
      cdf: (x) => (x < 3 ? (x - 1) ** 2 / (9 * 2) : 1 - (10 - x) ** 2 / (9 * 7)),
    },
    { name: 'exponential(rate 0.5)', sampler: () => new ExponentialSampler(0.5, streamNamed('ks exponential')), cdf: (x) => 1 - Math.exp(-0.5 * x) },
  ];

  it.each(continuousCases)('$name passes a Kolmogorov–Smirnov test against its distribution function', ({ sampler, cdf }) => {
    const { distance, critical } = kolmogorovSmirnov(draw(sampler()), cdf);
    expect(distance).toBeLessThan(critical);
  });

  const discreteCases: { name: string; spec: Distribution; probability: (k: number) => number; lowest: number; highest: number }[] = [
    { name: 'discreteUniform(3, 8)', spec: { type: 'discreteUniform', min: 3, max: 8 }, probability: (k) => (k >= 3 && k <= 8 ? 1 / 6 : 0), lowest: 3, highest: 8 },
    { name: 'poisson(4)', spec: { type: 'poisson', mean: 4 }, probability: poissonProbability(4), lowest: 0, highest: 40 },
    { name: 'poisson(30)', spec: { type: 'poisson', mean: 30 }, probability: poissonProbability(30), lowest: 0, highest: 120 },
    { name: 'poisson(500)', spec: { type: 'poisson', mean: 500 }, probability: poissonProbability(500), lowest: 300, highest: 700 },
    {
      name: 'negativeBinomial(mean 5, sd 4)',
      spec: { type: 'negativeBinomial', mean: 5, sd: 4 },
      probability: negativeBinomialProbability(5, 16),
      lowest: 0,
      highest: 150,
    },
    {
      name: 'negativeBinomial(mean 100, sd 20)',
      spec: { type: 'negativeBinomial', mean: 100, sd: 20 },
      probability: negativeBinomialProbability(100, 400),
      lowest: 0,
      highest: 400,
    },
    {
      name: 'empirical [1, 2, 5, 10] weighted [1, 0, 2, 1]',
      spec: { type: 'empirical', values: [1, 2, 5, 10], weights: [1, 0, 2, 1] },
      probability: (k) => ({ 1: 0.25, 5: 0.5, 10: 0.25 })[k] ?? 0,
      lowest: 1,
      highest: 10,
    },
  ];

  it.each(discreteCases)('$name passes a chi-square test against its probabilities', ({ name, spec, probability, lowest, highest }) => {
    const { statistic, critical, coveredProbability } = chiSquare(draw(createSampler(spec, streamNamed(`chi ${name}`))), probability, lowest, highest);
    expect(coveredProbability).toBeCloseTo(1, 9); // the range holds the whole distribution
    expect(statistic).toBeLessThan(critical);
  });
});

describe('integer distributions', () => {
  const integerSpecs: Distribution[] = [
    { type: 'constant', value: 3 },
    { type: 'discreteUniform', min: -2, max: 2 },
    { type: 'poisson', mean: 3.5 },
    { type: 'poisson', mean: 250 },
    { type: 'negativeBinomial', mean: 4, sd: 3 },
    { type: 'negativeBinomial', mean: 60, sd: 10 },
    { type: 'empirical', values: [0, 6, 12], weights: [1, 2, 3] },
  ];

  it.each(integerSpecs)('$type reports isInteger and draws only whole numbers', (spec) => {
    const sampler = createSampler(spec, streamNamed(`integer ${JSON.stringify(spec)}`));
    expect(sampler.isInteger).toBe(true);
    expect(draw(sampler, 5000).every(Number.isInteger)).toBe(true);
  });

  it('discreteUniform draws both ends of its range', () => {
    const values = new Set(draw(createSampler({ type: 'discreteUniform', min: 3, max: 8 }, streamNamed('ends')), 2000));
    expect([...values].sort((a, b) => a - b)).toEqual([3, 4, 5, 6, 7, 8]);
  });

  it('poisson with mean 0 always gives 0', () => {
    const sampler = createSampler({ type: 'poisson', mean: 0 }, streamNamed('poisson zero'));
    expect(draw(sampler, 1000).every((x) => x === 0)).toBe(true);
    expect([sampler.mean, sampler.variance]).toEqual([0, 0]);
  });

  it('empirical never draws a value of weight 0', () => {
    const sampler = createSampler({ type: 'empirical', values: [0, 1, 2, 3], weights: [0, 5, 0, 1] }, streamNamed('zero weights'));
    expect(new Set(draw(sampler))).toEqual(new Set([1, 3]));
  });

  it('continuous distributions and non-integer values report isInteger false', () => {
    const specs: Distribution[] = [
      { type: 'constant', value: 2.5 },
      { type: 'uniform', min: 0, max: 1 },
      { type: 'normal', mean: 0, sd: 1 },
      { type: 'gamma', mean: 2, sd: 1 },
      { type: 'empirical', values: [1, 1.5] },
    ];
    for (const spec of specs) expect(createSampler(spec, streamNamed(`real ${spec.type}`)).isInteger).toBe(false);
  });
});

describe('non-negative quantities', () => {
  it.each([10, 0, -5, -20, -50])('a non-negative normal with mean %d and sd 10 never draws a negative value', (mean) => {
    const sampler = createSampler({ type: 'normal', mean, sd: 10 }, streamNamed(`never negative ${mean}`), { nonNegative: true });
    expect(draw(sampler).every((x) => x >= 0)).toBe(true);
  });

  it('a non-negative normal with sd 0 and a mean >= 0 is that constant', () => {
    const sampler = createSampler({ type: 'normal', mean: 4, sd: 0 }, streamNamed('sd 0'), { nonNegative: true });
    expect(draw(sampler, 10).every((x) => x === 4)).toBe(true);
    expect([sampler.mean, sampler.variance]).toEqual([4, 0]);
  });

  it('a non-negative normal with a tiny sd has the mean and variance of the untruncated one, never NaN', () => {
    // zero is about 1e323 sd below the mean: the density underflows, and α λ used to be -∞ × 0 = NaN
    const sampler = createSampler({ type: 'normal', mean: 3, sd: 1e-323 }, streamNamed('tiny sd'), { nonNegative: true });
    expect([sampler.mean, sampler.variance]).toEqual([3, 1e-323 * 1e-323]);
    expect(draw(sampler, 10).every((x) => x === 3)).toBe(true);
  });

  it('a non-negative normal that is (almost) never >= 0 is an error', () => {
    expect(() => createSampler({ type: 'normal', mean: -1, sd: 0 }, streamNamed('a'), { nonNegative: true })).toThrow(
      'normal(mean -1, sd 0) is always negative, but this quantity cannot be negative',
    );
    expect(() => createSampler({ type: 'normal', mean: -500, sd: 10 }, streamNamed('b'), { nonNegative: true })).toThrow(
      /mean is 50 sd below zero/,
    );
  });

  it.each<Distribution>([
    { type: 'constant', value: -1 },
    { type: 'uniform', min: -1, max: 5 },
    { type: 'discreteUniform', min: -1, max: 5 },
    { type: 'triangular', min: -1, mode: 0, max: 5 },
    { type: 'empirical', values: [-1, 3] },
  ])('$type that can draw negative values is an error for a non-negative quantity', (spec) => {
    expect(() => createSampler(spec, streamNamed(`negative ${spec.type}`), { nonNegative: true })).toThrow(
      `${spec.type} distribution can draw negative values (down to -1), but this quantity cannot be negative`,
    );
    expect(() => createSampler(spec, streamNamed(`allowed ${spec.type}`))).not.toThrow();
  });

  it('an empirical negative value of weight 0 is allowed for a non-negative quantity', () => {
    const spec: Distribution = { type: 'empirical', values: [-1, 3], weights: [0, 1] };
    expect(createSampler(spec, streamNamed('weightless negative'), { nonNegative: true }).sample()).toBe(3);
  });

  it('non-negative leaves distributions that cannot be negative unchanged', () => {
    const spec: Distribution = { type: 'gamma', mean: 3, sd: 2 };
    const plain = draw(createSampler(spec, new RandomStreams('same').stream('gamma')), 100);
    const nonNegative = draw(createSampler(spec, new RandomStreams('same').stream('gamma'), { nonNegative: true }), 100);
    expect(nonNegative).toEqual(plain);
  });
});

describe('streams', () => {
  it('different stream names give different sequences', () => {
    const spec: Distribution = { type: 'normal', mean: 0, sd: 1 };
    const a = draw(createSampler(spec, new RandomStreams('s').stream('a')), 10);
    const b = draw(createSampler(spec, new RandomStreams('s').stream('b')), 10);
    expect(a).not.toEqual(b);
  });

  it('creating a sampler draws nothing from its stream', () => {
    let draws = 0;
    const counting = () => {
      draws++;
      return 0.5;
    };
    for (const { spec, options } of momentCases) createSampler(spec, counting, options);
    new ExponentialSampler(1, counting);
    expect(draws).toBe(0);
  });
});
