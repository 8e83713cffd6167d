import type { ExperimentResult } from '../../src/experiment/replicate.ts';
import { charts as text } from '../i18n/strings.ts';
import { showNote } from './chartFrame.ts';
import { renderDailySeries, type DailyLine } from './dailySeries.ts';
import { formatWithHalfWidth } from './kpiMeta.ts';

/** Whether any variant has a customer base (activeCustomers applies). */
export function hasCustomerBase(result: ExperimentResult): boolean {
  return result.variants.some((v) => v.network.activeCustomers.mean !== null);
}

/**
 * Active customers over time, one line per policy variant (the mean over replications with a 95%
 * band), each with its markers along the line and its name at the end, so lines are told apart
 * without colour.
 */
export function renderCustomers(container: HTMLElement, result: ExperimentResult): SVGSVGElement | null {
  if (result.variants.length > 0 && !hasCustomerBase(result)) {
    return showNote(container, text.noCustomerBase);
  }
  const lines: DailyLine[] = [];
  result.variants.forEach((variant, index) => {
    const series = variant.series?.activeCustomers;
    if (series && series.mean.length > 0) lines.push({ index, name: variant.name, mean: series.mean, halfWidth: series.halfWidth });
  });
  if (lines.length === 0) return showNote(container, text.noSeries);
  return renderDailySeries(container, lines, {
    name: 'customers',
    yLabel: text.customersAxisY,
    caption: [text.customersCaption(result.replications)],
    kind: 'quantity',
    warmupDays: result.warmupDays,
    // a zero baseline unless the lines sit far above it, where it would flatten the differences
    yDomain: (low, high) => [low > high * 0.5 ? low * 0.95 : 0, high > 0 ? high * 1.04 : 1],
    // the app's one precision rule (kpiMeta.ts): the half-width sets the mean's decimals
    describe: (mean, halfWidth) => formatWithHalfWidth('quantity', mean, halfWidth),
  });
}
