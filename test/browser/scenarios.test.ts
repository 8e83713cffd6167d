/**
 * Loading scenarios in the web app (Chromium, 1280×800): from the gallery, from a shared link, and
 * the app's results equal the engine's run in Node (the CLI's) for the same scenario, seed and
 * replications.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, normalizeSpace, openApp, REPO_ROOT, runWith, shownDescription, waitForDashboard, waitForIdle, waitForRunning, type AppPage } from './harness.ts';
import { encodeScenarioForUrl } from '../../web/editor/shareLink.ts';
import { loadScenario } from '../../src/cli/loadScenario.ts';
import { runExperiment } from '../../src/experiment/replicate.ts';
import { independentParts } from '../../src/model/independentParts.ts';
import { parseScenario } from '../../src/scenario/parse.ts';

const NEWSVENDOR = 'scenarios/01-newsvendor.json';
const newsvendorText = await readFile(join(REPO_ROOT, NEWSVENDOR), 'utf8');
const newsvendor = JSON.parse(newsvendorText) as { name: string; description: string; variants: { name: string }[] };
const coffee = JSON.parse(await readFile(join(REPO_ROOT, 'scenarios/04-coffee-brand.json'), 'utf8')) as { name: string };

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

async function open(options: Parameters<typeof openApp>[2] = {}): Promise<AppPage> {
  const app = await openApp(browser, url, options);
  pages.push(app);
  return app;
}

const variantNames = (page: Page) => page.locator('#kpi-table thead th').allTextContents();

test('a gallery scenario picked during the first run replaces it: its name, description and results', async () => {
  const app = await open({ settle: false });
  const { page } = app;
  // the default scenario starts running by itself; pick the newsvendor while it does
  await waitForRunning(page);
  expect(await page.textContent('#scenario-name')).toBe(coffee.name);
  await page.click(`#gallery button[data-path="${NEWSVENDOR}"]`);
  expect(await page.textContent('#scenario-name')).toBe(newsvendor.name);
  expect(await shownDescription(page)).toBe(normalizeSpace(newsvendor.description));
  expect(await page.getAttribute(`#gallery button[data-path="${NEWSVENDOR}"]`, 'aria-current')).toBe('true');
  await waitForIdle(page);
  expect(await page.textContent('#status')).toMatch(/^Done: 10 replications/);
  await waitForDashboard(page, ['frontier', 'inventory', 'histogram', 'network']);
  const headers = (await variantNames(page)).join(' | ');
  for (const variant of newsvendor.variants) expect(headers).toContain(variant.name);
  expect(app.errors).toEqual([]);
});

test('a shared link opens the scenario it carries, with its replications and seed', async () => {
  // a scenario no gallery file holds, so only the link can carry it
  const edited = JSON.parse(newsvendorText) as Record<string, unknown>;
  edited.name = 'Kiosk from a shared link';
  edited.description = 'This scenario travelled in the URL.';
  const hash = await encodeScenarioForUrl(JSON.stringify(edited, null, 2), { replications: 3, seed: 'shared' });
  const app = await open({ hash });
  const { page } = app;
  expect(await page.textContent('#scenario-name')).toBe('Kiosk from a shared link');
  expect(await shownDescription(page)).toBe('This scenario travelled in the URL.');
  expect(await page.inputValue('#replications')).toBe('3');
  expect(await page.inputValue('#seed')).toBe('shared');
  expect(await page.textContent('#status')).toMatch(/^Done: 3 replications/);
  expect(app.errors).toEqual([]);
});

test('the Share link control puts a link in the address bar that reopens the same scenario and settings', async () => {
  const first = await open({ hash: await encodeScenarioForUrl(newsvendorText, { replications: 2 }) });
  await first.page.fill('#replications', '5');
  await first.page.fill('#seed', '99');
  await first.page.click('#share');
  await first.page.waitForFunction(() => location.hash.startsWith('#s='));
  const hash = await first.page.evaluate(() => location.hash);
  expect(hash).toMatch(/&r=5&seed=99$/);

  const second = await open({ hash });
  expect(await second.page.textContent('#scenario-name')).toBe(newsvendor.name);
  expect(await second.page.inputValue('#replications')).toBe('5');
  expect(await second.page.inputValue('#seed')).toBe('99');
  expect(await second.page.textContent('#status')).toMatch(/^Done: 5 replications/);
  expect(first.errors).toEqual([]);
  expect(second.errors).toEqual([]);
});

test.each(['scenarios/08-fresh-food-fefo.json', 'scenarios/10-outage-communication.json'])(
  "the app's results are the engine's in Node with lots, markdowns, online promises and churn too (%s, 150 days)",
  async (file) => {
    const edited = { ...(JSON.parse(await readFile(join(REPO_ROOT, file), 'utf8')) as Record<string, unknown>), horizonDays: 150, warmupDays: 20 };
    const text = JSON.stringify(edited, null, 2);
    const app = await open({ hash: await encodeScenarioForUrl(text, { replications: 2, seed: 'same-bytes' }) });
    const { page } = app;
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
    const exported = await readFile(await download.path(), 'utf8');
    const parsed = parseScenario({ ...edited, replications: 2, seed: 'same-bytes' });
    if (!parsed.ok) throw new Error(parsed.issues.map((issue) => `${issue.path}: ${issue.message}`).join('\n'));
    expect(exported).toBe(`${JSON.stringify(runExperiment(parsed.scenario))}\n`);
    expect(app.errors).toEqual([]);
  },
);

test("one replication runs as its independent parts on both workers, and the app's results are still the engine's in Node (06, one variant)", async () => {
  const original = JSON.parse(await readFile(join(REPO_ROOT, 'scenarios/06-winter-clothing.json'), 'utf8')) as Record<string, unknown>;
  // one variant and one replication: one task for two workers, so the pool runs the replication's two
  // parts apart (src/worker/pool.ts runApart) and merges them
  const edited: Record<string, unknown> = { ...original, horizonDays: 120, warmupDays: 10 };
  delete edited.variants;
  const app = await open({ hash: await encodeScenarioForUrl(JSON.stringify(edited, null, 2), { replications: 1, seed: 'parts' }) });
  const { page } = app;
  // two cores or more, so the page opened two workers for its one task (web/worker/client.ts)
  expect(await page.evaluate(() => navigator.hardwareConcurrency)).toBeGreaterThanOrEqual(2);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
  const exported = await readFile(await download.path(), 'utf8');
  const parsed = parseScenario({ ...edited, replications: 1, seed: 'parts' });
  if (!parsed.ok) throw new Error(parsed.issues.map((issue) => `${issue.path}: ${issue.message}`).join('\n'));
  expect(independentParts(parsed.scenario).length).toBe(2);
  expect(exported).toBe(`${JSON.stringify(runExperiment(parsed.scenario))}\n`);
  expect(app.errors).toEqual([]);
});

test("the inventory chart offers the stock points of the variant shown, when a variant's 'set' changes the network", async () => {
  const file = 'scenarios/09-online-shoes-24h.json';
  const edited = { ...(JSON.parse(await readFile(join(REPO_ROOT, file), 'utf8')) as Record<string, unknown>), horizonDays: 60, warmupDays: 10 };
  const app = await open({ hash: await encodeScenarioForUrl(JSON.stringify(edited), { replications: 1 }) });
  const { page } = app;
  /** the stock points the picker offers: its list opened without a search (few enough to be all drawn) */
  const points = async () => {
    await page.click('#inventory-point');
    const ids = await page.locator('#inventory-point-list [role="option"]').evaluateAll((options) => options.map((option) => (option as HTMLElement).dataset.ids));
    await page.keyboard.press('Escape');
    return ids;
  };
  // the first variant delivers from one central warehouse
  await page.selectOption('#inventory-variant', { label: 'One central warehouse' });
  expect(await points()).toEqual(['central / runner', 'central / sneaker', 'central / boot']);
  await page.selectOption('#inventory-variant', { label: 'Three regional warehouses' });
  const regional = await points();
  expect(regional).toContain('wh-north / runner');
  expect(regional).toHaveLength(12);
  await page.fill('#inventory-point', 'wh-north boot');
  await page.keyboard.press('Enter');
  expect(await page.textContent('#inventory svg')).toContain('wh-north · boot');
  expect(app.errors).toEqual([]);
});

test("the app's results are the engine's in Node (the CLI's) for the same scenario, seed and replications", async () => {
  const app = await open({ hash: await encodeScenarioForUrl(newsvendorText, { replications: 1 }) });
  const { page } = app;
  expect(await runWith(page, { replications: 4, seed: 2024 })).toMatch(/^Done: 4 replications/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
  const path = await download.path();
  const exported = await readFile(path, 'utf8');

  const loaded = loadScenario(join(REPO_ROOT, NEWSVENDOR), { replications: 4, seed: 2024 });
  if (!loaded.ok) throw new Error(loaded.lines.join('\n'));
  // every KPI of every variant, the daily series and replication 0 in full: the same bytes. The engine
  // computes its logarithms and exponentials itself (src/math/libm.ts), so Chromium's V8 and Node's,
  // whose Math.log and Math.exp differ in the last bit for some inputs, draw the same numbers.
  expect(exported).toBe(`${JSON.stringify(runExperiment(loaded.scenario))}\n`);
  const parsed = JSON.parse(exported);
  expect([parsed.seed, parsed.replications, parsed.complete]).toEqual([2024, 4, true]);
  expect(app.errors).toEqual([]);
});

