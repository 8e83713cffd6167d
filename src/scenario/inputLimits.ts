import { describeValue, issueAt, type IssueDetail, type ScenarioIssue } from './issues.ts';

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
  /**
   * Values checked for the variants' `set` changes: each variant that changes the scenario is checked
   * as a whole scenario, so the work is those variants × the scenario's values. 10 million is about 3
   * seconds; a 6 KB link held 1,000 variants of a 100,000-value scenario (28 s on the page).
   */
  maxVariantCheckValues: 10_000_000,
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
 * One list or object being walked: its entries are visited in order through `next`. Paths are not
 * kept per value (a 15-million-number history would need as many arrays): a problem's path is
 * rebuilt from the chain of frames when it is reported.
 */
interface Frame {
  value: unknown[] | Record<string, unknown>;
  /** the object's own field names; null for a list */
  keys: string[] | null;
  next: number;
  parent: Frame | null;
  /** where this value stands in its parent */
  key: PropertyKey;
  depth: number;
}

function pathTo(frame: Frame | null, last?: PropertyKey): PropertyKey[] {
  const path: PropertyKey[] = last === undefined ? [] : [last];
  for (let at = frame; at !== null && at.parent !== null; at = at.parent) path.push(at.key);
  return path.reverse();
}

/** Checks data before the schema: every problem at its path, or none (see inspectInput). */
export function checkInputShape(data: unknown): ScenarioIssue[] {
  return inspectInput(data).issues;
}

/**
 * Checks data before the schema: every problem at its path, and how many values it holds. Iterative
 * (an explicit stack of lists and objects, texts and numbers checked in place), so no nesting can
 * overflow it and a long history costs no memory; it stops at the limits, so no input can keep it busy.
 */
export function inspectInput(data: unknown): { issues: ScenarioIssue[]; values: number } {
  const issues: ScenarioIssue[] = [];
  const report = (path: ReadonlyArray<PropertyKey>, message: string, detail: IssueDetail) => {
    if (issues.length < MAX_ISSUES) issues.push(issueAt(path.slice(0, MAX_PATH_STEPS), message, detail));
  };
  let values = 0;
  const stack: Frame[] = [];
  /** Checks one value; a list or an object is pushed to be walked. */
  const visit = (value: unknown, parent: Frame | null, key: PropertyKey): void => {
    values++;
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) report(pathTo(parent, key), nonFiniteMessage(value), { kind: 'notFinite', value: Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity' });
      return;
    }
    if (typeof value === 'string') {
      if (value.length > INPUT_LIMITS.maxTextLength) {
        report(pathTo(parent, key), `expected a text of at most ${INPUT_LIMITS.maxTextLength.toLocaleString('en')} characters, got one of ${value.length.toLocaleString('en')}`, {
          kind: 'textTooLong',
          max: INPUT_LIMITS.maxTextLength,
          length: value.length,
        });
      } else if (LONE_SURROGATE.test(value)) {
        report(pathTo(parent, key), loneSurrogateMessage(value), { kind: 'brokenCharacter', ...loneSurrogateAt(value), fieldName: false });
      }
      return;
    }
    if (value === null || typeof value === 'boolean') return;
    if (typeof value !== 'object') {
      report(pathTo(parent, key), `expected JSON data (text, a number, true or false, null, a list or an object), got ${describeValue(value)}`, { kind: 'notJsonData', plainObject: false, got: describeValue(value) });
      return;
    }
    const depth = parent === null ? 0 : parent.depth + 1;
    if (depth >= INPUT_LIMITS.maxDepth) {
      report(pathTo(parent, key), `nested more than ${INPUT_LIMITS.maxDepth} levels deep (lists or objects inside one another); no scenario field needs more`, { kind: 'tooDeep', max: INPUT_LIMITS.maxDepth });
      return;
    }
    if (Array.isArray(value)) {
      stack.push({ value, keys: null, next: 0, parent, key, depth });
      return;
    }
    const prototype: unknown = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null) {
      report(pathTo(parent, key), `expected JSON data (a plain object), got ${describeValue(value)}`, { kind: 'notJsonData', plainObject: true, got: describeValue(value) });
      return;
    }
    stack.push({ value: value as Record<string, unknown>, keys: Object.keys(value), next: 0, parent, key, depth });
  };

  visit(data, null, '');
  while (stack.length > 0 && issues.length < MAX_ISSUES) {
    if (values > INPUT_LIMITS.maxValues) {
      report([], `the scenario holds more than ${INPUT_LIMITS.maxValues.toLocaleString('en')} values (numbers, texts, lists and objects); it is too large to read`, { kind: 'tooManyValues', max: INPUT_LIMITS.maxValues });
      break;
    }
    const frame = stack[stack.length - 1];
    if (frame.keys === null) {
      const list = frame.value as unknown[];
      if (frame.next >= list.length) {
        stack.pop();
        continue;
      }
      const index = frame.next++;
      visit(list[index], frame, index);
      continue;
    }
    if (frame.next >= frame.keys.length) {
      stack.pop();
      continue;
    }
    const key = frame.keys[frame.next++];
    if (LONE_SURROGATE.test(key)) {
      report(pathTo(frame, key), `a field name ${loneSurrogateMessage(key).replace(/^expected text /, 'must be text ')}`, { kind: 'brokenCharacter', ...loneSurrogateAt(key), fieldName: true });
      continue;
    }
    if (FORBIDDEN_KEYS.has(key)) {
      report(pathTo(frame, key), `a field may not be named "${key}" (the name is reserved by JavaScript, and no scenario field uses it); remove it`, { kind: 'reservedName', name: key });
      continue;
    }
    visit((frame.value as Record<string, unknown>)[key], frame, key);
  }
  return { issues, values };
}

/** Refuses variants' `set` changes whose checking would take too long (see maxVariantCheckValues). */
export function checkVariantWork(variantsWithChanges: number, values: number): ScenarioIssue[] {
  const work = variantsWithChanges * values;
  if (work <= INPUT_LIMITS.maxVariantCheckValues) return [];
  const most = Math.max(1, Math.floor(INPUT_LIMITS.maxVariantCheckValues / values));
  return [
    {
      path: 'variants',
      message:
        `${variantsWithChanges.toLocaleString('en')} variants change the scenario with "set", and each is checked as a whole scenario of ${values.toLocaleString('en')} values: ` +
        `${work.toLocaleString('en')} values in all, more than the ${INPUT_LIMITS.maxVariantCheckValues.toLocaleString('en')} Stocklab checks; ` +
        `keep at most ${most.toLocaleString('en')} such variants, or express them as policy overrides ("policies"), which cost nothing to check`,
      detail: { kind: 'variantWork', variants: variantsWithChanges, values, work, max: INPUT_LIMITS.maxVariantCheckValues, most },
    },
  ];
}

/** Refuses scenario text too long to read, before it is parsed. */
export function checkInputText(text: string): ScenarioIssue[] {
  if (text.length <= INPUT_LIMITS.maxTextChars) return [];
  const megabytes = (chars: number) => `${Math.round(chars / 1024 / 1024).toLocaleString('en')} MB`;
  return [
    {
      path: '(file)',
      message: `the scenario text is ${megabytes(text.length)}; Stocklab reads scenarios of at most ${megabytes(INPUT_LIMITS.maxTextChars)}`,
      detail: { kind: 'scenarioTextTooLarge', megabytes: Math.round(text.length / 1024 / 1024), maxMegabytes: Math.round(INPUT_LIMITS.maxTextChars / 1024 / 1024) },
    },
  ];
}

/** where a lone half of a character pair is, and its code point */
function loneSurrogateAt(text: string): { codePoint: string; at: number } {
  const at = text.search(LONE_SURROGATE);
  return { codePoint: `U+${text.charCodeAt(at).toString(16).toUpperCase()}`, at: at + 1 };
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
