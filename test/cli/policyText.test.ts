import { describe, expect, it } from 'vitest';
import { policyText } from '../../src/cli/formatRecommend.ts';
import { Policy } from '../../src/scenario/schema.ts';

describe('policyText: a policy in a few characters (stocklab recommend, today\u2019s policy)', () => {
  it.each([
    [{ type: 'fixedQuantity', reviewPeriod: 7, orderQuantity: 50 }, 'TQ 7 d × 50'],
    [{ type: 'schedule', orders: [{ day: 0, quantity: 5 }, { day: 3, quantity: 2 }], repeatEveryDays: 7 }, 'schedule 2 orders every 7 d'],
    [{ type: 'schedule', orders: [{ day: 10, quantity: 5 }] }, 'schedule 1 order'],
    [{ type: 'passThrough' }, 'pass-through 1 d'],
    [{ type: 'periodicRS', reviewPeriod: 7, orderUpTo: 60 }, 'RS 7 d, S 60'],
  ])('%j -> %s', (input, text) => {
    expect(policyText(Policy.parse(input))).toBe(text);
  });
});
