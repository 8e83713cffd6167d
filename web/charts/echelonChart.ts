import * as d3 from 'd3';
import type { ExperimentResult } from '../../src/experiment/replicate.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { echelonStrings as text } from '../i18n/strings.ts';
import { addDayCursor, createFrame, drawAxes, showNote, type LegendItem } from './chartFrame.ts';
import { axisFormat, numberLocale } from './kpiMeta.ts';
import { OKABE_ITO } from './palette.ts';
import { echelonFlows, echelonsOf, type Echelon } from './echelons.ts';

/** Whether the scenario's stock points sit at more than one echelon (the chart applies). */
export function hasEchelons(scenario: Scenario, result: ExperimentResult, variant: number): boolean {
  const points = result.variants[variant]?.stockPoints ?? [];
  return echelonsOf(scenario, points).length > 1;
}

/**
 * Orders against demand by echelon: for one variant, each echelon's units ordered (solid) and the
 * demand it faced (dashed), per day or per week, as means over replications; one colour per echelon
 * (Okabe–Ito) and the line style for what it is, in the legend; a day cursor whose tooltip gives every
 * value. The bullwhip effect reads as orders swinging more than demand, more so up the chain.
 */
export function renderEchelons(container: HTMLElement, scenario: Scenario, result: ExperimentResult, options: { variant: number; period: 1 | 7 }): SVGSVGElement | null {
  const variant = result.variants[options.variant];
  const series = variant?.series?.stockPoints ?? null;
  if (!variant || series === null || !variant.series) return showNote(container, text.noSeries);
  const echelons = echelonsOf(scenario, variant.stockPoints);
  const flows = echelonFlows(echelons, series, variant.series.days, options.period);
  const names = echelons.map((echelon) => echelonName(scenario, echelon));
  const periods = flows[0]?.orders.length ?? 0;
  if (periods === 0) return showNote(container, text.noSeries);
  const color = (k: number) => OKABE_ITO[k % OKABE_ITO.length];

  const legend: LegendItem[] = names.flatMap((name, k): LegendItem[] => [
    { label: text.orders(name), swatch: 'line', color: color(k) },
    { label: text.demand(name), swatch: 'dashed', color: color(k) },
  ]);
  const periodWord = options.period === 1 ? text.perDay : text.perWeek;
  const yLabel = text.yAxis(periodWord);
  const frame = createFrame(container, { name: 'echelons', title: `${text.title} (${yLabel})`, caption: [text.caption(result.replications)], legend, aspect: 0.42 });
  const { plot, innerWidth, innerHeight } = frame;
  // periods are numbered from 1 on the axis, as the step-through numbers days
  const x = d3
    .scaleLinear()
    .domain([1, Math.max(2, periods)])
    .range([0, innerWidth]);
  const high = d3.max(flows, (flow) => Math.max(d3.max(flow.orders) ?? 0, d3.max(flow.demand) ?? 0)) ?? 1;
  const y = d3
    .scaleLinear()
    .domain([0, high > 0 ? high * 1.05 : 1])
    .nice()
    .range([innerHeight, 0]);
  drawAxes(frame, x, y, {
    xFormat: (value) => numberLocale.format(',d')(value),
    yFormat: axisFormat('quantity', y.domain()[0], y.domain()[1], 6),
    xLabel: options.period === 1 ? text.xDay : text.xWeek,
    yLabel,
    xIntegers: true,
  });
  const line = d3
    .line<number>()
    .x((_, i) => x(i + 1))
    .y((value) => y(value))
    .curve(options.period === 1 ? d3.curveStepAfter : d3.curveLinear);
  flows.forEach((flow, k) => {
    const g = plot.append('g').attr('class', 'echelon').attr('data-echelon', String(k));
    g.append('path').attr('class', 'echelon-orders').attr('d', line(flow.orders)).attr('fill', 'none').attr('stroke', color(k)).attr('stroke-width', 2.25);
    g.append('path')
      .attr('class', 'echelon-demand')
      .attr('d', line(flow.demand))
      .attr('fill', 'none')
      .attr('stroke', color(k))
      .attr('stroke-width', 1.75)
      .attr('stroke-dasharray', '6 4');
  });
  const value = numberLocale.format(',.1f');
  addDayCursor(frame, {
    days: periods,
    position: (p) => x(p + 1),
    dayAt: (px) => x.invert(px) - 1,
    label: text.cursor,
    describe: (p) => [
      `${options.period === 1 ? text.xDay : text.xWeek} ${numberLocale.format(',d')(p + 1)}`,
      ...names.flatMap((name, k) => [`${text.orders(name)} ${value(flows[k].orders[p])}`, `${text.demand(name)} ${value(flows[k].demand[p])}`]),
    ],
  });
  return frame.svg.node();
}

/** an echelon by its place's name, or its first place's and how many more */
function echelonName(scenario: Scenario, echelon: Echelon): string {
  const name = (id: string) => scenario.nodes.find((node) => node.id === id)?.name ?? id;
  return echelon.nodes.length === 1 ? name(echelon.nodes[0]) : text.group(echelon.nodes.length, name(echelon.nodes[0]));
}
