import * as d3 from 'd3';
import type { KpiKind } from '../../src/metrics/kpis.ts';
import { charts as text } from '../i18n/strings.ts';
import { addDayCursor, clamp, containerWidth, createFrame, drawAxes, fitText, spreadLabels, type LegendItem } from './chartFrame.ts';
import { axisFormat, numberLocale } from './kpiMeta.ts';
import { variantColor, variantMarker } from './palette.ts';

/** One policy variant's daily values: the mean over replications and its 95% half-width (none: no band). */
export interface DailyLine {
  /** the variant's index (its colour and marker) */
  index: number;
  name: string;
  /** one value per day; NaN where there is none (a gap in the line) */
  mean: number[];
  halfWidth: number[] | null;
}

export interface DailySeriesOptions {
  /** chart kind, added as a class ("customers", "on-time-delivery"…) */
  name: string;
  /** the y axis title, with its unit; also the SVG's title */
  yLabel: string;
  caption: string[];
  /** how values read: 'ratio' as percentages, else plain numbers */
  kind: Extract<KpiKind, 'ratio' | 'quantity'>;
  warmupDays: number;
  /** the y domain from the lowest and highest values shown (bands included) */
  yDomain: (low: number, high: number) => [number, number];
  /** the tooltip's value for a day: "1,234.5 ± 3.2" */
  describe: (mean: number, halfWidth: number | null) => string;
  /** the tooltip's text where a line has no value (NaN) */
  missing?: string;
}

/**
 * A time series per policy variant: a line (with its 95% band when there is one), markers along it
 * and the variant's name at its end, so lines are told apart without colour; the warm-up shaded; a
 * day cursor (pointer or keyboard) whose tooltip gives every variant's value that day.
 */
export function renderDailySeries(container: HTMLElement, lines: DailyLine[], options: DailySeriesOptions): SVGSVGElement {
  const days = d3.min(lines, (l) => l.mean.length) ?? 0;
  const legend: LegendItem[] = lines.map((l) => ({ label: l.name, swatch: 'line', color: variantColor(l.index), symbol: variantMarker(l.index) }));
  if (options.warmupDays > 0) legend.push({ label: text.warmUp, swatch: 'rect', className: 'warmup' });
  // room on the right for the names at the lines' ends
  const longest = d3.max(lines, (l) => l.name.length) ?? 0;
  const frame = createFrame(container, {
    name: options.name,
    title: options.yLabel,
    caption: options.caption,
    legend,
    aspect: 0.42,
    margin: { left: 92, right: clamp(longest * 8.5 + 24, 60, Math.min(220, containerWidth(container) * 0.3)) },
  });
  const { plot, innerWidth, innerHeight } = frame;
  const finite = (v: number) => Number.isFinite(v);
  const hw = (l: DailyLine, i: number) => (l.halfWidth ? l.halfWidth[i] : 0);

  const x = d3.scaleLinear().domain([0, Math.max(1, days - 1)]).range([0, innerWidth]);
  const high = d3.max(lines, (l) => d3.max(l.mean.slice(0, days), (v, i) => (finite(v) ? v + hw(l, i) : undefined))) ?? 1;
  const low = d3.min(lines, (l) => d3.min(l.mean.slice(0, days), (v, i) => (finite(v) ? v - hw(l, i) : undefined))) ?? 0;
  const y = d3.scaleLinear().domain(options.yDomain(low, high)).nice().range([innerHeight, 0]);

  if (options.warmupDays > 0 && options.warmupDays < days) {
    plot.append('rect').attr('class', 'warmup').attr('x', 0).attr('y', 0).attr('width', x(options.warmupDays)).attr('height', innerHeight);
  }
  drawAxes(frame, x, y, {
    xFormat: numberLocale.format(',d'),
    yFormat: axisFormat(options.kind, y.domain()[0], y.domain()[1], innerHeight / 55),
    xLabel: text.dayAxis,
    yLabel: options.yLabel,
    xIntegers: true,
  });

  // values outside the axis (a band below 0) are drawn at its edge
  const [yMin, yMax] = y.domain();
  const at = (v: number) => y(clamp(v, yMin, yMax));
  const markerEvery = Math.max(1, Math.round(days / 8));
  for (const l of lines) {
    const color = variantColor(l.index);
    const mean = l.mean.slice(0, days);
    if (l.halfWidth) {
      const halfWidth = l.halfWidth;
      const band = d3
        .area<number>()
        .defined(finite)
        .x((_, i) => x(i))
        .y0((v, i) => at(v - halfWidth[i]))
        .y1((v, i) => at(v + halfWidth[i]));
      plot.append('path').attr('class', 'band').attr('fill', color).attr('d', band(mean));
    }
    const line = d3
      .line<number>()
      .defined(finite)
      .x((_, i) => x(i))
      .y((v) => at(v));
    plot.append('path').attr('class', 'series-line').attr('stroke', color).attr('data-variant', l.name).attr('d', line(mean));
    // markers staggered per variant so they do not sit on each other where lines meet
    const offset = Math.round(((l.index % 4) + 1) * (markerEvery / 5));
    const symbol = d3.symbol(variantMarker(l.index), 70)() ?? '';
    for (let d = offset; d < days; d += markerEvery) {
      if (!finite(mean[d])) continue;
      plot.append('path').attr('class', 'series-marker').attr('d', symbol).attr('fill', color).attr('transform', `translate(${x(d)},${at(mean[d])})`);
    }
  }
  const lastValue = (l: DailyLine) => {
    for (let d = days - 1; d >= 0; d--) if (finite(l.mean[d])) return l.mean[d];
    return yMin;
  };
  const ends = spreadLabels(
    lines.map((l) => at(lastValue(l))),
    20,
    8,
    innerHeight,
  );
  lines.forEach((l, k) => {
    const label = plot.append('text').attr('class', 'line-end-label halo').attr('x', innerWidth + 8).attr('y', ends[k]).attr('dy', '0.35em').text(l.name);
    // the legend has the full name when the margin is too narrow for it
    fitText(label.node()!, frame.margin.right - 10);
  });

  addDayCursor(frame, {
    position: (day) => x(day),
    dayAt: (px) => Math.round(x.invert(px)),
    days,
    label: text.dayAxis,
    describe: (day) => [
      `${text.day} ${day}`,
      ...lines.map((l) => `${l.name}: ${finite(l.mean[day]) ? options.describe(l.mean[day], l.halfWidth ? l.halfWidth[day] : null) : (options.missing ?? '—')}`),
    ],
  });
  return frame.svg.node()!;
}
