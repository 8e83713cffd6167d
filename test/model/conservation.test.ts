import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../src/experiment/run.ts';
import { planStockPoints, variantsOf } from '../../src/model/build.ts';
import type { Scenario, ScenarioInput } from '../../src/scenario/schema.ts';
import { runAndCheckConservation } from '../fixtures/conservation.ts';
import { loadScenarioFile, scenarioFiles, scenarioOf, shortened, singleStore, twoEchelon, type TwoEchelonOptions } from '../fixtures/scenario.ts';

/** Runs every variant for `replications` replications and checks every identity of units (test/fixtures/conservation.ts) on each run. */
function checkScenario(scenario: Scenario, replications = 2): RunResult[] {
  const { runs, problems } = runAndCheckConservation(scenario, replications);
  expect(problems).toEqual([]);
  return runs;
}

const total = (runs: RunResult[], pick: (ledger: RunResult['ledgers'][number]) => number) =>
  runs.reduce((sum, run) => sum + run.ledgers.reduce((s, ledger) => s + pick(ledger), 0), 0);

describe('units are conserved in every scenario file (120 days, 2 replications, every variant)', () => {
  const files = scenarioFiles();
  // scenarioFiles throws when the folder cannot be read or holds too few files
  it.each(files)('%s', (path) => {
    const result = loadScenarioFile(path);
    if (!result.ok) throw new Error(`${path} does not parse (see test/scenario/parse.test.ts)`);
    // the 1,000-point benchmark gets 30 days: it is about scale, not about what the others exercise
    const stockPoints = planStockPoints(result.scenario, variantsOf(result.scenario)[0]).length;
    const runs = checkScenario(shortened(result.scenario, stockPoints > 100 ? 30 : 120, 2));
    expect(total(runs, (ledger) => ledger.demanded)).toBeGreaterThan(0);
  });
});

describe('units are conserved in hand-built scenarios', () => {
  it('with backorders at the stores and at a tight warehouse', () => {
    const runs = checkScenario(scenarioOf(twoEchelon({ warehousePolicy: { type: 'sS', reorderPoint: 5, orderUpTo: 25 } })));
    expect(total(runs, (ledger) => ledger.filledFromBackorder)).toBeGreaterThan(0);
    expect(total(runs, (ledger) => ledger.backorders)).toBeGreaterThan(0);
  });

  it('with lost sales and fractional order sizes', () => {
    const runs = checkScenario(
      scenarioOf(twoEchelon({ unmetDemand: 'lost', quantity: { type: 'gamma', mean: 1.7, sd: 1.1 }, storePolicy: { type: 'rQ', reorderPoint: 4, orderQuantity: 9.5 } })),
    );
    expect(total(runs, (ledger) => ledger.lost)).toBeGreaterThan(0);
  });

  it.each(['partial', 'complete'] as const)('with %s shipping of short warehouse orders', (shortageShipping) => {
    const runs = checkScenario(
      scenarioOf(
        twoEchelon({
          shortageShipping,
          quantity: { type: 'discreteUniform', min: 1, max: 4 },
          storePolicy: { type: 'rQ', reorderPoint: 10, orderQuantity: 17 },
          warehousePolicy: { type: 'rQ', reorderPoint: 10, orderQuantity: 30 },
        }),
      ),
    );
    expect(total(runs, (ledger) => ledger.filledFromBackorder)).toBeGreaterThan(0);
  });

  it('with orders travelling upstream and shipments and orders under way at time 0 (an initial pipeline)', () => {
    const input = twoEchelon({ storePolicy: { type: 'periodicRS', reviewPeriod: 2, orderUpTo: 25 }, warehousePolicy: { type: 'passThrough', reviewPeriod: 3 } });
    input.lanes![0].orderDelayDays = 2.5;
    input.lanes![1].orderDelayDays = 1;
    input.stockPoints[0].initialPipeline = { shipments: [{ day: 1, quantity: 30 }], orders: [{ day: 0.5, quantity: 20 }, { day: 2, quantity: 10 }] };
    input.stockPoints[1].initialPipeline = { shipments: [{ day: 0, quantity: 5 }, { day: 3.5, quantity: 6 }], orders: [{ day: 1, quantity: 7 }] };
    const runs = checkScenario(scenarioOf(input));
    // units entered on their way, and orders were in the mail at the end of some run
    expect(total(runs, (ledger) => ledger.initialInTransit ?? 0)).toBe(2 * (30 + 2 * 11));
    expect(total(runs, (ledger) => ledger.ordersInTransit ?? 0)).toBeGreaterThan(0);
  });

  it('with a supplier and a warehouse short of capacity (units wait at the gates)', () => {
    const runs = checkScenario(scenarioOf(twoEchelon({ supplierCapacityPerDay: 5, warehouseCapacityPerDay: 5.5, customersPerDay: 3 })));
    expect(runs.some((run) => run.awaitingDispatch.some((gate) => gate.units > 0))).toBe(true);
  });

  it('with supplier outages, warehouse capacity losses and slower lanes', () => {
    const input = twoEchelon({
      warehouseCapacityPerDay: 20,
      disruptions: [
        { type: 'supplierOutage', node: 'supplier', occurrence: { type: 'scheduled', start: 30, end: 60 } },
        { type: 'supplierOutage', node: 'supplier', occurrence: { type: 'random', ratePerYear: 8, duration: { type: 'uniform', min: 3, max: 10 } } },
        { type: 'capacityLoss', node: 'dc', fraction: 0.8, occurrence: { type: 'scheduled', start: 100, end: 130 } },
        // the lane needs an id of its own: its default "dc->store-1" is not accepted here (see parse.test.ts)
        { type: 'leadTimeMultiplier', lanes: ['dc-store-1'], multiplier: 2.5, occurrence: { type: 'scheduled', start: 70, end: 90 } },
      ],
    });
    input.lanes![1].id = 'dc-store-1';
    const runs = checkScenario(scenarioOf(input));
    expect(total(runs, (ledger) => ledger.backorders + ledger.filledFromBackorder)).toBeGreaterThan(0);
  });

  it('with returns upstream (forecast policies allowed to return stock) at the stores and the warehouse', () => {
    const forecast = { type: 'forecast', method: { type: 'movingAverage', periods: 2 }, reviewPeriod: 1, safetyFactor: 1, allowReturns: true } as const;
    const runs = checkScenario(
      scenarioOf(
        twoEchelon({
          storePolicy: forecast,
          warehousePolicy: { ...forecast, method: { type: 'exponentialSmoothing', alpha: 0.6 } },
          // bursty demand makes the forecast, and so the target, swing: stock above target goes back
          quantity: { type: 'empirical', values: [1, 12], weights: [0.9, 0.1] },
        }),
      ),
    );
    const returned = (node: (name: string) => boolean) =>
      runs.reduce((sum, run) => sum + run.ledgers.filter((ledger) => node(ledger.node)).reduce((s, ledger) => s + ledger.returned, 0), 0);
    expect(returned((node) => node.startsWith('store'))).toBeGreaterThan(0);
    expect(returned((node) => node === 'dc')).toBeGreaterThan(0);
  });

  it('with per-period normal demand, churn and new customers at a single store', () => {
    const input = singleStore({
      policy: { type: 'periodicRS', reviewPeriod: 3, orderUpTo: 30 },
      customers: [{ node: 'store', initial: 50, churn: { onStockout: 0.2, onBackorder: 0.05 }, newPerDay: 0.3 }],
      warmupDays: 20,
    });
    input.demand = [{ type: 'perPeriod', node: 'store', product: 'widget', quantity: { type: 'normal', mean: 5, sd: 3 } }];
    const runs = checkScenario(scenarioOf(input));
    expect(runs.some((run) => run.customerBases[0].churned > 0)).toBe(true);
  });

  it('with online orders split over two warehouses, abandoned carts, express, delays and an outage', () => {
    const input = twoEchelon({ stores: [] });
    input.nodes!.push({ id: 'dc-2', type: 'warehouse' }, { id: 'city', type: 'zone' });
    input.lanes!.push({ from: 'supplier', to: 'dc-2', leadTime: { type: 'uniform', min: 2, max: 6 } });
    input.stockPoints = [
      { node: 'dc', product: 'widget', policy: { type: 'rQ', reorderPoint: 10, orderQuantity: 25 } },
      { node: 'dc-2', product: 'widget', policy: { type: 'sS', reorderPoint: 15, orderUpTo: 50 } },
    ];
    input.demand = [{ type: 'arrivals', node: 'city', product: 'widget', customersPerDay: 6, quantity: { type: 'discreteUniform', min: 1, max: 4 } }];
    input.customers = [{ node: 'city', initial: 300, churn: { onStockout: 0, onLate: 0.3, onAbandon: 0.2 } }];
    input.fulfilment = [
      {
        zone: 'city',
        rule: 'split',
        from: [
          { warehouse: 'dc', pickPackDays: { type: 'uniform', min: 0.1, max: 0.5 }, transitDays: { type: 'uniform', min: 0.5, max: 2 } },
          { warehouse: 'dc-2', transitDays: { type: 'uniform', min: 1, max: 3 }, costPerShipment: 4 },
        ],
        tolerance: { type: 'uniform', min: 1, max: 12 },
        express: { share: 0.2, transitDays: { type: 'constant', value: 0.3 }, pricePremium: 5 },
        communication: { proactive: true, churnIfNotified: 0.1, voucherCost: 3 },
      },
    ];
    input.disruptions = [
      { type: 'supplierOutage', node: 'supplier', occurrence: { type: 'scheduled', start: 50, end: 80 } },
      { type: 'deliveryDelay', zone: 'city', multiplier: 2, occurrence: { type: 'scheduled', start: 120, end: 140 } },
    ];
    const runs = checkScenario(scenarioOf(input));
    expect(runs.some((run) => run.zones[0].abandoned > 0 && run.zones[0].late > 0)).toBe(true);
    expect(total(runs, (ledger) => ledger.filledFromBackorder)).toBeGreaterThan(0);
  });

  describe('with products in lots and units leaving other than by sale', () => {
    /** twoEchelon's widget, perishable, with the given extras on the product and the scenario */
    const perishable = (product: Record<string, unknown>, extra: Partial<ScenarioInput> = {}, options: TwoEchelonOptions = {}): ScenarioInput => {
      const input = twoEchelon({ customersPerDay: 4, quantity: { type: 'discreteUniform', min: 1, max: 3 }, ...options });
      Object.assign(input.products[0], { shelfLifeDays: 9, ...product });
      input.stockPoints[1].issuing = 'fefo';
      return { ...input, ...extra };
    };

    it('expiry with a markdown, FEFO at the stores and FIFO at the warehouse', () => {
      const runs = checkScenario(scenarioOf(perishable({ markdown: { withinDays: 2, discount: 0.4 } })));
      expect(total(runs, (ledger) => ledger.expired)).toBeGreaterThan(0);
    });

    it('damage by storage class, customer returns restocked or scrapped', () => {
      const input = perishable({
        damagePerDay: { chilled: 0.01, ambient: 0.002 },
        returns: { fraction: 0.2, afterDays: { type: 'uniform', min: 1, max: 6 }, restockShare: 0.5, scrapCostPerUnit: 1 },
      });
      (input.nodes[2] as { storageClass?: string }).storageClass = 'chilled';
      const runs = checkScenario(scenarioOf(input));
      expect(total(runs, (ledger) => ledger.damaged)).toBeGreaterThan(0);
      expect(total(runs, (ledger) => ledger.restocked)).toBeGreaterThan(0);
      expect(total(runs, (ledger) => ledger.scrapped)).toBeGreaterThan(0);
    });

    it('shrinkage found by counts with a delay, in lots', () => {
      const input = perishable({ shelfLifeDays: 40, endOfLife: { day: 150 } });
      input.stockPoints[1].visibility = { shrinkagePerDay: 0.02, countEveryDays: 10, countDelayDays: 13 };
      input.stockPoints[0].visibility = { shrinkagePerDay: 0.01, realTime: true };
      const runs = checkScenario(scenarioOf(input));
      expect(total(runs, (ledger) => ledger.shrunk)).toBeGreaterThan(0);
    });

    it('a recall, with units in transit and on shelves when it is announced', () => {
      const runs = checkScenario(scenarioOf(perishable({ shelfLifeDays: 60 }, { recalls: [{ supplier: 'supplier', receivedFrom: 40, receivedTo: 52, announcedOn: 52 }] })));
      expect(total(runs, (ledger) => ledger.recalled)).toBeGreaterThan(0);
    });

    it("the end of the product's life, with stock left and orders in transit", () => {
      const runs = checkScenario(scenarioOf(perishable({ endOfLife: { day: 100, salvageValue: 2 } })));
      expect(total(runs, (ledger) => ledger.obsolete)).toBeGreaterThan(0);
    });

    it('returns upstream of units in lots (forecast policies allowed to return stock)', () => {
      const forecast = { type: 'forecast', method: { type: 'movingAverage', periods: 2 }, reviewPeriod: 1, safetyFactor: 1, allowReturns: true } as const;
      const runs = checkScenario(
        scenarioOf(perishable({ shelfLifeDays: 30 }, {}, { storePolicy: forecast, quantity: { type: 'empirical', values: [1, 12], weights: [0.9, 0.1] } })),
      );
      expect(total(runs, (ledger) => ledger.returned)).toBeGreaterThan(0);
    });
  });
});
