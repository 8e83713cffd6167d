import { readSavedGame, SAVED_GAME_VERSION, type SavedGame } from '../../src/classroom/savedGame.ts';
import type { BeerGamePlay } from '../../src/classroom/beerGame.ts';
import { BEER_GAME_ROLES } from '../../src/classroom/beerGameNames.ts';
import { crc32, fromBase64Url, toBase64Url } from '../editor/shareLink.ts';
import { pageCsvDialect } from '../charts/csvDialect.ts';
import { csvFile } from '../../src/experiment/csv.ts';

/**
 * A Beer Game kept and carried: in local storage under a versioned key (a reload resumes it), as a
 * share link (`?play=beer-game#g=<data>`, the game compressed as web/editor/shareLink.ts compresses a
 * scenario: a format byte, the CRC-32 of the JSON, deflate-raw, base64url) and as CSV and JSON files.
 * Whatever is read back is validated (src/classroom/savedGame.ts) and refused whole when damaged.
 */
export const STORAGE_KEY = `stocklab.beerGame.v${SAVED_GAME_VERSION}`;
const LINK_FORMAT = 1;
/** a game is small (4 × 36 orders): a link or stored text longer than this is not one */
const MAX_TEXT = 100_000;

export type Loaded = { ok: true; game: SavedGame } | { ok: false; problem: string } | { ok: 'none' };

export function loadStoredGame(): Loaded {
  let text: string | null;
  try {
    text = localStorage.getItem(STORAGE_KEY);
  } catch {
    return { ok: 'none' };
  }
  if (text === null) return { ok: 'none' };
  return readText(text);
}

export function storeGame(game: SavedGame | null): void {
  try {
    if (game === null) localStorage.removeItem(STORAGE_KEY);
    else localStorage.setItem(STORAGE_KEY, JSON.stringify(game));
  } catch {
    // storage full or refused (a private window): the game goes on, unsaved
  }
}

function readText(text: string): { ok: true; game: SavedGame } | { ok: false; problem: string } {
  if (text.length > MAX_TEXT) return { ok: false, problem: 'too long' };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'not JSON' };
  }
  return readSavedGame(data);
}

/** A turn's countdown as it stood at `at` (ms since 1970): whose turn, which week and the seconds left. */
export interface KeptTimer {
  role: string;
  week: number;
  left: number;
  at: number;
}

const TIMER_KEY = `${STORAGE_KEY}.timer`;

/** The countdown of the turn under way, kept beside the game so that a reload resumes it; null if none or unreadable. */
export function loadTimer(): KeptTimer | null {
  try {
    const data = JSON.parse(localStorage.getItem(TIMER_KEY) ?? 'null') as Partial<KeptTimer> | null;
    if (data === null || typeof data !== 'object') return null;
    const { role, week, left, at } = data;
    if (typeof role !== 'string' || !Number.isInteger(week) || !Number.isFinite(left) || !Number.isFinite(at)) return null;
    return { role, week: week!, left: left!, at: at! };
  } catch {
    return null;
  }
}

export function storeTimer(timer: KeptTimer | null): void {
  try {
    if (timer === null) localStorage.removeItem(TIMER_KEY);
    else localStorage.setItem(TIMER_KEY, JSON.stringify(timer));
  } catch {
    // storage refused: a reload starts the turn's time again
  }
}

/** The fragment of a link to the game: `#g=<data>`. */
export async function gameLinkFragment(game: SavedGame): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(game));
  const compressed = new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer());
  const payload = new Uint8Array(5 + compressed.length);
  payload[0] = LINK_FORMAT;
  new DataView(payload.buffer).setUint32(1, crc32(bytes));
  payload.set(compressed, 5);
  return `#g=${toBase64Url(payload)}`;
}

/** The game in a link's fragment, or why it cannot be opened; null when the fragment carries no game. */
export async function gameFromFragment(hash: string): Promise<{ ok: true; game: SavedGame } | { ok: false; problem: string } | null> {
  const match = /(?:^#?|&)g=([^&]*)/.exec(hash);
  if (!match) return null;
  const data = match[1];
  if (data.length > MAX_TEXT) return { ok: false, problem: 'too long' };
  const payload = fromBase64Url(data);
  if (payload === null || payload.length < 6 || payload[0] !== LINK_FORMAT) return { ok: false, problem: 'damaged' };
  try {
    const stream = new Blob([payload.slice(5) as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
    const reader = stream.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > MAX_TEXT) {
        await reader.cancel();
        return { ok: false, problem: 'too long' };
      }
      chunks.push(value);
    }
    const bytes = new Uint8Array(size);
    let at = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, at);
      at += chunk.length;
    }
    if (crc32(bytes) !== new DataView(payload.buffer, payload.byteOffset).getUint32(1)) return { ok: false, problem: 'damaged' };
    return readText(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return { ok: false, problem: 'damaged' };
  }
}

/** The game week by week as CSV, one row per week and stage (the weeks reached), in the page's dialect. */
export function gameCsv(play: BeerGamePlay, columns: readonly string[], roleName: (role: (typeof BEER_GAME_ROLES)[number]) => string): string {
  const rows = [];
  for (let week = 1; week <= play.week; week++) {
    for (const role of BEER_GAME_ROLES) {
      const entry = play.stations[role][week - 1];
      rows.push([week, roleName(role), entry.incoming, entry.received, entry.onHand, entry.backlog, entry.order, entry.cost]);
    }
  }
  return csvFile(columns, rows, pageCsvDialect);
}

/** The game as JSON: what was played (the saved game, which reopens it) and the weeks as the engine ran them. */
export function gameJson(game: SavedGame, play: BeerGamePlay): string {
  return `${JSON.stringify({ game, weeks: play.week, stations: play.stations, engineCost: play.engineCost }, null, 2)}\n`;
}
