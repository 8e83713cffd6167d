import { isRecord, parseJsonPath, type JsonPath } from './jsonPath.ts';

/**
 * JSON text with positions: where each value of a scenario sits in its text, so that a problem's
 * path can be shown on its line and a form edit can change one value without reformatting the rest
 * (the user's layout, key order and fields the forms do not show all stay as written).
 */

export interface JsonNode {
  kind: 'object' | 'array' | 'string' | 'number' | 'literal';
  /** offset of the value's first character */
  start: number;
  /** offset just after its last character */
  end: number;
  members?: JsonMember[];
  items?: JsonNode[];
}

export interface JsonMember {
  key: string;
  /** offset of the key's opening quote */
  keyStart: number;
  value: JsonNode;
}

/** One change to a scenario's data: set a value (creating what leads to it) or delete one. */
export type JsonEdit = { op: 'set'; path: JsonPath; value: unknown } | { op: 'delete'; path: JsonPath };

const MAX_LINE = 100;

// ---------------------------------------------------------------------------------------------
// Reading

class Malformed extends Error {}

/** The tree of positions of a JSON text, or null when the text is not valid JSON (or too deep). */
export function parseJsonTree(text: string): JsonNode | null {
  const parsed = readTree(text);
  return 'root' in parsed ? parsed.root : null;
}

/**
 * Where a JSON text stops being valid (the offset of the first character that cannot be read),
 * or null when it is valid: the line and column of a syntax error in any browser, whatever its
 * JSON.parse message says.
 */
export function jsonErrorOffset(text: string): number | null {
  const parsed = readTree(text);
  return 'root' in parsed ? null : parsed.errorAt;
}

function readTree(text: string): { root: JsonNode } | { errorAt: number } {
  let at = 0;
  const space = () => {
    while (at < text.length) {
      const c = text.charCodeAt(at);
      if (c === 32 || c === 9 || c === 10 || c === 13) at++;
      else break;
    }
  };
  const stringEnd = (): number => {
    // at points to the opening quote
    let i = at + 1;
    while (i < text.length) {
      const c = text[i];
      if (c === '"') return i + 1;
      if (c === '\\') i += 2;
      else if (c < ' ') {
        at = i;
        throw new Malformed();
      } else i++;
    }
    at = text.length;
    throw new Malformed();
  };
  const number = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  const value = (depth: number): JsonNode => {
    if (depth > 512) throw new Malformed();
    space();
    const start = at;
    const c = text[at];
    if (c === '{') {
      at++;
      const members: JsonMember[] = [];
      space();
      if (text[at] === '}') {
        at++;
        return { kind: 'object', start, end: at, members };
      }
      for (;;) {
        space();
        if (text[at] !== '"') throw new Malformed();
        const keyStart = at;
        at = stringEnd();
        const key = JSON.parse(text.slice(keyStart, at)) as string;
        space();
        if (text[at] !== ':') throw new Malformed();
        at++;
        members.push({ key, keyStart, value: value(depth + 1) });
        space();
        if (text[at] === ',') at++;
        else if (text[at] === '}') {
          at++;
          return { kind: 'object', start, end: at, members };
        } else throw new Malformed();
      }
    }
    if (c === '[') {
      at++;
      const items: JsonNode[] = [];
      space();
      if (text[at] === ']') {
        at++;
        return { kind: 'array', start, end: at, items };
      }
      for (;;) {
        items.push(value(depth + 1));
        space();
        if (text[at] === ',') at++;
        else if (text[at] === ']') {
          at++;
          return { kind: 'array', start, end: at, items };
        } else throw new Malformed();
      }
    }
    if (c === '"') {
      at = stringEnd();
      return { kind: 'string', start, end: at };
    }
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, at)) {
        at += word.length;
        return { kind: 'literal', start, end: at };
      }
    }
    number.lastIndex = at;
    if (number.exec(text)) {
      at = number.lastIndex;
      return { kind: 'number', start, end: at };
    }
    throw new Malformed();
  };
  try {
    const root = value(0);
    space();
    return at === text.length ? { root } : { errorAt: at };
  } catch (error) {
    if (error instanceof Malformed || error instanceof SyntaxError || error instanceof RangeError) return { errorAt: Math.min(at, text.length) };
    throw error;
  }
}

/** The member (the last one, as JSON.parse keeps) or item at `key`, if the node holds one. */
function childOf(node: JsonNode, key: string | number): { value: JsonNode; index: number } | null {
  if (typeof key === 'number') {
    if (node.kind !== 'array' || !node.items || key < 0 || key >= node.items.length) return null;
    return { value: node.items[key], index: key };
  }
  if (node.kind !== 'object' || !node.members) return null;
  for (let i = node.members.length - 1; i >= 0; i--) {
    if (node.members[i].key === key) return { value: node.members[i].value, index: i };
  }
  return null;
}

/**
 * The deepest node along `path`: the value itself when it exists (`found`), otherwise the nearest
 * ancestor that does (a missing required field is shown on the object that lacks it).
 */
export function locatePath(root: JsonNode, path: JsonPath): { node: JsonNode; found: boolean; depth: number } {
  let node = root;
  let depth = 0;
  for (const key of path) {
    const child = childOf(node, key);
    if (!child) return { node, found: false, depth };
    node = child.value;
    depth++;
  }
  return { node, found: true, depth };
}

/** 1-based line and column of an offset. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/** The offset of a 1-based line and column (clamped to the text). */
export function offsetAt(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  const lineEnd = text.indexOf('\n', offset);
  const limit = lineEnd < 0 ? text.length : lineEnd;
  return Math.min(offset + Math.max(0, column - 1), limit);
}

/**
 * The part of the text a problem is about: the value at its path (for an unknown field, that
 * field's name), or the object that lacks a missing field; for a syntax error (`(file)`), the
 * character where reading stopped. Null when it cannot be placed.
 */
export function issueRange(text: string, root: JsonNode | null, issue: { path: string; message: string }): { start: number; end: number } | null {
  if (issue.path === '(file)' || root === null) {
    const match = /line (\d+),? column (\d+)/.exec(issue.message);
    const offset = match ? offsetAt(text, Number(match[1]), Number(match[2])) : jsonErrorOffset(text);
    if (offset === null) return null;
    return { start: offset, end: Math.min(text.length, offset + 1) };
  }
  const path = parseJsonPath(issue.path);
  if (path === null) return null;
  const { node, found } = locatePath(root, path);
  if (found && node.kind === 'object') {
    const unknown = /unknown fields? ((?:"[^"]*"(?:, )?)+)/.exec(issue.message);
    const first = unknown ? /"([^"]*)"/.exec(unknown[1])?.[1] : undefined;
    const member = first === undefined ? undefined : node.members?.find((m) => m.key === first);
    if (member) return { start: member.keyStart, end: member.value.end };
  }
  if (!found && (node.kind === 'object' || node.kind === 'array')) return { start: node.start, end: node.start + 1 };
  return { start: node.start, end: node.end };
}

// ---------------------------------------------------------------------------------------------
// Writing

/** One line: `{ "type": "normal", "mean": 3, "sd": 1 }`, `[1, 2, 3]`, as the gallery's files are written. */
export function compactJson(value: unknown): string {
  if (Array.isArray(value)) return value.length === 0 ? '[]' : `[${value.map((v) => compactJson(v ?? null)).join(', ')}]`;
  if (isRecord(value)) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '{}';
    return `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${compactJson(v)}`).join(', ')} }`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * Indented JSON that keeps small objects and arrays on one line (up to 100 characters), the way the
 * gallery's scenarios are written. `indent` is the indentation of the line the value starts on.
 */
export function formatJson(value: unknown, indent = '', reserved = 0): string {
  const one = compactJson(value);
  if (indent.length + reserved + one.length <= MAX_LINE) return one;
  const inner = `${indent}  `;
  if (Array.isArray(value) && value.length > 0) {
    return `[\n${value.map((v) => inner + formatJson(v ?? null, inner, 1)).join(',\n')}\n${indent}]`;
  }
  if (isRecord(value)) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return one;
    const lines = entries.map(([k, v]) => {
      const key = `${JSON.stringify(k)}: `;
      return inner + key + formatJson(v, inner, key.length + 1);
    });
    return `{\n${lines.join(',\n')}\n${indent}}`;
  }
  return one;
}

/** `path`'s remaining keys wrapped around `value`: `["churn", "onStockout"]`, 0.3 -> `{ churn: { onStockout: 0.3 } }`. */
function nest(path: JsonPath, value: unknown): unknown {
  let result = value;
  for (let i = path.length - 1; i >= 0; i--) {
    const key = path[i];
    result = typeof key === 'number' ? [result] : { [key]: result };
  }
  return result;
}

/** Applies an edit to a copy of the data (the data given is not changed). */
export function applyEditToData(data: unknown, edit: JsonEdit): unknown {
  if (edit.path.length === 0) return edit.op === 'set' ? structuredClone(edit.value) : undefined;
  return applyInPlace(structuredClone(data), edit);
}

/** Applies edits in turn to a copy of the data: one copy for all of them (a bulk edit of thousands). */
export function applyEditsToData(data: unknown, edits: ReadonlyArray<JsonEdit>): unknown {
  let root: unknown = structuredClone(data);
  for (const edit of edits) root = edit.path.length === 0 ? (edit.op === 'set' ? structuredClone(edit.value) : undefined) : applyInPlace(root, edit);
  return root;
}

/** Applies an edit (below the root) to `root` itself; returns the new root (itself, unless replaced). */
function applyInPlace(root: unknown, edit: JsonEdit): unknown {
  const path = edit.path;
  if (edit.op === 'delete') {
    let current = root;
    for (const key of path.slice(0, -1)) {
      current = step(current, key);
      if (current === undefined) return root;
    }
    const last = path[path.length - 1];
    if (typeof last === 'number' && Array.isArray(current) && last < current.length) current.splice(last, 1);
    else if (typeof last === 'string' && isRecord(current)) delete current[last];
    return root;
  }
  const value = structuredClone(edit.value);
  if (!fits(root, path[0])) return nest(path, value);
  let current = root as Record<string, unknown> | unknown[];
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i];
    const next = step(current, key);
    if (fits(next, path[i + 1])) current = next as Record<string, unknown> | unknown[];
    else {
      assign(current, key, nest(path.slice(i + 1), value));
      return root;
    }
  }
  assign(current, path[path.length - 1], value);
  return root;
}

function step(container: unknown, key: string | number): unknown {
  if (typeof key === 'number') return Array.isArray(container) ? container[key] : undefined;
  return isRecord(container) && Object.hasOwn(container, key) ? container[key] : undefined;
}

/** Whether `container` can take `key`: an object for a name, an array for an index up to its length. */
function fits(container: unknown, key: string | number): boolean {
  if (typeof key === 'number') return Array.isArray(container) && key >= 0 && key <= container.length;
  return isRecord(container);
}

function assign(container: Record<string, unknown> | unknown[], key: string | number, value: unknown): void {
  if (Array.isArray(container)) container[key as number] = value;
  else container[key as string] = value;
}

/**
 * Applies an edit to JSON text, changing only the text of the value concerned (members are added
 * after the last one, in the object's own layout; removed with their comma). The result is checked
 * against the same edit applied to the data; should they ever differ, the whole data is written out
 * afresh (formatted), so the text is always exactly the edited data.
 */
export function applyEditToText(text: string, edit: JsonEdit): string {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error('applyEditToText needs valid JSON text');
  }
  const expected = applyEditToData(data, edit);
  const root = parseJsonTree(text);
  const spliced = root ? splice(text, root, edit) : null;
  if (spliced !== null) {
    try {
      if (deepEqual(JSON.parse(spliced), expected)) return spliced;
    } catch {
      // fall through to a fresh layout
    }
  }
  return `${formatJson(expected)}\n`;
}

/**
 * Applies several edits as one (a bulk edit: a policy set on 400 stock points). Where each edit sets a
 * value that is already written, and no two overlap, the values are replaced in one pass over the text
 * (one parse, one check: thousands of edits cost about as much as one); otherwise they are applied one
 * after the other. As with one edit, the result is checked against the data edited directly.
 */
export function applyEditsToText(text: string, edits: ReadonlyArray<JsonEdit>): string {
  if (edits.length === 0) return text;
  if (edits.length === 1) return applyEditToText(text, edits[0]);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error('applyEditsToText needs valid JSON text');
  }
  const root = parseJsonTree(text);
  const replacements: Array<{ start: number; end: number; value: unknown }> = [];
  if (root) {
    for (const edit of edits) {
      if (edit.op !== 'set' || edit.path.length === 0) break;
      const { node, found } = locatePath(root, edit.path);
      if (!found) break;
      replacements.push({ start: node.start, end: node.end, value: edit.value });
    }
  }
  replacements.sort((a, b) => a.start - b.start);
  const disjoint = replacements.every((r, i) => i === 0 || replacements[i - 1].end <= r.start);
  if (replacements.length !== edits.length || !disjoint) return edits.reduce((current, edit) => applyEditToText(current, edit), text);
  const expected = applyEditsToData(data, edits);
  const parts: string[] = [];
  let at = 0;
  for (const r of replacements) {
    parts.push(text.slice(at, r.start), formatAt(text, r.start, r.value));
    at = r.end;
  }
  parts.push(text.slice(at));
  const spliced = parts.join('');
  try {
    if (deepEqual(JSON.parse(spliced), expected)) return spliced;
  } catch {
    // fall through to a fresh layout
  }
  return `${formatJson(expected)}\n`;
}

function replaceRange(text: string, start: number, end: number, insert: string): string {
  return text.slice(0, start) + insert + text.slice(end);
}

/** Leading whitespace of the line holding `offset`. */
function lineIndent(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, offset))?.[0] ?? '';
}

/** A value written at `offset`, laid out for the line it starts on. */
function formatAt(text: string, offset: number, value: unknown): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const indent = lineIndent(text, offset);
  return formatJson(value, indent, offset - lineStart - indent.length);
}

function splice(text: string, root: JsonNode, edit: JsonEdit): string | null {
  const { path } = edit;
  let node = root;
  let parent: JsonNode | null = null;
  let index = -1;
  let depth = 0;
  for (const key of path) {
    const child = childOf(node, key);
    if (!child) break;
    parent = node;
    index = child.index;
    node = child.value;
    depth++;
  }
  if (edit.op === 'delete') {
    if (depth < path.length || !parent) return depth < path.length ? text : null;
    return removeChild(text, parent, index);
  }
  if (depth === path.length) return replaceRange(text, node.start, node.end, formatAt(text, node.start, edit.value));
  const key = path[depth];
  const rest = nest(path.slice(depth + 1), edit.value);
  if (typeof key === 'string' && node.kind === 'object') return addMember(text, node, key, rest);
  if (typeof key === 'number' && node.kind === 'array' && key === node.items?.length) return addItem(text, node, rest);
  // the value on the way is not a container that can take the key: replace it
  return replaceRange(text, node.start, node.end, formatAt(text, node.start, nest(path.slice(depth), edit.value)));
}

function addMember(text: string, object: JsonNode, key: string, value: unknown): string {
  const members = object.members ?? [];
  const name = `${JSON.stringify(key)}: `;
  if (members.length === 0) return replaceRange(text, object.start, object.end, formatAt(text, object.start, { [key]: value }));
  const last = members[members.length - 1];
  const multiLine = text.slice(object.start, members[0].keyStart).includes('\n');
  if (multiLine) {
    const indent = lineIndent(text, last.keyStart);
    return replaceRange(text, last.value.end, last.value.end, `,\n${indent}${name}${formatJson(value, indent, name.length + 1)}`);
  }
  return replaceRange(text, last.value.end, last.value.end, `, ${name}${compactJson(value)}`);
}

function addItem(text: string, array: JsonNode, value: unknown): string {
  const items = array.items ?? [];
  if (items.length === 0) {
    const indent = lineIndent(text, array.start);
    if (isRecord(value) || Array.isArray(value)) {
      const inner = `${indent}  `;
      return replaceRange(text, array.start, array.end, `[\n${inner}${formatJson(value, inner, 1)}\n${indent}]`);
    }
    return replaceRange(text, array.start, array.end, `[${compactJson(value)}]`);
  }
  const last = items[items.length - 1];
  const multiLine = text.slice(array.start, items[0].start).includes('\n');
  if (multiLine) {
    const indent = lineIndent(text, last.start);
    return replaceRange(text, last.end, last.end, `,\n${indent}${formatJson(value, indent, 1)}`);
  }
  return replaceRange(text, last.end, last.end, `, ${compactJson(value)}`);
}

function removeChild(text: string, parent: JsonNode, index: number): string {
  const spans =
    parent.kind === 'object'
      ? (parent.members ?? []).map((m) => ({ start: m.keyStart, end: m.value.end }))
      : (parent.items ?? []).map((item) => ({ start: item.start, end: item.end }));
  if (spans.length === 1) {
    const open = parent.kind === 'object' ? '{}' : '[]';
    return replaceRange(text, parent.start, parent.end, open);
  }
  if (index < spans.length - 1) return replaceRange(text, spans[index].start, spans[index + 1].start, '');
  return replaceRange(text, spans[index - 1].end, spans[index].end, '');
}

/** Structural equality of JSON values (key order ignored). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && deepEqual(a[k], b[k]));
  }
  return false;
}
