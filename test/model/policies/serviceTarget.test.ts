import { describe, expect, it } from 'vitest';
import type { PolicyContext } from '../../../src/model/policies/policy.ts';
import { stateAt } from './stateAt.ts';
import { ServiceTargetRule, standardNormalLoss } from '../../../src/model/policies/serviceTarget.ts';
import { ServiceTargetPolicy as ServiceTargetSpec } from '../../../src/scenario/schema.ts';

/** A stock point as a policy sees it: stock on hand (or backordered), nothing on order. */

/**
 * d = 8/day (variance 9), L = 4 days (variance 1): mu_L = 32 and
 * sigma_L = sqrt(L var_d + d² var_L) = sqrt(4 * 9 + 64 * 1) = 10.
 */
const context: PolicyContext = {
  demandPerDay: { mean: 8, variance: 9 },
  leadTime: { mean: 4, variance: 1 },
  holdingCostPerUnitPerDay: 0.1,
  orderingCost: 50,
};

function rule(spec: unknown, overrides: Partial<PolicyContext> = {}): ServiceTargetRule {
  return new ServiceTargetRule(ServiceTargetSpec.parse(spec), { ...context, ...overrides });
}

describe('serviceTarget', () => {
  it('puts r at mu_L + z*sigma_L for a 95% cycle service level', () => {
    // z = Φ⁻¹(0.95) = 1.6449 (normal table; scipy norm.ppf(0.95) = 1.6448536269514722),
    // so r = 32 + 1.6448536 * 10 = 48.448536
    const policy = rule({ type: 'serviceTarget', target: { cycleServiceLevel: 0.95 }, orderQuantity: 100 });
    expect(policy.leadTimeDemandMean).toBe(32);
    expect(policy.leadTimeDemandSd).toBe(10);
    expect(policy.safetyFactor).toBeCloseTo(1.6448536269514722, 12);
    expect(policy.reorderPoint).toBeCloseTo(48.44853626951472, 10);
    expect(policy).toMatchObject({ type: 'serviceTarget', reviewPeriod: 0, lotSize: 100 });
    expect(policy.orderUpTo).toBeCloseTo(148.44853626951472, 10);
  });

  it('fill-rate target gives the r whose expected shortage per cycle equals Q(1-beta)', () => {
    // sigma_L G(z) = Q (1 - beta) = 100 * 0.01 = 1, so G(z) = 0.1: between G(0.90) = 0.1004 and
    // G(0.91) = 0.0986 in a standard normal loss table; scipy brentq gives z = 0.9023463475100345
    const policy = rule({ type: 'serviceTarget', target: { fillRate: 0.99 }, orderQuantity: 100 });
    const z = policy.safetyFactor;
    expect(policy.leadTimeDemandSd * standardNormalLoss(z)).toBeCloseTo(100 * (1 - 0.99), 10);
    expect(z).toBeCloseTo(0.9023463475100345, 9);
    expect(policy.reorderPoint).toBeCloseTo(32 + 10 * 0.9023463475100345, 8);
  });

  it('standard normal loss matches table values', () => {
    // G(0) = φ(0) = 1/sqrt(2π); G(0.9) = 0.1004 from a loss table; G(-1) = 1 + G(1) = 1 + 0.0833
    // (G(-z) = z + G(z)); full digits from scipy: norm.pdf(z) - z * norm.sf(z)
    expect(standardNormalLoss(0)).toBeCloseTo(0.3989422804014327, 14);
    expect(standardNormalLoss(0.9)).toBeCloseTo(0.10043113708667128, 12);
    expect(standardNormalLoss(-1)).toBeCloseTo(1.0833154705876864, 12);
    expect(standardNormalLoss(8)).toBeGreaterThan(0);
  });

  it('uses the EOQ sqrt(2Kd/h), rounded up, when no orderQuantity is given', () => {
    // sqrt(2 * 50 * 8 / 0.1) = sqrt(8000) = 89.44 -> 90
    expect(rule({ type: 'serviceTarget', target: { cycleServiceLevel: 0.9 } }).lotSize).toBe(90);
    // sqrt(2 * 50 * 10 / 0.1) = 100 exactly
    const even = rule({ type: 'serviceTarget', target: { cycleServiceLevel: 0.9 } }, { demandPerDay: { mean: 10, variance: 10 } });
    expect(even.lotSize).toBe(100);
    // no demand: an EOQ of 0 still orders one unit at a time
    const idle = rule({ type: 'serviceTarget', target: { cycleServiceLevel: 0.9 } }, { demandPerDay: { mean: 0, variance: 0 } });
    expect(idle.lotSize).toBe(1);
  });

  it('asks for orderQuantity when the EOQ cannot be computed', () => {
    const spec = { type: 'serviceTarget', target: { fillRate: 0.95 } };
    expect(() => rule(spec, { orderingCost: 0 })).toThrowErrorMatchingInlineSnapshot(
      `[Error: serviceTarget needs orderQuantity when orderingCost is 0 (the economic order quantity would be 0)]`,
    );
    expect(() => rule(spec, { holdingCostPerUnitPerDay: 0 })).toThrowErrorMatchingInlineSnapshot(
      `[Error: serviceTarget needs orderQuantity when the holding cost is 0 (the economic order quantity would be infinite)]`,
    );
    expect(() => rule({ ...spec, orderQuantity: 10 }, { orderingCost: 0 })).not.toThrow();
  });

  it('puts r at mean lead-time demand when lead-time demand is certain', () => {
    const certain = { demandPerDay: { mean: 5, variance: 0 }, leadTime: { mean: 3, variance: 0 } };
    expect(rule({ type: 'serviceTarget', target: { fillRate: 0.99 }, orderQuantity: 20 }, certain).reorderPoint).toBe(15);
    expect(rule({ type: 'serviceTarget', target: { cycleServiceLevel: 0.99 }, orderQuantity: 20 }, certain).reorderPoint).toBe(15);
  });

  it('orders like an (r,Q) rule', () => {
    const policy = rule({ type: 'serviceTarget', target: { cycleServiceLevel: 0.5 }, orderQuantity: 40 });
    // z = 0 at 50%, so r = mu_L = 32
    expect(policy.reorderPoint).toBe(32);
    expect(policy.orderQuantity(stateAt(33))).toBe(0);
    expect(policy.orderQuantity(stateAt(32))).toBe(40);
    expect(policy.orderQuantity(stateAt(-8))).toBe(80);
    expect(policy.defaultInitialOnHand).toBe(72);
  });
});
