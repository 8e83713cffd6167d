import { describe, expect, it } from 'vitest';
import { BULK_HITS, LotList, LotRegistry, type IssuingDiscipline, type PieceSink } from '../../src/model/lots.ts';
import { aleaStream } from '../../src/random/streams.ts';

/** A shelf of lots received at the given times, each `quantity` units, with the given expiry dates. */
function shelf(lots: { receivedAt: number; expiresAt: number; quantity: number }[]): { registry: LotRegistry; list: LotList } {
  const registry = new LotRegistry();
  const list = new LotList(registry);
  for (const lot of lots) list.piece(registry.create(0, lot.receivedAt, lot.expiresAt - lot.receivedAt, 0, lot.quantity), lot.quantity);
  return { registry, list };
}

/** The (lot, quantity) pieces a take hands out, in order. */
function collect(): PieceSink & { pieces: [number, number][] } {
  const pieces: [number, number][] = [];
  return { pieces, piece: (lot, quantity) => void pieces.push([lot, quantity]) };
}

describe('a shelf of lots', () => {
  // lots arrive out of expiry order: lot 1 arrived second but expires first
  const arrivals = [
    { receivedAt: 0, expiresAt: 10, quantity: 5 },
    { receivedAt: 1, expiresAt: 6, quantity: 5 },
    { receivedAt: 2, expiresAt: 8, quantity: 5 },
  ];

  it.each([
    ['fifo', [[0, 5], [1, 2]]],
    ['lifo', [[2, 5], [1, 2]]],
    ['fefo', [[1, 5], [2, 2]]],
  ] as [IssuingDiscipline, [number, number][]][])('%s issues the units its discipline names first', (discipline, expected) => {
    const { list } = shelf(arrivals);
    const sink = collect();
    expect(list.take(7, discipline, sink)).toBe(7);
    expect(sink.pieces).toEqual(expected);
    expect(list.total).toBe(8);
  });

  it('takes no more than it holds', () => {
    const { list } = shelf(arrivals);
    expect(list.take(20, 'fifo', null)).toBe(15);
    expect(list.total).toBe(0);
    expect(list.pieces).toBe(0);
  });

  it('FEFO never issues a later-expiring unit while an earlier-expiring one is on the shelf (random arrivals and takes)', () => {
    const random = aleaStream('fefo-property');
    const registry = new LotRegistry();
    const list = new LotList(registry);
    for (let step = 0; step < 5000; step++) {
      if (random() < 0.4) {
        const quantity = 1 + Math.floor(random() * 6);
        list.piece(registry.create(0, step, 1 + random() * 30, 0, quantity), quantity);
        continue;
      }
      const sink = collect();
      list.take(1 + Math.floor(random() * 4), 'fefo', sink);
      const takenLatest = Math.max(...sink.pieces.map(([lot]) => registry.expiresAt[lot]));
      // the pieces handed out expire no later than anything left, and in expiry order
      for (let i = 0; i < list.pieces; i++) expect(registry.expiresAt[list.lotAt(i)]).toBeGreaterThanOrEqual(takenLatest);
      const order = sink.pieces.map(([lot]) => registry.expiresAt[lot]);
      expect(order).toEqual([...order].sort((a, b) => a - b));
    }
  });

  it('expires exactly the lots past their date, whatever their place on the shelf', () => {
    const { list } = shelf(arrivals);
    expect(list.expire(7)).toBe(5);
    expect(list.total).toBe(10);
    expect(list.expire(8)).toBe(5);
    expect([list.pieces, list.lotAt(0), list.quantityAt(0)]).toEqual([1, 0, 5]);
  });

  it('removes the pieces of chosen lots, handing them to the sink', () => {
    const { list } = shelf(arrivals);
    const sink = collect();
    expect(list.removeWhere((lot) => lot !== 1, sink)).toBe(10);
    expect(sink.pieces).toEqual([[0, 5], [2, 5]]);
    expect([list.total, list.pieces, list.lotAt(0)]).toEqual([5, 1, 1]);
  });

  it('removes single units at given positions (damage, shrinkage)', () => {
    const { list } = shelf(arrivals);
    // position 0.5 of 15 units is unit 7.5: in the second lot
    expect(list.removeAtPositions(1, () => 0.5)).toBe(1);
    expect([list.quantityAt(0), list.quantityAt(1), list.quantityAt(2)]).toEqual([5, 4, 5]);
    expect(list.removeAtPositions(20, () => 0)).toBe(14);
    expect(list.total).toBe(0);
  });

  it('merges units of the lot already at the back into one piece', () => {
    const registry = new LotRegistry();
    const list = new LotList(registry);
    const lot = registry.create(0, 0, 5, 0, 3);
    list.piece(lot, 1);
    list.piece(lot, 2);
    expect([list.pieces, list.total]).toEqual([1, 3]);
  });
});

describe('a shelf of many units or many pieces', () => {
  /** the sum of a list's pieces */
  const sumOf = (list: LotList) => Array.from({ length: list.pieces }, (_, i) => list.quantityAt(i)).reduce((a, b) => a + b, 0);

  it('removes 3 billion of 10 billion units hit at once by amounts, about 30% from each piece, the pieces adding up to what is left', () => {
    const { list } = shelf([0, 1, 2, 3, 4].map((day) => ({ receivedAt: day, expiresAt: 100 + day, quantity: 2e9 })));
    expect(list.removeAtPositions(3e9, aleaStream('bulk'))).toBe(3e9);
    expect(list.total).toBe(7e9);
    expect(sumOf(list)).toBe(7e9);
    // each piece keeps binomial(3e9, 1/5) fewer: sd about 22,000 units
    for (let i = 0; i < 5; i++) expect(Math.abs(list.quantityAt(i) - 1.4e9)).toBeLessThan(2e5);
  });

  it('removes whole units by amounts from pieces of one unit (a share above a piece runs on into the next)', () => {
    const { list } = shelf(Array.from({ length: 2000 }, (_, day) => ({ receivedAt: day, expiresAt: 10_000 + day, quantity: 1 })));
    expect(list.removeAtPositions(BULK_HITS + 500, aleaStream('ones'))).toBe(BULK_HITS + 500);
    expect([list.total, list.pieces, sumOf(list)]).toEqual([2000 - BULK_HITS - 500, 2000 - BULK_HITS - 500, 2000 - BULK_HITS - 500]);
  });

  it('removes fractional pieces by amounts without losing a unit, and everything when the hits reach the total', () => {
    const random = aleaStream('fractional bulk');
    const { list } = shelf(Array.from({ length: 3000 }, (_, day) => ({ receivedAt: day, expiresAt: 10_000 + day, quantity: 0.25 + random() })));
    const before = list.total;
    const removed = list.removeAtPositions(700, random, 0.5);
    expect(removed).toBeCloseTo(700.5, 6);
    expect(list.total).toBeCloseTo(before - 700.5, 6);
    expect(sumOf(list)).toBeCloseTo(list.total, 6);
    expect(list.removeAtPositions(Math.ceil(list.total) + 10, random)).toBeCloseTo(before - 700.5, 6);
    expect([list.total, list.pieces]).toEqual([0, 0]);
  });

  it('sells one unit at a time from a million one-unit lots without walking them, FEFO and FIFO, expiring nothing before its date', () => {
    // a base stock of a million units with one-for-one orders: a lot per receipt (issue 12: quadratic before)
    for (const discipline of ['fefo', 'fifo'] as const) {
      const registry = new LotRegistry();
      const list = new LotList(registry);
      for (let i = 0; i < 1e6; i++) list.piece(registry.create(0, i / 1000, 1e6, 0, 1), 1);
      const sink = collect();
      let expired = 0;
      for (let i = 0; i < 50_000; i++) {
        expired += list.expire(i / 1000);
        list.take(1, discipline, sink);
        list.piece(registry.create(0, 1000 + i / 1000, 1e6, 0, 1), 1);
      }
      // the oldest (and earliest expiring) lots went first
      expect([expired, sink.pieces.length]).toEqual([0, 50_000]);
      expect(sink.pieces[49_999]).toEqual([49_999, 1]);
      expect(list.total).toBe(1e6);
    }
  });

  it('expires exactly what a walk of every piece would, with arrivals, takes and damage in between', () => {
    const random = aleaStream('expiry property');
    const registry = new LotRegistry();
    const list = new LotList(registry);
    for (let step = 0; step < 3000; step++) {
      const now = step / 10;
      const roll = random();
      if (roll < 0.4) list.piece(registry.create(0, now, 1 + random() * 40, 0, 1 + Math.floor(random() * 5)), 1 + Math.floor(random() * 5));
      else if (roll < 0.7) list.take(1 + Math.floor(random() * 3), (['fifo', 'fefo', 'lifo'] as const)[Math.floor(random() * 3)], null);
      else if (roll < 0.75) list.removeAtPositions(1, random);
      else {
        let due = 0;
        for (let i = 0; i < list.pieces; i++) if (registry.expiresAt[list.lotAt(i)] <= now + 1e-9) due += list.quantityAt(i);
        expect(list.expire(now)).toBe(due);
      }
    }
  });
});
