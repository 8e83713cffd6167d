import { describe, expect, it } from 'vitest';
import { buildSimulation, variantsOf } from '../../src/model/build.ts';
import { replicationSeed } from '../../src/random/streams.ts';
import type { Scenario, ScenarioInput } from '../../src/scenario/schema.ts';
import { scenarioOf } from '../fixtures/scenario.ts';
import { recordShipments, type Shipment } from '../fixtures/observe.ts';

const DUST = 1e-9;

/** One supplier, one store, constant demand every day: every shipment is deterministic. */
function store(options: { leadTime: number; perDay: number; level: number; capacityPerDay?: number; disruptions: ScenarioInput['disruptions'] }): Scenario {
  return scenarioOf({
    version: 1,
    name: 'disruptions',
    horizonDays: 60,
    seed: 'disruptions',
    products: [{ id: 'w', unitCost: 1, holdingCost: { perUnitPerDay: 0 }, unmetDemand: 'backorder' }],
    nodes: [
      { id: 'sup', type: 'supplier', ...(options.capacityPerDay !== undefined ? { capacityPerDay: options.capacityPerDay } : {}) },
      { id: 'st', type: 'store' },
    ],
    lanes: [{ from: 'sup', to: 'st', leadTime: { type: 'constant', value: options.leadTime } }],
    stockPoints: [{ node: 'st', product: 'w', policy: { type: 'baseStock', level: options.level } }],
    demand: [{ type: 'perPeriod', node: 'st', product: 'w', quantity: { type: 'constant', value: options.perDay } }],
    disruptions: options.disruptions,
  });
}

function shipmentsOf(scenario: Scenario): Shipment[] {
  const simulation = buildSimulation(scenario, variantsOf(scenario)[0], replicationSeed(scenario.seed, 0));
  const shipments = recordShipments(simulation);
  simulation.run();
  return shipments;
}

describe('a lead-time multiplier m over a window', () => {
  it('makes every shipment that leaves in the window take m × L, and the others L', () => {
    const L = 2;
    const m = 3;
    const shipments = shipmentsOf(
      store({ leadTime: L, perDay: 4, level: 40, disruptions: [{ type: 'leadTimeMultiplier', lanes: ['sup->st'], multiplier: m, occurrence: { type: 'scheduled', start: 10, end: 30 } }] }),
    );
    const inWindow = shipments.filter((s) => s.leftAt >= 10 && s.leftAt < 30);
    const outside = shipments.filter((s) => s.leftAt < 10 || s.leftAt >= 30);
    // the store orders every day (constant demand), so both sets hold many shipments
    expect(inWindow.length).toBeGreaterThanOrEqual(19);
    expect(outside.length).toBeGreaterThanOrEqual(39);
    for (const s of inWindow) expect(s.arrivesAt - s.leftAt).toBeCloseTo(m * L, 9);
    for (const s of outside) expect(s.arrivesAt - s.leftAt).toBeCloseTo(L, 9);
  });
});

describe('a capacity loss of a fraction f', () => {
  it('caps what the supplier ships a day at (1 − f) × its capacity while it lasts, and at its capacity otherwise', () => {
    const capacity = 10;
    const fraction = 0.6;
    // demand 8 a day: under the full capacity every order leaves at once; under 4 a day, orders pile up
    const shipments = shipmentsOf(
      store({ leadTime: 1, perDay: 8, level: 30, capacityPerDay: capacity, disruptions: [{ type: 'capacityLoss', node: 'sup', fraction, occurrence: { type: 'scheduled', start: 20, end: 40 } }] }),
    );
    const shippedOn = (day: number) => shipments.filter((s) => s.leftAt >= day && s.leftAt < day + 1).reduce((sum, s) => sum + s.quantity, 0);
    for (let day = 0; day < 60; day++) {
      const cap = day >= 20 && day < 40 ? (1 - fraction) * capacity : capacity;
      expect(shippedOn(day), `day ${day}`).toBeLessThanOrEqual(cap + DUST);
    }
    // the cap binds: on the days of the loss the supplier ships exactly its reduced capacity
    for (let day = 21; day < 40; day++) expect(shippedOn(day), `day ${day}`).toBeCloseTo((1 - fraction) * capacity, 9);
    // and before the loss it ships the day's demand, under the full capacity
    for (let day = 1; day < 20; day++) expect(shippedOn(day), `day ${day}`).toBeCloseTo(8, 9);
  });
});
