import type { Scenario } from '../scenario/schema.ts';
import type { ParseResult } from '../scenario/parse.ts';
import {
  BEER_GAME_ROLES,
  BEER_GAME_RULES,
  beerGameShape,
  checkOrders,
  nextTurn,
  playBeerGame,
  playSoFar,
  stationView,
  type BeerGameOrders,
  type BeerGamePlay,
  type BeerGameRule,
  type BeerGameSetup,
  type BeerGameShape,
  type BeerGameTurn,
  type StationView,
} from '../classroom/beerGame.ts';
import { fullInformationBound } from '../classroom/fullInformation.ts';

/** A game as the page sends it: the Beer Game's scenario, who plays, and the orders entered so far. */
export interface BeerGameRequest {
  scenario: unknown;
  setup: BeerGameSetup;
  orders: BeerGameOrders;
}

/** Whose turn it is and what that station sees (nothing of the others), or null once the game is over. */
export type BeerGameTurnResponse = { ok: true; shape: BeerGameShape; turn: BeerGameTurn | null; station: StationView | null } | { ok: false; error: string };

/** Every station through the week reached (the facilitator's view). */
export type BeerGameBoardResponse = { ok: true; shape: BeerGameShape; turn: BeerGameTurn | null; play: BeerGamePlay } | { ok: false; error: string };

/** The best team cost with full information (src/classroom/fullInformation.ts), or why it is not given. */
export type BeerGameBest = { ok: true; cost: number; whole: boolean; play: BeerGamePlay } | { ok: false; problem: string };

/** The game over: the team's play, the same game with every stage following each rule, and the best with full information. */
export type BeerGameDebriefResponse =
  | { ok: true; shape: BeerGameShape; play: BeerGamePlay; rules: Record<BeerGameRule, BeerGamePlay>; best: BeerGameBest }
  | { ok: false; error: string };

export interface BeerGameCalls {
  beerGameTurn(request: BeerGameRequest): Promise<BeerGameTurnResponse>;
  beerGameBoard(request: BeerGameRequest): Promise<BeerGameBoardResponse>;
  beerGameDebrief(request: BeerGameRequest): Promise<BeerGameDebriefResponse>;
}

/** The Beer Game's calls of the worker API, on the worker's parse (which caches the scenario). */
export function createBeerGameCalls(parse: (scenario: unknown) => ParseResult): BeerGameCalls {
  // the rules' games and the bound depend on the scenario only
  const fixed = new WeakMap<Scenario, { rules: Record<BeerGameRule, BeerGamePlay>; best: BeerGameBest }>();
  const open = (request: BeerGameRequest): { scenario: Scenario; shape: BeerGameShape; setup: BeerGameSetup; orders: BeerGameOrders } | { ok: false; error: string } => {
    const parsed = parse(request.scenario);
    if (!parsed.ok) return { ok: false, error: parsed.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ') };
    const shape = beerGameShape(parsed.scenario);
    if (!shape.ok) return { ok: false, error: shape.problem };
    const setup = request.setup;
    const known = (value: unknown, list: readonly string[]) => typeof value === 'string' && list.includes(value);
    if (!Array.isArray(setup?.humans) || !setup.humans.every((role) => known(role, BEER_GAME_ROLES)) || !known(setup.others, BEER_GAME_RULES)) return { ok: false, error: 'the game is not set up' };
    const orders = request.orders ?? {};
    const problem = checkOrders(shape.shape, setup, orders);
    if (problem !== null) return { ok: false, error: problem };
    return { scenario: parsed.scenario, shape: shape.shape, setup, orders };
  };
  return {
    async beerGameTurn(request) {
      const game = open(request);
      if ('error' in game) return game;
      const turn = nextTurn(game.shape, game.setup, game.orders);
      const station = turn && stationView(game.shape, playBeerGame(game.scenario, game.shape, game.setup, game.orders, turn.week), turn.role, turn.week);
      return { ok: true, shape: game.shape, turn, station };
    },
    async beerGameBoard(request) {
      const game = open(request);
      if ('error' in game) return game;
      return { ok: true, shape: game.shape, turn: nextTurn(game.shape, game.setup, game.orders), play: playSoFar(game.scenario, game.shape, game.setup, game.orders) };
    },
    async beerGameDebrief(request) {
      const game = open(request);
      if ('error' in game) return game;
      let known = fixed.get(game.scenario);
      if (!known) {
        const rules = Object.fromEntries(BEER_GAME_RULES.map((rule) => [rule, playBeerGame(game.scenario, game.shape, { humans: [], others: rule }, {}, game.shape.weeks)])) as Record<BeerGameRule, BeerGamePlay>;
        const bound = fullInformationBound(game.scenario, game.shape);
        const best: BeerGameBest = bound.ok ? { ok: true, cost: bound.cost, whole: bound.whole, play: bound.play } : { ok: false, problem: bound.problem };
        fixed.set(game.scenario, (known = { rules, best }));
      }
      return { ok: true, shape: game.shape, play: playBeerGame(game.scenario, game.shape, game.setup, game.orders, game.shape.weeks), ...known };
    },
  };
}
