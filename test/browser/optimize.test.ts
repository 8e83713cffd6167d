/**
 * The optimise panel in Chromium: on the (r, Q) gallery scenario with 2 replications from the top bar,
 * a 3 × 3 grid of reorderPoint × orderQuantity is screened and its best 3 confirmed through the same
 * pool, progress bar and status as Run; the verdict's sentence shows, the table has the 3 confirmed
 * candidates with one winner mark; the results download as `stocklab optimize --csv`'s rows (a row
 * per screened point and per confirmed candidate, after scenario, seed, complete and version; the
 * values and the winner the table shows) and `--json`'s JSON; a bad values field is reported next to
 * it; Cancel keeps what finished and its exports say it is partial; and nothing logs an error.
 */
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

test('the form: the sweep\'s parameters prefilled, total cost as the objective, no floor', async () => {
  expect(await page.textContent('#optimize h2')).toBe('Find the best parameters (optimise)');
  expect(await page.inputValue('#optimize-product')).toBe('widget');
  expect(await page.locator('#optimize-param-1 option').allTextContents()).toEqual(['Reorder point', 'Order quantity']);
  expect(await page.inputValue('#optimize-param-2')).toBe('orderQuantity');
  expect(await page.inputValue('#optimize-values-1')).toBe('4:16:3');
  expect(await page.inputValue('#optimize-objective')).toBe('totalCost');
  expect(await page.inputValue('#optimize-floor')).toBe('');
});

test('a 3 × 3 grid of reorderPoint × orderQuantity minimising total cost: a sentence, 3 confirmed candidates, one winner', async () => {
  await page.selectOption('#optimize-param-1', 'reorderPoint');
  await page.fill('#optimize-values-1', '6:14:4');
  await page.selectOption('#optimize-param-2', 'orderQuantity');
  await page.fill('#optimize-values-2', '10,20,30');
  await page.selectOption('#optimize-objective', 'totalCost');
  await page.click('#optimize-run');
  await page.waitForFunction(() => (document.querySelector('#optimize-sentence')?.textContent ?? '') !== '', undefined, { timeout: 60_000 });
  await waitForIdle(page, 60_000);
  expect(await page.textContent('#status')).toMatch(/^Done: 2 replications/);
  // 9 points × 2 screening replications, then 3 candidates × 10 confirmation replications
  expect(await page.getAttribute('#progress', 'aria-valuenow')).toBe('48');
  expect(await page.textContent('#optimize-sentence')).toMatch(/best|tie/);
  expect(await page.locator('#optimize-table tbody tr').count()).toBe(3);
  expect(await page.locator('#optimize-table .winner-mark').count()).toBe(1);
  expect(await page.textContent('#optimize-table .winner-mark')).toMatch(/winner/);
  expect(await page.locator('#optimize-skipped li').count()).toBe(0);
  expect(app.errors).toEqual([]);
});

test('the results as CSV and JSON: a row per screened point and per confirmed candidate, the table\'s values and winner', async () => {
  const scenario = (await page.textContent('#scenario-name'))!;
  const seed = await page.inputValue('#seed');
  const csv = await downloadText(page, '#optimize-export-csv');
  expect(csv.name).toMatch(/^stocklab-.+-seed-.+-optimize-\d{4}-\d{2}-\d{2}\.csv$/);
  const [head, ...rows] = parseCsv(csv.text);
  expect(head).toEqual(['scenario', 'seed', 'complete', 'stocklabVersion', 'phase', 'reorderPoint', 'orderQuantity', 'totalCost', 'totalCostHalfWidth', 'replications', 'winner']);
  for (const row of rows) expect(row.slice(0, 4)).toEqual([scenario, seed, 'true', STOCKLAB_VERSION]);
  const column = (name: string) => head.indexOf(name);
  const screened = rows.filter((row) => row[column('phase')] === 'screen');
  const confirmed = rows.filter((row) => row[column('phase')] === 'confirm');
  expect(screened).toHaveLength(9);
  expect(screened.every((row) => row[column('replications')] === '2' && row[column('winner')] === 'false')).toBe(true);
  expect(confirmed).toHaveLength(3);
  // the confirmed candidates are the table's rows, in its order: parameters, objective, winner
  const table = await page.locator('#optimize-table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
  confirmed.forEach((row, i) => {
    const [r, q, objective, mark] = table[i];
    expect([row[column('reorderPoint')], row[column('orderQuantity')], row[column('replications')]]).toEqual([r, q, '10']);
    expect(showsAs(Number(row[column('totalCost')]), /^[\d,.]+/.exec(objective)![0]), `${objective} against ${row[column('totalCost')]}`).toBe(true);
    expect(row[column('winner')]).toBe(String(/winner/.test(mark)));
  });

  const json = await downloadText(page, '#optimize-export-json');
  expect(json.name).toMatch(/^stocklab-.+-seed-.+-optimize-\d{4}-\d{2}-\d{2}\.json$/);
  const parsed = JSON.parse(json.text);
  expect([parsed.scenario, String(parsed.seed), parsed.complete, parsed.stocklabVersion]).toEqual([scenario, seed, true, STOCKLAB_VERSION]);
  expect([parsed.spec.screenReplications, parsed.spec.confirmReplications, parsed.spec.top, parsed.spec.objective]).toEqual([2, 10, 3, 'totalCost']);
  expect(parsed.screened).toHaveLength(9);
  expect(parsed.confirmed.map((candidate: { values: number[] }) => candidate.values.map(String))).toEqual(table.map((cells) => cells.slice(0, 2)));
  expect(parsed.sentence).toBe(await page.textContent('#optimize-sentence'));
  expect('theory' in parsed).toBe(false);
  expect(app.errors).toEqual([]);
});

test('a service floor adds its column and whether each candidate meets it', async () => {
  await page.selectOption('#optimize-floor-kpi', 'fillRate');
  await page.fill('#optimize-floor', '0.5');
  await page.evaluate(() => (document.querySelector('#optimize-sentence')!.textContent = ''));
  await page.click('#optimize-run');
  await page.waitForFunction(() => (document.querySelector('#optimize-sentence')?.textContent ?? '') !== '', undefined, { timeout: 60_000 });
  await waitForIdle(page, 60_000);
  const headers = await page.locator('#optimize-table thead th').allTextContents();
  expect(headers).toContain('Floor met');
  expect(headers.some((header) => /Fill rate.*≥/.test(header))).toBe(true);
  expect(await page.locator('#optimize-table tbody tr').count()).toBe(3);
  // the CSV gains the floor's columns, as the CLI's
  const [head] = parseCsv((await downloadText(page, '#optimize-export-csv')).text);
  expect(head.slice(-4)).toEqual(['fillRate', 'fillRateHalfWidth', 'meetsFloor', 'winner']);
  await page.fill('#optimize-floor', '');
  expect(app.errors).toEqual([]);
});

test('a floor no grid point meets: the panel says which way to widen the grid and does it; the status names each phase', async () => {
  await page.selectOption('#optimize-param-1', 'reorderPoint');
  await page.fill('#optimize-values-1', '4:16:6');
  await page.selectOption('#optimize-param-2', 'orderQuantity');
  await page.fill('#optimize-values-2', '10,20');
  await page.selectOption('#optimize-floor-kpi', 'fillRate');
  await page.fill('#optimize-floor', '0.9999');
  await page.evaluate(() => (document.querySelector('#optimize-sentence')!.textContent = ''));
  await page.click('#optimize-run');
  await page.waitForFunction(() => (document.querySelector('#optimize-sentence')?.textContent ?? '') !== '', undefined, { timeout: 60_000 });
  await waitForIdle(page, 60_000);
  expect(await page.textContent('#optimize-sentence')).toMatch(/^No grid point meets fillRate ≥ 0.9999/);
  const advice = (await page.textContent('#optimize-advice'))!;
  const match = /is at the grid’s largest (reorder point|order quantity): the floor is more likely met above it\. Try \1 ([\d, ]+)\./.exec(advice);
  expect(match, advice).not.toBeNull();
  const [, parameter, values] = match!;
  // the status said what ran: the screening of 6 grid points (no confirmation: nothing met the floor)
  expect(await page.textContent('#status')).toMatch(/^Done: 2 replications of each of 6 grid points screened, none confirmed \(none met the floor\) \(optimisation of Reorder point × Order quantity\)/);

  // the button puts the values in the parameter's field and runs; the status follows the phases
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __statuses: string[] }).__statuses = seen;
    new MutationObserver(() => seen.push(document.querySelector('#status')!.textContent ?? '')).observe(document.querySelector('#status')!, { childList: true, characterData: true, subtree: true });
  });
  await page.fill('#optimize-floor', '0.5');
  await page.click('#optimize-widen');
  await page.waitForFunction(() => /^Done:/.test(document.querySelector('#status')?.textContent ?? '') && document.querySelector<HTMLButtonElement>('#cancel')!.disabled, undefined, { timeout: 60_000 });
  const field = parameter === 'reorder point' ? '#optimize-values-1' : '#optimize-values-2';
  expect(await page.inputValue(field)).toBe(values.trim());
  const statuses = await page.evaluate(() => (window as unknown as { __statuses: string[] }).__statuses);
  expect(statuses.some((status) => /^Optimisation of Reorder point × Order quantity: screening \d+ grid points on 2 replications each…$/.test(status))).toBe(true);
  expect(statuses.some((status) => /^Optimisation of Reorder point × Order quantity: confirming the best 3 on 10 new replications each…$/.test(status))).toBe(true);
  expect(await page.isHidden('#optimize-advice')).toBe(true);
  // the 3 × 3 grid the tests below expect
  await page.fill('#optimize-values-1', '6:14:4');
  await page.fill('#optimize-values-2', '10,20,30');
  await page.fill('#optimize-floor', '');
  expect(app.errors).toEqual([]);
});

test('a bad values field is reported next to it (the form the sweep shares), and nothing runs', async () => {
  const values = await page.inputValue('#optimize-values-1');
  await page.fill('#optimize-values-1', '10:5:1');
  await page.click('#optimize-run');
  expect(await page.getAttribute('#optimize-values-1', 'aria-invalid')).toBe('true');
  expect(await page.textContent('#optimize-values-1-error')).toMatch(/FROM:TO:STEP/);
  expect(await page.isEnabled('#run')).toBe(true);
  // typing clears it
  await page.fill('#optimize-values-1', values);
  expect(await page.getAttribute('#optimize-values-1', 'aria-invalid')).toBeNull();
  expect(await page.isHidden('#optimize-values-1-error')).toBe(true);
  expect(app.errors).toEqual([]);
});

test('Cancel while screening keeps what finished: the leaders, not confirmed, said in the sentence and in the exports', async () => {
  // 200 (not more): the whole screening's and confirmation's results with their daily series must
  // fit the page's run budget (300 would keep about 2.04 GB screening, 2.7 GB confirming 3 × 1,200)
  await page.fill('#replications', '200');
  await page.evaluate(() => (document.querySelector('#optimize-sentence')!.textContent = ''));
  await page.click('#optimize-run');
  // 9 grid points a replication: a few replications of every point, far from the 1,800 runs of the screening
  await page.waitForFunction(() => Number(document.querySelector('#progress')!.getAttribute('aria-valuenow')) >= 45, undefined, { timeout: 30_000 });
  await page.click('#cancel');
  await waitForIdle(page, 5_000);
  const kept = /^Cancelled: (\d+) complete replications? kept/.exec((await page.textContent('#status'))!)?.[1];
  expect(Number(kept)).toBeGreaterThanOrEqual(1);
  expect(Number(kept)).toBeLessThan(200);
  expect(await page.textContent('#optimize-error')).toMatch(/cancelled/i);
  expect(await page.isEnabled('#optimize-run')).toBe(true);
  expect(await page.textContent('#optimize-sentence')).toMatch(new RegExp(`^Interrupted while screening: .* leads after ${kept} replications? per point, not confirmed\\.$`));
  expect(await page.textContent('#optimize-table caption')).toMatch(/not confirmed/);
  expect(await page.locator('#optimize-table tbody tr').count()).toBe(3);
  expect(await page.locator('#optimize-table .winner-mark').count()).toBe(0);
  expect(await page.textContent('#optimize .sweep-caption')).toMatch(new RegExp(`cancelled: ${kept} of 200 screening`));

  // the exports: the screening's rows on the replications that finished, no confirmation, incomplete
  const [head, ...rows] = parseCsv((await downloadText(page, '#optimize-export-csv')).text);
  expect(rows).toHaveLength(9);
  for (const row of rows) expect([row[head.indexOf('complete')], row[head.indexOf('phase')], row[head.indexOf('replications')], row[head.indexOf('winner')]]).toEqual(['false', 'screen', kept, 'false']);
  const json = JSON.parse((await downloadText(page, '#optimize-export-json')).text);
  expect([json.complete, json.verdict, json.winner, json.replications]).toEqual([false, 'interrupted', null, { screen: Number(kept), confirm: 0 }]);
  expect(app.errors).toEqual([]);
  await page.fill('#replications', '2');
});
