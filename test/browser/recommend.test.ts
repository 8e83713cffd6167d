/**
 * The Recommend panel in Chromium (web/recommendPanel.ts, `stocklab recommend` in the page): on the
 * base-stock gallery scenario (S = 12, Poisson demand) shortened to 1,000 days and 3 replications, a
 * recommendation of base-stock levels for a 95% fill rate runs through the same pool, progress bar and
 * status as Run; the table shows the store with today's level 12 and the recommended one, its status,
 * the figures with their intervals; the sentences say how many stock points meet the target and the
 * total change with whether its interval excludes 0, as the JSON says; the CSV and the SKU master's CSV
 * are the engine's (recommendationCsv, recommendationMasterCsv of the JSON's outcome); Cancel says the
 * recommendation was cancelled and the next one runs; "Add the Recommended variant" puts the variant in
 * the scenario (an undoable edit) and Run then shows today and the recommendation side by side; one
 * rule per product on two stores with lost sales that cost nothing gives the engine's answer in Node
 * and shows the warning that total cost rewards not selling; the French page shows the panel in
 * French. Nothing logs an error.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { downloadText, launchBrowser, openApp, REPO_ROOT, runWith, STOCKLAB_VERSION, waitForIdle, type AppPage } from './harness.ts';
import { encodeScenarioForUrl } from '../../web/editor/shareLink.ts';
import { recommendationCsv, recommendationMasterCsv } from '../../src/experiment/recommendExports.ts';
import { recommend, type RecommendOutcome } from '../../src/experiment/recommend.ts';
import { runExperiment } from '../../src/experiment/replicate.ts';
import { parseScenario } from '../../src/scenario/parse.ts';
import { parseCsv } from '../fixtures/csv.ts';

const REPLICATIONS = 3;
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let browser: Browser;
let app: AppPage;
let page: Page;
let hash: string;

beforeAll(async () => {
  browser = await launchBrowser();
  const scenario = JSON.parse(await readFile(join(REPO_ROOT, 'scenarios/02-base-stock-poisson.json'), 'utf8')) as Record<string, unknown>;
  // short enough to run the 9 rungs and the confirmation in seconds, long enough for narrow intervals
  hash = await encodeScenarioForUrl(JSON.stringify({ ...scenario, horizonDays: 1000, warmupDays: 50 }, null, 2), { replications: REPLICATIONS });
  app = await openApp(browser, inject('stocklabUrl'), { hash });
  page = app.page;
});

afterAll(async () => {
  await app?.close();
  await browser?.close();
});

/** Runs the panel's recommendation and waits for its end (the sentence written, or its error line shown). */
async function runRecommendation(timeout = 120_000): Promise<void> {
  await page.evaluate(() => {
    document.querySelector('#recommend-sentence')!.textContent = '';
  });
  await page.click('#recommend-run');
  await page.waitForFunction(() => (document.querySelector('#recommend-sentence')?.textContent ?? '') !== '' || !document.querySelector<HTMLElement>('#recommend-error')!.hidden, undefined, { timeout });
  await waitForIdle(page, timeout);
}

test('the form: a labelled control for the target, its level in percent, the policy, one choice per, and the objective', async () => {
  expect(await page.textContent('#recommend h2')).toBe('Recommend policy parameters');
  expect(await page.locator('#recommend-target-kpi option').evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value))).toEqual(['fillRate', 'cycleServiceLevel', 'readyRate']);
  expect(await page.inputValue('#recommend-level')).toBe('95');
  expect(await page.locator('#recommend-policy option').evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value))).toEqual(['sS', 'rQ', 'RS', 'baseStock']);
  expect(await page.inputValue('#recommend-by')).toBe('stockPoint');
  expect(await page.inputValue('#recommend-objective')).toBe('totalCost');
  // every control has a name a screen reader reads out (its label)
  for (const id of ['recommend-target-kpi', 'recommend-level', 'recommend-policy', 'recommend-by', 'recommend-objective']) {
    expect(await page.evaluate((control) => document.getElementById(control)!.closest('label')?.textContent?.trim() ?? '', id), id).not.toBe('');
  }
  expect(await page.isHidden('#recommend .sweep-results')).toBe(true);
});

test('a level that is no share is reported next to the form, and nothing runs', async () => {
  await page.fill('#recommend-level', '150');
  await page.click('#recommend-run');
  expect(await page.getAttribute('#recommend-level', 'aria-invalid')).toBe('true');
  expect(await page.textContent('#recommend-error')).toMatch(/percentage/);
  expect(await page.isEnabled('#run')).toBe(true);
  await page.fill('#recommend-level', '95');
  expect(await page.getAttribute('#recommend-level', 'aria-invalid')).toBeNull();
  expect(await page.isHidden('#recommend-error')).toBe(true);
});

test('base stock for a 95% fill rate: the store with today\'s level 12 and a recommended level, its status, the sentences, the status line by phase', async () => {
  await page.selectOption('#recommend-target-kpi', 'fillRate');
  await page.fill('#recommend-level', '95');
  await page.selectOption('#recommend-policy', 'baseStock');
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __statuses: string[] }).__statuses = seen;
    new MutationObserver(() => seen.push(document.querySelector('#status')!.textContent ?? '')).observe(document.querySelector('#status')!, { childList: true, characterData: true, subtree: true });
  });
  await runRecommendation();
  expect(await page.isHidden('#recommend-error')).toBe(true);
  expect(await page.textContent('#status')).toMatch(/^Done: recommendation for 1 stock point \(\d+ levels tried on 3 replications each, confirmed on 10\)/);
  const statuses = await page.evaluate(() => (window as unknown as { __statuses: string[] }).__statuses);
  for (const step of [1, 9]) expect(statuses.some((status) => status.startsWith(`Recommendation: search ${step}/9`)), `search ${step}/9 in ${statuses.join(' | ')}`).toBe(true);
  expect(statuses.some((status) => /^Recommendation: confirming today’s policies and the recommendation on 10 new replications each…$/.test(status))).toBe(true);
  // the progress bar counted every phase's runs: 9 rungs and the finer ones × 3, then 2 × 10
  const json = JSON.parse((await downloadText(page, '#recommend-export-json')).text) as RecommendOutcome & { scenario: string; seed: string; stocklabVersion: string };
  const runs = json.runs.search + json.runs.refine + json.runs.confirm;
  expect(await page.getAttribute('#progress', 'aria-valuemax')).toBe(String(runs));
  expect(await page.getAttribute('#progress', 'aria-valuenow')).toBe(String(runs));

  // one row: the store, today's base stock 12, the recommendation, the figures with intervals, the status
  const rows = await page.locator('#recommend-table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => cell.textContent ?? '')));
  expect(rows).toHaveLength(1);
  const [where, today, recommended, serviceToday, serviceRecommended, costToday, costRecommended, status] = rows[0];
  expect(where).toBe('store / widget');
  expect(today).toBe('Base stock: S 12');
  const [row] = json.rows;
  expect(row.current).toEqual({ type: 'baseStock', level: 12 });
  if (row.recommended === null) expect(recommended).toBe('—');
  else {
    expect(row.recommended.type).toBe('baseStock');
    expect(recommended).toBe(`Base stock: S ${(row.recommended as { level: number }).level}`);
  }
  expect(status).toMatch({ met: /^Met$/, notConfirmed: /^Short on new random days$/, cannotMeet: /^Cannot meet: the highest level tried/ }[row.status]);
  expect(serviceToday).toMatch(/^\d+\.\d% ± [\d.]+ pts$/);
  expect(costToday).toMatch(/^[\d,]+(\.\d+)? ± [\d,.]+$/);
  if (row.recommended !== null) {
    expect(serviceRecommended).toMatch(/^\d+\.\d% ± [\d.]+ pts$/);
    expect(costRecommended).toMatch(/^[\d,]+(\.\d+)? ± [\d,.]+$/);
  }
  const headers = await page.locator('#recommend-table thead th').allTextContents();
  expect(headers).toEqual(['Stock point', 'Today', 'Recommended', 'Fill rate (%), today', 'Fill rate (%), recommended', 'Total cost (EUR), today', 'Total cost (EUR), recommended', 'Status']);
  expect(await page.textContent('#recommend-table caption')).toMatch(/10 new replications .* money over the 950-day measured window/);

  // the sentences: how many meet the target, the total change and whether its interval excludes 0, as the JSON says
  const met = json.rows.filter((r) => r.status === 'met').length;
  expect(await page.textContent('#recommend-sentence')).toMatch(new RegExp(`^${met} of 1 stock point ${met === 1 ? 'meets' : 'meet'} fill rate ≥ 95\\.0% with 95% confidence with the recommendation`));
  const change = (await page.textContent('#recommend-change'))!;
  expect(json.totalChange).not.toBeNull();
  expect(change).toMatch(/^The recommendation (raises|lowers|leaves) total cost .*over the 950-day window/);
  expect(change).toMatch(json.totalChange!.significant ? /the 95% interval excludes 0, so the change is real\.$/ : /the 95% interval includes 0, so no change can be claimed\.$/);
  // the objective rewards nothing for not selling here (demand is backordered): no warning
  expect(json.warnings).toEqual([]);
  expect(await page.isHidden('#recommend-warnings')).toBe(true);
  expect([json.scenario, json.stocklabVersion, json.spec.searchReplications, json.spec.confirmReplications, json.spec.policy]).toEqual([await page.textContent('#scenario-name'), STOCKLAB_VERSION, 3, 10, 'baseStock']);
  expect(app.errors).toEqual([]);
});

test('the panel with its results passes axe-core\'s WCAG 2.1 A and AA rules, and its table\'s box is reached with Tab', async () => {
  // evaluated through the DevTools protocol, as test/browser/accessibility.test.ts does (the page's CSP forbids inline scripts)
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Element, options: unknown): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document.querySelector('#recommend')!, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  });
  expect(violations).toEqual([]);
  await page.focus('#recommend-add-variant');
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('region');
  expect(await page.evaluate(() => document.activeElement?.querySelector('#recommend-table') !== null)).toBe(true);
});

test('the CSV and the SKU master\'s CSV are the engine\'s, row for row', async () => {
  const json = JSON.parse((await downloadText(page, '#recommend-export-json')).text) as RecommendOutcome;
  const csv = await downloadText(page, '#recommend-export-csv');
  expect(csv.name).toMatch(/^stocklab-.+-seed-.+-recommend-\d{4}-\d{2}-\d{2}\.csv$/);
  const [head, ...rows] = parseCsv(csv.text);
  const [engineHead, ...engineRows] = parseCsv(recommendationCsv(json));
  expect(head).toEqual(engineHead);
  expect(head.slice(0, 5)).toEqual(['node', 'product', 'status', 'policyNow', 'policyRecommended']);
  expect(rows).toEqual(engineRows);
  expect(rows[0][head.indexOf('levelNow')]).toBe('12');

  const master = await downloadText(page, '#recommend-export-master');
  expect(master.name).toMatch(/^stocklab-.+-seed-.+-recommend-master-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(parseCsv(master.text)).toEqual(parseCsv(recommendationMasterCsv(json)));
  expect(parseCsv(master.text)[0]).toEqual(['sku', 'location', 'policy', 'reorderPoint', 'orderUpTo', 'orderQuantity', 'level', 'reviewPeriod']);
  expect(app.errors).toEqual([]);
});

test('Cancel during a recommendation says it was cancelled and shows nothing new; the next one runs', async () => {
  const before = await page.textContent('#recommend-sentence');
  await page.fill('#replications', '400');
  await page.click('#recommend-run');
  await page.waitForFunction(() => Number(document.querySelector('#progress')!.getAttribute('aria-valuenow')) >= 3, undefined, { timeout: 30_000 });
  await page.click('#cancel');
  await waitForIdle(page, 10_000);
  expect(await page.textContent('#status')).toMatch(/^Cancelled/);
  expect(await page.textContent('#recommend-error')).toMatch(/^Recommendation cancelled/);
  // the earlier recommendation stays as it was (a cancelled one reports nothing)
  expect(await page.textContent('#recommend-sentence')).toBe(before);
  expect(await page.isEnabled('#recommend-run')).toBe(true);

  await page.fill('#replications', String(REPLICATIONS));
  await runRecommendation();
  expect(await page.isHidden('#recommend-error')).toBe(true);
  expect(await page.textContent('#status')).toMatch(/^Done: recommendation for 1 stock point/);
  expect(await page.locator('#recommend-table tbody tr').count()).toBe(1);
  expect(app.errors).toEqual([]);
});

test('"Add the Recommended variant" puts it in the scenario as an undoable edit; Run then shows today and the recommendation', async () => {
  const json = JSON.parse((await downloadText(page, '#recommend-export-json')).text) as RecommendOutcome;
  await page.click('#recommend-add-variant');
  expect(await page.textContent('#recommend-variant-note')).toMatch(/^The Recommended variant is in the scenario/);
  // the editor's forms list the variants: today's policies first (the scenario had none), then the recommendation
  const field = (key: string) => page.locator(`#editor .se-forms [data-key="${key}"]`).first();
  await page.waitForFunction(() => document.querySelector('#editor .se-forms [data-key="variants[1].id"]') !== null, undefined, { timeout: 5_000 });
  expect(await field('variants[0].id').inputValue()).toBe('today');
  expect(await field('variants[1].id').inputValue()).toBe('recommended');
  expect(await field('variants[1].name').inputValue()).toBe('Recommended');
  // the recommendation stays current: it depends on today's policies, which the variant does not change
  expect(await page.evaluate(() => document.querySelector('#recommend')!.classList.contains('results-stale'))).toBe(false);

  // a second click replaces the variant rather than adding another
  await page.click('#recommend-add-variant');
  await page.waitForFunction(() => document.querySelector<HTMLButtonElement>('#run')?.disabled === false, undefined, { timeout: 5_000 });
  expect(await page.locator('#editor .se-forms [data-key="variants[2].id"]').count()).toBe(0);
  // the click is one step of the editor's history (the second changed nothing, so it is none): Undo takes it away, Redo puts it back
  await page.locator('#editor .se-undo').click();
  await page.waitForFunction(() => document.querySelector('#editor .se-forms [data-key="variants[0].id"]') === null, undefined, { timeout: 5_000 });
  await page.locator('#editor .se-redo').click();
  await page.waitForFunction(() => document.querySelector('#editor .se-forms [data-key="variants[1].id"]') !== null, undefined, { timeout: 5_000 });
  expect(await field('variants[1].id').inputValue()).toBe('recommended');

  expect(await runWith(page, { replications: 2 })).toMatch(/^Done: 2 replications/);
  const columns = (await page.locator('#kpi-table thead th.variant-column').allTextContents()).map((column) => column.trim());
  expect(columns).toEqual(['Today', 'Recommended']);
  // the variant run holds the recommended level (or today's, where none was found)
  const level = (json.variant.policies.at(-1)?.policy as { level?: number } | undefined)?.level;
  if (json.rows[0].recommended !== null) expect(level).toBe((json.rows[0].recommended as { level: number }).level);

  // Run's 2 replications are not the recommendation's 3: it says it was run on other settings, until they are back
  expect(await page.evaluate(() => document.querySelector('#recommend')!.classList.contains('results-stale'))).toBe(true);
  expect(await page.locator('#recommend .stale-notice').textContent()).toMatch(/^Run on an earlier version of the scenario/);
  await page.fill('#replications', String(REPLICATIONS));
  await page.waitForFunction(() => !document.querySelector('#recommend')!.classList.contains('results-stale'));
  // another seed: the recommendation was run on other random days, and says so
  const seed = await page.inputValue('#seed');
  await page.fill('#seed', `${seed}-other`);
  await page.waitForFunction(() => document.querySelector('#recommend')!.classList.contains('results-stale'));
  expect(await page.locator('#recommend .stale-notice').textContent()).toMatch(/^Run on an earlier version of the scenario/);
  await page.fill('#seed', seed);
  await page.waitForFunction(() => !document.querySelector('#recommend')!.classList.contains('results-stale'));

  expect(app.errors).toEqual([]);
});

test('one rule per product, on lost sales that cost nothing: both stores on one rung, as the engine in Node finds them, and the warning says why total cost rewards not selling', async () => {
  // one product at two stores of different demand, unmet demand lost, no price and no stockout
  // penalty: the cheapest stock for total cost is none, which the panel must say beside its answer
  const twoStores = {
    version: 1,
    name: 'Two stores, lost sales, nothing charged for them',
    horizonDays: 600,
    warmupDays: 30,
    replications: REPLICATIONS,
    seed: 'two-stores',
    products: [{ id: 'widget', unitCost: 10, holdingCost: { perUnitPerDay: 0.01 }, unmetDemand: 'lost' }],
    nodes: [{ id: 'supplier', type: 'supplier' }, { id: 'north', type: 'store' }, { id: 'south', type: 'store' }],
    lanes: [
      { from: 'supplier', to: 'north', leadTime: { type: 'constant', value: 3 } },
      { from: 'supplier', to: 'south', leadTime: { type: 'constant', value: 3 } },
    ],
    stockPoints: [
      { node: 'north', product: 'widget', policy: { type: 'baseStock', level: 12 } },
      { node: 'south', product: 'widget', policy: { type: 'baseStock', level: 12 } },
    ],
    demand: [
      { type: 'arrivals', node: 'north', product: 'widget', customersPerDay: 3 },
      { type: 'arrivals', node: 'south', product: 'widget', customersPerDay: 5 },
    ],
  };
  const second = await openApp(browser, inject('stocklabUrl'), { hash: await encodeScenarioForUrl(JSON.stringify(twoStores, null, 2), { replications: REPLICATIONS }) });
  const other = second.page;
  try {
    await other.selectOption('#recommend-policy', 'baseStock');
    await other.selectOption('#recommend-by', 'product');
    await other.click('#recommend-run');
    await other.waitForFunction(() => (document.querySelector('#recommend-sentence')?.textContent ?? '') !== '' || !document.querySelector<HTMLElement>('#recommend-error')!.hidden, undefined, { timeout: 120_000 });
    await waitForIdle(other, 120_000);
    expect(await other.isHidden('#recommend-error')).toBe(true);
    const json = JSON.parse((await downloadText(other, '#recommend-export-json')).text) as RecommendOutcome;
    expect(json.spec.by).toBe('product');
    // the warning: shown, naming the product and the fix, as the engine words it
    expect(json.warningFacts).toEqual([{ kind: 'rewardsNotSelling', objective: 'totalCost', products: ['widget'] }]);
    expect(await other.isVisible('#recommend-warnings')).toBe(true);
    const warnings = await other.locator('#recommend-warnings li').allTextContents();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^Warning: totalCost rewards not selling for widget: demand not met is lost and costs nothing \(no stockoutPenalty\).*stockoutPenalty/);
    // one rule for the product: the two stores, one row each, the same recommended level
    const rows = await other.locator('#recommend-table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => cell.textContent ?? '')));
    expect(rows.map((row) => row[0])).toEqual(['north / widget', 'south / widget']);
    expect(json.rows.map((row) => row.node)).toEqual(['north', 'south']);
    // the same recommendation as the engine's in Node with the same spec (one rung of the ladder for
    // both stores: each store's level at the product's common safety offset, so not the same number)
    const parsed = parseScenario(twoStores);
    if (!parsed.ok) throw new Error('the test scenario does not parse');
    const inNode = await recommend(parsed.scenario, json.spec, async (scenario) => runExperiment(scenario));
    expect(json.rows.map((row) => [row.recommended, row.status])).toEqual(inNode.rows.map((row) => [row.recommended, row.status]));
    const levels = json.rows.map((row) => (row.recommended as { level: number } | null)?.level ?? null);
    expect(levels.every((level) => level !== null)).toBe(true);
    expect(rows.map((row) => row[2])).toEqual(levels.map((level) => `Base stock: S ${level}`));
    expect(second.errors).toEqual([]);
  } finally {
    await second.close();
  }
});

test('in French: the panel, its form and its results speak French', async () => {
  const french = await openApp(browser, inject('stocklabUrl'), { hash: `?lang=fr${hash}` });
  try {
    const fr = french.page;
    expect(await fr.textContent('#recommend h2')).toBe('Recommander les paramètres des politiques');
    expect(await fr.textContent('#recommend-run')).toBe('Lancer la recommandation');
    expect(await fr.locator('#recommend-policy option').allTextContents()).toContain('Stock de base');
    await fr.selectOption('#recommend-policy', 'baseStock');
    await fr.evaluate(() => {
      document.querySelector('#recommend-sentence')!.textContent = '';
    });
    await fr.click('#recommend-run');
    await fr.waitForFunction(() => (document.querySelector('#recommend-sentence')?.textContent ?? '') !== '', undefined, { timeout: 120_000 });
    await waitForIdle(fr, 120_000);
    expect(await fr.textContent('#status')).toMatch(/^Terminé\u00a0: recommandation pour 1 point de stock/);
    expect(await fr.textContent('#recommend-sentence')).toMatch(/^Avec la recommandation, (aucun point de stock sur 1 n’atteint|1 point de stock sur 1 atteint) la cible taux de service \(quantités\) ≥ 95,0[\u00a0\u202f]?% avec 95\u00a0% de confiance/);
    expect(await fr.textContent('#recommend-change')).toMatch(/^La recommandation (augmente|réduit|laisse) le coût total .*\u00a0: l’intervalle à 95\u00a0% (exclut|contient) 0/);
    expect(await fr.locator('#recommend-table thead th').first().textContent()).toBe('Point de stock');
    expect(await fr.locator('#recommend-table tbody td').first().textContent()).toMatch(/^Stock de base\u00a0: S\u00a012$/);
    expect(await fr.textContent('#recommend-add-variant')).toBe('Ajouter la variante recommandée');
    // no English left in the panel, its tooltips or its names read out (the scenario's own ids and the CLI's command aside)
    const pieces = await fr.evaluate(() => {
      const panel = document.querySelector('#recommend')!;
      const found = [(panel as HTMLElement).innerText];
      for (const element of panel.querySelectorAll('[title], [aria-label]')) found.push(element.getAttribute('title') ?? '', element.getAttribute('aria-label') ?? '');
      return found;
    });
    const english = /(?<![\p{L}'’-])(the|and|with|of|over|today|recommended|recommendation|meets|cannot|short|search|replications|stock point|policy|target|level|run|results|warning)(?![\p{L}'’-])/iu;
    const left = pieces.map((piece) => piece.replace(/store \/ widget/g, ' ').replace(/stocklab [a-z]+/g, ' ').replace(/«\u00a0recommended\u00a0»/g, ' ')).filter((piece) => english.test(piece));
    expect(left).toEqual([]);
    // the French CSV dialect: ";" between fields
    const csv = await downloadText(fr, '#recommend-export-csv');
    expect(csv.text.split('\n')[0]).toMatch(/^node;product;status;/);
    expect(french.errors).toEqual([]);
  } finally {
    await french.close();
  }
});
