import { describe, expect, it } from 'vitest';
import { baseStockPoisson, optimalBaseStockPoisson } from '../../src/theory/baseStockPoisson.ts';

/** Direct sums over the Poisson(mean) distribution, independent of the discrete tables. */
function directSums(mean: number, level: number) {
  let p = Math.exp(-mean);
  const sums = { belowLevel: 0, atMostLevel: 0, onHand: 0, backorders: 0 };
  for (let d = 0; d < mean + 40 * Math.sqrt(mean + 1) + 40; d++) {
    if (d > 0) p *= mean / d;
    if (d <= level - 1) sums.belowLevel += p;
    if (d <= level) sums.atMostLevel += p;
    sums.onHand += Math.max(level - d, 0) * p;
    sums.backorders += Math.max(d - level, 0) * p;
  }
  return sums;
}

describe('baseStockPoisson against published figures', () => {
  it('S = 12, lambda L = 3 × 3 = 9: fill rate 0.803, on hand 3.282, backorders 0.282 (test/validation/baseStockPoisson.test.ts)', () => {
    const result = baseStockPoisson({ demandPerDay: 3, leadTimeDays: 3, baseStockLevel: 12 });
    expect(result.fillRate).toBeCloseTo(0.803, 3);
    expect(result.expectedOnHand).toBeCloseTo(3.282, 3);
    expect(result.expectedBackorders).toBeCloseTo(0.282, 3);
  });

  it('Snyder & Shen, Fundamentals of Supply Chain Theory, 2nd ed., Example 4.7: lead-time demand Poisson(6), h = 1, b = 4: S* = 8, cost 3.57', () => {
    // the one-for-one cost rate h E(S - D)+ + b E(D - S)+ is the newsvendor cost of the lead-time demand
    // (Zipkin 2000, ch. 6), so the book's newsvendor example is this model with lambda L = 6
    const result = optimalBaseStockPoisson({
      demandPerDay: 3,
      leadTimeDays: 2,
      holdingCostPerUnitPerDay: 1,
      backorderCostPerUnitPerDay: 4,
    });
    expect(result.baseStockLevel).toBe(8);
    expect(result.criticalRatio).toBeCloseTo(0.8, 12);
    expect(result.costPerDay).toBeCloseTo(3.57, 2);
  });
});

describe('baseStockPoisson properties', () => {
  it('agrees with direct sums over the Poisson distribution', () => {
    for (const [demandPerDay, leadTimeDays, baseStockLevel] of [
      [3, 3, 12],
      [0.2, 7, 2],
      [5, 10, 60],
      [1, 2, 0],
      [2, 1.5, -2],
    ]) {
      const mean = demandPerDay * leadTimeDays;
      const sums = directSums(mean, baseStockLevel);
      const result = baseStockPoisson({
        demandPerDay,
        leadTimeDays,
        baseStockLevel,
        holdingCostPerUnitPerDay: 2,
        backorderCostPerUnitPerDay: 9,
      });
      expect(result.fillRate).toBeCloseTo(sums.belowLevel, 10);
      expect(result.readyRate).toBe(result.fillRate);
      expect(result.probabilityNoBackorders).toBeCloseTo(sums.atMostLevel, 10);
      expect(result.expectedOnHand).toBeCloseTo(sums.onHand, 9);
      expect(result.expectedBackorders).toBeCloseTo(sums.backorders, 9);
      expect(result.costPerDay).toBeCloseTo(2 * sums.onHand + 9 * sums.backorders, 8);
      // on hand - backorders = S - on order, and E[on order] = lambda L (Little's law)
      expect(result.expectedOnHand - result.expectedBackorders).toBeCloseTo(baseStockLevel - mean, 9);
      expect(result.expectedInventoryPosition).toBe(baseStockLevel);
    }
  });

  it('the optimum is the first minimiser found by brute force over S = 0..80', () => {
    for (const [demandPerDay, leadTimeDays, holding, backorder] of [
      [3, 2, 1, 4],
      [0.5, 4, 1, 19],
      [10, 3, 2, 3],
      [1, 1, 5, 1],
    ]) {
      const costs = { holdingCostPerUnitPerDay: holding, backorderCostPerUnitPerDay: backorder };
      let best = 0;
      let bestCost = Infinity;
      for (let level = 0; level <= 80; level++) {
        const cost = baseStockPoisson({ demandPerDay, leadTimeDays, baseStockLevel: level, ...costs }).costPerDay;
        if (cost < bestCost - 1e-12) [best, bestCost] = [level, cost];
      }
      const optimal = optimalBaseStockPoisson({ demandPerDay, leadTimeDays, ...costs });
      expect(optimal.baseStockLevel).toBe(best);
      expect(optimal.costPerDay).toBeCloseTo(bestCost, 12);
    }
  });

  it('with no lead time nothing is ever on order', () => {
    const result = baseStockPoisson({ demandPerDay: 4, leadTimeDays: 0, baseStockLevel: 3 });
    expect(result.fillRate).toBe(1);
    expect(result.expectedOnHand).toBe(3);
    expect(result.expectedBackorders).toBe(0);
  });

  it('rejects invalid parameters with a RangeError naming them', () => {
    expect(() => baseStockPoisson({ demandPerDay: -1, leadTimeDays: 2, baseStockLevel: 3 })).toThrow(/demandPerDay/);
    expect(() => baseStockPoisson({ demandPerDay: 1, leadTimeDays: NaN, baseStockLevel: 3 })).toThrow(/leadTimeDays/);
    expect(() => baseStockPoisson({ demandPerDay: 1, leadTimeDays: 2, baseStockLevel: 3.5 })).toThrow(/baseStockLevel/);
    expect(() =>
      baseStockPoisson({ demandPerDay: 1, leadTimeDays: 2, baseStockLevel: 3, holdingCostPerUnitPerDay: -1 }),
    ).toThrow(/holdingCostPerUnitPerDay/);
    expect(() =>
      optimalBaseStockPoisson({ demandPerDay: 1, leadTimeDays: 2, holdingCostPerUnitPerDay: 1, backorderCostPerUnitPerDay: 0 }),
    ).toThrow(RangeError);
  });
});
