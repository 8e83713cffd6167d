import { describe, expect, it } from 'vitest';
import { erlangB } from '../../src/theory/queues.ts';
import {
  lostSalesBaseStock,
  lostSalesBaseStockPoisson,
  optimalLostSalesBaseStock,
} from '../../src/theory/lostSalesBaseStock.ts';
import { newsvendorNormal, newsvendorPoisson } from '../../src/theory/newsvendor.ts';
import { cdfAt, convolve, poissonPmf } from '../../src/theory/discrete.ts';

describe('(a) lost-sales base stock with zero lead time', () => {
  it('Snyder & Shen, Fundamentals of Supply Chain Theory, 2nd ed., Example 4.7 as a lost-sales period: Poisson(6), h = 1, p = 4: S* = 8, cost 3.57', () => {
    // with zero lead time each period starts at S whatever happened before, so the period is the
    // book's newsvendor with the lost-sale penalty as underage cost
    const result = optimalLostSalesBaseStock({
      demandPerPeriod: { table: poissonPmf(6) },
      holdingCostPerUnitPerPeriod: 1,
      lostSaleCost: 4,
    });
    expect(result.baseStockLevel).toBe(8);
    expect(result.criticalRatio).toBeCloseTo(0.8, 12);
    expect(result.costPerPeriod).toBeCloseTo(3.57, 2);
  });

  it('is the newsvendor for a table and for normal demand, measure by measure', () => {
    const poisson = lostSalesBaseStock({
      demandPerPeriod: { table: poissonPmf(9.5) },
      baseStockLevel: 11,
      holdingCostPerUnitPerPeriod: 2,
      lostSaleCost: 5,
    });
    const newsvendor = newsvendorPoisson({ mean: 9.5, underageCost: 5, overageCost: 2, quantity: 11 });
    expect(poisson.expectedOnHandAtPeriodEnd).toBeCloseTo(newsvendor.expectedLeftover, 12);
    expect(poisson.expectedLostPerPeriod).toBeCloseTo(newsvendor.expectedShortage, 12);
    expect(poisson.fillRate).toBeCloseTo(newsvendor.fillRate, 12);
    expect(poisson.probabilityNoLostSales).toBeCloseTo(newsvendor.cycleServiceLevel, 12);
    expect(poisson.costPerPeriod).toBeCloseTo(newsvendor.expectedCost, 12);

    const normal = optimalLostSalesBaseStock({
      demandPerPeriod: { mean: 200, sd: 40 },
      holdingCostPerUnitPerPeriod: 1,
      lostSaleCost: 9,
    });
    const normalNewsvendor = newsvendorNormal({ mean: 200, sd: 40, underageCost: 9, overageCost: 1 });
    expect(normal.baseStockLevel).toBeCloseTo(normalNewsvendor.quantity, 10);
    expect(normal.costPerPeriod).toBeCloseTo(normalNewsvendor.expectedCost, 10);
    expect(normal.fillRate).toBeCloseTo(normalNewsvendor.fillRate, 12);
  });

  it('the optimum is the first minimiser found by brute force, for a non-Poisson table too', () => {
    const table = convolve(poissonPmf(2), convolve(poissonPmf(2), Float64Array.of(0.5, 0, 0.5)));
    for (const [holding, penalty] of [
      [1, 4],
      [3, 1],
      [1, 30],
    ]) {
      const costs = { holdingCostPerUnitPerPeriod: holding, lostSaleCost: penalty };
      let best = 0;
      let bestCost = Infinity;
      for (let level = 0; level <= 40; level++) {
        const cost = lostSalesBaseStock({ demandPerPeriod: { table }, baseStockLevel: level, ...costs }).costPerPeriod;
        if (cost < bestCost - 1e-12) [best, bestCost] = [level, cost];
      }
      const optimal = optimalLostSalesBaseStock({ demandPerPeriod: { table }, ...costs });
      expect(optimal.baseStockLevel).toBe(best);
      expect(optimal.costPerPeriod).toBeCloseTo(bestCost, 12);
    }
  });

  it('rejects invalid parameters with a RangeError naming them', () => {
    const table = poissonPmf(3);
    expect(() => lostSalesBaseStock({ demandPerPeriod: { table }, baseStockLevel: 2.5 })).toThrow(/baseStockLevel/);
    expect(() => lostSalesBaseStock({ demandPerPeriod: { table: Float64Array.of(0.5, 0.2) }, baseStockLevel: 1 })).toThrow(
      /sum to 1/,
    );
    expect(() => lostSalesBaseStock({ demandPerPeriod: { mean: 3, sd: 0 }, baseStockLevel: 1 })).toThrow(/sd/);
    expect(() =>
      optimalLostSalesBaseStock({ demandPerPeriod: { table }, holdingCostPerUnitPerPeriod: 1, lostSaleCost: 0 }),
    ).toThrow(/lostSaleCost/);
  });
});

describe('(b) Erlang B against published tables', () => {
  // The standard Erlang B table (offered traffic in erlangs that n circuits carry at a given blocking), as
  // printed in teletraffic handbooks to three significant figures. Each printed A is the blocking level's
  // traffic rounded, so the blocking must lie between B(n, A - half a unit) and B(n, A + half a unit).
  it.each([
    [1, 0.01, 0.0101, 0.00005],
    [2, 0.01, 0.153, 0.0005],
    [5, 0.01, 1.36, 0.005],
    [5, 0.02, 1.66, 0.005],
    [10, 0.01, 4.46, 0.005],
    [10, 0.02, 5.08, 0.005],
    [20, 0.01, 12.0, 0.05],
    [20, 0.02, 13.2, 0.05],
    [30, 0.01, 20.3, 0.05],
    [30, 0.02, 21.9, 0.05],
  ])('%i circuits at %s blocking carry %s erlangs (± %s)', (servers, blocking, printed, halfUnit) => {
    expect(erlangB(servers, printed - halfUnit)).toBeLessThanOrEqual(blocking);
    expect(erlangB(servers, printed + halfUnit)).toBeGreaterThanOrEqual(blocking);
  });

  it('Westbay Engineers Erlang B calculator manual (erlang.com): 15 lines at 1% blocking take 8.108 erlangs', () => {
    expect(erlangB(15, 8.108 - 0.0005)).toBeLessThanOrEqual(0.01);
    expect(erlangB(15, 8.108 + 0.0005)).toBeGreaterThanOrEqual(0.01);
  });

  it('is the truncated Poisson probability of all servers busy: p(n) / P(N <= n)', () => {
    for (const [servers, load] of [
      [0, 3],
      [4, 2.5],
      [12, 9],
      [40, 30],
    ]) {
      const table = poissonPmf(load);
      expect(erlangB(servers, load)).toBeCloseTo(table[servers] / cdfAt(table, servers), 12);
    }
  });
});

describe('(b) lost-sales base stock with Poisson demand (Palm)', () => {
  it('fraction lost = B(S, lambda L), on hand = S - lambda L (1 - B), and the flows balance', () => {
    const result = lostSalesBaseStockPoisson({
      demandPerDay: 2,
      meanLeadTimeDays: 5,
      baseStockLevel: 10,
      holdingCostPerUnitPerDay: 1,
      lostSaleCost: 20,
    });
    const blocking = erlangB(10, 10);
    expect(result.offeredLoad).toBe(10);
    expect(result.fractionLost).toBe(blocking);
    expect(result.fillRate).toBeCloseTo(1 - blocking, 15);
    expect(result.readyRate).toBeCloseTo(1 - blocking, 15);
    expect(result.expectedOnHand + result.expectedOnOrder).toBeCloseTo(10, 12);
    expect(result.lostPerDay + result.ordersPerDay).toBeCloseTo(2, 12);
    expect(result.costPerDay).toBeCloseTo(result.expectedOnHand + 20 * result.lostPerDay, 12);
  });

  it('serves more demand than the same S with backorders, and meets it as S grows', () => {
    for (const level of [1, 5, 10, 15]) {
      const lost = lostSalesBaseStockPoisson({ demandPerDay: 2, meanLeadTimeDays: 5, baseStockLevel: level });
      // the backorder model's fill rate P(D <= S - 1), D ~ Poisson(lambda L)
      expect(lost.fillRate).toBeGreaterThanOrEqual(cdfAt(poissonPmf(10), level - 1));
    }
    const large = lostSalesBaseStockPoisson({ demandPerDay: 2, meanLeadTimeDays: 5, baseStockLevel: 60 });
    expect(large.fractionLost).toBeLessThan(1e-15);
    expect(large.expectedOnHand).toBeCloseTo(50, 10);
  });

  it('with S = 0 every demand is lost and nothing is held', () => {
    const result = lostSalesBaseStockPoisson({ demandPerDay: 3, meanLeadTimeDays: 1, baseStockLevel: 0 });
    expect(result.fractionLost).toBe(1);
    expect(result.expectedOnHand).toBe(0);
  });

  it('rejects invalid parameters with a RangeError naming them', () => {
    expect(() => lostSalesBaseStockPoisson({ demandPerDay: -1, meanLeadTimeDays: 1, baseStockLevel: 2 })).toThrow(
      /demandPerDay/,
    );
    expect(() => lostSalesBaseStockPoisson({ demandPerDay: 1, meanLeadTimeDays: 1, baseStockLevel: -2 })).toThrow(
      /baseStockLevel/,
    );
    expect(() => erlangB(2.5, 1)).toThrow(/servers/);
    expect(() => erlangB(2, -1)).toThrow(/offeredLoad/);
  });
});

describe('(a) at the top of its computable range', () => {
  it('takes a Poisson table of mean 5e5 (a million entries, summing to 1 - 3.3e-9 by rounding) and gives the normal limit', () => {
    // review: this used to be refused ("must sum to 1"); with so large a mean the Poisson is nearly
    // normal, so the fill rate at S = mean is close to the normal's 1 - sigma G(0) / mean
    const mean = 5e5;
    const result = lostSalesBaseStock({ demandPerPeriod: { table: poissonPmf(mean) }, baseStockLevel: mean, holdingCostPerUnitPerPeriod: 1, lostSaleCost: 4 });
    const expectedFill = 1 - (Math.sqrt(mean) * 0.3989422804) / mean;
    expect(Math.abs(result.fillRate - expectedFill)).toBeLessThan(1e-5);
  });
});
