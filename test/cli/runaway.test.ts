import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stocklab } from './stocklab.ts';

/**
 * Issue 12.3, "nothing stops runaway input": inputs that made `stocklab validate` or `run` hang or
 * die of memory now return promptly, refused in words at their field, or with the theory said to be
 * outside the analytic model's range. The time bounds are against a hang (each command returns in a
 * second or two here), not a measure of speed.
 */
const PROMPT_MS = 30_000;

const folder = mkdtempSync(join(tmpdir(), 'stocklab-runaway-'));
const minimal = JSON.parse(readFileSync(new URL('../fixtures/minimal.json', import.meta.url), 'utf8'));
const rqTheory = JSON.parse(readFileSync(new URL('../../scenarios/theory/rq-poisson.json', import.meta.url), 'utf8'));

function scenarioFile(name: string, base: object, edit: (data: any) => void): string {
  const data = structuredClone(base);
  edit(data);
  const file = join(folder, `${name}.json`);
  writeFileSync(file, JSON.stringify(data));
  return file;
}

async function timed(...args: string[]) {
  const start = performance.now();
  const outcome = await stocklab(...args);
  return { ...outcome, ms: performance.now() - start };
}

describe('theory scenarios whose closed form used to hang', () => {
  const hugeQ = scenarioFile('rq-huge-q', rqTheory, (data) => {
    data.variants[0].policies[0].policy.orderQuantity = 1e15;
  });
  const longLead = scenarioFile('rq-long-lead', rqTheory, (data) => {
    data.lanes[0].leadTime.value = 1e6;
  });

  it('validate returns at once on an order quantity of 10^15: valid, with the theory outside its range in words', async () => {
    const { code, stdout, ms } = await timed('validate', hugeQ);
    expect(code).toBe(0);
    expect(ms).toBeLessThan(PROMPT_MS);
    expect(stdout).toBe(
      `${hugeQ}: valid (1 stock point, 2 variants)\n` +
        `${hugeQ}: note: theory for variant "r10Q20": outside the analytic model's range: the (r, Q) formula averages over Q = 1e15 levels: it would take about 1.6e17 steps to compute (the limit is 100,000,000); the rqPoisson formulas are not computed for this variant (the simulation is unaffected)\n`,
    );
  });

  it('validate returns at once on a 10^6-day lead time', async () => {
    const { code, stdout, ms } = await timed('validate', longLead);
    expect(code).toBe(0);
    expect(ms).toBeLessThan(PROMPT_MS);
    expect(stdout.match(/outside the analytic model's range: a Poisson demand of mean 2,000,000/g)).toHaveLength(2);
  });

  it('run simulates both variants and prints the theory of the one in range, and the other outside it', async () => {
    const { code, stdout, ms } = await timed('run', hugeQ, '--replications', '3', '--days', '400');
    expect(code).toBe(0);
    expect(ms).toBeLessThan(PROMPT_MS);
    expect(stdout).toContain("r = 10, Q = 20 (as in 03-rq-poisson): outside the analytic model's range: the (r, Q) formula averages over Q = 1e15 levels");
    expect(stdout).toMatch(/r = 6, Q = 43 \(optimal, Federgruen & Zheng\):\n.*KPI +simulated +theory/);
  });

  it('run --json carries the reason as data', async () => {
    const { code, stdout } = await timed('run', longLead, '--replications', '2', '--days', '200', '--json');
    expect(code).toBe(0);
    const theory = JSON.parse(stdout).theory;
    expect(theory.checks).toEqual([]);
    expect(theory.facts).toEqual([
      { variant: 'r10Q20', facts: [] },
      { variant: 'optimal', facts: [] },
    ]);
    expect(theory.outsideRange).toEqual([
      { variant: 'r10Q20', message: expect.stringMatching(/^outside the analytic model's range: a Poisson demand of mean 2,000,000 needs a table of about 2,070,812 values \(the limit is 1,000,000\)/) },
      { variant: 'optimal', message: expect.stringMatching(/^outside the analytic model's range: /) },
    ]);
  });
});

describe('runs too large for this machine are refused in words at their field', () => {
  const cases: { name: string; edit: (data: any) => void; path: string; says: RegExp }[] = [
    {
      name: 'horizon-1e7',
      edit: (data) => (data.horizonDays = 1e7),
      path: 'horizonDays',
      says: /^this run needs about 23\.1 GB of memory for the daily series of 10 runs \(10 million days × 17 daily series\); the limit is 2 GB: shorten horizonDays, record fewer daily series \(output\.series "network" or "none"\) or run fewer replications, or pass --allow-large if this machine can$/,
    },
    { name: 'horizon-1e9', edit: (data) => (data.horizonDays = 1e9), path: 'horizonDays', says: /^this run needs about 2\.31 TB of memory for the daily series of 10 runs \(1 billion days × 17 daily series\)/ },
    {
      name: 'customers-1e9',
      edit: (data) => (data.demand[0].customersPerDay = 1e9),
      path: 'demand[0].customersPerDay',
      says: /^this run needs about 16\.1 days of computing on one core \(730 billion events in each of 10 runs, mostly 365 billion customers \(1 billion a day × 1 stock point × 365 days\)\); the limit is 6 hours: lower customersPerDay/,
    },
    {
      name: 'weekly-1e9',
      // 365 days hold 53 Mondays: (53 × 10^9 + 312) / 365 = 145 million on average
      edit: (data) => (data.demand[0].seasonality = { weekly: [1e9, 1, 1, 1, 1, 1, 1] }),
      path: 'demand[0].seasonality.weekly',
      says: /of computing on one core .*multiplied by 145 million on average by the weekly pattern.*lower the pattern's multipliers/,
    },
    {
      name: 'shock-random',
      // the review's shockRandom: overlapping windows of a ×1000 shock multiply (it crashed with an internal error and a stack trace)
      edit: (data) => {
        data.demand[0].customersPerDay = 1000;
        data.demand[0].shocks = [{ multiplier: 1000, occurrence: { type: 'random', ratePerYear: 50, duration: { type: 'constant', value: 7 } } }];
      },
      path: 'demand[0].shocks[0].multiplier',
      says: /^this run needs computing without bound \(.*multiplied without bound by shock 1, whose windows overlap \(about 0\.96 at a time on average\) and multiply one another.*lower the shock's multiplier/,
    },
    {
      name: 'shock-overlap',
      edit: (data) => (data.demand[0].shocks = [{ multiplier: 10, occurrence: { type: 'random', ratePerYear: 36_500, duration: { type: 'constant', value: 30 } } }]),
      path: 'demand[0].shocks[0].occurrence.ratePerYear',
      says: /whose windows overlap \(about 3,000 at a time on average\).*make the shock rarer or shorter/,
    },
    {
      name: 'shock-windows',
      edit: (data) => {
        data.horizonDays = 3650;
        data.demand[0].shocks = [{ multiplier: 1, occurrence: { type: 'random', ratePerYear: 1e7, duration: { type: 'constant', value: 3650 } } }];
      },
      path: 'demand[0].shocks[0].occurrence.ratePerYear',
      says: /^this run needs about 8\.4\d? GB of memory for the 100 million windows of shock 1/,
    },
    { name: 'replications-1e7', edit: (data) => (data.replications = 1e7), path: 'replications', says: /^this run needs about 812 GB of memory for the results of 10 million runs .*: run fewer replications or variants, or pass --allow-large/ },
  ];

  for (const { name, edit, path, says } of cases) {
    it(`${name}: validate and run say so at ${path} (exit 2), promptly`, async () => {
      const file = scenarioFile(name, minimal, edit);
      for (const command of ['validate', 'run']) {
        const { code, stdout, stderr, ms } = await timed(command, file);
        expect(code).toBe(2);
        expect(stdout).toBe('');
        expect(ms).toBeLessThan(PROMPT_MS);
        const lines = stderr.trim().split('\n');
        expect(lines.length).toBe(1);
        expect(lines[0].startsWith(`${file}: ${path}: `)).toBe(true);
        expect(lines[0].slice(`${file}: ${path}: `.length)).toMatch(says);
      }
    });
  }

  it('--allow-large lets validate pass a run the user knows this machine can do', async () => {
    const file = scenarioFile('horizon-1e7-allowed', minimal, (data) => (data.horizonDays = 1e7));
    const { code, stdout } = await timed('validate', file, '--allow-large');
    expect(code).toBe(0);
    expect(stdout).toBe(`${file}: valid (1 stock point, 1 variant)\n`);
  });

  it('a command-line override is checked too: --days and --replications', async () => {
    const file = scenarioFile('ordinary', minimal, () => {});
    const days = await timed('run', file, '--days', '1e8');
    expect(days.code).toBe(2);
    expect(days.stderr).toContain(`${file}: horizonDays: this run needs about`);
    const replications = await timed('run', file, '--replications', '100000000');
    expect(replications.code).toBe(2);
    expect(replications.stderr).toContain(`${file}: replications: this run needs about`);
  });

  it("sweep checks its whole grid: each grid point is one more variant's runs", async () => {
    // a quarter of a second of computing a run, fine alone (100 replications: half an hour); 1,000 grid
    // points × 100 replications are about 8 hours
    const file = scenarioFile('sweep-grid', minimal, (data) => {
      data.demand[0].customersPerDay = 2000;
      data.replications = 100;
    });
    const alone = await timed('validate', file);
    expect(alone.code).toBe(0);
    const { code, stderr } = await timed('sweep', file, '--product', 'widget', '--param', 'level=0:999:1');
    expect(code).toBe(2);
    expect(stderr.startsWith(`${file}: variants: this run needs about `)).toBe(true);
    expect(stderr).toMatch(/of computing on one core \(100 replications × 1,000 variants, 0\.2\d seconds each\); the limit is 6 hours: run fewer replications or variants, or pass --allow-large/);
  });

  it('on the queue (--redis) the time allowed is the fleet’s, 30 days of one core; the memory is still this machine’s', async () => {
    const file = scenarioFile('sweep-grid-queue', minimal, (data) => {
      data.demand[0].customersPerDay = 2000;
      data.replications = 100;
    });
    // the 8 hours refused above pass the budget: the command goes on to Redis (none answers here)
    const grid = await timed('sweep', file, '--product', 'widget', '--param', 'level=0:999:1', '--redis', 'redis://127.0.0.1:1');
    expect(grid.stderr).toBe('stocklab: cannot reach Redis at redis://127.0.0.1:1: connect ECONNREFUSED 127.0.0.1:1\n');
    expect(grid.code).toBe(1);
    // runs 150 times as long (48 days) are refused all the same, saying the queue's limit
    const longer = scenarioFile('sweep-grid-queue-longer', minimal, (data) => {
      data.demand[0].customersPerDay = 300_000;
      data.replications = 100;
    });
    const beyond = await timed('sweep', longer, '--product', 'widget', '--param', 'level=0:999:1', '--redis', 'redis://127.0.0.1:1');
    expect(beyond.code).toBe(2);
    expect(beyond.stderr).toMatch(/this run needs about 48\.2 days of computing on one core \(.*\); the limit is 30 days: lower customersPerDay .*, or pass --allow-large if your workers can\n$/);
    // memory is refused as for a local run: this machine merges the results
    const memory = await timed('sweep', file, '--product', 'widget', '--param', 'level=0:999:1', '--replications', '10000', '--redis', 'redis://127.0.0.1:1');
    expect(memory.code).toBe(2);
    expect(memory.stderr).toMatch(/of memory for the results of 10 million runs .*; the limit is 2 GB: run fewer replications or variants, or pass --allow-large if this machine can\n/);
  });
});

describe('valid scenarios that used to hang now run promptly (issue 12 review)', () => {
  const cases: [string, (data: any) => void][] = [
    ['per-period-returns', (data) => {
      data.products[0].returns = { fraction: 0.3, restockShare: 0.5, afterDays: { type: 'constant', value: 5 } };
      data.stockPoints[0].policy.level = 1e11;
      data.demand[0] = { type: 'perPeriod', node: 'store', product: 'widget', quantity: { type: 'constant', value: 1e10 } };
    }],
    ['forecast-damage', (data) => {
      data.products[0].damagePerDay = { cold: 0.01 };
      data.nodes[1].storageClass = 'cold';
      data.stockPoints[0].policy = { type: 'forecast', method: { type: 'movingAverage', periods: 7 }, reviewPeriod: 1, safetyFactor: 3 };
      data.demand[0].quantity = { type: 'constant', value: 1e9 };
    }],
    ['case-pack-damage', (data) => {
      data.products[0].damagePerDay = { cold: 0.01 };
      data.nodes[1].storageClass = 'cold';
      data.stockPoints[0].casePack = 1e10;
    }],
  ];
  for (const [name, edit] of cases) {
    it(`${name}: run exits 0 promptly`, async () => {
      const file = scenarioFile(name, minimal, (data) => {
        data.replications = 1;
        edit(data);
      });
      const { code, stderr, ms } = await timed('run', file, '--workers', '1');
      expect(stderr).not.toContain('internal error');
      expect(code).toBe(0);
      expect(ms).toBeLessThan(PROMPT_MS);
    });
  }
});
