import { z } from 'zod';
import { BEER_GAME_ROLES, BEER_GAME_RULES, MAX_ORDER } from './beerGameNames.ts';

/**
 * A Beer Game as the app keeps it (local storage) and shares it (a link, a JSON export): the setup and
 * the orders entered, nothing computed. Read from places the page does not control, so validated here
 * (zod, without eval: src/scenario/jitless.ts) and refused whole when anything is off: strict objects
 * (no unknown or prototype keys), bounded numbers and lists. The engine checks the turns again.
 */
export const SAVED_GAME_VERSION = 1;

const Role = z.enum(BEER_GAME_ROLES);
const Orders = z.array(z.number().int().min(0).max(MAX_ORDER)).max(520);

export const SavedGame = z.strictObject({
  version: z.literal(SAVED_GAME_VERSION),
  /** one player with the other stages following the rule, or a team at one screen (hot seat) */
  mode: z.enum(['single', 'hotSeat']),
  humans: z.array(Role).min(1).max(4),
  others: z.enum(BEER_GAME_RULES),
  /** seconds per turn; null: no timer */
  timerSeconds: z.number().int().min(10).max(3600).nullable(),
  orders: z.strictObject({ retailer: Orders.optional(), wholesaler: Orders.optional(), distributor: Orders.optional(), factory: Orders.optional() }),
  /** the facilitator has paused the game (the timer and the order field are frozen) */
  paused: z.boolean(),
  /** the facilitator shows every station */
  revealed: z.boolean(),
});
export type SavedGame = z.infer<typeof SavedGame>;

/** The saved game in `data` (parsed JSON of unknown origin), or the first problem found, in words. */
export function readSavedGame(data: unknown): { ok: true; game: SavedGame } | { ok: false; problem: string } {
  const parsed = SavedGame.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, problem: `${issue.path.join('.') || '(the game)'}: ${issue.message}` };
  }
  const game = parsed.data;
  if (new Set(game.humans).size !== game.humans.length) return { ok: false, problem: 'humans: a stage is listed twice' };
  if (game.mode === 'single' && game.humans.length !== 1) return { ok: false, problem: 'humans: one player plays one stage' };
  // the stages in the board's order
  const humans = BEER_GAME_ROLES.filter((role) => game.humans.includes(role));
  return { ok: true, game: { ...game, humans } };
}
