import { describe, expect, it } from 'vitest';
import { CAUSE, CustomerBase } from '../../src/model/customerBase.ts';
import { EventKind, Priority } from '../../src/model/eventKinds.ts';
import { OnlineFulfilment, type FulfilmentHost } from '../../src/model/processes/onlineFulfilment.ts';
import { ONLINE_BASE, ZoneTally, type FulfilmentCandidate, type OnlineRoute } from '../../src/model/onlineOrders.ts';
import { ConstantSampler } from '../../src/random/distributions/constant.ts';
import type { Sampler } from '../../src/random/distributions/sampler.ts';

/**
 * OnlineFulfilment on its own, against a scripted host: warehouses whose shelf, queue and expected
 * replenishment are set by hand, a clock moved by hand, and a record of what it asks the host to do.
 */

const COUNTER_NAMES = [
  'demandUnits',
  'lostUnits',
  'abandonedCarts',
  'expressRevenue',
  'filledImmediatelyUnits',
  'stockoutPenalties',
  'backorderedUnits',
  'transportCost',
  'voucherCost',
  'deliveredOrders',
  'promisedOrders',
  'totalWaitDays',
  'onTimeOrders',
  'accurateOrders',
] as const;
type Counters = Record<(typeof COUNTER_NAMES)[number], number>;

class FakePoint {
  counters = Object.fromEntries(COUNTER_NAMES.map((name) => [name, 0])) as Counters;
  cycleHadStockout = false;
  backlog: unknown[] = [];
  owed: [number, number, number][] = [];
  accruedAt: number[] = [];
  /** units asked of `expectedAvailability` */
  asked: number[] = [];
  constructor(
    readonly index: number,
    public onHand: number,
    /** when units not on the shelf are expected */
    public restockAt = 100,
    readonly stockoutPenalty = 0,
  ) {}
  accrue(now: number): void {
    this.accruedAt.push(now);
  }
  owe(units: number, requester: number, since: number): void {
    this.owed.push([units, requester, since]);
    this.backlog.push(units);
  }
  /** as a stock point says: now when the shelf holds what is owed and `units` more, else the restock */
  expectedAvailability(units: number, now: number): number {
    this.asked.push(units);
    const owed = (this.backlog as number[]).reduce((sum, u) => sum + u, 0);
    return owed + units - this.onHand <= 1e-9 ? now : this.restockAt;
  }
}

interface Scheduled {
  time: number;
  kind: number;
  target: number;
  value: number;
  priority: number;
}

function host(points: FakePoint[], bases: CustomerBase[] = []) {
  const events: Scheduled[] = [];
  const sold: [number, number, number][] = [];
  const fell: number[] = [];
  const disappointed: [number, number, number, number, number][] = [];
  const lost: [number, number, number, number][] = [];
  const env = {
    now: 0,
    schedule(time: number, kind: number, target: number, value = 0, priority = 0) {
      events.push({ time, kind, target, value, priority });
      return events.length - 1;
    },
  };
  const fake = {
    env,
    stockPoints: points,
    customerBases: bases,
    sell(point: FakePoint, quantity: number, customers: number) {
      point.onHand -= quantity;
      sold.push([point.index, quantity, customers]);
    },
    positionFell(point: FakePoint) {
      fell.push(point.index);
    },
    disappoint(point: FakePoint, base: CustomerBase, customers: number, probability: number, cause: number) {
      disappointed.push([point.index, base.index, customers, probability, cause]);
    },
    loseCustomers(point: FakePoint, base: CustomerBase, leaving: number, cause: number) {
      lost.push([point.index, base.index, leaving, cause]);
    },
  };
  return { host: fake as unknown as FulfilmentHost, env, events, sold, fell, disappointed, lost };
}

function candidate(point: number, options: Partial<FulfilmentCandidate> & { pickPackDays?: number; transitDays?: number; expressDays?: number | null } = {}): FulfilmentCandidate {
  const pickPack = options.pickPackDays ?? 0.5;
  const transit = options.transitDays ?? 1;
  const express = options.expressDays ?? null;
  return {
    point,
    pickPack: new ConstantSampler(pickPack),
    transit: new ConstantSampler(transit),
    expressTransit: express === null ? null : new ConstantSampler(express),
    expectedDays: pickPack + transit,
    expectedExpressDays: pickPack + (express ?? transit),
    costPerUnit: options.costPerUnit ?? 0,
    costPerShipment: options.costPerShipment ?? 0,
  };
}

/** A route whose decisions stream hands out `draws` in turn (two per order: express, then churn). */
function route(candidates: FulfilmentCandidate[], options: Partial<OnlineRoute> & { draws?: number[] } = {}): OnlineRoute {
  const draws = options.draws ?? [];
  let i = 0;
  return {
    index: 0,
    zone: 0,
    product: 0,
    rule: 'nearest',
    candidates,
    promiseBufferDays: 0,
    promiseWindowDays: 1,
    tolerance: null,
    expressShare: 0,
    expressPremium: 0,
    proactive: false,
    churnIfNotified: 0,
    voucherCost: 0,
    ...options,
    decisions: () => (i < draws.length ? draws[i++] : 0.99),
  };
}

function customers(active = 100): CustomerBase {
  const never = () => {
    throw new Error('no draw expected');
  };
  const base = new CustomerBase(0, 'city', 100, 0, 0, 0.4, 0.3, 0, 0, never, never);
  base.active = active;
  return base;
}

function setup(points: FakePoint[], r: OnlineRoute, baseIndex = -1, bases: CustomerBase[] = []) {
  const h = host(points, bases);
  const zone = new ZoneTally('city', baseIndex);
  const online = new OnlineFulfilment(h.host, [r], [zone]);
  return { ...h, zone, online };
}

const deliveries = (events: Scheduled[]) => events.filter((e) => e.kind === EventKind.onlineDelivery);
const checks = (events: Scheduled[]) => events.filter((e) => e.kind === EventKind.promiseCheck);

describe('an online order from stock', () => {
  it('is sold now, charged per unit and per shipment, and arrives after pick-pack plus transit', () => {
    const dc = new FakePoint(0, 5);
    const s = setup([dc], route([candidate(0, { costPerUnit: 3, costPerShipment: 4 })]));
    s.env.now = 2.25;
    s.online.order(0, 2, null);
    expect(s.sold).toEqual([[0, 2, 1]]);
    expect(dc.counters.demandUnits).toBe(2);
    expect(dc.counters.filledImmediatelyUnits).toBe(2);
    expect(dc.counters.lostUnits).toBe(0);
    expect(dc.counters.backorderedUnits).toBe(0);
    expect(dc.cycleHadStockout).toBe(false);
    // 2 units at 3 plus one shipment at 4
    expect(dc.counters.transportCost).toBe(10);
    expect(dc.accruedAt).toEqual([2.25]);
    // 2.25 + 0.5 pick-pack + 1 transit
    expect(deliveries(s.events)).toEqual([{ time: 3.75, kind: EventKind.onlineDelivery, target: 0, value: 0, priority: Priority.normal }]);
    expect(s.fell).toEqual([0]);
    expect(s.zone.orders).toBe(1);
    expect(dc.owed).toEqual([]);
  });

  it('is promised the end of the day of its expected delivery, plus the buffer; delivered then, it is on time and accurate', () => {
    const dc = new FakePoint(0, 5);
    const s = setup([dc], route([candidate(0)], { promiseBufferDays: 1, promiseWindowDays: 1.5, proactive: true }));
    s.env.now = 2.25;
    s.online.order(0, 1, null);
    // promised by ceil(2.25 + 1.5 + 1) = 5; a proactive route checks nothing for an order already shipped
    expect(checks(s.events)).toEqual([]);
    s.env.now = 3.75;
    s.online.onDelivery(0);
    // delivered 1.25 days before the promise: within the window of 1.5 days
    expect([dc.counters.deliveredOrders, dc.counters.promisedOrders, dc.counters.onTimeOrders, dc.counters.accurateOrders]).toEqual([1, 1, 1, 1]);
    expect(dc.counters.totalWaitDays).toBe(1.5);
    expect([s.zone.delivered, s.zone.onTime, s.zone.accurate, s.zone.late, s.zone.waitDays]).toEqual([1, 1, 1, 0, 1.5]);
  });

  it('delivered earlier than the promise window is on time but not accurate', () => {
    const dc = new FakePoint(0, 5);
    const s = setup([dc], route([candidate(0)], { promiseBufferDays: 2, promiseWindowDays: 1 }));
    s.env.now = 2.25;
    s.online.order(0, 1, null);
    // promised by ceil(2.25 + 1.5 + 2) = 6: delivered at 3.75, before 6 - 1
    s.env.now = 3.75;
    s.online.onDelivery(0);
    expect([s.zone.onTime, s.zone.accurate, dc.counters.onTimeOrders, dc.counters.accurateOrders]).toEqual([1, 0, 1, 0]);
  });

  it('a delivery exactly at the start of the promise window is accurate', () => {
    const dc = new FakePoint(0, 5);
    // ordered at 2, expected 1.5 days, buffer 0.5: promised by ceil(4) = 4 exactly (not 5), window 0.5
    const s = setup([dc], route([candidate(0)], { promiseBufferDays: 0.5, promiseWindowDays: 0.5 }));
    s.env.now = 2;
    s.online.order(0, 1, null);
    s.env.now = 3.5;
    s.online.onDelivery(0);
    expect([s.zone.onTime, s.zone.accurate]).toEqual([1, 1]);
  });

  it('a promise that falls on a whole day is that day, not the next', () => {
    const dc = new FakePoint(0, 5);
    // ordered at 2.5, expected 1.5 days: expected at 4, promised by 4 (not 5); the carrier takes
    // 1.75 days and delivers at 4.25: late
    const s = setup([dc], route([{ ...candidate(0, { pickPackDays: 0.75, transitDays: 1 }), expectedDays: 1.5 }], { promiseWindowDays: 1 }));
    s.env.now = 2.5;
    s.online.order(0, 1, null);
    expect(deliveries(s.events)[0].time).toBe(4.25);
    s.env.now = 4.25;
    s.online.onDelivery(0);
    expect([s.zone.onTime, s.zone.late]).toEqual([0, 1]);
  });

  it('a delivery at the very end of the promised day is on time', () => {
    const dc = new FakePoint(0, 5);
    // ordered at 2.5, 1.5 days: promised by 4, delivered at 4
    const s = setup([dc], route([candidate(0)]));
    s.env.now = 2.5;
    s.online.order(0, 1, null);
    s.env.now = 4;
    s.online.onDelivery(0);
    expect([s.zone.onTime, s.zone.late, dc.counters.onTimeOrders]).toEqual([1, 0, 1]);
  });

  it('takes no more than the shelf holds when it lacks rounding dust, and writes the dust off as lost', () => {
    const dc = new FakePoint(0, 3 - 1e-10);
    const s = setup([dc], route([candidate(0, { costPerUnit: 1 })]));
    s.online.order(0, 3, null);
    expect(s.sold).toEqual([[0, 3 - 1e-10, 1]]);
    expect(dc.counters.filledImmediatelyUnits).toBe(3 - 1e-10);
    expect(dc.counters.lostUnits).toBeCloseTo(1e-10, 15);
    expect(dc.counters.lostUnits).toBeGreaterThan(0);
    expect(dc.counters.backorderedUnits).toBe(0);
    // the delivery is charged for the units ordered
    expect(dc.counters.transportCost).toBe(3);
  });
});

describe('an online order the warehouse cannot ship now', () => {
  it('waits in its queue, promised from the expected replenishment, and counts as a stockout', () => {
    const dc = new FakePoint(0, 1, 10, 7);
    const s = setup([dc], route([candidate(0, { costPerUnit: 2, costPerShipment: 5 })], { proactive: true }));
    s.env.now = 2;
    s.online.order(0, 3, null);
    expect(s.sold).toEqual([]);
    expect(dc.cycleHadStockout).toBe(true);
    expect(dc.counters.stockoutPenalties).toBe(21);
    expect(dc.counters.backorderedUnits).toBe(3);
    expect(dc.counters.demandUnits).toBe(3);
    expect(dc.counters.filledImmediatelyUnits).toBe(0);
    expect(dc.owed).toEqual([[3, ONLINE_BASE - 0, 2]]);
    expect(deliveries(s.events)).toEqual([]);
    expect(s.fell).toEqual([0]);
    // expected at 10, then 1.5 days: promised by ceil(11.5) = 12; the latest dispatch that makes it
    // on average is 12 - 1.5 = 10.5, when the check is due
    expect(checks(s.events)).toEqual([{ time: 10.5, kind: EventKind.promiseCheck, target: 0, value: 0, priority: Priority.normal }]);
    // units served in two goes: the first charged per unit only, the last ships the part
    s.env.now = 9;
    s.online.partServed(dc as never, 0, 1, false);
    expect(dc.counters.transportCost).toBe(2);
    expect(deliveries(s.events)).toEqual([]);
    s.env.now = 10;
    s.online.partServed(dc as never, 0, 2, true);
    expect(dc.counters.transportCost).toBe(2 + 4 + 5);
    expect(deliveries(s.events).map((e) => e.time)).toEqual([11.5]);
    // the check finds it shipped: nobody is told
    s.online.onPromiseCheck(0, 0);
    expect(s.zone.notified).toBe(0);
    s.env.now = 11.5;
    s.online.onDelivery(0);
    expect([s.zone.delivered, s.zone.onTime]).toEqual([1, 1]);
  });

  it('a warehouse whose replenishment is due at this very moment makes the order wait for it: nothing is sold or lost', () => {
    // the shelf is empty, the shipment due now has not been received yet: expected availability is now
    const dc = new FakePoint(0, 0, 2);
    const s = setup([dc], route([candidate(0)]));
    s.env.now = 2;
    s.online.order(0, 1, null);
    expect(s.sold).toEqual([]);
    expect(dc.counters.lostUnits).toBe(0);
    expect(dc.owed).toEqual([[1, ONLINE_BASE, 2]]);
  });

  it('a second waiting order owes under its own id', () => {
    const dc = new FakePoint(0, 0, 10);
    const s = setup([dc], route([candidate(0)]));
    s.online.order(0, 1, null);
    s.online.order(0, 1, null);
    expect(dc.owed.map(([, requester]) => requester)).toEqual([ONLINE_BASE, ONLINE_BASE - 1]);
  });

  it('a warehouse with a queue ships nothing from its shelf ahead of it, even when the shelf holds both', () => {
    const dc = new FakePoint(0, 5, 10);
    dc.backlog.push(1);
    const s = setup([dc], route([candidate(0)], { rule: 'nearestOnly' }));
    s.online.order(0, 1, null);
    expect(s.sold).toEqual([]);
    expect(dc.owed).toHaveLength(1);
  });

  it('still waiting when it can no longer make its date: the customer is told, once, with a voucher', () => {
    const dc = new FakePoint(0, 0, 10);
    const s = setup([dc], route([candidate(0)], { proactive: true, voucherCost: 5 }));
    s.online.order(0, 1, null);
    const [check] = checks(s.events);
    s.env.now = check.time;
    s.online.onPromiseCheck(check.target, check.value);
    expect(s.zone.notified).toBe(1);
    expect(dc.counters.voucherCost).toBe(5);
    s.online.onPromiseCheck(check.target, check.value);
    expect(s.zone.notified).toBe(1);
  });

  it("a check left over from an order since delivered is ignored by the slot's next order", () => {
    const dc = new FakePoint(0, 0, 10);
    const s = setup([dc], route([candidate(0)], { proactive: true }));
    s.online.order(0, 1, null);
    s.env.now = 10;
    s.online.partServed(dc as never, 0, 1, true);
    s.env.now = 11.5;
    s.online.onDelivery(0);
    // the slot is reused: order 0 again, serial 1, waiting
    s.online.order(0, 1, null);
    s.online.onPromiseCheck(0, 0);
    expect(s.zone.notified).toBe(0);
    s.online.onPromiseCheck(0, 1);
    expect(s.zone.notified).toBe(1);
  });

  it('without proactive communication no check is scheduled', () => {
    const dc = new FakePoint(0, 0, 10);
    const s = setup([dc], route([candidate(0)]));
    s.online.order(0, 1, null);
    expect(checks(s.events)).toEqual([]);
  });

  it('proactive: a part shipped with a carrier date past the promise is told at once', () => {
    const dc = new FakePoint(0, 0, 10);
    const s = setup([dc], route([candidate(0)], { proactive: true, voucherCost: 2 }));
    s.online.order(0, 1, null);
    // promised by 12; shipped at 11 it arrives at 12.5
    s.env.now = 11;
    s.online.partServed(dc as never, 0, 1, true);
    expect(s.zone.notified).toBe(1);
    expect(dc.counters.voucherCost).toBe(2);
    // and the check finds the customer told already
    s.online.onPromiseCheck(0, 0);
    expect(s.zone.notified).toBe(1);
    s.env.now = 12.5;
    s.online.onDelivery(0);
    expect([s.zone.late, s.zone.lateNotified]).toEqual([1, 1]);
  });

  it('proactive: a customer told at the check is not told again when the part then ships late', () => {
    const dc = new FakePoint(0, 0, 10);
    const s = setup([dc], route([candidate(0)], { proactive: true, voucherCost: 2 }));
    s.online.order(0, 1, null);
    // promised by 12, the check at 10.5 finds it waiting
    s.env.now = 10.5;
    s.online.onPromiseCheck(0, 0);
    s.env.now = 11;
    s.online.partServed(dc as never, 0, 1, true);
    expect(s.zone.notified).toBe(1);
    expect(dc.counters.voucherCost).toBe(2);
  });

  it('proactive: a part shipped to arrive exactly by the promise is not told', () => {
    const dc = new FakePoint(0, 0, 10);
    const s = setup([dc], route([candidate(0)], { proactive: true }));
    s.online.order(0, 1, null);
    s.env.now = 10.5;
    s.online.partServed(dc as never, 0, 1, true);
    expect(deliveries(s.events)[0].time).toBe(12);
    expect(s.zone.notified).toBe(0);
  });
});

describe('abandoned carts', () => {
  const tolerance = (days: number): Sampler => new ConstantSampler(days);

  it('a promise beyond what the customer tolerates: demand lost, no order, the customer may leave', () => {
    const dc = new FakePoint(0, 5);
    const base = customers();
    const s = setup([dc], route([candidate(0)], { tolerance: tolerance(2) }), 0, [base]);
    s.env.now = 2.25;
    // promised by ceil(3.75) = 4: 1.75 days away, within 2
    s.online.order(0, 1, base);
    expect(s.zone.abandoned).toBe(0);
    s.env.now = 2.75;
    // promised by ceil(4.25) = 5: 2.25 days away
    s.online.order(0, 2, base);
    expect(s.zone.abandoned).toBe(1);
    expect(s.zone.orders).toBe(2);
    expect(dc.counters.abandonedCarts).toBe(1);
    expect(dc.counters.demandUnits).toBe(3);
    expect(dc.counters.lostUnits).toBe(2);
    expect(dc.accruedAt).toEqual([2.25, 2.75]);
    expect(s.sold).toEqual([[0, 1, 1]]);
    expect(s.disappointed).toEqual([[0, 0, 1, 0.3, CAUSE.abandoned]]);
    expect(deliveries(s.events)).toHaveLength(1);
  });

  it('a promise exactly at the tolerance is accepted', () => {
    const dc = new FakePoint(0, 5);
    const s = setup([dc], route([candidate(0)], { tolerance: tolerance(2) }));
    // at 2, promised by ceil(3.5) = 4: exactly 2 days away
    s.env.now = 2;
    s.online.order(0, 1, null);
    expect(s.zone.abandoned).toBe(0);
  });

  it('without a customer base an abandoned cart disappoints nobody', () => {
    const dc = new FakePoint(0, 5);
    const s = setup([dc], route([candidate(0)], { tolerance: tolerance(0.5) }));
    s.online.order(0, 1, null);
    expect(s.zone.abandoned).toBe(1);
    expect(s.disappointed).toEqual([]);
  });
});

describe('express', () => {
  it('a customer drawing below the express share pays the premium and gets the express transit and promise', () => {
    const dc = new FakePoint(0, 5);
    const s = setup([dc], route([candidate(0, { transitDays: 3, expressDays: 0.5 })], { expressShare: 0.3, expressPremium: 8, draws: [0.2, 0.9, 0.3, 0.9] }));
    s.env.now = 1.25;
    s.online.order(0, 1, null);
    expect(s.zone.express).toBe(1);
    expect(dc.counters.expressRevenue).toBe(8);
    // 1.25 + 0.5 + 0.5
    expect(deliveries(s.events)[0].time).toBe(2.25);
    // a draw equal to the share is standard
    s.online.order(0, 1, null);
    expect(s.zone.express).toBe(1);
    expect(deliveries(s.events)[1].time).toBe(4.75);
  });

  it('express promise: a short shelf is promised the replenishment plus the express days', () => {
    const dc = new FakePoint(0, 0, 10);
    const s = setup([dc], route([candidate(0, { transitDays: 3, expressDays: 0.5 })], { expressShare: 1, proactive: true, draws: [0, 0.5] }));
    s.online.order(0, 1, null);
    // promised by ceil(10 + 1) = 11; latest dispatch 11 - 1 = 10
    expect(checks(s.events)[0].time).toBe(10);
    s.env.now = 10;
    s.online.partServed(dc as never, 0, 1, true);
    expect(deliveries(s.events)[0].time).toBe(11);
  });

  it('an express order from a warehouse without its own express transit uses the standard one', () => {
    const dc = new FakePoint(0, 5);
    const c = candidate(0, { transitDays: 3 });
    const s = setup([dc], route([c], { expressShare: 1, draws: [0, 0.5] }));
    s.online.order(0, 1, null);
    expect(s.zone.express).toBe(1);
    expect(deliveries(s.events)[0].time).toBe(3.5);
  });
});

describe('delivery delays in the zone', () => {
  it('multiply transit (not pick-pack) while in force, and stop when they end', () => {
    const dc = new FakePoint(0, 10);
    const s = setup([dc], route([candidate(0, { pickPackDays: 0.5, transitDays: 1 })]));
    s.online.delay(0, 3, true);
    s.online.order(0, 1, null);
    s.online.delay(0, 2, true);
    s.online.order(0, 1, null);
    s.online.delay(0, 3, false);
    s.online.order(0, 1, null);
    s.online.delay(0, 2, false);
    s.online.order(0, 1, null);
    expect(deliveries(s.events).map((e) => e.time)).toEqual([3.5, 6.5, 2.5, 1.5]);
  });
});

describe('late deliveries and churn', () => {
  function late(draws: number[], active = 100, notified = false) {
    const dc = new FakePoint(0, 0, 10);
    const base = customers(active);
    const s = setup([dc], route([candidate(0)], { draws, proactive: notified, churnIfNotified: 0.1 }), 0, [base]);
    s.online.order(0, 1, base);
    s.env.now = 11;
    // promised by 12, arrives 12.5
    s.online.partServed(dc as never, 0, 1, true);
    s.env.now = 12.5;
    s.online.onDelivery(0);
    return s;
  }

  it('a late customer whose order-time draw is below the late churn probability leaves', () => {
    const s = late([0.99, 0.39]);
    expect([s.zone.late, s.zone.onTime, s.zone.lateNotified]).toEqual([1, 0, 0]);
    expect(s.lost).toEqual([[0, 0, 1, CAUSE.late]]);
  });

  it('one whose draw equals it stays', () => {
    expect(late([0.99, 0.4]).lost).toEqual([]);
  });

  it('told in advance, the lower churn probability applies', () => {
    expect(late([0.99, 0.2], 100, true).lost).toEqual([]);
    expect(late([0.99, 0.05], 100, true).lost).toEqual([[0, 0, 1, CAUSE.late]]);
  });

  it('with no active customers left nobody leaves', () => {
    expect(late([0.99, 0], 0).lost).toEqual([]);
  });

  it('a late delivery in a zone without a customer base makes nobody leave', () => {
    const dc = new FakePoint(0, 0, 10);
    const s = setup([dc], route([candidate(0)], { draws: [0.99, 0] }), -1, [customers()]);
    s.online.order(0, 1, null);
    s.env.now = 11;
    s.online.partServed(dc as never, 0, 1, true);
    s.env.now = 12.5;
    s.online.onDelivery(0);
    expect(s.zone.late).toBe(1);
    expect(s.lost).toEqual([]);
  });
});

describe('fulfilment rules', () => {
  it('nearest: the first warehouse that holds the whole order, skipping those with a queue', () => {
    const near = new FakePoint(0, 1);
    const queued = new FakePoint(1, 9);
    queued.backlog.push(1);
    const far = new FakePoint(2, 5);
    const s = setup([near, queued, far], route([candidate(0), candidate(1), candidate(2)]));
    s.online.order(0, 2, null);
    expect(s.sold).toEqual([[2, 2, 1]]);
    expect([near.counters.demandUnits, queued.counters.demandUnits, far.counters.demandUnits]).toEqual([0, 0, 2]);
  });

  it('nearest: the nearer warehouse holding the order ships even when a farther one would be cheaper', () => {
    const near = new FakePoint(0, 5);
    const far = new FakePoint(1, 5);
    const s = setup([near, far], route([candidate(0, { costPerUnit: 9, costPerShipment: 9 }), candidate(1)]));
    s.online.order(0, 2, null);
    expect(s.sold.map(([point]) => point)).toEqual([0]);
    // and when none holds it, the order waits at the nearest, not at the cheapest
    near.onHand = far.onHand = 0;
    s.online.order(0, 2, null);
    expect([near.owed.length, far.owed.length]).toEqual([1, 0]);
  });

  it('nearest: a shelf short by rounding dust still counts as holding the order', () => {
    const near = new FakePoint(0, 2 - 1e-10);
    const far = new FakePoint(1, 5);
    const s = setup([near, far], route([candidate(0), candidate(1)]));
    s.online.order(0, 2, null);
    expect(s.sold.map(([point]) => point)).toEqual([0]);
  });

  it('nearest: when none holds it, the order waits at the nearest', () => {
    const near = new FakePoint(0, 1, 20);
    const far = new FakePoint(1, 1, 8);
    const s = setup([near, far], route([candidate(0), candidate(1)]));
    s.online.order(0, 2, null);
    expect(near.owed.map(([units]) => units)).toEqual([2]);
    expect(far.owed).toEqual([]);
  });

  it('nearestOnly: the nearest, even when another holds the order', () => {
    const near = new FakePoint(0, 0, 20);
    const far = new FakePoint(1, 5);
    const s = setup([near, far], route([candidate(0), candidate(1)], { rule: 'nearestOnly' }));
    s.online.order(0, 1, null);
    expect(near.owed).toHaveLength(1);
    expect(s.sold).toEqual([]);
  });

  // delivery costs of 3 units: a 10 + 1 x 3 = 13, b 2 + 2 x 3 = 8, c 0 + 5 x 3 = 15
  const priced = () => [candidate(0, { costPerShipment: 10, costPerUnit: 1 }), candidate(1, { costPerShipment: 2, costPerUnit: 2 }), candidate(2, { costPerShipment: 0, costPerUnit: 5 })];

  it('cheapest: the cheapest delivery among warehouses holding the order', () => {
    const points = [new FakePoint(0, 5), new FakePoint(1, 5), new FakePoint(2, 5)];
    const s = setup(points, route(priced(), { rule: 'cheapest' }));
    s.online.order(0, 3, null);
    expect(s.sold).toEqual([[1, 3, 1]]);
    expect(points[1].counters.transportCost).toBe(8);
  });

  it('cheapest: a cheaper warehouse without the stock is passed over', () => {
    const points = [new FakePoint(0, 5), new FakePoint(1, 2), new FakePoint(2, 5)];
    const s = setup(points, route(priced(), { rule: 'cheapest' }));
    s.online.order(0, 3, null);
    expect(s.sold).toEqual([[0, 3, 1]]);
  });

  it('cheapest: a shelf short by rounding dust still counts as holding the order', () => {
    const points = [new FakePoint(0, 5), new FakePoint(1, 3 - 1e-10), new FakePoint(2, 5)];
    const s = setup(points, route(priced(), { rule: 'cheapest' }));
    s.online.order(0, 3, null);
    expect(s.sold.map(([point]) => point)).toEqual([1]);
  });

  it('cheapest: when none holds the order, it waits at the cheapest', () => {
    const points = [new FakePoint(0, 0, 20), new FakePoint(1, 0, 20), new FakePoint(2, 0, 20)];
    const s = setup(points, route(priced(), { rule: 'cheapest' }));
    s.online.order(0, 3, null);
    expect(points.map((p) => p.owed.length)).toEqual([0, 1, 0]);
  });

  it('cheapest: when none holds the order and the nearest is cheapest, it waits at the nearest', () => {
    const points = [new FakePoint(0, 0, 20), new FakePoint(1, 0, 20)];
    const s = setup(points, route([candidate(0, { costPerUnit: 1 }), candidate(1, { costPerUnit: 2 })], { rule: 'cheapest' }));
    s.online.order(0, 3, null);
    expect(points.map((p) => p.owed.length)).toEqual([1, 0]);
  });

  it('cheapest: of two equally cheap warehouses, the nearer', () => {
    const points = [new FakePoint(0, 5), new FakePoint(1, 5), new FakePoint(2, 0, 20), new FakePoint(3, 0, 20)];
    const s = setup(points, route([candidate(0, { costPerUnit: 2 }), candidate(1, { costPerUnit: 2 }), candidate(2, { costPerUnit: 1 }), candidate(3, { costPerUnit: 1 })], { rule: 'cheapest' }));
    s.online.order(0, 1, null);
    expect(s.sold.map(([point]) => point)).toEqual([0]);
    // and with no stock anywhere, of the two cheapest, the nearer
    points[0].onHand = points[1].onHand = 0;
    s.online.order(0, 1, null);
    expect(points.map((p) => p.owed.length)).toEqual([0, 0, 1, 0]);
  });

  it('split: what the nearer shelves hold ships from them now, the order is delivered with its last part', () => {
    const points = [new FakePoint(0, 1), new FakePoint(1, 0), new FakePoint(2, 5)];
    const s = setup(points, route([candidate(0, { costPerShipment: 1 }), candidate(1, { costPerShipment: 1 }), candidate(2, { costPerShipment: 1, transitDays: 2 })], { rule: 'split' }));
    s.online.order(0, 3, null);
    // 1 from the nearest, none from the empty one (no shipment there), 2 from the third
    expect(s.sold).toEqual([[0, 1, 1], [2, 2, 1]]);
    expect(points.map((p) => p.counters.transportCost)).toEqual([1, 0, 1]);
    expect(points.map((p) => p.counters.demandUnits)).toEqual([1, 0, 2]);
    expect(s.fell).toEqual([0, 2]);
    expect(deliveries(s.events).map((e) => e.time)).toEqual([1.5, 2.5]);
    // the zone counts one order, delivered when its last part arrives, at the promise of the slower part
    expect(s.zone.orders).toBe(1);
    s.env.now = 1.5;
    s.online.onDelivery(0);
    expect(s.zone.delivered).toBe(0);
    s.env.now = 2.5;
    s.online.onDelivery(0);
    expect([s.zone.delivered, s.zone.onTime, s.zone.waitDays]).toEqual([1, 1, 2.5]);
  });

  it('split: the rest waits at the nearest, expected when its shelf part and the rest are both there', () => {
    const near = new FakePoint(0, 1, 9);
    const far = new FakePoint(1, 1);
    const s = setup([near, far], route([candidate(0), candidate(1)], { rule: 'split', proactive: true }));
    s.env.now = 1;
    s.online.order(0, 5, null);
    // the nearest ships 1 now and must find 1 + 3 more: asked for 4
    expect(near.asked).toEqual([4]);
    expect(s.sold).toEqual([[0, 1, 1], [1, 1, 1]]);
    expect(near.owed).toEqual([[3, ONLINE_BASE, 1]]);
    // promised by ceil(9 + 1.5) = 11: the waiting part must leave by 9.5
    expect(checks(s.events).map((e) => e.time)).toEqual([9.5]);
  });

  it('split: when the nearest ships nothing now, it is asked only for the rest', () => {
    const near = new FakePoint(0, 0, 9);
    const far = new FakePoint(1, 1);
    const s = setup([near, far], route([candidate(0), candidate(1)], { rule: 'split' }));
    s.online.order(0, 3, null);
    expect(near.asked).toEqual([2]);
  });

  it('split: an order no shelf can serve at all waits whole at the nearest, whatever the order before shipped', () => {
    const near = new FakePoint(0, 1, 9);
    const far = new FakePoint(1, 0, 9);
    const s = setup([near, far], route([candidate(0), candidate(1)], { rule: 'split' }));
    s.online.order(0, 1, null);
    expect(s.sold).toEqual([[0, 1, 1]]);
    s.online.order(0, 2, null);
    expect(near.asked).toEqual([2]);
    expect(near.owed.map(([units]) => units)).toEqual([2]);
  });

  it('split: an order of rounding dust that no shelf holds is one part at the nearest', () => {
    const near = new FakePoint(0, 0);
    const s = setup([near], route([candidate(0)], { rule: 'split' }));
    s.online.order(0, 1e-10, null);
    expect(near.counters.demandUnits).toBe(1e-10);
    expect(s.zone.orders).toBe(1);
    expect(deliveries(s.events).length + near.owed.length).toBe(1);
  });

  it('a warehouse not serving the route cannot serve its orders', () => {
    const dc = new FakePoint(0, 0, 10);
    const other = new FakePoint(1, 0);
    const s = setup([dc, other], route([candidate(0)]));
    s.online.order(0, 1, null);
    expect(() => s.online.partServed(other as never, 0, 1, true)).toThrow(/stock point 1 does not serve route 0/);
  });
});
