import * as d3 from 'd3';
import { locale, NUMBER_LOCALE, type Locale } from './locale.ts';
import { charts as english } from './en/charts.ts';
import { charts as french } from './fr/charts.ts';

/**
 * d3-format's locale for the page's language: "1,234.5" and "95%" in English, "1 234,5" and
 * "95 %" in French. Its own module, importing only the language files' definitions, because the
 * language files themselves format parameters with it (web/charts/parameterFormat.ts): through
 * web/i18n/strings.ts that would be an import cycle.
 */
export const numberLocale = d3.formatLocale((locale === 'fr' ? french : english).numberLocale);

/** The decimal mark each language writes and reads: 12.5 in English, 12,5 in French. */
export const DECIMAL_MARK: Record<Locale, '.' | ','> = { en: '.', fr: ',' };

/**
 * A number with Intl in a language (the page's by default): `formatNumber(1234.5)` is "1,234.5" in
 * English, "1 234,5" in French (narrow no-break space). For numbers in sentences and tables that d3's
 * `numberLocale` does not already write.
 */
export function formatNumber(value: number, options?: Intl.NumberFormatOptions, language: Locale = locale): string {
  return new Intl.NumberFormat(NUMBER_LOCALE[language], options).format(value);
}

/**
 * A number as it is typed in a field of the app, to be read back by parseDecimal: every digit
 * JavaScript gives (no rounding, no grouping) with the language's decimal mark, "12.5" or "12,5".
 */
export function inputNumber(value: number, language: Locale = locale): string {
  const text = String(value);
  return language === 'en' ? text : text.replace('.', DECIMAL_MARK[language]);
}

/**
 * When an export was made, to the minute, in UTC, as the language writes a date: "2026-12-06 20:37"
 * in English (as before the French interface), "06/12/2026 20:37" in French.
 */
export function formatDateTime(date: Date, language: Locale = locale): string {
  if (language === 'en') return date.toISOString().slice(0, 16).replace('T', ' ');
  return new Intl.DateTimeFormat(NUMBER_LOCALE[language], { dateStyle: 'short', timeStyle: 'short', timeZone: 'UTC' }).format(date);
}

/** the spaces a number may be grouped with: space, no-break space, narrow no-break space, thin space */
const GROUP_SPACE = '[ \\u00a0\\u202f\\u2009]';

/**
 * A number typed by the user, read in a language (the page's by default), or null when it is not one
 * (or empty). Both languages read a decimal point ("0.95"); French also reads the decimal comma
 * ("0,95"), English reads a comma only between groups of three digits ("1,200"). Digits may be grouped
 * by threes with spaces (the no-break ones too, as French writes "1 234"); the minus may be the
 * typographic one (U+2212, what the app writes); an exponent ("1e3") is allowed.
 * parseDecimal("1 234,5", "fr") is 1234.5; parseDecimal("1,5", "en") is null, not 15.
 */
export function parseDecimal(text: string, language: Locale = locale): number | null {
  const trimmed = text.trim().replace(/^\u2212/, '-');
  const comma = language === 'fr';
  const grouping = comma ? GROUP_SPACE : `(?:${GROUP_SPACE}|,)`;
  const whole = `(?:\\d{1,3}(?:${grouping}\\d{3})+|\\d+)`;
  const decimals = comma ? '[.,]\\d*' : '\\.\\d*';
  const pattern = new RegExp(`^[-+]?(?:${whole}(?:${decimals})?|${comma ? '[.,]' : '\\.'}\\d+)(?:[eE][-+]?\\d+)?$`);
  if (!pattern.test(trimmed)) return null;
  // a group separator is dropped; the one decimal mark left becomes a point
  const plain = comma ? trimmed.replace(new RegExp(GROUP_SPACE, 'g'), '').replace(',', '.') : trimmed.replace(new RegExp(`${GROUP_SPACE}|,`, 'g'), '');
  const value = Number(plain);
  return Number.isFinite(value) ? value : null;
}

/**
 * How money's unit is written after an amount in a language (the page's by default): the scenario's
 * currency as its code in English, as the app always wrote it ("145,349 EUR"); in French, the
 * symbol French writes for an ISO 4217 code ("145 349 €", "12 $US", "3 £GB"), as Intl gives it. A
 * currency Intl does not know (a scenario may say "credits") is written as it is; no currency at
 * all, "currency units".
 */
export function moneyUnit(currency: string | undefined, language: Locale = locale): string {
  // a result shown without its scenario's currency: "currency units", in the language's words
  if (currency === undefined) return (language === 'fr' ? french : english).units.money;
  if (language === 'en' || !/^[A-Z]{3}$/.test(currency)) return currency;
  try {
    const parts = new Intl.NumberFormat(NUMBER_LOCALE[language], { style: 'currency', currency }).formatToParts(1);
    return parts.find((part) => part.type === 'currency')?.value ?? currency;
  } catch {
    return currency;
  }
}
