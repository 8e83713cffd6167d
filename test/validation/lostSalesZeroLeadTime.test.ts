import { beforeAll, describe, expect, it } from 'vitest';
import { poissonPmf } from '../../src/theory/discrete.ts';
import { lostSalesBaseStock, optimalLostSalesBaseStock } from '../../src/theory/lostSalesBaseStock.ts';
import { expectAgreement, expectRejected, loadTheoryScenario, runAgainstTheory, type Agreement } from './theoryAgreement.ts';

/**
 * scenarios/theory/lost-sales-zero-lead-time.json: each morning the stock is raised to S (review every
 * day, lead time 0), the day's demand is Poisson(10), what cannot be served is lost; h = 1 per unit
 * left at the end of the day, p = 4 per unit lost: S* = 13 (critical ratio 0.8) and the naive S = 10.
 * Every day starts at S, so each is an independent period: no allowance. 40 replications of 2,000 days.
 */
const demandPerPeriod = { table: poissonPmf(10) };
const theoryAt = (baseStockLevel: number) => lostSalesBaseStock({ demandPerPeriod, baseStockLevel, holdingCostPerUnitPerPeriod: 1, lostSaleCost: 4 });

describe('lost sales with zero lead time agrees with theory (Zipkin 2000 ch. 9)', () => {
  let agreement: Agreement;
  beforeAll(() => {
    agreement = runAgainstTheory(loadTheoryScenario('scenarios/theory/lost-sales-zero-lead-time.json'));
  });

  it('the critical-ratio variant orders up to the optimum S* = 13', () => {
    const optimum = optimalLostSalesBaseStock({ demandPerPeriod, holdingCostPerUnitPerPeriod: 1, lostSaleCost: 4 });
    expect(optimum.baseStockLevel).toBe(13);
    expect(agreement.scenario.variants.find((v) => v.id === 'critical-ratio')!.policies[0].policy).toMatchObject({ type: 'periodicRS', reviewPeriod: 1, orderUpTo: optimum.baseStockLevel });
  });

  it('end-of-day on hand, units lost a day, fill rate, days without loss and cost per day, for both variants', () => {
    expectAgreement(agreement);
  });

  it('rejects the theory of a neighbouring level (S* ± 1), so the check can fail', () => {
    for (const level of [12, 14]) {
      const wrong = theoryAt(level);
      expectRejected(agreement, 'critical-ratio', 'endOfPeriodOnHand', wrong.expectedOnHandAtPeriodEnd);
      expectRejected(agreement, 'critical-ratio', 'lostSalesUnits', wrong.expectedLostPerPeriod);
      expectRejected(agreement, 'critical-ratio', 'cycleServiceLevel', wrong.probabilityNoLostSales);
    }
  });
});
