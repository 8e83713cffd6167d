/**
 * Worker-thread entry: exposes the engine's SimApi to the parent thread through comlink's Node
 * adapter. Started by `threadPool.ts`: as compiled JavaScript (dist/worker/node/thread.js) in a build
 * or the installed package, through `threadBootstrap.mjs` (which registers tsx first) from the sources.
 */
import { parentPort } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { createSimApi } from '../api.ts';

if (!parentPort) throw new Error('src/worker/node/thread.ts must run in a worker thread (it has no parent port)');
Comlink.expose(createSimApi(), nodeEndpoint(parentPort));
