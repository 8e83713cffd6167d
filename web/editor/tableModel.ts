import type { EditorStrings } from '../i18n/strings.ts';
import { fieldsEveryVariantOverrides, overriddenAt, type OverriddenFields } from './variantOverrides.ts';
import { formatJsonPath, isRecord, valueAt } from './jsonPath.ts';
import type { JsonEdit } from './jsonText.ts';
import { show, showIdList } from './showValue.ts';
import { nodeTypes, policyTypes } from './schemaInfo.ts';

/**
 * The tables of the forms, as data: stock points, products and nodes, one row per item and their
 * main fields as columns, read straight from the scenario's JSON (valid or not). Pure (no DOM), so
 * rows, filters and bulk edits are tested in Node; web/editor/tableView.ts draws them. A cell's key
 * is the problem path of the form field it stands for, so a cell edit is the form's own edit
 * (formModel.ts), and a problem at that path shows in the cell.
 */

export type TableKind = 'stockPoints' | 'products' | 'nodes';

export const TABLE_KINDS: ReadonlyArray<TableKind> = ['stockPoints', 'products', 'nodes'];

export interface TableColumn {
  /** `node`, `policy`, `policy.reorderPoint`... */
  id: string;
  label: string;
  kind: 'text' | 'number' | 'select';
  /** a select's choices (a cell whose value is not among them adds it, marked unknown) */
  options?: Array<{ value: string; label: string }>;
}

export interface TableCell {
  /** the problem path of the form field the cell stands for (`stockPoints[3].policy.orderUpTo`) */
  key: string;
  display: string;
  /** the column does not apply to this row (a parameter its policy does not have) */
  disabled?: boolean;
  placeholder?: string;
  /** what the value means, where the column alone does not say (a holding cost's mode) */
  hint?: string;
  /** every variant replaces this value (web/editor/variantOverrides.ts): editing it changes no result */
  overridden?: boolean;
}

export interface TableRow {
  index: number;
  /** the item's problem path (`stockPoints[3]`) */
  key: string;
  /** how the row is named to a reader ("sku-001 at store-01") */
  name: string;
  cells: Record<string, TableCell>;
  /** the text a filter matches: node and product ids (stock points), id and name, id and type */
  match: string;
  /** a stock point's policy type ('' when none) */
  policyType: string;
}

export interface TableSpec {
  kind: TableKind;
  columns: TableColumn[];
  rows: TableRow[];
  /** the keys of the form fields the columns stand for, relative to an item (`policy.type`) */
  columnFields: string[];
  /** the single values a bulk edit can set on the selected rows ("Set one value") */
  bulkFields: BulkField[];
}

/**
 * A value "Set one value" offers: for stock points a policy parameter (`orderUpTo`) or
 * `initialOnHand` (setValueEdits), for products and nodes a field of the item as setFieldEdits takes
 * it (`unitCost`, `holdingCost.annualRate`, `leadTime`).
 */
export interface BulkField {
  id: string;
  label: string;
  kind: 'number' | 'select';
  /** a select's choices */
  options?: Array<{ value: string; label: string }>;
}

/** Numeric policy parameters, in the order they are shown (the schema's own order within a policy). */
const PARAMETER_ORDER = ['reorderPoint', 'orderUpTo', 'orderQuantity', 'level', 'reviewPeriod', 'firstReview', 'safetyFactor'];

/** The numeric parameters of a policy type, as columns and bulk edits offer them. */
export function policyParameters(type: string): string[] {
  const fields = policyTypes.get(type)?.fields ?? [];
  return PARAMETER_ORDER.filter((key) => fields.some((f) => f.key === key));
}

/** The parameters a policy type requires (those a new policy of that type must be given). */
export function requiredParameters(type: string): string[] {
  const fields = policyTypes.get(type)?.fields ?? [];
  return policyParameters(type).filter((key) => fields.some((f) => f.key === key && f.required));
}

const withCurrent = (options: Array<{ value: string; label: string }>, display: string, unknown: (value: string) => string) =>
  display === '' || options.some((o) => o.value === display) ? options : [...options, { value: display, label: unknown(display) }];

/** The table for one list of the scenario, or null when that list is missing its shape (not a list). */
export function describeTable(kind: TableKind, data: unknown, strings: EditorStrings): TableSpec | null {
  const list = isRecord(data) ? data[kind] : undefined;
  if (list !== undefined && !Array.isArray(list)) return null;
  const items = (list ?? []) as unknown[];
  if (kind === 'stockPoints') return stockPointTable(items, strings, fieldsEveryVariantOverrides(data));
  if (kind === 'products') return productTable(items, strings);
  return nodeTable(items, strings);
}

function stockPointTable(items: unknown[], strings: EditorStrings, overridden: OverriddenFields): TableSpec {
  const s = strings.forms;
  const t = strings.tables;
  const types = new Set<string>();
  for (const item of items) {
    const type = isRecord(item) && isRecord(item.policy) ? item.policy.type : undefined;
    if (typeof type === 'string') types.add(type);
  }
  const parameters = PARAMETER_ORDER.filter((key) => [...types].some((type) => policyParameters(type).includes(key)));
  const policyOptions = [...policyTypes.keys()].map((type) => ({ value: type, label: s.policies[type] ?? type }));
  const columns: TableColumn[] = [
    { id: 'node', label: t.columns.node, kind: 'text' },
    { id: 'product', label: t.columns.product, kind: 'text' },
    { id: 'policy.type', label: t.columns.policy, kind: 'select', options: policyOptions },
    ...parameters.map((key): TableColumn => ({ id: `policy.${key}`, label: s.params[key] ?? key, kind: 'number' })),
    { id: 'initialOnHand', label: t.columns.initialOnHand, kind: 'number' },
  ];
  const rows = items.map((item, index): TableRow => {
    const point = isRecord(item) ? item : {};
    const key = formatJsonPath(['stockPoints', index]);
    const policy = isRecord(point.policy) ? point.policy : undefined;
    const type = typeof policy?.type === 'string' ? policy.type : '';
    const own = policyParameters(type);
    const node = showIdList(point.node);
    const product = showIdList(point.product);
    const cells: Record<string, TableCell> = {
      node: { key: `${key}.node`, display: node },
      product: { key: `${key}.product`, display: product },
      'policy.type': { key: `${key}.policy.type`, display: show(policy?.type) },
      initialOnHand: { key: `${key}.initialOnHand`, display: show(point.initialOnHand), placeholder: s.placeholderPolicyTarget },
    };
    const fields = policyTypes.get(type)?.fields ?? [];
    for (const parameter of parameters) {
      const field = fields.find((f) => f.key === parameter);
      cells[`policy.${parameter}`] = own.includes(parameter)
        ? {
            key: `${key}.policy.${parameter}`,
            display: show(policy?.[parameter]),
            ...(field && !field.required ? { placeholder: parameter === 'orderQuantity' ? s.placeholderEoq : s.placeholderDefault(show(field.fallback)) } : {}),
          }
        : { key: `${key}.policy.${parameter}`, display: '', disabled: true };
    }
    // a policy every variant replaces: its cells say so (the chosen row's form says it at each field)
    const replacedBy = overriddenAt(overridden, ['stockPoints', index, 'policy']);
    if (replacedBy) {
      for (const [id, cell] of Object.entries(cells)) if (id.startsWith('policy.') && !cell.disabled) cells[id] = { ...cell, overridden: true, hint: s.overriddenBy(replacedBy) };
    }
    return { index, key, name: s.titles.stockPoint(node, product), cells, match: `${node} ${product}`.toLowerCase(), policyType: type };
  });
  // one value in bulk: a parameter of the policies in the table, or the initial stock
  const bulkFields = columns
    .filter((c) => c.kind === 'number' && (c.id.startsWith('policy.') || c.id === 'initialOnHand'))
    .map((c): BulkField => ({ id: c.id.replace(/^policy\./, ''), label: c.label, kind: 'number' }));
  return { kind: 'stockPoints', columns, rows, columnFields: columns.map((c) => c.id), bulkFields };
}

function productTable(items: unknown[], strings: EditorStrings): TableSpec {
  const s = strings.forms;
  const t = strings.tables;
  const unmetChoices = ['lost', 'backorder'].map((v) => ({ value: v, label: s.unmetDemand[v] ?? v }));
  const unmetOptions = [{ value: '', label: s.placeholderDefault('lost') }, ...unmetChoices];
  const columns: TableColumn[] = [
    { id: 'id', label: t.columns.id, kind: 'text' },
    { id: 'unitCost', label: t.columns.unitCost, kind: 'number' },
    { id: 'price', label: t.columns.price, kind: 'number' },
    { id: 'holdingCost', label: t.columns.holdingCost, kind: 'number' },
    { id: 'unmetDemand', label: t.columns.unmetDemand, kind: 'select', options: unmetOptions },
  ];
  const rows = items.map((item, index): TableRow => {
    const product = isRecord(item) ? item : {};
    const key = formatJsonPath(['products', index]);
    const holding = product.holdingCost;
    // the amount of the holding cost's mode (as the form's select reads it); the mode is in the row's form
    const mode = isRecord(holding) && 'annualRate' in holding && !('perUnitPerDay' in holding) ? 'annualRate' : 'perUnitPerDay';
    const id = show(product.id);
    const cells: Record<string, TableCell> = {
      id: { key: `${key}.id`, display: id },
      unitCost: { key: `${key}.unitCost`, display: show(product.unitCost) },
      price: { key: `${key}.price`, display: show(product.price), placeholder: s.placeholderNoPrice },
      holdingCost: { key: `${key}.holdingCost.${mode}`, display: show(valueAt(product, ['holdingCost', mode])), hint: t.holdingHint[mode] ?? mode },
      unmetDemand: { key: `${key}.unmetDemand`, display: show(product.unmetDemand) },
    };
    const name = typeof product.name === 'string' ? product.name : '';
    return { index, key, name: s.titles.product(id), cells, match: `${id} ${name}`.toLowerCase(), policyType: '' };
  });
  // one value in bulk: the product form's scalar fields but its id and name (which are each item's own)
  const bulkFields: BulkField[] = [
    { id: 'unitCost', label: s.fields.unitCost, kind: 'number' },
    { id: 'price', label: s.fields.price, kind: 'number' },
    ...HOLDING_MODES.map((mode): BulkField => ({ id: `holdingCost.${mode}`, label: `${s.fields.holdingCost}: ${s.holdingAmounts[mode] ?? mode}`, kind: 'number' })),
    { id: 'unmetDemand', label: s.fields.unmetDemand, kind: 'select', options: unmetChoices },
    { id: 'stockoutPenalty', label: s.fields.stockoutPenalty, kind: 'number' },
    { id: 'backorderCostPerDay', label: s.fields.backorderCostPerDay, kind: 'number' },
    { id: 'orderingCost', label: s.fields.orderingCost, kind: 'number' },
  ];
  return { kind: 'products', columns, rows, columnFields: ['id', 'unitCost', 'price', 'holdingCost.perUnitPerDay', 'holdingCost.annualRate', 'unmetDemand'], bulkFields };
}

function nodeTable(items: unknown[], strings: EditorStrings): TableSpec {
  const s = strings.forms;
  const t = strings.tables;
  const typeOptions = [...nodeTypes.keys()].map((type) => ({ value: type, label: s.nodeTypes[type] ?? type }));
  const columns: TableColumn[] = [
    { id: 'id', label: t.columns.id, kind: 'text' },
    { id: 'type', label: t.columns.type, kind: 'select', options: typeOptions },
  ];
  const rows = items.map((item, index): TableRow => {
    const node = isRecord(item) ? item : {};
    const key = formatJsonPath(['nodes', index]);
    const id = show(node.id);
    const type = show(node.type);
    return {
      index,
      key,
      name: s.titles.node(id, s.nodeTypes[type] ?? type),
      cells: { id: { key: `${key}.id`, display: id }, type: { key: `${key}.type`, display: type } },
      match: `${id} ${type}`.toLowerCase(),
      policyType: '',
    };
  });
  // one value in bulk: the node form's scalar fields (a processing time as a constant) that a type in
  // the table has, so a scenario of stores alone is not offered a supplier's servers
  const types = new Set(items.map((item) => (isRecord(item) && typeof item.type === 'string' ? item.type : '')));
  const names: Record<string, string> = { capacityPerDay: s.fields.capacityPerDay, servers: s.fields.servers, leadTime: t.constantProcessingTime };
  const bulkFields = NODE_BULK_FIELDS.filter((key) => [...types].some((type) => nodeHas(type, key))).map((key): BulkField => ({ id: key, label: names[key] ?? key, kind: 'number' }));
  return { kind: 'nodes', columns, rows, columnFields: ['id', 'type'], bulkFields };
}

const HOLDING_MODES = ['perUnitPerDay', 'annualRate'];

/** The fields of a node a bulk edit sets, in the form's order (leadTime: the processing time). */
const NODE_BULK_FIELDS = ['capacityPerDay', 'leadTime', 'servers'];

/** Whether a node type has the field (read from the schema: a store has no capacity, only a supplier servers). */
const nodeHas = (type: string, key: string): boolean => nodeTypes.get(type)?.fields.some((f) => f.key === key) ?? false;

/** A select's options for a cell: the column's, plus the cell's value if it is not one of them. */
export function cellOptions(column: TableColumn, cell: TableCell, strings: EditorStrings): Array<{ value: string; label: string }> {
  return withCurrent(column.options ?? [], cell.display, strings.forms.unknownOption);
}

export interface RowFilter {
  /** words that must all appear in the row's ids (case ignored) */
  text: string;
  /** a stock point's policy type ('' for any) */
  policyType: string;
}

/** The indices of the rows a filter keeps, in order. */
export function filterRows(rows: ReadonlyArray<TableRow>, filter: RowFilter): number[] {
  const words = filter.text.toLowerCase().split(/\s+/).filter((word) => word !== '');
  const out: number[] = [];
  for (const row of rows) {
    if (filter.policyType !== '' && row.policyType !== filter.policyType) continue;
    if (words.every((word) => row.match.includes(word))) out.push(row.index);
  }
  return out;
}

/** Sets the same policy (the whole object: type and parameters) on every selected stock point. */
export function setPolicyEdits(indices: Iterable<number>, policy: Record<string, unknown>): JsonEdit[] {
  return [...indices].map((index) => ({ op: 'set', path: ['stockPoints', index, 'policy'], value: policy }));
}

/**
 * Sets one value on every selected stock point: a policy parameter (only where the stock point's
 * policy has it; the others are counted as skipped) or the initial stock.
 */
export function setValueEdits(data: unknown, indices: Iterable<number>, field: string, value: number): { edits: JsonEdit[]; skipped: number } {
  const edits: JsonEdit[] = [];
  let skipped = 0;
  for (const index of indices) {
    if (field === 'initialOnHand') {
      edits.push({ op: 'set', path: ['stockPoints', index, 'initialOnHand'], value });
      continue;
    }
    const type = valueAt(data, ['stockPoints', index, 'policy', 'type']);
    if (typeof type === 'string' && policyParameters(type).includes(field)) edits.push({ op: 'set', path: ['stockPoints', index, 'policy', field], value });
    else skipped++;
  }
  return { edits, skipped };
}

/**
 * Sets one value on every selected product or node, as the item's form would hold it; rows that
 * cannot take it are counted as skipped: an item that is not an object, and a node whose type has no
 * such field (a store's capacity, a warehouse's servers). A holding cost in the other mode is
 * replaced by the amount in this one (its form's mode switch keeps only one); a processing time
 * (`leadTime`) becomes a constant of that many days. Where the item already holds the value's kind,
 * only that number is replaced, so the text changes at those values alone.
 */
export function setFieldEdits(kind: 'products' | 'nodes', data: unknown, indices: Iterable<number>, field: string, value: number | string): { edits: JsonEdit[]; skipped: number } {
  const edits: JsonEdit[] = [];
  let skipped = 0;
  for (const index of indices) {
    const item = valueAt(data, [kind, index]);
    if (!isRecord(item) || (kind === 'nodes' && !(typeof item.type === 'string' && nodeHas(item.type, field)))) {
      skipped++;
      continue;
    }
    const at = [kind, index];
    if (kind === 'products' && field.startsWith('holdingCost.')) {
      const mode = field.slice('holdingCost.'.length);
      const old = item.holdingCost;
      if (isRecord(old) && mode in old && HOLDING_MODES.every((m) => m === mode || !(m in old))) edits.push({ op: 'set', path: [...at, 'holdingCost', mode], value });
      else {
        const rest = isRecord(old) ? Object.fromEntries(Object.entries(old).filter(([k]) => !HOLDING_MODES.includes(k))) : {};
        edits.push({ op: 'set', path: [...at, 'holdingCost'], value: { ...rest, [mode]: value } });
      }
    } else if (kind === 'nodes' && field === 'leadTime') {
      const old = item.leadTime;
      if (isRecord(old) && old.type === 'constant') edits.push({ op: 'set', path: [...at, 'leadTime', 'value'], value });
      else edits.push({ op: 'set', path: [...at, 'leadTime'], value: { type: 'constant', value } });
    } else edits.push({ op: 'set', path: [...at, field], value });
  }
  return { edits, skipped };
}
