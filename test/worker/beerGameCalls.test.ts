import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSimApi } from '../../src/worker/api.ts';
import { repoRoot } from '../fixtures/scenario.ts';

const scenario: unknown = JSON.parse(readFileSync(join(repoRoot, 'scenarios/classroom/beer-game.json'), 'utf8'));

describe('the worker API of the Beer Game', () => {
  it("gives whose turn it is and that station's view only", async () => {
    const api = createSimApi();
    const response = await api.beerGameTurn({ scenario, setup: { humans: ['retailer', 'factory'], others: 'sterman' }, orders: { retailer: [4] } });
    expect(response).toMatchObject({ ok: true, turn: { week: 1, role: 'factory' }, station: { role: 'factory', week: 1, fixedOrder: 4 } });
  });

  it('refuses a game out of turn or not set up, in words', async () => {
    const api = createSimApi();
    expect(await api.beerGameTurn({ scenario, setup: { humans: ['retailer'], others: 'sterman' }, orders: { retailer: [4, 4, 4, 4, -1] } })).toMatchObject({ ok: false, error: expect.stringMatching(/whole number/) });
    expect(await api.beerGameBoard({ scenario, setup: { humans: ['mayor' as 'retailer'], others: 'sterman' }, orders: {} })).toEqual({ ok: false, error: 'the game is not set up' });
  });

  it('debriefs a whole game: the team, every rule, and the best with full information', async () => {
    const api = createSimApi();
    const response = await api.beerGameDebrief({ scenario, setup: { humans: ['wholesaler'], others: 'passThrough' }, orders: { wholesaler: Array(36).fill(4) } });
    if (!response.ok) throw new Error(response.error);
    expect(response.rules.sterman.engineCost!.team).toBeCloseTo(2694, 9);
    expect(response.rules.passThrough.engineCost!.team).toBeCloseTo(792, 9);
    expect(response.rules.benchmark.engineCost!.team).toBeCloseTo(204, 9);
    expect(response.best).toMatchObject({ ok: true, cost: 158, whole: true });
    expect(response.play.week).toBe(36);
  });
});
