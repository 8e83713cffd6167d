#!/usr/bin/env node
// npm run build:lib: the engine, the CLI and the worker pool, src/ -> dist/ as JavaScript with type
// declarations and source maps (tsconfig.build.json). What an earlier build left in dist/ is removed
// first (a moved or deleted source file leaves no stale module), except dist/web/, the web app's
// build (`npm run build:web`). Once tsc has emitted everything, dist/.built stamps the build:
// bin/stocklab.mjs runs dist/ only when that stamp is newer than every source file.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const dist = new URL('../dist/', import.meta.url);
mkdirSync(dist, { recursive: true });
for (const entry of readdirSync(dist, { withFileTypes: true }).filter((entry) => entry.name !== 'web')) {
  rmSync(new URL(entry.name, dist), { recursive: true, force: true });
}
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', new URL('../tsconfig.build.json', import.meta.url).pathname], { stdio: 'inherit' });
writeFileSync(new URL('.built', dist), `${new Date().toISOString()}\n`);
