import { describe, expect, it } from 'vitest';
import { Stepper, type StepDay } from '../../src/experiment/stepper.ts';
import { runReplication } from '../../src/experiment/run.ts';
import { variantsOf } from '../../src/model/build.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { loadScenarioFile, scenarioOf, shortened } from '../fixtures/scenario.ts';

function gallery(file: string): Scenario {
  const loaded = loadScenarioFile(file);
  if (!loaded.ok) throw new Error(`${file} does not parse`);
  return loaded.scenario;
}

/** the coffee brand (two echelons), the multi-echelon network, online zones, lots that expire (FEFO), returns and a recall, and a fractional horizon */
const CASES: [name: string, scenario: () => Scenario][] = [
  ['04-coffee-brand', () => gallery('scenarios/04-coffee-brand.json')],
  ['07-multi-echelon', () => gallery('scenarios/07-multi-echelon.json')],
  ['09-online-shoes-24h (online zones)', () => shortened(gallery('scenarios/09-online-shoes-24h.json'), 200, 1)],
  ['08-fresh-food-fefo (lots, expiry)', () => shortened(gallery('scenarios/08-fresh-food-fefo.json'), 200, 1)],
  ['13-returns-recall', () => shortened(gallery('scenarios/13-returns-recall.json'), 200, 1)],
  ['14-wholesale-and-walk-ins (segments, orders delivered)', () => shortened(gallery('scenarios/14-wholesale-and-walk-ins.json'), 200, 1)],
  ['classroom/beer-game (orders travelling upstream, initial pipeline, scripted orders)', () => gallery('scenarios/classroom/beer-game.json')],
  ['04-coffee-brand, horizon 90.5 days', () => ({ ...gallery('scenarios/04-coffee-brand.json'), horizonDays: 90.5, warmupDays: 7.25 })],
];

describe('a replication stepped through day by day', () => {
  it.each(CASES)('ends with the bytes of runReplication: %s', (_, make) => {
    const scenario = make();
    const variants = variantsOf(scenario).length;
    for (const [variant, replication] of [
      [0, 0],
      [variants - 1, 2],
    ]) {
      const stepper = new Stepper(scenario, variant, replication);
      // a few days one by one, a jump, then the rest
      for (let d = 0; d < 5; d++) expect(stepper.step()?.day).toBe(d);
      stepper.stepTo(40);
      expect(stepper.day).toBe(40);
      expect(stepper.runResult()).toBeNull();
      stepper.stepTo(Infinity);
      expect(stepper.over).toBe(true);
      expect(stepper.day).toBe(stepper.info.days - 1);
      expect(JSON.stringify(stepper.runResult())).toBe(JSON.stringify(runReplication(scenario, variant, replication)));
    }
  });

  it('gives each day the levels the daily series record at its end', () => {
    const scenario = gallery('scenarios/07-multi-echelon.json');
    const stepper = new Stepper(scenario, 1, 3);
    const days = stepper.stepTo(Infinity);
    const series = stepper.runResult()!.series!;
    expect(days).toHaveLength(series.days);
    days.forEach((step, d) => {
      expect(step.day).toBe(d);
      step.levels.forEach((levels, i) => {
        const point = series.stockPoints![i];
        expect(levels.onHand).toBeCloseTo(point.onHand[d], 6);
        expect(levels.position).toBeCloseTo(point.position[d], 6);
        expect(levels.backorders).toBeCloseTo(point.backorders[d], 6);
      });
    });
  });

  it("adds up, over the measured window, to the run's counts at each stock point (sold, lost, short, ordered, received, customers lost)", () => {
    for (const file of ['scenarios/04-coffee-brand.json', 'scenarios/07-multi-echelon.json', 'scenarios/08-fresh-food-fefo.json']) {
      const scenario = gallery(file);
      const stepper = new Stepper(scenario, 0, 1);
      const days = stepper.stepTo(Infinity);
      const result = stepper.runResult()!;
      const window = days.filter((step) => step.day >= scenario.warmupDays);
      result.stockPoints.forEach((point, i) => {
        const sum = (kind: string, field: 'quantity' | 'count' = 'quantity') =>
          window.flatMap((step) => step.happenings).filter((h) => h.point === i && h.kind === kind).reduce((total, h) => total + (h[field] ?? 0), 0);
        const c = point.counters;
        const where = `${file} ${point.node}/${point.product}`;
        expect(sum('sold'), `${where} sold`).toBeCloseTo(c.deliveredUnits, 6);
        expect(sum('lost'), `${where} lost`).toBeCloseTo(c.lostUnits, 6);
        expect(sum('short'), `${where} short`).toBeCloseTo(c.customerDemandUnits - c.customerFilledImmediatelyUnits, 6);
        expect(sum('ordered', 'count'), `${where} orders placed`).toBeCloseTo(c.ordersPlaced, 6);
        expect(sum('received'), `${where} received`).toBeCloseTo(c.unitsReceived, 6);
        expect(sum('left'), `${where} customers lost`).toBeCloseTo(c.customersChurned ?? 0, 6);
        if (c.expiredUnits !== null) expect(sum('expired'), `${where} expired`).toBeCloseTo(c.expiredUnits, 6);
      });
    }
  });

  it('says the day a shelf runs dry: the units short, the customers, and who left for good', () => {
    // one shop, 10 customers a day buying 1 unit, 5 units at first and nothing more for 10 days
    const scenario = scenarioOf({
      version: 1,
      name: 'empty shelf',
      horizonDays: 4,
      warmupDays: 0,
      replications: 1,
      seed: 1,
      products: [{ id: 'beans', unitCost: 5, price: 8, holdingCost: { perUnitPerDay: 0.01 }, unmetDemand: 'lost' }],
      nodes: [
        { id: 'roaster', type: 'supplier' },
        { id: 'shop', type: 'store' },
      ],
      lanes: [{ from: 'roaster', to: 'shop', leadTime: { type: 'constant', value: 10 } }],
      stockPoints: [{ node: 'shop', product: 'beans', initialOnHand: 5, policy: { type: 'sS', reorderPoint: 2, orderUpTo: 20 } }],
      demand: [{ type: 'perPeriod', node: 'shop', product: 'beans', quantity: { type: 'constant', value: 10 } }],
      customers: [{ node: 'shop', initial: 100, churn: { onStockout: 1 } }],
    });
    const stepper = new Stepper(scenario, 0, 0);
    expect(stepper.info.points).toMatchObject([{ node: 'shop', product: 'beans', from: 'roaster', customerFacing: true }]);
    expect(stepper.info.initial[0]).toEqual({ onHand: 5, backorders: 0, position: 5, pipeline: 0, onOrder: 0 });
    const first = stepper.step()!;
    const of = (step: StepDay) => Object.fromEntries(step.happenings.map((h) => [h.kind, [h.quantity, h.count]]));
    expect(of(first)).toEqual({ sold: [5, null], short: [5, 5], lost: [5, null], left: [5, null], dispatched: [20, null], ordered: [20, 1] });
    expect(first.levels[0]).toEqual({ onHand: 0, backorders: 0, position: 20, pipeline: 20, onOrder: 20 });
    expect(first.activeCustomers).toEqual([95]);
    const second = stepper.step()!;
    expect(second.day).toBe(1);
    expect(of(second).sold).toBeUndefined();
    expect(of(second).short[0]).toBeGreaterThan(0);
  });
});
