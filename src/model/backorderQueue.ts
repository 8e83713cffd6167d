/**
 * Units owed by a stock point, first come first served: a customer order (requester CUSTOMER), a
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
  private head = 0;
  private count = 0;

  get length(): number {
    return this.count;
  }

  push(quantity: number, requester: number, since: number): void {
    if (this.count === this.quantity.length) this.grow();
    const tail = (this.head + this.count) & (this.quantity.length - 1);
    this.quantity[tail] = quantity;
    this.requester[tail] = requester;
    this.since[tail] = since;
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

  private grow(): void {
    const capacity = this.quantity.length * 2;
    const quantity = new Float64Array(capacity);
    const requester = new Int32Array(capacity);
    const since = new Float64Array(capacity);
    for (let i = 0; i < this.count; i++) {
      const from = (this.head + i) & (this.quantity.length - 1);
      quantity[i] = this.quantity[from];
      requester[i] = this.requester[from];
      since[i] = this.since[from];
    }
    this.quantity = quantity;
    this.requester = requester;
    this.since = since;
    this.head = 0;
  }
}
