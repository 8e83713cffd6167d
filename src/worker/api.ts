import { parseScenario, type ScenarioIssue } from '../scenario/parse.ts';
import { runReplication, type RunResult } from '../experiment/run.ts';
import type { Task } from '../experiment/replicate.ts';
import { theoryOf, type ScenarioTheory } from '../experiment/theory.ts';

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
}

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
  };
}
