/**
 * Units owed by a stock point, in the order they were owed (served first come first served, or out
 * of line by an allocation rule: see processes/echelonAllocation.ts `allocate`): a customer order (requester CUSTOMER), a
 * day's per-period demand where each unit is one customer's order (CUSTOMER_UNITS), or a downstream
 * stock point's order (requester = that point's index). A ring buffer over typed arrays,
 * so a long outage with thousands of waiting orders allocates nothing per order.
 */
export const CUSTOMER = -1;
export const CUSTOMER_UNITS = -2;

export class BackorderQueue {
  private quantity = new Float64Array(16);
  private requester = new Int32Array(16);
  private since = new Float64Array(16);
  /** 1: an order placed at this instant and not yet allocated (allocation rules other than fifo) */
  private fresh = new Uint8Array(16);
  private head = 0;
  private count = 0;

  get length(): number {
    return this.count;
  }

  push(quantity: number, requester: number, since: number, fresh = 0): void {
    if (this.count === this.quantity.length) this.grow();
    const tail = (this.head + this.count) & (this.quantity.length - 1);
    this.quantity[tail] = quantity;
    this.requester[tail] = requester;
    this.since[tail] = since;
    this.fresh[tail] = fresh;
    this.count++;
  }

  frontQuantity(): number {
    return this.quantity[this.head];
  }
  frontRequester(): number {
    return this.requester[this.head];
  }
  frontSince(): number {
    return this.since[this.head];
  }

  /** Serves `quantity` units of the front entry (at most what it is owed). */
  serveFront(quantity: number): void {
    this.quantity[this.head] -= quantity;
    if (this.quantity[this.head] <= 1e-9) {
      this.head = (this.head + 1) & (this.quantity.length - 1);
      this.count--;
    }
  }

  // the i-th entry in line (0 = the front), for allocation rules that serve out of line
  quantityAt(i: number): number {
    return this.quantity[(this.head + i) & (this.quantity.length - 1)];
  }
  requesterAt(i: number): number {
    return this.requester[(this.head + i) & (this.quantity.length - 1)];
  }
  sinceAt(i: number): number {
    return this.since[(this.head + i) & (this.quantity.length - 1)];
  }
  freshAt(i: number): boolean {
    return this.fresh[(this.head + i) & (this.quantity.length - 1)] === 1;
  }

  /** Serves `quantity` units of the i-th entry (at most what it is owed) and marks it allocated; `compact` drops it once served. */
  serveAt(i: number, quantity: number): void {
    const at = (this.head + i) & (this.quantity.length - 1);
    this.quantity[at] -= quantity;
    this.fresh[at] = 0;
  }

  /** Drops the entries served in full, keeping the others in line. */
  compact(): void {
    const mask = this.quantity.length - 1;
    let kept = 0;
    for (let i = 0; i < this.count; i++) {
      const from = (this.head + i) & mask;
      if (this.quantity[from] <= 1e-9) continue;
      const to = (this.head + kept) & mask;
      this.quantity[to] = this.quantity[from];
      this.requester[to] = this.requester[from];
      this.since[to] = this.since[from];
      this.fresh[to] = this.fresh[from];
      kept++;
    }
    this.count = kept;
  }

  private grow(): void {
    const capacity = this.quantity.length * 2;
    const quantity = new Float64Array(capacity);
    const requester = new Int32Array(capacity);
    const since = new Float64Array(capacity);
    const fresh = new Uint8Array(capacity);
    for (let i = 0; i < this.count; i++) {
      const from = (this.head + i) & (this.quantity.length - 1);
      quantity[i] = this.quantity[from];
      requester[i] = this.requester[from];
      since[i] = this.since[from];
      fresh[i] = this.fresh[from];
    }
    this.quantity = quantity;
    this.requester = requester;
    this.since = since;
    this.fresh = fresh;
    this.head = 0;
  }
}
