import { describe, expect, it } from 'vitest';
import { breakdownCsv } from '../../src/experiment/breakdown.ts';
import { runExperiment } from '../../src/experiment/replicate.ts';
import type { ScenarioInput } from '../../src/scenario/schema.ts';
import { parseCsv } from '../fixtures/csv.ts';
import { scenarioOf } from '../fixtures/scenario.ts';
import { shownRowsCsv } from '../../web/results/stockPointCsv.ts';

/** A scenario whose name and seed need quoting in CSV (commas, quotes, a formula sign). */
const input: ScenarioInput = {
  version: 1,
  name: '=Shops, "north" and south',
  horizonDays: 60,
  seed: 'csv, "quoted"',
  products: [
    { id: 'tea', unitCost: 2, price: 10, holdingCost: { annualRate: 0.2 } },
    { id: 'mug', unitCost: 3, holdingCost: { annualRate: 0.2 } },
  ],
  nodes: [
    { id: 'sup', type: 'supplier' },
    { id: 'north', type: 'store' },
    { id: 'south', type: 'store' },
  ],
  lanes: [
    { from: 'sup', to: 'north', leadTime: { type: 'constant', value: 2 } },
    { from: 'sup', to: 'south', leadTime: { type: 'constant', value: 2 } },
  ],
  stockPoints: [{ node: ['north', 'south'], product: ['tea', 'mug'], policy: { type: 'sS', reorderPoint: 10, orderUpTo: 30 } }],
  demand: [{ type: 'arrivals', node: ['north', 'south'], product: ['tea', 'mug'], customersPerDay: 3 }],
  variants: [
    { id: 'today', policies: [] },
    { id: 'more', policies: [{ node: 'south', product: 'mug', policy: { type: 'sS', reorderPoint: 20, orderUpTo: 50 } }] },
  ],
  output: { series: 'none' },
};
const result = runExperiment(scenarioOf(input), { replications: 2 });

describe('the per-SKU table’s rows as CSV', () => {
  const cli = parseCsv(breakdownCsv(result, 'stock-point'));

  it('the CLI’s columns, with complete and the Stocklab version after replications', () => {
    const [head] = parseCsv(shownRowsCsv(result, [0], '9.9.9'));
    expect(head).toEqual([...cli[0].slice(0, 3), 'complete', 'stocklabVersion', ...cli[0].slice(3)]);
  });

  it('only the rows shown, in the order shown, each the CLI’s line for that row', () => {
    const shown = [7, 1, 2];
    const [, ...body] = parseCsv(shownRowsCsv(result, shown, '9.9.9'));
    expect(body).toHaveLength(3);
    shown.forEach((index, i) => {
      const line = cli[index + 1];
      expect(body[i]).toEqual([...line.slice(0, 3), 'true', '9.9.9', ...line.slice(3)]);
    });
    // the quoted fields survive: the name (formula-guarded) and the seed
    expect(body[1].slice(0, 3)).toEqual([`'=Shops, "north" and south`, 'csv, "quoted"', '2']);
    expect(body[1].slice(5, 8)).toEqual(['today', 'north', 'mug']);
    expect(body[0].slice(5, 8)).toEqual(['more', 'south', 'mug']);
  });

  it('no row shown: the header alone', () => {
    expect(parseCsv(shownRowsCsv(result, [], '1.0.0'))).toHaveLength(1);
  });

  it('a cancelled run says so in every row', () => {
    const [, row] = parseCsv(shownRowsCsv({ ...result, complete: false }, [0], '1.0.0'));
    expect(row[3]).toBe('false');
  });
});
