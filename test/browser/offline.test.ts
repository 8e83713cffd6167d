/**
 * The built app offline (issue 18), in Chromium: the build every browser test file shares
 * (test/browser/globalSetup.ts: the repository's vite.config.ts, so with sw.js), copied into a folder
 * of this file's own, as its last test changes the build, and served by a static server of its own under a sub-path
 * (/stocklab/, as GitHub Pages serves a project), with GitHub Pages' ten-minute cache headers. The
 * first visit says the app works offline once its service worker has saved it; then the server stops
 * answering (it counts and drops every request) and the browser goes offline, and a reload opens the
 * default scenario and runs it, a gallery scenario with a bundled CSV history opens and runs, and a
 * shared link opens in French. Last, a new deploy (a changed index.html, sw.js written again) is
 * offered with Reload, which brings in the new version with the scenario as it was.
 *
 * Playwright's setOffline covers the pages but, in some Chromium versions, not a service worker's own
 * requests: the stopped server is what proves nothing came from the network (it must see no request
 * at all while down), and each reload's response must say it came from the service worker.
 */
import { createServer, type Server } from 'node:http';
import { cp, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { app as english } from '../../web/i18n/en/app.ts';
import { app as french } from '../../web/i18n/fr/app.ts';
import { frenchScenarioText } from '../../web/i18n/fr/scenarios.ts';
import { SERVICE_WORKER_FILE, writeServiceWorker } from '../../scripts/serviceWorkerPlugin.ts';
import { BUILD_STATUS_PATH, launchBrowser, MIME, openApp, REPO_ROOT, runWith, waitForBuild, waitForIdle, type AppPage } from './harness.ts';

const SUB_PATH = '/stocklab/';
const MULTI_ECHELON = 'scenarios/07-multi-echelon.json';
const coffee = JSON.parse(await readFile(join(REPO_ROOT, 'scenarios/04-coffee-brand.json'), 'utf8')) as { name: string };

let dir: string;
let server: Server;
let base: string;
let browser: Browser;
let app: AppPage;
let page: Page;
/** while false, the server answers nothing: it records the request and drops the connection */
let up = true;
const requestsWhileDown: string[] = [];

beforeAll(async () => {
  const started = performance.now();
  dir = await mkdtemp(join(tmpdir(), 'stocklab-offline-'));
  // the shared build (built on first request, if no other file has asked yet), copied: building it
  // again for this file took 8 to 9 s of the suite
  await waitForBuild(inject('stocklabUrl'));
  await cp(inject('stocklabBuildDir'), dir, { recursive: true });
  console.log(`offline.test: copied the shared build in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (!up) {
      requestsWhileDown.push(url.pathname);
      request.socket.destroy();
      return;
    }
    void (async () => {
      // the harness's openApp asks whether the app is built
      if (url.pathname === BUILD_STATUS_PATH) return void response.writeHead(200).end('built');
      const path = normalize(join(dir, decodeURIComponent(url.pathname.slice(SUB_PATH.length))));
      if (!url.pathname.startsWith(SUB_PATH) || (path !== dir && !path.startsWith(dir + sep))) return void response.writeHead(404).end();
      try {
        const file = (await stat(path)).isDirectory() ? join(path, 'index.html') : path;
        const body = await readFile(file);
        response.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream', 'cache-control': 'max-age=600' }).end(body);
      } catch {
        response.writeHead(404).end();
      }
    })();
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}${SUB_PATH}`;
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await app?.close();
  await browser?.close();
  server?.closeAllConnections();
  await new Promise((closed) => server?.close(closed));
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** The caches of the app's service worker, each with the addresses it holds (relative to the app). */
const appCaches = (page: Page) =>
  page.evaluate(async () => {
    const found: Record<string, string[]> = {};
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      found[name] = (await cache.keys()).map((request) => request.url.replace(new URL('.', location.href).href, '')).sort();
    }
    return found;
  });

const precached = async () => JSON.parse(/const PRECACHE = (\{[\s\S]*?\});/.exec(await readFile(join(dir, SERVICE_WORKER_FILE), 'utf8'))![1]) as { version: string; files: string[] };

describe('the built app offline, under a sub-path', () => {
  test('the first visit opens and runs the default scenario, then says the app works offline', async () => {
    // the notice is a passing one: look for it before the first run ends
    app = await openApp(browser, base, { settle: false });
    page = app.page;
    // the worker has saved every file of the build and serves this page already (it claims it)
    await page.waitForSelector('#app-notice .app-notice', { timeout: 30_000 });
    expect(await page.textContent('#app-notice')).toBe(english.offline.ready);
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(`${base}sw.js`);
    // it lets clicks through to what is under it
    expect(await page.$eval('#app-notice .app-notice', (notice) => getComputedStyle(notice).pointerEvents)).toBe('none');
    await waitForIdle(page);
    expect(await page.textContent('#scenario-name')).toBe(coffee.name);
    expect(await page.textContent('#status')).toMatch(/^Done: 20 replications/);
    const { version, files } = await precached();
    expect(files).toContain('index.html');
    expect(files.some((file) => /^assets\/sim\.worker-.*\.js$/.test(file))).toBe(true);
    expect(await appCaches(page)).toEqual({ [`stocklab ${base} ${version}`]: files });
    expect(app.errors).toEqual([]);
  });

  test('with the server down and the browser offline, a reload opens the default scenario and runs it', async () => {
    up = false;
    await app.context.setOffline(true);
    const reloaded = await page.reload({ waitUntil: 'load' });
    expect(reloaded?.fromServiceWorker()).toBe(true);
    await waitForIdle(page);
    expect(await page.textContent('#scenario-name')).toBe(coffee.name);
    expect(await page.textContent('#status')).toMatch(/^Done: 20 replications/);
    expect(await page.locator('#kpi-table tbody tr').count()).toBeGreaterThan(5);
    // and runs again, on fresh workers whose scripts come from the cache
    expect(await runWith(page, { replications: 3, seed: 11 })).toMatch(/^Done: 3 replications/);
    // no "works offline" notice again: it is news once
    expect(await page.locator('#app-notice .app-notice').count()).toBe(0);
    expect(requestsWhileDown).toEqual([]);
    expect(app.errors).toEqual([]);
  });

  test('offline, a gallery scenario with a bundled CSV history runs, and its shared link opens in French', async () => {
    await page.click(`#gallery button[data-path="${MULTI_ECHELON}"]`);
    await waitForIdle(page);
    expect(await page.textContent('#status')).toMatch(/^Done: 10 replications/);
    await page.fill('#seed', '7');
    await page.click('#share');
    const link = new URL(page.url()).hash;
    expect(link).toMatch(/^#s=/);
    const opened = await page.goto(`${base}?lang=fr${link}`, { waitUntil: 'load' });
    expect(opened?.fromServiceWorker()).toBe(true);
    await waitForIdle(page);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    expect(await page.textContent('#scenario-name')).toBe(frenchScenarioText(MULTI_ECHELON)?.name);
    expect(await page.inputValue('#seed')).toBe('7');
    expect(await page.textContent('#status')).toMatch(/^Terminé/);
    expect(requestsWhileDown).toEqual([]);
    expect(app.errors).toEqual([]);
  });

  test('a new deploy is offered with Reload, which brings it in with the scenario as it was and drops the old cache', async () => {
    const old = await precached();
    // the new deploy: another index.html, and sw.js written again as `npm run build` writes it
    const index = join(dir, 'index.html');
    await writeFile(index, (await readFile(index, 'utf8')).replace('<head>', '<head>\n    <meta name="stocklab-test-deploy" content="2" />'));
    const next = await writeServiceWorker(dir);
    expect(next.version).not.toBe(old.version);
    expect(next.files).toEqual(old.files);

    up = true;
    await app.context.setOffline(false);
    // what a navigation or the hourly check does: ask the server for sw.js
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((registration) => registration?.update()));
    await page.waitForSelector('#app-notice .app-notice button', { timeout: 30_000 });
    expect(await page.textContent('#app-notice span')).toBe(french.offline.update);
    expect(await page.locator('#app-notice button').allTextContents()).toEqual([french.offline.reload, french.offline.later]);
    // the old version still serves the page meanwhile
    expect(await page.locator('meta[name="stocklab-test-deploy"]').count()).toBe(0);

    await Promise.all([page.waitForEvent('load', { timeout: 30_000 }), page.click(`#app-notice button:has-text("${french.offline.reload}")`)]);
    expect(await page.locator('meta[name="stocklab-test-deploy"]').count()).toBe(1);
    await waitForIdle(page);
    // the carry-over: the same scenario and seed, run again
    expect(await page.textContent('#scenario-name')).toBe(frenchScenarioText(MULTI_ECHELON)?.name);
    expect(await page.inputValue('#seed')).toBe('7');
    expect(await page.textContent('#status')).toMatch(/^Terminé/);
    expect(await page.locator('#app-notice .app-notice').count()).toBe(0);
    expect(await appCaches(page)).toEqual({ [`stocklab ${base} ${next.version}`]: next.files });
    expect(app.errors).toEqual([]);
  });
});
