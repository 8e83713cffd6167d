import { describe, expect, it } from 'vitest';
import { BULK_HITS, CONSIGNMENT, Consignments, LotList, LotRegistry, type PieceSink } from '../../src/model/lots.ts';

/** A shelf of lots with the given quantities (and expiry dates, default 100), received in that order. */
function shelf(quantities: number[], expiries: number[] = quantities.map(() => 100)) {
  const registry = new LotRegistry();
  const list = new LotList(registry);
  quantities.forEach((quantity, i) => list.piece(registry.create(0, 0, expiries[i], 0, quantity), quantity));
  return { registry, list };
}

/** [lot, quantity] of every piece held, oldest arrival first */
const contents = (list: LotList) => Array.from({ length: list.pieces }, (_, i) => [list.lotAt(i), list.quantityAt(i)]);

/** positions drawn in turn from `values`, counting the draws */
function positions(values: number[]) {
  let i = 0;
  const draw = () => values[i++];
  return Object.assign(draw, { count: () => i });
}

function collect(): PieceSink & { pieces: [number, number][] } {
  const pieces: [number, number][] = [];
  return { pieces, piece: (lot, quantity) => void pieces.push([lot, quantity]) };
}

describe('adding pieces', () => {
  it('ignores a piece of nothing', () => {
    const { list } = shelf([3]);
    list.piece(0, 0);
    list.piece(0, -2);
    expect(contents(list)).toEqual([[0, 3]]);
    expect(list.total).toBe(3);
    const empty = new LotList(new LotRegistry());
    empty.piece(0, 0);
    expect([empty.pieces, empty.total]).toEqual([0, 0]);
  });

  it('merges rounding dust of another lot into the last piece instead of making a piece of it', () => {
    const { registry, list } = shelf([3]);
    const other = registry.create(1, 1, 100, 0, 1);
    list.piece(other, 1e-10);
    expect(list.pieces).toBe(1);
    expect(list.quantityAt(0)).toBe(3 + 1e-10);
    expect(list.total).toBe(3 + 1e-10);
  });
});

describe('taking units', () => {
  it('a take of nothing, or less, removes nothing', () => {
    const { list } = shelf([3, 2]);
    expect(list.take(0, 'fifo', null)).toBe(0);
    expect(list.take(-2, 'fifo', null)).toBe(0);
    expect(list.total).toBe(5);
    expect(contents(list)).toEqual([[0, 3], [1, 2]]);
  });

  it('LIFO takes the latest arrival first even when the lots arrived in expiry order', () => {
    const { list } = shelf([3, 2], [10, 20]);
    const sink = collect();
    list.take(3, 'lifo', sink);
    expect(sink.pieces).toEqual([[1, 2], [0, 1]]);
    expect(contents(list)).toEqual([[0, 2]]);
  });

  it('FEFO, lots out of expiry order: among lots expiring the same day, the earliest arrival goes first', () => {
    // lot 0 expires on day 10, lots 1 and 2 both on day 6 (lot 1 arrived first)
    const { list } = shelf([2, 2, 2], [10, 6, 6]);
    const sink = collect();
    list.take(1, 'fefo', sink);
    expect(sink.pieces).toEqual([[1, 1]]);
  });

  it('the last piece stays however small: the pieces keep adding up to the total', () => {
    // 0.1 + 0.2 is 0.30000000000000004 in floating point; a take of 0.3 leaves 5.6e-17 there
    const { registry, list } = shelf([0.1]);
    list.piece(0, 0.2);
    expect(list.take(0.3, 'fifo', null)).toBe(0.3);
    expect(list.pieces).toBe(1);
    expect(list.quantityAt(0)).toBe(0.1 + 0.2 - 0.3);
    expect(list.total).toBe(list.quantityAt(0));
    expect(registry.supplier.length).toBe(1);
  });
});

describe('expiry', () => {
  it('a lot whose date is within rounding dust (1e-9 day) of now has expired', () => {
    const { list } = shelf([3, 4], [5 + 1e-9, 50]);
    expect(list.expire(5)).toBe(3);
    expect(contents(list)).toEqual([[1, 4]]);
  });

  it('a lot a little more than rounding dust after now has not', () => {
    const { list } = shelf([3, 4], [5 + 1e-8, 50]);
    expect(list.expire(5)).toBe(0);
    expect(list.total).toBe(7);
  });

  it('keeps finding the next expiry after a first one', () => {
    const { list } = shelf([1, 2, 3], [5, 7, 9]);
    expect(list.expire(5)).toBe(1);
    expect(list.expire(6)).toBe(0);
    expect(list.expire(7)).toBe(2);
    expect(list.expire(9)).toBe(3);
    expect([list.pieces, list.total]).toEqual([0, 0]);
  });
});

describe('units hit at random positions (damage, shrinkage)', () => {
  it('each hit is placed along what is still on the shelf after the hits before it', () => {
    // lots of 5, 5, 5: the first hit at 0 takes a unit of lot 0 (14 left); the second at 0.6 of 14 is
    // unit 8.4: in lot 1 (units 4 to 8.99 now), not at 0.6 of the 15 there were (unit 9: lot 2)
    const { list } = shelf([5, 5, 5]);
    const draw = positions([0, 0.6]);
    expect(list.removeAtPositions(2, draw)).toBe(2);
    expect(contents(list)).toEqual([[0, 4], [1, 4], [2, 5]]);
    expect(list.total).toBe(13);
    expect(draw.count()).toBe(2);
  });

  it('a hit exactly at the start of a piece is in that piece', () => {
    // lots of 5, 5, 6 (16 units): position 5/16 is unit 5, the first of lot 1
    const { list } = shelf([5, 5, 6]);
    list.removeAtPositions(1, () => 5 / 16);
    expect(contents(list)).toEqual([[0, 5], [1, 4], [2, 6]]);
  });

  it('a unit hit in a piece holding half a unit runs on into the next piece', () => {
    // pieces 2, 0.5, 1.5 (4 units): position 0.5625 is unit 2.25, in the half unit, which goes; the
    // other half comes from lot 2
    const { list } = shelf([2, 0.5, 1.5]);
    expect(list.removeAtPositions(1, () => 0.5625)).toBe(1);
    expect(contents(list)).toEqual([[0, 2], [2, 1]]);
    expect(list.total).toBe(3);
  });

  it('a unit hit in the first piece, holding half a unit, runs on into the second', () => {
    const { list } = shelf([0.5, 2, 3]);
    expect(list.removeAtPositions(1, () => 0.05)).toBe(1);
    expect(contents(list)).toEqual([[1, 1.5], [2, 3]]);
    expect(list.total).toBe(4.5);
  });

  it('a unit hit in the last piece, holding half a unit, runs on from the first', () => {
    // pieces 2, 0.5: position 0.9 is unit 2.25, in the last piece; its other half comes from lot 0
    const { list } = shelf([2, 0.5]);
    expect(list.removeAtPositions(1, () => 0.9)).toBe(1);
    expect(contents(list)).toEqual([[0, 1.5]]);
    expect(list.total).toBe(1.5);
  });

  it('runs on from the first piece still held, after pieces were taken from the front', () => {
    // lot 0 is sold first; then pieces 2, 0.5 as above
    const { list } = shelf([1, 2, 0.5]);
    list.take(1, 'fifo', null);
    expect(list.removeAtPositions(1, () => 0.9)).toBe(1);
    expect(contents(list)).toEqual([[1, 1.5]]);
    expect(list.total).toBe(1.5);
  });

  it('a fraction of a unit after the whole units, and no draw for a fraction of 0', () => {
    const { list } = shelf([4, 4]);
    const draw = positions([0, 0.99]);
    // unit 0 of lot 0, then 0.99 x 7 = 6.93: in lot 1, which loses a quarter
    expect(list.removeAtPositions(1, draw, 0.25)).toBe(1.25);
    expect(contents(list)).toEqual([[0, 3], [1, 3.75]]);
    const none = positions([0.5, 0.5]);
    expect(list.removeAtPositions(1, none, 0)).toBe(1);
    expect(none.count()).toBe(1);
  });

  it(`${BULK_HITS} or more hits: exactly the whole shelf leaves no piece behind`, () => {
    const { list } = shelf([200, 100]);
    expect(list.removeAtPositions(300, () => 0.5)).toBe(300);
    expect([list.pieces, list.total]).toEqual([0, 0]);
  });

  it(`${BULK_HITS} or more hits: a whole shelf but for rounding dust leaves no piece of dust behind`, () => {
    const { list } = shelf([200, 100 + 5e-10]);
    expect(list.removeAtPositions(300, () => 0.5)).toBe(300 + 5e-10);
    expect([list.pieces, list.total]).toEqual([0, 0]);
  });

  it('many hits by amounts: a last piece left with rounding dust joins the piece before it, no unit lost', () => {
    // pieces 10, 255.5, 0.5 + 5e-10; with draws near 1 the shares come out 0, 256 and 0 (whatever
    // they come out, the pieces must add up to what is left): the half unit the second piece lacks
    // runs on into the third, leaving it dust, which joins the first
    const { list } = shelf([10, 255.5, 0.5 + 5e-10]);
    const before = list.total;
    expect(list.removeAtPositions(BULK_HITS, () => 0.999999)).toBe(BULK_HITS);
    let sum = 0;
    for (let i = 0; i < list.pieces; i++) sum += list.quantityAt(i);
    expect(Math.abs(sum - (before - BULK_HITS))).toBeLessThan(1e-12);
    expect(Math.abs(list.total - (before - BULK_HITS))).toBeLessThan(1e-12);
  });

  it('many hits by amounts leaving every piece with rounding dust: the dust stays, as one piece of the last lot', () => {
    // pieces 1 + 6e-10 and 255 + 6e-10 lose 1 and 255 (the draws give the first piece a share of 1):
    // 1.2e-9 units are left, more than dust in all, but dust in each piece
    const { list } = shelf([1 + 6e-10, 255 + 6e-10]);
    const before = list.total;
    const draws = [0.5, 0.999999];
    let i = 0;
    expect(list.removeAtPositions(BULK_HITS, () => draws[Math.min(i++, 1)])).toBe(BULK_HITS);
    expect(list.pieces).toBe(1);
    expect(list.lotAt(0)).toBe(1);
    expect(Math.abs(list.quantityAt(0) - (before - BULK_HITS))).toBeLessThan(1e-12);
    expect(Math.abs(list.total - (before - BULK_HITS))).toBeLessThan(1e-12);
  });

  it('many hits by amounts: a first piece of rounding dust joins the next, no unit lost', () => {
    // a list's first piece may be dust (nothing before it to merge into)
    const { registry, list } = shelf([1e-10]);
    const a = registry.create(0, 1, 100, 0, 300);
    const b = registry.create(0, 2, 100, 0, 300);
    list.piece(a, 300);
    list.piece(b, 300);
    const before = list.total;
    let seed = 1;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    expect(list.removeAtPositions(BULK_HITS, random)).toBe(BULK_HITS);
    expect(list.pieces).toBe(2);
    expect([list.lotAt(0), list.lotAt(1)]).toEqual([a, b]);
    const sum = list.quantityAt(0) + list.quantityAt(1);
    expect(Math.abs(sum - (before - BULK_HITS))).toBeLessThan(1e-12);
    expect(Math.abs(list.total - (before - BULK_HITS))).toBeLessThan(1e-12);
  });
});

describe('consignments', () => {
  it('reuse the id of a closed consignment, emptied, for the next one', () => {
    const registry = new LotRegistry();
    const consignments = new Consignments(registry);
    const first = consignments.open(4, CONSIGNMENT.delivery);
    const second = consignments.open(7, CONSIGNMENT.customerReturn);
    expect(second).not.toBe(first);
    expect([consignments.destination(first), consignments.kind(first)]).toEqual([4, CONSIGNMENT.delivery]);
    expect([consignments.destination(second), consignments.kind(second)]).toEqual([7, CONSIGNMENT.customerReturn]);
    consignments.list(first).piece(registry.create(0, 0, 10, 0, 3), 3);
    consignments.close(first);
    const third = consignments.open(2, CONSIGNMENT.returnUpstream);
    expect(third).toBe(first);
    expect([consignments.destination(third), consignments.kind(third), consignments.list(third).total, consignments.list(third).pieces]).toEqual([2, CONSIGNMENT.returnUpstream, 0, 0]);
  });

  it('drain into another list, oldest arrival first, leaving nothing behind', () => {
    const { list } = shelf([1, 2]);
    const sink = collect();
    list.drainInto(sink);
    expect(sink.pieces).toEqual([[0, 1], [1, 2]]);
    expect([list.pieces, list.total]).toEqual([0, 0]);
  });
});
