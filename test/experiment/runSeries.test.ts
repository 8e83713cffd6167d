import { describe, expect, it } from 'vitest';
import { runReplication } from '../../src/experiment/run.ts';
import { scenarioOf, singleStore } from '../fixtures/scenario.ts';

/** The daily series a replication returns, by the scenario's `output.series`. */
const withSeries = (series: 'auto' | 'all' | 'network' | 'none') =>
  scenarioOf({ ...singleStore({ policy: { type: 'baseStock', level: 8 }, horizonDays: 30 }), output: { series } });

describe('daily series in a RunResult', () => {
  it.each(['auto', 'all'] as const)('records network totals and each stock point for "%s"', (mode) => {
    const run = runReplication(withSeries(mode), 0, 0);
    expect(run.series!.days).toBe(30);
    expect(run.series!.network.demand).toHaveLength(30);
    expect(run.series!.stockPoints).toHaveLength(1);
    expect(run.series!.stockPoints![0].demand).toEqual(run.series!.network.demand);
  });

  it('records network totals only for "network"', () => {
    const run = runReplication(withSeries('network'), 0, 0);
    expect(run.series!.network.onHand).toHaveLength(30);
    expect(run.series!.stockPoints).toBeNull();
  });

  it('leaves the series out when the caller asks for none', () => {
    expect(runReplication(withSeries('auto'), 0, 0, { series: false }).series).toBeNull();
  });

  // build.ts passes recordSeries = false for "none", but Simulation's constructor (simulation.ts,
  // `new DailySeries(this.days, parts.recordSeries ? ... : 0, ...)`) only drops the per-point arrays:
  // DailySeries always allocates the network arrays with `days` entries, so run.ts's test
  // `simulation.series.network.onHand.length > 0` is true and the network series are returned.
  it('records no series for "none"', () => {
    expect(runReplication(withSeries('none'), 0, 0).series).toBeNull();
  });

  it('gives the same KPIs whatever series are recorded', () => {
    const kpis = (['auto', 'all', 'network', 'none'] as const).map((mode) => runReplication(withSeries(mode), 0, 0).network.kpis);
    for (const other of kpis.slice(1)) expect(other).toEqual(kpis[0]);
  });
});
