import { describe, expect, it } from 'vitest';
import { breakdownCsv, breakdownJson, breakdownRows } from '../../src/experiment/breakdown.ts';
import { runExperiment } from '../../src/experiment/replicate.ts';
import type { ScenarioInput } from '../../src/scenario/schema.ts';
import { parseCsv } from '../fixtures/csv.ts';
import { scenarioOf } from '../fixtures/scenario.ts';

/**
 * Two stores, two products (one at both stores, one at one), two variants: the stock points differ
 * (one store starved), so a breakdown that mixed them up would show.
 */
const input: ScenarioInput = {
  version: 1,
  name: '=two SKUs, "quoted"',
  horizonDays: 90,
  warmupDays: 10,
  seed: 'breakdown',
  products: [
    { id: 'a', unitCost: 10, price: 15, holdingCost: { annualRate: 0.25 }, unmetDemand: 'lost' },
    { id: 'b', unitCost: 5, holdingCost: { annualRate: 0.25 }, unmetDemand: 'backorder' },
  ],
  nodes: [
    { id: 'sup', type: 'supplier' },
    { id: 's1', type: 'store' },
    { id: 's2', type: 'store' },
  ],
  lanes: [
    { from: 'sup', to: 's1', leadTime: { type: 'constant', value: 2 } },
    { from: 'sup', to: 's2', leadTime: { type: 'constant', value: 3 } },
  ],
  stockPoints: [
    { node: 's1', product: 'a', policy: { type: 'sS', reorderPoint: 5, orderUpTo: 20 } },
    { node: 's2', product: 'a', policy: { type: 'sS', reorderPoint: 2, orderUpTo: 8 } },
    { node: 's1', product: 'b', policy: { type: 'baseStock', level: 12 } },
  ],
  demand: [
    { type: 'arrivals', node: 's1', product: 'a', customersPerDay: 3 },
    { type: 'arrivals', node: 's2', product: 'a', customersPerDay: 3 },
    { type: 'arrivals', node: 's1', product: 'b', customersPerDay: 2 },
  ],
  variants: [
    { id: 'today', policies: [] },
    { id: 'more', name: 'More at s2', policies: [{ node: 's2', product: 'a', policy: { type: 'sS', reorderPoint: 8, orderUpTo: 25 } }] },
  ],
  output: { series: 'none' },
};
const result = runExperiment(scenarioOf(input), { replications: 4 });

describe('results per stock point and per product', () => {
  it('has one row per variant and stock point, in the scenario’s order, each the engine’s own figures', () => {
    const rows = breakdownRows(result, 'stock-point');
    expect(rows.map((row) => `${row.variant} ${row.node}/${row.product} ${row.policy}`)).toEqual(['today s1/a sS', 'today s2/a sS', 'today s1/b baseStock', 'more s1/a sS', 'more s2/a sS', 'more s1/b baseStock']);
    expect(rows[4].reorderPoint).toBe(8);
    expect(rows[4].orderUpTo).toBe(25);
    expect(rows[1].kpis).toBe(result.variants[0].stockPoints[1].kpis);
    // the variant only changed s2/a: it sells more there, and nothing changes at s1 (its own streams)
    expect(rows[4].kpis.fillRate.mean!).toBeGreaterThan(rows[1].kpis.fillRate.mean! + 0.1);
    expect(rows[3].kpis.fillRate).toEqual(rows[0].kpis.fillRate);
  });

  it('adds up: units lost and costs of the stock points are their product’s, and the products’ are the network’s', () => {
    for (const variant of ['today', 'more']) {
      const points = breakdownRows(result, 'stock-point').filter((row) => row.variant === variant);
      const products = breakdownRows(result, 'product').filter((row) => row.variant === variant);
      const [network] = breakdownRows(result, 'network').filter((row) => row.variant === variant);
      expect(products.map((row) => row.product)).toEqual(['a', 'b']);
      for (const kpi of ['lostSalesUnits', 'holdingCost', 'ordersPlaced', 'totalCost'] as const) {
        const sum = (rows: typeof points) => rows.reduce((total, row) => total + row.kpis[kpi].mean!, 0);
        expect(sum(points.filter((row) => row.product === 'a'))).toBeCloseTo(products[0].kpis[kpi].mean!, 9);
        expect(sum(products)).toBeCloseTo(network.kpis[kpi].mean!, 9);
      }
    }
  });

  it('as CSV: a header, one row per variant and stock point, every KPI that applies as its mean and half-width', () => {
    const rows = parseCsv(breakdownCsv(result, 'stock-point'));
    const [head, ...body] = rows;
    expect(head.slice(0, 9)).toEqual(['scenario', 'seed', 'replications', 'variant', 'node', 'product', 'policy', 'reorderPoint', 'orderUpTo']);
    expect(head.slice(9, 11)).toEqual(['fillRate', 'fillRateHalfWidth']);
    expect(body).toHaveLength(6);
    expect(body.every((row) => row.length === head.length)).toBe(true);
    // a scenario name a spreadsheet would take for a formula is shown as text; quotes survive
    expect(body[0].slice(0, 4)).toEqual(["'=two SKUs, \"quoted\"", 'breakdown', '4', 'today']);
    // numbers exactly as the engine has them (round-trip), and empty where a KPI does not apply
    const column = (name: string) => head.indexOf(name);
    expect(Number(body[4][column('fillRate')])).toBe(result.variants[1].stockPoints[1].kpis.fillRate.mean);
    expect(Number(body[4][column('avgOnHandHalfWidth')])).toBe(result.variants[1].stockPoints[1].kpis.avgOnHand.halfWidth);
    expect(body[0][column('reorderPoint')]).toBe('5');
    expect(body[2][column('reorderPoint')]).toBe(''); // base stock: no reorder point
    expect(head).not.toContain('onTimeDelivery'); // no online zone: a KPI that applies nowhere is left out
    // product b has no price: its revenue does not apply (empty, not 0); a backordering point loses 0 units
    expect(body[2][column('revenue')]).toBe('');
    expect(body[2][column('revenueHalfWidth')]).toBe('');
    expect(Number(body[0][column('revenue')])).toBeGreaterThan(0);
    expect(body[2][column('lostSalesUnits')]).toBe('0');
  });

  it('as CSV per product and for the network: one row per variant and product, one per variant', () => {
    const products = parseCsv(breakdownCsv(result, 'product'));
    expect(products[0].slice(0, 5)).toEqual(['scenario', 'seed', 'replications', 'variant', 'product']);
    expect(products.slice(1).map((row) => `${row[3]} ${row[4]}`)).toEqual(['today a', 'today b', 'more a', 'more b']);
    const network = parseCsv(breakdownCsv(result, 'network'));
    expect(network[0][4]).toBe('fillRate');
    expect(network.slice(1).map((row) => row[3])).toEqual(['today', 'more']);
    expect(Number(network[2][4])).toBe(result.variants[1].network.fillRate.mean);
  });

  it('as JSON: what identifies the run, then the rows', () => {
    const json = JSON.parse(breakdownJson(result, 'product'));
    expect(json).toMatchObject({ scenario: input.name, seed: 'breakdown', replications: 4, horizonDays: 90, warmupDays: 10, complete: true, by: 'product' });
    expect(json.rows).toEqual(JSON.parse(JSON.stringify(breakdownRows(result, 'product'))));
  });
});
