import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../fixtures/scenario.ts';

/**
 * bin/stocklab.mjs chooses what to run: the compiled CLI (dist/) when it is current, the TypeScript
 * sources through tsx otherwise. Checked on a stand-in folder whose two CLIs say which one ran.
 */
const folder = mkdtempSync(join(tmpdir(), 'stocklab-bin-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function standIn(name: string, { sources = true, stamp }: { sources?: boolean; stamp?: 'older' | 'newer' }): string {
  const root = join(folder, name);
  mkdirSync(join(root, 'bin'), { recursive: true });
  writeFileSync(join(root, 'package.json'), '{ "type": "module" }\n');
  cpSync(join(repoRoot, 'bin', 'stocklab.mjs'), join(root, 'bin', 'stocklab.mjs'));
  symlinkSync(realpathSync(join(repoRoot, 'node_modules')), join(root, 'node_modules'));
  mkdirSync(join(root, 'dist', 'cli'), { recursive: true });
  writeFileSync(join(root, 'dist', 'cli', 'main.js'), "export async function main() { process.stdout.write('compiled\\n'); return 0; }\n");
  const sourceFile = join(root, 'src', 'cli', 'main.ts');
  if (sources) {
    mkdirSync(join(root, 'src', 'cli'), { recursive: true });
    writeFileSync(sourceFile, "export async function main(): Promise<number> { process.stdout.write('sources\\n'); return 0; }\n");
  }
  if (stamp) {
    writeFileSync(join(root, 'dist', '.built'), 'stamp\n');
    const now = Date.now() / 1000;
    const [source, built] = stamp === 'newer' ? [now - 60, now] : [now, now - 60];
    utimesSync(join(root, 'dist', '.built'), built, built);
    if (sources) utimesSync(sourceFile, source, source);
  }
  return execFileSync(process.execPath, [join(root, 'bin', 'stocklab.mjs'), '--help'], { encoding: 'utf8' }).trim();
}

describe('the stocklab command runs', () => {
  it('the compiled CLI when its build is newer than every source file', () => {
    expect(standIn('current', { stamp: 'newer' })).toBe('compiled');
  });

  it('the sources through tsx when a source file changed after the build, or there is no build', () => {
    expect(standIn('stale', { stamp: 'older' })).toBe('sources');
    expect(standIn('unbuilt', {})).toBe('sources');
  });

  it('the compiled CLI in the installed package, which ships no sources (and no stamp)', () => {
    expect(standIn('package', { sources: false })).toBe('compiled');
  });
});
