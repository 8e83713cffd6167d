import type { Demand, Distribution, Policy, Scenario } from '../scenario/schema.ts';
import type { BudgetDriver, BudgetFix, MultiplierCause, ScenarioIssue } from '../scenario/issues.ts';
import { idsOf, stockPointKey } from '../scenario/references.ts';
import { distributionMean } from '../random/distributions/sampler.ts';
import { planStockPoints, variantsOf } from '../model/build.ts';
import { meanOrdersPerDay } from '../model/demandMoments.ts';
import { DAILY_LEVELS, ONLINE_LEVELS } from '../model/dailySeries.ts';
import { SKIPPING_LIMIT } from '../random/distributions/binomial.ts';
import { BULK_HITS } from '../model/lots.ts';

/**
 * A run's budget, estimated from the scenario alone before anything runs (arithmetic on its numbers,
 * a few milliseconds even for 1,000 stock points, so the web app checks it on the page): the events
 * of a replication, the computing time of the whole experiment on one core, and the memory it needs,
 * both the results the main thread keeps and one worker's peak. A scenario beyond the limits is
 * refused by `checkRunBudget` with an issue at the field that drives the figure, in words, unless the
 * caller allows large runs (`stocklab ... --allow-large`).
 *
 * The costs below were measured on the development machine (2 cores, Node 20, 2026-12; best of
 * three runs of one replication in one thread, the sources loaded as ES modules) with a throwaway
 * script around `runReplication` (the figures and how, in the issue 12 report):
 * - an event: 186 ns (one store, base stock, 2,000 customers a day for 365 days: 1.46 M events in
 *   270 ms; an (s, S) store spends 107–157 ns an event, so the estimate errs on the slow side);
 * - a run's set-up and collection: 0.35–0.6 ms (a 2-day run, warm, of three small scenarios);
 * - a stock point's day: 80 ns (1,000 stock points for 3,650 days with almost no demand, no series:
 *   287 ms for 3.65 M point-days);
 * - a daily series value: 130 ns to record, copy out of the worker and collect (one stock point for
 *   200,000 days: 490 ms a run with every series, 132 ms without);
 * - memory, measured as the heap kept after a forced GC: a run's result 4,400 bytes plus 2,300 per
 *   stock point (2,073–2,455 measured for 100 and 1,000 points); a daily series value kept in a
 *   result 12 bytes (11.5 measured); the means and half-widths of the summary 16 bytes per value and
 *   variant; in a worker, a value is held about three times while a run ends (its typed array 8, the
 *   result's array 12 and the message to the main thread 9 bytes).
 */

/** seconds to build a replication's simulation and collect its result (a 2-day run: 0.35–0.6 ms) */
export const SECONDS_PER_RUN = 0.6e-3;
/** seconds of one event (see the module comment) */
export const SECONDS_PER_EVENT = 190e-9;
/** seconds of one stock point's day boundary (accrual, day's counters) */
export const SECONDS_PER_POINT_DAY = 80e-9;
/** seconds to record, copy and collect one daily series value */
export const SECONDS_PER_SERIES_VALUE = 130e-9;
/** bytes of one run's result kept by the main thread, without its stock points and series */
export const BYTES_PER_RUN = 4_400;
/** bytes of one stock point's KPIs, counters and ledger in a kept result */
export const BYTES_PER_STOCK_POINT_RESULT = 2_300;
/** bytes of one daily series value in a kept result (a JavaScript array of numbers) */
export const BYTES_PER_KEPT_SERIES_VALUE = 12;
/** bytes per series value and variant of the summary (mean and half-width per day) */
export const BYTES_PER_SUMMARY_VALUE = 16;
/** bytes a worker holds per series value while a run ends: typed array, array copy, message */
export const BYTES_PER_WORKER_SERIES_VALUE = 29;
/**
 * seconds of the lot work of one sale or receipt at a stock point held in lots (a lot created, pieces
 * handed to the sale): one store in lots, base stock 10^6, 2,000 customers a day, 3,650 days: 14.6 M
 * events in 5.5 s, 377 ns an event against 190 without lots
 */
export const SECONDS_PER_LOT_OPERATION = 190e-9;
/** seconds to visit one piece of a shelf's lots (FEFO looking for the earliest expiry, a damaged unit's position) */
export const SECONDS_PER_PIECE_VISIT = 2e-9;
/** bytes of one lot in the replication's lot registry (2 million lots measured: 59 bytes each) */
export const BYTES_PER_LOT = 60;
/** bytes of one drawn window of a random shock or disruption (2 million measured: 84 bytes each) */
export const BYTES_PER_WINDOW = 84;
/** the largest factor the estimate carries (compounding shocks can reach Infinity): 10^300 */
const HUGE = 1e300;
/** computing beyond this (10^200 seconds) comes from a factor without bound, and is said so */
const HUGE_SECONDS = 1e200;
/** tasks a CLI worker runs per call before handing results back (src/worker/pool.ts's default batch) */
const TASKS_PER_CALL = 4;
/** per-stock-point series are recorded by default up to this many stock points (model/build.ts) */
const AUTO_SERIES_LIMIT = 50;

/** The largest memory a run may need: well under the ~4 GB heap of a browser tab or a worker. */
export const MEMORY_LIMIT_BYTES = 2e9;
/** The most events the engine's queue holds at once (src/kernel/eventQueue.ts: 2^24). */
export const MAX_PENDING_EVENTS = 2 ** 24;
/** The longest computing a run may need, on one core (about half of it on two). */
export const TIME_LIMIT_SECONDS = 6 * 3600;
/**
 * The longest computing an experiment run on the queue may need, on one core: a fleet's cores share
 * it (30 days of one core are about 11 hours on 64), so it is the machines you add, not this one, that
 * decide how long it takes; the bound only stops a mistake of orders of magnitude.
 */
export const QUEUE_TIME_LIMIT_SECONDS = 30 * 24 * 3600;

export interface BudgetOptions {
  /** replications per variant (default: the scenario's) */
  replications?: number;
  /** record daily series (default: as the scenario's output.series says; sweeps record none) */
  series?: boolean;
}

/** What drives a figure: the field to change, and the figure it contributes, in words. */
interface Driver {
  path: string;
  what: string;
  /** what `what` says, as facts, where the web words it in other languages (ScenarioIssue.detail) */
  facts?: BudgetDriver;
}

export interface RunEstimate {
  days: number;
  stockPoints: number;
  variants: number;
  replications: number;
  /** expected customer arrivals in one replication (every demand entry, multipliers and growth included) */
  customersPerRun: number;
  /** events of one replication (arrivals, orders, receipts, reviews, days, online orders, draws...) */
  eventsPerRun: number;
  /** daily series values one replication records */
  seriesValuesPerRun: number;
  /** computing time of the whole experiment on one core, in seconds */
  seconds: number;
  /** memory the main thread keeps: every run's result until they are merged, then the summary */
  mainBytes: number;
  /** one worker's peak: its runs' series on their way out, and the demand profiles of a run */
  workerBytes: number;
  /** the fields behind the time and the memory, largest first */
  timeDriver: Driver;
  memoryDriver: Driver;
  /** about the most events pending at once (orders in transit), and the field behind them */
  pendingEvents: number;
  pendingDriver: Driver;
}

/** Estimates a validated scenario's run (see the module comment); pure arithmetic, no simulation. */
export function estimateRun(scenario: Scenario, options: BudgetOptions = {}): RunEstimate {
  const days = Math.ceil(scenario.horizonDays);
  const variants = variantsOf(scenario);
  const replications = options.replications ?? scenario.replications;
  const runs = replications * variants.length;
  const firstPlans = planStockPoints(scenario, variants[0]);
  const stockPoints = firstPlans.length;
  const zones = new Set(scenario.nodes.filter((node) => node.type === 'zone').map((node) => node.id));

  // one-for-one policies place an order (and a receipt) per customer; the share of such points over variants
  const oneForOne = new Map<string, number>();
  for (const variant of variants) {
    for (const plan of planStockPoints(scenario, variant)) {
      const each = plan.policy.type === 'baseStock' || plan.policy.type === 'echelonBaseStock' ? 1 / variants.length : 0;
      oneForOne.set(plan.key, (oneForOne.get(plan.key) ?? 0) + each);
    }
  }

  // ---- events of one replication, by cause, each with the field that drives it
  const parts: { seconds: number; driver: Driver }[] = [];
  // windows of random shocks and disruptions a run holds, by field
  const windowParts: { bytes: number; driver: Driver }[] = [];
  // lots: those a run creates (kept to its end), and the arrivals (customers, orders) at each point in lots
  let lotsCreated = 0;
  const lotMemoryDrivers: { bytes: number; driver: Driver }[] = [];
  const arrivalsAt = new Map<string, number>();
  // the most events pending at once (the engine holds at most MAX_PENDING_EVENTS): orders in transit
  let peakPending: { count: number; driver: Driver } = { count: 0, driver: { path: 'horizonDays', what: '' } };
  let customers = 0;
  let events = days; // one day boundary a day
  const dayWork = days * stockPoints * SECONDS_PER_POINT_DAY;
  parts.push({ seconds: days * SECONDS_PER_EVENT + dayWork, driver: { path: 'horizonDays', what: `${count(days)} days × ${count(stockPoints)} stock ${stockPoints === 1 ? 'point' : 'points'}`, facts: { kind: 'daysByPoints', days, stockPoints } } });

  scenario.demand.forEach((entry, i) => {
    const pairs = idsOf(entry.node).flatMap((node) => idsOf(entry.product).map((product) => ({ node, product })));
    const mass = demandMass(scenario, entry, i, days);
    if (entry.type === 'arrivals') {
      const quantity = meanOf(entry.quantity);
      let entryEvents = 0;
      let entryCustomers = 0;
      for (const { node, product } of pairs) {
        const arrivals = Math.min(HUGE, entry.customersPerDay * mass.multiplier * days);
        entryCustomers += arrivals;
        arrivalsAt.set(stockPointKey(node, product), (arrivalsAt.get(stockPointKey(node, product)) ?? 0) + arrivals);
        // an online order is placed, picked, delivered and checked against its promise
        const perCustomer = zones.has(node) ? 4 : 1 + (oneForOne.get(stockPointKey(node, product)) ?? 0);
        entryEvents += arrivals * perCustomer;
        entryEvents += arrivals * returnDrawsPerSale(scenario, product, quantity);
        // one-for-one: an order in transit per customer of the last lead time
        const lane = scenario.lanes.find((l) => l.to === node);
        const inTransit = (oneForOne.get(stockPointKey(node, product)) ?? 0) * (arrivals / days) * (lane ? Math.max(0, meanOf(lane.leadTime)) : 0);
        if (inTransit > peakPending.count) peakPending = { count: inTransit, driver: { path: mass.driver !== null && mass.driverFactor >= 10 ? mass.driver : `demand[${i}].customersPerDay`, what: `about ${count(inTransit)} orders in transit at once at ${stockPointKey(node, product)} (${count(arrivals / days)} customers a day on average, each ordering one for one, × ${count(lane ? meanOf(lane.leadTime) : 0)} days' lead time)`, facts: { kind: 'ordersInTransit', orders: inTransit, at: stockPointKey(node, product), perDay: arrivals / days, leadDays: lane ? meanOf(lane.leadTime) : 0 } } };
      }
      customers += entryCustomers;
      events += entryEvents;
      // the field behind the count: a multiplier far above 1, or the rate itself
      const driver: Driver =
        mass.driver !== null && mass.driverFactor >= 10
          ? { path: mass.driver, what: `${count(entryCustomers)} customers (${count(entry.customersPerDay)} a day × ${count(pairs.length)} stock ${pairs.length === 1 ? 'point' : 'points'}, multiplied ${mass.driverFactor >= HUGE ? 'without bound' : `by ${count(mass.driverFactor)} on average`} by ${mass.driverName}, over ${count(days)} days)`, facts: { kind: 'multipliedCustomers', customers: entryCustomers, perDay: entry.customersPerDay, stockPoints: pairs.length, factor: mass.driverFactor >= HUGE ? null : mass.driverFactor, by: mass.driverBy, days } }
          : returnDrawsPerSale(scenario, pairs[0]?.product ?? '', quantity) > 10
            ? { path: `demand[${i}].quantity`, what: `${count(entryEvents)} draws for the returns of ${count(quantity)} units a customer`, facts: { kind: 'returnDraws', draws: entryEvents, units: quantity, per: 'customer' } }
            : {
                path: `demand[${i}].customersPerDay`,
                what: `${count(entryCustomers)} customers (${count(entry.customersPerDay)} a day × ${count(pairs.length)} stock ${pairs.length === 1 ? 'point' : 'points'} × ${count(days)} days${mass.multiplier > 1.5 ? `, × ${count(mass.multiplier)} on average for seasonality, growth and shocks` : ''})`,
                facts: { kind: 'customers', customers: entryCustomers, perDay: entry.customersPerDay, stockPoints: pairs.length, days, multiplier: mass.multiplier > 1.5 ? mass.multiplier : null },
              };
      parts.push({ seconds: entryEvents * SECONDS_PER_EVENT, driver });
    } else if (entry.type === 'orders') {
      // a count a day per stream, then each order as a customer's (its sale, a one-for-one order, a delivery)
      const perDay = meanOrdersPerDay(entry);
      const size = meanOf(entry.size);
      let entryEvents = pairs.length * days;
      let entryOrders = 0;
      for (const { node, product } of pairs) {
        const orders = Math.min(HUGE, perDay * mass.multiplier * days);
        entryOrders += orders;
        arrivalsAt.set(stockPointKey(node, product), (arrivalsAt.get(stockPointKey(node, product)) ?? 0) + orders);
        const perOrder = 1 + (oneForOne.get(stockPointKey(node, product)) ?? 0) + (entry.delivery !== undefined ? 1 : 0);
        entryEvents += orders * (perOrder + returnDrawsPerSale(scenario, product, size));
      }
      customers += entryOrders;
      events += entryEvents;
      const path = entry.history !== undefined ? `demand[${i}].history` : `demand[${i}].ordersPerDay`;
      parts.push({
        seconds: entryEvents * SECONDS_PER_EVENT,
        driver: {
          path: mass.driver !== null && mass.driverFactor >= 10 ? mass.driver : path,
          what: `${count(entryOrders)} customer orders (${count(perDay)} a day × ${count(pairs.length)} stock ${pairs.length === 1 ? 'point' : 'points'} × ${count(days)} days${mass.multiplier > 1.5 ? `, × ${count(mass.multiplier)} on average for seasonality, growth and shocks` : ''})`,
          facts: { kind: 'customers', customers: entryOrders, perDay, stockPoints: pairs.length, days, multiplier: mass.multiplier > 1.5 ? mass.multiplier : null },
        },
      });
    } else {
      // one draw or value a day per stream, inside the day's demand event
      const entryEvents = pairs.length * days;
      events += entryEvents;
      parts.push({ seconds: entryEvents * SECONDS_PER_EVENT, driver: { path: 'horizonDays', what: `${count(pairs.length)} daily demand ${pairs.length === 1 ? 'stream' : 'streams'} × ${count(days)} days`, facts: { kind: 'streams', streams: pairs.length, days } } });
      // a day's demand is one sale, whose returns are drawn like a customer's (every demand type returns)
      const daily = entry.type === 'perPeriod' ? meanOf(entry.quantity) : seriesMean(entry.series);
      for (const { node, product } of pairs) arrivalsAt.set(stockPointKey(node, product), (arrivalsAt.get(stockPointKey(node, product)) ?? 0) + days);
      const draws = pairs.reduce((sum, { product }) => sum + days * returnDrawsPerSale(scenario, product, daily), 0);
      if (draws > 0) {
        events += draws;
        parts.push({ seconds: draws * SECONDS_PER_EVENT, driver: { path: entry.type === 'perPeriod' ? `demand[${i}].quantity` : `demand[${i}].series`, what: `${count(draws)} draws for the returns of ${count(daily)} units a day`, facts: { kind: 'returnDraws', draws, units: daily, per: 'day' } } });
      }
    }
    // the windows of random shocks, drawn in each stream at the start of a run and kept while its profile is built
    entry.shocks.forEach((shock, k) => {
      if (shock.occurrence.type !== 'random') return;
      const windows = (shock.occurrence.ratePerYear * days) / 365;
      const path = `demand[${i}].shocks[${k}].occurrence.ratePerYear`;
      const what = `${count(windows)} windows of shock ${k + 1} (${count(shock.occurrence.ratePerYear)} a year over ${count(days)} days)`;
      events += windows * pairs.length;
      const shockFacts = { kind: 'shockWindows' as const, windows, shock: k + 1, perYear: shock.occurrence.ratePerYear, days };
      parts.push({ seconds: windows * pairs.length * SECONDS_PER_EVENT, driver: { path, what: `${what} in each of ${count(pairs.length)} demand ${pairs.length === 1 ? 'stream' : 'streams'}`, facts: { ...shockFacts, streams: pairs.length } } });
      windowParts.push({ bytes: windows * BYTES_PER_WINDOW, driver: { path, what: `the ${what}, held at once`, facts: { ...shockFacts, streams: null } } });
    });
  });

  scenario.customers.forEach((base, i) => {
    const joining = base.newPerDay * days;
    events += joining;
    parts.push({ seconds: joining * SECONDS_PER_EVENT, driver: { path: `customers[${i}].newPerDay`, what: `${count(joining)} new customers (${count(base.newPerDay)} a day over ${count(days)} days)`, facts: { kind: 'newCustomers', customers: joining, perDay: base.newPerDay, days } } });
  });

  // reviews and the orders they place, and draws of damage and shrinkage on what is on hand
  scenario.stockPoints.forEach((entry, i) => {
    const pairs = idsOf(entry.node).length * idsOf(entry.product).length;
    const review = reviewPeriodOf(entry.policy, days);
    if (review !== null) {
      const reviews = pairs * (days / review) * 2;
      events += reviews;
      const field = entry.policy.type === 'schedule' ? 'orders' : 'reviewPeriod';
      parts.push({ seconds: reviews * SECONDS_PER_EVENT, driver: { path: `stockPoints[${i}].policy.${field}`, what: `${count(reviews / 2)} reviews (every ${count(review)} days)`, facts: { kind: 'reviews', reviews: reviews / 2, every: review } } });
    }
    const level = shelfBound(entry);
    const levelWords = Number.isFinite(level) ? `up to about ${count(level)} units on hand` : 'stock on hand the policy does not bound';
    for (const node of idsOf(entry.node)) {
      for (const product of idsOf(entry.product)) {
        const key = stockPointKey(node, product);
        const inLots = productInLots(scenario, product);
        // lots: a lot per receipt from a supplier (one per customer for one-for-one policies, else about one a day)
        const sales = arrivalsAt.get(key) ?? 0;
        const share = oneForOne.get(key) ?? 0;
        const receipts = sales * share + Math.min(sales, days) * (1 - share);
        const pieces = inLots ? Math.max(1, Math.min(level, receipts)) : 0;
        const fedByStockPoint = upstreamIsStockPoint(scenario, node, product);
        if (inLots) {
          // a lot is born at a receipt from a supplier; from another stock point, its pieces move
          if (!fedByStockPoint) lotsCreated += receipts;
          if (!fedByStockPoint) lotMemoryDrivers.push({ bytes: receipts * BYTES_PER_LOT, driver: { path: `stockPoints[${i}].policy`, what: `the ${count(receipts)} lots received at ${key} in each run`, facts: { kind: 'lotsReceived', lots: receipts, at: key } } });
          parts.push({ seconds: (sales + receipts) * SECONDS_PER_LOT_OPERATION, driver: { path: `stockPoints[${i}].policy`, what: `the lots of ${count(sales)} sales and ${count(receipts)} receipts at ${key}`, facts: { kind: 'lotOperations', sales, receipts, at: key } } });
          // FEFO looks through every piece while the lots on the shelf are out of expiry order (fed by another stock point)
          if (entry.issuing === 'fefo' && fedByStockPoint) {
            const visits = sales * pieces;
            parts.push({ seconds: visits * SECONDS_PER_PIECE_VISIT, driver: { path: `stockPoints[${i}].issuing`, what: `FEFO looking through about ${count(pieces)} lots on the shelf at each of ${count(sales)} sales`, facts: { kind: 'fefo', lots: pieces, sales } } });
          }
        }
        const rare = lossProbability(scenario, entry, node, product);
        if (rare <= 0 || level <= 0) continue;
        // a day's binomial costs a draw per unit hit up to SKIPPING_LIMIT, a few beyond; in lots, each
        // unit hit is placed along the pieces up to BULK_HITS, the hits are shared out by amounts beyond
        const hits = Math.min(level * rare, HUGE);
        const draws = days * (1 + Math.min(hits, SKIPPING_LIMIT));
        const visits = inLots ? days * pieces * (hits < BULK_HITS ? hits : 1) : 0;
        events += draws;
        parts.push({
          seconds: draws * SECONDS_PER_EVENT + visits * SECONDS_PER_PIECE_VISIT,
          driver: { path: `stockPoints[${i}].policy`, what: `${count(draws)} draws of units lost on the shelf (${levelWords}, each day${inLots ? `, in about ${count(pieces)} lots` : ''})`,
            facts: { kind: 'shelfLoss', draws, level: Number.isFinite(level) ? level : null, lots: inLots ? pieces : null },
          },
        });
      }
    }
  });

  // occurrences drawn at random: each a start and an end
  const occurrences = (occurrence: { type: string; ratePerYear?: number }) => (occurrence.type === 'random' ? ((occurrence.ratePerYear ?? 0) * days) / 365 : 1);
  scenario.disruptions.forEach((disruption, i) => {
    const n = 2 * occurrences(disruption.occurrence);
    events += n;
    parts.push({ seconds: n * SECONDS_PER_EVENT, driver: { path: `disruptions[${i}].occurrence`, what: `${count(n / 2)} disruptions`, facts: { kind: 'disruptions', disruptions: n / 2 } } });
    windowParts.push({ bytes: (n / 2) * BYTES_PER_WINDOW, driver: { path: `disruptions[${i}].occurrence`, what: `the ${count(n / 2)} windows of disruption ${i + 1}, held for the whole run`, facts: { kind: 'disruptionWindows', windows: n / 2, disruption: i + 1 } } });
  });

  // ---- daily series
  const seriesMode = scenario.output.series;
  const series = options.series ?? seriesMode !== 'none';
  const perPoint = seriesMode === 'all' || (seriesMode === 'auto' && stockPoints <= AUTO_SERIES_LIMIT) ? stockPoints : 0;
  const rowsPerDay = DAILY_LEVELS.length * (1 + perPoint) + scenario.customers.length + 1 + (zones.size > 0 ? ONLINE_LEVELS.length : 0);
  const seriesValuesPerRun = series ? rowsPerDay * days : 0;
  const seriesSeconds = seriesValuesPerRun * SECONDS_PER_SERIES_VALUE;
  const seriesWhat = `${count(days)} days × ${count(rowsPerDay)} daily series`;
  const seriesFacts = { days, rows: rowsPerDay };
  parts.push({ seconds: seriesSeconds, driver: { path: 'horizonDays', what: seriesWhat, facts: { kind: 'series', ...seriesFacts } } });

  const secondsPerRun = SECONDS_PER_RUN + parts.reduce((sum, part) => sum + part.seconds, 0);
  const seconds = secondsPerRun * runs;

  // ---- memory
  const resultsBytes = runs * (BYTES_PER_RUN + stockPoints * BYTES_PER_STOCK_POINT_RESULT);
  const keptSeriesBytes = runs * seriesValuesPerRun * BYTES_PER_KEPT_SERIES_VALUE + variants.length * seriesValuesPerRun * BYTES_PER_SUMMARY_VALUE;
  const mainBytes = resultsBytes + keptSeriesBytes;
  const demandStreams = scenario.demand.reduce((sum, entry) => sum + idsOf(entry.node).length * idsOf(entry.product).length, 0);
  // each demand stream keeps its cumulative day multipliers, and its multipliers when not flat
  const profileBytes = demandStreams * (days + 1) * 16;
  // a run holds its lots to the end, its disruptions' windows, and one demand stream's shock windows at a time
  const windowBytes = windowParts.reduce((sum, part) => sum + part.bytes, 0);
  const lotBytes = lotsCreated * BYTES_PER_LOT;
  const workerBytes = Math.min(TASKS_PER_CALL, runs) * seriesValuesPerRun * BYTES_PER_WORKER_SERIES_VALUE + profileBytes + windowBytes + lotBytes;

  // ---- what drives each figure
  const largest = parts.reduce((best, part) => (part.seconds > best.seconds ? part : best), parts[0]);
  // many short runs: the replications' doing, or the variants' (a sweep's grid points) when they are more
  const manyRuns = runs >= 1000 && secondsPerRun * 1000 < TIME_LIMIT_SECONDS;
  const runsPath = replications >= variants.length ? 'replications' : 'variants';
  const runsWhat = `${count(replications)} ${replications === 1 ? 'replication' : 'replications'} × ${count(variants.length)} ${variants.length === 1 ? 'variant' : 'variants'}`;
  const timeDriver: Driver = manyRuns
    ? { path: runsPath, what: `${runsWhat}, ${duration(secondsPerRun)} each`, facts: { kind: 'runs', replications, variants: variants.length, secondsPerRun } }
    : {
        path: largest.driver.path,
        what: `${count(events)} events in each of ${count(runs)} ${runs === 1 ? 'run' : 'runs'}, mostly ${largest.driver.what}`,
        ...(largest.driver.facts ? { facts: { kind: 'events', events, runs, mostly: largest.driver.facts } } : {}),
      };
  // kept results: many small runs are the replications' doing; few long ones the horizon's
  const keptPerRun = BYTES_PER_RUN + stockPoints * BYTES_PER_STOCK_POINT_RESULT + seriesValuesPerRun * BYTES_PER_KEPT_SERIES_VALUE;
  const manyKept = runs >= 1000 && keptPerRun * 1000 <= MEMORY_LIMIT_BYTES;
  const memoryParts: { bytes: number; driver: Driver }[] = [
    {
      bytes: manyKept ? resultsBytes + keptSeriesBytes : resultsBytes,
      driver: {
        path: runsPath,
        what: `the results of ${count(runs)} runs (${runsWhat}, ${count(stockPoints)} stock ${stockPoints === 1 ? 'point' : 'points'}${seriesValuesPerRun > 0 ? ` and ${seriesWhat}` : ''} each)`,
        facts: { kind: 'results', runs, replications, variants: variants.length, stockPoints, series: seriesValuesPerRun > 0 ? seriesFacts : null },
      },
    },
    { bytes: manyKept ? 0 : keptSeriesBytes, driver: { path: 'horizonDays', what: `the daily series of ${count(runs)} ${runs === 1 ? 'run' : 'runs'} (${seriesWhat})`, facts: { kind: 'keptSeries', runs, ...seriesFacts } } },
    ...windowParts,
    ...lotMemoryDrivers,
    {
      bytes: workerBytes - windowBytes - lotBytes,
      driver: {
        path: 'horizonDays',
        what: `one worker's run (${seriesValuesPerRun > 0 ? `${seriesWhat}; ` : ''}${count(demandStreams)} demand ${demandStreams === 1 ? 'stream' : 'streams'} × ${count(days)} days of multipliers)`,
        facts: { kind: 'workerRun', series: seriesValuesPerRun > 0 ? seriesFacts : null, streams: demandStreams, days },
      },
    },
  ];
  const memoryDriver = memoryParts.reduce((best, part) => (part.bytes > best.bytes ? part : best), memoryParts[0]).driver;

  return {
    days,
    stockPoints,
    variants: variants.length,
    replications,
    customersPerRun: customers,
    eventsPerRun: events,
    seriesValuesPerRun,
    seconds,
    mainBytes,
    workerBytes,
    timeDriver,
    memoryDriver,
    pendingEvents: peakPending.count,
    pendingDriver: peakPending.driver,
  };
}

export interface BudgetCheckOptions extends BudgetOptions {
  /** go beyond the limits (the user knows better): nothing is refused */
  allowLarge?: boolean;
  /** how to go beyond, said at the end of a refusal (the CLI: "pass --allow-large") */
  beyond?: string;
  /** give each refusal its facts (ScenarioIssue.detail) where its driver has them, for the web */
  details?: boolean;
  /** the computing allowed, s on one core (default TIME_LIMIT_SECONDS; QUEUE_TIME_LIMIT_SECONDS on the queue) */
  timeLimitSeconds?: number;
  /** how to go beyond the time limit, where it differs from `beyond` (on the queue: the workers', not this machine's) */
  beyondTime?: string;
}

/**
 * The scenario's run refused where it exceeds the memory or time limit: an issue at the field that
 * drives the figure, saying the figure, the limit and what to change. Empty when it fits (or when
 * `allowLarge`).
 */
export function checkRunBudget(scenario: Scenario, options: BudgetCheckOptions = {}): ScenarioIssue[] {
  if (options.allowLarge) return [];
  const estimate = estimateRun(scenario, options);
  const beyond = options.beyond ? `, or ${options.beyond}` : '';
  const issues: ScenarioIssue[] = [];
  const memory = Math.max(estimate.mainBytes, estimate.workerBytes);
  if (!(memory <= MEMORY_LIMIT_BYTES)) {
    const driver = estimate.memoryDriver;
    const fix = memoryFix(driver.path, scenario);
    issues.push({
      path: driver.path,
      message: `this run needs about ${bytes(memory)} of memory for ${driver.what}; the limit is ${bytes(MEMORY_LIMIT_BYTES)}: ${FIX_WORDS[fix]}${beyond}`,
      ...(options.details && driver.facts ? { detail: { kind: 'runBudget', limit: 'memory', needs: memory, allowed: MEMORY_LIMIT_BYTES, driver: driver.facts, fix, beyond: options.beyond ?? null } } : {}),
    });
  }
  const beyondTime = options.beyondTime ? `, or ${options.beyondTime}` : beyond;
  const timeLimit = options.timeLimitSeconds ?? TIME_LIMIT_SECONDS;
  if (!(estimate.seconds <= timeLimit)) {
    const driver = estimate.timeDriver;
    const fix = timeFix(driver.path);
    issues.push({
      path: driver.path,
      message: `${estimate.seconds < HUGE_SECONDS ? `this run needs about ${duration(estimate.seconds)} of computing on one core` : 'this run needs computing without bound'} (${driver.what}); the limit is ${duration(timeLimit)}: ${FIX_WORDS[fix]}${beyondTime}`,
      ...(options.details && driver.facts
        ? { detail: { kind: 'runBudget', limit: 'time', needs: estimate.seconds < HUGE_SECONDS ? estimate.seconds : null, allowed: timeLimit, driver: driver.facts, fix, beyond: options.beyondTime ?? options.beyond ?? null } }
        : {}),
    });
  }
  if (!(estimate.pendingEvents <= MAX_PENDING_EVENTS)) {
    const driver = estimate.pendingDriver;
    issues.push({
      path: driver.path,
      message: `this run would hold ${driver.what}, each a pending event; the engine holds at most ${count(MAX_PENDING_EVENTS)} at once: ${FIX_WORDS[timeFix(driver.path)]}, or shorten the lead time${beyond}`,
      ...(options.details && driver.facts ? { detail: { kind: 'pendingEvents', driver: driver.facts, allowed: MAX_PENDING_EVENTS, fix: timeFix(driver.path), beyond: options.beyond ?? null } } : {}),
    });
  }
  // two refusals at one field say one thing twice: keep the first (memory), it is the harder limit
  return issues.filter((issue, i) => issues.findIndex((other) => other.path === issue.path) === i);
}

/** What to change, in English: the fixes of a refusal (src/scenario/issues.ts BudgetFix), worded once for the CLI. */
const FIX_WORDS: Readonly<Record<BudgetFix, string>> = {
  fewerRuns: 'run fewer replications or variants',
  rarerOccurrences: 'make these occurrences rarer or shorten horizonDays',
  fewerLots: 'order less often, in larger quantities (each receipt from a supplier is a lot), or shorten horizonDays',
  shorterWithSeries: 'shorten horizonDays, record fewer daily series (output.series "network" or "none") or run fewer replications',
  shorter: 'shorten horizonDays or run fewer replications',
  fewerCustomers: 'lower customersPerDay (simulate a sample of the customers) or shorten horizonDays',
  fewerNewCustomers: 'lower newPerDay or shorten horizonDays',
  rarerShock: 'make the shock rarer or shorter (its windows overlap, and overlapping windows multiply demand), or lower its multiplier',
  fifo: 'issue FIFO, or hold fewer lots (order less often, in larger quantities)',
  lowerLevels: 'lower the stock levels or the daily loss probability',
  lowerPattern: "lower the pattern's multipliers (they multiply customersPerDay; 1 is an ordinary day)",
  lowerShock: "lower the shock's multiplier or shorten it (overlapping windows of a random shock multiply)",
  realisticDemand: 'bring the demand back to a realistic size or shorten horizonDays',
  lowerTrend: 'lower trendPerYear or shorten horizonDays',
  realisticValue: 'bring this value back to a realistic size or shorten horizonDays',
};

function memoryFix(path: string, scenario: Scenario): BudgetFix {
  if (path === 'replications' || path === 'variants') return 'fewerRuns';
  if (path.endsWith('ratePerYear') || path.endsWith('occurrence')) return 'rarerOccurrences';
  if (path.endsWith('.policy')) return 'fewerLots';
  return scenario.output.series === 'none' ? 'shorter' : 'shorterWithSeries';
}

function timeFix(path: string): BudgetFix {
  if (path === 'replications' || path === 'variants') return 'fewerRuns';
  if (path === 'horizonDays') return 'shorter';
  if (path.endsWith('customersPerDay')) return 'fewerCustomers';
  if (path.endsWith('newPerDay')) return 'fewerNewCustomers';
  if (path.includes('.shocks[') && path.endsWith('ratePerYear')) return 'rarerShock';
  if (path.endsWith('.issuing')) return 'fifo';
  if (path.endsWith('ratePerYear') || path.endsWith('occurrence')) return 'rarerOccurrences';
  if (path.endsWith('.policy')) return 'lowerLevels';
  if (path.includes('.seasonality.')) return 'lowerPattern';
  if (path.endsWith('.multiplier')) return 'lowerShock';
  if (path.endsWith('].quantity') || path.endsWith('].series')) return 'realisticDemand';
  if (path.endsWith('trendPerYear')) return 'lowerTrend';
  return 'realisticValue';
}

// ------------------------------------------------------------------------------------------------
// demand

/**
 * The mean multiplier of an entry's rate over the horizon (weekly and yearly patterns, trend, shocks,
 * end of life, a growing customer base), and the factor that drives it most. Treats the factors as
 * independent (a product of means): exact for any one of them, close for a long horizon.
 */
function demandMass(scenario: Scenario, entry: Demand, index: number, days: number): { multiplier: number; driver: string | null; driverName: string; driverBy: MultiplierCause; driverFactor: number } {
  const factors: { path: string; name: string; by: MultiplierCause; factor: number }[] = [];
  const weekly = entry.seasonality?.weekly;
  if (weekly) factors.push({ path: `demand[${index}].seasonality.weekly`, name: 'the weekly pattern', by: { kind: 'weekly' }, factor: cyclicMean(weekly, 7, days, (day) => day % 7) });
  const yearly = entry.seasonality?.yearly;
  if (yearly) factors.push({ path: `demand[${index}].seasonality.yearly`, name: 'the yearly pattern', by: { kind: 'yearly' }, factor: cyclicMean(yearly, 365, days, (day) => Math.floor(((day % 365) * 12) / 365)) });
  if (entry.trendPerYear !== 0) factors.push({ path: `demand[${index}].trendPerYear`, name: 'the trend', by: { kind: 'trend' }, factor: trendMean(entry.trendPerYear, days) });
  entry.shocks.forEach((shock, k) => {
    const path = `demand[${index}].shocks[${k}]`;
    if (shock.occurrence.type === 'scheduled') {
      const share = Math.max(0, Math.min(days, shock.occurrence.end) - Math.max(0, Math.ceil(shock.occurrence.start))) / days;
      factors.push({ path: `${path}.multiplier`, name: `shock ${k + 1}`, by: { kind: 'shock', shock: k + 1, overlap: null }, factor: 1 + (shock.multiplier - 1) * Math.min(1, Math.max(0, share)) });
      return;
    }
    // Random windows start as a Poisson process and overlap; overlapping windows of a shock multiply
    // (a day in two windows of a ×3 shock has ×9). The windows covering a day are Poisson with mean
    // overlap = rate × mean duration / 365 (M/G/∞), so the day's mean multiplier is
    // E[m^K] = exp(overlap × (m - 1)): for rare windows 1 + share × (m - 1), as for a scheduled one;
    // unbounded in practice when windows overlap and m is large (capped at 10^300 here).
    const overlap = (shock.occurrence.ratePerYear / 365) * Math.min(days, Math.max(0, meanOf(shock.occurrence.duration)));
    const factor = Math.min(HUGE, Math.exp(overlap * (shock.multiplier - 1)));
    const compounds = overlap >= 0.1 && factor >= 10 && factor > 1 + 2 * overlap * (shock.multiplier - 1);
    factors.push({
      path: compounds && overlap >= 1 ? `${path}.occurrence.ratePerYear` : `${path}.multiplier`,
      name: compounds ? `shock ${k + 1}, whose windows overlap (about ${count(overlap)} at a time on average) and multiply one another` : `shock ${k + 1}`,
      by: { kind: 'shock', shock: k + 1, overlap: compounds ? overlap : null },
      factor,
    });
  });
  for (const node of idsOf(entry.node)) {
    const baseIndex = scenario.customers.findIndex((base) => base.node === node);
    if (baseIndex < 0) continue;
    const base = scenario.customers[baseIndex];
    // without churn the base grows linearly: its mean size over the horizon
    // (an upper bound: churn keeps most bases from growing); it grows with the horizon, which drives it
    if (base.newPerDay > 0) factors.push({ path: 'horizonDays', name: 'the customer base growing without churn', by: { kind: 'growth' }, factor: 1 + (base.newPerDay * days) / (2 * base.initial) });
    break;
  }
  const multiplier = factors.reduce((product, f) => product * f.factor, 1);
  const top = factors.reduce<(typeof factors)[number] | null>((best, f) => (best === null || f.factor > best.factor ? f : best), null);
  return { multiplier, driver: top?.path ?? null, driverName: top?.name ?? '', driverBy: top?.by ?? { kind: 'trend' }, driverFactor: top?.factor ?? 1 };
}

/** The mean over days 0..days-1 of a pattern repeating every `cycle` days (O(cycle)). */
function cyclicMean(pattern: readonly number[], cycle: number, days: number, at: (day: number) => number): number {
  let full = 0;
  for (let day = 0; day < cycle; day++) full += pattern[at(day)];
  let rest = 0;
  for (let day = 0; day < days % cycle; day++) rest += pattern[at(day)];
  return (Math.floor(days / cycle) * full + rest) / days;
}

/** The mean over days 0..days-1 of max(0, 1 + trend × day / 365). */
function trendMean(trend: number, days: number): number {
  const n = trend >= 0 ? days : Math.min(days, Math.ceil(365 / -trend));
  return (n + (trend * n * (n - 1)) / 730) / days;
}

function meanOf(distribution: Distribution): number {
  return distributionMean(distribution, { nonNegative: true });
}

/**
 * Draws that decide which units of a sale of `units` come back, and which of those go back on the
 * shelf: a binomial each, a draw per rare outcome up to SKIPPING_LIMIT and a few beyond, whatever the
 * units (src/random/distributions/binomial.ts).
 */
function returnDrawsPerSale(scenario: Scenario, productId: string, units: number): number {
  const returns = scenario.products.find((product) => product.id === productId)?.returns;
  if (!returns || !(units > 0)) return 0;
  const rare = (p: number) => Math.min(p, 1 - p);
  return Math.min(units * rare(returns.fraction), SKIPPING_LIMIT) + Math.min(units * returns.fraction * rare(returns.restockShare), SKIPPING_LIMIT);
}

/** The mean daily demand of a history series (a CSV's values are in the parsed scenario). */
function seriesMean(series: unknown): number {
  if (!Array.isArray(series) || series.length === 0) return 0;
  let sum = 0;
  for (const value of series) sum += typeof value === 'number' ? value : 0;
  return sum / series.length;
}

/** A product is held in lots when it has a shelf life or a recall may cover it (as model/build.ts decides). */
function productInLots(scenario: Scenario, productId: string): boolean {
  const product = scenario.products.find((p) => p.id === productId);
  if (product?.shelfLifeDays !== undefined) return true;
  return scenario.recalls.some((recall) => recall.product === undefined || idsOf(recall.product).includes(productId));
}

/** True when the stock point is supplied by another stock point (its shelf may hold lots out of expiry order). */
function upstreamIsStockPoint(scenario: Scenario, nodeId: string, productId: string): boolean {
  return scenario.lanes.some((lane) => lane.to === nodeId && scenario.stockPoints.some((entry) => idsOf(entry.node).includes(lane.from) && idsOf(entry.product).includes(productId)));
}

// ------------------------------------------------------------------------------------------------
// stock points

/** Days between reviews, on average over `days` for a schedule; null under continuous review. */
function reviewPeriodOf(policy: Policy, days: number): number | null {
  if (policy.type === 'periodicRS' || policy.type === 'periodicRsS' || policy.type === 'forecast' || policy.type === 'fixedQuantity' || policy.type === 'passThrough' || policy.type === 'anchorAndAdjust') return policy.reviewPeriod;
  if (policy.type === 'schedule') return (policy.repeatEveryDays ?? Math.max(days, 1)) / policy.orders.length;
  return null;
}

/**
 * About the most a stock point holds: its policy's level, raised by an order rounded up to a case pack
 * or a minimum quantity, and its initial stock. Infinity where the policy sets no level (a forecast
 * policy, a service target without Q): the daily loss draws are then costed at their most.
 */
function shelfBound(entry: Scenario['stockPoints'][number]): number {
  // a pass-through's level is its initial stock, counted below; without one, a level from demand
  if (entry.policy.type === 'passThrough') return entry.initialOnHand === undefined ? Infinity : entry.casePack + entry.minOrderQuantity + entry.initialOnHand;
  return stockLevelOf(entry.policy) + entry.casePack + entry.minOrderQuantity + (entry.initialOnHand ?? 0);
}

function stockLevelOf(policy: Policy): number {
  switch (policy.type) {
    case 'sS':
    case 'periodicRS':
    case 'periodicRsS':
      return policy.orderUpTo;
    case 'rQ':
      return policy.reorderPoint + policy.orderQuantity;
    case 'baseStock':
    case 'echelonBaseStock':
      return policy.level;
    case 'serviceTarget':
      return policy.orderQuantity ?? Infinity;
    case 'forecast':
    // orders that do not look at the stock: nothing bounds it
    case 'fixedQuantity':
    case 'schedule':
    case 'passThrough':
    // its desired stock is a target the rule adjusts towards in part, not a bound
    case 'anchorAndAdjust':
      return Infinity;
  }
}

/** The probability of the rarer outcome of a unit's daily damage or shrinkage draw (the draws' cost). */
function lossProbability(scenario: Scenario, entry: Scenario['stockPoints'][number], nodeId: string, productId: string): number {
  const product = scenario.products.find((p) => p.id === productId);
  const node = scenario.nodes.find((n) => n.id === nodeId);
  const storage = node && 'storageClass' in node ? node.storageClass : undefined;
  const damage = storage !== undefined ? (product?.damagePerDay?.[storage] ?? 0) : 0;
  const shrinkage = entry.visibility?.shrinkagePerDay ?? 0;
  const rare = (p: number) => Math.min(p, 1 - p);
  return rare(damage) + rare(shrinkage);
}

// ------------------------------------------------------------------------------------------------
// figures in words

// toLocaleString builds a formatter at every call, and a large scenario's estimate words thousands of
// figures (the editor runs it after every edit): two formatters, made once
const TWO_DECIMALS = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const WHOLE = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** 12,345; 12.3 million; 123 billion; 1.2 × 10^15 */
export function count(value: number): string {
  if (!Number.isFinite(value) || Math.abs(value) >= HUGE) return 'unbounded';
  const abs = Math.abs(value);
  if (abs < 1e6) return (abs < 10 ? TWO_DECIMALS : WHOLE).format(value);
  if (abs < 1e9) return `${round3(value / 1e6)} million`;
  if (abs < 1e12) return `${round3(value / 1e9)} billion`;
  const exponent = Math.floor(Math.log10(abs));
  return `${round3(value / 10 ** exponent)} × 10^${exponent}`;
}

function round3(value: number): string {
  return TWO_DECIMALS.format(Number(value.toPrecision(3)));
}

/** 850 MB, 7.2 GB, 1.3 TB */
export function bytes(value: number): string {
  if (!Number.isFinite(value)) return 'unbounded memory';
  if (value < 1e9) return `${round3(value / 1e6)} MB`;
  if (value < 1e12) return `${round3(value / 1e9)} GB`;
  return `${round3(value / 1e12)} TB`;
}

/** 40 seconds, 25 minutes, 6 hours, 3.4 days, 12 years */
export function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return 'forever';
  if (seconds < 90) return `${round3(seconds)} seconds`;
  if (seconds < 90 * 60) return `${round3(seconds / 60)} minutes`;
  if (seconds < 48 * 3600) return `${round3(seconds / 3600)} hours`;
  if (seconds < 730 * 86400) return `${round3(seconds / 86400)} days`;
  return `${count(seconds / (365 * 86400))} years`;
}
