import { describe, expect, it } from 'vitest';
import { stocklab } from './stocklab.ts';

/**
 * One number for one difference: `compare` gives money over the measured window, as `run` gives each
 * variant's KPIs (docs/KPIS.md), so the paired difference of a money KPI is the difference of the two
 * variants' means that `run` prints for the same scenario and seed. (It used to be scaled to a year,
 * so a slide showed 22,515 EUR between the KPI cards and 23,413 EUR in the comparison sentence.)
 */
describe('stocklab compare and stocklab run on one time base', () => {
  const args = ['scenarios/04-coffee-brand.json', '--replications', '3', '--days', '90', '--workers', '1'];

  it("reports, for each money KPI, the difference of the variants' means that run reports, over the same window", async () => {
    const [run, compare, table] = await Promise.all([stocklab('run', ...args, '--json'), stocklab('compare', ...args, '--baseline', 'lean', '--json'), stocklab('compare', ...args, '--baseline', 'lean')]);
    expect([run.code, compare.code, table.code]).toEqual([0, 0, 0]);
    const ran = JSON.parse(run.stdout) as { variants: { id: string; network: Record<string, { mean: number | null }> }[] };
    const compared = JSON.parse(compare.stdout) as { comparisons: { variant: { id: string }; windowDays: number; differences: { kpi: string; mean: number; text: string }[] }[] };
    const meanOf = (id: string, kpi: string) => ran.variants.find((v) => v.id === id)!.network[kpi].mean!;
    let checked = 0;
    for (const comparison of compared.comparisons) {
      // 90 days, 14 of warm-up
      expect(comparison.windowDays).toBe(76);
      for (const kpi of ['totalCost', 'holdingCost', 'profit', 'revenue']) {
        const difference = comparison.differences.find((d) => d.kpi === kpi)!;
        const fromRun = meanOf(comparison.variant.id, kpi) - meanOf('lean', kpi);
        // the mean of paired differences is the difference of the means, up to rounding
        expect(Math.abs(difference.mean - fromRun)).toBeLessThan(1e-6 * Math.max(1, Math.abs(fromRun)));
        expect(difference.text).toMatch(/ EUR ± [\d,.]+ over the 76-day window$/);
        checked++;
      }
    }
    expect(checked).toBe(8);
    // and the table says so, with no yearly figure left
    expect(table.stdout).toMatch(/money over the 76-day window/);
    expect(table.stdout).toMatch(/\ntotalCost +[+−][\d,.]+ EUR ± [\d,.]+ over the 76-day window/);
    expect(table.stdout).not.toMatch(/a year|per year/);
  });
});
