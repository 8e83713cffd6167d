import * as d3 from 'd3';
import type { ExperimentResult, MeanSeries } from '../../src/experiment/replicate.ts';
import { charts as text } from '../i18n/en/charts.ts';
import { addDayCursor, clamp, containerWidth, createFrame, fitText, drawAxes, showNote, spreadLabels, type LegendItem } from './chartFrame.ts';
import { axisFormat, numberLocale } from './kpiMeta.ts';
import { variantColor, variantMarker } from './palette.ts';

interface Line {
  index: number;
  name: string;
  series: MeanSeries;
}

/**
 * Active customers over time, one line per policy variant (the mean over replications with a 95%
 * band), each with its markers along the line and its name at the end, so lines are told apart
 * without colour.
 */
export function renderCustomers(container: HTMLElement, result: ExperimentResult): SVGSVGElement | null {
  if (result.variants.length > 0 && result.variants.every((v) => v.network.activeCustomers.mean === null)) {
    return showNote(container, text.noCustomerBase);
  }
  const lines: Line[] = [];
  result.variants.forEach((variant, index) => {
    const series = variant.series?.activeCustomers;
    if (series && series.mean.length > 0) lines.push({ index, name: variant.name, series });
  });
  if (lines.length === 0) return showNote(container, text.noSeries);
  const days = d3.min(lines, (l) => l.series.mean.length) ?? 0;

  const legend: LegendItem[] = lines.map((l) => ({ label: l.name, swatch: 'line', color: variantColor(l.index), symbol: variantMarker(l.index) }));
  if (result.warmupDays > 0) legend.push({ label: text.warmUp, swatch: 'rect', className: 'warmup' });
  // room on the right for the names at the lines' ends
  const longest = d3.max(lines, (l) => l.name.length) ?? 0;
  const frame = createFrame(container, {
    name: 'customers',
    title: text.customersAxisY,
    caption: [text.customersCaption(result.replications)],
    legend,
    aspect: 0.42,
    margin: { left: 92, right: clamp(longest * 8.5 + 24, 60, Math.min(220, containerWidth(container) * 0.3)) },
  });
  const { plot, innerWidth, innerHeight } = frame;

  const x = d3.scaleLinear().domain([0, Math.max(1, days - 1)]).range([0, innerWidth]);
  const top = d3.max(lines, (l) => d3.max(l.series.mean, (v, i) => v + l.series.halfWidth[i])) ?? 1;
  const bottom = d3.min(lines, (l) => d3.min(l.series.mean, (v, i) => v - l.series.halfWidth[i])) ?? 0;
  // a zero baseline unless the lines sit far above it, where it would flatten the differences
  const y = d3
    .scaleLinear()
    .domain([bottom > top * 0.5 ? bottom * 0.95 : 0, top > 0 ? top * 1.04 : 1])
    .nice()
    .range([innerHeight, 0]);

  if (result.warmupDays > 0 && result.warmupDays < days) {
    plot.append('rect').attr('class', 'warmup').attr('x', 0).attr('y', 0).attr('width', x(result.warmupDays)).attr('height', innerHeight);
  }
  drawAxes(frame, x, y, {
    xFormat: numberLocale.format(',d'),
    yFormat: axisFormat('quantity', y.domain()[0], y.domain()[1], innerHeight / 55),
    xLabel: text.dayAxis,
    yLabel: text.customersAxisY,
    xIntegers: true,
  });

  const markerEvery = Math.max(1, Math.round(days / 8));
  for (const l of lines) {
    const color = variantColor(l.index);
    const { mean, halfWidth } = l.series;
    const band = d3
      .area<number>()
      .x((_, i) => x(i))
      .y0((v, i) => y(v - halfWidth[i]))
      .y1((v, i) => y(v + halfWidth[i]));
    plot.append('path').attr('class', 'band').attr('fill', color).attr('d', band(mean.slice(0, days)));
    const line = d3
      .line<number>()
      .x((_, i) => x(i))
      .y((v) => y(v));
    plot.append('path').attr('class', 'series-line').attr('stroke', color).attr('d', line(mean.slice(0, days)));
    // markers staggered per variant so they do not sit on each other where lines meet
    const offset = Math.round(((l.index % 4) + 1) * (markerEvery / 5));
    const symbol = d3.symbol(variantMarker(l.index), 70)() ?? '';
    for (let d = offset; d < days; d += markerEvery) {
      plot.append('path').attr('class', 'series-marker').attr('d', symbol).attr('fill', color).attr('transform', `translate(${x(d)},${y(mean[d])})`);
    }
  }
  const ends = spreadLabels(
    lines.map((l) => y(l.series.mean[days - 1])),
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
      ...lines.map((l) => `${l.name}: ${numberLocale.format(',.1f')(l.series.mean[day])} ${text.plusMinus} ${numberLocale.format(',.1f')(l.series.halfWidth[day])}`),
    ],
  });
  return frame.svg.node();
}
