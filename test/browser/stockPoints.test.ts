/**
 * The results per stock point (web/results/stockPointTable.ts) in Chromium: on the default scenario,
 * one row per stock point × variant with the engine's numbers, sorting by fill rate (worst first on
 * the first click), filtering by product, class and a fill-rate target, search, a click on a row
 * showing that stock point in the inventory chart, the CSV of the rows shown (the CLI's lines), and
 * the table scrolling inside itself at 390 px. Then a generated scenario of 2,000 stock points
 * (4,000 rows): only the rows in view are in the DOM, scrolling to the end shows the last row, and a
 * click on a row whose daily series were not recorded says so. The time the table takes to draw the
 * 4,000 rows is printed (not asserted: the machine is shared).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { breakdownCsv, breakdownRows, type BreakdownRow } from '../../src/experiment/breakdown.ts';
import { runExperiment, type ExperimentResult } from '../../src/experiment/replicate.ts';
import { parseScenario } from '../../src/scenario/parse.ts';
import type { ScenarioInput } from '../../src/scenario/schema.ts';
import { encodeScenarioForUrl } from '../../web/editor/shareLink.ts';
import { parseCsv } from '../fixtures/csv.ts';
import { downloadText, launchBrowser, openApp, REPO_ROOT, showsAs, STOCKLAB_VERSION, waitForDashboard, waitForIdle, type AppPage } from './harness.ts';

const TABLE = '#stock-points';
const ROWS = `${TABLE} tbody tr.sp-row`;

function engineResult(input: ScenarioInput): ExperimentResult {
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(parsed.issues.map((issue) => `${issue.path}: ${issue.message}`).join('\n'));
  return runExperiment(parsed.scenario);
}

/** The rows in the DOM, top to bottom: each cell's text by column (a KPI cell's mean alone). */
const shownRows = (page: Page) =>
  page.evaluate((selector) =>
    [...document.querySelectorAll<HTMLTableRowElement>(selector)].map((tr) => {
      const cells: Record<string, string> = {};
      for (const td of tr.querySelectorAll<HTMLTableCellElement>('td[data-column]')) cells[td.dataset.column!] = (td.querySelector('.mean') ?? td).textContent ?? '';
      cells.variant = tr.querySelector('.sp-variant')?.textContent ?? '';
      return cells;
    }),
  ROWS);

/** A row of the engine's breakdown as the table's key: "variant name · node / product". */
const keyOf = (result: ExperimentResult, row: BreakdownRow) => `${result.variants.find((v) => v.id === row.variant)!.name} · ${row.node} / ${row.product}`;

let browser: Browser;
const pages: AppPage[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const app of pages) await app.close();
  await browser?.close();
});

describe('results per stock point on the default scenario (the coffee brand)', () => {
  let app: AppPage;
  let page: Page;
  let engine: ExperimentResult;
  let rows: BreakdownRow[];
  const nodeName: Record<string, string> = { roaster: 'Roastery', warehouse: 'Regional warehouse', shop: 'Brand shop' };
  const productName: Record<string, string> = { beans: 'Whole beans 250 g', ground: 'Ground coffee 250 g', capsules: 'Capsules, box of 10' };
  /** the key of a row in the DOM, as keyOf writes the engine's */
  const domKey = (cells: Record<string, string>) =>
    `${cells.variant} · ${Object.keys(nodeName).find((id) => nodeName[id] === cells.node)} / ${Object.keys(productName).find((id) => productName[id] === cells.product)}`;

  beforeAll(async () => {
    const coffee = JSON.parse(await readFile(join(REPO_ROOT, 'scenarios/04-coffee-brand.json'), 'utf8')) as ScenarioInput;
    // the app runs the default scenario with its own seed and replications: the same numbers as here
    engine = engineResult(coffee);
    rows = breakdownRows(engine, 'stock-point');
    app = await openApp(browser, inject('stocklabUrl'));
    pages.push(app);
    page = app.page;
    await waitForDashboard(page);
    await page.waitForSelector(ROWS);
  });

  test('a heading, a sentence, readable column headers (the KPI id in the tooltip), one row per stock point × variant with the engine’s numbers', async () => {
    expect(await page.textContent(`${TABLE} h2`)).toBe('Results per stock point');
    expect(await page.textContent(`${TABLE} .chart-help`)).toMatch(/^Every stock point .* in every policy variant/);
    const headers = await page.locator(`${TABLE} thead th .sp-label`).allTextContents();
    expect(headers).toEqual([
      'Location',
      'Product',
      'Variant',
      'Policy',
      'ABC',
      'XYZ',
      'Fill rate (%)',
      'Cycle service level (%)',
      'Average stock on hand (units)',
      'Holding cost (EUR)',
      'Lost sales (units)',
      'Customers lost (customers)',
      'Orders placed (orders)',
      'Days of supply (days)',
    ]);
    expect(await page.getAttribute(`${TABLE} th[data-column="fillRate"] button`, 'title')).toContain('(fillRate)');
    expect(await page.getAttribute(`${TABLE} th[data-column="daysOfSupply"] button`, 'title')).toContain('(daysOfSupply)');
    // 3 variants × 6 stock points, all in view at once
    expect(rows).toHaveLength(18);
    expect(await page.textContent('#stock-points-count')).toBe('18 rows');
    const shown = await shownRows(page);
    expect(shown.map((cells) => domKey(cells))).toEqual(rows.map((row) => keyOf(engine, row)));
    shown.forEach((cells, i) => {
      const { fillRate, avgOnHand, holdingCost } = rows[i].kpis;
      expect(showsAs(fillRate.mean! * 100, cells.fillRate.replace('%', '')), `fill rate of ${keyOf(engine, rows[i])}`).toBe(true);
      expect(showsAs(avgOnHand.mean!, cells.avgOnHand), `stock on hand of ${keyOf(engine, rows[i])}`).toBe(true);
      expect(showsAs(holdingCost.mean!, cells.holdingCost), `holding cost of ${keyOf(engine, rows[i])}`).toBe(true);
    });
    // a half-width beside each mean, as in the KPI table
    expect(await page.locator(`${ROWS} td[data-column="fillRate"] .hw`).first().textContent()).toMatch(/^ ± [\d.]+ pts$/);
    // the shop sells, the warehouse only restocks it: shop beans and ground make the first 80% of
    // revenue (A), capsules the rest (B); the warehouse has no class
    const classes = Object.fromEntries(shown.slice(0, 6).map((cells) => [`${cells.node} / ${cells.product}`, `${cells.abc}${cells.xyz}`]));
    expect(classes).toEqual({
      'Regional warehouse / Whole beans 250 g': '––',
      'Regional warehouse / Ground coffee 250 g': '––',
      'Regional warehouse / Capsules, box of 10': '––',
      'Brand shop / Whole beans 250 g': 'AX',
      'Brand shop / Ground coffee 250 g': 'AX',
      'Brand shop / Capsules, box of 10': 'BX',
    });
    expect(app.errors).toEqual([]);
  });

  test('a click on Fill rate sorts the worst first; a second click the best first', async () => {
    const fillRates = (keys: string[]) => keys.map((key) => rows.find((row) => keyOf(engine, row) === key)!.kpis.fillRate.mean!);
    await page.click(`${TABLE} th[data-column="fillRate"] button`);
    expect(await page.getAttribute(`${TABLE} th[data-column="fillRate"]`, 'aria-sort')).toBe('ascending');
    const worstFirst = fillRates((await shownRows(page)).map((cells) => domKey(cells)));
    expect(worstFirst).toHaveLength(18);
    expect(worstFirst).toEqual([...worstFirst].sort((a, b) => a - b));
    expect(worstFirst[0]).toBe(Math.min(...rows.map((row) => row.kpis.fillRate.mean!)));
    await page.click(`${TABLE} th[data-column="fillRate"] button`);
    expect(await page.getAttribute(`${TABLE} th[data-column="fillRate"]`, 'aria-sort')).toBe('descending');
    const bestFirst = fillRates((await shownRows(page)).map((cells) => domKey(cells)));
    expect(bestFirst).toEqual([...worstFirst].reverse().sort((a, b) => b - a));
    expect(await page.getAttribute(`${TABLE} th[data-column="node"]`, 'aria-sort')).toBe('none');
  });

  test('filters by product, class and a fill-rate target; search matches a location or product', async () => {
    await page.selectOption('#stock-points-product', 'ground');
    let shown = await shownRows(page);
    expect(shown).toHaveLength(6);
    expect(new Set(shown.map((cells) => cells.product))).toEqual(new Set(['Ground coffee 250 g']));
    expect(await page.textContent('#stock-points-count')).toBe('6 of 18 rows');

    await page.fill('#stock-points-search', 'WAREHOUSE');
    shown = await shownRows(page);
    expect(shown.map((cells) => `${cells.variant} ${cells.node} ${cells.product}`).sort()).toEqual(
      engine.variants.map((variant) => `${variant.name} Regional warehouse Ground coffee 250 g`).sort(),
    );
    await page.selectOption('#stock-points-product', '');
    await page.fill('#stock-points-search', 'capsules');
    expect((await shownRows(page)).map((cells) => cells.product)).toEqual(Array(6).fill('Capsules, box of 10'));
    await page.fill('#stock-points-search', 'no such place');
    expect(await page.locator(ROWS).count()).toBe(0);
    expect(await page.isVisible(`${TABLE} .sp-empty`)).toBe(true);
    await page.fill('#stock-points-search', '');

    await page.selectOption('#stock-points-abc', 'A');
    expect(new Set((await shownRows(page)).map((cells) => `${cells.node} / ${cells.product}`))).toEqual(new Set(['Brand shop / Whole beans 250 g', 'Brand shop / Ground coffee 250 g']));
    await page.selectOption('#stock-points-abc', '');

    // below 95%: the rows whose mean fill rate is under it, as the engine has them
    await page.check('#stock-points-below');
    expect(await page.inputValue('#stock-points-target')).toBe('95');
    const below = rows.filter((row) => row.kpis.fillRate.mean! < 0.95).map((row) => keyOf(engine, row));
    expect(below.length).toBeGreaterThan(0);
    expect(below.length).toBeLessThan(rows.length);
    expect(new Set((await shownRows(page)).map((cells) => domKey(cells)))).toEqual(new Set(below));
    await page.fill('#stock-points-target', '99.5');
    const belowHigher = rows.filter((row) => row.kpis.fillRate.mean! < 0.995).map((row) => keyOf(engine, row));
    expect(new Set((await shownRows(page)).map((cells) => domKey(cells)))).toEqual(new Set(belowHigher));
    await page.fill('#stock-points-target', 'lots');
    expect(await page.textContent('#stock-points-target-error')).toMatch(/percentage/);
    await page.uncheck('#stock-points-below');
    expect(await page.locator(ROWS).count()).toBe(18);
    expect(app.errors).toEqual([]);
  });

  test('the rows shown download as CSV: the CLI’s lines for them, in the order shown, with the version', async () => {
    await page.selectOption('#stock-points-node', 'shop');
    // still sorted best fill rate first (the previous test)
    const shown = (await shownRows(page)).map((cells) => domKey(cells));
    expect(shown).toHaveLength(9);
    expect(await page.getAttribute('#stock-points-export-csv', 'title')).toMatch(/the 9 rows shown/);
    const file = await downloadText(page, '#stock-points-export-csv');
    expect(file.name).toMatch(/^stocklab-.+-seed-.+-stock-points-\d{4}-\d{2}-\d{2}\.csv$/);
    const [head, ...body] = parseCsv(file.text);
    const [cliHead, ...cliBody] = parseCsv(breakdownCsv(engine, 'stock-point'));
    expect(head).toEqual([...cliHead.slice(0, 3), 'complete', 'stocklabVersion', ...cliHead.slice(3)]);
    expect(body).toHaveLength(9);
    body.forEach((line, i) => {
      const index = rows.findIndex((row) => keyOf(engine, row) === shown[i]);
      expect(line).toEqual([...cliBody[index].slice(0, 3), 'true', STOCKLAB_VERSION, ...cliBody[index].slice(3)]);
    });
    expect(body[0].slice(0, 3)).toEqual([engine.scenario, String(engine.seed), '20']);
    await page.selectOption('#stock-points-node', '');
  });

  test('a click on a row shows that stock point in the inventory chart and scrolls to it', async () => {
    const row = page.locator(ROWS).filter({ hasText: 'Generous (s, S)' }).filter({ hasText: 'Capsules, box of 10' }).filter({ hasText: 'Brand shop' });
    await row.click();
    expect(await page.locator('#inventory-variant option:checked').textContent()).toBe('Generous (s, S)');
    expect(await page.inputValue('#inventory-point')).toBe('Brand shop / Capsules, box of 10');
    expect(await page.getAttribute('#inventory-point', 'title')).toBe('Brand shop / Capsules, box of 10 (shop / capsules)');
    await page.waitForFunction(() => /shop · capsules · Generous \(s, S\)/.test(document.querySelector('#inventory svg')?.textContent ?? ''));
    const top = await page.evaluate(() => document.querySelector('#inventory')!.getBoundingClientRect().top);
    expect(Math.abs(top)).toBeLessThan(50);
    expect(await page.isHidden('#stock-points-note')).toBe(true);
    expect(await row.getAttribute('class')).toContain('selected');
    expect(app.errors).toEqual([]);
  });

  test('from the keyboard: the arrows move through the rows, Enter opens one', async () => {
    await page.focus('#stock-points-scroll');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const [, second] = await shownRows(page);
    const id = (names: Record<string, string>, name: string) => Object.keys(names).find((key) => names[key] === name);
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.index)).toBeDefined();
    await page.keyboard.press('Enter');
    expect(await page.locator('#inventory-variant option:checked').textContent()).toBe(second.variant);
    expect(await page.getAttribute('#inventory-point', 'title')).toBe(`${second.node} / ${second.product} (${id(nodeName, second.node)} / ${id(productName, second.product)})`);
    expect(app.errors).toEqual([]);
  });

  test('at 390 px the table scrolls sideways inside its box, not the page; at 1920 px it fits the page too', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForFunction(() => document.documentElement.scrollWidth <= window.innerWidth);
    const box = await page.evaluate(() => {
      const scroller = document.querySelector<HTMLElement>('#stock-points-scroll')!;
      return { right: scroller.getBoundingClientRect().right, scrollWidth: scroller.scrollWidth, clientWidth: scroller.clientWidth };
    });
    expect(box.right).toBeLessThanOrEqual(390);
    expect(box.scrollWidth).toBeGreaterThan(box.clientWidth);
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.waitForFunction(() => document.documentElement.scrollWidth <= window.innerWidth);
    expect(await page.evaluate(() => document.querySelector('#stock-points-scroll')!.getBoundingClientRect().right)).toBeLessThanOrEqual(1920);
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(app.errors).toEqual([]);
  });
});

/**
 * One supplier, `stores` stores of `products` products each (a stock point per pair), two policy
 * variants, a short horizon. Demand falls with the product's number, so ABC has all three classes,
 * and the leaner variant falls short on the busier products.
 */
function retailScenario(stores: number, products: number): ScenarioInput {
  const pad = (n: number) => String(n).padStart(3, '0');
  const storeIds = Array.from({ length: stores }, (_, i) => `store-${pad(i + 1)}`);
  const productIds = Array.from({ length: products }, (_, i) => `sku-${pad(i + 1)}`);
  return {
    version: 1,
    name: `${stores} stores × ${products} SKUs`,
    horizonDays: 30,
    warmupDays: 0,
    seed: 'per-sku',
    products: productIds.map((id, i) => ({ id, unitCost: 5 + (i % 5), price: 9 + (i % 5), holdingCost: { annualRate: 0.25 } })),
    nodes: [{ id: 'supplier', type: 'supplier' }, ...storeIds.map((id) => ({ id, type: 'store' as const }))],
    lanes: storeIds.map((to) => ({ from: 'supplier', to, leadTime: { type: 'constant' as const, value: 2 } })),
    stockPoints: [{ node: storeIds, product: productIds, policy: { type: 'sS', reorderPoint: 20, orderUpTo: 60 } }],
    demand: productIds.map((id, i) => ({ type: 'arrivals' as const, node: storeIds, product: id, customersPerDay: 10 / (1 + i / 10) })),
    variants: [
      { id: 'today', name: 'Today', policies: [] },
      { id: 'lean', name: 'Lean', policies: [{ node: storeIds, product: productIds, policy: { type: 'sS', reorderPoint: 8, orderUpTo: 30 } }] },
    ],
  };
}

describe('results per stock point with 2,000 stock points (4,000 rows)', () => {
  let app: AppPage;
  let page: Page;

  beforeAll(async () => {
    const input = retailScenario(20, 100);
    const hash = await encodeScenarioForUrl(JSON.stringify(input), { replications: 2 });
    app = await openApp(browser, inject('stocklabUrl'), { hash, settle: false });
    pages.push(app);
    page = app.page;
    await waitForIdle(page, 180_000);
    expect(await page.textContent('#status')).toMatch(/^Done: 2 replications/);
    await page.waitForSelector(ROWS, { timeout: 30_000 });
  }, 240_000);

  test('only the rows in view are in the DOM; scrolling to the end shows the last row', async () => {
    expect(await page.textContent('#stock-points-count')).toBe('4,000 rows');
    expect(await page.getAttribute(`${TABLE} table`, 'aria-rowcount')).toBe('4001');
    const inDom = await page.locator(ROWS).count();
    expect(inDom).toBeGreaterThan(5);
    expect(inDom).toBeLessThan(100);
    const duration = await page.evaluate(() => performance.getEntriesByName('stocklab:stock-point-table').at(-1)!.duration);
    await page.waitForFunction(() => performance.getEntriesByName('stocklab:stock-point-table:painted').length > 0);
    const painted = await page.evaluate(() => performance.getEntriesByName('stocklab:stock-point-table:painted').at(-1)!.duration);
    console.log(`[stock-point table] 4,000 rows: rows, classes and first draw ${duration.toFixed(1)} ms; until painted ${painted.toFixed(1)} ms`);

    // the box is as tall as all the rows: scroll to its end
    await page.evaluate(() => {
      const scroller = document.querySelector<HTMLElement>('#stock-points-scroll')!;
      scroller.scrollTop = scroller.scrollHeight;
    });
    await page.waitForFunction(
      (selector) => [...document.querySelectorAll(selector)].some((tr) => /store-020/.test((tr as HTMLElement).title + tr.textContent) && /Lean/.test(tr.textContent ?? '') && /sku-100/.test(tr.textContent ?? '')),
      ROWS,
    );
    const last = (await shownRows(page)).at(-1)!;
    expect([last.variant, last.node, last.product]).toEqual(['Lean', 'store-020', 'sku-100']);
    // the last row is in view, not only in the DOM
    const visible = await page.evaluate((selector) => {
      const rows = [...document.querySelectorAll<HTMLElement>(selector)];
      const box = document.querySelector('#stock-points-scroll')!.getBoundingClientRect();
      const row = rows.at(-1)!.getBoundingClientRect();
      return row.top >= box.top && row.bottom <= box.bottom + 1;
    }, ROWS);
    expect(visible).toBe(true);
    expect(await page.locator(ROWS).count()).toBeLessThan(100);
    expect(app.errors).toEqual([]);
  });

  test('sorting and filtering 4,000 rows keep the DOM small', async () => {
    const sortMs = await page.evaluate(() => {
      const start = performance.now();
      document.querySelector<HTMLButtonElement>('#stock-points th[data-column="fillRate"] button')!.click();
      return performance.now() - start;
    });
    console.log(`[stock-point table] sort 4,000 rows by fill rate and redraw: ${sortMs.toFixed(1)} ms`);
    const shown = await shownRows(page);
    expect(shown.length).toBeLessThan(100);
    const rates = shown.map((cells) => Number(cells.fillRate.replace('%', '')));
    expect(rates).toEqual([...rates].sort((a, b) => a - b));
    await page.selectOption('#stock-points-abc', 'C');
    const count = (await page.textContent('#stock-points-count')) ?? '';
    const [, shownCount] = /^([\d,]+) of 4,000 rows$/.exec(count) ?? [];
    expect(Number(shownCount?.replace(/,/g, ''))).toBeGreaterThan(0);
    expect(Number(shownCount?.replace(/,/g, ''))).toBeLessThan(4000);
    expect(new Set((await shownRows(page)).map((cells) => cells.abc))).toEqual(new Set(['C']));
    await page.selectOption('#stock-points-abc', '');
  });

  test('a click on a row whose daily series were not recorded says so in words', async () => {
    await page.locator(ROWS).first().click();
    const note = (await page.textContent('#stock-points-note')) ?? '';
    expect(await page.isVisible('#stock-points-note')).toBe(true);
    expect(note).toMatch(/^No inventory chart for store-\d{3} · sku-\d{3}: daily series are recorded per stock point only up to 50 stock points/);
    expect(app.errors).toEqual([]);
  });
});
