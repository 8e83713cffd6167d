/**
 * The Beer Game's names and limits, on their own so that the page (and the saved game's schema) can
 * use them without the engine (src/classroom/beerGame.ts).
 */
export const BEER_GAME_ROLES = ['retailer', 'wholesaler', 'distributor', 'factory'] as const;
export type BeerGameRole = (typeof BEER_GAME_ROLES)[number];

/** How the stages nobody plays order: Sterman's mean estimates, pass-through, or Sterman's benchmark rule. */
export const BEER_GAME_RULES = ['sterman', 'passThrough', 'benchmark'] as const;
export type BeerGameRule = (typeof BEER_GAME_RULES)[number];

/** the most cases a player may order in a week */
export const MAX_ORDER = 10_000;
