/**
 * `stocklab/worker` in Node: everything the portable entry gives (src/worker/index.ts), and the pool
 * of worker threads the command line runs on, each thread running the engine from the compiled
 * package (no TypeScript loader).
 *
 * @example
 * ```ts
 * import { runExperimentOnThreads, startThreadPool } from 'stocklab/worker';
 *
 * const pool = startThreadPool(4);
 * try {
 *   const result = await runExperimentOnThreads(pool, scenario, { replications: 100 });
 * } finally {
 *   await pool.terminate();
 * }
 * ```
 *
 * @packageDocumentation
 */
export * from '../index.ts';
export { startThreadPool, defaultWorkerMemoryMb, availableMemoryMb, MIN_WORKER_MEMORY_MB, WorkerOutOfMemory, type ThreadPool } from './threadPool.ts';
export { runExperimentOnThreads, runTasksOnThreads, type ThreadRunOptions } from './experimentOnThreads.ts';
