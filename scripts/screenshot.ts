/**
 * Saves docs/screenshot.png, the README's picture of the web app: builds the app (into a temporary
 * folder), serves it, opens it at 1280×800 in Debian's headless Chromium, lets the default scenario
 * (the coffee brand) run until the dashboard is full, and takes the screenshot. Uses the browser
 * tests' harness (test/browser/harness.ts); a browser test takes the same picture, so this path stays
 * working. `--all` also takes the phone (390×844) and wide-screen (1920×1080) pictures beside it, and
 * the three again in French (screenshot-fr.png, screenshot-fr-390.png, screenshot-fr-1920.png).
 *
 *     npm run screenshot [-- <output.png>] [-- --all]
 */
import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { launchBrowser, REPO_ROOT, serveApp, takeScreenshot } from '../test/browser/harness.ts';

const all = process.argv.includes('--all');
const output = resolve(process.argv.slice(2).find((arg) => !arg.startsWith('--')) ?? join(REPO_ROOT, 'docs', 'screenshot.png'));
/** the pictures of one language, named after `base`: base.png, then base-390.png and base-1920.png with --all */
const picturesOf = (base: string) => [{ width: 1280, height: 800, path: base }, ...(all ? [{ width: 390, height: 844, path: base.replace(/\.png$/, '-390.png') }, { width: 1920, height: 1080, path: base.replace(/\.png$/, '-1920.png') }] : [])];
const sizes = [
  ...picturesOf(output).map((size) => ({ ...size, language: 'en' as const })),
  ...(all ? picturesOf(output.replace(/\.png$/, '-fr.png')).map((size) => ({ ...size, language: 'fr' as const })) : []),
];

const started = Date.now();
const server = await serveApp();
const browser = await launchBrowser().catch(async (error: unknown) => {
  await server.close();
  throw error;
});
try {
  await mkdir(dirname(output), { recursive: true });
  for (const { width, height, path, language } of sizes) {
    const app = await takeScreenshot(browser, server.url, path, { width, height }, language);
    await app.close();
    if (app.errors.length > 0) {
      console.error(`The page reported errors while the screenshot was taken:\n${app.errors.join('\n')}`);
      process.exitCode = 1;
    }
    console.log(`Saved ${path} (${width}×${height}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
} finally {
  await browser.close();
  await server.close();
}
