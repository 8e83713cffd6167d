import { beforeAll, describe, expect, it } from 'vitest';
import { poissonPmf } from '../../src/theory/discrete.ts';
import { perishableOrderUpTo } from '../../src/theory/perishableOrderUpTo.ts';
import { expectAgreement, expectRejected, loadTheoryScenario, runAgainstTheory, type Agreement } from './theoryAgreement.ts';

/**
 * scenarios/theory/perishable-order-up-to.json: each morning a farm shop orders up to S = 6 punnets
 * (review every day, lead time 0), the day's demand is Poisson(3), served oldest first (FIFO), the rest
 * lost; a punnet keeps m = 2 or 3 days from its arrival and is outdated at the end of its last day,
 * before the day's end is read (issue 17). Against the exact stationary evaluation of the Markov chain
 * over the stock by remaining life (Nahmias, Operations Research 30(4), 1982; Nahmias & Pierskalla
 * 1973; Fries 1975 for lost sales; src/theory/perishableOrderUpTo.ts). No allowance. 40 replications
 * of 8,000 days after 50 days of warm-up.
 */
const theoryAt = (shelfLifePeriods: number) =>
  perishableOrderUpTo({ demandPerPeriod: poissonPmf(3), orderUpTo: 6, shelfLifePeriods, holdingCostPerUnitPerPeriod: 0.2, lostSaleCost: 3, outdatingCostPerUnit: 1.75 });

describe('perishables under order-up-to S agree with the Markov chain over the ages of stock (Nahmias 1982)', () => {
  let agreement: Agreement;
  beforeAll(() => {
    agreement = runAgainstTheory(loadTheoryScenario('scenarios/theory/perishable-order-up-to.json'));
  });

  it('compares outdating, stock after and before outdating, sales lost, fill rate, orders and cost per period for both shelf lives', () => {
    expect(agreement.checks.map((check) => `${check.variant} ${check.kpi}`)).toEqual(
      ['two-days', 'three-days'].flatMap((variant) =>
        ['outdatedPerPeriod', 'expiredUnits', 'endOfPeriodOnHand', 'endOfPeriodOnHandBeforeOutdating', 'lostSalesUnits', 'fillRate', 'ordersPlaced', 'costPerPeriod'].map((kpi) => `${variant} ${kpi}`),
      ),
    );
    expectAgreement(agreement);
  });

  it('reads the shelf life of each variant', () => {
    const theory = (variant: string, kpi: string) => agreement.checks.find((check) => check.variant === variant && check.kpi === kpi)!.theory;
    expect(theory('two-days', 'outdatedPerPeriod')).toBe(theoryAt(2).expectedOutdatedPerPeriod);
    expect(theory('three-days', 'outdatedPerPeriod')).toBe(theoryAt(3).expectedOutdatedPerPeriod);
    expect(theory('three-days', 'costPerPeriod')).toBe(theoryAt(3).costPerPeriod);
  });

  it('rejects the reading before outdating: its stock, and its cost without the outdating', () => {
    for (const variant of ['two-days', 'three-days']) {
      const m = variant === 'two-days' ? 2 : 3;
      const before = theoryAt(m);
      expectRejected(agreement, variant, 'endOfPeriodOnHand', before.expectedOnHandBeforeOutdating);
      expectRejected(agreement, variant, 'costPerPeriod', 0.2 * before.expectedOnHandBeforeOutdating + 3 * before.expectedLostPerPeriod);
    }
  });

  it('rejects the figures of a shelf life one day longer (m + 1)', () => {
    for (const [variant, m] of [['two-days', 2], ['three-days', 3]] as const) {
      const longer = theoryAt(m + 1);
      expectRejected(agreement, variant, 'outdatedPerPeriod', longer.expectedOutdatedPerPeriod);
      expectRejected(agreement, variant, 'endOfPeriodOnHand', longer.expectedOnHandAtPeriodEnd);
      expectRejected(agreement, variant, 'costPerPeriod', longer.costPerPeriod);
      expectRejected(agreement, variant, 'ordersPlaced', longer.orderProbability);
    }
  });
});
