import * as d3 from 'd3';
import type { ExperimentResult } from '../../src/experiment/replicate.ts';
import { charts as text } from '../i18n/en/charts.ts';
import { addDayCursor, addNote, createFrame, drawAxes, showNote, type LegendItem } from './chartFrame.ts';
import { axisFormat, numberLocale } from './kpiMeta.ts';
import { variantColor } from './palette.ts';

export interface InventoryOptions {
  /** index into variants[v].stockPoints (and the series' stock points) */
  stockPoint: number;
  variant: number;
  /** one replication (replication 0) as it happened, or the mean of replications with a band */
  mode: 'single' | 'mean';
}

/** The levels one view draws, from a single run (plain numbers) or a mean over replications. */
interface Levels {
  days: number;
  onHand: number[];
  /** 95% half-width of on hand per day (mean mode only) */
  onHandHw: number[] | null;
  position: number[];
  backorders: number[];
  short: number[];
  ordered: number[];
  received: number[];
}

const STRIP_ROW = 22;
const STRIP_GAP = 12;

/**
 * Inventory over time at one stock point: on hand and inventory position as step lines (the level
 * holds until the next day's change), the policy's reorder point and order-up-to level dashed, days
 * with units short shaded, and a strip below with the days orders were placed and received. Falls
 * back to the whole network when the scenario records network totals only.
 */
export function renderInventory(container: HTMLElement, result: ExperimentResult, options: InventoryOptions): SVGSVGElement | null {
  const variant = result.variants[options.variant];
  if (!variant) return showNote(container, text.notAvailable);
  const single = options.mode === 'single';
  const picked = pickLevels(result, options);
  if (!picked) return showNote(container, text.noSeries);
  const { levels, perPoint } = picked;
  const point = perPoint ? variant.stockPoints[options.stockPoint] : undefined;
  const scope = point ? `${point.node} · ${point.product}` : text.networkScope;
  const color = variantColor(options.variant);
  const reorderPoint = point?.reorderPoint ?? null;
  const orderUpTo = point?.orderUpTo ?? null;

  const legend: LegendItem[] = [
    { label: text.onHand, swatch: 'line', color, className: 'line-onhand' },
    { label: text.position, swatch: 'line', className: 'line-position' },
  ];
  if (levels.onHandHw) legend.push({ label: text.band, swatch: 'area', color, className: 'band' });
  if (reorderPoint !== null) legend.push({ label: text.reorderPoint, swatch: 'dashed', className: 'level-reorder' });
  if (orderUpTo !== null) legend.push({ label: text.orderUpTo, swatch: 'dashed', className: 'level-orderupto' });
  legend.push({ label: single && perPoint ? text.shortDays : text.shortDaysMean, swatch: 'rect', className: 'short-day' });
  if (result.warmupDays > 0) legend.push({ label: text.warmUp, swatch: 'rect', className: 'warmup' });

  const stripHeight = 2 * STRIP_ROW + STRIP_GAP;
  const frame = createFrame(container, {
    name: 'inventory',
    title: text.inventoryCaption(scope, variant.name, single),
    caption: [text.inventoryCaption(scope, variant.name, single)],
    legend,
    aspect: 0.42,
    margin: { left: 92, right: 24, bottom: 64 + stripHeight },
  });
  const { plot, innerWidth, innerHeight } = frame;
  const days = levels.days;

  const x = d3.scaleLinear().domain([0, days]).range([0, innerWidth]);
  const upper = d3.max([
    d3.max(levels.onHand, (v, i) => v + (levels.onHandHw?.[i] ?? 0)) ?? 0,
    d3.max(levels.position) ?? 0,
    orderUpTo ?? 0,
    reorderPoint ?? 0,
  ]) ?? 0;
  const lower = Math.min(0, d3.min(levels.position) ?? 0, reorderPoint ?? 0);
  const y = d3.scaleLinear().domain([lower, upper > lower ? upper * 1.05 : lower + 1]).nice().range([innerHeight, 0]);

  // backgrounds first, so lines stay on top: warm-up, then days short
  if (result.warmupDays > 0 && result.warmupDays < days) {
    plot.append('rect').attr('class', 'warmup').attr('x', 0).attr('y', 0).attr('width', x(result.warmupDays)).attr('height', innerHeight);
  }
  // network totals are short somewhere most days: shade them by how much, like means
  const uniformShading = single && perPoint;
  drawShortDays(plot, levels.short, x, innerHeight, uniformShading);

  drawAxes(frame, x, y, {
    xFormat: numberLocale.format(',d'),
    yFormat: axisFormat('quantity', y.domain()[0], y.domain()[1], innerHeight / 55),
    xLabel: text.dayAxis,
    yLabel: text.inventoryAxisY,
    xIntegers: true,
    xAxisOffset: stripHeight,
  });

  // a final point at `days` closes the last day's step
  const extend = (values: number[]) => [...values, values[values.length - 1] ?? 0];
  if (levels.onHandHw) {
    const hw = extend(levels.onHandHw);
    const band = d3
      .area<number>()
      .curve(d3.curveStepAfter)
      .x((_, i) => x(i))
      .y0((v, i) => y(Math.max(0, v - hw[i])))
      .y1((v, i) => y(v + hw[i]));
    plot.append('path').attr('class', 'band').attr('fill', color).attr('d', band(extend(levels.onHand)));
  }
  const line = d3
    .line<number>()
    .curve(d3.curveStepAfter)
    .x((_, i) => x(i))
    .y((v) => y(v));
  plot.append('path').attr('class', 'line-position').attr('d', line(extend(levels.position)));
  plot.append('path').attr('class', 'line-onhand').attr('stroke', color).attr('d', line(extend(levels.onHand)));

  for (const [value, label, className] of [
    [reorderPoint, text.reorderPoint, 'level-reorder'],
    [orderUpTo, text.orderUpTo, 'level-orderupto'],
  ] as const) {
    if (value === null) continue;
    plot.append('line').attr('class', className).attr('x1', 0).attr('x2', innerWidth).attr('y1', y(value)).attr('y2', y(value));
    plot
      .append('text')
      .attr('class', 'level-label halo')
      .attr('x', innerWidth - 6)
      .attr('y', y(value) - 6)
      .attr('text-anchor', 'end')
      .text(`${label} ${numberLocale.format(',')(value)}`);
  }

  drawStrip(plot, levels, x, innerHeight + STRIP_GAP, single);

  const units = (v: number) => numberLocale.format(single ? ',' : ',.1f')(v);
  addDayCursor(frame, {
    // day d is the step from d to d + 1
    position: (day) => x(day + 0.5),
    dayAt: (px) => Math.floor(x.invert(px)),
    days,
    extraHeight: stripHeight,
    label: text.dayAxis,
    describe: (day) => {
      const lines = [`${text.day} ${day}`];
      const hw = levels.onHandHw?.[day];
      lines.push(`${text.onHand}: ${units(levels.onHand[day])}${hw === undefined ? '' : ` ${text.plusMinus} ${units(hw)}`}`);
      lines.push(`${text.position}: ${units(levels.position[day])}`);
      if (levels.backorders[day] > 0) lines.push(`${text.backorders}: ${units(levels.backorders[day])}`);
      if (levels.short[day] > 0) lines.push(`${text.short}: ${units(levels.short[day])}`);
      if (levels.ordered[day] > 0) lines.push(`${text.ordered}: ${units(levels.ordered[day])}`);
      if (levels.received[day] > 0) lines.push(`${text.received}: ${units(levels.received[day])}`);
      return lines;
    },
  });

  if (!perPoint) addNote(frame, text.networkFallback);
  else if (reorderPoint === null && orderUpTo === null) addNote(frame, text.noPolicyLevels);
  return frame.svg.node();
}

/** The series to draw, and whether they are the stock point's own (false: network totals). */
function pickLevels(result: ExperimentResult, options: InventoryOptions): { levels: Levels; perPoint: boolean } | null {
  if (options.mode === 'single') {
    const series = result.firstRuns[options.variant]?.series;
    if (!series) return null;
    const own = series.stockPoints?.[options.stockPoint];
    const l = own ?? series.network;
    return { perPoint: own !== undefined, levels: { days: series.days, onHandHw: null, ...pick(l) } };
  }
  const series = result.variants[options.variant]?.series;
  if (!series) return null;
  const own = series.stockPoints?.[options.stockPoint];
  const l = own ?? series.network;
  const means = {
    onHand: l.onHand.mean,
    position: l.position.mean,
    backorders: l.backorders.mean,
    short: l.short.mean,
    ordered: l.ordered.mean,
    received: l.received.mean,
  };
  return { perPoint: own !== undefined, levels: { days: series.days, onHandHw: l.onHand.halfWidth, ...means } };
}

function pick(l: Record<'onHand' | 'position' | 'backorders' | 'short' | 'ordered' | 'received', number[]>) {
  return { onHand: l.onHand, position: l.position, backorders: l.backorders, short: l.short, ordered: l.ordered, received: l.received };
}

type Plot = d3.Selection<SVGGElement, unknown, null, undefined>;
type Scale = d3.ScaleLinear<number, number>;

/**
 * Shades days with units short. One run at one point: whole spans of such days alike. Otherwise each
 * day is darker the more units were short (a day where one replication in twenty ran short is faint).
 */
function drawShortDays(plot: Plot, short: number[], x: Scale, height: number, uniform: boolean): void {
  const g = plot.append('g').attr('class', 'short-days').attr('aria-hidden', 'true');
  if (uniform) {
    let start = -1;
    for (let d = 0; d <= short.length; d++) {
      const isShort = d < short.length && short[d] > 0;
      if (isShort && start < 0) start = d;
      if (!isShort && start >= 0) {
        g.append('rect').attr('class', 'short-day').attr('x', x(start)).attr('width', x(d) - x(start)).attr('y', 0).attr('height', height);
        start = -1;
      }
    }
    return;
  }
  const max = d3.max(short) ?? 0;
  if (max <= 0) return;
  short.forEach((value, d) => {
    if (value <= 0) return;
    g.append('rect')
      .attr('class', 'short-day')
      .attr('x', x(d))
      .attr('width', x(d + 1) - x(d))
      .attr('y', 0)
      .attr('height', height)
      .attr('fill-opacity', 0.06 + 0.64 * (value / max));
  });
}

/**
 * Two rows under the plot: days with orders placed and days with receipts. One run: a marker on each
 * such day. Means: a bar per day, as tall as the mean units over the row's largest.
 */
function drawStrip(plot: Plot, levels: Levels, x: Scale, top: number, single: boolean): void {
  const rows = [
    { values: levels.ordered, label: text.ordered, className: 'mark-ordered', rotate: 0 },
    { values: levels.received, label: text.received, className: 'mark-received', rotate: 180 },
  ];
  const strip = plot.append('g').attr('class', 'event-strip').attr('aria-hidden', 'true');
  rows.forEach((row, r) => {
    const y0 = top + r * STRIP_ROW;
    strip.append('text').attr('class', 'strip-label').attr('x', -8).attr('y', y0 + STRIP_ROW / 2).attr('dy', '0.35em').attr('text-anchor', 'end').text(row.label);
    strip.append('line').attr('class', 'strip-base').attr('x1', x.range()[0]).attr('x2', x.range()[1]).attr('y1', y0 + STRIP_ROW - 2).attr('y2', y0 + STRIP_ROW - 2);
    const g = strip.append('g').attr('class', row.className);
    if (single) {
      const symbol = d3.symbol(d3.symbolTriangle, 40)() ?? '';
      row.values.forEach((value, d) => {
        if (value > 0) g.append('path').attr('d', symbol).attr('transform', `translate(${x(d + 0.5)},${y0 + STRIP_ROW / 2}) rotate(${row.rotate})`);
      });
      return;
    }
    const max = d3.max(row.values) ?? 0;
    if (max <= 0) return;
    const barWidth = Math.max(1, x(1) - x(0) - 0.5);
    row.values.forEach((value, d) => {
      if (value <= 0) return;
      const h = Math.max(1, (value / max) * (STRIP_ROW - 4));
      g.append('rect').attr('x', x(d)).attr('width', barWidth).attr('y', y0 + STRIP_ROW - 2 - h).attr('height', h);
    });
  });
}
