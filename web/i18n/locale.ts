/**
 * The language the app speaks, chosen once when the page loads: the address's `?lang=` (a link or a
 * test can ask for one), else the choice remembered from the top bar's switch, else the first of the
 * browser's preferred languages the app has, else English. Switching reloads the page (web/app/
 * languageSwitch.ts), so every string on it, drawn or not yet drawn, is in one language: no component
 * has to know how to redraw itself in another.
 */
export const LOCALES = ['en', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];

/** where the top bar's choice is remembered (localStorage) */
export const LOCALE_STORAGE_KEY = 'stocklab.language';

/** Each language's name in itself, as the switch offers it. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', fr: 'Français' };

/** The BCP 47 tag numbers, money and dates are written with (Intl): 145,349 in English, 145 349 in French. */
export const NUMBER_LOCALE: Record<Locale, string> = { en: 'en-US', fr: 'fr-FR' };

function isLocale(value: string | null | undefined): value is Locale {
  return value !== null && value !== undefined && (LOCALES as readonly string[]).includes(value);
}

/**
 * The language to speak, from what the page can know; pure, so the order of precedence is tested.
 * `requested` is the address's `lang` parameter, `remembered` the stored choice, `preferred` the
 * browser's languages in order ('fr-CA' counts as 'fr'). A value the app does not have is skipped.
 */
export function chooseLocale(requested: string | null, remembered: string | null, preferred: readonly string[]): Locale {
  if (isLocale(requested)) return requested;
  if (isLocale(remembered)) return remembered;
  for (const tag of preferred) {
    const language = tag.toLowerCase().split('-')[0];
    if (isLocale(language)) return language;
  }
  return 'en';
}

/** What the page knows; in a Web Worker or Node (tests, the CLI) there is no page: English. */
function detectLocale(): Locale {
  if (typeof window === 'undefined' || typeof document === 'undefined') return 'en';
  let remembered: string | null = null;
  try {
    remembered = window.localStorage.getItem(LOCALE_STORAGE_KEY);
  } catch {
    // storage refused (privacy settings, a sandboxed frame): the browser's languages decide
  }
  const requested = new URLSearchParams(window.location.search).get('lang');
  return chooseLocale(requested, remembered, navigator.languages ?? [navigator.language]);
}

/** The language of this page, for its whole life. */
export const locale: Locale = detectLocale();

/** The Intl tag of this page's language. */
export const numberLocale: string = NUMBER_LOCALE[locale];
