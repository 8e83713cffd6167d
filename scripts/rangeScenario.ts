import type { ScenarioInput } from '../src/scenario/schema.ts';

/**
 * The recommendation benchmark's range (`npm run bench -- --recommend`): `skus` SKUs in one store
 * (one stock point each) from one unlimited supplier, lead time 2 to 6 whole days. Half sell to a
 * Poisson stream of customers buying one unit (0.5 to 20 a day, spread over the range), half have
 * intermittent daily demand (Croston: a sale on 10% to 40% of days, of 1 to 8 units). Today each is
 * under (s, S) = (5, 20), whatever its demand: too little for the fast movers, too much for the slow.
 * A 30-day warm-up and 365 days measured; lost sales cost the margin (stockoutPenalty), orders cost 20.
 * Deterministic: the spread comes from the SKU's position, not from a draw.
 */
export function rangeScenario(skus: number): ScenarioInput {
  const pad = (n: number) => String(n).padStart(4, '0');
  const ids = Array.from({ length: skus }, (_, i) => `sku-${pad(i + 1)}`);
  const share = (i: number) => (skus === 1 ? 0.5 : i / (skus - 1));
  return {
    version: 1,
    name: `Range of ${skus} SKUs, one store`,
    description: 'The recommendation benchmark (scripts/rangeScenario.ts): Poisson and intermittent demand, one store, (s, S) = (5, 20) today.',
    horizonDays: 395,
    warmupDays: 30,
    replications: 10,
    seed: 'range',
    products: ids.map((id) => ({ id, unitCost: 10, price: 15, stockoutPenalty: 5, orderingCost: 20, holdingCost: { annualRate: 0.25 }, unmetDemand: 'lost' as const })),
    nodes: [
      { id: 'supplier', type: 'supplier' as const },
      { id: 'store', type: 'store' as const },
    ],
    lanes: [{ from: 'supplier', to: 'store', leadTime: { type: 'discreteUniform' as const, min: 2, max: 6 } }],
    stockPoints: [{ node: 'store', product: ids, policy: { type: 'sS', reorderPoint: 5, orderUpTo: 20 } }],
    demand: ids.map((id, i) =>
      i % 2 === 0
        ? { type: 'arrivals' as const, node: 'store', product: id, customersPerDay: 0.5 + 19.5 * share(i), quantity: { type: 'constant' as const, value: 1 } }
        : {
            type: 'perPeriod' as const,
            node: 'store',
            product: id,
            quantity: { type: 'intermittent' as const, probability: 0.1 + 0.3 * share(i), size: { type: 'discreteUniform' as const, min: 1, max: 8 } },
          },
    ),
    output: { series: 'none' },
  };
}
