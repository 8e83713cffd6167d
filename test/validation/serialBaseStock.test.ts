import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateSerialBaseStock, optimalSerialBaseStock } from '../../src/theory/serialBaseStock.ts';
import { expectAgreement, expectRejected, loadTheoryScenario, runAgainstTheory, type Agreement } from './theoryAgreement.ts';

/**
 * scenarios/theory/serial-three-stages.json: supplier -> central (3 days) -> regional (2 days) ->
 * store (1 day), Poisson demand of 2 a day at the store, echelon base stock at every stage, echelon
 * holding costs 0.02 (store), 0.01, 0.01, backorders 0.40 a unit-day; the exact Clark–Scarf
 * evaluation of the levels in force, at the Chen–Zheng optimum (5, 11, 18) and at (6, 10, 14).
 */
describe('a serial three-stage chain under echelon base stock agrees with Clark–Scarf (Chen & Zheng 1994)', () => {
  let agreement: Agreement;
  const parameters = {
    demandPerDay: 2,
    stages: [
      { leadTimeDays: 1, echelonHoldingCostPerUnitPerDay: 0.02 },
      { leadTimeDays: 2, echelonHoldingCostPerUnitPerDay: 0.01 },
      { leadTimeDays: 3, echelonHoldingCostPerUnitPerDay: 0.01 },
    ],
    backorderCostPerUnitPerDay: 0.4,
  };
  beforeAll(() => {
    // 90 replications, not the file's 60: the check needs an interval within 5% of the store's
    // backorders (0.114) and the stockout cost (0.046 a day), now that theoryAgreement.ts has no
    // 0.01 floor for quantities and money
    agreement = runAgainstTheory({ ...loadTheoryScenario('scenarios/theory/serial-three-stages.json'), replications: 90 });
  });

  it('the scenario runs the optimal echelon levels of the Chen–Zheng recursion', () => {
    expect(optimalSerialBaseStock(parameters).echelonLevels).toEqual([5, 11, 18]);
    expect(agreement.scenario.stockPoints.map((entry) => entry.policy)).toEqual([
      { type: 'echelonBaseStock', level: 18 },
      { type: 'echelonBaseStock', level: 11 },
      { type: 'echelonBaseStock', level: 5 },
    ]);
  });

  it('fill rate, backorders, on hand at every stage, holding and backorder cost, for both variants', () => {
    expectAgreement(agreement);
  });

  it('rejects the figures of neighbouring levels at each stage', () => {
    const onHand = (levels: number[], stage: number) => evaluateSerialBaseStock({ ...parameters, echelonLevels: levels }).stages[stage].expectedOnHand;
    const check = (stockPoint: string) => agreement.checks.find((c) => c.variant === 'optimal' && c.stockPoint === stockPoint && c.kpi === 'avgOnHand')!;
    expect(check('store/valve')).toBeDefined();
    expectRejectedAt('store/valve', onHand([4, 11, 18], 0));
    expectRejectedAt('regional/valve', onHand([5, 12, 18], 1));
    expectRejectedAt('central/valve', onHand([5, 11, 19], 2));

    function expectRejectedAt(stockPoint: string, wrong: number): void {
      const found = check(stockPoint);
      expect(Math.abs(found.simulated!.mean - wrong), `${stockPoint}: ${found.simulated!.mean} ± ${found.jointHalfWidth}, wrong ${wrong}`).toBeGreaterThan(found.jointHalfWidth!);
    }
  });

  it('rejects the fill rate of installation levels misread as echelon levels', () => {
    expectRejected(agreement, 'optimal', 'fillRate', evaluateSerialBaseStock({ ...parameters, echelonLevels: [5, 6, 7] }).fillRate);
  });
});
