/**
 * The Import data wizard (web/import/) in Chromium, the whole road a planner takes:
 *
 * - a French CSV made here (`Date;Article;Magasin;Quantité vendue`, dd/mm/yyyy dates all 12 or less,
 *   decimal commas, one bad row): the dialog opens with the focus on the file picker; the preview
 *   shows each column's detected role; the date question is asked and Import waits for its answer;
 *   the answer is applied (the report's date range is the day-first one); the report shows the bad
 *   row with its row number; the report CSV downloads with that row; one SKU's fit chart draws the
 *   history's bars and the model's points; Open the scenario loads it and runs it, and the results
 *   per stock point have one row per SKU × location, the worst one's row opens its inventory chart
 *   and the rows export as CSV; Save gives the scenario the engine's import
 *   makes of the same file with the same answer (`stocklab import --date-format dmy`); Escape closes
 *   the dialog; a file writing both 6,5 and 6.5 asks what the comma means; a file with nothing
 *   usable says so and keeps the dialog open;
 * - an XLSX workbook built with exceljs: no question (its dates are dates), no sheet to choose,
 *   imported and opened; a workbook whose sales are on its second sheet: the Sheet select lists both,
 *   choosing the second previews it and the import reads it (the saved scenario is the one
 *   `stocklab import --sheet Sales` makes);
 * - a CSV of two shops with a locations file (both supplied by a warehouse), the scenario's own
 *   settings typed (currency, horizon, replications, seed), then one SKU ticked for replay and
 *   imported again: the report says which histories are replayed, and the saved scenario is the one
 *   `stocklab import --locations … --replay B-2 --currency … --days … --replications … --seed …`
 *   makes: a warehouse node with its stock points, a `history` demand for B-2, fitted ones for A-1;
 *   then, the locations file taken off, the Warehouse option and its transfer days (`--warehouse
 *   Central --transfer-days 3`): a lane of 3 days from Central to each shop;
 * - a generated 30 MB CSV: Cancel during its import stops the worker at once, says so, and leaves
 *   the app usable (a run of the default scenario still works). The page's longest stall while the
 *   worker reads the file is printed, and asserted under a bound generous for a shared machine.
 *
 * No Content-Security-Policy violation is raised along the way (the worker reads XLSX and CSV
 * under the page's policy).
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import ExcelJS from 'exceljs';
import { parseCsv } from '../fixtures/csv.ts';
import { importFiles } from '../../src/import/importFiles.ts';
import { downloadText, launchBrowser, openApp, runWith, waitForIdle, waitForRunning, type AppPage } from './harness.ts';

const DIALOG = '#import-dialog';
const REPORT = `${DIALOG} .import-report`;
const STOCK_POINT_ROWS = '#stock-points tbody tr.sp-row';

/** A small deterministic generator (a linear congruential one), so the files are the same every run. */
function generator(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/**
 * Sales of 3 articles in 2 shops on days 1 to 12 of January to April 2024 (every day 12 or less: the
 * dates read both ways), the loose tea in kilograms with a decimal comma; one row's quantity is a word.
 * Returns the text and the file row (header = 1) of the bad row.
 */
function frenchCsv(): { text: string; badRow: number } {
  const random = generator(7);
  const lines = ['Date;Article;Magasin;Quantité vendue'];
  let badRow = 0;
  for (let month = 1; month <= 4; month++) {
    for (let day = 1; day <= 12; day++) {
      const date = `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/2024`;
      for (const shop of ['Paris', 'Lyon']) {
        lines.push(`${date};CAFE-250;${shop};${Math.floor(random() * 8)}`);
        lines.push(`${date};THE-100;${shop};${random() < 0.7 ? 0 : 1 + Math.floor(random() * 3)}`);
        lines.push(`${date};VRAC-KG;${shop};${(Math.round(random() * 40) / 10).toFixed(1).replace('.', ',')}`);
        if (month === 2 && day === 7 && shop === 'Lyon') {
          lines.push(`${date};CAFE-250;${shop};beaucoup`);
          badRow = lines.length;
        }
      }
    }
  }
  return { text: lines.join('\r\n') + '\r\n', badRow };
}

/** Opens the wizard from the left panel (the drawer's button on a narrow screen is the same element). */
async function openWizard(page: Page): Promise<void> {
  await page.click('#import-data');
  await page.waitForSelector(`${DIALOG}[open]`);
}

let browser: Browser;
const pages: AppPage[] = [];
const violations = (page: Page) => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);

async function openAppWatched(): Promise<AppPage> {
  const app = await openApp(browser, inject('stocklabUrl'), { settle: false });
  pages.push(app);
  await app.page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} blocked ${event.blockedURI || '(inline)'}`));
  });
  await app.page.reload({ waitUntil: 'load' });
  // the first load's run was cut short by the reload (its worker scripts' requests aborted): not an error of the page
  app.errors.splice(0);
  await waitForIdle(app.page);
  return app;
}

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const app of pages) await app.close();
  await browser?.close();
});

describe('importing a French CSV, answering its date question, and opening the scenario', () => {
  let app: AppPage;
  let page: Page;
  const { text, badRow } = frenchCsv();

  beforeAll(async () => {
    app = await openAppWatched();
    page = app.page;
  });

  test('the dialog opens on the file picker, and the preview shows the detected roles and the layout', async () => {
    await openWizard(page);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('import-demand');
    await page.setInputFiles('#import-demand', { name: 'ventes.csv', mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
    await page.waitForSelector(`${DIALOG} .import-mapping:not([hidden])`, { timeout: 30_000 });
    const roles = await page.$$eval(`${DIALOG} select.import-role`, (selects) => selects.map((s) => [(s as HTMLSelectElement).dataset.column, (s as HTMLSelectElement).value]));
    expect(roles).toEqual([
      ['Date', 'date'],
      ['Article', 'sku'],
      ['Magasin', 'location'],
      ['Quantité vendue', 'units'],
    ]);
    expect(await page.textContent(`${DIALOG} .import-layout`)).toMatch(/Long layout/);
    // the first rows, as in the file
    expect(await page.textContent(`${DIALOG} .import-preview tbody tr:first-child`)).toBe('01/01/2024CAFE-250Paris' + text.split('\r\n')[1].split(';')[3]);
  });

  test('the date question is asked in the file\'s own words, and Import waits for the answer', async () => {
    const legend = await page.textContent(`${DIALOG} .import-question legend`);
    expect(legend).toMatch(/02\/01\/2024 is:/);
    const choices = await page.$$eval(`${DIALOG} .import-question label`, (labels) => labels.map((l) => l.textContent?.trim()));
    expect(choices).toEqual(['2 January 2024', '1 February 2024']);
    expect(await page.isDisabled(`${DIALOG} .import-go`)).toBe(true);
    await page.check(`${DIALOG} input[name="import-date-format"][value="dmy"]`);
    expect(await page.isDisabled(`${DIALOG} .import-go`)).toBe(false);
  });

  test('the report shows the bad row with its row number, and its CSV downloads', async () => {
    await page.click(`${DIALOG} .import-go`);
    await page.waitForSelector(`${REPORT}:not([hidden])`, { timeout: 60_000 });
    const summary = await page.textContent(`${REPORT} .import-summary`);
    // day first, as answered: 1 January to 12 April (month first would end in December)
    expect(summary).toMatch(/2024-01-01 to 2024-04-12/);
    expect(summary).toMatch(/decimal comma/);
    expect(await page.textContent(`${REPORT} .import-counts`)).toBe('1 row rejected, 0 used with a remark.');
    const noteRows = await page.$$eval(`${REPORT} .import-notes tbody tr`, (rows) => rows.map((row) => [...row.querySelectorAll('td')].map((td) => td.textContent)));
    expect(noteRows).toEqual([['ventes.csv', String(badRow), 'Quantité vendue', 'rejected', 'expected a number, got "beaucoup"']]);

    const report = await downloadText(page, `${REPORT} .import-downloads button:first-child`);
    expect(report.name).toBe('ventes-import-report.csv');
    expect(parseCsv(report.text)).toEqual([
      ['file', 'row', 'column', 'status', 'reason'],
      ['ventes.csv', String(badRow), 'Quantité vendue', 'rejected', 'expected a number, got "beaucoup"'],
    ]);
    const fits = await downloadText(page, `${REPORT} .import-downloads button:last-child`);
    expect(fits.name).toBe('ventes-fits.csv');
    // a header and one line per SKU × location
    expect(parseCsv(fits.text)).toHaveLength(1 + 6);
  });

  test('the per-SKU table has a row per SKU × location, and one SKU\'s fit is drawn against its history', async () => {
    const skus = await page.$$eval(`${REPORT} .import-skus tbody tr`, (rows) => rows.map((row) => [row.querySelector('td')?.textContent, row.querySelectorAll('td')[1]?.textContent]));
    expect(skus.map(([sku, location]) => `${sku}@${location}`).sort()).toEqual(['CAFE-250@Lyon', 'CAFE-250@Paris', 'THE-100@Lyon', 'THE-100@Paris', 'VRAC-KG@Lyon', 'VRAC-KG@Paris']);
    await page.click(`${REPORT} .import-skus button[aria-label="Show the fit of CAFE-250 at Paris"]`);
    await page.waitForSelector(`${REPORT} .import-fit svg .fit-model-point`, { timeout: 60_000 });
    const chart = await page.evaluate((selector) => {
      const svg = document.querySelector(`${selector} .import-fit svg`)!;
      return {
        title: svg.getAttribute('aria-label'),
        bars: svg.querySelectorAll('.fit-bar').length,
        points: svg.querySelectorAll('.fit-model-point').length,
        axes: [...svg.querySelectorAll('.axis-title')].map((t) => t.textContent),
        legend: svg.textContent ?? '',
      };
    }, REPORT);
    expect(chart.title).toBe('Daily demand of CAFE-250 at Paris: history and fitted model');
    // 0 to 7 units sold: at least 8 bars, a model point on each
    expect(chart.bars).toBeGreaterThanOrEqual(8);
    expect(chart.points).toBe(chart.bars);
    expect(chart.axes).toEqual(['Share of days', 'Units demanded in a day']);
    expect(chart.legend).toMatch(/History: share of days/);
    expect(chart.legend).toMatch(/Model: /);
  });

  test('Open the scenario loads it, runs it, and the results have one row per SKU × location', async () => {
    await page.click(`${REPORT} .import-open`);
    await page.waitForSelector(`${DIALOG}:not([open])`, { state: 'attached' });
    await waitForRunning(page).catch(() => undefined); // a small scenario may finish before the check
    await waitForIdle(page, 60_000);
    expect(await page.textContent('#scenario-name')).toBe('Imported from ventes.csv');
    expect(await page.textContent('#status')).toMatch(/^Done\b/);
    await page.waitForSelector(STOCK_POINT_ROWS);
    expect(await page.$$eval(STOCK_POINT_ROWS, (rows) => rows.length)).toBe(6);
  });

  test('the whole road goes on: one SKU’s row opens its inventory chart, and the rows export as CSV', async () => {
    // the planner's question: which SKUs fall short. The worst fill rate first, then its chart
    await page.click('#stock-points th:has-text("Fill rate")');
    const worst = page.locator(STOCK_POINT_ROWS).first();
    const picked = (await worst.getAttribute('title')) ?? (await worst.textContent()) ?? '';
    await worst.click();
    const chosen = await page.inputValue('#inventory-point');
    expect(chosen).not.toBe('');
    // the chart is that stock point's: its title names the point the row opened
    const [location, product] = chosen.split(' / ');
    await page.waitForFunction(([l, p]) => (document.querySelector('#inventory svg')?.textContent ?? '').includes(`${l} · ${p}`), [location, product]);
    expect(picked).toContain(product);
    const file = await downloadText(page, '#stock-points-export-csv');
    const [head, ...body] = parseCsv(file.text);
    expect(head.slice(0, 7)).toEqual(['scenario', 'seed', 'replications', 'complete', 'stocklabVersion', 'variant', 'node']);
    expect(body).toHaveLength(6);
    expect(body.every((row) => row[0] === 'Imported from ventes.csv')).toBe(true);
    expect(app.errors).toEqual([]);
  });

  test('Save gives the scenario `stocklab import --date-format dmy` makes of the same file (its fits embedded)', async () => {
    const saved = JSON.parse((await downloadText(page, '#save-file')).text) as unknown;
    const cli = await importFiles({ name: 'ventes.csv', bytes: new TextEncoder().encode(text) }, undefined, { dateFormat: 'dmy' });
    expect(saved).toEqual(cli.scenario);
  });

  test('a file writing 6,5 and 6.5 asks what the comma means, and the answer is the import\'s', async () => {
    await openWizard(page);
    const mixed = ['date;sku;units', ...Array.from({ length: 30 }, (_, i) => `2024-03-${String(i + 1).padStart(2, '0')};A;${i === 3 ? '6.5' : `${i % 5},5`}`)].join('\n');
    await page.setInputFiles('#import-demand', { name: 'mixed.csv', mimeType: 'text/csv', buffer: Buffer.from(mixed) });
    await page.waitForSelector(`${DIALOG} input[name="import-decimal"]`);
    expect(await page.textContent(`${DIALOG} .import-question legend`)).toBe('This file writes decimals both with a comma and with a point. Does 1,5 mean 1.5?');
    expect(await page.isDisabled(`${DIALOG} .import-go`)).toBe(true);
    await page.check(`${DIALOG} input[name="import-decimal"][value="comma"]`);
    await page.click(`${DIALOG} .import-go`);
    await page.waitForSelector(`${REPORT}:not([hidden])`);
    expect(await page.textContent(`${REPORT} .import-summary`)).toMatch(/decimal comma/);
    // read with a decimal comma, 6.5 is no number: its row (5) is set aside, not read as 65
    const noteRows = await page.$$eval(`${REPORT} .import-notes tbody tr`, (rows) => rows.map((row) => row.querySelectorAll('td')[1].textContent));
    expect(noteRows).toEqual(['5']);
  });

  test('a file with nothing usable in it: the wizard says so, Open is off, and the dialog stays open', async () => {
    await page.setInputFiles('#import-demand', { name: 'zeros.csv', mimeType: 'text/csv', buffer: Buffer.from('date,sku,units\n2024-03-01,A,0\n2024-03-02,A,0\n') });
    await page.waitForFunction((selector) => document.querySelector(`${selector} .import-layout`)?.textContent?.startsWith('2 rows.'), DIALOG);
    await page.click(`${DIALOG} .import-go`);
    await page.waitForSelector(`${REPORT}:not([hidden])`);
    expect(await page.isVisible(`${REPORT} .import-nothing`)).toBe(true);
    expect(await page.textContent(`${REPORT} .import-nothing`)).toMatch(/^Nothing usable remains/);
    expect(await page.isDisabled(`${REPORT} .import-open`)).toBe(true);
    expect(await page.isVisible(`${DIALOG}[open]`)).toBe(true);
    // the scenario opened before is still the one shown
    expect(await page.textContent('#scenario-name')).toBe('Imported from ventes.csv');
  });

  test('the dialog closes with Escape; no error and no policy violation along the way', async () => {
    await page.keyboard.press('Escape');
    await page.waitForSelector(`${DIALOG}:not([open])`, { state: 'attached' });
    expect(await violations(page)).toEqual([]);
    expect(app.errors).toEqual([]);
  });
});

describe('importing an XLSX workbook', () => {
  test('no question to answer: imported, opened and run', async () => {
    const app = await openAppWatched();
    const page = app.page;
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sales');
    sheet.addRow(['Date', 'SKU', 'Store', 'Units']);
    const random = generator(11);
    for (let day = 0; day < 60; day++) for (const sku of ['A-1', 'B-2']) sheet.addRow([new Date(Date.UTC(2024, 0, 1 + day)), sku, 'north', Math.floor(random() * (sku === 'A-1' ? 6 : 20))]);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());

    await openWizard(page);
    await page.setInputFiles('#import-demand', { name: 'sales.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
    await page.waitForSelector(`${DIALOG} .import-mapping:not([hidden])`, { timeout: 30_000 });
    expect(await page.textContent(`${DIALOG} .import-layout`)).toMatch(/^Sheet “Sales”, 120 rows\. Long layout/);
    // one sheet: nothing to choose
    expect(await page.isHidden(`${DIALOG} .import-sheet`)).toBe(true);
    expect(await page.$$(`${DIALOG} .import-question`)).toHaveLength(0);
    await page.click(`${DIALOG} .import-go`);
    await page.waitForSelector(`${REPORT}:not([hidden])`, { timeout: 60_000 });
    expect(await page.textContent(`${REPORT} .import-counts`)).toBe('Every row was used.');
    await page.click(`${REPORT} .import-open`);
    await waitForIdle(page, 60_000);
    await page.waitForSelector(STOCK_POINT_ROWS);
    expect(await page.$$eval(STOCK_POINT_ROWS, (rows) => rows.length)).toBe(2);
    expect(await violations(page)).toEqual([]);
    expect(app.errors).toEqual([]);
  });
});

describe('cancelling the import of a large file', () => {
  /** About 30 MB of daily sales: 500 SKUs in 2 shops over two years, ISO dates (no question). */
  function largeCsv(): Buffer {
    const lines = ['date,sku,store,units'];
    const start = Date.UTC(2023, 0, 2);
    for (let d = 0; d < 730; d++) {
      const date = new Date(start + d * 86_400_000).toISOString().slice(0, 10);
      for (let s = 0; s < 500; s++) for (const store of ['lyon-part-dieu', 'paris-chatelet']) lines.push(`${date},ARTICLE-${String(s).padStart(5, '0')},${store},${(s * 7 + d * 13) % 11}`);
    }
    return Buffer.from(lines.join('\n') + '\n');
  }

  test('Cancel stops the worker at once and leaves the app usable; the page never stalls while it reads', async () => {
    const app = await openAppWatched();
    const page = app.page;
    const buffer = largeCsv();
    expect(buffer.length).toBeGreaterThan(30e6);
    await openWizard(page);
    // playwright hands the page 30 MB through the DevTools protocol: slow on a loaded machine
    await page.setInputFiles('#import-demand', { name: 'large.csv', mimeType: 'text/csv', buffer }, { timeout: 120_000 });
    await page.waitForSelector(`${DIALOG} .import-mapping:not([hidden])`, { timeout: 120_000 });
    expect(await page.textContent(`${DIALOG} .import-layout`)).toMatch(/730,000 rows/);

    // the longest gap between 20 ms timer ticks while the worker reads: the page's stall
    await page.evaluate(() => {
      const w = window as unknown as { __stall: number; __stop: () => void };
      let last = performance.now();
      w.__stall = 0;
      const timer = setInterval(() => {
        const now = performance.now();
        w.__stall = Math.max(w.__stall, now - last);
        last = now;
      }, 20);
      w.__stop = () => clearInterval(timer);
    });
    await page.click(`${DIALOG} .import-go`);
    await page.waitForFunction((selector) => /^Step 1 of 2/.test(document.querySelector(`${selector} .import-progress-text`)?.textContent ?? ''), DIALOG);
    // the file was read once, for the preview: the import only fits (a few seconds for 1,000 series),
    // so Cancel comes soon after the start, while the worker is busy
    await page.waitForTimeout(300);
    const stall = await page.evaluate(() => {
      const w = window as unknown as { __stall: number; __stop: () => void };
      w.__stop();
      return w.__stall;
    });
    console.log(`importWizard: longest page stall while the worker reads a ${(buffer.length / 1e6).toFixed(1)} MB file: ${stall.toFixed(0)} ms`);
    expect(stall).toBeLessThan(1_000);

    const clicked = Date.now();
    await page.click(`${DIALOG} .import-cancel`);
    await page.waitForSelector(`${DIALOG} .import-progress`, { state: 'hidden' });
    expect(Date.now() - clicked).toBeLessThan(2_000);
    expect(await page.textContent(`${DIALOG} .import-progress-note`)).toMatch(/^Cancelled: nothing was imported/);
    expect(await page.isHidden(REPORT)).toBe(true);
    expect(await page.isDisabled(`${DIALOG} .import-go`)).toBe(false);

    // the app is usable: the dialog closes, and a run of the open scenario works
    await page.keyboard.press('Escape');
    const status = await runWith(page, { replications: 2 });
    expect(status).toMatch(/^Done\b/);
    expect(app.errors).toEqual([]);
  }, 240_000);
});

describe('choosing the sheet of a workbook', () => {
  test('the sales on the second sheet: choosing it changes the preview, and the import reads it', async () => {
    const app = await openAppWatched();
    const page = app.page;
    const workbook = new ExcelJS.Workbook();
    // the first sheet holds words, as an export's cover page does: it is the one read by default
    const notes = workbook.addWorksheet('Notes');
    notes.addRow(['Exported from the till', 'Version']);
    notes.addRow(['Spring 2024', 3]);
    const sales = workbook.addWorksheet('Sales');
    sales.addRow(['Date', 'SKU', 'Store', 'Units']);
    const random = generator(5);
    for (let day = 0; day < 45; day++) for (const sku of ['A-1', 'B-2']) sales.addRow([new Date(Date.UTC(2024, 2, 1 + day)), sku, 'north', Math.floor(random() * (sku === 'A-1' ? 5 : 12))]);
    workbook.addWorksheet('Empty');
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());

    await openWizard(page);
    await page.setInputFiles('#import-demand', { name: 'export.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
    await page.waitForSelector(`${DIALOG} .import-mapping:not([hidden])`, { timeout: 30_000 });
    expect(await page.isVisible(`${DIALOG} .import-sheet`)).toBe(true);
    const sheetSelect = `${DIALOG} select.import-sheet-select`;
    expect(await page.$$eval(`${sheetSelect} option`, (options) => options.map((o) => o.textContent))).toEqual(['Notes', 'Sales', 'Empty']);
    expect(await page.inputValue(sheetSelect)).toBe('Notes');
    expect(await page.textContent(`${DIALOG} .import-layout`)).toMatch(/^Sheet “Notes”, 1 rows\. No date column/);
    expect(await page.isDisabled(`${DIALOG} .import-go`)).toBe(true);

    // a sheet that cannot be read is said so, and the others can still be chosen
    await page.selectOption(sheetSelect, 'Empty');
    await page.waitForFunction((selector) => document.querySelector(`${selector} .import-layout`)?.textContent?.startsWith('This sheet cannot be imported'), DIALOG);
    expect(await page.textContent(`${DIALOG} .import-layout`)).toBe('This sheet cannot be imported: export.xlsx: sheet "Empty" is empty. Choose another sheet.');
    expect(await page.$$(`${DIALOG} select.import-role`)).toHaveLength(0);
    expect(await page.isDisabled(`${DIALOG} .import-go`)).toBe(true);
    expect(await page.isVisible(`${DIALOG} .import-sheet`)).toBe(true);

    await page.selectOption(sheetSelect, 'Sales');
    await page.waitForFunction((selector) => document.querySelector(`${selector} .import-layout`)?.textContent?.startsWith('Sheet “Sales”'), DIALOG);
    expect(await page.textContent(`${DIALOG} .import-layout`)).toMatch(/^Sheet “Sales”, 90 rows\. Long layout/);
    const roles = await page.$$eval(`${DIALOG} select.import-role`, (selects) => selects.map((s) => [(s as HTMLSelectElement).dataset.column, (s as HTMLSelectElement).value]));
    expect(roles).toEqual([
      ['Date', 'date'],
      ['SKU', 'sku'],
      ['Store', 'location'],
      ['Units', 'units'],
    ]);
    expect(await page.inputValue(sheetSelect)).toBe('Sales');

    await page.click(`${DIALOG} .import-go`);
    await page.waitForSelector(`${REPORT}:not([hidden])`, { timeout: 60_000 });
    expect(await page.textContent(`${REPORT} .import-counts`)).toBe('Every row was used.');
    await page.click(`${REPORT} .import-open`);
    await waitForRunning(page).catch(() => undefined);
    await waitForIdle(page, 60_000);
    const saved = JSON.parse((await downloadText(page, '#save-file')).text) as unknown;
    const cli = await importFiles({ name: 'export.xlsx', bytes: new Uint8Array(buffer) }, undefined, { sheet: 'Sales' });
    expect(cli.scenario).not.toBeNull();
    expect(saved).toEqual(cli.scenario);
    expect(await violations(page)).toEqual([]);
    expect(app.errors).toEqual([]);
  }, 120_000);
});

describe('a locations file, the scenario\'s settings, and a SKU replayed', () => {
  let app: AppPage;
  let page: Page;
  /** 70 days of two SKUs in two shops (ISO dates: no question), A-1 steady, B-2 lumpy. */
  function salesCsv(): string {
    const random = generator(23);
    const lines = ['date,sku,store,units'];
    for (let day = 0; day < 70; day++) {
      const date = new Date(Date.UTC(2024, 0, 1 + day)).toISOString().slice(0, 10);
      for (const store of ['north', 'south']) {
        lines.push(`${date},A-1,${store},${2 + Math.floor(random() * 5)}`);
        lines.push(`${date},B-2,${store},${random() < 0.6 ? 0 : Math.floor(random() * 15)}`);
      }
    }
    return lines.join('\n') + '\n';
  }
  const sales = salesCsv();
  const locations = 'id,kind,supplied by,lead time\nnorth,store,DC,1\nsouth,store,DC,2\nDC,warehouse,,\n';
  const settings = { currency: 'USD', horizonDays: '180', replications: '5', seed: 'spring' };
  const modelOf = (sku: string, location: string) =>
    page.$$eval(
      `${REPORT} .import-skus tbody tr`,
      (rows, [s, l]) => rows.find((row) => row.querySelector('td')?.textContent === s && row.querySelectorAll('td')[1]?.textContent === l)?.querySelectorAll('td')[3]?.textContent ?? null,
      [sku, location],
    );

  beforeAll(async () => {
    app = await openAppWatched();
    page = app.page;
  });

  test('the locations file and the settings are imported: the warehouse has its row in the report, with nothing to replay', async () => {
    await openWizard(page);
    await page.setInputFiles('#import-demand', { name: 'sales.csv', mimeType: 'text/csv', buffer: Buffer.from(sales) });
    await page.setInputFiles('#import-locations', { name: 'sites.csv', mimeType: 'text/csv', buffer: Buffer.from(locations) });
    await page.waitForSelector(`${DIALOG} .import-mapping:not([hidden])`, { timeout: 30_000 });
    for (const [name, value] of Object.entries(settings)) await page.fill(`${DIALOG} .import-options input[name="${name}"]`, value);
    await page.click(`${DIALOG} .import-go`);
    await page.waitForSelector(`${REPORT}:not([hidden])`, { timeout: 60_000 });
    expect(await page.textContent(`${REPORT} .import-summary`)).toMatch(/sites\.csv: 3 locations, 1 warehouse; 2 stores supplied by a warehouse/);
    expect(await modelOf('A-1', 'DC')).toBe('warehouse (supplies stores)');
    expect(await page.$$(`${REPORT} .import-skus input[aria-label^="Replay the history of"]`)).toHaveLength(4);
    expect(await page.isHidden(`${REPORT} .import-replay-row`)).toBe(true);
  });

  test('ticking B-2 marks its two rows, says the import is pending, and Import again replays it', async () => {
    const marked = () => page.$$eval(`${REPORT} .import-skus input.import-replay`, (boxes) => boxes.map((b) => `${(b as HTMLInputElement).dataset.sku}:${(b as HTMLInputElement).checked}`));
    // one of B-2's rows: the mark is the SKU's, so its other row follows
    await page.check(`${REPORT} .import-skus input[aria-label^="Replay the history of B-2"] >> nth=0`);
    expect((await marked()).sort()).toEqual(['A-1:false', 'A-1:false', 'B-2:true', 'B-2:true']);
    expect(await page.textContent(`${REPORT} .import-replay-note`)).toBe('1 SKU marked for replay: Import again to apply.');
    await page.click(`${REPORT} .import-replay-apply`);
    await page.waitForSelector(`${REPORT}:not([hidden])`, { timeout: 60_000 });
    await page.waitForFunction((selector) => document.querySelector(`${selector} .import-progress`)?.hasAttribute('hidden'), DIALOG);
    expect(await modelOf('B-2', 'north')).toBe('history replayed');
    expect(await modelOf('B-2', 'south')).toBe('history replayed');
    expect(await modelOf('A-1', 'north')).not.toBe('history replayed');
    expect((await marked()).sort()).toEqual(['A-1:false', 'A-1:false', 'B-2:true', 'B-2:true']);
    expect(await page.isHidden(`${REPORT} .import-replay-row`)).toBe(true);
  });

  test('the saved scenario is the CLI\'s: a warehouse with its stock points, B-2 replayed, A-1 fitted, the settings typed', async () => {
    await page.click(`${REPORT} .import-open`);
    await waitForRunning(page).catch(() => undefined);
    await waitForIdle(page, 60_000);
    const saved = JSON.parse((await downloadText(page, '#save-file')).text) as {
      currency: string;
      horizonDays: number;
      replications: number;
      seed: string;
      nodes: { id: string; type: string }[];
      stockPoints: { node: string; product: string }[];
      demand: { type: string; node: string; product: string }[];
    };
    const cli = await importFiles(
      { name: 'sales.csv', bytes: new TextEncoder().encode(sales) },
      undefined,
      { replay: new Set(['B-2']), currency: 'USD', horizonDays: 180, replications: 5, seed: 'spring' },
      { name: 'sites.csv', bytes: new TextEncoder().encode(locations) },
    );
    expect(saved).toEqual(cli.scenario);
    // what that scenario holds, said plainly
    expect([saved.currency, saved.horizonDays, saved.replications, saved.seed]).toEqual(['USD', 180, 5, 'spring']);
    const warehouse = saved.nodes.find((node) => node.type === 'warehouse');
    expect(warehouse).toBeDefined();
    expect(saved.stockPoints.filter((sp) => sp.node === warehouse!.id)).toHaveLength(2);
    const product = (sku: string) => saved.demand.filter((d) => d.product.startsWith(sku));
    expect(product('B-2').map((d) => d.type)).toEqual(['history', 'history']);
    expect(product('A-1').map((d) => d.type)).toEqual(['perPeriod', 'perPeriod']);
    expect(await violations(page)).toEqual([]);
    expect(app.errors).toEqual([]);
  }, 120_000);

  test('without the locations file, the Warehouse option supplies every store, with its transfer days', async () => {
    await openWizard(page);
    // the same sales still chosen; the locations file taken off
    await page.setInputFiles('#import-locations', []);
    expect(await page.textContent('#import-locations ~ .import-chosen')).toBe('');
    await page.fill(`${DIALOG} .import-options input[name="warehouse"]`, 'Central');
    await page.fill(`${DIALOG} .import-options input[name="transferDays"]`, '3');
    await page.click(`${DIALOG} .import-go`);
    await page.waitForSelector(`${REPORT}:not([hidden])`, { timeout: 60_000 });
    await page.waitForFunction((selector) => document.querySelector(`${selector} .import-progress`)?.hasAttribute('hidden'), DIALOG);
    expect(await modelOf('A-1', 'Central')).toBe('warehouse (supplies stores)');
    // the replay marked before still holds: the options changed, not the file
    expect(await modelOf('B-2', 'north')).toBe('history replayed');
    await page.click(`${REPORT} .import-open`);
    await waitForRunning(page).catch(() => undefined);
    await waitForIdle(page, 60_000);
    const saved = JSON.parse((await downloadText(page, '#save-file')).text) as { lanes: { from: string; to: string; leadTime: unknown }[] };
    const cli = await importFiles({ name: 'sales.csv', bytes: new TextEncoder().encode(sales) }, undefined, {
      replay: new Set(['B-2']),
      currency: 'USD',
      horizonDays: 180,
      replications: 5,
      seed: 'spring',
      warehouse: 'Central',
      transferDays: 3,
    });
    expect(saved).toEqual(cli.scenario);
    expect(saved.lanes.filter((lane) => lane.from === 'Central').map((lane) => [lane.to, lane.leadTime])).toEqual([
      ['north', { type: 'constant', value: 3 }],
      ['south', { type: 'constant', value: 3 }],
    ]);
    expect(app.errors).toEqual([]);
  }, 120_000);
});
