/**
 * The scenarios shipped in scenarios/ (the gallery and the theory models; not the benchmark), bundled
 * as text so that one click loads a file exactly as written, and the CSV files they refer to.
 */
const texts = import.meta.glob<string>(['../scenarios/*.json', '../scenarios/theory/*.json'], { eager: true, query: '?raw', import: 'default' });
const dataFiles = import.meta.glob<string>('../scenarios/data/*', { eager: true, query: '?raw', import: 'default' });

export interface GalleryEntry {
  /** the file's path in the repository, e.g. scenarios/04-coffee-brand.json */
  path: string;
  name: string;
  description: string;
  /** true for scenarios/theory/ */
  theory: boolean;
  text: string;
}

export const DEFAULT_SCENARIO = 'scenarios/04-coffee-brand.json';

export const gallery: GalleryEntry[] = Object.entries(texts)
  .map(([key, text]) => {
    const data = JSON.parse(text) as { name?: string; description?: string };
    const path = key.replace(/^\.\.\//, '');
    return { path, name: data.name ?? path, description: data.description ?? '', theory: path.startsWith('scenarios/theory/'), text };
  })
  .sort((a, b) => Number(a.theory) - Number(b.theory) || a.path.localeCompare(b.path));

/**
 * Reads a file a gallery scenario refers to (a CSV history), by the path written in the scenario,
 * relative to scenarios/. A scenario opened from elsewhere can only refer to these.
 */
export function readGalleryFile(path: string): string {
  const text = dataFiles[`../scenarios/${path.replace(/^\.\//, '')}`];
  if (text === undefined) throw new Error(`no file "${path}" is bundled with the app (only scenarios/data/ files are)`);
  return text;
}
