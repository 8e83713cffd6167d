import type { PolicyType } from '../../../src/scenario/schema.ts';
import { parseJsonPath } from '../../editor/jsonPath.ts';

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
  'visibility.shrinkagePerDay': 'Shrinkage (share of shelf lost a day, unrecorded)',
  'visibility.countEveryDays': 'Count the stock every (days)',
  'visibility.countDelayDays': 'Count results reach the record after (days)',
  'visibility.realTime': 'Real-time visibility',
  // demand
  customersPerDay: 'Customers per day',
  quantity: 'Quantity',
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

/** Containers a path passes through without naming them when a field inside follows ("Stock point 4 › Reorder point"). */
const SILENT = new Set(['policy', 'churn', 'visibility', 'method', 'communication']);

type Item = Record<string, unknown>;

const text = (value: unknown): string | null => {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (Array.isArray(value)) {
    const parts = value.map(text).filter((part): part is string => part !== null);
    if (parts.length === 0) return null;
    return parts.length <= 3 ? parts.join(', ') : `${parts.slice(0, 3).join(', ')}…`;
  }
  return null;
};
const joined = (...parts: unknown[]): string | null => {
  const shown = parts.map(text).filter((part): part is string => part !== null);
  return shown.length === 0 ? null : shown.join(' · ');
};

/** The items of a list a person meets by name, and what of an item tells it apart. */
const ITEMS: Record<string, { name: string; list: string; detail: (item: Item) => string | null }> = {
  products: { name: 'Product', list: 'Products', detail: (p) => text(p.id) },
  nodes: { name: 'Node', list: 'Network nodes', detail: (n) => text(n.id) },
  lanes: { name: 'Lane', list: 'Lanes', detail: (l) => (text(l.from) === null && text(l.to) === null ? text(l.id) : `${text(l.from) ?? '?'} → ${text(l.to) ?? '?'}`) },
  stockPoints: { name: 'Stock point', list: 'Stock points', detail: (s) => joined(s.node, s.product) },
  demand: { name: 'Demand', list: 'Demand', detail: (d) => joined(d.node, d.product) },
  customers: { name: 'Customer base', list: 'Customer bases', detail: (c) => text(c.node) },
  disruptions: { name: 'Disruption', list: 'Disruptions', detail: (d) => text(d.name) ?? text(d.node) ?? text(d.zone) },
  recalls: { name: 'Recall', list: 'Recalls', detail: (r) => text(r.name) ?? joined(r.supplier, r.product) },
  fulfilment: { name: 'Online fulfilment', list: 'Online fulfilment', detail: (f) => text(f.zone) },
  variants: { name: 'Variant', list: 'Policy variants', detail: (v) => text(v.name) ?? text(v.id) },
  'variants.policies': { name: 'Policy override', list: 'Policy overrides', detail: (o) => joined(o.node, o.product) },
  'variants.set': { name: 'Change', list: 'Other changes', detail: (c) => text(c.path) },
  'demand.shocks': { name: 'Demand shock', list: 'Demand shocks', detail: (s) => text(s.name) },
  'fulfilment.from': { name: 'Warehouse', list: 'Warehouses', detail: (w) => text(w.node) },
};

const isItem = (value: unknown): value is Item => typeof value === 'object' && value !== null && !Array.isArray(value);

function fieldLabel(parent: string | null, key: string): string | null {
  if (parent !== null) {
    const qualified = `${parent}.${key}`;
    if (Object.hasOwn(fieldLabels, qualified)) return fieldLabels[qualified];
  }
  if ((parent === 'policy' || parent === 'method') && Object.hasOwn(policyParameterLabels, key)) return policyParameterLabels[key];
  return Object.hasOwn(fieldLabels, key) ? fieldLabels[key] : null;
}

/**
 * An issue path in words, given the scenario's data (any JSON: it may be the invalid data the issue
 * is about): `stockPoints[3].policy.orderUpTo` -> "Stock point 4 (shop · beans) › Order-up-to level".
 * Keys without a name stay as they are; a path with no known part at all (or no path into the data,
 * such as `(file)`) comes back unchanged.
 */
export function humanPath(path: string, scenario?: unknown): string {
  const segments = parseJsonPath(path);
  if (segments === null || segments.length === 0) return path;
  const parts: string[] = [];
  let known = false;
  let data: unknown = scenario;
  /** the last key, and the list key (qualified by its parent list: `variants.policies`) */
  let parent: string | null = null;
  let listKey: string | null = null;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    const next = segments[i + 1];
    if (typeof segment === 'number') {
      const items = listKey !== null ? ITEMS[listKey] : undefined;
      const item = Array.isArray(data) ? data[segment] : undefined;
      if (items) {
        const detail = isItem(item) ? items.detail(item) : null;
        parts.push(`${items.name} ${segment + 1}${detail === null ? '' : ` (${detail})`}`);
      } else if (parts.length > 0) parts[parts.length - 1] += `, item ${segment + 1}`;
      else parts.push(`[${segment}]`);
      data = item;
      continue;
    }
    const qualifiedList: string | null = listKey !== null && Object.hasOwn(ITEMS, `${listKey}.${segment}`) ? `${listKey}.${segment}` : null;
    const isList = Array.isArray(isItem(data) ? data[segment] : undefined) || typeof next === 'number';
    if (isList && (qualifiedList !== null || (parent === null && Object.hasOwn(ITEMS, segment)))) {
      // a list of named items: its item names it ("Stock point 4"), not the list
      const list: string = qualifiedList ?? segment;
      listKey = list;
      known = true;
      if (typeof next !== 'number') parts.push(ITEMS[list].list);
    } else {
      listKey = null;
      const label = fieldLabel(parent, segment);
      if (label !== null) known = true;
      if (!(SILENT.has(segment) && next !== undefined)) parts.push(label ?? segment);
    }
    parent = segment;
    data = isItem(data) ? data[segment] : undefined;
  }
  return known ? parts.join(' › ') : path;
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
