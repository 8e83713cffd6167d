#!/usr/bin/env node
// Makes sure a Chromium is there for the browser tests (test/browser/), which drive it through
// playwright-core. Test tools that download their own browser fail on machines without network
// access, so Stocklab uses the system's: Debian's `chromium` package at /usr/bin/chromium, or the
// executable named by $CHROMIUM_PATH.
//
// - Chromium found: does nothing.
// - Not found, running as root on Debian/Ubuntu with apt-get: installs the `chromium` package,
//   showing apt-get's output.
// - Otherwise: prints what to run and exits with status 1.
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const DEFAULT_PATH = '/usr/bin/chromium';

function executable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function isDebianLike() {
  if (!existsSync('/etc/debian_version')) {
    try {
      const release = readFileSync('/etc/os-release', 'utf8');
      if (!/^(ID|ID_LIKE)=.*\b(debian|ubuntu)\b/m.test(release)) return false;
    } catch {
      return false;
    }
  }
  return spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
}

function run(command, args) {
  console.log(`$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return result.status === 0;
}

const wanted = process.env.CHROMIUM_PATH;
if (wanted) {
  if (executable(wanted)) process.exit(0);
  console.error(`CHROMIUM_PATH is set to ${wanted}, but no executable is there.`);
  console.error('Point CHROMIUM_PATH at a Chromium or Chrome executable, or unset it to use /usr/bin/chromium.');
  process.exit(1);
}
if (executable(DEFAULT_PATH)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (isRoot && isDebianLike()) {
  console.log('The browser tests need Chromium; installing Debian\'s chromium package.');
  if (run('apt-get', ['update']) && run('apt-get', ['install', '-y', 'chromium']) && executable(DEFAULT_PATH)) {
    console.log(`Chromium installed at ${DEFAULT_PATH}.`);
    process.exit(0);
  }
  console.error(`Installing chromium with apt-get failed (see above); ${DEFAULT_PATH} is still missing.`);
  process.exit(1);
}

console.error(`The browser tests need Chromium, and there is none at ${DEFAULT_PATH}.`);
console.error('Install it with:');
console.error('    sudo apt-get install -y chromium');
console.error('or point CHROMIUM_PATH at a Chromium or Chrome executable, e.g.:');
console.error('    CHROMIUM_PATH=/path/to/chromium npm test');
process.exit(1);
