/**
 * The range where the closed forms of this library can be computed in a moment. Every loop in them
 * either runs a number of times fixed by its inputs (checked here before it starts) or counts its
 * steps as it goes; past these limits a formula throws OutsideAnalyticRange instead of running for
 * hours (an order quantity of 10¹⁵ summed level by level, a lead time of 10⁶ days convolved day by
 * day). Callers turn it into data: "outside the analytic model's range", with the reason.
 *
 * The limits: MAX_STEPS elementary steps (an addition and a multiplication in a loop: about 1 ns each
 * in V8, so at most a fraction of a second) and MAX_TABLE_LENGTH values in one probability table (a
 * Poisson mean of about a million; 8 MB).
 */

/** the most elementary loop steps a closed form may take */
export const MAX_STEPS = 100_000_000;

/** the most values a probability table may hold */
export const MAX_TABLE_LENGTH = 1_000_000;

/**
 * What a closed form was computing when it reached the edge of the range, as facts (for a page that
 * words it in another language); `rangeTaskText` is its English.
 */
export type RangeTask =
  | { id: 'convolution' }
  | { id: 'periodicSSLeadTime'; periods: number }
  | { id: 'periodicSSFormulas' }
  | { id: 'rqLevels'; quantity: number }
  | { id: 'rqSearch' }
  | { id: 'optimalMakeToStock'; utilisation: number }
  | { id: 'chenZheng' }
  | { id: 'perishableChain'; states: number };

/** Why a closed form is outside the range, as facts; `rangeReasonText` is its English (OutsideAnalyticRange's message). */
export type RangeReason =
  /** the work, estimated before it starts, exceeds `limit` steps */
  | { kind: 'steps'; task: RangeTask; steps: number; limit: number }
  /** a search or recursion spent `limit` steps without finishing */
  | { kind: 'budget'; task: RangeTask; limit: number }
  /** a Poisson table of `length` values for a demand of mean `mean` */
  | { kind: 'poissonTable'; mean: number; length: number; limit: number }
  /** a table of `length` values for a sum of demands */
  | { kind: 'sumTable'; length: number; limit: number }
  /** Erlang's loss formula walked `limit` servers of `servers` */
  | { kind: 'erlangLoss'; servers: number; load: number; limit: number };

/** "a sum of demands (convolution)", "the (s, S) formulas" */
export function rangeTaskText(task: RangeTask): string {
  switch (task.id) {
    case 'convolution':
      return 'a sum of demands (convolution)';
    case 'periodicSSLeadTime':
      return `a lead time of ${readable(task.periods)} periods: the demand over it`;
    case 'periodicSSFormulas':
      return 'the (s, S) formulas';
    case 'rqLevels':
      return `the (r, Q) formula averages over Q = ${readable(task.quantity)} levels: it`;
    case 'rqSearch':
      return 'the search for the optimal (r, Q)';
    case 'optimalMakeToStock':
      return `the optimal base stock at utilisation ${task.utilisation}`;
    case 'chenZheng':
      return 'the Chen–Zheng recursion for the optimal echelon levels';
    case 'perishableChain':
      return `the Markov chain of stock by remaining life (${readable(task.states)} states)`;
  }
}

/** The reason in English: "a Poisson demand of mean 2,000,000 needs a table of about 2,070,812 values (the limit is 1,000,000)". */
export function rangeReasonText(reason: RangeReason): string {
  switch (reason.kind) {
    case 'steps':
      return `${rangeTaskText(reason.task)} would take about ${readable(reason.steps)} steps to compute (the limit is ${readable(reason.limit)})`;
    case 'budget':
      return `${rangeTaskText(reason.task)} did not finish within ${readable(reason.limit)} steps`;
    case 'poissonTable':
      return `a Poisson demand of mean ${readable(reason.mean)} needs a table of about ${readable(reason.length)} values (the limit is ${readable(reason.limit)})`;
    case 'sumTable':
      return `a sum of demands needs a table of ${readable(reason.length)} values (the limit is ${readable(reason.limit)})`;
    case 'erlangLoss':
      return `Erlang's loss formula for ${readable(reason.servers)} servers and a load of ${readable(reason.load)} did not finish within ${readable(reason.limit)} steps`;
  }
}

/** A closed form asked for more work than MAX_STEPS or a table longer than MAX_TABLE_LENGTH: why, in English and as facts. */
export class OutsideAnalyticRange extends Error {
  constructor(readonly reason: RangeReason) {
    super(rangeReasonText(reason));
    this.name = 'OutsideAnalyticRange';
  }
}

/** A number as people read it: 1,000,000 below 10¹⁵, else 1e15 (exact text of huge numbers helps nobody). */
export function readable(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 1e15) return value.toExponential(2).replace(/\.?0+e/, 'e').replace('e+', 'e');
  return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** Throws OutsideAnalyticRange when `steps` (estimated before a loop starts) exceed MAX_STEPS. */
export function requireSteps(steps: number, task: RangeTask): void {
  if (!(steps <= MAX_STEPS)) throw new OutsideAnalyticRange({ kind: 'steps', task, steps, limit: MAX_STEPS });
}

/**
 * A step counter for loops whose length is not known in advance (a search for an optimum): `spend`
 * adds steps and throws OutsideAnalyticRange once MAX_STEPS are spent.
 */
export class StepBudget {
  private spent = 0;

  constructor(private readonly task: RangeTask) {}

  spend(steps: number): void {
    this.spent += steps;
    if (this.spent > MAX_STEPS) throw new OutsideAnalyticRange({ kind: 'budget', task: this.task, limit: MAX_STEPS });
  }
}
