import { parseScenario, type ScenarioIssue } from '../scenario/parse.ts';
import { runReplication, type RunResult, type RunSeries } from '../experiment/run.ts';
import { chunkPlan, mergeParts, planParts, runPart, type PartPlan, type PartRun } from '../experiment/parts.ts';
import { planSharing, runVariantsSharing, type SharingPlan } from '../experiment/sharedParts.ts';
import type { Task } from '../experiment/replicate.ts';
import { theoryOf, type ScenarioTheory } from '../experiment/theory.ts';
import { importFiles, readTable, type ImportOptions, type ImportResult } from '../import/importFiles.ts';
import { previewTable, type FilePreview } from '../import/preview.ts';
import type { Role } from '../import/columnRoles.ts';
import type { SeriesSummary } from '../import/buildScenario.ts';
import { ImportError, type ImportErrorDetail, type Table } from '../import/table.ts';
import { Stepper, type Happening, type StepDay, type StepperInfo } from '../experiment/stepper.ts';
import type { Kpis } from '../metrics/kpis.ts';
import type { ModelWarning } from '../model/warnings.ts';
import { experimentWarnings } from '../experiment/experimentWarnings.ts';
import { createBeerGameCalls, type BeerGameCalls } from './beerGameCalls.ts';

/**
 * The engine as a worker exposes it, through comlink, to the browser (Web Workers) and to the CLI
 * (Node worker threads). Everything crossing it is structured-cloneable data. Expected failures (an
 * invalid scenario) come back as results, because comlink keeps only an error's name, message and
 * stack (shared/NOTES.md).
 */
export interface SimApi extends BeerGameCalls {
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
   * The modelling warnings a run of the scenario gives, as facts a page words in its language
   * (src/model/warnings.ts): every variant's, each once, in the order `ExperimentResult.warnings` has
   * them in English (src/experiment/experimentWarnings.ts). Each variant's replication 0 is built, not
   * run: a fraction of one replication's time per variant.
   */
  warningsOf(scenario: unknown): Promise<WarningsResponse>;
  /**
   * What the import wizard shows before importing a file (src/import/preview.ts): its columns, first
   * rows, detected roles and the questions it leaves open. A file that cannot be read comes back as
   * `{ ok: false, error }` in words.
   */
  previewImport(file: ImportFileData, mapping?: Partial<Record<Role, string>>, sheet?: string): Promise<PreviewResponse>;
  /**
   * A planner's files to a scenario (src/import/importFiles.ts, as `stocklab import`), calling
   * `onProgress` (a `Comlink.proxy` across a worker boundary) with each step's name, and the
   * optional locations file last, as importFiles takes it. A demand file previewed (or imported)
   * just before is not read again: importing it again with other options only fits again.
   */
  importData(demand: ImportFileData, master: ImportFileData | undefined, options: ImportRequestOptions, onProgress?: (step: string) => void, locations?: ImportFileData): Promise<ImportResponse>;
  /**
   * Each SKU × location's daily demand as the fit saw it (open days with known demand, any pattern
   * divided out) as counts of days per value, from the last `importData`, for the wizard's fit charts.
   */
  importCounts(): Promise<CountsResponse>;
  /**
   * Replication `replication` of variant `variantIndex` run again, as an experiment runs it (the same
   * seed, src/experiment/run.ts runReplication, so the same days), for the inventory chart's single
   * view: that run's daily series, per stock point where the scenario records them (null when it
   * records none). The experiment's result keeps means only.
   */
  runOneReplication(scenario: unknown, variantIndex: number, replication: number): Promise<OneReplicationResponse>;
  /**
   * How a variant's replication falls into independent parts, joined into at most `chunks` chunks
   * (src/experiment/parts.ts chunkPlan): how many, and whether their results can be merged (`apart`).
   * The pool asks it before spreading one replication over several endpoints.
   */
  partsOf(request: PartsRequest): Promise<PartsResponse>;
  /** Runs the given parts (indexes into the same chunked plan) of a replication, calling `onPartDone` after each. */
  runParts(request: RunPartsRequest, onPartDone?: (done: number) => void): Promise<RunPartsResponse>;
  /**
   * Whether the scenario's variants share the run of the stock points whose policies they all give
   * alike (src/experiment/sharedParts.ts), and how many stock points are common and how many vary.
   */
  sharingOf(scenario: unknown): Promise<SharingResponse>;
  /**
   * Replication `replication` of the given variants, the common stock points run once for them all
   * (the bytes of runTasks on each), calling `onVariantDone` after each variant.
   */
  runVariants(request: RunVariantsRequest, onVariantDone?: (done: number) => void): Promise<RunTasksResponse>;
  /**
   * Opens replication `replication` of variant `variantIndex` to step through day by day
   * (src/experiment/stepper.ts), replacing the worker's previous one: what it runs and its levels at
   * time 0. Nothing runs yet.
   */
  openStepper(scenario: unknown, variantIndex: number, replication: number): Promise<OpenStepperResponse>;
  /**
   * Runs the open stepper on to the end of day `day` (0-based; at most the last), calling `onProgress`
   * (a `Comlink.proxy` across a worker boundary) with the day reached now and then. A long jump is
   * cancelled by terminating the worker (the page opens a new one and steps again to where it was:
   * the same days). Gives each day's happenings (the last STEP_LOG_DAYS days of a longer jump), the
   * levels at the end, and once the run is over its KPIs (runReplication's).
   */
  stepTo(day: number, onProgress?: (day: number) => void): Promise<StepResponse>;
  /** The whole replication's result from every part's run (mergeParts): the bytes of runTasks on the whole. */
  mergeParts(request: PartsRequest & { replication: number; runs: PartRun[]; series?: boolean; stockPoints?: boolean }): Promise<MergePartsResponse>;
}

export type OpenStepperResponse = { ok: true; info: StepperInfo } | { ok: false; issues: ScenarioIssue[] };

/** A day's happenings, for the log. */
export interface DayLog {
  day: number;
  warmup: boolean;
  happenings: Happening[];
}

/** The KPIs a stepped replication ended with: the network's and each stock point's (runReplication's). */
export interface StepperKpis {
  network: Kpis;
  stockPoints: { node: string; product: string; kpis: Kpis }[];
}

export type StepResponse =
  | {
      ok: true;
      /** each day run, oldest first (the last STEP_LOG_DAYS of a longer jump) */
      log: DayLog[];
      /** the day reached as it ended (null: no day run, the stepper was already there) */
      last: StepDay | null;
      over: boolean;
      /** once over: the replication's KPIs */
      kpis: StepperKpis | null;
    }
  | { ok: false; error: string };

/** the most days of happenings one stepTo sends back */
export const STEP_LOG_DAYS = 400;

export type SharingResponse = { ok: true; applies: boolean; commonPoints: number; varyingPoints: number } | { ok: false; issues: ScenarioIssue[] };
export interface RunVariantsRequest {
  scenario: unknown;
  replication: number;
  variants: number[];
  series?: boolean;
  stockPoints?: boolean;
}

export interface PartsRequest {
  scenario: unknown;
  variant: number;
  /** join the parts into at most this many chunks */
  chunks: number;
}
export interface RunPartsRequest extends PartsRequest {
  replication: number;
  parts: number[];
  /** record daily series (default true) */
  series?: boolean;
}
export type PartsResponse = { ok: true; count: number; apart: boolean } | { ok: false; issues: ScenarioIssue[] };
export type RunPartsResponse = { ok: true; runs: PartRun[] } | { ok: false; issues: ScenarioIssue[] };
export type MergePartsResponse = { ok: true; result: RunResult } | { ok: false; issues: ScenarioIssue[] };

/** A file crossing to the worker: its name and its bytes (transferred, not copied). */
export interface ImportFileData {
  name: string;
  bytes: ArrayBuffer;
}

/** The import's options as data: the CLI's, without the progress callback, the SKUs to replay as a list. */
export type ImportRequestOptions = Omit<ImportOptions, 'onProgress' | 'replay'> & { replay?: string[] };

/** A file that cannot be read at all (src/import/table.ts ImportError): its name and the facts, for a page to word in its language. */
export interface ImportFailureFacts {
  file: string;
  problem: ImportErrorDetail;
}

/** An import that failed: the engine's English, and the facts behind it when the problem is a common one. */
export type ImportFailure = { ok: false; error: string; errorFacts?: ImportFailureFacts };
export type PreviewResponse = { ok: true; preview: FilePreview } | ImportFailure;
export type ImportResponse = { ok: true; result: ImportResult } | ImportFailure;

/** One SKU × location's days by units demanded: `days[i]` days with `values[i]` units, values ascending. */
export interface DemandCounts {
  sku: string;
  location: string;
  values: number[];
  days: number[];
}

export type CountsResponse = { ok: true; counts: DemandCounts[] } | { ok: false; error: string };

export type WarningsResponse = { ok: true; warnings: ModelWarning[] } | { ok: false; issues: ScenarioIssue[] };

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

export type OneReplicationResponse = { ok: true; series: RunSeries | null } | { ok: false; issues: ScenarioIssue[] };

export type RunTasksResponse = { ok: true; results: RunResult[] } | { ok: false; issues: ScenarioIssue[] };

/** The SimApi implementation each worker exposes. */
export function createSimApi(): SimApi {
  // the scenario of the previous call, validated: a run sends the same scenario with every batch, and
  // validating a large one (a sweep of hundreds of variants over 1,000 stock points) takes longer
  // than its runs; comparing its JSON text costs a few milliseconds
  let cached: { text: string; parsed: ReturnType<typeof parseScenario>; plans: Map<string, PartPlan>; sharing?: SharingPlan | null; warnings?: ModelWarning[] } | null = null;
  // the file the wizard previewed last, read once (it previews again at each change of the mapping,
  // then imports the same file), and the last import's histories, for importCounts
  let lastTable: { key: string; sheet: string | undefined; table: Table } | null = null;
  let lastSummaries: SeriesSummary[] | null = null;
  // the replication being stepped through (openStepper)
  let stepper: Stepper | null = null;
  const tableOf = async (file: ImportFileData, sheet: string | undefined) => {
    const key = `${file.name}\u0001${file.bytes.byteLength}\u0001${checksum(file.bytes)}`;
    // the same sheet whether asked by name or left to the default: the preview reads the default
    // sheet, the import then names it (the sheet the preview says it read)
    const same = lastTable?.key === key && (sheet === lastTable.sheet || sheet === lastTable.table.sheet);
    if (!same) lastTable = { key, sheet, table: await readTable({ name: file.name, bytes: new Uint8Array(file.bytes) }, sheet) };
    return lastTable!.table;
  };
  const parse = (scenario: unknown) => {
    const text = JSON.stringify(scenario);
    if (cached === null || cached.text !== text) cached = { text, parsed: parseScenario(scenario), plans: new Map() };
    return cached.parsed;
  };
  // the chunked plan of the cached scenario, per (variant, chunks): every part task of a replication asks for it
  const planOf = (request: PartsRequest): { scenario: Parameters<typeof planParts>[0]; plan: PartPlan } | { issues: ScenarioIssue[] } => {
    const parsed = parse(request.scenario);
    if (!parsed.ok) return { issues: parsed.issues };
    const key = `${request.variant}/${request.chunks}`;
    let plan = cached!.plans.get(key);
    if (plan === undefined) cached!.plans.set(key, (plan = chunkPlan(planParts(parsed.scenario, request.variant), request.chunks)));
    return { scenario: parsed.scenario, plan };
  };
  return {
    // the Beer Game played by people (src/classroom/beerGame.ts): turns, the facilitator's board, the debrief
    ...createBeerGameCalls(parse),
    async runTasks(request, onTaskDone) {
      const parsed = parse(request.scenario);
      if (!parsed.ok) return { ok: false, issues: parsed.issues };
      const results: RunResult[] = [];
      for (const task of request.tasks) {
        results.push(runReplication(parsed.scenario, task.variant, task.replication, { series: request.series ?? true, stockPoints: request.stockPoints ?? true }));
        await onTaskDone?.(results.length);
      }
      return { ok: true, results };
    },
    async runOneReplication(scenario, variantIndex, replication) {
      const parsed = parse(scenario);
      if (!parsed.ok) return { ok: false, issues: parsed.issues };
      return { ok: true, series: runReplication(parsed.scenario, variantIndex, replication, { series: true, stockPoints: false }).series };
    },
    async sharingOf(scenario) {
      const parsed = parse(scenario);
      if (!parsed.ok) return { ok: false, issues: parsed.issues };
      if (cached!.sharing === undefined) cached!.sharing = planSharing(parsed.scenario);
      const sharing = cached!.sharing;
      return { ok: true, applies: sharing !== null, commonPoints: sharing?.commonPoints ?? 0, varyingPoints: sharing?.varyingPoints ?? 0 };
    },
    async runVariants(request, onVariantDone) {
      const parsed = parse(request.scenario);
      if (!parsed.ok) return { ok: false, issues: parsed.issues };
      if (cached!.sharing === undefined) cached!.sharing = planSharing(parsed.scenario);
      const options = { series: request.series ?? true, stockPoints: request.stockPoints ?? true };
      // progress reports cross to the page without being awaited: the variants run in one go
      const results = runVariantsSharing(parsed.scenario, cached!.sharing, request.replication, request.variants, options, (done) => void onVariantDone?.(done));
      return { ok: true, results };
    },
    async partsOf(request) {
      const planned = planOf(request);
      if ('issues' in planned) return { ok: false, issues: planned.issues };
      return { ok: true, count: planned.plan.parts.length, apart: planned.plan.apart };
    },
    async runParts(request, onPartDone) {
      const planned = planOf(request);
      if ('issues' in planned) return { ok: false, issues: planned.issues };
      const runs: PartRun[] = [];
      for (const part of request.parts) {
        runs.push(runPart(planned.scenario, request.variant, request.replication, part, planned.plan, { series: request.series ?? true }));
        await onPartDone?.(runs.length);
      }
      return { ok: true, runs };
    },
    async mergeParts(request) {
      const planned = planOf(request);
      if ('issues' in planned) return { ok: false, issues: planned.issues };
      return { ok: true, result: mergeParts(planned.scenario, request.variant, planned.plan, request.runs, { series: request.series ?? true, stockPoints: request.stockPoints ?? true }) };
    },
    async openStepper(scenario, variantIndex, replication) {
      const parsed = parse(scenario);
      if (!parsed.ok) return { ok: false, issues: parsed.issues };
      stepper = new Stepper(parsed.scenario, variantIndex, replication);
      return { ok: true, info: stepper.info };
    },
    async stepTo(day, onProgress) {
      if (stepper === null) return { ok: false, error: 'no replication is open to step through' };
      const open = stepper;
      const every = Math.max(1, Math.floor(open.info.days / 50));
      const log: DayLog[] = [];
      let last: StepDay | null = null;
      open.stepTo(day, (step) => {
        last = step;
        log.push({ day: step.day, warmup: step.warmup, happenings: step.happenings });
        if (log.length > STEP_LOG_DAYS) log.shift();
        // progress crosses to the page without being awaited: the days run in one go
        if (onProgress && step.day % every === 0) void onProgress(step.day);
      });
      const result = open.runResult();
      const kpis = result && { network: result.network.kpis, stockPoints: result.stockPoints.map((point) => ({ node: point.node, product: point.product, kpis: point.kpis })) };
      return { ok: true, log, last, over: open.over, kpis };
    },
    async warningsOf(scenario) {
      const parsed = parse(scenario);
      if (!parsed.ok) return { ok: false, issues: parsed.issues };
      if (cached!.warnings === undefined) cached!.warnings = experimentWarnings(parsed.scenario);
      return { ok: true, warnings: cached!.warnings };
    },
    async theory(scenario) {
      const parsed = parseScenario(scenario);
      return parsed.ok ? { ok: true, theory: theoryOf(parsed.scenario) } : { ok: false, issues: parsed.issues };
    },
    async previewImport(file, mapping, sheet) {
      try {
        return { ok: true, preview: previewTable(await tableOf(file, sheet), file.name, mapping) };
      } catch (error) {
        return importFailure(error);
      }
    },
    async importData(demand, master, options, onProgress, locations) {
      const { replay, ...rest } = options;
      const file = (data: ImportFileData) => ({ name: data.name, bytes: new Uint8Array(data.bytes) });
      try {
        const demandTable = await tableOf(demand, options.sheet);
        const result = await importFiles(
          file(demand),
          master && file(master),
          {
            ...rest,
            demandTable,
            replay: new Set(replay ?? []),
            onProgress: onProgress && ((step) => void onProgress(step)),
          },
          locations && file(locations),
        );
        lastSummaries = result.summaries;
        return { ok: true, result };
      } catch (error) {
        return importFailure(error);
      }
    },
    async importCounts() {
      if (!lastSummaries) return { ok: false, error: 'no file imported yet' };
      return { ok: true, counts: lastSummaries.map(({ sku, location, history }) => ({ sku, location, values: history.values, days: history.days })) };
    },
  };
}

/** FNV-1a over a file's bytes: tells a file from another of the same name and size. */
function checksum(buffer: ArrayBuffer): number {
  const bytes = new Uint8Array(buffer);
  let hash = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) hash = Math.imul(hash ^ bytes[i], 0x01000193);
  return hash >>> 0;
}

/** A file that cannot be read (ImportError) in its own words, with its facts when it has them; anything else is a bug, said as such. */
function importFailure(error: unknown): ImportFailure {
  if (error instanceof ImportError) return { ok: false, error: error.message, ...(error.detail ? { errorFacts: { file: error.file, problem: error.detail } } : {}) };
  return { ok: false, error: `the import failed (a bug in Stocklab): ${error instanceof Error ? error.message : String(error)}` };
}
