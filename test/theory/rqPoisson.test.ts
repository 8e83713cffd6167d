import { describe, expect, it } from 'vitest';
import { optimalRQPoisson, rqPoisson } from '../../src/theory/rqPoisson.ts';
import { baseStockPoisson } from '../../src/theory/baseStockPoisson.ts';

interface Case {
  demandPerDay: number;
  leadTimeDays: number;
  orderingCost: number;
  holdingCostPerUnitPerDay: number;
  backorderCostPerUnitPerDay: number;
}

/**
 * The cheapest (r, Q) on the grid r = -30..60, Q = 1..120 (the first found on ties), from
 * C(r, Q) = (K lambda + G(r + 1) + ... + G(r + Q)) / Q with G(y) the base-stock cost rate at level y.
 */
function bruteForce(input: Case) {
  const lowest = -29;
  const prefix = [0]; // prefix[i] = G(lowest) + ... + G(lowest + i - 1)
  for (let y = lowest; y <= 60 + 120; y++) {
    prefix.push(prefix[prefix.length - 1] + baseStockPoisson({ ...input, baseStockLevel: y }).costPerDay);
  }
  let best = { reorderPoint: 0, orderQuantity: 0, costPerDay: Infinity };
  for (let orderQuantity = 1; orderQuantity <= 120; orderQuantity++) {
    for (let reorderPoint = lowest - 1; reorderPoint <= 60; reorderPoint++) {
      const from = reorderPoint + 1 - lowest;
      const sum = prefix[from + orderQuantity] - prefix[from];
      const costPerDay = (input.orderingCost * input.demandPerDay + sum) / orderQuantity;
      if (costPerDay < best.costPerDay - 1e-12) best = { reorderPoint, orderQuantity, costPerDay };
    }
  }
  return best;
}

/** parameter sets for the optimum, the first Snyder & Shen's Example 5.8 */
const cases: Case[] = [
  { demandPerDay: 1.5, leadTimeDays: 2, orderingCost: 100, holdingCostPerUnitPerDay: 20, backorderCostPerUnitPerDay: 150 },
  { demandPerDay: 2, leadTimeDays: 5, orderingCost: 30, holdingCostPerUnitPerDay: 1, backorderCostPerUnitPerDay: 9 },
  { demandPerDay: 0.3, leadTimeDays: 10, orderingCost: 5, holdingCostPerUnitPerDay: 0.5, backorderCostPerUnitPerDay: 20 },
  { demandPerDay: 8, leadTimeDays: 1, orderingCost: 200, holdingCostPerUnitPerDay: 2, backorderCostPerUnitPerDay: 2 },
  { demandPerDay: 1, leadTimeDays: 3, orderingCost: 0.5, holdingCostPerUnitPerDay: 3, backorderCostPerUnitPerDay: 1 },
];

describe('rqPoisson against published figures', () => {
  it('Snyder & Shen, Fundamentals of Supply Chain Theory, 2nd ed., Example 5.8 (h = 20, p = 150, K = 100, lambda = 1.5, L = 2): r* = 3, Q* = 5, g* = 107.92', () => {
    // figures as in the author's stockpyl tests, which solve the example by Federgruen & Zheng (1992)
    const result = optimalRQPoisson({
      demandPerDay: 1.5,
      leadTimeDays: 2,
      orderingCost: 100,
      holdingCostPerUnitPerDay: 20,
      backorderCostPerUnitPerDay: 150,
    });
    expect(result.reorderPoint).toBe(3);
    expect(result.orderQuantity).toBe(5);
    expect(result.costPerDay).toBeCloseTo(107.92, 2);
  });

  it('r = 10, Q = 20, lambda L = 2 × 5 = 10: fill rate 0.937, on hand 10.604, backorders 0.104 (test/validation/rqPoisson.test.ts)', () => {
    const result = rqPoisson({ demandPerDay: 2, leadTimeDays: 5, reorderPoint: 10, orderQuantity: 20 });
    expect(result.fillRate).toBeCloseTo(0.937, 3);
    expect(result.expectedOnHand).toBeCloseTo(10.604, 3);
    expect(result.expectedBackorders).toBeCloseTo(0.104, 3);
    expect(result.expectedInventoryPosition).toBe(20.5);
    expect(result.ordersPerDay).toBeCloseTo(0.1, 12);
  });
});

describe('optimalRQPoisson (Federgruen & Zheng 1992) agrees with brute force', () => {
  it.each(cases)('lambda = $demandPerDay, L = $leadTimeDays, K = $orderingCost, h = $holdingCostPerUnitPerDay, b = $backorderCostPerUnitPerDay', (input) => {
    const optimal = optimalRQPoisson(input);
    const best = bruteForce(input);
    expect(optimal.orderQuantity).toBeLessThan(120); // inside the grid, so the grid's optimum is global
    expect(optimal.costPerDay).toBeCloseTo(best.costPerDay, 10);
    expect(optimal.orderQuantity).toBe(best.orderQuantity);
    // r + 1..r + Q are the Q cheapest consecutive levels; on a tie of the two ends r may differ by one
    expect(Math.abs(optimal.reorderPoint - best.reorderPoint)).toBeLessThanOrEqual(1);
  });

  it('with no ordering cost the optimum is base stock: Q = 1 and r + 1 = S*', () => {
    const optimal = optimalRQPoisson({ ...cases[1], orderingCost: 0 });
    expect(optimal.orderQuantity).toBe(1);
    expect(optimal.reorderPoint).toBe(bruteForce({ ...cases[1], orderingCost: 0 }).reorderPoint);
  });
});

describe('rqPoisson properties', () => {
  it('each measure is the base-stock measure averaged over S = r + 1..r + Q, and the cost adds K lambda / Q', () => {
    const costs = { holdingCostPerUnitPerDay: 2, backorderCostPerUnitPerDay: 7 };
    const [demandPerDay, leadTimeDays, reorderPoint, orderQuantity, orderingCost] = [1.2, 4, 2, 6, 25];
    const result = rqPoisson({ demandPerDay, leadTimeDays, reorderPoint, orderQuantity, orderingCost, ...costs });
    const average = { fillRate: 0, probabilityNoBackorders: 0, expectedOnHand: 0, expectedBackorders: 0, costPerDay: 0 };
    for (let level = reorderPoint + 1; level <= reorderPoint + orderQuantity; level++) {
      const base = baseStockPoisson({ demandPerDay, leadTimeDays, baseStockLevel: level, ...costs });
      for (const key of Object.keys(average) as (keyof typeof average)[]) average[key] += base[key] / orderQuantity;
    }
    expect(result.fillRate).toBeCloseTo(average.fillRate, 12);
    expect(result.readyRate).toBe(result.fillRate);
    expect(result.probabilityNoBackorders).toBeCloseTo(average.probabilityNoBackorders, 12);
    expect(result.expectedOnHand).toBeCloseTo(average.expectedOnHand, 12);
    expect(result.expectedBackorders).toBeCloseTo(average.expectedBackorders, 12);
    expect(result.costPerDay).toBeCloseTo(average.costPerDay + (orderingCost * demandPerDay) / orderQuantity, 10);
  });

  it('rejects invalid parameters with a RangeError naming them', () => {
    const ok = { demandPerDay: 1, leadTimeDays: 2, reorderPoint: 1, orderQuantity: 3 };
    expect(() => rqPoisson({ ...ok, orderQuantity: 0 })).toThrow(/orderQuantity/);
    expect(() => rqPoisson({ ...ok, reorderPoint: 1.5 })).toThrow(/reorderPoint/);
    expect(() => rqPoisson({ ...ok, demandPerDay: -2 })).toThrow(/demandPerDay/);
    expect(() => rqPoisson({ ...ok, orderingCost: -1 })).toThrow(/orderingCost/);
    expect(() =>
      optimalRQPoisson({ ...cases[0], holdingCostPerUnitPerDay: 0 }),
    ).toThrow(/holdingCostPerUnitPerDay/);
  });
});
