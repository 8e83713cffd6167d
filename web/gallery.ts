import { locale } from './i18n/locale.ts';
import { app } from './i18n/strings.ts';
import { frenchScenarioText } from './i18n/fr/scenarios.ts';

/**
 * The scenarios shipped in scenarios/ (the gallery, the classroom games and the theory models; not the benchmark), bundled
 * as text so that one click loads a file exactly as written, and the CSV files they refer to.
 */
const texts = import.meta.glob<string>(['../scenarios/*.json', '../scenarios/theory/*.json', '../scenarios/classroom/*.json'], { eager: true, query: '?raw', import: 'default' });
const dataFiles = import.meta.glob<string>('../scenarios/data/*', { eager: true, query: '?raw', import: 'default' });

/** A scenario's name and description. */
export interface ScenarioText {
  name: string;
  description: string;
}

export interface GalleryEntry extends ScenarioText {
  /** the file's path in the repository, e.g. scenarios/04-coffee-brand.json */
  path: string;
  /** `name` and `description` are in the page's language; these are the file's own (English) */
  original: ScenarioText;
  /** true for scenarios/theory/ */
  theory: boolean;
  text: string;
}

export const DEFAULT_SCENARIO = 'scenarios/04-coffee-brand.json';

export const gallery: GalleryEntry[] = Object.entries(texts)
  .map(([key, text]) => {
    const data = JSON.parse(text) as { name?: string; description?: string };
    const path = key.replace(/^\.\.\//, '');
    const original = { name: data.name ?? path, description: data.description ?? '' };
    const shown = (locale === 'fr' ? frenchScenarioText(path) : undefined) ?? original;
    return { path, ...shown, original, theory: path.startsWith('scenarios/theory/'), text };
  })
  .sort((a, b) => Number(a.theory) - Number(b.theory) || a.path.localeCompare(b.path));

/**
 * The name and description to show for a scenario, in the page's language: a gallery scenario's name
 * and description, each as long as it is the file's own, are shown in the page's language; a name or
 * description someone wrote or edited is theirs, shown as written.
 */
export function scenarioTextShown(scenario: { name: string; description?: string }): ScenarioText {
  const description = scenario.description ?? '';
  const byName = gallery.find((entry) => entry.original.name === scenario.name);
  const byDescription = description === '' ? undefined : gallery.find((entry) => entry.original.description === description);
  return { name: byName?.name ?? scenario.name, description: byDescription?.description ?? description };
}

/**
 * Reads a file a gallery scenario refers to (a CSV history), by the path written in the scenario,
 * relative to scenarios/. A scenario opened from elsewhere can only refer to these.
 */
export function readGalleryFile(path: string): string {
  const text = dataFiles[`../scenarios/${path.replace(/^\.\//, '')}`];
  if (text === undefined) throw new Error(app.noBundledFile(path));
  return text;
}
