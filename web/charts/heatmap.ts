import * as d3 from 'd3';
import type { KpiName } from '../../src/metrics/kpis.ts';
import type { SweepAxis, SweepRow } from '../../src/experiment/sweep.ts';
import { charts as text, sweep as sweepText, parameterLabel } from '../i18n/strings.ts';
import { clamp, containerWidth, createFrame, drawYAxis, drawXAxis, showNote, textWidth, withTooltip, type Frame } from './chartFrame.ts';
import { axisFormat, kpiMeta, splitWithHalfWidth, type KpiMeta } from './kpiMeta.ts';
import { intervalDomain, noiseColorScale, type NoiseColorScale } from './noiseScale.ts';
import { OKABE_ITO } from './palette.ts';
import { parameterFormat } from './parameterFormat.ts';

export { formatParameter } from './parameterFormat.ts';

/** Each parameter's format over the grid's values (rounded, yet distinct values read differently). */
export function gridFormats(rows: SweepRow[], count: number): ((value: number) => string)[] {
  return Array.from({ length: count }, (_, i) => parameterFormat(rows.map((row) => row.values[i])));
}

/** "Reorder point = 1,624, Order quantity = 250": the parameters' ids in words (names.ts), at the grid's rounding. */
export function gridPointName(parameters: string[], values: number[], formats: ((value: number) => string)[]): string {
  return text.parameterPoint(parameters.map(parameterLabel), values.map((value, i) => (formats[i] ?? String)(value)));
}

const FRONTIER_SYMBOL = d3.symbolStar;

/**
 * A sweep's chosen KPI over its grid. Two parameters: a grid of cells (first parameter across, second
 * up), each coloured by the KPI's mean on a sequential scale (viridis, readable in grey and with the
 * common colour-vision deficiencies) with the value written in it and a legend of the scale; the
 * colours change in steps of the cells' typical 95% half-width from the best cell and span at least
 * four of them (noiseScale.ts noiseColorScale), so a spread within the noise never fills the scale,
 * and the caption says what the colours span and that differences under ± that half-width are
 * noise; a star marks the points on the service / holding cost frontier; grid points that were not run (invalid
 * policies) are hatched. One parameter: the KPI's mean against the parameter with 95% whiskers.
 */
export function renderHeatmap(container: HTMLElement, rows: SweepRow[], axes: SweepAxis[], options: { kpi: KpiName; currency?: string }): SVGSVGElement | null {
  const meta = kpiMeta(options.kpi, options.currency);
  const present = rows.filter((row) => row.kpis[options.kpi]?.mean != null);
  if (present.length === 0) return showNote(container, sweepText.notAvailable(meta.label));
  return axes.length >= 2 ? renderGrid(container, rows, axes, meta, options.currency) : renderLine(container, present, axes[0], meta, options.currency);
}

function tooltipLines(row: SweepRow, parameters: string[], formats: ((value: number) => string)[], meta: KpiMeta, currency?: string): string[] {
  const lines = [gridPointName(parameters, row.values, formats)];
  const kpi = row.kpis[meta.name];
  lines.push(`${meta.label}: ${kpi.mean === null ? text.notApplicable : `${meta.formatWithHalfWidth(kpi.mean, kpi.halfWidth)} ${meta.unit}`}`);
  for (const name of ['fillRate', 'holdingCost'] as const) {
    if (name === meta.name) continue;
    const other = kpiMeta(name, currency);
    const value = row.kpis[name];
    if (value.mean !== null) lines.push(`${other.label}: ${other.formatWithHalfWidth(value.mean, value.halfWidth)}${other.kind === 'money' ? ` ${other.unit}` : ''}`);
  }
  if (row.frontier) lines.push(sweepText.frontierYes);
  lines.push(kpi.halfWidth === null ? text.oneReplicationNoInterval : text.replicationsCount(kpi.n));
  return lines;
}

function renderGrid(container: HTMLElement, rows: SweepRow[], axes: SweepAxis[], meta: KpiMeta, currency?: string): SVGSVGElement {
  const [across, up] = axes;
  const parameters = axes.map((axis) => axis.parameter);
  const formats = gridFormats(rows, 2);
  const xs = [...new Set(across.values)];
  const ys = [...new Set(up.values)];
  const margin = { left: 84, right: 16, bottom: 128 };
  const innerWidth = containerWidth(container) - margin.left - margin.right;
  const cellHeight = clamp(Math.round((innerWidth / xs.length) * 0.55), 30, 56);

  const estimates = rows.flatMap((row) => {
    const kpi = row.kpis[meta.name];
    return kpi.mean === null ? [] : [{ mean: kpi.mean, halfWidth: kpi.halfWidth }];
  });
  const scale = noiseColorScale(estimates, meta.better);
  const color = (value: number) => d3.interpolateViridis(scale.position(value));

  const frame = createFrame(container, {
    name: 'heatmap',
    title: `${meta.label}: ${parameters.map(parameterLabel).join(' × ')}`,
    caption: [`${meta.labelWithUnit} · ${text.meanCi(Math.max(...rows.map((row) => row.kpis[meta.name].n)))}`, colorNote(scale, meta)],
    legend: [{ label: sweepText.onFrontier, swatch: 'marker', symbol: FRONTIER_SYMBOL, className: 'frontier-swatch' }],
    plotHeight: ys.length * cellHeight,
    margin,
  });
  const { plot, innerHeight } = frame;
  const x = d3.scaleBand(xs.map(String), [0, frame.innerWidth]).paddingInner(0.04);
  const y = d3.scaleBand(ys.map(String), [innerHeight, 0]).paddingInner(0.06);
  bandAxes(frame, x, y, parameterLabel(across.parameter), parameterLabel(up.parameter), formats);

  const byKey = new Map(rows.map((row) => [`${row.values[0]}|${row.values[1]}`, row]));
  const cells = plot.append('g').attr('class', 'heat-cells');
  for (const a of xs) {
    for (const b of ys) {
      const row = byKey.get(`${a}|${b}`);
      const [cx, cy, w, h] = [x(String(a))!, y(String(b))!, x.bandwidth(), y.bandwidth()];
      const mean = row?.kpis[meta.name].mean ?? null;
      const g = cells.append('g').attr('transform', `translate(${cx},${cy})`);
      if (!row || mean === null) {
        const missing = g.append('rect').attr('class', 'heat-missing').attr('width', w).attr('height', h);
        withTooltip(frame, missing, row ? tooltipLines(row, parameters, formats, meta, currency) : [gridPointName(parameters, [a, b], formats), sweepText.missingCell]);
        continue;
      }
      const fill = color(mean);
      const cell = g.append('rect').attr('class', 'heat-cell').attr('width', w).attr('height', h).attr('fill', fill);
      withTooltip(frame, cell, tooltipLines(row, parameters, formats, meta, currency));
      const label = g
        .append('text')
        .attr('class', 'heat-value')
        .attr('x', w / 2)
        .attr('y', h / 2)
        .attr('dy', '0.35em')
        .attr('text-anchor', 'middle')
        .attr('pointer-events', 'none')
        // inline, so it wins over the charts' text colour and an export keeps it
        .style('fill', d3.lab(fill).l > 55 ? '#111827' : '#ffffff')
        .text(meta.format(mean));
      if (textWidth(label.node()!, 14) > w - 6) label.remove();
      if (row.frontier) {
        const size = clamp(Math.min(w, h) * 2.2, 40, 90);
        const r = Math.sqrt(size) * 0.6;
        g.append('path')
          .attr('class', 'frontier-mark')
          .attr('d', d3.symbol(FRONTIER_SYMBOL, size)())
          .attr('transform', `translate(${w - r - 2},${r + 2})`)
          .attr('pointer-events', 'none');
      }
    }
  }
  drawColorLegend(frame, scale, meta);
  return frame.svg.node()!;
}

/** Bottom and left axes of a grid's parameter values, with the parameters' names as titles. */
function bandAxes(frame: Frame, x: d3.ScaleBand<string>, y: d3.ScaleBand<string>, xLabel: string, yLabel: string, formats: ((value: number) => string)[]): void {
  const { plot, innerWidth, innerHeight, margin } = frame;
  const format = (value: string) => formats[0](Number(value));
  // thin out the ticks on a narrow screen so their labels do not overlap
  const every = Math.max(1, Math.ceil(x.domain().length / Math.max(2, Math.floor(innerWidth / 56))));
  plot
    .append('g')
    .attr('class', 'axis axis-x')
    .attr('transform', `translate(0,${innerHeight})`)
    .call(d3.axisBottom(x).tickValues(x.domain().filter((_, i) => i % every === 0)).tickFormat(format).tickSizeOuter(0));
  plot.append('text').attr('class', 'axis-title').attr('x', innerWidth / 2).attr('y', innerHeight + 50).attr('text-anchor', 'middle').text(xLabel);
  plot.append('g').attr('class', 'axis axis-y').call(d3.axisLeft(y).tickFormat((value) => formats[1](Number(value))).tickSizeOuter(0));
  plot
    .append('text')
    .attr('class', 'axis-title')
    .attr('transform', `translate(${-margin.left + 22},${innerHeight / 2}) rotate(-90)`)
    .attr('text-anchor', 'middle')
    .text(yLabel);
}

/** What the colours span, in the caption: "Colours span 940–1,000 EUR in steps of ± 15 EUR …". */
function colorNote(scale: NoiseColorScale, meta: KpiMeta): string {
  const [low, high] = scale.domain;
  const unit = meta.kind === 'ratio' ? '' : ` ${meta.unit}`;
  const span = `${meta.format(low)}–${meta.format(high)}${unit}`;
  if (scale.noise === null) return text.heatColorsNoInterval(span);
  const noise = `${splitWithHalfWidth(meta.kind, 0, scale.noise).halfWidth}${unit}`;
  return scale.steps === null ? text.heatColorsContinuous(span, noise) : text.heatColorsSteps(span, noise);
}

/** The colour scale's legend under the x axis title: its steps (or a ramp) and their values. */
function drawColorLegend(frame: Frame, scale: NoiseColorScale, meta: KpiMeta): void {
  const [low, high] = scale.domain;
  const width = Math.min(frame.innerWidth, 320);
  const top = frame.innerHeight + 70;
  const legend = frame.plot.append('g').attr('class', 'heat-legend').attr('transform', `translate(0,${top})`).attr('aria-hidden', 'true');
  const at = d3.scaleLinear().domain([low, high]).range([0, width]);
  // one rectangle per colour step, or a fine ramp when the colours are continuous
  const edges = scale.steps ?? d3.range(49).map((i) => low + ((high - low) * i) / 48);
  for (let i = 0; i < edges.length - 1; i++) {
    legend
      .append('rect')
      .attr('class', 'heat-legend-step')
      .attr('x', at(edges[i]))
      .attr('width', at(edges[i + 1]) - at(edges[i]) + (scale.steps ? 0 : 0.5))
      .attr('height', 14)
      .attr('fill', d3.interpolateViridis(scale.position((edges[i] + edges[i + 1]) / 2)));
  }
  const count = Math.max(2, Math.floor(width / 90));
  const format = axisFormat(meta.kind, low, high, width / 90);
  // round values for the ticks (the steps' edges, best + k × half-width, are not); the caption gives the step
  const axis = d3.axisBottom(at).tickSizeOuter(0).ticks(count);
  legend
    .append('g')
    .attr('class', 'axis')
    .attr('transform', 'translate(0,14)')
    .call(axis.tickFormat((d) => format(Number(d))));
  legend
    .append('text')
    .attr('class', 'heat-legend-title')
    .attr('x', width + 8)
    .attr('y', 7)
    .attr('dy', '0.35em')
    .text(width + 8 + 60 < frame.innerWidth ? meta.unit : '');
}

function renderLine(container: HTMLElement, rows: SweepRow[], axis: SweepAxis, meta: KpiMeta, currency?: string): SVGSVGElement {
  const points = rows
    .map((row) => ({ row, value: row.values[0], mean: row.kpis[meta.name].mean!, hw: row.kpis[meta.name].halfWidth }))
    .sort((a, b) => a.value - b.value);
  const frame = createFrame(container, {
    name: 'heatmap',
    title: `${meta.label}: ${parameterLabel(axis.parameter)}`,
    caption: [text.meanCi(Math.max(...rows.map((row) => row.kpis[meta.name].n)))],
    legend: [{ label: sweepText.onFrontier, swatch: 'marker', symbol: FRONTIER_SYMBOL, className: 'frontier-swatch' }],
    aspect: 0.45,
    margin: { left: 92, right: 24 },
  });
  const { plot, innerWidth, innerHeight } = frame;
  const formats = gridFormats(rows, 1);
  const x = d3.scaleLinear().domain(intervalDomain(points.map((p) => ({ mean: p.value, halfWidth: null })))).range([0, innerWidth]);
  // whiskers covered, never zoomed in below a few half-widths (noiseScale.ts)
  const y = d3
    .scaleLinear()
    .domain(intervalDomain(points.map((p) => ({ mean: p.mean, halfWidth: p.hw })), meta.kind === 'ratio' ? 0 : -Infinity, meta.kind === 'ratio' ? 1 : Infinity))
    .range([innerHeight, 0]);
  drawYAxis(frame, y, { format: axisFormat(meta.kind, y.domain()[0], y.domain()[1], innerHeight / 55), label: meta.labelWithUnit });
  drawXAxis(frame, x, { format: formats[0], label: parameterLabel(axis.parameter) });
  const color = OKABE_ITO[0];
  plot
    .append('path')
    .attr('class', 'sweep-line')
    .attr('stroke', color)
    .attr('d', d3.line<(typeof points)[number]>((p) => x(p.value), (p) => y(p.mean))(points));
  for (const p of points) {
    const g = plot.append('g').attr('class', 'sweep-point');
    const [cx, cy] = [x(p.value), y(p.mean)];
    if (p.hw !== null) {
      const whisker = g.append('g').attr('class', 'whisker').attr('stroke', color);
      const [y0, y1] = [y(p.mean - p.hw), y(p.mean + p.hw)];
      whisker.append('line').attr('x1', cx).attr('x2', cx).attr('y1', y0).attr('y2', y1);
      for (const ye of [y0, y1]) whisker.append('line').attr('x1', cx - 6).attr('x2', cx + 6).attr('y1', ye).attr('y2', ye);
    }
    const marker = g
      .append('path')
      .attr('class', `point-marker${p.row.frontier ? ' on-frontier' : ''}`)
      .attr('d', d3.symbol(p.row.frontier ? FRONTIER_SYMBOL : d3.symbolCircle, p.row.frontier ? 200 : 110)())
      .attr('transform', `translate(${cx},${cy})`)
      .attr('fill', color);
    withTooltip(frame, marker, tooltipLines(p.row, [axis.parameter], formats, meta, currency));
  }
  return frame.svg.node()!;
}
