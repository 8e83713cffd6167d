import { locale, type Locale } from '../i18n/locale.ts';
import { ENGLISH_CSV, FRENCH_CSV, type CsvDialect } from '../../src/experiment/csv.ts';

/**
 * The CSV dialect of the page's language (src/experiment/csv.ts says how each is written): "," and
 * "12.5" in English, ";" and "12,5" in French, what each language's spreadsheets open. Every download
 * of the app is written in it; the CLI writes English.
 */
export const CSV_DIALECTS: Record<Locale, CsvDialect> = { en: ENGLISH_CSV, fr: FRENCH_CSV };

/** The CSV dialect of the page's language (English in Node: tests, the CLI). */
export const pageCsvDialect: CsvDialect = CSV_DIALECTS[locale];

export { csvNumber, csvQuote, csvRow, csvText, type CsvCell, type CsvDialect } from '../../src/experiment/csv.ts';
