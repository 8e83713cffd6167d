import { closeSync, fstatSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { formatIssues, parseScenario, parseScenarioText } from '../scenario/parse.ts';
import type { Scenario } from '../scenario/schema.ts';
import { theoryOf } from '../experiment/theory.ts';
import { CSV_MAX_BYTES } from '../scenario/csvHistory.ts';
import { INPUT_LIMITS } from '../scenario/inputLimits.ts';

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
 * Reads and validates a scenario file. A file of more bytes than the scenario text limit
 * (`INPUT_LIMITS.maxTextChars`, 200 MB; a UTF-8 file has at least as many bytes as characters) is
 * refused before it is read. CSV histories are read relative to the scenario's folder, and only inside
 * it unless `allowFilesOutside` (see `confinedReader`). Overrides replace the file's fields before
 * validation, so they are checked like the file's own values (a horizon shorter than
 * the warm-up is reported). Problems come back as the `file: path: message` lines the CLI prints;
 * nothing throws for bad input.
 */
export function loadScenario(file: string, overrides: ScenarioOverrides = {}, load: LoadOptions = {}): LoadResult {
  let text: string;
  try {
    text = readBounded(file, INPUT_LIMITS.maxTextChars, 'scenario files');
  } catch (error) {
    if (error instanceof TooLarge) return { ok: false, lines: [`${file}: (file): ${error.message}`] };
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
 * Reads the files a scenario names (CSV histories), relative to its folder, each of at most
 * `CSV_MAX_BYTES` (100 MB; a larger one is refused before it is read). A scenario file is often
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
    return readBounded(path, CSV_MAX_BYTES, 'CSV files');
  } catch (error) {
    throw error instanceof TooLarge ? error : new Error(readErrorMessage(error, 'a CSV file'));
  }
}

/** A file too large to read, in words: its size and the limit. */
class TooLarge extends Error {}

const MB = 1024 * 1024;

/** A size in MB with one decimal, rounded up (so a file just over a limit never reads as the limit). */
function megabytes(bytes: number): string {
  return `${(Math.ceil((bytes / MB) * 10) / 10).toLocaleString('en', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} MB`;
}

/**
 * The text of a file of at most `maxBytes`. A regular file's size is checked before anything is read;
 * anything else (a pipe, a device such as /dev/zero) is read until it ends or passes the limit, so no
 * file can fill the memory or keep the reader busy for ever.
 */
function readBounded(path: string, maxBytes: number, what: string): string {
  return readBoundedBytes(path, maxBytes, what).toString('utf8');
}

/** The bytes of a file of at most `maxBytes` (see readBounded); a file too large throws TooLarge, whose message says so. */
export function readBoundedBytes(path: string, maxBytes: number, what: string): Buffer {
  const tooLarge = (size: string) => new TooLarge(`the file is ${size}; Stocklab reads ${what} of at most ${Math.round(maxBytes / MB).toLocaleString('en')} MB (each is read whole into memory)`);
  const before = statSync(path);
  if (before.isFile() && before.size > maxBytes) throw tooLarge(megabytes(before.size));
  const fd = openSync(path, 'r');
  try {
    const stat = fstatSync(fd);
    if (stat.isFile() && stat.size > maxBytes) throw tooLarge(megabytes(stat.size));
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(MB, maxBytes + 1 - total));
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      chunks.push(read === chunk.length ? chunk : chunk.subarray(0, read));
      total += read;
      if (total > maxBytes) throw tooLarge(`more than ${Math.round(maxBytes / MB).toLocaleString('en')} MB`);
    }
    return Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

export function readErrorMessage(error: unknown, expected = 'a scenario .json file'): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return `is a directory, expected ${expected}`;
  if (code === 'EACCES') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}
