import { Worker } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { SimApi } from '../worker/api.ts';

/** Worker threads, each exposing the SimApi, wrapped as comlink endpoints for `runOnPool`. */
export interface ThreadPool {
  endpoints: Comlink.Remote<SimApi>[];
  /**
   * Rejects when a worker fails (an uncaught error, or an exit the pool did not ask for); a call in
   * flight on that worker would otherwise wait forever. Race it with the work.
   */
  failure: Promise<never>;
  /** Stops every worker now, whatever it is doing. */
  terminate(): Promise<void>;
}

const BOOTSTRAP = new URL('./workerBootstrap.mjs', import.meta.url);

export function startThreadPool(size: number): ThreadPool {
  if (!(Number.isSafeInteger(size) && size >= 1)) throw new Error(`startThreadPool: expected a whole number of threads >= 1, got ${size}`);
  let terminating = false;
  let fail: (error: Error) => void = () => {};
  const failure = new Promise<never>((_, reject) => (fail = reject));
  failure.catch(() => {}); // observed by whoever races it; never an unhandled rejection

  const workers = Array.from({ length: size }, (_, index) => {
    const worker = new Worker(BOOTSTRAP);
    worker.on('error', (error) => fail(new Error(`worker thread ${index + 1} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)));
    worker.on('exit', (code) => {
      if (!terminating) fail(new Error(`worker thread ${index + 1} exited unexpectedly (code ${code})`));
    });
    return worker;
  });

  return {
    endpoints: workers.map((worker) => Comlink.wrap<SimApi>(nodeEndpoint(worker))),
    failure,
    async terminate() {
      terminating = true;
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
