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

  it('units damaged on a shelf of 10^15 fit: a day costs one binomial draw, whatever the units (BTRS)', () => {
    const scenario = minimal((data) => {
      data.products[0].damagePerDay = { ambient: 0.01 };
      data.stockPoints[0].policy = { type: 'rQ', reorderPoint: 10, orderQuantity: 1e15 };
      data.horizonDays = 60;
    });
    expect(checkRunBudget(scenario)).toEqual([]);
    const run = runReplication(scenario, 0, 0, { series: false });
    expect(run.network.kpis.damagedUnits).toBeGreaterThan(1e13);
  });

  it('allowLarge refuses nothing', () => {
    expect(checkRunBudget(minimal((data) => (data.horizonDays = 1e9)), { allowLarge: true })).toEqual([]);
  });
});

/**
 * The review's valid scenarios that passed the budget and then hung or crashed (issue 12): each is now
 * refused at its field, in words, or runs promptly (the run's time bound is against a hang, not a
 * speed test: each takes well under a second here).
 */
describe('review cases: refused at their field, or run promptly', () => {
  const probe = (edit: (data: any) => void) => load('scenarios/02-base-stock-poisson.json', (data) => {
    data.horizonDays = 365;
    data.replications = 1;
    delete data.theory;
    edit(data);
  });
  const randomShock = (multiplier: number, ratePerYear: number, days: number) => ({ multiplier, occurrence: { type: 'random', ratePerYear, duration: { type: 'constant', value: days } } });
  const damaged = (data: any, rate = 0.01) => {
    data.products[0].damagePerDay = { cold: rate };
    data.nodes[1].storageClass = 'cold';
  };
  const promptly = (scenario: Scenario) => {
    expect(checkRunBudget(scenario)).toEqual([]);
    const start = performance.now();
    const run = runReplication(scenario, 0, 0, { series: false });
    expect(performance.now() - start).toBeLessThan(20_000);
    return run;
  };

  it('shockRandom: a random shock ×1000, 50 a year for 7 days, on 1,000 customers a day: refused at its multiplier (overlapping windows multiply)', () => {
    const issues = checkRunBudget(probe((data) => {
      data.demand[0].customersPerDay = 1000;
      data.demand[0].shocks = [randomShock(1000, 50, 7)];
    }));
    expect(issues.map((issue) => issue.path)).toEqual(['demand[0].shocks[0].multiplier']);
    expect(issues[0].message).toBe(
      "this run needs computing without bound (unbounded events in each of 1 run, mostly unbounded customers (1,000 a day × 1 stock point, multiplied without bound by shock 1, whose windows overlap (about 0.96 at a time on average) and multiply one another, over 365 days)); the limit is 6 hours: lower the shock's multiplier or shorten it (overlapping windows of a random shock multiply)",
    );
  });

  it('a random shock that rarely overlaps counts its share of days (the review: it counted at most 1/days of it)', () => {
    // ×10 for 5 days, 4 times a year: 0.055 windows at a time on average, E[10^K] = exp(0.055 × 9) = 1.64
    const shocked = estimateRun(probe((data) => (data.demand[0].shocks = [randomShock(10, 4, 5)])));
    const plain = estimateRun(probe(() => {}));
    expect(shocked.customersPerRun / plain.customersPerRun).toBeCloseTo(Math.exp(((4 * 5) / 365) * 9), 6);
  });

  it('shockOverlap: ×10, 36,500 a year lasting 30 days (3,000 windows at a time): refused at its rate', () => {
    const issues = checkRunBudget(probe((data) => (data.demand[0].shocks = [randomShock(10, 36_500, 30)])));
    expect(issues.map((issue) => issue.path)).toEqual(['demand[0].shocks[0].occurrence.ratePerYear']);
    expect(issues[0].message).toContain('whose windows overlap (about 3,000 at a time on average) and multiply one another');
    expect(issues[0].message).toContain('make the shock rarer or shorter');
  });

  it('shockWindows: ×1, 10^7 a year over 3,650 days: the windows drawn are refused for memory at the rate', () => {
    const issues = checkRunBudget(probe((data) => {
      data.horizonDays = 3650;
      data.demand[0].shocks = [randomShock(1, 1e7, 3650)];
    }));
    expect(issues).toEqual([
      {
        path: 'demand[0].shocks[0].occurrence.ratePerYear',
        message:
          'this run needs about 8.4 GB of memory for the 100 million windows of shock 1 (10 million a year over 3,650 days), held at once; the limit is 2 GB: make these occurrences rarer or shorten horizonDays',
      },
    ]);
  });

  it('many overlapping windows of a shock that does not compound to absurdity build their profile promptly (windows + days, not windows × duration)', () => {
    // 164,000 windows at a time of ×1.00001: ×5.2 on average
    const run = promptly(probe((data) => (data.demand[0].shocks = [randomShock(1.00001, 200_000, 300)])));
    expect(run.network.counters.customerDemandUnits).toBeGreaterThan(0);
  });

  it('more orders in transit at once than the engine holds (2^24 pending events) are refused at the field behind them', () => {
    const issues = checkRunBudget(probe((data) => (data.demand[0].shocks = [randomShock(1.0001, 200_000, 300)])));
    expect(issues.map((issue) => issue.path)).toEqual(['demand[0].shocks[0].occurrence.ratePerYear']);
    expect(issues[0].message).toMatch(/^this run would hold about 124 million orders in transit at once at store\/widget .* the engine holds at most 16\.8 million at once: /);
  });

  it('perPeriodReturns: 10^10 units a day with returns run promptly (the binomials do not loop per unit), and the returns are counted for per-period demand', () => {
    const scenario = probe((data) => {
      data.products[0].returns = { fraction: 0.3, restockShare: 0.5, afterDays: { type: 'constant', value: 5 } };
      data.stockPoints[0].policy.level = 1e11;
      data.demand[0] = { type: 'perPeriod', node: 'store', product: 'widget', quantity: { type: 'constant', value: 1e10 } };
    });
    // two binomials a day, each costed at most SKIPPING_LIMIT draws
    expect(estimateRun(scenario).eventsPerRun).toBeGreaterThan(365 * 2 * 100);
    const run = promptly(scenario);
    expect(run.network.counters.customerDemandUnits).toBeGreaterThan(300e10);
  });

  it.each([
    ['forecastDamage', (data: any) => {
      damaged(data);
      data.stockPoints[0].policy = { type: 'forecast', method: { type: 'movingAverage', periods: 7 }, reviewPeriod: 1, safetyFactor: 3 };
      data.demand[0].quantity = { type: 'constant', value: 1e9 };
    }],
    ['casePackHuge', (data: any) => {
      damaged(data);
      data.stockPoints[0].casePack = 1e10;
    }],
    ['perPeriodDamageBacklog', (data: any) => {
      damaged(data, 0.3);
      data.stockPoints[0] = { node: 'store', product: 'widget', policy: { type: 'periodicRS', reviewPeriod: 1, orderUpTo: 10 }, initialOnHand: 0, minOrderQuantity: 1e10 };
      data.demand[0] = { type: 'perPeriod', node: 'store', product: 'widget', quantity: { type: 'constant', value: 1 } };
    }],
  ])('%s: damage on a shelf of billions of units runs promptly, and the units hit are counted', (_name, edit) => {
    const run = promptly(probe(edit));
    expect(run.network.kpis.damagedUnits).toBeGreaterThan(1e6);
  });

  it.each(['fefo', 'fifo'])('lots (%s) of one unit per receipt, base stock 10^6, 2,000 customers a day: linear, not quadratic; the lots count in time and memory', (issuing) => {
    const scenario = probe((data) => {
      data.products[0].shelfLifeDays = 1e6;
      data.stockPoints[0].policy.level = 1e6;
      data.stockPoints[0].issuing = issuing;
      data.demand[0].customersPerDay = 2000;
      data.horizonDays = 200;
    });
    const estimate = estimateRun(scenario);
    // a lot per receipt (one per customer): 400,000 lots of 60 bytes
    expect(estimate.workerBytes).toBeGreaterThan(400_000 * 60);
    const run = promptly(scenario);
    expect(estimate.eventsPerRun / run.events).toBeGreaterThan(1 / 1.2);
    expect(estimate.eventsPerRun / run.events).toBeLessThan(1.2);
  });

  it('lots on 3,650 days of a million-unit base stock fit the budget (about 15 million events and 440 MB of lots)', () => {
    const estimate = estimateRun(probe((data) => {
      data.products[0].shelfLifeDays = 1e6;
      data.stockPoints[0].policy.level = 1e6;
      data.stockPoints[0].issuing = 'fefo';
      data.demand[0].customersPerDay = 2000;
      data.horizonDays = 3650;
    }));
    expect(estimate.eventsPerRun).toBeCloseTo(14.6e6, -5);
    expect(estimate.workerBytes / 1e6).toBeCloseTo(440, -1);
  });

  it('a store fed by a warehouse, FEFO over a million one-unit lots out of expiry order: refused at its issuing for the lots it looks through', () => {
    const issues = checkRunBudget(probe((data) => {
      data.products[0].shelfLifeDays = 1e6;
      data.nodes.push({ id: 'dc', type: 'warehouse' });
      data.lanes = [
        { from: 'supplier', to: 'dc', leadTime: { type: 'constant', value: 3 } },
        { from: 'dc', to: 'store', leadTime: { type: 'constant', value: 1 } },
      ];
      data.stockPoints = [
        { node: 'dc', product: 'widget', policy: { type: 'baseStock', level: 100 } },
        { node: 'store', product: 'widget', policy: { type: 'baseStock', level: 1e6 }, issuing: 'fefo' },
      ];
      data.demand[0].customersPerDay = 50_000;
    }));
    expect(issues.map((issue) => issue.path)).toEqual(['stockPoints[1].issuing']);
    expect(issues[0].message).toContain('FEFO looking through about 1 million lots on the shelf at each of 18.3 million sales');
  });
});
