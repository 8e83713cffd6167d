import { describe, expect, it } from 'vitest';
import { erlangB, erlangC, makeToStockMM1, mm1, mmc, optimalMakeToStockMM1 } from '../../src/theory/queues.ts';

describe('mm1 and mmc against a published worked example', () => {
  // Hillier & Lieberman, *Introduction to Operations Research*, the County Hospital emergency room
  // example of the M/M/s section: λ = 2 patients an hour, μ = 3 an hour. Printed results:
  //   s = 1: ρ = 2/3, Lq = 4/3, L = 2, Wq = 2/3 hour, W = 1 hour, P(Wq > 0) = 0.667
  //   s = 2: ρ = 1/3, Lq = 1/12 = 0.083, L = 3/4, Wq = 1/24 = 0.042 hour, W = 3/8 = 0.375 hour,
  //          P(Wq > 0) = 0.167
  it.each([
    [1, 2 / 3, 4 / 3, 2, 2 / 3, 1, 0.667],
    [2, 1 / 3, 1 / 12, 3 / 4, 1 / 24, 3 / 8, 0.167],
  ])('s = %d', (servers, rho, Lq, L, Wq, W, wait) => {
    const r = mmc({ arrivalRate: 2, serviceRate: 3, servers });
    expect(r.utilisation).toBeCloseTo(rho, 12);
    expect(r.expectedNumberInQueue).toBeCloseTo(Lq, 12);
    expect(r.expectedNumberInSystem).toBeCloseTo(L, 12);
    expect(r.expectedWaitInQueue).toBeCloseTo(Wq, 12);
    expect(r.expectedTimeInSystem).toBeCloseTo(W, 12);
    expect(Math.abs(r.probabilityOfWaiting - wait)).toBeLessThan(5e-4);
  });
});

describe('mm1', () => {
  it('satisfies the M/M/1 identities and Little’s law', () => {
    for (const [lambda, mu] of [[1, 2], [9, 10], [0.3, 7]]) {
      const rho = lambda / mu;
      const r = mm1({ arrivalRate: lambda, serviceRate: mu });
      expect(r.expectedNumberInSystem).toBeCloseTo(rho / (1 - rho), 10);
      expect(r.expectedNumberInQueue).toBeCloseTo((rho * rho) / (1 - rho), 10);
      expect(r.expectedTimeInSystem).toBeCloseTo(1 / (mu - lambda), 10);
      expect(r.expectedWaitInQueue).toBeCloseTo(rho / (mu - lambda), 10);
      expect(r.expectedNumberInSystem).toBeCloseTo(lambda * r.expectedTimeInSystem, 10);
      expect(r.probabilityOfWaiting).toBeCloseTo(rho, 12);
    }
  });

  it('throws when the utilisation is 1 or more', () => {
    expect(() => mm1({ arrivalRate: 3, serviceRate: 3 })).toThrow(/utilisation/);
    expect(() => mmc({ arrivalRate: 7, serviceRate: 3, servers: 2 })).toThrow(/utilisation/);
    expect(() => mm1({ arrivalRate: 0, serviceRate: 3 })).toThrow(/arrivalRate/);
    expect(() => mmc({ arrivalRate: 1, serviceRate: 3, servers: 1.5 })).toThrow(/servers/);
  });
});

describe('erlangC', () => {
  it('agrees with the textbook sum form a^c/(c!(1 − ρ)) P0', () => {
    for (const [c, a] of [[3, 2.4], [10, 7], [25, 20]]) {
      let sum = 0;
      let term = 1; // a^n/n!
      for (let n = 0; n < c; n++) {
        sum += term;
        term *= a / (n + 1);
      }
      const last = term / (1 - a / c); // a^c/(c!(1 − ρ))
      expect(erlangC(c, a)).toBeCloseTo(last / (sum + last), 12);
    }
  });

  it('stays finite for thousands of servers, where a^c and c! overflow', () => {
    const value = erlangC(2000, 1950);
    expect(value).toBeGreaterThan(0);
    expect(value).toBeLessThan(1);
  });
});

describe('erlangB against published Erlang B tables', () => {
  // Offered load (erlangs) that c circuits carry at a blocking probability (grade of service), as
  // printed in standard Erlang B traffic tables (e.g. the table in R. L. Freeman, *Telecommunication
  // System Engineering*, Wiley): the printed load is the rounded root of B(c, a) = GoS, so B must
  // cross the GoS within half a unit of the last printed digit.
  it.each([
    [1, 0.01, 0.0101, 0.00005],
    [5, 0.01, 1.36, 0.005],
    [5, 0.05, 2.22, 0.005],
    [10, 0.01, 4.46, 0.005],
    [10, 0.02, 5.08, 0.005],
    [10, 0.05, 6.22, 0.005],
    [20, 0.01, 12.03, 0.005],
    [50, 0.01, 37.9, 0.05],
    [100, 0.01, 84.06, 0.005],
  ])('%d circuits at %d blocking carry %d erlangs', (servers, gradeOfService, load, halfUnit) => {
    expect(erlangB(servers, load - halfUnit)).toBeLessThan(gradeOfService);
    expect(erlangB(servers, load + halfUnit)).toBeGreaterThan(gradeOfService);
  });

  it('has the closed forms B(0, a) = 1, B(1, a) = a/(1 + a) and B(2, a) = (a²/2)/(1 + a + a²/2)', () => {
    expect(erlangB(0, 3)).toBe(1);
    expect(erlangB(1, 3)).toBeCloseTo(3 / 4, 15);
    expect(erlangB(2, 3)).toBeCloseTo(4.5 / 8.5, 15);
    expect(() => erlangB(-1, 3)).toThrow(/servers/);
    expect(() => erlangB(2, -3)).toThrow(/offeredLoad/);
  });
});

describe('makeToStockMM1', () => {
  /** the same quantities summed over the geometric distribution of orders outstanding */
  function bruteForce(rho: number, S: number) {
    let onHand = 0;
    let backorders = 0;
    let fill = 0;
    for (let n = 0; n < 5000; n++) {
      const p = (1 - rho) * rho ** n;
      onHand += p * Math.max(S - n, 0);
      backorders += p * Math.max(n - S, 0);
      if (n < S) fill += p;
    }
    return { onHand, backorders, fill };
  }

  it('matches sums over the geometric number of outstanding orders', () => {
    for (const [rho, S] of [[0.5, 0], [0.8, 3], [0.95, 20]]) {
      const r = makeToStockMM1({ demandPerDay: rho, productionPerDay: 1, baseStock: S });
      const b = bruteForce(rho, S);
      expect(r.fillRate).toBeCloseTo(b.fill, 10);
      expect(r.expectedOnHand).toBeCloseTo(b.onHand, 10);
      expect(r.expectedBackorders).toBeCloseTo(b.backorders, 10);
    }
  });

  it('with no base stock is make-to-order: the backorders are the M/M/1 number in system', () => {
    const r = makeToStockMM1({ demandPerDay: 3, productionPerDay: 4, baseStock: 0 });
    expect(r.expectedBackorders).toBeCloseTo(mm1({ arrivalRate: 3, serviceRate: 4 }).expectedNumberInSystem, 12);
    expect(r.fillRate).toBe(0);
  });

  it('optimal base stock beats every other base stock up to 200', () => {
    for (const [lambda, mu, h, b] of [[3, 4, 1, 9], [9, 10, 2, 50], [1, 5, 1, 1], [1, 5, 10, 1]]) {
      const best = optimalMakeToStockMM1({
        demandPerDay: lambda,
        productionPerDay: mu,
        holdingCostPerUnitPerDay: h,
        backorderCostPerUnitPerDay: b,
      });
      for (let S = 0; S <= 200; S++) {
        const r = makeToStockMM1({ demandPerDay: lambda, productionPerDay: mu, baseStock: S });
        const cost = h * r.expectedOnHand + b * r.expectedBackorders;
        expect(cost).toBeGreaterThanOrEqual(best.costPerDay - 1e-12);
      }
    }
  });

  it('rejects invalid input with a RangeError naming the parameter', () => {
    expect(() => makeToStockMM1({ demandPerDay: 4, productionPerDay: 4, baseStock: 1 })).toThrow(/productionPerDay/);
    expect(() => makeToStockMM1({ demandPerDay: 1, productionPerDay: 4, baseStock: -1 })).toThrow(/baseStock/);
    const costs = { holdingCostPerUnitPerDay: 0, backorderCostPerUnitPerDay: 1 };
    expect(() => optimalMakeToStockMM1({ demandPerDay: 1, productionPerDay: 4, ...costs })).toThrow(/holdingCost/);
  });
});
