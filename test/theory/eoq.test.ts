import { describe, expect, it } from 'vitest';
import { eoq, eoqWithPlannedBackorders } from '../../src/theory/eoq.ts';

function near(actual: number, published: number, tolerance: number) {
  expect(Math.abs(actual - published)).toBeLessThanOrEqual(tolerance);
}

const MONTHS_PER_YEAR = 12;

describe('eoq against published examples', () => {
  it('Nahmias, Production and Operations Analysis, 6th ed., Example 4.1 (pencils): Q* = 3,870, T = 1.24 years', () => {
    // 60 pencils a week (52 weeks), 2 cents each, $12 an order, 25% annual interest: h = 0.005 $/unit/year
    const result = eoq({ demandPerYear: 60 * 52, orderingCost: 12, holdingCostPerUnitPerYear: 0.25 * 0.02 });
    near(result.quantity, 3870, 0.5);
    expect(result.cycleLengthYears).toBeCloseTo(1.24, 2);
  });

  it('Hillier & Lieberman, Introduction to Operations Research, 9th ed., §18.3, Example 1 (TV speakers): Q* = 25,298, t* = 3.2 months', () => {
    // 8,000 speakers a month, setup $12,000, h = $0.30 per speaker per month; the model is per year here
    const result = eoq({
      demandPerYear: 8000 * MONTHS_PER_YEAR,
      orderingCost: 12000,
      holdingCostPerUnitPerYear: 0.3 * MONTHS_PER_YEAR,
    });
    near(result.quantity, 25298, 0.5);
    expect(result.cycleLengthYears * MONTHS_PER_YEAR).toBeCloseTo(3.2, 1);
    // T(Q*) = $87,589.47 a month including the production cost of $10 a speaker (University of Michigan
    // IOE 202 notes, Fall 2009, on the same example)
    expect(result.costPerYear / MONTHS_PER_YEAR + 10 * 8000).toBeCloseTo(87589.47, 2);
  });

  it('Snyder & Shen, Fundamentals of Supply Chain Theory, 2nd ed., Example 3.1: Q* = 304.05, g(Q*) = 68.41', () => {
    // K = 8, h = 0.75 × 0.3 = 0.225, lambda = 1,300 a year; figures as in the author's stockpyl tests
    const result = eoq({ demandPerYear: 1300, orderingCost: 8, holdingCostPerUnitPerYear: 0.225 });
    expect(result.quantity).toBeCloseTo(304.05, 2);
    expect(result.costPerYear).toBeCloseTo(68.41, 2);
  });
});

describe('eoqWithPlannedBackorders against published examples', () => {
  it('Hillier & Lieberman, §18.3, speakers with planned shortages (p = $1.10/month): Q* = 28,540, S* = 22,424, t* = 3.6 months', () => {
    const result = eoqWithPlannedBackorders({
      demandPerYear: 8000 * MONTHS_PER_YEAR,
      orderingCost: 12000,
      holdingCostPerUnitPerYear: 0.3 * MONTHS_PER_YEAR,
      backorderCostPerUnitPerYear: 1.1 * MONTHS_PER_YEAR,
    });
    near(result.quantity, 28540, 0.5);
    near(result.maxInventory, 22424, 0.5); // the book's S: the stock just after a batch arrives
    expect(result.cycleLengthYears * MONTHS_PER_YEAR).toBeCloseTo(3.6, 1);
  });

  it('Snyder & Shen, 2nd ed., Example 3.8 (p = 5): Q* = 310.81, g(Q*) = 66.92, fraction backordered 0.043', () => {
    const result = eoqWithPlannedBackorders({
      demandPerYear: 1300,
      orderingCost: 8,
      holdingCostPerUnitPerYear: 0.225,
      backorderCostPerUnitPerYear: 5,
    });
    expect(result.quantity).toBeCloseTo(310.81, 2);
    expect(result.costPerYear).toBeCloseTo(66.92, 2);
    expect(result.fractionBackordered).toBeCloseTo(0.043, 3);
  });
});

describe('eoq properties', () => {
  const basics = { demandPerYear: 5000, orderingCost: 40, holdingCostPerUnitPerYear: 2.5 };

  it('the EOQ costs less than its neighbours, where ordering and holding cost are equal', () => {
    const optimal = eoq(basics);
    expect(optimal.orderingCostPerYear).toBeCloseTo(optimal.holdingCostPerYear, 9);
    for (const factor of [0.9, 0.99, 1.01, 1.1]) {
      expect(eoq({ ...basics, quantity: optimal.quantity * factor }).costPerYear).toBeGreaterThan(optimal.costPerYear);
    }
    expect(optimal.cycleLengthDays).toBeCloseTo(optimal.cycleLengthYears * 365, 9);
    expect(optimal.ordersPerYear * optimal.quantity).toBeCloseTo(basics.demandPerYear, 9);
  });

  it('with planned backorders: closed-form cost, optimum against a grid of (Q, B), and the EOQ as b grows', () => {
    const backorderCostPerUnitPerYear = 7;
    const optimal = eoqWithPlannedBackorders({ ...basics, backorderCostPerUnitPerYear });
    const { demandPerYear: d, orderingCost: k, holdingCostPerUnitPerYear: h } = basics;
    const b = backorderCostPerUnitPerYear;
    expect(optimal.costPerYear).toBeCloseTo(Math.sqrt((2 * k * d * h * b) / (h + b)), 9);
    expect(optimal.maxInventory + optimal.maxBackorders).toBeCloseTo(optimal.quantity, 9);

    // the textbook cost of lot size q with maximum backlog s, searched over a grid around the optimum
    const cost = (q: number, s: number) => (k * d) / q + (h * (q - s) ** 2) / (2 * q) + (b * s * s) / (2 * q);
    let gridBest = Infinity;
    for (let q = optimal.quantity * 0.8; q <= optimal.quantity * 1.2; q += optimal.quantity / 400) {
      for (let s = 0; s <= q; s += q / 400) gridBest = Math.min(gridBest, cost(q, s));
    }
    expect(optimal.costPerYear).toBeLessThanOrEqual(gridBest + 1e-9);
    expect(cost(optimal.quantity, optimal.maxBackorders)).toBeCloseTo(optimal.costPerYear, 9);

    const nearlyNoBackorders = eoqWithPlannedBackorders({ ...basics, backorderCostPerUnitPerYear: 1e12 });
    expect(nearlyNoBackorders.quantity).toBeCloseTo(eoq(basics).quantity, 3);
  });

  it('rejects invalid parameters with a RangeError naming them', () => {
    expect(() => eoq({ ...basics, demandPerYear: -1 })).toThrow(/demandPerYear/);
    expect(() => eoq({ ...basics, holdingCostPerUnitPerYear: 0 })).toThrow(RangeError);
    expect(() => eoq({ ...basics, quantity: 0 })).toThrow(/quantity/);
    expect(() => eoqWithPlannedBackorders({ ...basics, backorderCostPerUnitPerYear: 0 })).toThrow(/backorderCostPerUnitPerYear/);
  });
});
