import { numberLocale } from '../i18n/numberFormat.ts';

/**
 * How policy parameters and levels are written on screen (sweep labels, heatmap axes, frontier point
 * labels, tooltips): rounded as a planner writes them, "Order-up-to level 1,624", never
 * 1,624.20943212. Whole numbers from 100 up; three significant digits below (12.5, 1.65, 0.25);
 * trailing zeros dropped; at most MAX_PARAMETER_DECIMALS decimals.
 */
export const MAX_PARAMETER_DECIMALS = 6;

/** Decimals for a parameter of this size (before trailing zeros are dropped). */
export function parameterDecimals(value: number): number {
  const size = Math.abs(value);
  if (!Number.isFinite(size) || size === 0 || size >= 100) return 0;
  return Math.min(MAX_PARAMETER_DECIMALS, Math.max(0, 2 - Math.floor(Math.log10(size))));
}

function formatAt(value: number, decimals: number): string {
  return numberLocale.format(`,.${Math.min(MAX_PARAMETER_DECIMALS, decimals)}~f`)(value);
}

/** A parameter's value as people write it: "1,624", "12.5", "1.65", "0.25". */
export function formatParameter(value: number): string {
  return formatAt(value, parameterDecimals(value));
}

/**
 * The format for a set of parameter values shown side by side (a sweep's grid along an axis): the
 * rounding of formatParameter, with one more decimal at a time (up to MAX_PARAMETER_DECIMALS) until
 * values that differ read differently (1,624.2 and 1,624.4 on one grid stay apart).
 */
export function parameterFormat(values: readonly number[]): (value: number) => string {
  const distinct = [...new Set(values)];
  for (let extra = 0; extra <= MAX_PARAMETER_DECIMALS; extra++) {
    const format = (value: number) => formatAt(value, parameterDecimals(value) + extra);
    if (new Set(distinct.map(format)).size === distinct.length) return format;
  }
  return (value) => formatAt(value, MAX_PARAMETER_DECIMALS);
}
