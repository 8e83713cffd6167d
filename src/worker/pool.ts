import * as Comlink from 'comlink';
import type { Task } from '../experiment/replicate.ts';
import type { RunResult } from '../experiment/run.ts';
import type { ScenarioIssue } from '../scenario/parse.ts';
import type { MergePartsResponse, PartsRequest, PartsResponse, RunPartsRequest, RunPartsResponse, RunTasksRequest, RunTasksResponse, RunVariantsRequest, SharingResponse } from './api.ts';
import { chunkPlan, mergeParts, planParts, type PartPlan, type PartRun } from '../experiment/parts.ts';
import type { Scenario } from '../scenario/schema.ts';

/**
 * What the pool needs of an endpoint: `SimApi.runTasks`, as a comlink `Remote<SimApi>` exposes it (a
 * Web Worker or a Node worker thread) or as a `createSimApi()` object does when called directly (tests,
 * single-threaded hosts). Both fit: `Remote<SimApi>` returns `Promise<ok> | Promise<not ok>`, hence
 * `PromiseLike` of the union here.
 */
export interface SimEndpoint {
  runTasks(request: RunTasksRequest, onTaskDone?: (done: number) => void): PromiseLike<RunTasksResponse>;
  /** independent parts (SimApi): an endpoint without them always runs whole replications */
  partsOf?(request: PartsRequest): PromiseLike<PartsResponse>;
  runParts?(request: RunPartsRequest, onPartDone?: (done: number) => void): PromiseLike<RunPartsResponse>;
  mergeParts?(request: PartsRequest & { replication: number; runs: PartRun[]; series?: boolean; stockPoints?: boolean }): PromiseLike<MergePartsResponse>;
  /** variants sharing the common stock points' run (SimApi) */
  sharingOf?(scenario: unknown): PromiseLike<SharingResponse>;
  runVariants?(request: RunVariantsRequest, onVariantDone?: (done: number) => void): PromiseLike<RunTasksResponse>;
}

export interface PoolRequest {
  /** the scenario as data; every endpoint validates it again */
  scenario: unknown;
  /**
   * the same scenario, validated, when the caller has it: a replication run as its independent parts
   * is then merged here, rather than its parts' results sent to a worker and the merge sent back (two
   * copies of a thousand stock points' figures across the boundary, a sixth of the replication's time)
   */
  parsed?: Scenario;
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
   * Spread a replication over several endpoints as its independent parts when there are fewer tasks
   * than endpoints (default true; the result is the same bytes either way, src/experiment/parts.ts).
   */
  parts?: boolean;
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
  const variantCount = new Set(request.tasks.map((task) => task.variant)).size;
  if ((options.parts ?? true) && variantCount > 1 && endpoints.every((endpoint) => endpoint.sharingOf && endpoint.runVariants)) {
    const shared = await runSharing(endpoints, request, options);
    if (shared !== null) return shared;
  }
  if ((options.parts ?? true) && request.tasks.length > 0 && request.tasks.length < endpoints.length && endpoints.every((endpoint) => endpoint.partsOf && endpoint.runParts && endpoint.mergeParts)) {
    const apart = await runApart(endpoints, request, options);
    if (apart !== null) return apart;
  }
  const total = request.tasks.length;
  const maxBatch = Math.max(1, Math.floor(options.maxBatch ?? 4));
  let next = 0;
  const takeBatch = (): number[] | null => {
    if (next >= total) return null;
    const fairShare = (total - next) / endpoints.length;
    const size = Math.min(maxBatch, Math.max(1, Math.floor(fairShare / 4)), total - next);
    const start = next;
    next += size;
    return Array.from({ length: size }, (_, i) => start + i);
  };
  return handOut(endpoints, total, options, takeBatch, (endpoint, tasks, onTaskDone) =>
    endpoint.runTasks({ scenario: request.scenario, tasks: tasks.map((t) => request.tasks[t]), series: request.series, stockPoints: request.stockPoints }, onTaskDone),
  );
}

/**
 * Hands units of tasks out to the endpoints, each taking the next unit (`take`, the indexes of its
 * tasks; null when none is left) as soon as it returns the previous one, and `call`s it there with a
 * progress callback. Results are kept by task index, so they come back in task order whatever the
 * endpoints and the order they finish in. Stops handing out on cancellation, on an invalid scenario
 * (`{ ok: false, issues }`) or when an endpoint throws (the returned promise rejects); calls in flight
 * are awaited and kept.
 */
async function handOut(
  endpoints: ReadonlyArray<SimEndpoint>,
  total: number,
  options: PoolOptions,
  take: () => number[] | null,
  call: (endpoint: SimEndpoint, tasks: number[], onTaskDone: (done: number) => void) => PromiseLike<RunTasksResponse>,
): Promise<PoolResponse> {
  const byTask: (RunResult | undefined)[] = new Array(total);
  let done = 0;
  let issues: ScenarioIssue[] | null = null;
  let failed = false;
  const takeUnit = () => (failed || issues !== null || options.isCancelled?.() ? null : take());

  const drive = async (endpoint: SimEndpoint): Promise<void> => {
    for (let tasks = takeUnit(); tasks !== null; tasks = takeUnit()) {
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
        response = await call(endpoint, tasks, onTaskDone);
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
      if (response.results.length !== tasks.length) {
        failed = true;
        throw new Error(`runOnPool: an endpoint returned ${response.results.length} results for ${tasks.length} tasks`);
      }
      response.results.forEach((result, i) => (byTask[tasks[i]] = result));
      options.onResults?.(response.results);
      // progress callbacks may be lost or late across a boundary; the returned results are the truth
      if (reported < tasks.length) {
        done += tasks.length - reported;
        options.onProgress?.(done, total);
      }
    }
  };

  await Promise.all(endpoints.map(drive));
  if (issues !== null) return { ok: false, issues };
  const results = byTask.filter((result): result is RunResult => result !== undefined);
  return { ok: true, results, complete: results.length === total };
}

/** One unit of work when replications run as parts: part `part` of task `task` (-1: the whole task). */
interface Unit {
  task: number;
  part: number;
}

/**
 * Fewer tasks than endpoints (one replication of a large network): each task's replication runs as
 * chunks of its independent parts, a chunk per call, over every endpoint; the endpoint that returns a
 * task's last chunk merges them (SimApi.mergeParts), so the result is the bytes of the whole run.
 * Null when no task falls apart (then the caller runs whole tasks). Progress counts tasks, a task's
 * finished chunks counting as the same fraction of it.
 */
async function runApart(endpoints: ReadonlyArray<SimEndpoint>, request: PoolRequest, options: PoolOptions): Promise<PoolResponse | null> {
  const total = request.tasks.length;
  // about two chunks per endpoint overall, so one that is slower does not hold the rest back
  const chunks = Math.max(2, Math.ceil((2 * endpoints.length) / total));
  const first = endpoints[0];
  const counts: number[] = [];
  for (const task of request.tasks) {
    const planned = await first.partsOf!({ scenario: request.scenario, variant: task.variant, chunks });
    if (!planned.ok) return { ok: false, issues: planned.issues };
    counts.push(planned.apart ? planned.count : 0);
  }
  if (counts.every((count) => count === 0)) return null;

  const units: Unit[] = request.tasks.flatMap((_, task) => (counts[task] === 0 ? [{ task, part: -1 }] : Array.from({ length: counts[task] }, (_, part) => ({ task, part }))));
  const runsOf: PartRun[][] = request.tasks.map(() => []);
  const byTask: (RunResult | undefined)[] = new Array(total);
  let next = 0;
  let failed = false;
  let issues: ScenarioIssue[] | null = null;
  // tasks finished, plus each unfinished task's chunks run (its last counts once merged)
  const progress = () => {
    let done = 0;
    request.tasks.forEach((_, t) => {
      if (byTask[t] !== undefined) done++;
      else if (counts[t] > 0) done += Math.min(runsOf[t].length, counts[t] - 1) / counts[t];
    });
    options.onProgress?.(done, total);
  };

  // with the scenario at hand, each task's plan, the same as the endpoints' (planned from the same
  // scenario, chunked alike), made here while the endpoints run their first chunks
  const plans: (PartPlan | undefined)[] = [];
  const planOf = (t: number) => (plans[t] ??= chunkPlan(planParts(request.parsed!, request.tasks[t].variant), chunks));

  const drive = async (endpoint: SimEndpoint): Promise<void> => {
    while (!failed && issues === null && next < units.length && !options.isCancelled?.()) {
      const unit = units[next++];
      const task = request.tasks[unit.task];
      try {
        if (unit.part < 0) {
          const response = await endpoint.runTasks({ scenario: request.scenario, tasks: [task], series: request.series, stockPoints: request.stockPoints });
          if (!response.ok) {
            issues ??= response.issues;
            return;
          }
          byTask[unit.task] = response.results[0];
          options.onResults?.(response.results);
          progress();
          continue;
        }
        const ran = await endpoint.runParts!({ scenario: request.scenario, variant: task.variant, chunks, replication: task.replication, parts: [unit.part], series: request.series });
        if (!ran.ok) {
          issues ??= ran.issues;
          return;
        }
        runsOf[unit.task].push(...ran.runs);
        progress();
        if (runsOf[unit.task].length < counts[unit.task]) continue;
        let result: RunResult;
        if (request.parsed !== undefined) {
          result = mergeParts(request.parsed, task.variant, planOf(unit.task), runsOf[unit.task], { series: request.series ?? true, stockPoints: request.stockPoints ?? true });
        } else {
          const merged = await endpoint.mergeParts!({ scenario: request.scenario, variant: task.variant, chunks, replication: task.replication, runs: runsOf[unit.task], series: request.series, stockPoints: request.stockPoints });
          if (!merged.ok) {
            issues ??= merged.issues;
            return;
          }
          result = merged.result;
        }
        byTask[unit.task] = result;
        runsOf[unit.task] = [];
        options.onResults?.([result]);
        progress();
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };

  const running = endpoints.map(drive);
  if (request.parsed !== undefined) counts.forEach((count, t) => count > 0 && planOf(t));
  await Promise.all(running);
  if (issues !== null) return { ok: false, issues };
  const results = byTask.filter((result): result is RunResult => result !== undefined);
  return { ok: true, results, complete: results.length === total };
}

/**
 * Variants that give most stock points the same policies (a sweep of one SKU): each replication's
 * variants run in a few batches, each batch running the common stock points once and each variant's
 * own ones (SimApi.runVariants, src/experiment/sharedParts.ts), with the bytes of the whole runs.
 * Batches: at least two per endpoint over the experiment, so the endpoints finish together; a batch
 * re-runs the common stock points, so they are no smaller than that needs. Null when the variants
 * share nothing.
 */
async function runSharing(endpoints: ReadonlyArray<SimEndpoint>, request: PoolRequest, options: PoolOptions): Promise<PoolResponse | null> {
  const planned = await endpoints[0].sharingOf!(request.scenario);
  if (!planned.ok) return { ok: false, issues: planned.issues };
  if (!planned.applies) return null;
  const total = request.tasks.length;
  const byReplication = new Map<number, number[]>();
  request.tasks.forEach((task, index) => {
    const list = byReplication.get(task.replication) ?? [];
    list.push(index);
    byReplication.set(task.replication, list);
  });
  const perReplication = Math.max(1, Math.ceil((2 * endpoints.length) / byReplication.size));
  const units: { replication: number; tasks: number[] }[] = [];
  for (const [replication, tasks] of byReplication) {
    const size = Math.ceil(tasks.length / perReplication);
    for (let start = 0; start < tasks.length; start += size) units.push({ replication, tasks: tasks.slice(start, start + size) });
  }
  let next = 0;
  const replicationOf = new Map(units.map((unit) => [unit.tasks, unit.replication]));
  return handOut(
    endpoints,
    total,
    options,
    () => (next < units.length ? units[next++].tasks : null),
    (endpoint, tasks, onVariantDone) =>
      endpoint.runVariants!(
        { scenario: request.scenario, replication: replicationOf.get(tasks)!, variants: tasks.map((t) => request.tasks[t].variant), series: request.series, stockPoints: request.stockPoints },
        onVariantDone,
      ),
  );
}
