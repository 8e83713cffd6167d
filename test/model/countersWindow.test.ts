import { describe, expect, it } from 'vitest';
import { Counters, FIELD, POINT_ROW_WIDTH, RARE, RARE_WIDTH } from '../../src/model/counters.ts';
import { NO_CARE, type ProductCare } from '../../src/model/productCare.ts';
import { ConstantSampler } from '../../src/random/distributions/constant.ts';

/**
 * Counters on their own: the row layout the stock point's fast path shares with the accessors, the
 * warm-up snapshot, and `windowSince`, which turns cumulative counters into the measured window's
 * figures (docs/KPIS.md, "Measured window": the window's figures are the differences between the
 * final counters and the snapshot taken at the end of the warm-up), with null where a KPI does not
 * apply.
 */

type CounterName = Exclude<keyof typeof FIELD, 'waiting' | 'askPolicyAtOrBelow' | 'internalBackorders' | 'phantom'>;
type RareName = keyof typeof RARE;
type Counts = Partial<Record<CounterName | RareName, number>>;

/** Adds `counts` to the counters through their accessors, as the engine's events do. */
function count(counters: Counters, counts: Counts): void {
  const named = counters as unknown as Record<string, number>;
  for (const [name, units] of Object.entries(counts)) named[name] += units;
}

/** What happened before the end of the warm-up: every counter non-zero, so a window that forgot to subtract it shows. */
const WARM_UP: Counts = {
  demandUnits: 40,
  internalDemandUnits: 10,
  filledImmediatelyUnits: 30,
  internalFilledImmediatelyUnits: 8,
  filledFromBackorderUnits: 4,
  customerFilledFromBackorderUnits: 3,
  lostUnits: 2,
  backorderedUnits: 5,
  totalWaitDays: 6,
  deliveredOrders: 20,
  cycles: 3,
  cyclesWithStockout: 1,
  areaOnHand: 200,
  areaPosition: 300,
  areaPipeline: 50,
  areaBackorders: 7,
  daysInStock: 9,
  daysWithoutBackorders: 8,
  ordersPlaced: 4,
  bullwhipDays: 10,
  dailyOrderSum: 40,
  dailyOrderSumSquares: 400,
  dailyDemandSum: 40,
  dailyDemandSumSquares: 250,
  periods: 2,
  endOfPeriodOnHandSum: 12,
  endOfPeriodBackordersSum: 2,
  periodCostSum: 30,
  orderingCost: 40,
  purchaseCost: 100,
  transportCost: 15,
  stockoutPenalties: 6,
  customersChurned: 1,
  demandLostToChurn: 3,
  churnCost: 50,
  expiredUnits: 1,
  markdownUnits: 2,
  markdownDiscount: 3,
  damagedUnits: 1,
  obsoleteUnits: 1,
  recalledUnits: 1,
  customerReturnedUnits: 2,
  restockedUnits: 1,
  scrappedUnits: 1,
  returnsCost: 4,
  refunds: 5,
  shrunkUnits: 1,
  onTimeOrders: 3,
  accurateOrders: 2,
  promisedOrders: 4,
  abandonedCarts: 1,
  voucherCost: 2,
  expressRevenue: 6,
  customerBackorderedUnits: 2,
  ordersReceived: 3,
  replenishedUnits: 150,
  outdatedInPeriodsSum: 1,
  endOfPeriodOnHandBeforeOutdatingSum: 13,
  customerOrders: 5,
  orderOutcomes: 4,
  ordersOnTimeInFull: 3,
  customerDeliveries: 4,
  deliveryDays: 6,
  deliveredOrdersOffFastPath: 15,
};

/** What happened in the measured window. */
const WINDOW: Counts = {
  demandUnits: 100,
  internalDemandUnits: 30,
  filledImmediatelyUnits: 80,
  internalFilledImmediatelyUnits: 25,
  filledFromBackorderUnits: 12,
  customerFilledFromBackorderUnits: 7,
  lostUnits: 3,
  backorderedUnits: 17,
  totalWaitDays: 21,
  deliveredOrders: 60,
  cycles: 10,
  cyclesWithStockout: 2,
  areaOnHand: 500,
  areaPosition: 900,
  areaPipeline: 150,
  areaBackorders: 40,
  daysInStock: 45,
  daysWithoutBackorders: 38,
  ordersPlaced: 11,
  bullwhipDays: 50,
  dailyOrderSum: 120,
  dailyOrderSumSquares: 1300,
  dailyDemandSum: 100,
  dailyDemandSumSquares: 900,
  periods: 4,
  endOfPeriodOnHandSum: 36,
  endOfPeriodBackordersSum: 6,
  periodCostSum: 88,
  orderingCost: 110,
  purchaseCost: 640,
  transportCost: 33,
  stockoutPenalties: 20,
  customersChurned: 2,
  demandLostToChurn: 9,
  churnCost: 300,
  expiredUnits: 5,
  markdownUnits: 6,
  markdownDiscount: 12,
  damagedUnits: 3,
  obsoleteUnits: 4,
  recalledUnits: 2,
  customerReturnedUnits: 8,
  restockedUnits: 5,
  scrappedUnits: 3,
  returnsCost: 14,
  refunds: 16,
  shrunkUnits: 7,
  onTimeOrders: 9,
  accurateOrders: 8,
  promisedOrders: 10,
  abandonedCarts: 3,
  voucherCost: 11,
  expressRevenue: 13,
  customerBackorderedUnits: 11,
  ordersReceived: 10,
  replenishedUnits: 600,
  outdatedInPeriodsSum: 6,
  endOfPeriodOnHandBeforeOutdatingSum: 40,
  customerOrders: 20,
  orderOutcomes: 18,
  ordersOnTimeInFull: 12,
  customerDeliveries: 16,
  deliveryDays: 30,
  deliveredOrdersOffFastPath: 45,
};

/** A product with every feature: shelf life, markdown, damage, end of life, returns and recalls. */
const FULL_CARE: ProductCare = {
  lots: true,
  shelfLifeDays: 10,
  disposalCostPerUnit: 1,
  markdown: { withinDays: 2, discount: 0.5 },
  damagePerDay: 0.01,
  damage: () => 0.5,
  endOfLifeDay: 300,
  salvageValue: 1.5,
  returns: {
    fraction: 0.1,
    delay: new ConstantSampler(3),
    restockShare: 0.5,
    reconditionCostPerUnit: 1,
    scrapCostPerUnit: 2,
    decisions: () => 0.5,
  },
  recallable: true,
};

type Point = Parameters<Counters['windowSince']>[2];

/** A customer-facing point selling to a customer base, online too, with shrinkage and every product feature. */
const FULL_POINT: Point = {
  unitCost: 4,
  holdingCostPerDay: 0.5,
  backorderCostPerDay: 2,
  backlogCostPerDay: 0,
  price: 10,
  customerFacing: true,
  hasCustomers: true,
  care: FULL_CARE,
  shrinks: true,
  servesOnline: true,
  backorders: true,
  customersWait: true,
  takesOrders: true,
  deliversOrders: true,
};

/** A warehouse that only ships to downstream points: no customers, no price, none of the features. */
const PLAIN_WAREHOUSE: Point = {
  unitCost: 4,
  holdingCostPerDay: 0.5,
  backorderCostPerDay: 2,
  backlogCostPerDay: 0,
  price: null,
  customerFacing: false,
  hasCustomers: false,
  care: NO_CARE,
  shrinks: false,
  servesOnline: false,
  backorders: false,
  customersWait: false,
  takesOrders: false,
  deliversOrders: false,
};

/** Counters after a warm-up (snapshot taken) and a window. */
function afterWindow(): { counters: Counters; start: Float64Array } {
  const counters = new Counters();
  count(counters, WARM_UP);
  const start = counters.snapshot();
  count(counters, WINDOW);
  return { counters, start };
}

describe('Counters: the row', () => {
  it('starts at zero, with a row of POINT_ROW_WIDTH numbers and RARE_WIDTH rarer counters', () => {
    const counters = new Counters();
    expect(counters.values).toHaveLength(POINT_ROW_WIDTH);
    expect(counters.rare).toHaveLength(RARE_WIDTH);
    expect(counters.demandUnits).toBe(0);
    expect(counters.expiredUnits).toBe(0);
    expect(counters.issuedUnits).toBe(0);
  });

  it('refuses a row shorter than POINT_ROW_WIDTH and accepts one of exactly that width or wider', () => {
    expect(() => new Counters(new Float64Array(POINT_ROW_WIDTH - 1))).toThrow(`a row needs ${POINT_ROW_WIDTH} numbers, got ${POINT_ROW_WIDTH - 1}`);
    expect(() => new Counters(new Float64Array(POINT_ROW_WIDTH))).not.toThrow();
    expect(() => new Counters(new Float64Array(POINT_ROW_WIDTH + 16))).not.toThrow();
  });

  it('keeps each counter in the row slot FIELD names, which the stock point reads directly', () => {
    // the stock point's fast path reads and writes the row by FIELD index while the rest of the
    // engine uses the accessors: both must mean the same number
    const row = new Float64Array(POINT_ROW_WIDTH);
    const counters = new Counters(row);
    const named = counters as unknown as Record<string, number>;
    const names = Object.keys(FIELD).filter((name) => FIELD[name as keyof typeof FIELD] <= FIELD.periodCostSum) as CounterName[];
    expect(names).toHaveLength(43);
    for (const name of names) {
      const slot = FIELD[name];
      named[name] = 1000 + slot;
      expect(row[slot], `${name} written`).toBe(1000 + slot);
      row[slot] = 2000 + slot;
      expect(named[name], `${name} read`).toBe(2000 + slot);
    }
  });

  it('keeps each rarer counter in the slot RARE names', () => {
    const rare = new Float64Array(RARE_WIDTH);
    const counters = new Counters(new Float64Array(POINT_ROW_WIDTH), rare);
    const named = counters as unknown as Record<string, number>;
    const names = Object.keys(RARE) as RareName[];
    expect(names).toHaveLength(RARE_WIDTH);
    for (const name of names) {
      const slot = RARE[name];
      named[name] = 1000 + slot;
      expect(rare[slot], `${name} written`).toBe(1000 + slot);
      rare[slot] = 2000 + slot;
      expect(named[name], `${name} read`).toBe(2000 + slot);
    }
  });

  it('counts units issued as those served at once plus those served from backorder', () => {
    const counters = new Counters();
    count(counters, { filledImmediatelyUnits: 30, filledFromBackorderUnits: 4 });
    expect(counters.issuedUnits).toBe(34);
  });
});

describe('Counters.snapshot', () => {
  it('copies the row, then the rarer counters, and does not follow later changes', () => {
    const counters = new Counters();
    count(counters, { demandUnits: 7, expressRevenue: 5 });
    counters.onHand = 3;
    const snapshot = counters.snapshot();
    expect(snapshot).toHaveLength(POINT_ROW_WIDTH + RARE_WIDTH);
    expect(snapshot[FIELD.demandUnits]).toBe(7);
    expect(snapshot[FIELD.onHand]).toBe(3);
    expect(snapshot[POINT_ROW_WIDTH + RARE.expressRevenue]).toBe(5);
    count(counters, { demandUnits: 1 });
    expect(snapshot[FIELD.demandUnits]).toBe(7);
  });

  it('takes only the first POINT_ROW_WIDTH numbers of a wider row', () => {
    const row = new Float64Array(POINT_ROW_WIDTH + 8).fill(9);
    const counters = new Counters(row);
    counters.expiredUnits = 2;
    const snapshot = counters.snapshot();
    expect(snapshot).toHaveLength(POINT_ROW_WIDTH + RARE_WIDTH);
    expect(snapshot[POINT_ROW_WIDTH + RARE.expiredUnits]).toBe(2);
  });
});

describe('Counters.windowSince', () => {
  it('reports the growth of every counter since the warm-up snapshot, with the derived figures', () => {
    const { counters, start } = afterWindow();
    const c = counters.windowSince(start, 50, FULL_POINT);
    // every expected value below is WINDOW's figure, or follows from WINDOW and FULL_POINT by hand
    expect(c).toEqual({
      windowDays: 50,
      stockPoints: 1,
      demandUnits: 100,
      customerDemandUnits: 70, // 100 demanded - 30 by downstream points
      filledImmediatelyUnits: 80,
      customerFilledImmediatelyUnits: 55, // 80 - 25 shipped at once downstream
      lostUnits: 3,
      backorderedUnits: 17,
      deliveredUnits: 62, // 55 to customers at once + 7 to customers from backorder
      deliveredValue: 248, // 62 x unit cost 4
      totalWaitDays: 21,
      deliveredOrders: 60,
      promisedOrders: 10,
      onTimeOrders: 9,
      accurateOrders: 8,
      abandonedCarts: 3,
      cycles: 10,
      cyclesWithStockout: 2,
      areaOnHand: 500,
      areaOnHandValue: 2000, // 500 x 4
      areaPosition: 900,
      areaPipeline: 150,
      areaBackorders: 40,
      daysInStock: 45,
      backorderPoints: 1,
      daysWithoutBackorders: 38,
      waitingUnits: 17, // every unit backordered here, customers' and downstream points'
      customerWaitingUnits: 11,
      customerWaitingPoints: 1,
      // the fast path served 60 - 45 = 15 orders at once in full (delivered orders it did not count
      // off the fast path): each an order placed, settled and on time in full, carried away (no delivery)
      orderPoints: 1,
      deliveryPoints: 1,
      customerOrders: 35,
      orderOutcomes: 33,
      ordersOnTimeInFull: 27,
      customerDeliveries: 16,
      deliveryDays: 30,
      ordersReceived: 10,
      unitsReceived: 600,
      // a stage's queue is no stock point's (the network adds the stages' own measures)
      stageArrivals: 0,
      stageWaited: 0,
      stageStarts: 0,
      stageWaitDays: 0,
      stageAreaQueue: 0,
      stageAreaBusy: 0,
      stageServerDays: 0,
      issuedUnits: 92, // 80 at once + 12 from backorder
      issuedValue: 368, // 92 x 4
      ordersPlaced: 11,
      expiredUnits: 5,
      damagedUnits: 3,
      obsoleteUnits: 4,
      recalledUnits: 2,
      returnedUnits: 8,
      markdownUnits: 6,
      shrinkageUnits: 7,
      bullwhipDays: 50,
      dailyOrderSum: 120,
      dailyOrderSumSquares: 1300,
      dailyDemandSum: 100,
      dailyDemandSumSquares: 900,
      periodicPoints: 1,
      endOfPeriodOnHand: 9, // 36 / 4 periods
      endOfPeriodBackorders: 1.5, // 6 / 4
      costPerPeriod: 22, // 88 / 4
      outdatedPerPeriod: 1.5, // 6 / 4
      endOfPeriodOnHandBeforeOutdating: 10, // 40 / 4
      holdingCost: 250, // 500 unit-days x 0.5 per day
      orderingCost: 110,
      purchaseCost: 640,
      transportCost: 33,
      stockoutCost: 100, // penalties 20 + 40 unit-days on backorder x 2 per day (customer-facing)
      expiryCost: 25, // 5 x (unit cost 4 + disposal 1)
      damageCost: 12, // 3 x 4
      obsolescenceCost: 10, // 4 x (4 - salvage 1.5)
      recallCost: 8, // 2 x 4
      returnsCost: 14,
      shrinkageCost: 28, // 7 x 4
      voucherCost: 11,
      churnCost: 300,
      revenue: 605, // 62 delivered x price 10 - markdowns 12 - refunds 16 + express premiums 13
      activeCustomers: null,
      customersChurned: 2,
      demandLostToChurn: 9,
    });
  });

  it('with no snapshot (no warm-up) reports the counters from time 0', () => {
    const counters = new Counters();
    count(counters, WARM_UP);
    const c = counters.windowSince(null, 20, FULL_POINT);
    expect(c.windowDays).toBe(20);
    expect(c.demandUnits).toBe(40);
    expect(c.customerDemandUnits).toBe(30); // 40 - 10 internal
    expect(c.areaOnHand).toBe(200);
    expect(c.expiredUnits).toBe(1);
    expect(c.promisedOrders).toBe(4);
    // 30 - 8 internal at once + 3 from backorder = 25 delivered; 25 x 10 - 3 - 5 + 6
    expect(c.revenue).toBe(248);
  });

  it('reports null for what does not apply to a warehouse without customers, price, product features or review periods', () => {
    const { counters, start } = afterWindow();
    const c = counters.windowSince(start, 50, PLAIN_WAREHOUSE);
    for (const kpi of [
      'expiredUnits',
      'expiryCost',
      'markdownUnits',
      'damagedUnits',
      'damageCost',
      'obsoleteUnits',
      'obsolescenceCost',
      'recalledUnits',
      'recallCost',
      'promisedOrders',
      'onTimeOrders',
      'accurateOrders',
      'abandonedCarts',
      'voucherCost',
      'shrinkageUnits',
      'shrinkageCost',
      'returnedUnits',
      'returnsCost',
      'revenue',
      'customersChurned',
      'demandLostToChurn',
      'churnCost',
      'outdatedPerPeriod',
      'endOfPeriodOnHandBeforeOutdating',
    ] as const) {
      expect(c[kpi], kpi).toBeNull();
    }
    // penalties only: the per-day backorder cost is for points where customers buy
    expect(c.stockoutCost).toBe(20);
    // nothing waits here (the flags say no backorders): no backorder time or waiting units counted
    expect([c.backorderPoints, c.daysWithoutBackorders, c.waitingUnits, c.customerWaitingPoints, c.customerWaitingUnits]).toEqual([0, 0, 0, 0, 0]);
    // no customer orders here: none of the order counts
    expect([c.orderPoints, c.deliveryPoints, c.customerOrders, c.orderOutcomes, c.ordersOnTimeInFull, c.customerDeliveries, c.deliveryDays]).toEqual([0, 0, 0, 0, 0, 0, 0]);
    // receipts count at every point
    expect([c.ordersReceived, c.unitsReceived]).toEqual([10, 600]);
    // the counters shared by every point still count
    expect(c.demandUnits).toBe(100);
    expect(c.holdingCost).toBe(250);
  });

  it('reports no end-of-period figures when no review period closed in the window', () => {
    const counters = new Counters();
    count(counters, { periods: 3, endOfPeriodOnHandSum: 12, periodCostSum: 30 });
    const start = counters.snapshot();
    count(counters, { demandUnits: 5 });
    const c = counters.windowSince(start, 10, PLAIN_WAREHOUSE);
    expect(c.periodicPoints).toBe(0);
    expect(c.endOfPeriodOnHand).toBe(0);
    expect(c.endOfPeriodBackorders).toBe(0);
    expect(c.costPerPeriod).toBe(0);
    // nor the perishables' ones, even for a product with a shelf life
    const perishable = counters.windowSince(start, 10, FULL_POINT);
    expect([perishable.outdatedPerPeriod, perishable.endOfPeriodOnHandBeforeOutdating]).toEqual([null, null]);
  });

  it('counts markdowns and customer returns only at customer-facing points of products that have them', () => {
    const { counters, start } = afterWindow();
    // the product has markdown and returns, but this point only ships to other points
    const warehouse = counters.windowSince(start, 50, { ...FULL_POINT, customerFacing: false });
    expect(warehouse.markdownUnits).toBeNull();
    expect(warehouse.returnedUnits).toBeNull();
    expect(warehouse.returnsCost).toBeNull();
    expect(warehouse.stockoutCost).toBe(20); // no per-day backorder cost away from customers
    // a customer-facing point of a product without markdown or returns
    const store = counters.windowSince(start, 50, { ...FULL_POINT, care: NO_CARE });
    expect(store.markdownUnits).toBeNull();
    expect(store.returnedUnits).toBeNull();
    expect(store.returnsCost).toBeNull();
    expect(store.stockoutCost).toBe(100);
  });

  it('reports each product feature on its own: only a shelf life, only damage, only an end of life, only recalls', () => {
    const { counters, start } = afterWindow();
    const only = (care: Partial<ProductCare>) => counters.windowSince(start, 50, { ...FULL_POINT, care: { ...NO_CARE, ...care } });
    const perishable = only({ shelfLifeDays: 10, lots: true });
    expect([perishable.expiredUnits, perishable.expiryCost, perishable.damagedUnits, perishable.obsoleteUnits, perishable.recalledUnits]).toEqual([5, 20, null, null, null]);
    const damaged = only({ damagePerDay: 0.01 });
    expect([damaged.expiredUnits, damaged.damagedUnits, damaged.damageCost, damaged.obsoleteUnits, damaged.recalledUnits]).toEqual([null, 3, 12, null, null]);
    // salvage 0: each obsolete unit costs its unit cost 4
    const ending = only({ endOfLifeDay: 300 });
    expect([ending.expiredUnits, ending.damagedUnits, ending.obsoleteUnits, ending.obsolescenceCost, ending.recalledUnits]).toEqual([null, null, 4, 16, null]);
    const recalled = only({ recallable: true, lots: true });
    expect([recalled.expiredUnits, recalled.damagedUnits, recalled.obsoleteUnits, recalled.recalledUnits, recalled.recallCost]).toEqual([null, null, null, 2, 8]);
  });
});
