import { describe, expect, it } from 'vitest';
import { buildSimulation, variantsOf } from '../../src/model/build.ts';
import { EventKind } from '../../src/model/eventKinds.ts';
import { TooManyPendingEvents } from '../../src/kernel/eventQueue.ts';
import { replicationSeed } from '../../src/random/streams.ts';
import { scenarioOf, singleStore } from '../fixtures/scenario.ts';

/**
 * When the kernel's event queue is full (TooManyPendingEvents), the run stops with a message in the
 * model's words: the day, the limit, how many of the pending events were of the kind that piled up,
 * and what in the scenario makes them pile up. The kernel's limit is 2^24 events, far too many to reach
 * in a unit test, so the environment's `run` is replaced by one that throws the kernel's error.
 */
function stoppedWith(kind: number, kindCount = 12_345_678, at = 41.7): Error {
  const scenario = scenarioOf(singleStore({ policy: { type: 'sS', reorderPoint: 2, orderUpTo: 5 }, horizonDays: 5 }));
  const simulation = buildSimulation(scenario, variantsOf(scenario)[0], replicationSeed(scenario.seed, 0));
  simulation.env.run = () => {
    throw new TooManyPendingEvents(2 ** 24, kind, kindCount, at);
  };
  try {
    simulation.run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('the run did not stop');
}

describe('a run that holds too many pending events stops with a message in the scenario’s terms', () => {
  it('names the day (rounded down), the limit and the count of the kind, and keeps the kernel error’s name', () => {
    const error = stoppedWith(EventKind.receipt);
    expect(error.name).toBe('TooManyPendingEvents');
    expect(error.message).toBe(
      'the run stopped on day 41: more than 16,777,216 events were pending at once, the most a run can hold; ' +
        "12,345,678 of them orders in transit (too many orders under way at once: lower the demand, customersPerDay and its multipliers, or the lanes' lead times, or order in larger quantities)",
    );
  });

  it.each([
    [EventKind.consignmentArrival, "shipments in transit (lower the demand, customersPerDay and its multipliers, or the lanes' lead times)"],
    [EventKind.processingDone, "orders in production (lower the demand or the production stage's processing time)"],
    [EventKind.customerReturn, "customer returns on their way back (lower the demand or the product's returns.afterDays)"],
    [EventKind.lotExpiry, "lots waiting to expire (order less often, or shorten the product's shelfLifeDays)"],
    [EventKind.onlineDelivery, 'parts of online orders on their way (lower the demand or the transit days)'],
    [EventKind.promiseCheck, 'online orders waiting for their promised date (lower the demand or the promise window)'],
    [EventKind.countResult, 'stock counts on their way to the record (lower countDelayDays)'],
  ])('events of kind %i: says what piles up and which fields to change', (kind, cause) => {
    expect(stoppedWith(kind, 3, 0.5).message).toBe(
      `the run stopped on day 0: more than 16,777,216 events were pending at once, the most a run can hold; 3 of them ${cause}`,
    );
  });

  it('a kind with no known cause is "events of one kind"', () => {
    expect(stoppedWith(EventKind.review, 17, 2).message).toMatch(/; 17 of them events of one kind$/);
  });

  it('other errors pass through unchanged', () => {
    const scenario = scenarioOf(singleStore({ policy: { type: 'sS', reorderPoint: 2, orderUpTo: 5 }, horizonDays: 5 }));
    const simulation = buildSimulation(scenario, variantsOf(scenario)[0], replicationSeed(scenario.seed, 0));
    const other = new RangeError('something else');
    simulation.env.run = () => {
      throw other;
    };
    expect(() => simulation.run()).toThrow(other);
  });
});
