import { describe, expect, it } from 'vitest';
import { Environment, EventLimitExceeded, type EventHandle } from '../../src/kernel/environment.ts';
import { RandomStreams } from '../../src/random/streams.ts';

/**
 * A tiny harness after SimPy's tests: every event is named (its `target` indexes `names`), handlers
 * log `[name, now]`, and a test may attach an action to a name (run when that event fires).
 */
function harness() {
  const names: string[] = [];
  const actions = new Map<string, () => void>();
  const log: [string, number][] = [];
  const env = new Environment((_kind, target) => {
    const name = names[target];
    log.push([name, env.now]);
    actions.get(name)?.();
  });
  const at = (time: number, name: string, priority = 0): EventHandle => {
    names.push(name);
    return env.schedule(time, 0, names.length - 1, 0, priority);
  };
  const after = (delay: number, name: string, priority = 0): EventHandle => {
    names.push(name);
    return env.timeout(delay, 0, names.length - 1, 0, priority);
  };
  const on = (name: string, action: () => void) => actions.set(name, action);
  return { env, at, after, on, log };
}

describe('Environment: order of events', () => {
  it('runs events in time order, whatever order they were scheduled in', () => {
    const { env, at, log } = harness();
    at(5, 'e');
    at(1, 'a');
    at(3, 'c');
    at(2.5, 'b');
    at(4, 'd');
    env.run();
    expect(log).toEqual([['a', 1], ['b', 2.5], ['c', 3], ['d', 4], ['e', 5]]);
  });

  it('runs events at the same time and priority first in, first out', () => {
    const { env, at, log } = harness();
    for (const name of ['first', 'second', 'third', 'fourth']) at(2, name);
    at(1, 'earlier');
    env.run();
    expect(log).toEqual([['earlier', 1], ['first', 2], ['second', 2], ['third', 2], ['fourth', 2]]);
  });

  it('runs the lower priority first at equal time, but never before an earlier time', () => {
    const { env, at, log } = harness();
    at(1, 'p2', 2);
    at(1, 'p0', 0);
    at(1, 'p1', 1);
    at(1, 'p0-again', 0);
    at(0.5, 'earlier-p9', 9);
    at(2, 'later-p0', 0);
    env.run();
    expect(log).toEqual([
      ['earlier-p9', 0.5],
      ['p0', 1],
      ['p0-again', 1],
      ['p1', 1],
      ['p2', 1],
      ['later-p0', 2],
    ]);
  });

  it('runs an event a handler schedules at now after the same-time events already pending', () => {
    const { env, at, after, on, log } = harness();
    at(1, 'a');
    at(1, 'b');
    at(1, 'c');
    on('a', () => after(0, 'from-a'));
    on('b', () => after(0, 'from-b'));
    env.run();
    expect(log).toEqual([['a', 1], ['b', 1], ['c', 1], ['from-a', 1], ['from-b', 1]]);
  });

  it('lets a same-time event of lower priority scheduled by a handler run before pending ones', () => {
    const { env, at, after, on, log } = harness();
    at(1, 'a', 1);
    at(1, 'b', 1);
    on('a', () => after(0, 'urgent', 0));
    env.run();
    expect(log).toEqual([['a', 1], ['urgent', 1], ['b', 1]]);
  });

  it('keeps the order when a handler schedules its successor in place of itself (replaceTop)', () => {
    const { env, at, after, on, log } = harness();
    // a clock ticking every day: each tick schedules the next one while it is being handled
    let ticks = 0;
    const tick = () => {
      ticks++;
      if (ticks < 4) after(1, `tick${ticks}`);
    };
    for (let i = 0; i < 4; i++) on(`tick${i}`, tick);
    at(0, 'tick0');
    // pending before the tick at 2 is scheduled (during the tick at 1), so it runs first
    at(2, 'pending-at-2');
    at(1.5, 'between');
    at(10, 'last');
    env.run();
    expect(log).toEqual([
      ['tick0', 0],
      ['tick1', 1],
      ['between', 1.5],
      ['pending-at-2', 2],
      ['tick2', 2],
      ['tick3', 3],
      ['last', 10],
    ]);
  });

  it('keeps the order when a handler schedules several events and cancels one', () => {
    const { env, at, after, on, log } = harness();
    const doomed = at(3, 'doomed');
    at(2, 'a');
    at(2, 'b');
    on('a', () => {
      after(2, 'a+2'); // replaces the handled event at the top of the heap
      after(0.5, 'a+0.5'); // an ordinary push
      env.cancel(doomed);
      after(0, 'a+0');
    });
    env.run();
    expect(log).toEqual([['a', 2], ['b', 2], ['a+0', 2], ['a+0.5', 2.5], ['a+2', 4]]);
  });
});

describe('Environment: cancel', () => {
  it('removes a pending event', () => {
    const { env, at, log } = harness();
    at(1, 'a');
    const b = at(2, 'b');
    at(3, 'c');
    expect(env.isPending(b)).toBe(true);
    env.cancel(b);
    expect(env.isPending(b)).toBe(false);
    expect(env.pendingEvents).toBe(2);
    env.run();
    expect(log).toEqual([['a', 1], ['c', 3]]);
  });

  it('throws when the event was already cancelled', () => {
    const { env, at } = harness();
    const a = at(1, 'a');
    env.cancel(a);
    expect(() => env.cancel(a)).toThrow(/not pending/);
  });

  it('throws when the event already fired, even after its slot was reused', () => {
    const { env, at, log } = harness();
    const fired = at(1, 'fired');
    env.run();
    expect(env.isPending(fired)).toBe(false);
    expect(() => env.cancel(fired)).toThrow(/not pending/);
    // the freed slot now holds another event: the stale handle must not reach it
    const reused = at(2, 'reuses-the-slot');
    expect(() => env.cancel(fired)).toThrow(/not pending/);
    expect(env.isPending(reused)).toBe(true);
    env.run();
    expect(log).toEqual([['fired', 1], ['reuses-the-slot', 2]]);
  });

  it('sees the event being handled as fired: it cannot be cancelled from its own handler', () => {
    const { env, at, on, log } = harness();
    let self: EventHandle = -1;
    let pendingWhileHandled: boolean | undefined;
    self = at(1, 'self');
    at(2, 'next');
    on('self', () => {
      pendingWhileHandled = env.isPending(self);
      expect(() => env.cancel(self)).toThrow(/not pending/);
    });
    env.run();
    expect(pendingWhileHandled).toBe(false);
    expect(log).toEqual([['self', 1], ['next', 2]]);
  });

  it('cancels a same-time event from a handler', () => {
    const { env, at, on, log } = harness();
    at(1, 'a');
    const b = at(1, 'b');
    at(1, 'c');
    on('a', () => env.cancel(b));
    env.run();
    expect(log).toEqual([['a', 1], ['c', 1]]);
  });
});

describe('Environment: run(until) and step()', () => {
  it('processes events at exactly until, leaves later ones pending and sets now to until', () => {
    const { env, at, log } = harness();
    at(1, 'a');
    at(2, 'at-until');
    at(2.000001, 'just-after');
    at(5, 'later');
    env.run(2);
    expect(log).toEqual([['a', 1], ['at-until', 2]]);
    expect(env.now).toBe(2);
    expect(env.pendingEvents).toBe(2);
    expect(env.peek()).toBe(2.000001);

    env.run(4);
    expect(env.now).toBe(4); // the clock moves to until even when the last event was earlier
    expect(log).toEqual([['a', 1], ['at-until', 2], ['just-after', 2.000001]]);

    env.run();
    expect(env.now).toBe(5);
    expect(log.at(-1)).toEqual(['later', 5]);
    expect(env.pendingEvents).toBe(0);
    expect(env.eventsProcessed).toBe(4);
  });

  it('moves the clock to until when no event is pending', () => {
    const { env } = harness();
    env.run(7.5);
    expect(env.now).toBe(7.5);
    expect(env.peek()).toBe(Infinity);
  });

  it('refuses to schedule before now and refuses bad priorities', () => {
    const { env, at } = harness();
    env.run(3);
    expect(() => at(2.9, 'past')).toThrow(/not a finite time from now \(3\)/);
    expect(() => at(4, 'fractional', 0.5)).toThrow(/priority/);
    expect(() => at(4, 'negative', -1)).toThrow(/priority/);
    expect(() => env.schedule(Number.NaN, 0, 0)).toThrow(/not a finite time/);
    expect(() => env.schedule(Infinity, 0, 0)).toThrow(/not a finite time/);
  });

  it('step() processes one event at a time and returns false when none is left', () => {
    const { env, at, after, on, log } = harness();
    at(2, 'b');
    at(1, 'a');
    on('a', () => after(0.5, 'from-a'));
    expect(env.step()).toBe(true);
    expect(log).toEqual([['a', 1]]);
    expect(env.now).toBe(1);
    expect(env.pendingEvents).toBe(2);
    expect(env.step()).toBe(true);
    expect(env.now).toBe(1.5);
    expect(env.step()).toBe(true);
    expect(env.step()).toBe(false);
    expect(env.now).toBe(2);
    expect(log).toEqual([['a', 1], ['from-a', 1.5], ['b', 2]]);
    expect(env.eventsProcessed).toBe(3);
  });

  it('step() and run() can be mixed', () => {
    const { env, at, log } = harness();
    at(1, 'a');
    at(2, 'b');
    at(3, 'c');
    env.step();
    env.run(2);
    env.step();
    expect(log).toEqual([['a', 1], ['b', 2], ['c', 3]]);
  });

  it('drops an event whose handler threw in step(), so it is not dispatched again', () => {
    const { env, at, on, log } = harness();
    at(1, 'throws');
    at(2, 'next');
    on('throws', () => {
      throw new Error('boom');
    });
    expect(() => env.step()).toThrow('boom');
    expect(env.pendingEvents).toBe(1);
    env.run();
    expect(log).toEqual([['throws', 1], ['next', 2]]);
  });

  // run() has no try/finally around dispatch (step() has one): when a handler throws, the event stays
  // at the top of the queue flagged as "current", so a later run() or step() dispatches it again.
  it('drops an event whose handler threw in run(), so it is not dispatched again', () => {
    const { env, at, on, log } = harness();
    at(1, 'throws');
    at(2, 'next');
    on('throws', () => {
      throw new Error('boom');
    });
    expect(() => env.run()).toThrow('boom');
    expect(env.pendingEvents).toBe(1);
    env.run();
    expect(log).toEqual([['throws', 1], ['next', 2]]);
  });
});

describe('Environment: randomized order against a sorted reference', () => {
  interface Ref {
    id: number;
    time: number;
    priority: number;
    seq: number;
    handle: EventHandle;
  }
  const byTimePrioritySeq = (a: Ref, b: Ref) => a.time - b.time || a.priority - b.priority || a.seq - b.seq;

  it('pops 10k random schedules, cancels and handler-scheduled events in (time, priority, seq) order', () => {
    const random = new RandomStreams('kernel-property').stream('operations');
    const int = (n: number) => Math.floor(random() * n);
    const pending: Ref[] = [];
    let seq = 0;
    let nextId = 0;
    const fired: number[] = [];
    const expected: number[] = [];

    // within a handler, with some probability schedule a successor (at now or later): the replaceTop
    // path for the first one, an ordinary push for any further ones
    const scheduleRandom = (from: number) => {
      // few distinct times and priorities, so ties are frequent
      const time = from + (random() < 0.3 ? 0 : int(20) + (random() < 0.2 ? random() : 0));
      const priority = int(4);
      const id = nextId++;
      const handle = env.schedule(time, 0, id, 0, priority);
      pending.push({ id, time, priority, seq: seq++, handle });
    };
    const env = new Environment((_kind, target) => {
      fired.push(target);
      let children = random() < 0.5 ? int(3) : 0;
      while (children-- > 0) scheduleRandom(env.now);
    });

    const popReference = () => {
      let best = 0;
      for (let i = 1; i < pending.length; i++) if (byTimePrioritySeq(pending[i], pending[best]) < 0) best = i;
      return pending.splice(best, 1)[0];
    };

    for (let op = 0; op < 10_000; op++) {
      const r = random();
      if (r < 0.5 || pending.length === 0) {
        scheduleRandom(env.now);
      } else if (r < 0.65) {
        const victim = pending.splice(int(pending.length), 1)[0];
        expect(env.isPending(victim.handle)).toBe(true);
        env.cancel(victim.handle);
      } else {
        // step: the reference's minimum must be the event that fires (its handler may add more)
        const next = popReference();
        expected.push(next.id);
        const before = fired.length;
        expect(env.step()).toBe(true);
        expect(fired[before]).toBe(next.id);
        expect(env.now).toBe(next.time);
      }
      expect(env.pendingEvents).toBe(pending.length);
    }
    // drain what is left (handlers still schedule, half an event per event on average, so it ends)
    while (pending.length > 0) {
      const next = popReference();
      expected.push(next.id);
      const before = fired.length;
      env.step();
      expect(fired[before]).toBe(next.id);
    }
    expect(env.step()).toBe(false);
    expect(fired).toEqual(expected);
    expect(expected.length).toBeGreaterThan(3000);
  });
});

describe('Environment: event limit', () => {
  it('stops an event storm within an instant at its limit, leaving the next event pending', () => {
    const { env, at, on, log } = harness();
    // an event that schedules its own successor at the same instant never lets time move on
    on('storm', () => at(env.now, 'storm'));
    at(1, 'storm');
    at(2, 'later');
    env.eventLimit = 1000;
    expect(() => env.run()).toThrow(EventLimitExceeded);
    expect(env.eventsProcessed).toBe(1000);
    expect(log).toHaveLength(1000);
    expect(log.every(([name, time]) => name === 'storm' && time === 1)).toBe(true);
    expect(env.pendingEvents).toBe(2);
  });

  it('lets a run of exactly the limit finish', () => {
    const { env, at, log } = harness();
    for (let i = 0; i < 10; i++) at(i, `e${i}`);
    env.eventLimit = 10;
    env.run();
    expect(log).toHaveLength(10);
  });
});

describe('Environment: pending limit', () => {
  it('stops a storm that multiplies when more events are pending than the limit, naming that limit', () => {
    const { env, at, on } = harness();
    // each event schedules two successors a little later: few processed, ever more pending
    on('split', () => {
      at(env.now + 0.001, 'split');
      at(env.now + 0.001, 'split');
    });
    at(0, 'split');
    env.pendingLimit = 500;
    let caught: unknown;
    try {
      env.run();
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(EventLimitExceeded);
    expect((caught as EventLimitExceeded).what).toBe('pending');
    expect(env.pendingEvents).toBeGreaterThan(500);
    expect(env.eventsProcessed).toBeLessThan(1000);
  });
});
