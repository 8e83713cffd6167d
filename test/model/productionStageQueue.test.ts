import { describe, expect, it } from 'vitest';
import { ProductionStage } from '../../src/model/productionStage.ts';

describe('ProductionStage: a long queue of jobs', () => {
  it('serves 200 waiting jobs first come, first served on one server, counting the units inside', () => {
    const stage = new ProductionStage('plant', 1);
    expect(stage.arrive(1, 0, 0)).toBe(0);
    for (let k = 1; k < 201; k++) expect(stage.arrive(k + 1, k, 0)).toBe(-1);
    expect([stage.busy, stage.queueLength]).toEqual([1, 200]);
    // units inside: 1 + 2 + ... + 201 = 201 * 202 / 2
    expect(stage.unitsInside).toBe(20301);
    let inside = 20301;
    for (let k = 0; k < 201; k++) {
      // the job in process is always the oldest one not yet done
      expect([stage.quantityAt(0), stage.destinationAt(0)]).toEqual([k + 1, k]);
      inside -= k + 1;
      expect(stage.finish(0, 0)).toBe(k < 200);
      expect(stage.unitsInside).toBe(inside);
      expect(stage.queueLength).toBe(Math.max(0, 199 - k));
    }
    expect([stage.busy, stage.queueLength, stage.unitsInside]).toEqual([0, 0, 0]);
  });

  it('keeps first come, first served when jobs keep arriving while the queue is worked off', () => {
    const stage = new ProductionStage('plant', 2);
    const started: number[] = [];
    let next = 0;
    const arrive = () => {
      const server = stage.arrive(1, next, 0);
      if (server >= 0) started.push(stage.destinationAt(server));
      next++;
    };
    for (let k = 0; k < 100; k++) arrive();
    // alternate: two arrivals, then each server finishes one job and starts the next in line
    for (let round = 0; round < 150; round++) {
      arrive();
      arrive();
      for (const server of [0, 1]) if (stage.finish(server, 0)) started.push(stage.destinationAt(server));
    }
    // 400 jobs arrived, 300 done, 2 in process: started in arrival order 0, 1, 2, ...
    expect(started).toEqual(Array.from({ length: 302 }, (_, k) => k));
    expect([stage.busy, stage.queueLength, stage.unitsInside]).toEqual([2, 98, 100]);
  });

  it('with three servers, takes the first idle server, and a finished server takes the next job', () => {
    const stage = new ProductionStage('plant', 3);
    expect([stage.arrive(1, 1, 0), stage.arrive(2, 2, 0), stage.arrive(3, 3, 0)]).toEqual([0, 1, 2]);
    expect(stage.busy).toBe(3);
    // server 1 finishes with nothing waiting: it goes idle, and the next order starts on it
    expect(stage.finish(1, 0)).toBe(false);
    expect([stage.busy, stage.destinationAt(1)]).toEqual([2, -1]);
    expect(stage.arrive(4, 4, 0)).toBe(1);
    expect(stage.arrive(5, 5, 0)).toBe(-1);
    expect([stage.busy, stage.queueLength, stage.unitsInside]).toEqual([3, 1, 1 + 3 + 4 + 5]);
  });
});

describe('ProductionStage: outages hold finished orders', () => {
  it('releases each hold once: a second outage releases only what it held', () => {
    const stage = new ProductionStage('plant', 1);
    stage.hold(4, 1);
    stage.hold(6, 2);
    expect([stage.heldUnits, stage.unitsInside]).toEqual([10, 10]);
    const first: [number, number][] = [];
    stage.releaseHeld((quantity, to) => first.push([quantity, to]));
    expect(first).toEqual([
      [4, 1],
      [6, 2],
    ]);
    expect([stage.heldUnits, stage.unitsInside]).toEqual([0, 0]);
    // nothing held: nothing ships
    const none: [number, number][] = [];
    stage.releaseHeld((quantity, to) => none.push([quantity, to]));
    expect(none).toEqual([]);
    stage.hold(3, 5);
    const second: [number, number][] = [];
    stage.releaseHeld((quantity, to) => second.push([quantity, to]));
    expect(second).toEqual([[3, 5]]);
    expect([stage.heldUnits, stage.unitsInside]).toEqual([0, 0]);
  });

  it('counts held units inside the stage beside the jobs in process and waiting', () => {
    const stage = new ProductionStage('plant', 1);
    stage.arrive(2, 1, 0);
    stage.arrive(3, 2, 0);
    // the job of server 0 finishes during an outage: held (read before finish), then the next starts
    stage.hold(stage.quantityAt(0), stage.destinationAt(0));
    expect(stage.finish(0, 0)).toBe(true);
    expect([stage.heldUnits, stage.unitsInside, stage.busy, stage.queueLength]).toEqual([2, 5, 1, 0]);
  });
});
