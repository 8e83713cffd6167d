import { wrap, type Remote } from 'comlink';
import type { SimApi } from '../../src/worker/api.ts';
import type { RunResult, RunSeries } from '../../src/experiment/run.ts';
import { summarize, tasksOf, type ExperimentResult, type Task } from '../../src/experiment/replicate.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import type { ScenarioIssue } from '../../src/scenario/issues.ts';
import { runOnPool } from '../../src/worker/index.ts';
import { checkTheory, type ScenarioTheory, type TheoryCheck } from '../../src/experiment/theory.ts';
import type { RangeReason } from '../../src/theory/range.ts';
import { checkRunBudget, type BudgetOptions } from '../../src/experiment/runBudget.ts';
import { app, workerStrings } from '../i18n/strings.ts';
import { compareVariants, headlineFor, type VariantComparison } from '../../src/experiment/compare.ts';
import { warningText, type ModelWarning } from '../../src/model/warnings.ts';

/** A theory scenario's comparisons, beside the simulated KPIs (src/experiment/theory.ts). */
export interface TheoryView {
  model: string;
  source: string;
  checks: TheoryCheck[];
  /** the variants whose closed form lies outside the analytic model's range, and why in words and as facts (for the page's language) */
  outsideRange: { variant: string; message: string; reason: RangeReason | null }[];
}

/**
 * Why the page refuses to run a scenario as too large for a tab (src/experiment/runBudget.ts): issues
 * at the fields that drive the figures, empty when it fits. Arithmetic on the scenario, cheap enough
 * for the page and the editor's checks as you type. `options`: what runs besides the scenario's own
 * settings (a precision run's cap).
 */
export function runBudgetIssues(scenario: Scenario, options: BudgetOptions = {}): ScenarioIssue[] {
  // details: each refusal's facts, so the editor words it in the page's language (web/i18n sentences)
  return checkRunBudget(scenario, { ...options, beyond: app.budgetBeyond, details: true });
}

/** A scenario's closed forms under way in a worker of their own (see startTheory). */
export interface TheoryJob {
  /** the theory, or null when the scenario names none (or the job was stopped or failed) */
  result: Promise<ScenarioTheory | null>;
  /** terminates the worker (a no-op once it is done) */
  stop(): void;
}

/**
 * Computes the closed forms of a scenario's theory model in a Web Worker of its own, beside the run:
 * nothing of the analytic library runs on the page, so Cancel can always act. A scenario that names
 * no model starts no worker.
 */
export function startTheory(scenario: Scenario): TheoryJob {
  if (!scenario.theory) return { result: Promise.resolve(null), stop() {} };
  const worker = new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module' });
  let settle: (theory: ScenarioTheory | null) => void = () => {};
  const result = new Promise<ScenarioTheory | null>((resolve) => (settle = resolve));
  worker.addEventListener('error', () => settle(null), { once: true });
  wrap<SimApi>(worker)
    .theory(scenario)
    .then((response) => settle(response.ok ? response.theory : null), () => settle(null))
    .finally(() => worker.terminate());
  return {
    result,
    stop() {
      worker.terminate();
      settle(null);
    },
  };
}

/** One replication's daily series (null: the scenario records none), or why there are none. */
export type OneReplicationOutcome = { ok: true; series: RunSeries | null } | { ok: false; error: string };

/**
 * Replication `replication` (0-based) of variant `variantIndex` run again in a Web Worker of its own
 * (SimApi.runOneReplication): the same seed as in the experiment, so the same days, for the inventory
 * chart's single view. The worker is terminated when it answers, or at once on `signal`'s abort
 * (the outcome then says so; the caller has moved on).
 */
export async function runOneReplication(scenario: Scenario, variantIndex: number, replication: number, signal?: AbortSignal): Promise<OneReplicationOutcome> {
  const worker = new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module' });
  const stopped = new Promise<OneReplicationOutcome>((resolve) => {
    worker.addEventListener('error', (event) => resolve({ ok: false, error: workerFailure(event.message) }), { once: true });
    worker.addEventListener('messageerror', () => resolve({ ok: false, error: workerStrings.unreadable }), { once: true });
    if (signal?.aborted) resolve({ ok: false, error: workerStrings.stopped });
    else signal?.addEventListener('abort', () => resolve({ ok: false, error: workerStrings.stopped }), { once: true });
  });
  const call = wrap<SimApi>(worker)
    .runOneReplication(scenario, variantIndex, replication)
    .then(
      (response): OneReplicationOutcome => (response.ok ? response : { ok: false, error: response.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ') }),
      (error: unknown): OneReplicationOutcome => ({ ok: false, error: workerFailure(error instanceof Error ? error.message : String(error)) }),
    );
  try {
    return await Promise.race([call, stopped]);
  } finally {
    worker.terminate();
  }
}

export type RunOutcome =
  /** `warnings`: the result's modelling warnings as facts, for the page to word (the English in `result.warnings`) */
  | { ok: true; result: ExperimentResult; theory: TheoryView | null; comparisons: VariantComparison[]; warnings: ModelWarning[] }
  | { ok: false; issues: ScenarioIssue[] }
  | { ok: false; error: string };

/** What a batch of tasks gave: the runs back (all of them when `complete`), or why none can be. */
export type TasksOutcome = { ok: true; results: RunResult[]; complete: boolean } | { ok: false; issues: ScenarioIssue[] } | { ok: false; error: string };

/**
 * A pool of Web Workers, one per core and at most one per task to come. `run` may be called again
 * (one batch at a time: a precision run's rounds use the same workers); `close` terminates them.
 */
export interface WorkerPool {
  /**
   * Runs the tasks of a scenario through the engine's worker pool (src/worker/pool.ts), one task per
   * call, so a cancel loses at most the runs under way: on `signal`'s abort it returns at once with
   * the runs already back (`complete` false); the caller then closes the pool.
   */
  run(scenario: Scenario, tasks: Task[], onProgress: (done: number, total: number) => void, signal: AbortSignal): Promise<TasksOutcome>;
  /**
   * The scenario's modelling warnings as facts (SimApi.warningsOf), asked of the first worker: called
   * before `run`, it is answered before that worker's first run (it builds each variant without
   * running it). Null when the worker cannot say (it failed, or the pool was closed first).
   */
  warnings(scenario: Scenario): Promise<ModelWarning[] | null>;
  close(): void;
}

/**
 * Starts a worker per core, at most one per task to come, or one per core whatever the tasks when
 * `mayFallApart`: a network of several stock points may run a replication as its independent parts on
 * every worker (src/experiment/parts.ts, src/worker/pool.ts), with the same bytes.
 */
export function openWorkerPool(tasks: number, mayFallApart = false): WorkerPool {
  const cores = navigator.hardwareConcurrency || 2;
  const size = Math.max(1, Math.min(cores, mayFallApart ? Math.max(tasks, cores) : tasks));
  const workers = Array.from({ length: size }, () => new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module' }));
  const endpoints: Remote<SimApi>[] = workers.map((worker) => wrap<SimApi>(worker));
  // a call still waiting when the pool closes gets no answer from a terminated worker: it settles here
  let closeNow: () => void = () => {};
  const closed = new Promise<null>((resolve) => (closeNow = () => resolve(null)));
  // a worker that fails to start or crashes outside a call reports here, not through comlink; a result
  // that cannot be read back is a failure too, not a call waiting forever
  const crashed = new Promise<{ ok: false; error: string }>((resolve) => {
    for (const worker of workers) {
      worker.addEventListener('error', (event) => resolve({ ok: false, error: workerFailure(event.message) }), { once: true });
      worker.addEventListener('messageerror', () => resolve({ ok: false, error: workerStrings.unreadable }), { once: true });
    }
  });
  return {
    async run(scenario, tasks, onProgress, signal) {
      const finished: RunResult[] = [];
      const cancelled = new Promise<null>((resolve) => {
        if (signal.aborted) resolve(null);
        else signal.addEventListener('abort', () => resolve(null), { once: true });
      });
      try {
        const pool = runOnPool(endpoints, { scenario, parsed: scenario, tasks }, { maxBatch: 1, onProgress, onResults: (results) => finished.push(...results), isCancelled: () => signal.aborted });
        const outcome = await Promise.race([pool, cancelled, crashed]);
        if (outcome !== null && !outcome.ok) return 'issues' in outcome ? { ok: false, issues: outcome.issues } : outcome;
        return { ok: true, results: finished, complete: outcome !== null && outcome.complete };
      } catch (error) {
        return { ok: false, error: workerFailure(error instanceof Error ? error.message : String(error)) };
      }
    },
    warnings(scenario) {
      const answer = endpoints[0].warningsOf(scenario).then(
        (response) => (response.ok ? response.warnings : null),
        () => null,
      );
      return Promise.race([answer, crashed.then(() => null), closed]);
    },
    close() {
      closeNow();
      workers.forEach((worker) => worker.terminate());
    },
  };
}

/** The stock points a scenario's entries make (each entry: its nodes times its products). */
function stockPointCount(scenario: Scenario): number {
  const count = (ids: string | string[]) => (Array.isArray(ids) ? ids.length : 1);
  return scenario.stockPoints.reduce((sum, entry) => sum + count(entry.node) * count(entry.product), 0);
}

/**
 * A worker's failure in words. Running out of memory reaches the page as a RangeError from the engine
 * (an array buffer the browser would not allocate) or, in some browsers, as an error event saying "out
 * of memory": either says what to change. A Web Worker's heap cannot be limited from the page, and in
 * Chromium a worker whose JavaScript heap runs out takes the whole tab down; what can be caught is.
 */
export function workerFailure(message: string | undefined): string {
  const text = (message ?? '').replace(/^Uncaught\s+/, '').trim();
  if (text === '') return workerStrings.stopped;
  if (/allocation failed|out of memory|invalid (typed )?array length|invalid string length/i.test(text)) return workerStrings.outOfMemory(text.replace(/^RangeError:\s*/, ''));
  return text;
}

/**
 * Runs a validated scenario on a pool of Web Workers, one per core and at most one per run (a run is
 * one replication of one variant), through the engine's worker pool: the same tasks, seeds and merge
 * as the CLI, so the results are the CLI's. The main thread simulates nothing.
 *
 * Cancelling terminates the workers at once and keeps the replications already back. An error in a
 * worker comes back as a readable message. A new pool is made for each run, so a cancelled or failed
 * run leaves nothing behind and the next run starts clean. With `warnings`, the run's modelling
 * warnings come with it as facts (SimApi.warningsOf). With `theory`, the closed forms of the
 * scenario's model are computed meanwhile in a worker of their own (startTheory), never on the page.
 */
export async function runScenario(
  scenario: Scenario,
  onProgress: (done: number, total: number) => void,
  signal: AbortSignal,
  options: { theory?: boolean; warnings?: boolean } = {},
): Promise<RunOutcome> {
  const tasks = tasksOf(scenario);
  const pool = openWorkerPool(tasks.length, stockPointCount(scenario) > 1);
  // the closed forms only where they are shown (Run); a sweep's grid or a sensitivity run has no use for them
  const theory: TheoryJob = options.theory ? startTheory(scenario) : { result: Promise.resolve(null), stop() {} };
  // only where they are shown (Run): asked first, so the first worker answers before its first run; a
  // sweep's grid or a recommendation's rungs would have it build every variant first for nothing
  const warnings = options.warnings ? pool.warnings(scenario) : Promise.resolve(null);
  try {
    const outcome = await pool.run(scenario, tasks, onProgress, signal);
    if (!outcome.ok) return outcome;
    return await viewOf(scenario, summarize(scenario, outcome.results, outcome.complete), theory, signal, warnings);
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  } finally {
    pool.close();
    theory.stop();
  }
}

/**
 * A result with what the dashboard shows beside it: the theory's values (from `theory`'s worker; none
 * once `signal` is aborted, rather than wait for it), the variants compared, and the result's modelling
 * warnings as facts (from `warnings`, the pool's `warnings`; none once aborted unless already there).
 */
export async function viewOf(scenario: Scenario, result: ExperimentResult, theory: TheoryJob, signal: AbortSignal, warnings: Promise<ModelWarning[] | null>): Promise<RunOutcome & { ok: true }> {
  const aborted = new Promise<null>((resolve) => {
    if (signal.aborted) resolve(null);
    else signal.addEventListener('abort', () => resolve(null), { once: true });
  });
  // the facts first: already answered, they win the race even after a cancel
  const facts = await Promise.race([warnings, aborted]);
  const computed = await Promise.race([theory.result, aborted]);
  return { ok: true, result, theory: theoryView(scenario, result, computed), comparisons: comparisonsOf(scenario, result), warnings: warningsOfResult(result, facts ?? []) };
}

/**
 * The facts of the warnings the result holds, in its order: each of `result.warnings` is the
 * warningText of one fact. A run cancelled before its first whole replication holds none, so shows none.
 */
export function warningsOfResult(result: ExperimentResult, facts: ReadonlyArray<ModelWarning>): ModelWarning[] {
  const byText = new Map(facts.map((fact) => [warningText(fact), fact]));
  return result.warnings.flatMap((text) => byText.get(text) ?? []);
}

/** The closed-form values of the scenario's theory model checked against the result (cheap arithmetic). */
function theoryView(scenario: Scenario, result: ExperimentResult, theory: ScenarioTheory | null): TheoryView | null {
  if (!theory?.ok || result.replications === 0) return null;
  return {
    model: theory.model,
    source: theory.source,
    // details: each note's facts, so the table words it in the page's language (web/i18n sentences)
    checks: checkTheory(theory, result, scenario.horizonDays - scenario.warmupDays, { details: true }),
    outsideRange: theory.variants
      .filter((variant) => variant.outsideRange !== null)
      .map((variant) => ({ variant: variant.variant, message: variant.outsideRange!, reason: variant.outsideRangeReason ?? null })),
  };
}

/**
 * A comparison as the page shows it: the engine's, with the scenario's currency, so the page can word
 * it in its own language (web/i18n/strings.ts sentences). The engine's comparison leaves the currency
 * out, as the CLI's JSON always has.
 */
export type ShownComparison = VariantComparison & { currency: string };

/** Every variant against the first, on common random numbers (src/experiment/compare.ts); none for one variant. */
function comparisonsOf(scenario: Scenario, result: ExperimentResult): ShownComparison[] {
  if (result.variants.length < 2 || result.replications < 2) return [];
  const comparisons = compareVariants(result, { windowDays: scenario.horizonDays - scenario.warmupDays, currency: scenario.currency, baseline: result.variants[0].id, headline: headlineFor(scenario) });
  return comparisons.map((comparison) => ({ ...comparison, currency: scenario.currency }));
}
