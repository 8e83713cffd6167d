import { readFileSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { formatIssues, parseScenario, parseScenarioText } from '../scenario/parse.ts';
import type { Scenario } from '../scenario/schema.ts';
import { theoryOf } from '../experiment/theory.ts';

/** Command-line overrides of a scenario's experiment settings. */
export interface ScenarioOverrides {
  replications?: number;
  seed?: string | number;
  horizonDays?: number;
}

export interface LoadOptions {
  /** let a scenario's CSV paths leave its folder (`--allow-files-outside`) */
  allowFilesOutside?: boolean;
}

export type LoadResult = { ok: true; scenario: Scenario } | { ok: false; lines: string[] };

/**
 * Reads and validates a scenario file. CSV histories are read relative to the scenario's folder, and
 * only inside it unless `allowFilesOutside` (see `confinedReader`). Overrides replace the file's
 * fields before validation, so they are checked like the file's own values (a horizon shorter than
 * the warm-up is reported). Problems come back as the `file: path: message` lines the CLI prints;
 * nothing throws for bad input.
 */
export function loadScenario(file: string, overrides: ScenarioOverrides = {}, load: LoadOptions = {}): LoadResult {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return { ok: false, lines: [`${file}: cannot read: ${readErrorMessage(error)}`] };
  }
  const options = { readFile: confinedReader(dirname(resolve(file)), load.allowFilesOutside ?? false) };

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

/**
 * Reads the files a scenario names (CSV histories), relative to its folder. A scenario file is often
 * someone else's: unless `allowOutside`, a path must stay inside the folder: not absolute, no `..`
 * out of it, and no symbolic link leading out of it (checked on the real path, which is then the
 * path read). A refusal throws; parseScenario reports it at the field (`demand[0].series.csv`).
 */
export function confinedReader(folder: string, allowOutside: boolean): (path: string) => string {
  return (path) => {
    const target = resolve(folder, path);
    if (allowOutside) return readWithReason(target);
    const how = 'keep the data file in the scenario\'s folder or a folder under it, or pass --allow-files-outside to read it';
    if (isAbsolute(path)) throw new Error(`an absolute path, outside the scenario's folder; ${how}`);
    if (!inside(folder, target)) throw new Error(`outside the scenario's folder (${folder}); ${how}`);
    let real: string;
    try {
      real = realpathSync(target);
    } catch (error) {
      throw new Error(readErrorMessage(error, 'a CSV file'));
    }
    let realFolder = folder;
    try {
      realFolder = realpathSync(folder);
    } catch {
      // the folder held the scenario a moment ago; compare with it as written
    }
    if (!inside(realFolder, real)) throw new Error(`a link leading outside the scenario's folder (to ${real}); ${how}`);
    return readWithReason(real);
  };
}

function inside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && rel !== '..' && !rel.startsWith('../') && !isAbsolute(rel);
}

function readWithReason(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(readErrorMessage(error, 'a CSV file'));
  }
}

function readErrorMessage(error: unknown, expected = 'a scenario .json file'): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return `is a directory, expected ${expected}`;
  if (code === 'EACCES') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}
