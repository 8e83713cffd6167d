import type { KpiName } from '../../../src/metrics/kpis.ts';
import type { ChurnCause } from '../../../src/model/customerBase.ts';
import type { Fulfilment } from '../../../src/scenario/schema.ts';

/**
 * The charts' user-facing strings in English: KPI labels and units, axis titles, legends, tooltips and
 * notes. Every word a chart shows comes from here, so a French file with the same shape
 * (`ChartsText`) can be added beside it. `numberLocale` is d3-format's locale definition: French
 * writes "1 234,5" where English writes "1,234.5".
 */
/** the KPI table's star rule (web/charts/kpiTable.ts starRule), short in the caption, whole in the stars' tooltip */
const STAR_RULE_SHORT = '★: significantly better than every other variant (95%, paired by replication); never on a cost lowered by selling less.';
const STAR_RULE =
  'Significantly better than every other variant: the 95% interval of the difference, replication by replication on the same random days, excludes 0 (where values do not pair up, the two 95% intervals do not overlap). A cost is never starred when that variant\u2019s fill rate or revenue is significantly lower than another\u2019s: it cost less because it sold less.';

export const charts = {
  starRule: STAR_RULE,
  starRuleShort: STAR_RULE_SHORT,
  numberLocale: { decimal: '.', thousands: ',', grouping: [3], currency: ['', ''] as [string, string], percent: '%', minus: '−' },

  kpiLabels: {
    fillRate: 'Fill rate',
    cycleServiceLevel: 'Cycle service level',
    readyRate: 'Time in stock',
    onTimeDelivery: 'On-time delivery',
    promiseAccuracy: 'Promise accuracy',
    abandonedCarts: 'Abandoned carts',
    avgCustomerWait: 'Average customer wait',
    lostSalesUnits: 'Lost sales',
    avgBackorders: 'Average backorders',
    noBackorderRate: 'Time without backorders',
    waitingDemandShare: 'Share of demand that waited',
    customerOrders: 'Customer orders',
    orderFillRate: 'Orders on time in full',
    avgDeliveryDays: 'Average delivery time',
    deliveriesReceived: 'Deliveries received',
    queueWait: 'Wait for a server (production)',
    queueLength: 'Orders waiting for a server',
    waitProbability: 'Share of orders that waited for a server',
    utilisation: 'Server utilisation',
    avgOnHand: 'Average stock on hand',
    avgInventoryPosition: 'Average inventory position',
    avgPipeline: 'Average stock in transit',
    inventoryTurns: 'Inventory turns',
    daysOfSupply: 'Days of supply',
    ordersPlaced: 'Orders placed',
    ordersReceived: 'Orders received',
    unitsReceived: 'Units received',
    expiredUnits: 'Expired units',
    damagedUnits: 'Damaged units',
    obsoleteUnits: 'Obsolete units sold off',
    recalledUnits: 'Recalled units',
    returnedUnits: 'Units returned by customers',
    markdownUnits: 'Units sold at a markdown',
    shrinkageUnits: 'Units lost unrecorded (shrinkage)',
    bullwhipRatio: 'Bullwhip ratio',
    endOfPeriodOnHand: 'End-of-period stock on hand',
    endOfPeriodBackorders: 'End-of-period backorders',
    costPerPeriod: 'Cost per review period',
    outdatedPerPeriod: 'Units outdated per period',
    endOfPeriodOnHandBeforeOutdating: 'End-of-period stock before outdating',
    holdingCost: 'Holding cost',
    orderingCost: 'Ordering cost',
    purchaseCost: 'Purchase cost',
    transportCost: 'Transport cost',
    stockoutCost: 'Stockout cost',
    expiryCost: 'Expiry cost',
    damageCost: 'Damage cost',
    obsolescenceCost: 'Obsolescence cost',
    recallCost: 'Recall cost',
    returnsCost: 'Returns cost',
    shrinkageCost: 'Shrinkage cost',
    voucherCost: 'Vouchers for delays',
    churnCost: 'Cost of lost customers',
    totalCost: 'Total cost',
    revenue: 'Revenue',
    profit: 'Profit',
    activeCustomers: 'Active customers',
    customersChurned: 'Customers lost',
    demandLostToChurn: 'Demand lost with customers',
  } satisfies Record<KpiName, string>,
  units: {
    percent: '%',
    days: 'days',
    perYear: 'per year',
    units: 'units',
    orders: 'orders',
    customers: 'customers',
    times: '×',
    /** money when the scenario's currency is not known */
    money: 'currency units',
    /** half-widths of percentages are in percentage points */
    points: 'pts',
  },

  notAvailable: 'Not available for this scenario.',
  noResults: 'No replication has finished yet.',
  oneReplicationNoInterval: 'one replication: no interval',
  oneReplicationNote: 'One replication: no confidence interval (run 2 or more to see one).',
  plusMinus: '±',
  /** under the headline cards: the window their money (and every KPI) covers */
  measuredWindow: (days: number) => `money and every KPI over the ${days.toLocaleString('en-US', { maximumFractionDigits: 2 })}-day measured window`,
  meanCi: (replications: number) => `Mean ± 95% confidence interval over ${replications} replication${replications === 1 ? '' : 's'}`,
  replicationsCount: (n: number) => `${n} replication${n === 1 ? '' : 's'}`,
  day: 'Day',
  dayAxis: 'Day of the simulation',
  warmUp: 'Warm-up (not in the KPIs)',
  best: 'best, significantly',
  bestHint: (better: 'higher' | 'lower'): string => (better === 'higher' ? 'Higher is better' : 'Lower is better'),

  // cards
  cardsLabel: 'Headline KPIs per policy variant',

  // frontier
  frontierAxisX: 'Holding cost',
  frontierAxisY: 'Fill rate',
  frontierBetter: '↖ better: more service for less stock',
  frontierMissing: (names: string) => `Not shown (no fill rate or holding cost): ${names}`,

  // inventory
  onHand: 'On hand',
  position: 'Inventory position',
  band: '95% band of on hand',
  reorderPoint: 'Reorder point',
  orderUpTo: 'Order-up-to level',
  shortDays: 'Days with units short',
  shortDaysMean: 'Units short (darker: more)',
  ordered: 'Ordered',
  received: 'Received',
  short: 'Short',
  backorders: 'Backorders',
  inventoryAxisY: 'Stock (units)',
  inventoryCaption: (point: string, variant: string, single: boolean) =>
    `${point} · ${variant} · ${single ? 'one replication (replication 1)' : 'mean of replications with a 95% band'}`,
  networkFallback: 'This scenario records network totals only (too many stock points for daily series each): showing the whole network.',
  networkScope: 'Whole network',
  noSeries: 'Daily series were not recorded for this scenario.',
  noPolicyLevels: 'This policy has no reorder point or order-up-to level to draw.',

  // customers
  customersAxisY: 'Active customers',
  noCustomerBase: 'This scenario has no customer base: every customer keeps buying whatever happens.',
  customersCaption: (replications: number) => `Mean over ${replications} replication${replications === 1 ? '' : 's'}, 95% band`,

  // customers lost, by cause
  churnCauses: {
    stockout: 'Out of stock',
    backorder: 'Made to wait',
    late: 'Late delivery',
    abandoned: 'Abandoned cart',
  } satisfies Record<ChurnCause, string>,
  churnTitle: 'Customers lost, by cause',
  churnAxisX: 'What made them leave',
  churnAxisY: 'Customers lost (customers)',
  churnCaption: (replications: number) =>
    `Mean over ${replications} replication${replications === 1 ? '' : 's'} with 95% whiskers; the measured window only (after the warm-up)`,
  churnBar: (variant: string, cause: string) => `${variant} · ${cause}`,
  churnValue: (value: string) => `Customers lost: ${value}`,

  // online orders over time
  onTimeTitle: 'On-time delivery over time',
  onTimeAxisY: 'On-time delivery (%)',
  onTimeCaption: (replications: number) =>
    `Share of online orders delivered by their promised date, over the 7 days up to each day; mean over ${replications} replication${replications === 1 ? '' : 's'}, with a 95% band`,
  onTimeWindow: (variant: string, value: string) => `${variant}: ${value} over the measured window`,
  noDeliveries: 'no delivery in these 7 days',
  abandonedWindow: (variant: string, value: string) => `${variant}: ${value} carts over the measured window`,
  abandonedTitle: 'Abandoned carts over time',
  abandonedAxisY: 'Abandoned carts (per day)',
  abandonedCaption: (replications: number) =>
    `Carts abandoned per day, averaged over the 7 days up to each day and over ${replications} replication${replications === 1 ? '' : 's'}, with a 95% band`,

  // online orders by zone, recalls
  figure: 'Figure',
  zoneTableCaption: (replications: number) =>
    `Online orders in the measured window, per zone: mean ± 95% half-width over ${replications} replication${replications === 1 ? '' : 's'}`,
  zoneRows: {
    orders: 'Orders placed',
    abandoned: 'Abandoned at the promise',
    delivered: 'Delivered',
    onTime: 'On time',
    late: 'Late',
    notified: 'Told of a delay early',
    express: 'Express',
  },
  recallTableCaption: (replications: number) =>
    `What each recall reached: mean ± 95% half-width over ${replications} replication${replications === 1 ? '' : 's'}`,
  recallTitle: (name: string) => `Recall: ${name}`,
  recallTitleNth: (name: string, nth: number) => `Recall: ${name} (${nth === 1 ? 'first' : nth === 2 ? 'second' : `no. ${nth}`} of that name)`,
  recallRows: {
    unitsRemoved: 'Units removed',
    unitsSold: 'Units sold before the announcement',
    customersReached: 'Customer purchases reached',
  },

  // histogram
  histogramAxisY: 'Replications',
  histogramBin: (variant: string, count: number, from: string, to: string) =>
    `${variant}: ${count} replication${count === 1 ? '' : 's'} between ${from} and ${to}`,
  histogramMean: 'Mean (line) and its 95% interval (whisker)',

  // sweep heatmap and frontier (web/charts/heatmap.ts, sweepFrontier.ts)
  /** a grid point, its values already rounded: "reorderPoint = 1,624, orderQuantity = 250" */
  parameterPoint: (parameters: string[], values: string[]) => parameters.map((p, i) => `${p} = ${values[i]}`).join(', '),
  withinNoiseOfFrontier: 'Off the frontier, but within the noise: no point is better on both beyond the 95% intervals',
  heatColorsSteps: (span: string, noise: string) =>
    `Colours span ${span} in steps of ${noise}, the cells\u2019 typical 95% half-width, from the best cell: differences under ${noise} are noise, and cells within one step of the best share its colour.`,
  heatColorsContinuous: (span: string, noise: string) => `Colours span ${span}; differences under ${noise} (the cells\u2019 typical 95% half-width) are noise.`,
  heatColorsNoInterval: (span: string) => `Colours span ${span}; one replication: no interval, so no difference can be told from noise.`,

  // table
  tableCaption: (replications: number, variants: number) =>
    `Network KPIs: mean ± 95% half-width over ${replications} replication${replications === 1 ? '' : 's'}.${variants < 2 ? '' : replications < 2 ? ' No ★: one replication cannot show that a variant is better.' : ` ${STAR_RULE_SHORT}`}`,
  tableKpi: 'KPI',
  sortBy: (name: string) => `Sort the rows by ${name}`,
  sortDefault: 'Back to the usual order of KPIs',
  notApplicable: 'not applicable',
  tableCell: (n: number, sd: string) => `${n} replication${n === 1 ? '' : 's'}, standard deviation ${sd}`,

  // network
  networkLegend: 'Fill rate at the stock point',
  noStockPoint: 'No stock held / no fill rate',
  leadTime: (days: string) => `${days} d`,
  leadTimeFull: (from: string, to: string, days: string) => `${from} → ${to}: mean lead time ${days} days`,
  nodeTypes: { supplier: 'Supplier', warehouse: 'Warehouse', store: 'Store', zone: 'Online zone' },
  networkCaption: (variant: string) => `Policy variant: ${variant}`,
  /** a dashed link: a warehouse shipping a zone's online orders */
  fulfilmentKey: 'Dashed arrows: online orders shipped from a warehouse to a zone\u2019s customers, labelled with the mean days of pick and pack plus transit',
  transitFull: (from: string, to: string, days: string, rule: string) => `${from} → ${to}: online orders, ${days} days of pick and pack plus transit on average (rule: ${rule})`,
  fulfilmentRules: { nearest: 'nearest warehouse with stock', nearestOnly: 'nearest warehouse only', cheapest: 'cheapest delivery', split: 'split shipments' } satisfies Record<Fulfilment['rule'], string>,
  zoneOnTime: (value: string) => `On time ${value}`,
  zoneOnTimeFull: (zone: string, value: string, orders: string) => `${zone}: ${value} of ${orders} delivered orders on time (mean per replication)`,

  // network, summarised (many locations or stock points: web/charts/networkAggregate.ts)
  networkSummaryKey: (locations: string, points: string) =>
    `${locations} locations and ${points} stock points: one box per location or group of locations, with how many stock points it holds and their fill rates (mean and lowest); an arrow stands for every lane between two boxes`,
  nodeTypesPlural: { supplier: 'suppliers', warehouse: 'warehouses', store: 'stores', zone: 'online zones' },
  /** a box standing for several nodes: "48 stores supplied by Central DC" */
  groupName: (count: string, types: string, suppliedBy: string[]) => (suppliedBy.length === 0 ? `${count} ${types}` : `${count} ${types} supplied by ${suppliedBy.join(' and ')}`),
  boxPoints: (points: string) => `${points} stock points`,
  boxProducts: (products: string) => `${products} products`,
  boxNoStock: 'No stock held',
  /** beside a swatch of the mean's colour, under the counts: the caption says they are fill rates */
  boxMeanFill: (mean: string) => `mean ${mean}`,
  boxLowestFill: (lowest: string) => `lowest ${lowest}`,
  boxFillRates: (mean: string, lowest: string) => `Fill rate: mean ${mean}, lowest ${lowest}`,
  boxNoFillRate: 'No fill rate',
  boxMembers: (names: string, more: string | null) => (more === null ? `Locations: ${names}` : `Locations: ${names} and ${more} more`),
  /** the range of the lead times of a summarised arrow's lanes */
  daysSpan: (min: string, max: string) => `${min}–${max}`,
  boxLinkFull: (from: string, to: string, count: string, days: string) => `${from} → ${to}: ${count} lane${count === '1' ? '' : 's'}, mean lead time ${days} days`,
  boxDeliveryFull: (from: string, to: string, count: string, days: string) =>
    `${from} → ${to}: ${count} warehouse${count === '1' ? '' : 's'} shipping online orders, ${days} days of pick and pack plus transit on average`,
  networkSearch: 'Find a location',
  networkSearchPlaceholder: 'Id or name',
  networkFound: (name: string, box: string | null, matches: string) =>
    `${name}${box === null ? '' : `, in “${box}”`}: highlighted with its lanes${matches === '1' ? '' : ` (first of ${matches} matches)`}`,
  networkNotFound: 'No location matches.',

  // inventory over time: the replication shown, the days shown (issue 16)
  inventoryCaptionReplication: (point: string, variant: string, replication: number, of: number) => `${point} · ${variant} · replication ${replication} of ${of}, as it happened`,
  shortUnitsNetworkDay: 'Units short that day across the network (darker: more)',
  shortUnitsMeanDay: (replications: number) =>
    `Mean units short that day over ${replications} replication${replications === 1 ? '' : 's'} (darker: more; any shade: at least one replication was short)`,
  shortMean: 'Short (mean)',
  overviewLabel: 'Whole run',
  overviewHelp: 'The whole run: drag across it to choose the days shown above, drag the selection to move it, click outside it to show the whole run again.',
  replicationPick: 'Replication',
  replicationPickHelp: (of: number) => `Which replication to show, 1 to ${of}: each is run again with its own seed, as in the experiment`,
  replicationRunning: (replication: number) => `Running replication ${replication} again to show its days…`,
  replicationFailed: (replication: number, reason: string) => `Replication ${replication} could not be run again: ${reason}`,
  windowPick: 'Days shown',
  windowWhole: 'Whole run',
  windowDays: (days: number) => `${days} days`,
  windowCustom: 'As brushed',
  windowEarlier: '◀ Earlier',
  windowLater: 'Later ▶',
  windowEarlierLabel: 'Show earlier days',
  windowLaterLabel: 'Show later days',
  windowStatus: (from: string, to: string) => `Days ${from} to ${to}`,
};

export type ChartsText = typeof charts;
