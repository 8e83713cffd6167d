/**
 * Step through one replication (web/stepper/stepperPanel.ts) and the orders-versus-demand-by-echelon
 * chart (web/charts/echelonChart.ts), issue 18, in Chromium: a gallery scenario run with 1 replication,
 * its replication 1 stepped a few days, played and paused, sent to a day and to the end, where the
 * numbers are the run's as the headline cards show them; the log filtered; the lanes that shipped
 * marked on the network; French; 390 and 1920 px. The echelon chart is there for a multi-echelon
 * network and absent for a single stock point.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { encodeScenarioForUrl } from '../../web/editor/shareLink.ts';
import { REPO_ROOT, runWith, waitForIdle, type AppPage } from './harness.ts';
import { browserSession } from './session.ts';

const MULTI = 'scenarios/07-multi-echelon.json';
const SINGLE = 'scenarios/02-base-stock-poisson.json';
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's WCAG 2.1 A/AA violations inside the given sections, as "rule: targets" lines (as test/browser/accessibility.test.ts runs it) */
async function violationsIn(page: Page, selectors: string[]): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (include) => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run({ include: include.map((selector) => [selector]) }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  }, selectors);
}

/** screenshots for the report (not part of the repository) */
const SHOTS = process.env.STEPPER_SHOTS ?? '';

const { open } = browserSession(async () => {
  if (SHOTS) await mkdir(SHOTS, { recursive: true });
});

async function pick(page: Page, path: string): Promise<void> {
  await page.click(`#gallery button[data-path="${path}"]`);
  await waitForIdle(page, 60_000);
}

const dayShown = (page: Page) => page.textContent('#stepper-day-shown').then((text) => text?.trim() ?? '');

/** the headline cards of the first variant, label → value as shown */
async function cardValues(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const card = document.querySelector('#cards .kpi-card')!;
    const terms = [...card.querySelectorAll('dt')].map((dt) => dt.textContent!.trim());
    const values = [...card.querySelectorAll('dd .kpi-card-value')].map((dd) => dd.textContent!.trim());
    return Object.fromEntries(terms.map((term, i) => [term, values[i]]));
  });
}

/** the step-through's KPIs at the end: label → [stepped, the run's] */
async function endValues(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll('#stepper-end-kpis tbody tr')].map((row) => [row.querySelector('th')!.textContent!.trim(), [...row.querySelectorAll('td')].map((td) => td.textContent!.trim())]),
    ),
  );
}

describe('step through a replication (multi-echelon network, 1280 px)', () => {
  let app: AppPage;
  let page: Page;
  beforeAll(async () => {
    app = await open({ width: 1280, height: 900 });
    page = app.page;
    await pick(page, MULTI);
    await runWith(page, { replications: 1 }, 60_000);
  }, 120_000);

  test('the echelon chart is shown, with both echelons in its legend and axes with units', async () => {
    expect(await page.isVisible('#echelons')).toBe(true);
    expect(await page.locator('#echelons svg .echelon').count()).toBe(2);
    const text = await page.textContent('#echelons svg');
    expect(text).toContain('orders placed');
    expect(text).toContain('demand faced');
    expect(text).toMatch(/Units per week/);
    expect(text).toMatch(/Week/);
    await page.selectOption('#echelons-period', '1');
    expect(await page.textContent('#echelons svg')).toMatch(/Units per day/);
  });

  test('Start opens replication 1 before day 1; Next day moves a day at a time, announced, in words', async () => {
    await page.selectOption('#stepper-variant', '0');
    await page.fill('#stepper-replication', '1');
    await page.click('#stepper-start');
    await page.waitForFunction(() => document.querySelector('#stepper-day-shown')?.textContent?.startsWith('Before day 1'));
    expect(await page.getAttribute('#stepper-day-shown', 'aria-live')).toBe('polite');
    // a row per stock point, as the log's filter lists them (after "All stock points")
    const rows = await page.locator('#stepper .stepper-levels-table tbody tr').count();
    expect(rows).toBeGreaterThan(1);
    expect(rows).toBe((await page.locator('#stepper-log-point option').count()) - 1);
    for (let day = 1; day <= 3; day++) {
      await page.click('#stepper-step');
      await page.waitForFunction((d) => document.querySelector('#stepper-day-shown')?.textContent?.startsWith(`Day ${d} of 365`), day);
    }
    expect(await dayShown(page)).toContain('warm-up');
    expect(await page.textContent('#stepper-today')).toMatch(/^Day 3: .+\.$/);
    expect(await page.locator('#stepper-log li').count()).toBe(3);
    expect(await page.getAttribute('#stepper-log li:first-child', 'data-day')).toBe('3');
    expect(app.errors).toEqual([]);
  });

  test('Play moves on by itself and marks the lanes that shipped; Pause stops it', async () => {
    await page.selectOption('#stepper-speed', '30');
    await page.click('#stepper-play');
    expect(await page.getAttribute('#stepper-play', 'aria-pressed')).toBe('true');
    expect(await page.getAttribute('#stepper-day-shown', 'aria-live')).toBe('off');
    await page.waitForFunction(() => document.querySelector('#stepper .lane-busy .lane-path') !== null && document.querySelector('#stepper .lane-flow') !== null, undefined, { timeout: 20_000 });
    await page.waitForFunction(() => document.querySelector('#stepper .node-receiving .node-box') !== null && document.querySelector('#stepper .node-flow') !== null, undefined, { timeout: 20_000 });
    await page.click('#stepper-play');
    expect(await page.getAttribute('#stepper-play', 'aria-pressed')).toBe('false');
    expect(await page.getAttribute('#stepper-day-shown', 'aria-live')).toBe('polite');
    const paused = await dayShown(page);
    expect(Number(/^Day (\d+)/.exec(paused)?.[1])).toBeGreaterThan(3);
    await page.waitForTimeout(400);
    expect(await dayShown(page)).toBe(paused);
    if (SHOTS) await page.locator('#stepper').screenshot({ path: join(SHOTS, 'stepper-1280.png') });
  });

  test('Go to day goes forwards and back to that day', async () => {
    await page.fill('#stepper-day', '120');
    await page.click('#stepper-go');
    await page.waitForFunction(() => document.querySelector('#stepper-day-shown')?.textContent?.startsWith('Day 120 of 365'));
    await page.fill('#stepper-day', '40');
    await page.press('#stepper-day', 'Enter');
    await page.waitForFunction(() => document.querySelector('#stepper-day-shown')?.textContent?.startsWith('Day 40 of 365'));
    expect(await page.getAttribute('#stepper-log li:first-child', 'data-day')).toBe('40');
    await page.fill('#stepper-day', '999');
    await page.click('#stepper-go');
    expect(await page.textContent('#stepper-day-error')).toBe('Type a day from 1 to 365.');
    expect(await dayShown(page)).toMatch(/^Day 40 of 365/);
  });

  test('the log filters by stock point and by kind', async () => {
    await page.selectOption('#stepper-log-kind', 'orders');
    const orders = await page.locator('#stepper-log li').allTextContents();
    expect(orders.length).toBeGreaterThan(0);
    for (const line of orders) expect(line).toMatch(/orders /);
    for (const line of orders) expect(line).not.toMatch(/ sells /);
    const label = await page.locator('#stepper-log-point option').nth(1).textContent();
    await page.selectOption('#stepper-log-point', '0');
    const place = label!.split(' · ')[0];
    for (const line of await page.locator('#stepper-log li').allTextContents()) expect(line).toContain(place);
    await page.selectOption('#stepper-log-point', 'all');
    await page.selectOption('#stepper-log-kind', 'all');
  });

  test("To the end: the numbers at the end are the run's, as the headline cards show them", async () => {
    await page.click('#stepper-end');
    await page.waitForSelector('#stepper-end-kpis:not([hidden])', { timeout: 30_000 });
    expect(await dayShown(page)).toMatch(/^Day 365 of 365 \(the replication is over\)/);
    const cards = await cardValues(page);
    const end = await endValues(page);
    expect(Object.keys(end).length).toBeGreaterThanOrEqual(3);
    for (const [label, [stepped, run]] of Object.entries(end)) {
      expect(stepped, label).toBe(cards[label]);
      expect(run, label).toBe(stepped);
    }
    expect(await page.textContent('#stepper .stepper-verdict')).toBe('The same numbers as the run.');
    expect(await page.isDisabled('#stepper-step')).toBe(true);
    expect(app.errors).toEqual([]);
  });

  test('the panel and the echelon chart have no WCAG 2.1 AA violation, and the keyboard drives the panel', async () => {
    expect(await violationsIn(page, ['#stepper', '#echelons'])).toEqual([]);
    await page.focus('#stepper-restart');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('#stepper-day-shown')?.textContent?.startsWith('Before day 1'));
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('stepper-step');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('#stepper-day-shown')?.textContent?.startsWith('Day 1 of 365'));
  });
});

describe('the echelon chart and the step-through elsewhere', () => {
  test('no echelon chart for a single stock point', async () => {
    const app = await open({ width: 1280 });
    await pick(app.page, SINGLE);
    expect(await app.page.locator('#echelons').isHidden()).toBe(true);
    expect(await app.page.locator('#echelons svg').count()).toBe(0);
    expect(app.errors).toEqual([]);
  });

  test('a long jump shows its progress and Cancel stops it; the next step runs again from the start to where it was', async () => {
    // the coffee brand over 60 years, one variant: a jump to the end takes long enough to be stopped
    const coffee = JSON.parse(await readFile(join(REPO_ROOT, 'scenarios/04-coffee-brand.json'), 'utf8')) as Record<string, unknown> & { variants: unknown[] };
    const long = { ...coffee, horizonDays: 21900, variants: coffee.variants.slice(0, 1) };
    const app = await open({ width: 1280, hash: await encodeScenarioForUrl(JSON.stringify(long, null, 2), { replications: 1 }) });
    const { page } = app;
    await page.click('#stepper-start');
    await page.waitForFunction(() => document.querySelector('#stepper-day-shown')?.textContent?.startsWith('Before day 1'));
    await page.click('#stepper-step');
    await page.waitForFunction(() => document.querySelector('#stepper-day-shown')?.textContent?.startsWith('Day 1 of 21,900'));
    await page.click('#stepper-end');
    await page.waitForSelector('#stepper-cancel:not([hidden])');
    await page.waitForFunction(() => /^Running… day [\d,]+ of 21,900/.test(document.querySelector('#stepper-day-shown')?.textContent ?? ''));
    expect(await page.isVisible('#stepper-progress')).toBe(true);
    await page.click('#stepper-cancel');
    await page.waitForSelector('#stepper-cancel', { state: 'hidden' });
    expect(await dayShown(page)).toMatch(/^Day 1 of 21,900/);
    expect(await page.textContent('#stepper .stepper-notice')).toBe('Stopped: the days shown are those run before.');
    expect(await page.isVisible('#stepper-progress')).toBe(false);
    await page.click('#stepper-step');
    await page.waitForFunction(() => document.querySelector('#stepper-day-shown')?.textContent?.startsWith('Day 2 of 21,900'));
    expect(await page.locator('#stepper-log li').count()).toBe(2);
    expect(app.errors).toEqual([]);
  });

  test('in French: the day, its sentence and the controls are French', async () => {
    const app = await open({ width: 1280, hash: '?lang=fr' });
    const { page } = app;
    // the coffee brand's variants, the first chosen
    expect(await page.locator('#stepper-variant option').count()).toBe(3);
    expect(await page.inputValue('#stepper-variant')).toBe('0');
    expect(await page.textContent('#stepper-variant option:checked')).toBe('Lean (s, S)');
    await page.click('#stepper-start');
    await page.waitForFunction(() => document.querySelector('#stepper-day-shown')?.textContent?.startsWith('Avant le jour 1'));
    await page.click('#stepper-step');
    await page.waitForFunction(() => document.querySelector('#stepper-day-shown')?.textContent?.startsWith('Jour 1 sur 365'));
    expect(await page.textContent('#stepper-today')).toMatch(/^Jour 1\u00a0: .+\.$/);
    expect(await page.textContent('#stepper-step')).toBe('Jour suivant');
    expect(await page.textContent('#stepper-title')).toBe('Pas à pas sur une réplication');
    expect(app.errors).toEqual([]);
  });

  for (const width of [390, 1920]) {
    test(`at ${width} px the panel fits the screen and works`, async () => {
      const app = await open({ width, height: 900 });
      const { page } = app;
      await page.click('#stepper-start');
      await page.waitForFunction(() => document.querySelector('#stepper-day-shown')?.textContent?.startsWith('Before day 1'));
      await page.fill('#stepper-day', '30');
      await page.click('#stepper-go');
      await page.waitForFunction(() => document.querySelector('#stepper-day-shown')?.textContent?.startsWith('Day 30 of'));
      // nothing pushes the page sideways (wide tables and the network scroll in their own boxes)
      const wide = await page.evaluate(
        (w) =>
          [...document.querySelectorAll('#stepper *')]
            .filter((e) => !e.closest('.table-scroll, .network-scroll') && e.getBoundingClientRect().right > w + 1)
            .map((e) => `${e.tagName}#${e.id}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`)
            .slice(0, 8),
        width,
      );
      expect(wide).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      const box = await page.locator('#stepper').boundingBox();
      expect(box!.x + box!.width).toBeLessThanOrEqual(width + 1);
      if (SHOTS) await page.locator('#stepper').screenshot({ path: join(SHOTS, `stepper-${width}.png`) });
      // another seed: the replication open is no longer the scenario's, and the panel says so until Start
      await page.fill('#seed', '7');
      await page.dispatchEvent('#seed', 'change');
      await page.waitForFunction(() => document.querySelector<HTMLElement>('#stepper .stepper-notice')?.hidden === false);
      expect(await page.textContent('#stepper .stepper-notice')).toMatch(/^The scenario changed/);
      await page.click('#stepper-step');
      await page.waitForFunction(() => document.querySelector('#stepper-day-shown')?.textContent?.startsWith('Day 31 of'));
      expect(await page.isVisible('#stepper .stepper-notice')).toBe(true);
      await page.click('#stepper-start');
      await page.waitForFunction(() => document.querySelector('#stepper-day-shown')?.textContent?.startsWith('Before day 1'));
      expect(await page.isVisible('#stepper .stepper-notice')).toBe(false);
      expect(app.errors).toEqual([]);
    });
  }
});

