/**
 * The app's CSV files in the page language's dialect (web/charts/csvDialect.ts, issue 16): English
 * writes "," and "12.5" (the bytes the other tests pin), French ";" and "12,5", which French Excel
 * opens as columns of numbers. Node tests run in English, so French is asked for explicitly.
 */
import { describe, expect, it } from 'vitest';
import minimal from '../fixtures/minimal.json';
import { parseCsv } from '../fixtures/csv.ts';
import { scenarioOf } from '../fixtures/scenario.ts';
import { runExperiment } from '../../src/experiment/replicate.ts';
import { planSweep, sweepRows } from '../../src/experiment/sweep.ts';
import type { OptimizeOutcome, OptimizeSpec } from '../../src/experiment/optimize.ts';
import type { ScenarioInput } from '../../src/scenario/schema.ts';
import { CSV_DIALECTS, csvNumber, csvQuote, csvRow, csvText, pageCsvDialect } from '../../web/charts/csvDialect.ts';
import { resultToCsv } from '../../web/charts/export.ts';
import { shownRowsCsv } from '../../web/results/stockPointCsv.ts';
import { sweepViewCsv, type SweepView } from '../../web/worker/sweep.ts';
import { sensitivityViewCsv, type SensitivityView } from '../../web/worker/sensitivity.ts';
import { optimizeViewCsv, type OptimizeView } from '../../web/worker/optimize.ts';
import { reportCsv } from '../../web/worker/importClient.ts';

const { en, fr } = CSV_DIALECTS;

/** RFC 4180 with ";" between fields (what French Excel reads) */
const parseFrenchCsv = (csv: string) => parseCsv(csv, ';');

/**
 * The French file holds the English one's cells: the same header, the same text in the text columns,
 * and in the others the same numbers with a decimal comma in place of the point.
 */
function expectSameCells(englishCsv: string, frenchCsv: string, textColumns: string[]): number {
  const english = parseCsv(englishCsv);
  const french = parseFrenchCsv(frenchCsv);
  expect(french).toHaveLength(english.length);
  expect(french[0]).toEqual(english[0]);
  let decimals = 0;
  english.slice(1).forEach((row, r) => {
    expect(french[r + 1]).toHaveLength(row.length);
    row.forEach((cell, c) => {
      const shown = french[r + 1][c];
      if (textColumns.includes(english[0][c])) expect(shown, `${english[0][c]} row ${r + 1}`).toBe(cell);
      else {
        expect(shown, `${english[0][c]} row ${r + 1}`).toBe(cell.replace('.', ','));
        expect(shown).not.toContain('.');
        if (shown.includes(',')) decimals++;
      }
    });
  });
  return decimals;
}

describe('one CSV writer, two dialects', () => {
  it('English: "," between fields, a decimal point; French: ";" and a decimal comma', () => {
    const cells = ['beans', 12.5, -0.25, 3, null, true, undefined];
    expect(csvRow(cells, en)).toBe('beans,12.5,-0.25,3,,true,');
    expect(csvRow(cells, fr)).toBe('beans;12,5;-0,25;3;;true;');
  });

  it('quotes a field holding the dialect’s separator, a quote or a line break (RFC 4180), not the other’s separator', () => {
    expect(csvQuote('a,b', en)).toBe('"a,b"');
    expect(csvQuote('a,b', fr)).toBe('a,b');
    expect(csvQuote('a;b', en)).toBe('a;b');
    expect(csvQuote('a;b', fr)).toBe('"a;b"');
    expect(csvQuote('say "hi"', fr)).toBe('"say ""hi"""');
    expect(csvQuote('two\nlines', fr)).toBe('"two\nlines"');
    expect(csvQuote('cr\rhere', en)).toBe('"cr\rhere"');
  });

  it('text keeps its dots and commas, and a formula sign gets an apostrophe, in both dialects', () => {
    expect(csvText('1.5', fr)).toBe('1.5');
    expect(csvText('=SUM(A1)', fr)).toBe("'=SUM(A1)");
    expect(csvText('-1; drop', fr)).toBe(`"'-1; drop"`);
    expect(csvText('+1, up', en)).toBe(`"'+1, up"`);
  });

  it('numbers: every digit JavaScript gives, empty for null and what is not finite', () => {
    expect(csvNumber(0.1 + 0.2, fr)).toBe('0,30000000000000004');
    expect(csvNumber(1e-7, fr)).toBe('1e-7');
    expect(csvNumber(1234567.5, fr)).toBe('1234567,5');
    expect(csvNumber(NaN, fr)).toBe('');
    expect(csvNumber(Infinity, en)).toBe('');
    expect(csvNumber(null, en)).toBe('');
  });

  it('the page’s dialect is English in Node (no page)', () => {
    expect(pageCsvDialect).toEqual(en);
  });
});

const scenarioInput: ScenarioInput = {
  ...(minimal as ScenarioInput),
  name: 'Shops; "north", south',
  seed: 'seed 1.5',
  horizonDays: 60,
  variants: [{ id: 'low', name: 'Low; cheap', policies: [{ policy: { type: 'baseStock', level: 6 } }] }, { id: 'high' }],
};
const scenario = scenarioOf(scenarioInput);
const result = runExperiment(scenario, { replications: 3 });

describe('the app’s exports in French', () => {
  it('results CSV: the English file’s cells, ";" between them, decimal commas in mean, sd and halfWidth', () => {
    const french = resultToCsv(result, fr);
    expect(french.endsWith('\r\n')).toBe(true);
    expect(french.split('\r\n')[0]).toBe('scenario;seed;replications;horizonDays;warmupDays;complete;variantId;variant;scope;product;node;kpi;mean;sd;halfWidth;n');
    // the names holding ";" are quoted, the seed with a dot is text and keeps it
    expect(french.split('\r\n')[1].startsWith('"Shops; ""north"", south";seed 1.5;3;60;')).toBe(true);
    const decimals = expectSameCells(resultToCsv(result, en), french, ['scenario', 'seed', 'complete', 'variantId', 'variant', 'scope', 'product', 'node', 'kpi']);
    expect(decimals).toBeGreaterThan(10);
  });

  it('the per-SKU rows: the English file’s cells in the French dialect (policy and ids as text)', () => {
    const shown = [1, 0];
    const decimals = expectSameCells(shownRowsCsv(result, shown, '9.9.9', en), shownRowsCsv(result, shown, '9.9.9', fr), ['scenario', 'seed', 'complete', 'stocklabVersion', 'variant', 'node', 'product', 'policy']);
    expect(decimals).toBeGreaterThan(3);
    // the version keeps its dots
    expect(parseFrenchCsv(shownRowsCsv(result, shown, '9.9.9', fr))[1][4]).toBe('9.9.9');
  });

  const axes = [{ parameter: 'level', values: [4, 8.5] }];
  const plan = planSweep(scenario, { product: 'widget', axes });
  const rows = sweepRows(plan, runExperiment(plan.scenario, { replications: 2 }));

  it('the sweep’s grid points: parameter values and KPIs with decimal commas, frontier and context as text', () => {
    const view: SweepView = { scenario: scenario.name, seed: scenario.seed, rows, axes, skipped: plan.skipped, product: 'widget', replications: 2, complete: true };
    const french = sweepViewCsv(view, fr);
    expect(parseFrenchCsv(french)[2][5]).toBe('8,5');
    expect(expectSameCells(sweepViewCsv(view, en), french, ['scenario', 'seed', 'complete', 'stocklabVersion', 'frontier'])).toBeGreaterThan(10);
  });

  it('the tornado: percent, baseline, low, high and swing as numbers, variant and input as text', () => {
    const summary = (mean: number) => ({ mean, sd: 0.5, halfWidth: 0.125, n: 3 });
    const view: SensitivityView = {
      scenario: scenario.name,
      seed: scenario.seed,
      variantId: 'low',
      variant: 'Low; cheap',
      kpi: 'fillRate',
      percent: 12.5,
      baseline: summary(0.9),
      bars: [{ input: 'demandMean', low: summary(0.95), high: summary(0.85), swing: 0.1 }],
      skipped: [],
      replications: 3,
      planned: 1,
      complete: true,
    };
    const french = sensitivityViewCsv(view, fr);
    expect(parseFrenchCsv(french)[1].slice(5, 10)).toEqual(['low', 'Low; cheap', 'fillRate', '12,5', 'demandMean']);
    expect(expectSameCells(sensitivityViewCsv(view, en), french, ['scenario', 'seed', 'complete', 'stocklabVersion', 'variantId', 'variant', 'kpi', 'input'])).toBe(8);
  });

  it('the optimisation: screened points’ values and objective as numbers, phase, meetsFloor and winner as text', () => {
    const spec = { axes, objective: 'totalCost', constraint: { kpi: 'fillRate', atLeast: 0.5 } } as Pick<OptimizeSpec, 'axes' | 'objective' | 'constraint'>;
    // the screening alone (no confirmation replications): the rows optimizationCsv writes first
    const outcome = { screened: rows, confirmed: [], winner: null, replications: { screen: 2, confirm: 0 }, complete: true } as unknown as OptimizeOutcome;
    const view = { scenario: scenario.name, seed: scenario.seed, outcome, request: { product: 'widget', axes, objective: 'totalCost' }, spec, screenReplications: 2, confirmReplications: 10, advice: null } as unknown as OptimizeView;
    const french = optimizeViewCsv(view, fr);
    expect(parseFrenchCsv(french)[0]).toContain('meetsFloor');
    expect(expectSameCells(optimizeViewCsv(view, en), french, ['scenario', 'seed', 'complete', 'stocklabVersion', 'phase', 'meetsFloor', 'winner'])).toBeGreaterThan(3);
  });

  it('the import report: rows as numbers, files, columns and reasons as text (a reason’s "2.5" keeps its dot)', () => {
    const report = { lines: [], counts: {}, notes: [{ file: 'sales; 2026.csv', row: 12, column: 'qty', status: 'rejected' as const, reason: 'quantity 2.5 is not whole' }] };
    expect(reportCsv(report, en)).toBe('file,row,column,status,reason\nsales; 2026.csv,12,qty,rejected,quantity 2.5 is not whole\n');
    expect(reportCsv(report, fr)).toBe('file;row;column;status;reason\n"sales; 2026.csv";12;qty;rejected;quantity 2.5 is not whole\n');
  });
});
