import { describe, expect, it } from 'vitest';
import { buildSimulation, variantsOf } from '../../src/model/build.ts';
import { ProductionStage } from '../../src/model/productionStage.ts';
import { replicationSeed } from '../../src/random/streams.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { runAndCheckConservation } from '../fixtures/conservation.ts';
import { recordShipments } from '../fixtures/observe.ts';
import { heldOrderScenario, itHoldsTheOrderDoneInside, receivedByDay } from '../fixtures/heldOrder.ts';
import { scenarioOf, singleStore } from '../fixtures/scenario.ts';

/**
 * Issue 13, point 3: a supplier outage holds what finishes processing inside it (the hand-computed
 * case of test/fixtures/heldOrder.ts, with an outage over [2, 5)): received at 6. Before the fix the
 * order left at 3 and arrived at 4.
 */
function heldOrder(servers: number | null, horizonDays = 10): Scenario {
  return heldOrderScenario({ type: 'supplierOutage', node: 'supplier', occurrence: { type: 'scheduled', start: 2, end: 5 } }, servers, horizonDays);
}

describe('a supplier outage holds the orders that finish processing during it', () => {
  itHoldsTheOrderDoneInside('outage', heldOrder);

  it('an order finishing processing after the outage is not held: done at 6, received at 7', () => {
    const scenario = heldOrder(1);
    scenario.disruptions[0].occurrence = { type: 'scheduled', start: 0.5, end: 0.75 };
    (scenario.stockPoints[0].policy as { firstReview: number }).firstReview = 4;
    expect(receivedByDay(scenario)).toEqual([0, 0, 0, 0, 0, 0, 0, 6, 0, 0]);
  });

  it('an order finishing exactly when the outage starts is held; one finishing exactly when it ends is not', () => {
    for (const servers of [null, 1]) {
      // ordered at 0: done at 2, the outage's first instant, so it leaves at 5 and arrives at 6
      const atStart = heldOrder(servers);
      (atStart.stockPoints[0].policy as { firstReview: number }).firstReview = 0;
      expect(receivedByDay(atStart)).toEqual([0, 0, 0, 0, 0, 0, 6, 0, 0, 0]);
      // ordered at 3 (during the outage): waits at the gate until 5, done at 7, arrives at 8
      const during = heldOrder(servers);
      (during.stockPoints[0].policy as { firstReview: number }).firstReview = 3;
      expect(receivedByDay(during)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 6, 0]);
    }
    for (const servers of [null, 1]) {
      const atEnd = heldOrder(servers);
      atEnd.disruptions[0].occurrence = { type: 'scheduled', start: 2, end: 3 };
      // ordered at 1, done at 3 = the outage's end: not held, arrives at 4
      expect(receivedByDay(atEnd)).toEqual([0, 0, 0, 0, 6, 0, 0, 0, 0, 0]);
    }
  });

  it('with random outages, processing and demand, nothing leaves the supplier during an outage, and units are conserved', () => {
    for (const servers of [null, 2]) {
      const scenario = scenarioOf({
        ...singleStore({ policy: { type: 'sS', reorderPoint: 20, orderUpTo: 40 }, customersPerDay: 4, leadTime: 1, horizonDays: 400, seed: 'outages' }),
        disruptions: [
          { type: 'supplierOutage', name: 'a', node: 'supplier', occurrence: { type: 'random', ratePerYear: 12, duration: { type: 'uniform', min: 1, max: 8 } } },
          { type: 'supplierOutage', name: 'b', node: 'supplier', occurrence: { type: 'random', ratePerYear: 6, duration: { type: 'constant', value: 3 } } },
        ],
      });
      scenario.nodes[0] = { id: 'supplier', type: 'supplier', leadTime: { type: 'exponential', mean: 1.5 }, ...(servers !== null ? { servers } : {}) };
      const simulation = buildSimulation(scenario, variantsOf(scenario)[0], replicationSeed(scenario.seed, 0));
      const shipments = recordShipments(simulation);
      simulation.run();
      const windows = simulation.disruptions;
      expect(windows.length).toBeGreaterThan(10);
      // the lane takes exactly 1 day: a shipment left the supplier 1 day before it arrives
      const leftDuringAnOutage = shipments.filter((shipment) => {
        const left = shipment.arrivesAt - 1;
        return windows.some((window) => window.start <= left && left < window.end - 1e-9);
      });
      expect(shipments.length).toBeGreaterThan(50);
      expect(leftDuringAnOutage).toEqual([]);
      const { problems } = runAndCheckConservation(scenario, 2);
      expect(problems).toEqual([]);
    }
  });

  it('overlapping outages hold the order until the last of them ends', () => {
    for (const servers of [null, 2]) {
      const scenario = heldOrder(servers);
      scenario.disruptions.push({ type: 'supplierOutage', node: 'supplier', occurrence: { type: 'scheduled', start: 4, end: 7 } });
      // done at 3, held through [2, 5) and [4, 7): leaves at 7, received at 8
      expect(receivedByDay(scenario)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 6, 0]);
    }
  });
});

describe('ProductionStage: finished orders held during an outage leave in the order they finished', () => {
  it('keeps held units inside the stage and releases them first in, first out', () => {
    const stage = new ProductionStage('plant', 2);
    stage.arrive(5, 1, 0);
    stage.arrive(7, 2, 0);
    stage.finish(1, 0);
    stage.hold(7, 2);
    stage.finish(0, 0);
    stage.hold(5, 1);
    expect([stage.busy, stage.unitsInside, stage.heldUnits]).toEqual([0, 12, 12]);
    const shipped: [number, number][] = [];
    stage.releaseHeld((quantity, to) => shipped.push([quantity, to]));
    expect(shipped).toEqual([
      [7, 2],
      [5, 1],
    ]);
    expect([stage.unitsInside, stage.heldUnits]).toEqual([0, 0]);
  });
});
