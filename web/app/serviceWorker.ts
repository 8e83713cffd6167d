/**
 * The service worker of the built app (issue 18: the app works offline once loaded, in a classroom with
 * bad Wi-Fi). It is not part of the page's bundle: `npm run build` turns this file into sw.js beside
 * index.html (scripts/serviceWorkerPlugin.ts), preceded by `PRECACHE`, the list of every file of that
 * build and a hash of their contents. The page registers it only in the built app (web/app/offline.ts),
 * never under the dev server, so development is never served stale files.
 *
 * - install: fetches every file of the build into a cache named after the hash, so the whole app (its
 *   workers, the lazily loaded chunks, the gallery scenarios bundled in its scripts) is on the machine
 *   before the page says it works offline;
 * - fetch: serves those files from that cache, going to the network only for what is not in it; a
 *   navigation to the app (any query, such as ?lang=fr; a shared link's scenario is in the fragment,
 *   which never reaches a server) gets the cached index.html, so the app and its links open offline;
 * - a new deploy changes the hash, hence sw.js: the browser installs the new worker beside the old one,
 *   which keeps serving the page (the old index.html with its own scripts, never a mix) until the
 *   person chooses to reload (the page's notice posts SKIP_WAITING); then the old cache is deleted.
 */

/** The build's files (relative to this script, which sits at the app's root) and their hash. */
declare const PRECACHE: { version: string; files: string[] };

// The webworker lib's types clash with the DOM lib the rest of web/ is checked against, so this file
// names the few service worker types it uses itself.
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Response | Promise<Response>): void;
}
interface ServiceWorkerScope {
  readonly location: Location;
  readonly registration: ServiceWorkerRegistration;
  readonly clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}
const worker = self as unknown as ServiceWorkerScope;

// Caches belong to the origin, not to the app's folder: two copies of Stocklab on one host (say
// /stocklab/ and /stocklab-test/ on user.github.io) would otherwise delete each other's cache. Each
// copy's caches are named after its scope, and it deletes only its own older ones.
const CACHE_PREFIX = `stocklab ${worker.registration.scope} `;
const CACHE = CACHE_PREFIX + PRECACHE.version;
const INDEX = new URL('index.html', worker.location.href).href;
const FILES = new Set(PRECACHE.files.map((file) => new URL(file, worker.location.href).href));

worker.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      Promise.all(
        PRECACHE.files.map(async (file) => {
          // past the HTTP cache: a host may keep index.html for minutes (GitHub Pages: 10), and an old
          // index.html beside the new scripts would ask for files this build does not have
          const response = await fetch(new URL(file, worker.location.href), { cache: 'no-cache' });
          // one file missing and the app would not open offline: fail the install (the old version,
          // if any, stays in charge; the browser tries again at the next visit)
          if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
          // a host that redirects (index.html to ./) gives a redirected response, which a browser
          // refuses to use for a navigation: keep its body and headers only
          await cache.put(new URL(file, worker.location.href), response.redirected ? new Response(await response.blob(), response) : response);
        }),
      ),
    ),
  );
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name.startsWith(CACHE_PREFIX) && name !== CACHE) await caches.delete(name);
      // the page that installed this worker (the first visit) is served by it too from now on, so
      // its later requests (a chunk loaded on demand) work offline without a reload
      await worker.clients.claim();
    })(),
  );
});

// the page's "Reload" on a new version (web/app/offline.ts)
worker.addEventListener('message', (event) => {
  if (event.data === 'SKIP_WAITING') void worker.skipWaiting();
});

worker.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const address = request.url.split(/[?#]/)[0];
  // a navigation to the app's folder or its index.html, with any query (?lang=fr)
  const opensApp = request.mode === 'navigate' && (address === worker.registration.scope || address === INDEX);
  const cached = opensApp ? INDEX : FILES.has(address) ? address : null;
  // anything else (another page or file on the same host) is left to the network, as without a worker
  if (cached === null) return;
  event.respondWith(caches.open(CACHE).then(async (cache) => (await cache.match(cached)) ?? fetch(request)));
});

export {};
