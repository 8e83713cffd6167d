/**
 * The Vite plugin that writes the built app's service worker (issue 18: the app works offline once
 * loaded). After Vite has written the build, it lists every file of the build's folder (index.html, the
 * scripts and styles, the workers and their chunks: whatever Vite emitted, so nothing is listed by
 * hand), hashes their contents, and writes sw.js beside index.html: web/app/serviceWorker.ts compiled
 * to plain JavaScript, after `const PRECACHE = { version, files }`. The hash is the cache's version: a
 * new deploy with any file changed is a new sw.js, which the browser installs into a new cache.
 *
 * sw.js is a classic script (module service workers are still missing in some browsers), so the
 * compiled file must have no import or export.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformWithOxc, type Plugin } from 'vite';

/** The service worker's file name in the build, registered by web/app/offline.ts as ./sw.js. */
export const SERVICE_WORKER_FILE = 'sw.js';

const SOURCE = fileURLToPath(new URL('../web/app/serviceWorker.ts', import.meta.url));

/** Every file under `dir`, relative to it with '/' separators, sorted (the same list on any system). */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/**
 * Writes sw.js into the built app in `dir` for the files there (not sw.js itself, nor source maps,
 * which only developer tools fetch) and returns what it precaches.
 */
export async function writeServiceWorker(dir: string): Promise<{ version: string; files: string[] }> {
  const files = (await filesUnder(dir)).filter((file) => file !== SERVICE_WORKER_FILE && !file.endsWith('.map'));
  const { code } = await transformWithOxc(await readFile(SOURCE, 'utf8'), SOURCE, { lang: 'ts' });
  // the source is a module only so that its type declarations stay its own
  const body = code.replace(/^export \{\};?\s*$/m, '').trimEnd();
  if (/^\s*(import|export)\b/m.test(body)) throw new Error(`${SOURCE} must not import or export anything: sw.js is a classic script`);
  const hash = createHash('sha256').update(body);
  for (const file of files) hash.update(`\0${file}\0`).update(await readFile(join(dir, file)));
  const version = hash.digest('hex').slice(0, 16);
  const header = '// Stocklab\'s service worker, written by `npm run build` (scripts/serviceWorkerPlugin.ts) from web/app/serviceWorker.ts.\n';
  await writeFile(join(dir, SERVICE_WORKER_FILE), `${header}const PRECACHE = ${JSON.stringify({ version, files }, null, 2)};\n\n${body}\n`);
  return { version, files };
}

/**
 * Writes sw.js once the build is written, and tells the page where it is (`vite build` only: the dev
 * server has no service worker). The page learns it from import.meta.env.STOCKLAB_SERVICE_WORKER,
 * defined here for builds only: import.meta.env.PROD would not do, as it follows NODE_ENV, which is
 * 'test' when the browser tests build the app under vitest.
 */
export function serviceWorkerPlugin(): Plugin {
  return {
    name: 'stocklab-service-worker',
    apply: 'build',
    config: () => ({ define: { 'import.meta.env.STOCKLAB_SERVICE_WORKER': JSON.stringify(`./${SERVICE_WORKER_FILE}`) } }),
    async writeBundle(options) {
      if (!options.dir) throw new Error('the service worker needs the build written to a folder (build.outDir)');
      await writeServiceWorker(options.dir);
    },
  };
}
