/**
 * The recommendation benchmark in Chromium (`npm run bench -- --recommend`, unless --no-browser): the
 * built app opens the range (scripts/rangeScenario.ts) through Open…, and its Recommend panel runs
 * the same recommendation as the CLI (fill rate 95%, (s, S), by stock point; the search on the
 * scenario's 10 replications, the confirmation on 20) on the page's Web Workers. Timed from the click
 * on the panel's button to its sentence; the app is served and driven as the browser tests do
 * (test/browser/harness.ts).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rangeScenario } from './rangeScenario.ts';

export interface RecommendBrowserBench {
  skus: number;
  /** navigator.hardwareConcurrency in the page: the workers it opens */
  workers: number;
  wallSeconds: number;
  /** the panel's sentence: how many stock points meet the target */
  summary: string;
}

export async function recommendInChromium(skus: number, progress: (text: string) => void): Promise<RecommendBrowserBench | { skipped: string }> {
  let harness: typeof import('../test/browser/harness.ts');
  try {
    harness = await import('../test/browser/harness.ts');
    harness.chromiumPath();
  } catch (error) {
    return { skipped: error instanceof Error ? error.message.split('\n')[0] : String(error) };
  }
  const folder = mkdtempSync(join(tmpdir(), 'stocklab-bench-recommend-'));
  const file = join(folder, 'range.json');
  writeFileSync(file, JSON.stringify(rangeScenario(skus)));
  progress('building the web app for Chromium...\n');
  const server = await harness.serveApp();
  const browser = await harness.launchBrowser();
  try {
    const app = await harness.openApp(browser, server.url);
    const { page } = app;
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('#open-file')]);
    await chooser.setFiles(file);
    // Open… runs the file; the benchmark is the recommendation, so that run is stopped
    await harness.waitForRunning(page, 120_000).catch(() => undefined);
    if (await page.isEnabled('#cancel')) await page.click('#cancel');
    await harness.waitForIdle(page, 120_000);
    await page.selectOption('#recommend-policy', 'sS');
    await page.fill('#recommend-level', '95');
    const workers = await page.evaluate(() => navigator.hardwareConcurrency);
    progress(`recommending for ${skus} SKUs in Chromium (${workers} workers)...\n`);
    const start = performance.now();
    await page.click('#recommend-run');
    await page.waitForFunction(() => (document.querySelector('#recommend-sentence')?.textContent ?? '') !== '' || !document.querySelector<HTMLElement>('#recommend-error')!.hidden, undefined, { timeout: 1_800_000 });
    const wallSeconds = (performance.now() - start) / 1000;
    const error = await page.isHidden('#recommend-error') ? null : await page.textContent('#recommend-error');
    if (error) throw new Error(`the panel said: ${error}`);
    if (app.errors.length > 0) throw new Error(app.errors.join('; '));
    return { skus, workers, wallSeconds, summary: (await page.textContent('#recommend-sentence')) ?? '' };
  } finally {
    await browser.close();
    await server.close();
    rmSync(folder, { recursive: true, force: true });
  }
}
