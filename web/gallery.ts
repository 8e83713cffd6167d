import { locale } from './i18n/locale.ts';
import { app } from './i18n/strings.ts';
import { frenchScenarioText } from './i18n/fr/scenarios.ts';
import type { Lesson } from '../src/scenario/schema.ts';

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

/** The gallery's groups, in the order the list shows them: scenarios/, scenarios/classroom/, scenarios/theory/. */
export const GALLERY_GROUPS = ['business', 'classroom', 'theory'] as const;
export type GalleryGroup = (typeof GALLERY_GROUPS)[number];

export interface GalleryEntry extends ScenarioText {
  /** the file's path in the repository, e.g. scenarios/04-coffee-brand.json */
  path: string;
  /** `name`, `description` and `lesson` are in the page's language; these are the file's own (English) */
  original: ScenarioText & { lesson?: Lesson };
  /** true for scenarios/theory/ */
  theory: boolean;
  /** the folder's group: business cases (scenarios/), classroom (scenarios/classroom/), theory (scenarios/theory/) */
  group: GalleryGroup;
  /** a classroom lesson's question, things to try and debrief, in the page's language */
  lesson?: Lesson;
  text: string;
}

export const DEFAULT_SCENARIO = 'scenarios/04-coffee-brand.json';

const groupOf = (path: string): GalleryGroup =>
  path.startsWith('scenarios/theory/') ? 'theory' : path.startsWith('scenarios/classroom/') ? 'classroom' : 'business';

export const gallery: GalleryEntry[] = Object.entries(texts)
  .map(([key, text]): GalleryEntry => {
    const data = JSON.parse(text) as { name?: string; description?: string; lesson?: Lesson };
    const path = key.replace(/^\.\.\//, '');
    const original = { name: data.name ?? path, description: data.description ?? '', ...(data.lesson ? { lesson: data.lesson } : {}) };
    const french = locale === 'fr' ? frenchScenarioText(path) : undefined;
    const shown = french ? { name: french.name, description: french.description, lesson: data.lesson ? french.lesson ?? data.lesson : undefined } : original;
    const group = groupOf(path);
    return { path, name: shown.name, description: shown.description, ...(shown.lesson ? { lesson: shown.lesson } : {}), original, theory: group === 'theory', group, text };
  })
  .sort((a, b) => GALLERY_GROUPS.indexOf(a.group) - GALLERY_GROUPS.indexOf(b.group) || a.path.localeCompare(b.path));

/**
 * The lesson to show for a scenario, in the page's language, and the gallery file it is (for a link to
 * it): a gallery lesson as long as it is the file's own (same question, things to try and debrief); a
 * lesson someone wrote or edited is theirs, shown as written, with no file to link to.
 */
export function lessonShown(scenario: { lesson?: Lesson }): { lesson: Lesson; path: string | null } | null {
  const lesson = scenario.lesson;
  if (!lesson) return null;
  const same = (other: Lesson | undefined) =>
    other !== undefined && other.question === lesson.question && other.debrief === lesson.debrief && other.toTry.join('\n') === lesson.toTry.join('\n');
  const entry = gallery.find((candidate) => same(candidate.original.lesson));
  return entry?.lesson ? { lesson: entry.lesson, path: entry.path } : { lesson, path: null };
}

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
