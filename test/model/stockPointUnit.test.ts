import { describe, expect, it } from 'vitest';
import { FIELD, POINT_ROW_WIDTH } from '../../src/model/counters.ts';
import type { Policy } from '../../src/model/policies/policy.ts';
import { NO_CARE } from '../../src/model/productCare.ts';
import { policyMayOrder, sellFromShelf, StockPoint, type Supply } from '../../src/model/stockPoint.ts';
import { ConstantSampler } from '../../src/random/distributions/constant.ts';

/**
 * StockPoint on its own, constructed directly: its levels, what it owes, its time integrals, its
 * day marks, its order bookkeeping and the two table functions of the customer-arrival fast path.
 * Every expected value is worked out by hand from the calls made.
 */

const CUSTOMER = -1;

function policyOf(options: { reviewPeriod?: number; quietAbove?: number } = {}): Policy {
  return {
    type: options.reviewPeriod ? 'periodicRS' : 'sS',
    reviewPeriod: options.reviewPeriod ?? 0,
    firstReview: 0,
    reorderPoint: null,
    orderUpTo: null,
    defaultInitialOnHand: 0,
    quietAbove: options.quietAbove ?? 5,
    orderQuantity: () => 0,
  };
}

const SUPPLY: Supply = { supplier: 0, upstream: -1, lane: 0, leadTime: new ConstantSampler(2), processing: null, stage: -1 };

interface PointOptions {
  index?: number;
  initialOnHand?: number;
  unitCost?: number;
  price?: number | null;
  holdingCostPerDay?: number;
  backorderCostPerDay?: number;
  casePack?: number;
  minOrderQuantity?: number;
  customerBase?: number;
  customerFacing?: boolean;
  windowDays?: number;
  policy?: Policy;
  row?: Float64Array;
}

function pointOf(options: PointOptions = {}): StockPoint {
  const args = [
    options.index ?? 0,
    'store',
    0,
    'widget',
    options.policy ?? policyOf(),
    SUPPLY,
    options.initialOnHand ?? 0,
    options.unitCost ?? 10,
    options.price === undefined ? 15 : options.price,
    options.holdingCostPerDay ?? 0.5,
    7, // ordering cost
    3, // stockout penalty
    options.backorderCostPerDay ?? 2,
    true,
    false,
    options.casePack ?? 1,
    options.minOrderQuantity ?? 0,
    -1,
    options.customerBase ?? -1,
    options.customerFacing ?? true,
    options.windowDays ?? 100,
  ] as const;
  return options.row ? new StockPoint(...args, options.row) : new StockPoint(...args);
}

describe('a stock point at construction', () => {
  it('starts with its initial stock on the shelf, nothing on order or owed, and its window the whole run', () => {
    const point = pointOf({ initialOnHand: 12, windowDays: 30 });
    expect(point.onHand).toBe(12);
    expect(point.counters.onHand).toBe(12);
    expect(point.onOrder).toBe(0);
    expect(point.backorders).toBe(0);
    expect(point.inventoryPosition).toBe(12);
    expect(point.windowDays).toBe(30);
    expect(point.windowCounters().windowDays).toBe(30);
  });

  it('starts with the documented defaults: first come first served, exact record, no care, nothing expected', () => {
    const point = pointOf();
    expect(point.ended).toBe(false);
    expect(point.allocation).toBeNull();
    expect(point.allocationPending).toBe(false);
    expect(point.servesOnline).toBe(false);
    expect(point.visibility).toBeNull();
    expect(point.care).toBe(NO_CARE);
    expect(point.lots).toBeNull();
    expect(point.inbound).toBeNull();
    expect(point.issuing).toBe('fifo');
    expect(point.cycleHadStockout).toBe(false);
    expect(point.windowStart).toBeNull();
    expect(point.downstream).toEqual([]);
    expect(point.echelonReviewers).toEqual([]);
    expect(point.backlog.length).toBe(0);
    expect(point.expectedLeadDays).toBe(0);
    expect(point.phantom).toBe(0);
    expect(point.pipeline).toBe(0);
    // the clock is the row's: it reads what was set
    point.now = 3.5;
    expect(point.now).toBe(3.5);
    expect(point.counters.now).toBe(3.5);
  });

  it('works on the row it is given, so the simulation table sees its numbers', () => {
    const table = new Float64Array(2 * POINT_ROW_WIDTH);
    const point = pointOf({ initialOnHand: 4, row: table.subarray(POINT_ROW_WIDTH) });
    expect(table[POINT_ROW_WIDTH + FIELD.onHand]).toBe(4);
    point.onOrder = 3;
    expect(table[POINT_ROW_WIDTH + FIELD.onOrder]).toBe(3);
  });

  it('keeps the policy bound: a continuous-review point asks its policy at or below quietAbove, a periodic one never on a sale', () => {
    const continuous = pointOf({ policy: policyOf({ quietAbove: 5 }) });
    expect(continuous.quietAbove).toBe(5);
    const row = continuous.counters.values;
    continuous.onHand = 6;
    expect(policyMayOrder(row, 0)).toBe(false);
    continuous.onHand = 5; // exactly at the bound: may order
    expect(policyMayOrder(row, 0)).toBe(true);

    // periodic review: the table bound is -Infinity, whatever quietAbove says
    const periodic = pointOf({ policy: policyOf({ reviewPeriod: 7, quietAbove: 5 }) });
    periodic.onHand = -1000;
    expect(policyMayOrder(periodic.counters.values, 0)).toBe(false);
  });
});

describe('positions', () => {
  it('the record is the shelf plus phantom units, and the position adds on order and takes off what is owed', () => {
    const point = pointOf({ initialOnHand: 10 });
    point.phantom = 2;
    point.onOrder = 5;
    point.owe(4, CUSTOMER, 0);
    expect(point.recordedOnHand).toBe(12);
    expect(point.phantom).toBe(2);
    // 10 + 2 + 5 - 4
    expect(point.inventoryPosition).toBe(13);
  });

  it('policyMayOrder reads the same position as the policy (phantom and on order included, backorders off)', () => {
    const point = pointOf({ initialOnHand: 3, policy: policyOf({ quietAbove: 4 }) });
    const row = point.counters.values;
    point.phantom = 2; // 3 + 2 = 5 > 4
    expect(policyMayOrder(row, 0)).toBe(false);
    point.owe(1, CUSTOMER, 0); // 5 - 1 = 4
    expect(policyMayOrder(row, 0)).toBe(true);
    point.onOrder = 0.5; // 4.5
    expect(policyMayOrder(row, 0)).toBe(false);
  });

  it('the echelon position counts stock below and in transit to it, customers owed below, but not what it owes the points below', () => {
    const top = pointOf({ index: 0, initialOnHand: 20 });
    const middle = pointOf({ index: 1, initialOnHand: 5 });
    const bottom = pointOf({ index: 2, initialOnHand: 1 });
    top.downstream.push(middle);
    middle.downstream.push(bottom);
    top.onOrder = 30;
    top.owe(6, 1, 0); // owed to the middle point: counted once, in the middle's on order
    top.owe(2, CUSTOMER, 0); // owed to a customer at the top
    middle.pipeline = 4;
    middle.onOrder = 10; // 4 in transit + 6 owed by top: not counted at the top's echelon
    middle.phantom = 1;
    bottom.pipeline = 3;
    bottom.owe(7, CUSTOMER, 0);
    // top: 30 on order + (20 - 2) ; middle: 4 in transit + (5 + 1) ; bottom: 3 in transit + (1 - 7)
    expect(top.echelonInventoryPosition).toBe(30 + 18 + 4 + 6 + 3 - 6);
    // middle: 10 on order + 6 + 3 + (1 - 7)
    expect(middle.echelonInventoryPosition).toBe(13);
    expect(bottom.echelonInventoryPosition).toBe(-6);
  });
});

describe('what a stock point owes', () => {
  it('owe adds to backorders, and to internal backorders only for a downstream point (index 0 included)', () => {
    const point = pointOf();
    point.owe(3, CUSTOMER, 0);
    expect(point.backorders).toBe(3);
    expect(point.internalBackorders).toBe(0);
    point.owe(2, 0, 1); // downstream point 0
    point.owe(4, 5, 1);
    expect(point.backorders).toBe(9);
    expect(point.internalBackorders).toBe(6);
    expect(point.backlog.length).toBe(3);
    expect(point.counters.values[FIELD.waiting]).toBe(3);
  });

  it('serveOwed serves the front of the line, lowering internal backorders only when the front is a downstream point', () => {
    const point = pointOf();
    point.owe(3, 0, 0); // downstream point 0 first
    point.owe(5, CUSTOMER, 0);
    point.owe(2, 4, 0);
    point.serveOwed(1);
    expect(point.backorders).toBe(9);
    expect(point.internalBackorders).toBe(4);
    expect(point.counters.values[FIELD.waiting]).toBe(3);
    point.serveOwed(2); // the downstream point is served in full: it leaves the line
    expect(point.backorders).toBe(7);
    expect(point.internalBackorders).toBe(2);
    expect(point.counters.values[FIELD.waiting]).toBe(2);
    point.serveOwed(5); // the customer: internal backorders unchanged
    expect(point.backorders).toBe(2);
    expect(point.internalBackorders).toBe(2);
    expect(point.counters.values[FIELD.waiting]).toBe(1);
  });

  it('once the line is empty it owes exactly nothing, even when the amounts served leave rounding dust', () => {
    const point = pointOf();
    point.owe(0.1, 2, 0);
    point.owe(0.2, 2, 0);
    // 0.1 + 0.2 = 0.30000000000000004; serving 0.1 then 0.2 leaves 5.55e-17 on a plain subtraction
    point.serveOwed(0.1);
    point.serveOwed(0.2);
    expect(point.backlog.length).toBe(0);
    expect(point.backorders).toBe(0);
    expect(point.internalBackorders).toBe(0);
    expect(point.counters.values[FIELD.waiting]).toBe(0);
  });

  it('serveOwed clears internal backorders when the last one served was a customer and dust remains', () => {
    const point = pointOf();
    point.owe(0.1, 3, 0);
    point.owe(0.2, 3, 0);
    point.owe(1, CUSTOMER, 0);
    point.serveOwed(0.1);
    point.serveOwed(0.2);
    // the internal dust (5.55e-17) left now; serving the customer empties the line
    point.serveOwed(1);
    expect(point.internalBackorders).toBe(0);
    expect(point.backorders).toBe(0);
  });

  it('serveOwedAt serves out of line and compactOwed drops those served in full', () => {
    const point = pointOf();
    point.owe(3, CUSTOMER, 0);
    point.owe(4, 0, 0); // downstream point 0
    point.owe(5, 2, 0);
    point.serveOwedAt(1, 4);
    point.serveOwedAt(2, 1);
    point.serveOwedAt(0, 1); // a customer: internal backorders unchanged
    expect(point.backorders).toBe(6);
    expect(point.internalBackorders).toBe(4);
    expect(point.counters.values[FIELD.waiting]).toBe(3); // not compacted yet
    point.compactOwed();
    expect(point.backlog.length).toBe(2);
    expect(point.counters.values[FIELD.waiting]).toBe(2);
    expect(point.backlog.quantityAt(0)).toBe(2);
    expect(point.backlog.requesterAt(1)).toBe(2);
    expect(point.backorders).toBe(6);
    expect(point.internalBackorders).toBe(4);
  });

  it('compactOwed leaves exactly nothing owed when every entry was served, dust and all', () => {
    const point = pointOf();
    point.owe(0.1, 1, 0);
    point.owe(0.2, 1, 0);
    point.serveOwedAt(1, 0.2);
    point.serveOwedAt(0, 0.1);
    point.compactOwed();
    expect(point.backlog.length).toBe(0);
    expect(point.backorders).toBe(0);
    expect(point.internalBackorders).toBe(0);
    expect(point.counters.values[FIELD.waiting]).toBe(0);
  });
});

describe('time integrals', () => {
  it('accrue adds on hand, position, pipeline and backorders times the days elapsed, and the days in stock', () => {
    const point = pointOf({ initialOnHand: 4 });
    point.onOrder = 6;
    point.pipeline = 2;
    point.owe(1, CUSTOMER, 0);
    point.accrue(2.5);
    const c = point.counters;
    expect(c.areaOnHand).toBe(10); // 4 x 2.5
    expect(c.areaPosition).toBe(22.5); // (4 + 6 - 1) x 2.5
    expect(c.areaPipeline).toBe(5); // 2 x 2.5
    expect(c.areaBackorders).toBe(2.5);
    expect(c.daysInStock).toBe(2.5);
    expect(c.lastAccrual).toBe(2.5);
    expect(point.now).toBe(2.5);
    // nothing elapsed: nothing added
    point.accrue(2.5);
    expect(c.areaOnHand).toBe(10);
    expect(c.daysInStock).toBe(2.5);
    // an empty shelf adds no days in stock, nor does a shelf holding only dust
    point.onHand = 1e-10;
    point.accrue(4);
    expect(c.daysInStock).toBe(2.5);
    expect(c.lastAccrual).toBe(4);
    point.onHand = 2;
    point.accrue(5);
    expect(c.daysInStock).toBe(3.5);
    expect(c.areaOnHand).toBeCloseTo(10 + 1.5e-10 + 2, 12);
  });

  it('the position area leaves phantom units out (avgInventoryPosition is on hand + on order - backorders)', () => {
    const point = pointOf({ initialOnHand: 4 });
    point.phantom = 3;
    point.accrue(2);
    expect(point.counters.areaPosition).toBe(8);
  });

  it('accrue to an earlier time moves the clock but adds nothing and keeps the last accrual', () => {
    const point = pointOf({ initialOnHand: 4 });
    point.accrue(3);
    point.accrue(2);
    expect(point.now).toBe(2);
    expect(point.counters.lastAccrual).toBe(3);
    expect(point.counters.areaOnHand).toBe(12);
  });
});

describe('days, shelf and window', () => {
  it('closeDay turns the day since the last close into the lastDay figures', () => {
    const point = pointOf({ initialOnHand: 10 });
    const c = point.counters;
    // day 1: 6 demanded (2 of it by a downstream point), 4 filled at once, 4 issued, 5 ordered, 3 received
    c.demandUnits += 6;
    c.internalDemandUnits += 2;
    c.filledImmediatelyUnits += 4;
    c.orderedUnits += 5;
    point.put(3);
    point.closeDay();
    expect(point.lastDayDemand).toBe(6);
    expect(point.lastDayCustomerDemand).toBe(4);
    expect(point.lastDaySales).toBe(4);
    expect(point.lastDayOrdered).toBe(5);
    expect(point.lastDayReceived).toBe(3);
    expect(point.lastDayShort).toBe(2);
    // day 2: 1 more demanded by a customer and filled from backorder, 2 received
    c.demandUnits += 1;
    c.filledFromBackorderUnits += 1;
    point.put(2);
    point.closeDay();
    expect(point.lastDayDemand).toBe(1);
    expect(point.lastDayCustomerDemand).toBe(1);
    expect(point.lastDaySales).toBe(1);
    expect(point.lastDayOrdered).toBe(0);
    expect(point.lastDayReceived).toBe(2);
    expect(point.lastDayShort).toBe(1);
    // day 3: nothing happens
    point.closeDay();
    expect([point.lastDayDemand, point.lastDayCustomerDemand, point.lastDaySales, point.lastDayOrdered, point.lastDayReceived, point.lastDayShort]).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('take removes units from the shelf and put adds them, counting them received', () => {
    const point = pointOf({ initialOnHand: 10 });
    point.take(4);
    expect(point.onHand).toBe(6);
    expect(point.counters.receivedUnits).toBe(0);
    point.put(3);
    expect(point.onHand).toBe(9);
    expect(point.counters.receivedUnits).toBe(3);
  });

  it('demandSinceReview is the demand since the mark the review left', () => {
    const point = pointOf();
    point.counters.demandUnits = 12;
    expect(point.demandSinceReview).toBe(12);
    point.reviewStartDemand = 9;
    expect(point.demandSinceReview).toBe(3);
  });

  it('the window starts where startWindow marks it: the integrals up to then stay out, the state carries over', () => {
    const point = pointOf({ initialOnHand: 4, holdingCostPerDay: 0.5, unitCost: 10, windowDays: 100 });
    point.accrue(2); // 8 unit-days in the warm-up
    point.take(1);
    point.counters.demandUnits += 1;
    point.counters.filledImmediatelyUnits += 1;
    point.startWindow(5, 10); // 3 x 3 = 9 more unit-days before the mark
    expect(point.windowDays).toBe(10);
    point.counters.demandUnits += 2;
    point.counters.filledImmediatelyUnits += 2;
    point.take(2);
    point.accrue(15); // 1 unit x 10 days in the window
    const k = point.windowCounters();
    expect(k.windowDays).toBe(10);
    expect(k.areaOnHand).toBe(10);
    expect(k.holdingCost).toBe(5); // 10 unit-days x 0.5
    expect(k.areaOnHandValue).toBe(100);
    expect(k.demandUnits).toBe(2);
    expect(k.issuedValue).toBe(20);
    expect(point.counters.areaOnHand).toBe(8 + 9 + 10);
  });

  it('windowCounters reports with the point’s own price, costs and features', () => {
    const point = pointOf({ initialOnHand: 5, price: 15, unitCost: 10, backorderCostPerDay: 2, customerFacing: true, customerBase: 0 });
    point.counters.demandUnits = 3;
    point.counters.filledImmediatelyUnits = 3;
    point.take(3);
    point.owe(1, CUSTOMER, 0);
    point.accrue(4); // 4 unit-days owed
    point.counters.customersChurned = 2;
    const k = point.windowCounters();
    expect(k.revenue).toBe(45); // 3 delivered x 15
    expect(k.stockoutCost).toBe(8); // 4 unit-days x 2 at a customer-facing point
    expect(k.customersChurned).toBe(2); // customer base 0 is a customer base
    expect(k.shrinkageUnits).toBeNull(); // the record is exact
    expect(k.promisedOrders).toBeNull(); // no online orders
  });

  it('windowCounters leaves out what the point does not have: no price, no customers, not customer facing', () => {
    const point = pointOf({ price: null, customerFacing: false, customerBase: -1, backorderCostPerDay: 2 });
    point.owe(1, 3, 0);
    point.accrue(4);
    const k = point.windowCounters();
    expect(k.revenue).toBeNull();
    expect(k.customersChurned).toBeNull();
    expect(k.stockoutCost).toBe(0);
  });

  it('windowCounters reports shrinkage when the record can drift, and online measures when it ships online orders', () => {
    const point = pointOf();
    point.visibility = { shrinkagePerDay: 0.1, countEveryDays: 7, countDelayDays: 0, foundInFlight: 0, draws: () => 0 };
    point.servesOnline = true;
    point.care = { ...NO_CARE, shelfLifeDays: 30 };
    const k = point.windowCounters();
    expect(k.shrinkageUnits).toBe(0);
    expect(k.promisedOrders).toBe(0);
    expect(k.expiredUnits).toBe(0);
  });

  it('ledger reports the whole run, warm-up included, field by field', () => {
    const point = pointOf({ initialOnHand: 7 });
    const c = point.counters;
    point.put(11);
    const values: Record<string, number> = {
      issued: 0,
      returned: 2,
      demanded: 3,
      filledImmediately: 4,
      filledFromBackorder: 5,
      lost: 6,
      expired: 8,
      damaged: 9,
      obsolete: 10,
      recalled: 12,
      shrunk: 13,
      customerReturned: 14,
      restocked: 15,
      scrapped: 16,
    };
    c.returnedUnits = 2;
    c.demandUnits = 3;
    c.filledImmediatelyUnits = 4;
    c.filledFromBackorderUnits = 5;
    c.lostUnits = 6;
    c.expiredUnits = 8;
    c.damagedUnits = 9;
    c.obsoleteUnits = 10;
    c.recalledUnits = 12;
    c.shrunkUnits = 13;
    c.customerReturnedUnits = 14;
    c.restockedUnits = 15;
    c.scrappedUnits = 16;
    point.startWindow(1, 10); // the window mark does not change the ledger
    expect(point.ledger()).toEqual({ ...values, initialOnHand: 7, received: 11, issued: 9 });
  });
});

describe('replenishment orders and their completion', () => {
  it('an order is complete once the units received reach it, however it was split', () => {
    const point = pointOf();
    point.recordOrder(10);
    point.recordOrder(5);
    expect(point.recordReplenishment(4)).toBe(0);
    expect(point.recordReplenishment(6)).toBe(1); // 10 of 10
    expect(point.recordReplenishment(5)).toBe(1); // 15 of 15
    expect(point.recordReplenishment(1)).toBe(0); // nothing left to complete
  });

  it('one receipt can complete several orders, and rounding dust short of an order completes it', () => {
    const point = pointOf();
    point.recordOrder(0.1);
    point.recordOrder(0.2);
    point.recordOrder(3);
    // 0.1 + 0.2 as received in one piece of 0.3: the threshold is 0.30000000000000004
    expect(point.recordReplenishment(0.3)).toBe(2);
    expect(point.recordReplenishment(3 - 1e-10)).toBe(1);
  });

  it('units received exactly on a threshold complete it; short of it by more than dust they do not', () => {
    const point = pointOf();
    point.recordOrder(2);
    expect(point.recordReplenishment(2 - 1e-6)).toBe(0);
    expect(point.recordReplenishment(1e-6)).toBe(1);
  });

  it('keeps counting right over many orders (the list of completed orders is trimmed on the way)', () => {
    const point = pointOf();
    let completed = 0;
    // 200 orders of 1; receive them 3 at a time after ordering, with some waiting
    for (let i = 0; i < 200; i++) {
      point.recordOrder(1);
      if (i % 3 === 2) completed += point.recordReplenishment(3);
    }
    expect(completed).toBe(198);
    point.recordOrder(5);
    expect(point.recordReplenishment(1)).toBe(1); // order 199
    expect(point.recordReplenishment(1)).toBe(1); // order 200
    expect(point.recordReplenishment(4.5)).toBe(0); // 4.5 of the 5
    expect(point.recordReplenishment(0.5)).toBe(1);
  });

  it('after a long run of single completions the count stays exact (trimming at every step past 64)', () => {
    const point = pointOf();
    for (let i = 0; i < 150; i++) {
      point.recordOrder(2);
      expect(point.recordReplenishment(2)).toBe(1);
    }
    point.recordOrder(2);
    point.recordOrder(2);
    expect(point.recordReplenishment(3)).toBe(1);
    expect(point.recordReplenishment(1)).toBe(1);
  });

  it('roundOrder raises a positive order to the minimum, then up to whole case packs', () => {
    expect(pointOf({ minOrderQuantity: 10 }).roundOrder(3)).toBe(10);
    expect(pointOf({ minOrderQuantity: 10 }).roundOrder(12)).toBe(12);
    expect(pointOf({ casePack: 6 }).roundOrder(7)).toBe(12);
    expect(pointOf({ casePack: 6 }).roundOrder(12)).toBe(12);
    // a quantity a hair above a whole number of packs (floating point) is that number of packs
    expect(pointOf({ casePack: 6 }).roundOrder(12 + 1e-12)).toBe(12);
    expect(pointOf({ casePack: 6 }).roundOrder(12.001)).toBe(18);
    expect(pointOf({ minOrderQuantity: 10, casePack: 4 }).roundOrder(3)).toBe(12);
    // a fractional case pack below 1
    expect(pointOf({ casePack: 0.5 }).roundOrder(1.2)).toBe(1.5);
    expect(pointOf({ casePack: 1 }).roundOrder(1.2)).toBe(1.2);
  });

  it('roundOrder leaves zero and returns (negative quantities) as they are', () => {
    const point = pointOf({ minOrderQuantity: 10, casePack: 6 });
    expect(point.roundOrder(0)).toBe(0);
    expect(point.roundOrder(-7)).toBe(-7);
  });
});

describe('expected availability for online promises', () => {
  it('now when the shelf covers what is owed and the new units', () => {
    const point = pointOf({ initialOnHand: 5 });
    point.owe(2, CUSTOMER, 0);
    expect(point.expectedAvailability(3, 1)).toBe(1);
    expect(point.expectedAvailability(3 + 1e-10, 1)).toBe(1);
  });

  it('the expected arrival of the shipment that covers them, never before now', () => {
    const point = pointOf({ initialOnHand: 1 });
    point.expectedLeadDays = 9;
    point.expectIncoming(4, 2);
    point.expectIncoming(6, 3);
    expect(point.expectedAvailability(2, 0)).toBe(4); // short 1: the first shipment
    expect(point.expectedAvailability(3, 0)).toBe(4); // short 2: exactly the first shipment
    expect(point.expectedAvailability(4, 0)).toBe(6); // short 3: the second
    expect(point.expectedAvailability(6, 0)).toBe(6); // short 5: both exactly
    expect(point.expectedAvailability(6, 5)).toBe(6);
    expect(point.expectedAvailability(3, 5)).toBe(5); // covered by a shipment already overdue: now
    // short 6: more than is coming: a whole lead time from now
    expect(point.expectedAvailability(7, 2)).toBe(11);
  });

  it('arrivals cross off the earliest expected shipments, in part or in full', () => {
    const point = pointOf({ initialOnHand: 0 });
    point.expectedLeadDays = 10;
    point.expectIncoming(3, 2);
    point.expectIncoming(5, 4);
    point.crossOffIncoming(1); // first: 1 left
    expect(point.expectedAvailability(1, 0)).toBe(3);
    expect(point.expectedAvailability(2, 0)).toBe(5);
    point.crossOffIncoming(2); // first gone, second: 3 left
    expect(point.expectedAvailability(1, 0)).toBe(5);
    expect(point.expectedAvailability(3, 0)).toBe(5);
    expect(point.expectedAvailability(4, 0)).toBe(10);
    point.crossOffIncoming(3); // nothing expected
    expect(point.expectedAvailability(1, 0)).toBe(10);
    point.crossOffIncoming(5); // more than expected: nothing to cross off
    point.expectIncoming(20, 1);
    expect(point.expectedAvailability(1, 0)).toBe(20);
  });

  it('a shipment crossed off to rounding dust is gone', () => {
    const point = pointOf({ initialOnHand: 0 });
    point.expectedLeadDays = 10;
    point.expectIncoming(3, 0.3);
    point.expectIncoming(7, 1);
    point.crossOffIncoming(0.1);
    point.crossOffIncoming(0.2); // 0.3 - 0.1 - 0.2 = -2.8e-17 (or dust): gone
    point.crossOffIncoming(0.5); // from the second
    expect(point.expectedAvailability(0.5, 0)).toBe(7);
    expect(point.expectedAvailability(0.6, 0)).toBe(10);
  });

  it('keeps track over many shipments (the list of arrived shipments is trimmed on the way)', () => {
    const point = pointOf({ initialOnHand: 0 });
    point.expectedLeadDays = 1000;
    for (let i = 0; i < 150; i++) {
      point.expectIncoming(i, 1);
      if (i >= 2) point.crossOffIncoming(1);
    }
    // shipments 148 and 149 remain
    expect(point.expectedAvailability(1, 0)).toBe(148);
    expect(point.expectedAvailability(2, 0)).toBe(149);
    expect(point.expectedAvailability(3, 0)).toBe(1000);
    point.crossOffIncoming(1.5);
    expect(point.expectedAvailability(0.5, 0)).toBe(149);
    expect(point.expectedAvailability(0.6, 0)).toBe(1000);
  });
});

describe('a billionth of a unit is rounding dust (docs/SCENARIO.md: a shortfall of at most a billionth is not a stockout)', () => {
  it('a shelf holding exactly a billionth of a unit is not in stock', () => {
    const point = pointOf();
    point.onHand = 1e-9;
    point.accrue(2);
    expect(point.counters.daysInStock).toBe(0);
    expect(point.counters.areaOnHand).toBe(2e-9);
  });

  it('an order short by exactly a billionth of a unit is complete', () => {
    const point = pointOf();
    point.recordOrder(1);
    expect(point.recordReplenishment(1 - 1e-9)).toBe(1);
  });

  it('a shortfall of exactly a billionth is available now; one covered by a shipment up to a billionth, at that shipment', () => {
    const point = pointOf({ initialOnHand: 0 });
    point.expectedLeadDays = 10;
    expect(point.expectedAvailability(1e-9, 1)).toBe(1);
    point.expectIncoming(4, 1e-9);
    // short 2e-9, the shipment brings 1e-9: exactly a billionth short after it
    expect(point.expectedAvailability(2e-9, 1)).toBe(4);
  });

  it('an arrival of a billionth crosses nothing off', () => {
    const point = pointOf({ initialOnHand: 0 });
    point.expectedLeadDays = 10;
    point.expectIncoming(3, 2e-9);
    point.crossOffIncoming(1e-9);
    // still 2e-9 expected at 3: a need of 1.5e-9 is short by more than a billionth without it
    expect(point.expectedAvailability(1.5e-9, 0)).toBe(3);
  });

  it('a shipment left with exactly a billionth of a unit is crossed off', () => {
    const point = pointOf({ initialOnHand: 0 });
    point.expectedLeadDays = 10;
    point.expectIncoming(3, 2.5e-9);
    point.expectIncoming(7, 1);
    point.crossOffIncoming(1.5e-9); // the first: exactly 1e-9 left, gone
    // so this arrival is all the second's, leaving it 5e-10 (dust: gone). Had the first kept its
    // 1e-9, the second would keep 1.5e-9 and still be expected.
    point.crossOffIncoming(1 - 5e-10);
    // nothing is expected any more: a need of 2e-9 waits a whole lead time
    expect(point.expectedAvailability(2e-9, 0)).toBe(10);
  });
});

describe('the customer-arrival fast path on the table', () => {
  it('sells from the shelf when nobody waits and the shelf holds the order, as take and the counters would', () => {
    const table = new Float64Array(2 * POINT_ROW_WIDTH);
    const point = pointOf({ initialOnHand: 5, row: table.subarray(POINT_ROW_WIDTH, 2 * POINT_ROW_WIDTH) });
    point.onOrder = 1;
    expect(sellFromShelf(table, POINT_ROW_WIDTH, 2, 5)).toBe(true); // exactly what the shelf holds
    expect(point.onHand).toBe(0);
    const c = point.counters;
    expect(c.demandUnits).toBe(5);
    expect(c.filledImmediatelyUnits).toBe(5);
    expect(c.deliveredOrders).toBe(1);
    // accrued to 2 before the sale, with 5 on the shelf
    expect(c.areaOnHand).toBe(10);
    expect(c.areaPosition).toBe(12);
    expect(c.daysInStock).toBe(2);
    expect(point.now).toBe(2);
    // the row before it is untouched
    expect(table.subarray(0, POINT_ROW_WIDTH).every((x) => x === 0)).toBe(true);
  });

  it('changes nothing and declines when the shelf is short or someone is waiting', () => {
    const point = pointOf({ initialOnHand: 5 });
    const row = point.counters.values;
    const before = Float64Array.from(row);
    expect(sellFromShelf(row, 0, 1, 6)).toBe(false);
    expect(Array.from(row)).toEqual(Array.from(before));
    point.owe(1, CUSTOMER, 0);
    const owing = Float64Array.from(row);
    expect(sellFromShelf(row, 0, 1, 1)).toBe(false);
    expect(Array.from(row)).toEqual(Array.from(owing));
  });

  it('reads who is waiting from its own row, not from the point before it in the table', () => {
    // a warehouse that ships complete orders holds 5 while it owes a store 6: a walk-in customer
    // for 1 must queue behind the store, though the point before it in the table owes nobody
    const table = new Float64Array(2 * POINT_ROW_WIDTH);
    const point = pointOf({ initialOnHand: 5, row: table.subarray(POINT_ROW_WIDTH, 2 * POINT_ROW_WIDTH) });
    point.owe(6, 0, 0);
    const owing = Float64Array.from(table);
    expect(sellFromShelf(table, POINT_ROW_WIDTH, 1, 1)).toBe(false);
    expect(Array.from(table)).toEqual(Array.from(owing));
    expect(point.onHand).toBe(5);
  });
});
