import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ProductionStage } from '../../src/model/productionStage.ts';
import { formatIssues, parseScenarioText } from '../../src/scenario/parse.ts';
import { runReplication } from '../../src/experiment/run.ts';
import { repoRoot, scenarioOf, singleStore } from '../fixtures/scenario.ts';
import type { Distribution, Scenario } from '../../src/scenario/schema.ts';

describe('ProductionStage: servers take jobs first come, first served', () => {
  it('starts jobs on idle servers, queues the rest, and hands the oldest waiting job to a server that finishes', () => {
    const stage = new ProductionStage('plant', 2);
    expect(stage.arrive(5, 10, 0)).toBe(0);
    expect(stage.arrive(6, 11, 0)).toBe(1);
    expect(stage.arrive(7, 12, 0)).toBe(-1);
    expect(stage.arrive(8, 13, 0)).toBe(-1);
    expect([stage.busy, stage.queueLength, stage.unitsInside]).toEqual([2, 2, 26]);
    // server 1 finishes first: it takes the oldest waiting job (7 units for point 12)
    expect([stage.quantityAt(1), stage.destinationAt(1)]).toEqual([6, 11]);
    expect(stage.finish(1, 0)).toBe(true);
    expect([stage.quantityAt(1), stage.destinationAt(1)]).toEqual([7, 12]);
    expect(stage.finish(0, 0)).toBe(true);
    expect([stage.quantityAt(0), stage.destinationAt(0)]).toEqual([8, 13]);
    expect(stage.finish(0, 0)).toBe(false);
    expect(stage.finish(1, 0)).toBe(false);
    expect([stage.busy, stage.queueLength, stage.unitsInside]).toEqual([0, 0, 0]);
    expect(stage.arrive(1, 3, 0)).toBe(0);
  });

  it('measures itself as a queue: arrivals, those that waited, their waits, orders waiting and servers busy over time', () => {
    // 1 server. Orders at 0, 1 and 1.5; the server finishes at 2 and at 3.5 and at 4.
    // The order of 1 waits to 2 (1 day), that of 1.5 to 3.5 (2 days)
    const stage = new ProductionStage('plant', 1);
    expect(stage.arrive(1, 0, 0)).toBe(0);
    expect(stage.arrive(1, 0, 1)).toBe(-1);
    expect(stage.arrive(1, 0, 1.5)).toBe(-1);
    expect(stage.finish(0, 2)).toBe(true);
    stage.startWindow(3); // the window starts while the third order still waits
    expect(stage.finish(0, 3.5)).toBe(true);
    expect(stage.finish(0, 4)).toBe(false);
    stage.accrue(5);
    // whole run: 3 arrivals, 2 waited, 3 starts with 0 + 1 + 2 days of waiting; waiting orders: 1
    // over [1, 1.5), 2 over [1.5, 2), 1 over [2, 3.5) = 0.5 + 1 + 1.5 = 3 order-days; busy [0, 4) = 4
    expect([stage.arrivals, stage.waited, stage.starts, stage.waitDays, stage.areaQueue, stage.areaBusy]).toEqual([3, 2, 3, 3, 3, 4]);
    // the window [3, 5): no arrival, one start (its 2 days of waiting), 0.5 order-days waiting, 1 server-day busy
    expect(stage.windowMeasures()).toEqual({ node: 'plant', servers: 1, arrivals: 0, waited: 0, starts: 1, waitDays: 2, areaQueue: 0.5, areaBusy: 1 });
  });

  it('refuses to finish an idle server and a server count that is not a whole number >= 1', () => {
    expect(() => new ProductionStage('plant', 1).finish(0, 0)).toThrow(/no job/);
    expect(() => new ProductionStage('plant', 0)).toThrow(/servers/);
    expect(() => new ProductionStage('plant', 1.5)).toThrow(/servers/);
  });
});

/** make-to-order: every customer's order waits for a job at a plant with `servers` servers */
function makeToOrder(servers: number, processing: Distribution): Scenario {
  const scenario = scenarioOf(singleStore({ policy: { type: 'baseStock', level: 0 }, customersPerDay: 0.8, leadTime: 0, horizonDays: 400 }));
  scenario.nodes[0] = { id: 'supplier', type: 'supplier', servers, leadTime: processing };
  return scenario;
}

describe('a supplier with servers in the model', () => {
  it('with constant processing of 1 day and one server, never has two orders in process at once', () => {
    // one server, 1 day each: the k-th order cannot leave before day k after the first
    const result = runReplication(makeToOrder(1, { type: 'constant', value: 1 }), 0, 0);
    const point = result.stockPoints[0].kpis;
    // orders arrive at 0.8 a day, are served at 1 a day: the wait exceeds the processing time
    expect(point.avgCustomerWait!).toBeGreaterThan(1);
    const unlimited = makeToOrder(1, { type: 'constant', value: 1 });
    delete (unlimited.nodes[0] as { servers?: number }).servers;
    // processed at once in parallel, every order takes exactly its processing time
    expect(runReplication(unlimited, 0, 0).stockPoints[0].kpis.avgCustomerWait!).toBeCloseTo(1, 9);
  });

  it('rejects servers on a supplier that gives no processing time', () => {
    const scenario = JSON.parse(readFileSync(join(repoRoot, 'test', 'fixtures', 'minimal.json'), 'utf8'));
    const supplier = scenario.nodes.find((node: { type: string }) => node.type === 'supplier');
    supplier.servers = 2;
    const result = parseScenarioText(JSON.stringify(scenario));
    expect(result.ok ? [] : formatIssues('fixture.json', result.issues)).toEqual([
      `fixture.json: nodes[0].servers: servers process orders for the supplier's leadTime (the processing time per order), which "${supplier.id}" does not give`,
    ]);
  });
});
