import type { StockPoint } from './stockPoint.ts';
import type { CustomerBase } from './customerBase.ts';
import type { ZoneTally } from './onlineOrders.ts';

/**
 * What the simulation records day by day, for charts and roll-ups: per stock point (optional) and
 * network levels, active customers per base, online orders, and the per-product daily totals behind
 * the roll-ups' bullwhip ratio.
 */

/** The levels recorded each day, per stock point and for the network. */
export const DAILY_LEVELS = ['onHand', 'position', 'backorders', 'demand', 'sales', 'ordered', 'received', 'short'] as const;
export type DailyLevelName = (typeof DAILY_LEVELS)[number];
/** The online-order counts recorded each day (network), as ZoneTally names them. */
export const ONLINE_LEVELS = ['delivered', 'onTime', 'late', 'abandoned'] as const;
export type OnlineLevelName = (typeof ONLINE_LEVELS)[number];

/**
 * Daily series, recorded at the end of each day: on hand, inventory position and backorders at that
 * moment, and the day's demand, sales (units issued), units ordered, units received and units short
 * (demand not met from the shelf at once: lost or backordered).
 */
export class DailySeries {
  /** per level, per stock point (empty when only network totals are recorded) */
  readonly perPoint: Record<DailyLevelName, Float64Array[]>;
  readonly network: Record<DailyLevelName, Float64Array>;
  readonly activeCustomers: Float64Array[];
  readonly networkActiveCustomers: Float64Array;

  constructor(
    readonly days: number,
    stockPoints: number,
    readonly perStockPoint: boolean,
    customerBases: number,
  ) {
    const perPoint = perStockPoint ? stockPoints : 0;
    this.perPoint = {} as Record<DailyLevelName, Float64Array[]>;
    this.network = {} as Record<DailyLevelName, Float64Array>;
    for (const level of DAILY_LEVELS) {
      this.perPoint[level] = Array.from({ length: perPoint }, () => new Float64Array(days));
      this.network[level] = new Float64Array(days);
    }
    this.activeCustomers = Array.from({ length: customerBases }, () => new Float64Array(days));
    this.networkActiveCustomers = new Float64Array(days);
    for (const level of ONLINE_LEVELS) this.online[level] = new Float64Array(days);
  }

  /** online orders per day, all zones: delivered, of them on time and late, and carts abandoned */
  readonly online = {} as Record<OnlineLevelName, Float64Array>;
  /** the zones' tallies at the end of the previous day */
  private readonly onlineBefore = new Float64Array(ONLINE_LEVELS.length);

  recordOnline(day: number, zones: ReadonlyArray<ZoneTally>): void {
    if (day < 0 || day >= this.days) return;
    ONLINE_LEVELS.forEach((level, k) => {
      let total = 0;
      for (const zone of zones) total += zone[level];
      this.online[level][day] = total - this.onlineBefore[k];
      this.onlineBefore[k] = total;
    });
  }

  /**
   * The zones' tallies are about to start again from zero (end of the warm-up), which may fall inside
   * a day: the part of that day already tallied is kept, so the day's row counts the whole day like
   * the stock series (docs/KPIS.md: the daily series include the warm-up). Call it before the reset.
   */
  restartOnline(zones: ReadonlyArray<ZoneTally>): void {
    ONLINE_LEVELS.forEach((level, k) => {
      let total = 0;
      for (const zone of zones) total += zone[level];
      // after the reset the day's row is (tally since the reset) + (total − before)
      this.onlineBefore[k] -= total;
    });
  }

  recordStockPoint(day: number, point: StockPoint): void {
    if (day < 0 || day >= this.days) return;
    const values = this.scratch;
    values[0] = point.onHand;
    values[1] = point.inventoryPosition;
    values[2] = point.backorders;
    values[3] = point.lastDayDemand;
    values[4] = point.lastDaySales;
    values[5] = point.lastDayOrdered;
    values[6] = point.lastDayReceived;
    values[7] = point.lastDayShort;
    for (let k = 0; k < DAILY_LEVELS.length; k++) {
      const level = DAILY_LEVELS[k];
      this.network[level][day] += values[k];
      if (this.perStockPoint) this.perPoint[level][point.index][day] = values[k];
    }
  }

  /** one day's values of a point, in DAILY_LEVELS order (reused, so recording allocates nothing) */
  private readonly scratch = new Float64Array(DAILY_LEVELS.length);

  recordCustomers(day: number, bases: ReadonlyArray<CustomerBase>): void {
    if (day < 0 || day >= this.days) return;
    let total = 0;
    for (const base of bases) {
      this.activeCustomers[base.index][day] = base.active;
      total += base.active;
    }
    this.networkActiveCustomers[day] = total;
  }

}

/**
 * Daily totals behind the roll-ups' bullwhip ratio: per product and for the network, the variance of
 * the units ordered from suppliers per period over the variance of customer demand per period, a period
 * being the scenario's bullwhipPeriodDays whole days (1 by default). (The variance of a sum is not the
 * sum of variances, so roll-ups cannot add the points' own sums.)
 */
export class RollupDaily {
  /** per product, then the network last: [periods, orderSum, orderSumSquares, demandSum, demandSumSquares] */
  readonly sums: Float64Array;
  private readonly dayOrders: Float64Array;
  private readonly dayDemand: Float64Array;
  // the period under way, when a period is several days: its totals so far, and its days
  private readonly periodOrders: Float64Array;
  private readonly periodDemand: Float64Array;
  private periodDaysIn = 0;

  /**
   * Each stock point's own daily figures behind the sums, kept when an independent part runs alone
   * (src/experiment/parts.ts): a merge recomputes the sums from them in the whole network's stock point
   * order, as the whole run adds them, so the roll-ups agree to the bit. Per point, one value per day of
   * the window: units ordered from suppliers (NaN for a point not supplied by one), customer demand
   * (NaN for a point not facing customers). Null unless asked for.
   */
  readonly pointDays: { orders: number[][]; demand: number[][] } | null;

  constructor(
    readonly products: number,
    keepPointDays = false,
    stockPoints = 0,
    /** whole days per period (the scenario's bullwhipPeriodDays) */
    readonly periodDays = 1,
  ) {
    this.sums = new Float64Array((products + 1) * 5);
    this.dayOrders = new Float64Array(products + 1);
    this.dayDemand = new Float64Array(products + 1);
    this.periodOrders = new Float64Array(products + 1);
    this.periodDemand = new Float64Array(products + 1);
    this.pointDays = keepPointDays ? { orders: Array.from({ length: stockPoints }, () => []), demand: Array.from({ length: stockPoints }, () => []) } : null;
  }

  closeDay(points: ReadonlyArray<StockPoint>): void {
    const orders = this.dayOrders;
    const demand = this.dayDemand;
    orders.fill(0);
    demand.fill(0);
    const network = this.products;
    for (const point of points) {
      if (point.supply.supplier >= 0) {
        orders[point.product] += point.lastDayOrdered;
        orders[network] += point.lastDayOrdered;
      }
      if (point.customerFacing) {
        demand[point.product] += point.lastDayCustomerDemand;
        demand[network] += point.lastDayCustomerDemand;
      }
    }
    if (this.pointDays !== null) {
      for (const point of points) {
        this.pointDays.orders[point.index].push(point.supply.supplier >= 0 ? point.lastDayOrdered : NaN);
        this.pointDays.demand[point.index].push(point.customerFacing ? point.lastDayCustomerDemand : NaN);
      }
    }
    if (this.periodDays === 1) return RollupDaily.addPeriod(this.sums, orders, demand);
    // a period of several days: its days are summed first (one the horizon cuts short is left out)
    for (let group = 0; group <= network; group++) {
      this.periodOrders[group] += orders[group];
      this.periodDemand[group] += demand[group];
    }
    if (++this.periodDaysIn < this.periodDays) return;
    RollupDaily.addPeriod(this.sums, this.periodOrders, this.periodDemand);
    this.periodOrders.fill(0);
    this.periodDemand.fill(0);
    this.periodDaysIn = 0;
  }

  /** One period's totals per group, into the sums. */
  private static addPeriod(sums: Float64Array, orders: ArrayLike<number>, demand: ArrayLike<number>): void {
    for (let group = 0; group < orders.length; group++) {
      const base = group * 5;
      sums[base] += 1;
      sums[base + 1] += orders[group];
      sums[base + 2] += orders[group] * orders[group];
      sums[base + 3] += demand[group];
      sums[base + 4] += demand[group] * demand[group];
    }
  }

  restart(): void {
    this.sums.fill(0);
    this.periodOrders.fill(0);
    this.periodDemand.fill(0);
    this.periodDaysIn = 0;
    if (this.pointDays !== null) for (const list of [...this.pointDays.orders, ...this.pointDays.demand]) list.length = 0;
  }

  /**
   * The sums from stock points' daily figures (`pointDays` of the parts, concatenated in the whole
   * network's stock point order), adding them in the order `closeDay` does.
   */
  static sumsOf(products: number, pointProducts: readonly number[], orders: readonly ArrayLike<number>[], demand: readonly ArrayLike<number>[], days: number, periodDays = 1): Float64Array {
    // each group's daily totals, adding the points in order: point by point, each over its days (a
    // (group, day) total still adds its points in stock point order, as closeDay does, but each
    // point's row is read straight through)
    const groups = products + 1;
    const dayOrders = new Float64Array(groups * days);
    const dayDemand = new Float64Array(groups * days);
    for (let i = 0; i < pointProducts.length; i++) {
      const own = pointProducts[i] * days;
      const network = products * days;
      const ordered = orders[i];
      const demanded = demand[i];
      // a row is all NaN or all numbers (the point is supplied by a supplier, or faces customers, or not)
      if (days > 0 && !Number.isNaN(ordered[0])) {
        for (let day = 0; day < days; day++) {
          dayOrders[own + day] += ordered[day];
          dayOrders[network + day] += ordered[day];
        }
      }
      if (days > 0 && !Number.isNaN(demanded[0])) {
        for (let day = 0; day < days; day++) {
          dayDemand[own + day] += demanded[day];
          dayDemand[network + day] += demanded[day];
        }
      }
    }
    const sums = new Float64Array(groups * 5);
    for (let group = 0; group < groups; group++) {
      const base = group * 5;
      // a period's totals add its days from 0, in order, as closeDay does (periods of one day: the day's)
      let ordered = 0;
      let demanded = 0;
      let daysIn = 0;
      for (let day = 0; day < days; day++) {
        if (periodDays === 1) {
          ordered = dayOrders[group * days + day];
          demanded = dayDemand[group * days + day];
        } else {
          ordered += dayOrders[group * days + day];
          demanded += dayDemand[group * days + day];
          if (++daysIn < periodDays) continue;
        }
        sums[base] += 1;
        sums[base + 1] += ordered;
        sums[base + 2] += ordered * ordered;
        sums[base + 3] += demanded;
        sums[base + 4] += demanded * demanded;
        ordered = 0;
        demanded = 0;
        daysIn = 0;
      }
    }
    return sums;
  }
}
