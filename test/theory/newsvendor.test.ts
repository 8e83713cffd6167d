import { describe, expect, it } from 'vitest';
import { newsvendorNormal, newsvendorPoisson } from '../../src/theory/newsvendor.ts';

/** |actual - published| <= tolerance, the tolerance being what the printed figure allows */
function near(actual: number, published: number, tolerance: number) {
  expect(Math.abs(actual - published)).toBeLessThanOrEqual(tolerance);
}

describe('newsvendorNormal against published examples', () => {
  // Cachon & Terwiesch, Matching Supply with Demand, 2nd ed. (2009), ch. 12, O'Neill's Hammer 3/2 wetsuit:
  // demand N(3192, 1181²), price $180, cost $110, salvage $90, so cu = 70 and co = 20.
  const hammer = { mean: 3192, sd: 1181, underageCost: 180 - 110, overageCost: 110 - 90 };

  it('Cachon & Terwiesch, Hammer 3/2: critical ratio 0.7778, z = 0.77, Q* = 4,101', () => {
    const result = newsvendorNormal(hammer);
    expect(result.criticalRatio).toBeCloseTo(0.7778, 4);
    // the book reads z from a table with two decimals, rounding up to 0.77 (exact 0.7647), so its Q* may
    // be up to 0.01 sd above the exact one
    expect(result.z).toBeLessThanOrEqual(0.77);
    expect(result.z).toBeGreaterThan(0.76);
    near(result.quantity, 4101, 0.01 * hammer.sd);
  });

  it('Cachon & Terwiesch, Hammer 3/2 with Q = 3,500: lost sales 334, sales 2,858, leftover 642, profit $187,220', () => {
    const result = newsvendorNormal({ ...hammer, quantity: 3500 });
    expect(result.z).toBeCloseTo(0.26, 2);
    // the book rounds z to 0.26, reads L(z) = 0.2824 from its table and rounds to whole units: one unit
    near(result.expectedShortage, 334, 1);
    near(result.expectedSales, 2858, 1);
    near(result.expectedLeftover, 642, 1);
    // profit = cu E[sales] - co E[leftover]; one unit of lost sales moves it by cu + co = $90
    const profit = hammer.underageCost * result.expectedSales - hammer.overageCost * result.expectedLeftover;
    near(profit, 187220, hammer.underageCost + hammer.overageCost);
    // and profit = cu E[D] - expected cost, the cost being what uncertainty takes away
    expect(profit).toBeCloseTo(hammer.underageCost * hammer.mean - result.expectedCost, 6);
  });

  it("Nahmias, Production and Operations Analysis, 6th ed., §5.3, Mac's newsstand: ratio .667, z = .43, Q* = 13.77", () => {
    // demand N(11.73, 4.74²); a copy costs 25 cents and sells for 75, no salvage: cu = 0.50, co = 0.25
    const result = newsvendorNormal({ mean: 11.73, sd: 4.74, underageCost: 0.5, overageCost: 0.25 });
    expect(result.criticalRatio).toBeCloseTo(0.667, 3);
    expect(result.z).toBeCloseTo(0.43, 2);
    expect(result.quantity).toBeCloseTo(13.77, 2);
    expect(Math.round(result.quantity)).toBe(14);
  });

  it('Snyder & Shen, Fundamentals of Supply Chain Theory, 2nd ed., Example 4.3: S* = 56.60, g(S*) = 2.00', () => {
    // h = 0.18 (overage), p = 0.70 (underage), demand N(50, 8²); figures as in the author's stockpyl tests
    const result = newsvendorNormal({ mean: 50, sd: 8, underageCost: 0.7, overageCost: 0.18 });
    expect(result.quantity).toBeCloseTo(56.6, 2);
    expect(result.expectedCost).toBeCloseTo(2.0, 2);
  });
});

describe('newsvendorPoisson against published examples', () => {
  it('Snyder & Shen, 2nd ed., Example 4.7: Poisson(6), h = 1, p = 4: S* = 8, g(S*) = 3.57; g(5) = 6.59', () => {
    const optimal = newsvendorPoisson({ mean: 6, underageCost: 4, overageCost: 1 });
    expect(optimal.quantity).toBe(8);
    expect(optimal.expectedCost).toBeCloseTo(3.57, 2);
    expect(newsvendorPoisson({ mean: 6, underageCost: 4, overageCost: 1, quantity: 5 }).expectedCost).toBeCloseTo(6.59, 2);
  });
});

describe('newsvendor properties', () => {
  it('the normal optimum costs less than its neighbours and meets the critical ratio', () => {
    const input = { mean: 100, sd: 30, underageCost: 3, overageCost: 1 };
    const optimal = newsvendorNormal(input);
    expect(optimal.cycleServiceLevel).toBeCloseTo(0.75, 12);
    for (const step of [-5, -0.5, 0.5, 5]) {
      expect(newsvendorNormal({ ...input, quantity: optimal.quantity + step }).expectedCost).toBeGreaterThan(
        optimal.expectedCost,
      );
    }
  });

  it('the Poisson optimum is the first minimiser found by brute force over Q = 0..60', () => {
    for (const [mean, underageCost, overageCost] of [
      [6, 4, 1],
      [2.5, 1, 3],
      [20, 9, 1],
      [0.3, 5, 2],
    ]) {
      let best = 0;
      let bestCost = Infinity;
      for (let quantity = 0; quantity <= 60; quantity++) {
        const cost = newsvendorPoisson({ mean, underageCost, overageCost, quantity }).expectedCost;
        if (cost < bestCost - 1e-12) [best, bestCost] = [quantity, cost];
      }
      const optimal = newsvendorPoisson({ mean, underageCost, overageCost });
      expect(optimal.quantity).toBe(best);
      expect(optimal.expectedCost).toBeCloseTo(bestCost, 12);
    }
  });

  it('Poisson measures agree with direct sums over the distribution', () => {
    const mean = 4.2;
    const quantity = 5;
    let p = Math.exp(-mean);
    let leftover = 0;
    let shortage = 0;
    let atMostQ = 0;
    for (let d = 0; d < 200; d++) {
      if (d > 0) p *= mean / d;
      leftover += Math.max(quantity - d, 0) * p;
      shortage += Math.max(d - quantity, 0) * p;
      if (d <= quantity) atMostQ += p;
    }
    const result = newsvendorPoisson({ mean, underageCost: 2, overageCost: 1, quantity });
    expect(result.expectedLeftover).toBeCloseTo(leftover, 10);
    expect(result.expectedShortage).toBeCloseTo(shortage, 10);
    expect(result.cycleServiceLevel).toBeCloseTo(atMostQ, 10);
    expect(result.fillRate).toBeCloseTo(1 - shortage / mean, 10);
    expect(result.expectedCost).toBeCloseTo(leftover + 2 * shortage, 10);
  });

  it('leftover - shortage = Q - E[D] (stock balance)', () => {
    const normal = newsvendorNormal({ mean: 40, sd: 12, underageCost: 1, overageCost: 1, quantity: 47 });
    expect(normal.expectedLeftover - normal.expectedShortage).toBeCloseTo(7, 10);
    const poisson = newsvendorPoisson({ mean: 40, underageCost: 1, overageCost: 1, quantity: 47 });
    expect(poisson.expectedLeftover - poisson.expectedShortage).toBeCloseTo(7, 9);
  });

  it('rejects invalid parameters with a RangeError naming them', () => {
    expect(() => newsvendorNormal({ mean: 10, sd: 0, underageCost: 1, overageCost: 1 })).toThrow(/sd/);
    expect(() => newsvendorNormal({ mean: 10, sd: 2, underageCost: -1, overageCost: 1 })).toThrow(RangeError);
    expect(() => newsvendorPoisson({ mean: -1, underageCost: 1, overageCost: 1 })).toThrow(/mean/);
    expect(() => newsvendorPoisson({ mean: 3, underageCost: 1, overageCost: 0 })).toThrow(/overageCost/);
    expect(() => newsvendorPoisson({ mean: 3, underageCost: 1, overageCost: 1, quantity: 2.5 })).toThrow(/quantity/);
  });
});
