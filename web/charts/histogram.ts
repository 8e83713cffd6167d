import * as d3 from 'd3';
import type { ExperimentResult } from '../../src/experiment/replicate.ts';
import type { KpiName } from '../../src/metrics/kpis.ts';
import { charts as text } from '../i18n/strings.ts';
import { clamp, createFrame, drawXAxis, drawYAxis, showNote, textWidth, withTooltip } from './chartFrame.ts';
import { axisFormat, kpiMeta, numberLocale } from './kpiMeta.ts';
import { variantColor, variantMarker } from './palette.ts';

interface Sample {
  index: number;
  name: string;
  values: number[];
  mean: number | null;
  halfWidth: number | null;
  n: number;
}

/** room at the top of each panel for its title and the mean's interval */
const PANEL_HEAD = 30;
const PANEL_GAP = 14;

/**
 * How a network KPI varies over replications: one panel per policy variant (named, in its colour),
 * all on the same x axis and the same bins, y = number of replications. Each panel marks the mean
 * (dashed line, marker) and its 95% interval (whisker). Panels rather than overlaid bars because
 * variants often differ by far more than their spread, which shared coarse bins would hide.
 */
export function renderHistogram(container: HTMLElement, result: ExperimentResult, options: { kpi: KpiName; currency?: string }): SVGSVGElement | null {
  const meta = kpiMeta(options.kpi, options.currency);
  const samples: Sample[] = [];
  result.variants.forEach((variant, index) => {
    const values = (variant.samples?.network[options.kpi] ?? []).filter((v): v is number => v !== null && Number.isFinite(v));
    const summary = variant.network[options.kpi];
    if (values.length > 0) samples.push({ index, name: variant.name, values, mean: summary?.mean ?? null, halfWidth: summary?.halfWidth ?? null, n: summary?.n ?? values.length });
  });
  if (samples.length === 0) return showNote(container, text.notAvailable);

  const frame = createFrame(container, {
    name: 'histogram',
    title: `${meta.label}: ${text.histogramAxisY}`,
    caption: [`${meta.label} · ${text.replicationsCount(result.replications)} · ${text.histogramMean}`],
    plotHeight: Math.max(300, samples.length * 120),
  });
  const { plot, innerWidth, innerHeight } = frame;

  const all = samples.flatMap((s) => s.values);
  const [min, max] = d3.extent(all) as [number, number];
  // a KPI equal in every replication still gets a readable axis around its value
  const pad = max > min ? 0 : Math.abs(max) * 0.05 || (meta.kind === 'ratio' ? 0.01 : 1);
  const bins = binCount(samples.map((s) => s.values), min - pad, max + pad);
  const x = d3.scaleLinear().domain([min - pad, max + pad]).nice(bins).range([0, innerWidth]);
  const bin = d3.bin().domain(x.domain() as [number, number]).thresholds(x.ticks(bins));
  const binned = samples.map((s) => bin(s.values));
  const tallest = d3.max(binned, (b) => d3.max(b, (d) => d.length)) ?? 1;

  drawXAxis(frame, x, { format: axisFormat(meta.kind, x.domain()[0], x.domain()[1], innerWidth / 100), label: meta.labelWithUnit });
  const panelHeight = (innerHeight + PANEL_GAP) / samples.length - PANEL_GAP;
  const format = (v: number) => meta.format(v);
  samples.forEach((s, k) => {
    const top = k * (panelHeight + PANEL_GAP);
    const color = variantColor(s.index);
    const y = d3.scaleLinear().domain([0, tallest]).nice().range([top + panelHeight, top + PANEL_HEAD]);
    drawYAxis(frame, y, { format: numberLocale.format(',d'), integers: true, count: Math.max(2, Math.floor((panelHeight - PANEL_HEAD) / 40)), label: k === 0 ? text.histogramAxisY : undefined });

    const panel = plot.append('g').attr('class', 'histogram-panel');
    panel
      .append('path')
      .attr('class', 'panel-marker')
      .attr('d', d3.symbol(variantMarker(s.index), 90)())
      .attr('transform', `translate(10,${top + 10})`)
      .attr('fill', color);
    const title = panel
      .append('text')
      .attr('class', 'panel-title')
      .attr('x', 22)
      .attr('y', top + 10)
      .attr('dy', '0.35em')
      .text(s.mean === null ? s.name : `${s.name}: ${meta.formatWithHalfWidth(s.mean, s.halfWidth)}${meta.kind === 'ratio' ? '' : ` ${meta.unit}`}`);
    // on a narrow screen the name alone; the whisker and the marker's tooltip still give the mean
    if (textWidth(title.node()!) > innerWidth - 22) title.text(s.name);

    for (const b of binned[k]) {
      if (b.length === 0 || b.x0 === undefined || b.x1 === undefined) continue;
      const bar = panel
        .append('rect')
        .attr('class', 'histogram-bar')
        .attr('x', x(b.x0) + 0.5)
        .attr('width', Math.max(1, x(b.x1) - x(b.x0) - 1))
        .attr('y', y(b.length))
        .attr('height', y(0) - y(b.length))
        .attr('fill', color);
      withTooltip(frame, bar, [text.histogramBin(s.name, b.length, format(b.x0), format(b.x1))], false);
    }

    if (s.mean === null) return;
    const meanY = top + PANEL_HEAD - 6;
    panel.append('line').attr('class', 'mean-line').attr('stroke', color).attr('x1', x(s.mean)).attr('x2', x(s.mean)).attr('y1', meanY).attr('y2', y(0));
    if (s.halfWidth !== null) {
      const [x0, x1] = [x(s.mean - s.halfWidth), x(s.mean + s.halfWidth)];
      const whisker = panel.append('g').attr('class', 'whisker').attr('stroke', color);
      whisker.append('line').attr('x1', x0).attr('x2', x1).attr('y1', meanY).attr('y2', meanY);
      for (const xe of [x0, x1]) whisker.append('line').attr('x1', xe).attr('x2', xe).attr('y1', meanY - 5).attr('y2', meanY + 5);
    }
    const marker = panel
      .append('path')
      .attr('class', 'point-marker')
      .attr('d', d3.symbol(variantMarker(s.index), 100)())
      .attr('transform', `translate(${x(s.mean)},${meanY})`)
      .attr('fill', color);
    withTooltip(frame, marker, [
      s.name,
      `${meta.label}: ${meta.formatWithHalfWidth(s.mean, s.halfWidth)}${meta.kind === 'ratio' ? '' : ` ${meta.unit}`}`,
      s.halfWidth === null ? text.oneReplicationNoInterval : text.replicationsCount(s.n),
    ]);
  });
  return frame.svg.node();
}

/**
 * Number of bins over [from, to]: fine enough for the narrowest variant's spread (Freedman–Diaconis
 * width, 2·IQR·n^(-1/3), or Scott's 3.49·sd·n^(-1/3) where the IQR is 0), between 5 and 60.
 */
export function binCount(groups: number[][], from: number, to: number): number {
  const span = to - from;
  if (!(span > 0)) return 5;
  let width = Infinity;
  for (const values of groups) {
    if (values.length < 2) continue;
    const sorted = [...values].sort((a, b) => a - b);
    const iqr = (d3.quantileSorted(sorted, 0.75) ?? 0) - (d3.quantileSorted(sorted, 0.25) ?? 0);
    const scale = Math.cbrt(values.length);
    const w = iqr > 0 ? (2 * iqr) / scale : (3.49 * (d3.deviation(values) ?? 0)) / scale;
    if (w > 0) width = Math.min(width, w);
  }
  return Number.isFinite(width) ? clamp(Math.ceil(span / width), 5, 60) : 10;
}
