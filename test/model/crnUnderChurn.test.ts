import { describe, expect, it } from 'vitest';
import { buildSimulation, variantsOf } from '../../src/model/build.ts';
import { replicationSeed } from '../../src/random/streams.ts';
import { scenarioOf } from '../fixtures/scenario.ts';
import { recordArrivals } from '../fixtures/observe.ts';

const HORIZON = 60;
const INITIAL = 1000;

/** 10 customers a day out of a base of 1000 who leave after a stockout with probability 0.2; two base-stock levels. */
const scenario = scenarioOf({
  version: 1,
  name: 'crn under churn',
  horizonDays: HORIZON,
  seed: 's',
  products: [{ id: 'w', unitCost: 1, holdingCost: { perUnitPerDay: 0 }, unmetDemand: 'lost' }],
  nodes: [
    { id: 'sup', type: 'supplier' },
    { id: 'st', type: 'store' },
  ],
  lanes: [{ from: 'sup', to: 'st', leadTime: { type: 'constant', value: 3 } }],
  stockPoints: [{ node: 'st', product: 'w', policy: { type: 'baseStock', level: 40 } }],
  demand: [{ type: 'arrivals', node: 'st', product: 'w', customersPerDay: 10 }],
  customers: [{ node: 'st', initial: INITIAL, churn: { onStockout: 0.2 } }],
  variants: [
    { id: 'big', policies: [{ node: 'st', policy: { type: 'baseStock', level: 60 } }] },
    { id: 'small', policies: [{ node: 'st', policy: { type: 'baseStock', level: 30 } }] },
  ],
});

function arrivalsOf(variantId: string) {
  const variant = variantsOf(scenario).find((v) => v.id === variantId)!;
  const simulation = buildSimulation(scenario, variant, replicationSeed(scenario.seed, 0));
  const arrivals = recordArrivals(simulation);
  simulation.run();
  return { times: arrivals(), active: simulation.customerBases[0].active };
}

describe('common random numbers under churn', () => {
  it('a variant whose customers churn sees the same arrivals as one whose do not, only stretched by the lower rate', () => {
    // The arrival process is a unit-rate Poisson process in "exposure", mapped to time by the rate
    // 10 x active / 1000. The big variant never stocks out (active stays 1000), so its k-th arrival
    // has exposure E_k = 10 t_k. When the small variant's base shrinks, the pending arrival keeps its
    // remaining exposure at the new rate, so its k-th arrival comes where its integrated rate reaches
    // the same E_k. Its factor f = active / 1000 lies in [f_min, 1] (no new customers: f_min is the
    // final base), hence t_k <= t'_k <= t_k / f_min:
    //   0 <= t'_k - t_k <= t_k (1 / f_min - 1),
    // a lag that grows slowly (about 0.02 days per day here). Drawing a fresh gap at each departure
    // (as before) moved the small variant onto other draws: after the first churn its arrivals were a
    // different Poisson sequence, as often earlier as later, drifting apart by ~sqrt(k)/10 days.
    const big = arrivalsOf('big');
    const small = arrivalsOf('small');
    expect(big.active).toBe(INITIAL);
    expect(small.active).toBeLessThan(INITIAL); // the small variant does churn
    const fMin = small.active / INITIAL;

    const firstDifference = big.times.findIndex((time, k) => time !== small.times[k]);
    // identical until the first churn, which comes early
    expect(firstDifference).toBeGreaterThan(0);
    expect(firstDifference).toBeLessThan(200);
    expect(small.times.slice(0, firstDifference)).toEqual(big.times.slice(0, firstDifference));

    const common = Math.min(big.times.length, small.times.length);
    expect(common - firstDifference).toBeGreaterThan(300); // well past the first churn
    for (let k = firstDifference; k < common; k++) {
      const lag = small.times[k] - big.times[k];
      expect(lag).toBeGreaterThanOrEqual(-1e-9);
      expect(lag).toBeLessThanOrEqual(big.times[k] * (1 / fMin - 1) + 1e-9);
    }
    // counts: never more arrivals, and at least every arrival the big variant had before HORIZON * f_min
    expect(small.times.length).toBeLessThanOrEqual(big.times.length);
    expect(small.times.length).toBeGreaterThanOrEqual(big.times.filter((time) => time < HORIZON * fMin).length);
  });
});
