#!/usr/bin/env node
/**
 * Mutation testing one source file at a time (docs/MUTATION.md): `npm run mutation` over src/model
 * takes hours on a 2-core machine, so this runs StrykerJS once per file and keeps each file's
 * report, so that a run interrupted (or a session that ends) loses at most the file in progress,
 * and a later run skips files already done (`--again` redoes them).
 *
 *   node scripts/mutation-by-file.mjs src/model/policies/*.ts src/model/lots.ts
 *   MUTATION_TESTS=test/model node scripts/mutation-by-file.mjs src/model/*.ts
 *   MUTATION_TESTS=test/model node scripts/mutation-by-file.mjs --force src/model/build.ts   (every mutant again)
 *
 * Each file's report goes to reports/mutation/by-file/<path with / as __>.json (StrykerJS's JSON
 * report, mutation-testing-report-schema) and its incremental file beside it, so a rerun after a
 * test is added only runs the mutants whose tests changed. `node scripts/mutation-summary.mjs`
 * prints the table of scores and the surviving mutants.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
const again = args.includes('--again');
// --force: every mutant runs again. StrykerJS's incremental mode reuses a mutant's earlier result
// when its code and the tests that covered it are unchanged, even when a test added since kills it
// (build.ts 133:7, killed by buildWiring.test.ts when applied by hand, came back "survived"): a pass
// that confirms kills must run with --force
const force = args.includes('--force');
const files = args.filter((arg) => arg !== '--again' && arg !== '--force');
if (files.length === 0) {
  console.error('usage: node scripts/mutation-by-file.mjs [--again] <source files…>');
  process.exit(2);
}
const outDir = path.join('reports', 'mutation', 'by-file');
mkdirSync(outDir, { recursive: true });

const failed = [];
for (const file of files) {
  if (!existsSync(file)) {
    console.error(`${file}: no such file`);
    process.exit(2);
  }
  const name = file.replace(/[\\/]/g, '__');
  const report = path.join(outDir, `${name}.json`);
  if (existsSync(report) && !again && !force) {
    console.log(`${file}: done before (${report}); --again to redo`);
    continue;
  }
  const started = Date.now();
  console.log(`${file}: mutating (tests: ${process.env.MUTATION_TESTS ?? 'all of vitest.mutation.config.ts'})`);
  const run = spawnSync(
    'npx',
    ['stryker', 'run', '--mutate', file, '--ignoreStatic', '--allowEmpty', '--incremental', '--incrementalFile', path.join(outDir, `${name}.incremental.json`), ...(force ? ['--force'] : []), '--reporters', 'json,clear-text'],
    { stdio: 'inherit' },
  );
  if (run.status !== 0) {
    // go on with the other files: one file's failure (say, a test timing out in the dry run) should
    // not cost the hours of the rest
    console.error(`${file}: StrykerJS exited with ${run.status ?? run.signal}`);
    failed.push(file);
    continue;
  }
  // a file with no mutants (types only) writes no report: keep an empty one rather than the last
  // file's, which mutation.json still holds
  const written = JSON.parse(readFileSync(path.join('reports', 'mutation', 'mutation.json'), 'utf8'));
  const own = Object.hasOwn(written.files, file) ? written : { ...written, files: {} };
  writeFileSync(report, JSON.stringify(own));
  console.log(`${file}: ${Math.round((Date.now() - started) / 1000)} s, report ${report}`);
}
if (failed.length > 0) {
  console.error(`StrykerJS failed on ${failed.length} file(s): ${failed.join(', ')}`);
  process.exit(1);
}
