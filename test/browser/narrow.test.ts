/**
 * The web app on a phone-sized screen (390×844): the left panel (gallery and editor) becomes a
 * drawer that opens and closes, a scenario picked in it runs, and Run still works.
 */
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openApp, runWith, waitForDashboard, waitForIdle, type AppPage } from './harness.ts';

let browser: Browser;
let app: AppPage;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  app = await openApp(browser, inject('stocklabUrl'), { width: 390, height: 844 });
  page = app.page;
});

afterAll(async () => {
  await app?.close();
  await browser?.close();
});

/** How much of the side panel's width lies inside the viewport, 0 to 1 (0 when not displayed). */
const sideShown = (page: Page) =>
  page.evaluate(() => {
    const side = document.querySelector<HTMLElement>('#side')!;
    const box = side.getBoundingClientRect();
    const style = getComputedStyle(side);
    if (style.display === 'none' || style.visibility === 'hidden' || box.width === 0) return 0;
    const visible = Math.max(0, Math.min(box.right, window.innerWidth) - Math.max(box.left, 0));
    return visible / box.width;
  });

/**
 * The outermost elements that stick out past the right edge of the viewport when the page scrolls
 * sideways, named by tag, id and class; empty when the page fits.
 */
const overflowing = (page: Page) =>
  page.evaluate(() => {
    if (document.documentElement.scrollWidth <= window.innerWidth) return [];
    const wide = (element: Element | null) => element !== null && element.getBoundingClientRect().right > window.innerWidth + 1;
    // a box that scrolls or clips (a wide table's scroller, an svg) keeps what it holds off the page
    const clipped = (element: Element) => {
      for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        if (parent instanceof SVGElement || getComputedStyle(parent).overflowX !== 'visible') return true;
      }
      return false;
    };
    return [...document.querySelectorAll('body *')]
      .filter((element) => wide(element) && !wide(element.parentElement) && !clipped(element) && getComputedStyle(element).position !== 'fixed')
      .map((element) => `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${[...element.classList].map((c) => `.${c}`).join('')} (right edge ${Math.round(element.getBoundingClientRect().right)} px)`);
  });

/** Waits until the panel is fully in view (open) or out of it (closed), past its transition. */
async function waitForDrawer(page: Page, open: boolean): Promise<void> {
  await page.waitForFunction(
    (open) => {
      const side = document.querySelector<HTMLElement>('#side')!;
      const box = side.getBoundingClientRect();
      const style = getComputedStyle(side);
      const shown = style.display !== 'none' && style.visibility !== 'hidden' && box.width > 0 ? Math.max(0, Math.min(box.right, window.innerWidth) - Math.max(box.left, 0)) / box.width : 0;
      return open ? shown > 0.99 : shown < 0.01;
    },
    open,
    { timeout: 5_000 },
  );
}

test('the left panel is a drawer: hidden at first, opened by its toggle, closed by its close button and by Escape', async () => {
  expect(await page.isVisible('#drawer-toggle')).toBe(true);
  expect(await sideShown(page)).toBeLessThan(0.01);
  expect(await page.getAttribute('#drawer-toggle', 'aria-expanded')).toBe('false');
  // the page does not scroll sideways
  expect(await overflowing(page), 'elements wider than the screen').toEqual([]);

  await page.click('#drawer-toggle');
  await waitForDrawer(page, true);
  expect(await page.getAttribute('#drawer-toggle', 'aria-expanded')).toBe('true');
  expect(await page.isVisible('#gallery button[data-path]')).toBe(true);

  // the open drawer covers the top bar, so it has a close button of its own
  await page.click('#drawer-close');
  await waitForDrawer(page, false);
  expect(await page.getAttribute('#drawer-toggle', 'aria-expanded')).toBe('false');
  expect(await page.evaluate(() => document.activeElement?.id), 'focus goes back to the toggle').toBe('drawer-toggle');

  await page.click('#drawer-toggle');
  await waitForDrawer(page, true);
  await page.keyboard.press('Escape');
  await waitForDrawer(page, false);
  expect(await page.getAttribute('#drawer-toggle', 'aria-expanded')).toBe('false');
  expect(app.errors).toEqual([]);
});

test('a scenario picked in the drawer closes it and runs; Run works', async () => {
  await page.click('#drawer-toggle');
  await waitForDrawer(page, true);
  const button = page.locator('#gallery button[data-path="scenarios/01-newsvendor.json"]');
  const name = (await button.locator('.gallery-name').textContent()) ?? '';
  await button.click();
  await waitForDrawer(page, false);
  expect(await page.textContent('#scenario-name')).toBe(name);
  await waitForIdle(page);
  expect(await page.textContent('#status')).toMatch(/^Done/);

  expect(await runWith(page, { replications: 2 })).toMatch(/^Done: 2 replications/);
  await waitForDashboard(page, ['frontier', 'inventory']);
  expect(await page.locator('#kpi-table tbody tr').count()).toBeGreaterThan(0);
  // the dashboard fits the narrow screen: nothing makes the page scroll sideways (wide tables scroll
  // inside their own box)
  expect(await overflowing(page), 'elements wider than the screen').toEqual([]);
  expect(app.errors).toEqual([]);
});

test("precision mode's target row fits the narrow screen, with a problem reported at its field", async () => {
  await page.check('#precision-mode');
  expect(await page.isVisible('#precision-row')).toBe(true);
  await page.fill('#precision-target', 'abc');
  await page.click('#run');
  expect(await page.isVisible('#precision-target-error')).toBe(true);
  for (const id of ['#precision-kpi', '#precision-target', '#precision-cap', '#precision-target-error']) {
    const box = (await page.locator(id).boundingBox())!;
    expect(box.x + box.width, `${id}'s right edge`).toBeLessThanOrEqual(390);
  }
  expect(await overflowing(page), 'elements wider than the screen').toEqual([]);
  await page.fill('#precision-target', '0.5');
  await page.uncheck('#precision-mode');
  expect(app.errors).toEqual([]);
});
