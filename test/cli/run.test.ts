import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runExperiment } from '../../src/experiment/replicate.ts';
import { parseScenario } from '../../src/scenario/parse.ts';
import type { ScenarioInput } from '../../src/scenario/schema.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Runs `node bin/stocklab.mjs ...args` from the repository root. */
function stocklab(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['bin/stocklab.mjs', ...args], { cwd: ROOT, maxBuffer: 64 * 2 ** 20 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** Two policy variants on one store, a short horizon: the whole experiment takes milliseconds. */
const small: ScenarioInput = {
  version: 1,
  name: 'CLI test store',
  currency: 'USD',
  horizonDays: 200,
  warmupDays: 20,
  replications: 3,
  seed: 'cli',
  products: [{ id: 'widget', unitCost: 10, price: 15, holdingCost: { annualRate: 0.25 }, unmetDemand: 'lost' }],
  nodes: [
    { id: 'supplier', type: 'supplier' },
    { id: 'store', type: 'store' },
  ],
  lanes: [{ from: 'supplier', to: 'store', leadTime: { type: 'discreteUniform', min: 1, max: 4 } }],
  stockPoints: [{ node: 'store', product: 'widget', policy: { type: 'sS', reorderPoint: 10, orderUpTo: 30 } }],
  demand: [{ type: 'arrivals', node: 'store', product: 'widget', customersPerDay: 5 }],
  variants: [
    { id: 'sS', name: '(s,S) 10/30', policies: [] },
    { id: 'base', name: 'base stock 25', policies: [{ policy: { type: 'baseStock', level: 25 } }] },
  ],
};
const folder = mkdtempSync(join(tmpdir(), 'stocklab-run-'));
const file = join(folder, 'small.json');
writeFileSync(file, JSON.stringify(small, null, 2));

describe('stocklab run', () => {
  it('--json gives the same bytes on 1 and 2 worker threads, equal to an in-process run', async () => {
    const [one, two] = await Promise.all([
      stocklab('run', file, '--json', '--workers', '1', '--replications', '4', '--seed', '7'),
      stocklab('run', file, '--json', '--workers=2', '--replications=4', '--seed=7'),
    ]);
    expect(one.code).toBe(0);
    expect(two.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    expect(one.stderr).toBe(''); // no progress line when stderr is not a terminal

    const parsed = parseScenario({ ...structuredClone(small), replications: 4, seed: 7 });
    if (!parsed.ok) throw new Error('test scenario is invalid');
    expect(one.stdout).toBe(JSON.stringify(runExperiment(parsed.scenario)) + '\n');
    const result = JSON.parse(one.stdout);
    expect(result).toMatchObject({ scenario: 'CLI test store', seed: 7, replications: 4, horizonDays: 200, complete: true });
    expect(result.variants.map((v: { id: string }) => v.id)).toEqual(['sS', 'base']);
  });

  it('prints a table of network KPIs per variant with a header line', async () => {
    const result = await stocklab('run', file, '--days', '100', '--workers', '2');
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(/^CLI test store \| 3 replications \| seed "cli" \| horizon 100 days \| warm-up 20 days \| wall time [\d.]+ s on 2 worker threads$/);
    expect(lines[2]).toMatch(/^network KPI\s+\(s,S\) 10\/30\s+base stock 25$/);
    expect(result.stdout).toMatch(/\nfillRate\s+\d+\.\d+% ± \d+\.\d+%\s+\d+\.\d+% ± \d+\.\d+%\n/);
    expect(result.stdout).toMatch(/\ntotalCost\s+[\d,]+(\.\d+)? USD ± [\d,.]+ USD/);
    // KPIs that apply to no variant are left out
    expect(result.stdout).not.toMatch(/expiredUnits|activeCustomers|onTimeDelivery/);
  });

  it('says what customers lived through: losses by cause, each online zone\'s orders, matching the JSON', async () => {
    const text = await stocklab('run', 'test/fixtures/online-zone.json', '--workers', '2');
    const json = await stocklab('run', 'test/fixtures/online-zone.json', '--workers', '2', '--json');
    expect(text.code).toBe(0);
    const result = JSON.parse(json.stdout);
    const [silent, told] = result.variants;
    expect(text.stdout).toMatch(/\ncustomers lost, by cause\s+silent\s+told\n/);
    const late = (variant: { customers: { churnedBy: { late: { mean: number } } } }) => variant.customers.churnedBy.late.mean;
    expect(late(told)).toBeLessThan(late(silent));
    expect(text.stdout).toMatch(new RegExp(`\\n  after a late delivery\\s+${Math.round(late(silent))} ± [\\d.]+\\s+${late(told).toFixed(1)} ± [\\d.]+\\n`));
    expect(text.stdout).toMatch(/\nonline zone city: orders\s+silent\s+told\n/);
    expect(text.stdout).toMatch(/\n  told of a delay early\s+0 ± 0\s+[\d,]+ ± [\d.]+\n/);
    // a scenario without customers, zones or recalls prints none of it
    const plain = await stocklab('run', file, '--workers', '1');
    expect(plain.stdout).not.toMatch(/customers lost|online zone|recall/);
  });

  it("lines recalls up across variants: two of one name both print, and a variant whose 'set' drops them shows '-' (no crash)", async () => {
    const recalled: ScenarioInput = {
      ...structuredClone(small),
      products: [{ id: 'widget', unitCost: 10, price: 15, holdingCost: { annualRate: 0.25 }, unmetDemand: 'lost' }],
      recalls: [
        { name: 'batch', supplier: 'supplier', receivedFrom: 20, receivedTo: 60, announcedOn: 90 },
        { name: 'batch', supplier: 'supplier', receivedFrom: 60, receivedTo: 100, announcedOn: 120 },
      ],
      variants: [
        { id: 'sS', name: 'with recalls', policies: [] },
        { id: 'none', name: 'no recall', set: [{ path: '/recalls', value: [] }] },
      ],
    };
    const recallFile = join(folder, 'recalled.json');
    writeFileSync(recallFile, JSON.stringify(recalled, null, 2));
    const [text, json] = await Promise.all([stocklab('run', recallFile, '--workers', '1'), stocklab('run', recallFile, '--workers', '1', '--json')]);
    expect(text.stderr).toBe('');
    expect(text.code).toBe(0);
    const [withRecalls, without] = JSON.parse(json.stdout).variants;
    expect(without.recalls).toEqual([]);
    expect(withRecalls.recalls).toHaveLength(2);
    for (const [n, recall] of withRecalls.recalls.entries()) {
      expect(text.stdout).toContain(`recall batch (no. ${n + 1} of that name)`);
      const removed = Math.round(recall.unitsRemoved.mean);
      expect(text.stdout).toMatch(new RegExp(`\\n  units removed\\s+${removed}( ± [\\d.,]+)?\\s+-\\n`));
    }
    expect(text.stdout.match(/\n  units sold before\s+[\d,.]+( ± [\d.,]+)?\s+-\n/g)).toHaveLength(2);
  });

  it('writes a large --json result whole through a pipe, and exits 130 on Ctrl-C (test/cli/faults.test.ts: what it keeps)', async () => {
    const interrupted = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, ['bin/stocklab.mjs', 'run', 'scenarios/bench/retail-1000.json', '--workers', '1'], { cwd: ROOT });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk) => (stdout += chunk));
      child.stderr.on('data', (chunk) => (stderr += chunk));
      // long before the end (minutes): during start-up, Ctrl-C quits; during the run, it reports the
      // replications finished (none, or a few of retail-1000's): either way, said and exit 130
      setTimeout(() => child.kill('SIGINT'), 3000);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
    // 1,000 stock points: about 5 MB of JSON, more than a pipe takes at once
    const large = await stocklab('run', 'scenarios/bench/retail-1000.json', '--days', '20', '--replications', '2', '--json');
    expect(large.code).toBe(0);
    expect(large.stdout.length).toBeGreaterThan(4 * 2 ** 20);
    expect(JSON.parse(large.stdout).variants[0].stockPoints).toHaveLength(1000);
    const stopped = await interrupted;
    expect(stopped.code).toBe(130);
    expect(stopped.stderr).toMatch(/^stocklab: interrupted\n$|^stocklab: stopping after the runs under way.*\nstocklab: interrupted[;a-z ]/);
  });

  it('answers Ctrl-C during start-up like Ctrl-C during a run: a message and exit 130', async () => {
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, ['bin/stocklab.mjs', 'run', file], { cwd: ROOT });
      let stderr = '';
      child.stderr.on('data', (chunk) => (stderr += chunk));
      setTimeout(() => child.kill('SIGINT'), 300);
      child.on('close', (code) => resolve({ code, stderr }));
    });
    expect(result).toEqual({ code: 130, stderr: 'stocklab: interrupted\n' });
  });

  it('rejects bad flag values with a message naming the flag, exit 2, running nothing', async () => {
    const results = await Promise.all([
      stocklab('run', file, '--replications', '0'),
      stocklab('run', file, '--workers', 'two'),
      stocklab('run', file, '--days', '-5'),
      stocklab('run', file, '--seed'),
      stocklab('run', file, '--verbose'),
      stocklab('run', file, '--days', '10'),
    ]);
    expect(results.map((r) => r.code)).toEqual([2, 2, 2, 2, 2, 2]);
    expect(results.every((r) => r.stdout === '')).toBe(true);
    const first = results.map((r) => r.stderr.split('\n')[0]);
    expect(first).toEqual([
      'stocklab: run: --replications: expected a whole number >= 1, got "0"',
      'stocklab: run: --workers: expected a whole number >= 1, got "two"',
      'stocklab: run: --days: expected a number > 0, got "-5"',
      'stocklab: run: --seed expects a value (--seed S)',
      expect.stringMatching(/^stocklab: run: unknown option --verbose \(known: --replications, --seed, --days, --workers, --json, (--[a-z-]+, )*--help\)$/),
      `${file}: warmupDays: expected a warm-up shorter than horizonDays (10), got 20`,
    ]);
    expect(first[4]).toContain(', --allow-files-outside, --memory, ');
  });
});

describe('stocklab run into a pipe closed early', () => {
  it('exits 0 when the reader stops after the first bytes (stocklab run --json | head)', async () => {
    const code = await new Promise<number>((resolve) => {
      const child = spawn('bash', ['-o', 'pipefail', '-c', `node bin/stocklab.mjs run "${file}" --json --workers 1 | head -c 20 > /dev/null`], { cwd: ROOT });
      child.on('close', (status) => resolve(status ?? -1));
    });
    expect(code).toBe(0);
  });
});

describe('stocklab run with a modelling warning', () => {
  it('prints the warning on stderr, once, and keeps --json output a single JSON document', async () => {
    const shortHistory = join(folder, 'short-history.json');
    writeFileSync(
      shortHistory,
      JSON.stringify({
        ...small,
        variants: [],
        replications: 2,
        demand: [{ type: 'history', node: 'store', product: 'widget', series: [3, 5, 4, 6] }],
      }),
    );
    const table = await stocklab('run', shortHistory, '--workers', '1');
    expect(table.code).toBe(0);
    expect(table.stderr.match(/warning: demand for store\/widget: the history has 4 days and the horizon 200/g)).toHaveLength(1);
    const json = await stocklab('run', shortHistory, '--workers', '1', '--json');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout).warnings).toHaveLength(1);
    expect(json.stderr).toMatch(/warning: demand for store\/widget/);
  });
});
