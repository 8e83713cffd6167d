import * as d3 from 'd3';
import type { ExperimentResult, KpiSummary } from '../../src/experiment/replicate.ts';
import type { Distribution, Scenario } from '../../src/scenario/schema.ts';
import { charts as text } from '../i18n/en/charts.ts';
import { containerWidth, createFrame, fitText, showNote, withTooltip, type Frame, type Group } from './chartFrame.ts';
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
  scrollBox(frame);
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
      const full = `${cell.product} ${mean === null ? '—' : kpiMeta('fillRate').format(mean)}`;
      const shown = truncate(full, nodeWidth - size - 20);
      const label = g.append('text').attr('class', 'point-label').attr('x', x + size + 6).attr('y', y + size / 2).attr('dy', '0.35em').text(shown);
      if (shown !== full) label.append('title').text(full);
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
  const link = d3.linkHorizontal<{ source: [number, number]; target: [number, number] }, [number, number]>();
  const days = numberLocale.format(',.1~f');
  for (const arrow of summary.links) {
    const from = place.get(arrow.from)!;
    const to = place.get(arrow.to)!;
    const source: [number, number] = [from.x + nodeWidth, from.y + BOX_HEIGHT / 2];
    const target: [number, number] = [to.x - 2, to.y + BOX_HEIGHT / 2];
    // one lead time, or the range of its lanes' ("1–3")
    const [shortest, longest] = [days(arrow.minDays), days(arrow.maxDays)];
    const span = shortest === longest ? shortest : text.daysSpan(shortest, longest);
    const g = plot.append('g').attr('class', arrow.kind === 'lane' ? 'lane box-link' : 'fulfilment box-link').attr('data-from', arrow.from).attr('data-to', arrow.to);
    const path = g
      .append('path')
      .attr('class', arrow.kind === 'lane' ? 'lane-path' : 'fulfilment-path')
      .attr('d', link({ source, target }))
      .attr('marker-end', 'url(#stocklab-arrow)');
    const laneLabel = g
      .append('text')
      .attr('class', 'lane-label halo')
      .attr('x', (source[0] + target[0]) / 2)
      .attr('y', (source[1] + target[1]) / 2 - 6)
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
