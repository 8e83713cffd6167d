/**
 * Vitest global setup (vite.config.ts, test.globalSetup): serves the web app for the browser tests
 * (test/browser/) from vitest's main process, so every browser test file shares one build. The build
 * starts on the first request, so a run of other tests only pays for an idle HTTP server.
 */
import type { TestProject } from 'vitest/node';
import { serveApp } from './harness.ts';

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

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await serveApp({ lazy: true });
  project.provide('stocklabUrl', server.url);
  project.provide('stocklabBuildDir', server.dir);
  return () => server.close();
}
