import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runReplication } from '../../src/experiment/run.ts';
import { parseScenario } from '../../src/scenario/parse.ts';

/**
 * The warm-up decides what the window KPIs measure, never what happens: the simulation and its daily
 * series (docs/KPIS.md: "warm-up included") are the same whatever the warm-up, even one that ends
 * inside a day (the online series used to drop that day's orders from before the warm-up's end).
 */
describe('the daily series do not depend on the warm-up', () => {
  it('online orders and stock levels per day are the same with a warm-up of 0, 10 and 10.5 days', () => {
    const text = readFileSync('scenarios/09-online-shoes-24h.json', 'utf8');
    const seriesWith = (warmupDays: number) => {
      const parsed = parseScenario({ ...JSON.parse(text), horizonDays: 20, warmupDays });
      if (!parsed.ok) throw new Error(parsed.issues.map((issue) => issue.message).join('; '));
      return runReplication(parsed.scenario, 0, 0).series!;
    };
    const none = seriesWith(0);
    // the shop delivers online orders every day, so a lost half-day would show
    expect(none.online!.delivered.slice(8, 13).every((n) => n > 10)).toBe(true);
    for (const warmupDays of [10, 10.5]) {
      const other = seriesWith(warmupDays);
      expect(other.online, `warm-up ${warmupDays}`).toEqual(none.online);
      expect(other.network, `warm-up ${warmupDays}`).toEqual(none.network);
    }
  });
});
