#!/usr/bin/env node
// npm run fuzz -- [--runs N] [--seed S]: the property suites of test/property/ (hostile input,
// conservation on generated scenarios) with N cases each instead of npm test's few hundred, from
// seed S (default: the suites' fixed seed). Prints vitest's report and the wall time; exits as
// vitest does. docs/RELIABILITY.md gives the figures of the last long run.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const usage = 'usage: npm run fuzz -- [--runs N] [--seed S]   (N a whole number >= 1; S a whole number)';
const args = process.argv.slice(2);
const settings = { runs: '3000', seed: '' };
for (let i = 0; i < args.length; i++) {
  const name = args[i].replace(/^--/, '');
  const value = args[i + 1];
  if (!(name in settings) || !args[i].startsWith('--') || value === undefined || !/^\d+$/.test(value) || (name === 'runs' && Number(value) < 1)) {
    console.error(`fuzz: cannot read ${JSON.stringify(args[i])}${value === undefined ? '' : ` ${JSON.stringify(value)}`}\n${usage}`);
    process.exit(2);
  }
  settings[name] = value;
  i++;
}

const root = fileURLToPath(new URL('..', import.meta.url));
const started = Date.now();
console.log(`fuzz: ${settings.runs} cases per property${settings.seed === '' ? '' : `, seed ${settings.seed}`}`);
const result = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', 'test/property'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, STOCKLAB_FUZZ_RUNS: settings.runs, ...(settings.seed === '' ? {} : { STOCKLAB_FUZZ_SEED: settings.seed }) },
});
console.log(`fuzz: ${((Date.now() - started) / 1000).toFixed(0)} s in all`);
process.exit(result.status ?? 1);
