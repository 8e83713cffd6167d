import * as d3 from 'd3';
import type { ExperimentResult, KpiSummary } from '../../src/experiment/replicate.ts';
import type { Distribution, Scenario } from '../../src/scenario/schema.ts';
import { charts as text } from '../i18n/strings.ts';
import { clamp, containerWidth, createFrame, fitText, showNote, textWidth, withTooltip, type Frame, type Group } from './chartFrame.ts';
import { kpiMeta, numberLocale } from './kpiMeta.ts';
import { aggregateNetwork, shouldAggregate, type AggregatedNetwork, type NetworkBox, type NodeLink } from './networkAggregate.ts';

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
 * apart from supply lanes. A large network (many nodes, or many stock points at a node) is drawn
 * summarised instead (renderSummary). Either way the diagram scrolls inside a box of bounded height.
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
  if (shouldAggregate(scenario.nodes.length, mostPoints)) return renderSummary(container, scenario, variant, columns, deliveries);
  // many products: small unlabelled cells in a grid (the tooltips name them)
  const compact = mostPoints > 6;
  const nameOf = new Map(scenario.nodes.map((n) => [n.id, n.name ?? n.id]));
  const zoneResults = new Map(variant.customers.zones.map((zone) => [zone.zone, zone]));
  const zoneShare = (id: string): string | null => {
    const zone = zoneResults.get(id);
    if (!zone || zone.delivered.mean === null || zone.delivered.mean <= 0 || zone.onTime.mean === null) return null;
    // on-time delivery of the zone's orders: the ratio of the mean counts (of sums over replications)
    return kpiMeta('onTimeDelivery').format(zone.onTime.mean / zone.delivered.mean);
  };
  const pointLabel = (cell: PointCell) => `${cell.product} ${cell.fillRate?.mean == null ? '—' : kpiMeta('fillRate').format(cell.fillRate.mean)}`;

  container.replaceChildren(); // measured empty, as createFrame will
  const innerWidth = containerWidth(container) - 32;
  // on a narrow screen the grey "no stock" key goes under the colour bar
  const narrow = innerWidth < 520;
  const legendHeight = narrow ? 84 : 60;

  // each box as wide as its texts need (a name may take two lines), never cut: a column is as wide as
  // its widest box, and a diagram wider than the screen scrolls sideways in its box
  const measure = measurer(container);
  // names wrap at the width that would fit every column on the screen, within NODE_MIN_WIDTH..NODE_MAX_WIDTH
  const wrapAt = clamp((innerWidth - COLUMN_GAP_MIN * (columns.length - 1)) / columns.length, NODE_MIN_WIDTH, NODE_MAX_WIDTH);
  const boxes = new Map<string, { lines: string[]; width: number }>();
  for (const node of scenario.nodes) {
    const name = nameOf.get(node.id)!;
    const cells = points.get(node.id) ?? [];
    const share = node.type === 'zone' ? zoneShare(node.id) : null;
    const others = [
      measure('node-type', text.nodeTypes[node.type]) + 20,
      share === null ? 0 : measure('zone-figure', text.zoneOnTime(share)) + 20,
      compact ? 0 : (d3.max(cells, (cell) => measure('point-label', pointLabel(cell))) ?? 0) + 16 + 6 + 20,
    ];
    const needed = Math.max(NODE_MIN_WIDTH, ...others);
    // three lines only where the screen is too narrow for every column's widest box
    const lines = nameLines(name, measure, Math.max(needed, wrapAt) - 20, wrapAt < NODE_MAX_WIDTH ? 3 : 2);
    boxes.set(node.id, { lines, width: Math.max(needed, d3.max(lines, (line) => measure('node-name', line))! + 20) });
  }
  const columnWidths = columns.map((ids) => d3.max(ids, (id) => boxes.get(id)!.width) ?? NODE_MIN_WIDTH);
  const nameRows = d3.max([...boxes.values()], (box) => box.lines.length) ?? 1;
  const header = (nameRows - 1) * NAME_LINE;

  const perRow = compact ? Math.max(1, Math.floor((d3.min(columnWidths)! - 20) / (CELL_COMPACT + 2))) : 1;
  const cellRows = Math.ceil(mostPoints / perRow);
  const nodeHeight = header + (compact ? 48 + cellRows * (CELL_COMPACT + 2) : 48 + Math.max(1, mostPoints) * 22);
  const rowGap = ROW_GAP;
  const rowHeight = nodeHeight + rowGap;
  // an arrow within the last column bows out to its right: room for it there
  const lastColumn = new Set(columns[columns.length - 1]);
  const bowRoom = [...scenario.lanes, ...deliveries].some((l) => lastColumn.has(l.from) && lastColumn.has(l.to)) ? BOW_ROOM : 0;
  const totalWidth = d3.sum(columnWidths) + bowRoom;
  const gap = columns.length > 1 ? clamp((innerWidth - totalWidth) / (columns.length - 1), COLUMN_GAP_MIN, COLUMN_GAP_MAX) : 0;
  const plotWidth = totalWidth + gap * (columns.length - 1);

  const frame = createFrame(container, {
    name: 'network',
    title: text.networkCaption(variant.name),
    caption: [text.networkCaption(variant.name), ...(deliveries.length > 0 ? [text.fulfilmentKey] : [])],
    // a free row above and below the boxes: arrows that pass a column go round its boxes there
    plotHeight: legendHeight + rowGap + tallest * rowHeight,
    margin: { left: 16, right: 16, bottom: 16 },
  });
  if (plotWidth > innerWidth) {
    const width = plotWidth + 32;
    frame.svg.attr('width', width).attr('viewBox', `0 0 ${width} ${frame.height}`).classed('wide', true);
  }
  scrollBox(frame);
  const { plot } = frame;

  const rates = variant.stockPoints.map((p) => p.kpis.fillRate.mean).filter((v): v is number => v !== null);
  // the scale starts at a round 5% below the lowest fill rate, and at most at 90%, so small differences show
  const low = Math.min(0.9, Math.floor((d3.min(rates) ?? 0.9) * 20) / 20);
  const color = d3.scaleSequential(d3.interpolateCividis).domain([low, 1]);
  drawColorLegend(plot, color, low, Math.min(360, innerWidth), narrow);

  // columns left to right, centred when the screen is wider than the diagram
  const left0 = Math.max(0, (innerWidth - plotWidth) / 2);
  // (the room for a bow right of the last column is in plotWidth, after the columns)
  const columnLeft: number[] = [];
  columnWidths.forEach((_, c) => columnLeft.push(c === 0 ? left0 : columnLeft[c - 1] + columnWidths[c - 1] + gap));
  const top = legendHeight + rowGap;
  const place = new Map<string, Rect>();
  const columnOf = new Map<string, number>();
  columns.forEach((ids, c) => {
    const offset = ((tallest - ids.length) * rowHeight) / 2;
    ids.forEach((id, r) => {
      // a box narrower than its column sits in its middle
      const width = boxes.get(id)!.width;
      place.set(id, { x: columnLeft[c] + (columnWidths[c] - width) / 2, y: top + offset + r * rowHeight, width, height: nodeHeight });
      columnOf.set(id, c);
    });
  });
  const router = createRouter({
    columns: columns.map((ids, c) => ({ left: columnLeft[c], right: columnLeft[c] + columnWidths[c], boxes: ids.map((id) => place.get(id)!) })),
    top: legendHeight + 4,
    bottom: top + tallest * rowHeight,
  });

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
  const focusable = variant.stockPoints.length <= 60;
  /** An arrow from one node to another, routed between the boxes, labelled with its days, the tooltip's lines on both. */
  const drawLink = (g: d3.Selection<SVGGElement, unknown, null, undefined>, pathClass: string, from: string, to: string, days: string, lines: string[]) => {
    const route = router.route(place.get(from)!, columnOf.get(from)!, place.get(to)!, columnOf.get(to)!);
    const path = g.append('path').attr('class', pathClass).attr('d', route.path).attr('marker-end', 'url(#stocklab-arrow)');
    const label = g
      .append('text')
      .attr('class', 'lane-label halo')
      .attr('x', route.label[0])
      .attr('y', route.label[1])
      .attr('dy', '0.35em')
      .attr('text-anchor', 'middle')
      .text(text.leadTime(days));
    withTooltip(frame, path, lines, false);
    withTooltip(frame, label, lines, focusable);
  };
  for (const lane of scenario.lanes) {
    if (!place.has(lane.from) || !place.has(lane.to)) continue;
    const days = numberLocale.format(',.1~f')(distributionMean(lane.leadTime));
    const g = plot.append('g').attr('class', 'lane').attr('data-from', lane.from).attr('data-to', lane.to);
    drawLink(g, 'lane-path', lane.from, lane.to, days, [text.leadTimeFull(nameOf.get(lane.from)!, nameOf.get(lane.to)!, days)]);
  }

  // online deliveries: dashed, from each warehouse of a zone's fulfilment entry to the zone
  for (const delivery of deliveries) {
    if (!place.has(delivery.from) || !place.has(delivery.to)) continue;
    const g = plot.append('g').attr('class', 'fulfilment').attr('data-from', delivery.from).attr('data-to', delivery.to);
    const days = numberLocale.format(',.1~f')(delivery.pickPackDays + delivery.transitDays);
    drawLink(g, 'fulfilment-path', delivery.from, delivery.to, days, [
      text.transitFull(nameOf.get(delivery.from) ?? delivery.from, nameOf.get(delivery.to) ?? delivery.to, days, text.fulfilmentRules[delivery.rule]),
    ]);
  }

  for (const node of scenario.nodes) {
    const at = place.get(node.id)!;
    const cells = points.get(node.id) ?? [];
    const g = plot.append('g').attr('class', `network-node node-${node.type}`).attr('data-node', node.id).attr('transform', `translate(${at.x},${at.y})`);
    g.append('rect')
      .attr('class', node.type === 'zone' ? 'node-box zone-box' : cells.length === 0 ? 'node-box node-empty' : 'node-box')
      .attr('width', at.width)
      .attr('height', nodeHeight)
      // the shape says the type too: square suppliers, rounded warehouses, pill-shaped stores
      .attr('rx', node.type === 'supplier' ? 0 : node.type === 'warehouse' ? 6 : 18);
    const name = nameOf.get(node.id)!;
    const nameText = g.append('text').attr('class', 'node-name').attr('x', 10).attr('y', 20);
    boxes.get(node.id)!.lines.forEach((line, k) => {
      nameText.append('tspan').attr('x', 10).attr('dy', k === 0 ? 0 : NAME_LINE).text(line);
    });
    // the whole name on hover, whether it takes one line or two
    nameText.append('title').text(name);
    g.append('text').attr('class', 'node-type').attr('x', 10).attr('y', 38 + header).text(text.nodeTypes[node.type]);
    const share = node.type === 'zone' ? zoneShare(node.id) : null;
    const zone = zoneResults.get(node.id);
    if (share !== null && zone) {
      const figure = g.append('text').attr('class', 'zone-figure').attr('x', 10).attr('y', 58 + header).text(text.zoneOnTime(share));
      withTooltip(frame, figure, [text.zoneOnTimeFull(name, share, numberLocale.format(',.1f')(zone.delivered.mean!))], focusable);
    }
    drawCells(frame, g, cells, node.id, color, header, compact ? perRow : 0, focusable, fillMeta.formatWithHalfWidth, pointLabel);
  }
  return frame.svg.node();
}

/** the narrowest and the usual widest box (a longer name wraps onto two lines first, then widens it) */
const NODE_MIN_WIDTH = 120;
const NODE_MAX_WIDTH = 220;
const NAME_LINE = 18;
const ROW_GAP = 44;
const COLUMN_GAP_MIN = 64;
const COLUMN_GAP_MAX = 320;
/** how far an arrow within a column bows out to the column's right */
const BOW = 40;
const BOW_ROOM = 56;

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Measures texts as the chart draws them (its classes, its fonts) in a hidden SVG in `container`,
 * before the chart is laid out; estimated where the container is not laid out (hidden).
 */
function measurer(container: HTMLElement): (className: string, content: string) => number {
  const holder = document.createElement('div');
  holder.className = 'stocklab-chart chart-network';
  holder.style.cssText = 'position:absolute;visibility:hidden;pointer-events:none;left:0;top:0';
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('class', 'chart-svg');
  holder.append(svg);
  container.append(holder);
  const cache = new Map<string, number>();
  return (className, content) => {
    const key = `${className}\u0001${content}`;
    if (!cache.has(key)) {
      const node = document.createElementNS('http://www.w3.org/2000/svg', 'text');
      node.setAttribute('class', className);
      node.textContent = content;
      svg.append(node);
      // bold names are wider than the 15 px estimate
      cache.set(key, Math.ceil(textWidth(node, className === 'node-name' ? 16.5 : 15)));
      node.remove();
    }
    return cache.get(key)!;
  };
}

/**
 * A name on one line when it fits `width`, else on two, broken at the spaces that make the longest
 * line shortest, or (`maxLines` 3) three when two lines would still be wider than `width` (a long
 * name on a small screen); a single word stays whole: the box widens for it.
 */
export function nameLines(name: string, measure: (className: string, content: string) => number, width: number, maxLines: 2 | 3 = 2): string[] {
  if (measure('node-name', name) <= width) return [name];
  const words = name.split(' ');
  const widest = (lines: string[]) => Math.max(...lines.map((line) => measure('node-name', line)));
  let best: string[] = [name];
  let bestWidth = widest(best);
  const consider = (lines: string[]) => {
    const w = widest(lines);
    if (w < bestWidth) {
      best = lines;
      bestWidth = w;
    }
  };
  for (let k = 1; k < words.length; k++) consider([words.slice(0, k).join(' '), words.slice(k).join(' ')]);
  if (bestWidth <= width || maxLines < 3) return best;
  for (let i = 1; i < words.length; i++) {
    for (let k = i + 1; k < words.length; k++) consider([words.slice(0, i).join(' '), words.slice(i, k).join(' '), words.slice(k).join(' ')]);
  }
  return best;
}

interface RouterColumn {
  left: number;
  right: number;
  /** its boxes, top to bottom */
  boxes: Rect[];
}

/**
 * Routes arrows between boxes laid out in columns. Between neighbouring columns an arrow is an S-curve
 * from the source's right border to the target's left border (only the gap lies between them). An
 * arrow passing columns runs through a free corridor of each (above, between or below their boxes),
 * the one nearest the target that no other arrow took yet; one within a column bows out to its right;
 * one going back (right to left) runs the same way mirrored. Its label sits on its run through the
 * first free stretch: the gap between columns, or the corridor, never on a box's border.
 */
function createRouter(layout: { columns: RouterColumn[]; top: number; bottom: number }) {
  const { columns } = layout;
  const link = d3.linkHorizontal<{ source: [number, number]; target: [number, number] }, [number, number]>();
  const used = new Map<string, number>();
  /** the free vertical stretches of a column: above its first box, between boxes, below its last */
  const freeOf = (column: RouterColumn): [number, number][] => {
    const free: [number, number][] = [];
    let y = layout.top;
    for (const box of column.boxes) {
      if (box.y - y > 16) free.push([y, box.y]);
      y = box.y + box.height;
    }
    if (layout.bottom - y > 16) free.push([y, layout.bottom]);
    return free;
  };
  /** a y free in every column from..to (inclusive), nearest `near`, preferring one not used yet */
  const corridor = (from: number, to: number, near: number): number => {
    let free: [number, number][] = [[layout.top, layout.bottom]];
    for (let c = from; c <= to; c++) {
      const next: [number, number][] = [];
      for (const a of free) for (const b of freeOf(columns[c])) if (Math.min(a[1], b[1]) - Math.max(a[0], b[0]) > 16) next.push([Math.max(a[0], b[0]), Math.min(a[1], b[1])]);
      free = next;
    }
    if (free.length === 0) return layout.bottom; // cannot happen: the row below the boxes is free
    const scored = free.map(([a, b]) => {
      const y = (a + b) / 2;
      const key = `${from}:${to}:${Math.round(y)}`;
      return { y, key, taken: used.get(key) ?? 0, distance: Math.abs(y - near) };
    });
    scored.sort((p, q) => p.taken - q.taken || p.distance - q.distance);
    const pick = scored[0];
    used.set(pick.key, pick.taken + 1);
    // arrows sharing a corridor run side by side
    return pick.y + pick.taken * 8;
  };
  return {
    route(from: Rect, fromColumn: number, to: Rect, toColumn: number): { path: string; label: [number, number] } {
      const ys = from.y + from.height / 2;
      const yt = to.y + to.height / 2;
      if (fromColumn === toColumn) {
        // within a column: out of the right border, round through the gap, back into the right border
        const x = columns[fromColumn].right;
        const bow = x + BOW;
        const path = `M${from.x + from.width},${ys}C${bow},${ys} ${bow},${yt} ${to.x + to.width + 2},${yt}`;
        // where the curve reaches furthest (t = 1/2: three quarters of the way to the control points)
        return { path, label: [x + BOW * 0.75, (ys + yt) / 2] };
      }
      const forward = toColumn > fromColumn;
      const dir = forward ? 1 : -1;
      const start: [number, number] = [forward ? from.x + from.width : from.x, ys];
      const end: [number, number] = [forward ? to.x - 2 : to.x + to.width + 2, yt];
      if (Math.abs(toColumn - fromColumn) === 1) {
        const path = link({ source: start, target: end })!;
        return { path, label: [(start[0] + end[0]) / 2, (ys + yt) / 2] };
      }
      // past the columns in between, through a corridor free in all of them
      const first = fromColumn + dir;
      const last = toColumn - dir;
      const y = corridor(Math.min(first, last), Math.max(first, last), yt);
      const enter: [number, number] = [forward ? columns[first].left : columns[first].right, y];
      const leave: [number, number] = [forward ? columns[last].right : columns[last].left, y];
      const path = `${link({ source: start, target: enter })}L${leave[0]},${leave[1]}${link({ source: leave, target: end })!.replace(/^M[^C]*/, '')}`;
      return { path, label: [(columns[first].left + columns[first].right) / 2, y] };
    },
  };
}

function drawCells(
  frame: Parameters<typeof withTooltip>[0],
  g: Group,
  cells: PointCell[],
  node: string,
  color: d3.ScaleSequential<string>,
  /** how much lower the cells start (a name on two lines) */
  header: number,
  /** cells per row in a compact grid; 0 for a labelled list */
  perRow: number,
  focusable: boolean,
  format: (mean: number, halfWidth: number | null) => string,
  labelOf: (cell: PointCell) => string,
): void {
  const compact = perRow > 0;
  const size = compact ? CELL_COMPACT : 16;
  cells.forEach((cell, k) => {
    const mean = cell.fillRate?.mean ?? null;
    const x = compact ? 10 + (k % perRow) * (size + 2) : 10;
    const y = header + (compact ? 46 + Math.floor(k / perRow) * (size + 2) : 50 + k * 22);
    const rect = g
      .append('rect')
      .attr('class', mean === null ? 'point-cell node-empty' : 'point-cell')
      .attr('x', x)
      .attr('y', y)
      .attr('width', size)
      .attr('height', size)
      .attr('fill', mean === null ? null : color(mean));
    const value = mean === null ? text.notApplicable : format(mean, cell.fillRate?.halfWidth ?? null);
    // the box is as wide as its labels (renderNetwork): never cut
    if (!compact) g.append('text').attr('class', 'point-label').attr('x', x + size + 6).attr('y', y + size / 2).attr('dy', '0.35em').text(labelOf(cell));
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

/**
 * The diagram scrolls inside a box of bounded height (charts.css), so a tall network never makes the
 * page thousands of pixels long; the tooltip stays outside the box, placed from the wrapper.
 */
function scrollBox(frame: Frame): HTMLDivElement {
  const box = document.createElement('div');
  box.className = 'network-scroll';
  const svg = frame.svg.node()!;
  frame.wrapper.insertBefore(box, svg);
  box.append(svg);
  return box;
}

const BOX_HEIGHT = 102;
const MIN_BOX_WIDTH = 150;
const BOX_GAP = 26;
const count = numberLocale.format(',');

/**
 * A large network summarised (networkAggregate.ts): a box per node or group of nodes in the same
 * columns as the full diagram, with its stock points, products and fill rates (a swatch in the mean's
 * colour), one arrow per pair of boxes labelled with the range of its lanes' mean lead times, and a
 * search that highlights a location's box and its arrows. Every name cut to fit has its full text in
 * a `<title>` and in the box's tooltip.
 */
function renderSummary(
  container: HTMLElement,
  scenario: Scenario,
  variant: ExperimentResult['variants'][number],
  columns: string[][],
  deliveries: FulfilmentLink[],
): SVGSVGElement {
  // what was being searched for survives a redraw (a resize, another variant)
  const searched = container.querySelector<HTMLInputElement>('.network-search input')?.value ?? '';
  const links: NodeLink[] = [
    ...scenario.lanes.map((lane) => ({ from: lane.from, to: lane.to, kind: 'lane' as const, days: distributionMean(lane.leadTime) })),
    ...deliveries.map((delivery) => ({ from: delivery.from, to: delivery.to, kind: 'fulfilment' as const, days: delivery.pickPackDays + delivery.transitDays })),
  ];
  const summary = aggregateNetwork(
    scenario.nodes,
    columns,
    links,
    variant.stockPoints.map((point) => ({ node: point.node, product: point.product, fillRate: point.kpis.fillRate.mean })),
  );
  const boxes = new Map(summary.columns.flat().map((box) => [box.id, box]));
  const nameOf = new Map(scenario.nodes.map((node) => [node.id, node.name ?? node.id]));
  const label = (box: NetworkBox): string =>
    box.name !== ''
      ? box.name
      : text.groupName(count(box.members.length), text.nodeTypesPlural[box.type], box.suppliedBy.map((id) => (boxes.has(id) ? label(boxes.get(id)!) : id)));

  container.replaceChildren();
  const innerWidth = containerWidth(container) - 32;
  const narrow = innerWidth < 520;
  const legendHeight = narrow ? 84 : 60;
  const tallest = d3.max(summary.columns, (column) => column.length) ?? 1;
  const columnCount = summary.columns.length;
  // boxes narrower than this would show nothing but "…": on a phone the diagram scrolls sideways instead
  const nodeWidth = Math.max(MIN_BOX_WIDTH, Math.min(240, (innerWidth / columnCount) * 0.62));
  const plotWidth = Math.max(innerWidth, columnCount * nodeWidth + (columnCount - 1) * 70);
  const rowHeight = BOX_HEIGHT + BOX_GAP;
  const frame = createFrame(container, {
    name: 'network',
    title: text.networkCaption(variant.name),
    caption: [
      text.networkCaption(variant.name),
      text.networkSummaryKey(count(scenario.nodes.length), count(variant.stockPoints.length)),
      ...(deliveries.length > 0 ? [text.fulfilmentKey] : []),
    ],
    plotHeight: legendHeight + tallest * rowHeight,
    margin: { left: 16, right: 16, bottom: 16 },
  });
  frame.wrapper.classList.add('network-summary');
  if (plotWidth > innerWidth) {
    const width = plotWidth + 32;
    frame.svg.attr('width', width).attr('viewBox', `0 0 ${width} ${frame.height}`).classed('wide', true);
  }
  const scroller = scrollBox(frame);
  const { plot } = frame;

  const rates = variant.stockPoints.map((p) => p.kpis.fillRate.mean).filter((v): v is number => v !== null);
  const low = Math.min(0.9, Math.floor((d3.min(rates) ?? 0.9) * 20) / 20);
  const color = d3.scaleSequential(d3.interpolateCividis).domain([low, 1]);
  drawColorLegend(plot, color, low, Math.min(360, innerWidth), narrow);

  const spacing = columnCount > 1 ? (plotWidth - nodeWidth) / (columnCount - 1) : 0;
  const place = new Map<string, { x: number; y: number }>();
  summary.columns.forEach((column, c) => {
    const offset = ((tallest - column.length) * rowHeight) / 2;
    column.forEach((box, r) => place.set(box.id, { x: columnCount > 1 ? c * spacing : (plotWidth - nodeWidth) / 2, y: legendHeight + offset + r * rowHeight }));
  });

  frame.svg
    .append('defs')
    .append('marker')
    .attr('id', 'stocklab-arrow')
    .attr('viewBox', '0 -5 10 10')
    .attr('refX', 9)
    // sized in pixels, so a highlighted (thicker) arrow keeps its head's size
    .attr('markerUnits', 'userSpaceOnUse')
    .attr('markerWidth', 16)
    .attr('markerHeight', 16)
    .attr('orient', 'auto')
    .append('path')
    .attr('class', 'lane-arrow')
    .attr('d', 'M0,-5L10,0L0,5Z');
  const focusable = summary.columns.flat().length <= 60;
  // arrows routed as in the full diagram: round the boxes of the columns they pass
  const rectOf = (id: string): Rect => ({ ...place.get(id)!, width: nodeWidth, height: BOX_HEIGHT });
  const columnOf = new Map(summary.columns.flatMap((column, c) => column.map((box) => [box.id, c] as const)));
  const router = createRouter({
    columns: summary.columns.map((column) => {
      const rects = column.map((box) => rectOf(box.id));
      const left = rects[0]?.x ?? 0;
      return { left, right: left + nodeWidth, boxes: rects };
    }),
    top: legendHeight,
    bottom: legendHeight + tallest * rowHeight,
  });
  const days = numberLocale.format(',.1~f');
  for (const arrow of summary.links) {
    const route = router.route(rectOf(arrow.from), columnOf.get(arrow.from)!, rectOf(arrow.to), columnOf.get(arrow.to)!);
    // one lead time, or the range of its lanes' ("1–3")
    const [shortest, longest] = [days(arrow.minDays), days(arrow.maxDays)];
    const span = shortest === longest ? shortest : text.daysSpan(shortest, longest);
    const g = plot.append('g').attr('class', arrow.kind === 'lane' ? 'lane box-link' : 'fulfilment box-link').attr('data-from', arrow.from).attr('data-to', arrow.to);
    const path = g
      .append('path')
      .attr('class', arrow.kind === 'lane' ? 'lane-path' : 'fulfilment-path')
      .attr('d', route.path)
      .attr('marker-end', 'url(#stocklab-arrow)');
    const laneLabel = g
      .append('text')
      .attr('class', 'lane-label halo')
      .attr('x', route.label[0])
      .attr('y', route.label[1])
      .attr('dy', '0.35em')
      .attr('text-anchor', 'middle')
      .text(text.leadTime(span));
    const full = (arrow.kind === 'lane' ? text.boxLinkFull : text.boxDeliveryFull)(label(boxes.get(arrow.from)!), label(boxes.get(arrow.to)!), count(arrow.count), span);
    withTooltip(frame, path, [full], false);
    withTooltip(frame, laneLabel, [full], focusable);
  }

  for (const box of summary.columns.flat()) {
    const at = place.get(box.id)!;
    const g = plot.append('g').attr('class', `network-box node-${box.type}`).attr('data-box', box.id).attr('transform', `translate(${at.x},${at.y})`);
    g.append('rect')
      .attr('class', box.type === 'zone' ? 'node-box zone-box' : box.stockPoints === 0 ? 'node-box node-empty' : 'node-box')
      .attr('width', nodeWidth)
      .attr('height', BOX_HEIGHT)
      .attr('rx', box.type === 'supplier' ? 0 : box.type === 'warehouse' ? 6 : 18);
    const name = label(box);
    const format = kpiMeta('fillRate').format;
    // one short fact a line, so a narrow box cuts few of them
    const lines = [
      name,
      box.stockPoints === 0 ? text.boxNoStock : text.boxPoints(count(box.stockPoints)),
      box.stockPoints === 0 ? '' : text.boxProducts(count(box.products)),
      box.meanFillRate === null ? text.boxNoFillRate : text.boxMeanFill(format(box.meanFillRate)),
      box.lowestFillRate === null ? '' : text.boxLowestFill(format(box.lowestFillRate)),
    ];
    const classes = ['node-name', 'node-type box-points', 'node-type box-products', 'node-type box-fill', 'node-type box-lowest'];
    let y = 20;
    lines.forEach((line, k) => {
      if (line === '') return;
      const indent = k >= 3 && box.meanFillRate !== null ? 30 : 10;
      fitted(g.append('text').attr('class', classes[k]).attr('x', indent).attr('y', y), line, nodeWidth - indent - 10);
      // the mean's colour, beside the fill-rate lines
      if (k === 3 && box.meanFillRate !== null) g.append('rect').attr('class', 'point-cell').attr('x', 10).attr('y', y - 11).attr('width', 14).attr('height', 14).attr('fill', color(box.meanFillRate));
      y += 18;
    });
    const tooltip = [
      name,
      box.members.length === 1 ? text.nodeTypes[box.type] : membersLine(box.members, nameOf),
      ...lines.slice(1, 3).filter((line) => line !== ''),
      box.meanFillRate === null || box.lowestFillRate === null ? text.boxNoFillRate : text.boxFillRates(format(box.meanFillRate), format(box.lowestFillRate)),
    ];
    // on the whole box, its texts included (a rect under a text gets no pointer events)
    withTooltip(frame, g, tooltip, focusable);
  }

  addSearch(frame, scroller, summary, scenario, searched, label);
  return frame.svg.node()!;
}

/** Up to 8 of a group's locations by name, and how many more. */
function membersLine(members: string[], nameOf: Map<string, string>): string {
  const shown = members.slice(0, 8).map((id) => nameOf.get(id) ?? id);
  return text.boxMembers(shown.join(', '), members.length > 8 ? count(members.length - 8) : null);
}

/** Writes a label cut to fit a width (measured), with the whole of it in a `<title>` when it was cut. */
function fitted(element: d3.Selection<SVGTextElement, unknown, null, undefined>, full: string, width: number): void {
  const node = element.text(full).node()!;
  fitText(node, width);
  if (node.textContent !== full) element.append('title').text(full);
}

/**
 * The summarised diagram's search: a location's id or name (every word typed) highlights the box it
 * is drawn in and that box's arrows, dims the rest, scrolls the box into view and says which box it is.
 */
function addSearch(frame: Frame, scroller: HTMLElement, summary: AggregatedNetwork, scenario: Scenario, initial: string, label: (box: NetworkBox) => string): void {
  const bar = document.createElement('div');
  // a chart control: left out of the whole-view HTML and of print, as the others are
  bar.className = 'network-search chart-controls';
  const field = document.createElement('label');
  const caption = document.createElement('span');
  caption.textContent = text.networkSearch;
  const input = document.createElement('input');
  input.type = 'search';
  input.id = 'network-search';
  input.placeholder = text.networkSearchPlaceholder;
  input.autocomplete = 'off';
  input.spellcheck = false;
  input.value = initial;
  field.append(caption, input);
  const status = document.createElement('span');
  status.className = 'network-search-status';
  status.setAttribute('role', 'status');
  bar.append(field, status);
  frame.wrapper.insertBefore(bar, scroller);

  const boxes = new Map(summary.columns.flat().map((box) => [box.id, box]));
  const searchable = scenario.nodes.map((node) => ({ id: node.id, name: node.name ?? node.id, text: `${node.id} ${node.name ?? ''}`.toLowerCase() }));
  const plot = frame.plot;
  const search = () => {
    const words = input.value.toLowerCase().split(/\s+/).filter((word) => word !== '');
    plot.selectAll('.highlight').classed('highlight', false);
    if (words.length === 0) {
      plot.classed('searching', false);
      status.textContent = '';
      return;
    }
    const found = searchable.filter((node) => words.every((word) => node.text.includes(word)));
    const first = found[0];
    const boxId = first ? summary.boxOf.get(first.id) : undefined;
    plot.classed('searching', boxId !== undefined);
    if (!first || boxId === undefined) {
      status.textContent = text.networkNotFound;
      return;
    }
    const box = boxes.get(boxId)!;
    plot.selectAll<SVGGElement, unknown>('[data-box]').classed('highlight', function () {
      return this.dataset.box === boxId;
    });
    plot.selectAll<SVGGElement, unknown>('.box-link').classed('highlight', function () {
      return this.dataset.from === boxId || this.dataset.to === boxId;
    });
    const name = first.name === first.id ? first.id : `${first.name} (${first.id})`;
    status.textContent = text.networkFound(name, box.members.length === 1 ? null : label(box), count(found.length));
    const element = plot.select<SVGGElement>(`[data-box="${CSS.escape(boxId)}"]`).node();
    if (element) {
      // into view inside the box, both ways (a phone scrolls a wide diagram sideways), never the page
      const found = element.getBoundingClientRect();
      const frameBox = scroller.getBoundingClientRect();
      const top = found.top - frameBox.top + scroller.scrollTop;
      const left = found.left - frameBox.left + scroller.scrollLeft;
      if (top < scroller.scrollTop || top + found.height > scroller.scrollTop + scroller.clientHeight) scroller.scrollTop = Math.max(0, top - scroller.clientHeight / 3);
      if (left < scroller.scrollLeft || left + found.width > scroller.scrollLeft + scroller.clientWidth) scroller.scrollLeft = Math.max(0, left + found.width - scroller.clientWidth + 8);
    }
  };
  input.addEventListener('input', search);
  if (initial !== '') search();
}
