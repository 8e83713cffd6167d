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
