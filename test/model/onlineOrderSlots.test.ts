import { describe, expect, it } from 'vitest';
import { OnlineOrders, ZoneTally } from '../../src/model/onlineOrders.ts';

/** the order in slot `id`, as the fulfilment reads it */
function order(orders: OnlineOrders, id: number) {
  return {
    route: orders.route[id],
    quantity: orders.quantity[id],
    orderedAt: orders.orderedAt[id],
    promisedBy: orders.promisedBy[id],
    express: orders.express[id],
    notified: orders.notified[id],
    partsPending: orders.partsPending[id],
    partsUnshipped: orders.partsUnshipped[id],
    home: orders.home[id],
    churnDraw: orders.churnDraw[id],
    serial: orders.serial[id],
  };
}

describe('OnlineOrders: orders under way in reusable slots', () => {
  it('opens orders in new slots 0, 1, 2 with what they were opened with, not yet notified, nothing pending', () => {
    const orders = new OnlineOrders();
    expect(orders.open(3, 2, 1.25, 4.5, true, 7, 0.3)).toBe(0);
    expect(orders.open(1, 5, 2, 6, false, 8, 0.9)).toBe(1);
    expect(orders.open(0, 1, 3, 5, false, 9, 0.1)).toBe(2);
    expect(order(orders, 0)).toEqual({
      route: 3,
      quantity: 2,
      orderedAt: 1.25,
      promisedBy: 4.5,
      express: true,
      notified: false,
      partsPending: 0,
      partsUnshipped: 0,
      home: 7,
      churnDraw: 0.3,
      serial: 0,
    });
    expect([orders.serial[1], orders.serial[2]]).toEqual([1, 2]);
    expect(orders.route.length).toBe(3);
  });

  it('reuses a closed slot (the last closed first) with a fresh serial number and a clean state', () => {
    const orders = new OnlineOrders();
    for (let k = 0; k < 3; k++) orders.open(k, 1, k, k + 2, false, 0, 0.5);
    // slot 1's order was notified and is delivered; then slot 2's
    orders.notified[1] = true;
    orders.partsPending[1] = 2;
    orders.partsUnshipped[1] = 1;
    orders.close(1);
    orders.close(2);
    // the last slot closed is reused first, then the other; only then a new slot
    expect(orders.open(9, 4, 10, 12, true, 5, 0.7)).toBe(2);
    expect(orders.open(8, 6, 11, 13, false, 6, 0.2)).toBe(1);
    expect(orders.open(7, 1, 12, 14, false, 7, 0.4)).toBe(3);
    // the serial numbers go on rising, so a check scheduled for the slot's old order is stale
    expect([orders.serial[0], orders.serial[2], orders.serial[1], orders.serial[3]]).toEqual([0, 3, 4, 5]);
    expect(order(orders, 1)).toEqual({
      route: 8,
      quantity: 6,
      orderedAt: 11,
      promisedBy: 13,
      express: false,
      notified: false,
      partsPending: 0,
      partsUnshipped: 0,
      home: 6,
      churnDraw: 0.2,
      serial: 4,
    });
  });
});

describe('ZoneTally', () => {
  it('starts from zero, names its zone and base, and reset sets every count back to zero', () => {
    const tally = new ZoneTally('north', 2);
    expect([tally.zone, tally.base]).toEqual(['north', 2]);
    const counts = ['orders', 'abandoned', 'delivered', 'onTime', 'accurate', 'late', 'notified', 'lateNotified', 'waitDays', 'express'] as const;
    for (const name of counts) expect(tally[name]).toBe(0);
    counts.forEach((name, k) => (tally[name] = k + 1));
    tally.reset();
    for (const name of counts) expect(tally[name]).toBe(0);
  });
});
