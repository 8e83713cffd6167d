import { beforeAll, describe, expect, it } from 'vitest';
import { makeToStockMM1, optimalMakeToStockMM1 } from '../../src/theory/queues.ts';
import { expectAgreement, expectRejected, loadTheoryScenario, runAgainstTheory, type Agreement } from './theoryAgreement.ts';

/**
 * scenarios/theory/make-to-stock-mm1.json: one exponential production line (5 a day) making to stock
 * under base stock S for Poisson demand of 3 a day (Buzacott & Shanthikumar 1993, ch. 4), at S* = 4
 * (holding 1, backorders 9) and at S = 2.
 */
describe('a make-to-stock plant agrees with the M/M/1 make-to-stock queue (Buzacott & Shanthikumar 1993)', () => {
  let agreement: Agreement;
  const rates = { demandPerDay: 3, productionPerDay: 5 };
  beforeAll(() => {
    agreement = runAgainstTheory(loadTheoryScenario('scenarios/theory/make-to-stock-mm1.json'));
  });

  it('the scenario runs the optimal S', () => {
    const optimum = optimalMakeToStockMM1({ ...rates, holdingCostPerUnitPerDay: 1, backorderCostPerUnitPerDay: 9 });
    expect(agreement.scenario.variants[0].policies[0].policy).toEqual({ type: 'baseStock', level: optimum.baseStock });
  });

  it('fill rate 1 - rho^S, backorders and on hand, for both levels', () => {
    // backorders at S* are the noisiest figure (a rare event whose queue drifts for days): a
    // test-sized run knows them to under 10% of their value, not 5%
    expectAgreement(agreement, { resolution: 0.1 });
  });

  it('rejects the figures of S - 1 and S + 1', () => {
    for (const level of [3, 5]) expectRejected(agreement, 'optimal', 'avgOnHand', makeToStockMM1({ ...rates, baseStock: level }).expectedOnHand);
    for (const level of [1, 3]) expectRejected(agreement, 'lean', 'fillRate', makeToStockMM1({ ...rates, baseStock: level }).fillRate);
  });
});
