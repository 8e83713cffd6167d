import { beforeAll, describe, expect, it } from 'vitest';
import minimal from '../fixtures/minimal.json';
import { parseCsv } from '../fixtures/csv.ts';
import { runExperiment, type ExperimentResult } from '../../src/experiment/replicate.ts';
import { parseScenario } from '../../src/scenario/parse.ts';
import { KPI_NAMES } from '../../src/metrics/kpis.ts';
import { CSV_COLUMNS, resultToCsv, resultToJson, text } from '../../web/charts/export.ts';

let result: ExperimentResult;

beforeAll(() => {
  const parsed = parseScenario({
    ...minimal,
    name: 'Two policies, one store',
    seed: 'csv',
    horizonDays: 60,
    variants: [{ id: 'low', name: 'Low, "cheap" stock' }, { id: 'high' }],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  result = runExperiment(parsed.scenario, { replications: 3 });
});


describe('results as CSV', () => {
  it('has one row per variant × scope × KPI, after a header, with CRLF line ends', () => {
    const csv = resultToCsv(result);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    // 2 variants × (network + 1 product + 1 stock point) × every KPI
    expect(rows.length - 1).toBe(2 * 3 * KPI_NAMES.length);
    expect(rows.every((row) => row.length === CSV_COLUMNS.length)).toBe(true);
    const scopes = new Set(rows.slice(1).map((row) => row[CSV_COLUMNS.indexOf('scope')]));
    expect([...scopes]).toEqual(['network', 'product', 'stockPoint']);
  });

  it('starts every row with what reproduces the run: scenario, seed, replications, horizon, warm-up', () => {
    const row = parseCsv(resultToCsv(result))[1];
    expect(row.slice(0, 6)).toEqual(['Two policies, one store', 'csv', '3', '60', '0', 'true']);
  });

  it('quotes fields with commas and quotes, and round-trips the variant name', () => {
    const csv = resultToCsv(result);
    expect(csv).toContain('"Low, ""cheap"" stock"');
    const rows = parseCsv(csv);
    expect(rows[1][CSV_COLUMNS.indexOf('variant')]).toBe('Low, "cheap" stock');
  });

  it('gives mean, sd, half-width and n as plain numbers, and leaves KPIs that do not apply empty', () => {
    const rows = parseCsv(resultToCsv(result));
    const col = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);
    const fill = rows.find((row) => row[col('scope')] === 'network' && row[col('kpi')] === 'fillRate' && row[col('variantId')] === 'low')!;
    expect(Number(fill[col('mean')])).toBeCloseTo(result.variants[0].network.fillRate.mean!, 12);
    expect(fill[col('n')]).toBe('3');
    const revenue = rows.find((row) => row[col('scope')] === 'network' && row[col('kpi')] === 'revenue')!;
    expect(revenue.slice(col('mean'), col('n'))).toEqual(['', '', '']);
    expect(revenue[col('n')]).toBe('0');
  });

  it('names stock points by node and product', () => {
    const rows = parseCsv(resultToCsv(result));
    const point = rows.find((row) => row[CSV_COLUMNS.indexOf('scope')] === 'stockPoint')!;
    expect([point[CSV_COLUMNS.indexOf('product')], point[CSV_COLUMNS.indexOf('node')]]).toEqual(['widget', 'store']);
  });

  it('keeps a spreadsheet from running a name as a formula', () => {
    expect(text('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(text('-1')).toBe("'-1");
    expect(text('plain name')).toBe('plain name');
    expect(text('line\nbreak')).toBe('"line\nbreak"');
  });
});

describe('results as JSON', () => {
  it('round-trips the whole result', () => {
    expect(JSON.parse(resultToJson(result))).toEqual(JSON.parse(JSON.stringify(result)));
  });
});
