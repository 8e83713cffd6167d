import * as Comlink from 'comlink';
import type { Task } from '../experiment/replicate.ts';
import type { RunResult } from '../experiment/run.ts';
import type { ScenarioIssue } from '../scenario/parse.ts';
import type { RunTasksRequest, RunTasksResponse } from './api.ts';

/**
 * What the pool needs of an endpoint: `SimApi.runTasks`, as a comlink `Remote<SimApi>` exposes it (a
 * Web Worker or a Node worker thread) or as a `createSimApi()` object does when called directly (tests,
 * single-threaded hosts). Both fit: `Remote<SimApi>` returns `Promise<ok> | Promise<not ok>`, hence
 * `PromiseLike` of the union here.
 */
export interface SimEndpoint {
  runTasks(request: RunTasksRequest, onTaskDone?: (done: number) => void): PromiseLike<RunTasksResponse>;
}

export interface PoolRequest {
  /** the scenario as data; every endpoint validates it again */
  scenario: unknown;
  /** the tasks to run, in canonical order (`tasksOf`) */
  tasks: Task[];
  /** record daily series (default true) */
  series?: boolean;
  /** keep each stock point's KPIs (default true) */
  stockPoints?: boolean;
}

export interface PoolOptions {
  /** called after each task finishes, on any endpoint, with (done, total) */
  onProgress?(done: number, total: number): void;
  /**
   * Called with each batch's results as they come back, for a caller that may stop the endpoints
   * abruptly (terminate its workers) and still wants to keep what finished.
   */
  onResults?(results: RunResult[]): void;
  /** polled before each hand-out; once true, no more tasks are handed out and what finished is kept */
  isCancelled?(): boolean;
  /**
   * Upper bound on tasks sent in one call (default 4). Each call carries the scenario and parses it
   * again, so small tasks are batched; batches shrink towards the end so endpoints finish together.
   */
  maxBatch?: number;
}

export type PoolResponse =
  | { ok: true; results: RunResult[]; complete: boolean }
  | { ok: false; issues: ScenarioIssue[] };

/**
 * Runs `request.tasks` over the endpoints, handing tasks out dynamically: each endpoint takes the next
 * batch as soon as it returns the previous one (guided self-scheduling: a batch is about a quarter
 * of an endpoint's fair share of what is left, at least one task, at most `maxBatch`).
 *
 * Results come back in task order (the caller merges them with `summarize`, which sorts them too), so
 * the merged experiment is the same bytes whatever the number of endpoints. On cancellation, calls in
 * flight are awaited and kept; `complete` is false when any task did not run. An invalid scenario
 * comes back as `{ ok: false, issues }`; an endpoint that throws (a broken invariant, a dead worker)
 * rejects the returned promise.
 */
export async function runOnPool(endpoints: ReadonlyArray<SimEndpoint>, request: PoolRequest, options: PoolOptions = {}): Promise<PoolResponse> {
  if (endpoints.length === 0) throw new Error('runOnPool: no endpoints to run on');
  const total = request.tasks.length;
  const maxBatch = Math.max(1, Math.floor(options.maxBatch ?? 4));
  const byTask: (RunResult | undefined)[] = new Array(total);
  let next = 0;
  let done = 0;
  let issues: ScenarioIssue[] | null = null;
  let failed = false;

  const takeBatch = (): { start: number; tasks: Task[] } | null => {
    if (failed || issues !== null || next >= total || options.isCancelled?.()) return null;
    const fairShare = (total - next) / endpoints.length;
    const size = Math.min(maxBatch, Math.max(1, Math.floor(fairShare / 4)), total - next);
    const start = next;
    next += size;
    return { start, tasks: request.tasks.slice(start, start + size) };
  };

  const drive = async (endpoint: SimEndpoint): Promise<void> => {
    for (let batch = takeBatch(); batch !== null; batch = takeBatch()) {
      let reported = 0;
      let settled = false;
      const onTaskDone = Comlink.proxy((doneInCall: number) => {
        if (settled || doneInCall <= reported) return;
        done += doneInCall - reported;
        reported = doneInCall;
        options.onProgress?.(done, total);
      });
      let response;
      try {
        response = await endpoint.runTasks({ scenario: request.scenario, tasks: batch.tasks, series: request.series, stockPoints: request.stockPoints }, onTaskDone);
      } catch (error) {
        failed = true;
        throw error;
      } finally {
        settled = true;
      }
      if (!response.ok) {
        issues ??= response.issues;
        return;
      }
      if (response.results.length !== batch.tasks.length) {
        failed = true;
        throw new Error(`runOnPool: an endpoint returned ${response.results.length} results for ${batch.tasks.length} tasks`);
      }
      response.results.forEach((result, i) => (byTask[batch.start + i] = result));
      options.onResults?.(response.results);
      // progress callbacks may be lost or late across a boundary; the returned batch is the truth
      if (reported < batch.tasks.length) {
        done += batch.tasks.length - reported;
        options.onProgress?.(done, total);
      }
    }
  };

  await Promise.all(endpoints.map(drive));
  if (issues !== null) return { ok: false, issues };
  const results = byTask.filter((result): result is RunResult => result !== undefined);
  return { ok: true, results, complete: results.length === total };
}
