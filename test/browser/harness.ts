/**
 * Real-browser harness for the web app: builds it with Vite's JS API into a temporary folder (the
 * repository is not written), serves the build over HTTP on a free port, and drives Debian's headless
 * Chromium through playwright-core, collecting console and page errors so every test can assert there
 * are none. Used by the browser tests (test/browser/) and by scripts/screenshot.ts.
 *
 * One build is shared by all browser test files: test/browser/globalSetup.ts starts the server in
 * vitest's main process and provides its address; the build starts on the first request, so a test
 * run without browser tests never builds the app.
 */
import { createServer, type Server } from 'node:http';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { accessSync, constants, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const REPO_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** The path of the build's status endpoint: 200 once built, 500 with the build error as text. */
export const BUILD_STATUS_PATH = '/__stocklab_build';

/** Builds the web app with the repository's vite.config.ts into `outDir`. */
export async function buildApp(outDir: string): Promise<void> {
  const { build } = await import('vite');
  await build({
    configFile: join(REPO_ROOT, 'vite.config.ts'),
    root: join(REPO_ROOT, 'web'),
    mode: 'production',
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, reportCompressedSize: false },
  });
}

/** Content types by extension, for the small static servers of the browser tests. */
export const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

export interface AppServer {
  /** the app's address, ending in '/' */
  url: string;
  /** the folder the build is written to (complete once `waitForBuild(url)` resolves); removed by `close` */
  dir: string;
  close(): Promise<void>;
}

/**
 * Serves the built app from a temporary folder on 127.0.0.1 and a free port. With `lazy`, the
 * build starts on the first request (every request waits for it); otherwise it is built before this
 * returns. `close` stops the server and removes the build.
 */
export async function serveApp(options: { lazy?: boolean } = {}): Promise<AppServer> {
  const dir = await mkdtemp(join(tmpdir(), 'stocklab-web-'));
  let built: Promise<void> | null = null;
  const ensureBuilt = () => (built ??= buildApp(dir));
  if (!options.lazy) await ensureBuilt();

  const server: Server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      try {
        await ensureBuilt();
      } catch (error) {
        response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        response.end(`The web app failed to build:\n${error instanceof Error ? error.stack ?? error.message : String(error)}`);
        return;
      }
      if (url.pathname === BUILD_STATUS_PATH) {
        response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
        response.end('built');
        return;
      }
      let path = normalize(join(dir, decodeURIComponent(url.pathname)));
      if (path !== dir && !path.startsWith(dir + sep)) {
        response.writeHead(403).end();
        return;
      }
      try {
        if ((await stat(path)).isDirectory()) path = join(path, 'index.html');
        const body = await readFile(path);
        response.writeHead(200, { 'content-type': MIME[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
        response.end(request.method === 'HEAD' ? undefined : body);
      } catch {
        response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`not found: ${url.pathname}`);
      }
    })();
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    dir,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
      await built?.catch(() => undefined); // never remove the folder under a running build
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Waits until the server at `url` has built the app; throws the build error if it failed. */
export async function waitForBuild(url: string): Promise<void> {
  const response = await fetch(new URL(BUILD_STATUS_PATH, url));
  if (!response.ok) throw new Error(await response.text());
}

/** Where Chromium is: $CHROMIUM_PATH, else Debian's /usr/bin/chromium (scripts/ensureChromium.mjs). */
export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  try {
    accessSync(path, constants.X_OK);
  } catch {
    throw new Error(`No Chromium at ${path}: run \`node scripts/ensureChromium.mjs\` (or \`sudo apt-get install -y chromium\`), or set CHROMIUM_PATH.`);
  }
  return path;
}

/** Flags that keep Chromium off the network and working as root in a container (shared/NOTES.md). */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // keep timers and workers at full speed in a page that is never shown on screen
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_FLAGS });
}

/** A page of the app with the errors it reported. */
export interface AppPage {
  page: Page;
  context: BrowserContext;
  /** console.error messages, uncaught exceptions and failed requests, in order */
  errors: string[];
  close(): Promise<void>;
}

export interface OpenOptions {
  width?: number;
  height?: number;
  /** appended to the app's address, e.g. '#s=…' */
  hash?: string;
  /** wait for the first run to finish (the dashboard full) before returning; default true */
  settle?: boolean;
  /** 'block' keeps the built app's service worker out (its "works offline" notice too); default 'allow' */
  serviceWorkers?: 'allow' | 'block';
}

/**
 * Opens the app in a fresh browser context (no shared storage) at 1280×800 unless told otherwise,
 * and collects its errors. Downloads are accepted so export buttons can be tested.
 */
export async function openApp(browser: Browser, baseUrl: string, options: OpenOptions = {}): Promise<AppPage> {
  await waitForBuild(baseUrl);
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
    acceptDownloads: true,
    deviceScaleFactor: 1,
    serviceWorkers: options.serviceWorkers ?? 'allow',
  });
  const page = await context.newPage();
  // fail fast on a control that never becomes usable; runs have their own, longer waits
  page.setDefaultTimeout(10_000);
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.stack ?? error.message}`));
  page.on('requestfailed', (request) => {
    // a download the test did not save is aborted by design; anything else is a broken asset
    if (!request.url().startsWith('blob:') && !request.url().startsWith('data:')) errors.push(`request failed: ${request.url()} (${request.failure()?.errorText})`);
  });
  page.on('crash', () => errors.push('the page crashed'));
  await page.goto(new URL(options.hash ?? '', baseUrl).href, { waitUntil: 'load' });
  if (options.settle ?? true) await waitForIdle(page);
  return { page, context, errors, close: () => context.close() };
}

/** The status line's text when a run has ended (see web/i18n/en/app.ts and web/i18n/fr/app.ts). */
export const FINISHED = /^(Done|Cancelled|Terminé|Annulé)(?![\w])/;

/**
 * Waits until no run is under way and the last one has ended: Cancel disabled and the status saying
 * the run is done or cancelled, or a banner reporting a problem (a scenario that cannot run).
 */
export async function waitForIdle(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    (finished) => {
      const cancel = document.querySelector<HTMLButtonElement>('#cancel');
      const status = document.querySelector('#status')?.textContent?.trim() ?? '';
      const banner = document.querySelector<HTMLElement>('#banner');
      return cancel !== null && cancel.disabled && (new RegExp(finished).test(status) || (banner !== null && !banner.hidden));
    },
    FINISHED.source,
    { timeout },
  );
}

/** Waits until a run is under way (Cancel enabled). */
export async function waitForRunning(page: Page, timeout = 10_000): Promise<void> {
  await page.waitForFunction(() => document.querySelector<HTMLButtonElement>('#cancel')?.disabled === false, undefined, { timeout });
}

/**
 * Sets replications (and the seed, if given) in the top bar, clicks Run and waits for the run to end.
 * Returns the final status text.
 */
export async function runWith(page: Page, settings: { replications?: number; seed?: string | number } = {}, timeout = 30_000): Promise<string> {
  if (settings.replications !== undefined) await page.fill('#replications', String(settings.replications));
  if (settings.seed !== undefined) await page.fill('#seed', String(settings.seed));
  // a short run can start and end between two polls of Cancel: watch for the run's marks instead (the
  // status line changes as it starts, and Cancel is enabled), recorded as they happen
  await page.evaluate(() => {
    const flags = window as unknown as { __runStarted: boolean };
    flags.__runStarted = false;
    const observer = new MutationObserver(() => {
      flags.__runStarted = true;
      observer.disconnect();
    });
    observer.observe(document.querySelector('#status')!, { childList: true, characterData: true, subtree: true });
    observer.observe(document.querySelector('#cancel')!, { attributes: true, attributeFilter: ['disabled'] });
  });
  await page.click('#run');
  await page.waitForFunction(() => (window as unknown as { __runStarted: boolean }).__runStarted, undefined, { timeout: 10_000 });
  await waitForIdle(page, timeout);
  return (await page.textContent('#status'))?.trim() ?? '';
}

/**
 * The scenario description as the page shows it, whitespace-normalised: the shell may split it (a
 * first sentence as a summary, the rest folded), so compare words, not layout.
 */
export async function shownDescription(page: Page): Promise<string> {
  const text = await page.evaluate(() => {
    const element = document.querySelector('#scenario-description');
    if (!element) return '';
    // join the text of block-level children with spaces, as a reader sees them
    const parts: string[] = [];
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    // the description's own words: not the "What to look at:" label or the More button
    for (let node = walker.nextNode(); node; node = walker.nextNode()) if (!node.parentElement?.closest('.look-at-label, .story-toggle')) parts.push(node.textContent ?? '');
    return parts.join(' ');
  });
  return normalizeSpace(text);
}

export const normalizeSpace = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** The chart sections of the dashboard, top to bottom (web/index.html). */
export const CHART_SECTIONS = ['frontier', 'inventory', 'customers', 'histogram', 'network'] as const;

/** The full app (at 1280×800 unless told) after its default run: the pictures in the README. */
export async function takeScreenshot(browser: Browser, baseUrl: string, path: string, size: { width: number; height: number } = { width: 1280, height: 800 }, language?: 'en' | 'fr'): Promise<AppPage> {
  // no service worker: its passing "works offline" notice is not part of the picture
  const app = await openApp(browser, baseUrl, { ...size, hash: language ? `?lang=${language}` : undefined, serviceWorkers: 'block' });
  await waitForDashboard(app.page);
  // let the charts lay out after the last resize and the progress bar's transition end
  await app.page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await app.page.waitForTimeout(300);
  await app.page.screenshot({ path, type: 'png' });
  return app;
}

/**
 * Waits until the dashboard is full: an svg in each of the given chart sections (all of them by
 * default; a scenario without customers has no customers chart) and rows in the KPI table.
 */
export async function waitForDashboard(page: Page, sections: readonly string[] = CHART_SECTIONS, timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    (ids) => ids.every((id) => document.querySelector(`#${id} svg`) !== null) && document.querySelectorAll('#kpi-table tbody tr').length > 0,
    sections,
    { timeout },
  );
}

/** Clicks a download button and returns the file's suggested name and its text (without a CSV byte-order mark). */
export async function downloadText(page: Page, selector: string): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const text = await readFile(await download.path(), 'utf8');
  return { name: download.suggestedFilename(), text: text.replace(/^\uFEFF/, '') };
}

/** The Stocklab version every export names (package.json's). */
export const STOCKLAB_VERSION = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/**
 * Whether `value` shows as `shown` (a number as the page formats it: "1,234.5", "93.4"), i.e. lies
 * within half a unit of its last digit.
 */
export function showsAs(value: number, shown: string): boolean {
  const text = shown.replace(/,/g, '').replace(/^−/, '-');
  const decimals = text.includes('.') ? text.split('.')[1].length : 0;
  return Math.abs(value - Number(text)) <= 0.5 * 10 ** -decimals + 1e-9;
}
