import { wrap, type Remote } from 'comlink';
import type { SimApi } from '../../src/worker/api.ts';
import type { BeerGameBoardResponse, BeerGameDebriefResponse, BeerGameRequest, BeerGameTurnResponse } from '../../src/worker/beerGameCalls.ts';
import { workerStrings } from '../i18n/strings.ts';
import { workerFailure } from './client.ts';

export type { BeerGameBest, BeerGameBoardResponse, BeerGameDebriefResponse, BeerGameRequest, BeerGameTurnResponse } from '../../src/worker/beerGameCalls.ts';
export type { BeerGameOrders, BeerGamePlay, BeerGameRole, BeerGameRule, BeerGameSetup, BeerGameShape, BeerGameTurn, StationView, StationWeek } from '../../src/classroom/beerGame.ts';
export { BEER_GAME_ROLES, BEER_GAME_RULES, MAX_ORDER } from '../../src/classroom/beerGameNames.ts';


/**
 * The Beer Game's engine in a Web Worker of its own (SimApi.beerGameTurn, beerGameBoard,
 * beerGameDebrief): the page sends the game (scenario, setup, orders) and draws what comes back; it
 * never runs the engine. A worker that fails is replaced at the next call.
 */
export interface BeerGameSession {
  turn(request: BeerGameRequest): Promise<BeerGameTurnResponse>;
  board(request: BeerGameRequest): Promise<BeerGameBoardResponse>;
  debrief(request: BeerGameRequest): Promise<BeerGameDebriefResponse>;
  close(): void;
}

export function createBeerGameSession(): BeerGameSession {
  let worker: Worker | null = null;
  let api: Remote<SimApi> | null = null;
  let crashed: Promise<{ ok: false; error: string }> | null = null;
  const start = () => {
    worker = new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module' });
    api = wrap<SimApi>(worker);
    const current = worker;
    crashed = new Promise((resolve) => {
      current.addEventListener('error', (event) => resolve({ ok: false, error: workerFailure(event.message) }), { once: true });
      current.addEventListener('messageerror', () => resolve({ ok: false, error: workerStrings.unreadable }), { once: true });
    });
  };
  const stop = () => {
    worker?.terminate();
    worker = null;
    api = null;
    crashed = null;
  };
  const guard = async <T extends { ok: boolean }>(call: (remote: Remote<SimApi>) => Promise<T>): Promise<T | { ok: false; error: string }> => {
    if (api === null) start();
    const pending = call(api!).catch((error: unknown) => ({ ok: false as const, error: workerFailure(error instanceof Error ? error.message : String(error)) }));
    const answer = await Promise.race([pending, crashed!]);
    if (!answer.ok) stop();
    return answer;
  };
  return {
    turn: (request) => guard((remote) => remote.beerGameTurn(request) as Promise<BeerGameTurnResponse>) as Promise<BeerGameTurnResponse>,
    board: (request) => guard((remote) => remote.beerGameBoard(request) as Promise<BeerGameBoardResponse>) as Promise<BeerGameBoardResponse>,
    debrief: (request) => guard((remote) => remote.beerGameDebrief(request) as Promise<BeerGameDebriefResponse>) as Promise<BeerGameDebriefResponse>,
    close: stop,
  };
}
