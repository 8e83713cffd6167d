/**
 * The presentation (a slide deck, test/browser/presentDeck.test.ts has the deck's own checks) in
 * Chromium at 1280×800, on the coffee brand (3 variants): "Present" hides the left panel and every
 * section but the headline cards, the comparison, the frontier chart and the chart chosen for the last
 * slide (the inventory at first), the comparison in larger type, and redraws the frontier at the
 * slide's width; it survives a re-run; the HTML export then exports exactly the slides (the sentences,
 * the frontier and the inventory as inline SVG, no KPI table) with the scenario, seed, replications
 * and Stocklab version at the top, and prints one slide per page; Esc leaves it, and the whole
 * dashboard exports again. On the slide, the comparison's money is over the measured window, as on the
 * cards: one number for one difference.
 */
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { downloadText, launchBrowser, openApp, STOCKLAB_VERSION, waitForDashboard, waitForIdle, waitForRunning, type AppPage } from './harness.ts';

/** What the slides show (one slide at a time: `SLIDE` says which), and what the presentation hides. */
const SHOWN = ['cards', 'comparison', 'frontier', 'inventory'];
const SLIDE: Record<string, number> = { cards: 0, frontier: 1, comparison: 2, inventory: 3 };
const HIDDEN = ['theory', 'customers', 'histogram', 'network', 'kpi-table', 'sweep', 'sensitivity', 'optimize'];

let browser: Browser;
let app: AppPage;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  app = await openApp(browser, inject('stocklabUrl'));
  page = app.page;
  await waitForDashboard(page);
});

afterAll(async () => {
  await app?.close();
  await browser?.close();
});

const visible = (page: Page, id: string) => page.isVisible(`#${id}`);
const frontierWidth = (page: Page) => page.evaluate(() => Number(document.querySelector('#frontier svg.chart-svg')!.getAttribute('width')));

/** Waits until the frontier chart has been drawn at another width than `before`. */
async function waitForRedraw(page: Page, before: number): Promise<number> {
  await page.waitForFunction((width) => Number(document.querySelector('#frontier svg.chart-svg')?.getAttribute('width')) !== width, before);
  return frontierWidth(page);
}

/** Shows slide `index` of the deck (Home, then →). */
async function goToSlide(page: Page, index: number): Promise<void> {
  await page.locator('.deck-frame').focus();
  await page.keyboard.press('Home');
  for (let i = 0; i < index; i++) await page.keyboard.press('ArrowRight');
}

/** Each section the slides show is seen on its slide. */
async function expectSlidesShown(page: Page): Promise<void> {
  for (const id of SHOWN) {
    await goToSlide(page, SLIDE[id]);
    expect(await visible(page, id), `#${id} is shown on slide ${SLIDE[id] + 1}`).toBe(true);
  }
}

async function exportView(page: Page, selector = '#export-html'): Promise<string> {
  const { name, text } = await downloadText(page, selector);
  expect(name).toMatch(/^stocklab-.+-view-\d{4}-\d{2}-\d{2}\.html$/);
  return text;
}

test('Present shows the comparison\'s slides only, over the whole width and in larger type, and redraws the frontier wider', async () => {
  expect(await page.getAttribute('#present', 'aria-pressed')).toBe('false');
  expect(await page.isEnabled('#present')).toBe(true);
  const widthBefore = await frontierWidth(page);
  const sentenceSize = () => page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('#comparison .comparison-sentence')!).fontSize));
  const sizeBefore = await sentenceSize();

  await page.click('#present');
  expect(await page.getAttribute('#present', 'aria-pressed')).toBe('true');
  expect(await page.isVisible('#side')).toBe(false);
  for (const id of HIDDEN) expect(await visible(page, id), `#${id} is hidden`).toBe(false);
  // the left panel's 390 px go to the slides: the chart is drawn again, wider
  const widthAfter = await waitForRedraw(page, widthBefore);
  await expectSlidesShown(page);
  await goToSlide(page, SLIDE.comparison);
  expect(await page.locator('#comparison .comparison-sentence').count()).toBe(2);
  expect(await sentenceSize()).toBeGreaterThan(sizeBefore);
  await goToSlide(page, SLIDE.frontier);
  expect(widthAfter).toBeGreaterThan(widthBefore + 200);
  const box = await page.locator('#frontier svg.chart-svg').boundingBox();
  expect(box!.x + box!.width).toBeLessThanOrEqual(1280);
  expect(app.errors).toEqual([]);
});

test('on the slide, money has one time base: the comparison\'s total cost difference is the difference of the cards\' total costs, over the window it names', async () => {
  const slide = await page.evaluate(() => {
    const cards = [...document.querySelectorAll('#cards .kpi-card')].map((card) => {
      const term = [...card.querySelectorAll('dt')].find((dt) => dt.textContent === 'Total cost')!;
      return { name: card.querySelector('.kpi-card-name')!.textContent!, totalCost: term.nextElementSibling!.querySelector('.kpi-card-value')!.textContent! };
    });
    const table = document.querySelector('#comparison table')!;
    return {
      cards,
      pair: table.querySelector('th')!.textContent!,
      difference: table.querySelector('tr[data-kpi="totalCost"]')!.children[1].textContent!,
      sentence: document.querySelector('#comparison .comparison-sentence')!.textContent!,
      help: document.querySelector('#comparison .chart-help')!.textContent!,
    };
  });
  const amount = (text: string) => Number(/^([+−-]?)([\d,.]+)/.exec(text)![2].replace(/,/g, '')) * (/^[−-]/.test(text) ? -1 : 1);
  const cardOf = (name: string) => amount(slide.cards.find((card) => card.name === name)!.totalCost);
  expect(slide.pair).toBe('Generous (s, S) − Lean (s, S)');
  // the coffee brand: 365 days, 14 of warm-up
  expect(slide.difference).toMatch(/^[+−][\d,]+ EUR ± [\d,]+ over the 351-day window$/);
  expect(slide.sentence).toMatch(/total cost by [\d,]+ EUR over the 351-day window \(±[\d,]+\)/);
  expect(slide.help).toMatch(/Money is over the 351-day measured window/);
  // equal up to the cards' rounding (a per-year figure would be 365 / 351 = 4% larger)
  const fromCards = cardOf('Generous (s, S)') - cardOf('Lean (s, S)');
  expect(Math.abs(amount(slide.difference) - fromCards)).toBeLessThanOrEqual(Math.max(2, 0.002 * Math.abs(fromCards)));
  expect(app.errors).toEqual([]);
});

test('a re-run keeps the presentation layout', async () => {
  // the top bar is hidden on the slides: its settings and Run are used as a script would
  await page.evaluate(() => {
    const replications = document.querySelector<HTMLInputElement>('#replications')!;
    replications.value = '4';
    replications.dispatchEvent(new Event('input', { bubbles: true }));
    replications.dispatchEvent(new Event('change', { bubbles: true }));
    document.querySelector<HTMLButtonElement>('#run')!.click();
  });
  await waitForRunning(page);
  await waitForIdle(page);
  expect(await page.textContent('#status')).toMatch(/^Done: 4 replications/);
  await page.waitForFunction(() => document.querySelector('.kpi-cards-note')?.textContent?.includes('4 replications'));
  expect(await page.getAttribute('#present', 'aria-pressed')).toBe('true');
  expect(await page.evaluate(() => document.body.classList.contains('presenting'))).toBe(true);
  await expectSlidesShown(page);
  for (const id of ['kpi-table', 'sweep']) expect(await visible(page, id), `#${id} is hidden`).toBe(false);
  expect(await page.locator('#comparison .comparison-sentence').count()).toBe(2);
  // the headline slide's sentence follows the new result
  expect(await page.textContent('.slide[data-slide="headline"] .slide-sentence')).toBe(await page.textContent('#comparison .comparison-sentence'));
  expect(app.errors).toEqual([]);
});

test('the HTML export in presentation exports the slides: sentences, cards, frontier and inventory SVG; no KPI table; prints one slide per page', async () => {
  const sentences = await page.locator('#comparison .comparison-sentence').allTextContents();
  const html = await exportView(page, '#deck-export-html');
  // (booleans, not toMatch: a failure would print the whole page)
  expect(html.startsWith('<!doctype html>')).toBe(true);
  const heading = /<h1>(.*)<\/h1>/.exec(html)?.[1];
  expect(heading).toMatch(new RegExp(`^A coffee brand's store and warehouse — seed coffee, 4 replications — exported [\\d-]+ [\\d:]+ from Stocklab ${STOCKLAB_VERSION.replace(/\./g, '\\.')}$`));
  expect(html.includes('<body class="presenting">')).toBe(true);
  for (const sentence of sentences) expect(html.includes(sentence), sentence).toBe(true);
  // two charts, the frontier and the chart of the last slide, inline with their styles
  const charts = html.match(/<div class="stocklab-chart chart-[a-z-]+"><svg[^>]*>/g) ?? [];
  expect(charts.map((chart) => /chart-([a-z-]+)"/.exec(chart)?.[1])).toEqual(['frontier', 'inventory']);
  expect(charts[0]).toMatch(/xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  expect(charts[0]).toMatch(/style="[^"]*font-family/);
  for (const id of SHOWN) expect(html.includes(`id="${id}"`), `#${id} is exported`).toBe(true);
  for (const id of HIDDEN) expect(html.includes(`id="${id}"`), `#${id} is not exported`).toBe(false);
  expect(/<button|<select|<input|<script/.test(html)).toBe(false);
  const slides = (html.match(/<section class="slide-page"/g) ?? []).length;
  expect(slides).toBe(4);

  // printed to PDF (16 × 9 in, the page's print styles): one page per slide
  const printed = await browser.newPage();
  try {
    await printed.setContent(html, { waitUntil: 'load' });
    const pdf = (await printed.pdf({ preferCSSPageSize: true })).toString('latin1');
    const pages = (pdf.match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
    expect(pages).toBe(slides);
  } finally {
    await printed.close();
  }
  expect(app.errors).toEqual([]);
});

test('Esc leaves the presentation: the whole dashboard is back, drawn at its width, and exports whole', async () => {
  const presentingWidth = await frontierWidth(page);
  await page.locator('.slide.current .slide-title').click();
  await page.keyboard.press('Escape');
  expect(await page.getAttribute('#present', 'aria-pressed')).toBe('false');
  expect(await page.isVisible('#side')).toBe(true);
  for (const id of [...SHOWN, 'kpi-table', 'customers', 'histogram', 'network', 'sweep']) expect(await visible(page, id), `#${id} is shown`).toBe(true);
  expect(await waitForRedraw(page, presentingWidth)).toBeLessThan(presentingWidth);
  await waitForDashboard(page);

  const html = await exportView(page);
  expect(html.includes('<body>')).toBe(true);
  // the KPI table keeps its column headers (the variants side by side), without their sort buttons
  expect(/<th[^>]*>(<svg[^>]*>.*?<\/svg>)?<span>Lean \(s, S\)<\/span><\/th>/.test(html)).toBe(true);
  expect(html.includes('slide-page')).toBe(false);
  const charts = (html.match(/<div class="stocklab-chart chart-([a-z-]+)"/g) ?? []).map((chart) => chart.replace(/.*chart-/, '').replace('"', ''));
  // the coffee brand has two echelons (warehouse, shop): orders against demand by echelon is drawn (issue 18)
  expect(charts).toEqual(['frontier', 'inventory', 'echelons', 'customers', 'customer-churn', 'histogram', 'network']);
  // a panel that has not run is left out
  expect(html.includes('id="sweep"')).toBe(false);

  // the button enters it, the deck's Leave leaves it
  await page.click('#present');
  expect(await page.isVisible('#kpi-table')).toBe(false);
  await page.click('.deck-leave');
  expect(await page.isVisible('#kpi-table')).toBe(true);
  expect(await page.getAttribute('#present', 'aria-pressed')).toBe('false');
  expect(app.errors).toEqual([]);
});
