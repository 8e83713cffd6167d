import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as schema from '../../src/scenario/schema.ts';
import { repoRoot } from '../fixtures/scenario.ts';
import { proseLines, tableRows } from './markdown.ts';

/**
 * docs/SCENARIO.md against the zod schema (src/scenario/schema.ts), so the reference and the format
 * cannot drift apart (issue 19).
 *
 * Each table of fields in docs/SCENARIO.md has a `<!-- schema: Name -->` comment above it, naming what
 * it documents (SCHEMAS below). Three kinds of table:
 * - a table of fields (header `field`): its first column lists each field as `name` (`a`, `b` for two
 *   on one row); a field whose object is documented field by field on its own rows is written
 *   `parent.child` (`churn.onStockout`). The fields must be the object's keys, no more, no fewer.
 * - the table of nodes, one column per node type (a discriminated union documented as the union of
 *   its options' fields): a field is marked in the column of each type that has it, and each
 *   type's column must hold exactly that option's keys.
 * - a table of types (header `type`), for a discriminated union documented option by option (policies,
 *   demand, disruptions, occurrences, distributions): its first column lists each option's `type`,
 *   exactly the union's; its second lists that option's own fields, each item (between `,` `;` or `or`,
 *   outside parentheses and code) that starts with a `name`. Own fields are the option's keys but
 *   `type` and the fields every option has, which are documented once (in a table, or in the sentence
 *   above the table: COMMON below).
 * Every object the scenario holds is then documented somewhere: an object with no table of its own
 * (a product's markdown, a variant's `set` entries, a fulfilment's warehouses...) is described on the
 * row of the field that holds it, where each of its keys must appear (`"key"` or `key` in code), and
 * every key written in an object there (`{ "key": ... }`, `{ "key"?, ... }`) must be one of the schema's.
 */

const ID = /^[A-Za-z$][A-Za-z0-9]*$/;

type Schema = z.ZodType;

/** The schema under optional, default, nullable, readonly and catch wrappers. */
function unwrap(s: Schema): Schema {
  let current = s as unknown as { _zod: { def: { type: string; innerType?: Schema } } };
  while (['optional', 'default', 'prefault', 'nullable', 'readonly', 'catch', 'nonoptional'].includes(current._zod.def.type)) {
    current = current._zod.def.innerType as unknown as typeof current;
  }
  return current as unknown as Schema;
}

/** The objects a value may be: an object, each object option of a union, an array's element's, none for other values. */
function objectsOf(s: Schema): z.ZodObject[] {
  const inner = unwrap(s);
  if (inner instanceof z.ZodObject) return [inner];
  if (inner instanceof z.ZodArray) return objectsOf(inner.element as Schema);
  if (inner instanceof z.ZodUnion) return (inner.options as Schema[]).flatMap(objectsOf);
  return [];
}

const keysOf = (objects: z.ZodObject[]) => [...new Set(objects.flatMap((object) => Object.keys(object.shape)))];
const optionsOf = (union: Schema) => (unwrap(union) as z.ZodUnion).options as z.ZodObject[];
const typeOf = (option: z.ZodObject) => (option.shape.type as z.ZodLiteral).value as string;
const fieldOf = (object: Schema, key: string) => (unwrap(object) as z.ZodObject).shape[key] as Schema;

/** The fields every demand type has (`demandShape` in schema.ts): documented once, in their own table. */
const demandOptions = optionsOf(schema.Demand);
const demandCommon = Object.keys(demandOptions[0].shape).filter((key) => key !== 'type' && demandOptions.every((option) => key in option.shape));
const demandCommonObject = z.strictObject(Object.fromEntries(demandCommon.map((key) => [key, demandOptions[0].shape[key] as Schema])));

/** What each `<!-- schema: Name -->` names. */
const SCHEMAS: Record<string, Schema> = {
  Scenario: schema.Scenario,
  Product: schema.Product,
  'Product.returns': fieldOf(schema.Product, 'returns'),
  Node: schema.Node,
  Lane: schema.Lane,
  StockPoint: schema.StockPoint,
  'StockPoint.visibility': fieldOf(schema.StockPoint, 'visibility'),
  InitialPipeline: schema.InitialPipeline,
  ScriptedOrders: schema.ScriptedOrders,
  Policy: schema.Policy,
  'Demand, the fields every type has': demandCommonObject,
  Demand: schema.Demand,
  CustomerDelivery: schema.CustomerDelivery,
  CustomerBase: schema.CustomerBase,
  Fulfilment: schema.Fulfilment,
  Disruption: schema.Disruption,
  Recall: schema.Recall,
  Occurrence: schema.Occurrence,
  Variant: schema.Variant,
  Distribution: schema.Distribution,
};

/**
 * The fields every option of a union has, documented once rather than on each type's row: the demand
 * types' in their own table; the disruptions' in the sentence above their table ("each has an optional
 * `name` and an `occurrence`"), where the test finds them in code.
 */
const COMMON: Record<string, { keys: string[]; where: 'table' | 'sentence' }> = {
  Demand: { keys: demandCommon, where: 'table' },
  Disruption: { keys: ['name', 'occurrence'], where: 'sentence' },
};

/**
 * Fields the reference leaves out on purpose. Keep it tiny, each with why.
 * (Empty: every field of the format is documented.)
 */
const UNDOCUMENTED: string[] = [];

/** Objects documented by a table of their own (a row holding one need not spell out its keys). */
const TABLED = new Set<Schema>([...Object.values(SCHEMAS).flatMap((s) => [unwrap(s), ...objectsOf(s)]), ...objectsOf(schema.BaseDistribution)]);

interface Table {
  name: string;
  line: number;
  /** the prose between the heading above and the table */
  before: string;
  header: string[];
  rows: string[][];
  lines: string[];
}

function tablesOf(text: string): Table[] {
  const lines = proseLines(text);
  const raw = text.split('\n');
  const tables: Table[] = [];
  lines.forEach((line, index) => {
    const match = /^<!-- schema: (.+?) -->$/.exec(line.trim());
    if (!match) return;
    let start = index + 1;
    while (lines[start]?.trim() === '') start++;
    let end = start;
    while (lines[end]?.startsWith('|')) end++;
    let heading = index;
    while (heading > 0 && !/^#/.test(lines[heading])) heading--;
    const tableLines = raw.slice(start, end);
    tables.push({
      name: match[1],
      line: start + 1,
      before: raw.slice(heading, index).join('\n'),
      header: tableRows(['', '', tableLines[0] ?? ''])[0] ?? [],
      rows: tableRows(tableLines),
      lines: tableLines,
    });
  });
  return tables;
}

/** The names in code in a cell: `a`, `b` -> [a, b]. */
const codeNames = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]).filter((name) => /^[A-Za-z$][A-Za-z0-9.$]*$/.test(name));

/** A type table's own fields: the items of the cell (split at `,` `;` and ` or ` outside parentheses, brackets and code) that start with a `name`. */
function ownFields(cell: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let code = false;
  let item = '';
  for (let i = 0; i < cell.length; i++) {
    const char = cell[i];
    if (char === '`') code = !code;
    if (!code && '([{'.includes(char)) depth++;
    if (!code && ')]}'.includes(char)) depth--;
    const separator = !code && depth === 0 && (char === ',' || char === ';' || cell.startsWith(' or ', i));
    if (separator) {
      items.push(item);
      item = '';
      if (cell.startsWith(' or ', i)) i += 3;
    } else item += char;
  }
  items.push(item);
  return items.map((text) => /^`([^`]+)`/.exec(text.trim())?.[1]).filter((name): name is string => name !== undefined && ID.test(name));
}

/** The keys written in objects in a text: `{ "key": ... }`, `{ "key"?, "other" }` (a quoted string inside braces followed by `:` or `?`, or after `{` or `,`). */
function writtenKeys(text: string): string[] {
  const keys: string[] = [];
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '{') depth++;
    else if (char === '}') depth--;
    else if (char === '"' && depth > 0) {
      const end = text.indexOf('"', i + 1);
      if (end < 0) break;
      const after = text.slice(end + 1).trimStart();
      const before = text.slice(0, i).trimEnd();
      if (/^\??:/.test(after) || before.endsWith('{') || before.endsWith(',')) keys.push(text.slice(i + 1, end));
      i = end;
    }
  }
  return keys;
}

/** Every key reachable from a schema, through every object, union and array. */
function reachableKeys(s: Schema, seen = new Set<Schema>()): Set<string> {
  const keys = new Set<string>();
  for (const object of objectsOf(s)) {
    if (seen.has(object)) continue;
    seen.add(object);
    for (const [key, value] of Object.entries(object.shape)) {
      keys.add(key);
      for (const nested of reachableKeys(value as Schema, seen)) keys.add(nested);
    }
  }
  return keys;
}

/** The objects a field holds, and those they hold, down to the objects with a table of their own. */
function untabledObjects(field: Schema, seen = new Set<z.ZodObject>()): z.ZodObject[] {
  const found: z.ZodObject[] = [];
  for (const object of objectsOf(field)) {
    if (TABLED.has(object) || seen.has(object)) continue;
    seen.add(object);
    found.push(object);
    for (const value of Object.values(object.shape)) found.push(...untabledObjects(value as Schema, seen));
  }
  return found;
}

/** The expected field names of a table of fields: the keys, a key written `key.child` in the table expanded to its object's keys. */
function expectedFields(object: z.ZodObject, documented: string[]): string[] {
  return Object.entries(object.shape).flatMap(([key, value]) => {
    if (!documented.some((name) => name.startsWith(`${key}.`))) return [key];
    return keysOf(objectsOf(value as Schema)).map((child) => `${key}.${child}`);
  });
}

const mentions = (text: string, key: string) => text.includes(`"${key}"`) || text.includes(`\`${key}\``);

const text = readFileSync(join(repoRoot, 'docs', 'SCENARIO.md'), 'utf8');

/** What is wrong with the reference's tables, as sentences; [] when it matches the schema. */
export function drift(markdown: string): string[] {
  const problems: string[] = [];
  const tables = tablesOf(markdown);
  const named = new Set(tables.map((table) => table.name));
  for (const name of Object.keys(SCHEMAS)) if (!named.has(name)) problems.push(`no table for ${name} (<!-- schema: ${name} -->)`);

  const compare = (where: string, documented: string[], expected: string[]) => {
    const allowed = (name: string) => UNDOCUMENTED.includes(`${where}.${name}`);
    const missing = expected.filter((name) => !documented.includes(name) && !allowed(name));
    const extra = [...new Set(documented)].filter((name) => !expected.includes(name));
    if (missing.length > 0) problems.push(`${where}: not documented: ${missing.join(', ')}`);
    if (extra.length > 0) problems.push(`${where}: documented but not in the schema: ${extra.join(', ')}`);
  };

  /**
   * An object without a table of its own is documented where a row that holds it names each of its
   * keys; one row is enough (a stock point's holdingCost is "as the product's"). Each row writes only
   * keys its field has.
   */
  const rowsOf = new Map<z.ZodObject, { where: string; missing: string[] }[]>();
  const checkRow = (where: string, row: string, field: Schema | undefined) => {
    if (field === undefined) return;
    for (const object of untabledObjects(field)) {
      const missing = Object.keys(object.shape).filter((key) => !mentions(row, key) && !UNDOCUMENTED.includes(`${where}.${key}`));
      rowsOf.set(object, [...(rowsOf.get(object) ?? []), { where, missing }]);
    }
  };
  const checkWritten = (where: string, row: string, field: Schema) => {
    const reachable = reachableKeys(field);
    const unknown = writtenKeys(row).filter((key) => !reachable.has(key));
    if (unknown.length > 0) problems.push(`${where}: its row writes keys the schema does not have: ${unknown.join(', ')}`);
  };

  for (const table of tables) {
    const s = SCHEMAS[table.name];
    if (s === undefined) {
      problems.push(`docs/SCENARIO.md:${table.line}: unknown schema "${table.name}"`);
      continue;
    }
    const first = table.header[0];
    if (first === 'field' && table.header.includes('supplier')) {
      // the nodes: one column per type
      const options = optionsOf(s);
      for (const option of options) {
        const column = table.header.indexOf(typeOf(option));
        if (column < 0) {
          problems.push(`${table.name}: no column for type "${typeOf(option)}"`);
          continue;
        }
        const documented = table.rows.filter((row) => row[column] !== '').flatMap((row) => codeNames(row[0]));
        compare(`${table.name} (${typeOf(option)})`, documented, Object.keys(option.shape));
        table.rows.forEach((row, index) => {
          for (const name of codeNames(row[0])) {
            if (row[column] === '') continue;
            checkRow(`${table.name}.${name}`, table.lines[index + 2], option.shape[name] as Schema);
            checkWritten(`${table.name}.${name}`, table.lines[index + 2], option.shape[name] as Schema);
          }
        });
      }
    } else if (first === 'field') {
      const object = unwrap(s) as z.ZodObject;
      const documented = table.rows.flatMap((row) => codeNames(row[0]));
      compare(table.name, documented, expectedFields(object, documented));
      table.rows.forEach((row, index) => {
        for (const name of codeNames(row[0])) {
          const [key, child] = name.split('.');
          const parent = object.shape[key] as Schema | undefined;
          const field = child === undefined || parent === undefined ? parent : objectsOf(parent).map((o) => o.shape[child] as Schema | undefined).find(Boolean);
          checkRow(`${table.name}.${name}`, table.lines[index + 2], field);
          if (field !== undefined) checkWritten(`${table.name}.${name}`, table.lines[index + 2], field);
        }
      });
    } else if (first === '`type`') {
      const options = optionsOf(s);
      const common = COMMON[table.name];
      if (common?.where === 'sentence') {
        const unsaid = common.keys.filter((key) => !table.before.includes(`\`${key}\``));
        if (unsaid.length > 0) problems.push(`${table.name}: the sentence above the table does not name ${unsaid.join(', ')}`);
      }
      compare(`${table.name} types`, table.rows.flatMap((row) => codeNames(row[0])), options.map(typeOf));
      for (const option of options) {
        const type = typeOf(option);
        const index = table.rows.findIndex((row) => codeNames(row[0]).includes(type));
        if (index < 0) continue;
        const own = Object.keys(option.shape).filter((key) => key !== 'type' && !(common?.keys ?? []).includes(key));
        compare(`${table.name} "${type}"`, ownFields(table.rows[index][1] ?? ''), own);
        for (const key of own) checkRow(`${table.name} "${type}".${key}`, table.lines[index + 2], option.shape[key] as Schema);
        checkWritten(`${table.name} "${type}"`, table.lines[index + 2], option);
      }
    } else problems.push(`docs/SCENARIO.md:${table.line}: a table of ${table.name} whose first column is neither "field" nor \`type\``);
  }
  for (const rows of rowsOf.values()) {
    if (rows.every(({ missing }) => missing.length > 0)) problems.push(`${rows[0].where}: its row does not name ${rows[0].missing.join(', ')}`);
  }
  return problems;
}

describe('docs/SCENARIO.md, the scenario format, against the zod schema', () => {
  it('documents every field of the scenario and its objects, and nothing the schema does not have', () => {
    expect(drift(text)).toEqual([]);
  });

  it('finds a field left out, a field the schema does not have, and an object key left out of its row', () => {
    const withoutLeadTime = text.replace(/^\| `leadTime` \| \[distribution\]\(#distributions\) of values ≥ 0 \| transit time.*\n/m, '');
    expect(withoutLeadTime).not.toBe(text);
    expect(drift(withoutLeadTime)).toEqual(['Lane: not documented: leadTime']);

    const withTypo = text.replace('| `minOrderQuantity` |', '| `minimumOrderQuantity` |');
    expect(drift(withTypo)).toEqual(['StockPoint: not documented: minOrderQuantity', 'StockPoint: documented but not in the schema: minimumOrderQuantity']);

    const withoutDiscount = text.replace('`{ "withinDays": d > 0, "discount": x in (0, 1] }`', '`{ "withinDays": d > 0, "rebate": x in (0, 1] }`');
    expect(withoutDiscount).not.toBe(text);
    expect(drift(withoutDiscount)).toEqual(['Product.markdown: its row writes keys the schema does not have: rebate', 'Product.markdown: its row does not name discount']);

    const withoutPolicyField = text.replace('`reviewPeriod` T > 0, `orderQuantity` Q > 0, `firstReview` (`0`)', '`reviewPeriod` T > 0, `firstReview` (`0`)');
    expect(withoutPolicyField).not.toBe(text);
    expect(drift(withoutPolicyField)).toEqual(['Policy "fixedQuantity": not documented: orderQuantity']);
  });

  it('reads the items of a type table and the keys written in objects', () => {
    expect(ownFields('`method`: `{ "type": "movingAverage", "periods": p }` or `{ "type": "x", "alpha": a }` (0 < a ≤ 1); `reviewPeriod` R (`1`); `allowReturns` (`false`)')).toEqual(['method', 'reviewPeriod', 'allowReturns']);
    expect(ownFields('`ordersPerDay` (a distribution: `poisson`, ...) or `history` (counts); `size` (required)')).toEqual(['ordersPerDay', 'history', 'size']);
    expect(writtenKeys('`{ "type": "priority", "rank"?: { node id: number ≥ 0 }, "customerRank"?: number }` or `{ "fraction", "afterDays" }`')).toEqual(['type', 'rank', 'customerRank', 'fraction', 'afterDays']);
  });
});
