import type { Policy as PolicySpec, Scenario, Variant } from '../scenario/schema.ts';
import { idsOf, stockPointKey } from '../scenario/references.ts';

/** One entry per (node, product) stock point, in the order the scenario lists them. */
export interface StockPointPlan {
  key: string;
  node: string;
  product: string;
  entry: Scenario['stockPoints'][number];
  policy: PolicySpec;
}

/** Expands the scenario's stock point entries and applies a variant's policy overrides (later overrides win). */
export function planStockPoints(scenario: Scenario, variant: Variant): StockPointPlan[] {
  const plans: StockPointPlan[] = [];
  for (const entry of scenario.stockPoints) {
    for (const node of idsOf(entry.node)) {
      for (const product of idsOf(entry.product)) {
        let policy = entry.policy;
        for (const override of variant.policies) {
          const nodeMatches = override.node === undefined || idsOf(override.node).includes(node);
          const productMatches = override.product === undefined || idsOf(override.product).includes(product);
          if (nodeMatches && productMatches) policy = override.policy;
        }
        plans.push({ key: stockPointKey(node, product), node, product, entry, policy });
      }
    }
  }
  return plans;
}
