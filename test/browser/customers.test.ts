/**
 * The customers view in Chromium at 1280×800, on a small scenario built here: a high street shop
 * (stockouts, backorders) and an online zone served from the central warehouse (late deliveries,
 * abandoned carts), two policy variants, 3 replications of 120 days. The churn-by-cause chart has a
 * bar per cause per variant carrying the engine's value (the same run in Node) with its whisker; the
 * on-time delivery and abandoned-cart charts are drawn with axes, units and legends, and export; the
 * comparison and KPI tables show on-time delivery and abandoned carts; the zone's orders table and a
 * recall's table carry the engine's figures; the network draws the zone with a dashed delivery link;
 * the editor labels the zone. Without online zones the online charts are
 * hidden, the churn chart has the shop's causes only and the online KPIs are not in the tables; with
 * customers online only, it has the online causes only; without a customer base the section says so.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { downloadText, launchBrowser, openApp, showsAs, type AppPage } from './harness.ts';
import { encodeScenarioForUrl } from '../../web/editor/shareLink.ts';
import { kpiMeta } from '../../web/charts/kpiMeta.ts';
import { parseScenario } from '../../src/scenario/parse.ts';
import { runExperiment, type ExperimentResult } from '../../src/experiment/replicate.ts';
import type { ScenarioInput } from '../../src/scenario/schema.ts';

const REPLICATIONS = 3;
const CAUSES = ['stockout', 'backorder', 'late', 'abandoned'];

/**
 * The shop and the online zone; `online: false` leaves the zone out, `customers: false` the customer
 * bases, `shopCustomers: false` the shop's (the zone's stay); `recall: true` recalls the lots the
 * warehouse received in days 30 to 60.
 */
function scenario(options: { online?: boolean; customers?: boolean; shopCustomers?: boolean; recall?: boolean } = {}): ScenarioInput {
  const online = options.online ?? true;
  const customers = options.customers ?? true;
  const shopCustomers = options.shopCustomers ?? true;
  return {
    version: 1,
    name: online ? 'Shoes in the high street and online' : 'Shoes in the high street',
    currency: 'EUR',
    horizonDays: 120,
    warmupDays: 20,
    replications: REPLICATIONS,
    seed: 'customers-view',
    products: [
      { id: 'shoe', unitCost: 30, price: 60, holdingCost: { perUnitPerDay: 0.02 }, unmetDemand: 'backorder' },
      { id: 'limited', unitCost: 50, price: 120, holdingCost: { perUnitPerDay: 0.03 }, unmetDemand: 'lost' },
    ],
    nodes: [
      { id: 'maker', type: 'supplier' },
      { id: 'dc', type: 'warehouse', name: 'Central warehouse' },
      { id: 'shop', type: 'store', name: 'High street shop' },
      ...(online ? [{ id: 'city', type: 'zone' as const, name: 'City online' }] : []),
    ],
    lanes: [
      { from: 'maker', to: 'dc', leadTime: { type: 'uniform', min: 3, max: 7 } },
      { from: 'dc', to: 'shop', leadTime: { type: 'constant', value: 1 } },
    ],
    stockPoints: [
      { node: 'dc', product: ['shoe', 'limited'], policy: { type: 'rQ', reorderPoint: 40, orderQuantity: 80 } },
      { node: 'shop', product: ['shoe', 'limited'], policy: { type: 'sS', reorderPoint: 4, orderUpTo: 12 } },
    ],
    demand: [
      { type: 'arrivals', node: 'shop', product: ['shoe', 'limited'], customersPerDay: 3 },
      ...(online ? [{ type: 'arrivals' as const, node: 'city', product: 'shoe', customersPerDay: 8 }] : []),
    ],
    fulfilment: online
      ? [
          {
            zone: 'city',
            from: [{ warehouse: 'dc', pickPackDays: { type: 'constant', value: 0.5 }, transitDays: { type: 'uniform', min: 0.5, max: 2.5 } }],
            tolerance: { type: 'uniform', min: 2, max: 6 },
          },
        ]
      : [],
    customers: customers
      ? [
          ...(shopCustomers ? [{ node: 'shop', initial: 300, churn: { onStockout: 0.4, onBackorder: 0.3 } }] : []),
          ...(online ? [{ node: 'city', initial: 800, churn: { onStockout: 0, onBackorder: 0, onLate: 0.3, onAbandon: 0.5 } }] : []),
        ]
      : [],
    // two recalls of the same name (two batches), which a third variant leaves out
    recalls: options.recall
      ? [
          { name: 'loose soles', supplier: 'maker', receivedFrom: 30, receivedTo: 45, announcedOn: 70 },
          { name: 'loose soles', supplier: 'maker', receivedFrom: 45, receivedTo: 60, announcedOn: 70 },
        ]
      : [],
    variants: [
      { id: 'lean', name: 'Lean' },
      {
        id: 'generous',
        name: 'Generous',
        policies: [
          { node: 'dc', product: ['shoe', 'limited'], policy: { type: 'rQ', reorderPoint: 90, orderQuantity: 120 } },
          { node: 'shop', product: ['shoe', 'limited'], policy: { type: 'sS', reorderPoint: 8, orderUpTo: 20 } },
        ],
      },
      ...(options.recall ? [{ id: 'no-recall', name: 'No recall', set: [{ path: '/recalls', value: [] }] }] : []),
    ],
  };
}

/** The experiment the engine runs in Node for the scenario (the app must show the same numbers). */
function engineResult(input: ScenarioInput): ExperimentResult {
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(parsed.issues.map((issue) => `${issue.path}: ${issue.message}`).join('\n'));
  return runExperiment(parsed.scenario);
}

let browser: Browser;
const pages: AppPage[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const app of pages) await app.close();
  await browser?.close();
});

/** Opens the app on a scenario (through a shared link) and waits for its run and the charts. */
async function open(input: ScenarioInput): Promise<AppPage> {
  const hash = await encodeScenarioForUrl(JSON.stringify(input, null, 2), { replications: REPLICATIONS });
  const app = await openApp(browser, inject('stocklabUrl'), { hash });
  pages.push(app);
  expect(await app.page.textContent('#status')).toMatch(new RegExp(`^Done: ${REPLICATIONS} replications`));
  await app.page.waitForFunction(() => document.querySelectorAll('#kpi-table tbody tr').length > 0 && document.querySelector('#customers svg, #customers .chart-note') !== null);
  await defineCaptionOf(app.page);
  return app;
}

/**
 * Puts `captionOf(svg)` in the page: a chart's caption lines as read, a wrapped line's pieces (tspans)
 * joined by the spaces the wrapping took out.
 */
async function defineCaptionOf(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { captionOf: (svg: Element) => string }).captionOf = (svg) =>
      [...svg.querySelectorAll('.chart-caption')]
        .map((text) => {
          const pieces = [...text.querySelectorAll('tspan')];
          return pieces.length > 0 ? pieces.map((piece) => piece.textContent).join(' ') : text.textContent;
        })
        .join(' ');
  });
}
declare const captionOf: (svg: Element) => string;

/** What a time-series chart shows: axis titles, legend entries, lines, and whether it has ticks on both axes. */
async function seriesChart(page: Page, block: string) {
  return page.evaluate((id) => {
    const svg = document.querySelector(`#${id} svg.chart-svg`)!;
    return {
      axisTitles: [...svg.querySelectorAll('.axis-title')].map((t) => t.textContent),
      xTicks: svg.querySelectorAll('.axis-x .tick').length,
      yTicks: svg.querySelectorAll('.axis-y .tick').length,
      legend: [...svg.querySelectorAll('.chart-legend [role="listitem"]')].map((item) => item.textContent),
      lines: [...svg.querySelectorAll('.series-line')].map((line) => ({ variant: line.getAttribute('data-variant'), d: line.getAttribute('d') ?? '' })),
      bands: svg.querySelectorAll('.band').length,
      caption: captionOf(svg),
    };
  }, block);
}

const comparisonRows = (page: Page) => page.locator('#comparison tr[data-kpi]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-kpi')));
const kpiTableRows = (page: Page) => page.locator('#kpi-table tbody th .kpi-label').allTextContents();

/** A zone or recall table as read: its column headers, its groups (key, title, row keys) and its cells. */
async function tableOf(page: Page, block: string) {
  return page.evaluate((selector) => {
    const table = document.querySelector(`${selector} table`)!;
    const groups = [...table.querySelectorAll('tbody')].map((body) => ({
      key: (body as HTMLElement).dataset.group,
      title: body.querySelector('tr.group-title th')?.textContent,
      rows: [...body.querySelectorAll('tr[data-row]')].map((row) => (row as HTMLElement).dataset.row!),
    }));
    const cells = [...table.querySelectorAll('tbody')].flatMap((body) =>
      [...body.querySelectorAll('tr[data-row]')].flatMap((row) =>
        [...row.querySelectorAll('td')].map((td, column) => ({
          group: (body as HTMLElement).dataset.group,
          row: (row as HTMLElement).dataset.row,
          column,
          mean: td.dataset.mean === undefined ? null : Number(td.dataset.mean),
          shownMean: td.querySelector('.mean')?.textContent ?? td.textContent!,
          halfWidth: td.querySelector('.hw')?.textContent ?? null,
        })),
      ),
    );
    return { head: [...table.querySelectorAll('thead th')].map((th) => th.textContent), groups, cells };
  }, block);
}

describe('a scenario with an online zone and customers who leave', () => {
  const input = scenario();
  const expected = engineResult(input);
  let app: AppPage;
  let page: Page;

  beforeAll(async () => {
    app = await open(input);
    page = app.page;
  });

  test('the churn-by-cause chart has a bar per cause per variant, with the engine\u2019s value and its 95% whisker', async () => {
    expect(await page.isVisible('#customers-churn')).toBe(true);
    const bars = await page.locator('#customers-churn .churn-bar').evaluateAll((groups) =>
      groups.map((g) => ({
        variant: g.getAttribute('data-variant'),
        cause: g.getAttribute('data-cause'),
        value: Number(g.getAttribute('data-value')),
        height: Number(g.querySelector('rect')!.getAttribute('height')),
        whisker: g.querySelector('.whisker') !== null,
        label: g.querySelector('.bar-value')?.textContent ?? null,
      })),
    );
    expect(bars).toHaveLength(CAUSES.length * 2);
    let drawn = 0;
    for (const cause of CAUSES) {
      for (const variant of expected.variants) {
        const bar = bars.find((b) => b.cause === cause && b.variant === variant.name);
        expect(bar, `a bar for ${variant.name} / ${cause}`).toBeDefined();
        const summary = variant.customers.churnedBy[cause as keyof typeof variant.customers.churnedBy];
        expect(bar!.value, `${variant.name} / ${cause}`).toBe(summary.mean);
        // a bar as tall as its value, and a whisker wherever the interval has a width
        if (summary.mean! > 0) {
          expect(bar!.height).toBeGreaterThan(0);
          drawn++;
        } else expect(bar!.height).toBe(0);
        expect(bar!.whisker).toBe(summary.halfWidth !== null && summary.halfWidth > 0);
        expect(showsAs(summary.mean!, bar!.label!), `${bar!.label} shows ${summary.mean}`).toBe(true);
      }
    }
    // the scenario does lose customers to every cause, so the check above compared real bars
    expect(drawn).toBeGreaterThanOrEqual(6);
    for (const cause of CAUSES) expect(expected.variants.some((v) => v.customers.churnedBy[cause as 'late'].mean! > 0), cause).toBe(true);

    const chart = await page.evaluate(() => {
      const svg = document.querySelector('#customers-churn svg.chart-svg')!;
      return {
        ticks: [...svg.querySelectorAll('.axis-x .tick text')].map((t) => t.textContent),
        yTicks: svg.querySelectorAll('.axis-y .tick').length,
        titles: [...svg.querySelectorAll('.axis-title')].map((t) => t.textContent),
        legend: [...svg.querySelectorAll('.chart-legend [role="listitem"]')].map((item) => item.textContent),
      };
    });
    expect(chart.ticks).toEqual(['Out of stock', 'Made to wait', 'Late delivery', 'Abandoned cart']);
    expect(chart.yTicks).toBeGreaterThan(2);
    expect(chart.titles).toEqual(['Customers lost (customers)', 'What made them leave']);
    expect(chart.legend).toEqual(['Lean', 'Generous']);
    expect(app.errors).toEqual([]);
  });

  test('the on-time delivery chart: a line per variant under a % axis and a day axis, with a legend and each variant\u2019s window figure', async () => {
    expect(await page.isVisible('#customers-on-time')).toBe(true);
    const chart = await seriesChart(page, 'customers-on-time');
    expect(chart.axisTitles).toEqual(['On-time delivery (%)', 'Day of the simulation']);
    expect(chart.xTicks).toBeGreaterThan(2);
    expect(chart.yTicks).toBeGreaterThan(2);
    expect(chart.legend).toEqual(['Lean', 'Generous', 'Warm-up (not in the KPIs)']);
    expect(chart.lines.map((l) => l.variant)).toEqual(['Lean', 'Generous']);
    for (const line of chart.lines) expect(line.d.length).toBeGreaterThan(100);
    // the weekly share's own 95% band, per variant
    expect(chart.bands).toBe(2);
    // the caption gives the window's on-time delivery, as the KPI table has it
    const meta = kpiMeta('onTimeDelivery');
    for (const variant of expected.variants) {
      const { mean, halfWidth } = variant.network.onTimeDelivery;
      expect(chart.caption).toContain(`${variant.name}: ${meta.formatWithHalfWidth(mean!, halfWidth)} over the measured window`);
    }
    expect(await page.textContent('#customers-on-time .chart-help')).toMatch(/7 days/);
    expect(app.errors).toEqual([]);
  });

  test('the abandoned-cart chart: a line and a 95% band per variant, orders per day against days, with a legend; it exports as SVG', async () => {
    expect(await page.isVisible('#customers-abandoned')).toBe(true);
    const chart = await seriesChart(page, 'customers-abandoned');
    expect(chart.axisTitles).toEqual(['Abandoned carts (per day)', 'Day of the simulation']);
    expect(chart.xTicks).toBeGreaterThan(2);
    expect(chart.yTicks).toBeGreaterThan(2);
    expect(chart.legend).toEqual(['Lean', 'Generous', 'Warm-up (not in the KPIs)']);
    expect(chart.lines.map((l) => l.variant)).toEqual(['Lean', 'Generous']);
    expect(chart.bands).toBe(2);
    const meta = kpiMeta('abandonedCarts');
    for (const variant of expected.variants) {
      const { mean, halfWidth } = variant.network.abandonedCarts;
      expect(chart.caption).toContain(`${variant.name}: ${meta.formatWithHalfWidth(mean!, halfWidth)} carts over the measured window`);
    }

    const svg = await downloadText(page, '#customers-abandoned button[data-export="svg"]');
    expect(svg.name).toMatch(/^stocklab-.+-seed-.+-abandoned-carts-\d{4}-\d{2}-\d{2}\.svg$/);
    expect(svg.text).toContain('<svg');
    expect(svg.text).toContain('Abandoned carts (per day)');
    const churn = await downloadText(page, '#customers-churn button[data-export="svg"]');
    expect(churn.name).toMatch(/^stocklab-.+-seed-.+-customer-churn-\d{4}-\d{2}-\d{2}\.svg$/);
    expect(app.errors).toEqual([]);
  });

  test('the comparison and KPI tables show on-time delivery and abandoned carts', async () => {
    const rows = await comparisonRows(page);
    expect(rows).toContain('onTimeDelivery');
    expect(rows).toContain('abandonedCarts');
    // the perishables' rows do not apply here
    expect(rows).not.toContain('expiredUnits');
    const labels = await kpiTableRows(page);
    expect(labels).toContain('On-time delivery');
    expect(labels).toContain('Abandoned carts');
    expect(labels).not.toContain('Expired units');
    expect(await page.textContent('#comparison .comparison-sentence')).toMatch(/on-time delivery/);
    expect(app.errors).toEqual([]);
  });

  test('the online orders table: the zone by name, a row per figure, a column per variant, each cell the engine\u2019s mean ± half-width', async () => {
    expect(await page.isVisible('#customers-zones')).toBe(true);
    expect(await page.textContent('#customers-zones h3')).toBe('Online orders by zone');
    const table = await tableOf(page, '#customers-zones');
    expect(table.head).toEqual(['Figure', 'Lean', 'Generous']);
    expect(table.groups).toEqual([{ key: 'city', title: 'City online', rows: ['orders', 'abandoned', 'delivered', 'onTime', 'late', 'notified', 'express'] }]);
    const labels = await page.locator('#customers-zones tbody tr[data-row] th').allTextContents();
    expect(labels).toEqual(['Orders placed', 'Abandoned at the promise', 'Delivered', 'On time', 'Late', 'Told of a delay early', 'Express']);
    let compared = 0;
    for (const [v, variant] of expected.variants.entries()) {
      const zone = variant.customers.zones.find((z) => z.zone === 'city')!;
      for (const row of table.groups[0].rows) {
        const cell = table.cells.find((c) => c.group === 'city' && c.row === row && c.column === v)!;
        const summary = zone[row as 'orders'];
        expect(cell.mean, `${variant.name} / ${row}`).toBe(summary.mean);
        expect(showsAs(summary.mean!, cell.shownMean), `${cell.shownMean} shows ${summary.mean}`).toBe(true);
        expect(cell.halfWidth !== null).toBe(summary.halfWidth !== null);
        if (summary.mean! > 0) compared++;
      }
    }
    // the zone does have orders, deliveries, late ones and abandoned carts in both variants
    expect(compared).toBeGreaterThanOrEqual(10);
    // no recall in this scenario: no recall table
    expect(await page.isHidden('#customers-recalls')).toBe(true);
    expect(app.errors).toEqual([]);
  });

  test('the network draws the zone on the right of its warehouse, with a dashed delivery link', async () => {
    const network = await page.evaluate(() => {
      const svg = document.querySelector('#network svg.chart-svg')!;
      const x = (id: string) => svg.querySelector(`.network-node[data-node="${id}"]`)!.getBoundingClientRect().left;
      const zone = svg.querySelector('.network-node[data-node="city"]')!;
      const link = svg.querySelector('.fulfilment[data-from="dc"][data-to="city"] .fulfilment-path');
      return {
        zoneType: zone.querySelector('.node-type')?.textContent,
        zoneFigure: zone.querySelector('.zone-figure')?.textContent ?? null,
        rightOfWarehouse: x('city') > x('dc'),
        dash: link ? getComputedStyle(link).strokeDasharray : null,
        laneDash: getComputedStyle(svg.querySelector('.lane-path')!).strokeDasharray,
        caption: captionOf(svg),
      };
    });
    expect(network.zoneType).toBe('Online zone');
    expect(network.zoneFigure).toMatch(/^On time [\d.]+%$/);
    expect(network.rightOfWarehouse).toBe(true);
    expect(network.dash).not.toBeNull();
    expect(network.dash).not.toBe('none');
    expect(network.laneDash).toBe('none');
    expect(network.caption).toMatch(/Dashed arrows: online orders/);
    expect(app.errors).toEqual([]);
  });

  test('the editor shows the zone node with its type label, and its fulfilment in forms of its own', async () => {
    const type = page.locator('#editor .se-forms [data-key="nodes[3].type"]').first();
    expect(await type.inputValue()).toBe('zone');
    expect(await type.evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent)).toBe('online zone');
    // the nodes are a table; the zone's note is in its row's form, under the table, once the row is chosen
    await page.locator('#editor .se-table[data-table="nodes"] tr[data-row="3"] .se-row-edit').click();
    expect(await page.locator('#editor .se-forms').textContent()).toContain('under "Online fulfilment" below');
    // the zone's warehouse, transit time and tolerance are fields; the recall section is there, empty
    expect(await page.locator('#editor .se-section[data-key="recalls"] .se-count').textContent()).toBe('0');
    expect(await page.locator('#editor .se-section[data-key="fulfilment"] .se-count').textContent()).toBe('1');
    const form = (key: string) => page.locator(`#editor .se-forms [data-key="${key}"]`).first();
    expect(await form('fulfilment[0].zone').inputValue()).toBe('city');
    expect(await form('fulfilment[0].from[0].warehouse').inputValue()).toBe('dc');
    expect(await form('fulfilment[0].from[0].transitDays.type').inputValue()).toBe('uniform');
    expect(await form('fulfilment[0].from[0].transitDays.max').inputValue()).toBe('2.5');
    expect(await form('fulfilment[0].tolerance.min').inputValue()).toBe('2');
    // a transit typed wrongly is reported at its field and Run waits; typed right, Run is back
    await form('fulfilment[0].from[0].transitDays.max').fill('0.2');
    await page.waitForFunction(() => document.querySelector<HTMLButtonElement>('#run')?.disabled === true, undefined, { timeout: 5_000 });
    await page.waitForFunction(() => document.querySelector('#editor .se-forms [data-key="fulfilment[0].from[0].transitDays.max"]')?.getAttribute('aria-invalid') === 'true', undefined, { timeout: 5_000 });
    await form('fulfilment[0].from[0].transitDays.max').fill('2.5');
    await page.waitForFunction(() => document.querySelector<HTMLButtonElement>('#run')?.disabled === false, undefined, { timeout: 5_000 });
    // express delivery is a switch: on, its parameters appear and the scenario stays valid; off, they go
    await form('fulfilment[0].express').check();
    await page.waitForFunction(() => document.querySelector('#editor .se-forms [data-key="fulfilment[0].express.share"]') !== null, undefined, { timeout: 5_000 });
    expect(await form('fulfilment[0].express.share').inputValue()).toBe('0.25');
    await page.waitForFunction(() => document.querySelector<HTMLButtonElement>('#run')?.disabled === false, undefined, { timeout: 5_000 });
    await form('fulfilment[0].express').uncheck();
    await page.waitForFunction(() => document.querySelector('#editor .se-forms [data-key="fulfilment[0].express.share"]') === null, undefined, { timeout: 5_000 });
    // the churn on late deliveries and abandoned carts is in the forms too
    expect(await page.locator('#editor .se-forms [data-key="customers[1].churn.onLate"]').first().inputValue()).toBe('0.3');
    expect(await page.locator('#editor .se-forms [data-key="customers[1].churn.onAbandon"]').first().inputValue()).toBe('0.5');

    // turning the shop into a zone is refused with problems at the fields (a zone holds no stock), not a crash
    await page.locator('#editor .se-forms [data-key="nodes[2].type"]').first().selectOption('zone');
    await page.waitForFunction(() => document.querySelector<HTMLButtonElement>('#run')?.disabled === true, undefined, { timeout: 5_000 });
    expect(await page.textContent('#banner')).toMatch(/problem/);
    const shop = page.locator('#editor .se-forms [data-key="nodes[2].type"]').first();
    expect(await shop.evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent)).toBe('online zone');
    expect(app.errors).toEqual([]);
  });
});

describe('scenarios without online zones, or without customers', () => {
  test('without an online zone: churn by stockouts and backorders only, no online charts, no online KPIs in the tables', async () => {
    const input = scenario({ online: false });
    const expected = engineResult(input);
    const app = await open(input);
    const { page } = app;
    const bars = await page.locator('#customers-churn .churn-bar').evaluateAll((groups) => groups.map((g) => [g.getAttribute('data-cause'), g.getAttribute('data-variant'), Number(g.getAttribute('data-value'))]));
    expect(bars).toEqual(
      ['stockout', 'backorder'].flatMap((cause) => expected.variants.map((v) => [cause, v.name, v.customers.churnedBy[cause as 'stockout'].mean])),
    );
    expect(await page.isVisible('#customers-active svg')).toBe(true);
    expect(await page.isHidden('#customers-on-time')).toBe(true);
    expect(await page.isHidden('#customers-abandoned')).toBe(true);
    expect(await page.locator('#customers-on-time svg, #customers-abandoned svg').count()).toBe(0);
    expect(await page.isHidden('#customers-zones')).toBe(true);
    expect(await page.locator('#customers-zones table').count()).toBe(0);
    const rows = await comparisonRows(page);
    expect(rows).toContain('fillRate');
    expect(rows).not.toContain('onTimeDelivery');
    expect(rows).not.toContain('abandonedCarts');
    const labels = await kpiTableRows(page);
    expect(labels).not.toContain('On-time delivery');
    expect(labels).not.toContain('Abandoned carts');
    expect(await page.locator('#network .fulfilment').count()).toBe(0);
    expect(app.errors).toEqual([]);
  });

  test('with customers online only: churn by late deliveries and abandoned carts only (a shop\u2019s causes cannot happen)', async () => {
    const input = scenario({ shopCustomers: false });
    const expected = engineResult(input);
    const app = await open(input);
    const bars = await app.page.locator('#customers-churn .churn-bar').evaluateAll((groups) => groups.map((g) => [g.getAttribute('data-cause'), g.getAttribute('data-variant'), Number(g.getAttribute('data-value'))]));
    expect(bars).toEqual(['late', 'abandoned'].flatMap((cause) => expected.variants.map((v) => [cause, v.name, v.customers.churnedBy[cause as 'late'].mean])));
    expect(await app.page.isVisible('#customers-on-time svg')).toBe(true);
    expect(app.errors).toEqual([]);
  });

  test('with an online zone but no customer base: the section says so, no churn chart, the online charts stay', async () => {
    const app = await open(scenario({ customers: false }));
    const { page } = app;
    expect(await page.textContent('#customers-active .chart-note')).toMatch(/no customer base/);
    expect(await page.isHidden('#customers-churn')).toBe(true);
    expect(await page.isVisible('#customers-on-time svg')).toBe(true);
    expect(await page.isVisible('#customers-abandoned svg')).toBe(true);
    expect(app.errors).toEqual([]);
  });

  test('with recalls: a group per recall (two of one name both shown), the engine\u2019s units removed, sold before and purchases reached; a dash where a variant has none', async () => {
    const input = scenario({ online: false, recall: true });
    const expected = engineResult(input);
    const app = await open(input);
    const { page } = app;
    expect(await page.isVisible('#customers-recalls')).toBe(true);
    expect(await page.isHidden('#customers-zones')).toBe(true);
    const table = await tableOf(page, '#customers-recalls');
    expect(table.head).toEqual(['Figure', 'Lean', 'Generous', 'No recall']);
    const rows = ['unitsRemoved', 'unitsSold', 'customersReached'];
    expect(table.groups).toEqual([
      { key: 'loose soles#1', title: 'Recall: loose soles (first of that name)', rows },
      { key: 'loose soles#2', title: 'Recall: loose soles (second of that name)', rows },
    ]);
    // the group titles head their rows for a screen reader
    expect(await page.locator('#customers-recalls tr.group-title th').evaluateAll((cells) => cells.map((th) => th.getAttribute('scope')))).toEqual(['rowgroup', 'rowgroup']);
    let reached = 0;
    for (const [v, variant] of expected.variants.entries()) {
      for (const [r, group] of table.groups.entries()) {
        for (const row of rows) {
          const cell = table.cells.find((c) => c.group === group.key && c.row === row && c.column === v)!;
          const recall = variant.recalls[r];
          if (variant.name === 'No recall') {
            expect(recall).toBeUndefined();
            expect(cell.mean).toBeNull();
            expect(cell.shownMean).toBe('—');
            continue;
          }
          const summary = recall[row as 'unitsRemoved'];
          expect(cell.mean, `${variant.name} / ${group.key} / ${row}`).toBe(summary.mean);
          expect(showsAs(summary.mean!, cell.shownMean)).toBe(true);
          reached += summary.mean!;
        }
      }
    }
    // the recalls did reach stock and customers, so the cells compared are not all zero
    expect(reached).toBeGreaterThan(0);
    expect(app.errors).toEqual([]);
  });
});
