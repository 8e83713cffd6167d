import * as d3 from 'd3';
import type { ExperimentResult } from '../../src/experiment/replicate.ts';
import type { ChurnCause } from '../../src/model/customerBase.ts';
import { charts as text } from '../i18n/strings.ts';
import { containerWidth, createFrame, drawYAxis, showNote, withTooltip, wrapText } from './chartFrame.ts';
import { hasCustomerBase } from './customersChart.ts';
import { axisFormat, formatWithHalfWidth, numberLocale } from './kpiMeta.ts';
import { hasOnlineOrders } from './onlineOrdersChart.ts';
import { variantColor, variantMarker } from './palette.ts';

/** The causes in the engine's order (its CHURN_CAUSES; the labels' type keeps them in step). */
const CAUSES = Object.keys(text.churnCauses) as ChurnCause[];
/** causes only online orders have: late deliveries and abandoned carts */
const ONLINE_CAUSES: ReadonlySet<ChurnCause> = new Set(['late', 'abandoned']);

/**
 * The causes a chart shows, those that can happen (a bar of 0 for one that cannot would suggest it
 * was measured): stockouts and backorders for customer bases at stores, late deliveries and
 * abandoned carts for customer bases in online zones. Without a first run to tell where the bases
 * are (none kept), the online causes go with online zones.
 */
export function churnCausesShown(result: ExperimentResult): ChurnCause[] {
  const zones = new Set(result.variants.flatMap((variant) => variant.customers.zones.map((zone) => zone.zone)));
  const bases = result.firstRuns[0]?.customerBases.map((base) => base.node) ?? [];
  const online = bases.length > 0 ? bases.some((node) => zones.has(node)) : hasOnlineOrders(result);
  const shop = bases.length > 0 ? bases.some((node) => !zones.has(node)) : true;
  return CAUSES.filter((cause) => (ONLINE_CAUSES.has(cause) ? online : shop));
}

/**
 * Customers lost in the measured window, by what made them leave: a group of bars per cause, one bar
 * per policy variant (its colour, and its marker on the bar's top, so colour is never alone), each
 * with its 95% confidence whisker and its value above. Each bar carries its variant, cause and mean
 * (data-variant, data-cause, data-value) and a tooltip with the exact figures.
 */
export function renderChurn(container: HTMLElement, result: ExperimentResult): SVGSVGElement | null {
  if (!hasCustomerBase(result)) return showNote(container, text.noCustomerBase);
  const causes = churnCausesShown(result);
  if (causes.length === 0) return showNote(container, text.noCustomerBase);
  const variants = result.variants.map((variant, index) => ({ index, name: variant.name, churnedBy: variant.customers.churnedBy }));
  if (variants.length === 0) return showNote(container, text.noResults);

  const frame = createFrame(container, {
    name: 'customer-churn',
    title: text.churnTitle,
    caption: [text.churnCaption(result.replications)],
    legend: variants.map((v) => ({ label: v.name, swatch: 'rect', color: variantColor(v.index), symbol: variantMarker(v.index) })),
    aspect: 0.4,
    maxHeight: 380,
    // room under the plot for cause names broken into lines on a narrow screen
    margin: { left: 92, right: 24, bottom: containerWidth(container) < 640 ? 104 : 64 },
  });
  const { plot, innerWidth, innerHeight } = frame;

  const high = d3.max(variants, (v) => d3.max(causes, (cause) => (v.churnedBy[cause].mean ?? 0) + (v.churnedBy[cause].halfWidth ?? 0))) ?? 0;
  const y = d3.scaleLinear().domain([0, high > 0 ? high * 1.12 : 1]).nice().range([innerHeight, 0]);
  const x = d3.scaleBand<ChurnCause>().domain(causes).range([0, innerWidth]).paddingInner(0.25).paddingOuter(0.1);
  const inner = d3.scaleBand<number>().domain(variants.map((v) => v.index)).range([0, x.bandwidth()]).padding(0.08);

  let tickLines = 1;
  drawYAxis(frame, y, { format: axisFormat('quantity', 0, y.domain()[1], innerHeight / 55), label: text.churnAxisY, integers: true });
  plot
    .append('g')
    .attr('class', 'axis axis-x')
    .attr('transform', `translate(0,${innerHeight})`)
    .call(d3.axisBottom(x).tickFormat((cause) => text.churnCauses[cause]).tickSizeOuter(0))
    // long causes break into lines within their group's width (a narrow screen)
    .call((axis) =>
      axis.selectAll<SVGTextElement, ChurnCause>('.tick text').each(function (cause) {
        tickLines = Math.max(tickLines, wrapText(this, text.churnCauses[cause], x.step() - 4, 15));
      }),
    );
  plot
    .append('text')
    .attr('class', 'axis-title')
    .attr('x', innerWidth / 2)
    .attr('y', innerHeight + 50 + (tickLines - 1) * 20)
    .attr('text-anchor', 'middle')
    .text(text.churnAxisX);

  const barWidth = inner.bandwidth();
  const valueFormat = (value: number) => numberLocale.format(value >= 100 ? ',.0f' : ',.1f')(value);
  for (const cause of causes) {
    const group = plot.append('g').attr('class', 'churn-cause').attr('data-cause', cause).attr('transform', `translate(${x(cause)},0)`);
    for (const v of variants) {
      const summary = v.churnedBy[cause];
      const mean = summary.mean ?? 0;
      const halfWidth = summary.halfWidth;
      const color = variantColor(v.index);
      const left = inner(v.index)!;
      const g = group.append('g').attr('class', 'churn-bar').attr('data-variant', v.name).attr('data-cause', cause).attr('data-value', mean);
      const bar = g
        .append('rect')
        .attr('class', 'churn-rect')
        .attr('x', left)
        .attr('y', y(mean))
        .attr('width', barWidth)
        .attr('height', Math.max(0, innerHeight - y(mean)))
        .attr('fill', color);
      const centre = left + barWidth / 2;
      if (halfWidth !== null && halfWidth > 0) {
        const whisker = g.append('g').attr('class', 'whisker').attr('stroke', '#1f2937');
        const [top, bottom] = [y(mean + halfWidth), y(Math.max(0, mean - halfWidth))];
        const cap = Math.min(6, barWidth / 3);
        whisker.append('line').attr('x1', centre).attr('x2', centre).attr('y1', top).attr('y2', bottom);
        for (const end of [top, bottom]) whisker.append('line').attr('x1', centre - cap).attr('x2', centre + cap).attr('y1', end).attr('y2', end);
      }
      g.append('path')
        .attr('class', 'churn-marker')
        .attr('d', d3.symbol(variantMarker(v.index), Math.min(80, barWidth * barWidth * 0.4))())
        .attr('transform', `translate(${centre},${y(mean)})`)
        .attr('fill', color);
      // the value above the bar and its whisker, where the bar is wide enough to hold it
      if (barWidth >= 26) {
        g.append('text')
          .attr('class', 'bar-value halo')
          .attr('x', centre)
          .attr('y', y(mean + (halfWidth ?? 0)) - 10)
          .attr('text-anchor', 'middle')
          .text(valueFormat(mean));
      }
      withTooltip(frame, bar, [
        text.churnBar(v.name, text.churnCauses[cause]),
        text.churnValue(formatWithHalfWidth('quantity', mean, halfWidth)),
        halfWidth === null ? text.oneReplicationNoInterval : text.replicationsCount(summary.n),
      ]);
    }
  }
  return frame.svg.node();
}
