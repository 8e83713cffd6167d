import { beforeAll, describe, expect, it } from 'vitest';
import { eoq } from '../../src/theory/eoq.ts';
import { expectAgreement, expectRejected, loadTheoryScenario, runAgainstTheory, type Agreement } from './theoryAgreement.ts';

/**
 * scenarios/theory/eoq.json: constant demand of d = 10 a day (one lump each morning), K = 80 per
 * order, h = 0.01 per unit per day, constant lead time L = 5; continuous-review (r, Q) with r = d L
 * and Q = Q* = sqrt(2 K d / h) = 400, and Q = 2 Q* = 800. Deterministic: 2 identical replications,
 * intervals of width 0. The on hand after each day's demand steps Q, Q - d, ..., d, so its time
 * average is Q/2 + d/2: exactly the documented allowance of half a day's demand (see the scenario's
 * description); the order counts are exact over a window of whole cycles.
 */
const DAILY = 10;
const ORDERING = 80;
const HOLDING_PER_DAY = 0.01;
const LEAD_TIME = 5;
const theoryAt = (quantity?: number) => eoq({ demandPerYear: DAILY * 365, orderingCost: ORDERING, holdingCostPerUnitPerYear: HOLDING_PER_DAY * 365, quantity });

describe('EOQ agrees with theory (Harris 1913; Zipkin 2000 ch. 3)', () => {
  let agreement: Agreement;
  beforeAll(() => {
    agreement = runAgainstTheory(loadTheoryScenario('scenarios/theory/eoq.json'));
  });

  it('the variants order Q* = 400 and 2 Q* at the reorder point d L = 50', () => {
    const optimum = theoryAt();
    expect(optimum.quantity).toBeCloseTo(400, 9);
    const policies = Object.fromEntries(agreement.scenario.variants.map((v) => [v.id, v.policies[0].policy]));
    expect(policies.eoq).toEqual({ type: 'rQ', reorderPoint: DAILY * LEAD_TIME, orderQuantity: optimum.quantity });
    expect(policies.double).toEqual({ type: 'rQ', reorderPoint: DAILY * LEAD_TIME, orderQuantity: 2 * optimum.quantity });
  });

  it('average on hand, holding and ordering cost per year, orders per year and fill rate, for both variants', () => {
    expectAgreement(agreement);
  });

  it('the lumps put the average on hand exactly half a day of demand above Q/2', () => {
    for (const check of agreement.checks.filter((c) => c.kpi === 'avgOnHand')) {
      expect(check.simulated!.mean - check.theory).toBeCloseTo(DAILY / 2, 9);
      expect(check.allowance).toBe(DAILY / 2);
    }
  });

  it('rejects the theory of a neighbouring lot size (Q* ± 10%), so the check can fail', () => {
    for (const quantity of [360, 440]) {
      const wrong = theoryAt(quantity);
      expectRejected(agreement, 'eoq', 'avgOnHand', wrong.averageInventory);
      expectRejected(agreement, 'eoq', 'ordersPlaced', wrong.ordersPerYear);
      expectRejected(agreement, 'eoq', 'holdingCost', wrong.holdingCostPerYear);
    }
  });
});
