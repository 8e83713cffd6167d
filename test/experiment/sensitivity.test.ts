import { describe, expect, it } from 'vitest';
import { perturb, scaleDistribution, spreadDistribution, tornado, variantAlone } from '../../src/experiment/sensitivity.ts';
import { distributionMean, distributionVariance } from '../../src/random/distributions/sampler.ts';
import type { Distribution } from '../../src/scenario/schema.ts';
import { parseScenario } from '../../src/scenario/parse.ts';
import { loadScenarioFile } from '../fixtures/scenario.ts';

const coffee = (() => {
  const loaded = loadScenarioFile('scenarios/04-coffee-brand.json');
  if (!loaded.ok) throw new Error('coffee does not parse');
  return loaded.scenario;
})();

const distributions: Distribution[] = [
  { type: 'constant', value: 4 },
  { type: 'uniform', min: 2, max: 6 },
  { type: 'normal', mean: 10, sd: 2 },
  { type: 'lognormal', mean: 10, sd: 3 },
  { type: 'gamma', mean: 10, sd: 3 },
  { type: 'poisson', mean: 10 },
  { type: 'exponential', mean: 2 },
  { type: 'negativeBinomial', mean: 10, sd: 5 },
  { type: 'triangular', min: 1, mode: 2, max: 6 },
  { type: 'empirical', values: [1, 2, 3], weights: [1, 2, 1] },
];

describe('moving one input at a time', () => {
  it.each(distributions.map((d) => [d.type, d] as const))('scales a %s distribution: mean times the factor', (_type, d) => {
    expect(distributionMean(scaleDistribution(d, 1.2))).toBeCloseTo(distributionMean(d) * 1.2, 9);
  });

  it.each(distributions.map((d) => [d.type, d] as const))('spreads a %s distribution around its mean, where it has a free spread', (_type, d) => {
    const spread = spreadDistribution(d, 1.5);
    if (spread === null) {
      expect(['constant', 'poisson', 'exponential']).toContain(d.type);
      return;
    }
    // the mean of demand as drawn (a normal truncated at zero) stays; the sd parameter is 1.5 times as large
    expect(distributionMean(spread, { nonNegative: true })).toBeCloseTo(distributionMean(d, { nonNegative: true }), 9);
    expect(Math.sqrt(distributionVariance(spread))).toBeCloseTo(Math.sqrt(distributionVariance(d)) * 1.5, 6);
  });

  // demand as the engine draws it: never negative (a normal is truncated at zero)
  const demandMean = (d: Distribution) => distributionMean(d, { nonNegative: true });
  const asDemand: [string, Distribution][] = [
    ['an empirical distribution weighted off its centre (weighted mean 2.33, unweighted 4.33)', { type: 'empirical', values: [1, 2, 10], weights: [5, 3, 1] }],
    ['an empirical distribution without weights', { type: 'empirical', values: [2, 3, 7] }],
    ['a normal near zero (mean 2, sd 3: truncation matters)', { type: 'normal', mean: 2, sd: 3 }],
    ['a normal far from zero', { type: 'normal', mean: 40, sd: 4 }],
    ['a negative binomial', { type: 'negativeBinomial', mean: 6, sd: 4 }],
    ['a triangular', { type: 'triangular', min: 1, mode: 2, max: 9 }],
    ['a uniform', { type: 'uniform', min: 2, max: 6 }],
    ['a lognormal', { type: 'lognormal', mean: 5, sd: 4 }],
    ['a gamma', { type: 'gamma', mean: 5, sd: 4 }],
    ['Croston’s intermittent model', { type: 'intermittent', probability: 0.3, size: { type: 'empirical', values: [1, 4, 12], weights: [6, 3, 1] } }],
  ];

  it.each(asDemand)('keeps mean demand when it spreads %s, up and down', (_name, d) => {
    for (const factor of [0.8, 1.2]) {
      const spread = spreadDistribution(d, factor)!;
      expect(Math.abs(demandMean(spread) - demandMean(d))).toBeLessThan(1e-9 * Math.max(1, demandMean(d)));
      // and the spread moved the way it was asked to
      const sd = (x: Distribution) => Math.sqrt(distributionVariance(x, { nonNegative: true }));
      if (factor > 1) expect(sd(spread)).toBeGreaterThan(sd(d));
      else expect(sd(spread)).toBeLessThan(sd(d));
    }
  });

  it('spreads an empirical distribution around its weighted mean, value by value', () => {
    // weighted mean (5·1 + 3·2 + 1·10) / 9 = 21/9; each value moves 1.5 times as far from it
    const spread = spreadDistribution({ type: 'empirical', values: [1, 2, 10], weights: [5, 3, 1] }, 1.5) as { values: number[] };
    const mean = 21 / 9;
    [1, 2, 10].forEach((value, i) => expect(spread.values[i]).toBeCloseTo(mean + (value - mean) * 1.5, 12));
  });

  it('moves demand, lead times, churn and holding cost of a whole scenario, which stays valid', () => {
    const demand = perturb(coffee, 'demandMean', 0.8)!;
    expect(demand.demand.map((d) => (d.type === 'arrivals' ? d.customersPerDay : null))).toEqual(coffee.demand.map((d) => (d.type === 'arrivals' ? d.customersPerDay * 0.8 : null)));
    const lead = perturb(coffee, 'leadTime', 1.2)!;
    expect(distributionMean(lead.lanes[0].leadTime)).toBeCloseTo(distributionMean(coffee.lanes[0].leadTime) * 1.2, 9);
    const churn = perturb(coffee, 'churn', 1.2)!;
    expect(churn.customers[0].churn.onStockout).toBeCloseTo(Math.min(1, coffee.customers[0].churn.onStockout * 1.2), 12);
    const holding = perturb(coffee, 'holdingCost', 0.8)!;
    expect(holding.products[0].holdingCost).toEqual({ annualRate: 0.3 * 0.8 });
    for (const scenario of [demand, lead, churn, holding]) expect(parseScenario(scenario).ok).toBe(true);
    // the original is untouched
    expect(coffee.products[0].holdingCost).toEqual({ annualRate: 0.3 });
  });

  it('moves the online side too: transit to customers with lead times, late and notified churn with churn', () => {
    const loaded = loadScenarioFile('test/fixtures/online-zone.json');
    if (!loaded.ok) throw new Error('online-zone does not parse');
    const online = loaded.scenario;
    const lead = perturb(online, 'leadTime', 1.2)!;
    expect(distributionMean(lead.fulfilment[0].from[0].transitDays)).toBeCloseTo(distributionMean(online.fulfilment[0].from[0].transitDays) * 1.2, 9);
    const churn = perturb(online, 'churn', 0.5)!;
    expect(churn.customers[0].churn).toMatchObject({ onLate: 0.2, onAbandon: 0.1 });
    expect(churn.fulfilment[0].communication!.churnIfNotified).toBeCloseTo(0.05, 12);
    for (const scenario of [lead, churn]) expect(parseScenario(scenario).ok).toBe(true);
  });

  it("moves what a variant runs: its 'set' changes are applied before, not after, the move", () => {
    const loaded = loadScenarioFile('scenarios/09-online-shoes-24h.json');
    if (!loaded.ok) throw new Error('09 does not parse');
    const central = loaded.scenario.variants.find((variant) => variant.id === 'central')!;
    const alone = variantAlone(loaded.scenario, central);
    expect(alone.variants).toEqual([{ ...central, set: [] }]);
    // the central variant delivers from the central warehouse: that transit is the one moved
    const lead = perturb(alone, 'leadTime', 1.2)!;
    expect(lead.fulfilment[0].from.map((source) => source.warehouse)).toEqual(['central']);
    expect(distributionMean(lead.fulfilment[0].from[0].transitDays)).toBeCloseTo(distributionMean(alone.fulfilment[0].from[0].transitDays) * 1.2, 9);
    expect(parseScenario(lead).ok).toBe(true);
  });

  it('says when a scenario has nothing to move (no customer base: no churn)', () => {
    expect(perturb({ ...coffee, customers: [] }, 'churn', 1.2)).toBeNull();
  });

  it('orders the bars by swing, largest first', () => {
    const summary = (mean: number) => ({ mean, sd: null, halfWidth: null, n: 1 });
    const bars = tornado([
      { input: 'churn', low: summary(10), high: summary(12) },
      { input: 'leadTime', low: summary(20), high: summary(5) },
      { input: 'holdingCost', low: summary(9), high: summary(9.5) },
    ]);
    expect(bars.map((bar) => [bar.input, bar.swing])).toEqual([
      ['leadTime', 15],
      ['churn', 2],
      ['holdingCost', 0.5],
    ]);
  });
});
