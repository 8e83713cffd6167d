/**
 * The sweep panel in Chromium: on the (r, Q) gallery scenario with 2 replications from the top bar,
 * a 3 × 3 grid of reorderPoint × orderQuantity runs through the same pool, progress bar and status as
 * Run; the heatmap has a cell per grid point, the frontier chart has every point and the frontier
 * line, the heatmap exports as SVG; the grid points download as CSV (`stocklab sweep --csv`'s columns
 * after scenario, seed, replications, complete and version; a row per point, the values the heatmap
 * shows) and JSON; a bad values field is reported next to it; a one-parameter sweep draws the KPI
 * against the parameter; a cancelled sweep exports what finished, marked incomplete; and nothing
 * logs an error.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { downloadText, launchBrowser, openApp, showsAs, STOCKLAB_VERSION, waitForIdle, type AppPage } from './harness.ts';
import { parseCsv } from '../fixtures/csv.ts';

let browser: Browser;
let app: AppPage;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  app = await openApp(browser, inject('stocklabUrl'));
  page = app.page;
  await page.click('[data-path="scenarios/03-rq-poisson.json"]');
  await waitForIdle(page);
  await page.fill('#replications', '2');
});

afterAll(async () => {
  await app?.close();
  await browser?.close();
});

/** Fills the form and runs the sweep; waits for its charts and the end of the run. */
async function sweep(page: Page, values1: string, parameter2: string, values2 = ''): Promise<void> {
  await page.selectOption('#sweep-param-1', 'reorderPoint');
  await page.fill('#sweep-values-1', values1);
  await page.selectOption('#sweep-param-2', parameter2);
  if (parameter2 !== '') await page.fill('#sweep-values-2', values2);
  // the charts of a previous sweep go when the new results arrive: mark them to see the change
  await page.evaluate(() => document.querySelectorAll('#sweep svg').forEach((svg) => svg.setAttribute('data-old', '')));
  await page.click('#sweep-run');
  await page.waitForFunction(() => document.querySelector('#sweep-heatmap svg:not([data-old])') !== null, undefined, { timeout: 30_000 });
  await waitForIdle(page);
}

test('the form starts from the first variant: the (r, Q) policy\'s parameters, values around the current ones', async () => {
  expect(await page.textContent('#sweep h2')).toBe('Sweep a policy parameter');
  expect(await page.inputValue('#sweep-product')).toBe('widget');
  const parameters = await page.locator('#sweep-param-1 option').allTextContents();
  expect(parameters).toEqual(['Reorder point', 'Order quantity']);
  expect(await page.inputValue('#sweep-param-2')).toBe('orderQuantity');
  // r = 10 in the first variant: about ±50% in 5 steps
  expect(await page.inputValue('#sweep-values-1')).toBe('4:16:3');
  expect(await page.inputValue('#sweep-kpi')).toBe('totalCost');
});

test('a 3 × 3 sweep of reorderPoint × orderQuantity: 9 cells, every point on the frontier chart, the frontier line, SVG export', async () => {
  await sweep(page, '6:14:4', 'orderQuantity', '10,20,30');
  expect(await page.textContent('#status')).toMatch(/^Done: 2 replications/);
  expect(await page.getAttribute('#progress', 'aria-valuenow')).toBe('18');
  expect(await page.locator('#sweep-heatmap .heat-cell').count()).toBe(9);
  expect(await page.locator('#sweep-heatmap .heat-value').count()).toBeGreaterThan(0);
  expect(await page.locator('#sweep-heatmap .frontier-mark').count()).toBeGreaterThan(0);
  expect(await page.locator('#sweep-heatmap .axis-title').allTextContents()).toEqual(['Reorder point', 'Order quantity']);
  expect(await page.locator('#sweep-frontier .sweep-frontier-point').count()).toBe(9);
  expect(await page.locator('#sweep-frontier .sweep-frontier-point.on-frontier').count()).toBeGreaterThan(0);
  expect(await page.getAttribute('#sweep-frontier path.sweep-frontier-line', 'd')).toMatch(/^M/);
  // a cell's accessible name gives the mean with its interval (the KPI chosen by default: total cost)
  expect(await page.getAttribute('#sweep-heatmap .heat-cell >> nth=0', 'aria-label')).toMatch(/^Reorder point = 6, Order quantity = 10; Total cost: [\d,.]+ ± [\d,.]+/);
  expect(await page.locator('#sweep-skipped li').count()).toBe(0);

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#sweep-heatmap button[data-export="svg"]')]);
  expect(download.suggestedFilename()).toMatch(/^stocklab-.+-seed-.+-sweep-heatmap-\d{4}-\d{2}-\d{2}\.svg$/);
  const svg = await readFile(await download.path(), 'utf8');
  expect(svg).toMatch(/<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  expect((svg.match(/class="heat-cell"/g) ?? []).length).toBe(9);

  // another KPI recolours the grid without a new run
  await page.selectOption('#sweep-kpi', 'fillRate');
  expect(await page.getAttribute('#sweep-heatmap .heat-cell >> nth=0', 'aria-label')).toMatch(/Fill rate: [\d.]+%/);
  expect(app.errors).toEqual([]);
});

test('the grid points as CSV and JSON: the CLI\'s columns after what reproduces them, a row per point, the values the heatmap shows', async () => {
  const scenario = (await page.textContent('#scenario-name'))!;
  const seed = await page.inputValue('#seed');
  const csv = await downloadText(page, '#sweep-export-csv');
  expect(csv.name).toMatch(/^stocklab-.+-seed-.+-sweep-\d{4}-\d{2}-\d{2}\.csv$/);
  const [head, ...rows] = parseCsv(csv.text);
  expect(head.slice(0, 10)).toEqual(['scenario', 'seed', 'replications', 'complete', 'stocklabVersion', 'reorderPoint', 'orderQuantity', 'frontier', 'fillRate', 'fillRateHalfWidth']);
  expect(head).toContain('totalCostHalfWidth');
  expect(rows).toHaveLength(9);
  for (const row of rows) {
    expect(row).toHaveLength(head.length);
    expect(row.slice(0, 5)).toEqual([scenario, seed, '2', 'true', STOCKLAB_VERSION]);
  }
  const column = (name: string) => head.indexOf(name);
  // each heatmap cell (the KPI shown: fill rate) is its row's mean, as rounded on screen
  const labels = await page.locator('#sweep-heatmap .heat-cell').evaluateAll((cells) => cells.map((cell) => cell.getAttribute('aria-label') ?? ''));
  expect(labels).toHaveLength(9);
  for (const label of labels) {
    const [, r, q, shown] = /^Reorder point = (\S+), Order quantity = (\S+); Fill rate: ([\d.]+)%/.exec(label)!;
    const row = rows.find((candidate) => candidate[column('reorderPoint')] === r && candidate[column('orderQuantity')] === q);
    expect(row, label).toBeDefined();
    expect(showsAs(100 * Number(row![column('fillRate')]), shown), `${label} against ${row![column('fillRate')]}`).toBe(true);
  }
  // the points on the frontier are those starred
  expect(rows.filter((row) => row[column('frontier')] === 'true')).toHaveLength(await page.locator('#sweep-frontier .sweep-frontier-point.on-frontier').count());

  const json = await downloadText(page, '#sweep-export-json');
  expect(json.name).toMatch(/^stocklab-.+-seed-.+-sweep-\d{4}-\d{2}-\d{2}\.json$/);
  const parsed = JSON.parse(json.text);
  expect(Object.keys(parsed)).toEqual(['scenario', 'seed', 'replications', 'axes', 'kpi', 'rows', 'skipped', 'complete', 'product', 'node', 'stocklabVersion']);
  expect([parsed.scenario, String(parsed.seed), parsed.replications, parsed.complete, parsed.kpi, parsed.product, parsed.stocklabVersion]).toEqual([scenario, seed, 2, true, 'fillRate', 'widget', STOCKLAB_VERSION]);
  expect(parsed.axes).toEqual([
    { parameter: 'reorderPoint', values: [6, 10, 14] },
    { parameter: 'orderQuantity', values: [10, 20, 30] },
  ]);
  expect(parsed.rows).toHaveLength(9);
  for (const row of parsed.rows) {
    const line = rows.find((candidate) => candidate[column('reorderPoint')] === String(row.values[0]) && candidate[column('orderQuantity')] === String(row.values[1]))!;
    expect(Number(line[column('totalCost')])).toBe(row.kpis.totalCost.mean);
  }
  expect(app.errors).toEqual([]);
});

test('a bad values field is reported next to it, and nothing runs', async () => {
  await page.fill('#sweep-values-1', '10:5:1');
  await page.click('#sweep-run');
  expect(await page.getAttribute('#sweep-values-1', 'aria-invalid')).toBe('true');
  expect(await page.textContent('#sweep-values-1-error')).toMatch(/FROM:TO:STEP/);
  expect(await page.isEnabled('#run')).toBe(true);
  expect(app.errors).toEqual([]);
});

test('one parameter: the KPI against the parameter, with whiskers; keyboard reaches Run sweep', async () => {
  await sweep(page, '8,10,12', '');
  expect(await page.locator('#sweep-heatmap .sweep-point').count()).toBe(3);
  expect(await page.locator('#sweep-heatmap .whisker').count()).toBe(3);
  expect(await page.locator('#sweep-heatmap .axis-title').allTextContents()).toEqual(['Fill rate (%)', 'Reorder point']);
  await page.focus('#sweep-values-1');
  // parameter 2, then (its values field is off with no second parameter) the button
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('sweep-run');
  expect(app.errors).toEqual([]);
});

test('Cancel during a sweep stops it and shows the grid on the replications that finished', async () => {
  await page.fill('#replications', '300');
  await page.selectOption('#sweep-param-1', 'reorderPoint');
  await page.fill('#sweep-values-1', '8,12');
  await page.selectOption('#sweep-param-2', 'orderQuantity');
  await page.fill('#sweep-values-2', '15,25');
  await page.click('#sweep-run');
  // 4 grid points a replication: wait for a few complete replications
  await page.waitForFunction(() => Number(document.querySelector('#progress')!.getAttribute('aria-valuenow')) >= 12, undefined, { timeout: 20_000 });
  await page.click('#cancel');
  await waitForIdle(page, 5_000);
  expect(await page.textContent('#status')).toMatch(/^Cancelled: \d+ complete replications? kept/);
  expect(await page.locator('#sweep-heatmap .heat-cell').count()).toBe(4);
  expect(await page.textContent('#sweep .sweep-caption')).toMatch(/cancelled/);
  // the export has what finished, and says it is partial
  const kept = /(\d+) complete replication/.exec((await page.textContent('#status'))!)![1];
  const [head, ...rows] = parseCsv((await downloadText(page, '#sweep-export-csv')).text);
  expect(rows).toHaveLength(4);
  for (const row of rows) expect([row[head.indexOf('replications')], row[head.indexOf('complete')]]).toEqual([kept, 'false']);
  const json = JSON.parse((await downloadText(page, '#sweep-export-json')).text);
  expect([json.complete, json.replications, json.rows.length]).toEqual([false, Number(kept), 4]);
  expect(app.errors).toEqual([]);
  await page.fill('#replications', '2');
});
