import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSimulation, variantsOf } from '../../src/model/build.ts';
import { independentParts, type IndependentPart } from '../../src/model/independentParts.ts';
import { runReplication } from '../../src/experiment/run.ts';
import { idsOf, stockPointKey } from '../../src/scenario/references.ts';
import { parseScenario, formatIssues } from '../../src/scenario/parse.ts';
import type { Scenario, ScenarioInput } from '../../src/scenario/schema.ts';
import { scenarioForVariant } from '../../src/scenario/variantSettings.ts';
import { loadScenarioFile, scenarioFiles, scenarioOf, shortened, twoEchelon } from '../fixtures/scenario.ts';
import { FUZZ_SEED, fuzzRuns } from '../property/fuzzSettings.ts';
import { validScenarioArbitrary } from '../property/validScenarios.ts';

/** The parts as lists of "node/product" keys (easier to read than indexes). */
const keysOf = (parts: IndependentPart[]) => parts.map((part) => part.keys);

const constant = (value: number) => ({ type: 'constant' as const, value });

/**
 * Two products (x, y) at two stores (a, b), from one supplier without capacity, Poisson customers at
 * both: nothing couples any two of its four stock points, a lane carrying both products included.
 * Each test adds one feature. Stock points are numbered a/x, a/y, b/x, b/y (node-major, as build.ts).
 */
function shops(change: (input: ScenarioInput) => void = () => {}): Scenario {
  const input: ScenarioInput = {
    version: 1,
    name: 'two shops',
    horizonDays: 60,
    seed: 'parts',
    products: [
      { id: 'x', unitCost: 10, price: 15, holdingCost: { perUnitPerDay: 0.01 } },
      { id: 'y', unitCost: 10, price: 15, holdingCost: { perUnitPerDay: 0.01 } },
    ],
    nodes: [
      { id: 'supplier', type: 'supplier' },
      { id: 'a', type: 'store' },
      { id: 'b', type: 'store' },
    ],
    lanes: [
      { from: 'supplier', to: 'a', leadTime: { type: 'uniform', min: 1, max: 4 } },
      { from: 'supplier', to: 'b', leadTime: { type: 'uniform', min: 1, max: 4 } },
    ],
    stockPoints: [{ node: ['a', 'b'], product: ['x', 'y'], policy: { type: 'sS', reorderPoint: 5, orderUpTo: 15 } }],
    demand: [{ type: 'arrivals', node: ['a', 'b'], product: ['x', 'y'], customersPerDay: 2 }],
  };
  change(input);
  return scenarioOf(input);
}

const ALONE = [['a/x'], ['a/y'], ['b/x'], ['b/y']];

/** A DC and two stores, two products, the DC with or without a capacity per day. */
const twoProductEchelon = (warehouseCapacityPerDay?: number) =>
  scenarioOf({
    ...twoEchelon({ warehouseCapacityPerDay }),
    products: [
      { id: 'x', unitCost: 10, holdingCost: { perUnitPerDay: 0.01 } },
      { id: 'y', unitCost: 10, holdingCost: { perUnitPerDay: 0.01 } },
    ],
    stockPoints: [
      { node: 'dc', product: ['x', 'y'], policy: { type: 'sS', reorderPoint: 40, orderUpTo: 90 } },
      { node: ['store-1', 'store-2'], product: ['x', 'y'], policy: { type: 'sS', reorderPoint: 8, orderUpTo: 20 } },
    ],
    demand: [{ type: 'arrivals', node: ['store-1', 'store-2'], product: ['x', 'y'], customersPerDay: 3 }],
  });

describe('independent parts: one rule at a time', () => {
  it('numbers stock points as build.ts does: entry by entry, node by node, then product by product', () => {
    const scenario = shops((input) => {
      input.nodes.push({ id: 'c', type: 'store' });
      input.lanes!.push({ from: 'supplier', to: 'c', leadTime: constant(2) });
      input.stockPoints = [
        { node: 'c', product: ['y', 'x'], policy: { type: 'baseStock', level: 4 } },
        { node: ['b', 'a'], product: ['x', 'y'], policy: { type: 'baseStock', level: 4 } },
      ];
      input.demand = [];
    });
    const parts = independentParts(scenario);
    expect(parts.map((part) => part.stockPoints)).toEqual([[0], [1], [2], [3], [4], [5]]);
    expect(parts.flatMap((part) => part.keys)).toEqual(['c/y', 'c/x', 'b/x', 'b/y', 'a/x', 'a/y']);
    const simulation = buildSimulation(scenario, variantsOf(scenario)[0], '1');
    expect(simulation.stockPoints.map((point) => stockPointKey(point.node, point.productId))).toEqual(parts.flatMap((part) => part.keys));
  });

  it('keeps apart stock points that share only a supplier without capacity and the lanes it ships over', () => {
    const parts = independentParts(shops());
    expect(keysOf(parts)).toEqual(ALONE);
    expect(parts.map((part) => part.why)).toEqual([[], [], [], []]);
    // what each uses to be built alone: the shared supplier, lane and demand entry appear in each
    expect(parts[0]).toMatchObject({ nodes: ['a', 'supplier'], products: ['x'], lanes: ['supplier->a'], demand: [0], customerBases: [], disruptions: [] });
    expect(parts[3]).toMatchObject({ nodes: ['b', 'supplier'], products: ['y'], lanes: ['supplier->b'], demand: [0] });
  });

  it('replenishment: joins a warehouse stock point with the stock points it supplies, product by product', () => {
    const scenario = scenarioOf({
      ...twoEchelon(),
      products: [
        { id: 'x', unitCost: 10, holdingCost: { perUnitPerDay: 0.01 } },
        { id: 'y', unitCost: 10, holdingCost: { perUnitPerDay: 0.01 } },
      ],
      stockPoints: [
        { node: 'dc', product: ['x', 'y'], policy: { type: 'echelonBaseStock', level: 40 }, allocation: { type: 'priority', rank: { 'store-1': 0 } } },
        { node: ['store-1', 'store-2'], product: ['x', 'y'], policy: { type: 'forecast', method: { type: 'movingAverage', periods: 3 }, allowReturns: true } },
      ],
      demand: [{ type: 'arrivals', node: ['store-1', 'store-2'], product: ['x', 'y'], customersPerDay: 3 }],
    });
    const parts = independentParts(scenario);
    // echelon base stock, priority allocation and returns upstream stay on each product's chain
    expect(keysOf(parts)).toEqual([
      ['dc/x', 'store-1/x', 'store-2/x'],
      ['dc/y', 'store-1/y', 'store-2/y'],
    ]);
    expect(parts[0].why.map((coupling) => [coupling.rule, coupling.text])).toEqual([
      ['replenishment', 'dc/x replenishes store-1/x'],
      ['replenishment', 'dc/x replenishes store-2/x'],
    ]);
    expect(parts[0].stockPoints).toEqual([0, 2, 4]);
    expect(parts[0].lanes).toEqual(['supplier->dc', 'dc->store-1', 'dc->store-2']);
  });

  it('supplierCapacity: joins every stock point a supplier with a capacity per day ships to, all products', () => {
    const parts = independentParts(shops((input) => (input.nodes[0] = { id: 'supplier', type: 'supplier', capacityPerDay: 50 })));
    expect(keysOf(parts)).toEqual([['a/x', 'a/y', 'b/x', 'b/y']]);
    expect(parts[0].why).toEqual([
      { rule: 'supplierCapacity', stockPoints: [0, 1, 2, 3], text: 'a/x, a/y, b/x and b/y share the shipping capacity of supplier supplier (50 a day)' },
    ]);
  });

  it('supplierCapacity: joins only the points of the supplier that has the capacity', () => {
    const parts = independentParts(
      shops((input) => {
        input.nodes.push({ id: 'plant', type: 'supplier', capacityPerDay: 10 });
        input.lanes!.push({ from: 'plant', to: 'b', leadTime: constant(2) });
        input.stockPoints = [
          { node: 'a', product: ['x', 'y'], policy: { type: 'sS', reorderPoint: 5, orderUpTo: 15 } },
          { node: 'b', product: ['x', 'y'], source: 'plant', policy: { type: 'sS', reorderPoint: 5, orderUpTo: 15 } },
        ];
      }),
    );
    expect(keysOf(parts)).toEqual([['a/x'], ['a/y'], ['b/x', 'b/y']]);
    expect(parts[2].nodes).toEqual(['b', 'plant']);
  });

  it('productionStage: joins the stock points whose orders wait for the same servers; a processing time alone joins nothing', () => {
    const withServers = independentParts(shops((input) => (input.nodes[0] = { id: 'supplier', type: 'supplier', leadTime: constant(1), servers: 2 })));
    expect(keysOf(withServers)).toEqual([['a/x', 'a/y', 'b/x', 'b/y']]);
    expect(withServers[0].why.map((coupling) => coupling.text)).toEqual(['a/x, a/y, b/x and b/y wait for the same 2 servers of supplier supplier']);
    const processingOnly = independentParts(shops((input) => (input.nodes[0] = { id: 'supplier', type: 'supplier', leadTime: constant(1) })));
    expect(keysOf(processingOnly)).toEqual(ALONE);
  });

  it('warehouseCapacity: joins every stock point a warehouse with a capacity per day ships to, all products', () => {
    expect(keysOf(independentParts(twoProductEchelon()))).toEqual([
      ['dc/x', 'store-1/x', 'store-2/x'],
      ['dc/y', 'store-1/y', 'store-2/y'],
    ]);
    const capped = independentParts(twoProductEchelon(100));
    expect(keysOf(capped)).toEqual([['dc/x', 'dc/y', 'store-1/x', 'store-1/y', 'store-2/x', 'store-2/y']]);
    expect(capped[0].why.at(-1)).toEqual({
      rule: 'warehouseCapacity',
      stockPoints: [2, 3, 4, 5],
      text: 'store-1/x, store-1/y, store-2/x and store-2/y share the shipping capacity of warehouse dc (100 a day)',
    });
  });

  it('customerBase: joins the products of the node whose customers leave after a stockout, and nothing else', () => {
    const parts = independentParts(shops((input) => (input.customers = [{ node: 'a', initial: 100 }])));
    expect(keysOf(parts)).toEqual([['a/x', 'a/y'], ['b/x'], ['b/y']]);
    expect(parts[0].why).toEqual([{ rule: 'customerBase', stockPoints: [0, 1], text: 'a/x and a/y share the customer base of a' }]);
    expect(parts[0].customerBases).toEqual([0]);
    expect(parts[1].customerBases).toEqual([]);
  });

  it('customerBase: a node selling one product only joins nothing', () => {
    const parts = independentParts(
      shops((input) => {
        input.demand = [{ type: 'arrivals', node: 'a', product: 'x', customersPerDay: 2 }, { type: 'arrivals', node: 'b', product: ['x', 'y'], customersPerDay: 2 }];
        input.customers = [{ node: 'a', initial: 100 }];
      }),
    );
    expect(keysOf(parts)).toEqual(ALONE);
    expect(parts[0].customerBases).toEqual([0]);
  });

  /** Warehouses w1, w2 holding x and y from one supplier; zones z1, z2 served as `fulfilment` says. */
  const online = (fulfilment: NonNullable<ScenarioInput['fulfilment']>, demand: ScenarioInput['demand'], customers: ScenarioInput['customers'] = []) =>
    scenarioOf({
      version: 1,
      name: 'online',
      horizonDays: 60,
      products: [
        { id: 'x', unitCost: 10, holdingCost: { perUnitPerDay: 0.01 } },
        { id: 'y', unitCost: 10, holdingCost: { perUnitPerDay: 0.01 } },
      ],
      nodes: [
        { id: 'supplier', type: 'supplier' },
        { id: 'w1', type: 'warehouse' },
        { id: 'w2', type: 'warehouse' },
        { id: 'z1', type: 'zone' },
        { id: 'z2', type: 'zone' },
      ],
      lanes: [
        { from: 'supplier', to: 'w1', leadTime: constant(2) },
        { from: 'supplier', to: 'w2', leadTime: constant(3) },
      ],
      stockPoints: [{ node: ['w1', 'w2'], product: ['x', 'y'], policy: { type: 'sS', reorderPoint: 5, orderUpTo: 15 } }],
      demand,
      customers,
      fulfilment,
    });

  it('onlineZone: joins the warehouses serving a zone, and the products the zone orders', () => {
    const source = (warehouse: string) => ({ warehouse, transitDays: constant(1) });
    // z1 orders x from w1 or w2; z2 orders y from w2 only: w1/y serves nobody
    const apart = independentParts(
      online(
        [
          { zone: 'z1', from: [source('w1'), source('w2')] },
          { zone: 'z2', from: [source('w2')] },
        ],
        [
          { type: 'arrivals', node: 'z1', product: 'x', customersPerDay: 2 },
          { type: 'arrivals', node: 'z2', product: 'y', customersPerDay: 2 },
        ],
      ),
    );
    expect(keysOf(apart)).toEqual([['w1/x', 'w2/x'], ['w1/y'], ['w2/y']]);
    expect(apart[0]).toMatchObject({ zones: ['z1'], fulfilment: [0], demand: [0], nodes: ['w1', 'supplier', 'w2', 'z1'] });
    expect(apart[0].why.map((coupling) => coupling.text)).toEqual(['w1/x and w2/x serve the online zone z1']);
    expect(apart[2]).toMatchObject({ zones: ['z2'], fulfilment: [1], demand: [1] });
    // one zone ordering both products from w1: they share its tally, so are joined
    const together = independentParts(online([{ zone: 'z1', from: [source('w1')] }], [{ type: 'arrivals', node: 'z1', product: ['x', 'y'], customersPerDay: 2 }]));
    expect(keysOf(together)).toEqual([['w1/x', 'w1/y'], ['w2/x'], ['w2/y']]);
  });

  it('customerBase of an online zone: joins the warehouse stock points serving it', () => {
    const source = (warehouse: string) => ({ warehouse, transitDays: constant(1) });
    const parts = independentParts(
      online(
        [
          { zone: 'z1', from: [source('w1')] },
          { zone: 'z2', from: [source('w2')] },
        ],
        [
          { type: 'arrivals', node: 'z1', product: 'x', customersPerDay: 2 },
          { type: 'arrivals', node: 'z2', product: 'y', customersPerDay: 2 },
        ],
        [{ node: 'z1', initial: 50 }],
      ),
    );
    expect(keysOf(parts)).toEqual([['w1/x'], ['w1/y'], ['w2/x'], ['w2/y']]);
    expect(parts[0]).toMatchObject({ customerBases: [0], zones: ['z1'] });
    expect(parts[3]).toMatchObject({ customerBases: [], zones: ['z2'] });
  });

  it('recall: joins every stock point of the recalled product, whichever supplier it comes from', () => {
    const scenario = shops((input) => {
      input.nodes.push({ id: 'other', type: 'supplier' });
      input.lanes!.push({ from: 'other', to: 'b', leadTime: constant(2) });
      input.stockPoints = [
        { node: 'a', product: ['x', 'y'], policy: { type: 'sS', reorderPoint: 5, orderUpTo: 15 } },
        { node: 'b', product: ['x', 'y'], source: 'other', policy: { type: 'sS', reorderPoint: 5, orderUpTo: 15 } },
      ];
      input.recalls = [{ name: 'bad batch', supplier: 'supplier', product: 'x', receivedFrom: 0, receivedTo: 10, announcedOn: 20 }];
    });
    const parts = independentParts(scenario);
    // b/x comes from another supplier, but the recall holds it in lots as well (build.ts inLots)
    expect(keysOf(parts)).toEqual([['a/x', 'b/x'], ['a/y'], ['b/y']]);
    expect(parts[0].why).toEqual([{ rule: 'recall', stockPoints: [0, 2], text: 'a/x and b/x hold lots of x that recall "bad batch" covers' }]);
    expect(parts[0].recalls).toEqual([0]);
    expect(parts[1].recalls).toEqual([]);
  });

  it('recall: a recall naming no product covers every product its supplier ships', () => {
    const parts = independentParts(shops((input) => (input.recalls = [{ supplier: 'supplier', receivedFrom: 0, receivedTo: 10, announcedOn: 20 }])));
    expect(keysOf(parts)).toEqual([['a/x', 'a/y', 'b/x', 'b/y']]);
    expect(parts[0].why.map((coupling) => coupling.text)).toEqual(['a/x, a/y, b/x and b/y hold lots of x, y that recall "recall#0" covers']);
  });

  it('randomDisruption: joins what one random draw acts on; a scheduled disruption joins nothing', () => {
    const slowLane = (occurrence: NonNullable<ScenarioInput['disruptions']>[number]['occurrence']) =>
      shops((input) => (input.disruptions = [{ type: 'leadTimeMultiplier', lanes: ['supplier->a'], multiplier: 2, occurrence }]));
    const random = independentParts(slowLane({ type: 'random', ratePerYear: 4, duration: constant(5) }));
    expect(keysOf(random)).toEqual([['a/x', 'a/y'], ['b/x'], ['b/y']]);
    expect(random[0].why).toEqual([{ rule: 'randomDisruption', stockPoints: [0, 1], text: 'a/x and a/y are hit by the same random draw of disruption "leadTimeMultiplier#0"' }]);
    expect(random.map((part) => part.disruptions)).toEqual([[0], [], []]);
    const scheduled = independentParts(slowLane({ type: 'scheduled', start: 10, end: 20 }));
    expect(keysOf(scheduled)).toEqual(ALONE);
    // listed where it acts, so that each part can be built with it
    expect(scheduled.map((part) => part.disruptions)).toEqual([[0], [0], [], []]);

    const outage = independentParts(
      shops((input) => (input.disruptions = [{ type: 'supplierOutage', name: 'strike', node: 'supplier', occurrence: { type: 'random', ratePerYear: 2, duration: constant(3) } }])),
    );
    expect(keysOf(outage)).toEqual([['a/x', 'a/y', 'b/x', 'b/y']]);
    const scheduledOutage = independentParts(
      shops((input) => (input.disruptions = [{ type: 'supplierOutage', node: 'supplier', occurrence: { type: 'scheduled', start: 5, end: 9 } }])),
    );
    expect(keysOf(scheduledOutage)).toEqual(ALONE);
  });

  it('randomDisruption: a capacity loss at a warehouse joins the points it ships to (already one part by its capacity)', () => {
    const parts = independentParts(
      scenarioOf(
        twoEchelon({
          warehouseCapacityPerDay: 50,
          disruptions: [{ type: 'capacityLoss', node: 'dc', fraction: 0.5, occurrence: { type: 'random', ratePerYear: 3, duration: constant(4) } }],
        }),
      ),
    );
    expect(keysOf(parts)).toEqual([['dc/widget', 'store-1/widget', 'store-2/widget']]);
    expect(parts[0].disruptions).toEqual([0]);
  });

  it('joins nothing for what each stock point draws on its own: shocks, seasonality, end of life, returns, damage, shrinkage', () => {
    const scenario = shops((input) => {
      input.products = input.products.map((product) => ({
        ...product,
        shelfLifeDays: 20,
        damagePerDay: { ambient: 0.01 },
        endOfLife: { day: 40 },
        returns: { fraction: 0.1, afterDays: constant(3), restockShare: 0.5 },
      }));
      input.stockPoints = [
        { node: ['a', 'b'], product: ['x', 'y'], policy: { type: 'sS', reorderPoint: 5, orderUpTo: 15 }, issuing: 'fefo', visibility: { shrinkagePerDay: 0.01, countEveryDays: 7 } },
      ];
      input.demand = [
        {
          type: 'arrivals',
          node: ['a', 'b'],
          product: ['x', 'y'],
          customersPerDay: 2,
          seasonality: { weekly: [1, 1, 1, 1, 1.5, 2, 0.5] },
          // one entry, one shock: drawn per stock point (build.ts `shock:<node>/<product>:<name>`)
          shocks: [{ name: 'heatwave', multiplier: 2, occurrence: { type: 'random', ratePerYear: 6, duration: constant(5) } }],
        },
      ];
    });
    expect(keysOf(independentParts(scenario))).toEqual(ALONE);
    // a demand stream per (node, product): no stream feeds two stock points
    const simulation = buildSimulation(scenario, variantsOf(scenario)[0], '1');
    expect(simulation.demandStreams.map((stream) => stream.stockPoint)).toEqual([0, 1, 2, 3]);
  });

  it("is computed on a variant's scenario: its settings may change coupling, its policies cannot", () => {
    const scenario = shops((input) => {
      input.variants = [
        { id: 'policies', policies: [{ policy: { type: 'echelonBaseStock', level: 10 } }, { node: 'a', policy: { type: 'rQ', reorderPoint: 3, orderQuantity: 9 } }] },
        { id: 'capped', set: [{ path: '/nodes/0/capacityPerDay', value: 30 }] },
        { id: 'loyal', set: [{ path: '/customers', value: [{ node: 'b', initial: 40 }] }] },
      ];
    });
    const [policies, capped, loyal] = scenario.variants.map((variant) => keysOf(independentParts(scenarioForVariant(scenario, variant))));
    expect(policies).toEqual(ALONE);
    expect(capped).toEqual([['a/x', 'a/y', 'b/x', 'b/y']]);
    expect(loyal).toEqual([['a/x'], ['a/y'], ['b/x', 'b/y']]);
  });
});

// ---------------------------------------------------------------------------------------------
// a part run alone gives its stock points the numbers of the whole run

/**
 * The scenario of one part: its stock points, the demand, customers, zones, recalls and disruptions
 * it lists (disruptions and recalls keep their names, which seed their streams); every product, node
 * and lane kept. Variants and the theory model are left out (they may name what is not here).
 */
function scenarioOfPart(scenario: Scenario, part: IndependentPart): Scenario {
  const simulation = buildSimulation(scenario, variantsOf(scenario)[0], '1');
  const keys = new Set(part.keys);
  const pointEntries = part.stockPoints.map((i) => {
    const point = simulation.stockPoints[i];
    const entry = scenario.stockPoints.find((e) => idsOf(e.node).includes(point.node) && idsOf(e.product).includes(point.productId))!;
    return { ...entry, node: point.node, product: point.productId };
  });
  const zones = new Set(part.zones);
  const demand = part.demand.flatMap((d) => {
    const entry = scenario.demand[d];
    return idsOf(entry.node).flatMap((node) =>
      idsOf(entry.product)
        .filter((product) => keys.has(stockPointKey(node, product)) || (zones.has(node) && part.products.includes(product)))
        .map((product) => ({ ...entry, node, product })),
    );
  });
  const input = {
    ...scenario,
    variants: [],
    stockPoints: pointEntries,
    demand,
    customers: part.customerBases.map((b) => scenario.customers[b]),
    fulfilment: part.fulfilment.map((f) => scenario.fulfilment[f]),
    recalls: part.recalls.map((r) => ({ ...scenario.recalls[r], name: scenario.recalls[r].name ?? `recall#${r}` })),
    disruptions: part.disruptions.map((d) => ({ ...scenario.disruptions[d], name: scenario.disruptions[d].name ?? `${scenario.disruptions[d].type}#${d}` })),
  } as ScenarioInput;
  delete input.theory;
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(formatIssues('part', parsed.issues).join('\n'));
  return parsed.scenario;
}

/** Each stock point's counters in replication 0 of the baseline, whole network against its part alone. */
function countersAlone(scenario: Scenario, part: IndependentPart) {
  const whole = runReplication({ ...scenario, variants: [] }, 0, 0, { series: false });
  const alone = runReplication(scenarioOfPart(scenario, part), 0, 0, { series: false });
  return { whole: part.stockPoints.map((i) => whole.stockPoints[i].counters), alone: alone.stockPoints.map((point) => point.counters) };
}

describe('a part run alone', () => {
  it.each(['scenarios/06-winter-clothing.json', 'scenarios/08-fresh-food-fefo.json', 'scenarios/data/import-example/scenario.json'])(
    'gives its stock points the same counters as the whole run, to the bit (%s)',
    (file) => {
      const loaded = loadScenarioFile(file);
      if (!loaded.ok) throw new Error(`${file} does not parse`);
      const parts = independentParts(loaded.scenario);
      expect(parts.length).toBeGreaterThan(1);
      for (const part of parts) {
        const { whole, alone } = countersAlone(loaded.scenario, part);
        expect(alone).toEqual(whole);
      }
    },
  );

  it('gives two of bench-A\'s stock points the counters of the whole network (60 days)', () => {
    const loaded = loadScenarioFile('scenarios/bench/retail-1000.json');
    if (!loaded.ok) throw new Error('bench-A does not parse');
    const scenario = shortened(loaded.scenario, 60, 1);
    const parts = independentParts(scenario);
    const whole = runReplication(scenario, 0, 0, { series: false });
    for (const p of [0, 537]) {
      const alone = runReplication(scenarioOfPart(scenario, parts[p]), 0, 0, { series: false });
      expect(alone.stockPoints.map((point) => point.counters)).toEqual([whole.stockPoints[p].counters]);
    }
  });

  it('gives the same counters for small networks with each feature that couples nothing, and for each coupled part', () => {
    const cases = [
      shops(),
      shops((input) => (input.customers = [{ node: 'a', initial: 60, churn: { onStockout: 0.5 } }])),
      shops((input) => (input.recalls = [{ supplier: 'supplier', product: 'x', receivedFrom: 0, receivedTo: 15, announcedOn: 25 }])),
      shops((input) => (input.disruptions = [{ type: 'leadTimeMultiplier', lanes: ['supplier->a'], multiplier: 3, occurrence: { type: 'random', ratePerYear: 20, duration: constant(6) } }])),
      shops((input) => (input.disruptions = [{ type: 'supplierOutage', node: 'supplier', occurrence: { type: 'scheduled', start: 5, end: 15 } }])),
      shops((input) => {
        input.demand = [{ type: 'arrivals', node: ['a', 'b'], product: ['x', 'y'], customersPerDay: 2, shocks: [{ multiplier: 3, occurrence: { type: 'random', ratePerYear: 12, duration: constant(4) } }] }];
      }),
    ];
    for (const scenario of cases) {
      for (const part of independentParts(scenario)) {
        const { whole, alone } = countersAlone(scenario, part);
        expect(alone).toEqual(whole);
      }
    }
  });

  /** The part holding `keys[0]`, cut down to `keys`: what a rule left out would give. */
  const cutDown = (scenario: Scenario, keys: string[]): IndependentPart => {
    const part = independentParts(scenario).find((p) => p.keys.includes(keys[0]))!;
    const stockPoints = part.stockPoints.filter((_, k) => keys.includes(part.keys[k]));
    return { ...part, stockPoints, keys: stockPoints.map((i) => part.keys[part.stockPoints.indexOf(i)]), products: [...new Set(keys.map((key) => key.split('/')[1]))] };
  };

  // the controls for the tests above: each rule is needed, and the comparison can tell
  it.each([
    ['customerBase', shops((input) => (input.customers = [{ node: 'a', initial: 60, churn: { onStockout: 0.5 } }])), ['a/x']],
    ['supplierCapacity', shops((input) => (input.nodes[0] = { id: 'supplier', type: 'supplier', capacityPerDay: 5 })), ['a/x']],
    ['productionStage', shops((input) => (input.nodes[0] = { id: 'supplier', type: 'supplier', leadTime: { type: 'exponential', mean: 1 }, servers: 1 })), ['a/x']],
    ['warehouseCapacity', twoProductEchelon(5), ['dc/x', 'store-1/x', 'store-2/x']],
    [
      'recall',
      shops((input) => {
        input.products[0] = { ...input.products[0], damagePerDay: { ambient: 0.05 } };
        input.nodes.push({ id: 'other', type: 'supplier' });
        input.lanes!.push({ from: 'other', to: 'b', leadTime: constant(2) });
        input.stockPoints = [
          { node: 'a', product: ['x', 'y'], policy: { type: 'sS', reorderPoint: 5, orderUpTo: 15 } },
          { node: 'b', product: ['x', 'y'], source: 'other', policy: { type: 'sS', reorderPoint: 5, orderUpTo: 15 } },
        ];
        input.recalls = [{ supplier: 'supplier', product: 'x', receivedFrom: 0, receivedTo: 10, announcedOn: 20 }];
      }),
      ['b/x'],
    ],
  ] as const)('differs when %s is ignored and its points run apart', (rule, scenario, keys) => {
    const part = cutDown(scenario, [...keys]);
    // a point the recall does not reach directly would not list it either
    const { whole, alone } = countersAlone(scenario, rule === 'recall' ? { ...part, recalls: [] } : part);
    expect(alone).not.toEqual(whole);
  });

  it('agrees even when a random disruption is ignored: its windows come from a stream named after it (joined on the safe side)', () => {
    const scenario = shops((input) => (input.disruptions = [{ type: 'leadTimeMultiplier', name: 'fog', lanes: ['supplier->a'], multiplier: 3, occurrence: { type: 'random', ratePerYear: 20, duration: constant(6) } }]));
    expect(independentParts(scenario)[0].keys).toEqual(['a/x', 'a/y']);
    const { whole, alone } = countersAlone(scenario, cutDown(scenario, ['a/x']));
    expect(alone).toEqual(whole);
  });
});

// ---------------------------------------------------------------------------------------------
// gallery, bench-A

/** Every stock point of the scenario in exactly one part, parts in order of their first point. */
function expectPartition(scenario: Scenario, parts: IndependentPart[]) {
  const simulation = buildSimulation(scenario, variantsOf(scenario)[0], '1');
  const all = parts.flatMap((part) => part.stockPoints);
  expect([...all].sort((a, b) => a - b)).toEqual(simulation.stockPoints.map((_, i) => i));
  for (const part of parts) expect(part.stockPoints).toEqual([...part.stockPoints].sort((a, b) => a - b));
  expect(parts.map((part) => part.stockPoints[0])).toEqual([...parts.map((part) => part.stockPoints[0])].sort((a, b) => a - b));
  for (const part of parts) expect(part.keys).toEqual(part.stockPoints.map((i) => stockPointKey(simulation.stockPoints[i].node, simulation.stockPoints[i].productId)));
  // what couples belongs to one part
  for (const field of ['customerBases', 'fulfilment', 'recalls', 'zones'] as const) {
    const owned = parts.flatMap((part) => part[field] as unknown[]);
    expect(new Set(owned).size).toBe(owned.length);
  }
}

describe('independent parts of the gallery', () => {
  // the counts found (base scenario): one line per file whose parts are more than one
  const EXPECTED_PARTS: Record<string, number> = {
    'scenarios/06-winter-clothing.json': 2,
    'scenarios/08-fresh-food-fefo.json': 2,
    'scenarios/bench/retail-1000.json': 1000,
    'scenarios/data/import-example/scenario.json': 6,
  };

  it.each(scenarioFiles())('%s: every stock point in exactly one part, in every variant', (file) => {
    const loaded = loadScenarioFile(file);
    if (!loaded.ok) throw new Error(`${file} does not parse`);
    const scenario = loaded.scenario;
    const parts = independentParts(scenario);
    expectPartition(scenario, parts);
    expect(parts.length).toBe(EXPECTED_PARTS[file] ?? 1);
    for (const variant of scenario.variants) {
      const variantScenario = scenarioForVariant(scenario, variant);
      expectPartition(variantScenario, independentParts(variantScenario));
    }
  });

  it('splits bench-A into its 1,000 stock points: one unlimited supplier, no warehouse, no customer base', () => {
    const loaded = loadScenarioFile('scenarios/bench/retail-1000.json');
    if (!loaded.ok) throw new Error('bench-A does not parse');
    const scenario = loaded.scenario;
    // not 100 parts (one per SKU): a SKU's ten stores share only the supplier, which has no capacity
    expect(scenario.nodes.filter((node) => node.type === 'warehouse')).toEqual([]);
    expect(scenario.nodes.find((node) => node.type === 'supplier')).toEqual({ id: 'supplier', type: 'supplier' });
    expect(scenario.customers).toEqual([]);
    const parts = independentParts(scenario);
    expect(parts.length).toBe(1000);
    expect(parts.every((part, i) => part.stockPoints.length === 1 && part.stockPoints[0] === i && part.why.length === 0)).toBe(true);
    expect(parts[101].keys).toEqual(['store-02/sku-002']);

    // milliseconds: time a few calls after a first one (not a benchmark; a guard against a quadratic slip)
    independentParts(scenario);
    const times: number[] = [];
    for (let k = 0; k < 5; k++) {
      const start = performance.now();
      independentParts(scenario);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    console.info(`independentParts(bench-A): median ${times[2].toFixed(2)} ms over 5 calls`);
    expect(times[2]).toBeLessThan(500);
  });
});

// ---------------------------------------------------------------------------------------------
// property: generated networks

/**
 * What a stock point shares with others, written from the scenario's fields (not from the function's
 * union-find): two points sharing a resource must be in one part. `supply:<point>` is shared by an
 * upstream point and the points it supplies.
 */
function resourcesOf(scenario: Scenario): string[][] {
  const simulation = buildSimulation(scenario, variantsOf(scenario)[0], '1');
  const points = simulation.stockPoints;
  const nodeById = new Map(scenario.nodes.map((node) => [node.id, node]));
  const keyIndex = new Map(points.map((point, i) => [stockPointKey(point.node, point.productId), i]));
  const resources = points.map((): string[] => []);
  const sourceOf = (i: number) => {
    const lane = simulation.lanes[points[i].supply.lane].id;
    return scenario.lanes.find((l) => (l.id ?? `${l.from}->${l.to}`) === lane)!.from;
  };
  points.forEach((point, i) => {
    const key = stockPointKey(point.node, point.productId);
    const source = sourceOf(i);
    const sourceNode = nodeById.get(source)!;
    resources[i].push(`supply:${key}`);
    if (point.supply.upstream >= 0) resources[i].push(`supply:${stockPointKey(source, point.productId)}`);
    if (sourceNode.type !== 'zone' && sourceNode.type !== 'store' && sourceNode.capacityPerDay !== undefined) resources[i].push(`capacity:${source}`);
    if (sourceNode.type === 'supplier' && sourceNode.servers !== undefined) resources[i].push(`servers:${source}`);
    const lane = simulation.lanes[point.supply.lane].id;
    scenario.disruptions.forEach((d, j) => {
      if (d.occurrence.type !== 'random') return;
      if ((d.type === 'supplierOutage' || d.type === 'capacityLoss') && d.node === source) resources[i].push(`disruption:${j}`);
      if (d.type === 'leadTimeMultiplier' && d.lanes.includes(lane)) resources[i].push(`disruption:${j}`);
    });
  });
  // demand: at a store or warehouse, its own point; at a zone, the zone's warehouses
  for (const entry of scenario.demand) {
    for (const node of idsOf(entry.node)) {
      for (const product of idsOf(entry.product)) {
        const fulfilment = scenario.fulfilment.find((f) => f.zone === node);
        const serving = fulfilment ? fulfilment.from.map((source) => keyIndex.get(stockPointKey(source.warehouse, product))!) : [keyIndex.get(stockPointKey(node, product))!];
        for (const i of serving) {
          if (scenario.customers.some((base) => base.node === node)) resources[i].push(`customers:${node}`);
          if (fulfilment) resources[i].push(`zone:${node}`);
          scenario.disruptions.forEach((d, j) => {
            if (d.type === 'deliveryDelay' && d.zone === node && d.occurrence.type === 'random') resources[i].push(`disruption:${j}`);
          });
        }
      }
    }
  }
  // recalls: every point of the products recalled (build.ts: all products the supplier ships when none is named)
  scenario.recalls.forEach((recall, r) => {
    const products = recall.product !== undefined ? idsOf(recall.product) : points.filter((_, i) => sourceOf(i) === recall.supplier).map((point) => point.productId);
    points.forEach((point, i) => {
      if (products.includes(point.productId)) resources[i].push(`recall:${r}`);
    });
  });
  return resources;
}

/** Partition, soundness (no resource shared across parts) and no needless joins (each part connected by shared resources). */
function checkParts(scenario: Scenario): void {
  const parts = independentParts(scenario);
  const resources = resourcesOf(scenario);
  const n = resources.length;
  const partOf = new Int32Array(n).fill(-1);
  parts.forEach((part, p) =>
    part.stockPoints.forEach((i) => {
      if (partOf[i] !== -1) throw new Error(`stock point ${i} is in parts ${partOf[i]} and ${p}`);
      partOf[i] = p;
    }),
  );
  if (partOf.some((p) => p === -1)) throw new Error('a stock point is in no part');
  const holders = new Map<string, number[]>();
  resources.forEach((list, i) => list.forEach((resource) => holders.set(resource, [...(holders.get(resource) ?? []), i])));
  for (const [resource, points] of holders) {
    const where = new Set(points.map((i) => partOf[i]));
    if (where.size > 1) throw new Error(`${resource} is shared by stock points ${points.join(', ')} in parts ${[...where].join(', ')}`);
  }
  for (const part of parts) {
    const reached = new Set([part.stockPoints[0]]);
    const queue = [part.stockPoints[0]];
    while (queue.length > 0) {
      const i = queue.pop()!;
      for (const resource of resources[i]) {
        for (const j of holders.get(resource)!) {
          if (!reached.has(j)) {
            reached.add(j);
            queue.push(j);
          }
        }
      }
    }
    if (reached.size !== part.stockPoints.length) throw new Error(`part ${part.keys.join(' ')} joins points that share nothing: ${part.why.map((c) => c.text).join('; ')}`);
  }
}

/** true one time in four: features that couple, rare enough that most networks split */
const sometimes = fc.nat(3).map((n) => n === 0);

const occurrenceArbitrary = fc.oneof(
  fc.constant({ type: 'scheduled' as const, start: 5, end: 12 }),
  fc.constant({ type: 'random' as const, ratePerYear: 6, duration: constant(3) }),
);

/**
 * Networks of 1 to 2 suppliers (with or without capacity, servers), 0 to 2 warehouses (with or without
 * capacity), 1 to 4 stores and 0 to 2 online zones, 2 to 4 products stocked where the recipe says,
 * with customer bases, recalls and disruptions of every kind; and what each point does on its own
 * (lots with expiry, returns, damage, end of life, shrinkage, periodic, echelon and forecast policies
 * returning stock upstream, allocation rules, per-period demand, random shocks). About half split.
 */
const networkArbitrary = fc
  .record({
    suppliers: fc.array(fc.record({ capacity: sometimes, servers: sometimes }), { minLength: 1, maxLength: 2 }),
    warehouses: fc.array(fc.record({ capacity: sometimes, supplier: fc.nat() }), { minLength: 0, maxLength: 2 }),
    stores: fc.array(fc.record({ source: fc.nat(), base: sometimes }), { minLength: 1, maxLength: 4 }),
    products: fc.integer({ min: 2, max: 4 }),
    /** per (holding node, product): stocked or not */
    stocked: fc.array(fc.boolean(), { minLength: 24, maxLength: 24 }),
    /** per product: what each of its stock points draws on its own (lots, returns, damage, end of life) */
    care: fc.array(fc.record({ shelfLife: sometimes, returns: sometimes, damage: sometimes, endOfLife: sometimes }), { minLength: 4, maxLength: 4 }),
    /** per stock point (cycled): policy, allocation, shrinkage */
    policies: fc.array(fc.constantFrom('sS', 'periodicRS', 'echelonBaseStock', 'forecast'), { minLength: 1, maxLength: 5 }),
    allocation: fc.constantFrom('fifo', 'fairShare', 'priority'),
    shrinkage: sometimes,
    /** per store demand (cycled): arrivals, per period, with a random shock */
    demand: fc.array(fc.constantFrom('arrivals', 'perPeriod', 'shocked'), { minLength: 1, maxLength: 3 }),
    zones: fc.array(fc.record({ from: fc.array(fc.nat(), { minLength: 1, maxLength: 2 }), products: fc.array(fc.nat(), { minLength: 1, maxLength: 2 }), base: sometimes }), { maxLength: 2 }),
    recalls: fc.array(fc.record({ supplier: fc.nat(), product: fc.option(fc.nat(), { nil: undefined }) }), { maxLength: 1 }).filter((list) => list.length === 0 || list[0].supplier % 3 === 0),
    disruptions: fc.array(fc.record({ kind: fc.constantFrom('supplierOutage', 'capacityLoss', 'leadTimeMultiplier', 'deliveryDelay'), target: fc.nat(), occurrence: occurrenceArbitrary }), { maxLength: 3 }),
  })
  .map((r): ScenarioInput | null => {
    const products = Array.from({ length: r.products }, (_, p) => `p${p}`);
    const suppliers = r.suppliers.map((s, i) => ({
      id: `s${i}`,
      type: 'supplier' as const,
      ...(s.capacity ? { capacityPerDay: 40 } : {}),
      ...(s.servers ? { leadTime: constant(1), servers: 2 } : {}),
    }));
    const warehouses = r.warehouses.map((w, i) => ({ id: `w${i}`, type: 'warehouse' as const, ...(w.capacity ? { capacityPerDay: 4 } : {}) }));
    const stores = r.stores.map((_, i) => ({ id: `t${i}`, type: 'store' as const }));
    const zones = r.zones.map((_, i) => ({ id: `z${i}`, type: 'zone' as const }));
    const lanes: NonNullable<ScenarioInput['lanes']> = [];
    const sourceOf = new Map<string, string>();
    r.warehouses.forEach((w, i) => {
      const from = suppliers[w.supplier % suppliers.length].id;
      lanes.push({ from, to: warehouses[i].id, leadTime: { type: 'uniform', min: 1, max: 3 } });
      sourceOf.set(warehouses[i].id, from);
    });
    const uppers = [...suppliers.map((s) => s.id), ...warehouses.map((w) => w.id)];
    r.stores.forEach((s, i) => {
      const from = uppers[s.source % uppers.length];
      lanes.push({ id: `lane-${i}`, from, to: stores[i].id, leadTime: constant(2) });
      sourceOf.set(stores[i].id, from);
    });
    // stock: a store stocks a product when the recipe says and its source (a warehouse) does too
    const holding = [...warehouses.map((w) => w.id), ...stores.map((s) => s.id)];
    const stockedAt = new Set<string>();
    holding.forEach((node, n) =>
      products.forEach((product, p) => {
        const source = sourceOf.get(node)!;
        const upstreamOk = !source.startsWith('w') || stockedAt.has(stockPointKey(source, product));
        if (r.stocked[(n * 4 + p) % r.stocked.length] && upstreamOk) stockedAt.add(stockPointKey(node, product));
      }),
    );
    if (stockedAt.size === 0) return null;
    const policyOf = (k: number): NonNullable<ScenarioInput['stockPoints']>[number]['policy'] => {
      const type = r.policies[k % r.policies.length];
      if (type === 'periodicRS') return { type, reviewPeriod: 3, orderUpTo: 20 };
      if (type === 'echelonBaseStock') return { type, level: 25 };
      if (type === 'forecast') return { type, method: { type: 'movingAverage', periods: 3 }, safetyFactor: 1, allowReturns: true };
      return { type: 'sS', reorderPoint: 5, orderUpTo: 20 };
    };
    const stockPoints = [...stockedAt].map((key, k) => {
      const [node, product] = key.split('/');
      const lots = r.care[products.indexOf(product)].shelfLife;
      return {
        node,
        product,
        policy: policyOf(k),
        ...(node.startsWith('w') && r.allocation !== 'fifo' ? { allocation: r.allocation === 'priority' ? { type: 'priority' as const } : { type: 'fairShare' as const } } : {}),
        ...(lots ? { issuing: 'fefo' as const } : {}),
        ...(r.shrinkage ? { visibility: { shrinkagePerDay: 0.02, countEveryDays: 5 } } : {}),
      };
    });
    const demand: NonNullable<ScenarioInput['demand']> = [...stockedAt]
      .filter((key) => key.startsWith('t'))
      .map((key) => {
        const [node, product] = key.split('/');
        const kind = r.demand[products.indexOf(product) % r.demand.length];
        if (kind === 'perPeriod') return { type: 'perPeriod' as const, node, product, quantity: { type: 'poisson' as const, mean: 2 } };
        const shocks = kind === 'shocked' ? [{ multiplier: 3, occurrence: { type: 'random' as const, ratePerYear: 20, duration: constant(3) } }] : [];
        return { type: 'arrivals' as const, node, product, customersPerDay: 2, shocks };
      });
    const fulfilment: NonNullable<ScenarioInput['fulfilment']> = [];
    const customers: NonNullable<ScenarioInput['customers']> = [];
    r.zones.forEach((z, i) => {
      if (warehouses.length === 0) return;
      const from = [...new Set(z.from.map((k) => warehouses[k % warehouses.length].id))];
      const ordered = [...new Set(z.products.map((k) => products[k % products.length]))].filter((product) => from.every((w) => stockedAt.has(stockPointKey(w, product))));
      if (ordered.length === 0) return;
      fulfilment.push({ zone: zones[i].id, from: from.map((warehouse) => ({ warehouse, transitDays: constant(1) })) });
      demand.push({ type: 'arrivals', node: zones[i].id, product: ordered, customersPerDay: 2 });
      if (z.base) customers.push({ node: zones[i].id, initial: 30 });
    });
    r.stores.forEach((s, i) => {
      if (s.base && demand.some((d) => d.node === stores[i].id)) customers.push({ node: stores[i].id, initial: 30 });
    });
    const shipsTo = (supplier: string) => [...stockedAt].filter((key) => sourceOf.get(key.split('/')[0]) === supplier).map((key) => key.split('/')[1]);
    const recalls: NonNullable<ScenarioInput['recalls']> = r.recalls.flatMap((recall) => {
      const supplier = suppliers[Math.floor(recall.supplier / 3) % suppliers.length].id;
      const shipped = shipsTo(supplier);
      if (shipped.length === 0) return [];
      return [{ supplier, ...(recall.product !== undefined ? { product: shipped[recall.product % shipped.length] } : {}), receivedFrom: 0, receivedTo: 10, announcedOn: 20 }];
    });
    const disruptions: NonNullable<ScenarioInput['disruptions']> = r.disruptions.flatMap((d): NonNullable<ScenarioInput['disruptions']> => {
      if (d.kind === 'supplierOutage') return [{ type: 'supplierOutage', node: suppliers[d.target % suppliers.length].id, occurrence: d.occurrence }];
      if (d.kind === 'capacityLoss') {
        const capped = [...suppliers, ...warehouses].filter((node) => node.capacityPerDay !== undefined);
        return capped.length === 0 ? [] : [{ type: 'capacityLoss', node: capped[d.target % capped.length].id, fraction: 0.5, occurrence: d.occurrence }];
      }
      if (d.kind === 'leadTimeMultiplier') {
        const lane = lanes[d.target % lanes.length];
        return [{ type: 'leadTimeMultiplier', lanes: [lane.id ?? `${lane.from}->${lane.to}`], multiplier: 2, occurrence: d.occurrence }];
      }
      return fulfilment.length === 0 ? [] : [{ type: 'deliveryDelay', zone: fulfilment[d.target % fulfilment.length].zone, multiplier: 2, occurrence: d.occurrence }];
    });
    return {
      version: 1,
      name: 'generated network',
      horizonDays: 30,
      products: products.map((id, p) => ({
        id,
        unitCost: 5,
        price: 8,
        holdingCost: { perUnitPerDay: 0.01 },
        ...(r.care[p].shelfLife ? { shelfLifeDays: 8 } : {}),
        ...(r.care[p].returns ? { returns: { fraction: 0.2, afterDays: constant(2), restockShare: 0.5 } } : {}),
        ...(r.care[p].damage ? { damagePerDay: { ambient: 0.02 } } : {}),
        ...(r.care[p].endOfLife ? { endOfLife: { day: 20, salvageValue: 1 } } : {}),
      })),
      nodes: [...suppliers, ...warehouses, ...stores, ...zones],
      lanes,
      stockPoints,
      demand,
      customers,
      fulfilment,
      recalls,
      disruptions,
    };
  })
  .filter((input): input is ScenarioInput => input !== null);

describe('independent parts of generated networks (property)', () => {
  it(`are disjoint, cover every stock point, share no coupling across parts and join only what couples (${fuzzRuns(300)} cases)`, () => {
    fc.assert(
      fc.property(networkArbitrary, (input) => {
        const parsed = parseScenario(input);
        if (!parsed.ok) throw new Error(`the generator made an invalid scenario:\n${formatIssues('generated', parsed.issues).join('\n')}`);
        checkParts(parsed.scenario);
      }),
      { numRuns: fuzzRuns(300), seed: FUZZ_SEED },
    );
  });

  it(`hold for the conservation suite's generated scenarios, every feature that moves units (${fuzzRuns(200)} cases)`, () => {
    fc.assert(
      fc.property(validScenarioArbitrary, (input) => {
        const parsed = parseScenario(input);
        if (!parsed.ok) throw new Error(`the generator made an invalid scenario:\n${formatIssues('generated', parsed.issues).join('\n')}`);
        for (const variant of variantsOf(parsed.scenario)) checkParts(scenarioForVariant(parsed.scenario, variant));
      }),
      { numRuns: fuzzRuns(200), seed: FUZZ_SEED },
    );
  });
});

describe('each part of a generated scenario run alone (property)', () => {
  /** Throws with the first stock point whose counters differ between the whole run and its part's. */
  const checkRunAlone = (scenario: Scenario) => {
    const whole = runReplication({ ...scenario, variants: [] }, 0, 0, { series: false });
    for (const part of independentParts(scenario)) {
      const alone = runReplication(scenarioOfPart(scenario, part), 0, 0, { series: false });
      part.stockPoints.forEach((i, k) => {
        expect(alone.stockPoints[k].counters, `${part.keys[k]} in part ${part.keys.join(' ')}`).toEqual(whole.stockPoints[i].counters);
      });
    }
  };

  it(`gives its stock points the counters of the whole run: generated networks (${fuzzRuns(100)} cases)`, () => {
    fc.assert(
      fc.property(networkArbitrary, (input) => {
        const parsed = parseScenario(input);
        if (!parsed.ok) throw new Error(formatIssues('generated', parsed.issues).join('\n'));
        checkRunAlone(parsed.scenario);
      }),
      { numRuns: fuzzRuns(100), seed: FUZZ_SEED },
    );
  });

  it(`gives its stock points the counters of the whole run: the conservation suite's scenarios (${fuzzRuns(150)} cases)`, () => {
    fc.assert(
      fc.property(validScenarioArbitrary, (input) => {
        const parsed = parseScenario(input);
        if (!parsed.ok) throw new Error(formatIssues('generated', parsed.issues).join('\n'));
        checkRunAlone(parsed.scenario);
      }),
      { numRuns: fuzzRuns(150), seed: FUZZ_SEED },
    );
  }, 60_000);
});
