import type { OptimizeOutcome, OptimizeSpec } from './optimize.ts';
import type { SweepAxis } from './sweep.ts';

/**
 * When no grid point of an optimisation meets its service floor, which way to widen the grid. The
 * grid point that came closest to the floor (the highest mean of the floor's KPI in the screening)
 * shows it: if it sits at an edge of the grid on some parameter (its largest value, or its smallest),
 * the floor is more likely met beyond that edge, so the grid is extended that way by as many steps
 * as it had values, at the same spacing. If it sits inside the grid on every parameter, widening will
 * not help (more of this parameter stops paying before the floor is met): say so instead.
 */

export type GridAdvice =
  | {
      kind: 'widen';
      /** the axis to extend, by its index in the spec's axes, and which way */
      axis: number;
      parameter: string;
      direction: 'up' | 'down';
      /** the axes to try next: the extended axis's new values, the other axes as they were */
      axes: SweepAxis[];
      /** the grid point closest to the floor, and its mean of the floor's KPI */
      closest: { values: number[]; mean: number };
    }
  | { kind: 'inside'; closest: { values: number[]; mean: number } };

export function adviseWiderGrid(spec: OptimizeSpec, outcome: OptimizeOutcome): GridAdvice | null {
  const constraint = spec.constraint;
  if (!constraint || outcome.verdict !== 'infeasible') return null;
  let closest: { values: number[]; mean: number } | null = null;
  for (const row of outcome.screened) {
    const mean = row.kpis[constraint.kpi].mean;
    if (mean !== null && (closest === null || mean > closest.mean)) closest = { values: row.values, mean };
  }
  if (closest === null) return null;
  // of the parameters at whose edge the closest point sits, the one along which the floor's KPI
  // climbs most towards that edge (the step next to it), so the advice follows the data
  let best: { axis: number; direction: 'up' | 'down'; gain: number } | null = null;
  spec.axes.forEach((axis, index) => {
    const sorted = [...axis.values].sort((a, b) => a - b);
    if (sorted.length === 0) return;
    const value = closest!.values[index];
    const direction = value === sorted[sorted.length - 1] ? 'up' : value === sorted[0] && sorted[0] > 0 ? 'down' : null;
    if (direction === null) return;
    const neighbour = sorted.length > 1 ? (direction === 'up' ? sorted[sorted.length - 2] : sorted[1]) : null;
    const gain = neighbour === null ? 0 : closest!.mean - (meanAt(outcome, constraint.kpi, closest!.values, index, neighbour) ?? closest!.mean);
    if (best === null || gain > best.gain) best = { axis: index, direction, gain };
  });
  if (best === null) return { kind: 'inside', closest };
  const { axis, direction } = best as { axis: number; direction: 'up' | 'down' };
  const values = extended(spec.axes[axis].values, direction);
  if (values.length === 0) return { kind: 'inside', closest };
  const axes = spec.axes.map((each, index) => (index === axis ? { parameter: each.parameter, values } : each));
  return { kind: 'widen', axis, parameter: spec.axes[axis].parameter, direction, axes, closest };
}

/** The floor KPI's mean at the grid point that differs from `values` only on axis `index`, taking `value` there. */
function meanAt(outcome: OptimizeOutcome, kpi: NonNullable<OptimizeSpec['constraint']>['kpi'], values: number[], index: number, value: number): number | null {
  const row = outcome.screened.find((candidate) => candidate.values.every((v, i) => (i === index ? v === value : v === values[i])));
  return row?.kpis[kpi].mean ?? null;
}

/**
 * The values beyond an axis's edge: as many as the axis had (at least 3), at its mean spacing, whole
 * numbers where the axis had only whole numbers, never negative; the edge value itself first, so the
 * new grid joins the old one.
 */
export function extended(values: ReadonlyArray<number>, direction: 'up' | 'down'): number[] {
  const sorted = [...new Set(values)].sort((a, b) => a - b);
  const whole = sorted.every(Number.isInteger);
  const span = sorted[sorted.length - 1] - sorted[0];
  const edge = direction === 'up' ? sorted[sorted.length - 1] : sorted[0];
  let step = sorted.length > 1 ? span / (sorted.length - 1) : Math.max(Math.abs(edge) / 2, 1);
  if (whole) step = Math.max(1, Math.round(step));
  const count = Math.max(3, sorted.length);
  const next: number[] = [edge];
  for (let k = 1; k <= count; k++) {
    const value = direction === 'up' ? edge + k * step : edge - k * step;
    if (value < 0) break;
    next.push(whole ? Math.round(value) : Number(value.toPrecision(12)));
  }
  return next.length > 1 ? (direction === 'up' ? next : next.reverse()) : [];
}
