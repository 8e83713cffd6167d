import { ANCHOR_AND_ADJUST_ESTIMATES, type Policy as PolicySpec } from '../../scenario/schema.ts';
import type { Policy, PolicyContext, PolicyState } from './policy.ts';

export type AnchorAndAdjustSpec = Extract<PolicySpec, { type: 'anchorAndAdjust' }>;

/** The four parameters of the rule, per review period. */
export interface AnchorAndAdjustParameters {
  /** theta: weight of the latest period's incoming orders in the expected incoming orders */
  smoothing: number;
  /** alpha_S: share of the stock gap ordered at each review */
  stockAdjustment: number;
  /** beta: share of the supply line taken into account */
  supplyLineWeight: number;
  /** S': desired stock plus beta times the desired supply line, in units */
  desiredStock: number;
}

/**
 * Published estimates of the rule, by the name a scenario gives them: src/scenario/schema.ts, beside the
 * names the schema accepts, with their sources (the editor's forms show their values too).
 */
export { ANCHOR_AND_ADJUST_ESTIMATES };

/** The spec's parameters: each as given, else from its named estimates; null for one given by neither (references.ts reports it). */
export function anchorAndAdjustParameters(spec: AnchorAndAdjustSpec): { [K in keyof AnchorAndAdjustParameters]: number | null } {
  const named = spec.estimates === undefined ? null : ANCHOR_AND_ADJUST_ESTIMATES[spec.estimates];
  return {
    smoothing: spec.smoothing ?? named?.smoothing ?? null,
    stockAdjustment: spec.stockAdjustment ?? named?.stockAdjustment ?? null,
    supplyLineWeight: spec.supplyLineWeight ?? named?.supplyLineWeight ?? null,
    desiredStock: spec.desiredStock ?? named?.desiredStock ?? null,
  };
}

/**
 * Sterman's anchoring-and-adjustment heuristic for managing a stock with a supply line (Sterman 1989,
 * above; the stock management structure of Sterman, *Business Dynamics*, 2000, ch. 17). At each review:
 *
 *   L_t = theta * (orders received since the last review) + (1 - theta) * L_{t-1}
 *   O_t = max(0, L_t + alpha_S * (S' - S_t - beta * SL_t))
 *
 * with S_t the effective stock (on hand, as the record has it, less what the point owes) and SL_t the
 * supply line (ordered and not yet received: in the mail to the supplier, owed by it, or in transit).
 * The decision maker anchors on the expected incoming orders and adjusts towards a desired stock,
 * counting only the share beta of the supply line: beta < 1 is the "misperception of feedback" that
 * makes players over-order. The expectation is updated before the order, with the orders that came in
 * during the period just ended (as the board game's players see their incoming orders, then order).
 *
 * Orders are not rounded here: the stock point rounds them (orderRounding "nearest" for the game).
 * `orderQuantity` must be called exactly once per review (the stock point resets demandSinceReview after
 * each), which the replenishment process does, scripted periods included.
 */
export class AnchorAndAdjustRule implements Policy {
  readonly type = 'anchorAndAdjust';
  readonly reviewPeriod: number;
  readonly firstReview: number;
  readonly reorderPoint = null;
  readonly orderUpTo = null;
  /**
   * when the scenario gives no initialOnHand: the desired stock S* = S' - beta * SL*, with the desired
   * supply line SL* the expected orders over the mean lead time (the rule's own equilibrium), at least 0
   */
  readonly defaultInitialOnHand: number;
  /** periodic: asked at reviews only */
  readonly quietAbove = Infinity;
  readonly parameters: AnchorAndAdjustParameters;
  private expected: number;

  constructor(spec: AnchorAndAdjustSpec, context: PolicyContext) {
    const given = anchorAndAdjustParameters(spec);
    for (const [name, value] of Object.entries(given)) {
      if (value === null) throw new Error(`anchorAndAdjust: ${name} is given neither by the policy nor by its estimates`);
    }
    this.parameters = given as AnchorAndAdjustParameters;
    this.reviewPeriod = spec.reviewPeriod;
    this.firstReview = spec.firstReview;
    this.expected = spec.initialExpectedOrders ?? context.demandPerDay.mean * spec.reviewPeriod;
    const desiredSupplyLine = (this.expected * context.leadTime.mean) / spec.reviewPeriod;
    this.defaultInitialOnHand = Math.max(0, this.parameters.desiredStock - this.parameters.supplyLineWeight * desiredSupplyLine);
  }

  /** the incoming orders expected per review period (the anchor) */
  get expectedOrders(): number {
    return this.expected;
  }

  orderQuantity(state: PolicyState): number {
    const { smoothing, stockAdjustment, supplyLineWeight, desiredStock } = this.parameters;
    this.expected = smoothing * state.demandSinceReview + (1 - smoothing) * this.expected;
    const supplyLine = state.onOrder;
    const stock = state.inventoryPosition - supplyLine;
    const order = this.expected + stockAdjustment * (desiredStock - stock - supplyLineWeight * supplyLine);
    return order > 0 ? order : 0;
  }
}
