/**
 * The scenario editor in the web app (Chromium, 1280×800): a value made invalid in the forms shows
 * its problem at the field (aria-invalid, the message beside it, linked by aria-describedby), the
 * banner counts the problems and Run is off; fixing it clears all three, and the edited scenario runs.
 * A disruption added in the forms runs, and switching its occurrence changes the fields asked for.
 * Customer orders with a delivery, made in the forms, run; two entries at one stock point need segments,
 * the problem shown at their segment fields. The Beer Game's stock points show the anchoring-and-
 * adjustment rule with its estimates' values, and theta typed there is in the scenario's JSON.
 */
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { downloadText, launchBrowser, openApp, runWith, waitForIdle, type AppPage } from './harness.ts';

let browser: Browser;
let app: AppPage;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  app = await openApp(browser, inject('stocklabUrl'));
  page = app.page;
});

afterAll(async () => {
  await app?.close();
  await browser?.close();
});

/** The editor's form control for a scenario path, e.g. `horizonDays` or `products[0].unitCost`. */
const field = (key: string) => page.locator(`#editor .se-forms [data-key="${key}"]`).first();

/** The message shown for a control: the visible text of the elements its aria-describedby names. */
async function messageFor(key: string): Promise<string> {
  return field(key).evaluate((control) =>
    (control.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .map((id) => document.getElementById(id))
      .filter((element): element is HTMLElement => element !== null && !element.hidden && element.offsetParent !== null)
      .map((element) => element.textContent ?? '')
      .join(' ')
      .trim(),
  );
}

async function expectProblemAt(key: string, message: RegExp): Promise<void> {
  await page.waitForFunction((key) => document.querySelector(`#editor .se-forms [data-key="${key}"]`)?.getAttribute('aria-invalid') === 'true', key, { timeout: 5_000 });
  expect(await messageFor(key)).toMatch(message);
  // the message sits next to the field: just below it, within a few lines
  const [control, note] = await field(key).evaluate((control) => {
    const box = (element: Element | null) => {
      const r = element?.getBoundingClientRect();
      return r ? { top: r.top, bottom: r.bottom, left: r.left } : null;
    };
    const id = (control.getAttribute('aria-describedby') ?? '').split(/\s+/)[0];
    return [box(control), box(document.getElementById(id))];
  });
  expect(note, 'the message is on the page').not.toBeNull();
  expect(Math.abs(note!.top - control!.bottom)).toBeLessThan(60);
  await page.waitForFunction(() => document.querySelector<HTMLButtonElement>('#run')?.disabled === true, undefined, { timeout: 5_000 });
  expect(await page.isVisible('#banner')).toBe(true);
  expect(await page.textContent('#banner')).toMatch(/1 problem/);
}

async function expectFixed(key: string): Promise<void> {
  await page.waitForFunction((key) => document.querySelector(`#editor .se-forms [data-key="${key}"]`)?.getAttribute('aria-invalid') !== 'true', key, { timeout: 5_000 });
  expect(await messageFor(key)).toBe('');
  await page.waitForFunction(() => document.querySelector<HTMLButtonElement>('#run')?.disabled === false, undefined, { timeout: 5_000 });
  expect(await page.isHidden('#banner')).toBe(true);
}

test('the forms show the loaded scenario', async () => {
  expect(await field('horizonDays').inputValue()).toBe('365');
  expect(await field('products[0].unitCost').inputValue()).toBe('4.2');
  expect(await page.isEnabled('#run')).toBe(true);
  expect(app.errors).toEqual([]);
});

test('a negative horizon is shown at its field, with Run off until it is fixed', async () => {
  await field('horizonDays').fill('-5');
  await expectProblemAt('horizonDays', /positive|greater than 0|> ?0/i);
  await field('horizonDays').fill('365');
  await expectFixed('horizonDays');
  expect(app.errors).toEqual([]);
});

test("a product's negative unit cost is shown at its field; once fixed, the edited scenario runs", async () => {
  await field('products[0].unitCost').fill('-1');
  await expectProblemAt('products[0].unitCost', /0/);
  await field('products[0].unitCost').fill('4.5');
  await expectFixed('products[0].unitCost');
  expect(await runWith(page, { replications: 2 })).toMatch(/^Done: 2 replications/);
  expect(app.errors).toEqual([]);
});

test('a disruption added in the forms: a two-week outage of the roaster; made random, it asks for a rate and a duration; an end before the start is shown at its field', async () => {
  await page.locator('#editor .se-section[data-key="disruptions"] .se-add').click();
  await page.waitForFunction(() => document.querySelector('#editor .se-forms [data-key="disruptions[0].node"]') !== null, undefined, { timeout: 5_000 });
  expect(await field('disruptions[0].type').inputValue()).toBe('supplierOutage');
  expect(await field('disruptions[0].node').inputValue()).toBe('roaster');
  expect(await field('disruptions[0].occurrence.start').inputValue()).toBe('30');
  expect(await field('disruptions[0].occurrence.end').inputValue()).toBe('44');
  await page.waitForFunction(() => document.querySelector<HTMLButtonElement>('#run')?.disabled === false, undefined, { timeout: 5_000 });

  await field('disruptions[0].occurrence.end').fill('20');
  await expectProblemAt('disruptions[0].occurrence.end', /end > start/);
  await field('disruptions[0].occurrence.end').fill('44');
  await expectFixed('disruptions[0].occurrence.end');

  await field('disruptions[0].occurrence.type').selectOption('random');
  await page.waitForFunction(() => document.querySelector('#editor .se-forms [data-key="disruptions[0].occurrence.ratePerYear"]') !== null, undefined, { timeout: 5_000 });
  expect(await field('disruptions[0].occurrence.ratePerYear').inputValue()).toBe('1');
  expect(await field('disruptions[0].occurrence.duration.type').inputValue()).toBe('constant');
  expect(await page.locator('#editor .se-forms [data-key="disruptions[0].occurrence.start"]').count()).toBe(0);
  expect(await runWith(page, { replications: 2 })).toMatch(/^Done: 2 replications/);
  expect(app.errors).toEqual([]);
});

test("a demand shock added and removed from the demand's card; focus goes to what was added, then back to the add button", async () => {
  const card = page.locator('#editor .se-group[data-key="demand[0]"]');
  await card.getByRole('button', { name: 'Add a demand shock' }).click();
  await page.waitForFunction(() => document.querySelector('#editor .se-forms [data-key="demand[0].shocks[0].multiplier"]') !== null, undefined, { timeout: 5_000 });
  expect(await field('demand[0].shocks[0].multiplier').inputValue()).toBe('1.5');
  expect(await field('demand[0].shocks[0].occurrence.type').inputValue()).toBe('scheduled');
  // focus is on the new shock's first field; the buttons name the card they act on
  expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.key)).toBe('demand[0].shocks[0].name');
  expect(await card.locator('.se-action').first().getAttribute('aria-label')).toBe('Add a demand shock to beans at shop');
  await page.waitForFunction(() => document.querySelector<HTMLButtonElement>('#run')?.disabled === false, undefined, { timeout: 5_000 });
  await card.getByRole('button', { name: 'Remove shock 1' }).click();
  await page.waitForFunction(() => document.querySelector('#editor .se-forms [data-key="demand[0].shocks[0].multiplier"]') === null, undefined, { timeout: 5_000 });
  expect(await card.getByRole('button', { name: 'Remove shock 1' }).count()).toBe(0);
  // after a remove, focus is on the card's add button
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Add a demand shock');
  // the buttons' names follow the card's title as it is typed
  await field('demand[0].node').fill('warehouse');
  await page.waitForFunction(() => document.querySelector('#editor .se-group[data-key="demand[0]"] .se-action')?.getAttribute('aria-label') === 'Add a demand shock to beans at warehouse', undefined, { timeout: 5_000 });
  await field('demand[0].node').fill('shop');
  await page.waitForFunction(() => document.querySelector<HTMLButtonElement>('#run')?.disabled === false, undefined, { timeout: 5_000 });
  expect(app.errors).toEqual([]);
});

test('policy variants in the forms: an override typed wrongly is shown at its field; a variant added runs as a column of its own', async () => {
  const orderUpTo = 'variants[0].policies[0].policy.orderUpTo';
  expect(await field(orderUpTo).inputValue()).toBe('120');
  await field(orderUpTo).fill('5');
  await expectProblemAt(orderUpTo, /reorderPoint|orderUpTo|greater/i);
  await field(orderUpTo).fill('120');
  await expectFixed(orderUpTo);

  await page.locator('#editor .se-section[data-key="variants"] > .se-section-body > .se-add').click();
  await page.waitForFunction(() => document.querySelector('#editor .se-forms [data-key="variants[3].id"]') !== null, undefined, { timeout: 5_000 });
  await field('variants[3].name').fill('Baseline');
  await page.waitForFunction(() => document.querySelector<HTMLButtonElement>('#run')?.disabled === false, undefined, { timeout: 5_000 });
  expect(await runWith(page, { replications: 2 })).toMatch(/^Done: 2 replications/);
  const columns = await page.locator('#kpi-table thead th.variant-column').allTextContents();
  expect(columns.map((c) => c.trim())).toContain('Baseline');
  expect(columns).toHaveLength(4);
  expect(app.errors).toEqual([]);
});

test('customer orders in the forms: orders chosen, their size and orders per day filled, a delivery added; it runs with no problem', async () => {
  await field('demand[0].type').selectOption('orders');
  await page.waitForFunction(() => document.querySelector('#editor .se-forms [data-key="demand[0].orderCount"]') !== null, undefined, { timeout: 5_000 });
  // 24 customers a day became 24 orders a day, each of a customer's quantity
  expect(await field('demand[0].orderCount').inputValue()).toBe('ordersPerDay');
  expect(await field('demand[0].ordersPerDay.type').inputValue()).toBe('poisson');
  expect(await field('demand[0].ordersPerDay.mean').inputValue()).toBe('24');
  expect(await field('demand[0].size.type').inputValue()).toBe('empirical');
  await field('demand[0].ordersPerDay.mean').fill('20');
  await field('demand[0].size.type').selectOption('discreteUniform');
  await page.waitForFunction(() => document.querySelector('#editor .se-forms [data-key="demand[0].size.max"]') !== null, undefined, { timeout: 5_000 });
  await field('demand[0].size.min').fill('1');
  await field('demand[0].size.max').fill('3');

  await field('demand[0].delivery').check();
  await page.waitForFunction(() => document.querySelector('#editor .se-forms [data-key="demand[0].delivery.leadTime.type"]') !== null, undefined, { timeout: 5_000 });
  expect(await field('demand[0].delivery.leadTime.value').inputValue()).toBe('2');
  expect(await field('demand[0].delivery.dueDays').getAttribute('placeholder')).toBe('default 2');
  // the default is said under the field, and read with it
  expect(await messageFor('demand[0].delivery.dueDays')).toBe("An order delivered after its due date is late. Empty: the delivery lead time's mean.");
  await field('demand[0].delivery.costPerOrder').fill('3');
  await field('demand[0].delivery.dueDays').fill('2');

  await page.waitForFunction(() => document.querySelector<HTMLButtonElement>('#run')?.disabled === false, undefined, { timeout: 5_000 });
  expect(await page.isHidden('#banner')).toBe(true);
  expect(await page.locator('#editor .se-forms [aria-invalid="true"]').count()).toBe(0);
  expect(await runWith(page, { replications: 2 })).toMatch(/^Done: 2 replications/);
  expect(app.errors).toEqual([]);
});

test('two demand entries at one stock point without segments: the problem shows at each segment field; naming the segments fixes it', async () => {
  await page.locator('#editor .se-section[data-key="demand"] > .se-section-body > .se-add').click();
  await page.waitForFunction(() => document.querySelector('#editor .se-forms [data-key="demand[3].node"]') !== null, undefined, { timeout: 5_000 });
  await page.waitForFunction(() => document.querySelector<HTMLButtonElement>('#run')?.disabled === false, undefined, { timeout: 5_000 });
  await field('demand[3].product').fill('beans');
  await field('demand[3].node').fill('shop');
  for (const key of ['demand[0].segment', 'demand[3].segment']) {
    await page.waitForFunction((key) => document.querySelector(`#editor .se-forms [data-key="${key}"]`)?.getAttribute('aria-invalid') === 'true', key, { timeout: 5_000 });
    expect(await messageFor(key)).toMatch(/demand for shop\/beans has several entries \(demand\[0\], demand\[3\]\): give each a "segment" id/);
  }
  await page.waitForFunction(() => document.querySelector<HTMLButtonElement>('#run')?.disabled === true, undefined, { timeout: 5_000 });
  expect(await page.textContent('#banner')).toMatch(/2 problems/);

  await field('demand[0].segment').fill('wholesale');
  await field('demand[3].segment').fill('wholesale');
  await page.waitForFunction(() => document.querySelector('#editor .se-forms [data-key="demand[0].segment"]')?.getAttribute('aria-invalid') !== 'true', undefined, { timeout: 5_000 });
  await page.waitForFunction(() => document.querySelector('#editor .se-forms [data-key="demand[3].segment"]')?.getAttribute('aria-invalid') === 'true', undefined, { timeout: 5_000 });
  expect(await messageFor('demand[3].segment')).toMatch(/duplicate segment "wholesale"/);
  await field('demand[3].segment').fill('walk-ins');
  await page.waitForFunction(() => document.querySelector('#editor .se-forms [data-key="demand[3].segment"]')?.getAttribute('aria-invalid') !== 'true', undefined, { timeout: 5_000 });
  // what is left under the field is what it is for
  expect(await messageFor('demand[3].segment')).toBe('Needed, and different, where several demand entries share a stock point (walk-ins, a wholesaler).');
  await page.waitForFunction(() => document.querySelector<HTMLButtonElement>('#run')?.disabled === false, undefined, { timeout: 5_000 });
  expect(await page.isHidden('#banner')).toBe(true);
  // the cards are told apart by their segments
  expect(await page.locator('#editor .se-group[data-key="demand[3]"] > legend').textContent()).toBe('beans at shop, segment walk-ins');
  expect(await runWith(page, { replications: 2 })).toMatch(/^Done: 2 replications/);
  expect(app.errors).toEqual([]);
});

test("the Beer Game from the gallery: the anchoring-and-adjustment form shows Sterman's estimates; theta typed is in the JSON and runs", async () => {
  await page.click('#gallery button[data-path="scenarios/classroom/beer-game.json"]');
  await waitForIdle(page);
  await page.waitForFunction(() => document.querySelector('#editor .se-forms [data-key="stockPoints[0].policy.estimates"]') !== null, undefined, { timeout: 5_000 });
  // the first stock point's form (retailer, wholesaler, distributor): its policy, with the estimates chosen
  expect(await field('stockPoints[0].policy.type').inputValue()).toBe('anchorAndAdjust');
  expect(await field('stockPoints[0].policy.reviewPeriod').inputValue()).toBe('7');
  expect(await field('stockPoints[0].policy.estimates').inputValue()).toBe('sterman1989');
  expect(await field('stockPoints[0].policy.initialExpectedOrders').inputValue()).toBe('4');
  const parameters = { smoothing: '0.36', stockAdjustment: '0.26', supplyLineWeight: '0.34', desiredStock: '17' };
  for (const [key, value] of Object.entries(parameters)) {
    expect(await field(`stockPoints[0].policy.${key}`).inputValue(), key).toBe('');
    expect(await field(`stockPoints[0].policy.${key}`).getAttribute('placeholder'), key).toBe(`${value} (from the estimates)`);
  }
  expect(await messageFor('stockPoints[0].policy.estimates')).toBe('Parameters left empty take these estimates\u2019 values (shown in grey); a value typed wins over them.');
  // and the game's other settings of that stock point
  expect(await field('stockPoints[0].orderRounding').inputValue()).toBe('nearest');
  expect(await field('stockPoints[0].reviewTiming').inputValue()).toBe('afterDemand');
  expect(await field('stockPoints[0].initialPipeline.shipments').inputValue()).toBe('0, 7');
  expect(await field('stockPoints[0].scriptedOrders[0].untilDay').inputValue()).toBe('28');
  expect(await field('bullwhipPeriodDays').inputValue()).toBe('7');
  expect(await field('lanes[1].orderDelayDays').inputValue()).toBe('14');

  // theta typed in the form is in the JSON (the other three still from the estimates)
  await field('stockPoints[0].policy.smoothing').fill('0.5');
  await page.waitForFunction(() => document.querySelector<HTMLButtonElement>('#run')?.disabled === false, undefined, { timeout: 5_000 });
  const saved = JSON.parse((await downloadText(page, '#save-file')).text);
  expect(saved.stockPoints[0].policy).toEqual({ type: 'anchorAndAdjust', reviewPeriod: 7, estimates: 'sterman1989', initialExpectedOrders: 4, smoothing: 0.5 });
  // and in the JSON view: found with Ctrl-F (the view draws only the lines in sight, so it scrolls to it)
  await page.click('#editor [role="tab"]:has-text("JSON")');
  const content = page.locator('#editor .cm-content');
  await content.waitFor();
  expect(await content.textContent()).not.toContain('"smoothing"');
  await content.click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Control+f');
  const search = page.locator('#editor .cm-search input[name="search"]');
  await search.waitFor();
  await search.fill('"smoothing": 0.5');
  await search.press('End');
  await search.press('Enter');
  await search.press('Escape');
  await page.waitForFunction(() => document.querySelector('#editor .se-code')?.shadowRoot?.querySelector('.cm-content')?.textContent?.includes('"smoothing": 0.5') === true, undefined, { timeout: 5_000 });
  await page.click('#editor [role="tab"]:has-text("Forms")');
  await page.locator('#editor .se-forms [data-key="stockPoints[0].policy.smoothing"]').first().waitFor();
  expect(await field('stockPoints[0].policy.smoothing').inputValue()).toBe('0.5');
  expect(await runWith(page)).toMatch(/^Done: 1 replication/);
  expect(app.errors).toEqual([]);
});
