import seedrandom from 'seedrandom';

/**
 * A source of uniform numbers in [0, 1). Distributions take one of these, never Math.random, so a run
 * is reproducible from its seed.
 */
export type RandomStream = () => number;

/**
 * Named, independent random streams for one replication.
 *
 * Every source of randomness (demand at each stock point, lead time on each lane, each customer
 * decision...) asks for its own stream by a stable name. The stream's seed is derived from the
 * replication seed and that name only, so:
 * - two policy variants run on the same seed see the same demand and lead-time draws (common random
 *   numbers), whatever else they do differently;
 * - adding a customer zone or a lane adds new streams and leaves every other stream unchanged.
 *
 * The generator is seedrandom's Alea: fast (its state is plain numbers), with a seeding hash (Mash)
 * that turns similar names into unrelated states. The default ARC4 is 1.7x slower (shared/NOTES.md),
 * and the xor* generators mix a string seed only weakly.
 */
export class RandomStreams {
  private readonly issued = new Set<string>();

  constructor(readonly seed: string) {}

  /** The stream for `name`. Asking twice for the same name is a modelling error and throws. */
  stream(name: string): RandomStream {
    return aleaStream(this.seedOf(name));
  }

  /** The same stream as its raw state, for a hot path that steps it in place with `aleaNext`. */
  state(name: string): Float64Array {
    return aleaState(this.seedOf(name));
  }

  private seedOf(name: string): string {
    if (this.issued.has(name)) {
      throw new Error(`random stream "${name}" was requested twice; each source of randomness needs its own name`);
    }
    this.issued.add(name);
    return `${this.seed}\u0000${name}`;
  }
}

/**
 * seedrandom's Alea generator, seeded by seedrandom itself, stepped over a Float64Array. The numbers
 * are exactly seedrandom.alea's (a test draws both side by side); only the state's storage differs:
 * seedrandom keeps it in object fields, which V8 boxes as separate heap numbers, and the hot path draws
 * a number per customer arrival (shared/NOTES.md: typed-array state is several times faster).
 */
export function aleaStream(seed: string): RandomStream {
  const state = aleaState(seed);
  return () => aleaNext(state, 0);
}

/** The state of seedrandom's Alea for `seed` (s0, s1, s2, c), for `aleaNext` to step in place. */
export function aleaState(seed: string): Float64Array {
  const initial = seedrandom.alea(seed, { state: true }).state();
  return new Float64Array([initial.s0, initial.s1, initial.s2, initial.c]);
}

/**
 * One step of Alea over the state at `state[offset..offset + 3]`: the next uniform in [0, 1). Lets a
 * hot object keep its generator's state beside its other numbers (one cache line, no closure).
 */
export function aleaNext(state: Float64Array, offset: number): number {
  const t = 2091639 * state[offset] + state[offset + 3] * 2.3283064365386963e-10; // 2^-32
  state[offset] = state[offset + 1];
  state[offset + 1] = state[offset + 2];
  state[offset + 3] = t | 0;
  return (state[offset + 2] = t - state[offset + 3]);
}

/**
 * The seed of replication `index` (0-based) of an experiment. Derived from the experiment seed alone,
 * so replication k is the same run whether it is computed first, last, alone or on another worker.
 */
export function replicationSeed(experimentSeed: string | number, index: number): string {
  return `${experimentSeed}/rep-${index}`;
}
