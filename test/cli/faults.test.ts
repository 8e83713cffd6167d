import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ctrlCOnTerminal, stocklab, stocklabInto } from './stocklab.ts';

const folder = mkdtempSync(join(tmpdir(), 'stocklab-faults-'));

/**
 * 1,000 stock points that sell almost nothing for 2,000 days, every daily series kept: cheap to run,
 * large to hold (within the run budget's 2 GB estimate, src/experiment/runBudget.ts, far beyond 64 MB).
 */
const hungry = join(folder, 'hungry.json');
const stores = Array.from({ length: 20 }, (_, i) => `store-${i + 1}`);
const skus = Array.from({ length: 50 }, (_, i) => `sku-${i + 1}`);
writeFileSync(
  hungry,
  JSON.stringify({
    version: 1,
    name: 'Memory hungry',
    horizonDays: 2000,
    warmupDays: 0,
    replications: 4,
    seed: 'oom',
    products: skus.map((id) => ({ id, unitCost: 10, holdingCost: { perUnitPerDay: 0.01 } })),
    nodes: [{ id: 'supplier', type: 'supplier' }, ...stores.map((id) => ({ id, type: 'store' }))],
    lanes: stores.map((to) => ({ from: 'supplier', to, leadTime: { type: 'constant', value: 2 } })),
    stockPoints: [{ node: stores, product: skus, policy: { type: 'sS', reorderPoint: 1, orderUpTo: 3 } }],
    demand: [{ type: 'arrivals', node: stores, product: skus, customersPerDay: 0.01 }],
    // 1,000 stock points x 2,000 days x 8 levels: about 130 MB of numbers per replication
    output: { series: 'all' },
  }),
);

describe('stocklab writing to a full disk', () => {
  it.skipIf(!existsSync('/dev/full'))('says so in one line and exits 1, never with a stack trace (run, run --json, validate)', async () => {
    const results = [
      await stocklabInto('/dev/full', 'run', 'scenarios/01-newsvendor.json', '--replications', '2', '--workers', '1'),
      await stocklabInto('/dev/full', 'run', 'scenarios/01-newsvendor.json', '--replications', '2', '--workers', '1', '--json'),
      await stocklabInto('/dev/full', 'validate', 'scenarios/01-newsvendor.json'),
    ];
    for (const result of results) {
      expect(result).toEqual({ code: 1, stderr: 'stocklab: cannot write the output: no space left on the device (ENOSPC); what was written is incomplete\n' });
    }
  });
});

describe('a worker thread out of memory', () => {
  it('ends the command with one line in words and exit 1, not a crash', async () => {
    const result = await stocklab('run', hungry, '--workers', '1', '--memory', '64');
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).not.toMatch(/\n\s+at |FATAL|Error:/);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(
      /^stocklab: the run needs more memory than the worker's limit of 64 MB: try fewer replications \(--replications\), a shorter horizon \(--days\) or fewer stock points, or a larger limit per worker thread with --memory MB \(this machine has \d+ MB for 1 worker thread and the main one\)$/,
    );
  });

  it('does not happen to the same scenario with a shorter horizon (the limit is what stopped it)', async () => {
    const result = await stocklab('run', hungry, '--workers', '1', '--memory', '64', '--days', '100', '--replications', '2');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Memory hungry \| 2 replications \| seed "oom" \| horizon 100 days \|/);
  });

  it('--memory takes a whole number of megabytes from 64 to what the machine has', async () => {
    const [small, huge, word] = await Promise.all([
      stocklab('run', hungry, '--memory', '10'),
      stocklab('run', hungry, '--memory', String(2 ** 40)),
      stocklab('run', hungry, '--memory', 'lots'),
    ]);
    expect([small.code, huge.code, word.code]).toEqual([2, 2, 2]);
    expect(small.stderr.split('\n')[0]).toBe('stocklab: run: --memory: expected a whole number of megabytes >= 64, got "10"');
    expect(huge.stderr.split('\n')[0]).toMatch(/^stocklab: run: --memory: expected at most \d+ MB, the memory this machine has, got "1099511627776"$/);
    expect(word.stderr.split('\n')[0]).toBe('stocklab: run: --memory: expected a whole number of megabytes >= 64, got "lots"');
  });
});

describe('Ctrl-C on stocklab run', () => {
  const hasScript = existsSync('/usr/bin/script');

  it.skipIf(!hasScript)('lets the runs under way finish and prints the replications done, marked interrupted (exit 130)', async () => {
    const { code, stdout, terminal, doneAtCtrlC } = await ctrlCOnTerminal(20, 'run', 'scenarios/01-newsvendor.json', '--replications', '5000', '--days', '300', '--workers', '2');
    expect(doneAtCtrlC).not.toBeNull();
    expect(code).toBe(130);
    expect(terminal).toMatch(/stocklab: stopping after the runs under way, to report what is done \(Ctrl-C again to quit now\)/);
    const kept = Number(/stocklab: interrupted; (\d+) of 5000 replications finished, and the results above are theirs \("complete": false in --json\)/.exec(terminal)?.[1]);
    // two variants: every run handed out before Ctrl-C finishes, so the replications are at least half the runs shown
    expect(kept).toBeGreaterThanOrEqual(Math.floor(doneAtCtrlC! / 2));
    expect(kept).toBeLessThan(5000);
    const lines = stdout.split('\n');
    expect(lines[0]).toMatch(new RegExp(`^Newsvendor as a one-period base-stock \\| ${kept} replications \\| `));
    expect(lines[1]).toBe(`${kept} of 5000 replications: interrupted (the figures below are those of the replications every variant finished)`);
    expect(stdout).toMatch(/\nfillRate\s+\d/);
  });

  it.skipIf(!hasScript)('with --json prints the result of the replications done, "complete": false', async () => {
    const { code, stdout, terminal, doneAtCtrlC } = await ctrlCOnTerminal(20, 'run', 'scenarios/01-newsvendor.json', '--replications', '5000', '--days', '300', '--workers', '2', '--json');
    expect(doneAtCtrlC).not.toBeNull();
    expect(code).toBe(130);
    const result = JSON.parse(stdout);
    expect(result.complete).toBe(false);
    expect(result.replications).toBeGreaterThanOrEqual(Math.floor(doneAtCtrlC! / 2));
    expect(terminal).toContain(`stocklab: interrupted; ${result.replications} of 5000 replications finished`);
    for (const variant of result.variants) expect(variant.network.fillRate.n).toBe(result.replications);
  });
});
