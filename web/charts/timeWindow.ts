/**
 * The days a time chart shows, as a window [start, end) in whole days within a run of `days` days
 * (null: the whole run). Pure arithmetic for the inventory chart's window selector, its Earlier /
 * Later buttons and its brush, so it is tested in Node.
 */
export type DayWindow = [number, number];

/** The window presets offered, in days (each offered only when shorter than the run). */
export const WINDOW_PRESETS = [90, 30, 7] as const;

/** The shortest window the brush may select, in days. */
export const MIN_WINDOW_DAYS = 3;

/**
 * A window `span` days long centred on `centre` (a day, fractional allowed), moved inside the run;
 * null (the whole run) when `span` covers it.
 */
export function windowAround(days: number, span: number, centre: number): DayWindow | null {
  if (span >= days) return null;
  const start = Math.min(days - span, Math.max(0, Math.round(centre - span / 2)));
  return [start, start + span];
}

/** The window's middle day (the run's middle for the whole run). */
export function centreOf(days: number, window: DayWindow | null): number {
  const [start, end] = window ?? [0, days];
  return (start + end) / 2;
}

/** The window moved by half its span, earlier (-1) or later (+1), stopping at the run's ends. */
export function shiftWindow(days: number, window: DayWindow | null, direction: -1 | 1): DayWindow | null {
  if (!window) return null;
  const span = window[1] - window[0];
  return windowAround(days, span, centreOf(days, window) + direction * Math.max(1, Math.round(span / 2)));
}

/** Whether the window can move that way (false at the run's end, or for the whole run). */
export function canShift(days: number, window: DayWindow | null, direction: -1 | 1): boolean {
  if (!window) return false;
  return direction < 0 ? window[0] > 0 : window[1] < days;
}

/**
 * A window from a brushed range of fractional days: rounded to whole days, at least MIN_WINDOW_DAYS
 * (or the run) long, inside the run; null when it covers the whole run.
 */
export function snapWindow(days: number, from: number, to: number): DayWindow | null {
  const low = Math.min(from, to);
  const high = Math.max(from, to);
  let start = Math.max(0, Math.round(low));
  let end = Math.min(days, Math.round(high));
  const min = Math.min(days, MIN_WINDOW_DAYS);
  if (end - start < min) return windowAround(days, min, (low + high) / 2);
  if (start <= 0 && end >= days) return null;
  start = Math.max(0, start);
  end = Math.min(days, end);
  return [start, end];
}

/** The preset a window matches (its span), or null for the whole run, or 'custom' (a brushed span). */
export function presetOf(window: DayWindow | null): number | 'custom' | null {
  if (!window) return null;
  const span = window[1] - window[0];
  return (WINDOW_PRESETS as readonly number[]).includes(span) ? span : 'custom';
}

/** A window kept valid for a run of `days` days (after a new result, or a shorter run): null if none is left. */
export function fitWindow(days: number, window: DayWindow | null): DayWindow | null {
  if (!window) return null;
  const span = Math.min(days, window[1] - window[0]);
  return windowAround(days, span, centreOf(days, window));
}
