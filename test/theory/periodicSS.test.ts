import { describe, expect, it } from 'vitest';
import { aleaStream } from '../../src/random/streams.ts';
import { convolve, poissonPmf } from '../../src/theory/discrete.ts';
import { optimalPeriodicSS, periodicSSCost } from '../../src/theory/periodicSS.ts';

type Instance = {
  demand: Float64Array;
  leadTimePeriods: number;
  orderingCost: number;
  holdingCost: number;
  backorderCost: number;
};

const makeInstance = (
  demand: Float64Array,
  leadTimePeriods: number,
  orderingCost: number,
  holdingCost: number,
  backorderCost: number,
): Instance => ({ demand, leadTimePeriods, orderingCost, holdingCost, backorderCost });

// demand that is often 0 (P(D = 0) = 0.5), so the renewal function has to count idle periods
const LUMPY = Float64Array.from([0.5, 0.1, 0, 0.25, 0.15]);

/** G(y) written out directly from its definition, independent of the module's loss functions */
function directG(instance: Instance, y: number): number {
  let table = instance.demand;
  for (let i = 0; i < instance.leadTimePeriods; i++) table = convolve(table, instance.demand);
  let value = 0;
  for (let d = 0; d < table.length; d++) {
    value += table[d] * (instance.holdingCost * Math.max(0, y - d) + instance.backorderCost * Math.max(0, d - y));
  }
  return value;
}

/**
 * The cost of (s, S) from the stationary distribution of the Markov chain of the inventory position
 * after ordering, found by iterating the chain: a check of the renewal formula that never uses m or M.
 */
function markovChainCost(instance: Instance, s: number, S: number): number {
  const size = S - s; // states y = s + 1..S at index y - s - 1
  let pi = new Float64Array(size).fill(1 / size);
  for (let iteration = 0; iteration < 5000; iteration++) {
    const next = new Float64Array(size);
    for (let i = 0; i < size; i++) {
      const y = s + 1 + i;
      for (let d = 0; d < instance.demand.length; d++) {
        const x = y - d;
        next[x <= s ? size - 1 : x - s - 1] += pi[i] * instance.demand[d];
      }
    }
    pi = next;
  }
  let cost = 0;
  for (let i = 0; i < size; i++) {
    const y = s + 1 + i;
    let orderProbability = 0;
    for (let d = 0; d < instance.demand.length; d++) if (y - d <= s) orderProbability += instance.demand[d];
    cost += pi[i] * (instance.orderingCost * orderProbability + directG(instance, y));
  }
  return cost;
}

/** The physical system period by period: arrivals, review and order, demand, end-of-period costs. */
function simulate(instance: Instance, s: number, S: number, periods: number) {
  const random = aleaStream('periodicSS');
  const cdf: number[] = [];
  for (const p of instance.demand) cdf.push((cdf.at(-1) ?? 0) + p);
  const pipeline = new Array<number>(instance.leadTimePeriods + 1).fill(0); // pipeline[k] arrives in k periods
  let net = S;
  let onOrder = 0;
  let onHand = 0;
  let backorders = 0;
  let orders = 0;
  for (let t = 0; t < periods; t++) {
    net += pipeline[0];
    onOrder -= pipeline[0];
    pipeline.shift();
    pipeline.push(0);
    const position = net + onOrder;
    if (position <= s) {
      orders++;
      onOrder += S - position;
      if (instance.leadTimePeriods === 0) {
        net += S - position;
        onOrder -= S - position;
      } else pipeline[instance.leadTimePeriods - 1] += S - position;
    }
    const u = random();
    let d = 0;
    while (d < cdf.length - 1 && u >= cdf[d]) d++;
    net -= d;
    onHand += Math.max(net, 0);
    backorders += Math.max(-net, 0);
  }
  return { onHand: onHand / periods, backorders: backorders / periods, ordersPerPeriod: orders / periods };
}

describe('optimalPeriodicSS against published optima', () => {
  // Poisson demand per period with mean mu, K = 64, h = 1, p = 9, L = 0: instances whose optima are
  // reported by Y. Feng & B. Xiao (2000), "A new algorithm for computing optimal (s, S) policies in a
  // stochastic single item/location inventory system", IIE Transactions 32(11), 1081–1090, a
  // follow-up to Zheng & Federgruen (1991) on the same kind of test bed (Zheng & Federgruen's own
  // table could not be consulted here). Figures: mu = 10 -> (s*, S*) = (6, 40), c* = 35.0216;
  // mu = 20 -> (14, 62), c* = 49.1730; mu = 64 -> (55, 74), c* = 78.4023, compared to 4 decimals.
  it.each([
    [10, 6, 40, 35.0216],
    [20, 14, 62, 49.173],
    [64, 55, 74, 78.4023],
  ])('Poisson mean %d: (s*, S*) = (%d, %d), c* = %d', (mu, s, S, cost) => {
    const result = optimalPeriodicSS({
      demand: poissonPmf(mu),
      leadTimePeriods: 0,
      orderingCost: 64,
      holdingCost: 1,
      backorderCost: 9,
    });
    expect([result.reorderPoint, result.orderUpTo]).toEqual([s, S]);
    expect(Math.abs(result.costPerPeriod - cost)).toBeLessThan(5e-5);
  });
});

describe('optimalPeriodicSS properties', () => {
  const instances: [string, Instance][] = [
    ['Poisson 10, L = 0', makeInstance(poissonPmf(10), 0, 64, 1, 9)],
    ['Poisson 0.6, L = 2', makeInstance(poissonPmf(0.6), 2, 20, 1, 15)],
    ['lumpy with P(D = 0) = 0.5, L = 1', makeInstance(LUMPY, 1, 30, 2, 19)],
    ['Poisson 4, L = 3, small K', makeInstance(poissonPmf(4), 3, 1, 1, 4)],
  ];

  it.each(instances)('%s: brute force over a grid finds no cheaper policy', (_name, instance) => {
    const best = optimalPeriodicSS(instance);
    let bruteForce = Infinity;
    let argmin: [number, number] = [0, 0];
    for (let s = best.reorderPoint - 25; s <= best.reorderPoint + 25; s++) {
      for (let S = s + 1; S <= s + 90; S++) {
        const { costPerPeriod } = periodicSSCost({ ...instance, reorderPoint: s, orderUpTo: S });
        if (costPerPeriod < bruteForce) [bruteForce, argmin] = [costPerPeriod, [s, S]];
      }
    }
    expect(best.costPerPeriod).toBeLessThanOrEqual(bruteForce + 1e-9);
    expect(Math.abs(best.costPerPeriod - bruteForce)).toBeLessThan(1e-9);
    expect(argmin).toEqual([best.reorderPoint, best.orderUpTo]);
  });

  it.each(instances)('%s: the optimum beats its neighbours', (_name, instance) => {
    const { reorderPoint: s, orderUpTo: S, costPerPeriod } = optimalPeriodicSS(instance);
    for (const [ds, dS] of [[-1, 0], [1, 0], [0, -1], [0, 1], [1, 1], [-1, -1]]) {
      if (S + dS <= s + ds) continue;
      const neighbour = periodicSSCost({ ...instance, reorderPoint: s + ds, orderUpTo: S + dS });
      expect(neighbour.costPerPeriod).toBeGreaterThanOrEqual(costPerPeriod - 1e-12);
    }
  });

  it('with no ordering cost it is the base-stock (newsvendor) policy: s = y* − 1, S = y*', () => {
    // y* = the smallest y with P(D_{L+1} <= y) >= p/(p + h); Poisson(3 x 2) demand over L + 1 = 2
    // periods and p/(p + h) = 0.9: P(D <= 9) = 0.9161, P(D <= 8) = 0.8472 (Poisson(6) tables)
    const instance = { demand: poissonPmf(3), leadTimePeriods: 1, orderingCost: 0, holdingCost: 1, backorderCost: 9 };
    const result = optimalPeriodicSS(instance);
    expect([result.reorderPoint, result.orderUpTo]).toEqual([8, 9]);
    expect(result.costPerPeriod).toBeCloseTo(directG(instance, 9), 9);
    expect(result.ordersPerPeriod).toBeCloseTo(1 - Math.exp(-3), 12);
  });
});

describe('periodicSSCost', () => {
  it('agrees with the stationary distribution of the inventory position (demand often 0)', () => {
    for (const leadTimePeriods of [0, 2]) {
      const instance = { demand: LUMPY, leadTimePeriods, orderingCost: 30, holdingCost: 2, backorderCost: 19 };
      for (const [s, S] of [[2, 9], [-3, 4], [5, 6]]) {
        const { costPerPeriod } = periodicSSCost({ ...instance, reorderPoint: s, orderUpTo: S });
        expect(costPerPeriod).toBeCloseTo(markovChainCost(instance, s, S), 9);
      }
    }
  });

  it('agrees with a period-by-period simulation with a lead time of 2 periods (timing check)', () => {
    const instance = { demand: poissonPmf(2), leadTimePeriods: 2, orderingCost: 10, holdingCost: 1, backorderCost: 9 };
    const exact = periodicSSCost({ ...instance, reorderPoint: 5, orderUpTo: 12 });
    const simulated = simulate(instance, 5, 12, 400_000);
    expect(Math.abs(simulated.onHand / exact.expectedOnHand - 1)).toBeLessThan(0.01);
    expect(Math.abs(simulated.backorders / exact.expectedBackorders - 1)).toBeLessThan(0.03);
    expect(Math.abs(simulated.ordersPerPeriod / exact.ordersPerPeriod - 1)).toBeLessThan(0.01);
  });

  it('adds up: cost = K x order frequency + h x on hand + p x backorders', () => {
    const parameters = {
      demand: LUMPY,
      reorderPoint: 1,
      orderUpTo: 8,
      leadTimePeriods: 1,
      orderingCost: 30,
      holdingCost: 2,
      backorderCost: 19,
    };
    const r = periodicSSCost(parameters);
    expect(r.costPerPeriod).toBeCloseTo(30 * r.ordersPerPeriod + 2 * r.expectedOnHand + 19 * r.expectedBackorders, 12);
  });

  it('with demand of exactly 1 a period reduces to the deterministic cycle [K + Σ G(S − j)] / (S − s)', () => {
    // one unit a period, L = 0: the cycle visits inventory positions S, S − 1, ..., s + 1 once each,
    // ending each period at y − 1 units
    const demand = Float64Array.of(0, 1);
    const r = periodicSSCost({ ...makeInstance(demand, 0, 7, 1, 4), reorderPoint: -2, orderUpTo: 3 });
    // end-of-period levels 2, 1, 0, -1, -2: holding 3, backorders 3 over 5 periods
    expect(r.costPerPeriod).toBeCloseTo((7 + 3 * 1 + 3 * 4) / 5, 12);
    expect(r.ordersPerPeriod).toBeCloseTo(1 / 5, 12);
  });

  it('rejects invalid input with a RangeError naming the parameter', () => {
    const base = { ...makeInstance(poissonPmf(3), 0, 5, 1, 9), reorderPoint: 2, orderUpTo: 9 };
    expect(() => periodicSSCost({ ...base, orderUpTo: 2 })).toThrow(/orderUpTo/);
    expect(() => periodicSSCost({ ...base, reorderPoint: 1.5 })).toThrow(/reorderPoint/);
    expect(() => periodicSSCost({ ...base, leadTimePeriods: -1 })).toThrow(/leadTimePeriods/);
    expect(() => periodicSSCost({ ...base, orderingCost: -1 })).toThrow(/orderingCost/);
    expect(() => periodicSSCost({ ...base, demand: Float64Array.of(0.5, 0.2) })).toThrow(/sum to 1/);
    expect(() => periodicSSCost({ ...base, demand: Float64Array.of(1) })).toThrow(RangeError);
    expect(() => optimalPeriodicSS({ ...base, holdingCost: 0 })).toThrow(/holdingCost/);
  });
});
