/**
 * Runaway input in Chromium (issue 12.3): a share link to a theory scenario whose closed form used to
 * freeze the tab (an order quantity of 10^15, a lead time of 10^6 days: the formulas ran on the page,
 * where Cancel cannot act) leaves the page responsive and says in words that the theory is outside
 * the analytic model's range; a link with a huge horizon, or with more replications than a tab can
 * hold, is refused in words at its field rather than run.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openApp, REPO_ROOT, waitForIdle, type AppPage } from './harness.ts';
import { encodeScenarioForUrl } from '../../web/editor/shareLink.ts';

const read = async (path: string) => JSON.parse(await readFile(join(REPO_ROOT, path), 'utf8'));
const rqTheory = await read('scenarios/theory/rq-poisson.json');
const coffee = await read('scenarios/04-coffee-brand.json');

let browser: Browser;
let url: string;
const pages: AppPage[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  url = inject('stocklabUrl');
});

afterAll(async () => {
  for (const app of pages) await app.close();
  await browser?.close();
});

async function open(scenario: object, settings: { replications?: number } = {}): Promise<AppPage> {
  const app = await openApp(browser, url, { hash: await encodeScenarioForUrl(JSON.stringify(scenario, null, 2), settings), settle: false });
  pages.push(app);
  return app;
}

/** How long the page takes to answer a trivial script: a frozen main thread never does. */
async function answersWithin(page: Page, ms: number): Promise<boolean> {
  return Promise.race([page.evaluate(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms))]);
}

test('a link to the (r, Q) theory with an order quantity of 10^15 runs, stays responsive, and says the theory is outside its range', async () => {
  const scenario = structuredClone(rqTheory);
  scenario.variants[0].policies[0].policy.orderQuantity = 1e15;
  scenario.horizonDays = 400;
  const { page, errors } = await open(scenario, { replications: 4 });
  // while the run and the closed forms are under way, the page answers at once
  expect(await answersWithin(page, 2_000)).toBe(true);
  await waitForIdle(page, 60_000);
  expect(await page.textContent('#status')).toMatch(/^Done: 4 replications/);
  const theory = (await page.locator('#theory').textContent()) ?? '';
  expect(theory).toContain(
    "r = 10, Q = 20 (as in 03-rq-poisson): outside the analytic model's range: the (r, Q) formula averages over Q = 1e15 levels: it would take about 1.6e17 steps to compute (the limit is 100,000,000); the rqPoisson formulas are not computed for this variant (the simulation is unaffected).",
  );
  // the other variant's comparisons are there, as usual
  expect(await page.locator('#theory .theory-table tbody tr').count()).toBeGreaterThan(0);
  expect(await page.locator('#theory .theory-table tbody').textContent()).toContain('r = 6, Q = 43');
  expect(errors).toEqual([]);
});

test('a link with a lead time of 10^6 days: both variants said outside the range, Cancel still acts on a re-run', async () => {
  const scenario = structuredClone(rqTheory);
  scenario.lanes[0].leadTime.value = 1e6;
  scenario.horizonDays = 400;
  const { page, errors } = await open(scenario, { replications: 2 });
  await waitForIdle(page, 60_000);
  expect(await page.locator('#theory .theory-outside').allTextContents()).toEqual([
    expect.stringMatching(/^r = 10, Q = 20 \(as in 03-rq-poisson\): outside the analytic model's range: a Poisson demand of mean 2,000,000 needs a table of about 2,070,812 values/),
    expect.stringMatching(/^r = 6, Q = 43 \(optimal, Federgruen & Zheng\): outside the analytic model's range: a Poisson demand of mean 2,000,000/),
  ]);
  expect(await page.locator('#theory .theory-table').count()).toBe(0);
  // a long re-run is cancelled at once: the main thread is free
  await page.fill('#replications', '400');
  await page.click('#run');
  await page.waitForFunction(() => document.querySelector<HTMLButtonElement>('#cancel')?.disabled === false);
  expect(await answersWithin(page, 2_000)).toBe(true);
  await page.click('#cancel');
  await waitForIdle(page, 10_000);
  expect(await page.textContent('#status')).toMatch(/^Cancelled/);
  expect(errors).toEqual([]);
});

test('a link with a horizon of 10^7 days is refused in words at horizonDays, and nothing runs', async () => {
  const scenario = structuredClone(coffee);
  scenario.horizonDays = 1e7;
  const { page, errors } = await open(scenario, { replications: 2 });
  await waitForIdle(page, 30_000);
  expect(await page.locator('#banner').textContent()).toMatch(/1 problem in the scenario/);
  expect(await page.locator('.se-banner').first().textContent()).toContain('horizonDays');
  // at its field, right after its label, in words: the figure, the limit and what to change (the
  // editor checks the file's own 20 replications of 3 variants)
  expect(await page.locator('.editor-host').textContent()).toMatch(
    /Horizon \(days\)this run needs about 445 GB of memory for the daily series of 60 runs \(10 million days × 58 daily series\); the limit is 2 GB: shorten horizonDays/,
  );
  expect(await page.isDisabled('#run')).toBe(true);
  expect(await page.locator('#kpi-table tbody tr').count()).toBe(0);
  expect(await answersWithin(page, 2_000)).toBe(true);
  expect(errors).toEqual([]);
});

test("a link whose replications (the top bar's, not the file's) are more than a tab can hold is refused before any worker starts", async () => {
  const { page, errors } = await open(coffee, { replications: 100_000 });
  await waitForIdle(page, 30_000);
  expect(await page.locator('#banner').textContent()).toMatch(
    /^Not run, too large for this page: replications: this run needs about .* GB of memory for the results of 300,000 runs \(100,000 replications × 3 variants, .*; the limit is 2 GB: run fewer replications or variants, or run it from the command line with --allow-large \(stocklab run\) if your machine can\.$/,
  );
  expect(await page.locator('#kpi-table tbody tr').count()).toBe(0);
  // fewer replications run as usual
  await page.fill('#replications', '2');
  await page.click('#run');
  await waitForIdle(page, 60_000);
  expect(await page.textContent('#status')).toMatch(/^Done: 2 replications/);
  expect(await page.locator('#banner').isHidden()).toBe(true);
  expect(errors).toEqual([]);
});

test('a sweep whose grid a tab cannot hold is refused in the sweep panel, in words, before any worker starts', async () => {
  const app = await openApp(browser, url);
  pages.push(app);
  const { page, errors } = app;
  await page.click('[data-path="scenarios/03-rq-poisson.json"]');
  await waitForIdle(page);
  await page.fill('#replications', '30');
  // 400 grid points (the panel's most) × 30 replications of 3,650 days, each with its daily series
  await page.selectOption('#sweep-param-1', 'reorderPoint');
  await page.fill('#sweep-values-1', '0:399:1');
  await page.selectOption('#sweep-param-2', '');
  await page.click('#sweep-run');
  await page.waitForFunction(() => document.querySelector<HTMLElement>('#sweep-error')?.hidden === false);
  expect(await page.textContent('#sweep-error')).toBe(
    'Not run, too large for this page: variants: this run needs about 9.41 GB of memory for the results of 12,000 runs (30 replications × 400 variants, 1 stock point and 3,650 days × 17 daily series each); the limit is 2 GB: run fewer replications or variants, or run it from the command line with --allow-large (stocklab run) if your machine can.',
  );
  expect(await page.isDisabled('#cancel')).toBe(true);
  expect(await page.locator('#sweep-heatmap svg').count()).toBe(0);
  expect(await answersWithin(page, 2_000)).toBe(true);
  expect(errors).toEqual([]);
});
