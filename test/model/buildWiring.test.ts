import { describe, expect, it } from 'vitest';
import { buildSimulation, planStockPoints, variantsOf } from '../../src/model/build.ts';
import type { ServiceTargetRule } from '../../src/model/policies/serviceTarget.ts';
import { NO_CARE } from '../../src/model/productCare.ts';
import type { Simulation } from '../../src/model/simulation.ts';
import type { ScenarioInput } from '../../src/scenario/schema.ts';
import { scenarioOf } from '../fixtures/scenario.ts';

/**
 * How buildSimulation wires a scenario into a simulation, read from the built simulation before it
 * runs (nothing is simulated): the statistics each policy is given, the stock points' settings, the
 * network's shape, the gates, disruptions, recalls and warnings. Expected values are worked out by
 * hand from the scenario and docs/SCENARIO.md, the scenario format.
 */

function built(input: ScenarioInput, variant = 0): Simulation {
  const scenario = scenarioOf(input);
  return buildSimulation(scenario, variantsOf(scenario)[variant], 'wiring');
}

const product = { id: 'w', unitCost: 10, holdingCost: { perUnitPerDay: 0.02 } };

describe('variants and stock point plans', () => {
  it('a scenario without variants compares one baseline made of its own policies', () => {
    const scenario = scenarioOf({
      version: 1,
      name: 'no variants',
      horizonDays: 10,
      products: [product],
      nodes: [
        { id: 'sup', type: 'supplier' },
        { id: 'st', type: 'store' },
      ],
      lanes: [{ from: 'sup', to: 'st', leadTime: { type: 'constant', value: 1 } }],
      stockPoints: [{ node: 'st', product: 'w', policy: { type: 'baseStock', level: 3 } }],
    });
    expect(variantsOf(scenario)).toEqual([{ id: 'baseline', name: 'Baseline', policies: [], set: [] }]);
    const withVariants = { ...scenario, variants: [{ id: 'a', policies: [], set: [] }] };
    expect(variantsOf(withVariants)).toEqual([{ id: 'a', policies: [], set: [] }]);
  });

  it('expands node and product lists, and applies the matching overrides of a variant, the later winning', () => {
    const scenario = scenarioOf({
      version: 1,
      name: 'plans',
      horizonDays: 10,
      products: [product, { ...product, id: 'v' }],
      nodes: [
        { id: 'sup', type: 'supplier' },
        { id: 'a', type: 'store' },
        { id: 'b', type: 'store' },
      ],
      lanes: [
        { from: 'sup', to: 'a', leadTime: { type: 'constant', value: 1 } },
        { from: 'sup', to: 'b', leadTime: { type: 'constant', value: 1 } },
      ],
      stockPoints: [{ node: ['a', 'b'], product: ['w', 'v'], policy: { type: 'baseStock', level: 1 } }],
      variants: [
        {
          id: 'x',
          policies: [
            { node: 'b', policy: { type: 'baseStock', level: 2 } },
            { product: ['v'], policy: { type: 'baseStock', level: 3 } },
            { node: ['a'], product: 'w', policy: { type: 'baseStock', level: 4 } },
            { node: 'b', product: 'w', policy: { type: 'baseStock', level: 5 } },
          ],
        },
      ],
    });
    const baseline = planStockPoints(scenario, { id: 'baseline', policies: [], set: [] });
    expect(baseline.map((plan) => [plan.key, plan.node, plan.product])).toEqual([
      ['a/w', 'a', 'w'],
      ['a/v', 'a', 'v'],
      ['b/w', 'b', 'w'],
      ['b/v', 'b', 'v'],
    ]);
    expect(baseline.every((plan) => plan.entry === scenario.stockPoints[0])).toBe(true);
    expect(baseline.map((plan) => (plan.policy as { level: number }).level)).toEqual([1, 1, 1, 1]);
    const levels = planStockPoints(scenario, scenario.variants[0]).map((plan) => (plan.policy as { level: number }).level);
    // a/w: only the third; a/v: the second; b/w: first, then the fourth; b/v: first, then the second
    expect(levels).toEqual([4, 3, 5, 3]);
    // an override for another node or product changes nothing
    const elsewhere = planStockPoints(scenario, {
      id: 'y',
      policies: [
        { node: 'c', policy: { type: 'baseStock', level: 7 } },
        { product: 'u', policy: { type: 'baseStock', level: 8 } },
        { node: 'a', product: 'u', policy: { type: 'baseStock', level: 9 } },
      ],
      set: [],
    });
    expect(elsewhere.map((plan) => (plan.policy as { level: number }).level)).toEqual([1, 1, 1, 1]);
  });
});

/**
 * supplier (processing uniform 0-2 days) -> central -> dc -> stores a, b, c, listed top first, with
 * serviceTarget policies at cycle service level 0.5 (safety factor 0), so each policy's lead-time
 * demand statistics are exactly what build gave it: mean = d L, sd = sqrt(L var_d + d² var_L).
 */
function network(): ScenarioInput {
  const policy = { type: 'serviceTarget' as const, target: { cycleServiceLevel: 0.5 }, orderQuantity: 10 };
  return {
    version: 1,
    name: 'demand statistics',
    horizonDays: 20,
    products: [{ id: 'w', unitCost: 10, holdingCost: { perUnitPerDay: 0.02 }, orderingCost: 8 }],
    nodes: [
      { id: 'sup', type: 'supplier', leadTime: { type: 'uniform', min: 0, max: 2 } },
      { id: 'central', type: 'warehouse' },
      { id: 'dc', type: 'warehouse' },
      { id: 'a', type: 'store' },
      { id: 'b', type: 'store' },
      { id: 'c', type: 'store' },
    ],
    lanes: [
      { from: 'sup', to: 'central', leadTime: { type: 'uniform', min: 2, max: 4 } },
      { from: 'central', to: 'dc', leadTime: { type: 'constant', value: 1 } },
      { from: 'dc', to: 'a', leadTime: { type: 'constant', value: 2 } },
      { from: 'dc', to: 'b', leadTime: { type: 'uniform', min: 1, max: 2 } },
      { from: 'dc', to: 'c', leadTime: { type: 'constant', value: 1 } },
    ],
    stockPoints: [
      { node: 'central', product: 'w', policy },
      { node: 'dc', product: 'w', policy },
      { node: 'a', product: 'w', policy },
      { node: 'b', product: 'w', policy: { type: 'serviceTarget', target: { cycleServiceLevel: 0.5 } }, orderingCost: 50, holdingCost: { annualRate: 0.365 } },
      { node: 'c', product: 'w', policy },
    ],
    demand: [
      { type: 'arrivals', node: 'a', product: 'w', customersPerDay: 2, quantity: { type: 'uniform', min: 1, max: 3 } },
      { type: 'perPeriod', node: 'c', product: 'w', quantity: { type: 'uniform', min: 0, max: 6 } },
      { type: 'history', node: 'b', product: 'w', series: [1, 2, 3, 6] },
    ],
  };
}

describe('what each policy is told about its demand and lead time', () => {
  const simulation = built(network());
  const rule = (i: number) => simulation.stockPoints[i].policy as ServiceTargetRule;

  it('customer arrivals are compound Poisson demand', () => {
    // 2/day x uniform(1, 3) (mean 2, variance 1/3): mean 4, variance 2 (1/3 + 4) = 26/3.
    // Lead time 2 days, certain: mean 8, sd sqrt(2 x 26/3)
    expect(rule(2).leadTimeDemandMean).toBeCloseTo(8, 12);
    expect(rule(2).leadTimeDemandSd).toBeCloseTo(Math.sqrt(52 / 3), 12);
    expect(rule(2).reorderPoint).toBeCloseTo(8, 9);
  });

  it('per-period demand is the daily quantity as it is', () => {
    // uniform(0, 6): mean 3, variance 3; lead time 1
    expect(rule(4).leadTimeDemandMean).toBeCloseTo(3, 12);
    expect(rule(4).leadTimeDemandSd).toBeCloseTo(Math.sqrt(3), 12);
  });

  it('a history is taken as daily demand with its sample mean and variance', () => {
    // [1, 2, 3, 6]: mean 3, variance (4 + 1 + 0 + 9) / 3 = 14/3; lead time uniform(1, 2): mean 1.5,
    // variance 1/12. sd = sqrt(1.5 x 14/3 + 9/12) = sqrt(7.75)
    expect(rule(3).leadTimeDemandMean).toBeCloseTo(4.5, 12);
    expect(rule(3).leadTimeDemandSd).toBeCloseTo(Math.sqrt(7.75), 12);
  });

  it('a history of a single day has no variance', () => {
    const input = network();
    input.demand![2] = { type: 'history', node: 'b', product: 'w', series: Array<number>(20).fill(5) };
    input.demand!.push({ type: 'history', node: 'a', product: 'w', series: [4] });
    input.demand!.splice(0, 1);
    const simulation = built(input);
    const a = simulation.stockPoints[2].policy as ServiceTargetRule;
    // [4]: mean 4, variance 0; lead time 2, certain
    expect(a.leadTimeDemandMean).toBe(8);
    expect(a.leadTimeDemandSd).toBe(0);
  });

  it('a point without customers faces the sum of the demand of the points it supplies, however deep', () => {
    // dc: 4 + 3 + 3 = 10 a day, variance 26/3 + 14/3 + 3 = 49/3; lead time 1: mean 10, sd sqrt(49/3)
    expect(rule(1).leadTimeDemandMean).toBeCloseTo(10, 12);
    expect(rule(1).leadTimeDemandSd).toBeCloseTo(Math.sqrt(49 / 3), 12);
    // central: the same daily demand; lead time transit uniform(2, 4) (mean 3, variance 1/3) plus the
    // supplier's processing uniform(0, 2) (mean 1, variance 1/3): mean 4, variance 2/3.
    // mean 40, sd sqrt(4 x 49/3 + 100 x 2/3) = sqrt(132)
    expect(rule(0).leadTimeDemandMean).toBeCloseTo(40, 12);
    expect(rule(0).leadTimeDemandSd).toBeCloseTo(Math.sqrt(132), 12);
  });

  it('the expected lead time each point promises from is the same mean, processing included', () => {
    expect(simulation.stockPoints.map((point) => point.expectedLeadDays)).toEqual([4, 1, 2, 1.5, 1]);
  });

  it('costs: the stock point’s own ordering and holding costs win over the product’s, an annual rate is on unit cost', () => {
    // b: EOQ sqrt(2 K d / h) with K = 50 (its own), d = 3, h = 0.365 x 10 / 365 = 0.01: sqrt(30000) =
    // 173.2, rounded up to 174 (the product's K = 8 and h = 0.02 would give sqrt(2400) -> 49)
    expect(rule(3).lotSize).toBe(174);
    expect(simulation.stockPoints[3].holdingCostPerDay).toBeCloseTo(0.01, 15);
    expect(simulation.stockPoints[3].orderingCost).toBe(50);
    expect(simulation.stockPoints[2].holdingCostPerDay).toBe(0.02);
    expect(simulation.stockPoints[2].orderingCost).toBe(8);
  });

  it('a product without a price has none at its points', () => {
    expect(simulation.stockPoints.map((point) => point.price)).toEqual([null, null, null, null, null]);
  });
});

/**
 * supplier (capacity 100) -> dc (warehouse, capacity 40, chilled) -> stores s1 (ambient) and s2 (chilled), two
 * products: w (priced, backordered by default) and p (perishable, damaged in chilled storage, end of
 * life, returns). Customers buy at s1 only; s1 has a customer base.
 */
function settings(): ScenarioInput {
  return {
    version: 1,
    name: 'stock point settings',
    horizonDays: 100,
    shortageShipping: 'complete',
    products: [
      { id: 'w', unitCost: 10, price: 15, holdingCost: { perUnitPerDay: 0.02 }, unmetDemand: 'backorder', stockoutPenalty: 4, backorderCostPerDay: 0.5 },
      {
        id: 'p',
        unitCost: 2,
        price: 3,
        holdingCost: { perUnitPerDay: 0.01 },
        shelfLifeDays: 10,
        disposalCostPerUnit: 0.3,
        markdown: { withinDays: 2, discount: 0.5 },
        damagePerDay: { chilled: 0.01 },
        endOfLife: { day: 50, salvageValue: 1 },
        returns: { fraction: 0.1, afterDays: { type: 'constant', value: 3 }, restockShare: 0.6, reconditionCostPerUnit: 0.2, scrapCostPerUnit: 0.4 },
      },
    ],
    nodes: [
      { id: 'sup', type: 'supplier', capacityPerDay: 100 },
      { id: 'dc', type: 'warehouse', capacityPerDay: 40, storageClass: 'chilled' },
      { id: 's1', type: 'store' },
      { id: 's2', type: 'store', storageClass: 'chilled' },
    ],
    lanes: [
      { from: 'sup', to: 'dc', leadTime: { type: 'constant', value: 2 } },
      { from: 'dc', to: 's1', leadTime: { type: 'constant', value: 1 } },
      { from: 'dc', to: 's2', leadTime: { type: 'constant', value: 1 } },
    ],
    stockPoints: [
      { node: 'dc', product: ['w', 'p'], policy: { type: 'sS', reorderPoint: 5, orderUpTo: 20 }, shortageShipping: 'partial' },
      {
        node: 's1',
        product: 'w',
        policy: { type: 'baseStock', level: -3 },
        unmetDemand: 'lost',
        casePack: 6,
        minOrderQuantity: 12,
        visibility: { shrinkagePerDay: 0.01, countEveryDays: 7, countDelayDays: 2 },
      },
      { node: 's1', product: 'p', policy: { type: 'baseStock', level: 5 }, initialOnHand: 2, issuing: 'fefo', visibility: { shrinkagePerDay: 0.01, countDelayDays: 4, realTime: true } },
      { node: 's2', product: ['w', 'p'], policy: { type: 'rQ', reorderPoint: 3, orderQuantity: 4 }, visibility: { shrinkagePerDay: 0.02 } },
    ],
    demand: [{ type: 'arrivals', node: 's1', product: ['w', 'p'], customersPerDay: 2 }],
    customers: [{ node: 's1', initial: 100 }],
  };
}

describe('each stock point as the scenario sets it', () => {
  const simulation = built(settings());
  const [dcW, dcP, s1W, s1P, s2W, s2P] = simulation.stockPoints;

  it('points are numbered in plan order, with their node, product and supply', () => {
    expect(simulation.stockPoints.map((point) => [point.index, point.node, point.productId, point.product])).toEqual([
      [0, 'dc', 'w', 0],
      [1, 'dc', 'p', 1],
      [2, 's1', 'w', 0],
      [3, 's1', 'p', 1],
      [4, 's2', 'w', 0],
      [5, 's2', 'p', 1],
    ]);
    // the dc orders from the supplier's gate; the stores from the dc's point of the same product
    expect([dcW.supply.supplier, dcW.supply.upstream, dcP.supply.upstream]).toEqual([0, -1, -1]);
    expect([s1W.supply.supplier, s1W.supply.upstream, s1P.supply.upstream, s2P.supply.upstream]).toEqual([-1, 0, 1, 1]);
    expect(simulation.stockPoints.map((point) => point.supply.lane)).toEqual([0, 0, 1, 1, 2, 2]);
    expect(s1W.supply.leadTime.mean).toBe(1);
    expect(dcW.supply.processing).toBeNull();
    expect(dcW.supply.stage).toBe(-1);
  });

  it('gates: the supplier’s and the dc’s (which ships to the stores), with their capacities; stores ship to no point', () => {
    expect(simulation.gates.map((gate) => [gate.node, gate.capacityPerDay])).toEqual([
      ['sup', 100],
      ['dc', 40],
    ]);
    expect(simulation.stockPoints.map((point) => point.gate)).toEqual([1, 1, -1, -1, -1, -1]);
  });

  it('the initial stock: as written, else the policy’s default, never below 0', () => {
    expect(dcW.onHand).toBe(20);
    expect(dcW.initialOnHand).toBe(20);
    expect(s1W.onHand).toBe(0); // base stock level -3
    expect(s1P.onHand).toBe(2);
    expect(s2W.onHand).toBe(7); // r + Q
  });

  it('prices and costs of the product, unmet demand and shortage shipping as overridden', () => {
    expect([s1W.unitCost, s1W.price, s1W.stockoutPenalty, s1W.backorderCostPerDay]).toEqual([10, 15, 4, 0.5]);
    expect(s1P.price).toBe(3);
    expect(s1P.unitCost).toBe(2);
    // w is backordered, but s1 loses its sales
    expect(simulation.stockPoints.map((point) => point.backorderCustomers)).toEqual([true, false, false, false, true, false]);
    // the scenario ships complete orders; the dc ships partial ones
    expect(simulation.stockPoints.map((point) => point.shipComplete)).toEqual([false, false, true, true, true, true]);
    expect([s1W.casePack, s1W.minOrderQuantity, s1P.casePack, s1P.minOrderQuantity]).toEqual([6, 12, 1, 0]);
  });

  it('customers: only s1 faces them, and serves its base', () => {
    expect(simulation.stockPoints.map((point) => point.customerFacing)).toEqual([false, false, true, true, false, false]);
    expect(simulation.stockPoints.map((point) => point.customerBase)).toEqual([-1, -1, 0, 0, -1, -1]);
    expect(simulation.customerBases.map((base) => [base.node, base.active])).toEqual([['s1', 100]]);
    expect(simulation.stockPoints.map((point) => point.servesOnline)).toEqual([false, false, false, false, false, false]);
  });

  it('the stock record: counted on the days written, daily in real time, never by default', () => {
    expect(dcW.visibility).toBeNull();
    expect(s1W.visibility).toMatchObject({ shrinkagePerDay: 0.01, countEveryDays: 7, countDelayDays: 2, foundInFlight: 0 });
    expect(s1P.visibility).toMatchObject({ shrinkagePerDay: 0.01, countEveryDays: 1, countDelayDays: 0, foundInFlight: 0 });
    expect(s2W.visibility).toMatchObject({ shrinkagePerDay: 0.02, countEveryDays: Infinity, countDelayDays: 0, foundInFlight: 0 });
    expect(typeof s2W.visibility!.draws).toBe('function');
  });

  it('a perishable product is held in lots, with what comes to a store from the dc in lots too', () => {
    expect([dcW.lots, s1W.lots, s1W.inbound]).toEqual([null, null, null]);
    expect(dcP.lots).not.toBeNull();
    expect(dcP.inbound).toBeNull(); // supplied by a supplier: its receipts are new lots
    expect(s1P.lots).not.toBeNull();
    expect(s1P.inbound).not.toBeNull();
    expect(simulation.stockPoints.map((point) => point.issuing)).toEqual(['fifo', 'fifo', 'fifo', 'fefo', 'fifo', 'fifo']);
  });

  it('product care: none for w; for p its shelf life, markdown, end of life, returns, and damage in chilled storage only', () => {
    expect(dcW.care).toBe(NO_CARE);
    expect(s1W.care).toBe(NO_CARE);
    expect(s1W.care.returns).toBeNull();
    expect(s1W.care.damage).toBeNull();
    expect(dcP.care).toMatchObject({
      lots: true,
      shelfLifeDays: 10,
      disposalCostPerUnit: 0.3,
      markdown: { withinDays: 2, discount: 0.5 },
      damagePerDay: 0.01,
      endOfLifeDay: 50,
      salvageValue: 1,
      recallable: false,
    });
    expect(dcP.care.damage).not.toBeNull();
    expect(s1P.care.damagePerDay).toBe(0); // ambient
    expect(s1P.care.damage).toBeNull();
    expect(s2P.care.damagePerDay).toBe(0.01); // chilled, with its own damage draws
    expect(s2P.care.damage).not.toBe(dcP.care.damage);
    expect(s1P.care.returns).toMatchObject({ fraction: 0.1, restockShare: 0.6, reconditionCostPerUnit: 0.2, scrapCostPerUnit: 0.4 });
    expect(s1P.care.returns!.delay.mean).toBe(3);
    expect(typeof s1P.care.returns!.decisions).toBe('function');
  });

  it('the network’s shape: whom each point supplies', () => {
    expect(dcW.downstream).toEqual([s1W, s2W]);
    expect(dcP.downstream).toEqual([s1P, s2P]);
    expect(s1W.downstream).toEqual([]);
  });

  it('end-of-life days per product, and the run covers the horizon', () => {
    expect(simulation.horizon).toBe(100);
    expect(simulation.days).toBe(100);
    expect(simulation.stockPoints.every((point) => point.windowDays === 100)).toBe(true);
  });
});

describe('demand streams and customer bases', () => {
  it('one stream per (node, product) of each demand entry, tied to its stock point, product and customer base', () => {
    const input = settings();
    input.demand = [
      { type: 'arrivals', node: 's1', product: ['w', 'p'], customersPerDay: 2.5, quantity: { type: 'uniform', min: 1, max: 2 } },
      { type: 'history', node: 's2', product: 'w', series: [4, 5] },
      { type: 'perPeriod', node: 's2', product: 'p', quantity: { type: 'constant', value: 3 }, seasonality: { weekly: [1, 1, 1, 1, 1, 2, 2] } },
    ];
    input.customers = [
      { node: 's2', initial: 10, churn: { onStockout: 0.2, onBackorder: 0.3, onLate: 0.4, onAbandon: 0.5 }, newPerDay: 1.5, lifetimeValue: 70 },
      { node: 's1', initial: 20 },
    ];
    const simulation = built(input);
    const streams = simulation.demandStreams;
    expect(streams.map((stream) => [stream.index, stream.kind, stream.stockPoint, stream.product, stream.ratePerDay])).toEqual([
      [0, 'arrivals', 2, 0, 2.5],
      [1, 'arrivals', 3, 1, 2.5],
      [2, 'history', 4, 0, 1],
      [3, 'perPeriod', 5, 1, 1],
    ]);
    expect(streams[0].quantity!.mean).toBe(1.5);
    expect(streams[2].quantity).toBeNull();
    expect(streams[2].history).toEqual([4, 5]);
    expect(streams[0].history).toBeNull();
    expect(streams[3].quantity!.mean).toBe(3);
    // the flat streams have no day profile; the weekly one does (horizon 100 days)
    expect(streams[0].profile).toBeNull();
    expect(streams[3].profile!.length).toBe(100);
    expect(streams[3].profile![5]).toBe(2);
    expect(streams.map((stream) => stream.days)).toEqual([100, 100, 100, 100]);
    // customer bases in the scenario's order, each driving the streams at its node
    const [s2Base, s1Base] = simulation.customerBases;
    expect(streams.map((stream) => stream.customers)).toEqual([s1Base, s1Base, s2Base, s2Base]);
    expect(s1Base.demandStreams).toEqual([0, 1]);
    expect(s2Base.demandStreams).toEqual([2, 3]);
    expect([s2Base.index, s2Base.node, s2Base.initial, s2Base.active]).toEqual([0, 's2', 10, 10]);
    expect([s2Base.churnOnStockout, s2Base.churnOnBackorder, s2Base.churnOnLate, s2Base.churnOnAbandon, s2Base.newPerDay, s2Base.lifetimeValue]).toEqual([0.2, 0.3, 0.4, 0.5, 1.5, 70]);
    expect(s1Base.index).toBe(1);
    expect(s1Base.churnOnStockout).toBe(0.37); // the default
    // s2 now faces customers and serves base 0
    expect(simulation.stockPoints.map((point) => point.customerBase)).toEqual([-1, -1, 1, 1, 0, 0]);
    expect(simulation.stockPoints.map((point) => point.customerFacing)).toEqual([false, false, true, true, true, true]);
  });
});

describe('disruptions, recalls and production stages', () => {
  function disrupted(): ScenarioInput {
    const input = settings();
    input.nodes = [
      { id: 'sup', type: 'supplier', capacityPerDay: 100, leadTime: { type: 'constant', value: 1 }, servers: 2 },
      { id: 'sup2', type: 'supplier' },
      { id: 'dc', type: 'warehouse', capacityPerDay: 40, storageClass: 'chilled' },
      { id: 's1', type: 'store' },
      { id: 's2', type: 'store' },
      { id: 'zone', type: 'zone' },
    ];
    input.lanes = [
      { from: 'sup', to: 'dc', leadTime: { type: 'constant', value: 2 }, costPerUnit: 0.5, costPerShipment: 20 },
      { id: 'fast', from: 'dc', to: 's1', leadTime: { type: 'constant', value: 1 } },
      { from: 'dc', to: 's2', leadTime: { type: 'constant', value: 1 }, costPerShipment: 3 },
    ];
    input.fulfilment = [{ zone: 'zone', from: [{ warehouse: 'dc', transitDays: { type: 'constant', value: 2 } }] }];
    input.disruptions = [
      { type: 'supplierOutage', node: 'sup', occurrence: { type: 'scheduled', start: 10, end: 20 } },
      { type: 'capacityLoss', name: 'half', node: 'dc', fraction: 0.25, occurrence: { type: 'scheduled', start: 30, end: 35 } },
      { type: 'capacityLoss', node: 'dc', fraction: 1, occurrence: { type: 'scheduled', start: 40, end: 41 } },
      { type: 'leadTimeMultiplier', lanes: ['fast', 'dc->s2'], multiplier: 3, occurrence: { type: 'scheduled', start: 50, end: 60 } },
      { type: 'deliveryDelay', zone: 'zone', multiplier: 2, occurrence: { type: 'scheduled', start: 70, end: 75 } },
      { type: 'supplierOutage', node: 'sup2', occurrence: { type: 'scheduled', start: 80, end: 90 } },
    ];
    input.recalls = [
      { supplier: 'sup', product: 'w', receivedFrom: 0, receivedTo: 5, announcedOn: 6 },
      { name: 'all of sup', supplier: 'sup', receivedFrom: 1, receivedTo: 2, announcedOn: 3 },
    ];
    return input;
  }

  it('each disruption window is named and says what it does, on the gates, lanes and zones it names', () => {
    const simulation = built(disrupted());
    // gates: the supplier's (for dc/w), the dc's (it ships to stores), then sup2's, named by its outage
    expect(simulation.gates.map((gate) => [gate.node, gate.capacityPerDay])).toEqual([
      ['sup', 100],
      ['dc', 40],
      ['sup2', Infinity],
    ]);
    expect(simulation.disruptions).toEqual([
      { start: 10, end: 20, name: 'supplierOutage#0', effect: { type: 'outage', gate: 0 } },
      { start: 30, end: 35, name: 'half', effect: { type: 'capacity', gate: 1, share: 0.75 } },
      { start: 40, end: 41, name: 'capacityLoss#2', effect: { type: 'capacity', gate: 1, share: 0 } },
      { start: 50, end: 60, name: 'leadTimeMultiplier#3', effect: { type: 'leadTime', lanes: [1, 2], multiplier: 3 } },
      { start: 70, end: 75, name: 'deliveryDelay#4', effect: { type: 'delivery', zone: 0, multiplier: 2 } },
      { start: 80, end: 90, name: 'supplierOutage#5', effect: { type: 'outage', gate: 2 } },
    ]);
    // outages, and a loss of the whole capacity, hold what finishes processing until they end
    expect(simulation.gates[0].leaveAfterOutages(12)).toBe(20);
    expect(simulation.gates[0].leaveAfterOutages(20)).toBe(20);
    expect(simulation.gates[1].leaveAfterOutages(40.5)).toBe(41);
    expect(simulation.gates[1].leaveAfterOutages(32)).toBe(32); // a partial loss holds nothing back
    expect(simulation.gates[2].leaveAfterOutages(85)).toBe(90);
    expect(simulation.lanes).toEqual([
      { id: 'sup->dc', costPerUnit: 0.5, costPerShipment: 20, leadTimeMultiplier: 1 },
      { id: 'fast', costPerUnit: 0, costPerShipment: 0, leadTimeMultiplier: 1 },
      { id: 'dc->s2', costPerUnit: 0, costPerShipment: 3, leadTimeMultiplier: 1 },
    ]);
  });

  it('a supplier with servers is a production stage its points wait for, with its processing time in their lead time', () => {
    const simulation = built(disrupted());
    expect(simulation.stages.map((stage) => [stage.node, stage.servers])).toEqual([['sup', 2]]);
    const [dcW, dcP] = simulation.stockPoints;
    expect([dcW.supply.stage, dcP.supply.stage]).toEqual([0, 0]);
    expect(dcW.supply.processing!.mean).toBe(1);
    expect(dcW.expectedLeadDays).toBe(3);
    expect(simulation.stockPoints[2].supply.stage).toBe(-1);
  });

  it('recalls cover the products named, or every product the supplier ships; what they cover is held in lots', () => {
    const simulation = built(disrupted());
    expect(simulation.recalls).toEqual([
      { name: 'recall#0', supplier: 0, products: new Set([0]), receivedFrom: 0, receivedTo: 5, announcedOn: 6 },
      { name: 'all of sup', supplier: 0, products: new Set([0, 1]), receivedFrom: 1, receivedTo: 2, announcedOn: 3 },
    ]);
    // w is now recallable, so in lots (p already was, for its shelf life)
    const [dcW, dcP, s1W] = simulation.stockPoints;
    expect(dcW.care).toMatchObject({ lots: true, recallable: true, shelfLifeDays: Infinity, endOfLifeDay: Infinity, salvageValue: 0, markdown: null, damagePerDay: 0, returns: null });
    expect(dcW.lots).not.toBeNull();
    expect(s1W.inbound).not.toBeNull();
    expect(dcP.care.recallable).toBe(true);
  });

  it('a product is held in lots when any recall covers it, not only when every recall does', () => {
    const input = disrupted();
    // p without a shelf life: only the recalls can put it in lots
    delete input.products[1].shelfLifeDays;
    delete input.products[1].markdown;
    input.recalls = [
      { supplier: 'sup', product: 'w', receivedFrom: 0, receivedTo: 5, announcedOn: 6 },
      { supplier: 'sup', product: 'p', receivedFrom: 0, receivedTo: 5, announcedOn: 6 },
    ];
    const [dcW, dcP] = built(input).stockPoints;
    expect([dcW.care.lots, dcW.care.recallable, dcP.care.lots, dcP.care.recallable]).toEqual([true, true, true, true]);
    expect(dcW.lots).not.toBeNull();
    expect(dcP.lots).not.toBeNull();
  });

  it('a recall without products covers only what its supplier ships', () => {
    const input = disrupted();
    // sup ships w only (p comes from sup2)
    input.lanes!.push({ from: 'sup2', to: 'dc', leadTime: { type: 'constant', value: 1 } });
    input.stockPoints[0] = { node: 'dc', product: 'w', policy: { type: 'sS', reorderPoint: 5, orderUpTo: 20 }, source: 'sup' };
    input.stockPoints.splice(1, 0, { node: 'dc', product: 'p', policy: { type: 'sS', reorderPoint: 5, orderUpTo: 20 }, source: 'sup2' });
    input.recalls = [{ supplier: 'sup', receivedFrom: 1, receivedTo: 2, announcedOn: 3 }];
    const simulation = built(input);
    expect(simulation.recalls[0].products).toEqual(new Set([0]));
    expect(simulation.stockPoints[1].care.recallable).toBe(false);
    expect(simulation.stockPoints[1].supply.supplier).toBe(2);
  });
});

describe('the network as the policies see it', () => {
  function chain(topPolicy: ScenarioInput['stockPoints'][number]['policy'], allocation?: ScenarioInput['stockPoints'][number]['allocation']): ScenarioInput {
    return {
      version: 1,
      name: 'chain',
      horizonDays: 10,
      products: [product],
      nodes: [
        { id: 'sup', type: 'supplier' },
        { id: 'top', type: 'warehouse' },
        { id: 'mid', type: 'warehouse' },
        { id: 'a', type: 'store' },
        { id: 'b', type: 'store' },
        { id: 'c', type: 'store' },
      ],
      lanes: [
        { from: 'sup', to: 'top', leadTime: { type: 'constant', value: 1 } },
        { from: 'top', to: 'mid', leadTime: { type: 'constant', value: 1 } },
        { from: 'mid', to: 'a', leadTime: { type: 'constant', value: 1 } },
        { from: 'mid', to: 'b', leadTime: { type: 'constant', value: 1 } },
        { from: 'mid', to: 'c', leadTime: { type: 'constant', value: 1 } },
      ],
      // stores first: the points below get lower indices than the points above
      stockPoints: [
        { node: ['a', 'b', 'c'], product: 'w', policy: { type: 'baseStock', level: 2 } },
        { node: 'mid', product: 'w', policy: { type: 'echelonBaseStock', level: 8 }, ...(allocation ? { allocation } : {}) },
        { node: 'top', product: 'w', policy: topPolicy },
      ],
      demand: [{ type: 'arrivals', node: ['a', 'b', 'c'], product: 'w', customersPerDay: 1 }],
    };
  }

  it('points whose policy reads the echelon position are asked after demand anywhere below them', () => {
    const echelon = built(chain({ type: 'echelonBaseStock', level: 20 }));
    const [a, , , mid, top] = echelon.stockPoints;
    expect(a.echelonReviewers).toEqual([mid, top]);
    expect(mid.echelonReviewers).toEqual([top]);
    expect(top.echelonReviewers).toEqual([]);
    expect(mid.downstream.map((point) => point.node)).toEqual(['a', 'b', 'c']);
    expect(top.downstream).toEqual([mid]);
    // a top point on installation stock is not asked; the walk goes on above it
    const installation = built(chain({ type: 'baseStock', level: 20 }));
    expect(installation.stockPoints[0].echelonReviewers).toEqual([installation.stockPoints[3]]);
    expect(installation.stockPoints[3].echelonReviewers).toEqual([]);
  });

  it('a priority allocation ranks the points below by node, customers by their own rank; unranked: after every rank', () => {
    const simulation = built(chain({ type: 'baseStock', level: 20 }, { type: 'priority', rank: { b: 0, a: 2 }, customerRank: 1 }));
    const mid = simulation.stockPoints[3];
    // a is point 0, b point 1; c has no rank
    expect(mid.allocation).toEqual({ type: 'priority', rankOfPoint: new Map([[0, 2], [1, 0]]), customerRank: 1 });
    const noCustomerRank = built(chain({ type: 'baseStock', level: 20 }, { type: 'priority', rank: { c: 3 } })).stockPoints[3];
    expect(noCustomerRank.allocation).toEqual({ type: 'priority', rankOfPoint: new Map([[2, 3]]), customerRank: Infinity });
  });

  it('fair share has no ranks; first come first served, written or not, is no allocation rule', () => {
    expect(built(chain({ type: 'baseStock', level: 20 }, { type: 'fairShare' })).stockPoints[3].allocation).toEqual({
      type: 'fairShare',
      rankOfPoint: new Map(),
      customerRank: Infinity,
    });
    expect(built(chain({ type: 'baseStock', level: 20 }, { type: 'fifo' })).stockPoints[3].allocation).toBeNull();
    expect(built(chain({ type: 'baseStock', level: 20 })).stockPoints.every((point) => point.allocation === null)).toBe(true);
  });
});

describe('warnings', () => {
  const ALTERNATING = [0, 2, 0, 2, 0, 2, 0, 2, 0, 2];
  function target(options: { unmetDemand?: 'lost' | 'backorder'; history?: number[]; level?: number; withStore?: boolean; horizonDays?: number }): ScenarioInput {
    // with a store below, st orders from a warehouse listed after it, so st's own gate is gate 0
    return {
      version: 1,
      name: 'warned',
      horizonDays: options.horizonDays ?? 10,
      products: [{ ...product, unmetDemand: options.unmetDemand ?? 'lost' }],
      nodes: [
        { id: 'sup', type: 'supplier' },
        { id: 'st', type: 'store' },
        ...(options.withStore ? [{ id: 'below', type: 'store' as const }, { id: 'top', type: 'warehouse' as const }] : []),
      ],
      lanes: options.withStore
        ? [
            { from: 'sup', to: 'top', leadTime: { type: 'constant', value: 1 } },
            { from: 'top', to: 'st', leadTime: { type: 'constant', value: 1 } },
            { from: 'st', to: 'below', leadTime: { type: 'constant', value: 1 } },
          ]
        : [{ from: 'sup', to: 'st', leadTime: { type: 'constant', value: 1 } }],
      stockPoints: [
        { node: 'st', product: 'w', policy: { type: 'serviceTarget', target: { cycleServiceLevel: options.level ?? 0.02 }, orderQuantity: 5 } },
        ...(options.withStore
          ? [
              { node: 'below', product: 'w', policy: { type: 'baseStock' as const, level: 1 } },
              { node: 'top', product: 'w', policy: { type: 'baseStock' as const, level: 1 } },
            ]
          : []),
      ],
      demand: [{ type: 'history', node: 'st', product: 'w', series: options.history ?? ALTERNATING }],
    };
  }

  it('a lost-sales serviceTarget whose reorder point is below 0 never orders, and says so', () => {
    // daily demand 0, 2, 0, 2...: mean 1, sample variance 10/9; lead time 1 day, certain: lead-time
    // demand mean 1, sd sqrt(10/9) = 1.0541. At a cycle service level of 2%, z = -2.0537:
    // r = 1 - 2.0537 x 1.0541 = -1.1648
    expect(built(target({})).warnings).toEqual([
      "st/w: the serviceTarget policy's reorder point is -1.16; with lost sales the inventory position never falls below 0, so it never orders. Raise the target or give a smaller orderQuantity.",
    ]);
  });

  it('no such warning at a reorder point of 0 or more, under backorders, or at a point that ships to others', () => {
    // a level of 50% puts r at the mean, 1
    expect(built(target({ level: 0.5 })).warnings).toEqual([]);
    // demand of exactly 1 a day: sd 0, so r = 1 whatever the level
    expect(built(target({ history: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1] })).warnings).toEqual([]);
    expect(built(target({ unmetDemand: 'backorder' })).warnings).toEqual([]);
    // the store below orders from it, so its position can fall below 0
    const shipping = built(target({ withStore: true }));
    expect(shipping.stockPoints[0].gate).toBe(0);
    expect(shipping.warnings).toEqual([]);
    // no demand at all: r = 0, which a position of 0 reaches
    expect(built(target({ history: Array<number>(10).fill(0) })).warnings).toEqual([]);
  });

  it('other policies with a negative reorder point are not warned about', () => {
    const input = target({});
    input.stockPoints[0].policy = { type: 'sS', reorderPoint: -1, orderUpTo: 4 };
    expect(built(input).warnings).toEqual([]);
  });

  it('a history shorter than the horizon is replayed, and says so', () => {
    expect(built(target({ level: 0.5, history: [1, 1, 1] })).warnings).toEqual([
      'demand for st/w: the history has 3 days and the horizon 10; it is replayed from the start when it runs out.',
    ]);
  });

  it('a horizon ending in a partial day counts that day: a history as long as the whole days is short', () => {
    expect(built(target({ level: 0.5, horizonDays: 9.5 })).warnings).toEqual([]);
    expect(built(target({ level: 0.5, horizonDays: 10.5 })).warnings).toEqual([
      'demand for st/w: the history has 10 days and the horizon 11; it is replayed from the start when it runs out.',
    ]);
  });
});

describe('a bullwhip ratio measured per period shorter than a review cycle is warned about', () => {
  function weekly(bullwhipPeriodDays?: number, reviewPeriod = 7): ScenarioInput {
    return {
      version: 1,
      name: 'weekly orders',
      horizonDays: 70,
      ...(bullwhipPeriodDays === undefined ? {} : { bullwhipPeriodDays }),
      products: [product],
      nodes: [
        { id: 'sup', type: 'supplier' },
        { id: 'st', type: 'store' },
      ],
      lanes: [{ from: 'sup', to: 'st', leadTime: { type: 'constant', value: 1 } }],
      stockPoints: [{ node: 'st', product: 'w', policy: { type: 'periodicRS', reviewPeriod, orderUpTo: 20 } }],
      demand: [{ type: 'perPeriod', node: 'st', product: 'w', quantity: { type: 'constant', value: 1 } }],
    };
  }

  it('per day (the default) at a point ordering every 7 days: say so, and what to set', () => {
    expect(built(weekly()).warnings).toEqual([
      'st/w orders every 7 days and bullwhipRatio is measured per 1-day period, so it measures the batching of its orders as much as their swings; set bullwhipPeriodDays to 7 (or a multiple) to compare its orders with its demand over whole review cycles.',
    ]);
    // a review every 2.5 days: whole periods of 3 days cover a cycle
    expect(built(weekly(2, 2.5)).warnings[0]).toMatch(/orders every 2\.5 days .* per 2-day period.* set bullwhipPeriodDays to 3 /);
  });

  it('nothing to say per week, per longer period, at a daily review, or under continuous review', () => {
    expect(built(weekly(7)).warnings).toEqual([]);
    expect(built(weekly(14)).warnings).toEqual([]);
    expect(built(weekly(undefined, 1)).warnings).toEqual([]);
    const continuous = weekly();
    continuous.stockPoints[0].policy = { type: 'sS', reorderPoint: 3, orderUpTo: 10 };
    expect(built(continuous).warnings).toEqual([]);
  });
});

describe('daily series', () => {
  function stores(count: number, series?: 'auto' | 'all' | 'network' | 'none'): ScenarioInput {
    const ids = Array.from({ length: count }, (_, i) => `s${i}`);
    return {
      version: 1,
      name: 'many stores',
      horizonDays: 3,
      products: [product],
      nodes: [{ id: 'sup', type: 'supplier' }, ...ids.map((id) => ({ id, type: 'store' as const }))],
      lanes: ids.map((to) => ({ from: 'sup', to, leadTime: { type: 'constant' as const, value: 1 } })),
      stockPoints: [{ node: ids, product: 'w', policy: { type: 'baseStock', level: 1 } }],
      ...(series ? { output: { series } } : {}),
    };
  }

  it('per stock point up to 50 points by default, network totals only beyond', () => {
    expect(built(stores(50)).series.perStockPoint).toBe(true);
    expect(built(stores(51)).series.perStockPoint).toBe(false);
    expect(built(stores(51, 'all')).series.perStockPoint).toBe(true);
    expect(built(stores(2, 'network')).series.perStockPoint).toBe(false);
    expect(built(stores(2, 'network')).series.days).toBe(3);
  });

  it('none records no days at all', () => {
    const none = built(stores(2, 'none')).series;
    expect(none.perStockPoint).toBe(false);
    expect(none.days).toBe(0);
  });
});

describe('online zones', () => {
  function zones(): ScenarioInput {
    return {
      version: 1,
      name: 'zones',
      horizonDays: 20,
      products: [{ id: 'w', unitCost: 10, holdingCost: { perUnitPerDay: 0.02 } }],
      nodes: [
        { id: 'sup', type: 'supplier' },
        { id: 'near', type: 'warehouse' },
        { id: 'far', type: 'warehouse' },
        { id: 'north', type: 'zone' },
        { id: 'south', type: 'zone' },
      ],
      lanes: [
        { from: 'sup', to: 'near', leadTime: { type: 'constant', value: 2 } },
        { from: 'sup', to: 'far', leadTime: { type: 'constant', value: 3 } },
      ],
      stockPoints: [{ node: ['near', 'far'], product: 'w', policy: { type: 'serviceTarget', target: { cycleServiceLevel: 0.5 }, orderQuantity: 10 } }],
      demand: [
        { type: 'arrivals', node: 'north', product: 'w', customersPerDay: 3 },
        { type: 'arrivals', node: 'south', product: 'w', customersPerDay: 1, quantity: { type: 'uniform', min: 1, max: 3 } },
      ],
      fulfilment: [
        {
          zone: 'north',
          from: [
            { warehouse: 'near', transitDays: { type: 'constant', value: 1 } },
            { warehouse: 'far', transitDays: { type: 'constant', value: 2 } },
          ],
          tolerance: { type: 'uniform', min: 2, max: 6 },
          express: { share: 0.2, transitDays: { type: 'constant', value: 0.5 }, pricePremium: 4 },
        },
        {
          zone: 'south',
          from: [{ warehouse: 'far', transitDays: { type: 'constant', value: 1 } }],
          tolerance: { type: 'uniform', min: 2, max: 6 },
          express: { share: 0.2, transitDays: { type: 'constant', value: 0.5 }, pricePremium: 4 },
        },
      ],
      customers: [{ node: 'north', initial: 50 }],
    };
  }

  it('a zone’s demand is planned for at its nearest warehouse only', () => {
    const [near, far] = built(zones()).stockPoints;
    // near: north's 3 a day (variance 3 x 1), lead time 2: mean 6, sd sqrt(6)
    expect((near.policy as ServiceTargetRule).leadTimeDemandMean).toBeCloseTo(6, 12);
    expect((near.policy as ServiceTargetRule).leadTimeDemandSd).toBeCloseTo(Math.sqrt(6), 12);
    // far: south's 1 customer a day buying uniform(1, 3) (mean 2, variance 1/3): mean 2, variance
    // 1/3 + 4 = 13/3; lead time 3: mean 6, sd sqrt(13)
    expect((far.policy as ServiceTargetRule).leadTimeDemandMean).toBeCloseTo(6, 12);
    expect((far.policy as ServiceTargetRule).leadTimeDemandSd).toBeCloseTo(Math.sqrt(13), 12);
  });

  it('every warehouse a zone may be served from faces its customers, ships online orders, and serves the first zone’s base it has', () => {
    const simulation = built(zones());
    expect(simulation.stockPoints.map((point) => [point.customerFacing, point.servesOnline, point.customerBase])).toEqual([
      [true, true, 0],
      [true, true, 0],
    ]);
    // south's demand (no base) listed first: far still serves north's base when north's demand comes
    const input = zones();
    input.demand = [input.demand![1], input.demand![0]];
    expect(built(input).stockPoints.map((point) => point.customerBase)).toEqual([0, 0]);
    // without customer bases, nobody serves one
    const anonymous = zones();
    anonymous.customers = [];
    expect(built(anonymous).stockPoints.map((point) => [point.customerFacing, point.servesOnline, point.customerBase])).toEqual([
      [true, true, -1],
      [true, true, -1],
    ]);
  });

  it('zone demand streams belong to no stock point; the zones keep their own tallies with their base', () => {
    const simulation = built(zones());
    expect(simulation.demandStreams.map((stream) => stream.stockPoint)).toEqual([-1, -1]);
    expect(simulation.demandStreams.map((stream) => stream.customers?.node ?? null)).toEqual(['north', null]);
    expect(simulation.zones.map((zone) => [zone.zone, zone.base])).toEqual([
      ['north', 0],
      ['south', -1],
    ]);
  });
});

describe('product care, feature by feature', () => {
  /** One product per feature, all stocked at an ambient store that sells only some of them. */
  function features(): ScenarioInput {
    const base = { unitCost: 4, holdingCost: { perUnitPerDay: 0.01 } };
    const ids = ['plain', 'dented', 'seasonal', 'returned', 'fresh', 'chilledOnly'];
    return {
      version: 1,
      name: 'features',
      horizonDays: 30,
      products: [
        { ...base, id: 'plain' },
        { ...base, id: 'dented', damagePerDay: { ambient: 0.02 } },
        { ...base, id: 'seasonal', endOfLife: { day: 20 } },
        { ...base, id: 'returned', price: 9, returns: { fraction: 0.2, afterDays: { type: 'constant', value: 2 }, restockShare: 0.5 } },
        { ...base, id: 'fresh', shelfLifeDays: 6 },
        { ...base, id: 'chilledOnly', damagePerDay: { chilled: 0.05 } },
      ],
      nodes: [
        { id: 'sup', type: 'supplier' },
        { id: 'st', type: 'store' },
        { id: 'cold', type: 'warehouse', storageClass: 'chilled' },
      ],
      lanes: [{ from: 'sup', to: 'st', leadTime: { type: 'constant', value: 1 } }],
      stockPoints: [{ node: 'st', product: ids, policy: { type: 'baseStock', level: 3 } }],
      demand: [{ type: 'arrivals', node: 'st', product: ['plain', 'seasonal'], customersPerDay: 1 }],
      customers: [{ node: 'st', initial: 10 }],
    };
  }

  it('a product with none of the features has none, and one with a single feature has just that one', () => {
    const [plain, dented, seasonal, returned, fresh, chilledOnly] = built(features()).stockPoints;
    expect(plain.care).toBe(NO_CARE);
    expect(chilledOnly.care).toBe(NO_CARE); // damaged only in chilled storage
    expect(dented.care).toMatchObject({ lots: false, damagePerDay: 0.02, endOfLifeDay: Infinity, returns: null, shelfLifeDays: Infinity });
    expect(dented.care.damage).not.toBeNull();
    expect(seasonal.care).toMatchObject({ lots: false, damagePerDay: 0, endOfLifeDay: 20, salvageValue: 0, returns: null });
    expect(returned.care).toMatchObject({ lots: false, damagePerDay: 0, endOfLifeDay: Infinity, returns: { fraction: 0.2, restockShare: 0.5, reconditionCostPerUnit: 0, scrapCostPerUnit: 0 } });
    expect(fresh.care).toMatchObject({ lots: true, shelfLifeDays: 6, damagePerDay: 0, returns: null });
    expect([plain.lots, dented.lots, seasonal.lots, returned.lots]).toEqual([null, null, null, null]);
    expect(fresh.lots).not.toBeNull();
    expect(fresh.inbound).toBeNull();
  });

  it('a point at a node with a customer base serves it only for the products customers buy there', () => {
    const points = built(features()).stockPoints;
    expect(points.map((point) => point.customerFacing)).toEqual([true, false, true, false, false, false]);
    expect(points.map((point) => point.customerBase)).toEqual([0, -1, 0, -1, -1, -1]);
  });

  it('the product’s demand ends on its end-of-life day', () => {
    const simulation = built(features());
    const seasonal = simulation.demandStreams[1];
    expect(seasonal.product).toBe(2);
    expect(seasonal.profile![19]).toBe(1);
    expect(seasonal.profile![20]).toBe(0);
    expect(seasonal.profile![29]).toBe(0);
    expect(simulation.demandStreams[0].profile).toBeNull();
  });
});

describe('shipping to other points, per product', () => {
  it('a node gets a shipping gate for the products it ships to other points, not for those it only holds', () => {
    const input = settings();
    // s1 and s2 order p straight from the supplier: the dc ships only w to stores
    input.lanes!.push({ from: 'sup', to: 's1', leadTime: { type: 'constant', value: 3 } }, { from: 'sup', to: 's2', leadTime: { type: 'constant', value: 3 } });
    input.stockPoints[2].source = 'sup';
    input.stockPoints[1].source = 'dc';
    input.stockPoints[3] = { ...input.stockPoints[3], product: 'w', source: 'dc' };
    input.stockPoints.push({ node: 's2', product: 'p', policy: { type: 'rQ', reorderPoint: 3, orderQuantity: 4 }, source: 'sup' });
    const points = built(input).stockPoints;
    expect(points.map((point) => `${point.node}/${point.productId}`)).toEqual(['dc/w', 'dc/p', 's1/w', 's1/p', 's2/w', 's2/p']);
    expect(points.map((point) => point.gate)).toEqual([1, -1, -1, -1, -1, -1]);
    expect(points.map((point) => point.supply.upstream)).toEqual([-1, -1, 0, -1, 0, -1]);
  });
});

describe('echelon reviewers above the first point', () => {
  it('the walk up reaches a point listed first (index 0)', () => {
    const input = settings();
    input.stockPoints[0] = { ...input.stockPoints[0], policy: { type: 'echelonBaseStock', level: 30 } };
    const [dcW, dcP, s1W, s1P] = built(input).stockPoints;
    expect(s1W.echelonReviewers).toEqual([dcW]);
    expect(s1P.echelonReviewers).toEqual([dcP]);
    expect(dcW.echelonReviewers).toEqual([]);
  });
});

describe('shocks are drawn by name', () => {
  it('two named random shocks meet the same days whichever is listed first', () => {
    const shocks = [
      { name: 'spike', multiplier: 3, occurrence: { type: 'random' as const, ratePerYear: 40, duration: { type: 'uniform' as const, min: 2, max: 9 } } },
      { name: 'lull', multiplier: 0.5, occurrence: { type: 'random' as const, ratePerYear: 30, duration: { type: 'uniform' as const, min: 2, max: 9 } } },
    ];
    const profileOf = (order: typeof shocks) => {
      const input = settings();
      input.demand = [{ type: 'arrivals', node: 's1', product: 'w', customersPerDay: 2, shocks: order }];
      return Array.from(built(input).demandStreams[0].profile!);
    };
    const listed = profileOf(shocks);
    // the shocks did happen, both of them
    expect(listed.some((m) => m === 3 || m === 9)).toBe(true);
    expect(listed.some((m) => m === 0.5 || m === 0.25)).toBe(true);
    expect(profileOf([shocks[1], shocks[0]])).toEqual(listed);
  });
});

describe('online routes', () => {
  function routed(): ScenarioInput {
    return {
      version: 1,
      name: 'routes',
      horizonDays: 20,
      products: [
        { id: 'w', unitCost: 10, holdingCost: { perUnitPerDay: 0.02 } },
        { id: 'v', unitCost: 10, holdingCost: { perUnitPerDay: 0.02 } },
      ],
      nodes: [
        { id: 'sup', type: 'supplier' },
        { id: 'near', type: 'warehouse' },
        { id: 'far', type: 'warehouse' },
        { id: 'st', type: 'store' },
        { id: 'east', type: 'zone' },
        { id: 'west', type: 'zone' },
      ],
      lanes: [
        { from: 'sup', to: 'near', leadTime: { type: 'constant', value: 2 } },
        { from: 'sup', to: 'far', leadTime: { type: 'constant', value: 3 } },
        { from: 'sup', to: 'st', leadTime: { type: 'constant', value: 1 } },
      ],
      stockPoints: [{ node: ['near', 'far', 'st'], product: ['w', 'v'], policy: { type: 'baseStock', level: 5 } }],
      demand: [
        { type: 'arrivals', node: 'st', product: 'w', customersPerDay: 1 },
        { type: 'arrivals', node: 'west', product: ['w', 'v'], customersPerDay: 1 },
        { type: 'arrivals', node: 'east', product: 'v', customersPerDay: 1 },
      ],
      fulfilment: [
        {
          zone: 'east',
          from: [
            { warehouse: 'near', transitDays: { type: 'constant', value: 1 }, pickPackDays: { type: 'constant', value: 0.25 }, costPerUnit: 2, costPerShipment: 5 },
            { warehouse: 'far', transitDays: { type: 'constant', value: 3 }, expressTransitDays: { type: 'constant', value: 0.5 } },
          ],
          rule: 'cheapest',
          promiseBufferDays: 1.5,
          promiseWindowDays: 2,
          express: { share: 0.3, transitDays: { type: 'constant', value: 0.75 }, pricePremium: 6 },
          communication: { proactive: true, churnIfNotified: 0.1, voucherCost: 4 },
        },
        { zone: 'west', from: [{ warehouse: 'far', transitDays: { type: 'constant', value: 2 } }] },
      ],
    };
  }

  it('one route per (zone, product) with demand, in the order of the demand entries, with the zone’s settings', () => {
    const simulation = built(routed());
    const routes = simulation['online'].routes;
    // west/w, west/v (zone 1), east/v (zone 0); products w = 0, v = 1
    expect(routes.map((route) => [route.index, route.zone, route.product, route.rule])).toEqual([
      [0, 1, 0, 'nearest'],
      [1, 1, 1, 'nearest'],
      [2, 0, 1, 'cheapest'],
    ]);
    // the store's stream has no route; the zones' streams have theirs
    expect(Array.from(simulation['demand']['streamRoute'])).toEqual([-1, 0, 1, 2]);
    const [westW, , east] = routes;
    expect([east.promiseBufferDays, east.promiseWindowDays, east.expressShare, east.expressPremium, east.proactive, east.churnIfNotified, east.voucherCost]).toEqual([
      1.5, 2, 0.3, 6, true, 0.1, 4,
    ]);
    // the defaults
    expect([westW.promiseBufferDays, westW.promiseWindowDays, westW.expressShare, westW.expressPremium, westW.proactive, westW.churnIfNotified, westW.voucherCost]).toEqual([
      0, 1, 0, 0, false, 0, 0,
    ]);
    expect(westW.tolerance).toBeNull();
    expect(typeof east.decisions).toBe('function');
  });

  it('each candidate warehouse with its delivery: times, express transit (its own, else the zone’s), costs', () => {
    const simulation = built(routed());
    const [westW, westV, east] = simulation['online'].routes;
    // points: near/w 0, near/v 1, far/w 2, far/v 3
    expect(westW.candidates.map((c) => c.point)).toEqual([2]);
    expect(westV.candidates.map((c) => c.point)).toEqual([3]);
    const [near, far] = east.candidates;
    expect([near.point, far.point]).toEqual([1, 3]);
    expect([near.expectedDays, near.expectedExpressDays, near.costPerUnit, near.costPerShipment]).toEqual([1.25, 1, 2, 5]);
    expect(near.expressTransit!.mean).toBe(0.75);
    expect([far.expectedDays, far.expectedExpressDays, far.costPerUnit, far.costPerShipment]).toEqual([3, 0.5, 0, 0]);
    expect(far.expressTransit!.mean).toBe(0.5);
    // no express option: no express transit, and the express promise is the standard one
    expect(westW.candidates[0].expressTransit).toBeNull();
    expect(westW.candidates[0].expectedExpressDays).toBe(2);
  });
});

describe('normal distributions of quantities that cannot be negative are truncated at zero (docs/SCENARIO.md: Distributions)', () => {
  // a normal(0, σ) truncated at zero (half-normal): mean σ √(2/π), variance σ² (1 - 2/π), E[X²] = σ²
  const M = Math.sqrt(2 / Math.PI);
  const V = 1 - 2 / Math.PI;
  const normal = (sd: number) => ({ type: 'normal' as const, mean: 0, sd });

  function halfNormals(): ScenarioInput {
    const policy = { type: 'serviceTarget' as const, target: { cycleServiceLevel: 0.5 }, orderQuantity: 10 };
    return {
      version: 1,
      name: 'half normals',
      horizonDays: 20,
      products: [
        {
          id: 'w',
          unitCost: 10,
          price: 20,
          holdingCost: { perUnitPerDay: 0.02 },
          returns: { fraction: 0.1, afterDays: normal(3), restockShare: 0.5 },
        },
      ],
      nodes: [
        { id: 'sup', type: 'supplier' },
        { id: 'plant', type: 'supplier', leadTime: normal(1) },
        { id: 'dc', type: 'warehouse' },
        { id: 'a', type: 'store' },
        { id: 'b', type: 'store' },
        { id: 'c', type: 'store' },
        { id: 'zone', type: 'zone' },
      ],
      lanes: [
        { from: 'sup', to: 'dc', leadTime: { type: 'constant', value: 1 } },
        { from: 'sup', to: 'a', leadTime: { type: 'constant', value: 1 } },
        { from: 'sup', to: 'b', leadTime: { type: 'constant', value: 1 } },
        { from: 'plant', to: 'c', leadTime: normal(2) },
      ],
      stockPoints: [{ node: ['dc', 'a', 'b', 'c'], product: 'w', policy }],
      demand: [
        { type: 'arrivals', node: 'a', product: 'w', customersPerDay: 2, quantity: normal(2) },
        { type: 'perPeriod', node: 'b', product: 'w', quantity: normal(3) },
        { type: 'history', node: 'c', product: 'w', series: Array<number>(20).fill(2) },
        { type: 'arrivals', node: 'zone', product: 'w', customersPerDay: 1 },
      ],
      fulfilment: [
        {
          zone: 'zone',
          from: [{ warehouse: 'dc', pickPackDays: normal(1), transitDays: normal(2) }],
          express: { share: 0.5, transitDays: normal(0.5), pricePremium: 1 },
          tolerance: normal(4),
        },
      ],
    };
  }
  const simulation = built(halfNormals());
  const [, a, b, c] = simulation.stockPoints;
  const rule = (point: (typeof simulation.stockPoints)[number]) => point.policy as ServiceTargetRule;

  it('order quantities of arriving customers, in their draws and in the planning statistics', () => {
    expect(simulation.demandStreams[0].quantity!.mean).toBeCloseTo(2 * M, 12);
    // 2 customers a day of mean 2M: 4M a day, variance 2 E[q²] = 2 x 4 = 8; lead time 1
    expect(rule(a).leadTimeDemandMean).toBeCloseTo(4 * M, 12);
    expect(rule(a).leadTimeDemandSd).toBeCloseTo(Math.sqrt(8), 12);
  });

  it('per-period demand', () => {
    expect(simulation.demandStreams[1].quantity!.mean).toBeCloseTo(3 * M, 12);
    // mean 3M, variance 9V a day; lead time 1
    expect(rule(b).leadTimeDemandMean).toBeCloseTo(3 * M, 12);
    expect(rule(b).leadTimeDemandSd).toBeCloseTo(3 * Math.sqrt(V), 12);
  });

  it('transit and supplier processing times, in their draws and in the planning statistics', () => {
    expect(c.supply.leadTime.mean).toBeCloseTo(2 * M, 12);
    expect(c.supply.processing!.mean).toBeCloseTo(M, 12);
    // L: mean 2M + M, variance 4V + V; demand 2 a day, certain: mean 6M, sd sqrt(4 x 5V)
    expect(c.expectedLeadDays).toBeCloseTo(3 * M, 12);
    expect(rule(c).leadTimeDemandMean).toBeCloseTo(6 * M, 12);
    expect(rule(c).leadTimeDemandSd).toBeCloseTo(Math.sqrt(20 * V), 12);
  });

  it('the delay before customers bring units back', () => {
    expect(a.care.returns!.delay.mean).toBeCloseTo(3 * M, 12);
  });

  it('online orders: pick-and-pack, transit, express transit and the customers’ tolerance', () => {
    const [route] = simulation['online'].routes;
    const [candidate] = route.candidates;
    expect(candidate.pickPack.mean).toBeCloseTo(M, 12);
    expect(candidate.transit.mean).toBeCloseTo(2 * M, 12);
    expect(candidate.expressTransit!.mean).toBeCloseTo(0.5 * M, 12);
    expect(candidate.expectedDays).toBeCloseTo(3 * M, 12);
    expect(candidate.expectedExpressDays).toBeCloseTo(1.5 * M, 12);
    expect(route.tolerance!.mean).toBeCloseTo(4 * M, 12);
  });
});

describe('who faces customers, with node ids that read like JavaScript words', () => {
  it('a warehouse named "undefined" does not face the customers of a store no online zone sends orders from', () => {
    // the loop over a demand node's fulfilment sources must find none for a store: a stand-in source
    // would name a stock point "undefined|w", this warehouse's
    const simulation = built({
      version: 1,
      name: 'odd ids',
      horizonDays: 5,
      products: [product],
      nodes: [
        { id: 'factory', type: 'supplier' },
        { id: 'undefined', type: 'warehouse' },
        { id: 'shop', type: 'store' },
      ],
      lanes: [
        { from: 'factory', to: 'undefined', leadTime: { type: 'constant', value: 1 } },
        { from: 'undefined', to: 'shop', leadTime: { type: 'constant', value: 1 } },
      ],
      stockPoints: [
        { node: 'undefined', product: 'w', policy: { type: 'baseStock', level: 10 } },
        { node: 'shop', product: 'w', policy: { type: 'baseStock', level: 5 } },
      ],
      demand: [{ type: 'arrivals', node: 'shop', product: 'w', customersPerDay: 2 }],
    });
    expect(simulation.stockPoints.map((point) => point.customerFacing)).toEqual([false, true]);
  });
});
