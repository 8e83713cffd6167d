/**
 * Where the engine's time goes on bench-A, against the hand-written loop of
 * `../shared/bench/handtuned_bench.cjs` (bench-A as a minimal calendar-queue loop over typed arrays).
 *
 * `kernelAlone` runs bench-A's model (1,000 stock points, Poisson arrivals of 20 a day buying one unit,
 * continuous (s, S) = (60, 200), lead time 2 to 6 whole days, lost sales, 365 days) on the engine's
 * kernel (src/kernel/environment.ts and its calendar queue) with the smallest handler that model
 * needs: two typed arrays of stock, the engine's random streams (Alea stepped in place, the table-driven
 * exponential gap) and no KPI beyond units sold and lost. It is the floor the engine cannot go under
 * without a faster kernel, so the comparison of three figures says which part of the gap to the hand
 * loop is the kernel's (generality of the event set: priorities, cancellable handles, an adaptive
 * bucket width, event limits) and which the model's (stock points, demand streams, KPIs, day
 * boundaries). Its fill rate is bench-A's (about 0.853), a check that it is the same model.
 *
 * `handLoop` runs the hand-written loop itself, side by side, when `../shared/bench` is there.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Environment } from '../src/kernel/environment.ts';
import { RandomStreams, aleaNext } from '../src/random/streams.ts';
import { exponentialGap } from '../src/math/libm.ts';

const HAND_LOOP = fileURLToPath(new URL('../../shared/bench/handtuned_bench.cjs', import.meta.url));

const POINTS = 1000;
const RATE = 20;
const REORDER_POINT = 60;
const ORDER_UP_TO = 200;
const LEAD_MIN = 2;
const LEAD_SPAN = 5;
const HORIZON = 365;

const ARRIVAL = 0;
const ORDER = 1;
const DELIVERY = 2;

export interface KernelAlone {
  /** the fastest repeat */
  wallSeconds: number;
  wallSecondsEach: number[];
  events: number;
  fillRate: number;
}

export interface HandLoop {
  /** the fastest repeat of `--bench A --queue cq` */
  wallSeconds: number;
  wallSecondsEach: number[];
  fillRate: number;
}

function kernelOnce(): { wallSeconds: number; events: number; fillRate: number } {
  const streams = new RandomStreams('kernel-alone');
  // each stock point's arrivals step their own Alea state in place, as the engine's steady streams do
  const arrivalStates = new Float64Array(POINTS * 4);
  for (let point = 0; point < POINTS; point++) arrivalStates.set(streams.state(`arrivals:${point}`), point * 4);
  const leadTimes = streams.stream('lead-times');
  const onHand = new Float64Array(POINTS).fill(ORDER_UP_TO);
  const onOrder = new Float64Array(POINTS);
  let sold = 0;
  let lost = 0;
  const env: Environment = new Environment((kind, point, quantity) => {
    const now = env.now;
    if (kind === ARRIVAL) {
      env.schedule(now + exponentialGap(aleaNext(arrivalStates, point * 4)) / RATE, ARRIVAL, point);
      let stock = onHand[point];
      if (stock >= 1) {
        onHand[point] = stock -= 1;
        sold++;
      } else lost++;
      const position = stock + onOrder[point];
      if (position <= REORDER_POINT) {
        onOrder[point] += ORDER_UP_TO - position;
        env.schedule(now, ORDER, point, ORDER_UP_TO - position);
      }
    } else if (kind === ORDER) {
      env.schedule(now + LEAD_MIN + Math.floor(leadTimes() * LEAD_SPAN), DELIVERY, point, quantity);
    } else {
      onHand[point] += quantity;
      onOrder[point] -= quantity;
    }
  }, POINTS * 4);
  for (let point = 0; point < POINTS; point++) env.schedule(exponentialGap(aleaNext(arrivalStates, point * 4)) / RATE, ARRIVAL, point);
  const start = performance.now();
  env.run(HORIZON);
  return { wallSeconds: (performance.now() - start) / 1000, events: env.eventsProcessed, fillRate: sold / (sold + lost) };
}

/** bench-A's model on the bare kernel, `repeats` times after a warm-up run; the fastest is reported. */
export function timeKernelAlone(repeats: number): KernelAlone {
  kernelOnce();
  const runs = Array.from({ length: repeats }, kernelOnce);
  const fastest = runs.reduce((best, run) => (run.wallSeconds < best.wallSeconds ? run : best));
  return { wallSeconds: fastest.wallSeconds, wallSecondsEach: runs.map((run) => run.wallSeconds), events: fastest.events, fillRate: fastest.fillRate };
}

/** The hand-written loop, `repeats` times in fresh processes; null when `../shared/bench` is not beside the checkout. */
export function timeHandLoop(repeats: number): HandLoop | null {
  if (!existsSync(HAND_LOOP)) return null;
  const runs = Array.from({ length: repeats }, () => {
    const output = JSON.parse(execFileSync(process.execPath, [HAND_LOOP, '--bench', 'A', '--queue', 'cq'], { encoding: 'utf8' })) as { sim_seconds: number; fill_rate: number };
    return { wallSeconds: output.sim_seconds, fillRate: output.fill_rate };
  });
  const fastest = runs.reduce((best, run) => (run.wallSeconds < best.wallSeconds ? run : best));
  return { wallSeconds: fastest.wallSeconds, wallSecondsEach: runs.map((run) => run.wallSeconds), fillRate: fastest.fillRate };
}
