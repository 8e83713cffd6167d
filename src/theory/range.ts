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

/** A closed form asked for more work than MAX_STEPS or a table longer than MAX_TABLE_LENGTH. */
export class OutsideAnalyticRange extends Error {
  constructor(message: string) {
    super(message);
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
export function requireSteps(steps: number, what: string): void {
  if (!(steps <= MAX_STEPS)) {
    throw new OutsideAnalyticRange(`${what} would take about ${readable(steps)} steps to compute (the limit is ${readable(MAX_STEPS)})`);
  }
}

/**
 * A step counter for loops whose length is not known in advance (a search for an optimum): `spend`
 * adds steps and throws OutsideAnalyticRange once MAX_STEPS are spent.
 */
export class StepBudget {
  private spent = 0;

  constructor(private readonly what: string) {}

  spend(steps: number): void {
    this.spent += steps;
    if (this.spent > MAX_STEPS) {
      throw new OutsideAnalyticRange(`${this.what} did not finish within ${readable(MAX_STEPS)} steps`);
    }
  }
}
