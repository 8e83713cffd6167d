import { describe, expect, it } from 'vitest';
import { BackorderQueue, CUSTOMER, CUSTOMER_UNITS } from '../../src/model/backorderQueue.ts';

/** every entry in line, front first: [quantity, requester, since, fresh] */
function entries(queue: BackorderQueue): [number, number, number, boolean][] {
  const rows: [number, number, number, boolean][] = [];
  for (let i = 0; i < queue.length; i++) rows.push([queue.quantityAt(i), queue.requesterAt(i), queue.sinceAt(i), queue.freshAt(i)]);
  return rows;
}

describe('BackorderQueue: units owed, first come first served', () => {
  it('serves the front entry in part, then drops it once it is owed nothing', () => {
    const queue = new BackorderQueue();
    expect(queue.length).toBe(0);
    queue.push(5, CUSTOMER, 1.5);
    queue.push(3, 7, 2.25);
    expect(queue.length).toBe(2);
    expect([queue.frontQuantity(), queue.frontRequester(), queue.frontSince()]).toEqual([5, CUSTOMER, 1.5]);
    // 2 of the 5 units: 3 still owed, the entry stays in front
    queue.serveFront(2);
    expect([queue.length, queue.frontQuantity(), queue.frontRequester()]).toEqual([2, 3, CUSTOMER]);
    // the other 3: served in full, the next order comes to the front
    queue.serveFront(3);
    expect([queue.length, queue.frontQuantity(), queue.frontRequester(), queue.frontSince()]).toEqual([1, 3, 7, 2.25]);
    queue.serveFront(3);
    expect(queue.length).toBe(0);
  });

  it('counts an entry left owing only rounding dust (a billionth of a unit or less) as served', () => {
    const queue = new BackorderQueue();
    // 0.3 owed, 0.1 + 0.2 served: 0.3 - 0.30000000000000004 is -5.6e-17, not exactly 0
    queue.push(0.3, CUSTOMER, 0);
    queue.push(1, 4, 0);
    queue.serveFront(0.1 + 0.2);
    expect([queue.length, queue.frontRequester()]).toEqual([1, 4]);
    // 1e-12 left owing: dust too
    queue.serveFront(1 - 1e-12);
    expect(queue.length).toBe(0);
  });

  it('keeps the order, requesters and dates when the line wraps around its buffer and grows', () => {
    const queue = new BackorderQueue();
    // fill the first 16 slots, serve 10 (the front moves to slot 10), then add 20 more: the line
    // wraps past the end of the buffer, then outgrows it (26 entries > 16) while wrapped
    for (let k = 0; k < 16; k++) queue.push(k + 1, k, k / 2, k % 2);
    for (let k = 0; k < 10; k++) queue.serveFront(k + 1);
    expect([queue.length, queue.frontQuantity(), queue.frontRequester(), queue.frontSince()]).toEqual([6, 11, 10, 5]);
    for (let k = 16; k < 36; k++) queue.push(k + 1, k, k / 2, k % 2);
    expect(queue.length).toBe(26);
    const expected = Array.from({ length: 26 }, (_, i) => {
      const k = i + 10;
      return [k + 1, k, k / 2, k % 2 === 1];
    });
    expect(entries(queue)).toEqual(expected);
    // and they leave in that order
    for (let k = 10; k < 36; k++) {
      expect([queue.frontQuantity(), queue.frontRequester(), queue.frontSince()]).toEqual([k + 1, k, k / 2]);
      queue.serveFront(k + 1);
    }
    expect(queue.length).toBe(0);
  });

  it('reads entries in line after the front has moved past the start of the buffer', () => {
    const queue = new BackorderQueue();
    for (let k = 0; k < 14; k++) queue.push(1, k, k);
    for (let k = 0; k < 12; k++) queue.serveFront(1);
    // front at slot 12; entries 2 and 3 of the line are in slots 0 and 1 (wrapped)
    queue.push(4, CUSTOMER_UNITS, 20, 1);
    queue.push(6, 99, 21, 0);
    queue.push(8, CUSTOMER, 22, 1);
    expect(entries(queue)).toEqual([
      [1, 12, 12, false],
      [1, 13, 13, false],
      [4, CUSTOMER_UNITS, 20, true],
      [6, 99, 21, false],
      [8, CUSTOMER, 22, true],
    ]);
  });
});

describe('BackorderQueue: serving out of line (allocation rules)', () => {
  it('marks an order fresh only when pushed so, and allocated once served in part', () => {
    const queue = new BackorderQueue();
    queue.push(5, CUSTOMER, 0);
    queue.push(5, CUSTOMER, 0, 1);
    queue.push(5, CUSTOMER, 0, 0);
    expect([queue.freshAt(0), queue.freshAt(1), queue.freshAt(2)]).toEqual([false, true, false]);
    queue.serveAt(1, 2);
    // 3 still owed, no longer fresh, and nothing else touched
    expect(entries(queue)).toEqual([
      [5, CUSTOMER, 0, false],
      [3, CUSTOMER, 0, false],
      [5, CUSTOMER, 0, false],
    ]);
  });

  it('compact drops the entries served in full (or to dust) and keeps the others in line, with their flags', () => {
    const queue = new BackorderQueue();
    // wrap the line first: front at slot 13
    for (let k = 0; k < 13; k++) queue.push(1, 0, 0);
    for (let k = 0; k < 13; k++) queue.serveFront(1);
    queue.push(2, 1, 1.5, 1); // served in full below
    queue.push(3, 2, 2.5, 1); // kept, still fresh
    queue.push(0.3, 3, 3.5, 0); // served 0.1 + 0.2: dust
    queue.push(4, 4, 4.5, 1); // served in part: kept, allocated
    queue.push(5, 5, 5.5, 0); // served in full
    queue.push(6, 6, 6.5, 0); // kept
    queue.serveAt(0, 2);
    queue.serveAt(2, 0.1 + 0.2);
    queue.serveAt(3, 1);
    queue.serveAt(4, 5);
    // nothing leaves the line before compact
    expect(queue.length).toBe(6);
    queue.compact();
    expect(entries(queue)).toEqual([
      [3, 2, 2.5, true],
      [3, 4, 4.5, false],
      [6, 6, 6.5, false],
    ]);
    // the line goes on from there
    queue.push(7, 7, 7.5, 1);
    expect(queue.length).toBe(4);
    expect(entries(queue)[3]).toEqual([7, 7, 7.5, true]);
    expect([queue.frontQuantity(), queue.frontRequester()]).toEqual([3, 2]);
  });

  it('compact of a line served in full empties it', () => {
    const queue = new BackorderQueue();
    queue.push(1, 0, 0);
    queue.push(2, 1, 0);
    queue.serveAt(0, 1);
    queue.serveAt(1, 2);
    queue.compact();
    expect(queue.length).toBe(0);
    queue.push(9, 3, 4);
    expect([queue.frontQuantity(), queue.frontRequester(), queue.frontSince()]).toEqual([9, 3, 4]);
  });
});
