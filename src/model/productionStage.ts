/**
 * A supplier's production or fulfilment stage with a fixed number of servers: a plant making to
 * stock, or an order-picking station. Each order released to it is one job; jobs wait first come,
 * first served for a free server, which works on one job at a time for a drawn processing time, then
 * the order leaves over its lane. This is the multi-server queue of queueing theory (M/M/c when orders
 * arrive as a Poisson stream and processing times are exponential), so the waiting it causes can be
 * checked against Erlang's formulas (src/theory/queues.ts).
 *
 * A supplier without a server count processes every order at once (as many servers as orders), which
 * is the plain processing delay.
 *
 * During an outage at the supplier (or a capacity loss of its whole capacity), servers go on
 * processing the orders that reached them, but what they finish is held here (`hold`) and leaves, in
 * the order it finished, when it ends (`releaseHeld`).
 *
 * It measures itself as a queue (docs/KPIS.md: queueWait, queueLength, waitProbability,
 * utilisation): orders arrived and how many found every server busy, orders that started service and
 * the days they waited for it, and the time integrals of the orders waiting and of the servers busy,
 * advanced at each change (`accrue`). The measured window starts at the end of the warm-up
 * (`startWindow`) and the figures are the differences since (`windowMeasures`).
 */
export interface StageMeasures {
  node: string;
  servers: number;
  /** orders that reached the stage */
  arrivals: number;
  /** of them, those that found every server busy and waited */
  waited: number;
  /** orders a server started on, and the days they had waited (0 for those started on arrival) */
  starts: number;
  waitDays: number;
  /** order-days waiting for a server, and server-days busy */
  areaQueue: number;
  areaBusy: number;
}

const MEASURES = ['arrivals', 'waited', 'starts', 'waitDays', 'areaQueue', 'areaBusy'] as const;
export class ProductionStage {
  // jobs waiting: quantity and receiving stock point, first in first out
  private readonly waitingQuantity: number[] = [];
  private readonly waitingTo: number[] = [];
  private head = 0;
  /** per server: the job in process (quantity and receiving point), -1 for an idle server */
  private readonly jobQuantity: Float64Array;
  private readonly jobTo: Int32Array;
  private idle: number;
  // finished jobs held by an outage: quantity and receiving stock point, first in first out
  private heldQuantity: number[] = [];
  private heldTo: number[] = [];
  /** units of finished orders held by an outage (counted in unitsInside too) */
  heldUnits = 0;
  /** units of the orders waiting, in process or finished and held (for the conservation ledger) */
  unitsInside = 0;
  // the queue's measures, cumulative from time 0 (see StageMeasures)
  arrivals = 0;
  waited = 0;
  starts = 0;
  waitDays = 0;
  areaQueue = 0;
  areaBusy = 0;
  /** when each waiting job arrived, beside waitingQuantity */
  private readonly waitingSince: number[] = [];
  private lastAccrual = 0;
  private windowStart: Record<(typeof MEASURES)[number], number> | null = null;

  constructor(
    readonly node: string,
    readonly servers: number,
  ) {
    if (!(Number.isInteger(servers) && servers >= 1)) throw new RangeError(`ProductionStage ${node}: servers must be a whole number >= 1, got ${servers}`);
    this.jobQuantity = new Float64Array(servers);
    this.jobTo = new Int32Array(servers).fill(-1);
    this.idle = servers;
  }

  /** jobs waiting for a server */
  get queueLength(): number {
    return this.waitingQuantity.length - this.head;
  }

  /** servers at work */
  get busy(): number {
    return this.servers - this.idle;
  }

  /** Advances the time integrals (orders waiting, servers busy) to `now`, before a change. */
  accrue(now: number): void {
    const elapsed = now - this.lastAccrual;
    if (elapsed > 0) {
      this.areaQueue += this.queueLength * elapsed;
      this.areaBusy += (this.servers - this.idle) * elapsed;
      this.lastAccrual = now;
    }
  }

  /** The measured window starts at `now` (end of the warm-up): the measures so far are set aside. */
  startWindow(now: number): void {
    this.accrue(now);
    this.windowStart = { arrivals: this.arrivals, waited: this.waited, starts: this.starts, waitDays: this.waitDays, areaQueue: this.areaQueue, areaBusy: this.areaBusy };
  }

  /** The window's measures (call once accrued to the horizon). */
  windowMeasures(): StageMeasures {
    const start = this.windowStart;
    const since = (name: (typeof MEASURES)[number]) => this[name] - (start === null ? 0 : start[name]);
    return { node: this.node, servers: this.servers, arrivals: since('arrivals'), waited: since('waited'), starts: since('starts'), waitDays: since('waitDays'), areaQueue: since('areaQueue'), areaBusy: since('areaBusy') };
  }

  /**
   * An order of `quantity` units for stock point `to` arrives at `now`. Returns the server that starts
   * on it at once, or -1 when every server is busy and the job waits.
   */
  arrive(quantity: number, to: number, now: number): number {
    this.accrue(now);
    this.unitsInside += quantity;
    this.arrivals++;
    if (this.idle > 0) {
      const server = this.jobTo.indexOf(-1);
      this.starts++;
      this.start(server, quantity, to);
      return server;
    }
    this.waited++;
    this.waitingQuantity.push(quantity);
    this.waitingTo.push(to);
    this.waitingSince.push(now);
    return -1;
  }

  /** Quantity of the job `server` is working on. */
  quantityAt(server: number): number {
    return this.jobQuantity[server];
  }

  /** Receiving stock point of the job `server` is working on. */
  destinationAt(server: number): number {
    return this.jobTo[server];
  }

  /**
   * `server` has finished its job at `now` (read it with quantityAt/destinationAt first). It takes the
   * next waiting job, if any: returns true when it did (read the new job the same way), false when it
   * is now idle.
   */
  finish(server: number, now: number): boolean {
    if (this.jobTo[server] < 0) throw new Error(`ProductionStage ${this.node}: server ${server} has no job to finish`);
    this.accrue(now);
    this.unitsInside -= this.jobQuantity[server];
    this.jobTo[server] = -1;
    this.idle++;
    if (this.head === this.waitingQuantity.length) return false;
    const quantity = this.waitingQuantity[this.head];
    const to = this.waitingTo[this.head];
    this.starts++;
    this.waitDays += now - this.waitingSince[this.head];
    this.head++;
    // drop the served prefix now and then, so the arrays do not grow with the run
    if (this.head > 64 && this.head * 2 > this.waitingQuantity.length) {
      this.waitingQuantity.splice(0, this.head);
      this.waitingTo.splice(0, this.head);
      this.waitingSince.splice(0, this.head);
      this.head = 0;
    }
    this.start(server, quantity, to);
    return true;
  }

  private start(server: number, quantity: number, to: number): void {
    this.jobQuantity[server] = quantity;
    this.jobTo[server] = to;
    this.idle--;
  }

  /** A finished order of `quantity` units for stock point `to` (read before `finish`) may not leave yet: it waits for the outage's end. */
  hold(quantity: number, to: number): void {
    this.heldQuantity.push(quantity);
    this.heldTo.push(to);
    this.heldUnits += quantity;
    this.unitsInside += quantity;
  }

  /** The outage is over: every held order leaves, in the order it finished, through `ship(quantity, to)`. */
  releaseHeld(ship: (quantity: number, to: number) => void): void {
    const quantities = this.heldQuantity;
    const destinations = this.heldTo;
    this.heldQuantity = [];
    this.heldTo = [];
    for (let k = 0; k < quantities.length; k++) {
      this.heldUnits -= quantities[k];
      this.unitsInside -= quantities[k];
      ship(quantities[k], destinations[k]);
    }
  }
}
