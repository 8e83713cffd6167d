/**
 * The optimise panel in Chromium: on the (r, Q) gallery scenario with 2 replications from the top bar,
 * a 3 × 3 grid of reorderPoint × orderQuantity is screened and its best 3 confirmed through the same
 * pool, progress bar and status as Run; the verdict's sentence shows, the table has the 3 confirmed
 * candidates with one winner mark, and nothing logs an error.
 */
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openApp, waitForIdle, type AppPage } from './harness.ts';

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
  expect(await page.locator('#optimize-param-1 option').allTextContents()).toEqual(['reorderPoint', 'orderQuantity']);
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
  await page.fill('#optimize-floor', '');
  expect(app.errors).toEqual([]);
});

test('Cancel stops the optimisation and says so', async () => {
  await page.fill('#replications', '300');
  await page.click('#optimize-run');
  await page.waitForFunction(() => Number(document.querySelector('#progress')!.getAttribute('aria-valuenow')) >= 10, undefined, { timeout: 20_000 });
  await page.click('#cancel');
  await waitForIdle(page, 5_000);
  expect(await page.textContent('#status')).toMatch(/^Cancelled/);
  expect(await page.textContent('#optimize-error')).toMatch(/cancelled/i);
  expect(await page.isEnabled('#optimize-run')).toBe(true);
  expect(app.errors).toEqual([]);
  await page.fill('#replications', '2');
});
