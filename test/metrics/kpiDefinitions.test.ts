import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { addCounters, computeKpis, emptyCounters, KPI_NAMES, type KpiCounters } from '../../src/metrics/kpis.ts';
import { repoRoot } from '../fixtures/scenario.ts';

/**
 * Each KPI from counters, against its definition in docs/KPIS.md worked out by hand on small numbers
 * (chosen so that a wrong operator or a swapped operand gives another number). Written to kill the
 * mutants of src/metrics/kpis.ts that survived the first mutation run (docs/MUTATION.md).
 */

/** A stock point over a 50-day window. */
function counters(values: Partial<KpiCounters>): KpiCounters {
  return { ...emptyCounters(50), stockPoints: 1, ...values };
}

/** The sample variance by the two-pass formula (divisor n − 1), independent of the engine's sums. */
function sampleVariance(values: readonly number[]): number {
  const mean = values.reduce((sum, x) => sum + x, 0) / values.length;
  return values.reduce((sum, x) => sum + (x - mean) ** 2, 0) / (values.length - 1);
}

/** Per-day order and demand series as the counters keep them: sums and sums of squares. */
function bullwhipCounters(orders: readonly number[], demand: readonly number[]): Partial<KpiCounters> {
  return {
    bullwhipDays: orders.length,
    dailyOrderSum: orders.reduce((sum, x) => sum + x, 0),
    dailyOrderSumSquares: orders.reduce((sum, x) => sum + x * x, 0),
    dailyDemandSum: demand.reduce((sum, x) => sum + x, 0),
    dailyDemandSumSquares: demand.reduce((sum, x) => sum + x * x, 0),
  };
}

describe('service KPIs follow their definitions', () => {
  it('fill rate is units met immediately ÷ units demanded', () => {
    expect(computeKpis(counters({ demandUnits: 60, filledImmediatelyUnits: 45 })).fillRate).toBe(0.75);
  });

  it('cycle service level is the fraction of cycles without a stockout, null without cycles', () => {
    expect(computeKpis(counters({ cycles: 8, cyclesWithStockout: 2 })).cycleServiceLevel).toBe(0.75);
    expect(computeKpis(counters({ cycles: 8, cyclesWithStockout: 0 })).cycleServiceLevel).toBe(1);
    expect(computeKpis(counters({ cycles: 0, cyclesWithStockout: 0 })).cycleServiceLevel).toBeNull();
  });

  it('ready rate is days in stock ÷ (window × stock points), null for no stock points', () => {
    // two points, 50 days each: 100 point-days, 80 of them in stock
    expect(computeKpis(counters({ stockPoints: 2, daysInStock: 80 })).readyRate).toBe(0.8);
    expect(computeKpis(counters({ stockPoints: 1, daysInStock: 40 })).readyRate).toBe(0.8);
    expect(computeKpis(counters({ stockPoints: 0, daysInStock: 0 })).readyRate).toBeNull();
  });

  it('on-time delivery and promise accuracy are shares of promised orders, null without promised orders or either count', () => {
    const kpis = computeKpis(counters({ promisedOrders: 20, onTimeOrders: 15, accurateOrders: 12 }));
    expect(kpis.onTimeDelivery).toBe(0.75);
    expect(kpis.promiseAccuracy).toBe(0.6);
    for (const values of [
      { promisedOrders: null, onTimeOrders: 15, accurateOrders: 12 },
      { promisedOrders: 20, onTimeOrders: null, accurateOrders: null },
      { promisedOrders: 0, onTimeOrders: 0, accurateOrders: 0 },
    ]) {
      const none = computeKpis(counters(values));
      expect(none.onTimeDelivery, JSON.stringify(values)).toBeNull();
      expect(none.promiseAccuracy, JSON.stringify(values)).toBeNull();
    }
    // one count known, the other not: each KPI looks at its own count
    const onlyOnTime = computeKpis(counters({ promisedOrders: 20, onTimeOrders: 5, accurateOrders: null }));
    expect([onlyOnTime.onTimeDelivery, onlyOnTime.promiseAccuracy]).toEqual([0.25, null]);
    const onlyAccurate = computeKpis(counters({ promisedOrders: 20, onTimeOrders: null, accurateOrders: 5 }));
    expect([onlyAccurate.onTimeDelivery, onlyAccurate.promiseAccuracy]).toEqual([null, 0.25]);
  });

  it('average customer wait is waiting days ÷ delivered orders, null with none delivered', () => {
    expect(computeKpis(counters({ totalWaitDays: 30, deliveredOrders: 40 })).avgCustomerWait).toBe(0.75);
    expect(computeKpis(counters({ totalWaitDays: 0, deliveredOrders: 0 })).avgCustomerWait).toBeNull();
  });
});

describe('inventory KPIs follow their definitions', () => {
  it('time averages are the areas (unit-days) ÷ the window', () => {
    const kpis = computeKpis(counters({ areaOnHand: 1000, areaPosition: 1500, areaPipeline: 600, areaBackorders: 100 }));
    expect([kpis.avgOnHand, kpis.avgInventoryPosition, kpis.avgPipeline, kpis.avgBackorders]).toEqual([20, 30, 12, 2]);
  });

  it('inventory turns: value issued ÷ average on-hand value, annualised; null with no stock value', () => {
    // 2,000 issued over 50 days, average value 10,000 / 50 = 200: 10 turns in 50 days, 73 a year
    expect(computeKpis(counters({ issuedValue: 2000, areaOnHandValue: 10_000 })).inventoryTurns).toBeCloseTo(73, 12);
    expect(computeKpis(counters({ issuedValue: 2000, areaOnHandValue: 0 })).inventoryTurns).toBeNull();
  });

  it('days of supply: average on-hand ÷ units issued a day; null with nothing issued', () => {
    // 20 on hand on average, 250 issued over 50 days = 5 a day: 4 days
    expect(computeKpis(counters({ areaOnHand: 1000, issuedUnits: 250 })).daysOfSupply).toBe(4);
    expect(computeKpis(counters({ areaOnHand: 1000, issuedUnits: 0 })).daysOfSupply).toBeNull();
  });

  it('bullwhip ratio: variance of daily orders ÷ variance of daily demand', () => {
    const orders = [0, 10, 0, 10];
    const demand = [4, 6, 5, 5];
    // 100 / 3 ÷ 2 / 3 = 50
    expect(computeKpis(counters(bullwhipCounters(orders, demand))).bullwhipRatio).toBeCloseTo(sampleVariance(orders) / sampleVariance(demand), 12);
    expect(sampleVariance(orders) / sampleVariance(demand)).toBeCloseTo(50, 12);
    // two days are enough: 50 / 2
    expect(computeKpis(counters(bullwhipCounters([0, 10], [4, 6]))).bullwhipRatio).toBeCloseTo(25, 12);
    // steady orders against varying demand: 0, not null
    expect(computeKpis(counters(bullwhipCounters([3, 3, 3], [1, 2, 6]))).bullwhipRatio).toBe(0);
  });

  it('bullwhip ratio is null with fewer than two days or with steady demand', () => {
    expect(computeKpis(counters(bullwhipCounters([7], [2]))).bullwhipRatio).toBeNull();
    expect(computeKpis(counters(bullwhipCounters([], []))).bullwhipRatio).toBeNull();
    expect(computeKpis(counters(bullwhipCounters([0, 10, 5], [5, 5, 5]))).bullwhipRatio).toBeNull();
  });

  it('end-of-period measures are reported for periodic-review points only', () => {
    const periodic = computeKpis(counters({ periodicPoints: 1, endOfPeriodOnHand: 7, endOfPeriodBackorders: 3, costPerPeriod: 11 }));
    expect([periodic.endOfPeriodOnHand, periodic.endOfPeriodBackorders, periodic.costPerPeriod]).toEqual([7, 3, 11]);
    const continuous = computeKpis(counters({ periodicPoints: 0 }));
    expect([continuous.endOfPeriodOnHand, continuous.endOfPeriodBackorders, continuous.costPerPeriod]).toEqual([null, null, null]);
  });

  it('outdating per period and the stock before outdating are reported where they apply (perishables at periodic-review points), else null', () => {
    const perishable = computeKpis(counters({ periodicPoints: 1, endOfPeriodOnHand: 7, outdatedPerPeriod: 1.25, endOfPeriodOnHandBeforeOutdating: 8 }));
    expect([perishable.outdatedPerPeriod, perishable.endOfPeriodOnHandBeforeOutdating]).toEqual([1.25, 8]);
    const lasting = computeKpis(counters({ periodicPoints: 1, endOfPeriodOnHand: 7 }));
    expect([lasting.outdatedPerPeriod, lasting.endOfPeriodOnHandBeforeOutdating]).toEqual([null, null]);
  });
});

describe('docs/KPIS.md defines every KPI', () => {
  const docs = readFileSync(join(repoRoot, 'docs/KPIS.md'), 'utf8');

  it('names each KPI of KPI_NAMES', () => {
    expect(KPI_NAMES.filter((name) => !docs.includes(`\`${name}\``))).toEqual([]);
  });

  it('gives the end-of-period measures of perishables a row of the periodic-review table, read after outdating', () => {
    for (const name of ['endOfPeriodOnHand', 'costPerPeriod', 'outdatedPerPeriod', 'endOfPeriodOnHandBeforeOutdating']) expect(docs, name).toContain(`| \`${name}\` |`);
    expect(docs).toMatch(/costPerPeriod` \| [^\n]*outdating \(expiry\) cost of the period/);
    expect(docs).toContain('"the end of the period" is after outdating');
  });
});

describe('money KPIs', () => {
  // each cost a different power of two, so that any term left out, doubled or subtracted shows
  const costs = {
    holdingCost: 1,
    orderingCost: 2,
    purchaseCost: 4,
    transportCost: 8,
    stockoutCost: 16,
    expiryCost: 32,
    damageCost: 64,
    obsolescenceCost: 128,
    recallCost: 256,
    returnsCost: 512,
    shrinkageCost: 1024,
    voucherCost: 2048,
    churnCost: 4096,
  };

  it('total cost adds all thirteen costs; profit is revenue − total cost', () => {
    const kpis = computeKpis(counters({ ...costs, revenue: 10_000 }));
    expect(kpis.totalCost).toBe(2 ** 13 - 1);
    expect(kpis.profit).toBe(10_000 - (2 ** 13 - 1));
    for (const [name, value] of Object.entries(costs)) expect(kpis[name as keyof typeof costs], name).toBe(value);
  });

  it('a cost that does not apply (null) counts as 0 in the total and stays null itself', () => {
    const kpis = computeKpis(counters({ holdingCost: 1, orderingCost: 2, purchaseCost: 4, transportCost: 8, stockoutCost: 16, revenue: null }));
    expect(kpis.totalCost).toBe(31);
    expect(kpis.expiryCost).toBeNull();
    expect(kpis.profit).toBeNull();
  });
});

describe('roll-ups add counters', () => {
  /** the counters a roll-up sums field by field */
  const ADDITIVE = [
    'stockPoints', 'customerDemandUnits', 'customerFilledImmediatelyUnits', 'lostUnits', 'backorderedUnits', 'deliveredUnits',
    'deliveredValue', 'totalWaitDays', 'deliveredOrders', 'cycles', 'cyclesWithStockout', 'areaOnHand', 'areaOnHandValue',
    'areaPosition', 'areaPipeline', 'areaBackorders', 'daysInStock', 'ordersPlaced', 'periodicPoints', 'endOfPeriodOnHand',
    'endOfPeriodBackorders', 'costPerPeriod', 'holdingCost', 'orderingCost', 'purchaseCost', 'transportCost', 'stockoutCost',
  ] as const;
  /** counters that are null where they do not apply */
  const NULLABLE = [
    'promisedOrders', 'onTimeOrders', 'accurateOrders', 'abandonedCarts', 'expiredUnits', 'damagedUnits', 'obsoleteUnits',
    'recalledUnits', 'returnedUnits', 'markdownUnits', 'shrinkageUnits', 'expiryCost', 'damageCost', 'obsolescenceCost',
    'recallCost', 'returnsCost', 'shrinkageCost', 'voucherCost', 'churnCost', 'activeCustomers', 'customersChurned', 'demandLostToChurn',
    'outdatedPerPeriod', 'endOfPeriodOnHandBeforeOutdating',
  ] as const;

  /** every counter set to a different value: 1 + index (+ offset) */
  function distinct(offset: number): KpiCounters {
    const values = counters({});
    [...ADDITIVE, ...NULLABLE].forEach((name, index) => (values[name] = offset + index + 1));
    values.stockPoints = 1;
    values.demandUnits = 1000 + offset;
    values.filledImmediatelyUnits = 900 + offset;
    values.issuedUnits = 800 + offset;
    values.issuedValue = 700 + offset;
    values.revenue = 600 + offset;
    return values;
  }

  it('every additive counter of the roll-up is the sum of the points’ counters', () => {
    const a = distinct(0);
    const b = distinct(100);
    const total = emptyCounters(50);
    addCounters(total, a);
    addCounters(total, b);
    for (const name of [...ADDITIVE, ...NULLABLE]) expect(total[name], name).toBe((a[name] as number) + (b[name] as number));
    expect(total.revenue).toBe(1300);
    expect(total.windowDays).toBe(50);
  });

  it('a roll-up’s demand is customer demand, and its issues are deliveries to customers', () => {
    const a = distinct(0);
    const b = distinct(100);
    const total = emptyCounters(50);
    addCounters(total, a);
    addCounters(total, b);
    expect(total.demandUnits).toBe(a.customerDemandUnits + b.customerDemandUnits);
    expect(total.filledImmediatelyUnits).toBe(a.customerFilledImmediatelyUnits + b.customerFilledImmediatelyUnits);
    expect(total.issuedUnits).toBe(a.deliveredUnits + b.deliveredUnits);
    expect(total.issuedValue).toBe(a.deliveredValue + b.deliveredValue);
  });

  it('a nullable counter is null only when no point has it; points without it add nothing', () => {
    const total = emptyCounters(50);
    addCounters(total, counters({ expiredUnits: null }));
    expect(total.expiredUnits).toBeNull();
    addCounters(total, counters({ expiredUnits: 5 }));
    expect(total.expiredUnits).toBe(5);
    addCounters(total, counters({ expiredUnits: null }));
    expect(total.expiredUnits).toBe(5);
    addCounters(total, counters({ expiredUnits: 3 }));
    expect(total.expiredUnits).toBe(8);
  });

  it('keeps revenue unknown once an unpriced point is in, whichever comes first', () => {
    const total = emptyCounters(50);
    addCounters(total, counters({ revenue: null }));
    addCounters(total, counters({ revenue: 250 }));
    expect(total.revenue).toBeNull();
  });

  it('does not add the per-day bullwhip sums (a roll-up records its own daily totals)', () => {
    const total = emptyCounters(50);
    addCounters(total, counters(bullwhipCounters([0, 10], [4, 6])));
    expect([total.bullwhipDays, total.dailyOrderSum, total.dailyOrderSumSquares, total.dailyDemandSum, total.dailyDemandSumSquares]).toEqual([0, 0, 0, 0, 0]);
  });
});
