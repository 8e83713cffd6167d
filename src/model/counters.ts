import { emptyCounters, type KpiCounters } from '../metrics/kpis.ts';
import type { ProductCare } from './productCare.ts';

/**
 * A stock point's numbers: its current levels (on hand, on order, pipeline, backorders and the clock
 * marks of its time integrals) and its counters, cumulative from time 0. The measured window's figures are differences
 * with a snapshot taken at the end of the warm-up, and the whole-run figures serve the conservation
 * ledger, so each event updates one counter where it would otherwise update a window counter, a
 * ledger entry and a daily accumulator. Figures that follow from others (customer demand = demand -
 * internal demand, units issued = served at once + served from backorder, revenue = price x units
 * delivered) are derived when reported, not counted.
 *
 * The counters live in one Float64Array behind accessors: V8 stores a double object field as a
 * pointer to a separate heap number, so updates would touch memory scattered over the heap; a typed
 * array keeps the numbers unboxed and side by side, and the accessors are inlined. In a simulation
 * that array is the stock point's row of one table holding every point (see rowTable.ts).
 */
export class Counters {
  constructor(
    /**
     * levels first, then the counters every customer event touches, so they share a cache line or
     * two (layout: FIELD); usually the stock point's row of the simulation's table
     */
    readonly values: Float64Array = new Float64Array(POINT_ROW_WIDTH),
    /** the rarer counters (layout: RARE) */
    readonly rare: Float64Array = new Float64Array(RARE_WIDTH),
  ) {
    if (values.length < POINT_ROW_WIDTH) throw new Error(`Counters: a row needs ${POINT_ROW_WIDTH} numbers, got ${values.length}`);
  }

  /** the clock at the last change (a level, not a counter) */
  get now(): number {
    return this.values[0];
  }
  set now(value: number) {
    this.values[0] = value;
  }
  /** time the integrals were last advanced to (a level) */
  get lastAccrual(): number {
    return this.values[1];
  }
  set lastAccrual(value: number) {
    this.values[1] = value;
  }
  /** units on the shelf (a level) */
  get onHand(): number {
    return this.values[2];
  }
  set onHand(value: number) {
    this.values[2] = value;
  }
  /** units ordered and not received (a level) */
  get onOrder(): number {
    return this.values[3];
  }
  set onOrder(value: number) {
    this.values[3] = value;
  }
  /** units in transit to this point (a level) */
  get pipeline(): number {
    return this.values[4];
  }
  set pipeline(value: number) {
    this.values[4] = value;
  }
  /** units owed (a level) */
  get backorders(): number {
    return this.values[5];
  }
  set backorders(value: number) {
    this.values[5] = value;
  }
  /** unit-days on hand */
  get areaOnHand(): number {
    return this.values[6];
  }
  set areaOnHand(value: number) {
    this.values[6] = value;
  }
  /** unit-days of inventory position */
  get areaPosition(): number {
    return this.values[7];
  }
  set areaPosition(value: number) {
    this.values[7] = value;
  }
  /** unit-days in transit to this point */
  get areaPipeline(): number {
    return this.values[8];
  }
  set areaPipeline(value: number) {
    this.values[8] = value;
  }
  /** unit-days on backorder */
  get areaBackorders(): number {
    return this.values[9];
  }
  set areaBackorders(value: number) {
    this.values[9] = value;
  }
  /** days with stock on hand */
  get daysInStock(): number {
    return this.values[10];
  }
  set daysInStock(value: number) {
    this.values[10] = value;
  }
  /** units demanded (customers and downstream points) */
  get demandUnits(): number {
    return this.values[11];
  }
  set demandUnits(value: number) {
    this.values[11] = value;
  }
  /** units served at once from the shelf */
  get filledImmediatelyUnits(): number {
    return this.values[12];
  }
  set filledImmediatelyUnits(value: number) {
    this.values[12] = value;
  }
  /** customer orders delivered (at once, or completed from backorder; per-period demand: units) */
  get deliveredOrders(): number {
    return this.values[13];
  }
  set deliveredOrders(value: number) {
    this.values[13] = value;
  }
  /** of which ordered by downstream points */
  get internalDemandUnits(): number {
    return this.values[14];
  }
  set internalDemandUnits(value: number) {
    this.values[14] = value;
  }
  /** of which shipped at once to downstream points */
  get internalFilledImmediatelyUnits(): number {
    return this.values[15];
  }
  set internalFilledImmediatelyUnits(value: number) {
    this.values[15] = value;
  }
  /** units served later, from backorder */
  get filledFromBackorderUnits(): number {
    return this.values[16];
  }
  set filledFromBackorderUnits(value: number) {
    this.values[16] = value;
  }
  /** of which to customers */
  get customerFilledFromBackorderUnits(): number {
    return this.values[17];
  }
  set customerFilledFromBackorderUnits(value: number) {
    this.values[17] = value;
  }
  /** customer units lost */
  get lostUnits(): number {
    return this.values[18];
  }
  set lostUnits(value: number) {
    this.values[18] = value;
  }
  /** units put on backorder */
  get backorderedUnits(): number {
    return this.values[19];
  }
  set backorderedUnits(value: number) {
    this.values[19] = value;
  }
  /** days customer orders waited, over orders delivered from backorder */
  get totalWaitDays(): number {
    return this.values[20];
  }
  set totalWaitDays(value: number) {
    this.values[20] = value;
  }
  /** units received */
  get receivedUnits(): number {
    return this.values[21];
  }
  set receivedUnits(value: number) {
    this.values[21] = value;
  }
  /** units sent back upstream (negative orders) */
  get returnedUnits(): number {
    return this.values[22];
  }
  set returnedUnits(value: number) {
    this.values[22] = value;
  }
  /** units ordered, net of returns */
  get orderedUnits(): number {
    return this.values[23];
  }
  set orderedUnits(value: number) {
    this.values[23] = value;
  }
  /** replenishment orders released */
  get ordersPlaced(): number {
    return this.values[24];
  }
  set ordersPlaced(value: number) {
    this.values[24] = value;
  }
  /** replenishment cycles (receipts, or review periods) ended */
  get cycles(): number {
    return this.values[25];
  }
  set cycles(value: number) {
    this.values[25] = value;
  }
  /** of which with demand not met at once */
  get cyclesWithStockout(): number {
    return this.values[26];
  }
  set cyclesWithStockout(value: number) {
    this.values[26] = value;
  }
  /** days closed */
  get bullwhipDays(): number {
    return this.values[27];
  }
  set bullwhipDays(value: number) {
    this.values[27] = value;
  }
  /** units ordered per day: sum */
  get dailyOrderSum(): number {
    return this.values[28];
  }
  set dailyOrderSum(value: number) {
    this.values[28] = value;
  }
  /** units ordered per day: sum of squares */
  get dailyOrderSumSquares(): number {
    return this.values[29];
  }
  set dailyOrderSumSquares(value: number) {
    this.values[29] = value;
  }
  /** units demanded per day: sum */
  get dailyDemandSum(): number {
    return this.values[30];
  }
  set dailyDemandSum(value: number) {
    this.values[30] = value;
  }
  /** units demanded per day: sum of squares */
  get dailyDemandSumSquares(): number {
    return this.values[31];
  }
  set dailyDemandSumSquares(value: number) {
    this.values[31] = value;
  }
  /** fixed ordering costs */
  get orderingCost(): number {
    return this.values[32];
  }
  set orderingCost(value: number) {
    this.values[32] = value;
  }
  /** units received from suppliers x unit cost */
  get purchaseCost(): number {
    return this.values[33];
  }
  set purchaseCost(value: number) {
    this.values[33] = value;
  }
  /** lane costs */
  get transportCost(): number {
    return this.values[34];
  }
  set transportCost(value: number) {
    this.values[34] = value;
  }
  /** penalties per unit short (per-day backorder cost is added from areaBackorders) */
  get stockoutPenalties(): number {
    return this.values[35];
  }
  set stockoutPenalties(value: number) {
    this.values[35] = value;
  }
  /** customers who left after a bad experience here */
  get customersChurned(): number {
    return this.values[36];
  }
  set customersChurned(value: number) {
    this.values[36] = value;
  }
  /** expected units they would have bought before the horizon */
  get demandLostToChurn(): number {
    return this.values[37];
  }
  set demandLostToChurn(value: number) {
    this.values[37] = value;
  }
  /** their lifetime value */
  get churnCost(): number {
    return this.values[38];
  }
  set churnCost(value: number) {
    this.values[38] = value;
  }
  /** days with no backorders outstanding (customers' or downstream points') */
  get daysWithoutBackorders(): number {
    return this.values[47];
  }
  set daysWithoutBackorders(value: number) {
    this.values[47] = value;
  }
  /** review periods closed */
  get periods(): number {
    return this.values[39];
  }
  set periods(value: number) {
    this.values[39] = value;
  }
  /** on hand at the end of each period: sum */
  get endOfPeriodOnHandSum(): number {
    return this.values[40];
  }
  set endOfPeriodOnHandSum(value: number) {
    this.values[40] = value;
  }
  /** backorders at the end of each period: sum */
  get endOfPeriodBackordersSum(): number {
    return this.values[41];
  }
  set endOfPeriodBackordersSum(value: number) {
    this.values[41] = value;
  }
  /** cost of each period: sum */
  get periodCostSum(): number {
    return this.values[42];
  }
  set periodCostSum(value: number) {
    this.values[42] = value;
  }
  // perishables, write-offs and customer returns (points of products with lots or returns only)
  /** units written off because their shelf life ended */
  get expiredUnits(): number {
    return this.rare[0];
  }
  set expiredUnits(value: number) {
    this.rare[0] = value;
  }
  /** units sold at a markdown (near their expiry) */
  get markdownUnits(): number {
    return this.rare[1];
  }
  set markdownUnits(value: number) {
    this.rare[1] = value;
  }
  /** price given up on them */
  get markdownDiscount(): number {
    return this.rare[2];
  }
  set markdownDiscount(value: number) {
    this.rare[2] = value;
  }
  /** units damaged in storage and written off */
  get damagedUnits(): number {
    return this.rare[3];
  }
  set damagedUnits(value: number) {
    this.rare[3] = value;
  }
  /** units sold off at salvage value once demand ended */
  get obsoleteUnits(): number {
    return this.rare[4];
  }
  set obsoleteUnits(value: number) {
    this.rare[4] = value;
  }
  /** units removed by a recall */
  get recalledUnits(): number {
    return this.rare[5];
  }
  set recalledUnits(value: number) {
    this.rare[5] = value;
  }
  /** units customers brought back */
  get customerReturnedUnits(): number {
    return this.rare[6];
  }
  set customerReturnedUnits(value: number) {
    this.rare[6] = value;
  }
  /** of which reconditioned and put back on the shelf */
  get restockedUnits(): number {
    return this.rare[7];
  }
  set restockedUnits(value: number) {
    this.rare[7] = value;
  }
  /** of which scrapped */
  get scrappedUnits(): number {
    return this.rare[8];
  }
  set scrappedUnits(value: number) {
    this.rare[8] = value;
  }
  /** reconditioning and scrapping costs */
  get returnsCost(): number {
    return this.rare[9];
  }
  set returnsCost(value: number) {
    this.rare[9] = value;
  }
  /** price refunded for returned units */
  get refunds(): number {
    return this.rare[10];
  }
  set refunds(value: number) {
    this.rare[10] = value;
  }
  /** units that vanished from the shelf unrecorded (theft, misplacement, unrecorded damage) */
  get shrunkUnits(): number {
    return this.rare[11];
  }
  set shrunkUnits(value: number) {
    this.rare[11] = value;
  }
  // online orders (stock points serving online zones)
  /** online orders delivered by the promised date */
  get onTimeOrders(): number {
    return this.rare[12];
  }
  set onTimeOrders(value: number) {
    this.rare[12] = value;
  }
  /** online orders delivered within the promised window */
  get accurateOrders(): number {
    return this.rare[13];
  }
  set accurateOrders(value: number) {
    this.rare[13] = value;
  }
  /** online orders delivered (each was promised a date) */
  get promisedOrders(): number {
    return this.rare[14];
  }
  set promisedOrders(value: number) {
    this.rare[14] = value;
  }
  /** online orders abandoned over the promised date */
  get abandonedCarts(): number {
    return this.rare[15];
  }
  set abandonedCarts(value: number) {
    this.rare[15] = value;
  }
  /** gestures offered to customers told of a delay */
  get voucherCost(): number {
    return this.rare[16];
  }
  set voucherCost(value: number) {
    this.rare[16] = value;
  }
  /** price premiums of express orders */
  get expressRevenue(): number {
    return this.rare[17];
  }
  set expressRevenue(value: number) {
    this.rare[17] = value;
  }
  // end-of-period measures of perishables (periodic-review points of products with a shelf life)
  /** units that expired in each review period (up to and including its end): sum over periods */
  get outdatedInPeriodsSum(): number {
    return this.rare[21];
  }
  set outdatedInPeriodsSum(value: number) {
    this.rare[21] = value;
  }
  /** on hand at the end of each period before that instant's outdating: sum */
  get endOfPeriodOnHandBeforeOutdatingSum(): number {
    return this.rare[22];
  }
  set endOfPeriodOnHandBeforeOutdatingSum(value: number) {
    this.rare[22] = value;
  }

  /** customer units (walk-in and online) that could not be served at once and were backordered */
  get customerBackorderedUnits(): number {
    return this.rare[18];
  }
  set customerBackorderedUnits(value: number) {
    this.rare[18] = value;
  }
  /** replenishment orders received in full (an order split into several shipments counts at its last) */
  get ordersReceived(): number {
    return this.rare[19];
  }
  set ordersReceived(value: number) {
    this.rare[19] = value;
  }
  /** units of replenishment orders received (returns put back on the shelf are not counted) */
  get replenishedUnits(): number {
    return this.rare[20];
  }
  set replenishedUnits(value: number) {
    this.rare[20] = value;
  }

  /** customer orders placed at this point but those the fast path served at once (they are derived: see windowSince) */
  get customerOrders(): number {
    return this.rare[23];
  }
  set customerOrders(value: number) {
    this.rare[23] = value;
  }
  /** customer orders settled (delivered to the customer, or lost outright), but the fast path's */
  get orderOutcomes(): number {
    return this.rare[24];
  }
  set orderOutcomes(value: number) {
    this.rare[24] = value;
  }
  /** customer orders delivered complete by their due date, but the fast path's */
  get ordersOnTimeInFull(): number {
    return this.rare[25];
  }
  set ordersOnTimeInFull(value: number) {
    this.rare[25] = value;
  }
  /** customer orders delivered to their customers under an entry's `delivery` terms */
  get customerDeliveries(): number {
    return this.rare[26];
  }
  set customerDeliveries(value: number) {
    this.rare[26] = value;
  }
  /** days from order to delivery, summed over the orders delivered under `delivery` terms */
  get deliveryDays(): number {
    return this.rare[27];
  }
  set deliveryDays(value: number) {
    this.rare[27] = value;
  }
  /**
   * every count of `deliveredOrders` but the fast path's (a steady arrival served at once,
   * stockPoint.ts `sellFromShelf`): the difference is the orders it served, complete and on time
   */
  get deliveredOrdersOffFastPath(): number {
    return this.rare[28];
  }
  set deliveredOrdersOffFastPath(value: number) {
    this.rare[28] = value;
  }
  /**
   * customers (orders; for a day's demand, a customer per unit short) whose demand the shelf could not
   * meet at once, lost or backordered (walk-in customers); a stockout's figure, never on the fast path
   */
  get customersShort(): number {
    return this.rare[29];
  }
  set customersShort(value: number) {
    this.rare[29] = value;
  }

  /** Units taken from the shelf: sold, or shipped downstream. */
  get issuedUnits(): number {
    return this.filledImmediatelyUnits + this.filledFromBackorderUnits;
  }

  /** The row's numbers, then the rarer counters: what `windowSince` takes as its start. */
  snapshot(): Float64Array {
    const copy = new Float64Array(POINT_ROW_WIDTH + RARE_WIDTH);
    copy.set(this.values.subarray(0, POINT_ROW_WIDTH));
    copy.set(this.rare, POINT_ROW_WIDTH);
    return copy;
  }

  /**
   * The window since `start` (a snapshot; null for time 0) in reporting form, with null where a KPI
   * does not apply.
   */
  windowSince(
    start: Float64Array | null,
    windowDays: number,
    point: {
      unitCost: number;
      holdingCostPerDay: number;
      backorderCostPerDay: number;
      /** per unit owed per day to anyone (customers and downstream points): a stock point's backlogCostPerDay */
      backlogCostPerDay: number;
      price: number | null;
      customerFacing: boolean;
      hasCustomers: boolean;
      care: ProductCare;
      shrinks: boolean;
      /** it ships online orders: promises, on-time delivery, abandoned carts apply */
      servesOnline: boolean;
      /** demand short here may wait (customers backordered, downstream points' or online orders): noBackorderRate applies */
      backorders: boolean;
      /** customers short here may wait (walk-in customers backordered, or online orders) */
      customersWait: boolean;
      /** customers order here one order at a time (arrivals or orders entries): the order KPIs apply */
      takesOrders: boolean;
      /** some of those orders travel to their customers (an entry with `delivery`): the delivery KPIs apply */
      deliversOrders: boolean;
    },
  ): KpiCounters {
    const v = this.values;
    const d = (index: number) => v[index] - (start === null ? 0 : start[index]);
    const r = (index: number) => this.rare[index] - (start === null ? 0 : start[POINT_ROW_WIDTH + index]);
    const c = emptyCounters(windowDays);
    c.stockPoints = 1;
    c.demandUnits = d(FIELD.demandUnits);
    c.customerDemandUnits = c.demandUnits - d(FIELD.internalDemandUnits);
    c.filledImmediatelyUnits = d(FIELD.filledImmediatelyUnits);
    c.customerFilledImmediatelyUnits = c.filledImmediatelyUnits - d(FIELD.internalFilledImmediatelyUnits);
    c.lostUnits = d(FIELD.lostUnits);
    c.backorderedUnits = d(FIELD.backorderedUnits);
    c.deliveredUnits = c.customerFilledImmediatelyUnits + d(FIELD.customerFilledFromBackorderUnits);
    c.deliveredValue = c.deliveredUnits * point.unitCost;
    c.totalWaitDays = d(FIELD.totalWaitDays);
    c.deliveredOrders = d(FIELD.deliveredOrders);
    c.cycles = d(FIELD.cycles);
    c.cyclesWithStockout = d(FIELD.cyclesWithStockout);
    c.areaOnHand = d(FIELD.areaOnHand);
    c.areaOnHandValue = c.areaOnHand * point.unitCost;
    c.areaPosition = d(FIELD.areaPosition);
    c.areaPipeline = d(FIELD.areaPipeline);
    c.areaBackorders = d(FIELD.areaBackorders);
    c.daysInStock = d(FIELD.daysInStock);
    if (point.backorders) {
      c.backorderPoints = 1;
      c.daysWithoutBackorders = d(FIELD.daysWithoutBackorders);
      c.waitingUnits = c.backorderedUnits;
    }
    if (point.customersWait) {
      c.customerWaitingPoints = 1;
      c.customerWaitingUnits = r(RARE.customerBackorderedUnits);
    }
    if (point.takesOrders) {
      // the fast path's orders: served at once in full and carried away (no delivery terms)
      const fast = d(FIELD.deliveredOrders) - r(RARE.deliveredOrdersOffFastPath);
      c.orderPoints = 1;
      c.customerOrders = fast + r(RARE.customerOrders);
      c.orderOutcomes = fast + r(RARE.orderOutcomes);
      c.ordersOnTimeInFull = fast + r(RARE.ordersOnTimeInFull);
    }
    if (point.deliversOrders) {
      c.deliveryPoints = 1;
      c.customerDeliveries = r(RARE.customerDeliveries);
      c.deliveryDays = r(RARE.deliveryDays);
    }
    c.ordersReceived = r(RARE.ordersReceived);
    c.unitsReceived = r(RARE.replenishedUnits);
    c.issuedUnits = c.filledImmediatelyUnits + d(FIELD.filledFromBackorderUnits);
    c.issuedValue = c.issuedUnits * point.unitCost;
    c.ordersPlaced = d(FIELD.ordersPlaced);
    c.bullwhipDays = d(FIELD.bullwhipDays);
    c.dailyOrderSum = d(FIELD.dailyOrderSum);
    c.dailyOrderSumSquares = d(FIELD.dailyOrderSumSquares);
    c.dailyDemandSum = d(FIELD.dailyDemandSum);
    c.dailyDemandSumSquares = d(FIELD.dailyDemandSumSquares);
    const periods = d(FIELD.periods);
    if (periods > 0) {
      c.periodicPoints = 1;
      c.endOfPeriodOnHand = d(FIELD.endOfPeriodOnHandSum) / periods;
      c.endOfPeriodBackorders = d(FIELD.endOfPeriodBackordersSum) / periods;
      c.costPerPeriod = d(FIELD.periodCostSum) / periods;
      if (point.care.shelfLifeDays < Infinity) {
        c.outdatedPerPeriod = r(RARE.outdatedInPeriodsSum) / periods;
        c.endOfPeriodOnHandBeforeOutdating = r(RARE.endOfPeriodOnHandBeforeOutdatingSum) / periods;
      }
    }
    c.holdingCost = c.areaOnHand * point.holdingCostPerDay;
    c.orderingCost = d(FIELD.orderingCost);
    c.purchaseCost = d(FIELD.purchaseCost);
    c.transportCost = d(FIELD.transportCost);
    // the per-day backorder cost applies to what customers wait for, not to internal orders
    c.stockoutCost = d(FIELD.stockoutPenalties) + (point.customerFacing ? c.areaBackorders * point.backorderCostPerDay : 0);
    // a stock point's backlogCostPerDay applies to everything it owes, downstream points' orders included
    if (point.backlogCostPerDay > 0) c.stockoutCost += c.areaBackorders * point.backlogCostPerDay;
    // what happens to units besides sale: each KPI only where the product has the feature
    const care = point.care;
    if (care.shelfLifeDays < Infinity) {
      c.expiredUnits = r(RARE.expiredUnits);
      c.expiryCost = c.expiredUnits * (point.unitCost + care.disposalCostPerUnit);
    }
    if (care.markdown && point.customerFacing) c.markdownUnits = r(RARE.markdownUnits);
    if (care.damagePerDay > 0) {
      c.damagedUnits = r(RARE.damagedUnits);
      c.damageCost = c.damagedUnits * point.unitCost;
    }
    if (care.endOfLifeDay < Infinity) {
      c.obsoleteUnits = r(RARE.obsoleteUnits);
      c.obsolescenceCost = c.obsoleteUnits * (point.unitCost - care.salvageValue);
    }
    if (care.recallable) {
      c.recalledUnits = r(RARE.recalledUnits);
      c.recallCost = c.recalledUnits * point.unitCost;
    }
    if (point.servesOnline) {
      c.promisedOrders = r(RARE.promisedOrders);
      c.onTimeOrders = r(RARE.onTimeOrders);
      c.accurateOrders = r(RARE.accurateOrders);
      c.abandonedCarts = r(RARE.abandonedCarts);
      c.voucherCost = r(RARE.voucherCost);
    }
    if (point.shrinks) {
      c.shrinkageUnits = r(RARE.shrunkUnits);
      c.shrinkageCost = c.shrinkageUnits * point.unitCost;
    }
    if (care.returns && point.customerFacing) {
      c.returnedUnits = r(RARE.customerReturnedUnits);
      c.returnsCost = r(RARE.returnsCost);
    }
    c.revenue = point.price === null ? null : c.deliveredUnits * point.price - r(RARE.markdownDiscount) - r(RARE.refunds) + r(RARE.expressRevenue);
    if (point.hasCustomers) {
      c.customersChurned = d(FIELD.customersChurned);
      c.demandLostToChurn = d(FIELD.demandLostToChurn);
      c.churnCost = d(FIELD.churnCost);
    }
    return c;
  }
}

/** Index of each number in `Counters.values`. */
export const FIELD = {
  now: 0,
  lastAccrual: 1,
  onHand: 2,
  onOrder: 3,
  pipeline: 4,
  backorders: 5,
  areaOnHand: 6,
  areaPosition: 7,
  areaPipeline: 8,
  areaBackorders: 9,
  daysInStock: 10,
  demandUnits: 11,
  filledImmediatelyUnits: 12,
  deliveredOrders: 13,
  internalDemandUnits: 14,
  internalFilledImmediatelyUnits: 15,
  filledFromBackorderUnits: 16,
  customerFilledFromBackorderUnits: 17,
  lostUnits: 18,
  backorderedUnits: 19,
  totalWaitDays: 20,
  receivedUnits: 21,
  returnedUnits: 22,
  orderedUnits: 23,
  ordersPlaced: 24,
  cycles: 25,
  cyclesWithStockout: 26,
  bullwhipDays: 27,
  dailyOrderSum: 28,
  dailyOrderSumSquares: 29,
  dailyDemandSum: 30,
  dailyDemandSumSquares: 31,
  orderingCost: 32,
  purchaseCost: 33,
  transportCost: 34,
  stockoutPenalties: 35,
  customersChurned: 36,
  demandLostToChurn: 37,
  churnCost: 38,
  periods: 39,
  endOfPeriodOnHandSum: 40,
  endOfPeriodBackordersSum: 41,
  periodCostSum: 42,
  // not counters: state the customer-arrival fast path reads from the row (see stockPoint.ts)
  /** entries in the backorder queue (none: walk-in customers are served from the shelf) */
  waiting: 43,
  /** the policy may order once the inventory position is at or below this (-Infinity: periodic review) */
  askPolicyAtOrBelow: 44,
  /** units owed to downstream stock points (a level; `backorders` less this is owed to customers) */
  internalBackorders: 45,
  /**
   * units the stock record shows that are not on the shelf (shrinkage not yet found by a count): the
   * policy decides on onHand + phantom (a level)
   */
  phantom: 46,
  /** days with no backorders outstanding, accrued with the areas (noBackorderRate) */
  daysWithoutBackorders: 47,
} as const;

/**
 * Index of each rarer counter in `Counters.rare`: perishables, write-offs, returns, record accuracy and
 * online orders. They live apart from the row so that the table every customer event walks stays
 * small (a wider row cost the benchmark 4-5%).
 */
export const RARE = {
  expiredUnits: 0,
  markdownUnits: 1,
  markdownDiscount: 2,
  damagedUnits: 3,
  obsoleteUnits: 4,
  recalledUnits: 5,
  customerReturnedUnits: 6,
  restockedUnits: 7,
  scrappedUnits: 8,
  returnsCost: 9,
  refunds: 10,
  shrunkUnits: 11,
  onTimeOrders: 12,
  accurateOrders: 13,
  promisedOrders: 14,
  abandonedCarts: 15,
  voucherCost: 16,
  expressRevenue: 17,
  customerBackorderedUnits: 18,
  ordersReceived: 19,
  replenishedUnits: 20,
  outdatedInPeriodsSum: 21,
  endOfPeriodOnHandBeforeOutdatingSum: 22,
  customerOrders: 23,
  orderOutcomes: 24,
  ordersOnTimeInFull: 25,
  customerDeliveries: 26,
  deliveryDays: 27,
  deliveredOrdersOffFastPath: 28,
  customersShort: 29,
} as const;

/** Numbers in each stock point's `rare` array. */
export const RARE_WIDTH = 30;

/** Numbers per stock point row (FIELD's entries, rounded up to whole 64-byte cache lines). */
export const POINT_ROW_WIDTH = 48;
