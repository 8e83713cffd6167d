import { describe, expect, it } from 'vitest';
import { periodicReviewNormal } from '../../src/theory/periodicReviewNormal.ts';
import { newsvendorNormal } from '../../src/theory/newsvendor.ts';

describe('periodicReviewNormal against published examples', () => {
  // Snyder & Shen, Fundamentals of Supply Chain Theory, 2nd ed., Example 4.4: periodic-review base stock
  // (R = 1) with lead time L = 4, demand N(50, 8²) a period, h = 0.18, p = 0.70 charged on the end of
  // period inventory: S* = 264.77, g(S*) = 4.47; figures as in the author's stockpyl tests
  const example44 = {
    demandPerDay: 50,
    demandSdPerDay: 8,
    reviewPeriodDays: 1,
    leadTimeDays: 4,
    holdingCostPerUnitPerPeriod: 0.18,
    backorderCostPerUnitPerPeriod: 0.7,
  };

  it('Snyder & Shen, 2nd ed., Example 4.4 (R = 1, L = 4): at S* = 264.77 the cost is 4.47 and S* is the 0.7955 fractile', () => {
    const result = periodicReviewNormal({ ...example44, orderUpToLevel: 264.77 });
    expect(result.costPerPeriod).toBeCloseTo(4.47, 2);
    // S* printed to 2 decimals moves Φ(z) by at most 0.005 φ(z) / (8 sqrt 5) < 1e-4
    expect(Math.abs(result.cycleServiceLevel - 0.7 / (0.7 + 0.18))).toBeLessThan(1e-4);
    expect(result.periodEndWindowDays).toBe(5);
  });

  it('Snyder & Shen, 2nd ed., Example 4.4: S* = 264.77 is the minimum of the period cost', () => {
    const cost = (orderUpToLevel: number) => periodicReviewNormal({ ...example44, orderUpToLevel }).costPerPeriod;
    for (const step of [-1, -0.1, 0.1, 1]) expect(cost(264.77 + step)).toBeGreaterThan(cost(264.77));
  });

  it('Chopra & Meindl, Supply Chain Management, 4th ed., ch. 11, Lego at Wal-Mart (R = 4 weeks, L = 2 weeks, weekly demand N(2500, 500²)): OUL 16,570 gives CSL 0.90, safety stock 1,570', () => {
    // the function is unit-free: here the "day" is a week
    const result = periodicReviewNormal({
      demandPerDay: 2500,
      demandSdPerDay: 500,
      reviewPeriodDays: 4,
      leadTimeDays: 2,
      orderUpToLevel: 16570,
    });
    expect(result.protectionIntervalDays).toBe(6);
    expect(result.safetyStock).toBeCloseTo(1570, 9);
    // the book's safety stock is F⁻¹(0.9) × 1,225 rounded to whole units
    expect(result.cycleServiceLevel).toBeCloseTo(0.9, 3);
  });
});

describe('periodicReviewNormal identities', () => {
  it('R = 1, L = 0 is the newsvendor (h = overage, b = underage), for every measure', () => {
    for (const orderUpToLevel of [70, 100, 112.5, 140]) {
      const periodic = periodicReviewNormal({
        demandPerDay: 100,
        demandSdPerDay: 20,
        reviewPeriodDays: 1,
        leadTimeDays: 0,
        orderUpToLevel,
        holdingCostPerUnitPerPeriod: 1,
        backorderCostPerUnitPerPeriod: 4,
      });
      const newsvendor = newsvendorNormal({ mean: 100, sd: 20, underageCost: 4, overageCost: 1, quantity: orderUpToLevel });
      expect(periodic.costPerPeriod).toBeCloseTo(newsvendor.expectedCost, 12);
      expect(periodic.expectedOnHandAtPeriodEnd).toBeCloseTo(newsvendor.expectedLeftover, 12);
      expect(periodic.expectedBackordersAtPeriodEnd).toBeCloseTo(newsvendor.expectedShortage, 12);
      expect(periodic.cycleServiceLevel).toBeCloseTo(newsvendor.cycleServiceLevel, 12);
      expect(periodic.fillRate).toBeCloseTo(newsvendor.fillRate, 12);
    }
  });

  it('when L is a multiple of R the period end sees S - D(R + L): a newsvendor in the demand of R + L days', () => {
    const [mu, sigma, review, lead, level] = [10, 3, 3, 6, 100];
    const periodic = periodicReviewNormal({
      demandPerDay: mu,
      demandSdPerDay: sigma,
      reviewPeriodDays: review,
      leadTimeDays: lead,
      orderUpToLevel: level,
      holdingCostPerUnitPerPeriod: 2,
      backorderCostPerUnitPerPeriod: 5,
      orderingCost: 7,
    });
    const newsvendor = newsvendorNormal({
      mean: mu * (review + lead),
      sd: sigma * Math.sqrt(review + lead),
      underageCost: 5,
      overageCost: 2,
      quantity: level,
    });
    expect(periodic.periodEndWindowDays).toBe(review + lead);
    expect(periodic.costPerPeriod).toBeCloseTo(newsvendor.expectedCost + 7, 12);
    expect(periodic.cycleServiceLevel).toBeCloseTo(newsvendor.cycleServiceLevel, 12);
  });

  it('otherwise the order arrives inside a review period and the period end sees R (floor(L / R) + 1) days of demand', () => {
    const base = { demandPerDay: 5, demandSdPerDay: 2, orderUpToLevel: 40 };
    expect(periodicReviewNormal({ ...base, reviewPeriodDays: 4, leadTimeDays: 2 }).periodEndWindowDays).toBe(4);
    expect(periodicReviewNormal({ ...base, reviewPeriodDays: 4, leadTimeDays: 6 }).periodEndWindowDays).toBe(8);
    expect(periodicReviewNormal({ ...base, reviewPeriodDays: 0.1, leadTimeDays: 0.3 }).periodEndWindowDays).toBeCloseTo(0.4, 12);
  });

  it('the fill rate is 1 - sigma sqrt(R + L) G(z) / (mu R) and falls with the lead time', () => {
    const base = { demandPerDay: 20, demandSdPerDay: 6, reviewPeriodDays: 7, orderUpToLevel: 300 };
    const fillRates = [0, 2, 4, 6].map((leadTimeDays) => periodicReviewNormal({ ...base, leadTimeDays }).fillRate);
    for (let i = 1; i < fillRates.length; i++) expect(fillRates[i]).toBeLessThan(fillRates[i - 1]);
  });

  it('rejects invalid parameters with a RangeError naming them', () => {
    const ok = { demandPerDay: 5, demandSdPerDay: 2, reviewPeriodDays: 1, leadTimeDays: 0, orderUpToLevel: 6 };
    expect(() => periodicReviewNormal({ ...ok, demandSdPerDay: 0 })).toThrow(/demandSdPerDay/);
    expect(() => periodicReviewNormal({ ...ok, reviewPeriodDays: 0 })).toThrow(/reviewPeriodDays/);
    expect(() => periodicReviewNormal({ ...ok, leadTimeDays: -1 })).toThrow(/leadTimeDays/);
    expect(() => periodicReviewNormal({ ...ok, orderUpToLevel: NaN })).toThrow(/orderUpToLevel/);
    expect(() => periodicReviewNormal({ ...ok, orderingCost: -3 })).toThrow(RangeError);
  });
});
