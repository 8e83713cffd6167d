import type { PolicyType } from '../../../src/scenario/schema.ts';
import { pathInWords, type PathWords } from '../pathInWords.ts';

/**
 * The one dictionary of the names a person meets for the scenario's identifiers, in English: policy
 * types and their parameters, the scenario fields people set, and issue paths
 * (`stockPoints[3].policy.orderUpTo` -> "Stock point 4 (shop · beans) › Order-up-to level"). Charts,
 * tables, errors and the editor's forms all take their labels from here (KPI labels have theirs in
 * web/i18n/en/charts.ts through web/charts/kpiMeta.ts). A French file of the same shape can sit beside
 * it. test/web/names.test.ts checks that every policy parameter in the schema has a label.
 */

/** Policy types, as the forms' selects, the tables and the sweep's stock point choices show them. */
export const policyTypeLabels = {
  sS: '(s, S)',
  rQ: '(r, Q)',
  baseStock: 'Base stock',
  echelonBaseStock: 'Echelon base stock',
  periodicRS: 'Periodic (R, S)',
  periodicRsS: 'Periodic (R, s, S)',
  serviceTarget: 'Service target',
  forecast: 'Forecast-driven',
  fixedQuantity: 'Fixed quantity (T, Q)',
  schedule: 'Order schedule',
  passThrough: 'Pass-through (lot-for-lot)',
  anchorAndAdjust: 'Anchoring and adjustment (Sterman)',
} satisfies Record<PolicyType, string>;

/** Every parameter of every policy type (src/scenario/schema.ts Policy), and of a forecast policy's method. */
export const policyParameterLabels: Record<string, string> = {
  reorderPoint: 'Reorder point',
  orderUpTo: 'Order-up-to level',
  orderQuantity: 'Order quantity',
  level: 'Base-stock level',
  reviewPeriod: 'Review every (days)',
  firstReview: 'First review (day)',
  target: 'Service target',
  method: 'Forecast',
  periods: 'Periods averaged',
  alpha: 'Smoothing alpha (0 to 1]',
  safetyFactor: 'Safety factor',
  allowReturns: 'Allow returns upstream',
  orders: 'Scheduled orders',
  repeatEveryDays: 'Repeat every (days)',
  estimates: 'Published estimates',
  smoothing: 'Smoothing of incoming orders, theta [0 to 1]',
  stockAdjustment: 'Stock adjustment, alpha_S [0 to 1]',
  supplyLineWeight: 'Supply line weight, beta',
  desiredStock: "Desired stock, S'",
  initialExpectedOrders: 'Incoming orders expected at first',
};

/** A policy parameter's name on screen ("Reorder point"); an id without one stays as it is. */
export function parameterLabel(id: string): string {
  return Object.hasOwn(policyParameterLabels, id) ? policyParameterLabels[id] : id;
}

/** A policy type's name on screen ("(r, Q)"); an unknown type stays as it is. */
export function policyTypeLabel(type: string): string {
  return Object.hasOwn(policyTypeLabels, type) ? policyTypeLabels[type as PolicyType] : type;
}

/**
 * Scenario fields a person meets, by their key in the schema; a key whose meaning depends on where it
 * sits is qualified by its parent (`churn.onStockout`, `policy.type`), which wins over the bare key.
 */
export const fieldLabels: Record<string, string> = {
  // the scenario
  name: 'Name',
  description: 'Description',
  headline: 'Headline KPIs',
  currency: 'Currency',
  horizonDays: 'Horizon (days)',
  warmupDays: 'Warm-up (days)',
  bullwhipPeriodDays: 'Bullwhip measured per (days)',
  replications: 'Replications',
  seed: 'Seed',
  shortageShipping: 'Shipping when short',
  version: 'Scenario format version',
  // products
  id: 'Id',
  unitCost: 'Unit cost',
  price: 'Price',
  holdingCost: 'Holding cost',
  unmetDemand: 'Unmet demand',
  stockoutPenalty: 'Penalty per unit short',
  backorderCostPerDay: 'Backorder cost per unit per day',
  orderingCost: 'Cost per order',
  shelfLifeDays: 'Shelf life (days)',
  disposalCostPerUnit: 'Disposal cost per unit',
  // nodes and lanes
  type: 'Type',
  capacityPerDay: 'Capacity (units per day)',
  processingTime: 'Processing time (days)',
  servers: 'Servers',
  storageClass: 'Storage class',
  from: 'From',
  to: 'To',
  leadTime: 'Lead time (days)',
  costPerUnit: 'Transport cost per unit',
  costPerShipment: 'Transport cost per shipment',
  orderDelayDays: 'Orders reach the supplier after (days)',
  // stock points
  node: 'Node',
  product: 'Product',
  policy: 'Policy',
  'policy.type': 'Policy',
  'target.fillRate': 'Fill rate target (0 to 1)',
  'target.cycleServiceLevel': 'Cycle service level target (0 to 1)',
  initialOnHand: 'Initial stock',
  source: 'Ordered from',
  casePack: 'Case pack',
  minOrderQuantity: 'Minimum order quantity',
  issuing: 'Units leave the shelf',
  allocation: 'Sharing when short',
  visibility: 'Stock record accuracy',
  orderRounding: 'Orders rounded',
  reviewTiming: 'Reviews',
  backlogCostPerDay: 'Backlog cost per unit per day',
  scriptedOrders: 'Scripted orders',
  'scriptedOrders.untilDay': 'Until day (not included)',
  'scriptedOrders.quantity': 'Units ordered at each review',
  initialPipeline: 'Under way at the start',
  'initialPipeline.shipments': 'Shipments in transit',
  'initialPipeline.orders': 'Orders in the mail',
  'shipments.day': 'Day',
  'shipments.quantity': 'Quantity',
  'visibility.shrinkagePerDay': 'Shrinkage (share of shelf lost a day, unrecorded)',
  'visibility.countEveryDays': 'Count the stock every (days)',
  'visibility.countDelayDays': 'Count results reach the record after (days)',
  'visibility.realTime': 'Real-time visibility',
  // demand
  customersPerDay: 'Customers per day',
  quantity: 'Quantity',
  segment: 'Customer segment',
  // customer orders (type "orders") and their delivery
  ordersPerDay: 'Orders per day',
  history: 'Orders on each day (history)',
  size: 'Units per order',
  delivery: 'Delivery to the customer',
  'delivery.leadTime': 'Delivery lead time (days)',
  'delivery.costPerOrder': 'Delivery cost per order',
  'delivery.costPerUnit': 'Delivery cost per unit',
  'delivery.dueDays': 'Due after (days)',
  // a schedule's orders (policy.orders[i])
  'orders.day': 'Day',
  'orders.quantity': 'Quantity',
  series: 'Daily history',
  seasonality: 'Seasonality',
  'seasonality.weekly': 'Weekly pattern (7 multipliers, Monday first)',
  'seasonality.yearly': 'Yearly pattern (12 multipliers, January first)',
  trendPerYear: 'Growth per year (0.1 = +10%)',
  multiplier: 'Demand multiplied by',
  occurrence: 'When',
  // customers
  initial: 'Customers at start',
  churn: 'Customers leaving',
  'churn.onStockout': 'Leave after a stockout (probability)',
  'churn.onBackorder': 'Leave after a backorder (probability)',
  'churn.onLate': 'Leave after a late delivery (probability)',
  'churn.onAbandon': 'Leave after abandoning a cart (probability)',
  newPerDay: 'New customers per day',
  lifetimeValue: 'Value of a customer',
  // online fulfilment
  zone: 'Online zone',
  rule: 'Which warehouse serves an order',
  pickPackDays: 'Pick and pack (days)',
  transitDays: 'Transit to customers (days)',
  promiseBufferDays: 'Buffer added to promises (days)',
  promiseWindowDays: 'Promised window (days)',
  communication: 'Telling customers of delays',
  tolerance: 'Longest wait customers accept (days)',
  // recalls and disruptions
  supplier: 'Supplier',
  receivedFrom: 'Lots received from day',
  receivedTo: 'Up to day (not included)',
  announcedOn: 'Announced on day',
  fromDay: 'From day',
  toDay: 'To day (not included)',
  ratePerYear: 'Times a year, on average',
  duration: 'Each lasts (days)',
};

/** What English calls the items of each named list, for issue paths (web/i18n/pathInWords.ts). */
const PATH_WORDS: PathWords = {
  fieldLabels,
  policyParameterLabels,
  items: {
    products: { name: 'Product', list: 'Products' },
    nodes: { name: 'Node', list: 'Network nodes' },
    lanes: { name: 'Lane', list: 'Lanes' },
    stockPoints: { name: 'Stock point', list: 'Stock points' },
    demand: { name: 'Demand', list: 'Demand' },
    customers: { name: 'Customer base', list: 'Customer bases' },
    disruptions: { name: 'Disruption', list: 'Disruptions' },
    recalls: { name: 'Recall', list: 'Recalls' },
    fulfilment: { name: 'Online fulfilment', list: 'Online fulfilment' },
    variants: { name: 'Variant', list: 'Policy variants' },
    'variants.policies': { name: 'Policy override', list: 'Policy overrides' },
    'variants.set': { name: 'Change', list: 'Other changes' },
    'demand.shocks': { name: 'Demand shock', list: 'Demand shocks' },
    'fulfilment.from': { name: 'Warehouse', list: 'Warehouses' },
  },
  item: (position) => `, item ${position}`,
};

/**
 * An issue path in words, given the scenario's data (any JSON: it may be the invalid data the issue
 * is about): `stockPoints[3].policy.orderUpTo` -> "Stock point 4 (shop · beans) › Order-up-to level".
 * Keys without a name stay as they are; a path with no known part at all (or no path into the data,
 * such as `(file)`) comes back unchanged.
 */
export function humanPath(path: string, scenario?: unknown): string {
  return pathInWords(PATH_WORDS, path, scenario);
}

/**
 * Where an issue is, as the app lists it: the path in words with the raw path in parentheses, "Stock
 * point 4 (shop · beans) › Order-up-to level (stockPoints[3].policy.orderUpTo)"; the raw path alone
 * when it has no words.
 */
export function issueLocation(path: string, scenario?: unknown): string {
  const human = humanPath(path, scenario);
  return human === path ? path : `${human} (${path})`;
}

/** An issue as one line: "Horizon (days) (horizonDays): expected a number > 0". */
export function issueLine(issue: { path: string; message: string }, scenario?: unknown): string {
  return `${issueLocation(issue.path, scenario)}: ${issue.message}`;
}
