import * as d3 from 'd3';
import type { BeerGamePlay, BeerGameRole } from '../../src/classroom/beerGame.ts';
import { BEER_GAME_ROLES } from '../../src/classroom/beerGameNames.ts';
import { addDayCursor, createFrame, drawXAxis, drawYAxis, fitText, withTooltip, type LegendItem } from '../charts/chartFrame.ts';
import { variantColor, variantMarker } from '../charts/palette.ts';
import { numberLocale } from '../i18n/numberFormat.ts';
import { beerGameStrings as text } from '../i18n/strings.ts';

/** the gap between the two panels, px */
const GAP = 56;
/** room above the top panel for its title, clear of the panel's highest tick, px */
const HEAD = 36;

/**
 * The bullwhip picture of a Beer Game: two panels over the same weeks, the orders each stage placed
 * (top, with the customers' orders dashed) and each stage's net stock (bottom: on hand minus backlog,
 * below 0 cases owed), as steps (a week's figure holds all week). One Okabe–Ito colour and one marker
 * per stage, the same in both panels; every week's point gives its numbers on hover and focus (one
 * focusable mark per stage and panel, whose name sums it up). A week cursor, as in the other time
 * series (chartFrame's addDayCursor), gives every stage's numbers for a week under the pointer or with
 * the arrow keys; it lies under the lines, so a line's own tooltip shows when the pointer is on it.
 */
export function drawBeerGameChart(container: HTMLElement, play: BeerGamePlay, gameName: string): void {
  const legend: LegendItem[] = [
    ...BEER_GAME_ROLES.map((role, k): LegendItem => ({ label: text.roles[role], swatch: 'line', color: variantColor(k), symbol: variantMarker(k) })),
    { label: text.customers, swatch: 'dashed', color: '#000000' },
  ];
  const width = container.clientWidth || 720;
  const panel = Math.max(160, Math.min(300, Math.round(width * 0.28)));
  const frame = createFrame(container, {
    name: 'beer-game',
    title: text.chartTitle(gameName),
    caption: [text.chartTitle(gameName), text.chartCaption],
    legend,
    plotHeight: HEAD + panel * 2 + GAP,
    margin: { left: 76, right: 20 },
  });
  const weeks = play.week;
  const x = d3.scaleLinear().domain([1, Math.max(2, weeks)]).range([0, frame.innerWidth]);
  const sheets = BEER_GAME_ROLES.map((role) => play.stations[role]);
  const orders = sheets.flatMap((sheet) => sheet.map((entry) => entry.order ?? 0));
  const customers = play.stations.retailer.map((entry) => entry.incoming);
  const net = sheets.flatMap((sheet) => sheet.map((entry) => entry.onHand - entry.backlog));
  const yOrders = d3
    .scaleLinear()
    .domain([0, Math.max(8, d3.max([...orders, ...customers]) ?? 8)])
    .nice()
    .range([HEAD + panel, HEAD]);
  const yNet = d3
    .scaleLinear()
    .domain([Math.min(0, d3.min(net) ?? 0), Math.max(12, d3.max(net) ?? 12)])
    .nice()
    .range([HEAD + panel * 2 + GAP, HEAD + panel + GAP]);
  const whole = numberLocale.format(',~r');
  drawYAxis(frame, yOrders, { format: whole, integers: true, count: 5 });
  drawYAxis(frame, yNet, { format: whole, integers: true, count: 5 });
  // the panels' titles, above each, from the chart's left edge (a phone's width holds them whole)
  const left = -frame.margin.left + 12;
  for (const [label, top] of [
    [text.ordersAxis, HEAD],
    [text.netAxis, HEAD + panel + GAP],
  ] as const) {
    const node = frame.plot.append('text').attr('class', 'axis-title').attr('x', left).attr('y', top - 18).text(label).node()!;
    fitText(node, frame.width - 24);
  }
  drawXAxis(frame, x, { format: d3.format('d'), label: text.weekAxis, integers: true });
  // zero line of the net stock
  frame.plot
    .append('line')
    .attr('class', 'beer-zero')
    .attr('x1', 0)
    .attr('x2', frame.innerWidth)
    .attr('y1', yNet(0))
    .attr('y2', yNet(0))
    .attr('stroke', '#555')
    .attr('stroke-width', 1.5);
  const step = (y: d3.ScaleLinear<number, number>) =>
    d3
      .line<[number, number]>()
      .x((d) => x(d[0]))
      .y((d) => y(d[1]))
      .curve(d3.curveStepAfter);
  frame.plot
    .append('path')
    .attr('class', 'beer-customers')
    .attr('d', step(yOrders)(customers.map((value, i) => [i + 1, value])))
    .attr('fill', 'none')
    .attr('stroke', '#000')
    .attr('stroke-width', 2)
    .attr('stroke-dasharray', '6 4');
  BEER_GAME_ROLES.forEach((role: BeerGameRole, k) => {
    const color = variantColor(k);
    const sheet = play.stations[role];
    const placed = sheet.filter((entry) => entry.order !== null).map((entry): [number, number] => [entry.week, entry.order!]);
    const levels = sheet.map((entry): [number, number] => [entry.week, entry.onHand - entry.backlog]);
    for (const [series, y, kind] of [
      [placed, yOrders, 'orders'],
      [levels, yNet, 'net'],
    ] as const) {
      const path = frame.plot
        .append('path')
        .attr('class', `beer-line beer-${kind} beer-${role}`)
        .attr('d', step(y)(series))
        .attr('fill', 'none')
        .attr('stroke', color)
        .attr('stroke-width', 2.5);
      const summary = series.map(([week, value]) => `${week}: ${whole(value)}`).join(', ');
      withTooltip(frame, path, [`${text.roles[role]} – ${kind === 'orders' ? text.ordersAxis : text.netAxis}`, summary]);
      // a marker every few weeks, in the stage's shape (colour is never alone)
      const every = Math.max(1, Math.round(series.length / 9));
      frame.plot
        .append('g')
        .attr('aria-hidden', 'true')
        .attr('pointer-events', 'none')
        .selectAll('path')
        .data(series.filter((_, i) => i % every === (k % every)))
        .join('path')
        .attr('d', d3.symbol(variantMarker(k), 46)())
        .attr('transform', (d) => `translate(${x(d[0])},${y(d[1])})`)
        .attr('fill', color);
    }
  });
  // a week's numbers for every stage, under the pointer or with the arrow keys: the cursor's layer lies
  // under the lines, whose own tooltips show when the pointer is on them
  addDayCursor(frame, {
    position: (day) => x(day + 1),
    dayAt: (px) => Math.floor(x.invert(px)) - 1,
    days: weeks,
    label: text.weekCursor,
    describe: (day) => [
      `${text.weekAxis} ${day + 1}`,
      ...BEER_GAME_ROLES.map((role) => {
        const entry = play.stations[role][day];
        return entry ? text.tooltip(text.roles[role], day + 1, entry.order, entry.onHand - entry.backlog) : '';
      }),
    ],
  });
  frame.plot.select('.cursor-overlay').lower();
}
