/**
 * Wide tables on a phone (issue 16): the KPI table and the paired differences scroll sideways inside a
 * box no taller than the screen, with the KPI names (first column) and the header row staying in view.
 */
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openApp, type AppPage } from './harness.ts';

let browser: Browser;
let app: AppPage;

beforeAll(async () => {
  browser = await launchBrowser();
  app = await openApp(browser, inject('stocklabUrl'), { width: 390, height: 844 });
});

afterAll(async () => {
  await app?.close();
  await browser?.close();
});

test('at 390 px the KPI table scrolls sideways under its first column, which stays in view, and its box fits the screen', async () => {
  const page = app.page;
  const scroller = page.locator('#kpi-table .table-scroll');
  const sizes = await scroller.evaluate((element) => ({ scroll: element.scrollWidth, client: element.clientWidth, height: element.getBoundingClientRect().height }));
  expect(sizes.scroll, 'wider than the phone').toBeGreaterThan(sizes.client);
  expect(sizes.height).toBeLessThanOrEqual(844 * 0.75 + 1);
  const firstCell = page.locator('#kpi-table tbody tr').first().locator('th').first();
  const before = (await firstCell.boundingBox())!;
  // the names wrap on a phone: the numbers get more than half the box
  expect(before.width).toBeLessThan(sizes.client * 0.5);
  const lastCell = page.locator('#kpi-table tbody tr').first().locator('td').last();
  const lastBefore = (await lastCell.boundingBox())!;
  await scroller.evaluate((element) => element.scrollBy({ left: 200, behavior: 'instant' }));
  await page.waitForFunction(() => document.querySelector('#kpi-table .table-scroll')!.scrollLeft >= 200);
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  // the numbers moved, the KPI names did not
  expect((await lastCell.boundingBox())!.x).toBeLessThan(lastBefore.x - 50);
  expect(Math.abs((await firstCell.boundingBox())!.x - before.x)).toBeLessThan(1);
  // scrolled down past its caption, the header row sits at the top of the box, over the rows
  const header = page.locator('#kpi-table thead th').nth(1);
  await scroller.evaluate((element) => element.scrollBy({ top: 300, behavior: 'instant' }));
  await page.waitForFunction(() => document.querySelector('#kpi-table .table-scroll')!.scrollTop > 0);
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  const box = (await scroller.boundingBox())!;
  expect(Math.abs((await header.boundingBox())!.y - box.y)).toBeLessThan(1);
  expect(app.errors).toEqual([]);
});
