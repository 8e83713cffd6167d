import { describe, expect, it } from 'vitest';
import { runReplication, type RunResult } from '../../src/experiment/run.ts';
import { parseScenario } from '../../src/scenario/parse.ts';
import type { ScenarioInput } from '../../src/scenario/schema.ts';
import { scenarioOf } from '../fixtures/scenario.ts';

/**
 * The model's features the Beer Game needs (issue 18), each on a small chain worked by hand: orders
 * travelling upstream, an initial pipeline, orders rounded to the nearest unit, scripted orders,
 * reviews after the day's demand, the cost of a backlog owed to a point, and the bullwhip per week.
 * Series are read at the end of each day (index = day).
 */

type StockPointInput = ScenarioInput['stockPoints'][number];

/** supplier -> dc -> store, constant lead times, the store's demand a daily history. */
function chain(options: { demand: number[]; store: Partial<StockPointInput>; dc?: Partial<StockPointInput>; storeLane?: { leadTime: number; orderDelayDays?: number }; horizonDays?: number; bullwhipPeriodDays?: number }): ScenarioInput {
  const lane = options.storeLane ?? { leadTime: 3 };
  return {
    version: 1,
    name: 'chain',
    horizonDays: options.horizonDays ?? 20,
    ...(options.bullwhipPeriodDays === undefined ? {} : { bullwhipPeriodDays: options.bullwhipPeriodDays }),
    products: [{ id: 'beer', unitCost: 0, holdingCost: { perUnitPerDay: 1 }, unmetDemand: 'backorder' }],
    nodes: [
      { id: 'supplier', type: 'supplier' },
      { id: 'dc', type: 'warehouse' },
      { id: 'store', type: 'store' },
    ],
    lanes: [
      { from: 'supplier', to: 'dc', leadTime: { type: 'constant', value: 1 } },
      { from: 'dc', to: 'store', leadTime: { type: 'constant', value: lane.leadTime }, ...(lane.orderDelayDays === undefined ? {} : { orderDelayDays: lane.orderDelayDays }) },
    ],
    stockPoints: [
      // a dc that never orders (one scheduled order of nothing) unless told otherwise
      { node: 'dc', product: 'beer', policy: { type: 'schedule', orders: [{ day: 0, quantity: 0 }] }, initialOnHand: 50, ...options.dc },
      { node: 'store', product: 'beer', policy: { type: 'schedule', orders: [{ day: 0, quantity: 0 }] }, initialOnHand: 10, ...options.store },
    ],
    demand: [{ type: 'history', node: 'store', product: 'beer', series: options.demand }],
  };
}

const run = (input: ScenarioInput, variant = 0): RunResult => runReplication(scenarioOf(input), variant, 0);
const dcSeries = (result: RunResult) => result.series!.stockPoints![0];
const storeSeries = (result: RunResult) => result.series!.stockPoints![1];
const zeros = (days: number) => new Array<number>(days).fill(0);

describe('orders travel upstream (a lane\'s orderDelayDays)', () => {
  it('the dc sees the store\'s order 2 days after it is placed, and the store counts it on order from the start', () => {
    const result = run(chain({ demand: zeros(20), storeLane: { leadTime: 3, orderDelayDays: 2 }, store: { policy: { type: 'schedule', orders: [{ day: 1, quantity: 5 }] } } }));
    const store = storeSeries(result);
    const dc = dcSeries(result);
    // day 1: ordered, so the position is 10 + 5 at once; the dc sees the order on day 3 and ships it;
    // it arrives on day 3 + 3 = 6
    expect(store.ordered.slice(0, 8)).toEqual([0, 5, 0, 0, 0, 0, 0, 0]);
    expect(store.position.slice(0, 8)).toEqual([10, 15, 15, 15, 15, 15, 15, 15]);
    expect(dc.demand.slice(0, 8)).toEqual([0, 0, 0, 5, 0, 0, 0, 0]);
    expect(dc.onHand.slice(0, 8)).toEqual([50, 50, 50, 45, 45, 45, 45, 45]);
    expect(store.received.slice(0, 8)).toEqual([0, 0, 0, 0, 0, 0, 5, 0]);
    expect(store.onHand.slice(0, 8)).toEqual([10, 10, 10, 10, 10, 10, 15, 15]);
  });

  it('an order still in the mail at the horizon is on order, and the ledger says so', () => {
    const result = run(chain({ demand: zeros(10), horizonDays: 10, storeLane: { leadTime: 3, orderDelayDays: 4 }, store: { policy: { type: 'schedule', orders: [{ day: 7, quantity: 6 }] } } }));
    expect(result.ledgers[1]).toMatchObject({ onOrder: 6, pipeline: 0, ordersInTransit: 6, initialInTransit: 0 });
    // a point whose lanes delay nothing and which has no initial pipeline keeps the ledger it had
    expect(result.ledgers[0]).not.toHaveProperty('ordersInTransit');
  });
});

describe('an initial pipeline: shipments and orders under way at time 0', () => {
  it('shipments arrive on their days, orders reach the supplier on theirs, and both are on order from time 0', () => {
    const result = run(
      chain({
        demand: zeros(20),
        storeLane: { leadTime: 3, orderDelayDays: 2 },
        store: { initialPipeline: { shipments: [{ day: 0, quantity: 4 }, { day: 2, quantity: 3 }], orders: [{ day: 1, quantity: 7 }] } },
      }),
    );
    const store = storeSeries(result);
    // on hand: 10 + 4 on day 0, + 3 on day 2; the order seen by the dc on day 1 arrives on day 4
    expect(store.onHand.slice(0, 6)).toEqual([14, 14, 17, 17, 24, 24]);
    // the position is 10 + 4 + 3 + 7 = 24 from the start: everything under way is on order
    expect(store.position.slice(0, 6)).toEqual([24, 24, 24, 24, 24, 24]);
    expect(dcSeries(result).demand.slice(0, 3)).toEqual([0, 7, 0]);
    // nothing of this was ordered in the run
    expect(store.ordered.slice(0, 6)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(result.ledgers[1]).toMatchObject({ initialOnHand: 10, initialInTransit: 7, received: 14, ordersInTransit: 0 });
  });
});

describe('orders rounded to the nearest unit (orderRounding "nearest")', () => {
  it('rounds halves up and small orders to nothing, where "up" keeps the fraction', () => {
    // a pass-through store orders the day's demand: 2.5, 0.4 and 3.49
    const demand = [2.5, 0.4, 3.49, ...zeros(17)];
    const policy = { type: 'passThrough', reviewPeriod: 1 } as const;
    const nearest = storeSeries(run(chain({ demand, store: { policy, orderRounding: 'nearest', reviewTiming: 'afterDemand' } })));
    expect(nearest.ordered.slice(0, 4)).toEqual([3, 0, 3, 0]);
    const up = storeSeries(run(chain({ demand, store: { policy, reviewTiming: 'afterDemand' } })));
    // (the day's demand as a difference of running totals: to rounding dust)
    [2.5, 0.4, 3.49, 0].forEach((quantity, day) => expect(up.ordered[day]).toBeCloseTo(quantity, 12));
    // to the nearest case pack of 6: 2.5 -> 0 (not placed), 3.49 -> 6
    const packs = storeSeries(run(chain({ demand, store: { policy, orderRounding: 'nearest', casePack: 6, reviewTiming: 'afterDemand' } })));
    expect(packs.ordered.slice(0, 4)).toEqual([0, 0, 6, 0]);
  });
});

describe('scripted orders, then the policy', () => {
  it('orders 4 at each weekly review of days [0, 14), then what the policy says; the policy observed the scripted weeks', () => {
    // demand 9 on day 0 and 5 on day 7, 6 on day 14: pass-through would order 9, 5, 6
    const demand = zeros(28);
    demand[0] = 9;
    demand[7] = 5;
    demand[14] = 6;
    const store = storeSeries(
      run(chain({ demand, horizonDays: 28, store: { policy: { type: 'passThrough', reviewPeriod: 7 }, reviewTiming: 'afterDemand', scriptedOrders: [{ fromDay: 0, untilDay: 14, quantity: 4 }] } })),
    );
    const ordered = [0, 7, 14, 21].map((day) => store.ordered[day]);
    // scripted 4 and 4; on day 14 the policy orders the week's demand (6: it forgot the scripted weeks' demand with their reviews)
    expect(ordered).toEqual([4, 4, 6, 0]);
  });
});

describe('reviews after the day\'s demand (reviewTiming "afterDemand")', () => {
  it('a pass-through store orders the same day\'s demand after it, the day after before it', () => {
    const demand = [3, 0, 5, ...zeros(17)];
    const policy = { type: 'passThrough', reviewPeriod: 1 } as const;
    expect(storeSeries(run(chain({ demand, store: { policy, reviewTiming: 'afterDemand' } }))).ordered.slice(0, 4)).toEqual([3, 0, 5, 0]);
    // the textbook timing: the review of day t sees the demand up to the end of day t - 1
    expect(storeSeries(run(chain({ demand, store: { policy } }))).ordered.slice(0, 4)).toEqual([0, 3, 0, 5]);
  });
});

describe('the cost of a backlog owed to a stock point (backlogCostPerDay)', () => {
  it('charges the dc for what it owes the store, per unit and day, where the product\'s backorder cost charges customers only', () => {
    // the dc holds nothing; the store's order of 5 on day 0 waits at the dc until the dc's own order of 5 arrives on day 3
    const input = chain({
      demand: zeros(10),
      horizonDays: 10,
      dc: { initialOnHand: 0, backlogCostPerDay: 2, policy: { type: 'schedule', orders: [{ day: 2, quantity: 5 }] } },
      store: { initialOnHand: 0, policy: { type: 'schedule', orders: [{ day: 0, quantity: 5 }] } },
    });
    input.products[0].holdingCost = { perUnitPerDay: 0 };
    input.products[0].backorderCostPerDay = 100;
    const result = run(input);
    // owed 5 units for days 0, 1, 2 (served at the dc's receipt on day 3): 15 unit-days x 2
    expect(result.stockPoints[0].kpis.stockoutCost).toBe(30);
    expect(result.stockPoints[1].kpis.stockoutCost).toBe(0);
  });
});

describe('the bullwhip ratio per period of whole days (bullwhipPeriodDays)', () => {
  it('a store ordering each week what its customers bought shows no amplification per week, where per day it shows its batching', () => {
    // demand every day (1, 2, 0, 3, 1, 1, 2, plus 1 on the first day of every second week); the store
    // reviews on the last day of each week (days 6, 13, ...) after the day's demand and orders the
    // week's demand: per week, orders = demand exactly
    const days = 56;
    const pattern = [1, 2, 0, 3, 1, 1, 2];
    const demand = Array.from({ length: days }, (_, day) => pattern[day % 7] + (Math.floor(day / 7) % 2 === 1 && day % 7 === 0 ? 1 : 0));
    const store = { policy: { type: 'passThrough', reviewPeriod: 7, firstReview: 6 } as const, reviewTiming: 'afterDemand' as const };
    const weekly = run(chain({ demand, horizonDays: days, store, bullwhipPeriodDays: 7 }));
    const daily = run(chain({ demand, horizonDays: days, store }));
    expect(weekly.stockPoints[1].kpis.bullwhipRatio).toBeCloseTo(1, 12);
    // per day, by hand: orders are 0 but on days 7w + 6, where they are the week's demand (10 or 11)
    const variance = (xs: number[]) => {
      const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
      return xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1);
    };
    const dailyOrders = Array.from({ length: days }, (_, day) => (day % 7 === 6 ? demand.slice(day - 6, day + 1).reduce((a, b) => a + b, 0) : 0));
    expect(dailyOrders.slice(0, 14)).toEqual([0, 0, 0, 0, 0, 0, 10, 0, 0, 0, 0, 0, 0, 11]);
    expect(daily.stockPoints[1].kpis.bullwhipRatio).toBeCloseTo(variance(dailyOrders) / variance(demand), 12);
    expect(daily.stockPoints[1].kpis.bullwhipRatio).toBeGreaterThan(10);
  });

  it('leaves out a last period the horizon cuts short, and is per day by default', () => {
    const input = chain({ demand: [3, 1, 4, 1, 5, 9, 2, 6, 5, 3], horizonDays: 10, store: { policy: { type: 'passThrough', reviewPeriod: 1 } }, bullwhipPeriodDays: 4 });
    expect(parseScenario(chain({ demand: [1], store: {} })).ok && scenarioOf(chain({ demand: [1], store: {} })).bullwhipPeriodDays).toBe(1);
    const result = run(input);
    // days 0-3 and 4-7 are periods; days 8-9 are not (two of four days)
    expect(result.stockPoints[1].counters.bullwhipDays).toBe(2);
    expect(result.stockPoints[1].counters.dailyDemandSum).toBe(3 + 1 + 4 + 1 + 5 + 9 + 2 + 6);
  });
});
