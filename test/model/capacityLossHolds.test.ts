import { describe, expect, it } from 'vitest';
import { buildSimulation, variantsOf } from '../../src/model/build.ts';
import { replicationSeed } from '../../src/random/streams.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { runAndCheckConservation } from '../fixtures/conservation.ts';
import { recordShipments } from '../fixtures/observe.ts';
import { heldOrderScenario, itHoldsTheOrderDoneInside, receivedByDay } from '../fixtures/heldOrder.ts';
import { scenarioOf, singleStore } from '../fixtures/scenario.ts';

/**
 * Issue 13: a capacity loss of the whole capacity (fraction 1, "nothing ships") holds what finishes
 * processing inside it, as a supplier outage does (test/model/outageHoldsProcessed.test.ts): the
 * hand-computed case of test/fixtures/heldOrder.ts, the supplier shipping at most `capacityPerDay`
 * (100) a day and losing all of it over [2, 5). The order passes the gate at 1 (before the loss, using
 * 6 of day 1's capacity), finishes at 3, inside the loss, leaves when capacity returns, at 5, and
 * reaches the store at 6. Before the fix it left at 3 and arrived at 4.
 */
function heldOrder(servers: number | null, horizonDays = 10, capacityPerDay = 100): Scenario {
  return heldOrderScenario({ type: 'capacityLoss', node: 'supplier', fraction: 1, occurrence: { type: 'scheduled', start: 2, end: 5 } }, servers, horizonDays, capacityPerDay);
}

describe('a capacity loss of the whole capacity holds the orders that finish processing during it', () => {
  itHoldsTheOrderDoneInside('loss', heldOrder);

  it('a partial loss holds nothing: the order used its capacity at the gate, before the loss, and arrives at 4', () => {
    for (const servers of [null, 1]) {
      const scenario = heldOrder(servers);
      (scenario.disruptions[0] as { fraction: number }).fraction = 0.5;
      expect(receivedByDay(scenario)).toEqual([0, 0, 0, 0, 6, 0, 0, 0, 0, 0]);
    }
  });

  it('the boundaries follow the window [start, end): done at its start is held, done at its end is not', () => {
    for (const servers of [null, 1]) {
      // ordered at 0: done at 2, the loss's first instant, so it leaves at 5 and arrives at 6
      const atStart = heldOrder(servers);
      (atStart.stockPoints[0].policy as { firstReview: number }).firstReview = 0;
      expect(receivedByDay(atStart)).toEqual([0, 0, 0, 0, 0, 0, 6, 0, 0, 0]);
      // loss [2, 3): ordered at 1, done at 3 = its end: not held, arrives at 4
      const atEnd = heldOrder(servers);
      atEnd.disruptions[0].occurrence = { type: 'scheduled', start: 2, end: 3 };
      expect(receivedByDay(atEnd)).toEqual([0, 0, 0, 0, 6, 0, 0, 0, 0, 0]);
    }
  });

  it('capacity returns when the whole loss ends even if a partial loss goes on: held to 5, received at 6', () => {
    for (const servers of [null, 1]) {
      const scenario = heldOrder(servers);
      scenario.disruptions.push({ type: 'capacityLoss', node: 'supplier', fraction: 0.5, occurrence: { type: 'scheduled', start: 1.5, end: 8 } });
      expect(receivedByDay(scenario)).toEqual([0, 0, 0, 0, 0, 0, 6, 0, 0, 0]);
    }
  });

  it('an outage [2, 4) followed by a whole loss [4, 6) holds the order until the loss ends: received at 7', () => {
    for (const servers of [null, 1]) {
      const scenario = heldOrder(servers);
      scenario.disruptions = [
        { type: 'supplierOutage', node: 'supplier', occurrence: { type: 'scheduled', start: 2, end: 4 } },
        { type: 'capacityLoss', node: 'supplier', fraction: 1, occurrence: { type: 'scheduled', start: 4, end: 6 } },
      ];
      expect(receivedByDay(scenario)).toEqual([0, 0, 0, 0, 0, 0, 0, 6, 0, 0]);
    }
  });

  it('when capacity returns the held order leaves first, then the waiting ones, in order, within the restored capacity per day', () => {
    // capacity 10 a day; a second store orders 15 at 3, during the loss, and waits at the gate. At 5
    // the held 6 leave (they used day 1's capacity at the gate, not day 5's); then 10 of the 15 pass
    // the gate at 5 (day 5's whole capacity) and 5 at 6.
    const expected = {
      // without servers: the 10 are processed 5 -> 7, arrive at 8; the 5: 6 -> 8, arrive at 9
      none: [
        [0, 6, 6],
        [1, 8, 10],
        [1, 9, 5],
      ],
      // one server: the 10 are processed 5 -> 7 and arrive at 8; the 5 wait for it, 7 -> 9, arrive at 10
      one: [
        [0, 6, 6],
        [1, 8, 10],
        [1, 10, 5],
      ],
    };
    for (const servers of [null, 1]) {
      const scenario = heldOrder(servers, 12, 10);
      scenario.nodes.push({ ...scenario.nodes[1], id: 'store-2' });
      scenario.lanes.push({ ...scenario.lanes[0], to: 'store-2' });
      scenario.stockPoints.push({ ...scenario.stockPoints[0], node: 'store-2', policy: { type: 'periodicRS', reviewPeriod: 100, orderUpTo: 15, firstReview: 3 } });
      const simulation = buildSimulation(scenario, variantsOf(scenario)[0], replicationSeed(scenario.seed, 0));
      const shipments = recordShipments(simulation);
      simulation.run();
      const store2 = simulation.stockPoints.findIndex((point) => point.node === 'store-2');
      const seen = shipments.map((shipment) => [shipment.to === store2 ? 1 : 0, shipment.arrivesAt, shipment.quantity]);
      expect(seen).toEqual(servers === null ? expected.none : expected.one);
      const { problems } = runAndCheckConservation(scenario, 1);
      expect(problems).toEqual([]);
    }
  });

  it('with random whole losses, processing and demand, nothing leaves the supplier while its capacity is 0, and units are conserved', () => {
    for (const servers of [null, 2]) {
      const input = singleStore({ policy: { type: 'sS', reorderPoint: 20, orderUpTo: 40 }, customersPerDay: 4, leadTime: 1, horizonDays: 400, seed: 'capacity-losses' });
      const scenario = scenarioOf({
        ...input,
        nodes: [{ id: 'supplier', type: 'supplier', capacityPerDay: 60, leadTime: { type: 'exponential', mean: 1.5 }, ...(servers !== null ? { servers } : {}) }, input.nodes[1]],
        disruptions: [
          { type: 'capacityLoss', name: 'a', node: 'supplier', fraction: 1, occurrence: { type: 'random', ratePerYear: 12, duration: { type: 'uniform', min: 1, max: 8 } } },
          { type: 'capacityLoss', name: 'b', node: 'supplier', fraction: 0.6, occurrence: { type: 'random', ratePerYear: 6, duration: { type: 'constant', value: 3 } } },
          { type: 'supplierOutage', name: 'c', node: 'supplier', occurrence: { type: 'random', ratePerYear: 4, duration: { type: 'constant', value: 2 } } },
        ],
      });
      const simulation = buildSimulation(scenario, variantsOf(scenario)[0], replicationSeed(scenario.seed, 0));
      const shipments = recordShipments(simulation);
      simulation.run();
      // windows in which nothing may leave: whole losses and outages (not the partial loss)
      const stops = simulation.disruptions.filter((window) => window.name !== 'b');
      expect(stops.filter((window) => window.name === 'a').length).toBeGreaterThan(5);
      // the lane takes exactly 1 day: a shipment left the supplier 1 day before it arrives
      const leftWhileStopped = shipments.filter((shipment) => {
        const left = shipment.arrivesAt - 1;
        return stops.some((window) => window.start <= left && left < window.end - 1e-9);
      });
      expect(shipments.length).toBeGreaterThan(50);
      expect(leftWhileStopped).toEqual([]);
      const { problems } = runAndCheckConservation(scenario, 2);
      expect(problems).toEqual([]);
    }
  });
});
