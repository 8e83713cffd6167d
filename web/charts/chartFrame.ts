import * as d3 from 'd3';

/**
 * What every chart shares: a wrapper sized to its container, an SVG with a caption and a legend at
 * the top (inside the SVG, so an export keeps them), axes with titles, a tooltip, a keyboard-operable
 * day cursor for time series, and the "not available" note. Sizes are in CSS pixels; fonts are set by
 * charts.css classes, large enough for a projector.
 */

export type Svg = d3.Selection<SVGSVGElement, unknown, null, undefined>;
export type Group = d3.Selection<SVGGElement, unknown, null, undefined>;

export interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface LegendItem {
  label: string;
  /** how the swatch looks: a line, a filled band, a marker, or a shaded rectangle */
  swatch: 'line' | 'dashed' | 'area' | 'marker' | 'rect';
  /** a data colour (a variant's); otherwise the class styles it */
  color?: string;
  className?: string;
  symbol?: d3.SymbolType;
}

export interface Frame {
  wrapper: HTMLDivElement;
  svg: Svg;
  /** the plot area, translated by the margins */
  plot: Group;
  width: number;
  height: number;
  margin: Margin;
  innerWidth: number;
  innerHeight: number;
  tooltip: Tooltip;
}

export interface FrameOptions {
  /** chart kind, added as a class: "frontier", "inventory"… */
  name: string;
  /** what the chart shows, for screen readers and as the SVG's <title> */
  title: string;
  /** lines of small text above the legend (what is plotted; kept in exports) */
  caption?: string[];
  legend?: LegendItem[];
  /** plot height as a share of the width, clamped to [minHeight, maxHeight] */
  aspect?: number;
  minHeight?: number;
  maxHeight?: number;
  /** a fixed plot height (overrides aspect): diagrams that grow with their content */
  plotHeight?: number;
  margin?: Partial<Omit<Margin, 'top'>>;
}

const FALLBACK_WIDTH = 720;
const LEGEND_ROW = 26;
const CAPTION_ROW = 22;

/** Clears the container and lays out an SVG chart sized to the container's current width. */
export function createFrame(container: HTMLElement, options: FrameOptions): Frame {
  container.replaceChildren();
  const wrapper = document.createElement('div');
  wrapper.className = `stocklab-chart chart-${options.name}`;
  container.append(wrapper);
  const width = containerWidth(container);
  const margin: Margin = { top: 8, right: 24, bottom: 64, left: 84, ...options.margin };

  const svg = d3
    .select(wrapper)
    .append('svg')
    .attr('class', 'chart-svg')
    .attr('role', 'group')
    .attr('aria-label', options.title)
    .attr('width', width);
  svg.append('title').text(options.title);

  let y = 8;
  for (const line of options.caption ?? []) {
    const caption = svg.append('text').attr('class', 'chart-caption').attr('x', 12).attr('y', y + 15);
    y += wrapText(caption.node()!, line, width - 24, 13) * CAPTION_ROW;
  }
  if (options.legend && options.legend.length > 0) y = drawLegend(svg, options.legend, 12, y + 4, width - 24) + 4;
  margin.top = y + 12;

  const plotHeight =
    options.plotHeight ?? clamp(Math.round(width * (options.aspect ?? 0.45)), options.minHeight ?? 260, options.maxHeight ?? 460);
  const height = margin.top + plotHeight + margin.bottom;
  svg.attr('height', height).attr('viewBox', `0 0 ${width} ${height}`);
  const plot = svg.append('g').attr('class', 'plot').attr('transform', `translate(${margin.left},${margin.top})`);
  return {
    wrapper,
    svg,
    plot,
    width,
    height,
    margin,
    innerWidth: width - margin.left - margin.right,
    innerHeight: plotHeight,
    tooltip: createTooltip(wrapper),
  };
}

/** The width a chart drawn in this container gets (at least 320 px; 720 px when hidden). */
export function containerWidth(container: HTMLElement): number {
  return Math.max(320, Math.floor(container.clientWidth || FALLBACK_WIDTH));
}

export const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, value));

/** Clears the container and says, in a short sentence, why there is no chart. Returns null for the caller. */
export function showNote(container: HTMLElement, message: string): null {
  container.replaceChildren();
  container.append(noteElement(message));
  return null;
}

/** A note under a chart (not in its SVG). */
export function addNote(frame: Frame, message: string): void {
  frame.wrapper.append(noteElement(message));
}

function noteElement(message: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.className = 'chart-note';
  p.textContent = message;
  return p;
}

/**
 * Writes `content` into a text element, breaking it into lines (tspans) at spaces so that none is
 * wider than `maxWidth` (a narrow screen); returns the number of lines.
 */
export function wrapText(node: SVGTextElement, content: string, maxWidth: number, fontSize = 15): number {
  const x = node.getAttribute('x') ?? '0';
  node.textContent = content;
  if (textWidth(node, fontSize) <= maxWidth) return 1;
  node.textContent = '';
  let lines = 0;
  let line: SVGTSpanElement | null = null;
  for (const word of content.split(' ')) {
    if (line) {
      const before = line.textContent ?? '';
      line.textContent = `${before} ${word}`;
      if (textWidth(line, fontSize) <= maxWidth) continue;
      line.textContent = before;
    }
    line = document.createElementNS('http://www.w3.org/2000/svg', 'tspan');
    line.setAttribute('x', x);
    line.setAttribute('dy', lines === 0 ? '0' : '1.35em');
    line.textContent = word;
    node.append(line);
    lines++;
  }
  return lines;
}

/** Shortens a text element's content with "…" until it is at most `maxWidth` wide. */
export function fitText(node: SVGTextContentElement, maxWidth: number): void {
  const full = node.textContent ?? '';
  let keep = full.length;
  while (keep > 1 && textWidth(node) > maxWidth) node.textContent = `${full.slice(0, --keep)}…`;
}

/** Width of a text in the SVG, measured when laid out, estimated otherwise (a hidden container). */
export function textWidth(node: SVGTextContentElement, fallbackFontSize = 15): number {
  const measured = node.getComputedTextLength();
  return measured > 0 ? measured : (node.textContent ?? '').length * fallbackFontSize * 0.58;
}

/** Draws the legend in rows that wrap at `maxWidth`; returns the y below it. */
export function drawLegend(svg: Svg, items: LegendItem[], x0: number, y0: number, maxWidth: number): number {
  const legend = svg.append('g').attr('class', 'chart-legend').attr('role', 'list');
  let x = x0;
  let y = y0;
  for (const item of items) {
    const g = legend.append('g').attr('role', 'listitem');
    drawSwatch(g, item);
    const label = g.append('text').attr('x', 34).attr('y', 5).attr('dominant-baseline', 'middle').text(item.label);
    const itemWidth = 34 + textWidth(label.node()!) + 22;
    if (x > x0 && x + itemWidth > x0 + maxWidth) {
      x = x0;
      y += LEGEND_ROW;
    }
    g.attr('transform', `translate(${x},${y + 8})`);
    x += itemWidth;
  }
  return y + LEGEND_ROW;
}

function drawSwatch(g: Group, item: LegendItem): void {
  const swatch = g.append('g').attr('class', `legend-swatch ${item.className ?? ''}`);
  const color = item.color ?? null;
  switch (item.swatch) {
    case 'line':
    case 'dashed':
      swatch
        .append('line')
        .attr('class', item.swatch === 'dashed' ? 'swatch-line dashed' : 'swatch-line')
        .attr('x1', 0)
        .attr('x2', 26)
        .attr('y1', 5)
        .attr('y2', 5)
        .attr('stroke', color);
      break;
    case 'area':
      swatch.append('rect').attr('class', 'swatch-area').attr('x', 0).attr('y', -3).attr('width', 26).attr('height', 16).attr('fill', color);
      break;
    case 'rect':
      swatch.append('rect').attr('class', 'swatch-rect').attr('x', 4).attr('y', -3).attr('width', 18).attr('height', 16).attr('fill', color);
      break;
    case 'marker':
      break;
  }
  if (item.symbol) {
    swatch
      .append('path')
      .attr('class', 'swatch-marker')
      .attr('d', d3.symbol(item.symbol, 80)())
      .attr('transform', 'translate(13,5)')
      .attr('fill', color);
  }
}

export interface AxesOptions {
  xFormat: (value: number) => string;
  yFormat: (value: number) => string;
  xLabel: string;
  yLabel: string;
  /** integer ticks only (days, replications) */
  xIntegers?: boolean;
  yIntegers?: boolean;
  /** extra space under the plot before the x axis (a strip of markers) */
  xAxisOffset?: number;
}

type Linear = d3.ScaleLinear<number, number>;

/** Bottom and left axes with titles, and light horizontal grid lines for reading values across. */
export function drawAxes(frame: Frame, x: Linear, y: Linear, options: AxesOptions): void {
  drawYAxis(frame, y, { format: options.yFormat, label: options.yLabel, integers: options.yIntegers });
  drawXAxis(frame, x, { format: options.xFormat, label: options.xLabel, integers: options.xIntegers, offset: options.xAxisOffset });
}

export function drawXAxis(frame: Frame, x: Linear, options: { format: (value: number) => string; label: string; integers?: boolean; offset?: number }): void {
  const { plot, innerWidth, innerHeight } = frame;
  const ticks = integerTicks(x, Math.max(2, Math.floor(innerWidth / 100)), options.integers);
  const offset = options.offset ?? 0;
  plot
    .append('g')
    .attr('class', 'axis axis-x')
    .attr('transform', `translate(0,${innerHeight + offset})`)
    .call(d3.axisBottom(x).tickValues(ticks).tickFormat((d) => options.format(Number(d))).tickSizeOuter(0));
  plot
    .append('text')
    .attr('class', 'axis-title')
    .attr('x', innerWidth / 2)
    .attr('y', innerHeight + offset + 50)
    .attr('text-anchor', 'middle')
    .text(options.label);
}

/**
 * A left axis with grid lines; `label` (the title) is centred on the whole plot's height, so panels
 * (small multiples) pass it once.
 */
export function drawYAxis(frame: Frame, y: Linear, options: { format: (value: number) => string; label?: string; integers?: boolean; count?: number }): void {
  const { plot, innerWidth, innerHeight } = frame;
  const [bottom, top] = y.range();
  const ticks = integerTicks(y, options.count ?? Math.max(2, Math.floor(Math.abs(bottom - top) / 55)), options.integers);
  plot
    .append('g')
    .attr('class', 'grid')
    .attr('aria-hidden', 'true')
    .selectAll('line')
    .data(ticks)
    .join('line')
    .attr('x1', 0)
    .attr('x2', innerWidth)
    .attr('y1', (d) => y(d))
    .attr('y2', (d) => y(d));
  plot
    .append('g')
    .attr('class', 'axis axis-y')
    .call(d3.axisLeft(y).tickValues(ticks).tickFormat((d) => options.format(Number(d))).tickSizeOuter(0));
  if (options.label) {
    plot
      .append('text')
      .attr('class', 'axis-title')
      .attr('transform', `translate(${-frame.margin.left + 22},${innerHeight / 2}) rotate(-90)`)
      .attr('text-anchor', 'middle')
      .text(options.label);
  }
}

function integerTicks(scale: Linear, count: number, integers = false): number[] {
  const ticks = scale.ticks(count);
  return integers ? ticks.filter((t) => Number.isInteger(t)) : ticks;
}

/** Tooltip: a box of text lines inside the chart's wrapper (hidden from screen readers, which get aria-labels). */
export interface Tooltip {
  /** shows lines near (x, y), in pixels from the wrapper's top left */
  show(lines: string[], x: number, y: number): void;
  hide(): void;
}

function createTooltip(wrapper: HTMLDivElement): Tooltip {
  const box = document.createElement('div');
  box.className = 'chart-tooltip';
  box.setAttribute('aria-hidden', 'true');
  box.hidden = true;
  wrapper.append(box);
  return {
    show(lines, x, y) {
      box.replaceChildren(
        ...lines.map((line, i) => {
          const div = document.createElement('div');
          if (i === 0) div.className = 'chart-tooltip-head';
          div.textContent = line;
          return div;
        }),
      );
      box.hidden = false;
      // keep the box inside the chart: to the left of the pointer on the right half
      const width = wrapper.clientWidth;
      const boxWidth = box.offsetWidth;
      const left = x > width / 2 ? x - boxWidth - 14 : x + 14;
      box.style.left = `${clamp(left, 0, Math.max(0, width - boxWidth))}px`;
      box.style.top = `${Math.max(0, y - box.offsetHeight - 10)}px`;
    },
    hide() {
      box.hidden = true;
    },
  };
}

/** Position of an SVG element's centre, in pixels from the wrapper's top left (for keyboard-shown tooltips). */
export function anchorOf(frame: Frame, element: Element): [number, number] {
  const box = element.getBoundingClientRect();
  const origin = frame.wrapper.getBoundingClientRect();
  return [box.left + box.width / 2 - origin.left, box.top - origin.top];
}

/** Gives an SVG mark a tooltip on hover and on keyboard focus, and the same text as its accessible name. */
export function withTooltip<E extends SVGElement>(
  frame: Frame,
  element: d3.Selection<E, unknown, null, undefined>,
  lines: string[],
  /** false for many small marks (histogram bars), whose content a focusable summary mark gives */
  focusable = true,
): void {
  const node = element.node();
  if (!node) return;
  if (focusable) element.attr('tabindex', 0).attr('role', 'img').attr('aria-label', lines.join('; '));
  element
    .on('pointerenter pointermove', (event: Event) => {
      const [x, y] = d3.pointer(event, frame.wrapper);
      frame.tooltip.show(lines, x, y);
    })
    .on('pointerleave blur', () => frame.tooltip.hide())
    .on('focus', () => {
      const [x, y] = anchorOf(frame, node);
      frame.tooltip.show(lines, x, y);
    });
}

export interface DayCursorOptions {
  /** the x position of a day's cursor line, in the plot */
  position: (day: number) => number;
  /** the day under an x position in the plot */
  dayAt: (x: number) => number;
  /** number of days (0 … days-1) */
  days: number;
  /** the tooltip's lines for a day; the first is its heading */
  describe: (day: number) => string[];
  /** how far below the plot the overlay reaches (a strip of markers) */
  extraHeight?: number;
  label: string;
}

/**
 * A vertical cursor over a time series: the pointer or the arrow keys pick a day (PageUp/PageDown a
 * week, Home/End the ends) and the tooltip gives that day's exact values. It is an ARIA slider, so a
 * screen reader hears the same text.
 */
export function addDayCursor(frame: Frame, options: DayCursorOptions): void {
  const { plot, innerWidth, innerHeight } = frame;
  const height = innerHeight + (options.extraHeight ?? 0);
  const rule = plot.append('line').attr('class', 'day-cursor').attr('y1', 0).attr('y2', height).attr('visibility', 'hidden');
  const overlay = plot
    .append('rect')
    .attr('class', 'cursor-overlay')
    .attr('width', innerWidth)
    .attr('height', height)
    .attr('tabindex', 0)
    .attr('role', 'slider')
    .attr('aria-label', options.label)
    .attr('aria-valuemin', 0)
    .attr('aria-valuemax', options.days - 1)
    .attr('aria-valuenow', 0);
  let day = 0;
  const show = (d: number, at?: [number, number]) => {
    day = clamp(Math.round(d), 0, options.days - 1);
    const x = options.position(day);
    rule.attr('x1', x).attr('x2', x).attr('visibility', 'visible');
    const lines = options.describe(day);
    overlay.attr('aria-valuenow', day).attr('aria-valuetext', lines.join('; '));
    frame.tooltip.show(lines, at ? at[0] : frame.margin.left + x, at ? at[1] : frame.margin.top + 40);
  };
  const hide = () => {
    rule.attr('visibility', 'hidden');
    frame.tooltip.hide();
  };
  overlay
    .on('pointermove', (event: PointerEvent) => {
      const [px] = d3.pointer(event, plot.node());
      show(options.dayAt(px), d3.pointer(event, frame.wrapper));
    })
    .on('pointerleave blur', hide)
    .on('focus', () => show(day))
    .on('keydown', (event: KeyboardEvent) => {
      const steps: Record<string, number> = { ArrowRight: 1, ArrowUp: 1, ArrowLeft: -1, ArrowDown: -1, PageUp: 7, PageDown: -7 };
      if (event.key in steps) show(day + steps[event.key]);
      else if (event.key === 'Home') show(0);
      else if (event.key === 'End') show(options.days - 1);
      else if (event.key === 'Escape') hide();
      else return;
      event.preventDefault();
    });
}

/** Where labels at the right end of lines go so that they do not overlap: nudged apart vertically. */
export function spreadLabels(positions: number[], minGap: number, min: number, max: number): number[] {
  const order = positions.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y);
  const placed = order.map((item) => item.y);
  for (let k = 1; k < placed.length; k++) placed[k] = Math.max(placed[k], placed[k - 1] + minGap);
  // pushed past the bottom: shift the stack back up
  const overflow = placed.length > 0 ? placed[placed.length - 1] - max : 0;
  if (overflow > 0) for (let k = placed.length - 1; k >= 0; k--) placed[k] = k === placed.length - 1 ? placed[k] - overflow : Math.min(placed[k], placed[k + 1] - minGap);
  const out = new Array<number>(positions.length);
  order.forEach((item, k) => (out[item.i] = Math.max(min, placed[k])));
  return out;
}
