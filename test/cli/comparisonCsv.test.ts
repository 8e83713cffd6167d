import { describe, expect, it } from 'vitest';
import { compareVariants } from '../../src/experiment/compare.ts';
import { runExperiment } from '../../src/experiment/replicate.ts';
import { studentTQuantile } from '../../src/metrics/studentT.ts';
import { formatComparisonCsv } from '../../src/cli/formatComparisons.ts';
import { parseCsv } from '../fixtures/csv.ts';
import { scenarioOf, singleStore } from '../fixtures/scenario.ts';

/** Three base-stock levels against the same Poisson customers: paired differences that vary by replication. */
const scenario = scenarioOf({
  ...singleStore({
    policy: { type: 'baseStock', level: 8 },
    unmetDemand: 'lost',
    horizonDays: 60,
    seed: 'comparison-csv',
    variants: [
      { id: 'low', policies: [{ policy: { type: 'baseStock', level: 6 } }] },
      { id: 'mid', policies: [{ policy: { type: 'baseStock', level: 9 } }] },
      { id: 'high', policies: [{ policy: { type: 'baseStock', level: 12 } }] },
    ],
  }),
  output: { series: 'none' },
});

describe('stocklab compare --csv: the mean, sd and halfWidth columns of each paired difference', () => {
  it('hold the paired differences of the replications’ own values (sample sd, t × sd / √n), each in its column', () => {
    const result = runExperiment(scenario, { replications: 5 });
    const comparisons = compareVariants(result, { windowDays: 60, currency: 'EUR', kpis: ['avgOnHand', 'lostSalesUnits'] });
    const rows = parseCsv(formatComparisonCsv(result, comparisons).replace(/\n/g, '\r\n'));
    const header = rows[0];
    const col = (name: string) => header.indexOf(name);
    let checked = 0;
    for (const comparison of comparisons) {
      const baseline = result.variants.find((v) => v.id === comparison.baseline.id)!;
      const variant = result.variants.find((v) => v.id === comparison.variant.id)!;
      for (const kpi of ['avgOnHand', 'lostSalesUnits'] as const) {
        // quantities are reported in their unit, unscaled: the differences are the replications' own
        const differences = variant.samples.network[kpi].map((value, k) => value! - baseline.samples.network[kpi][k]!);
        const n = differences.length;
        const mean = differences.reduce((a, b) => a + b, 0) / n;
        const sd = Math.sqrt(differences.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
        const halfWidth = (studentTQuantile(0.975, n - 1) * sd) / Math.sqrt(n);
        const row = rows.find((r) => r[col('baseline')] === baseline.id && r[col('variant')] === variant.id && r[col('kpi')] === kpi)!;
        expect(Number(row[col('mean')]), `${baseline.id}>${variant.id} ${kpi} mean`).toBeCloseTo(mean, 9);
        expect(Number(row[col('sd')]), `${baseline.id}>${variant.id} ${kpi} sd`).toBeCloseTo(sd, 9);
        expect(Number(row[col('halfWidth')]), `${baseline.id}>${variant.id} ${kpi} halfWidth`).toBeCloseTo(halfWidth, 9);
        expect(row[col('n')]).toBe(String(n));
        if (sd > 0) checked++;
      }
    }
    // the differences vary, so sd and halfWidth (2.78 / √5 = 1.24 times sd) are told apart
    expect(checked).toBeGreaterThanOrEqual(4);
  });
});
