import { Scenario } from './schema.ts';
import { clip, fromZodIssues, quoted, type ScenarioIssue } from './issues.ts';
import { checkReferences } from './references.ts';
import { checkVariantSettings } from './variantSettings.ts';
import { CsvFiles, historyOf } from './csvHistory.ts';
import { checkInputText, checkVariantWork, inspectInput } from './inputLimits.ts';

export type { ScenarioIssue } from './issues.ts';

export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; issues: ScenarioIssue[] };

export interface ParseOptions {
  /**
   * Reads a file the scenario refers to (a CSV demand history), by its path as written in the
   * scenario. The CLI passes a reader relative to the scenario file; where there is none (a browser),
   * such references are reported as problems.
   */
  readFile?: (path: string) => string;
  /**
   * Keep each issue's `detail` (the facts of its message, for a page that words them in another
   * language). Off by default: the CLI and everything else see `{ path, message }` only.
   */
  details?: boolean;
}

/**
 * unknown -> a valid scenario, or every problem found, each at its field. Runs the schema, then (when
 * the shape is right) the reference checks, then loads external series. Never throws on bad input.
 */
export function parseScenario(input: unknown, options: ParseOptions = {}): ParseResult {
  const result = parseChecked(input, options);
  if (result.ok || options.details) return result;
  return { ok: false, issues: result.issues.map(({ path, message }) => ({ path, message })) };
}

function parseChecked(input: unknown, options: ParseOptions): ParseResult {
  // untrusted data is checked for depth, size, reserved names and non-JSON values before any recursive code sees it
  const shape = inspectInput(input);
  if (shape.issues.length > 0) return { ok: false, issues: shape.issues };
  const parsed = Scenario.safeParse(input, { reportInput: true });
  if (!parsed.success) return { ok: false, issues: fromZodIssues(parsed.error.issues) };
  const scenario = parsed.data;
  const issues = checkReferences(scenario);
  issues.push(...loadHistories(scenario, options));
  // a variant's changes are checked on the whole scenario, so only once the rest is sound, and only
  // when checking every variant that makes some would not take too long
  if (issues.length === 0) issues.push(...checkVariantWork(scenario.variants.filter((variant) => variant.set.length > 0).length, shape.values));
  if (issues.length === 0) issues.push(...checkVariantSettings(scenario));
  return issues.length > 0 ? { ok: false, issues } : { ok: true, scenario };
}

/** Parses JSON text; a syntax error is reported with its line and column. */
export function parseScenarioText(text: string, options: ParseOptions = {}): ParseResult {
  const tooLong = checkInputText(text);
  if (tooLong.length > 0) return { ok: false, issues: options.details ? tooLong : tooLong.map(({ path, message }) => ({ path, message })) };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const message = jsonErrorMessage(text, error);
    return { ok: false, issues: [options.details ? { path: '(file)', message, detail: jsonErrorDetail(text, error) } : { path: '(file)', message }] };
  }
  return parseScenario(data, options);
}

/** "file: path: message" lines, one per problem, as the CLI prints them. */
export function formatIssues(fileName: string, issues: ReadonlyArray<ScenarioIssue>): string[] {
  return issues.map((issue) => `${fileName}: ${issue.path}: ${issue.message}`);
}

/**
 * Replaces each `{ csv }` history by the numbers it holds, so the model only ever sees arrays. Each
 * file is read and parsed once, however many histories read it (a wide file of 800 SKUs).
 */
function loadHistories(scenario: Scenario, options: ParseOptions): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const files = options.readFile ? new CsvFiles(options.readFile) : null;
  scenario.demand.forEach((entry, i) => {
    if (entry.type !== 'history' || Array.isArray(entry.series)) return;
    const path = `demand[${i}].series.csv`;
    const file = entry.series.csv;
    if (!files) {
      issues.push({ path, message: `cannot read ${quoted(file)} here; paste the daily values into "series" as a list of numbers`, detail: { kind: 'csvNotHere', file: quoted(file) } });
      return;
    }
    const table = files.table(file);
    if ('error' in table) {
      issues.push({ path, message: `cannot read ${quoted(file)}: ${clip(table.error, 300)}` });
      return;
    }
    const history = historyOf(table, entry.series);
    if ('error' in history) issues.push({ path, message: `${clip(file, 100)}: ${clip(history.error, 300)}` });
    else entry.series = history.values;
  });
  return issues;
}

/** The facts of jsonErrorMessage: the line and column (when the engine gives a position) and the engine's own words. */
function jsonErrorDetail(text: string, error: unknown): ScenarioIssue['detail'] {
  const message = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(message);
  if (!position) return { kind: 'jsonSyntax', line: null, column: null, engine: message };
  const before = text.slice(0, Number(position[1]));
  return { kind: 'jsonSyntax', line: before.split('\n').length, column: before.length - before.lastIndexOf('\n'), engine: message.replace(/ in JSON at position \d+.*$/, '') };
}

function jsonErrorMessage(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(message);
  if (!position) return `not valid JSON: ${message}`;
  const offset = Number(position[1]);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `not valid JSON at line ${line}, column ${column}: ${message.replace(/ in JSON at position \d+.*$/, '')}`;
}
