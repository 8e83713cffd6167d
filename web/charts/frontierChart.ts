import * as d3 from 'd3';
import type { ExperimentResult } from '../../src/experiment/replicate.ts';
import { charts as text } from '../i18n/en/charts.ts';
import { addNote, createFrame, drawAxes, showNote, spreadLabels, withTooltip } from './chartFrame.ts';
import { axisFormat, kpiMeta } from './kpiMeta.ts';
import { intervalDomain } from './noiseScale.ts';
import { variantColor, variantMarker } from './palette.ts';

interface Point {
  index: number;
  name: string;
  cost: number;
  costHw: number;
  service: number;
  serviceHw: number;
  n: number;
  hasInterval: boolean;
}

/**
 * Service against holding cost: one point per policy variant (network fill rate, holding cost), with
 * 95% confidence whiskers on both axes and the variant's name beside it. Up and to the left is better.
 */
export function renderFrontier(container: HTMLElement, result: ExperimentResult, options: { currency?: string } = {}): SVGSVGElement | null {
  const service = kpiMeta('fillRate');
  const cost = kpiMeta('holdingCost', options.currency);
  const points: Point[] = [];
  const missing: string[] = [];
  result.variants.forEach((variant, index) => {
    const s = variant.network.fillRate;
    const c = variant.network.holdingCost;
    if (s.mean === null || c.mean === null) {
      missing.push(variant.name);
      return;
    }
    points.push({
      index,
      name: variant.name,
      service: s.mean,
      serviceHw: s.halfWidth ?? 0,
      cost: c.mean,
      costHw: c.halfWidth ?? 0,
      n: Math.min(s.n, c.n),
      hasInterval: s.halfWidth !== null && c.halfWidth !== null,
    });
  });
  if (points.length === 0) return showNote(container, text.notAvailable);

  const frame = createFrame(container, {
    name: 'frontier',
    title: `${service.label} / ${cost.label}`,
    caption: [`${text.meanCi(result.replications)} · ${text.frontierBetter}`],
    legend: points.map((p) => ({ label: p.name, swatch: 'marker', color: variantColor(p.index), symbol: variantMarker(p.index) })),
    aspect: 0.5,
    margin: { left: 92, right: 32 },
  });
  const { plot, innerWidth, innerHeight } = frame;

  // the axes cover the whiskers and never zoom in below a few half-widths (noiseScale.ts), so points
  // whose intervals overlap never look far apart
  const x = d3.scaleLinear().domain(intervalDomain(points.map((p) => ({ mean: p.cost, halfWidth: p.hasInterval ? p.costHw : null })), 0, Infinity)).range([0, innerWidth]);
  const y = d3.scaleLinear().domain(intervalDomain(points.map((p) => ({ mean: p.service, halfWidth: p.hasInterval ? p.serviceHw : null })), 0, 1)).range([innerHeight, 0]);
  drawAxes(frame, x, y, {
    xFormat: axisFormat('money', x.domain()[0], x.domain()[1], innerWidth / 100),
    yFormat: axisFormat('ratio', y.domain()[0], y.domain()[1], innerHeight / 55),
    xLabel: cost.labelWithUnit,
    yLabel: service.labelWithUnit,
  });

  // names sit above their point, off the horizontal whisker, nudged apart where points are close
  const labelY = spreadLabels(
    points.map((p) => (y(p.service) < 30 ? y(p.service) + 22 : y(p.service) - 16)),
    20,
    10,
    innerHeight - 4,
  );
  points.forEach((p, k) => {
    const color = variantColor(p.index);
    const g = plot.append('g').attr('class', 'frontier-point');
    const [cx, cy] = [x(p.cost), y(p.service)];
    if (p.hasInterval) {
      const whiskers = g.append('g').attr('class', 'whisker').attr('stroke', color);
      const [x0, x1] = [x(p.cost - p.costHw), x(p.cost + p.costHw)];
      const [y0, y1] = [y(p.service - p.serviceHw), y(p.service + p.serviceHw)];
      whiskers.append('line').attr('x1', x0).attr('x2', x1).attr('y1', cy).attr('y2', cy);
      whiskers.append('line').attr('x1', cx).attr('x2', cx).attr('y1', y0).attr('y2', y1);
      for (const xe of [x0, x1]) whiskers.append('line').attr('x1', xe).attr('x2', xe).attr('y1', cy - 6).attr('y2', cy + 6);
      for (const ye of [y0, y1]) whiskers.append('line').attr('x1', cx - 6).attr('x2', cx + 6).attr('y1', ye).attr('y2', ye);
    }
    const marker = g
      .append('path')
      .attr('class', 'point-marker')
      .attr('d', d3.symbol(variantMarker(p.index), 160)())
      .attr('transform', `translate(${cx},${cy})`)
      .attr('fill', color);
    // the name beside the point, on the side with room
    const left = cx > innerWidth * 0.7;
    g.append('text')
      .attr('class', 'point-label halo')
      .attr('x', cx + (left ? -8 : 8))
      .attr('y', labelY[k])
      .attr('dy', '0.35em')
      .attr('text-anchor', left ? 'end' : 'start')
      .text(p.name);
    withTooltip(frame, marker, [
      p.name,
      `${service.label}: ${service.formatWithHalfWidth(p.service, p.hasInterval ? p.serviceHw : null)}`,
      `${cost.label}: ${cost.formatWithHalfWidth(p.cost, p.hasInterval ? p.costHw : null)} ${cost.unit}`,
      p.hasInterval ? text.replicationsCount(p.n) : text.oneReplicationNoInterval,
    ]);
  });
  if (missing.length > 0) addNote(frame, text.frontierMissing(missing.join(', ')));
  return frame.svg.node();
}
