/**
 * "Present" as a slide deck in Chromium at 1280×800, on the coffee brand (3 variants): the app's
 * chrome hidden and a 16:9 slide over the window, titled with the scenario's name and counted; the
 * headline (the first comparison sentence over the KPI cards), the frontier, the paired differences
 * and a chart the presenter picks, moved through with the keys and announced; a slide downloads as a
 * titled 1920×1080 PNG; the HTML export prints one slide per page; Esc gives the dashboard back as
 * it was.
 */
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openApp, runWith, waitForDashboard, type AppPage } from './harness.ts';

let browser: Browser;
let app: AppPage;
let page: Page;
/** the dashboard's sections, in order, before the deck opens */
let sectionsBefore: string[];

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

const sections = (page: Page) => page.evaluate(() => [...document.querySelectorAll('#dashboard > section')].map((section) => section.id));
const counter = (page: Page) => page.textContent('.deck-counter');
const announced = (page: Page) => page.textContent('.deck-live');
const currentSlide = (page: Page) => page.getAttribute('.deck .slide.current', 'data-slide');

async function save(page: Page, selector: string): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
}

function pngSize(bytes: Buffer): [number, number] {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(bytes.toString('latin1', 12, 16)).toBe('IHDR');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

test('Present hides the app and shows the first slide: the scenario as title, the counter, the conclusion sentence and the KPI cards', async () => {
  sectionsBefore = await sections(page);
  const scenario = (await page.textContent('#scenario-name'))!.trim();
  const firstSentence = await page.textContent('#comparison .comparison-sentence');
  await page.click('#present');
  expect(await page.getAttribute('#present', 'aria-pressed')).toBe('true');
  for (const chrome of ['.top-bar', '#side', '.result-actions', '#editor', '#kpi-table', '#sweep']) expect(await page.isVisible(chrome), `${chrome} is hidden`).toBe(false);
  expect(await page.isVisible('#deck')).toBe(true);

  // a 16:9 frame filling the width of a 1280×800 window, centred, letterboxed above and below
  const frame = (await page.locator('.deck-frame').boundingBox())!;
  expect(frame.width).toBeCloseTo(1280, 0);
  expect(frame.height).toBeCloseTo(720, 0);
  expect(frame.y).toBeCloseTo(40, 0);

  expect(await page.textContent('.deck-title')).toBe(scenario);
  expect(await counter(page)).toBe('1 / 4');
  expect(await currentSlide(page)).toBe('headline');
  expect(await page.isVisible('.slide.current .slide-title')).toBe(true);
  expect(await page.textContent('.slide.current .slide-sentence')).toBe(firstSentence);
  expect(await page.isVisible('.slide.current .slide-sentence')).toBe(true);
  expect(await page.isVisible('#cards')).toBe(true);
  expect(await page.locator('.slide.current #cards .kpi-card').count()).toBe(3);
  expect(await announced(page)).toBe('Slide 1 of 4: In short');
  // the slide's controls are reached by keyboard, and named
  expect(await page.getAttribute('.deck-previous', 'aria-label')).toBe('Previous slide');
  expect(await page.isDisabled('.deck-previous')).toBe(true);
  expect(app.errors).toEqual([]);
});

test('→ moves to the frontier (drawn for the slide), the differences and the chosen chart; another chart chosen is drawn; ← goes back', async () => {
  await page.keyboard.press('ArrowRight');
  expect(await counter(page)).toBe('2 / 4');
  expect(await currentSlide(page)).toBe('frontier');
  expect(await announced(page)).toMatch(/^Slide 2 of 4: /);
  expect(await page.isVisible('#frontier svg.chart-svg')).toBe(true);
  expect(await page.isVisible('#cards')).toBe(false);
  const frontier = await page.evaluate(() => Number(document.querySelector('#frontier svg.chart-svg')!.getAttribute('width')));
  expect(frontier).toBeGreaterThan(1100);
  const box = (await page.locator('#frontier svg.chart-svg').boundingBox())!;
  expect(box.y + box.height).toBeLessThanOrEqual(760);

  await page.keyboard.press('PageDown');
  expect(await currentSlide(page)).toBe('differences');
  expect(await page.isVisible('#comparison')).toBe(true);
  expect(await page.locator('#comparison table').count()).toBe(2);
  expect(await page.isVisible('#frontier')).toBe(false);

  await page.keyboard.press(' ');
  expect(await counter(page)).toBe('4 / 4');
  expect(await currentSlide(page)).toBe('chart');
  expect(await page.isVisible('#inventory svg.chart-svg')).toBe(true);
  expect(await page.isDisabled('.deck-next')).toBe(true);
  const choices = await page.locator('#deck-chart option').evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
  expect(choices).toEqual(['inventory', 'customers', 'histogram', 'network']);
  // End stays on the last slide
  await page.keyboard.press('End');
  expect(await counter(page)).toBe('4 / 4');

  await page.selectOption('#deck-chart', 'histogram');
  await page.waitForFunction(() => Number(document.querySelector('#histogram svg.chart-svg')?.getAttribute('width')) > 1000);
  expect(await page.isVisible('#histogram svg.chart-svg')).toBe(true);
  expect(await page.isVisible('#inventory')).toBe(false);
  // the chart not chosen is back in the dashboard, in its place
  expect(await page.evaluate(() => document.querySelector('#inventory')!.parentElement!.id)).toBe('dashboard');
  expect(await page.textContent('.slide.current .slide-title')).toBe(await page.textContent('#histogram h2'));

  // the select keeps its own arrows; from elsewhere on the slide, ← goes back
  await page.locator('.slide.current .slide-title').click();
  await page.keyboard.press('ArrowLeft');
  expect(await currentSlide(page)).toBe('differences');
  await page.keyboard.press('Home');
  expect(await currentSlide(page)).toBe('headline');
  await page.keyboard.press('End');
  expect(await currentSlide(page)).toBe('chart');
  expect(app.errors).toEqual([]);
});

test('a slide downloads as a titled 1920×1080 PNG named after the scenario, seed and slide', async () => {
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  const frontier = await save(page, '.slide.current .slide-png');
  expect(frontier.name).toMatch(/^stocklab-a-coffee-brand-s-store-and-warehouse-seed-coffee-slide-2-frontier-\d{4}-\d{2}-\d{2}\.png$/);
  expect(pngSize(frontier.bytes)).toEqual([1920, 1080]);
  expect(frontier.bytes.length).toBeGreaterThan(40_000);

  await page.keyboard.press('Home');
  const headline = await save(page, '.slide.current .slide-png');
  expect(headline.name).toMatch(/-slide-1-headline-[\d-]+\.png$/);
  expect(pngSize(headline.bytes)).toEqual([1920, 1080]);
  expect(headline.bytes.length).toBeGreaterThan(20_000);
  expect(app.errors).toEqual([]);
});

test('the HTML export in Present has the slides, one per printed page', async () => {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#deck-export-html')]);
  expect(download.suggestedFilename()).toMatch(/^stocklab-.+-view-\d{4}-\d{2}-\d{2}\.html$/);
  const html = await readFile(await download.path(), 'utf8');
  const slides = html.match(/<section class="slide-page" data-slide="([a-z]+)">/g) ?? [];
  expect(slides.map((slide) => /data-slide="([a-z]+)"/.exec(slide)![1])).toEqual(['headline', 'frontier', 'differences', 'chart']);
  expect(/@page\s*\{\s*size:\s*16in 9in/.test(html)).toBe(true);
  expect(/\.slide-page\s*\{[^}]*break-after:\s*page/.test(html)).toBe(true);
  // the charts inline: the frontier, and the histogram chosen for the last slide
  const charts = (html.match(/<div class="stocklab-chart chart-([a-z-]+)"><svg/g) ?? []).map((chart) => /chart-([a-z-]+)"/.exec(chart)![1]);
  expect(charts).toEqual(['frontier', 'histogram']);
  expect(/<button|<select|<input|<script/.test(html)).toBe(false);
  expect(html.includes('seed coffee')).toBe(true);

  const printed = await browser.newPage();
  try {
    await printed.setContent(html, { waitUntil: 'load' });
    const pdf = (await printed.pdf({ preferCSSPageSize: true })).toString('latin1');
    expect((pdf.match(/\/Type\s*\/Page(?!s)/g) ?? []).length).toBe(4);
  } finally {
    await printed.close();
  }
  expect(app.errors).toEqual([]);
});

test('every slide, the chart choice on the last included, has no WCAG 2.1 AA violation (axe-core)', async () => {
  const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  await page.keyboard.press('Home');
  for (let slide = 0; slide < 4; slide++) {
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(context: Document, options: unknown): Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
      const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
      return result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
    });
    expect(violations, `slide ${slide + 1}`).toEqual([]);
    await page.keyboard.press('ArrowRight');
  }
});

test('on another window shape the slide stays 16:9, letterboxed at the sides', async () => {
  await page.setViewportSize({ width: 1280, height: 600 });
  try {
    await page.waitForFunction(() => Math.abs(document.querySelector('.deck-frame')!.getBoundingClientRect().height - 600) < 1);
    const frame = (await page.locator('.deck-frame').boundingBox())!;
    expect(frame.width).toBeCloseTo((600 * 16) / 9, 0);
    expect(frame.x).toBeCloseTo((1280 - (600 * 16) / 9) / 2, 0);
  } finally {
    await page.setViewportSize({ width: 1280, height: 800 });
  }
});

test('Esc leaves: the dashboard is as before, drawn at its width, and the focus is back on Present', async () => {
  await page.keyboard.press('End');
  const presenting = await page.evaluate(() => Number(document.querySelector('#frontier svg.chart-svg')!.getAttribute('width')));
  await page.keyboard.press('Escape');
  expect(await page.getAttribute('#present', 'aria-pressed')).toBe('false');
  expect(await page.isVisible('#deck')).toBe(false);
  for (const chrome of ['.top-bar', '#side', '.result-actions', '#kpi-table', '#inventory', '#histogram']) expect(await page.isVisible(chrome), `${chrome} is shown`).toBe(true);
  expect(await sections(page)).toEqual(sectionsBefore);
  await page.waitForFunction((width) => Number(document.querySelector('#frontier svg.chart-svg')?.getAttribute('width')) < width, presenting);
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('present');
  // entered again: the chart chosen last time is still the one on the last slide
  await page.click('#present');
  await page.keyboard.press('End');
  expect(await page.isVisible('#histogram svg.chart-svg')).toBe(true);
  await page.click('.deck-leave');
  expect(await page.getAttribute('#present', 'aria-pressed')).toBe('false');
  expect(await sections(page)).toEqual(sectionsBefore);
  expect(app.errors).toEqual([]);
});

test('with a single variant, the headline is a one-line summary of its KPIs and there are no differences to show', async () => {
  await page.click('#gallery button[data-path="scenarios/02-base-stock-poisson.json"]');
  await page.waitForFunction(() => document.querySelector('#scenario-name')?.textContent === 'Single store, base-stock, Poisson demand');
  expect(await runWith(page)).toMatch(/^Done/);
  await waitForDashboard(page, ['frontier', 'inventory', 'histogram', 'network']);
  expect(await page.locator('#cards .kpi-card').count()).toBe(1);
  const variant = (await page.textContent('#cards .kpi-card-name'))!;
  await page.click('#present');
  expect(await counter(page)).toBe('1 / 3');
  const sentence = (await page.textContent('.slide.current .slide-sentence'))!;
  expect(sentence.startsWith(`${variant}: fill rate `)).toBe(true);
  expect(sentence).toMatch(/±/);
  await page.keyboard.press('End');
  expect(await currentSlide(page)).toBe('chart');
  expect(await counter(page)).toBe('3 / 3');
  const png = await save(page, '.slide.current .slide-png');
  expect(png.name).toMatch(/-slide-3-chart-[a-z]+-[\d-]+\.png$/);
  expect(pngSize(png.bytes)).toEqual([1920, 1080]);
  await page.keyboard.press('Escape');
  expect(await sections(page)).toEqual(sectionsBefore);
  expect(app.errors).toEqual([]);
});
