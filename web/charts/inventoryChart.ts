import * as d3 from 'd3';
import type { ExperimentResult } from '../../src/experiment/replicate.ts';
import type { RunSeries } from '../../src/experiment/run.ts';
import { charts as text } from '../i18n/strings.ts';
import { addDayCursor, addNote, createFrame, drawAxes, showNote, type LegendItem } from './chartFrame.ts';
import { axisFormat, numberLocale } from './kpiMeta.ts';
import { variantColor } from './palette.ts';
import { snapWindow, type DayWindow } from './timeWindow.ts';

export interface InventoryOptions {
  /** index into variants[v].stockPoints (and the series' stock points) */
  stockPoint: number;
  variant: number;
  /** one replication as it happened, or the mean of replications with a band */
  mode: 'single' | 'mean';
  /**
   * single mode: the replication shown (0-based) and its daily series (SimApi.runOneReplication);
   * without it, replication 0 as the experiment kept it (result.firstRuns)
   */
  run?: { replication: number; series: RunSeries | null };
  /** the days shown, [start, end) (null or absent: the whole run) */
  window?: DayWindow | null;
  /** called as the brush under the chart changes the days shown (null: the whole run) */
  onWindow?: (window: DayWindow | null) => void;
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
/** the overview under the axis: the whole run, with a brush choosing the days shown above */
const OVERVIEW_TOP = 66;
const OVERVIEW_HEIGHT = 34;
let clipIds = 0;

/**
 * Inventory over time at one stock point: on hand and inventory position as step lines (the level
 * holds until the next day's change), the policy's reorder point and order-up-to level dashed, days
 * with units short shaded, and a strip below with the days orders were placed and received. Falls
 * back to the whole network when the scenario records network totals only. Shading says what it
 * measures: in one replication, the days short (each day as dark as its units short for network
 * totals); over replications, the mean units short that day, darker for more, and labelled so.
 *
 * Under the axis an overview of the whole run carries a brush: dragging it (or its edges) picks the
 * days shown above, the axis ticks following; the dashboard's window selector and Earlier / Later
 * buttons set `window` from the keyboard.
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
  const replication = single ? options.run?.replication ?? 0 : null;
  legend.push({
    label: single ? (perPoint ? text.shortDays : text.shortUnitsNetworkDay) : text.shortUnitsMeanDay(result.replications),
    swatch: 'rect',
    className: 'short-day',
  });
  if (result.warmupDays > 0) legend.push({ label: text.warmUp, swatch: 'rect', className: 'warmup' });

  const stripHeight = 2 * STRIP_ROW + STRIP_GAP;
  const caption = replication === null ? text.inventoryCaption(scope, variant.name, false) : text.inventoryCaptionReplication(scope, variant.name, replication + 1, result.replications);
  const frame = createFrame(container, {
    name: 'inventory',
    title: caption,
    caption: [caption],
    legend,
    aspect: 0.42,
    margin: { left: 92, right: 24, bottom: 64 + stripHeight + OVERVIEW_TOP - 50 + OVERVIEW_HEIGHT + 8 },
  });
  const { plot, innerWidth, innerHeight } = frame;
  const days = levels.days;

  // the whole run, and the days shown (the window); `x` follows the brush
  const full = d3.scaleLinear().domain([0, days]).range([0, innerWidth]);
  const window = options.window && options.window[1] <= days ? options.window : null;
  let x = full.copy().domain(window ?? [0, days]);
  const upper = d3.max([
    d3.max(levels.onHand, (v, i) => v + (levels.onHandHw?.[i] ?? 0)) ?? 0,
    d3.max(levels.position) ?? 0,
    orderUpTo ?? 0,
    reorderPoint ?? 0,
  ]) ?? 0;
  const lower = Math.min(0, d3.min(levels.position) ?? 0, reorderPoint ?? 0);
  const y = d3.scaleLinear().domain([lower, upper > lower ? upper * 1.05 : lower + 1]).nice().range([innerHeight, 0]);

  // what moves with the window is drawn in a layer clipped to the plot and the strip, drawn again as the window changes
  const clipId = `stocklab-inventory-clip-${++clipIds}`;
  frame.svg.append('defs').append('clipPath').attr('id', clipId).append('rect').attr('x', 0).attr('y', 0).attr('width', innerWidth).attr('height', innerHeight + stripHeight);
  const backgrounds = plot.append('g').attr('class', 'time-layer').attr('clip-path', `url(#${clipId})`);

  drawAxes(frame, x, y, {
    xFormat: numberLocale.format(',d'),
    yFormat: axisFormat('quantity', y.domain()[0], y.domain()[1], innerHeight / 55),
    xLabel: text.dayAxis,
    yLabel: text.inventoryAxisY,
    xIntegers: true,
    xAxisOffset: stripHeight,
  });

  const lines = plot.append('g').attr('class', 'time-layer').attr('clip-path', `url(#${clipId})`);
  // network totals are short somewhere most days: shade them by how much, like means
  const uniformShading = single && perPoint;
  // a final point at `days` closes the last day's step
  const extend = (values: number[]) => [...values, values[values.length - 1] ?? 0];
  const drawTime = () => {
    backgrounds.selectChildren().remove();
    lines.selectChildren().remove();
    // backgrounds first, so lines stay on top: warm-up, then days short
    if (result.warmupDays > 0 && result.warmupDays < days) {
      backgrounds.append('rect').attr('class', 'warmup').attr('x', x(0)).attr('y', 0).attr('width', x(result.warmupDays) - x(0)).attr('height', innerHeight);
    }
    drawShortDays(backgrounds, levels.short, x, innerHeight, uniformShading);
    if (levels.onHandHw) {
      const hw = extend(levels.onHandHw);
      const band = d3
        .area<number>()
        .curve(d3.curveStepAfter)
        .x((_, i) => x(i))
        .y0((v, i) => y(Math.max(0, v - hw[i])))
        .y1((v, i) => y(v + hw[i]));
      lines.append('path').attr('class', 'band').attr('fill', color).attr('d', band(extend(levels.onHand)));
    }
    const line = d3
      .line<number>()
      .curve(d3.curveStepAfter)
      .x((_, i) => x(i))
      .y((v) => y(v));
    lines.append('path').attr('class', 'line-position').attr('d', line(extend(levels.position)));
    lines.append('path').attr('class', 'line-onhand').attr('stroke', color).attr('d', line(extend(levels.onHand)));
    drawStripMarks(lines, levels, x, innerHeight + STRIP_GAP, single);
  };
  drawTime();

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

  drawStripRows(plot, innerWidth, innerHeight + STRIP_GAP);

  const xFormat = numberLocale.format(',d');
  const xAxis = plot.select<SVGGElement>('.axis-x');
  const redrawAxis = () => {
    const ticks = x.ticks(Math.max(2, Math.floor(innerWidth / 100))).filter((tick) => Number.isInteger(tick));
    xAxis.call(d3.axisBottom(x).tickValues(ticks).tickFormat((d) => xFormat(Number(d))).tickSizeOuter(0));
  };
  redrawAxis();
  drawOverview(frame.plot, {
    full,
    window,
    top: innerHeight + stripHeight + OVERVIEW_TOP,
    width: innerWidth,
    onHand: extend(levels.onHand),
    onBrush: (shown, done) => {
      x = full.copy().domain(shown ?? [0, days]);
      drawTime();
      redrawAxis();
      if (done) options.onWindow?.(shown);
    },
  });

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
      if (levels.short[day] > 0) lines.push(`${single ? text.short : text.shortMean}: ${units(levels.short[day])}`);
      if (levels.ordered[day] > 0) lines.push(`${text.ordered}: ${units(levels.ordered[day])}`);
      if (levels.received[day] > 0) lines.push(`${text.received}: ${units(levels.received[day])}`);
      return lines;
    },
  });

  // the cursor's line clipped to the days shown, as the lines are (the keyboard may move it past them)
  const cursorLayer = plot.append('g').attr('clip-path', `url(#${clipId})`).node()!;
  const rule = plot.select<SVGLineElement>('.day-cursor').node();
  if (rule) cursorLayer.append(rule);

  if (!perPoint) addNote(frame, text.networkFallback);
  else if (reorderPoint === null && orderUpTo === null) addNote(frame, text.noPolicyLevels);
  return frame.svg.node();
}

/** The series to draw, and whether they are the stock point's own (false: network totals). */
function pickLevels(result: ExperimentResult, options: InventoryOptions): { levels: Levels; perPoint: boolean } | null {
  if (options.mode === 'single') {
    const series = options.run ? options.run.series : result.firstRuns[options.variant]?.series;
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

/** The strip's two rows under the plot (labels and base lines), which do not move with the window. */
function drawStripRows(plot: Plot, width: number, top: number): void {
  const strip = plot.append('g').attr('class', 'event-strip').attr('aria-hidden', 'true');
  [text.ordered, text.received].forEach((label, r) => {
    const y0 = top + r * STRIP_ROW;
    strip.append('text').attr('class', 'strip-label').attr('x', -8).attr('y', y0 + STRIP_ROW / 2).attr('dy', '0.35em').attr('text-anchor', 'end').text(label);
    strip.append('line').attr('class', 'strip-base').attr('x1', 0).attr('x2', width).attr('y1', y0 + STRIP_ROW - 2).attr('y2', y0 + STRIP_ROW - 2);
  });
}

/**
 * The strip's marks: days with orders placed and days with receipts. One run: a marker on each such
 * day. Means: a bar per day, as tall as the mean units over the row's largest.
 */
function drawStripMarks(layer: Plot, levels: Levels, x: Scale, top: number, single: boolean): void {
  const rows = [
    { values: levels.ordered, className: 'mark-ordered', rotate: 0 },
    { values: levels.received, className: 'mark-received', rotate: 180 },
  ];
  const [from, to] = x.domain();
  const shown = (d: number) => d + 1 > from && d < to;
  rows.forEach((row, r) => {
    const y0 = top + r * STRIP_ROW;
    const g = layer.append('g').attr('class', row.className).attr('aria-hidden', 'true');
    if (single) {
      const symbol = d3.symbol(d3.symbolTriangle, 40)() ?? '';
      row.values.forEach((value, d) => {
        if (value > 0 && shown(d)) g.append('path').attr('d', symbol).attr('transform', `translate(${x(d + 0.5)},${y0 + STRIP_ROW / 2}) rotate(${row.rotate})`);
      });
      return;
    }
    const max = d3.max(row.values) ?? 0;
    if (max <= 0) return;
    const barWidth = Math.max(1, x(1) - x(0) - 0.5);
    row.values.forEach((value, d) => {
      if (value <= 0 || !shown(d)) return;
      const h = Math.max(1, (value / max) * (STRIP_ROW - 4));
      g.append('rect').attr('x', x(d)).attr('width', barWidth).attr('y', y0 + STRIP_ROW - 2 - h).attr('height', h);
    });
  });
}

/**
 * The whole run in small under the axis (on hand as an area) with a brush: its selection is the
 * window shown above. Dragging the selection pans, dragging an edge or a new range zooms; a click
 * outside the selection shows the whole run again. `onBrush` gets the days (null: the whole run) as
 * the brush moves, `done` true when it is let go.
 */
function drawOverview(
  plot: Plot,
  options: { full: Scale; window: DayWindow | null; top: number; width: number; onHand: number[]; onBrush: (window: DayWindow | null, done: boolean) => void },
): void {
  const { full, top, width } = options;
  const days = full.domain()[1];
  const g = plot.append('g').attr('class', 'overview').attr('transform', `translate(0,${top})`);
  g.append('text').attr('class', 'strip-label').attr('x', -8).attr('y', OVERVIEW_HEIGHT / 2).attr('dy', '0.35em').attr('text-anchor', 'end').text(text.overviewLabel);
  const y = d3.scaleLinear().domain([Math.min(0, d3.min(options.onHand) ?? 0), Math.max(1, d3.max(options.onHand) ?? 1)]).range([OVERVIEW_HEIGHT - 2, 2]);
  const area = d3
    .area<number>()
    .curve(d3.curveStepAfter)
    .x((_, i) => full(i))
    .y0(y(0))
    .y1((v) => y(v));
  g.append('rect').attr('class', 'overview-frame').attr('width', width).attr('height', OVERVIEW_HEIGHT);
  g.append('path').attr('class', 'overview-area').attr('aria-hidden', 'true').attr('d', area(options.onHand));
  const brush = d3
    .brushX()
    .extent([
      [0, 0],
      [width, OVERVIEW_HEIGHT],
    ])
    .on('brush end', (event: d3.D3BrushEvent<unknown>) => {
      // a move made here (snapping, or the initial window) is not the person's: nothing to report
      if (!event.sourceEvent) return;
      const selection = event.selection as [number, number] | null;
      const window = selection ? snapWindow(days, full.invert(selection[0]), full.invert(selection[1])) : null;
      options.onBrush(window, event.type === 'end');
      if (event.type === 'end') brushed.call(brush.move, window ? [full(window[0]), full(window[1])] : null);
    });
  const brushed = g.append('g').attr('class', 'overview-brush').call(brush);
  // the brush's overlay is for the pointer; the keyboard has the window selector and its buttons
  brushed.selectAll('rect').attr('aria-hidden', 'true');
  if (options.window) brushed.call(brush.move, [full(options.window[0]), full(options.window[1])]);
  g.append('title').text(text.overviewHelp);
}
