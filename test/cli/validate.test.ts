import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Runs `node bin/stocklab.mjs ...args` from the repository root. */
function stocklab(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['bin/stocklab.mjs', ...args], { cwd: ROOT }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

const folder = mkdtempSync(join(tmpdir(), 'stocklab-validate-'));
const invalid = join(folder, 'invalid.json');
writeFileSync(
  invalid,
  JSON.stringify({
    version: 1,
    name: 'two problems',
    horizonDays: 30,
    products: [{ id: 'widget', unitCost: -1, holdingCost: { perUnitPerDay: 0.01 } }],
    nodes: [{ id: 'store', type: 'shop' }],
    stockPoints: [{ node: 'store', product: 'widget', policy: { type: 'baseStock', level: 5 } }],
  }),
);
const broken = join(folder, 'broken.json');
writeFileSync(broken, '{\n  "version": 1,\n  "name": "x",\n}\n');

describe('stocklab validate', () => {
  it('reports a valid scenario with its stock points and variants, exit 0', async () => {
    const result = await stocklab('validate', 'scenarios/02-base-stock-poisson.json');
    expect(result).toEqual({ code: 0, stdout: 'scenarios/02-base-stock-poisson.json: valid (1 stock point, 1 variant)\n', stderr: '' });
  });

  it('counts the stock points of the list form', async () => {
    const result = await stocklab('validate', 'scenarios/bench/retail-1000.json');
    expect(result.stdout).toBe('scenarios/bench/retail-1000.json: valid (1000 stock points, 1 variant)\n');
  });

  it('prints every problem as file: path: message, exit 2', async () => {
    const result = await stocklab('validate', invalid);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(`${invalid}: products[0].unitCost: expected a number >= 0, got -1`);
    expect(lines[1]).toMatch(new RegExp(`^${invalid.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: nodes\\[0\\]\\.type: `));
  });

  it('reports a JSON syntax error with its line, and a missing file, exit 2', async () => {
    const [syntax, missing] = await Promise.all([stocklab('validate', broken), stocklab('validate', 'no/such/scenario.json')]);
    expect(syntax.code).toBe(2);
    expect(syntax.stderr).toMatch(new RegExp(`^.*broken\\.json: \\(file\\): not valid JSON at line 4`));
    expect(missing).toEqual({ code: 2, stdout: '', stderr: 'no/such/scenario.json: cannot read: no such file\n' });
  });

  it('prints the usage for --help (exit 0), and for no or an unknown command (exit 2)', async () => {
    const [help, none, unknown] = await Promise.all([stocklab('--help'), stocklab(), stocklab('simulate', 'x.json')]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: stocklab <command>/);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/expected a command\n\nUsage: stocklab/);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^stocklab: unknown command "simulate"\n\nUsage: stocklab/);
    expect(unknown.stdout).toBe('');
  });
});
