import { EventQueue, MAX_PRIORITY, type EventHandle } from './eventQueue.ts';
import type { Dispatch } from './events.ts';

export type { EventHandle } from './eventQueue.ts';

/**
 * The simulation clock and its pending events, after SimPy's `Environment`: `now`, `schedule`,
 * `timeout`, `step` and `run(until)`. Time is a number in the scenario's time unit (days).
 *
 * While an event is being dispatched it stays at the front of the queue; if its handler schedules a
 * successor, that successor takes over its slot (`EventQueue.replaceTop`) instead of a pop followed
 * by a push.
 */
/**
 * Thrown by `run` when a run reaches its event limit: an event storm (events scheduling one another
 * without end, within one instant or ever closer together) would otherwise never return. `what` says
 * which limit: events processed, or events pending at once (a storm that multiplies, each event
 * scheduling several, fills memory long before it has processed many).
 */
export class EventLimitExceeded extends Error {
  constructor(
    readonly limit: number,
    readonly at: number,
    readonly what: 'processed' | 'pending' = 'processed',
  ) {
    super(what === 'processed' ? `the run reached its limit of ${limit} events at time ${at}` : `the run reached its limit of ${limit} events pending at once at time ${at}`);
    this.name = 'EventLimitExceeded';
  }
}

export class Environment {
  now = 0;
  eventsProcessed = 0;
  /** `run` throws EventLimitExceeded rather than process more events than this (default: no limit) */
  eventLimit = Infinity;
  /** `run` throws EventLimitExceeded rather than hold more events pending than this (default: no limit) */
  pendingLimit = Infinity;
  private readonly queue: EventQueue;
  private readonly dispatch: Dispatch;
  /** true while the event at the top of the queue is being handled and has not been replaced */
  private topIsCurrent = false;
  private stopRequested = false;

  constructor(dispatch: Dispatch, initialCapacity = 1024) {
    this.dispatch = dispatch;
    this.queue = new EventQueue(initialCapacity);
  }

  get pendingEvents(): number {
    return this.queue.size - (this.topIsCurrent ? 1 : 0);
  }

  /**
   * Schedules an event at absolute time `time` (not before `now`). Events at the same time run by
   * ascending `priority` (an integer from 0 to MAX_PRIORITY - 1), then in the order they were scheduled.
   */
  schedule(time: number, kind: number, target: number, value = 0, priority = 0): EventHandle {
    if (!(time >= this.now && time < Infinity)) {
      throw new Error(`schedule: time ${time} is not a finite time from now (${this.now}) on, for event kind ${kind}, target ${target}`);
    }
    if (priority >>> 0 !== priority || priority >= MAX_PRIORITY) {
      throw new Error(`schedule: priority ${priority} is not an integer in [0, ${MAX_PRIORITY})`);
    }
    if (this.topIsCurrent) {
      this.topIsCurrent = false;
      return this.queue.replaceTop(time, kind, target, value, priority);
    }
    return this.queue.push(time, kind, target, value, priority);
  }

  /** Schedules an event `delay` time units from now. */
  timeout(delay: number, kind: number, target: number, value = 0, priority = 0): EventHandle {
    return this.schedule(this.now + delay, kind, target, value, priority);
  }

  /** Cancels a pending event; throws if it already fired, was cancelled, or is the one being handled. */
  cancel(handle: EventHandle): void {
    this.retireCurrent();
    this.queue.cancel(handle);
  }

  /** False once the event has fired (including while it is being handled) or was cancelled. */
  isPending(handle: EventHandle): boolean {
    this.retireCurrent();
    return this.queue.isPending(handle);
  }

  /** Takes the event being handled off the queue so that queries see it as fired. */
  private retireCurrent(): void {
    if (this.topIsCurrent) {
      this.topIsCurrent = false;
      this.queue.pop();
    }
  }

  /** Time of the next event, or Infinity. */
  peek(): number {
    return this.queue.peekTime();
  }

  /**
   * Makes `run` return once the event being handled is done, leaving later events pending (for
   * example to end a run between two events that share a time).
   */
  stop(): void {
    this.stopRequested = true;
  }

  /** Processes the next event. Returns false when no event is pending. */
  step(): boolean {
    const queue = this.queue;
    const slot = queue.peek();
    if (slot < 0) return false;
    this.now = queue.timeOf(slot);
    this.topIsCurrent = true;
    this.eventsProcessed++;
    try {
      this.dispatch(queue.kindOf(slot), queue.targetOf(slot), queue.valueOf(slot));
    } finally {
      if (this.topIsCurrent) {
        this.topIsCurrent = false;
        queue.pop();
      }
    }
    return true;
  }

  /**
   * Processes every event with time <= `until`, then sets the clock to `until`. Events scheduled
   * exactly at `until` are processed. Without `until`, runs until no event is pending.
   */
  run(until = Infinity): void {
    const queue = this.queue;
    const dispatch = this.dispatch;
    this.stopRequested = false;
    try {
      while (!this.stopRequested) {
        const slot = queue.peek();
        if (slot < 0) break;
        const time = queue.timeOf(slot);
        if (time > until) break;
        // checked before the event is taken, so it stays pending (one predictable branch an event)
        if (this.eventsProcessed >= this.eventLimit) throw new EventLimitExceeded(this.eventLimit, time);
        if (queue.size > this.pendingLimit) throw new EventLimitExceeded(this.pendingLimit, time, 'pending');
        this.now = time;
        this.topIsCurrent = true;
        this.eventsProcessed++;
        dispatch(queue.kindOf(slot), queue.targetOf(slot), queue.valueOf(slot));
        if (this.topIsCurrent) {
          this.topIsCurrent = false;
          queue.pop();
        }
      }
    } finally {
      // a handler threw: its event has fired all the same and must not run again
      if (this.topIsCurrent) {
        this.topIsCurrent = false;
        queue.pop();
      }
    }
    if (!this.stopRequested && until !== Infinity && until > this.now) this.now = until;
  }
}
