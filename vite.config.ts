import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';
import { serviceWorkerPlugin } from './scripts/serviceWorkerPlugin.ts';

// The app's Content-Security-Policy is web/index.html's meta tag; `vite preview` also sends it as a
// header, which reaches the Web Workers too and can say what a meta tag cannot (frame-ancestors).
const CSP = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(readFileSync(new URL('./web/index.html', import.meta.url), 'utf8'))?.[1];

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
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // serves one build of the web app to the browser tests (test/browser/), built on first use
    globalSetup: ['test/browser/globalSetup.ts'],
    testTimeout: 60_000,
    // validation suites run whole experiments in beforeAll
    hookTimeout: 120_000,
  },
});
