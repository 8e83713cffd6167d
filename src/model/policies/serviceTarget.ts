import { normalCdf, normalDensity, normalQuantile } from '../../math/normal.ts';
import type { Policy as PolicySpec } from '../../scenario/schema.ts';
import type { Policy, PolicyContext, PolicyState } from './policy.ts';
import { lotsToOrder } from './rQ.ts';

export type ServiceTargetSpec = Extract<PolicySpec, { type: 'serviceTarget' }>;

/** bracket for the fill-rate safety factor: G(-5) ≈ 5 and G(8) ≈ 5e-17 cover any useful target */
const SAFETY_FACTOR_MIN = -5;
const SAFETY_FACTOR_MAX = 8;
/** halvings of the bracket: 13 / 2^64 is far below double precision around z */
const BISECTION_STEPS = 64;

/**
 * G(z) = E[(X - z)+] for X standard normal, the standard normal loss function:
 * G(z) = φ(z) - z (1 - Φ(z)). Decreasing in z, from ≈ -z far left to 0 far right.
 * The upper tail is computed as Φ(-z) so it keeps its precision for large z.
 *
 * @example standardNormalLoss(0) // 0.3989422804014327 (= φ(0))
 */
export function standardNormalLoss(z: number): number {
  return normalDensity(z) - z * normalCdf(-z);
}

/**
 * An (r, Q) rule whose parameters are computed once, at creation, from the demand and lead time the
 * scenario describes and a service target (Silver, Pyke & Thomas, *Inventory and Production
 * Management in Supply Chains*, 4th ed., 2017, ch. 5 for the EOQ, ch. 6 for the rest):
 *
 * - lead-time demand, for daily demand of mean d and variance var_d and a lead time of mean L and
 *   variance var_L, independent: mean mu_L = d L, standard deviation
 *   sigma_L = sqrt(L var_d + d² var_L) (the random lead-time formula of ch. 6);
 * - Q = the spec's orderQuantity, or else the EOQ sqrt(2 K d / h), rounded up to a whole number of at
 *   least 1 (K the ordering cost, h the holding cost per unit per day);
 * - r = mu_L + z sigma_L (lead-time demand taken as normal), where for a cycle service level alpha,
 *   z = Φ⁻¹(alpha), and for a fill rate beta, z solves sigma_L G(z) = Q (1 - beta): expected units
 *   short per replenishment cycle equal to the share 1 - beta of the Q units a cycle sells. That is
 *   the textbook approximation (it ignores the rare cycles where the position starts below r, and
 *   under lost sales it slightly overstates what is short), solved here by bisection since G is
 *   monotone.
 *
 * r stays a real number: rounding is the stock point's business (case packs), and demand may be
 * fractional. When sigma_L = 0 lead-time demand is certain and r = mu_L meets any target.
 */
export class ServiceTargetRule implements Policy {
  readonly type = 'serviceTarget';
  readonly reviewPeriod = 0;
  readonly firstReview = 0;
  readonly reorderPoint: number;
  readonly lotSize: number;
  /** r + Q, the highest position the rule restores (as for `RqRule`) */
  readonly orderUpTo: number;
  readonly quietAbove: number;
  readonly defaultInitialOnHand: number;
  /** z: safety stock in standard deviations of lead-time demand */
  readonly safetyFactor: number;
  readonly leadTimeDemandMean: number;
  readonly leadTimeDemandSd: number;

  constructor(spec: ServiceTargetSpec, context: PolicyContext) {
    const demand = context.demandPerDay;
    const leadTime = context.leadTime;
    this.leadTimeDemandMean = demand.mean * leadTime.mean;
    this.leadTimeDemandSd = Math.sqrt(leadTime.mean * demand.variance + demand.mean * demand.mean * leadTime.variance);
    this.lotSize = spec.orderQuantity ?? economicOrderQuantity(context);

    const target = spec.target;
    if ('cycleServiceLevel' in target) {
      this.safetyFactor = normalQuantile(target.cycleServiceLevel);
    } else if (this.leadTimeDemandSd === 0) {
      this.safetyFactor = 0;
    } else {
      this.safetyFactor = fillRateSafetyFactor((this.lotSize * (1 - target.fillRate)) / this.leadTimeDemandSd);
    }
    this.reorderPoint = this.leadTimeDemandMean + this.safetyFactor * this.leadTimeDemandSd;
    this.orderUpTo = this.reorderPoint + this.lotSize;
    this.quietAbove = this.reorderPoint;
    this.defaultInitialOnHand = Math.max(0, this.orderUpTo);
  }

  orderQuantity(state: PolicyState): number {
    return lotsToOrder(state.inventoryPosition, this.reorderPoint, this.lotSize);
  }
}

function economicOrderQuantity(context: PolicyContext): number {
  if (context.orderingCost === 0) {
    throw new Error('serviceTarget needs orderQuantity when orderingCost is 0 (the economic order quantity would be 0)');
  }
  if (context.holdingCostPerUnitPerDay === 0) {
    throw new Error('serviceTarget needs orderQuantity when the holding cost is 0 (the economic order quantity would be infinite)');
  }
  const eoq = Math.sqrt((2 * context.orderingCost * context.demandPerDay.mean) / context.holdingCostPerUnitPerDay);
  return Math.max(1, Math.ceil(eoq));
}

/** z with G(z) = loss, clamped to [SAFETY_FACTOR_MIN, SAFETY_FACTOR_MAX] */
function fillRateSafetyFactor(loss: number): number {
  let low = SAFETY_FACTOR_MIN;
  let high = SAFETY_FACTOR_MAX;
  for (let i = 0; i < BISECTION_STEPS; i++) {
    const middle = 0.5 * (low + high);
    // G decreases: too much expected shortage means z is still too low
    if (standardNormalLoss(middle) > loss) low = middle;
    else high = middle;
  }
  return 0.5 * (low + high);
}
