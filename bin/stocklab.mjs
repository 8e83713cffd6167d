#!/usr/bin/env node
// The stocklab command. Runs the compiled CLI (dist/, `npm run build:lib`): always in the installed
// package, which ships dist/ and no sources; in a checkout, when the build is newer than every source
// file. Otherwise (a checkout never built, or edited since) it registers tsx, a development
// dependency, and runs the TypeScript sources, as `npm test` and `npm run stocklab` expect.
import { existsSync, readdirSync, statSync } from 'node:fs';

// Ctrl-C before a command is under way (the sources load for seconds on a busy machine, then the
// scenario) quits as it does later: a message and exit 130. A command running simulations installs
// its own handler, which then decides alone.
process.on('SIGINT', () => {
  if (process.listenerCount('SIGINT') > 1) return;
  process.stderr.write('stocklab: interrupted\n');
  process.exit(130);
});
// A reader that stops early (`stocklab run ... --json | head`) closes the pipe: that is not an error.
// Any other failure to write the output (a full disk, a quota, a device error) is one line on stderr
// and exit 1, never a stack trace: the output is incomplete.
const WRITE_ERRORS = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'the file is too large',
  EIO: 'input/output error',
  EACCES: 'permission denied',
  EBADF: 'the output is closed',
};
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  const reason = WRITE_ERRORS[error.code] ?? error.message ?? String(error);
  process.stderr.write(`stocklab: cannot write the output: ${reason}${error.code ? ` (${error.code})` : ''}; what was written is incomplete\n`);
  process.exit(1);
});
const { main } = await import(compiledIsCurrent() ? '../dist/cli/main.js' : await fromSources());
process.exitCode = await main(process.argv.slice(2));
// No process.exit() here: it can cut off output still queued for a pipe (a large --json result).
// The worker threads are gone, so Node exits by itself once stdout drains; should some handle
// linger, this unref'd timer leaves after stdout has flushed.
setTimeout(() => process.stdout.write('', () => process.exit()), 2000).unref();

/**
 * Whether dist/ holds the CLI built from the current sources: its stamp (written by
 * scripts/buildLib.mjs once tsc has emitted everything) is newer than every file under src/, or there
 * are no sources (the installed package).
 */
function compiledIsCurrent() {
  const sources = new URL('../src/', import.meta.url);
  if (!existsSync(sources)) return true;
  const stamp = new URL('../dist/.built', import.meta.url);
  if (!existsSync(stamp)) return false;
  const built = statSync(stamp).mtimeMs;
  for (const entry of readdirSync(sources, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && statSync(`${entry.parentPath ?? entry.path}/${entry.name}`).mtimeMs > built) return false;
  }
  return true;
}

/** Registers tsx so Node can load the TypeScript sources; the CLI's entry among them. */
async function fromSources() {
  const { register } = await import('tsx/esm/api');
  register();
  return '../src/cli/main.ts';
}
