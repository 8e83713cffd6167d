import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkTheory, theoryOf } from '../../src/experiment/theory.ts';
import { runExperiment } from '../../src/experiment/replicate.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { scenarioOf, singleStore, twoEchelon } from '../fixtures/scenario.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function baseStock(overrides: Partial<Parameters<typeof singleStore>[0]> = {}): Scenario {
  const scenario = scenarioOf(singleStore({ policy: { type: 'baseStock', level: 12 }, customersPerDay: 3, leadTime: 3, horizonDays: 300, ...overrides }));
  return { ...scenario, theory: { model: 'baseStockPoisson' } };
}

describe('theory of a scenario: its assumptions are checked, and the field that breaks one is named', () => {
  it('gives no theory when the scenario names no model', () => {
    expect(theoryOf(scenarioOf(singleStore({ policy: { type: 'baseStock', level: 12 } })))).toBeNull();
  });

  it('reads the model parameters from the scenario: base stock 12, 3 a day, 3 days', () => {
    const theory = theoryOf(baseStock());
    expect(theory?.ok).toBe(true);
    if (!theory?.ok) return;
    const fill = theory.variants[0].comparisons.find((c) => c.kpi === 'fillRate')!;
    expect(fill).toMatchObject({ stockPoint: 'store/widget', per: 'window', allowance: 0 });
    expect(fill.theory).toBeCloseTo(0.803, 3);
  });

  it.each([
    ['a lead time that is not constant', baseStock({ leadTime: { type: 'uniform', min: 2, max: 4 } }), 'lanes[0].leadTime', 'assumes a constant lead time; got a uniform distribution'],
    ['customers buying two units', baseStock({ quantity: { type: 'constant', value: 2 } }), 'demand[0].quantity', 'assumes each customer buys exactly one unit'],
    ['lost sales', baseStock({ unmetDemand: 'lost' }), 'products', 'assumes unmet demand is backordered at store/widget'],
    ['another policy', { ...baseStock(), stockPoints: [{ ...baseStock().stockPoints[0], policy: { type: 'sS', reorderPoint: 4, orderUpTo: 12 } }] } as Scenario, 'stockPoints', 'assumes a baseStock policy at store/widget; variant "baseline" has sS'],
    ['two stock points', { ...scenarioOf(twoEchelon()), theory: { model: 'baseStockPoisson' } } as Scenario, 'stockPoints', 'describes one stock point; this scenario has 3'],
  ])('refuses %s', (_name, scenario, path, message) => {
    expect(theoryOf(scenario)).toEqual({ ok: false, problems: [{ path, message: `the baseStockPoisson model: ${message}` }] });
  });

  it('judges each comparison at 95% and at the joint level, whose interval is wider', () => {
    const scenario = { ...baseStock({ horizonDays: 400 }), replications: 5 };
    const theory = theoryOf(scenario);
    if (!theory?.ok) throw new Error('no theory');
    const checks = checkTheory(theory, runExperiment(scenario), 400);
    expect(checks.length).toBe(theory.variants[0].comparisons.length);
    for (const check of checks) {
      expect(check.simulated!.n).toBe(5);
      if (check.simulated!.halfWidth! > 0) expect(check.jointHalfWidth!).toBeGreaterThan(check.simulated!.halfWidth!);
      // joint agreement follows from agreement at 95%, never the other way round
      if (check.agrees) expect(check.agreesJointly).toBe(true);
    }
    // a wrong theory value far outside every interval fails both
    const [first] = checks;
    const wrong = checkTheory({ ...theory, variants: [{ ...theory.variants[0], comparisons: [{ ...theory.variants[0].comparisons[0], theory: first.simulated!.mean + 10 * (first.jointHalfWidth! + 1) }] }] }, runExperiment(scenario), 400);
    expect(wrong[0]).toMatchObject({ agrees: false, agreesJointly: false });
  });
});

describe('stocklab validate and run with a theory model', () => {
  function stocklab(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      execFile(process.execPath, ['bin/stocklab.mjs', ...args], { cwd: ROOT }, (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }));
    });
  }

  it('reports a scenario its model does not fit as invalid, at the field, exit 2', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'stocklab-theory-')), 'misfit.json');
    writeFileSync(file, JSON.stringify(baseStock({ leadTime: { type: 'uniform', min: 2, max: 4 } })));
    const result = await stocklab('validate', file);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`${file}: lanes[0].leadTime: the baseStockPoisson model: assumes a constant lead time; got a uniform distribution\n`);
  });

  it('prints theory beside simulation, and carries the checks in --json', async () => {
    const table = await stocklab('run', 'scenarios/theory/queue-mmc.json', '--replications', '4', '--days', '300');
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/theory: queueMMc \(Erlang C/);
    expect(table.stdout).toMatch(/\navgCustomerWait at web-shop\/order +[\d.]+ ± [\d.]+ +0\.36\d* /);
    // the station's own queue is measured at the network
    expect(table.stdout).toMatch(/\nqueueWait at network +[\d.]+ ± [\d.]+ +0\.111 /);
    const json = await stocklab('run', 'scenarios/theory/queue-mmc.json', '--replications', '4', '--days', '300', '--json');
    const parsed = JSON.parse(json.stdout);
    expect(parsed.theory.model).toBe('queueMMc');
    expect(parsed.theory.checks.map((check: { kpi: string }) => check.kpi)).toEqual(['avgCustomerWait', 'avgBackorders', 'queueWait', 'queueLength', 'waitProbability', 'utilisation', 'avgPipeline']);
    expect(parsed.theory.checks[0].theory).toBeCloseTo(0.3611, 4);
  });
});
