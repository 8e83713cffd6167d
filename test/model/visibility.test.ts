import { describe, expect, it } from 'vitest';
import { buildSimulation, variantsOf } from '../../src/model/build.ts';
import { runReplication } from '../../src/experiment/run.ts';
import { replicationSeed } from '../../src/random/streams.ts';
import type { ScenarioInput } from '../../src/scenario/schema.ts';
import { scenarioOf, singleStore } from '../fixtures/scenario.ts';

/** A store losing 2% of its shelf a day to theft and misplacement, with the record set as given. */
function shrinking(visibility: NonNullable<ScenarioInput['stockPoints'][number]['visibility']>): ScenarioInput {
  const input = singleStore({ policy: { type: 'sS', reorderPoint: 10, orderUpTo: 40 }, customersPerDay: 4, unmetDemand: 'lost', horizonDays: 365 });
  input.stockPoints[0].visibility = visibility;
  return input;
}

function simulate(input: ScenarioInput) {
  const scenario = scenarioOf(input);
  const simulation = buildSimulation(scenario, variantsOf(scenario)[0], replicationSeed(scenario.seed, 0));
  simulation.run();
  return simulation.stockPoints[0];
}

describe('stock record accuracy', () => {
  it('never counted, the record keeps every unit that vanished: the policy decides on stock that is not there', () => {
    const point = simulate(shrinking({ shrinkagePerDay: 0.02 }));
    expect(point.counters.shrunkUnits).toBeGreaterThan(0);
    expect(point.phantom).toBe(point.counters.shrunkUnits);
    expect(point.inventoryPosition).toBe(point.onHand + point.phantom + point.onOrder - point.backorders);
  });

  it('real-time visibility finds every loss by the end of its day', () => {
    const point = simulate(shrinking({ shrinkagePerDay: 0.02, realTime: true }));
    expect(point.counters.shrunkUnits).toBeGreaterThan(0);
    expect(point.phantom).toBe(0);
  });

  it('a count every 7 days whose result takes 3 days leaves only the losses since the last count whose result arrived', () => {
    // the horizon (365) falls 1 day after the count of day 364, whose result has not arrived: the
    // record misses what vanished since the count of day 357, whose result arrived on day 360
    const input = shrinking({ shrinkagePerDay: 0.02, countEveryDays: 7, countDelayDays: 3 });
    const scenario = scenarioOf({ ...input, output: { series: 'all' } });
    const simulation = buildSimulation(scenario, variantsOf(scenario)[0], replicationSeed(scenario.seed, 0));
    let shrunkAtLastCount = 0;
    const point = simulation.stockPoints[0];
    // read the cumulative losses at the count of day 357 by stepping to it
    while (simulation.env.step()) {
      if (simulation.env.now >= 357 && shrunkAtLastCount === 0) shrunkAtLastCount = point.counters.shrunkUnits;
      if (simulation.env.now >= 357.5) break;
    }
    while (simulation.env.step()) {}
    expect(point.phantom).toBe(point.counters.shrunkUnits - shrunkAtLastCount);
  });

  it('puts a number on the value of visibility: same seed, same demand, better service and less lost with real-time records', () => {
    const input = shrinking({ shrinkagePerDay: 0.02 });
    input.variants = [
      { id: 'blind', name: 'Never counted' },
      { id: 'visible', name: 'Real-time visibility', set: [{ path: '/stockPoints/0/visibility/realTime', value: true }] },
    ];
    const scenario = scenarioOf(input);
    const [blind, visible] = [0, 1].map((variant) => runReplication(scenario, variant, 0, { series: false }).network);
    expect(visible.counters.customerDemandUnits).toBe(blind.counters.customerDemandUnits);
    expect(visible.kpis.fillRate!).toBeGreaterThan(blind.kpis.fillRate! + 0.2);
    expect(visible.kpis.lostSalesUnits!).toBeLessThan(blind.kpis.lostSalesUnits!);
    expect(blind.kpis.shrinkageUnits).toBeGreaterThan(0);
    expect(blind.kpis.shrinkageCost).toBe(10 * blind.kpis.shrinkageUnits!);
  });
});
