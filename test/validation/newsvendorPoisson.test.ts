import { beforeAll, describe, expect, it } from 'vitest';
import { newsvendorPoisson } from '../../src/theory/newsvendor.ts';
import { expectAgreement, expectRejected, loadTheoryScenario, runAgainstTheory, type Agreement } from './theoryAgreement.ts';

/**
 * scenarios/theory/newsvendor-poisson.json: a daily newsvendor (order up to S each morning, lead time
 * 0, backorders cleared by the next morning's order) with Poisson demand of mean 20, h = 1, b = 3, at
 * the critical-ratio optimum S* = 23 (the smallest whole S with P(D <= S) >= 0.75) and at the naive
 * S = 20. What each KPI means here is in the scenario's description; no allowance is needed (every day
 * starts at S, the textbook's period, and the formulas sum the Poisson table exactly).
 */
describe('newsvendor with Poisson demand agrees with theory (Zipkin 2000 ch. 9)', () => {
  let agreement: Agreement;
  beforeAll(() => {
    agreement = runAgainstTheory(loadTheoryScenario('scenarios/theory/newsvendor-poisson.json'));
  });

  it('the critical-ratio variant orders up to the discrete optimum S* = 23', () => {
    const optimum = newsvendorPoisson({ mean: 20, underageCost: 3, overageCost: 1 });
    expect(optimum.quantity).toBe(23);
    const variant = agreement.scenario.variants.find((v) => v.id === 'critical-ratio')!;
    expect(variant.policies[0].policy).toMatchObject({ type: 'periodicRS', reviewPeriod: 1, orderUpTo: optimum.quantity });
  });

  it('end-of-day on hand, backorders, cost per day, fill rate and cycle service level, for both variants', () => {
    expectAgreement(agreement);
  });

  it('rejects the theory of a neighbouring order-up-to level (S* ± 1), so the check can fail', () => {
    for (const quantity of [22, 24]) {
      const wrong = newsvendorPoisson({ mean: 20, underageCost: 3, overageCost: 1, quantity });
      expectRejected(agreement, 'critical-ratio', 'endOfPeriodOnHand', wrong.expectedLeftover);
      expectRejected(agreement, 'critical-ratio', 'endOfPeriodBackorders', wrong.expectedShortage);
      expectRejected(agreement, 'critical-ratio', 'cycleServiceLevel', wrong.cycleServiceLevel);
    }
  });
});
