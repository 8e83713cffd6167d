/**
 * What a node can ship per day, shared by all its products: a supplier's or warehouse's capacity,
 * reduced by capacity-loss disruptions and stopped by supplier outages. Shipments that cannot leave
 * now wait in first-come-first-served order and leave at the next day boundary (or when an outage
 * ends), partially if only part fits.
 *
 * Nodes with unlimited capacity still get a gate (for outages); with nothing waiting and no outage,
 * `available` is Infinity and shipping takes the fast path.
 *
 * An outage also holds the orders that passed the gate before it and finish processing during it: a
 * supplier without servers asks `leaveAfterOutages` when such an order may leave (the outages are
 * drawn before the run); a supplier with servers holds it in its ProductionStage until the outage
 * ends. A capacity loss of the whole capacity (fraction 1, nothing ships) stops the node as an outage
 * does, and is added here as one (`addOutage`); `stopped` is either in force.
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

  // the outages' windows [start, end), as added, and merged into disjoint sorted intervals on first use
  private outageWindows: { start: number; end: number }[] = [];
  private outageStarts: number[] | null = null;
  private outageEnds: number[] = [];

  constructor(
    readonly node: string,
    readonly capacityPerDay: number,
  ) {}

  /**
   * An outage, or a capacity loss of the whole capacity, will stop the node over [start, end) (added
   * when the run is built, before it starts).
   */
  addOutage(start: number, end: number): void {
    this.outageWindows.push({ start, end });
    this.outageStarts = null;
  }

  /**
   * When units ready to leave at `time` may leave: `time`, or, if it falls in an outage [start, end),
   * the time that outage ends (outages that overlap or touch hold them until the last of them ends).
   */
  leaveAfterOutages(time: number): number {
    if (this.outageWindows.length === 0) return time;
    if (this.outageStarts === null) this.mergeOutages();
    const starts = this.outageStarts!;
    // the last interval starting at or before `time`
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (starts[middle] <= time) low = middle + 1;
      else high = middle;
    }
    return low > 0 && time < this.outageEnds[low - 1] ? this.outageEnds[low - 1] : time;
  }

  private mergeOutages(): void {
    const windows = this.outageWindows.filter((window) => window.end > window.start).sort((a, b) => a.start - b.start);
    const starts: number[] = [];
    const ends: number[] = [];
    for (const window of windows) {
      const last = ends.length - 1;
      if (last >= 0 && window.start <= ends[last]) ends[last] = Math.max(ends[last], window.end);
      else {
        starts.push(window.start);
        ends.push(window.end);
      }
    }
    this.outageStarts = starts;
    this.outageEnds = ends;
  }

  /** Nothing may leave now: an outage, or capacity losses leaving no capacity, are in force. */
  get stopped(): boolean {
    return this.outages > 0 || this.capacityShare === 0;
  }

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

  /**
   * Units waiting to leave for each stock point (index < `stockPoints`), each added up in the order
   * they wait. `waitingUnits` is a running total, changed in event order; these depend only on each
   * point's own shipments, so an independent part run alone gives its points the same figures to the
   * bit (src/experiment/parts.ts), and a total over points in their order is the same for any split.
   */
  waitingByDestination(stockPoints: number): Float64Array {
    const units = new Float64Array(stockPoints);
    for (let i = this.head; i < this.waitingQuantity.length; i++) units[this.waitingTo[i]] += this.waitingQuantity[i];
    return units;
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
