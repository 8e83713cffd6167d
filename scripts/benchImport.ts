/**
 * `npm run bench -- --import`: a planner's range of 1,000 SKUs × 2 years of daily sales (generated,
 * deterministic: a third smooth, a third intermittent, a third lumpy, shut on Sundays and at
 * Christmas) imported, fitted and run for 20 replications, timed in Node and in Chromium.
 *
 * Node: the import (read, fit, build, validate) on this thread, then the 20 replications on 1 and on
 * 2 worker threads (the CLI's pool). Chromium (Debian's, headless): the same import and 2
 * replications in a page, through a bundle of the same sources built with Vite. Memory: the peak
 * resident set in Node (resourceUsage().maxRSS), the JS heap after the import in both.
 *
 *   npm run bench -- --import [--skus N] [--days D] [--replications N] [--no-browser] [--json]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resourceUsage } from 'node:process';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { importFiles } from '../src/import/importFiles.ts';
import { dayNumber, isoDay, weekdayOf } from '../src/import/dates.ts';
import { createSampler } from '../src/random/distributions/sampler.ts';
import { RandomStreams } from '../src/random/streams.ts';
import { parseScenario } from '../src/scenario/parse.ts';
import { startThreadPool } from '../src/worker/node/threadPool.ts';
import { runExperimentOnThreads } from '../src/worker/node/experimentOnThreads.ts';
import { formatNumber, formatSeconds } from '../src/cli/format.ts';
import type { Distribution } from '../src/scenario/schema.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface ImportBench {
  skus: number;
  days: number;
  fileMiB: number;
  rows: number;
  node: { importSeconds: number; heapMiBAfterImport: number; peakRssMiB: number; replications: number; workers1Seconds: number; workers2Seconds: number; stockPoints: number };
  chromium?: { importSeconds: number; heapMiBAfterImport: number | null; replications: number; replicationsSeconds: number } | { skipped: string };
}

/** The generated sales file: long layout, one row per open day and SKU with sales. */
export function generateRange(skus: number, days: number): { text: string; rows: number } {
  const streams = new RandomStreams('bench-import');
  const start = dayNumber(2023, 1, 2)!; // a Monday
  const kinds: Distribution[] = [
    { type: 'negativeBinomial', mean: 12, sd: 6 },
    { type: 'intermittent', probability: 0.25, size: { type: 'lognormal', mean: 4, sd: 3 } },
    { type: 'intermittent', probability: 0.4, size: { type: 'lognormal', mean: 20, sd: 30 } },
  ];
  const samplers = Array.from({ length: skus }, (_, k) => createSampler(kinds[k % 3], streams.stream(`sku:${k}`), { nonNegative: true }));
  const lines = ['date,sku,location,units,price'];
  for (let d = 0; d < days; d++) {
    const day = start + d;
    const date = isoDay(day);
    const christmas = date.endsWith('-12-25') || date.endsWith('-12-26');
    if (weekdayOf(day) === 6 || christmas) continue;
    for (let k = 0; k < skus; k++) {
      const units = Math.round(samplers[k].sample());
      if (units > 0) lines.push(`${date},SKU-${String(k).padStart(4, '0')},store,${units},${(2 + (k % 17)).toFixed(2)}`);
    }
  }
  return { text: lines.join('\n') + '\n', rows: lines.length - 1 };
}

export async function benchImport(options: { skus: number; days: number; replications: number; browser: boolean; progress: (text: string) => void }): Promise<ImportBench> {
  const { skus, days, replications, progress } = options;
  progress(`generating ${skus} SKUs × ${days} days...\n`);
  const { text, rows } = generateRange(skus, days);
  const bytes = new TextEncoder().encode(text);

  progress('importing in Node...\n');
  const started = performance.now();
  const result = await importFiles({ name: 'range.csv', bytes }, undefined, { horizonDays: 365, replications });
  const importSeconds = (performance.now() - started) / 1000;
  const heapMiBAfterImport = process.memoryUsage().heapUsed / 2 ** 20;
  if (!result.scenario) throw new Error('the generated range imported nothing');
  const parsed = parseScenario(result.scenario);
  if (!parsed.ok) throw new Error('the imported scenario is invalid');
  const onThreads = async (workers: number) => {
    progress(`${replications} replications on ${workers} worker thread${workers === 1 ? '' : 's'}...\n`);
    const t0 = performance.now();
    const pool = startThreadPool(workers);
    try {
      const run = await runExperimentOnThreads(pool, parsed.scenario, { replications });
      if (!run.complete) throw new Error('the run stopped early');
      return (performance.now() - t0) / 1000;
    } finally {
      await pool.terminate();
    }
  };
  const workers1Seconds = await onThreads(1);
  const workers2Seconds = await onThreads(2);
  const node = { importSeconds, heapMiBAfterImport, peakRssMiB: resourceUsage().maxRSS / 1024, replications, workers1Seconds, workers2Seconds, stockPoints: result.scenario.stockPoints.length };
  const bench: ImportBench = { skus, days, fileMiB: bytes.length / 2 ** 20, rows, node };
  if (options.browser) {
    // the Node figures stand whatever happens in the browser
    bench.chromium = await inChromium(text, Math.min(2, replications), progress).catch((error: unknown) => ({ skipped: `failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` }));
  }
  return bench;
}

/** The same import and a few replications in headless Chromium, from a Vite bundle of the sources. */
async function inChromium(text: string, replications: number, progress: (text: string) => void): Promise<NonNullable<ImportBench['chromium']>> {
  let chromium: typeof import('playwright-core').chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    return { skipped: 'playwright-core is not installed' };
  }
  const { chromiumPath } = await import('../test/browser/harness.ts');
  let executablePath: string;
  try {
    executablePath = chromiumPath();
  } catch (error) {
    return { skipped: error instanceof Error ? error.message : String(error) };
  }
  progress('bundling the import for Chromium...\n');
  const folder = mkdtempSync(join(tmpdir(), 'stocklab-bench-import-'));
  try {
    const entry = join(folder, 'entry.ts');
    writeFileSync(
      entry,
      `import { importFiles } from ${JSON.stringify(join(ROOT, 'src/import/importFiles.ts'))};
import { parseScenario } from ${JSON.stringify(join(ROOT, 'src/scenario/parse.ts'))};
import { runReplication } from ${JSON.stringify(join(ROOT, 'src/experiment/run.ts'))};
(globalThis as any).benchImport = async (text: string, replications: number) => {
  const bytes = new TextEncoder().encode(text);
  const t0 = performance.now();
  const result = await importFiles({ name: 'range.csv', bytes }, undefined, { horizonDays: 365, replications });
  const importSeconds = (performance.now() - t0) / 1000;
  const memory = (performance as any).memory;
  const heapMiBAfterImport = memory ? memory.usedJSHeapSize / 2 ** 20 : null;
  const parsed = parseScenario(result.scenario);
  if (!parsed.ok) throw new Error('invalid');
  const t1 = performance.now();
  for (let r = 0; r < replications; r++) runReplication(parsed.scenario, 0, r, { series: false });
  return { importSeconds, heapMiBAfterImport, replications, replicationsSeconds: (performance.now() - t1) / 1000 };
};
`,
    );
    const { build } = await import('vite');
    await build({ configFile: false, logLevel: 'silent', root: folder, build: { outDir: join(folder, 'dist'), lib: { entry, formats: ['es'], fileName: () => 'bench.js' }, minify: false, emptyOutDir: true } });
    const files: Record<string, { type: string; body: () => Promise<Buffer | string> }> = {
      '/': { type: 'text/html', body: async () => '<!doctype html><meta charset="utf-8"><script type="module" src="/bench.js"></script>' },
      '/bench.js': { type: 'text/javascript', body: () => readFile(join(folder, 'dist', 'bench.js')) },
      '/range.csv': { type: 'text/csv', body: async () => text },
    };
    const server = createServer(async (request, response) => {
      const url = request.url ?? '';
      const file = files[url];
      if (file) return void response.writeHead(200, { 'content-type': file.type }).end(await file.body());
      // the bundle's other chunks (exceljs is loaded on demand, in a chunk of its own)
      if (/^\/[\w.-]+\.m?js$/.test(url)) {
        const body = await readFile(join(folder, 'dist', url.slice(1))).catch(() => null);
        if (body) return void response.writeHead(200, { 'content-type': 'text/javascript' }).end(body);
      }
      missing.push(url);
      response.writeHead(404).end();
    });
    const missing: string[] = [];
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const browser = await chromium.launch({ executablePath, args: ['--enable-precise-memory-info'] });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
      await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
      await page.waitForFunction(() => 'benchImport' in globalThis, undefined, { timeout: 30_000 }).catch(() => {
        throw new Error(`the bundle did not load: ${errors.join('; ') || 'no error reported'} (${missing.join(', ')})`);
      });
      progress(`importing and running ${replications} replications in Chromium...\n`);
      return await page.evaluate(async (count) => {
        const csv = await (await fetch('/range.csv')).text();
        return (globalThis as unknown as { benchImport: (text: string, n: number) => Promise<{ importSeconds: number; heapMiBAfterImport: number | null; replications: number; replicationsSeconds: number }> }).benchImport(csv, count);
      }, replications);
    } finally {
      await browser.close();
      server.close();
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

export function importReport(bench: ImportBench): string {
  const n = bench.node;
  const lines = [
    `bench (import): ${formatNumber(bench.skus, 0)} SKUs × ${formatNumber(bench.days, 0)} days, ${formatNumber(bench.rows, 0)} rows (${formatNumber(bench.fileMiB, 1)} MiB of CSV) → ${formatNumber(n.stockPoints, 0)} stock points`,
    `  Node      import (read, fit, build, validate) ${formatSeconds(n.importSeconds)}; heap after ${formatNumber(n.heapMiBAfterImport, 0)} MiB, peak RSS ${formatNumber(n.peakRssMiB, 0)} MiB`,
    `            ${n.replications} replications: ${formatSeconds(n.workers1Seconds)} on 1 worker, ${formatSeconds(n.workers2Seconds)} on 2 workers`,
  ];
  const c = bench.chromium;
  if (c && 'skipped' in c) lines.push(`  Chromium  skipped: ${c.skipped}`);
  else if (c) lines.push(`  Chromium  import ${formatSeconds(c.importSeconds)}; heap after ${c.heapMiBAfterImport === null ? '?' : formatNumber(c.heapMiBAfterImport, 0)} MiB; ${c.replications} replications in the page ${formatSeconds(c.replicationsSeconds)}`);
  return lines.join('\n') + '\n';
}
