import * as d3 from 'd3';
import type { KpiKind, KpiName } from '../../src/metrics/kpis.ts';
import { charts as text } from '../i18n/strings.ts';
import { moneyUnit, numberLocale } from '../i18n/numberFormat.ts';

/**
 * How to show each KPI: plain-language label, unit, number format and which direction is better.
 *
 * The web app may only import types from the engine, so the KPI list is restated here; the
 * `Record<KpiName, …>` type makes the compiler reject a missing or misspelt KPI, and a test checks the
 * kinds against the engine's KPI_KINDS.
 */
export type Better = 'higher' | 'lower' | null;
type UnitKey = keyof typeof text.units;

interface KpiSpec {
  kind: KpiKind;
  unit: UnitKey;
  better: Better;
}

// Directions: service, revenue, profit and customers kept are better higher; costs, backorders, lost
// sales, waits and churn lower. Waste (expired units) and order amplification (bullwhip) are costs
// too. Stock levels, turns, days of supply and orders placed are trade-offs, so neutral (null).
const SPECS: Readonly<Record<KpiName, KpiSpec>> = {
  fillRate: { kind: 'ratio', unit: 'percent', better: 'higher' },
  cycleServiceLevel: { kind: 'ratio', unit: 'percent', better: 'higher' },
  readyRate: { kind: 'ratio', unit: 'percent', better: 'higher' },
  onTimeDelivery: { kind: 'ratio', unit: 'percent', better: 'higher' },
  promiseAccuracy: { kind: 'ratio', unit: 'percent', better: 'higher' },
  abandonedCarts: { kind: 'quantity', unit: 'orders', better: 'lower' },
  avgCustomerWait: { kind: 'days', unit: 'days', better: 'lower' },
  lostSalesUnits: { kind: 'quantity', unit: 'units', better: 'lower' },
  avgBackorders: { kind: 'quantity', unit: 'units', better: 'lower' },
  noBackorderRate: { kind: 'ratio', unit: 'percent', better: 'higher' },
  waitingDemandShare: { kind: 'ratio', unit: 'percent', better: 'lower' },
  customerOrders: { kind: 'quantity', unit: 'orders', better: null },
  orderFillRate: { kind: 'ratio', unit: 'percent', better: 'higher' },
  avgDeliveryDays: { kind: 'days', unit: 'days', better: 'lower' },
  deliveriesReceived: { kind: 'quantity', unit: 'orders', better: null },
  queueWait: { kind: 'days', unit: 'days', better: 'lower' },
  queueLength: { kind: 'quantity', unit: 'orders', better: 'lower' },
  waitProbability: { kind: 'ratio', unit: 'percent', better: 'lower' },
  utilisation: { kind: 'ratio', unit: 'percent', better: null },
  avgOnHand: { kind: 'quantity', unit: 'units', better: null },
  avgInventoryPosition: { kind: 'quantity', unit: 'units', better: null },
  avgPipeline: { kind: 'quantity', unit: 'units', better: null },
  inventoryTurns: { kind: 'perYear', unit: 'perYear', better: null },
  daysOfSupply: { kind: 'days', unit: 'days', better: null },
  ordersPlaced: { kind: 'quantity', unit: 'orders', better: null },
  ordersReceived: { kind: 'quantity', unit: 'orders', better: null },
  unitsReceived: { kind: 'quantity', unit: 'units', better: null },
  expiredUnits: { kind: 'quantity', unit: 'units', better: 'lower' },
  damagedUnits: { kind: 'quantity', unit: 'units', better: 'lower' },
  obsoleteUnits: { kind: 'quantity', unit: 'units', better: 'lower' },
  recalledUnits: { kind: 'quantity', unit: 'units', better: 'lower' },
  returnedUnits: { kind: 'quantity', unit: 'units', better: 'lower' },
  markdownUnits: { kind: 'quantity', unit: 'units', better: null },
  shrinkageUnits: { kind: 'quantity', unit: 'units', better: 'lower' },
  bullwhipRatio: { kind: 'quantity', unit: 'times', better: 'lower' },
  endOfPeriodOnHand: { kind: 'quantity', unit: 'units', better: null },
  endOfPeriodBackorders: { kind: 'quantity', unit: 'units', better: 'lower' },
  costPerPeriod: { kind: 'money', unit: 'money', better: 'lower' },
  outdatedPerPeriod: { kind: 'quantity', unit: 'units', better: 'lower' },
  endOfPeriodOnHandBeforeOutdating: { kind: 'quantity', unit: 'units', better: null },
  holdingCost: { kind: 'money', unit: 'money', better: 'lower' },
  orderingCost: { kind: 'money', unit: 'money', better: 'lower' },
  purchaseCost: { kind: 'money', unit: 'money', better: 'lower' },
  transportCost: { kind: 'money', unit: 'money', better: 'lower' },
  stockoutCost: { kind: 'money', unit: 'money', better: 'lower' },
  expiryCost: { kind: 'money', unit: 'money', better: 'lower' },
  damageCost: { kind: 'money', unit: 'money', better: 'lower' },
  obsolescenceCost: { kind: 'money', unit: 'money', better: 'lower' },
  recallCost: { kind: 'money', unit: 'money', better: 'lower' },
  returnsCost: { kind: 'money', unit: 'money', better: 'lower' },
  shrinkageCost: { kind: 'money', unit: 'money', better: 'lower' },
  voucherCost: { kind: 'money', unit: 'money', better: 'lower' },
  churnCost: { kind: 'money', unit: 'money', better: 'lower' },
  totalCost: { kind: 'money', unit: 'money', better: 'lower' },
  revenue: { kind: 'money', unit: 'money', better: 'higher' },
  profit: { kind: 'money', unit: 'money', better: 'higher' },
  activeCustomers: { kind: 'quantity', unit: 'customers', better: 'higher' },
  customersChurned: { kind: 'quantity', unit: 'customers', better: 'lower' },
  demandLostToChurn: { kind: 'quantity', unit: 'units', better: 'lower' },
};

/** Every KPI, in the engine's order (service, inventory, periodic, money, customers). */
export const KPI_LIST = Object.keys(SPECS) as KpiName[];

/**
 * The KPIs a results table shows: those that apply to some variant (a mean that is not null), in
 * KPI_LIST order; a KPI the scenario does not model (outdating without perishables, say) is left out.
 */
export function applicableKpis(result: { variants: readonly { network: Partial<Record<KpiName, { mean: number | null } | undefined>> }[] }): KpiName[] {
  return KPI_LIST.filter((name) => result.variants.some((v) => v.network[name]?.mean != null));
}

export interface KpiMeta {
  name: KpiName;
  kind: KpiKind;
  label: string;
  /** "%", "days", "units", the currency… */
  unit: string;
  /** "Fill rate (%)": for axis titles and table rows */
  labelWithUnit: string;
  better: Better;
  /** a value alone: "92.4%", "1,234 EUR" is format + unit; format gives "1,234" */
  format: (value: number) => string;
  /** a mean with its 95% half-width, both to a precision that shows the half-width: "92.4% ± 0.1 pts" */
  formatWithHalfWidth: (mean: number, halfWidth: number | null) => string;
}

/** the page language's number format (web/i18n/numberFormat.ts), where the charts look for it */
export { numberLocale };

/**
 * The display facts of a KPI. `currency` is the scenario's (the result does not carry it); without
 * it, money is in "currency units".
 */
export function kpiMeta(name: KpiName, currency?: string): KpiMeta {
  const spec = SPECS[name];
  const unit = spec.unit === 'money' ? moneyUnit(currency) : text.units[spec.unit];
  return {
    name,
    kind: spec.kind,
    label: text.kpiLabels[name],
    unit,
    labelWithUnit: `${text.kpiLabels[name]} (${unit})`,
    better: spec.better,
    format: (value) => formatValue(spec.kind, value),
    formatWithHalfWidth: (mean, halfWidth) => formatWithHalfWidth(spec.kind, mean, halfWidth),
  };
}

/** Digits after the point for a value of this kind: fewer for larger numbers (a projector's worth). */
export function decimalsFor(kind: KpiKind, value: number): number {
  if (kind === 'ratio') return 1; // of the percentage: 92.4%
  if (kind === 'quantity' && Number.isInteger(value)) return 0; // a count in one replication: "8", not "8.00"
  const size = Math.abs(value);
  if (size >= 100) return 0;
  if (size >= 10) return 1;
  return 2;
}

function formatFixed(kind: KpiKind, value: number, decimals: number): string {
  if (kind === 'ratio') return numberLocale.format(`,.${decimals}%`)(value);
  return numberLocale.format(`,.${decimals}f`)(value);
}

export function formatValue(kind: KpiKind, value: number): string {
  return formatFixed(kind, value, decimalsFor(kind, value));
}

/** The most digits after the point a mean ± half-width is written with (a half-width below 1e-6 of the unit shows as "< 0.000001"). */
export const MAX_DECIMALS = 6;

/**
 * The decimal place a half-width is rounded to: its first two significant digits when they read 10 to
 * 35, its first one when 36 to 94, and 95 to 99 rounds up to the next power of ten with two digits
 * ("0.96" → "1.0"). This is the Particle Data Group's rounding rule (Review of Particle Physics,
 * Introduction, "Rounding"): at most two significant digits, the second only where rounding to one
 * would change the half-width by more than ~15%. The result may be negative (−2: hundreds) and is at
 * most MAX_DECIMALS. `halfWidth` is in the unit shown (percentage points for a rate) and > 0.
 *
 * @example halfWidthDecimals(6.34) // 0 ("6"); halfWidthDecimals(0.115) // 2 ("0.12"); halfWidthDecimals(1234) // −2 ("1,200")
 */
export function halfWidthDecimals(halfWidth: number): number {
  let exponent = Math.floor(Math.log10(halfWidth));
  // the first three significant digits, 100 … 999 (guarding log10's rounding at powers of ten)
  let leading = Math.round(halfWidth / 10 ** (exponent - 2));
  if (leading >= 1000) {
    exponent += 1;
    leading = Math.round(leading / 10);
  }
  let digits: number;
  if (leading <= 354) digits = 2;
  else if (leading <= 949) digits = 1;
  else {
    // 950 … 999: "1.0" at the next power of ten
    exponent += 1;
    digits = 2;
  }
  return Math.min(MAX_DECIMALS, digits - 1 - exponent);
}

/**
 * The app's one rule for a mean with its 95% half-width (every "mean ± half-width" on screen, in
 * tables, cards, tooltips and exports of the views, goes through here): the half-width to at most two
 * significant digits (halfWidthDecimals: the Particle Data Group's rule) and the mean to the same
 * decimal place, so the mean shows no decimal the interval makes meaningless ("946 ± 6", never
 * "946.23 ± 6.34"). A mean is never rounded past its units ("145,349 ± 1,200", not "145,300"): as
 * in the CLI's tables (src/cli/format.ts), so a figure on screen matches its CSV export and the
 * difference of two figures the comparison's, to the unit. Rates are percentages with half-widths in
 * percentage points ("92.43% ± 0.12 pts"). Without an interval (null: one replication; or a half-width that is not a
 * finite number ≥ 0) the mean alone at its usual precision (decimalsFor); a half-width of 0 (every
 * replication equal) at the mean's usual precision ("0.00 ± 0.00"); one below 10^−MAX_DECIMALS as
 * "< 0.000001", the mean at its usual precision too.
 */
export function splitWithHalfWidth(kind: KpiKind, mean: number, halfWidth: number | null): { mean: string; halfWidth: string | null } {
  if (halfWidth === null || !Number.isFinite(halfWidth) || halfWidth < 0) return { mean: formatValue(kind, mean), halfWidth: null };
  const scale = kind === 'ratio' ? 100 : 1;
  const shown = halfWidth * scale;
  const unit = kind === 'ratio' ? ` ${text.units.points}` : '';
  const withSign = (hw: string) => `${text.plusMinus} ${hw}${unit}`;
  if (shown === 0) {
    const decimals = decimalsFor(kind, mean);
    return { mean: formatFixed(kind, mean, decimals), halfWidth: withSign(numberLocale.format(`,.${decimals}f`)(0)) };
  }
  if (shown < 0.5 * 10 ** -MAX_DECIMALS) {
    // no spread worth a digit (a deterministic model's rounding noise): the mean at its usual precision
    return { mean: formatValue(kind, mean), halfWidth: withSign(`< ${numberLocale.format(`,.${MAX_DECIMALS}f`)(10 ** -MAX_DECIMALS)}`) };
  }
  const decimals = halfWidthDecimals(shown);
  const hw = decimals >= 0 ? numberLocale.format(`,.${decimals}f`)(shown) : numberLocale.format(',.0f')(Math.round(shown / 10 ** -decimals) * 10 ** -decimals);
  return { mean: formatFixed(kind, mean, Math.max(0, decimals)), halfWidth: withSign(hw) };
}

/** "92.43% ± 0.12 pts", "946 ± 6": splitWithHalfWidth on one line */
export function formatWithHalfWidth(kind: KpiKind, mean: number, halfWidth: number | null): string {
  const parts = splitWithHalfWidth(kind, mean, halfWidth);
  return parts.halfWidth === null ? parts.mean : `${parts.mean} ${parts.halfWidth}`;
}

/** Tick labels for an axis of this kind over [min, max], at the precision of the tick step. */
export function axisFormat(kind: KpiKind, min: number, max: number, count: number): (value: number) => string {
  const step = Math.abs(d3.tickStep(min, max, count)) || 1;
  if (kind === 'ratio') return numberLocale.format(`,.${Math.max(0, d3.precisionFixed(step) - 2)}%`);
  return numberLocale.format(`,.${d3.precisionFixed(step)}f`);
}

/** Formats a plain count or level (units on a day): "1,234" or "12.5". */
export function formatUnits(value: number): string {
  return formatValue('quantity', value);
}
