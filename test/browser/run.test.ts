/**
 * The web app in Chromium at 1280×800: the default scenario loads and runs by itself (and makes the
 * README's screenshot), a run moves the progress bar and fills the dashboard, Cancel stops a long run
 * at once and the next run works, and the keyboard reaches Run.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { CHART_SECTIONS, launchBrowser, normalizeSpace, REPO_ROOT, runWith, shownDescription, takeScreenshot, waitForDashboard, waitForIdle, waitForRunning, type AppPage } from './harness.ts';

const coffee = JSON.parse(await readFile(join(REPO_ROOT, 'scenarios/04-coffee-brand.json'), 'utf8')) as { name: string; description: string };

let browser: Browser;
let app: AppPage;
let page: Page;
let dir: string;
let screenshot: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'stocklab-shot-'));
  screenshot = join(dir, 'screenshot.png');
  browser = await launchBrowser();
  // the same path as `npm run screenshot`: open the app, let the default run fill the dashboard, shoot
  app = await takeScreenshot(browser, inject('stocklabUrl'), screenshot);
  page = app.page;
});

afterAll(async () => {
  await app?.close();
  await browser?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Records every value aria-valuenow takes on #progress from now on. */
async function recordProgress(page: Page): Promise<void> {
  await page.evaluate(() => {
    const progress = document.querySelector('#progress')!;
    const seen: { now: number; max: number }[] = [];
    (window as unknown as { __progress: typeof seen }).__progress = seen;
    new MutationObserver(() => {
      seen.push({ now: Number(progress.getAttribute('aria-valuenow')), max: Number(progress.getAttribute('aria-valuemax')) });
    }).observe(progress, { attributes: true, attributeFilter: ['aria-valuenow', 'aria-valuemax'] });
  });
}

const recorded = (page: Page) => page.evaluate(() => (window as unknown as { __progress: { now: number; max: number }[] }).__progress);

describe('the web app at 1280×800', () => {
  test('opens on the default scenario (the coffee brand), runs it by itself and fills the dashboard', async () => {
    expect(await page.textContent('#scenario-name')).toBe(coffee.name);
    expect(await shownDescription(page)).toBe(normalizeSpace(coffee.description));
    expect(await page.textContent('#status')).toMatch(/^Done: 20 replications/);
    for (const id of CHART_SECTIONS) expect(await page.locator(`#${id} svg`).count(), `#${id} has a chart`).toBeGreaterThan(0);
    expect(await page.locator('#cards > *').count()).toBeGreaterThan(0);
    expect(await page.locator('#kpi-table tbody tr').count()).toBeGreaterThan(5);
    expect(app.errors).toEqual([]);
  });

  test('the screenshot (scripts/screenshot.ts) is a full 1280×800 PNG', async () => {
    const png = await readFile(screenshot);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.toString('latin1', 12, 16)).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1280, 800]);
    // an empty page compresses to a few kB; the dashboard with its charts to far more
    expect(png.length).toBeGreaterThan(40_000);
  });

  test('Run: the progress bar moves up to the total and the charts and KPI table are drawn again', async () => {
    await recordProgress(page);
    const status = await runWith(page, { replications: 6 });
    expect(status).toMatch(/^Done: 6 replications/);
    const values = await recorded(page);
    const nows = values.map((v) => v.now);
    expect(nows.length).toBeGreaterThan(2);
    expect(nows.some((now) => now > 0 && now < values.at(-1)!.max), 'a value between 0 and the total').toBe(true);
    for (let i = 1; i < nows.length; i++) if (values[i].max === values[i - 1].max) expect(nows[i]).toBeGreaterThanOrEqual(nows[i - 1]);
    // 6 replications of 3 policy variants
    expect(values.at(-1)).toEqual({ now: 18, max: 18 });
    await waitForDashboard(page);
    expect(await page.locator('#kpi-table tbody tr').count()).toBeGreaterThan(5);
    expect(app.errors).toEqual([]);
  });

  /** Clicks Cancel and checks the run stops at once and stays stopped; returns the status text. */
  async function cancelAndCheck(): Promise<string> {
    // the run is on workers now (they start a moment after Cancel turns on: wait for them), which is
    // what makes the check below tell something
    await expect.poll(() => page.workers().length, { timeout: 10_000 }).toBeGreaterThan(0);
    await page.click('#cancel');
    // stopped at once: idle within the bound, and the pool's workers terminated (Cancel terminates
    // them), so nothing that was in flight can bring the run back
    await waitForIdle(page, 5_000);
    await expect.poll(() => page.workers().length, { timeout: 5_000 }).toBe(0);
    const status = (await page.textContent('#status')) ?? '';
    expect(status).toMatch(/^Cancelled/);
    const progress = await page.getAttribute('#progress', 'aria-valuenow');
    expect(await page.textContent('#status')).toBe(status);
    expect(await page.getAttribute('#progress', 'aria-valuenow')).toBe(progress);
    expect(await page.isDisabled('#cancel')).toBe(true);
    expect(await page.isEnabled('#run')).toBe(true);
    expect(await page.isEnabled('#replications')).toBe(true);
    return status;
  }

  test('Cancel right after Run stops the run at once', async () => {
    await page.fill('#replications', '500');
    await page.click('#run');
    await waitForRunning(page);
    await cancelAndCheck();
    expect(app.errors).toEqual([]);
  });

  test('Cancel during a long run stops it at once and keeps the replications that finished; the next run works', async () => {
    await page.fill('#replications', '500');
    await page.click('#run');
    await waitForRunning(page);
    // let a few replications (3 runs each, one per policy variant) finish, so the cancel keeps some
    await page.waitForFunction(
      () => {
        const progress = document.querySelector('#progress')!;
        return progress.getAttribute('aria-valuemax') === '1500' && Number(progress.getAttribute('aria-valuenow')) >= 9;
      },
      undefined,
      { timeout: 20_000 },
    );
    const status = await cancelAndCheck();
    const kept = Number(/the results hold (\d+) of the 500 replications asked/.exec(status)?.[1]);
    expect(kept).toBeGreaterThanOrEqual(1);
    expect(kept).toBeLessThan(500);
    // the replications that finished are on show, and Replications says what they hold
    await waitForDashboard(page);
    expect(await page.inputValue('#replications')).toBe(String(kept));

    // the worker pool recovers: a new run goes to the end
    expect(await runWith(page, { replications: 3 })).toMatch(/^Done: 3 replications/);
    await waitForDashboard(page);
    expect(app.errors).toEqual([]);
  });

  test('the keyboard: Tab reaches Run, and Enter starts a run', async () => {
    await page.fill('#replications', '2');
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    let reached = false;
    for (let i = 0; i < 30 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.id === 'run');
    }
    expect(reached, 'Run is reached with Tab from the top of the page').toBe(true);
    // the focused control shows it (a visible focus ring)
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('Enter');
    await waitForRunning(page);
    await waitForIdle(page);
    expect(await page.textContent('#status')).toMatch(/^Done: 2 replications/);
    expect(app.errors).toEqual([]);
  });

  test('a worker that fails comes back as a readable message, and the next run starts on fresh workers', async () => {
    // the simulation worker's script fails to load: every worker of the pool dies at start
    await page.route(/sim\.worker[^/]*\.js/, (route) => route.fulfill({ contentType: 'text/javascript', body: 'throw new Error("the simulation worker broke");' }));
    await page.fill('#replications', '2');
    await page.click('#run');
    await waitForIdle(page);
    const banner = await page.textContent('#banner');
    expect(banner).toMatch(/^The simulation stopped with an error: .*the simulation worker broke/);
    expect(banner).not.toMatch(/ at .*\.js:\d+/);
    // the page reports the worker's own error as a console error; that is the expected one
    expect(app.errors.filter((error) => !/the simulation worker broke/.test(error))).toEqual([]);
    app.errors.length = 0;
    await page.unroute(/sim\.worker[^/]*\.js/);
    expect(await runWith(page, { replications: 2 })).toMatch(/^Done: 2 replications/);
    expect(await page.isHidden('#banner')).toBe(true);
    expect(app.errors).toEqual([]);
  });

  test('the variants compared in sentences, and the whole view exported as one self-contained HTML page', async () => {
    const sentences = await page.locator('#comparison .comparison-sentence').allTextContents();
    expect(sentences).toHaveLength(2);
    expect(sentences[0]).toMatch(/^Compared with Lean \(s, S\), Generous \(s, S\) raises fill rate by [\d.]+ points \(±[\d.]+\)/);
    expect(await page.locator('#comparison table').first().textContent()).toMatch(/Fill rate\+[\d.]+ points ± [\d.]+yes/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-html')]);
    // named after the scenario, its seed and the day
    expect(download.suggestedFilename()).toMatch(/^stocklab-a-coffee-brand-s-store-and-warehouse-seed-coffee-view-\d{4}-\d{2}-\d{2}\.html$/);
    const html = await readFile(await download.path(), 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toMatch(/<h1>A coffee brand's store and warehouse — seed coffee, \d+ replications — exported /);
    expect(html).toContain('Compared with Lean (s, S), Generous (s, S)');
    expect((html.match(/<svg/g) ?? []).length).toBeGreaterThanOrEqual(5);
    expect(html).not.toMatch(/<button|<select|<script/);
    expect(app.errors).toEqual([]);
  });

  test('exports: a chart as SVG (styles inline) and PNG, the results as CSV', async () => {
    const save = async (selector: string) => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
      return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
    };
    const svg = await save('#frontier button[data-export="svg"]');
    expect(svg.name).toMatch(/\.svg$/);
    const svgText = svg.bytes.toString('utf8');
    expect(svgText).toMatch(/<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svgText).toMatch(/font-family:/);

    const png = await save('#frontier button[data-export="png"]');
    expect(png.name).toMatch(/\.png$/);
    expect(png.bytes.subarray(0, 4)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    expect(png.bytes.length).toBeGreaterThan(5_000);

    const csv = await save('#export-csv');
    expect(csv.name).toMatch(/\.csv$/);
    const lines = csv.bytes.toString('utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/^scenario,seed,replications,/);
    expect(lines.length).toBeGreaterThan(10);
    expect(app.errors).toEqual([]);
  });
});
