import { describe, expect, it } from 'vitest';
import { ANCHOR_AND_ADJUST_ESTIMATES, AnchorAndAdjustRule } from '../../../src/model/policies/anchorAndAdjust.ts';
import type { PolicyContext, PolicyState } from '../../../src/model/policies/policy.ts';
import { AnchorAndAdjustPolicy } from '../../../src/scenario/schema.ts';

const context: PolicyContext = { demandPerDay: { mean: 0.5, variance: 0 }, leadTime: { mean: 21, variance: 0 }, holdingCostPerUnitPerDay: 0.1, orderingCost: 0 };

/** A stock point with `onHand` on the shelf, `backorders` owed, `onOrder` in its supply line and `incoming` orders received since the last review. */
const state = (onHand: number, backorders: number, onOrder: number, incoming: number): PolicyState => ({
  now: 0,
  onHand,
  backorders,
  onOrder,
  inventoryPosition: onHand + onOrder - backorders,
  echelonInventoryPosition: onHand + onOrder - backorders,
  demandSinceReview: incoming,
});

describe("Sterman's anchoring-and-adjustment rule", () => {
  it('orders the smoothed incoming orders plus a share of the stock and supply-line gap, worked by hand', () => {
    const rule = new AnchorAndAdjustRule(
      AnchorAndAdjustPolicy.parse({ type: 'anchorAndAdjust', reviewPeriod: 7, smoothing: 0.5, stockAdjustment: 0.25, supplyLineWeight: 0.5, desiredStock: 20, initialExpectedOrders: 4 }),
      context,
    );
    // L = 0.5 * 8 + 0.5 * 4 = 6; S = 12 - 0 = 12; SL = 8: O = 6 + 0.25 (20 - 12 - 0.5 * 8) = 6 + 1 = 7
    expect(rule.orderQuantity(state(12, 0, 8, 8))).toBe(7);
    expect(rule.expectedOrders).toBe(6);
    // L = 0.5 * 8 + 0.5 * 6 = 7; S = 0 - 10 = -10; SL = 20: O = 7 + 0.25 (20 + 10 - 10) = 12
    expect(rule.orderQuantity(state(0, 10, 20, 8))).toBe(12);
    // L = 0.5 * 0 + 0.5 * 7 = 3.5; S = 60; SL = 0: 3.5 + 0.25 (20 - 60) = -6.5, never negative
    expect(rule.orderQuantity(state(60, 0, 0, 0))).toBe(0);
    expect(rule.expectedOrders).toBe(3.5);
  });

  it('with theta 0, alpha_S 1 and beta 1 it orders up to S\' on the inventory position, plus the expected orders (Sterman\'s benchmark rule)', () => {
    const rule = new AnchorAndAdjustRule(
      AnchorAndAdjustPolicy.parse({ type: 'anchorAndAdjust', smoothing: 0, stockAdjustment: 1, supplyLineWeight: 1, desiredStock: 28, initialExpectedOrders: 4 }),
      context,
    );
    // 4 + 28 - (12 + 16) = 4, whatever came in (theta 0 keeps the anchor at 4)
    expect(rule.orderQuantity(state(12, 0, 16, 8))).toBe(4);
    expect(rule.orderQuantity(state(0, 4, 16, 8))).toBe(20);
  });

  it("takes Sterman's (1989) mean estimates by name, and a parameter given beside them wins", () => {
    expect(ANCHOR_AND_ADJUST_ESTIMATES.sterman1989).toEqual({ smoothing: 0.36, stockAdjustment: 0.26, supplyLineWeight: 0.34, desiredStock: 17 });
    const named = new AnchorAndAdjustRule(AnchorAndAdjustPolicy.parse({ type: 'anchorAndAdjust', estimates: 'sterman1989', initialExpectedOrders: 4 }), context);
    expect(named.parameters).toEqual({ smoothing: 0.36, stockAdjustment: 0.26, supplyLineWeight: 0.34, desiredStock: 17 });
    // L = 0.36 * 8 + 0.64 * 4 = 5.44; O = 5.44 + 0.26 (17 - 12 - 0.34 * 8) = 5.44 + 0.5928 = 6.0328
    expect(named.orderQuantity(state(12, 0, 8, 8))).toBeCloseTo(6.0328, 12);
    const overridden = new AnchorAndAdjustRule(AnchorAndAdjustPolicy.parse({ type: 'anchorAndAdjust', estimates: 'sterman1989', desiredStock: 28 }), context);
    expect(overridden.parameters).toEqual({ smoothing: 0.36, stockAdjustment: 0.26, supplyLineWeight: 0.34, desiredStock: 28 });
  });

  it('starts from the mean demand per review period, and holds the desired stock S* = S\' - beta SL* when no initial stock is given', () => {
    const rule = new AnchorAndAdjustRule(AnchorAndAdjustPolicy.parse({ type: 'anchorAndAdjust', reviewPeriod: 7, estimates: 'sterman1989' }), context);
    // 0.5 a day over 7 days = 3.5 expected per review; SL* = 3.5 per review over 21 / 7 = 3 reviews = 10.5; S* = 17 - 0.34 * 10.5 = 13.43
    expect(rule.expectedOrders).toBe(3.5);
    expect(rule.defaultInitialOnHand).toBeCloseTo(13.43, 12);
    expect(rule).toMatchObject({ type: 'anchorAndAdjust', reviewPeriod: 7, firstReview: 0, reorderPoint: null, orderUpTo: null, quietAbove: Infinity });
  });
});
