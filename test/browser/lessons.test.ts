/**
 * The classroom pack in the web app (issue 18), in Chromium: the gallery's Classroom group, a lesson
 * opened from it (its question, what to try and the debrief folded until asked for), the short link
 * `?open=classroom/…` in English and French, a name the gallery does not have (a notice, nothing run),
 * and a shared link's fragment still winning over it.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { REPO_ROOT, waitForIdle } from './harness.ts';
import { browserSession } from './session.ts';
import { encodeScenarioForUrl } from '../../web/editor/shareLink.ts';
import { classroomTexts } from '../../web/i18n/fr/scenarios.ts';

interface LessonFile {
  name: string;
  lesson: { question: string; toTry: string[]; debrief: string };
}
const readLesson = async (path: string) => JSON.parse(await readFile(join(REPO_ROOT, path), 'utf8')) as LessonFile;
const NEWSVENDOR = 'scenarios/classroom/newsvendor.json';
const DISRUPTION = 'scenarios/classroom/disruption.json';
const CUSTOMERS = 'scenarios/classroom/customers-lost.json';

const session = browserSession();
const open = session.open;

const normalize = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

test('the gallery lists the classroom pack as its own group; a lesson opens with its question and what to try, the debrief folded until asked for', async () => {
  const newsvendor = await readLesson(NEWSVENDOR);
  const app = await open();
  const { page } = app;
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  expect(await page.textContent('#gallery-group-classroom')).toBe('Classroom');
  const classroom = await page.locator('#gallery .gallery-group.classroom .gallery-item').evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.path));
  expect(classroom).toEqual(expect.arrayContaining([NEWSVENDOR, DISRUPTION, CUSTOMERS, 'scenarios/classroom/beer-game.json', 'scenarios/classroom/bullwhip.json', 'scenarios/classroom/service-cost-frontier.json']));
  // the default scenario has no lesson
  expect(await page.isHidden('#scenario-lesson')).toBe(true);

  await page.click(`#gallery button[data-path="${NEWSVENDOR}"]`);
  await waitForIdle(page);
  expect(await page.textContent('#scenario-name')).toBe(newsvendor.name);
  expect(await page.isVisible('#scenario-lesson')).toBe(true);
  expect(normalize(await page.textContent('#scenario-lesson .lesson-question'))).toBe(normalize(`The question: ${newsvendor.lesson.question}`));
  expect(await page.locator('#scenario-lesson .lesson-to-try li').allTextContents()).toEqual(newsvendor.lesson.toTry);
  // the debrief: folded, then open on request
  expect(await page.getAttribute('#scenario-lesson details.lesson-debrief', 'open')).toBeNull();
  expect(await page.isVisible('#scenario-lesson .lesson-debrief p')).toBe(false);
  await page.click('#scenario-lesson .lesson-debrief summary');
  expect(await page.isVisible('#scenario-lesson .lesson-debrief p')).toBe(true);
  expect(await page.textContent('#scenario-lesson .lesson-debrief p')).toBe(newsvendor.lesson.debrief);
  expect(await page.textContent('#status')).toMatch(/^Done: 10 replications/);

  // the link to the lesson: copied, or given to copy by hand
  await page.click('#scenario-lesson .lesson-copy-link');
  await page.waitForFunction(() => (document.querySelector('#scenario-lesson .lesson-link-status')?.textContent ?? '') !== '');
  const said = await page.textContent('#scenario-lesson .lesson-link-status');
  const link = said?.startsWith('Link copied') ? await page.evaluate(() => navigator.clipboard.readText()) : said!.replace(/^Copy this link: /, '');
  expect(link).toBe(`${session.url()}?open=classroom/newsvendor`);

  // another lesson starts folded again
  await page.click(`#gallery button[data-path="${DISRUPTION}"]`);
  await waitForIdle(page);
  expect(await page.getAttribute('#scenario-lesson details.lesson-debrief', 'open')).toBeNull();
  expect(app.errors).toEqual([]);
});

test('a short link opens a lesson from the gallery: ?open=classroom/disruption', async () => {
  const disruption = await readLesson(DISRUPTION);
  const app = await open({ hash: '?open=classroom/disruption' });
  const { page } = app;
  expect(await page.textContent('#scenario-name')).toBe(disruption.name);
  expect(await page.getAttribute(`#gallery button[data-path="${DISRUPTION}"]`, 'aria-current')).toBe('true');
  expect(normalize(await page.textContent('#scenario-lesson .lesson-question'))).toContain(normalize(disruption.lesson.question));
  expect(await page.textContent('#status')).toMatch(/^Done: 20 replications/);
  expect(await page.isHidden('#banner')).toBe(true);
  expect(app.errors).toEqual([]);
});

test('in French, the link opens the lesson in French: its name, question, things to try and debrief', async () => {
  const french = classroomTexts[CUSTOMERS];
  const app = await open({ hash: '?lang=fr&open=classroom/customers-lost' });
  const { page } = app;
  expect(await page.textContent('#gallery-group-classroom')).toBe('En classe');
  expect(await page.textContent('#scenario-name')).toBe(french.name);
  expect(normalize(await page.textContent('#scenario-lesson .lesson-question'))).toBe(normalize(`La question\u00a0: ${french.lesson!.question}`));
  expect(await page.locator('#scenario-lesson .lesson-to-try li').allTextContents()).toEqual(french.lesson!.toTry);
  expect(await page.textContent('#scenario-lesson .lesson-debrief summary')).toBe('Débriefing');
  await page.click('#scenario-lesson .lesson-debrief summary');
  expect(await page.textContent('#scenario-lesson .lesson-debrief p')).toBe(french.lesson!.debrief);
  expect(await page.textContent('#status')).toMatch(/^Terminé\u00a0: 10 réplications/);
  expect(app.errors).toEqual([]);
});

test('a name the gallery does not have: a notice naming the lessons, and nothing run in its place', async () => {
  // looked up among the bundled files only (test/web/lessonLink.test.ts): a path is just an unknown name
  const app = await open({ hash: '?open=../../etc/passwd' });
  const { page } = app;
  const banner = await page.textContent('#banner');
  expect(banner).toContain('“../../etc/passwd”');
  expect(banner).toContain('classroom/newsvendor');
  expect(await page.textContent('#scenario-name')).toBe('');
  expect(await page.isHidden('#scenario-lesson')).toBe(true);
  expect(app.errors).toEqual([]);
});

test('a shared link (#s=…) still opens the scenario it carries, even beside ?open=', async () => {
  const text = await readFile(join(REPO_ROOT, 'scenarios/01-newsvendor.json'), 'utf8');
  const edited = { ...(JSON.parse(text) as Record<string, unknown>), name: 'Kiosk from a shared link' };
  const hash = await encodeScenarioForUrl(JSON.stringify(edited, null, 2), { replications: 2, seed: 'shared' });
  const app = await open({ hash: `?open=classroom/newsvendor${hash}` });
  const { page } = app;
  expect(await page.textContent('#scenario-name')).toBe('Kiosk from a shared link');
  expect(await page.textContent('#status')).toMatch(/^Done: 2 replications/);
  expect(app.errors).toEqual([]);
});
