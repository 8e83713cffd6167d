import { beforeAll, describe, expect, it } from 'vitest';
import { runExperiment, type KpiSummaries } from '../../src/experiment/replicate.ts';
import { expectOutside, expectWithin } from './agreement.ts';
import { scenarioOf, singleStore } from '../fixtures/scenario.ts';
import { baseStockPoisson, rqPoisson } from './inventoryTheory.ts';

/**
 * Continuous-review (r, Q) with Poisson unit demand and backorders against its closed forms: with unit
 * demand the inventory position is uniform on r+1..r+Q, so each measure is the base-stock measure
 * averaged over S = r+1..r+Q (Zipkin, *Foundations of Inventory Management*, 2000, ch. 6; Axsäter,
 * *Inventory Control*, 3rd ed., 2015, ch. 5; formulas in ./inventoryTheory.ts). The parameters are
 * those of scenarios/03-rq-poisson.json: r = 10, Q = 20, 2 customers a day, constant lead time 5 days,
 * so lead-time demand is Poisson(10).
 *
 * As for base stock: 95% intervals over replications of 2,000 measured days after a 100-day warm-up
 * (ample for the position, which starts at r + Q, to become uniform), no discretisation allowance
 * (PASTA; exact time averages), fixed seed.
 */
const REORDER_POINT = 10;
const LOT_SIZE = 20;
const RATE = 2;
const LEAD_TIME = 5;
const REPLICATIONS = 100;

const scenario = scenarioOf(
  singleStore({
    policy: { type: 'rQ', reorderPoint: REORDER_POINT, orderQuantity: LOT_SIZE },
    customersPerDay: RATE,
    leadTime: LEAD_TIME,
    unmetDemand: 'backorder',
    horizonDays: 2100,
    warmupDays: 100,
    seed: 'validation:rq-poisson',
  }),
);

describe('(r, Q) with Poisson demand agrees with theory (Zipkin 2000 ch. 6, Axsäter 2015 ch. 5)', () => {
  let kpis: KpiSummaries;
  beforeAll(() => {
    kpis = runExperiment(scenario, { replications: REPLICATIONS }).variants[0].stockPoints[0].kpis;
  });
  const theory = rqPoisson(REORDER_POINT, LOT_SIZE, RATE * LEAD_TIME);


  it('fill rate = (1/Q) sum over S = r+1..r+Q of P(D <= S - 1)', () => {
    expect(theory.fillRate).toBeCloseTo(0.937, 3);
    expectWithin(kpis.fillRate, theory.fillRate, REPLICATIONS, 0.005);
  });

  it('average on hand = (1/Q) sum over S of E[(S - D)+]', () => {
    expect(theory.avgOnHand).toBeCloseTo(10.604, 3);
    expectWithin(kpis.avgOnHand, theory.avgOnHand, REPLICATIONS, 0.1);
  });

  it('average backorders = (1/Q) sum over S of E[(D - S)+]', () => {
    expect(theory.avgBackorders).toBeCloseTo(0.104, 3);
    expectWithin(kpis.avgBackorders, theory.avgBackorders, REPLICATIONS, 0.01);
  });

  it('average inventory position = r + (Q + 1) / 2 (uniform on r+1..r+Q)', () => {
    expectWithin(kpis.avgInventoryPosition, REORDER_POINT + (LOT_SIZE + 1) / 2, REPLICATIONS, 0.1);
  });

  it('orders once per Q units of demand', () => {
    // orders placed per day = lambda / Q over the window (every unit demanded is re-ordered once)
    expectWithin(kpis.ordersPlaced, (RATE * 2000) / LOT_SIZE, REPLICATIONS, 2);
  });

  it('rejects the theory of a neighbouring reorder point (r - 1 or r + 1) and of base stock at r + Q', () => {
    for (const wrongPoint of [REORDER_POINT - 1, REORDER_POINT + 1]) {
      const wrong = rqPoisson(wrongPoint, LOT_SIZE, RATE * LEAD_TIME);
      expectOutside(kpis.fillRate, wrong.fillRate);
      expectOutside(kpis.avgOnHand, wrong.avgOnHand);
      expectOutside(kpis.avgBackorders, wrong.avgBackorders);
    }
    // treating (r, Q) as base stock at its top position r + Q is a classic mistake
    const naive = baseStockPoisson(REORDER_POINT + LOT_SIZE, RATE * LEAD_TIME);
    expectOutside(kpis.fillRate, naive.fillRate);
    expectOutside(kpis.avgOnHand, naive.avgOnHand);
  });
});
