/**
 * The web app's Content-Security-Policy (web/index.html) in Chromium: the policy is in force, and a
 * run, the chart exports (SVG and PNG), the results exports and the whole view (HTML) raise no
 * violation: no `securitypolicyviolation` event and no console message about the policy. The test
 * harness serves the build without headers, so this is the meta tag's policy.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { downloadText, launchBrowser, openApp, REPO_ROOT, runWith, waitForIdle, waitForRunning, type AppPage } from './harness.ts';

let browser: Browser;
let app: AppPage;
const consoleMessages: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  app = await openApp(browser, inject('stocklabUrl'), { settle: false });
  app.page.on('console', (message) => consoleMessages.push(`${message.type()}: ${message.text()}`));
  // violations from the very first load are recorded too: the listener goes in before any script runs
  await app.page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} blocked ${event.blockedURI || '(inline)'} at ${event.sourceFile}:${event.lineNumber}`));
  });
  await app.page.reload({ waitUntil: 'load' });
});

afterAll(async () => {
  await app?.close();
  await browser?.close();
});

const violations = () => app.page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
const policyMessages = () => consoleMessages.filter((message) => /Content Security Policy|Refused to/i.test(message));

describe('the Content-Security-Policy', () => {
  test('is in force: an inline script, a string run as code and a remote connection are refused, each seen as a violation', async () => {
    const { page } = app;
    const ran = await page.evaluate(async () => {
      const flags = window as unknown as Record<string, boolean>;
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.body.append(script);
      // a string timer is eval: refused by the page's policy (unlike this test's own evaluate)
      (setTimeout as unknown as (code: string, ms: number) => void)('window.__stringRan = true', 0);
      let fetched = true;
      try {
        await fetch('https://example.com/data.json');
      } catch {
        fetched = false;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
      return { inline: flags.__inlineRan ?? false, string: flags.__stringRan ?? false, fetched };
    });
    expect(ran).toEqual({ inline: false, string: false, fetched: false });
    await expect.poll(async () => (await violations()).map((line) => line.split(' ')[0]).sort()).toEqual(['connect-src', 'script-src-elem', 'script-src'].sort());
    // Chromium also says so on the console, as errors: every browser test, which fails on any console
    // error (harness.ts), fails on a violation too
    await expect.poll(() => app.errors.filter((error) => /Content Security Policy/.test(error)).length).toBeGreaterThanOrEqual(3);
    // what this test did on purpose is set aside, so the next test sees only the app's own
    await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations.splice(0));
    consoleMessages.splice(0);
    app.errors.splice(0);
  });

  test('lets the app run a scenario on its workers and export charts and results, with no violation', async () => {
    const { page } = app;
    expect(await runWith(page, { replications: 4 })).toMatch(/^Done: 4 replications/);
    const svg = await downloadText(page, '#frontier button[data-export="svg"]');
    expect(svg.name).toMatch(/^stocklab-.+-seed-.+-frontier-\d{4}-\d{2}-\d{2}\.svg$/);
    expect(svg.text).toMatch(/^<\?xml[^]*<svg[^]*style="[^"]*fill:/);
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('#inventory button[data-export="png"]')]);
    const bytes = await readFile(await png.path());
    expect(png.suggestedFilename()).toMatch(/^stocklab-.+-seed-.+-inventory-\d{4}-\d{2}-\d{2}\.png$/);
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(bytes.length).toBeGreaterThan(2000);
    expect((await downloadText(page, '#export-csv')).text).toMatch(/^scenario,seed,replications/);
    const html = (await downloadText(page, '#export-html')).text;
    expect(html).toMatch(/<svg[^>]*>[^]*style="[^"]*fill:/);
    expect(await violations()).toEqual([]);
    expect(policyMessages()).toEqual([]);
    expect(app.errors).toEqual([]);
  });

  test("lets the JSON view's code editor (CodeMirror) style itself, search and mark problems, with no violation and no <style> element", async () => {
    const { page } = app;
    await page.click('#editor [role="tab"]:has-text("JSON")');
    const content = page.locator('#editor .cm-content');
    await content.click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Control+f');
    await page.locator('#editor .cm-search input[name="search"]').waitFor();
    await page.keyboard.press('Escape');
    // a syntax error: a diagnostic, its gutter marker and its tooltip styles
    await page.keyboard.type('x');
    await page.waitForFunction(() => document.querySelector<HTMLButtonElement>('#run')?.disabled === true, undefined, { timeout: 5_000 });
    await page.locator('#editor .cm-lint-marker-error').first().waitFor();
    await page.keyboard.press('Control+z');
    await page.waitForFunction(() => document.querySelector<HTMLButtonElement>('#run')?.disabled === false, undefined, { timeout: 5_000 });
    // CodeMirror's styles are in force (a constructed sheet in its shadow root): its wrapping rule applies
    const styled = await page.evaluate(() => {
      const root = document.querySelector('#editor .se-code')?.shadowRoot;
      const line = root?.querySelector('.cm-content');
      return { sheets: root?.adoptedStyleSheets.length ?? 0, whiteSpace: line ? getComputedStyle(line).whiteSpace : '', styleElements: document.querySelectorAll('style').length };
    });
    expect(styled).toEqual({ sheets: 1, whiteSpace: 'break-spaces', styleElements: 0 });
    await page.click('#editor [role="tab"]:has-text("Forms")');
    expect(await violations()).toEqual([]);
    expect(policyMessages()).toEqual([]);
    expect(app.errors).toEqual([]);
  });
});

describe('the same policy sent as a header (as `vite preview` does, vite.config.ts)', () => {
  test('reaches the Web Workers, which run the scenario with nothing refused, in the page or in a worker', async () => {
    const html = await readFile(join(REPO_ROOT, 'web', 'index.html'), 'utf8');
    const policy = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(policy).toMatch(/^default-src 'none'; script-src 'self'; /);
    // no service worker: once the app's sw.js controls the page, the workers' scripts come from its
    // cache, which context.route never sees (Playwright's documented limit), so they came without the
    // header whenever sw.js won that race: in one full run of the suite, two files at a time, it did
    const headerApp = await openApp(browser, inject('stocklabUrl'), { settle: false, serviceWorkers: 'block' });
    try {
      const { page, context } = headerApp;
      // every violation, in the page or a worker, from the first script on, is reported to this address
      const reports: { directive: string; source: string }[] = [];
      await context.route('**/*', async (route) => {
        if (route.request().url().includes('/__csp-report')) {
          const body = JSON.parse(route.request().postData() ?? '{}')['csp-report'] ?? {};
          reports.push({ directive: String(body['violated-directive'] ?? body['effective-directive']), source: String(body['source-file'] ?? '') });
          await route.fulfill({ status: 204 });
          return;
        }
        const response = await route.fetch();
        await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': `${policy}; frame-ancestors 'none'; report-uri /__csp-report` } });
      });
      const workers: import('playwright-core').Worker[] = [];
      page.on('worker', (worker) => workers.push(worker));
      await page.reload({ waitUntil: 'load' });
      // the reload cut the first load's workers short (their scripts' requests aborted): not this test's concern
      headerApp.errors.splice(0);
      expect(await runWith(page, { replications: 6 })).toMatch(/^Done: 6 replications/);
      expect(workers.length).toBeGreaterThan(0);
      expect(headerApp.errors).toEqual([]);

      // the policy is in force inside a worker, and its violations reach the report address: a string
      // run as code there (asked during a long run, while the workers live) is refused and reported
      const before = workers.length;
      await page.fill('#replications', '400');
      await page.click('#run');
      await waitForRunning(page);
      await expect.poll(() => workers.length).toBeGreaterThan(before);
      const refused = await workers.at(-1)!.evaluate(async () => {
        const seen: string[] = [];
        self.addEventListener('securitypolicyviolation', (event) => seen.push((event as SecurityPolicyViolationEvent).violatedDirective));
        const scope = self as unknown as Record<string, boolean>;
        (setTimeout as unknown as (code: string, ms: number) => void)('self.__stringRan = true', 0);
        await new Promise((resolve) => setTimeout(resolve, 200));
        return { ran: scope.__stringRan ?? false, seen };
      });
      expect(refused).toEqual({ ran: false, seen: ['script-src'] });
      await expect.poll(() => reports.length, { timeout: 10_000 }).toBeGreaterThan(0);
      await page.click('#cancel');
      await waitForIdle(page);
      // that one, and nothing from the app itself (zod's eval probe, a style attribute...)
      expect(reports.map((report) => report.directive.split(' ')[0])).toEqual(['script-src']);
      expect(reports[0].source).not.toMatch(/\/assets\//);
    } finally {
      await headerApp.close();
    }
  });
});
