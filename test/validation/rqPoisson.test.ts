import { beforeAll, describe, expect, it } from 'vitest';
import { baseStockPoisson } from '../../src/theory/baseStockPoisson.ts';
import { optimalRQPoisson, rqPoisson } from '../../src/theory/rqPoisson.ts';
import { costsOf } from '../../src/experiment/theory.ts';
import { planStockPoints, variantsOf } from '../../src/model/build.ts';
import { expectAgreement, expectRejected, loadTheoryScenario, runAgainstTheory, type Agreement } from './theoryAgreement.ts';

/**
 * scenarios/theory/rq-poisson.json: continuous-review (r, Q), 2 customers a day buying one unit each
 * (Poisson), constant lead time 5 days, backorders, K = 20, h = 0.05 and b = 0.5 per unit per day;
 * (r, Q) = (10, 20) as in scenarios/03-rq-poisson.json, and the exact optimum of Federgruen & Zheng
 * (1992), which this test recomputes from the scenario's own parameters. Exact time averages and, by
 * PASTA, per-customer fractions: no allowance. 100 replications of 2,000 days.
 * (test/validation/rqPoisson.test.ts checks the same model from a fixture, with its own formulas.)
 */
const RATE = 2;
const LEAD_TIME = 5;
const parameters = { demandPerDay: RATE, leadTimeDays: LEAD_TIME, orderingCost: 20, holdingCostPerUnitPerDay: 0.05, backorderCostPerUnitPerDay: 0.5 };

describe('(r, Q) with Poisson demand agrees with theory (Zipkin 2000 ch. 6; Federgruen & Zheng 1992)', () => {
  let agreement: Agreement;
  beforeAll(() => {
    agreement = runAgainstTheory(loadTheoryScenario('scenarios/theory/rq-poisson.json'));
  });

  it("the optimal variant is the Federgruen-Zheng optimum for the scenario's own costs", () => {
    const scenario = agreement.scenario;
    const plan = planStockPoints(scenario, variantsOf(scenario)[0])[0];
    const costs = costsOf(scenario, plan);
    expect({ orderingCost: costs.orderingCost, holdingCostPerUnitPerDay: costs.holdingPerDay, backorderCostPerUnitPerDay: costs.backorderPerDay }).toEqual({
      orderingCost: parameters.orderingCost,
      holdingCostPerUnitPerDay: parameters.holdingCostPerUnitPerDay,
      backorderCostPerUnitPerDay: parameters.backorderCostPerUnitPerDay,
    });
    const optimum = optimalRQPoisson(parameters);
    expect([optimum.reorderPoint, optimum.orderQuantity]).toEqual([6, 43]);
    expect(scenario.variants.find((v) => v.id === 'optimal')!.policies[0].policy).toEqual({ type: 'rQ', reorderPoint: optimum.reorderPoint, orderQuantity: optimum.orderQuantity });
    // it beats (10, 20) and its neighbours
    expect(optimum.costPerDay).toBeLessThan(rqPoisson({ ...parameters, reorderPoint: 10, orderQuantity: 20 }).costPerDay);
    for (const [r, q] of [[5, 43], [7, 43], [6, 42], [6, 44]]) expect(optimum.costPerDay).toBeLessThan(rqPoisson({ ...parameters, reorderPoint: r, orderQuantity: q }).costPerDay);
  });

  it('fill rate, ready rate, on hand, backorders, position, orders and costs per day, for both variants', () => {
    expectAgreement(agreement);
  });

  it('rejects the theory of a neighbouring reorder point (r ± 1) and of base stock at r + Q, so the check can fail', () => {
    for (const [variant, r, q] of [['r10Q20', 10, 20], ['optimal', 6, 43]] as const) {
      for (const wrongPoint of [r - 1, r + 1]) {
        const wrong = rqPoisson({ ...parameters, reorderPoint: wrongPoint, orderQuantity: q });
        expectRejected(agreement, variant, 'fillRate', wrong.fillRate);
        expectRejected(agreement, variant, 'avgOnHand', wrong.expectedOnHand);
      }
    }
    // treating (r, Q) as base stock at its top position r + Q is a classic mistake
    const naive = baseStockPoisson({ demandPerDay: RATE, leadTimeDays: LEAD_TIME, baseStockLevel: 30 });
    expectRejected(agreement, 'r10Q20', 'fillRate', naive.fillRate);
    expectRejected(agreement, 'r10Q20', 'avgOnHand', naive.expectedOnHand);
  });
});
