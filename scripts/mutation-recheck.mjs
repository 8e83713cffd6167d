#!/usr/bin/env node
/**
 * Re-checks, by hand, the mutants a StrykerJS report says survived: each is applied in a scratch git
 * worktree (the checkout's HEAD plus the working tree's version of the source and tests) and the given
 * tests are run against it; the result is printed per mutant, with the tests that failed.
 *
 * Why: the by-file runs use `coverageAnalysis: "perTest"` with `--ignoreStatic`, and a mutant whose
 * code runs in a test file's `beforeAll` or module scope is "static" to StrykerJS: it is run only
 * against the tests whose own bodies reach it, so a test that checks what a `beforeAll` built (all of
 * test/model/buildWiring.test.ts) never sees it, and the mutant comes back "survived" though that
 * test kills it (build.ts: 52 of 53 survivors were static, and most fail buildWiring.test.ts when
 * applied). A survivor is only a survivor once this says so.
 *
 *     node scripts/mutation-recheck.mjs src/model/build.ts [--static-only] [-- <test files or folders>]
 *
 * Default tests: test/model. The report read is reports/mutation/by-file/<file>.json.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const args = process.argv.slice(2);
const dash = args.indexOf('--');
const options = dash < 0 ? args : args.slice(0, dash);
const tests = dash < 0 ? ['test/model'] : args.slice(dash + 1);
const file = options.find((arg) => !arg.startsWith('--'));
if (!file) {
  console.error('usage: node scripts/mutation-recheck.mjs <source file> [--static-only] [-- <tests>]');
  process.exit(2);
}
const staticOnly = options.includes('--static-only');
const root = process.cwd();
const reportPath = path.join(root, 'reports', 'mutation', 'by-file', `${file.replaceAll('/', '__')}.json`);
if (!existsSync(reportPath)) {
  console.error(`no report for ${file} at ${reportPath}: run scripts/mutation-by-file.mjs on it first`);
  process.exit(2);
}
const report = JSON.parse(readFileSync(reportPath, 'utf8'));
const mutants = (report.files[file]?.mutants ?? []).filter((m) => (m.status === 'Survived' || m.status === 'NoCoverage') && (!staticOnly || m.static));
const source = readFileSync(path.join(root, file), 'utf8');
if (report.files[file].source !== undefined && report.files[file].source !== source) {
  console.error(`${file} changed since its report: run the mutation again first (line:column would not match)`);
  process.exit(2);
}

// a scratch worktree: the project as it is now (source and tests copied over HEAD), node_modules linked
const worktree = mkdtempSync(path.join(tmpdir(), 'stocklab-recheck-'));
execFileSync('git', ['worktree', 'add', '--detach', '-q', worktree, 'HEAD'], { cwd: root });
try {
  symlinkSync(path.join(root, 'node_modules'), path.join(worktree, 'node_modules'));
  for (const folder of ['src', 'test']) cpSync(path.join(root, folder), path.join(worktree, folder), { recursive: true });
  const lines = source.split('\n');
  const offset = ({ line, column }) => lines.slice(0, line - 1).reduce((sum, text) => sum + text.length + 1, 0) + column - 1;
  const target = path.join(worktree, file);
  let survived = 0;
  for (const mutant of mutants) {
    const { start, end } = mutant.location;
    writeFileSync(target, source.slice(0, offset(start)) + mutant.replacement + source.slice(offset(end)));
    const run = spawnSync('npx', ['vitest', 'run', ...tests], { cwd: worktree, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const failed = `${run.stdout}${run.stderr}`
      .split('\n')
      .filter((line) => line.includes('×'))
      .map((line) => line.replace(/\u001b\[[0-9;]*m/g, '').trim());
    const killed = run.status !== 0;
    if (!killed) survived++;
    const where = `${start.line}:${start.column}`;
    console.log(`${where} ${mutant.mutatorName} → ${JSON.stringify(mutant.replacement.slice(0, 60))}${mutant.static ? ' (static)' : ''}: ${killed ? `killed (${failed.slice(0, 2).join('; ') || 'the run failed'})` : 'survives'}`);
  }
  console.log(`\n${mutants.length} mutants re-checked: ${mutants.length - survived} killed, ${survived} survive`);
} finally {
  writeFileSync(path.join(worktree, file), source);
  execFileSync('git', ['worktree', 'remove', '--force', worktree], { cwd: root });
  rmSync(worktree, { recursive: true, force: true });
}
