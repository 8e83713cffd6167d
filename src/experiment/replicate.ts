import type { Scenario } from '../scenario/schema.ts';
import { KPI_NAMES, type KpiName, type Kpis } from '../metrics/kpis.ts';
import { confidenceHalfWidth } from '../metrics/studentT.ts';
import { Tally } from '../metrics/tally.ts';
import { variantsOf } from '../model/build.ts';
import { runReplication, type DailyLevels, type RunResult, type ZoneResult } from './run.ts';
import { DAILY_LEVELS, ONLINE_LEVELS, type OnlineLevelName } from '../model/dailySeries.ts';
import { CHURN_CAUSES, type ChurnCause } from '../model/customerBase.ts';

/** Mean over replications with the 95% confidence half-width (Student t, n-1 degrees of freedom). */
export interface KpiSummary {
  mean: number | null;
  sd: number | null;
  halfWidth: number | null;
  /** replications where the KPI applied */
  n: number;
}
export type KpiSummaries = Record<KpiName, KpiSummary>;

/** A daily series averaged over replications, with the 95% half-width of each day's mean. */
export interface MeanSeries {
  mean: number[];
  halfWidth: number[];
}
export type MeanLevels = Record<keyof DailyLevels, MeanSeries>;

export interface VariantSummary {
  id: string;
  name: string;
  replications: number;
  network: KpiSummaries;
  /** each replication's network KPIs (null where one does not apply), in replication order, for distributions */
  samples: { replications: number[]; network: Record<KpiName, (number | null)[]> };
  products: { product: string; kpis: KpiSummaries }[];
  stockPoints: { node: string; product: string; policy: string; reorderPoint: number | null; orderUpTo: number | null; kpis: KpiSummaries }[];
  /** what customers lived through, summed over customer bases and zones: departures by cause, online orders by zone */
  customers: {
    churnedBy: Record<ChurnCause, KpiSummary>;
    zones: ({ zone: string } & Record<Exclude<keyof ZoneResult, 'zone'>, KpiSummary>)[];
  };
  /** each recall: units removed, customers reached, units sold before it */
  recalls: { name: string; unitsRemoved: KpiSummary; customersReached: KpiSummary; unitsSold: KpiSummary }[];
  /** daily series averaged over replications (null when the scenario records none) */
  series: {
    days: number;
    network: MeanLevels;
    stockPoints: MeanLevels[] | null;
    activeCustomers: MeanSeries;
    /** online orders per day (null without online zones) */
    online: Record<OnlineLevelName, MeanSeries> | null;
    /**
     * the same over the ONLINE_WINDOW_DAYS up to each day, per replication then averaged, so the bands
     * are the weekly figures' own: the share delivered on time (NaN where no replication delivered
     * anything), and carts abandoned per day (null without online zones)
     */
    onlineWeekly: { onTimeShare: MeanSeries; abandonedPerDay: MeanSeries } | null;
  } | null;
  /** total events processed over its replications */
  events: number;
}

export interface ExperimentResult {
  scenario: string;
  seed: string | number;
  replications: number;
  horizonDays: number;
  warmupDays: number;
  variants: VariantSummary[];
  /** replication 0 of each variant in full, for single-run views */
  firstRuns: RunResult[];
  /** false when the run was cancelled before every replication finished */
  complete: boolean;
  /** modelling problems worth a look, each once, with the fix */
  warnings: string[];
}

/** One unit of work: replication `replication` of variant `variant`. */
export interface Task {
  variant: number;
  replication: number;
}

/** All tasks of an experiment, in the canonical order results are merged in. */
export function tasksOf(scenario: Scenario, replications = scenario.replications): Task[] {
  const tasks: Task[] = [];
  const variants = variantsOf(scenario).length;
  for (let replication = 0; replication < replications; replication++) {
    for (let variant = 0; variant < variants; variant++) tasks.push({ variant, replication });
  }
  return tasks;
}

export interface ExperimentOptions {
  replications?: number;
  /** called after each replication with (done, total) */
  onProgress?: (done: number, total: number) => void;
  /** polled between replications; when it returns true the experiment stops and keeps what finished */
  isCancelled?: () => boolean;
}

/** Runs every replication of every variant in this thread (the worker pool does the same in parallel). */
export function runExperiment(scenario: Scenario, options: ExperimentOptions = {}): ExperimentResult {
  const tasks = tasksOf(scenario, options.replications);
  const results: RunResult[] = [];
  for (const task of tasks) {
    if (options.isCancelled?.()) break;
    results.push(runReplication(scenario, task.variant, task.replication));
    options.onProgress?.(results.length, tasks.length);
  }
  return summarize(scenario, results, results.length === tasks.length);
}

/**
 * Merges replication results into an experiment result. The results may come in any order; they are
 * sorted by (replication, variant) first, so the summary is the same bytes whatever the number of
 * workers that computed them. A cancelled run keeps only whole replications (every variant done), so
 * variants stay compared on the same seeds.
 */
export function summarize(scenario: Scenario, unordered: ReadonlyArray<RunResult>, complete: boolean): ExperimentResult {
  const variants = variantsOf(scenario);
  const variantIndex = new Map(variants.map((v, i) => [v.id, i]));
  const sorted = [...unordered].sort((a, b) => a.replication - b.replication || variantIndex.get(a.variant)! - variantIndex.get(b.variant)!);
  const perReplication = new Map<number, number>();
  for (const run of sorted) perReplication.set(run.replication, (perReplication.get(run.replication) ?? 0) + 1);
  const results = sorted.filter((run) => perReplication.get(run.replication) === variants.length);
  const replications = new Set(results.map((run) => run.replication)).size;

  const summaries: VariantSummary[] = variants.map((variant) => {
    const runs = results.filter((run) => run.variant === variant.id);
    const first = runs[0];
    return {
      id: variant.id,
      name: variant.name ?? variant.id,
      replications: runs.length,
      network: summarizeKpis(runs.map((run) => run.network.kpis)),
      samples: {
        replications: runs.map((run) => run.replication),
        network: Object.fromEntries(KPI_NAMES.map((name) => [name, runs.map((run) => run.network.kpis[name])])) as Record<KpiName, (number | null)[]>,
      },
      products: (first?.products ?? []).map((product, i) => ({ product: product.product, kpis: summarizeKpis(runs.map((run) => run.products[i].kpis)) })),
      stockPoints: (first?.stockPoints ?? []).map((point, i) => ({
        node: point.node,
        product: point.product,
        policy: point.policy,
        reorderPoint: point.reorderPoint,
        orderUpTo: point.orderUpTo,
        kpis: summarizeKpis(runs.map((run) => run.stockPoints[i].kpis)),
      })),
      customers: {
        churnedBy: Object.fromEntries(
          CHURN_CAUSES.map((cause) => [cause, summarizeNumbers(runs.map((run) => run.customerBases.reduce((sum, base) => sum + base.churnedBy[cause], 0)))]),
        ) as Record<ChurnCause, KpiSummary>,
        zones: (first?.zones ?? []).map((zone, i) => ({
          zone: zone.zone,
          ...(Object.fromEntries(
            ZONE_COUNTS.map((count) => [count, summarizeNumbers(runs.map((run) => run.zones[i][count]))]),
          ) as Record<(typeof ZONE_COUNTS)[number], KpiSummary>),
        })),
      },
      recalls: (first?.recalls ?? []).map((recall, i) => ({
        name: recall.name,
        unitsRemoved: summarizeNumbers(runs.map((run) => run.recalls[i].unitsRemoved)),
        customersReached: summarizeNumbers(runs.map((run) => run.recalls[i].customersReached)),
        unitsSold: summarizeNumbers(runs.map((run) => run.recalls[i].unitsSold)),
      })),
      series: first?.series ? summarizeSeries(runs) : null,
      events: runs.reduce((sum, run) => sum + run.events, 0),
    };
  });

  return {
    scenario: scenario.name,
    seed: scenario.seed,
    replications,
    horizonDays: scenario.horizonDays,
    warmupDays: scenario.warmupDays,
    variants: summaries,
    firstRuns: variants.map((v) => results.find((run) => run.variant === v.id && run.replication === 0)).filter((run): run is RunResult => run !== undefined),
    complete,
    warnings: [...new Set(results.flatMap((run) => run.warnings))],
  };
}

const ZONE_COUNTS = ['orders', 'abandoned', 'delivered', 'onTime', 'accurate', 'late', 'notified', 'lateNotified', 'express', 'waitDays'] as const satisfies ReadonlyArray<Exclude<keyof ZoneResult, 'zone'>>;

/** Mean, sample sd and 95% half-width of one number per replication. */
export function summarizeNumbers(values: ReadonlyArray<number>): KpiSummary {
  const tally = new Tally();
  for (const value of values) tally.add(value);
  const n = tally.count;
  const sd = n >= 2 ? tally.sd : null;
  return { mean: n > 0 ? tally.mean : null, sd, halfWidth: sd === null ? null : confidenceHalfWidth(sd, n), n };
}

/** Per KPI: mean, sample sd and 95% half-width over the replications where it applies. */
export function summarizeKpis(samples: ReadonlyArray<Kpis>): KpiSummaries {
  const out = {} as KpiSummaries;
  for (const name of KPI_NAMES) {
    const tally = new Tally();
    for (const kpis of samples) {
      const value = kpis[name];
      if (value !== null) tally.add(value);
    }
    const n = tally.count;
    const sd = n >= 2 ? tally.sd : null;
    out[name] = { mean: n > 0 ? tally.mean : null, sd, halfWidth: sd === null ? null : confidenceHalfWidth(sd, n), n };
  }
  return out;
}

/** Days in the trailing window of `onlineWeekly`: a week, so weekday patterns cancel. */
export const ONLINE_WINDOW_DAYS = 7;

/** Sums over the ONLINE_WINDOW_DAYS up to each day (fewer at the start), each summed afresh: no drift. */
function trailingSums(values: ReadonlyArray<number>): number[] {
  return values.map((_, d) => {
    let sum = 0;
    for (let k = Math.max(0, d - ONLINE_WINDOW_DAYS + 1); k <= d; k++) sum += values[k];
    return sum;
  });
}

/** Per day, the mean and 95% half-width over the replications whose value is defined (not NaN). */
function meanOfDefined(perRun: ReadonlyArray<ReadonlyArray<number>>): MeanSeries {
  const days = perRun[0]?.length ?? 0;
  const mean: number[] = [];
  const halfWidth: number[] = [];
  for (let d = 0; d < days; d++) {
    const tally = new Tally();
    for (const values of perRun) if (!Number.isNaN(values[d])) tally.add(values[d]);
    mean.push(tally.count > 0 ? tally.mean : NaN);
    halfWidth.push(tally.count >= 2 ? (confidenceHalfWidth(tally.sd, tally.count) ?? 0) : 0);
  }
  return { mean, halfWidth };
}

function summarizeSeries(runs: ReadonlyArray<RunResult>): VariantSummary['series'] {
  const first = runs[0].series!;
  const meanOf = (pick: (run: RunResult) => number[]): MeanSeries => {
    const days = first.days;
    const mean = new Array<number>(days).fill(0);
    const m2 = new Array<number>(days).fill(0);
    runs.forEach((run, k) => {
      const values = pick(run);
      for (let d = 0; d < days; d++) {
        const delta = values[d] - mean[d];
        mean[d] += delta / (k + 1);
        m2[d] += delta * (values[d] - mean[d]);
      }
    });
    const n = runs.length;
    const halfWidth = m2.map((m) => (n >= 2 ? (confidenceHalfWidth(Math.sqrt(m / (n - 1)), n) ?? 0) : 0));
    return { mean, halfWidth };
  };
  const levelsOf = (pick: (run: RunResult) => DailyLevels): MeanLevels => {
    const out = {} as MeanLevels;
    for (const level of DAILY_LEVELS) out[level] = meanOf((run) => pick(run)[level]);
    return out;
  };
  return {
    days: first.days,
    network: levelsOf((run) => run.series!.network),
    stockPoints: first.stockPoints ? first.stockPoints.map((_, i) => levelsOf((run) => run.series!.stockPoints![i])) : null,
    activeCustomers: meanOf((run) => run.series!.networkActiveCustomers),
    online: first.online ? (Object.fromEntries(ONLINE_LEVELS.map((level) => [level, meanOf((run) => run.series!.online![level])])) as Record<OnlineLevelName, MeanSeries>) : null,
    onlineWeekly: first.online
      ? {
          onTimeShare: meanOfDefined(
            runs.map((run) => {
              const onTime = trailingSums(run.series!.online!.onTime);
              return trailingSums(run.series!.online!.delivered).map((delivered, d) => (delivered > 0 ? onTime[d] / delivered : NaN));
            }),
          ),
          abandonedPerDay: meanOfDefined(runs.map((run) => trailingSums(run.series!.online!.abandoned).map((sum, d) => sum / Math.min(ONLINE_WINDOW_DAYS, d + 1)))),
        }
      : null,
  };
}
