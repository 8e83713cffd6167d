import * as d3 from 'd3';
import { locale } from './locale.ts';
import { charts as english } from './en/charts.ts';
import { charts as french } from './fr/charts.ts';

/**
 * d3-format's locale for the page's language: "1,234.5" and "95%" in English, "1 234,5" and
 * "95 %" in French. Its own module, importing only the language files' definitions, because the
 * language files themselves format parameters with it (web/charts/parameterFormat.ts): through
 * web/i18n/strings.ts that would be an import cycle.
 */
export const numberLocale = d3.formatLocale((locale === 'fr' ? french : english).numberLocale);
