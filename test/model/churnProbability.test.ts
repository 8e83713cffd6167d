import { describe, expect, it } from 'vitest';
import { runReplication } from '../../src/experiment/run.ts';
import { buildSimulation, variantsOf } from '../../src/model/build.ts';
import { replicationSeed } from '../../src/random/streams.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { scenarioOf, singleStore } from '../fixtures/scenario.ts';
import { recordArrivals } from '../fixtures/observe.ts';

const INITIAL = 1_000_000;

/**
 * A store that never has a unit on the shelf (base stock 0, nothing on hand at the start): every
 * customer who arrives is short, whatever the random draws, so the disappointed customers are exactly
 * the arrivals. 50 customers a day for 200 days from a base of a million (the departures barely move
 * the demand), one unit each.
 */
function neverInStock(options: { unmetDemand: 'lost' | 'backorder'; onStockout: number; onBackorder: number; seed: string }): Scenario {
  return scenarioOf(
    singleStore({
      policy: { type: 'baseStock', level: 0 },
      initialOnHand: 0,
      customersPerDay: 50,
      unmetDemand: options.unmetDemand,
      horizonDays: 200,
      seed: options.seed,
      customers: [{ node: 'store', initial: INITIAL, churn: { onStockout: options.onStockout, onBackorder: options.onBackorder }, lifetimeValue: 1 }],
    }),
  );
}

/** Customers who fired an arrival in the run (each one disappointed here). */
function arrivalsOf(scenario: Scenario, replication: number): number {
  const simulation = buildSimulation(scenario, variantsOf(scenario)[0], replicationSeed(scenario.seed, replication));
  const arrivals = recordArrivals(simulation);
  simulation.run();
  return arrivals().length;
}

/** |churned − p n| within 4 binomial standard deviations, sqrt(n p (1 − p)). */
function expectBinomial(churned: number, n: number, p: number, label: string): void {
  const sd = Math.sqrt(n * p * (1 - p));
  expect(Math.abs(churned - n * p), `${label}: ${churned} of ${n} at p = ${p} (sd ${sd.toFixed(1)})`).toBeLessThanOrEqual(4 * sd);
}

describe('customers leave at the stated churn probability (binomial, 4-sigma bounds)', () => {
  for (const p of [0.05, 0.37, 0.9]) {
    it(`after a lost sale: onStockout = ${p}`, () => {
      for (const replication of [0, 1, 2]) {
        const scenario = neverInStock({ unmetDemand: 'lost', onStockout: p, onBackorder: 0.5, seed: `churn-${p}` });
        const n = arrivalsOf(scenario, replication);
        const run = runReplication(scenario, 0, replication);
        // the stockout sequence is what it says: every arrival was a lost unit
        expect(n).toBeGreaterThan(9000);
        expect(run.network.counters.lostUnits).toBe(n);
        expect(run.network.counters.filledImmediatelyUnits).toBe(0);
        const churned = run.customerBases[0].churned;
        expect(run.network.kpis.customersChurned).toBe(churned);
        expect(run.customerBases[0].active).toBe(INITIAL - churned);
        expectBinomial(churned, n, p, `replication ${replication}`);
      }
    });
  }

  it('after a backorder: onBackorder = 0.2 applies, onStockout does not', () => {
    const p = 0.2;
    for (const replication of [0, 1, 2]) {
      const scenario = neverInStock({ unmetDemand: 'backorder', onStockout: 0.9, onBackorder: p, seed: 'churn-backorder' });
      const n = arrivalsOf(scenario, replication);
      const run = runReplication(scenario, 0, replication);
      // every arrival was put on backorder (what arrives goes to the backlog, never to the shelf)
      expect(run.network.counters.backorderedUnits).toBe(n);
      expect(run.network.counters.lostUnits).toBe(0);
      expectBinomial(run.customerBases[0].churned, n, p, `replication ${replication}`);
    }
  });
});
