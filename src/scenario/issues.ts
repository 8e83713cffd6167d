import type { z } from 'zod';
import { RULE_OF_MESSAGE, type SchemaRule } from './rules.ts';

/** One problem with a scenario, at a field: `{ path: "lanes[2].leadTime.mean", message }`. */
export interface ScenarioIssue {
  path: string;
  /** in English, as the CLI prints it */
  message: string;
  /**
   * What `message` says, as facts, for the common kinds of problem: the web words them in the page's
   * language (web/i18n/fr/sentences.ts), falling back to `message` without them. Only given when asked
   * (parseScenario's `details` option), so the issues the CLI and its tests see are as they were.
   */
  detail?: IssueDetail;
}

/**
 * The common problems, as facts. A value the user wrote (`got`) is as `describeValue` renders it
 * (`-5`, `"abc"`, `[1,2]`); null where nothing was written (a required field is missing).
 */
export type IssueDetail =
  /** a value of another type than the field's: `expected` is zod's name ("number", "string", "int": a whole number, "array", "object", "boolean") */
  | { kind: 'wrongType'; expected: string; got: string | null }
  /** a number beyond a bound: at least (inclusive) or above `bound` for tooSmall, at most or below it for tooLarge */
  | { kind: 'tooSmall' | 'tooLarge'; bound: number; inclusive: boolean; got: string | null }
  /** not one of the allowed values (rendered, as written in a scenario); `field` names the union's discriminator ("type"); `more` choices left out */
  | { kind: 'notOneOf'; field: string | null; options: string[]; more: number; got: string | null }
  /** fields the format does not have (each quoted); `more` left out */
  | { kind: 'unknownFields'; fields: string[]; more: number }
  /** a reference to a node, product or lane id the scenario does not define; `known` (cut, `more` left out) are the ids it does */
  | { kind: 'unknownReference'; what: 'node' | 'product' | 'lane'; name: string; known: string[]; more: number }
  /** an id given to two items of one list */
  | { kind: 'duplicateId'; name: string }
  /** an id with other characters than letters, digits, _ . : - (or not starting with a letter or digit) */
  | { kind: 'notAnId'; got: string | null }
  /** a warm-up at least as long as the horizon */
  | { kind: 'warmupTooLong'; horizonDays: number; warmupDays: number }
  /** one of the schema's own rules (src/scenario/rules.ts), by name; `got` as the message appends it (null: not appended) */
  | { kind: 'rule'; rule: SchemaRule; got: string | null }
  /** a text holding a control character: its code point (`U+001B`) and position (1-based) */
  | { kind: 'controlCharacter'; codePoint: string; at: number; got: string | null }
  /** data no scenario holds, refused before the schema (src/scenario/inputLimits.ts): a text over `max` characters */
  | { kind: 'textTooLong'; max: number; length: number }
  /** half of a UTF-16 pair alone (`codePoint`, U+D83D), at a character; in a field's name or in a text */
  | { kind: 'brokenCharacter'; codePoint: string; at: number; fieldName: boolean }
  /** not JSON data (a function, undefined…), or an object that is not a plain one; `got` as describeValue renders it */
  | { kind: 'notJsonData'; plainObject: boolean; got: string }
  | { kind: 'tooDeep'; max: number }
  | { kind: 'tooManyValues'; max: number }
  /** a field named __proto__, constructor or prototype */
  | { kind: 'reservedName'; name: string }
  /** NaN, or a number too large to hold (1e400) */
  | { kind: 'notFinite'; value: 'NaN' | 'Infinity' | '-Infinity' }
  /** variants whose `set` changes would take too long to check: `work` = variants × values, over `max`; keep at most `most` */
  | { kind: 'variantWork'; variants: number; values: number; work: number; max: number; most: number }
  /** a check between the scenario's parts (src/scenario/references.ts), by rule, with the names and numbers its message gives (names as written, unquoted) */
  | { kind: 'graph'; rule: GraphRule; facts: Readonly<Record<string, string | number>> }
  /** a CSV history named where no file can be read (a browser): the file, quoted */
  | { kind: 'csvNotHere'; file: string }
  /** scenario text over the size read (megabytes, rounded) */
  | { kind: 'scenarioTextTooLarge'; megabytes: number; maxMegabytes: number }
  /** JSON that does not parse: where (null: the engine did not say), and the JavaScript engine's own message (its language) */
  | { kind: 'jsonSyntax'; line: number | null; column: number | null; engine: string }
  /**
   * a run refused as too large for its limit (src/experiment/runBudget.ts): `needs` and `allowed` in
   * bytes (memory) or seconds on one core (time; null: without bound), what drives it, what to change,
   * and how to go beyond as the caller said it (null: not said)
   */
  | { kind: 'runBudget'; limit: 'memory' | 'time'; needs: number | null; allowed: number; driver: BudgetDriver; fix: BudgetFix; beyond: string | null }
  /** a run that would hold more pending events at once than the engine holds (`allowed`) */
  | { kind: 'pendingEvents'; driver: BudgetDriver; allowed: number; fix: BudgetFix; beyond: string | null }

/** The checks between a scenario's parts (src/scenario/references.ts), each named. */
export type GraphRule =
  | 'duplicateLane'
  | 'secondLane'
  | 'laneToItself'
  | 'laneIntoSupplier'
  | 'serversWithoutLeadTime'
  | 'supplierHoldsNoStock'
  | 'zoneHoldsNoStock'
  | 'stockPointTwice'
  | 'severalInboundLanes'
  | 'noInboundLane'
  | 'noLaneFromSource'
  | 'sourceWithoutStockPoint'
  | 'sourcingLoop'
  | 'fairShareNeedsPartial'
  | 'rankOfUnsupplied'
  | 'zoneDemandIsArrivals'
  | 'demandWithoutStockPoint'
  | 'segmentNeeded'
  | 'segmentTwice'
  | 'orderCountNotWhole'
  | 'zoneDemandDelivery'
  | 'duplicateShock'
  | 'duplicateDisruption'
  | 'serviceTargetNoOrderingCost'
  | 'serviceTargetNoHoldingCost'
  | 'scheduleBeyondHorizon'
  | 'anchorAndAdjustParameter'
  | 'scriptedPeriodEmpty'
  | 'scriptedPeriodsOverlap'
  | 'scriptedOrdersNeedPeriodic'
  | 'customersWithoutDemand'
  | 'customersTwice'
  | 'outageNotSupplier'
  | 'noCapacityToLose'
  | 'notAZone'
  | 'fulfilmentNotZone'
  | 'fulfilmentTwice'
  | 'shipsFromWarehouses'
  | 'warehouseLacksProduct'
  | 'warehouseListedTwice'
  | 'expressWithoutEntry'
  | 'zoneWithoutFulfilment'
  | 'laneToZone'
  | 'recallNotSupplier'
  | 'recallProductNotShipped'
  | 'recallShipsNothing'
  | 'overrideMatchesNothing'
  | 'markdownNeedsShelfLife'
  | 'markdownNeedsPrice'
  | 'markdownTooLong'
  | 'unknownStorageClass'
  | 'endOfLifeWholeDay'
  | 'issuingNeedsLots'
  | 'negativeDraw'
  | 'negativeMean';

/** What drives a run's size, as facts (src/experiment/runBudget.ts words each in English). */
export type BudgetDriver =
  | { kind: 'daysByPoints'; days: number; stockPoints: number }
  | { kind: 'series'; days: number; rows: number }
  | { kind: 'streams'; streams: number; days: number }
  /** `multiplier`: the mean of seasonality, growth and shocks, where it is worth saying (null otherwise) */
  | { kind: 'customers'; customers: number; perDay: number; stockPoints: number; days: number; multiplier: number | null }
  | { kind: 'runs'; replications: number; variants: number; secondsPerRun: number }
  | { kind: 'events'; events: number; runs: number; mostly: BudgetDriver }
  | { kind: 'results'; runs: number; replications: number; variants: number; stockPoints: number; series: { days: number; rows: number } | null }
  | { kind: 'keptSeries'; runs: number; days: number; rows: number }
  | { kind: 'workerRun'; series: { days: number; rows: number } | null; streams: number; days: number }
  /** one-for-one orders in transit at once at a stock point: customers a day × lead time */
  | { kind: 'ordersInTransit'; orders: number; at: string; perDay: number; leadDays: number }
  /** customers multiplied by a pattern, trend, shock or growing base (`factor` null: without bound) */
  | { kind: 'multipliedCustomers'; customers: number; perDay: number; stockPoints: number; factor: number | null; by: MultiplierCause; days: number }
  /** draws for the returns of `units` a customer or a day */
  | { kind: 'returnDraws'; draws: number; units: number; per: 'customer' | 'day' }
  /** the windows of random shock `shock` (1-based), in each of `streams` demand streams (null: held at once) */
  | { kind: 'shockWindows'; windows: number; shock: number; perYear: number; days: number; streams: number | null }
  | { kind: 'newCustomers'; customers: number; perDay: number; days: number }
  | { kind: 'reviews'; reviews: number; every: number }
  | { kind: 'lotsReceived'; lots: number; at: string }
  | { kind: 'lotOperations'; sales: number; receipts: number; at: string }
  | { kind: 'fefo'; lots: number; sales: number }
  /** draws of units lost on the shelf; `level` the units on hand (null: not bounded by the policy), `lots` when in lots */
  | { kind: 'shelfLoss'; draws: number; level: number | null; lots: number | null }
  | { kind: 'disruptions'; disruptions: number }
  | { kind: 'disruptionWindows'; windows: number; disruption: number };

/** What multiplies a demand's customers the most (src/experiment/runBudget.ts): `overlap`, windows of a random shock at once that multiply one another */
export type MultiplierCause = { kind: 'weekly' | 'yearly' | 'trend' | 'growth' } | { kind: 'shock'; shock: number; overlap: number | null };

/** What to change to bring a run within its limits. */
export type BudgetFix =
  | 'fewerRuns'
  | 'rarerOccurrences'
  | 'fewerLots'
  | 'shorterWithSeries'
  | 'shorter'
  | 'fewerCustomers'
  | 'fewerNewCustomers'
  | 'rarerShock'
  | 'fifo'
  | 'lowerLevels'
  | 'lowerPattern'
  | 'lowerShock'
  | 'realisticDemand'
  | 'lowerTrend'
  | 'realisticValue';

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
export function issueAt(path: ReadonlyArray<PropertyKey>, message: string, detail?: IssueDetail): ScenarioIssue {
  const cut = path.findIndex((key) => typeof key !== 'number' && !PLAIN_KEY.test(String(key)));
  // a field named in the message has no detail: the message is given as it is
  if (cut < 0) return detail === undefined ? { path: formatPath(path), message } : { path: formatPath(path), message, detail };
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
    out.push(issueAt(path, messageOf(issue), detailOf(issue)));
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
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${listOf(issue.keys, 10, (key) => quoted(key))} (field names are case-sensitive; see the scenario format in docs/SCENARIO.md)`;
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

/** The facts of the zod issues messageOf words in English, for the kinds the web words in other languages. */
function detailOf(issue: z.core.$ZodIssue): IssueDetail | undefined {
  const input = (issue as { input?: unknown }).input;
  const params = issue.code === 'custom' ? (issue.params as { controlCharacter?: string; at?: number } | undefined) : undefined;
  if (params?.controlCharacter !== undefined && params.at !== undefined) return { kind: 'controlCharacter', codePoint: params.controlCharacter, at: params.at, got: typeof input === 'string' ? describeValue(input) : null };
  // a schema rule's message is worded by messageOf's default (zod's own kinds are worded apart)
  const rule = issue.code === 'invalid_type' || issue.code === 'unrecognized_keys' || issue.code === 'invalid_union' || issue.code === 'invalid_value' ? undefined : RULE_OF_MESSAGE.get(issue.message);
  // the rules of any number ("a number >= 0") say no more than zod's bound, which the page words with it
  if (rule !== undefined && !GENERIC_RULES.has(rule)) return { kind: 'rule', rule, got: input !== undefined && typeof input !== 'object' ? describeValue(input) : null };
  return zodDetailOf(issue) ?? (rule === undefined ? undefined : { kind: 'rule', rule, got: input !== undefined && typeof input !== 'object' ? describeValue(input) : null });
}

/** Rules a bound of zod says as well: its facts are given (tooSmall, wrongType…) rather than the rule's name. */
const GENERIC_RULES: ReadonlySet<SchemaRule> = new Set(['positive', 'nonNegative', 'wholeNumber']);

/** The facts of zod's own kinds of issue. */
function zodDetailOf(issue: z.core.$ZodIssue): IssueDetail | undefined {
  const input = (issue as { input?: unknown }).input;
  const got = input === undefined ? null : describeValue(input);
  switch (issue.code) {
    case 'invalid_type':
      if (typeof input === 'number' && !Number.isFinite(input)) return undefined;
      return { kind: 'wrongType', expected: issue.expected, got };
    case 'unrecognized_keys':
      return { kind: 'unknownFields', fields: issue.keys.slice(0, 10).map((key) => quoted(key)), more: Math.max(0, issue.keys.length - 10) };
    case 'invalid_union': {
      const union = issue as z.core.$ZodIssueInvalidUnion & { discriminator?: string; options?: unknown[] };
      if (union.discriminator === undefined || union.options === undefined) return undefined;
      const value = input !== null && typeof input === 'object' && Object.hasOwn(input, union.discriminator) ? (input as Record<string, unknown>)[union.discriminator] : input;
      return { kind: 'notOneOf', field: union.discriminator, options: union.options.map(String), more: 0, got: describeValue(value) };
    }
    case 'invalid_value': {
      const shown = issue.values.length > 8 ? 6 : issue.values.length;
      return { kind: 'notOneOf', field: null, options: issue.values.slice(0, shown).map((v) => describeValue(v)), more: issue.values.length - shown, got };
    }
    case 'too_small':
    case 'too_big': {
      // numbers only: a list's or a text's bound is worded by the schema with what it counts
      const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      if (issue.origin !== 'number' || typeof bound !== 'number') return undefined;
      return { kind: issue.code === 'too_small' ? 'tooSmall' : 'tooLarge', bound, inclusive: issue.inclusive ?? false, got: typeof input === 'object' ? null : got };
    }
    case 'invalid_format':
      // the schema's id rule (src/scenario/schema.ts Id), recognised by its message
      return issue.format === 'regex' && issue.message.startsWith('expected an id:') ? { kind: 'notAnId', got } : undefined;
    default:
      return undefined;
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
