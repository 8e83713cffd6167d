import { describe, expect, it } from 'vitest';
import { runExperiment } from '../../src/experiment/replicate.ts';
import { runReplication } from '../../src/experiment/run.ts';
import type { ScenarioInput } from '../../src/scenario/schema.ts';
import { loadScenarioFile, scenarioOf } from '../fixtures/scenario.ts';

/**
 * The on-time delivery chart's last days. Each online order counts on the day it is delivered, on time
 * or late (src/model/processes/onlineFulfilment.ts, onDelivery), and the weekly share divides the on-time
 * deliveries of the 7 days up to a day by all deliveries of those days (src/experiment/replicate.ts).
 * An order still on its way at the horizon is in neither count, so the last week's share is as
 * complete as any other: it cannot dive because the run stops. (The dip at the end of
 * scenarios/09-online-shoes-24h.json is its Christmas carrier slowdown, days 345-358, and is gone
 * without it.)
 */

/** An online zone served from one well-stocked warehouse; every order takes exactly 0.5 + 4 days. */
function slowDelivery(horizonDays: number, warmupDays = 0): ScenarioInput {
  return {
    version: 1,
    name: 'slow but punctual delivery',
    horizonDays,
    warmupDays,
    seed: 'horizon',
    products: [{ id: 'shoe', unitCost: 30, price: 60, holdingCost: { perUnitPerDay: 0.02 }, unmetDemand: 'backorder' }],
    nodes: [
      { id: 'maker', type: 'supplier' },
      { id: 'dc', type: 'warehouse' },
      { id: 'city', type: 'zone' },
    ],
    lanes: [{ from: 'maker', to: 'dc', leadTime: { type: 'constant', value: 4 } }],
    stockPoints: [{ node: 'dc', product: 'shoe', policy: { type: 'rQ', reorderPoint: 80, orderQuantity: 100 } }],
    demand: [{ type: 'arrivals', node: 'city', product: 'shoe', customersPerDay: 10 }],
    fulfilment: [{ zone: 'city', from: [{ warehouse: 'dc', pickPackDays: { type: 'constant', value: 0.5 }, transitDays: { type: 'constant', value: 4 } }] }],
    customers: [],
    disruptions: [],
  };
}

describe('the weekly on-time share near the horizon', () => {
  it('stays at 100% to the last day when every order arrives within its promise, though many are still on their way at the horizon', () => {
    const input = slowDelivery(60);
    const result = runExperiment({ ...scenarioOf(input), replications: 3, output: { series: 'network' } });
    const share = result.variants[0].series!.onlineWeekly!.onTimeShare.mean;
    expect(share).toHaveLength(60);
    // the first deliveries arrive on day 4 (4.5 days after the first orders); from then on, every day
    // up to the last has deliveries in its 7 days, all on time
    expect(share.slice(0, 4).every(Number.isNaN)).toBe(true);
    expect(share.slice(4)).toEqual(new Array(56).fill(1));
    // what would have pulled the end down were it counted: the orders of the last 4.5 days, undelivered
    const [zone] = runReplication(scenarioOf(input), 0, 0, { series: false }).zones;
    expect(zone.orders - zone.abandoned - zone.delivered).toBeGreaterThan(30);
  });

  it('counts an order on the day it is delivered, so the daily counts add up to the deliveries of the run and orders in flight count nowhere', () => {
    const run = runReplication(scenarioOf(slowDelivery(40)), 0, 0, { series: true });
    const online = run.series!.online!;
    const [zone] = run.zones;
    const sum = (values: ReadonlyArray<number>) => values.reduce((a, b) => a + b, 0);
    expect(sum(online.delivered)).toBe(zone.delivered);
    expect(sum(online.onTime)).toBe(zone.delivered);
    expect(sum(online.late)).toBe(0);
    // the last day still has a full day's deliveries (orders placed 4.5 days before), not a tail-off
    expect(online.delivered[39]).toBeGreaterThan(0);
  });

  it("dips at the end of the 24-hour shoe retailer's year because of its Christmas carrier slowdown (days 345-358), not the horizon", () => {
    const parsed = loadScenarioFile('scenarios/09-online-shoes-24h.json');
    if (!parsed.ok) throw new Error('09-online-shoes-24h.json does not parse');
    const lastWeeks = (disruptions: typeof parsed.scenario.disruptions) => {
      const result = runExperiment({ ...parsed.scenario, disruptions, replications: 2, variants: parsed.scenario.variants.slice(0, 1), output: { series: 'network' } });
      const share = result.variants[0].series!.onlineWeekly!.onTimeShare.mean;
      return { lowest: Math.min(...share.slice(340)), last: share[share.length - 1], year: result.variants[0].network.onTimeDelivery.mean! };
    };
    const peak = lastWeeks(parsed.scenario.disruptions);
    const calm = lastWeeks([]);
    expect(peak.lowest).toBeLessThan(peak.year - 0.2);
    // recovering once the carriers are back to speed, before the horizon
    expect(peak.last).toBeGreaterThan(peak.lowest + 0.1);
    // without the slowdown, the last weeks read as the rest of the year
    expect(calm.lowest).toBeGreaterThan(calm.year - 0.03);
  });
});
