import { beforeAll, describe, expect, it } from 'vitest';
import { baseStockPoisson, optimalBaseStockPoisson } from '../../src/theory/baseStockPoisson.ts';
import { expectAgreement, expectRejected, loadTheoryScenario, runAgainstTheory, type Agreement } from './theoryAgreement.ts';

/**
 * scenarios/theory/base-stock-poisson.json: one-for-one base stock, 3 customers a day buying one unit
 * each (Poisson), constant lead time 3 days, backorders, h = 0.1 and b = 0.5 per unit per day; S = 12
 * (the cost optimum) and S = 14. Lead-time demand is Poisson(9). Every KPI is an exact time average or,
 * by PASTA, an exact per-customer fraction: no allowance. 100 replications of 2,000 days.
 * (test/validation/baseStockPoisson.test.ts checks the same model from a fixture, with its own formulas.)
 */
const RATE = 3;
const LEAD_TIME = 3;
const theoryAt = (baseStockLevel: number) => baseStockPoisson({ demandPerDay: RATE, leadTimeDays: LEAD_TIME, baseStockLevel, holdingCostPerUnitPerDay: 0.1, backorderCostPerUnitPerDay: 0.5 });

describe('base stock with Poisson demand agrees with theory (Zipkin 2000 ch. 6; Axsäter 2015 ch. 5)', () => {
  let agreement: Agreement;
  beforeAll(() => {
    // 150 replications, not the file's 100: the check needs an interval within 5% of S14's
    // backorders (0.084) and stockout cost (0.042 a day), now that theoryAgreement.ts has no 0.01
    // floor for quantities and money
    agreement = runAgainstTheory({ ...loadTheoryScenario('scenarios/theory/base-stock-poisson.json'), replications: 150 });
  });

  it('the S12 variant is the cost-minimising base stock', () => {
    const optimum = optimalBaseStockPoisson({ demandPerDay: RATE, leadTimeDays: LEAD_TIME, holdingCostPerUnitPerDay: 0.1, backorderCostPerUnitPerDay: 0.5 });
    expect(optimum.baseStockLevel).toBe(12);
    expect(agreement.scenario.variants.find((v) => v.id === 'S12')!.policies[0].policy).toEqual({ type: 'baseStock', level: optimum.baseStockLevel });
  });

  it('fill rate, ready rate, time without backorders, share of demand that waited, on hand, backorders, position, pipeline and costs per day, for both variants', () => {
    expectAgreement(agreement);
  });

  it('rejects the theory of a neighbouring base-stock level (S ± 1), so the check can fail', () => {
    for (const level of [11, 13]) {
      const wrong = theoryAt(level);
      expectRejected(agreement, 'S12', 'fillRate', wrong.fillRate);
      expectRejected(agreement, 'S12', 'avgOnHand', wrong.expectedOnHand);
      expectRejected(agreement, 'S12', 'avgBackorders', wrong.expectedBackorders);
    }
    for (const level of [13, 15]) expectRejected(agreement, 'S14', 'fillRate', theoryAt(level).fillRate);
  });

  it('measures the time without backorders apart from the time in stock: P(D <= S), not P(D <= S - 1)', () => {
    // the two differ by P(D = S), the time with an empty shelf and nobody waiting
    for (const [variant, level] of [['S12', 12], ['S14', 14]] as const) {
      const right = theoryAt(level);
      expectRejected(agreement, variant, 'noBackorderRate', right.readyRate);
      expectRejected(agreement, variant, 'noBackorderRate', theoryAt(level + 1).probabilityNoBackorders);
      // the share of demand that waits is 1 - fill rate, not the time with backorders
      expectRejected(agreement, variant, 'waitingDemandShare', 1 - right.probabilityNoBackorders);
    }
  });
});
