import { describe, expect, it } from 'vitest';
import { readSavedGame } from '../../src/classroom/savedGame.ts';

const game = { version: 1, mode: 'hotSeat', humans: ['factory', 'retailer'], others: 'sterman', timerSeconds: 60, orders: { retailer: [4, 4], factory: [4] }, paused: false, revealed: false };

describe('a saved Beer Game', () => {
  it('is read back, its stages in the board order', () => {
    expect(readSavedGame(game)).toEqual({ ok: true, game: { ...game, humans: ['retailer', 'factory'] } });
  });

  it('is refused whole when anything is off, with the place', () => {
    expect(readSavedGame({ ...game, version: 2 })).toMatchObject({ ok: false, problem: expect.stringMatching(/^version/) });
    expect(readSavedGame({ ...game, orders: { retailer: [4, 1.5] } })).toMatchObject({ ok: false, problem: expect.stringMatching(/^orders\.retailer\.1/) });
    expect(readSavedGame({ ...game, orders: { mayor: [4] } })).toMatchObject({ ok: false });
    expect(readSavedGame(JSON.parse('{"__proto__": {"polluted": true}, "version": 1}'))).toMatchObject({ ok: false });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(readSavedGame({ ...game, mode: 'single' })).toMatchObject({ ok: false, problem: expect.stringMatching(/one stage/) });
    expect(readSavedGame({ ...game, humans: ['retailer', 'retailer'] })).toMatchObject({ ok: false });
    expect(readSavedGame('{"version":1}')).toMatchObject({ ok: false });
    expect(readSavedGame({ ...game, timerSeconds: 5 })).toMatchObject({ ok: false });
  });
});
