import { wrap, type Remote } from 'comlink';
import type { SimApi } from '../../src/worker/api.ts';
import type { RunResult } from '../../src/experiment/run.ts';
import { summarize, tasksOf, type ExperimentResult } from '../../src/experiment/replicate.ts';
import { parseScenario } from '../../src/scenario/parse.ts';
import type { ScenarioIssue } from '../../src/scenario/issues.ts';
import { runOnPool } from '../../src/worker/pool.ts';

export type RunOutcome = { ok: true; result: ExperimentResult } | { ok: false; issues: ScenarioIssue[] };

export interface RunSettings {
  replications?: number;
  seed?: string | number;
  /** reads a file the scenario refers to (a CSV demand history), by its path as written */
  readFile?: (path: string) => string;
}

/**
 * Runs a scenario on a pool of Web Workers, one per core (at most one per replication task), through
 * the engine's worker pool. Cancelling terminates the workers at once and keeps the replications
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
  const finished: RunResult[] = [];
  const cancelled = new Promise<null>((resolve) => signal.addEventListener('abort', () => resolve(null), { once: true }));
  try {
    // one task per call, so a cancel loses at most the replications under way
    const pool = runOnPool(endpoints, { scenario, tasks }, { maxBatch: 1, onProgress, onResults: (results) => finished.push(...results), isCancelled: () => signal.aborted });
    const outcome = await Promise.race([pool, cancelled]);
    if (outcome !== null && !outcome.ok) return outcome;
    return { ok: true, result: summarize(scenario, finished, outcome !== null && outcome.complete) };
  } finally {
    workers.forEach((worker) => worker.terminate());
  }
}
