import { beforeAll, describe, it } from 'vitest';
import { bullwhipLowerBound } from '../../src/theory/bullwhip.ts';
import { expectAgreement, expectRejected, loadTheoryScenario, runAgainstTheory, type Agreement } from './theoryAgreement.ts';

/**
 * scenarios/theory/bullwhip.json: a daily order-up-to rule on a forecast (moving averages of 5 and 20
 * days, exponential smoothing 0.3) with a 2-day lead time, constant safety stock and returns allowed,
 * facing i.i.d. normal demand: the variance of orders over the variance of demand is Chen et al.'s
 * formula with L = lead time + review period = 3 days, the demand the order-up-to level covers.
 */
describe('bullwhip of forecast-driven ordering agrees with theory (Chen, Drezner, Ryan & Simchi-Levi 2000)', () => {
  let agreement: Agreement;
  beforeAll(() => {
    agreement = runAgainstTheory(loadTheoryScenario('scenarios/theory/bullwhip.json'));
  });

  it('bullwhip ratio for two moving averages and exponential smoothing', () => {
    expectAgreement(agreement);
  });

  it('rejects the formula with L = lead time alone (2 days) and with a 4-day moving average: the timing matters', () => {
    expectRejected(agreement, 'ma5', 'bullwhipRatio', bullwhipLowerBound({ leadTimePeriods: 2, movingAveragePeriods: 5 }));
    expectRejected(agreement, 'ma5', 'bullwhipRatio', bullwhipLowerBound({ leadTimePeriods: 3, movingAveragePeriods: 4 }));
    expectRejected(agreement, 'ma20', 'bullwhipRatio', bullwhipLowerBound({ leadTimePeriods: 2, movingAveragePeriods: 20 }));
  });
});
