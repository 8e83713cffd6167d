import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../src/scenario/parse.ts';
import { describeForm, findField } from '../../web/editor/formModel.ts';
import { applyEditsToText, applyEditToText, type JsonEdit } from '../../web/editor/jsonText.ts';
import { describeTable, filterRows, policyParameters, setFieldEdits, setPolicyEdits, setValueEdits, type TableSpec } from '../../web/editor/tableModel.ts';
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

describe('bulk edits of products and nodes', () => {
  // the coffee brand: beans (4.2, annual rate 0.3), ground (3.6, 0.3), capsules (1.9, 0.3); nodes:
  // roaster (supplier, 400 a day, a constant 2 days), warehouse, shop (a store)
  const data = coffee();
  const set = (kind: 'products' | 'nodes', indices: number[], field: string, value: number | string, on: unknown = data) => {
    const made = setFieldEdits(kind, on, indices, field, value);
    return { ...made, text: applyEditsToText(coffeeText, made.edits) };
  };

  it("products offer each scalar field of their form but the id and name, holding cost in either mode, unmet demand as a choice", () => {
    const fields = table('products', data).bulkFields;
    expect(fields.map((f) => f.id)).toEqual(['unitCost', 'price', 'holdingCost.perUnitPerDay', 'holdingCost.annualRate', 'unmetDemand', 'stockoutPenalty', 'backorderCostPerDay', 'orderingCost']);
    expect(fields.find((f) => f.id === 'unmetDemand')).toMatchObject({ kind: 'select', options: [{ value: 'lost' }, { value: 'backorder' }] });
    // each is a field the product's form shows (the holding cost's amount in the product's own mode)
    const model = describeForm(data, editorStrings, { only: { products: 0 } });
    if (!model.ok) throw new Error(model.reason);
    for (const id of fields.map((f) => f.id).filter((id) => id !== 'holdingCost.perUnitPerDay')) expect(findField(model.form, `products[0].${id}`)?.key, id).toBe(`products[0].${id}`);
  });

  it('a unit cost set on the rows a filter keeps changes those two numbers in the text and nothing else', () => {
    const rows = table('products', data).rows;
    const chosen = filterRows(rows, { text: '250', policyType: '' });
    expect(chosen).toEqual([0, 1]);
    const { edits, skipped, text } = set('products', chosen, 'unitCost', 5);
    expect([edits.length, skipped]).toEqual([2, 0]);
    expect(text).toBe(coffeeText.replace('"unitCost": 4.2', '"unitCost": 5').replace('"unitCost": 3.6', '"unitCost": 5'));
  });

  it("a holding cost in the product's mode replaces the amount; in the other mode, the holding cost as the form's mode switch would leave it", () => {
    const rate = set('products', [2], 'holdingCost.annualRate', 0.25).text;
    expect(JSON.parse(rate).products.map((p: { holdingCost: unknown }) => p.holdingCost)).toEqual([{ annualRate: 0.3 }, { annualRate: 0.3 }, { annualRate: 0.25 }]);
    expect(rate).toBe(coffeeText.replace('"unitCost": 1.9, "price": 4.2, "holdingCost": { "annualRate": 0.3 }', '"unitCost": 1.9, "price": 4.2, "holdingCost": { "annualRate": 0.25 }'));
    const perDay = JSON.parse(set('products', [0, 2], 'holdingCost.perUnitPerDay', 0.004).text);
    expect(perDay.products.map((p: { holdingCost: unknown }) => p.holdingCost)).toEqual([{ perUnitPerDay: 0.004 }, { annualRate: 0.3 }, { perUnitPerDay: 0.004 }]);
    expect(parseScenarioText(JSON.stringify(perDay)).ok).toBe(true);
  });

  it('unmet demand, a penalty: every selected product takes it; an item that is not an object is skipped and counted', () => {
    const after = JSON.parse(set('products', [0, 1, 2], 'unmetDemand', 'backorder').text);
    expect(after.products.map((p: { unmetDemand?: string }) => p.unmetDemand)).toEqual(['backorder', 'backorder', 'backorder']);
    const broken = { ...data, products: [...data.products, 7] };
    const { edits, skipped } = setFieldEdits('products', broken, [1, 3], 'stockoutPenalty', 2.5);
    expect(skipped).toBe(1);
    expect(edits).toEqual([{ op: 'set', path: ['products', 1, 'stockoutPenalty'], value: 2.5 }]);
  });

  it("nodes offer the scalar fields their types have (a processing time as a constant), and only those of the types in the table", () => {
    expect(table('nodes', data).bulkFields.map((f) => f.id)).toEqual(['capacityPerDay', 'leadTime', 'servers']);
    expect(table('nodes', { ...data, nodes: [{ id: 'w', type: 'warehouse' }, { id: 's', type: 'store' }] }).bulkFields.map((f) => f.id)).toEqual(['capacityPerDay']);
    expect(table('nodes', { ...data, nodes: [{ id: 's', type: 'store' }] }).bulkFields).toEqual([]);
    const model = describeForm(data, editorStrings, { only: { nodes: 0 } });
    if (!model.ok) throw new Error(model.reason);
    for (const key of ['nodes[0].capacityPerDay', 'nodes[0].servers', 'nodes[0].leadTime.type']) expect(findField(model.form, key)?.key).toBe(key);
  });

  it("a capacity on every node: the supplier's and the warehouse's are set, the store is skipped and counted", () => {
    const { edits, skipped, text } = set('nodes', [0, 1, 2], 'capacityPerDay', 500);
    expect([edits.length, skipped]).toEqual([2, 1]);
    const after = JSON.parse(text);
    expect(after.nodes).toEqual([
      { id: 'roaster', type: 'supplier', name: 'Roastery', capacityPerDay: 500, leadTime: { type: 'constant', value: 2 } },
      { id: 'warehouse', type: 'warehouse', name: 'Regional warehouse', capacityPerDay: 500 },
      { id: 'shop', type: 'store', name: 'Brand shop' },
    ]);
    expect(parseScenarioText(text).ok).toBe(true);
    expect({ ...after, nodes: data.nodes }).toEqual(data);
  });

  it("a processing time: a constant's days replaced, any other distribution made a constant; only suppliers take it, or servers", () => {
    const constant = set('nodes', [0, 1, 2], 'leadTime', 3);
    expect([constant.edits, constant.skipped]).toEqual([[{ op: 'set', path: ['nodes', 0, 'leadTime', 'value'], value: 3 }], 2]);
    expect(constant.text).toBe(coffeeText.replace('"leadTime": { "type": "constant", "value": 2 }', '"leadTime": { "type": "constant", "value": 3 }'));
    const gamma = structuredClone(data);
    gamma.nodes[0].leadTime = { type: 'gamma', mean: 3, sd: 1 };
    expect(setFieldEdits('nodes', gamma, [0], 'leadTime', 4).edits).toEqual([{ op: 'set', path: ['nodes', 0, 'leadTime'], value: { type: 'constant', value: 4 } }]);
    expect(set('nodes', [1, 2], 'servers', 2)).toMatchObject({ edits: [], skipped: 2 });
    // a node of no known type, or not an object, cannot take any field
    const odd = { ...data, nodes: [...data.nodes, { id: 'x', type: 'plant' }, 'y'] };
    expect(setFieldEdits('nodes', odd, [0, 3, 4], 'servers', 2)).toEqual({ edits: [{ op: 'set', path: ['nodes', 0, 'servers'], value: 2 }], skipped: 2 });
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
