import type { ExperimentResult, MeanSeries } from '../../src/experiment/replicate.ts';
import type { OnlineLevelName } from '../../src/model/simulation.ts';
import { charts as text } from '../i18n/en/charts.ts';
import { showNote } from './chartFrame.ts';
import { renderDailySeries, trailingSums, type DailyLine } from './dailySeries.ts';
import { kpiMeta, numberLocale } from './kpiMeta.ts';

/** Days in the trailing window the online charts smooth over: a week, so weekday patterns cancel. */
export const SMOOTHING_DAYS = 7;

type Online = Record<OnlineLevelName, MeanSeries>;

/** Whether the scenario has online zones (the engine records their daily orders). */
export function hasOnlineOrders(result: ExperimentResult): boolean {
  return result.variants.some((v) => (v.series?.online ?? null) !== null || v.customers.zones.length > 0);
}

function onlineOf(result: ExperimentResult): { index: number; name: string; online: Online }[] {
  return result.variants.flatMap((variant, index) => {
    const online = variant.series?.online;
    return online && online.delivered.mean.length > 0 ? [{ index, name: variant.name, online }] : [];
  });
}

/**
 * On-time delivery over time, one line per policy variant: the share of online orders delivered by
 * their promised date among those delivered in the 7 days up to each day (the ratio of the two
 * counts, each averaged over replications; a day-by-day share would jump with a handful of orders).
 * No band: the engine keeps the daily counts' intervals, not the ratio's; the caption gives each
 * variant's on-time delivery over the measured window with its 95% interval instead.
 */
export function renderOnTime(container: HTMLElement, result: ExperimentResult): SVGSVGElement | null {
  const variants = onlineOf(result);
  if (variants.length === 0) return showNote(container, hasOnlineOrders(result) ? text.noSeries : text.notAvailable);
  const meta = kpiMeta('onTimeDelivery');
  const lines: DailyLine[] = variants.map(({ index, name, online }) => {
    const onTime = trailingSums(online.onTime.mean, SMOOTHING_DAYS);
    const delivered = trailingSums(online.delivered.mean, SMOOTHING_DAYS);
    return { index, name, mean: onTime.map((value, d) => (delivered[d] > 1e-9 ? value / delivered[d] : NaN)), halfWidth: null };
  });
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
 * Carts abandoned per day, one line per policy variant: the mean over replications, averaged over
 * the 7 days up to each day, with a 95% band. The band's half-width is the average of the days' own
 * half-widths, never narrower than the 7-day average's own (a sample standard deviation is a
 * seminorm, so that of an average is at most the average of the days'), so it errs on the side of
 * caution; the caption adds each variant's abandoned carts over the measured window with their exact
 * 95% interval.
 */
export function renderAbandoned(container: HTMLElement, result: ExperimentResult): SVGSVGElement | null {
  const variants = onlineOf(result);
  if (variants.length === 0) return showNote(container, hasOnlineOrders(result) ? text.noSeries : text.notAvailable);
  const lines: DailyLine[] = variants.map(({ index, name, online }) => {
    const days = (d: number) => Math.min(SMOOTHING_DAYS, d + 1);
    const mean = trailingSums(online.abandoned.mean, SMOOTHING_DAYS).map((sum, d) => sum / days(d));
    const halfWidth = trailingSums(online.abandoned.halfWidth, SMOOTHING_DAYS).map((sum, d) => sum / days(d));
    return { index, name, mean, halfWidth };
  });
  const format = numberLocale.format(',.2f');
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
    describe: (mean, halfWidth) => `${format(mean)} ${text.plusMinus} ${format(halfWidth ?? 0)}`,
  });
}
