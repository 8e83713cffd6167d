import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { ctrlCOnTerminal, stocklab } from './stocklab.ts';

/** Ctrl-C is pressed on a pseudo-terminal made by util-linux `script`, where the progress line shows. */
const hasScript = existsSync('/usr/bin/script');

describe('stocklab compare', () => {
  it('prints a sentence and the paired differences for each variant against the baseline', async () => {
    const result = await stocklab('compare', 'scenarios/04-coffee-brand.json', '--baseline', 'lean', '--replications', '4', '--days', '120', '--workers', '2');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^A coffee brand's store and warehouse \| 4 replications on common random numbers/);
    expect(result.stdout).toMatch(/\nCompared with Lean \(s, S\), Generous \(s, S\) raises fill rate by [\d.]+ points \(±[\d.]+\)/);
    expect(result.stdout).toMatch(/\nCompared with Lean \(s, S\), Service target 95% /);
    expect(result.stdout).toMatch(/\nfillRate +\+[\d.]+ points ± [\d.]+ +yes\n/);
  });

  it('gives the same numbers as JSON and CSV, whatever the number of workers', async () => {
    const one = await stocklab('compare', 'scenarios/04-coffee-brand.json', '--replications', '3', '--days', '90', '--workers', '1', '--json');
    const two = await stocklab('compare', 'scenarios/04-coffee-brand.json', '--replications', '3', '--days', '90', '--workers', '2', '--json');
    expect(two.stdout).toBe(one.stdout);
    const parsed = JSON.parse(one.stdout);
    expect(parsed.comparisons.map((c: { baseline: { id: string }; variant: { id: string } }) => `${c.baseline.id}>${c.variant.id}`)).toEqual(['lean>generous', 'lean>target95', 'generous>target95']);
    const csv = await stocklab('compare', 'scenarios/04-coffee-brand.json', '--replications', '3', '--days', '90', '--csv', '--kpis', 'fillRate,totalCost');
    const lines = csv.stdout.trim().split('\n');
    expect(lines[0]).toBe('scenario,seed,replications,baseline,variant,kpi,mean,sd,halfWidth,n,significant');
    expect(lines).toHaveLength(1 + 3 * 2);
    const fill = parsed.comparisons[0].differences.find((d: { kpi: string }) => d.kpi === 'fillRate');
    expect(lines[1].split(',')[6]).toBe(String(fill.mean));
  });

  it('adds replications until the precision target is met (--precision), and says so', async () => {
    const result = await stocklab('compare', 'scenarios/04-coffee-brand.json', '--days', '90', '--replications', '3', '--precision', 'fillRate=0.004', '--max-replications', '60', '--kpis', 'fillRate');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/\nprecision: fillRate known to ±[\d.e-]+ \(target ±0\.004\) with \d+ replications\n/);
    expect(result.stderr).toMatch(/^precision: 3 replications, fillRate half-width/);
  });

  it('refuses a scenario with one variant, an unknown baseline or KPI, and a malformed precision (exit 2)', async () => {
    const single = await stocklab('compare', 'scenarios/02-base-stock-poisson.json');
    expect([single.code, single.stderr]).toEqual([2, 'stocklab: compare: scenarios/02-base-stock-poisson.json has 1 policy variant; comparing needs at least two (add "variants")\n(stocklab --help shows the usage)\n']);
    const baseline = await stocklab('compare', 'scenarios/04-coffee-brand.json', '--baseline', 'nope');
    expect(baseline.code).toBe(2);
    expect(baseline.stderr).toMatch(/--baseline: no variant "nope" \(variants: lean, generous, target95\)/);
    const kpi = await stocklab('compare', 'scenarios/04-coffee-brand.json', '--kpis', 'fillrate');
    expect(kpi.code).toBe(2);
    expect(kpi.stderr).toMatch(/unknown KPI "fillrate"/);
    const precision = await stocklab('compare', 'scenarios/04-coffee-brand.json', '--precision', 'fillRate');
    expect(precision.code).toBe(2);
    expect(precision.stderr).toMatch(/expected KPI=HALFWIDTH/);
  });
});

describe('stocklab compare, interrupted', () => {
  it.skipIf(!hasScript)('on Ctrl-C compares the replications every variant finished (exit 130)', async () => {
    // a run meant to be interrupted, far beyond the run budget: --allow-large lets it start
    // Ctrl-C once the progress line shows 6 runs done (not on a timer); ctrlCKeepsPlainRun.test.ts
    // checks the numbers kept against a plain run
    const { code, stdout, terminal: stderr, doneAtCtrlC } = await ctrlCOnTerminal(6, 'compare', 'scenarios/04-coffee-brand.json', '--replications', '100000', '--days', '60', '--kpis', 'fillRate', '--workers', '2', '--allow-large');
    expect(doneAtCtrlC).not.toBeNull();
    expect(code).toBe(130);
    const kept = Number(/the comparison above uses the (\d+) replications every variant finished/.exec(stderr)?.[1]);
    expect(kept).toBeGreaterThanOrEqual(2);
    expect(stdout).toMatch(new RegExp(`\\| ${kept} replications on common random numbers`));
    expect(stdout).toMatch(/\nCompared with Lean \(s, S\), Generous \(s, S\) raises fill rate by /);
  });
});
