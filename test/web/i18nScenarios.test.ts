/**
 * The gallery scenarios in French (web/i18n/fr/scenarios.ts) against the English of the files.
 *
 * It lists scenarios/*.json and scenarios/theory/*.json, as web/gallery.ts bundles them, so a new
 * scenario without a French text fails here. For every file it checks: (1) a French name and
 * description, both non-empty and different from the English, and no French text for a file that does
 * not exist, and for a file with a lesson, its question, each thing to try and its debrief, checked as the
 * description is; (2) every number of the English kept (digit sequences compared as multisets, thousands
 * separators and decimal commas normalised); (3) the "Look at" sentence kept as one starting
 * « Regardez », and every camelCase KPI or field id kept as written; (4) French typography: U+00A0
 * before « : » and « % » and inside « guillemets », U+202F before « ; ! ? » and between thousands,
 * decimal commas, « chap. » for "ch.", and no straight apostrophe.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classroomTexts, frenchScenarioText, scenarioTexts, theoryNames, theoryTexts } from '../../web/i18n/fr/scenarios.ts';
import { repoRoot } from '../fixtures/scenario.ts';

/** The digit sequences of an English text: "1,200" and "0.37" count as 1200 and 0.37. */
function englishNumbers(value: string): string[] {
  return (value.replace(/(\d),(?=\d{3}(?!\d))/g, '$1').match(/\d+(?:\.\d+)?/g) ?? []).sort();
}

/** The digit sequences of a French text: "1 200" (narrow or no-break space) and "0,37" count as 1200 and 0.37. */
function frenchNumbers(value: string): string[] {
  return (
    value
      .replace(/(\d)[\u202f\u00a0](?=\d{3}(?!\d))/g, '$1')
      .replace(/(\d),(?=\d)/g, '$1.')
      .match(/\d+(?:\.\d+)?/g) ?? []
  ).sort();
}

/** French typography: the problems found in a French scenario text (empty when none). */
function typographyProblems(value: string): string[] {
  const problems: string[] = [];
  if (/(?<!\u00a0):(?=\s|$)/.test(value)) problems.push('« : » without a no-break space (U+00A0) before it');
  if (/(?<!\u202f)[;!?](?=\s|$)/.test(value)) problems.push('« ; ! ? » without a narrow no-break space (U+202F) before it');
  if (/(?<!\u00a0)%/.test(value)) problems.push('« % » without a no-break space (U+00A0) before it');
  if (/«(?!\u00a0)|(?<!\u00a0)»/.test(value)) problems.push('« » without no-break spaces (U+00A0) inside');
  if (/\d[ \u00a0]\d{3}(?!\d)/.test(value)) problems.push('thousands not separated by a narrow no-break space (U+202F)');
  if (/(?<!§)\b\d+\.\d/.test(value)) problems.push('decimal point (a decimal comma expected; § references excepted)');
  if (/\bch\. ?\d/.test(value)) problems.push('"ch." (« chap. » expected)');
  if (value.includes("'")) problems.push('straight apostrophe (’ expected)');
  return problems;
}

/** As web/scenarioStory.ts finds "Look at": a sentence that starts with the word. */
const startsSentence = (value: string, word: string) => new RegExp(`(^|[.!?]\\s+)${word}\\b`).test(value);

/** camelCase ids (fillRate, activeCustomers…), which stay as written. */
const ids = (value: string) => [...new Set(value.match(/\b[a-z]+[A-Z]\w*\b/g) ?? [])].sort();

/** The gallery has at least this many files (13 in scenarios/, 14 in scenarios/theory/ when written). */
const GALLERY_AT_LEAST = 27;

const jsonFiles = (folder: string) =>
  readdirSync(join(repoRoot, folder), { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
    .map((entry) => `${folder}/${entry.name}`)
    .sort();

// as web/gallery.ts bundles them: '../scenarios/*.json', '../scenarios/theory/*.json' and '../scenarios/classroom/*.json'
const business = jsonFiles('scenarios');
const theory = jsonFiles('scenarios/theory');
const classroom = jsonFiles('scenarios/classroom');
const gallery = [...business, ...theory, ...classroom];

interface EnglishLesson {
  question: string;
  toTry: string[];
  debrief: string;
}
const read = (path: string) => JSON.parse(readFileSync(join(repoRoot, path), 'utf8')) as { name: string; description: string; lesson?: EnglishLesson };

/** A lesson's texts side by side, each with its place ("question", "toTry[2]", "debrief"). */
const lessonTexts = (lesson: EnglishLesson): [string, string][] => [
  ['question', lesson.question],
  ...lesson.toTry.map((text, index): [string, string] => [`toTry[${index}]`, text]),
  ['debrief', lesson.debrief],
];

describe('scenarios: the gallery in French', () => {
  it('lists the whole gallery (the folders were read)', () => {
    expect(gallery.length).toBeGreaterThanOrEqual(GALLERY_AT_LEAST);
    expect(business).toContain('scenarios/01-newsvendor.json');
    expect(theory).toContain('scenarios/theory/eoq.json');
  });

  it('has a French name and description for every file of scenarios/, scenarios/theory/ and scenarios/classroom/, and for no other', () => {
    expect(Object.keys(scenarioTexts).sort()).toEqual(business);
    expect(Object.keys(theoryTexts).sort()).toEqual(theory);
    expect(Object.keys(classroomTexts).sort()).toEqual(classroom);
    expect(Object.keys(theoryNames).sort()).toEqual(theory);
    const missing = gallery.filter((path) => frenchScenarioText(path) === undefined);
    expect(missing).toEqual([]);
    for (const path of theory) expect(theoryNames[path], path).toBe(theoryTexts[path].name);
  });

  it('looks a file up by the path the gallery gives it, and nothing else', () => {
    expect(frenchScenarioText('scenarios/04-coffee-brand.json')).toBe(scenarioTexts['scenarios/04-coffee-brand.json']);
    expect(frenchScenarioText('./scenarios/theory/eoq.json')).toBe(theoryTexts['scenarios/theory/eoq.json']);
    expect(frenchScenarioText('scenarios/99-unknown.json')).toBeUndefined();
    expect(frenchScenarioText('constructor')).toBeUndefined();
    expect(frenchScenarioText('toString')).toBeUndefined();
  });

  it('has the shape of the English (a name and a description, both strings, and a lesson where the file has one, nothing else)', () => {
    for (const path of gallery) {
      const french = frenchScenarioText(path);
      expect(Object.keys(french ?? {}).sort(), path).toEqual(read(path).lesson ? ['description', 'lesson', 'name'] : ['description', 'name']);
      expect(typeof french?.name, path).toBe('string');
      expect(typeof french?.description, path).toBe('string');
    }
  });

  it('translates every name and description, keeping every number of the English, with French typography', () => {
    const problems: string[] = [];
    for (const path of gallery) {
      const english = read(path);
      const french = frenchScenarioText(path);
      if (!french) continue; // reported above
      for (const key of ['name', 'description'] as const) {
        if (french[key].trim() === '' || french[key] === english[key]) problems.push(`${path} ${key}: not translated`);
        const inEnglish = englishNumbers(english[key]).join(' ');
        const inFrench = frenchNumbers(french[key]).join(' ');
        if (inEnglish !== inFrench) problems.push(`${path} ${key}: numbers [${inEnglish}] in English, [${inFrench}] in French`);
        for (const problem of typographyProblems(french[key])) problems.push(`${path} ${key}: ${problem}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('keeps the "Look at" sentence as one starting « Regardez », and every KPI or field id as written', () => {
    let lookAt = 0;
    for (const path of gallery) {
      const english = read(path).description;
      const french = frenchScenarioText(path)?.description ?? '';
      if (startsSentence(english, 'Look at')) lookAt += 1;
      expect(startsSentence(french, 'Regardez'), path).toBe(startsSentence(english, 'Look at'));
      expect(ids(french), path).toEqual(ids(english));
      expect(ids(frenchScenarioText(path)?.name ?? ''), path).toEqual(ids(read(path).name));
    }
    expect(lookAt).toBeGreaterThan(0);
  });

  it('translates every lesson (scenarios/classroom/): the question, each thing to try and the debrief, keeping every number and id, with French typography', () => {
    const problems: string[] = [];
    let lessons = 0;
    for (const path of gallery) {
      const english = read(path).lesson;
      const french = frenchScenarioText(path)?.lesson;
      if (!english) {
        if (french) problems.push(`${path}: a French lesson for a file without one`);
        continue;
      }
      lessons += 1;
      if (!french) {
        problems.push(`${path}: no French lesson`);
        continue;
      }
      if (french.toTry.length !== english.toTry.length) problems.push(`${path}: ${english.toTry.length} things to try in English, ${french.toTry.length} in French`);
      const inFrench = new Map(lessonTexts(french));
      for (const [where, text] of lessonTexts(english)) {
        const translated = inFrench.get(where) ?? '';
        if (translated.trim() === '' || translated === text) problems.push(`${path} lesson.${where}: not translated`);
        const numbersEnglish = englishNumbers(text).join(' ');
        const numbersFrench = frenchNumbers(translated).join(' ');
        if (numbersEnglish !== numbersFrench) problems.push(`${path} lesson.${where}: numbers [${numbersEnglish}] in English, [${numbersFrench}] in French`);
        if (ids(translated).join(' ') !== ids(text).join(' ')) problems.push(`${path} lesson.${where}: ids [${ids(text).join(' ')}] in English, [${ids(translated).join(' ')}] in French`);
        for (const problem of typographyProblems(translated)) problems.push(`${path} lesson.${where}: ${problem}`);
      }
    }
    expect(problems).toEqual([]);
    // the Beer Game and the five lessons of the classroom pack
    expect(lessons).toBeGreaterThanOrEqual(6);
  });

  it('counts numbers as the two languages write them', () => {
    expect(englishNumbers('1,200 customers, 0.37 and 99.0%, (330, 300)')).toEqual(['0.37', '1200', '300', '330', '99.0']);
    expect(frenchNumbers('1\u202f200 clients, 0,37 et 99,0\u00a0%, (330\u202f; 300)')).toEqual(['0.37', '1200', '300', '330', '99.0']);
  });

  it('finds the typography problems it looks for', () => {
    expect(typographyProblems('Coûts\u00a0: 1\u202f200 clients, 37\u00a0% («\u00a0Généreuse\u00a0»)\u202f; l’article, §5.3, chap. 6.')).toEqual([]);
    expect(typographyProblems('Coûts : x')).toHaveLength(1);
    expect(typographyProblems('Coûts: x')).toHaveLength(1);
    expect(typographyProblems('a ; b')).toHaveLength(1);
    expect(typographyProblems('a\u00a0; b')).toHaveLength(1);
    expect(typographyProblems('37 %')).toHaveLength(1);
    expect(typographyProblems('37%')).toHaveLength(1);
    expect(typographyProblems('« Généreuse »')).toHaveLength(1);
    expect(typographyProblems('1 200 clients')).toHaveLength(1);
    expect(typographyProblems('0.37')).toHaveLength(1);
    expect(typographyProblems('Zipkin 2000 ch. 6')).toHaveLength(1);
    expect(typographyProblems("l'article")).toHaveLength(1);
  });
});
