/**
 * What a node can ship per day, shared by all its products: a supplier's or warehouse's capacity,
 * reduced by capacity-loss disruptions and stopped by supplier outages. Shipments that cannot leave
 * now wait in first-come-first-served order and leave at the next day boundary (or when an outage
 * ends), partially if only part fits.
 *
 * Nodes with unlimited capacity still get a gate (for outages); with nothing waiting and no outage,
 * `available` is Infinity and shipping takes the fast path.
 */
const DUST = 1e-9;

export class ShippingGate {
  usedToday = 0;
  /** number of outages in force (they may overlap) */
  outages = 0;
  /** share of capacity left after capacity-loss disruptions in force */
  capacityShare = 1;
  private readonly sharesInForce: number[] = [];

  // waiting shipments: quantity and receiving stock point, first in first out
  private waitingQuantity: number[] = [];
  private waitingTo: number[] = [];
  private head = 0;
  /** units waiting to leave */
  waitingUnits = 0;

  constructor(
    readonly node: string,
    readonly capacityPerDay: number,
  ) {}

  get hasWaiting(): boolean {
    return this.head < this.waitingQuantity.length;
  }

  /** Units that may still leave today. */
  get available(): number {
    if (this.outages > 0) return 0;
    if (this.capacityPerDay === Infinity) return Infinity;
    // below a billionth of a unit it is rounding dust (100 * (1 - 0.7) is 30.000000000000004)
    const left = this.capacityPerDay * this.capacityShare - this.usedToday;
    return left > DUST ? left : 0;
  }

  /** A capacity loss leaving `share` of capacity starts (or ends). Overlapping losses multiply. */
  applyCapacityShare(share: number, starting: boolean): void {
    if (starting) this.sharesInForce.push(share);
    else this.sharesInForce.splice(this.sharesInForce.indexOf(share), 1);
    this.capacityShare = this.sharesInForce.reduce((product, s) => product * s, 1);
  }

  /**
   * Sends `quantity` units to stock point `to`: what today's capacity allows leaves now, through
   * `ship`, unless earlier shipments are still waiting; the rest waits its turn.
   */
  send(quantity: number, to: number, ship: (quantity: number, to: number) => void): void {
    if (this.hasWaiting) return this.wait(quantity, to);
    const available = this.available;
    const part = quantity - available < DUST ? quantity : available;
    if (part > 0) {
      this.usedToday += part;
      ship(part, to);
    }
    if (part < quantity) this.wait(quantity - part, to);
  }

  private wait(quantity: number, to: number): void {
    this.waitingQuantity.push(quantity);
    this.waitingTo.push(to);
    this.waitingUnits += quantity;
  }

  /**
   * Releases waiting shipments that fit, in order, calling `ship(quantity, to)` for each part that
   * leaves.
   */
  release(ship: (quantity: number, to: number) => void): void {
    while (this.hasWaiting) {
      const available = this.available;
      if (available <= 0) break;
      const quantity = this.waitingQuantity[this.head];
      const part = quantity - available < DUST ? quantity : available;
      this.usedToday += part;
      this.waitingUnits -= part;
      if (part >= quantity) this.head++;
      else this.waitingQuantity[this.head] = quantity - part;
      ship(part, this.waitingTo[this.head - (part >= quantity ? 1 : 0)]);
    }
    if (this.head > 64 && this.head * 2 > this.waitingQuantity.length) {
      this.waitingQuantity = this.waitingQuantity.slice(this.head);
      this.waitingTo = this.waitingTo.slice(this.head);
      this.head = 0;
    }
  }
}
