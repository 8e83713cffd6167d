import { describe, expect, it } from 'vitest';
import { recallGroups, zoneGroups } from '../../src/experiment/outcomeGroups.ts';
import type { ExperimentResult, KpiSummary } from '../../src/experiment/replicate.ts';

/** A summary whose mean names where it came from, so a mismatch shows in the assertion. */
const summary = (mean: number): KpiSummary => ({ mean, sd: 0, halfWidth: 0, n: 3 });
const zone = (id: string, orders: number) => ({
  zone: id,
  ...Object.fromEntries(['orders', 'abandoned', 'delivered', 'onTime', 'accurate', 'late', 'notified', 'lateNotified', 'express', 'waitDays'].map((k) => [k, summary(k === 'orders' ? orders : 0)])),
});
const recall = (name: string, removed: number) => ({ name, unitsRemoved: summary(removed), unitsSold: summary(0), customersReached: summary(0) });

/** Only what the line-up reads: each variant's zones and recalls. */
function result(variants: { zones: ReturnType<typeof zone>[]; recalls: ReturnType<typeof recall>[] }[]): ExperimentResult {
  return { variants: variants.map((v, i) => ({ name: `v${i}`, customers: { churnedBy: {}, zones: v.zones }, recalls: v.recalls })) } as unknown as ExperimentResult;
}

describe('zones and recalls lined up across variants', () => {
  it('matches zones by id, in order of first appearance, with null where a variant has none', () => {
    const groups = zoneGroups(result([{ zones: [zone('north', 1), zone('south', 2)], recalls: [] }, { zones: [zone('south', 12)], recalls: [] }, { zones: [zone('east', 23), zone('north', 21)], recalls: [] }]));
    expect(groups.map((g) => [g.key, g.nth, g.byVariant.map((f) => f?.orders.mean ?? null)])).toEqual([
      ['north', null, [1, null, 21]],
      ['south', null, [2, 12, null]],
      ['east', null, [null, null, 23]],
    ]);
  });

  it('matches recalls by name and occurrence, numbering only names that repeat', () => {
    const groups = recallGroups(result([{ zones: [], recalls: [recall('batch', 1), recall('switch', 2), recall('batch', 3)] }, { zones: [], recalls: [recall('batch', 11)] }, { zones: [], recalls: [] }]));
    expect(groups.map((g) => [g.key, g.name, g.nth, g.byVariant.map((f) => f?.unitsRemoved.mean ?? null)])).toEqual([
      ['batch#1', 'batch', 1, [1, 11, null]],
      ['switch#1', 'switch', null, [2, null, null]],
      ['batch#2', 'batch', 2, [3, null, null]],
    ]);
  });

  it('has no groups when no variant has zones or recalls', () => {
    const empty = result([{ zones: [], recalls: [] }]);
    expect(zoneGroups(empty)).toEqual([]);
    expect(recallGroups(empty)).toEqual([]);
  });
});
