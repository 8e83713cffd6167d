import { describe, expect, it } from 'vitest';
import { runReplication, type RunResult } from '../../src/experiment/run.ts';
import { variantsOf } from '../../src/model/build.ts';
import type { KpiName } from '../../src/metrics/kpis.ts';
import { loadScenarioFile } from '../fixtures/scenario.ts';

/**
 * The customer-experience scenarios of the gallery say in their descriptions what their variants
 * show; these checks keep each story true as the engine changes. Each compares variants on the same
 * replications (common random numbers), over the file's own horizon, and asks only for the
 * direction the description states, in every replication tried.
 */
const REPLICATIONS = 3;

/** Runs every variant of a gallery file for REPLICATIONS replications: runs[variant id][replication]. */
function runAll(path: string): Record<string, RunResult[]> {
  const loaded = loadScenarioFile(path);
  if (!loaded.ok) throw new Error(`${path} does not parse (see test/scenario/parse.test.ts)`);
  const scenario = loaded.scenario;
  return Object.fromEntries(
    variantsOf(scenario).map((variant, index) => [
      variant.id,
      Array.from({ length: REPLICATIONS }, (_, replication) => runReplication(scenario, index, replication, { series: false, stockPoints: false })),
    ]),
  );
}

const kpi = (run: RunResult, name: KpiName): number => {
  const value = run.network.kpis[name];
  if (value === null) throw new Error(`${name} does not apply`);
  return value;
};

/** In every replication, `name` is lower under variant `low` than under variant `high`. */
function expectLower(runs: Record<string, RunResult[]>, name: KpiName, low: string, high: string): void {
  runs[low].forEach((run, replication) => expect(kpi(run, name), `${name}, ${low} vs ${high}, replication ${replication}`).toBeLessThan(kpi(runs[high][replication], name)));
}

describe('the gallery scenarios show what their descriptions say', () => {
  it('08-fresh-food-fefo: FEFO wastes less than FIFO and sells more, and cutting FIFO shelves still wastes more than FEFO', () => {
    const runs = runAll('scenarios/08-fresh-food-fefo.json');
    expectLower(runs, 'expiredUnits', 'fefo', 'fifo');
    expectLower(runs, 'lostSalesUnits', 'fefo', 'fifo');
    expectLower(runs, 'expiredUnits', 'fefo', 'fifo-leaner');
    expectLower(runs, 'fillRate', 'fifo-leaner', 'fefo');
  });

  it('09-online-shoes-24h: regional warehouses keep the promise more often, lose fewer carts and customers', () => {
    const runs = runAll('scenarios/09-online-shoes-24h.json');
    expectLower(runs, 'onTimeDelivery', 'central', 'regional');
    expectLower(runs, 'abandonedCarts', 'regional', 'central');
    expectLower(runs, 'avgCustomerWait', 'regional', 'central');
    expectLower(runs, 'customersChurned', 'regional', 'central');
    // overnight delivery from the centre buys the same service with transport
    expectLower(runs, 'transportCost', 'regional', 'central-overnight');
  });

  it('10-outage-communication: telling customers early lowers churn, at the cost of vouchers', () => {
    const runs = runAll('scenarios/10-outage-communication.json');
    expectLower(runs, 'customersChurned', 'proactive', 'silent');
    expectLower(runs, 'customersChurned', 'proactive', 'proactive-weaker');
    expectLower(runs, 'customersChurned', 'proactive-weaker', 'silent');
    for (const run of runs.silent) expect(kpi(run, 'voucherCost')).toBe(0);
    for (const run of runs.proactive) expect(kpi(run, 'voucherCost')).toBeGreaterThan(0);
  });

  it('11-cosmetics-flagship: generous stock keeps more loyal clients, and a 98% target computed from normal days falls short', () => {
    const runs = runAll('scenarios/11-cosmetics-flagship.json');
    expectLower(runs, 'customersChurned', 'generous', 'lean');
    expectLower(runs, 'activeCustomers', 'lean', 'generous');
    expectLower(runs, 'revenue', 'lean', 'generous');
    for (const run of runs.target98) expect(kpi(run, 'fillRate')).toBeLessThan(0.98);
  });

  it('12-stock-visibility: more frequent counts and real-time visibility serve more customers', () => {
    const runs = runAll('scenarios/12-stock-visibility.json');
    expectLower(runs, 'fillRate', 'quarterly', 'monthly');
    expectLower(runs, 'fillRate', 'monthly', 'realtime');
    expectLower(runs, 'customersChurned', 'realtime', 'quarterly');
  });
});
