import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatIssues, parseScenario } from '../../src/scenario/parse.ts';
import { scenarioForVariant } from '../../src/scenario/variantSettings.ts';
import { repoRoot } from '../fixtures/scenario.ts';

/** test/fixtures/minimal.json as fresh data, changed by `change`. */
function minimal(change: (scenario: Record<string, any>) => void): Record<string, any> {
  const scenario = JSON.parse(readFileSync(join(repoRoot, 'test', 'fixtures', 'minimal.json'), 'utf8'));
  change(scenario);
  return scenario;
}

function problems(input: unknown): string[] {
  const result = parseScenario(input);
  return result.ok ? [] : formatIssues('scenario.json', result.issues);
}

describe('perishables, damage, returns and recalls: bad input named at its field', () => {
  it('a markdown needs a shelf life and a price, and fewer days than the shelf life', () => {
    expect(problems(minimal((s) => (s.products[0].markdown = { withinDays: 2, discount: 0.3 })))).toEqual([
      'scenario.json: products[0].markdown: a markdown applies near the expiry date; give the product a shelfLifeDays',
    ]);
    expect(problems(minimal((s) => Object.assign(s.products[0], { shelfLifeDays: 5, markdown: { withinDays: 2, discount: 0.3 } })))).toEqual([
      'scenario.json: products[0].markdown: a markdown lowers the price; give the product a price',
    ]);
    expect(problems(minimal((s) => Object.assign(s.products[0], { price: 3, shelfLifeDays: 5, markdown: { withinDays: 5, discount: 0.3 } })))).toEqual([
      'scenario.json: products[0].markdown.withinDays: expected fewer days than the shelf life (5), got 5: every unit would be marked down',
    ]);
    expect(problems(minimal((s) => Object.assign(s.products[0], { price: 3, shelfLifeDays: 5, markdown: { withinDays: 1, discount: 1.5 } })))).toEqual([
      'scenario.json: products[0].markdown.discount: expected a discount in (0, 1], got 1.5',
    ]);
  });

  it('damage rates name storage classes some node has', () => {
    expect(problems(minimal((s) => (s.products[0].damagePerDay = { frozen: 0.01 })))).toEqual([
      'scenario.json: products[0].damagePerDay.frozen: no warehouse or store has storageClass "frozen" (known: ambient)',
    ]);
    expect(problems(minimal((s) => (s.products[0].damagePerDay = { ambient: 2 })))).toEqual(['scenario.json: products[0].damagePerDay.ambient: expected a probability in [0, 1], got 2']);
  });

  it('an issuing discipline applies to products held in lots only', () => {
    expect(problems(minimal((s) => (s.stockPoints[0].issuing = 'fefo')))).toEqual([
      'scenario.json: stockPoints[0].issuing: issuing applies to products held in lots (with shelfLifeDays, or covered by a recall); "widget" is not',
    ]);
    expect(problems(minimal((s) => Object.assign(s.stockPoints[0], { issuing: 'fefo' }, s.products[0].shelfLifeDays = 4)))).toEqual([]);
    expect(problems(minimal((s) => (s.stockPoints[0].issuing = 'newest')))).toEqual(['scenario.json: stockPoints[0].issuing: expected "fifo" or "fefo" or "lifo", got "newest"']);
  });

  it('a recall names a supplier that ships the product, and is announced after its window', () => {
    expect(problems(minimal((s) => (s.recalls = [{ supplier: 'store', receivedFrom: 1, receivedTo: 5, announcedOn: 6 }])))).toEqual([
      'scenario.json: recalls[0].supplier: "store" is a store, not a supplier; a recall names the supplier whose lots it covers',
    ]);
    expect(problems(minimal((s) => (s.recalls = [{ supplier: 'supplier', receivedFrom: 1, receivedTo: 5, announcedOn: 4 }])))).toEqual([
      'scenario.json: recalls[0].announcedOn: expected announcedOn >= receivedTo (a recall covers lots already received)',
    ]);
    expect(
      problems(
        minimal((s) => {
          s.products.push({ id: 'gadget', unitCost: 1, holdingCost: { perUnitPerDay: 0 } });
          s.recalls = [{ supplier: 'supplier', product: 'gadget', receivedFrom: 1, receivedTo: 5, announcedOn: 5 }];
        }),
      ),
    ).toEqual(['scenario.json: recalls[0].product: "supplier" ships no "gadget" to any stock point, so there is nothing to recall']);
  });

  it('the end of life falls on a whole day', () => {
    expect(problems(minimal((s) => (s.products[0].endOfLife = { day: 100.5 })))).toEqual([
      'scenario.json: products[0].endOfLife.day: expected a whole day (demand ends at the start of that day), got 100.5',
    ]);
  });
});

describe('online zones: bad fulfilment named at its field', () => {
  const zone = (change: (scenario: Record<string, any>) => void) =>
    minimal((s) => {
      s.nodes.push({ id: 'dc', type: 'warehouse' }, { id: 'city', type: 'zone' });
      s.lanes.push({ from: 'supplier', to: 'dc', leadTime: { type: 'constant', value: 2 } });
      s.stockPoints.push({ node: 'dc', product: 'widget', policy: { type: 'baseStock', level: 20 } });
      s.demand.push({ type: 'arrivals', node: 'city', product: 'widget', customersPerDay: 5 });
      s.fulfilment = [{ zone: 'city', from: [{ warehouse: 'dc', transitDays: { type: 'constant', value: 1 } }] }];
      change(s);
    });

  it('accepts a zone served by a warehouse that stocks what it orders', () => {
    expect(problems(zone(() => {}))).toEqual([]);
  });

  it('names a zone without fulfilment, a store as a source, a missing stock point and a zone holding stock', () => {
    expect(problems(zone((s) => (s.fulfilment = [])))).toEqual(['scenario.json: nodes[3]: online zone "city" has demand but no fulfilment entry naming the warehouses that serve it']);
    expect(problems(zone((s) => (s.fulfilment[0].from[0].warehouse = 'store')))).toEqual(['scenario.json: fulfilment[0].from[0].warehouse: "store" is a store; online orders ship from warehouses']);
    expect(problems(zone((s) => (s.stockPoints[1].product = 'gadget', s.products.push({ id: 'gadget', unitCost: 1, holdingCost: { perUnitPerDay: 0 } }))))).toEqual([
      'scenario.json: fulfilment[0].from[0].warehouse: "dc" has no stock point for widget, which "city" orders',
    ]);
    expect(problems(zone((s) => s.stockPoints.push({ node: 'city', product: 'widget', policy: { type: 'baseStock', level: 1 } })))).toEqual([
      'scenario.json: stockPoints[2].node: "city" is an online zone; it holds no stock (its orders are shipped from the warehouses its fulfilment entry names)',
    ]);
    expect(problems(zone((s) => (s.fulfilment[0].zone = 'dc')))).toEqual([
      'scenario.json: fulfilment[0].zone: "dc" is a warehouse, not an online zone (a node of type "zone")',
      'scenario.json: nodes[3]: online zone "city" has demand but no fulfilment entry naming the warehouses that serve it',
    ]);
  });

  it('online demand is a stream of orders, and a delivery delay names a zone', () => {
    expect(problems(zone((s) => (s.demand[1] = { type: 'perPeriod', node: 'city', product: 'widget', quantity: { type: 'constant', value: 3 } })))).toEqual([
      'scenario.json: demand[1].type: demand in an online zone ("city") is a stream of orders: expected "arrivals", got "perPeriod"',
    ]);
    expect(
      problems(zone((s) => (s.disruptions = [{ type: 'deliveryDelay', zone: 'dc', multiplier: 2, occurrence: { type: 'scheduled', start: 1, end: 5 } }]))),
    ).toEqual(['scenario.json: disruptions[0].zone: "dc" is a warehouse, not an online zone (use leadTimeMultiplier for lanes)']);
  });
});

describe("a variant's set: changes to the scenario beyond policies", () => {
  const withVariants = (set: unknown[]) =>
    minimal((s) => {
      s.products[0].shelfLifeDays = 10;
      s.variants = [{ id: 'base' }, { id: 'changed', set }];
    });

  it('applies to its variant only, validated like the file', () => {
    const result = parseScenario(withVariants([{ path: '/stockPoints/0/issuing', value: 'fefo' }, { path: '/products/0/shelfLifeDays', value: 4 }]));
    if (!result.ok) throw new Error(result.issues.map((issue) => issue.message).join('\n'));
    const [base, changed] = result.scenario.variants;
    expect(scenarioForVariant(result.scenario, base)).toBe(result.scenario);
    const variantScenario = scenarioForVariant(result.scenario, changed);
    expect(variantScenario.stockPoints[0].issuing).toBe('fefo');
    expect(variantScenario.products[0].shelfLifeDays).toBe(4);
    expect(result.scenario.products[0].shelfLifeDays).toBe(10);
    // asked again, the same object: a run of many replications parses the change once
    expect(scenarioForVariant(result.scenario, changed)).toBe(variantScenario);
  });

  it('names the variant, the entry and the problem when a change is wrong', () => {
    expect(problems(withVariants([{ path: '/seed', value: 7 }]))).toEqual([
      'scenario.json: variants[1].set[0].path: "seed" is shared by every variant and cannot be changed by one',
    ]);
    expect(problems(withVariants([{ path: '/stockPoints/3/issuing', value: 'fefo' }]))).toEqual(['scenario.json: variants[1].set[0].path: /stockPoints has 1 entries; no entry "3"']);
    expect(problems(withVariants([{ path: '/stockPoints/0/issuing', value: 'random' }]))).toEqual([
      'scenario.json: variants[1].set: with these changes, stockPoints[0].issuing: expected "fifo" or "fefo" or "lifo", got "random"',
    ]);
    expect(problems(withVariants([{ path: 'stockPoints/0', value: 1 }]))).toEqual([
      'scenario.json: variants[1].set[0].path: expected a JSON pointer such as "/stockPoints/0/issuing", got "stockPoints/0"',
    ]);
    expect(problems(withVariants([{ path: '/nodes/1/storageClass' }]))).toEqual(['scenario.json: variants[1].set[0].value: expected the value to put at the path']);
  });
});
