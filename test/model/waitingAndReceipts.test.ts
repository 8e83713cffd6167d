import { describe, expect, it } from 'vitest';
import { runReplication } from '../../src/experiment/run.ts';
import type { ScenarioInput } from '../../src/scenario/schema.ts';
import { scenarioOf, twoEchelon } from '../fixtures/scenario.ts';

/**
 * The measures theory asks for beside `readyRate` (docs/KPIS.md): `noBackorderRate` (time with no
 * backorder outstanding), `waitingDemandShare` (demand units that waited), and the receipts
 * `ordersReceived` and `unitsReceived`, on histories small enough to follow by hand.
 */
type PolicyInput = ScenarioInput['stockPoints'][number]['policy'];

function store(policy: PolicyInput, initialOnHand: number, series: number[], horizon: number, leadTime: number, unmetDemand: 'lost' | 'backorder'): ScenarioInput {
  return {
    version: 1,
    name: 'waiting and receipts',
    horizonDays: horizon,
    seed: 'waiting',
    products: [{ id: 'w', unitCost: 1, price: 2, holdingCost: { perUnitPerDay: 0 }, unmetDemand }],
    nodes: [
      { id: 'sup', type: 'supplier' },
      { id: 'st', type: 'store' },
    ],
    lanes: [{ from: 'sup', to: 'st', leadTime: { type: 'constant', value: leadTime } }],
    stockPoints: [{ node: 'st', product: 'w', policy, initialOnHand }],
    demand: [{ type: 'history', node: 'st', product: 'w', series }],
  };
}

describe('noBackorderRate and waitingDemandShare', () => {
  it('a store that backorders: the days with customers waiting, and the units that waited', () => {
    // (R, S) = (2, 6) reviewed at 0, 2, 4, 6 with lead time 1; 3 on hand; demand 4 each day. Day 0:
    // order 3 (position 3 -> 6), demand 4 takes 3, 1 waits; day 1: 3 arrive, serve the 1 owed, 2 left,
    // demand 4 takes 2 and 2 wait; day 2: order 6 - (0 - 2) = 8, demand 4 waits in full (6 owed); day 3:
    // 8 arrive, 6 owed served, 2 left, demand 4: 2 served, 2 wait; day 4: order 6 - (0 - 2) = 8, demand
    // 4 waits (6 owed); day 5: 8 arrive, 2 left after the 6 owed, demand 4: 2 served, 2 wait. Someone
    // waits from day 0 to the end: no time without backorders. Units that waited: 1 + 2 + 4 + 2 + 4 +
    // 2 = 15 of 24.
    const result = runReplication(scenarioOf(store({ type: 'periodicRS', reviewPeriod: 2, orderUpTo: 6 }, 3, [4, 4, 4, 4, 4, 4], 6, 1, 'backorder')), 0, 0);
    const kpis = result.stockPoints[0].kpis;
    expect(kpis.noBackorderRate).toBe(0);
    expect(kpis.waitingDemandShare).toBe(15 / 24);
    expect(kpis.fillRate).toBe(9 / 24);
    // the network (customers only, here the same demand) says the same
    expect(result.network.kpis.waitingDemandShare).toBe(15 / 24);
  });

  it('part of the time without backorders: an empty shelf with nobody waiting counts as time without backorders, not in stock', () => {
    // (R, S) = (2, 2) from 2 on hand, lead time 3: the review on day 0 orders nothing (position 2),
    // the one on day 2 orders 2, due on day 5, after the horizon 4. Each day's demand comes at the
    // start of the day: 1 on days 0 and 1, 2 on day 2. The shelf holds 1 over [0, 1), then nothing;
    // nobody waits until day 2, when 2 units wait to the horizon.
    const result = runReplication(scenarioOf(store({ type: 'periodicRS', reviewPeriod: 2, orderUpTo: 2 }, 2, [1, 1, 2, 0], 4, 3, 'backorder')), 0, 0);
    const kpis = result.stockPoints[0].kpis;
    // no backorders over [0, 2), backorders over [2, 4)
    expect(kpis.noBackorderRate).toBe(0.5);
    // stock on hand over [0, 1) only: [1, 2) is an empty shelf with nobody waiting
    expect(kpis.readyRate).toBe(0.25);
    expect(kpis.waitingDemandShare).toBe(2 / 4);
  });

  it('does not apply where every shortage is lost: null, while readyRate and fillRate still do', () => {
    const result = runReplication(scenarioOf(store({ type: 'periodicRS', reviewPeriod: 2, orderUpTo: 6 }, 3, [4, 4, 4, 4], 4, 1, 'lost')), 0, 0);
    const kpis = result.stockPoints[0].kpis;
    expect(kpis.noBackorderRate).toBeNull();
    expect(kpis.waitingDemandShare).toBeNull();
    expect(kpis.readyRate).not.toBeNull();
    expect(result.network.kpis.noBackorderRate).toBeNull();
    expect(result.network.kpis.waitingDemandShare).toBeNull();
  });

  it('a warehouse whose stores lose sales: its own figures count the stores waiting for it; the network counts customers only', () => {
    const scenario = scenarioOf(twoEchelon({ unmetDemand: 'lost', horizonDays: 400, seed: 'dc-waits', customersPerDay: 6 }));
    const result = runReplication(scenario, 0, 0);
    const dc = result.stockPoints.find((point) => point.node === 'dc')!;
    const stores = result.stockPoints.filter((point) => point.node !== 'dc');
    // the warehouse ships to the stores: it may owe them, so the measures apply to it
    expect(dc.kpis.noBackorderRate).not.toBeNull();
    expect(dc.kpis.waitingDemandShare).not.toBeNull();
    for (const point of stores) expect(point.kpis.waitingDemandShare).toBeNull();
    // customers never wait (lost sales): the network's share of demand that waited does not apply
    expect(result.network.kpis.waitingDemandShare).toBeNull();
    // the network's time without backorders averages the points where it applies: the warehouse alone
    expect(result.network.kpis.noBackorderRate).toBeCloseTo(dc.kpis.noBackorderRate!, 12);
  });
});

describe('ordersReceived and unitsReceived', () => {
  it('counts orders whose units arrived, not those still on their way at the horizon', () => {
    // (R, S) = (1, 5) from 5 on hand, demand 2 a day, lead time 2, horizon 6: orders of 2 at the
    // reviews on days 1..5 (day 0 orders nothing: position 5); those of days 1, 2 and 3 arrive on days
    // 3, 4 and 5; those of days 4 and 5 are due on days 6 and 7, at or after the horizon
    const result = runReplication(scenarioOf(store({ type: 'periodicRS', reviewPeriod: 1, orderUpTo: 5 }, 5, [2, 2, 2, 2, 2, 2], 6, 2, 'backorder')), 0, 0);
    const kpis = result.stockPoints[0].kpis;
    expect(kpis.ordersPlaced).toBe(5);
    expect(kpis.ordersReceived).toBe(3);
    expect(kpis.unitsReceived).toBe(6);
  });

  it('equals the units put on each shelf over a whole run (the ledger), at a warehouse and its stores', () => {
    const scenario = scenarioOf(twoEchelon({ horizonDays: 300, seed: 'receipts' }));
    const result = runReplication(scenario, 0, 0);
    for (const [i, point] of result.stockPoints.entries()) {
      // no returns in this scenario: every unit received is a replenishment
      expect(point.kpis.unitsReceived, point.node).toBe(result.ledgers[i].received);
      expect(point.kpis.ordersReceived!, point.node).toBeLessThanOrEqual(point.kpis.ordersPlaced!);
      expect(point.kpis.ordersReceived!, point.node).toBeGreaterThan(0);
    }
    expect(result.network.kpis.unitsReceived).toBe(result.stockPoints.reduce((sum, point) => sum + point.kpis.unitsReceived!, 0));
  });
});
