import { describeValue, issueAt, type ScenarioIssue } from './issues.ts';

/**
 * What a scenario's data may be before the schema looks at it. A scenario comes from files and share
 * links, so it is untrusted: it is read as data only, and refused up front (in words, at a path) when
 * it could break the tools that read it:
 * - nesting deeper than any scenario needs (recursive code, the schema's included, would overflow the
 *   stack: a 433-character link held a `name` of 6,000 nested lists);
 * - field names that reach JavaScript's object machinery (`__proto__`, `constructor`, `prototype`): no
 *   scenario field is named so, and a path or copy through them could change every object's prototype;
 * - numbers JSON can write but a scenario cannot hold (`1e400` reads as Infinity);
 * - anything that is not JSON data (functions, class instances, `undefined`), for callers of the library;
 * - more values, or longer texts, than a scenario plausibly has.
 */
export const INPUT_LIMITS = {
  /**
   * Levels of objects and lists. The deepest real scenario data is a variant's `set` value holding a
   * stock point's policy (variants[0].set[0].value.policy.review…: about 10 levels); 32 leaves room.
   */
  maxDepth: 32,
  /**
   * Values (numbers, texts, objects, lists…) in one scenario. 5,000 SKUs with three years of daily
   * history is about 5.5 million; 20 million JSON values is about 150 MB of text.
   */
  maxValues: 20_000_000,
  /** Characters of one text (names, descriptions, paths); ids have a tighter limit in the schema. */
  maxTextLength: 10_000,
  /** Characters of scenario JSON text read at once (a file, a pasted text, a share link's content). */
  maxTextChars: 200 * 1024 * 1024,
} as const;

/** Field names that would reach an object's prototype or constructor if a path or copy went through them. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Half of a UTF-16 surrogate pair standing alone: not text (a file or link cannot carry it unchanged). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The most problems reported from one walk (each a clear message; thousands would bury the first). */
const MAX_ISSUES = 20;
/** A path cut to this many steps: a problem 6,000 levels down is placed where its field starts. */
const MAX_PATH_STEPS = 8;

/**
 * Checks data before the schema: every problem at its path, or none. Iterative (an explicit stack),
 * so no nesting can overflow it; it stops at the limits, so no input can keep it busy.
 */
export function checkInputShape(data: unknown): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const report = (path: ReadonlyArray<PropertyKey>, message: string) => {
    if (issues.length < MAX_ISSUES) issues.push(issueAt(path.slice(0, MAX_PATH_STEPS), message));
  };
  const stack: Array<{ value: unknown; path: PropertyKey[] }> = [{ value: data, path: [] }];
  let values = 0;
  while (stack.length > 0 && issues.length < MAX_ISSUES) {
    const { value, path } = stack.pop()!;
    values++;
    if (values > INPUT_LIMITS.maxValues) {
      report([], `the scenario holds more than ${INPUT_LIMITS.maxValues.toLocaleString('en')} values (numbers, texts, lists and objects); it is too large to read`);
      break;
    }
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) report(path, nonFiniteMessage(value));
      continue;
    }
    if (typeof value === 'string') {
      if (value.length > INPUT_LIMITS.maxTextLength) {
        report(path, `expected a text of at most ${INPUT_LIMITS.maxTextLength.toLocaleString('en')} characters, got one of ${value.length.toLocaleString('en')}`);
      } else if (LONE_SURROGATE.test(value)) {
        report(path, loneSurrogateMessage(value));
      }
      continue;
    }
    if (value === null || typeof value === 'boolean') continue;
    if (typeof value !== 'object') {
      report(path, `expected JSON data (text, a number, true or false, null, a list or an object), got ${describeValue(value)}`);
      continue;
    }
    if (path.length >= INPUT_LIMITS.maxDepth) {
      report(path, `nested more than ${INPUT_LIMITS.maxDepth} levels deep (lists or objects inside one another); no scenario field needs more`);
      continue;
    }
    if (Array.isArray(value)) {
      // pushed in reverse, so problems come out in the order they stand in the file
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: [...path, i] });
      continue;
    }
    const prototype: unknown = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null) {
      report(path, `expected JSON data (a plain object), got ${describeValue(value)}`);
      continue;
    }
    const keys = Object.keys(value);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i];
      if (LONE_SURROGATE.test(key)) {
        report([...path, key], `a field name ${loneSurrogateMessage(key).replace(/^expected text /, 'must be text ')}`);
        continue;
      }
      if (FORBIDDEN_KEYS.has(key)) {
        report([...path, key], `a field may not be named "${key}" (the name is reserved by JavaScript, and no scenario field uses it); remove it`);
        continue;
      }
      stack.push({ value: (value as Record<string, unknown>)[key], path: [...path, key] });
    }
  }
  return issues;
}

/** Refuses scenario text too long to read, before it is parsed. */
export function checkInputText(text: string): ScenarioIssue[] {
  if (text.length <= INPUT_LIMITS.maxTextChars) return [];
  const megabytes = (chars: number) => `${Math.round(chars / 1024 / 1024).toLocaleString('en')} MB`;
  return [{ path: '(file)', message: `the scenario text is ${megabytes(text.length)}; Stocklab reads scenarios of at most ${megabytes(INPUT_LIMITS.maxTextChars)}` }];
}

function loneSurrogateMessage(text: string): string {
  const at = text.search(LONE_SURROGATE);
  const code = text.charCodeAt(at).toString(16).toUpperCase();
  return `expected text of whole characters; found half of a character pair (U+${code}, a broken \\u${code.toLowerCase()} escape) at character ${at + 1}`;
}

function nonFiniteMessage(value: number): string {
  if (Number.isNaN(value)) return 'expected a finite number, got NaN (not a number)';
  return `expected a finite number, got ${value > 0 ? 'one' : 'a negative one'} too large to hold (beyond 1.8e308 in size, such as ${value > 0 ? '' : '-'}1e400)`;
}
