/**
 * Accessibility of the main screens in Chromium, checked by axe-core against WCAG 2.1 A and AA: the
 * first screen after the default run (1280×800), the editor's forms with every section unfolded, the
 * presentation layout ("Present"), the Import data wizard open, and a phone (390 px wide) with the
 * drawer open. A failure lists each violation (rule, the elements it found, axe's summary), so it can
 * be fixed at its source. Also the keyboard: the skip link is the first stop of Tab and leads to the
 * results; the gallery is reached with Tab, filtered as one types, and Enter opens a scenario.
 *
 * axe-core runs inside the page. The page's Content-Security-Policy (web/index.html) forbids inline
 * scripts, so its source is not added as a <script>: it is evaluated through the DevTools protocol
 * (page.evaluate with a string), which the policy does not govern — the app's own policy stays on,
 * so the check sees the page as a person does.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openApp, waitForDashboard, waitForIdle, type AppPage } from './harness.ts';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary: string }[];
}

/** Runs axe-core on the whole document and returns its WCAG 2.1 A/AA violations. */
async function audit(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(context: Document, options: unknown): Promise<{ violations: Violation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.map((node) => ({ target: node.target.map(String), failureSummary: node.failureSummary })),
    }));
  }, WCAG_21_AA);
}

/** Violations as lines a person can act on: rule, help, then each element and why. */
function describeViolations(violations: Violation[]): string {
  return violations
    .map((violation) => {
      const nodes = violation.nodes
        .slice(0, 12)
        .map((node) => `    ${node.target.join(' ')}\n      ${node.failureSummary.replace(/\n\s*/g, ' | ')}`)
        .join('\n');
      const more = violation.nodes.length > 12 ? `\n    … and ${violation.nodes.length - 12} more` : '';
      return `${violation.id} (${violation.impact}, ${violation.nodes.length} element(s)): ${violation.help}\n${nodes}${more}`;
    })
    .join('\n');
}

async function expectNoViolations(page: Page, screen: string): Promise<void> {
  const violations = await audit(page);
  const count = violations.reduce((sum, violation) => sum + violation.nodes.length, 0);
  if (process.env.STOCKLAB_AXE_LOG) console.log(`[axe] ${screen}: ${violations.length} rule(s), ${count} element(s)\n${describeViolations(violations)}`);
  expect(violations.length === 0 ? '' : `${screen}: ${count} violation(s)\n${describeViolations(violations)}`).toBe('');
}

/** Lets the charts lay out and transitions end before a check of colours. */
const settle = (page: Page) => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 400)))));

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('at 1280×800', () => {
  let app: AppPage;
  let page: Page;

  beforeAll(async () => {
    app = await openApp(browser, inject('stocklabUrl'));
    page = app.page;
    await waitForDashboard(page);
    await settle(page);
  });

  afterAll(async () => {
    await app?.close();
  });

  test('the first screen after the default run has no WCAG 2.1 AA violation', async () => {
    await expectNoViolations(page, 'first screen');
    expect(app.errors).toEqual([]);
  });

  test('the skip link is the first Tab stop, shows when focused, and leads to the results', async () => {
    await page.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      window.scrollTo(0, 0);
    });
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement;
      const box = element.getBoundingClientRect();
      return { className: element.className, href: element.getAttribute('href'), text: element.textContent, width: box.width, top: box.top };
    });
    expect(focused.className).toContain('skip-link');
    expect(focused.href).toBe('#dashboard');
    expect(focused.text?.trim()).not.toBe('');
    expect(focused.width).toBeGreaterThan(10);
    expect(focused.top).toBeGreaterThanOrEqual(0);
    const hash = await page.evaluate(() => location.hash);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('dashboard');
    // the address bar keeps what it had (a shared link's #s=… is not replaced by #dashboard)
    expect(await page.evaluate(() => location.hash)).toBe(hash);
  });

  test('every control shows a focus ring when reached with the keyboard', async () => {
    // Tab through the top bar and the left panel (search box, gallery items, editor): each stop draws a solid ring
    await page.focus('.skip-link');
    const missing: string[] = [];
    const reached = new Set<string>();
    for (let stop = 0; stop < 70; stop++) {
      await page.keyboard.press('Tab');
      const ring = await page.evaluate(() => {
        const element = document.activeElement as HTMLElement;
        const style = getComputedStyle(element);
        const name = `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${[...element.classList].map((c) => `.${c}`).join('')}`;
        // Chromium's own ring (auto, 1 px, a light blue) is too faint on the panel's grey: ask for a solid one
        return { name, ring: style.outlineStyle === 'solid' && parseFloat(style.outlineWidth) >= 2 };
      });
      if (!ring.ring) missing.push(ring.name);
      reached.add(ring.name.split('.')[0]);
    }
    // the stops included the top bar's inputs, the gallery's search and items and the editor's tabs
    for (const name of ['input#replications', 'button#run', 'input#gallery-search', 'button']) expect([...reached]).toContain(name);
    expect(reached.size).toBeGreaterThan(5);
    expect(missing).toEqual([]);
  });

  test('the gallery is grouped, filters as one types with a live count, and Enter opens a scenario', async () => {
    const headings = await page.locator('#gallery h3').allTextContents();
    expect(headings).toEqual(['Business cases', 'Classroom', 'Theory (textbook models)']);
    const total = await page.locator('#gallery .gallery-item').count();
    const search = page.getByLabel(/search scenarios/i);
    await search.fill('newsvendor');
    await page.waitForFunction(() => [...document.querySelectorAll<HTMLElement>('#gallery .gallery-item')].some((item) => item.hidden));
    const shown = await page.locator('#gallery .gallery-item:visible').count();
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(total);
    const count = page.locator('#gallery-count');
    expect(await count.getAttribute('aria-live')).toBe('polite');
    expect(await count.textContent()).toBe(`${shown} of ${total} scenarios`);
    // Tab from the search box reaches the first match; Enter opens it
    await search.focus();
    await page.keyboard.press('Tab');
    const path = await page.evaluate(() => (document.activeElement as HTMLElement).dataset.path);
    expect(path).toMatch(/newsvendor/);
    await page.keyboard.press('Enter');
    await page.waitForFunction((path) => document.querySelector(`.gallery-item[data-path="${path}"]`)?.getAttribute('aria-current') === 'true', path);
    await waitForIdle(page);
    // every word must match, in any case and without accents; ↓ goes from the box to the first match
    await search.fill('NEWSVENDOR poisson');
    expect(await page.locator('#gallery .gallery-item:visible').count()).toBeGreaterThan(0);
    expect(await page.locator('#gallery .gallery-item:visible').count()).toBeLessThan(shown);
    const firstMatch = await page.locator('#gallery .gallery-item:visible').first().getAttribute('data-path');
    await search.press('ArrowDown');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.path)).toBe(firstMatch);
    // no match says so; Escape in the box clears it and every scenario is back
    await search.fill('zzz-no-such-scenario');
    expect(await count.textContent()).toMatch(/^No scenario matches/);
    expect(await page.locator('#gallery h3:visible').count()).toBe(0);
    await search.press('Escape');
    expect(await search.inputValue()).toBe('');
    expect(await count.textContent()).toBe(`${total} scenarios`);
    expect(await page.locator('#gallery .gallery-item:visible').count()).toBe(total);
    expect(app.errors).toEqual([]);
  });

  test('a classroom lesson: its question, what to try and the debrief (opened from the keyboard) pass axe', async () => {
    await page.click('#gallery button[data-path="scenarios/classroom/newsvendor.json"]');
    await waitForIdle(page);
    // the debrief's summary is a keyboard stop; Enter unfolds it
    await page.focus('#scenario-lesson .lesson-debrief summary');
    await page.keyboard.press('Enter');
    expect(await page.getAttribute('#scenario-lesson details.lesson-debrief', 'open')).not.toBeNull();
    await settle(page);
    await expectNoViolations(page, 'a classroom lesson, debrief open');
    expect(app.errors).toEqual([]);
  });
});

describe('screens opened from the first one (1280×800)', () => {
  let app: AppPage;
  let page: Page;

  beforeAll(async () => {
    app = await openApp(browser, inject('stocklabUrl'));
    page = app.page;
    await waitForDashboard(page);
  });

  afterAll(async () => {
    await app?.close();
  });

  test('the editor, its forms with every section unfolded, has no WCAG 2.1 AA violation', async () => {
    await page.click('#editor .se-tab[id$="-tab-forms"]');
    await page.evaluate(() => {
      for (const details of document.querySelectorAll<HTMLDetailsElement>('#editor details')) details.open = true;
    });
    await settle(page);
    await expectNoViolations(page, 'editor (forms)');
  });

  test('the presentation layout has no WCAG 2.1 AA violation', async () => {
    await page.click('#present');
    try {
      expect(await page.getAttribute('#present', 'aria-pressed')).toBe('true');
      await settle(page);
      await expectNoViolations(page, 'Present');
    } finally {
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => document.querySelector('#present')?.getAttribute('aria-pressed') === 'false');
    }
  });

  test('the Import data wizard, empty and with a file read, has no WCAG 2.1 AA violation', async () => {
    await page.click('#import-data');
    await page.waitForSelector('#import-dialog[open]');
    try {
      await settle(page);
      await expectNoViolations(page, 'Import data wizard');
      // with a sales history read: the preview, the column roles and the options
      const csv = readFileSync(new URL('../../scenarios/data/store-history.csv', import.meta.url));
      await page.setInputFiles('#import-demand', { name: 'store-history.csv', mimeType: 'text/csv', buffer: csv });
      await page.waitForSelector('#import-dialog .import-mapping:not([hidden])', { timeout: 30_000 });
      await settle(page);
      await expectNoViolations(page, 'Import data wizard, a file read');
    } finally {
      await page.keyboard.press('Escape');
    }
    expect(app.errors).toEqual([]);
  });
});

test('at 390 px wide, with the drawer open, there is no WCAG 2.1 AA violation', async () => {
  const app = await openApp(browser, inject('stocklabUrl'), { width: 390, height: 844 });
  try {
    await waitForDashboard(app.page);
    await app.page.click('#drawer-toggle');
    await app.page.waitForFunction(() => document.querySelector('#drawer-toggle')?.getAttribute('aria-expanded') === 'true');
    await settle(app.page);
    await expectNoViolations(app.page, '390 px, drawer open');
    expect(app.errors).toEqual([]);
  } finally {
    await app.close();
  }
});

describe('the Beer Game mode (web/classroom/)', () => {
  const weeks = (count: number, then = 8) => Array.from({ length: count }, (_, i) => (i < 4 ? 4 : then));
  const team = ['retailer', 'wholesaler', 'distributor', 'factory'];
  /** opens a saved game (as web/classroom/beerGameStore.ts keeps it) and waits for its screen */
  async function resume(page: Page, game: Record<string, unknown>, selector: string): Promise<void> {
    await page.evaluate((saved) => localStorage.setItem('stocklab.beerGame.v1', JSON.stringify({ version: 1, paused: false, revealed: false, timerSeconds: null, ...saved })), game);
    await page.reload();
    await page.waitForSelector(selector);
    await settle(page);
  }

  for (const size of [
    { width: 1280, height: 800 },
    { width: 390, height: 844 },
  ]) {
    test(`at ${size.width} px, the setup, a station with its timer, the curtain, the facilitator's reveal and the debrief have no WCAG 2.1 AA violation`, async () => {
      const app = await openApp(browser, inject('stocklabUrl'), { ...size, hash: '?play=beer-game', settle: false });
      const { page } = app;
      try {
        await page.waitForSelector('#beer-setup');
        await page.check('input[name="beer-mode"][value="hotSeat"]');
        await page.check('#beer-timer-on');
        await settle(page);
        await expectNoViolations(page, 'Beer Game: setup');
        await resume(page, { mode: 'single', humans: ['retailer'], others: 'sterman', timerSeconds: 60, orders: { retailer: weeks(7) } }, '#beer-station');
        await expectNoViolations(page, 'Beer Game: a station');
        await page.click('#beer-pause');
        await expectNoViolations(page, 'Beer Game: a station, paused');
        await page.click('#beer-pause');
        await resume(page, { mode: 'hotSeat', humans: team, others: 'sterman', orders: { retailer: weeks(6, 9), wholesaler: weeks(5), distributor: weeks(5), factory: weeks(5) } }, '#beer-curtain');
        await expectNoViolations(page, 'Beer Game: the curtain');
        await page.click('#beer-reveal');
        await page.waitForSelector('#beer-board:not([hidden]) svg');
        await settle(page);
        await expectNoViolations(page, 'Beer Game: every station revealed');
        await resume(page, { mode: 'single', humans: ['retailer'], others: 'sterman', orders: { retailer: weeks(36) } }, '#beer-debrief:not([hidden]) svg');
        await expectNoViolations(page, 'Beer Game: the debrief');
        // the chart's week cursor, reached with the keyboard, shows its tooltip and stays clean
        await page.focus('#beer-chart .cursor-overlay');
        await page.keyboard.press('ArrowRight');
        await expectNoViolations(page, 'Beer Game: the debrief, week cursor focused');
        expect(app.errors).toEqual([]);
      } finally {
        await app.close();
      }
    }, 90_000);
  }
});
