import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';
import { serviceWorkerPlugin } from './scripts/serviceWorkerPlugin.ts';

// The app's Content-Security-Policy is web/index.html's meta tag; `vite preview` also sends it as a
// header, which reaches the Web Workers too and can say what a meta tag cannot (frame-ancestors).
const CSP = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(readFileSync(new URL('./web/index.html', import.meta.url), 'utf8'))?.[1];

// Test files that run alone (vitest's 'alone' project, after the others), never beside another test file:
// - test/queue/: a redis-server of their own, workers killed, frozen and restarted on timers;
// - offline.test.ts: a service worker's update check, made on its own schedule, must not reach the
//   stopped server, and beside another file it did once in three runs (it requested sw.js);
// - importWizard.test.ts: it bounds how long the page stalls while a worker reads a large file, a
//   measure of the page, not of a machine busy with another file;
// - poolParts.test.ts: its sweep of bench-A on 1, 2 and 3 worker threads (20 s alone) keeps the cores
//   busy by itself, and beside test/cli/faults.test.ts on a loaded machine it ran past its 60 s.
const ALONE = ['test/queue/**/*.test.ts', 'test/browser/offline.test.ts', 'test/browser/importWizard.test.ts', 'test/worker/poolParts.test.ts'];

// The web app lives in web/; the engine in src/ is imported by its workers.
export default defineConfig({
  root: 'web',
  // relative addresses in the build, so the folder works wherever it is served: at a host's root or
  // under a sub-path such as https://user.github.io/stocklab/ (docs/PUBLISHING.md)
  base: './',
  publicDir: false,
  // sw.js, the built app's service worker: it works offline once loaded (web/app/serviceWorker.ts)
  plugins: [serviceWorkerPlugin()],
  build: { outDir: '../dist/web', emptyOutDir: true, target: 'es2022' },
  // code-split module workers need the 'es' format (shared/NOTES.md)
  worker: { format: 'es' },
  server: { port: 5173, open: false, fs: { allow: ['..'] } },
  preview: { headers: CSP ? { 'Content-Security-Policy': `${CSP}; frame-ancestors 'none'` } : {} },
  test: {
    root: '.',
    environment: 'node',
    // serves one build of the web app to the browser tests (test/browser/), built on first use; one
    // server for both projects
    globalSetup: ['test/browser/globalSetup.ts'],
    testTimeout: 60_000,
    // validation suites run whole experiments in beforeAll
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'stocklab',
          include: ['test/**/*.test.ts'],
          exclude: [...ALONE, '**/node_modules/**'],
          // two test files at a time. Vitest's default on a 2-core machine is one (cores - 1): one file at
          // a time, much of it waiting (a browser test on Chromium, a CLI test on its child process)
          maxWorkers: 2,
        },
      },
      {
        extends: true,
        test: {
          name: 'alone',
          // one file at a time, after all the others: never beside another test file, as before
          include: ALONE,
          fileParallelism: false,
        },
      },
    ],
  },
});
