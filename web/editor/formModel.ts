import type { z } from 'zod';
import { fieldsEveryVariantOverrides, overriddenAt, type OverriddenFields } from './variantOverrides.ts';
import { ANCHOR_AND_ADJUST_ESTIMATES, CustomerBase, CustomerDelivery, Fulfilment, FulfilmentSource, Lane, Product, Recall, Scenario, StockPoint } from '../../src/scenario/schema.ts';
import { editorStrings, type EditorStrings } from '../i18n/strings.ts';
import { locale } from '../i18n/locale.ts';
import { parseDecimal } from '../i18n/numberFormat.ts';
import { formatJsonPath, isRecord, valueAt, type JsonPath } from './jsonPath.ts';
import type { JsonEdit } from './jsonText.ts';
import { describeTable, type TableKind, type TableSpec } from './tableModel.ts';
import { show, showIdList } from './showValue.ts';
import { demandTypes, disruptionTypes, distributionTypes, forecastMethods, knownKeys, nodeTypes, occurrenceTypes, policyTypes, type VariantInfo } from './schemaInfo.ts';

/**
 * The forms, as data: which fields show which part of the scenario's JSON, their current values,
 * and the edit each input makes. Pure (no DOM), so the mapping from problems to fields and the edits
 * are tested in Node; web/editor/formView.ts draws it.
 *
 * Forms edit the JSON data in place: an input changes one value at its path; a type switch rewrites
 * one object, keeping the fields the new type shares with the old and any field the schema does not
 * know; nothing else is touched.
 */

export type FieldKind = 'text' | 'textarea' | 'number' | 'seed' | 'idList' | 'numberList' | 'select' | 'checkbox';

export interface FieldOption {
  value: string;
  label: string;
}

export interface FieldSpec {
  kind: FieldKind;
  /** the problem path this control shows (`lanes[0].leadTime.mean`) */
  key: string;
  /** other problem paths shown here (a type select stands for its whole object) */
  aliases: string[];
  /** where the value lives in the data */
  path: JsonPath;
  label: string;
  /** the text the control shows (a checkbox: "true" or "") */
  display: string;
  placeholder?: string;
  options?: FieldOption[];
  /** a change rewrites the object around it, so the form is drawn again (type switches) */
  structural: boolean;
  /** 1 for the parameters of the select above */
  level: 0 | 1;
  /** ids offered while typing */
  suggest?: 'nodes' | 'products';
  /** the edit an input value makes, computed against the data as it is when the user types */
  edit(input: string, data: unknown): JsonEdit;
  /** a line under the control saying what the field is for or what its default is (read with it) */
  help?: string;
  /** the variants that all replace this value (web/editor/variantOverrides.ts): editing it changes no result */
  overriddenBy?: ReadonlyArray<string>;
}

export interface FormAction {
  /** the accessible name, with what it acts on ("Add a demand shock to beans at shop") */
  label: string;
  /** the button's visible text where shorter than the label ("Add a demand shock") */
  text?: string;
  /** the field to focus once done (the first field of what was added); else the card */
  focusKey?: string;
  edit(data: unknown): JsonEdit;
}

export interface GroupSpec {
  /** problem path of the object (`lanes[0]`) */
  key: string;
  title: string;
  fields: FieldSpec[];
  remove?: FormAction;
  /** fields present in the data the forms do not show (kept as written; edited in the JSON view) */
  more: string[];
  notes: string[];
  /** offer a link to the JSON view (for what only the JSON view edits) */
  jsonLink?: boolean;
  /** edits of a list inside the item (add a warehouse, remove shock 2), shown after its fields */
  actions?: FormAction[];
}

export interface SectionSpec {
  /** problem path of the list (`lanes`), or a name that is no path (`(settings)`) */
  key: string;
  title: string;
  groups: GroupSpec[];
  /** how many items the list holds (a table's section describes only the item being edited) */
  size?: number;
  /** the list as a table (stock points, products, nodes; see DescribeOptions.only) */
  table?: TableSpec;
  add?: FormAction;
  notes: string[];
}

export interface FormSpec {
  sections: SectionSpec[];
  nodeIds: string[];
  productIds: string[];
}

export type FormModel = { ok: true; form: FormSpec } | { ok: false; reason: string };

// ---------------------------------------------------------------------------------------------
// Inputs -> JSON values

/**
 * A number as typed; "1,5" is read as 1.5 (a decimal comma). Anything else is kept as the text
 * typed, so the schema reports it at the field ("expected a number, got "1.2.3"").
 */
export function parseNumberInput(input: string): number | string {
  const text = input.trim();
  if (/^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/.test(text)) return Number(text);
  if (/^[-+]?\d+,\d+$/.test(text)) return Number(text.replace(',', '.'));
  // the page language's way: "1 234,5" and "−2" in French, "1,234.5" in English
  const typed = parseDecimal(text);
  if (typed !== null) return typed;
  return text;
}

/** "north, south" -> ["north", "south"]; "north" -> "north"; "" -> undefined. */
export function parseIdListInput(input: string): string | string[] | undefined {
  const ids = input
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
  if (ids.length === 0) return undefined;
  return ids.length === 1 ? ids[0] : ids;
}

/** "fillRate, profit" -> ["fillRate", "profit"]; one name is a list of one; nothing is no list. */
export function parseNameListInput(input: string): string[] | undefined {
  const names = input
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  return names.length === 0 ? undefined : names;
}

function parseNumberListInput(input: string): Array<number | string> | undefined {
  // French: a comma between digits is the decimal mark ("1,5 ; 2,5"); one before a space still separates ("1,5, 2,5")
  const parts = input.split(locale === 'fr' ? /\s*;\s*|,\s+|\s+/ : /[\s,;]+/).filter((part) => part !== '');
  return parts.length === 0 ? undefined : parts.map(parseNumberInput);
}

function parseSeedInput(input: string): number | string | undefined {
  const text = input.trim();
  if (text === '') return undefined;
  if (/^-?\d+$/.test(text) && Number.isSafeInteger(Number(text))) return Number(text);
  return text;
}

function showNumberList(value: unknown): string {
  if (Array.isArray(value) && value.every((v) => typeof v === 'number' || typeof v === 'string')) return value.join(', ');
  return show(value);
}

const set = (path: JsonPath, value: unknown): JsonEdit => (value === undefined ? { op: 'delete', path } : { op: 'set', path, value });

/** Rounds a computed default to 4 significant digits (12.35, not 12.345678). */
function nice(x: number): number {
  return Number.isFinite(x) ? Number(x.toPrecision(4)) : 0;
}

const num = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

// ---------------------------------------------------------------------------------------------
// Type switches: keep shared and unknown fields, drop the old type's own, fill the new type's

/**
 * The object `old` as a `type` of the union: fields the new type knows (or no type knows) are kept in
 * their order, fields only other types know are dropped, and required fields still missing are
 * taken from `defaults`.
 */
export function convertVariant(old: unknown, type: string, types: Map<string, VariantInfo>, defaults: Record<string, unknown>): Record<string, unknown> {
  const known = knownKeys(types);
  const target = types.get(type);
  const own = new Set(target ? target.fields.map((f) => f.key) : []);
  const result: Record<string, unknown> = { type };
  if (isRecord(old)) {
    for (const [key, value] of Object.entries(old)) {
      if (key === 'type') continue;
      if (!known.has(key) || own.has(key)) result[key] = value;
    }
  }
  for (const field of target?.fields ?? []) {
    if (field.required && !(field.key in result) && defaults[field.key] !== undefined) result[field.key] = defaults[field.key];
  }
  return result;
}

/** The mean a distribution describes, as well as it can be read (undefined when it cannot). */
export function distributionMean(d: unknown): number | undefined {
  if (!isRecord(d)) return undefined;
  const min = num(d.min);
  const max = num(d.max);
  switch (d.type) {
    case 'constant':
      return num(d.value);
    case 'uniform':
    case 'discreteUniform':
      return min !== undefined && max !== undefined ? (min + max) / 2 : undefined;
    case 'triangular': {
      const mode = num(d.mode);
      return min !== undefined && max !== undefined && mode !== undefined ? (min + mode + max) / 3 : undefined;
    }
    case 'empirical': {
      if (!Array.isArray(d.values) || d.values.length === 0 || !d.values.every((v) => num(v) !== undefined)) return undefined;
      const values = d.values as number[];
      const weights = Array.isArray(d.weights) && d.weights.length === values.length && d.weights.every((w) => num(w) !== undefined) ? (d.weights as number[]) : values.map(() => 1);
      const total = weights.reduce((a, b) => a + b, 0);
      return total > 0 ? values.reduce((sum, v, i) => sum + v * weights[i], 0) / total : undefined;
    }
    default:
      return num(d.mean);
  }
}

/** The standard deviation a distribution describes, where it can be read. */
export function distributionSd(d: unknown): number | undefined {
  if (!isRecord(d)) return undefined;
  const min = num(d.min);
  const max = num(d.max);
  switch (d.type) {
    case 'constant':
      return 0;
    case 'uniform':
    case 'discreteUniform':
      return min !== undefined && max !== undefined ? (max - min) / Math.sqrt(12) : undefined;
    case 'triangular': {
      const mode = num(d.mode);
      if (min === undefined || max === undefined || mode === undefined) return undefined;
      return Math.sqrt(Math.max(0, (min * min + mode * mode + max * max - min * mode - min * max - mode * max) / 18));
    }
    case 'poisson': {
      const mean = num(d.mean);
      return mean !== undefined && mean >= 0 ? Math.sqrt(mean) : undefined;
    }
    case 'exponential':
      return num(d.mean);
    case 'empirical':
      return undefined;
    default:
      return num(d.sd);
  }
}

/** `old` as a distribution of another type, with about the same mean (and spread, where it has one). */
export function convertDistribution(old: unknown, type: string): Record<string, unknown> {
  const mean = distributionMean(old) ?? 1;
  const sd0 = distributionSd(old);
  const sd = sd0 !== undefined && sd0 > 0 ? nice(sd0) : nice(Math.abs(mean) * 0.25) || 1;
  const positiveMean = mean > 0 ? mean : 1;
  const spread = nice(sd * Math.sqrt(3));
  const defaults: Record<string, unknown> = {
    value: nice(mean),
    mean: type === 'normal' || type === 'poisson' ? nice(Math.max(mean, type === 'poisson' ? 0 : -Infinity)) : nice(positiveMean),
    sd: type === 'negativeBinomial' ? Math.max(sd, Math.ceil(Math.sqrt(positiveMean * 2) * 100) / 100) : sd,
    min: type === 'discreteUniform' ? Math.floor(mean - spread) : nice(mean - spread),
    max: type === 'discreteUniform' ? Math.ceil(mean + spread) : nice(mean + spread),
    mode: nice(mean),
    values: [nice(mean)],
  };
  // the old type's own parameters do not carry over (a uniform's min is not a triangular's min...)
  // except the ones both name alike and mean alike
  const carried = isRecord(old) && sameMeaning(String(old.type), type) ? old : { ...(isRecord(old) ? withoutKnown(old) : {}) };
  const result = convertVariant(carried, type, distributionTypes, defaults);
  if (type === 'negativeBinomial') {
    const m = num(result.mean);
    const s = num(result.sd);
    if (m !== undefined && s !== undefined && s * s <= m) result.sd = defaults.sd;
  }
  if ((type === 'gamma' || type === 'lognormal' || type === 'exponential' || type === 'negativeBinomial') && !((num(result.mean) ?? 0) > 0)) result.mean = nice(positiveMean);
  if (type === 'gamma' && !((num(result.sd) ?? 0) > 0)) result.sd = sd;
  return result;
}

const MOMENT_TYPES = new Set(['normal', 'lognormal', 'gamma', 'negativeBinomial', 'poisson', 'exponential']);
const RANGE_TYPES = new Set(['uniform', 'discreteUniform', 'triangular']);

/** Whether parameters of the same name mean the same thing in both types (mean/sd; min/max). */
function sameMeaning(from: string, to: string): boolean {
  return (MOMENT_TYPES.has(from) && MOMENT_TYPES.has(to)) || (RANGE_TYPES.has(from) && RANGE_TYPES.has(to) && to !== 'discreteUniform' && from !== 'discreteUniform');
}

/** Only the fields no type of the union knows (kept through a type switch). */
function withoutKnown(old: Record<string, unknown>): Record<string, unknown> {
  const known = knownKeys(distributionTypes);
  return Object.fromEntries(Object.entries(old).filter(([key]) => !known.has(key)));
}

/** `old` as a policy of another type, its levels carried over where they mean the same. */
export function convertPolicy(old: unknown, type: string): Record<string, unknown> {
  const p = isRecord(old) ? old : {};
  const reorderPoint0 = num(p.reorderPoint);
  const quantity0 = num(p.orderQuantity);
  const level = num(p.orderUpTo) ?? num(p.level) ?? (reorderPoint0 !== undefined && quantity0 !== undefined ? reorderPoint0 + quantity0 : undefined) ?? 20;
  const reorderPoint = reorderPoint0 ?? nice(level / 2);
  const quantity = quantity0 ?? Math.max(1, nice(level - reorderPoint));
  const orderUpTo = level > reorderPoint ? level : reorderPoint + quantity;
  const defaults: Record<string, unknown> = {
    reorderPoint,
    orderUpTo,
    orderQuantity: quantity,
    level,
    reviewPeriod: num(p.reviewPeriod) ?? 7,
    // a schedule starts as one order, on day 0, of the quantity carried over
    orders: [{ day: 0, quantity }],
    target: { fillRate: 0.95 },
    method: { type: 'movingAverage', periods: 4 },
  };
  const result = convertVariant(p, type, policyTypes, defaults);
  const s = num(result.reorderPoint);
  const S = num(result.orderUpTo);
  if (s !== undefined && S !== undefined && S <= s && (type === 'sS' || type === 'periodicRsS')) result.orderUpTo = s + quantity;
  return result;
}

/** The mean of a list of numbers (a daily history), or undefined when it holds anything else. */
function meanOfList(list: unknown): number | undefined {
  if (!Array.isArray(list) || list.length === 0 || !list.every((v) => num(v) !== undefined)) return undefined;
  return (list as number[]).reduce((a, b) => a + b, 0) / list.length;
}

/**
 * `old` as a demand entry of another type, with about the same units per day. Customers and orders
 * are the same thing counted two ways: customer arrivals become orders per day drawn from a Poisson of
 * the same mean, each customer's quantity the size of an order, and back; their delivery and segment
 * stay. What the old type does not say is not made up: a daily volume with no size per customer or
 * order keeps the default size, 1 unit (as an arrivals entry without `quantity`), and customers or
 * orders per day take the volume.
 */
export function convertDemand(old: unknown, type: string): Record<string, unknown> {
  const d = isRecord(old) ? old : {};
  // how many customers or orders a day and units each, where the old entry counts them
  const count = d.type === 'arrivals' ? num(d.customersPerDay) : d.type === 'orders' ? (d.ordersPerDay !== undefined ? distributionMean(d.ordersPerDay) : meanOfList(d.history)) : undefined;
  const each = d.type === 'arrivals' ? (d.quantity === undefined ? 1 : distributionMean(d.quantity) ?? 1) : d.type === 'orders' ? distributionMean(d.size) ?? 1 : 1;
  const perDay =
    d.type === 'arrivals' || d.type === 'orders' ? (count ?? 1) * each : d.type === 'perPeriod' ? distributionMean(d.quantity) ?? 1 : meanOfList(d.series) ?? 1;
  const perEach = count ?? perDay;
  // what one customer or order takes: a customer's quantity is an order's size and back (absent: 1 unit)
  const size = d.type === 'arrivals' ? (d.quantity ?? { type: 'constant', value: 1 }) : d.type === 'orders' && d.size !== undefined ? d.size : { type: 'constant', value: 1 };
  // a quantity per customer is not a quantity per day: it never carries over between the two
  const carried = { ...d };
  if (d.type !== type) delete carried.quantity;
  const defaults: Record<string, unknown> = {
    customersPerDay: nice(perEach > 0 ? perEach : 1),
    quantity: { type: 'poisson', mean: nice(Math.max(perDay, 0)) },
    series: Array.from({ length: 7 }, () => nice(Math.max(perDay, 0))),
    size,
  };
  const result = convertVariant(carried, type, demandTypes, defaults);
  if (d.type === type) return result;
  // optional in the schema, so not among the required fields filled above
  if (type === 'arrivals' && d.type === 'orders' && d.size !== undefined) result.quantity = d.size;
  if (type === 'orders' && result.ordersPerDay === undefined && result.history === undefined) {
    const { size: kept, ...rest } = result;
    return { ...rest, ordersPerDay: { type: 'poisson', mean: nice(Math.max(perEach, 0)) }, size: kept };
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Describing the form

type Shape = { shape: Record<string, z.ZodType> };

/** The default the schema gives a field of an object schema (for placeholders). */
function fallbackOf(schema: Shape, key: string): unknown {
  const field = schema.shape[key];
  if (!field) return undefined;
  const empty = field.safeParse(undefined);
  return empty.success ? empty.data : undefined;
}

/** The zones a "fulfilment" entry serves (the data as written, valid or not). */
function fulfilmentZones(data: Record<string, unknown>): Set<string> {
  const entries = Array.isArray(data.fulfilment) ? (data.fulfilment as unknown[]) : [];
  return new Set(entries.filter(isRecord).map((entry) => String(entry.zone)));
}

function idOf(value: unknown): string {
  return isRecord(value) && typeof value.id === 'string' ? value.id : '';
}

/** A fresh id: `base`, or `base-2`, `base-3`... not among `taken`. */
export function uniqueId(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

export interface DescribeOptions {
  /**
   * The lists shown as tables, each with the one item whose form is shown (null: none). Only that
   * item is described as a card, so an edit in a 2,000-row list describes one card, not 2,000; the
   * section carries the table's rows instead. Lists not named are described in full.
   */
  only?: Partial<Record<TableKind, number | null>>;
}

/** Describes the forms for a scenario's data (JSON as parsed, valid or not). */
export function describeForm(data: unknown, strings: EditorStrings = editorStrings, options: DescribeOptions = {}): FormModel {
  const s = strings.forms;
  if (!isRecord(data)) return { ok: false, reason: s.notAnObject };

  const list = (key: string): unknown[] | null => (data[key] === undefined ? [] : Array.isArray(data[key]) ? (data[key] as unknown[]) : null);
  const nodeIds = (list('nodes') ?? []).map(idOf).filter((id) => id !== '');
  const productIds = (list('products') ?? []).map(idOf).filter((id) => id !== '');

  // ---- field builders
  const field = (kind: FieldKind, path: JsonPath, label: string, extra: Partial<FieldSpec> & { optional?: boolean } = {}): FieldSpec => {
    const value = valueAt(data, path);
    const { optional = false, ...rest } = extra;
    const display = kind === 'idList' ? showIdList(value) : kind === 'numberList' ? showNumberList(value) : kind === 'checkbox' ? (value === true ? 'true' : '') : show(value);
    const edit = (input: string): JsonEdit => {
      switch (kind) {
        case 'number':
          return set(path, input.trim() === '' ? undefined : parseNumberInput(input));
        case 'seed':
          return set(path, parseSeedInput(input));
        case 'idList':
          return set(path, parseIdListInput(input));
        case 'numberList':
          return set(path, parseNumberListInput(input));
        case 'checkbox':
          return set(path, input === 'true' ? true : undefined);
        case 'select':
          return set(path, input === '' ? undefined : input);
        default:
          return set(path, input === '' && optional ? undefined : input);
      }
    };
    return { kind, key: formatJsonPath(path), aliases: [], path, label, display, structural: false, level: 0, edit, ...rest };
  };
  const placeholderOf = (fallback: unknown, none = s.placeholderNone): string => (fallback === undefined ? none : s.placeholderDefault(show(fallback)));
  const numberField = (path: JsonPath, label: string, schema?: Shape, extra: Partial<FieldSpec> & { optional?: boolean } = {}): FieldSpec => {
    const key = String(path[path.length - 1]);
    const optional = schema ? schema.shape[key]?.safeParse(undefined).success ?? false : false;
    const placeholder = optional && schema ? placeholderOf(fallbackOf(schema, key)) : undefined;
    return field('number', path, label, { optional, ...(placeholder !== undefined ? { placeholder } : {}), ...extra });
  };
  const withCurrent = (options: FieldOption[], display: string): FieldOption[] =>
    display === '' || options.some((o) => o.value === display) ? options : [...options, { value: display, label: s.unknownOption(display) }];
  const typeSelect = (path: JsonPath, label: string, types: Iterable<string>, names: Record<string, string>, convert: (old: unknown, type: string, current: unknown) => unknown, optionalLabel?: string): FieldSpec => {
    const objectPath = path.slice(0, -1);
    const options = [...types].map((t) => ({ value: t, label: names[t] ?? t }));
    const display = show(valueAt(data, path));
    return {
      ...field('select', path, label),
      aliases: [formatJsonPath(objectPath)],
      options: withCurrent(optionalLabel !== undefined ? [{ value: '', label: optionalLabel }, ...options] : options, display),
      display,
      structural: true,
      edit: (input, current) => (input === '' ? set(objectPath, undefined) : set(objectPath, convert(valueAt(current, objectPath), input, current))),
    };
  };

  const distributionFields = (path: JsonPath, label: string, optionalLabel?: string): FieldSpec[] => {
    const d = valueAt(data, path);
    const select = typeSelect([...path, 'type'], label, distributionTypes.keys(), s.distributions, convertDistribution, optionalLabel);
    if (optionalLabel !== undefined && d === undefined) select.display = '';
    const info = isRecord(d) && typeof d.type === 'string' ? distributionTypes.get(d.type) : undefined;
    const params = (info?.fields ?? []).map((f) =>
      field(f.key === 'values' || f.key === 'weights' ? 'numberList' : 'number', [...path, f.key], s.params[f.key] ?? f.key, {
        level: 1,
        optional: !f.required,
        ...(f.required ? {} : { placeholder: f.key === 'weights' ? s.placeholderEqualWeights : placeholderOf(f.fallback) }),
      }),
    );
    return [select, ...params];
  };

  /** When a disruption or a demand shock happens: on set days [start, end), or at random with a rate and a duration. */
  const occurrenceDefaults = { start: 30, end: 44, ratePerYear: 1, duration: { type: 'constant', value: 14 } };
  const occurrenceFields = (at: JsonPath, label: string): FieldSpec[] => {
    const occurrence = valueAt(data, at);
    const fields = [typeSelect([...at, 'type'], label, occurrenceTypes.keys(), s.occurrenceTypes, (old, type) => convertVariant(old, type, occurrenceTypes, occurrenceDefaults))];
    const type = isRecord(occurrence) ? occurrence.type : undefined;
    if (type === 'scheduled') fields.push(numberField([...at, 'start'], s.fields.fromDay, undefined, { level: 1 }), numberField([...at, 'end'], s.fields.toDay, undefined, { level: 1 }));
    else if (type === 'random') fields.push(numberField([...at, 'ratePerYear'], s.fields.ratePerYear, undefined, { level: 1 }), ...distributionFields([...at, 'duration'], s.fields.duration));
    return fields;
  };

  /**
   * A schedule's orders ([{ day, quantity }, ...]) as two lists side by side, the days and the
   * quantities, each rebuilding the orders with the other as it is (a day without a quantity takes 0).
   * The days' list is the orders' anchor: a problem with any order shows there.
   */
  const scheduleFields = (at: JsonPath): FieldSpec[] => datedListFields(at, s.fields.scheduleDays, s.fields.scheduleQuantities);

  /**
   * A list of { day, quantity } (a schedule's orders, an initial pipeline's shipments or orders) as two
   * lists side by side. With `owner`, an optional object holding such lists: a list emptied is removed,
   * and the owner with it when nothing else is left in it (no `{}` behind).
   */
  const datedListFields = (at: JsonPath, daysLabel: string, quantitiesLabel: string, extra: { owner?: JsonPath; help?: string } = {}): FieldSpec[] => {
    const orders = valueAt(data, at);
    const column = (name: 'day' | 'quantity'): unknown[] => (Array.isArray(orders) ? orders.map((order) => (isRecord(order) ? order[name] : undefined)) : []);
    const rebuild = (current: unknown, name: 'day' | 'quantity', input: string): JsonEdit => {
      const now = valueAt(current, at);
      const old = Array.isArray(now) ? now.map((order) => (isRecord(order) ? order : {})) : [];
      const values = parseNumberListInput(input) ?? [];
      const length = name === 'day' ? values.length : Math.max(values.length, old.length);
      const rebuilt = Array.from({ length }, (_, i) => ({
        day: name === 'day' ? values[i] : old[i]?.day,
        quantity: name === 'quantity' ? (values[i] ?? 0) : (old[i]?.quantity ?? 0),
      }));
      const owner = extra.owner;
      if (owner === undefined || rebuilt.length > 0) return set(at, rebuilt);
      const held = valueAt(current, owner);
      const others = isRecord(held) ? Object.keys(held).filter((key) => key !== at[owner.length] && !(Array.isArray(held[key]) && held[key].length === 0)) : [];
      return others.length === 0 ? set(owner, undefined) : set(at, undefined);
    };
    const list = (name: 'day' | 'quantity', label: string, key: string): FieldSpec => ({
      ...field('numberList', at, label, { level: 1 }),
      key,
      display: showNumberList(column(name)),
      edit: (input, current) => rebuild(current, name, input),
    });
    const days = list('day', daysLabel, formatJsonPath(at));
    if (extra.help !== undefined) days.help = extra.help;
    return [days, list('quantity', quantitiesLabel, `${formatJsonPath(at)}.quantity`)];
  };

  /** The published estimates' value of an anchoring-and-adjustment parameter, where the policy names known estimates. */
  const estimateOf = (policy: unknown, key: string): number | undefined => {
    if (!isRecord(policy) || typeof policy.estimates !== 'string' || !Object.hasOwn(ANCHOR_AND_ADJUST_ESTIMATES, policy.estimates)) return undefined;
    const values: Readonly<Record<string, number>> = ANCHOR_AND_ADJUST_ESTIMATES[policy.estimates as keyof typeof ANCHOR_AND_ADJUST_ESTIMATES];
    return values[key];
  };
  const ANCHOR_PARAMETERS = new Set(['smoothing', 'stockAdjustment', 'supplyLineWeight', 'desiredStock']);

  const policyFields = (path: JsonPath, label: string = s.fields.policy): FieldSpec[] => {
    const p = valueAt(data, path);
    const select = typeSelect([...path, 'type'], label, policyTypes.keys(), s.policies, convertPolicy);
    const info = isRecord(p) && typeof p.type === 'string' ? policyTypes.get(p.type) : undefined;
    const fields: FieldSpec[] = [select];
    for (const f of info?.fields ?? []) {
      const at = [...path, f.key];
      if (f.key === 'target') {
        const target = valueAt(data, at);
        const kinds = ['fillRate', 'cycleServiceLevel'];
        const kind = isRecord(target) ? (kinds.find((k) => k in target) ?? 'fillRate') : 'fillRate';
        fields.push({
          ...field('select', at, s.fields.target),
          options: kinds.map((k) => ({ value: k, label: s.targets[k] ?? k })),
          display: kind,
          structural: true,
          level: 1,
          edit: (input, current) => {
            const old = valueAt(current, at);
            const rest = isRecord(old) ? Object.fromEntries(Object.entries(old).filter(([k]) => !kinds.includes(k))) : {};
            const level = isRecord(old) ? (num(old.fillRate) ?? num(old.cycleServiceLevel)) : undefined;
            return set(at, { ...rest, [input]: level ?? 0.95 });
          },
        });
        fields.push(numberField([...at, kind], s.fields.targetLevel, undefined, { level: 1 }));
      } else if (f.key === 'method') {
        const methodSelect = typeSelect([...at, 'type'], s.fields.forecastMethod, forecastMethods.keys(), s.forecastMethods, (old, type) =>
          convertVariant(old, type, forecastMethods, { periods: 4, alpha: 0.3 }),
        );
        methodSelect.level = 1;
        fields.push(methodSelect);
        const method = valueAt(data, at);
        const methodInfo = isRecord(method) && typeof method.type === 'string' ? forecastMethods.get(method.type) : undefined;
        for (const mf of methodInfo?.fields ?? []) fields.push(numberField([...at, mf.key], s.params[mf.key] ?? mf.key, undefined, { level: 1 }));
      } else if (f.key === 'orders') {
        fields.push(...scheduleFields(at));
      } else if (f.key === 'estimates') {
        // named estimates give the parameters left empty: the form is drawn again to show their values
        const options = Object.keys(ANCHOR_AND_ADJUST_ESTIMATES).map((name) => ({ value: name, label: s.estimates[name] ?? name }));
        fields.push({
          ...field('select', at, s.params.estimates ?? f.key, { level: 1, optional: true }),
          options: withCurrent([{ value: '', label: s.noEstimates }, ...options], show(valueAt(data, at))),
          structural: true,
          help: s.help.estimates,
        });
      } else if (ANCHOR_PARAMETERS.has(f.key)) {
        const estimate = estimateOf(p, f.key);
        fields.push(
          field('number', at, s.params[f.key] ?? f.key, {
            level: 1,
            optional: true,
            placeholder: estimate === undefined ? s.placeholderNeeded : s.placeholderFromEstimates(show(estimate)),
            help: s.help[f.key as 'smoothing' | 'stockAdjustment' | 'supplyLineWeight' | 'desiredStock'],
          }),
        );
      } else if (typeof f.fallback === 'boolean') {
        fields.push(field('checkbox', at, s.params[f.key] ?? f.key, { level: 1, optional: true }));
      } else {
        fields.push(
          field('number', at, s.params[f.key] ?? f.key, {
            level: 1,
            optional: !f.required,
            ...(f.required
              ? {}
              : { placeholder: f.key === 'orderQuantity' ? s.placeholderEoq : f.key === 'initialExpectedOrders' ? s.placeholderMeanDemandPerReview : placeholderOf(f.fallback) }),
          }),
        );
      }
    }
    return fields;
  };

  const holdingCostFields = (productPath: JsonPath): FieldSpec[] => {
    const at = [...productPath, 'holdingCost'];
    const h = valueAt(data, at);
    const modes = ['perUnitPerDay', 'annualRate'];
    const mode = isRecord(h) && 'annualRate' in h && !('perUnitPerDay' in h) ? 'annualRate' : 'perUnitPerDay';
    return [
      {
        ...field('select', at, s.fields.holdingCost),
        options: modes.map((m) => ({ value: m, label: s.holdingModes[m] ?? m })),
        display: mode,
        structural: true,
        edit: (input, current) => {
          const old = valueAt(current, at);
          const unitCost = num(valueAt(current, [...productPath, 'unitCost']));
          const rest = isRecord(old) ? Object.fromEntries(Object.entries(old).filter(([k]) => !modes.includes(k))) : {};
          const perDay = isRecord(old) ? num(old.perUnitPerDay) : undefined;
          const rate = isRecord(old) ? num(old.annualRate) : undefined;
          let value: number;
          if (input === 'annualRate') value = rate ?? (perDay !== undefined && unitCost ? nice((perDay * 365) / unitCost) : 0.25);
          else value = perDay ?? (rate !== undefined && unitCost !== undefined ? nice((rate * unitCost) / 365) : 0.01);
          return set(at, { ...rest, [input]: value });
        },
      },
      numberField([...at, mode], s.holdingAmounts[mode] ?? mode, undefined, { level: 1 }),
    ];
  };

  /**
   * Fields of one optional object at `at`: emptying the last of them removes the object rather than
   * leaving `{}` behind (which some objects' checks refuse, and which no one wrote).
   */
  const ownedFields = (at: JsonPath, fields: FieldSpec[]): FieldSpec[] => {
    for (const spec of fields) {
      const plain = spec.edit;
      const key = spec.path[at.length];
      spec.edit = (input, current) => {
        const edit = plain(input, current);
        const entry = valueAt(current, at);
        const last = isRecord(entry) && Object.keys(entry).every((k) => k === key);
        return edit.op === 'delete' && last ? set(at, undefined) : edit;
      };
    }
    return fields;
  };

  /**
   * How well a stock point's record matches its shelf. With other settings left, an emptied shrinkage
   * is reported as required (an entry needs it); emptied last, the entry goes (exact records again).
   */
  const visibilityFields = (at: JsonPath): FieldSpec[] =>
    ownedFields(at, [
      field('number', [...at, 'shrinkagePerDay'], s.fields.shrinkagePerDay, { optional: true, placeholder: s.placeholderExactRecord }),
      field('number', [...at, 'countEveryDays'], s.fields.countEveryDays, { optional: true, placeholder: s.placeholderNever }),
      field('number', [...at, 'countDelayDays'], s.fields.countDelayDays, { optional: true, placeholder: s.placeholderDefault('0') }),
      field('checkbox', [...at, 'realTime'], s.fields.realTime, { optional: true }),
    ]);

  const more = (item: unknown, shown: string[]): string[] => (isRecord(item) ? Object.keys(item).filter((k) => !shown.includes(k)) : []);
  const removeAction = (path: JsonPath, what: string): FormAction => ({ label: s.removeItem(what), edit: () => ({ op: 'delete', path }) });
  /**
   * Add to the list at `at` (created if missing; never over a value that is not a list), and remove
   * each of its items, keeping at least `min`. `card` names the item they act on, for their
   * accessible names; `firstField` is the key under a new item to focus once it is added.
   */
  const nestedListActions = (
    at: JsonPath,
    spec: { card: string; min: number; add: string; addTo: (card: string) => string; itemName: (n: number) => string; firstField: string; template: (current: unknown) => unknown },
  ): FormAction[] => {
    const list = valueAt(data, at);
    if (list !== undefined && !Array.isArray(list)) return [];
    const items = Array.isArray(list) ? list : [];
    const add: FormAction = {
      label: spec.addTo(spec.card),
      text: spec.add,
      focusKey: formatJsonPath([...at, items.length, spec.firstField]),
      edit: (current) => {
        const now = valueAt(current, at);
        return Array.isArray(now) ? { op: 'set', path: [...at, now.length], value: spec.template(current) } : { op: 'set', path: at, value: [spec.template(current)] };
      },
    };
    const removes = items.length > spec.min ? items.map((_, i): FormAction => ({ ...removeAction([...at, i], s.itemOf(spec.itemName(i + 1), spec.card)), text: s.removeItem(spec.itemName(i + 1)) })) : [];
    return [add, ...removes];
  };

  /** Names every field of a nested item with it ("Shock 2: from day"), so each reads alone. */
  const nameAll = (fields: FieldSpec[], of: (label: string) => string): FieldSpec[] => fields.map((spec) => ({ ...spec, label: of(spec.label) }));

  /** A problem with a whole nested item (an override matching nothing) shows at its first field. */
  const aliasItem = (fields: FieldSpec[], item: JsonPath): FieldSpec[] => {
    if (fields.length > 0) fields[0] = { ...fields[0], aliases: [...fields[0].aliases, formatJsonPath(item)] };
    return fields;
  };

  /** A section listing `data[key]`, one group per item. */
  const listSection = (
    key: string,
    title: string,
    shown: string[],
    describe: (item: unknown, path: JsonPath) => { title: string; fields: FieldSpec[]; notes?: string[]; more?: string[]; actions?: FormAction[] },
    template: (current: Record<string, unknown>) => unknown,
    addLabel: string,
  ): SectionSpec => {
    const items = list(key);
    if (items === null) return { key, title, groups: [], notes: [s.notAList(key)] };
    const only = options.only?.[key as TableKind];
    const table = only !== undefined ? describeTable(key as TableKind, data, strings) : null;
    const chosen = only === undefined ? items.map((_, i) => i) : only !== null && only < items.length ? [only] : [];
    const groups = chosen.map((i): GroupSpec => {
      const item = items[i];
      const path = [key, i];
      if (!isRecord(item)) return { key: formatJsonPath(path), title: s.itemNotObject(formatJsonPath(path)), fields: [], more: [], notes: [], jsonLink: true, remove: removeAction(path, formatJsonPath(path)) };
      const described = describe(item, path);
      return {
        key: formatJsonPath(path),
        title: described.title,
        fields: described.fields,
        remove: removeAction(path, described.title),
        more: [...more(item, shown), ...(described.more ?? [])],
        notes: described.notes ?? [],
        ...(described.actions ? { actions: described.actions } : {}),
      };
    });
    return {
      key,
      title,
      groups,
      size: items.length,
      ...(table ? { table } : {}),
      notes: [],
      add: {
        label: addLabel,
        edit: (current) => {
          const root = isRecord(current) ? current : {};
          const existing = Array.isArray(root[key]) ? (root[key] as unknown[]) : [];
          return { op: 'set', path: [key, existing.length], value: template(root) };
        },
      },
    };
  };

  const idsIn = (current: Record<string, unknown>, key: string): string[] => (Array.isArray(current[key]) ? (current[key] as unknown[]).map(idOf).filter((id) => id !== '') : []);
  const nodesOfType = (current: Record<string, unknown>, ...types: string[]): string[] =>
    Array.isArray(current.nodes) ? (current.nodes as unknown[]).filter((n) => isRecord(n) && types.includes(String(n.type))).map(idOf) : [];

  /** A (node, product) pair of stores, then warehouses, that the list does not name yet (else the first). */
  const freePair = (current: Record<string, unknown>, key: string): { node: string; product: string } => {
    const ids = (value: unknown): string[] => (typeof value === 'string' ? [value] : Array.isArray(value) ? value.map(String) : []);
    const taken = new Set((Array.isArray(current[key]) ? (current[key] as unknown[]) : []).filter(isRecord).flatMap((entry) => ids(entry.node).flatMap((n) => ids(entry.product).map((p) => `${n}/${p}`))));
    const pairs = [...nodesOfType(current, 'store'), ...nodesOfType(current, 'warehouse')].flatMap((node) => idsIn(current, 'products').map((product) => ({ node, product })));
    return pairs.find((p) => !taken.has(`${p.node}/${p.product}`)) ?? pairs[0] ?? { node: '', product: '' };
  };

  // ---- sections
  // $schema: the file's JSON Schema, an editor's hint (schema/scenario.schema.json), not a setting to list
  const settingsShown = ['$schema', 'version', 'name', 'description', 'headline', 'horizonDays', 'warmupDays', 'bullwhipPeriodDays', 'replications', 'seed', 'currency', 'products', 'nodes', 'lanes', 'stockPoints', 'demand', 'customers', 'fulfilment', 'recalls', 'disruptions', 'variants'];
  const Top = Scenario as unknown as Shape;
  const settings: SectionSpec = {
    key: '(settings)',
    title: s.sections.scenario,
    notes: [],
    groups: [
      {
        key: '(scenario)',
        title: '',
        fields: [
          field('text', ['name'], s.fields.name),
          field('textarea', ['description'], s.fields.description, { optional: true }),
          {
            // the KPIs the headline cards show: always a list (one KPI too), checked by the schema
            ...field('idList', ['headline'], s.fields.headline, { optional: true, placeholder: s.placeholderHeadline }),
            edit: (input: string) => set(['headline'], parseNameListInput(input)),
          },
          numberField(['horizonDays'], s.fields.horizonDays, Top),
          numberField(['warmupDays'], s.fields.warmupDays, Top),
          numberField(['bullwhipPeriodDays'], s.fields.bullwhipPeriodDays, Top, { help: s.help.bullwhipPeriodDays }),
          numberField(['replications'], s.fields.replications, Top),
          field('seed', ['seed'], s.fields.seed, { optional: true, placeholder: placeholderOf(fallbackOf(Top, 'seed')) }),
          field('text', ['currency'], s.fields.currency, { optional: true, placeholder: placeholderOf(fallbackOf(Top, 'currency')) }),
        ],
        more: more(data, settingsShown),
        notes: [],
      },
    ],
  };

  const P = Product as unknown as Shape;
  const products = listSection(
    'products',
    s.sections.products,
    ['id', 'name', 'unitCost', 'price', 'holdingCost', 'unmetDemand', 'stockoutPenalty', 'backorderCostPerDay', 'orderingCost'],
    (item, path) => ({
      title: s.titles.product(show((item as Record<string, unknown>).id)),
      fields: [
        field('text', [...path, 'id'], s.fields.id),
        field('text', [...path, 'name'], s.fields.displayName, { optional: true, placeholder: s.placeholderNone }),
        numberField([...path, 'unitCost'], s.fields.unitCost, P),
        numberField([...path, 'price'], s.fields.price, P, { placeholder: s.placeholderNoPrice }),
        ...holdingCostFields(path),
        {
          ...field('select', [...path, 'unmetDemand'], s.fields.unmetDemand, { optional: true }),
          options: withCurrent([{ value: '', label: s.placeholderDefault(String(fallbackOf(P, 'unmetDemand'))) }, ...['lost', 'backorder'].map((v) => ({ value: v, label: s.unmetDemand[v] ?? v }))], show((item as Record<string, unknown>).unmetDemand)),
        },
        numberField([...path, 'stockoutPenalty'], s.fields.stockoutPenalty, P),
        numberField([...path, 'backorderCostPerDay'], s.fields.backorderCostPerDay, P),
        numberField([...path, 'orderingCost'], s.fields.orderingCost, P),
      ],
    }),
    (current) => ({ id: uniqueId('product', idsIn(current, 'products')), unitCost: 10, holdingCost: { annualRate: 0.25 } }),
    s.add.product,
  );

  const nodes = listSection(
    'nodes',
    s.sections.nodes,
    ['id', 'type', 'name', 'capacityPerDay', 'leadTime', 'servers'],
    (item, path) => {
      const node = item as Record<string, unknown>;
      const typeField = typeSelect([...path, 'type'], s.fields.nodeType, nodeTypes.keys(), s.nodeTypes, (old, type) => convertVariant(old, type, nodeTypes, {}));
      // a node's own path stays the group's (an unknown field there belongs to the whole node)
      typeField.aliases = [];
      const info = typeof node.type === 'string' ? nodeTypes.get(node.type) : undefined;
      const has = (key: string) => info?.fields.some((f) => f.key === key) ?? false;
      const fields = [field('text', [...path, 'id'], s.fields.id), typeField, field('text', [...path, 'name'], s.fields.displayName, { optional: true, placeholder: s.placeholderNone })];
      if (has('capacityPerDay')) fields.push(numberField([...path, 'capacityPerDay'], s.fields.capacityPerDay, undefined, { optional: true, placeholder: s.placeholderUnlimited }));
      if (has('leadTime')) fields.push(...distributionFields([...path, 'leadTime'], s.fields.processingTime, s.placeholderNone));
      if (has('servers')) fields.push(numberField([...path, 'servers'], s.fields.servers, undefined, { optional: true, placeholder: s.placeholderAllAtOnce }));
      // an online zone's warehouses, transit times and promises live in "fulfilment" (its own section)
      const notes = node.type === 'zone' ? [s.zoneNote(fulfilmentZones(data).has(String(node.id)))] : [];
      return { title: s.titles.node(show(node.id), s.nodeTypes[String(node.type)] ?? show(node.type)), fields, notes };
    },
    (current) => ({ id: uniqueId('store', idsIn(current, 'nodes')), type: 'store' }),
    s.add.node,
  );

  const L = Lane as unknown as Shape;
  const lanes = listSection(
    'lanes',
    s.sections.lanes,
    ['id', 'from', 'to', 'leadTime', 'costPerUnit', 'costPerShipment', 'orderDelayDays'],
    (item, path) => {
      const lane = item as Record<string, unknown>;
      return {
        title: s.titles.lane(show(lane.from), show(lane.to)),
        fields: [
          field('text', [...path, 'from'], s.fields.from, { suggest: 'nodes' }),
          field('text', [...path, 'to'], s.fields.to, { suggest: 'nodes' }),
          ...distributionFields([...path, 'leadTime'], s.fields.leadTime),
          numberField([...path, 'costPerUnit'], s.fields.costPerUnit, L),
          numberField([...path, 'costPerShipment'], s.fields.costPerShipment, L),
          numberField([...path, 'orderDelayDays'], s.fields.orderDelayDays, L, { help: s.help.orderDelayDays }),
          field('text', [...path, 'id'], s.fields.laneId, { optional: true, placeholder: s.placeholderLaneId }),
        ],
      };
    },
    (current) => {
      const taken = new Set((Array.isArray(current.lanes) ? current.lanes : []).filter(isRecord).map((lane) => `${String(lane.from)}->${String(lane.to)}`));
      const pairs = nodesOfType(current, 'supplier', 'warehouse').flatMap((from) => nodesOfType(current, 'warehouse', 'store').filter((to) => to !== from).map((to) => ({ from, to })));
      const { from, to } = pairs.find((p) => !taken.has(`${p.from}->${p.to}`)) ?? pairs[0] ?? { from: '', to: '' };
      return { from, to, leadTime: { type: 'constant', value: 1 } };
    },
    s.add.lane,
  );

  const SP = StockPoint as unknown as Shape;
  /**
   * A stock point's scripted periods, each named with its number ("Scripted period 2: from day"); a
   * problem with the whole list (its policy reviews continuously) shows at the first period's first field.
   */
  const scriptedOrderFields = (point: Record<string, unknown>, path: JsonPath): { fields: FieldSpec[]; more: string[] } => {
    const periods = Array.isArray(point.scriptedOrders) ? (point.scriptedOrders as unknown[]) : [];
    const fields: FieldSpec[] = [];
    const moreOfPeriods: string[] = [];
    periods.forEach((period, i) => {
      if (!isRecord(period)) return;
      const at = [...path, 'scriptedOrders', i];
      const fieldsOfPeriod = [
        numberField([...at, 'fromDay'], s.fields.fromDay),
        numberField([...at, 'untilDay'], s.fields.untilDay),
        numberField([...at, 'quantity'], s.fields.scriptedQuantity, undefined, { help: s.help.scriptedQuantity }),
      ];
      fields.push(...aliasItem(nameAll(fieldsOfPeriod, (label) => s.fields.ofScriptedPeriod(i + 1, label)), at));
      moreOfPeriods.push(...more(period, ['fromDay', 'untilDay', 'quantity']).map((key) => `scriptedOrders[${i}].${key}`));
    });
    if (fields.length > 0) fields[0] = { ...fields[0], aliases: [...fields[0].aliases, formatJsonPath([...path, 'scriptedOrders'])] };
    return { fields, more: moreOfPeriods };
  };
  const stockPoints = listSection(
    'stockPoints',
    s.sections.stockPoints,
    ['node', 'product', 'policy', 'initialOnHand', 'issuing', 'visibility', 'orderRounding', 'reviewTiming', 'backlogCostPerDay', 'scriptedOrders', 'initialPipeline'],
    (item, path) => {
      const point = item as Record<string, unknown>;
      const title = s.titles.stockPoint(showIdList(point.node), showIdList(point.product));
      const scripted = scriptedOrderFields(point, path);
      return {
        title,
        ...(scripted.more.length > 0 ? { more: scripted.more } : {}),
        actions: nestedListActions([...path, 'scriptedOrders'], {
          card: title,
          min: 0,
          add: s.add.scriptedPeriod,
          addTo: s.add.scriptedPeriodTo,
          itemName: s.titles.scriptedPeriod,
          firstField: 'fromDay',
          template: (current) => {
            // the next four weeks after the last period, at its quantity (0: no orders)
            const now = valueAt(current, [...path, 'scriptedOrders']);
            const periods = (Array.isArray(now) ? now : []).filter(isRecord);
            const fromDay = Math.max(0, ...periods.map((period) => num(period.untilDay) ?? 0));
            return { fromDay, untilDay: fromDay + 28, quantity: num(periods.at(-1)?.quantity) ?? 0 };
          },
        }),
        fields: [
          field('idList', [...path, 'node'], s.fields.nodes, { suggest: 'nodes' }),
          field('idList', [...path, 'product'], s.fields.products, { suggest: 'products' }),
          ...policyFields([...path, 'policy']),
          numberField([...path, 'initialOnHand'], s.fields.initialOnHand, SP, { placeholder: s.placeholderPolicyTarget }),
          {
            ...field('select', [...path, 'issuing'], s.fields.issuing, { optional: true }),
            options: withCurrent([{ value: '', label: s.placeholderDefault(s.issuing.fifo) }, ...['fifo', 'fefo', 'lifo'].map((v) => ({ value: v, label: s.issuing[v] ?? v }))], show(point.issuing)),
          },
          ...visibilityFields([...path, 'visibility']),
          {
            ...field('select', [...path, 'orderRounding'], s.fields.orderRounding, { optional: true }),
            options: withCurrent([{ value: '', label: s.placeholderDefault(s.orderRounding.up) }, ...['up', 'nearest'].map((v) => ({ value: v, label: s.orderRounding[v] ?? v }))], show(point.orderRounding)),
            help: s.help.orderRounding,
          },
          {
            ...field('select', [...path, 'reviewTiming'], s.fields.reviewTiming, { optional: true }),
            options: withCurrent(
              [{ value: '', label: s.placeholderDefault(s.reviewTiming.beforeDemand) }, ...['beforeDemand', 'afterDemand'].map((v) => ({ value: v, label: s.reviewTiming[v] ?? v }))],
              show(point.reviewTiming),
            ),
            help: s.help.reviewTiming,
          },
          numberField([...path, 'backlogCostPerDay'], s.fields.backlogCostPerDay, SP, { help: s.help.backlogCostPerDay }),
          ...datedListFields([...path, 'initialPipeline', 'shipments'], s.fields.pipelineShipmentDays, s.fields.pipelineShipmentQuantities, {
            owner: [...path, 'initialPipeline'],
            help: s.help.pipelineShipments,
          }).map((spec) => ({ ...spec, level: 0 as const })),
          ...datedListFields([...path, 'initialPipeline', 'orders'], s.fields.pipelineOrderDays, s.fields.pipelineOrderQuantities, {
            owner: [...path, 'initialPipeline'],
            help: s.help.pipelineOrders,
          }).map((spec) => ({ ...spec, level: 0 as const })),
          ...scripted.fields,
        ],
      };
    },
    (current) => ({ ...freePair(current, 'stockPoints'), policy: { type: 'sS', reorderPoint: 10, orderUpTo: 30 } }),
    s.add.stockPoint,
  );

  /**
   * An online zone's express option: a switch that writes the whole option (a quarter of orders, half
   * a day in transit, 9.90 a parcel: edited from there) or removes it, then its parameters.
   */
  const expressFields = (at: JsonPath): FieldSpec[] => {
    const express = valueAt(data, at);
    const toggle: FieldSpec = {
      ...field('checkbox', at, s.fields.express),
      display: express === undefined ? '' : 'true',
      structural: true,
      edit: (input, current) =>
        input === 'true'
          ? valueAt(current, at) === undefined
            ? set(at, { share: 0.25, transitDays: { type: 'constant', value: 0.5 }, pricePremium: 9.9 })
            : { op: 'set', path: at, value: valueAt(current, at) }
          : set(at, undefined),
    };
    if (express === undefined) return [toggle];
    return [
      toggle,
      field('number', [...at, 'share'], s.fields.expressShare, { level: 1 }),
      ...distributionFields([...at, 'transitDays'], s.fields.expressTransit).map((spec) => ({ ...spec, level: 1 as const })),
      field('number', [...at, 'pricePremium'], s.fields.expressPremium, { level: 1 }),
    ];
  };

  /**
   * How many orders an orders entry gets each day: drawn from a distribution (`ordersPerDay`) or
   * replayed from a daily history of counts (`history`), chosen with a select; switching keeps the
   * mean (a history of 7 days at the distribution's mean, rounded to whole orders; a Poisson of the
   * history's mean). The select's own key is no path of the data (`orderCount`); without a
   * distribution drawn, it also stands for `ordersPerDay`, where the schema says one of the two is needed.
   */
  const orderCountFields = (at: JsonPath): FieldSpec[] => {
    const entry = valueAt(data, at);
    const e = isRecord(entry) ? entry : {};
    const modes = ['ordersPerDay', 'history'] as const;
    const mode = e.ordersPerDay === undefined && e.history !== undefined ? 'history' : 'ordersPerDay';
    const select: FieldSpec = {
      ...field('select', [...at, 'ordersPerDay'], s.fields.orderCount),
      key: formatJsonPath([...at, 'orderCount']),
      aliases: e.ordersPerDay === undefined ? [formatJsonPath([...at, 'ordersPerDay'])] : [],
      options: modes.map((m) => ({ value: m, label: s.orderCounts[m] ?? m })),
      display: mode,
      structural: true,
      edit: (input, current) => {
        const now = valueAt(current, at);
        const old = isRecord(now) ? now : {};
        const chosen = input === 'history' ? 'history' : 'ordersPerDay';
        const other = chosen === 'history' ? 'ordersPerDay' : 'history';
        const value =
          old[chosen] !== undefined
            ? old[chosen]
            : chosen === 'history'
              ? Array.from({ length: 7 }, () => Math.max(0, Math.round(distributionMean(old.ordersPerDay) ?? 1)))
              : { type: 'poisson', mean: nice(Math.max(0, meanOfList(old.history) ?? 1)) };
        // the chosen one takes the other's place (or goes before the size), so the entry reads as before
        const rebuilt: Record<string, unknown> = {};
        let placed = false;
        for (const [key, v] of Object.entries(old)) {
          if (key === other || (key === 'size' && !placed)) {
            if (!placed) rebuilt[chosen] = value;
            placed = true;
            if (key === other) continue;
          }
          if (key === chosen) continue;
          rebuilt[key] = v;
        }
        if (!placed) rebuilt[chosen] = value;
        return set(at, rebuilt);
      },
    };
    const fields: FieldSpec[] = [select];
    if (mode === 'ordersPerDay') fields.push(...distributionFields([...at, 'ordersPerDay'], s.fields.ordersPerDay).map((spec) => ({ ...spec, level: 1 as const })));
    // a history is shown whenever there is one (with both, the schema asks to remove one)
    if (e.history !== undefined) fields.push(field('numberList', [...at, 'history'], s.fields.orderHistory, { level: 1 }));
    return fields;
  };

  /**
   * How each customer order reaches its customer: a switch that writes a delivery (two days, at no
   * cost: edited from there) or removes it, then its lead time, costs and due date, whose default
   * (the lead time's mean) the empty field says.
   */
  const D = CustomerDelivery as unknown as Shape;
  const deliveryFields = (at: JsonPath): FieldSpec[] => {
    const delivery = valueAt(data, at);
    const toggle: FieldSpec = {
      ...field('checkbox', at, s.fields.deliver),
      // what a delivery does, once there is one
      ...(delivery === undefined ? {} : { help: s.help.deliver }),
      display: delivery === undefined ? '' : 'true',
      structural: true,
      edit: (input, current) =>
        input === 'true'
          ? valueAt(current, at) === undefined
            ? set(at, { leadTime: { type: 'constant', value: 2 } })
            : { op: 'set', path: at, value: valueAt(current, at) }
          : set(at, undefined),
    };
    if (delivery === undefined) return [toggle];
    const mean = isRecord(delivery) ? distributionMean(delivery.leadTime) : undefined;
    return [
      toggle,
      ...distributionFields([...at, 'leadTime'], s.fields.deliveryLeadTime).map((spec) => ({ ...spec, level: 1 as const })),
      numberField([...at, 'costPerOrder'], s.fields.deliveryCostPerOrder, D, { level: 1 }),
      numberField([...at, 'costPerUnit'], s.fields.customerDeliveryCostPerUnit, D, { level: 1 }),
      numberField([...at, 'dueDays'], s.fields.dueDays, D, { level: 1, placeholder: s.placeholderDueDays(mean === undefined ? '' : show(nice(mean))), help: s.help.dueDays }),
    ];
  };

  /**
   * Proactive communication: the switch is `proactive` itself (a variant may turn it off and on with
   * `set`), and turning it on where there is no communication entry yet writes one with its
   * parameters (one in ten told customers still leaves when late, no voucher), then shown below it.
   */
  const communicationFields = (at: JsonPath): FieldSpec[] => {
    const communication = valueAt(data, at);
    const proactive = [...at, 'proactive'];
    const toggle: FieldSpec = {
      ...field('checkbox', proactive, s.fields.proactive),
      aliases: [formatJsonPath(at)],
      structural: true,
      edit: (input, current) => {
        const entry = valueAt(current, at);
        if (!isRecord(entry)) return input === 'true' ? set(at, { proactive: true, churnIfNotified: 0.1, voucherCost: 0 }) : set(at, undefined);
        return set(proactive, input === 'true');
      },
    };
    if (!isRecord(communication)) return [toggle];
    return [
      toggle,
      field('number', [...at, 'churnIfNotified'], s.fields.churnIfNotified, { level: 1 }),
      field('number', [...at, 'voucherCost'], s.fields.voucherCost, { level: 1, optional: true, placeholder: s.placeholderDefault('0') }),
    ];
  };

  /**
   * A new policy override: for the first stock point (node and product) that the variant's overrides
   * do not reach yet, its own policy, so adding one changes nothing until edited; when every stock
   * point is overridden, the first one with the policy the variant now gives it (a later override
   * wins, so copying the base policy would silently undo an earlier override).
   */
  const overrideTemplate = (current: unknown, at: JsonPath): Record<string, unknown> => {
    const root = isRecord(current) ? current : {};
    const ids = (value: unknown): string[] => (typeof value === 'string' ? [value] : Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
    const reaches = (listed: unknown, id: string) => listed === undefined || ids(listed).includes(id);
    const overrides = (Array.isArray(valueAt(current, at)) ? (valueAt(current, at) as unknown[]) : []).filter(isRecord);
    const points = (Array.isArray(root.stockPoints) ? (root.stockPoints as unknown[]) : []).filter(isRecord);
    const pairs = points.flatMap((point) => ids(point.node).flatMap((node) => ids(point.product).map((product) => ({ node, product, policy: point.policy }))));
    const applied = (pair: { node: string; product: string }) => overrides.filter((o) => reaches(o.node, pair.node) && reaches(o.product, pair.product)).at(-1)?.policy;
    const free = pairs.find((pair) => applied(pair) === undefined);
    const pair = free ?? pairs[0];
    if (!pair) return { policy: { type: 'sS', reorderPoint: 10, orderUpTo: 30 } };
    return { node: pair.node, product: pair.product, policy: structuredClone(free ? pair.policy : (applied(pair) ?? pair.policy)) };
  };

  /**
   * A disruption as another type: what the new type needs and the old one lacked is taken from the
   * network (the first supplier for an outage, the first node with a daily capacity for a capacity
   * loss, the first online zone, the first lane), and a kept node that cannot suffer it is replaced.
   */
  const convertDisruption = (old: unknown, type: string, current: unknown): Record<string, unknown> => {
    const root = isRecord(current) ? current : {};
    const nodes = (Array.isArray(root.nodes) ? (root.nodes as unknown[]) : []).filter(isRecord);
    const fits = (id: unknown) =>
      nodes.some((n) => n.id === id && (type === 'supplierOutage' ? n.type === 'supplier' : type === 'capacityLoss' ? n.capacityPerDay !== undefined : true));
    // with no node that can suffer it, a supplier or warehouse anyway: the check then says what it lacks
    const firstFitting = nodes.find((n) => fits(n.id))?.id ?? nodes.find((n) => n.type === 'supplier' || n.type === 'warehouse')?.id;
    const lanes = (Array.isArray(root.lanes) ? (root.lanes as unknown[]) : []).filter(isRecord);
    const firstLane = lanes[0] ? (typeof lanes[0].id === 'string' ? lanes[0].id : `${String(lanes[0].from)}->${String(lanes[0].to)}`) : undefined;
    const converted = convertVariant(old, type, disruptionTypes, {
      multiplier: 2,
      fraction: 1,
      ...(firstFitting !== undefined ? { node: firstFitting } : {}),
      ...(nodesOfType(root, 'zone')[0] !== undefined ? { zone: nodesOfType(root, 'zone')[0] } : {}),
      ...(firstLane !== undefined ? { lanes: [firstLane] } : {}),
    });
    if ('node' in converted && !fits(converted.node) && firstFitting !== undefined && fits(firstFitting)) converted.node = firstFitting;
    return converted;
  };

  // policy variants compared on the same random futures: each replaces the policies of the stock
  // points its overrides name (a variant without overrides runs the policies above: a baseline);
  // its other changes ("set", JSON pointers and values) are edited as JSON
  const variants = listSection(
    'variants',
    s.sections.variants,
    ['id', 'name', 'description', 'policies'],
    (item, path) => {
      const variant = item as Record<string, unknown>;
      const overrides = Array.isArray(variant.policies) ? (variant.policies as unknown[]) : [];
      const fields: FieldSpec[] = [
        field('text', [...path, 'id'], s.fields.id),
        field('text', [...path, 'name'], s.fields.displayName, { optional: true, placeholder: s.placeholderNone }),
        field('textarea', [...path, 'description'], s.fields.description, { optional: true }),
      ];
      const moreOfOverrides: string[] = [];
      overrides.forEach((override, j) => {
        if (!isRecord(override)) return;
        const at = [...path, 'policies', j];
        const fieldsOfOverride = [
          field('idList', [...at, 'node'], s.fields.nodes, { suggest: 'nodes', optional: true, placeholder: s.placeholderEveryNode }),
          field('idList', [...at, 'product'], s.fields.products, { suggest: 'products', optional: true, placeholder: s.placeholderEveryProductOverride }),
          ...policyFields([...at, 'policy']),
        ];
        fields.push(...aliasItem(nameAll(fieldsOfOverride, (label) => s.fields.ofOverride(j + 1, label)), at));
        moreOfOverrides.push(...more(override, ['node', 'product', 'policy']).map((key) => `policies[${j}].${key}`));
      });
      const title = s.titles.variant(typeof variant.name === 'string' && variant.name !== '' ? variant.name : show(variant.id));
      const changes = Array.isArray(variant.set) && variant.set.length > 0;
      return {
        title,
        fields,
        notes: overrides.length > 0 ? [] : changes ? [s.setOnlyNote] : [s.baselineNote],
        more: moreOfOverrides,
        actions: nestedListActions([...path, 'policies'], {
          card: title,
          min: 0,
          add: s.add.override,
          addTo: s.add.overrideTo,
          itemName: s.titles.override,
          firstField: 'node',
          template: (current) => overrideTemplate(current, [...path, 'policies']),
        }),
      };
    },
    (current) => {
      const id = uniqueId('variant', idsIn(current, 'variants'));
      return { id, name: id, policies: [] };
    },
    s.add.variant,
  );

  const demand = listSection(
    'demand',
    s.sections.demand,
    ['type', 'node', 'product', 'segment', 'customersPerDay', 'ordersPerDay', 'history', 'quantity', 'size', 'delivery', 'seasonality', 'trendPerYear', 'shocks'],
    (item, path) => {
      const entry = item as Record<string, unknown>;
      const types = [...demandTypes.keys()].filter((t) => t !== 'history' || entry.type === 'history');
      const knows = (key: string) => (typeof entry.type === 'string' ? demandTypes.get(entry.type)?.fields.some((f) => f.key === key) : false) ?? false;
      const fields = [
        typeSelect([...path, 'type'], s.fields.demandType, types, s.demandTypes, convertDemand),
        field('idList', [...path, 'node'], s.fields.nodes, { suggest: 'nodes' }),
        field('idList', [...path, 'product'], s.fields.products, { suggest: 'products' }),
        field('text', [...path, 'segment'], s.fields.segment, { optional: true, placeholder: s.placeholderNone, help: s.help.segment }),
      ];
      fields[0].aliases = [];
      const notes: string[] = [];
      if (entry.type === 'arrivals') {
        fields.push(field('number', [...path, 'customersPerDay'], s.fields.customersPerDay));
        fields.push(...distributionFields([...path, 'quantity'], s.fields.quantityPerCustomer, s.placeholderOneUnit));
      } else if (entry.type === 'orders') {
        fields.push(...orderCountFields(path));
        fields.push(...distributionFields([...path, 'size'], s.fields.orderSize));
      } else if (entry.type === 'perPeriod') {
        fields.push(...distributionFields([...path, 'quantity'], s.fields.quantityPerDay));
      } else if (entry.type === 'history') {
        notes.push(s.historyNote);
      }
      if (knows('delivery')) fields.push(...deliveryFields([...path, 'delivery']));
      if (knows('seasonality')) {
        const at = [...path, 'seasonality'];
        fields.push(
          ...ownedFields(at, [
            field('numberList', [...at, 'weekly'], s.fields.weekly, { optional: true, placeholder: s.placeholderFlat }),
            field('numberList', [...at, 'yearly'], s.fields.yearly, { optional: true, placeholder: s.placeholderFlat }),
          ]),
        );
      }
      if (knows('trendPerYear')) fields.push(field('number', [...path, 'trendPerYear'], s.fields.trendPerYear, { optional: true, placeholder: s.placeholderDefault('0') }));
      // the demand's shocks, each named with its number
      const shocks = knows('shocks') && Array.isArray(entry.shocks) ? (entry.shocks as unknown[]) : [];
      const moreOfShocks: string[] = [];
      shocks.forEach((shock, i) => {
        if (!isRecord(shock)) return;
        const at = [...path, 'shocks', i];
        const fieldsOfShock = [
          field('text', [...at, 'name'], s.fields.name, { optional: true, placeholder: s.placeholderNone }),
          field('number', [...at, 'multiplier'], s.fields.demandMultiplier),
          ...occurrenceFields([...at, 'occurrence'], s.fields.occurrence),
        ];
        fields.push(...aliasItem(nameAll(fieldsOfShock, (label) => s.fields.ofShock(i + 1, label)), at));
        moreOfShocks.push(...more(shock, ['name', 'multiplier', 'occurrence']).map((key) => `shocks[${i}].${key}`));
      });
      const title = s.titles.demand(showIdList(entry.node), showIdList(entry.product), typeof entry.segment === 'string' ? entry.segment : '');
      const actions = knows('shocks')
        ? nestedListActions([...path, 'shocks'], {
            card: title,
            min: 0,
            add: s.add.shock,
            addTo: s.add.shockTo,
            itemName: s.titles.shock,
            firstField: 'name',
            template: () => ({ multiplier: 1.5, occurrence: { type: 'scheduled', start: 30, end: 44 } }),
          })
        : [];
      return { title, fields, notes, more: moreOfShocks, ...(actions.length > 0 ? { actions } : {}) };
    },
    (current) => ({ type: 'arrivals', ...freePair(current, 'demand'), customersPerDay: 5 }),
    s.add.demand,
  );

  const C = CustomerBase as unknown as Shape;
  const churnFallback = fallbackOf(C, 'churn');
  const churnDefault = (key: string) => (isRecord(churnFallback) ? churnFallback[key] : undefined);
  const customers = listSection(
    'customers',
    s.sections.customers,
    ['node', 'initial', 'churn', 'newPerDay', 'lifetimeValue'],
    (item, path) => ({
      title: s.titles.customers(show((item as Record<string, unknown>).node)),
      fields: [
        field('text', [...path, 'node'], s.fields.customerNode, { suggest: 'nodes' }),
        numberField([...path, 'initial'], s.fields.initialCustomers, C),
        numberField([...path, 'churn', 'onStockout'], s.fields.churnOnStockout, undefined, { optional: true, placeholder: placeholderOf(churnDefault('onStockout')) }),
        numberField([...path, 'churn', 'onBackorder'], s.fields.churnOnBackorder, undefined, { optional: true, placeholder: placeholderOf(churnDefault('onBackorder')) }),
        numberField([...path, 'churn', 'onLate'], s.fields.churnOnLate, undefined, { optional: true, placeholder: placeholderOf(churnDefault('onLate')) }),
        numberField([...path, 'churn', 'onAbandon'], s.fields.churnOnAbandon, undefined, { optional: true, placeholder: placeholderOf(churnDefault('onAbandon')) }),
        numberField([...path, 'newPerDay'], s.fields.newPerDay, C),
        numberField([...path, 'lifetimeValue'], s.fields.lifetimeValue, C),
      ],
      notes: [],
    }),
    (current) => {
      const withCustomers = new Set(Array.isArray(current.customers) ? (current.customers as unknown[]).map((c) => (isRecord(c) ? String(c.node) : '')) : []);
      const node = nodesOfType(current, 'store').find((id) => !withCustomers.has(id)) ?? nodesOfType(current, 'store')[0] ?? '';
      return { node, initial: 1000 };
    },
    s.add.customers,
  );
  // a customer base's churn entry, written wrongly, shows at its first field
  for (const group of customers.groups) {
    const first = group.fields.find((f) => f.key.endsWith('.churn.onStockout'));
    if (first) first.aliases = [`${group.key}.churn`];
  }

  // an online zone's orders: its promise, then each warehouse that serves it, nearest first (adding or
  // removing a warehouse, express delivery and proactive communication are edited as JSON)
  const F = Fulfilment as unknown as Shape;
  const FS = FulfilmentSource as unknown as Shape;
  const rules = ['nearest', 'nearestOnly', 'cheapest', 'split'];
  const fulfilment = listSection(
    'fulfilment',
    s.sections.fulfilment,
    ['zone', 'from', 'rule', 'promiseBufferDays', 'promiseWindowDays', 'tolerance', 'express', 'communication'],
    (item, path) => {
      const entry = item as Record<string, unknown>;
      const sources = Array.isArray(entry.from) ? (entry.from as unknown[]) : [];
      const sourceShown = ['warehouse', 'pickPackDays', 'transitDays', 'costPerUnit', 'costPerShipment'];
      // each warehouse's fields are named with it, so a reader tabbing through knows whose they are
      const sourceFields = sources.flatMap((source, i): FieldSpec[] => {
        if (!isRecord(source)) return [];
        const at = [...path, 'from', i];
        const of = (label: string) => s.fields.ofWarehouse(i + 1, label);
        return aliasItem(
          [
            field('text', [...at, 'warehouse'], s.fields.servingWarehouse(i + 1), { suggest: 'nodes' }),
            ...nameAll(
              [
                ...distributionFields([...at, 'pickPackDays'], s.fields.pickPackDays, s.placeholderNone),
                ...distributionFields([...at, 'transitDays'], s.fields.transitDays),
                numberField([...at, 'costPerUnit'], s.fields.deliveryCostPerUnit, FS),
                numberField([...at, 'costPerShipment'], s.fields.deliveryCostPerParcel, FS),
              ],
              of,
            ),
          ],
          at,
        );
      });
      const sourceMore = sources.flatMap((source, i) => more(source, sourceShown).map((key) => `from[${i}].${key}`));
      const title = s.titles.fulfilment(show(entry.zone));
      return {
        title,
        fields: [
          field('text', [...path, 'zone'], s.fields.zone, { suggest: 'nodes' }),
          {
            ...field('select', [...path, 'rule'], s.fields.rule, { optional: true }),
            options: withCurrent([{ value: '', label: s.placeholderDefault(s.rules.nearest) }, ...rules.map((v) => ({ value: v, label: s.rules[v] ?? v }))], show(entry.rule)),
          },
          numberField([...path, 'promiseBufferDays'], s.fields.promiseBufferDays, F),
          numberField([...path, 'promiseWindowDays'], s.fields.promiseWindowDays, F),
          ...distributionFields([...path, 'tolerance'], s.fields.tolerance, s.placeholderAnyWait),
          ...expressFields([...path, 'express']),
          ...communicationFields([...path, 'communication']),
          ...sourceFields,
        ],
        notes: [s.fulfilmentNote],
        more: sourceMore,
        actions: nestedListActions([...path, 'from'], {
          card: title,
          min: 1,
          add: s.add.warehouse,
          addTo: s.add.warehouseTo,
          itemName: s.titles.warehouse,
          firstField: 'warehouse',
          template: (current) => {
            // the first warehouse not serving the zone yet (read now: a name may have been typed since), two days away
            const now = valueAt(current, [...path, 'from']);
            const serving = new Set((Array.isArray(now) ? now : []).filter(isRecord).map((source) => String(source.warehouse)));
            const warehouses = nodesOfType(isRecord(current) ? current : {}, 'warehouse');
            return { warehouse: warehouses.find((id) => !serving.has(id)) ?? warehouses[0] ?? '', transitDays: { type: 'constant', value: 2 } };
          },
        }),
      };
    },
    (current) => {
      const served = fulfilmentZones(current);
      const zones = nodesOfType(current, 'zone');
      const zone = zones.find((id) => !served.has(id)) ?? zones[0] ?? '';
      return { zone, from: [{ warehouse: nodesOfType(current, 'warehouse')[0] ?? '', transitDays: { type: 'constant', value: 2 } }] };
    },
    s.add.fulfilment,
  );

  const R = Recall as unknown as Shape;
  const recalls = listSection(
    'recalls',
    s.sections.recalls,
    ['name', 'supplier', 'product', 'receivedFrom', 'receivedTo', 'announcedOn'],
    (item, path) => {
      const recall = item as Record<string, unknown>;
      // the results call an unnamed recall by its position, as the engine does (src/model/build.ts)
      const fallbackName = `recall#${String(path[1])}`;
      return {
        title: s.titles.recall(typeof recall.name === 'string' && recall.name !== '' ? recall.name : fallbackName),
        fields: [
          field('text', [...path, 'name'], s.fields.name, { optional: true, placeholder: s.placeholderDefault(fallbackName) }),
          field('text', [...path, 'supplier'], s.fields.supplier, { suggest: 'nodes' }),
          field('idList', [...path, 'product'], s.fields.products, { suggest: 'products', placeholder: s.placeholderEveryProduct }),
          numberField([...path, 'receivedFrom'], s.fields.receivedFrom, R),
          numberField([...path, 'receivedTo'], s.fields.receivedTo, R),
          numberField([...path, 'announcedOn'], s.fields.announcedOn, R),
        ],
      };
    },
    (current) => ({ supplier: nodesOfType(current, 'supplier')[0] ?? '', receivedFrom: 0, receivedTo: 30, announcedOn: 30 }),
    s.add.recall,
  );

  // what goes wrong and when: the type's own fields (a supplier, lanes, a zone; a multiplier or the
  // share of capacity lost), then the occurrence (on set days, or at random with a duration)
  const disruptions = listSection(
    'disruptions',
    s.sections.disruptions,
    ['type', 'name', 'node', 'lanes', 'zone', 'multiplier', 'fraction', 'occurrence'],
    (item, path) => {
      const entry = item as Record<string, unknown>;
      const typeField = typeSelect([...path, 'type'], s.fields.disruptionType, disruptionTypes.keys(), s.disruptionTypes, convertDisruption);
      // a disruption's own path stays the card's (an unknown field there belongs to the whole entry)
      typeField.aliases = [];
      const info = typeof entry.type === 'string' ? disruptionTypes.get(entry.type) : undefined;
      const fields: FieldSpec[] = [typeField, field('text', [...path, 'name'], s.fields.name, { optional: true, placeholder: s.placeholderNone })];
      for (const f of info?.fields ?? []) {
        if (f.key === 'node') fields.push(field('text', [...path, 'node'], entry.type === 'supplierOutage' ? s.fields.supplier : s.fields.shippingNode, { suggest: 'nodes' }));
        else if (f.key === 'lanes') {
          // always a list, even of one lane (the schema asks for an array)
          const lanes = field('idList', [...path, 'lanes'], s.fields.disruptedLanes, { placeholder: s.placeholderLaneId });
          lanes.edit = (input) => {
            const ids = parseIdListInput(input);
            return set(lanes.path, ids === undefined ? undefined : Array.isArray(ids) ? ids : [ids]);
          };
          fields.push(lanes);
        }
        else if (f.key === 'zone') fields.push(field('text', [...path, 'zone'], s.fields.zone, { suggest: 'nodes' }));
        else if (f.key === 'multiplier') fields.push(field('number', [...path, 'multiplier'], entry.type === 'deliveryDelay' ? s.fields.transitMultiplier : s.fields.leadTimeMultiplier));
        else if (f.key === 'fraction') fields.push(field('number', [...path, 'fraction'], s.fields.capacityLost));
      }
      fields.push(...occurrenceFields([...path, 'occurrence'], s.fields.occurrence));
      const what = s.disruptionTypes[String(entry.type)] ?? show(entry.type);
      const target = typeof entry.node === 'string' ? entry.node : typeof entry.zone === 'string' ? entry.zone : Array.isArray(entry.lanes) ? entry.lanes.map(String).join(', ') : '';
      return { title: s.titles.disruption(typeof entry.name === 'string' && entry.name !== '' ? entry.name : what, target), fields };
    },
    (current) => ({ type: 'supplierOutage', node: nodesOfType(current, 'supplier')[0] ?? '', occurrence: { type: 'scheduled', start: 30, end: 44 } }),
    s.add.disruption,
  );

  const form: FormSpec = { sections: [settings, products, nodes, lanes, stockPoints, variants, demand, customers, fulfilment, recalls, disruptions], nodeIds, productIds };
  markOverridden(form, fieldsEveryVariantOverrides(data));
  return { ok: true, form };
}

/** Marks the fields whose value every variant replaces, with those variants' names. */
function markOverridden(form: FormSpec, overridden: OverriddenFields): void {
  if (overridden.size === 0) return;
  for (const field of formFields(form)) {
    // a variant's own fields are what replaces the value, never replaced themselves
    if (field.path[0] === 'variants') continue;
    const names = overriddenAt(overridden, field.path);
    if (names) field.overriddenBy = names;
  }
}

/** Every field of the form, in order. */
export function formFields(form: FormSpec): FieldSpec[] {
  return form.sections.flatMap((section) => section.groups.flatMap((group) => group.fields));
}

/** The field whose problem path (or alias) is `key`. */
export function findField(form: FormSpec, key: string): FieldSpec | undefined {
  return formFields(form).find((f) => f.key === key || f.aliases.includes(key));
}
