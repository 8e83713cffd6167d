import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatIssues, parseScenarioText } from '../../src/scenario/parse.ts';
import { loadScenarioFile, repoRoot } from '../fixtures/scenario.ts';

/**
 * A scenario's `lesson` (src/scenario/schema.ts Lesson): the question, what to try and the debrief of a
 * classroom lesson. Accepted as written; each problem reported at its field. And the classroom pack
 * (scenarios/classroom/): every file is a lesson, with a story that says what to look at.
 */

/** test/fixtures/minimal.json as fresh data */
const minimal = () => JSON.parse(readFileSync(join(repoRoot, 'test', 'fixtures', 'minimal.json'), 'utf8')) as Record<string, unknown>;

const LESSON = {
  question: 'What does a stockout cost?',
  toTry: ['Run it.', 'Double the holding cost and run again.'],
  debrief: 'The critical ratio b/(b + h).',
};

function problems(lesson: unknown): string[] {
  const result = parseScenarioText(JSON.stringify({ ...minimal(), lesson }));
  return result.ok ? [] : formatIssues('fixture.json', result.issues);
}

describe('a scenario lesson', () => {
  it('is accepted as written, and is optional', () => {
    const result = parseScenarioText(JSON.stringify({ ...minimal(), lesson: LESSON }));
    if (!result.ok) throw new Error(formatIssues('fixture.json', result.issues).join('\n'));
    expect(result.scenario.lesson).toEqual(LESSON);
    const without = parseScenarioText(JSON.stringify(minimal()));
    expect(without.ok && without.scenario.lesson).toBeUndefined();
  });

  it('keeps new lines in its texts (prose), as a description does', () => {
    expect(problems({ ...LESSON, debrief: 'First.\nSecond.' })).toEqual([]);
  });

  it('needs at least one thing to try', () => {
    expect(problems({ ...LESSON, toTry: [] })).toMatchInlineSnapshot(`
      [
        "fixture.json: lesson.toTry: expected at least one thing to try",
      ]
    `);
  });

  it('rejects an empty question or thing to try, at its field', () => {
    expect(problems({ ...LESSON, question: '', toTry: ['Run it.', ''] })).toMatchInlineSnapshot(`
      [
        "fixture.json: lesson.question: expected some text, got \"\"",
        "fixture.json: lesson.toTry[1]: expected some text, got \"\"",
      ]
    `);
  });

  it('reports a missing debrief and a misspelt field', () => {
    expect(problems({ question: LESSON.question, toTry: LESSON.toTry, debreif: 'x' })).toMatchInlineSnapshot(`
      [
        "fixture.json: lesson.debrief: expected a string, got nothing (the field is required)",
        "fixture.json: lesson: unknown field "debreif" (field names are case-sensitive; see the scenario format in docs/SCENARIO.md)",
      ]
    `);
  });

  it('rejects a thing to try that is not text, and a lesson that is not an object', () => {
    expect(problems({ ...LESSON, toTry: ['Run it.', 3] })).toMatchInlineSnapshot(`
      [
        "fixture.json: lesson.toTry[1]: expected a string, got 3",
      ]
    `);
    expect(problems('Try it.')).toMatchInlineSnapshot(`
      [
        "fixture.json: lesson: expected an object, got "Try it."",
      ]
    `);
  });
});

describe('the classroom pack (scenarios/classroom/)', () => {
  const files = readdirSync(join(repoRoot, 'scenarios', 'classroom'))
    .filter((name) => name.endsWith('.json'))
    .map((name) => `scenarios/classroom/${name}`)
    .sort();

  it('holds the Beer Game and the five lessons of issue 18', () => {
    expect(files).toEqual(
      expect.arrayContaining(['beer-game', 'bullwhip', 'customers-lost', 'disruption', 'newsvendor', 'service-cost-frontier'].map((name) => `scenarios/classroom/${name}.json`)),
    );
  });

  it.each(files)('%s is a lesson: a question, things to try, a debrief, and a story that says what to look at', (path) => {
    const result = loadScenarioFile(path);
    if (!result.ok) throw new Error(formatIssues(path, result.issues).join('\n'));
    const { lesson, description } = result.scenario;
    expect(lesson?.question).toMatch(/\?$/);
    expect(lesson?.toTry.length).toBeGreaterThanOrEqual(2);
    expect(lesson?.debrief.length).toBeGreaterThan(200);
    expect(description).toMatch(/(^|[.!?]\s+)Look at\b/);
  });
});
