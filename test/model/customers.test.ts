import { describe, expect, it } from 'vitest';
import { runReplication, type RunResult } from '../../src/experiment/run.ts';
import type { ScenarioInput } from '../../src/scenario/schema.ts';
import { scenarioOf, singleStore } from '../fixtures/scenario.ts';

const INITIAL = 200;
const HORIZON = 200;

/**
 * A store that runs out all the time: base stock 2 with a 5-day lead time against 4 customers a day
 * (lead-time demand 20), so nearly every customer meets a stockout.
 */
function stockoutProne(options: { onStockout?: number; onBackorder?: number; newPerDay?: number; unmetDemand?: 'lost' | 'backorder'; warmupDays?: number; seed?: string }) {
  return scenarioOf(
    singleStore({
      policy: { type: 'baseStock', level: 2 },
      leadTime: 5,
      customersPerDay: 4,
      unmetDemand: options.unmetDemand ?? 'lost',
      horizonDays: HORIZON,
      warmupDays: options.warmupDays ?? 0,
      seed: options.seed ?? 'customers',
      customers: [
        {
          node: 'store',
          initial: INITIAL,
          churn: { onStockout: options.onStockout ?? 0.37, onBackorder: options.onBackorder ?? 0 },
          newPerDay: options.newPerDay ?? 0,
          lifetimeValue: 25,
        },
      ],
    }),
  );
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const secondHalfDemand = (run: RunResult) => sum(run.series!.network.demand.slice(HORIZON / 2));
const activeSeries = (run: RunResult) => run.series!.activeCustomers[0].values;

describe('customers who meet stockouts leave, and their demand goes with them', () => {
  it('churn lowers the active base and the demand of the second half', () => {
    const withChurn = runReplication(stockoutProne({ onStockout: 0.37 }), 0, 0);
    const withoutChurn = runReplication(stockoutProne({ onStockout: 0 }), 0, 0);
    expect(withoutChurn.network.counters.lostUnits).toBeGreaterThan(100); // stockouts are frequent in both
    expect(withChurn.customerBases[0].active).toBeLessThan(INITIAL / 2);
    expect(withoutChurn.customerBases[0].active).toBe(INITIAL);
    expect(secondHalfDemand(withChurn)).toBeLessThan(secondHalfDemand(withoutChurn) / 2);
  });

  it('scales demand with the active base: each day’s demand has mean rate × active / initial', () => {
    const run = runReplication(stockoutProne({ onStockout: 0.05 }), 0, 0);
    const active = activeSeries(run);
    const demand = run.series!.network.demand;
    // the base at the end of day d-1 drives day d (it can only shrink during the day, so this slightly
    // overstates the expectation; a 4-sd band of Poisson noise covers that)
    let expected = 0;
    for (let day = 1; day < HORIZON; day++) expected += (4 * active[day - 1]) / INITIAL;
    const observed = sum(demand.slice(1));
    expect(active[HORIZON - 1]).toBeLessThan(INITIAL * 0.9); // the base did move
    expect(Math.abs(observed - expected)).toBeLessThan(4 * Math.sqrt(expected));
  });

  it('never shrinks the base when the stockout churn probability is 0', () => {
    const run = runReplication(stockoutProne({ onStockout: 0 }), 0, 0);
    expect(run.network.counters.lostUnits).toBeGreaterThan(100);
    expect(new Set(activeSeries(run))).toEqual(new Set([INITIAL]));
    expect(run.customerBases[0]).toMatchObject({ active: INITIAL, churned: 0, demandLostToChurn: 0 });
    expect(run.network.kpis).toMatchObject({ customersChurned: 0, demandLostToChurn: 0, churnCost: 0, activeCustomers: INITIAL });
  });

  it('applies only the backorder churn probability when demand is backordered', () => {
    const noBackorderChurn = runReplication(stockoutProne({ unmetDemand: 'backorder', onStockout: 0.9, onBackorder: 0 }), 0, 0);
    expect(noBackorderChurn.network.counters.backorderedUnits).toBeGreaterThan(100);
    expect(noBackorderChurn.customerBases[0].active).toBe(INITIAL);
    const backorderChurn = runReplication(stockoutProne({ unmetDemand: 'backorder', onStockout: 0, onBackorder: 0.2 }), 0, 0);
    expect(backorderChurn.customerBases[0].churned).toBeGreaterThan(0);
  });

  it('reports demand lost to churn exactly when customers churned', () => {
    const runs = [
      stockoutProne({ onStockout: 0 }),
      stockoutProne({ onStockout: 0.37 }),
      stockoutProne({ onStockout: 0.001, seed: 'rare-churn' }),
      stockoutProne({ unmetDemand: 'backorder', onStockout: 0.5, onBackorder: 0 }),
      stockoutProne({ unmetDemand: 'backorder', onBackorder: 0.1 }),
      stockoutProne({ onStockout: 0.37, warmupDays: 150 }),
    ].map((scenario) => runReplication(scenario, 0, 0));
    const outcomes = runs.map((run) => {
      const { customersChurned, demandLostToChurn } = run.network.kpis;
      expect(demandLostToChurn! > 0, `churned ${customersChurned}, lost demand ${demandLostToChurn}`).toBe(customersChurned! > 0);
      expect(run.customerBases[0].demandLostToChurn > 0).toBe(run.customerBases[0].churned > 0);
      return customersChurned! > 0;
    });
    // both sides of the "iff" were exercised
    expect(new Set(outcomes)).toEqual(new Set([true, false]));
  });

  it('values demand lost to churn as the rest of the window’s expected purchases of those who left', () => {
    // with flat demand a customer leaving at time t would have bought rate / initial × (horizon - t)
    const run = runReplication(stockoutProne({ onStockout: 0.37 }), 0, 0);
    const base = run.customerBases[0];
    const perCustomerPerDay = 4 / INITIAL;
    expect(base.demandLostToChurn).toBeGreaterThan(0);
    expect(base.demandLostToChurn).toBeLessThanOrEqual(base.churned * perCustomerPerDay * HORIZON);
    expect(run.network.kpis.churnCost).toBe(base.churned * 25);
  });
});

describe('new customers', () => {
  it('raise the base by about newPerDay a day, and demand with it', () => {
    const run = runReplication(stockoutProne({ onStockout: 0, newPerDay: 2 }), 0, 0);
    const active = activeSeries(run);
    const joined = run.customerBases[0].active - INITIAL;
    // joiners are a Poisson process: 400 expected over 200 days, sd 20
    expect(Math.abs(joined - 2 * HORIZON)).toBeLessThan(4 * Math.sqrt(2 * HORIZON));
    for (let day = 1; day < HORIZON; day++) expect(active[day]).toBeGreaterThanOrEqual(active[day - 1]);
    const firstHalf = sum(run.series!.network.demand.slice(0, HORIZON / 2));
    expect(secondHalfDemand(run)).toBeGreaterThan(firstHalf * 1.5);
  });
});

describe('churn counts agree between the stock points and the customer base', () => {
  /** one store selling two products to one customer base: either product's stockout can drive a customer away */
  function twoProducts(warmupDays: number, newPerDay: number): ScenarioInput {
    const input = singleStore({
      policy: { type: 'baseStock', level: 3 },
      leadTime: 4,
      customersPerDay: 3,
      unmetDemand: 'lost',
      horizonDays: HORIZON,
      warmupDays,
      seed: 'two-products',
      customers: [{ node: 'store', initial: INITIAL, churn: { onStockout: 0.3, onBackorder: 0 }, newPerDay, lifetimeValue: 10 }],
    });
    input.products.push({ id: 'gadget', unitCost: 5, holdingCost: { perUnitPerDay: 0.01 }, unmetDemand: 'backorder' });
    input.stockPoints.push({ node: 'store', product: 'gadget', policy: { type: 'baseStock', level: 4 } });
    input.demand!.push({ type: 'arrivals', node: 'store', product: 'gadget', customersPerDay: 2 });
    input.customers![0].churn = { onStockout: 0.3, onBackorder: 0.1 };
    return input;
  }

  it.each([
    ['no warm-up, no newcomers', 0, 0],
    ['a warm-up of 50 days and newcomers', 50, 0.5],
  ])('customersChurned matches the base’s own count (%s)', (_name, warmupDays, newPerDay) => {
    const run = runReplication(scenarioOf(twoProducts(warmupDays, newPerDay)), 0, 0);
    const base = run.customerBases[0];
    const perPoint = run.stockPoints.map((point) => point.counters.customersChurned!);
    expect(perPoint.every((churned) => churned > 0)).toBe(true); // both products drove customers away
    expect(sum(perPoint)).toBe(base.churned);
    expect(run.network.kpis.customersChurned).toBe(base.churned);
    expect(run.network.kpis.activeCustomers).toBe(base.active);
    expect(run.network.kpis.demandLostToChurn).toBeCloseTo(base.demandLostToChurn, 6);
    expect(run.network.kpis.churnCost).toBe(base.churned * 10);
    // with nobody joining and the whole run measured, everyone missing has churned
    if (warmupDays === 0 && newPerDay === 0) expect(base.churned).toBe(INITIAL - base.active);
  });
});

describe('per-period demand and churn', () => {
  // Each unit of per-period demand is one customer's purchase: on a day when 9.5 of 10 units are
  // served, only the customer whose unit was short risks leaving, not all 10.
  it('disappoints only the customers whose units were short', () => {
    const input = singleStore({
      // lead time 0 and a daily review: each day starts with exactly 9.5 units, then 10 are demanded
      policy: { type: 'periodicRS', reviewPeriod: 1, orderUpTo: 9.5 },
      leadTime: 0,
      unmetDemand: 'lost',
      horizonDays: 5,
      customers: [{ node: 'store', initial: 1000, churn: { onStockout: 1, onBackorder: 0 } }],
    });
    input.demand = [{ type: 'perPeriod', node: 'store', product: 'widget', quantity: { type: 'constant', value: 10 } }];
    const run = runReplication(scenarioOf(input), 0, 0);
    // each day about half a unit (one customer's purchase) is short, and that customer leaves for sure
    expect(run.series!.network.sales).toEqual([9.5, 9.5, 9.5, 9.5, 9.5]);
    expect(activeSeries(run)).toEqual([999, 998, 997, 996, 995]);
  });
});
