/**
 * The inventory chart (web/charts/inventoryChart.ts, web/inventoryControls.ts) in Chromium, on the
 * default scenario (the coffee brand) with 3 replications: the window selector, Earlier / Later and
 * the brush under the axis choose the days shown and the axis ticks follow; the replication picker
 * shows replication k's own days, equal to the engine's run of replication k (run again in a worker);
 * the shading says what it measures in the legend (days short in one replication, the mean units
 * short over replications); the axes keep their titles with units.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { runReplication } from '../../src/experiment/run.ts';
import { parseScenario } from '../../src/scenario/parse.ts';
import type { ScenarioInput } from '../../src/scenario/schema.ts';
import { encodeScenarioForUrl } from '../../web/editor/shareLink.ts';
import { launchBrowser, openApp, REPO_ROOT, showsAs, type AppPage } from './harness.ts';

const REPLICATIONS = 3;
const coffeeText = await readFile(join(REPO_ROOT, 'scenarios/04-coffee-brand.json'), 'utf8');
const parsed = parseScenario({ ...(JSON.parse(coffeeText) as ScenarioInput), replications: REPLICATIONS });
if (!parsed.ok) throw new Error('the coffee brand does not parse');
const scenario = parsed.scenario;

let browser: Browser;
let app: AppPage;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  app = await openApp(browser, inject('stocklabUrl'), { hash: await encodeScenarioForUrl(coffeeText, { replications: REPLICATIONS }), width: 1280, height: 900 });
  page = app.page;
  await page.waitForSelector('#inventory svg.chart-svg');
}, 120_000);

afterAll(async () => {
  await app?.close();
  await browser?.close();
});

/** The x axis's tick labels as numbers (days). */
const ticks = (p: Page) =>
  p.$$eval('#inventory .axis-x .tick text', (nodes) => nodes.map((node) => Number((node.textContent ?? '').replace(/,/g, ''))));

/** The chart's texts: caption, legend, axis titles. */
const chartText = (p: Page) => p.$eval('#inventory svg.chart-svg', (svg) => svg.textContent ?? '');

/** Waits for the chart to be drawn again with a caption containing `words`. */
const captionHas = (p: Page, words: string) =>
  p.waitForFunction((w) => document.querySelector('#inventory svg.chart-svg')?.getAttribute('aria-label')?.includes(w) ?? false, words, { timeout: 30_000 });

/** The day cursor's reading for `days` days from the first: each day's "On hand" as shown. */
async function onHandShown(p: Page, days: number): Promise<string[]> {
  await p.focus('#inventory .cursor-overlay');
  await p.keyboard.press('Home');
  const shown: string[] = [];
  for (let d = 0; d < days; d++) {
    const text = (await p.getAttribute('#inventory .cursor-overlay', 'aria-valuetext')) ?? '';
    shown.push(/On hand: ([^;±]+)/.exec(text)![1].trim());
    await p.keyboard.press('ArrowRight');
  }
  return shown;
}

describe('inventory over time', () => {
  test('the window selector, Earlier and Later choose the days shown, from the keyboard, and the axis follows', async () => {
    expect(Math.max(...(await ticks(page)))).toBeGreaterThan(300);
    await page.focus('#inventory-window');
    await page.selectOption('#inventory-window', '30');
    await page.waitForFunction(() => document.querySelector('.inventory-window-status')?.textContent !== '');
    let shown = await ticks(page);
    expect(Math.max(...shown) - Math.min(...shown)).toBeLessThanOrEqual(30);
    const status = (await page.textContent('.inventory-window-status')) ?? '';
    const [from, to] = /Days (\d+) to (\d+)/.exec(status)!.slice(1).map(Number);
    expect(to - from).toBe(29);
    for (const tick of shown) expect(tick >= from && tick <= to + 1).toBe(true);

    // Later, by keyboard: half a window on
    await page.focus('#inventory-later');
    await page.keyboard.press('Enter');
    await page.waitForFunction((f) => !document.querySelector('.inventory-window-status')?.textContent?.startsWith(`Days ${f} `), from);
    const later = /Days (\d+) to (\d+)/.exec((await page.textContent('.inventory-window-status')) ?? '')!.slice(1).map(Number);
    expect(later).toEqual([from + 15, to + 15]);
    shown = await ticks(page);
    expect(Math.min(...shown)).toBeGreaterThanOrEqual(from + 15);

    // 7 days: a tick a day or so; then the whole run again
    await page.selectOption('#inventory-window', '7');
    shown = await ticks(page);
    expect(Math.max(...shown) - Math.min(...shown)).toBeLessThanOrEqual(7);
    await page.selectOption('#inventory-window', 'whole');
    await page.waitForFunction(() => document.querySelector('.inventory-window-status')?.textContent === '');
    expect(Math.max(...(await ticks(page)))).toBeGreaterThan(300);
    expect(await page.isDisabled('#inventory-later')).toBe(true);
    expect(app.errors).toEqual([]);
  });

  test('brushing the overview under the axis zooms to the days brushed; the selector says so', async () => {
    const overlay = (await page.$('#inventory .overview-brush .overlay'))!;
    // in the middle of the viewport, clear of the sticky top bar
    await overlay.evaluate((element) => element.scrollIntoView({ block: 'center' }));
    const box = (await overlay.boundingBox())!;
    // about days 100 to 160 of 365
    const at = (day: number) => box.x + (box.width * day) / scenario.horizonDays;
    await page.mouse.move(at(100), box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(at(130), box.y + box.height / 2, { steps: 4 });
    await page.mouse.move(at(160), box.y + box.height / 2, { steps: 4 });
    await page.mouse.up();
    await page.waitForFunction(() => document.querySelector<HTMLSelectElement>('#inventory-window')?.value === 'custom');
    const shown = await ticks(page);
    expect(Math.min(...shown)).toBeGreaterThanOrEqual(98);
    expect(Math.max(...shown)).toBeLessThanOrEqual(162);
    const [from, to] = /Days (\d+) to (\d+)/.exec((await page.textContent('.inventory-window-status')) ?? '')!.slice(1).map(Number);
    expect(Math.abs(from - 100)).toBeLessThanOrEqual(2);
    expect(Math.abs(to - 159)).toBeLessThanOrEqual(2);
    // the window survives a redraw (another mode)
    await page.selectOption('#inventory-mode', 'single');
    await captionHas(page, 'replication 1 of 3');
    expect(Math.min(...(await ticks(page)))).toBeGreaterThanOrEqual(98);
    await page.selectOption('#inventory-window', 'whole');
    await page.selectOption('#inventory-mode', 'mean');
    expect(app.errors).toEqual([]);
  });

  test("the replication picker shows replication k's own days: the engine's run of replication k", async () => {
    // the mean view: no replication to pick, the shading labelled as a mean over replications
    expect(await page.isVisible('#inventory-replication')).toBe(false);
    const meanText = await chartText(page);
    expect(meanText).toContain(`Mean units short that day over ${REPLICATIONS} replications`);
    expect(meanText).toContain('Day of the simulation');
    expect(meanText).toContain('Stock (units)');

    await page.selectOption('#inventory-mode', 'single');
    await captionHas(page, `replication 1 of ${REPLICATIONS}`);
    expect(await page.isVisible('#inventory-replication')).toBe(true);
    expect(await page.getAttribute('#inventory-replication', 'max')).toBe(String(REPLICATIONS));
    const singleText = await chartText(page);
    expect(singleText).toContain('Days with units short');
    expect(singleText).not.toContain('Mean units short');
    const first = await onHandShown(page, 40);

    for (const k of [2, 3]) {
      await page.fill('#inventory-replication', String(k));
      await page.press('#inventory-replication', 'Enter');
      await captionHas(page, `replication ${k} of ${REPLICATIONS}`);
      const engine = runReplication(scenario, 0, k - 1).series!.stockPoints![0].onHand;
      const shown = await onHandShown(page, 40);
      shown.forEach((value, day) => expect(showsAs(engine[day], value), `replication ${k}, day ${day}: ${value} vs ${engine[day]}`).toBe(true));
      expect(shown).not.toEqual(first);
    }
    // out of range: kept within 1..N
    await page.fill('#inventory-replication', '99');
    await page.press('#inventory-replication', 'Enter');
    expect(await page.inputValue('#inventory-replication')).toBe(String(REPLICATIONS));
    expect(app.errors).toEqual([]);
  }, 90_000);
});
