import type { Environment } from '../../kernel/environment.ts';
import { EventKind, Priority } from '../eventKinds.ts';
import type { StockPoint } from '../stockPoint.ts';
import { CustomerBase } from '../customerBase.ts';
import type { Scenario } from '../../scenario/schema.ts';
import type { RandomStreams } from '../../random/streams.ts';
import type { DemandStream } from '../demandStream.ts';
import { exponentialGap } from '../../math/libm.ts';
import type { ModelTables } from './modelTables.ts';

/**
 * Customers who come and go: a node's customer base loses customers after bad experiences
 * (stockouts, backorders, late or abandoned online orders) and gains new ones at a steady rate; its
 * arrival streams speed up or slow down with its size.
 */
export class CustomerChurn {
  private readonly env: Environment;
  private readonly horizon: number;
  private readonly demandStreams: DemandStream[];

  constructor(
    private readonly tables: ModelTables,
    readonly customerBases: CustomerBase[],
  ) {
    this.env = tables.env;
    this.horizon = tables.horizon;
    this.demandStreams = tables.demandStreams;
  }

  /** The first new customer of each base that gains customers. */
  start(): void {
    for (const base of this.customerBases) this.scheduleNewCustomer(base);
  }

  /** `customers` customers had a bad experience at `point`; some leave and their demand goes with them. */
  disappoint(point: StockPoint, base: CustomerBase, customers: number, probability: number, cause: number): void {
    this.loseCustomers(point, base, base.decideDepartures(customers, probability), cause);
  }

  /** `leaving` customers of `base` leave for good, because of `cause` (CAUSE); their demand goes with them. */
  loseCustomers(point: StockPoint, base: CustomerBase, leaving: number, cause: number): void {
    if (leaving === 0) return;
    const now = this.env.now;
    const oldFactor = base.demandFactor;
    base.active -= leaving;
    let expected = 0;
    for (const streamIndex of base.demandStreams) expected += this.demandStreams[streamIndex].expectedUnitsPerCustomer(now, this.horizon);
    const c = point.counters;
    c.customersChurned += leaving;
    c.demandLostToChurn += leaving * expected;
    c.churnCost += leaving * base.lifetimeValue;
    if (now >= this.tables.windowStart) {
      base.churned += leaving;
      base.churnedBy[cause] += leaving;
      base.demandLostToChurn += leaving * expected;
    }
    this.rescheduleArrivals(base, oldFactor);
  }

  /** The base changed size (its demand factor was `oldFactor`), so its arrival rates changed. */
  private rescheduleArrivals(base: CustomerBase, oldFactor: number): void {
    const now = this.env.now;
    for (const streamIndex of base.demandStreams) {
      const stream = this.demandStreams[streamIndex];
      if (stream.kind !== 'arrivals') continue;
      if (stream.pendingArrival >= 0 && this.env.isPending(stream.pendingArrival)) this.env.cancel(stream.pendingArrival);
      const next = stream.rescheduledArrival(now, oldFactor);
      stream.pendingArrival = next <= this.horizon ? this.env.schedule(next, EventKind.customerArrival, stream.index, 0, Priority.normal) : -1;
    }
  }

  private scheduleNewCustomer(base: CustomerBase): void {
    if (base.newPerDay <= 0) return;
    const next = this.env.now + exponentialGap(base.arrivals()) / base.newPerDay;
    if (next <= this.horizon) this.env.schedule(next, EventKind.newCustomer, base.index, 0, Priority.normal);
  }

  onNewCustomer(baseIndex: number): void {
    const base = this.customerBases[baseIndex];
    const oldFactor = base.demandFactor;
    base.active += 1;
    this.scheduleNewCustomer(base);
    this.rescheduleArrivals(base, oldFactor);
  }

  /** The measured window opens (end of the warm-up): churn counts start again from zero. */
  restartWindow(): void {
    for (const base of this.customerBases) {
      base.churned = 0;
      base.churnedBy.fill(0);
      base.demandLostToChurn = 0;
    }
  }
}

/** The scenario's customer bases, each with its own churn and new-customer streams. */
export function buildCustomerBases(scenario: Scenario, streams: RandomStreams): CustomerBase[] {
  return scenario.customers.map(
    (base, i) =>
      new CustomerBase(
        i,
        base.node,
        base.initial,
        base.churn.onStockout,
        base.churn.onBackorder,
        base.churn.onLate,
        base.churn.onAbandon,
        base.newPerDay,
        base.lifetimeValue,
        streams.stream(`churn:${base.node}`),
        streams.stream(`newCustomers:${base.node}`),
      ),
  );
}
