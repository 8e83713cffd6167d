/**
 * The first screen (issue 16): the scenario's story and what to look at are visible on load, not
 * folded into one line, and the headline cards show the KPIs the scenario names (the fresh-food case:
 * expired units first; the coffee brand: fill rate and active customers).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { kpiMeta } from '../../web/charts/kpiMeta.ts';
import { launchBrowser, openApp, REPO_ROOT, waitForIdle, type AppPage } from './harness.ts';
import type { KpiName } from '../../src/metrics/kpis.ts';

let browser: Browser;
let app: AppPage;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  app = await openApp(browser, inject('stocklabUrl'));
  page = app.page;
});

afterAll(async () => {
  await app?.close();
  await browser?.close();
});

const headlineOf = async (file: string) => (JSON.parse(await readFile(join(REPO_ROOT, 'scenarios', file), 'utf8')) as { headline: KpiName[] }).headline;
const cardTerms = () => page.locator('#cards .kpi-card').first().locator('dt').allTextContents();

test('on load, the story shows its first lines and what to look at in full, both visible', async () => {
  expect(await page.isVisible('#scenario-description .scenario-story')).toBe(true);
  const lookAt = page.locator('#scenario-description .scenario-look-at');
  expect(await lookAt.isVisible()).toBe(true);
  expect(await lookAt.textContent()).toMatch(/^What to look at:Look at fillRate and at activeCustomers over the year\./);
  // the story is long: three lines, then More shows the rest
  const story = page.locator('#scenario-description .scenario-story');
  const folded = (await story.boundingBox())!.height;
  await page.click('#scenario-description .story-toggle');
  expect(await page.getAttribute('#scenario-description .story-toggle', 'aria-expanded')).toBe('true');
  expect((await story.boundingBox())!.height).toBeGreaterThan(folded * 1.5);
  expect(app.errors).toEqual([]);
});

test("the cards show the scenario's headline KPIs, in its order", async () => {
  expect(await cardTerms()).toEqual((await headlineOf('04-coffee-brand.json')).map((kpi) => kpiMeta(kpi).label));
  await page.click('.gallery-item[data-path="scenarios/08-fresh-food-fefo.json"]');
  await waitForIdle(page, 60_000);
  await page.waitForFunction(() => (document.querySelector('#scenario-name')?.textContent ?? '').length > 0 && document.querySelector<HTMLElement>('#stale-notice')!.hidden);
  const terms = await cardTerms();
  expect(terms[0]).toBe(kpiMeta('expiredUnits').label);
  expect(terms).toEqual((await headlineOf('08-fresh-food-fefo.json')).map((kpi) => kpiMeta(kpi).label));
  expect(app.errors).toEqual([]);
});

test('on a phone (390 × 844) the story and what to look at are cut to their first lines until More, and the first numbers are on the first screen', async () => {
  const phone = await openApp(browser, inject('stocklabUrl'), { width: 390, height: 844 });
  try {
    const card = phone.page.locator('#cards .kpi-card-value').first();
    expect((await card.boundingBox())!.y + 20).toBeLessThan(844);
    const lookAt = phone.page.locator('#scenario-description .scenario-look-at');
    const cut = (await lookAt.boundingBox())!.height;
    await phone.page.click('#scenario-description .story-toggle');
    expect((await lookAt.boundingBox())!.height).toBeGreaterThan(cut * 1.5);
    expect(phone.errors).toEqual([]);
  } finally {
    await phone.close();
  }
});
