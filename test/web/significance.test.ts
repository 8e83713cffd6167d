import { describe, expect, it } from 'vitest';
import type { ExperimentResult, KpiSummary } from '../../src/experiment/replicate.ts';
import { figures, starRule } from '../../web/charts/kpiTable.ts';
import { kpiMeta } from '../../web/charts/kpiMeta.ts';
import { beatenBeyondNoise, quantilesFrom, sampleMap, significantBest, significantlyBetter, type Figure, type TQuantile } from '../../web/charts/significance.ts';

/** t(0.975, df) from tables (Student; e.g. NIST/SEMATECH e-Handbook 1.3.6.7.2) */
const T: TQuantile = (df) => ({ 2: 4.303, 3: 3.182, 4: 2.776, 9: 2.262 })[df] ?? null;
const noT: TQuantile = () => null;

/** a figure with each replication's value (replications 0, 1, …), mean and a half-width as the engine gives them */
function figure(values: number[]): Figure {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
  return { mean, halfWidth: (T(n - 1)! * sd) / Math.sqrt(n), samples: sampleMap(values.map((_, i) => i), values) };
}

describe('significantly better: paired when possible, non-overlapping intervals otherwise', () => {
  it('finds a small difference significant when it holds replication by replication (common random numbers)', () => {
    // B is A plus 2 ± a little on every replication; the intervals overlap widely
    const a = figure([100, 140, 120, 90, 160]);
    const b = figure([102, 141.5, 122.5, 91.8, 162.1]);
    expect(a.mean! + a.halfWidth! > b.mean! - b.halfWidth!).toBe(true);
    expect(significantlyBetter(a, b, 'lower', T)).toBe(true);
    expect(significantlyBetter(b, a, 'lower', T)).toBe(false);
    expect(significantlyBetter(b, a, 'higher', T)).toBe(true);
  });

  it('without a paired test (no t quantile for the pairs), only non-overlapping 95% intervals count', () => {
    const a = figure([100, 140, 120, 90, 160]);
    const b = figure([102, 141.5, 122.5, 91.8, 162.1]);
    expect(significantlyBetter(a, b, 'lower', noT)).toBe(false);
    expect(significantlyBetter({ mean: 10, halfWidth: 1 }, { mean: 13, halfWidth: 1.5 }, 'lower', noT)).toBe(true);
    expect(significantlyBetter({ mean: 10, halfWidth: 1 }, { mean: 12, halfWidth: 1.5 }, 'lower', noT)).toBe(false);
  });

  it('never without an interval (one replication), nor for equal means', () => {
    expect(significantlyBetter({ mean: 1, halfWidth: null }, { mean: 100, halfWidth: null }, 'lower', T)).toBe(false);
    expect(significantlyBetter({ mean: 5, halfWidth: 0 }, { mean: 5, halfWidth: 0 }, 'lower', T)).toBe(false);
  });

  it('reads the engine’s t quantile back from its summaries (half-width √n / sd)', () => {
    const summary: KpiSummary = { mean: 10, sd: 2, halfWidth: (2.262 * 2) / Math.sqrt(10), n: 10 };
    expect(quantilesFrom([summary])(9)).toBeCloseTo(2.262, 9);
    expect(quantilesFrom([summary])(4)).toBeNull();
    expect(quantilesFrom([{ mean: 1, sd: 0, halfWidth: 0, n: 10 }])(9)).toBeNull();
  });
});

describe('the KPI table’s stars', () => {
  it('stars the best only when it beats every other variant significantly', () => {
    expect([...significantBest([{ mean: 0.92, halfWidth: 0.01 }, { mean: 0.99, halfWidth: 0.005 }, { mean: 0.95, halfWidth: 0.01 }], 'higher', noT)]).toEqual([1]);
    // 0.99 against 0.985: within the noise of the runner-up, so no star at all
    expect(significantBest([{ mean: 0.92, halfWidth: 0.01 }, { mean: 0.99, halfWidth: 0.005 }, { mean: 0.985, halfWidth: 0.005 }], 'higher', noT).size).toBe(0);
  });

  it('stars nothing for neutral KPIs, a single value, ties, or one replication', () => {
    expect(significantBest([{ mean: 1, halfWidth: 0.1 }, { mean: 2, halfWidth: 0.1 }], null, T).size).toBe(0);
    expect(significantBest([{ mean: 1, halfWidth: 0.1 }, { mean: null, halfWidth: null }], 'higher', T).size).toBe(0);
    expect(significantBest([{ mean: 946, halfWidth: 1 }, { mean: 990, halfWidth: 1 }, { mean: 946, halfWidth: 1 }], 'lower', T).size).toBe(0);
    expect(significantBest([{ mean: 1, halfWidth: null }, { mean: 2, halfWidth: null }], 'lower', T).size).toBe(0);
  });

  it('does not star a cost that is lower because less was sold (significantly lower fill rate)', () => {
    const figures: Record<string, Figure[]> = {
      holdingCost: [{ mean: 900, halfWidth: 10 }, { mean: 1200, halfWidth: 10 }],
      fillRate: [{ mean: 0.8, halfWidth: 0.01 }, { mean: 0.97, halfWidth: 0.01 }],
      revenue: [{ mean: null, halfWidth: null }, { mean: null, halfWidth: null }],
    };
    const of = (kpi: string) => figures[kpi] ?? [];
    expect(starRule(kpiMeta('holdingCost'), of, noT).size).toBe(0);
    // the same service: the cheaper one is starred
    figures.fillRate = [{ mean: 0.96, halfWidth: 0.01 }, { mean: 0.97, halfWidth: 0.01 }];
    expect([...starRule(kpiMeta('holdingCost'), of, noT)]).toEqual([0]);
    // a service KPI is not held back by the rule
    figures.lostSalesUnits = [{ mean: 5, halfWidth: 1 }, { mean: 50, halfWidth: 1 }];
    expect([...starRule(kpiMeta('lostSalesUnits'), of, noT)]).toEqual([0]);
  });

  it('holds back a cost star when revenue (units sold) is significantly lower, too', () => {
    const figures: Record<string, Figure[]> = {
      totalCost: [{ mean: 900, halfWidth: 10 }, { mean: 1200, halfWidth: 10 }],
      revenue: [{ mean: 5000, halfWidth: 50 }, { mean: 7000, halfWidth: 50 }],
    };
    expect(starRule(kpiMeta('totalCost'), (kpi) => figures[kpi] ?? [{ mean: null, halfWidth: null }, { mean: null, halfWidth: null }], noT).size).toBe(0);
  });
});

describe('grid points beaten beyond the noise (the sweep’s frontier chart)', () => {
  it('says a point is beaten only when another is better on both service and cost beyond the 95% intervals', () => {
    const point = (service: number, cost: number) => ({ service: { mean: service, halfWidth: 0.01 }, cost: { mean: cost, halfWidth: 10 } });
    const beaten = beatenBeyondNoise([point(0.95, 500), point(0.9, 600), point(0.945, 505), point(0.96, 700)], noT);
    // 0.90 at 600 is beaten by 0.95 at 500 on both; 0.945 at 505 is within the noise of 0.95 at 500
    expect(beaten).toEqual([false, true, false, false]);
  });
});

describe('the KPI table reads each replication’s values from the result', () => {
  it('pairs the variants’ replications by number, leaving out those where the KPI does not apply', () => {
    const summary = (mean: number): KpiSummary => ({ mean, sd: 1, halfWidth: 1, n: 3 });
    const result = {
      variants: [
        { network: { holdingCost: summary(10) }, samples: { replications: [0, 1, 2], network: { holdingCost: [9, 10, null] } } },
        { network: { holdingCost: summary(12) }, samples: { replications: [0, 1, 2], network: { holdingCost: [11, 13, 12] } } },
      ],
    } as unknown as ExperimentResult;
    const [a, b] = figures(result, 'holdingCost');
    expect([...a.samples!]).toEqual([
      [0, 9],
      [1, 10],
    ]);
    expect(b.samples!.get(2)).toBe(12);
    expect(a.mean).toBe(10);
  });
});
