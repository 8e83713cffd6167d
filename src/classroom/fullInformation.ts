import type { Scenario } from '../scenario/schema.ts';
import { minimiseSimplex } from '../math/simplex.ts';
import { BEER_GAME_ROLES, playBeerGame, teamCost, type BeerGameOrders, type BeerGamePlay, type BeerGameRole, type BeerGameShape } from './beerGame.ts';

/**
 * The best cost a Beer Game team can reach with full information: every customer order of the whole
 * game known in advance, every stage's orders chosen together. A linear program over each stage's
 * weekly orders (continuous, ≥ 0; the first weeks fixed as in the game) and weekly shipments, with the
 * board game's flow equations (those of test/validation/beerGame.test.ts):
 *
 * - what arrives at a stage in week t: its initial pipeline's shipment of that week, plus what the
 *   stage above shipped L weeks before (the lane's lead time; the factory: its request of L + d weeks
 *   before, d its 1-week order delay: the brewery never runs short);
 * - what a stage is asked in week t: its customers' demand (the retailer), or the initial pipeline's
 *   order of that week plus the order the stage below placed d weeks before (the order delay);
 * - on hand = 12 + arrivals − shipments ≥ 0 and backlog = asked − shipments ≥ 0, both cumulative;
 * - cost: holding × on hand + backlog cost × backlog, each week, each stage.
 *
 * The game makes a stage ship min(what it has, what it owes); the program may ship less, but never
 * gains by it (a case shipped a week later costs its holder 0.50 + 1.00 more and saves the stage below
 * at most 0.50), so the program's optimum ships all it can and is the game's optimum over continuous
 * orders. It is checked against the engine: its orders replayed as the played stages' orders must give
 * the same cost, else the bound is not given. When its orders come out whole (as a vertex of this
 * program tends to), it is also the best over whole cases.
 */

export type FullInformation =
  | {
      ok: true;
      /** the program's minimum team cost */
      cost: number;
      /** each stage's orders, week 1 first */
      orders: Record<BeerGameRole, number[]>;
      /** every order is a whole number of cases: the bound is also the best game in whole cases */
      whole: boolean;
      /** the orders replayed by the engine (its costs equal `cost`) */
      play: BeerGamePlay;
      pivots: number;
    }
  | { ok: false; problem: string };

/** the largest difference allowed between the program's cost and the engine's replay */
const AGREEMENT = 1e-6;

export function fullInformationBound(scenario: Scenario, shape: BeerGameShape): FullInformation {
  const built = buildProgram(scenario, shape);
  if ('problem' in built) return { ok: false, problem: built.problem };
  const { program, orderIndex, fixedOrders } = built;
  const solved = minimiseSimplex(program.c, program.rows, program.b);
  if (solved.status !== 'optimal') return { ok: false, problem: `the linear program ended ${solved.status}` };
  const cost = tidy(solved.objective + program.constant);
  const orders = Object.fromEntries(
    BEER_GAME_ROLES.map((role, k) => [
      role,
      Array.from({ length: shape.weeks }, (_, t) => (t < shape.scriptedWeeks ? fixedOrders : snap(solved.x[orderIndex(k, t)]))),
    ]),
  ) as Record<BeerGameRole, number[]>;
  const whole = BEER_GAME_ROLES.every((role) => orders[role].every(Number.isInteger));
  const played: BeerGameOrders = orders;
  const play = playBeerGame(scenario, shape, { humans: [...BEER_GAME_ROLES], others: 'sterman' }, played, shape.weeks, !whole);
  const replayed = teamCost(play);
  const engine = play.engineCost?.team ?? NaN;
  if (!(Math.abs(replayed - cost) <= AGREEMENT && Math.abs(engine - cost) <= AGREEMENT)) {
    return { ok: false, problem: `the program's cost ${cost} and the engine's replay of its orders (${engine}) differ` };
  }
  return { ok: true, cost, orders, whole, play, pivots: solved.pivots };
}

/** an affine expression in the program's variables: constant + Σ coefficient × x[index] */
interface Affine {
  constant: number;
  terms: Map<number, number>;
}

interface Program {
  c: number[];
  rows: number[][];
  b: number[];
  constant: number;
}

type Built = { program: Program; orderIndex: (stage: number, week: number) => number; fixedOrders: number } | { problem: string };

function buildProgram(scenario: Scenario, shape: BeerGameShape): Built {
  const T = shape.weeks;
  const days = shape.weekDays;
  const S = BEER_GAME_ROLES.length;
  const entryOf = (role: BeerGameRole) => scenario.stockPoints.find((point) => (typeof point.node === 'string' ? [point.node] : point.node).includes(role))!;
  // lanes into each stage: lead time and order delay, in weeks
  const laneInto = (k: number) => {
    const role = BEER_GAME_ROLES[k];
    const from = k + 1 < S ? BEER_GAME_ROLES[k + 1] : null;
    const lane = scenario.lanes.find((candidate) => candidate.to === role && (from === null || candidate.from === from));
    if (!lane) return null;
    if (lane.leadTime.type !== 'constant') return null;
    const lead = lane.leadTime.value / days;
    const delay = (lane.orderDelayDays ?? 0) / days;
    if (!Number.isInteger(lead) || !Number.isInteger(delay)) return null;
    if (from === null && scenario.nodes.find((node) => node.id === lane.from)?.type !== 'supplier') return null;
    return { lead, delay };
  };
  const lanes = BEER_GAME_ROLES.map((_, k) => laneInto(k));
  if (lanes.some((lane) => lane === null)) return { problem: 'lanes must have constant lead times and order delays in whole weeks' };
  const lane = lanes as { lead: number; delay: number }[];
  // customers' demand per week (a history, day by day)
  const demandEntry = scenario.demand.find((entry) => entry.node === 'retailer');
  if (!demandEntry || demandEntry.type !== 'history' || scenario.demand.length !== 1) return { problem: "the retailer's customers must be a history" };
  const series = demandEntry.series;
  if (!Array.isArray(series)) return { problem: "the retailer's customers must be a history written in the scenario" };
  const demand = Array.from({ length: T }, (_, t) => series.slice(t * days, (t + 1) * days).reduce((sum, value) => sum + value, 0));
  // initial pipelines, per week
  const initial = BEER_GAME_ROLES.map((role) => {
    const entry = entryOf(role);
    const perWeek = (list: { day: number; quantity: number }[] | undefined) => {
      const weeks = new Array<number>(T).fill(0);
      for (const item of list ?? []) if (item.day % days === 0 && item.day / days < T) weeks[item.day / days] += item.quantity;
      return weeks;
    };
    return { onHand: entry.initialOnHand ?? 0, shipments: perWeek(entry.initialPipeline?.shipments), orders: perWeek(entry.initialPipeline?.orders) };
  });
  if (BEER_GAME_ROLES.some((role) => entryOf(role).initialPipeline?.shipments.some((item) => item.day % days !== 0) || entryOf(role).initialPipeline?.orders.some((item) => item.day % days !== 0))) {
    return { problem: 'the initial pipeline must be on week boundaries' };
  }

  // variables: orders o[k][t] for the weeks after the fixed ones, then shipments s[k][t]
  const free = T - shape.scriptedWeeks;
  const orderIndex = (k: number, t: number) => k * free + (t - shape.scriptedWeeks);
  const shipIndex = (k: number, t: number) => S * free + k * T + t;
  const n = S * free + S * T;
  const constant = (value: number): Affine => ({ constant: value, terms: new Map() });
  const add = (into: Affine, from: Affine, factor = 1) => {
    into.constant += factor * from.constant;
    for (const [index, value] of from.terms) into.terms.set(index, (into.terms.get(index) ?? 0) + factor * value);
  };
  const order = (k: number, t: number): Affine => {
    if (t < 0) return constant(0);
    if (t < shape.scriptedWeeks) return constant(shape.scriptedOrder);
    return { constant: 0, terms: new Map([[orderIndex(k, t), 1]]) };
  };
  const ship = (k: number, t: number): Affine => (t < 0 ? constant(0) : { constant: 0, terms: new Map([[shipIndex(k, t), 1]]) });
  const arrivals = (k: number, t: number): Affine => {
    const a = constant(initial[k].shipments[t]);
    if (k + 1 < S) add(a, ship(k + 1, t - lane[k].lead));
    else {
      // the brewery: the factory's request, seen after the order delay, arrives a lead time later
      const seen = t - lane[k].lead;
      if (seen >= 0) a.constant += initial[k].orders[seen];
      add(a, order(k, seen - lane[k].delay));
    }
    return a;
  };
  const asked = (k: number, t: number): Affine => {
    if (k === 0) return constant(demand[t]);
    const a = constant(initial[k - 1].orders[t]);
    add(a, order(k - 1, t - lane[k - 1].delay));
    return a;
  };

  const c = new Array<number>(n).fill(0);
  let objectiveConstant = 0;
  const rows: number[][] = [];
  const b: number[] = [];
  // level ≥ 0 as a row: −terms · x ≤ constant
  const nonNegative = (level: Affine) => {
    const row = new Array<number>(n).fill(0);
    for (const [index, value] of level.terms) row[index] = -value;
    rows.push(row);
    b.push(Math.max(0, level.constant));
    if (level.constant < -1e-9) throw new Error(`fullInformationBound: a level starts negative (${level.constant})`);
  };
  for (let k = 0; k < S; k++) {
    const onHand = constant(initial[k].onHand);
    const backlog = constant(0);
    for (let t = 0; t < T; t++) {
      add(onHand, arrivals(k, t));
      add(onHand, ship(k, t), -1);
      add(backlog, asked(k, t));
      add(backlog, ship(k, t), -1);
      nonNegative(onHand);
      nonNegative(backlog);
      objectiveConstant += shape.holdingPerWeek[k] * onHand.constant + shape.backlogPerWeek[k] * backlog.constant;
      for (const [index, value] of onHand.terms) c[index] += shape.holdingPerWeek[k] * value;
      for (const [index, value] of backlog.terms) c[index] += shape.backlogPerWeek[k] * value;
    }
  }
  return { program: { c, rows, b, constant: objectiveConstant }, orderIndex, fixedOrders: shape.scriptedOrder };
}

/** a simplex value within rounding dust of a whole number is that number */
function snap(value: number): number {
  const whole = Math.round(value);
  return Math.abs(value - whole) < 1e-7 ? whole : value;
}

function tidy(value: number): number {
  return Number(value.toPrecision(12));
}
