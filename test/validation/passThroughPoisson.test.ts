import { beforeAll, describe, expect, it } from 'vitest';
import { lossAbove, poissonPmf, shortfallBelow } from '../../src/theory/discrete.ts';
import { optimalPeriodicSS } from '../../src/theory/periodicSS.ts';
import { expectAgreement, expectRejected, loadTheoryScenario, runAgainstTheory, type Agreement } from './theoryAgreement.ts';

/**
 * scenarios/theory/pass-through-poisson.json: pass-through (order each morning the previous day's
 * demand), Poisson demand of mean 5 a day, lead time 2 days, backorders, initial stock 20. Under
 * backorders the position is back at 20 at every review, so the policy is the periodic base stock
 * S = 20, the periodic (s, S) = (19, 20) of Zheng & Federgruen (1991), compared with its exact cost
 * and end-of-day state, plus the base stock's fill rate and time-average stock on hand. No allowance.
 *
 * By hand: every day ends at 20 - D(3), D(3) ~ Poisson(15) the demand of the L + 1 = 3 days whose
 * orders have not all arrived; a day starts at 20 - D(2). So on hand E(20 - D(3))+, backorders
 * E(D(3) - 20)+, and units short a day E(D(3) - 20)+ - E(D(2) - 20)+ (what the day adds to the
 * backlog), summed below from the Poisson tables independently of the model's code.
 */
const MEAN = 5;
const LEVEL = 20;
const threeDays = poissonPmf(3 * MEAN);
const twoDays = poissonPmf(2 * MEAN);
const fillRateAt = (level: number) => 1 - (lossAbove(threeDays, level) - lossAbove(twoDays, level)) / MEAN;

describe('pass-through with Poisson demand agrees with periodic base-stock theory (Zheng & Federgruen 1991; Axsäter 2015 ch. 5)', () => {
  let agreement: Agreement;
  beforeAll(() => {
    agreement = runAgainstTheory(loadTheoryScenario('scenarios/theory/pass-through-poisson.json'));
  });

  it('compares the cost, end-of-day state, orders, fill rate and average stock on hand', () => {
    expect(agreement.checks.map((check) => check.kpi).sort()).toEqual(['avgOnHand', 'costPerPeriod', 'endOfPeriodBackorders', 'endOfPeriodOnHand', 'fillRate', 'ordersPlaced']);
    const theory = (kpi: string) => agreement.checks.find((check) => check.kpi === kpi)!.theory;
    // the values worked out by hand from the Poisson tables (and quoted in the scenario's description)
    expect(theory('endOfPeriodOnHand')).toBeCloseTo(shortfallBelow(threeDays, LEVEL), 8);
    expect(theory('avgOnHand')).toBeCloseTo(5.2123, 4);
    expect(theory('endOfPeriodBackorders')).toBeCloseTo(lossAbove(threeDays, LEVEL), 8);
    expect(theory('ordersPlaced')).toBeCloseTo(1 - Math.exp(-MEAN), 8);
    expect(theory('fillRate')).toBeCloseTo(0.9581, 4);
    expect(theory('costPerPeriod')).toBeCloseTo(shortfallBelow(threeDays, LEVEL) + 9 * lossAbove(threeDays, LEVEL), 8);
  });

  it('the level 20 is the cost optimum, a base stock (s = S - 1) when orders cost nothing', () => {
    expect(optimalPeriodicSS({ demand: poissonPmf(MEAN), leadTimePeriods: 2, orderingCost: 0, holdingCost: 1, backorderCost: 9 })).toMatchObject({ reorderPoint: LEVEL - 1, orderUpTo: LEVEL });
  });

  it('simulation and theory agree within the joint confidence interval', () => {
    expectAgreement(agreement);
  });

  it('rejects the theory of a neighbouring level (S ± 1), so the check can fail', () => {
    for (const level of [LEVEL - 1, LEVEL + 1]) {
      expectRejected(agreement, 'baseline', 'fillRate', fillRateAt(level));
      expectRejected(agreement, 'baseline', 'avgOnHand', shortfallBelow(threeDays, level));
      expectRejected(agreement, 'baseline', 'endOfPeriodBackorders', lossAbove(threeDays, level));
    }
  });
});
