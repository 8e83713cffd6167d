import { defineConfig } from 'vitest/config';

/**
 * The tests StrykerJS runs against each mutant (`npm run mutation`, stryker.config.json): the node
 * tests of test/, without the browser tests (they build and drive the web app; the engine's mutants
 * are caught by the node tests) and without test/cli (each test starts a CLI process, which runs
 * the code without Stryker's active mutant, so it is slow and kills nothing), nor
 * test/experiment/eventStorm.test.ts (it runs replications to the engine's event limit, which took more
 * than its 60 s under Stryker's instrumentation in the first dry run of src/model).
 *
 * `MUTATION_TESTS` narrows the test files, comma-separated globs from the root, e.g.
 * `MUTATION_TESTS='test/metrics/**' npm run mutation -- --mutate 'src/metrics/**\/*.ts'`.
 */
const include = process.env.MUTATION_TESTS?.split(',').map((glob) => glob.trim()).filter((glob) => glob !== '') ?? ['test/**/*.test.ts'];

export default defineConfig({
  test: {
    root: '.',
    include: include.map((glob) => (glob.endsWith('.ts') ? glob : `${glob.replace(/\/+$/, '')}/**/*.test.ts`)),
    exclude: ['test/browser/**', 'test/cli/**', 'test/experiment/eventStorm.test.ts', '**/node_modules/**', '.stryker-tmp/**'],
    environment: 'node',
    testTimeout: 60_000,
    // validation suites run whole experiments in beforeAll
    hookTimeout: 120_000,
  },
});
