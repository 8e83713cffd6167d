import { beforeAll, describe, expect, it } from 'vitest';
import { runExperiment, type KpiSummaries } from '../../src/experiment/replicate.ts';
import { expectOutside, expectWithin } from './agreement.ts';
import { scenarioOf, singleStore } from '../fixtures/scenario.ts';
import { baseStockPoisson } from './inventoryTheory.ts';

/**
 * One-for-one base stock with Poisson demand and backorders against its closed forms (Zipkin,
 * *Foundations of Inventory Management*, 2000, ch. 6; Axsäter, *Inventory Control*, 3rd ed., 2015,
 * ch. 5; formulas in ./inventoryTheory.ts). The parameters are those of
 * scenarios/02-base-stock-poisson.json: S = 12, 3 customers a day buying one unit, constant lead time
 * 3 days, so lead-time demand is Poisson(9).
 *
 * Every measure is compared with the 95% confidence interval of its mean over independent
 * replications of 2,000 measured days (after a 100-day warm-up; the system forgets its start after one
 * lead time). No discretisation allowance: arrivals are Poisson, so they see time averages (PASTA),
 * and the KPIs are exact time averages, not daily samples. The seed is fixed, so the test is
 * deterministic; with another seed each interval would miss its theory value 5% of the time.
 */
const LEVEL = 12;
const RATE = 3;
const LEAD_TIME = 3;
const REPLICATIONS = 100;

const scenario = scenarioOf(
  singleStore({
    policy: { type: 'baseStock', level: LEVEL },
    customersPerDay: RATE,
    leadTime: LEAD_TIME,
    unmetDemand: 'backorder',
    horizonDays: 2100,
    warmupDays: 100,
    seed: 'validation:base-stock-poisson',
  }),
);

describe('base stock with Poisson demand agrees with theory (Zipkin 2000 ch. 6, Axsäter 2015 ch. 5)', () => {
  let kpis: KpiSummaries;
  beforeAll(() => {
    kpis = runExperiment(scenario, { replications: REPLICATIONS }).variants[0].stockPoints[0].kpis;
  });
  const theory = baseStockPoisson(LEVEL, RATE * LEAD_TIME);


  it('fill rate = P(D <= S - 1)', () => {
    expect(theory.fillRate).toBeCloseTo(0.803, 3);
    expectWithin(kpis.fillRate, theory.fillRate, REPLICATIONS, 0.01);
  });

  it('average on hand = sum over d < S of (S - d) p(d)', () => {
    expect(theory.avgOnHand).toBeCloseTo(3.282, 3);
    expectWithin(kpis.avgOnHand, theory.avgOnHand, REPLICATIONS, 0.05);
  });

  it('average backorders = E[(D - S)+]', () => {
    expect(theory.avgBackorders).toBeCloseTo(0.282, 3);
    expectWithin(kpis.avgBackorders, theory.avgBackorders, REPLICATIONS, 0.02);
  });

  it('ready rate (time in stock) = fill rate, as Poisson arrivals see time averages', () => {
    expectWithin(kpis.readyRate, theory.fillRate, REPLICATIONS, 0.01);
  });

  it('average pipeline = lambda L (Little’s law) and the inventory position stays at S', () => {
    expectWithin(kpis.avgPipeline, RATE * LEAD_TIME, REPLICATIONS, 0.05);
    expect(kpis.avgInventoryPosition.mean).toBeCloseTo(LEVEL, 9);
  });

  it('rejects the theory of a neighbouring base-stock level (S - 1 or S + 1)', () => {
    for (const wrongLevel of [LEVEL - 1, LEVEL + 1]) {
      const wrong = baseStockPoisson(wrongLevel, RATE * LEAD_TIME);
      expectOutside(kpis.fillRate, wrong.fillRate);
      expectOutside(kpis.avgOnHand, wrong.avgOnHand);
      expectOutside(kpis.avgBackorders, wrong.avgBackorders);
    }
  });
});
