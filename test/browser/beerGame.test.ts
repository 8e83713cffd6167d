/**
 * The Beer Game played in the browser (issue 18, web/classroom/beerGamePanel.ts), in Chromium: a whole
 * single-player game (36 turns) to its debrief (the bullwhip chart with its legend, the cost table
 * against the rules and the full-information bound); a hot-seat round of four players with the curtain
 * between them, each seeing only its own station; a reload mid-game resumes it; the CSV export; the
 * share link reopening the same game at the same week; a damaged saved game refused; French; 390 px.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openApp, type AppPage } from './harness.ts';

const SHOTS = process.env.BEER_SHOTS ?? '';
let browser: Browser;
const pages: AppPage[] = [];
beforeAll(async () => {
  browser = await launchBrowser();
  if (SHOTS) await mkdir(SHOTS, { recursive: true });
});
afterAll(async () => {
  for (const app of pages) await app.close();
  await browser?.close();
});

async function open(hash = '?play=beer-game', options: { width?: number; height?: number } = {}): Promise<AppPage> {
  const app = await openApp(browser, inject('stocklabUrl'), { hash, settle: false, ...options });
  pages.push(app);
  await app.page.waitForSelector('#beer-game:not([hidden])');
  return app;
}

async function setup(page: Page, choice: { mode: 'single' | 'hotSeat'; role?: string; roles?: string[]; others: string }): Promise<void> {
  await page.waitForSelector('#beer-setup');
  await page.check(`input[name="beer-mode"][value="${choice.mode}"]`);
  if (choice.role) await page.selectOption('#beer-role', choice.role);
  if (choice.roles) for (const role of ['retailer', 'wholesaler', 'distributor', 'factory']) await page.setChecked(`input[name="beer-roles"][value="${role}"]`, choice.roles.includes(role));
  await page.selectOption('#beer-others', choice.others);
  await page.click('#beer-start');
}

/** the station shown: its role, week heading and figures */
async function station(page: Page, role: string, week: number): Promise<{ incoming: number; text: string }> {
  const card = page.locator(`#beer-station[data-role="${role}"]`);
  await card.waitFor();
  await expect.poll(() => card.locator('h3').textContent()).toContain(`Week ${week} of 36`);
  const incoming = Number((await card.locator('.beer-incoming dd').textContent())!.replace(/[^\d.]/g, ''));
  return { incoming, text: (await card.textContent()) ?? '' };
}

async function order(page: Page, quantity: number): Promise<void> {
  // the order field has the focus on every turn
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('beer-order-input');
  // the first weeks' order is fixed (the field read-only, holding it)
  if ((await page.getAttribute('#beer-order-input', 'readonly')) !== null) expect(await page.inputValue('#beer-order-input')).toBe(String(quantity));
  else await page.fill('#beer-order-input', String(quantity));
  await page.press('#beer-order-input', 'Enter');
}

describe('the Beer Game mode', () => {
  test('one player plays all 36 weeks at the retailer; the debrief shows the bullwhip chart and the costs against the rules and the best', async () => {
    const { page, errors } = await open('?play=beer-game', { width: 1280, height: 2000 });
    await setup(page, { mode: 'single', role: 'retailer', others: 'passThrough' });
    for (let week = 1; week <= 36; week++) {
      const seen = await station(page, 'retailer', week);
      if (week === 1) expect(seen.text).toContain('Customers’ order');
      await order(page, week <= 4 ? 4 : seen.incoming);
    }
    await page.waitForSelector('#beer-debrief:not([hidden]) #beer-costs');
    const cost = (id: string) => page.textContent(`#beer-costs tr[data-game="${id}"] .beer-team-cost`);
    // ordering what comes in, among pass-through stages, is the pass-through game: 792
    expect(await cost('team')).toBe('792.00');
    expect(await cost('sterman')).toBe('2,694.00');
    expect(await cost('passThrough')).toBe('792.00');
    expect(await cost('benchmark')).toBe('204.00');
    expect(await cost('best')).toBe('158.00');
    expect(await page.textContent('#beer-best-note')).toMatch(/whole cases/);
    const legend = await page.locator('#beer-chart .chart-legend text').allTextContents();
    expect(legend).toEqual(['Retailer', 'Wholesaler', 'Distributor', 'Factory', 'Customers']);
    expect(await page.locator('#beer-chart .beer-orders').count()).toBe(4);
    expect(await page.locator('#beer-chart .beer-net').count()).toBe(4);
    expect(await page.locator('#beer-chart .axis-title').allTextContents()).toEqual(expect.arrayContaining(['Orders (cases per week)', 'Net stock (cases)', 'Week']));
    // the same game replayed by a rule, on the same chart
    await page.selectOption('#beer-chart-game', 'sterman');
    await expect.poll(() => page.textContent('#beer-chart svg title')).toContain('Sterman');
    if (SHOTS) await page.locator('#beer-debrief').screenshot({ path: `${SHOTS}/debrief-1280.png` });
    expect(errors).toEqual([]);
  }, 120_000);

  test('a team at one screen: a curtain between players, each sees its own station only; a reload resumes; CSV; the link reopens the game at its week', async () => {
    const app = await open();
    const { page, errors } = app;
    await setup(page, { mode: 'hotSeat', roles: ['retailer', 'wholesaler', 'distributor', 'factory'], others: 'sterman' });
    const roles = ['retailer', 'wholesaler', 'distributor', 'factory'];
    const names = ['Retailer', 'Wholesaler', 'Distributor', 'Factory'];
    for (let week = 1; week <= 5; week++) {
      for (const [k, role] of roles.entries()) {
        await page.waitForSelector('#beer-curtain');
        expect(await page.textContent('#beer-curtain h3')).toBe(`Pass the screen to the ${names[k]}`);
        // nothing of any station behind the curtain
        expect(await page.locator('#beer-station').count()).toBe(0);
        expect(await page.evaluate(() => document.activeElement?.id)).toBe('beer-ready');
        if (week === 5 && k === 1 && SHOTS) await page.screenshot({ path: `${SHOTS}/curtain-1280.png` });
        await page.click('#beer-ready');
        const seen = await station(page, role, week);
        expect(await page.locator('#beer-station').count()).toBe(1);
        for (const other of names.filter((name) => name !== names[k])) expect(seen.text).not.toContain(other);
        // nor what the player before ordered
        expect(await page.textContent('#beer-status')).toBe('');
        if (week === 5 && k === 1 && SHOTS) await page.screenshot({ path: `${SHOTS}/station-1280.png` });
        await order(page, week <= 4 ? 4 : seen.incoming + 2);
      }
    }
    // the facilitator pauses: the order field is frozen
    await page.click('#beer-ready');
    await station(page, 'retailer', 6);
    await page.click('#beer-pause');
    expect(await page.isDisabled('#beer-order-input')).toBe(true);
    await page.click('#beer-pause');
    await page.fill('#beer-order-input', '9');
    await page.press('#beer-order-input', 'Enter');
    await page.waitForSelector('#beer-curtain');
    // reload mid-game: the same game, the wholesaler's turn in week 6
    await page.reload();
    await page.waitForSelector('#beer-curtain');
    expect(await page.textContent('#beer-curtain')).toContain('Week 6 of 36');
    expect(await page.textContent('#beer-curtain h3')).toBe('Pass the screen to the Wholesaler');
    // the facilitator reveals every station
    await page.click('#beer-reveal');
    await page.waitForSelector('#beer-board:not([hidden]) table');
    expect(await page.locator('#beer-board tbody tr').count()).toBe(4);
    if (SHOTS) await page.locator('#beer-board').screenshot({ path: `${SHOTS}/board-1280.png` });
    await page.click('#beer-reveal');
    // CSV: a row per week and stage
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#beer-csv')]);
    const csv = (await readFile((await download.path())!, 'utf8')).trim().split(/\r?\n/);
    expect(csv[0]).toBe('week,role,incoming order,shipment received,inventory,backlog,order placed,cost');
    expect(csv).toHaveLength(1 + 6 * 4);
    expect(csv[21]).toMatch(/^6,Retailer,/);
    expect(csv[21].split(',')[6]).toBe('9');
    // the share link opens the same game, at the same week, elsewhere
    await page.click('#beer-share');
    await expect.poll(() => page.url()).toMatch(/\?play=beer-game#g=/);
    const link = page.url();
    const other = await openApp(browser, inject('stocklabUrl'), { hash: link.slice(link.indexOf('?')), settle: false });
    pages.push(other);
    await other.page.waitForSelector('#beer-curtain');
    expect(await other.page.textContent('#beer-curtain')).toContain('Week 6 of 36');
    expect(await other.page.textContent('#beer-curtain h3')).toBe('Pass the screen to the Wholesaler');
    expect(errors).toEqual([]);
    expect(other.errors).toEqual([]);
  }, 120_000);

  test('a damaged saved game is refused with a notice and a new game offered; French; 390 px', async () => {
    const app = await open('?play=beer-game', { width: 390, height: 844 });
    const { page } = app;
    await page.waitForSelector('#beer-setup');
    await page.evaluate(() => localStorage.setItem('stocklab.beerGame.v1', '{"version":1,"mode":"single","humans":["retailer"],"others":"sterman","timerSeconds":null,"orders":{"retailer":[4,"x"]},"paused":false,"revealed":false}'));
    await page.reload();
    await page.waitForSelector('#beer-notice:not([hidden])');
    expect(await page.textContent('#beer-notice')).toMatch(/could not be read \(orders\.retailer\.1/);
    await page.click('#beer-notice button');
    await setup(page, { mode: 'single', role: 'factory', others: 'benchmark' });
    await station(page, 'factory', 1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/station-390.png`, fullPage: true });
    expect(app.errors).toEqual([]);

    const fr = await open('?lang=fr&play=beer-game', { width: 1920, height: 1080 });
    await setup(fr.page, { mode: 'single', role: 'wholesaler', others: 'sterman' });
    await fr.page.waitForSelector('#beer-station');
    expect(await fr.page.textContent('#beer-station h3')).toContain('Semaine 1 sur 36');
    const words = (await fr.page.textContent('#beer-game'))!;
    expect(words).not.toMatch(/\b(the|order|cost|week|cases)\b/i);
    if (SHOTS) await fr.page.screenshot({ path: `${SHOTS}/station-fr-1920.png` });
    expect(fr.errors).toEqual([]);
  }, 120_000);
});
