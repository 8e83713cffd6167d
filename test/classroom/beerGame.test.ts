import { beforeAll, describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/scenario/schema.ts';
import { loadScenarioFile } from '../fixtures/scenario.ts';
import {
  BEER_GAME_ROLES,
  beerGameShape,
  checkOrders,
  nextTurn,
  playBeerGame,
  playSoFar,
  stationView,
  teamCost,
  type BeerGameOrders,
  type BeerGameRole,
  type BeerGameSetup,
  type BeerGameShape,
} from '../../src/classroom/beerGame.ts';
import { fullInformationBound } from '../../src/classroom/fullInformation.ts';

let scenario: Scenario;
let shape: BeerGameShape;
beforeAll(() => {
  const loaded = loadScenarioFile('scenarios/classroom/beer-game.json');
  if (!loaded.ok) throw new Error(loaded.issues[0].message);
  scenario = loaded.scenario;
  const read = beerGameShape(scenario);
  if (!read.ok) throw new Error(read.problem);
  shape = read.shape;
});

/** Plays a whole game turn by turn, each player choosing from what its station sees. */
function playWhole(setup: BeerGameSetup, choose: (view: ReturnType<typeof stationView>) => number): BeerGameOrders {
  const orders: BeerGameOrders = {};
  for (let turn = nextTurn(shape, setup, orders); turn !== null; turn = nextTurn(shape, setup, orders)) {
    const play = playSoFar(scenario, shape, setup, orders);
    expect(play.week).toBe(turn.week);
    const view = stationView(shape, play, turn.role, turn.week);
    const order = view.fixedOrder ?? choose(view);
    (orders[turn.role] ??= []).push(order);
    expect(checkOrders(shape, setup, orders)).toBeNull();
  }
  return orders;
}

describe('the Beer Game played by people', () => {
  it("reads the gallery's game: 36 weeks, 4 fixed at 4 cases, 0.50 and 1.00 per case-week", () => {
    expect(shape).toEqual({ weeks: 36, weekDays: 7, scriptedWeeks: 4, scriptedOrder: 4, holdingPerWeek: [0.5, 0.5, 0.5, 0.5], backlogPerWeek: [1, 1, 1, 1] });
  });

  it('a single player at the retailer who orders what pass-through would, among pass-through stages, costs the team 792', () => {
    const setup: BeerGameSetup = { humans: ['retailer'], others: 'passThrough' };
    const orders = playWhole(setup, (view) => view.incoming);
    expect(orders.retailer).toHaveLength(36);
    const play = playBeerGame(scenario, shape, setup, orders, 36);
    expect(teamCost(play)).toBeCloseTo(792, 9);
    expect(play.engineCost!.team).toBeCloseTo(792, 9);
    expect(BEER_GAME_ROLES.map((role) => play.engineCost!.stations[role])).toEqual([330, 242, 154, 66].map((cost) => expect.closeTo(cost, 9)));
  });

  it('four players at one screen, each ordering what it is asked, play the pass-through game; each station costs what the engine says', () => {
    const setup: BeerGameSetup = { humans: [...BEER_GAME_ROLES], others: 'sterman' };
    const seen: BeerGameRole[] = [];
    const orders = playWhole(setup, (view) => {
      if (view.week === 5) seen.push(view.role);
      return view.incoming;
    });
    // in each week the retailer goes first, the factory last
    expect(seen).toEqual(['retailer', 'wholesaler', 'distributor', 'factory']);
    const play = playBeerGame(scenario, shape, setup, orders, 36);
    for (const role of BEER_GAME_ROLES) expect(play.stations[role].at(-1)!.costSoFar).toBeCloseTo(play.engineCost!.stations[role], 9);
    expect(play.engineCost!.team).toBeCloseTo(792, 9);
  });

  it("a player who orders exactly as Sterman's estimated rule would, among stages following it, costs 2694 as the all-rule game", () => {
    const rule = playBeerGame(scenario, shape, { humans: [], others: 'sterman' }, {}, 36);
    const setup: BeerGameSetup = { humans: ['distributor'], others: 'sterman' };
    const orders = playWhole(setup, (view) => rule.stations.distributor[view.week - 1].order!);
    expect(playBeerGame(scenario, shape, setup, orders, 36).engineCost!.team).toBeCloseTo(2694, 9);
    expect(rule.engineCost!.team).toBeCloseTo(2694, 9);
    expect(playBeerGame(scenario, shape, { humans: [], others: 'benchmark' }, {}, 36).engineCost!.team).toBeCloseTo(204, 9);
  });

  it('a station sees its own sheet only, fixed before anyone orders in the week', () => {
    const setup: BeerGameSetup = { humans: ['retailer', 'wholesaler'], others: 'sterman' };
    const orders: BeerGameOrders = { retailer: [4, 4, 4, 4, 12], wholesaler: [4, 4, 4, 4] };
    expect(nextTurn(shape, setup, orders)).toEqual({ week: 5, role: 'wholesaler' });
    const view = stationView(shape, playSoFar(scenario, shape, setup, orders), 'wholesaler', 5);
    expect(Object.keys(view).sort()).toEqual(['backlog', 'costSoFar', 'defaultOrder', 'fixedOrder', 'incoming', 'lastOrders', 'onHand', 'received', 'role', 'week', 'weeks']);
    expect(view).toMatchObject({ role: 'wholesaler', week: 5, onHand: 12, backlog: 0, incoming: 4, received: 4, costSoFar: 30, fixedOrder: null, defaultOrder: 4 });
    expect(view.lastOrders).toEqual([1, 2, 3, 4].map((week) => ({ week, order: 4 })));
    // the retailer's order of this week changes nothing the wholesaler sees this week
    const other = stationView(shape, playSoFar(scenario, shape, setup, { ...orders, retailer: [4, 4, 4, 4, 40] }), 'wholesaler', 5);
    expect(other).toEqual(view);
    // the first weeks' orders are fixed
    expect(stationView(shape, playSoFar(scenario, shape, setup, {}), 'retailer', 1)).toMatchObject({ fixedOrder: 4, defaultOrder: 4 });
  });

  it('refuses orders out of turn, for stages nobody plays, in fractions, or other than 4 in the first weeks', () => {
    const setup: BeerGameSetup = { humans: ['retailer', 'factory'], others: 'passThrough' };
    expect(checkOrders(shape, setup, { retailer: [4, 4], factory: [4] })).toBeNull();
    expect(checkOrders(shape, setup, { retailer: [4], factory: [4, 4] })).toMatch(/out of turn/);
    expect(checkOrders(shape, setup, { retailer: [4, 4, 4], factory: [4] })).toMatch(/out of turn/);
    expect(checkOrders(shape, setup, { retailer: [4], wholesaler: [4] })).toMatch(/not played/);
    expect(checkOrders(shape, setup, { retailer: [4, 4, 4, 4, 2.5] , factory: [4, 4, 4, 4] })).toMatch(/whole number/);
    expect(checkOrders(shape, setup, { retailer: [5] })).toMatch(/fixed at 4/);
    expect(checkOrders(shape, { humans: [], others: 'sterman' }, {})).toMatch(/nobody/);
    expect(nextTurn(shape, setup, { retailer: Array(36).fill(4), factory: Array(36).fill(4) })).toBeNull();
  });

  it('the best cost with full information is 158, in whole cases, below the benchmark, and the engine replays it at that cost', () => {
    const bound = fullInformationBound(scenario, shape);
    if (!bound.ok) throw new Error(bound.problem);
    expect(bound.cost).toBeCloseTo(158, 9);
    expect(bound.cost).toBeLessThanOrEqual(204);
    expect(bound.whole).toBe(true);
    expect(bound.play.engineCost!.team).toBeCloseTo(bound.cost, 9);
    // the weeks fixed by the game are kept
    for (const role of BEER_GAME_ROLES) expect(bound.orders[role].slice(0, 4)).toEqual([4, 4, 4, 4]);
    // replayed as four players' orders through the game's own checks, the same cost
    const setup: BeerGameSetup = { humans: [...BEER_GAME_ROLES], others: 'sterman' };
    expect(checkOrders(shape, setup, bound.orders)).toBeNull();
    expect(playBeerGame(scenario, shape, setup, bound.orders, 36).engineCost!.team).toBeCloseTo(158, 9);
    // no rule does better
    for (const others of ['sterman', 'passThrough', 'benchmark'] as const) {
      expect(playBeerGame(scenario, shape, { humans: [], others }, {}, 36).engineCost!.team).toBeGreaterThanOrEqual(bound.cost);
    }
  });
});
