#!/usr/bin/env node
/**
 * Mutation testing one source file at a time (docs/MUTATION.md): `npm run mutation` over src/model
 * takes hours on a 2-core machine, so this runs StrykerJS once per file and keeps each file's
 * report, so that a run interrupted (or a session that ends) loses at most the file in progress,
 * and a later run skips files already done (`--again` redoes them).
 *
 *   node scripts/mutation-by-file.mjs src/model/policies/*.ts src/model/lots.ts
 *   MUTATION_TESTS=test/model node scripts/mutation-by-file.mjs src/model/*.ts
 *
 * Each file's report goes to reports/mutation/by-file/<path with / as __>.json (StrykerJS's JSON
 * report, mutation-testing-report-schema) and its incremental file beside it, so a rerun after a
 * test is added only runs the mutants whose tests changed. `node scripts/mutation-summary.mjs`
 * prints the table of scores and the surviving mutants.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
const again = args.includes('--again');
const files = args.filter((arg) => arg !== '--again');
if (files.length === 0) {
  console.error('usage: node scripts/mutation-by-file.mjs [--again] <source files…>');
  process.exit(2);
}
const outDir = path.join('reports', 'mutation', 'by-file');
mkdirSync(outDir, { recursive: true });

for (const file of files) {
  if (!existsSync(file)) {
    console.error(`${file}: no such file`);
    process.exit(2);
  }
  const name = file.replace(/[\\/]/g, '__');
  const report = path.join(outDir, `${name}.json`);
  if (existsSync(report) && !again) {
    console.log(`${file}: done before (${report}); --again to redo`);
    continue;
  }
  const started = Date.now();
  console.log(`${file}: mutating (tests: ${process.env.MUTATION_TESTS ?? 'all of vitest.mutation.config.ts'})`);
  const run = spawnSync(
    'npx',
    ['stryker', 'run', '--mutate', file, '--ignoreStatic', '--incremental', '--incrementalFile', path.join(outDir, `${name}.incremental.json`), '--reporters', 'json,clear-text'],
    { stdio: 'inherit' },
  );
  if (run.status !== 0) {
    console.error(`${file}: StrykerJS exited with ${run.status ?? run.signal}`);
    process.exit(1);
  }
  copyFileSync(path.join('reports', 'mutation', 'mutation.json'), report);
  console.log(`${file}: ${Math.round((Date.now() - started) / 1000)} s, report ${report}`);
}
