/**
 * The editor's JSON view in Chromium: a CodeMirror 6 editor (inside a shadow root, web/editor/jsonView.ts)
 * that finds text with Ctrl-F, wraps long lines, marks each problem of the scenario check as a lint
 * diagnostic on its own text and line (a value at its path; a syntax error where reading stopped),
 * lists them with their line and column, and shares the editor's undo with the forms. Every test also
 * checks that the page reported no error (a style refused by the Content-Security-Policy is one).
 */
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { downloadText, launchBrowser, openApp, type AppPage } from './harness.ts';

let browser: Browser;
let app: AppPage;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  app = await openApp(browser, inject('stocklabUrl'));
  page = app.page;
  await page.click('#editor [role="tab"]:has-text("JSON")');
  await page.locator('#editor .cm-content').waitFor();
});

afterAll(async () => {
  await app?.close();
  await browser?.close();
});

const content = () => page.locator('#editor .cm-content');

/** The scenario as Save writes it. */
async function savedText(): Promise<string> {
  return (await downloadText(page, '#save-file')).text;
}

/** Selects the first match of `text` with the search panel (Ctrl-F, Enter, Escape), as a person would. */
async function find(text: string): Promise<void> {
  await content().click();
  // from the top, so Enter finds the first match
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Control+f');
  const field = page.locator('#editor .cm-search input[name="search"]');
  await field.waitFor();
  await field.fill(text);
  // the panel reads its query on a key release, as when typed
  await field.press('End');
  await field.press('Enter');
  await field.press('Escape');
}

/** The line numbers (1-based) that carry a lint marker in the gutter, and the marked texts. */
async function diagnostics(): Promise<{ lines: number[]; marked: string[] }> {
  return page.evaluate(() => {
    const root = document.querySelector('#editor .se-code')?.shadowRoot;
    if (!root) return { lines: [], marked: [] };
    const gutter = [...root.querySelectorAll('.cm-gutter-lint .cm-gutterElement')];
    const numbers = [...root.querySelectorAll('.cm-lineNumbers .cm-gutterElement')];
    const lines: number[] = [];
    for (const element of gutter) {
      if (!element.querySelector('.cm-lint-marker-error')) continue;
      const top = element.getBoundingClientRect().top;
      const number = numbers.find((n) => Math.abs(n.getBoundingClientRect().top - top) < 2);
      if (number) lines.push(Number(number.textContent));
    }
    const marked = [...root.querySelectorAll('.cm-lintRange-error')].map((element) => element.textContent ?? '');
    return { lines, marked };
  });
}

const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

test('the JSON view is a CodeMirror editor showing the scenario, with line numbers and wrapped lines, and no error', async () => {
  expect(await page.locator('#editor .cm-editor').count()).toBe(1);
  expect(await page.locator('#editor .cm-content').getAttribute('aria-label')).toBe('Scenario as JSON');
  // the problem list under the editor describes it, across the shadow root
  expect(await page.locator('#editor .cm-content').evaluate((content) => content.ariaDescribedByElements?.map((e) => e.className))).toEqual(['se-json-issues']);
  expect(await page.locator('#editor .cm-lineWrapping').count()).toBe(1);
  expect(await page.locator('#editor .cm-lineNumbers').count()).toBe(1);
  // the coffee scenario's long description wraps: its line is several rows high, and nothing scrolls sideways
  const wide = await page.evaluate(() => {
    const scroller = document.querySelector('#editor .se-code')!.shadowRoot!.querySelector<HTMLElement>('.cm-scroller')!;
    const line = [...scroller.querySelectorAll<HTMLElement>('.cm-line')].find((l) => l.textContent?.includes('"description"'))!;
    return { overflow: scroller.scrollWidth - scroller.clientWidth, lineHeight: line.getBoundingClientRect().height };
  });
  expect(wide.overflow).toBeLessThanOrEqual(1);
  expect(wide.lineHeight).toBeGreaterThan(40);
  expect(await page.locator('#editor .se-json-ok').textContent()).toBe('No problems.');
  expect(app.errors).toEqual([]);
});

test('Ctrl-F finds text: the search panel opens and marks the matches in view', async () => {
  await content().click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Control+f');
  const field = page.locator('#editor .cm-search input[name="search"]');
  await field.waitFor();
  // the name and the description at the top both say it
  await field.fill('coffee');
  await field.press('End');
  await page.waitForFunction(() => {
    const matches = [...(document.querySelector('#editor .se-code')?.shadowRoot?.querySelectorAll('.cm-searchMatch') ?? [])].map((e) => e.textContent?.toLowerCase());
    return matches.length >= 2 && matches.every((match) => match === 'coffee');
  });
  await field.press('Escape');
  expect(await page.locator('#editor .cm-search').count()).toBe(0);
  expect(app.errors).toEqual([]);
});

test('a value typed wrongly is a diagnostic on its text and line, listed with its line; fixing it clears both and Run comes back', async () => {
  const before = await savedText();
  const line = lineOf(before, '"horizonDays": 365');
  await find('"horizonDays": 365');
  await page.keyboard.type('"horizonDays": -5');
  await page.waitForFunction(() => document.querySelector<HTMLButtonElement>('#run')?.disabled === true, undefined, { timeout: 5_000 });
  await expect.poll(diagnostics).toEqual({ lines: [line], marked: ['-5'] });
  const listed = await page.locator('#editor .se-json-issues .se-issue-link').allTextContents();
  expect(listed).toHaveLength(1);
  expect(listed[0]).toMatch(new RegExp(`^Horizon \\(days\\) \\(horizonDays\\): .*\\(line ${line}, column 18\\)$`));
  // the listed problem selects its text (and focuses the editor): typing replaces exactly it
  await page.locator('#editor .se-json-issues .se-issue-link').click();
  await page.keyboard.type('365');
  await page.waitForFunction(() => document.querySelector<HTMLButtonElement>('#run')?.disabled === false, undefined, { timeout: 5_000 });
  await expect.poll(diagnostics).toEqual({ lines: [], marked: [] });
  expect(await savedText()).toBe(before);
  expect(app.errors).toEqual([]);
});

test('a JSON syntax error is a diagnostic where reading stopped, with its line and column; undo (Ctrl+Z) takes it back', async () => {
  const before = await savedText();
  const line = lineOf(before, '"warmupDays"');
  // a missing comma after horizonDays: reading stops at the next key
  await find('365,');
  await page.keyboard.type('365');
  await page.waitForFunction(() => document.querySelector<HTMLButtonElement>('#run')?.disabled === true, undefined, { timeout: 5_000 });
  await expect.poll(async () => (await diagnostics()).lines).toEqual([line]);
  expect((await diagnostics()).marked).toEqual(['"']);
  const listed = await page.locator('#editor .se-json-issues .se-issue-link').allTextContents();
  expect(listed).toHaveLength(1);
  expect(listed[0]).toMatch(new RegExp(`^\\(file\\): .*line ${line}, column 3`));
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => document.querySelector<HTMLButtonElement>('#run')?.disabled === false, undefined, { timeout: 5_000 });
  await expect.poll(diagnostics).toEqual({ lines: [], marked: [] });
  expect(await savedText()).toBe(before);
  expect(app.errors).toEqual([]);
});

test('an edit in the forms shows in the JSON view, and a problem made there is marked on its line', async () => {
  await page.click('#editor [role="tab"]:has-text("Forms")');
  await page.locator('#editor .se-forms [data-key="products[0].unitCost"]').first().fill('-1');
  await page.click('#editor [role="tab"]:has-text("JSON")');
  await page.waitForFunction(() => document.querySelector<HTMLButtonElement>('#run')?.disabled === true, undefined, { timeout: 5_000 });
  const text = await savedText();
  expect(JSON.parse(text).products[0].unitCost).toBe(-1);
  await expect.poll(diagnostics).toEqual({ lines: [lineOf(text, '"unitCost": -1')], marked: ['-1'] });
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => document.querySelector<HTMLButtonElement>('#run')?.disabled === false, undefined, { timeout: 5_000 });
  expect(JSON.parse(await savedText()).products[0].unitCost).toBe(4.2);
  expect(app.errors).toEqual([]);
});
