import { describe, expect, it } from 'vitest';
import { LotList, LotRegistry, type IssuingDiscipline, type PieceSink } from '../../src/model/lots.ts';
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
