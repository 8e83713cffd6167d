import { describe, expect, it } from 'vitest';
import { runReplication } from '../../src/experiment/run.ts';
import { planSweep } from '../../src/experiment/sweep.ts';
import { planSharing, runVariantsSharing } from '../../src/experiment/sharedParts.ts';
import { variantsOf } from '../../src/model/build.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { loadScenarioFile, shortened } from '../fixtures/scenario.ts';

function load(file: string, horizonDays: number): Scenario {
  const loaded = loadScenarioFile(file);
  if (!loaded.ok) throw new Error(`${file} does not parse`);
  return shortened(loaded.scenario, horizonDays, 1);
}

/** Every variant's replication, shared and whole, as JSON text. */
function bothWays(scenario: Scenario, replication: number) {
  const sharing = planSharing(scenario);
  const indexes = variantsOf(scenario).map((_, v) => v);
  return {
    sharing,
    shared: runVariantsSharing(scenario, sharing, replication, indexes).map((result) => JSON.stringify(result)),
    whole: indexes.map((v) => JSON.stringify(runReplication(scenario, v, replication))),
  };
}

describe('variants that differ in some stock points share the run of the rest', () => {
  it("gives a sweep of one SKU's (s, S) on bench-A (3 x 3 grid, 60 days) each variant's whole run, byte for byte", () => {
    const base = load('scenarios/bench/retail-1000.json', 60);
    const plan = planSweep(base, { product: 'sku-001', axes: [{ parameter: 'reorderPoint', values: [40, 60, 80] }, { parameter: 'orderUpTo', values: [150, 200, 250] }] });
    const { sharing, shared, whole } = bothWays(plan.scenario, 0);
    expect(sharing).not.toBeNull();
    // the SKU's ten stores vary, the 990 other stock points run once for all nine variants
    expect(sharing!.varyingPoints).toBe(10);
    expect(sharing!.commonPoints).toBe(990);
    expect(shared).toEqual(whole);
    // and the variants do differ, so the comparison can tell
    expect(new Set(shared.map((text) => JSON.parse(text).network.kpis.fillRate)).size).toBeGreaterThan(1);
  });

  it("gives 06-winter-clothing's variants (a policy changed for one of its two parts) their whole runs", () => {
    const scenario = load('scenarios/06-winter-clothing.json', 200);
    const { sharing, shared, whole } = bothWays(scenario, 1);
    expect(shared).toEqual(whole);
    // 06's variants change both parts' policies, or one: the plan applies only when some part is common
    if (sharing !== null) expect(sharing.commonPoints).toBeGreaterThan(0);
  });

  it('does not apply when variants change the network differently, or there is one variant', () => {
    const base = load('scenarios/bench/retail-1000.json', 30);
    const plan = planSweep(base, { product: 'sku-001', axes: [{ parameter: 'reorderPoint', values: [40, 60] }] });
    const differentSets: Scenario = { ...plan.scenario, variants: plan.scenario.variants.map((variant, i) => (i === 0 ? { ...variant, set: [{ path: '/horizonDays', value: 30 }] } : variant)) };
    expect(planSharing(differentSets)).toBeNull();
    expect(planSharing({ ...plan.scenario, variants: [plan.scenario.variants[0]] })).toBeNull();
  });
});
