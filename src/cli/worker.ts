/**
 * Worker-thread entry: exposes the engine's SimApi to the parent thread through comlink's Node
 * adapter. Started by `threadPool.ts` through `workerBootstrap.mjs`, which registers tsx first.
 */
import { parentPort } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { createSimApi } from '../worker/api.ts';

if (!parentPort) throw new Error('src/cli/worker.ts must run in a worker thread (it has no parent port)');
Comlink.expose(createSimApi(), nodeEndpoint(parentPort));
