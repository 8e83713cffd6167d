import { describe, expect, it } from 'vitest';
import { abcClasses, demandMoments, stockPointClasses, xyzClass } from '../../src/experiment/abcXyz.ts';
import type { ScenarioInput } from '../../src/scenario/schema.ts';
import { scenarioOf } from '../fixtures/scenario.ts';

/**
 * A warehouse restocking two stores, plus an online zone served from the warehouse: each demand
 * model once, with moments worked out by hand below.
 */
const input: ScenarioInput = {
  version: 1,
  name: 'abc xyz',
  horizonDays: 30,
  products: [
    { id: 'tea', unitCost: 2, price: 10, holdingCost: { annualRate: 0.2 } },
    { id: 'mug', unitCost: 3, price: 5, holdingCost: { annualRate: 0.2 } },
    { id: 'bag', unitCost: 1, holdingCost: { annualRate: 0.2 } },
  ],
  nodes: [
    { id: 'sup', type: 'supplier' },
    { id: 'dc', type: 'warehouse' },
    { id: 'north', type: 'store' },
    { id: 'south', type: 'store' },
    { id: 'web', type: 'zone' },
    { id: 'app', type: 'zone' },
  ],
  lanes: [
    { from: 'sup', to: 'dc', leadTime: { type: 'constant', value: 2 } },
    { from: 'dc', to: 'north', leadTime: { type: 'constant', value: 1 } },
    { from: 'dc', to: 'south', leadTime: { type: 'constant', value: 1 } },
  ],
  stockPoints: [
    { node: ['dc', 'north', 'south'], product: ['tea', 'mug', 'bag'], policy: { type: 'sS', reorderPoint: 10, orderUpTo: 40 } },
  ],
  demand: [
    // Poisson 16 customers a day, one unit each: CV 1/√16 = 0.25
    { type: 'arrivals', node: 'north', product: 'tea', customersPerDay: 16 },
    // 0.25 a day buying 1 to 3 (uniform: mean 2, variance 1/3): mean 0.5, variance 0.25·(1/3 + 4) = 13/12
    { type: 'arrivals', node: 'south', product: 'tea', customersPerDay: 0.25, quantity: { type: 'uniform', min: 1, max: 3 } },
    // gamma with mean 4 and sd 3 a day: CV 0.75
    { type: 'perPeriod', node: 'north', product: 'mug', quantity: { type: 'gamma', mean: 4, sd: 3 } },
    // [4, 6]: mean 5, sample sd √2
    { type: 'history', node: 'south', product: 'mug', series: [4, 6] },
    // bags have no price: no revenue; Poisson 1 a day: CV 1
    { type: 'arrivals', node: ['north', 'south'], product: 'bag', customersPerDay: 1 },
    // online orders from both zones are served from dc, Poisson 9 and 7 a day: the moments add (mean
    // 16, variance 16, CV 0.25)
    { type: 'arrivals', node: 'web', product: 'mug', customersPerDay: 9 },
    { type: 'arrivals', node: 'app', product: 'mug', customersPerDay: 7 },
  ],
  fulfilment: [
    { zone: 'web', from: [{ warehouse: 'dc', transitDays: { type: 'constant', value: 1 } }], tolerance: { type: 'constant', value: 3 } },
    { zone: 'app', from: [{ warehouse: 'dc', transitDays: { type: 'constant', value: 1 } }], tolerance: { type: 'constant', value: 3 } },
  ],
};
const scenario = scenarioOf(input);

describe('daily demand of each stock point, from the scenario’s demand model', () => {
  const moments = demandMoments(scenario);

  it('arrivals are compound Poisson, perPeriod its distribution, a history its sample moments', () => {
    expect(moments.get('north/tea')).toEqual({ mean: 16, variance: 16 });
    expect(moments.get('south/tea')!.mean).toBeCloseTo(0.5, 12);
    expect(moments.get('south/tea')!.variance).toBeCloseTo(13 / 12, 12);
    expect(moments.get('north/mug')!.mean).toBeCloseTo(4, 12);
    expect(moments.get('north/mug')!.variance).toBeCloseTo(9, 12);
    expect(moments.get('south/mug')!.mean).toBeCloseTo(5, 12);
    expect(moments.get('south/mug')!.variance).toBeCloseTo(2, 12);
    expect(moments.get('north/bag')).toEqual({ mean: 1, variance: 1 });
    expect(moments.get('south/bag')).toEqual({ mean: 1, variance: 1 });
  });

  it('an online zone’s demand is its nearest warehouse’s, and streams at one stock point add; a warehouse that only restocks stores has none of its own', () => {
    expect(moments.get('dc/mug')).toEqual({ mean: 16, variance: 16 });
    expect(moments.get('web/mug')).toBeUndefined();
    expect(moments.get('dc/tea')).toBeUndefined();
    expect(moments.get('dc/bag')).toBeUndefined();
  });
});

describe('XYZ: the coefficient of variation of daily demand', () => {
  it('X below 0.5, Y from 0.5 to 1.0 (both ends), Z above; no demand is “–”', () => {
    expect([0, 0.49, 0.5, 0.75, 1, 1.01, 3].map(xyzClass)).toEqual(['X', 'X', 'Y', 'Y', 'Y', 'Z', 'Z']);
    expect(xyzClass(null)).toBe('–');
    expect(xyzClass(Number.NaN)).toBe('–');
  });
});

describe('ABC: the share of revenue', () => {
  it('ranked by revenue, A until 80% of the total, B until 95%, C after; the order given is kept', () => {
    // ranked 50, 30, 10, 6, 4: shares before them 0, 50, 80, 90, 96%
    expect(abcClasses([10, 4, 50, 6, 30])).toEqual(['B', 'C', 'A', 'B', 'A']);
  });

  it('the first is A even when it alone makes more than 80%', () => {
    expect(abcClasses([10, 90])).toEqual(['B', 'A']);
    expect(abcClasses([97, 3])).toEqual(['A', 'C']);
  });

  it('no revenue (no price) is “–” and counts for nothing; when nothing sells, every priced one is C', () => {
    expect(abcClasses([null, 5, null])).toEqual(['–', 'A', '–']);
    expect(abcClasses([0, 0, null])).toEqual(['C', 'C', '–']);
    expect(abcClasses([])).toEqual([]);
  });
});

describe('the classes of a scenario’s stock points', () => {
  const classes = stockPointClasses(scenario);

  it('one per stock point of every entry (nodes × products)', () => {
    expect([...classes.keys()].sort()).toEqual(['dc/bag', 'dc/mug', 'dc/tea', 'north/bag', 'north/mug', 'north/tea', 'south/bag', 'south/mug', 'south/tea']);
  });

  it('revenue per day is mean demand × price; ABC ranks it, XYZ reads the CV', () => {
    // revenue a day: north/tea 160, dc/mug 80, south/mug 25, north/mug 20, south/tea 5 (total 290)
    // shares before each: 0, 55.2 (A), 82.8, 91.4 (B), 98.3% (C)
    const view = (key: string) => {
      const c = classes.get(key)!;
      return [c.abc, c.xyz, c.revenuePerDay === null ? null : Math.round(c.revenuePerDay * 1e6) / 1e6, c.cv === null ? null : Math.round(c.cv * 1e4) / 1e4];
    };
    expect(view('north/tea')).toEqual(['A', 'X', 160, 0.25]);
    expect(view('dc/mug')).toEqual(['A', 'X', 80, 0.25]);
    // √2 / 5 = 0.2828
    expect(view('south/mug')).toEqual(['B', 'X', 25, 0.2828]);
    expect(view('north/mug')).toEqual(['B', 'Y', 20, 0.75]);
    // √(13/12) / 0.5 = 2.0817
    expect(view('south/tea')).toEqual(['C', 'Z', 5, 2.0817]);
  });

  it('no price: ABC “–” but XYZ still measured; no customers of its own: “–” for both', () => {
    expect(classes.get('north/bag')).toEqual({ abc: '–', xyz: 'Y', revenuePerDay: null, cv: 1 });
    expect(classes.get('dc/tea')).toEqual({ abc: '–', xyz: '–', revenuePerDay: null, cv: null });
  });
});
