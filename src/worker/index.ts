/**
 * `stocklab/worker`: the engine behind a worker boundary, and the pool that spreads an experiment's
 * replications over several workers. The results are the same bytes whatever the number of workers
 * (they are merged in replication order), and the same as `runExperiment` in one thread.
 *
 * This entry runs anywhere (browser, Web Worker, Node). In Node, `stocklab/worker` also gives the
 * worker-thread pool the command line uses (`startThreadPool`, `runExperimentOnThreads`: see
 * src/worker/node/index.ts). In a browser, a Web Worker exposes the engine with comlink, as the web
 * app's own does (web/worker/sim.worker.ts), and the page hands tasks out to such workers:
 *
 * @example
 * ```ts
 * // sim.worker.ts
 * import { expose } from 'comlink';
 * import { createSimApi } from 'stocklab/worker';
 * expose(createSimApi());
 *
 * // the page
 * import { wrap } from 'comlink';
 * import { summarize, tasksOf, type Scenario } from 'stocklab';
 * import { runOnPool, type SimApi } from 'stocklab/worker';
 * const workers = [1, 2].map(() => new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module' }));
 * const response = await runOnPool(workers.map((worker) => wrap<SimApi>(worker)), { scenario, tasks: tasksOf(scenario) });
 * if (response.ok) console.log(summarize(scenario, response.results, response.complete));
 * workers.forEach((worker) => worker.terminate());
 * ```
 *
 * @packageDocumentation
 */
export { createSimApi } from './api.ts';
export type {
  SimApi,
  RunTasksRequest,
  RunTasksResponse,
  RunVariantsRequest,
  PartsRequest,
  PartsResponse,
  RunPartsRequest,
  RunPartsResponse,
  MergePartsResponse,
  SharingResponse,
  TheoryResponse,
  WarningsResponse,
  OneReplicationResponse,
} from './api.ts';
export { runOnPool, type PoolOptions, type PoolRequest, type PoolResponse, type SimEndpoint } from './pool.ts';
