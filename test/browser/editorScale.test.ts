/**
 * The editor at scale, in Chromium: a scenario of 2,000 stock points (20 stores × 100 products, one
 * supplier; bigScenario.ts) opened from a file shows its stock points, products and nodes as tables
 * that draw only the rows in view; a value edited in a cell, then a policy set in bulk on the rows a
 * filter picks, change the saved scenario exactly as intended (nothing else), and the bulk edit is
 * one undo step. A problem in a row far out of view is reached from the banner.
 *
 * The open and edit times are measured inside the page (performance.now() and the long tasks
 * Chromium reports) and printed, not asserted: timed tests are not allowed here (`npm run bench`
 * measures speed). The results compare the data, not the timings.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { downloadText, launchBrowser, openApp, type AppPage } from './harness.ts';
import { bigRetailScenario } from './bigScenario.ts';

let browser: Browser;
let app: AppPage;
let page: Page;
let dir: string;
const text = bigRetailScenario(20, 100);
const original = JSON.parse(text) as { horizonDays: number; stockPoints: Array<{ node: string; product: string; policy: Record<string, unknown>; initialOnHand: number }> };
const times: Record<string, string> = {};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'stocklab-scale-'));
  await writeFile(join(dir, 'retail-2000.json'), text);
  browser = await launchBrowser();
  app = await openApp(browser, inject('stocklabUrl'));
  page = app.page;
  // the page notes the long tasks (50 ms and more) and when a file is chosen, from now on
  await page.evaluate(() => {
    const w = window as unknown as { __long: number[]; __events: number[]; __opened: number };
    w.__long = [];
    w.__events = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__long.push(entry.duration);
    }).observe({ type: 'longtask' });
    // each key press or click from the input to the next paint (Event Timing, as INP counts it)
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__events.push(entry.duration);
    }).observe({ type: 'event', durationThreshold: 16 } as PerformanceObserverInit);
    document.addEventListener('change', (event) => {
      if ((event.target as HTMLInputElement).type === 'file') w.__opened = performance.now();
    }, true);
  });
});

afterAll(async () => {
  // eslint-disable-next-line no-console
  console.log(`Editor with 2,000 stock points (Chromium, this machine):\n${Object.entries(times).map(([k, v]) => `  ${k}: ${v}`).join('\n')}`);
  await app?.close();
  await browser?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const table = (kind: string) => page.locator(`#editor .se-table[data-table="${kind}"]`);
const cell = (key: string) => page.locator(`#editor .se-forms [data-key="${key}"]`).first();

/** Waits until the last check is done (no check pending), and returns the long tasks since the last call. */
async function settled(): Promise<number[]> {
  await page.waitForFunction(() => document.querySelector<HTMLElement>('#editor .se-banner')?.dataset.state !== 'checking', undefined, { timeout: 20_000 });
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))));
  return page.evaluate(() => (window as unknown as { __long: number[] }).__long.splice(0).map(Math.round));
}

/**
 * Runs `act` in the page (the long tasks before it set aside) and returns how long its own task took
 * (the input or click handler) and the ms until the frame after it was drawn.
 */
async function timeToFrame(act: () => void): Promise<{ handler: number; frame: number }> {
  return page.evaluate(`(async () => {
    window.__long.splice(0);
    const t0 = performance.now();
    (${act.toString()})();
    const handler = performance.now() - t0;
    await new Promise((done) => requestAnimationFrame(() => done()));
    return { handler: Math.round(handler), frame: Math.round(performance.now() - t0) };
  })()`);
}

const report = (name: string, { handler, frame }: { handler: number; frame: number }, long: number[]) => {
  times[name] = `${handler} ms in the handler, ${frame} ms to the next frame; then until checked, longest task ${long.length > 0 ? Math.max(...long) : '< 50'} ms (long tasks: ${long.join(', ') || 'none'})`;
};

/** The scenario as Save writes it. */
async function saved(): Promise<typeof original> {
  return JSON.parse((await downloadText(page, '#save-file')).text);
}

test('a 2,000-stock-point file opens as tables that draw only the rows in view', async () => {
  await settled();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('#open-file')]);
  await chooser.setFiles(join(dir, 'retail-2000.json'));
  await page.waitForFunction(() => document.querySelector<HTMLElement>('#editor .se-table[data-table="stockPoints"]')?.dataset.rows === '2000', undefined, { timeout: 120_000 });
  // Open… runs the file as a gallery pick does; this test is about the editor, so the run is stopped
  if (await page.isEnabled('#cancel')) await page.click('#cancel');
  const open = await page.evaluate(async () => {
    await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
    return Math.round(performance.now() - (window as unknown as { __opened: number }).__opened);
  });
  const long = await settled();
  times.open = `${open} ms from choosing the file to the tables drawn; longest task ${long.length > 0 ? Math.max(...long) : '< 50'} ms (long tasks: ${long.join(', ') || 'none'})`;

  expect(await page.locator('#editor .se-section[data-key="stockPoints"] .se-count').textContent()).toBe('2000');
  expect(await table('stockPoints').getAttribute('data-shown')).toBe('2000');
  const drawn = await table('stockPoints').locator('tr.se-row').count();
  expect(drawn).toBeGreaterThan(5);
  expect(drawn).toBeLessThan(60);
  expect(await table('products').getAttribute('data-rows')).toBe('100');
  expect(await table('nodes').getAttribute('data-rows')).toBe('21');
  // the columns: node, product, the policies' parameters, the initial stock
  const headers = await table('stockPoints').locator('thead th').allTextContents();
  expect(headers).toEqual(['Select or edit', 'Node', 'Product', 'Policy', 'Reorder point', 'Order-up-to level', 'Review every (days)', 'First review (day)', 'Initial on hand']);
  expect(await cell('stockPoints[0].policy.type').inputValue()).toBe('sS');
  expect(await cell('stockPoints[4].policy.reviewPeriod').inputValue()).toBe('7');
  expect(await cell('stockPoints[0].policy.reviewPeriod').isDisabled()).toBe(true);
  expect(await page.isEnabled('#run')).toBe(true);

  // scrolled to the end, the last rows are drawn and the first are gone
  await table('stockPoints').locator('.se-table-scroll').evaluate((scroller) => scroller.scrollTo({ top: scroller.scrollHeight }));
  await page.waitForFunction(() => document.querySelector('#editor [data-key="stockPoints[1999].initialOnHand"]') !== null);
  expect(await page.locator('#editor [data-key="stockPoints[0].initialOnHand"]').count()).toBe(0);
  expect(await table('stockPoints').locator('tr.se-row').count()).toBeLessThan(60);
  await table('stockPoints').locator('.se-table-scroll').evaluate((scroller) => scroller.scrollTo({ top: 0 }));
  await page.waitForFunction(() => document.querySelector('#editor [data-key="stockPoints[5].initialOnHand"]') !== null);
  expect(app.errors).toEqual([]);
});

test('a value typed in a cell and a policy set in bulk on a filtered selection change exactly those values; the bulk edit is one undo step', async () => {
  // one cell: store-01's sku-006 starts with 150 units
  const frame = await timeToFrame(() => {
    const input = document.querySelector<HTMLInputElement>('#editor [data-key="stockPoints[5].initialOnHand"]')!;
    input.focus();
    input.value = '150';
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  report('edit one cell', frame, await settled());

  // the (s, S) stock points of store-03: 80 rows (every fifth product is on periodic review)
  await table('stockPoints').locator('.se-table-filter').fill('store-03');
  await table('stockPoints').locator('.se-table-policy-filter').selectOption('sS');
  await expect.poll(() => table('stockPoints').getAttribute('data-shown')).toBe('80');
  await table('stockPoints').locator('.se-select-shown').check();
  expect(await table('stockPoints').locator('.se-selected-count').textContent()).toBe('80 rows selected');
  await table('stockPoints').locator('.se-bulk-type').selectOption('rQ');
  await table('stockPoints').locator('.se-bulk-param[data-param="reorderPoint"]').fill('40');
  await table('stockPoints').locator('.se-bulk-param[data-param="orderQuantity"]').fill('120');
  const bulk = await timeToFrame(() => document.querySelector<HTMLButtonElement>('#editor .se-table[data-table="stockPoints"] .se-bulk-apply-policy')!.click());
  report('bulk-set a policy on 80 filtered rows', bulk, await settled());
  expect(await table('stockPoints').locator('.se-bulk-status').textContent()).toMatch(/^Changed 80 rows\./);
  await page.waitForFunction(() => document.querySelector<HTMLButtonElement>('#run')?.disabled === false, undefined, { timeout: 10_000 });

  const expected = structuredClone(original);
  expected.stockPoints[5].initialOnHand = 150;
  const changed: number[] = [];
  expected.stockPoints.forEach((point, i) => {
    if (point.node === 'store-03' && point.policy.type === 'sS') {
      point.policy = { type: 'rQ', reorderPoint: 40, orderQuantity: 120 };
      changed.push(i);
    }
  });
  expect(changed).toHaveLength(80);
  expect(await saved()).toEqual(expected);
  // the rows in view show it: the policy column and the new parameter's column
  expect(await cell(`stockPoints[${changed[0]}].policy.type`).inputValue()).toBe('rQ');
  expect(await cell(`stockPoints[${changed[0]}].policy.orderQuantity`).inputValue()).toBe('120');

  // one Ctrl+Z takes the whole bulk edit back; the cell's edit stays
  const undo = await timeToFrame(() => document.querySelector<HTMLButtonElement>('#editor .se-undo')!.click());
  report('undo the bulk edit', undo, await settled());
  await page.waitForFunction(() => document.querySelector<HTMLButtonElement>('#run')?.disabled === false, undefined, { timeout: 10_000 });
  const undone = structuredClone(original);
  undone.stockPoints[5].initialOnHand = 150;
  expect(await saved()).toEqual(undone);
  await page.locator('#editor .se-redo').click();
  await settled();
  expect(await saved()).toEqual(expected);
  expect(app.errors).toEqual([]);
});

test('a problem in a row far out of view is marked at its cell, reached from the banner, and undone', async () => {
  // one row picked by the filter: store-20's sku-099 (s, S) gets an order-up-to below its reorder point
  await table('stockPoints').locator('.se-clear-selection').click();
  await table('stockPoints').locator('.se-table-filter').fill('store-20 sku-099');
  await table('stockPoints').locator('.se-table-policy-filter').selectOption('');
  await expect.poll(() => table('stockPoints').getAttribute('data-shown')).toBe('1');
  await table('stockPoints').locator('.se-select-shown').check();
  await table('stockPoints').locator('.se-bulk-field').selectOption('orderUpTo');
  await table('stockPoints').locator('.se-bulk-number').fill('10');
  const frame = await timeToFrame(() => document.querySelector<HTMLButtonElement>('#editor .se-table[data-table="stockPoints"] .se-bulk-apply-value')!.click());
  report('bulk-set one value (an invalid one) on 1 row', frame, await settled());
  await page.waitForFunction(() => document.querySelector<HTMLButtonElement>('#run')?.disabled === true, undefined, { timeout: 10_000 });
  const key = 'stockPoints[1998].policy.orderUpTo';
  expect(await cell(key).inputValue()).toBe('10');
  expect(await cell(key).getAttribute('aria-invalid')).toBe('true');

  // with the filter cleared the row is far out of view; the banner's link scrolls to it and focuses the cell
  await table('stockPoints').locator('.se-table-filter').fill('');
  await expect.poll(() => table('stockPoints').getAttribute('data-shown')).toBe('2000');
  expect(await page.locator(`#editor [data-key="${key}"]`).count()).toBe(0);
  await page.locator('#editor .se-banner .se-link', { hasText: key }).click();
  await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.key)).toBe(key);
  expect(await cell(key).getAttribute('aria-invalid')).toBe('true');
  const message = await cell(key).evaluate((control) => document.getElementById(control.getAttribute('aria-describedby') ?? '')?.textContent ?? '');
  expect(message).toMatch(/reorderPoint|orderUpTo|greater/i);

  await page.locator('#editor .se-undo').click();
  await page.waitForFunction(() => document.querySelector<HTMLButtonElement>('#run')?.disabled === false, undefined, { timeout: 10_000 });
  expect((await saved()).stockPoints[1998].policy).toEqual({ type: 'sS', reorderPoint: 60, orderUpTo: 200 });
  expect(app.errors).toEqual([]);
});

test('the JSON view holds the 2,000-stock-point scenario: a value typed there is checked and marked at its line', async () => {
  const shown = await timeToFrame(() => document.querySelector<HTMLButtonElement>('#editor [role="tab"][aria-controls$="panel-json"]')!.click());
  report('switch to the JSON view', shown, await settled());
  await page.locator('#editor .cm-content').click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Control+f');
  const search = page.locator('#editor .cm-search input[name="search"]');
  await search.fill('"horizonDays": 365');
  await search.press('End');
  await search.press('Enter');
  await search.press('Escape');
  // typed as a person would, one key at a time: each key from its press to the next paint is timed
  await page.evaluate(() => (window as unknown as { __events: number[]; __long: number[] }).__events.splice(0));
  await page.evaluate(() => (window as unknown as { __long: number[] }).__long.splice(0));
  await page.keyboard.type('"horizonDays": -365');
  const keys = await page.evaluate(() => (window as unknown as { __events: number[] }).__events.splice(0));
  const long = await settled();
  times['type a value in the JSON view, key by key'] = `longest key to next paint ${keys.length > 0 ? Math.round(Math.max(...keys)) : '< 16'} ms (Event Timing); then until checked, longest task ${long.length > 0 ? Math.max(...long) : '< 50'} ms (long tasks: ${long.join(', ') || 'none'})`;
  await page.waitForFunction(() => document.querySelector<HTMLButtonElement>('#run')?.disabled === true, undefined, { timeout: 10_000 });
  const listed = await page.locator('#editor .se-json-issues .se-issue-link').allTextContents();
  expect(listed).toHaveLength(1);
  const line = text.slice(0, text.indexOf('"horizonDays"')).split('\n').length;
  expect(listed[0]).toMatch(new RegExp(`^Horizon \\(days\\) \\(horizonDays\\): .*\\(line ${line}, column 18\\)$`));
  expect(await page.locator('#editor .cm-lintRange-error').allTextContents()).toEqual(['-365']);
  expect((await saved()).horizonDays).toBe(-365);
  await page.locator('#editor .se-undo').click();
  await page.waitForFunction(() => document.querySelector<HTMLButtonElement>('#run')?.disabled === false, undefined, { timeout: 10_000 });
  expect(app.errors).toEqual([]);
});
