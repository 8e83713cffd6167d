import { describe, expect, it } from 'vitest';
import { paretoFrontier, parseValues, planSweep, sweep, sweepRows } from '../../src/experiment/sweep.ts';
import * as library from '../../src/index.ts';
import { runExperiment } from '../../src/experiment/replicate.ts';
import { parseScenario } from '../../src/scenario/parse.ts';
import { loadScenarioFile, scenarioOf, singleStore, twoEchelon } from '../fixtures/scenario.ts';

const store = { ...scenarioOf(singleStore({ policy: { type: 'sS', reorderPoint: 4, orderUpTo: 12 }, customersPerDay: 3, unmetDemand: 'lost', horizonDays: 200 })), replications: 4 };

describe('the library’s sweep: plan, run and rows in one call', () => {
  it('gives the rows of planSweep, runExperiment and sweepRows, and runs on the runner given', () => {
    const spec = { product: 'widget', axes: [{ parameter: 'reorderPoint', values: [2, 6] }] };
    const plan = planSweep(store, spec);
    const expected = sweepRows(plan, runExperiment(plan.scenario, { replications: 3 }));
    const swept = sweep(store, spec, { replications: 3 });
    expect(JSON.stringify(swept.rows)).toBe(JSON.stringify(expected));
    expect(swept.result.replications).toBe(3);
    const seen: string[] = [];
    sweep(store, spec, { replications: 2, run: (scenario, options) => (seen.push(scenario.variants.map((v) => v.id).join()), runExperiment(scenario, options)) });
    expect(seen).toEqual(['reorderPoint:2,reorderPoint:6']);
    // the package's names: sweep, and compare for compareVariants
    expect(library.sweep).toBe(sweep);
    expect(library.compare).toBe(library.compareVariants);
  });
});

describe('a sweep over policy parameters', () => {
  it('makes one variant per valid grid point, sets the parameters on the policy the point has, and skips invalid ones', () => {
    const plan = planSweep(store, { product: 'widget', axes: [{ parameter: 'reorderPoint', values: [2, 6, 12] }, { parameter: 'orderUpTo', values: [10, 16] }] });
    expect(plan.points.map((point) => point.id)).toEqual(['reorderPoint:2_orderUpTo:10', 'reorderPoint:2_orderUpTo:16', 'reorderPoint:6_orderUpTo:10', 'reorderPoint:6_orderUpTo:16', 'reorderPoint:12_orderUpTo:16']);
    expect(plan.skipped.map((point) => point.values)).toEqual([[12, 10]]);
    expect(plan.skipped[0].reason).toMatch(/orderUpTo: expected orderUpTo > reorderPoint/);
    expect(plan.scenario.variants[1].policies).toEqual([{ node: 'store', product: 'widget', policy: { type: 'sS', reorderPoint: 2, orderUpTo: 16 } }]);
    // the swept scenario is a valid scenario (workers validate it again)
    expect(parseScenario(plan.scenario).ok).toBe(true);
  });

  it('targets every stock point of a product, each keeping its own policy type, or one node', () => {
    const network = scenarioOf(twoEchelon({ warehousePolicy: { type: 'rQ', reorderPoint: 30, orderQuantity: 60 }, storePolicy: { type: 'sS', reorderPoint: 8, orderUpTo: 20 } }));
    const stores = planSweep(network, { product: 'widget', node: 'store-1', axes: [{ parameter: 'reorderPoint', values: [5, 9] }] });
    expect(stores.scenario.variants[0].policies).toEqual([{ node: 'store-1', product: 'widget', policy: { type: 'sS', reorderPoint: 5, orderUpTo: 20 } }]);
    const all = planSweep(network, { product: 'widget', axes: [{ parameter: 'reorderPoint', values: [7] }] });
    expect(all.scenario.variants[0].policies.map((p) => [p.node, p.policy])).toEqual([
      ['dc', { type: 'rQ', reorderPoint: 7, orderQuantity: 60 }],
      ['store-1', { type: 'sS', reorderPoint: 7, orderUpTo: 20 }],
      ['store-2', { type: 'sS', reorderPoint: 7, orderUpTo: 20 }],
    ]);
  });

  it('refuses a parameter the policy does not have, an unknown product, and a third axis', () => {
    expect(() => planSweep(store, { product: 'widget', axes: [{ parameter: 'level', values: [5] }] })).toThrow(/the sS policy at store\/widget has no numeric "level" \(it has: reorderPoint, orderUpTo\)/);
    expect(() => planSweep(store, { product: 'gadget', axes: [{ parameter: 'reorderPoint', values: [5] }] })).toThrow(/no stock point of product "gadget"/);
    const axis = { parameter: 'reorderPoint', values: [5] };
    expect(() => planSweep(store, { product: 'widget', axes: [axis, axis, axis] })).toThrow(/one or two parameters/);
  });

  it('runs the grid on common random numbers and marks the service-vs-holding-cost frontier', () => {
    const plan = planSweep(store, { product: 'widget', axes: [{ parameter: 'orderUpTo', values: [8, 12, 16, 20] }] });
    const rows = sweepRows(plan, runExperiment(plan.scenario));
    expect(rows).toHaveLength(4);
    // more stock, more service and more holding cost: every point is on the frontier
    const fill = rows.map((row) => row.kpis.fillRate.mean!);
    expect([...fill].sort((a, b) => a - b)).toEqual(fill);
    expect(rows.every((row) => row.frontier)).toBe(true);
  });
});

describe('Pareto frontier and grid values', () => {
  it('keeps the points no other beats on both service and cost', () => {
    const points = [
      { service: 0.9, cost: 100 },
      { service: 0.85, cost: 120 }, // dominated by the first
      { service: 0.95, cost: 150 },
      { service: 0.95, cost: 160 }, // dominated by the third
      { service: null, cost: 50 },
      { service: 0.99, cost: 300 },
    ];
    expect(paretoFrontier(points)).toEqual([0, 2, 5]);
  });

  it('reads FROM:TO:STEP and lists, exactly', () => {
    expect(parseValues('20:80:20')).toEqual([20, 40, 60, 80]);
    expect(parseValues('0.1:0.3:0.1')).toEqual([0.1, 0.2, 0.3]);
    expect(parseValues('5, 8,13')).toEqual([5, 8, 13]);
    expect(parseValues('10:5:1')).toMatchObject({ error: expect.stringMatching(/TO >= FROM/) });
    expect(parseValues('a,b')).toMatchObject({ error: expect.stringMatching(/FROM:TO:STEP/) });
  });
});

describe("a sweep from a variant that changes the network ('set')", () => {
  it("targets that variant's own stock points, not the file's", () => {
    const loaded = loadScenarioFile('scenarios/09-online-shoes-24h.json');
    if (!loaded.ok) throw new Error('09 does not parse');
    const regional = planSweep(loaded.scenario, { from: 'regional', product: 'runner', node: 'wh-north', axes: [{ parameter: 'reorderPoint', values: [20, 30] }] });
    expect(regional.scenario.variants[0].policies.map((override) => override.node)).toEqual(['wh-north']);
    // the central variants replace the regional warehouses by the central one alone
    expect(() => planSweep(loaded.scenario, { from: 'central', product: 'runner', node: 'wh-north', axes: [{ parameter: 'reorderPoint', values: [20, 30] }] })).toThrow(
      'sweep: no stock point of product "runner" at node "wh-north"',
    );
  });
});
