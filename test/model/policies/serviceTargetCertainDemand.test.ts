import { describe, expect, it } from 'vitest';
import { ServiceTargetRule } from '../../../src/model/policies/serviceTarget.ts';
import { ServiceTargetPolicy as ServiceTargetSpec } from '../../../src/scenario/schema.ts';

/**
 * Demand of exactly 5 a day and a lead time of exactly 3 days: lead-time demand is certain,
 * mu_L = 15 and sigma_L = sqrt(3 * 0 + 25 * 0) = 0.
 */
function certainRule(target: object): ServiceTargetRule {
  const spec = ServiceTargetSpec.parse({ type: 'serviceTarget', target, orderQuantity: 20 });
  return new ServiceTargetRule(spec, {
    demandPerDay: { mean: 5, variance: 0 },
    leadTime: { mean: 3, variance: 0 },
    holdingCostPerUnitPerDay: 0.1,
    orderingCost: 50,
  });
}

describe('serviceTarget with certain lead-time demand (docs/SCENARIO.md: "z = 0 when σ = 0")', () => {
  it('a fill-rate target needs no safety stock: z = 0 and r = mu_L', () => {
    for (const fillRate of [0.5, 0.99, 0.999999]) {
      const policy = certainRule({ fillRate });
      expect(policy.leadTimeDemandSd).toBe(0);
      expect(policy.safetyFactor).toBe(0);
      expect(policy.reorderPoint).toBe(15);
      // r + Q
      expect(policy.orderUpTo).toBe(35);
    }
  });
});
