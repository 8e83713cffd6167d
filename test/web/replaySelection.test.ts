/** The report's per-SKU replay marks (web/import/replaySelection.ts): a mark per SKU, the import's option, whether it is pending. */
import { describe, expect, test } from 'vitest';
import { canReplay, markReplay, marksChanged, replayOption } from '../../web/import/replaySelection.ts';

describe('replay marks', () => {
  test('a store row with a demand can be marked; a warehouse row or a SKU never sold cannot', () => {
    expect(canReplay({ model: 'poisson' })).toBe(true);
    expect(canReplay({ model: 'replay' })).toBe(true);
    expect(canReplay({ model: 'warehouse' })).toBe(false);
    expect(canReplay({ model: 'none' })).toBe(false);
  });

  test('marking and unmarking give new sets and leave the old one as it was', () => {
    const none = new Set<string>();
    const one = markReplay(none, 'B-2', true);
    expect([...one]).toEqual(['B-2']);
    expect(none.size).toBe(0);
    expect([...markReplay(one, 'B-2', true)]).toEqual(['B-2']);
    expect(markReplay(one, 'B-2', false).size).toBe(0);
    expect([...markReplay(one, 'A-1', false)]).toEqual(['B-2']);
  });

  test('the import option lists the SKUs in order, and is left out when none is marked', () => {
    expect(replayOption(new Set())).toEqual({});
    expect(replayOption(new Set(['THE-100', 'CAFE-250']))).toEqual({ replay: ['CAFE-250', 'THE-100'] });
  });

  test('marks are pending when they differ from the ones imported, in either direction', () => {
    expect(marksChanged(new Set(['A']), new Set(['A']))).toBe(false);
    expect(marksChanged(new Set(), new Set())).toBe(false);
    expect(marksChanged(new Set(['A', 'B']), new Set(['A']))).toBe(true);
    expect(marksChanged(new Set(['A']), new Set(['A', 'B']))).toBe(true);
    expect(marksChanged(new Set(['B']), new Set(['A']))).toBe(true);
  });
});
