import { describe, expect, it } from 'vitest';
import { runExperiment } from '../../src/experiment/replicate.ts';
import { confidenceHalfWidth } from '../../src/metrics/studentT.ts';
import { Tally } from '../../src/metrics/tally.ts';
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
const REPLICATIONS = 40;
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
    horizonDays: 4_200,
    warmupDays: 200,
    replications: REPLICATIONS,
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

/**
 * The network's orderFillRate over the replications: its mean and the Student t half-width at the
 * joint level of this file's two comparisons (Bonferroni: 97.5% each, 95% together).
 */
function simulated(delivery: boolean) {
  const result = runExperiment(scenarioOf(scenario(delivery)));
  const samples = result.variants[0].samples.network;
  const tally = new Tally();
  for (const value of samples.orderFillRate) tally.add(value!);
  return { mean: tally.mean, halfWidth: confidenceHalfWidth(tally.sd, tally.count, 0.975)!, samples };
}

describe('orderFillRate: base stock with Poisson orders of constant size (40 replications of 4,000 days)', () => {
  // P(Poisson(4) ≤ 4) = e^-4 (1 + 4 + 8 + 32/3 + 32/3) ≈ 0.6288
  const theory = poissonCdf(LAMBDA * L, Math.floor((S - K) / K));

  it('without delivery: P(N ≤ (S - k) / k) lies in the interval, which is narrow enough to reject the neighbouring levels', () => {
    expect(theory).toBeCloseTo(0.6288, 4);
    const { mean, halfWidth } = simulated(false);
    // narrow enough to catch an engine error of 5% of the value, as every theory check (theoryAgreement.ts)
    expect(halfWidth).toBeLessThan(0.05 * theory);
    expect(Math.abs(mean - theory), `simulated ${mean} ± ${halfWidth}, theory ${theory}`).toBeLessThanOrEqual(halfWidth);
    // S = 8 or S = 12 would give P(N ≤ 3) = 0.4335 or P(N ≤ 5) = 0.7851: far outside
    for (const wrong of [poissonCdf(LAMBDA * L, 3), poissonCdf(LAMBDA * L, 5)]) expect(Math.abs(mean - wrong)).toBeGreaterThan(halfWidth);
  });

  it('with a constant delivery time due when it should arrive: the same share, and each delivery takes the wait plus 1 day', () => {
    const { mean, halfWidth, samples } = simulated(true);
    expect(Math.abs(mean - theory), `simulated ${mean} ± ${halfWidth}, theory ${theory}`).toBeLessThanOrEqual(halfWidth);
    // a delivery ends 1 day after its order ships; the wait ends when it ships (the last orders of the
    // window may ship inside it and arrive after it, hence the closeness rather than equality)
    samples.avgDeliveryDays.forEach((value, k) => expect(value! - samples.avgCustomerWait[k]!).toBeCloseTo(1, 2));
  });
});
