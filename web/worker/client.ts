import { wrap, proxy, type Remote } from 'comlink';
import type { SimApi } from '../../src/worker/api.ts';
import type { RunResult } from '../../src/experiment/run.ts';
import { summarize, tasksOf, type ExperimentResult } from '../../src/experiment/replicate.ts';
import { parseScenario } from '../../src/scenario/parse.ts';
import type { ScenarioIssue } from '../../src/scenario/issues.ts';

export type RunOutcome = { ok: true; result: ExperimentResult } | { ok: false; issues: ScenarioIssue[] };

export interface RunSettings {
  replications?: number;
  seed?: string | number;
  /** reads a file the scenario refers to (a CSV demand history), by its path as written */
  readFile?: (path: string) => string;
}

/**
 * Runs a scenario on a pool of Web Workers, one per core (at most one per replication task). Tasks
 * are handed out one at a time; cancelling terminates the workers at once and keeps the replications
 * already back. A new pool is made for each run, so a cancelled or failed run leaves nothing behind.
 */
export async function runScenario(
  data: unknown,
  settings: RunSettings,
  onProgress: (done: number, total: number) => void,
  signal: AbortSignal,
): Promise<RunOutcome> {
  const parsed = parseScenario(data, { readFile: settings.readFile });
  if (!parsed.ok) return parsed;
  const scenario = { ...parsed.scenario, ...(settings.seed !== undefined ? { seed: settings.seed } : {}) };
  const tasks = tasksOf(scenario, settings.replications ?? scenario.replications);
  const size = Math.max(1, Math.min(navigator.hardwareConcurrency || 2, tasks.length));
  const workers = Array.from({ length: size }, () => new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module' }));
  const endpoints: Remote<SimApi>[] = workers.map((worker) => wrap<SimApi>(worker));
  const results: RunResult[] = [];
  let next = 0;
  let issues: ScenarioIssue[] | null = null;
  const cancelled = new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
  const lane = async (endpoint: Remote<SimApi>) => {
    while (next < tasks.length && !signal.aborted && issues === null) {
      const task = tasks[next++];
      const response = await endpoint.runTasks({ scenario, tasks: [task] }, proxy(() => {}));
      if (!response.ok) {
        issues = response.issues;
        return;
      }
      results.push(...response.results);
      onProgress(results.length, tasks.length);
    }
  };
  try {
    await Promise.race([Promise.all(endpoints.map(lane)), cancelled]);
  } finally {
    workers.forEach((worker) => worker.terminate());
  }
  if (issues !== null) return { ok: false, issues };
  return { ok: true, result: summarize(scenario, results, results.length === tasks.length) };
}
