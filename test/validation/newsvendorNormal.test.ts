import { beforeAll, describe, it } from 'vitest';
import { newsvendorNormal } from '../../src/theory/newsvendor.ts';
import { expectAgreement, expectRejected, loadTheoryScenario, runAgainstTheory, type Agreement } from './theoryAgreement.ts';

/**
 * scenarios/theory/newsvendor-normal.json: a daily newsvendor (order up to S each morning, lead time
 * 0, backorders cleared by the next morning's order) with normal demand N(100, 20²), h = 1, b = 4,
 * at the critical-ratio optimum S* = 116.83 and at the naive S = 100. What each KPI means here is in
 * the scenario's description; no allowance is needed (every day starts at S, the textbook's period).
 */
describe('newsvendor with normal demand agrees with theory (Zipkin 2000 ch. 9)', () => {
  let agreement: Agreement;
  beforeAll(() => {
    agreement = runAgainstTheory(loadTheoryScenario('scenarios/theory/newsvendor-normal.json'));
  });

  it('end-of-day on hand, backorders, cost per day, fill rate and cycle service level, for both variants', () => {
    expectAgreement(agreement);
  });

  it("rejects the theory of a neighbouring order-up-to level (S* ± 2), so the check can fail", () => {
    for (const quantity of [114.83, 118.83]) {
      const wrong = newsvendorNormal({ mean: 100, sd: 20, underageCost: 4, overageCost: 1, quantity });
      expectRejected(agreement, 'critical-ratio', 'endOfPeriodOnHand', wrong.expectedLeftover);
      expectRejected(agreement, 'critical-ratio', 'cycleServiceLevel', wrong.cycleServiceLevel);
    }
  });
});
