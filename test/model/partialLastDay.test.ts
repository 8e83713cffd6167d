import { describe, expect, it } from 'vitest';
import { runReplication } from '../../src/experiment/run.ts';
import { DAILY_LEVELS } from '../../src/model/dailySeries.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { scenarioOf, singleStore } from '../fixtures/scenario.ts';

/**
 * Issue 13, point 4: a fractional horizon's last, partial day has its row in the daily series, with
 * the levels at the horizon and the flows of that partial day, so the series' flows add up to the
 * ledger's.
 *
 * Hand-computed: the store starts with 0 units and orders 3 units every morning (periodicRS, review
 * every day, order-up-to 3 on a position that per-period demand of 3 a day brings back to 0), with a
 * 1-day lead time and a 7.5-day horizon. The orders of days 0..6 arrive at times 1..7, the order of
 * day 7 would arrive at 8, after the horizon. Day 7 is [7, 7.5): 3 units received at 7, 3 ordered, 3
 * demanded and sold.
 */
function partialDay(horizonDays: number): Scenario {
  const scenario = scenarioOf({
    ...singleStore({ policy: { type: 'periodicRS', reviewPeriod: 1, orderUpTo: 3 }, leadTime: 1, initialOnHand: 0, horizonDays }),
    demand: [{ type: 'perPeriod', node: 'store', product: 'widget', quantity: { type: 'constant', value: 3 } }],
  });
  return scenario;
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe('a fractional horizon records its last, partial day', () => {
  it('7.5 days: eight rows, the last holding day 7 [7, 7.5): its flows and the levels at the horizon', () => {
    const result = runReplication(partialDay(7.5), 0, 0);
    const series = result.series!;
    expect(series.days).toBe(8);
    expect(series.network.received).toEqual([0, 3, 3, 3, 3, 3, 3, 3]);
    expect(series.network.ordered).toEqual([3, 3, 3, 3, 3, 3, 3, 3]);
    expect(series.network.demand).toEqual([3, 3, 3, 3, 3, 3, 3, 3]);
    expect(series.network.sales).toEqual([0, 3, 3, 3, 3, 3, 3, 3]);
    // on hand 0 at every day's end (3 received, 3 sold); the position is the order on its way
    expect(series.network.onHand).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(series.network.position).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(series.network.backorders).toEqual([3, 3, 3, 3, 3, 3, 3, 3]);
  });

  it("7.5 days: the series' flows add up to the ledger's (receipts, orders, issues)", () => {
    const result = runReplication(partialDay(7.5), 0, 0);
    const [ledger] = result.ledgers;
    const network = result.series!.network;
    expect(sum(network.received)).toBe(ledger.received);
    expect(ledger.received).toBe(21);
    expect(sum(network.sales)).toBe(ledger.issued);
    expect(sum(network.demand)).toBe(ledger.demanded);
    expect(network.onHand.at(-1)).toBe(ledger.onHand);
    expect(network.backorders.at(-1)).toBe(ledger.backorders);
  });

  it('a stock point with stock on hand: the last row is not all zeros and holds the levels at the horizon', () => {
    const scenario = partialDay(7.5);
    scenario.stockPoints[0].initialOnHand = 6;
    (scenario.stockPoints[0].policy as { orderUpTo: number }).orderUpTo = 9;
    const result = runReplication(scenario, 0, 0);
    const [ledger] = result.ledgers;
    const network = result.series!.network;
    const last = Object.fromEntries(DAILY_LEVELS.map((level) => [level, network[level].at(-1)]));
    expect(last).toEqual({ onHand: 3, position: 6, backorders: 0, demand: 3, sales: 3, ordered: 3, received: 3, short: 0 });
    expect([ledger.onHand, sum(network.received), ledger.received]).toEqual([3, ledger.received, 21]);
  });

  it('a whole horizon is recorded as before: one row per day, the last day at the last boundary', () => {
    const result = runReplication(partialDay(7), 0, 0);
    expect(result.series!.days).toBe(7);
    expect(result.series!.network.received).toEqual([0, 3, 3, 3, 3, 3, 3]);
    expect(sum(result.series!.network.received)).toBe(result.ledgers[0].received);
  });
});
