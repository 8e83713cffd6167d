import { beforeAll, describe, expect, it } from 'vitest';
import { optimalPeriodicSS, periodicSSCost } from '../../src/theory/periodicSS.ts';
import { poissonPmf } from '../../src/theory/discrete.ts';
import { expectAgreement, expectRejected, loadTheoryScenario, runAgainstTheory, type Agreement } from './theoryAgreement.ts';

/**
 * scenarios/theory/periodic-ss.json: daily (s, S) review, Poisson(10) demand, lead time 0, K = 64,
 * h = 1, p = 9 on end-of-day stock (Zheng & Federgruen 1991), at the optimum (6, 40) and at (10, 30).
 */
describe('periodic (s, S) with Poisson demand agrees with theory (Zheng & Federgruen 1991)', () => {
  let agreement: Agreement;
  const parameters = { demand: poissonPmf(10), leadTimePeriods: 0, orderingCost: 64, holdingCost: 1, backorderCost: 9 };
  beforeAll(() => {
    // 50 replications, not the file's 20: the check needs an interval within 5% of the frequent
    // variant's end-of-day backorders (0.081), now that theoryAgreement.ts has no 0.01 floor for
    // quantities and money
    agreement = runAgainstTheory({ ...loadTheoryScenario('scenarios/theory/periodic-ss.json'), replications: 50 });
  });

  it('the scenario runs the optimum Zheng and Federgruen find', () => {
    const optimum = optimalPeriodicSS(parameters);
    const policy = agreement.scenario.variants[0].policies[0].policy;
    expect(policy).toMatchObject({ type: 'periodicRsS', reorderPoint: optimum.reorderPoint, orderUpTo: optimum.orderUpTo });
  });

  it('cost per day, end-of-day on hand and backorders, and order frequency, for both variants', () => {
    expectAgreement(agreement);
  });

  it('rejects the theory of a neighbouring policy, so the check can fail', () => {
    expectRejected(agreement, 'optimal', 'endOfPeriodOnHand', periodicSSCost({ ...parameters, reorderPoint: 6, orderUpTo: 42 }).expectedOnHand);
    expectRejected(agreement, 'optimal', 'ordersPlaced', periodicSSCost({ ...parameters, reorderPoint: 6, orderUpTo: 38 }).ordersPerPeriod);
    expectRejected(agreement, 'frequent', 'endOfPeriodBackorders', periodicSSCost({ ...parameters, reorderPoint: 9, orderUpTo: 30 }).expectedBackorders);
  });
});
