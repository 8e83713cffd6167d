import { describe, expect, it } from 'vitest';
import { ShippingGate } from '../../src/model/shippingGate.ts';

/** a gate with a recorder of what leaves through it: [quantity, to] per shipment */
function gateOf(capacityPerDay: number) {
  const gate = new ShippingGate('warehouse', capacityPerDay);
  const shipped: [number, number][] = [];
  const ship = (quantity: number, to: number) => void shipped.push([quantity, to]);
  return { gate, shipped, ship };
}

describe('ShippingGate: what leaves per day', () => {
  it('with unlimited capacity and no outage, ships everything at once and keeps nothing waiting', () => {
    const { gate, shipped, ship } = gateOf(Infinity);
    expect([gate.available, gate.stopped, gate.hasWaiting]).toEqual([Infinity, false, false]);
    gate.send(1e6, 3, ship);
    gate.send(2, 4, ship);
    expect(shipped).toEqual([
      [1e6, 3],
      [2, 4],
    ]);
    expect([gate.available, gate.hasWaiting, gate.waitingUnits]).toEqual([Infinity, false, 0]);
  });

  it('ships what fits today, keeps the rest waiting in order, and releases it with the next days capacity', () => {
    const { gate, shipped, ship } = gateOf(10);
    gate.send(4, 1, ship);
    expect(gate.available).toBe(6);
    // 6 of 9 fit today; 3 wait
    gate.send(9, 2, ship);
    // nothing fits: all 5 wait, behind the 3
    gate.send(5, 3, ship);
    expect(shipped).toEqual([
      [4, 1],
      [6, 2],
    ]);
    expect([gate.available, gate.hasWaiting, gate.waitingUnits]).toEqual([0, true, 8]);
    // nothing leaves with no capacity left
    gate.release(ship);
    expect(shipped.length).toBe(2);
    // next day: 10 units, the 3 then the 5, and 2 left over
    gate.usedToday = 0;
    gate.release(ship);
    expect(shipped.slice(2)).toEqual([
      [3, 2],
      [5, 3],
    ]);
    expect([gate.available, gate.hasWaiting, gate.waitingUnits]).toEqual([2, false, 0]);
  });

  it('releases a waiting shipment in part when only part fits, the rest keeping its place in line', () => {
    const { gate, shipped, ship } = gateOf(4);
    gate.send(4, 1, ship);
    gate.send(10, 2, ship);
    gate.send(1, 3, ship);
    expect(gate.waitingUnits).toBe(11);
    for (let day = 1; day <= 3; day++) {
      gate.usedToday = 0;
      gate.release(ship);
    }
    // day 1: 4 of the 10; day 2: 4 more; day 3: the last 2, then the 1 for point 3
    expect(shipped).toEqual([
      [4, 1],
      [4, 2],
      [4, 2],
      [2, 2],
      [1, 3],
    ]);
    expect([gate.waitingUnits, gate.hasWaiting, gate.available]).toEqual([0, false, 1]);
  });

  it('a new shipment waits behind earlier ones still waiting, even when capacity is free again', () => {
    const { gate, shipped, ship } = gateOf(10);
    gate.outages = 1;
    gate.send(3, 1, ship);
    gate.outages = 0;
    // the outage has ended but the waiting shipment has not been released yet: the new one queues
    gate.send(2, 2, ship);
    expect(shipped).toEqual([]);
    expect(gate.waitingUnits).toBe(5);
    gate.release(ship);
    expect(shipped).toEqual([
      [3, 1],
      [2, 2],
    ]);
  });

  it('treats a billionth of a unit of capacity as rounding dust: no dust shipment, and a shipment short of capacity by dust leaves whole', () => {
    // 100 a day with 70% lost: 100 * 0.3 is 30.000000000000004
    const { gate, shipped, ship } = gateOf(100);
    gate.applyCapacityShare(0.3, true);
    gate.send(30, 1, ship);
    expect(gate.available).toBe(0);
    gate.send(1, 2, ship);
    expect(shipped).toEqual([[30, 1]]);
    expect(gate.waitingUnits).toBe(1);
    // a day's capacity short of a shipment by dust: the shipment leaves whole, rather than all but
    // dust today and the dust tomorrow
    const other = gateOf(10);
    other.gate.usedToday = 3 + 1e-12;
    other.gate.send(7, 5, other.ship);
    other.gate.send(0.5, 6, other.ship);
    expect(other.shipped).toEqual([[7, 5]]);
    expect([other.gate.hasWaiting, other.gate.waitingUnits]).toEqual([true, 0.5]);
  });
});

describe('ShippingGate: outages and capacity losses', () => {
  it('ships nothing during an outage, whatever the capacity, and resumes when every outage in force has ended', () => {
    for (const capacity of [Infinity, 10]) {
      const { gate, shipped, ship } = gateOf(capacity);
      gate.outages = 2;
      expect([gate.stopped, gate.available]).toEqual([true, 0]);
      gate.send(5, 1, ship);
      gate.release(ship);
      expect(shipped).toEqual([]);
      expect([gate.hasWaiting, gate.waitingUnits]).toEqual([true, 5]);
      gate.outages = 1;
      gate.release(ship);
      expect([gate.stopped, shipped.length]).toEqual([true, 0]);
      gate.outages = 0;
      expect(gate.stopped).toBe(false);
      gate.release(ship);
      expect(shipped).toEqual([[5, 1]]);
      expect(gate.waitingUnits).toBe(0);
    }
  });

  it('multiplies overlapping capacity losses and restores each share as its loss ends', () => {
    const { gate } = gateOf(100);
    gate.applyCapacityShare(0.5, true);
    expect(gate.available).toBe(50);
    gate.applyCapacityShare(0.8, true);
    // both in force: 100 * 0.5 * 0.8
    expect(gate.capacityShare).toBeCloseTo(0.4, 12);
    expect(gate.available).toBeCloseTo(40, 9);
    // the first loss ends: only the second remains
    gate.applyCapacityShare(0.5, false);
    expect(gate.capacityShare).toBe(0.8);
    gate.usedToday = 30;
    expect(gate.available).toBeCloseTo(50, 9);
    gate.applyCapacityShare(0.8, false);
    expect([gate.capacityShare, gate.available]).toEqual([1, 70]);
  });

  it('is stopped by a loss of the whole capacity, and not by a partial one', () => {
    const { gate, shipped, ship } = gateOf(10);
    gate.applyCapacityShare(0.5, true);
    expect(gate.stopped).toBe(false);
    gate.applyCapacityShare(0, true);
    expect([gate.stopped, gate.available]).toEqual([true, 0]);
    gate.send(2, 1, ship);
    expect(shipped).toEqual([]);
    gate.applyCapacityShare(0, false);
    expect([gate.stopped, gate.available]).toEqual([false, 5]);
    gate.release(ship);
    expect(shipped).toEqual([[2, 1]]);
  });
});

describe('ShippingGate: a long line of waiting shipments', () => {
  it('releases 100 waiting shipments in order over several days, each once', () => {
    const { gate, shipped, ship } = gateOf(30);
    gate.outages = 1;
    for (let k = 0; k < 100; k++) gate.send(1, k, ship);
    gate.outages = 0;
    // 30 a day: days of 30, 30, 30 and 10
    const perDay: number[] = [];
    for (let day = 0; day < 5; day++) {
      gate.usedToday = 0;
      const before = shipped.length;
      gate.release(ship);
      perDay.push(shipped.length - before);
    }
    expect(perDay).toEqual([30, 30, 30, 10, 0]);
    expect(shipped).toEqual(Array.from({ length: 100 }, (_, k) => [1, k]));
    expect([gate.hasWaiting, gate.waitingUnits]).toEqual([false, 0]);
    // the line goes on after it was worked off
    // (day 5's 30 units are all free)
    gate.send(50, 7, ship);
    expect(shipped.slice(100)).toEqual([[30, 7]]);
    gate.usedToday = 0;
    gate.release(ship);
    expect(shipped.slice(101)).toEqual([[20, 7]]);
  });

  it('keeps the order when the line is worked off in part and new shipments join it', () => {
    const { gate, shipped, ship } = gateOf(70);
    gate.outages = 1;
    for (let k = 0; k < 100; k++) gate.send(1, k, ship);
    gate.outages = 0;
    gate.release(ship);
    // 70 left, 30 wait; 10 more join behind them
    for (let k = 100; k < 110; k++) gate.send(1, k, ship);
    gate.usedToday = 0;
    gate.release(ship);
    expect(shipped).toEqual(Array.from({ length: 110 }, (_, k) => [1, k]));
  });
});

describe('ShippingGate: when units held by outages may leave', () => {
  it('without outages, units leave when ready', () => {
    expect(new ShippingGate('s', Infinity).leaveAfterOutages(3.5)).toBe(3.5);
  });

  it('units ready inside an outage [start, end) leave at its end; at its end or outside it, when ready', () => {
    const gate = new ShippingGate('s', Infinity);
    gate.addOutage(2, 5);
    expect([1, 1.999, 2, 3, 4.999, 5, 6].map((t) => gate.leaveAfterOutages(t))).toEqual([1, 1.999, 5, 5, 5, 5, 6]);
  });

  it('holds units until the last of overlapping, nested or touching outages ends, whatever the order they were added', () => {
    const gate = new ShippingGate('s', Infinity);
    // added out of order: [20, 22) touches [22, 25); [10, 14) overlaps [12, 16) and holds [11, 12);
    // [1, 3) stands alone
    gate.addOutage(22, 25);
    gate.addOutage(12, 16);
    gate.addOutage(1, 3);
    gate.addOutage(11, 12);
    gate.addOutage(20, 22);
    gate.addOutage(10, 14);
    const times = [0, 1, 2.5, 3, 5, 10, 11.5, 13, 15, 16, 18, 20, 21, 22, 24, 25, 30];
    expect(times.map((t) => gate.leaveAfterOutages(t))).toEqual([0, 3, 3, 3, 5, 16, 16, 16, 16, 16, 18, 25, 25, 25, 25, 25, 30]);
  });

  it('merges the earliest outage with one that overlaps it', () => {
    const gate = new ShippingGate('s', Infinity);
    gate.addOutage(4, 7);
    gate.addOutage(2, 5);
    // one outage [2, 7): ready at 3, inside [2, 5), the units wait for [4, 7) to end too
    expect([1, 2, 3, 4.5, 6, 7].map((t) => gate.leaveAfterOutages(t))).toEqual([1, 7, 7, 7, 7, 7]);
  });

  it('an outage of no length holds nothing', () => {
    const gate = new ShippingGate('s', Infinity);
    gate.addOutage(4, 4);
    gate.addOutage(6, 8);
    expect([3, 4, 5, 6, 7, 8].map((t) => gate.leaveAfterOutages(t))).toEqual([3, 4, 5, 8, 8, 8]);
  });
});
