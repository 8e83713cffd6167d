import { describe, expect, it } from 'vitest';
import { runReplication } from '../../src/experiment/run.ts';
import { parseScenario } from '../../src/scenario/parse.ts';
import type { ScenarioInput } from '../../src/scenario/schema.ts';
import { scenarioOf } from '../fixtures/scenario.ts';

/**
 * Customer orders (issue 17): an `orders` demand entry (a count of orders a day, each of a drawn size),
 * on histories small enough to follow by hand.
 */
type DemandInput = NonNullable<ScenarioInput['demand']>[number];
type PolicyInput = ScenarioInput['stockPoints'][number]['policy'];

/** Nothing is ever reordered: (R, S) = (1, 0) never finds the position below 0 with lost sales. */
const NEVER: PolicyInput = { type: 'periodicRS', reviewPeriod: 1, orderUpTo: 0 };

function store(demand: DemandInput[], options: { horizon?: number; initialOnHand?: number; policy?: PolicyInput; unmetDemand?: 'lost' | 'backorder'; leadTime?: number } = {}): ScenarioInput {
  return {
    version: 1,
    name: 'orders',
    horizonDays: options.horizon ?? 3,
    seed: 'orders',
    products: [{ id: 'w', unitCost: 1, price: 2, holdingCost: { perUnitPerDay: 0 }, unmetDemand: options.unmetDemand ?? 'lost' }],
    nodes: [
      { id: 'sup', type: 'supplier' },
      { id: 'st', type: 'store' },
    ],
    lanes: [{ from: 'sup', to: 'st', leadTime: { type: 'constant', value: options.leadTime ?? 1 } }],
    stockPoints: [{ node: 'st', product: 'w', policy: options.policy ?? NEVER, initialOnHand: options.initialOnHand ?? 1e6 }],
    demand,
  };
}

const issuesOf = (input: ScenarioInput) => {
  const result = parseScenario(input);
  return result.ok ? [] : result.issues.map((issue) => `${issue.path}: ${issue.message}`);
};

describe('orders demand: the checks', () => {
  const base = { type: 'orders', node: 'st', product: 'w', size: { type: 'constant', value: 4 } } as const;

  it('needs ordersPerDay or history, not both nor neither', () => {
    expect(issuesOf(store([base as DemandInput]))).toEqual(['demand[0].ordersPerDay: expected either ordersPerDay (a distribution of daily order counts) or history (order counts per day), not both']);
    expect(issuesOf(store([{ ...base, ordersPerDay: { type: 'poisson', mean: 2 }, history: [1] }]))).toHaveLength(1);
  });

  it('a count of orders is whole: a normal or a fractional constant is refused at its path', () => {
    expect(issuesOf(store([{ ...base, ordersPerDay: { type: 'normal', mean: 3, sd: 1 } }]))).toEqual([
      'demand[0].ordersPerDay: a count of orders per day is a whole number: expected a distribution of whole numbers (poisson, negativeBinomial, discreteUniform, or constant and empirical with whole values), got "normal"',
    ]);
    expect(issuesOf(store([{ ...base, ordersPerDay: { type: 'constant', value: 2.5 } }]))[0]).toMatch(/^demand\[0\]\.ordersPerDay\.value: /);
    expect(issuesOf(store([{ ...base, ordersPerDay: { type: 'intermittent', probability: 0.3, size: { type: 'uniform', min: 1, max: 3 } } }]))[0]).toMatch(/^demand\[0\]\.ordersPerDay\.size: .*got "uniform"$/);
    expect(issuesOf(store([{ ...base, history: [1, 2.5] }]))[0]).toMatch(/^demand\[0\]\.history\[1\]: /);
  });

  it('whole-number distributions are accepted', () => {
    const counts: Extract<DemandInput, { type: 'orders' }>['ordersPerDay'][] = [
      { type: 'poisson', mean: 2 },
      { type: 'discreteUniform', min: 0, max: 3 },
      { type: 'empirical', values: [0, 1, 5] },
      { type: 'intermittent', probability: 0.2, size: { type: 'poisson', mean: 3 } },
    ];
    for (const ordersPerDay of counts) {
      expect(issuesOf(store([{ ...base, ordersPerDay }]))).toEqual([]);
    }
  });
});

describe('orders demand: the engine', () => {
  it('replays a history of counts, each order of a drawn size, served in turn from the shelf', () => {
    // 10 on hand, never reordered, lost sales; orders of 4: day 0 two orders take 8 (2 left), day 1 none,
    // day 2 three orders: the first gets the 2 left (2 lost), the other two nothing (8 lost).
    const result = runReplication(scenarioOf(store([{ type: 'orders', node: 'st', product: 'w', history: [2, 0, 3], size: { type: 'constant', value: 4 } }], { initialOnHand: 10 })), 0, 0);
    const c = result.stockPoints[0].counters;
    expect(c.demandUnits).toBe(20);
    expect(c.filledImmediatelyUnits).toBe(10);
    expect(c.lostUnits).toBe(10);
    expect(result.stockPoints[0].kpis.fillRate).toBe(0.5);
  });

  it('a history of counts repeats when the horizon is longer, and scales with the day’s multiplier (rounded half up)', () => {
    // counts 1, 2, 1, 2 on days 0..3; the weekly pattern (Monday = day 0) multiplies by 1.5, 1.25, 1, 0:
    // 1.5 -> 2, 2.5 -> 3, 1 -> 1, 0 -> 0 orders of 3 units: 18 units
    const weekly = [1.5, 1.25, 1, 0, 1, 1, 1];
    const result = runReplication(scenarioOf(store([{ type: 'orders', node: 'st', product: 'w', history: [1, 2], size: { type: 'constant', value: 3 }, seasonality: { weekly } }], { horizon: 4 })), 0, 0);
    expect(result.stockPoints[0].counters.demandUnits).toBe(18);
  });

  it('Poisson counts of orders: the mean count a day is the distribution’s (10,000 days, within 4 standard errors)', () => {
    // units = 2 × orders; orders over 10,000 days ~ Poisson(30,000): sd = sqrt(30,000) ≈ 173
    const result = runReplication(scenarioOf(store([{ type: 'orders', node: 'st', product: 'w', ordersPerDay: { type: 'poisson', mean: 3 }, size: { type: 'constant', value: 2 } }], { horizon: 10_000 })), 0, 0);
    const orders = result.stockPoints[0].counters.demandUnits / 2;
    expect(Number.isInteger(orders)).toBe(true);
    expect(Math.abs(orders - 30_000)).toBeLessThan(4 * Math.sqrt(30_000));
  });
});

describe('customer orders: delivery to the customer and the order KPIs (docs/KPIS.md)', () => {
  const orders = (history: number[], size: number, delivery?: Extract<DemandInput, { type: 'orders' }>['delivery']): DemandInput => ({ type: 'orders', node: 'st', product: 'w', history, size: { type: 'constant', value: size }, ...(delivery ? { delivery } : {}) });

  it('orders served at once reach their customers a lead time later; the delivery cost goes into transport cost', () => {
    // 2 orders of 3 on day 0, 1 on day 2; delivered 2 days later (days 2 and 4, due then: on time);
    // each shipment costs 5 + 0.5 x 3 = 6.5: 19.5 in all
    const delivery = { leadTime: { type: 'constant', value: 2 }, costPerOrder: 5, costPerUnit: 0.5 } as const;
    const kpis = runReplication(scenarioOf(store([orders([2, 0, 1, 0, 0], 3, delivery)], { horizon: 5 })), 0, 0).stockPoints[0].kpis;
    expect([kpis.customerOrders, kpis.deliveriesReceived, kpis.avgDeliveryDays, kpis.orderFillRate, kpis.transportCost]).toEqual([3, 3, 2, 1, 19.5]);
    // the horizon at day 4 comes before the delivery due then: placed 3, delivered 2, all 3 shipped and paid for
    const cut = runReplication(scenarioOf(store([orders([2, 0, 1, 0, 0], 3, delivery)], { horizon: 4 })), 0, 0).stockPoints[0].kpis;
    expect([cut.customerOrders, cut.deliveriesReceived, cut.orderFillRate, cut.transportCost]).toEqual([3, 2, 1, 19.5]);
    // and the network rolls up the same sums
    expect(runReplication(scenarioOf(store([orders([2, 0, 1, 0, 0], 3, delivery)], { horizon: 5 })), 0, 0).network.kpis.transportCost).toBe(19.5);
  });

  it('a backordered order ships when complete and is late against its due date', () => {
    // 4 on hand, backorders, (R, S) = (1, 0), supplier lead time 1; orders of 3 on days 0 and 1,
    // delivered 1 day after shipping, due 2 days after ordering. Day 0: served, delivered day 1 (on
    // time). Day 1: 1 served, 2 owed; the review of day 2 orders 2, received day 3: the order ships
    // day 3, delivered day 4, 3 days after it was placed, due day 3: late.
    const delivery = { leadTime: { type: 'constant', value: 1 }, costPerOrder: 1, costPerUnit: 0.1, dueDays: 2 } as const;
    const kpis = runReplication(scenarioOf(store([orders([1, 1, 0, 0, 0, 0], 3, delivery)], { horizon: 6, initialOnHand: 4, unmetDemand: 'backorder' })), 0, 0).stockPoints[0].kpis;
    expect(kpis.customerOrders).toBe(2);
    expect(kpis.deliveriesReceived).toBe(2);
    expect(kpis.avgDeliveryDays).toBe(2); // (1 + 3) / 2
    expect(kpis.orderFillRate).toBe(0.5);
    expect(kpis.transportCost).toBeCloseTo(2.6, 12); // 2 x (1 + 0.1 x 3)
    // the wait at the shelf is apart from the delivery: 0 and 2 days
    expect(kpis.avgCustomerWait).toBe(1);
  });

  it('lost sales: an order short ships what it got (not in full), an order that gets nothing is settled as not in full and never delivered', () => {
    // 4 on hand, never reordered; orders of 3 on days 0, 1, 2; delivery 1 day (due 1 day after the order).
    // Day 0: 3 ship, on time in full. Day 1: 1 ships (2 lost). Day 2: nothing to ship.
    const delivery = { leadTime: { type: 'constant', value: 1 }, costPerUnit: 1 } as const;
    const kpis = runReplication(scenarioOf(store([orders([1, 1, 1, 0], 3, delivery)], { horizon: 4, initialOnHand: 4 })), 0, 0).stockPoints[0].kpis;
    expect([kpis.customerOrders, kpis.deliveriesReceived, kpis.avgDeliveryDays, kpis.orderFillRate, kpis.transportCost]).toEqual([3, 2, 1, 1 / 3, 4]);
  });

  it('without delivery: counter sales served from stock are on time in full, also on the fast path of steady arrivals, and are no deliveries', () => {
    const arrivals: DemandInput = { type: 'arrivals', node: 'st', product: 'w', customersPerDay: 3 };
    const result = runReplication(scenarioOf(store([arrivals], { horizon: 50 })), 0, 0);
    const kpis = result.stockPoints[0].kpis;
    expect(kpis.customerOrders).toBe(result.stockPoints[0].counters.demandUnits);
    expect(kpis.customerOrders).toBeGreaterThan(100);
    expect(kpis.orderFillRate).toBe(1);
    // carried away, not delivered: the delivery KPIs apply only where an entry has delivery terms
    expect([kpis.deliveriesReceived, kpis.avgDeliveryDays]).toEqual([null, null]);
  });

  it('do not apply where customers do not order one order at a time (a day’s units): null', () => {
    const perPeriod: DemandInput = { type: 'perPeriod', node: 'st', product: 'w', quantity: { type: 'constant', value: 2 } };
    const result = runReplication(scenarioOf(store([perPeriod])), 0, 0);
    for (const kpis of [result.stockPoints[0].kpis, result.network.kpis]) {
      expect([kpis.customerOrders, kpis.orderFillRate, kpis.avgDeliveryDays, kpis.deliveriesReceived]).toEqual([null, null, null, null]);
    }
  });

  it('segments at one store add up in its order counts: walk-ins carried away, a wholesale customer’s orders delivered in 2 days', () => {
    const walkIns: DemandInput = { ...orders([2, 2, 2, 2], 1), segment: 'retail' };
    const wholesale: DemandInput = { ...orders([1, 0, 1, 0], 10, { leadTime: { type: 'constant', value: 2 }, costPerOrder: 20 }), segment: 'wholesale' };
    const kpis = runReplication(scenarioOf(store([walkIns, wholesale], { horizon: 4 })), 0, 0).stockPoints[0].kpis;
    // 8 walk-in orders carried away at once; wholesale orders of days 0 and 2 delivered days 2 and 4
    // (after the horizon): 9 orders settled, all on time in full, and one delivery, in 2 days
    expect([kpis.customerOrders, kpis.deliveriesReceived, kpis.avgDeliveryDays, kpis.orderFillRate, kpis.transportCost]).toEqual([10, 1, 2, 1, 40]);
  });
});
