import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { formatIssues, parseScenario, parseScenarioText } from '../scenario/parse.ts';
import type { Scenario } from '../scenario/schema.ts';
import { theoryOf } from '../experiment/theory.ts';

/** Command-line overrides of a scenario's experiment settings. */
export interface ScenarioOverrides {
  replications?: number;
  seed?: string | number;
  horizonDays?: number;
}

export type LoadResult = { ok: true; scenario: Scenario } | { ok: false; lines: string[] };

/**
 * Reads and validates a scenario file. CSV histories are read relative to the scenario's folder.
 * Overrides replace the file's fields before validation, so they are checked like the file's own
 * values (a horizon shorter than the warm-up is reported). Problems come back as the
 * `file: path: message` lines the CLI prints; nothing throws for bad input.
 */
export function loadScenario(file: string, overrides: ScenarioOverrides = {}): LoadResult {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return { ok: false, lines: [`${file}: cannot read: ${readErrorMessage(error)}`] };
  }
  const folder = dirname(resolve(file));
  const options = { readFile: (path: string) => readFileSync(resolve(folder, path), 'utf8') };

  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    const parsed = parseScenarioText(text, options); // reports the syntax error with its line and column
    return parsed.ok ? { ok: true, scenario: parsed.scenario } : { ok: false, lines: formatIssues(file, parsed.issues) };
  }
  if (typeof data === 'object' && data !== null && !Array.isArray(data)) {
    const record = data as Record<string, unknown>;
    if (overrides.replications !== undefined) record.replications = overrides.replications;
    if (overrides.seed !== undefined) record.seed = overrides.seed;
    if (overrides.horizonDays !== undefined) record.horizonDays = overrides.horizonDays;
  }
  const parsed = parseScenario(data, options);
  if (!parsed.ok) return { ok: false, lines: formatIssues(file, parsed.issues) };
  // a theory model the scenario does not fit is a mistake in the file, reported like any other
  const theory = theoryOf(parsed.scenario);
  if (theory && !theory.ok) return { ok: false, lines: theory.problems.map((problem) => `${file}: ${problem.path}: ${problem.message}`) };
  return { ok: true, scenario: parsed.scenario };
}

function readErrorMessage(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a directory, expected a scenario .json file';
  if (code === 'EACCES') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}
