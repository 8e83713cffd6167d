/**
 * The run's modelling warnings on the dashboard, in Chromium: a coffee shop whose 20 days of sales
 * are run over 60 days (test/fixtures/short-history.json), in three variants that warn about a
 * replayed history, a bullwhip ratio measured per day at a weekly review, and a serviceTarget that
 * never orders. The list sits under the headline cards with a heading, holds the CLI's warnings in
 * English (the same strings, in the same order) and French ones in French, belongs to the run (an
 * edit since does not change it, the next run does), is hidden when the run has none, and fits a
 * 390 px screen. With WARNINGS_SHOTS=<folder>, screenshots go there.
 */
import { readFileSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { runExperiment } from '../../src/experiment/replicate.ts';
import { parseScenario } from '../../src/scenario/parse.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { createSimApi } from '../../src/worker/api.ts';
import { modelWarnings as french } from '../../web/i18n/fr/warnings.ts';
import { encodeScenarioForUrl } from '../../web/editor/shareLink.ts';
import { downloadText, REPO_ROOT, waitForIdle } from './harness.ts';
import { browserSession } from './session.ts';
import { ENGLISH_WORD } from './frenchWords.ts';

const SHOTS = process.env.WARNINGS_SHOTS ?? '';
const session = browserSession(async () => {
  if (SHOTS) await mkdir(SHOTS, { recursive: true });
});

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's WCAG 2.1 A/AA violations inside the warnings section, as "rule: elements" (test/browser/accessibility.test.ts audits the rest). */
async function violations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: string, options: unknown): Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run('#model-warnings', { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  });
}

const fixtureText = () => readFile(join(REPO_ROOT, 'test/fixtures/short-history.json'), 'utf8');

function parsed(input: unknown): Scenario {
  const result = parseScenario(input);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.scenario;
}

/** What the dashboard's warnings section shows: whether it is displayed, its heading, its items, and where it sits. */
function shownWarnings(page: Page) {
  return page.evaluate(() => {
    const section = document.querySelector<HTMLElement>('#model-warnings')!;
    return {
      displayed: !section.hidden && getComputedStyle(section).display !== 'none' && section.getBoundingClientRect().height > 0,
      heading: section.querySelector('h2')?.textContent ?? null,
      items: [...section.querySelectorAll('ul > li')].map((item) => item.textContent ?? ''),
      // right under the headline cards
      afterCards: section.previousElementSibling?.id === 'cards',
    };
  });
}

/** The elements of the warnings section that stick out past the screen's right edge, or its box when it scrolls sideways. */
function overflowing(page: Page) {
  return page.evaluate(() => {
    const section = document.querySelector<HTMLElement>('#model-warnings')!;
    const out = [section, ...section.querySelectorAll<HTMLElement>('*')]
      .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 1)
      .map((element) => `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''} (right edge ${Math.round(element.getBoundingClientRect().right)} px)`);
    if (section.scrollWidth > section.clientWidth + 1) out.push(`#model-warnings scrolls sideways (${section.scrollWidth} > ${section.clientWidth})`);
    return out;
  });
}

/** The screen with the warnings in its middle, and the section alone (no service worker: its "works offline" notice is no part of the picture). */
async function shoot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  await page.evaluate(() => document.querySelector('#model-warnings')!.scrollIntoView({ block: 'center' }));
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
  // the top bar sticks over what scrolls under it: for the section's own picture, a screen tall
  // enough to show it whole below the bar
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: size.width, height: 1600 });
  await page.evaluate(() => document.querySelector('#model-warnings')!.scrollIntoView({ block: 'center' }));
  await page.locator('#model-warnings').screenshot({ path: join(SHOTS, `${name}-section.png`) });
  await page.setViewportSize(size);
}

describe('the modelling warnings of a run', () => {
  test('none on the first screen: the list is hidden', async () => {
    const app = await session.open();
    expect(await shownWarnings(app.page)).toEqual({ displayed: false, heading: null, items: [], afterCards: true });
    expect(app.errors).toEqual([]);
  });

  test("in English: under the cards, a named list of the run's warnings, the CLI's words in its order", async () => {
    const text = await fixtureText();
    const input = JSON.parse(text) as unknown;
    const cli = runExperiment(parsed(input)).warnings;
    expect(cli).toHaveLength(3);
    const app = await session.open({ hash: await encodeScenarioForUrl(text, { replications: 3 }), serviceWorkers: 'block' });
    const { page } = app;
    expect(await page.textContent('#status')).toMatch(/^Done: 3 replications/);
    expect(await shownWarnings(page)).toEqual({ displayed: true, heading: 'Modelling warnings', items: cli, afterCards: true });
    expect(cli[1]).toBe('demand for shop/coffee: the history has 20 days and the horizon 60; it is replayed from the start when it runs out.');
    // a list read out by its heading's name, in a region of that name
    expect(await page.getByRole('list', { name: 'Modelling warnings' }).getByRole('listitem').count()).toBe(3);
    expect(await page.getByRole('region', { name: 'Modelling warnings' }).count()).toBe(1);
    await shoot(page, 'warnings-en-1280');
    expect(await violations(page)).toEqual([]);
    // the whole view's HTML keeps them
    const view = await downloadText(page, '#export-html');
    expect(view.text).toContain('<h2 id="model-warnings-title">Modelling warnings</h2>');
    expect(view.text).toContain(cli[1]);

    // an edit that would drop the history's warning (20 days over 20) leaves the run's list as it is...
    await page.locator('#editor .se-forms [data-key="horizonDays"]').first().fill('20');
    await page.waitForFunction(() => !document.querySelector<HTMLElement>('#stale-notice')!.hidden, undefined, { timeout: 5_000 });
    expect((await shownWarnings(page)).items).toEqual(cli);
    // ...until the next run, whose warnings replace it
    await page.click('#run');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('#stale-notice')!.hidden, undefined, { timeout: 30_000 });
    await waitForIdle(page);
    const shorter = runExperiment(parsed({ ...(input as object), horizonDays: 20 })).warnings;
    expect(shorter).toEqual([cli[0], cli[2]]);
    expect((await shownWarnings(page)).items).toEqual(shorter);
    expect(app.errors).toEqual([]);
  });

  test('in French at 390 px: French words from the same facts, French typography, and it fits the screen', async () => {
    const text = await fixtureText();
    const response = await createSimApi().warningsOf(JSON.parse(text));
    if (!response.ok) throw new Error(JSON.stringify(response.issues));
    const expected = response.warnings.map(french.warning);
    const app = await session.open({ hash: `?lang=fr${await encodeScenarioForUrl(text, { replications: 3 })}`, width: 390, height: 844, serviceWorkers: 'block' });
    const { page } = app;
    expect(await page.textContent('#status')).toMatch(/^Terminé\u00a0: 3 réplications/);
    const shown = await shownWarnings(page);
    expect(shown).toEqual({ displayed: true, heading: 'Avertissements de modélisation', items: expected, afterCards: true });
    expect(shown.items[1]).toBe('Demande de shop/coffee\u00a0: l’historique compte 20\u00a0jours et l’horizon 60\u00a0jours\u202f; il est rejoué depuis le début une fois épuisé.');
    expect(await page.getByRole('list', { name: 'Avertissements de modélisation' }).getByRole('listitem').count()).toBe(3);
    // no English word left once the scenario's own ids (shop, coffee) and field names (orderQuantity) are taken out
    const words = await page.locator('#model-warnings').innerText();
    const left = words.replace(/\b(shop|coffee)\b/g, ' ').replace(/\b[a-z]+[A-Z][A-Za-z]*\b/g, ' ');
    expect(ENGLISH_WORD.exec(left)?.[0] ?? null).toBeNull();
    // a no-break space before « : », a narrow one before « ; », none ordinary
    expect(words).not.toMatch(/ [:;?!%»]|« /);
    expect(await overflowing(page)).toEqual([]);
    await shoot(page, 'warnings-fr-390');
    expect(await violations(page)).toEqual([]);
    expect(app.errors).toEqual([]);
  });

  test('a run cancelled part way shows the warnings with the replications it kept', async () => {
    const input = { ...(JSON.parse(await fixtureText()) as object), horizonDays: 1000 };
    const expected = runExperiment(parsed({ ...input, replications: 1 })).warnings;
    expect(expected[1]).toBe('demand for shop/coffee: the history has 20 days and the horizon 1000; it is replayed from the start when it runs out.');
    const app = await session.open({ hash: await encodeScenarioForUrl(JSON.stringify(input), { replications: 500 }), settle: false, serviceWorkers: 'block' });
    const { page } = app;
    // a few replications (3 runs each, one per variant) done, then Cancel
    await page.waitForFunction(() => Number(document.querySelector('#progress')?.getAttribute('aria-valuenow')) >= 9, undefined, { timeout: 30_000 });
    await page.click('#cancel');
    await waitForIdle(page);
    expect(await page.textContent('#status')).toMatch(/^Cancelled/);
    expect((await shownWarnings(page)).items).toEqual(expected);
    expect(app.errors).toEqual([]);
  });

  test('in English at 390 px, it fits the screen too', async () => {
    const app = await session.open({ hash: await encodeScenarioForUrl(await fixtureText(), { replications: 3 }), width: 390, height: 844, serviceWorkers: 'block' });
    expect((await shownWarnings(app.page)).items).toHaveLength(3);
    expect(await overflowing(app.page)).toEqual([]);
    await shoot(app.page, 'warnings-en-390');
    expect(app.errors).toEqual([]);
  });
});
