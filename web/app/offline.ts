import { app } from '../i18n/strings.ts';

/**
 * Offline use (issue 18): in the built app, registers the service worker (sw.js, built from
 * web/app/serviceWorker.ts) and tells the person, in `notice` (a live region), when the app is ready
 * to work without a network (once, when it was first saved on this device) and when a new version is
 * waiting, with a button that reloads into it, bringing back what was open (`beforeReload` keeps it,
 * as the language switch does).
 *
 * Under the dev server (`npm start`) there is no service worker: Vite serves the sources as they are
 * edited, and a worker would serve stale files. One left on the dev server's address by a build served
 * there earlier is removed.
 */
export function startOffline(notice: HTMLElement, options: { beforeReload(): void }): void {
  if (!('serviceWorker' in navigator)) return; // an old browser, or a page not served over HTTPS
  const container = navigator.serviceWorker;
  // './sw.js' in a build (scripts/serviceWorkerPlugin.ts); under the dev server, nothing
  const script = import.meta.env.STOCKLAB_SERVICE_WORKER as string | undefined;
  if (script === undefined) {
    void container.getRegistrations().then((registrations) => registrations.forEach((registration) => void registration.unregister()));
    return;
  }
  // no worker served this page: the first visit (or a hard reload), when saving the app is news
  const firstVisit = container.controller === null;
  let reloading = false;
  container.addEventListener('controllerchange', () => {
    // the new version took over because this page asked; a first visit's worker taking over is no reason
    if (reloading) location.reload();
  });

  const register = async () => {
    // relative to the page, so the app works under a sub-path (https://user.github.io/stocklab/); refused
    // (storage off, a private window), or stubbed to give nothing (a privacy tool, a test blocking
    // workers), the app works online as before
    const registration = (await container.register(script).catch(() => undefined)) as ServiceWorkerRegistration | undefined;
    if (!registration) return;
    const offerReload = () =>
      show(notice, app.offline.update, [
        {
          label: app.offline.reload,
          title: app.offline.reloadHint,
          onClick() {
            options.beforeReload();
            reloading = true;
            // the waiting version takes over (then controllerchange reloads); another tab may have done it already
            if (registration.waiting) registration.waiting.postMessage('SKIP_WAITING');
            else location.reload();
          },
        },
        { label: app.offline.later, title: app.offline.laterHint, onClick: () => hide(notice) },
      ]);
    const follow = (worker: ServiceWorker) =>
      worker.addEventListener('statechange', () => {
        // a new version is saved while an older one serves this page: it waits for the person's choice
        if (worker.state === 'installed' && container.controller !== null) offerReload();
        else if (worker.state === 'activated' && firstVisit && !reloading) {
          show(notice, app.offline.ready, []);
          // a passing word; a notice about a new version, if one came meanwhile, stays
          setTimeout(() => notice.querySelector('.passive') && hide(notice), READY_SHOWN_MS);
        }
      });
    if (registration.waiting && container.controller !== null) offerReload();
    if (registration.installing) follow(registration.installing);
    registration.addEventListener('updatefound', () => registration.installing && follow(registration.installing));
    // a page left open for days (a classroom's projector) still hears of a new deploy
    setInterval(() => void registration.update().catch(() => undefined), UPDATE_CHECK_MS);
  };
  // after the page's own loading, so saving the app does not compete with the first run's files
  if (document.readyState === 'complete') void register();
  else window.addEventListener('load', () => void register(), { once: true });
}

const READY_SHOWN_MS = 10_000;
const UPDATE_CHECK_MS = 60 * 60 * 1000;

/**
 * Shows `text` with its buttons in `region`, a live region that is always there (so screen readers
 * announce what appears in it); a notice without buttons lets clicks through (web/styles.css).
 */
function show(region: HTMLElement, text: string, actions: Array<{ label: string; title: string; onClick(): void }>): void {
  const box = document.createElement('div');
  box.className = actions.length === 0 ? 'app-notice passive' : 'app-notice';
  const message = document.createElement('span');
  message.textContent = text;
  box.append(message);
  for (const { label, title, onClick } of actions) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = label;
    button.title = title;
    button.addEventListener('click', onClick);
    box.append(button);
  }
  region.replaceChildren(box);
}

function hide(region: HTMLElement): void {
  region.replaceChildren();
}
