import { describe, expect, it } from 'vitest';
import { BULK_HITS, LotList, LotRegistry, type PieceSink } from '../../src/model/lots.ts';

/**
 * LotList at the ends of its loops (the confirming mutation pass, docs/mutation/model.md): hits shared
 * out by amounts that the last piece cannot hold run on from the first; a take or a run of the whole
 * shelf whose total carries a rounding error of its sum stops with the last piece, handing nothing more.
 */

function shelf(quantities: number[]) {
  const registry = new LotRegistry();
  const list = new LotList(registry);
  quantities.forEach((quantity) => list.piece(registry.create(0, 0, 100, 0, quantity), quantity));
  return list;
}

const contents = (list: LotList) => Array.from({ length: list.pieces }, (_, i) => [list.lotAt(i), list.quantityAt(i)]);

function collect(): PieceSink & { pieces: [number, number][] } {
  const pieces: [number, number][] = [];
  return { pieces, piece: (lot, quantity) => void pieces.push([lot, quantity]) };
}

describe('what the last piece cannot hold runs on from the first', () => {
  it(`${BULK_HITS} hits on pieces of 300 and 1 whose draws give the first piece no share: the last takes 1, the first the other ${BULK_HITS - 1}`, () => {
    const list = shelf([300, 1]);
    // a draw near 0 makes the first piece's binomial share 0: all the hits fall on the last piece,
    // which holds 1, so 255 run on from the first
    expect(list.removeAtPositions(BULK_HITS, () => 1e-6)).toBe(BULK_HITS);
    expect(contents(list)).toEqual([[0, 300 - (BULK_HITS - 1)]]);
    expect(list.total).toBe(301 - BULK_HITS);
  });
});

describe('what the last piece cannot hold runs on from the first, and on', () => {
  it(`${BULK_HITS} hits on pieces of 1, 300 and 1 whose draws give the first piece no share: the first piece cannot hold all the last one cannot, the rest goes to the second`, () => {
    const list = shelf([1, 300, 1]);
    // a first draw near 0 gives the first piece no share; draws of 0.01 then leave the last piece many
    // more hits than its 1 unit: the run-on empties the first piece and goes on into the second
    let draw = 0;
    expect(list.removeAtPositions(BULK_HITS, () => (draw++ === 0 ? 1e-6 : 0.01))).toBe(BULK_HITS);
    expect(contents(list)).toEqual([[1, 302 - BULK_HITS]]);
    expect(list.total).toBe(302 - BULK_HITS);
  });
});

describe('the whole shelf, when its total carries the rounding error of its sum', () => {
  // 0.1 + 0.2 is 0.30000000000000004: after both pieces go, 5.6e-17 is "left" with no piece to take it from
  it('a take hands over each piece once and nothing after the last', () => {
    const list = shelf([0.1, 0.2]);
    const sink = collect();
    expect(list.take(list.total, 'fifo', sink)).toBe(0.30000000000000004);
    expect(sink.pieces).toEqual([[0, 0.1], [1, 0.2]]);
    expect([list.pieces, list.total]).toEqual([0, 0]);
  });

  it('a fraction of a unit hit over the whole shelf removes it all and leaves nothing behind', () => {
    const list = shelf([0.1, 0.2]);
    expect(list.removeAtPositions(0, () => 0, list.total)).toBe(0.30000000000000004);
    expect([list.pieces, list.total]).toEqual([0, 0]);
    // the list still works: a new piece is held as the only one
    list.piece(0, 2);
    expect(contents(list)).toEqual([[0, 2]]);
  });
});

describe('a piece left with rounding dust', () => {
  it('a LIFO take that leaves the last arrival with dust gives the dust to the arrival before it', () => {
    const list = shelf([1, 2]);
    expect(list.take(2 - 1e-10, 'lifo', null)).toBe(2 - 1e-10);
    expect(contents(list)).toEqual([[0, 1 + 1e-10]]);
  });

  it('a take that leaves a piece with dust gives the dust to the next arrival, so the pieces still add up', () => {
    const list = shelf([1, 2]);
    expect(list.take(1 - 1e-10, 'fifo', null)).toBe(1 - 1e-10);
    expect(contents(list)).toEqual([[1, 2 + 1e-10]]);
    expect(list.total).toBe(3 - (1 - 1e-10));
  });

  it('a whole unit hit on a shelf holding half a unit removes the half unit, and says so', () => {
    const list = shelf([0.5]);
    expect(list.removeAtPositions(1, () => 0.3)).toBe(0.5);
    expect([list.pieces, list.total]).toEqual([0, 0]);
  });
});

describe('a fraction of a unit hit after whole units', () => {
  it('falls along what is left after the whole hits: a draw of 0.4 over the 2 units left lands in the first of them', () => {
    const list = shelf([1, 1, 1]);
    // the whole hit at position 0 takes lot 0; the fraction's draw 0.4 is 0.8 units along the 2 left
    const draws = [0, 0.4];
    let i = 0;
    expect(list.removeAtPositions(1, () => draws[i++], 0.5)).toBe(1.5);
    expect(contents(list)).toEqual([[1, 0.5], [2, 1]]);
  });
});

