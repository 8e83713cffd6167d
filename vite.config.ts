import { defineConfig } from 'vitest/config';

// The web app lives in web/; the engine in src/ is imported by its workers.
export default defineConfig({
  root: 'web',
  publicDir: false,
  build: { outDir: '../dist/web', emptyOutDir: true, target: 'es2022' },
  // code-split module workers need the 'es' format (shared/NOTES.md)
  worker: { format: 'es' },
  server: { port: 5173, open: false, fs: { allow: ['..'] } },
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
