import * as d3 from 'd3';
import type { KpiName } from '../../src/metrics/kpis.ts';
import type { KpiSummary } from '../../src/experiment/replicate.ts';
import { charts as text, sensitivity as sensText } from '../i18n/strings.ts';
import type { TornadoBar } from '../worker/sensitivity.ts';
import { addNote, clamp, createFrame, drawXAxis, fitText, showNote, textWidth, withTooltip } from './chartFrame.ts';
import { axisFormat, kpiMeta } from './kpiMeta.ts';
import { intervalDomain } from './noiseScale.ts';
import { OKABE_ITO } from './palette.ts';

/** the input lowered: sky blue and hatched; raised: orange and solid (Okabe & Ito, web/charts/palette.ts) */
const LOW_COLOR = OKABE_ITO[5];
const HIGH_COLOR = OKABE_ITO[1];
/** a row: the input's name on one line, its bar under it */
const ROW = 62;
const LABEL_LINE = 18;
const BAR = 24;
/** room above the first row for the baseline's label */
const TOP = 24;

export interface TornadoData {
  baseline: KpiSummary;
  /** sorted by swing, largest first (src/experiment/sensitivity.ts tornado) */
  bars: TornadoBar[];
  percent: number;
  kpi: KpiName;
}

/**
 * A tornado chart of a one-at-a-time sensitivity analysis: one horizontal bar per input, largest
 * swing on top, each running from the KPI with the input lowered by x% (hatched, labelled "−x%") to
 * the KPI with it raised (solid, "+x%"), both measured from the baseline (a vertical line); 95%
 * whiskers at both ends, the values written beside the ends, the KPI's unit on the axis.
 */
export function renderTornado(container: HTMLElement, result: TornadoData, options: { currency?: string } = {}): SVGSVGElement | null {
  const meta = kpiMeta(result.kpi, options.currency);
  const base = result.baseline.mean;
  if (base === null) return showNote(container, sensText.notAvailable(meta.label));
  const bars = result.bars
    .filter((bar) => bar.low.mean !== null && bar.high.mean !== null)
    .map((bar) => ({ bar, label: sensText.inputs[bar.input], low: bar.low.mean!, high: bar.high.mean!, lowHw: bar.low.halfWidth, highHw: bar.high.halfWidth }));
  const missing = result.bars.filter((bar) => bar.low.mean === null || bar.high.mean === null).map((bar) => sensText.inputs[bar.input]);
  if (bars.length === 0) return showNote(container, sensText.notAvailable(meta.label));
  const withUnit = (value: string) => (meta.kind === 'ratio' ? value : `${value} ${meta.unit}`);
  const down = sensText.down(result.percent);
  const up = sensText.up(result.percent);

  const frame = createFrame(container, {
    name: 'tornado',
    title: `${sensText.chartTitle}: ${meta.label}`,
    caption: [`${meta.labelWithUnit} · ${text.meanCi(result.baseline.n)}`],
    legend: [
      { label: sensText.legendDown(result.percent), swatch: 'rect', color: LOW_COLOR, className: 'tornado-low-swatch' },
      { label: sensText.legendUp(result.percent), swatch: 'rect', color: HIGH_COLOR },
      { label: sensText.legendBaseline, swatch: 'line', className: 'tornado-baseline-swatch' },
      { label: sensText.legendInterval, swatch: 'line', className: 'tornado-whisker-swatch' },
    ],
    plotHeight: TOP + bars.length * ROW,
    margin: { left: 16, right: 16 },
  });
  // the legend's hatched swatch, as the bars' lowered parts
  frame.svg.select('.tornado-low-swatch').append('path').attr('class', 'tornado-hatch').attr('d', hatchPath(4, -3, 18, 16));
  // the baseline's swatch stands up as the line does; the interval's has its caps
  frame.svg.select('.tornado-baseline-swatch line').attr('x1', 13).attr('x2', 13).attr('y1', -4).attr('y2', 14);
  const cap = frame.svg.select('.tornado-whisker-swatch');
  for (const xe of [1, 25]) cap.append('line').attr('class', 'swatch-line').attr('x1', xe).attr('x2', xe).attr('y1', 0).attr('y2', 10);
  const { plot, innerWidth, innerHeight } = frame;

  // room at both sides for the end labels
  const room = clamp(Math.round(innerWidth * 0.2), 56, 130);
  // the whiskers covered, and never zoomed in below a few half-widths (noiseScale.ts): a swing within
  // the noise does not fill the width
  const estimates = [
    { mean: base, halfWidth: result.baseline.halfWidth },
    ...bars.flatMap((b) => [
      { mean: b.low, halfWidth: b.lowHw },
      { mean: b.high, halfWidth: b.highHw },
    ]),
  ];
  const [lower, upper] = meta.kind === 'ratio' ? [0, 1] : [-Infinity, Infinity];
  const x = d3
    .scaleLinear()
    .domain(intervalDomain(estimates, lower, upper))
    .range([room, innerWidth - room])
    .nice(Math.max(2, Math.floor((innerWidth - 2 * room) / 90)));
  const format = axisFormat(meta.kind, x.domain()[0], x.domain()[1], (innerWidth - 2 * room) / 90);
  plot
    .append('g')
    .attr('class', 'grid')
    .attr('aria-hidden', 'true')
    .selectAll('line')
    .data(x.ticks(Math.max(2, Math.floor((innerWidth - 2 * room) / 90))))
    .join('line')
    .attr('x1', (d) => x(d))
    .attr('x2', (d) => x(d))
    .attr('y1', TOP - 6)
    .attr('y2', innerHeight);
  drawXAxis(frame, x, { format, label: meta.labelWithUnit });
  // drawXAxis spaces its ticks over the whole plot width; keep the ones inside the scale's range
  plot.selectAll<SVGGElement, number>('.axis-x .tick').each(function (d) {
    if (x(d) < room - 1 || x(d) > innerWidth - room + 1) d3.select(this).remove();
  });

  // the baseline under the bars (they start from it), with its value above them
  const bx = x(base);
  plot.append('line').attr('class', 'tornado-baseline').attr('x1', bx).attr('x2', bx).attr('y1', TOP - 4).attr('y2', innerHeight).attr('pointer-events', 'none');
  const rows = plot.append('g').attr('class', 'tornado-rows');
  bars.forEach((b, i) => {
    const top = TOP + i * ROW;
    const g = rows.append('g').attr('class', 'tornado-bar').attr('data-input', b.bar.input);
    const label = g.append('text').attr('class', 'tornado-label halo').attr('x', 0).attr('y', top + 14).text(b.label);
    fitText(label.node()!, innerWidth);
    const y = top + LABEL_LINE + 4;
    const cy = y + BAR / 2;
    const lines = [
      b.label,
      sensText.tooltipEnd(down, withUnit(meta.formatWithHalfWidth(b.low, b.lowHw))),
      sensText.tooltipEnd(up, withUnit(meta.formatWithHalfWidth(b.high, b.highHw))),
      `${sensText.legendBaseline}: ${withUnit(meta.formatWithHalfWidth(base, result.baseline.halfWidth))}`,
      `${sensText.swing}: ${withUnit(meta.format(b.bar.swing))}`,
      b.lowHw === null ? text.oneReplicationNoInterval : text.replicationsCount(Math.min(b.bar.low.n, b.bar.high.n)),
    ];
    // each part from the baseline to its end; the longer first, so a shorter one on the same side shows
    const parts = [
      { value: b.low, className: 'tornado-low', color: LOW_COLOR, hatched: true },
      { value: b.high, className: 'tornado-high', color: HIGH_COLOR, hatched: false },
    ].sort((p, q) => Math.abs(q.value - base) - Math.abs(p.value - base));
    for (const part of parts) {
      const x0 = Math.min(x(base), x(part.value));
      const width = Math.abs(x(part.value) - x(base));
      const rect = g.append('rect').attr('class', part.className).attr('x', x0).attr('y', y).attr('width', width).attr('height', BAR).attr('fill', part.color);
      withTooltip(frame, rect, lines, false);
      if (part.hatched && width > 0) g.append('path').attr('class', 'tornado-hatch').attr('d', hatchPath(x0, y, width, BAR)).attr('pointer-events', 'none');
    }
    // the swing: from one end to the other, the bar's outline and its keyboard handle
    const [left, right] = [Math.min(b.low, b.high), Math.max(b.low, b.high)];
    const span = g
      .append('rect')
      .attr('class', 'tornado-span')
      .attr('x', x(left))
      .attr('y', y)
      .attr('width', Math.max(2, x(right) - x(left)))
      .attr('height', BAR)
      .attr('data-swing', b.bar.swing);
    withTooltip(frame, span, lines);
    // whiskers: the lowered end's a little above the middle, the raised end's a little below
    for (const [value, hw, dy] of [
      [b.low, b.lowHw, -4],
      [b.high, b.highHw, 4],
    ] as const) {
      if (hw === null) continue;
      const whisker = g.append('g').attr('class', 'whisker tornado-whisker').attr('pointer-events', 'none');
      const [x0, x1] = [x(value - hw), x(value + hw)];
      whisker.append('line').attr('x1', x0).attr('x2', x1).attr('y1', cy + dy).attr('y2', cy + dy);
      for (const xe of [x0, x1]) whisker.append('line').attr('x1', xe).attr('x2', xe).attr('y1', cy + dy - 5).attr('y2', cy + dy + 5);
    }
    // the values beside the ends, outside the whiskers: the smaller end's on the left
    const ends = [
      { name: down, value: b.low, hw: b.lowHw ?? 0, className: 'tornado-end-low' },
      { name: up, value: b.high, hw: b.highHw ?? 0, className: 'tornado-end-high' },
    ].sort((p, q) => p.value - q.value || (p.name === down ? -1 : 1));
    // past everything drawn in the row: both whiskers and the bar's parts from the baseline
    const reach = [base, ...ends.flatMap((end) => [end.value - end.hw, end.value + end.hw])];
    ends.forEach((end, k) => {
      const onLeft = k === 0;
      const at = onLeft ? x(Math.min(...reach)) - 6 : x(Math.max(...reach)) + 6;
      const available = onLeft ? at : innerWidth + frame.margin.right - at;
      const node = g
        .append('text')
        .attr('class', `tornado-end halo ${end.className}`)
        .attr('x', at)
        .attr('y', cy)
        .attr('dy', '0.35em')
        .attr('text-anchor', onLeft ? 'end' : 'start')
        .attr('pointer-events', 'none')
        .text(`${end.name} ${meta.format(end.value)}`)
        .node()!;
      if (textWidth(node, 14) > available) node.textContent = end.name;
    });
  });

  const baseLabel = plot
    .append('text')
    .attr('class', 'tornado-baseline-label halo')
    .attr('x', clamp(bx, 0, innerWidth))
    .attr('y', TOP - 10)
    .attr('text-anchor', 'middle')
    .text(sensText.baselineLabel(meta.format(base)));
  const half = textWidth(baseLabel.node()!, 14) / 2;
  baseLabel.attr('x', clamp(bx, half, Math.max(half, innerWidth - half)));
  if (missing.length > 0) addNote(frame, sensText.barsMissing(missing.join(', ')));
  return frame.svg.node()!;
}

/** Diagonal lines 7 px apart filling the rectangle (drawn, not a pattern, so an SVG export needs no references). */
function hatchPath(x0: number, y0: number, width: number, height: number): string {
  const path = d3.path();
  for (let c = x0 - height; c < x0 + width; c += 7) {
    // the line from (c, bottom) to (c + height, top), cut to the rectangle
    const t0 = Math.max(0, (x0 - c) / height);
    const t1 = Math.min(1, (x0 + width - c) / height);
    if (t1 <= t0) continue;
    path.moveTo(c + t0 * height, y0 + height - t0 * height);
    path.lineTo(c + t1 * height, y0 + height - t1 * height);
  }
  return path.toString();
}
