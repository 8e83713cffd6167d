import type { workerStrings as English } from '../en/worker.ts';

/** What the app says when a Web Worker fails, in French (web/i18n/en/worker.ts is the reference: same keys). */
export const workerStrings: typeof English = {
  /** a worker ran out of memory; `detail` is the browser's own words */
  outOfMemory: (detail) =>
    `la simulation demande plus de mémoire que le navigateur n’en accorde à un Web Worker (${detail})\u00a0: essayez moins de réplications, un horizon plus court, moins de points de stock, ou "output": { "series": "none" }`,
  /** a worker stopped without saying why */
  stopped: 'un Web Worker s’est arrêté de façon inattendue (le navigateur a peut-être manqué de mémoire)',
  /** a worker's message could not be read (structured clone failed) */
  unreadable: 'le résultat d’un Web Worker n’a pas pu être lu (il est peut-être trop volumineux pour le navigateur)',
};
