/**
 * The sensitivity panel in Chromium: on the coffee brand (the default scenario, 3 variants) with 2
 * replications from the top bar, the first variant's inputs moved by ±10% on total cost run through
 * the same pool, progress bar and status as Run; the tornado has a bar per input sorted by swing, with
 * hatched lowered parts, whiskers and end labels; it exports as SVG; the bars download as CSV (a row
 * per input in the chart's order, after scenario, seed, replications, complete and version) and as
 * `stocklab sensitivity --json`'s JSON; it fits a phone's width; the form is reachable by keyboard; a
 * cancelled analysis exports the inputs that finished, marked incomplete; and nothing logs an error.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { downloadText, launchBrowser, openApp, STOCKLAB_VERSION, waitForIdle, type AppPage } from './harness.ts';
import { parseCsv } from '../fixtures/csv.ts';

let browser: Browser;
let app: AppPage;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  app = await openApp(browser, inject('stocklabUrl'));
  page = app.page;
  await page.fill('#replications', '2');
});

afterAll(async () => {
  await app?.close();
  await browser?.close();
});

test('the form: the first variant, total cost and 20% by default; the keyboard reaches Run sensitivity', async () => {
  expect(await page.textContent('#sensitivity h2')).toBe('What moves the result? (sensitivity)');
  expect(await page.locator('#sensitivity-variant option').count()).toBe(3);
  const first = await page.locator('#sensitivity-variant option >> nth=0').getAttribute('value');
  expect(await page.inputValue('#sensitivity-variant')).toBe(first);
  expect(await page.inputValue('#sensitivity-kpi')).toBe('totalCost');
  expect(await page.inputValue('#sensitivity-percent')).toBe('20');
  await page.focus('#sensitivity-percent');
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('sensitivity-run');
  // a move out of range is reported next to the field, and nothing runs
  await page.fill('#sensitivity-percent', '95');
  await page.click('#sensitivity-run');
  expect(await page.getAttribute('#sensitivity-percent', 'aria-invalid')).toBe('true');
  expect(await page.isEnabled('#run')).toBe(true);
});

test('±10% on total cost: 5 bars sorted by swing, baseline, whiskers, end labels; SVG export; fits 390 px', async () => {
  await page.fill('#sensitivity-percent', '10');
  await page.click('#sensitivity-run');
  await page.waitForFunction(() => document.querySelector('#sensitivity-tornado svg') !== null, undefined, { timeout: 30_000 });
  await waitForIdle(page);
  expect(await page.textContent('#status')).toMatch(/^Done: 2 replications/);
  // the baseline and 5 inputs at two levels, 2 replications each
  expect(await page.getAttribute('#progress', 'aria-valuenow')).toBe('22');

  const spans = page.locator('#sensitivity-tornado .tornado-span');
  expect(await spans.count()).toBe(5);
  const widths = await spans.evaluateAll((rects) => rects.map((rect) => Number(rect.getAttribute('width'))));
  const swings = await spans.evaluateAll((rects) => rects.map((rect) => Number(rect.getAttribute('data-swing'))));
  for (let i = 1; i < widths.length; i++) {
    expect(widths[i]).toBeLessThanOrEqual(widths[i - 1] + 1e-6);
    expect(swings[i]).toBeLessThanOrEqual(swings[i - 1]);
  }
  expect(widths[0]).toBeGreaterThan(widths[4]);
  expect(await page.locator('#sensitivity-tornado .tornado-baseline').count()).toBe(1);
  expect(await page.locator('#sensitivity-tornado .tornado-whisker').count()).toBe(10);
  expect(await page.locator('#sensitivity-tornado .tornado-end-low').first().textContent()).toMatch(/^−10%/);
  expect(await page.locator('#sensitivity-tornado .tornado-end-high').first().textContent()).toMatch(/^\+10%/);
  expect(await page.locator('#sensitivity-tornado .axis-title').textContent()).toMatch(/^Total cost \(/);
  expect(await spans.first().getAttribute('aria-label')).toMatch(/Input −10%: [\d,.]+ ± [\d,.]+ .*Input \+10%: /);
  expect(await page.textContent('#sensitivity .sweep-caption')).toMatch(/±?−10% and \+10%/);
  expect(await page.locator('#sensitivity-skipped li').count()).toBe(0);

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#sensitivity-tornado button[data-export="svg"]')]);
  expect(download.suggestedFilename()).toMatch(/^stocklab-.+-seed-.+-sensitivity-tornado-\d{4}-\d{2}-\d{2}\.svg$/);
  const svg = await readFile(await download.path(), 'utf8');
  expect(svg).toMatch(/<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  expect((svg.match(/class="tornado-span"/g) ?? []).length).toBe(5);

  // the bars as CSV: a row per input, in the chart's order, with the swing each bar is drawn with
  const scenario = (await page.textContent('#scenario-name'))!;
  const seed = await page.inputValue('#seed');
  const variant = await page.inputValue('#sensitivity-variant');
  const variantName = await page.locator('#sensitivity-variant option:checked').textContent();
  const drawn = await page.locator('#sensitivity-tornado .tornado-bar').evaluateAll((bars) =>
    bars.map((bar) => ({ input: bar.getAttribute('data-input'), swing: bar.querySelector('.tornado-span')!.getAttribute('data-swing') })),
  );
  const csv = await downloadText(page, '#sensitivity-export-csv');
  expect(csv.name).toMatch(/^stocklab-.+-seed-.+-sensitivity-\d{4}-\d{2}-\d{2}\.csv$/);
  const [head, ...rows] = parseCsv(csv.text);
  expect(head).toEqual(['scenario', 'seed', 'replications', 'complete', 'stocklabVersion', 'variantId', 'variant', 'kpi', 'percent', 'input', 'baseline', 'baselineHalfWidth', 'low', 'lowHalfWidth', 'high', 'highHalfWidth', 'swing']);
  expect(rows).toHaveLength(5);
  const column = (name: string) => head.indexOf(name);
  rows.forEach((row, i) => {
    expect(row.slice(0, 10)).toEqual([scenario, seed, '2', 'true', STOCKLAB_VERSION, variant, variantName, 'totalCost', '10', drawn[i].input]);
    expect(row[column('swing')]).toBe(drawn[i].swing);
    expect(Math.abs(Number(row[column('high')]) - Number(row[column('low')]))).toBeCloseTo(Number(row[column('swing')]), 6);
  });
  const json = await downloadText(page, '#sensitivity-export-json');
  expect(json.name).toMatch(/^stocklab-.+-seed-.+-sensitivity-\d{4}-\d{2}-\d{2}\.json$/);
  const parsed = JSON.parse(json.text);
  expect(Object.keys(parsed)).toEqual(['scenario', 'variant', 'kpi', 'percent', 'baseline', 'bars', 'skipped', 'seed', 'replications', 'complete', 'stocklabVersion']);
  expect([parsed.scenario, parsed.variant, parsed.kpi, parsed.percent, String(parsed.seed), parsed.replications, parsed.complete, parsed.skipped]).toEqual([scenario, variant, 'totalCost', 10, seed, 2, true, []]);
  expect(parsed.bars.map((bar: { input: string; swing: number }) => [bar.input, String(bar.swing)])).toEqual(drawn.map((bar) => [bar.input, bar.swing]));
  expect(String(parsed.baseline.mean)).toBe(rows[0][column('baseline')]);

  await page.setViewportSize({ width: 390, height: 800 });
  await page.waitForFunction(() => (document.querySelector('#sensitivity-tornado svg')?.getBoundingClientRect().width ?? 999) <= 390);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  expect(await page.locator('#sensitivity-tornado .tornado-span').count()).toBe(5);
  await page.setViewportSize({ width: 1280, height: 800 });
  expect(app.errors).toEqual([]);
});

test('Cancel during the analysis keeps the inputs that finished; their export says it is partial', async () => {
  await page.fill('#replications', '100');
  await page.fill('#sensitivity-percent', '20');
  await page.evaluate(() => document.querySelectorAll('#sensitivity svg').forEach((svg) => svg.setAttribute('data-old', '')));
  await page.click('#sensitivity-run');
  // the baseline and the first input's two runs (100 replications each), not all 11 runs
  await page.waitForFunction(() => Number(document.querySelector('#progress')!.getAttribute('aria-valuenow')) >= 300, undefined, { timeout: 60_000 });
  await page.click('#cancel');
  await waitForIdle(page, 10_000);
  expect(await page.textContent('#status')).toMatch(/^Cancelled/);
  await page.waitForFunction(() => document.querySelector('#sensitivity-tornado svg:not([data-old])') !== null);
  expect(await page.textContent('#sensitivity .sweep-caption')).toMatch(/cancelled: \d of 5 inputs finished/);
  const bars = await page.locator('#sensitivity-tornado .tornado-span').count();
  expect(bars).toBeGreaterThanOrEqual(1);
  expect(bars).toBeLessThan(5);

  const [head, ...rows] = parseCsv((await downloadText(page, '#sensitivity-export-csv')).text);
  expect(rows).toHaveLength(bars);
  for (const row of rows) expect([row[head.indexOf('replications')], row[head.indexOf('complete')]]).toEqual(['100', 'false']);
  const json = JSON.parse((await downloadText(page, '#sensitivity-export-json')).text);
  expect(json.complete).toBe(false);
  expect(json.bars).toHaveLength(bars);
  expect(json.skipped.filter((line: string) => /not run \(cancelled\)$/.test(line))).toHaveLength(5 - bars);
  expect(app.errors).toEqual([]);
  await page.fill('#replications', '2');
});
