/**
 * Precision mode in Chromium (the top bar's "Precision" switch, web/precisionForm.ts and
 * web/worker/precision.ts), on the base-stock scenario cut to 180 days and 5 first replications: the
 * target row (fill rate by default, in points; money in the currency), a bad target or cap reported
 * next to its field with nothing run, a target that takes three rounds (the progress bar names each
 * round and its planned replications, as runToPrecision in Node plans them; the status says the
 * half-width reached, the replications and the target; the KPI table's half-widths are under it; the
 * Replications field then holds the number used), the exported JSON the same bytes as a plain run
 * with that many replications in the app and in Node, the HTML export naming the target, the share
 * link carrying the target and the replications used (and reopening to the same result in one
 * round), a cap that stops the run saying so, Cancel keeping the complete replications; and nothing
 * logs an error.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { downloadText, launchBrowser, openApp, REPO_ROOT, waitForIdle, waitForRunning, type AppPage } from './harness.ts';
import { parseCsv } from '../fixtures/csv.ts';
import { decodeScenarioFromUrl, encodeScenarioForUrl } from '../../web/editor/shareLink.ts';
import { parseScenario } from '../../src/scenario/parse.ts';
import { runReplication } from '../../src/experiment/run.ts';
import { runExperiment, type ExperimentResult } from '../../src/experiment/replicate.ts';
import { runToPrecision, type PrecisionTarget } from '../../src/experiment/sequential.ts';
import { KPI_NAMES } from '../../src/metrics/kpis.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { numberLocale } from '../../web/charts/kpiMeta.ts';
import { editorStrings } from '../../web/i18n/en/editor.ts';

const SEED = 'base-stock';
const FIRST_ROUND = 5;
/** The base-stock scenario (fill rate 80% in theory) over 180 days: a replication takes milliseconds. */
const raw = { ...(JSON.parse(await readFile(join(REPO_ROOT, 'scenarios/02-base-stock-poisson.json'), 'utf8')) as Record<string, unknown>), horizonDays: 180 };
const text = JSON.stringify(raw, null, 2);

function scenarioWith(replications: number): Scenario {
  const parsed = parseScenario({ ...raw, replications, seed: SEED });
  if (!parsed.ok) throw new Error(parsed.issues.map((issue) => `${issue.path}: ${issue.message}`).join('\n'));
  return parsed.scenario;
}

/** runToPrecision in this process, replication by replication: the replications each round plans, and the outcome. */
async function inNode(target: Omit<PrecisionTarget, 'initial'>, initial = FIRST_ROUND) {
  const scenario = scenarioWith(initial);
  const rounds: number[] = [];
  const outcome = await runToPrecision(scenario, { ...target, initial }, async (tasks) => {
    rounds.push(tasks[tasks.length - 1].replication + 1);
    return tasks.map((task) => runReplication(scenario, task.variant, task.replication));
  });
  return { rounds, outcome };
}

let browser: Browser;
let app: AppPage;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  app = await openApp(browser, inject('stocklabUrl'), { hash: await encodeScenarioForUrl(text, { replications: FIRST_ROUND, seed: SEED }) });
  page = app.page;
});

afterAll(async () => {
  await app?.close();
  await browser?.close();
});

/** Records every text the progress bar shows from now on. */
async function recordProgressText(page: Page): Promise<void> {
  await page.evaluate(() => {
    const element = document.querySelector('#progress-text')!;
    const seen: string[] = [];
    (window as unknown as { __progressText: string[] }).__progressText = seen;
    new MutationObserver(() => seen.push(element.textContent ?? '')).observe(element, { childList: true, characterData: true, subtree: true });
  });
}
const recordedText = (page: Page) => page.evaluate(() => (window as unknown as { __progressText: string[] }).__progressText);

/** Sets the precision target (in points for fill rate) and the cap, runs, and returns the final status. */
async function runToTarget(page: Page, target: string, cap: string, timeout = 60_000): Promise<string> {
  if (!(await page.isChecked('#precision-mode'))) await page.check('#precision-mode');
  await page.selectOption('#precision-kpi', 'fillRate');
  await page.fill('#precision-target', target);
  await page.fill('#precision-cap', cap);
  await page.click('#run');
  await waitForRunning(page);
  await waitForIdle(page, timeout);
  return (await page.textContent('#status'))?.trim() ?? '';
}

/** The half-widths the KPI table shows for fill rate, in points, one per variant. */
async function tableHalfWidths(page: Page): Promise<number[]> {
  const cells = await page.locator('#kpi-table tbody tr', { has: page.locator('.kpi-label', { hasText: /^Fill rate$/ }) }).locator('td .hw').allTextContents();
  return cells.map((cell) => Number(/± ([\d.]+) pts/.exec(cell)?.[1]));
}

/** A fill rate half-width in points, as the status line gives it (two significant digits), for a RegExp. */
const points = (halfWidth: number) => numberLocale.format(',.2~r')(halfWidth * 100).replace('.', '\\.');

const exportedJson = async (page: Page) => (await downloadText(page, '#export-json')).text;

describe('precision mode', () => {
  test('the switch shows the target row: fill rate by default, in points, at most 200 replications; money targets in the currency', async () => {
    expect(await page.textContent('#status')).toMatch(/^Done: 5 replications/);
    expect(await page.isHidden('#precision-row')).toBe(true);
    await page.check('#precision-mode');
    expect(await page.isVisible('#precision-row')).toBe(true);
    expect(await page.getAttribute('#precision-mode', 'aria-expanded')).toBe('true');
    // every network KPI, in the engine's list
    expect((await page.locator('#precision-kpi option').evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value))).sort()).toEqual([...KPI_NAMES].sort());
    expect(await page.inputValue('#precision-kpi')).toBe('fillRate');
    expect(await page.textContent('#precision-unit')).toBe('pts');
    expect(await page.inputValue('#precision-target')).toBe('0.5');
    expect(await page.inputValue('#precision-cap')).toBe('200');
    // money is typed in the scenario's currency (EUR by default), with a first target of 2% of the last
    // result's mean; back to a rate, points again
    await page.selectOption('#precision-kpi', 'holdingCost');
    expect(await page.textContent('#precision-unit')).toBe('EUR');
    expect(Number(await page.inputValue('#precision-target'))).toBeGreaterThan(0);
    await page.selectOption('#precision-kpi', 'fillRate');
    expect(await page.textContent('#precision-unit')).toBe('pts');
    expect(await page.inputValue('#precision-target')).toBe('0.5');
    // off again: the row goes, and Run is a plain run
    await page.uncheck('#precision-mode');
    expect(await page.isHidden('#precision-row')).toBe(true);
    expect(app.errors).toEqual([]);
  });

  test('a bad target or cap is reported next to its field, and nothing runs', async () => {
    await page.check('#precision-mode');
    const status = await page.textContent('#status');
    for (const bad of ['abc', '0', '-0.5', '']) {
      await page.fill('#precision-target', bad);
      await page.click('#run');
      expect(await page.isVisible('#precision-target-error'), `target "${bad}"`).toBe(true);
      expect(await page.textContent('#precision-target-error')).toBe('Enter a half-width above 0, in pts (e.g. 0.5).');
      expect(await page.getAttribute('#precision-target', 'aria-invalid')).toBe('true');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('precision-target');
      expect(await page.isDisabled('#cancel')).toBe(true);
      expect(await page.textContent('#status')).toBe(status);
    }
    // typing clears the message
    await page.fill('#precision-target', '1');
    expect(await page.isHidden('#precision-target-error')).toBe(true);
    expect(await page.getAttribute('#precision-target', 'aria-invalid')).toBeNull();
    for (const bad of ['1', '2.5', '0', '20000']) {
      await page.fill('#precision-cap', bad);
      await page.click('#run');
      expect(await page.textContent('#precision-cap-error'), `cap "${bad}"`).toBe('Enter a whole number of replications from 2 to 10,000.');
      expect(await page.getAttribute('#precision-cap', 'aria-invalid')).toBe('true');
      expect(await page.isDisabled('#cancel')).toBe(true);
    }
    // leaving a field checks it too
    await page.fill('#precision-cap', '200');
    await page.fill('#precision-target', 'x');
    await page.press('#precision-target', 'Tab');
    expect(await page.isVisible('#precision-target-error')).toBe(true);
    await page.fill('#precision-target', '0.5');
    expect(await page.textContent('#status')).toBe(status);
    expect(app.errors).toEqual([]);
  });

  let used = 0;

  test('a target of ± 1.5 points takes rounds of replications, as runToPrecision plans them in Node, and says it was met', async () => {
    const node = await inNode({ kpi: 'fillRate', halfWidth: 0.015, cap: 200 });
    expect(node.outcome.met).toBe(true);
    // the scenario needs a few rounds for this target (5, then what the spread asks for)
    expect(node.rounds.length).toBeGreaterThanOrEqual(3);
    used = node.outcome.result.replications;

    await page.fill('#replications', String(FIRST_ROUND));
    await recordProgressText(page);
    const status = await runToTarget(page, '1.5', '200');
    expect(status).toMatch(new RegExp(`^Done: Fill rate ± ${points(node.outcome.halfWidth!)} pts after ${used} replications \\(target ± 1\\.5 pts\\) · ${node.rounds.length} rounds in `));
    // the progress bar named each round with the replications it planned, and counted up to them
    const texts = await recordedText(page);
    const planned = [...new Set(texts.map((shown) => /^Round (\d+): \d+ \/ (\d+) replications$/.exec(shown)).filter((match) => match !== null).map((match) => `${match[1]}:${match[2]}`))];
    expect(planned).toEqual(node.rounds.map((total, i) => `${i + 1}:${total}`));
    expect(texts.at(-1)).toBe(`Round ${node.rounds.length}: ${used} / ${used} replications`);
    expect(await page.getAttribute('#progress', 'aria-valuenow')).toBe(String(used));
    expect(await page.getAttribute('#progress', 'aria-valuemax')).toBe(String(used));
    // the dashboard shows the result; the KPI table's half-width is under the target
    expect(await page.textContent('#kpi-table caption')).toContain(`${used} replications`);
    const shown = await tableHalfWidths(page);
    expect(shown).toHaveLength(1);
    // the table rounds to its precision: within half a unit of its last digit of the target at most
    for (const value of shown) expect(value).toBeLessThanOrEqual(1.5 + 0.05);
    // Replications now holds the number used (and the scenario's text too)
    expect(await page.inputValue('#replications')).toBe(String(used));
    expect(app.errors).toEqual([]);
  });

  test('the exported JSON is the same bytes as a plain run with that many replications, in the app and in Node', async () => {
    const precise = await exportedJson(page);
    const result = JSON.parse(precise) as ExperimentResult;
    expect(result.replications).toBe(used);
    expect(result.complete).toBe(true);
    for (const variant of result.variants) expect(variant.network.fillRate.halfWidth!).toBeLessThanOrEqual(0.015);
    expect(precise).toBe(`${JSON.stringify(runExperiment(scenarioWith(used)))}\n`);
    // the CSV names the replications used on every row
    const [head, ...rows] = parseCsv((await downloadText(page, '#export-csv')).text);
    expect(new Set(rows.map((row) => row[head.indexOf('replications')]))).toEqual(new Set([String(used)]));
    // the whole view names the target under its heading
    const html = (await downloadText(page, '#export-html')).text;
    expect(html).toMatch(new RegExp(`<h1>[^<]* — seed ${SEED}, ${used} replications — exported `));
    expect(html).toMatch(/<p class="export-note">Replications chosen for Fill rate ± 1\.5 pts \(at most 200\): target met, ± [\d.]+ pts<\/p>/);

    // a plain run with the Replications field as the precision run left it
    await page.uncheck('#precision-mode');
    await page.click('#run');
    await waitForRunning(page);
    await waitForIdle(page);
    expect(await page.textContent('#status')).toMatch(new RegExp(`^Done: ${used} replications`));
    expect(await exportedJson(page)).toBe(precise);
    expect(app.errors).toEqual([]);
  });

  test('the share link carries the target and the replications used, and reopens to the same result in one round', async () => {
    await page.check('#precision-mode');
    await page.fill('#precision-target', '1.5');
    await page.fill('#precision-cap', '200');
    await page.click('#share');
    await page.waitForFunction(() => location.hash.includes('&p='));
    const hash = await page.evaluate(() => location.hash);
    expect(hash).toMatch(new RegExp(`&r=${used}&seed=${SEED}&p=fillRate:0\\.015:200$`));
    const decoded = await decodeScenarioFromUrl(hash);
    expect(decoded).toMatchObject({ replications: used, seed: SEED, precision: { kpi: 'fillRate', halfWidth: 0.015, cap: 200 } });

    const other = await openApp(browser, inject('stocklabUrl'), { hash });
    try {
      expect(await other.page.isChecked('#precision-mode')).toBe(true);
      expect(await other.page.inputValue('#precision-target')).toBe('1.5');
      expect(await other.page.inputValue('#precision-cap')).toBe('200');
      expect(await other.page.textContent('#status')).toMatch(new RegExp(`^Done: Fill rate ± [\\d.]+ pts after ${used} replications \\(target ± 1\\.5 pts\\) · 1 round in `));
      expect(await exportedJson(other.page)).toBe(await exportedJson(page));
      expect(other.errors).toEqual([]);
    } finally {
      await other.close();
    }
    expect(app.errors).toEqual([]);
  });

  test("a link's target reads back as it was written, and a damaged one is refused with a message", async () => {
    const precision = { kpi: 'totalCost', halfWidth: 250, cap: 400 };
    const hash = await encodeScenarioForUrl('{}', { replications: 7, precision });
    expect(hash).toMatch(/&r=7&p=totalCost:250:400$/);
    expect(await decodeScenarioFromUrl(hash)).toEqual({ text: '{}', replications: 7, precision });
    const plain = await encodeScenarioForUrl('{}', {});
    for (const bad of ['fillRate:0:200', 'fillRate:-1:200', 'fillRate:0.01:1', 'fillRate:0.01:100001', 'fillRate:0.01', 'fill-rate:0.01:200', 'fillRate:abc:200']) {
      expect(await decodeScenarioFromUrl(`${plain}&p=${bad}`), bad).toEqual({ error: editorStrings.share.badPrecision(bad) });
    }
  });

  test('a cap that stops the run says so, and the result is the cap\'s replications', async () => {
    const node = await inNode({ kpi: 'fillRate', halfWidth: 0.005, cap: 30 });
    expect(node.outcome.met).toBe(false);
    expect(node.outcome.result.replications).toBe(30);
    await page.fill('#replications', String(FIRST_ROUND));
    const status = await runToTarget(page, '0.5', '30');
    expect(status).toMatch(new RegExp(`^Done: stopped at the cap of 30 replications with Fill rate ± ${points(node.outcome.halfWidth!)} pts: the target ± 0\\.5 pts was not met · ${node.rounds.length} rounds? in `));
    expect(await page.inputValue('#replications')).toBe('30');
    expect(await exportedJson(page)).toBe(`${JSON.stringify(node.outcome.result)}\n`);
    expect(app.errors).toEqual([]);
  });

  test('a KPI that does not apply to the scenario stops after the first round and says to choose another', async () => {
    await page.check('#precision-mode');
    await page.fill('#replications', String(FIRST_ROUND));
    await page.selectOption('#precision-kpi', 'onTimeDelivery');
    await page.fill('#precision-target', '1');
    await page.click('#run');
    await waitForRunning(page);
    await waitForIdle(page);
    expect(await page.textContent('#status')).toMatch(
      /^Done: 5 replications in [\d.]+ s; On-time delivery has no 95% interval in this scenario \(it does not apply to every variant\), so no precision can be reached: choose another KPI\.$/,
    );
    await page.selectOption('#precision-kpi', 'fillRate');
    expect(app.errors).toEqual([]);
  });

  test('Cancel stops a long precision run at once and keeps the complete replications', async () => {
    await page.check('#precision-mode');
    await page.fill('#replications', '10');
    await page.fill('#precision-target', '0.01');
    await page.fill('#precision-cap', '10000');
    await page.click('#run');
    await waitForRunning(page);
    // round 1 (10 replications) is done, round 2 has run some
    await page.waitForFunction(
      () => {
        const match = /^Round (\d+): (\d+) \//.exec(document.querySelector('#progress-text')?.textContent ?? '');
        return match !== null && Number(match[1]) >= 2 && Number(match[2]) >= 40;
      },
      undefined,
      { timeout: 30_000 },
    );
    // the run is on workers now, which is what makes the check below tell something
    expect(page.workers().length).toBeGreaterThan(0);
    await page.click('#cancel');
    // stopped at once: idle within the bound, and the pool's workers terminated (Cancel terminates
    // them), so nothing in flight can bring the run back
    await waitForIdle(page, 5_000);
    await expect.poll(() => page.workers().length, { timeout: 5_000 }).toBe(0);
    const status = (await page.textContent('#status')) ?? '';
    const kept = Number(/^Cancelled: (\d+) complete replications kept$/.exec(status)?.[1]);
    expect(kept).toBeGreaterThanOrEqual(40);
    expect(kept).toBeLessThan(10_000);
    expect(await page.textContent('#status')).toBe(status);
    expect(await page.isEnabled('#run')).toBe(true);
    // the dashboard shows what was kept, marked incomplete in the export; Replications holds the number
    // kept, as after a precision run that ends (so Share and Save reproduce what is shown), and the
    // results are not marked as another scenario's
    expect(await page.textContent('#kpi-table caption')).toContain(`${kept} replications`);
    const result = JSON.parse(await exportedJson(page)) as ExperimentResult;
    expect([result.replications, result.complete]).toEqual([kept, false]);
    expect(await page.inputValue('#replications')).toBe(String(kept));
    expect(await page.isHidden('#stale-notice')).toBe(true);
    expect(app.errors).toEqual([]);
  });
});
