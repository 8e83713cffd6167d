/**
 * How many cases the property suites (test/property/) try, and from which seed. `npm test` runs the
 * defaults, sized to take seconds on a fixed seed so a failure reproduces; `npm run fuzz -- --runs N
 * [--seed S]` (scripts/fuzz.mjs) sets STOCKLAB_FUZZ_RUNS and STOCKLAB_FUZZ_SEED for a longer search.
 * A suite's own default is scaled by `runs(default)` so their relative sizes stay as chosen.
 */
const requested = process.env.STOCKLAB_FUZZ_RUNS;
const requestedSeed = process.env.STOCKLAB_FUZZ_SEED;

/** The seed every property suite starts from. */
export const FUZZ_SEED = requestedSeed === undefined || requestedSeed === '' ? 20261206 : Number(requestedSeed);

/** The number of cases for a suite whose `npm test` size is `byDefault`. */
export function fuzzRuns(byDefault: number): number {
  return requested === undefined || requested === '' ? byDefault : Math.max(1, Math.round(Number(requested)));
}

/** Whether this is a long fuzzing run (`npm run fuzz`), where slower checks (the CLI on every case) are worth it. */
export const LONG_RUN = requested !== undefined && requested !== '';
