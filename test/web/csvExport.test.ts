import { describe, expect, it } from 'vitest';
import minimal from '../fixtures/minimal.json';
import { parseCsv } from '../fixtures/csv.ts';
import { runExperiment } from '../../src/experiment/replicate.ts';
import { KPI_NAMES } from '../../src/metrics/kpis.ts';
import { scenarioOf } from '../fixtures/scenario.ts';
import { CSV_COLUMNS, resultToCsv } from '../../web/charts/export.ts';

/** t(0.975, 3) from the tables (Student's t, 3 degrees of freedom): 4 replications. */
const T_975_3 = 3.182446;

const result = runExperiment(
  scenarioOf({
    ...(minimal as Parameters<typeof scenarioOf>[0]),
    name: 'csv columns',
    seed: 'csv-columns',
    horizonDays: 60,
    variants: [{ id: 'low', policies: [{ policy: { type: 'baseStock', level: 6 } }] }, { id: 'high' }],
  }),
  { replications: 4 },
);

const col = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);

describe('the CSV export’s mean, sd, halfWidth and n columns hold what their headers say', () => {
  const rows = parseCsv(resultToCsv(result)).slice(1);

  it('network rows: mean, sample sd and t × sd / √n of the replications’ own values', () => {
    let checked = 0;
    for (const variant of result.variants) {
      for (const name of KPI_NAMES) {
        const values = variant.samples.network[name].filter((value): value is number => value !== null);
        if (values.length !== 4) continue;
        const mean = values.reduce((a, b) => a + b, 0) / 4;
        const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / 3);
        const row = rows.find((r) => r[col('variantId')] === variant.id && r[col('scope')] === 'network' && r[col('kpi')] === name)!;
        expect(Number(row[col('mean')]), `${variant.id} ${name} mean`).toBeCloseTo(mean, 9);
        expect(Number(row[col('sd')]), `${variant.id} ${name} sd`).toBeCloseTo(sd, 9);
        // relative: the table's t has 7 digits
        const halfWidth = (T_975_3 * sd) / 2;
        expect(Math.abs(Number(row[col('halfWidth')]) - halfWidth), `${variant.id} ${name} halfWidth`).toBeLessThanOrEqual(1e-5 * halfWidth + 1e-12);
        expect(row[col('n')]).toBe('4');
        if (sd > 0) checked++;
      }
    }
    // enough KPIs vary between replications that sd and halfWidth differ (t / √n = 1.59 here)
    expect(checked).toBeGreaterThan(20);
  });

  it('product and stock point rows: the result’s own summaries, column by column', () => {
    for (const variant of result.variants) {
      const scopes = [
        ...variant.products.map((p) => ({ scope: 'product', product: p.product, node: '', kpis: p.kpis })),
        ...variant.stockPoints.map((s) => ({ scope: 'stockPoint', product: s.product, node: s.node, kpis: s.kpis })),
      ];
      for (const { scope, product, node, kpis } of scopes) {
        for (const name of KPI_NAMES) {
          const s = kpis[name];
          const row = rows.find((r) => r[col('variantId')] === variant.id && r[col('scope')] === scope && r[col('product')] === product && r[col('node')] === node && r[col('kpi')] === name)!;
          const cell = (value: number | null) => (value === null ? '' : value);
          expect([row[col('mean')], row[col('sd')], row[col('halfWidth')], row[col('n')]].map((text) => (text === '' ? '' : Number(text)))).toEqual([cell(s.mean), cell(s.sd), cell(s.halfWidth), s.n]);
        }
      }
    }
  });
});
