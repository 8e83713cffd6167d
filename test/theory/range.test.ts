import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { poissonPmf, convolve } from '../../src/theory/discrete.ts';
import { optimalRQPoisson, rqPoisson } from '../../src/theory/rqPoisson.ts';
import { optimalPeriodicSS, periodicSSCost } from '../../src/theory/periodicSS.ts';
import { erlangB, optimalMakeToStockMM1 } from '../../src/theory/queues.ts';
import { MAX_TABLE_LENGTH, OutsideAnalyticRange } from '../../src/theory/range.ts';
import { theoryOf } from '../../src/experiment/theory.ts';
import { parseScenario } from '../../src/scenario/parse.ts';
import type { Scenario } from '../../src/scenario/schema.ts';

/** a bound against a hang, far above what any of these takes (they return in well under a second) */
const PROMPT_MS = 5_000;

function timed<T>(work: () => T): { value: T | Error; ms: number } {
  const start = performance.now();
  try {
    return { value: work(), ms: performance.now() - start };
  } catch (error) {
    return { value: error as Error, ms: performance.now() - start };
  }
}

function theoryScenario(file: string, edit: (data: Record<string, any>) => void): Scenario {
  const data = JSON.parse(readFileSync(new URL(`../../scenarios/theory/${file}`, import.meta.url), 'utf8'));
  edit(data);
  const parsed = parseScenario(data);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.scenario;
}

describe('the closed forms stop at the edge of their computable range', () => {
  it('refuses a Poisson table longer than the limit, and builds one just inside it', () => {
    expect(() => poissonPmf(2e6)).toThrow(OutsideAnalyticRange);
    expect(() => poissonPmf(2e6)).toThrow(/a Poisson demand of mean 2,000,000 needs a table of about 2,070,812 values \(the limit is 1,000,000\)/);
    expect(poissonPmf(5e5).length).toBeLessThanOrEqual(MAX_TABLE_LENGTH);
  });

  it('refuses a convolution whose result would pass the table limit', () => {
    const half = new Float64Array(MAX_TABLE_LENGTH / 2 + 1).fill(1 / (MAX_TABLE_LENGTH / 2 + 1));
    expect(() => convolve(half, half)).toThrow(OutsideAnalyticRange);
  });

  it('an (r, Q) with an order quantity of 10^15 is outside the range at once, not summed level by level', () => {
    const { value, ms } = timed(() => rqPoisson({ demandPerDay: 2, leadTimeDays: 5, reorderPoint: 10, orderQuantity: 1e15 }));
    expect(value).toBeInstanceOf(OutsideAnalyticRange);
    expect((value as Error).message).toMatch(/^the \(r, Q\) formula averages over Q = 1e15 levels: it would take about .* steps to compute \(the limit is 100,000,000\)$/);
    expect(ms).toBeLessThan(PROMPT_MS);
    // the usual case still computes
    expect(rqPoisson({ demandPerDay: 2, leadTimeDays: 5, reorderPoint: 10, orderQuantity: 20 }).fillRate).toBeCloseTo(0.9374, 4);
  });

  it('a lead time of 10^6 days makes the lead-time demand table too long for (r, Q), its optimum and (s, S)', () => {
    const costs = { orderingCost: 20, holdingCostPerUnitPerDay: 0.05, backorderCostPerUnitPerDay: 0.5 };
    for (const work of <(() => unknown)[]>[
      () => rqPoisson({ demandPerDay: 2, leadTimeDays: 1e6, reorderPoint: 10, orderQuantity: 20 }),
      () => optimalRQPoisson({ demandPerDay: 2, leadTimeDays: 1e6, ...costs }),
      () => periodicSSCost({ demand: poissonPmf(3), leadTimePeriods: 1e6, reorderPoint: 5, orderUpTo: 30, orderingCost: 10, holdingCost: 1, backorderCost: 9 }),
      () => optimalPeriodicSS({ demand: poissonPmf(3), leadTimePeriods: 1e6, orderingCost: 10, holdingCost: 1, backorderCost: 9 }),
    ]) {
      const { value, ms } = timed(work);
      expect(value).toBeInstanceOf(OutsideAnalyticRange);
      expect(ms).toBeLessThan(PROMPT_MS);
    }
  });

  it('an (s, S) gap of 10^15 and a huge ordering cost stop within the step limit', () => {
    const demand = poissonPmf(3);
    const huge = timed(() => periodicSSCost({ demand, leadTimePeriods: 2, reorderPoint: 0, orderUpTo: 1e15, orderingCost: 10, holdingCost: 1, backorderCost: 9 }));
    expect(huge.value).toBeInstanceOf(OutsideAnalyticRange);
    // the optimal S - s grows with the square root of K: K = 10^15 sends the search far away
    const search = timed(() => optimalPeriodicSS({ demand, leadTimePeriods: 2, orderingCost: 1e15, holdingCost: 1, backorderCost: 9 }));
    expect(search.value).toBeInstanceOf(OutsideAnalyticRange);
    expect(search.ms).toBeLessThan(PROMPT_MS);
  });

  it("Erlang's loss formula skips servers far beyond the load (exactly: B stays 0) and the M/M/1 optimum refuses a utilisation within 1e-12 of 1", () => {
    const { value, ms } = timed(() => erlangB(1e15, 2));
    expect(value).toBe(0);
    expect(ms).toBeLessThan(PROMPT_MS);
    expect(erlangB(10, 5)).toBeCloseTo(0.018385, 6);
    expect(() => optimalMakeToStockMM1({ demandPerDay: 1 - 1e-12, productionPerDay: 1, holdingCostPerUnitPerDay: 1e-9, backorderCostPerUnitPerDay: 1 })).toThrow(OutsideAnalyticRange);
  });
});

describe('theoryOf reports "outside the analytic model\'s range" as data', () => {
  it('for the (r, Q) scenario with an order quantity of 10^15 in one variant: that variant only', () => {
    const scenario = theoryScenario('rq-poisson.json', (data) => {
      data.variants[0].policies[0].policy.orderQuantity = 1e15;
    });
    const { value, ms } = timed(() => theoryOf(scenario));
    expect(ms).toBeLessThan(PROMPT_MS);
    const theory = value as Exclude<ReturnType<typeof theoryOf>, null>;
    if (!theory.ok) throw new Error('expected a theory');
    expect(theory.variants[0]).toMatchObject({ variant: 'r10Q20', comparisons: [], facts: [] });
    // 4 sums x Q = 10^15 levels x the 40 values of the Poisson(10) lead-time demand table
    expect(theory.variants[0].outsideRange).toBe(
      "outside the analytic model's range: the (r, Q) formula averages over Q = 1e15 levels: it would take about 1.6e17 steps to compute (the limit is 100,000,000); the rqPoisson formulas are not computed for this variant (the simulation is unaffected)",
    );
    expect(theory.variants[1].outsideRange).toBeNull();
    expect(theory.variants[1].comparisons.length).toBeGreaterThan(0);
  });

  it('for a lead time of 10^6 days: every variant', () => {
    const scenario = theoryScenario('rq-poisson.json', (data) => {
      data.lanes[0].leadTime.value = 1e6;
    });
    const theory = theoryOf(scenario);
    if (!theory?.ok) throw new Error('expected a theory');
    expect(theory.variants.map((variant) => variant.outsideRange)).toEqual([
      expect.stringMatching(/^outside the analytic model's range: a Poisson demand of mean 2,000,000 needs a table of about/),
      expect.stringMatching(/^outside the analytic model's range: a Poisson demand of mean 2,000,000/),
    ]);
  });

  it('every theory scenario with any one number made huge returns promptly', () => {
    const folder = new URL('../../scenarios/theory/', import.meta.url);
    let slowest = 0;
    let outside = 0;
    for (const file of readdirSync(folder)) {
      const text = readFileSync(new URL(file, folder), 'utf8');
      const leaves: (string | number)[][] = [];
      const walk = (value: unknown, path: (string | number)[]) => {
        if (typeof value === 'number' && !['version', 'replications', 'horizonDays', 'warmupDays'].includes(String(path[path.length - 1]))) leaves.push(path);
        else if (value !== null && typeof value === 'object') for (const [key, child] of Object.entries(value)) walk(child, [...path, Array.isArray(value) ? Number(key) : key]);
      };
      walk(JSON.parse(text), []);
      for (const path of leaves) {
        for (const big of [1e15, 1e6]) {
          const data = JSON.parse(text);
          let target = data;
          for (const key of path.slice(0, -1)) target = target[key];
          target[path[path.length - 1]] = big;
          const parsed = parseScenario(data);
          if (!parsed.ok) continue;
          const { value, ms } = timed(() => theoryOf(parsed.scenario));
          slowest = Math.max(slowest, ms);
          expect(value, `${file} ${path.join('.')} = ${big}`).not.toBeInstanceOf(Error);
          if (value && !(value instanceof Error) && value.ok) outside += value.variants.filter((variant) => variant.outsideRange !== null).length;
        }
      }
    }
    expect(slowest).toBeLessThan(PROMPT_MS);
    // the sweep does reach the edge of the range somewhere (else this test would prove nothing)
    expect(outside).toBeGreaterThan(0);
  }, 300_000);
});
