import { parseJsonPath } from '../editor/jsonPath.ts';

/**
 * Issue paths in words, the same walk in every language: `stockPoints[3].policy.orderUpTo` ->
 * "Stock point 4 (shop · beans) › Order-up-to level". What an item is called, what a field is called
 * and the word for an unnamed item come from the language's names file (web/i18n/en/names.ts,
 * web/i18n/fr/names.ts); what tells items apart (a stock point's node and product) is the data's own.
 */
export interface PathWords {
  fieldLabels: Readonly<Record<string, string>>;
  policyParameterLabels: Readonly<Record<string, string>>;
  /** each named list's item and list names, by list key (`stockPoints`, `variants.policies`) */
  items: Readonly<Record<ListKey, { name: string; list: string }>>;
  /** ", item 3" after a part, for an item of a list without names */
  item(position: number): string;
}

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

/** The lists whose items a person meets by name, and what of an item tells it apart. */
const DETAILS = {
  products: (p: Item) => text(p.id),
  nodes: (n: Item) => text(n.id),
  lanes: (l: Item) => (text(l.from) === null && text(l.to) === null ? text(l.id) : `${text(l.from) ?? '?'} → ${text(l.to) ?? '?'}`),
  stockPoints: (s: Item) => joined(s.node, s.product),
  demand: (d: Item) => joined(d.node, d.product, d.segment),
  customers: (c: Item) => text(c.node),
  disruptions: (d: Item) => text(d.name) ?? text(d.node) ?? text(d.zone),
  recalls: (r: Item) => text(r.name) ?? joined(r.supplier, r.product),
  fulfilment: (f: Item) => text(f.zone),
  variants: (v: Item) => text(v.name) ?? text(v.id),
  'variants.policies': (o: Item) => joined(o.node, o.product),
  'variants.set': (c: Item) => text(c.path),
  'demand.shocks': (s: Item) => text(s.name),
  'fulfilment.from': (w: Item) => text(w.node),
} satisfies Record<string, (item: Item) => string | null>;

export type ListKey = keyof typeof DETAILS;

const isList = (key: string): key is ListKey => Object.hasOwn(DETAILS, key);
const isItem = (value: unknown): value is Item => typeof value === 'object' && value !== null && !Array.isArray(value);

function fieldLabel(words: PathWords, parent: string | null, key: string): string | null {
  if (parent !== null) {
    const qualified = `${parent}.${key}`;
    if (Object.hasOwn(words.fieldLabels, qualified)) return words.fieldLabels[qualified];
  }
  if ((parent === 'policy' || parent === 'method') && Object.hasOwn(words.policyParameterLabels, key)) return words.policyParameterLabels[key];
  return Object.hasOwn(words.fieldLabels, key) ? words.fieldLabels[key] : null;
}

/**
 * An issue path in words, given the scenario's data (any JSON: it may be the invalid data the issue
 * is about). Keys without a name stay as they are; a path with no known part at all (or no path into
 * the data, such as `(file)`) comes back unchanged.
 */
export function pathInWords(words: PathWords, path: string, scenario?: unknown): string {
  const segments = parseJsonPath(path);
  if (segments === null || segments.length === 0) return path;
  const parts: string[] = [];
  let known = false;
  let data: unknown = scenario;
  /** the last key, and the list key (qualified by its parent list: `variants.policies`) */
  let parent: string | null = null;
  let listKey: ListKey | null = null;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    const next = segments[i + 1];
    if (typeof segment === 'number') {
      const item = Array.isArray(data) ? data[segment] : undefined;
      if (listKey !== null) {
        const detail = isItem(item) ? DETAILS[listKey](item) : null;
        parts.push(`${words.items[listKey].name} ${segment + 1}${detail === null ? '' : ` (${detail})`}`);
      } else if (parts.length > 0) parts[parts.length - 1] += words.item(segment + 1);
      else parts.push(`[${segment}]`);
      data = item;
      continue;
    }
    const qualified: string | null = listKey !== null ? `${listKey}.${segment}` : null;
    const qualifiedList: ListKey | null = qualified !== null && isList(qualified) ? qualified : null;
    const holdsList = Array.isArray(isItem(data) ? data[segment] : undefined) || typeof next === 'number';
    if (holdsList && (qualifiedList !== null || (parent === null && isList(segment)))) {
      // a list of named items: its item names it ("Stock point 4"), not the list
      const list: ListKey = qualifiedList ?? (segment as ListKey);
      listKey = list;
      known = true;
      if (typeof next !== 'number') parts.push(words.items[list].list);
    } else {
      listKey = null;
      const label = fieldLabel(words, parent, segment);
      if (label !== null) known = true;
      if (!(SILENT.has(segment) && next !== undefined)) parts.push(label ?? segment);
    }
    parent = segment;
    data = isItem(data) ? data[segment] : undefined;
  }
  return known ? parts.join(' › ') : path;
}
