import type { SavedGame } from '../../src/classroom/savedGame.ts';
import { BEER_GAME_ROLES, BEER_GAME_RULES, MAX_ORDER, type BeerGameRole, type BeerGameRule } from '../../src/classroom/beerGameNames.ts';
import { createBeerGameSession, type BeerGameDebriefResponse, type BeerGamePlay, type BeerGameRequest, type StationView } from '../worker/beerGame.ts';
import { beerGameStrings as text } from '../i18n/strings.ts';
import { moneyUnit } from '../i18n/numberFormat.ts';
import { downloadText } from '../charts/export.ts';
import { tableScroll } from '../tableScroll.ts';
import { drawBeerGameChart } from './beerGameChart.ts';
import { gameCsv, gameFromFragment, gameJson, gameLinkFragment, loadStoredGame, loadTimer, storeGame, storeTimer } from './beerGameStore.ts';

/**
 * The Beer Game mode (issue 18): people play stages of the gallery's Beer Game week by week, the
 * other stages ordering by a rule; alone, or as a team taking turns at one screen, each seeing only its
 * own station (a curtain, "pass the screen to…", between two players' turns). A facilitator bar
 * pauses (the timer and the order field freeze), reveals every station, starts a new game, exports
 * the game (CSV, JSON) and shares it as a link. The game is kept in local storage at every order, so a
 * reload resumes it. Once over, the debrief: the bullwhip chart and the cost per stage and team
 * against the rules and the best with full information. The engine runs in a worker of its own
 * (web/worker/beerGame.ts): this file draws only.
 */
export interface BeerGameMode {
  /** opens the mode: the game of a link's fragment, else the stored game, else the setup */
  open(hash?: string): Promise<void>;
  close(): void;
  readonly on: boolean;
}

export interface BeerGameModeOptions {
  /** the Beer Game's scenario (the gallery file's JSON) */
  scenario: () => unknown;
  currency: string;
  /** the mode was left (give focus back, show the app) */
  onLeave(): void;
}

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, content?: string): HTMLElementTagNameMap[K] => {
  const element = document.createElement(tag);
  if (className) element.className = className;
  if (content !== undefined) element.textContent = content;
  return element;
};
const button = (label: string, onClick: () => void, className = ''): HTMLButtonElement => {
  const element = el('button', className, label);
  element.type = 'button';
  element.addEventListener('click', onClick);
  return element;
};

export function createBeerGameMode(root: HTMLElement, options: BeerGameModeOptions): BeerGameMode {
  const session = createBeerGameSession();
  let on = false;
  let game: SavedGame | null = null;
  /** the role whose station was shown last (a different one next brings the curtain) */
  let lastShown: BeerGameRole | null = null;
  let timer: { left: number; id: number; role: BeerGameRole; week: number; fallback: number } | null = null;
  /** what the last order placed said (the curtain's announcement repeats it to a screen reader) */
  let lastPlaced: string | null = null;
  let debriefShown: BeerGameDebriefResponse | null = null;
  let busy = false;

  root.classList.add('beer-game');
  root.replaceChildren();
  const header = el('div', 'beer-head');
  const title = el('h2', 'beer-title', text.title);
  title.id = 'beer-game-title';
  title.tabIndex = -1;
  const summary = el('p', 'beer-summary');
  const tools = el('div', 'beer-tools');
  tools.setAttribute('role', 'toolbar');
  tools.setAttribute('aria-label', text.facilitator);
  const pauseButton = button(text.pause, () => togglePause());
  pauseButton.id = 'beer-pause';
  pauseButton.setAttribute('aria-pressed', 'false');
  const revealButton = button(text.reveal, () => toggleReveal());
  revealButton.id = 'beer-reveal';
  revealButton.setAttribute('aria-pressed', 'false');
  const newButton = button(text.newGame, () => {
    if (game && !confirm(text.confirmNew)) return;
    startSetup();
  });
  newButton.id = 'beer-new';
  const csvButton = button(text.exportCsv, () => void exportGame('csv'));
  csvButton.id = 'beer-csv';
  const jsonButton = button(text.exportJson, () => void exportGame('json'));
  jsonButton.id = 'beer-json';
  const shareButton = button(text.share, () => void share());
  shareButton.id = 'beer-share';
  const leaveButton = button(text.leave, () => close(), 'beer-leave');
  leaveButton.id = 'beer-leave';
  const facilitatorLabel = el('span', 'beer-tools-label', text.facilitator);
  facilitatorLabel.setAttribute('aria-hidden', 'true');
  tools.append(facilitatorLabel, pauseButton, revealButton, newButton, csvButton, jsonButton, shareButton, leaveButton);
  header.append(title, tools);
  const status = el('p', 'beer-status');
  status.id = 'beer-status';
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  const notice = el('div', 'beer-notice');
  notice.id = 'beer-notice';
  notice.setAttribute('role', 'alert');
  notice.hidden = true;
  const main = el('div', 'beer-main');
  main.id = 'beer-main';
  const board = el('section', 'beer-board');
  board.id = 'beer-board';
  board.hidden = true;
  const debrief = el('section', 'beer-debrief');
  debrief.id = 'beer-debrief';
  debrief.hidden = true;
  // for screen readers only: the countdown at the minutes and the last 30 and 10 seconds (not every
  // second), and at a curtain the order just placed with whom to pass the screen to (the visible
  // status is cleared there: the next player does not see what the one before ordered)
  const announce = el('p', 'visually-hidden');
  announce.id = 'beer-announce';
  announce.setAttribute('aria-live', 'polite');
  root.append(header, summary, notice, status, announce, main, board, debrief);

  const request = (): BeerGameRequest => ({ scenario: options.scenario(), setup: { humans: game!.humans, others: game!.others }, orders: game!.orders });
  const save = () => storeGame(game);
  const say = (message: string) => (status.textContent = message);

  function showNotice(message: string | null, withNewGame = false): void {
    notice.replaceChildren();
    notice.hidden = message === null;
    if (message === null) return;
    notice.append(el('p', '', message));
    if (withNewGame) notice.append(button(text.startAnew, () => startSetup()));
  }

  function setTools(): void {
    const playing = game !== null;
    for (const control of [pauseButton, revealButton, csvButton, jsonButton, shareButton]) control.disabled = !playing;
    pauseButton.textContent = game?.paused ? text.resume : text.pause;
    pauseButton.setAttribute('aria-pressed', String(game?.paused ?? false));
    revealButton.textContent = game?.revealed ? text.hide : text.reveal;
    revealButton.setAttribute('aria-pressed', String(game?.revealed ?? false));
    summary.textContent = game
      ? text.setupSummary(
          game.humans.map((role) => text.roles[role]).join(', '),
          game.humans.length === BEER_GAME_ROLES.length ? null : text.ruleShort[game.others],
          game.timerSeconds,
        )
      : text.intro;
  }

  // ----------------------------------------------------------------------------------------------
  // setup

  function startSetup(): void {
    stopTimer();
    storeTimer(null);
    game = null;
    lastShown = null;
    lastPlaced = null;
    debriefShown = null;
    storeGame(null);
    showNotice(null);
    board.hidden = true;
    debrief.hidden = true;
    setTools();
    const form = el('form', 'beer-setup');
    form.id = 'beer-setup';
    form.noValidate = true;
    form.append(el('h3', '', text.setup.heading));
    const modeSet = el('fieldset');
    modeSet.append(el('legend', '', text.setup.mode));
    const modes: { value: SavedGame['mode']; label: string }[] = [
      { value: 'single', label: text.setup.single },
      { value: 'hotSeat', label: text.setup.hotSeat },
    ];
    for (const mode of modes) {
      const label = el('label', 'beer-choice');
      const input = el('input');
      input.type = 'radio';
      input.name = 'beer-mode';
      input.value = mode.value;
      input.checked = mode.value === 'single';
      input.addEventListener('change', showRoles);
      label.append(input, ` ${mode.label}`);
      modeSet.append(label);
    }
    // one player: a select; a team: a checkbox per stage
    const single = el('label', 'beer-field');
    const roleSelect = el('select');
    roleSelect.id = 'beer-role';
    for (const role of BEER_GAME_ROLES) roleSelect.append(new Option(text.roles[role], role));
    single.append(el('span', '', text.setup.role), roleSelect);
    const team = el('fieldset', 'beer-team');
    team.append(el('legend', '', text.setup.roles));
    for (const role of BEER_GAME_ROLES) {
      const label = el('label', 'beer-choice');
      const input = el('input');
      input.type = 'checkbox';
      input.name = 'beer-roles';
      input.value = role;
      input.checked = true;
      label.append(input, ` ${text.roles[role]}`);
      team.append(label);
    }
    const others = el('label', 'beer-field');
    const rule = el('select');
    rule.id = 'beer-others';
    for (const value of BEER_GAME_RULES) rule.append(new Option(text.rules[value], value));
    others.append(el('span', '', text.setup.others), rule);
    const timerLabel = el('label', 'beer-choice');
    const timerOn = el('input');
    timerOn.type = 'checkbox';
    timerOn.id = 'beer-timer-on';
    timerLabel.append(timerOn, ` ${text.setup.timer}`);
    const secondsLabel = el('label', 'beer-field');
    const secondsInput = el('input');
    secondsInput.type = 'number';
    secondsInput.id = 'beer-timer-seconds';
    secondsInput.min = '10';
    secondsInput.max = '3600';
    secondsInput.step = '1';
    secondsInput.value = '60';
    secondsInput.disabled = true;
    secondsLabel.append(el('span', '', text.setup.timerSeconds), secondsInput);
    timerOn.addEventListener('change', () => (secondsInput.disabled = !timerOn.checked));
    const timerNote = el('p', 'beer-help', text.setup.timerNote);
    const error = el('p', 'field-error');
    error.hidden = true;
    error.id = 'beer-setup-error';
    const start = el('button', 'primary', text.setup.start);
    start.type = 'submit';
    start.id = 'beer-start';
    form.append(modeSet, single, team, others, timerLabel, secondsLabel, timerNote, error, start);
    function showRoles(): void {
      const hotSeat = form.querySelector<HTMLInputElement>('input[name="beer-mode"]:checked')?.value === 'hotSeat';
      single.hidden = hotSeat;
      team.hidden = !hotSeat;
    }
    showRoles();
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const mode = form.querySelector<HTMLInputElement>('input[name="beer-mode"]:checked')?.value === 'hotSeat' ? 'hotSeat' : 'single';
      const humans =
        mode === 'single'
          ? [roleSelect.value as BeerGameRole]
          : BEER_GAME_ROLES.filter((role) => form.querySelector<HTMLInputElement>(`input[name="beer-roles"][value="${role}"]`)?.checked);
      if (humans.length === 0) {
        error.textContent = text.setup.needRole;
        error.hidden = false;
        return;
      }
      const seconds = Math.round(Number(secondsInput.value));
      game = {
        version: 1,
        mode,
        humans,
        others: rule.value as BeerGameRule,
        timerSeconds: timerOn.checked && Number.isFinite(seconds) ? Math.min(3600, Math.max(10, seconds)) : null,
        orders: {},
        paused: false,
        revealed: false,
      };
      save();
      setTools();
      void refresh();
    });
    main.replaceChildren(form);
    roleSelect.focus();
  }

  // ----------------------------------------------------------------------------------------------
  // turns

  async function refresh(): Promise<void> {
    if (!game) return;
    stopTimer();
    setTools();
    busy = true;
    const answer = await session.turn(request());
    busy = false;
    if (!game) return;
    if (!answer.ok) {
      showNotice(text.failed(answer.error), true);
      main.replaceChildren();
      return;
    }
    showNotice(null);
    if (game.revealed) void showBoard();
    else board.hidden = true;
    if (answer.turn === null || answer.station === null) {
      main.replaceChildren(el('p', 'beer-over', text.over));
      await showDebrief();
      return;
    }
    debrief.hidden = true;
    const station = answer.station;
    if (game.humans.length > 1 && lastShown !== station.role) showCurtain(station);
    else showStation(station);
  }

  function showCurtain(station: StationView): void {
    const role = text.roles[station.role];
    // what the player before did is not for the next one's eyes; a screen reader hears it was placed
    say('');
    announce.textContent = lastPlaced === null ? '' : `${lastPlaced} ${text.curtain(role)}.`;
    lastPlaced = null;
    const curtain = el('div', 'beer-curtain');
    curtain.id = 'beer-curtain';
    const heading = el('h3', '', text.curtain(role));
    curtain.append(el('p', 'beer-week', text.weekOf(station.week, station.weeks)), heading, el('p', 'beer-help', text.curtainHelp));
    const ready = button(text.curtainReady(role), () => showStation(station), 'primary');
    ready.id = 'beer-ready';
    curtain.append(ready);
    main.replaceChildren(curtain);
    ready.focus();
  }

  function showStation(station: StationView): void {
    if (!game) return;
    lastShown = station.role;
    announce.textContent = '';
    const role = text.roles[station.role];
    const card = el('section', 'beer-station');
    card.id = 'beer-station';
    card.dataset.role = station.role;
    card.setAttribute('aria-labelledby', 'beer-station-title');
    const heading = el('h3', '', `${text.station(role)} · ${text.weekOf(station.week, station.weeks)}`);
    heading.id = 'beer-station-title';
    const figures = el('dl', 'beer-figures');
    const figure = (label: string, value: string, key: string) => {
      const box = el('div', `beer-figure beer-${key}`);
      box.append(el('dt', '', label), el('dd', '', value));
      figures.append(box);
    };
    figure(station.role === 'retailer' ? text.incomingRetailer : text.incoming, text.cases(station.incoming), 'incoming');
    figure(text.received, text.cases(station.received), 'received');
    figure(text.onHand, text.cases(station.onHand), 'on-hand');
    figure(text.backlog, text.cases(station.backlog), 'backlog');
    figure(text.costSoFar, `${text.money(station.costSoFar)} ${moneyUnit(options.currency)}`, 'cost');
    figure(text.lastOrders, station.lastOrders.length === 0 ? text.noOrders : station.lastOrders.map((entry) => text.lastOrder(entry.week, entry.order)).join(' · '), 'last');
    const form = el('form', 'beer-order');
    form.noValidate = true;
    const label = el('label', 'beer-field');
    const input = el('input');
    input.type = 'number';
    input.id = 'beer-order-input';
    input.min = '0';
    input.max = String(MAX_ORDER);
    input.step = '1';
    input.inputMode = 'numeric';
    input.autocomplete = 'off';
    const help = el('p', 'beer-help', station.fixedOrder === null ? text.orderHelp : text.orderFixed(station.fixedOrder));
    help.id = 'beer-order-help';
    const error = el('p', 'field-error');
    error.id = 'beer-order-error';
    error.hidden = true;
    input.setAttribute('aria-describedby', 'beer-order-help beer-order-error');
    if (station.fixedOrder !== null) {
      input.value = String(station.fixedOrder);
      input.readOnly = true;
    }
    label.append(el('span', '', text.orderLabel), input);
    const place = el('button', 'primary', text.place);
    place.type = 'submit';
    place.id = 'beer-place';
    form.append(label, place, help, error);
    const countdown = el('p', 'beer-countdown');
    countdown.id = 'beer-countdown';
    countdown.hidden = game.timerSeconds === null;
    const timerNote = el('p', 'beer-help', text.timerNoteShort(station.defaultOrder));
    timerNote.id = 'beer-timer-note';
    timerNote.hidden = game.timerSeconds === null;
    const pausedNote = el('p', 'beer-paused', text.paused);
    pausedNote.id = 'beer-paused';
    card.append(heading, figures, form, countdown, timerNote, pausedNote);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (!game || game.paused || busy) return;
      const value = input.value.trim();
      const order = Number(value);
      if (value === '' || !Number.isInteger(order) || order < 0 || order > MAX_ORDER) {
        error.textContent = text.badOrder(MAX_ORDER);
        error.hidden = false;
        input.setAttribute('aria-invalid', 'true');
        input.focus();
        return;
      }
      placeOrder(station, order);
    });
    main.replaceChildren(card);
    applyPause();
    if (game.timerSeconds !== null) startTimer(station, countdown);
    input.focus();
    if (station.fixedOrder !== null) input.select();
  }

  function placeOrder(station: StationView, order: number, message?: string): void {
    if (!game) return;
    stopTimer();
    const list = game.orders[station.role] ?? [];
    if (list.length !== station.week - 1) return;
    game.orders = { ...game.orders, [station.role]: [...list, order] };
    save();
    storeTimer(null);
    lastPlaced = message ?? text.placed(text.roles[station.role], station.week, order);
    say(lastPlaced);
    void refresh();
  }

  // ----------------------------------------------------------------------------------------------
  // the timer

  /**
   * The turn's countdown. Its time left is kept beside the game (beerGameStore's storeTimer) at every
   * second and at a pause, so a reload resumes the turn with the time it had, less the time the page was
   * away unless the game was paused; a turn whose time ran out meanwhile is placed at once.
   */
  function startTimer(station: StationView, countdown: HTMLElement): void {
    stopTimer();
    const kept = loadTimer();
    const full = game!.timerSeconds!;
    let left = full;
    if (kept && kept.role === station.role && kept.week === station.week) left = Math.min(full, game!.paused ? kept.left : kept.left - Math.floor((Date.now() - kept.at) / 1000));
    const tick = () => {
      if (!timer || !game) return;
      countdown.textContent = text.timeLeft(Math.max(0, timer.left));
      storeTimer({ role: timer.role, week: timer.week, left: timer.left, at: Date.now() });
      if (timer.left <= 0) placeOrder(station, timer.fallback, text.timeUp(text.roles[station.role], timer.fallback));
    };
    const id = window.setInterval(() => {
      if (!timer || !game || game.paused) return;
      timer.left -= 1;
      if (timer.left > 0 && (timer.left % 60 === 0 || timer.left === 30 || timer.left === 10)) announce.textContent = text.timeSay(timer.left);
      tick();
    }, 1000);
    timer = { left: Math.max(0, left), id, role: station.role, week: station.week, fallback: station.defaultOrder };
    tick();
  }

  function stopTimer(): void {
    if (timer) window.clearInterval(timer.id);
    timer = null;
  }

  // ----------------------------------------------------------------------------------------------
  // the facilitator

  function applyPause(): void {
    const paused = game?.paused ?? false;
    const input = root.querySelector<HTMLInputElement>('#beer-order-input');
    const place = root.querySelector<HTMLButtonElement>('#beer-place');
    const note = root.querySelector<HTMLElement>('#beer-paused');
    if (input) input.disabled = paused;
    if (place) place.disabled = paused;
    if (note) note.hidden = !paused;
    const ready = root.querySelector<HTMLButtonElement>('#beer-ready');
    if (ready) ready.disabled = paused;
  }

  function togglePause(): void {
    if (!game) return;
    game = { ...game, paused: !game.paused };
    save();
    // the time left is kept as it stands at a pause and at a resume (a reload while paused loses none)
    if (timer) storeTimer({ role: timer.role, week: timer.week, left: timer.left, at: Date.now() });
    setTools();
    applyPause();
    say(game.paused ? text.paused : '');
    if (!game.paused) root.querySelector<HTMLInputElement>('#beer-order-input')?.focus();
  }

  function toggleReveal(): void {
    if (!game) return;
    game = { ...game, revealed: !game.revealed };
    save();
    setTools();
    if (game.revealed) void showBoard();
    else board.hidden = true;
  }

  /** every station at the week reached, and the chart so far */
  async function showBoard(): Promise<void> {
    if (!game) return;
    const answer = await session.board(request());
    if (!answer.ok || !game?.revealed) return;
    const play = answer.play;
    board.replaceChildren(el('h3', '', text.board), el('p', 'beer-help', text.boardWeek(play.week)));
    const table = el('table', 'beer-table');
    const head = table.createTHead().insertRow();
    for (const label of [text.columns.role, text.columns.incoming, text.columns.received, text.columns.onHand, text.columns.backlog, text.columns.order, text.columns.cost]) {
      const th = el('th', '', label);
      th.scope = 'col';
      head.append(th);
    }
    const body = table.createTBody();
    for (const role of BEER_GAME_ROLES) {
      const entry = play.stations[role][play.week - 1];
      const row = body.insertRow();
      const th = el('th', '', `${text.roles[role]}${game.humans.includes(role) ? ` (${text.played})` : ''}`);
      th.scope = 'row';
      row.append(th);
      for (const value of [entry.incoming, entry.received, entry.onHand, entry.backlog]) row.insertCell().textContent = String(value);
      row.insertCell().textContent = entry.order === null ? text.notYet : String(entry.order);
      row.insertCell().textContent = text.money(entry.costSoFar);
    }
    // the table scrolls in its own box on a phone, a keyboard stop named for screen readers
    const scroll = tableScroll(text.board, table);
    scroll.classList.add('beer-table-scroll');
    const chart = el('div', 'beer-chart');
    board.append(scroll, chart);
    board.hidden = false;
    drawBeerGameChart(chart, play, text.chartTeam);
  }

  // ----------------------------------------------------------------------------------------------
  // the debrief

  async function showDebrief(): Promise<void> {
    if (!game) return;
    const answer = await session.debrief(request());
    if (!game) return;
    if (!answer.ok) {
      showNotice(text.failed(answer.error));
      return;
    }
    debriefShown = answer;
    debrief.replaceChildren(el('h3', '', text.debrief), el('p', 'beer-help', text.debriefHelp));
    const games: { id: string; name: string; play: BeerGamePlay }[] = [
      { id: 'team', name: text.chartTeam, play: answer.play },
      ...BEER_GAME_RULES.map((rule) => ({ id: rule, name: text.rows[rule], play: answer.rules[rule] })),
      ...(answer.best.ok ? [{ id: 'best', name: text.chartBest, play: answer.best.play }] : []),
    ];
    const pickLabel = el('label', 'beer-field');
    const pick = el('select');
    pick.id = 'beer-chart-game';
    for (const entry of games) pick.append(new Option(entry.name, entry.id));
    pickLabel.append(el('span', '', text.chartShown), pick);
    const chart = el('div', 'beer-chart');
    chart.id = 'beer-chart';
    const draw = () => {
      const chosen = games.find((entry) => entry.id === pick.value) ?? games[0];
      drawBeerGameChart(chart, chosen.play, chosen.name);
    };
    pick.addEventListener('change', draw);
    // the cost table
    const table = el('table', 'beer-table beer-costs');
    table.id = 'beer-costs';
    // the table's caption stands above its scrolling box, so a phone shows it whole (not scrolled with the table)
    const caption = el('p', 'beer-caption', `${text.costTable}. ${text.costCaption(moneyUnit(options.currency))}`);
    caption.id = 'beer-costs-caption';
    table.setAttribute('aria-labelledby', caption.id);
    const head = table.createTHead().insertRow();
    for (const label of [text.gameColumn, ...BEER_GAME_ROLES.map((role) => text.roles[role]), text.teamColumn]) {
      const th = el('th', '', label);
      th.scope = 'col';
      head.append(th);
    }
    const body = table.createTBody();
    const costRow = (id: string, label: string, play: BeerGamePlay) => {
      const row = body.insertRow();
      row.dataset.game = id;
      const th = el('th', '', label);
      th.scope = 'row';
      row.append(th);
      for (const role of BEER_GAME_ROLES) row.insertCell().textContent = text.money(play.engineCost?.stations[role] ?? play.stations[role].at(-1)!.costSoFar);
      const team = row.insertCell();
      team.textContent = text.money(play.engineCost?.team ?? 0);
      team.className = 'beer-team-cost';
    };
    costRow('team', text.rows.team, answer.play);
    for (const rule of BEER_GAME_RULES) costRow(rule, text.rows[rule], answer.rules[rule]);
    if (answer.best.ok) costRow('best', text.rows.best, answer.best.play);
    const scroll = tableScroll(text.costTable, table);
    scroll.classList.add('beer-table-scroll');
    const bestNote = el('p', 'beer-help', answer.best.ok ? (answer.best.whole ? text.bestWhole : text.bestFractional) : text.bestMissing(answer.best.problem));
    bestNote.id = 'beer-best-note';
    debrief.append(caption, scroll, bestNote, pickLabel, chart);
    debrief.hidden = false;
    draw();
  }

  // ----------------------------------------------------------------------------------------------
  // exports and the link

  async function exportGame(kind: 'csv' | 'json'): Promise<void> {
    if (!game) return;
    const answer = await session.board(request());
    if (!answer.ok || !game) return;
    const stamp = new Date().toISOString().slice(0, 10);
    if (kind === 'csv') downloadText(gameCsv(answer.play, text.csvColumns, (role) => text.roles[role]), `stocklab-beer-game-week-${answer.play.week}-${stamp}.csv`, 'text/csv');
    else downloadText(gameJson(game, answer.play), `stocklab-beer-game-week-${answer.play.week}-${stamp}.json`, 'application/json');
  }

  async function share(): Promise<void> {
    if (!game) return;
    const fragment = await gameLinkFragment(game);
    const url = new URL(location.href);
    url.searchParams.set('play', 'beer-game');
    url.hash = fragment;
    history.replaceState(null, '', url.toString());
    try {
      await navigator.clipboard.writeText(url.toString());
      say(text.linkCopied);
    } catch {
      say(text.linkInAddressBar);
    }
  }

  // ----------------------------------------------------------------------------------------------
  // opening and leaving

  async function open(hash = ''): Promise<void> {
    on = true;
    root.hidden = false;
    document.body.classList.add('beer-game-on');
    const url = new URL(location.href);
    if (url.searchParams.get('play') !== 'beer-game') {
      url.searchParams.set('play', 'beer-game');
      history.replaceState(null, '', url.toString());
    }
    title.focus();
    const linked = await gameFromFragment(hash);
    if (linked !== null) {
      // the link's game becomes the game kept here; the address loses it, so a reload resumes the game as played on
      history.replaceState(null, '', `${location.pathname}${location.search}`);
      if (!linked.ok) {
        startSetup();
        showNotice(text.badLink(linked.problem));
        return;
      }
      game = linked.game;
      save();
      // a turn's time kept here belongs to the game the link replaces
      storeTimer(null);
    } else {
      const stored = loadStoredGame();
      if (stored.ok === 'none') return startSetup();
      if (stored.ok === false) {
        game = null;
        setTools();
        main.replaceChildren();
        // the damaged game stays in storage until a new game replaces it
        showNotice(text.damaged(stored.problem), true);
        return;
      }
      game = stored.game;
    }
    lastShown = null;
    await refresh();
  }

  function close(): void {
    stopTimer();
    lastPlaced = null;
    on = false;
    root.hidden = true;
    document.body.classList.remove('beer-game-on');
    const url = new URL(location.href);
    url.searchParams.delete('play');
    history.replaceState(null, '', `${url.pathname}${url.search}`);
    options.onLeave();
  }

  window.addEventListener('resize', () => {
    if (!on) return;
    const chart = root.querySelector<HTMLElement>('#beer-chart');
    if (chart && debriefShown) chart.closest('.beer-debrief')?.querySelector<HTMLSelectElement>('#beer-chart-game')?.dispatchEvent(new Event('change'));
  });

  return {
    open,
    close,
    get on() {
      return on;
    },
  };
}
