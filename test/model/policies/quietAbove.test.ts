import { describe, expect, it } from 'vitest';
import { createPolicy } from '../../../src/model/policies/createPolicy.ts';
import type { PolicyContext } from '../../../src/model/policies/policy.ts';
import { Policy as PolicySpec } from '../../../src/scenario/schema.ts';
import { stateAt } from './stateAt.ts';

const context: PolicyContext = { demandPerDay: { mean: 5, variance: 5 }, leadTime: { mean: 3, variance: 1 }, holdingCostPerUnitPerDay: 0.01, orderingCost: 20 };

describe('quietAbove: the position above which a continuous policy never orders', () => {
  const specs = [
    { type: 'sS', reorderPoint: 20, orderUpTo: 60 },
    { type: 'rQ', reorderPoint: 20, orderQuantity: 25 },
    { type: 'baseStock', level: 30 },
    { type: 'serviceTarget', target: { fillRate: 0.95 }, orderQuantity: 40 },
    { type: 'serviceTarget', target: { cycleServiceLevel: 0.9 } },
  ];
  for (const raw of specs) {
    const policy = createPolicy(PolicySpec.parse(raw), context);
    it(`${JSON.stringify(raw)}: no order above ${policy.quietAbove.toFixed(2)}, an order just below it`, () => {
      for (let step = 1e-6; step < 200; step *= 1.7) expect(policy.orderQuantity(stateAt(policy.quietAbove + step))).toBe(0);
      expect(policy.orderQuantity(stateAt(policy.quietAbove - 0.5))).toBeGreaterThan(0);
    });
  }
});
