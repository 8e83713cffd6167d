/**
 * Results always belong to the scenario shown (issue 16), in Chromium. After each kind of change (a
 * new seed, another replication count, an edit in the forms, a file opened) the results on screen are
 * marked at once (dimmed, with what changed and Run again), and a run makes them current again.
 * Open… runs the file as a gallery pick does. A share link or a Save made while results are stale says
 * plainly that it does not carry them; one made after the run carries exactly what is on screen. A
 * value that every variant replaces is marked at its field. Downloads are named after the scenario,
 * the seed and the day.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { decodeScenarioFromUrl } from '../../web/editor/shareLink.ts';
import { downloadText, launchBrowser, openApp, REPO_ROOT, waitForIdle, type AppPage } from './harness.ts';

let browser: Browser;
let app: AppPage;
let page: Page;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'stocklab-stale-'));
  browser = await launchBrowser();
  app = await openApp(browser, inject('stocklabUrl'));
  page = app.page;
});

afterAll(async () => {
  await app?.close();
  await browser?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const field = (key: string) => page.locator(`#editor .se-forms [data-key="${key}"]`).first();

/** Whether the results are marked as stale: the dashboard dimmed and the notice shown. */
async function staleState(): Promise<{ dimmed: boolean; notice: string | null }> {
  return page.evaluate(() => {
    const notice = document.querySelector<HTMLElement>('#stale-notice')!;
    const cards = document.querySelector('#cards')!;
    return {
      dimmed: document.querySelector('#dashboard')!.classList.contains('results-stale') && Number(getComputedStyle(cards).opacity) < 1,
      notice: notice.hidden ? null : (notice.querySelector('span')?.textContent ?? ''),
    };
  });
}

const current = { dimmed: false, notice: null };

/**
 * Clicks Run while the results are stale and waits until the new ones are in: the notice goes away
 * only then (a short run may start and end between two polls for Cancel, so that is not waited for).
 */
async function runAgain(): Promise<string> {
  await page.click('#run');
  await page.waitForFunction(() => document.querySelector<HTMLElement>('#stale-notice')!.hidden, undefined, { timeout: 30_000 });
  await waitForIdle(page);
  return (await page.textContent('#status'))?.trim() ?? '';
}

/** Waits for the notice to say `text` (the check after an edit runs after the editor's debounce). */
async function expectStale(text: RegExp): Promise<void> {
  await page.waitForFunction(() => !document.querySelector<HTMLElement>('#stale-notice')!.hidden, undefined, { timeout: 5_000 });
  const state = await staleState();
  expect(state.dimmed).toBe(true);
  expect(state.notice).toMatch(text);
}

test('the default run belongs to the scenario shown: nothing marked', async () => {
  expect(await staleState()).toEqual(current);
  expect(app.errors).toEqual([]);
});

test('a new seed marks the results at once, before any run; Run again makes them current', async () => {
  await page.fill('#seed', '7');
  await expectStale(/^These results are for seed coffee; the scenario now has seed 7\.$/);
  await page.click('#stale-notice button');
  await page.waitForFunction(() => document.querySelector<HTMLElement>('#stale-notice')!.hidden, undefined, { timeout: 30_000 });
  await waitForIdle(page);
  expect(await staleState()).toEqual(current);
  expect(await page.textContent('#kpi-table caption')).toContain('20 replications');
});

test('another replication count, typed and not yet run, marks them too', async () => {
  await page.fill('#replications', '8');
  await expectStale(/^These results hold 20 replications; the scenario now asks for 8\.$/);
  expect(await runAgain()).toMatch(/^Done: 8 replications/);
  expect(await staleState()).toEqual(current);
});

test('an edit in the forms marks them; a share link made then says it does not carry them; after the run it carries what is shown', async () => {
  await field('horizonDays').fill('200');
  await expectStale(/^The scenario has changed since these results were run\.$/);
  await page.click('#share');
  await page.waitForFunction(() => /not the ones on screen/.test(document.querySelector('#status')?.textContent ?? ''), undefined, { timeout: 5_000 });

  expect(await runAgain()).toMatch(/^Done: 8 replications/);
  expect(await staleState()).toEqual(current);
  await page.click('#share');
  await page.waitForFunction(() => /^(Link copied|The link is in the address bar): it carries/.test(document.querySelector('#status')?.textContent ?? ''), undefined, { timeout: 5_000 });
  const shared = await decodeScenarioFromUrl(await page.evaluate(() => location.hash));
  if ('error' in shared) throw new Error(shared.error);
  expect(JSON.parse(shared.text).horizonDays).toBe(200);
  expect([shared.replications, shared.seed]).toEqual([8, 7]);
  // the recipient runs the same scenario, seed and replications: the same KPI table as the sharer's
  const other = await openApp(browser, inject('stocklabUrl'), { hash: await page.evaluate(() => location.hash) });
  try {
    expect(await other.page.textContent('#kpi-table table')).toBe(await page.textContent('#kpi-table table'));
    expect(other.errors).toEqual([]);
  } finally {
    await other.close();
  }
});

test('Save while the results are stale says the file does not hold them; exports name the scenario, seed and day', async () => {
  await field('horizonDays').fill('180');
  await expectStale(/changed since/);
  const saved = await downloadText(page, '#save-file');
  expect(JSON.parse(saved.text).horizonDays).toBe(180);
  expect(await page.textContent('#status')).toMatch(/^Saved the scenario as it is now; the results on screen are from an earlier version/);
  // the results' own files: their scenario (name, seed, replications, horizon) is the one that ran
  const csv = await downloadText(page, '#export-csv');
  expect(csv.name).toMatch(/^stocklab-a-coffee-brand-s-store-and-warehouse-seed-7-results-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(csv.text.split('\r\n')[1]).toMatch(/^"?A coffee brand's store and warehouse"?,7,8,200,/);
  expect(await page.textContent('#status')).toMatch(/^The file holds the results on screen, those of the earlier version/);
  const html = await downloadText(page, '#export-html');
  // the view of the results under their own heading: no notice, nothing dimmed
  expect(html.text).not.toContain('id="stale-notice"');
  expect(html.text).not.toMatch(/class="[^"]*results-stale/);
  expect(html.text).toMatch(/seed 7, 8 replications/);
  expect(app.errors).toEqual([]);
});

test('Open… runs the file as a gallery pick does: its own name over its own results', async () => {
  const file = join(dir, 'newsvendor.json');
  await writeFile(file, await readFile(join(REPO_ROOT, 'scenarios', '01-newsvendor.json')));
  const name = JSON.parse(await readFile(file, 'utf8')).name as string;
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('#open-file')]);
  await chooser.setFiles(file);
  // its own results in: the KPI table's caption names the file's replications, and the status a run
  const replications = JSON.parse(await readFile(file, 'utf8')).replications as number;
  await page.waitForFunction((n) => (document.querySelector('#kpi-table caption')?.textContent ?? '').includes(`${n} replications`) && document.querySelector('#scenario-name')?.textContent !== '' && document.querySelector<HTMLElement>('#stale-notice')!.hidden, replications, { timeout: 60_000 });
  await waitForIdle(page, 60_000);
  expect(await page.textContent('#scenario-name')).toBe(name);
  expect(await staleState()).toEqual(current);
  const json = JSON.parse((await downloadText(page, '#export-json')).text) as { scenario: string };
  expect(json.scenario).toBe(name);
  expect(app.errors).toEqual([]);
});

test("in the default scenario, the shop's policies every variant replaces are marked at their fields, with the variants", async () => {
  await page.click('.gallery-item[data-path="scenarios/04-coffee-brand.json"]');
  await waitForIdle(page);
  const shop = page.locator('#editor [data-key="stockPoints[3].policy.reorderPoint"]').first();
  await shop.waitFor();
  expect(await shop.getAttribute('class')).toContain('se-cell-overridden');
  expect(await shop.getAttribute('title')).toBe('Every variant replaces this (Lean (s, S), Generous (s, S), Service target 95%), so editing it here changes no result: edit the variants instead.');
  const warehouse = page.locator('#editor [data-key="stockPoints[0].policy.reorderPoint"]').first();
  expect(await warehouse.getAttribute('class')).not.toContain('se-cell-overridden');
  expect(app.errors).toEqual([]);
});
