/**
 * Vitest global setup (vite.config.ts, test.globalSetup): serves the web app for the browser tests
 * (test/browser/) from vitest's main process, so every browser test file shares one build. The build
 * starts on the first request, so a run of other tests only pays for an idle HTTP server.
 *
 * Vitest runs a global setup once per project (vite.config.ts has two, and the root config), each in
 * the main process: they share one server, kept on globalThis and closed when the last one tears down,
 * so browser files in either project use the same build rather than building the app once per project.
 */
import type { TestProject } from 'vitest/node';
import { serveApp, type AppServer } from './harness.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** the address of the served web app, ending in '/' (test/browser/harness.ts) */
    stocklabUrl: string;
    /**
     * the folder of that build, for a test that needs a copy of its own to change (test/browser/offline.test.ts);
     * read it only after `waitForBuild(stocklabUrl)`, and never write to it
     */
    stocklabBuildDir: string;
  }
}

const SHARED = Symbol.for('stocklab.test.appServer');
interface Shared {
  server: Promise<AppServer>;
  users: number;
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const global = globalThis as { [SHARED]?: Shared };
  const shared = (global[SHARED] ??= { server: serveApp({ lazy: true }), users: 0 });
  shared.users++;
  const server = await shared.server;
  project.provide('stocklabUrl', server.url);
  project.provide('stocklabBuildDir', server.dir);
  return async () => {
    if (--shared.users > 0) return;
    delete global[SHARED];
    await server.close();
  };
}
