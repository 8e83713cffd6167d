import { parseScenario, type ScenarioIssue } from '../scenario/parse.ts';
import { runReplication, type RunResult } from '../experiment/run.ts';
import type { Task } from '../experiment/replicate.ts';
import { theoryOf, type ScenarioTheory } from '../experiment/theory.ts';
import { importFiles, readTable, type ImportOptions, type ImportResult } from '../import/importFiles.ts';
import { previewFile, type FilePreview } from '../import/preview.ts';
import type { Role } from '../import/columnRoles.ts';
import { readDemandHistory } from '../import/demandHistory.ts';
import { findClosedDays } from '../import/closedDays.ts';
import { emptyReport } from '../import/importReport.ts';
import { ImportError } from '../import/table.ts';

/**
 * The engine as a worker exposes it, through comlink, to the browser (Web Workers) and to the CLI
 * (Node worker threads). Everything crossing it is structured-cloneable data. Expected failures (an
 * invalid scenario) come back as results, because comlink keeps only an error's name, message and
 * stack (shared/NOTES.md).
 */
export interface SimApi {
  /**
   * Runs the given tasks of a scenario, in order, calling `onTaskDone` (a `Comlink.proxy` when it
   * crosses a worker boundary) after each one.
   */
  runTasks(request: RunTasksRequest, onTaskDone?: (done: number) => void): Promise<RunTasksResponse>;
  /**
   * The closed forms of the scenario's theory model (null when it names none): bounded (a fraction
   * of a second, src/theory/range.ts), but run off the page all the same, where Cancel can stop it.
   */
  theory(scenario: unknown): Promise<TheoryResponse>;
  /**
   * What the import wizard shows before importing a file (src/import/preview.ts): its columns, first
   * rows, detected roles and the questions it leaves open. A file that cannot be read comes back as
   * `{ ok: false, error }` in words.
   */
  previewImport(file: ImportFileData, mapping?: Partial<Record<Role, string>>, sheet?: string): Promise<PreviewResponse>;
  /**
   * A planner's files to a scenario (src/import/importFiles.ts, as `stocklab import`), calling
   * `onProgress` (a `Comlink.proxy` across a worker boundary) with each step's name. The demand file
   * is kept for `importCounts`.
   */
  importData(demand: ImportFileData, master: ImportFileData | undefined, options: ImportRequestOptions, onProgress?: (step: string) => void): Promise<ImportResponse>;
  /**
   * Each SKU × location's daily demand on the days its fit used (open, demand known) as counts of days
   * per value, from the demand file of the last `importData`, for the wizard's fit charts. A second
   * reading of the file, asked for after the report is shown, because the import's summaries do not
   * carry the histories.
   */
  importCounts(): Promise<CountsResponse>;
}

/** A file crossing to the worker: its name and its bytes (transferred, not copied). */
export interface ImportFileData {
  name: string;
  bytes: ArrayBuffer;
}

/** The import's options as data: the CLI's, without the progress callback, the SKUs to replay as a list. */
export type ImportRequestOptions = Omit<ImportOptions, 'onProgress' | 'replay'> & { replay?: string[] };

export type PreviewResponse = { ok: true; preview: FilePreview } | { ok: false; error: string };
export type ImportResponse = { ok: true; result: ImportResult } | { ok: false; error: string };

/** One SKU × location's days by units demanded: `days[i]` days with `values[i]` units, values ascending. */
export interface DemandCounts {
  sku: string;
  location: string;
  values: number[];
  days: number[];
}

export type CountsResponse = { ok: true; counts: DemandCounts[] } | { ok: false; error: string };

export type TheoryResponse = { ok: true; theory: ScenarioTheory | null } | { ok: false; issues: ScenarioIssue[] };

export interface RunTasksRequest {
  /** the scenario as data (it is validated again on the worker's side) */
  scenario: unknown;
  tasks: Task[];
  /** record daily series (default true) */
  series?: boolean;
  /** keep each stock point's KPIs and ledger (default true) */
  stockPoints?: boolean;
}

export type RunTasksResponse = { ok: true; results: RunResult[] } | { ok: false; issues: ScenarioIssue[] };

/** The SimApi implementation each worker exposes. */
export function createSimApi(): SimApi {
  // the scenario of the previous call, validated: a run sends the same scenario with every batch, and
  // validating a large one (a sweep of hundreds of variants over 1,000 stock points) takes longer
  // than its runs; comparing its JSON text costs a few milliseconds
  let cached: { text: string; parsed: ReturnType<typeof parseScenario> } | null = null;
  // the last import's demand file and options, for importCounts
  let imported: { demand: ImportFileData; options: ImportRequestOptions } | null = null;
  return {
    async runTasks(request, onTaskDone) {
      const text = JSON.stringify(request.scenario);
      if (cached === null || cached.text !== text) cached = { text, parsed: parseScenario(request.scenario) };
      const parsed = cached.parsed;
      if (!parsed.ok) return { ok: false, issues: parsed.issues };
      const results: RunResult[] = [];
      for (const task of request.tasks) {
        results.push(runReplication(parsed.scenario, task.variant, task.replication, { series: request.series ?? true, stockPoints: request.stockPoints ?? true }));
        await onTaskDone?.(results.length);
      }
      return { ok: true, results };
    },
    async theory(scenario) {
      const parsed = parseScenario(scenario);
      return parsed.ok ? { ok: true, theory: theoryOf(parsed.scenario) } : { ok: false, issues: parsed.issues };
    },
    async previewImport(file, mapping, sheet) {
      try {
        return { ok: true, preview: await previewFile({ name: file.name, bytes: new Uint8Array(file.bytes) }, mapping, sheet) };
      } catch (error) {
        return { ok: false, error: importFailure(error) };
      }
    },
    async importData(demand, master, options, onProgress) {
      imported = { demand, options };
      const { replay, ...rest } = options;
      try {
        const result = await importFiles({ name: demand.name, bytes: new Uint8Array(demand.bytes) }, master && { name: master.name, bytes: new Uint8Array(master.bytes) }, {
          ...rest,
          replay: new Set(replay ?? []),
          onProgress: onProgress && ((step) => void onProgress(step)),
        });
        return { ok: true, result };
      } catch (error) {
        return { ok: false, error: importFailure(error) };
      }
    },
    async importCounts() {
      if (!imported) return { ok: false, error: 'no file imported yet' };
      try {
        const { demand, options } = imported;
        const table = await readTable({ name: demand.name, bytes: new Uint8Array(demand.bytes) }, options.sheet);
        const history = readDemandHistory(table, emptyReport(), options);
        const { closed } = findClosedDays(history);
        const counts = history.series.map((series) => {
          const byValue = new Map<number, number>();
          for (let d = 0; d < history.days; d++) if (!closed[d] && !series.censored[d]) byValue.set(series.units[d], (byValue.get(series.units[d]) ?? 0) + 1);
          const values = [...byValue.keys()].sort((a, b) => a - b);
          return { sku: series.sku, location: series.location, values, days: values.map((value) => byValue.get(value)!) };
        });
        return { ok: true, counts };
      } catch (error) {
        return { ok: false, error: importFailure(error) };
      }
    },
  };
}

/** A file that cannot be read (ImportError) in its own words; anything else is a bug, said as such. */
function importFailure(error: unknown): string {
  if (error instanceof ImportError) return error.message;
  return `the import failed (a bug in Stocklab): ${error instanceof Error ? error.message : String(error)}`;
}
