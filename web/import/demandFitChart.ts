import * as d3 from 'd3';
import { createFrame, drawYAxis, withTooltip } from '../charts/chartFrame.ts';
import { numberLocale } from '../charts/kpiMeta.ts';
import { OKABE_ITO } from '../charts/palette.ts';
import { importStrings as text } from '../i18n/strings.ts';
import type { FitBin } from './fitBins.ts';

/**
 * One SKU's fit in the import wizard: bars, the share of the history's days with 0, 1, 2… units
 * (or bins of units), and the fitted model's probability of each as points joined by a line. The
 * two read on the same axis, so where the model misses the history shows at a glance: too few days
 * without demand, a tail too thin. Colours are the palette's first two, told apart by shape too
 * (bars against points), as the charts rules ask. It lives beside the wizard (web/import/) rather
 * than in web/charts/, whose charts draw run results.
 */
export interface FitChartOptions {
  sku: string;
  location: string;
  /** the model's name, or null when there is none to draw (replayed) */
  model: string | null;
  days: number;
  /** a sentence under the chart (the model fitted with a weekly pattern divided out) */
  note?: string;
}

const HISTORY_COLOR = OKABE_ITO[0];
const MODEL_COLOR = OKABE_ITO[4];

export function renderDemandFit(container: HTMLElement, bins: FitBin[], options: FitChartOptions): SVGSVGElement {
  const percent = numberLocale.format('.1%');
  const label = (bin: FitBin) => (bin.from === bin.to ? String(bin.from) : text.binRange(bin.from, bin.to));
  const frame = createFrame(container, {
    name: 'demand-fit',
    title: text.chartTitle(options.sku, options.location),
    caption: [text.chartCaption(options.sku, options.location, options.days)],
    legend: [
      { label: text.legendHistory, swatch: 'rect', color: HISTORY_COLOR },
      ...(options.model ? [{ label: text.legendModel(options.model), swatch: 'marker' as const, color: MODEL_COLOR, symbol: d3.symbolCircle }] : []),
    ],
    aspect: 0.4,
    minHeight: 200,
    maxHeight: 320,
    margin: { left: 72 },
  });
  const { plot, innerWidth, innerHeight } = frame;
  const x = d3
    .scaleBand<number>()
    .domain(bins.map((_, i) => i))
    .range([0, innerWidth])
    .padding(0.15);
  const top = d3.max(bins, (bin) => Math.max(bin.observed, bin.model ?? 0)) ?? 1;
  const y = d3
    .scaleLinear()
    .domain([0, top > 0 ? top : 1])
    .nice()
    .range([innerHeight, 0]);
  drawYAxis(frame, y, { format: numberLocale.format('.0%'), label: text.axisShare });

  // x axis: a label per bin, thinned to what the width holds
  const every = Math.max(1, Math.ceil(bins.length / Math.max(2, Math.floor(innerWidth / 44))));
  plot
    .append('g')
    .attr('class', 'axis axis-x')
    .attr('transform', `translate(0,${innerHeight})`)
    .call(
      d3
        .axisBottom(x)
        .tickValues(bins.map((_, i) => i).filter((i) => i % every === 0))
        .tickFormat((i) => label(bins[i]))
        .tickSizeOuter(0),
    );
  plot
    .append('text')
    .attr('class', 'axis-title')
    .attr('x', innerWidth / 2)
    .attr('y', innerHeight + 50)
    .attr('text-anchor', 'middle')
    .text(text.axisUnits);

  bins.forEach((bin, i) => {
    const bar = plot
      .append('rect')
      .attr('class', 'fit-bar')
      .attr('x', x(i)!)
      .attr('width', x.bandwidth())
      .attr('y', y(bin.observed))
      .attr('height', Math.max(0, y(0) - y(bin.observed)))
      .attr('fill', HISTORY_COLOR);
    withTooltip(frame, bar, text.binTooltip(label(bin), percent(bin.observed), bin.days, bin.model === null ? null : percent(bin.model)), false);
  });

  if (options.model) {
    const centre = (i: number) => x(i)! + x.bandwidth() / 2;
    const points = bins.map((bin, i) => [centre(i), y(bin.model ?? 0)] as [number, number]);
    plot.append('path').attr('class', 'fit-model-line').attr('d', d3.line()(points)).attr('stroke', MODEL_COLOR).attr('fill', 'none');
    bins.forEach((bin, i) => {
      const point = plot
        .append('path')
        .attr('class', 'fit-model-point')
        .attr('d', d3.symbol(d3.symbolCircle, 40)())
        .attr('transform', `translate(${points[i][0]},${points[i][1]})`)
        .attr('fill', MODEL_COLOR);
      withTooltip(frame, point, text.binTooltip(label(bin), percent(bin.observed), bin.days, percent(bin.model ?? 0)), i < 60);
    });
  }
  if (options.note) {
    const p = document.createElement('p');
    p.className = 'chart-note';
    p.textContent = options.note;
    frame.wrapper.append(p);
  }
  return frame.svg.node()!;
}
