/**
 * The app in French (issue 16), in Debian's Chromium: the main road (the first screen, a run, the
 * results and the comparison, the slides, the CSV export) with no English word left on the page or in
 * its tooltips and accessible names, numbers written the French way, and the top bar's language switch
 * reloading the page in the other language with the same scenario, settings and numbers; and the Beer
 * Game mode's screens (setup, station, curtain, the facilitator's reveal, the debrief).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { KPI_NAMES } from '../../src/metrics/kpis.ts';
import { launchBrowser, openApp, REPO_ROOT, waitForIdle, type AppPage } from './harness.ts';
import { ENGLISH_WORD } from './frenchWords.ts';

let browser: Browser;
let app: AppPage;
let page: Page;
const base = () => inject('stocklabUrl');

beforeAll(async () => {
  browser = await launchBrowser();
  app = await openApp(browser, base(), { hash: '?lang=fr' });
  page = app.page;
});

afterAll(async () => {
  await app?.close();
  await browser?.close();
});

/** The titles the theory scenarios cite, in their own language (journals and books are not translated). */
const CITED_TITLES = ['Foundations of Inventory Management', 'Inventory Control', 'European Journal of Operational Research', 'Naval Research Logistics', 'Management Science', 'Operations Research', 'Fundamentals of Queueing Theory', 'Stochastic Models of Manufacturing Systems'];

/**
 * What stays as written in every language: the gallery scenarios' own names and ids (sites,
 * products, variants: the planner's data; the French stories name a variant's English name in
 * parentheses, as the app shows it), the KPI ids the stories cite (profit, fillRate) and the CLI's
 * commands (stocklab run --by stock-point).
 */
async function dataNames(): Promise<string[]> {
  const names = new Set<string>(KPI_NAMES);
  const collect = (value: unknown, key = ''): void => {
    if (Array.isArray(value)) value.forEach((item) => collect(item, key));
    else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) collect(v, k);
    else if (typeof value === 'string' && ['id', 'name', 'node', 'product', 'from', 'to', 'variant', 'nodes', 'products'].includes(key)) names.add(value);
  };
  for (const folder of ['scenarios', 'scenarios/theory', 'scenarios/classroom']) {
    for (const file of (await readdir(join(REPO_ROOT, folder))).filter((name) => name.endsWith('.json'))) {
      const scenario = JSON.parse(await readFile(join(REPO_ROOT, folder, file), 'utf8')) as Record<string, unknown>;
      names.add(file);
      collect({ nodes: scenario.nodes, products: scenario.products, variants: scenario.variants, lanes: scenario.lanes });
    }
  }
  // longest first, so "Brand shop" goes before "shop"
  return [...names].sort((a, b) => b.length - a.length);
}

/** Every piece of text a person can meet on the page (or have read out): text, tooltips, accessible names, placeholders. */
async function wordsOnPage(root = 'body', on: Page = page): Promise<string[]> {
  return on.evaluate((selector) => {
    const pieces: string[] = [];
    const top = document.querySelector(selector)!;
    const walker = document.createTreeWalker(top, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      // the JSON view's text is the file, and scripts and styles are no text
      if (!parent || parent.closest('script, style, .cm-editor, textarea')) continue;
      const text = node.textContent?.trim();
      if (text) pieces.push(text);
    }
    for (const element of [top, ...top.querySelectorAll('*')]) {
      for (const attribute of ['title', 'aria-label', 'placeholder', 'alt', 'aria-roledescription']) {
        const value = element.getAttribute(attribute)?.trim();
        if (value) pieces.push(value);
      }
    }
    return pieces;
  }, root);
}

/** A name as a whole word (not the "te" of "cette"). */
const asWord = (name: string) => new RegExp(`(?<![\\p{L}\\p{N}_])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}_])`, 'gu');

/** The pieces that still hold an English word once what stays as written is taken out: the word, in its context. */
function englishLeft(pieces: string[], names: string[]): string[] {
  const KPI_IDS = /\b[a-z]+[A-Z][A-Za-z]*\b/g; // fillRate, activeCustomers: ids the French texts keep as written
  const patterns = names.map(asWord);
  const left: string[] = [];
  for (const piece of pieces) {
    // a CSV column the scenario reads is named as in its file ("colonne units")
    // names first: a variant's name may hold an id ("serviceTarget: fill rate 95%")
    let text = piece;
    for (const pattern of patterns) text = text.replace(pattern, ' ');
    text = text.replace(KPI_IDS, ' ').replace(/stocklab [a-z]+( --[a-z-]+( [a-z-]+)?)*/g, ' ').replace(/colonne [a-z]+/g, ' ');
    for (const title of CITED_TITLES) text = text.split(title).join(' ');
    const match = ENGLISH_WORD.exec(text);
    if (match) left.push(`[${match[1]}] …${text.slice(Math.max(0, match.index - 60), match.index + 60)}…`);
  }
  return left;
}

test('on load in French: the page says it is French, the top bar, the title and the story are French, the run is done', async () => {
  expect(await page.getAttribute('html', 'lang')).toBe('fr');
  expect(await page.textContent('#run')).toBe('Lancer');
  expect(await page.textContent('#scenario-name')).toBe('Le magasin et l’entrepôt d’une marque de café');
  expect(await page.textContent('#scenario-description .scenario-look-at')).toMatch(/^À regarder\u00a0?:\s*Regardez fillRate/);
  expect(await page.textContent('#status')).toMatch(/^Terminé\u00a0: 20 réplications en /);
  expect(await page.inputValue('#language')).toBe('fr');
  expect(app.errors).toEqual([]);
});

test('numbers are written the French way: decimal comma, grouped thousands, a space before % and the euro sign after', async () => {
  // line breaks between the cards' parts only: \s would take the no-break spaces French writes
  const cards = (await page.locator('#cards').innerText()).replace(/\n+/g, ' ');
  expect(cards).toMatch(/\d,\d+\u00a0%/);
  expect(cards).toMatch(/\d[\u202f\u00a0]\d{3}(,\d+)? €/);
  const everything = (await wordsOnPage('#dashboard')).join('\n');
  // no English thousands in money (22,515 EUR: French writes 22 515 EUR, or 0,25 EUR) and no decimal point between digits
  expect(everything.match(/\d,\d{3}(?!\d)[\u00a0\u202f ]?(EUR|€)/g) ?? []).toEqual([]);
  expect(everything).not.toMatch(/\d[\u00a0\u202f ]EUR/);
  expect(everything.match(/\d\.\d/g) ?? []).toEqual([]);
});

test('the main road leaves no English: the page, the comparison, the drawer, the tooltips and names read out', async () => {
  const names = await dataNames();
  expect(englishLeft(await wordsOnPage(), names)).toEqual([]);
  // the comparison speaks French
  expect(await page.locator('#comparison .comparison-sentence').first().textContent()).toMatch(/^Par rapport à /);
});

test('the slides are French, then Esc gives the dashboard back', async () => {
  const names = await dataNames();
  await page.click('#present');
  await page.waitForSelector('#deck .slide.current');
  expect(await page.textContent('.deck-title')).toBe('Le magasin et l’entrepôt d’une marque de café');
  const seen: string[] = [];
  const slides = await page.locator('#deck .slide').count();
  for (let index = 0; index < slides; index++) {
    seen.push(...(await wordsOnPage('#deck')));
    await page.keyboard.press('ArrowRight');
  }
  await page.keyboard.press('Escape');
  expect(await page.isVisible('#deck')).toBe(false);
  expect(englishLeft(seen, names)).toEqual([]);
});

test('the results CSV is the French dialect: semicolons between fields, decimal commas in numbers', async () => {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
  const text = await readFile((await download.path())!, 'utf8');
  const [header, first] = text.split(/\r?\n/);
  expect(header.split(';').length).toBeGreaterThan(3);
  expect(header).not.toContain(',');
  expect(first).toMatch(/;\d+,\d+(;|$)/);
});

test('the language switch reloads in English with the same scenario, settings and numbers, and back in French with an edited seed', async () => {
  const frenchFillRate = (await page.locator('#cards .kpi-card-value').first().innerText()).trim();
  await Promise.all([page.waitForNavigation(), page.selectOption('#language', 'en')]);
  await waitForIdle(page);
  expect(await page.getAttribute('html', 'lang')).toBe('en');
  expect(await page.textContent('#run')).toBe('Run');
  expect(await page.textContent('#scenario-name')).toBe("A coffee brand's store and warehouse");
  expect(await page.getAttribute('[aria-current="true"]', 'title')).toMatch(/^A coffee roaster/);
  const englishFillRate = (await page.locator('#cards .kpi-card-value').first().innerText()).trim();
  // the same run: 92,43 % in French is 92.43% in English
  expect(englishFillRate.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.')).toBe(frenchFillRate.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.'));
  expect(new URL(page.url()).searchParams.get('lang')).toBe('en');

  // an edited seed comes back, and runs
  await page.fill('#seed', '7');
  await page.click('#run');
  await waitForIdle(page);
  const seven = (await page.locator('#cards .kpi-card-value').first().innerText()).trim();
  await Promise.all([page.waitForNavigation(), page.selectOption('#language', 'fr')]);
  await waitForIdle(page);
  expect(await page.inputValue('#seed')).toBe('7');
  expect(await page.textContent('#run')).toBe('Lancer');
  const sevenInFrench = (await page.locator('#cards .kpi-card-value').first().innerText()).trim();
  expect(sevenInFrench.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.')).toBe(seven.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.'));
  expect(app.errors).toEqual([]);
});

test('the analysis panels in French: values typed with decimal commas and semicolons, results and verdicts in French', async () => {
  const names = await dataNames();
  await page.click('[data-path="scenarios/03-rq-poisson.json"]');
  await waitForIdle(page);
  await page.fill('#replications', '2');

  // a sweep whose values are a French list
  await page.selectOption('#sweep-param-1', 'reorderPoint');
  await page.fill('#sweep-values-1', '6 ; 10 ; 14');
  await page.selectOption('#sweep-param-2', '');
  await page.click('#sweep-run');
  await page.waitForFunction(() => document.querySelector('#sweep-heatmap svg, #sweep svg') !== null, undefined, { timeout: 60_000 });
  await waitForIdle(page, 60_000);
  expect(await page.textContent('#status')).toMatch(/^Terminé/);

  // an optimisation with a floor written with a decimal comma
  await page.selectOption('#optimize-param-1', 'reorderPoint');
  await page.fill('#optimize-values-1', '6 ; 10');
  await page.selectOption('#optimize-param-2', 'orderQuantity');
  await page.fill('#optimize-values-2', '10 ; 20');
  await page.selectOption('#optimize-floor-kpi', 'fillRate');
  await page.fill('#optimize-floor', '0,5');
  await page.click('#optimize-run');
  await page.waitForFunction(() => (document.querySelector('#optimize-sentence')?.textContent ?? '') !== '', undefined, { timeout: 60_000 });
  await waitForIdle(page, 60_000);
  expect(await page.getAttribute('#optimize-floor', 'aria-invalid')).not.toBe('true');

  // a sensitivity analysis
  await page.click('#sensitivity-run');
  await page.waitForFunction(() => document.querySelector('#sensitivity svg') !== null, undefined, { timeout: 60_000 });
  await waitForIdle(page, 60_000);

  for (const section of ['#sweep', '#optimize', '#sensitivity', '#status']) expect(englishLeft(await wordsOnPage(section), names), section).toEqual([]);
  expect(app.errors).toEqual([]);
}, 240_000);

test('a classroom lesson in French: the gallery group, the story, the question, what to try and the debrief leave no English', async () => {
  const names = await dataNames();
  expect(await page.textContent('#gallery-group-classroom')).toBe('En classe');
  for (const path of ['scenarios/classroom/customers-lost.json', 'scenarios/classroom/service-cost-frontier.json', 'scenarios/classroom/beer-game.json']) {
    await page.click(`#gallery button[data-path="${path}"]`);
    await waitForIdle(page, 60_000);
    await page.click('#scenario-lesson .lesson-debrief summary');
    expect(await page.isVisible('#scenario-lesson .lesson-debrief p'), path).toBe(true);
    for (const section of ['#scenario-lesson', '#scenario-description', '#gallery-group-classroom']) expect(englishLeft(await wordsOnPage(section), names), `${path} ${section}`).toEqual([]);
  }
  expect(app.errors).toEqual([]);
}, 120_000);

test('the Beer Game in French: the setup, a station with its timer, the curtain and what it announces, the reveal and the debrief leave no English', async () => {
  const names = await dataNames();
  const game = await openApp(browser, base(), { hash: '?lang=fr&play=beer-game', settle: false });
  const on = game.page;
  const weeks = (count: number, then = 8) => Array.from({ length: count }, (_, i) => (i < 4 ? 4 : then));
  const team = ['retailer', 'wholesaler', 'distributor', 'factory'];
  const resume = async (saved: Record<string, unknown>, selector: string) => {
    await on.evaluate((data) => localStorage.setItem('stocklab.beerGame.v1', JSON.stringify({ version: 1, paused: false, revealed: false, timerSeconds: null, ...data })), saved);
    await on.reload();
    await on.waitForSelector(selector);
  };
  const seen: Record<string, string[]> = {};
  const look = async (screen: string, ...more: string[]) => (seen[screen] = [...(await wordsOnPage('#beer-game', on)), ...more]);
  try {
    await on.waitForSelector('#beer-setup');
    await on.check('input[name="beer-mode"][value="hotSeat"]');
    await on.check('#beer-timer-on');
    await look('setup');
    // a station with its timer, then paused by the facilitator
    await resume({ mode: 'single', humans: ['retailer'], others: 'sterman', timerSeconds: 60, orders: { retailer: weeks(7) } }, '#beer-station');
    await look('station');
    await on.click('#beer-pause');
    await look('station, paused');
    await on.click('#beer-pause');
    // a team: the curtain, a station, an order placed, the next curtain and what it announces
    await resume({ mode: 'hotSeat', humans: team, others: 'sterman', orders: { retailer: weeks(5), wholesaler: weeks(5), distributor: weeks(5), factory: weeks(5) } }, '#beer-curtain');
    await look('curtain');
    await on.click('#beer-ready');
    await on.waitForSelector('#beer-station');
    await on.fill('#beer-order-input', '9');
    await on.press('#beer-order-input', 'Enter');
    await on.waitForSelector('#beer-curtain');
    expect(await on.textContent('#beer-announce')).toBe('Détaillant, semaine 6\u00a0: commande de 9\u00a0caisses. Passez l’écran au maillon Grossiste.');
    await look('curtain after an order');
    await on.click('#beer-reveal');
    await on.waitForSelector('#beer-board:not([hidden]) svg');
    await look('reveal');
    // the debrief, its chart's week cursor and a line's tooltip
    await resume({ mode: 'single', humans: ['retailer'], others: 'sterman', orders: { retailer: weeks(36) } }, '#beer-debrief:not([hidden]) svg');
    await on.focus('#beer-chart .cursor-overlay');
    await on.keyboard.press('ArrowRight');
    const cursor = (await on.getAttribute('#beer-chart .cursor-overlay', 'aria-valuetext')) ?? '';
    expect(cursor).toMatch(/^Semaine 2\u00a0?; Détaillant, semaine 2\u00a0: commande 4/);
    await look('debrief', cursor, (await on.textContent('#beer-chart .chart-tooltip')) ?? '');
    for (const [screen, pieces] of Object.entries(seen)) expect(englishLeft(pieces, names), screen).toEqual([]);
    expect(game.errors).toEqual([]);
  } finally {
    await game.close();
  }
}, 120_000);
