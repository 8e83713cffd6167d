import { describe, expect, it } from 'vitest';
import { DAILY_LEVELS, DailySeries, ONLINE_LEVELS, RollupDaily } from '../../src/model/dailySeries.ts';
import type { StockPoint } from '../../src/model/stockPoint.ts';
import type { CustomerBase } from '../../src/model/customerBase.ts';
import { ZoneTally } from '../../src/model/onlineOrders.ts';

/** the fields of a stock point that the daily series read (a stand-in for the real class) */
interface PointDay {
  index: number;
  product?: number;
  supplier?: number;
  customerFacing?: boolean;
  onHand?: number;
  inventoryPosition?: number;
  backorders?: number;
  lastDayDemand?: number;
  lastDayCustomerDemand?: number;
  lastDaySales?: number;
  lastDayOrdered?: number;
  lastDayReceived?: number;
  lastDayShort?: number;
}

function point(day: PointDay): StockPoint {
  return {
    onHand: 0,
    inventoryPosition: 0,
    backorders: 0,
    lastDayDemand: 0,
    lastDayCustomerDemand: 0,
    lastDaySales: 0,
    lastDayOrdered: 0,
    lastDayReceived: 0,
    lastDayShort: 0,
    product: 0,
    customerFacing: false,
    ...day,
    supply: { supplier: day.supplier ?? -1 },
  } as unknown as StockPoint;
}

function zone(counts: Partial<Record<'delivered' | 'onTime' | 'late' | 'abandoned', number>>): ZoneTally {
  return Object.assign(new ZoneTally('z', -1), counts);
}

describe('DailySeries: the levels of each day, per stock point and for the network', () => {
  it('records each level under its own name, per point and summed over the network', () => {
    const series = new DailySeries(3, 2, true, 0);
    const a = point({ index: 0, onHand: 10, inventoryPosition: 11, backorders: 1, lastDayDemand: 4, lastDaySales: 3, lastDayOrdered: 5, lastDayReceived: 6, lastDayShort: 2 });
    const b = point({ index: 1, onHand: 100, inventoryPosition: 110, backorders: 10, lastDayDemand: 40, lastDaySales: 30, lastDayOrdered: 50, lastDayReceived: 60, lastDayShort: 20 });
    series.recordStockPoint(1, a);
    series.recordStockPoint(1, b);
    const ofA = [10, 11, 1, 4, 3, 5, 6, 2];
    DAILY_LEVELS.forEach((level, k) => {
      expect([level, ...series.perPoint[level][0]]).toEqual([level, 0, ofA[k], 0]);
      expect([level, ...series.perPoint[level][1]]).toEqual([level, 0, ofA[k] * 10, 0]);
      // the network: a + b = 11 times a's value
      expect([level, ...series.network[level]]).toEqual([level, 0, ofA[k] * 11, 0]);
    });
  });

  it('records only network totals when not asked for each point', () => {
    const series = new DailySeries(2, 2, false, 0);
    expect(series.perPoint.onHand).toEqual([]);
    series.recordStockPoint(0, point({ index: 0, onHand: 3 }));
    series.recordStockPoint(0, point({ index: 1, onHand: 4 }));
    expect([...series.network.onHand]).toEqual([7, 0]);
  });

  it('records day 0 and the last day, and nothing for a day outside the series', () => {
    const series = new DailySeries(2, 1, true, 1);
    series.recordStockPoint(0, point({ index: 0, onHand: 5 }));
    series.recordStockPoint(1, point({ index: 0, onHand: 6 }));
    series.recordStockPoint(-1, point({ index: 0, onHand: 7 }));
    series.recordStockPoint(2, point({ index: 0, onHand: 8 }));
    expect([...series.network.onHand, ...series.perPoint.onHand[0]]).toEqual([5, 6, 5, 6]);
    const base = { index: 0, active: 30 } as CustomerBase;
    series.recordCustomers(0, [base]);
    expect([...series.activeCustomers[0], ...series.networkActiveCustomers]).toEqual([30, 0, 30, 0]);
  });

  it('records the active customers of each base and their network total', () => {
    const series = new DailySeries(2, 0, false, 2);
    const bases = [{ index: 0, active: 120 }, { index: 1, active: 45 }] as CustomerBase[];
    series.recordCustomers(1, bases);
    expect([...series.activeCustomers[0]]).toEqual([0, 120]);
    expect([...series.activeCustomers[1]]).toEqual([0, 45]);
    expect([...series.networkActiveCustomers]).toEqual([0, 165]);
  });
});

describe('DailySeries: online orders per day', () => {
  it('records each day what the zones added that day, summed over zones', () => {
    const series = new DailySeries(3, 0, false, 0);
    const north = zone({});
    const south = zone({});
    expect(Object.keys(series.online).sort()).toEqual([...ONLINE_LEVELS].sort());
    north.delivered = 3;
    north.onTime = 2;
    north.late = 1;
    south.delivered = 4;
    south.onTime = 4;
    south.abandoned = 2;
    series.recordOnline(0, [north, south]);
    // day 1: north delivers 2 more (1 on time, 1 late), south abandons one more cart
    north.delivered = 5;
    north.onTime = 3;
    north.late = 2;
    south.abandoned = 3;
    series.recordOnline(1, [north, south]);
    // day 2: nothing new
    series.recordOnline(2, [north, south]);
    expect([...series.online.delivered]).toEqual([7, 2, 0]);
    expect([...series.online.onTime]).toEqual([6, 1, 0]);
    expect([...series.online.late]).toEqual([1, 1, 0]);
    expect([...series.online.abandoned]).toEqual([2, 1, 0]);
  });

  it('counts from zero again after the warm-up, when the zones restart their tallies', () => {
    const series = new DailySeries(3, 0, false, 0);
    const tally = zone({ delivered: 10 });
    series.recordOnline(0, [tally]);
    // end of the warm-up at the start of day 1: the zone's tally starts again, and 2 are delivered on day 1
    series.restartOnline([tally]);
    tally.reset();
    tally.delivered = 2;
    series.recordOnline(1, [tally]);
    expect([...series.online.delivered]).toEqual([10, 2, 0]);
  });

  it('keeps the part of the day before a warm-up that ends inside it (the day counts whole, like the stock series)', () => {
    const series = new DailySeries(3, 0, false, 0);
    const tally = zone({ delivered: 10, late: 1 });
    series.recordOnline(0, [tally]);
    // day 1: 3 delivered (1 late) before the warm-up ends at 1.5, then the tally restarts and 4 more
    tally.delivered = 13;
    tally.late = 2;
    series.restartOnline([tally]);
    tally.reset();
    tally.delivered = 4;
    series.recordOnline(1, [tally]);
    // day 2: 5 more
    tally.delivered = 9;
    series.recordOnline(2, [tally]);
    expect([...series.online.delivered]).toEqual([10, 7, 5]);
    expect([...series.online.late]).toEqual([1, 1, 0]);
  });

  it('a day outside the series is not recorded, and does not count as the previous day', () => {
    const series = new DailySeries(2, 0, false, 0);
    const tally = zone({ delivered: 4 });
    // before the series starts: nothing is recorded, and day 0 still counts the 4 delivered so far
    series.recordOnline(-1, [tally]);
    tally.delivered = 6;
    series.recordOnline(0, [tally]);
    tally.delivered = 9;
    series.recordOnline(1, [tally]);
    expect([...series.online.delivered]).toEqual([6, 3]);
  });
});

describe('RollupDaily: the daily sums behind the bullwhip ratio', () => {
  it('sums per product and for the network the units ordered from suppliers and the customer demand of each day', () => {
    const rollup = new RollupDaily(2);
    // product 0: a store (customer-facing, supplied by a warehouse) and a warehouse supplied by
    // supplier gate 0; product 1: a store supplied directly by supplier gate 1
    const points = (store0: [number, number], warehouse0: [number, number], store1: [number, number]) => [
      point({ index: 0, product: 0, customerFacing: true, supplier: -1, lastDayOrdered: store0[0], lastDayCustomerDemand: store0[1] }),
      point({ index: 1, product: 0, customerFacing: false, supplier: 0, lastDayOrdered: warehouse0[0], lastDayCustomerDemand: warehouse0[1] }),
      point({ index: 2, product: 1, customerFacing: true, supplier: 1, lastDayOrdered: store1[0], lastDayCustomerDemand: store1[1] }),
    ];
    // the warehouse's own "customer demand" (99) is not a customer's: it does not face customers;
    // the store of product 0 orders from the warehouse, not from a supplier (its 50 do not count)
    rollup.closeDay(points([50, 3], [8, 99], [5, 2]));
    rollup.closeDay(points([50, 1], [0, 99], [1, 4]));
    // product 0: orders 8, 0; demand 3, 1.  product 1: orders 5, 1; demand 2, 4.
    // network: orders 13, 1; demand 5, 5.
    expect([...rollup.sums]).toEqual([
      2, 8, 64, 4, 10,
      2, 6, 26, 6, 20,
      2, 14, 170, 10, 50,
    ]);
  });

  it('starts again from zero at the end of the warm-up', () => {
    const rollup = new RollupDaily(1);
    rollup.closeDay([point({ index: 0, product: 0, customerFacing: true, supplier: 0, lastDayOrdered: 3, lastDayCustomerDemand: 2 })]);
    rollup.restart();
    rollup.closeDay([point({ index: 0, product: 0, customerFacing: true, supplier: 0, lastDayOrdered: 1, lastDayCustomerDemand: 4 })]);
    expect([...rollup.sums]).toEqual([1, 1, 1, 4, 16, 1, 1, 1, 4, 16]);
  });
});
