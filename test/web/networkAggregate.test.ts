import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/scenario/schema.ts';
import { aggregateNetwork, MAX_BOXES, shouldAggregate, type NodeLink, type PointSummary } from '../../web/charts/networkAggregate.ts';
import { layoutNetwork } from '../../web/charts/networkDiagram.ts';

type Nodes = Scenario['nodes'];
type Lanes = Scenario['lanes'];

const node = (id: string, type: 'supplier' | 'warehouse' | 'store' | 'zone', name?: string) => ({ id, type, ...(name ? { name } : {}) }) as Nodes[number];
const lane = (from: string, to: string, days: number) => ({ from, to, leadTime: { type: 'constant', value: days } }) as Lanes[number];
const linksOf = (lanes: Lanes): NodeLink[] => lanes.map((l) => ({ from: l.from, to: l.to, kind: 'lane', days: (l.leadTime as { value: number }).value }));

/**
 * Three suppliers (two feed dc-1, one dc-2), two distribution centres, 200 stores (the even ones
 * from dc-1 in 1 day, the odd ones from dc-2 in 2 or 3 days), five products at every location.
 */
function chain() {
  const stores = Array.from({ length: 200 }, (_, i) => `store-${i}`);
  const nodes: Nodes = [node('sup-1', 'supplier'), node('sup-2', 'supplier'), node('sup-3', 'supplier'), node('dc-1', 'warehouse', 'DC North'), node('dc-2', 'warehouse', 'DC South'), ...stores.map((id) => node(id, 'store'))];
  const lanes: Lanes = [
    lane('sup-1', 'dc-1', 10),
    lane('sup-2', 'dc-1', 12),
    lane('sup-3', 'dc-2', 8),
    ...stores.map((id, i) => (i % 2 === 0 ? lane('dc-1', id, 1) : lane('dc-2', id, 2 + (i % 4 === 1 ? 0 : 1)))),
  ];
  const points: PointSummary[] = ['dc-1', 'dc-2', ...stores].flatMap((at, s) =>
    ['a', 'b', 'c', 'd', 'e'].map((product, p) => ({ node: at, product, fillRate: at.startsWith('dc') ? null : 0.99 - ((s + p) % 10) / 100 })),
  );
  return { nodes, lanes, points, stores };
}

describe('when the network diagram is summarised', () => {
  it('past 40 nodes, or past 40 stock points at one node; never for the gallery’s sizes', () => {
    expect(shouldAggregate(40, 40)).toBe(false);
    expect(shouldAggregate(41, 1)).toBe(true);
    expect(shouldAggregate(6, 41)).toBe(true);
    // scenarios/09-online-shoes-24h.json, the gallery's largest: 8 nodes, at most 4 stock points at one
    expect(shouldAggregate(8, 4)).toBe(false);
  });
});

describe('the summarised network', () => {
  it('suppliers make one box, a short column a box per node, a long one a box per supplying box', () => {
    const { nodes, lanes, points, stores } = chain();
    const summary = aggregateNetwork(nodes, layoutNetwork({ nodes, lanes }), linksOf(lanes), points);
    expect(summary.columns.map((column) => column.map((box) => [box.id, box.members.length, box.suppliedBy]))).toEqual([
      [['group:suppliers', 3, []]],
      [
        ['dc-1', 1, []],
        ['dc-2', 1, []],
      ],
      [
        ['group:2:store|dc-1', 100, ['dc-1']],
        ['group:2:store|dc-2', 100, ['dc-2']],
      ],
    ]);
    const [, [north], [evenStores]] = summary.columns;
    expect(north.name).toBe('DC North');
    expect(evenStores.name).toBe('');
    expect(evenStores.members).toEqual(stores.filter((_, i) => i % 2 === 0));
    expect(summary.boxOf.get('store-17')).toBe('group:2:store|dc-2');
    expect(summary.boxOf.get('sup-2')).toBe('group:suppliers');
  });

  it('counts each box’s stock points and products, and summarises their fill rates (none where none applies)', () => {
    const { nodes, lanes, points } = chain();
    const summary = aggregateNetwork(nodes, layoutNetwork({ nodes, lanes }), linksOf(lanes), points);
    const [[suppliers], [north], [evenStores]] = summary.columns;
    expect([suppliers.stockPoints, suppliers.products, suppliers.meanFillRate]).toEqual([0, 0, null]);
    expect([north.stockPoints, north.products, north.meanFillRate, north.lowestFillRate]).toEqual([5, 5, null, null]);
    const rates = points.filter((point) => evenStores.members.includes(point.node)).map((point) => point.fillRate!);
    expect(evenStores.stockPoints).toBe(500);
    expect(evenStores.products).toBe(5);
    expect(evenStores.meanFillRate).toBeCloseTo(rates.reduce((a, b) => a + b) / rates.length, 12);
    expect(evenStores.lowestFillRate).toBeCloseTo(0.9, 12);
  });

  it('one arrow per pair of boxes, with how many lanes it stands for and the range of their lead times', () => {
    const { nodes, lanes, points } = chain();
    const summary = aggregateNetwork(nodes, layoutNetwork({ nodes, lanes }), linksOf(lanes), points);
    expect(summary.links.map((l) => [l.from, l.to, l.count, l.minDays, l.maxDays])).toEqual([
      ['group:suppliers', 'dc-1', 2, 10, 12],
      ['group:suppliers', 'dc-2', 1, 8, 8],
      ['dc-1', 'group:2:store|dc-1', 100, 1, 1],
      ['dc-2', 'group:2:store|dc-2', 100, 2, 3],
    ]);
  });

  it('a lane inside a group has no arrow; stores and online zones of one column are never one box', () => {
    const stores = Array.from({ length: 30 }, (_, i) => `store-${i}`);
    const zones = Array.from({ length: 5 }, (_, i) => `zone-${i}`);
    const nodes: Nodes = [node('sup', 'supplier'), node('dc', 'warehouse'), ...stores.map((id) => node(id, 'store')), ...zones.map((id) => node(id, 'zone'))];
    const lanes: Lanes = [lane('sup', 'dc', 5), ...stores.map((id) => lane('dc', id, 1)), lane('store-0', 'store-1', 1)];
    const links: NodeLink[] = [...linksOf(lanes), ...zones.map((zone): NodeLink => ({ from: 'dc', to: zone, kind: 'fulfilment', days: 2 }))];
    const summary = aggregateNetwork(nodes, layoutNetwork({ nodes, lanes }), links, []);
    // store-1, restocked by store-0 too (a store of its own column), is grouped with the other stores
    expect(summary.columns.at(-1)!.map((box) => [box.id, box.members.length])).toEqual([
      ['group:2:store|dc', 30],
      ['group:2:zone|dc', 5],
    ]);
    expect(summary.links.filter((l) => l.kind === 'fulfilment').map((l) => [l.from, l.to, l.count])).toEqual([['dc', 'group:2:zone|dc', 5]]);
    expect(summary.links.some((l) => l.from === l.to)).toBe(false);
  });

  it('when grouping by supplier still makes too many boxes, a column is grouped by type alone', () => {
    const dcs = Array.from({ length: MAX_BOXES }, (_, i) => `dc-${i}`);
    const stores = Array.from({ length: 200 }, (_, i) => `store-${i}`);
    const nodes: Nodes = [node('sup', 'supplier'), ...dcs.map((id) => node(id, 'warehouse')), ...stores.map((id) => node(id, 'store'))];
    // each store from two distribution centres (one when both are the same): far more than 12 pairs
    const lanes: Lanes = [
      ...dcs.map((id) => lane('sup', id, 5)),
      ...stores.flatMap((id, i) => {
        const [first, second] = [dcs[i % MAX_BOXES], dcs[Math.floor(i / MAX_BOXES) % MAX_BOXES]];
        return first === second ? [lane(first, id, 1)] : [lane(first, id, 1), lane(second, id, 2)];
      }),
    ];
    const summary = aggregateNetwork(nodes, layoutNetwork({ nodes, lanes }), linksOf(lanes), []);
    expect(summary.columns.map((column) => column.length)).toEqual([1, MAX_BOXES, 1]);
    expect(summary.columns[2][0]).toMatchObject({ id: 'group:2:store', suppliedBy: [] });
    expect(summary.columns[2][0].members).toHaveLength(200);
    expect(summary.links.filter((l) => l.to === 'group:2:store')).toHaveLength(MAX_BOXES);
  });
});
