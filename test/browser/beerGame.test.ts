/**
 * The Beer Game played in the browser (issue 18, web/classroom/beerGamePanel.ts), in Chromium: a whole
 * single-player game (36 turns) to its debrief (the bullwhip chart with its legend, the cost table
 * against the rules and the full-information bound); a hot-seat round of four players with the curtain
 * between them, each seeing only its own station; a reload mid-game resumes it; the CSV export; the
 * share link reopening the same game at the same week; a damaged saved game refused; French; 390 px
 * (the game's own container measured: it covers the app); the timer running out and placing the order
 * that came in, and a reload keeping the turn's time left; the chart's line tooltips and week cursor.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { AppPage } from './harness.ts';
import { browserSession } from './session.ts';

const SHOTS = process.env.BEER_SHOTS ?? '';
const session = browserSession(async () => {
  if (SHOTS) await mkdir(SHOTS, { recursive: true });
});

async function open(hash = '?play=beer-game', options: { width?: number; height?: number } = {}): Promise<AppPage> {
  const app = await session.open({ hash, settle: false, ...options });
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

/** a saved game, as web/classroom/beerGameStore.ts keeps it (first 4 weeks at 4 cases, then `then`) */
const weeks = (count: number, then = 8) => Array.from({ length: count }, (_, i) => (i < 4 ? 4 : then));
const TEAM = ['retailer', 'wholesaler', 'distributor', 'factory'];
async function resume(page: Page, game: Record<string, unknown>, selector: string): Promise<void> {
  await page.evaluate((saved) => localStorage.setItem('stocklab.beerGame.v1', JSON.stringify({ version: 1, paused: false, revealed: false, timerSeconds: null, ...saved })), game);
  await page.reload();
  await page.waitForSelector(selector);
}

/**
 * What a phone shows of the game, measured on the game's own container (fixed over the app, which it
 * hides): elements sticking out of it sideways (tables scroll in their own box), and whether the order
 * field and its button lie within the screen's width.
 */
async function fitsSideways(page: Page): Promise<{ scroll: number; width: number; outside: string[]; order: boolean | null }> {
  return page.evaluate(() => {
    const root = document.querySelector<HTMLElement>('#beer-game')!;
    const width = root.clientWidth;
    const outside: string[] = [];
    for (const element of root.querySelectorAll<Element>('*')) {
      if (element.closest('[hidden], .beer-table-scroll, .visually-hidden')) continue;
      const box = element.getBoundingClientRect();
      if (box.width > 0 && (box.left < -1 || box.right > width + 1)) outside.push(`${element.tagName.toLowerCase()}#${element.id} ${element.getAttribute('class') ?? ''} ${Math.round(box.left)}–${Math.round(box.right)}`);
    }
    const controls = ['#beer-order-input', '#beer-place'].map((selector) => document.querySelector(selector)?.getBoundingClientRect());
    const order = controls.every((box) => box === undefined) ? null : controls.every((box) => box !== undefined && box.left >= 0 && box.right <= width && box.width > 0);
    return { scroll: root.scrollWidth, width, outside: outside.slice(0, 8), order };
  });
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
    // the top panel's title stands clear above its highest tick
    const clearance = await page.evaluate(() => {
      const title = [...document.querySelectorAll<SVGTextElement>('#beer-chart .axis-title')].find((node) => node.textContent === 'Orders (cases per week)')!.getBoundingClientRect();
      const ticks = [...document.querySelectorAll<SVGTextElement>('#beer-chart .axis-y .tick text')].map((node) => node.getBoundingClientRect());
      return Math.min(...ticks.map((tick) => tick.top)) - title.bottom;
    });
    expect(clearance).toBeGreaterThanOrEqual(4);
    // the pointer on a line gives that line's tooltip (the week cursor's layer lies under the lines)
    await page.selectOption('#beer-chart-game', 'team');
    const onLine = await page.evaluate(() => {
      const path = document.querySelector<SVGPathElement>('#beer-chart .beer-orders.beer-factory')!;
      const point = path.getPointAtLength(path.getTotalLength() * 0.45);
      const screen = point.matrixTransform(path.getScreenCTM()!);
      return { x: screen.x, y: screen.y };
    });
    const tooltip = page.locator('#beer-chart .chart-tooltip');
    await page.mouse.move(onLine.x, onLine.y);
    await expect.poll(() => tooltip.textContent()).toMatch(/^Factory – Orders \(cases per week\)1: 4, 2: 4/);
    // off the lines, the week under the pointer, every stage's numbers
    const box = (await page.locator('#beer-chart .cursor-overlay').boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.25, box.y + 4);
    await expect.poll(() => tooltip.textContent()).toMatch(/^Week \d+Retailer, week \d+: order/);
    // and the keyboard: the week cursor is a slider the arrow keys move
    await page.focus('#beer-chart .cursor-overlay');
    expect(await page.getAttribute('#beer-chart .cursor-overlay', 'role')).toBe('slider');
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    expect(await page.getAttribute('#beer-chart .cursor-overlay', 'aria-valuetext')).toMatch(/^Week 2; Retailer, week 2: order 4, net stock 12; Wholesaler, week 2/);
    await page.keyboard.press('End');
    expect(await page.getAttribute('#beer-chart .cursor-overlay', 'aria-valuetext')).toMatch(/^Week 36; /);
    // each line stays a keyboard stop of its own, its name summing it up
    expect(await page.getAttribute('#beer-chart .beer-net.beer-retailer', 'aria-label')).toMatch(/^Retailer – Net stock \(cases\); 1: 12, 2: 12/);
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
        // a screen reader hears that the order before was placed, and to whom the screen goes (the
        // visible status is cleared: the next player does not see it)
        const before = k === 0 ? { name: 'Factory', week: week - 1 } : { name: names[k - 1], week };
        expect(await page.textContent('#beer-announce')).toEqual(week === 1 && k === 0 ? '' : expect.stringMatching(new RegExp(`^${before.name}, week ${before.week}: ordered \\d+ cases\\. Pass the screen to the ${names[k]}\\.$`)));
        expect(await page.getAttribute('#beer-announce', 'aria-live')).toBe('polite');
        expect(await page.evaluate(() => document.querySelector('#beer-announce')!.getBoundingClientRect().width)).toBeLessThanOrEqual(1);
        if (week === 5 && k === 1 && SHOTS) await page.screenshot({ path: `${SHOTS}/curtain-1280.png` });
        await page.click('#beer-ready');
        const seen = await station(page, role, week);
        expect(await page.locator('#beer-station').count()).toBe(1);
        for (const other of names.filter((name) => name !== names[k])) expect(seen.text).not.toContain(other);
        // nor what the player before ordered
        expect(await page.textContent('#beer-status')).toBe('');
        expect(await page.textContent('#beer-announce')).toBe('');
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
    const other = await session.open({ hash: link.slice(link.indexOf('?')), settle: false });
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
    expect(app.errors).toEqual([]);

    // a phone, in English and in French: the game's own screens fit its width (setup, station,
    // curtain, the facilitator's reveal, the debrief); the order field and its button are on screen
    for (const language of ['en', 'fr']) {
      const phone = await open(`?${language === 'fr' ? 'lang=fr&' : ''}play=beer-game`, { width: 390, height: 844 });
      const p = phone.page;
      await p.waitForSelector('#beer-setup');
      await p.check('input[name="beer-mode"][value="hotSeat"]');
      await p.check('#beer-timer-on');
      const screens: [string, Record<string, unknown> | null, string][] = [
        ['setup', null, '#beer-setup'],
        ['station', { mode: 'single', humans: ['retailer'], others: 'sterman', timerSeconds: 60, orders: { retailer: weeks(7) } }, '#beer-station'],
        ['curtain', { mode: 'hotSeat', humans: TEAM, others: 'sterman', orders: { retailer: weeks(6, 9), wholesaler: weeks(5), distributor: weeks(5), factory: weeks(5) } }, '#beer-curtain'],
        ['reveal', { mode: 'hotSeat', humans: TEAM, others: 'sterman', revealed: true, orders: { retailer: weeks(12, 9), wholesaler: weeks(12, 12), distributor: weeks(12, 14), factory: weeks(11, 16) } }, '#beer-board:not([hidden]) svg'],
        ['debrief', { mode: 'single', humans: ['retailer'], others: 'sterman', orders: { retailer: weeks(36) } }, '#beer-debrief:not([hidden]) svg'],
      ];
      for (const [name, game, selector] of screens) {
        if (game) await resume(p, game, selector);
        const fit = await fitsSideways(p);
        expect({ screen: `${language} ${name}`, ...fit }).toEqual({ screen: `${language} ${name}`, scroll: fit.width, width: fit.width, outside: [], order: name === 'station' ? true : null });
        if (SHOTS) await p.screenshot({ path: `${SHOTS}/${name}-390-${language}.png` });
      }
      // the station's numbers are large enough to read on a phone
      await resume(p, screens[1][1]!, '#beer-station');
      expect(await p.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.beer-incoming dd')!).fontSize))).toBeGreaterThanOrEqual(20);
      expect(phone.errors).toEqual([]);
    }

    const fr = await open('?lang=fr&play=beer-game', { width: 1920, height: 1080 });
    await setup(fr.page, { mode: 'single', role: 'wholesaler', others: 'sterman' });
    await fr.page.waitForSelector('#beer-station');
    expect(await fr.page.textContent('#beer-station h3')).toContain('Semaine 1 sur 36');
    const words = (await fr.page.textContent('#beer-game'))!;
    expect(words).not.toMatch(/\b(the|order|cost|week|cases)\b/i);
    if (SHOTS) await fr.page.screenshot({ path: `${SHOTS}/station-fr-1920.png` });
    expect(fr.errors).toEqual([]);
  }, 180_000);

  test('the timer runs out: the order placed is the order that came in (pass-through), as the screen says; a reload keeps the time left', async () => {
    const { page, errors } = await open();
    await page.waitForSelector('#beer-setup');
    await page.check('#beer-timer-on');
    // the shortest limit the setup allows
    expect(await page.getAttribute('#beer-timer-seconds', 'min')).toBe('10');
    await page.fill('#beer-timer-seconds', '10');
    await setup(page, { mode: 'single', role: 'retailer', others: 'passThrough' });
    for (let week = 1; week <= 4; week++) {
      await station(page, 'retailer', week);
      await order(page, 4);
    }
    // week 5: the customers' order steps up to 8; the screen says what happens when the time runs out
    const seen = await station(page, 'retailer', 5);
    expect(seen.incoming).toBe(8);
    expect(await page.textContent('#beer-timer-note')).toBe('If the time runs out: 8 cases (the order that came in).');
    expect(await page.textContent('#beer-countdown')).toMatch(/^Time left: 0:(10|09)$/);
    await page.fill('#beer-order-input', '30'); // typed, never placed
    await page.waitForFunction(() => document.querySelector('#beer-station h3')?.textContent?.includes('Week 6 of 36'), undefined, { timeout: 15_000 });
    expect(await page.textContent('#beer-status')).toBe('Time is up: the Retailer orders 8 cases, the order that came in.');
    expect(await page.textContent('#beer-station .beer-last dd')).toContain('week 5: 8');
    const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('stocklab.beerGame.v1')!) as { orders: { retailer: number[] } });
    expect(saved.orders.retailer).toEqual([4, 4, 4, 4, 8]);

    // a reload keeps the turn's time left: paused, exactly; running, less than the full turn
    await page.waitForFunction(() => /0:0[0-7]$/.test(document.querySelector('#beer-countdown')?.textContent ?? ''), undefined, { timeout: 5_000 });
    await page.click('#beer-pause');
    const left = (await page.textContent('#beer-countdown'))!;
    await page.reload();
    await station(page, 'retailer', 6);
    expect(await page.isDisabled('#beer-order-input')).toBe(true);
    expect(await page.textContent('#beer-countdown')).toBe(left);
    await page.waitForTimeout(1_500);
    expect(await page.textContent('#beer-countdown')).toBe(left);
    await page.click('#beer-pause');
    await page.reload();
    await station(page, 'retailer', 6);
    const after = Number(/0:(\d\d)$/.exec((await page.textContent('#beer-countdown'))!)?.[1]);
    expect(after).toBeLessThanOrEqual(Number(/0:(\d\d)$/.exec(left)![1]));
    // and runs out as before, the order that came in placed
    await page.waitForFunction(() => document.querySelector('#beer-station h3')?.textContent?.includes('Week 7 of 36'), undefined, { timeout: 15_000 });
    const placed = await page.evaluate(() => JSON.parse(localStorage.getItem('stocklab.beerGame.v1')!) as { orders: { retailer: number[] } });
    expect(placed.orders.retailer).toEqual([4, 4, 4, 4, 8, 8]);
    expect(errors).toEqual([]);
  }, 90_000);
});
