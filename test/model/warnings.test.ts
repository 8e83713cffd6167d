import { describe, expect, it } from 'vitest';
import { buildSimulation, variantsOf } from '../../src/model/build.ts';
import { warningSource, warningText, type ModelWarning } from '../../src/model/warnings.ts';
import { demandStreamKey, stockPointKey } from '../../src/scenario/references.ts';
import type { ScenarioInput } from '../../src/scenario/schema.ts';
import { scenarioOf } from '../fixtures/scenario.ts';

/**
 * Modelling warnings as facts (src/model/warnings.ts): what build.ts finds, and `warningText`, the
 * English the CLI prints and RunResult.warnings holds. The English must stay byte for byte what
 * build.ts wrote before the facts existed (results are pinned, scripts/pin-gallery.ts): `before`
 * below is that code's wording, copied as it was.
 */

/** build.ts's wording before the facts (commit 7fe0053), one template per kind, from the same numbers */
const before = {
  neverOrders: (node: string, productId: string, reorderPoint: number) =>
    `${node}/${productId}: the serviceTarget policy's reorder point is ${reorderPoint.toFixed(2)}; with lost sales the inventory position never falls below 0, so it never orders. Raise the target or give a smaller orderQuantity.`,
  bullwhipPeriod: (node: string, productId: string, cycle: number, period: number) =>
    `${node}/${productId} orders every ${cycle} days and bullwhipRatio is measured per ${period}-day period, so it measures the batching of its orders as much as their swings; set bullwhipPeriodDays to ${Math.ceil(cycle)} (or a multiple) to compare its orders with its demand over whole review cycles.`,
  historyReplayed: (node: string, product: string, segment: string | undefined, length: number, days: number) =>
    `demand for ${demandStreamKey(node, product, segment)}: the history has ${length} days and the horizon ${days}; it is replayed from the start when it runs out.`,
};

describe('warningText: each kind in the English the CLI prints', () => {
  it('a serviceTarget policy that never orders', () => {
    expect(warningText({ kind: 'neverOrders', node: 'st', product: 'w', reorderPoint: -1.1648 })).toBe(
      "st/w: the serviceTarget policy's reorder point is -1.16; with lost sales the inventory position never falls below 0, so it never orders. Raise the target or give a smaller orderQuantity.",
    );
  });

  it('a review cycle longer than the bullwhip period', () => {
    expect(warningText({ kind: 'bullwhipPeriod', node: 'st', product: 'w', reviewPeriodDays: 7, bullwhipPeriodDays: 1, suggestedPeriodDays: 7 })).toBe(
      'st/w orders every 7 days and bullwhipRatio is measured per 1-day period, so it measures the batching of its orders as much as their swings; set bullwhipPeriodDays to 7 (or a multiple) to compare its orders with its demand over whole review cycles.',
    );
  });

  it('a history shorter than the horizon, with and without a segment', () => {
    expect(warningText({ kind: 'historyReplayed', node: 'st', product: 'w', segment: null, historyDays: 3, horizonDays: 10 })).toBe(
      'demand for st/w: the history has 3 days and the horizon 10; it is replayed from the start when it runs out.',
    );
    expect(warningText({ kind: 'historyReplayed', node: 'st', product: 'w', segment: 'online', historyDays: 200, horizonDays: 365 })).toBe(
      'demand for st/w#online: the history has 200 days and the horizon 365; it is replayed from the start when it runs out.',
    );
  });

  it('is the wording build.ts gave before the facts, for awkward numbers too', () => {
    for (const reorderPoint of [-1.1648, -0.005, -1e-9, -1234.5678, -2 / 3]) {
      expect(warningText({ kind: 'neverOrders', node: 'dc-1', product: 'sku 9', reorderPoint })).toBe(before.neverOrders('dc-1', 'sku 9', reorderPoint));
    }
    for (const [cycle, period] of [
      [7, 1],
      [2.5, 2],
      [1.0000001, 1],
      [30, 7],
    ]) {
      expect(warningText({ kind: 'bullwhipPeriod', node: 'dc', product: 'p', reviewPeriodDays: cycle, bullwhipPeriodDays: period, suggestedPeriodDays: Math.ceil(cycle) })).toBe(
        before.bullwhipPeriod('dc', 'p', cycle, period),
      );
    }
    for (const segment of [undefined, 'walk-in']) {
      expect(warningText({ kind: 'historyReplayed', node: 'shop', product: 'beans', segment: segment ?? null, historyDays: 200, horizonDays: 365 })).toBe(
        before.historyReplayed('shop', 'beans', segment, 200, 365),
      );
    }
  });
});

const product = { id: 'w', unitCost: 10, holdingCost: { perUnitPerDay: 0.02 } };

/**
 * One scenario with every kind: a store `st` on a serviceTarget policy at a 2% cycle service level
 * under lost sales (daily demand 0, 2, 0, 2…: r = 1 − 2.0537 × 1.0541 = −1.1648, as
 * test/model/buildWiring.test.ts works out) fed by a 10-day history over 12 days; a store `wk`
 * reviewing every 7.5 days, measured per 2 days, with two segments of history, one of them short.
 */
function everyKind(): ScenarioInput {
  return {
    version: 1,
    name: 'every warning',
    horizonDays: 12,
    bullwhipPeriodDays: 2,
    products: [{ ...product, unmetDemand: 'lost' }],
    nodes: [
      { id: 'sup', type: 'supplier' },
      { id: 'st', type: 'store' },
      { id: 'wk', type: 'store' },
    ],
    lanes: [
      { from: 'sup', to: 'st', leadTime: { type: 'constant', value: 1 } },
      { from: 'sup', to: 'wk', leadTime: { type: 'constant', value: 1 } },
    ],
    stockPoints: [
      { node: 'st', product: 'w', policy: { type: 'serviceTarget', target: { cycleServiceLevel: 0.02 }, orderQuantity: 5 } },
      { node: 'wk', product: 'w', policy: { type: 'periodicRS', reviewPeriod: 7.5, orderUpTo: 20 } },
    ],
    demand: [
      { type: 'history', node: 'st', product: 'w', series: [0, 2, 0, 2, 0, 2, 0, 2, 0, 2] },
      { type: 'history', node: 'wk', product: 'w', segment: 'walk-in', series: Array<number>(12).fill(1) },
      { type: 'history', node: 'wk', product: 'w', segment: 'online', series: [1, 1, 1] },
    ],
  };
}

describe('build.ts finds the warnings as facts, and words them with warningText', () => {
  const scenario = scenarioOf(everyKind());
  const simulation = buildSimulation(scenario, variantsOf(scenario)[0], 'warnings');

  it('each cause once, in order: policies, then bullwhip periods, then histories', () => {
    const facts = simulation.warningFacts.map((fact) => (fact.kind === 'neverOrders' ? { ...fact, reorderPoint: Number(fact.reorderPoint.toFixed(4)) } : fact));
    expect(facts).toEqual<ModelWarning[]>([
      { kind: 'neverOrders', node: 'st', product: 'w', reorderPoint: -1.1648 },
      { kind: 'bullwhipPeriod', node: 'wk', product: 'w', reviewPeriodDays: 7.5, bullwhipPeriodDays: 2, suggestedPeriodDays: 8 },
      { kind: 'historyReplayed', node: 'st', product: 'w', segment: null, historyDays: 10, horizonDays: 12 },
      { kind: 'historyReplayed', node: 'wk', product: 'w', segment: 'online', historyDays: 3, horizonDays: 12 },
    ]);
  });

  it('the strings are the facts worded, and the sources name what each is about', () => {
    expect(simulation.warnings).toEqual(simulation.warningFacts.map(warningText));
    expect(simulation.warnings).toEqual([
      "st/w: the serviceTarget policy's reorder point is -1.16; with lost sales the inventory position never falls below 0, so it never orders. Raise the target or give a smaller orderQuantity.",
      'wk/w orders every 7.5 days and bullwhipRatio is measured per 2-day period, so it measures the batching of its orders as much as their swings; set bullwhipPeriodDays to 8 (or a multiple) to compare its orders with its demand over whole review cycles.',
      'demand for st/w: the history has 10 days and the horizon 12; it is replayed from the start when it runs out.',
      'demand for wk/w#online: the history has 3 days and the horizon 12; it is replayed from the start when it runs out.',
    ]);
    expect(simulation.warningSources).toEqual(['point:st/w', 'bullwhip:wk/w', 'demand:st/w', 'demand:wk/w#online']);
    expect(simulation.warningSources).toEqual(simulation.warningFacts.map(warningSource));
    expect(warningSource({ kind: 'bullwhipPeriod', node: 'a', product: 'b', reviewPeriodDays: 2, bullwhipPeriodDays: 1, suggestedPeriodDays: 2 })).toBe(`bullwhip:${stockPointKey('a', 'b')}`);
  });

  it('facts are plain data: they cross a worker boundary unchanged', () => {
    expect(structuredClone(simulation.warningFacts)).toEqual(simulation.warningFacts);
  });
});
