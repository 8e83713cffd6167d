import { describe, expect, it } from 'vitest';
import { runExperiment } from '../../src/experiment/replicate.ts';
import type { ScenarioInput } from '../../src/scenario/schema.ts';
import { scenarioOf } from '../fixtures/scenario.ts';
import { stockPointRows, type StockPointRow } from '../../web/results/stockPointRows.ts';
import { firstDirection, nextSort, NO_QUERY, queryRows, type TableQuery } from '../../web/results/stockPointQuery.ts';

/**
 * Two stores and three products, two policy variants: the second starves the north store's tea, so
 * sorting by fill rate has a clear worst row.
 */
const input: ScenarioInput = {
  version: 1,
  name: 'per-SKU table',
  horizonDays: 120,
  warmupDays: 10,
  seed: 'sku-table',
  products: [
    { id: 'tea', name: 'Green tea', unitCost: 2, price: 10, holdingCost: { annualRate: 0.2 } },
    { id: 'mug', name: 'Mug', unitCost: 3, price: 5, holdingCost: { annualRate: 0.2 } },
    { id: 'bag', unitCost: 1, holdingCost: { annualRate: 0.2 } },
  ],
  nodes: [
    { id: 'sup', type: 'supplier' },
    { id: 'north', type: 'store', name: 'North street' },
    { id: 'south', type: 'store', name: 'South mall' },
  ],
  lanes: [
    { from: 'sup', to: 'north', leadTime: { type: 'constant', value: 2 } },
    { from: 'sup', to: 'south', leadTime: { type: 'constant', value: 2 } },
  ],
  stockPoints: [
    { node: 'north', product: 'tea', policy: { type: 'sS', reorderPoint: 40, orderUpTo: 90 } },
    { node: 'north', product: 'mug', policy: { type: 'sS', reorderPoint: 15, orderUpTo: 40 } },
    { node: 'south', product: 'tea', policy: { type: 'baseStock', level: 20 } },
    { node: 'south', product: 'bag', policy: { type: 'rQ', reorderPoint: 5, orderQuantity: 10 } },
  ],
  demand: [
    { type: 'arrivals', node: 'north', product: 'tea', customersPerDay: 16 },
    { type: 'arrivals', node: 'north', product: 'mug', customersPerDay: 6 },
    { type: 'arrivals', node: 'south', product: 'tea', customersPerDay: 1 },
    { type: 'arrivals', node: 'south', product: 'bag', customersPerDay: 1 },
  ],
  variants: [
    { id: 'today', name: 'Today', policies: [] },
    { id: 'starved', name: 'Starved tea', policies: [{ node: 'north', product: 'tea', policy: { type: 'sS', reorderPoint: 5, orderUpTo: 20 } }] },
  ],
  output: { series: 'none' },
};
const scenario = scenarioOf(input);
const result = runExperiment(scenario, { replications: 3 });
const rows = stockPointRows(result, scenario);
const key = (row: StockPointRow) => `${row.variantId} ${row.node}/${row.product}`;
const query = (changes: Partial<TableQuery>) => queryRows(rows, { ...NO_QUERY, ...changes }).map(key);

describe('the rows of the per-SKU table', () => {
  it('one per variant and stock point, in the CLI’s order, each pointing at its variant’s stock point and series', () => {
    expect(rows.map(key)).toEqual(['today north/tea', 'today north/mug', 'today south/tea', 'today south/bag', 'starved north/tea', 'starved north/mug', 'starved south/tea', 'starved south/bag']);
    expect(rows.map((row) => row.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(rows.map((row) => [row.variantIndex, row.pointIndex])).toEqual([[0, 0], [0, 1], [0, 2], [0, 3], [1, 0], [1, 1], [1, 2], [1, 3]]);
    expect(rows[5].kpis).toBe(result.variants[1].stockPoints[1].kpis);
    expect(rows[4].reorderPoint).toBe(5);
  });

  it('names people read (the id where there is no name), and the classes of the stock point, the same in every variant', () => {
    expect([rows[0].nodeName, rows[0].productName, rows[3].productName, rows[4].variantName]).toEqual(['North street', 'Green tea', 'bag', 'Starved tea']);
    // revenue a day: north/tea 160, north/mug 30, south/tea 10 (total 200), so the shares before them
    // are 0, 80% (not under 80%: B) and 95% (C); bags have no price. CVs: 1/√16, 1/√6, 1, 1
    expect(rows.slice(0, 4).map((row) => `${row.abc}${row.xyz}`)).toEqual(['AX', 'BX', 'CY', '–Y']);
    expect(rows.slice(4).map((row) => `${row.abc}${row.xyz}`)).toEqual(['AX', 'BX', 'CY', '–Y']);
  });
});

describe('filtering and sorting the rows', () => {
  it('with no filter and no sort: every row, in the CLI’s order', () => {
    expect(query({})).toEqual(rows.map(key));
  });

  it('search matches the location’s or product’s id or name, ignoring case and spaces around', () => {
    expect(query({ search: '  GREEN ' })).toEqual(['today north/tea', 'today south/tea', 'starved north/tea', 'starved south/tea']);
    expect(query({ search: 'mall' })).toEqual(['today south/tea', 'today south/bag', 'starved south/tea', 'starved south/bag']);
    expect(query({ search: 'mug' })).toEqual(['today north/mug', 'starved north/mug']);
    // the variant's name is not searched: the variant has its own filter
    expect(query({ search: 'starved' })).toEqual([]);
  });

  it('filters by location, product, variant and class, together', () => {
    expect(query({ node: 'south', variant: 'today' })).toEqual(['today south/tea', 'today south/bag']);
    expect(query({ product: 'tea', abc: 'A' })).toEqual(['today north/tea', 'starved north/tea']);
    expect(query({ xyz: 'X' })).toEqual(['today north/tea', 'today north/mug', 'starved north/tea', 'starved north/mug']);
    expect(query({ abc: '–' })).toEqual(['today south/bag', 'starved south/bag']);
  });

  it('“below a service target” keeps the rows whose mean fill rate is under it', () => {
    const target = 0.9;
    const below = rows.filter((row) => row.kpis.fillRate.mean! < target).map(key);
    // the starved tea falls short, and not everything does: the filter tells them apart
    expect(below).toContain('starved north/tea');
    expect(below.length).toBeLessThan(rows.length);
    expect(query({ fillRateBelow: target })).toEqual(below);
    expect(query({ fillRateBelow: 0 })).toEqual([]);
  });

  it('a KPI column sorts by the mean, ties in the CLI’s order; the first click puts the worst first', () => {
    expect(firstDirection('fillRate', 'higher')).toBe('ascending');
    expect(firstDirection('holdingCost', 'lower')).toBe('descending');
    expect(firstDirection('avgOnHand', null)).toBe('ascending');
    const worst = queryRows(rows, { ...NO_QUERY, sort: nextSort(null, 'fillRate', 'higher') });
    expect(key(worst[0])).toBe('starved north/tea');
    const means = worst.map((row) => row.kpis.fillRate.mean!);
    expect(means).toEqual([...means].sort((a, b) => a - b));
    const costliest = queryRows(rows, { ...NO_QUERY, sort: nextSort(null, 'holdingCost', 'lower') }).map((row) => row.kpis.holdingCost.mean!);
    expect(costliest).toEqual([...costliest].sort((a, b) => b - a));
  });

  it('a second click on the same column reverses it; another column starts at its own first direction', () => {
    const first = nextSort(null, 'fillRate', 'higher');
    expect(nextSort(first, 'fillRate', 'higher')).toEqual({ column: 'fillRate', direction: 'descending' });
    expect(nextSort(first, 'holdingCost', 'lower')).toEqual({ column: 'holdingCost', direction: 'descending' });
    expect(nextSort(first, 'node', null)).toEqual({ column: 'node', direction: 'ascending' });
  });

  it('rows where a KPI does not apply go last in both directions', () => {
    // every stock point here has a fill rate: take it away from one row
    const gap = rows.map((row, i) => (i === 1 ? { ...row, kpis: { ...row.kpis, fillRate: { ...row.kpis.fillRate, mean: null } } } : row));
    for (const direction of ['ascending', 'descending'] as const) {
      const sorted = queryRows(gap, { ...NO_QUERY, sort: { column: 'fillRate', direction } });
      expect(sorted.at(-1)!.index).toBe(1);
    }
  });

  it('text columns sort by what the cell shows, classes before “–”', () => {
    expect(query({ sort: { column: 'node', direction: 'descending' } }).slice(0, 2)).toEqual(['today south/tea', 'today south/bag']);
    expect(query({ sort: { column: 'abc', direction: 'ascending' } }).map((row) => row.split(' ')[1])).toEqual(['north/tea', 'north/tea', 'north/mug', 'north/mug', 'south/tea', 'south/tea', 'south/bag', 'south/bag']);
    expect(query({ sort: { column: 'abc', direction: 'descending' } }).slice(-2)).toEqual(['today south/bag', 'starved south/bag']);
  });

  it('does not reorder the rows it was given', () => {
    const before = rows.map(key);
    query({ sort: { column: 'fillRate', direction: 'descending' } });
    expect(rows.map(key)).toEqual(before);
  });
});
