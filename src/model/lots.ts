/**
 * Stock held in lots. A lot is born when units are received from a supplier: it keeps that supplier,
 * the receipt date and the expiry date (receipt + the product's shelf life) wherever its units go,
 * so a recall can name exactly the units of a supplier's lots received in a window. A `LotList`
 * holds pieces of lots (a quantity of one lot) in the order they arrived: a stock point's shelf, the
 * units staged for a shipment, a shipment in transit, a customer's return.
 */

/** How a stock point picks the units it issues. */
export type IssuingDiscipline = 'fifo' | 'fefo' | 'lifo';

import { binomial } from '../random/distributions/binomial.ts';

/** Below this a piece is rounding dust of fractional quantities, not stock. */
const DUST = 1e-9;

/**
 * From this many units hit at once (damage, shrinkage), `removeAtPositions` shares them out over the
 * pieces by amounts instead of one position per unit (whose cost grows with the units and the pieces).
 */
export const BULK_HITS = 256;

/** Every lot of a replication: its identity and dates, indexed by lot number. */
export class LotRegistry {
  readonly supplier: number[] = [];
  readonly receivedAt: number[] = [];
  readonly expiresAt: number[] = [];
  /** bit r set: the lot falls in recall r's window (known when the lot is born) */
  readonly recalls: number[] = [];
  /** units received in the lot */
  readonly quantity: number[] = [];

  /** A new lot of `quantity` from `supplier` (a shipping gate's index, -1: initial stock), received at `now`. */
  create(supplier: number, now: number, shelfLifeDays: number, recalls: number, quantity: number): number {
    this.quantity.push(quantity);
    this.supplier.push(supplier);
    this.receivedAt.push(now);
    this.expiresAt.push(now + shelfLifeDays);
    this.recalls.push(recalls);
    return this.supplier.length - 1;
  }
}

/** Where the pieces a `LotList.take` removes go: another list, or a visitor counting a sale. */
export interface PieceSink {
  piece(lot: number, quantity: number): void;
}

export class LotList implements PieceSink {
  private quantities: number[] = [];
  private lots: number[] = [];
  /** index of the first piece still held (pieces before it were taken from the front) */
  private head = 0;
  /** units held, over all pieces */
  total = 0;
  /** no piece expires before this (a lower bound: taking pieces only raises the true earliest) */
  private expiresNoSooner = Infinity;
  /** the pieces' expiry dates never decrease in arrival order, so FEFO issues from the front */
  private expiryOrdered = true;

  constructor(private readonly registry: LotRegistry) {}

  get pieces(): number {
    return this.quantities.length - this.head;
  }

  /** The `i`-th piece held, oldest arrival first. */
  lotAt(i: number): number {
    return this.lots[this.head + i];
  }
  quantityAt(i: number): number {
    return this.quantities[this.head + i];
  }

  /**
   * Adds a piece at the back (the latest arrival); the same lot as the last piece merges into it, and
   * so does rounding dust of any lot (a billionth of a unit is not worth a piece, but still a unit's
   * share: the list never loses what it is given).
   */
  piece(lot: number, quantity: number): void {
    if (!(quantity > 0)) return;
    const last = this.quantities.length - 1;
    if (last >= this.head && (this.lots[last] === lot || quantity <= DUST)) this.quantities[last] += quantity;
    else {
      const expiresAt = this.registry.expiresAt[lot];
      if (expiresAt < this.expiresNoSooner) this.expiresNoSooner = expiresAt;
      if (last >= this.head && expiresAt < this.registry.expiresAt[this.lots[last]]) this.expiryOrdered = false;
      this.quantities.push(quantity);
      this.lots.push(lot);
    }
    this.total += quantity;
  }

  /**
   * Removes `quantity` units (at most what is held) by `discipline`, handing each piece to `sink`:
   * FIFO the earliest arrival first, LIFO the latest, FEFO the earliest expiry (ties: the earliest
   * arrival). Returns the units removed: exactly `quantity`, or everything held if that is less.
   */
  take(quantity: number, discipline: IssuingDiscipline, sink: PieceSink | null): number {
    const removed = Math.min(quantity, this.total);
    if (!(removed > 0)) return 0;
    let left = removed;
    while (left > 0 && this.pieces > 0) {
      const at = discipline === 'fifo' || (discipline === 'fefo' && this.expiryOrdered) ? this.head : discipline === 'lifo' ? this.quantities.length - 1 : this.earliestExpiry();
      const part = Math.min(left, this.quantities[at]);
      sink?.piece(this.lots[at], part);
      this.quantities[at] -= part;
      left -= part;
      this.dropIfDust(at);
    }
    this.total = this.pieces === 0 ? 0 : this.total - removed;
    return removed;
  }

  /** Removes every piece whose lot matches `test`, in arrival order; returns the units removed. */
  removeWhere(test: (lot: number) => boolean, sink: PieceSink | null = null): number {
    const quantities = this.quantities;
    const lots = this.lots;
    let removed = 0;
    let kept = 0;
    for (let at = this.head; at < quantities.length; at++) {
      if (test(lots[at])) {
        removed += quantities[at];
        sink?.piece(lots[at], quantities[at]);
      } else {
        quantities[kept] = quantities[at];
        lots[kept] = lots[at];
        kept++;
      }
    }
    quantities.length = kept;
    lots.length = kept;
    this.head = 0;
    this.total = kept === 0 ? 0 : this.total - removed;
    if (kept === 0) this.clear();
    return removed;
  }

  /**
   * Removes the pieces whose lot has expired by `now`; returns the units. Looks at the pieces only when
   * one may have expired (a shelf of a million pieces is not walked at every receipt).
   */
  expire(now: number): number {
    if (this.expiresNoSooner > now + DUST) return 0;
    const expiresAt = this.registry.expiresAt;
    const removed = this.removeWhere((lot) => expiresAt[lot] <= now + DUST);
    let earliest = Infinity;
    for (let at = this.head; at < this.lots.length; at++) if (expiresAt[this.lots[at]] < earliest) earliest = expiresAt[this.lots[at]];
    this.expiresNoSooner = earliest;
    return removed;
  }

  /**
   * Removes the units a random event (damage, shrinkage) hits, wherever they sit on the shelf: `count`
   * whole units, then a `fraction` of a unit (0 for none). Each hit starts at a position `position()`
   * draws in [0, 1) along the shelf (its pieces laid end to end in arrival order) and takes its units
   * from the piece there, running on into the next pieces (past the last, from the first) where that
   * piece holds less: so a unit is a unit even on a shelf of fractional pieces. Returns the units
   * removed: `count + fraction`, or everything held if that is less.
   */
  removeAtPositions(count: number, position: () => number, fraction = 0): number {
    let removed = 0;
    if (count >= BULK_HITS) removed = this.removeSharedOut(count, position);
    else for (let k = 0; k < count && this.pieces > 0; k++) removed += this.removeRun(position() * (this.total - removed), 1);
    if (fraction > 0 && this.pieces > 0) removed += this.removeRun(position() * (this.total - removed), fraction);
    this.total = this.pieces === 0 ? 0 : this.total - removed;
    return removed;
  }

  /**
   * Removes `count` units (at most what is held) shared out over the pieces by amounts, as so many
   * positions drawn along the shelf would fall: each piece takes a binomial share of the units not yet
   * placed, in proportion to its quantity among the pieces not yet visited (a multinomial, drawn piece
   * by piece), and where a piece holds less than its share the rest runs on into the next pieces (past
   * the last, from the first). Costs a binomial a piece, whatever the count. Returns the units removed
   * (`total` is left to the caller).
   */
  private removeSharedOut(count: number, random: () => number): number {
    if (count >= this.total - DUST) {
      const all = this.total;
      this.clear();
      return all;
    }
    const target = count;
    let unplaced = target;
    let unvisited = this.total;
    let carry = 0;
    const end = this.quantities.length;
    for (let at = this.head; at < end && (unplaced > 0 || carry > 0); at++) {
      const quantity = this.quantities[at];
      const share = at === end - 1 || unvisited <= quantity ? unplaced : binomial(unplaced, quantity / unvisited, random);
      unvisited -= quantity;
      unplaced -= share;
      const part = Math.min(quantity, share + carry);
      carry += share - part;
      this.quantities[at] = quantity - part;
    }
    // what the last pieces could not hold runs on from the first
    for (let at = this.head; at < end && carry > 0; at++) {
      const part = Math.min(this.quantities[at], carry);
      this.quantities[at] -= part;
      carry -= part;
    }
    this.compact();
    return target - carry;
  }

  /** Drops the pieces left with rounding dust, its dust joining a neighbour as dropIfDust does (one pass). */
  private compact(): void {
    const quantities = this.quantities;
    const lots = this.lots;
    let kept = 0;
    let dust = 0;
    for (let at = this.head; at < quantities.length; at++) {
      const quantity = quantities[at] + dust;
      if (quantities[at] <= DUST) {
        dust = quantity;
        continue;
      }
      dust = 0;
      quantities[kept] = quantity;
      lots[kept] = lots[at];
      kept++;
    }
    if (dust > 0 && kept > 0) quantities[kept - 1] += dust;
    else if (dust > 0 && kept === 0 && quantities.length > this.head) {
      // everything is dust: the last piece stays, however small
      quantities[0] = dust;
      lots[0] = lots[quantities.length - 1];
      kept = 1;
    }
    quantities.length = kept;
    lots.length = kept;
    this.head = 0;
  }

  /** Removes up to `units` units starting in the piece at `offset` units from the front, running on as removeAtPositions says; returns the units removed. */
  private removeRun(offset: number, units: number): number {
    let at = this.head;
    while (at < this.quantities.length - 1 && offset >= this.quantities[at]) offset -= this.quantities[at++];
    let left = units;
    while (left > 0 && this.pieces > 0) {
      if (at >= this.quantities.length) at = this.head;
      const part = Math.min(left, this.quantities[at]);
      this.quantities[at] -= part;
      left -= part;
      const wasHead = at === this.head;
      if (!this.dropIfDust(at)) at++;
      else if (wasHead) at = this.head;
    }
    return units - left;
  }

  /** Empties the list into `sink`, oldest arrival first. */
  drainInto(sink: PieceSink): void {
    for (let at = this.head; at < this.quantities.length; at++) sink.piece(this.lots[at], this.quantities[at]);
    this.clear();
  }

  clear(): void {
    this.quantities.length = 0;
    this.lots.length = 0;
    this.head = 0;
    this.total = 0;
    this.expiresNoSooner = Infinity;
    this.expiryOrdered = true;
  }

  private earliestExpiry(): number {
    const expiresAt = this.registry.expiresAt;
    let best = this.head;
    for (let at = this.head + 1; at < this.quantities.length; at++) if (expiresAt[this.lots[at]] < expiresAt[this.lots[best]]) best = at;
    return best;
  }

  /**
   * Once a take leaves the piece at `at` with no more than rounding dust, the piece goes and its dust
   * joins a neighbour (the next arrival, else the previous one), so the pieces always add up to
   * `total`; the last piece stays, however small. Returns true when the piece went.
   */
  private dropIfDust(at: number): boolean {
    const dust = this.quantities[at];
    if (dust > DUST) return false;
    if (at + 1 < this.quantities.length) this.quantities[at + 1] += dust;
    else if (at > this.head) this.quantities[at - 1] += dust;
    else if (dust > 0) return false;
    this.removeAt(at);
    return true;
  }

  private removeAt(at: number): void {
    if (at === this.head) {
      this.head++;
      if (this.head === this.quantities.length) this.clear();
      else if (this.head > 32 && this.head * 2 > this.quantities.length) {
        this.quantities.splice(0, this.head);
        this.lots.splice(0, this.head);
        this.head = 0;
      }
    } else {
      this.quantities.splice(at, 1);
      this.lots.splice(at, 1);
    }
  }
}

/**
 * Lot pieces on their way somewhere (a shipment in transit, a customer's return), each under an id an
 * event can carry. Ids and their lists are reused once the pieces have arrived, so a long run does not
 * allocate a list per shipment.
 */
export const CONSIGNMENT = {
  /** shipped by the upstream point to fill an order */
  delivery: 0,
  /** sent back upstream by a point whose policy ordered a negative quantity */
  returnUpstream: 1,
  /** brought back by a customer to the point that sold them */
  customerReturn: 2,
} as const;

export class Consignments {
  private readonly lists: LotList[] = [];
  private readonly destinations: number[] = [];
  private readonly kinds: number[] = [];
  private readonly free: number[] = [];

  constructor(private readonly registry: LotRegistry) {}

  /** A new, empty consignment of `kind` (CONSIGNMENT) to stock point `to`: its id. */
  open(to: number, kind: number): number {
    const id = this.free.length > 0 ? this.free.pop()! : this.lists.push(new LotList(this.registry)) - 1;
    this.destinations[id] = to;
    this.kinds[id] = kind;
    return id;
  }

  kind(id: number): number {
    return this.kinds[id];
  }

  list(id: number): LotList {
    return this.lists[id];
  }

  destination(id: number): number {
    return this.destinations[id];
  }

  /** The consignment has arrived: its id may be reused. */
  close(id: number): void {
    this.lists[id].clear();
    this.free.push(id);
  }
}
