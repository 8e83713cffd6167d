import { describe, expect, it } from 'vitest';
import { echelonFlows, echelonsOf } from '../../web/charts/echelons.ts';
import { runExperiment } from '../../src/experiment/replicate.ts';
import { loadScenarioFile } from '../fixtures/scenario.ts';

function gallery(file: string) {
  const loaded = loadScenarioFile(file);
  if (!loaded.ok) throw new Error(`${file} does not parse`);
  return loaded.scenario;
}

describe('echelons for the orders-versus-demand chart', () => {
  it('finds the stores, then the warehouses, in the multi-echelon network; one echelon in a single-store scenario', () => {
    const multi = gallery('scenarios/07-multi-echelon.json');
    const echelons = echelonsOf(multi, multi.stockPoints.map((entry) => ({ node: entry.node as string })));
    expect(echelons.length).toBeGreaterThan(1);
    const types = echelons.map((echelon) => [...new Set(echelon.nodes.map((id) => multi.nodes.find((node) => node.id === id)!.type))]);
    expect(types[0]).toEqual(['store']);
    expect(types[1]).toEqual(['warehouse']);
    const single = gallery('scenarios/02-base-stock-poisson.json');
    expect(echelonsOf(single, single.stockPoints.map((entry) => ({ node: entry.node as string })))).toHaveLength(1);
  });

  it("adds up each echelon's mean orders and demand per day and per whole week", () => {
    const scenario = { ...gallery('scenarios/07-multi-echelon.json'), horizonDays: 60, warmupDays: 0, replications: 2 };
    const result = runExperiment(scenario);
    const variant = result.variants[0];
    const echelons = echelonsOf(scenario, variant.stockPoints);
    const series = variant.series!.stockPoints!;
    const daily = echelonFlows(echelons, series, 60, 1);
    const weekly = echelonFlows(echelons, series, 60, 7);
    expect(daily[0].orders).toHaveLength(60);
    expect(weekly[0].orders).toHaveLength(8);
    echelons.forEach((echelon, k) => {
      const day5 = echelon.points.reduce((sum, i) => sum + series[i].demand.mean[5], 0);
      expect(daily[k].demand[5]).toBeCloseTo(day5, 9);
      const week2 = daily[k].orders.slice(7, 14).reduce((a, b) => a + b, 0);
      expect(weekly[k].orders[1]).toBeCloseTo(week2, 9);
    });
    // the stores face customers' demand; the warehouses face the stores' orders
    const storesOrdered = daily[0].orders.reduce((a, b) => a + b, 0);
    const warehousesFaced = daily[1].demand.reduce((a, b) => a + b, 0);
    expect(warehousesFaced).toBeCloseTo(storesOrdered, 6);
  });
});
