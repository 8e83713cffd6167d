import { describe, expect, it } from 'vitest';
import { EventStorm, runReplication } from '../../src/experiment/run.ts';
import { estimateRun } from '../../src/experiment/runBudget.ts';
import { scenarioOf } from '../fixtures/scenario.ts';

/**
 * A valid scenario whose events feed one another within an instant: every unit sold comes back at
 * once and is put back on the shelf, which holds a ten-millionth of a unit (the supplier makes 1e-7 a
 * day), so the backlog is served in slivers, again and again, without time moving on. The run budget
 * cannot see this from the scenario's figures; the event limit turns it into an error in words.
 */
const returnLoop = scenarioOf({
  version: 1,
  name: 'Returns feeding a backlog within an instant',
  horizonDays: 30,
  warmupDays: 0,
  replications: 1,
  seed: 1,
  products: [{ id: 'p', unitCost: 1, holdingCost: { perUnitPerDay: 0.01 }, unmetDemand: 'backorder', returns: { fraction: 1, afterDays: { type: 'constant', value: 0 }, restockShare: 1 } }],
  nodes: [
    { id: 's', type: 'supplier', capacityPerDay: 1e-7 },
    { id: 'shop', type: 'store' },
  ],
  lanes: [{ from: 's', to: 'shop', leadTime: { type: 'constant', value: 1 } }],
  stockPoints: [{ node: 'shop', product: 'p', initialOnHand: 0, policy: { type: 'baseStock', level: 5 } }],
  demand: [{ type: 'arrivals', node: 'shop', product: 'p', customersPerDay: 50, quantity: { type: 'constant', value: 1 } }],
});

/**
 * A storm that multiplies rather than loops: every unit sold comes back three days later and is put
 * back on the shelf, where the fair-share rule splits it among every customer waiting, each share a
 * sale of its own that comes back in turn, so the returns in flight grow geometrically. The events
 * pending at once give it away within seconds; the limit on events processed alone would let it run
 * for minutes and take gigabytes, each event slower as the queue grows.
 */
const multiplyingReturns = scenarioOf({
  version: 1,
  name: 'Returns resold in ever smaller shares',
  horizonDays: 60,
  warmupDays: 0,
  replications: 1,
  seed: 1,
  products: [{ id: 'p', unitCost: 1, holdingCost: { perUnitPerDay: 0.01 }, unmetDemand: 'backorder', returns: { fraction: 1, afterDays: { type: 'uniform', min: 3, max: 3.4 }, restockShare: 1 } }],
  nodes: [
    { id: 's', type: 'supplier', capacityPerDay: 1 },
    { id: 'shop', type: 'store' },
  ],
  lanes: [{ from: 's', to: 'shop', leadTime: { type: 'constant', value: 1 } }],
  stockPoints: [{ node: 'shop', product: 'p', initialOnHand: 0, policy: { type: 'baseStock', level: 5 }, allocation: { type: 'fairShare' } }],
  demand: [{ type: 'arrivals', node: 'shop', product: 'p', customersPerDay: 20, quantity: { type: 'uniform', min: 0, max: 1 } }],
});

describe('a replication that makes events without end stops at its event limit, in words', () => {
  it('is within the run budget, yet stops with an EventStorm naming the day and the estimate', () => {
    expect(estimateRun(returnLoop).eventsPerRun).toBeLessThan(10_000);
    let caught: unknown;
    try {
      runReplication(returnLoop, 0, 0);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(EventStorm);
    expect((caught as Error).name).toBe('EventStorm');
    expect((caught as Error).message).toMatch(
      /^variant "baseline", replication 0: the run stopped after 2,000,000 events on day 1, while the scenario's figures come to about [\d,]+ a replication: something in it makes events without end/,
    );
  });

  it('stops a storm that multiplies by the events pending at once, long before the limit on events processed', () => {
    expect(estimateRun(multiplyingReturns).eventsPerRun).toBeLessThan(10_000);
    let caught: unknown;
    try {
      runReplication(multiplyingReturns, 0, 0);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(EventStorm);
    expect((caught as Error).message).toMatch(/^variant "baseline", replication 0: the run stopped with more than 1,000,000 events pending at once on day \d+, while the scenario's figures come to about [\d,]+ a replication/);
  });

  it('leaves an ordinary run alone: the same scenario without the instant returns runs to its horizon', () => {
    const calm = scenarioOf({ ...structuredClone(returnLoop), products: [{ ...returnLoop.products[0], returns: { fraction: 1, afterDays: { type: 'constant', value: 2 }, restockShare: 1 } }] });
    expect(runReplication(calm, 0, 0).events).toBeLessThan(100_000);
  });

  it('leaves the multiplying scenario alone when sold units are served first come, first served (no splitting)', () => {
    const { allocation: _fairShare, ...firstComeFirstServedPoint } = multiplyingReturns.stockPoints[0];
    const firstComeFirstServed = scenarioOf({ ...structuredClone(multiplyingReturns), stockPoints: [firstComeFirstServedPoint] });
    expect(runReplication(firstComeFirstServed, 0, 0).events).toBeLessThan(100_000);
  });
});
