import { describe, expect, it } from 'vitest';
import { CustomerBase } from '../../src/model/customerBase.ts';
import type { RandomStream } from '../../src/random/streams.ts';

/** A stream that hands out `values` in order, and fails the test if asked for more. */
function scripted(values: number[]): RandomStream & { used: () => number } {
  let i = 0;
  const stream = () => {
    if (i >= values.length) throw new Error(`churn stream asked for draw ${i + 1}, only ${values.length} scripted`);
    return values[i++];
  };
  return Object.assign(stream, { used: () => i });
}

/** A base of `active` customers whose churn decisions come from `decisions`. */
function baseOf(active: number, decisions: RandomStream): CustomerBase {
  return new CustomerBase(0, 'store', active, 0.5, 0.5, 0, 0, 0, 0, decisions, () => 0.5);
}

describe('CustomerBase.decideDepartures', () => {
  it('no more customers leave than are active (docs/SCENARIO.md: "No more customers leave than are active")', () => {
    // 2 active customers, 5 disappointed, every draw far below the probability: all 5 would leave,
    // but only the 2 active can
    const base = baseOf(2, scripted([0, 0, 0, 0, 0]));
    expect(base.decideDepartures(5, 0.9)).toBe(2);
  });

  it('once every active customer has left, no further churn decisions are drawn', () => {
    const decisions = scripted([0.1, 0.1, 0.1]);
    const base = baseOf(1, decisions);
    // the first draw (0.1 < 0.9) takes the only active customer; nobody is left to decide
    expect(base.decideDepartures(3, 0.9)).toBe(1);
    expect(decisions.used()).toBe(1);
  });

  it('on evenly spread uniform draws exactly the probability share of customers leave', () => {
    // draws 0.0, 0.1, ..., 0.9 stand for a uniform stream on [0, 1): a customer leaves when the draw
    // is below p, so with p = 0.3 the draws 0.0, 0.1, 0.2 leave (3 of 10 = p); the draw equal to p
    // (0.3) stays, as a draw at the boundary would make the share p + 1/10
    const draws = Array.from({ length: 10 }, (_, k) => k / 10);
    const base = baseOf(1000, scripted(draws));
    expect(base.decideDepartures(10, 0.3)).toBe(3);
  });

  it('a churn probability of 0 makes nobody leave and spends no churn decisions', () => {
    // the base's churn stream is shared by every cause (stockout, backorder, late, abandoned): a cause
    // that cannot make anyone leave must not move it, or it would change who leaves for another cause
    const decisions = scripted([0.2]);
    const base = baseOf(1000, decisions);
    expect(base.decideDepartures(5, 0)).toBe(0);
    expect(decisions.used()).toBe(0);
    // the next decision (p = 0.5) still meets the stream's first number, 0.2: that customer leaves
    expect(base.decideDepartures(1, 0.5)).toBe(1);
  });

  it('no disappointed customers, no departures and no draws', () => {
    const decisions = scripted([]);
    const base = baseOf(10, decisions);
    expect(base.decideDepartures(0, 0.9)).toBe(0);
  });
});
