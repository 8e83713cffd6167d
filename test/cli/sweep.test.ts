import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { ctrlCOnTerminal, stocklab } from './stocklab.ts';

/** Ctrl-C is pressed on a pseudo-terminal made by util-linux `script`, where the progress line shows. */
const hasScript = existsSync('/usr/bin/script');

describe('stocklab sweep', () => {
  it('prints the chosen KPI over a two-parameter grid and the frontier', async () => {
    const result = await stocklab('sweep', 'scenarios/01-newsvendor.json', '--product', 'paper', '--param', 'orderUpTo=100:130:10', '--param', 'reviewPeriod=1,2', '--kpi', 'costPerPeriod', '--replications', '3', '--days', '200');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/sweep of orderUpTo \(4 values\) × reviewPeriod \(2 values\) \| 3 replications per point/);
    expect(result.stdout).toMatch(/\ncostPerPeriod \(network, mean ± 95% half-width\) over the grid:\norderUpTo \\ reviewPeriod +1 +2\n/);
    expect(result.stdout).toMatch(/\* the Pareto frontier of fill rate against holding cost \(\d+ of 8 points/);
  });

  it('gives every grid point as JSON and CSV, the same whatever the number of workers', async () => {
    const args = ['sweep', 'scenarios/01-newsvendor.json', '--product', 'paper', '--param', 'orderUpTo=100,117,130', '--replications', '2', '--days', '100'];
    const one = await stocklab(...args, '--workers', '1', '--json');
    const two = await stocklab(...args, '--workers', '2', '--json');
    expect(two.stdout).toBe(one.stdout);
    const parsed = JSON.parse(one.stdout);
    expect(parsed.rows.map((row: { id: string }) => row.id)).toEqual(['orderUpTo:100', 'orderUpTo:117', 'orderUpTo:130']);
    const csv = (await stocklab(...args, '--csv')).stdout.trim().split('\n');
    expect(csv[0]).toMatch(/^orderUpTo,frontier,fillRate,fillRateHalfWidth,/);
    expect(csv).toHaveLength(4);
  });

  it('refuses a sweep without a product, with a parameter the policy lacks, or with three parameters (exit 2)', async () => {
    const noProduct = await stocklab('sweep', 'scenarios/01-newsvendor.json', '--param', 'orderUpTo=100:120:10');
    expect([noProduct.code, noProduct.stderr]).toEqual([2, 'stocklab: sweep: --product is required (the product whose policies are swept)\n(stocklab --help shows the usage)\n']);
    const lacking = await stocklab('sweep', 'scenarios/01-newsvendor.json', '--product', 'paper', '--param', 'reorderPoint=1,2');
    expect(lacking.code).toBe(2);
    expect(lacking.stderr).toMatch(/the periodicRS policy at kiosk\/paper has no numeric "reorderPoint"/);
    const three = await stocklab('sweep', 'scenarios/01-newsvendor.json', '--product', 'paper', '--param', 'orderUpTo=1,2', '--param', 'orderUpTo=1,2', '--param', 'orderUpTo=1,2');
    expect(three.code).toBe(2);
    expect(three.stderr).toMatch(/expected --param once or twice, got 3/);
  });
});

describe('stocklab sweep, interrupted', () => {
  it.skipIf(!hasScript)('on Ctrl-C lets the runs under way finish and reports the grid of the replications done (exit 130)', async () => {
    // a run meant to be interrupted, far beyond the run budget: --allow-large lets it start
    // Ctrl-C once the progress line shows 8 runs done (not on a timer); ctrlCKeepsPlainRun.test.ts
    // checks the numbers kept against a plain run
    const { code, stdout, terminal: stderr, doneAtCtrlC } = await ctrlCOnTerminal(8, 'sweep', 'scenarios/01-newsvendor.json', '--product', 'paper', '--param', 'orderUpTo=100:130:10', '--replications', '100000', '--days', '300', '--workers', '2', '--allow-large');
    expect(doneAtCtrlC).not.toBeNull();
    expect(code).toBe(130);
    expect(stderr).toMatch(/stopping after the runs under way/);
    const kept = Number(/the grid above has the (\d+) replications every point finished/.exec(stderr)?.[1]);
    expect(kept).toBeGreaterThan(0);
    expect(stdout).toMatch(new RegExp(`\\| ${kept} replications per point`));
    expect(stdout).toMatch(/\norderUpTo +totalCost\n/);
  });
});
