import { beforeAll, describe, expect, it } from 'vitest';
import { eoq, eoqWithPlannedBackorders } from '../../src/theory/eoq.ts';
import { expectAgreement, expectRejected, loadTheoryScenario, runAgainstTheory, type Agreement } from './theoryAgreement.ts';

/**
 * scenarios/theory/eoq-planned-backorders.json: constant demand of d = 1 a day, K = 600 per order,
 * h = 0.01 and b = 0.03 per unit per day, constant lead time L = 5, backorders: Q* = 400 with the
 * largest backlog B* = Q* h / (h + b) = 100, ordered at r = d L - B* = -95; and Q = 800 with its best
 * backlog B = 200 (r = -195). Deterministic: 2 identical replications, intervals of width 0; the daily
 * lumps move the time averages by less than the documented allowance of half a day's demand.
 * (d = 1 rather than 10: the average backlog B² / 2Q is Q / 32, and with Q only 20 days of demand the
 * allowance would be most of it; see the scenario's description.)
 */
const DAILY = 1;
const LEAD_TIME = 5;
const costs = (backorderPerDay: number) => ({
  demandPerYear: DAILY * 365,
  orderingCost: 600,
  holdingCostPerUnitPerYear: 0.01 * 365,
  backorderCostPerUnitPerYear: backorderPerDay * 365,
});

describe('EOQ with planned backorders agrees with theory (Hadley & Whitin 1963 ch. 2; Zipkin 2000 ch. 3)', () => {
  let agreement: Agreement;
  beforeAll(() => {
    agreement = runAgainstTheory(loadTheoryScenario('scenarios/theory/eoq-planned-backorders.json'));
  });

  it('the variants order Q* = 400 and 2 Q*, each at the reorder point d L - B that plans its best backlog', () => {
    const optimum = eoqWithPlannedBackorders(costs(0.03));
    expect(optimum.quantity).toBeCloseTo(400, 9);
    expect(optimum.maxBackorders).toBeCloseTo(100, 9);
    const policies = Object.fromEntries(agreement.scenario.variants.map((v) => [v.id, v.policies[0].policy]));
    for (const [id, quantity] of [['optimal', 400], ['double', 800]] as const) {
      const backlog = eoqWithPlannedBackorders({ ...costs(0.03), quantity }).maxBackorders;
      expect(policies[id]).toMatchObject({ type: 'rQ', orderQuantity: quantity });
      expect((policies[id] as { reorderPoint: number }).reorderPoint).toBeCloseTo(DAILY * LEAD_TIME - backlog, 9);
    }
  });

  it('average on hand, average backorders and orders per year, for both variants', () => {
    expectAgreement(agreement);
  });

  it('rejects the theory of a neighbouring backorder cost (b = 0.02 or 0.04), of a neighbouring lot size (Q* ± 10%) and of the plain EOQ', () => {
    for (const b of [0.02, 0.04]) {
      const wrong = eoqWithPlannedBackorders({ ...costs(b), quantity: 400 });
      expectRejected(agreement, 'optimal', 'avgOnHand', wrong.averageInventory);
      expectRejected(agreement, 'optimal', 'avgBackorders', wrong.averageBackorders);
    }
    for (const quantity of [360, 440]) {
      const wrong = eoqWithPlannedBackorders({ ...costs(0.03), quantity });
      expectRejected(agreement, 'optimal', 'avgBackorders', wrong.averageBackorders);
      expectRejected(agreement, 'optimal', 'ordersPlaced', wrong.ordersPerYear);
    }
    // ignoring the planned backlog: stock Q/2 on average
    const plain = eoq({ demandPerYear: DAILY * 365, orderingCost: 600, holdingCostPerUnitPerYear: 0.01 * 365, quantity: 400 });
    expectRejected(agreement, 'optimal', 'avgOnHand', plain.averageInventory);
  });
});
