import { describe, expect, it } from 'vitest';
import { clauseOf, compareVariants, differenceText, HEADLINE, headlineFor, labelOf } from '../../src/experiment/compare.ts';
import { runExperiment, type ExperimentResult } from '../../src/experiment/replicate.ts';
import { KPI_NAMES, type KpiName } from '../../src/metrics/kpis.ts';
import { confidenceHalfWidth } from '../../src/metrics/studentT.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { leanAndGenerousStore, repoRoot, scenarioOf } from '../fixtures/scenario.ts';

/** One store, two (s, S) policies: the generous one holds more and runs out less. */
const scenario: Scenario = leanAndGenerousStore(300, 12);
const result = runExperiment(scenario);
const [comparison] = compareVariants(result, { windowDays: 300, currency: 'EUR' });

describe('paired comparison of variants on common random numbers', () => {
  it('is the mean and Student t interval of the per-replication differences', () => {
    const fill = comparison.differences.find((d) => d.kpi === 'fillRate')!;
    const lean = result.variants[0].samples.network.fillRate as number[];
    const generous = result.variants[1].samples.network.fillRate as number[];
    const differences = generous.map((value, k) => value - lean[k]);
    const mean = differences.reduce((a, b) => a + b, 0) / differences.length;
    const sd = Math.sqrt(differences.reduce((a, b) => a + (b - mean) ** 2, 0) / (differences.length - 1));
    expect(fill.n).toBe(12);
    expect(fill.mean).toBeCloseTo(mean, 12);
    expect(fill.sd).toBeCloseTo(sd, 12);
    expect(fill.halfWidth).toBeCloseTo(confidenceHalfWidth(sd, 12)!, 12);
    expect(fill.significant).toBe(true);
    expect(fill.mean).toBeGreaterThan(0);
  });

  it('is narrower than comparing the two means as if independent: the variants share their random days', () => {
    const fill = comparison.differences.find((d) => d.kpi === 'fillRate')!;
    const [a, b] = result.variants.map((variant) => variant.network.fillRate.halfWidth!);
    expect(fill.halfWidth!).toBeLessThan(Math.sqrt(a * a + b * b));
  });

  it('gives money over the measured window, as the KPIs are: the difference of the two variants\' means', () => {
    const holding = comparison.differences.find((d) => d.kpi === 'holdingCost')!;
    const perWindow = result.variants[1].network.holdingCost.mean! - result.variants[0].network.holdingCost.mean!;
    expect(holding.mean).toBeCloseTo(perWindow, 9);
    expect(comparison.windowDays).toBe(300);
  });

  it('says it in a sentence naming both variants, the fill rate in points and the costs over the window', () => {
    expect(comparison.sentence).toMatch(
      /^Compared with lean, generous raises fill rate by [\d.]+ points \(±[\d.]+\), raises holding cost by [\d,.]+ EUR over the 300-day window \(±[\d,.]+\) and (raises|lowers) total cost by [\d,.]+ EUR over the 300-day window \(±[\d,.]+\)\.$/,
    );
    expect(comparison.sentence).not.toMatch(/year/);
    const holding = comparison.differences.find((d) => d.kpi === 'holdingCost')!;
    expect(holding.text).toMatch(/^\+[\d,.]+ EUR ± [\d,.]+ over the 300-day window$/);
  });

  it('calls a difference whose interval holds 0 no change, and words the units', () => {
    expect(clauseOf('holdingCost', 4.3, 5.3, false, 'EUR', 351)).toBe('leaves holding cost unchanged within the noise (+4.3 EUR ±5.3 over the 351-day window)');
    expect(clauseOf('fillRate', -0.0472, 0.0013, true, 'EUR', 351)).toBe('lowers fill rate by 4.72 points (±0.13)');
    expect(clauseOf('totalCost', 22515, 940, true, '€', 351)).toBe('raises total cost by 22,515 € over the 351-day window (±940)');
    expect(clauseOf('totalCost', -1200, 30, true, 'EUR', 1095.5)).toBe('lowers total cost by 1,200 EUR over the 1,095.5-day window (±30)');
    expect(differenceText('totalCost', -22515, 940, 'EUR', 351)).toBe('−22,515 EUR ± 940 over the 351-day window');
    expect(differenceText('fillRate', 0.0743, 0.0012, 'EUR', 351)).toBe('+7.43 points ± 0.12');
    expect(labelOf('avgOnHand')).toBe('average on hand');
    expect(labelOf('customersChurned')).toBe('customers lost');
    expect(labelOf('onTimeDelivery')).toBe('on-time delivery');
    expect(labelOf('expiredUnits')).toBe('expired units');
  });

  it('names on-time delivery and expired units in the sentence where they apply, after fill rate and holding cost', () => {
    // two variants over 3 replications whose KPIs are known: every difference is exact
    const kpis = (values: Partial<Record<KpiName, number>>) => Object.fromEntries(KPI_NAMES.map((name) => [name, [0, 1, 2].map((k) => (values[name] === undefined ? null : values[name]! + k * 0.01))]));
    const variant = (id: string, values: Partial<Record<KpiName, number>>) => ({ id, name: id, samples: { replications: [0, 1, 2], network: kpis(values) } });
    const synthetic = {
      variants: [
        variant('one', { fillRate: 0.9, onTimeDelivery: 0.8, holdingCost: 100, expiredUnits: 40, totalCost: 1000 }),
        variant('three', { fillRate: 0.95, onTimeDelivery: 0.9, holdingCost: 100, expiredUnits: 25, totalCost: 900 }),
      ],
    } as unknown as ExperimentResult;
    const [pair] = compareVariants(synthetic, { windowDays: 365, currency: 'EUR' });
    expect(pair.sentence).toMatch(
      /^Compared with one, three raises fill rate by 5\.0+ points \(±[\d.]+\), raises on-time delivery by 10\.0+ points \(±[\d.]+\), leaves holding cost unchanged within the noise \([^)]*\), lowers expired units by 15(\.0+)? \(±[\d.]+\) and lowers total cost by 100(\.0+)? EUR over the 365-day window \(±[\d.]+\)\.$/,
    );
    // without online zones or perishables, neither is named
    const plain = compareVariants({ variants: [variant('one', { fillRate: 0.9, holdingCost: 100 }), variant('three', { fillRate: 0.95, holdingCost: 120 })] } as unknown as ExperimentResult, { windowDays: 365, currency: 'EUR' });
    expect(plain[0].sentence).not.toMatch(/on-time|expired/);
  });

  it('compares every variant to a baseline when asked, and refuses an unknown one', () => {
    expect(compareVariants(result, { windowDays: 300, currency: 'EUR', baseline: 'generous' }).map((c) => [c.baseline.id, c.variant.id])).toEqual([['generous', 'lean']]);
    expect(() => compareVariants(result, { windowDays: 300, currency: 'EUR', baseline: 'nope' })).toThrow(/no variant "nope"/);
  });
});

describe('the sentence names the wait for a server only where suppliers have servers', () => {
  it('a fourth picker at an M/M/3 station lowers the wait for a server; a store without servers never mentions it', () => {
    const station = scenarioOf(
      JSON.parse(
        JSON.stringify({
          ...JSON.parse(readFileSync(join(repoRoot, 'scenarios/theory/queue-mmc.json'), 'utf8')),
          horizonDays: 400,
          warmupDays: 50,
          replications: 5,
          theory: undefined,
          variants: [{ id: 'three' }, { id: 'four', name: 'four pickers', set: [{ path: '/nodes/0/servers', value: 4 }] }],
        }),
      ),
    );
    const [pickers] = compareVariants(runExperiment(station), { windowDays: 350, currency: 'EUR' });
    // Wq falls from about 0.11 to about 0.02 days: a difference far outside the noise
    expect(pickers.sentence).toMatch(/, lowers wait for a server by 0\.\d+ days \(±0\.\d+\), /);
    expect(pickers.differences.find((d) => d.kpi === 'queueWait')!.significant).toBe(true);
    expect(comparison.sentence).not.toMatch(/server/);
    expect(comparison.differences.some((d) => d.kpi === 'queueWait')).toBe(false);
  });
});

describe('the sentence names the order fill rate where customers place orders the fill rate does not describe', () => {
  const depot = scenarioOf(
    JSON.parse(
      JSON.stringify({
        ...JSON.parse(readFileSync(join(repoRoot, 'scenarios/14-wholesale-and-walk-ins.json'), 'utf8')),
        horizonDays: 200,
        warmupDays: 20,
        replications: 6,
      }),
    ),
  );

  it('an orders entry or delivery terms put it after the fill rate; plain walk-ins keep the sentence they had', () => {
    expect(headlineFor(depot)).toEqual(['fillRate', 'orderFillRate', ...HEADLINE.slice(1)]);
    expect(headlineFor(scenario)).toBe(HEADLINE);
    const walkInsDelivered = { demand: [{ ...scenario.demand[0], type: 'arrivals', delivery: { leadTime: { type: 'constant', value: 1 } } }] } as unknown as Scenario;
    expect(headlineFor(walkInsDelivered)).toContain('orderFillRate');
    // the lean-and-generous store has an order fill rate (its walk-ins) but the sentence leaves it out
    expect(comparison.differences.some((d) => d.kpi === 'orderFillRate')).toBe(true);
    expect(comparison.sentence).not.toMatch(/order fill rate/);
  });

  it('a higher reorder point at the paint depot raises the order fill rate, named right after the fill rate', () => {
    const [higher] = compareVariants(runExperiment(depot), { windowDays: 180, currency: 'EUR', baseline: 'today', headline: headlineFor(depot) });
    expect(higher.variant.id).toBe('higher-s');
    expect(higher.headline).toEqual(headlineFor(depot));
    expect(higher.sentence).toMatch(/raises fill rate by [\d.]+ points \(±[\d.]+\), raises order fill rate by [\d.]+ points \(±[\d.]+\), /);
  });
});
