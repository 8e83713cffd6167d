import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../src/scenario/parse.ts';
import { convertDemand, convertDistribution, convertPolicy, describeForm, findField, formFields, parseIdListInput, parseNumberInput, type FormSpec } from '../../web/editor/formModel.ts';
import { fieldForIssue, formAnchors, placeIssues } from '../../web/editor/issueFields.ts';
import { applyEditToText } from '../../web/editor/jsonText.ts';
import { repoRoot } from '../fixtures/scenario.ts';
import { editorStrings as frenchEditor } from '../../web/i18n/fr/editor.ts';

const coffeeText = readFileSync(join(repoRoot, 'scenarios', '04-coffee-brand.json'), 'utf8');
const coffee = () => JSON.parse(coffeeText) as Record<string, any>;

function formOf(data: unknown): FormSpec {
  const model = describeForm(data);
  if (!model.ok) throw new Error(model.reason);
  return model.form;
}

/** Types `input` into the field shown for `key` and returns the new text. */
function type(text: string, key: string, input: string): string {
  const form = formOf(JSON.parse(text));
  const field = findField(form, key);
  if (!field) throw new Error(`no field ${key}`);
  return applyEditToText(text, field.edit(input, JSON.parse(text)));
}

describe('where the forms show a problem (issue path -> form field)', () => {
  const anchors = formAnchors(formOf(coffee()));
  const place = (path: string) => fieldForIssue(path, anchors);

  it('puts a problem at the field of its exact path', () => {
    expect(place('lanes[0].leadTime.sd')).toEqual({ anchor: 'lanes[0].leadTime.sd', rest: '' });
    expect(place('stockPoints[3].policy.orderUpTo')).toEqual({ anchor: 'stockPoints[3].policy.orderUpTo', rest: '' });
    expect(place('horizonDays')).toEqual({ anchor: 'horizonDays', rest: '' });
    expect(place('products[0].holdingCost.annualRate')).toEqual({ anchor: 'products[0].holdingCost.annualRate', rest: '' });
    expect(place('customers[0].churn.onStockout')).toEqual({ anchor: 'customers[0].churn.onStockout', rest: '' });
    expect(place('nodes[1].type')).toEqual({ anchor: 'nodes[1].type', rest: '' });
  });

  it("puts a problem with a whole distribution, policy or holding cost at its type select", () => {
    const form = formOf(coffee());
    expect(place('lanes[0].leadTime')).toEqual({ anchor: 'lanes[0].leadTime', rest: '' });
    expect(findField(form, 'lanes[0].leadTime')?.key).toBe('lanes[0].leadTime.type');
    expect(findField(form, 'stockPoints[0].policy')?.key).toBe('stockPoints[0].policy.type');
    expect(findField(form, 'products[2].holdingCost')?.kind).toBe('select');
    expect(findField(form, 'customers[0].churn')?.key).toBe('customers[0].churn.onStockout');
  });

  it('puts a problem below a field at that field, with the rest of its path', () => {
    expect(place('lanes[1].leadTime.values[1]')).toEqual({ anchor: 'lanes[1].leadTime', rest: 'values[1]' });
    expect(place('demand[0].quantity.weights[2]')).toEqual({ anchor: 'demand[0].quantity.weights', rest: '[2]' });
    expect(place('stockPoints[0].node[1]')).toEqual({ anchor: 'stockPoints[0].node', rest: '[1]' });
  });

  it('puts a problem with a whole item, or a field the forms do not show, on its card', () => {
    expect(place('stockPoints[3]')).toEqual({ anchor: 'stockPoints[3]', rest: '' });
    expect(place('products[0]')).toEqual({ anchor: 'products[0]', rest: '' });
    expect(place('nodes[2]')).toEqual({ anchor: 'nodes[2]', rest: '' });
    expect(place('demand[0].shocks[0].multiplier')).toEqual({ anchor: 'demand[0]', rest: 'shocks[0].multiplier' });
    expect(place('demand[0].seasonality.weekly')).toEqual({ anchor: 'demand[0].seasonality.weekly', rest: '' });
    expect(place('products')).toEqual({ anchor: 'products', rest: '' });
    expect(place('(scenario)')).toEqual({ anchor: '(scenario)', rest: '' });
    expect(place('variants[1].set[0].value')).toEqual({ anchor: 'variants[1]', rest: 'set[0].value' });
  });

  it('has no place for syntax errors and for parts the forms do not show', () => {
    expect(place('(file)')).toBeNull();
    expect(place('output.series')).toBeNull();
    expect(place('theory.model')).toBeNull();
  });

  it('places every problem of a broken coffee scenario, and lists the rest', () => {
    const data = coffee();
    data.products[0].holdingcost = data.products[0].holdingCost;
    delete data.products[0].holdingCost;
    data.lanes[0].leadTime.sd = -1;
    data.stockPoints[3].policy.orderUpTo = 10;
    data.horizonDays = 'a year';
    data.output = { series: 'some' };
    const result = parseScenarioText(JSON.stringify(data));
    if (result.ok) throw new Error('expected problems');
    const { placed, unplaced } = placeIssues(result.issues, formAnchors(formOf(data)));
    expect(placed.map(({ issue, place }) => [issue.path, place.anchor])).toEqual([
      ['horizonDays', 'horizonDays'],
      ['products[0].holdingCost', 'products[0].holdingCost'],
      ['products[0]', 'products[0]'],
      ['lanes[0].leadTime.sd', 'lanes[0].leadTime.sd'],
      ['stockPoints[3].policy.orderUpTo', 'stockPoints[3].policy.orderUpTo'],
    ]);
    expect(unplaced.map((issue) => issue.path)).toEqual(['output.series']);
  });
});

describe('form edits change one value and keep every field they do not show', () => {
  /** The coffee scenario with fields no form shows (and two the schema does not know). */
  function annotated(): string {
    const data = coffee();
    data.products[0].sku = 'BEANS-250';
    data.lanes[0].leadTime.comment = 'measured in 2024';
    data.stockPoints[3].policy.note = 'reviewed';
    return JSON.stringify(data, null, 2);
  }

  it('a typed number changes only that number in the text', () => {
    const before = coffeeText;
    const after = type(before, 'products[0].unitCost', '5.1');
    expect(after).toBe(before.replace('"unitCost": 4.2', '"unitCost": 5.1'));
  });

  it('keeps unknown fields, variants, seasonality and everything else through a series of edits', () => {
    let text = annotated();
    text = type(text, 'products[0].unitCost', '5');
    text = type(text, 'horizonDays', '180');
    text = type(text, 'lanes[0].leadTime.type', 'normal');
    text = type(text, 'stockPoints[3].policy.type', 'rQ');
    text = type(text, 'customers[0].churn.onBackorder', '0.1');
    text = type(text, 'stockPoints[0].node', 'warehouse, shop');
    const after = JSON.parse(text);
    const expected = JSON.parse(annotated());
    expected.products[0].unitCost = 5;
    expected.horizonDays = 180;
    expected.lanes[0].leadTime = { type: 'normal', mean: 3, sd: 1, comment: 'measured in 2024' };
    expected.stockPoints[3].policy = { type: 'rQ', reorderPoint: 70, note: 'reviewed', orderQuantity: 130 };
    expected.customers[0].churn.onBackorder = 0.1;
    expected.stockPoints[0].node = ['warehouse', 'shop'];
    expect(after).toEqual(expected);
  });

  it('an emptied optional field is removed; an emptied required one is removed and reported at its field', () => {
    let text = type(coffeeText, 'products[0].price', '');
    expect(JSON.parse(text).products[0]).not.toHaveProperty('price');
    text = type(text, 'products[0].unitCost', '');
    const result = parseScenarioText(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues).toEqual([{ path: 'products[0].unitCost', message: 'expected a number, got nothing (the field is required)' }]);
  });

  it('keeps what cannot be read as a number as typed, so the check names it at its field', () => {
    const text = type(coffeeText, 'lanes[1].leadTime.value', '1.2.3');
    expect(JSON.parse(text).lanes[1].leadTime.value).toBe('1.2.3');
    const result = parseScenarioText(text);
    expect(result.ok ? [] : result.issues.map((i) => i.path)).toEqual(['lanes[1].leadTime.value']);
    expect(parseNumberInput('1,5')).toBe(1.5);
    expect(parseNumberInput(' -2e3 ')).toBe(-2000);
    expect(parseIdListInput(' north ,south, ')).toEqual(['north', 'south']);
    expect(parseIdListInput('north')).toBe('north');
  });

  it('creates what leads to a new value, inside the objects already there', () => {
    const data = coffee();
    delete data.customers[0].churn;
    const text = JSON.stringify(data, null, 2);
    const after = type(text, 'customers[0].churn.onBackorder', '0.2');
    expect(JSON.parse(after).customers[0]).toEqual({ ...data.customers[0], churn: { onBackorder: 0.2 } });
  });

  it('switches a holding cost between per unit per day and an annual rate, converting the amount', () => {
    const text = type(coffeeText, 'products[0].holdingCost', 'perUnitPerDay');
    // 0.3 x 4.2 / 365
    expect(JSON.parse(text).products[0].holdingCost).toEqual({ perUnitPerDay: 0.003452 });
    expect(JSON.parse(type(text, 'products[0].holdingCost', 'annualRate')).products[0].holdingCost).toEqual({ annualRate: 0.3 });
  });

  it("switches a node's type, dropping only what the new type cannot have", () => {
    const text = type(coffeeText, 'nodes[0].type', 'store');
    expect(JSON.parse(text).nodes[0]).toEqual({ id: 'roaster', type: 'store', name: 'Roastery' });
    expect(JSON.parse(type(coffeeText, 'nodes[0].type', 'warehouse')).nodes[0]).toEqual({ id: 'roaster', type: 'warehouse', name: 'Roastery', capacityPerDay: 400 });
  });

  it('switches demand between customer arrivals and units per day at about the same daily volume', () => {
    const text = type(coffeeText, 'demand[0].type', 'perPeriod');
    const entry = JSON.parse(text).demand[0];
    // 24 customers a day buying 1.35 units on average
    expect(entry).toEqual({
      type: 'perPeriod',
      node: 'shop',
      product: 'beans',
      seasonality: { weekly: [0.85, 0.9, 0.95, 1.0, 1.2, 1.6, 0.5] },
      quantity: { type: 'poisson', mean: 32.4 },
    });
    expect(JSON.parse(type(text, 'demand[0].type', 'arrivals')).demand[0]).toMatchObject({ type: 'arrivals', customersPerDay: 32.4 });
  });

  it('converts distributions and policies to a neighbouring type with sensible parameters', () => {
    expect(convertDistribution({ type: 'constant', value: 2 }, 'normal')).toEqual({ type: 'normal', mean: 2, sd: 0.5 });
    expect(convertDistribution({ type: 'normal', mean: 3, sd: 1 }, 'gamma')).toEqual({ type: 'gamma', mean: 3, sd: 1 });
    expect(convertDistribution({ type: 'uniform', min: 2, max: 4 }, 'triangular')).toEqual({ type: 'triangular', min: 2, max: 4, mode: 3 });
    expect(convertDistribution({ type: 'uniform', min: 2, max: 4 }, 'discreteUniform')).toEqual({ type: 'discreteUniform', min: 2, max: 4 });
    expect(convertDistribution({ type: 'gamma', mean: 3, sd: 1 }, 'constant')).toEqual({ type: 'constant', value: 3 });
    expect(convertDistribution({ type: 'poisson', mean: 4 }, 'negativeBinomial')).toEqual({ type: 'negativeBinomial', mean: 4, sd: 2.83 });
    expect(convertPolicy({ type: 'rQ', reorderPoint: 260, orderQuantity: 400 }, 'sS')).toEqual({ type: 'sS', reorderPoint: 260, orderUpTo: 660 });
    expect(convertPolicy({ type: 'sS', reorderPoint: 70, orderUpTo: 200 }, 'baseStock')).toEqual({ type: 'baseStock', level: 200 });
    expect(convertPolicy({ type: 'baseStock', level: 50 }, 'periodicRsS')).toEqual({ type: 'periodicRsS', reviewPeriod: 7, reorderPoint: 25, orderUpTo: 50 });
    expect(convertPolicy({ type: 'sS', reorderPoint: 1, orderUpTo: 5 }, 'forecast')).toEqual({ type: 'forecast', method: { type: 'movingAverage', periods: 4 } });
    // every converted policy of the gallery is valid
    expect(convertPolicy({ type: 'rQ', reorderPoint: 260, orderQuantity: 400 }, 'fixedQuantity')).toEqual({ type: 'fixedQuantity', reviewPeriod: 7, orderQuantity: 400 });
    expect(convertPolicy({ type: 'rQ', reorderPoint: 260, orderQuantity: 400 }, 'schedule')).toEqual({ type: 'schedule', orders: [{ day: 0, quantity: 400 }] });
    expect(convertPolicy({ type: 'periodicRS', reviewPeriod: 3, orderUpTo: 40 }, 'passThrough')).toEqual({ type: 'passThrough', reviewPeriod: 3 });
    for (const policy of ['sS', 'rQ', 'baseStock', 'echelonBaseStock', 'periodicRS', 'periodicRsS', 'serviceTarget', 'forecast', 'fixedQuantity', 'schedule', 'passThrough']) {
      const data = coffee();
      data.stockPoints[3].policy = convertPolicy(data.stockPoints[3].policy, policy);
      expect(parseScenarioText(JSON.stringify(data)).ok, policy).toBe(true);
    }
  });

  it("edits a schedule's orders as two lists, its days and its quantities", () => {
    const data = coffee();
    data.stockPoints[3].policy = { type: 'schedule', orders: [{ day: 0, quantity: 40 }, { day: 3, quantity: 25 }], repeatEveryDays: 7 };
    const text = JSON.stringify(data, null, 2);
    const form = formOf(data);
    const days = findField(form, 'stockPoints[3].policy.orders')!;
    const quantities = findField(form, 'stockPoints[3].policy.orders.quantity')!;
    expect([days.kind, days.display, quantities.kind, quantities.display]).toEqual(['numberList', '0, 3', 'numberList', '40, 25']);
    // a third day takes quantity 0 until one is typed; fewer quantities leave the others at 0
    expect(JSON.parse(type(text, 'stockPoints[3].policy.orders', '0, 3, 5')).stockPoints[3].policy.orders).toEqual([
      { day: 0, quantity: 40 },
      { day: 3, quantity: 25 },
      { day: 5, quantity: 0 },
    ]);
    expect(JSON.parse(type(text, 'stockPoints[3].policy.orders.quantity', '10')).stockPoints[3].policy.orders).toEqual([
      { day: 0, quantity: 10 },
      { day: 3, quantity: 0 },
    ]);
    // a problem with any order shows on the days' list
    expect(fieldForIssue('stockPoints[3].policy.orders[1].day', formAnchors(form))).toEqual({ anchor: 'stockPoints[3].policy.orders', rest: '[1].day' });
    // re-entering what the lists show changes nothing
    for (const field of [days, quantities]) expect(JSON.parse(applyEditToText(text, field.edit(field.display, JSON.parse(text))))).toEqual(data);
  });

  it('adds an item with a fresh id and removes one, leaving the others as written', () => {
    const form = formOf(coffee());
    const products = form.sections.find((s) => s.key === 'products')!;
    const added = applyEditToText(coffeeText, products.add!.edit(coffee()));
    expect(JSON.parse(added).products[3]).toEqual({ id: 'product', unitCost: 10, holdingCost: { annualRate: 0.25 } });
    expect(added.split('\n').length).toBe(coffeeText.split('\n').length + 1);
    const lanes = form.sections.find((s) => s.key === 'lanes')!;
    const removed = applyEditToText(coffeeText, lanes.groups[0].remove!.edit(coffee()));
    expect(JSON.parse(removed).lanes).toEqual([coffee().lanes[1]]);
    expect(removed.split('\n').length).toBe(coffeeText.split('\n').length - 1);
  });

  it('describes every gallery scenario, and its forms show each valid one as it is', () => {
    const gallery = readdirSync(join(repoRoot, 'scenarios')).filter((file) => file.endsWith('.json'));
    expect(gallery.length).toBeGreaterThanOrEqual(13);
    for (const name of gallery) {
      const text = readFileSync(join(repoRoot, 'scenarios', name), 'utf8');
      const form = formOf(JSON.parse(text));
      for (const section of form.sections) {
        for (const group of section.groups) {
          for (const field of group.fields) {
            // re-entering what a field shows changes nothing
            const again = applyEditToText(text, field.edit(field.display, JSON.parse(text)));
            if (field.structural) continue;
            expect(JSON.parse(again), `${name} ${field.key}`).toEqual(JSON.parse(text));
          }
        }
      }
    }
  });

  it('says why there are no forms for data that is not an object', () => {
    expect(describeForm([1, 2])).toEqual({ ok: false, reason: expect.stringContaining('one JSON object') });
    const form = formOf({ products: 'none' });
    expect(form.sections.find((s) => s.key === 'products')!.notes[0]).toContain('not a list');
  });
});

describe('online fulfilment, recalls and stock visibility in the forms', () => {
  const read = (name: string) => readFileSync(join(repoRoot, 'scenarios', `${name}.json`), 'utf8');
  const online = read('09-online-shoes-24h');
  const recall = read('13-returns-recall');
  const visibility = read('12-stock-visibility');

  it("shows a zone's promise and each warehouse serving it, nearest first, and lists what stays in the JSON view", () => {
    const form = formOf(JSON.parse(online));
    const section = form.sections.find((s) => s.key === 'fulfilment')!;
    expect(section.title).toBe('Online fulfilment');
    expect(section.groups.map((g) => g.title)).toEqual(['Orders from north', 'Orders from southeast', 'Orders from southwest']);
    const north = section.groups[0];
    const show = (key: string) => north.fields.find((f) => f.key === key)?.display;
    expect(show('fulfilment[0].zone')).toBe('north');
    expect(show('fulfilment[0].rule')).toBe('nearest');
    expect(show('fulfilment[0].promiseBufferDays')).toBe('0.25');
    expect(show('fulfilment[0].tolerance.type')).toBe('lognormal');
    expect(show('fulfilment[0].from[0].warehouse')).toBe('wh-north');
    expect(show('fulfilment[0].from[1].warehouse')).toBe('central');
    expect(show('fulfilment[0].from[1].transitDays.mean')).toBe('1.4');
    expect(show('fulfilment[0].from[0].costPerShipment')).toBe('4.9');
    expect(north.fields.find((f) => f.key === 'fulfilment[0].from[1].warehouse')?.label).toBe('Warehouse 2');
    // each warehouse's fields carry its number, so they can be told apart when read one by one
    expect(north.fields.find((f) => f.key === 'fulfilment[0].from[1].transitDays.type')?.label).toBe('Warehouse 2: transit to customers (days)');
    expect(north.fields.find((f) => f.key === 'fulfilment[0].from[0].costPerShipment')?.label).toBe('Warehouse 1: delivery cost per parcel');
    expect(north.notes[0]).toMatch(/nearest first/);
    expect(north.actions?.map((a) => a.text)).toEqual(['Add a warehouse', 'Remove warehouse 1', 'Remove warehouse 2']);
    // their accessible names say which card they act on
    expect(north.actions?.map((a) => a.label)).toEqual(['Add a warehouse to Orders from north', 'Remove warehouse 1 of Orders from north', 'Remove warehouse 2 of Orders from north']);
    expect(north.actions?.[0].focusKey).toBe('fulfilment[0].from[2].warehouse');
    expect(north.more).toEqual([]);
    // what the card does not show is listed on it, a warehouse's own fields included
    const data = JSON.parse(online);
    data.fulfilment[0].express = { share: 0.2, transitDays: { type: 'constant', value: 0.5 }, pricePremium: 5 };
    data.fulfilment[0].from[1].expressTransitDays = { type: 'constant', value: 1 };
    expect(formOf(data).sections.find((s) => s.key === 'fulfilment')!.groups[0].more).toEqual(['from[1].expressTransitDays']);
    // the zone node now points to the section rather than to the JSON view
    const zone = form.sections.find((s) => s.key === 'nodes')!.groups.find((g) => g.title.startsWith('north'))!;
    expect(zone.notes[0]).toMatch(/under "Online fulfilment" below/);
  });

  it('puts a problem in a fulfilment entry, a recall or a visibility entry at its field', () => {
    const anchors = formAnchors(formOf(JSON.parse(online)));
    expect(fieldForIssue('fulfilment[1].from[0].transitDays.sd', anchors)).toEqual({ anchor: 'fulfilment[1].from[0].transitDays.sd', rest: '' });
    expect(fieldForIssue('fulfilment[2].from[1].warehouse', anchors)).toEqual({ anchor: 'fulfilment[2].from[1].warehouse', rest: '' });
    expect(fieldForIssue('fulfilment[0].tolerance', anchors)).toEqual({ anchor: 'fulfilment[0].tolerance', rest: '' });
    // a problem inside an express option the card does not show (switched off) lands on its switch
    expect(fieldForIssue('fulfilment[0].express.share', anchors)).toEqual({ anchor: 'fulfilment[0].express', rest: 'share' });
    expect(fieldForIssue('recalls[0].announcedOn', formAnchors(formOf(JSON.parse(recall))))).toEqual({ anchor: 'recalls[0].announcedOn', rest: '' });
    expect(fieldForIssue('stockPoints[1].visibility.countEveryDays', formAnchors(formOf(JSON.parse(visibility))))).toEqual({ anchor: 'stockPoints[1].visibility.countEveryDays', rest: '' });

    // a recall announced before its lots arrive: the check's problem lands on the field
    const data = JSON.parse(recall);
    data.recalls[0].announcedOn = 120;
    const result = parseScenarioText(JSON.stringify(data));
    if (result.ok) throw new Error('expected a problem');
    const { placed, unplaced } = placeIssues(result.issues, formAnchors(formOf(data)));
    expect(placed.map(({ issue, place }) => [issue.path, place.anchor])).toEqual([['recalls[0].announcedOn', 'recalls[0].announcedOn']]);
    expect(unplaced).toEqual([]);
  });

  it('edits a transit time, a rule and a recall window in place, keeping everything else', () => {
    let text = type(online, 'fulfilment[0].from[1].transitDays.mean', '1.2');
    text = type(text, 'fulfilment[1].rule', 'split');
    const after = JSON.parse(text);
    const expected = JSON.parse(online);
    expected.fulfilment[0].from[1].transitDays.mean = 1.2;
    expected.fulfilment[1].rule = 'split';
    expect(after).toEqual(expected);
    expect(parseScenarioText(text).ok).toBe(true);

    const moved = JSON.parse(type(recall, 'recalls[0].receivedTo', '150'));
    expect(moved.recalls[0]).toEqual({ ...JSON.parse(recall).recalls[0], receivedTo: 150 });

    // an unnamed recall is called as the results call it
    const unnamed = JSON.parse(recall);
    delete unnamed.recalls[0].name;
    const group = formOf(unnamed).sections.find((s) => s.key === 'recalls')!.groups[0];
    expect(group.title).toBe('Recall: recall#0');
    expect(group.fields.find((f) => f.key === 'recalls[0].name')?.placeholder).toBe('default recall#0');
  });

  it('emptying the shrinkage removes a visibility entry that holds nothing else; with a count set it is reported at the field', () => {
    const data = JSON.parse(visibility);
    data.stockPoints[1].visibility = { shrinkagePerDay: 0.01 };
    const alone = JSON.stringify(data, null, 2);
    expect(JSON.parse(type(alone, 'stockPoints[1].visibility.shrinkagePerDay', '')).stockPoints[1]).not.toHaveProperty('visibility');

    const withCount = type(visibility, 'stockPoints[1].visibility.shrinkagePerDay', '');
    expect(JSON.parse(withCount).stockPoints[1].visibility).toEqual({ countEveryDays: 91, countDelayDays: 5 });
    const result = parseScenarioText(withCount);
    expect(result.ok ? [] : result.issues.map((i) => i.path)).toEqual(['stockPoints[1].visibility.shrinkagePerDay']);

    // a setting tried and taken back leaves no visibility entry behind (an empty one would be refused)
    expect(JSON.parse(visibility).stockPoints[0]).not.toHaveProperty('visibility');
    const ticked = type(visibility, 'stockPoints[0].visibility.realTime', 'true');
    expect(JSON.parse(ticked).stockPoints[0].visibility).toEqual({ realTime: true });
    expect(JSON.parse(type(ticked, 'stockPoints[0].visibility.realTime', '')).stockPoints[0]).not.toHaveProperty('visibility');
    const counted = type(visibility, 'stockPoints[0].visibility.countEveryDays', '7');
    expect(JSON.parse(type(counted, 'stockPoints[0].visibility.countEveryDays', '')).stockPoints[0]).not.toHaveProperty('visibility');
    expect(JSON.parse(type(counted, 'stockPoints[0].visibility.countEveryDays', '')).stockPoints).toEqual(JSON.parse(visibility).stockPoints);

    // a stock point with exact records gains visibility through the form
    let text = type(visibility, 'stockPoints[0].visibility.shrinkagePerDay', '0.002');
    text = type(text, 'stockPoints[0].visibility.realTime', 'true');
    expect(JSON.parse(text).stockPoints[0].visibility).toEqual({ shrinkagePerDay: 0.002, realTime: true });
    expect(parseScenarioText(text).ok).toBe(true);
    // issuing applies to products held in lots: set on fresh food it is valid, on razor blades refused at the field
    const fresh = type(read('08-fresh-food-fefo'), 'stockPoints[0].issuing', 'fefo');
    expect(JSON.parse(fresh).stockPoints[0].issuing).toBe('fefo');
    expect(parseScenarioText(fresh).ok).toBe(true);
    const blades = parseScenarioText(type(visibility, 'stockPoints[0].issuing', 'fefo'));
    expect(blades.ok ? [] : blades.issues.map((i) => i.path)).toEqual(['stockPoints[0].issuing']);
  });

  it("adds a fulfilment entry for a zone nobody serves yet, and a recall of the first supplier's lots, both valid", () => {
    const data = JSON.parse(online);
    data.fulfilment.pop();
    const text = JSON.stringify(data, null, 2);
    // the southwest zone is served by nobody: the check says so
    expect(parseScenarioText(text).ok).toBe(false);
    const section = formOf(data).sections.find((s) => s.key === 'fulfilment')!;
    const added = applyEditToText(text, section.add!.edit(data));
    expect(JSON.parse(added).fulfilment[2]).toEqual({ zone: 'southwest', from: [{ warehouse: 'central', transitDays: { type: 'constant', value: 2 } }] });
    expect(parseScenarioText(added).ok).toBe(true);

    const recalls = formOf(JSON.parse(visibility)).sections.find((s) => s.key === 'recalls')!;
    expect(recalls.groups).toEqual([]);
    const withRecall = applyEditToText(visibility, recalls.add!.edit(JSON.parse(visibility)));
    expect(JSON.parse(withRecall).recalls).toEqual([{ supplier: 'vendor', receivedFrom: 0, receivedTo: 30, announcedOn: 30 }]);
    expect(parseScenarioText(withRecall).ok).toBe(true);
  });
});

describe('disruptions in the forms', () => {
  const read = (name: string) => readFileSync(join(repoRoot, 'scenarios', `${name}.json`), 'utf8');
  const congestion = read('05-online-shoes');
  const shutdown = read('10-outage-communication');

  it('shows each disruption: what happens, to what, and when', () => {
    const random = formOf(JSON.parse(congestion)).sections.find((s) => s.key === 'disruptions')!.groups[0];
    expect(random.title).toBe('port congestion: factory-dc');
    expect(random.fields.map((f) => [f.key, f.display])).toEqual([
      ['disruptions[0].type', 'leadTimeMultiplier'],
      ['disruptions[0].name', 'port congestion'],
      ['disruptions[0].lanes', 'factory-dc'],
      ['disruptions[0].multiplier', '2'],
      ['disruptions[0].occurrence.type', 'random'],
      ['disruptions[0].occurrence.ratePerYear', '2'],
      ['disruptions[0].occurrence.duration.type', 'uniform'],
      ['disruptions[0].occurrence.duration.min', '10'],
      ['disruptions[0].occurrence.duration.max', '30'],
    ]);
    const scheduled = formOf(JSON.parse(shutdown)).sections.find((s) => s.key === 'disruptions')!.groups[0];
    expect(scheduled.fields.map((f) => [f.label, f.display])).toEqual([
      ['What happens', 'supplierOutage'],
      ['Name', 'roastery shutdown'],
      ['Supplier', 'roaster'],
      ['When', 'scheduled'],
      ['From day', '150'],
      ['To day (not included)', '185'],
    ]);
  });

  it('puts a problem in a disruption at its field, a whole occurrence at its type select', () => {
    const anchors = formAnchors(formOf(JSON.parse(shutdown)));
    expect(fieldForIssue('disruptions[0].occurrence.end', anchors)).toEqual({ anchor: 'disruptions[0].occurrence.end', rest: '' });
    expect(fieldForIssue('disruptions[0].occurrence', anchors)).toEqual({ anchor: 'disruptions[0].occurrence', rest: '' });
    expect(fieldForIssue('disruptions[0].node', anchors)).toEqual({ anchor: 'disruptions[0].node', rest: '' });
    expect(fieldForIssue('disruptions[0]', anchors)).toEqual({ anchor: 'disruptions[0]', rest: '' });
    // an outage that ends before it starts: the check's problem lands on the end
    const data = JSON.parse(shutdown);
    data.disruptions[0].occurrence.end = 120;
    const result = parseScenarioText(JSON.stringify(data));
    if (result.ok) throw new Error('expected a problem');
    expect(placeIssues(result.issues, formAnchors(formOf(data))).placed.map(({ place }) => place.anchor)).toEqual(['disruptions[0].occurrence.end']);
  });

  it('switches what happens and when, keeping what still applies, and stays valid', () => {
    // slower lanes -> a supplier outage: the multiplier and lanes go, the first supplier comes, valid
    const asOutage = type(congestion, 'disruptions[0].type', 'supplierOutage');
    expect(JSON.parse(asOutage).disruptions[0]).toEqual({ type: 'supplierOutage', name: 'port congestion', occurrence: JSON.parse(congestion).disruptions[0].occurrence, node: 'factory' });
    expect(parseScenarioText(asOutage).ok).toBe(true);
    // an outage on set days -> at random: the days go, a rate and a duration come
    const text = type(shutdown, 'disruptions[0].occurrence.type', 'random');
    expect(JSON.parse(text).disruptions[0].occurrence).toEqual({ type: 'random', ratePerYear: 1, duration: { type: 'constant', value: 14 } });
    expect(parseScenarioText(text).ok).toBe(true);
    const moved = type(shutdown, 'disruptions[0].occurrence.start', '140');
    expect(JSON.parse(moved).disruptions[0].occurrence).toEqual({ type: 'scheduled', start: 140, end: 185 });
    expect(parseScenarioText(moved).ok).toBe(true);
  });

  it("adds a two-week outage of the first supplier, valid as it comes", () => {
    const section = formOf(coffee()).sections.find((s) => s.key === 'disruptions')!;
    expect(section.groups).toEqual([]);
    const added = applyEditToText(coffeeText, section.add!.edit(coffee()));
    expect(JSON.parse(added).disruptions).toEqual([{ type: 'supplierOutage', node: 'roaster', occurrence: { type: 'scheduled', start: 30, end: 44 } }]);
    expect(parseScenarioText(added).ok).toBe(true);
  });
});

describe('seasonality and trend in the demand forms', () => {
  it('shows the weekly pattern, takes a yearly one, and reports a pattern of the wrong length at its field', () => {
    const form = formOf(coffee());
    expect(findField(form, 'demand[0].seasonality.weekly')?.display).toBe('0.85, 0.9, 0.95, 1, 1.2, 1.6, 0.5');
    expect(findField(form, 'demand[0].seasonality.yearly')?.display).toBe('');
    expect(findField(form, 'demand[0].trendPerYear')?.placeholder).toBe('default 0');
    const yearly = type(coffeeText, 'demand[0].seasonality.yearly', '1, 1, 1, 1, 1, 1, 1, 1, 1, 1.2, 1.5, 2');
    expect(JSON.parse(yearly).demand[0].seasonality).toEqual({ weekly: [0.85, 0.9, 0.95, 1, 1.2, 1.6, 0.5], yearly: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1.2, 1.5, 2] });
    expect(parseScenarioText(yearly).ok).toBe(true);
    const short = parseScenarioText(type(coffeeText, 'demand[0].seasonality.weekly', '1, 1, 1, 1, 1, 2'));
    expect(short.ok ? [] : short.issues.map((i) => [i.path, i.message])).toEqual([['demand[0].seasonality.weekly', 'expected 7 weekly multipliers, Monday first']]);
    const grown = type(coffeeText, 'demand[0].trendPerYear', '0.1');
    expect(JSON.parse(grown).demand[0].trendPerYear).toBe(0.1);
  });

  it('emptying the only pattern removes the seasonality entry; with the other left, only that pattern goes', () => {
    const flat = JSON.parse(type(coffeeText, 'demand[0].seasonality.weekly', '')).demand[0];
    expect(flat).not.toHaveProperty('seasonality');
    const both = type(coffeeText, 'demand[0].seasonality.yearly', '1, 1, 1, 1, 1, 1, 1, 1, 1, 1.2, 1.5, 2');
    expect(JSON.parse(type(both, 'demand[0].seasonality.weekly', '')).demand[0].seasonality).toEqual({ yearly: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1.2, 1.5, 2] });
  });
});

describe('demand shocks in the forms', () => {
  const winter = readFileSync(join(repoRoot, 'scenarios', '06-winter-clothing.json'), 'utf8');

  it("shows each shock's name, multiplier and occurrence, named with its number, and edits them in place", () => {
    const group = formOf(JSON.parse(winter)).sections.find((s) => s.key === 'demand')!.groups[0];
    const shock = group.fields.filter((f) => f.key.startsWith('demand[0].shocks[0]'));
    expect(shock.map((f) => [f.label, f.display])).toEqual([
      ['Shock 1: name', 'mild winter'],
      ['Shock 1: demand multiplied by', '0.7'],
      ['Shock 1: when', 'scheduled'],
      ['Shock 1: from day', '304'],
      ['Shock 1: to day (not included)', '425'],
    ]);
    expect(group.actions?.map((a) => a.text)).toEqual(['Add a demand shock', 'Remove shock 1']);
    expect(group.more).toEqual([]);
    const harsher = type(winter, 'demand[0].shocks[0].multiplier', '0.5');
    const expected = JSON.parse(winter);
    expected.demand[0].shocks[0].multiplier = 0.5;
    expect(JSON.parse(harsher)).toEqual(expected);
    // a negative multiplier is reported at its field
    const data = JSON.parse(winter);
    data.demand[0].shocks[0].multiplier = -1;
    const result = parseScenarioText(JSON.stringify(data));
    if (result.ok) throw new Error('expected a problem');
    expect(placeIssues(result.issues, formAnchors(formOf(data))).placed.map(({ place }) => place.anchor)).toEqual(['demand[0].shocks[0].multiplier']);
  });

  it('a demand without shocks has no shock fields; one added is a valid fortnight at 1.5 times the demand; one removed is gone', () => {
    const group = formOf(coffee()).sections.find((s) => s.key === 'demand')!.groups[0];
    expect(group.fields.some((f) => f.key.includes('shocks'))).toBe(false);
    expect(group.actions?.map((a) => a.text)).toEqual(['Add a demand shock']);
    expect(group.actions?.[0].label).toBe('Add a demand shock to beans at shop');
    expect(group.actions?.[0].focusKey).toBe('demand[0].shocks[0].name');
    const added = applyEditToText(coffeeText, group.actions![0].edit(coffee()));
    expect(JSON.parse(added).demand[0].shocks).toEqual([{ multiplier: 1.5, occurrence: { type: 'scheduled', start: 30, end: 44 } }]);
    expect(parseScenarioText(added).ok).toBe(true);
    const again = formOf(JSON.parse(added)).sections.find((s) => s.key === 'demand')!.groups[0];
    const twice = applyEditToText(added, again.actions![0].edit(JSON.parse(added)));
    expect(JSON.parse(twice).demand[0].shocks).toHaveLength(2);
    const removed = applyEditToText(added, again.actions![1].edit(JSON.parse(added)));
    expect(JSON.parse(removed).demand[0].shocks).toEqual([]);
  });
});

describe("a zone's warehouses added and removed in the forms", () => {
  const online = readFileSync(join(repoRoot, 'scenarios', '09-online-shoes-24h.json'), 'utf8');
  const northOf = (text: string) => formOf(JSON.parse(text)).sections.find((s) => s.key === 'fulfilment')!.groups[0];

  it('adds the next warehouse not serving the zone yet, two days away, valid; removes one; never the last', () => {
    const added = applyEditToText(online, northOf(online).actions![0].edit(JSON.parse(online)));
    expect(JSON.parse(added).fulfilment[0].from.map((f: { warehouse: string }) => f.warehouse)).toEqual(['wh-north', 'central', 'wh-southeast']);
    expect(JSON.parse(added).fulfilment[0].from[2]).toEqual({ warehouse: 'wh-southeast', transitDays: { type: 'constant', value: 2 } });
    expect(parseScenarioText(added).ok).toBe(true);

    const removed = applyEditToText(online, northOf(online).actions![1].edit(JSON.parse(online)));
    expect(JSON.parse(removed).fulfilment[0].from.map((f: { warehouse: string }) => f.warehouse)).toEqual(['central']);
    expect(parseScenarioText(removed).ok).toBe(true);
    // one warehouse left: it can be changed, not removed (a zone needs one)
    expect(northOf(removed).actions?.map((a) => a.text)).toEqual(['Add a warehouse']);
  });
});

describe('policy variants in the forms', () => {
  it("shows each variant's overrides: which stock points, and the policy with its parameters", () => {
    const form = formOf(coffee());
    const section = form.sections.find((s) => s.key === 'variants')!;
    expect(section.title).toBe('Policy variants');
    // right after the stock points whose policies they replace
    expect(form.sections.map((s) => s.key).indexOf('variants')).toBe(form.sections.map((s) => s.key).indexOf('stockPoints') + 1);
    const lean = section.groups[0];
    expect(lean.title).toBe('Variant Lean (s, S)');
    expect(lean.fields.slice(0, 7).map((f) => [f.label, f.display])).toEqual([
      ['Id', 'lean'],
      ['Display name', 'Lean (s, S)'],
      ['Description', 'Reorder with under a day of demand left: cheap shelves, Saturday stockouts.'],
      ['Override 1: node(s)', 'shop'],
      ['Override 1: product(s)', 'beans'],
      ['Override 1: policy', 'sS'],
      ['Override 1: reorder point', '22'],
    ]);
    expect(lean.actions?.map((a) => a.text)).toEqual(['Add a policy override', 'Remove override 1', 'Remove override 2', 'Remove override 3']);
    expect(fieldForIssue('variants[2].policies[0].policy.orderQuantity', formAnchors(form))).toEqual({ anchor: 'variants[2].policies[0].policy.orderQuantity', rest: '' });
    // a problem with a whole override (one that matches no stock point) shows at its first field
    expect(fieldForIssue('variants[0].policies[1]', formAnchors(form))).toEqual({ anchor: 'variants[0].policies[1]', rest: '' });
    expect(findField(form, 'variants[0].policies[1]')?.key).toBe('variants[0].policies[1].node');
  });

  it("a policy typed wrongly in a variant is reported at its field; a new variant is a valid baseline; an override starts from the first stock point's policy", () => {
    const data = coffee();
    data.variants[0].policies[0].policy.orderUpTo = 5;
    const result = parseScenarioText(JSON.stringify(data));
    if (result.ok) throw new Error('expected a problem');
    expect(placeIssues(result.issues, formAnchors(formOf(data))).placed.map(({ place }) => place.anchor)).toEqual(['variants[0].policies[0].policy.orderUpTo']);

    const section = formOf(coffee()).sections.find((s) => s.key === 'variants')!;
    const added = applyEditToText(coffeeText, section.add!.edit(coffee()));
    const fresh = JSON.parse(added).variants.at(-1);
    expect(fresh).toEqual({ id: 'variant', name: 'variant', policies: [] });
    expect(parseScenarioText(added).ok).toBe(true);
    const group = formOf(JSON.parse(added)).sections.find((s) => s.key === 'variants')!.groups.at(-1)!;
    expect(group.notes[0]).toMatch(/baseline/);
    const overridden = applyEditToText(added, group.actions![0].edit(JSON.parse(added)));
    const first = coffee().stockPoints[0];
    expect(JSON.parse(overridden).variants.at(-1).policies).toEqual([{ node: [first.node].flat()[0], product: [first.product].flat()[0], policy: first.policy }]);
    expect(parseScenarioText(overridden).ok).toBe(true);
  });
});

describe('what the review of the card actions found, kept mended', () => {
  const read = (name: string) => readFileSync(join(repoRoot, 'scenarios', `${name}.json`), 'utf8');

  it("switching a disruption's type gives a valid disruption, its target taken from the network", () => {
    const cases: [string, string][] = [
      ['10-outage-communication', 'leadTimeMultiplier'],
      ['05-online-shoes', 'supplierOutage'],
      ['09-online-shoes-24h', 'supplierOutage'],
      ['09-online-shoes-24h', 'leadTimeMultiplier'],
    ];
    for (const [name, to] of cases) {
      const text = type(read(name), 'disruptions[0].type', to);
      const result = parseScenarioText(text);
      expect(result.ok ? [] : result.issues, `${name} -> ${to}`).toEqual([]);
      expect(JSON.parse(text).disruptions[0].type).toBe(to);
    }
    // an outage becomes a capacity loss of the node that has a daily capacity, not of the supplier
    const capped = JSON.parse(read('04-coffee-brand'));
    capped.disruptions = [{ type: 'supplierOutage', node: 'roaster', occurrence: { type: 'scheduled', start: 10, end: 20 } }];
    delete capped.nodes[0].capacityPerDay;
    capped.nodes[1].capacityPerDay = 500;
    const loss = type(JSON.stringify(capped, null, 2), 'disruptions[0].type', 'capacityLoss');
    expect(JSON.parse(loss).disruptions[0]).toMatchObject({ type: 'capacityLoss', node: capped.nodes[1].id, fraction: 1 });
    expect(parseScenarioText(loss).ok).toBe(true);
    // with no node that has a capacity, the problem is said at the node field (the roastery in scenario 10)
    const none = parseScenarioText(type(read('10-outage-communication'), 'disruptions[0].type', 'capacityLoss'));
    expect(none.ok ? [] : none.issues.map((i) => [i.path, i.message])).toEqual([['disruptions[0].node', '"roaster" has no capacityPerDay to lose; give it one']]);
    const lanesOnly = parseScenarioText(type(read('05-online-shoes'), 'disruptions[0].type', 'capacityLoss'));
    expect(lanesOnly.ok ? [] : lanesOnly.issues.map((i) => [i.path, i.message])).toEqual([['disruptions[0].node', '"factory" has no capacityPerDay to lose; give it one']]);
  });

  it('a policy override added to a variant never undoes the override it already has', () => {
    const text = read('01-newsvendor');
    const naive = formOf(JSON.parse(text)).sections.find((s) => s.key === 'variants')!.groups[1];
    expect(naive.title).toBe('Variant S = 100 (the mean)');
    const added = JSON.parse(applyEditToText(text, naive.actions![0].edit(JSON.parse(text)))).variants[1].policies;
    // the kiosk's paper is already overridden (S = 100): the new override repeats what the variant gives it
    expect(added).toHaveLength(2);
    expect(added[1]).toEqual({ node: 'kiosk', product: 'paper', policy: { type: 'periodicRS', reviewPeriod: 1, orderUpTo: 100 } });
  });

  it('adding a warehouse reads the zone as it is now, not as the form was drawn', () => {
    const text = read('09-online-shoes-24h');
    const drawn = formOf(JSON.parse(text)).sections.find((s) => s.key === 'fulfilment')!.groups[0];
    // the user types a warehouse name (no redraw), then clicks Add with the card drawn before
    const typed = applyEditToText(text, findField(formOf(JSON.parse(text)), 'fulfilment[0].from[1].warehouse')!.edit('wh-southeast', JSON.parse(text)));
    const added = applyEditToText(typed, drawn.actions![0].edit(JSON.parse(typed)));
    expect(JSON.parse(added).fulfilment[0].from.map((f: { warehouse: string }) => f.warehouse)).toEqual(['wh-north', 'wh-southeast', 'central']);
    expect(parseScenarioText(added).ok).toBe(true);
  });

  it('removing the first of two shocks keeps the second; no Add over a shocks value that is not a list', () => {
    const data = coffee();
    data.demand[0].shocks = [
      { name: 'first', multiplier: 2, occurrence: { type: 'scheduled', start: 10, end: 20 } },
      { name: 'second', multiplier: 3, occurrence: { type: 'scheduled', start: 50, end: 60 } },
    ];
    const text = JSON.stringify(data, null, 2);
    const group = formOf(data).sections.find((s) => s.key === 'demand')!.groups[0];
    expect(group.actions?.map((a) => a.text)).toEqual(['Add a demand shock', 'Remove shock 1', 'Remove shock 2']);
    const removed = JSON.parse(applyEditToText(text, group.actions![1].edit(data))).demand[0].shocks;
    expect(removed.map((shock: { name: string }) => shock.name)).toEqual(['second']);

    const broken = coffee();
    broken.demand[0].shocks = { name: 'not in a list', multiplier: 2 };
    expect(formOf(broken).sections.find((s) => s.key === 'demand')!.groups[0].actions).toBeUndefined();
  });

  it("a variant with 'set' changes but no overrides is not called a baseline", () => {
    const fefo = formOf(JSON.parse(read('08-fresh-food-fefo'))).sections.find((s) => s.key === 'variants')!.groups[1];
    expect(fefo.notes[0]).toMatch(/"set"/);
    expect(fefo.notes[0]).not.toMatch(/baseline/);
  });
});

describe("a zone's express option and proactive communication in the forms", () => {
  const outage = readFileSync(join(repoRoot, 'scenarios', '10-outage-communication.json'), 'utf8');
  const card = (text: string) => formOf(JSON.parse(text)).sections.find((s) => s.key === 'fulfilment')!.groups[0];

  it('shows communication as written (off, with its parameters), turns it on and off keeping them', () => {
    const shown = card(outage).fields.filter((f) => f.key.includes('communication'));
    expect(shown.map((f) => [f.key, f.display])).toEqual([
      ['fulfilment[0].communication.proactive', ''],
      ['fulfilment[0].communication.churnIfNotified', '0.12'],
      ['fulfilment[0].communication.voucherCost', '5'],
    ]);
    const on = type(outage, 'fulfilment[0].communication.proactive', 'true');
    expect(JSON.parse(on).fulfilment[0].communication).toEqual({ proactive: true, churnIfNotified: 0.12, voucherCost: 5 });
    expect(JSON.parse(type(on, 'fulfilment[0].communication.proactive', '')).fulfilment[0].communication).toEqual({ proactive: false, churnIfNotified: 0.12, voucherCost: 5 });
    // where there is none yet, turning it on writes a whole, valid entry
    const data = JSON.parse(outage);
    delete data.fulfilment[0].communication;
    data.variants = [];
    const without = JSON.stringify(data, null, 2);
    expect(card(without).fields.filter((f) => f.key.includes('communication')).map((f) => f.key)).toEqual(['fulfilment[0].communication.proactive']);
    const added = type(without, 'fulfilment[0].communication.proactive', 'true');
    expect(JSON.parse(added).fulfilment[0].communication).toEqual({ proactive: true, churnIfNotified: 0.1, voucherCost: 0 });
    expect(parseScenarioText(added).ok).toBe(true);
  });

  it('offers express delivery as a switch: on writes a whole, valid option with its parameters below; off removes it', () => {
    expect(card(outage).fields.find((f) => f.key === 'fulfilment[0].express')?.display).toBe('');
    const on = type(outage, 'fulfilment[0].express', 'true');
    expect(JSON.parse(on).fulfilment[0].express).toEqual({ share: 0.25, transitDays: { type: 'constant', value: 0.5 }, pricePremium: 9.9 });
    expect(parseScenarioText(on).ok).toBe(true);
    expect(card(on).fields.filter((f) => f.key.startsWith('fulfilment[0].express')).map((f) => [f.key, f.display])).toEqual([
      ['fulfilment[0].express', 'true'],
      ['fulfilment[0].express.share', '0.25'],
      ['fulfilment[0].express.transitDays.type', 'constant'],
      ['fulfilment[0].express.transitDays.value', '0.5'],
      ['fulfilment[0].express.pricePremium', '9.9'],
    ]);
    const share = type(on, 'fulfilment[0].express.share', '1.2');
    const result = parseScenarioText(share);
    expect(result.ok ? [] : result.issues.map((i) => i.path)).toEqual(['fulfilment[0].express.share']);
    expect(JSON.parse(type(on, 'fulfilment[0].express', '')).fulfilment[0]).not.toHaveProperty('express');
  });
});

describe('the headline KPIs in the forms', () => {
  it('one KPI or several typed with commas are written as a list, and an empty field removes the list', () => {
    const text = JSON.stringify(coffee(), null, 2);
    expect(JSON.parse(type(text, 'headline', 'fillRate')).headline).toEqual(['fillRate']);
    expect(JSON.parse(type(text, 'headline', ' expiredUnits, profit ')).headline).toEqual(['expiredUnits', 'profit']);
    expect(Object.hasOwn(JSON.parse(type(text, 'headline', '')), 'headline')).toBe(false);
    // the field shows the list as written, and a wrong name is the schema's problem at its place
    expect(findField(formOf(coffee()), 'headline')?.display).toBe('fillRate, activeCustomers, totalCost, profit');
    const parsed = parseScenarioText(type(text, 'headline', 'fill rate'));
    expect(parsed.ok ? [] : parsed.issues.map((issue) => issue.path)).toEqual(['headline[0]']);
  });
});

describe('customer orders, segments and delivery in the demand forms (issue 17)', () => {
  const demandCard = (data: unknown, i = 0) => formOf(data).sections.find((s) => s.key === 'demand')!.groups[i];
  const parsedIssues = (text: string) => {
    const result = parseScenarioText(text);
    return result.ok ? [] : result.issues.map((issue) => [issue.path, issue.message]);
  };
  /** coffee with shop/beans as customer orders (24 a day, each of the customers' sizes) */
  const ordersText = () => type(coffeeText, 'demand[0].type', 'orders');

  it('offers customer orders as a demand type; arrivals become orders per day (a Poisson of the same mean), each of the customer quantity, and back', () => {
    expect(findField(formOf(coffee()), 'demand[0].type')?.options?.map((o) => o.value)).toEqual(['arrivals', 'perPeriod', 'orders']);
    const text = ordersText();
    const quantity = coffee().demand[0].quantity;
    expect(JSON.parse(text).demand[0]).toEqual({
      type: 'orders',
      node: 'shop',
      product: 'beans',
      seasonality: { weekly: [0.85, 0.9, 0.95, 1.0, 1.2, 1.6, 0.5] },
      ordersPerDay: { type: 'poisson', mean: 24 },
      size: quantity,
    });
    expect(parsedIssues(text)).toEqual([]);
    // and back: the same entry as before
    expect(JSON.parse(type(text, 'demand[0].type', 'arrivals')).demand[0]).toEqual(coffee().demand[0]);
  });

  it("keeps a segment and a delivery between arrivals and orders; a delivery goes with a type that has none; a size per order never becomes units per day", () => {
    const data = coffee();
    data.demand[0].segment = 'retail';
    data.demand[0].delivery = { leadTime: { type: 'constant', value: 1 }, costPerOrder: 2 };
    delete data.demand[0].quantity;
    const text = JSON.stringify(data, null, 2);
    const orders = JSON.parse(type(text, 'demand[0].type', 'orders')).demand[0];
    // an arrivals entry without a quantity buys its default, 1 unit: the size of each order
    expect(orders).toMatchObject({ segment: 'retail', delivery: data.demand[0].delivery, ordersPerDay: { type: 'poisson', mean: 24 }, size: { type: 'constant', value: 1 } });
    expect(parsedIssues(type(text, 'demand[0].type', 'orders'))).toEqual([]);
    const perPeriod = JSON.parse(type(text, 'demand[0].type', 'perPeriod')).demand[0];
    expect(perPeriod).toEqual({ type: 'perPeriod', node: 'shop', product: 'beans', seasonality: data.demand[0].seasonality, segment: 'retail', quantity: { type: 'poisson', mean: 24 } });
  });

  it('units per day or a daily history become orders of 1 unit at that many a day, as they become customers buying 1 unit; orders become units per day at their volume', () => {
    const perPeriod = type(coffeeText, 'demand[0].type', 'perPeriod');
    const fromPerPeriod = JSON.parse(type(perPeriod, 'demand[0].type', 'orders')).demand[0];
    expect(fromPerPeriod).toMatchObject({ ordersPerDay: { type: 'poisson', mean: 32.4 }, size: { type: 'constant', value: 1 } });
    expect(JSON.parse(type(perPeriod, 'demand[0].type', 'arrivals')).demand[0]).toMatchObject({ customersPerDay: 32.4 });
    expect(convertDemand({ type: 'history', node: 'shop', product: 'beans', series: [10, 20, 30] }, 'orders')).toEqual({
      type: 'orders',
      node: 'shop',
      product: 'beans',
      ordersPerDay: { type: 'poisson', mean: 20 },
      size: { type: 'constant', value: 1 },
    });
    // 24 orders a day of 1.35 units on average
    expect(JSON.parse(type(ordersText(), 'demand[0].type', 'perPeriod')).demand[0].quantity).toEqual({ type: 'poisson', mean: 32.4 });
    // a history of order counts: its mean is the customers per day, and the size their quantity
    const counted = { type: 'orders', node: 'shop', product: 'beans', history: [3, 5, 4], size: { type: 'poisson', mean: 2 }, delivery: { leadTime: { type: 'constant', value: 1 } } };
    expect(convertDemand(counted, 'arrivals')).toEqual({ type: 'arrivals', node: 'shop', product: 'beans', delivery: counted.delivery, customersPerDay: 4, quantity: { type: 'poisson', mean: 2 } });
    expect(convertDemand(counted, 'perPeriod')).toEqual({ type: 'perPeriod', node: 'shop', product: 'beans', quantity: { type: 'poisson', mean: 8 } });
  });

  it("shows an orders entry's segment, orders per day, size and delivery switch; the count comes from a distribution or a history", () => {
    const text = ordersText();
    const card = demandCard(JSON.parse(text));
    expect(card.fields.map((f) => [f.key, f.label, f.display, f.level])).toEqual([
      ['demand[0].type', 'Type', 'orders', 0],
      ['demand[0].node', 'Node(s)', 'shop', 0],
      ['demand[0].product', 'Product(s)', 'beans', 0],
      ['demand[0].segment', 'Customer segment', '', 0],
      ['demand[0].orderCount', 'Number of orders', 'ordersPerDay', 0],
      ['demand[0].ordersPerDay.type', 'Orders per day', 'poisson', 1],
      ['demand[0].ordersPerDay.mean', 'Mean', '24', 1],
      ['demand[0].size.type', 'Units per order', 'empirical', 0],
      ['demand[0].size.values', 'Values', '1, 2, 3', 1],
      ['demand[0].size.weights', 'Weights', '70, 25, 5', 1],
      ['demand[0].delivery', 'Deliver each order to its customer', '', 0],
      ['demand[0].seasonality.weekly', 'Weekly pattern (7 multipliers, Monday first)', '0.85, 0.9, 0.95, 1, 1.2, 1.6, 0.5', 0],
      ['demand[0].seasonality.yearly', 'Yearly pattern (12 multipliers, January first)', '', 0],
      ['demand[0].trendPerYear', 'Growth per year (0.1 = +10%)', '', 0],
    ]);
    expect(card.more).toEqual([]);
    const segment = findField(formOf(JSON.parse(text)), 'demand[0].segment');
    expect([segment?.placeholder, segment?.help]).toEqual(['none', 'Needed, and different, where several demand entries share a stock point (walk-ins, a wholesaler).']);
    expect(findField(formOf(JSON.parse(text)), 'demand[0].orderCount')?.options?.map((o) => o.label)).toEqual(['drawn each day', 'from a daily history']);
    // a history: 7 days at the mean, in place of the distribution; and back, a Poisson of the history's mean
    const history = type(text, 'demand[0].orderCount', 'history');
    expect(Object.keys(JSON.parse(history).demand[0])).toEqual(['type', 'node', 'product', 'seasonality', 'history', 'size']);
    expect(JSON.parse(history).demand[0].history).toEqual([24, 24, 24, 24, 24, 24, 24]);
    expect(parsedIssues(history)).toEqual([]);
    const shown = demandCard(JSON.parse(history)).fields.filter((f) => f.key.startsWith('demand[0].order') || f.key.startsWith('demand[0].history'));
    expect(shown.map((f) => [f.key, f.kind, f.display])).toEqual([
      ['demand[0].orderCount', 'select', 'history'],
      ['demand[0].history', 'numberList', '24, 24, 24, 24, 24, 24, 24'],
    ]);
    const typed = type(history, 'demand[0].history', '3, 5, 4');
    expect(JSON.parse(typed).demand[0].history).toEqual([3, 5, 4]);
    expect(JSON.parse(type(typed, 'demand[0].orderCount', 'ordersPerDay')).demand[0].ordersPerDay).toEqual({ type: 'poisson', mean: 4 });
    // a count that is not whole is reported at the history, with its position
    const half = type(history, 'demand[0].history', '3, 2.5');
    const result = parseScenarioText(half);
    if (result.ok) throw new Error('expected a problem');
    expect(placeIssues(result.issues, formAnchors(formOf(JSON.parse(half)))).placed.map(({ place }) => place)).toEqual([{ anchor: 'demand[0].history', rest: '[1]' }]);
    // neither a distribution nor a history: the schema's problem shows at the select of the two
    const neither = JSON.parse(history);
    delete neither.demand[0].history;
    const none = parseScenarioText(JSON.stringify(neither));
    if (none.ok) throw new Error('expected a problem');
    expect(placeIssues(none.issues, formAnchors(formOf(neither))).placed.map(({ place }) => place.anchor)).toEqual(['demand[0].ordersPerDay']);
    expect(findField(formOf(neither), 'demand[0].ordersPerDay')?.key).toBe('demand[0].orderCount');
    // counts of orders are whole: a normal is reported at the distribution's select
    const normal = type(text, 'demand[0].ordersPerDay.type', 'normal');
    const notWhole = parseScenarioText(normal);
    if (notWhole.ok) throw new Error('expected a problem');
    expect(placeIssues(notWhole.issues, formAnchors(formOf(JSON.parse(normal)))).placed.map(({ place }) => place.anchor)).toEqual(['demand[0].ordersPerDay']);
    expect(findField(formOf(JSON.parse(normal)), 'demand[0].ordersPerDay')?.key).toBe('demand[0].ordersPerDay.type');
  });

  it("adds a delivery with the switch (two days, valid), shows its lead time, costs and due date with the default explained, and removes it", () => {
    for (const text of [coffeeText, ordersText()]) {
      const on = type(text, 'demand[0].delivery', 'true');
      expect(JSON.parse(on).demand[0].delivery).toEqual({ leadTime: { type: 'constant', value: 2 } });
      expect(parsedIssues(on)).toEqual([]);
      const fields = demandCard(JSON.parse(on)).fields.filter((f) => f.key.startsWith('demand[0].delivery'));
      expect(fields.map((f) => [f.key, f.label, f.display, f.placeholder ?? '', f.level])).toEqual([
        ['demand[0].delivery', 'Deliver each order to its customer', 'true', '', 0],
        ['demand[0].delivery.leadTime.type', 'Delivery lead time (days)', 'constant', '', 1],
        ['demand[0].delivery.leadTime.value', 'Value', '2', '', 1],
        ['demand[0].delivery.costPerOrder', 'Delivery cost per order', '', 'default 0', 1],
        ['demand[0].delivery.costPerUnit', 'Delivery cost per unit', '', 'default 0', 1],
        ['demand[0].delivery.dueDays', 'Due after (days)', '', 'default 2', 1],
      ]);
      // the due date's default said in words under it, and what a delivery does under the switch
      expect(fields.filter((f) => f.help !== undefined).map((f) => [f.key, f.help])).toEqual([
        ['demand[0].delivery', 'Each order ships once complete and reaches its customer a lead time later; its cost counts in transport cost.'],
        ['demand[0].delivery.dueDays', "An order delivered after its due date is late. Empty: the delivery lead time's mean."],
      ]);
      const costed = type(type(on, 'demand[0].delivery.costPerOrder', '4.5'), 'demand[0].delivery.dueDays', '3');
      expect(JSON.parse(costed).demand[0].delivery).toEqual({ leadTime: { type: 'constant', value: 2 }, costPerOrder: 4.5, dueDays: 3 });
      // a negative cost is reported at its field
      const negative = parseScenarioText(type(on, 'demand[0].delivery.costPerUnit', '-1'));
      expect(negative.ok ? [] : negative.issues.map((i) => i.path)).toEqual(['demand[0].delivery.costPerUnit']);
      expect(JSON.parse(type(costed, 'demand[0].delivery', '')).demand[0]).not.toHaveProperty('delivery');
    }
    // the switch says what a delivery does once there is one
    expect(findField(formOf(coffee()), 'demand[0].delivery')?.help).toBeUndefined();
    // units per day have no delivery to offer
    const perPeriod = type(coffeeText, 'demand[0].type', 'perPeriod');
    expect(demandCard(JSON.parse(perPeriod)).fields.some((f) => f.key.includes('delivery'))).toBe(false);
  });

  it('two entries at one stock point without segments: the problem shows at each segment field; segments fix it, the same one twice is reported at the second', () => {
    const added = applyEditToText(coffeeText, formOf(coffee()).sections.find((s) => s.key === 'demand')!.add!.edit(coffee()));
    const twice = type(type(added, 'demand[3].node', 'shop'), 'demand[3].product', 'beans');
    const result = parseScenarioText(twice);
    if (result.ok) throw new Error('expected a problem');
    const anchors = formAnchors(formOf(JSON.parse(twice)));
    expect(placeIssues(result.issues, anchors).placed.map(({ issue, place }) => [place.anchor, issue.message])).toEqual([
      ['demand[0].segment', 'demand for shop/beans has several entries (demand[0], demand[3]): give each a "segment" id'],
      ['demand[3].segment', 'demand for shop/beans has several entries (demand[0], demand[3]): give each a "segment" id'],
    ]);
    const retail = type(twice, 'demand[0].segment', 'retail');
    expect(parsedIssues(type(retail, 'demand[3].segment', 'wholesale'))).toEqual([]);
    expect(parsedIssues(type(retail, 'demand[3].segment', 'retail'))).toEqual([['demand[3].segment', 'duplicate segment "retail" for shop/beans (also in demand[0])']]);
    // the cards are told apart by their segments; an emptied segment is removed
    expect(demandCard(JSON.parse(type(retail, 'demand[3].segment', 'wholesale')), 3).title).toBe('beans at shop, segment wholesale');
    expect(JSON.parse(type(retail, 'demand[0].segment', '')).demand[0]).not.toHaveProperty('segment');
  });

  it('in French, the new fields and choices are in French', () => {
    const model = describeForm(JSON.parse(type(ordersText(), 'demand[0].delivery', 'true')), frenchEditor);
    if (!model.ok) throw new Error(model.reason);
    const card = model.form.sections.find((s) => s.key === 'demand')!.groups[0];
    const at = (key: string) => card.fields.find((f) => f.key === key)!;
    expect(at('demand[0].segment').label).toBe('Segment de clientèle');
    expect(at('demand[0].orderCount').options?.map((o) => o.label)).toEqual(['tiré chaque jour', 'd\u2019un historique quotidien']);
    expect(at('demand[0].size.type').label).toBe('Unités par commande');
    expect(at('demand[0].delivery').label).toBe('Livrer chaque commande à son client');
    expect(at('demand[0].delivery.dueDays').placeholder).toBe('par défaut 2');
    expect(at('demand[0].delivery.dueDays').help).toBe('Une commande livrée après son échéance est en retard. Vide\u00a0: la moyenne du délai de livraison.');
  });
});

describe('the Beer Game fields in the forms (issue 18)', () => {
  const beerText = readFileSync(join(repoRoot, 'scenarios', 'classroom', 'beer-game.json'), 'utf8');
  const beer = () => JSON.parse(beerText) as Record<string, any>;
  const pointCard = (data: unknown, i = 0) => formOf(data).sections.find((s) => s.key === 'stockPoints')!.groups[i];
  const parsedPaths = (text: string) => {
    const result = parseScenarioText(text);
    return result.ok ? [] : result.issues.map((issue) => issue.path);
  };

  it("shows the anchoring-and-adjustment policy: its estimates chosen, each parameter left empty with the estimate's value as placeholder", () => {
    const policy = pointCard(beer()).fields.filter((f) => f.key.startsWith('stockPoints[0].policy'));
    expect(policy.map((f) => [f.key, f.kind, f.label, f.display, f.placeholder ?? '', f.level])).toEqual([
      ['stockPoints[0].policy.type', 'select', 'Policy', 'anchorAndAdjust', '', 0],
      ['stockPoints[0].policy.reviewPeriod', 'number', 'Review every (days)', '7', 'default 1', 1],
      ['stockPoints[0].policy.firstReview', 'number', 'First review (day)', '', 'default 0', 1],
      ['stockPoints[0].policy.estimates', 'select', 'Published estimates', 'sterman1989', '', 1],
      ['stockPoints[0].policy.smoothing', 'number', 'Smoothing of incoming orders, theta [0 to 1]', '', '0.36 (from the estimates)', 1],
      ['stockPoints[0].policy.stockAdjustment', 'number', 'Stock adjustment, alpha_S [0 to 1]', '', '0.26 (from the estimates)', 1],
      ['stockPoints[0].policy.supplyLineWeight', 'number', 'Supply line weight, beta', '', '0.34 (from the estimates)', 1],
      ['stockPoints[0].policy.desiredStock', 'number', "Desired stock, S'", '', '17 (from the estimates)', 1],
      ['stockPoints[0].policy.initialExpectedOrders', 'number', 'Incoming orders expected at first', '4', 'mean demand per review', 1],
    ]);
    const estimates = policy.find((f) => f.key === 'stockPoints[0].policy.estimates')!;
    expect(estimates.options).toEqual([
      { value: '', label: 'none: give the four parameters' },
      { value: 'sterman1989', label: 'Sterman (1989), the players\u2019 mean' },
    ]);
    expect(estimates.structural).toBe(true);
    expect(estimates.help).toBe('Parameters left empty take these estimates\u2019 values (shown in grey); a value typed wins over them.');
    expect(policy.filter((f) => f.help !== undefined).map((f) => f.key.split('.').at(-1))).toEqual(['estimates', 'smoothing', 'stockAdjustment', 'supplyLineWeight', 'desiredStock']);
    // the benchmark variant's overrides give all four, without estimates
    const variants = formOf(beer()).sections.find((s) => s.key === 'variants')!.groups[1];
    const factory = variants.fields.filter((f) => f.key.startsWith('variants[1].policies[1].policy.'));
    expect(factory.map((f) => [f.key.split('.').at(-1), f.display, f.placeholder ?? ''])).toEqual([
      ['type', 'anchorAndAdjust', ''],
      ['reviewPeriod', '7', 'default 1'],
      ['firstReview', '', 'default 0'],
      ['estimates', '', ''],
      ['smoothing', '0', 'needed, or choose estimates'],
      ['stockAdjustment', '1', 'needed, or choose estimates'],
      ['supplyLineWeight', '1', 'needed, or choose estimates'],
      ['desiredStock', '20', 'needed, or choose estimates'],
      ['initialExpectedOrders', '4', 'mean demand per review'],
    ]);
  });

  it('a theta typed wins over the estimates; without estimates, each parameter left empty is reported at its field', () => {
    const typed = type(beerText, 'stockPoints[0].policy.smoothing', '0,5');
    expect(JSON.parse(typed).stockPoints[0].policy).toEqual({ type: 'anchorAndAdjust', reviewPeriod: 7, estimates: 'sterman1989', initialExpectedOrders: 4, smoothing: 0.5 });
    expect(parsedPaths(typed)).toEqual([]);
    expect(findField(formOf(JSON.parse(typed)), 'stockPoints[0].policy.smoothing')?.display).toBe('0.5');
    const none = type(typed, 'stockPoints[0].policy.estimates', '');
    expect(JSON.parse(none).stockPoints[0].policy).toEqual({ type: 'anchorAndAdjust', reviewPeriod: 7, initialExpectedOrders: 4, smoothing: 0.5 });
    const result = parseScenarioText(none);
    if (result.ok) throw new Error('expected problems');
    const form = formOf(JSON.parse(none));
    expect(placeIssues(result.issues, formAnchors(form)).placed.map(({ place }) => place)).toEqual([
      { anchor: 'stockPoints[0].policy.stockAdjustment', rest: '' },
      { anchor: 'stockPoints[0].policy.supplyLineWeight', rest: '' },
      { anchor: 'stockPoints[0].policy.desiredStock', rest: '' },
    ]);
    expect(findField(form, 'stockPoints[0].policy.desiredStock')?.placeholder).toBe('needed, or choose estimates');
    // choosing the estimates again fills them
    expect(parsedPaths(type(none, 'stockPoints[0].policy.estimates', 'sterman1989'))).toEqual([]);
    // a policy switched to anchorAndAdjust starts from what carries over, and asks for the rest
    const switched = type(coffeeText, 'stockPoints[3].policy.type', 'anchorAndAdjust');
    expect(JSON.parse(switched).stockPoints[3].policy.type).toBe('anchorAndAdjust');
    expect(parsedPaths(type(switched, 'stockPoints[3].policy.estimates', 'sterman1989'))).toEqual([]);
  });

  it("shows a stock point's rounding, review timing, backlog cost, initial pipeline and scripted periods, and a lane's order delay and the bullwhip period", () => {
    const data = beer();
    const card = pointCard(data);
    const fields = card.fields.filter((f) => !f.key.includes('.policy') && !f.key.includes('.visibility'));
    expect(fields.map((f) => [f.key, f.kind, f.label, f.display, f.placeholder ?? ''])).toEqual([
      ['stockPoints[0].node', 'idList', 'Node(s)', 'retailer, wholesaler, distributor', ''],
      ['stockPoints[0].product', 'idList', 'Product(s)', 'beer', ''],
      ['stockPoints[0].initialOnHand', 'number', 'Initial stock', '12', "policy's target"],
      ['stockPoints[0].issuing', 'select', 'Units leave the shelf', '', ''],
      ['stockPoints[0].orderRounding', 'select', 'Orders rounded', 'nearest', ''],
      ['stockPoints[0].reviewTiming', 'select', 'Reviews', 'afterDemand', ''],
      ['stockPoints[0].backlogCostPerDay', 'number', 'Backlog cost per unit per day', '0.14285714285714285', 'default 0'],
      ['stockPoints[0].initialPipeline.shipments', 'numberList', 'Shipments under way at the start: days they arrive', '0, 7', ''],
      ['stockPoints[0].initialPipeline.shipments.quantity', 'numberList', 'Shipments under way: quantities (one per day)', '4, 4', ''],
      ['stockPoints[0].initialPipeline.orders', 'numberList', 'Orders in the mail at the start: days the supplier sees them', '0, 7', ''],
      ['stockPoints[0].initialPipeline.orders.quantity', 'numberList', 'Orders in the mail: quantities (one per day)', '4, 4', ''],
      ['stockPoints[0].scriptedOrders[0].fromDay', 'number', 'Scripted period 1: from day', '0', ''],
      ['stockPoints[0].scriptedOrders[0].untilDay', 'number', 'Scripted period 1: until day (not included)', '28', ''],
      ['stockPoints[0].scriptedOrders[0].quantity', 'number', 'Scripted period 1: units ordered at each review', '4', ''],
    ]);
    expect(card.more).toEqual([]);
    const at = (key: string) => card.fields.find((f) => f.key === key)!;
    expect(at('stockPoints[0].orderRounding').options?.map((o) => [o.value, o.label])).toEqual([
      ['', 'default up (never less than asked)'],
      ['up', 'up (never less than asked)'],
      ['nearest', 'to the nearest (halves up)'],
    ]);
    expect(at('stockPoints[0].reviewTiming').options?.map((o) => o.value)).toEqual(['', 'beforeDemand', 'afterDemand']);
    expect(card.fields.filter((f) => f.help !== undefined && !f.key.includes('.policy')).map((f) => f.key)).toEqual([
      'stockPoints[0].orderRounding',
      'stockPoints[0].reviewTiming',
      'stockPoints[0].backlogCostPerDay',
      'stockPoints[0].initialPipeline.shipments',
      'stockPoints[0].initialPipeline.orders',
      'stockPoints[0].scriptedOrders[0].quantity',
    ]);
    expect(card.actions?.map((a) => a.text)).toEqual(['Add a scripted period', 'Remove scripted period 1']);
    // the lane's order delay and the scenario's bullwhip period, with what they are for
    const lane = findField(formOf(data), 'lanes[1].orderDelayDays')!;
    expect([lane.label, lane.display, lane.placeholder, lane.help]).toEqual([
      'Orders reach the supplier after (days)',
      '14',
      'default 0',
      'Days an order takes to reach the supplier (the Beer Game\u2019s mail); it is on order from the moment it is placed.',
    ]);
    const bullwhip = findField(formOf(data), 'bullwhipPeriodDays')!;
    expect([bullwhip.label, bullwhip.display, bullwhip.placeholder]).toEqual(['Bullwhip measured per (days)', '7', 'default 1']);
    expect([findField(formOf(coffee()), 'bullwhipPeriodDays')?.display, findField(formOf(coffee()), 'lanes[0].orderDelayDays')?.display]).toEqual(['', '']);
    // re-entering what every field shows changes nothing
    for (const field of formFields(formOf(data))) {
      if (field.structural) continue;
      expect(JSON.parse(applyEditToText(beerText, field.edit(field.display, data))), field.key).toEqual(data);
    }
  });

  it('edits them in place: selects back to their default, the pipeline as two lists (emptied: removed), scripted periods added and removed', () => {
    const up = type(beerText, 'stockPoints[0].orderRounding', '');
    expect(JSON.parse(up).stockPoints[0]).not.toHaveProperty('orderRounding');
    expect(JSON.parse(type(up, 'stockPoints[0].orderRounding', 'nearest')).stockPoints[0].orderRounding).toBe('nearest');
    expect(JSON.parse(type(beerText, 'stockPoints[1].reviewTiming', 'beforeDemand')).stockPoints[1].reviewTiming).toBe('beforeDemand');
    expect(JSON.parse(type(beerText, 'lanes[0].orderDelayDays', '0')).lanes[0].orderDelayDays).toBe(0);
    expect(JSON.parse(type(beerText, 'bullwhipPeriodDays', '')).bullwhipPeriodDays).toBeUndefined();
    // a third shipment takes quantity 0 until one is typed: the problem shows on the days' list
    const third = type(beerText, 'stockPoints[0].initialPipeline.shipments', '0, 7, 14');
    expect(JSON.parse(third).stockPoints[0].initialPipeline.shipments).toEqual([{ day: 0, quantity: 4 }, { day: 7, quantity: 4 }, { day: 14, quantity: 0 }]);
    const problem = parseScenarioText(third);
    if (problem.ok) throw new Error('expected a problem');
    expect(placeIssues(problem.issues, formAnchors(formOf(JSON.parse(third)))).placed.map(({ place }) => place)).toEqual([
      { anchor: 'stockPoints[0].initialPipeline.shipments', rest: '[2].quantity' },
    ]);
    expect(parsedPaths(type(third, 'stockPoints[0].initialPipeline.shipments.quantity', '4, 4, 2'))).toEqual([]);
    // emptied, a list goes; the last one emptied takes the pipeline with it
    const noShipments = type(beerText, 'stockPoints[0].initialPipeline.shipments', '');
    expect(JSON.parse(noShipments).stockPoints[0].initialPipeline).toEqual({ orders: [{ day: 0, quantity: 4 }, { day: 7, quantity: 4 }] });
    const none = type(noShipments, 'stockPoints[0].initialPipeline.orders', '');
    expect(JSON.parse(none).stockPoints[0]).not.toHaveProperty('initialPipeline');
    expect(parsedPaths(none)).toEqual([]);
    // and back, from nothing
    expect(JSON.parse(type(none, 'stockPoints[0].initialPipeline.orders', '0')).stockPoints[0].initialPipeline).toEqual({ orders: [{ day: 0, quantity: 0 }] });
    // a scripted period added after the last one, at its quantity; removed again
    const card = pointCard(beer());
    const added = applyEditToText(beerText, card.actions![0].edit(beer()));
    expect(JSON.parse(added).stockPoints[0].scriptedOrders).toEqual([
      { fromDay: 0, untilDay: 28, quantity: 4 },
      { fromDay: 28, untilDay: 56, quantity: 4 },
    ]);
    expect(parsedPaths(added)).toEqual([]);
    expect(pointCard(JSON.parse(added)).actions?.map((a) => a.label)).toEqual([
      'Add a scripted period to beer at retailer, wholesaler, distributor',
      'Remove scripted period 1 of beer at retailer, wholesaler, distributor',
      'Remove scripted period 2 of beer at retailer, wholesaler, distributor',
    ]);
    // periods that overlap: at the later one's first day
    const overlap = type(added, 'stockPoints[0].scriptedOrders[1].fromDay', '21');
    const result = parseScenarioText(overlap);
    if (result.ok) throw new Error('expected a problem');
    expect(placeIssues(result.issues, formAnchors(formOf(JSON.parse(overlap)))).placed.map(({ place }) => place)).toEqual([{ anchor: 'stockPoints[0].scriptedOrders[1].fromDay', rest: '' }]);
    const removed = applyEditToText(added, pointCard(JSON.parse(added)).actions![1].edit(JSON.parse(added)));
    expect(JSON.parse(removed).stockPoints[0].scriptedOrders).toEqual([{ fromDay: 28, untilDay: 56, quantity: 4 }]);
    // a point without scripted periods gets a first one of 4 weeks from day 0, ordering nothing
    const coffeeCard = pointCard(coffee(), 3);
    expect(coffeeCard.actions?.map((a) => a.text)).toEqual(['Add a scripted period']);
    expect(JSON.parse(applyEditToText(coffeeText, coffeeCard.actions![0].edit(coffee()))).stockPoints[3].scriptedOrders).toEqual([{ fromDay: 0, untilDay: 28, quantity: 0 }]);
    // scripted orders on a policy that reviews continuously: the problem shows at the first period
    const continuous = type(beerText, 'stockPoints[1].policy.type', 'baseStock');
    const refused = parseScenarioText(continuous);
    if (refused.ok) throw new Error('expected a problem');
    const continuousForm = formOf(JSON.parse(continuous));
    expect(placeIssues(refused.issues, formAnchors(continuousForm)).placed.map(({ place }) => place)).toEqual([{ anchor: 'stockPoints[1].scriptedOrders', rest: '' }]);
    expect(findField(continuousForm, 'stockPoints[1].scriptedOrders')?.key).toBe('stockPoints[1].scriptedOrders[0].fromDay');
  });

  it('in French, the new fields, choices, placeholders and help are in French', () => {
    const model = describeForm(beer(), frenchEditor);
    if (!model.ok) throw new Error(model.reason);
    const at = (key: string) => findField(model.form, key)!;
    expect(at('stockPoints[0].policy.smoothing').placeholder).toBe('0,36 (d\u2019après les estimations)');
    expect(at('stockPoints[0].policy.estimates').options?.map((o) => o.label)).toEqual(['aucune\u00a0: donnez les quatre paramètres', 'Sterman (1989), moyenne des joueurs']);
    expect(at('stockPoints[0].orderRounding').options?.map((o) => o.label)).toEqual(['par défaut au-dessus (jamais moins que demandé)', 'au-dessus (jamais moins que demandé)', 'au plus proche (moitiés vers le haut)']);
    expect(at('stockPoints[0].reviewTiming').label).toBe('Révisions');
    expect(at('stockPoints[0].backlogCostPerDay').label).toBe('Coût du retard par unité et par jour');
    expect(at('stockPoints[0].scriptedOrders[0].untilDay').label).toBe('Période imposée 1\u00a0: jusqu’au jour (exclu)');
    expect(at('lanes[0].orderDelayDays').label).toBe('Commandes reçues par le fournisseur après (jours)');
    expect(at('bullwhipPeriodDays').help).toBe('Les commandes et la demande sont additionnées sur des périodes de ce nombre de jours avant de comparer leurs variances\u00a0: 7 pour une chaîne qui commande chaque semaine.');
  });
});

describe('"$schema" in the forms', () => {
  it("is an editor's hint, not listed among the settings only the JSON view edits", () => {
    const data = coffee();
    expect(data.$schema).toBe('../schema/scenario.schema.json');
    const settings = formOf(data).sections.find((section) => section.key === '(settings)')!;
    expect(settings.groups[0].more).toEqual([]);
    // a field the forms do not show is still listed there
    expect(formOf({ ...data, theory: { model: 'eoq' } }).sections.find((section) => section.key === '(settings)')!.groups[0].more).toEqual(['theory']);
  });
});
