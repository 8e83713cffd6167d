import type { ExperimentResult } from '../../src/experiment/replicate.ts';
import { charts as text } from '../i18n/strings.ts';
import { showNote } from './chartFrame.ts';
import { renderDailySeries, type DailyLine } from './dailySeries.ts';
import { formatWithHalfWidth, kpiMeta } from './kpiMeta.ts';


/** Whether the scenario has online zones (the engine records their daily orders). */
export function hasOnlineOrders(result: ExperimentResult): boolean {
  return result.variants.some((v) => (v.series?.online ?? null) !== null || v.customers.zones.length > 0);
}

type Weekly = NonNullable<NonNullable<ExperimentResult['variants'][number]['series']>['onlineWeekly']>;

function weeklyOf(result: ExperimentResult): { index: number; name: string; weekly: Weekly }[] {
  return result.variants.flatMap((variant, index) => {
    const weekly = variant.series?.onlineWeekly;
    return weekly && weekly.onTimeShare.mean.length > 0 ? [{ index, name: variant.name, weekly }] : [];
  });
}

/**
 * On-time delivery over time, one line per policy variant: in each replication, the share of online
 * orders delivered by their promised date among those delivered in the 7 days up to each day; the
 * line is its mean over replications, with its 95% band (the engine's `onlineWeekly`). The caption
 * adds each variant's on-time delivery over the measured window with its 95% interval.
 */
export function renderOnTime(container: HTMLElement, result: ExperimentResult): SVGSVGElement | null {
  const variants = weeklyOf(result);
  if (variants.length === 0) return showNote(container, hasOnlineOrders(result) ? text.noSeries : text.notAvailable);
  const meta = kpiMeta('onTimeDelivery');
  const lines: DailyLine[] = variants.map(({ index, name, weekly }) => ({ index, name, mean: weekly.onTimeShare.mean, halfWidth: weekly.onTimeShare.halfWidth }));
  const windowValues = variants.flatMap(({ index, name }) => {
    const summary = result.variants[index].network.onTimeDelivery;
    return summary.mean === null ? [] : [text.onTimeWindow(name, meta.formatWithHalfWidth(summary.mean, summary.halfWidth))];
  });
  return renderDailySeries(container, lines, {
    name: 'on-time-delivery',
    yLabel: text.onTimeAxisY,
    caption: [text.onTimeCaption(result.replications), ...(windowValues.length > 0 ? [windowValues.join(' · ')] : [])],
    kind: 'ratio',
    warmupDays: result.warmupDays,
    // from a round 5% below the lowest share (0 when it falls below half) up to 100%
    yDomain: (low) => [low > 0.5 ? Math.max(0, Math.floor(low * 20) / 20 - 0.05) : 0, 1],
    describe: (mean) => meta.format(mean),
    missing: text.noDeliveries,
  });
}

/**
 * Carts abandoned per day, one line per policy variant: in each replication, the carts abandoned in the
 * 7 days up to each day, per day; the line is its mean over replications with its 95% band (the
 * engine's `onlineWeekly`). The caption adds each variant's abandoned carts over the measured window.
 */
export function renderAbandoned(container: HTMLElement, result: ExperimentResult): SVGSVGElement | null {
  const variants = weeklyOf(result);
  if (variants.length === 0) return showNote(container, hasOnlineOrders(result) ? text.noSeries : text.notAvailable);
  const lines: DailyLine[] = variants.map(({ index, name, weekly }) => ({ index, name, mean: weekly.abandonedPerDay.mean, halfWidth: weekly.abandonedPerDay.halfWidth }));
  const meta = kpiMeta('abandonedCarts');
  const windowValues = variants.flatMap(({ index, name }) => {
    const summary = result.variants[index].network.abandonedCarts;
    return summary.mean === null ? [] : [text.abandonedWindow(name, meta.formatWithHalfWidth(summary.mean, summary.halfWidth))];
  });
  return renderDailySeries(container, lines, {
    name: 'abandoned-carts',
    yLabel: text.abandonedAxisY,
    caption: [text.abandonedCaption(result.replications), ...(windowValues.length > 0 ? [windowValues.join(' · ')] : [])],
    kind: 'quantity',
    warmupDays: result.warmupDays,
    yDomain: (_, high) => [0, high > 0 ? high * 1.05 : 1],
    // the app's one precision rule (kpiMeta.ts): the half-width sets the mean's decimals
    describe: (mean, halfWidth) => formatWithHalfWidth('quantity', mean, halfWidth),
  });
}
