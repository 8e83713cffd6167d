import { describe, expect, it } from 'vitest';
import { LotList, LotRegistry } from '../../src/model/lots.ts';
import { SaleOfLots } from '../../src/model/saleOfLots.ts';
import type { RecallOutcome } from '../../src/model/simulation.ts';
import type { StockPoint } from '../../src/model/stockPoint.ts';

/** A customer-facing shelf without markdowns: only the recall bookkeeping of a sale is at work. */
function shelfPoint(): StockPoint {
  return { care: { markdown: null }, price: 10, counters: { markdownUnits: 0, markdownDiscount: 0 } } as unknown as StockPoint;
}

function outcome(name: string): RecallOutcome {
  return { name, unitsRemoved: 0, customersReached: 0, unitsSold: 0 };
}

/**
 * A shelf holding the given lots in arrival order, each `quantity` units, each in the recalls of its
 * `recalls` bit mask (bit r: recall r), and a sale counter over `recallCount` recalls.
 */
function shelfOf(lots: { quantity: number; recalls: number }[], recallCount: number) {
  const registry = new LotRegistry();
  const shelf = new LotList(registry);
  for (const lot of lots) shelf.piece(registry.create(0, 0, 100, lot.recalls, lot.quantity), lot.quantity);
  const outcomes = Array.from({ length: recallCount }, (_, r) => outcome(`recall ${r}`));
  const sale = new SaleOfLots(registry, outcomes, new LotList(registry));
  const point = shelfPoint();
  /** one sale of `quantity` units, FIFO; `customers` = 1: one order, 0: each unit one customer */
  const sell = (quantity: number, customers: number) => {
    sale.begin(point, 1);
    shelf.take(quantity, 'fifo', sale);
    sale.end(customers);
  };
  return { outcomes, sell };
}

describe('a sale counts the recalled units it reached (docs/SCENARIO.md: Recalls, "units sold before", "customers reached")', () => {
  it('units of lots outside the recall are not counted as sold before it', () => {
    // FIFO: 2 units of the recalled lot, then 3 of a clean lot; per-unit demand (each unit one customer)
    const { outcomes, sell } = shelfOf([{ quantity: 2, recalls: 0b1 }, { quantity: 10, recalls: 0 }], 1);
    sell(5, 0);
    expect(outcomes[0].unitsSold).toBe(2);
    // each recalled unit was one customer's purchase: 2 customers reached, not the 3 clean ones
    expect(outcomes[0].customersReached).toBe(2);
  });

  it('an order is one customer reached, however many recalled units it held', () => {
    const { outcomes, sell } = shelfOf([{ quantity: 10, recalls: 0b1 }], 1);
    sell(3, 1);
    expect(outcomes[0].unitsSold).toBe(3);
    expect(outcomes[0].customersReached).toBe(1);
    sell(4, 1);
    expect(outcomes[0].unitsSold).toBe(7);
    expect(outcomes[0].customersReached).toBe(2);
  });

  it('per-unit demand counts each recalled unit sold as one customer reached', () => {
    const { outcomes, sell } = shelfOf([{ quantity: 10, recalls: 0b1 }], 1);
    sell(4, 0);
    expect(outcomes[0].unitsSold).toBe(4);
    expect(outcomes[0].customersReached).toBe(4);
  });

  it('a sale reaches only the recalls whose lots it took', () => {
    // three recalls; the first lot falls in recall 1 only, the second in recalls 0 and 1
    const { outcomes, sell } = shelfOf([{ quantity: 3, recalls: 0b010 }, { quantity: 10, recalls: 0b011 }], 3);
    sell(2, 1); // 2 units of the recall-1 lot: recall 0 and recall 2 are untouched
    expect(outcomes.map((o) => [o.unitsSold, o.customersReached])).toEqual([[0, 0], [2, 1], [0, 0]]);
    sell(1, 1); // the last unit of the first lot
    expect(outcomes.map((o) => [o.unitsSold, o.customersReached])).toEqual([[0, 0], [3, 2], [0, 0]]);
    sell(2, 1); // 2 units of the second lot, which both recall 0 and recall 1 cover
    expect(outcomes.map((o) => [o.unitsSold, o.customersReached])).toEqual([[2, 1], [5, 3], [0, 0]]);
  });

  it('a sale of clean lots only changes no recall', () => {
    const { outcomes, sell } = shelfOf([{ quantity: 10, recalls: 0 }], 2);
    sell(4, 1);
    sell(2, 0);
    expect(outcomes.map((o) => [o.unitsSold, o.customersReached])).toEqual([[0, 0], [0, 0]]);
  });

  it('a sale that takes lots of two different recalls gives each recall only its own units', () => {
    // FIFO: 1 unit of a recall-0 lot, 2 of a recall-1 lot, 1 clean; one 4-unit sale. It used to add the
    // sale's 3 recalled units to both recalls (3 and 3 instead of 1 and 2)
    const perUnit = shelfOf([{ quantity: 1, recalls: 0b01 }, { quantity: 2, recalls: 0b10 }, { quantity: 5, recalls: 0 }], 2);
    perUnit.sell(4, 0);
    expect(perUnit.outcomes.map((o) => [o.unitsSold, o.customersReached])).toEqual([[1, 1], [2, 2]]);
    // as one customer's order: each recall reached that one customer, with its own units
    const order = shelfOf([{ quantity: 1, recalls: 0b01 }, { quantity: 2, recalls: 0b10 }, { quantity: 5, recalls: 0 }], 2);
    order.sell(4, 1);
    expect(order.outcomes.map((o) => [o.unitsSold, o.customersReached])).toEqual([[1, 1], [2, 1]]);
    // the next sale starts from nothing: 2 clean units change neither
    order.sell(2, 1);
    expect(order.outcomes.map((o) => [o.unitsSold, o.customersReached])).toEqual([[1, 1], [2, 1]]);
  });
});
