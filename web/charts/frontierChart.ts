import * as d3 from 'd3';
import type { ExperimentResult } from '../../src/experiment/replicate.ts';
import { charts as text } from '../i18n/strings.ts';
import { addNote, createFrame, drawAxes, showNote, withTooltip } from './chartFrame.ts';
import { lineBox, placeLabels, type Box, type LabelRequest } from './labelPlacement.ts';
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

  const obstacles: Box[] = [];
  const requests: LabelRequest[] = [];
  const groups = points.map((p) => {
    const color = variantColor(p.index);
    const g = plot.append('g').attr('class', 'frontier-point');
    const [cx, cy] = [x(p.cost), y(p.service)];
    let extent = { left: cx - 8, right: cx + 8, top: cy - 8, bottom: cy + 8 };
    if (p.hasInterval) {
      const whiskers = g.append('g').attr('class', 'whisker').attr('stroke', color);
      const [x0, x1] = [x(p.cost - p.costHw), x(p.cost + p.costHw)];
      const [y0, y1] = [y(p.service - p.serviceHw), y(p.service + p.serviceHw)];
      whiskers.append('line').attr('x1', x0).attr('x2', x1).attr('y1', cy).attr('y2', cy);
      whiskers.append('line').attr('x1', cx).attr('x2', cx).attr('y1', y0).attr('y2', y1);
      for (const xe of [x0, x1]) whiskers.append('line').attr('x1', xe).attr('x2', xe).attr('y1', cy - 6).attr('y2', cy + 6);
      for (const ye of [y0, y1]) whiskers.append('line').attr('x1', cx - 6).attr('x2', cx + 6).attr('y1', ye).attr('y2', ye);
      obstacles.push(lineBox(x0, cy, x1, cy, 13), lineBox(cx, y0, cx, y1, 13));
      extent = { left: Math.min(x0, cx - 8), right: Math.max(x1, cx + 8), top: Math.min(y1, cy - 8), bottom: Math.max(y0, cy + 8) };
    }
    obstacles.push({ x: cx - 9, y: cy - 9, width: 18, height: 18 });
    const marker = g
      .append('path')
      .attr('class', 'point-marker')
      .attr('d', d3.symbol(variantMarker(p.index), 160)())
      .attr('transform', `translate(${cx},${cy})`)
      .attr('fill', color);
    withTooltip(frame, marker, [
      p.name,
      `${service.label}: ${service.formatWithHalfWidth(p.service, p.hasInterval ? p.serviceHw : null)}`,
      `${cost.label}: ${cost.formatWithHalfWidth(p.cost, p.hasInterval ? p.costHw : null)} ${cost.unit}`,
      p.hasInterval ? text.replicationsCount(p.n) : text.oneReplicationNoInterval,
    ]);
    return { g, cx, cy, extent };
  });
  // names where they cover no other name, whisker or marker (labelPlacement.ts); where no spot is
  // free the legend above names the point
  points.forEach((p, k) => {
    const label = groups[k].g.append('text').attr('class', 'point-label halo').attr('dy', '0.35em').text(p.name);
    const width = measuredWidth(label.node(), p.name);
    requests.push({ x: groups[k].cx, y: groups[k].cy, width, height: 16, extent: groups[k].extent });
  });
  const placed = placeLabels(requests, obstacles, { x: 0, y: 0, width: innerWidth, height: innerHeight });
  points.forEach((p, k) => {
    const { g, cx, cy } = groups[k];
    const label = g.select<SVGTextElement>('text.point-label');
    const spot = placed[k];
    if (spot === null) {
      label.remove();
      return;
    }
    label.attr('x', spot.box.x).attr('y', spot.box.y + spot.box.height / 2).attr('text-anchor', 'start');
    if (spot.leader) {
      const toLeft = spot.box.x + spot.box.width / 2 < cx;
      g.insert('line', 'text')
        .attr('class', 'label-leader')
        .attr('stroke', variantColor(p.index))
        .attr('x1', toLeft ? spot.box.x + spot.box.width : spot.box.x)
        .attr('y1', spot.box.y + spot.box.height / 2)
        .attr('x2', cx)
        .attr('y2', cy);
    }
  });
  if (missing.length > 0) addNote(frame, text.frontierMissing(missing.join(', ')));
  return frame.svg.node();
}

/** A name's width as drawn (a rough estimate where the page cannot measure: no layout). */
function measuredWidth(node: SVGTextElement | null, name: string): number {
  try {
    const width = node?.getComputedTextLength();
    if (width !== undefined && width > 0) return width;
  } catch {
    // no layout (a detached or hidden chart): estimate
  }
  return name.length * 7.5;
}
