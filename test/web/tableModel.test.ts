import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../src/scenario/parse.ts';
import { describeForm, findField } from '../../web/editor/formModel.ts';
import { applyEditsToText, applyEditToText, type JsonEdit } from '../../web/editor/jsonText.ts';
import { describeTable, filterRows, policyParameters, setPolicyEdits, setValueEdits, type TableSpec } from '../../web/editor/tableModel.ts';
import { editorStrings } from '../../web/i18n/en/editor.ts';
import { repoRoot } from '../fixtures/scenario.ts';
import { bigRetailScenario } from '../browser/bigScenario.ts';

const coffeeText = readFileSync(join(repoRoot, 'scenarios', '04-coffee-brand.json'), 'utf8');
const coffee = () => JSON.parse(coffeeText) as Record<string, any>;

function table(kind: TableSpec['kind'], data: unknown): TableSpec {
  const spec = describeTable(kind, data, editorStrings);
  if (!spec) throw new Error(`no ${kind} table`);
  return spec;
}

describe('tables of stock points, products and nodes', () => {
  it("stock points: node, product, the policy type, a column per parameter of the policies used, the initial stock; a parameter a row's policy lacks is off", () => {
    const spec = table('stockPoints', coffee());
    expect(spec.columns.map((c) => c.id)).toEqual(['node', 'product', 'policy.type', 'policy.reorderPoint', 'policy.orderUpTo', 'policy.orderQuantity', 'initialOnHand']);
    const data = coffee();
    const first = spec.rows[0];
    expect(first.cells.node).toEqual({ key: 'stockPoints[0].node', display: String(data.stockPoints[0].node) });
    expect(first.cells['policy.type'].display).toBe(data.stockPoints[0].policy.type);
    const lacking = spec.columns.filter((c) => c.id.startsWith('policy.') && c.id !== 'policy.type' && !(c.id.slice(7) in data.stockPoints[0].policy));
    for (const column of lacking) expect(first.cells[column.id].disabled).toBe(true);
    expect(spec.rows).toHaveLength(data.stockPoints.length);
  });

  it("products: id, unit cost, price, the holding cost's amount in its mode (the mode named), unmet demand", () => {
    const spec = table('products', coffee());
    expect(spec.columns.map((c) => c.label)).toEqual(['ID', 'Unit cost', 'Price', 'Holding cost', 'Unmet demand']);
    const holding = coffee().products[0].holdingCost;
    const mode = 'annualRate' in holding ? 'annualRate' : 'perUnitPerDay';
    expect(spec.rows[0].cells.holdingCost).toEqual({ key: `products[0].holdingCost.${mode}`, display: String(holding[mode]), hint: editorStrings.tables.holdingHint[mode] });
    expect(spec.rows[0].cells.unitCost).toEqual({ key: 'products[0].unitCost', display: '4.2' });
  });

  it('nodes: id and type; data that is not a list has no table, an item that is not an object an empty row', () => {
    const data = coffee();
    expect(table('nodes', data).rows.map((row) => row.cells.type.display)).toEqual(data.nodes.map((n: { type: string }) => n.type));
    expect(describeTable('nodes', { ...data, nodes: 'x' }, editorStrings)).toBeNull();
    expect(table('nodes', { ...data, nodes: [7] }).rows[0].cells.id.display).toBe('');
  });

  it('every cell stands for a field of the form: its key is the key of a field of its item', () => {
    const data = coffee();
    for (const kind of ['stockPoints', 'products', 'nodes'] as const) {
      const spec = table(kind, data);
      spec.rows.forEach((row) => {
        const model = describeForm(data, editorStrings, { only: { [kind]: row.index } });
        if (!model.ok) throw new Error(model.reason);
        for (const cell of Object.values(row.cells)) if (!cell.disabled) expect(findField(model.form, cell.key)?.key, cell.key).toBe(cell.key);
      });
    }
  });
});

describe('describing the forms with tables', () => {
  it('describes only the chosen item of each table (its card), and says how many the list holds', () => {
    const data = JSON.parse(bigRetailScenario(20, 100));
    const model = describeForm(data, editorStrings, { only: { stockPoints: 1234, products: null, nodes: 0 } });
    if (!model.ok) throw new Error(model.reason);
    const section = (key: string) => model.form.sections.find((s) => s.key === key)!;
    expect(section('stockPoints').groups.map((g) => g.key)).toEqual(['stockPoints[1234]']);
    expect(section('stockPoints').size).toBe(2000);
    expect(section('stockPoints').table?.rows).toHaveLength(2000);
    expect(section('products').groups).toEqual([]);
    expect(section('nodes').groups.map((g) => g.key)).toEqual(['nodes[0]']);
    // lists not shown as tables are described in full, as without the option
    expect(section('lanes').groups).toHaveLength(20);
    expect(section('lanes').table).toBeUndefined();
  });
});

describe('filters and bulk edits', () => {
  const data = JSON.parse(bigRetailScenario(20, 100));
  const rows = table('stockPoints', data).rows;

  it('a filter keeps the rows whose node and product ids hold every word typed, and whose policy is the one chosen', () => {
    expect(filterRows(rows, { text: '', policyType: '' })).toHaveLength(2000);
    expect(filterRows(rows, { text: 'STORE-03', policyType: '' })).toHaveLength(100);
    expect(filterRows(rows, { text: 'store-03', policyType: 'sS' })).toHaveLength(80);
    expect(filterRows(rows, { text: 'sku-005 store-1', policyType: '' }).map((i) => rows[i].name)).toEqual(
      Array.from({ length: 10 }, (_, s) => `sku-005 at store-${10 + s}`),
    );
    expect(filterRows(rows, { text: 'nowhere', policyType: '' })).toEqual([]);
  });

  it('setting a policy replaces the whole policy of exactly the selected rows, as one edit of the text', () => {
    const text = bigRetailScenario(20, 100);
    const chosen = filterRows(rows, { text: 'store-03', policyType: 'sS' });
    const after = JSON.parse(applyEditsToText(text, setPolicyEdits(chosen, { type: 'rQ', reorderPoint: 40, orderQuantity: 120 })));
    const expected = JSON.parse(text);
    for (const i of chosen) expected.stockPoints[i].policy = { type: 'rQ', reorderPoint: 40, orderQuantity: 120 };
    expect(after).toEqual(expected);
  });

  it('setting one value skips the rows whose policy has no such parameter, and counts them', () => {
    const chosen = filterRows(rows, { text: 'store-01', policyType: '' });
    const { edits, skipped } = setValueEdits(data, chosen, 'reviewPeriod', 14);
    expect([edits.length, skipped]).toEqual([20, 80]);
    expect(edits.every((edit) => edit.op === 'set' && edit.path[3] === 'reviewPeriod' && edit.value === 14)).toBe(true);
    expect(setValueEdits(data, chosen, 'initialOnHand', 5).edits).toHaveLength(100);
    expect(policyParameters('periodicRS')).toEqual(['orderUpTo', 'reviewPeriod', 'firstReview']);
  });
});

describe('several edits as one (applyEditsToText)', () => {
  const text = ['{', '  "name": "x",', '  "rows": [', '    { "a": 1, "b": 2 },', '    { "a": 3 }', '  ]', '}', ''].join('\n');

  it('replaces each value in place, keeping the layout around them', () => {
    const edits: JsonEdit[] = [
      { op: 'set', path: ['rows', 1, 'a'], value: 30 },
      { op: 'set', path: ['rows', 0, 'b'], value: { c: [1, 2] } },
      { op: 'set', path: ['name'], value: 'y' },
    ];
    expect(applyEditsToText(text, edits)).toBe(text.replace('"x"', '"y"').replace('"b": 2', '"b": { "c": [1, 2] }').replace('"a": 3', '"a": 30'));
  });

  it('edits that add, delete or overlap are applied one after the other, as single edits would be', () => {
    const edits: JsonEdit[] = [
      { op: 'set', path: ['rows', 1, 'z'], value: true },
      { op: 'delete', path: ['rows', 0, 'a'] },
      { op: 'set', path: ['rows', 1], value: { a: 4 } },
      { op: 'set', path: ['rows', 1, 'a'], value: 5 },
    ];
    expect(applyEditsToText(text, edits)).toBe(edits.reduce((current, edit) => applyEditToText(current, edit), text));
    expect(applyEditsToText(text, [])).toBe(text);
  });

  it('the scenario a bulk edit writes is valid and parses to the policies set', () => {
    const big = bigRetailScenario(2, 10);
    const after = applyEditsToText(big, setPolicyEdits([0, 5, 19], { type: 'baseStock', level: 90 }));
    const parsed = parseScenarioText(after);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect([0, 5, 19].map((i) => parsed.scenario.stockPoints[i].policy)).toEqual([0, 5, 19].map(() => ({ type: 'baseStock', level: 90 })));
  });
});
