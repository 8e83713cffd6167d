import { describe, expect, it } from 'vitest';
import { normalQuantile } from '../../src/math/normal.ts';
import { aleaStream } from '../../src/random/streams.ts';
import { bullwhipLowerBound, exponentialSmoothingBullwhip } from '../../src/theory/bullwhip.ts';

/**
 * Runs the order-up-to policy of Chen et al. (2000) on simulated AR(1) demand with a constant safety
 * stock and returns the sample Var(q)/Var(D). `forecast` gets the demands before period t, latest last.
 */
function simulatedRatio(rho: number, L: number, periods: number, forecast: (history: number[]) => number): number {
  const random = aleaStream(`bullwhip-${rho}-${L}`);
  const history: number[] = [];
  let demand = 0; // deviations from the mean: the mean cancels out of q_t
  for (let t = 0; t < 500; t++) history.push((demand = rho * demand + normalQuantile(random())));
  const demands: number[] = [];
  const orders: number[] = [];
  let previousLevel = L * forecast(history);
  for (let t = 0; t < periods; t++) {
    const level = L * forecast(history); // y_t from D_{t−1}, D_{t−2}, ...
    orders.push(level - previousLevel + history[history.length - 1]); // q_t = y_t − y_{t−1} + D_{t−1}
    previousLevel = level;
    demand = rho * demand + normalQuantile(random()); // D_t, seen after ordering
    demands.push(demand);
    history.push(demand);
  }
  const variance = (xs: number[]) => {
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    return xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1);
  };
  return variance(orders) / variance(demands);
}

const movingAverage = (p: number) => (history: number[]) => history.slice(-p).reduce((a, b) => a + b, 0) / p;

describe('bullwhipLowerBound (Chen, Drezner, Ryan & Simchi-Levi 2000)', () => {
  it('for i.i.d. demand (ρ = 0) reduces to 1 + 2L/p + 2L²/p²', () => {
    // by hand: L = 1, p = 5: 1 + 2/5 + 2/25 = 1.48; L = 4, p = 4: 1 + 2 + 2 = 5
    expect(bullwhipLowerBound({ leadTimePeriods: 1, movingAveragePeriods: 5 })).toBeCloseTo(1.48, 12);
    expect(bullwhipLowerBound({ leadTimePeriods: 4, movingAveragePeriods: 4 })).toBeCloseTo(5, 12);
  });

  it('has the limits the paper discusses: → 1 as p grows, as ρ → 1, and with no lead time', () => {
    expect(bullwhipLowerBound({ leadTimePeriods: 3, movingAveragePeriods: 100_000 })).toBeCloseTo(1, 3);
    const nearlyRandomWalk = { leadTimePeriods: 3, movingAveragePeriods: 5, demandAutocorrelation: 0.999999 };
    expect(bullwhipLowerBound(nearlyRandomWalk)).toBeCloseTo(1, 4);
    expect(bullwhipLowerBound({ leadTimePeriods: 0, movingAveragePeriods: 5, demandAutocorrelation: 0.3 })).toBe(1);
  });

  it('grows with the lead time and shrinks with p and with positive autocorrelation', () => {
    const at = (L: number, p: number, rho: number) =>
      bullwhipLowerBound({ leadTimePeriods: L, movingAveragePeriods: p, demandAutocorrelation: rho });
    expect(at(3, 5, 0.2)).toBeGreaterThan(at(2, 5, 0.2));
    expect(at(3, 6, 0.2)).toBeLessThan(at(3, 5, 0.2));
    expect(at(3, 5, 0.6)).toBeLessThan(at(3, 5, 0.2));
  });

  it('is the exact variance of q_t = (1 + L/p) D_{t−1} − (L/p) D_{t−p−1} (constant safety stock)', () => {
    for (const [L, p, rho] of [[2, 3, 0], [5, 4, 0.7], [1, 10, -0.5]]) {
      const [a, c] = [1 + L / p, -L / p]; // weights on D_{t−1} and D_{t−p−1}; Corr = ρ^p
      const bound = bullwhipLowerBound({ leadTimePeriods: L, movingAveragePeriods: p, demandAutocorrelation: rho });
      expect(bound).toBeCloseTo(a * a + c * c + 2 * a * c * rho ** p, 12);
    }
  });

  it('matches a simulation of the policy on AR(1) demand (timing check)', () => {
    const ratio = simulatedRatio(0.5, 2, 200_000, movingAverage(4));
    const bound = bullwhipLowerBound({ leadTimePeriods: 2, movingAveragePeriods: 4, demandAutocorrelation: 0.5 });
    expect(Math.abs(ratio / bound - 1)).toBeLessThan(0.02);
  });

  it('rejects invalid input with a RangeError naming the parameter', () => {
    expect(() => bullwhipLowerBound({ leadTimePeriods: -1, movingAveragePeriods: 2 })).toThrow(/leadTimePeriods/);
    expect(() => bullwhipLowerBound({ leadTimePeriods: 1, movingAveragePeriods: 0 })).toThrow(/movingAveragePeriods/);
    expect(() => bullwhipLowerBound({ leadTimePeriods: 1, movingAveragePeriods: 2, demandAutocorrelation: 1 })).toThrow(
      /demandAutocorrelation/,
    );
  });
});

describe('exponentialSmoothingBullwhip (Chen, Ryan & Simchi-Levi 2000)', () => {
  it('is 1 + 2αL + 2α²L²/(2 − α), which α = 1 (last period\'s demand) puts at 1 + 2L + 2L²', () => {
    expect(exponentialSmoothingBullwhip({ leadTimePeriods: 3, smoothingFactor: 1 })).toBeCloseTo(1 + 6 + 18, 12);
    // α = 1 is the one-period moving average, so both formulas must agree there
    expect(exponentialSmoothingBullwhip({ leadTimePeriods: 3, smoothingFactor: 1 })).toBeCloseTo(
      bullwhipLowerBound({ leadTimePeriods: 3, movingAveragePeriods: 1 }),
      12,
    );
    expect(exponentialSmoothingBullwhip({ leadTimePeriods: 2, smoothingFactor: 1e-9 })).toBeCloseTo(1, 6);
  });

  it('matches a simulation with i.i.d. demand', () => {
    const alpha = 0.3;
    let smoothed = 0;
    let seen = 0;
    const forecast = (history: number[]) => {
      // F_t = α D_{t−1} + (1 − α) F_{t−1}, fed each new observation once
      for (; seen < history.length; seen++) smoothed = alpha * history[seen] + (1 - alpha) * smoothed;
      return smoothed;
    };
    const ratio = simulatedRatio(0, 3, 200_000, forecast);
    const exact = exponentialSmoothingBullwhip({ leadTimePeriods: 3, smoothingFactor: alpha });
    expect(Math.abs(ratio / exact - 1)).toBeLessThan(0.02);
  });

  it('rejects a smoothing factor outside (0, 1]', () => {
    expect(() => exponentialSmoothingBullwhip({ leadTimePeriods: 1, smoothingFactor: 0 })).toThrow(/smoothingFactor/);
    expect(() => exponentialSmoothingBullwhip({ leadTimePeriods: 1, smoothingFactor: 1.5 })).toThrow(/smoothingFactor/);
  });
});
