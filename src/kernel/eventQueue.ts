/**
 * Pending events in a binary min-heap ordered by (time, sequence).
 *
 * Events live in "slots": parallel typed arrays holding each event's time, insertion sequence, kind,
 * target and value. The heap itself holds slot numbers plus a copy of each slot's time, so the common
 * comparison (different times) reads one contiguous Float64Array and ties fall back to the sequence,
 * Events at the same time run by ascending priority, then first-in first-out (SimPy's rule), so the
 * order is fully deterministic.
 *
 * Nothing is allocated per event: slots are recycled through a free list and the arrays grow by
 * doubling only when more events are pending at once than ever before.
 *
 * A handle returned by `push` encodes the slot and its generation, so cancelling an event that has
 * already fired (and whose slot was reused) is detected instead of silently cancelling another one.
 */
const SLOT_BITS = 2 ** 24;
const NO_SLOT = -1;
/** tie-break key = priority * PRIORITY_SCALE + sequence; exact in a double for 2^40 events */
const PRIORITY_SCALE = 2 ** 40;
export const MAX_PRIORITY = 2 ** 12;

export type EventHandle = number;

export class EventQueue {
  // slot storage
  private slotTime: Float64Array;
  private slotSeq: Float64Array;
  private slotKind: Int32Array;
  private slotTarget: Int32Array;
  private slotValue: Float64Array;
  private slotGeneration: Uint32Array;
  /** heap position of each slot, or NO_SLOT when the slot is free */
  private slotPosition: Int32Array;
  private freeSlots: Int32Array;
  private freeCount = 0;
  private slotsUsed = 0;

  // heap storage: slot number and its time, by heap position
  private heapSlot: Int32Array;
  private heapTime: Float64Array;
  private count = 0;
  private nextSeq = 0;

  constructor(initialCapacity = 1024) {
    const capacity = Math.max(16, initialCapacity);
    this.slotTime = new Float64Array(capacity);
    this.slotSeq = new Float64Array(capacity);
    this.slotKind = new Int32Array(capacity);
    this.slotTarget = new Int32Array(capacity);
    this.slotValue = new Float64Array(capacity);
    this.slotGeneration = new Uint32Array(capacity);
    this.slotPosition = new Int32Array(capacity).fill(NO_SLOT);
    this.freeSlots = new Int32Array(capacity);
    this.heapSlot = new Int32Array(capacity);
    this.heapTime = new Float64Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  /** Time of the earliest pending event, or Infinity when none is pending. */
  peekTime(): number {
    return this.count > 0 ? this.heapTime[0] : Infinity;
  }
  peekKind(): number {
    return this.slotKind[this.heapSlot[0]];
  }
  peekTarget(): number {
    return this.slotTarget[this.heapSlot[0]];
  }
  peekValue(): number {
    return this.slotValue[this.heapSlot[0]];
  }

  push(time: number, kind: number, target: number, value: number, priority = 0): EventHandle {
    const slot = this.allocateSlot(time, kind, target, value, priority);
    if (this.count === this.heapSlot.length) this.growHeap();
    const position = this.count++;
    this.heapSlot[position] = slot;
    this.heapTime[position] = time;
    this.slotPosition[slot] = position;
    this.siftUp(position);
    return this.handleOf(slot);
  }

  /** Removes the earliest event (its fields must have been read with the peek methods first). */
  pop(): void {
    const top = this.heapSlot[0];
    this.freeSlot(top);
    const last = --this.count;
    if (last > 0) {
      this.heapSlot[0] = this.heapSlot[last];
      this.heapTime[0] = this.heapTime[last];
      this.slotPosition[this.heapSlot[0]] = 0;
      this.siftDown(0);
    }
  }

  /**
   * Replaces the earliest event by a new one in a single sift-down. This is the common case of an
   * event that schedules its own successor (a customer arrival scheduling the next arrival) and
   * saves the sift-up of a push plus the sift-down of a pop.
   */
  replaceTop(time: number, kind: number, target: number, value: number, priority = 0): EventHandle {
    const top = this.heapSlot[0];
    this.freeSlot(top);
    const slot = this.allocateSlot(time, kind, target, value, priority);
    this.heapSlot[0] = slot;
    this.heapTime[0] = time;
    this.slotPosition[slot] = 0;
    this.siftDown(0);
    return this.handleOf(slot);
  }

  /** True while the event behind `handle` is still pending. */
  isPending(handle: EventHandle): boolean {
    const slot = handle % SLOT_BITS;
    const generation = Math.floor(handle / SLOT_BITS);
    return slot < this.slotsUsed && this.slotGeneration[slot] === generation && this.slotPosition[slot] !== NO_SLOT;
  }

  /** Removes a pending event. Throws if the handle's event already fired or was cancelled. */
  cancel(handle: EventHandle): void {
    if (!this.isPending(handle)) {
      throw new Error(`cancel: event handle ${handle} is not pending (already fired or cancelled)`);
    }
    const slot = handle % SLOT_BITS;
    const position = this.slotPosition[slot];
    this.freeSlot(slot);
    const last = --this.count;
    if (position === last) return;
    this.heapSlot[position] = this.heapSlot[last];
    this.heapTime[position] = this.heapTime[last];
    const moved = this.heapSlot[position];
    this.slotPosition[moved] = position;
    // the moved event may belong above or below its new position
    this.siftUp(position);
    if (this.slotPosition[moved] === position) this.siftDown(position);
  }

  clear(): void {
    for (let i = 0; i < this.count; i++) this.freeSlot(this.heapSlot[i]);
    this.count = 0;
  }

  private handleOf(slot: number): EventHandle {
    return this.slotGeneration[slot] * SLOT_BITS + slot;
  }

  private allocateSlot(time: number, kind: number, target: number, value: number, priority: number): number {
    let slot: number;
    if (this.freeCount > 0) {
      slot = this.freeSlots[--this.freeCount];
    } else {
      if (this.slotsUsed === this.slotTime.length) this.growSlots();
      slot = this.slotsUsed++;
    }
    this.slotTime[slot] = time;
    this.slotSeq[slot] = priority * PRIORITY_SCALE + this.nextSeq++;
    this.slotKind[slot] = kind;
    this.slotTarget[slot] = target;
    this.slotValue[slot] = value;
    return slot;
  }

  private freeSlot(slot: number): void {
    this.slotPosition[slot] = NO_SLOT;
    this.slotGeneration[slot] = (this.slotGeneration[slot] + 1) >>> 0;
    this.freeSlots[this.freeCount++] = slot;
  }

  /** a before b in (time, priority, sequence) order */
  private before(timeA: number, slotA: number, timeB: number, slotB: number): boolean {
    return timeA < timeB || (timeA === timeB && this.slotSeq[slotA] < this.slotSeq[slotB]);
  }

  private siftUp(start: number): void {
    const heapSlot = this.heapSlot;
    const heapTime = this.heapTime;
    const slot = heapSlot[start];
    const time = heapTime[start];
    let position = start;
    while (position > 0) {
      const parent = (position - 1) >> 1;
      if (!this.before(time, slot, heapTime[parent], heapSlot[parent])) break;
      heapSlot[position] = heapSlot[parent];
      heapTime[position] = heapTime[parent];
      this.slotPosition[heapSlot[position]] = position;
      position = parent;
    }
    heapSlot[position] = slot;
    heapTime[position] = time;
    this.slotPosition[slot] = position;
  }

  private siftDown(start: number): void {
    const heapSlot = this.heapSlot;
    const heapTime = this.heapTime;
    const count = this.count;
    const slot = heapSlot[start];
    const time = heapTime[start];
    let position = start;
    for (;;) {
      let child = 2 * position + 1;
      if (child >= count) break;
      const right = child + 1;
      if (right < count && this.before(heapTime[right], heapSlot[right], heapTime[child], heapSlot[child])) child = right;
      if (!this.before(heapTime[child], heapSlot[child], time, slot)) break;
      heapSlot[position] = heapSlot[child];
      heapTime[position] = heapTime[child];
      this.slotPosition[heapSlot[position]] = position;
      position = child;
    }
    heapSlot[position] = slot;
    heapTime[position] = time;
    this.slotPosition[slot] = position;
  }

  private growSlots(): void {
    const capacity = this.slotTime.length * 2;
    if (capacity > SLOT_BITS) throw new Error(`event queue: more than ${SLOT_BITS} events pending at once`);
    this.slotTime = grow(this.slotTime, capacity);
    this.slotSeq = grow(this.slotSeq, capacity);
    this.slotKind = grow(this.slotKind, capacity);
    this.slotTarget = grow(this.slotTarget, capacity);
    this.slotValue = grow(this.slotValue, capacity);
    this.slotGeneration = grow(this.slotGeneration, capacity);
    const position = new Int32Array(capacity).fill(NO_SLOT);
    position.set(this.slotPosition);
    this.slotPosition = position;
    this.freeSlots = grow(this.freeSlots, capacity);
  }

  private growHeap(): void {
    const capacity = this.heapSlot.length * 2;
    this.heapSlot = grow(this.heapSlot, capacity);
    this.heapTime = grow(this.heapTime, capacity);
  }
}

function grow<T extends Float64Array | Int32Array | Uint32Array>(array: T, capacity: number): T {
  const bigger = new (array.constructor as new (n: number) => T)(capacity);
  bigger.set(array);
  return bigger;
}
