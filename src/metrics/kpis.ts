/**
 * The KPIs of docs/KPIS.md (a copy of shared/KPIS.md), computed from additive counters. A stock point's counters, a SKU's and
 * the network's are all `KpiCounters`; roll-ups add counters and compute the ratios again from the
 * summed numerators and denominators, never by averaging ratios.
 *
 * A KPI that does not apply is `null` (never 0 by default).
 */

export const KPI_NAMES = [
  // service
  'fillRate',
  'cycleServiceLevel',
  'readyRate',
  'onTimeDelivery',
  'promiseAccuracy',
  'abandonedCarts',
  'avgCustomerWait',
  'lostSalesUnits',
  'avgBackorders',
  'noBackorderRate',
  'waitingDemandShare',
  // customer orders (arrivals and orders entries): placed, on time in full, delivery to the customer
  'customerOrders',
  'orderFillRate',
  'avgDeliveryDays',
  'deliveriesReceived',
  // stages with servers (production, picking): the queue before them
  'queueWait',
  'queueLength',
  'waitProbability',
  'utilisation',
  // inventory
  'avgOnHand',
  'avgInventoryPosition',
  'avgPipeline',
  'inventoryTurns',
  'daysOfSupply',
  'ordersPlaced',
  'ordersReceived',
  'unitsReceived',
  'expiredUnits',
  'damagedUnits',
  'obsoleteUnits',
  'recalledUnits',
  'returnedUnits',
  'markdownUnits',
  'shrinkageUnits',
  'bullwhipRatio',
  // periodic review, textbook timing
  'endOfPeriodOnHand',
  'endOfPeriodBackorders',
  'costPerPeriod',
  'outdatedPerPeriod',
  'endOfPeriodOnHandBeforeOutdating',
  // money
  'holdingCost',
  'orderingCost',
  'purchaseCost',
  'transportCost',
  'stockoutCost',
  'expiryCost',
  'damageCost',
  'obsolescenceCost',
  'recallCost',
  'returnsCost',
  'shrinkageCost',
  'voucherCost',
  'churnCost',
  'totalCost',
  'revenue',
  'profit',
  // customers
  'activeCustomers',
  'customersChurned',
  'demandLostToChurn',
] as const;

export type KpiName = (typeof KPI_NAMES)[number];

/**
 * What each KPI's number is, for display: a ratio in [0, 1] (shown as a percentage), money (in the
 * scenario's currency), days, a yearly rate, or a plain quantity (units, orders, customers).
 */
export type KpiKind = 'ratio' | 'money' | 'days' | 'perYear' | 'quantity';
export const KPI_KINDS: Readonly<Record<KpiName, KpiKind>> = {
  fillRate: 'ratio',
  cycleServiceLevel: 'ratio',
  readyRate: 'ratio',
  onTimeDelivery: 'ratio',
  promiseAccuracy: 'ratio',
  abandonedCarts: 'quantity',
  avgCustomerWait: 'days',
  lostSalesUnits: 'quantity',
  avgBackorders: 'quantity',
  noBackorderRate: 'ratio',
  waitingDemandShare: 'ratio',
  customerOrders: 'quantity',
  orderFillRate: 'ratio',
  avgDeliveryDays: 'days',
  deliveriesReceived: 'quantity',
  queueWait: 'days',
  queueLength: 'quantity',
  waitProbability: 'ratio',
  utilisation: 'ratio',
  avgOnHand: 'quantity',
  avgInventoryPosition: 'quantity',
  avgPipeline: 'quantity',
  inventoryTurns: 'perYear',
  daysOfSupply: 'days',
  ordersPlaced: 'quantity',
  ordersReceived: 'quantity',
  unitsReceived: 'quantity',
  expiredUnits: 'quantity',
  damagedUnits: 'quantity',
  obsoleteUnits: 'quantity',
  recalledUnits: 'quantity',
  returnedUnits: 'quantity',
  markdownUnits: 'quantity',
  shrinkageUnits: 'quantity',
  bullwhipRatio: 'quantity',
  endOfPeriodOnHand: 'quantity',
  endOfPeriodBackorders: 'quantity',
  costPerPeriod: 'money',
  outdatedPerPeriod: 'quantity',
  endOfPeriodOnHandBeforeOutdating: 'quantity',
  holdingCost: 'money',
  orderingCost: 'money',
  purchaseCost: 'money',
  transportCost: 'money',
  stockoutCost: 'money',
  expiryCost: 'money',
  damageCost: 'money',
  obsolescenceCost: 'money',
  recallCost: 'money',
  returnsCost: 'money',
  shrinkageCost: 'money',
  voucherCost: 'money',
  churnCost: 'money',
  totalCost: 'money',
  revenue: 'money',
  profit: 'money',
  activeCustomers: 'quantity',
  customersChurned: 'quantity',
  demandLostToChurn: 'quantity',
};
export type Kpis = Record<KpiName, number | null>;

/** Additive sums over the measured window (after warm-up). */
export interface KpiCounters {
  /** length of the measured window in days (not summed in roll-ups: all points share it) */
  windowDays: number;
  /** number of stock points summed (1 for a stock point) */
  stockPoints: number;

  // demand faced by customer-facing points (the service KPIs of roll-ups use these only)
  customerDemandUnits: number;
  customerFilledImmediatelyUnits: number;
  // all demand faced, customer or downstream orders (a point's own service KPIs)
  demandUnits: number;
  filledImmediatelyUnits: number;
  lostUnits: number;
  backorderedUnits: number;
  /** units delivered to customers, and their cost */
  deliveredUnits: number;
  deliveredValue: number;
  /** customer orders delivered (per-period demand: each unit is an order), and the days they waited in all (0 when served from stock) */
  deliveredOrders: number;
  totalWaitDays: number;
  /** online orders delivered (each had a promised date), of them by the date, and within the promised window; null without online orders */
  promisedOrders: number | null;
  onTimeOrders: number | null;
  accurateOrders: number | null;
  /** online orders abandoned because the promised date was beyond the customer's tolerance */
  abandonedCarts: number | null;
  cycles: number;
  cyclesWithStockout: number;

  // time integrals (unit-days)
  areaOnHand: number;
  areaOnHandValue: number;
  areaPosition: number;
  areaPipeline: number;
  areaBackorders: number;
  daysInStock: number;
  /**
   * stock points where demand short may wait (backordered customers, downstream points' or online
   * orders), and their days without any backorder outstanding (noBackorderRate)
   */
  backorderPoints: number;
  daysWithoutBackorders: number;
  /**
   * units that waited (backordered) over the demand units of `demandUnits` (waitingDemandShare): at a
   * stock point, all its demand's; in a roll-up, its customers' (as its demandUnits), and
   * `customerWaitingPoints` the points whose customers may wait
   */
  waitingUnits: number;
  customerWaitingUnits: number;
  customerWaitingPoints: number;
  /**
   * customer orders (arrivals and orders entries at stock points; `orderPoints` the points taking
   * them): placed; settled (delivered, or lost outright) and of those delivered complete by their due
   * date (orderFillRate); delivered, and their days from order to delivery (avgDeliveryDays)
   */
  orderPoints: number;
  /** the stock points where some orders travel to their customers (`delivery`): customerDeliveries and deliveryDays count those */
  deliveryPoints: number;
  customerOrders: number;
  orderOutcomes: number;
  ordersOnTimeInFull: number;
  customerDeliveries: number;
  deliveryDays: number;
  /** replenishment orders received in full, and units received for replenishment orders */
  ordersReceived: number;
  unitsReceived: number;

  /**
   * the queues before suppliers' servers (production stages), in the network's counters only: orders
   * arrived and those that waited, orders started and their days of waiting, order-days waiting and
   * server-days busy, and the server-days available (servers x window days; 0: no stage)
   */
  stageArrivals: number;
  stageWaited: number;
  stageStarts: number;
  stageWaitDays: number;
  stageAreaQueue: number;
  stageAreaBusy: number;
  stageServerDays: number;

  issuedUnits: number;
  issuedValue: number;
  ordersPlaced: number;
  expiredUnits: number | null;
  /** units damaged in storage (products with damagePerDay) */
  damagedUnits: number | null;
  /** units sold off at salvage value once the product's demand ended (products with endOfLife) */
  obsoleteUnits: number | null;
  /** units removed by recalls (products a recall covers) */
  recalledUnits: number | null;
  /** units customers brought back (products with returns) */
  returnedUnits: number | null;
  /** units sold at a markdown near their expiry (products with markdown) */
  markdownUnits: number | null;
  /** units that vanished from shelves unrecorded (stock points with visibility settings) */
  shrinkageUnits: number | null;

  /** per-day orders placed and demand received (sums and sums of squares, over `bullwhipDays`) */
  bullwhipDays: number;
  dailyOrderSum: number;
  dailyOrderSumSquares: number;
  dailyDemandSum: number;
  dailyDemandSumSquares: number;

  // end-of-period measures of periodic-review points: means over periods (additive across points,
  // so a roll-up gives the network's end-of-period totals)
  periodicPoints: number;
  endOfPeriodOnHand: number;
  endOfPeriodBackorders: number;
  costPerPeriod: number;
  /**
   * of those points whose product has a shelf life (null where none has): units that expired per
   * period, and the end-of-period on hand before the outdating of that instant (means over periods)
   */
  outdatedPerPeriod: number | null;
  endOfPeriodOnHandBeforeOutdating: number | null;

  // money
  holdingCost: number;
  orderingCost: number;
  purchaseCost: number;
  transportCost: number;
  stockoutCost: number;
  expiryCost: number | null;
  damageCost: number | null;
  obsolescenceCost: number | null;
  recallCost: number | null;
  returnsCost: number | null;
  shrinkageCost: number | null;
  /** gestures (vouchers) for customers told of a delay */
  voucherCost: number | null;
  churnCost: number | null;
  /** price of units delivered, less markdowns and refunds of returned units */
  revenue: number | null;

  // customers
  activeCustomers: number | null;
  customersChurned: number | null;
  demandLostToChurn: number | null;
}

export function emptyCounters(windowDays: number): KpiCounters {
  return {
    windowDays,
    stockPoints: 0,
    customerDemandUnits: 0,
    customerFilledImmediatelyUnits: 0,
    demandUnits: 0,
    filledImmediatelyUnits: 0,
    lostUnits: 0,
    backorderedUnits: 0,
    deliveredUnits: 0,
    deliveredValue: 0,
    totalWaitDays: 0,
    deliveredOrders: 0,
    promisedOrders: null,
    onTimeOrders: null,
    accurateOrders: null,
    abandonedCarts: null,
    cycles: 0,
    cyclesWithStockout: 0,
    areaOnHand: 0,
    areaOnHandValue: 0,
    areaPosition: 0,
    areaPipeline: 0,
    areaBackorders: 0,
    daysInStock: 0,
    backorderPoints: 0,
    daysWithoutBackorders: 0,
    waitingUnits: 0,
    customerWaitingUnits: 0,
    customerWaitingPoints: 0,
    orderPoints: 0,
    deliveryPoints: 0,
    customerOrders: 0,
    orderOutcomes: 0,
    ordersOnTimeInFull: 0,
    customerDeliveries: 0,
    deliveryDays: 0,
    ordersReceived: 0,
    unitsReceived: 0,
    stageArrivals: 0,
    stageWaited: 0,
    stageStarts: 0,
    stageWaitDays: 0,
    stageAreaQueue: 0,
    stageAreaBusy: 0,
    stageServerDays: 0,
    issuedUnits: 0,
    issuedValue: 0,
    ordersPlaced: 0,
    expiredUnits: null,
    damagedUnits: null,
    obsoleteUnits: null,
    recalledUnits: null,
    returnedUnits: null,
    markdownUnits: null,
    shrinkageUnits: null,
    bullwhipDays: 0,
    dailyOrderSum: 0,
    dailyOrderSumSquares: 0,
    dailyDemandSum: 0,
    dailyDemandSumSquares: 0,
    periodicPoints: 0,
    endOfPeriodOnHand: 0,
    endOfPeriodBackorders: 0,
    costPerPeriod: 0,
    outdatedPerPeriod: null,
    endOfPeriodOnHandBeforeOutdating: null,
    holdingCost: 0,
    orderingCost: 0,
    purchaseCost: 0,
    transportCost: 0,
    stockoutCost: 0,
    expiryCost: null,
    damageCost: null,
    obsolescenceCost: null,
    recallCost: null,
    returnsCost: null,
    shrinkageCost: null,
    voucherCost: null,
    churnCost: null,
    revenue: null,
    activeCustomers: null,
    customersChurned: null,
    demandLostToChurn: null,
  };
}

const addNullable = (a: number | null, b: number | null): number | null => (a === null ? b : b === null ? a : a + b);

/**
 * Adds `part` into `total` (a roll-up). A roll-up's own service KPIs count customer demand only, so
 * that a warehouse's orders from stores are not mixed with the customers' demand in a network fill
 * rate.
 *
 * Per-day bullwhip sums are NOT added here: the variance of a sum of series is not the sum of
 * variances; roll-ups record their own daily totals (see the simulation's day boundary).
 */
export function addCounters(total: KpiCounters, part: KpiCounters): void {
  const first = total.stockPoints === 0;
  total.stockPoints += part.stockPoints;
  total.customerDemandUnits += part.customerDemandUnits;
  total.customerFilledImmediatelyUnits += part.customerFilledImmediatelyUnits;
  total.demandUnits += part.customerDemandUnits;
  total.filledImmediatelyUnits += part.customerFilledImmediatelyUnits;
  total.lostUnits += part.lostUnits;
  total.backorderedUnits += part.backorderedUnits;
  total.deliveredUnits += part.deliveredUnits;
  total.deliveredValue += part.deliveredValue;
  total.totalWaitDays += part.totalWaitDays;
  total.deliveredOrders += part.deliveredOrders;
  total.promisedOrders = addNullable(total.promisedOrders, part.promisedOrders);
  total.onTimeOrders = addNullable(total.onTimeOrders, part.onTimeOrders);
  total.accurateOrders = addNullable(total.accurateOrders, part.accurateOrders);
  total.abandonedCarts = addNullable(total.abandonedCarts, part.abandonedCarts);
  total.cycles += part.cycles;
  total.cyclesWithStockout += part.cyclesWithStockout;
  total.areaOnHand += part.areaOnHand;
  total.areaOnHandValue += part.areaOnHandValue;
  total.areaPosition += part.areaPosition;
  total.areaPipeline += part.areaPipeline;
  total.areaBackorders += part.areaBackorders;
  total.daysInStock += part.daysInStock;
  total.backorderPoints += part.backorderPoints;
  total.daysWithoutBackorders += part.daysWithoutBackorders;
  // a roll-up's share of demand that waited is its customers' (its demandUnits are theirs)
  total.waitingUnits += part.customerWaitingUnits;
  total.customerWaitingUnits += part.customerWaitingUnits;
  total.customerWaitingPoints += part.customerWaitingPoints;
  total.orderPoints += part.orderPoints;
  total.deliveryPoints += part.deliveryPoints;
  total.customerOrders += part.customerOrders;
  total.orderOutcomes += part.orderOutcomes;
  total.ordersOnTimeInFull += part.ordersOnTimeInFull;
  total.customerDeliveries += part.customerDeliveries;
  total.deliveryDays += part.deliveryDays;
  total.ordersReceived += part.ordersReceived;
  total.unitsReceived += part.unitsReceived;
  total.stageArrivals += part.stageArrivals;
  total.stageWaited += part.stageWaited;
  total.stageStarts += part.stageStarts;
  total.stageWaitDays += part.stageWaitDays;
  total.stageAreaQueue += part.stageAreaQueue;
  total.stageAreaBusy += part.stageAreaBusy;
  total.stageServerDays += part.stageServerDays;
  // a roll-up's cost of goods sold is what reached customers, not also the transfers between points
  total.issuedUnits += part.deliveredUnits;
  total.issuedValue += part.deliveredValue;
  total.ordersPlaced += part.ordersPlaced;
  total.expiredUnits = addNullable(total.expiredUnits, part.expiredUnits);
  total.damagedUnits = addNullable(total.damagedUnits, part.damagedUnits);
  total.obsoleteUnits = addNullable(total.obsoleteUnits, part.obsoleteUnits);
  total.recalledUnits = addNullable(total.recalledUnits, part.recalledUnits);
  total.returnedUnits = addNullable(total.returnedUnits, part.returnedUnits);
  total.markdownUnits = addNullable(total.markdownUnits, part.markdownUnits);
  total.shrinkageUnits = addNullable(total.shrinkageUnits, part.shrinkageUnits);
  total.periodicPoints += part.periodicPoints;
  total.endOfPeriodOnHand += part.endOfPeriodOnHand;
  total.endOfPeriodBackorders += part.endOfPeriodBackorders;
  total.costPerPeriod += part.costPerPeriod;
  total.outdatedPerPeriod = addNullable(total.outdatedPerPeriod, part.outdatedPerPeriod);
  total.endOfPeriodOnHandBeforeOutdating = addNullable(total.endOfPeriodOnHandBeforeOutdating, part.endOfPeriodOnHandBeforeOutdating);
  total.holdingCost += part.holdingCost;
  total.orderingCost += part.orderingCost;
  total.purchaseCost += part.purchaseCost;
  total.transportCost += part.transportCost;
  total.stockoutCost += part.stockoutCost;
  total.expiryCost = addNullable(total.expiryCost, part.expiryCost);
  total.damageCost = addNullable(total.damageCost, part.damageCost);
  total.obsolescenceCost = addNullable(total.obsolescenceCost, part.obsolescenceCost);
  total.recallCost = addNullable(total.recallCost, part.recallCost);
  total.returnsCost = addNullable(total.returnsCost, part.returnsCost);
  total.shrinkageCost = addNullable(total.shrinkageCost, part.shrinkageCost);
  total.voucherCost = addNullable(total.voucherCost, part.voucherCost);
  total.churnCost = addNullable(total.churnCost, part.churnCost);
  // revenue of a product without a price is unknown, so the roll-up's revenue (and profit) is too
  total.revenue = first ? part.revenue : total.revenue === null || part.revenue === null ? null : total.revenue + part.revenue;
  total.activeCustomers = addNullable(total.activeCustomers, part.activeCustomers);
  total.customersChurned = addNullable(total.customersChurned, part.customersChurned);
  total.demandLostToChurn = addNullable(total.demandLostToChurn, part.demandLostToChurn);
}

const ratio = (numerator: number, denominator: number): number | null => (denominator > 0 ? numerator / denominator : null);

function variance(n: number, sum: number, sumSquares: number): number {
  if (n < 2) return 0;
  const mean = sum / n;
  return Math.max(0, (sumSquares - n * mean * mean) / (n - 1));
}

/** KPIs from counters. Pure: the same counters always give the same KPIs. */
export function computeKpis(c: KpiCounters): Kpis {
  const days = c.windowDays;
  const avgOnHand = c.areaOnHand / days;
  const demandVariance = variance(c.bullwhipDays, c.dailyDemandSum, c.dailyDemandSumSquares);
  const totalCost =
    c.holdingCost +
    c.orderingCost +
    c.purchaseCost +
    c.transportCost +
    c.stockoutCost +
    (c.expiryCost ?? 0) +
    (c.damageCost ?? 0) +
    (c.obsolescenceCost ?? 0) +
    (c.recallCost ?? 0) +
    (c.returnsCost ?? 0) +
    (c.shrinkageCost ?? 0) +
    (c.voucherCost ?? 0) +
    (c.churnCost ?? 0);
  const periodic = c.periodicPoints > 0;
  const stages = c.stageServerDays > 0;
  return {
    fillRate: ratio(c.filledImmediatelyUnits, c.demandUnits),
    cycleServiceLevel: c.cycles > 0 ? 1 - c.cyclesWithStockout / c.cycles : null,
    readyRate: c.stockPoints > 0 ? c.daysInStock / (days * c.stockPoints) : null,
    onTimeDelivery: c.onTimeOrders === null || c.promisedOrders === null ? null : ratio(c.onTimeOrders, c.promisedOrders),
    promiseAccuracy: c.accurateOrders === null || c.promisedOrders === null ? null : ratio(c.accurateOrders, c.promisedOrders),
    abandonedCarts: c.abandonedCarts,
    avgCustomerWait: ratio(c.totalWaitDays, c.deliveredOrders),
    lostSalesUnits: c.lostUnits,
    avgBackorders: c.areaBackorders / days,
    noBackorderRate: c.backorderPoints > 0 ? c.daysWithoutBackorders / (days * c.backorderPoints) : null,
    // a stock point: where any demand may wait; a roll-up: where customers may
    // where customers order one order at a time (arrivals and orders entries at stock points)
    customerOrders: c.orderPoints > 0 ? c.customerOrders : null,
    orderFillRate: c.orderPoints > 0 ? ratio(c.ordersOnTimeInFull, c.orderOutcomes) : null,
    avgDeliveryDays: c.deliveryPoints > 0 ? ratio(c.deliveryDays, c.customerDeliveries) : null,
    deliveriesReceived: c.deliveryPoints > 0 ? c.customerDeliveries : null,
    waitingDemandShare: (c.stockPoints === 1 ? c.backorderPoints > 0 : c.customerWaitingPoints > 0) ? ratio(c.waitingUnits, c.demandUnits) : null,
    queueWait: stages ? ratio(c.stageWaitDays, c.stageStarts) : null,
    queueLength: stages ? c.stageAreaQueue / days : null,
    waitProbability: stages ? ratio(c.stageWaited, c.stageArrivals) : null,
    utilisation: stages ? c.stageAreaBusy / c.stageServerDays : null,
    avgOnHand,
    avgInventoryPosition: c.areaPosition / days,
    avgPipeline: c.areaPipeline / days,
    inventoryTurns: c.areaOnHandValue > 0 ? (c.issuedValue / (c.areaOnHandValue / days)) * (365 / days) : null,
    daysOfSupply: c.issuedUnits > 0 ? avgOnHand / (c.issuedUnits / days) : null,
    ordersPlaced: c.ordersPlaced,
    ordersReceived: c.ordersReceived,
    unitsReceived: c.unitsReceived,
    expiredUnits: c.expiredUnits,
    damagedUnits: c.damagedUnits,
    obsoleteUnits: c.obsoleteUnits,
    recalledUnits: c.recalledUnits,
    returnedUnits: c.returnedUnits,
    markdownUnits: c.markdownUnits,
    shrinkageUnits: c.shrinkageUnits,
    bullwhipRatio:
      c.bullwhipDays >= 2 && demandVariance > 0
        ? variance(c.bullwhipDays, c.dailyOrderSum, c.dailyOrderSumSquares) / demandVariance
        : null,
    endOfPeriodOnHand: periodic ? c.endOfPeriodOnHand : null,
    endOfPeriodBackorders: periodic ? c.endOfPeriodBackorders : null,
    costPerPeriod: periodic ? c.costPerPeriod : null,
    outdatedPerPeriod: c.outdatedPerPeriod,
    endOfPeriodOnHandBeforeOutdating: c.endOfPeriodOnHandBeforeOutdating,
    holdingCost: c.holdingCost,
    orderingCost: c.orderingCost,
    purchaseCost: c.purchaseCost,
    transportCost: c.transportCost,
    stockoutCost: c.stockoutCost,
    expiryCost: c.expiryCost,
    damageCost: c.damageCost,
    obsolescenceCost: c.obsolescenceCost,
    recallCost: c.recallCost,
    returnsCost: c.returnsCost,
    shrinkageCost: c.shrinkageCost,
    voucherCost: c.voucherCost,
    churnCost: c.churnCost,
    totalCost,
    revenue: c.revenue,
    profit: c.revenue === null ? null : c.revenue - totalCost,
    activeCustomers: c.activeCustomers,
    customersChurned: c.customersChurned,
    demandLostToChurn: c.demandLostToChurn,
  };
}
