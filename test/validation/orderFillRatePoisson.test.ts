import { describe, expect, it } from 'vitest';
import { runReplication } from '../../src/experiment/run.ts';
import type { ScenarioInput } from '../../src/scenario/schema.ts';
import { scenarioOf } from '../fixtures/scenario.ts';

/**
 * orderFillRate against theory. Orders of a constant k units arrive as a Poisson process at rate λ at
 * a base-stock point (level S, one for one, backorders, constant lead time L from an unlimited
 * supplier). The units on order are k N with N ~ Poisson(λL) the orders of the last L days, and by
 * PASTA an order finds the time-average state: it is served complete at once iff the net stock S - k N
 * is at least k, so without delivery (due when placed) the order fill rate is P(N ≤ (S - k) / k)
 * (Zipkin, Foundations of Inventory Management, 2000, §6.2: one-for-one base stock with Poisson demand).
 * With a constant delivery time d due d days after the order, an order served at once is on time and
 * one that waited is late: the same share.
 */
const LAMBDA = 1;
const K = 2;
const S = 10;
const L = 4;

function poissonCdf(mean: number, n: number): number {
  let term = Math.exp(-mean);
  let sum = term;
  for (let i = 1; i <= n; i++) {
    term *= mean / i;
    sum += term;
  }
  return sum;
}

function scenario(delivery: boolean): ScenarioInput {
  return {
    version: 1,
    name: 'order fill rate, Poisson',
    horizonDays: 40_000,
    warmupDays: 200,
    seed: 'otif',
    products: [{ id: 'w', unitCost: 1, price: 2, holdingCost: { perUnitPerDay: 0 }, unmetDemand: 'backorder' }],
    nodes: [
      { id: 'sup', type: 'supplier' },
      { id: 'st', type: 'store' },
    ],
    lanes: [{ from: 'sup', to: 'st', leadTime: { type: 'constant', value: L } }],
    stockPoints: [{ node: 'st', product: 'w', policy: { type: 'baseStock', level: S }, initialOnHand: S }],
    demand: [{ type: 'arrivals', node: 'st', product: 'w', customersPerDay: LAMBDA, quantity: { type: 'constant', value: K }, ...(delivery ? { delivery: { leadTime: { type: 'constant', value: 1 } } } : {}) }],
  };
}

describe('orderFillRate: base stock with Poisson orders of constant size', () => {
  // P(Poisson(4) ≤ 4) = e^-4 (1 + 4 + 8 + 32/3 + 32/3) ≈ 0.6288
  const theory = poissonCdf(LAMBDA * L, Math.floor((S - K) / K));

  it('without delivery: P(N ≤ (S - k) / k), within 0.015 over 40,000 days', () => {
    expect(theory).toBeCloseTo(0.6288, 4);
    const kpis = runReplication(scenarioOf(scenario(false)), 0, 0).stockPoints[0].kpis;
    expect(Math.abs(kpis.orderFillRate! - theory)).toBeLessThan(0.015);
    // every order here is one customer's whole order: order fill rate ≤ unit fill rate
    expect(kpis.orderFillRate!).toBeLessThanOrEqual(kpis.fillRate! + 1e-12);
  });

  it('with a constant delivery time due when it should arrive: the same share, and each delivery takes the wait plus 1 day', () => {
    const kpis = runReplication(scenarioOf(scenario(true)), 0, 0).stockPoints[0].kpis;
    expect(Math.abs(kpis.orderFillRate! - theory)).toBeLessThan(0.015);
    expect(kpis.avgDeliveryDays! - kpis.avgCustomerWait!).toBeCloseTo(1, 2);
  });
});
