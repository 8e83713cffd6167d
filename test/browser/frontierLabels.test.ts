/**
 * The frontier's point names never cover each other, a whisker or a marker (issue 16): checked on the
 * drawn chart of the default scenario and of the outage case, whose three points sit within each
 * other's intervals, at 1280 and 390 pixels.
 */
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openApp, waitForIdle, type AppPage } from './harness.ts';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** The overlaps between a name and anything else drawn in the frontier (names, whisker lines, markers). */
async function collisions(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const svg = document.querySelector('#frontier svg.chart-svg')!;
    const box = (element: Element) => element.getBoundingClientRect();
    const labels = [...svg.querySelectorAll('text.point-label')];
    const others = [...svg.querySelectorAll('.whisker line, path.point-marker')];
    const hit = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    const found: string[] = [];
    labels.forEach((label, i) => {
      const a = box(label);
      labels.forEach((other, j) => {
        if (j > i && hit(a, box(other))) found.push(`${label.textContent} over ${other.textContent}`);
      });
      for (const other of others) if (hit(a, box(other))) found.push(`${label.textContent} over a ${other.tagName === 'path' ? 'marker' : 'whisker'}`);
    });
    return found;
  });
}

for (const width of [1280, 390]) {
  test(`at ${width} px: no name covers another, a whisker or a marker, on the coffee brand and the outage case`, async () => {
    const app: AppPage = await openApp(browser, inject('stocklabUrl'), { width, height: 900 });
    try {
      const page = app.page;
      await page.waitForSelector('#frontier svg.chart-svg text.point-label');
      expect(await collisions(page)).toEqual([]);
      expect(await page.locator('#frontier text.point-label').count()).toBe(3);
      if (width < 600) await page.click('#drawer-toggle');
      await page.click('.gallery-item[data-path="scenarios/10-outage-communication.json"]');
      await waitForIdle(page, 60_000);
      await page.waitForFunction(() => document.querySelector<HTMLElement>('#stale-notice')!.hidden && (document.querySelector('#frontier')?.textContent ?? '').includes('Silent'));
      expect(await collisions(page)).toEqual([]);
      // the names that found a spot; the legend names every point anyway
      expect(await page.locator('#frontier text.point-label').count()).toBeGreaterThanOrEqual(width < 600 ? 1 : 3);
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });
}
