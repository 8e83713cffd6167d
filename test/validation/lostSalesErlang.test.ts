import { beforeAll, describe, expect, it } from 'vitest';
import { lostSalesBaseStockPoisson } from '../../src/theory/lostSalesBaseStock.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { expectAgreement, expectRejected, loadTheoryScenario, runAgainstTheory, type Agreement } from './theoryAgreement.ts';

/**
 * scenarios/theory/lost-sales-erlang.json: continuous-review base stock with lost sales, 5 customers a
 * day buying one unit each (Poisson), lead times uniform on [2, 6] days, independent (orders overtake
 * each other); S = 22 and S = 25. The units on order form an Erlang loss system M/G/S/S with offered
 * load 5 x 4 = 20, whose state distribution depends on the lead times only through their mean (Palm
 * 1938). To show that insensitivity, the same scenario is also run with a constant 4-day lead time
 * against the same theory values. Exact time averages and, by PASTA, per-customer fractions: no
 * allowance. 60 replications of 2,000 days.
 */
const RATE = 5;
const theoryAt = (baseStockLevel: number, meanLeadTimeDays = 4) => lostSalesBaseStockPoisson({ demandPerDay: RATE, meanLeadTimeDays, baseStockLevel });

function withConstantLeadTime(scenario: Scenario): Scenario {
  return {
    ...scenario,
    seed: `${scenario.seed}:constant`,
    lanes: scenario.lanes.map((lane) => ({ ...lane, leadTime: { type: 'constant', value: 4 } })),
  };
}

describe('lost-sales base stock with random lead times agrees with Erlang B (Palm 1938; Zipkin 2000 ch. 7)', () => {
  let uniform: Agreement;
  let constant: Agreement;
  beforeAll(() => {
    const scenario = loadTheoryScenario('scenarios/theory/lost-sales-erlang.json');
    expect(scenario.lanes[0].leadTime).toEqual({ type: 'uniform', min: 2, max: 6 });
    uniform = runAgainstTheory(scenario);
    constant = runAgainstTheory(withConstantLeadTime(scenario));
  });

  it('fill rate, ready rate, on hand, units lost and orders a day, for both variants, with uniform lead times', () => {
    expectAgreement(uniform);
  });

  it('the same theory values hold with a constant lead time of the same mean (insensitivity)', () => {
    const values = (agreement: Agreement) => agreement.checks.map((c) => [c.variant, c.kpi, c.theory]);
    expect(values(constant)).toEqual(values(uniform));
    expectAgreement(constant);
  });

  it('rejects the theory of a neighbouring level (S ± 1) and of a mean lead time 10% off, so the check can fail', () => {
    for (const agreement of [uniform, constant]) {
      for (const level of [21, 23]) {
        const wrong = theoryAt(level);
        expectRejected(agreement, 'S22', 'fillRate', wrong.fillRate);
        expectRejected(agreement, 'S22', 'avgOnHand', wrong.expectedOnHand);
      }
      for (const meanLeadTime of [3.6, 4.4]) {
        const wrong = theoryAt(22, meanLeadTime);
        expectRejected(agreement, 'S22', 'fillRate', wrong.fillRate);
        expectRejected(agreement, 'S22', 'lostSalesUnits', wrong.lostPerDay);
      }
    }
  });
});
