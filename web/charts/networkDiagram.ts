import * as d3 from 'd3';
import type { ExperimentResult, KpiSummary } from '../../src/experiment/replicate.ts';
import type { Distribution, Scenario } from '../../src/scenario/schema.ts';
import { charts as text } from '../i18n/en/charts.ts';
import { containerWidth, createFrame, showNote, withTooltip, type Group } from './chartFrame.ts';
import { kpiMeta, numberLocale } from './kpiMeta.ts';

/** Mean of a lead-time distribution, in days (what a lane's label shows). */
export function distributionMean(d: Distribution): number {
  switch (d.type) {
    case 'constant':
      return d.value;
    case 'uniform':
    case 'discreteUniform':
      return (d.min + d.max) / 2;
    case 'triangular':
      return (d.min + d.mode + d.max) / 3;
    case 'empirical': {
      const weights = d.weights ?? d.values.map(() => 1);
      const total = d3.sum(weights);
      return d3.sum(d.values, (v, i) => v * weights[i]) / total;
    }
    case 'intermittent':
      return d.probability * distributionMean(d.size);
    default:
      return d.mean;
  }
}

/**
 * Columns by depth: suppliers first, stores and online zones last, warehouses in between at their
 * distance (in lanes) from the furthest upstream node; within a column, nodes sit near the average row
 * of the nodes feeding them (by lanes, or for a zone by the warehouses of its fulfilment entry), which
 * keeps links from crossing in the usual tree-like networks.
 */
export function layoutNetwork(scenario: Pick<Scenario, 'nodes' | 'lanes'> & { fulfilment?: Scenario['fulfilment'] }): string[][] {
  const ids = scenario.nodes.map((n) => n.id);
  const depth = new Map(ids.map((id) => [id, 0]));
  // longest path by relaxation; at most one pass per node, so a cycle cannot loop for ever
  for (let pass = 0; pass < ids.length; pass++) {
    let changed = false;
    for (const lane of scenario.lanes) {
      const next = (depth.get(lane.from) ?? 0) + 1;
      if (depth.has(lane.to) && next > depth.get(lane.to)! && next < ids.length) {
        depth.set(lane.to, next);
        changed = true;
      }
    }
    if (!changed) break;
  }
  const column = new Map<string, number>();
  let deepestWarehouse = 0;
  for (const node of scenario.nodes) {
    if (node.type === 'warehouse') deepestWarehouse = Math.max(deepestWarehouse, Math.max(1, depth.get(node.id)!));
  }
  for (const node of scenario.nodes) {
    if (node.type === 'supplier') column.set(node.id, 0);
    else if (node.type === 'store' || node.type === 'zone') column.set(node.id, deepestWarehouse + 1);
    else column.set(node.id, Math.max(1, depth.get(node.id)!));
  }
  const used = [...new Set(column.values())].sort((a, b) => a - b);
  const columns: string[][] = used.map((c) => ids.filter((id) => column.get(id) === c));

  // order each column by the mean row of its upstream neighbours (nodes without any keep their order)
  const links = [...scenario.lanes.map((l) => ({ from: l.from, to: l.to })), ...fulfilmentLinks(scenario.fulfilment ?? []).map((l) => ({ from: l.from, to: l.to }))];
  const row = new Map<string, number>();
  columns.forEach((nodes, c) => {
    if (c > 0) {
      const key = (id: string) => {
        const rows = links.filter((l) => l.to === id && row.has(l.from)).map((l) => row.get(l.from)!);
        return rows.length > 0 ? d3.mean(rows)! : Infinity;
      };
      const keys = new Map(nodes.map((id, i) => [id, [key(id), i] as const]));
      nodes.sort((a, b) => keys.get(a)![0] - keys.get(b)![0] || keys.get(a)![1] - keys.get(b)![1]);
    }
    nodes.forEach((id, r) => row.set(id, r / Math.max(1, nodes.length - 1)));
  });
  return columns;
}

/** A warehouse shipping an online zone's orders: one per source of each fulfilment entry. */
export interface FulfilmentLink {
  from: string;
  to: string;
  /** mean pick-and-pack plus transit days */
  pickPackDays: number;
  transitDays: number;
  rule: Scenario['fulfilment'][number]['rule'];
}

export function fulfilmentLinks(fulfilment: Scenario['fulfilment']): FulfilmentLink[] {
  return fulfilment.flatMap((entry) =>
    entry.from.map((source) => ({ from: source.warehouse, to: entry.zone, pickPackDays: distributionMean(source.pickPackDays), transitDays: distributionMean(source.transitDays), rule: entry.rule })),
  );
}

interface PointCell {
  product: string;
  fillRate: KpiSummary | undefined;
}

const CELL_COMPACT = 10;

/**
 * The network of a scenario: suppliers, warehouses and stores in columns from left to right, lanes
 * as arrows labelled with their mean lead time, and each node's stock points coloured by their fill
 * rate for one policy variant (a colour-blind-safe sequential scale, with its legend). A node without
 * stock points is grey. Online zones sit in the last column with the stores, outlined in dark (they
 * hold no stock, and show their on-time delivery); dashed arrows from the warehouses of their
 * fulfilment entry, labelled with the mean pick-and-pack plus transit days, tell those deliveries
 * apart from supply lanes.
 */
export function renderNetwork(container: HTMLElement, scenario: Scenario, result: ExperimentResult, options: { variant: number }): SVGSVGElement | null {
  const variant = result.variants[options.variant];
  if (!variant || scenario.nodes.length === 0) return showNote(container, text.notAvailable);
  const fillMeta = kpiMeta('fillRate');
  const points = new Map<string, PointCell[]>();
  for (const point of variant.stockPoints) {
    const list = points.get(point.node) ?? [];
    list.push({ product: point.product, fillRate: point.kpis.fillRate });
    points.set(point.node, list);
  }

  const columns = layoutNetwork(scenario);
  const deliveries = fulfilmentLinks(scenario.fulfilment ?? []);
  const tallest = d3.max(columns, (c) => c.length) ?? 1;
  const mostPoints = d3.max([...points.values()], (l) => l.length) ?? 0;
  // many nodes or many products: small unlabelled cells in a grid (the tooltips name them)
  const compact = scenario.nodes.length > 40 || mostPoints > 6;
  container.replaceChildren(); // measured empty, as createFrame will
  const innerWidth = containerWidth(container) - 32;
  // on a narrow screen the grey "no stock" key goes under the colour bar
  const narrow = innerWidth < 520;
  const legendHeight = narrow ? 84 : 60;
  const nodeWidth = Math.min(220, (innerWidth / columns.length) * 0.62);
  const perRow = compact ? Math.max(1, Math.floor((nodeWidth - 20) / (CELL_COMPACT + 2))) : 1;
  const cellRows = Math.ceil(mostPoints / perRow);
  const nodeHeight = compact ? 48 + cellRows * (CELL_COMPACT + 2) : 48 + Math.max(1, mostPoints) * 22;
  const rowHeight = nodeHeight + (compact ? 14 : 36);

  const frame = createFrame(container, {
    name: 'network',
    title: text.networkCaption(variant.name),
    caption: [text.networkCaption(variant.name), ...(deliveries.length > 0 ? [text.fulfilmentKey] : [])],
    plotHeight: legendHeight + tallest * rowHeight,
    margin: { left: 16, right: 16, bottom: 16 },
  });
  const { plot } = frame;

  const rates = variant.stockPoints.map((p) => p.kpis.fillRate.mean).filter((v): v is number => v !== null);
  // the scale starts at a round 5% below the lowest fill rate, and at most at 90%, so small differences show
  const low = Math.min(0.9, Math.floor((d3.min(rates) ?? 0.9) * 20) / 20);
  const color = d3.scaleSequential(d3.interpolateCividis).domain([low, 1]);
  drawColorLegend(plot, color, low, Math.min(360, innerWidth), narrow);

  const spacing = columns.length > 1 ? (innerWidth - nodeWidth) / (columns.length - 1) : 0;
  const place = new Map<string, { x: number; y: number }>();
  columns.forEach((ids, c) => {
    const offset = ((tallest - ids.length) * rowHeight) / 2;
    ids.forEach((id, r) => place.set(id, { x: columns.length > 1 ? c * spacing : (innerWidth - nodeWidth) / 2, y: legendHeight + offset + r * rowHeight }));
  });
  const nameOf = new Map(scenario.nodes.map((n) => [n.id, n.name ?? n.id]));

  // lanes under the nodes
  const defs = frame.svg.append('defs');
  defs
    .append('marker')
    .attr('id', 'stocklab-arrow')
    .attr('viewBox', '0 -5 10 10')
    .attr('refX', 9)
    .attr('markerWidth', 8)
    .attr('markerHeight', 8)
    .attr('orient', 'auto')
    .append('path')
    .attr('class', 'lane-arrow')
    .attr('d', 'M0,-5L10,0L0,5Z');
  const link = d3.linkHorizontal<{ source: [number, number]; target: [number, number] }, [number, number]>();
  const focusable = variant.stockPoints.length <= 60;
  /** An arrow from source to target labelled with its days, the tooltip's lines on both. */
  const drawLink = (g: d3.Selection<SVGGElement, unknown, null, undefined>, pathClass: string, source: [number, number], target: [number, number], days: string, lines: string[]) => {
    const path = g.append('path').attr('class', pathClass).attr('d', link({ source, target })).attr('marker-end', 'url(#stocklab-arrow)');
    const label = g
      .append('text')
      .attr('class', 'lane-label halo')
      .attr('x', (source[0] + target[0]) / 2)
      .attr('y', (source[1] + target[1]) / 2 - 6)
      .attr('text-anchor', 'middle')
      .text(text.leadTime(days));
    withTooltip(frame, path, lines, false);
    withTooltip(frame, label, lines, focusable);
  };
  for (const lane of scenario.lanes) {
    const from = place.get(lane.from);
    const to = place.get(lane.to);
    if (!from || !to) continue;
    const source: [number, number] = [from.x + nodeWidth, from.y + nodeHeight / 2];
    const target: [number, number] = [to.x - 2, to.y + nodeHeight / 2];
    const days = numberLocale.format(',.1~f')(distributionMean(lane.leadTime));
    drawLink(plot.append('g').attr('class', 'lane'), 'lane-path', source, target, days, [text.leadTimeFull(nameOf.get(lane.from)!, nameOf.get(lane.to)!, days)]);
  }

  // online deliveries: dashed, from each warehouse of a zone's fulfilment entry to the zone
  for (const delivery of deliveries) {
    const from = place.get(delivery.from);
    const to = place.get(delivery.to);
    if (!from || !to) continue;
    const source: [number, number] = [from.x + nodeWidth, from.y + nodeHeight / 2];
    const target: [number, number] = [to.x - 2, to.y + nodeHeight / 2];
    const g = plot.append('g').attr('class', 'fulfilment').attr('data-from', delivery.from).attr('data-to', delivery.to);
    const days = numberLocale.format(',.1~f')(delivery.pickPackDays + delivery.transitDays);
    drawLink(g, 'fulfilment-path', source, target, days, [text.transitFull(nameOf.get(delivery.from) ?? delivery.from, nameOf.get(delivery.to) ?? delivery.to, days, text.fulfilmentRules[delivery.rule])]);
  }

  const zoneResults = new Map(variant.customers.zones.map((zone) => [zone.zone, zone]));
  for (const node of scenario.nodes) {
    const at = place.get(node.id)!;
    const cells = points.get(node.id) ?? [];
    const g = plot.append('g').attr('class', `network-node node-${node.type}`).attr('data-node', node.id).attr('transform', `translate(${at.x},${at.y})`);
    g.append('rect')
      .attr('class', node.type === 'zone' ? 'node-box zone-box' : cells.length === 0 ? 'node-box node-empty' : 'node-box')
      .attr('width', nodeWidth)
      .attr('height', nodeHeight)
      // the shape says the type too: square suppliers, rounded warehouses, pill-shaped stores
      .attr('rx', node.type === 'supplier' ? 0 : node.type === 'warehouse' ? 6 : 18);
    const name = nameOf.get(node.id)!;
    const shown = truncate(name, nodeWidth - 20, 9.5);
    const nameText = g.append('text').attr('class', 'node-name').attr('x', 10).attr('y', 20).text(shown);
    if (shown !== name) nameText.append('title').text(name);
    g.append('text').attr('class', 'node-type').attr('x', 10).attr('y', 38).text(text.nodeTypes[node.type]);
    const zone = node.type === 'zone' ? zoneResults.get(node.id) : undefined;
    if (zone && zone.delivered.mean !== null && zone.delivered.mean > 0 && zone.onTime.mean !== null) {
      // on-time delivery of the zone's orders: the ratio of the mean counts (of sums over replications)
      const share = kpiMeta('onTimeDelivery').format(zone.onTime.mean / zone.delivered.mean);
      const figure = g.append('text').attr('class', 'zone-figure').attr('x', 10).attr('y', 58).text(truncate(text.zoneOnTime(share), nodeWidth - 16, 7.5));
      withTooltip(frame, figure, [text.zoneOnTimeFull(name, share, numberLocale.format(',.1f')(zone.delivered.mean))], focusable);
    }
    drawCells(frame, g, cells, node.id, color, nodeWidth, compact ? perRow : 0, focusable, fillMeta.formatWithHalfWidth);
  }
  return frame.svg.node();
}

function drawCells(
  frame: Parameters<typeof withTooltip>[0],
  g: Group,
  cells: PointCell[],
  node: string,
  color: d3.ScaleSequential<string>,
  nodeWidth: number,
  /** cells per row in a compact grid; 0 for a labelled list */
  perRow: number,
  focusable: boolean,
  format: (mean: number, halfWidth: number | null) => string,
): void {
  const compact = perRow > 0;
  const size = compact ? CELL_COMPACT : 16;
  cells.forEach((cell, k) => {
    const mean = cell.fillRate?.mean ?? null;
    const x = compact ? 10 + (k % perRow) * (size + 2) : 10;
    const y = compact ? 46 + Math.floor(k / perRow) * (size + 2) : 50 + k * 22;
    const rect = g
      .append('rect')
      .attr('class', mean === null ? 'point-cell node-empty' : 'point-cell')
      .attr('x', x)
      .attr('y', y)
      .attr('width', size)
      .attr('height', size)
      .attr('fill', mean === null ? null : color(mean));
    const value = mean === null ? text.notApplicable : format(mean, cell.fillRate?.halfWidth ?? null);
    if (!compact) {
      g.append('text')
        .attr('class', 'point-label')
        .attr('x', x + size + 6)
        .attr('y', y + size / 2)
        .attr('dy', '0.35em')
        .text(truncate(`${cell.product} ${mean === null ? '—' : kpiMeta('fillRate').format(mean)}`, nodeWidth - size - 20));
    }
    withTooltip(frame, rect, [`${node} · ${cell.product}`, `${text.networkLegend}: ${value}`], focusable);
  });
}

function drawColorLegend(plot: Group, color: d3.ScaleSequential<string>, low: number, width: number, narrow: boolean): void {
  // shifted right so the first tick's label is not cut at the edge
  const g = plot.append('g').attr('class', 'color-legend').attr('transform', 'translate(18,0)');
  const id = 'stocklab-fill-gradient';
  const gradient = g.append('defs').append('linearGradient').attr('id', id);
  for (const t of d3.range(0, 1.0001, 0.1)) gradient.append('stop').attr('offset', `${t * 100}%`).attr('stop-color', color(low + t * (1 - low)));
  g.append('text').attr('class', 'legend-title').attr('x', 0).attr('y', 12).text(text.networkLegend);
  const barWidth = narrow ? Math.max(120, width - 40) : Math.max(120, width - 180);
  g.append('rect').attr('x', 0).attr('y', 20).attr('width', barWidth).attr('height', 12).attr('fill', `url(#${id})`);
  const x = d3.scaleLinear().domain([low, 1]).range([0, barWidth]);
  g.append('g')
    .attr('class', 'axis')
    .attr('transform', 'translate(0,32)')
    .call(d3.axisBottom(x).ticks(4).tickFormat((d) => numberLocale.format('.0%')(Number(d))).tickSizeOuter(0));
  const empty = g.append('g').attr('transform', narrow ? 'translate(0,58)' : `translate(${barWidth + 20},20)`);
  empty.append('rect').attr('class', 'node-empty').attr('width', 14).attr('height', 12);
  empty.append('text').attr('class', 'legend-note').attr('x', 20).attr('y', 6).attr('dy', '0.35em').text(text.noStockPoint);
}

/** Shortens a label to fit a width (about 8.5 px a character at the chart's font size, more in bold). */
function truncate(label: string, width: number, perCharacter = 8.5): string {
  const max = Math.max(4, Math.floor(width / perCharacter));
  return label.length > max ? `${label.slice(0, max - 1)}…` : label;
}
