import { describe, expect, it } from 'vitest';
import { runReplication, type RunResult } from '../../src/experiment/run.ts';
import { runExperiment } from '../../src/experiment/replicate.ts';
import type { Distribution, ScenarioInput } from '../../src/scenario/schema.ts';
import { scenarioOf } from '../fixtures/scenario.ts';

type FulfilmentInput = NonNullable<ScenarioInput['fulfilment']>[number];

interface OnlineOptions {
  /** per warehouse: its (r, Q) policy and initial stock; listed nearest first */
  warehouses?: { id: string; reorderPoint: number; orderQuantity: number; initialOnHand?: number }[];
  transit?: Distribution;
  pickPack?: Distribution;
  fulfilment?: Partial<FulfilmentInput>;
  customersPerDay?: number;
  customers?: ScenarioInput['customers'];
  horizonDays?: number;
  seed?: string;
  supplierLeadTime?: Distribution;
  disruptions?: ScenarioInput['disruptions'];
}

/** An online zone served by warehouses replenished from one supplier, orders of one unit. */
function online(options: OnlineOptions = {}): ScenarioInput {
  const warehouses = options.warehouses ?? [{ id: 'dc', reorderPoint: 20, orderQuantity: 60 }];
  return {
    version: 1,
    name: 'online zone',
    horizonDays: options.horizonDays ?? 300,
    seed: options.seed ?? 'online',
    products: [{ id: 'shoe', unitCost: 30, price: 60, holdingCost: { perUnitPerDay: 0.02 }, unmetDemand: 'backorder' }],
    nodes: [{ id: 'maker', type: 'supplier' }, ...warehouses.map((w) => ({ id: w.id, type: 'warehouse' as const })), { id: 'city', type: 'zone' }],
    lanes: warehouses.map((w) => ({ from: 'maker', to: w.id, leadTime: options.supplierLeadTime ?? { type: 'constant', value: 4 } })),
    stockPoints: warehouses.map((w) => ({
      node: w.id,
      product: 'shoe',
      policy: { type: 'rQ', reorderPoint: w.reorderPoint, orderQuantity: w.orderQuantity },
      ...(w.initialOnHand !== undefined ? { initialOnHand: w.initialOnHand } : {}),
    })),
    demand: [{ type: 'arrivals', node: 'city', product: 'shoe', customersPerDay: options.customersPerDay ?? 10 }],
    fulfilment: [
      {
        zone: 'city',
        from: warehouses.map((w) => ({
          warehouse: w.id,
          pickPackDays: options.pickPack ?? { type: 'constant', value: 0.5 },
          transitDays: options.transit ?? { type: 'constant', value: 1 },
        })),
        ...options.fulfilment,
      },
    ],
    customers: options.customers ?? [],
    disruptions: options.disruptions ?? [],
  };
}

const run = (input: ScenarioInput, replication = 0): RunResult => runReplication(scenarioOf(input), 0, replication, { series: false });

/** |observed share - p| within 3 standard errors of a binomial share over n trials */
function expectShare(successes: number, trials: number, p: number): void {
  expect(trials).toBeGreaterThan(500);
  expect(Math.abs(successes / trials - p)).toBeLessThan(3 * Math.sqrt((p * (1 - p)) / trials));
}

describe('online orders: promises, deliveries, abandoned carts', () => {
  it('from stock with fixed times: every order arrives 1.5 days after it was placed, on time and within its window', () => {
    const result = run(online({ warehouses: [{ id: 'dc', reorderPoint: 80, orderQuantity: 100 }] }));
    const kpis = result.network.kpis;
    const [zone] = result.zones;
    expect(zone.delivered).toBeGreaterThan(2500);
    expect(kpis.avgCustomerWait).toBeCloseTo(1.5, 9);
    expect(kpis.onTimeDelivery).toBe(1);
    expect(kpis.promiseAccuracy).toBe(1);
    expect(kpis.fillRate).toBe(1);
  });

  it('with fixed times, a promise made from the expected replenishment is kept even when the warehouse is short', () => {
    // a tight warehouse: many orders wait for stock, and each was promised the date its units come in
    const result = run(online({ warehouses: [{ id: 'dc', reorderPoint: 5, orderQuantity: 15 }], customersPerDay: 8 }));
    expect(result.network.kpis.fillRate!).toBeLessThan(0.9);
    expect(result.zones[0].late).toBe(0);
    expect(result.network.kpis.onTimeDelivery).toBe(1);
    expect(result.network.kpis.avgCustomerWait!).toBeGreaterThan(1.5);
  });

  it('late deliveries as theory says: transit U(0.5, 2.5) against a promise of 2 days to the end of the day is kept 75% of the time', () => {
    // promisedBy = ceil(t + 2) = t + 3 - frac(t); delivery at t + 0.5 + T; on time iff T <= 2.5 - frac(t),
    // so P = E[(2 - frac)/2] = 0.75 with frac(t) uniform (Poisson arrivals)
    const result = run(online({ transit: { type: 'uniform', min: 0.5, max: 2.5 }, warehouses: [{ id: 'dc', reorderPoint: 60, orderQuantity: 100 }] }));
    const [zone] = result.zones;
    expectShare(zone.onTime, zone.delivered, 0.75);
    expect(result.network.kpis.onTimeDelivery).toBeCloseTo(zone.onTime / zone.delivered, 12);
    // accurate: delivered no more than a day before the promise: T >= 1.5 - frac, P = E[(2.5 - (1.5 - frac) ... )]
    // within the window [promisedBy - 1, promisedBy]: 1.5 - frac <= T <= 2.5 - frac, P = 1/2
    expectShare(zone.accurate, zone.delivered, 0.5);
  });

  it('abandoned carts as theory says: a tolerance U(2, 4) days against promises of 3 - frac(t) days loses a quarter of them', () => {
    const result = run(online({ fulfilment: { tolerance: { type: 'uniform', min: 2, max: 4 } }, transit: { type: 'constant', value: 1.5 }, warehouses: [{ id: 'dc', reorderPoint: 60, orderQuantity: 100 }] }));
    const [zone] = result.zones;
    expectShare(zone.abandoned, zone.orders, 0.25);
    const kpis = result.network.kpis;
    expect(kpis.abandonedCarts).toBe(zone.abandoned);
    // an abandoned cart is demand never sold (lostSalesUnits), not a stockout: the fill rate counts it as unmet
    expect(kpis.lostSalesUnits).toBe(zone.abandoned);
  });

  it('express customers pay a premium and are promised the faster transit', () => {
    const result = run(
      online({
        transit: { type: 'constant', value: 3 },
        fulfilment: { express: { share: 0.3, transitDays: { type: 'constant', value: 0.5 }, pricePremium: 8 } },
        warehouses: [{ id: 'dc', reorderPoint: 80, orderQuantity: 100 }],
      }),
    );
    const [zone] = result.zones;
    expectShare(zone.express, zone.orders, 0.3);
    expect(result.network.kpis.revenue).toBeCloseTo(60 * result.network.counters.deliveredUnits + 8 * zone.express, 6);
    // express waits 1 day, standard 3.5: the mean wait is 0.3 x 1 + 0.7 x 3.5 = 2.75, up to the share's noise
    const wait = zone.waitDays / zone.delivered;
    expect(Math.abs(wait - 2.75)).toBeLessThan(3 * 2.5 * Math.sqrt((0.3 * 0.7) / zone.delivered));
    expect(result.network.kpis.avgCustomerWait).toBeCloseTo(wait, 12);
    expect(zone.late).toBe(0);
  });

  it("a warehouse's own express transit overrides the zone's", () => {
    const input = online({
      transit: { type: 'constant', value: 3 },
      fulfilment: { express: { share: 1, transitDays: { type: 'constant', value: 2 }, pricePremium: 1 } },
      warehouses: [{ id: 'dc', reorderPoint: 80, orderQuantity: 100 }],
    });
    const [zone] = run(input).zones;
    expect(zone.waitDays / zone.delivered).toBeCloseTo(2.5, 9);
    input.fulfilment![0].from[0].expressTransitDays = { type: 'constant', value: 0.25 };
    const [faster] = run(input).zones;
    expect(faster.waitDays / faster.delivered).toBeCloseTo(0.75, 9);
  });
});

describe('fulfilment rules', () => {
  const twoWarehouses = (rule: FulfilmentInput['rule']) => {
    const input = online({
      warehouses: [
        { id: 'near', reorderPoint: 5, orderQuantity: 10, initialOnHand: 0 },
        { id: 'far', reorderPoint: 80, orderQuantity: 100 },
      ],
      fulfilment: { rule },
      horizonDays: 60,
    });
    // the nearest warehouse never gets stock: its supplier lane takes longer than the run
    input.lanes![0].leadTime = { type: 'constant', value: 1000 };
    return input;
  };

  it('nearest: the nearest warehouse with stock ships, the others are passed over', () => {
    const result = run(twoWarehouses('nearest'));
    const [near, far] = result.stockPoints;
    expect(near.counters.demandUnits).toBe(0);
    expect(far.counters.demandUnits).toBeGreaterThan(400);
    expect(result.zones[0].delivered).toBeGreaterThan(400);
  });

  it('nearestOnly: every order waits at the nearest, however long', () => {
    const result = run(twoWarehouses('nearestOnly'));
    const [near, far] = result.stockPoints;
    expect(far.counters.demandUnits).toBe(0);
    expect(near.counters.backorderedUnits).toBe(near.counters.demandUnits);
    expect(result.zones[0].delivered).toBe(0);
  });

  it('split: what the nearest lacks comes from the next, in one order delivered with its last part', () => {
    const input = online({
      warehouses: [
        { id: 'near', reorderPoint: 2, orderQuantity: 3 },
        { id: 'far', reorderPoint: 40, orderQuantity: 100 },
      ],
      fulfilment: { rule: 'split' },
      horizonDays: 120,
    });
    input.demand![0] = { type: 'arrivals', node: 'city', product: 'shoe', customersPerDay: 4, quantity: { type: 'constant', value: 3 } };
    const result = run(input);
    const [near, far] = result.stockPoints;
    expect(near.counters.demandUnits).toBeGreaterThan(0);
    expect(far.counters.demandUnits).toBeGreaterThan(0);
    // parts are not orders: the zone counts each order once
    const units = near.counters.demandUnits + far.counters.demandUnits;
    expect(result.zones[0].orders * 3).toBe(units);
  });

  it('cheapest: among warehouses with stock, the cheapest delivery ships', () => {
    const input = online({ warehouses: [{ id: 'near', reorderPoint: 80, orderQuantity: 100 }, { id: 'far', reorderPoint: 80, orderQuantity: 100 }], fulfilment: { rule: 'cheapest' }, horizonDays: 60 });
    input.fulfilment![0].from[0].costPerUnit = 5;
    input.fulfilment![0].from[1].costPerUnit = 2;
    const result = run(input);
    const [near, far] = result.stockPoints;
    expect(near.counters.demandUnits).toBe(0);
    expect(far.counters.transportCost).toBeGreaterThan(0);
    expect(far.counters.demandUnits).toBeGreaterThan(400);
  });
});

describe('proactive communication', () => {
  /** a supplier outage empties the warehouse; late customers leave unless told early */
  const outage = (proactive: boolean, seed: string) =>
    online({
      seed,
      warehouses: [{ id: 'dc', reorderPoint: 15, orderQuantity: 40 }],
      transit: { type: 'uniform', min: 0.5, max: 2.5 },
      customers: [{ node: 'city', initial: 2000, churn: { onStockout: 0, onBackorder: 0, onLate: 0.5, onAbandon: 0 } }],
      fulfilment: { communication: { proactive, churnIfNotified: 0.15, voucherCost: 5 } },
      disruptions: [{ type: 'supplierOutage', node: 'maker', occurrence: { type: 'scheduled', start: 60, end: 90 } }],
      horizonDays: 200,
    });

  it('never raises churn when everything else is equal (same seed), on every seed tried', () => {
    let fewer = 0;
    for (const seed of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']) {
      const silent = run(outage(false, seed));
      const told = run(outage(true, seed));
      const churned = (result: RunResult) => result.customerBases[0].churned;
      expect(churned(told)).toBeLessThanOrEqual(churned(silent));
      if (churned(told) < churned(silent)) fewer++;
      expect(told.customerBases[0].churnedBy.late).toBe(churned(told));
      expect(told.zones[0].notified).toBeGreaterThan(0);
      expect(silent.zones[0].notified).toBe(0);
      expect(told.network.kpis.voucherCost).toBe(5 * told.zones[0].notified);
      expect(silent.network.kpis.voucherCost).toBe(0);
    }
    // and it does lower it: the comparison was not between equals
    expect(fewer).toBe(8);
  });

  it('tells nearly every customer whose delivery will be late before it arrives; some told make it after all', () => {
    const told = run(outage(true, 'a'));
    const [zone] = told.zones;
    expect(zone.late).toBeGreaterThan(100);
    expect(zone.lateNotified).toBeGreaterThan(0.95 * zone.late);
    // told when their order could no longer make its date on average; a fast courier saved some
    expect(zone.notified).toBeGreaterThan(zone.lateNotified);
  });
});

describe('delivery disruptions', () => {
  it('a carrier slowdown in the zone makes deliveries late while it lasts', () => {
    const calm = run(online({ warehouses: [{ id: 'dc', reorderPoint: 40, orderQuantity: 100 }] }));
    const storm = run(
      online({
        warehouses: [{ id: 'dc', reorderPoint: 40, orderQuantity: 100 }],
        disruptions: [{ type: 'deliveryDelay', zone: 'city', multiplier: 3, occurrence: { type: 'scheduled', start: 100, end: 130 } }],
      }),
    );
    expect(calm.zones[0].late).toBe(0);
    expect(storm.zones[0].late).toBeGreaterThan(200);
  });
});

describe('weekly online series', () => {
  it("are each replication's 7-day shares and averages, then their mean and 95% interval over replications", () => {
    const input = online({ transit: { type: 'uniform', min: 0.5, max: 2.5 }, fulfilment: { tolerance: { type: 'uniform', min: 2, max: 4 } }, horizonDays: 40 });
    const result = runExperiment(scenarioOf({ ...input, replications: 4, output: { series: 'network' } }));
    const weekly = result.variants[0].series!.onlineWeekly!;
    const runs = [0, 1, 2, 3].map((r) => runReplication(scenarioOf({ ...input, output: { series: 'network' } }), 0, r).series!.online!);
    const window = (values: number[], d: number) => values.slice(Math.max(0, d - 6), d + 1).reduce((a, b) => a + b, 0);
    for (const d of [0, 3, 6, 20, 39]) {
      const shares = runs.map((series) => window(series.onTime, d) / window(series.delivered, d)).filter((share) => !Number.isNaN(share));
      const mean = shares.reduce((a, b) => a + b, 0) / shares.length;
      if (shares.length === 0) expect(weekly.onTimeShare.mean[d]).toBeNaN();
      else expect(weekly.onTimeShare.mean[d]).toBeCloseTo(mean, 12);
      const abandoned = runs.map((series) => window(series.abandoned, d) / Math.min(7, d + 1));
      expect(weekly.abandonedPerDay.mean[d]).toBeCloseTo(abandoned.reduce((a, b) => a + b, 0) / 4, 12);
    }
    expect(weekly.onTimeShare.halfWidth[20]).toBeGreaterThan(0);
  });
});
