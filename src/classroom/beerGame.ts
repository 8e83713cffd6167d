import type { Scenario, Variant } from '../scenario/schema.ts';
import { collectResult, prepareReplication } from '../experiment/run.ts';

/**
 * The Beer Game played by people (issue 18): the gallery's Beer Game (scenarios/classroom/beer-game.json)
 * with some stages' orders entered week by week by players, the others ordering by a rule chosen at
 * setup. A player's orders are the stage's scripted orders (one scripted period per week played), so
 * the game is the engine's replication of that scenario, run again from day 0 to the week reached at
 * every turn (252 days of four stock points: a millisecond). Nothing is random: the same orders give
 * the same game.
 *
 * What a station sees in a week is fixed before anyone orders that week (an order takes at least a
 * week to reach anyone), so a week's turns can be taken in any order; the game takes them from the
 * retailer up, as players sit around the board.
 */

import { BEER_GAME_ROLES, BEER_GAME_RULES, MAX_ORDER, type BeerGameRole, type BeerGameRule } from './beerGameNames.ts';

export { BEER_GAME_ROLES, BEER_GAME_RULES, MAX_ORDER, type BeerGameRole, type BeerGameRule };

/** the scenario's variant each rule is taken from */
const RULE_VARIANT: Record<BeerGameRule, string> = { sterman: 'players', passThrough: 'pass-through', benchmark: 'benchmark' };

export interface BeerGameSetup {
  /** the stages people play (at least one), in BEER_GAME_ROLES order */
  humans: BeerGameRole[];
  /** how the other stages order */
  others: BeerGameRule;
}

/** Each played stage's orders, week 1 first (the weeks entered so far). */
export type BeerGameOrders = Partial<Record<BeerGameRole, number[]>>;

/** The game's frame, read from the scenario. */
export interface BeerGameShape {
  weeks: number;
  weekDays: number;
  /** the first weeks whose orders are fixed (the board game's 4) */
  scriptedWeeks: number;
  /** what every stage orders in those weeks (4) */
  scriptedOrder: number;
  /** per stage, per week: cost of a case on hand, and of a case owed */
  holdingPerWeek: number[];
  backlogPerWeek: number[];
}

/** A station's week, as its sheet in the board game records it. */
export interface StationWeek {
  /** 1-based */
  week: number;
  /** the order that reached the station this week (the retailer's: its customers') */
  incoming: number;
  /** the shipment that arrived this week */
  received: number;
  /** what it shipped this week (to its customer) */
  shipped: number;
  /** cases on hand after the week's shipments */
  onHand: number;
  /** cases owed after the week's shipments */
  backlog: number;
  /** the order placed this week; null: a player's, not placed yet */
  order: number | null;
  /** this week's cost: holding plus backlog */
  cost: number;
  costSoFar: number;
}

/** The game through a week, every station's. */
export interface BeerGamePlay {
  /** the last week run */
  week: number;
  weeks: number;
  stations: Record<BeerGameRole, StationWeek[]>;
  /** once the game is over: each stage's cost as the engine reports it (its totalCost KPI), and the team's */
  engineCost: { stations: Record<BeerGameRole, number>; team: number } | null;
}

/** Whose turn it is: a week and a stage. */
export interface BeerGameTurn {
  week: number;
  role: BeerGameRole;
}

/** What a station sees on its turn, and nothing about the others. */
export interface StationView {
  role: BeerGameRole;
  week: number;
  weeks: number;
  onHand: number;
  backlog: number;
  incoming: number;
  received: number;
  /** its orders of the last weeks, newest last (at most 4) */
  lastOrders: { week: number; order: number }[];
  /** its cost through this week */
  costSoFar: number;
  /** the order is fixed this week (the first weeks): that order; null: the player's choice */
  fixedOrder: number | null;
  /** what is ordered if the time runs out: the incoming order (pass-through) */
  defaultOrder: number;
}

export type ShapeOutcome = { ok: true; shape: BeerGameShape } | { ok: false; problem: string };

/** The Beer Game's frame from its scenario, or why this scenario cannot be played as the Beer Game. */
export function beerGameShape(scenario: Scenario): ShapeOutcome {
  const fail = (problem: string): ShapeOutcome => ({ ok: false, problem });
  const weekDays = 7;
  if (scenario.horizonDays % weekDays !== 0) return fail(`horizonDays ${scenario.horizonDays} is not a whole number of weeks`);
  const weeks = scenario.horizonDays / weekDays;
  if (scenario.products.length !== 1) return fail('the Beer Game has one product');
  const product = scenario.products[0];
  const holdingPerWeek: number[] = [];
  const backlogPerWeek: number[] = [];
  let scriptedWeeks = -1;
  let scriptedOrder = 0;
  for (const role of BEER_GAME_ROLES) {
    const entry = scenario.stockPoints.find((point) => idsOf(point.node).includes(role));
    if (!entry) return fail(`no stock point at "${role}"`);
    const holding = entry.holdingCost ?? product.holdingCost;
    if (!('perUnitPerDay' in holding)) return fail(`"${role}": the holding cost must be per unit per day`);
    holdingPerWeek.push(round(holding.perUnitPerDay * weekDays));
    backlogPerWeek.push(round((entry.backlogCostPerDay + (role === 'retailer' ? product.backorderCostPerDay : 0)) * weekDays));
    const script = entry.scriptedOrders;
    const weeksScripted = script.length === 0 ? 0 : script[0].untilDay / weekDays;
    if (script.length > 1 || script.some((period) => period.fromDay !== 0) || !Number.isInteger(weeksScripted)) return fail(`"${role}": its scripted orders must be one period from day 0 over whole weeks`);
    if (scriptedWeeks >= 0 && (weeksScripted !== scriptedWeeks || (script[0]?.quantity ?? 0) !== scriptedOrder)) return fail('every stage must have the same scripted weeks');
    scriptedWeeks = weeksScripted;
    scriptedOrder = script[0]?.quantity ?? 0;
    if (entry.policy.type !== 'anchorAndAdjust' && entry.policy.type !== 'passThrough') return fail(`"${role}": a weekly ordering rule is expected`);
    if (entry.policy.reviewPeriod !== weekDays) return fail(`"${role}": orders must be weekly`);
  }
  for (const rule of BEER_GAME_RULES) if (!scenario.variants.some((variant) => variant.id === RULE_VARIANT[rule])) return fail(`no variant "${RULE_VARIANT[rule]}"`);
  return { ok: true, shape: { weeks, weekDays, scriptedWeeks, scriptedOrder, holdingPerWeek, backlogPerWeek } };
}

/** Whether the orders can belong to this game: played stages only, whole cases, the fixed weeks fixed, turns in order. */
export function checkOrders(shape: BeerGameShape, setup: BeerGameSetup, orders: BeerGameOrders): string | null {
  if (setup.humans.length === 0) return 'nobody plays';
  if (new Set(setup.humans).size !== setup.humans.length) return 'a stage is played twice';
  let previous = Infinity;
  for (const role of BEER_GAME_ROLES) {
    const list = orders[role];
    if (!setup.humans.includes(role)) {
      if (list !== undefined && list.length > 0) return `"${role}" is not played, but has orders`;
      continue;
    }
    const entered = list ?? [];
    if (entered.length > shape.weeks) return `"${role}" has orders for ${entered.length} weeks, the game has ${shape.weeks}`;
    // the retailer orders first each week: a stage is at most a week ahead of the next one up, never behind
    if (entered.length > previous || (previous !== Infinity && entered.length < previous - 1)) return `"${role}" is out of turn (week ${entered.length + 1})`;
    previous = entered.length;
    for (let i = 0; i < entered.length; i++) {
      const order = entered[i];
      if (!Number.isInteger(order) || order < 0 || order > MAX_ORDER) return `"${role}", week ${i + 1}: ${order} is not a whole number of cases from 0 to ${MAX_ORDER}`;
      if (i < shape.scriptedWeeks && order !== shape.scriptedOrder) return `"${role}", week ${i + 1}: the order is fixed at ${shape.scriptedOrder}`;
    }
  }
  return null;
}

/** Whose turn it is (the lowest week, then the stage nearest the customer), or null when the game is over. */
export function nextTurn(shape: BeerGameShape, setup: BeerGameSetup, orders: BeerGameOrders): BeerGameTurn | null {
  let turn: BeerGameTurn | null = null;
  for (const role of BEER_GAME_ROLES) {
    if (!setup.humans.includes(role)) continue;
    const week = (orders[role]?.length ?? 0) + 1;
    if (week <= shape.weeks && (turn === null || week < turn.week)) turn = { week, role };
  }
  return turn;
}

/**
 * The scenario the game runs: every stage its own stock point; a played stage orders its orders, one
 * scripted period a week (its weeks not yet played follow its policy, and are never shown); the other
 * stages order by `others`' rule (the scenario's variant for it). `exact`: played stages' orders are
 * not rounded (the full-information bound's fractional orders).
 */
export function gameScenario(scenario: Scenario, shape: BeerGameShape, setup: BeerGameSetup, orders: BeerGameOrders, exact = false): Scenario {
  const stockPoints = scenario.stockPoints.flatMap((entry) =>
    idsOf(entry.node).map((node) => {
      const point = { ...structuredClone(entry), node };
      const role = node as BeerGameRole;
      if (setup.humans.includes(role)) {
        point.scriptedOrders = (orders[role] ?? []).map((quantity, week) => ({ fromDay: week * shape.weekDays, untilDay: week * shape.weekDays + 1, quantity }));
        if (exact) {
          point.orderRounding = 'up';
          point.casePack = 1;
        }
      }
      return point;
    }),
  );
  const ruleVariant = scenario.variants.find((variant) => variant.id === RULE_VARIANT[setup.others])!;
  const computers = BEER_GAME_ROLES.filter((role) => !setup.humans.includes(role));
  // the rule's overrides, for the stages nobody plays
  const policies = computers.flatMap((role) =>
    ruleVariant.policies.filter((override) => override.node === undefined || idsOf(override.node).includes(role)).slice(-1).map((override) => ({ ...override, node: role })),
  );
  const game: Variant = { id: 'game', name: 'Beer Game', policies, set: [] };
  return { ...scenario, stockPoints, variants: [game] };
}

/**
 * The game run to the end of week `untilWeek` (1-based; at most the last), every station's weeks.
 * Once it has run to the last week, `engineCost` holds the engine's KPIs.
 */
export function playBeerGame(scenario: Scenario, shape: BeerGameShape, setup: BeerGameSetup, orders: BeerGameOrders, untilWeek: number, exact = false): BeerGamePlay {
  const game = gameScenario(scenario, shape, setup, orders, exact);
  const prepared = prepareReplication(game, 0, 0);
  const simulation = prepared.simulation;
  const points = BEER_GAME_ROLES.map((role) => {
    const point = simulation.stockPoints.find((candidate) => candidate.node === role);
    if (!point) throw new Error(`the Beer Game's simulation has no stock point at "${role}"`);
    return point;
  });
  const last = Math.max(0, Math.min(Math.floor(untilWeek), shape.weeks));
  const read = () =>
    points.map((point) => {
      const c = point.counters;
      return { demand: c.demandUnits, received: c.replenishedUnits, shipped: c.filledImmediatelyUnits + c.filledFromBackorderUnits, ordered: c.orderedUnits };
    });
  let before = read();
  const stations = Object.fromEntries(BEER_GAME_ROLES.map((role) => [role, [] as StationWeek[]])) as Record<BeerGameRole, StationWeek[]>;
  for (let week = 1; week <= last; week++) {
    simulation.runToDay((week - 1) * shape.weekDays);
    const now = read();
    BEER_GAME_ROLES.forEach((role, k) => {
      const point = points[k];
      const sheet = stations[role];
      const onHand = tidy(point.onHand);
      const backlog = tidy(point.backorders);
      const cost = tidy(shape.holdingPerWeek[k] * onHand + shape.backlogPerWeek[k] * backlog);
      const played = setup.humans.includes(role);
      sheet.push({
        week,
        incoming: tidy(now[k].demand - before[k].demand),
        received: tidy(now[k].received - before[k].received),
        shipped: tidy(now[k].shipped - before[k].shipped),
        onHand,
        backlog,
        order: played && week > (orders[role]?.length ?? 0) ? null : tidy(now[k].ordered - before[k].ordered),
        cost,
        costSoFar: tidy((sheet.at(-1)?.costSoFar ?? 0) + cost),
      });
    });
    before = now;
  }
  let engineCost: BeerGamePlay['engineCost'] = null;
  if (last === shape.weeks) {
    simulation.runToDay(simulation.days - 1);
    const result = collectResult(game, simulation, prepared.variant.id, 0, prepared.seed, { series: false });
    const byRole = Object.fromEntries(BEER_GAME_ROLES.map((role) => [role, result.stockPoints.find((point) => point.node === role)!.kpis.totalCost ?? 0])) as Record<BeerGameRole, number>;
    engineCost = { stations: byRole, team: result.network.kpis.totalCost ?? 0 };
  }
  return { week: last, weeks: shape.weeks, stations, engineCost };
}

/** The game as it stands: run to the week of the turn (the last week once over). */
export function playSoFar(scenario: Scenario, shape: BeerGameShape, setup: BeerGameSetup, orders: BeerGameOrders): BeerGamePlay {
  const turn = nextTurn(shape, setup, orders);
  return playBeerGame(scenario, shape, setup, orders, turn === null ? shape.weeks : turn.week);
}

/** What station `role` sees in week `week` of a play run at least that far: its own sheet only. */
export function stationView(shape: BeerGameShape, play: BeerGamePlay, role: BeerGameRole, week: number): StationView {
  const sheet = play.stations[role];
  const now = sheet[week - 1];
  if (!now) throw new Error(`the play has not reached week ${week}`);
  const lastOrders = sheet
    .slice(Math.max(0, week - 5), week - 1)
    .filter((entry) => entry.order !== null)
    .map((entry) => ({ week: entry.week, order: entry.order! }));
  return {
    role,
    week,
    weeks: shape.weeks,
    onHand: now.onHand,
    backlog: now.backlog,
    incoming: now.incoming,
    received: now.received,
    lastOrders,
    costSoFar: now.costSoFar,
    fixedOrder: week <= shape.scriptedWeeks ? shape.scriptedOrder : null,
    defaultOrder: week <= shape.scriptedWeeks ? shape.scriptedOrder : Math.min(MAX_ORDER, Math.round(now.incoming)),
  };
}

/** The team's cost of a play: each station's cost so far, summed. */
export function teamCost(play: BeerGamePlay): number {
  return tidy(BEER_GAME_ROLES.reduce((sum, role) => sum + (play.stations[role].at(-1)?.costSoFar ?? 0), 0));
}

function idsOf(ids: string | string[]): string[] {
  return typeof ids === 'string' ? [ids] : ids;
}

/** a per-week rate computed from a per-day one (0.0714… × 7): 12 significant digits */
function round(value: number): number {
  return Number(value.toPrecision(12));
}

function tidy(value: number): number {
  return Math.abs(value) < 1e-9 ? 0 : Number(value.toPrecision(12));
}
