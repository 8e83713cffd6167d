import { describe, expect, it } from 'vitest';
import { poissonPmf, shortfallBelow, tableMean, lossAbove } from '../../src/theory/discrete.ts';
import { perishableOrderUpTo } from '../../src/theory/perishableOrderUpTo.ts';
import { OutsideAnalyticRange } from '../../src/theory/range.ts';

/**
 * The Markov chain of order-up-to S with a fixed shelf life (src/theory/perishableOrderUpTo.ts), on
 * cases worked out by hand and on identities any shelf life must meet.
 */
describe('perishableOrderUpTo', () => {
  it('S = 1, m = 2, demand 0 or 1 unit with P(0) = q: outdated q² / (1 + q), left q / (1 + q), orders 1 / (1 + q)', () => {
    // states: the fresh unit left from yesterday (0 or 1). From 0: order 1; kept with probability q
    // (then 1). From 1: no order; it outdates tonight unless sold: back to 0. pi = (1, q) / (1 + q).
    for (const q of [0.5, 0.3]) {
      const r = perishableOrderUpTo({ demandPerPeriod: Float64Array.of(q, 1 - q), orderUpTo: 1, shelfLifePeriods: 2 });
      expect(r.states).toBe(2);
      expect(r.expectedOutdatedPerPeriod).toBeCloseTo((q * q) / (1 + q), 14);
      expect(r.expectedOnHandAtPeriodEnd).toBeCloseTo(q / (1 + q), 14);
      expect(r.expectedOnHandBeforeOutdating).toBeCloseTo(q, 14);
      expect(r.orderProbability).toBeCloseTo(1 / (1 + q), 14);
      expect(r.stationary.map((state) => state.probability)).toEqual([expect.closeTo(1 / (1 + q), 14), expect.closeTo(q / (1 + q), 14)]);
    }
  });

  it('a shelf life of one period is the newsvendor: everything left is outdated', () => {
    const table = poissonPmf(3);
    const r = perishableOrderUpTo({ demandPerPeriod: table, orderUpTo: 6, shelfLifePeriods: 1, outdatingCostPerUnit: 2 });
    expect(r.states).toBe(1);
    expect(r.expectedOutdatedPerPeriod).toBeCloseTo(shortfallBelow(table, 6), 12);
    expect(r.expectedOnHandAtPeriodEnd).toBe(0);
    expect(r.costPerPeriod).toBeCloseTo(2 * shortfallBelow(table, 6), 12);
  });

  it('every period starts at S: before outdating the stock is E(S - D)+, lost sales E(D - S)+, whatever the shelf life; orders replace sales and outdating', () => {
    const table = poissonPmf(3);
    let previous = Infinity;
    for (const m of [1, 2, 3, 4, 5]) {
      const r = perishableOrderUpTo({ demandPerPeriod: table, orderUpTo: 6, shelfLifePeriods: m });
      expect(r.states).toBe([1, 7, 28, 84, 210][m - 1]);
      expect(r.expectedOnHandBeforeOutdating).toBeCloseTo(shortfallBelow(table, 6), 10);
      expect(r.expectedLostPerPeriod).toBeCloseTo(lossAbove(table, 6), 12);
      expect(r.expectedOrderPerPeriod).toBeCloseTo(tableMean(table) - lossAbove(table, 6) + r.expectedOutdatedPerPeriod, 9);
      // a longer life outdates less
      expect(r.expectedOutdatedPerPeriod).toBeLessThan(previous);
      previous = r.expectedOutdatedPerPeriod;
    }
  });

  it('costs: h on hand after outdating + p lost + w outdated + K orders', () => {
    const base = { demandPerPeriod: poissonPmf(3), orderUpTo: 6, shelfLifePeriods: 2 };
    const r = perishableOrderUpTo({ ...base, holdingCostPerUnitPerPeriod: 0.2, lostSaleCost: 3, outdatingCostPerUnit: 1.75, orderingCost: 5 });
    expect(r.costPerPeriod).toBeCloseTo(0.2 * r.expectedOnHandAtPeriodEnd + 3 * r.expectedLostPerPeriod + 1.75 * r.expectedOutdatedPerPeriod + 5 * r.orderProbability, 12);
    // the scenarios/theory/perishable-order-up-to.json figures
    expect([r.expectedOutdatedPerPeriod, r.expectedOnHandAtPeriodEnd].map((x) => Number(x.toFixed(4)))).toEqual([0.5911, 2.4596]);
  });

  it('refuses a chain too large to solve in a moment, and bad input', () => {
    expect(() => perishableOrderUpTo({ demandPerPeriod: poissonPmf(300), orderUpTo: 400, shelfLifePeriods: 4 })).toThrow(OutsideAnalyticRange);
    // a shelf life or a level of 10^15: refused at once, not counted state by state
    for (const [orderUpTo, shelfLifePeriods] of [[6, 1e15], [1e15, 3], [1e15, 1e15]]) {
      const started = performance.now();
      expect(() => perishableOrderUpTo({ demandPerPeriod: poissonPmf(3), orderUpTo, shelfLifePeriods })).toThrow(OutsideAnalyticRange);
      expect(performance.now() - started).toBeLessThan(100);
    }
    expect(() => perishableOrderUpTo({ demandPerPeriod: poissonPmf(3), orderUpTo: 2.5, shelfLifePeriods: 2 })).toThrow(/orderUpTo/);
    expect(() => perishableOrderUpTo({ demandPerPeriod: poissonPmf(3), orderUpTo: 6, shelfLifePeriods: 0 })).toThrow(/shelfLifePeriods/);
    expect(() => perishableOrderUpTo({ demandPerPeriod: Float64Array.of(0.5, 0.4), orderUpTo: 6, shelfLifePeriods: 2 })).toThrow(/sum to 1/);
  });
});
