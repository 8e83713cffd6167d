import { createSampler, type Sampler } from '../random/distributions/sampler.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { StockPointPlan } from './stockPointPlans.ts';
import type { BuildContext } from './processes/buildContext.ts';
import type { RandomStream } from '../random/streams.ts';

/**
 * What happens to a product's units at one stock point besides being sold or shipped: they expire
 * (shelf life, lots), fetch less near their expiry (markdown), get damaged in storage, are sold off
 * when the product's demand ends, come back from customers, or are recalled. Built once per stock
 * point from its product and its node's storage class; `NO_CARE` for a product with none of these.
 */
export interface ProductCare {
  /** the product is held in lots (it has a shelf life, or a recall covers it) */
  lots: boolean;
  /** days a unit stays sellable after its lot was received from a supplier (Infinity: forever) */
  shelfLifeDays: number;
  disposalCostPerUnit: number;
  markdown: { withinDays: number; discount: number } | null;
  /** daily probability that a unit on hand here is damaged (0: none), and the stream deciding which */
  damagePerDay: number;
  damage: RandomStream | null;
  /** the day the product's demand ends (Infinity: never), and what a unit left fetches then */
  endOfLifeDay: number;
  salvageValue: number;
  returns: CustomerReturns | null;
  /** a recall covers this product */
  recallable: boolean;
}

export interface CustomerReturns {
  /** share of units sold that come back */
  fraction: number;
  /** days between the sale and the return */
  delay: Sampler;
  /** share of returned units reconditioned and put back on the shelf (the rest is scrapped) */
  restockShare: number;
  reconditionCostPerUnit: number;
  scrapCostPerUnit: number;
  /** which units come back, and which are restocked */
  decisions: RandomStream;
}

export const NO_CARE: ProductCare = {
  lots: false,
  shelfLifeDays: Infinity,
  disposalCostPerUnit: 0,
  markdown: null,
  damagePerDay: 0,
  damage: null,
  endOfLifeDay: Infinity,
  salvageValue: 0,
  returns: null,
  recallable: false,
};

/** Products held in lots: those with a shelf life, and those a recall covers (`recalledProducts`, per recall). */
export function productsInLots(scenario: Scenario, recalledProducts: Set<string>[]): Set<string> {
  return new Set(scenario.products.filter((product) => product.shelfLifeDays !== undefined || recalledProducts.some((set) => set.has(product.id))).map((p) => p.id));
}

/** The care `plan`'s product needs at its node (`NO_CARE` for none), with its own damage and returns streams. */
export function productCareOf(context: BuildContext, plan: StockPointPlan, inLots: ReadonlySet<string>, recalledProducts: Set<string>[]): ProductCare {
  const { scenario, streams } = context;
  const product = scenario.products.find((p) => p.id === plan.product)!;
  const node = context.nodeById.get(plan.node)!;
  const damagePerDay = product.damagePerDay && (node.type === 'warehouse' || node.type === 'store') ? (product.damagePerDay[node.storageClass] ?? 0) : 0;
  const recallable = recalledProducts.some((set) => set.has(product.id));
  if (!inLots.has(product.id) && damagePerDay === 0 && !product.endOfLife && !product.returns) return NO_CARE;
  const returns = product.returns;
  return {
    lots: inLots.has(product.id),
    shelfLifeDays: product.shelfLifeDays ?? Infinity,
    disposalCostPerUnit: product.disposalCostPerUnit,
    markdown: product.markdown ?? null,
    damagePerDay,
    damage: damagePerDay > 0 ? streams.stream(`damage:${plan.key}`) : null,
    endOfLifeDay: product.endOfLife?.day ?? Infinity,
    salvageValue: product.endOfLife?.salvageValue ?? 0,
    returns: returns
      ? {
          fraction: returns.fraction,
          delay: createSampler(returns.afterDays, streams.stream(`returnDelay:${plan.key}`), { nonNegative: true }),
          restockShare: returns.restockShare,
          reconditionCostPerUnit: returns.reconditionCostPerUnit,
          scrapCostPerUnit: returns.scrapCostPerUnit,
          decisions: streams.stream(`returns:${plan.key}`),
        }
      : null,
    recallable,
  };
}
