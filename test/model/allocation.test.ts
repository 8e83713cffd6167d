import { describe, expect, it } from 'vitest';
import { runReplication } from '../../src/experiment/run.ts';
import { formatIssues, parseScenario } from '../../src/scenario/parse.ts';
import type { ScenarioInput } from '../../src/scenario/schema.ts';
import { runAndCheckConservation } from '../fixtures/conservation.ts';
import { scenarioOf, twoEchelon } from '../fixtures/scenario.ts';

/**
 * Issue 13, point 5: how a short warehouse shares what it has among the stores it owes.
 *
 * Hand-computed case: a supplier ships at most 15 units a day to a warehouse (lead times 1 day);
 * two identical stores each sell 10 units a day (per-period demand, lost sales) and order up to 20
 * every morning, so together they ask the warehouse for 20 units a day and it receives 15. In the
 * steady state the stores sell 15 units a day between them; who gets them depends on the rule.
 */
type Allocation = NonNullable<ScenarioInput['stockPoints'][number]['allocation']>;

function shortWarehouse(allocation?: Allocation, stores = ['store-a', 'store-b']): ScenarioInput {
  return {
    version: 1,
    name: 'short warehouse',
    horizonDays: 100,
    warmupDays: 10,
    seed: 'allocation',
    products: [{ id: 'widget', unitCost: 10, price: 15, holdingCost: { perUnitPerDay: 0.01 }, unmetDemand: 'lost' }],
    nodes: [
      { id: 'supplier', type: 'supplier', capacityPerDay: 15 },
      { id: 'dc', type: 'warehouse' },
      ...stores.map((id) => ({ id, type: 'store' as const })),
    ],
    lanes: [
      { from: 'supplier', to: 'dc', leadTime: { type: 'constant', value: 1 } },
      ...stores.map((to) => ({ from: 'dc', to, leadTime: { type: 'constant' as const, value: 1 } })),
    ],
    stockPoints: [
      { node: 'dc', product: 'widget', policy: { type: 'periodicRS', reviewPeriod: 1, orderUpTo: 40 }, initialOnHand: 0, ...(allocation ? { allocation } : {}) },
      { node: stores, product: 'widget', policy: { type: 'periodicRS', reviewPeriod: 1, orderUpTo: 20 }, initialOnHand: 0 },
    ],
    demand: [{ type: 'perPeriod', node: stores, product: 'widget', quantity: { type: 'constant', value: 10 } }],
  };
}

/** Each store's fill rate (the β service level, docs/KPIS.md) and units sold in the window. */
function storeResults(input: ScenarioInput) {
  const result = runReplication(scenarioOf(input), 0, 0);
  const of = (node: string) => {
    const point = result.stockPoints.find((p) => p.node === node)!;
    return { fillRate: point.kpis.fillRate, sold: point.counters.filledImmediatelyUnits };
  };
  return { a: of('store-a'), b: of('store-b') };
}

describe('first come, first served (the default): the file order decides under a persistent shortage', () => {
  it('the store listed first gets 5/6 of its demand, the other 2/3; listing them the other way round swaps them', () => {
    const listed = storeResults(shortWarehouse());
    expect(listed.a.fillRate).toBeCloseTo(5 / 6, 12);
    expect(listed.b.fillRate).toBeCloseTo(2 / 3, 12);
    const swapped = storeResults(shortWarehouse(undefined, ['store-b', 'store-a']));
    expect(swapped.b.fillRate).toBeCloseTo(5 / 6, 12);
    expect(swapped.a.fillRate).toBeCloseTo(2 / 3, 12);
  });

  it('"fifo" written out is the default', () => {
    expect(storeResults(shortWarehouse({ type: 'fifo' }))).toEqual(storeResults(shortWarehouse()));
  });
});

describe('fairShare: what is short is shared in proportion to what each is owed', () => {
  it('two identical stores get exactly the same fill rate, 15/20, whichever is listed first', () => {
    const listed = storeResults(shortWarehouse({ type: 'fairShare' }));
    expect(listed.a.fillRate).toBe(0.75);
    expect(listed.b.fillRate).toBe(0.75);
    const swapped = storeResults(shortWarehouse({ type: 'fairShare' }, ['store-b', 'store-a']));
    expect(swapped).toEqual(listed);
  });

  it('the same units reach the stores in total as under first come, first served (only their split changes)', () => {
    const fair = storeResults(shortWarehouse({ type: 'fairShare' }));
    const fifo = storeResults(shortWarehouse());
    expect(fair.a.sold + fair.b.sold).toBeCloseTo(fifo.a.sold + fifo.b.sold, 6);
  });
});

describe('priority: the lower rank is served first, first come first served within a rank', () => {
  it('the ranked-first store is served in full (10 of the 15 units a day), the other gets the 5 left', () => {
    const bFirst = storeResults(shortWarehouse({ type: 'priority', rank: { 'store-b': 1, 'store-a': 2 } }));
    expect(bFirst.b.fillRate).toBe(1);
    expect(bFirst.a.fillRate).toBe(0.5);
    const aFirst = storeResults(shortWarehouse({ type: 'priority', rank: { 'store-a': 0 } }));
    // an unranked store comes after every rank
    expect(aFirst.a.fillRate).toBe(1);
    expect(aFirst.b.fillRate).toBe(0.5);
  });

  it('equal ranks fall back to first come, first served', () => {
    const tied = storeResults(shortWarehouse({ type: 'priority', rank: { 'store-a': 1, 'store-b': 1 } }));
    expect(tied.a.fillRate).toBeCloseTo(5 / 6, 12);
    expect(tied.b.fillRate).toBeCloseTo(2 / 3, 12);
  });
});

describe('allocation rules conserve units (test/fixtures/conservation.ts)', () => {
  // a tight warehouse that also sells to its own customers (backordered), random demand and lead times
  const withCustomersAtTheWarehouse = (allocation: Allocation, shortageShipping: 'partial' | 'complete' = 'partial'): ScenarioInput => {
    const input = twoEchelon({ shortageShipping, warehousePolicy: { type: 'sS', reorderPoint: 5, orderUpTo: 25 }, quantity: { type: 'gamma', mean: 1.7, sd: 1.1 } });
    return {
      ...input,
      stockPoints: input.stockPoints.map((point) => (point.node === 'dc' ? { ...point, allocation } : point)),
      demand: [...(input.demand ?? []), { type: 'arrivals', node: 'dc', product: 'widget', customersPerDay: 1 }],
    };
  };
  it.each<[string, Allocation, 'partial' | 'complete']>([
    ['fairShare', { type: 'fairShare' }, 'partial'],
    ['priority with customers first', { type: 'priority', rank: { 'store-2': 1 }, customerRank: 0 }, 'partial'],
    ['priority, shipping complete orders only', { type: 'priority', rank: { 'store-1': 2, 'store-2': 1 }, customerRank: 3 }, 'complete'],
  ])('%s', (_, allocation, shortageShipping) => {
    const { runs, problems } = runAndCheckConservation(scenarioOf(withCustomersAtTheWarehouse(allocation, shortageShipping)), 2);
    expect(problems).toEqual([]);
    expect(runs.some((run) => run.ledgers.some((ledger) => ledger.node === 'dc' && ledger.filledFromBackorder > 0))).toBe(true);
  });
});

describe('allocation is validated at its path', () => {
  const issues = (input: ScenarioInput) => {
    const result = parseScenario(input);
    return result.ok ? [] : formatIssues('scenario.json', result.issues);
  };
  it('a rank for a node the point does not supply, fair share with complete shipping, an unknown rule', () => {
    const stores = ['store-a', 'store-b'];
    expect(issues(shortWarehouse({ type: 'priority', rank: { 'store-c': 1, supplier: 2 } }))).toMatchInlineSnapshot(`
      [
        "scenario.json: stockPoints[0].allocation.rank.store-c: "store-c" orders nothing from this stock point (nodes it supplies: store-a, store-b)",
        "scenario.json: stockPoints[0].allocation.rank.supplier: "supplier" orders nothing from this stock point (nodes it supplies: store-a, store-b)",
      ]
    `);
    expect(issues({ ...shortWarehouse({ type: 'fairShare' }), shortageShipping: 'complete' })).toMatchInlineSnapshot(`
      [
        "scenario.json: stockPoints[0].allocation.type: a fair share ships part of each order; it needs shortageShipping "partial" here (got "complete")",
      ]
    `);
    expect(issues(shortWarehouse({ type: 'lottery' } as unknown as Allocation, stores))).toMatchInlineSnapshot(`
      [
        "scenario.json: stockPoints[0].allocation.type: expected type to be one of fifo, fairShare, priority, got "lottery"",
      ]
    `);
    expect(issues(shortWarehouse({ type: 'priority', rank: { 'store-a': -1 } }))).toMatchInlineSnapshot(`
      [
        "scenario.json: stockPoints[0].allocation.rank.store-a: expected a number >= 0, got -1",
      ]
    `);
  });
});
