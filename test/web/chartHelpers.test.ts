import { describe, expect, it } from 'vitest';
import { spreadLabels } from '../../web/charts/chartFrame.ts';
import { binCount } from '../../web/charts/histogram.ts';
import { sortRows } from '../../web/charts/kpiTable.ts';
import { distributionMean, layoutNetwork } from '../../web/charts/networkDiagram.ts';
import type { Scenario } from '../../src/scenario/schema.ts';

describe('KPI table', () => {
  it('sorts rows by a column, both ways, with missing values last', () => {
    const rows = [{ name: 'fillRate' as const }, { name: 'revenue' as const }, { name: 'holdingCost' as const }];
    const values: Record<string, number | null> = { fillRate: 0.9, revenue: null, holdingCost: 900 };
    expect(sortRows(rows, (n) => values[n], 'ascending').map((r) => r.name)).toEqual(['fillRate', 'holdingCost', 'revenue']);
    expect(sortRows(rows, (n) => values[n], 'descending').map((r) => r.name)).toEqual(['holdingCost', 'fillRate', 'revenue']);
  });
});

describe('network layout', () => {
  const nodes = [
    { id: 'store-b', type: 'store' },
    { id: 'plant', type: 'supplier' },
    { id: 'dc', type: 'warehouse' },
    { id: 'store-a', type: 'store' },
    { id: 'direct', type: 'store' },
  ] as Scenario['nodes'];
  const constant = (value: number) => ({ type: 'constant' as const, value });
  const lanes = [
    { from: 'plant', to: 'dc', leadTime: constant(5) },
    { from: 'dc', to: 'store-a', leadTime: constant(2) },
    { from: 'dc', to: 'store-b', leadTime: constant(2) },
    { from: 'plant', to: 'direct', leadTime: constant(7) },
  ] as Scenario['lanes'];

  it('puts suppliers left, warehouses by depth, and every store in the last column', () => {
    expect(layoutNetwork({ nodes, lanes })).toEqual([['plant'], ['dc'], ['store-b', 'store-a', 'direct']]);
  });

  it('survives a cycle of lanes', () => {
    const cyclic = [...lanes, { from: 'dc', to: 'plant', leadTime: constant(1) }] as Scenario['lanes'];
    expect(layoutNetwork({ nodes, lanes: cyclic }).flat().sort()).toEqual(['dc', 'direct', 'plant', 'store-a', 'store-b']);
  });

  it('labels lanes with the mean of their lead-time distribution', () => {
    expect(distributionMean({ type: 'constant', value: 3 })).toBe(3);
    expect(distributionMean({ type: 'gamma', mean: 3, sd: 1 })).toBe(3);
    expect(distributionMean({ type: 'uniform', min: 2, max: 6 })).toBe(4);
    expect(distributionMean({ type: 'triangular', min: 1, mode: 2, max: 6 })).toBe(3);
    expect(distributionMean({ type: 'empirical', values: [1, 3], weights: [3, 1] })).toBe(1.5);
    expect(distributionMean({ type: 'empirical', values: [1, 3] })).toBe(2);
  });
});

describe('chart helpers', () => {
  it('nudges overlapping labels apart and keeps them inside the plot', () => {
    expect(spreadLabels([100, 105, 300], 20, 0, 400)).toEqual([100, 120, 300]);
    const bottom = spreadLabels([395, 398], 20, 0, 400);
    expect(Math.max(...bottom)).toBeLessThanOrEqual(400);
    expect(Math.abs(bottom[0] - bottom[1])).toBeGreaterThanOrEqual(20);
  });

  it('makes histogram bins fine enough for the narrowest variant, within 5 to 60', () => {
    const narrow = [0.92, 0.921, 0.922, 0.923, 0.924, 0.925, 0.926, 0.927];
    const wide = [0.5, 0.6, 0.7, 0.8, 0.9, 1];
    expect(binCount([narrow, wide], 0.5, 1)).toBe(60);
    expect(binCount([[1, 1, 1]], 0.9, 1.1)).toBe(10);
    expect(binCount([wide], 0.5, 1)).toBeGreaterThanOrEqual(5);
  });
});
