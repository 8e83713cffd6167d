import { totalmem } from 'node:os';
import { Worker } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { SimApi } from '../api.ts';

/** Worker threads, each exposing the SimApi, wrapped as comlink endpoints for `runOnPool`. */
export interface ThreadPool {
  endpoints: Comlink.Remote<SimApi>[];
  /**
   * Rejects when a worker fails (an uncaught error, running out of memory: a `WorkerOutOfMemory`, or an
   * exit the pool did not ask for); a call in flight on that worker would otherwise wait forever.
   * Race it with the work.
   */
  failure: Promise<never>;
  /** each worker's heap limit (V8's old generation), MB */
  memoryLimitMb: number;
  /** Stops every worker now, whatever it is doing. */
  terminate(): Promise<void>;
}

/** A worker thread reached its heap limit; Node stopped it (ERR_WORKER_OUT_OF_MEMORY). */
export class WorkerOutOfMemory extends Error {
  constructor(readonly limitMb: number) {
    super(`the run needs more memory than the worker's limit of ${limitMb} MB`);
    this.name = 'WorkerOutOfMemory';
  }
}

/**
 * The script each worker thread runs. Compiled (dist/, the installed package), this module is
 * threadPool.js and starts thread.js beside it: plain JavaScript, no TypeScript loader. From the
 * sources (tests, a checkout without a build), it is threadPool.ts, and the thread registers tsx
 * before loading thread.ts (threadBootstrap.mjs).
 */
const THREAD_SCRIPT = import.meta.url.endsWith('.ts') ? new URL('./threadBootstrap.mjs', import.meta.url) : new URL('./thread.js', import.meta.url);

/** The memory this process may use: the machine's, or its container's (cgroup) limit when lower. */
export function availableMemoryMb(): number {
  const constrained = process.constrainedMemory?.() ?? 0;
  const bytes = constrained > 0 && constrained < totalmem() ? constrained : totalmem();
  return Math.floor(bytes / 2 ** 20);
}

/** The smallest heap a worker may be given: below this the engine itself does not load. */
export const MIN_WORKER_MEMORY_MB = 64;

/**
 * Each worker's heap limit when none is asked for: three quarters of the memory shared between the
 * workers and the main thread (which holds every result), between 256 MB and 4 GB. Without a limit,
 * every thread could grow to V8's default and the machine run out before any of them, killing the
 * process without a word; with one, a worker that needs more stops alone and the CLI says so.
 */
export function defaultWorkerMemoryMb(workers: number, memoryMb = availableMemoryMb()): number {
  return Math.max(256, Math.min(4096, Math.floor((0.75 * memoryMb) / (workers + 1))));
}

/**
 * Starts `size` worker threads, each running the engine (SimApi) with a heap limit of
 * `memoryLimitMb`; pass `pool.endpoints` to `runOnPool`, or the pool to `runExperimentOnThreads`, and
 * call `terminate()` when done (the threads keep the process alive until then).
 */
export function startThreadPool(size: number, memoryLimitMb = defaultWorkerMemoryMb(size)): ThreadPool {
  if (!(Number.isSafeInteger(size) && size >= 1)) throw new Error(`startThreadPool: expected a whole number of threads >= 1, got ${size}`);
  let terminating = false;
  let fail: (error: Error) => void = () => {};
  const failure = new Promise<never>((_, reject) => (fail = reject));
  failure.catch(() => {}); // observed by whoever races it; never an unhandled rejection

  const workers = Array.from({ length: size }, (_, index) => {
    const worker = new Worker(THREAD_SCRIPT, { resourceLimits: { maxOldGenerationSizeMb: memoryLimitMb } });
    worker.on('error', (error) => {
      if ((error as { code?: unknown }).code === 'ERR_WORKER_OUT_OF_MEMORY') fail(new WorkerOutOfMemory(memoryLimitMb));
      else fail(new Error(`worker thread ${index + 1} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));
    });
    worker.on('exit', (code) => {
      if (!terminating) fail(new Error(`worker thread ${index + 1} exited unexpectedly (code ${code})`));
    });
    return worker;
  });

  return {
    endpoints: workers.map((worker) => Comlink.wrap<SimApi>(nodeEndpoint(worker))),
    failure,
    memoryLimitMb,
    async terminate() {
      terminating = true;
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
