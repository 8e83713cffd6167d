/**
 * The editor's tables on the coffee-brand scenario, in Chromium: a row's ✎ opens its item's form
 * under the table with only the fields the table does not show; a policy type chosen in a cell adds
 * its parameters' column and rewrites that policy as the form would; rows ticked one by one take a
 * value in bulk; products a filter keeps, and nodes ticked, take one value (a number, or one of a
 * field's choices) in bulk, as one undo step;
 * a stock point added is the chosen row, focused, and one undo takes it away.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { downloadText, launchBrowser, openApp, REPO_ROOT, type AppPage } from './harness.ts';

let browser: Browser;
let app: AppPage;
let page: Page;
const coffee = JSON.parse(readFileSync(join(REPO_ROOT, 'scenarios', '04-coffee-brand.json'), 'utf8'));

beforeAll(async () => {
  browser = await launchBrowser();
  app = await openApp(browser, inject('stocklabUrl'));
  page = app.page;
});

afterAll(async () => {
  await app?.close();
  await browser?.close();
});

const table = (on: Page) => on.locator('#editor .se-table[data-table="stockPoints"]');
const control = (key: string) => page.locator(`#editor .se-forms [data-key="${key}"]`);
const saved = async () => JSON.parse((await downloadText(page, '#save-file')).text);
const runOn = () => page.waitForFunction(() => document.querySelector<HTMLButtonElement>('#run')?.disabled === false, undefined, { timeout: 5_000 });

test("a row's ✎ opens its form under the table, with the fields the table does not show", async () => {
  expect(await table(page).getAttribute('data-rows')).toBe(String(coffee.stockPoints.length));
  // the first row's form shows at first; the table's columns are not repeated in it
  expect(await page.locator('#editor .se-section[data-key="stockPoints"] .se-table-item-heading').textContent()).toBe('Also of beans at warehouse');
  await table(page).locator('tr[data-row="4"] .se-row-edit').click();
  expect(await page.locator('#editor .se-section[data-key="stockPoints"] .se-table-item-heading').textContent()).toBe('Also of ground at shop');
  expect(await control('stockPoints[4].issuing').count()).toBe(1);
  expect(await control('stockPoints[4].initialOnHand').count()).toBe(1);
  expect(await control('stockPoints[4].policy.orderUpTo').count()).toBe(1);
  expect(await control('stockPoints[4].initialOnHand').evaluate((input) => input.closest('.se-table') !== null)).toBe(true);
  // focus went to the form's first field
  expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.key)).toBe('stockPoints[4].issuing');
  expect(app.errors).toEqual([]);
});

test('a policy type chosen in a cell rewrites that policy as the form does, and its parameter gets a column', async () => {
  expect(await table(page).locator('thead th').allTextContents()).toEqual(['Select or edit', 'Node', 'Product', 'Policy', 'Reorder point', 'Order-up-to level', 'Order quantity', 'Initial on hand']);
  await control('stockPoints[3].policy.type').selectOption('baseStock');
  await page.waitForFunction(() => document.querySelector('#editor [data-key="stockPoints[3].policy.level"]') !== null, undefined, { timeout: 5_000 });
  expect(await table(page).locator('thead th').allTextContents()).toContain('Base-stock level');
  await runOn();
  const after = await saved();
  // (s, S) = (70, 200) becomes a base stock at the order-up-to level, as the form's type switch does
  expect(after.stockPoints[3].policy).toEqual({ type: 'baseStock', level: 200 });
  expect(await control('stockPoints[3].policy.level').inputValue()).toBe('200');
  expect(await control('stockPoints[3].policy.reorderPoint').isDisabled()).toBe(true);
  expect(after.stockPoints.filter((_: unknown, i: number) => i !== 3)).toEqual(coffee.stockPoints.filter((_: unknown, i: number) => i !== 3));
  await page.locator('#editor .se-undo').click();
  await runOn();
  expect((await saved()).stockPoints).toEqual(coffee.stockPoints);
  expect(app.errors).toEqual([]);
});

test('rows ticked one by one take one value in bulk; a parameter their policy lacks is left alone and counted', async () => {
  await table(page).locator('tr[data-row="0"] .se-row-select').check();
  await table(page).locator('tr[data-row="5"] .se-row-select').check();
  expect(await table(page).locator('.se-selected-count').textContent()).toBe('2 rows selected');
  await table(page).locator('.se-bulk-field').selectOption('orderUpTo');
  await table(page).locator('.se-bulk-number').fill('155');
  await table(page).locator('.se-bulk-apply-value').click();
  expect(await table(page).locator('.se-bulk-status').textContent()).toMatch(/^Changed 1 row; 1 row left as they were/);
  await runOn();
  await table(page).locator('.se-bulk-field').selectOption('initialOnHand');
  await table(page).locator('.se-bulk-number').fill('77');
  await table(page).locator('.se-bulk-apply-value').click();
  await runOn();
  const expected = structuredClone(coffee);
  expected.stockPoints[5].policy.orderUpTo = 155;
  expected.stockPoints[0].initialOnHand = 77;
  expected.stockPoints[5].initialOnHand = 77;
  expect((await saved()).stockPoints).toEqual(expected.stockPoints);
  await page.locator('#editor .se-undo').click();
  await page.locator('#editor .se-undo').click();
  await runOn();
  expect((await saved()).stockPoints).toEqual(coffee.stockPoints);
  await table(page).locator('.se-clear-selection').click();
  expect(app.errors).toEqual([]);
});

test('a unit cost set on the products a filter keeps changes exactly those values in the saved file; one undo restores it', async () => {
  const products = page.locator('#editor .se-table[data-table="products"]');
  await runOn();
  const before = (await downloadText(page, '#save-file')).text;
  // "250" is in the names of the two 250 g bags (beans, ground), not in the capsules'
  await products.locator('.se-table-filter').fill('250');
  await expect.poll(() => products.getAttribute('data-shown')).toBe('2');
  await products.locator('.se-select-shown').check();
  expect(await products.locator('.se-selected-count').textContent()).toBe('2 rows selected');
  await products.locator('.se-bulk-field').selectOption('unitCost');
  await products.locator('.se-bulk-number').fill('5,25');
  await products.locator('.se-bulk-apply-value').click();
  expect(await products.locator('.se-bulk-status').textContent()).toBe('Changed 2 rows. Undo with Ctrl+Z.');
  await runOn();
  // the text Save writes: those two numbers replaced, every other character as it was
  const after = (await downloadText(page, '#save-file')).text;
  expect(after).toBe(before.replace('"unitCost": 4.2,', '"unitCost": 5.25,').replace('"unitCost": 3.6,', '"unitCost": 5.25,'));
  const expected = structuredClone(coffee);
  expected.products[0].unitCost = 5.25;
  expected.products[1].unitCost = 5.25;
  expect(JSON.parse(after)).toEqual(expected);
  // the rows in view show it
  expect(await control('products[0].unitCost').inputValue()).toBe('5.25');
  expect(await control('products[1].unitCost').inputValue()).toBe('5.25');
  await page.locator('#editor .se-undo').click();
  await runOn();
  expect((await downloadText(page, '#save-file')).text).toBe(before);
  await products.locator('.se-clear-selection').click();
  await products.locator('.se-table-filter').fill('');
  expect(app.errors).toEqual([]);
});

test('unmet demand set in bulk is chosen from its choices, not typed', async () => {
  const products = page.locator('#editor .se-table[data-table="products"]');
  await products.locator('tr[data-row="2"] .se-row-select').check();
  await products.locator('.se-bulk-field').selectOption('unmetDemand');
  expect(await products.locator('.se-bulk-number').isHidden()).toBe(true);
  expect(await products.locator('.se-bulk-choice option').allTextContents()).toEqual(['lost sale', 'backordered']);
  await products.locator('.se-bulk-choice').selectOption('backorder');
  await products.locator('.se-bulk-apply-value').click();
  await runOn();
  const expected = structuredClone(coffee);
  expected.products[2].unmetDemand = 'backorder';
  expect(await saved()).toEqual(expected);
  expect(await control('products[2].unmetDemand').inputValue()).toBe('backorder');
  await page.locator('#editor .se-undo').click();
  await runOn();
  expect(await saved()).toEqual(coffee);
  await products.locator('.se-bulk-field').selectOption('unitCost');
  expect(await products.locator('.se-bulk-number').isVisible()).toBe(true);
  await products.locator('.se-clear-selection').click();
  expect(app.errors).toEqual([]);
});

test("nodes ticked one by one take a capacity; a store, which has none, is left alone and counted; one undo restores them", async () => {
  const nodes = page.locator('#editor .se-table[data-table="nodes"]');
  await expect.poll(() => nodes.getAttribute('data-shown')).toBe(String(coffee.nodes.length));
  // the roaster (a supplier, 400 a day) and the shop (a store)
  await nodes.locator('tr[data-row="0"] .se-row-select').check();
  await nodes.locator('tr[data-row="2"] .se-row-select').check();
  await nodes.locator('.se-bulk-field').selectOption('capacityPerDay');
  await nodes.locator('.se-bulk-number').fill('450');
  await nodes.locator('.se-bulk-apply-value').click();
  expect(await nodes.locator('.se-bulk-status').textContent()).toMatch(/^Changed 1 row; 1 row left as they were \(their type of node has no such field\)/);
  await runOn();
  const expected = structuredClone(coffee);
  expected.nodes[0].capacityPerDay = 450;
  expect(await saved()).toEqual(expected);
  await page.locator('#editor .se-undo').click();
  await runOn();
  expect(await saved()).toEqual(coffee);
  await nodes.locator('.se-clear-selection').click();
  expect(app.errors).toEqual([]);
});

test('a stock point added becomes the chosen row, its first cell focused; one undo takes it away', async () => {
  await page.locator('#editor .se-section[data-key="stockPoints"] > .se-section-body > .se-add').click();
  await page.waitForFunction((n) => document.querySelector<HTMLElement>('#editor .se-table[data-table="stockPoints"]')?.dataset.rows === String(n), coffee.stockPoints.length + 1, { timeout: 5_000 });
  const key = `stockPoints[${coffee.stockPoints.length}].node`;
  await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.key)).toBe(key);
  expect(await page.locator('#editor .se-section[data-key="stockPoints"] .se-count').textContent()).toBe(String(coffee.stockPoints.length + 1));
  expect(await control(`stockPoints[${coffee.stockPoints.length}].issuing`).count()).toBe(1);
  await page.locator('#editor .se-undo').click();
  await page.waitForFunction((n) => document.querySelector<HTMLElement>('#editor .se-table[data-table="stockPoints"]')?.dataset.rows === String(n), coffee.stockPoints.length, { timeout: 5_000 });
  await runOn();
  expect((await saved()).stockPoints).toEqual(coffee.stockPoints);
  expect(app.errors).toEqual([]);
});
