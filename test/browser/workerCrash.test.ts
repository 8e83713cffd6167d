/**
 * A Web Worker that runs out of memory during a run (web/worker/client.ts): the page says so in words,
 * in the banner, and stays usable; never a hang or a blank. The worker is made to run out for real:
 * it allocates array buffers until the browser refuses one (an uncaught RangeError in the worker, as
 * an engine allocating a too-large series would raise).
 */
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser, Worker } from 'playwright-core';
import { launchBrowser, openApp, runWith, waitForIdle, waitForRunning, type AppPage } from './harness.ts';

let browser: Browser;
let app: AppPage;

beforeAll(async () => {
  browser = await launchBrowser();
  app = await openApp(browser, inject('stocklabUrl'));
});

afterAll(async () => {
  await app?.close();
  await browser?.close();
});

test('a worker out of memory mid-run is reported in words, and the next run works', async () => {
  const { page } = app;
  const workers: Worker[] = [];
  page.on('worker', (worker) => workers.push(worker));
  await page.fill('#replications', '400');
  await page.click('#run');
  await waitForRunning(page);
  await expect.poll(() => workers.length).toBeGreaterThan(0);
  // asked between two replications; the allocation runs on the worker's next turn, uncaught
  await workers.at(-1)!.evaluate(() => {
    setTimeout(() => {
      const held: ArrayBuffer[] = [];
      for (;;) held.push(new ArrayBuffer(2 ** 30));
    }, 0);
  });
  await waitForIdle(page, 30_000);
  const banner = page.locator('#banner');
  expect(await banner.isHidden()).toBe(false);
  expect(await banner.textContent()).toContain(
    'the run needs more memory than the browser gives a worker (Array buffer allocation failed): try fewer replications, a shorter horizon, fewer stock points, or "output": { "series": "none" }',
  );
  expect(await page.locator('#run').isDisabled()).toBe(false);
  // the failed run's workers are gone; a new run starts on fresh ones
  app.errors.splice(0);
  expect(await runWith(page, { replications: 4 })).toMatch(/^Done: 4 replications/);
  expect(await banner.isHidden()).toBe(true);
  expect(app.errors).toEqual([]);
});
