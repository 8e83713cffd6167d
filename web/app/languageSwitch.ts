import { LOCALES, LOCALE_NAMES, LOCALE_STORAGE_KEY, locale, type Locale } from '../i18n/locale.ts';

/**
 * The top bar's language switch. Choosing a language remembers it (localStorage) and reloads the page
 * in it (web/i18n/locale.ts reads the choice once, at load). What was open comes back after the
 * reload: the scenario as edited, the run settings, and, when the results on screen were the
 * scenario's own, the same run again, which gives the same numbers (same scenario, seed and
 * replications: runs are deterministic). Panels' results (sweep, sensitivity, optimise) are not
 * carried: they are run again from their panel.
 */

/** What comes back after the reload; kept in sessionStorage, for this tab only. */
export interface CarryOver {
  /** the editor's text, valid or not */
  text: string;
  replications: string;
  seed: string;
  precision: { kpi: string; halfWidth: number; cap: number } | null;
  /** the gallery entry it came from, or null (a file, an import, a link) */
  galleryPath: string | null;
  /** run it once loaded: the results on screen were its own */
  run: boolean;
}

const CARRY_OVER_KEY = 'stocklab.carryOver';

/** Builds the switch in `select`: each language named in itself, the page's chosen. */
export function createLanguageSwitch(select: HTMLSelectElement, carryOver: () => CarryOver): void {
  for (const code of LOCALES) {
    const option = document.createElement('option');
    option.value = code;
    option.lang = code;
    option.textContent = LOCALE_NAMES[code];
    select.append(option);
  }
  select.value = locale;
  select.addEventListener('change', () => {
    const chosen = select.value as Locale;
    if (chosen === locale) return;
    try {
      localStorage.setItem(LOCALE_STORAGE_KEY, chosen);
    } catch {
      // storage refused: the address alone carries the language
    }
    keepCarryOver(carryOver());
    const address = new URL(location.href);
    // the address's ?lang= outranks the remembered choice: it must say the new one (or nothing)
    if (address.searchParams.has('lang')) address.searchParams.set('lang', chosen);
    // the carry-over holds the scenario as edited; a shared link's fragment would open the link instead
    address.hash = '';
    location.assign(address.href);
  });
}

/**
 * Keeps what is open for the next page load in this tab (a language switch, or a reload into a new
 * version of the app: web/app/offline.ts). Storage refused, the page opens on its default.
 */
export function keepCarryOver(carryOver: CarryOver): void {
  try {
    sessionStorage.setItem(CARRY_OVER_KEY, JSON.stringify(carryOver));
  } catch {
    // the next load starts afresh
  }
}

/**
 * The carry-over of a language switch, once: read, removed, and checked field by field (whatever is
 * in storage is treated as data of unknown shape; anything unexpected gives null, a normal start).
 */
export function takeCarryOver(): CarryOver | null {
  let raw: string | null;
  try {
    raw = sessionStorage.getItem(CARRY_OVER_KEY);
    sessionStorage.removeItem(CARRY_OVER_KEY);
  } catch {
    return null;
  }
  return raw === null ? null : parseCarryOver(raw);
}

/** A carry-over from its stored text, or null when it is not one. */
export function parseCarryOver(raw: string): CarryOver | null {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const record = value as Record<string, unknown>;
  const { text, replications, seed, precision, galleryPath, run } = record;
  if (typeof text !== 'string' || typeof replications !== 'string' || typeof seed !== 'string' || typeof run !== 'boolean') return null;
  if (galleryPath !== null && typeof galleryPath !== 'string') return null;
  let checkedPrecision: CarryOver['precision'] = null;
  if (precision !== null) {
    if (typeof precision !== 'object' || precision === undefined || Array.isArray(precision)) return null;
    const { kpi, halfWidth, cap } = precision as Record<string, unknown>;
    if (typeof kpi !== 'string' || typeof halfWidth !== 'number' || typeof cap !== 'number') return null;
    checkedPrecision = { kpi, halfWidth, cap };
  }
  return { text, replications, seed, precision: checkedPrecision, galleryPath, run };
}
