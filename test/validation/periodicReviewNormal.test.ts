import { beforeAll, describe, expect, it } from 'vitest';
import { normalCdf } from '../../src/math/normal.ts';
import { periodicReviewNormal } from '../../src/theory/periodicReviewNormal.ts';
import { expectAgreement, expectRejected, loadTheoryScenario, runAgainstTheory, type Agreement } from './theoryAgreement.ts';

/**
 * scenarios/theory/periodic-review-normal.json: periodic review (R, S) with R = 7 and a constant lead
 * time L = 7 (orders arrive at the next review, before that day's demand), daily demand N(100, 25²),
 * backorders, h = 0.02 and b = 0.2 per unit per day charged on the state at each period end, K = 50
 * per order; S = 1,540 gives z = 1.497 over the protection interval R + L = 14 days. The fill rate
 * carries the model's allowance for the backlog carried into a cycle, which is 0 here. 100
 * replications of 2,000 review periods.
 */
const theoryAt = (orderUpToLevel: number) =>
  periodicReviewNormal({
    demandPerDay: 100,
    demandSdPerDay: 25,
    reviewPeriodDays: 7,
    leadTimeDays: 7,
    orderUpToLevel,
    holdingCostPerUnitPerPeriod: 0.02 * 7,
    backorderCostPerUnitPerPeriod: 0.2 * 7,
    orderingCost: 50,
  });

describe('periodic review (R, S) with normal demand agrees with theory (Silver, Pyke & Thomas 2017 ch. 6)', () => {
  let agreement: Agreement;
  beforeAll(() => {
    agreement = runAgainstTheory(loadTheoryScenario('scenarios/theory/periodic-review-normal.json'));
  });

  it('S is set for a safety factor of about 1.5 over R + L', () => {
    const theory = theoryAt(1540);
    expect(theory.protectionIntervalDays).toBe(14);
    expect(theory.z).toBeCloseTo(1.5, 2);
    expect(agreement.scenario.stockPoints[0].policy).toMatchObject({ type: 'periodicRS', reviewPeriod: 7, orderUpTo: 1540 });
  });

  it('cycle service level, fill rate, end-of-period on hand and backorders, and cost per period', () => {
    expectAgreement(agreement);
  });

  it('rejects the theory of a neighbouring order-up-to level (S ± 20, z ± 0.21), so the check can fail', () => {
    for (const level of [1520, 1560]) {
      const wrong = theoryAt(level);
      expectRejected(agreement, 'baseline', 'cycleServiceLevel', wrong.cycleServiceLevel);
      expectRejected(agreement, 'baseline', 'endOfPeriodOnHand', wrong.expectedOnHandAtPeriodEnd);
      expectRejected(agreement, 'baseline', 'endOfPeriodBackorders', wrong.expectedBackordersAtPeriodEnd);
    }
    // a classic slip: reading the safety stock S - mu (R + L) = 140 against the lead time's sd alone, sigma sqrt(L)
    expectRejected(agreement, 'baseline', 'cycleServiceLevel', normalCdf(140 / (25 * Math.sqrt(7))));
  });
});
