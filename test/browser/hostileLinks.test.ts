/**
 * Hostile and damaged share links in Chromium (issue 12): a link whose variant writes through
 * `__proto__`, one whose name is 6,000 nested lists, and links that are damaged, cut short or too
 * large. Each is refused in words, at its field where it has one; nothing reaches a prototype, nothing
 * crashes, and no other scenario is run in the link's place.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openApp, REPO_ROOT, waitForIdle, type AppPage } from './harness.ts';
import { encodeScenarioForUrl } from '../../web/editor/shareLink.ts';

const COFFEE = 'scenarios/04-coffee-brand.json';
const coffeeText = await readFile(join(REPO_ROOT, COFFEE), 'utf8');
const coffee = () => JSON.parse(coffeeText) as Record<string, unknown> & { variants: unknown[]; name: string };

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

async function open(hash: string): Promise<AppPage> {
  const app = await openApp(browser, url, { hash });
  pages.push(app);
  return app;
}

const editorBanner = (page: Page) => page.locator('.se-banner').first().textContent();
const polluted = (page: Page) => page.evaluate(() => Object.getOwnPropertyNames(Object.prototype).filter((name) => !['constructor', '__defineGetter__', '__defineSetter__', 'hasOwnProperty', '__lookupGetter__', '__lookupSetter__', 'isPrototypeOf', 'propertyIsEnumerable', 'toString', 'valueOf', '__proto__', 'toLocaleString'].includes(name)));

test("a link whose variant sets /__proto__/polluted is refused at the variant's path, and later scenarios open clean", async () => {
  const scenario = coffee();
  scenario.variants.push({ id: 'polluter', set: [{ path: '/__proto__/polluted', value: 1 }, { path: '/__proto__/toString', value: 1 }] });
  const app = await open(await encodeScenarioForUrl(JSON.stringify(scenario, null, 2), { replications: 2 }));
  const { page } = app;
  expect(await page.locator('#banner').textContent()).toMatch(/1 problem in the scenario/);
  expect(await editorBanner(page)).toContain('variants[3].set[0].path');
  expect(await page.isDisabled('#run')).toBe(true);
  expect(await polluted(page)).toEqual([]);
  expect(await page.evaluate(() => typeof Object.prototype.toString)).toBe('function');

  // the gallery's scenarios open without the "unknown field" problems a polluted prototype caused
  await page.click(`#gallery button[data-path="${COFFEE}"]`);
  await waitForIdle(page);
  expect(await page.locator('#banner').isHidden()).toBe(true);
  expect(await page.textContent('#status')).toMatch(/^Done: /);
  expect(await polluted(page)).toEqual([]);
  expect(app.errors).toEqual([]);
});

test('a link whose name is 6,000 nested lists shows its problem at the name, with the editor working', async () => {
  // written as text: JSON.stringify itself overflows the stack on such nesting
  const deepName = `${'['.repeat(6000)}"coffee"${']'.repeat(6000)}`;
  const text = JSON.stringify({ ...coffee(), name: 'NAME' }).replace('"NAME"', deepName);
  const hash = await encodeScenarioForUrl(text, { replications: 2 });
  const app = await open(hash);
  const { page } = app;
  expect(await page.locator('#banner').textContent()).toMatch(/1 problem in the scenario/);
  expect(await editorBanner(page)).toContain('name[0]');
  expect(await page.isDisabled('#run')).toBe(true);
  // the forms, whose edits could not write such data back faithfully, say why they stand aside
  expect(await page.locator('.editor-host').textContent()).toContain('The forms cannot show this scenario: name[0][0][0][0][0][0][0]: nested more than 32 levels deep');
  expect(await page.locator('.editor-host input').count()).toBe(0);
  expect(app.errors).toEqual([]);
});

/** The dashboard holds no result: no KPI cards, no table rows. */
async function expectNoResults(page: Page): Promise<void> {
  expect(await page.locator('#cards').textContent()).toBe('');
  expect(await page.locator('#kpi-table tbody tr').count()).toBe(0);
  expect(await page.isDisabled('#export-json')).toBe(true);
}

test.each([
  ['damaged (a character changed)', (hash: string) => `${hash.slice(0, 20)}${hash[20] === 'A' ? 'B' : 'A'}${hash.slice(21)}`, /damaged or incomplete/],
  ['cut short when copied', (hash: string) => hash.slice(0, Math.floor(hash.length / 2)), /damaged or incomplete/],
  ['with no scenario', () => '#s=&r=2', /holds no scenario/],
  ['too long to open', () => `#s=${'A'.repeat(1_020_000)}`, /too long to open/],
])('a link %s says so and lasts, and runs nothing in its place', async (_, damage, reason) => {
  const good = await encodeScenarioForUrl(coffeeText, { replications: 2 });
  const app = await open(damage(good));
  const { page } = app;
  const banner = page.locator('#banner');
  expect(await banner.textContent()).toMatch(/^The shared link could not be opened\./);
  expect(await banner.textContent()).toMatch(reason);
  expect(await banner.textContent()).toContain('Nothing was run in its place');
  // no scenario was loaded and nothing ran: no worker script was ever fetched
  const workerScripts = await page.evaluate(() => performance.getEntriesByType('resource').filter((entry) => /worker/i.test(entry.name)).map((entry) => entry.name));
  expect(workerScripts).toEqual([]);
  expect(await banner.isVisible()).toBe(true);
  expect(await page.textContent('#status')).not.toMatch(/Done|Running/);
  expect(await page.textContent('#scenario-name')).not.toBe(coffee().name);
  await expectNoResults(page);
  // picking a scenario clears the notice, and runs it: on workers, whose script the check above would see
  await page.click(`#gallery button[data-path="${COFFEE}"]`);
  await waitForIdle(page);
  expect(await banner.isHidden()).toBe(true);
  expect(await page.evaluate(() => performance.getEntriesByType('resource').some((entry) => /worker/i.test(entry.name)))).toBe(true);
  expect(app.errors).toEqual([]);
});

test('a link pasted into an open tab opens as on arrival; a damaged one says so and leaves what was open', async () => {
  const app = await open(await encodeScenarioForUrl(coffeeText, { replications: 2 }));
  const { page } = app;
  expect(await page.textContent('#status')).toMatch(/^Done: 2 replications/);
  const edited = { ...coffee(), name: 'Pasted into the address bar' };
  const pasted = await encodeScenarioForUrl(JSON.stringify(edited), { replications: 3 });
  await page.evaluate((hash) => (location.hash = hash), pasted);
  await page.waitForFunction(() => document.querySelector('#scenario-name')?.textContent === 'Pasted into the address bar');
  await waitForIdle(page);
  expect(await page.textContent('#status')).toMatch(/^Done: 3 replications/);

  await page.evaluate((hash) => (location.hash = hash), pasted.slice(0, 100));
  await page.locator('#banner').waitFor({ state: 'visible' });
  expect(await page.locator('#banner').textContent()).toMatch(/^The shared link could not be opened\. This link is damaged/);
  // the scenario open before and its results stay: they still match each other
  expect(await page.textContent('#scenario-name')).toBe('Pasted into the address bar');
  expect(await page.textContent('#status')).toMatch(/^Done: 3 replications/);
  expect(app.errors).toEqual([]);
});
