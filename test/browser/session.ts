import { afterAll, beforeAll, inject } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openApp, type AppPage, type OpenOptions } from './harness.ts';

/** A test file's Chromium and the app's address, and the pages it opens, all closed after its tests. */
export interface BrowserSession {
  /** the file's browser (launched before its tests) */
  browser(): Browser;
  /** the app's address, as the global set-up serves it */
  url(): string;
  /** opens the app in a page of its own, closed with the browser after the file's tests */
  open(options?: OpenOptions): Promise<AppPage>;
}

/**
 * The set-up every browser test file repeats, in one call at its top level: launch Chromium before its
 * tests; close every page it opened, then the browser, after them. `setUp` runs once the browser is up.
 */
export function browserSession(setUp?: () => Promise<void>): BrowserSession {
  let launched: Browser | undefined;
  const pages: AppPage[] = [];
  beforeAll(async () => {
    launched = await launchBrowser();
    await setUp?.();
  });
  afterAll(async () => {
    for (const app of pages) await app.close();
    await launched?.close();
  });
  const browser = (): Browser => {
    if (launched === undefined) throw new Error('browserSession: the browser is launched in beforeAll, before the tests');
    return launched;
  };
  return {
    browser,
    url: () => inject('stocklabUrl'),
    async open(options = {}) {
      const app = await openApp(browser(), inject('stocklabUrl'), options);
      pages.push(app);
      return app;
    },
  };
}
