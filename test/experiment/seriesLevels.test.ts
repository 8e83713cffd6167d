import { describe, expect, it } from 'vitest';
import { runReplication } from '../../src/experiment/run.ts';
import { runExperiment } from '../../src/experiment/replicate.ts';
import { scenarioOf, singleStore } from '../fixtures/scenario.ts';

const scenario = scenarioOf(singleStore({ policy: { type: 'sS', reorderPoint: 4, orderUpTo: 12 }, customersPerDay: 3, leadTime: 2, unmetDemand: 'lost', horizonDays: 200 }));

describe('daily series for charts: orders, receipts and shortfalls', () => {
  it('add up to the run totals: units ordered, received, and demand not met at once', () => {
    const run = runReplication(scenario, 0, 0);
    const levels = run.series!.stockPoints![0];
    const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
    const ledger = run.ledgers[0];
    expect(sum(levels.received)).toBeCloseTo(ledger.received, 9);
    expect(sum(levels.short)).toBeCloseTo(ledger.demanded - ledger.filledImmediately, 9);
    expect(sum(levels.ordered)).toBeCloseTo(ledger.received + run.ledgers[0].onOrder, 9);
    expect(sum(levels.short)).toBeGreaterThan(0);
    expect(levels.ordered.filter((units) => units > 0).length).toBe(run.stockPoints[0].kpis.ordersPlaced);
  });

  it("keep each replication's network KPIs, in replication order, for distributions", () => {
    const result = runExperiment({ ...scenario, replications: 4 });
    const samples = result.variants[0].samples;
    expect(samples.replications).toEqual([0, 1, 2, 3]);
    expect(samples.network.fillRate).toHaveLength(4);
    const mean = samples.network.fillRate.reduce((a, b) => a! + b!, 0)! / 4;
    expect(result.variants[0].network.fillRate.mean).toBeCloseTo(mean, 12);
  });
});
