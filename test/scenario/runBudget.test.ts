import { readFileSync, readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/parse.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { runReplication, type RunResult } from '../../src/experiment/run.ts';
import { summarize } from '../../src/experiment/replicate.ts';
import { checkRunBudget, estimateRun, MEMORY_LIMIT_BYTES, TIME_LIMIT_SECONDS } from '../../src/experiment/runBudget.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function load(path: string, edit: (data: any) => void = () => {}): Scenario {
  const data = JSON.parse(readFileSync(ROOT + path, 'utf8'));
  edit(data);
  const parsed = parseScenario(data, { readFile: (file) => readFileSync(`${dirname(ROOT + path)}/${file}`, 'utf8') });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.scenario;
}

describe('the estimate against the engine', () => {
  // events are counted by the engine itself (RunResult.events): a deterministic figure to hold the
  // estimate to, where time would depend on the machine
  it.each([
    ['test/fixtures/minimal.json', 1.2],
    ['scenarios/04-coffee-brand.json', 1.5],
    ['scenarios/08-fresh-food-fefo.json', 1.2],
    ['scenarios/09-online-shoes-24h.json', 2.5],
    ['scenarios/theory/serial-three-stages.json', 2],
    ['scenarios/bench/retail-1000.json', 1.2],
  ])("%s: a replication's events within a factor of %s of the engine's count", (path, factor) => {
    const scenario = load(path);
    const estimated = estimateRun(scenario).eventsPerRun;
    const counted = runReplication(scenario, 0, 0).events;
    expect(estimated / counted).toBeGreaterThan(1 / factor);
    expect(estimated / counted).toBeLessThan(factor);
  });

  it('the memory the main thread keeps for 10 replications with their daily series, within a factor of 1.5 of the heap they take', () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const heap = () => {
      gc();
      gc();
      return process.memoryUsage().heapUsed;
    };
    const scenario = load('test/fixtures/minimal.json', (data) => {
      data.horizonDays = 20_000;
      data.replications = 10;
    });
    const before = heap();
    const runs: RunResult[] = [];
    for (let replication = 0; replication < 10; replication++) runs.push(runReplication(scenario, 0, replication));
    const summary = summarize(scenario, runs, true);
    const kept = heap() - before;
    expect(summary.replications).toBe(10);
    const estimated = estimateRun(scenario).mainBytes;
    expect(estimated / kept).toBeGreaterThan(1 / 1.5);
    expect(estimated / kept).toBeLessThan(1.5);
  });

  it('a longer horizon or more replications cost proportionally more; the series and stock points count', () => {
    const base = load('test/fixtures/minimal.json');
    const longer = load('test/fixtures/minimal.json', (data) => (data.horizonDays = 3650));
    const more = load('test/fixtures/minimal.json', (data) => (data.replications = 100));
    const quiet = load('test/fixtures/minimal.json', (data) => (data.output = { series: 'none' }));
    expect(estimateRun(longer).eventsPerRun / estimateRun(base).eventsPerRun).toBeCloseTo(10, 0);
    expect(estimateRun(more).seconds / estimateRun(base).seconds).toBeCloseTo(10, 5);
    expect(estimateRun(quiet).seriesValuesPerRun).toBe(0);
    expect(estimateRun(quiet).mainBytes).toBeLessThan(estimateRun(base).mainBytes / 10);
    // the budget options: a sweep records no series, a precision run may go to its cap
    expect(estimateRun(base, { series: false }).seriesValuesPerRun).toBe(0);
    expect(estimateRun(base, { replications: 1000 }).replications).toBe(1000);
  });
});

describe('what fits', () => {
  it('every scenario of the gallery and the bench fits, in a few milliseconds each', () => {
    const files = ['scenarios/', 'scenarios/theory/', 'scenarios/bench/'].flatMap((folder) =>
      readdirSync(ROOT + folder)
        .filter((name) => name.endsWith('.json'))
        .map((name) => folder + name),
    );
    expect(files.length).toBeGreaterThan(25);
    for (const file of files) {
      const scenario = load(file);
      const start = performance.now();
      expect(checkRunBudget(scenario), file).toEqual([]);
      // arithmetic, cheap enough for the page: a bound against a hang, not a speed test
      expect(performance.now() - start).toBeLessThan(1_000);
    }
  });

  it('the limits are well under a 4 GB heap and a working day', () => {
    expect(MEMORY_LIMIT_BYTES).toBeLessThanOrEqual(2e9);
    expect(TIME_LIMIT_SECONDS).toBe(6 * 3600);
  });
});

describe('refusals: the figure, the limit and the fix in words, at the field behind them', () => {
  const minimal = (edit: (data: any) => void) => load('test/fixtures/minimal.json', edit);

  it('a horizon of 10^7 days: memory, at horizonDays', () => {
    expect(checkRunBudget(minimal((data) => (data.horizonDays = 1e7)))).toEqual([
      {
        path: 'horizonDays',
        message:
          'this run needs about 23.1 GB of memory for the daily series of 10 runs (10 million days × 17 daily series); the limit is 2 GB: shorten horizonDays, record fewer daily series (output.series "network" or "none") or run fewer replications',
      },
    ]);
  });

  it('without daily series, 10^7 days fit (about 2 minutes of computing), and 10^9 do not', () => {
    expect(checkRunBudget(minimal((data) => ((data.horizonDays = 1e7), (data.output = { series: 'none' }))))).toEqual([]);
    const issues = checkRunBudget(minimal((data) => ((data.horizonDays = 1e9), (data.output = { series: 'none' }))));
    expect(issues.map((issue) => issue.path)).toEqual(['horizonDays']);
    expect(issues[0].message).toMatch(/^this run needs about 16 GB of memory for one worker's run \(1 demand stream × 1 billion days of multipliers\); the limit is 2 GB: shorten horizonDays or run fewer replications$/);
  });

  it('10^9 customers a day: time, at the demand entry', () => {
    expect(checkRunBudget(minimal((data) => (data.demand[0].customersPerDay = 1e9)), { beyond: 'pass --allow-large' })).toEqual([
      {
        path: 'demand[0].customersPerDay',
        message:
          'this run needs about 16.1 days of computing on one core (730 billion events in each of 10 runs, mostly 365 billion customers (1 billion a day × 1 stock point × 365 days)); the limit is 6 hours: lower customersPerDay (simulate a sample of the customers) or shorten horizonDays, or pass --allow-large',
      },
    ]);
  });

  it('a weekly multiplier of 10^9, a shock of 10^9 and a yearly pattern are each named as the driver', () => {
    const weekly = checkRunBudget(minimal((data) => (data.demand[0].seasonality = { weekly: [1, 1, 1, 1, 1, 1, 1e9] })));
    expect(weekly.map((issue) => issue.path)).toEqual(['demand[0].seasonality.weekly']);
    // 365 days from a Monday hold 52 Sundays: 52 × 10^9 / 365 = 142 million on average
    expect(weekly[0].message).toContain('multiplied by 142 million on average by the weekly pattern');
    const shock = checkRunBudget(minimal((data) => (data.demand[0].shocks = [{ multiplier: 1e9, occurrence: { type: 'scheduled', start: 0, end: 100 } }])));
    expect(shock.map((issue) => issue.path)).toEqual(['demand[0].shocks[0].multiplier']);
    const yearly = checkRunBudget(minimal((data) => (data.demand[0].seasonality = { yearly: [1e8, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1] })));
    expect(yearly.map((issue) => issue.path)).toEqual(['demand[0].seasonality.yearly']);
  });

  it('10^7 replications: memory and time, at replications, said once', () => {
    const issues = checkRunBudget(minimal((data) => (data.replications = 1e7)));
    expect(issues).toHaveLength(1);
    expect(issues[0].path).toBe('replications');
    expect(issues[0].message).toBe(
      'this run needs about 812 GB of memory for the results of 10 million runs (10 million replications × 1 variant, 1 stock point and 365 days × 17 daily series each); the limit is 2 GB: run fewer replications or variants',
    );
  });

  it('units damaged on a shelf of 10^15: the daily draws, at the stock point', () => {
    const issues = checkRunBudget(
      minimal((data) => {
        data.products[0].damagePerDay = { ambient: 0.01 };
        data.stockPoints[0].policy = { type: 'rQ', reorderPoint: 10, orderQuantity: 1e15 };
      }),
    );
    expect(issues.map((issue) => issue.path)).toEqual(['stockPoints[0].policy']);
    expect(issues[0].message).toContain('draws of units lost on the shelf (about 1 × 10^15 units on hand, each day)');
  });

  it('allowLarge refuses nothing', () => {
    expect(checkRunBudget(minimal((data) => (data.horizonDays = 1e9)), { allowLarge: true })).toEqual([]);
  });
});
