import { describe, expect, it } from 'vitest';
import { fitDemand } from '../../src/import/fitDemand.ts';
import { classifyDemand } from '../../src/import/classifyDemand.ts';
import { logGamma } from '../../src/math/logGamma.ts';
import { createSampler } from '../../src/random/distributions/sampler.ts';
import { RandomStreams } from '../../src/random/streams.ts';
import type { Distribution } from '../../src/scenario/schema.ts';

/** `n` seeded daily demands drawn from `spec`, rounded to whole units where `round`. */
function drawn(spec: Distribution, n: number, name: string, round = false): number[] {
  const sampler = createSampler(spec, new RandomStreams('fit-tests').stream(name), { nonNegative: true });
  return Array.from({ length: n }, () => (round ? Math.round(sampler.sample()) : sampler.sample()));
}

/** The 4-standard-error band of a sample mean of n draws of variance v. */
const band = (variance: number, n: number) => 4 * Math.sqrt(variance / n);

describe('logGamma', () => {
  it('matches scipy.special.gammaln (scipy 1.17.1) to 1e-14 relative', () => {
    const cases: [number, number][] = [
      [0.5, 0.5723649429247],
      [1, 0],
      [2, 0],
      [3.7, 1.428072326665388],
      [10, 12.801827480081469],
      [100.25, 360.28455963776423],
      [0.001, 6.907178885383853],
      [5000.5, 37586.88488728106],
      [1e5, 1051287.7089736569],
    ];
    for (const [x, expected] of cases) expect(Math.abs(logGamma(x) - expected)).toBeLessThanOrEqual(1e-14 * Math.max(1, Math.abs(expected)));
  });

  it('refuses x <= 0', () => {
    expect(() => logGamma(0)).toThrow('expected x > 0');
  });
});

describe('classifyDemand (Syntetos, Boylan and Croston 2005)', () => {
  it('computes ADI and CV² of the non-zero demands by hand', () => {
    // 8 days, 4 with demand: ADI 2; sizes 2, 4, 4, 6: mean 4, variance 2, CV² 2/16
    const c = classifyDemand([0, 2, 0, 4, 0, 4, 0, 6]);
    expect(c.adi).toBe(2);
    expect(c.cv2).toBeCloseTo(0.125, 15);
    expect(c.demandClass).toBe('intermittent');
  });

  it('puts each corner in its class, and the cut-offs on the upper side', () => {
    expect(classifyDemand([5, 5, 6, 4]).demandClass).toBe('smooth');
    expect(classifyDemand([1, 20, 1, 30]).demandClass).toBe('erratic');
    expect(classifyDemand([0, 0, 10, 0, 0, 1, 0, 0, 30]).demandClass).toBe('lumpy');
    // ADI exactly 1.32 (33 days, 25 with demand) is not below the cut: intermittent, not smooth
    expect(classifyDemand([...new Array(25).fill(3), ...new Array(8).fill(0)]).demandClass).toBe('intermittent');
  });

  it('has no class without demand', () => {
    expect(classifyDemand([0, 0, 0])).toEqual({ adi: Infinity, cv2: 0, demandClass: null });
  });
});

describe('fitDemand: the model of lowest AIC, on data of known parameters', () => {
  it('Poisson data (mean 4, two years): Poisson, its mean within 4 standard errors', () => {
    const sample = drawn({ type: 'poisson', mean: 4 }, 730, 'poisson');
    const fit = fitDemand(sample);
    expect(fit.chosen.model).toBe('poisson');
    expect(Math.abs(fit.mean - 4)).toBeLessThan(band(4, 730));
    expect(fit.reason).toMatch(/^lowest AIC \([\d,.]+; next /);
  });

  it('negative binomial data (mean 5, sd 4): negative binomial, its sd recovered', () => {
    const sample = drawn({ type: 'negativeBinomial', mean: 5, sd: 4 }, 730, 'nb');
    const fit = fitDemand(sample);
    expect(fit.chosen.model).toBe('negativeBinomial');
    const d = fit.chosen.distribution as { mean: number; sd: number };
    expect(Math.abs(d.mean - 5)).toBeLessThan(band(16, 730));
    // the sd of a sample of 730 has a standard error of about sd/√(2n) · √(kurtosis factor): 10% is wide enough
    expect(d.sd).toBeGreaterThan(3.6);
    expect(d.sd).toBeLessThan(4.4);
  });

  it('intermittent data (demand on 15% of days, lognormal sizes of mean 12): Croston’s model', () => {
    const sample = drawn({ type: 'intermittent', probability: 0.15, size: { type: 'lognormal', mean: 12, sd: 6 } }, 730, 'croston', true);
    const fit = fitDemand(sample);
    expect(fit.chosen.model).toBe('intermittent');
    const d = fit.chosen.distribution as { probability: number; size: { mean: number; sd: number } };
    // p is a binomial share of 730 days
    expect(Math.abs(d.probability - 0.15)).toBeLessThan(4 * Math.sqrt((0.15 * 0.85) / 730));
    expect(d.size.mean).toBeGreaterThan(10);
    expect(d.size.mean).toBeLessThan(14);
  });

  it('high-volume normal data (mean 200, sd 20): the normal or its near twin the negative binomial, never Poisson', () => {
    const sample = drawn({ type: 'normal', mean: 200, sd: 20 }, 730, 'normal', true);
    const fit = fitDemand(sample);
    expect(['normal', 'negativeBinomial']).toContain(fit.chosen.model);
    expect(fit.candidates.find((c) => c.model === 'poisson')!.aic).toBeGreaterThan(fit.chosen.aic + 100);
    expect(Math.abs(fit.mean - 200)).toBeLessThan(band(400, 730));
  });

  it('a few repeated values (case packs of 25 and 50): the empirical distribution, its weights the counts', () => {
    const sample = [...new Array(300).fill(0), ...new Array(40).fill(25), ...new Array(10).fill(50)];
    const fit = fitDemand(sample);
    expect(fit.chosen.model).toBe('empirical');
    expect(fit.chosen.distribution).toEqual({ type: 'empirical', values: [0, 25, 50], weights: [300, 40, 10] });
    // its likelihood, by hand: Σ c ln(c/n), with 2 parameters
    const n = 350;
    const logLikelihood = 300 * Math.log(300 / n) + 40 * Math.log(40 / n) + 10 * Math.log(10 / n);
    expect(fit.chosen.logLikelihood).toBeCloseTo(logLikelihood, 9);
    expect(fit.chosen.aic).toBeCloseTo(4 - 2 * logLikelihood, 9);
  });

  it('computes the Poisson likelihood as the textbook does', () => {
    // days 1, 2, 3: mean 2; ln L = Σ x ln 2 - 3·2 - ln(1! 2! 3!)
    const fit = fitDemand([1, 2, 3]);
    const poisson = fit.candidates.find((c) => c.model === 'poisson')!;
    expect(poisson.logLikelihood).toBeCloseTo(6 * Math.log(2) - 6 - Math.log(12), 12);
    expect(poisson.aic).toBeCloseTo(2 - 2 * poisson.logLikelihood, 12);
  });

  it('the same demand every day is a constant', () => {
    const fit = fitDemand([7, 7, 7, 7]);
    expect(fit.chosen.distribution).toEqual({ type: 'constant', value: 7 });
  });

  it('a history not in whole units gets the normal, or Croston’s model with many empty days, and says why', () => {
    const kilos = fitDemand([1.5, 2.25, 3, 2.5, 1.75]);
    expect(kilos.chosen.model).toBe('normal');
    expect(kilos.reason).toContain('not in whole units');
    const sparse = fitDemand([0, 0, 0, 1.5, 0, 2.5, 0, 0, 0, 3.25]);
    expect(sparse.chosen.model).toBe('intermittent');
    expect(sparse.chosen.distribution).toMatchObject({ type: 'intermittent', probability: 0.3 });
  });

  it('refuses a history without demand', () => {
    expect(() => fitDemand([0, 0, 0])).toThrow('expected a history with some demand');
  });

  it('gives the same numbers for the same history (deterministic)', () => {
    const sample = drawn({ type: 'negativeBinomial', mean: 3, sd: 3 }, 365, 'again');
    expect(JSON.stringify(fitDemand(sample))).toBe(JSON.stringify(fitDemand([...sample])));
  });
});
