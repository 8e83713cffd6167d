import { describe, expect, it } from 'vitest';
import { createSimApi, STEP_LOG_DAYS } from '../../src/worker/api.ts';
import { runReplication } from '../../src/experiment/run.ts';
import { loadScenarioFile } from '../fixtures/scenario.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../fixtures/scenario.ts';

const raw = JSON.parse(readFileSync(join(repoRoot, 'scenarios/04-coffee-brand.json'), 'utf8')) as Record<string, unknown>;

describe('the worker API steps through a replication', () => {
  it('opens a replication, steps to a day, then to the end, with the KPIs of runReplication', async () => {
    const api = createSimApi();
    const opened = await api.openStepper(raw, 1, 2);
    if (!opened.ok) throw new Error('does not open');
    expect(opened.info).toMatchObject({ variant: 'generous', replication: 2, days: 365 });
    const progress: number[] = [];
    const first = await api.stepTo(9, (day) => void progress.push(day));
    if (!first.ok) throw new Error(first.error);
    expect(first.log.map((day) => day.day)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(first.last?.day).toBe(9);
    expect(first.over).toBe(false);
    expect(first.kpis).toBeNull();
    expect(progress.length).toBeGreaterThan(0);
    // already there: nothing runs
    const again = await api.stepTo(9);
    expect(again.ok && again.log.length === 0 && again.last === null).toBe(true);
    const end = await api.stepTo(Infinity);
    if (!end.ok) throw new Error(end.error);
    expect(end.over).toBe(true);
    expect(end.last?.day).toBe(364);
    expect(end.log).toHaveLength(355);
    const loaded = loadScenarioFile('scenarios/04-coffee-brand.json');
    if (!loaded.ok) throw new Error('does not parse');
    const run = runReplication(loaded.scenario, 1, 2);
    expect(JSON.stringify(end.kpis!.network)).toBe(JSON.stringify(run.network.kpis));
    expect(end.kpis!.stockPoints.map((point) => point.kpis)).toEqual(run.stockPoints.map((point) => point.kpis));
  });

  it(`sends back at most the last ${STEP_LOG_DAYS} days of a long jump`, async () => {
    const api = createSimApi();
    await api.openStepper({ ...raw, horizonDays: 1000, variants: [] }, 0, 0);
    const end = await api.stepTo(Infinity);
    if (!end.ok) throw new Error(end.error);
    expect(end.log).toHaveLength(STEP_LOG_DAYS);
    expect(end.log[0].day).toBe(1000 - STEP_LOG_DAYS);
    expect(end.log.at(-1)!.day).toBe(999);
  });

  it('says when nothing is open, and gives an invalid scenario its problems', async () => {
    const api = createSimApi();
    expect(await api.stepTo(3)).toEqual({ ok: false, error: 'no replication is open to step through' });
    const opened = await api.openStepper({ ...raw, horizonDays: -1 }, 0, 0);
    expect(opened.ok).toBe(false);
  });
});
