import type { Occurrence } from '../scenario/schema.ts';
import type { RandomStream } from '../random/streams.ts';
import { createSampler } from '../random/distributions/sampler.ts';
import { exponentialGap } from '../math/libm.ts';

export interface TimeWindow {
  start: number;
  end: number;
}

/**
 * The windows [start, end) in which an occurrence is active during [0, horizon). A scheduled window is
 * taken as written; random ones are a Poisson process of start times (ratePerYear per 365 days) with
 * drawn durations, drawn from the occurrence's own stream so every policy variant meets the same
 * disruptions and shocks.
 */
export function drawWindows(occurrence: Occurrence, horizon: number, stream: RandomStream): TimeWindow[] {
  if (occurrence.type === 'scheduled') {
    return occurrence.start < horizon ? [{ start: occurrence.start, end: occurrence.end }] : [];
  }
  const duration = createSampler(occurrence.duration, stream, { nonNegative: true });
  const meanGap = 365 / occurrence.ratePerYear;
  const windows: TimeWindow[] = [];
  let time = 0;
  for (;;) {
    time += exponentialGap(stream()) * meanGap;
    if (time >= horizon) break;
    windows.push({ start: time, end: time + duration.sample() });
  }
  return windows;
}
