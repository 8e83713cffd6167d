/**
 * A large retail scenario for the editor's scale tests: `stores` stores of `products` products each,
 * one unlimited supplier, one stock point entry per (store, product) pair (20 × 100 = 2,000), one
 * demand entry naming every pair (demand is not what these tests edit). Policies vary with the
 * product so that a filter picks a meaningful subset: every fifth product is on (R, S) review, the
 * others on (s, S).
 */
export function bigRetailScenario(stores = 20, products = 100): string {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  const storeIds = Array.from({ length: stores }, (_, i) => `store-${pad(i + 1, 2)}`);
  const productIds = Array.from({ length: products }, (_, i) => `sku-${pad(i + 1, 3)}`);
  const scenario = {
    version: 1,
    name: `Retail: ${products} SKUs x ${stores} stores`,
    horizonDays: 365,
    warmupDays: 0,
    replications: 2,
    seed: 'big-editor',
    products: productIds.map((id, i) => ({ id, unitCost: 10 + (i % 7), price: 15 + (i % 7), holdingCost: { annualRate: 0.25 }, unmetDemand: 'lost' })),
    nodes: [{ id: 'supplier', type: 'supplier' }, ...storeIds.map((id) => ({ id, type: 'store' }))],
    lanes: storeIds.map((to) => ({ from: 'supplier', to, leadTime: { type: 'discreteUniform', min: 2, max: 6 } })),
    stockPoints: storeIds.flatMap((node) =>
      productIds.map((product, p) => ({
        node,
        product,
        policy: p % 5 === 4 ? { type: 'periodicRS', reviewPeriod: 7, orderUpTo: 220 } : { type: 'sS', reorderPoint: 60, orderUpTo: 200 },
        initialOnHand: 200,
      })),
    ),
    demand: [{ type: 'arrivals', node: storeIds, product: productIds, customersPerDay: 20 }],
  };
  return `${JSON.stringify(scenario, null, 2)}\n`;
}
