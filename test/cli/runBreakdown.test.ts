import { describe, expect, it } from 'vitest';
import { breakdownCsv, breakdownJson } from '../../src/experiment/breakdown.ts';
import { formatCell } from '../../src/cli/format.ts';
import { stocklab } from './stocklab.ts';

/** The gallery's multi-echelon scenario: a warehouse and stores, several stock points per variant. */
const FILE = 'scenarios/07-multi-echelon.json';
const CURRENCY = 'EUR'; // the scenario's
const RUN = ['--replications', '3', '--days', '120', '--workers', '2', '--seed', 'by'];
/**
 * `stocklab run FILE ...RUN --json`, the reference the first three tests compare with: started once,
 * by the first test that asks, and shared (the same scenario, seed and flags give the same bytes:
 * test/cli/run.test.ts), rather than the same run three times over.
 */
let plainJson: ReturnType<typeof stocklab> | undefined;
const runJson = () => (plainJson ??= stocklab('run', FILE, ...RUN, '--json'));

describe('stocklab run --by stock-point|product', () => {
  it('prints one table per variant, one row per stock point, each cell the --json figure', async () => {
    const [text, json] = await Promise.all([stocklab('run', FILE, ...RUN, '--by', 'stock-point'), runJson()]);
    expect(text.code).toBe(0);
    expect(json.code).toBe(0);
    const result = JSON.parse(json.stdout);
    const lines = text.stdout.split('\n');
    expect(lines[0]).toMatch(/ \| 3 replications \| seed "by" \| horizon 120 days \| /);
    for (const variant of result.variants) {
      const title = lines.findIndex((line) => line.startsWith(`${variant.name}: per stock point (node / product)`));
      expect(title).toBeGreaterThan(0);
      const head = lines[title].split(/\s{2,}/);
      expect(head.slice(1, 3)).toEqual(['fillRate', 'cycleServiceLevel']);
      variant.stockPoints.forEach((point: { node: string; product: string; kpis: Record<string, never> }, i: number) => {
        const row = lines[title + 2 + i];
        expect(row.startsWith(`${point.node} / ${point.product} `)).toBe(true);
        expect(row).toContain(formatCell('fillRate', point.kpis.fillRate, CURRENCY));
      });
    }
  });

  it('--csv and --json print the breakdown of the same run, byte for byte what the library gives', async () => {
    const [csv, json, full] = await Promise.all([
      stocklab('run', FILE, ...RUN, '--by', 'product', '--csv'),
      stocklab('run', FILE, ...RUN, '--by', 'stock-point', '--json'),
      runJson(),
    ]);
    const result = JSON.parse(full.stdout);
    expect(csv.code).toBe(0);
    expect(csv.stdout).toBe(breakdownCsv(result, 'product'));
    expect(json.stdout).toBe(breakdownJson(result, 'stock-point'));
    // warnings still go to stderr, so stdout stays one CSV file
    expect(csv.stderr).toBe(result.warnings.map((warning: string) => `${FILE}: warning: ${warning}\n`).join(''));
  });

  it('--csv without --by gives one row per variant, the network’s KPIs', async () => {
    const [csv, full] = await Promise.all([stocklab('run', FILE, ...RUN, '--csv'), runJson()]);
    expect(csv.stdout).toBe(breakdownCsv(JSON.parse(full.stdout), 'network'));
    expect(csv.stdout.split('\n').filter(Boolean)).toHaveLength(1 + JSON.parse(full.stdout).variants.length);
  });

  it('refuses an unknown level and --json with --csv, before running anything', async () => {
    const level = await stocklab('run', FILE, '--by', 'sku');
    expect(level.code).toBe(2);
    expect(level.stderr).toContain('--by: expected stock-point or product, got "sku"');
    const both = await stocklab('run', FILE, '--by', 'product', '--json', '--csv');
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--json and --csv');
    expect(both.stdout).toBe('');
  });
});
