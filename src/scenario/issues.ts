import type { z } from 'zod';

/** One problem with a scenario, at a field: `{ path: "lanes[2].leadTime.mean", message }`. */
export interface ScenarioIssue {
  path: string;
  message: string;
}

/** Longest field name shown whole in a path or message; a longer (hostile) one is cut with "…". */
const MAX_KEY_CHARS = 60;
/** Longest rendering of a written value in "got ..." */
const MAX_VALUE_CHARS = 60;

/** `["lanes", 2, "leadTime"]` -> `lanes[2].leadTime` (empty path -> `(scenario)`). */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else {
      const name = clip(String(key), MAX_KEY_CHARS);
      text += text === '' ? name : `.${name}`;
    }
  }
  return text === '' ? '(scenario)' : text;
}

/** A field name that reads back as itself in a path: not empty, no `.`, `[`, `]` or parentheses, not too long. */
const PLAIN_KEY = /^[^.[\]()]{1,60}$/;

/**
 * A problem at `path`, placed where an editor can find it: a path through a field whose name would
 * not read back (`a.b`, `[`, an empty or very long name) stops at that field's parent, and the message
 * names the field.
 */
export function issueAt(path: ReadonlyArray<PropertyKey>, message: string): ScenarioIssue {
  const cut = path.findIndex((key) => typeof key !== 'number' && !PLAIN_KEY.test(String(key)));
  if (cut < 0) return { path: formatPath(path), message };
  return { path: formatPath(path.slice(0, cut)), message: `field ${quoted(String(path[cut]))}${cut < path.length - 1 ? ', inside it' : ''}: ${message}` };
}

/**
 * A short rendering of the value the user wrote, for "got ...". Never renders a whole value: a list
 * or object is described by its first entries, so no size or nesting can overflow or flood a message.
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  return clip(render(value, 2), MAX_VALUE_CHARS);
}

/** A text in quotes, control characters escaped, cut to `max` characters: safe in any message. */
export function quoted(text: string, max = MAX_KEY_CHARS): string {
  return quote(clip(text, max));
}

/** "a, b, c and 12 more": a list of names that stays short whatever the scenario holds. */
export function listOf(names: Iterable<string>, most = 10, show: (name: string) => string = (name) => clip(name, MAX_KEY_CHARS)): string {
  const all = [...names];
  const shown = all.slice(0, most).map(show);
  return all.length > most ? `${shown.join(', ')} and ${all.length - most} more` : shown.join(', ');
}

/**
 * Characters JSON.stringify leaves as they are but a terminal or a page would act on: DEL and the C1
 * controls (U+009B starts a command in some terminals) and the bidirectional overrides and isolates
 * (which reorder the text shown around them).
 */
const UNSAFE_TO_SHOW = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** `text` in double quotes, every control character and direction override written as an escape. */
function quote(text: string): string {
  return JSON.stringify(text).replace(UNSAFE_TO_SHOW, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** `text` cut to `max` characters with "…". */
export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** JSON-like text of `value` down to `depth` levels (deeper lists and objects as `[…]`, `{…}`), a few entries each. */
function render(value: unknown, depth: number): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'number':
      if (Number.isNaN(value)) return 'NaN';
      if (!Number.isFinite(value)) return value > 0 ? 'a number too large to hold' : 'a negative number too large to hold';
      return String(value);
    case 'string':
      // cut inside the quotes, so a long text still reads as one
      return quote(clip(value, MAX_VALUE_CHARS - 10));
    case 'boolean':
      return String(value);
    case 'bigint':
      return `${value}n (a BigInt, not JSON)`;
    case 'function':
      return 'a function (not JSON data)';
    case 'symbol':
      return 'a symbol (not JSON data)';
    case 'undefined':
      return 'nothing';
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (depth === 0) return '[…]';
    const shown = value.slice(0, 4).map((entry) => render(entry, depth - 1));
    return `[${shown.join(',')}${value.length > 4 ? ',…' : ''}]`;
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) {
    const name = (value as object).constructor?.name;
    return typeof name === 'string' && name !== '' ? `a ${clip(name, 30)} object (not JSON data)` : 'an object that is not JSON data';
  }
  const keys = Object.keys(value as object);
  if (keys.length === 0) return '{}';
  if (depth === 0) return '{…}';
  const shown = keys.slice(0, 4).map((key) => `${quote(clip(key, 20))}:${render((value as Record<string, unknown>)[key], depth - 1)}`);
  return `{${shown.join(',')}${keys.length > 4 ? ',…' : ''}}`;
}

/**
 * Turns zod issues into messages a planner can act on: the field path, what was expected and what
 * was written. Zod's own wording is kept where it is already plain.
 */
export function fromZodIssues(issues: ReadonlyArray<z.core.$ZodIssue>, prefix: ReadonlyArray<PropertyKey> = []): ScenarioIssue[] {
  const out: ScenarioIssue[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    out.push(issueAt(path, messageOf(issue)));
  }
  return out;
}

function messageOf(issue: z.core.$ZodIssue): string {
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case 'invalid_type':
      if (typeof input === 'number' && !Number.isNaN(input) && !Number.isFinite(input)) return `expected a finite number, got ${describeValue(input)} (beyond 1.8e308 in size, such as 1e400)`;
      return `expected ${article(issue.expected)}, got ${input === undefined ? 'nothing (the field is required)' : describeValue(input)}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${listOf(issue.keys, 10, (key) => quoted(key))} (field names are case-sensitive; see the scenario format in README)`;
    case 'invalid_union': {
      const union = issue as z.core.$ZodIssueInvalidUnion & { discriminator?: string; options?: unknown[] };
      if (union.discriminator !== undefined && union.options !== undefined) {
        const value = input !== null && typeof input === 'object' && Object.hasOwn(input, union.discriminator) ? (input as Record<string, unknown>)[union.discriminator] : input;
        return `expected ${union.discriminator} to be one of ${union.options.map(String).join(', ')}, got ${describeValue(value)}`;
      }
      const branches = union.errors
        .map((branch) => branch[0])
        .filter((first): first is z.core.$ZodIssue => first !== undefined)
        .map((first) => (first.path.length > 0 ? `${formatPath(first.path)} (${plainExpected(first)})` : plainExpected(first)));
      return `expected one of: ${[...new Set(branches)].join('; or ')}, got ${describeValue(input)}`;
    }
    case 'invalid_value':
      // a long list of choices (the 47 KPI names of `headline`) is cut, so the message stays readable
      if (issue.values.length > 8) return `expected one of ${listOf(issue.values.map((v) => describeValue(v)), 6, (name) => name)} (as written in the scenario format), got ${describeValue(input)}`;
      return `expected ${issue.values.map((v) => describeValue(v)).join(' or ')}, got ${describeValue(input)}`;
    default: {
      // zod names whole numbers "int" ("Too big: expected int to be <=9007199254740991")
      const message = issue.message.replace(/\bexpected int\b/, 'expected a whole number');
      return input !== undefined && typeof input !== 'object' ? `${message}, got ${describeValue(input)}` : message;
    }
  }
}

function plainExpected(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') return article(issue.expected);
  return issue.message;
}

/** zod's type names in words: `int` is "a whole number". */
function article(type: string): string {
  switch (type) {
    case 'int':
      return 'a whole number';
    case 'array':
    case 'object':
      return `an ${type}`;
    default:
      return `a ${type}`;
  }
}
