import { describe, expect, it } from 'vitest';
import { createPolicy } from '../../../src/model/policies/createPolicy.ts';
import type { PolicyContext } from '../../../src/model/policies/policy.ts';
import { Policy as PolicySpec } from '../../../src/scenario/schema.ts';

const context: PolicyContext = {
  demandPerDay: { mean: 8, variance: 9 },
  leadTime: { mean: 4, variance: 1 },
  holdingCostPerUnitPerDay: 0.1,
  orderingCost: 50,
};

describe('createPolicy', () => {
  it.each([
    { type: 'sS', reorderPoint: 10, orderUpTo: 50 },
    { type: 'rQ', reorderPoint: 10, orderQuantity: 40 },
    { type: 'baseStock', level: 30 },
    { type: 'periodicRS', reviewPeriod: 7, orderUpTo: 80 },
    { type: 'periodicRsS', reviewPeriod: 7, reorderPoint: 20, orderUpTo: 80 },
    { type: 'serviceTarget', target: { cycleServiceLevel: 0.95 } },
    { type: 'forecast', method: { type: 'movingAverage', periods: 4 } },
    { type: 'fixedQuantity', reviewPeriod: 7, orderQuantity: 40 },
    { type: 'schedule', orders: [{ day: 0, quantity: 40 }], repeatEveryDays: 7 },
    { type: 'passThrough' },
  ])('builds the $type rule its spec names', (input) => {
    const policy = createPolicy(PolicySpec.parse(input), context);
    expect(policy.type).toBe(input.type);
    expect(policy.defaultInitialOnHand).toBeGreaterThan(0);
  });

  it('builds the echelon base stock rule, which starts empty and reads the echelon position', () => {
    const policy = createPolicy(PolicySpec.parse({ type: 'echelonBaseStock', level: 30 }), context);
    expect(policy.type).toBe('echelonBaseStock');
    // the echelon's stock starts at the points below; the simulation asks it at their demands too
    expect(policy.defaultInitialOnHand).toBe(0);
    expect(policy.usesEchelonPosition).toBe(true);
    expect(createPolicy(PolicySpec.parse({ type: 'baseStock', level: 30 }), context).usesEchelonPosition).toBeFalsy();
  });

  it('says which type it does not know rather than returning nothing (a spec that bypassed the schema)', () => {
    expect(() => createPolicy({ type: 'kanban', cards: 3 } as unknown as PolicySpec, context)).toThrow('unknown policy type "kanban"');
  });
});
