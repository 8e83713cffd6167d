import * as d3 from 'd3';
import type { SweepRow } from '../../src/experiment/sweep.ts';
import { charts as text, sweep as sweepText, parameterLabel } from '../i18n/strings.ts';
import { addNote, createFrame, drawAxes, showNote, spreadLabels, withTooltip } from './chartFrame.ts';
import { gridFormats, gridPointName } from './heatmap.ts';
import { axisFormat, kpiMeta, numberLocale } from './kpiMeta.ts';
import { intervalDomain } from './noiseScale.ts';
import { OKABE_ITO } from './palette.ts';
import { beatenBeyondNoise } from './significance.ts';

const FRONTIER_COLOR = OKABE_ITO[0];
const OTHER_COLOR = '#6b7280';

/**
 * A sweep's grid points on the service (network fill rate) against holding cost chart, with 95%
 * whiskers on both axes. The frontier points (no other point has both more service and less cost)
 * are stars joined by a line and labelled with their parameter values; the others are grey circles,
 * ringed in the frontier's colour where no point beats them beyond the noise (95% intervals apart on
 * both axes: significance.ts beatenBeyondNoise), since the frontier is one of means and such a point
 * may be as good.
 * Every point's tooltip names its parameters and gives its figures.
 */
export function renderSweepFrontier(container: HTMLElement, rows: SweepRow[], options: { parameters: string[]; currency?: string }): SVGSVGElement | null {
  const service = kpiMeta('fillRate');
  const cost = kpiMeta('holdingCost', options.currency);
  const points = rows
    .filter((row) => row.kpis.fillRate.mean !== null && row.kpis.holdingCost.mean !== null)
    .map((row) => ({
      row,
      service: row.kpis.fillRate.mean!,
      serviceHw: row.kpis.fillRate.halfWidth,
      cost: row.kpis.holdingCost.mean!,
      costHw: row.kpis.holdingCost.halfWidth,
    }));
  if (points.length === 0) return showNote(container, text.notAvailable);
  const formats = gridFormats(rows, options.parameters.length);
  const beaten = beatenBeyondNoise(
    points.map((p) => ({ service: { mean: p.service, halfWidth: p.serviceHw }, cost: { mean: p.cost, halfWidth: p.costHw } })),
    () => null,
  );
  const close = new Set(points.filter((p, i) => !p.row.frontier && !beaten[i]));
  const missing = rows.length - points.length;

  const frame = createFrame(container, {
    name: 'sweep-frontier',
    title: `${service.label} / ${cost.label}`,
    caption: [`${text.meanCi(Math.max(...rows.map((row) => row.kpis.fillRate.n)))} · ${text.frontierBetter}`],
    legend: [
      { label: sweepText.onFrontier, swatch: 'line', color: FRONTIER_COLOR, symbol: d3.symbolStar },
      { label: sweepText.otherPoints, swatch: 'marker', color: OTHER_COLOR, symbol: d3.symbolCircle },
      ...(close.size > 0 ? [{ label: text.withinNoiseOfFrontier, swatch: 'marker' as const, color: OTHER_COLOR, symbol: d3.symbolCircle, className: 'within-noise-swatch' }] : []),
    ],
    aspect: 0.5,
    margin: { left: 92, right: 32 },
  });
  const { plot, innerWidth, innerHeight } = frame;
  // whiskers covered, never zoomed in below a few half-widths (noiseScale.ts)
  const x = d3.scaleLinear().domain(intervalDomain(points.map((p) => ({ mean: p.cost, halfWidth: p.costHw })), 0, Infinity)).range([0, innerWidth]);
  const y = d3.scaleLinear().domain(intervalDomain(points.map((p) => ({ mean: p.service, halfWidth: p.serviceHw })), 0, 1)).range([innerHeight, 0]);
  drawAxes(frame, x, y, {
    xFormat: axisFormat('money', x.domain()[0], x.domain()[1], innerWidth / 100),
    yFormat: axisFormat('ratio', y.domain()[0], y.domain()[1], innerHeight / 55),
    xLabel: cost.labelWithUnit,
    yLabel: service.labelWithUnit,
  });

  // the others first, so the frontier is drawn over them
  const ordered = [...points].sort((a, b) => Number(a.row.frontier) - Number(b.row.frontier));
  const frontier = points.filter((p) => p.row.frontier).sort((a, b) => a.cost - b.cost);
  for (const p of ordered) {
    const color = p.row.frontier ? FRONTIER_COLOR : OTHER_COLOR;
    const g = plot.append('g').attr('class', `sweep-frontier-point${p.row.frontier ? ' on-frontier' : close.has(p) ? ' within-noise' : ''}`);
    const [cx, cy] = [x(p.cost), y(p.service)];
    const whiskers = g.append('g').attr('class', 'whisker').attr('stroke', color).attr('stroke-opacity', p.row.frontier ? 1 : 0.6);
    if (p.costHw !== null) whiskers.append('line').attr('x1', x(p.cost - p.costHw)).attr('x2', x(p.cost + p.costHw)).attr('y1', cy).attr('y2', cy);
    if (p.serviceHw !== null) whiskers.append('line').attr('x1', cx).attr('x2', cx).attr('y1', y(p.service - p.serviceHw)).attr('y2', y(p.service + p.serviceHw));
    const marker = g
      .append('path')
      .attr('class', 'point-marker')
      .attr('d', d3.symbol(p.row.frontier ? d3.symbolStar : d3.symbolCircle, p.row.frontier ? 180 : 90)())
      .attr('transform', `translate(${cx},${cy})`)
      .attr('fill', color);
    withTooltip(frame, marker, [
      gridPointName(options.parameters, p.row.values, formats),
      `${service.label}: ${service.formatWithHalfWidth(p.service, p.serviceHw)}`,
      `${cost.label}: ${cost.formatWithHalfWidth(p.cost, p.costHw)} ${cost.unit}`,
      ...(p.row.frontier ? [sweepText.frontierYes] : close.has(p) ? [text.withinNoiseOfFrontier] : []),
      p.serviceHw === null ? text.oneReplicationNoInterval : text.replicationsCount(p.row.kpis.fillRate.n),
    ]);
  }
  plot
    .insert('path', '.sweep-frontier-point.on-frontier')
    .attr('class', 'sweep-frontier-line')
    .attr('stroke', FRONTIER_COLOR)
    .attr('d', d3.line<(typeof frontier)[number]>((p) => x(p.cost), (p) => y(p.service))(frontier));

  // the frontier's points carry their parameter values, nudged apart where close
  const labelY = spreadLabels(
    frontier.map((p) => (y(p.service) < 30 ? y(p.service) + 22 : y(p.service) - 14)),
    18,
    10,
    innerHeight - 4,
  );
  frontier.forEach((p, k) => {
    const cx = x(p.cost);
    const left = cx > innerWidth * 0.7;
    plot
      .append('text')
      .attr('class', 'point-label halo sweep-label')
      .attr('x', cx + (left ? -8 : 8))
      .attr('y', labelY[k])
      .attr('dy', '0.35em')
      .attr('text-anchor', left ? 'end' : 'start')
      .attr('pointer-events', 'none')
      .text(p.row.values.map((value, i) => formats[i](value)).join(', '));
  });
  // which number of a label is which parameter, in words
  if (frontier.length > 0) addNote(frame, sweepText.frontierLabelKey(options.parameters.map(parameterLabel)));
  if (missing > 0) addNote(frame, text.frontierMissing(numberLocale.format(',')(missing)));
  return frame.svg.node()!;
}
