#!/usr/bin/env node
// Times `node bin/stocklab.mjs --help` (or the arguments after --) over repeated runs, as hyperfine
// would: node scripts/timeHelp.mjs [runs] [-- args...]. Prints the median, the fastest and the
// slowest wall time. bin/stocklab.mjs runs dist/ when `npm run build:lib` is current, else the
// sources through tsx: time both by building or touching a source file.
import { spawnSync } from 'node:child_process';

const separator = process.argv.indexOf('--');
const runs = Number(process.argv[2] && process.argv[2] !== '--' ? process.argv[2] : 15);
const args = separator === -1 ? ['--help'] : process.argv.slice(separator + 1);
const bin = new URL('../bin/stocklab.mjs', import.meta.url).pathname;
const times = [];
spawnSync(process.execPath, [bin, ...args]); // warm the file cache
for (let i = 0; i < runs; i++) {
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [bin, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  times.push(Number(process.hrtime.bigint() - start) / 1e9);
  if (run.status !== 0) throw new Error(`stocklab ${args.join(' ')} exited with ${run.status}: ${run.stderr}`);
}
times.sort((a, b) => a - b);
const s = (t) => `${t.toFixed(3)} s`;
console.log(`stocklab ${args.join(' ')}: median ${s(times[Math.floor(runs / 2)])}, fastest ${s(times[0])}, slowest ${s(times[runs - 1])} (${runs} runs)`);
