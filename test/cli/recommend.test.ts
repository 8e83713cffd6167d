import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/parse.ts';
import { readCsvText } from '../../src/import/readCsv.ts';
import { readSkuMaster } from '../../src/import/skuMaster.ts';
import { emptyReport } from '../../src/import/importReport.ts';
import { stocklab } from './stocklab.ts';

const folder = mkdtempSync(join(tmpdir(), 'stocklab-recommend-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('stocklab recommend', () => {
  it('prints, per stock point, today against the recommendation with intervals, and the total change', async () => {
    const result = await stocklab('recommend', 'scenarios/02-base-stock-poisson.json', '--target', 'fillRate>=0.95', '--policy', 'baseStock', '--days', '730', '--replications', '4');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/\| cheapest baseStock meeting fillRate ≥ 0\.95 with 95% confidence, by stock point, minimising totalCost \| wall time/);
    expect(result.stdout).toMatch(/confirmation: today against the recommendation, 10 replications on fresh seeds/);
    expect(result.stdout).toMatch(/\nstore \/ widget +base stock 12 +base stock \d+ +[\d.]+% ± [\d.]+% +[\d.]+% ± [\d.]+%/);
    expect(result.stdout).toMatch(/\nThe recommendation (raises|lowers) the network's totalCost by [\d,.]+ EUR \(±[\d,.]+\) over the 680-day window/);
    expect(result.stderr).toMatch(/^search 1\/9: 4 replications\n/);
  });

  it('--csv gives each parameter now and recommended; --master-csv the SKU master columns, which the import reads back; --out the scenario with a recommended variant', async () => {
    const master = join(folder, 'master.csv');
    const scenarioFile = join(folder, 'recommended.json');
    const result = await stocklab('recommend', 'scenarios/03-rq-poisson.json', '--target', 'fillRate>=0.9', '--policy', 'rQ', '--days', '600', '--replications', '3', '--csv', '--master-csv', master, '--out', scenarioFile);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(
      'node,product,status,policyNow,policyRecommended,reorderPointNow,reorderPointRecommended,orderUpToNow,orderUpToRecommended,orderQuantityNow,orderQuantityRecommended,levelNow,levelRecommended,reviewPeriodNow,reviewPeriodRecommended,fillRateNow,fillRateNowHalfWidth,fillRateRecommended,fillRateRecommendedHalfWidth,totalCostNow,totalCostNowHalfWidth,totalCostRecommended,totalCostRecommendedHalfWidth',
    );
    const row = lines[1].split(',');
    expect(row.slice(0, 5)).toEqual(['store', 'widget', expect.stringMatching(/^(met|notConfirmed)$/), 'rQ', 'rQ']);
    // today's (r, Q) = (10, 20) from the scenario, and a whole reorder point recommended
    expect(row[5]).toBe('10');
    expect(row[6]).toMatch(/^-?\d+$/);
    expect(row[9]).toBe('20');

    const text = readFileSync(master, 'utf8');
    expect(text.split('\n')[0]).toBe('sku,location,policy,reorderPoint,orderUpTo,orderQuantity,level,reviewPeriod');
    const facts = readSkuMaster(readCsvText('master.csv', text), emptyReport());
    expect(facts.get('widget')?.policy).toEqual({ type: 'rQ', reorderPoint: Number(row[6]), orderQuantity: Number(row[10]) });

    const written = parseScenario(JSON.parse(readFileSync(scenarioFile, 'utf8')));
    if (!written.ok) throw new Error('the written scenario does not parse');
    expect(written.scenario.variants.map((variant) => variant.id)).toEqual([expect.any(String), 'recommended']);
    expect(written.scenario.variants[1].policies.at(-1)).toEqual({ node: 'store', product: 'widget', policy: { type: 'rQ', reorderPoint: Number(row[6]), orderQuantity: Number(row[10]) } });
  });

  it('refuses a missing or malformed target, and an unknown policy, before running (exit 2)', async () => {
    expect((await stocklab('recommend', 'scenarios/02-base-stock-poisson.json')).stderr).toMatch(/--target is required, e\.g\. --target fillRate>=0\.95/);
    const share = await stocklab('recommend', 'scenarios/02-base-stock-poisson.json', '--target', 'fillRate>=95');
    expect(share.code).toBe(2);
    expect(share.stderr).toMatch(/expected a share between 0 and 1 \(0\.95 for 95%\)/);
    const policy = await stocklab('recommend', 'scenarios/02-base-stock-poisson.json', '--target', 'fillRate>=0.9', '--policy', 'kanban');
    expect(policy.code).toBe(2);
    expect(policy.stderr).toMatch(/expected sS, rQ, RS or baseStock, got "kanban"/);
  });
});

describe('stocklab optimize on an objective that rewards not selling', () => {
  it("warns on docs/SCENARIO.md's smallest scenario (lost sales, no penalty) and suggests a service floor", async () => {
    const file = join(folder, 'smallest.json');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(
      file,
      JSON.stringify({
        version: 1,
        name: 'One store',
        horizonDays: 365,
        products: [{ id: 'widget', unitCost: 10, holdingCost: { perUnitPerDay: 0.01 } }],
        nodes: [{ id: 'supplier', type: 'supplier' }, { id: 'store', type: 'store' }],
        lanes: [{ from: 'supplier', to: 'store', leadTime: { type: 'constant', value: 3 } }],
        stockPoints: [{ node: 'store', product: 'widget', policy: { type: 'sS', reorderPoint: 10, orderUpTo: 30 } }],
        demand: [{ type: 'arrivals', node: 'store', product: 'widget', customersPerDay: 3 }],
      }),
    );
    const result = await stocklab('optimize', file, '--product', 'widget', '--param', 'reorderPoint=0:10:5', '--replications', '2', '--top', '2');
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^warning: totalCost rewards not selling for widget: demand not met is lost and costs nothing .* Here: --constraint fillRate>=0\.95, or stocklab recommend\.\n/);
    const floored = await stocklab('optimize', file, '--product', 'widget', '--param', 'reorderPoint=0:10:5', '--replications', '2', '--top', '2', '--constraint', 'fillRate>=0.9');
    expect(floored.stderr).not.toMatch(/warning/);
  });
});
