/**
 * The inventory chart's stock-point picker and the network diagram with 4,000 stock points (issue 14:
 * a planner's 800 SKUs at 5 locations), in Chromium. The picker finds a stock point from part of its
 * product id, moves and chooses from the keyboard (the inventory chart follows), groups by location or
 * by product, draws only the first 100 matches and says how many more there are, and stays inside a
 * 390 px screen. The time to open it and to filter is printed (not asserted: the machine is shared).
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { ScenarioInput } from '../../src/scenario/schema.ts';
import { encodeScenarioForUrl } from '../../web/editor/shareLink.ts';
import { launchBrowser, openApp, waitForIdle, type AppPage } from './harness.ts';

const PICKER = '#inventory-point';
const OPTIONS = `${PICKER}-list [role="option"]`;
/** long enough to be cut in a diagram's box (and in the picker's input at 390 px) */
const STORE_NAMES = [
  'Lille, rue Nationale: flagship store with click and collect',
  'Lyon Part-Dieu shopping centre, level 2',
  'Nantes, île de Nantes warehouse outlet',
  'Paris 11e, boulevard Voltaire corner shop',
];

/**
 * A supplier, a distribution centre and four stores, 800 products at each of the five locations
 * (4,000 stock points), two policy variants; daily series for every stock point, so that each has its
 * own inventory chart.
 */
function rangeScenario(products: number): ScenarioInput {
  const productIds = Array.from({ length: products }, (_, i) => `sku-${String(i + 1).padStart(4, '0')}`);
  const stores = STORE_NAMES.map((name, i) => ({ id: `store-${i + 1}`, type: 'store' as const, name }));
  const locations = ['dc', ...stores.map((store) => store.id)];
  return {
    version: 1,
    name: `${products} SKUs at 5 locations`,
    horizonDays: 20,
    warmupDays: 0,
    seed: 'range',
    products: productIds.map((id, i) => ({ id, name: `Article ${i + 1}`, unitCost: 4 + (i % 5), price: 9 + (i % 5), holdingCost: { annualRate: 0.25 } })),
    nodes: [{ id: 'maker', type: 'supplier', name: 'Maker' }, { id: 'dc', type: 'warehouse', name: 'Central distribution centre' }, ...stores],
    lanes: [
      { from: 'maker', to: 'dc', leadTime: { type: 'constant', value: 5 } },
      ...stores.map((store) => ({ from: 'dc', to: store.id, leadTime: { type: 'constant' as const, value: 1 } })),
    ],
    stockPoints: [{ node: locations, product: productIds, policy: { type: 'sS', reorderPoint: 6, orderUpTo: 20 } }],
    // four demand entries, not 800: the editor draws a form per entry
    demand: [0, 1, 2, 3].map((k) => ({ type: 'arrivals' as const, node: stores.map((store) => store.id), product: productIds.filter((_, i) => i % 4 === k), customersPerDay: 0.5 + k / 4 })),
    variants: [
      { id: 'today', name: 'Today', policies: [] },
      { id: 'lean', name: 'Lean', policies: [{ node: locations, product: productIds, policy: { type: 'sS', reorderPoint: 2, orderUpTo: 8 } }] },
    ],
    output: { series: 'all' },
  };
}

let browser: Browser;
let app: AppPage;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  const hash = await encodeScenarioForUrl(JSON.stringify(rangeScenario(800)), { replications: 2 });
  app = await openApp(browser, inject('stocklabUrl'), { hash, settle: false });
  page = app.page;
  await waitForIdle(page, 240_000);
  expect(await page.textContent('#status')).toMatch(/^Done: 2 replications/);
  await page.waitForSelector('#inventory svg', { timeout: 30_000 });
}, 300_000);

afterAll(async () => {
  await app?.close();
  await browser?.close();
});

const shownIds = () => page.locator(OPTIONS).evaluateAll((options) => options.map((option) => (option as HTMLElement).dataset.ids ?? ''));
const inventoryCaption = () => page.evaluate(() => document.querySelector('#inventory .chart-caption')?.textContent ?? '');

describe('the stock-point picker with 4,000 stock points', () => {
  test('closed, it shows the chosen stock point’s names and, on hover, its ids; no option is in the page', async () => {
    expect(await page.inputValue(PICKER)).toBe('Central distribution centre / Article 1');
    expect(await page.getAttribute(PICKER, 'title')).toBe('Central distribution centre / Article 1 (dc / sku-0001)');
    expect(await page.getAttribute(PICKER, 'role')).toBe('combobox');
    expect(await page.getAttribute(PICKER, 'aria-expanded')).toBe('false');
    // labelled: the label's text is the input's accessible name
    expect(await page.evaluate(() => document.querySelector<HTMLInputElement>('#inventory-point')!.labels?.[0]?.textContent)).toBe('Stock point');
    expect(await page.locator(OPTIONS).count()).toBe(0);
    expect(await inventoryCaption()).toMatch(/^dc · sku-0001 · Today/);
  });

  test('opened, it draws the first 100 grouped by location and says how many more there are', async () => {
    const openMs = await page.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('#inventory-point')!;
      input.focus();
      const start = performance.now();
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, cancelable: true }));
      return performance.now() - start;
    });
    expect(await page.getAttribute(PICKER, 'aria-expanded')).toBe('true');
    expect(await page.locator(OPTIONS).count()).toBe(100);
    expect(await page.textContent(`${PICKER}-list .sp-picker-group-head`)).toBe('Central distribution centre · dc');
    expect(await page.textContent('.sp-picker-count')).toBe('4,000 stock points');
    expect(await page.textContent('.sp-picker-more')).toBe('and 3,900 more — refine the search');
    // the arrows start on the choice, which is marked
    const active = await page.getAttribute(PICKER, 'aria-activedescendant');
    expect(await page.getAttribute(`#${active}`, 'aria-selected')).toBe('true');
    expect(await page.getAttribute(`#${active}`, 'data-ids')).toBe('dc / sku-0001');

    const filterMs = await page.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('#inventory-point')!;
      const start = performance.now();
      input.value = '0777';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      return performance.now() - start;
    });
    console.log(`[stock-point picker] 4,000 stock points: open ${openMs.toFixed(1)} ms, filter by "0777" ${filterMs.toFixed(1)} ms`);
    expect(await shownIds()).toEqual(['dc / sku-0777', 'store-1 / sku-0777', 'store-2 / sku-0777', 'store-3 / sku-0777', 'store-4 / sku-0777']);
    expect(await page.textContent('.sp-picker-count')).toBe('5 of 4,000 stock points match');
    expect(await page.isHidden('.sp-picker-more')).toBe(true);
    await page.keyboard.press('Escape');
    expect(await page.getAttribute(PICKER, 'aria-expanded')).toBe('false');
    // Escape keeps the choice
    expect(await page.inputValue(PICKER)).toBe('Central distribution centre / Article 1');
    expect(await inventoryCaption()).toMatch(/^dc · sku-0001 · Today/);
  });

  test('typing part of a product id, the arrows and Enter choose a stock point, and the inventory chart shows it', async () => {
    await page.focus(PICKER);
    await page.keyboard.type('sku-0512');
    expect(await shownIds()).toEqual(['dc / sku-0512', 'store-1 / sku-0512', 'store-2 / sku-0512', 'store-3 / sku-0512', 'store-4 / sku-0512']);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await page.getAttribute(`#${await page.getAttribute(PICKER, 'aria-activedescendant')}`, 'data-ids')).toBe('store-3 / sku-0512');
    await page.keyboard.press('Enter');
    expect(await page.getAttribute(PICKER, 'aria-expanded')).toBe('false');
    expect(await page.inputValue(PICKER)).toBe(`${STORE_NAMES[2]} / Article 512`);
    await page.waitForFunction(() => /^store-3 · sku-0512 · Today/.test(document.querySelector('#inventory .chart-caption')?.textContent ?? ''));
    // the other variant has the same stock point: the choice stays on it
    await page.selectOption('#inventory-variant', { label: 'Lean' });
    await page.waitForFunction(() => /^store-3 · sku-0512 · Lean/.test(document.querySelector('#inventory .chart-caption')?.textContent ?? ''));
    expect(await page.inputValue(PICKER)).toBe(`${STORE_NAMES[2]} / Article 512`);
    // a click on an option chooses it too
    await page.click(PICKER);
    await page.keyboard.type('store-1 sku-0003');
    await page.click(`${OPTIONS}[data-ids="store-1 / sku-0003"]`);
    await page.waitForFunction(() => /^store-1 · sku-0003 · Lean/.test(document.querySelector('#inventory .chart-caption')?.textContent ?? ''));
    expect(app.errors).toEqual([]);
  });

  test('grouped by product: each product’s five locations together; back by location', async () => {
    await page.selectOption(`${PICKER}-group`, 'product');
    await page.focus(PICKER);
    await page.keyboard.press('ArrowDown');
    const heads = await page.locator(`${PICKER}-list .sp-picker-group-head`).allTextContents();
    expect(heads).toHaveLength(20);
    expect(heads.slice(0, 2)).toEqual(['Article 1 · sku-0001', 'Article 2 · sku-0002']);
    expect((await shownIds()).slice(0, 6)).toEqual(['dc / sku-0001', 'store-1 / sku-0001', 'store-2 / sku-0001', 'store-3 / sku-0001', 'store-4 / sku-0001', 'dc / sku-0002']);
    // under a product's heading, an option is its location
    expect(await page.locator(`${OPTIONS} .sp-picker-name`).nth(1).textContent()).toBe(STORE_NAMES[0]);
    await page.keyboard.press('Escape');
    await page.selectOption(`${PICKER}-group`, 'location');
    await page.focus(PICKER);
    await page.keyboard.press('ArrowDown');
    expect(await page.locator(`${PICKER}-list .sp-picker-group-head`).allTextContents()).toEqual(['Central distribution centre · dc']);
    await page.keyboard.press('Escape');
  });

  test('at 390 px the open list stays inside the screen; at 1920 px too', async () => {
    for (const [width, height] of [
      [390, 844],
      [1920, 1080],
    ]) {
      await page.setViewportSize({ width, height });
      await page.focus(PICKER);
      await page.keyboard.press('ArrowDown');
      const box = await page.evaluate(() => {
        const popup = document.querySelector<HTMLElement>('.sp-picker-popup')!.getBoundingClientRect();
        return { left: popup.left, right: popup.right, width: popup.width, page: document.documentElement.scrollWidth };
      });
      expect(box.left).toBeGreaterThanOrEqual(0);
      expect(box.right).toBeLessThanOrEqual(width);
      expect(box.width).toBeGreaterThan(250);
      expect(box.page).toBeLessThanOrEqual(width);
      await page.keyboard.press('Escape');
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(app.errors).toEqual([]);
  });
});

describe('the network diagram with 4,000 stock points', () => {
  test('is summarised: a box per location with its counts, no cell per stock point, in a box of bounded height', async () => {
    await page.waitForSelector('#network .network-summary svg');
    expect(await page.locator('#network .network-box').count()).toBe(6);
    expect(await page.locator('#network .network-node').count()).toBe(0);
    // a fill-rate swatch per box holding stock, not 4,000 cells
    expect(await page.locator('#network .point-cell').count()).toBeLessThanOrEqual(6);
    for (const location of ['dc', 'store-1']) {
      expect(await page.locator(`#network [data-box="${location}"] .node-type`).allTextContents()).toEqual([
        '800 stock points',
        '800 products',
        expect.stringMatching(/^mean \d+\.\d%$/),
        expect.stringMatching(/^lowest \d+\.\d%$/),
      ]);
    }
    // the supplier holds no stock
    expect(await page.locator('#network [data-box="maker"] .node-type').allTextContents()).toEqual(['No stock held', 'No fill rate']);
    expect(await page.locator('#network .box-link .lane-label').allTextContents()).toEqual(['5 d', '1 d', '1 d', '1 d', '1 d']);
    const box = await page.evaluate(() => {
      const scroller = document.querySelector<HTMLElement>('#network .network-scroll')!;
      const style = getComputedStyle(scroller);
      return { maxHeight: style.maxHeight, overflow: style.overflowY, height: scroller.getBoundingClientRect().height, svg: scroller.querySelector('svg')!.getBoundingClientRect().height };
    });
    expect(box.overflow).toBe('auto');
    expect(box.maxHeight).toMatch(/px$/);
    expect(box.height).toBeLessThanOrEqual(Math.max(0.8 * 800, 560) + 1);
    expect(box.svg).toBeLessThan(1000);
  });

  test('a name cut to fit its box has the full name in a <title>, and the box’s tooltip gives it too', async () => {
    const name = page.locator('#network [data-box="store-1"] .node-name');
    const shown = (await name.evaluate((element) => element.firstChild?.textContent)) ?? '';
    expect(shown.endsWith('…')).toBe(true);
    expect(STORE_NAMES[0].startsWith(shown.slice(0, -1))).toBe(true);
    expect(await name.locator('title').textContent()).toBe(STORE_NAMES[0]);
    await page.hover('#network [data-box="store-1"]');
    await page.waitForSelector('#network .chart-tooltip:not([hidden])');
    expect(await page.textContent('#network .chart-tooltip .chart-tooltip-head')).toBe(STORE_NAMES[0]);
  });

  test('the search highlights a location’s box and its lanes, and says which it is', async () => {
    await page.fill('#network-search', 'NANTES');
    expect(await page.textContent('#network .network-search-status')).toBe(`${STORE_NAMES[2]} (store-3): highlighted with its lanes`);
    expect(await page.locator('#network .network-box.highlight').evaluateAll((boxes) => boxes.map((b) => (b as SVGGElement).dataset.box))).toEqual(['store-3']);
    expect(await page.locator('#network .box-link.highlight').evaluateAll((links) => links.map((l) => `${(l as SVGGElement).dataset.from}>${(l as SVGGElement).dataset.to}`))).toEqual(['dc>store-3']);
    expect(await page.getAttribute('#network svg .plot', 'class')).toContain('searching');
    await page.fill('#network-search', 'store-');
    expect(await page.textContent('#network .network-search-status')).toBe(`${STORE_NAMES[0]} (store-1): highlighted with its lanes (first of 4 matches)`);
    await page.fill('#network-search', 'nowhere');
    expect(await page.textContent('#network .network-search-status')).toBe('No location matches.');
    expect(await page.locator('#network .highlight').count()).toBe(0);
    await page.fill('#network-search', '');
    expect(await page.getAttribute('#network svg .plot', 'class')).not.toContain('searching');
  });

  test('at 390 px and 1920 px the page never scrolls sideways', async () => {
    for (const [width, height] of [
      [390, 844],
      [1920, 1080],
    ]) {
      await page.setViewportSize({ width, height });
      await page.waitForFunction((w) => document.documentElement.scrollWidth <= w, width);
      const right = await page.evaluate(() => document.querySelector('#network .network-scroll')!.getBoundingClientRect().right);
      expect(right).toBeLessThanOrEqual(width);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(app.errors).toEqual([]);
  });
});

describe('the network diagram of the default scenario (the coffee brand)', () => {
  test('is drawn in full, as before: a box per node, a cell per stock point, a lane per arrow, no search', async () => {
    const coffee = await openApp(browser, inject('stocklabUrl'));
    try {
      await coffee.page.waitForSelector('#network svg');
      // scenarios/04-coffee-brand.json: 3 nodes, 2 lanes, 6 stock points (3 at the warehouse, 3 at the shop)
      expect(await coffee.page.locator('#network .network-node').count()).toBe(3);
      expect(await coffee.page.locator('#network .lane').count()).toBe(2);
      expect(await coffee.page.locator('#network .point-cell').count()).toBe(6);
      expect(await coffee.page.locator('#network .network-summary, #network .network-box, #network-search').count()).toBe(0);
      // short enough not to scroll inside its box
      expect(await coffee.page.evaluate(() => {
        const scroller = document.querySelector<HTMLElement>('#network .network-scroll')!;
        return scroller.scrollHeight <= scroller.clientHeight;
      })).toBe(true);
      expect(coffee.errors).toEqual([]);
    } finally {
      await coffee.close();
    }
  });
});
