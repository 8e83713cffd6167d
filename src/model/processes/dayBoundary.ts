import type { Environment } from '../../kernel/environment.ts';
import { EventKind, Priority } from '../eventKinds.ts';
import type { StockPoint } from '../stockPoint.ts';
import type { CustomerBase } from '../customerBase.ts';
import type { ZoneTally } from '../onlineOrders.ts';
import { DailySeries, RollupDaily } from '../dailySeries.ts';
import type { ModelTables } from './modelTables.ts';
import type { Processes } from './processes.ts';
import type { CustomerChurn } from './customerChurn.ts';
import type { DamageAndVisibility } from './damageAndVisibility.ts';
import type { LotsAndExpiry } from './lotsAndExpiry.ts';
import type { Shipping } from './shipping.ts';

/**
 * Days and the measured window: at each integer time the day that ended is closed (the shelf's daily
 * losses, end-of-period measures, the bullwhip's daily sums, the daily series and roll-ups) and the
 * next opens (a new day's shipping capacity); the warm-up's end restarts every count; at the horizon a
 * partial last day is recorded as it stands.
 */
export class DayBoundary {
  private readonly env: Environment;
  private readonly horizon: number;
  private readonly warmup: number;
  readonly days: number;
  private readonly stockPoints: StockPoint[];
  /** daily series: index = day (recorded at the end of the day) */
  readonly series: DailySeries;
  readonly rollupDaily: RollupDaily;
  private shelfLosses!: DamageAndVisibility;
  private lots!: LotsAndExpiry;
  private shipping!: Shipping;
  private churn!: CustomerChurn;
  /**
   * The kernel stops once the day boundary recording a day at or past this one is done (Infinity: never);
   * how a replication is stepped through day by day (src/experiment/stepper.ts). One comparison a day.
   */
  stopAfterDay = Infinity;

  constructor(
    private readonly tables: ModelTables,
    options: { warmup: number; products: number; recordSeries: boolean; seriesPerStockPoint: boolean; keepPointDays: boolean; bullwhipPeriodDays: number },
    private readonly customerBases: CustomerBase[],
    private readonly zones: ZoneTally[],
  ) {
    this.env = tables.env;
    this.horizon = tables.horizon;
    this.warmup = options.warmup;
    this.days = Math.ceil(tables.horizon);
    this.stockPoints = tables.stockPoints;
    this.series = new DailySeries(options.recordSeries ? this.days : 0, tables.stockPoints.length, options.seriesPerStockPoint, customerBases.length);
    this.rollupDaily = new RollupDaily(options.products, options.keepPointDays, tables.stockPoints.length, options.bullwhipPeriodDays);
    this.bullwhipPeriodDays = options.bullwhipPeriodDays;
  }

  /** whole days of the window summed into one period of the bullwhip ratio */
  private readonly bullwhipPeriodDays: number;

  connect(processes: Processes): void {
    this.shelfLosses = processes.shelfLosses;
    this.lots = processes.lots;
    this.shipping = processes.shipping;
    this.churn = processes.churn;
  }

  /** The first day boundary (it records day 0 at time 1), and the warm-up's end. */
  start(): void {
    if (this.days >= 1) this.env.schedule(1, EventKind.dayBoundary, 1, 0, Priority.dayBoundary);
    if (this.warmup > 0) this.env.schedule(this.warmup, EventKind.warmupEnd, 0, 0, Priority.warmupEnd);
  }

  /** At time `day`: record day `day - 1`, open day `day`. */
  onDayBoundary(day: number): void {
    const now = this.env.now;
    const recordedDay = day - 1;
    const inWindow = recordedDay >= this.tables.windowStart - 1e-9;
    const series = this.series;
    for (const point of this.stockPoints) {
      point.accrue(now);
      // only points with damage or record visibility settings pay for them
      if (point.care.damagePerDay > 0) this.shelfLosses.damage(point);
      if (point.visibility !== null) this.shelfLosses.shrinkAndCount(point, day);
      // units whose shelf life ends now are gone before the day's and the period's end are read
      const outdated = point.care.shelfLifeDays < Infinity && point.lots !== null ? this.lots.outdateAtBoundary(point) : 0;
      point.closeDay();
      if (inWindow) {
        // only whole days of the window, as for the roll-ups (a fractional warm-up splits a day)
        if (this.bullwhipPeriodDays === 1) this.addBullwhipPeriod(point, point.lastDayOrdered, point.lastDayDemand);
        else {
          // a period of several days (a weekly orderer measured per week): its days are summed first;
          // a period the horizon cuts short is left out, as a part day is
          point.bullwhipPeriodOrdered += point.lastDayOrdered;
          point.bullwhipPeriodDemand += point.lastDayDemand;
          if (++point.bullwhipPeriodDaysIn === this.bullwhipPeriodDays) {
            this.addBullwhipPeriod(point, point.bullwhipPeriodOrdered, point.bullwhipPeriodDemand);
            point.bullwhipPeriodOrdered = 0;
            point.bullwhipPeriodDemand = 0;
            point.bullwhipPeriodDaysIn = 0;
          }
        }
      }
      const policy = point.policy;
      if (policy.reviewPeriod > 0 && Number.isInteger(policy.reviewPeriod) && (day - policy.firstReview) % policy.reviewPeriod === 0 && day > policy.firstReview) {
        this.endOfPeriod(point, outdated);
      }
      series.recordStockPoint(recordedDay, point);
    }
    if (inWindow) this.rollupDaily.closeDay(this.stockPoints);
    series.recordCustomers(recordedDay, this.customerBases);
    if (this.zones.length > 0) series.recordOnline(recordedDay, this.zones);
    // a new day's capacity; at the horizon there is no new day to ship in
    if (day < this.horizon) this.shipping.openDay();
    if (day + 1 <= this.days) this.env.schedule(day + 1, EventKind.dayBoundary, day + 1, 0, Priority.dayBoundary);
    if (recordedDay >= this.stopAfterDay) this.env.stop();
  }

  /** One period of the bullwhip ratio at `point`: its orders placed and its demand received in the period. */
  private addBullwhipPeriod(point: StockPoint, ordered: number, demand: number): void {
    const c = point.counters;
    c.bullwhipDays++;
    c.dailyOrderSum += ordered;
    c.dailyOrderSumSquares += ordered * ordered;
    c.dailyDemandSum += demand;
    c.dailyDemandSumSquares += demand * demand;
  }

  /**
   * At the horizon. A fractional horizon ends inside a day: that partial day is recorded as it stands
   * (its demand, sales, orders and receipts so far, the levels now), so the daily series covers the
   * whole run. Damage, shrinkage, counts, end-of-period measures and the bullwhip's daily sums stay
   * with whole days (day boundaries).
   */
  recordPartialLastDay(): void {
    if (!(this.horizon < this.days)) return;
    const now = this.env.now;
    const day = this.days - 1;
    const series = this.series;
    for (const point of this.stockPoints) {
      point.accrue(now);
      point.closeDay();
      series.recordStockPoint(day, point);
    }
    series.recordCustomers(day, this.customerBases);
    if (this.zones.length > 0) series.recordOnline(day, this.zones);
  }

  /**
   * End of a review period: the textbook's end-of-period state and cost, read after outdating (the
   * `outdated` units whose shelf life ended at this instant are already written off). For perishables
   * the period's outdating (every unit that expired in the period, these included) is counted and costed,
   * and the on hand before this instant's outdating is kept too (the reading before issue 17).
   */
  private endOfPeriod(point: StockPoint, outdated: number): void {
    const period = point.policy.reviewPeriod;
    const backorders = point.backorders;
    const c = point.counters;
    c.periods++;
    c.endOfPeriodOnHandSum += point.onHand;
    c.endOfPeriodBackordersSum += backorders;
    c.periodCostSum +=
      point.holdingCostPerDay * period * point.onHand +
      (point.customerFacing ? point.backorderCostPerDay * period * backorders : 0) +
      (point.backlogCostPerDay > 0 ? point.backlogCostPerDay * period * backorders : 0) +
      point.stockoutPenalty * (c.lostUnits - point.periodStartLost) +
      point.orderingCost * (c.ordersPlaced - point.periodStartOrders);
    point.periodStartLost = c.lostUnits;
    point.periodStartOrders = c.ordersPlaced;
    if (point.care.shelfLifeDays < Infinity) {
      const outdatedInPeriod = c.expiredUnits - point.periodStartExpired;
      c.outdatedInPeriodsSum += outdatedInPeriod;
      c.endOfPeriodOnHandBeforeOutdatingSum += point.onHand + outdated;
      c.periodCostSum += (point.unitCost + point.care.disposalCostPerUnit) * outdatedInPeriod;
      point.periodStartExpired = c.expiredUnits;
    }
  }

  /** The warm-up ends: the measured window opens, and every count starts again from here. */
  onWarmupEnd(): void {
    const now = this.env.now;
    this.tables.windowStart = now;
    const windowDays = this.horizon - now;
    for (const point of this.stockPoints) point.startWindow(now, windowDays);
    for (const stage of this.shipping.stages) stage.startWindow(now);
    this.churn.restartWindow();
    this.series.restartOnline(this.zones);
    for (const zone of this.zones) zone.reset();
    this.rollupDaily.restart();
  }
}
